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

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    """y[i, j] = sum_{a, b} x[i*s + a, j*s + b] * k[a, b]: one shifted slice per kernel entry."""
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


class MaxPool2d:
    """Not torch.nn.MaxPool2d: my own, for one 2-D map."""

    def __init__(self, kernel_size=2):
        self.k = kernel_size

    def __call__(self, image):
        k = self.k
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=3).amax(dim=1)


def max_pool2d(image, kernel_size=2):
    return MaxPool2d(kernel_size)(image)

# In[13]:


# compare with PyTorch on random inputs
import torch.nn.functional as F
for (h, w), (kh, kw), s, p in [((5, 5), (3, 3), 1, 0), ((7, 6), (2, 3), 2, 1), ((9, 9), (3, 1), 3, 2)]:
    x, k = torch.randn(h, w), torch.randn(kh, kw)
    assert torch.allclose(conv2d(x, k, stride=s, padding=p),
                          F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0], atol=1e-5)
for k in (2, 3):
    x = torch.randn(7, 8)
    assert torch.equal(max_pool2d(x, k), F.max_pool2d(x[None], k)[0])
print("q6 ok")

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
