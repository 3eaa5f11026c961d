"""Without namespaces (Gradescope), Landlock is the worker's view of the file system: observed from inside."""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from grader.judge.engine import ForkServerClient, Limits, SandboxProbe
from grader.judge.submission import Source, load
from grader.worker.landlock_view import allowed_beside, readable_paths
from tests.conftest import ROOT

landlock = pytest.importorskip("landlock", reason="the worker's Landlock view needs the landlock binding")

LIMITS = Limits(timeout=60, probe_timeout=20, unit_timeout=40)

OBSERVER = r'''
import os
seen = {}
def can_read(path):
    try:
        with open(path, "rb") as f:
            f.read(1)
        return True
    except OSError:
        return False
def can_list(path):
    try:
        os.listdir(path)
        return True
    except OSError:
        return False
def can_write(path):
    try:
        with open(path, "w") as f:
            f.write("left for the next submission")
        return True
    except OSError:
        return False
seen["read_a_solution"] = can_read(GRADER_DIR + "/questions/q07_pooled_cnn/solution.py")
seen["read_checks"] = can_read(GRADER_DIR + "/questions/q06_conv_by_hand/checks.py")
seen["list_grader"] = can_list(GRADER_DIR)
seen["read_repo_solutions"] = can_read(REPO + "/solutions/lecture06.ipynb")
seen["read_neighbour"] = can_read(NEIGHBOUR)
seen["list_batch_folder"] = can_list(os.path.dirname(NEIGHBOUR))
seen["read_init_cmdline"] = can_read("/proc/1/cmdline")
seen["read_parent_cmdline"] = can_read(f"/proc/{os.getppid()}/cmdline")
seen["read_own_status"] = can_read("/proc/self/status")
seen["read_python"] = can_read(os.__file__)
seen["written"] = {place: can_write(os.path.join(place, TOKEN))
                   for place in ("/tmp", "/var/tmp", "/dev/shm", "/run/lock", os.getcwd())}
import pandas, matplotlib.pyplot as plt
plt.plot([1, 2]); plt.savefig("plot.png")
seen["lecture_stack"] = os.path.exists("plot.png")
'''


@pytest.fixture(scope="module")
def without_namespaces():
    with ForkServerClient(isolate=False) as fs:
        yield fs


@pytest.fixture
def observed(without_namespaces, tmp_path):
    token = f"cnn-grader-landlock-{secrets.token_hex(4)}"
    (tmp_path / "neighbour.py").write_text("q1_answer = 'C'\n")
    own = tmp_path / "observer.py"
    own.write_text(f"GRADER_DIR = {str(ROOT / 'grader')!r}\nREPO = {str(ROOT)!r}\n"
                   f"NEIGHBOUR = {str(tmp_path / 'neighbour.py')!r}\nTOKEN = {token!r}\n" + OBSERVER)
    probe = SandboxProbe(without_namespaces, load(Source(own)), LIMITS)
    try:
        probe.start()
        seen, log = probe.value("seen"), probe.log
    finally:
        probe.close()
    yield seen, log
    for place in ("/tmp", "/var/tmp", "/dev/shm", "/run/lock"):
        try:
            os.unlink(os.path.join(place, token))
        except OSError:
            pass


def landlock_available() -> bool:
    try:
        return landlock.landlock_abi_version() >= 1
    except Exception:
        return False


needs_landlock = pytest.mark.skipif(not landlock_available(), reason="this kernel has no Landlock")


@needs_landlock
def test_the_fork_server_reports_the_landlock_view(observed):
    _, log = observed
    assert log.isolation["landlock"] is True and log.isolation["filesystem"] is False


@needs_landlock
def test_it_cannot_read_the_grader_the_batch_or_other_processes(observed):
    seen, _ = observed
    assert seen["read_a_solution"] is False and seen["read_checks"] is False and seen["list_grader"] is False
    assert seen["read_repo_solutions"] is False
    assert seen["read_neighbour"] is False and seen["list_batch_folder"] is False
    assert seen["read_init_cmdline"] is False and seen["read_parent_cmdline"] is False


@needs_landlock
def test_it_writes_only_its_scratch(observed):
    seen, _ = observed
    written = seen["written"]
    scratch = [place for place in written if place not in ("/tmp", "/var/tmp", "/dev/shm", "/run/lock")]
    assert [written[place] for place in scratch] == [True]
    assert not [place for place in ("/tmp", "/var/tmp", "/dev/shm", "/run/lock") if written[place]]


def runtime_reachable_by_others() -> bool:
    """Whether an unprivileged uid may reach the standard library at all (not under a 0700 /root, say)."""
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in Path(os.__file__).resolve().parents)


@pytest.mark.skipif(not runtime_reachable_by_others(), reason="this Python lives where no other uid may look "
                    "(Gradescope's run_autograder opens the way: prepare_container)")
def test_the_runtime_and_the_lecture_stack_still_work(observed):
    seen, _ = observed
    assert seen["read_python"] is True and seen["read_own_status"] is True
    assert seen["lecture_stack"] is True


def test_a_folder_holding_the_grader_is_opened_up_beside_it(tmp_path):
    for path in ("site/a/x.py", "site/b.py", "site/app/grader/questions/s.py", "site/app/other.py"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("")
    site, grader = tmp_path / "site", tmp_path / "site" / "app" / "grader"
    assert sorted(allowed_beside(str(site), str(grader))) == sorted(
        str(site / name) for name in ("a", "b.py", "app/other.py"))
    allowed = readable_paths([str(site), str(tmp_path / "site" / "a"), str(grader / "questions")], str(grader))
    assert str(grader) not in allowed and str(site) not in allowed and str(grader / "questions") not in allowed
    assert not [p for p in allowed if p.startswith(str(grader))]
    assert str(site / "a") in allowed


def test_without_landlock_the_worker_says_so(tmp_path):
    """A kernel without Landlock: the worker keeps its other layers and the report says which held."""
    script = (
        "import landlock.plumbing as p, json\n"
        "p.landlock_abi_version = lambda: 0\n"
        "import landlock\nlandlock.landlock_abi_version = p.landlock_abi_version\n"
        "from grader.worker.landlock_view import restrict\n"
        f"print(json.dumps(restrict(runtime=[], hidden={str(ROOT / 'grader')!r}, scratch={str(tmp_path)!r})))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert json.loads(out.stdout) is False, out.stderr


def test_temporary_files_go_to_the_scratch_folder(without_namespaces, tmp_path):
    """tempfile's folder is chosen once per process: the fork server's choice (/tmp) is not the worker's."""
    own = tmp_path / "temp.py"
    own.write_text("import os, tempfile\nplace = tempfile.mkdtemp()\nwhere = os.path.dirname(place) == os.getcwd()\n")
    probe = SandboxProbe(without_namespaces, load(Source(own)), LIMITS)
    try:
        probe.start()
        assert probe.value("where") is True
    finally:
        probe.close()
