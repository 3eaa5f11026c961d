"""q1's numbers checked by torch, and the letter they make right.  Judge side (torch)."""

from __future__ import annotations

from ...variants import VariantError
from .. import reference
from . import LECTURE, LETTERS


def answers(params: dict, *, drawn: bool = False) -> dict:
    side = reference.conv_output_size(params["input"], params["kernel"])
    if side is None or params["options"].count(side) != 1 or len(set(params["options"])) != len(LETTERS):
        raise VariantError(f"q1: the options {params['options']} do not hold torch's {side} once")
    if drawn and (params["input"], params["kernel"]) == (LECTURE["input"], LECTURE["kernel"]):
        raise VariantError("q1: the exercise's own filter and map")
    return {"answer": LETTERS[params["options"].index(side)], "side": side}
