"""What a check concludes, and the one place that runs a check function.

Feedback comes in two parts, kept apart from the moment a check writes it: what is wrong
(``feedback``: which answer, which case, which mistake), always shown; and what would give the
answer away (``reveal``: the rule, a formula, an expected value, a statement's truth and why),
shown only when an instructor releases feedback in full.  Both are Markdown: code spans and
emphasis; whatever a submission controls (its answers, its exception messages) goes in as a code
span (:func:`code`), so it is shown literally.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .probe import NameMissing, ProbeError, ProbeTimedOut, SubmissionCrashed, SubmissionRaised

#: Longest feedback of one check: a submission's answers are quoted, never whole.
MAX_FEEDBACK_CHARS = 1000
#: Longest quotation of an answer inside feedback.
MAX_QUOTE_CHARS = 80
#: Largest report data (a layer table) one check keeps, as JSON characters.
MAX_DETAILS_CHARS = 20_000


def cut(text: str, limit: int) -> str:
    """``text`` shortened to ``limit`` characters, saying how much was left out.

    Args:
        text: any text.
        limit: the most characters to keep, the note on what was cut included.

    Returns:
        ``text`` itself when it fits; else its start and ``"… (N more characters)"``.

    Example:
        >>> cut("abc", 10)
        'abc'
    """
    if len(text) <= limit:
        return text
    return text[: max(limit - 40, 0)] + f"… ({len(text) - limit + 40} more characters)"


def code(text: str) -> str:
    """``text`` as a Markdown code span, shown literally whatever it holds (backticks, ``*``, ``<``...).

    The fence is one backtick longer than the longest run inside, as CommonMark asks.
    Whatever the submission controls (a name it chose, an exception message) goes into
    feedback through this, never as it is.

    Args:
        text: the text to show; converted with ``str``, new lines become spaces.

    Returns:
        The code span; a span holding one space for empty text.

    Example:
        >>> code("ValueError: k < 1")
        '`ValueError: k < 1`'
        >>> code("a `tick`")
        '`` a `tick` ``'
    """
    text = " ".join(str(text).split("\n"))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    # CommonMark strips one space from each side when both are there, and a fence may not touch a backtick.
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}" if text else "` `"


def quoted(value) -> str:
    """``repr(value)`` cut to a readable length, as a code span: a submission's answer quoted in feedback.

    Args:
        value: a decoded answer (plain data).

    Returns:
        Its ``repr``, at most :data:`MAX_QUOTE_CHARS` characters, as a :func:`code` span.

    Example:
        >>> quoted("B")
        "`'B'`"
    """
    if isinstance(value, str) and len(value) > MAX_QUOTE_CHARS:  # repr would copy a huge string whole first
        return code(repr(value[: MAX_QUOTE_CHARS // 2]) + f"… ({len(value)} characters)")
    return code(cut(repr(value), MAX_QUOTE_CHARS))


def full_text(feedback: str, reveal: str) -> str:
    """What is wrong followed by what gives the answer away: feedback released in full.

    Args:
        feedback: what is wrong.
        reveal: what gives the answer away (may be empty).

    Returns:
        Both, joined by a space; either alone when the other is empty.
    """
    return " ".join(part for part in (feedback, reveal) if part)


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check."""

    passed: bool
    """True when the submission meets the check in full."""
    feedback: str = ""
    """What is wrong, said without giving the answer away; empty when passed.  Always shown.
    Never holds a hidden input."""
    outcome: str = "passed"
    """``passed``, ``failed``, or why it could not be judged: ``missing``,
    ``raised``, ``timeout``, ``killed``, ``refused``, ``protocol``..."""
    details: dict = field(default_factory=dict)
    """Plain data for reports (a model's layer table, ...)."""
    reveal: str = ""
    """What gives the answer away: the rule or formula, an expected value, a statement's truth
    and its explanation.  Shown only when feedback is released in full."""

    @property
    def full_feedback(self) -> str:
        """The feedback followed by the reveal (:func:`full_text`): what full feedback shows."""
        return full_text(self.feedback, self.reveal)


