"""The seccomp filter, tried from inside real workers, with and without namespaces.

Each submission here attacks from the inside and keeps what happened in a
global the test reads through the probe; the judge's side (listeners, the
isolation record) is checked from outside.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from grader.judge.engine import ForkServerClient, Limits, SandboxProbe
from grader.judge.submission import Source, load
from grader.worker import syscall_filter
from grader.worker.forkserver import established
from tests.conftest import ROOT, as_user, needs_root, open_scratch

pyseccomp = pytest.importorskip("pyseccomp", reason="the filter needs pyseccomp and libseccomp (CI has both)")

pytestmark = pytest.mark.sandbox

LIMITS = Limits(timeout=30, probe_timeout=5, unit_timeout=10)


@pytest.fixture(scope="module")
def without_namespaces():
    with ForkServerClient(isolate=False) as fs:
        yield fs


@pytest.fixture(params=["namespaces", "no namespaces"])
def any_server(request, server, without_namespaces):
    """Every test runs against workers with namespaces (root) and without (as on Gradescope)."""
    return server if request.param == "namespaces" else without_namespaces


def run_in_worker(fork_server, tmp_path, code: str, name: str = "attacks", *, slot: int = 0):
    """Run ``code`` as a submission; the value of its global ``name`` and the run's log."""
    path = tmp_path / f"submission_{secrets.token_hex(4)}.py"
    path.write_text(code)
    probe = SandboxProbe(fork_server, load(Source(path)), LIMITS, slot=slot)
    try:
        probe.start()
        return probe.value(name), probe.log
    finally:
        probe.close()


def syscall_header() -> str:
    """Python source giving the submission a raw ``syscall(name, *args) -> (result, errno)``."""
    numbers = {call: pyseccomp.resolve_syscall(pyseccomp.Arch.NATIVE, call)
               for rule in syscall_filter.RULES for call in rule.calls}
    return f'''
import ctypes, os
NUMBERS = {json.dumps({k: v for k, v in numbers.items() if v >= 0})}
_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long
def syscall(name, *args):
    ctypes.set_errno(0)
    result = _libc.syscall(ctypes.c_long(NUMBERS[name]), *[ctypes.c_long(a) for a in args])
    if result == 0 and name == "clone":  # the filter failed and this is the child: leave at once
        os._exit(0)
    return [result, ctypes.get_errno()]
'''


def conditional_args(protected: tuple[int, ...]) -> dict:
    """Arguments that meet a conditional rule's condition (the filter refuses them).

    Signals are 0 (a check of the right to signal, which sends nothing), so a filter that failed harms no one.
    A negative pid both sign-extended to 64 bits (-1) and not (0xFFFFFFFF): the kernel reads an int either way.
    ``protected``: the fork server's and the judge's pids, for a worker without a PID namespace (in its own, it
    cannot name them, and the filter protects no number there).
    """
    return {**CONDITIONAL_ARGS, "foreign signal targets": {
        "kill": [(-1, 0), (0xFFFFFFFF, 0), (-os.getpgid(0), 0), *((pid, 0) for pid in protected)],
        "tkill": [(-1, 0), *((pid, 0) for pid in protected)],
        "tgkill": [(-1, 1, 0), (1, -1, 0), *((pid, pid, 0) for pid in protected), *((1, pid, 0) for pid in protected)],
        "rt_sigqueueinfo": [(-1, 0, 0), *((pid, 0, 0) for pid in protected)],
        "rt_tgsigqueueinfo": [(-1, 1, 0, 0), *((pid, pid, 0, 0) for pid in protected)],
    }, "signal owner": {
        "fcntl": [(0, syscall_filter.F_SETOWN, -1), (0, syscall_filter.F_SETOWN, -os.getpgid(0)),
                  *((0, syscall_filter.F_SETOWN, pid) for pid in protected), (0, syscall_filter.F_SETOWN_EX, 0)],
        "ioctl": [(0, syscall_filter.FIOSETOWN, 0), (0, syscall_filter.SIOCSPGRP, 0)],
    }}


