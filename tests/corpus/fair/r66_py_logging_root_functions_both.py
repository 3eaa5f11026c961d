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
import logging

logging.basicConfig(level=logging.DEBUG, format="%(message)s")


def conv2d(image, kernel, stride=1, padding=0):
    logging.debug("conv2d called with stride=%s padding=%s", stride, padding)
    kh, kw = kernel.shape
    if padding:
        canvas = image.new_zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        canvas[padding:-padding, padding:-padding] = image
    else:
        canvas = image
    rows = []
    for i in range(0, canvas.shape[0] - kh + 1, stride):
        rows.append(torch.stack([(canvas[i:i + kh, j:j + kw] * kernel).sum()
                                 for j in range(0, canvas.shape[1] - kw + 1, stride)]))
    feature_map = torch.stack(rows)
    return feature_map


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    result = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(result.shape[0]):
        for j in range(result.shape[1]):
            window = image[i * k:(i + 1) * k, j * k:(j + 1) * k]
            result[i, j] = torch.max(window)
    return result


x, k = torch.randn(8, 8), torch.randn(2, 2)
logging.info("F.conv2d -> %s", F.conv2d(x[None, None], k[None, None], stride=2)[0, 0].shape)
logging.info("conv2d   -> %s", conv2d(x, k, stride=2).shape)
logging.info("pool ok: %s", torch.equal(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0]))


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
# Q9: only statement C holds
q9_true = set(["C"])

# Q10
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
