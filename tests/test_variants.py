"""Per-student variants (issue 13): drawn from a course key and an email, verified by torch."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from grader import variants
from grader.questions import bank
from grader.variants import verify
from tests.conftest import invoke, needs_root

KEY = b"a course key of more than sixteen bytes"
#: The issue's class size.
CLASS = 200


def test_the_seed_depends_on_key_and_normalised_email_only():
    assert variants.seed_for(KEY, "Ada@Example.EDU ") == variants.seed_for(KEY, "ada@example.edu")
    assert variants.seed_for(KEY, "ada@example.edu") != variants.seed_for(KEY, "bob@example.edu")
    assert variants.seed_for(KEY, "ada@example.edu") != variants.seed_for(KEY + b"!", "ada@example.edu")
    with pytest.raises(ValueError):
        variants.seed_for(KEY, "  ")


def test_a_student_gets_the_same_numbers_every_time():
    assert variants.for_student(KEY, "ada@example.edu").params == variants.for_student(KEY, "ADA@example.edu").params


def test_no_key_gives_the_lecture_numbers():
    assert variants.for_student(None, "ada@example.edu").params == variants.lecture().params
    assert variants.lecture().tag == "lecture" and variants.lecture().seed is None


def test_a_record_cannot_choose_its_numbers():
    chosen = variants.from_seed(7).record()
    forged = {**chosen, "params": variants.lecture().params}
    assert variants.from_record(forged).params == variants.from_seed(7).params


def test_keys(tmp_path):
    path = tmp_path / "course.key"
    variants.new_key(path)
    assert len(variants.read_key(path)) >= variants.MIN_KEY_BYTES
    assert os.stat(path).st_mode & 0o077 == 0
    before = path.read_bytes()
    with pytest.raises(variants.CourseKeyError):
        variants.new_key(path)
    assert path.read_bytes() == before
    (tmp_path / "short").write_bytes(b"0123456789\n")
    with pytest.raises(variants.CourseKeyError):
        variants.read_key(tmp_path / "short")
    with pytest.raises(variants.CourseKeyError):
        variants.read_key(tmp_path / "missing")


def _solution_values(q) -> dict:
    namespace: dict = {}
    exec(compile(q.solution, q.folder, "exec"), namespace)
    return namespace


def test_the_lecture_variant_answers_what_the_solution_does():
    found = verify.answers(variants.lecture())
    solution = {q.id: _solution_values(q) for q in bank.QUESTIONS}
    assert found["q1"]["answer"] == solution["q1"]["q1_answer"]
    assert found["q3"]["shapes"] == [list(s) for s in solution["q3"]["q3_shapes"]]
    assert found["q3"]["flatten"] == solution["q3"]["q3_flatten_features"]
    assert [found["q4"][k] for k in ("conv", "cnn", "fcnn")] == [
        solution["q4"][f"q4_{k}_params"] for k in ("conv", "cnn", "fcnn")]
    assert found["q5"] == {"conv": 30, "linear": 68}
    assert found["q6"]["output"] == solution["q6"]["q6_output"].tolist()
    assert set(found["q9"]["true"]) == solution["q9"]["q9_true"]
    assert {int(n): v for n, v in found["q10"]["answers"].items()} == solution["q10"]["q10_answers"]
    assert found["q8"]["params_1ch"] == 49519 and found["q7"]["params"] == 1337


def test_a_variant_that_is_not_sensible_is_refused():
    lecture = variants.lecture()
    broken = variants.Variant(1, {**lecture.params, "q1": {"input": 4, "kernel": 3, "options": [4, 3, 1]}})
    with pytest.raises(variants.VariantError, match="q1"):
        verify.answers(broken)
    repeated = variants.Variant(1, {**variants.from_seed(1).params, "q6": lecture.of("q6")})
    with pytest.raises(variants.VariantError, match="lecture's worked example"):
        verify.answers(repeated)


def test_a_class_of_variants_is_drawn_and_verified(record_property):
    started = time.perf_counter()
    drawn = [variants.for_student(KEY, f"student{i}@example.edu") for i in range(CLASS)]
    found = [verify.answers(v) for v in drawn]
    record_property("seconds", time.perf_counter() - started)
    lecture = variants.lecture()
    for v in drawn:
        assert v.of("q6")["image"] != lecture.of("q6")["image"]
        assert v.of("q2") != lecture.of("q2") and v.of("q5")["conv"] != lecture.of("q5")["conv"]
        assert v.of("q7")["network"] == v.of("q3") == v.of("q4")["network"]  # one network, shared
    # The numbers differ from student to student, and so do the answers.
    assert len({v.to_json() for v in drawn}) == CLASS
    assert len({str(f["q6"]["output"]) for f in found}) > CLASS * 0.9
    assert len({f["q3"]["flatten"] for f in found}) > 20
    # The order of options and the truths vary, and each letter is right for some students.
    assert {f["q1"]["answer"] for f in found} == {"A", "B", "C"}
    assert len({tuple(f["q9"]["true"]) for f in found}) == 5
    for n in "4568":
        assert {f["q10"]["answers"][n] for f in found} == {True, False}, n


# -- stage 2: the texts of a variant, and the handout ----------------------------------------------

def _values(script: str) -> dict:
    namespace: dict = {}
    exec(compile(script, "solution", "exec"), namespace)
    return namespace


def test_a_variant_solution_holds_the_answers_torch_gives():
    for seed in range(40):
        variant = variants.from_seed(seed)
        found = verify.answers(variant)
        qs = bank.for_variant(variant, found)
        got = _values("\n\n".join(q.solution for q in qs))
        assert got["q1_answer"] == found["q1"]["answer"]
        assert [list(s) for s in got["q3_shapes"]] == found["q3"]["shapes"]
        assert got["q3_flatten_features"] == found["q3"]["flatten"]
        assert (got["q4_conv_params"], got["q4_cnn_params"], got["q4_fcnn_params"]) == (
            found["q4"]["conv"], found["q4"]["cnn"], found["q4"]["fcnn"])
        assert got["q6_output"].tolist() == found["q6"]["output"]
        assert sorted(got["q9_true"]) == found["q9"]["true"]
        assert {str(n): v for n, v in got["q10_answers"].items()} == found["q10"]["answers"]
        from grader.questions import reference
        assert reference.param_count(got["CNN"]()) == found["q7"]["params"]
        assert reference.param_count(got["ConvNet"](1)) == found["q8"]["params_1ch"]
        prompts = "\n".join(q.prompt for q in qs)
        # A variant never claims the lecture's numbers as its own.
        assert "The lecture slides" not in prompts and "This is the CNN of the lecture" not in prompts
        assert str(found["q8"]["params_1ch"]) in prompts.replace(",", "")
        assert all(q.starter == lq.starter for q, lq in zip(qs, bank.QUESTIONS))


def _roster(tmp_path, count: int) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("student,email,name\n" + "".join(f"s{i:03d},student{i}@example.edu,Student {i}\n"
                                                     for i in range(count)))
    return path


def test_the_key_command_writes_a_key_once(tmp_path):
    path = tmp_path / "course.key"
    assert invoke("key", path).exit_code == 0
    first = path.read_bytes()
    again = invoke("key", path)
    assert again.exit_code == 1 and "never overwritten" in again.stderr and path.read_bytes() == first


@pytest.mark.parametrize("roster, problem", [
    ("student,name\nada,Ada\n", "student,email"),
    ("student,email\n../evil,ada@example.edu\n", "not a usable student id"),
    ("student,email\nada,ada@example.edu\nada,bob@example.edu\n", "listed twice"),
    ("student,email\nada,ada@example.edu\nbob, ADA@example.edu \n", "another student's"),
    ("student,email\nada,not an email\n", "not an email"),
    ("student,email\n", "lists nobody"),
])
def test_a_bad_roster_is_refused_and_nothing_is_written(tmp_path, roster, problem):
    (tmp_path / "roster.csv").write_text(roster)
    (tmp_path / "course.key").write_bytes(KEY)
    result = invoke("variants", tmp_path / "roster.csv", "--key", tmp_path / "course.key", "--out", tmp_path / "out")
    assert result.exit_code != 0 and problem in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_a_short_key_is_refused(tmp_path):
    (tmp_path / "course.key").write_bytes(b"short")
    result = invoke("variants", _roster(tmp_path, 2), "--key", tmp_path / "course.key", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "at least 16 bytes" in result.stderr and not (tmp_path / "out").exists()


PUBLIC_CHECKS = """
import importlib, json, sys
from pathlib import Path
import nbformat
env = {}
for cell in nbformat.read(sys.argv[1], as_version=4).cells:
    if cell.cell_type == "code" and cell.id.endswith("-answer"):
        exec(cell.source, env)
