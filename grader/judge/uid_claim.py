"""Each grading run's own range of slot uids, claimed exclusively for as long as the run lasts.

As root, slot k's workers run as ``base + k`` (:func:`grader.worker.sandbox.worker_uid`), and without a PID
namespace the fork server ends a worker by killing every process of its uid and removing every file that uid left
in the shared places.  Two runs on one machine with the same range killed each other's workers (attack round 68:
a submission that answers after 8 s of sleep got ``killed`` 0/26 when the other run's worker in its slot ended).
So a run (``grade``, ``check``, Gradescope's ``run_autograder``) claims its range first:

* a POSIX record lock (``fcntl``) on the bytes of the uids its slots use (``grade --jobs J``: ``base`` to
  ``base + J - 1``; Gradescope's ``--slot S``: ``base + S``) in one lock file, :data:`LOCK_FILE` (root's own folder,
  emptied at boot), held by the judge's process for the run's life and dropped by the kernel when that process
  ends, however it ends.  A lock per byte, not one ``flock`` per base: ranges given by hand that merely overlap
  (94000 and 94050) conflict too, runs given different Gradescope slots still share a base as before, and the
  kernel names the holder's pid.  Such a lock is not inherited by a fork, nor by the fork server (a program
  started anew): no worker ever holds it or can drop it;
* without :data:`~grader.worker.sandbox.UID_BASE_ENV`, a range that is held moves to the next of
  :data:`DEFAULT_BASES` (all between login.defs' ``UID_MAX`` 60000 and systemd's dynamic users, 61184): two
  instructors grading at once both just work, and the run says which range it took;
* with it, the range given is the one used, or refused (:class:`UidRangeError`, one line): a setting given by hand
  is never silently changed, and a test suite that reads it must find its workers there;
* a range holding a uid or a gid the system knows (a user, a group, an LDAP account, a subordinate id of
  ``/etc/subuid`` or ``/etc/subgid``) is never used: its worker would signal that user's processes, read that
  group's files, and have its files swept.

Without root the workers keep the grader's own uid (no slot uids): nothing is claimed.  The fork servers a run
starts get the claimed base in their environment; a bare :class:`~grader.judge.engine.ForkServerClient` (the tests')
claims nothing, and the processes of one run share its range by slot.
"""

from __future__ import annotations

import errno
import fcntl
import grp
import os
import pwd
import stat
import struct
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import SandboxError
from ..worker.sandbox import DEFAULT_UID_BASE, SLOTS, UID_BASE_ENV

#: Where a run on this machine claims its range as root: root's own runtime folder, emptied at boot, like the uids'
#: use.  Where /run cannot hold it, :func:`_lock_folder` falls back to a folder of root's in the system's temp dir.
LOCK_FILE = Path("/run/cnn-grader/uids.lock")
#: Ranges a run without :data:`~grader.worker.sandbox.UID_BASE_ENV` tries, in order: 61000, then downwards by a
#: range, ten in all (60100 the last), every uid above 60000 (login.defs' UID_MAX) and below 61184 (systemd's
#: dynamic users).
DEFAULT_BASES = tuple(range(DEFAULT_UID_BASE, 60000, -SLOTS))
#: The lowest and highest uids a range may hold: above the system's own accounts (SYS_UID_MAX 999), below the
#: sign bit tools that read a uid as an int would trip on.
LOWEST_UID = 1000
HIGHEST_UID = 2**31 - 2
#: The 16-bit -1, which old interfaces read as "no uid".
NO_UID_16 = 65535
#: ``struct flock`` as Linux lays it out on 64-bit machines: type, whence, start, length, pid (and padding).
FLOCK = struct.Struct("@hhqqi4x")


class UidRangeError(SandboxError):
    """A run's uid range cannot be claimed: held by another run, or not a range of free uids."""


@dataclass(frozen=True)
class UidClaim:
    """The uids a run holds: slot k runs as ``base + k``, for the ``slots`` claimed.  ``held_by``: the bases tried
    first and found held, each with the pid holding it, when the run moved past them."""

    base: int
    slots: range
    locked: bool
    held_by: tuple[tuple[int, int | None], ...] = ()

    def note(self) -> str | None:
        """One line for the run's warnings when it moved to another range; None when it did not."""
        if not self.held_by:
            return None
        first, pid = self.held_by[0]
        return (f"{describe(first, self.slots)} are in use by another grading run on this machine"
                f"{f' (pid {pid})' if pid else ''}: this run's workers ran as {describe(self.base, self.slots)} "
                f"(set {UID_BASE_ENV} to choose)")


def describe(base: int, slots: range) -> str:
    first, last = base + slots.start, base + slots.stop - 1
    return f"uid {first}" if first == last else f"uids {first}-{last}"


def problem_with(base: int, slots: range = range(SLOTS)) -> str | None:
    """Why the uids of ``slots`` from ``base`` may not run workers, or None: outside the sane range, or holding a uid
    or gid the system knows (each worker's gid is its uid)."""
    if not slots or slots.start < 0 or slots.stop > SLOTS:
        return f"slots {slots.start}-{slots.stop - 1} are not within 0-{SLOTS - 1}"
    first, top = base + slots.start, base + slots.stop - 1
    if first < LOWEST_UID or top > HIGHEST_UID:
        return f"outside {LOWEST_UID}-{HIGHEST_UID}"
    if first <= NO_UID_16 <= top:
        return f"it holds {NO_UID_16}, the 16-bit 'no uid'"
    for uid in range(first, top + 1):
        try:
            return f"uid {uid} is the user {pwd.getpwuid(uid).pw_name}"
        except KeyError:
            pass
        try:
            return f"gid {uid} is the group {grp.getgrgid(uid).gr_name}"
        except KeyError:
            pass
    for table in ("/etc/subuid", "/etc/subgid"):
        for owner, start, count in _subordinate_ranges(table):
            if start <= top and first < start + count:
                return f"{table} gives {owner} the ids {start}-{start + count - 1}"
    return None


