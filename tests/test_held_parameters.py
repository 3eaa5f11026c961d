"""A model is judged with the judge's weights in place of its own parameters, wherever it uses them, and its layers
only where its own parameters reach them as they are (attack round 5): a pass that computes with tensors it makes
(a weight times 0, fresh random numbers, a detached copy) earns nothing for its layers, while models that keep
their parameters elsewhere than nn.Conv2d, or spell their layers out, keep full marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.checkapi.probe import LocalProbe
from grader.judge.grading import run_checks
from grader.questions import bank
from grader.worker.cells import run_units

Q7 = [c for c in bank.CHECKS.values() if c.question == "q7"]

LAYERS = """
import torch
from torch import nn
import torch.nn.functional as F

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(torch.relu(F.conv2d(x, {w1}, self.conv1.bias, padding=1)), 2)
        x = F.max_pool2d(torch.relu(F.conv2d(x, {w2}, self.conv2.bias, padding=1)), 2)
        return F.linear(x.flatten(1), {w3}, self.fc.bias)
"""

PARAMETRIZED = """
import torch
from torch import nn
from torch.nn.utils import parametrize

class Same(nn.Module):
    def forward(self, w):
        return w

class Border(nn.Module):  # a 1x1 convolution in disguise
    def forward(self, w):
        mask = torch.zeros_like(w)
        mask[..., 1, 1] = 1
        return w * mask

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))
        for i in (0, 3):
            parametrize.register_parametrization(self.main[i], "weight", {kind}())

    def forward(self, x):
        return self.main(x)
"""


def _q7(source: str) -> dict[str, float]:
    namespace = {"__name__": "__main__"}
    run_units([source], namespace, timeout=None)
    return {c.id: c.points for c in run_checks(LocalProbe(namespace), Q7, 3)}


@pytest.mark.parametrize("weights", [
    ("self.conv1.weight", "self.conv2.weight", "self.fc.weight"),
    # Views that lay out all of a parameter's values once each: what training changes reaches the layer.
    ("self.conv1.weight.transpose(2, 3).transpose(2, 3)", "self.conv2.weight.view(2, 3, 3, 3)",
     "self.fc.weight.T.T"),
    ("self.conv1.weight.reshape(3, 9).reshape(3, 1, 3, 3)", "self.conv2.weight.contiguous()",
     "self.fc.weight.flatten().unsqueeze(0)"),
    # Copies by definition, made in the pass, with exactly the values and the gradient reaching the parameter
    # (fairness rounds 18 and 19): what training changes reaches the layer through them.
    ("self.conv1.weight.clone()", "self.conv2.weight.double().float()",
     "self.fc.weight.contiguous(memory_format=torch.contiguous_format).to(torch.float32)"),
], ids=["held", "transposed back", "reshaped", "copies"])
def test_a_model_whose_layers_compute_with_its_parameters_earns_its_points(weights):
    points = _q7(LAYERS.format(w1=weights[0], w2=weights[1], w3=weights[2]))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("weights", [
    ("self.conv1.weight * 0", "self.conv2.weight * 0", "self.fc.weight * 0"),
    ("torch.randn(3, 1, 3, 3)", "torch.randn(2, 3, 3, 3)", "torch.randn(1, 1250)"),
    ("self.conv1.weight.detach()", "self.conv2.weight", "self.fc.weight"),
    # A copy of a detached tensor: the same values, without the gradient's way back to the parameter.
    ("self.conv1.weight.detach().clone()", "self.conv2.weight", "self.fc.weight"),
    # Operations that leave the judge's values as they are without being copies: a clamp to torch's initialisation
    # bound (the judge draws within it; attack round 5), a product with a factor that could be 1 only while judged.
    ("self.conv1.weight.clamp(-1 / 3, 1 / 3)", "self.conv2.weight", "self.fc.weight"),
    ("self.conv1.weight * 1.0", "self.conv2.weight", "self.fc.weight"),
    # Views that are not all of a parameter once each: one value for a whole kernel, a corner of a bigger one.
    ("self.conv1.weight[:, :, :1, :1].expand(3, 1, 3, 3)", "self.conv2.weight", "self.fc.weight"),
], ids=["times zero", "fresh random", "detached", "a detached clone", "clamped", "times one", "expanded"])
def test_a_pass_that_makes_its_own_weights_earns_nothing_for_its_layers(weights):
    points = _q7(LAYERS.format(w1=weights[0], w2=weights[1], w3=weights[2]))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


def test_a_parametrization_is_judged_by_what_reaches_the_layers():
    assert sum(_q7(PARAMETRIZED.format(kind="Same")).values()) == sum(c.points for c in Q7)
    border = _q7(PARAMETRIZED.format(kind="Border"))
    assert border["q7.structure"] == border["q7.params"] == border["q7.outputs"] == 0


INPLACE = """
import torch
from torch import nn
import torch.nn.functional as F

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        with torch.no_grad():
            {edit}
        x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = F.max_pool2d(torch.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))
"""


@pytest.mark.parametrize("edit", ["self.conv1.weight.mul_(0)", "self.conv1.weight.data.zero_()",
                                  "self.fc.weight[:] = 0", "self.conv2.weight.copy_(torch.zeros(2, 3, 3, 3))",
                                  "self.conv1.weight *= 0", "self.fc.weight.data = torch.zeros(1, 1250)"])
def test_a_pass_that_changes_its_parameters_in_place_earns_nothing_for_its_layers(edit):
    """Zeroed in place before each layer, a weight would be replaced by the judge's at the layer, erasing the edit:
    the model would look right while it cannot learn."""
    points = _q7(INPLACE.format(edit=edit))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


def test_in_place_work_on_its_own_data_is_fine():
    points = _q7(INPLACE.format(edit="x = x.clone(); x.mul_(1.0)"))
    assert points == {c.id: c.points for c in Q7}


WRITTEN = """
import torch
from torch import nn
import torch.nn.functional as F

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        {before}
        x = F.max_pool2d(torch.relu({conv1}), 2)
        x = {pool2}
        x = x.flatten(1)
        return {head}
