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
def checked_against(reference):
    """Compare the decorated function once with `reference` (at definition time)."""
    def decorate(fn):
        x = torch.randn(7, 7)
        k = torch.randn(3, 3)
        mine = fn(x, k, stride=2, padding=1)
        theirs = reference(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
        print(f"{fn.__name__}: max abs err {(mine - theirs).abs().max():.2e}")
        return fn
    return decorate


@checked_against(F.conv2d)
def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    h, w = image.shape
    x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    x[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
    return out


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


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
q10_answers = dict(zip(range(1, 9), [True, False, True, True, False, False, True, False]))

# quick sanity check of the two models
for model, shape in [(CNN(), (2, 1, 100, 100)), (ConvNet(3), (2, 3, 128, 128))]:
    print(type(model).__name__, model(torch.rand(*shape)).shape, sum(p.numel() for p in model.parameters()))
