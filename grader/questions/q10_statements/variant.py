"""The truth of q10's statements whose numbers vary, asked of torch.  Judge side (torch)."""

from __future__ import annotations

import functools

import torch
from torch import nn

from ...variants import VariantError
from .. import reference
from . import STATEMENTS


def _unbatched_conv_works() -> bool:
    try:
        return tuple(nn.Conv2d(3, 2, 3)(torch.zeros(3, 6, 6)).shape) == (2, 4, 4)
    except RuntimeError:
        return False


def _conv_count_depends_on_image() -> bool:
    # Parameters belong to the layer; run it on two image sizes and count again.
    layer = nn.Conv2d(1, 3, 3)
    before = reference.param_count(layer)
    for side in (8, 32):
        layer(torch.zeros(1, 1, side, side))
    return reference.param_count(layer) != before or reference.param_count(nn.Conv2d(1, 3, 3)) != before


#: Per statement number of prompt.md: (its truth, by torch; the hint shown when it is judged wrongly).
TRUTHS = dict(zip(range(1, STATEMENTS + 1), (
    (lambda: all(reference.conv_output_size(20, k, 1, k // 2) == 20 for k in (1, 3, 5, 7)),
     "Work out floor((n + 2p - k) / s) + 1 with p = k // 2 and an odd k."),
    (_conv_count_depends_on_image,
     "A layer's weights are its kernels and biases: does their number change with the image?"),
    (lambda: reference.param_count(nn.MaxPool2d(2)) == 0,
     "What would max pooling learn? It takes the maximum of fixed windows."),
    (lambda: reference.conv2d_params(3, 8, 5) == 608,
     "Count out x in x k x k weights plus out biases."),
    (lambda: reference.conv_output_size(10, 3, 2, 0) == 5,
     "Use floor((n + 2p - k) / s) + 1."),
    (lambda: tuple(nn.Conv2d(1, 3, (3, 3)).weight.shape) == (1, 3, 3, 3),
     "PyTorch stores a Conv2d weight as (out_channels, in_channels, kH, kW)."),
    (_unbatched_conv_works,
     "The lecture passed an image of shape (1, 100, 100) straight to a Conv2d layer."),
    (lambda: tuple(nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-2:]) == (4, 4),
     "Max pooling drops a leftover row or column that does not fill a window."),
), strict=True))


@functools.lru_cache(maxsize=None)
def truth(number: int) -> bool:
    """Whether statement ``number`` holds, decided by running PyTorch (once per process)."""
    return bool(TRUTHS[number][0]())


def numbered_truths(params: dict) -> dict:
    """{statement number: its truth, by torch} for the statements carrying the variant's numbers."""
    s4, s5, s6, s8 = params["s4"], params["s5"], params["s6"], params["s8"]
    a, b, k = s6["conv"]
    return {
        4: reference.conv2d_params(*s4["conv"]) == s4["count"],
        5: reference.conv_output_size(s5["size"], s5["kernel"], s5["stride"], 0) == s5["side"],
        6: tuple(nn.Conv2d(a, b, (k, k), device="meta").weight.shape) == tuple(s6["shape"]),
        8: tuple(nn.MaxPool2d(s8["pool"])(torch.zeros(1, s8["size"], s8["size"])).shape[-2:]) == (s8["side"],) * 2,
    }


def answers(params: dict, *, drawn: bool = False) -> dict:
    s5 = params["s5"]
    if reference.conv_output_size(s5["size"], s5["kernel"], s5["stride"], 0) is None:
        raise VariantError("q10: statement 5's kernel does not fit")
    truths = {n: truth(n) for n in range(1, STATEMENTS + 1)}
    truths.update(numbered_truths(params))
    return {"answers": {str(n): bool(v) for n, v in truths.items()}}
