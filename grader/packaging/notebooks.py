"""The student notebook and the solutions notebook, rendered from the questions."""

from __future__ import annotations

from ..assignment import NAME as ASSIGNMENT
from ..assignment import NOTEBOOK, TITLE
from ..numbers import number
from ..questions import bank
from ..questions.base import Question

#: The questions are counted, never written down: "Ten" comes from the folders.
NUMBER_WORDS = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
                "Twelve")

INTRO = """\
# {title}

{count} short exercises on convolutions, output shapes, parameter counts and CNNs in PyTorch.

- Replace every `...` with your answer and run the cells in order.
- After each answer, run its `grader.check("qN")` cell: it runs the **public** tests (names, types, one easy case).
  Passing them does not mean the answer is right: **hidden** tests decide the grade. They compare your functions
  with PyTorch itself on fresh random inputs, and your models with reference networks.
- Do not rename anything the questions ask you to define.
"""

OTTER_INIT = f'# Initialize Otter\nimport otter\ngrader = otter.Notebook("{NOTEBOOK}")'


def _points(q: Question) -> str:
    p = q.points
    return f"{number(p)} point" + ("" if p == 1 else "s")


#: The notebook metadata key naming the variant a notebook was written for (absent: the lecture's).
VARIANT_METADATA = "cnn_grader"


def notebook(*, answered: bool, questions: tuple[Question, ...] | None = None, variant_tag: str | None = None) -> str:
    """The student notebook (``answered=False``) or the solutions notebook, as nbformat JSON text.

    ``questions``: the questions with a variant's numbers (:func:`grader.questions.bank.for_variant`),
    the lecture's by default; ``variant_tag``: the variant's tag, kept in the notebook's metadata so
    that a notebook handed in by another student than its own is recognised.
    """
    import nbformat
    from nbformat import v4

    questions = bank.QUESTIONS if questions is None else questions
    count = len(questions)
    intro = INTRO.format(title=TITLE, count=NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count))
    cells = [v4.new_markdown_cell(intro, id="intro"), v4.new_code_cell(OTTER_INIT, id="otter-init")]
    for q in questions:
        cells.append(v4.new_markdown_cell(f"## {q.id.upper()}. {q.title} ({_points(q)})\n\n{q.prompt}",
                                          id=f"{q.id}-prompt"))
        cells.append(v4.new_code_cell((q.solution if answered else q.starter).rstrip("\n"), id=f"{q.id}-answer"))
        cells.append(v4.new_code_cell(f'grader.check("{q.id}")', id=f"{q.id}-check"))
    cells.append(v4.new_markdown_cell("## Check everything\n\nRun the public tests of every question.",
                                      id="check-all-prompt"))
    cells.append(v4.new_code_cell("grader.check_all()", id="check-all"))
    metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "otter": {"assignment_name": ASSIGNMENT},
    }
    if variant_tag is not None:
        metadata[VARIANT_METADATA] = {"variant": variant_tag}
    nb = v4.new_notebook(cells=cells, metadata=metadata)
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"