class Wrong(Exception):
    """Raised inside a check function: the answer is wrong.

    ``feedback`` says what is wrong (always shown), ``reveal`` what would give the answer away
    (the rule, a formula, an expected value: shown only in full feedback).
    """

    def __init__(self, feedback: str, details: dict | None = None, *, reveal: str = ""):
        """The check fails with this feedback.

        Args:
            feedback: what is wrong, in Markdown, always shown (brief feedback too): which answer,
                which kind of case, which mistake.  No hidden input, no expected value, no rule
                that gives the answer away.
            details: plain data kept in ``grades.json``; ``{"mistake": "name"}`` names the mistake
                found, ``{"layers": ...}`` holds the layer tables the feedback pages show.
            reveal: what gives the answer away (the rule, a formula, an expected value); shown
                only when feedback is released in full.

        Example:
            >>> def check(probe, context):
            ...     raise Wrong("It looks like the side is doubled.", {"mistake": "doubled"}, reveal="Use `k * k`.")
            >>> evaluate(check, None, None)
            Verdict(passed=False, feedback='It looks like the side is doubled.', outcome='failed', details={'mistake': 'doubled'}, reveal='Use `k * k`.')
        """
        super().__init__(full_text(feedback, reveal))
        self.feedback = feedback
        self.reveal = reveal
        self.details = details or {}


def evaluate(check_fn, probe, context) -> Verdict:
    """Run ``check_fn(probe, context)`` and turn every way it can end into a :class:`Verdict`.

    A check function returns ``None`` (passed) or a :class:`Verdict`, or raises
    :class:`Wrong`.  Errors the probe reports about the submission become a
    failed verdict whose feedback says what happened.

    Args:
        check_fn: the check, ``check_fn(probe, context)``.
        probe: the :class:`~.probe.Probe` it reaches the submission through.
        context: its :class:`grader.questions.base.Context` (None in a student's notebook).

    Returns:
        A :class:`Verdict`: passed for ``None``; failed with the :class:`Wrong`'s feedback,
        details and reveal; failed with ``outcome`` ``missing``, ``raised``, ``memory``,
        ``timeout``, ``killed``, ``refused``, ``protocol``... for a :class:`~.probe.ProbeError`
        the check let through; ``grader-error`` for any other exception (a bug in the check).
        Feedback, reveal and details are cut to their limits.  It never raises: a check that
        fails in any way fails only itself.

    Example:
        >>> from .probe import LocalProbe
        >>> evaluate(lambda probe, context: None, LocalProbe({}), None).passed
        True
        >>> evaluate(lambda probe, context: probe.value("choice"), LocalProbe({}), None).feedback
        '`choice` is not defined. Define it (check the spelling) and run its cell.'
    """
    verdict = _evaluate(check_fn, probe, context)
    if (len(verdict.feedback) <= MAX_FEEDBACK_CHARS and len(verdict.reveal) <= MAX_FEEDBACK_CHARS
            and (not verdict.details or _size(verdict.details) <= MAX_DETAILS_CHARS)):
        return verdict
    details = verdict.details
    if details and _size(details) > MAX_DETAILS_CHARS:
        details = {"omitted": f"more than {MAX_DETAILS_CHARS} characters of report data"}
    return Verdict(verdict.passed, cut(verdict.feedback, MAX_FEEDBACK_CHARS), verdict.outcome, details,
                   cut(verdict.reveal, MAX_FEEDBACK_CHARS))


def _size(details: dict) -> int:
    import json

    try:
        return len(json.dumps(details, default=str))
    except (ValueError, TypeError, RecursionError):
        return MAX_DETAILS_CHARS + 1


def _evaluate(check_fn, probe, context) -> Verdict:
    try:
        result = check_fn(probe, context)
    except Wrong as wrong:
        return Verdict(False, wrong.feedback, "failed", wrong.details, wrong.reveal)
    except NameMissing as exc:
        return Verdict(False, f"{exc}. Define it (check the spelling) and run its cell.", exc.reason)
    except SubmissionRaised as exc:
        if exc.out_of_memory:
            return Verdict(False, f"Ran out of memory {_where(exc)}: the grader limits how much memory a "
                                  "submission may use.", "memory")
        return Verdict(False, f"Your code raised {raised(exc)}.", exc.reason)
    except ProbeTimedOut as exc:
        return Verdict(False, f"Your code {exc}: look for a loop that never ends.", exc.reason)
    except SubmissionCrashed as exc:
        return Verdict(False, f"The process running your code died: {exc}.", exc.reason)
    except ProbeError as exc:
        return Verdict(False, str(exc), exc.reason)
    except Exception as exc:  # a bug in the check itself: this check fails, the run goes on
        return Verdict(False, f"The grader could not run this check ({type(exc).__name__}: {exc}); "
                              "please tell your instructor.", "grader-error")
    if result is None:
        return Verdict(True)
    return result