CONDITIONAL_ARGS = {
    "not AF_UNIX stream": {"socket": [(socket.AF_INET, socket.SOCK_STREAM, 0),
                                      (socket.AF_NETLINK, socket.SOCK_RAW, 0),
                                      (socket.AF_UNIX, socket.SOCK_DGRAM, 0)],
                           "socketpair": [(socket.AF_UNIX, socket.SOCK_DGRAM, 0, 0),
                                          (socket.AF_INET, socket.SOCK_STREAM, 0, 0)]},
    "namespace flags": {"clone": [(flag | 17, 0, 0, 0, 0) for flag in syscall_filter.NAMESPACE_FLAGS]},
    "PR_SET_PDEATHSIG": {"prctl": [(syscall_filter.PR_SET_PDEATHSIG, 0, 0, 0, 0)]},
    "socket buffer sizes": {"setsockopt": [(0, socket.SOL_SOCKET, option, 0, 0)
                                           for option in syscall_filter.SOCKET_BUFFER_OPTIONS]},
    "F_SETPIPE_SZ": {"fcntl": [(0, syscall_filter.F_SETPIPE_SZ, 1 << 20)]},
}


def rule_cases(protected: tuple[int, ...]) -> list:
    """``[rule, call, args, errno]`` for every call of every rule, with arguments its condition refuses."""
    conditional = conditional_args(protected)
    cases = []
    for rule in syscall_filter.RULES:
        for call in rule.calls:
            if pyseccomp.resolve_syscall(pyseccomp.Arch.NATIVE, call) < 0:
                continue  # not on this architecture
            arg_lists = conditional[rule.when][call] if rule.when else [(0, 0, 0, 0, 0, 0)]
            cases += [(rule.name, call, [int(a) for a in args], rule.errno) for args in arg_lists]
    return cases


def test_every_rule_refuses_its_calls_with_its_errno_inside_a_worker(any_server, tmp_path):
    own_pid_namespace = any_server.isolate and os.geteuid() == 0
    cases = rule_cases(() if own_pid_namespace else (any_server.pid, os.getpid()))
    code = syscall_header() + f"attacks = [[r, c, a, e, syscall(c, *a)] for r, c, a, e in {cases!r}]\n"
    attacks, log = run_in_worker(any_server, tmp_path, code)
    assert len(attacks) == len(cases) > 100
    wrong = [(rule, call, args, expected, got) for rule, call, args, expected, got in attacks
             if got != [-1, expected]]
    assert not wrong
    assert log.isolation["seccomp"] is True


def test_what_honest_code_needs_still_works(any_server, tmp_path):
    code = '''
import os, socket, subprocess, threading, torch
attacks = {}
a, b = socket.socketpair()
a.sendall(b"x")
attacks["socketpair"] = b.recv(1) == b"x"
attacks["unix stream socket"] = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).fileno() > 2
box = []
t = threading.Thread(target=lambda: box.append(1)); t.start(); t.join()
attacks["thread"] = box == [1]
pid = os.fork()
if pid == 0:
    os._exit(7)
attacks["fork"] = os.WEXITSTATUS(os.waitpid(pid, 0)[1]) == 7
attacks["subprocess"] = subprocess.run(["true"]).returncode == 0
attacks["torch"] = torch.nn.functional.conv2d(torch.ones(1, 1, 4, 4), torch.ones(1, 1, 3, 3)).sum().item() == 36.0
import signal, time
child = subprocess.Popen(["sleep", "60"])
child.terminate()
attacks["signal a child"] = child.wait() == -signal.SIGTERM
os.kill(os.getpid(), 0)
os.kill(0, 0)  # its own process group
signal.pthread_kill(threading.get_ident(), 0)
attacks["signal itself"] = True
'''
    attacks, _ = run_in_worker(any_server, tmp_path, code)
    assert attacks == dict.fromkeys(("socketpair", "unix stream socket", "thread", "fork", "subprocess", "torch",
                                     "signal a child", "signal itself"), True)


class Listener(threading.Thread):
    """Accepts and records every connection to a socket the test owns."""

    def __init__(self, family: int, address):
        super().__init__(daemon=True)
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind(address)
        self.sock.listen(8)
        self.address = self.sock.getsockname()
        self.connections: list = []

    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn.recv(100))
            conn.close()