from lecture06_checks.checkapi.notebook import run_in_notebook
failed = []
for public in sorted(Path("lecture06_checks/questions").glob("q*/public.py")):
    module = importlib.import_module(f"lecture06_checks.questions.{public.parent.name}.public")
    for name in dir(module):
        if name.startswith(public.parent.name.split("_")[0].replace("q0", "q") + "_"):
            try:
                run_in_notebook(getattr(module, name), env)
            except AssertionError as exc:
                failed.append(name)
print(json.dumps(failed))
"""


def _public_failures(folder: Path, notebook: Path) -> list[str]:
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", PUBLIC_CHECKS, str(notebook)], cwd=folder, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def test_the_variants_command_writes_each_student_their_own_notebook(tmp_path):
    import nbformat

    from grader.assignment import NOTEBOOK

    (tmp_path / "course.key").write_bytes(KEY)
    out, sol = tmp_path / "out", tmp_path / "sol"
    result = invoke("variants", _roster(tmp_path, 6), "--key", tmp_path / "course.key", "--out", out,
                    "--solutions", sol)
    assert result.exit_code == 0, result.stderr
    notebooks = {p.parent.name: p.read_text() for p in sorted(out.glob(f"*/{NOTEBOOK}"))}
    assert len(notebooks) == 6 and len(set(notebooks.values())) == 6
    for student, text in notebooks.items():
        nb = nbformat.reads(text, as_version=4)
        tag = nb.metadata["cnn_grader"]["variant"]
        assert tag == variants.for_student(KEY, f"student{int(student[1:])}@example.edu").tag
        # No answers: the code cells are the starters, and no file beside it holds one.
        code = {c.source for c in nb.cells if c.cell_type == "code" and c.id.endswith("-answer")}
        assert code == {q.starter.rstrip("\n") for q in bank.QUESTIONS}
        found = verify.answers(variants.from_seed(int(tag, 16)))
        beside = "".join(p.read_text() for p in (out / student).rglob("*") if p.is_file())
        assert str(found["q6"]["output"]) not in beside and "q6_output = torch.tensor([[" not in beside
    # Each student's filled-in notebook passes their own public checks; a classmate's fails one.
    assert _public_failures(out / "s000", sol / "s000.ipynb") == []
    assert _public_failures(out / "s001", sol / "s001.ipynb") == []
    networks = {s: variants.for_student(KEY, f"student{i}@example.edu").of("q7")
                for i, s in enumerate(sorted(notebooks))}
    other = next(s for s in sorted(notebooks) if networks[s] != networks["s000"])
    assert "q7_runs" in _public_failures(out / "s000", sol / f"{other}.ipynb")


# -- stage 3: graded against the student's own numbers ---------------------------------------------

def _solution_namespace(variant) -> dict:
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    run_units([q.solution for q in bank.for_variant(variant, verify.answers(variant))], namespace, timeout=None)
    return namespace


def test_a_variant_solution_scores_full_marks_and_a_classmate_s_loses_points():
    from grader.checkapi.probe import LocalProbe
    from grader.judge.grading import run_checks

    checks = list(bank.CHECKS.values())
    drawn = [variants.for_student(KEY, f"student{i}@example.edu") for i in range(4)]
    solutions = [_solution_namespace(v) for v in drawn]
    for i, v in enumerate(drawn):
        own = run_checks(LocalProbe(solutions[i]), checks, 5, v)
        assert [c.id for c in own if c.points < c.max_points] == [], v.tag
        theirs = run_checks(LocalProbe(solutions[(i + 1) % len(drawn)]), checks, 5, v)
        lost = {c.question for c in theirs if c.points < c.max_points}
        assert {"q3", "q4", "q6", "q7"} <= lost, (v.tag, lost)
    # The lecture's solution against the lecture's numbers, as before.
    lecture = run_checks(LocalProbe(_solution_namespace(variants.lecture())), checks, 5, None)
    assert all(c.points == c.max_points for c in lecture)


def test_grade_with_a_roster_grades_each_student_against_their_own_numbers(tmp_path):
    import json

    from grader.assignment import NOTEBOOK

    (tmp_path / "course.key").write_bytes(KEY)
    roster = _roster(tmp_path, 3)
    sol = tmp_path / "sol"
    assert invoke("variants", roster, "--key", tmp_path / "course.key", "--out", tmp_path / "out",
                  "--solutions", sol).exit_code == 0
    for student, notebook in (("s000", "s000"), ("s001", "s001"), ("s002", "s000"), ("stranger", "s001")):
        (tmp_path / "class" / student).mkdir(parents=True)
        (tmp_path / "class" / student / NOTEBOOK).write_bytes((sol / f"{notebook}.ipynb").read_bytes())
    result = invoke("grade", tmp_path / "class", "--roster", roster, "--key", tmp_path / "course.key",
                    "--out", tmp_path / "graded", "--seed", "3")
    assert result.exit_code == 0, result.stderr
    rows = {r["student"]: r for r in json.loads((tmp_path / "graded" / "grades.json").read_text())["results"]}
    for student in ("s000", "s001"):
        assert rows[student]["total"] == rows[student]["max_total"], student
        assert rows[student]["variant"]["tag"] == variants.for_student(
            KEY, f"student{int(student[1:])}@example.edu").tag
        assert "carried" not in rows[student]["variant"]
    # s002 handed in s000's notebook: graded against s002's numbers, flagged as copied.
    assert rows["s002"]["total"] < rows["s002"]["max_total"]
    assert rows["s002"]["variant"]["carried"] == rows["s000"]["variant"]["tag"]
    assert any("copied" in n for n in rows["s002"]["notes"])
    # Nobody is graded against a default: a student not on the roster gets a row saying so.
    assert rows["stranger"]["status"] == "unlisted" and rows["stranger"]["total"] == 0
    assert "not on the roster" in rows["stranger"]["error"]
    assert "unlisted" in (tmp_path / "graded" / "grades.csv").read_text()
    # The report: statistics per range of numbers, and the copied notebook flagged.
    report = (tmp_path / "graded" / "report.html").read_text()
    assert 'id="variant-table"' in report and "Copied?" in report and rows["s000"]["variant"]["tag"] in report
    # Each student's page shows their own numbers.
    page = (tmp_path / "graded" / "feedback" / "s001.html").read_text()
    q3 = variants.for_student(KEY, "student1@example.edu").of("q3")
    assert f"Your numbers: side {q3['side']}; channels" in page


def test_roster_and_key_go_together(tmp_path):
    (tmp_path / "course.key").write_bytes(KEY)
    result = invoke("grade", tmp_path, "--key", tmp_path / "course.key", "--out", tmp_path / "graded")
    assert result.exit_code == 2 and "go together" in result.stderr


# -- stage 4: the Gradescope zip with a course key -------------------------------------------------

def test_build_with_a_key_refuses_the_committed_zip_and_needs_both_options(tmp_path):
    from tests.conftest import ROOT

    (tmp_path / "course.key").write_bytes(KEY)
    before = (ROOT / "autograder.zip").read_bytes()
    result = invoke("build", "--root", ROOT, "--key", tmp_path / "course.key", "--zip", ROOT / "autograder.zip")
    assert result.exit_code == 2 and "keyless" in result.stderr
    assert (ROOT / "autograder.zip").read_bytes() == before
    assert invoke("build", "--key", tmp_path / "course.key").exit_code == 2


@pytest.mark.sandbox
@needs_root
def test_run_autograder_grades_the_first_submitter_s_own_numbers(tmp_path):
    import json
    import zipfile

    from tests.test_gradescope import layout, run_autograder, scores

    (tmp_path / "course.key").write_bytes(KEY)
    keyed = tmp_path / "keyed.zip"
    result = invoke("build", "--key", tmp_path / "course.key", "--zip", keyed)
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(keyed) as z:
        assert z.read("course.key") == KEY
    (tmp_path / "roster.csv").write_text("student,email\na,ada@example.edu\nb,bob@example.edu\n")
    assert invoke("variants", tmp_path / "roster.csv", "--key", tmp_path / "course.key", "--out", tmp_path / "out",
                  "--solutions", tmp_path / "sol").exit_code == 0

    def graded(case: str, notebook: str, email: str | None) -> dict:
        nb = json.loads((tmp_path / "sol" / f"{notebook}.ipynb").read_text())
        root = tmp_path / case / "autograder"
        # The student's code tries to read the key; if it could, q1 would lose its point.
        nb["cells"].append({"cell_type": "code", "id": "steal", "metadata": {}, "outputs": [], "execution_count": None,
                            "source": f"try:\n    open({str(root / 'source' / 'course.key')!r}).read()\n"
                                      "    q1_answer = 'read the key'\nexcept OSError:\n    pass\n"})
        metadata = {"users": [{"email": email, "name": "X", "id": 1}]} if email else {}
        return run_autograder(layout(tmp_path / case, {"lecture06.ipynb": json.dumps(nb).encode()},
                                     autograder=keyed.read_bytes(), metadata=metadata), namespaces=False)

    own = graded("own", "a", "Ada@Example.edu")
    assert own["score"] == bank.total_points(), scores(own)
    classmate = graded("classmate", "b", "ada@example.edu")
    assert classmate["score"] < bank.total_points()
    nobody = graded("nobody", "a", None)
    assert nobody["score"] == 0 and "no submitter's email" in json.dumps(nobody)


def test_two_variants_with_the_same_input_side_each_get_full_marks_in_one_process():
    """The reference behaviour a model check caches is keyed on the student's numbers: two variants whose
    conv-block network takes the same input side (its cache key otherwise) but differs in width or depth
    each keep their marks when graded one after the other (fairness round 4: two of five students lost q8)."""
    from grader.checkapi.probe import LocalProbe
    from grader.judge.grading import run_checks

    checks = [c for c in bank.CHECKS.values() if c.question == "q8"]
    by_side: dict = {}
    for i in range(400):
        v = variants.for_student(KEY, f"student{i}@example.edu")
        same = by_side.setdefault(v.of("q8")["side"], [])
        if same and same[0].of("q8") != v.of("q8"):
            pair = [same[0], v]
            break
        same.append(v)
    else:
        pytest.fail("no two variants share the input side with different networks")
    lecture_side = [v for v in by_side.get(variants.lecture().of("q8")["side"], [])][:1]
    for v in [variants.lecture(), *lecture_side, *pair]:
        graded = run_checks(LocalProbe(_solution_namespace(v)), checks, 5, None if v.is_lecture else v)
        assert [c.id for c in graded if c.points < c.max_points] == [], v.tag


def test_cnn_grader_check_runs_the_public_tests_of_the_student_s_own_numbers(tmp_path):
    """`cnn-grader check` beside a handout checks what `grader.check` in the notebook does: the student's numbers
    (the variant.json `variants` wrote), not the lecture's; numbers that are not a variant are refused in a line."""
    import shutil

    from grader.assignment import NOTEBOOK
    from grader.packaging.artifacts import VENDORED
    from grader.questions import VARIANT_FILE

    (tmp_path / "course.key").write_bytes(KEY)
    out, sol = tmp_path / "out", tmp_path / "sol"
    assert invoke("variants", _roster(tmp_path, 2), "--key", tmp_path / "course.key", "--out", out,
                  "--solutions", sol).exit_code == 0
    shutil.copyfile(sol / "s000.ipynb", out / "s000" / NOTEBOOK)
    shutil.copyfile(sol / "s000.ipynb", out / "s001" / NOTEBOOK)  # a classmate's answers
    own = invoke("check", out / "s000" / NOTEBOOK)
    assert own.exit_code == 0, own.output
    assert "Checked against your own numbers" in own.output
    theirs = invoke("check", out / "s001" / NOTEBOOK)
    assert theirs.exit_code == 1 and "FAILED" in theirs.output
    # The same file where nothing was handed out: the lecture's numbers, which it does not answer either.
    shutil.copyfile(sol / "s000.ipynb", tmp_path / NOTEBOOK)
    lecture = invoke("check", tmp_path / NOTEBOOK)
    assert lecture.exit_code == 1 and "own numbers" not in lecture.output
    (out / "s001" / VENDORED / VARIANT_FILE).write_text('{"q1": {"kernel": "three"}}')
    broken = invoke("check", out / "s001" / NOTEBOOK)
    assert broken.exit_code == 1 and "not the numbers" in broken.stderr and "Traceback" not in broken.output


def test_correct_answers_in_their_own_styles_get_full_marks_on_their_own_numbers(tmp_path):
    """Fairness round 5 on variants: six students answered their handouts in styles of their own (a script among
    them); each gets full marks on their own numbers, and nobody is flagged as a copy."""
    import json

    corpus = Path(__file__).parent / "corpus" / "fair" / "_r5_variant"
    result = invoke("grade", corpus / "class", "--roster", corpus / "roster.csv", "--key", corpus / "course.key",
                    "--out", tmp_path / "out", "--seed", "5")
    assert result.exit_code == 0, result.stderr
    rows = json.loads((tmp_path / "out" / "grades.json").read_text())["results"]
    assert len(rows) == 6
    for row in rows:
        assert row["total"] == row["max_total"], (row["student"], row["scores"])
        assert "fits" not in row["variant"] and "carried" not in row["variant"], row["student"]
