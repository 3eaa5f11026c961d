"""q2's example checked by torch.  Judge side (torch)."""

from __future__ import annotations

from ...variants import VariantError
from .. import reference
from . import LECTURE


def answers(params: dict, *, drawn: bool = False) -> dict:
    side = reference.conv_output_size(params["size"], params["kernel"])
    if side is None or side < 2:
        raise VariantError(f"q2: a {params['kernel']}-wide kernel on {params['size']} is no example")
    if drawn and params == LECTURE:
        raise VariantError("q2: the lecture's example")
    return {"example": side}
