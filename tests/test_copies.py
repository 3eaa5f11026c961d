"""Copied answers (issue 13): a submission whose answers are another student's numbers' answers is flagged,
whatever its metadata says; honest mistakes are not."""

from __future__ import annotations

import json

import pytest

from grader import variants
from grader.checkapi.probe import LocalProbe
from grader.judge import copies
from grader.judge.grading import run_checks
from grader.questions import bank
from grader.records import SubmissionResult
from grader.variants import verify
from tests.conftest import ROOT, invoke

KEY = b"a course key for the copy detection tests"
SEED = 11
CHECKS = list(bank.CHECKS.values())


def _namespace(variant, replace: dict[str, str] | None = None) -> dict:
    """The variant's solution run in this process; ``replace``: question id -> other code for it."""
    from grader.worker.cells import run_units

    sources = [replace.get(q.id, q.solution) if replace else q.solution
               for q in bank.for_variant(variant, verify.answers(variant))]
    namespace = {"__name__": "__main__"}
    run_units(sources, namespace, timeout=None)
    return namespace


def _answered(student: str, variant, namespace: dict) -> copies.Answered:
    """What grading ``namespace`` against ``variant`` records, as the batch keeps it."""
    probe = LocalProbe(namespace)
    run_checks(probe, CHECKS, SEED, variant)
    row = SubmissionResult(student=student, submission="x", source=student, sha256=None, status="ok", error=None,
                           scores={}, max_scores={}, total=0, max_total=0,
                           variant={"tag": variant.tag, "seed": variant.seed})
    return copies.Answered([row], copies.recorded_values(probe), variant.tag,
                           None if variant.is_lecture else variant.params)


@pytest.fixture(scope="module")
def klass():
    """Five students: their ids, variants and solutions run in process."""
    drawn = [(f"s{i}", variants.for_student(KEY, f"student{i}@example.edu")) for i in range(5)]
    return drawn, {sid: _namespace(v) for sid, v in drawn}


def _flags(klass, handed_in: dict[str, dict]) -> dict[str, dict | None]:
    drawn, _ = klass
    own = dict(drawn)
    graded = [_answered(sid, own[sid], namespace) for sid, namespace in handed_in.items()]
    copies.flag_copies(graded, drawn, CHECKS, SEED)
    return {a.rows[0].student: a.rows[0].variant.get("fits") for a in graded}


def test_honest_solutions_are_not_flagged(klass):
    drawn, solutions = klass
    assert _flags(klass, dict(solutions)) == {sid: None for sid, _ in drawn}


def test_a_classmate_s_solution_is_flagged_with_whose_numbers_it_fits(klass):
    _, solutions = klass
    fits = _flags(klass, {"s1": solutions["s0"], "s2": solutions["s2"]})
    assert fits["s2"] is None
    assert fits["s1"]["students"] == ["s0"]
    # The answers that identify numbers; an option letter fits too many variants to say whose it is.
    assert {"q3", "q4", "q6"} <= set(fits["s1"]["questions"]) and "q1" not in fits["s1"]["questions"]


def test_last_year_s_notebook_is_flagged_as_the_lecture_s(klass):
    fits = _flags(klass, {"s3": _namespace(variants.lecture())})
    assert fits["s3"]["students"] == [copies.LECTURE]


def test_one_copied_answer_or_honest_mistakes_are_not_flagged(klass):
    drawn, _ = klass
    own = dict(drawn)
    theirs = verify.answers(own["s0"])
    # s1's own solution with s0's q6 output: one question is not enough to say.
    one_copied = _namespace(own["s1"], {"q6": next(q.solution for q in bank.for_variant(own["s0"], theirs)
                                                  if q.id == "q6")})
    # s2's own solution with wrong option letters and statements: answers that fit many numbers.
    letters = "ABCDE"
    mine = verify.answers(own["s2"])
    wrong_q1 = next(x for x in letters if x != mine["q1"]["answer"])
    mistakes = _namespace(own["s2"], {"q1": f'q1_answer = "{wrong_q1}"', "q9": 'q9_true = {"A", "B"}',
                                      "q10": "q10_answers = {i: True for i in range(1, 9)}"})
    assert _flags(klass, {"s1": one_copied, "s2": mistakes}) == {"s1": None, "s2": None}


def test_a_copy_nothing_in_the_file_gives_away_is_flagged(tmp_path):
    """Attack round 4: bob hands in alice's answers with the notebook's variant rewritten to his own, deleted,
    or as a script (no metadata at all)."""
    corpus = ROOT / "tests" / "corpus" / "batch_r4" / "variants_copy"
    result = invoke("grade", corpus / "r4_var_copy_tag", corpus / "r4_var_copy_py", "--roster",
                    corpus / "roster.csv", "--key", corpus / "throwaway_course.key", "--out", tmp_path / "out",
                    "--seed", "3")
    assert result.exit_code == 0, result.stderr
    rows = json.loads((tmp_path / "out" / "grades.json").read_text())["results"]
    by_file = {(r["student"], r["file"].split("/")[-1]): r for r in rows}
    bobs = [r for (student, _), r in by_file.items() if student == "bob"]
    assert len(bobs) == 2
    for row in bobs:
        assert "carried" not in row["variant"]
        assert row["variant"]["fits"]["students"] == ["alice"], row["file"]
    assert all("fits" not in r["variant"] for r in rows if r["student"] == "alice")
    report = (tmp_path / "out" / "report.html").read_text()
    assert "right for those of\n      alice" in report or "right for those of alice" in " ".join(report.split())
    # The student's own page never names the classmate.
    for page in (tmp_path / "out" / "feedback").glob("bob*.html"):
        assert "alice" not in page.read_text()


def test_no_flag_is_given_on_part_of_the_class(klass):
    """Past its CPU budget the comparison stops and flags nothing: a flag must have weighed every classmate."""
    drawn, solutions = klass
    own = dict(drawn)
    graded = [_answered("s1", own["s1"], solutions["s0"])]
    assert copies.flag_copies(graded, drawn, CHECKS, SEED, seconds=0) is None
    assert "fits" not in graded[0].rows[0].variant


def test_unanswered_questions_make_no_suspect(klass):
    """A blank notebook is wrong on every question and fits nobody: it costs the comparison nothing (attack round 6
    measured 0.26 s of CPU for each such row before)."""
    drawn, _ = klass
    own = dict(drawn)
    blank = _answered("s2", own["s2"], {"__name__": "__main__"})
    assert copies._lost(blank, CHECKS, SEED) == {}
    assert copies.flag_copies([blank], drawn, CHECKS, SEED) == 0


def test_answers_too_large_to_identify_anyone_are_not_kept_for_the_whole_batch():
    # Attack round 7: with a roster, every answer of every file was kept until the class was graded (320 MiB a file).
    from grader.judge.copies import MAX_KEPT_SCALARS, recorded_values

    class Read:
        pass

    probe = Read()
    probe._values = {"q3_shapes": ([(3, 100, 100), (3, 50, 50)], None), "q1_answer": ("C", None),
                     "q9_true": ([f"s{i}" for i in range(MAX_KEPT_SCALARS + 1)], None),
                     "q10_answers": ({str(i): "x" * 64 * MAX_KEPT_SCALARS for i in range(2)}, None)}
    assert set(recorded_values(probe)) == {"q3_shapes", "q1_answer"}
