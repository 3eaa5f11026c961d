#!/usr/bin/env python
# coding: utf-8

# In[3]:

q1_answer = "B"


# In[6]:

def conv_output_size(size, kernel_size, stride=1, padding=0):
    if (room := size + 2 * padding - kernel_size) < 0:
        raise ValueError("kernel larger than the padded input")
    return room // stride + 1


# In[9]:

q3_shapes = [(4, 100, 100), (4, 50, 50), (4, 50, 50), (4, 25, 25)]
q3_flatten_features = 2500


# In[12]:

q4_conv_params = 2 * 11 * 3 * 3 + 11
q4_cnn_params = (3 * 4 * 25 + 4) + (4 * 4 * 25 + 4) + (2500 + 1)
q4_fcnn_params = (1024 * 512 + 512) + (512 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 1 + 1)


# In[15]:

def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size,) * 2
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return (in_features + (1 if bias else 0)) * out_features


# In[18]:

import torch

q6_output = torch.tensor([[10, 13, 18], [16, 15, 15], [11, 14, 14]], dtype=torch.float64)


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    return sum(kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
               for a in range(kh) for b in range(kw))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = (image.shape[0] // k) * k, (image.shape[1] // k) * k
    return image[:h, :w].reshape(h // k, k, w // k, k).amax(dim=(1, 3))


# In[21]:

import torch
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_module("c1", nn.Conv2d(3, 4, 5, padding=2))
        self.register_module("c2", nn.Conv2d(4, 4, 5, padding=2))
        self.register_module("lin", nn.Linear(2500, 1))

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.c1(x)), 2)
        x = torch.max_pool2d(torch.relu(self.c2(x)), 2)
        return self.lin(x.view(x.size(0), -1))


# In[24]:

import torch
from torch import nn


def conv_block(input_channels, output_channels):
    seq = nn.Sequential()
    seq.register_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    seq.register_module("relu", nn.ReLU())
    return seq


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        for n in range(5):
            self.register_module(f"block{n}", conv_block(input_channels if n == 0 else 4, 4))
        self.register_module("fc", nn.Linear(16384, 1))

    def forward(self, x):
        for n in range(5):
            x = self.get_submodule(f"block{n}")(x)
        return self.get_submodule("fc")(x.flatten(1))


# In[27]:

q9_true = {'B'}


# In[30]:

import numpy as np

truths = np.array([True, False, True, False, True, False, True, True])
q10_answers = {k: v for k, v in zip(np.arange(1, 9), truths)}
