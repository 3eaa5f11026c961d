"""Shared fixtures: the reference solution as a submission, and one warm fork server per test session."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from grader.cli import cli
from grader.judge.engine import ForkServerClient, Limits
from grader.judge.grading import grade
from grader.judge.seed_key import SEED_KEY_ENV, UNKEYED
from grader.judge.submission import Source, load
from grader.questions import bank

ROOT = Path(__file__).resolve().parents[1]

# The suite's grading runs, in this process and in the `cnn-grader` processes it starts, use the seed alone: the
# corpora's expectations at a seed hold on every machine, and no run makes a key in the home folder.  The tests of
# seed keys give theirs (tests/test_seed_key.py); the cheats are graded with one (tests/test_cheats.py).
os.environ[SEED_KEY_ENV] = UNKEYED
CORPUS = Path(__file__).parent / "corpus"
HOSTILE = CORPUS / "hostile"

# Hostile cases that aim at this checkout or this interpreter name them by placeholder, so the
# corpus attacks the real paths wherever the repository is cloned (/work here, /check in CI).
PLACES = {"@REPO@": str(ROOT), "@BASE_PREFIX@": sys.base_prefix}


def localise(text: str) -> str:
    for placeholder, place in PLACES.items():
        text = text.replace(placeholder, place)
    return text


def hostile_case(name: str) -> bytes:
    """A hostile case's bytes, its placeholders replaced by this machine's paths."""
    data = (HOSTILE / name).read_bytes()
    return localise(data.decode()).encode() if any(p.encode() in data for p in PLACES) else data


#: What each hostile case must get: its statuses, full and zero questions, paths it must not leave, markers.
HOSTILE_EXPECTED = json.loads(localise((HOSTILE / "expected.json").read_text()))
#: Without namespaces there is no chroot: the worker, though unprivileged, can write the host's world-writable
#: folders where the kernel has no Landlock (what a case left there is removed after its run, once recorded).
WORLD_WRITABLE = ("/tmp/", "/var/tmp/", "/dev/shm/")


def hostile_zero(name: str, namespaces: bool) -> list[str]:
    """The questions hostile case ``name`` must score nothing on.  Without a chroot this machine's checkout is
    readable in place, so ``disk_search.py`` finds answers there (Gradescope has none, and its /autograder is
    root-only: test_gradescope.test_a_submission_cannot_forge_results_json_or_read_the_tests)."""
    return [] if name == "disk_search.py" and not namespaces else HOSTILE_EXPECTED[name]["zero"]


def processes_with(marker: str) -> list[str]:
    """Processes on the host whose command line carries ``marker`` (pytest's own excepted)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline and "pytest" not in cmdline:
            found.append(f"{pid}: {cmdline[:120]}")
    return found

#: Limits for tests: short enough that hanging submissions cost little.
FAST = Limits(timeout=30, probe_timeout=2, unit_timeout=3, memory_mb=768)

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="isolation layers need root (CI and Gradescope run as root)")


def open_scratch() -> Path:
    """A fresh folder anyone may write: pytest's own tmp_path sits in a folder only root may enter."""
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="cnn-grader-nonroot-"))
    os.chmod(scratch, 0o777)
    return scratch


def as_user(uid: int) -> list[str]:
    """The command prefix that runs a program as ``uid``, with no groups, as a grader started by a user who is not
    root.  The one capability kept reaches the runtime where it sits under a folder closed to other users
    (``/root/.pyenv`` here); it is no right to signal anyone (attack round 15)."""
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=+dac_read_search",
            "--ambient-caps=+dac_read_search"]


def invoke(*args) -> Result:
    """``cnn-grader ARGS`` in this process (click's CliRunner): ``exit_code``, and ``stdout`` apart from ``stderr``."""
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="cnn-grader")


def traceback_of(result: Result) -> str:
    """The traceback ``python -m grader.cli`` would have shown ("" if none): one the command wrote on stderr, or
    that of an exception it let through, which CliRunner catches into ``result.exception`` (exit code 1, nothing
    on stderr) where the process prints it. An exit by ``sys.exit`` or by click's errors is no traceback.
    """
    if "Traceback" in result.stderr:
        return result.stderr
    if result.exc_info is None or isinstance(result.exception, SystemExit):
        return ""
    return "".join(traceback.format_exception(*result.exc_info))


