"""Confine the process that will run a submission, before any of its code runs.

On Linux as root the worker gets, from the strongest to the weakest layer:

* its own PID namespace, whose init it is: when it dies the kernel kills every
  process the submission started, detached or not (see
  :func:`next_child_in_new_pid_namespace`);
* its own network namespace with no interface up: no connection leaves;
* its own mount namespace and a root made of a fresh size-limited tmpfs into
  which only the Python runtime and its libraries are bound, read-only.  The
  checks, the reference solutions, the judge's files and other students'
  submissions are simply not there;
* without that root (no mount namespace: Gradescope), a Landlock view of the
  file system instead (:mod:`.landlock_view`): the runtime to read, the
  scratch folder to write, nothing of the judge's or of other submissions;
* an unprivileged uid (one per parallel slot) with no capabilities and
  ``no_new_privs``;
* resource limits: address space, CPU seconds, file size, open files, processes;
* last, loaded by the fork server's code in the worker, a seccomp filter
  (:mod:`.syscall_filter`): no new connections, no memory outside the address
  space limit, no keyrings, no other process, no namespaces, no new identity.

Where the OS refuses a layer (no root, a container without CAP_SYS_ADMIN)
the worker runs with the layers it could get, and the fork server reports
which, before the submission runs; the limits, the seccomp filter and the
process clean-up hold everywhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource
import signal
import sys
from pathlib import Path

from ..checkapi.protocol import Key
from . import landlock_view

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 0x1
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_NOEXEC = 0x8
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 1 << 18

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38

#: The environment variable that fixes the bottom of a run's uid range (see :data:`UID_BASE`).
UID_BASE_ENV = "CNN_GRADER_UID_BASE"
#: Where a run's uid range starts when :data:`UID_BASE_ENV` is not set: above the uids ``useradd`` hands out
#: (``UID_MAX`` 60000 in Debian's and most distributions' login.defs) and below systemd's dynamic users
#: (61184-65519).
DEFAULT_UID_BASE = 61000
#: Slots, and so uids, in one run's range: slot k runs as ``UID_BASE + k``, k < SLOTS.  ``--jobs`` goes up to 64,
#: Gradescope's ``--slot`` to 63; the tests take 90 and 91 for uids no slot of theirs uses.
SLOTS = 100
#: Bottom of the uid range of this process's workers.  Leftovers are swept by uid (without a PID namespace the fork
#: server kills every process of a slot's uid and removes its files from the shared places), so two runs on one
#: machine must never share a range: each run claims its own, exclusively (:mod:`grader.judge.uid_claim`, attack
#: round 68), and hands it to its fork server in this variable.
UID_BASE = int(os.environ.get(UID_BASE_ENV, DEFAULT_UID_BASE))
#: The host name a worker with its own namespaces has, and the user name every worker's environment gives.
SANDBOX_HOSTNAME = "localhost"
SANDBOX_USER = "student"

_libc = None


def _lib():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return _libc


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def unshare(flags: int) -> None:
    _check(_lib().unshare(ctypes.c_int(flags)), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    enc = lambda s: s.encode() if s is not None else None  # noqa: E731
    _check(_lib().mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)),
           f"mount {target}")


def prctl(option: int, value: int) -> None:
    _check(_lib().prctl(ctypes.c_int(option), ctypes.c_ulong(value), ctypes.c_ulong(0), ctypes.c_ulong(0),
                        ctypes.c_ulong(0)), "prctl")


def setns(fd: int, nstype: int) -> None:
    _check(_lib().setns(ctypes.c_int(fd), ctypes.c_int(nstype)), "setns")


def next_child_in_new_pid_namespace(own_pid_namespace_fd: int | None) -> bool:
    """In the fork server, just before forking a worker: make that child the init of a new PID namespace.

    ``unshare(CLONE_NEWPID)`` works once per process; joining our own namespace
    again first (``setns``) makes it work for every worker, so each one is the
    init of its own namespace, and when it dies the kernel kills every process
    the submission started.  False when the OS refuses (not root, a container).
    """
    if own_pid_namespace_fd is None or os.geteuid() != 0:
        return False
    try:
        setns(own_pid_namespace_fd, CLONE_NEWPID)
        unshare(CLONE_NEWPID)
        return True
    except OSError:
        return False


def isolate_namespaces() -> dict:
    """In the worker: its own mount, network, IPC and UTS namespaces.  Returns which the OS granted."""
    granted = {"mount": False, "network": False}
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        return granted
    for flags, names in ((CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS, ("mount", "network")),
                         (CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS, ("mount",))):
        try:
            unshare(flags)
        except OSError:
            continue
        for n in names:
            granted[n] = True
        break
    return granted


def runtime_paths() -> list[str]:
    """What a submission may read: the system's libraries and the Python runtime, nothing else."""
    candidates = ["/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin", "/etc"]
    candidates += [sys.base_prefix, sys.prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))]
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding the grader package
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        real = os.path.realpath(entry)
        if real == package_root and "-packages" not in real:
            continue  # a source checkout (editable install): the worker imported what it needs already
        candidates.append(entry)
    out: list[str] = []
    for path in sorted({os.path.abspath(p) for p in candidates if os.path.lexists(p)}):
        out.append(path)
    return out


