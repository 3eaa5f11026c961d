#!/usr/bin/env python
# coding: utf-8

# # Lecture 6: Introduction to Convolutional Neural Networks
#
# Ten short exercises on convolutions, output shapes, parameter counts and CNNs in PyTorch.
#
# - Replace every `...` with your answer and run the cells in order.
# - After each answer, run its `grader.check("qN")` cell: it runs the **public** tests (names, types, one easy case).
#   Passing them does not mean the answer is right: **hidden** tests decide the grade. They compare your functions
#   with PyTorch itself on fresh random inputs, and your models with reference networks.
# - Do not rename anything the questions ask you to define.



# In[ ]:


# Initialize Otter
import otter
grader = otter.Notebook("lecture06.ipynb")


# ## Q1. Exercise 6.1: the output of a 3x3 filter (1 point)
#
# A two-dimensional **3x3** convolutional filter is applied to a two-dimensional **4x4** input feature map,
# with no padding and stride 1.
#
# What is the shape of the output feature map?
#
# - (A) 4 by 4
# - (B) 3 by 3
# - (C) 2 by 2
#
# Set `q1_answer` to `"A"`, `"B"` or `"C"`.


# In[ ]:


q1_answer = "C"


# In[ ]:


grader.check("q1")


# ## Q2. The output size of a convolution (3 points)
#
# A convolution slides a `kernel_size` x `kernel_size` kernel over a `size` x `size` input. Before sliding,
# `padding` rows and columns of zeros are added on **every** side; the kernel moves `stride` pixels at a time
# and is only applied where it fits entirely.
#
# Write `conv_output_size(size, kernel_size, stride=1, padding=0)` that returns the height (= width) of the
# output as an `int`, exactly as `torch.nn.Conv2d` computes it. If the kernel does not fit in the padded input,
# raise `ValueError`.
#
# For example, a 5x5 kernel on a 100x100 image without padding gives a 96x96 output.


# In[ ]:


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1


# In[ ]:


grader.check("q2")


# ## Q3. Shapes through a pooled CNN (2 points)
#
# This is the CNN of the lecture's "Ingredient 3: Pooling". Its input is one grey-scale 100x100 image,
# of shape `(1, 100, 100)` (channels, height, width; leave out the batch dimension).
#
# ```python
# torch.nn.Sequential(
#     torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),  # conv1
#     torch.nn.ReLU(),
#     torch.nn.MaxPool2d((2, 2)),                                                     # pool1
#     torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),  # conv2
#     torch.nn.ReLU(),
#     torch.nn.MaxPool2d((2, 2)),                                                     # pool2
#     torch.nn.Flatten(),
#     torch.nn.Linear(..., 1),
# )
# ```
#
# Set `q3_shapes` to the list of the four shapes `(C, H, W)` after conv1, pool1, conv2 and pool2, and
# `q3_flatten_features` to the number of features `Flatten` produces (the `in_features` of the last layer).


# In[ ]:


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


# In[ ]:


grader.check("q3")


# ## Q4. Counting parameters (3 points)
#
# Count the learnable parameters (weights **and** biases) of:
#
# 1. `q4_conv_params`: `torch.nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3))`.
# 2. `q4_cnn_params`: the whole pooled CNN of question 3 (two convolutions with padding 1, their ReLUs and
#    max-pools, then `Flatten` and `Linear(q3_flatten_features, 1)`).
# 3. `q4_fcnn_params`: the fully connected network below for a flattened 128x128 image (`input_size = 128 * 128`).
#
# ```python
# torch.nn.Sequential(
#     torch.nn.Linear(input_size, 256), torch.nn.ReLU(),
#     torch.nn.Linear(256, 128), torch.nn.ReLU(),
#     torch.nn.Linear(128, 64), torch.nn.ReLU(),
#     torch.nn.Linear(64, 32), torch.nn.ReLU(),
#     torch.nn.Linear(32, 16),
#     torch.nn.Linear(16, 1),
# )
# ```
#
# Give each as an `int`; you may write the arithmetic (`3 * 3 * 3 * 3 + 3`) rather than the result.


# In[ ]:


q4_conv_params = 3 * 3 * (3 * 3) + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


# In[ ]:


grader.check("q4")


# ## Q5. Parameter formulas (2 points)
#
# Write two functions that count the learnable parameters of a layer without building it:
#
# - `conv2d_params(in_channels, out_channels, kernel_size, bias=True)` for `torch.nn.Conv2d`; `kernel_size` is
#   an `int` (a square kernel) or a tuple `(kH, kW)`.
# - `linear_params(in_features, out_features, bias=True)` for `torch.nn.Linear`.
#
# Remember that PyTorch stores a convolution's weight as a tensor of shape
# `(out_channels, in_channels, kH, kW)`, and a layer built with `bias=False` has no biases.
# For example `conv2d_params(1, 3, 3)` is `1 * 3 * (3 * 3) + 3 = 30`.


# In[ ]:


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


# In[ ]:


grader.check("q5")


