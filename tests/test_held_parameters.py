"""A model is judged with the judge's weights only where its own parameters reach its layers as they are
(attack round 5): a pass that computes with tensors it makes (a weight times 0, fresh random numbers, a detached
copy) earns nothing for its layers, while models that keep their parameters elsewhere than nn.Conv2d keep
full marks."""

from __future__ import annotations

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
], ids=["held", "transposed back", "reshaped"])
def test_a_model_whose_layers_compute_with_its_parameters_earns_its_points(weights):
    points = _q7(LAYERS.format(w1=weights[0], w2=weights[1], w3=weights[2]))
    assert points == {c.id: c.points for c in Q7}


@pytest.mark.parametrize("weights", [
    ("self.conv1.weight * 0", "self.conv2.weight * 0", "self.fc.weight * 0"),
    ("torch.randn(3, 1, 3, 3)", "torch.randn(2, 3, 3, 3)", "torch.randn(1, 1250)"),
    ("self.conv1.weight.detach()", "self.conv2.weight", "self.fc.weight"),
    # A copy made in the pass has the same values, and is not the parameter training changes.
    ("self.conv1.weight.clone()", "self.conv2.weight", "self.fc.weight"),
    # Views that are not all of a parameter once each: one value for a whole kernel, a corner of a bigger one.
    ("self.conv1.weight[:, :, :1, :1].expand(3, 1, 3, 3)", "self.conv2.weight", "self.fc.weight"),
], ids=["times zero", "fresh random", "detached", "a clone", "expanded"])
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
