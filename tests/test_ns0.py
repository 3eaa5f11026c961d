"""Without namespaces (Gradescope, CNN_GRADER_NAMESPACES=0) the worker sees the host's file system: it must
still read none of the judge's files, and leave nothing behind for the next submission (issue 11).

The worker runs as its slot's unprivileged uid inside a Landlock view (grader/worker/landlock_view.py): it reads
the runtime only and writes its scratch only.  Where a kernel has no Landlock, what its uid left in the shared
places is removed after each worker.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from grader.judge.engine import ForkServerClient, Limits, SandboxProbe
from grader.judge.grading import grade
from grader.judge.submission import Source, load
from grader.questions import bank
from grader.worker import sandbox
from tests.conftest import CORPUS, FAST, ROOT, needs_root, solution_script

pytestmark = [pytest.mark.sandbox, needs_root]

ATTACKS = CORPUS / "batch_r3"
#: A slot of its own, so that the sweep of its uid cannot touch a file another test's worker wrote.
SLOT = 5
UID = sandbox.UID_BASE + SLOT


@pytest.fixture(scope="module")
def ns0_server():
    with ForkServerClient(isolate=False) as fs:
        yield fs


def graded(server, tmp_path, text: str, name: str = "submission.py"):
    path = tmp_path / name
    path.write_text(text)
    return grade(load(Source(path)), server, seed=7, limits=FAST, slot=SLOT)


def world_traversable_folder(prefix: str) -> Path:
    """A folder in /tmp that other users may enter (pytest's own tmp_path is root-only, which would hide
    everything in it whatever the grader does)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    folder.chmod(0o755)
    return folder


# -- the judge's files -------------------------------------------------------------------------------

def test_the_attack_that_runs_the_graders_own_solutions_earns_nothing(ns0_server, tmp_path):
    result = graded(ns0_server, tmp_path, (ATTACKS / "r3_ns0_import_solutions.py").read_text())
    assert result.isolation["filesystem"] is False and result.isolation["user"] is True
    assert result.total == 0, dict(result.scores)


OBSERVER = r'''
import importlib, os, sys
seen = {}
def readable(path):
    try:
        with open(path, "rb") as f:
            return len(f.read(64)) > 0
    except OSError:
        return False
def listing(path):
    try:
        return sorted(os.listdir(path))
    except OSError:
        return None
package = sys.modules["grader"].__path__[0]
seen["by_path"] = [p for p in (package + "/questions/q07_pooled_cnn/solution.py", package + "/questions/reference.py",
                               package + "/questions/q02_output_size/checks.py", package + "/judge/grading.py",
                               REPO + "/solutions/lecture06.ipynb", REPO + "/autograder.zip",
                               REPO + "/tests/corpus/fair/README.md", REPO + "/pyproject.toml") if readable(p)]
seen["listings"] = [p for p in (package, package + "/questions", REPO, REPO + "/tests", REPO + "/.git")
                    if listing(p) is not None]
imported = []
for name in ("grader.questions.q01_filter_output.solution", "grader.questions.reference", "grader.questions.bank",
             "grader.judge.grading"):
    try:
        importlib.import_module(name)
        imported.append(name)
    except Exception:
        pass
seen["imported"] = imported
server = os.getppid()
seen["through_proc"] = [p for p in (f"/proc/{server}/cwd/forkserver.log", f"/proc/{server}/environ",
                                    f"/proc/{server}/root{package}/questions/q07_pooled_cnn/solution.py",
                                    f"/proc/{server}/root{REPO}/solutions/lecture06.ipynb")
                        if readable(p)]
seen["fd_listing"] = listing(f"/proc/{server}/fd")
# The import folders it reaches through descriptors opened before its uid changed (a 0700 /root on the way):
# climbing out of one must not lead to the judge's files either.
seen["through_own_descriptors"] = [p for fd in (listing("/proc/self/fd") or [])
                                   for p in (f"/proc/self/fd/{fd}/" + "../" * 16 + package.lstrip("/")
                                             + "/questions/reference.py",
                                             f"/proc/self/fd/{fd}/" + "../" * 16 + REPO.lstrip("/") + "/pyproject.toml")
                                   if readable(p)]
seen["torch_works"] = __import__("torch").nn.functional.conv2d(__import__("torch").ones(1, 1, 3, 3),
                                                               __import__("torch").ones(1, 1, 2, 2)).shape == (1, 1, 2, 2)
import numpy.linalg, numpy.fft  # submodules it may import only now, from the runtime it must still read
seen["numpy_works"] = float(numpy.linalg.det(numpy.eye(2))) == 1.0
import shlex, getopt, json.tool  # standard modules the fork server never imported
seen["stdlib_works"] = shlex.split("a 'b c'") == ["a", "b c"] and getopt.getopt(["-v"], "v")[0] == [("-v", "")]
'''