def test_no_connection_leaves_a_worker(any_server, tmp_path):
    tcp = Listener(socket.AF_INET, ("127.0.0.1", 0))
    # An abstract Unix socket: without a network namespace, reachable from any process on the host.
    abstract = Listener(socket.AF_UNIX, f"\0cnn-grader-test-{secrets.token_hex(6)}")
    for listener in (tcp, abstract):
        listener.start()
    code = f'''
import socket
attacks = {{}}
def attempt(name, family, address, kind=socket.SOCK_STREAM):
    try:
        s = socket.socket(family, kind)
        s.settimeout(1)
        s.connect(address)
        s.sendall(b"escaped")
        attacks[name] = "connected"
    except OSError as exc:
        attacks[name] = type(exc).__name__
attempt("tcp", socket.AF_INET, {tcp.address!r})
attempt("abstract unix", socket.AF_UNIX, {abstract.address!r})
attempt("unix datagram", socket.AF_UNIX, {abstract.address!r}, socket.SOCK_DGRAM)
'''
    try:
        attacks, _ = run_in_worker(any_server, tmp_path, code)
    finally:
        for listener in (tcp, abstract):
            listener.sock.close()
    assert tcp.connections == [] and abstract.connections == []
    assert attacks == {"tcp": "PermissionError", "abstract unix": "PermissionError",
                       "unix datagram": "PermissionError"}


def test_memory_outside_the_address_space_limit_cannot_be_held(any_server, tmp_path):
    code = syscall_header() + '''
attacks = {}
try:
    fd = os.memfd_create("hoard")
    os.ftruncate(fd, 1 << 30)
    attacks["memfd"] = "created"
except OSError as exc:
    attacks["memfd"] = exc.errno
IPC_PRIVATE, IPC_CREAT = 0, 0o1000
attacks["shmget"] = syscall("shmget", IPC_PRIVATE, 1 << 30, IPC_CREAT | 0o600)
attacks["msgget"] = syscall("msgget", IPC_PRIVATE, IPC_CREAT | 0o600)
'''
    attacks, _ = run_in_worker(any_server, tmp_path, code)
    assert attacks == {"memfd": errno.EPERM, "shmget": [-1, errno.EPERM], "msgget": [-1, errno.EPERM]}


#: A worker's attempt to watch files (attack round 68: without namespaces it watched the class folder, --out, the seed
#: key's folder and /tmp, Landlock having no hook for watches): each call's result and errno, and, were a watch
#: granted, whether /tmp could be watched with it.
FILE_WATCHES = '''
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
IN_CLOEXEC, IN_ALL_EVENTS = 0o2000000, 0xFFF
FAN_CLOEXEC, FAN_CLASS_NOTIF, FAN_REPORT_FID, FAN_MARK_ADD, FAN_OPEN = 0x1, 0x0, 0x200, 0x1, 0x20
AT_FDCWD = -100
def attempt(name, *args):
    ctypes.set_errno(0)
    fd = getattr(libc, name)(*args)
    if fd < 0:
        return [fd, ctypes.get_errno()]
    if name.startswith("inotify"):
        watched = libc.inotify_add_watch(fd, b"/tmp", IN_ALL_EVENTS) >= 0
    else:
        watched = libc.fanotify_mark(fd, FAN_MARK_ADD, ctypes.c_uint64(FAN_OPEN), AT_FDCWD, b"/tmp") == 0
    os.close(fd)
    return ["granted", watched]
attacks = {"inotify_init": attempt("inotify_init"), "inotify_init1": attempt("inotify_init1", IN_CLOEXEC),
           "fanotify_init": attempt("fanotify_init", FAN_CLOEXEC | FAN_CLASS_NOTIF | FAN_REPORT_FID, os.O_RDONLY)}
'''


