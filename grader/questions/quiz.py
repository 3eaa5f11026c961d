"""True/false questions on convolutions: Exercise 6.2, then eight statements.

Each statement is scored on its own.  Where a statement is about what PyTorch
does, its truth is decided by asking PyTorch at grading time, not by a table.
"""

from __future__ import annotations

import functools

import torch
from torch import nn

from ..checkapi import public
from ..checkapi.verdict import Wrong
from . import reference
from .base import Check, Question


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


EXERCISE_62 = {
    # letter: (statement, truth by torch, hint when answered wrongly)
    "A": ("The *input* to a `torch.nn.Conv2d` layer is a 2D tensor.",
          lambda: nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 5, 5)).dim() == 2,
          "Recall the shape a Conv2d layer takes: (batch, channels, height, width), or (channels, height, width)."),
    "B": ("The *output* of a `torch.nn.Conv2d` layer is a 2D tensor.",
          lambda: nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 5, 5)).dim() == 2,
          "A convolution's output keeps the layout of its input: a batch of channels of 2-D feature maps."),
    "C": ("The parameters of a `torch.nn.Conv2d` layer form a 4D array.",
          lambda: nn.Conv2d(1, 3, 3).weight.dim() == 4,
          "Recall how PyTorch stores a convolution's kernels: (out_channels, in_channels, kH, kW)."),
    "D": ("Adding more fully connected layers (after flattening) always increases the number of parameters of a "
          "convnet.",
          lambda: False,
          "'Always' is a strong word: a parameter count depends on the sizes of the layers, not only on how many "
          "there are. A narrow layer in front of a wide one can save more than it costs."),
    "E": ("A CNN with more convolutional layers always has more parameters than a CNN with fewer convolutional "
          "layers.",
          lambda: False,
          "Compare the lecture's CNNs: the count depends on channels, kernel sizes and above all on the size of "
          "the Linear layer after flattening, which pooling and extra layers can shrink."),
}

STATEMENTS = {
    1: ("`padding = kernel_size // 2` keeps the height and width of the input for an odd kernel with stride 1.",
        lambda: all(reference.conv_output_size(20, k, 1, k // 2) == 20 for k in (1, 3, 5, 7)),
        "Work out floor((n + 2p - k) / s) + 1 with p = k // 2 and an odd k."),
    2: ("The parameter count of a `Conv2d` layer depends on the input image's height and width.",
        _conv_count_depends_on_image,
        "A layer's weights are its kernels and biases: does their number change with the image?"),
    3: ("A `MaxPool2d` layer has no learnable parameters.",
        lambda: reference.param_count(nn.MaxPool2d(2)) == 0,
        "What would max pooling learn? It takes the maximum of fixed windows."),
    4: ("`Conv2d(in_channels=3, out_channels=8, kernel_size=5)` has 608 parameters.",
        lambda: reference.conv2d_params(3, 8, 5) == 608,
        "Count out x in x k x k weights plus out biases."),
    5: ("With stride 2 and no padding, a 3x3 kernel maps a 10x10 input to 5x5.",
        lambda: reference.conv_output_size(10, 3, 2, 0) == 5,
        "Use floor((n + 2p - k) / s) + 1."),
    6: ("The weight of `nn.Conv2d(1, 3, kernel_size=(3, 3))` has shape `(1, 3, 3, 3)`.",
        lambda: tuple(nn.Conv2d(1, 3, (3, 3)).weight.shape) == (1, 3, 3, 3),
        "PyTorch stores a Conv2d weight as (out_channels, in_channels, kH, kW)."),
    7: ("`nn.Conv2d` accepts an unbatched input of shape `(channels, height, width)`.",
        _unbatched_conv_works,
        "The lecture passed an image of shape (1, 100, 100) straight to a Conv2d layer."),
    8: ("`nn.MaxPool2d(2)` maps a 7x7 feature map to 4x4.",
        lambda: tuple(nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-2:]) == (4, 4),
        "Max pooling drops a leftover row or column that does not fill a window."),
}


@functools.lru_cache(maxsize=None)
def truth(table: str, key) -> bool:
    """Whether a statement holds, decided by running PyTorch (once per process)."""
    return bool({"6.2": EXERCISE_62, "q10": STATEMENTS}[table][key][1]())


def _q9_statement(letter: str):
    hint = EXERCISE_62[letter][2]

    def run(probe, context):
        chosen = public.letter_set(probe.value("q9_true"), public.LETTERS_62, "`q9_true`")
        if (letter in chosen) != truth("6.2", letter):
            raise Wrong(f"Statement ({letter}) is not judged right.", reveal=hint)
    return run


def _q10_statement(number: int):
    hint = STATEMENTS[number][2]

    def run(probe, context):
        answers = public.statement_answers(probe.value("q10_answers"), len(STATEMENTS), "`q10_answers`")
        if type(answers[number]) is not bool:
            problem, = public.statement_problems({number: answers[number]})
            raise Wrong(f"In `q10_answers`, {problem}, not True or False.")
        if answers[number] != truth("q10", number):
            raise Wrong(f"Statement {number} is not judged right.", reveal=hint)
    return run


Q9 = Question(
    id="q9",
    title="Exercise 6.2: select the true statements",
    topic="Questions for you",
    prompt="Select **all** of the following statements which are TRUE.\n\n"
           + "\n".join(f"- ({k}) {text}" for k, (text, _, _) in EXERCISE_62.items())
           + "\n\nSet `q9_true` to the set of the letters of the true statements, e.g. `{\"A\", \"D\"}` "
             "(an empty set if none is true). Each statement is scored on its own.",
    starter="q9_true = ...  # a set of letters, e.g. {\"A\", \"D\"}\n",
    solution='q9_true = {"C"}\n',
    checks=(
        Check("q9.format", "q9_true is a set of letters from A to E", 0, False, public.q9_format),
        *(Check(f"q9.{k}", f"statement ({k}) is judged right", 0.4, True, _q9_statement(k)) for k in EXERCISE_62),
    ),
)

Q10 = Question(
    id="q10",
    title="True or false: convolutions in PyTorch",
    topic="Convolutions, pooling and their parameters",
    prompt="Decide for each statement whether it is true or false.\n\n"
           + "\n".join(f"{n}. {text}" for n, (text, _, _) in STATEMENTS.items())
           + "\n\nSet `q10_answers` to a dict mapping each statement number (`1` to `8`; `\"1\"` to `\"8\"` "
             "also count) to `True` or `False` (a NumPy bool, a one-element boolean tensor and the strings "
             "`\"True\"` / `\"False\"` also count; `1` and `0` do not). Each statement is scored on its own.",
    starter="q10_answers = {\n" + "".join(f"    {n}: ...,\n" for n in STATEMENTS) + "}\n",
    solution="q10_answers = {\n    1: True,\n    2: False,\n    3: True,\n    4: True,\n"
             "    5: False,\n    6: False,\n    7: True,\n    8: False,\n}\n",
    checks=(
        Check("q10.format", "q10_answers has a True/False answer for each of the 8 statements", 0, False,
              public.q10_format),
        *(Check(f"q10.s{n}", f"statement {n} is judged right", 0.25, True, _q10_statement(n)) for n in STATEMENTS),
    ),
)