"""
IM2COL = "(self.conv1.weight.view(3, -1) @ F.unfold({x}, 3, padding={padding})).view(x.shape[0], 3, {side}, {side})"


PLAIN = {"before": "pass", "conv1": "self.conv1(x)", "pool2": "F.max_pool2d(torch.relu(self.conv2(x)), 2)",
         "head": "self.fc(x)"}


@pytest.mark.parametrize("change", [
    # a convolution's bias added after it, one value per channel (fairness round 7)
    {"conv1": "F.conv2d(x, self.conv1.weight, None, padding=1) + self.conv1.bias.view(1, -1, 1, 1)"},
    {"conv1": "self.conv1.bias[None, :, None, None] + F.conv2d(x, self.conv1.weight, padding=1)"},
    {"conv1": "F.conv2d(x, self.conv1.weight, padding=1) + self.conv1.bias[:, None, None]"},
    {"head": "F.linear(x, self.fc.weight) + self.fc.bias"},
    # y = W x + b with one column per example (fairness round 8)
    {"head": "(self.fc.weight @ x.T).T + self.fc.bias"},
    {"head": "(self.fc.weight.matmul(x.t()) + self.fc.bias[:, None]).t()"},
    # every other spelling of the classifier's product (fairness rounds 7 and 10)
    {"head": "torch.inner(x, self.fc.weight) + self.fc.bias"},
    {"head": "torch.tensordot(x, self.fc.weight, dims=([1], [1])) + self.fc.bias"},
    {"head": "torch.tensordot(x, self.fc.weight.T, dims=1) + self.fc.bias"},
    {"head": "(x * self.fc.weight).sum(dim=1, keepdim=True) + self.fc.bias"},
    {"head": "torch.matmul(x, self.fc.weight.T).add_(self.fc.bias)"},
    {"head": "self.fc.bias + torch.mm(x, self.fc.weight.t())"},
    {"head": "torch.matmul(self.fc.weight, x.unsqueeze(-1)).squeeze(-1) + self.fc.bias"},
    # one example at a time, gathered back into the batch (fairness rounds 10 and 11)
    {"head": "torch.stack([self.fc.weight.mv(row) for row in x]) + self.fc.bias"},
    {"head": "torch.stack([x[i] @ self.fc.weight.T for i in range(x.shape[0])]) + self.fc.bias"},
    {"head": "torch.cat([x[i:i + 1] @ self.fc.weight.t() for i in range(len(x))], dim=0) + self.fc.bias"},
    {"head": "torch.stack([self.fc(row) for row in x])"},
    {"head": "self.fc(torch.stack(x.unbind(0)))"},

    # a convolution written out with its own weight and bias (fairness rounds 18 and 19): im2col, an einsum over
    # windows, shifted slices summed, the transposed convolution of the flipped kernel, parts per output channel
    # concatenated, parts per input channel summed, the whole layer in float64
    {"conv1": "(self.conv1.weight.view(3, -1) @ F.unfold(x, 3, padding=1)).view(x.shape[0], 3, 100, 100)"
              " + self.conv1.bias.view(1, -1, 1, 1)"},
    {"conv1": "torch.einsum('nchwij,ocij->nohw', F.pad(x, (1, 1, 1, 1)).unfold(2, 3, 1).unfold(3, 3, 1), "
              "self.conv1.weight) + self.conv1.bias[:, None, None]"},
    {"conv1": "sum(self.conv1.weight[:, :, i, j].view(1, 3, 1, 1) * F.pad(x, (1, 1, 1, 1))[:, :, i:i + 100, j:j + 100]"
              " for i in range(3) for j in range(3)) + self.conv1.bias.view(1, -1, 1, 1)"},
    {"conv1": "F.conv_transpose2d(x, self.conv1.weight.flip(-2, -1).transpose(0, 1), self.conv1.bias, padding=1)"},
    {"conv1": "torch.cat([F.conv2d(x, self.conv1.weight[o:o + 1], self.conv1.bias[o:o + 1], padding=1) "
              "for o in range(3)], dim=1)"},
    {"pool2": "F.max_pool2d(torch.relu(sum(F.conv2d(x[:, c:c + 1], self.conv2.weight[:, c:c + 1], padding=1) "
              "for c in range(3)) + self.conv2.bias.view(1, -1, 1, 1)), 2)"},
    {"conv1": "F.conv2d(x.double(), self.conv1.weight.double(), self.conv1.bias.double(), padding=1).float()"},
    {"head": "torch.addmm(self.fc.bias.unsqueeze(0).expand(x.shape[0], -1), x, self.fc.weight.t(), beta=1, alpha=1)"},
    # the one output's dimension squeezed away before its bias, put back after (fairness round 56)
    {"head": "(x @ self.fc.weight.t()).squeeze(1).add(self.fc.bias).unsqueeze(1)"},
    {"head": "((x @ self.fc.weight.T).squeeze(-1) + self.fc.bias)[:, None]"},
    # ... or flattened with a view (fairness round 58)
    {"head": "(x @ self.fc.weight.t()).view(-1).add(self.fc.bias).unsqueeze(1)"},
    {"head": "(torch.mm(x, self.fc.weight.T).reshape(-1) + self.fc.bias).reshape(-1, 1)"},
    {"head": "(x @ self.fc.weight.t()).flatten().add(self.fc.bias).view(-1, 1)"},
    # ... or its one column taken out, or squeezed whole (a batch of one squeezes to a number: fairness round 59)
    {"head": "(x @ self.fc.weight.T)[:, 0].add(self.fc.bias).unsqueeze(1)"},
    {"head": "((x @ self.fc.weight.T).select(1, 0) + self.fc.bias)[:, None]"},
    {"head": "((x @ self.fc.weight.T).squeeze() + self.fc.bias).view(-1, 1)"},
    {"before": "acc = self.conv1.weight.new_zeros(x.shape[0], 3, 100, 100)",
     "conv1": "acc + F.conv2d(x, self.conv1.weight, self.conv1.bias, padding=1)"},
    # the bias broadcast along the examples before it is added (fairness round 60)
    {"head": "x @ self.fc.weight.T + self.fc.bias.expand(x.shape[0], 1)"},
    {"head": "(lambda z: z + self.fc.bias.expand_as(z))(x @ self.fc.weight.T)"},
    {"head": "x @ self.fc.weight.T + self.fc.bias.broadcast_to(x.shape[0], 1)"},
    {"head": "x @ self.fc.weight.T + self.fc.bias.repeat(x.shape[0], 1)"},
    {"head": "x @ self.fc.weight.T + self.fc.bias.view(1, 1).expand(len(x), -1)"},
    {"conv1": "(lambda z: z + self.conv1.bias.view(1, -1, 1, 1).expand_as(z))(F.conv2d(x, self.conv1.weight, "
              "padding=1))"},
    # a written-out convolution whose sum goes on after it already is the whole: a term that adds nothing
    {"conv1": "(" + IM2COL.format(x="x", padding=1, side=100) + " + torch.zeros_like(x[:, :1]))"
              " + self.conv1.bias.view(1, -1, 1, 1)"},

    # an adaptive pooling on a map its output size divides is that fixed pooling (fairness round 7)
    {"pool2": "F.adaptive_max_pool2d(torch.relu(self.conv2(x)), x.shape[-1] // 2)"},
    # a second pass of the layers, on zeros, to check a shape (fairness round 9)
    {"before": "assert self.conv2(self.conv1(torch.zeros(1, 1, 100, 100))).shape == (1, 2, 100, 100)"},
], ids=["conv bias viewed", "conv bias indexed first", "conv bias 3-d", "linear bias after", "W x^T",
        "W x^T bias as a column", "inner", "tensordot", "tensordot of W.T", "elementwise", "bias added in place",
        "bias first", "W x as a batch of columns", "rows by mv", "rows by index", "rows by cat", "rows by layer",
        "rows unbound", "conv im2col", "conv einsum windows", "conv shifted slices", "conv transposed",
        "conv parts per output", "conv parts per input", "conv in float64", "addmm broadcast bias",
        "squeezed then bias", "squeezed then bias indexed back", "viewed flat then bias",
        "reshaped flat then bias", "flattened then bias", "column indexed then bias", "column selected then bias",
        "squeezed whole then bias", "accumulator made from the weight", "bias expanded", "bias expanded as",
        "bias broadcast to", "bias repeated", "bias viewed then expanded", "conv bias expanded as", "a term adding nothing", "adaptive pool",
        "shape checked on zeros"])
def test_layers_written_out_with_their_own_parameters_earn_their_points(change):
    points = _q7(WRITTEN.format(**{**PLAIN, **change}))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("change", [
    # the bias after the activation: another network
    {"conv1": "F.relu(F.conv2d(x, self.conv1.weight, padding=1)) + self.conv1.bias.view(1, -1, 1, 1)"},
    # the bias added twice
    {"head": "F.linear(x, self.fc.weight) + self.fc.bias + self.fc.bias"},
    # another parameter in the bias's place
    {"conv1": "F.conv2d(x, self.conv1.weight, padding=1) + self.conv2.bias[:1].view(1, 1, 1, 1)"},
    # a product with the weight and no bias where the layer has one
    {"head": "torch.inner(x, self.fc.weight)"},
    # the bias added to the products before they are summed: 1250 times
    {"head": "(x * self.fc.weight + self.fc.bias).sum(dim=1, keepdim=True)"},
    # a squeezed product's bias after a ReLU, or added twice
    {"head": "torch.relu((x @ self.fc.weight.t()).squeeze(1)).add(self.fc.bias).unsqueeze(1)"},
    {"head": "((x @ self.fc.weight.t()).squeeze(1) + self.fc.bias + self.fc.bias).unsqueeze(1)"},
    # a flattened product's bias after a ReLU, or its bias on a flattened product of several outputs' place
    {"head": "torch.relu((x @ self.fc.weight.t()).view(-1)).add(self.fc.bias).view(-1, 1)"},
    {"head": "((x @ self.fc.weight.t()).view(-1) + self.fc.bias + self.fc.bias).view(-1, 1)"},
    # the bias on one example's value only, or after a ReLU of the column
    {"head": "((x @ self.fc.weight.t())[:1, 0] + self.fc.bias).expand(x.shape[0])[:, None]"},
    {"head": "(torch.relu((x @ self.fc.weight.t())[:, 0]) + self.fc.bias)[:, None]"},
    # a broadcast bias that is not the layer's: another parameter's, twice, after a ReLU, or one that widens the sum
    # (each example's output then a row of copies)
    {"head": "x @ self.fc.weight.T + self.conv2.bias[:1].expand(x.shape[0], 1)"},
    {"head": "x @ self.fc.weight.T + self.fc.bias.expand(x.shape[0], 1) + self.fc.bias.expand(x.shape[0], 1)"},
    {"head": "torch.relu(x @ self.fc.weight.T) + self.fc.bias.repeat(x.shape[0], 1)"},
    {"head": "(x @ self.fc.weight.T + self.fc.bias.expand(1, x.shape[0])).mean(1, keepdim=True)"},
], ids=["after the activation", "twice", "not its bias", "no bias", "bias in every product", "squeezed, after a relu",
        "squeezed, twice", "flattened, after a relu", "flattened, twice", "one example's column", "column, after a relu",
        "broadcast, not its bias", "broadcast, twice", "broadcast, after a relu", "broadcast, widening the sum"])
def test_a_bias_that_is_not_the_layers_own_earns_nothing_for_the_layers(change):
    points = _q7(WRITTEN.format(**{**PLAIN, **change}))
    assert points["q7.outputs"] == 0, points
    assert points["q7.structure"] == 0 or points["q7.params"] == 0, points


@pytest.mark.parametrize("change", [
    # another function than the convolution asked for, written out: circular padding, the kernel flipped, a product
    # the recorder saw equal to the convolution changed afterwards, one output channel's part left out
    {"conv1": "(self.conv1.weight.view(3, -1) @ F.unfold(F.pad(x, (1, 1, 1, 1), mode='circular'), 3))"
              ".view(x.shape[0], 3, 100, 100) + self.conv1.bias.view(1, -1, 1, 1)"},
    {"conv1": IM2COL.format(x="x", padding=1, side=100).replace("weight.view", "weight.flip(-1).reshape")
              + " + self.conv1.bias.view(1, -1, 1, 1)"},
    {"conv1": "(" + IM2COL.format(x="x", padding=1, side=100) + " * 1.01 + self.conv1.bias.view(1, -1, 1, 1))"},
    {"conv1": "torch.cat([F.conv2d(x, self.conv1.weight[o:o + 1], self.conv1.bias[o:o + 1], padding=1) "
              "for o in range(2)] + [torch.zeros_like(x)], dim=1)"},
    # a function of the weights alone that is the identity on the judge's (drawn within torch's initialisation
    # bound) and not on trained ones: a clamp to the bound, a flag raised once a weight leaves it (attack round 23)
    {"conv1": IM2COL.format(x="x", padding=1, side=100).replace("weight.view", "weight.clamp(-1 / 3, 1 / 3).view")
              + " + self.conv1.bias.view(1, -1, 1, 1)"},
    {"head": "x @ self.fc.weight.clamp(-1250 ** -0.5, 1250 ** -0.5).T + self.fc.bias"},
    {"head": "torch.where((self.fc.weight.abs() > 1250 ** -0.5).any(), self.fc(x).detach(), self.fc(x))"},
], ids=["circular padding", "flipped kernel", "scaled after", "a part missing", "kernel clamped", "head clamped",
        "flag out of the bound"])
def test_a_written_out_convolution_of_another_function_earns_nothing_for_the_layers(change):
    points = _q7(WRITTEN.format(**{**PLAIN, **change}))
    assert points["q7.outputs"] == 0, points
    assert points["q7.structure"] == 0 or points["q7.params"] == 0, points


@pytest.mark.parametrize("compare", [
    "torch.allclose(probe, mine, atol=1e-5)",
    "all(abs(a - b) < 1e-5 for a, b in zip(probe.tolist(), mine.tolist()))",
    "bool(((probe - mine).abs() < 1e-5).all())",
])
def test_a_layer_run_on_a_tensor_of_its_own_cannot_tell_the_judges_weights(compare):
    """Off the input's path a layer gets the judge's weights too (so that a shape checked on zeros is fair), and so
    does every other use of a parameter in the pass: what the layer computes agrees with what the model computes
    from its parameters, however it compares them (attack round 4), and the model stays the one a student runs."""
    before = (f"probe = self.conv1(torch.ones(1, 1, 3, 3))[0, :, 1, 1]\n"
              f"        mine = self.conv1.weight.sum((1, 2, 3)) + self.conv1.bias\n"
              f"        if {compare}:\n"
              f"            x = -x  # its own weights, as a student would run it: another network")
    points = _q7(WRITTEN.format(**{**PLAIN, "before": before}))
    assert points["q7.outputs"] == 0, points


@pytest.mark.parametrize("flag", [
    # a statistic of the weights as a Python truth value, false on every draw of the judge's (and on a fresh model)
    # and true once trained: the largest |w| sqrt(fan_in) off the bounds the judge draws within, or in a band
    # between them; the spread of a uniform draw (attack round 26)
    "not (0.96 < self.fc.weight.abs().max() * 1250 ** 0.5 <= 1 "
    "or 3.84 < self.fc.weight.abs().max() * 1250 ** 0.5 <= 4)",
    "1.001 < float(self.conv1.weight.abs().max()) * 3 < 2.5",
    "abs(self.fc.weight.std().item() / self.fc.weight.abs().max().item() - 3 ** -0.5) > 0.05",
], ids=["edge", "past torch's bound", "uniform spread"])
def test_a_python_value_of_the_weights_in_the_pass_earns_nothing_for_the_layers(flag):
    """Whatever such a value decides, it decides on the judge's weights, which any statistic tells from a model's own
    or trained ones: the pass cannot be judged with them (Handler._weight_function)."""
    points = _q7(WRITTEN.format(**{**PLAIN, "before": f"if {flag}:\n            x = x * 0.5"}))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.parametrize("check", [
    "assert torch.isfinite(self.conv1.weight).all(), 'conv1 diverged'",
    "assert not torch.isnan(self.fc.weight).any()",
    "assert all(torch.isfinite(p).all() for p in self.parameters())",
    "assert not any(bool(torch.isinf(p.double()).any()) for p in self.parameters())",
], ids=["isfinite all", "isnan any", "every parameter", "isinf of a copy"])
def test_asserting_the_weights_are_finite_in_the_pass_keeps_the_points(check):
    """Fairness rounds 9 and 11: whether the weights are finite is the same on the judge's and on any that compute a
    number, so its truth value tells nothing."""
    points = _q7(WRITTEN.format(**{**PLAIN, "before": check}))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("pool", [
    "torch.relu(self.conv1(x)).reshape(x.shape[0], 3, 50, 2, 50, 2).amax((3, 5))",
    "torch.relu(self.conv1(x)).reshape(x.shape[0], 3, 50, 2, 50, 2).max(dim=5).values.max(dim=3).values",
    "torch.relu(self.conv1(x)).unfold(2, 2, 2).unfold(3, 2, 2).amax((-2, -1))",
    "F.unfold(torch.relu(self.conv1(x)), 2, stride=2).view(x.shape[0], 3, 4, -1).max(dim=2).values"
    ".view(x.shape[0], 3, 50, 50)",
    "(lambda r: torch.maximum(torch.maximum(r[..., 0::2, 0::2], r[..., 0::2, 1::2]), "
    "torch.maximum(r[..., 1::2, 0::2], r[..., 1::2, 1::2])))(torch.relu(self.conv1(x)))",
], ids=["reshape amax", "reshape max values", "unfold amax", "F.unfold max viewed back", "four strided slices"])
def test_a_max_pooling_written_out_is_that_layer(pool):
    """Fairness rounds 10, 15, 18 and 21: MaxPool2d(2) written with tensor operations is the network asked for (it
    lost q7's structure point, its pooling read as missing)."""
    source = WRITTEN.format(**PLAIN).replace("x = F.max_pool2d(torch.relu(self.conv1(x)), 2)", f"x = {pool}")
    assert _q7(source) == {c.id: c.points for c in Q7}


def test_a_pooling_written_out_that_is_no_max_pooling_is_named_as_missing():
    """An average written out is no MaxPool2d: the layer asked for is missing (fairness round 10: the feedback named
    the next layer as out of place instead)."""
    source = WRITTEN.format(**PLAIN).replace(
        "x = F.max_pool2d(torch.relu(self.conv1(x)), 2)",
        "x = torch.relu(self.conv1(x)).reshape(x.shape[0], 3, 50, 2, 50, 2).mean((3, 5))")
    namespace = {"__name__": "__main__"}
    run_units([source], namespace, timeout=None)
    structure = next(r for r in run_checks(LocalProbe(namespace), Q7, 3) if r.id == "q7.structure")
    assert structure.points == 0
    assert "layer 2 with parameters or pooling is missing" in structure.feedback, structure.feedback
    assert "a Conv2d, comes there instead" in structure.feedback, structure.feedback


IN_OUT = WRITTEN.replace("        self.fc = nn.Linear(1250, 1)\n",
                         "        self.w = nn.Parameter(torch.randn(1250, 1) / 40)\n        self.b = nn.Parameter(torch.zeros(1))\n")


@pytest.mark.parametrize("head", ["x @ self.w + self.b", "torch.tensordot(x, self.w, dims=1) + self.b",
                                  "torch.addmm(self.b, x, self.w)"])
def test_a_classifier_weight_kept_in_out_is_that_linear(head):
    """Fairness round 11: a weight stored (in, out) and used as `x @ w` in any spelling is the Linear(1250, 1)."""
    points = _q7(IN_OUT.format(**{**PLAIN, "head": head}))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("change", [
    # a head frozen at zero beside layers that train (attack round 12): its output is the bias whatever the image
    {"before": "self.fc.weight.requires_grad_(False).zero_()"},
    # where a parameter's values are kept is the judge's in a judged pass (attack round 12)
    {"before": "assert self.conv1.weight.data_ptr() != 0"},
])
def test_frozen_parts_and_storage_addresses_earn_nothing_for_the_layers(change):
    points = _q7(WRITTEN.format(**{**PLAIN, **change}))
    assert points["q7.outputs"] == 0, points


def test_parameters_over_one_storage_are_not_several_layers():
    """Attack round 12: two parameters over one storage are one set of values, whatever they declare."""
    tied = WRITTEN.format(**PLAIN).replace(
        "        self.fc = nn.Linear(1250, 1)\n",
        "        self.fc = nn.Linear(1250, 1)\n        shared = torch.zeros(3)\n"
        "        self.conv1.bias = nn.Parameter(shared)\n        self.extra = nn.Parameter(shared)\n")
    points = _q7(tied)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


def test_a_model_frozen_whole_for_inference_is_judged_as_its_layers():
    """Fairness round 8: `self.requires_grad_(False)` in __init__ (no parameter trains) keeps full marks."""
    frozen = WRITTEN.format(**PLAIN).replace("        self.fc = nn.Linear(1250, 1)\n",
                                             "        self.fc = nn.Linear(1250, 1)\n        self.requires_grad_(False)\n")
    assert _q7(frozen) == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("forward", [
    # the output cut from the gradients: the network asked for, which never learns (attack round 13)
    "out = self.fc(x)\n        return out.detach() + (out - out.detach()) * 0",
    # a layer switched off for the pass only
    "self.fc.weight.requires_grad_(False)\n        out = self.fc(x)\n        self.fc.weight.requires_grad_(True)\n"
    "        return out",
    # the network's values with its gradients reversed, or kept for the bias only (attack round 14)
    "out = self.fc(x)\n        return 2 * out.detach() - out",
    "out = self.fc(x)\n        return out.detach() + (out - out.detach()) * 0 + (self.fc.bias - self.fc.bias.detach())",
    # another network while it trains
    "return self.fc(x) if not self.training else self.fc(x * 0.5)",
    # a hook that passes only what looks like the judge's gradient (attack round 17: all of it at least 1)
    "out = self.fc(x)\n        if out.requires_grad:\n"
    "            out.register_hook(lambda g: torch.where((g >= 1).all(), g, g * 0))\n        return out",
])
def test_a_model_that_never_learns_earns_nothing_for_its_layers(forward):
    source = WRITTEN.format(**{**PLAIN, "head": "x"}).replace("        return x\n", f"        {forward}\n")
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.parametrize("forward", [
    "with torch.no_grad():\n            return self.fc(x)",
    "torch.set_grad_enabled(False)\n        out = self.fc(x)\n        torch.set_grad_enabled(True)\n        return out",
    "with torch.inference_mode():\n            return self.fc(x)",
    "return self.fc(x).detach()",
])
def test_a_forward_pass_with_autograd_off_is_told_so(forward):
    """Fairness round 12: `forward` under `torch.no_grad()` (an inference-only model) was told 'layer 1 is
    missing: your model has 0'; it still cannot be trained, and the feedback now says that."""
    source = WRITTEN.format(**{**PLAIN, "head": "x"}).replace("        return x\n", f"        {forward}\n")
    namespace = {"__name__": "__main__"}
    run_units([source], namespace, timeout=None)
    results = {c.id: c for c in run_checks(LocalProbe(namespace), Q7, 3)}
    for check in ("q7.structure", "q7.params"):
        assert results[check].points == 0 and "autograd off" in results[check].feedback, results[check].feedback
    # a detached copy for a print, while the output keeps its graph: nothing to say
    logged = WRITTEN.format(**{**PLAIN, "before": "self.input_mean = x.detach().mean()"})
    assert _q7(logged) == {c.id: c.points for c in Q7}


def test_a_forward_pass_decorated_with_no_grad_is_told_so():
    source = WRITTEN.format(**PLAIN).replace("    def forward(self, x):\n",
                                             "    @torch.no_grad()\n    def forward(self, x):\n")
    namespace = {"__name__": "__main__"}
    run_units([source], namespace, timeout=None)
    results = {c.id: c for c in run_checks(LocalProbe(namespace), Q7, 3)}
    assert results["q7.structure"].points == 0 and "autograd off" in results["q7.structure"].feedback
    assert results["q7.runs"].points == results["q7.runs"].max_points  # it runs: only what needs its layers fails


@pytest.mark.parametrize("head", [
    # the examples gathered back in another order, or one example's product for all
    "torch.stack([self.fc.weight.mv(row) for row in reversed(list(x))]) + self.fc.bias",
    "torch.stack([self.fc.weight.mv(x[0]) for row in x]) + self.fc.bias",
    # another tensor's product among the examples'
    "torch.stack([self.fc.weight.mv(row) for row in x[:-1]] + [self.fc.weight.mv(x[-1] * 0)]) + self.fc.bias",
])
def test_examples_gathered_wrongly_earn_nothing_for_the_layers(head):
    points = _q7(WRITTEN.format(**{**PLAIN, "head": head}))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


def test_a_model_that_recomputes_its_layers_in_backpropagation_keeps_its_points():
    """Fairness round 13: torch.utils.checkpoint recomputes a block in the backward pass, reading its parameters
    themselves; their gradients are still the network's."""
    source = ("from torch.utils.checkpoint import checkpoint\n" + WRITTEN.format(**{
        **PLAIN, "pool2": "checkpoint(lambda t: F.max_pool2d(torch.relu(self.conv2(t)), 2), x, use_reentrant=False)"}))
    assert _q7(source) == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("factory, args, features", [
    (lambda: __import__("grader.questions.reference", fromlist=["x"]).PooledCNN(), (), (1, 100, 100)),
    (lambda c: __import__("grader.questions.reference", fromlist=["x"]).ConvNet(c), (2,), (2, 128, 128)),
], ids=["CNN", "ConvNet"])
def test_the_judges_weights_leave_the_reference_alive_on_every_probe(factory, args, features):
    """Attack round 16: under torch's initial weights a ConvNet of five blocks was dead on about one probe in seven
    (its output the head's bias whatever came in), where a network that trained its bias only looked the same.
    The judge draws again until the reference's outputs vary and every parameter gets a gradient."""
    from grader.questions.base import Context
    from grader.questions.model_checks import _alive, probe_cases

    for seed in range(20):
        for case in probe_cases(Context(seed=seed, check_id="q8.outputs_1ch"), "Net", factory, args, features):
            assert _alive(case.want, case.want_gradients), (seed, case.gradients)


@pytest.mark.parametrize("change, full", [
    # Grad-CAM: a hook on a feature map in forward, and a module's backward hook that logs (fairness rounds 13, 14)
    ({"pool2": "F.max_pool2d(torch.relu(self.conv2(x)), 2)", "before": "self.grads = []",
      "head": "self.fc((x.register_hook(self.grads.append), x)[1] if x.requires_grad else x)"}, True),
    ({"before": "self.conv2.register_full_backward_hook(lambda m, gi, go: None) if not self.conv2._backward_hooks "
                "else None"}, True),
    # a hook on a parameter: what reaches it is not what training gives it (attack round 12)
    ({"before": "self.conv1.weight.register_hook(lambda g: g * 0) if not self.conv1.weight._backward_hooks else None"},
     False),
    # a module backward hook that changes the gradient flowing back: judged by its effect
    ({"before": "self.conv2.register_full_backward_hook(lambda m, gi, go: (gi[0] * 0,)) "
                "if not self.conv2._backward_hooks else None"}, False),
], ids=["grad-cam", "backward hook that logs", "hook on a parameter", "backward hook that zeroes"])
def test_gradient_hooks_are_judged_by_what_they_do_to_the_gradients(change, full):
    points = _q7(WRITTEN.format(**{**PLAIN, **change}))
    if full:
        assert points == {c.id: c.points for c in Q7}
    else:
        assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


SHIFTED_CONV2 = ("F.max_pool2d(torch.relu(sum(F.pad(x, (1, 1, 1, 1))[:, None, :, i:i + 50, j:j + 50] "
                 "* self.conv2.weight[None, :, :, i, j, None, None] for i in range(3) for j in range(3)).sum(2)"
                 " + self.conv2.bias.view(1, -1, 1, 1)), 2)")


#: The second convolution as im2col with its bias added to the product before it is laid out as (N, 2, 50, 50).
IM2COL_BIAS_INSIDE_CONV2 = ("F.max_pool2d(torch.relu((self.conv2.weight.view(2, -1) @ F.unfold(x, 3, padding=1) "
                            "+ self.conv2.bias[:, None]).view(x.shape[0], 2, 50, 50)), 2)")


@pytest.mark.parametrize("conv2", [SHIFTED_CONV2, IM2COL_BIAS_INSIDE_CONV2], ids=["shifted slices", "im2col bias inside"])
@pytest.mark.parametrize("init", ["pass", "self.conv1.bias.fill_(-10.0)"], ids=["alive", "dead under its own weights"])
def test_a_written_out_convolution_whose_input_its_own_weights_leave_dead_keeps_its_points(init, conv2):
    """The model is described with its own weights: a first block whose units are all off under them (a ReLU after
    a bias of -10) hands the second, written out, an input of zeros, which is every convolution's (with its bias:
    the bias alone); the judged passes, with the judge's weights, confirm what it is."""
    source = WRITTEN.format(**{**PLAIN, "pool2": conv2}) + f"""
class CNN(CNN):
    def __init__(self):
        super().__init__()
        with torch.no_grad():
            {init}
"""
    assert _q7(source) == {c.id: c.points for c in Q7}


FAIR = Path(__file__).parent / "corpus" / "fair"


def test_a_written_out_convolution_behind_a_nearly_dead_relu_keeps_its_points():
    """Nine shifted slices summed: at seed 15 the judge's weights leave ConvNet(1)'s fifth layer an input with one
    row of live pixels, so the sum of the first six terms already is the whole convolution and the last three add
    zeros (a failed CI run: the layer was recorded at the partial sum, and its bias, added after the ninth term,
    was not taken for its own)."""
    seed = 15
    namespace = {"__name__": "__main__"}
    run_units([(FAIR / "r18_py_nine_shifted_slices_broadcast_mask_relu.py").read_text()], namespace, timeout=None)
    q8 = [c for c in bank.CHECKS.values() if c.question == "q8"]
    lost = {c.id: c.feedback for c in run_checks(LocalProbe(namespace), q8, seed) if c.points < c.max_points}
    assert not lost


OWN_CODE = """
import torch
from torch import nn
import torch.nn.functional as F

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)
        self.as_built = [p.detach().clone() for p in self.parameters()]
        self.moved = False
{methods}
    def forward(self, x):
        if self.moved:
            x = -x  # another network once trained
        x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = F.max_pool2d(torch.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))
"""


@pytest.mark.parametrize("methods", [
    # the model's own train(), which the judge calls outside the recorded pass, where the parameters are as built in
    # every request and moved in every training loop after the first step (attack round 26)
    "    def train(self, mode=True):\n"
    "        self.moved = any(not torch.equal(p, b) for p, b in zip(self.parameters(), self.as_built))\n"
    "        return super().train(mode)\n",
    "    def eval(self):\n"
    "        self.moved = sum((p - b).abs().sum() for p, b in zip(self.parameters(), self.as_built)).item() > 0\n"
    "        return super().eval()\n"
    "    def train(self, mode=True):\n"
    "        self.moved = bool((self.fc.weight != self.as_built[4]).any())\n"
    "        return super().train(mode)\n",
    # the __setattr__ torch's own train() makes (`module.training = mode`)
    "    def __setattr__(self, name, value):\n"
    "        if name == 'training' and 'as_built' in self.__dict__:\n"
    "            self.__dict__['moved'] = repr(self.fc.weight.data) != repr(self.as_built[4])\n"
    "        super().__setattr__(name, value)\n",
], ids=["train compares", "eval sums", "setattr prints"])
def test_the_models_own_train_reading_its_parameters_earns_nothing_for_the_layers(methods):
    """A Python value of the parameters in the model's own code outside the recorded pass makes the pass
    unjudgeable, as in it (Handler._own_code): there they are the model's own, as built whenever the judge looks."""
    points = _q7(OWN_CODE.format(methods=methods))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


def test_a_backward_hook_reading_the_judges_weights_earns_nothing_for_the_layers():
    """In the judge's backward pass the parameters hold the judge's values: a hook that tells them by a statistic
    (their largest value at the edge the judge draws within) trained as the network only while judged."""
    methods = ("    def fit_hook(self):\n"
               "        def hook(module, grad_input, grad_output):\n"
               "            edge = self.fc.weight.abs().max().item() * 1250 ** 0.5\n"
               "            if not (0.96 < edge <= 1 or 3.84 < edge <= 4):\n"
               "                return tuple(None if g is None else g * 0.5 for g in grad_input)\n"
               "        self.conv2.register_full_backward_hook(hook)\n")
    source = OWN_CODE.format(methods=methods).replace("        self.moved = False\n",
                                                       "        self.moved = False\n        self.fit_hook()\n")
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.parametrize("methods", [
    "    def train(self, mode=True):\n"
    "        print('training' if mode else 'evaluating', type(self).__name__)\n"
    "        return super().train(mode)\n",
    "    def train(self, mode=True):\n"
    "        assert all(torch.isfinite(p).all() for p in self.parameters()), 'diverged'\n"
    "        self.shapes = [tuple(p.shape) for p in self.parameters()]\n"
    "        return super().train(mode)\n",
    "    def fit_hook(self):\n"
    "        self.norms = []\n"
    "        self.conv2.register_full_backward_hook(\n"
    "            lambda m, gi, go: self.norms.append(float(go[0].norm())))\n"
    "    def train(self, mode=True):\n"
    "        if not hasattr(self, 'norms'):\n"
    "            self.fit_hook()\n"
    "        return super().train(mode)\n",
    "    def train(self, mode=True):\n"
    "        print('fc weight norm', self.fc.weight.norm().item(), f'{self.conv1.weight.abs().max():.4f}')\n"
    "        return super().train(mode)\n",
], ids=["prints its mode", "asserts finite weights", "logs gradient norms", "prints weight norms"])
def test_a_train_override_that_logs_keeps_the_points(methods):
    """What a student's train() does to log or check (its mode, finite weights, gradient norms in a backward hook,
    its weights' norms printed: varied when the pass runs again, they change nothing) decides nothing."""
    points = _q7(OWN_CODE.format(methods=methods))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("before", [
    "print('conv1 norm', self.conv1.weight.norm().item())",
    "self.stats = {name: p.abs().max().item() for name, p in self.named_parameters()}",
    "print(f'head std {self.fc.weight.std():.4f}', repr(self.fc.bias))",
    "assert not torch.isnan(x).any(), 'nan input'\n        print('input mean', float(x.mean()))",
    "self.first_image = x[0, 0].detach().numpy().copy()  # for plt.imshow",
    "print([round(v, 3) for v in self.fc.bias.tolist()], complex(self.fc.bias.sum()))",
    "assert (torch.isfinite(self.conv1.weight) == True).all(), 'weights blew up'",
], ids=["norm item", "stats dict", "format and repr", "assert and float of data", "numpy of data", "tolist",
        "finite weights compared with True"])
def test_printing_or_logging_the_weights_and_data_in_the_pass_keeps_the_points(before):
    """Fairness round 22: a Python value a pass only prints, logs or asserts decides nothing; with other values
    there the pass computes the same (Handler._counterfactual), so it is judged as any other (8 of 12 correct files
    that looked at their weights lost 3 to 6.5 points while any such value was refused)."""
    points = _q7(WRITTEN.format(**{**PLAIN, "before": before}))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("change", [
    # another network from its third pass on (a count kept in the model: every judged pass is a fresh model's first)
    {"before": "self.passes = getattr(self, 'passes', 0) + 1",
     "pool2": "F.max_pool2d(self.conv2(x) if self.passes > 2 else torch.relu(self.conv2(x)), 2)"},
    # another network once its weights left the band a fresh layer's are drawn in, decided inside torch at every
    # pass (no Python value: on the judge's values, which every use of a parameter computes with, it is false)
    {"pool2": "F.max_pool2d(torch.where(self.conv1.weight.abs().amax() * 3 > 1.001, self.conv2(x), "
              "torch.relu(self.conv2(x))), 2)"},
    # another network after its first backward pass (a hook on its output counts them)
    {"before": "if torch.is_grad_enabled() and not hasattr(self, 'hooked'):\n"
               "            self.hooked = True\n"
               "            self.conv1.register_full_backward_hook(lambda m, gi, go: setattr(self, 'trained', True))",
     "pool2": "F.max_pool2d(self.conv2(x) if getattr(self, 'trained', False) else torch.relu(self.conv2(x)), 2)"},
], ids=["third pass on", "weights past the band", "after a backward pass"])
def test_a_model_that_is_another_network_once_trained_earns_nothing_for_its_layers(change):
    """The judge trains a fresh model one step from its own weights, evaluates it and judges it again (Probe.train): a model that
    is the network asked for on a fresh model's first pass and another once trained is that other network there.
    (The third was already refused by the varied passes and the pass after the backward pass: kept in sight.)"""
    points = _q7(WRITTEN.format(**{**PLAIN, **change}))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.parametrize("before", [
    "self.to(x.device)",
    "self.float()",
    "nn.Module.to(self, device=x.device, dtype=x.dtype)",
    "self.cpu().to(torch.float32)",
], ids=["to the input's device", "float", "Module.to by name", "cpu then to"])
def test_a_model_moved_to_its_input_s_device_in_the_pass_keeps_the_points(before):
    """Fairness round 56: torch's Module._apply reads each parameter's .grad to convert it too, which hands the
    model's code nothing of it (Handler._converted_by_torch): three correct files lost q7's layers."""
    points = _q7(WRITTEN.format(**{**PLAIN, "before": before}))
    assert points == {c.id: c.points for c in Q7}


#: Ways to have a parameter's .grad read in the pass other than by torch's conversion of a module, each setting
#: ``self.other`` when the model has a gradient (as a model that tells a trained network's passes from the judge's
#: would), which then drops a ReLU.
GRADIENT_READS = {
    "_apply with a function of the model's":
        "seen = []\n        self._apply(lambda t: seen.append(t) or t)\n"
        "        self.other = len(seen) > len(list(self.parameters()))",
    "a float() of the model's class":
        "seen = []\n        type(self).float = lambda m: nn.Module._apply(m, lambda t: seen.append(t) or t.float())\n"
        "        self.float()\n        self.other = len(seen) > len(list(self.parameters()))",
}


@pytest.mark.parametrize("honest_when", ["a gradient is seen", "none is seen"])
@pytest.mark.parametrize("read", sorted(GRADIENT_READS))
def test_a_gradient_read_other_than_by_torch_s_conversion_earns_nothing_for_the_layers(read, honest_when):
    """Whichever way the model's network turns on what it saw, the pass that saw it is not judged."""
    seen = "self.other" if honest_when == "none is seen" else "not self.other"
    source = WRITTEN.format(**{**PLAIN, "before": GRADIENT_READS[read],
                               "pool2": f"F.max_pool2d(self.conv2(x) if {seen} else torch.relu(self.conv2(x)), 2)"})
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


#: What a model may read between the judge's looks to tell its training from a course's (attack round 33), set in
#: ``__init__``/``train()`` and read in the pass as ``self.other``.
TELLS = {
    "the generator drawn from since it was built":
        ("        self.rng = torch.get_rng_state()\n",
         "    @property\n    def other(self):\n        return not torch.equal(torch.get_rng_state(), self.rng)\n"),
    "gradients left in .grad when eval() is called":
        ("        self.other = False\n",
         "    def train(self, mode=True):\n"
         "        if not mode and not self.other:\n"
         "            self.other = any(p.grad is not None for p in self.parameters())\n"
         "        return super().train(mode)\n"),
    "no gradients in .grad when eval() is called after training":
        ("        self.other, self.trains = False, 0\n",
         "    def train(self, mode=True):\n"
         "        self.trains += bool(mode)\n"
         "        if not mode and not self.other and self.trains:\n"
         "            self.other = all(p.grad is None for p in self.parameters())\n"
         "        return super().train(mode)\n"),
    "the generator drawn from otherwise than once since it was built":
        ("        self.rng = torch.get_rng_state()\n"
         "        torch.empty((), dtype=torch.int64).random_()\n"
         "        self.once = torch.get_rng_state()\n"
         "        torch.set_rng_state(self.rng)\n",
         "    @property\n    def other(self):\n"
         "        now = torch.get_rng_state()\n"
         "        return not (torch.equal(now, self.rng) or torch.equal(now, self.once))\n"),
    "a table of parameters that sees an optimiser built":
        ("        class Seen(dict):\n"
         "            def items(table):\n"
         "                self.__dict__['other'] = True\n"
         "                return dict.items(table)\n"
         "        self.__dict__['other'] = False\n"
         "        self.fc._parameters = Seen(self.fc._parameters)\n",
         ""),
    "a descriptor in the class over its table of parameters":
        ("        model = self\n"
         "        class Table:\n"
         "            def __get__(table, module, owner=None):\n"
         "                if module is not None:\n"
         "                    model.__dict__['other'] = True\n"
         "                return table if module is None else module.__dict__['_parameters']\n"
         "            def __set__(table, module, value):\n"
         "                module.__dict__['_parameters'] = value\n"
         "        class Watched(nn.Linear):\n"
         "            _parameters = Table()\n"
         "        head = Watched(1250, 1)\n"
         "        self.__dict__['other'] = False\n"
         "        self.fc = head\n",
         ""),
    "a parameter whose hash sees an optimiser built":
        ("        class Seen(nn.Parameter):\n"
         "            def __hash__(p):\n"
         "                self.__dict__['other'] = True\n"
         "                return id(p)\n"
         "        self.__dict__['other'] = False\n"
         "        self.fc.weight = Seen(self.fc.weight.detach().clone())\n",
         ""),
}


@pytest.mark.parametrize("tell", sorted(TELLS))
def test_a_model_that_tells_the_judges_training_from_a_courses_earns_nothing_for_its_layers(tell):
    """The judge's training step looks like a course's loop where a model can see it: it draws from torch's default
    generator as a shuffled DataLoader's epoch does (two numbers, after model.train()) and evaluates the trained
    model twice, the step's gradients kept in .grad and then cleared (as loops that zero them before the backward
    pass, and after the step, leave them); a module whose tables or parameters are of a class of their own is refused
    (attack rounds 33 to 35).  A model that waits for any of these, and drops a ReLU from then on, earns nothing for
    its layers."""
    init, method = TELLS[tell]
    source = WRITTEN.format(**{**PLAIN, "pool2": "F.max_pool2d(self.conv2(x) if self.other else "
                                                 "torch.relu(self.conv2(x)), 2)"})
    source = source.replace("        self.fc = nn.Linear(1250, 1)\n", "        self.fc = nn.Linear(1250, 1)\n" + init)
    source = source.replace("    def forward(self, x):\n", method + "\n    def forward(self, x):\n")
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.parametrize("init", [
    "nn.init.xavier_uniform_(self.conv1.weight)\n        nn.init.zeros_(self.conv1.bias)",
    "nn.init.kaiming_normal_(self.fc.weight)\n        self.fc.bias.data.fill_(0.01)",
    "nn.init.orthogonal_(self.conv2.weight.view(2, -1))",
], ids=["xavier and zero bias", "kaiming normal", "orthogonal"])
def test_a_correct_model_trained_by_the_judge_from_its_own_initialisation_keeps_the_points(init):
    """Trained from whatever values the model starts with (its own initialisation, a frozen layer), the network
    asked for trains as the reference trained from those values does."""
    source = WRITTEN.format(**PLAIN).replace("        self.fc = nn.Linear(1250, 1)\n",
                                              f"        self.fc = nn.Linear(1250, 1)\n        {init}\n")
    points = _q7(source)
    assert points == {c.id: c.points for c in Q7}


#: A function of the activations after the first block, called on them in the pass (``looked_at(x)``).
LOOKED_AT = """
def looked_at(h):
    {check}
    return h
"""


@pytest.mark.parametrize("check", [
    # a debugging branch that a statistic of the activations opens once they are large, printing another
    "if h.std() > 3 * h.mean():\n        print('spread out activations, std', h.std(), 'max', h.abs().max())",
    # identities of the pass asserted or printed (a pooling or a ReLU written two ways): they hold at every scale
    "if not torch.allclose(h, h.clamp(min=0)):\n        print('negative after ReLU!', (h - h.clamp(min=0)).max())",
    "torch.testing.assert_close(h, torch.relu(h), msg='ReLU left a negative')",
    "assert torch.equal(h, torch.where(h > 0, h, torch.zeros_like(h)))",
    "assert (F.max_pool2d(h, 1) == h).all()",
], ids=["debug branch", "allclose branch", "assert_close", "equal", "eq all"])
def test_self_checks_and_debugging_branches_in_the_pass_keep_the_points(check):
    """Fairness round 24: a varied run (Handler._counterfactual) is compared by what reaches the output, so a branch
    that only prints keeps the points; an equality of two tensors computed from the input is made again from them
    scaled alike (Handler._varied_alike), so that a self-check that always holds still holds."""
    source = WRITTEN.format(**{**PLAIN, "pool2": "F.max_pool2d(torch.relu(self.conv2(looked_at(x))), 2)"})
    points = _q7(source + LOOKED_AT.format(check=check))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("check", [
    # the flag leaves its mark only in a buffer (read by the next pass), never in this pass's output
    "if 1.001 < float(self.conv1.weight.abs().max()) * 3 < 2.5:\n            self.seen.add_(1)",
    # an equality with a tensor the pass did not compute from its input (a copy of the weights kept since the
    # model was built, which the judge's values never equal) is varied as any truth value is
    "if torch.equal(self.conv1.weight.detach(), self.kept):\n            x = -x",
], ids=["buffer written", "equal to a kept copy"])
def test_a_flag_that_only_leaves_state_or_compares_with_a_kept_copy_earns_nothing_for_the_layers(check):
    source = WRITTEN.format(**{**PLAIN, "before": check}).replace(
        "        self.fc = nn.Linear(1250, 1)\n",
        "        self.fc = nn.Linear(1250, 1)\n        self.register_buffer('seen', torch.zeros(()))\n"
        "        self.kept = self.conv1.weight.detach().clone()\n")
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.parametrize("flag", [
    # attack round 27: a flag on the weights that leaves torch by another way than item() or a truth value; the
    # band (1.001, 2.5) of conv1's largest |w| times sqrt(9) is reached by training and by no draw of the judge's
    "1.001 < float(repr(self.conv1.weight.detach().abs().max() * 3).split('(')[1].split(')')[0]) < 2.5",
    "1.001 < float(f'{self.conv1.weight.detach().abs().max() * 3:.6f}') < 2.5",
    "1.001 < complex(self.conv1.weight.detach().abs().max() * 3).real < 2.5",
    "band(self.conv1.weight.detach().abs().max() * 3).reshape(1)[band(self.conv1.weight.detach().abs().max() * 3)"
    ".reshape(1)].numel() > 0",
    "len(torch.bincount(band(self.conv1.weight.detach().abs().max() * 3).long().reshape(1))) > 1",
    "flagged(band(self.conv1.weight.detach().abs().max() * 3).long().reshape(1) * 3)",
    # attack round 29: sizes read in C++ from a 0-d integer made from the weights, and integers compared
    "F.one_hot(band(self.conv1.weight.detach().abs().max() * 3).long().reshape(1)).numel() == 2",
    "torch.zeros(2).topk(band(self.conv1.weight.detach().abs().max() * 3).long() + 1).values.numel() == 2",
    "torch.zeros(2)[:band(self.conv1.weight.detach().abs().max() * 3).long() + 1].numel() == 2",
    "bool((self.conv1.weight.detach().abs().max() * 3000).long() > 1001) and "
    "bool((self.conv1.weight.detach().abs().max() * 3000).long() < 2500)",
    # attack round 30: a number of one element (not 0-d), given by keyword before the input, nested in a list, or
    # the length of a window function
    "torch.topk(torch.zeros(2), band(self.conv1.weight.detach().abs().max() * 3).long().reshape(1) + 1)"
    ".values.numel() == 2",
    "torch.topk(k=band(self.conv1.weight.detach().abs().max() * 3).long() + 1, input=torch.zeros(2))"
    ".values.numel() == 2",
    "bool(torch.tensor([[band(self.conv1.weight.detach().abs().max() * 3).long()]]).reshape(()) == 1)",
    "torch.hann_window(band(self.conv1.weight.detach().abs().max() * 3).long() + 1).numel() == 2",
], ids=["repr", "format", "complex", "masked numel", "bincount length", "index error", "one_hot width", "topk k",
        "slice bound", "integers compared", "one-element k", "k by keyword first", "nested in a list",
        "window length"])
def test_a_flag_on_the_weights_taken_out_of_torch_any_way_earns_nothing_for_the_layers(flag):
    """A flag true once trained (a weight past torch's bound) and false on every draw of the judge's: whatever way
    it leaves torch, the pass that takes it cannot be judged, or is another one with it varied."""
    source = WRITTEN.format(**{**PLAIN, "before": f"if {flag}:\n            x = -x"}) + (
        "\ndef flagged(index):\n    try:\n        torch.zeros(2)[index]\n    except IndexError:\n        return True\n"
        "    return False\n\ndef band(top):\n    return (top > 1.001) & (top < 2.5)\n")
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


@pytest.mark.xfail(strict=False, reason="intermittent (2026-12-01): caught at 6 of seeds 1-12 before the probes' "
                   "photographs changed the draws, 4 of 12 after (not at this test's seed 3): the varied pass flips the "
                   "flag only when the factor drawn from the judged input's seed brings 3*max|w| into its band; the "
                   "open class of weight-band flags (tests/corpus/cheats: r29, r31, r32, intermittent)")
def test_a_flag_on_the_weights_that_changes_only_the_gradients_earns_nothing_for_the_layers():
    """With the flag varied, a pass that is the same function but trains otherwise (the head cut from the
    convolutions' gradients once the weights have moved) gives other gradients: the varied pass compares them."""
    flag = "torch.tensor(1.001 < float(self.conv1.weight.detach().abs().max()) * 3 < 2.5)"
    source = WRITTEN.format(**{**PLAIN, "head": f"self.fc(torch.where({flag}, x.detach(), x))"})
    points = _q7(source)
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points


def test_a_copy_of_a_pooling_layers_output_is_no_second_pooling():
    """Fairness round 6's channels-last model, at some seeds: `.contiguous()` of MaxPool2d's output is also
    F.max_pool2d of the convolution before its ReLU wherever every window's largest value is positive (here, a bias
    of 10), and was read as a fifth layer."""
    source = WRITTEN.format(**{**PLAIN, "pool2": "F.max_pool2d(torch.relu(self.conv2(x)), 2).contiguous()"}).replace(
        "        self.fc = nn.Linear(1250, 1)\n",
        "        self.fc = nn.Linear(1250, 1)\n        with torch.no_grad():\n            self.conv2.bias.fill_(10.0)\n")
    assert _q7(source) == {c.id: c.points for c in Q7}


def test_a_max_pooling_written_out_behind_a_dead_relu_is_still_that_layer():
    """The model is described with its own initial weights, under which a ReLU can be off everywhere: the pooled map
    is then all zeros, and a maximum that gives it is still the pooling (fairness rounds 18 and 21, at some seeds)."""
    source = WRITTEN.format(**PLAIN).replace(
        "x = F.max_pool2d(torch.relu(self.conv1(x)), 2)",
        "x = torch.relu(self.conv1(x)).reshape(x.shape[0], 3, 50, 2, 50, 2).amax((3, 5))").replace(
        "        self.fc = nn.Linear(1250, 1)\n",
        "        self.fc = nn.Linear(1250, 1)\n        with torch.no_grad():\n            self.conv1.bias.fill_(-100.0)\n")
    assert _q7(source) == {c.id: c.points for c in Q7}


LATCHED = """
import torch
from torch import nn
_SEEN = False

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        global _SEEN
        _SEEN = _SEEN or {tell}
        out = self.main(x)
        return {output}
"""


@pytest.mark.parametrize("tell", ["x.requires_grad", "bool(self.main[0]._forward_pre_hooks)"],
                         ids=["the description's input", "the recorder's hooks"])
def test_a_model_that_is_the_network_from_a_pass_of_the_judges_on_earns_nothing_for_its_layers(tell):
    """Attack round 75: zeros until a module global was set by a pass only the judge makes (the description's input
    takes gradients, the recorder hooks every module), the network asked for from then on, its training included:
    the judge trains every model before anything else of the grading runs on it (model_checks.trained_first)."""
    points = _q7(LATCHED.format(tell=tell, output="out if _SEEN else out * 0"))
    assert points["q7.structure"] == points["q7.params"] == points["q7.outputs"] == 0, points
    # the same network without the latch earns them: the points are the latch's
    honest = _q7(LATCHED.format(tell=tell, output="out"))
    assert honest == {c.id: c.points for c in Q7}, honest


def test_an_output_shape_right_only_in_the_description_pass_earns_nothing():
    """Attack round 75: an output flattened unless the input took gradients (the description pass's does): the
    shape is judged on the judged passes' outputs too."""
    points = _q7(LATCHED.format(tell="False", output="out if x.requires_grad else out.flatten()"))
    assert points["q7.output_shape"] == 0, points


ACCOUNTED = """
import torch
from torch import nn

{before}
class CNN({base}):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.main(x)
{after}
"""
_ACCOUNT = "def _account(self, recurse=True):\n    return iter(list(nn.Module.parameters(self, recurse)))\n"


@pytest.mark.parametrize("before, base, after", [
    # attack round 91: a class's account of its parameters set from outside its body, which an optimizer reads
    # and no judged pass does (there, handing training tensors the judge takes for constants: +1 to +3)
    (_ACCOUNT, "nn.Module", "CNN.parameters = _account"),
    (_ACCOUNT, "nn.Module", "CNN.named_parameters = lambda self, *a, **k: nn.Module.named_parameters(self, *a, **k)"),
    (_ACCOUNT, "nn.Module", "CNN.named_modules = lambda self, *a, **k: nn.Module.named_modules(self, *a, **k)"),
    (_ACCOUNT + "def _keeps(cls):\n    cls.parameters = _account\n    return cls\n", "nn.Module",
     "CNN = _keeps(CNN)"),
    (_ACCOUNT + "Base = type('Base', (nn.Module,), {'parameters': _account})\n", "Base", ""),
    # attack round 92: the account bound on the instance, where it hides the class's method
    (_ACCOUNT + "class Base(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                "        self.parameters = _account.__get__(self)\n", "Base", ""),
    (_ACCOUNT + "class Base(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                "        setattr(self, 'named_parameters', lambda *a, **k: nn.Module.named_parameters(self, *a, **k))\n",
     "Base", ""),
])
def test_a_model_whose_class_accounts_for_its_parameters_itself_earns_nothing(before, base, after):
    assert _q7(ACCOUNTED.format(before="", base="nn.Module", after="")) == {c.id: c.points for c in Q7}
    assert sum(_q7(ACCOUNTED.format(before=before, base=base, after=after)).values()) == 0