def test_no_file_can_be_watched_from_a_worker(any_server, tmp_path):
    """Refused with ENOSYS (a library that watches files falls back to polling), where this test's own process, the
    judge's kind, is granted the same watches: the refusal is the filter's, not the kernel's."""
    outside: dict = {}
    exec(FILE_WATCHES, outside)
    assert outside["attacks"]["inotify_init1"] == outside["attacks"]["inotify_init"] == ["granted", True]
    attacks, _ = run_in_worker(any_server, tmp_path, FILE_WATCHES)
    assert attacks == dict.fromkeys(("inotify_init", "inotify_init1", "fanotify_init"), [-1, errno.ENOSYS])


KEY_SPEC_USER_KEYRING = -4
KEYCTL_SEARCH = 10


def test_a_key_left_by_one_submission_is_not_seen_by_the_next_in_its_slot(any_server, tmp_path):
    """Keyrings belong to the uid, and a slot's uid is reused for the next submission."""
    secret = secrets.token_hex(8)
    leave = syscall_header() + f'''
payload = ctypes.create_string_buffer(b"{secret}")
attacks = syscall("add_key", ctypes.addressof(ctypes.create_string_buffer(b"user")),
                  ctypes.addressof(ctypes.create_string_buffer(b"cnn-grader-answers")),
                  ctypes.addressof(payload), len(payload.value), {KEY_SPEC_USER_KEYRING})
'''
    find = syscall_header() + f'''
key = syscall("keyctl", {KEYCTL_SEARCH}, {KEY_SPEC_USER_KEYRING},
              ctypes.addressof(ctypes.create_string_buffer(b"user")),
              ctypes.addressof(ctypes.create_string_buffer(b"cnn-grader-answers")), 0)
found = ctypes.create_string_buffer(64)
read = syscall("keyctl", 11, key[0], ctypes.addressof(found), 64) if key[0] > 0 else None
attacks = [key, read, found.value.decode(errors="replace")]
'''
    left, _ = run_in_worker(any_server, tmp_path, leave, slot=3)
    seen, _ = run_in_worker(any_server, tmp_path, find, slot=3)
    assert left == [-1, errno.EPERM]
    assert seen[0] == [-1, errno.EPERM] and seen[1] is None and secret not in seen[2]


STARTS = """
import os, threading
def nothing():
    return 1
def a_thread():
    box = []
    t = threading.Thread(target=lambda: box.append(1)); t.start(); t.join()
    return box[0]
def a_process():
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return 1
"""


def _counted(probe, name: str) -> int:
    before = probe.tasks_started()
    assert probe.call(name).value == 1
    return probe.tasks_started() - before


def test_every_thread_and_process_a_worker_starts_is_counted_outside_it(any_server, tmp_path):
    """The fork server counts each start as the kernel stops it (attack round 53: a thread started and joined inside
    a call ran torch's convolution where the worker's thread-local trace is not, and left nothing in /proc)."""
    path = tmp_path / "starts.py"
    path.write_text(STARTS)
    probe = SandboxProbe(any_server, load(Source(path)), LIMITS)
    try:
        probe.start()
        assert probe.starts_counted() and probe.tasks_started() == 0
        assert [_counted(probe, name) for name in ("nothing", "a_thread", "a_process", "nothing")] == [0, 1, 1, 0]
        assert probe.threads_running() is False  # both ended: only the count saw them
        # A worker started again in the middle of a check (a probe left the old one out of memory) is no start of the
        # submission's; a start in the worker that ended still counts (attack round 54 ended its worker after each
        # answer)
        before = probe.tasks_started()
        probe._end_worker(kill=True)
        assert probe.call("nothing").value == 1 and probe.tasks_started() == before
        assert probe.call("a_thread").value == 1
        probe._end_worker(kill=True)
        assert probe.tasks_started() == before + 1
    finally:
        probe.close()


