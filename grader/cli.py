"""``cnn-grader``: build the exercises, check a notebook, grade a class, report.

A thin layer: each command parses its options, calls the library, and turns
the library's :class:`~grader.errors.GraderError` into one line on stderr
with exit code 1 (2 for usage errors).  torch is imported only by the
commands that grade, so ``--help`` stays instant.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import GraderError, UsageError
from .feedback import DEFAULT as FEEDBACK_DEFAULT, MODES as FEEDBACK_MODES


def _fail(exc: GraderError) -> None:
    if isinstance(exc, UsageError):
        raise click.UsageError(str(exc))
    raise click.ClickException(str(exc))


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraderError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


QUESTION_IDS = tuple(f"q{i}" for i in range(1, 11))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cnn-grader")
def cli():
    """Auto-graded exercises for "Introduction to Convolutional Neural Networks" (PyTorch).

    \b
    Instructors:  cnn-grader build            generate notebooks and autograder.zip
                  cnn-grader grade DIR --out OUT   grade a class in isolated workers
                  cnn-grader report OUT       re-render reports from OUT/grades.json
    Students:     cnn-grader check NOTEBOOK   run the public tests
    """


def _feedback_option(help_text: str, default: str | None = FEEDBACK_DEFAULT):
    return click.option("--feedback", type=click.Choice(FEEDBACK_MODES), default=default,
                        show_default=default is not None, help=help_text)


@cli.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="Project folder to write exercises/, solutions/ and autograder.zip into.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if a generated file is missing or out of date.")
@_feedback_option("What autograder.zip shows students on Gradescope: full (every test's feedback once grades are "
                  "published) or brief (what is wrong at once, the full explanation after the due date).")
def build(root: Path, check_only: bool, feedback: str):
    """Generate the student and solution notebooks, the public tests and autograder.zip."""
    from . import build as builder

    if check_only:
        stale = builder.stale(root, feedback=feedback)
        if stale:
            again = "cnn-grader build" + ("" if feedback == FEEDBACK_DEFAULT else f" --feedback {feedback}")
            raise click.ClickException("out of date: " + ", ".join(stale) + f" (run `{again}`)")
        click.echo("all generated files are up to date")
        return
    changed = builder.write(root, feedback=feedback)
    for path in changed:
        click.echo(f"wrote {path}")
    click.echo(f"{len(changed)} file(s) written, {len(builder.artifacts(feedback)) - len(changed)} already up to date")


LIMIT_OPTIONS = [
    click.option("--timeout", type=click.FloatRange(min=1), default=60, show_default=True,
                 help="Wall-clock seconds per submission (its code and every probe)."),
    click.option("--probe-timeout", type=click.FloatRange(min=0.1), default=5, show_default=True,
                 help="Seconds for one function call or model run; a hung function costs only its check."),
    click.option("--cell-timeout", type=click.FloatRange(min=0.1), default=20, show_default=True,
                 help="Seconds for one notebook cell (or top-level statement of a script)."),
    click.option("--memory-mb", type=click.IntRange(min=64), default=1024, show_default=True,
                 help="Memory (address space) a submission may allocate, in MiB."),
]


def _limit_options(f):
    for option in reversed(LIMIT_OPTIONS):
        f = option(f)
    return f


def _limits(timeout, probe_timeout, cell_timeout, memory_mb):
    from .engine import Limits

    return Limits(timeout=timeout, probe_timeout=min(probe_timeout, timeout),
                  unit_timeout=min(cell_timeout, timeout), memory_mb=memory_mb)


@cli.command()
@click.argument("notebook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-q", "--question", "questions", multiple=True, type=click.Choice(QUESTION_IDS),
              help="Only this question (repeatable).")
@_limit_options
def check(notebook: Path, questions, timeout, probe_timeout, cell_timeout, memory_mb):
    """Run the public tests on NOTEBOOK (.ipynb or .py), as a student would."""
    from .checking import check_public

    report = check_public(notebook, questions=list(questions),
                          limits=_limits(timeout, probe_timeout, cell_timeout, memory_mb))
    click.echo(report.text)
    sys.exit(0 if report.passed else 1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for grades.csv, grades.json and the reports.")
@click.option("-j", "--jobs", type=click.IntRange(min=1, max=64), default=2, show_default=True,
              help="Submissions graded at once.")
@click.option("--resume", is_flag=True,
              help="Keep every row already in OUT (files not given this time too); grade only the files that "
                   "have no result for their content and the run's seed: new, changed or unfinished ones.")
@click.option("--overwrite", is_flag=True, help="Remove the results already in OUT and grade everything again.")
@click.option("--seed", type=click.IntRange(min=0), default=None,
              help="Seed for the hidden tests' random inputs (default: a fresh one, recorded in grades.json).")
@click.option("-q", "--question", "questions", multiple=True, type=click.Choice(QUESTION_IDS),
              help="Only this question (repeatable).")
@_feedback_option("What the students' pages and results.json show: full (what is wrong and the answer's "
                  "explanation, the network asked for) or brief (what is wrong only). grades.json keeps both.")
@_limit_options
def grade(paths, out_dir: Path, jobs: int, resume: bool, overwrite: bool, seed, questions, feedback, timeout,
          probe_timeout, cell_timeout, memory_mb):
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
    from .batch import grade_batch
    from .progress import Progress

    summary = grade_batch(list(paths), out_dir, jobs=jobs, resume=resume, overwrite=overwrite, seed=seed,
                          questions=list(questions), limits=_limits(timeout, probe_timeout, cell_timeout, memory_mb),
                          feedback=feedback, progress=Progress(sys.stderr))
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(summary.text)


@cli.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def show(out_dir: Path):
    """Print the score table of a graded folder."""
    from .results import load_results, score_table

    meta, results = load_results(out_dir)
    click.echo(score_table(results))


@cli.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_feedback_option("What the students' pages and results.json show (default: what OUT_DIR was graded with).",
                  default=None)
def report(out_dir: Path, feedback):
    """Re-render report.html, the feedback pages and the gradebook CSV from OUT_DIR/grades.json."""
    from .report import feedback_mode, write_reports
    from .results import load_results

    meta, results = load_results(out_dir)
    mode = feedback_mode(meta, feedback)
    written = write_reports(out_dir, meta, results, meta.get("questions"), feedback=mode)
    click.echo(f"wrote {out_dir / 'report.html'} and {len(written) - 2} feedback files ({mode} feedback)")


def main() -> None:
    cli(prog_name="cnn-grader")


if __name__ == "__main__":
    main()