def test_a_worker_reads_no_judge_file_by_any_way_but_still_runs(ns0_server, tmp_path):
    path = tmp_path / "observer.py"
    path.write_text(f"REPO = {str(ROOT)!r}\n" + OBSERVER)
    probe = SandboxProbe(ns0_server, load(Source(path)), Limits(timeout=60, probe_timeout=10, unit_timeout=30),
                         slot=SLOT)
    try:
        probe.start()
        seen = probe.value("seen")
    finally:
        probe.close()
    assert seen["by_path"] == []
    assert seen["listings"] == []
    assert seen["imported"] == []
    assert seen["through_proc"] == [] and seen["fd_listing"] is None and seen["through_own_descriptors"] == []
    assert seen["torch_works"] is True and seen["numpy_works"] is True and seen["stdlib_works"] is True


def test_the_solutions_still_get_full_marks_without_namespaces(ns0_server, tmp_path):
    result = graded(ns0_server, tmp_path, solution_script())
    assert result.total == bank.total_points(), [c for c in result.checks if c.points < c.max_points][:3]


# -- what a submission leaves behind ---------------------------------------------------------------------

def test_answers_left_in_run_lock_do_not_reach_the_next_submission(ns0_server, tmp_path):
    writer = graded(ns0_server, tmp_path, (ATTACKS / "r3_ns0_persist_run_lock_writer.py").read_text(), "writer.py")
    assert writer.scores["q1"] == bank.question("q1").points  # its own answers are honest
    assert not os.path.lexists("/run/lock/.cnn-grader-shared-answers")
    reader = graded(ns0_server, tmp_path, (ATTACKS / "r3_ns0_persist_run_lock_reader.py").read_text(), "reader.py")
    assert {q: reader.scores[q] for q in ("q1", "q9", "q10")} == {"q1": 0, "q9": 0, "q10": 0}


LEAVER = r'''
import os, stat
MARK = ".cnn-grader-ns0-left-" + str(os.getuid())
left = []
def writable_folders():
    """Every folder this process can write, found by walking the file system from inside."""
    stack = ["/"]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if not entry.is_dir(follow_symlinks=False) or entry.path in ("/proc", "/sys"):
                    continue
            except OSError:
                continue
            if os.access(entry.path, os.W_OK | os.X_OK):
                yield entry.path
            stack.append(entry.path)
for folder in writable_folders():
    if folder == os.getcwd() or folder.startswith(os.getcwd() + "/"):
        continue  # its own scratch folder, removed by the judge
    try:
        with open(os.path.join(folder, MARK), "w") as f:
            f.write("C")
        os.makedirs(os.path.join(folder, MARK + ".d", "deeper"))
        left.append(folder)
    except OSError:
        pass
'''

FINDER = r'''
import os
MARK = ".cnn-grader-ns0-left-" + str(os.getuid())
found = [p for folder in FOLDERS for p in (os.path.join(folder, MARK), os.path.join(folder, MARK + ".d"))
         if os.path.lexists(p)]
'''


def test_nothing_left_in_any_writable_folder_reaches_the_next_submission(ns0_server, tmp_path):
    # A world-writable folder two levels down, which no fixed list of shared places names.
    outer = world_traversable_folder("cnn-grader-ns0-")
    (outer / "nested").mkdir(mode=0o755)
    drop = outer / "nested" / "drop"
    drop.mkdir()
    drop.chmod(0o1777)
    try:
        restarted = ForkServerClient(isolate=False)  # its survey of writable places sees the new folder
        try:
            path = tmp_path / "leaver.py"
            path.write_text(LEAVER)
            probe = SandboxProbe(restarted, load(Source(path)), Limits(timeout=120, probe_timeout=60,
                                                                       unit_timeout=100), slot=SLOT)
            try:
                probe.start()
                left = probe.value("left")
            finally:
                probe.close()
            # The Landlock view leaves it no folder to write but its scratch; the sweep after each worker only
            # covers the shared places (README), so this holds only where the kernel has Landlock.
            if not probe.log.isolation["landlock"]:
                pytest.skip("this kernel has no Landlock: only the shared places are swept")
            assert left == []
            path = tmp_path / "finder.py"
            path.write_text(f"FOLDERS = {left!r}\n" + FINDER)
            probe = SandboxProbe(restarted, load(Source(path)), FAST, slot=SLOT)
            try:
                probe.start()
                assert probe.value("found") == []
            finally:
                probe.close()
        finally:
            restarted.close()
        mark = f".cnn-grader-ns0-left-{UID}"
        assert [f for f in left if os.path.lexists(os.path.join(f, mark))] == []
    finally:
        import shutil

        shutil.rmtree(outer, ignore_errors=True)


