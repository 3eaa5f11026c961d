"""Lecture 6 exercises, done the signal-processing way.

I took DSP last term, so for Q6 I compute the cross-correlation in the frequency domain
(zero-pad both to the full size, multiply by the conjugate spectrum, inverse FFT) and
then keep the valid part with the stride.  Everything else is the usual arithmetic.
"""
import torch
import torch.nn as nn

# Q1 -------------------------------------------------------------------------
q1_answer = "C"


# Q2 -------------------------------------------------------------------------
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel larger than padded input")
    # the window can start at 0, stride, 2*stride, ... while it still fits
    return len(range(0, padded - kernel_size + 1, stride))


# Q3 -------------------------------------------------------------------------
_side = 100
q3_shapes = []
for channels, pooled in ((3, False), (3, True), (2, False), (2, True)):
    if pooled:
        _side //= 2
    q3_shapes.append((channels, _side, _side))
q3_flatten_features = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]

# Q4 -------------------------------------------------------------------------
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = 3 * 1 * 9 + 3 + 2 * 3 * 9 + 2 + q3_flatten_features + 1
_sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(a * b + b for a, b in zip(_sizes, _sizes[1:]))


# Q5 -------------------------------------------------------------------------
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)


# Q6 -------------------------------------------------------------------------
def conv2d(image, kernel, stride=1, padding=0):
    """Cross-correlation through the FFT (no kernel flip: conj() of the spectrum does that for us)."""
    image = image.to(torch.float64)
    kernel = kernel.to(torch.float64)
    if padding:
        big = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=torch.float64)
        big[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        image = big
    H, W = image.shape
    kh, kw = kernel.shape
    fh, fw = H + kh - 1, W + kw - 1          # full size: no circular wrap-around
    spec = torch.fft.rfft2(image, s=(fh, fw)) * torch.conj(torch.fft.rfft2(kernel, s=(fh, fw)))
    full = torch.fft.irfft2(spec, s=(fh, fw))
    # lag (i, j) >= 0 of the correlation sits at index (i, j); negative lags wrap to the end
    valid = full[:H - kh + 1, :W - kw + 1]
    return valid[::stride, ::stride].to(torch.float32)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k * k, image.shape[1] // k * k
    blocks = image[:h, :w].reshape(h // k, k, w // k, k)
    return blocks.amax(dim=(1, 3))


q6_image = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1.]])
q6_kernel = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2.]])
q6_output = conv2d(q6_image, q6_kernel).round()   # FFT leaves 1e-15 noise


# Q7 -------------------------------------------------------------------------
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


# Q8 -------------------------------------------------------------------------
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
        self.head = nn.Linear(49152, 1)

    def forward(self, x):
        return self.head(self.blocks(x).flatten(1))


# Q9 / Q10 -------------------------------------------------------------------
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}

if __name__ == "__main__":
    import torch.nn.functional as F
    x, k = torch.randn(9, 7), torch.randn(3, 2)
    print("fft vs torch:", (conv2d(x, k, 2, 1) - F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]).abs().max())
    print(q6_output)