def test_a_load_that_leaves_a_thread_running_is_charged_its_starts(any_server, tmp_path):
    """A worker started again in the middle of a check runs the top level anew; a thread its load left running could
    do the check's work and end before the watch's end looks, so such a load's starts count (all of them), while a
    load whose threads all ended counts none (a correct notebook's top level starts threads and processes too)."""
    path = tmp_path / "starts.py"
    path.write_text(STARTS + """
import threading, time
done = threading.Event()
threading.Thread(target=done.wait, args=(1.5,), daemon=True).start()
""")
    probe = SandboxProbe(any_server, load(Source(path)), LIMITS)
    try:
        probe.start()
        assert probe.starts_counted() and probe.threads_running() is True
        before = probe.tasks_started()
        probe._end_worker(kill=True)
        # the restarted worker's load started one thread, still running: that start is the check's
        assert probe.call("nothing").value == 1 and probe.tasks_started() == before + 1
        time.sleep(2)  # the thread has ended: the count keeps it, though nothing runs beside the worker any more
        assert probe.threads_running() is False and probe.tasks_started() == before + 1
    finally:
        probe.close()

    path.write_text(STARTS + "a_thread()\na_process()\n")
    probe = SandboxProbe(any_server, load(Source(path)), LIMITS)
    try:
        probe.start()
        assert probe.starts_counted() and probe.threads_running() is False
        before = probe.tasks_started()
        probe._end_worker(kill=True)
        assert probe.call("nothing").value == 1 and probe.tasks_started() == before
    finally:
        probe.close()


def test_a_submission_can_neither_hold_the_listener_nor_start_out_of_the_count(any_server, tmp_path):
    """No listener of the count in the worker (it could answer its own starts first); once the submission adds a
    filter of its own, the count is "cannot tell"."""
    code = STARTS + """
held = []
for fd in os.listdir("/proc/self/fd"):
    try:
        held.append(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        pass
import pyseccomp
allow = pyseccomp.SyscallFilter(pyseccomp.ALLOW)
allow.add_rule(pyseccomp.ERRNO(1), "kcmp")
allow.load()
loaded = True
"""
    path = tmp_path / "starts.py"
    path.write_text(code)
    probe = SandboxProbe(any_server, load(Source(path)), LIMITS)
    try:
        probe.start()
        assert probe.value("held") and not [link for link in probe.value("held") if "seccomp" in link]
        assert probe.value("loaded") is True
        # Any filter it added may take the notifications (the newest of equal answers wins: attack round 54):
        # its count is vouched for no more, which costs the checks that watch it (static.StartWatch)
        assert probe.starts_counted() and probe.tasks_started() is None
    finally:
        probe.close()


def test_the_record_says_the_filter_held_with_and_without_namespaces(any_server, tmp_path):
    _, log = run_in_worker(any_server, tmp_path, "attacks = 1\n")
    assert log.isolation["seccomp"] is True
    assert log.isolation["user"] is (os.geteuid() == 0)
    assert log.isolation["network"] is (any_server.isolate and os.geteuid() == 0)


