"""The zip's run_autograder, run against an /autograder-style folder, with honest and hostile submissions.

Gradescope's containers grant no namespaces; the tests run both ways: with every
layer (as on this machine, as root) and without namespaces (CNN_GRADER_NAMESPACES=0),
where the worker is still unprivileged, limited and kept out of /autograder.
"""

from __future__ import annotations

import io
import json
import os
import queue
import re
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from grader.outputs.gradescope_json import validate
from grader.questions import bank
from tests.conftest import (CORPUS, HOSTILE_EXPECTED, ROOT, WORLD_WRITABLE, hostile_case, hostile_zero, needs_root,
                            processes_with, solution_script)

pytestmark = [pytest.mark.sandbox, needs_root]

def layout(tmp_path: Path, files: dict[str, bytes], *, autograder: bytes | None = None, metadata: dict | None = None,
           zip_path: Path = ROOT / "autograder.zip") -> Path:
    """An /autograder folder: ``autograder`` (default: the zip at ``zip_path``, the committed one) unpacked in
    source/, ``files`` in submission/, and ``metadata`` as submission_metadata.json."""
    root = tmp_path / "autograder"
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(io.BytesIO(autograder) if autograder else zip_path) as z:
        z.extractall(root / "source")
    (root / "submission").mkdir()
    for name, data in files.items():
        (root / "submission" / name).write_bytes(data)
    (root / "submission_metadata.json").write_text(json.dumps(metadata or {}))
    return root


def run_autograder(root: Path, *, namespaces: bool = True, python: str = sys.executable, budget: int = 300,
                   slot: int = 0, options: str = "") -> dict:
    env = dict(os.environ, AUTOGRADER_ROOT=str(root), CNN_GRADER_PYTHON=python, CNN_GRADER_BUDGET=str(budget),
               CNN_GRADER_NAMESPACES="1" if namespaces else "0",
               CNN_GRADER_OPTIONS=f"--cell-timeout 2 --probe-timeout 2 --slot {slot} {options}")
    # From the autograder folder: `python -m grader.judge.gradescope` puts the working directory first on
    # sys.path, and from this checkout the entry would import its grader, not the zip's (which the fork
    # server and the judge's child import): a stale zip would then be tested half.
    proc = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env, capture_output=True, text=True,
                          cwd=root, timeout=budget + 60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads((root / "results" / "results.json").read_text())
    assert validate(doc) == [], doc
    return doc


def scores(doc: dict) -> dict[str, float]:
    return {t["name"]: t["score"] for t in doc["tests"] if t["name"] in bank.QUESTION_IDS}


@pytest.mark.parametrize("namespaces", [True, False], ids=["namespaces", "no-namespaces"])
def test_the_solutions_notebook_gets_full_marks(tmp_path, namespaces):
    nb = (ROOT / "solutions" / "lecture06.ipynb").read_bytes()
    doc = run_autograder(layout(tmp_path, {"lecture06.ipynb": nb}), namespaces=namespaces)
    assert doc["score"] == bank.total_points()
    assert scores(doc) == {q.id: q.points for q in bank.QUESTIONS}


# Gradescope hands run_autograder the files a student uploaded (it unpacks archives itself): the cases of the
# corpus that are notebooks or scripts can go through the zip's run_autograder.
GRADESCOPE_CASES = sorted(name for name, e in HOSTILE_EXPECTED.items()
                          if "archive" not in e and Path(name).suffix in (".ipynb", ".py"))
# Without namespaces the worker can write the host's world-writable folders (conftest.WORLD_WRITABLE).  On
# Gradescope each container is thrown away after one submission.


def reported_status(doc: dict) -> str | None:
    """The row status that run_autograder's summary line reports ("... Status: ok.")."""
    found = re.search(r"Status: (\w+)\.", doc["output"])
    return found.group(1) if found else None


#: The cases whose leftovers are checked (a process started, a file written outside).
LEAVING_CASES = [n for n in GRADESCOPE_CASES
                 if HOSTILE_EXPECTED[n].get("marker_process") or HOSTILE_EXPECTED[n].get("paths_absent")]