def solution_script() -> str:
    return "\n\n".join(q.solution for q in bank.QUESTIONS)


def starter_script() -> str:
    return "\n\n".join(q.starter for q in bank.QUESTIONS)


@pytest.fixture(scope="session")
def server():
    with ForkServerClient() as fs:
        yield fs


@pytest.fixture
def grade_text(server, tmp_path):
    """Grade a script given as text; returns the SubmissionResult."""
    def run(text: str, name: str = "submission.py", limits: Limits = FAST, seed: int = 7, checks=None):
        path = tmp_path / name
        path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
        return grade(load(Source(path)), server, seed=seed, limits=limits, checks=checks)
    return run


def by_question(result) -> dict[str, float]:
    return dict(result.scores)


def failing(result, question: str) -> list:
    return [c for c in result.checks if c.question == question and c.points < c.max_points]


#: The fairness oracle's background run (tests/fair_oracle.py), started at collection when its tests are selected.
ORACLE_RUN = pytest.StashKey()
#: Whether the suite runs the oracle over the whole fairness corpus (``CNN_GRADER_ORACLE=1``): it proves the corpus
#: files correct with torch alone, which no change to the grader alters, and costs about 20 minutes of CPU at the
#: lowest priority (about 1000 files, each run in full); every fairness round runs it on its new files
#: (``python tests/fair_oracle.py FILE...``).  Off in the default run, whose 30 minutes it no longer fits in.
ORACLE_WANTED = os.environ.get("CNN_GRADER_ORACLE") == "1"
#: The background runs (tests/background.py) of test_bank's seeds and test_variant_mistakes' rows.
BANK_SEEDS = pytest.StashKey()
VARIANT_ROWS = pytest.StashKey()
#: The background run of test_static's readings of whole corpora (``tests.test_static.corpus_reading``).
STATIC_READINGS = pytest.StashKey()


def pytest_collection_modifyitems(session, config, items):
    # The tests that read a background run go last, so that it runs beside everything before them.
    items.sort(key=lambda item: item.get_closest_marker("background") is not None)


def pytest_collection_finish(session):
    # The oracle proves the fairness corpus correct with torch alone: no grader, no time limit, no shared state. It
    # starts now, at the lowest priority, and runs on the CPU the tests before test_fairness.py leave idle (sleeps,
    # subprocesses starting, one-core stretches); the tests that time things see it only as a nice-19 neighbour.
    if not session.config.option.collectonly and ORACLE_WANTED and \
            any("test_fairness.py::test_the_oracle" in item.nodeid for item in session.items):
        from tests import fair_oracle

        session.config.stash[ORACLE_RUN] = fair_oracle.start_cases(fair_oracle.cases(), nice=19)
    if session.config.option.collectonly:
        return
    from tests.background import Background

    seeds = [item.callspec.params["path"] for item in session.items
             if item.originalname == "test_an_honest_mistake_scores_the_same_under_every_seed"]
    if seeds:
        from tests.test_bank import seed_scores

        session.config.stash[BANK_SEEDS] = Background(seed_scores, seeds)
    if any(item.originalname == "test_every_mistake_on_twenty_variants_loses_exactly_where_it_should"
           for item in session.items):
        from tests.test_variant_mistakes import variant_rows

        session.config.stash[VARIANT_ROWS] = Background(variant_rows, ["rows"])
    from tests.test_static import CORPUS_READINGS, corpus_reading

    readings = [(CORPUS_READINGS[item.originalname], item.callspec.params["name"]) for item in session.items
                if item.originalname in CORPUS_READINGS]
    if readings:
        # two children: the readings (about 4,000 files, 350 s of one core) outlast the tests before them, and the
        # tail that waits for them then runs on both cores (2026-12-07: one child left the second core idle)
        session.config.stash[STATIC_READINGS] = Background(corpus_reading, readings, children=2)


def pytest_sessionfinish(session):
    for key in (ORACLE_RUN, BANK_SEEDS, VARIANT_ROWS, STATIC_READINGS):
        run = session.config.stash.get(key, None)
        if run is not None:
            run.kill()  # a run no test waited for (a failure stopped the session first)
