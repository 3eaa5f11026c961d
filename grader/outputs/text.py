"""What the terminal shows: every text the CLI prints about results is made here, and the CLI echoes it.

Pure functions of what the library returns: numbers go through :func:`grader.numbers.number`,
and whatever a student or a file chose (names, file names, messages) through
:func:`printable`, so that it reads as one line and cannot drive the terminal.
"""

from __future__ import annotations

from ..lateness import label as late_label
from ..numbers import number
from ..records import SubmissionResult
from .canvas import EXCUSED
from .report import REPORT, class_summary
from .results import GRADES_CSV, question_ids

#: Above this many rows the summary of a batch does not print the whole table.
TABLE_ROWS = 40


def printable(text: str) -> str:
    """``text`` as one line a terminal shows as it is: control characters (new lines, escape sequences from
    names and file names a student chose) become ``?``."""
    return "".join(c if c.isprintable() else "?" for c in text)


def warning(message: str) -> str:
    return printable(f"warning: {message}")


def _cut(text: str, width: int) -> str:
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


# -- grading ------------------------------------------------------------------------------------------

def score_table(results: list[SubmissionResult], *, width: int = 24) -> str:
    """The score table printed after grading: a ``name`` column when an export gave names, a ``late``
    column when anything is known of lateness (days late, and the penalty taken)."""
    ids = question_ids(results)
    names = any(r.name for r in results)
    late = any(r.lateness.late is not None for r in results)
    head = (f"{'student':<{width}} " + (f"{'name':<{width}} " if names else "") + f"{'status':<8}"
            + (f"{'late':<20}" if late else "") + "".join(f"{q:>6}" for q in ids) + f"{'total':>12}")
    lines = [head, "-" * len(head)]
    for r in sorted(results, key=lambda r: (r.student, r.submission)):
        cells = "".join(f"{number(r.scores[q]) if q in r.scores else '-':>6}" for q in ids)
        lateness = late_label(r.lateness) + (f" -{number(r.lateness.penalty * 100)}%" if r.lateness.penalty else "")
        lines.append(f"{_cut(r.student, width):<{width}} " + (f"{_cut(r.name, width):<{width}} " if names else "")
                     + f"{r.status:<8}" + (f"{_cut(lateness, 19):<20}" if late else "")
                     + f"{cells}{number(r.total) + '/' + number(r.max_total):>12}")
    return "\n".join(lines)


def batch_summary(summary) -> str:
    """What ``cnn-grader grade`` prints at the end: the table (for a class of at most :data:`TABLE_ROWS`
    rows), the run's pace, statuses, lateness, and the class by each student's best attempt.

    ``summary``: a :class:`grader.judge.batch.BatchSummary`.
    """
    lines = []
    if len(summary.results) <= TABLE_ROWS:
        lines += [score_table(summary.results), ""]
    rate = summary.graded / summary.seconds if summary.seconds > 0 else 0.0
    lines.append(f"graded {summary.graded} submission(s) in {summary.seconds:.1f} s ({rate:.1f}/s)"
                 + (f", kept {summary.resumed} from the earlier run" if summary.resumed else "")
                 + (f", and {summary.kept_other} row(s) of files not given this time" if summary.kept_other else ""))
    lines.append("status: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items())))
    late = [r for r in summary.results if r.lateness.late]
    if late:
        taken = number(sum(r.raw_total - r.total for r in late))
        lines.append(f"late: {len(late)} row(s)" + (f"; the late policy ({summary.late_policy.describe()}) took "
                                                     f"{taken} point(s) in all" if summary.late_policy
                                                     else "; no late policy"))
    if summary.results:
        c = class_summary(summary.results)
        lines.append(f"{c['students']} student(s), each by their best attempt"
                     + (f" ({c['ungraded_students']} with no file that could be read)" if c["ungraded_students"] else "")
                     + f": total mean {number(c['mean'])}, median {number(c['median'])} of {number(c['max_total'])}; "
                     f"full marks: {c['full']}"
                     + (f"; {c['invalid_files']} invalid file(s) in no statistic" if c["invalid_files"] else ""))
    lines.append(printable(f"written: {summary.out_dir / GRADES_CSV}, grades.json, {REPORT} and feedback/"))
    if len(summary.results) > TABLE_ROWS:
        lines.append(printable(f"the full table: cnn-grader show {summary.out_dir}"))
    return "\n".join(lines)


# -- progress -----------------------------------------------------------------------------------------

def already_graded(already: int, total: int) -> str:
    return f"{already} submission(s) already graded in this folder; grading the other {total}"


def progress_line(done: int, total: int, result) -> str:
    """One finished submission, as a log shows it: ``[3/8] alice: ok 24/26 (0.42 s)``."""
    return (f"[{done}/{total}] {printable(result.student)}: {result.status} "
            f"{number(result.total)}/{number(result.max_total)} ({result.seconds:.2f} s)")


def progress_bar(done: int, total: int, elapsed: float, *, width: int = 30) -> str:
    """The line a terminal rewrites in place: the bar, the count, the rate and the time left."""
    rate = done / max(elapsed, 1e-9)
    left = (total - done) / rate if rate > 0 else float("nan")
    filled = int(width * done / total) if total else width
    eta = f"{left:.0f}s left" if left == left else "--"
    return f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.1f}/s {eta}   "


# -- checking a notebook ------------------------------------------------------------------------------

def check_report(report) -> str:
    """What ``cnn-grader check`` tells a student; ``report``: a :class:`grader.judge.checking.CheckReport`."""
    lines = [f"note: {label} did not run cleanly: {error}" for label, error in report.units]
    lines += [f"note: {note}" for note in report.notes]
    if lines:
        lines.append("")
    for question, failed in report.questions:
        lines.append(f"{question}: {'public tests passed' if not failed else 'FAILED'}")
        for c in failed:
            lines.append(f"    {c.description}:\n      {c.full_feedback}")  # public tests: nothing held back
    lines.append("")
    if report.numbers:
        lines.append(f"Checked against your own numbers ({report.numbers}).")
    lines.append(f"{report.public - report.failed} of {report.public} public tests passed. {report.hidden} hidden "
                 "tests were not run: they compare your answers with PyTorch and decide the grade.")
    return "\n".join(lines)


# -- the Canvas import --------------------------------------------------------------------------------

def canvas_import(summary) -> str:
    """What an import wrote and what to look at before importing; ``summary``: a
    :class:`grader.outputs.canvas.CanvasImport`."""
    missing = (f"{len(summary.missing)} without a submission ("
               + ("0" if summary.missing_zero else "empty cell") + ")")
    lines = [f"column {summary.column!r} of {summary.export}, out of {number(summary.points)} points",
             f"{summary.students} student(s): {summary.graded} graded, {missing}, {len(summary.excused)} excused "
             f"({EXCUSED} kept)" + (f", {len(summary.kept)} without a submission keep their cell in Canvas"
                                    if summary.kept else "")
             + (f"; {summary.replaced} grade(s) already in Canvas change" if summary.replaced else "")]
    if summary.unmatched:
        lines.append(f"{len(summary.unmatched)} submission(s) whose student is not in the export: not imported")
    return "\n".join(printable(line) for line in lines)


def not_imported(row: dict) -> str:
    """A submission the import left out (a row of :attr:`CanvasImport.unmatched`), and why."""
    return printable(f"not imported: {row['student']}" + (f" ({row['name']})" if row["name"] else "")
                     + f", {row['submission']}, total {number(row['total'])}: {row['why']}")
