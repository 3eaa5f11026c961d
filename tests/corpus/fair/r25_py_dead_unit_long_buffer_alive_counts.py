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

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    kh, kw = kernel.shape
    oh = (image.shape[0] - kh) // stride + 1
    ow = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            window = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out

# In[13]:


grader.check("q6")

# ## Q7. Build the pooled CNN (4 points)

# In[14]:


import torch
import torch.nn.functional as F
from torch import nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)
        self.register_buffer("dead", torch.zeros(2, dtype=torch.long))

    def forward(self, x):
        h = F.relu(self.conv1(x))
        self.dead[0] += (h == 0).sum()
        h = self.pool(h)
        h = F.relu(self.conv2(h))
        self.dead[1] += (h == 0).sum()
        h = self.pool(h)
        return self.fc(h.flatten(1))

# In[15]:


m = CNN()
m(torch.rand(4, 1, 100, 100))
print("zeros after relu1 / relu2:", m.dead.tolist())

# In[16]:


grader.check("q7")

# ## Q8. CNN vs FCNN: a network of conv blocks (3 points)

# In[17]:


import torch
import torch.nn.functional as F
from torch import nn


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                    conv_block(3, 3), conv_block(3, 3))
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        h = self.blocks(x)
        alive = (h > 0).sum(dim=(2, 3))          # (N, 3) positive pixels per channel
        print("alive pixels per channel (image 0):", alive[0].tolist())
        return self.fc(h.flatten(1))

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
