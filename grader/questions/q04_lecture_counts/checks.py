"""Parameter counts of three networks from the lecture."""

from __future__ import annotations

from torch import nn

from ...checkapi.verdict import Wrong, whole_number
from .. import params, reference
from ..base import Check
from ..counting import CONV_RULE, FORGOT_BIAS, KERNEL_K, LINEAR_RULE
from . import LECTURE, public, variant


def _weights_only(model: nn.Module) -> int:
    return sum(p.numel() for name, p in model.named_parameters() if name.endswith("weight"))


def _kernel_as_k(model: nn.Module) -> int:
    """The count if each Conv2d kernel were counted as k weights instead of kH x kW."""
    total = 0
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            total += m.in_channels * m.out_channels * m.kernel_size[0] + (m.out_channels if m.bias is not None else 0)
        elif isinstance(m, nn.Linear):
            total += sum(p.numel() for p in m.parameters())
    return total


def _count_check(name: str, build, variants, rule: str):
    """Check that ``name`` equals torch's count for ``build(numbers)``; ``variants`` name common wrong counts
    (each counts ``build(numbers)`` as the mistake does, given the numbers too; a reveal that names the
    numbers is a function of them)."""
    def run(probe, context):
        got = whole_number(probe.value(name), f"`{name}`")
        numbers = params(__name__, context)
        if got == context.memo(lambda: reference.param_count(build(numbers))):
            return None
        model = build(numbers)
        for mistake, count_of, (feedback, reveal) in variants:
            if got == count_of(model, numbers):
                raise Wrong(feedback, {"mistake": mistake}, reveal=reveal(numbers) if callable(reveal) else reveal)
        raise Wrong(f"`{name}` is not the number of parameters torch counts.", reveal=rule)
    return run


def _of_model(count):
    """A mistake's count that needs the model only."""
    return lambda model, numbers: count(model)


def _conv_described(numbers: dict) -> str:
    c_in, c_out, k = numbers["conv"]
    return f"the Conv2d({c_in}, {c_out}, ({k}, {k})) count matches torch's"


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("format", "the three counts are positive ints", 0, False, public.q4_format),
    Check("conv", _conv_described(LECTURE), 1, True,
          _count_check("q4_conv_params", variant.conv,
                       [("forgot_bias", _of_model(_weights_only), FORGOT_BIAS),
                        ("kernel_k", _of_model(_kernel_as_k), KERNEL_K)],
                       CONV_RULE), described=_conv_described),
    Check("cnn", "the pooled CNN's count matches torch's", 1, True,
          _count_check("q4_cnn_params", variant.cnn,
                       [("forgot_bias", _of_model(_weights_only), FORGOT_BIAS),
                        ("kernel_k", _of_model(_kernel_as_k), KERNEL_K),
                        ("no_padding", lambda m, numbers: reference.param_count(variant.cnn(numbers, padding=0)),
                         ("That is the count *without* padding.",
                          lambda numbers: f"With padding={numbers['network']['padding']} the last feature map is "
                                          "larger, and so is the Linear layer's in_features.")),
                        ("convs_only", _of_model(lambda m: sum(reference.param_count(c) for c in m.modules()
                                                               if isinstance(c, nn.Conv2d))),
                         ("Only the convolutions are counted.", "The final Linear layer has parameters too."))],
                       CONV_RULE + " " + LINEAR_RULE + " ReLU, MaxPool2d and Flatten have none.")),
    Check("fcnn", "the fully connected network's count matches torch's", 1, True,
          _count_check("q4_fcnn_params", variant.fcnn,
                       [("forgot_bias", _of_model(_weights_only), FORGOT_BIAS)], LINEAR_RULE)),
)
