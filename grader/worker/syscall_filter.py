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

import ctypes
import errno
import os
import select
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
    Rule("file watches", ("inotify_init", "inotify_init1", "fanotify_init"), errno.ENOSYS,
         why="Landlock has no hook for them: without namespaces a worker watched the class folder, --out, the seed "
             "key's folder and /tmp, and each event names the file opened, read or written there (with two slots, "
             "classmates' names as the judge read them: attack round 68); fanotify, open to unprivileged users "
             "since Linux 5.13, does the same.  Nothing a CNN needs; ENOSYS makes a library that watches files "
             "fall back to polling"),
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
                                 "personality", "vhangup"), errno.EPERM,
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


# -- the count of threads and processes a worker starts -------------------------------------------------------------
#: The calls that start a thread or a process (fork, posix_spawn and threads all come to clone on x86-64; clone3 is
#: refused by RULES with ENOSYS, and glibc falls back to clone).  The worker's second filter stops each of them until
#: the fork server, outside the sandbox, has counted it.
STARTING_CALLS = ("clone", "fork", "vfork")
#: seccomp_notif_resp's flag that lets the call go on as if no filter had stopped it (Linux 5.5).
CONTINUE = 1


def build_counter():
    """The filter that has the fork server count every thread and process a worker starts: None without libseccomp.

    Why: torch's dispatch and function modes, through which the worker traces the operators a call runs, are
    thread-local, and a process of its own has none.  An operator run in a thread or process started and ended
    inside one call (a thread a logging filter or a ``map`` callback starts and joins, attack round 53) leaves no
    trace, and no thread is left for ``/proc`` to show when the call returns.  The kernel's own count, kept outside
    the worker, is evidence the judge controls: the calls of :data:`STARTING_CALLS` wait on a seccomp user
    notification that only the fork server answers (:class:`StartCounter`), after counting it.  Nothing is refused.

    Loaded before :data:`RULES`' filter (which refuses ``sendmsg``, by which the worker hands its listener over).
    The kernel obeys the strictest answer of all filters: a filter the submission adds that refuses a call refuses
    it (which starts nothing); one that asks a notification too gets it instead (the newest of equal answers wins),
    so the fork server counts only workers whose filters are the two of their set-up (:meth:`StartCounter.count`).
    """
    seccomp = _binding()
    if seccomp is None:
        return None
    try:
        counter = seccomp.SyscallFilter(seccomp.ALLOW)
        for call in STARTING_CALLS:
            if seccomp.resolve_syscall(seccomp.Arch.NATIVE, call) != UNKNOWN_TO_LIBSECCOMP:
                counter.add_rule(seccomp.NOTIFY, call)
    except OSError:
        return None
    return counter


def install_counter(counter) -> int | None:
    """In the worker, before :func:`install`: load the counting filter; its listener's descriptor (None: not loaded).

    The worker hands the descriptor to the fork server and closes its own copy before any submission code runs:
    a listener the submission held could answer its own notifications before the fork server counts them.
    """
    if counter is None:
        return None
    try:
        counter.load()
    except OSError:  # a kernel without user notification (before 5.0) or without seccomp
        return None
    # pyseccomp (0.1.2) keeps the listener in libseccomp's state and reads it back only inside its own
    # receive_notify; libseccomp's seccomp_notify_fd gives it out.
    from pyseccomp import _libseccomp  # noqa: PLC2701 (see above)

    listener = _libseccomp.seccomp_notify_fd(counter._filter)  # noqa: SLF001
    return listener if listener >= 0 else None


