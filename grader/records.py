"""What grading produces: one row per submission, with every check's outcome.

Plain dataclasses with no dependency on torch or the question bank, so that
reading results back (``show``, ``report``) stays light.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass

from .checkapi.protocol import Term
from .checkapi.verdict import full_text


class Status(Term):
    """A row's status (``grades.json``, ``grades.csv``): the most severe thing that happened to the
    submission.  Members are in that order, from the most to the least severe."""

    INVALID = "invalid", "The file could not be read as a notebook or a script: nothing of it ran."
    UNLISTED = "unlisted", ("Its student is not on the roster (--roster): with no email there are no numbers to "
                            "grade it against, so nothing of it ran.")
    KILLED = "killed", ("A worker running it died, hung past every limit, or sent what could not be read: "
                        "the units and checks it took with it scored nothing.")
    MEMORY = "memory", "A unit or a probe ran out of memory, or kept most of what the submission may use."
    TIMEOUT = "timeout", "A unit or a probe ran past its time limit, or the submission's whole time budget ran out."
    ERROR = "error", "A unit did not compile or raised an exception; the rest still ran."
    OK = "ok", "Every unit ran cleanly (checks may still have failed: the scores say)."


class EventKind(Term):
    """What happened to a submission's workers (an entry of a row's ``events``)."""

    TIMEOUT = "timeout", "A unit or a probe ran past its limit and its worker was killed, or the time budget ran out."
    MEMORY = "memory", "A unit or a probe left its worker out of memory: the next one got a fresh worker."
    KILLED = "killed", "A worker died, or sent an unexpected message and was killed."
    PROTOCOL = "protocol", "A worker's answer could not be read (it was killed): counts as ``killed``."
    FORGED = "forged", ("Messages the submission wrote into the grader's connection were dropped unread: "
                        "not a failure.")
    UNANSWERED = "unanswered", ("The fork server did not answer the judge's question whether threads ran beside the "
                                "submission in time (a neighbour's processes, or its own, held it), so the checks "
                                "that asked counted them as running: counts as ``timeout``, and the row is graded "
                                "again alone when another was graded beside it.")
    REGRADED = "regraded", ("The submission failed while another was graded beside it, in a way that one could "
                            "cause (a timeout with little CPU, a worker killed from outside, a question the fork "
                            "server left unanswered), so it was graded "
                            "again alone at the end of the batch; this row is that grading: not a failure.")
    NOT_REGRADED = "not regraded", ("As ``regraded``, but the student's files had been graded again alone the most "
                                    "times a student's may (a file that sleeps looks starved too): this row is its "
                                    "first grading.")

    @property
    def counts_as(self) -> Status | None:
        """The row status this event gives, or None (not a failure)."""
        if self in (EventKind.FORGED, EventKind.REGRADED, EventKind.NOT_REGRADED):
            return None
        if self is EventKind.UNANSWERED:
            return Status.TIMEOUT
        return Status.KILLED if self is EventKind.PROTOCOL else Status(self.value)

# What a student id is, by where it was read: the Canvas import matches each kind against its own
# column, so that a number read from a file name is never taken for another student's SIS id.
ID_CANVAS = "canvas"
"""The Canvas user id of a download's name (``anon_<n>`` under anonymous grading)."""
ID_SID = "sid"
"""Gradescope's SID: the course's student id (Canvas's SIS User ID)."""
ID_EMAIL = "email"
"""Gradescope's email, when the SID is empty (Canvas's SIS Login ID, where logins are emails)."""
ID_FOLDER = "folder"
"""The name of a folder per student."""
ID_FILE = "file"
"""The file's stem: nothing says what it is."""
ID_KINDS = (ID_CANVAS, ID_SID, ID_EMAIL, ID_FOLDER, ID_FILE)


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
class Lateness:
    """Whether a submission was late, from what its platform recorded (never from the clock).

    See :mod:`grader.lateness` for how ``late``, ``days`` and ``penalty`` are decided.
    """

    submitted_at: str = ""
    """When it was submitted (ISO 8601 with its offset): Gradescope's ``created_at``; empty when unknown."""
    canvas_mark: bool | None = None
    """Canvas's download name: True with ``_LATE_``, False without it; None when the name is not Canvas's."""
    due: str = ""
    """The due date it was judged against (ISO 8601); empty when none was known."""
    late_due: str = ""
    """The late due date, past which Gradescope accepts nothing more; empty when none was known."""
    late: bool | None = None
    """True late, False on time, None when nothing says (no Canvas name, or no time and due date)."""
    days: int | None = None
    """Whole days late, ``ceil((submitted_at - due) / 24 h)`` (0 on time); None when only Canvas's mark says."""
    past_late_due: bool = False
    """Submitted after the late due date (an extension or an upload by the staff)."""
    penalty: float = 0.0
    """Share of the raw total the late policy took off, 0 to 1."""


@dataclass
class SubmissionResult:
    """One row of the gradebook, with everything needed to explain and to reproduce it."""

    student: str
    submission: str
    source: str
    sha256: str | None
    status: str
    """A :class:`Status` (its plain value once read back from ``grades.json``)."""
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
    cpu_seconds: float = 0.0
    """CPU seconds its workers and their children used (the kernel's account): with ``seconds``, whether
    a timeout came from its own code or from a neighbour that starved it."""
    outside_kills: int = 0
    """Its workers that a SIGKILL nobody of the grader sent ended (the kernel's out-of-memory killer)."""
    name: str = ""
    """The student's name, when the export gives one (Gradescope; Canvas's sortable name, lower-cased)."""
    id_kind: str = ""
    """What ``student`` is (one of :data:`ID_KINDS`): which gradebook column it matches."""
    lateness: Lateness = field(default_factory=Lateness)
    raw_total: float | None = None
    """The total the checks gave, before any late penalty (``total`` is after it); set from ``total`` if absent."""
    file: str = ""
    """The file below the folder or archive graded (``alice/lecture06.ipynb``), for reports: ``source``
    is the grader's own path to it.  Empty in grades.json written before it was recorded."""
    variant: dict | None = None
    """The numbers it was graded against (:mod:`grader.variants`): ``tag`` and ``seed``; ``carried``, the
    variant the notebook says it was written for when that is another student's (copied); ``fits``, the
    students (``students``) whose numbers its wrong answers to ``questions`` are right for
    (:mod:`grader.judge.copies`).  None: the lecture's (graded without a course key)."""

    def __post_init__(self):
        if self.raw_total is None:
            self.raw_total = self.total

    @property
    def key(self) -> str:
        """Unique among the rows of a run: a group submission has one row per student."""
        return f"{self.source}\0{self.student}"

    def to_dict(self) -> dict:
        return _fields_of(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SubmissionResult":
        data = dict(data)
        data["checks"] = [CheckResult(**c) for c in data.get("checks", [])]
        data["lateness"] = Lateness(**(data.get("lateness") or {}))
        return cls(**data)


def _fields_of(record) -> dict:
    """A dataclass as a dict, descending into dataclasses and lists, not into plain dicts.

    Unlike ``dataclasses.asdict``, which deep-copies every nested dict and list (the layer
    tables of the model checks) only for ``json.dumps`` to read them once, the plain data
    is shared: the same document at a fraction of the cost.
    """
    def value(v):
        if is_dataclass(v) and not isinstance(v, type):
            return _fields_of(v)
        if isinstance(v, list):
            return [value(x) for x in v]
        return v
    return {f.name: value(getattr(record, f.name)) for f in fields(record)}