def test_the_fork_server_believes_the_kernel_not_the_worker_report(tmp_path):
    """A worker saying it has a filter and an unprivileged uid, without either, is granted neither."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.write(write_end, json.dumps({"seccomp": True, "user": True, "network": True}).encode())
        os.close(write_end)
        import time

        time.sleep(5)
        os._exit(0)
    os.close(write_end)
    try:
        granted = established(pid, read_end, pid_namespace=False)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    assert granted["seccomp"] is False
    assert granted["user"] is (os.geteuid() != 0)  # the test runs as root in CI: uid 0 is no drop
    assert granted["network"] is True  # the pipe's word, which only the fork server's own code writes
    assert granted["pid"] is False


def test_the_filter_is_loaded_in_workers_never_in_the_fork_server(server):
    with open(f"/proc/{server.process.pid}/status") as f:
        assert syscall_filter.filter_count(f.read()) == 0


def test_filter_count_reads_proc_status():
    assert syscall_filter.filter_count("Name:\tx\nSeccomp:\t2\nSeccomp_filters:\t3\n") == 3
    assert syscall_filter.filter_count("Name:\tx\nSeccomp:\t0\nSeccomp_filters:\t0\n") == 0
    assert syscall_filter.filter_count("Name:\tx\n") == 0


def test_files_left_in_shared_places_are_gone_before_the_next_submission_in_the_slot(without_namespaces, tmp_path):
    """Without its own file system a worker writes the host's /tmp and /dev/shm, as its slot's uid."""
    if os.geteuid() != 0:
        pytest.skip("without root the worker runs as the grader's own uid, whose files are not swept")
    token = secrets.token_hex(6)
    places = [f"/tmp/cnn-grader-left-{token}", f"/dev/shm/cnn-grader-left-{token}"]
    leave = f'''
attacks = []
for place in {places!r}:
    try:
        with open(place, "w") as f:
            f.write("answers")
        attacks.append("written")
    except OSError as exc:
        attacks.append(type(exc).__name__)
'''
    find = f'''
import os
attacks = [os.path.exists(place) for place in {places!r}]
'''
    left, log = run_in_worker(without_namespaces, tmp_path, leave, slot=5)
    seen, _ = run_in_worker(without_namespaces, tmp_path, find, slot=5)
    # This machine's /tmp and /dev/shm are world-writable; the Landlock view, where the kernel has it,
    # keeps the worker out of them, and the sweep is what holds without it.
    assert left == (["PermissionError"] * 2 if log.isolation["landlock"] else ["written", "written"])
    assert seen == [False, False]
    assert not any(os.path.exists(place) for place in places)


def test_the_readme_explains_every_rule():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    table = [line for line in readme.splitlines() if line.startswith("| ")]
    for rule in syscall_filter.RULES:
        row = next((line for line in table if line.startswith(f"| {rule.name} |")), None)
        assert row is not None, rule.name
        assert errno.errorcode[rule.errno] in row, rule.name


#: Run by a user who is not root: a fork server of its own, and each signal rule tried from a worker, which then
#: shares that uid.  Printed: the calls not refused as the rule says, and what real signals to the judge, the fork
#: server and every process (-1) did.  Should the filter fail, the signals kill only this script's uid.
UNPRIVILEGED_SIGNALS = r'''
import json, os, sys
from pathlib import Path
from grader.judge.engine import ForkServerClient, Limits, SandboxProbe
from grader.judge.submission import Source, load
from tests.test_syscall_filter import rule_cases, syscall_header
rules = ("signals", "signal by descriptor", "signal owners")
with ForkServerClient() as server:
    server.wait_ready()
    cases = [case for case in rule_cases((server.pid, os.getpid())) if case[0] in rules]
    code = syscall_header() + f"""
import signal
attacks = [[r, c, a, e, syscall(c, *a)] for r, c, a, e in {cases!r}]
killed = {{}}
for name, pid in (("judge", {os.getpid()}), ("fork server", {server.pid}), ("every process", -1),
                  ("the judge's group", -{os.getpgid(0)})):
    try:
        os.kill(pid, signal.SIGKILL)
        killed[name] = "sent"
    except OSError as exc:
        killed[name] = type(exc).__name__
"""
    path = Path(sys.argv[1]) / "attack.py"
    path.write_text(code)
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        probe.start()
        attacks, killed = probe.value("attacks"), probe.value("killed")
        isolation = probe.log.isolation
    finally:
        probe.close()
print(json.dumps({"cases": len(cases), "wrong": [a for a in attacks if a[4] != [-1, a[3]]], "killed": killed,
                  "user": isolation["user"], "seccomp": isolation["seccomp"]}))
'''


@needs_root
def test_signals_reach_no_process_outside_the_worker_when_the_grader_runs_without_root():
    """Attack round 15, finding 1: without root, `os.kill(-1, SIGKILL)` from a submission killed the judge."""
    import subprocess
    import sys

    from grader.worker import sandbox

    scratch = open_scratch()
    try:
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "CNN_GRADER_UID_BASE")}
        env.update(HOME=str(scratch), PYTHONDONTWRITEBYTECODE="1")
        done = subprocess.run([*as_user(sandbox.UID_BASE + 91), sys.executable, "-c", UNPRIVILEGED_SIGNALS,
                               str(scratch)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    assert done.returncode == 0, (done.returncode, done.stderr[-3000:])
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert (report["user"], report["seccomp"]) == (False, True)
    assert report["cases"] > 20 and report["wrong"] == []
    assert report["killed"] == dict.fromkeys(("judge", "fork server", "every process", "the judge's group"),
                                             "PermissionError")
