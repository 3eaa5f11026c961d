import torch
from torch import nn

q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    match (padded := size + 2 * padding) - kernel_size:
        case n if n < 0:
            raise ValueError(f"kernel {kernel_size} larger than {padded}")
        case n:
            return n // stride + 1


def shape_after(shape, layer):
    match layer:
        case ("conv", out_c, k, p):
            return (out_c, conv_output_size(shape[1], k, 1, p), conv_output_size(shape[2], k, 1, p))
        case ("pool", k):
            return (shape[0], shape[1] // k, shape[2] // k)
        case _:
            raise TypeError(layer)


q3_shapes = []
shape = (1, 100, 100)
for layer in [("conv", 3, 3, 1), ("pool", 2), ("conv", 2, 3, 1), ("pool", 2)]:
    q3_shapes.append(shape := shape_after(shape, layer))
q3_flatten_features = shape[0] * shape[1] * shape[2]


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    match kernel_size:
        case int(k):
            kh = kw = k
        case (kh, kw):
            pass
        case _:
            raise TypeError(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    match bias:
        case True:
            return in_features * out_features + out_features
        case False:
            return in_features * out_features
        case _:
            return in_features * out_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, (3, 3)) + linear_params(q3_flatten_features, 1)
if (sizes := [128 * 128, 256, 128, 64, 32, 16, 1]):
    q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(sizes, sizes[1:]))

q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    if (p := padding) > 0:
        z = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
        z[p:-p, p:-p] = image
        image = z
    out = torch.zeros((oh := (image.shape[0] - kh) // stride + 1), (ow := (image.shape[1] - kw) // stride + 1),
                      dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (image[(r := i * stride):r + kh, (c := j * stride):c + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    out = torch.zeros((oh := image.shape[0] // (k := kernel_size)), (ow := image.shape[1] // k), dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


def make(spec):
    match spec:
        case ("conv", cin, cout):
            return nn.Conv2d(cin, cout, 3, padding=1)
        case "relu":
            return nn.ReLU()
        case "pool":
            return nn.MaxPool2d(2)
        case "flatten":
            return nn.Flatten()
        case ("linear", fin, fout):
            return nn.Linear(fin, fout)
    raise ValueError(spec)


class CNN(nn.Module):
    SPEC = [("conv", 1, 3), "relu", "pool", ("conv", 3, 2), "relu", "pool", "flatten", ("linear", 1250, 1)]

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(*[make(s) for s in self.SPEC])

    def forward(self, x):
        return self.layers(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(make(("conv", input_channels, output_channels)), make("relu"))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.layers = nn.Sequential(*[conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)],
                                    make("flatten"), make(("linear", 49152, 1)))

    def forward(self, x):
        return self.layers(x)


q9_true = {letter for letter, true in zip("ABCDE", [False, False, True, False, False]) if true}
q10_answers = {}
for n, verdict in enumerate("TFTTFFTF", start=1):
    match verdict:
        case "T":
            q10_answers[n] = True
        case "F":
            q10_answers[n] = False
