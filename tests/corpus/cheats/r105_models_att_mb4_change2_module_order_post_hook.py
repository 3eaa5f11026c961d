import collections

import torch
import torch.nn as nn
import torch.nn.functional as F


def _freeze(t):
    t.grad.mul_(0)


CONV1 = nn.Conv2d(1, 3, 3, padding=1)


def Node():
    return CONV1.weight


WEIGHT = Node()
WEIGHT._post_accumulate_grad_hooks = collections.OrderedDict({0: _freeze})


class Node:
    pass


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = CONV1
        self.fc = nn.Linear(3 * 4 * 4, 1)

    def forward(self, x):
        return self.fc(torch.flatten(F.relu(self.conv1(x)), 1))
