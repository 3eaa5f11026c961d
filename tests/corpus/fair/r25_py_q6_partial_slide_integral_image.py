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


import functools

import torch

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def _slide(image, kh, kw, stride, reduce):
    """apply reduce to every kh x kw window, moving stride pixels at a time"""
    height, width = image.shape
    oh, ow = (height - kh) // stride + 1, (width - kw) // stride + 1
    out = torch.empty(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
    return out


def _pad(image, p):
    out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
    out[p:p + image.shape[0], p:p + image.shape[1]] = image
    return out


def conv2d(image, kernel, stride=1, padding=0):
    weighted_sum = functools.partial(lambda k, win: (win * k).sum(), kernel)
    return _slide(_pad(image, padding), *kernel.shape, stride, weighted_sum)


_window_max = functools.partial(torch.amax, dim=(0, 1))


def max_pool2d(image, kernel_size=2):
    return _slide(image, kernel_size, kernel_size, kernel_size, _window_max)


pool2 = functools.partial(max_pool2d, kernel_size=2)


def box_sums(image, k):
    """sum of every k x k window (stride 1) from an integral image: a check for conv2d with a ones kernel"""
    ii = torch.zeros(image.shape[0] + 1, image.shape[1] + 1, dtype=image.dtype)
    ii[1:, 1:] = image.cumsum(0).cumsum(1)
    return ii[k:, k:] - ii[:-k, k:] - ii[k:, :-k] + ii[:-k, :-k]

# In[13]:


x = torch.randn(8, 6, dtype=torch.float64)
print(torch.allclose(conv2d(x, torch.ones(3, 3, dtype=torch.float64)), box_sums(x, 3)))
print(pool2(torch.arange(16.).reshape(4, 4)))

# In[14]:


grader.check("q6")

# ## Q7. Build the pooled CNN (4 points)

# In[15]:


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

# In[16]:


grader.check("q7")

# ## Q8. CNN vs FCNN: a network of conv blocks (3 points)

# In[17]:


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

# In[18]:


grader.check("q8")

# ## Q9. Exercise 6.2: select the true statements (2 points)

# In[19]:


q9_true = {"C"}

# In[20]:


grader.check("q9")

# ## Q10. True or false: convolutions in PyTorch (2 points)

# In[21]:


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

# In[22]:


grader.check("q10")
