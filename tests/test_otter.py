"""End to end with the real otter-grader: autograder.zip agrees with the native grader, question by question.

Each ``otter run`` takes about 5 s (a Jupyter kernel per submission), so the set is small and runs two at a time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from grader import assignment
from grader.outputs.gradescope_json import validate
from grader.questions import bank
from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.otter

OTTER = str(Path(sys.executable).with_name("otter"))
#: Honest mistakes `otter run` grades beside the native grader (each run is some 18 s of one core, and CI is over
#: its budget): a hand-written convolution in a notebook and a model in a script, the two kinds of check that run a
#: student's code through the probe (a wrong value goes the way the solutions' and the examples' values go).
#: tests/test_bank.py grades the whole mistake corpus natively.
WRONG = ["q6_flipped_kernel.ipynb", "q8_input_channels_ignored.py"]
EXAMPLES = ["leewei_10451_558047_lecture06.ipynb", "garciamaria_LATE_10412_558102_lecture06.py"]


def as_student_notebook(src: Path, dest: Path) -> Path:
    """A copy carrying the assignment name a notebook downloaded from exercises/ has."""
    if src.suffix == ".ipynb":
        nb = json.loads(src.read_text())
        nb.setdefault("metadata", {})["otter"] = {"assignment_name": assignment.NAME}
        dest.write_text(json.dumps(nb))
    else:
        shutil.copyfile(src, dest)
    return dest


#: What Jupyter says when the kernel of a run exits while starting, before any of the notebook runs: it happened
#: once in a full CI run on a loaded machine (a fresh clone, 2026-11-29), never alone. One more try, then it counts.
KERNEL_START_FAILURE = "Kernel died before replying to kernel_info"


def otter_run(submission: Path, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    for attempt in range(2):
        proc = subprocess.run([OTTER, "run", "-a", str(ROOT / "autograder.zip"), "-o", str(out), str(submission)],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode == 0 or KERNEL_START_FAILURE not in proc.stderr:
            break
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads((out / "results.json").read_text())


def per_question(results: dict) -> dict[str, float]:
    return {t["name"]: round(float(t["score"]), 4) for t in results["tests"] if t["name"] in bank.QUESTION_IDS}


@pytest.fixture(scope="module")
def otter_results(tmp_path_factory):
    work = tmp_path_factory.mktemp("otter")
    jobs = {"solutions": ROOT / "solutions" / assignment.NOTEBOOK, "blank": ROOT / "exercises" / assignment.NOTEBOOK}
    jobs.update({name: CORPUS / "mistakes" / name for name in WRONG})
    jobs.update({name: ROOT / "examples" / "submissions" / name for name in EXAMPLES})
    subs = {k: as_student_notebook(v, work / (k if "." in k else f"{k}.ipynb")) for k, v in jobs.items()}
    with ThreadPoolExecutor(2) as pool:
        futures = {k: pool.submit(otter_run, path, work / f"out-{i}") for i, (k, path) in enumerate(subs.items())}
        return {k: f.result() for k, f in futures.items()}, subs


def test_solutions_get_full_marks(otter_results):
    results, _ = otter_results
    assert per_question(results["solutions"]) == {q.id: q.points for q in bank.QUESTIONS}


def test_the_blank_notebook_gets_zero(otter_results):
    results, _ = otter_results
    assert per_question(results["blank"]) == {q.id: 0 for q in bank.QUESTIONS}


@pytest.mark.parametrize("name", WRONG + EXAMPLES)
def test_wrong_submissions_get_the_same_points_as_the_native_grader(otter_results, grade_text, name):
    results, subs = otter_results
    native = grade_text(subs[name].read_bytes(), name)
    assert per_question(results[name]) == native.scores
    assert native.total < bank.total_points()


def test_results_json_follows_gradescope_specification(otter_results):
    results, _ = otter_results
    for name, doc in results.items():
        assert validate(doc) == [], name
        for test in doc["tests"]:
            if test["name"] in bank.QUESTION_IDS:
                assert {"score", "max_score", "visibility", "output"} <= set(test)
    failing = next(t for t in results["q6_flipped_kernel.ipynb"]["tests"] if t["name"] == "q6")
    assert "kernel is flipped" in failing["output"]


def test_validator_rejects_what_gradescope_would():
    assert validate({"tests": [{"score": 1, "max_score": 1, "visibility": "sometimes"}]})
    assert validate({"tests": [{"score": 3, "max_score": 1}]})
    assert validate({"output": "no score anywhere"})
    assert validate([]) and validate({"score": "10"})


# -- the student's loop --------------------------------------------------------------------------

def student_folder(tmp_path: Path, answers_from: Path) -> Path:
    folder = tmp_path / "student"
    shutil.copytree(ROOT / "exercises", folder)
    nb = nbformat.read(answers_from, as_version=4)
    nbformat.write(nb, folder / assignment.NOTEBOOK)
    return folder


def test_a_student_runs_the_notebook_and_its_checks_pass(tmp_path):
    from nbclient import NotebookClient

    folder = student_folder(tmp_path, ROOT / "solutions" / assignment.NOTEBOOK)
    nb = nbformat.read(folder / assignment.NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    assert len(checks) == len(bank.QUESTIONS)
    for cell in checks:
        text = json.dumps(cell.outputs)
        assert "All test cases passed" in text and "failed" not in text, cell.source


def test_otter_check_passes_an_answered_notebook_and_explains_a_blank_one(tmp_path):
    folder = student_folder(tmp_path, ROOT / "solutions" / assignment.NOTEBOOK)
    ok = subprocess.run([OTTER, "check", assignment.NOTEBOOK], cwd=folder, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and "All tests passed!" in ok.stdout, ok.stdout + ok.stderr
    shutil.copyfile(ROOT / "exercises" / assignment.NOTEBOOK, folder / "blank.ipynb")
    blank = subprocess.run([OTTER, "check", "blank.ipynb", "-q", "q2"], cwd=folder, capture_output=True, text=True,
                           timeout=300)
    assert "conv_output_size(100, 5) should be an int" in blank.stdout
