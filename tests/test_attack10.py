"""Attack round 10 (tests/corpus/batch_r10/NOTES.md): how the judge finds and names a class's files.

Each test states what should hold and fails on the code the round attacked (ece82c0): strict expected
failures, for whoever fixes them to turn into plain tests.  No worker runs here: all of it is the judge's
reading of the folder, before any grading.
"""

from __future__ import annotations

import pytest


@pytest.mark.xfail(strict=True, reason="attack round 10, findings 11 and 12: pages are encoded as strict UTF-8",
                   raises=UnicodeEncodeError)
@pytest.mark.parametrize("where", ["error", "student"])
def test_a_lone_surrogate_costs_no_page_of_the_class(tmp_path, where):
    """An exception message a submission raised (``'\\ud800'``), or a file name that is not UTF-8 (Python's
    surrogate escape, ``stud\\udce9nt``), must not keep the class's report, pages and gradebook from being written."""
    from grader.outputs.report import FEEDBACK, LMS_CSV, REPORT, write_reports
    from tests.test_report import result

    honest = result("alice")
    hostile = result("stud\udce9nt" if where == "student" else "mallory", status="error")
    if where == "error":
        hostile.error = "the script: `ValueError: \ud800 lone \udfff`"
    write_reports(tmp_path, {"seed": 1}, [honest, hostile])
    assert (tmp_path / REPORT).exists() and (tmp_path / LMS_CSV).exists()
    assert len(list((tmp_path / FEEDBACK).glob("*.html"))) == 2
