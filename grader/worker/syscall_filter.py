"""The seccomp filter every worker gets before any of the submission's code runs.

Namespaces, an unprivileged uid and resource limits leave gaps that only the
kernel's system-call gate closes, and without namespaces (Gradescope) they are
most of what holds: a worker could open TCP connections, hold memory that
``RLIMIT_AS`` does not count (memfds, SysV shared memory), leave keys in the
uid's keyring for the next submission graded in the same slot, or reach the
host's kernel interfaces.  :data:`RULES` lists what the filter refuses, each
with the reason; the README's table of layers repeats them.

Design:

* Default **allow**, listed calls **refused with an error** (``EPERM``, or
  ``ENOSYS`` where libraries probe a call and fall back when the kernel lacks
  it).  An attempt then fails like any other ``OSError`` inside the one cell
  or function that tried it, and the other answers still count.  Killing the
  process instead would cost a worker restart per attempt and would also kill
  honest library code that probes a call (glibc tries ``clone3`` before
  ``clone``; ``getpwuid`` tries nscd's socket before ``/etc/passwd``).
* Calls for another architecture (32-bit ``int 0x80``, x32) **kill the
  process**: nothing honest uses them, and they would name different calls.
* The filter is built once in the fork server (:func:`build`) and loaded in
  each worker (:func:`install`) after chroot, ``setuid``, the limits and
  ``no_new_privs``, as the last act of the set-up.  A seccomp filter cannot be
  removed, only joined by stricter ones, and passes to every thread, child and
  ``exec``.  The fork server never loads it: it needs ``unshare`` and
  ``setns`` for the next worker's namespaces.
* Through `pyseccomp <https://pypi.org/project/pyseccomp/>`_, a ctypes binding
  of libseccomp (the system library on Debian, Ubuntu and Gradescope's image).
  Where either is missing the worker still runs and the isolation record says
  the filter did not hold.
"""

from __future__ import annotations

import errno
import socket
from dataclasses import dataclass

# Flags of clone(2) that create namespaces (CLONE_NEWTIME exists only for unshare and clone3).
CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
NAMESPACE_FLAGS = (CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID,
                   CLONE_NEWNET)
#: The type bits of socket(2)'s second argument (the rest are SOCK_NONBLOCK and SOCK_CLOEXEC).
SOCK_TYPE_MASK = 0xF
PR_SET_PDEATHSIG = 1
#: setsockopt(SOL_SOCKET, ...) options that size a socket's buffers: SO_SNDBUF, SO_RCVBUF and their FORCE forms.
SOCKET_BUFFER_OPTIONS = (7, 8, 32, 33)
#: fcntl(2)'s command that resizes a pipe's buffer.
F_SETPIPE_SZ = 1031
#: fcntl(2)'s commands that name who gets a descriptor's I/O signals (SIGIO by default, any signal after
#: F_SETSIG): a pid, or a process group as a negative number; F_SETOWN_EX's owner sits in memory.
F_SETOWN = 8
F_SETOWN_EX = 15
#: ioctl(2)'s requests that do the same as F_SETOWN, their owner in memory.
FIOSETOWN = 0x8901
SIOCSPGRP = 0x8902
#: The sign bit of a 32-bit pid: set for -1 (every process the caller may signal) and for -PGID (a process group).
#: Tested alone, so that a negative pid counts whether the caller sign-extended it to 64 bits or not.
PID_SIGN_BIT = 0x80000000
PID_BITS = 0xFFFFFFFF
#: What libseccomp resolves a name it does not know to (__NR_SCMP_ERROR).  Calls it knows but this
#: architecture lacks get other negative numbers, which it accepts in rules and leaves out of the filter.
UNKNOWN_TO_LIBSECCOMP = -1


@dataclass(frozen=True)
class Rule:
    """Refuse ``calls`` (when ``when`` holds, if given) with ``errno``, for the reason ``why``."""

    name: str
    calls: tuple[str, ...]
    errno: int
    why: str
    when: str = ""
    """Which arguments: ``""`` (always), or a key of :data:`_CONDITIONS`."""