def _where(exc: SubmissionRaised) -> str:
    return f"({exc.where})" if exc.where else ""


def raised(exc: SubmissionRaised) -> str:
    """What a submission raised, for feedback: its exception as a code span, then where.

    Args:
        exc: what the probe raised (or :meth:`~.probe.Probe.call_many` returned).

    Returns:
        Markdown: the exception as a :func:`code` span, then where (``(cell 4, line 2)``) when known.
    """
    text = f"{exc.type_name}: {exc.message}" if exc.message else exc.type_name
    return code(text) + (f" ({exc.where})" if exc.where else "")


# -- small validators shared by public and hidden checks --------------------

def plain_int(value, what: str, *, show: bool = True) -> int:
    """``value`` as an int, or :class:`Wrong` explaining what it should be.

    ``show=False`` keeps the value out of the feedback (it came from a hidden input).

    Args:
        value: a decoded answer.
        what: how feedback names it (``"conv_output_size(100, 5)"``).
        show: quote the value in the feedback.

    Returns:
        ``value``, when it is an ``int`` (not a bool, not a float equal to one).

    Raises:
        Wrong: it is not an int; a whole float is named as such, and the reveal says how to get an int.

    Example:
        >>> plain_int(96, "conv_output_size(100, 5)")
        96
        >>> plain_int(96.0, "conv_output_size(100, 5)")
        Traceback (most recent call last):
        ...
        grader.checkapi.verdict.Wrong: conv_output_size(100, 5) is the float `96.0`; it should be an int. Use `//` (floor division) or `int(...)` so the result is a whole number of type int.
    """
    if type(value) is int:
        return value
    if type(value) is float and math.isfinite(value) and value.is_integer():
        shown = f"the float {quoted(value)}" if show else "a float"
        raise Wrong(f"{what} is {shown}; it should be an int.",
                    reveal="Use `//` (floor division) or `int(...)` so the result is a whole number of type int.")
    raise Wrong(f"{what} should be an int, not {describe(value)}.")


def whole_number(value, what: str, *, show: bool = True) -> int:
    """A size or a count given as a value: an int, or any number equal to one (``50.0``, a NumPy float
    from ``np.floor``, a one-element tensor).  A function asked to return an int still must (:func:`plain_int`).

    Args:
        value: a decoded answer.
        what: how feedback names it.
        show: quote the value in the feedback.

    Returns:
        The whole number, as an int.

    Raises:
        Wrong: it is not a whole number.

    Example:
        >>> whole_number(120.0, "`count`")
        120
    """
    from .wire import Array

    if isinstance(value, Array) and value.numel == 1:
        value = value.to_tensor().reshape(()).item()
    if type(value) is float and math.isfinite(value) and value.is_integer():
        return int(value)
    return plain_int(value, what, show=show)


def as_sequence(value):
    """A list for an array or tensor of one or more dimensions (``np.array(shapes)``), else ``value``.

    Args:
        value: a decoded answer.

    Returns:
        ``value.tolist()`` for a :class:`~.wire.Array` of one or more dimensions; ``value`` otherwise.
    """
    from .wire import Array

    if isinstance(value, Array) and len(value.shape) >= 1:
        return value.to_tensor().tolist()
    return value


def describe(value) -> str:
    """A short description of a decoded value's type, for feedback.

    Args:
        value: a decoded answer.

    Returns:
        ``"a str"``, ``"an array/tensor of shape [2, 3]"``, ``"a function"``, ``"None"``; the
        starter's ``...`` is named as the placeholder still there.

    Example:
        >>> describe([1]), describe(None), describe(Ellipsis)
        ('a list', 'None', '`...` (the placeholder is still there)')
    """
    from .wire import Array, Object

    if value is Ellipsis or (isinstance(value, Object) and value.type_name == "ellipsis"):
        return "`...` (the placeholder is still there)"
    if isinstance(value, Object):
        return f"a {value.type_name}"
    if isinstance(value, Array):
        return f"an array/tensor of shape {list(value.shape)}"
    return f"a {type(value).__name__}" if value is not None else "None"
