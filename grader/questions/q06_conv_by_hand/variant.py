"""q6's convolution by torch, and whether a flipped kernel is told apart.  Judge side (torch)."""

from __future__ import annotations

import torch

from ...variants import VariantError
from .. import reference
from . import LECTURE


def example(params: dict) -> tuple[torch.Tensor, torch.Tensor]:
    """The input and the kernel of the by-hand convolution, as float32 tensors."""
    return (torch.tensor(params["image"], dtype=torch.float32), torch.tensor(params["kernel"], dtype=torch.float32))


def answers(params: dict, *, drawn: bool = False) -> dict:
    image, kernel = example(params)
    if image.shape != (5, 5) or kernel.shape != (3, 3):
        raise VariantError("q6: the input is 5x5 and the kernel 3x3")
    output = reference.conv2d(image, kernel)
    if torch.equal(output, reference.conv2d(image, kernel.flip(0, 1))):
        raise VariantError("q6: a flipped kernel gives the same output")
    if drawn and (params["image"] == LECTURE["image"] or params["kernel"] == LECTURE["kernel"]):
        raise VariantError("q6: the lecture's worked example")
    return {"output": [[int(v) for v in row] for row in output.tolist()]}
