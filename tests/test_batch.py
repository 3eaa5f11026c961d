"""Batch grading: resumable after kill -9, atomic results, progress, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from grader.judge.engine import Limits
from grader.judge.gradescope import GRADESCOPE_LIMITS
from grader.outputs.progress import Progress
from grader.outputs.results import Journal
from tests.conftest import invoke, solution_script, traceback_of


def make_class(folder: Path, count: int, slow: float = 0.0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = solution_script()
    for i in range(count):
        pause = f"import time\ntime.sleep({slow})\n" if slow else ""
        (folder / f"student{i:02d}.py").write_text(f"# student {i}\n{pause}{body}")


def rows(out: Path) -> list[dict]:
    return list(csv.DictReader((out / "grades.csv").open()))


def test_kill_9_then_resume_ends_with_every_row_exactly_once(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    make_class(subs, 12, slow=0.4)
    # A subprocess: the test is a kill -9 of the whole run (its process group), then a resume in process.
    proc = subprocess.Popen([sys.executable, "-m", "grader.cli", "grade", str(subs), "--out", str(out), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    journal = out / "journal.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_text().count('"result"') >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole run: judge, fork server, workers
    proc.wait()
    header, before = Journal(out).read()
    assert 3 <= len(before) < 12, "the kill must land in the middle of the run"
    time.sleep(0.5)
    assert _fork_servers_in_session(proc.pid) == set()

    resumed = invoke("grade", str(subs), "--out", str(out), "--jobs", "2", "--resume")
    assert resumed.exit_code == 0, resumed.stderr + traceback_of(resumed)
    assert f"kept {len(before)} from the earlier run" in resumed.stdout
    final = rows(out)
    assert sorted(r["submission"] for r in final) == sorted(f"student{i:02d}.py" for i in range(12))
    assert all(r["total"] == "26" for r in final)
    doc = json.loads((out / "grades.json").read_text())
    assert doc["meta"]["seed"] == header["seed"]  # the resumed run reused the seed


def _fork_servers_in_session(session: int) -> set[str]:
    """Fork servers left in the killed run's session (it started one of its own with start_new_session).

    By session rather than by interpreter: other runs on the machine (other checkouts, tests
    running beside this one) have fork servers of the same interpreter, and none in this session.
    """
    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if b"grader.worker.forkserver" in cmdline and int(stat.rsplit(")", 1)[1].split()[3]) == session:
            found.add(pid)
    return found


def test_resume_regrades_only_changed_files(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    make_class(subs, 3)
    assert invoke("grade", str(subs), "--out", str(out)).exit_code == 0
    (subs / "student01.py").write_text('q1_answer = "B"\n')
    second = invoke("grade", str(subs), "--out", str(out), "--resume")
    assert second.exit_code == 0 and "graded 1 submission(s)" in second.stdout and "kept 2" in second.stdout
    totals = {r["submission"]: r["total"] for r in rows(out)}
    assert totals == {"student00.py": "26", "student01.py": "0", "student02.py": "26"}


def test_resume_refuses_a_different_seed(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    make_class(subs, 1)
    assert invoke("grade", str(subs), "--out", str(out), "--seed", "5").exit_code == 0
    again = invoke("grade", str(subs), "--out", str(out), "--seed", "6", "--resume")
    assert again.exit_code == 2 and "differs from the seed" in again.stderr


def test_a_torn_journal_line_is_ignored(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "journal.jsonl").write_text('{"header": {"seed": 1}}\n{"result": {"student": "a"')
    header, results = Journal(out).read()
    assert header == {"seed": 1} and results == []


def test_grades_json_records_what_a_regrade_needs(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    make_class(subs, 1)
    assert invoke("grade", str(subs), "--out", str(out), "--seed", "42", "--timeout", "30").exit_code == 0
    meta = json.loads((out / "grades.json").read_text())["meta"]
    assert meta["seed"] == 42 and len(meta["checks_sha256"]) == 64
    assert meta["limits"]["timeout"] == 30
    assert {"cnn-grader", "python", "torch"} <= set(meta["versions"])
    from grader.questions import bank

    assert meta["checks"] == list(bank.CHECKS)


def test_an_output_folder_that_cannot_be_written_is_a_failure_of_the_grader(tmp_path):
    subs = tmp_path / "subs"
    make_class(subs, 1)
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = invoke("grade", str(subs), "--out", str(blocker / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot create") and not traceback_of(result)


def test_canvas_names_give_the_user_id_and_archives_are_graded(tmp_path):
    import zipfile

    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("doejane_4411_99_lecture06.py", solution_script())
        z.writestr("roe_LATE_4412_98_lecture06.py", 'q1_answer = "C"\n')
    result = invoke("grade", str(archive), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    assert {r["student"]: r["total"] for r in rows(tmp_path / "out")} == {"4411": "26", "4412": "1"}


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


class Result:
    student, status, total, max_total, seconds = "alice", "ok", 26, 26, 0.1


def test_no_probe_or_cell_outlasts_the_submission_whoever_makes_the_limits():
    limits = Limits(timeout=2, probe_timeout=5, unit_timeout=9)
    assert (limits.probe_timeout, limits.unit_timeout) == (2, 2)
    assert replace(GRADESCOPE_LIMITS, timeout=5).unit_timeout == 5  # run_autograder's --timeout 5


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere():
    tty = FakeTerminal()
    bar = Progress(tty)
    bar.start(2)
    bar.update(Result())
    bar.update(Result())
    bar.finish()
    text = tty.getvalue()
    assert "\r[" in text and "2/2" in text and "/s" in text and "left" in text
    plain = io.StringIO()
    lines = Progress(plain)
    lines.start(1)
    lines.update(Result())
    assert plain.getvalue() == "[1/1] alice: ok 26/26 (0.10 s)\n"
