"""``cnn-grader``: build the exercises, check a notebook, grade a class, report.

A thin layer: each command parses its options, calls the library, echoes the
text :mod:`grader.outputs.text` makes of what it returned, and turns the
library's :class:`~grader.errors.GraderError` into one line on stderr with
exit code 1 (2 for usage errors).  torch is imported only by the commands
that grade, so ``--help`` stays instant.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import click

from . import __version__, questions
from .errors import GraderError, UsageError
from .feedback import DEFAULT as FEEDBACK_DEFAULT
from .feedback import MODES as FEEDBACK_MODES
from .judge.seed_key import SEED_KEY_ENV, UNKEYED


def _fail(exc: Exception) -> None:
    from .outputs.text import printable

    if isinstance(exc, UsageError):
        raise click.UsageError(printable(str(exc)))
    raise click.ClickException(printable(str(exc)))


class _QuestionId(click.ParamType):
    """A question id (``qN``), checked against the question folders when the option is used, so that
    reading the folders is the work of the commands that need them and never of ``--help``."""

    name = "QUESTION"

    def convert(self, value, param, ctx):
        if value not in questions.QUESTION_IDS:
            self.fail(f"{value!r} is not a question: choose from {', '.join(questions.QUESTION_IDS)}", param, ctx)
        return value


QUESTION = _QuestionId()


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (GraderError, questions.LayoutError) as exc:  # LayoutError: a question folder is broken
            _fail(exc)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)




@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cnn-grader")
def cli():
    """Auto-graded exercises for "Introduction to Convolutional Neural Networks" (PyTorch).

    \b
    Instructors:  cnn-grader build            generate notebooks and autograder.zip
                  cnn-grader grade DIR --out OUT   grade a class in isolated workers
                  cnn-grader report OUT       re-render reports from OUT/grades.json
                  cnn-grader canvas OUT EXPORT.csv   the grades as Canvas imports them
    Students:     cnn-grader check NOTEBOOK   run the public tests
    """


class DateTime(click.ParamType):
    """An ISO 8601 date and time with its time zone (see :func:`grader.lateness.parse_time`)."""

    name = "DATETIME"

    def convert(self, value, param, ctx):
        from datetime import datetime

        from .lateness import parse_time

        if isinstance(value, datetime):
            return value
        try:
            return parse_time(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class Finite(click.FloatRange):
    """A float range that holds neither NaN (which compares false with every bound, so click's range
    lets it through) nor an infinity."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not in the range {self._describe_range()}.", param, ctx)
        return number


LATE_PENALTY = click.option(
    "--late-penalty", type=Finite(0, 1), default=None, metavar="FRACTION",
    help="Take FRACTION of the total off per day late (0.1: 10% a day, at most all of it); a Canvas _LATE_ mark "
         "without times counts as one day. The raw total is kept beside it.")
def _feedback_option(help_text: str, default: str | None = FEEDBACK_DEFAULT):
    return click.option("--feedback", type=click.Choice(FEEDBACK_MODES), default=default,
                        show_default=default is not None, help=help_text)


@cli.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="Project folder to write exercises/, solutions/ and autograder.zip into.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if a generated file is missing or out of date.")
@LATE_PENALTY
@_feedback_option("What autograder.zip shows students on Gradescope: full (every test's feedback once grades are "
                  "published) or brief (what is wrong at once, the full explanation after the due date).")
