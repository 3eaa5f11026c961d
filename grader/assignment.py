"""The assignment this package grades, named once.

Light on purpose (no torch, no question bank): the Canvas import matches a
gradebook's columns against these names without loading the checks.
"""

from __future__ import annotations

#: Otter's assignment name, the notebook's stem and the zip's ``assignment_name``.
NAME = "lecture06"
#: The student notebook's file name, and the name Gradescope's submission is looked for under.
NOTEBOOK = f"{NAME}.ipynb"
#: The title students see at the top of the notebook.
TITLE = "Lecture 6: Introduction to Convolutional Neural Networks"
#: How pages name it inside a sentence ("Feedback for ada: lecture 6"): the title's part before its colon.
LABEL = TITLE.split(":")[0].lower()
#: The title, short, for the class report's heading.
SHORT_TITLE = f"{LABEL}, Introduction to CNNs"


def record() -> dict:
    """What ``grades.json`` records about the assignment (``meta["assignment"]``)."""
    return {"name": NAME, "title": TITLE}
