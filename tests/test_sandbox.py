"""What a submission can see and do from inside its worker: observed from the inside, checked from the judge."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import torch

from grader.errors import SandboxError
from grader.judge.engine import Limits, SandboxProbe
from grader.judge.submission import Source, load
from grader.worker import sandbox
from grader.worker.sandbox import runtime_paths
from tests.conftest import CORPUS, ROOT, as_user, needs_root, open_scratch

pytestmark = [pytest.mark.sandbox, needs_root]

OBSERVER = r'''
import os, socket, sys, pwd
seen = {}
seen["uid"] = os.getuid()
seen["euid"] = os.geteuid()
def can_read(path):
    try:
        with open(path, "rb") as f:
            f.read(1)
        return True
    except OSError:
        return False
def exists(path):
    return os.path.exists(path)
seen["read_bank"] = can_read(GRADER_DIR + "/questions/reference.py")
seen["read_a_solution"] = can_read(GRADER_DIR + "/questions/q07_pooled_cnn/solution.py")
seen["read_forkserver_log"] = can_read(FORKSERVER_LOG)
seen["sys_path"] = list(sys.path)
seen["handler_file"] = sys.modules["grader.checkapi.handler"].__file__
seen["grader_dir_listing"] = sorted(os.listdir(GRADER_DIR)) if exists(GRADER_DIR) else None
seen["read_solutions"] = can_read(REPO + "/solutions/lecture06.ipynb")
seen["read_own_file"] = can_read(OWN_FILE)
seen["read_neighbour"] = can_read(NEIGHBOUR)
seen["root_listing"] = sorted(os.listdir("/"))
seen["cwd"] = os.getcwd()
seen["python_ok"] = can_read(os.__file__)
try:
    open("/scratch/note.txt", "w").write("mine")
    seen["write_scratch"] = True
except OSError:
    seen["write_scratch"] = False
try:
    open("/tmp/cnn-grader-sandbox-test.txt", "w").write("x")
    seen["write_tmp"] = True
except OSError:
    seen["write_tmp"] = False
for target in ("/usr/cnn-grader-test", REPO + "/cnn-grader-test"):
    try:
        open(target, "w").write("x")
        seen["write_" + target] = True
    except OSError:
        seen["write_" + target] = False
try:
    socket.create_connection(("127.0.0.1", 22), timeout=1)
    seen["connect"] = "connected"
except OSError as exc:
    seen["connect"] = type(exc).__name__
seen["pids"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
seen["env"] = sorted(os.environ)
seen["hostname"] = socket.gethostname()
try:
    seen["address"] = socket.gethostbyname(socket.gethostname())
except OSError as exc:
    seen["address"] = type(exc).__name__
import getpass
try:
    seen["user"] = getpass.getuser()
except Exception as exc:
    seen["user"] = type(exc).__name__
_fs = os.statvfs("/scratch")
seen["scratch_inodes"] = (_fs.f_files, _fs.f_files - _fs.f_ffree)
import gc
seen["collects_garbage"] = gc.isenabled()
'''


@pytest.fixture
def observe(server, tmp_path):
    def run(extra_files=()):
        for name in extra_files:
            (tmp_path / name).write_text("q1_answer = 'C'\n")
        own = tmp_path / "observer.py"
        header = (f"GRADER_DIR = {str(ROOT / 'grader')!r}\nREPO = {str(ROOT)!r}\nOWN_FILE = {str(own)!r}\n"
                  f"NEIGHBOUR = {str(tmp_path / 'neighbour.py')!r}\nFORKSERVER_LOG = {server.log_path!r}\n")
        own.write_text(header + OBSERVER)
        probe = SandboxProbe(server, load(Source(own)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
        try:
            probe.start()
            return probe.value("seen"), probe.log
        finally:
            probe.close()
    return run


def test_the_worker_runs_as_an_unprivileged_user_with_every_layer(observe):
    seen, log = observe()
    assert seen["uid"] != 0 and seen["euid"] != 0
    # Landlock is the view of a worker without its own root: not needed here.
    assert log.isolation == {"pid": True, "mount": True, "network": True, "user": True, "filesystem": True,
                             "landlock": False, "seccomp": True}


def test_it_cannot_read_the_checks_the_solutions_or_other_submissions(observe):
    seen, _ = observe(extra_files=["neighbour.py"])
    assert seen["read_bank"] is False and seen["read_a_solution"] is False and seen["grader_dir_listing"] is None
    assert seen["read_solutions"] is False
    assert seen["read_neighbour"] is False
    assert seen["read_own_file"] is False  # it gets its code, not a path
    assert seen["python_ok"] is True


def test_it_runs_the_judges_own_grader_and_cannot_see_the_fork_servers_folder(observe, server):
    seen, _ = observe()
    # The workers run the check API of the grader this judge imported (a worktree, a copy), not
    # whatever an installed distribution points at.
    assert Path(seen["handler_file"]).resolve() == (ROOT / "grader" / "checkapi" / "handler.py").resolve()
    # The fork server's working folder (this run's log, the workers' roots) is not on its path,
    # which the sandbox would have exposed.
    assert not [p for p in seen["sys_path"] if p and os.path.realpath(p).startswith(os.path.realpath(server.base_dir))]
    assert seen["read_forkserver_log"] is False


def test_its_root_holds_only_the_runtime_and_its_scratch(observe):
    seen, _ = observe()
    # Where the runtime lives depends on the machine (a venv under /work here, under /check in CI),
    # so the allowed top-level names come from the same list the sandbox binds.
    runtime_tops = {Path(p).parts[1] for path in runtime_paths() for p in (path, os.path.realpath(path))
                    if len(Path(p).parts) > 1}
    allowed = runtime_tops | {"dev", "proc", "tmp", "scratch"}
    assert set(seen["root_listing"]) <= allowed, set(seen["root_listing"]) - allowed
    assert {"dev", "proc", "tmp", "scratch", "usr"} <= set(seen["root_listing"])
    assert seen["cwd"] == "/scratch"
    assert not {"PYTHONPATH", "SUDO_USER"} & set(seen["env"])


def test_it_writes_only_its_own_scratch_which_vanishes(observe):
    seen, _ = observe()
    assert seen["write_scratch"] is True and seen["write_tmp"] is True
    assert not os.path.exists("/tmp/cnn-grader-sandbox-test.txt")
    assert seen["write_/usr/cnn-grader-test"] is False
    assert seen[f"write_{ROOT}/cnn-grader-test"] is False
    assert not os.path.exists(ROOT / "cnn-grader-test")


def test_it_has_no_network(observe):
    seen, _ = observe()
    # The seccomp filter refuses the TCP socket itself, before the empty network namespace is reached.
    assert seen["connect"] == "PermissionError"
    # ...yet a header cell that prints the machine and the user does not raise (fairness round 31)
    assert seen["hostname"] == sandbox.SANDBOX_HOSTNAME and seen["address"] == "127.0.0.1"
    assert seen["user"] == sandbox.SANDBOX_USER


def test_it_collects_its_own_garbage(observe):
    # (the fork server loads torch with the collector off, and must turn it on again before it forks: a submission's
    # cycles would otherwise grow until its memory limit)
    seen, _ = observe()
    assert seen["collects_garbage"] is True


def test_it_sees_only_its_own_processes(observe):
    seen, _ = observe()
    assert seen["pids"] == [1]


def test_a_hung_probe_costs_only_that_probe_and_the_worker_is_replaced(server, tmp_path):
    path = tmp_path / "hang.py"
    path.write_text("def conv_output_size(*a, **k):\n    while True:\n        pass\nq1_answer = 'C'\n")
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=1, unit_timeout=5))
    try:
        probe.start()
        started = time.monotonic()
        with pytest.raises(Exception, match="did not finish"):
            probe.call("conv_output_size", 10, 3)
        assert time.monotonic() - started < 3
        assert probe.value("q1_answer") == "C"
        started = time.monotonic()  # once hung, it gets a quarter of the limit
        with pytest.raises(Exception, match="did not finish"):
            probe.call("conv_output_size", 12, 3)
        assert time.monotonic() - started < 0.25 + 1.0
    finally:
        probe.close()


PRECISION_LOWERED = """
import torch
torch.set_flush_denormal(True)
torch.set_float32_matmul_precision("medium")
torch.backends.mkldnn.conv.fp32_precision = "bf16"
while_loading = torch.get_float32_matmul_precision()