#: The cases run_autograder grades with namespaces.  Every case goes through `cnn-grader grade` with namespaces and
#: without them (tests/test_hostile.py), whose workers are the zip's, so here: the cases whose expectations depend on
#: namespaces (leftovers, reading the checkout, the network) and a few of the others (each case costs CI about 2.5 s
#: of its time, over its budget).
NAMESPACES_SAMPLE = sorted({*LEAVING_CASES, "disk_search.py", "network.ipynb", *GRADESCOPE_CASES[::12]}
                           & set(GRADESCOPE_CASES))
#: The cases run_autograder grades without namespaces (Gradescope's containers): the same, and a few others more.
NO_NAMESPACES_SAMPLE = sorted({*NAMESPACES_SAMPLE, *GRADESCOPE_CASES[6::12]})
#: (namespaces, case) pairs: each pair's case is graded once by the fixture of that namespaces setting.
PAIRS = [(False, n) for n in NO_NAMESPACES_SAMPLE] + [(True, n) for n in NAMESPACES_SAMPLE]


def _pair_id(value) -> str:
    return ("namespaces" if value else "no-namespaces") if isinstance(value, bool) else str(value)


def _through_run_autograder(namespaces: bool, cases: list[str], tmp_path_factory):
    """Each of ``cases`` with namespaces or not, one fresh /autograder layout each (as Gradescope gives one
    container each).

    Two run at a time, on different slots (so different uids), as two graders sharing a machine must.
    The file and process checks of a case are made when it ends, so they may see files or processes of
    the case running beside it: a stray found there fails a case, never hides one.
    """
    folders = {name: tmp_path_factory.mktemp(Path(name).stem) for name in cases}
    slots: queue.Queue[int] = queue.Queue()
    for slot in (0, 1):
        slots.put(slot)

    def grade_case(name: str) -> dict:
        slot = slots.get()
        try:
            doc = run_autograder(layout(folders[name], {name: hostile_case(name)}), namespaces=namespaces, slot=slot)
        finally:
            slots.put(slot)
        expected = HOSTILE_EXPECTED[name]
        marker = expected.get("marker_process")
        return {"doc": doc, "survivors": processes_with(marker) if marker else [],
                "present": [p for p in expected.get("paths_absent", []) if os.path.lexists(p)]}

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(cases, pool.map(grade_case, cases)))
    if not namespaces:  # leave no stray file for the tests that follow
        for outcome in runs.values():
            for path in outcome["present"]:
                if path.startswith(WORLD_WRITABLE) and os.path.isfile(path):
                    os.unlink(path)
    return runs


@pytest.fixture(scope="module")
def without_namespaces(tmp_path_factory):
    return _through_run_autograder(False, NO_NAMESPACES_SAMPLE, tmp_path_factory)


@pytest.fixture(scope="module")
def with_namespaces(tmp_path_factory):
    return _through_run_autograder(True, NAMESPACES_SAMPLE, tmp_path_factory)


def _runs(request, namespaces: bool) -> dict:
    return request.getfixturevalue("with_namespaces" if namespaces else "without_namespaces")


@pytest.mark.parametrize("namespaces,name", PAIRS, ids=_pair_id)
def test_every_hostile_case_gets_its_honest_points_through_run_autograder(request, namespaces, name):
    runs = _runs(request, namespaces)
    doc, expected = runs[name]["doc"], HOSTILE_EXPECTED[name]
    got = scores(doc)
    assert set(got) == set(bank.QUESTION_IDS)
    assert reported_status(doc) in expected["status"], doc["output"]
    assert {q: got[q] for q in expected["full"]} == {q: bank.question(q).points for q in expected["full"]}, \
        doc["output"]
    zero = hostile_zero(name, namespaces)
    assert {q: got[q] for q in zero} == {q: 0 for q in zero}, doc["output"]
    for q, score in expected.get("scores", {}).items():
        assert got[q] == score


@pytest.mark.parametrize("namespaces,name", [(namespaces, n) for namespaces in (True, False) for n in LEAVING_CASES],
                         ids=_pair_id)
def test_nothing_a_hostile_case_starts_or_writes_outlives_run_autograder(request, namespaces, name):
    runs = _runs(request, namespaces)
    assert runs[name]["survivors"] == []
    present = runs[name]["present"]
    if not namespaces:
        present = [p for p in present if not p.startswith(WORLD_WRITABLE)]
    assert present == []


