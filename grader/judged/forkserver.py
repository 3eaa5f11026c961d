"""A warm interpreter that forks one sandboxed worker per submission.

Started by the judge as ``python -m grader.judged.forkserver FD``: it imports
torch once, warms it up, and then, for each ``spawn`` request, forks

* a *supervisor* (trusted: it never runs submission code) that takes new
  namespaces where the OS allows, becomes a child subreaper, forks the worker,
  waits for it, and kills whatever the worker left behind;
* the *worker*, which confines itself (:mod:`.sandbox`) and serves the judge on
  the socket it was handed (:mod:`.serve`).

This process imports nothing of the judge: no checks, no reference solution,
no hidden input exists in the memory a worker is forked from.

Control messages (length-prefixed JSON on FD):

* ``{"op": "spawn", "id", "config"}`` + one fd (the worker's end of its socket)
  -> ``{"spawned": id, "pid", "inner", "isolation"}`` or ``{"spawn_failed": id, "error"}``
* ``{"op": "kill", "id"}``: kill that worker and everything it started
* -> ``{"exited": id, "code", "signal", "maxrss_kb", "cpu_seconds"}`` when a supervisor ends
* ``{"op": "shutdown"}``
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sys


def warm_up() -> dict:
    """Import and exercise what submissions use, so that each fork starts warm."""
    import math  # noqa: F401
    import random  # noqa: F401

    import numpy  # noqa: F401
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    from . import cells, channel, handler, probe, sandbox, serve, wire  # noqa: F401

    model = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Flatten(), torch.nn.Linear(32, 1))
    probe.LocalProbe({"m": lambda: model, "f": lambda x: F.conv2d(x[None, None], x[None, None])}).model(
        "m", (), (1, 1, 8, 8))
    probe.LocalProbe({"f": lambda x: (x * x).sum()}).call("f", torch.ones(2, 2), trace=True)
    wire.encode(torch.zeros(3))
    return {"python": sys.version.split()[0], "torch": torch.__version__, "numpy": numpy.__version__}


def _descendants(pid: int) -> list[int]:
    """Every living process below ``pid`` (Linux /proc; empty elsewhere)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children") as f:
                    kids = [int(k) for k in f.read().split()]
            except (OSError, ValueError):
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def _kill_tree(pid: int) -> None:
    for child in _descendants(pid):
        try:
            os.kill(child, signal.SIGKILL)
        except OSError:
            pass


def supervise(config: dict, conn_fd: int, report_fd: int) -> None:
    """The supervisor: never returns; exits with the worker's status (128 + signal when killed)."""
    from . import sandbox
    from .serve import worker_main

    granted = sandbox.isolate_namespaces() if config.get("isolate", True) else {}
    try:
        sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    except OSError:
        pass
    inner = os.fork()
    if inner == 0:
        os.close(report_fd)
        try:
            isolation = sandbox.enter(config, granted)
        except BaseException as exc:  # the sandbox could not be built: say so and stop
            try:
                os.write(2, f"sandbox set-up failed: {exc}\n".encode())
            finally:
                os._exit(71)
        worker_main(conn_fd, isolation)
    os.close(conn_fd)
    os.write(report_fd, json.dumps({"inner": inner, "granted": granted}).encode())
    os.close(report_fd)

    def stop(signum, frame):
        try:
            os.kill(inner, signal.SIGKILL)
        except OSError:
            pass
        _kill_tree(os.getpid())

    signal.signal(signal.SIGTERM, stop)
    status, worker_done = 0, False
    while True:
        try:
            pid, st = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid == inner:
            status, worker_done = st, True
        if worker_done:
            # Outside a PID namespace, what the worker started was re-parented to us
            # (we are a subreaper): kill it until nothing is left to wait for.
            _kill_tree(os.getpid())
    if os.WIFSIGNALED(status):
        os._exit(128 + os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


class Server:
    def __init__(self, control: socket.socket):
        from .channel import Channel

        self.channel = Channel(control)
        self.children: dict[int, tuple[int, int]] = {}  # supervisor pid -> (id, inner pid)
        self.by_id: dict[int, int] = {}
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_w, False)
        signal.set_wakeup_fd(self.wake_w)
        signal.signal(signal.SIGCHLD, lambda *a: None)

    def spawn(self, message: dict, fds: list[int]) -> None:
        ident = message.get("id")
        if len(fds) != 1:
            for fd in fds:
                os.close(fd)
            self.channel.send({"spawn_failed": ident, "error": "expected one socket"})
            return
        report_r, report_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(report_r)
                self.channel.sock.close()
                os.close(self.wake_r)
                os.close(self.wake_w)
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                supervise(message.get("config", {}), fds[0], report_w)
            finally:
                os._exit(72)
        os.close(fds[0])
        os.close(report_w)
        data = b""
        while True:
            ready, _, _ = select.select([report_r], [], [], 10)
            if not ready:
                break
            try:
                chunk = os.read(report_r, 4096)
            except InterruptedError:
                continue
            if not chunk:
                break
            data += chunk
        os.close(report_r)
        try:
            report = json.loads(data)
        except ValueError:
            report = {"inner": None, "granted": {}}
        self.children[pid] = (ident, report.get("inner"))
        self.by_id[ident] = pid
        self.channel.send({"spawned": ident, "pid": pid, "inner": report.get("inner"),
                           "granted": report.get("granted", {})})

    def kill(self, ident) -> None:
        pid = self.by_id.get(ident)
        if pid is None:
            return
        _, inner = self.children.get(pid, (None, None))
        for target, sig in ((inner, signal.SIGKILL), (pid, signal.SIGTERM)):
            if target:
                try:
                    os.kill(target, sig)
                except OSError:
                    pass

    def reap(self) -> None:
        while True:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            ident, _ = self.children.pop(pid, (None, None))
            self.by_id.pop(ident, None)
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
            sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
            if code is not None and code > 128:
                code, sig = None, code - 128
            self.channel.send({"exited": ident, "code": code, "signal": sig, "maxrss_kb": usage.ru_maxrss,
                               "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3)})

    def run(self) -> None:
        sock = self.channel.sock
        while True:
            ready, _, _ = select.select([sock, self.wake_r], [], [])
            if self.wake_r in ready:
                try:
                    os.read(self.wake_r, 4096)
                except BlockingIOError:
                    pass
                self.reap()
            if sock in ready:
                try:
                    message, fds = self.channel.recv_with_fds()
                except (EOFError, OSError):
                    return
                op = message.get("op")
                if op == "spawn":
                    self.spawn(message, fds)
                elif op == "kill":
                    self.kill(message.get("id"))
                elif op == "shutdown":
                    return
                self.reap()


def main(argv: list[str]) -> None:
    control = socket.socket(fileno=int(argv[1]))
    os.umask(0o022)
    versions = warm_up()
    server = Server(control)
    server.channel.send({"ready": True, "pid": os.getpid(), "versions": versions})
    try:
        server.run()
    finally:
        for pid, (_, inner) in list(server.children.items()):
            for target in (inner, pid):
                if target:
                    try:
                        os.kill(target, signal.SIGKILL)
                    except OSError:
                        pass


if __name__ == "__main__":
    main(sys.argv)
