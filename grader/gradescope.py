"""Gradescope's ``results.json``: what the autograder specification allows, and a validator.

The specification (Gradescope's "Autograder Specifications"): a top-level
object with ``score`` (optional when tests carry scores), ``execution_time``,
``output``, ``output_format``, ``visibility``, ``stdout_visibility`` and a list
of ``tests``; each test has ``score``, ``max_score``, ``status``, ``name``,
``number``, ``output``, ``output_format``, ``tags`` and ``visibility``.
"""

from __future__ import annotations

OUTPUT_FORMATS = ("text", "html", "simple_format", "md", "ansi")
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")
STATUSES = ("passed", "failed")

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
        if test.get("status") is not None and test["status"] not in STATUSES:
            problems.append(f"{where}.status must be one of {STATUSES}")
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