RULES: tuple[Rule, ...] = (
    Rule("network", ("socket",), errno.EPERM, when="not AF_UNIX stream",
         why="new sockets only of the Unix stream kinds: no TCP, UDP, raw, packet or netlink socket, "
             "so no connection leaves without a network namespace either"),
    Rule("Unix datagrams", ("socketpair",), errno.EPERM, when="not AF_UNIX stream",
         why="a Unix datagram socket can send to any named socket (sendto with an address), even one of a pair"),
    Rule("socket buffers", ("setsockopt",), errno.EPERM, when="socket buffer sizes",
         why="a socket's buffers hold kernel memory no limit counts (attack round 7: 100 socket pairs with raised "
             "buffers held 1.5 GiB past a 1 GiB allowance); at their default size the fork server counts them "
             "against the memory allowance (bounds.kernel_buffer_bytes)"),
    Rule("pipe buffers", ("fcntl",), errno.EPERM, when="F_SETPIPE_SZ",
         why="the same for a pipe's buffer, which would grow from 64 KiB to 1 MiB"),
    Rule("passing descriptors", ("sendmsg", "sendmmsg"), errno.EPERM,
         why="a socket sent over another (SCM_RIGHTS) and closed is held by the kernel, full, where no process's "
             "open files show it (attack round 9: 257 sockets in flight held 57 MiB past the memory bound); the "
             "worker's own messages go out with send"),
    Rule("connections", ("connect", "bind", "listen", "accept", "accept4"), errno.EPERM,
         why="the worker's one connection is the socket the judge handed it; it may not reach the host's "
             "Unix sockets (docker, systemd, X11 and abstract names) nor wait for anyone"),
    Rule("memfd", ("memfd_create", "memfd_secret"), errno.EPERM,
         why="memory behind a file descriptor is not counted by RLIMIT_AS: it could hold gigabytes past the "
             "memory limit"),
    Rule("SysV IPC", ("shmget", "shmat", "shmdt", "shmctl", "msgget", "msgsnd", "msgrcv", "msgctl", "semget",
                      "semop", "semtimedop", "semctl"), errno.EPERM,
         why="SysV shared memory is not counted by RLIMIT_AS, and segments, queues and semaphores outlive "
             "the process: without an IPC namespace the next submission could read them"),
    Rule("POSIX message queues", ("mq_open", "mq_unlink", "mq_timedsend", "mq_timedreceive", "mq_notify",
                                  "mq_getsetattr"), errno.EPERM,
         why="queues outlive the process and are shared by the whole IPC namespace"),
    Rule("keyrings", ("keyctl", "add_key", "request_key"), errno.EPERM,
         why="keyrings belong to the uid, and a slot's uid grades one submission after another: a key "
             "would pass answers to the next one"),
    Rule("other processes", ("ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
                             "migrate_pages", "move_pages"), errno.EPERM,
         why="no reading, writing or steering another process's memory, even one of the same uid"),
    Rule("namespaces", ("unshare", "setns"), errno.EPERM,
         why="a new user namespace would give the submission capabilities over its own namespaces; "
             "joining one would leave the sandbox"),
    Rule("sessions", ("setsid",), errno.EPERM,
         why="every process a submission starts stays in the session the sandbox gave its worker: the fork "
             "server bounds and kills a submission by its session, and the scheduler shares the CPU between "
             "sessions, so sixty sessions would take sixty shares from the submission graded beside it"),
    Rule("clone into namespaces", ("clone",), errno.EPERM, when="namespace flags",
         why="the same through clone: fork and threads (no namespace flags) stay allowed"),
    Rule("clone3", ("clone3",), errno.ENOSYS,
         why="its flags sit in memory, where a filter cannot look; ENOSYS makes glibc fall back to clone"),
    Rule("mounts", ("mount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick",
                    "move_mount", "open_tree", "mount_setattr"), errno.EPERM,
         why="the file system the worker sees is fixed by the sandbox"),
    Rule("kernel interfaces", ("bpf", "perf_event_open", "userfaultfd"), errno.EPERM,
         why="large kernel attack surface, and userfaultfd stalls the kernel at will; nothing a CNN needs"),
    Rule("io_uring", ("io_uring_setup", "io_uring_enter", "io_uring_register"), errno.ENOSYS,
         why="it performs I/O (sockets included) outside of the system calls this filter sees; ENOSYS is "
             "what libraries read as 'not supported' and fall back from"),
    Rule("identity", ("setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
                      "setfsuid", "setfsgid", "capset"), errno.EPERM,
         why="the worker keeps the uid, gid and (no) capabilities the sandbox gave it"),
    Rule("signals", ("kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo"), errno.EPERM,
         when="foreign signal targets",
         why="without root the worker keeps the grader's uid, and kill(-1) reached every process of that user: the "
             "judge, the fork server, the other slot and the instructor's own programs (attack round 15); so no "
             "signal to pid -1 or to a process group (a negative pid; 0, its own group, stays allowed), nor to the "
             "judge or the fork server by pid.  A signal by pid to another process of the same uid stays possible "
             "without root (README, Known gaps)"),
    Rule("signal by descriptor", ("pidfd_send_signal",), errno.EPERM,
         why="its target is a descriptor (pidfd_open, or a /proc/PID folder), which the filter cannot read: a worker "
             "signals its own processes by pid"),
    Rule("signal owners", ("fcntl", "ioctl"), errno.EPERM, when="signal owner",
         why="a descriptor's owner gets its I/O signal (SIGIO, which ends a process that does not handle it, or any "
             "signal F_SETSIG names): no owner that is a process group, -1, the judge or the fork server "
             "(F_SETOWN), nor one the filter cannot read (F_SETOWN_EX, FIOSETOWN, SIOCSPGRP hold it in memory)"),
    Rule("parent-death signal", ("prctl",), errno.EPERM, when="PR_SET_PDEATHSIG",
         why="the worker dies with the fork server; it may not clear that"),
    Rule("host administration", ("kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
                                 "reboot", "swapon", "swapoff", "acct", "syslog", "iopl", "ioperm",
                                 "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "sethostname",
                                 "setdomainname", "quotactl", "name_to_handle_at", "open_by_handle_at",
                                 "fanotify_init", "personality", "vhangup"), errno.EPERM,
         why="these need capabilities the worker does not have; refused anyway, in case it ever runs with them"),
)


