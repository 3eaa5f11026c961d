import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    out = (size + 2 * padding - kernel_size) // stride + 1
    if out < 1:
        raise ValueError("the kernel does not fit the (padded) input")
    return out


# %%
answers_q3 = {
    "shapes": [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)],
    "flat": 2 * 25 * 25,
}
q3_shapes = answers_q3["shapes"]
q3_flatten_features = answers_q3["flat"]

layers_fc = [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (3 * 1 * 9 + 3) + (2 * 3 * 9 + 2) + (2 * 25 * 25 * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in layers_fc)


# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    weights = in_channels * out_channels * kernel_size[0] * kernel_size[1]
    return weights + out_channels if bias else weights


def linear_params(in_features, out_features, bias=True):
    weights = in_features * out_features
    return weights + out_features if bias else weights


# %%
CONV_DEFAULTS = {"stride": 1, "padding": 0}


def conv2d(image, kernel, stride=1, padding=0):
    stride = CONV_DEFAULTS.get("stride", 1) if stride is None else stride
    padding = CONV_DEFAULTS.get("padding", 0) if padding is None else padding
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
    h, w = image.shape
    out_h, out_w = h // kernel_size, w // kernel_size
    out = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out


x = torch.randn(5, 5)
w = torch.randn(3, 3)
print(torch.allclose(conv2d(x, w, None, None),
                     F.conv2d(x[None, None], w[None, None], **CONV_DEFAULTS)[0, 0], atol=1e-5))


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
