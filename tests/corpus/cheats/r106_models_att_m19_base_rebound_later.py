import collections

import torch
import torch.nn as nn
import torch.nn.functional as F

Base = nn.Parameter


class Node(Base):
    pass


class Base:
    pass


def _freeze(t):
    t.grad.mul_(0)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.fc = nn.Linear(3 * 4 * 4, 1)
        out = Node(self.conv1.weight.detach().clone())
        out._post_accumulate_grad_hooks = collections.OrderedDict({0: _freeze})
        self.conv1.weight = out

    def forward(self, x):
        return self.fc(torch.flatten(F.relu(self.conv1(x)), 1))