# ## Q6. Convolution and max pooling by hand (4 points)
#
# **(a)** The lecture slides this 3x3 kernel over this 5x5 input (no padding, stride 1):
#
# ```
# input                 kernel
# 3  3  2  1  0         0  1  2
# 0  0  1  3  1         2  2  0
# 3  1  2  2  3         0  1  2
# 2  0  0  2  2
# 2  0  0  0  1
# ```
#
# Each output value is the sum of a 3x3 window of the input multiplied elementwise by the kernel (PyTorch,
# like the lecture, does **not** flip the kernel). Compute the 3x3 output by hand and set `q6_output` to it
# (a tensor or a list of rows).
#
# **(b)** Write `conv2d(image, kernel, stride=1, padding=0)` for a 2-D `image` and a 2-D `kernel`
# (both `torch.Tensor`s) that returns the 2-D output of `torch.nn.functional.conv2d` on them.
#
# **(c)** Write `max_pool2d(image, kernel_size=2)` that returns the 2-D output of
# `torch.nn.functional.max_pool2d(image, kernel_size)`: the maximum of each non-overlapping block.
#
# Use plain tensor operations (indexing, slicing, `*`, `.sum()`, `.max()`, `torch.zeros`, ...).
# Calling torch's own convolution or pooling (`F.conv2d`, `nn.Conv2d`, `F.max_pool2d`, ...) earns no credit.


# In[ ]:


import torch
import torch.nn.functional as F

# first try: wrap PyTorch to see what the answers should look like
def conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


x = torch.arange(25.0).reshape(5, 5)
print(conv2d(x, torch.ones(3, 3)))
print(max_pool2d(x))


# In[ ]:


import torch

with torch.no_grad():
    q6_output = torch.tensor([[12, 12, 17],
                              [10, 17, 19],
                              [9, 6, 14]])

    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                out[i, j] = (window * kernel).sum()
        return out

    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]
                out[i, j] = block.max()
        return out


# In[ ]:


grader.check("q6")


# ## Q7. Build the pooled CNN (4 points)
#
# Write `class CNN(torch.nn.Module)`, with a constructor that takes no arguments, for the network of question 3.
# On an input batch of shape `(N, 1, 100, 100)` it returns shape `(N, 1)`. In order:
#
# 1. `Conv2d` from 1 to 3 channels, kernel 3x3, `padding=1`, then `ReLU`, then `MaxPool2d(2)`;
# 2. `Conv2d` from 3 to 2 channels, kernel 3x3, `padding=1`, then `ReLU`, then `MaxPool2d(2)`;
# 3. `Flatten`, then a `Linear` layer with one output.
#
# Keep PyTorch's default initialisation and `bias=True`; the grader loads its own weights into your layers
# (matched by order and type) and compares the outputs with a reference network's.


# In[ ]:


import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


# In[ ]:


grader.check("q7")


# ## Q8. CNN vs FCNN: a network of conv blocks (3 points)
#
# Write two things:
#
# - `conv_block(input_channels, output_channels)` returning a `torch.nn.Sequential` of a `Conv2d` from
#   `input_channels` to `output_channels` channels with a 3x3 kernel and `padding=1`, followed by a `ReLU`;
# - `class ConvNet(torch.nn.Module)` whose constructor takes `input_channels`: five conv blocks with 3 kernels
#   each (`input_channels` to 3, then 3 to 3 four times), then `Flatten`, then `Linear(49152, 1)`. It takes
#   128x128 images: a batch of shape `(N, input_channels, 128, 128)` gives shape `(N, 1)`.
#
# With one input channel this network has 49,519 parameters: compare with your count for the fully connected
# network of question 4. The grader also builds it with other numbers of input channels.


# In[ ]:


import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


# In[ ]:


grader.check("q8")


# ## Q9. Exercise 6.2: select the true statements (2 points)
#
# Select **all** of the following statements which are TRUE.
#
# - (A) The *input* to a `torch.nn.Conv2d` layer is a 2D tensor.
# - (B) The *output* of a `torch.nn.Conv2d` layer is a 2D tensor.
# - (C) The parameters of a `torch.nn.Conv2d` layer form a 4D array.
# - (D) Adding more fully connected layers (after flattening) always increases the number of parameters of a convnet.
# - (E) A CNN with more convolutional layers always has more parameters than a CNN with fewer convolutional layers.
#
# Set `q9_true` to the set of the letters of the true statements, e.g. `{"A", "D"}` (an empty set if none is true). Each statement is scored on its own.


# In[ ]:


q9_true = {"C"}


# In[ ]:


grader.check("q9")


# ## Q10. True or false: convolutions in PyTorch (2 points)
#
# Decide for each statement whether it is true or false.
#
# 1. `padding = kernel_size // 2` keeps the height and width of the input for an odd kernel with stride 1.
# 2. The parameter count of a `Conv2d` layer depends on the input image's height and width.
# 3. A `MaxPool2d` layer has no learnable parameters.
# 4. `Conv2d(in_channels=3, out_channels=8, kernel_size=5)` has 608 parameters.
# 5. With stride 2 and no padding, a 3x3 kernel maps a 10x10 input to 5x5.
# 6. The weight of `nn.Conv2d(1, 3, kernel_size=(3, 3))` has shape `(1, 3, 3, 3)`.
# 7. `nn.Conv2d` accepts an unbatched input of shape `(channels, height, width)`.
# 8. `nn.MaxPool2d(2)` maps a 7x7 feature map to 4x4.
#
# Set `q10_answers` to a dict mapping each statement number (`1` to `8`; `"1"` to `"8"` also count) to `True` or `False` (a NumPy bool, a one-element boolean tensor and the strings `"True"` / `"False"` also count; `1` and `0` do not). Each statement is scored on its own.


# In[ ]:


q10_answers = {
    1: True,
    2: False,
    3: True,
    4: True,
    5: False,
    6: False,
    7: True,
    8: False,
}


# In[ ]:


grader.check("q10")


# ## Check everything
#
# Run the public tests of every question.


# In[ ]:


grader.check_all()