def settings():
    return [torch.get_float32_matmul_precision(), torch.backends.mkldnn.matmul.fp32_precision,
            torch.backends.mkldnn.conv.fp32_precision]

def denormal():
    return float((torch.tensor([1e-39]) * 1.0)[0])

def product_error():
    gen = torch.Generator().manual_seed(0)
    a, b = torch.randn(256, 512, generator=gen), torch.randn(512, 256, generator=gen)
    return float(((a @ b).double() - a.double() @ b.double()).abs().max())
"""


def test_probes_run_at_full_precision_whatever_the_submission_set(server, tmp_path):
    """A submission's `set_float32_matmul_precision("medium")` computes its own cells in bfloat16 on CPUs that have
    it; the judge's probes are answered at torch's full precision (fairness round 20 lost q8.block at some seeds)."""
    path = tmp_path / "precision.py"
    path.write_text(PRECISION_LOWERED)
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=60, probe_timeout=10, unit_timeout=20))
    try:
        probe.start()
        assert probe.value("while_loading") == "medium"  # its own code ran as it asked
        fresh = [torch.get_float32_matmul_precision(), torch.backends.mkldnn.matmul.fp32_precision,
                 torch.backends.mkldnn.conv.fp32_precision]
        assert probe.call("settings").value == fresh
        assert probe.call("denormal").value > 0  # not flushed to zero
        # float32 with 512 terms: some 1e-4 off float64 at full precision, some 0.2 in bfloat16
        assert probe.call("product_error").value < 1e-3
    finally:
        probe.close()


def test_the_judges_child_is_forked_only_before_any_worker():
    """A fork server that has forked a worker refuses to fork the judge's child: the child must come
    from the pristine warm process, and the server then serves it alone."""
    from grader.judge.engine import ForkServerClient

    with ForkServerClient() as fresh:
        ident, sock, _ = fresh.spawn({"slot": 0, "isolate": fresh.isolate, "root_dir": fresh.root_dir,
                                      "scratch_dir": os.path.join(fresh.base_dir, "scratch-0"), "scratch_mb": 8,
                                      "memory_mb": 512, "file_mb": 8, "cpu_seconds": 10})
        sock.close()
        fresh.kill(ident)
        with pytest.raises(SandboxError, match="died"):
            fresh.run_trusted("grader.judge.gradescope", "grade_in_trusted_child", {}, timeout=60)


def test_a_failure_in_the_judges_child_is_one_clear_error():
    from grader.judge.engine import ForkServerClient

    with ForkServerClient() as fresh:
        with pytest.raises(SandboxError, match="the judge's process failed: KeyError"):
            fresh.run_trusted("grader.judge.gradescope", "grade_in_trusted_child", {}, timeout=60)  # no "root"


def test_the_fork_server_gets_only_the_environment_it_needs(server):
    # Every worker is a copy of the fork server's memory, where its environment's strings stay after
    # the sandbox clears os.environ: the judge's own variables must never be there.
    from grader.judge.engine import FORK_SERVER_ENVIRONMENT

    raw = Path(f"/proc/{server.pid}/environ").read_bytes()
    names = {entry.split(b"=", 1)[0].decode() for entry in raw.split(b"\0") if entry}
    set_by_the_judge = {"OMP_NUM_THREADS", "MKL_NUM_THREADS", "PYTHONDONTWRITEBYTECODE", "MPLBACKEND", "PYTHONPATH"}
    assert names - set_by_the_judge <= FORK_SERVER_ENVIRONMENT | {n for n in names if n.startswith("CNN_GRADER_")}
    assert "PYTEST_CURRENT_TEST" not in names and "PYTEST_VERSION" not in names  # the judge's own, here


def test_its_file_system_holds_a_bounded_number_of_files(observe, server, tmp_path):
    """Attack round 10, finding 13: empty files take no block, so the 64 MiB tmpfs never filled, and each held an
    inode and a dentry in the kernel (2.9 million: 3.7 GB outside every bound).  The tmpfs counts its inodes: an
    honest worker uses a few hundred, a submission that makes more fails in its own row."""
    from grader.worker.bounds import SCRATCH_ENTRIES
    from grader.worker.sandbox import WORKER_FS_INODES

    seen, _ = observe()
    total, used = seen["scratch_inodes"]
    assert total == WORKER_FS_INODES and SCRATCH_ENTRIES <= total - used, (total, used)
    flood = tmp_path / "flood.py"
    flood.write_text("import os\nmade = 0\ntry:\n    for i in range(100_000):\n"
                     "        os.close(os.open(f'/scratch/{i:06}', os.O_CREAT | os.O_WRONLY, 0o600))\n"
                     "        made += 1\nexcept OSError as exc:\n    stop = exc.errno\n")
    probe = SandboxProbe(server, load(Source(flood)), Limits(timeout=60, probe_timeout=10, unit_timeout=40))
    try:
        probe.start()
        made, stop = probe.value("made"), probe.value("stop")
    finally:
        probe.close()
    import errno

    assert SCRATCH_ENTRIES <= made < WORKER_FS_INODES and stop == errno.ENOSPC, (made, used)


def _unprivileged_uid() -> int:
    """A uid no slot of this run uses: the grader started by that user, as an instructor without root would."""
    from grader.worker import sandbox

    return sandbox.UID_BASE + 90


def test_a_worker_without_root_is_confined_and_runs():
    """Attack round 15, finding 2: without root (a fork that drops to an unprivileged uid before entering the
    sandbox, as a grader started by that user would be), the set-up counted the uid's tasks by listing /proc after
    Landlock had taken /proc away: PermissionError, every worker exited 71 and every row was `killed` 0/26."""
    import json
    import shutil

    from grader.worker import sandbox

    uid = _unprivileged_uid()
    scratch = open_scratch()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        os.close(read)
        try:
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            config = {"slot": 90, "isolate": True, "root_dir": str(scratch / "root"),
                      "scratch_dir": str(scratch / "scratch-90"), "scratch_mb": 8, "memory_mb": 256, "file_mb": 8,
                      "cpu_seconds": 30}
            isolation = sandbox.enter(config, pid_namespace=False)
            import resource

            report = {"ok": True, "landlock": isolation.get("landlock"), "user": isolation.get("user"),
                      "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0]}
        except BaseException as exc:  # noqa: BLE001 - what failed is the report
            report = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        os.write(write, json.dumps(report).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        report = json.loads(pipe.read() or b"{}")
    os.waitpid(pid, 0)
    shutil.rmtree(scratch, ignore_errors=True)
    assert report.get("ok"), report
    assert report["user"] is False
    # the process limit is set above what that uid ran before (this child), never at the bare allowance
    assert report["nproc"] > sandbox.PROCESSES, report



def grade_without_root(submissions: dict[str, str], *, jobs: int = 1, timeout: int = 900):
    """``cnn-grader grade`` run by an unprivileged user: the CompletedProcess and grades.json (None if not written).

    ``submissions``: relative path -> text.
    """
    import json
    import shutil
    import subprocess
    import sys

    uid = _unprivileged_uid()
    scratch = open_scratch()
    try:
        for relative, text in submissions.items():
            path = scratch / "class" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        for folder in [scratch, *scratch.rglob("*")]:
            os.chmod(folder, 0o777 if folder.is_dir() else 0o666)
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "CNN_GRADER_UID_BASE")}
        env.update(HOME=str(scratch), PYTHONDONTWRITEBYTECODE="1")
        command = [*as_user(uid), sys.executable, "-m", "grader.cli", "grade", str(scratch / "class"),
                   "--out", str(scratch / "out"), "--jobs", str(jobs)]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        grades = scratch / "out" / "grades.json"
        rows = json.loads(grades.read_text()) if grades.exists() else None
        return done, rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _by_student(grades) -> dict:
    return {r["student"]: r for r in grades["results"]}


def test_the_solutions_get_full_marks_when_the_grader_runs_without_root():
    """Attack round 15, finding 2, end to end: graded by a user that is not root, with Landlock, the solutions
    scored 0/26 (`killed`, exit 0) because no worker could finish its set-up."""
    from tests.conftest import solution_script

    done, rows = grade_without_root({"alice.py": solution_script()})
    assert done.returncode == 0, done.stderr[-3000:]
    alice = _by_student(rows)["alice"]
    assert (alice["status"], alice["total"]) == ("ok", alice["max_total"]), alice


def test_a_signal_to_every_process_costs_only_its_own_row_without_root():
    """Attack round 15, finding 1: without root the worker keeps the grader's uid, and `os.kill(-1, SIGKILL)` killed
    the judge (exit 137, no grades written, the last student never graded) and every process of that user."""
    from tests.conftest import solution_script

    kill_all = (CORPUS / "batch_r12" / "r12_nonroot_kill_every_process.py").read_text()
    done, grades = grade_without_root({"alice.py": solution_script(), "mallory.py": kill_all,
                                       "zed.py": solution_script()})
    assert done.returncode == 0, (done.returncode, done.stderr[-3000:])
    rows = _by_student(grades)
    for honest in ("alice", "zed"):
        assert (rows[honest]["status"], rows[honest]["total"]) == ("ok", rows[honest]["max_total"]), rows[honest]
    assert rows["mallory"]["status"] == "error" and "PermissionError" in json.dumps(rows["mallory"]), rows["mallory"]


WRITES_CODE = '''
import os, sys, importlib.util
sys.path.insert(0, os.getcwd())
seen = {}
READ = "VALUE = 'read'\\n"
with open("read_helper.py", "w") as f:
    f.write(READ)
import read_helper
seen["read"] = read_helper.VALUE
text = "VALUE = " + repr("".join(["un", "read"])) + "\\n"
with open("unread_helper.py", "w") as f:
    f.write(text)
try:
    import unread_helper
    seen["unread"] = unread_helper.VALUE
except ImportError as exc:
    seen["unread"] = type(exc).__name__
with open("same_name.py", "w") as f:  # a text read, then another written over it
    f.write(READ)
with open("same_name.py", "a") as f:
    f.write(text)
try:
    import same_name
    seen["appended"] = same_name.VALUE
except ImportError as exc:
    seen["appended"] = type(exc).__name__
# compiled code planted beside a source the reader read: the source is what runs
os.makedirs("__pycache__", exist_ok=True)
with open("read_helper.py", "rb") as f:
    source = f.read()
import marshal as _m
with open(importlib.util.cache_from_source(os.path.abspath("planted.py")), "wb") as f:
    f.write(importlib.util.MAGIC_NUMBER + bytes(12) + _m.dumps(compile("VALUE = 'planted'", "x", "exec")))
with open("planted.py", "w") as f:
    f.write(READ)
try:
    import planted
    seen["planted"] = planted.VALUE
except ImportError as exc:
    seen["planted"] = type(exc).__name__
try:
    seen["compiled"] = str(compile(text, os.path.abspath("unread_helper.py"), "exec"))
except ImportError as exc:
    seen["compiled"] = type(exc).__name__
import doctest
def documented():
    """
    >>> seen["doctest_read"] = "ran"
    """
doctest.run_docstring_examples(documented, {"seen": seen})
made = ">>> seen['doctest_made'] = 'ran'\\n".replace("'ran'", "'made at run time'")
doctest.run_docstring_examples(made, {"seen": seen})
with open("ext.cpython-311-x86_64-linux-gnu.so", "wb") as f:
    f.write(b"not an extension")
try:
    import ext
    seen["extension"] = "imported"
except ImportError as exc:
    seen["extension"] = "not found" if isinstance(exc, ModuleNotFoundError) else type(exc).__name__
# a written file compiled under its name without a folder, as Sphinx's eval_config_file does (attack round 42); a
# library's label for code it generates is no file
try:
    seen["relative"] = str(compile(text, "unread_helper.py", "exec"))
except ImportError as exc:
    seen["relative"] = type(exc).__name__
seen["label"] = type(compile("VALUE = 1", "namedtuple_Point.__new__", "exec")).__name__
# SymPy parses a text it meets and evaluates it: its own texts and plain expressions run, a payload does not
import sympy
x = sympy.Symbol("x")
seen["sympy_plain"] = str(sympy.simplify((x ** 2 - 1) / (x - 1)) + sympy.sympify("2*x"))
import math
try:
    sympy.simplify("ex" + "ec('import math; math.payload_ran = True')")
except Exception:
    pass
seen["sympy_payload"] = "ran" if getattr(math, "payload_ran", False) else "not run"
# %prun's options are taken off its statement, as IPython takes them (fairness round 35 ran them as code)
get_ipython().run_line_magic("prun", "-s cumulative -l 5 seen.update(prun='ran')")
'''


def test_code_the_submission_writes_runs_only_if_the_judge_read_it(server, tmp_path):
    """Attack rounds 38 and 39: a module written at run time with text nobody read (22 ways to write it) replaced
    conv2d with torch's own convolution.  The worker compiles a file it can write only when its bytes are a text
    the judge read, never loads compiled code from there, and finds no extension module there; doctest runs only
    the examples of docstrings the judge read (attack round 41 made them at run time)."""
    from grader.judge.grading import read_code_digests

    path = tmp_path / "writes_code.py"
    path.write_text(WRITES_CODE)
    submission = load(Source(path))
    digests = read_code_digests(submission)
    # READ, the one constant text written, and the two examples written out (the rest: texts read as types)
    import hashlib

    from grader.questions import static

    units = tuple(submission.units)
    code = {hashlib.sha256(text.encode()).hexdigest()
            for text in static.written_code_texts(units) + static.docstring_example_sources(units)}
    assert len(code) == 3 and code <= set(digests)
    probe = SandboxProbe(server, submission, Limits(timeout=30, probe_timeout=5, unit_timeout=10), read_code=digests)
    try:
        probe.start()
        seen = probe.value("seen")
    finally:
        probe.close()
    assert seen == {"read": "read", "unread": "ImportError", "appended": "ImportError", "planted": "read",
                    "compiled": "ImportError", "extension": "not found", "doctest_read": "ran",
                    "relative": "ImportError", "label": "code", "sympy_plain": "3*x + 1",
                    "sympy_payload": "not run", "prun": "ran"}, seen


FILLED_LATER = """
import weakref
import torch
pending = []
def conv(image):
    out = torch.zeros(2, 2)
    kept = image.clone()
    def fill(_, out=out, kept=kept):
        out.copy_(kept[:2, :2] + 1)
    pending.append(weakref.ref(image, fill))
    return out
