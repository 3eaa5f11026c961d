"""The judge's side of isolation: a fork server, and a probe that talks to a sandboxed worker.

One :class:`ForkServerClient` per grading run imports torch once; every submission
then gets a fresh worker forked from it (see :mod:`grader.worker.forkserver`).
A :class:`SandboxProbe` owns one submission's worker: it sends the code, keeps
the time limits from outside, and when the worker dies or hangs it starts a
new one that skips the unit (cell or statement) that killed the last, so that one
bad unit or one hung function costs only itself.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..checkapi import wire
from ..checkapi.probe import Probe, ProbeTimedOut, ProtocolError
from ..checkapi.protocol import (Answer, Bound, Event, Key, ProbeOp, ServerOp, ServerReply, SubmissionKind, UnitStatus,
                                 WorkerOp)
from ..checkapi.verdict import code
from ..errors import SandboxError
from ..records import EventKind
from ..worker.channel import MAX_REPLY, Channel, ChannelClosed, Forged
from ..worker.cleanup import remove_tree
from ..worker.forkserver import WARM_TRAINING
from ..worker.sandbox import UID_BASE_ENV
from .submission import Submission

#: Extra seconds the judge waits beyond a limit the worker enforces itself.
GRACE = 1.0
#: The share of a submission's time budget kept for the checks: its cells together may use the rest.
#: Without it, three slow cells (training loops) used the whole budget and every answer scored 0.
CHECKS_SHARE = 0.25
#: Statements a unit record may name as skipped for a missing library (more: the unit is taken to have stopped at its
#: start, as a record the judge cannot read).
MAX_LEFT_OUT = 10_000
#: The variables of the judge's environment the fork server is given (and CNN_GRADER_*): what the
#: interpreter and its libraries need to start, nothing that names the judge's machine or secrets.
FORK_SERVER_ENVIRONMENT = frozenset({"PATH", "HOME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
                                     "LD_LIBRARY_PATH", "PYTHONHOME", "VIRTUAL_ENV"})


@dataclass(frozen=True)
class Limits:
    """What one submission may use."""

    timeout: float = 60.0
    """Wall-clock seconds for the whole submission: running its code and every probe."""
    probe_timeout: float = 5.0
    """Seconds for one probe: one function call (or batch of calls), or building and running one
    model.  A function or model that ran out of time once gets a quarter of it afterwards.
    At most ``timeout`` (a larger value is cut to it)."""
    unit_timeout: float = 20.0
    """Seconds for one notebook cell (or one top-level statement of a script); at most ``timeout``."""
    memory_mb: int = 1024
    """Address space the submission may add to the warm interpreter, in MiB."""
    scratch_mb: int = 64
    """Size of its private scratch file system, in MiB."""
    file_mb: int = 32
    """Largest file it may write, in MiB."""
    max_restarts: int = 8
    """How many times a worker that died or hung is replaced for one submission."""

    def __post_init__(self):
        # No probe and no cell may outlast the submission's whole budget, whoever made these limits
        # (the CLI, run_autograder, a library call).
        object.__setattr__(self, "probe_timeout", min(self.probe_timeout, self.timeout))
        object.__setattr__(self, "unit_timeout", min(self.unit_timeout, self.timeout))

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class WorkerExit:
    """How a worker ended, as its parent (the fork server) saw it."""

    code: int | None
    signal: int | None
    maxrss_kb: int
    cpu_seconds: float = 0.0
    """CPU seconds the worker and the children it reaped used."""
    bound: dict | None = None
    """``{"kind", "detail"}`` when the fork server stopped the submission for passing a bound on all its
    processes together (:mod:`grader.worker.bounds`)."""
    started: int | None = None
    """The threads and processes its session started, as the fork server counted them (None: not counted)."""

    @property
    def unit_status(self) -> UnitStatus:
        """How the unit (or probe) it ended in ended."""
        kind = (self.bound or {}).get("kind")
        return {Bound.MEMORY: UnitStatus.MEMORY, Bound.CPU: UnitStatus.TIMEOUT}.get(Bound.parse(kind),
                                                                                   UnitStatus.KILLED)

    @property
    def killed_from_outside(self) -> bool:
        """Killed by SIGKILL that neither the judge nor the fork server's bounds sent: the kernel's
        out-of-memory killer (which any process on the host can bring on), or the host's staff."""
        import signal as _signal

        return self.signal == _signal.SIGKILL and self.bound is None

    def describe(self) -> str:
        if self.bound:
            return str(self.bound.get("detail"))
        if self.signal:
            import signal as _signal

            try:
                name = _signal.Signals(self.signal).name
            except ValueError:
                name = f"signal {self.signal}"
            return f"killed by {name}"
        return f"exited with code {self.code}"


