"""Feedback release: how much of each check's feedback a student is shown.

Every check's feedback is recorded in two parts (see :class:`~grader.records.CheckResult`):
what is wrong, and what would give the answer away.  A mode picks what students see:

* ``full``: both, and for the model questions the layer table of the network asked for beside
  theirs;
* ``brief``: what is wrong only ("statement 3 is not judged right", "your network's output
  differs once the first convolution runs"): no statement's truth or explanation, no expected
  value or formula, no layer table of the network asked for (their own table stays, its first
  difference marked).

The mode is a rendering choice: ``grades.json`` keeps both parts, so ``cnn-grader report
--feedback`` renders either way without grading again.  The class report is the instructor's
and always shows everything.
"""

from __future__ import annotations

from .errors import UsageError

FULL = "full"
BRIEF = "brief"
#: The modes, the default first.
MODES = (FULL, BRIEF)
DEFAULT = FULL
#: The ``grades.json`` meta key recording the mode a run was graded with.  Its absence marks
#: grades written before feedback was split: they can be rendered in full only.
META_KEY = "feedback"


def check_mode(mode: str) -> str:
    """``mode`` if it is one of :data:`MODES`; UsageError otherwise."""
    if mode not in MODES:
        raise UsageError(f"feedback mode {mode!r}: use one of {', '.join(MODES)}")
    return mode


def check_text(check, mode: str) -> str:
    """A check's feedback as ``mode`` releases it (Markdown)."""
    return check.feedback if mode == BRIEF else check.full_feedback


def layer_tables(check, mode: str) -> dict | None:
    """A check's layer tables as ``mode`` releases them: the student's always, the reference's in full only."""
    layers = check.details.get("layers") if isinstance(check.details, dict) else None
    if not isinstance(layers, dict) or not layers.get("submission"):
        return None
    if mode == BRIEF:
        return {"submission": layers["submission"], "reference": None,
                "first_difference": {"submission": (layers.get("first_difference") or {}).get("submission"),
                                     "reference": None}}
    return layers
