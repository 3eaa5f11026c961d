"""The zip's run_autograder, run against an /autograder-style folder, with honest and hostile submissions.

Gradescope's containers grant no namespaces; the tests run both ways: with every
layer (as on this machine, as root) and without namespaces (CNN_GRADER_NAMESPACES=0),
where the worker is still unprivileged, limited and kept out of /autograder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from grader import bank
from grader.gradescope import validate

from .conftest import CORPUS, ROOT, needs_root, solution_script

pytestmark = [pytest.mark.sandbox, needs_root]

HOSTILE = CORPUS / "hostile"


def layout(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "autograder"
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(ROOT / "autograder.zip") as z:
        z.extractall(root / "source")
    (root / "submission").mkdir()
    for name, data in files.items():
        (root / "submission" / name).write_bytes(data)
    (root / "submission_metadata.json").write_text("{}")
    return root


def run_autograder(root: Path, *, namespaces: bool = True, python: str = sys.executable, budget: int = 300) -> dict:
    env = dict(os.environ, AUTOGRADER_ROOT=str(root), CNN_GRADER_PYTHON=python, CNN_GRADER_BUDGET=str(budget),
               CNN_GRADER_NAMESPACES="1" if namespaces else "0",
               CNN_GRADER_OPTIONS="--cell-timeout 2 --probe-timeout 2")
    proc = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env, capture_output=True, text=True,
                          timeout=budget + 60)
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


CASES = {
    # file: (questions that must be full, questions that must be zero)
    "loop_top_level.ipynb": (bank.QUESTION_IDS, ()),
    "os_exit.ipynb": (bank.QUESTION_IDS, ()),
    "always_equal.py": (("q5", "q6", "q7", "q8"), ("q1", "q2", "q3", "q4", "q9", "q10")),
    "patch_everything.ipynb": (("q1", "q2", "q3", "q4", "q5", "q9", "q10"), ("q6", "q7", "q8")),
    "memory_bomb_cell.ipynb": (bank.QUESTION_IDS, ()),
    "detached_processes.ipynb": (bank.QUESTION_IDS, ()),
}


@pytest.mark.parametrize("name, namespaces", [(name, True) for name in sorted(CASES)]
                         + [("always_equal.py", False), ("loop_top_level.ipynb", False), ("os_exit.ipynb", False),
                            ("detached_processes.ipynb", False)])
def test_hostile_submissions_get_their_honest_points_only(tmp_path, name, namespaces):
    full, zero = CASES[name]
    doc = run_autograder(layout(tmp_path, {name: (HOSTILE / name).read_bytes()}), namespaces=namespaces)
    marker = json.loads((HOSTILE / "expected.json").read_text())[name].get("marker_process")
    if marker:  # nothing it started outlives grading, with or without a PID namespace
        from .test_hostile import processes_with

        assert processes_with(marker) == []
    got = scores(doc)
    assert {q: got[q] for q in full} == {q: bank.question(q).points for q in full}, doc["output"]
    assert {q: got[q] for q in zero} == {q: 0 for q in zero}


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


def test_gradescope_scores_equal_the_native_grader(tmp_path, grade_text):
    name = "q7_missing_first_relu.py"
    data = (CORPUS / "mistakes" / name).read_bytes()
    doc = run_autograder(layout(tmp_path, {name: data}))
    assert scores(doc) == grade_text(data, name).scores


def test_without_namespaces_nothing_a_submission_starts_outlives_grading(tmp_path):
    # /bin/sh is reachable without the chroot, so the detached processes really start here.
    marker = "cnn-grader-gradescope-detached-marker"
    attack = solution_script() + f'''
import os, subprocess
shell = ["/bin/sh", "-c", "sleep 3600; : {marker}"]
subprocess.Popen(shell, start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                 stderr=subprocess.DEVNULL)
if os.fork() == 0:
    os.setsid()
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
    assert doc["score"] == bank.total_points()
    from .test_hostile import processes_with

    assert processes_with(marker) == []
    leftover = [p for p in os.listdir("/proc") if p.isdigit() and _uid(p) in range(61000, 61064)]
    assert leftover == []


def _uid(pid: str) -> int | None:
    try:
        line = next(l for l in open(f"/proc/{pid}/status") if l.startswith("Uid:"))
        return int(line.split()[1])
    except (OSError, StopIteration):
        return None