def grader_package_dir() -> str:
    return str(Path(__file__).resolve().parents[1])


def _closed_to_others(path: str) -> bool:
    """Whether a folder on the way to ``path`` (or ``path`` itself) is closed to a uid that owns none of them."""
    here = os.path.realpath(path)
    while True:
        try:
            if not os.stat(here).st_mode & 0o001:
                return True
        except OSError:
            return False
        parent = os.path.dirname(here)
        if parent == here:
            return False
        here = parent


def reach_imports_by_descriptor(hidden: str) -> dict[str, str]:
    """Point the import system at the runtime's folders through descriptors opened now, before the uid changes.

    Without a mount namespace the worker reads the runtime where it lies.  Under the slot's uid a folder on the
    way there may be closed to it (a Python in a 0700 ``/root/.pyenv``): a module the fork server did not import
    (``shlex``, ``getopt``, ``json.tool``) then fails to import, and a correct notebook got an error row
    (fairness round 13).  A folder opened now is reached later through ``/proc/self/fd/N`` without crossing the
    folders above it.  Called only under Landlock, which still decides what can be opened (the closed folders
    were never the fence: the grader package sits in an open one here); no folder holding ``hidden`` (the
    grader package) or inside it is opened all the same.  Returns the old paths and their new ones;
    ``sys.path`` and the imported packages' ``__path__`` lists are rewritten to them.
    """
    hidden = os.path.realpath(hidden)
    moved: dict[str, str] = {}
    for entry in sys.path:
        if not entry or entry in moved or not os.path.isdir(entry):
            continue
        real = os.path.realpath(entry)
        if real == hidden or real.startswith(hidden + os.sep) or hidden.startswith(real + os.sep):
            continue
        if not _closed_to_others(real):
            continue
        fd = os.open(real, os.O_PATH | os.O_DIRECTORY)  # close-on-exec: a program the submission runs gets none
        moved[entry] = f"/proc/self/fd/{fd}"
    if not moved:
        return moved

    def rewritten(path: str) -> str:
        for old, new in moved.items():
            if path == old or path.startswith(old + os.sep):
                return new + path[len(old):]
        return path

    sys.path[:] = [rewritten(entry) for entry in sys.path]
    for module in list(sys.modules.values()):
        package_path = getattr(module, "__path__", None)
        if type(package_path) is list:  # a regular package; namespace packages recompute theirs from sys.path
            package_path[:] = [rewritten(entry) for entry in package_path]
    return moved


#: Files, folders and links the worker's tmpfs holds in all (its root, ``/tmp``, ``/dev/shm``, ``/scratch``).
#: An empty file takes no block of ``scratch_mb``, only kernel memory (an inode and a dentry, over 1 KiB with
#: a long name): without a count the kernel's default (half the RAM's pages) let one worker hold 3.7 GB
#: (attack round 10).  The root's own folders take a few hundred; the submission gets at least the
#: 10,000 entries :data:`grader.worker.bounds.SCRATCH_ENTRIES` allows without namespaces.
WORKER_FS_INODES = 12_000


