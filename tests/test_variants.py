"""Per-student variants (issue 13): drawn from a course key and an email, verified by torch."""

from __future__ import annotations

import os
import time

import pytest

from grader import variants
from grader.questions import bank
from grader.variants import verify

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
