"""q3's network run by torch: the shapes it asks for, with and without padding.  Judge side (torch)."""

from __future__ import annotations

from ...variants import VariantError
from .. import reference
from . import LECTURE


def shapes(network: dict, padding: int | None = None) -> tuple[list[tuple[int, int, int]], int]:
    """The shapes after conv1, pool1, conv2 and pool2, and Flatten's features, from a forward pass."""
    model = reference.PooledCNN(padding=padding, network=network)
    found = reference.layer_shapes(model, reference.pooled_input_shape(network))
    wanted = [s for kind, s in found if kind in ("Conv2d", "MaxPool2d")]
    return wanted, next(s for kind, s in found if kind == "Flatten")[0]


def answers(params: dict, *, drawn: bool = False) -> dict:
    wanted, flatten = shapes(params)
    unpadded, unpadded_flatten = shapes(params, padding=0)
    if wanted[-1][1] < 2:
        raise VariantError(f"q3: the last feature map is {wanted[-1]}")
    if any(a == b for a, b in zip(wanted, unpadded)) or flatten == unpadded_flatten:
        raise VariantError("q3: padding changes nothing, so its mistake cannot be named")
    if drawn and (params["side"], params["channels"]) == (LECTURE["side"], LECTURE["channels"]):
        raise VariantError("q3: the lecture's network")
    return {"shapes": [list(s) for s in wanted], "flatten": flatten}
