"""Counting parameters: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Counting parameters"
TOPIC = "Ingredient 1: convolutional layers; CNN vs FCNN"
POINTS = 3

#: The lecture's numbers: ``conv`` is (in, out, kernel) of the single Conv2d; ``network`` is the pooled
#: CNN of q3 (its parameters); the fully connected network takes a flattened ``fcnn_side`` x
#: fcnn_side image through Linear layers of ``fcnn_hidden`` units, then one output.
LECTURE = {"conv": [3, 3, 3], "network": {"side": 100, "channels": [1, 3, 2], "kernel": 3, "padding": 1},
           "fcnn_side": 128, "fcnn_hidden": [256, 128, 64, 32, 16]}


def draw(rng, earlier):
    """Another Conv2d, the pooled network as drawn, another image size and widths for the FCNN."""
    while True:
        conv = [rng.randint(1, 8), rng.randint(2, 16), rng.choice((2, 3, 5, 7))]
        if conv != LECTURE["conv"]:
            break
    width = rng.choice((128, 256, 512))
    return {"conv": conv, "network": earlier["pooled_network"],
            "fcnn_side": rng.choice((28, 32, 48, 64, 96)), "fcnn_hidden": [width >> i for i in range(5)]}


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"conv kernel {params['conv'][2]}, network kernel {params['network']['kernel']}"
