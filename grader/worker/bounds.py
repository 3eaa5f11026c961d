"""Bounds on a submission's whole process tree, kept by the fork server from /proc.

The kernel's limits a worker gets are per process (``RLIMIT_AS``, ``RLIMIT_CPU``) or per uid
(``RLIMIT_NPROC``): a submission that forks could hold its memory allowance once per child.
So the fork server, which runs outside every sandbox, reads what the kernel accounts for
each worker's *session* every :data:`WATCH_SECONDS`, and kills the whole session when it
passes the submission's allowance.  A worker is the leader of its own session
(:func:`.sandbox.enter`) and the seccomp filter refuses ``setsid``, so every process a
submission starts stays in it; where the filter did not hold, the processes of the slot's
uid (as root) count too.  Nothing here is the worker's word: ``/proc/PID/stat`` and
``smaps_rollup`` are the kernel's.

* **memory**: the resident memory of the session's processes together, and the most their sockets and pipes
  can hold in the kernel (:func:`kernel_buffer_bytes`: no resident set counts a socket's queued bytes).  The sum of their
  resident sets is read first (one line per process); only when it passes the allowance are
  their proportional sets (PSS, which shares each page among the processes that map it, so the
  warm interpreter every worker is forked from counts once) read and compared.  Reading PSS
  walks every mapping of a process under its memory lock, and a submission decides how long that
  takes (attack round 15: 60,000 mappings and children forking without end made each reading
  0.5 to 0.8 s, and the fork server, one thread, answered nothing else for over 10 s).  So one
  session's reading stops after :data:`PSS_READING_SECONDS` (the processes not reached count from
  their last reading, or at their resident size, see :meth:`PssPace.held`), and the next waits
  :data:`PSS_GAP_FACTOR` times as long as the last took, at most :data:`PSS_MAX_GAP` seconds
  (:class:`PssPace`).  What that costs: a session whose readings are slow (its own doing; an
  honest one's take milliseconds and is read at every watch) is checked against its memory
  allowance less often, up to every :data:`PSS_MAX_GAP` seconds, and meanwhile only each
  process's own address-space limit holds.
* **CPU time**: the CPU seconds the session's processes used, with those of the children
  they reaped, at most :data:`CPU_CORES` cores busy for the submission's whole budget.
* **processes**: its processes and threads, at most :data:`~.sandbox.PROCESSES` (what
  ``RLIMIT_NPROC`` enforces under the slot's own uid; without root that limit counts the
  judge's uid, so this is the bound that holds there).
* **disk**: a worker without a root file system of its own (no namespaces) writes its scratch
  folder on the host's disk, where no tmpfs bounds it (``RLIMIT_FSIZE`` bounds each file only:
  attack round 5 wrote 2 GiB in 14 s).  The blocks its files take there count (and those of files
  its processes hold open after removing their names), at most the scratch size a worker with
  namespaces gets, in at most :data:`SCRATCH_ENTRIES` entries.  Read every :data:`WATCH_SECONDS`:
  a fast writer can pass the size by what it writes in that time before it is stopped.

How the CPU is *shared* is the scheduler's: each session is a scheduling group of its own
(autogroup), so a submission's hundred processes take one share, not a hundred.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field

from ..checkapi.protocol import Bound

#: Seconds between two readings of /proc: a process can allocate no more than its own address-space
#: limit in between, and a reading costs a few milliseconds of the fork server's CPU.
WATCH_SECONDS = 0.5
#: A submission's processes together may use its CPU-time budget this many times over (honest code
#: with DataLoader workers runs on more than one core).
CPU_CORES = 2

#: Longest one session's PSS reading may take (see the module's notes): past it, the processes not yet read count
#: at their resident size.  An honest session's reading takes a few milliseconds a process.
PSS_READING_SECONDS = 1.0
#: After a PSS reading that took ``t`` seconds, the session's next waits ``PSS_GAP_FACTOR * t``, at most
#: :data:`PSS_MAX_GAP`: however slow a submission makes its readings, they take at most about a tenth of the fork
#: server's time, and every other request waits at most one reading.
PSS_GAP_FACTOR = 10
PSS_MAX_GAP = 5.0

_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


#: Files and folders a submission may keep in a scratch folder on the host's disk: walking more
#: would cost the fork server what the bound is there to save.
SCRATCH_ENTRIES = 10_000


@dataclass(frozen=True)
class Allowance:
    """What one submission's processes may use together."""

    memory_bytes: int
    cpu_seconds: float
    tasks: int
    scratch: str | None = None
    """Its scratch folder when that is on the host's disk (no file system of its own); None otherwise."""
    scratch_bytes: int = 0


