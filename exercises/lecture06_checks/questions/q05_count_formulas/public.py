"""The public checks of this question: what ``grader.check("q5")`` runs in the student's notebook.

Shipped to students with the check API: nothing here may name a hidden input or an expected value
that the prompt does not already state.
"""

from __future__ import annotations

from ...checkapi.verdict import Wrong, plain_int
from .. import params


def q5_easy_case(probe, context=None):
    example = params(__name__, context)
    (i, o, k), (f_in, f_out) = example["conv"], example["linear"]
    lecture = example["conv"] == [1, 3, 3]
    whose, count = ("The lecture", "the lecture's count") if lecture else ("The rule", "the count the rule gives")
    got = plain_int(probe.call("conv2d_params", i, o, k).value, f"conv2d_params({i}, {o}, {k})")
    if got != i * o * k * k + o:
        raise Wrong(f"conv2d_params({i}, {o}, {k}) returned {got}, not {count}.",
                    reveal=f"{whose} counts `{i}*{o}*({k}*{k}) = {i * o * k * k}` weights + {o} biases = "
                           f"{i * o * k * k + o}.")
    got = plain_int(probe.call("linear_params", f_in, f_out).value, f"linear_params({f_in}, {f_out})")
    if got != f_in * f_out + f_out:
        raise Wrong(f"linear_params({f_in}, {f_out}) returned {got}, not {count}.",
                    reveal=f"{whose} counts `{f_in}*{f_out}` weights + {f_out} biases = {f_in * f_out + f_out}.")