"""


def test_a_traced_answer_is_what_the_call_returned_not_what_code_run_later_put_there(server, tmp_path):
    """Attack round 56: a weakref callback on an argument ran when the worker dropped the argument, after the trace of
    the call had ended, and filled the returned zeros with torch's convolution: the answer is encoded inside the
    trace now."""
    from grader.checkapi.protocol import TRACE_KERNELS

    path = tmp_path / "filled_later.py"
    path.write_text(FILLED_LATER)
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        probe.start()
        image = torch.ones(3, 3)
        traced = probe.call("conv", image, trace=True)
        assert traced.value.to_tensor().equal(torch.zeros(2, 2))
        [many] = probe.call_many("conv", [((image,), {})], trace=TRACE_KERNELS)
        assert many.value.to_tensor().equal(torch.zeros(2, 2))
    finally:
        probe.close()


ANOMALY_STACK = """
import torch
def stack_lines(image):
    with torch.autograd.detect_anomaly(check_nan=False):
        doubled = image.clone().requires_grad_() * 2
    return torch.tensor(float(len(doubled.grad_fn.metadata["traceback_"])))
"""


def test_anomaly_mode_keeps_no_stack_in_a_worker(server, tmp_path):
    """Attack round 69: in anomaly mode torch keeps the stack of the code that made each node, the worker's files
    named there, and a model honest only when they were earned full marks; a worker's anomaly mode keeps none."""
    import subprocess
    import sys

    path = tmp_path / "anomaly.py"
    path.write_text(ANOMALY_STACK)
    # outside the worker the same function sees its callers
    outside = subprocess.run([sys.executable, "-c", ANOMALY_STACK + "print(int(stack_lines(torch.ones(2))))"],
                             capture_output=True, text=True, check=True)
    assert int(outside.stdout.split()[-1]) > 0
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        probe.start()
        assert probe.call("stack_lines", torch.ones(2)).value.to_tensor().item() == 0
    finally:
        probe.close()


