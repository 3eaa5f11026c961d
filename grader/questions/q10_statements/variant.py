"""The truth of q10's statements whose numbers vary, asked of torch.  Judge side (torch)."""

from __future__ import annotations

import torch
from torch import nn

from ...variants import VariantError
from .. import reference
from . import STATEMENTS


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
    from .checks import truth

    s5 = params["s5"]
    if reference.conv_output_size(s5["size"], s5["kernel"], s5["stride"], 0) is None:
        raise VariantError("q10: statement 5's kernel does not fit")
    truths = {n: truth(n) for n in range(1, STATEMENTS + 1)}
    truths.update(numbered_truths(params))
    return {"answers": {str(n): bool(v) for n, v in truths.items()}}