def _conditions(seccomp, protected_pids: tuple[int, ...]) -> dict[str, list[tuple] | dict[str, list[tuple]]]:
    """Argument tests for each ``when``: a call is refused if all tests of one tuple hold.

    A ``when`` shared by calls whose target sits in different arguments maps each call to its own tests.
    """
    Arg = seccomp.Arg
    not_unix = (Arg(0, seccomp.NE, socket.AF_UNIX),)
    datagram = (Arg(1, seccomp.MASKED_EQ, SOCK_TYPE_MASK, socket.SOCK_DGRAM),)

    def foreign(arg: int, *more) -> list[tuple]:
        """Tests that argument ``arg`` names -1, a process group, or a protected process (``more``: tests added)."""
        return [(*more, Arg(arg, seccomp.MASKED_EQ, PID_SIGN_BIT, PID_SIGN_BIT))] + \
            [(*more, Arg(arg, seccomp.MASKED_EQ, PID_BITS, pid)) for pid in protected_pids]

    return {
        "foreign signal targets": {"kill": foreign(0), "tkill": foreign(0), "rt_sigqueueinfo": foreign(0),
                                   "tgkill": foreign(0) + foreign(1), "rt_tgsigqueueinfo": foreign(0) + foreign(1)},
        "signal owner": {"fcntl": foreign(2, Arg(1, seccomp.EQ, F_SETOWN)) + [(Arg(1, seccomp.EQ, F_SETOWN_EX),)],
                         "ioctl": [(Arg(1, seccomp.EQ, FIOSETOWN),), (Arg(1, seccomp.EQ, SIOCSPGRP),)]},
        "not AF_UNIX stream": [not_unix, datagram],
        "namespace flags": [(Arg(0, seccomp.MASKED_EQ, flag, flag),) for flag in NAMESPACE_FLAGS],
        "PR_SET_PDEATHSIG": [(Arg(0, seccomp.EQ, PR_SET_PDEATHSIG),)],
        "socket buffer sizes": [(Arg(1, seccomp.EQ, socket.SOL_SOCKET), Arg(2, seccomp.EQ, option))
                                for option in SOCKET_BUFFER_OPTIONS],
        "F_SETPIPE_SZ": [(Arg(1, seccomp.EQ, F_SETPIPE_SZ),)],
    }


def _binding():
    """The seccomp binding, or None where it (or libseccomp) is missing."""
    try:
        import pyseccomp
    except (ImportError, RuntimeError, OSError):  # RuntimeError: pyseccomp found no libseccomp
        return None
    return pyseccomp


def build(protected_pids: tuple[int, ...] = ()):
    """The filter, ready to load (in the fork server); None without pyseccomp or libseccomp.

    ``protected_pids``: the processes no worker may signal by pid (the judge's, the fork server's), as the fork
    server sees them; none for a worker in a PID namespace of its own, which cannot name them (and where those
    numbers may be its own children's).
    """
    seccomp = _binding()
    if seccomp is None:
        return None
    try:
        syscall_filter = seccomp.SyscallFilter(seccomp.ALLOW)
        syscall_filter.set_attr(seccomp.Attr.ACT_BADARCH, seccomp.KILL_PROCESS)
        conditions = _conditions(seccomp, tuple(protected_pids))
        for rule in RULES:
            action = seccomp.ERRNO(rule.errno)
            for call in rule.calls:
                if seccomp.resolve_syscall(seccomp.Arch.NATIVE, call) == UNKNOWN_TO_LIBSECCOMP:
                    continue  # an older libseccomp than the call: the kernel it targets has none either
                tests = conditions[rule.when] if rule.when else [()]
                for args in tests[call] if isinstance(tests, dict) else tests:
                    syscall_filter.add_rule(action, call, *args)
    except OSError:
        return None
    return syscall_filter


def install(syscall_filter) -> bool:
    """In the worker, last act of its set-up: load the filter.  True when the kernel took it."""
    if syscall_filter is None:
        return False
    try:
        syscall_filter.load()
    except OSError:
        return False
    return True


def filter_count(status_text: str) -> int:
    """How many seccomp filters ``/proc/PID/status`` says the process has (0 without any)."""
    fields = dict(line.split(":", 1) for line in status_text.splitlines() if ":" in line)
    if fields.get("Seccomp", "").strip() != "2":  # 2: filter mode
        return 0
    try:
        return int(fields.get("Seccomp_filters", "1").strip())
    except ValueError:
        return 1
