"""Generate every artifact from the question bank: notebooks, student tests, the Gradescope zip.

Nothing here is written by hand.  :func:`artifacts` renders all of it in
memory, deterministically, so that ``cnn-grader build`` rewrites only what
changed and ``cnn-grader build --check`` (and a test) can tell when a
committed file is stale.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..questions import bank
from ..assignment import NAME as ASSIGNMENT, TITLE
from ..questions.base import Check, Question
from ..errors import BuildError
from ..feedback import DEFAULT as DEFAULT_FEEDBACK, check_mode
from ..lateness import LatePolicy
from ..outputs.templating import ENV

NOTEBOOK = f"{ASSIGNMENT}.ipynb"
#: The folder, next to the student notebook, holding the code public tests need.
VENDORED = f"{ASSIGNMENT}_checks"
#: Modules of grader.checkapi a student's public tests import (no hidden check, no reference).
VENDORED_MODULES = ("__init__.py", "wire.py", "handler.py", "probe.py", "verdict.py", "public.py")


INTRO = f"""\
# {TITLE}

Ten short exercises on convolutions, output shapes, parameter counts and CNNs in PyTorch.

- Replace every `...` with your answer and run the cells in order.
- After each answer, run its `grader.check("qN")` cell: it runs the **public** tests (names, types, one easy case).
  Passing them does not mean the answer is right: **hidden** tests decide the grade. They compare your functions
  with PyTorch itself on fresh random inputs, and your models with reference networks.
- Do not rename anything the questions ask you to define.
"""

OTTER_INIT = f'# Initialize Otter\nimport otter\ngrader = otter.Notebook("{NOTEBOOK}")'


def _points(q: Question) -> str:
    p = q.points
    return f"{p:g} point" + ("" if p == 1 else "s")


def notebook(*, answered: bool) -> str:
    """The student notebook (``answered=False``) or the solutions notebook, as nbformat JSON text."""
    import nbformat
    from nbformat import v4

    cells = [v4.new_markdown_cell(INTRO, id="intro"), v4.new_code_cell(OTTER_INIT, id="otter-init")]
    for q in bank.QUESTIONS:
        cells.append(v4.new_markdown_cell(f"## {q.id.upper()}. {q.title} ({_points(q)})\n\n{q.prompt}",
                                          id=f"{q.id}-prompt"))
        cells.append(v4.new_code_cell((q.solution if answered else q.starter).rstrip("\n"), id=f"{q.id}-answer"))
        cells.append(v4.new_code_cell(f'grader.check("{q.id}")', id=f"{q.id}-check"))
    cells.append(v4.new_markdown_cell("## Check everything\n\nRun the public tests of every question.",
                                      id="check-all-prompt"))
    cells.append(v4.new_code_cell("grader.check_all()", id="check-all"))
    nb = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "otter": {"assignment_name": ASSIGNMENT},
    })
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def otter_test_file(question: Question, checks: tuple[Check, ...], *, runner: str) -> str:
    """An Otter test file whose cases call ``runner`` (``module.function``) with each check."""
    module, function = runner.rsplit(".", 1)
    student_side = function == "run_in_notebook"
    cases = [{
        "id": c.id, "description": c.description, "hidden": c.hidden,
        # Student side: public checks by function name, each counting 1 in the student's own
        # tally (Otter divides by the total); in the grade they are worth nothing.
        "points": 1 if student_side else c.points,
        "target": c.run.__name__ if student_side else c.id,
    } for c in checks]
    return ENV.get_template("otter_test.py.j2").render(
        question=question, cases=cases, runner_module=module, runner_function=function)


def _vendored() -> dict[str, bytes]:
    here = Path(__file__).parents[1] / "checkapi"
    return {f"exercises/{VENDORED}/{name}": (here / name).read_bytes() for name in VENDORED_MODULES}


@functools.lru_cache(maxsize=2)
def artifacts(late_policy: LatePolicy | None = None, *, feedback: str = DEFAULT_FEEDBACK) -> dict[str, bytes]:
    """Every generated file, by path relative to the project root.

    ``late_policy``: see :func:`autograder_zip`; ``feedback``: what autograder.zip shows students on
    Gradescope (:mod:`grader.feedback`).  The committed zip is built with the defaults of both.
    """
    check_mode(feedback)
    out: dict[str, bytes] = {
        f"exercises/{NOTEBOOK}": notebook(answered=False).encode(),
        f"solutions/{NOTEBOOK}": notebook(answered=True).encode(),
    }
    for q in bank.QUESTIONS:
        out[f"exercises/tests/{q.id}.py"] = otter_test_file(
            q, q.public_checks, runner=f"{VENDORED}.public.run_in_notebook").encode()
    out.update(_vendored())
    from .otter_zip import autograder_zip

    out["autograder.zip"] = autograder_zip(late_policy, feedback=feedback)
    return out


def stale(root: Path, late_policy: LatePolicy | None = None, *, feedback: str = DEFAULT_FEEDBACK) -> list[str]:
    """Generated files that are missing or differ under ``root``."""
    return sorted(path for path, data in artifacts(late_policy, feedback=feedback).items()
                  if not (root / path).is_file() or (root / path).read_bytes() != data)


def write(root: Path, late_policy: LatePolicy | None = None, *, feedback: str = DEFAULT_FEEDBACK) -> list[str]:
    """Write every artifact that changed under ``root``; the paths written."""
    changed = stale(root, late_policy, feedback=feedback)
    data = artifacts(late_policy, feedback=feedback)
    try:
        for path in changed:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(data[path])
            tmp.replace(target)
    except OSError as exc:
        raise BuildError(f"cannot write {exc.filename}: {exc.strerror}") from None
    return changed
