"""Build the pooled CNN: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Build the pooled CNN"
TOPIC = "Cooking up a CNN"
POINTS = 4

#: The network to build: q3's pooled CNN (its parameters), with one output.
LECTURE = {"network": {"side": 100, "channels": [1, 3, 2], "kernel": 3, "padding": 1}}


def draw(rng, earlier):
    """The pooled network as drawn: the notebook asks to build the network whose shapes it follows."""
    return {"network": earlier["pooled_network"]}


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics."""
    return f"kernel {params['network']['kernel']}, {params['network']['channels'][0]} input channel(s)"
