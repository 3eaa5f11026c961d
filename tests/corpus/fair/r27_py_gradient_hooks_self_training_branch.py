import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


h1 = conv_output_size(100, 3, padding=1)   # conv1
p1 = h1 // 2                               # pool1
h2 = conv_output_size(p1, 3, padding=1)    # conv2
p2 = h2 // 2                               # pool2
q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
q3_flatten_features = 2 * p2 * p2
print(q3_shapes, q3_flatten_features)


q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
print(q4_conv_params, q4_cnn_params, q4_fcnn_params)


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    n = out_channels * in_channels * kh * kw
    if bias:
        n += out_channels
    return n


def linear_params(in_features, out_features, bias=True):
    n = in_features * out_features
    if bias:
        n += out_features
    return n


def conv2d(image, kernel, stride=1, padding=0):
    if padding:
        zr = torch.zeros(padding, image.shape[1], dtype=image.dtype)
        image = torch.cat([zr, image, zr], dim=0)
        zc = torch.zeros(image.shape[0], padding, dtype=image.dtype)
        image = torch.cat([zc, image, zc], dim=1)
    kh, kw = kernel.shape
    out = torch.stack([
        torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum()
                     for j in range(0, image.shape[1] - kw + 1, stride)])
        for i in range(0, image.shape[0] - kh + 1, stride)
    ])
    return out


def max_pool2d(image, kernel_size=2):
    n_rows = image.shape[0] // kernel_size
    n_cols = image.shape[1] // kernel_size
    pooled = torch.empty(n_rows, n_cols, dtype=image.dtype)
    for r in range(n_rows):
        for c in range(n_cols):
            r0, c0 = r * kernel_size, c * kernel_size
            pooled[r][c] = torch.max(image[r0:r0 + kernel_size, c0:c0 + kernel_size])
    return pooled


q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)
        self.grad_norms = []     # gradient norms of the feature maps, to look for vanishing gradients
        self.n_train_calls = 0
        self.n_eval_calls = 0

    def _watch(self, t, name):
        if self.training and t.requires_grad:
            t.register_hook(lambda g: self.grad_norms.append((name, g.norm().item())))
        return t

    def forward(self, x):
        if self.training:
            self.n_train_calls += 1
        else:
            self.n_eval_calls += 1
        x = self._watch(F.max_pool2d(torch.relu(self.conv1(x)), 2), "block1")
        x = self._watch(F.max_pool2d(torch.relu(self.conv2(x)), 2), "block2")
        return self.fc(x.view(-1, 1250))


model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
X, y = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
for epoch in range(3):
    opt.zero_grad()
    loss = F.mse_loss(model(X), y.to(model(X).dtype))
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 4))


def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, 3, padding=1),
        nn.ReLU(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels, verbose=False):
        super().__init__()
        self.blocks = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(49152, 1)
        self.verbose = verbose
        self.n_forward = 0
        self.register_buffer("seen_images", torch.tensor(0))

    def forward(self, x):
        self.n_forward += 1
        self.seen_images += x.shape[0]
        if self.verbose or self.n_forward == 1:
            print(f"[ConvNet] forward #{self.n_forward}, batch {tuple(x.shape)}, training={self.training}")
        x = self.blocks(x)
        return self.linear(self.flatten(x))


print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
for c in (1, 3):
    print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))


q9_true = {"C"}


q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