def test_what_a_slots_uid_left_before_the_run_is_not_seen_by_its_first_worker(tmp_path):
    # As a grading run killed before its clean-up would leave it.
    stale = Path("/run/lock") / ".cnn-grader-ns0-stale"
    stale.write_text("C")
    os.chown(stale, UID, UID)
    try:
        with ForkServerClient(isolate=False) as fresh:
            result = graded(fresh, tmp_path, "import os\nq1_answer = open('/run/lock/.cnn-grader-ns0-stale').read()\n")
        assert result.scores["q1"] == 0
    finally:
        if stale.exists():
            stale.unlink()


# -- the zip's run_autograder ----------------------------------------------------------------------------

def test_run_autograder_without_namespaces_gives_the_graders_solutions_to_nobody(tmp_path):
    from tests.test_gradescope import layout, run_autograder

    place = world_traversable_folder("cnn-grader-ns0-gradescope-")
    try:
        root = layout(place, {"lecture06.py": (ATTACKS / "r3_ns0_import_solutions.py").read_bytes()})
        root.chmod(0o755)  # as Gradescope's /autograder
        doc = run_autograder(root, namespaces=False, slot=SLOT)
        assert doc["score"] == 0, doc["output"]
    finally:
        import shutil

        shutil.rmtree(place, ignore_errors=True)


def test_a_runtime_other_users_cannot_reach_is_named(monkeypatch):
    """A worker without its own file system imports from the runtime in place: a 0700 folder on the way (this
    machine's /root) makes every import the fork server had not done fail, so the batch says which folder."""
    import shutil
    import sys

    from grader.judge import engine

    base = Path(tempfile.mkdtemp(dir="/tmp")).resolve()  # /tmp itself: pytest's own folders are 0700
    try:
        runtime = base / "home" / "python"
        runtime.mkdir(parents=True)
        for prefix in ("prefix", "base_prefix", "exec_prefix"):
            monkeypatch.setattr(sys, prefix, str(runtime))
        os.chmod(base, 0o755)
        assert engine.runtime_out_of_reach() is None
        os.chmod(base / "home", 0o700)
        assert engine.runtime_out_of_reach() == base / "home"
    finally:
        shutil.rmtree(base)


def test_modules_the_fork_server_never_imported_import_without_namespaces(ns0_server, tmp_path):
    """Fairness round 13: under a runtime other users cannot reach (this machine's 0700 /root), `import shlex`
    failed without namespaces and a correct notebook got an error row; the worker now reaches the import folders
    through descriptors opened before its uid changed."""
    result = graded(ns0_server, tmp_path, "import getpass, shlex, getopt, csv, json.tool, email.mime.text\n"
                                          "from torch.optim.lr_scheduler import StepLR\n"
                                          "q1_answer = shlex.split('C')[0]\n")
    assert result.status == "ok", (result.status, result.error)
    assert result.scores["q1"] == result.max_scores["q1"]


def test_the_batch_warns_when_workers_without_landlock_cannot_reach_the_runtime(monkeypatch):
    from types import SimpleNamespace

    from grader.judge import batch

    monkeypatch.setattr(batch, "runtime_out_of_reach", lambda: Path("/root"))
    from grader.checkapi.protocol import Key

    failed = {Key.ERROR: "`ModuleNotFoundError: No module named 'getpass'` (line 1)"}

    def row(**isolation):
        return SimpleNamespace(isolation=isolation, units=[failed])

    assert batch.runtime_warning([row(filesystem=False, landlock=True)]) is None
    assert batch.runtime_warning([row(filesystem=True, landlock=False)]) is None
    warning = batch.runtime_warning([row(filesystem=False, landlock=False), row(filesystem=False, landlock=True)])
    assert "/root" in warning and "1 submission(s) had an import fail" in warning
    monkeypatch.setattr(batch, "runtime_out_of_reach", lambda: None)
    assert batch.runtime_warning([row(filesystem=False, landlock=False)]) is None


def test_non_ascii_names_and_lazy_standard_modules_work_without_namespaces(ns0_server, tmp_path):
    """Fairness round 5: a cell with a non-ASCII name killed the worker (the parser needed unicodedata, out of
    reach under a 0700 /root), and `from decimal import Decimal` failed; the fork server loads both."""
    result = graded(ns0_server, tmp_path, "from decimal import Decimal\nfrom fractions import Fraction\n"
                                          "größe = Decimal(3) / 3 + int(Fraction(3, 1))\nσ = 'C'\nq1_answer = σ\n")
    assert result.status == "ok", (result.status, result.error)
    assert result.scores["q1"] == result.max_scores["q1"]