def scratch_usage(folder: str) -> int | None:
    """The bytes the files under ``folder`` take on disk (their allocated blocks); None past
    :data:`SCRATCH_ENTRIES` entries.  Symbolic links are not followed."""
    total, seen, todo = 0, 0, [folder]
    while todo:
        try:
            entries = os.scandir(todo.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                seen += 1
                if seen > SCRATCH_ENTRIES:
                    return None
                try:
                    info = entry.stat(follow_symlinks=False)
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(entry.path)
                except OSError:
                    continue
                total += info.st_blocks * 512
    return total


@dataclass
class Usage:
    """What a session's processes use now, as /proc/PID/stat says."""

    pids: list[int]
    rss_bytes: int = 0
    cpu_seconds: float = 0.0
    tasks: int = 0
    resident: dict[int, int] = field(default_factory=dict)
    """Each process's resident bytes."""


def own_resident_bytes() -> int:
    """This process's resident memory: the warm interpreter every worker starts as a copy of."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE


def _uid(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def read_usage(sessions: dict[int, int | None]) -> dict[int, Usage]:
    """One pass over /proc: for each watched session (its leader's pid -> the slot's uid, when processes
    of that uid count too), its processes, resident memory, CPU seconds and tasks."""
    usage = {sid: Usage(pids=[]) for sid in sessions}
    by_uid = {uid: sid for sid, uid in sessions.items() if uid is not None}
    own = os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == own:
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            sid = int(fields[3])
            if sid not in usage:
                sid = by_uid.get(_uid(entry)) if by_uid else None
                if sid is None:
                    continue
            u = usage[sid]
            u.pids.append(int(entry))
            # utime, stime, cutime, cstime (the children it reaped), threads, resident pages
            u.cpu_seconds += sum(int(x) for x in fields[11:15]) / _TICKS
            u.tasks += int(fields[17])
            u.resident[int(entry)] = int(fields[21]) * _PAGE
            u.rss_bytes += u.resident[int(entry)]
        except (OSError, IndexError, ValueError):
            continue  # it ended meanwhile
    return usage


def alone(pid: int) -> bool:
    """Whether process ``pid`` runs one thread and has no child (two reads of /proc); False when unreadable."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            threads = int(f.read().rsplit(b")", 1)[1].split()[17])
    except (OSError, IndexError, ValueError):
        return False
    return threads == 1 and children_of(pid) == set()


def children_of(pid: int) -> set[int] | None:
    """The children of ``pid``'s main thread (None when unreadable: never taken for none)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", "rb") as f:
            return {int(c) for c in f.read().split()}
    except (OSError, ValueError):
        return None


#: What :func:`process_pss` gives for a process that ended meanwhile.
ENDED = -1


def process_pss(pid: int) -> int | None:
    """Process ``pid``'s PSS in bytes: :data:`ENDED` when it ended meanwhile, None where the kernel has no
    smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:
        return ENDED if not os.path.exists(f"/proc/{pid}") else None
    except (OSError, ValueError, IndexError):
        return ENDED
    return 0


def unlinked_bytes(pids: list[int], folder: str) -> int:
    """The blocks of files on ``folder``'s file system that ``pids`` hold open after their names were removed:
    no walk of the folder finds them, and their room stays taken while they are open (attack round 6)."""
    try:
        device = os.stat(folder).st_dev
    except OSError:
        return 0
    seen: set[int] = set()
    total = 0
    for path, target in _open_files(pids):
        if not target.endswith(" (deleted)"):
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue
        if info.st_dev == device and info.st_ino not in seen:
            seen.add(info.st_ino)
            total += info.st_blocks * 512
    return total


def _open_files(pids: list[int]):
    """``(/proc path, what it points to)`` for every file descriptor ``pids`` hold open (those that end meanwhile
    are left out)."""
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            path = f"/proc/{pid}/fd/{fd}"
            try:
                yield path, os.readlink(path)
            except OSError:
                continue


def _buffer_size(path: str, default: int) -> int:
    try:
        with open(path) as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return default


#: What one socket's or pipe's buffer can hold in the kernel, at the sizes the seccomp filter keeps them to
#: (it refuses SO_SNDBUF/SO_RCVBUF and F_SETPIPE_SZ): a Unix socket's queued bytes are charged to the sender's
#: buffer, of the system's default size; a pipe holds 16 pages.
SOCKET_BUFFER_BYTES = _buffer_size("/proc/sys/net/core/wmem_default", 212_992)
PIPE_BUFFER_BYTES = 16 * _PAGE