@pytest.mark.parametrize("namespaces", [True, False], ids=["namespaces", "no-namespaces"])
def test_a_submission_cannot_forge_results_json_or_read_the_tests(tmp_path, namespaces):
    root = tmp_path / "autograder"
    attack = solution_script().replace('q1_answer = "C"', f'''
import glob, json, os
q1_answer = "A"
for target in ({str(root / "results" / "results.json")!r}, {str(root / "results" / "forged.json")!r}):
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as f:
            json.dump({{"score": 1000, "tests": []}}, f)
    except OSError:
        pass
stolen = []
for pattern in ({str(root / "source" / "files" / "grader" / "bank" / "*.py")!r}, {str(root / "source" / "tests" / "*.py")!r}):
    for path in glob.glob(pattern):
        try:
            stolen.append(open(path).read())
        except OSError:
            pass
if any("4238337" in s or "q1.answer" in s for s in stolen):
    q1_answer = "C"
''', 1)
    doc = run_autograder(layout(tmp_path, {"lecture06.py": attack.encode()}), namespaces=namespaces)
    assert doc["score"] == bank.total_points() - 1  # q1 stays wrong: nothing could be read
    assert not (root / "results" / "forged.json").exists()


def test_no_submission_gives_a_visible_zero(tmp_path):
    doc = run_autograder(layout(tmp_path, {"notes.txt": b"hello"}))
    assert doc["score"] == 0 and "No notebook" in doc["output"] and doc["visibility"] == "visible"


def test_results_json_is_written_even_when_the_grader_cannot_run(tmp_path):
    doc = run_autograder(layout(tmp_path, {"lecture06.ipynb": b"{}"}), python="/bin/false")
    assert doc["score"] == 0 and "exit code 1" in doc["output"]


def test_results_json_is_written_even_when_grading_runs_out_of_time(tmp_path):
    nb = (ROOT / "solutions" / "lecture06.ipynb").read_bytes()
    doc = run_autograder(layout(tmp_path, {"lecture06.ipynb": nb}), budget=1)
    assert doc["score"] == 0 and "longer than 1 seconds" in doc["output"]


def test_run_autograders_own_process_imports_no_torch(tmp_path):
    """Torch is imported once, by the fork server; the judge grades in a child forked from it."""
    root = layout(tmp_path, {"lecture06.ipynb": (ROOT / "solutions" / "lecture06.ipynb").read_bytes()})
    env = dict(os.environ, PYTHONPATH=str(root / "source" / "files"), CNN_GRADER_NAMESPACES="0")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "grader.judge.gradescope", "--root", str(root)],
                          env=env, capture_output=True, text=True, timeout=300, cwd=root)  # the zip's entry
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "grader.judge.engine" in imported  # the import log is this process's own
    assert {"torch", "grader.questions.bank", "grader.judge.grading"} & imported == set()
    assert json.loads((root / "results" / "results.json").read_text())["score"] == bank.total_points()


@pytest.mark.parametrize("namespaces", [True, False])
def test_workers_hold_none_of_the_judges_modules(tmp_path, namespaces):
    """The judge's child is forked from the fork server, and workers are forked from the fork
    server too, never from the judge's child: a submission finds no question bank in its process."""
    probe = ("import sys\n"
             "assert not [m for m in sys.modules if m.startswith(('grader.questions.bank', 'grader.judge.grading', 'grader.judge.gradescope'))]\n"
             "q1_answer = 'C'\n")
    doc = run_autograder(layout(tmp_path, {"lecture06.py": probe.encode()}), namespaces=namespaces)
    assert scores(doc)["q1"] == bank.QUESTIONS[0].points


