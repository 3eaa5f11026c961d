import torch
import torch.nn as nn
import torch.nn.functional as F


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

# %%
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


# %%
STRIDE, PADDING = 1, 0


def conv2d(image, kernel, stride=STRIDE, padding=PADDING):
    H, W = image.shape
    kH, kW = kernel.shape
    if padding > 0:
        padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    out_h = (image.shape[0] - kH) // stride + 1
    out_w = (image.shape[1] - kW) // stride + 1
    output = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            patch = image[i * stride:i * stride + kH, j * stride:j * stride + kW]
            output[i, j] = (patch * kernel).sum()
    return output


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    pooled = image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    return pooled


def torch_conv2d(image, kernel, stride=STRIDE, padding=PADDING):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


x, k = torch.randn(8, 9), torch.randn(3, 3)
print(torch.allclose(conv2d(x, k), torch_conv2d(x, k), atol=1e-5))
print(torch.allclose(conv2d(x, k, 2, 1), torch_conv2d(x, k, 2, 1), atol=1e-5))


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(
        nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        nn.ReLU(),
    )


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            nn.Flatten(),
            nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


# %%
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
