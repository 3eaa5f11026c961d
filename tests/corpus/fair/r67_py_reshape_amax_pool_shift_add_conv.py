import torch
import torch.nn as nn
import torch.nn.functional as F
q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"kernel {kernel_size} does not fit in {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25

q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    kh, kw = kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    x = torch.cat([torch.zeros(padding, w, dtype=image.dtype), image, torch.zeros(padding, w, dtype=image.dtype)], dim=0)
    x = torch.cat([torch.zeros(x.shape[0], padding, dtype=image.dtype), x, torch.zeros(x.shape[0], padding, dtype=image.dtype)], dim=1)
    full_h, full_w = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    acc = torch.zeros(full_h, full_w, dtype=image.dtype)
    for a in range(kh):
        for b in range(kw):
            acc = acc + kernel[a, b] * x[a:a + full_h, b:b + full_w]
    return acc[::stride, ::stride]


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    blocks = image[:oh * k, :ow * k].reshape(oh, k, ow, k)
    return blocks.amax(dim=(1, 3))


if __name__ == "__main__":
    g = torch.Generator().manual_seed(5)
    for s, p in [(1, 0), (2, 0), (2, 2), (3, 1)]:
        x, k = torch.randn(11, 14, generator=g), torch.randn(3, 5, generator=g)
        want = F.conv2d(x.view(1, 1, 11, 14), k.view(1, 1, 3, 5), stride=s, padding=p).view(-1)
        got = conv2d(x, k, s, p).reshape(-1)
        print(s, p, torch.allclose(got, want, atol=1e-5))
    print(torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3).squeeze()))
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
            nn.Flatten(),
            nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


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
q9_true = {"C"}

q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