STDERR_KEPT = """
import contextlib, io, sys, torch
kept = io.StringIO()
_stack = contextlib.ExitStack()
_stack.enter_context(contextlib.redirect_stderr(kept))
def redirected(image):
    return torch.tensor(float(sys.stderr is kept))
"""


WARNINGS_KEPT = """
import io, logging, warnings, torch
warnings.simplefilter("always")
text = io.StringIO()
logging.getLogger("py.warnings").addHandler(logging.StreamHandler(text))
logging.captureWarnings(True)
def _kept():
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        yield log
_generator = _kept()
LOG = next(_generator)
def kept(image):
    warnings.warn("a warning a judged pass gives")
    return torch.tensor(float(len(LOG) + len(text.getvalue())))
"""


def test_warnings_kept_past_their_statement_are_put_back_after_submission_code(server, tmp_path):
    """Attack round 73: a warning given inside a judged pass names the worker's recorder as its file.  A capture left
    on past the code that started it (logging.captureWarnings at the top level, a catch_warnings(record=True) held in
    a suspended generator) ends with that code: the guard puts warnings' functions back."""
    path = tmp_path / "kept.py"
    path.write_text(WARNINGS_KEPT)
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        probe.start()
        assert probe.call("kept", torch.ones(2)).value.to_tensor().item() == 0
    finally:
        probe.close()


