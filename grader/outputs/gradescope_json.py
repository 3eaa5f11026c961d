"""Gradescope's ``results.json``: the document a submission's outcome becomes, and the check that it conforms.

The producer (:func:`gradescope_results`, :func:`failure_results`) and the validator
(:func:`validate`) live together, so that the format is written down once.  ``run_autograder``
(:mod:`grader.judge.gradescope`) writes these documents; ``cnn-grader grade`` writes the same
beside each feedback page.

The specification (Gradescope's "Autograder Specifications"): a top-level
object with ``score`` (optional when tests carry scores), ``execution_time``,
``output``, ``output_format``, ``visibility``, ``stdout_visibility`` and a list
of ``tests``; each test has ``score``, ``max_score``, ``status``, ``name``,
``number``, ``output``, ``output_format``, ``tags`` and ``visibility``.
"""

from __future__ import annotations

from collections import defaultdict

from ..feedback import BRIEF, check_mode, check_text
from ..feedback import DEFAULT as DEFAULT_FEEDBACK
from ..lateness import sentence as late_sentence
from ..numbers import number
from ..records import SubmissionResult

# -- the specification -----------------------------------------------------------------------------

OUTPUT_FORMATS = ("text", "html", "simple_format", "md", "ansi")
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")
#: A Gradescope test's ``status`` (unlike a row's :class:`grader.records.Status`).
TEST_STATUSES = ("passed", "failed")

_TOP = {"score": (int, float), "execution_time": (int, float), "output": str, "output_format": str,
        "test_output_format": str, "test_name_format": str, "visibility": str, "stdout_visibility": str,
        "extra_data": dict, "tests": list, "leaderboard": list}
_TEST = {"score": (int, float), "max_score": (int, float), "status": str, "name": str, "name_format": str,
         "number": str, "output": str, "output_format": str, "tags": list, "visibility": str, "extra_data": dict}


def validate(doc) -> list[str]:
    """Every way ``doc`` departs from the specification; empty when it conforms."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["results.json must be a JSON object"]
    _fields(doc, _TOP, "results", problems)
    tests = doc.get("tests", [])
    if "score" not in doc and not (isinstance(tests, list) and tests and
                                   all(isinstance(t, dict) and "score" in t for t in tests)):
        problems.append("results need a top-level score, or tests that all carry a score")
    for i, test in enumerate(tests if isinstance(tests, list) else []):
        where = f"tests[{i}]"
        if not isinstance(test, dict):
            problems.append(f"{where} must be an object")
            continue
        _fields(test, _TEST, where, problems)
        if "score" in test and "max_score" not in test and test.get("status") is None:
            problems.append(f"{where} has a score but no max_score")
        if isinstance(test.get("score"), (int, float)) and isinstance(test.get("max_score"), (int, float)):
            if test["score"] < 0 or test["score"] > test["max_score"] + 1e-9:
                problems.append(f"{where} score {test['score']} is outside 0..{test['max_score']}")
        if test.get("status") is not None and test["status"] not in TEST_STATUSES:
            problems.append(f"{where}.status must be one of {TEST_STATUSES}")
    return problems


def _fields(obj: dict, allowed: dict, where: str, problems: list[str]) -> None:
    for key, value in obj.items():
        if key not in allowed:
            problems.append(f"{where} has an unknown field {key!r}")
            continue
        if isinstance(value, bool) or not isinstance(value, allowed[key]):
            problems.append(f"{where}.{key} has the wrong type ({type(value).__name__})")
    for key in ("output_format", "test_output_format"):
        if key in obj and obj[key] not in OUTPUT_FORMATS:
            problems.append(f"{where}.{key} must be one of {OUTPUT_FORMATS}")
    for key in ("visibility", "stdout_visibility"):
        if key in obj and obj[key] not in VISIBILITIES:
            problems.append(f"{where}.{key} must be one of {VISIBILITIES}")


# -- the documents ---------------------------------------------------------------------------------

def gradescope_results(result: SubmissionResult, feedback: str = DEFAULT_FEEDBACK) -> dict:
    """The same outcome as Gradescope's results.json: one test per question, plus the public tests.

    ``full``: every test's feedback in full, shown once grades are published (``after_published``).
    ``brief``: what is wrong, shown at once (``visible``); for each question that lost points, a
    test worth 0 of 0 points holds the full explanation, shown after the due date
    (``after_due_date``).  The top-level score is the total either way, so nothing counts twice.
    """
    check_mode(feedback)
    brief = feedback == BRIEF
    by_question: dict[str, list] = defaultdict(list)
    for c in result.checks:
        by_question[c.question].append(c)
    tests = []
    public = [c for c in result.checks if not c.hidden]
    if public:
        tests.append({
            "name": "Public tests", "score": 0, "max_score": 0,
            "status": "passed" if all(c.outcome == "passed" for c in public) else "failed",
            "visibility": "visible", "output_format": "text",
            "output": "\n".join(f"{c.id}: {'passed' if c.outcome == 'passed' else 'failed: ' + check_text(c, feedback)}"
                                for c in public)})
    for q in result.max_scores:
        checks = by_question.get(q, [])
        score = round(result.scores.get(q, 0.0), 4)
        status = "passed" if score >= result.max_scores[q] else "failed"
        tests.append({"name": q, "number": q[1:], "score": score, "max_score": result.max_scores[q],
                      "status": status, "visibility": "visible" if brief else "after_published",
                      "output_format": "text", "output": _question_output(checks, feedback)})
        failed = [c for c in checks if c.outcome != "passed"]
        if brief and failed:
            tests.append({"name": f"{q}: the full explanation", "number": f"{q[1:]}.1", "score": 0, "max_score": 0,
                          "status": status, "visibility": "after_due_date", "output_format": "text",
                          "output": "\n".join(f"FAILED  {c.description}\n    {c.full_feedback}" for c in failed)})
    summary = f"{number(result.total)} of {number(result.max_total)} points. Status: {result.status}."
    if result.error:
        summary += f"\n{result.error}"
    if late_sentence(result):
        summary += f"\n{late_sentence(result)}"
    return {"score": round(result.total, 4), "execution_time": round(result.seconds, 3), "output": summary,
            "output_format": "text", "visibility": "visible" if brief else "after_published",
            "stdout_visibility": "hidden", "tests": tests}


def _question_output(checks: list, feedback: str) -> str:
    lines = [f"{'PASSED' if c.outcome == 'passed' else 'FAILED'}  {c.description}"
             + ("" if c.outcome == "passed" else f"\n    {check_text(c, feedback)}") for c in checks if c.hidden]
    return "\n".join(lines) or "No hidden tests ran."


def failure_results(message: str) -> dict:
    """What results.json says when no grade could be computed: zero, and why, visible to the student."""
    return {"score": 0, "output": message, "output_format": "text", "visibility": "visible",
            "stdout_visibility": "hidden", "tests": []}
