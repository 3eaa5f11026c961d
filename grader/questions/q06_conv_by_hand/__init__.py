"""Convolution and max pooling by hand: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Convolution and max pooling by hand"
TOPIC = "Convolutions and filters; Ingredient 3: pooling"
POINTS = 4

#: The lecture's animated convolution: the 5x5 ``image`` and 3x3 ``kernel``, as rows.
LECTURE = {"image": [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
           "kernel": [[0, 1, 2], [2, 2, 0], [0, 1, 2]]}


def draw(rng, earlier):
    """A 5x5 input of 0 to 3 and a 3x3 kernel of 0 to 2 that a flip changes, never the lecture's."""
    while True:
        image = [[rng.randint(0, 3) for _ in range(5)] for _ in range(5)]
        kernel = [[rng.randint(0, 2) for _ in range(3)] for _ in range(3)]
        flipped = [row[::-1] for row in kernel[::-1]]
        if kernel != flipped and kernel != LECTURE["kernel"] and image != LECTURE["image"]:
            return {"image": image, "kernel": kernel}


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics: how many kernel weights are not 0."""
    return f"{sum(v != 0 for row in params['kernel'] for v in row)} non-zero kernel weights"
