"""Shapes through a pooled CNN: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Shapes through a pooled CNN"
TOPIC = "Cooking up a CNN: pooling and flattening"
POINTS = 2

#: The lecture's pooled CNN: a ``side`` x side image of ``channels[0]`` channels; two convolutions
#: (``channels[0]`` to ``channels[1]`` to ``channels[2]``) with a ``kernel`` x kernel kernel and
#: ``padding`` that keeps the size, each followed by ReLU and ``MaxPool2d(2)``.
#: Later questions build this network: they find these parameters under this name.
SHARES = "pooled_network"
LECTURE = {"side": 100, "channels": [1, 3, 2], "kernel": 3, "padding": 1}


def draw(rng, earlier):
    """Another image size, other channels, a 3x3 or 5x5 kernel with the padding that keeps the size."""
    while True:
        kernel = rng.choice((3, 5))
        params = {"side": rng.randrange(32, 129, 4), "channels": [rng.choice((1, 3)), rng.randint(2, 8),
                                                                    rng.randint(2, 8)],
                  "kernel": kernel, "padding": kernel // 2}
        if (params["side"], params["channels"]) != (LECTURE["side"], LECTURE["channels"]):
            return params


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"kernel {params['kernel']}, {params['channels'][0]} input channel(s)"
