"""The mistake corpus on 20 variants (issue 13): each mistake loses exactly where it should, with feedback
that speaks the student's numbers, whatever they are."""

from __future__ import annotations

import re
import time

import pytest

from grader import variants
from grader.questions import bank
from grader.variants import verify
from tests.variant_mistakes import EXPECTED, MISTAKES, MISTAKES_DIR, render

KEY = b"the mistake corpus's course key, fixed"
#: Twenty students whose numbers cover every question's ranges (asserted below, so a change of the
#: drawing that loses a range fails here, not silently).
EMAILS = [f"mistaken{i}@example.edu" for i in range(20)]
SEED = 5


def _grade(cells: list[str], variant, checks=None) -> list:
    """The results of ``checks`` (default all) for the submission of ``cells``, in this process (the reference
    path of test_variants: the same checks, probe protocol and JSON as the isolated worker, without the
    sandbox, which tests/test_grading.py puts the committed files through)."""
    from grader.checkapi.probe import LocalProbe
    from grader.judge.grading import run_checks
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    run_units(list(cells), namespace, timeout=None)
    return run_checks(LocalProbe(namespace), list(checks or bank.CHECKS.values()), SEED, variant)


def _checks_of(qid: str) -> list:
    return [c for c in bank.CHECKS.values() if c.question == qid]


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    """torch on one thread: the tensors are small, and a pool of threads spins on a busy machine."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _short(results) -> set[str]:
    return {c.question for c in results if c.points < c.max_points}


def _feedback(results, qid: str) -> str:
    return " ".join(c.full_feedback for c in results if c.question == qid and c.points < c.max_points)


def _file_cells(path) -> list[str]:
    from grader.judge.submission import Source, load
    from grader.worker.cells import script_units

    sub = load(Source(path))
    return script_units(sub.units[0]) if sub.kind == "script" else list(sub.units)


def test_every_committed_mistake_has_its_template():
    assert set(MISTAKES) == set(EXPECTED)
    assert {p.name for p in MISTAKES_DIR.iterdir() if p.name != "expected.json"} == set(EXPECTED)


def _failed(results) -> dict:
    """The checks lost, with their feedback; where in the submission an exception was raised set aside (a
    notebook's cell and a script's line are one place)."""
    where = re.compile(r"\((?:cell \d+|submission), line \d+\)")
    return {c.id: (c.points, where.sub("(...)", c.feedback), where.sub("(...)", c.reveal or ""))
            for c in results if c.points < c.max_points}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_mistake_rendered_with_the_lecture_numbers_grades_as_its_committed_file(name):
    """The template and the committed file are one mistake: its question's checks lose the same points with
    the same feedback (the other questions: see the matrix below, which holds the lecture's numbers too)."""
    lecture = variants.lecture()
    rendered = render(name, lecture, verify.answers(lecture))
    assert rendered.cannot is None
    checks = _checks_of(rendered.question)
    from_file = _grade(_file_cells(MISTAKES_DIR / name), None, checks)
    from_template = _grade(rendered.cells, None, checks)
    assert _failed(from_template) == _failed(from_file)
    assert _short(from_template) == rendered.short & {rendered.question}


def _bound(cell: str) -> dict:
    namespace: dict = {}
    exec(compile(cell, "cell", "exec"), namespace)
    return {k: v for k, v in namespace.items() if not k.startswith("__")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_mistake_binds_only_its_own_question_s_names_and_modules(name):
    """Why the matrix grades the other questions once per variant: a mistake's cell binds the names of its own
    question (and modules), so every other question's checks read exactly what they read in the variant's
    solution."""
    import types

    lecture = variants.lecture()
    rendered = render(name, lecture, verify.answers(lecture))
    index = bank.QUESTION_IDS.index(rendered.question)
    own = _bound(bank.QUESTIONS[index].solution)
    extra = {k: v for k, v in _bound(rendered.cells[index]).items() if k not in own}
    assert all(isinstance(v, types.ModuleType) for v in extra.values()), sorted(extra)
    assert rendered.cells[:index] + rendered.cells[index + 1:] == [
        q.solution for i, q in enumerate(bank.QUESTIONS) if i != index]


def _drawn() -> list:
    return [variants.for_student(KEY, email) for email in EMAILS]


def test_the_twenty_variants_cover_every_question_s_ranges():
    drawn = _drawn()
    found = [verify.answers(v) for v in drawn]
    assert not any(v.is_lecture for v in drawn)
    assert {v.of("q3")["kernel"] for v in drawn} == {3, 5}          # padding 1 and 2
    assert {v.of("q3")["channels"][0] for v in drawn} == {1, 3}
    assert {f["q1"]["answer"] for f in found} == {"A", "B", "C"}
    assert {v.of("q8")["blocks"] for v in drawn} == {3, 4, 5}
    assert len({v.of("q8")["side"] for v in drawn}) >= 4
    assert {v.of("q4")["conv"][2] for v in drawn} == {2, 3, 5, 7}
    assert {v.of("q5")["conv"][2] for v in drawn} == {2, 3, 5}
    assert len({tuple(f["q9"]["true"]) for f in found}) >= 4       # the true statement under several letters
    for n in "4568":
        assert {f["q10"]["answers"][n] for f in found} == {True, False}, n


#: What feedback on a variant may not say: the lecture's numbers where the variant's differ.
def _lecture_phrases(variant) -> list[str]:
    network = variant.of("q3")
    phrases = []
    if network["padding"] != 1:
        phrases += ["padding=1", "With padding=1"]
    if network["kernel"] != 3:
        phrases += ["each 3x3 convolution"]
    if network["side"] != 100:
        phrases += ["1x100x100", "100x100"]
    if variant.of("q8")["side"] != 128:
        phrases += ["1x128x128"]
    q1 = variant.of("q1")
    if q1["input"] != 4:
        phrases += ["on a 4x4 input", "4-wide row"]
    if variant.of("q4")["conv"] != [3, 3, 3]:
        phrases += ["Conv2d(3, 3, (3, 3))"]
    if (variant.of("q2")["size"], variant.of("q2")["kernel"]) != (100, 5):
        phrases += ["conv_output_size(100, 5)"]
    if variant.of("q5")["conv"] != [1, 3, 3]:
        phrases += ["conv2d_params(1, 3, 3)"]
    if variant.of("q5")["linear"] != [16, 4]:
        phrases += ["linear_params(16, 4)"]
    if not variant.is_lecture:
        phrases += ["the lecture's convolution output", "the lecture's example"]
    return phrases


def _speaks_the_lecture(results, variant) -> list[str]:
    """Feedback or descriptions of ``results`` that name the lecture's numbers where the variant's differ."""
    found = []
    for c in results:
        for text in (c.description, c.full_feedback if c.points < c.max_points else ""):
            found += [f"{c.id}: {phrase!r} in {text!r}" for phrase in _lecture_phrases(variant) if phrase in text]
    return found


@pytest.mark.background
def test_every_mistake_on_twenty_variants_loses_exactly_where_it_should(record_property, request):
    """28 mistakes x (the lecture's numbers and 20 variants), one process.  Per row: exactly the expected
    questions are short, the feedback names the mistake, every other question has full marks, and nothing
    the student reads names the lecture's numbers where theirs differ.  A mistake that cannot be made with
    some numbers is listed with why (q1: an option list without the filter's own size), never passed.

    Each row runs the whole submission and its question's checks; the other questions' checks run once per
    variant, on its solution (they read the same names: see the test above), which must get full marks.
    Computed in the background from collection on (``conftest.VARIANT_ROWS``), or here when the test runs alone."""
    from tests.conftest import VARIANT_ROWS

    run = request.config.stash.get(VARIANT_ROWS, None)
    wrong, cannot, rows, seconds = run.result("rows") if run is not None else variant_rows("rows")
    record_property("seconds", seconds)
    record_property("rows", rows)
    print(f"\n{rows} rows graded in {seconds:.1f} s; {len(cannot)} cannot be made")
    for tag, name, why in cannot:
        print(f"  cannot: {tag} {name}: {why}")
    assert wrong == [], "\n".join(f"{tag} {name}: {p}" for tag, name, problems in wrong for p in problems)
    # Only q1's "answered B" may be impossible (its options need not offer the filter's size), and most
    # variants can make it.
    assert {name for _, name, _ in cannot} <= {"q1_answered_b.py"}
    assert len(cannot) < len(EMAILS) // 2
    assert rows >= (len(EMAILS) + 1) * (len(MISTAKES) - 1)


def variant_rows(_key) -> tuple[list, list, int, float]:
    """``(wrong, cannot, rows, seconds)`` of every mistake on the lecture's numbers and twenty variants."""
    started = time.perf_counter()
    wrong, cannot, rows = [], [], 0
    for variant in [variants.lecture(), *_drawn()]:
        found = verify.answers(variant)
        solution = _grade([q.solution for q in bank.for_variant(variant, found)], variant)
        assert _short(solution) == set(), (variant.tag, _failed(solution))
        wrong += [(variant.tag, "solution", [p]) for p in _speaks_the_lecture(solution, variant)]
        for name in sorted(MISTAKES):
            rendered = render(name, variant, found)
            if rendered.cannot is not None:
                cannot.append((variant.tag, name, rendered.cannot))
                continue
            rows += 1
            own = _grade(rendered.cells, variant, _checks_of(rendered.question))
            results = [c for c in solution if c.question != rendered.question] + own
            problems = []
            if _short(results) != rendered.short:
                problems.append(f"short {sorted(_short(results))}, not {sorted(rendered.short)}: {_failed(own)}")
            for qid, words in rendered.feedback.items():
                if words.lower() not in _feedback(results, qid).lower():
                    problems.append(f"{qid} feedback lacks {words!r}: {_feedback(results, qid)!r}")
            problems += _speaks_the_lecture(own, variant)
            if problems:
                wrong.append((variant.tag, name, problems))
    return wrong, cannot, rows, time.perf_counter() - started


def _kernel_five() -> variants.Variant:
    return next(v for v in _drawn() if v.of("q3")["kernel"] == 5 and v.of("q3")["side"] != 100)


def test_a_variant_s_handed_out_tests_describe_its_own_numbers():
    from grader.packaging.handout import handout_files

    variant = _kernel_five()
    network = variant.of("q7")["network"]
    image = f"{network['channels'][0]}x{network['side']}x{network['side']}"
    files, _ = handout_files(variant)
    assert f"CNN() maps one {image} image".encode() in files["tests/q7.py"]
    assert b"1x100x100" not in files["tests/q7.py"]
    c_in, c_out, k = variant.of("q4")["conv"]
    described = {c.id: c.description for q in bank.for_variant(variant, verify.answers(variant)) for c in q.checks}
    assert described["q4.conv"] == f"the Conv2d({c_in}, {c_out}, ({k}, {k})) count matches torch's"
    # The lecture's descriptions are the committed ones, word for word.
    lecture = variants.lecture()
    assert [c.description for q in bank.for_variant(lecture, verify.answers(lecture)) for c in q.checks] == [
        c.description for c in bank.CHECKS.values()]
    assert bank.CHECKS["q7.runs"].description == "CNN() maps one 1x100x100 image to shape (1, 1)"


def test_q4_s_count_without_padding_is_told_with_the_variant_s_padding():
    from grader.questions.q04_lecture_counts import variant as q4

    variant = _kernel_five()
    found = verify.answers(variant)
    numbers = variant.of("q4")
    from grader.questions import reference

    cells = [q.solution for q in bank.for_variant(variant, found)]
    cells[bank.QUESTION_IDS.index("q4")] = (
        f"q4_conv_params = {found['q4']['conv']}\n"
        f"q4_cnn_params = {reference.param_count(q4.cnn(numbers, padding=0))}\n"
        f"q4_fcnn_params = {found['q4']['fcnn']}\n")
    lost = {c.id: c for c in _grade(cells, variant, _checks_of("q4")) if c.points < c.max_points}
    assert set(lost) == {"q4.cnn"} and "*without* padding" in lost["q4.cnn"].feedback
    assert f"With padding={numbers['network']['padding']} " in lost["q4.cnn"].reveal
    assert "padding=1" not in lost["q4.cnn"].reveal