def _subordinate_ranges(path: str) -> list[tuple[str, int, int]]:
    try:
        with open(path) as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        fields = line.split(":")
        if len(fields) == 3 and fields[1].isdigit() and fields[2].isdigit():
            found.append((fields[0], int(fields[1]), int(fields[2])))
    return found


#: This process's lock file, opened once and never closed: closing any descriptor of a file drops every POSIX lock
#: the process holds on it.  And the uids this process holds, which the kernel would let it claim twice.
_lock_fd: int | None = None
_held: set[int] = set()
_guard = threading.Lock()


def _lock_folder() -> Path:
    """The folder of :data:`LOCK_FILE`, or of its fallback in the system's temp dir; root's, closed to writers."""
    for folder in (LOCK_FILE.parent, Path(tempfile.gettempdir()) / "cnn-grader-uids"):
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            continue
        info = os.lstat(folder)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == 0 and not info.st_mode & 0o022:
            return folder
        # A folder someone else made (a worker without Landlock writes /tmp): its lock file could be theirs.
        raise UidRangeError(f"{folder} is not a folder of root's that only root can write: remove it, so that "
                            "grading runs can claim their uids")
    raise UidRangeError(f"cannot make {LOCK_FILE.parent} (nor a folder in {tempfile.gettempdir()}) to claim this "
                        "run's uids")


def _open_lock() -> int:
    global _lock_fd
    if _lock_fd is None:
        path = _lock_folder() / LOCK_FILE.name
        try:
            _lock_fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise UidRangeError(f"cannot open {path} to claim this run's uids: {exc.strerror}") from None
    return _lock_fd


def _try_lock(fd: int, uids: range) -> tuple[bool, int | None]:
    """Lock the bytes of ``uids``; (True, None), or (False, the holder's pid when the kernel says it)."""
    if _held.intersection(uids):
        return False, os.getpid()
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, len(uids), uids.start)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EAGAIN):
            raise UidRangeError(f"cannot lock uids {uids.start}-{uids.stop - 1}: {exc.strerror}") from None
        return False, _holder(fd, uids)
    _held.update(uids)
    return True, None


def _holder(fd: int, uids: range) -> int | None:
    asked = FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, uids.start, len(uids), 0)
    try:
        kind, _, _, _, pid = FLOCK.unpack(fcntl.fcntl(fd, fcntl.F_GETLK, asked))
    except OSError:
        return None
    return pid if kind != fcntl.F_UNLCK and pid > 0 else None


def claim(slots: range = range(SLOTS), environ=os.environ, bases: tuple[int, ...] = DEFAULT_BASES) -> UidClaim:
    """Claim the uids of this run's ``slots``, from the base :data:`~grader.worker.sandbox.UID_BASE_ENV` names, else
    from the first of ``bases`` where they are free.  Release them with :func:`release`, or let the process end.

    Raises:
        UidRangeError: the range named is held by another run or is no range of free uids; every range of ``bases``
            is; the lock file cannot be made.
    """
    named = environ.get(UID_BASE_ENV)
    if named is not None:
        try:
            base = int(named)
        except ValueError:
            raise UidRangeError(f"{UID_BASE_ENV}={named!r} is not a number") from None
    if os.geteuid() != 0:  # the workers keep the grader's uid: no slot uid to share
        return UidClaim(base=base if named is not None else bases[0], slots=slots, locked=False)
    with _guard:
        fd = _open_lock()
        if named is not None:
            problem = problem_with(base, slots)
            if problem:
                raise UidRangeError(f"{UID_BASE_ENV}={base}: {describe(base, slots)} cannot run submissions: {problem}")
            taken, pid = _try_lock(fd, range(base + slots.start, base + slots.stop))
            if not taken:
                raise UidRangeError(f"{UID_BASE_ENV}={base}: {describe(base, slots)} in use by another grading run on "
                                    f"this machine{f' (pid {pid})' if pid else ''}, whose workers this run's would "
                                    f"kill: wait for it to end, or give another {UID_BASE_ENV}")
            return UidClaim(base=base, slots=slots, locked=True)
        held: list[tuple[int, int | None]] = []
        for base in bases:
            if problem_with(base, slots):
                continue
            taken, pid = _try_lock(fd, range(base + slots.start, base + slots.stop))
            if taken:
                return UidClaim(base=base, slots=slots, locked=True, held_by=tuple(held))
            held.append((base, pid))
    raise UidRangeError(f"no free uids for slots {slots.start}-{slots.stop - 1} from any base of {min(bases)}-"
                        f"{max(bases)}: {len(held)} held "
                        f"by other grading runs on this machine, the others hold ids the system knows; set "
                        f"{UID_BASE_ENV} to a free range")


def release(claimed: UidClaim) -> None:
    """Give the range back (the kernel does it anyway when the process ends)."""
    if not claimed.locked:
        return
    uids = range(claimed.base + claimed.slots.start, claimed.base + claimed.slots.stop)
    with _guard:
        _held.difference_update(uids)
        if _lock_fd is not None:
            fcntl.lockf(_lock_fd, fcntl.LOCK_UN, len(uids), uids.start)


@contextmanager
def claimed_uids(slots: range = range(SLOTS), environ=os.environ):
    """:func:`claim` for the body of a ``with``: the :class:`UidClaim`."""
    claimed = claim(slots, environ)
    try:
        yield claimed
    finally:
        release(claimed)