def build_root(root: str, scratch_mb: int, uid: int) -> None:
    """Make ``root`` a private tmpfs holding read-only binds of :func:`runtime_paths`, /dev, /proc, /scratch."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, f"size={scratch_mb}m,nr_inodes={WORKER_FS_INODES},mode=0755")
    bound: list[str] = []

    def covered(path: str) -> bool:
        return any(path == b or path.startswith(b.rstrip("/") + "/") for b in bound)

    def bind(path: str) -> None:
        target = root + path
        os.makedirs(target, exist_ok=True)
        mount(path, target, None, MS_BIND | MS_REC)
        mount(None, target, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
        bound.append(path)

    paths = runtime_paths()
    # Real folders first, parents before children; then symlinks such as /bin -> usr/bin.
    for path in sorted((p for p in paths if not os.path.islink(p) and os.path.isdir(p)), key=len):
        if not covered(path):
            bind(path)
    for path in (p for p in paths if os.path.islink(p)):
        os.makedirs(os.path.dirname(root + path), exist_ok=True)
        if not os.path.lexists(root + path):
            os.symlink(os.readlink(path), root + path)
        resolved = os.path.realpath(path)
        if os.path.isdir(resolved) and not covered(resolved):
            bind(resolved)
    # The grader itself may live inside a bound site-packages: cover it with an empty folder.
    pkg = grader_package_dir()
    if os.path.isdir(root + pkg):
        mount("tmpfs", root + pkg, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=0555")
    os.makedirs(root + "/dev", exist_ok=True)
    for dev in ("null", "zero", "full", "random", "urandom"):
        node = root + "/dev/" + dev
        open(node, "w").close()
        mount("/dev/" + dev, node, None, MS_BIND)
    os.symlink("/proc/self/fd", root + "/dev/fd")
    for dev in ("stdin", "stdout", "stderr"):
        os.symlink(f"/proc/self/fd/{('stdin', 'stdout', 'stderr').index(dev)}", root + "/dev/" + dev)
    os.makedirs(root + "/proc", exist_ok=True)
    # In its own PID namespace the worker sees only its own processes; without one,
    # hidepid hides every process that is not its uid's.
    mount("proc", root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2")
    for place, mode in (("/dev/shm", 0o1777), ("/tmp", 0o1777), ("/scratch", 0o700)):
        os.makedirs(root + place, exist_ok=True)
        os.chmod(root + place, mode)
    os.chown(root + "/scratch", uid, uid)
    os.chroot(root)
    os.chdir("/scratch")


def drop_privileges(uid: int) -> None:
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


#: Processes and threads (the kernel counts both) a submission may run at once beyond what its uid
#: already runs: torch in a worker runs a few threads, ``DataLoader(num_workers=2)`` two more
#: processes with theirs, and a fork bomb stops here.  The fork server's bounds
#: (:mod:`.bounds`) count the same across the submission's whole session.
PROCESSES = 32


def tasks_of_uid(uid: int) -> int:
    """How many processes and threads ``uid`` runs now (what RLIMIT_NPROC counts), from /proc."""
    count = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if line.startswith(("Uid:", "Threads:")))
            if int(fields["Uid"].split()[0]) == uid:
                count += int(fields["Threads"])
        except (OSError, KeyError, ValueError, IndexError):
            continue
    return count


def set_limits(*, memory_mb: int, cpu_seconds: int, file_mb: int, processes: int | None) -> None:
    """Resource limits for the submission; the address space allows ``memory_mb`` beyond the warm interpreter.

    ``processes``: RLIMIT_NPROC, which the kernel counts per real uid (None: no limit).
    """
    page = os.sysconf("SC_PAGE_SIZE")
    with open("/proc/self/statm") as f:
        current = int(f.read().split()[0]) * page
    limits = [
        (resource.RLIMIT_AS, current + memory_mb * 1024 * 1024),
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_FSIZE, file_mb * 1024 * 1024),
        (resource.RLIMIT_NOFILE, 256),
        (resource.RLIMIT_CORE, 0),
    ]
    if processes is not None:
        limits.append((resource.RLIMIT_NPROC, processes))
    for which, value in limits:
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value if which != resource.RLIMIT_CPU else value + 2))


def worker_uid(config: dict) -> int:
    """The unprivileged uid of a slot's workers (used when the grader runs as root).

    Raises:
        ValueError: a slot outside the run's range, whose uid may be another run's (attack round 68).
    """
    slot = int(config.get("slot", 0))
    if not 0 <= slot < SLOTS:
        raise ValueError(f"slot {slot} is outside this run's uid range (slots 0 to {SLOTS - 1})")
    return UID_BASE + slot


def enter(config: dict, *, pid_namespace: bool) -> dict:
    """In the worker, as its first act: apply every layer the OS allows.  Returns the isolation achieved."""
    granted = isolate_namespaces() if config.get("isolate", True) else {"mount": False, "network": False}
    isolation = dict(granted, pid=pid_namespace, user=False, filesystem=False)
    uid = worker_uid(config)
    root_mode = os.geteuid() == 0
    if granted.get("mount") and config.get("root_dir"):
        build_root(config["root_dir"], int(config.get("scratch_mb", 64)), uid if root_mode else os.getuid())
        isolation["filesystem"] = True
    else:
        scratch = config.get("scratch_dir")
        if scratch:
            os.makedirs(scratch, exist_ok=True)
            if root_mode:
                os.chown(scratch, uid, uid)
            os.chdir(scratch)
    if granted.get("mount"):
        try:
            import socket

            # a name the host's /etc/hosts (bound in read-only) resolves: a notebook's header cell that prints
            # gethostbyname(gethostname()) raised and lost the constants after it (fairness round 31)
            socket.sethostname(SANDBOX_HOSTNAME)
        except (OSError, AttributeError):
            pass
    # Without root the process limit counts everything the grader's uid runs, so it is set that far above what
    # runs now; counted here, while /proc can still be listed: the Landlock view below takes it away (attack
    # round 15: counted after it, every worker's set-up failed and every row scored 0).  As root the slot's own
    # uid is counted from nothing, and a root that keeps uid 0 is not bound by RLIMIT_NPROC at all.
    tasks_already_running = 0 if root_mode else tasks_of_uid(os.getuid())
    if not isolation["filesystem"]:
        # No root of its own: Landlock narrows what it sees to the runtime and its scratch.  Before
        # the uid changes, so that every runtime folder can still be named, whatever the way to it.
        isolation["landlock"] = landlock_view.restrict(runtime=runtime_paths(), hidden=grader_package_dir(),
                                                       scratch=os.getcwd())
    # Its own session, in every mode: the fork server accounts and kills a submission by its
    # session (the seccomp filter refuses setsid, so every process it starts stays in it), and
    # the scheduler shares the CPU between sessions (autogroups), so however many processes it
    # starts, together they compete as one against the judge and the other slot.
    os.setsid()
    if root_mode and isolation.get("landlock"):  # Landlock, not the closed folders, keeps the judge's files out
        reach_imports_by_descriptor(grader_package_dir())
    if root_mode:
        try:
            drop_privileges(uid)
            isolation["user"] = True
        except OSError:
            pass
    try:
        prctl(PR_SET_NO_NEW_PRIVS, 1)
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # if the fork server dies, so do the workers
    except OSError:
        pass
    # Under its own uid the limit counts the submission's tasks alone; under the judge's uid (no
    # root) it counts everything that uid runs (counted above).
    processes = PROCESSES if isolation["user"] else tasks_already_running + PROCESSES
    set_limits(memory_mb=int(config.get("memory_mb", 1024)), cpu_seconds=int(config.get(Key.CPU_SECONDS, 60)),
               file_mb=int(config.get("file_mb", 32)), processes=processes)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with an error instead of killing
    home = "/scratch" if isolation["filesystem"] else os.getcwd()
    os.environ.clear()
    # USER and LOGNAME: getpass.getuser() reads them before the password database, which has no entry for the
    # slot's uid (a header cell printing the user raised KeyError and lost what came after it: fairness round 31)
    os.environ.update({"HOME": home, "TMPDIR": home if not isolation["filesystem"] else "/tmp",
                       "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
                       "USER": SANDBOX_USER, "LOGNAME": SANDBOX_USER})
    if "tempfile" in sys.modules:  # the fork server's cached choice (/tmp) is not this worker's TMPDIR
        sys.modules["tempfile"].tempdir = None
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    return isolation