def runtime_out_of_reach() -> Path | None:
    """The first folder on the way to the Python runtime that other users cannot enter; None if there is none.

    A worker without a root file system of its own (no namespaces: Gradescope, ``CNN_GRADER_NAMESPACES=0``)
    runs as an unprivileged user and imports from the runtime in place: behind such a folder (a runtime
    under a 0700 ``/root``), every module the fork server had not imported is out of its reach, and a
    correct submission that imports one (numpy's ``secrets``, pandas' ``sysconfig``) fails.  On
    Gradescope, ``run_autograder`` opens the way (:func:`grader.judge.gradescope.prepare_container`).
    """
    import stat

    for prefix in sorted({sys.prefix, sys.base_prefix, sys.exec_prefix}):
        path = Path(prefix).resolve()
        for folder in [*reversed(path.parents), path]:
            try:
                if not folder.stat().st_mode & stat.S_IXOTH:
                    return folder
            except OSError:
                return folder
    return None


class ForkServerClient:
    """The judge's handle on the fork server (:class:`grader.worker.forkserver.Server`), the warm process
    that forks the workers: it starts the process and asks it for workers.  Thread-safe; one per grading run."""

    def __init__(self, *, isolate: bool | None = None, startup_timeout: float = 120.0, warm_training: bool = False,
                 uid_base: int | None = None):
        """Start the fork server process (without waiting for it: see :meth:`wait_ready`).

        ``uid_base``: the bottom of the slot uids the run claimed (:func:`grader.judge.uid_claim.claim`); None: the
        fork server takes CNN_GRADER_UID_BASE or the default, claimed by nobody (the tests' servers).

        ``warm_training``: the server also warms up torch's optimizers (:func:`grader.worker.forkserver.warm_up`),
        worth its 2 s once for a batch, where some submissions train a model.

        ``isolate=False`` (or CNN_GRADER_NAMESPACES=0) asks for no namespaces, as in a
        container that does not grant them: workers still run unprivileged and limited.
        """
        if isolate is None:
            isolate = os.environ.get("CNN_GRADER_NAMESPACES", "1") != "0"
        self.isolate = isolate
        self._lock = threading.Lock()
        self._cond = threading.Condition()
        self._replies: dict = {}
        self._exits: dict[int, WorkerExit] = {}
        self._next_id = 0
        self.base_dir = tempfile.mkdtemp(prefix="cnn-grader-")
        os.chmod(self.base_dir, 0o711)
        self.root_dir = os.path.join(self.base_dir, "root")
        os.mkdir(self.root_dir, 0o755)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        # MPLBACKEND: plots render off screen and plt.show() returns at once (the worker sets it
        # again after its sandbox clears the environment).
        # PYTHONPATH: the workers run the same grader as this judge (the copy it was imported from,
        # not whatever an installed distribution points at); -P keeps the fork server's working
        # folder (this run's private folder, with its log) off sys.path, where the sandbox would
        # have exposed it to every worker.
        package_root = str(Path(__file__).resolve().parents[2])
        # Only what the runtime needs: every worker is a copy of the fork server's memory, where the
        # environment's strings stay after the sandbox clears os.environ (a submission read the judge's
        # whole environment back through ctypes).
        env = {k: v for k, v in os.environ.items() if k in FORK_SERVER_ENVIRONMENT or k.startswith("CNN_GRADER_")}
        if uid_base is not None:
            env[UID_BASE_ENV] = str(uid_base)
        env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="Agg",
                   PYTHONPATH=os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p))
        # Its stderr (and a worker's, until the worker silences it) goes to a log file: a pipe
        # nobody reads could fill up and block a worker.
        self.log_path = os.path.join(self.base_dir, "forkserver.log")
        try:
            with open(self.log_path, "wb") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "-P", "-m", "grader.worker.forkserver", str(theirs.fileno()),
                     *([WARM_TRAINING] if warm_training else [])],
                    pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=log, env=env, cwd=self.base_dir)
        except OSError as exc:
            raise SandboxError(f"cannot start the worker process: {exc}") from None
        theirs.close()
        self.channel = Channel(ours)
        self._startup_deadline = time.monotonic() + startup_timeout
        self._ready = False
        self.versions: dict = {}
        self.pid = self.process.pid

    def wait_ready(self) -> None:
        """Wait until the fork server has imported torch and warmed up.

        Starting it returns at once, so that the judge can do its own warm-up meanwhile.
        """
        with self._lock:
            if self._ready:
                return
            try:
                ready = self.channel.recv(deadline=self._startup_deadline)
            except (ChannelClosed, TimeoutError, wire.WireError):
                self.process.kill()
                self.process.wait()
                try:
                    with open(self.log_path, "rb") as f:
                        err = f.read()[-2000:].decode(errors="replace").strip().splitlines()
                except OSError:
                    err = []
                raise SandboxError("the worker process did not start" + (f": {err[-1]}" if err else "")) from None
            self.versions = ready.get(Key.VERSIONS, {})
            self._start_reading()

    def _start_reading(self) -> None:
        """From now on, the fork server's messages are read by a thread of their own."""
        self._ready = True
        self._reader = threading.Thread(target=self._read_loop, name="forkserver-reader", daemon=True)
        self._reader.start()

    @classmethod
    def attached(cls, sock: socket.socket, info: dict) -> "ForkServerClient":
        """The client of a fork server that forked this process (see :meth:`run_trusted`).

        ``info`` is what the starting process knew of it (``base_dir``, ``root_dir``,
        ``isolate``) and its ``versions``.  There is no process to wait for: closing asks the
        server to stop; the starting process removes ``base_dir``.
        """
        self = cls.__new__(cls)
        self.isolate = bool(info.get("isolate", True))
        self._lock = threading.Lock()
        self._cond = threading.Condition()
        self._replies, self._exits, self._next_id = {}, {}, 0
        self.base_dir, self.root_dir = info["base_dir"], info["root_dir"]
        self.log_path = os.path.join(self.base_dir, "forkserver.log")
        self.channel = Channel(sock)
        self.process = None
        self.pid = os.getppid()
        self.versions = dict(info.get(Key.VERSIONS) or {})
        self._start_reading()
        return self

    def run_trusted(self, module: str, function: str, payload: dict, *, timeout: float) -> dict:
        """``module.function(payload, sock, info)`` in a child the warm fork server forks; its result.

        The child is the judge's own process, forked before any worker: it finds torch and
        everything the warm-up imported already loaded, so a grading that starts cold (one
        submission on Gradescope) imports torch once instead of twice.  It talks to the fork
        server over ``sock`` (``ForkServerClient.attached(sock, info)``), and from then on the fork
        server serves it instead of this process.  ``payload`` and the result are plain data;
        ``timeout``: seconds to wait for the result before giving up on the child.
        """
        self.wait_ready()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        info = {"base_dir": self.base_dir, "root_dir": self.root_dir, "isolate": self.isolate}
        with self._lock:
            try:
                self.channel.send({Key.OP: ServerOp.TRUSTED, Key.MODULE: module, Key.FUNCTION: function,
                                   Key.INFO: info}, fds=[theirs.fileno()])
            except OSError as exc:
                ours.close()
                raise SandboxError(f"the worker process is gone: {exc}") from None
            finally:
                theirs.close()
        try:
            # Straight to the child, never through the fork server: every worker is a copy of the
            # fork server's memory, and a message it once read stays in its freed heap (the payload
            # may hold the seed, which decides every hidden input).
            child = Channel(ours)
            child.send({Key.PAYLOAD: payload})
            reply = child.recv(deadline=time.monotonic() + timeout)
        except TimeoutError:
            raise SandboxError(f"the judge's process forked from the worker process gave no result in {timeout:g} s")\
                from None
        except (ChannelClosed, OSError, wire.WireError) as exc:
            raise SandboxError(f"the judge's process forked from the worker process died ({exc})") from None
        finally:
            ours.close()
        if Key.OK not in reply:
            raise SandboxError(f"the judge's process failed: {reply.get(Key.ERROR)}")
        return reply[Key.OK]

    def _read_loop(self) -> None:
        while True:
            try:
                message = self.channel.recv(max_size=MAX_REPLY)
            except (ChannelClosed, OSError, wire.WireError):
                with self._cond:
                    self._replies["closed"] = True
                    self._cond.notify_all()
                return
            with self._cond:
                if ServerReply.EXITED in message:
                    bound, started = message.get(Key.BOUND), message.get(Key.STARTED)
                    self._exits[message[ServerReply.EXITED]] = WorkerExit(
                        message.get(Key.CODE), message.get(Key.SIGNAL), int(message.get(Key.MAXRSS_KB) or 0),
                        float(message.get(Key.CPU_SECONDS) or 0.0), bound if isinstance(bound, dict) else None,
                        started if type(started) is int else None)
                elif ServerReply.TASKS in message:
                    self._replies[(ServerReply.TASKS, message[ServerReply.TASKS], message.get(Key.NONCE))] = message
                else:
                    key = message.get(ServerReply.SPAWNED, message.get(ServerReply.SPAWN_FAILED))
                    self._replies[key] = message
                self._cond.notify_all()

    def spawn(self, config: dict) -> tuple[int, socket.socket, dict]:
        """A new worker: its id, the judge's end of its socket, and what isolation the OS granted."""
        self.wait_ready()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            try:
                self.channel.send({Key.OP: ServerOp.SPAWN, Key.ID: ident, Key.CONFIG: config}, fds=[theirs.fileno()])
            except OSError as exc:
                raise SandboxError(f"the worker process is gone: {exc}") from None
            finally:
                theirs.close()
        with self._cond:
            if not self._cond.wait_for(lambda: ident in self._replies or "closed" in self._replies, timeout=60):
                raise SandboxError("the worker process did not answer a spawn request")
            if ident not in self._replies:
                raise SandboxError("the worker process died")
            reply = self._replies.pop(ident)
        if ServerReply.SPAWN_FAILED in reply:
            raise SandboxError(f"cannot start a worker: {reply.get(Key.ERROR)}")
        return ident, ours, reply.get(Key.GRANTED, {})

    def kill(self, ident: int) -> None:
        with self._lock:
            try:
                self.channel.send({Key.OP: ServerOp.KILL, Key.ID: ident})
            except OSError:
                pass

    def tasks(self, ident: int, timeout: float = 10.0) -> tuple[int | None, int | None]:
        """How many threads worker ``ident``'s session runs now, as the fork server reads them from /proc, and how
        many threads and processes it has started so far, as the fork server counted them (each None: the worker is
        gone, or nothing counted its starts).

        Raises:
            TimeoutError: no answer within ``timeout`` seconds (the fork server busy: attack round 15's
                smaps_rollup readings held it past 10 s).  Not "cannot tell": the caller says it could not ask.
        """
        with self._lock:
            self._next_id += 1  # a reply that came too late for an earlier question never answers this one
            serial = self._next_id
            try:
                self.channel.send({Key.OP: ServerOp.TASKS, Key.ID: ident, Key.NONCE: serial})
            except OSError:
                return None, None
        key = (ServerReply.TASKS, ident, serial)
        with self._cond:
            answered = self._cond.wait_for(lambda: key in self._replies or "closed" in self._replies, timeout=timeout)
            reply = self._replies.pop(key, None)
        if not answered:
            raise TimeoutError(f"the fork server gave no thread count within {timeout:g} s")
        reply = reply or {}
        count, started = reply.get(Key.THREADS), reply.get(Key.STARTED)
        return count if type(count) is int else None, started if type(started) is int else None

    def wait_exit(self, ident: int, timeout: float) -> WorkerExit | None:
        with self._cond:
            self._cond.wait_for(lambda: ident in self._exits or "closed" in self._replies, timeout=timeout)
            return self._exits.pop(ident, None)

    def close(self) -> None:
        with self._lock:
            try:
                self.channel.send({Key.OP: ServerOp.SHUTDOWN})
            except OSError:
                pass
        if self.process is None:  # attached: the process that started the server waits for it
            self.channel.sock.close()
            return
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.channel.sock.close()
        remove_tree(self.base_dir)

    def __enter__(self) -> "ForkServerClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