@pytest.mark.parametrize("namespaces", [True, False], ids=["namespaces", "no-namespaces"])
def test_a_seed_given_to_run_autograder_is_in_no_workers_memory(tmp_path, namespaces):
    """``--seed`` decides every hidden input: it may reach the judge's child, never the fork server.

    A worker is a copy of the fork server's memory, freed heap included, so whatever the fork
    server once read (the ``trusted`` request) a submission can read back with ctypes.  The
    scan must work (it finds the fork server's own command line, or q10 is lost) and must not
    find the seed (or q1 is won).
    """
    attack = solution_script().replace('q1_answer = "C"', '''
import ctypes, re
def _scan(pattern):
    for line in open("/proc/self/maps"):
        parts = line.split()
        if "rw" not in parts[1] or (len(parts) > 5 and parts[5].startswith("/")):
            continue
        low, high = (int(x, 16) for x in parts[0].split("-"))
        if high - low > 256 << 20:
            continue
        found = re.search(pattern, memoryview((ctypes.c_char * (high - low)).from_address(low)).cast("B"))
        if found:
            return found
    return None
scan_works = _scan(rb"grader\\.worker\\.forkserver") is not None
stolen = _scan(rb'"seed":(\\d+)')
q1_answer = "C" if stolen and int(stolen.group(1)) == 4238337000 + 123 else "A"
''', 1) + "\nq10_answers = dict(q10_answers) if scan_works else {}\n"
    doc = run_autograder(layout(tmp_path, {"lecture06.py": attack.encode()}), namespaces=namespaces,
                         options="--seed 4238337123")
    assert scores(doc)["q10"] == bank.question("q10").points, doc["output"]  # the scan read the fork server's heap
    assert scores(doc)["q1"] == 0, "the submission found the seed in its own memory"