def kernel_buffer_bytes(pids: list[int]) -> int:
    """The most the sockets and pipes ``pids`` hold open can keep in kernel memory, which neither their resident
    sets nor ``RLIMIT_AS`` count (attack round 7: 100 socket pairs held 1.5 GiB): each socket and pipe counted
    once, full."""
    sockets: set[str] = set()
    pipes: set[str] = set()
    for _, target in _open_files(pids):
        if target.startswith("socket:"):
            sockets.add(target)
        elif target.startswith("pipe:"):
            pipes.add(target)
    return len(sockets) * SOCKET_BUFFER_BYTES + len(pipes) * PIPE_BUFFER_BYTES


@dataclass
class PssPace:
    """When one session's proportional sets may next be read, and what earlier readings found (see the module's
    notes)."""

    due: float = 0.0
    """``time.monotonic()`` before which no reading is made."""
    last_seconds: float = 0.0
    """How long the last reading took."""
    unread: int = 0
    """How many processes the last reading did not reach in time (counted as :meth:`held` says)."""
    known: dict[int, tuple[int, int, float]] = field(default_factory=dict)
    """pid -> its PSS at its last reading, its resident size then, and when."""

    def held(self, usage: Usage) -> int | None:
        """The session's PSS now, or None when a reading is not due yet.

        A reading stops after :data:`PSS_READING_SECONDS`, reading first the processes never read, then those read
        longest ago; one it did not reach counts at its last PSS plus what its resident set grew since, or at its
        resident size if never read (neither is ever less than its PSS, but for pages it stopped sharing since).
        Where the kernel has no smaps_rollup, the resident sets.
        """
        start = time.monotonic()
        if start < self.due:
            return None
        deadline = start + PSS_READING_SECONDS
        for pid in sorted(usage.pids, key=lambda p: self.known[p][2] if p in self.known else float("-inf")):
            if time.monotonic() > deadline:
                break
            pss = process_pss(pid)
            if pss is None:
                return usage.rss_bytes
            if pss != ENDED:
                self.known[pid] = (pss, usage.resident.get(pid, 0), time.monotonic())
        end = time.monotonic()
        total, self.unread = 0, 0
        for pid in usage.pids:
            resident = usage.resident.get(pid, 0)
            if pid not in self.known:
                total += resident
                self.unread += 1
                continue
            pss, resident_then, when = self.known[pid]
            total += pss + max(0, resident - resident_then)
            self.unread += when < start
        self.known = {pid: self.known[pid] for pid in usage.pids if pid in self.known}
        self.last_seconds = end - start
        self.due = end + min(PSS_MAX_GAP, PSS_GAP_FACTOR * self.last_seconds)
        return total


def passed(usage: Usage, allowance: Allowance, pace: PssPace | None = None) -> dict | None:
    """``{"kind", "detail"}`` when ``usage`` passes ``allowance`` (the detail is for the instructor and
    the student), else None.  ``pace``: the session's, kept between watches (default: read PSS now)."""
    mib = 1024 * 1024
    buffers = kernel_buffer_bytes(usage.pids)
    if usage.rss_bytes + buffers > allowance.memory_bytes:
        pace = pace if pace is not None else PssPace()
        held = pace.held(usage)
        if held is not None and held + buffers > allowance.memory_bytes:
            held += buffers
            # A reading cut short is the submission's doing (its mappings, its forks): say what was counted
            cut_short = (f" ({pace.unread} of them counted from an earlier reading or at their resident size: "
                         f"reading their memory took longer than {PSS_READING_SECONDS:g} s)") if pace.unread else ""
            return {"kind": Bound.MEMORY,
                    "detail": f"its {len(usage.pids)} process(es) held {held // mib} MiB together{cut_short}, more "
                              f"than the {allowance.memory_bytes // mib} MiB a submission may hold, so all were "
                              "stopped"}
    if usage.cpu_seconds > allowance.cpu_seconds:
        return {"kind": Bound.CPU,
                "detail": f"its processes used {usage.cpu_seconds:.0f} CPU seconds together, more than the "
                          f"{allowance.cpu_seconds:.0f} a submission may use, so all were stopped"}
    if usage.tasks > allowance.tasks:
        return {"kind": Bound.PROCESSES,
                "detail": f"it ran {usage.tasks} processes and threads at once, more than the {allowance.tasks} "
                          "a submission may run, so all were stopped"}
    if allowance.scratch is not None:
        written = scratch_usage(allowance.scratch)
        if written is not None:
            written += unlinked_bytes(usage.pids, allowance.scratch)
        if written is None:
            return {"kind": Bound.DISK,
                    "detail": f"it made more than {SCRATCH_ENTRIES} files and folders in its scratch folder, so "
                              "all its processes were stopped"}
        if written > allowance.scratch_bytes:
            return {"kind": Bound.DISK,
                    "detail": f"its files took {written // mib} MiB, more than the {allowance.scratch_bytes // mib} "
                              "MiB its scratch may hold, so all its processes were stopped"}
    return None


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