class StartCounter:
    """The fork server's side of :func:`build_counter`: each worker's listener, and what it counted."""

    def __init__(self) -> None:
        self.started: dict[int, int | None] = {}
        """worker pid -> the threads and processes its session started (None: no longer counted; a worker without
        a listener has no entry)."""
        self._listeners: dict[int, int] = {}  # listener fd -> worker pid
        self._filters: dict[int, int | None] = {}  # worker pid -> its seccomp filters once its set-up ended
        self._request = self._response = None

    def add(self, pid: int, listener: int, filters: int | None) -> None:
        """Count worker ``pid``'s starts on ``listener``; ``filters``: its seccomp filters after its set-up."""
        self._listeners[listener] = pid
        self.started[pid] = 0
        self._filters[pid] = filters

    def count(self, pid: int, filters: int | None) -> int | None:
        """What worker ``pid``'s session started, or None when it cannot be vouched for: no listener, a listener
        given up, or a filter the submission added since its set-up (``filters``, read now, differs).  A filter that
        asks the same notification as this one's gets it instead of this one: the kernel tells the newest of filters
        of equal answer (attack round 54 found this; a start answered there would never be counted here)."""
        if filters is None or filters != self._filters.get(pid):
            return None
        return self.started.get(pid)

    def listeners(self) -> list[int]:
        return list(self._listeners)

    def drop(self, pid: int) -> None:
        """Worker ``pid`` ended: close its listener."""
        for fd in [fd for fd, owner in self._listeners.items() if owner == pid]:
            del self._listeners[fd]
            os.close(fd)
        self.started.pop(pid, None)
        self._filters.pop(pid, None)

    def answer(self, listener: int) -> None:
        """``listener`` is ready (select): count the call that waits on it and let it go on.

        Never raises: a listener this server cannot answer is closed (the calls waiting on it fail with ENOSYS,
        starting nothing) and its worker's count becomes unknown (None), which the judge takes for "cannot tell".
        """
        try:
            self._answer(listener)
        except Exception:  # noqa: BLE001 - one worker's listener, never the server
            pid = self._listeners.pop(listener, None)
            try:
                os.close(listener)
            except OSError:
                pass
            if pid is not None:
                self.started[pid] = None

    def _answer(self, listener: int) -> None:
        """What :meth:`answer` does.

        A listener whose every process ended only hangs up (poll's POLLHUP without POLLIN): it is closed, as
        receiving on it would wait for a call that never comes.  A call whose process was killed after select
        saw it is gone too (receive fails with ENOENT): nothing is counted.
        """
        events = _events(listener)
        if not events & select.POLLIN:
            if events & (select.POLLHUP | select.POLLERR | select.POLLNVAL) and listener in self._listeners:
                del self._listeners[listener]  # what it counted stays, until the worker is reaped (drop)
                os.close(listener)
            return
        from pyseccomp import _libseccomp  # noqa: PLC2701 (libseccomp's own receive and respond, on any fd)

        if self._request is None:  # libseccomp's buffers, sized for this kernel (and its api level detected)
            from pyseccomp import _Notif, _NotifResp  # noqa: PLC2701

            self._request, self._response = ctypes.POINTER(_Notif)(), ctypes.POINTER(_NotifResp)()
            if _libseccomp.seccomp_notify_alloc(ctypes.byref(self._request), ctypes.byref(self._response)) != 0:
                self._request = self._response = None
                raise OSError("libseccomp gave no notification buffers")
        # The kernel takes only a zeroed request (EINVAL otherwise, and the call would wait on forever).
        ctypes.memset(self._request, 0, ctypes.sizeof(self._request.contents))
        if _libseccomp.seccomp_notify_receive(listener, self._request) != 0:
            # Its caller killed since select (ENOENT): gone.  A call still waiting that cannot be received would
            # wait forever and wake this server at once, forever: the listener is given up.
            if _events(listener) & select.POLLIN:
                raise OSError("a waiting call could not be received")
            return
        pid = self._listeners.get(listener)
        if pid is not None and self.started.get(pid) is not None:
            self.started[pid] += 1
        response = self._response.contents
        response.id, response.val, response.error, response.flags = self._request.contents.id, 0, 0, CONTINUE
        _libseccomp.seccomp_notify_respond(listener, self._response)


def _events(fd: int) -> int:
    """poll's events on ``fd`` now (without waiting)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return dict(poller.poll(0)).get(fd, 0)
