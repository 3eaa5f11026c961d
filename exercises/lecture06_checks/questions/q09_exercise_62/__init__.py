"""Exercise 6.2: select the true statements: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Exercise 6.2: select the true statements"
TOPIC = "Questions for you"
POINTS = 2
#: The statements' letters, in the order prompt.md lists them.
LETTERS = ("A", "B", "C", "D", "E")

#: The order the statements are listed in: ``order[i]`` is the statement (by its letter in the
#: lecture's exercise) shown under ``LETTERS[i]``.
LECTURE = {"order": list(LETTERS)}


def draw(rng, earlier):
    """The exercise's statements in a random order."""
    order = list(LETTERS)
    rng.shuffle(order)
    return {"order": order}


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics: where the true statement is."""
    return f"({LETTERS[params['order'].index('C')]}) is the lecture's (C)"
