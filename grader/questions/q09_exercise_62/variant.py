"""q9's statements in their drawn order, each one's truth by torch.  Judge side (torch)."""

from __future__ import annotations

from ...variants import VariantError
from . import LETTERS
from .checks import truth


def answers(params: dict, *, drawn: bool = False) -> dict:
    if sorted(params["order"]) != sorted(LETTERS):
        raise VariantError(f"q9: {params['order']} is not an order of the statements")
    return {"true": [shown for shown, original in zip(LETTERS, params["order"]) if truth(original)]}