def test_a_stream_redirected_for_good_is_put_back_after_submission_code(server, tmp_path):
    """Attack round 73: torch's warnings inside a judged pass name the worker's recorder as their file, and printed
    they go to sys.stderr; a redirection kept open past its statement (an ExitStack, a suspended generator) would
    hand a model their text.  The guard puts the standard streams back after each piece of submission code."""
    path = tmp_path / "kept.py"
    path.write_text(STDERR_KEPT)
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        probe.start()
        assert probe.call("redirected", torch.ones(2)).value.to_tensor().item() == 0
    finally:
        probe.close()


BELOW_THE_TRACE = """
import torch
from torch.utils._python_dispatch import TorchDispatchMode
class Quiet(TorchDispatchMode):
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        return func(*args, **(kwargs or {}))
class Wrapped(torch.Tensor):
    @staticmethod
    def __new__(cls, inner):
        return torch.Tensor._make_wrapper_subclass(cls, inner.shape, dtype=inner.dtype)
    def __init__(self, inner):
        self.inner = inner
    @classmethod
    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
        plain = [a.inner if isinstance(a, Wrapped) else a for a in args]
        return func(*plain, **(kwargs or {}))
def plain(image):
    return image * 2
def wrapped(image):
    return Wrapped(image).detach().clone() * 0 + image * 2
def under_a_mode(image):
    return image * 2
def enter():
    mode = Quiet()
    mode.__enter__()
    return mode
class Threshold:
    def __lt__(self, other):
        return 1000 < other
    def __gt__(self, other):
        return 1000 > other
def printed_with_a_hook(image):
    torch.set_printoptions(threshold=Threshold())
    try:
        repr(image)
    finally:
        torch.set_printoptions(threshold=1000)
    return image * 2
def printed(image):
    repr(image)
    print(image)
    return image * 2
import functools
class BuiltinThreshold:
    __lt__ = functools.partial(int.__gt__, 1000)
    __gt__ = functools.partial(int.__lt__, 1000)
def printed_with_builtins(image):
    torch.set_printoptions(threshold=BuiltinThreshold())
    try:
        repr(image)
    finally:
        torch.set_printoptions(threshold=1000)
    return image * 2
import enum
class Big(int):
    pass
Forged = enum.Enum("int64", {"HIGH": 1000}, module="numpy", type=Big)
def printed_with_forged_numpy(image):
    torch.set_printoptions(threshold=Forged.HIGH)
    try:
        repr(image)
    finally:
        torch.set_printoptions(threshold=1000)
    return image * 2
def printed_with_options(image):
    import numpy
    torch.set_printoptions(threshold=numpy.prod((100, 100)), precision=3, sci_mode=False, linewidth=120)
    repr(image)
    torch.set_printoptions(profile="default")
    return image * 2
class Contents(str):
    __radd__ = functools.partial(str.__add__, "contents")
def printed_with_own_contents(image):
    image.__repr__(tensor_contents=Contents("x"))
    return image * 2
def printed_with_text_contents(image):
    image.__repr__(tensor_contents="values")
    return image * 2
class Probe(torch.nn.Parameter):
    pass  # (round 64's answered is_nested with a chain of built-ins; the class alone is what is judged)
def printed_subclass(image):
    repr(Probe(image.clone()))
    return image * 2
def printed_parameter(image):
    repr(torch.nn.Parameter(image.clone()))
    return image * 2
class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
class Name(str):
    pass
def printed_renamed_grad_fn(image):
    doubled = Double.apply(image.clone().requires_grad_())
    type(doubled.grad_fn).__name__ = Name("DoubleBackward")
    repr(doubled)
    return image * 2
def printed_with_a_gradient(image):
    repr(image.clone().requires_grad_() * 2)
    return image * 2
def trace_dropped(image):
    import sys
    sys.settrace(None)
    return image * 2
def printed_with_options_class_swapped(image):
    import sys
    options = sys.modules["torch._tensor_str"].PRINT_OPTS
    original = type(options)
    import operator
    class Answering(original):  # a property of built-ins: no frame starts where the options are read
        hidden = BuiltinThreshold()
        threshold = property(operator.attrgetter("hidden"))
    options.__class__ = Answering
    try:
        repr(image)
    finally:
        options.__class__ = original
    return image * 2
"""


