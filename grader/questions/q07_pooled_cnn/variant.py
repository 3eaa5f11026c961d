"""q7's network by torch: its Linear layer and its parameter count.  Judge side (torch)."""

from __future__ import annotations

from ...variants import VariantError
from .. import reference


def answers(params: dict, *, drawn: bool = False) -> dict:
    model = reference.PooledCNN(network=params["network"])
    unpadded = reference.PooledCNN(padding=0, network=params["network"])
    if reference.param_count(model) == reference.param_count(unpadded):
        raise VariantError("q7: the count without padding is the same")
    return {"linear_in": model.main[-1].in_features, "params": reference.param_count(model)}
