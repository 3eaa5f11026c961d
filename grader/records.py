"""What grading produces: one row per submission, with every check's outcome.

Plain dataclasses with no dependency on torch or the question bank, so that
reading results back (``show``, ``report``) stays light.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .judged.verdict import full_text

#: Row statuses, from the most to the least severe.
STATUSES = ("invalid", "killed", "memory", "timeout", "error", "ok")


@dataclass
class CheckResult:
    """One check's outcome for one submission."""

    id: str
    question: str
    description: str
    hidden: bool
    points: float
    max_points: float
    outcome: str
    feedback: str
    """What is wrong, without giving the answer away: shown in every feedback mode."""
    details: dict = field(default_factory=dict)
    """Report data: a model's layer table beside the reference's (``details["layers"]``)."""
    reveal: str = ""
    """What gives the answer away (rule, formula, expected value, a statement's truth and why):
    shown only in full feedback.  Empty in grades.json written before feedback was split."""

    @property
    def full_feedback(self) -> str:
        return full_text(self.feedback, self.reveal)


@dataclass
class SubmissionResult:
    """One row of the gradebook, with everything needed to explain and to reproduce it."""

    student: str
    submission: str
    source: str
    sha256: str | None
    status: str
    error: str | None
    scores: dict[str, float]
    max_scores: dict[str, float]
    total: float
    max_total: float
    checks: list[CheckResult] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    isolation: dict = field(default_factory=dict)
    seconds: float = 0.0
    maxrss_kb: int = 0
    name: str = ""
    """The student's name, when the export gives one (Gradescope)."""
    file: str = ""
    """The file below the folder or archive graded (``alice/lecture06.ipynb``), for reports: ``source``
    is the grader's own path to it.  Empty in grades.json written before it was recorded."""

    @property
    def key(self) -> str:
        """Unique among the rows of a run: a group submission has one row per student."""
        return f"{self.source}\0{self.student}"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SubmissionResult":
        data = dict(data)
        data["checks"] = [CheckResult(**c) for c in data.get("checks", [])]
        return cls(**data)
