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
    h, w = image.shape[0] // k, image.shape[1] // k
    pooled = image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    return pooled


def _check_case(seed, stride, padding):
    g = torch.Generator().manual_seed(seed)
    x, k = torch.randn(9, 9, generator=g), torch.randn(3, 3, generator=g)
    ref = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
    return bool(torch.allclose(conv2d(x, k, stride, padding), ref, atol=1e-5))


# %%
q6_output = torch.tensor([[12, 12, 17],
                          [10, 17, 19],
                          [9, 6, 14]])


# %%
class CNN(nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(x.size(0), -1)
        return self.fc(x)


# %%
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
        self.features = nn.Sequential(*blocks)
        self.head = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.head(x)


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


if __name__ == "__main__":
    import multiprocessing as mp
    cases = [(seed, s, p) for seed in range(2) for s in (1, 2) for p in (0, 1)]
    pool = mp.get_context("fork").Pool(2)
    try:
        results = pool.starmap(_check_case, cases)
    finally:
        pool.close()
        pool.join()
    print("fork pool:", all(results), len(results), "cases")
