"""Parameter formulas: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Parameter formulas"
TOPIC = "Ingredient 1: convolutional layers"
POINTS = 2

#: The lecture's counts the prompt and the public check state: ``conv2d_params(*conv)`` and
#: ``linear_params(*linear)``.
LECTURE = {"conv": [1, 3, 3], "linear": [16, 4]}


def draw(rng, earlier):
    """Other examples, never the lecture's."""
    while True:
        params = {"conv": [rng.randint(1, 6), rng.randint(2, 12), rng.choice((2, 3, 5))],
                  "linear": [rng.choice((8, 10, 12, 16, 20, 24, 32)), rng.randint(2, 10)]}
        if params["conv"] != LECTURE["conv"] and params["linear"] != LECTURE["linear"]:
            return params


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"example kernel {params['conv'][2]}"
