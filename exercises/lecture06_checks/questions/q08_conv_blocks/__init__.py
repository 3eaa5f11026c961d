"""CNN vs FCNN: a network of conv blocks: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "CNN vs FCNN: a network of conv blocks"
TOPIC = "CNN vs FCNN"
POINTS = 3

#: The lecture's conv-block network: ``blocks`` blocks of ``width`` 3x3 kernels with padding 1 on
#: ``side`` x side images, then Flatten and ``Linear(width * side * side, 1)``.
LECTURE = {"side": 128, "width": 3, "blocks": 5}


def draw(rng, earlier):
    """Another image size, width and depth."""
    while True:
        params = {"side": rng.choice((32, 48, 64, 96, 128)), "width": rng.randint(2, 5), "blocks": rng.randint(3, 5)}
        if params != LECTURE:
            return params


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"{params['blocks']} blocks"
