"""Build ``autograder.zip``: Otter 7's Gradescope format, byte for byte reproducible.

Otter's own ``generate`` lays the zip out (setup.sh, environment.yml, the
test files, ``files/``); this module feeds it the generated test files and
the grader package, then rewrites the archive with sorted entries, a fixed
timestamp and fixed modes, so that two builds are identical.

Two ways to grade with the same zip:

* on Gradescope, ``run_autograder`` (ours) runs cnn-grader's isolated engine
  on the submission and writes ``results.json`` whatever happens;
* ``otter run -a autograder.zip`` (plain Otter mode, no Docker needed) runs
  Otter's tests in the student's kernel; they call the same checks.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import tempfile
import zipfile
from pathlib import Path

from ..assignment import NAME as ASSIGNMENT
from ..errors import BuildError
from ..feedback import DEFAULT as DEFAULT_FEEDBACK
from ..feedback import check_mode
from ..lateness import LatePolicy
from ..questions import bank
from .bytecode import compile_command

PYTHON_VERSION = "3.11"
#: The torch release graded with; pyproject.toml pins the same one (tests/test_build.py holds them together).
TORCH_VERSION = "2.13.0"
#: Gradescope has no GPU: the CPU wheel index keeps several GB of CUDA libraries out of every image.
#: pyseccomp binds the image's libseccomp2 (Ubuntu ships it) for the workers' seccomp filter; landlock
#: the kernel's Landlock, the workers' view of the file system without namespaces.
#: numpy, pandas, matplotlib and torchsummary are the lecture's own imports: a notebook keeping its
#: first cell must run here too.
REQUIREMENTS = f"""\
--extra-index-url https://download.pytorch.org/whl/cpu
torch=={TORCH_VERSION}+cpu
click>=8.1
jinja2>=3.1
nbformat>=5.9
pyseccomp==0.1.2
landlock==1.0.0.dev5
numpy>=1.26
pandas>=2.1
matplotlib>=3.8
torchsummary==1.5.1
"""
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
EXECUTABLE = ("run_autograder", "setup.sh")
#: Where Gradescope unpacks the zip's ``files/`` (the grader package), and the environment setup.sh builds.
GRADESCOPE_FILES = "/autograder/source/files"
ENV_NAME = "otter-env"
#: The zip's config file (Otter's), which also carries cnn-grader's own settings.
CONFIG = "otter_config.json"
#: cnn-grader's settings in it, under a key of their own: Otter ignores keys it does not know.
CONFIG_KEY = "cnn_grader"


def otter_config(late_policy: LatePolicy | None = None) -> dict:
    """The zip's ``otter_config.json``; ``late_policy``, when given, goes under ``cnn_grader.late_policy``
    for ``run_autograder`` to apply (without one the key is left out)."""

    config = {
        "assignment_name": ASSIGNMENT,
        "lang": "python",
        # Per-question results are hidden until grades are published; the public
        # tests' summary stays visible, as students saw it in their notebook.
        "show_hidden": False,
        "points_possible": bank.total_points(),
    }
    if late_policy is not None:
        config[CONFIG_KEY] = {"late_policy": late_policy.as_dict()}
    return config


def zip_late_policy(source: Path) -> LatePolicy | None:
    """The late policy of the zip unpacked in ``source`` (``/autograder/source``); None when it has none.

    Raises:
        BuildError: the config holds a policy that cannot be read.
    """
    try:
        config = json.loads((source / CONFIG).read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise BuildError(f"{source / CONFIG}: cannot be read ({exc})") from None
    settings = config.get(CONFIG_KEY) if isinstance(config, dict) else None
    try:
        return LatePolicy.from_dict(settings.get("late_policy")) if isinstance(settings, dict) else None
    except ValueError as exc:
        raise BuildError(f"{source / CONFIG}: {CONFIG_KEY}.late_policy: {exc}") from None


def _package_files(dest: Path) -> None:
    """Copy the grader package (sources and templates only) to ``dest/grader``."""
    src = Path(__file__).parents[1]
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if "__pycache__" in rel.parts or path.suffix in (".pyc", ".pyo") or path.is_dir():
            continue
        target = dest / "grader" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def normalise(raw: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same archive with sorted entries, a fixed timestamp and fixed modes (``replace`` swaps entries)."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        entries = {i.filename: zin.read(i.filename) for i in zin.infolist() if not i.is_dir()}
        entries.update(replace)
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (0o100000 | (0o755 if name in EXECUTABLE else 0o644)) << 16
            zout.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()


#: The course key's name in a zip built with one (``/autograder/source/`` on Gradescope, which
#: run_autograder makes unreadable to the student's process).
KEY_FILE = "course.key"


def zip_key(source: Path) -> bytes | None:
    """The course key of the zip unpacked in ``source``; None for a zip without one (the lecture's numbers)."""
    from ..variants import read_key

    return read_key(source / KEY_FILE) if (source / KEY_FILE).exists() else None


def autograder_zip(late_policy: LatePolicy | None = None, *, feedback: str = DEFAULT_FEEDBACK,
                   key: bytes | None = None) -> bytes:
    """The Gradescope autograder, as bytes: ``late_policy`` in its config, when given; ``feedback``:
    what its results.json shows students; ``key``: a course key, to grade each submission against
    the numbers of its (first) submitter's email.  The committed zip has none."""
    from otter.generate import main as otter_generate

    from .otter_tests import otter_test_file  # here: it brings jinja2, which Gradescope's judge need not import

    with tempfile.TemporaryDirectory(prefix="cnn-grader-build-") as tmp:
        work = Path(tmp)
        (work / "tests").mkdir()
        for q in bank.QUESTIONS:
            (work / "tests" / f"{q.id}.py").write_text(otter_test_file(q))
        (work / "requirements.txt").write_text(REQUIREMENTS)
        (work / CONFIG).write_text(json.dumps(otter_config(late_policy), indent=2))
        _package_files(work)
        here = os.getcwd()
        os.chdir(work)  # otter generate takes support files relative to the working directory
        try:
            otter_generate(tests_dir="tests", output_path="raw.zip", config=CONFIG,
                           requirements="requirements.txt", no_environment=True, files=["grader"],
                           python_version=PYTHON_VERSION)
        except Exception as exc:  # otter reports its own failures with arbitrary exception types
            raise BuildError(f"otter generate failed: {exc}") from None
        finally:
            os.chdir(here)
        with zipfile.ZipFile(work / "raw.zip") as raw:
            otters_setup = raw.read("setup.sh").decode()
        replace = {"run_autograder": run_autograder(feedback).encode(), "setup.sh": with_compile_step(otters_setup)}
        if key is not None:
            replace[KEY_FILE] = key
        return normalise((work / "raw.zip").read_bytes(), replace=replace)


def with_compile_step(otters_setup: str) -> bytes:
    """Otter's setup.sh, then :func:`compile_command` in the environment it built."""
    step = shlex.join(["mamba", "run", "-n", ENV_NAME, *compile_command("python", GRADESCOPE_FILES)])
    return (otters_setup.rstrip("\n") + "\n\n# cnn-grader: compile the grader's modules once, for every submission's "
            f"container\n{step}\n").encode()


#: Seconds run_autograder allows grading before it writes a results.json of its own.
BUDGET = 540


def run_autograder(feedback: str = DEFAULT_FEEDBACK) -> str:
    """Gradescope's entry point: cnn-grader's isolated engine instead of Otter's in-kernel tests."""
    from ..outputs.gradescope_json import failure_results
    from ..outputs.templating import ENV

    # What it writes when the grader wrote nothing (printf puts the reason in place of %s).
    failure = json.dumps(failure_results("No grade: %s. Your instructor has been told."))
    return ENV.get_template("run_autograder.sh.j2").render(budget=BUDGET, env_name=ENV_NAME,
                                                           feedback=check_mode(feedback), failure=failure)
