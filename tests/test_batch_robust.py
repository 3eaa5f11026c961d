"""Issue 10: every file one row whatever the batch holds, student identities that never merge two
people, no results lost by mistake, and a judge bounded in time and memory.

The hostile inputs are built here, in the test: archives with duplicate members, corrupt deflate
streams, file names that try to start formulas or rows, huge cells, huge answers, a worker that
floods the judge's socket, Gradescope's export layout.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import struct
import zlib
import subprocess
import sys
import threading
import time
import warnings
import zipfile
from pathlib import Path

import pytest

from grader.errors import InvalidSubmission
from grader.judge.submission import (MAX_ARCHIVE_MEMBERS, MAX_EXTRA_FIELD, MemberRefused, Source, find_submissions, load,
                                     open_zip)
from grader.outputs.csvfile import FORMULA_START, csv_cell
from grader.worker.channel import Channel
from tests.conftest import CORPUS, ROOT, invoke, needs_root, solution_script, traceback_of

FULL = "26"
#: The judge's peak memory the issue allows, in KiB.
JUDGE_MEMORY_KIB = 1024 * 1024


def cli_measured(*args, timeout=600) -> tuple[subprocess.CompletedProcess, int, float]:
    """Run the CLI in a fresh parent; also the peak RSS (KiB) of any process of the run, and its wall time.

    A subprocess, not CliRunner: the judge's peak memory is measured, which only a process of its own has.
    """
    code = ("import resource, subprocess, sys, time, json; t = time.monotonic(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(json.dumps([p.returncode, p.stdout, p.stderr, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.monotonic() - t]))")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "grader.cli", *args],
                         capture_output=True, text=True, timeout=timeout)
    rc, stdout, stderr, maxrss, seconds = json.loads(out.stdout)
    return subprocess.CompletedProcess(args, rc, stdout, stderr), maxrss, seconds


def rows(out: Path, name: str = "grades.csv") -> list[dict]:
    with (out / name).open(newline="") as f:
        return list(csv.DictReader(f))


def notebook(*cells: str) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                       "cells": [{"cell_type": "code", "source": c, "metadata": {}, "outputs": [],
                                  "execution_count": None} for c in cells]})


def corrupt_deflate(path: Path, member: str, text: str) -> None:
    """A zip whose member's deflate stream has bytes flipped in its middle (headers intact)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, text)
    data = bytearray(path.read_bytes())
    start = 30 + len(member)  # local header, then the name, then (no extra field) the compressed data
    size = zipfile.ZipFile(path).getinfo(member).compress_size
    for i in range(start + size // 3, start + size // 3 + 16):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


SOCKET_FLOOD = '''
import os, stat, struct
payload = b"[" + b"[]," * (30 * 1024 * 1024) + b"[]]"
frame = struct.pack(">I32s", len(payload), b"0" * 32) + payload
for fd in range(3, 64):
    try:
        if stat.S_ISSOCK(os.fstat(fd).st_mode):
            os.write(fd, frame)
    except OSError:
        pass
'''


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory):
    """One batch holding every file-level attack of the issue beside an honest submission."""
    root = tmp_path_factory.mktemp("hostile")
    subs, out = root / "subs", root / "out"
    subs.mkdir()
    honest = solution_script()
    (subs / "honest.py").write_text(honest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the attack
        with zipfile.ZipFile(subs / "x.zip", "w") as z:
            z.writestr("a.py", honest)
            z.writestr("a.py", 'q1_answer = "C"\n')
    (subs / "x.zip:a.py").write_text(honest)  # its label is the archive member's
    corrupt_deflate(subs / "corrupt.zip", "c.py", honest * 3)
    (subs / "=cmd|' -C calc'!A1\r=HYPERLINK(1)\r@SUM(1).py").write_text(honest)
    (subs / "\tleading_tab.py").write_text(honest)
    (subs / "bangs.ipynb").write_text(notebook(honest, "\n".join(["!ls"] * 170_000)))
    (subs / "literal.ipynb").write_text(notebook(honest, 'x = "' + "a" * (4 * 1024 * 1024) + '"'))
    (subs / "huge_answers.py").write_text(honest + "\nBIG = 'x' * (10 * 1024 * 1024)\nq1_answer = BIG\n"
                                          "q9_true = [BIG]\nq10_answers = {BIG: True}\nq3_shapes = [BIG]\n")
    (subs / "flood.ipynb").write_text(notebook(honest, SOCKET_FLOOD))
    result, maxrss, seconds = cli_measured("grade", str(subs), "--out", str(out), "--timeout", "20",
                                           "--cell-timeout", "10")
    return subs, out, result, maxrss, seconds


def test_every_file_gets_one_row_and_the_batch_exits_0(hostile_batch):
    subs, out, result, _, _ = hostile_batch
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    got = rows(out)
    # 11 files: honest, two same-named members, the look-alike file, corrupt.zip's member, two odd
    # names, four notebooks and scripts that attack the judge.
    assert len(got) == 11, [r["submission"] for r in got]
    assert len({r["student"] + r["submission"] + r["status"] + r["total"] for r in got}) >= 10
    doc = json.loads((out / "grades.json").read_text())
    labels = [r["source"] for r in doc["results"]]
    assert len(set(labels)) == len(labels) == 11


def test_duplicate_members_and_look_alike_labels_are_separate_rows(hostile_batch):
    subs, out, _, _, _ = hostile_batch
    doc = json.loads((out / "grades.json").read_text())
    a_rows = sorted((r["source"], r["total"]) for r in doc["results"] if r["submission"] in ("a.py", "x.zip:a.py"))
    assert [t for _, t in a_rows].count(26.0) == 2 and [t for _, t in a_rows].count(1.0) == 1, a_rows


def test_a_corrupt_deflate_stream_is_an_invalid_row(hostile_batch):
    _, out, _, _, _ = hostile_batch
    (row,) = [r for r in json.loads((out / "grades.json").read_text())["results"] if r["submission"] == "c.py"]
    assert row["status"] == "invalid" and "cannot be read" in row["error"]


def test_honest_answers_keep_full_marks_beside_the_attacks(hostile_batch):
    _, out, _, _, _ = hostile_batch
    totals = {r["submission"]: r["total"] for r in rows(out)}
    assert totals["honest.py"] == FULL
    # the cells that attack the judge cost only themselves
    assert totals["literal.ipynb"] == FULL
    assert totals["flood.ipynb"] == FULL


def test_cells_too_large_for_the_judge_are_not_run_and_say_so(hostile_batch):
    _, out, _, _, _ = hostile_batch
    (row,) = [r for r in json.loads((out / "grades.json").read_text())["results"]
              if r["submission"] == "literal.ipynb"]
    # The cell is named by its first line, as the student finds it, never as "cell 2".
    assert row["status"] == "error" and 'the cell starting `x = "aaa' in row["error"] and "not run" in row["error"]
    assert any(n.startswith('the cell starting `x = "aaa') and "not run" in n for n in row["notes"])


def test_a_cell_of_170000_shell_lines_costs_only_itself(hostile_batch):
    _, out, _, _, seconds = hostile_batch
    (row,) = [r for r in json.loads((out / "grades.json").read_text())["results"] if r["submission"] == "bangs.ipynb"]
    # Too large to run (MAX_UNIT_CHARS), so it is not even transformed: the honest cells beside it count.
    assert row["status"] == "error" and "not run" in row["error"], row
    assert row["total"] == row["max_total"]
    assert seconds < 180


def test_a_flood_of_bytes_into_the_judges_socket_is_skipped_unparsed(hostile_batch):
    _, out, _, _, _ = hostile_batch
    (row,) = [r for r in json.loads((out / "grades.json").read_text())["results"] if r["submission"] == "flood.ipynb"]
    assert any(e["kind"] == "forged" for e in row["events"]), row["events"]


def test_small_submissions_are_parsed_in_the_judge_within_a_bound(tmp_path):
    from grader.judge.submission import INLINE_LINES, Source, load_bounded

    path = tmp_path / "bangs.ipynb"
    path.write_text(notebook("\n".join(["!ls"] * (INLINE_LINES - 10))))
    started = time.monotonic()
    submission = load_bounded(Source(path), seconds=60)
    # Each line is IPython's shell escape, transformed on its own: linear, well under the bound.
    assert time.monotonic() - started < 2
    assert submission.units[0].count("get_ipython().system('ls')") == INLINE_LINES - 10


def test_the_judge_stays_under_1_gib_and_outputs_stay_small(hostile_batch):
    _, out, _, maxrss, _ = hostile_batch
    assert maxrss < JUDGE_MEMORY_KIB, f"peak RSS {maxrss} KiB"
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert total < 20 * 1024 * 1024, total
    for page in (out / "feedback").iterdir():
        assert page.stat().st_size < 1024 * 1024, page
    (row,) = [r for r in json.loads((out / "grades.json").read_text())["results"]
              if r["submission"] == "huge_answers.py"]
    assert all(len(c["feedback"]) <= 1000 for c in row["checks"])
    assert any("characters)" in c["feedback"] for c in row["checks"])  # quoted, cut, and said so


def test_no_csv_cell_starts_a_formula_or_a_row(hostile_batch):
    _, out, _, _, _ = hostile_batch
    for name in ("grades.csv", "gradebook.csv"):
        text = (out / name).read_text()
        assert "\r" not in text
        for row in csv.reader(text.splitlines()):
            for cell in row:
                assert cell.lstrip()[:1] not in FORMULA_START + ("\t",), (name, cell)
    assert len((out / "grades.csv").read_text().splitlines()) == 12


@pytest.mark.parametrize("text", ["=1+1", " =1", "\t=1", "+1", "-1", "@SUM(1)", "|calc", "%0A", "a\rb", "a\nb",
                                  "\u2028=x", "plain"])
def test_csv_cell_is_inert(text):
    cell = csv_cell(text)
    assert cell.isprintable() and (cell.lstrip()[:1] not in FORMULA_START)
    assert text == "plain" or cell != text


@pytest.mark.parametrize("text, written", [
    ("-2.00", "-2.00"), ("-", "-"), ('="=Tables, Bobby"', '="=Tables, Bobby"'), ("Lovelace,\nAda", "Lovelace,\nAda"),
    ("-CS 101", "'-CS 101"), ("\n=cmd", "'\n=cmd"), ("\u200b=cmd", "'\u200b=cmd"), ("@SUM(1)", "'@SUM(1)")])
def test_a_cell_copied_from_canvas_comes_back_as_it_was_unless_it_would_run(text, written):
    assert csv_cell(text, copied=True) == written


# -- identity ------------------------------------------------------------------------------------

METADATA = """\
submission_101:
  :submitters:
  - :name: Ada Lovelace
    :sid: A0001
    :email: ada@example.edu
  :created_at: 2026-11-20 10:00:00.000000000 -08:00
  :score: 0.0
submission_102:
  :submitters:
  - :name: Grace Hopper
    :sid: ''
    :email: grace@example.edu
submission_103:
  :submitters:
  - :name: Alan Turing
    :sid: A0003
    :email: alan@example.edu
  - :name: Kurt Goedel
    :sid: A0004
    :email: kurt@example.edu
"""


def gradescope_export(folder: Path) -> None:
    for ident in (101, 102, 103):
        (folder / f"submission_{ident}").mkdir(parents=True)
        (folder / f"submission_{ident}" / "lecture06.py").write_text('q1_answer = "C"\n')
    (folder / "submission_metadata.yml").write_text(METADATA)


def test_gradescope_export_gives_one_row_per_submitter_with_names(tmp_path):
    export, class_dir, out = tmp_path / "export", tmp_path / "class", tmp_path / "out"
    gradescope_export(export)
    for name in ("alice", "bob"):
        (class_dir / name).mkdir(parents=True)
        (class_dir / name / "lecture06.py").write_text('q1_answer = "C"\n')
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as z:
        for p in sorted(export.rglob("*")):
            if p.is_file():
                z.write(p, "assignment_7_export/" + p.relative_to(export).as_posix())
    result = invoke("grade", str(export), str(class_dir), "--out", str(out), "-q", "q1")
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    got = {r["student"]: r for r in rows(out)}
    assert set(got) == {"A0001", "grace@example.edu", "A0003", "A0004", "alice", "bob"}
    assert got["A0001"]["name"] == "Ada Lovelace" and got["A0004"]["name"] == "Kurt Goedel"
    assert got["A0003"]["total"] == got["A0004"]["total"] == "1"  # each member of the group gets the grade
    assert {r["student"] for r in rows(out, "gradebook.csv")} == set(got)
    pages = sorted(p.name for p in (out / "feedback").glob("*.html"))
    assert len(pages) == 6
    assert "Ada Lovelace" in (out / "report.html").read_text()

    zipped = invoke("grade", str(tmp_path / "export.zip"), "--out", str(tmp_path / "out2"), "-q", "q1")
    assert zipped.exit_code == 0, zipped.stderr + traceback_of(zipped)
    assert {r["student"] for r in rows(tmp_path / "out2")} == {"A0001", "grace@example.edu", "A0003", "A0004"}


def test_same_stems_without_naming_are_kept_apart_with_a_warning(tmp_path):
    for name in ("one", "two"):
        with zipfile.ZipFile(tmp_path / f"{name}.zip", "w") as z:
            z.writestr("lecture06.py", 'q1_answer = "C"\n')
    result = invoke("grade", str(tmp_path / "one.zip"), str(tmp_path / "two.zip"), "--out", str(tmp_path / "out"),
                    "-q", "q1")
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    students = [r["student"] for r in rows(tmp_path / "out")]
    assert len(set(students)) == 2 and all(s.startswith("lecture06-") for s in students)
    assert "warning:" in result.stderr and "kept apart" in result.stderr
    assert len(rows(tmp_path / "out", "gradebook.csv")) == 2


# -- no silent loss -------------------------------------------------------------------------------

def test_an_output_folder_with_results_is_refused_resumed_or_overwritten(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    (subs / "ann.py").write_text('q1_answer = "C"\n')
    (subs / "ben.py").write_text('q1_answer = "A"\n')
    assert invoke("grade", str(subs), "--out", str(out), "-q", "q1").exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    refused = invoke("grade", str(subs), "--out", str(out), "-q", "q1")
    assert refused.exit_code == 2 and "holds the results of an earlier run" in refused.stderr
    assert not traceback_of(refused)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # nothing touched

    assert invoke("grade", str(subs), "--out", str(out), "-q", "q2", "--resume").exit_code == 2  # other questions
    both = invoke("grade", str(subs), "--out", str(out), "--resume", "--overwrite", "-q", "q1")
    assert both.exit_code == 2

    # The late submission, alone: the earlier rows stay, only the new file is graded.
    late = tmp_path / "late"
    late.mkdir()
    (late / "cyd.py").write_text('q1_answer = "C"\n')
    resumed = invoke("grade", str(late), "--out", str(out), "-q", "q1", "--resume")
    assert resumed.exit_code == 0, resumed.stderr + traceback_of(resumed)
    assert "graded 1 submission(s)" in resumed.stdout
    assert {r["student"]: r["total"] for r in rows(out)} == {"ann": "1", "ben": "0", "cyd": "1"}

    # Overwrite: the old rows and their pages are gone.
    overwritten = invoke("grade", str(late), "--out", str(out), "-q", "q1", "--overwrite")
    assert overwritten.exit_code == 0, overwritten.stderr + traceback_of(overwritten)
    assert [r["student"] for r in rows(out)] == ["cyd"]
    assert sorted(p.stem for p in (out / "feedback").glob("*.html")) == ["cyd"]


# -- the judge's connections --------------------------------------------------------------------

def test_a_read_without_deadline_waits_however_long_the_connection_was_idle():
    ours, theirs = socket.socketpair()
    receiver, sender = Channel(ours), Channel(theirs)
    with pytest.raises(TimeoutError):
        receiver.recv(deadline=time.monotonic() + 0.1)
    threading.Timer(0.5, sender.send, args=({"ping": 1},)).start()
    assert receiver.recv() == {"ping": 1}  # the 0.1 s timeout of the read before no longer applies


def test_a_message_with_another_nonce_is_skipped_unparsed_and_a_large_one_refused():
    from grader.checkapi.wire import WireError
    from grader.worker.channel import Forged

    ours, theirs = socket.socketpair()
    receiver, sender = Channel(ours), Channel(theirs)
    right, wrong = "a" * 32, "b" * 32
    threading.Thread(target=lambda: [sender.send({"junk": "x" * 1_000_000, "nonce": wrong}),
                                     sender.send({"ok": 1, "nonce": right}),
                                     sender.send({"big": "y" * 2000, "nonce": right})]).start()
    with pytest.raises(Forged):
        receiver.recv(nonce=right)
    assert receiver.recv(nonce=right) == {"ok": 1, "nonce": right}
    with pytest.raises(WireError, match="larger than"):
        receiver.recv(nonce=right, max_size=1000)


def test_a_worker_refuses_to_send_an_answer_larger_than_the_judge_reads():
    from grader.checkapi.wire import WireError, loads
    from grader.worker.channel import MAX_REPLY

    ours, theirs = socket.socketpair()
    with pytest.raises(WireError):
        Channel(theirs, max_send=MAX_REPLY).send({"x": "z" * (MAX_REPLY + 1)})
    head = b"[" + b"[]," * 1_000_001 + b"[]]"
    with pytest.raises(WireError, match="values"):
        loads(len(head).to_bytes(8, "big") + head)


def test_the_fork_server_survives_idling_past_the_deadline_of_its_last_read(tmp_path):
    import select

    from grader.judge.engine import ForkServerClient
    from grader.judge.grading import grade
    from grader.judge.submission import Source, load
    from tests.conftest import FAST

    path = tmp_path / "late.py"
    path.write_text('q1_answer = "C"\n')
    with ForkServerClient(startup_timeout=120) as server:
        assert select.select([server.channel.sock], [], [], 120)[0], "the fork server did not start"
        server._startup_deadline = time.monotonic() + 1.0  # the start-up read ends with 1 s left on the socket
        server.wait_ready()
        time.sleep(2.5)  # idle past it
        result = grade(load(Source(path)), server, seed=1, limits=FAST)
    assert result.status == "ok" and result.scores["q1"] == 1


def test_find_submissions_names_owners_without_grading(tmp_path):
    from grader.judge.submission import find_submissions, student_id

    gradescope_export(tmp_path / "export")
    (tmp_path / "class" / "alice").mkdir(parents=True)
    (tmp_path / "class" / "alice" / "lecture06.ipynb").write_text("{}")
    (tmp_path / "class" / "alice" / "lecture06_v2.ipynb").write_text("{}")  # attempts of one student: her folder says so
    (tmp_path / "class" / "bob").mkdir()
    (tmp_path / "class" / "bob" / "lecture06.ipynb").write_text("{}")
    found = find_submissions([tmp_path / "export", tmp_path / "class"])
    owners = sorted((s.name, tuple(o.id for o in s.owners)) for s in found.sources)
    assert owners == [("lecture06.ipynb", ("alice",)), ("lecture06.ipynb", ("bob",)),
                      ("lecture06.py", ("A0001",)), ("lecture06.py", ("A0003", "A0004")),
                      ("lecture06.py", ("grace@example.edu",)), ("lecture06_v2.ipynb", ("alice",))]
    # the only warning: the export's metadata was used, named (attack round 68)
    assert found.warnings == [f"{tmp_path / 'export' / 'submission_metadata.yml'}: read as a Gradescope export's "
                              "metadata: the submitters and times of its 3 submission_<id>/ folder(s) come from it"]
    assert student_id("anon_77_3_lecture06.ipynb") == "anon_77"  # Canvas names anonymous downloads anon_<id>_...
    assert student_id("roe_LATE_4412_98_lecture06.py") == "4412"


def test_a_broken_metadata_file_falls_back_to_the_folder_names(tmp_path):
    from grader.judge.submission import find_submissions

    gradescope_export(tmp_path)
    (tmp_path / "submission_metadata.yml").write_text("{{{ not: yaml: [")
    owners = sorted(s.owners[0].id for s in find_submissions([tmp_path]).sources)
    assert owners == ["submission_101", "submission_102", "submission_103"]


def test_every_parse_in_the_judge_holds_the_parser_lock():
    """Python 3.11's ``ast.parse`` is not thread-safe, and the batch grades on one thread per job: two
    parses at once crashed a whole run ("AST constructor recursion depth mismatch", every row lost).
    The judge parses only through :func:`grader.parsing.parse`; workers are single-threaded processes."""
    import ast as python_ast

    unguarded = []
    for path in (ROOT / "grader").rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative in ("grader/parsing.py",) or relative.startswith("grader/worker/"):
            continue
        if relative.startswith("grader/questions/") and path.name == "solution.py":
            continue  # a Jinja template of the question's numbers, not a module of the judge
        for node in python_ast.walk(python_ast.parse(path.read_text(), relative)):
            if isinstance(node, python_ast.Call) and isinstance(node.func, python_ast.Attribute) \
                    and node.func.attr == "parse" and isinstance(node.func.value, python_ast.Name) \
                    and node.func.value.id == "ast":
                unguarded.append(f"{relative}:{node.lineno}")
    assert unguarded == []


def test_a_feedback_page_shows_fifty_failing_cells_and_counts_the_rest(tmp_path):
    """Thousands of failing cells made a 2.5 MB feedback page (attack round 3); a page stays well under 1 MB and
    grades.json keeps every unit."""
    from grader.outputs.report import MAX_BAD_UNITS_SHOWN

    failing = 300
    script = tmp_path / "many_failures.py"
    script.write_text(solution_script() + "\n" + "\n".join(f"raise ValueError('failure {i}' * 40)"
                                                            for i in range(failing)) + "\n")
    out = tmp_path / "out"
    result = invoke("grade", script, "--out", out)
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    page = (out / "feedback" / "many_failures.html").read_text()
    assert f"and {failing - MAX_BAD_UNITS_SHOWN} more" in page
    shown = MAX_BAD_UNITS_SHOWN - 1
    assert f"failure {shown}" in page and f"failure {shown + 1}" not in page and f"failure {failing - 1}" not in page
    assert len(page.encode()) < 1_000_000
    row, = json.loads((out / "grades.json").read_text())["results"]
    assert sum(u["status"] != "ok" for u in row["units"]) == failing


def test_a_folder_tree_of_any_depth_is_removed_without_following_links(tmp_path):
    from grader.worker.cleanup import remove_tree

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep").write_text("kept")
    root = tmp_path / "scratch"
    root.mkdir()
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(3000):  # attack round 7: deeper than the recursion limit, no path ever long
        os.mkdir("d", dir_fd=fd)
        os.close(os.open("f", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
        os.symlink(str(outside), "link", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.mkdir(".cnn-grader-removing-0", dir_fd=fd)  # a name the removal uses, taken in advance
    os.close(os.open(".cnn-grader-removing-0/x", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    os.close(fd)
    assert remove_tree(str(root)) is True
    assert not root.exists()
    assert (outside / "keep").read_text() == "kept"
    assert remove_tree(str(root)) is True  # gone already: nothing to do, no error


@needs_root
def test_a_scratch_tree_too_deep_for_rmtree_costs_only_its_own_row_without_namespaces(tmp_path, monkeypatch):
    # Attack round 7: shutil.rmtree raised RecursionError on the worker's scratch folder and ended the batch;
    # the file after it was never graded.
    monkeypatch.setenv("CNN_GRADER_NAMESPACES", "0")
    out = tmp_path / "out"
    result = invoke("grade", str(CORPUS / "batch_r7" / "ns0_deep_scratch"), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    graded = {r["submission"]: r for r in rows(out)}
    assert set(graded) == {"a_classmate.py", "b_deep_scratch_tree.py", "c_classmate.py"}
    assert all(r["status"] == "ok" for r in graded.values()), graded


def test_a_grader_failure_on_one_file_is_that_files_row_and_the_rest_are_graded(tmp_path, monkeypatch):
    from grader.judge import grading

    real = grading.grade_source

    def failing_on_b(source, *args, **kwargs):
        if source.name == "b.py":
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(grading, "grade_source", failing_on_b)
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text(solution_script())
    out = tmp_path / "out"
    result = invoke("grade", str(tmp_path / "a.py"), str(tmp_path / "b.py"), str(tmp_path / "c.py"),
                    "--out", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.output
    graded = {r["submission"]: r for r in rows(out)}
    assert graded["a.py"]["total"] == graded["c.py"]["total"] == FULL
    assert graded["b.py"]["status"] == "killed" and graded["b.py"]["total"] == "0"
    errors = {r["file"]: r["error"] for r in json.loads((out / "grades.json").read_text())["results"]}
    assert "RecursionError" in errors["b.py"] and errors["a.py"] is None


# -- attack round 10 (tests/corpus/batch_r10/NOTES.md): how the judge reads a class folder ---------------------

#: Round 10's metadata: mallory (Canvas user 10999, LATE) names herself and a classmate who handed in nothing.
CLAIMING_METADATA = """\
submission_1:
  :submitters:
  - :name: Eve Mallory
    :sid: '10999'
  - :name: Friend Who Did Nothing
    :sid: '10555'
  :created_at: 2026-11-20 10:00:00.000000000 -08:00
"""


def _owners(found) -> dict[str, tuple[str, ...]]:
    return {s.relative: tuple(o.id for o in s.owners) for s in found.sources}


def test_a_classmates_symlink_does_not_take_a_students_row(tmp_path):
    """Finding 1: aaron's link to zed's notebook sorted first and the de-duplication (on the link's target) dropped
    zed's row.  A link found in a folder is never followed: no row, a warning naming it."""
    from grader.judge.submission import find_submissions

    (tmp_path / "zed").mkdir()
    (tmp_path / "zed" / "lecture06.ipynb").write_text("{}")
    (tmp_path / "aaron").mkdir()
    os.symlink("../zed/lecture06.ipynb", tmp_path / "aaron" / "lecture06.ipynb")
    found = find_submissions([tmp_path])
    assert _owners(found) == {"zed/lecture06.ipynb": ("zed",)}
    assert any("aaron/lecture06.ipynb" in w and "symbolic link" in w for w in found.warnings), found.warnings
    # the same file given twice (the folder and the file in it) is still one row
    again = find_submissions([tmp_path, tmp_path / "zed" / "lecture06.ipynb", tmp_path / "aaron" / ".." / "zed"])
    assert [s.relative for s in again.sources] == ["zed/lecture06.ipynb"]


def test_a_symlink_out_of_the_folder_given_is_never_read(tmp_path):
    """Findings 2-4: a link to a secret, to a folder outside, to /proc/kmsg (whose read never ends) or a FIFO is
    not read: no source for it, and a source whose file became a link or a FIFO is refused by ``read``."""
    from grader.errors import InvalidSubmission
    from grader.judge.submission import Source, find_submissions

    secret = tmp_path / "secret.py"
    secret.write_text("aws_secret = hunter2\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "lecture06.py").write_text("q1_answer = 'C'\n")
    klass = tmp_path / "class"
    (klass / "mallory").mkdir(parents=True)
    os.symlink(secret, klass / "mallory" / "lecture06.py")
    os.symlink("/proc/kmsg", klass / "mallory" / "kmsg.py")
    os.symlink(tmp_path / "outside", klass / "trudy")
    os.mkfifo(klass / "mallory" / "fifo.py")
    (klass / "alice").mkdir()
    (klass / "alice" / "lecture06.py").write_text("q1_answer = 'C'\n")
    found = find_submissions([klass])
    assert _owners(found) == {"alice/lecture06.py": ("alice",)}
    said = "\n".join(found.warnings)
    for name in ("mallory/lecture06.py", "mallory/kmsg.py", "trudy", "mallory/fifo.py"):
        assert name in said
    assert "hunter2" not in said and str(secret) not in said  # where a link points is not the student's to learn
    for path in (klass / "mallory" / "lecture06.py", klass / "mallory" / "kmsg.py", klass / "mallory" / "fifo.py"):
        started = time.monotonic()
        with pytest.raises(InvalidSubmission) as raised:
            Source(path).read()
        assert time.monotonic() - started < 5 and "hunter2" not in str(raised.value)
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("lecture06.py", "q1_answer = 'C'\n")
    os.symlink(tmp_path / "a.zip", klass / "mallory" / "linked.zip")
    assert "mallory/linked.zip" in "\n".join(find_submissions([klass]).warnings)
    with pytest.raises(InvalidSubmission):
        Source(klass / "mallory" / "linked.zip", "lecture06.py", index=0).read()


def test_a_deep_or_huge_folder_in_a_class_does_not_stop_the_collection(tmp_path):
    """Finding 5: pathlib's rglob recursed once per level; 1,100 levels stopped the batch (RecursionError)."""
    from grader.judge import submission
    from grader.judge.submission import MAX_FOLDER_DEPTH, find_submissions

    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "lecture06.py").write_text("q1_answer = 'C'\n")
    fd = os.open(tmp_path, os.O_RDONLY)
    os.mkdir("mallory", dir_fd=fd)
    fd, parent = os.open("mallory", os.O_RDONLY, dir_fd=fd), fd
    os.close(parent)
    for _ in range(1100):
        os.mkdir("a", dir_fd=fd)
        fd, parent = os.open("a", os.O_RDONLY, dir_fd=fd), fd
        os.close(parent)
    os.close(fd)
    try:
        found = find_submissions([tmp_path])
        assert _owners(found) == {"alice/lecture06.py": ("alice",)}
        assert any("mallory/" + "a/" * (MAX_FOLDER_DEPTH - 1) in w and "deeper" in w for w in found.warnings)
    finally:  # pytest's own clean-up of old temporary folders recurses once per level too: leave no such tree
        subprocess.run(["rm", "-rf", str(tmp_path / "mallory")], check=True)
    (tmp_path / "many").mkdir()
    for i in range(30):
        (tmp_path / "many" / f"{i:02}.txt").write_text("")
    old = submission.MAX_FOLDER_ENTRIES
    submission.MAX_FOLDER_ENTRIES = 20
    try:
        found = find_submissions([tmp_path])
    finally:
        submission.MAX_FOLDER_ENTRIES = old
    assert any("more than 20 entries" in w for w in found.warnings), found.warnings


def test_metadata_inside_a_students_upload_names_no_one(tmp_path):
    """Finding 6: a student's own submission_metadata.yml named her submitters and her time (LATE escaped)."""
    from grader.judge.submission import find_submissions

    upload = tmp_path / "malloryeve_LATE_10999_558999_upload"
    (upload / "submission_1").mkdir(parents=True)
    (upload / "submission_1" / "lecture06.ipynb").write_text("{}")
    (upload / "submission_metadata.yml").write_text(CLAIMING_METADATA)
    (tmp_path / "brownemily_10333_558090_lecture06.ipynb").write_text("{}")
    found = find_submissions([tmp_path])
    mallory = next(s for s in found.sources if s.relative.startswith("malloryeve"))
    assert [o.id for o in mallory.owners] == ["10999"]
    assert mallory.canvas_late is True and not mallory.submitted_at


def test_metadata_in_a_students_folder_names_no_classmate(tmp_path):
    """Finding 9: mallory's folder held submission_1/ and a metadata file naming alice: a row of alice's, flagged
    as a copy.  In a folder per student, only the top of what was given holds an export's metadata."""
    from grader.judge.submission import find_submissions

    for name in ("alice", "bob", "mallory"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "lecture06.ipynb").write_text("{}")
    (tmp_path / "mallory" / "submission_1").mkdir()
    (tmp_path / "mallory" / "submission_1" / "lecture06.ipynb").write_text("{}")
    (tmp_path / "mallory" / "submission_metadata.yml").write_text(
        "submission_1:\n  :submitters:\n  - :name: Alice\n    :sid: alice\n")
    assert _owners(find_submissions([tmp_path])) == {
        "alice/lecture06.ipynb": ("alice",), "bob/lecture06.ipynb": ("bob",),
        "mallory/lecture06.ipynb": ("mallory",), "mallory/submission_1/lecture06.ipynb": ("mallory",)}


def test_an_export_unzipped_into_its_own_folder_still_names_its_submitters(tmp_path):
    """The export's own layout, one folder down (``assignment_<id>_export/``), and as a zip: still read."""
    from grader.judge.submission import find_submissions

    export = tmp_path / "assignment_77_export"
    (export / "submission_1").mkdir(parents=True)
    (export / "submission_1" / "lecture06.ipynb").write_text("{}")
    (export / "submission_metadata.yml").write_text(CLAIMING_METADATA)
    assert _owners(find_submissions([tmp_path])) == {
        "assignment_77_export/submission_1/lecture06.ipynb": ("10999", "10555")}
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as archive:
        archive.writestr("assignment_77_export/submission_1/lecture06.ipynb", "{}")
        archive.writestr("assignment_77_export/submission_metadata.yml", CLAIMING_METADATA)
    assert _owners(find_submissions([tmp_path / "export.zip"])) == {
        "assignment_77_export/submission_1/lecture06.ipynb": ("10999", "10555")}


def test_a_metadata_name_is_bounded_whatever_its_aliases():
    """Finding 8: 482 bytes of YAML aliases expanded into a 722 MB name (7.3 GB of the judge).  Aliases are
    refused (the file is not read: the folder names decide), and a field longer than a name is not kept."""
    from grader.errors import InvalidMetadata
    from grader.judge.submission import MAX_METADATA_TEXT, _parse_metadata

    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{d}: &l{d} [" + ",".join([f"*l{d - 1}"] * 10) + "]" for d in range(1, 9)]
    lines += ["submission_1:", "  :submitters:", "  - :name: *l8", "    :sid: '10999'"]
    started = time.monotonic()
    with pytest.raises(InvalidMetadata, match="aliases"):
        _parse_metadata("\n".join(lines).encode())
    assert time.monotonic() - started < 5
    long = "x" * (MAX_METADATA_TEXT + 1)
    entries = _parse_metadata(f"submission_1:\n  :submitters:\n  - :name: {long}\n    :sid: '1'\n"
                              f"  - :name: Ok\n    :sid: '{long}'\n  - :name: [a, b]\n    :sid: '2'\n".encode())
    assert [(p.id, p.name) for p in entries["submission_1"].students] == [("1", ""), ("2", "")]


def test_the_variant_a_large_notebook_carries_is_read_by_the_bounded_reader(tmp_path, monkeypatch):
    """Finding 10: with a roster, ``carried_variant`` parsed every notebook in the judge itself (127 MiB of empty
    lists: 3.5 GB of the judge).  Only a notebook small enough for the judge's own bounded parse is parsed here."""
    from grader.judge.grading import carried_variant
    from grader.judge.submission import INLINE_BYTES, Source
    from grader.packaging.notebooks import VARIANT_METADATA

    def notebook(padding: int) -> str:
        return json.dumps({"cells": [{"cell_type": "code", "source": "#" * padding, "metadata": {}, "outputs": []}],
                           "metadata": {VARIANT_METADATA: {"variant": "ac55"}}, "nbformat": 4, "nbformat_minor": 5})

    (tmp_path / "small.ipynb").write_text(notebook(10))
    (tmp_path / "large.ipynb").write_text(notebook(2 * INLINE_BYTES))
    (tmp_path / "lists.ipynb").write_text('{"metadata": {"x": [' + ",".join(["[]"] * 600_000) + ']}}')
    parse = json.loads

    def judge_parse(text, *args, **kwargs):
        assert len(text) <= INLINE_BYTES, "a large notebook parsed in the judge"
        return parse(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", judge_parse)
    assert carried_variant(Source(tmp_path / "small.ipynb")) == "ac55"
    assert carried_variant(Source(tmp_path / "large.ipynb")) == "ac55"
    assert carried_variant(Source(tmp_path / "lists.ipynb")) is None


def test_a_bzip2_member_is_not_unpacked(tmp_path):
    """Finding 14: a 115-byte bzip2 member unpacks to 128 MiB (1.45 s of the judge's CPU each, twice: 5,000 allowed).
    Only stored and deflated members are read (what every zip tool writes by default); another method is an
    invalid row of its own, refused before any unpacking."""
    from grader.errors import InvalidSubmission
    from grader.judge.submission import Source, find_submissions

    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "lecture06.py").write_text("q1_answer = 'C'\n")
    with zipfile.ZipFile(tmp_path / "mallory_upload.zip", "w") as archive:
        archive.writestr("a.py", " " * 1_000_000, compress_type=zipfile.ZIP_BZIP2)
        archive.writestr("b.py", " " * 1_000_000, compress_type=zipfile.ZIP_LZMA)
        archive.writestr("lecture06.py", "q1_answer = 'C'\n", compress_type=zipfile.ZIP_DEFLATED)
    found = {s.relative: s for s in find_submissions([tmp_path]).sources}
    assert "bzip2" in (found["mallory_upload/a.py"].broken or "")
    assert "lzma" in (found["mallory_upload/b.py"].broken or "")
    assert found["mallory_upload/lecture06.py"].broken is None
    assert Source(tmp_path / "mallory_upload.zip", "lecture06.py", index=2).read() == b"q1_answer = 'C'\n"
    with pytest.raises(InvalidSubmission, match="bzip2"):
        Source(tmp_path / "mallory_upload.zip", "a.py", index=0).read()


def test_one_students_files_are_bounded_in_number_and_in_bytes(tmp_path, monkeypatch):
    """Findings 14 and 15: one upload decided the class's grading time (5,000 sleeping members: four days; 40
    members unpacking 128 MiB each).  A student gets at most MAX_FILES_PER_STUDENT rows and
    MAX_BYTES_PER_STUDENT bytes read, the assignment's notebook first, then the shallowest; the rest is named
    in a warning, not graded."""
    from grader.judge import submission
    from grader.judge.submission import MAX_FILES_PER_STUDENT, find_submissions

    (tmp_path / "bob").mkdir()
    (tmp_path / "bob" / "lecture06.py").write_text("q1_answer = 'C'\n")
    (tmp_path / "mallory" / "deep").mkdir(parents=True)
    (tmp_path / "mallory" / "deep" / "lecture06.ipynb").write_text("{}")
    with zipfile.ZipFile(tmp_path / "mallory" / "sleepers.zip", "w") as archive:
        for i in range(MAX_FILES_PER_STUDENT + 30):
            archive.writestr(f"s{i:04}.py", "import time; time.sleep(1000)\n")
    found = find_submissions([tmp_path])
    mine = [s.relative for s in found.sources if s.owners[0].id == "mallory"]
    assert len(mine) == MAX_FILES_PER_STUDENT and "mallory/deep/lecture06.ipynb" in mine
    assert [s.relative for s in found.sources if s.owners[0].id == "bob"] == ["bob/lecture06.py"]
    assert any("mallory" in w and "31 not graded" in w for w in found.warnings), found.warnings

    monkeypatch.setattr(submission, "MAX_BYTES_PER_STUDENT", 2_500_000)
    with zipfile.ZipFile(tmp_path / "mallory" / "sleepers.zip", "w") as archive:
        for i in range(4):
            archive.writestr(f"big{i}.py", " " * 1_000_000)
    found = find_submissions([tmp_path])
    mine = sorted(s.relative for s in found.sources if s.owners[0].id == "mallory")
    assert mine == ["mallory/deep/lecture06.ipynb", "mallory/sleepers/big0.py", "mallory/sleepers/big1.py"]
    assert any("mallory" in w and "bytes" in w for w in found.warnings), found.warnings


def test_rows_of_one_student_are_graded_again_alone_a_few_times_only():
    """Finding 15: each sleeping member timed out with little CPU, was judged starved and graded again alone:
    71 s a member.  A student's starved rows get at most MAX_LONE_REGRADES lone gradings; the others keep their
    first row, with an event saying why."""
    from grader.judge.batch import MAX_LONE_REGRADES, split_regrades
    from grader.judge.submission import Source, Student
    from grader.records import SubmissionResult

    def row(name):
        return SubmissionResult(student="mallory", submission=name, source=name, sha256=None, status="timeout",
                                error="slept", scores={}, max_scores={}, total=0, max_total=26, seconds=47,
                                cpu_seconds=0.1)

    mallory = (Student("mallory"),)
    again = [(Source(Path(f"/x/s{i}.py"), students=mallory), row(f"s{i}.py")) for i in range(6)]
    again.append((Source(Path("/x/alice.py"), students=(Student("alice"),)), row("alice.py")))
    alone, kept = split_regrades(again)
    assert [s.path.name for s, _ in alone] == [f"s{i}.py" for i in range(MAX_LONE_REGRADES)] + ["alice.py"]
    assert len(kept) == 6 - MAX_LONE_REGRADES
    assert all("not graded again alone" in r.events[0]["detail"] for _, r in kept)


def test_a_worker_report_keeps_at_most_one_record_per_unit_sent():
    """Attack round 15, finding 3: a forged LOADED report of a one-statement script held 100,000 records, all kept
    (20 MB of grades.json a row, 1.5 GB of judge memory for eight such files).  The judge keeps the first record of
    each unit it asked for (a script's statements, a notebook's cells), and none for any other index."""
    import shutil
    import tempfile
    import types

    from grader.judge.engine import Limits, SandboxProbe
    from grader.judge.submission import Source, load

    path = Path(tempfile.mkdtemp()) / "mallory.py"
    path.write_text("q1_answer = 'C'\nx = 1\n")  # two statements: the worker runs them as two units
    probe = SandboxProbe(types.SimpleNamespace(base_dir="/nonexistent"), load(Source(path)), Limits())
    shutil.rmtree(path.parent)
    forged = [{"index": i % 4 - 1, "status": "error", "error": "E" * 90 + str(i), "where": "cell 1, line 1"}
              for i in range(100_000)]
    kept = probe._valid_records(forged)
    assert [r["index"] for r in kept] == [0, 1]
    errors = [r["error"].replace("`", " ") for r in kept]
    assert "E" * 90 + "1 " in errors[0] and "E" * 90 + "2 " in errors[1]


# -- attack round 68: one file breaking the batch or the judge's bounds ----------------------------

R13 = Path(__file__).parent / "corpus" / "batch_r13"


def _bzip2_bomb_zip(path: Path, unpacked_mib: int) -> None:
    """submission_1/lecture06.py and a submission_metadata.yml member compressed with bzip2, declaring 64 bytes,
    whose stream unpacks to ``unpacked_mib`` MiB of zeros (1,169 bytes for 1.5 GiB: r13_metadata_bzip2_bomb.zip)."""
    import bz2

    compressor = bz2.BZ2Compressor(9)
    data = b"".join(compressor.compress(bytes(1 << 20)) for _ in range(unpacked_mib)) + compressor.flush()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("submission_1/lecture06.py", 'q1_answer = "C"\n', compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("submission_metadata.yml")
        info.compress_type, info.file_size, info.compress_size, info.CRC = zipfile.ZIP_BZIP2, 64, len(data), 0
        info.header_offset = archive.fp.tell()
        archive._writecheck(info)
        archive._didModify = True
        archive.fp.write(info.FileHeader(False))
        archive.fp.write(data)
        archive.start_dir = archive.fp.tell()
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info


def test_a_bzip2_metadata_member_is_refused_unread(tmp_path, monkeypatch):
    """Finding 1: the metadata member was read with archive.open, outside the method check: 1.5 GiB unpacked.
    Every member goes through read_member now; ZipFile.open must not even be reached for a bzip2 member."""
    from grader.judge import submission
    from grader.judge.submission import find_submissions

    _bzip2_bomb_zip(tmp_path / "bomb.zip", 1536)
    assert (tmp_path / "bomb.zip").stat().st_size < 4096
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: (
        opened.append(getattr(name, "filename", name)), real_open(self, name, *a, **k))[1])
    found = find_submissions([tmp_path / "bomb.zip"])
    assert "submission_metadata.yml" not in opened
    assert _owners(found) == {"submission_1/lecture06.py": ("submission_1",)}
    assert any("submission_metadata.yml: not read as a Gradescope export's metadata" in w and "bzip2" in w
               for w in found.warnings), found.warnings
    with zipfile.ZipFile(tmp_path / "bomb.zip") as archive:
        info = archive.getinfo("submission_metadata.yml")
        with pytest.raises(submission.MemberRefused, match="bzip2"):
            submission.read_member(archive, info, submission.MAX_METADATA_BYTES)


def test_the_committed_r13_metadata_bombs_leave_one_row_and_say_why():
    from grader.judge.submission import find_submissions

    for name, why in (("r13_metadata_bzip2_bomb.zip", "bzip2"), ("r13_metadata_yaml_deflate.zip", "bytes unpacked")):
        found = find_submissions([R13 / name])
        assert [s.owners[0].id for s in found.sources] == ["submission_1"], name
        assert any("not read as a Gradescope export's metadata" in w and why in w for w in found.warnings), found


def test_a_read_member_stops_at_its_limit_whatever_the_member_declares(tmp_path):
    from grader.judge.submission import MemberRefused, read_member

    with zipfile.ZipFile(tmp_path / "a.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.yml", bytes(5000))
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        info = archive.getinfo("big.yml")
        assert read_member(archive, info, 5000) == bytes(5000)
        with pytest.raises(MemberRefused, match="more than the 4999"):
            read_member(archive, info, 4999)


def test_metadata_past_its_size_or_node_bound_is_refused_with_one_line(tmp_path):
    """Finding 2: 16 MiB of `- 0` lines cost the judge 2.7 GB and 105 s.  The file is capped at MAX_METADATA_BYTES and
    its YAML at MAX_METADATA_NODES; the folders are then named by their names and one warning says why."""
    from grader.errors import InvalidMetadata
    from grader.judge.submission import (MAX_METADATA_BYTES, MAX_METADATA_NODES, _parse_metadata,
                                         find_submissions)

    gradescope_export(tmp_path)
    (tmp_path / "submission_metadata.yml").write_text(METADATA + "x: " + "y" * MAX_METADATA_BYTES + "\n")
    found = find_submissions([tmp_path])
    assert sorted(s.owners[0].id for s in found.sources) == ["submission_101", "submission_102", "submission_103"]
    assert [w for w in found.warnings if "metadata" in w] == [
        f"{tmp_path / 'submission_metadata.yml'}: not read as a Gradescope export's metadata (its folders are named "
        f"by their names): {len(METADATA) + MAX_METADATA_BYTES + 4} bytes, more than the {MAX_METADATA_BYTES} read"]
    nodes = METADATA + "x:\n" + "- 0\n" * MAX_METADATA_NODES
    assert len(nodes) < MAX_METADATA_BYTES  # the node bound is what refuses it
    with pytest.raises(InvalidMetadata, match=f"more than {MAX_METADATA_NODES} YAML nodes"):
        _parse_metadata(nodes.encode())
    assert set(_parse_metadata((METADATA + "x:\n" + "- 0\n" * 1000).encode())) == {
        "submission_101", "submission_102", "submission_103"}
    for text, why in (("{{{ not: yaml: [", "not YAML"), ("- a list\n", "not a mapping")):
        with pytest.raises(InvalidMetadata, match=why):
            _parse_metadata(text.encode())


def test_a_late_upload_with_its_own_metadata_is_not_an_export_unless_it_looks_like_one(tmp_path):
    """Finding 3: a late upload graded alone (a zip, or its folder under late/) holding submission_1/ and its own
    metadata took a classmate's SID and a forged time.  Only a folder holding nothing but submission_<id>/ folders
    all listed in the metadata is an export, and its metadata's use is always named in a warning."""
    from grader.judge.submission import find_submissions

    claim = "submission_1:\n  :submitters:\n  - :name: Jordan Smith\n    :sid: '10377'\n" \
            "  :created_at: 2026-11-20 09:00:00.000000000 -08:00\n"
    late = tmp_path / "late" / "alice_late_lecture06"
    (late / "submission_1").mkdir(parents=True)
    (late / "submission_1" / "lecture06.ipynb").write_text("{}")
    (late / "submission_metadata.yml").write_text(claim)
    (late / "lecture06.ipynb").write_text("{}")  # anything else at the top: not an export
    found = find_submissions([tmp_path / "late"])
    assert all(s.owners[0].id == "submission_1" or s.owners[0].id.startswith("lecture06")
               for s in found.sources), _owners(found)
    assert not any(s.submitted_at for s in found.sources)
    assert any("not read as a Gradescope export's metadata" in w and "lecture06.ipynb beside it" in w
               for w in found.warnings), found.warnings
    (late / "lecture06.ipynb").unlink()
    (late / "submission_2").mkdir()  # a folder the metadata does not list: not an export either
    (late / "submission_2" / "lecture06.ipynb").write_text("{}")
    found = find_submissions([tmp_path / "late"])
    assert {s.owners[0].id for s in found.sources} == {"submission_1", "submission_2"}
    assert any("it does not list submission_2" in w for w in found.warnings), found.warnings
    # a zip with a Canvas upload's name is a student's, whatever it holds
    with zipfile.ZipFile(tmp_path / "smithjordan_LATE_10400_1_upload.zip", "w") as archive:
        archive.writestr("submission_1/lecture06.ipynb", "{}")
        archive.writestr("submission_metadata.yml", claim)
    found = find_submissions([tmp_path / "smithjordan_LATE_10400_1_upload.zip"])
    assert [s.owners[0].id for s in found.sources] == ["submission_1"] and not found.sources[0].submitted_at
    # r13's late zip forges a whole one-submission export: read, but never silently
    found = find_submissions([R13 / "r13_own_metadata_late.zip"])
    assert [w.split(": ", 1)[1] for w in found.warnings] == [
        "read as a Gradescope export's metadata: the submitters and times of its 1 submission_<id>/ folder(s) come "
        "from it"]
    assert found.warnings[0].startswith(f"{R13 / 'r13_own_metadata_late.zip'}:submission_metadata.yml")


def test_upper_case_suffixes_and_zips_inside_a_zip_get_rows_and_the_rest_is_named(tmp_path):
    """Finding 4: Lecture06.IPYNB, x.PY and a student's zip inside a Canvas download given as its zip got no row and no
    warning.  Suffixes are read whatever their case, a zip inside the zip given is read one level down, and every
    file that gets no row is named in one warning per path given."""
    from grader.judge.submission import find_submissions, load

    notebook = json.dumps({"cells": [{"cell_type": "code", "source": 'q1_answer = "C"', "metadata": {},
                                      "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    inner, deeper = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(deeper, "w") as archive:
        archive.writestr("deep.ipynb", notebook)
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("work/lecture06.ipynb", notebook)
        archive.writestr("notes.txt", "hi")
        archive.writestr("older.zip", deeper.getvalue())  # two archives down: named, not read
    with zipfile.ZipFile(tmp_path / "submissions.zip", "w") as archive:
        archive.writestr("smithjordan_10377_558014_lecture06.ipynb", notebook)
        archive.writestr("doealex_10400_558099_lecture06.zip", inner.getvalue())
        archive.writestr("leeann_10401_558100_Lecture06.IPYNB", notebook)
        archive.writestr("parkmin_10403_558102_lecture06.PY", 'q1_answer = "C"\n')
        archive.writestr("kimng_10404_558103_data.csv", "a,b\n")
        archive.writestr("broken_10405_558104_upload.zip", b"not a zip")
    found = find_submissions([tmp_path / "submissions.zip"])
    owners = _owners(found)
    assert owners == {"smithjordan_10377_558014_lecture06.ipynb": ("10377",),
                      "doealex_10400_558099_lecture06/work/lecture06.ipynb": ("10400",),
                      "leeann_10401_558100_Lecture06.IPYNB": ("10401",),
                      "parkmin_10403_558102_lecture06.PY": ("10403",),
                      "broken_10405_558104_upload.zip": ("10405",)}
    by_owner = {s.owners[0].id: s for s in found.sources}
    assert load(by_owner["10400"]).units == ('q1_answer = "C"',)  # read through both archives
    assert load(by_owner["10401"]).kind == "notebook" and load(by_owner["10403"]).kind == "script"
    assert by_owner["10405"].broken.startswith("not a readable zip archive")  # a row saying why
    assert [w.split(": ", 1)[1] for w in found.warnings] == [
        "3 file(s) not graded (only .ipynb and .py files are, and the zips holding them one level down): "
        "doealex_10400_558099_lecture06.zip/notes.txt, doealex_10400_558099_lecture06.zip/older.zip, "
        "kimng_10404_558103_data.csv"]

    folder = tmp_path / "canvas_folder"
    folder.mkdir()
    (folder / "leeann_10401_558100_Lecture06.IPYNB").write_text(notebook)
    (folder / "parkmin_10403_558102_lecture06.PY").write_text('q1_answer = "C"\n')
    (folder / "kimng_10404_558103_README.md").write_text("read me")
    (folder / "doealex_10400_558099_lecture06.zip").write_bytes(inner.getvalue())
    found = find_submissions([folder])
    assert set(_owners(found).values()) == {("10400",), ("10401",), ("10403",)}
    assert [w.split(": ", 1)[1] for w in found.warnings] == [
        "3 file(s) not graded (only .ipynb and .py files are, and the zips holding them one level down): "
        "doealex_10400_558099_lecture06.zip/notes.txt, doealex_10400_558099_lecture06.zip/older.zip, "
        "kimng_10404_558103_README.md"]


def test_the_committed_r13_canvas_zip_gives_three_rows(tmp_path):
    from grader.judge.submission import find_submissions

    found = find_submissions([R13 / "r13_canvas_zip_upload_dropped.zip"])
    assert sorted(s.owners[0].id for s in found.sources) == ["10377", "10400", "10401"]
    assert found.warnings == []


def test_the_zips_inside_a_zip_are_listed_within_a_byte_budget(tmp_path, monkeypatch):
    from grader.judge import submission
    from grader.judge.submission import find_submissions

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("lecture06.py", "x = 1\n" * 100)
    with zipfile.ZipFile(tmp_path / "class.zip", "w") as archive:
        for i in range(3):
            archive.writestr(f"student{i}_1040{i}_1_work.zip", inner.getvalue())
    monkeypatch.setattr(submission, "MAX_NESTED_ARCHIVE_BYTES", len(inner.getvalue()) * 2)
    monkeypatch.setattr(submission._NestedBudget, "__init__", lambda self: (
        setattr(self, "bytes", submission.MAX_NESTED_ARCHIVE_BYTES), setattr(self, "entries", 10))[0])
    found = find_submissions([tmp_path / "class.zip"])
    rows = sorted((s.owners[0].id, bool(s.broken)) for s in found.sources)
    assert rows == [("10400", False), ("10401", False), ("10402", True)]
    assert "not opened" in next(s.broken for s in found.sources if s.broken)


def _central_directory_only(entries: int, classic: tuple[int, int] | None = None) -> bytes:
    """A zip64 archive that is nothing but a central directory of ``entries`` bare members (attack round 74);
    ``classic``: the members and directory size its classic end record gives instead of 0xFFFF and 0xFFFFFFFF
    (attack round 77: one member and no directory, which zipfile ignores once the zip64 locator is there)."""
    import struct

    entry = struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) + b"a"
    directory = entry * entries
    end64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, len(directory), 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(directory), 1)
    members, size = classic or (0xFFFF, 0xFFFFFFFF)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, members, members, size, 0, 0)
    return directory + end64 + locator + end


def _locator_pointing_into_the_list(members: int, extra: int, count: int | None = None) -> bytes:
    """Attack round 78: ``members`` entries with ``extra`` bytes of extra field each, listed by the classic end record,
    and a zip64 locator (no zip64 record right before it, so CPython 3.11 reads the classic record's list) pointing
    at a zip64 record hidden in the last entry's comment, where the list seen from it holds no entry.  ``count``:
    the classic record's count of members instead of ``members`` (attack round 82: 0xFFFF, the zip64 marker, while
    its directory size stays real)."""
    body, name = b"#\n", b"s.py"
    crc = zlib.crc32(body)
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(body), len(body), 4, 0) + b"x.py" + body

    def entry(comment=b""):
        return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc, len(body), len(body), len(name),
                           extra, len(comment), 0, 0, 0, 0) + name + b"\0" * extra + comment

    size = (46 + len(name) + extra) * members + 56 + 56 + 20
    record_at = len(local) + size - 132
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, members, members, size, len(local))
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, record_at, 1)
    directory = entry() * (members - 1) + entry(record + b"\0" * 56 + locator)
    listed = members if count is None else count
    return local + directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, listed, listed, size, len(local), 0)


def _with_extra_field(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("a.py")
        info.extra = struct.pack("<HH", 0xCAFE, size - 4) + b"\0" * (size - 4)
        archive.writestr(info, "q1_answer = 'C'\n")
    return buffer.getvalue()


@pytest.mark.parametrize("data, refused", [
    (lambda: _central_directory_only(MAX_ARCHIVE_MEMBERS + 1), "more than"),
    (lambda: _with_extra_field(MAX_EXTRA_FIELD + 100), "extra field"),
    (lambda: _central_directory_only(MAX_ARCHIVE_MEMBERS + 1, classic=(1, 0)), "more than"),
    (lambda: _central_directory_only(3, classic=(1, 0)), "disagree"),
    (lambda: _locator_pointing_into_the_list(3, MAX_EXTRA_FIELD + 100), "extra field"),
    (lambda: _locator_pointing_into_the_list(3, MAX_EXTRA_FIELD + 100, count=0xFFFF), "extra field"),
    (lambda: _locator_pointing_into_the_list(MAX_ARCHIVE_MEMBERS + 1, 0, count=0xFFFF), "more than"),
])
def test_an_archive_is_refused_from_its_own_records_before_it_is_listed(data, refused):
    """Attack round 74: CPython's zipfile builds an object per member before anything can count them (2,855,000
    entries in 391 KB took the judge to 1.2 GB) and decodes an extra field in time quadratic in its length (2,040
    entries of 64 KB: 35 s at every read); open_zip reads the archive's own records first."""
    with pytest.raises(MemberRefused, match=refused):
        open_zip(data())


def test_an_ordinary_archive_opens():
    with open_zip(_with_extra_field(64)) as archive:
        assert archive.namelist() == ["a.py"]


def test_a_zip64_archive_within_the_bounds_opens():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", allowZip64=True) as archive:
        with archive.open("big.py", "w", force_zip64=True) as member:
            member.write(b"q1_answer = 'C'\n")
    with open_zip(_central_directory_only(3)) as archive:
        assert len(archive.infolist()) == 3
    with open_zip(_central_directory_only(3, classic=(3, 3 * 47))) as archive:
        assert len(archive.infolist()) == 3
    with open_zip(buffer.getvalue()) as archive:
        assert archive.namelist() == ["big.py"]


def test_a_zip_upload_past_the_bounds_is_its_own_row_in_a_canvas_download(tmp_path):
    download = tmp_path / "submissions.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("kimng_10404_558103_lecture06.zip", _central_directory_only(MAX_ARCHIVE_MEMBERS * 4))
        archive.writestr("alvarez_10405_558104_lecture06.py", "q1_answer = 'C'\n")
    sources = find_submissions([download]).sources
    broken = [s for s in sources if s.broken]
    assert len(sources) == 2 and len(broken) == 1 and "more than" in broken[0].broken


def test_a_worksheet_whose_cells_are_no_list_is_an_invalid_file(tmp_path):
    path = tmp_path / "v3.ipynb"
    path.write_text(json.dumps({"nbformat": 3, "worksheets": [{"cells": 7}]}))
    with pytest.raises(InvalidSubmission, match="no list"):
        load(Source(path))


def test_a_file_full_of_what_ipython_transforms_is_parsed_in_a_bounded_child():
    """Attack round 74: ten cells of `a%a%a...` (963 KB, 2,990 lines) were parsed in the judge and cost it 5 s."""
    from grader.judge.submission import INLINE_MARKS, _small

    assert _small(b"x = 1 % 2\n" * 10)
    assert not _small(b"a" + b"%a" * (INLINE_MARKS + 1))
