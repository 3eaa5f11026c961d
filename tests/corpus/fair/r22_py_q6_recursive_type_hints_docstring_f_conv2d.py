#!/usr/bin/env python
# coding: utf-8

# # Lecture 6: Introduction to Convolutional Neural Networks

# In[1]:


# Initialize Otter
import otter
grader = otter.Notebook("lecture06.ipynb")

# ## Q1. Exercise 6.1: the output of a 3x3 filter (1 point)

# In[2]:


q1_answer = "C"

# In[3]:


grader.check("q1")

# ## Q2. The output size of a convolution (3 points)

# In[4]:


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1

# In[5]:


grader.check("q2")

# ## Q3. Shapes through a pooled CNN (2 points)

# In[6]:


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

# In[7]:


grader.check("q3")

# ## Q4. Counting parameters (3 points)

# In[8]:


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)

# In[9]:


grader.check("q4")

# ## Q5. Parameter formulas (2 points)

# In[10]:


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)

# In[11]:


grader.check("q5")

# ## Q6. Convolution and max pooling by hand (4 points)

# In[12]:


import torch
from torch import Tensor

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def _pad(x: Tensor, p: int) -> Tensor:
    """Add p zeros on every side (what F.conv2d's padding=p does)."""
    if p == 0:
        return x
    zc = torch.zeros(x.shape[0], 1, dtype=x.dtype)
    x = torch.cat([zc, x, zc], dim=1)
    zr = torch.zeros(1, x.shape[1], dtype=x.dtype)
    return _pad(torch.cat([zr, x, zr], dim=0), p - 1)


def _rows(x: Tensor, kernel: Tensor, stride: int, i: int) -> list:
    """Output rows from input row i on, recursively."""
    kh, kw = kernel.shape
    if i + kh > x.shape[0]:
        return []
    row = [(x[i:i + kh, j:j + kw] * kernel).sum() for j in range(0, x.shape[1] - kw + 1, stride)]
    return [torch.stack(row)] + _rows(x, kernel, stride, i + stride)


def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor:
    """Equivalent to ``F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]``.

    >>> conv2d(torch.ones(4, 4), torch.ones(3, 3))
    tensor([[9., 9.],
            [9., 9.]])
    """
    return torch.stack(_rows(_pad(image, padding), kernel, stride, 0))


def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
    """Equivalent to ``F.max_pool2d(image[None], kernel_size)[0]`` (non-overlapping blocks, rest dropped)."""
    k = kernel_size
    if image.shape[0] < k:
        return image.new_zeros(0, image.shape[1] // k)
    first = torch.stack([image[:k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
    rest = max_pool2d(image[k:], k)
    return torch.cat([first[None], rest]) if rest.numel() else first[None]

# In[13]:


grader.check("q6")

# ## Q7. Build the pooled CNN (4 points)

# In[14]:


import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.relu = torch.nn.ReLU()
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(self.flatten(x))

# In[15]:


grader.check("q7")

# ## Q8. CNN vs FCNN: a network of conv blocks (3 points)

# In[16]:


import torch


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
        torch.nn.ReLU(),
    )


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
        )
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.blocks(x)))

# In[17]:


grader.check("q8")

# ## Q9. Exercise 6.2: select the true statements (2 points)

# In[18]:


q9_true = {"C"}

# In[19]:


grader.check("q9")

# ## Q10. True or false: convolutions in PyTorch (2 points)

# In[20]:


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

# In[21]:


grader.check("q10")
