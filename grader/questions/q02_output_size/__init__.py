"""The output size of a convolution: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "The output size of a convolution"
TOPIC = "Convolutions and filters: padding and stride"
POINTS = 3

#: The lecture's example the prompt states: a ``kernel`` x kernel kernel on a ``size`` x size image.
LECTURE = {"size": 100, "kernel": 5}


def draw(rng, earlier):
    """Another image and an odd kernel, never the lecture's 100 and 5."""
    while True:
        params = {"size": rng.randrange(24, 129, 4), "kernel": rng.choice((3, 5, 7))}
        if params != LECTURE:
            return params


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"example kernel {params['kernel']}"
