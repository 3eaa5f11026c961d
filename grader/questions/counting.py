"""What the parameter-counting questions share: the counting rules and the mistakes several checks name."""

from __future__ import annotations

CONV_RULE = ("A Conv2d layer has `out_channels x in_channels x kH x kW` weights (its weight tensor has shape "
             "`(out_channels, in_channels, kH, kW)`) plus out_channels biases when bias=True.")
LINEAR_RULE = "A Linear layer has `out_features x in_features` weights plus out_features biases when bias=True."


def pair(k) -> tuple[int, int]:
    return (k, k) if isinstance(k, int) else (k[0], k[1])



#: (what is wrong, what reveals the rule) of the mistakes several checks name.
FORGOT_BIAS = ("It looks like the biases are left out.", "Every output channel (or unit) has one bias too.")
KERNEL_K = ("It looks like each kernel is counted as k weights.",
            "A `k x k` kernel has `k*k` weights for every (input channel, output channel) pair.")
