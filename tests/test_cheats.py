"""Cheats: full submissions that are right everywhere except one question, where they cheat.

tests/corpus/cheats holds them; expected.json says, per file, which checks the cheat
must NOT earn (``zero``) and which honest checks it must keep (``full``):

- ``a*``, ``n*``: "convolution by hand" (q6) that reaches torch's own convolution or
  pooling in disguise (threads, TorchScript, torch.library ops, popped or patched
  torch-function modes, rewritten traces, forged answers, names bound out of the
  static look's sight...).  ``conv2d`` (and/or ``max_pool2d``) must earn nothing.
- ``m*``: q7/q8 models that lie about themselves (attributes that do not match what the
  forward pass computes, overridden ``named_parameters``/``named_modules``, spoofed
  classes, layers that only see a dummy tensor...).  Partial credit must come from
  behaviour the judge verifies; attribute values are not evidence.
- ``b*``: borderline ways (``F.unfold`` + matmul, numpy's 1-D ``np.convolve``): no check
  of theirs is required to fail; only the honest parts are asserted.

An entry's ``open`` says why the grader does not stop that cheat yet: its zero test is an expected failure, strict
unless the entry is ``intermittent`` (caught at some seeds and not at others, so that its test at this seed says
nothing either way).

Every cheat was run on its own with ``python`` and gives the same results as torch's
``F.conv2d``/``F.max_pool2d`` (or the model it pretends to be runs), so a zero here is
the grader catching the trick, not the trick crashing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import queue
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from grader.judge.engine import Limits
from grader.judge.grading import grade
from grader.judge.seed_key import hidden_seed
from grader.judge.submission import Source, load
from grader.questions import bank
from tests.conftest import CORPUS, FAST, ROOT, needs_root
from tests.test_static import _MODEL_ROUNDS, _ROUND_95

pytestmark = [pytest.mark.sandbox, needs_root]

CHEATS = CORPUS / "cheats"
EXPECTED = json.loads((CHEATS / "expected.json").read_text())
SEED = 7
#: The seed key of the instructor's machine: as `cnn-grader grade` grades them, the hidden inputs derive from the seed
#: and a secret no submission holds (attack round 37 drew the judge's q6 inputs for seeds 0 to 31 ahead of the call).
SEED_KEY = b"the instructor's seed key, which no submission reads"


def test_the_corpus_and_its_expectations_agree():
    files = {p.name for p in CHEATS.iterdir() if p.suffix in (".py", ".ipynb")}
    assert files == set(EXPECTED)
    known = {c.id for q in bank.QUESTIONS for c in q.checks}
    for name, expected in EXPECTED.items():
        assert set(expected["zero"]) <= known, name
        assert set(expected["full"]) <= known, name
        assert not set(expected["zero"]) & set(expected["full"]), name
        assert expected["zero"] or expected.get("borderline"), name
        assert expected.get("open") or not expected.get("intermittent"), name


# The product's probe limit (5 s), not the test limit's 2 s: the heaviest cheats (a checkpointed body recomputed in
# the judge's backward pass, 1.6 s of CPU) came within reach of 2 s on a loaded CI machine and lost an honest
# point by timing alone.  Their expectations are about what they earn, not how fast they run.
CHEAT_LIMITS = dataclasses.replace(FAST, probe_timeout=Limits().probe_timeout)


#: The questions whose checks run a model's forward and backward passes many times (each is most of a submission's
#: grading time).
MODEL_QUESTIONS = frozenset({"q7", "q8"})


def checks_for(entry: dict) -> list:
    """The checks a cheat is graded with: every check but those of a model question it neither cheats nor is
    expected to lose (a q6 cheat's CNN and ConvNet are the solution's, graded honestly in every fairness case: the
    two model questions are three quarters of the batch's time).  The questions it cheats, and every cheap one its
    honest answers must keep, are graded in full."""
    concerned = {entry.get("target")} | {c.split(".")[0] for c in entry["zero"]}
    if not concerned & (MODEL_QUESTIONS | {"q6"}):
        return list(bank.CHECKS.values())
    return [c for c in bank.CHECKS.values() if c.question not in MODEL_QUESTIONS or c.question in concerned]


#: The attack files of rounds 94 on whose by-hand functions the reader finds torch: tests/test_static.py asserts that
#: finding for each of them on every run, so the batch grades one in ROTATED_SHARE of them, drawn by the commit (the
#: same for a commit wherever it is tested, others for the next); the others by UNREAD_SHARE (2026-12-06: grading
#: all 3,417 cheats brought CI to 32.6 of its 30 minutes; one in four of 3,679 to 28.2; one in five, with the fairness
#: batch's known faults graded every time, to 33.2 with set-up; one in eight of 3,970 took 25.4 with set-up, and the
#: afternoon's 4,218 and 353 more fair files read every run leave one in ten the room; round 150's 88 found by the
#: reader are read every run and graded in turn since, as the rounds after it; 4,397 and 5,606 fair files took the
#: fresh-clone CI of 7ac531c8 to 29.1 of its 30 minutes at one in ten: one in twelve since; attack rounds 156 and
#: 157's model cheats, whose finding test_static asserts every run, graded in turn too; one in twenty since
#: 2026-12-07's second session, whose CI had 30 s to spare).
ROTATED_SHARE = 20
#: The other cheats (1,482 of 4,584: their verdict rests on the worker and the judge at run time, not on the reader
#: alone) are graded one in UNREAD_SHARE per commit, drawn the same way.  Graded every time they took most of the
#: batch's 327 s, and the whole run 27.2 of CI's 30 minutes on 2026-12-07 (f4cd6d54, `./scripts/test --durations`),
#: which left no room for a new round; one in two, with the day's 53 new cheats and 233 fair files, still took a
#: fresh-clone run of f087adae to 30.5 minutes with set-up on a slower afternoon (the cheats' batch 207 s); one in
#: four, CI of eb2531f4 to 29.6 minutes: one in twelve since (a byte of the hash modulo 12: one in 11.6).  An attack
#: round's files are graded whole by its helper, or by the session, before they land.
UNREAD_SHARE = 12


def _drawn(commit: str, name: str, share: int) -> bool:
    """Whether the commit's batch grades ``name``: one name in ``share``, by a hash of the two."""
    return hashlib.sha256(f"{commit}:{name}".encode()).digest()[0] % share == 0


def _graded_names() -> list[str]:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    read = set(_ROUND_95) | set(_MODEL_ROUNDS)
    return [n for n in sorted(EXPECTED) if _drawn(commit, n, ROTATED_SHARE if n in read else UNREAD_SHARE)]


GRADED = _graded_names()


def _graded_in_turn(graded: dict, name: str):
    if name not in graded:
        pytest.skip(f"graded in turn (one in {ROTATED_SHARE} commits where the reader's finding is asserted every "
                    f"run, one in {UNREAD_SHARE} otherwise)")
    return graded[name]


@pytest.fixture(scope="module")
def graded(server):
    """Every cheat of :data:`GRADED` graded once, with the test limits but the product's probe limit; name -> SubmissionResult.
    Two at a time on two slots (two uids), as `cnn-grader grade --jobs 2` grades a class."""
    slots: queue.Queue[int] = queue.Queue()
    for slot in (0, 1):
        slots.put(slot)

    def one(name: str):
        slot = slots.get()
        try:
            return grade(load(Source(CHEATS / name)), server, seed=hidden_seed(SEED, SEED_KEY), limits=CHEAT_LIMITS,
                         slot=slot, checks=checks_for(EXPECTED[name]))
        finally:
            slots.put(slot)

    names = GRADED
    with ThreadPoolExecutor(2) as pool:
        return dict(zip(names, pool.map(one, names)))


def _summary(result, ids) -> list[str]:
    return [f"{c.id}: {c.points}/{c.max_points} {c.outcome}: {c.feedback[:200]}" for c in result.checks if c.id in ids]


def _cheats_with_zeros() -> list:
    """Every cheat with checks it must not earn; those the grader cannot yet stop (``open``: why) are strict
    expected failures, kept in sight: closing one turns it into an unexpected pass to clear from expected.json."""
    return [pytest.param(n, marks=pytest.mark.xfail(strict=not e.get("intermittent"), reason=e["open"]))
            if e.get("open") else n for n, e in sorted(EXPECTED.items()) if e["zero"]]


@pytest.mark.parametrize("name", _cheats_with_zeros())
def test_the_cheated_checks_earn_nothing(graded, name):
    result = _graded_in_turn(graded, name)
    earned = {c.id: c.points for c in result.checks if c.id in EXPECTED[name]["zero"] and c.points > 0}
    assert earned == {}, (EXPECTED[name]["note"], _summary(result, set(earned)))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_honest_parts_keep_their_points(graded, name):
    result = _graded_in_turn(graded, name)
    # (A cheat whose trick the worker refuses may end its cell with an error: its entry says so, `"status"`; a list
    # when the refusal races the cheat's own code, which then fails either way.)
    statuses = EXPECTED[name].get("status", "ok")
    assert result.status in (statuses if isinstance(statuses, list) else [statuses]), (result.status, result.error,
                                                                                        result.units)
    by_id = {c.id: c for c in result.checks}
    lost = [i for i in EXPECTED[name]["full"] if i in by_id and by_id[i].points != by_id[i].max_points]
    assert lost == [], _summary(result, set(lost))
    assert not [c.id for c in result.checks if c.outcome == "grader-error"]
