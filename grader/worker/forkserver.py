"""A warm interpreter that forks one sandboxed worker per submission.

Started by the judge as ``python -m grader.worker.forkserver FD [--warm-training]``: it imports
torch once, warms it up, and then, for each ``spawn`` request, forks a worker
that is the init of a new PID namespace (where the OS allows), confines
itself (:mod:`.sandbox`) and serves the judge on the socket it was handed
(:mod:`.serve`).  This process is the workers' parent: it reaps them, kills
them on request, and reports how they ended.

This process imports nothing of the judge: no checks, no reference solution,
no hidden input exists in the memory a worker is forked from.

Control messages (length-prefixed JSON on FD; named in :mod:`grader.checkapi.protocol`,
:class:`~grader.checkapi.protocol.ServerOp` and :class:`~grader.checkapi.protocol.ServerReply`):

* ``{"op": "spawn", "id", "config"}`` + one fd (the worker's end of its socket)
  -> ``{"spawned": id, "pid", "granted"}``, sent once the worker is confined: ``granted`` says which
  layers hold, from this process's side (see :func:`established`), before any of the
  submission's code has run
* ``{"op": "kill", "id"}``: kill that worker and everything it started
* -> ``{"exited": id, "code", "signal", "maxrss_kb", "cpu_seconds", "bound"}`` when a worker ends (``bound``:
  ``{"kind", "detail"}`` when this server stopped the submission for passing a bound of :mod:`.bounds`)
* ``{"op": "shutdown"}``
* ``{"op": "trusted", "module", "function", "info"}`` + one fd, once: fork the judge's own process
  (:meth:`Server.trusted`), which reads its payload from that fd, answers on it, and from then on
  is the only one this server listens to
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import time

from ..checkapi.protocol import Key, ServerOp, ServerReply

#: Seconds a worker may take to confine itself before the server reports what holds without it.
SETUP_SECONDS = 30.0


#: The fork server's argument that asks it to warm up training too (see :func:`warm_up`).
WARM_TRAINING = "--warm-training"


def warm_up(*, training: bool = False) -> dict:
    """Import and exercise what submissions use, so that each fork starts warm.

    ``training``: also build and step torch's optimizers.  Their first construction imports
    ``torch._dynamo`` (with sympy: 2 s of CPU and 70 MB), which every worker whose submission trains
    a model would import again; a batch pays it once here, a single submission only if it trains.
    """
    import math  # noqa: F401
    import random  # noqa: F401

    # Standard modules torch does not load and correct submissions reach lazily: the parser's for a non-ASCII
    # name (without it the worker died), numpy's seeding, Decimal and Fraction answers, pandas' set-up,
    # torch.utils.checkpoint's, IPython.display's (logging.config), doctest.  Where the worker reads the runtime in
    # place and cannot enter it (a 0700 /root without namespaces), an import that was not done here fails.
    for name in ("unicodedata", "decimal", "fractions", "statistics", "secrets", "hmac", "sysconfig", "cProfile",
                 "profile", "pstats", "logging.config", "doctest"):
        importlib.import_module(name)

    import numpy  # noqa: F401
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    from ..checkapi import handler, probe, wire  # noqa: F401
    from . import cells, channel, guard, sandbox, serve, syscall_filter  # noqa: F401

    model = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Flatten(), torch.nn.Linear(32, 1))
    probe.LocalProbe({"m": lambda: model, "f": lambda x: F.conv2d(x[None, None], x[None, None])}).model(
        "m", (), (1, 1, 8, 8))
    probe.LocalProbe({"f": lambda x: (x * x).sum()}).call("f", torch.ones(2, 2), trace=True)
    # A forward pass with described weights: binds what wire.uniform draws with before any submission runs.
    weights = [{"kind": type(m).__name__, "tensors": {n: wire.Uniform(tuple(p.shape), 0, 0.5)
                                                      for n, p in m.named_parameters(recurse=False)}}
               for m in model if list(m.parameters())]
    probe.LocalProbe({"m": lambda: model}).forward("m", (), weights, wire.Uniform((1, 1, 8, 8), 0, 1.0))
    wire.encode(torch.zeros(3))
    if training:
        for optimizer in (torch.optim.SGD(model.parameters(), lr=0.0, momentum=0.9),
                          torch.optim.Adam(model.parameters(), lr=0.0)):
            optimizer.zero_grad()
            model(torch.ones(1, 1, 8, 8)).sum().backward()
            optimizer.step()
    serve.prepare()
    return {"python": sys.version.split()[0], "torch": torch.__version__, "numpy": numpy.__version__}


def _leftovers(worker: int, uid: int | None) -> list[int]:
    """Processes a worker without a PID namespace left behind.

    Those in its session, and, when it ran under its own uid, every process of
    that uid (a process that left the session with setsid cannot leave its uid).
    """
    out = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[3]) == worker:
                out.append(int(entry))
                continue
            if uid is not None:
                with open(f"/proc/{entry}/status") as f:
                    line = next(l for l in f if l.startswith("Uid:"))
                if int(line.split()[1]) == uid:
                    out.append(int(entry))
        except (OSError, IndexError, ValueError, StopIteration):
            continue
    return out


def _kill_leftovers(worker: int, uid: int | None) -> None:
    """Kill what :func:`_leftovers` finds, until nothing is left (the process limit bounds a fork bomb)."""
    for _ in range(50):
        found = _leftovers(worker, uid)
        if not found:
            return
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


#: World-writable places of the host a worker without its own file system can leave files in.
#: Where the Landlock view holds (grader/worker/landlock_view.py) a worker writes none of them; on a kernel without
#: Landlock these are the places every Linux host lets any uid write (``/run/lock`` too: attack round 3 passed
#: answers from one submission to the next there).
SHARED_PLACES = ("/tmp", "/var/tmp", "/dev/shm", "/run/lock", "/var/lock")


def _remove_files_of(uid: int) -> None:
    """Delete what ``uid`` left in :data:`SHARED_PLACES` (and their world-writable subfolders).

    Without its own file system a worker writes the host's ``/tmp`` and ``/dev/shm``, and its
    slot's uid comes back for the next submission: a file left there would pass answers on,
    and one in ``/dev/shm`` would go on holding memory.  Only those places and their
    sticky, world-writable subfolders (such as ``/tmp/.X11-unix``) accept its files.
    """
    import stat

    from .cleanup import remove_tree

    folders = []
    for place in SHARED_PLACES:
        folders.append(place)
        try:
            with os.scandir(place) as entries:
                folders += [e.path for e in entries if e.is_dir(follow_symlinks=False)
                            and e.stat(follow_symlinks=False).st_mode & stat.S_IWOTH]
        except OSError:
            continue
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                mine = [e for e in entries if e.stat(follow_symlinks=False).st_uid == uid]
        except OSError:
            continue
        for entry in mine:
            try:
                if entry.is_dir(follow_symlinks=False):
                    remove_tree(entry.path)  # at any depth (shutil.rmtree recurses)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass


def established(pid: int, confined_r: int, pid_namespace: bool) -> dict:
    """Which isolation layers hold for worker ``pid``, as this process knows them.

    The worker writes what it set up into ``confined_r``'s pipe and closes it before it
    runs any of the submission's code, so the report is this server's own code speaking;
    the uid and the seccomp filter are then read from the kernel (``/proc/PID/status``).
    A worker that died in its set-up reports nothing, and nothing is granted.
    """
    from . import syscall_filter

    report = b""
    deadline = time.monotonic() + SETUP_SECONDS
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([confined_r], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(confined_r, 4096)
            if not chunk:
                break
            report += chunk
    finally:
        os.close(confined_r)
    try:
        said = json.loads(report) if report else {}
    except ValueError:
        said = {}
    said = said if isinstance(said, dict) else {}
    granted = {k: said.get(k) is True for k in ("mount", "network", "filesystem", "landlock")}
    granted["pid"] = pid_namespace
    try:
        with open(f"/proc/{pid}/status") as f:
            status = f.read()
    except OSError:  # it is already gone
        status = ""
    uids = next((line.split()[1:] for line in status.splitlines() if line.startswith("Uid:")), [])
    granted["user"] = said.get("user") is True and bool(uids) and "0" not in uids
    granted["seccomp"] = said.get("seccomp") is True and \
        syscall_filter.filter_count(status) >= 1
    return granted


def syscall_filter_count(pid: int) -> int | None:
    """How many seccomp filters process ``pid`` has, read from the kernel (None: unreadable, or gone)."""
    from . import syscall_filter

    try:
        with open(f"/proc/{pid}/status") as f:
            return syscall_filter.filter_count(f.read())
    except OSError:
        return None


class Server:
    def __init__(self, control: socket.socket):
        from . import sandbox, syscall_filter
        from .channel import Channel

        self.sandbox = sandbox
        # Built once, before the first worker, and loaded by each worker; never loaded here (the next
        # worker's namespaces need unshare and setns).  Built then, not now: it names the processes no
        # worker may signal, and the judge's own process (:meth:`trusted`) is forked after this.
        self.install_filter = syscall_filter.install
        self.build_filter = syscall_filter.build
        self.build_counter, self.install_counter = syscall_filter.build_counter, syscall_filter.install_counter
        self.counter_filter = None
        # The threads and processes each worker's session starts, counted here as the kernel stops each start
        # (syscall_filter.build_counter): the judge's evidence that a call ran nothing where its trace is blind.
        self.starts = syscall_filter.StartCounter()
        # by whether the worker has a PID namespace of its own (see spawn)
        self.syscall_filters: dict[bool, object] = {}
        self.channel = Channel(control)
        # worker pid -> (id, in its own PID namespace, the uid it runs as when it has its own,
        #                in its own file system)
        self.children: dict[int, tuple[int, bool, int | None, bool]] = {}
        self.by_id: dict[int, int] = {}
        # The submissions' sessions and what each may use (:mod:`.bounds`): worker pid -> (the uid
        # whose processes count too, where the seccomp filter did not hold, its allowance); and
        # which bound stopped a worker, for its exit report.
        from . import bounds

        self.bounds = bounds
        self.watched: dict[int, tuple[int | None, bounds.Allowance]] = {}
        self.bound_passed: dict[int, dict] = {}
        # The most CPU seconds each session was seen to have used: its children's too, which the
        # worker's own account misses when they die with it rather than being reaped by it.
        self.session_cpu: dict[int, float] = {}
        self.last_tasks: dict[int, int] = {}  # the most tasks each worker's session ran at a watch
        self.pss_pace: dict[int, bounds.PssPace] = {}  # when each session's PSS may next be read
        self.warm_bytes = bounds.own_resident_bytes()
        self.last_watch = 0.0
        try:
            self.own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY)
        except OSError:
            self.own_pid_namespace = None
        try:  # orphans of workers without a PID namespace come to us, to be killed
            sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
        except OSError:
            pass
        self.trusted_pid: int | None = None
        self.spawned = False  # a worker was forked: too late for the trusted child
        # After the handover (:meth:`trusted`): the process that started this server, no longer
        # served but watched, so that its end ends the grading it started.
        self.starter: socket.socket | None = None
        self.trusted_reaped = False  # its pid may be another process's then: never signal it
        self.versions: dict = {}
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_w, False)
        signal.set_wakeup_fd(self.wake_w)
        signal.signal(signal.SIGCHLD, lambda *a: None)

    def spawn(self, message: dict, fds: list[int]) -> None:
        ident = message.get(Key.ID)
        config = message.get(Key.CONFIG, {})
        if len(fds) != 1:
            for fd in fds:
                os.close(fd)
            self.channel.send({ServerReply.SPAWN_FAILED: ident, Key.ERROR: "expected one socket"})
            return
        try:  # before the fork: a slot past the run's uid range would run as (and sweep) another run's uid
            slot_uid = self.sandbox.worker_uid(config)
        except (TypeError, ValueError) as exc:
            os.close(fds[0])
            self.channel.send({ServerReply.SPAWN_FAILED: ident, Key.ERROR: str(exc)})
            return
        if not self.spawned:
            # The judge (this server's parent, or the child it handed over to) and this server: without root a
            # worker shares their uid, and the filter is what keeps its signals off them (attack round 15).  A
            # worker in a PID namespace of its own cannot name them, and there their numbers may be its own
            # children's (a judge in a container runs with a small pid): its filter protects no pid.
            # Built before the next child's PID namespace: loading libseccomp may run a program (find_library),
            # which would become that namespace's init and leave it dead.
            protected = (os.getpid(), os.getppid()) + ((self.trusted_pid,) if self.trusted_pid is not None else ())
            self.syscall_filters = {False: self.build_filter(protected), True: self.build_filter(())}
            self.counter_filter = self.build_counter()
        pid_namespace = bool(config.get("isolate", True)) and \
            self.sandbox.next_child_in_new_pid_namespace(self.own_pid_namespace)
        confined_r, confined_w = os.pipe()
        listener_r, listener_w = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.spawned = True
        pid = os.fork()
        if pid == 0:
            try:
                self.channel.sock.close()
                if self.starter is not None:
                    self.starter.close()
                for fd in (self.wake_r, self.wake_w, self.own_pid_namespace, confined_r, *self.starts.listeners()):
                    if fd is not None:
                        os.close(fd)
                listener_r.close()
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                isolation = self.sandbox.enter(config, pid_namespace=pid_namespace)
                # Before the filter that refuses sendmsg: the listener goes to this server, and no copy stays.
                listener = self.install_counter(self.counter_filter)
                if listener is not None:
                    socket.send_fds(listener_w, [b"L"], [listener])
                    os.close(listener)
                listener_w.close()
                isolation["seccomp"] = self.install_filter(self.syscall_filters[pid_namespace])
                # Still this server's code, before any of the submission's: what was set up.
                os.write(confined_w, json.dumps(isolation).encode())
                os.close(confined_w)
            except BaseException as exc:  # the sandbox could not be built: say so and stop
                try:
                    os.write(2, f"sandbox set-up failed: {exc}\n".encode())
                finally:
                    os._exit(71)
            from .serve import worker_main

            worker_main(fds[0])
        os.close(fds[0])
        os.close(confined_w)
        listener_w.close()
        granted = established(pid, confined_r, pid_namespace)
        try:  # sent before the report established() read to its end
            _, listeners, _, _ = socket.recv_fds(listener_r, 1, 1, socket.MSG_DONTWAIT)
        except OSError:
            listeners = []
        listener_r.close()
        for listener in listeners:
            self.starts.add(pid, listener, syscall_filter_count(pid))
        granted[Key.STARTS_COUNTED] = bool(listeners)
        own_uid = slot_uid if os.geteuid() == 0 else None
        self.children[pid] = (ident, pid_namespace, own_uid, granted["filesystem"])
        self.by_id[ident] = pid
        self.watched[pid] = (own_uid if not granted["seccomp"] else None, self.bounds.Allowance(
            memory_bytes=self.warm_bytes + int(config.get("memory_mb", 1024)) * 1024 * 1024,
            cpu_seconds=self.bounds.CPU_CORES * float(config.get(Key.CPU_SECONDS, 60)),
            tasks=self.sandbox.PROCESSES,
            scratch=None if granted["filesystem"] else config.get("scratch_dir"),
            scratch_bytes=int(config.get("scratch_mb", 64)) * 1024 * 1024))
        self.channel.send({ServerReply.SPAWNED: ident, Key.PID: pid, Key.GRANTED: granted})

    def kill(self, ident) -> None:
        pid = self.by_id.get(ident)
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGKILL)  # in its own PID namespace, this ends everything it started
        except OSError:
            pass
        _, pid_namespace, uid, _ = self.children[pid]
        if not pid_namespace:
            _kill_leftovers(pid, uid)

    def reap(self) -> None:
        while True:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.trusted_pid:
                self.trusted_reaped = True
            if pid not in self.children:  # the trusted child, or an orphan a worker left (killed, or now reaped)
                continue
            ident, pid_namespace, uid, own_filesystem = self.children.pop(pid)
            self.by_id.pop(ident, None)
            self.watched.pop(pid, None)
            bound = self.bound_passed.pop(pid, None)
            cpu = max(usage.ru_utime + usage.ru_stime, self.session_cpu.pop(pid, 0.0))
            self.last_tasks.pop(pid, None)
            self.pss_pace.pop(pid, None)
            started = self.starts.started.get(pid)
            self.starts.drop(pid)
            if not pid_namespace:
                _kill_leftovers(pid, uid)
            if not own_filesystem and uid is not None:
                _remove_files_of(uid)
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
            sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
            self.channel.send({ServerReply.EXITED: ident, Key.CODE: code, Key.SIGNAL: sig,
                               Key.MAXRSS_KB: usage.ru_maxrss,
                               Key.CPU_SECONDS: round(cpu, 3), Key.BOUND: bound, Key.STARTED: started})

    def watch(self) -> None:
        """Stop every submission whose session passes a bound of :mod:`.bounds` (all its processes).

        The next watch is due :data:`.bounds.WATCH_SECONDS` after this one ends, not after it starts: a reading
        that took long (attack round 15) is not followed at once by another, ahead of every request waiting.
        """
        try:
            self._watch()
        finally:
            self.last_watch = time.monotonic()

    def _watch(self) -> None:
        if not self.watched:
            return
        usage = self.bounds.read_usage({pid: uid for pid, (uid, _) in self.watched.items()})
        for pid, (uid, allowance) in list(self.watched.items()):
            if pid in self.bound_passed:
                continue
            self.session_cpu[pid] = max(self.session_cpu.get(pid, 0.0), usage[pid].cpu_seconds)
            self.last_tasks[pid] = max(self.last_tasks.get(pid, 0), usage[pid].tasks)
            found = self.bounds.passed(usage[pid], allowance, self.pss_pace.setdefault(pid, self.bounds.PssPace()))
            if found is None:
                continue
            self.bound_passed[pid] = found
            self.bounds.kill_all([pid, *usage[pid].pids])
            _, pid_namespace, own_uid, _ = self.children[pid]
            if not pid_namespace:
                _kill_leftovers(pid, own_uid)

    def tasks(self, ident, serial) -> None:
        """Answer how many threads worker ``ident``'s session runs now, read here, outside the sandbox: the judge's
        evidence that no thread of the submission runs beside the one it asks (see Probe.threads_running)."""
        pid = self.by_id.get(ident)
        count = None
        if pid is not None and pid in self.watched:
            # The common case in three reads: the worker alone (one thread, no child), nothing else seen in its
            # session at the last watch, and no orphan reparented to this server, the subreaper (a process that
            # left the worker's children by a double fork since the last watch).
            mine = self.bounds.children_of(os.getpid())
            if self.bounds.alone(pid) and self.last_tasks.get(pid, 1) <= 1 and mine is not None \
                    and not mine - set(self.children) - {self.trusted_pid}:
                count = 1
            else:
                usage = self.bounds.read_usage({pid: self.watched[pid][0]})[pid]
                count = usage.tasks if usage.pids else None
        started = self.starts.count(pid, syscall_filter_count(pid)) if pid is not None else None
        self.channel.send({ServerReply.TASKS: ident, Key.THREADS: count, Key.STARTED: started, Key.NONCE: serial})

    def trusted(self, message: dict, fds: list[int]) -> None:
        """Fork the judge's own process from this warm one, and serve it from now on.

        ``module.function(payload, sock, info)`` runs in the child, which answers on the
        socket in ``fds``; ``sock`` is its connection to this server.  On one CPU (Gradescope)
        torch is then imported once, here, instead of once here and once in the judge.

        The child is forked before any worker exists, and workers are forked from this
        process, never from it: what the judge computes there (reference answers, hidden
        inputs) is in no worker's memory.  Only the judge's own process, holding the other end
        of this server's control socket, can ask for it, and only once: this server then
        takes no more requests on that socket, but watches it: when that process ends (or
        asks it to stop) the child is killed and this server stops, killing its workers, as
        it did when that process graded itself.
        """
        if len(fds) != 1 or self.trusted_pid is not None or self.spawned:
            for fd in fds:  # the caller reads the closed socket and says so
                os.close(fd)
            return
        import importlib

        from .channel import Channel

        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                self.channel.sock.close()
                ours.close()
                for fd in (self.wake_r, self.wake_w, self.own_pid_namespace):
                    if fd is not None:
                        os.close(fd)
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                answer = Channel(socket.socket(fileno=fds[0]))
                try:
                    # The payload comes from the judge's process itself, never through this server
                    # (whose memory every worker is forked from).
                    payload = answer.recv().get(Key.PAYLOAD) or {}
                    function = getattr(importlib.import_module(message[Key.MODULE]), message[Key.FUNCTION])
                    info = {**message.get(Key.INFO, {}), Key.VERSIONS: self.versions}
                    reply = {Key.OK: function(payload, theirs, info)}
                except BaseException as exc:  # the judge failed: its caller says so in results.json
                    reply = {Key.ERROR: f"{type(exc).__name__}: {exc}"}
                answer.send(reply)
            except BaseException:
                code = 70
            finally:
                os._exit(code)
        os.close(fds[0])
        theirs.close()
        self.trusted_pid = pid
        self.starter = self.channel.sock
        self.channel = Channel(ours)

    def run(self) -> None:
        while True:
            sock = self.channel.sock  # the judge's process, or the trusted child it handed over to
            listeners = self.starts.listeners()
            watched = [sock, self.wake_r, *listeners] + ([self.starter] if self.starter is not None else [])
            # While workers run, wake at least every WATCH_SECONDS to keep their bounds.
            wait = max(0.0, self.last_watch + self.bounds.WATCH_SECONDS - time.monotonic()) if self.watched else None
            ready, _, _ = select.select(watched, [], [], wait)
            for listener in listeners:  # first: a worker waits on each
                if listener in ready:
                    self.starts.answer(listener)
            if self.wake_r in ready:
                try:
                    os.read(self.wake_r, 4096)
                except BlockingIOError:
                    pass
                self.reap()
            if self.starter is not None and self.starter in ready:
                # The judge's process is gone (or, its answer in hand, says stop): nobody waits
                # for this grading any more.
                if not self.trusted_reaped:
                    try:
                        os.kill(self.trusted_pid, signal.SIGKILL)
                    except OSError:
                        pass
                return
            if sock in ready:
                try:
                    message, fds = self.channel.recv_with_fds()
                except (EOFError, OSError):
                    return
                op = message.get(Key.OP)
                if op == ServerOp.SPAWN:
                    self.spawn(message, fds)
                elif op == ServerOp.TRUSTED:
                    self.trusted(message, fds)
                elif op == ServerOp.KILL:
                    self.kill(message.get(Key.ID))
                elif op == ServerOp.TASKS:
                    self.tasks(message.get(Key.ID), message.get(Key.NONCE))
                elif op == ServerOp.SHUTDOWN:
                    return
                else:
                    for fd in fds:
                        os.close(fd)
                self.reap()
            # After the requests that were waiting: a spawn, a kill or the judge's thread count is answered first
            if self.watched and time.monotonic() - self.last_watch >= self.bounds.WATCH_SECONDS:
                self.watch()


def main(argv: list[str]) -> None:
    control = socket.socket(fileno=int(argv[1]))
    os.umask(0o022)
    # No collections while torch loads: its import makes a million objects, and each full collection the allocations
    # set off walks them all, cycles none (0.06 s of the 0.9 s warm-up on one CPU, Gradescope's case).  The one
    # collection below finds what cycles the warm-up left.
    gc.disable()
    versions = warm_up(training=WARM_TRAINING in argv[2:])
    # Keep the warm heap out of the collector: a collection in a worker would touch
    # every object and copy each page the fork shares with this process.
    gc.collect()
    gc.freeze()
    gc.enable()  # (every fork collects its own garbage: a submission's cycles are bounded by its memory limit)
    server = Server(control)
    server.versions = versions
    server.channel.send({ServerReply.READY: True, Key.PID: os.getpid(), Key.VERSIONS: versions})
    try:
        server.run()
    finally:
        for ident, *_ in list(server.children.values()):
            server.kill(ident)


if __name__ == "__main__":
    main(sys.argv)
    # Nothing is left to flush: skip the interpreter's teardown of torch's modules, which the
    # judge would wait for (a fifth of a second, on one CPU).
    os._exit(0)