@pytest.mark.parametrize("name, untraced", [("plain", False), ("wrapped", True), ("under_a_mode", True),
                                           ("printed_with_a_hook", True), ("printed", False), ("trace_dropped", True),
                                           ("printed_with_builtins", True), ("printed_with_options", False),
                                           ("printed_with_own_contents", True), ("printed_with_text_contents", False),
                                           ("printed_subclass", True), ("printed_parameter", False),
                                           ("printed_renamed_grad_fn", True), ("printed_with_a_gradient", False),
                                           ("printed_with_forged_numpy", True),
                                           ("printed_with_options_class_swapped", True)])
def test_code_run_below_the_trace_makes_the_call_untraced(server, tmp_path, name, untraced):
    """Attack rounds 57 and 58: a tensor subclass's own dispatch, and a dispatch mode left on under the recorder, run
    their Python with the recorder set aside (torch's convolution ran there, unrecorded): the trace names them.
    Round 60: torch sets every dispatch mode aside while it prints a tensor, and an object of the submission's as
    the print threshold ran the submission's code there; round 62, a chain of built-in callables that starts no
    frame; round 63, an object given to repr as its tensor_contents; round 64, a Parameter subclass whose
    is_nested torch's printing reads; round 65, a gradient's class renamed with an object; round 66, an Enum of an
    int class named numpy.int64; round 67, the options' class swapped for one whose property answers.  Printing a tensor or a
    parameter, with print options that are numbers, is no such code."""
    from grader.checkapi.protocol import TRACE_KERNELS, UNTRACED_DISPATCH

    path = tmp_path / "below.py"
    source = BELOW_THE_TRACE + ("enter()\n" if name == "under_a_mode" else "")
    path.write_text(source)
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        probe.start()
        [result] = probe.call_many(name, [((torch.ones(3, 3),), {})], trace=TRACE_KERNELS)
        assert result.value.to_tensor().equal(torch.full((3, 3), 2.0))
        assert any(op.startswith(UNTRACED_DISPATCH) for op in result.ops) is untraced, result.ops
    finally:
        probe.close()


def test_the_stand_ins_answer_every_name_the_installed_shell_and_otter_offer():
    # (a name of theirs refused would cost an honest notebook its cell; read in a child: IPython's shell is a
    # singleton, and importing otter takes a second)
    import subprocess
    import sys

    from grader.worker.stand_in_names import OTTER_NAMES, OTTER_NOTEBOOK_NAMES, SHELL_NAMES

    listing = ("import json, otter\nfrom ipykernel.zmqshell import ZMQInteractiveShell as Z\n"
               "from IPython.core.interactiveshell import InteractiveShell as S\n"
               "public = lambda names: sorted(n for n in names if not n.startswith('_'))\n"
               "print(json.dumps([public(set(dir(Z)) | set(dir(S.instance()))), public(dir(otter)),"
               " public(dir(otter.Notebook))]))\n")
    shell, module, notebook = json.loads(subprocess.run([sys.executable, "-c", listing], capture_output=True,
                                                        text=True, check=True, timeout=120).stdout)
    assert set(shell) <= SHELL_NAMES and "run_line_magic" in shell
    assert set(module) <= OTTER_NAMES and "Notebook" in module
    assert set(notebook) <= OTTER_NOTEBOOK_NAMES and "check" in notebook
