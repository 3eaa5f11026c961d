"""Late submissions: whether one was late, by how many days, and what a late policy takes off.

Lateness comes from what the submission's platform recorded, never from the
clock (Gradescope's "Regrade all submissions" runs the autograder long after
the deadline):

* Gradescope (``run_autograder``'s ``submission_metadata.json``, or an
  export's ``submission_metadata.yml`` with the due dates given to ``grade``):
  the submission's ``created_at`` against the due date::

      late = created_at > due
      days = ceil((created_at - due) / 24 h)     # one second late is one day late

* Canvas: the ``_LATE_`` mark of a download's name.  Canvas's names carry no
  time, so a mark alone counts as :data:`MARK_DAYS` day.

A :class:`LatePolicy` takes a share of the raw total per day late::

    penalty = min(1, days * fraction)            # 0 when on time or when nothing says
    total   = raw_total * (1 - penalty)

Everything here is a pure function of what a row records and of the run's
due dates and policy, so a resumed run (or a new policy) re-applies it to
every row without grading again.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .numbers import number
from .records import Lateness, SubmissionResult

DAY = timedelta(days=1)
#: Days late a Canvas ``_LATE_`` mark counts for when no submission time is known.
MARK_DAYS = 1

_TIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<hour>\d{2}):(?P<minute>\d{2})"
                   r"(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
                   r"\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?", re.IGNORECASE)


def parse_time(value) -> datetime:
    """An aware datetime from ISO 8601 text (``2026-11-20T23:59:00-08:00``), Gradescope's export form
    (``2026-11-20 10:00:00.000000000 -08:00``) or a datetime (as YAML reads one).

    Raises:
        ValueError: it is not a time, or it has no time zone (a time without one could be anyone's).
    """
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{value.isoformat()} has no time zone")
        return value
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a date and time (2026-11-20T23:59-08:00)")
    zone = match["zone"]
    if not zone:
        raise ValueError(f"{text!r} has no time zone (add one: Z, -08:00, +01:00...)")
    if zone.upper() == "Z":
        offset = timedelta(0)
    else:
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        offset = -offset if zone[0] == "-" else offset
    try:
        return datetime.fromisoformat(match["date"]).replace(
            hour=int(match["hour"]), minute=int(match["minute"]), second=int(match["second"] or 0),
            microsecond=int((match["fraction"] or "0")[:6].ljust(6, "0")), tzinfo=timezone(offset))
    except ValueError as exc:  # 2026-02-30, 25:00, an offset past 24 h
        raise ValueError(f"{text!r}: {exc}") from None


def _time_or_none(text: str) -> datetime | None:
    try:
        return parse_time(text) if text else None
    except ValueError:
        return None


def iso(moment: datetime | None) -> str:
    """``moment`` as ISO 8601 text, its offset kept; empty for None."""
    return moment.isoformat() if moment else ""


@dataclass(frozen=True)
class LatePolicy:
    """A late penalty: ``fraction`` of the raw total per day late, at most all of it.

    ``penalty = min(1, days * fraction)``, where ``days`` is the whole days late, or
    :data:`MARK_DAYS` for a Canvas ``_LATE_`` mark without times.
    """

    fraction: float
    """Share of the total taken off per day late (0.1: 10% a day); 0 marks late submissions and takes nothing."""

    def __post_init__(self):
        if not (isinstance(self.fraction, (int, float)) and not isinstance(self.fraction, bool)
                and 0 <= self.fraction <= 1):
            raise ValueError(f"a late penalty is a fraction of the total from 0 to 1, not {self.fraction!r}")

    def penalty(self, lateness: Lateness) -> float:
        """The share of the raw total taken off a submission with ``lateness``: ``min(1, days * fraction)``."""
        if not lateness.late:
            return 0.0
        days = lateness.days if lateness.days is not None else MARK_DAYS
        return min(1.0, days * self.fraction)

    def as_dict(self) -> dict:
        """The policy as ``grades.json`` and the zip's config record it."""
        return {"fraction_per_day": self.fraction, "of": "raw_total", "at_most": 1.0,
                "days_for_a_late_mark_without_times": MARK_DAYS}

    @classmethod
    def from_dict(cls, data) -> "LatePolicy | None":
        """The policy :meth:`as_dict` wrote (None for None).

        Raises:
            ValueError: ``data`` is not such a record.
        """
        if data is None:
            return None
        if not isinstance(data, dict) or "fraction_per_day" not in data:
            raise ValueError(f"not a late policy: {data!r}")
        return cls(data["fraction_per_day"])

    def describe(self) -> str:
        return f"{number(self.fraction * 100)}% of the total per day late"


def judge(lateness: Lateness, *, due: datetime | None, late_due: datetime | None = None) -> Lateness:
    """``lateness`` with ``late``, ``days``, ``due``, ``late_due`` and ``past_late_due`` decided.

    A submission time and a due date decide (see the module docstring); else Canvas's mark
    (late with unknown days, or on time); else nothing is known (``late`` is None).
    """
    submitted = _time_or_none(lateness.submitted_at)
    dates = {"due": iso(due), "late_due": iso(late_due)}
    if submitted is not None and due is not None:
        late = submitted > due
        return dataclasses.replace(lateness, **dates, late=late,
                                   days=math.ceil((submitted - due) / DAY) if late else 0,
                                   past_late_due=late_due is not None and submitted > late_due)
    if lateness.canvas_mark is not None:
        return dataclasses.replace(lateness, **dates, late=lateness.canvas_mark,
                                   days=None if lateness.canvas_mark else 0, past_late_due=False)
    return dataclasses.replace(lateness, **dates, late=None, days=None, past_late_due=False)


def apply(result: SubmissionResult, *, due: datetime | None = None, late_due: datetime | None = None,
          policy: LatePolicy | None = None) -> SubmissionResult:
    """``result`` judged against the due dates, its total after ``policy`` (the raw total kept).

    Idempotent: the penalty is always taken from ``raw_total``.
    """
    lateness = judge(result.lateness, due=due, late_due=late_due)
    penalty = policy.penalty(lateness) if policy else 0.0
    lateness = dataclasses.replace(lateness, penalty=round(penalty, 6))
    raw = result.raw_total if result.raw_total is not None else result.total
    return dataclasses.replace(result, lateness=lateness, raw_total=raw, total=round(raw * (1 - penalty), 4))


def label(lateness: Lateness) -> str:
    """A few words for tables: ``late, 2 days``, ``late`` (a mark alone), ``on time``, or empty when unknown."""
    if lateness.late is None:
        return ""
    if not lateness.late:
        return "on time"
    if lateness.days is None:
        return "late"
    return f"late, {lateness.days} day" + ("" if lateness.days == 1 else "s")


def sentence(result: SubmissionResult) -> str:
    """What a student reads about their lateness and penalty; empty when nothing is known."""
    lateness = result.lateness
    if lateness.late is None:
        return ""
    if not lateness.late:
        return "Submitted on time."
    if lateness.days is None:
        text = "Submitted late (Canvas marks it late)."
    else:
        text = (f"Submitted {lateness.days} day{'' if lateness.days == 1 else 's'} late "
                f"({lateness.submitted_at}, due {lateness.due})")
        text += ", after the late due date." if lateness.past_late_due else "."
    if lateness.penalty:
        text += (f" The late policy takes {number(lateness.penalty * 100)}% off: {number(result.total)} points, "
                 f"{number(result.raw_total)} before the penalty.")
    return text


@dataclass(frozen=True)
class LateRules:
    """How a run judges lateness: the due dates (None: unknown) and the policy (None: nothing taken off)."""

    due: datetime | None = None
    late_due: datetime | None = None
    policy: LatePolicy | None = None

    def __post_init__(self):
        if self.late_due is not None and self.due is None:
            raise ValueError("a late due date needs a due date")
        if self.late_due is not None and self.late_due < self.due:
            raise ValueError(f"the late due date ({iso(self.late_due)}) is before the due date ({iso(self.due)})")

    def apply(self, result: SubmissionResult) -> SubmissionResult:
        """:func:`apply` with these rules."""
        return apply(result, due=self.due, late_due=self.late_due, policy=self.policy)

    def record(self) -> dict:
        """What ``grades.json`` records (``meta["lateness"]``)."""
        return {"due": iso(self.due) or None, "late_due": iso(self.late_due) or None,
                "policy": self.policy.as_dict() if self.policy else None}

    @classmethod
    def from_record(cls, data) -> "LateRules":
        """The rules :meth:`record` wrote; no rules for a run that recorded none (an older grades.json).

        Raises:
            ValueError: ``data`` is not such a record.
        """
        if not data:
            return cls()
        if not isinstance(data, dict):
            raise ValueError(f"not a record of late rules: {data!r}")
        return cls(due=parse_time(data["due"]) if data.get("due") else None,
                   late_due=parse_time(data["late_due"]) if data.get("late_due") else None,
                   policy=LatePolicy.from_dict(data.get("policy")))

    def overridden(self, *, due: datetime | None = None, late_due: datetime | None = None,
                   policy: LatePolicy | None = None) -> "LateRules":
        """These rules, with each value given (not None) replacing this one's: what a resumed run keeps."""
        return LateRules(due=due or self.due, late_due=late_due or self.late_due, policy=policy or self.policy)