#: What a worker's count after its load is while it still loads (:meth:`SandboxProbe._end_worker`).
LOADING = object()


@dataclass
class RunLog:
    """What happened while one submission ran: the judge turns it into a status."""

    units: list[dict] = field(default_factory=list)
    """One record per unit: index, status (:class:`UnitStatus`), error."""
    events: list[dict] = field(default_factory=list)
    """Worker deaths, hangs, restarts: ``{"kind", "detail"}`` (kind: :class:`~grader.records.EventKind`)."""
    isolation: dict = field(default_factory=dict)
    maxrss_kb: int = 0
    """The largest resident set of any of its workers."""
    cpu_seconds: float = 0.0
    """The CPU seconds its workers (and the children they reaped) used, as the kernel accounts them."""
    outside_kills: int = 0
    """Workers killed by a SIGKILL nobody of the grader sent (see :attr:`WorkerExit.killed_from_outside`)."""
    restarts: int = 0
    forged: int = 0
    """Messages dropped because they answered no request (written into the socket by the submission)."""
    unanswered: int = 0
    """Thread counts the fork server did not give in time (:meth:`SandboxProbe.threads_running`)."""


class SandboxProbe(Probe):
    """A probe whose answers come from a sandboxed worker running one submission."""

    def __init__(self, server: ForkServerClient, submission: Submission, limits: Limits, *, slot: int = 0,
                 started: float | None = None, random_seed: int | None = None, read_code: tuple[str, ...] = ()):
        """``started``: when the submission's time budget began (default now).  ``random_seed``: what the worker
        seeds its default generators with before the submission's code runs (None: they stay as forked).
        ``read_code``: the digests of the written texts the judge read as code, the only ones the worker runs."""
        self.server, self.submission, self.limits, self.slot = server, submission, limits, slot
        self.random_seed, self.read_code = random_seed, list(read_code)
        self.source = submission.units
        self.place = submission.place
        self.log = RunLog()
        self.deadline = (time.monotonic() if started is None else started) + limits.timeout
        # unit index -> (how the worker's process ended in it, why): the unit is skipped on the next attempt
        self._unit_failures: dict[int, tuple[UnitStatus, str]] = {}
        # unit index -> (the top-level statement it stopped in, or None; those skipped for a missing library), over
        # every load of the submission: see statements_unsure
        self._unit_runs: dict[int, tuple[int | None, frozenset[int]]] = {}
        self._loads = 0
        self._hung: set[str] = set()  # names whose probes ran out of time
        self._worker: tuple[int, socket.socket, Channel] | None = None
        self._starts_counted = False  # whether the fork server counts the current worker's starts
        # What the ended workers started after their load, as the fork server counted them (None: one of them went
        # uncounted), and what the current one's load started
        self._ended_starts: int | None = 0
        self._loaded_starts: int | None = None
        self._scratch = os.path.join(server.base_dir, f"scratch-{slot}")
        # The trainings the worker answered with judge false (the judge's trainings before anything else: the
        # worker keeps each model), in order: a worker that replaces a dead one trains them again, in that order,
        # before anything else (see _retrain), so that each model is again built from the state torch's default
        # generator is in after the ones before it, as in the first worker, and again trained first.
        self._trained: list[dict] = []
        self._retraining = False

    def threads_running(self) -> bool | None:
        """Whether the worker's session runs more than its main thread, as the fork server counts its tasks in
        /proc, outside the sandbox (no worker now, or no answer: None, as a probe that cannot tell)."""
        count = self._tasks()[0]
        return None if count is None else count > 1

    def tasks_started(self) -> int | None:
        """How many threads and processes the submission's workers have started, every one it has had (a worker
        restarted after a probe exhausted its memory too), as the fork server counted them outside the sandbox (no
        count or no answer: None).  A worker is started first when none runs: a check that began with none was told
        "cannot count" (attack round 54 ended its worker after each answer, so every check began without one).  The
        ended workers count in full: a mark of the worker alone cost a correct notebook whose worker a probe left
        out of memory, restarted in the middle of a check."""
        if not self._a_worker():
            return None
        started = self._tasks()[1]
        if started is None or self._ended_starts is None or type(self._loaded_starts) is not int:
            return None
        return self._ended_starts + started - self._loaded_starts

    def starts_counted(self) -> bool:
        """Whether the fork server counts the starts of the worker running the submission (one is started when
        none runs): its seccomp listener reached the fork server (syscall_filter.build_counter)."""
        return self._a_worker() and self._starts_counted

    def _a_worker(self) -> bool:
        """Whether a worker runs the submission, started now if none does and the budget allows."""
        if self._worker is None and self.log.restarts <= self.limits.max_restarts \
                and time.monotonic() <= self.deadline:
            self.start()
        return self._worker is not None

    def _tasks(self) -> tuple[int | None, int | None]:
        if self._worker is None:
            return None, None
        try:
            return self.server.tasks(self._worker[0])
        except TimeoutError:
            # "Cannot tell" costs the checks that ask (a thread module imported anywhere counts), and here it was
            # not the submission's doing alone: a neighbour may have held the fork server.  Recorded, so that the
            # row is never "ok" with those points lost (grading.grade, batch.a_neighbour_may_have_cost).
            self.log.unanswered += 1
            return None, None

    # -- worker lifecycle --------------------------------------------------
    def _config(self) -> dict:
        cpu = int(self.limits.timeout) + 2
        return {"slot": self.slot, "isolate": self.server.isolate, "root_dir": self.server.root_dir,
                "scratch_dir": self._scratch, "scratch_mb": self.limits.scratch_mb,
                "memory_mb": self.limits.memory_mb, "file_mb": self.limits.file_mb, Key.CPU_SECONDS: cpu}

    def _end_worker(self, *, kill: bool) -> WorkerExit | None:
        if self._worker is None:
            return None
        ident, sock, channel = self._worker
        self._worker = None
        counted, self._starts_counted = self._starts_counted, False
        if kill:
            self.server.kill(ident)
        else:
            try:
                channel.send({Key.OP: WorkerOp.EXIT})
            except OSError:
                pass
        outcome = self.server.wait_exit(ident, timeout=5)
        if outcome is None:  # it would not go: kill it
            self.server.kill(ident)
            outcome = self.server.wait_exit(ident, timeout=5)
        sock.close()
        remove_tree(self._scratch)  # whatever the submission left there, at any depth
        if outcome:
            self.log.maxrss_kb = max(self.log.maxrss_kb, outcome.maxrss_kb)
            self.log.cpu_seconds += outcome.cpu_seconds
        if counted:
            final = outcome.started if outcome is not None else None
            loaded, self._loaded_starts = self._loaded_starts, None
            if loaded is not LOADING:
                self._ended_starts = None if final is None or loaded is None or self._ended_starts is None \
                    else self._ended_starts + final - loaded
        return outcome

    def _died(self) -> WorkerExit | None:
        """End the worker whose connection closed by itself (it died): how it ended."""
        outcome = self._end_worker(kill=True)
        if outcome is not None and outcome.killed_from_outside:
            self.log.outside_kills += 1
        return outcome

    def start(self) -> None:
        """Start a worker and run the submission's code in it, skipping units that killed earlier attempts."""
        while True:
            if time.monotonic() > self.deadline:
                self._note(EventKind.TIMEOUT,
                           f"the time budget of {self.limits.timeout:g} s ran out while the code ran")
                if not self.log.units:
                    # The units that ended attempts are the ones to name; the others were not at fault.
                    self.log.units = [
                        {Key.INDEX: i, Key.STATUS: self._unit_failures[i][0], Key.ERROR: self._unit_failures[i][1]}
                        if i in self._unit_failures else
                        {Key.INDEX: i, Key.STATUS: UnitStatus.SKIPPED if self._unit_failures else UnitStatus.TIMEOUT,
                         Key.ERROR: "not run again: the time budget ran out"}
                        for i in range(len(self.submission.units))]
                return
            ident, sock, granted = self.server.spawn(self._config())
            channel = Channel(sock)
            self._worker = (ident, sock, channel)
            self._starts_counted = granted.get(Key.STARTS_COUNTED) is True
            self._loaded_starts = LOADING  # a worker that ends in its load started nothing a check watched
            nonce = secrets.token_hex(16)
            try:
                channel.send({Key.OP: WorkerOp.LOAD, Key.KIND: self.submission.kind,
                              Key.UNITS: list(self.submission.units), Key.TIME_LIMIT: self.limits.unit_timeout,
                              Key.CODE_TIME_LIMIT: max(self.deadline - time.monotonic()
                                                       - CHECKS_SHARE * self.limits.timeout, 0.0),
                              Key.SKIP: sorted(self._unit_failures), Key.RANDOM_SEED: self.random_seed,
                              Key.READ_CODE: self.read_code,
                              Key.NONCE: nonce})
            except OSError:
                pass  # it died at once: _await_load reads the closed socket and says so
            current, failure = self._await_load(channel, granted, nonce)
            if failure is None:
                # What its load started (the submission's top level, run again by a worker started in the middle of
                # a check) is not counted against the checks when all of it has ended: it did, by then, what
                # sequential code would have done.  A load that leaves a thread or process running is charged in
                # full: one started again in the middle of a check could run the check's code out of sight and end
                # before the watch's end looks (the gap dca5412 left open).
                self._loaded_starts = None
                if self._starts_counted:
                    running, loaded = self._tasks()
                    self._loaded_starts = loaded if running == 1 or loaded is None else 0
                if self._trained and not self._retraining:
                    self._retrain()
                return
            # The worker is gone.  Skip the unit it died in and start again.
            self.log.restarts += 1
            if failure[0] == UnitStatus.MEMORY and current is None and self.log.restarts <= self.limits.max_restarts:
                self._note(EventKind.MEMORY, "; ".join(f"{_unit_name(self.submission, i)}: {e}"
                                                       for i, (k, e) in sorted(self._unit_failures.items())
                                                       if k == UnitStatus.MEMORY))
                continue
            if current is None or current in self._unit_failures or self.log.restarts > self.limits.max_restarts:
                self._note(EventKind(failure[0]), f"the code could not be run: {failure[1]}")
                if not self.log.units:
                    self.log.units = [{Key.INDEX: i, Key.STATUS: failure[0], Key.ERROR: failure[1]}
                                      for i in range(max(len(self.submission.units), 1))]
                return
            self._unit_failures[current] = failure
            self._note(EventKind(failure[0]), f"{_unit_name(self.submission, current)}: {failure[1]}")

    def _receive(self, channel: Channel, nonce: str, deadline: float) -> dict:
        """The next message that answers the request carrying ``nonce``; others are forgeries, dropped."""
        while True:
            try:
                message = channel.recv(deadline=deadline, nonce=nonce, max_size=MAX_REPLY)
            except Forged:  # skipped unparsed: its header carried another nonce
                self.log.forged += 1
                continue
            if message.get(Key.NONCE) == nonce:
                return message
            self.log.forged += 1

    def _await_load(self, channel: Channel, granted: dict,
                    nonce: str) -> tuple[int | None, tuple[UnitStatus, str] | None]:
        """Follow the worker through the units; (unit it was in, failure) when it dies or hangs."""
        current = None
        while True:
            limit = min(self.deadline, time.monotonic() + self.limits.unit_timeout + GRACE)
            try:
                message = self._receive(channel, nonce, limit)
            except TimeoutError:
                self._end_worker(kill=True)
                return current, (UnitStatus.TIMEOUT, f"did not finish within {self.limits.unit_timeout:g} s and "
                                                     "ignored the interrupt, so its process was killed")
            except wire.WireError as exc:
                self._end_worker(kill=True)
                return current, (UnitStatus.KILLED, f"it sent malformed data ({exc}), so its process was killed")
            except (ChannelClosed, OSError):
                outcome = self._died()
                if outcome is not None and outcome.bound:
                    return current, (outcome.unit_status, outcome.describe())
                return current, (UnitStatus.KILLED,
                                 f"its process died ({outcome.describe() if outcome else 'vanished'})")
            if message.get(Key.EVENT) == Event.UNIT and type(message.get(Key.INDEX)) is int:
                current = message[Key.INDEX]
                continue
            if type(message.get(Key.LOADED)) is list:
                records = self._valid_records(message[Key.LOADED])
                hogs = [r for r in records
                        if r[Key.STATUS] == UnitStatus.MEMORY and r[Key.INDEX] not in self._unit_failures]
                if hogs:
                    # A cell that ran out of memory, or keeps most of it, starves every later cell
                    # and probe: start again without it.  Only the first: the cells after it were
                    # measured with its memory still held.
                    self._end_worker(kill=True)
                    self._unit_failures[hogs[0][Key.INDEX]] = (UnitStatus.MEMORY,
                                                               hogs[0][Key.ERROR] or "out of memory")
                    return None, (UnitStatus.MEMORY, "restart without the cell that holds the memory")
                for r in records:  # a unit skipped (or run again after a memory restart): how it ended before
                    if r[Key.INDEX] in self._unit_failures:
                        r[Key.STATUS], r[Key.ERROR] = self._unit_failures[r[Key.INDEX]]
                self._note_runs(message[Key.LOADED], records)
                self.log.units = records
                self.log.isolation = _isolation(granted)
                return current, None
            self._end_worker(kill=True)
            return current, (UnitStatus.KILLED, "it sent an unexpected message, so its process was killed")

    def _valid_records(self, records: list) -> list[dict]:
        """The well-formed unit records of a worker's LOADED report (anything else there is dropped).

        At most one per unit the worker was asked to run, the first of each: the report is the submission's to
        forge, and 100,000 records for a one-statement script were all kept (attack round 15: 20 MB of grades.json
        a row).  A notebook's units are its cells; a script's, its top-level statements, which the judge counted
        when it read the file (:attr:`Submission.labels`) as the worker splits them.
        """
        out = []
        sent = max(len(self.submission.units), len(self.submission.labels))
        seen: set[int] = set()
        for r in records:
            if len(seen) == sent:
                break
            if type(r) is not dict or type(r.get(Key.INDEX)) is not int or r[Key.INDEX] in seen \
                    or not 0 <= r[Key.INDEX] < sent:
                continue
            status = UnitStatus.parse(r.get(Key.STATUS))
            if status is None or not status.sent_by_worker:
                continue
            index = r[Key.INDEX]
            where = self.submission.place(str(r[Key.WHERE])[:100], within=index) if r.get(Key.WHERE) else None
            error = str(r[Key.ERROR])[:500] if r.get(Key.ERROR) is not None else None
            if error is not None and status in (UnitStatus.ERROR, UnitStatus.SYNTAX):
                error = code(error)  # the submission's own exception message: shown literally
            seen.add(index)
            out.append({Key.INDEX: index, Key.STATUS: status,
                        Key.ERROR: error + (f" ({where})" if where else "") if error is not None else None})
        return out

    def _note_runs(self, sent: list, records: list[dict]) -> None:
        """Add a load's word on which top-level statements of each unit may not have run to their end.

        The worker's records say where a unit stopped (``stopped_in``) and what it skipped (``left_out``); a unit
        with no such word that did not end ``ok`` (but for an ``error`` that is only a skip), one that did not
        compile, one the judge itself ended or skipped, and one with no record are taken to have stopped before their
        first statement.  Over loads, the earliest stop and every skip count: a worker started again in the middle of
        the checks ran the units anew, and its run may differ."""
        by_index: dict[int, dict] = {}
        for r in sent:  # (the first of each unit's, as _valid_records keeps)
            if type(r) is dict and type(r.get(Key.INDEX)) is int:
                by_index.setdefault(r[Key.INDEX], r)
        statuses = {r[Key.INDEX]: r[Key.STATUS] for r in records}
        for index in range(max(len(self.submission.units), len(self.submission.labels), 1)):
            status, word = statuses.get(index), by_index.get(index, {})
            stopped, left = word.get(Key.STOPPED_IN), word.get(Key.LEFT_OUT, [])
            # (a unit that does not compile ran none of its statements, though the reader's parse may read them:
            # top-level `await`, a misplaced `from __future__`, attack round 175)
            if status not in (UnitStatus.OK, UnitStatus.ERROR, UnitStatus.TIMEOUT) or index in self._unit_failures:
                stopped, left = 0, []
            elif stopped is None:
                # (an error with no stop is a cell whose only trouble was a missing library's skip: it ran to its end
                # but for the statements left out, fairness round 108)
                stopped = None if status == UnitStatus.OK or status == UnitStatus.ERROR and left else 0
            elif type(stopped) is not int or stopped < 0:
                stopped = 0
            if type(left) is not list or len(left) > MAX_LEFT_OUT or any(type(i) is not int or i < 0 for i in left):
                stopped, left = 0, []
            before, skipped = self._unit_runs.get(index, (None, frozenset()))
            if before is not None:
                stopped = before if stopped is None else min(before, stopped)
            self._unit_runs[index] = (stopped, skipped | frozenset(left))
        self._loads += 1

    def statements_unsure(self) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
        """Which top-level statements of the judge's units (``source``) may not have run to their end, as
        ``(unit, stopped, skipped)``: the statements from index ``stopped`` on (-1: none) and those listed.  A worker
        is started first when none has loaded; when none could, every statement of every unit is."""
        if not self._loads:
            self._a_worker()
        if not self._loads:
            return tuple((index, 0, ()) for index in range(len(self.source)))
        if self.submission.kind == SubmissionKind.SCRIPT:  # the worker's units are the script's statements
            unsure = tuple(index for index, (stopped, skipped) in sorted(self._unit_runs.items())
                           if stopped is not None or skipped)
            return ((0, -1, unsure),) if unsure else ()
        return tuple((index, -1 if stopped is None else stopped, tuple(sorted(skipped)))
                     for index, (stopped, skipped) in sorted(self._unit_runs.items())
                     if stopped is not None or skipped)

    def _note(self, kind: EventKind, detail: str) -> None:
        self.log.events.append({"kind": kind, "detail": detail})

    def close(self) -> None:
        self._end_worker(kill=False)

    # -- the probe transport -------------------------------------------------
    def send(self, request: dict) -> dict:
        if time.monotonic() > self.deadline:
            raise ProbeTimedOut(None)
        if self._worker is None:
            if self.log.restarts > self.limits.max_restarts:
                raise ProtocolError("not run: the submission's worker was restarted too many times")
            if self._retraining:
                raise ProtocolError("not run: the worker died while the trainings were done again")
            self.start()
            if self._worker is None:
                raise ProbeTimedOut(None) if time.monotonic() > self.deadline else \
                    ProtocolError("not run: the submission's code could not be run")
        _, _, channel = self._worker
        given = request
        nonce = secrets.token_hex(16)
        name = request.get(Key.NAME)
        time_limit = self.limits.probe_timeout
        if name in self._hung:
            # It already ran out of time once: our inputs are small enough that correct code
            # answers in milliseconds, so a quarter of the limit is still plenty.
            time_limit = max(0.25, time_limit / 4)
        request = {**request, Key.TIME_LIMIT: time_limit, Key.NONCE: nonce}
        limit = min(self.deadline, time.monotonic() + time_limit + GRACE)
        try:
            channel.send(request)
            answer = self._receive(channel, nonce, limit)
            if Answer.TIMEOUT in answer:
                self._hung.add(name)
            elif Answer.OK in answer and given.get(Key.OP) == ProbeOp.TRAIN and given.get(Key.JUDGE) is False \
                    and not self._retraining:
                self._trained.append(given)
            if answer.get(Key.MEMORY_EXHAUSTED) or _out_of_memory(answer):
                # What it allocated stays allocated: later probes get a fresh worker.
                self._end_worker(kill=True)
                self.log.restarts += 1
                self._note(EventKind.MEMORY, f"a probe of `{request.get(Key.NAME)}` left the worker out of memory")
            return answer
        except TimeoutError:
            self._end_worker(kill=True)
            self.log.restarts += 1
            self._hung.add(name)
            self._note(EventKind.TIMEOUT, f"a probe of `{name}` ran past its limit and was killed")
            return {Answer.TIMEOUT: time_limit}
        except (ChannelClosed, OSError) as exc:
            outcome = self._died()
            self.log.restarts += 1
            why = outcome.describe() if outcome else str(exc)
            kind = EventKind(outcome.unit_status) if outcome is not None else EventKind.KILLED
            self._note(kind, f"the process died while answering about `{request.get(Key.NAME)}`: {why}")
            # the bound that stopped it, if any, is how the probe ended (a session past its memory during a probe
            # ends the submission with status memory, as during its cells)
            return {Answer.CRASHED: f"{why}", Key.STATUS: (outcome.unit_status if outcome is not None
                                                           else UnitStatus.KILLED).value}
        except wire.WireError as exc:
            self._end_worker(kill=True)
            self.log.restarts += 1
            self._note(EventKind.PROTOCOL, f"malformed answer about `{request.get(Key.NAME)}`: {exc}")
            raise ProtocolError(f"the answer could not be read: {exc}") from None

    def _retrain(self) -> None:
        """In a worker that replaces a dead one: the trainings the dead one answered, again, in their order
        (:attr:`_trained`).  Their answers were read already; a training that fails now ends the worker again."""
        self._retraining = True
        try:
            for request in self._trained:
                answer = self.send(request)
                if Answer.OK not in answer or self._worker is None:
                    break
            else:
                return
        except (ProbeTimedOut, ProtocolError):
            pass
        finally:
            self._retraining = False
        # A training that was answered once and fails now: this worker is no use either, and it counts as a
        # restart (bounded by max_restarts), so that a submission cannot make every request start another.  One that
        # died, ran out of time or of memory doing it was ended, counted and noted as what it was by send (a memory
        # bound is the row's status, not a kill: the fresh-clone rehearsal of 07:18).
        if self._worker is not None:
            self._end_worker(kill=True)
            self.log.restarts += 1
            self._note(EventKind.KILLED, "the worker that replaced a dead one could not train the models again")


def _out_of_memory(answer: dict) -> bool:
    items = answer.get(Answer.CALLS) if isinstance(answer.get(Answer.CALLS), list) else [answer]
    return any(isinstance(a, dict) and isinstance(a.get(Answer.RAISED), dict)
               and a[Answer.RAISED].get(Key.TYPE) == "MemoryError" for a in items)


def _unit_name(submission: Submission, index: int) -> str:
    return submission.label(index)


#: The isolation layers ``grades.json`` records for each submission (README, "How grading is isolated").
ISOLATION_LAYERS = ("pid", "mount", "network", "user", "filesystem", "landlock", "seccomp")


def _isolation(granted: dict) -> dict:
    """Which isolation layers held, as the fork server established them before the submission ran.

    Never from the worker's own messages: the submission's code could forge those.
    """
    return {k: granted.get(k) is True for k in ISOLATION_LAYERS}
