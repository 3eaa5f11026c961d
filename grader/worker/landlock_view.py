"""The worker's view of the file system where it gets no mount namespace (Gradescope's containers).

With a mount namespace the worker's root is built from :func:`.sandbox.runtime_paths` alone, so the
judge's files and other submissions are simply not there.  Without one (``CNN_GRADER_NAMESPACES=0``,
or a container that refuses ``unshare``) the worker would see the whole file system with its
unprivileged uid: the grader's own solutions and checks, a classmate's notebook given in the same
batch, the command line of every process in ``/proc``, and world-writable folders (``/tmp``,
``/run/lock``, ``/dev/shm``...) where one submission can leave answers for the next.

Landlock (Linux 5.13 and later, no privilege needed) closes that: the worker restricts itself,
before any of the submission's code runs, to

* reading (and executing) :func:`.sandbox.runtime_paths`, the Python runtime and the system's
  libraries, minus the folder holding the grader package wherever it sits inside them;
* reading and writing its own scratch folder and the harmless devices (``/dev/null``...);
* reading its own ``/proc/PID`` and the few system-wide ``/proc`` and ``/sys`` files torch and
  numpy consult (CPU count and memory).

The restriction is inherited by every process the submission starts and can only be narrowed,
never widened, by code that runs after it.  Landlock is an allow list: a folder inside an allowed
one cannot be taken back out, so an allowed folder that holds the grader package is opened up one
level at a time, leaving the path to the package out (:func:`allowed_beside`).

Where the kernel has no Landlock, :func:`restrict` says so (the fork server reports it) and the
worker keeps the other layers.
"""

from __future__ import annotations

import os

try:  # imported by the fork server, before any worker: a worker may no longer reach the library's files
    import landlock
except ImportError:  # pragma: no cover - the zip and scripts/setup install it
    landlock = None

#: Devices a program may open for reading and writing.
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")
#: System-wide files the numeric libraries read to size their thread pools and allocators.
SYSTEM_FILES = ("/proc/cpuinfo", "/proc/meminfo", "/proc/stat", "/sys/devices/system/cpu")


def allowed_beside(root: str, hidden: str) -> list[str]:
    """``root``'s content without ``hidden`` (a path inside it): its siblings at every level.

    ``allowed_beside("/srv", "/srv/app/grader")`` is ``/srv``'s other entries plus ``/srv/app``'s
    other entries; the folders on the way (``/srv``, ``/srv/app``) themselves are left out, so
    nothing below them but those siblings can be opened.
    """
    out: list[str] = []
    here = root
    relative = os.path.relpath(hidden, root).split(os.sep)
    for step in relative:
        try:
            names = os.listdir(here)
        except OSError:
            return out
        out += [os.path.join(here, name) for name in names if name != step]
        here = os.path.join(here, step)
    return out


def readable_paths(runtime: list[str], hidden: str) -> list[str]:
    """What the worker may read: ``runtime`` with ``hidden`` (the grader's folder) cut out of it."""
    hidden = os.path.realpath(hidden)
    out: list[str] = []
    for path in runtime:
        real = os.path.realpath(path)
        if real == hidden or real.startswith(hidden + os.sep):
            continue  # the grader's own folder, or a folder inside it
        if hidden.startswith(real.rstrip(os.sep) + os.sep):
            out += allowed_beside(real, hidden)
        else:
            out.append(real)
    return sorted(set(out))


def restrict(*, runtime: list[str], hidden: str, scratch: str) -> bool:
    """Confine this process (and its future children) as the module says; False without Landlock.

    Must run in a process with a single thread (a fresh fork): Landlock applies to the calling
    thread and to the threads and processes it starts afterwards.
    """
    if landlock is None:
        return False
    FSAccess = landlock.FSAccess
    try:
        if landlock.landlock_abi_version() < 1:
            return False
        everything = FSAccess.all()
        ruleset = landlock.Ruleset(everything)
    except (landlock.LandlockError, OSError):
        return False
    read_file = FSAccess.READ_FILE | FSAccess.EXECUTE
    read_tree = read_file | FSAccess.READ_DIR
    try:
        for path in readable_paths(runtime, hidden):
            _allow(ruleset, path, read_tree, read_file)
        for path in SYSTEM_FILES + (f"/proc/{os.getpid()}",):
            _allow(ruleset, path, FSAccess.READ_FILE | FSAccess.READ_DIR, FSAccess.READ_FILE)
        for path in DEVICES:
            _allow(ruleset, path, None, FSAccess.READ_FILE | FSAccess.WRITE_FILE)
        ruleset.allow(scratch, rules=everything)
        ruleset.apply()
    finally:
        os.close(ruleset._fd)  # the library keeps the ruleset's descriptor open; the submission needs none
    return True


def _allow(ruleset, path: str, folder_rights, file_rights) -> None:
    """Allow ``path`` if it exists: a folder with ``folder_rights`` beneath it, a file with ``file_rights``.

    A path this process cannot even name (no search permission on the way) is left out: the
    worker could not open it anyway.
    """
    try:
        if os.path.isdir(path):
            if folder_rights is not None:
                ruleset.allow(path, rules=folder_rights)
        elif os.path.exists(path):
            ruleset.allow(path, rules=file_rights)
    except PermissionError:
        pass