@click.option("--key", "keyfile", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --zip: a course key (cnn-grader key); the zip grades each student's own numbers.")
@click.option("--zip", "zip_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --key: where to write that zip (never the committed autograder.zip).")
def build(root: Path, check_only: bool, late_penalty, feedback: str, keyfile: Path | None, zip_path: Path | None):
    """Generate the student and solution notebooks, the public tests and autograder.zip.

    With --late-penalty, the zip's config carries the late policy and run_autograder applies it
    (lateness from Gradescope's created_at against the due dates); without it the zip has none.

    With --key KEYFILE --zip PATH, write only an autograder zip to PATH that grades each submission
    against the numbers of its first submitter's email (cnn-grader variants); the key is inside it,
    where the student's code cannot read it.  The committed autograder.zip stays keyless.
    """
    from .lateness import LatePolicy
    from .packaging import artifacts as builder

    policy = LatePolicy(late_penalty) if late_penalty is not None else None
    if (keyfile is None) != (zip_path is None):
        raise click.UsageError("--key and --zip go together: a zip with a key is written apart from the committed one")
    if keyfile is not None:
        from .packaging.otter_zip import autograder_zip
        from .variants import read_key

        key = read_key(keyfile)
        if check_only:
            raise click.UsageError("--check looks at the committed files; a zip with a key is never committed")
        if zip_path.resolve() == (root / "autograder.zip").resolve():
            raise click.UsageError(f"{zip_path} is the committed, keyless zip: write the keyed one elsewhere")
        try:
            zip_path.write_bytes(autograder_zip(policy, feedback=feedback, key=key))
        except OSError as exc:
            raise click.ClickException(f"cannot write {zip_path}: {exc.strerror}") from None
        click.echo(f"wrote {zip_path}: it grades each submitter against their own numbers (keep it private)")
        return
    if check_only:
        stale = builder.stale(root, policy, feedback=feedback)
        if stale:
            again = ("cnn-grader build" + (f" --late-penalty {late_penalty:g}" if policy else "")
                     + ("" if feedback == FEEDBACK_DEFAULT else f" --feedback {feedback}"))
            raise click.ClickException("out of date: " + ", ".join(stale) + f" (run `{again}`)")
        click.echo("all generated files are up to date")
        return
    changed = builder.write(root, policy, feedback=feedback)
    for path in changed:
        click.echo(f"wrote {path}")
    click.echo(f"{len(changed)} file(s) written, "
               f"{len(builder.artifacts(policy, feedback=feedback)) - len(changed)} already up to date")


@cli.command()
@click.argument("keyfile", type=click.Path(dir_okay=False, path_type=Path))
def key(keyfile: Path):
    """Write a new random course key to KEYFILE (never over an existing file).

    The key decides every student's numbers: keep it secret, and keep it. Any file of at least
    16 secret bytes also works as a key.
    """
    from .variants import new_key

    new_key(keyfile)
    click.echo(f"wrote a new course key to {keyfile} (readable by you only)")


KEY_OPTION = click.option("--key", "keyfile", required=True, type=click.Path(dir_okay=False, path_type=Path),
                          help="The course key (cnn-grader key KEYFILE) that draws each student's numbers.")


@cli.command()
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
@KEY_OPTION
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT/<student>/lecture06.ipynb with its tests and checks, one folder a student.")
@click.option("--solutions", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write each student's filled-in notebook as SOLUTIONS/<student>.ipynb.")
def variants(roster: Path, keyfile: Path, out: Path, solutions: Path | None):
    """Write each student of ROSTER.csv (columns student,email[,name]) a notebook with their own numbers.

    Every variant is drawn from the key and the student's email, and verified with torch before
    anything is written.
    """
    from .packaging.handout import write_handouts
    from .variants import read_key
    from .variants.roster import read_roster

    students = read_roster(roster)
    tags = write_handouts(students, read_key(keyfile), out, solutions)
    click.echo(f"wrote {len(tags)} notebook(s) to {out}" + (f", solutions to {solutions}" if solutions else "")
               + f" ({len(set(tags))} distinct variants)")


class LibraryDefault(click.Option):
    """An option whose default is the library's own, given as a function that looks it up: the CLI never
    restates a default, and it looks the library up only when needed (parsing, ``--help``), so that
    importing the CLI imports none of it.  Help shows the value, not click's "(dynamic)"."""

    def get_default(self, ctx, call=True):
        return super().get_default(ctx, call=True)


def _limit(name: str):
    """The default of :class:`~grader.judge.engine.Limits`'s field ``name``."""
    def default():
        from .judge.engine import Limits

        return getattr(Limits(), name)
    return default


def _batch_default(keyword: str):
    """The default of :func:`~grader.judge.batch.grade_batch`'s ``keyword``."""
    def default():
        from .judge.batch import grade_batch

        return grade_batch.__kwdefaults__[keyword]
    return default


LIMIT_OPTIONS = [
    click.option("--timeout", cls=LibraryDefault, type=Finite(min=1), default=_limit("timeout"), show_default=True,
                 help="Wall-clock seconds per submission (its code and every probe)."),
    click.option("--probe-timeout", cls=LibraryDefault, type=Finite(min=0.1), default=_limit("probe_timeout"),
                 show_default=True,
                 help="Seconds for one function call or model run; a hung function costs only its check."),
    click.option("--cell-timeout", cls=LibraryDefault, type=Finite(min=0.1), default=_limit("unit_timeout"),
                 show_default=True, help="Seconds for one notebook cell (or top-level statement of a script)."),
    click.option("--memory-mb", cls=LibraryDefault, type=click.IntRange(min=64), default=_limit("memory_mb"),
                 show_default=True, help="Memory (address space) a submission may allocate, in MiB."),
]


def _limit_options(f):
    for option in reversed(LIMIT_OPTIONS):
        f = option(f)
    return f


def _limits(timeout, probe_timeout, cell_timeout, memory_mb):
    """The limits the options give (the library cuts a probe's or a cell's time to the submission's)."""
    from .judge.engine import Limits

    return Limits(timeout=timeout, probe_timeout=probe_timeout, unit_timeout=cell_timeout, memory_mb=memory_mb)


@cli.command()
@click.argument("notebook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-q", "--question", "questions", multiple=True, type=QUESTION,
              help="Only this question (repeatable).")
@_limit_options
def check(notebook: Path, questions, timeout, probe_timeout, cell_timeout, memory_mb):
    """Run the public tests on NOTEBOOK (.ipynb or .py), as a student would."""
    from .judge.checking import check_public
    from .outputs import text

    report = check_public(notebook, questions=list(questions),
                          limits=_limits(timeout, probe_timeout, cell_timeout, memory_mb))
    click.echo(text.check_report(report))
    sys.exit(0 if report.passed else 1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for grades.csv, grades.json and the reports.")
@click.option("-j", "--jobs", cls=LibraryDefault, type=click.IntRange(min=1, max=64), default=_batch_default("jobs"),
              show_default=True, help="Submissions graded at once.")
@click.option("--resume", is_flag=True,
              help="Keep every row already in OUT (files not given this time too); grade only the files that "
                   "have no result for their content and the run's seed: new, changed or unfinished ones.")
@click.option("--overwrite", is_flag=True, help="Remove the results already in OUT and grade everything again.")
@click.option("--seed", type=click.IntRange(min=0), default=None,
              help="Seed for the hidden tests' random inputs (default: a fresh one, recorded in grades.json).")
@click.option("--seed-key", default=None, metavar="FILE",
              help="The secret the hidden inputs derive from with the seed, so that no submission can compute them "
                   f"from a seed it guesses (default: ${SEED_KEY_ENV}, else ~/.config/cnn-grader/seed.key, made on "
                   f"first use). '{UNKEYED}': the seed alone.")
@click.option("-q", "--question", "questions", multiple=True, type=QUESTION,
              help="Only this question (repeatable).")
@click.option("--due", type=DateTime(), default=None,
              help="The due date, with its time zone (2026-11-20T23:59-08:00): a Gradescope export's submissions "
                   "are late after it, by their created_at.")
@click.option("--late-due", type=DateTime(), default=None,
              help="Gradescope's late due date: submissions after it are marked past it.")
@LATE_PENALTY
@_feedback_option("What the students' pages and results.json show: full (what is wrong and the answer's "
                  "explanation, the network asked for) or brief (what is wrong only). grades.json keeps both.")
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --key: grade each student against their own numbers; ROSTER.csv (student,email[,name]) "
                   "maps the id a submission gives (or an email) to the email the numbers are drawn from.")
@click.option("--key", "keyfile", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --roster: the course key the students' notebooks were written with (cnn-grader variants).")
@_limit_options
def grade(paths, out_dir: Path, jobs: int, resume: bool, overwrite: bool, seed, seed_key, questions, due, late_due,
          late_penalty, feedback, roster, keyfile, timeout, probe_timeout, cell_timeout, memory_mb):
    """Grade every submission in PATHS (files, folders, zip archives) into OUT.

    Each submission runs in its own isolated worker; every file gets exactly one
    row in OUT/grades.csv, whatever it does (one per student for a Gradescope
    group submission).

    \b
    Students: Gradescope's "Export Submissions" (submission_<id>/ folders and
    submission_metadata.yml) gives each submitter by SID, else email; Canvas
    download names give the Canvas user id; a folder per student gives the
    folder's name; otherwise the file's stem.  Files that would still share an
    id are kept apart, with a warning.

    \b
    Lateness: Canvas's _LATE_ mark; a Gradescope export's created_at against
    --due (and --late-due).  --resume keeps the earlier run's due dates and
    policy unless given again, and applies them to every row.

    \b
    An OUT that holds results is refused (nothing is touched) unless:
      --resume     keeps every earlier row and grades only what is new or
                   changed (the "add the late submissions" run), with the
                   earlier run's seed and questions;
      --overwrite  removes the earlier results and grades everything again.

    \b
    Exit codes: 0 every file got a row; 1 the grader itself failed;
    2 usage (a missing path, a file type that is not graded, an OUT that holds
    results without --resume or --overwrite).
    """
    from .judge import seed_key as seed_keys
    from .judge.batch import grade_batch
    from .lateness import LatePolicy
    from .outputs import text
    from .outputs.progress import Progress

    class_variants = None
    if (roster is None) != (keyfile is None):
        raise click.UsageError("--roster and --key go together: the key draws the numbers, the roster says whose")
    if roster is not None:
        from .variants import read_key
        from .variants.roster import ClassVariants, read_roster

        class_variants = ClassVariants(read_key(keyfile), read_roster(roster))
    summary = grade_batch(list(paths), out_dir, jobs=jobs, resume=resume, overwrite=overwrite, seed=seed,
                          questions=list(questions), limits=_limits(timeout, probe_timeout, cell_timeout, memory_mb),
                          due=due, late_due=late_due,
                          late_policy=LatePolicy(late_penalty) if late_penalty is not None else None,
                          feedback=feedback, progress=Progress(sys.stderr), roster=class_variants,
                          seed_key=seed_keys.resolve(seed_key))
    for warning in summary.warnings:
        click.echo(text.warning(warning), err=True)  # file names inside archives are the students'
    click.echo(text.batch_summary(summary))


@cli.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def show(out_dir: Path):
    """Print the score table of a graded folder."""
    from .outputs.results import load_results
    from .outputs.text import score_table

    meta, results = load_results(out_dir)
    click.echo(score_table(results))


@cli.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_feedback_option("What the students' pages and results.json show (default: what OUT_DIR was graded with).",
                  default=None)
def report(out_dir: Path, feedback):
    """Re-render report.html, the feedback pages and the gradebook CSV from OUT_DIR/grades.json."""
    from .outputs.report import feedback_mode, write_reports
    from .outputs.results import load_results

    meta, results = load_results(out_dir)
    mode = feedback_mode(meta, feedback)
    written = write_reports(out_dir, meta, results, meta.get("questions"), feedback=mode)
    click.echo(f"wrote {out_dir / 'report.html'} and {len(written) - 2} feedback files ({mode} feedback)")


@cli.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--column", default=None, metavar="'TITLE (ID)'",
              help="The export's assignment column to fill (its header, or the assignment id alone). Default: "
                   "the one assignment column titled like this assignment.")
@click.option("--missing-zero", is_flag=True,
              help="Give 0 to the export's students without a submission (default: an empty cell).")
def canvas(out_dir: Path, export: Path, column, missing_zero: bool):
    """Write OUT_DIR/canvas_import.csv from OUT_DIR's grades and EXPORT, a gradebook exported from Canvas.

    \b
    The file holds the export's student columns as they are, the assignment's
    column, the Points Possible row (the grades' maximum), and each student's
    best total, matched by Canvas user id (Gradescope's SID by SIS User ID,
    its email by SIS Login ID), never by name.  An excused student (EX) stays
    excused.  Submissions whose student is not in the export are listed on
    stderr and in report.html; they are not imported.
    """
    from .outputs import text
    from .outputs.canvas import IMPORT_CSV, import_grades
    from .outputs.report import feedback_mode, write_class_report
    from .outputs.results import load_results

    summary = import_grades(out_dir, export, column=column, missing_zero=missing_zero)
    meta, results = load_results(out_dir)
    write_class_report(out_dir, meta, results, feedback_mode(meta))  # its "Canvas import" section
    for warning in summary.warnings:
        click.echo(text.warning(warning), err=True)
    for row in summary.unmatched:
        click.echo(text.not_imported(row), err=True)
    click.echo(text.canvas_import(summary))
    click.echo(f"wrote {out_dir / IMPORT_CSV}: import it in Canvas's gradebook (Import)")


def main() -> None:
    cli(prog_name="cnn-grader")


if __name__ == "__main__":
    main()
