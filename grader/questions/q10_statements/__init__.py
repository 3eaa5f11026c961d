"""True or false: convolutions in PyTorch: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "True or false: convolutions in PyTorch"
TOPIC = "Convolutions, pooling and their parameters"
POINTS = 2
#: The statements are numbered 1 to STATEMENTS in prompt.md.
STATEMENTS = 8

#: The numbers inside the statements: 4, ``conv`` (in, out, kernel) and the ``count`` claimed; 5, a
#: ``kernel`` x kernel kernel with ``stride`` on a ``size`` x size input and the ``side`` claimed;
#: 6, the Conv2d (in, out, kernel) and the weight ``shape`` claimed; 8, ``MaxPool2d(pool)`` on a
#: ``size`` x size map and the ``side`` claimed.
LECTURE = {"s4": {"conv": [3, 8, 5], "count": 608},
           "s5": {"size": 10, "kernel": 3, "stride": 2, "side": 5},
           "s6": {"conv": [1, 3, 3], "shape": [1, 3, 3, 3]},
           "s8": {"size": 7, "pool": 2, "side": 4}}


def draw(rng, earlier):
    """Other numbers; each claim is right or one of the usual mistakes, at random, so truths vary."""
    c_in, c_out, k = rng.randint(1, 6), rng.randint(2, 16), rng.choice((3, 5, 7))
    right = c_out * c_in * k * k + c_out
    count = rng.choice((right, right - c_out, c_out * c_in * k + c_out))
    size, kernel, stride = rng.randint(8, 32), rng.choice((3, 5)), rng.choice((2, 3))
    out = (size - kernel) // stride + 1
    side = rng.choice((out, size // stride, out + 1))
    a, b = rng.randint(1, 4), rng.randint(5, 16)
    a_k = rng.choice((3, 5))
    shape = rng.choice(([b, a, a_k, a_k], [a, b, a_k, a_k]))
    pool_size, pool = rng.choice((5, 7, 9, 11, 13)), rng.choice((2, 3))
    pooled = pool_size // pool
    return {"s4": {"conv": [c_in, c_out, k], "count": count},
            "s5": {"size": size, "kernel": kernel, "stride": stride, "side": side},
            "s6": {"conv": [a, b, a_k], "shape": shape},
            "s8": {"size": pool_size, "pool": pool, "side": rng.choice((pooled, pooled + 1))}}


def describe(params):
    """The range a variant falls in, for the report's per-variant statistics: the claims that are the right number."""
    s4, s8 = params["s4"], params["s8"]
    c_in, c_out, k = s4["conv"]
    right = [n for n, ok in ((4, s4["count"] == c_out * c_in * k * k + c_out), (8, s8["side"] == s8["size"] // s8["pool"]))
             if ok]
    return "right counts in " + (", ".join(map(str, right)) or "none") + " (of 4, 8)"
