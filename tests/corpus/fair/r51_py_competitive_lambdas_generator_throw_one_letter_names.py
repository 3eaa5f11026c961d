from itertools import product as P
import torch as T

q1_answer = "ABC"[2]
conv_output_size = lambda size, kernel_size, stride=1, padding=0: (size + 2 * padding - kernel_size) // stride + 1 if kernel_size <= size + 2 * padding else (_ for _ in ()).throw(ValueError("kernel > input"))
q3_shapes = [(c, n, n) for c, n in ((3, 100), (3, 50), (2, 50), (2, 25))]
q3_flatten_features = 2 * 25 ** 2
q4_conv_params = 3 ** 4 + 3
q4_cnn_params = 30 + 56 + 1251
q4_fcnn_params = sum(a * b + b for a, b in zip([128 * 128, 256, 128, 64, 32, 16], [256, 128, 64, 32, 16, 1]))
conv2d_params = lambda in_channels, out_channels, kernel_size, bias=True: in_channels * out_channels * (kernel_size ** 2 if isinstance(kernel_size, int) else kernel_size[0] * kernel_size[1]) + out_channels * bool(bias)
linear_params = lambda in_features, out_features, bias=True: (in_features + bool(bias)) * out_features
q6_output = T.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    a, b = kernel.shape
    g = T.zeros(H + 2 * padding, W + 2 * padding, dtype=image.dtype)
    g[padding:padding + H, padding:padding + W] = image
    R, C = (H + 2 * padding - a) // stride + 1, (W + 2 * padding - b) // stride + 1
    o = T.zeros(R, C, dtype=image.dtype)
    for i, j in P(range(R), range(C)):
        o[i, j] = (g[i * stride:i * stride + a, j * stride:j * stride + b] * kernel).sum()
    return o


max_pool2d = lambda image, kernel_size=2: T.stack([T.stack([image[i:i + kernel_size, j:j + kernel_size].max() for j in range(0, image.shape[1] - kernel_size + 1, kernel_size)]) for i in range(0, image.shape[0] - kernel_size + 1, kernel_size)])


class CNN(T.nn.Module):
    def __init__(s):
        super().__init__()
        s.f = T.nn.Sequential(T.nn.Conv2d(1, 3, 3, 1, 1), T.nn.ReLU(), T.nn.MaxPool2d(2),
                              T.nn.Conv2d(3, 2, 3, 1, 1), T.nn.ReLU(), T.nn.MaxPool2d(2),
                              T.nn.Flatten(), T.nn.Linear(1250, 1))

    def forward(s, x):
        return s.f(x)


conv_block = lambda input_channels, output_channels: T.nn.Sequential(T.nn.Conv2d(input_channels, output_channels, 3, 1, 1), T.nn.ReLU())


class ConvNet(T.nn.Module):
    def __init__(s, input_channels):
        super().__init__()
        s.f = T.nn.Sequential(*[conv_block(input_channels if t == 0 else 3, 3) for t in range(5)], T.nn.Flatten(), T.nn.Linear(49152, 1))

    def forward(s, x):
        return s.f(x)


q9_true = set("C")
q10_answers = dict(enumerate(map(bool, (1, 0, 1, 1, 0, 0, 1, 0)), 1))