def test_a_relative_root_is_graded_like_an_absolute_one(tmp_path):
    """``--root`` relative to run_autograder's folder: the judge's child (whose working directory is
    the fork server's) must grade the same folder, not report that it found no notebook."""
    root = layout(tmp_path, {"lecture06.ipynb": (ROOT / "solutions" / "lecture06.ipynb").read_bytes()})
    env = dict(os.environ, PYTHONPATH=str(root / "source" / "files"), CNN_GRADER_NAMESPACES="0")
    proc = subprocess.run([sys.executable, "-m", "grader.judge.gradescope", "--root", root.name, "--cell-timeout", "2",
                           "--probe-timeout", "2"], cwd=root.parent, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads((root / "results" / "results.json").read_text())
    assert doc["score"] == bank.total_points(), doc["output"]


def _children(pids: set[int]) -> set[int]:
    """Every process whose parent is in ``pids``, and theirs, and so on."""
    found, frontier = set(), set(pids)
    while frontier:
        parents, frontier = frontier, set()
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid in parents and int(entry) not in found:
                found.add(int(entry))
                frontier.add(int(entry))
    return found


def _running(pids: set[int]) -> set[int]:
    """Those of ``pids`` that still run (a zombie left to an init that does not reap has ended)."""
    out = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                    out.add(pid)
        except OSError:
            continue
    return out


def test_killing_run_autograders_own_process_ends_the_grading_it_started(tmp_path):
    """Killed alone (a caller's timeout that signals only its child, ``kill PID``), the entry
    process takes the fork server, the judge's child and the submission's workers with it, as it
    did before the judge moved into the fork server's child: nothing may go on running the
    student's code unwatched, nor sweep the uid of a grading that reuses its slot."""
    from grader.worker.sandbox import UID_BASE

    slot = 2
    slow = 'q1_answer = "C"\nimport time\n' + "time.sleep(1.5)\n" * 40  # a minute of code, each statement in time
    root = layout(tmp_path, {"lecture06.py": slow.encode()})
    env = dict(os.environ, PYTHONPATH=str(root / "source" / "files"), CNN_GRADER_NAMESPACES="0")
    entry = subprocess.Popen([sys.executable, "-m", "grader.judge.gradescope", "--root", str(root), "--cell-timeout", "2",
                              "--slot", str(slot)], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        started: set[int] = set()
        while time.monotonic() < deadline:
            started = _children({entry.pid})
            if any(_uid(str(pid)) == UID_BASE + slot for pid in started):
                break
            time.sleep(0.2)
        assert any(_uid(str(pid)) == UID_BASE + slot for pid in started), "no worker ever ran the submission"
    finally:
        entry.kill()
        entry.wait()
    deadline = time.monotonic() + 15
    while _running(started) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _running(started)
    for pid in left:  # leave nothing for the tests that follow
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    assert left == set(), "still running 15 s after run_autograder's process was killed"


def test_gradescope_scores_equal_the_native_grader(tmp_path, grade_text):
    name = "q7_missing_first_relu.py"
    data = (CORPUS / "mistakes" / name).read_bytes()
    doc = run_autograder(layout(tmp_path, {name: data}))
    assert scores(doc) == grade_text(data, name).scores


def test_a_brief_zip_says_what_is_wrong_at_once_and_explains_after_the_due_date(tmp_path, grade_text):
    from grader.feedback import BRIEF
    from grader.packaging.otter_zip import autograder_zip

    brief_zip = tmp_path / "brief.zip"
    brief_zip.write_bytes(autograder_zip(feedback=BRIEF))
    name = "q7_missing_first_relu.py"
    data = (CORPUS / "mistakes" / name).read_bytes()
    doc = run_autograder(layout(tmp_path, {name: data}, zip_path=brief_zip))
    native = grade_text(data, name)
    assert scores(doc) == native.scores and doc["score"] == native.total
    assert round(sum(t["score"] for t in doc["tests"]), 4) == native.total  # the explanation adds no points
    assert round(sum(t["max_score"] for t in doc["tests"]), 4) == native.max_total
    q7 = next(t for t in doc["tests"] if t["name"] == "q7")
    later = next(t for t in doc["tests"] if t["name"] == "q7: the full explanation")
    assert q7["visibility"] == "visible" and "differs once the first convolution runs" in q7["output"]
    assert "ReLU" not in q7["output"]
    assert (later["visibility"], later["score"], later["max_score"]) == ("after_due_date", 0, 0)
    assert "*without* the ReLU after the first convolution" in later["output"]
    assert [t["name"] for t in doc["tests"] if t["visibility"] == "after_due_date"] == ["q7: the full explanation"]


def test_without_namespaces_nothing_a_submission_starts_outlives_grading(tmp_path):
    # /bin/sh is reachable without the chroot, so the detached processes really start here.
    marker = "cnn-grader-gradescope-detached-marker"
    attack = solution_script() + f'''
import os, subprocess
shell = ["/bin/sh", "-c", "sleep 3600; : {marker}"]
quiet = dict(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    subprocess.Popen(shell, start_new_session=True, **quiet)
except OSError:  # the filter refuses setsid: a child in the worker's session, then
    subprocess.Popen(shell, **quiet)
if os.fork() == 0:
    try:
        os.setsid()
    except OSError:
        pass
    if os.fork() == 0:
        os.execv("/bin/sh", shell)
    os._exit(0)
import time
time.sleep(0.3)
started = sum(1 for p in os.listdir("/proc") if p.isdigit() and "{marker}".encode() in
              open(f"/proc/{{p}}/cmdline", "rb").read())
q10_answers = dict(q10_answers) if started >= 2 else {{}}  # q10 full only if the sleepers really ran
'''
    doc = run_autograder(layout(tmp_path, {"lecture06.py": attack.encode()}), namespaces=False)
    # Processes and exec hide code from the grader's reading: the by-hand and model questions earn
    # nothing (grader/bank/static.py); everything else, q10 included (so the sleepers ran), is full.
    hidden = sum(c.points for q in ("q6", "q7", "q8") for c in bank.question(q).checks
                 if c.question != "q6" or c.id != "q6.lecture")  # q6.lecture is a value, not code by hand
    assert doc["score"] == bank.total_points() - hidden
    assert processes_with(marker) == []
    leftover = [p for p in os.listdir("/proc") if p.isdigit() and _uid(p) in range(61000, 61064)]
    assert leftover == []


def _uid(pid: str) -> int | None:
    try:
        line = next(l for l in open(f"/proc/{pid}/status") if l.startswith("Uid:"))
        return int(line.split()[1])
    except (OSError, StopIteration):
        return None


def metadata(created_at: str, due: str, late_due: str | None = None) -> dict:
    """submission_metadata.json as Gradescope writes it (its fields per Gradescope's documentation)."""
    return {"id": 123456, "created_at": created_at,
            "assignment": {"due_date": due, "late_due_date": late_due, "group_size": None, "group_submission": False,
                           "id": 25828, "course_id": 1234, "release_date": "2001-01-01T00:00:00.000000-08:00",
                           "title": "Lecture 6", "total_points": "26.0"},
            "submission_method": "upload",
            "users": [{"email": "ada@example.edu", "id": 1234, "name": "Ada Lovelace"}],
            "previous_submissions": []}


@pytest.fixture(scope="module")
def policy_zip():
    from grader.lateness import LatePolicy
    from grader.packaging.otter_zip import autograder_zip

    return autograder_zip(LatePolicy(0.1))


def test_a_zip_with_a_late_policy_penalises_by_created_at_against_the_due_date(tmp_path, policy_zip):
    nb = (ROOT / "solutions" / "lecture06.ipynb").read_bytes()
    # 26 hours late (2 days), graded now, years after the due date: the clock is never asked.
    late = metadata("2001-11-22T01:59:00.123456-08:00", "2001-11-20T23:59:00.000000-08:00",
                    "2001-11-27T23:59:00.000000-08:00")
    doc = run_autograder(layout(tmp_path / "late", {"lecture06.ipynb": nb}, autograder=policy_zip, metadata=late))
    assert doc["score"] == pytest.approx(bank.total_points() * (1 - 2 * 0.1))
    assert sum(scores(doc).values()) == bank.total_points()  # the questions keep their points
    assert "Submitted 2 days late" in doc["output"] and "takes 20% off" in doc["output"]
    assert reported_status(doc) == "ok"

    on_time = metadata("2001-11-20T23:58:00.000000-08:00", "2001-11-20T23:59:00.000000-08:00")
    doc = run_autograder(layout(tmp_path / "on_time", {"lecture06.ipynb": nb}, autograder=policy_zip,
                                metadata=on_time))
    assert doc["score"] == bank.total_points() and "Submitted on time." in doc["output"]


def test_the_committed_zip_marks_lateness_but_takes_nothing(tmp_path):
    nb = (ROOT / "solutions" / "lecture06.ipynb").read_bytes()
    late = metadata("2001-11-25T10:00:00.000000-08:00", "2001-11-20T23:59:00.000000-08:00")
    doc = run_autograder(layout(tmp_path, {"lecture06.ipynb": nb}, metadata=late))
    assert doc["score"] == bank.total_points() and "Submitted 5 days late" in doc["output"]


def test_the_notebook_at_the_top_is_graded_and_a_link_never_is(tmp_path):
    """Attack round 10, findings 3 and 7: ``lecture06.py -> source/course.key`` was read as root and its text shown
    in results.json; an honest upload's blank copy in ``Archive/`` sorted first and was graded (0 points, "ok")."""
    from grader.judge.gradescope import choose_submission, find_submission

    folder = tmp_path / "submission"
    (folder / "Archive").mkdir(parents=True)
    (folder / "Archive" / "lecture06.ipynb").write_text("{}")
    (folder / "lecture06.ipynb").write_text("{}")
    (folder / "AAA").mkdir()
    (folder / "AAA" / "lecture06.ipynb").write_text("{}")
    chosen = choose_submission(folder)
    assert chosen.path == folder / "lecture06.ipynb" == find_submission(folder)
    assert "Graded lecture06.ipynb" in chosen.note and "AAA/lecture06.ipynb, Archive/lecture06.ipynb" in chosen.note
    (folder / "lecture06.ipynb").unlink()
    assert choose_submission(folder).path == folder / "AAA" / "lecture06.ipynb"  # the shallowest, then by name
    # a suffix in capitals is the same kind of file (attack round 68's uploads, on Gradescope too)
    (folder / "Lecture06.IPYNB").write_text("{}")
    assert choose_submission(folder).path == folder / "Lecture06.IPYNB"
    (folder / "Lecture06.IPYNB").unlink()

    key = tmp_path / "course.key"
    key.write_text("c0ffee0ad295a798f947c9af888fa902f8b77d78839696fbc20b3017f423f958\n")
    linked = tmp_path / "linked"
    linked.mkdir()
    os.symlink(key, linked / "lecture06.py")
    os.symlink(tmp_path / "submission", linked / "folder")
    chosen = choose_submission(linked)
    assert chosen.path is None
    assert "lecture06.py" in chosen.note and "symbolic link" in chosen.note and "c0ffee" not in chosen.note
    assert str(tmp_path) not in chosen.note


def test_an_archived_blank_copy_beside_the_solved_notebook_costs_nothing(tmp_path):
    """Finding 7 through run_autograder: the solved notebook at the top is graded, and results.json says which."""
    root = layout(tmp_path, {"lecture06.ipynb": (ROOT / "solutions" / "lecture06.ipynb").read_bytes()})
    (root / "submission" / "Archive").mkdir()
    (root / "submission" / "Archive" / "lecture06.ipynb").write_bytes(
        (ROOT / "exercises" / "lecture06.ipynb").read_bytes())
    doc = run_autograder(root, namespaces=False)
    assert doc["score"] == bank.total_points()
    assert "Graded lecture06.ipynb" in doc["output"] and "Archive/lecture06.ipynb" in doc["output"]
