"""Exercise 6.1: the output of a 3x3 filter: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Exercise 6.1: the output of a 3x3 filter"
TOPIC = "Convolutions and filters"
POINTS = 1
#: The answer options, in the order prompt.md lists them.
LETTERS = ("A", "B", "C")

#: The lecture's numbers: a ``kernel`` x kernel filter on an ``input`` x input map, and the output
#: sides the options offer, in the order of ``LETTERS``.
LECTURE = {"input": 4, "kernel": 3, "options": [4, 3, 2]}


def draw(rng, earlier):
    """The exercise's 3x3 filter (its title says so) on another map, and three options in a random order."""
    side, kernel = rng.randint(5, 9), LECTURE["kernel"]
    right = side - kernel + 1
    wrong = [s for s in dict.fromkeys((side, side - kernel, kernel, right + 1)) if s != right and s > 0]
    options = [right, *rng.sample(wrong, 2)]
    rng.shuffle(options)
    return {"input": side, "kernel": kernel, "options": options}


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"{params['input']}x{params['input']} input"
