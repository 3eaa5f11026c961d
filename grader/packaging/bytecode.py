"""The grader's bytecode, compiled ahead: once for Gradescope's image (the zip's setup.sh), once by ``scripts/setup``.

Without it, every fresh container compiles what it imports again, in the judge and in its fork server (the whole
1.3 MB of source takes 0.3 s of one CPU; a submission's run was measured 0.1 s of CPU faster), and Python reads
cached bytecode even where it may not write it (the fork server runs with ``PYTHONDONTWRITEBYTECODE``, and so may
the machine).  Imports nothing of the grader's, nor torch: ``python -m grader.packaging.bytecode DIR`` stays quick.
"""

from __future__ import annotations

import subprocess
import sys

#: What ``compileall`` leaves out: each question's ``solution.py`` is a Jinja template (the numbers of a variant).
NOT_PYTHON = r"/questions/q[0-9][0-9]_[a-z0-9_]+/solution\.py$"


def compile_command(python: str, files: str) -> list[str]:
    """The command that compiles every module under ``files`` with ``python`` (:data:`NOT_PYTHON` left out)."""
    return [python, "-m", "compileall", "-q", "-x", NOT_PYTHON, files]


if __name__ == "__main__":
    sys.exit(subprocess.call(compile_command(sys.executable, *sys.argv[1:2] or ["grader"])))
