"""The static look at what a hand-written convolution calls."""

from __future__ import annotations

import pytest

from grader.bank.static import builtin_uses

HAND_WRITTEN = '''
import torch

def _window_sum(window, kernel):
    return (window * kernel).sum()

def conv2d(image, kernel, stride=1, padding=0):
    out = torch.zeros(2, 2)
    out[0, 0] = _window_sum(image[:2, :2], kernel)
    return out
'''


def test_a_hand_written_convolution_is_clean():
    assert builtin_uses((HAND_WRITTEN,), "conv2d") == []


@pytest.mark.parametrize("source, expected", [
    ("import torch.nn.functional as F\ndef conv2d(i, k, stride=1, padding=0):\n    return F.conv2d(i, k)\n",
     [".conv2d"]),
    ("from torch.nn.functional import conv2d as c\ndef conv2d(i, k, stride=1, padding=0):\n    return c(i, k)\n",
     ["from torch.nn.functional import conv2d"]),
    ("import torch\nhelper = torch.nn.functional.conv2d\ndef conv2d(i, k):\n    return helper(i, k)\n", [".conv2d"]),
    ("import torch\ndef inner(i, k):\n    return torch.nn.Conv2d(1, 1, 3)(i)\ndef conv2d(i, k):\n    return inner(i, k)\n",
     [".Conv2d"]),
    ("import torch\ndef conv2d(i, k):\n    return getattr(torch, 'con' + 'v2d')(i, k)\n", ["getattr(...)"]),
    ("import torch\ndef conv2d(i, k):\n    with torch._C._DisableTorchDispatch():\n        return i\n",
     ["._DisableTorchDispatch"]),
    ("import operator, torch.nn.functional as F\ndef conv2d(i, k):\n    return operator.attrgetter('conv2d')(F)(i, k)\n",
     ["'conv2d'"]),
    ("import torch.nn.functional as F\ndef conv2d(i, k):\n    return F.__dict__['conv' + '2d'](i, k)\n",
     [".__dict__"]),
])
def test_built_in_convolution_is_found_however_it_is_reached(source, expected):
    assert builtin_uses((source,), "conv2d") == expected


def test_torch_names_elsewhere_in_the_submission_do_not_count():
    cnn = "import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        self.c = torch.nn.Conv2d(1, 3, 3)\n"
    assert builtin_uses((cnn, HAND_WRITTEN), "conv2d") == []


def test_cells_that_do_not_parse_are_skipped_and_no_source_means_no_finding():
    assert builtin_uses(("def broken(:\n", HAND_WRITTEN), "conv2d") == []
    assert builtin_uses(None, "conv2d") == []
