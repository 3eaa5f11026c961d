"""What grading produces: one row per submission, with every check's outcome.

Plain dataclasses with no dependency on torch or the question bank, so that
reading results back (``show``, ``report``) stays light.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

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
    details: dict = field(default_factory=dict)


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

    @property
    def key(self) -> str:
        """Unique among the rows of a run: a group submission has one row per student."""
        return f"{self.source}\0{self.student}"

    def to_dict(self) -> dict:
        # Field by field rather than dataclasses.asdict, which deep-copies every nested dict and list
        # (the layer tables of the model checks) only for json.dumps to read them once: a shallow
        # view is the same document at a fraction of the cost.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["checks"] = [{f.name: getattr(c, f.name) for f in fields(c)} for c in self.checks]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "SubmissionResult":
        data = dict(data)
        data["checks"] = [CheckResult(**c) for c in data.get("checks", [])]
        return cls(**data)
