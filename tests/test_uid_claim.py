"""Each grading run's slot uids are its own (attack round 68, finding 6).

Two ``grade`` runs at once with the same uids, without namespaces: when one run's worker ended, its fork server killed
every process of that uid, the other run's worker too (``killed`` 0/26).  Each run now claims the uids of its slots
(:mod:`grader.judge.uid_claim`); these tests hold a claim in one process and try the same uids from another, as two
runs on one machine do.  The uids used are past this suite's own (``UID_BASE + SLOTS`` onwards), never the default.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from grader.errors import SandboxError
from grader.judge import uid_claim
from grader.judge.engine import ForkServerClient, Limits, SandboxProbe
from grader.judge.submission import Source, load
from grader.worker import sandbox
from tests.conftest import ROOT, needs_root

#: A base no test of this suite uses otherwise (its own slots run from sandbox.UID_BASE), and the next one.
HELD_BASE = sandbox.UID_BASE + sandbox.SLOTS
FREE_BASE = sandbox.UID_BASE + 2 * sandbox.SLOTS


def claim_elsewhere(slots: range, environ: dict, bases: tuple[int, ...] = ()) -> str:
    """What :func:`uid_claim.claim` gives or raises in another process (another run on this machine)."""
    code = ("import sys\nfrom grader.judge import uid_claim\n"
            f"try:\n    got = uid_claim.claim({slots!r}, {environ!r}, {bases!r})\n"
            "except uid_claim.UidRangeError as exc:\n    print('refused:', exc)\n"
            "else:\n    print('base', got.base, 'held_by', got.held_by)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def held():
    """This process holds slots 0-1 of HELD_BASE, as a run with ``--jobs 2`` would."""
    claimed = uid_claim.claim(range(2), {sandbox.UID_BASE_ENV: str(HELD_BASE)})
    try:
        yield claimed
    finally:
        uid_claim.release(claimed)


@needs_root
def test_a_base_given_by_hand_that_is_held_is_refused_and_one_that_is_not_moves_on(held):
    assert held.locked and held.base == HELD_BASE
    refused = claim_elsewhere(range(1), {sandbox.UID_BASE_ENV: str(HELD_BASE)})
    assert refused.startswith("refused:") and f"uid {HELD_BASE}" in refused and f"pid {os.getpid()}" in refused
    # overlapping, not equal: 1 below the held range, its slots 1-2 reach the held uid HELD_BASE + 0
    overlapping = claim_elsewhere(range(1, 3), {sandbox.UID_BASE_ENV: str(HELD_BASE - 1)})
    assert overlapping.startswith("refused:"), overlapping
    # another slot of the same base (Gradescope's --slot, graders sharing a machine): its own uid, not refused
    assert claim_elsewhere(range(2, 3), {sandbox.UID_BASE_ENV: str(HELD_BASE)}) == f"base {HELD_BASE} held_by ()"
    # without a base given, the run moves to the next range and says whose was held
    assert claim_elsewhere(range(1), {}, (HELD_BASE, FREE_BASE)) == \
        f"base {FREE_BASE} held_by (({HELD_BASE}, {os.getpid()}),)"


@needs_root
def test_uids_are_free_again_when_the_run_ends():
    claimed = uid_claim.claim(range(1), {sandbox.UID_BASE_ENV: str(HELD_BASE)})
    uid_claim.release(claimed)
    assert claim_elsewhere(range(1), {sandbox.UID_BASE_ENV: str(HELD_BASE)}) == f"base {HELD_BASE} held_by ()"
    # and when the process that held them ended without releasing them (killed): the kernel drops its lock
    assert claim_elsewhere(range(1), {sandbox.UID_BASE_ENV: str(HELD_BASE)}) == f"base {HELD_BASE} held_by ()"


@needs_root
def test_the_lock_is_roots_alone():
    """A worker (a slot uid) that could open the lock file could hold any range and stop every run."""
    uid_claim.release(uid_claim.claim(range(1), {sandbox.UID_BASE_ENV: str(HELD_BASE)}))
    folder = os.lstat(uid_claim.LOCK_FILE.parent)
    lock = os.lstat(uid_claim.LOCK_FILE)
    assert folder.st_uid == lock.st_uid == 0
    assert folder.st_mode & 0o777 == 0o700 and lock.st_mode & 0o077 == 0


@needs_root
def test_a_second_grade_with_the_same_uids_is_refused_and_the_first_runs_worker_lives(held, tmp_path):
    """The concurrent runs of attack round 68 (tests/corpus/batch_r13/concurrent_runs), without namespaces: the first
    run's worker is alive in slot 0 when the second ``grade`` starts with the same base; the second stops at once
    with one line, before any worker, and the first run's worker still answers."""
    submission = tmp_path / "alice.py"
    submission.write_text("answer = 42\n")
    with ForkServerClient(isolate=False, uid_base=held.base) as server:
        probe = SandboxProbe(server, load(Source(submission)), Limits(timeout=60, probe_timeout=10, unit_timeout=20),
                             slot=0)
        try:
            probe.start()
            worker_uids = _uids_running(held.base)
            assert worker_uids, "the first run's worker does not run as its slot's uid"
            classes = tmp_path / "class"
            classes.mkdir()
            (classes / "bob.py").write_text("answer = 41\n")
            second = subprocess.run(
                [sys.executable, "-m", "grader.cli", "grade", str(classes), "--out", str(tmp_path / "out"),
                 "--jobs", "1", "--seed", "3"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                env={**os.environ, "PYTHONPATH": str(ROOT), sandbox.UID_BASE_ENV: str(held.base),
                     "CNN_GRADER_NAMESPACES": "0"})
            assert second.returncode == 1, second.stderr
            lines = second.stderr.strip().splitlines()
            assert len(lines) == 1 and "in use by another grading run" in lines[0], second.stderr
            assert "Traceback" not in second.stderr and not (tmp_path / "out" / "grades.json").exists()
            assert probe.value("answer") == 42  # the first run's worker was not killed
            assert _uids_running(held.base) == worker_uids
        finally:
            probe.close()


def _uids_running(uid: int) -> list[int]:
    """The pids running as ``uid`` (real uid), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        uids = next((line.split()[1:] for line in status.splitlines() if line.startswith("Uid:")), [])
        if uids and int(uids[0]) == uid:
            found.append(int(entry.name))
    return sorted(found)


@needs_root
def test_a_moved_run_hands_its_base_to_the_fork_server(tmp_path):
    """The claimed base is the one the workers run as, not the environment's."""
    submission = tmp_path / "s.py"
    submission.write_text("import os\nuid = os.getuid()\n")
    with ForkServerClient(isolate=False, uid_base=FREE_BASE) as server:
        probe = SandboxProbe(server, load(Source(submission)), Limits(timeout=60, probe_timeout=10, unit_timeout=20),
                             slot=1)
        try:
            probe.start()
            assert probe.value("uid") == FREE_BASE + 1
        finally:
            probe.close()


def test_a_slot_outside_the_range_is_refused_before_any_worker(server):
    """Slot 100 of one run would be slot 0 of the next range's run."""
    config = {"slot": sandbox.SLOTS, "isolate": server.isolate, "root_dir": server.root_dir,
              "scratch_dir": os.path.join(server.base_dir, "scratch-x"), "scratch_mb": 8, "memory_mb": 256,
              "file_mb": 8, "cpu_seconds": 10}
    with pytest.raises(SandboxError, match="outside this run's uid range"):
        server.spawn(config)


def test_a_range_holding_a_users_uid_or_no_uid_is_never_used():
    users = [u for u in pwd.getpwall() if uid_claim.LOWEST_UID + 1 <= u.pw_uid <= 2**31 - 200]
    if users:
        user = users[0]
        assert user.pw_name in uid_claim.problem_with(user.pw_uid - 1, range(2))
    assert "65535" in uid_claim.problem_with(65500)
    assert uid_claim.problem_with(999, range(1)) is not None  # a system account's range
    assert uid_claim.problem_with(HELD_BASE, range(sandbox.SLOTS + 1)) is not None
    assert all(uid_claim.problem_with(base) is None or "user" in uid_claim.problem_with(base)
               or "group" in uid_claim.problem_with(base) for base in uid_claim.DEFAULT_BASES)
    assert all(60000 < base and base + sandbox.SLOTS <= 61184 for base in uid_claim.DEFAULT_BASES)


@needs_root
def test_a_base_given_by_hand_over_a_users_uid_is_refused():
    users = [u for u in pwd.getpwall() if uid_claim.LOWEST_UID <= u.pw_uid <= 2**31 - 200]
    if not users:
        pytest.skip("no user with a uid past the system's here")
    refused = claim_elsewhere(range(1), {sandbox.UID_BASE_ENV: str(users[0].pw_uid)})
    assert refused.startswith("refused:") and users[0].pw_name in refused
