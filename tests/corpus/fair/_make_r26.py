"""Round 26 of the fairness corpus: ORDINARY correct students (the kinds of issue 9), written fresh.

Each file is a whole submission written from snippets below, mixing the lecture's style (its imports, torchsummary's
``summary``, ``self.main = torch.nn.Sequential``), Stack Overflow habits (``x.view(x.size(0), -1)``,
``F.relu(self.conv1(x))``, ``nn.ReLU(inplace=True)``, ``padding='same'``, ``count_parameters``) and a TA's template
(shape prints, a short training loop on random data, ``model.eval()`` + ``torch.no_grad()``).  Notebooks carry
``%matplotlib inline``, ``%timeit`` / ``%%time``, ``?`` help lines, ``!pip`` lines, saved outputs, plots and
``display(...)``; some were run out of order (a later cell redefines an earlier one after a bug fix).

    python tests/corpus/fair/_make_r26.py            # rewrites tests/corpus/fair/r26_*
    python tests/corpus/fair/_make_r26.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r26.py --iso DIR  # isolation copies of the finding (not corpus files)
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat import v4

HERE = Path(__file__).parent


def d(s: str) -> str:
    return textwrap.dedent(s).strip("\n") + "\n"


# ---------------------------------------------------------------------------------------------------------------
# imports
# ---------------------------------------------------------------------------------------------------------------
LECTURE_IMPORTS = d('''
    import numpy as np
    import pandas as pd
    import torch
    from torchsummary import summary
    import matplotlib.pyplot as plt
    ''')
LECTURE_IMPORTS_NB = LECTURE_IMPORTS + "%matplotlib inline\nplt.rcParams.update({'axes.grid': False})\n"
SO_IMPORTS = d('''
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import numpy as np
    ''')

# ---------------------------------------------------------------------------------------------------------------
# q1
# ---------------------------------------------------------------------------------------------------------------
Q1 = {
    "plain": 'q1_answer = "C"\n',
    "comment": "# (4 - 3) / 1 + 1 = 2  -> 2 by 2\nq1_answer = 'C'\n",
    "print": 'q1_answer = "C"\nprint("Q1:", q1_answer)\n',
}

# ---------------------------------------------------------------------------------------------------------------
# q2
# ---------------------------------------------------------------------------------------------------------------
Q2 = {
    "floordiv": d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
            if kernel_size > size + 2 * padding:
                raise ValueError("kernel is bigger than the padded input")
            return (size + 2 * padding - kernel_size) // stride + 1
        '''),
    "np_floor": d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            # formula from the torch.nn.Conv2d docs (dilation = 1)
            out = np.floor((size + 2 * padding - kernel_size) / stride + 1)
            if out < 1:
                raise ValueError(f"kernel {kernel_size} does not fit input {size} with padding {padding}")
            return int(out)
        '''),
    "math_floor": d('''
        import math

        def conv_output_size(size, kernel_size, stride=1, padding=0):
            padded_size = size + 2 * padding
            if padded_size < kernel_size:
                raise ValueError('Kernel does not fit!')
            return math.floor((padded_size - kernel_size) / stride) + 1
        '''),
    "steps": d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            n = size + 2 * padding
            if kernel_size > n:
                raise ValueError("kernel_size larger than padded input")
            # count the positions where the kernel fits
            count = 0
            start = 0
            while start + kernel_size <= n:
                count += 1
                start += stride
            return count
        '''),
}
# a first attempt without the ValueError (fixed in a later cell)
Q2_BUGGY = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        return (size + 2 * padding - kernel_size) // stride + 1
    ''')
Q2_DEMO = "print(conv_output_size(100, 5))  # 96 like the example\nprint(conv_output_size(28, 3, stride=2, padding=1))\n"

# ---------------------------------------------------------------------------------------------------------------
# q3
# ---------------------------------------------------------------------------------------------------------------
Q3 = {
    "typed": d('''
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = 1250
        '''),
    "formula": d('''
        h1 = conv_output_size(100, 3, padding=1)   # conv1
        p1 = h1 // 2                               # pool1
        h2 = conv_output_size(p1, 3, padding=1)    # conv2
        p2 = h2 // 2                               # pool2
        q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
        q3_flatten_features = 2 * p2 * p2
        print(q3_shapes, q3_flatten_features)
        '''),
    "torch_run": d('''
        layers = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
        )
        x = torch.zeros(1, 100, 100)   # unbatched
        q3_shapes = []
        for layer in layers:
            x = layer(x)
            print(type(layer).__name__, x.shape)
            if not isinstance(layer, torch.nn.ReLU):
                q3_shapes.append(tuple(x.shape))
        q3_flatten_features = x.numel()
        print(q3_shapes, q3_flatten_features)
        '''),
    "torch_size": d('''
        x = torch.rand(1, 1, 100, 100)
        conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
        pool = torch.nn.MaxPool2d(2)
        conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
        a = conv1(x); b = pool(torch.relu(a)); c = conv2(b); e = pool(torch.relu(c))
        q3_shapes = [a.shape[1:], b.shape[1:], c.shape[1:], e.shape[1:]]   # torch.Size objects
        q3_flatten_features = e.shape[1] * e.shape[2] * e.shape[3]
        q3_shapes
        '''),
    "lists": d('''
        # C, H, W after each layer
        q3_shapes = [[3, 100, 100],
                     [3, 50, 50],
                     [2, 50, 50],
                     [2, 25, 25]]
        q3_flatten_features = 2 * 25 * 25
        '''),
}

# ---------------------------------------------------------------------------------------------------------------
# q4
# ---------------------------------------------------------------------------------------------------------------
Q4 = {
    "arith": d('''
        q4_conv_params = 3 * 3 * 3 * 3 + 3
        q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
        q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
        print(q4_conv_params, q4_cnn_params, q4_fcnn_params)
        '''),
    "typed": d('''
        q4_conv_params = 84
        q4_cnn_params = 1337
        q4_fcnn_params = 4238337
        '''),
    "count_helper": d('''
        def count_parameters(model):
            return sum(p.numel() for p in model.parameters() if p.requires_grad)

        q4_conv_params = count_parameters(torch.nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3)))
        q4_cnn_params = count_parameters(torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(), torch.nn.Linear(q3_flatten_features, 1)))
        input_size = 128 * 128
        q4_fcnn_params = count_parameters(torch.nn.Sequential(
            torch.nn.Linear(input_size, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 128), torch.nn.ReLU(),
            torch.nn.Linear(128, 64), torch.nn.ReLU(),
            torch.nn.Linear(64, 32), torch.nn.ReLU(),
            torch.nn.Linear(32, 16),
            torch.nn.Linear(16, 1)))
        print(q4_conv_params, q4_cnn_params, q4_fcnn_params)
        '''),
    "numpy": d('''
        sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
        q4_fcnn_params = np.sum(sizes[:-1] * sizes[1:] + sizes[1:])   # weights + biases of each Linear
        q4_conv_params = np.prod([3, 3, 3, 3]) + 3
        q4_cnn_params = (np.prod([1, 3, 3, 3]) + 3) + (np.prod([3, 2, 3, 3]) + 2) + (1250 + 1)
        q4_conv_params, q4_cnn_params, q4_fcnn_params
        '''),
    "with_q5": d('''
        q4_conv_params = conv2d_params(3, 3, (3, 3))
        q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
        input_size = 128 * 128
        widths = [input_size, 256, 128, 64, 32, 16, 1]
        q4_fcnn_params = 0
        for i in range(len(widths) - 1):
            q4_fcnn_params += linear_params(widths[i], widths[i + 1])
        print(q4_conv_params, q4_cnn_params, q4_fcnn_params)
        '''),
}

# ---------------------------------------------------------------------------------------------------------------
# q5
# ---------------------------------------------------------------------------------------------------------------
Q5 = {
    "isinstance": d('''
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
        '''),
    "int_bias": d('''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
            return in_channels * out_channels * kh * kw + int(bias) * out_channels

        def linear_params(in_features, out_features, bias=True):
            return in_features * out_features + int(bias) * out_features
        '''),
    "type_check": d('''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            # weight shape is (out_channels, in_channels, kH, kW)
            if type(kernel_size) == int:
                kH = kW = kernel_size
            else:
                kH, kW = kernel_size[0], kernel_size[1]
            weights = out_channels * in_channels * kH * kW
            biases = out_channels if bias else 0
            return weights + biases

        def linear_params(in_features, out_features, bias=True):
            weights = out_features * in_features
            biases = out_features if bias else 0
            return weights + biases
        '''),
}
Q5_DEMO = "print(conv2d_params(1, 3, 3), linear_params(1250, 1), conv2d_params(3, 8, (5, 5), bias=False))\n"

# ---------------------------------------------------------------------------------------------------------------
# q6
# ---------------------------------------------------------------------------------------------------------------
Q6_OUT = {
    "tensor": d('''
        q6_output = torch.tensor([[12, 12, 17],
                                  [10, 17, 19],
                                  [9, 6, 14]])
        '''),
    "list": "q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]\n",
    "float": "q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])\n",
    "computed": d('''
        image = torch.tensor([[3, 3, 2, 1, 0],
                              [0, 0, 1, 3, 1],
                              [3, 1, 2, 2, 3],
                              [2, 0, 0, 2, 2],
                              [2, 0, 0, 0, 1]], dtype=torch.float32)
        kernel = torch.tensor([[0, 1, 2],
                               [2, 2, 0],
                               [0, 1, 2]], dtype=torch.float32)
        q6_output = conv2d(image, kernel)
        print(q6_output)
        '''),
    "numpy": d('''
        q6_output = torch.from_numpy(np.array([[12, 12, 17],
                                               [10, 17, 19],
                                               [9, 6, 14]]))
        '''),
}
Q6_CONV = {
    "loops_zeros": d('''
        def conv2d(image, kernel, stride=1, padding=0):
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
        '''),
    "fpad_item": d('''
        import torch.nn.functional as F

        def conv2d(image, kernel, stride=1, padding=0):
            x = F.pad(image, (padding, padding, padding, padding))   # left, right, top, bottom
            kh, kw = kernel.shape
            rows = []
            for r in range(0, x.shape[0] - kh + 1, stride):
                row = []
                for c in range(0, x.shape[1] - kw + 1, stride):
                    row.append((x[r:r + kh, c:c + kw] * kernel).sum().item())
                rows.append(row)
            return torch.tensor(rows)
        '''),
    "numpy_inside": d('''
        def conv2d(image, kernel, stride=1, padding=0):
            img = image.numpy()
            k = kernel.numpy()
            img = np.pad(img, padding, mode='constant')
            kh, kw = k.shape
            oh = (img.shape[0] - kh) // stride + 1
            ow = (img.shape[1] - kw) // stride + 1
            out = np.zeros((oh, ow), dtype=img.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = np.sum(img[i*stride:i*stride+kh, j*stride:j*stride+kw] * k)
            return torch.from_numpy(out)
        '''),
    "item_zeros": d('''
        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            padded = torch.zeros(h + 2 * padding, w + 2 * padding)
            padded[padding:padding + h, padding:padding + w] = image
            out_h = (h + 2 * padding - kh) // stride + 1
            out_w = (w + 2 * padding - kw) // stride + 1
            out = torch.zeros(out_h, out_w)
            for i in range(out_h):
                for j in range(out_w):
                    total = 0.0
                    for a in range(kh):
                        for b in range(kw):
                            total += padded[i * stride + a, j * stride + b].item() * kernel[a, b].item()
                    out[i, j] = total
            return out
        '''),
    "cat_pad": d('''
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
        '''),
}
Q6_POOL = {
    "loops": d('''
        def max_pool2d(image, kernel_size=2):
            h, w = image.shape
            out_h, out_w = h // kernel_size, w // kernel_size
            out = torch.zeros((out_h, out_w), dtype=image.dtype)
            for i in range(out_h):
                for j in range(out_w):
                    out[i, j] = image[i*kernel_size:(i+1)*kernel_size, j*kernel_size:(j+1)*kernel_size].max()
            return out
        '''),
    "python_max": d('''
        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            result = []
            for i in range(0, image.shape[0] - k + 1, k):
                row = []
                for j in range(0, image.shape[1] - k + 1, k):
                    window = image[i:i + k, j:j + k]
                    row.append(max(window.flatten().tolist()))
                result.append(row)
            return torch.tensor(result, dtype=image.dtype)
        '''),
    "reshape": d('''
        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            h, w = image.shape[0] // k, image.shape[1] // k
            blocks = image[:h * k, :w * k].reshape(h, k, w, k)
            return blocks.amax(dim=(1, 3))
        '''),
    "torch_max": d('''
        def max_pool2d(image, kernel_size=2):
            n_rows = image.shape[0] // kernel_size
            n_cols = image.shape[1] // kernel_size
            pooled = torch.empty(n_rows, n_cols, dtype=image.dtype)
            for r in range(n_rows):
                for c in range(n_cols):
                    r0, c0 = r * kernel_size, c * kernel_size
                    pooled[r][c] = torch.max(image[r0:r0 + kernel_size, c0:c0 + kernel_size])
            return pooled
        '''),
}
Q6_TEST = d('''
    # compare with PyTorch on a random example
    import torch.nn.functional as F
    x = torch.randn(7, 6)
    k = torch.randn(3, 2)
    print(torch.allclose(conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5))
    print(torch.equal(max_pool2d(x, 2), F.max_pool2d(x[None, None], 2)[0, 0]))
    ''')

# ---------------------------------------------------------------------------------------------------------------
# q7
# ---------------------------------------------------------------------------------------------------------------
Q7 = {
    "lecture": d('''
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.main = torch.nn.Sequential(

                    torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
                    torch.nn.ReLU(),
                    torch.nn.MaxPool2d((2, 2)),

                    torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
                    torch.nn.ReLU(),
                    torch.nn.MaxPool2d((2, 2)),

                    torch.nn.Flatten(),
                    torch.nn.Linear(1250, 1)
                )

            def forward(self, x):
                out = self.main(x)
                return out
        '''),
    "functional": d('''
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
                x = self.fc(x)
                return x
        '''),
    "features_classifier": d('''
        class CNN(nn.Module):
            def __init__(self, in_channels=1):
                super().__init__()
                self.features = nn.Sequential(
                    nn.Conv2d(in_channels, 3, kernel_size=3, padding=1),
                    nn.ReLU(inplace=True),
                    nn.MaxPool2d(kernel_size=2, stride=2),
                    nn.Conv2d(3, 2, kernel_size=3, padding=1),
                    nn.ReLU(inplace=True),
                    nn.MaxPool2d(kernel_size=2, stride=2),
                )
                self.classifier = nn.Sequential(
                    nn.Flatten(),
                    nn.Dropout(p=0.0),
                    nn.Linear(1250, 1),
                )

            def forward(self, x):
                x = self.features(x)
                x = self.classifier(x)
                return x
        '''),
    "verbose_same": d('''
        class CNN(nn.Module):
            def __init__(self, verbose=False):
                super().__init__()
                self.verbose = verbose
                self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3, padding='same')
                self.pool1 = nn.MaxPool2d(2)
                self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3, padding='same')
                self.pool2 = nn.MaxPool2d(2)
                self.flatten = nn.Flatten()
                self.linear = nn.Linear(1250, 1)

            def forward(self, x):
                assert x.dim() == 4, "expected a batch (N, 1, 100, 100)"
                x = self.pool1(F.relu(self.conv1(x)))
                if self.verbose:
                    print("after block 1:", x.shape)
                x = self.pool2(F.relu(self.conv2(x)))
                if self.verbose:
                    print("after block 2:", x.shape)
                x = self.flatten(x)
                if self.verbose:
                    print("flattened:", x.shape)
                return self.linear(x)
        '''),
    "torch_functional_flatten": d('''
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
                self.out = torch.nn.Linear(1250, 1)

            def forward(self, x):
                x = torch.relu(self.conv1(x))
                x = torch.nn.functional.max_pool2d(x, 2)
                x = torch.relu(self.conv2(x))
                x = torch.nn.functional.max_pool2d(x, 2)
                x = torch.flatten(x, 1)
                return self.out(x)
        '''),
    "dropout_eval": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv_layers = nn.Sequential(
                    nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
                )
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                x = self.conv_layers(x)
                x = x.reshape(x.shape[0], -1)
                x = F.dropout(x, p=0.0, training=self.training)   # no dropout for now
                return self.fc(x)
        '''),
}
# buggy first attempt (the unpooled lecture network's 20000 features), fixed in a later cell
Q7_BUGGY = d('''
    class CNN(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.main = torch.nn.Sequential(
                torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
                torch.nn.ReLU(),
                torch.nn.MaxPool2d((2, 2)),
                torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
                torch.nn.ReLU(),
                torch.nn.MaxPool2d((2, 2)),
                torch.nn.Flatten(),
                torch.nn.Linear(20000, 1)
            )

        def forward(self, x):
            return self.main(x)
    ''')

# ---------------------------------------------------------------------------------------------------------------
# q8
# ---------------------------------------------------------------------------------------------------------------
Q8 = {
    "lecture": d('''
        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(
                torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
                torch.nn.ReLU()
            )

        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.main = torch.nn.Sequential(
                    conv_block(input_channels, 3),
                    conv_block(3, 3),
                    conv_block(3, 3),
                    conv_block(3, 3),
                    conv_block(3, 3),
                    torch.nn.Flatten(),
                    torch.nn.Linear(49152, 1)
                )

            def forward(self, x):
                out = self.main(x)
                return out
        '''),
    "star_list": d('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(
                nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                nn.ReLU(inplace=True),
            )

        class ConvNet(nn.Module):
            def __init__(self, input_channels=1):
                super().__init__()
                self.features = nn.Sequential(
                    conv_block(input_channels, 3),
                    *[conv_block(3, 3) for _ in range(4)]
                )
                self.classifier = nn.Linear(3 * 128 * 128, 1)

            def forward(self, x):
                x = self.features(x)
                x = x.view(x.size(0), -1)
                return self.classifier(x)
        '''),
    "modulelist": d('''
        def conv_block(input_channels, output_channels):
            layers = [nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()]
            return nn.Sequential(*layers)

        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                channels = [input_channels, 3, 3, 3, 3, 3]
                self.blocks = nn.ModuleList()
                for c_in, c_out in zip(channels[:-1], channels[1:]):
                    self.blocks.append(conv_block(c_in, c_out))
                self.flatten = nn.Flatten()
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                for block in self.blocks:
                    x = block(x)
                return self.fc(self.flatten(x))
        '''),
    "same_verbose": d('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(
                nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=(3, 3), padding='same'),
                nn.ReLU(),
            )

        class ConvNet(nn.Module):
            def __init__(self, input_channels, verbose=False):
                super().__init__()
                self.verbose = verbose
                self.block1 = conv_block(input_channels, 3)
                self.block2 = conv_block(3, 3)
                self.block3 = conv_block(3, 3)
                self.block4 = conv_block(3, 3)
                self.block5 = conv_block(3, 3)
                self.flatten = nn.Flatten()
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                for block in [self.block1, self.block2, self.block3, self.block4, self.block5]:
                    x = block(x)
                    if self.verbose:
                        print(x.shape)
                x = self.flatten(x)
                return self.fc(x)
        '''),
    "loop_sequential": d('''
        def conv_block(input_channels, output_channels):
            block = torch.nn.Sequential()
            block.add_module("conv", torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
            block.add_module("relu", torch.nn.ReLU())
            return block

        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                layers = [conv_block(input_channels, 3)]
                for i in range(4):
                    layers.append(conv_block(3, 3))
                layers.append(torch.nn.Flatten())
                layers.append(torch.nn.Linear(3 * 128 * 128, 1))
                self.main = torch.nn.Sequential(*layers)

            def forward(self, x):
                assert x.dim() == 4
                return self.main(x)
        '''),
}

# ---------------------------------------------------------------------------------------------------------------
# q9 / q10
# ---------------------------------------------------------------------------------------------------------------
Q9 = {
    "set": 'q9_true = {"C"}\n',
    "set_call": "q9_true = set(['C'])\n",
    "list": '# only C: the weight is (out, in, kH, kW)\nq9_true = ["C"]\n',
    "tuple": "q9_true = ('C',)\n",
    "set_comment": d('''
        # A: input is 3D/4D (C,H,W) or (N,C,H,W) -> False
        # B: output is 3D/4D too -> False
        # C: weight is 4D (out, in, kH, kW) -> True
        # D: a Linear(k, k) can't... actually a smaller layer after flatten can reduce the count -> False
        # E: depends on the layers -> False
        q9_true = {'C'}
        '''),
}
Q10 = {
    "plain": d('''
        q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
        '''),
    "str_keys": d('''
        q10_answers = {
            "1": True,
            "2": False,
            "3": True,
            "4": True,   # 3*8*5*5 + 8 = 608
            "5": False,  # (10-3)//2+1 = 4
            "6": False,  # (3, 1, 3, 3)
            "7": True,
            "8": False,  # 3x3
        }
        '''),
    "strings": d('''
        q10_answers = {1: "True", 2: "False", 3: "True", 4: "True", 5: "False", 6: "False", 7: "True", 8: "False"}
        '''),
    "computed": d('''
        q10_answers = {}
        q10_answers[1] = conv_output_size(7, 5, padding=5 // 2) == 7
        q10_answers[2] = False
        q10_answers[3] = len(list(torch.nn.MaxPool2d(2).parameters())) == 0
        q10_answers[4] = sum(p.numel() for p in torch.nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5).parameters()) == 608
        q10_answers[5] = conv_output_size(10, 3, stride=2) == 5
        q10_answers[6] = tuple(torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3)
        q10_answers[7] = torch.nn.Conv2d(3, 4, 3)(torch.rand(3, 10, 10)).dim() == 3
        q10_answers[8] = torch.nn.MaxPool2d(2)(torch.rand(1, 7, 7)).shape[-1] == 4
        print(q10_answers)
        '''),
    "numpy_bools": d('''
        answers = np.array([True, False, True, True, False, False, True, False])
        q10_answers = {i + 1: answers[i] for i in range(8)}   # numpy bools
        q10_answers
        '''),
    "tensor_bools": d('''
        w = torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight
        q10_answers = {
            1: True,
            2: False,
            3: True,
            4: torch.tensor([3 * 8 * 5 * 5 + 8]) == 608,
            5: torch.tensor([conv_output_size(10, 3, stride=2)]) == 5,
            6: False,
            7: True,
            8: False,
        }
        '''),
}

# ---------------------------------------------------------------------------------------------------------------
# extras (notebook-only unless noted)
# ---------------------------------------------------------------------------------------------------------------
SUMMARY_Q7 = "model = CNN()\nsummary(model, (1, 100, 100));\n"
SUMMARY_Q8 = "model = ConvNet(1)\nsummary(model, (1, 128, 128));\n"
SHAPES_Q7 = d('''
    model = CNN()
    x = torch.rand(4, 1, 100, 100)
    print(model(x).shape)
    print(sum(p.numel() for p in model.parameters()))
    ''')
SHAPES_Q8 = d('''
    for c in [1, 3]:
        net = ConvNet(c)
        print(c, net(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in net.parameters()))
    ''')
LAYER_SHAPES_Q7 = d('''
    # print the shape after every layer
    x = torch.rand(1, 1, 100, 100)
    for name, layer in CNN().main.named_children():
        x = layer(x)
        print(name, type(layer).__name__, tuple(x.shape))
    ''')
TRAIN_Q7 = d('''
    torch.manual_seed(0)
    model = CNN()
    X = torch.rand(16, 1, 100, 100)
    y = torch.randint(0, 2, (16, 1)).float()
    criterion = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    for epoch in range(3):
        optimizer.zero_grad()
        loss = criterion(model(X), y)
        loss.backward()
        optimizer.step()
        print(f"epoch {epoch}: loss {loss.item():.4f}")
    ''')
TRAIN_Q8 = d('''
    torch.manual_seed(42)
    net = ConvNet(input_channels=1)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.MSELoss()
    inputs, targets = torch.randn(4, 1, 128, 128), torch.randn(4, 1)
    for step in range(2):
        optimizer.zero_grad()
        loss = loss_fn(net(inputs), targets)
        loss.backward()
        optimizer.step()
        print(step, loss.item())
    ''')
EVAL_Q7 = d('''
    model.eval()
    with torch.no_grad():
        preds = torch.sigmoid(model(torch.rand(3, 1, 100, 100)))
    print(preds.squeeze())
    ''')
PLOT_Q7 = d('''
    # look at the feature maps after the first convolution
    x = torch.rand(1, 1, 100, 100)
    with torch.no_grad():
        fmap = CNN().main[0](x)
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for i, ax in enumerate(axes):
        ax.imshow(fmap[0, i], cmap='gray')
        ax.set_title(f'channel {i}')
        ax.axis('off')
    plt.show()
    ''')
PLOT_Q6 = d('''
    img = torch.rand(10, 10)
    edge = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]])
    plt.imshow(conv2d(img, edge), cmap='gray')
    plt.colorbar()
    plt.show()
    ''')
DISPLAY_Q4 = d('''
    df = pd.DataFrame({"model": ["conv", "cnn", "fcnn"],
                       "params": [q4_conv_params, q4_cnn_params, q4_fcnn_params]})
    display(df)
    ''')
TIMEIT_Q6 = "x = torch.rand(28, 28)\n%timeit conv2d(x, torch.rand(3, 3), padding=1)\n"
HELP = "torch.nn.Conv2d?\n"
PIP = "!pip list | grep torch\n"

OUTPUTS = {
    SUMMARY_Q7: "----------------------------------------------------------------\n        Layer (type)               Output Shape         Param #\n================================================================\n            Conv2d-1          [-1, 3, 100, 100]              30\n              ReLU-2          [-1, 3, 100, 100]               0\n         MaxPool2d-3            [-1, 3, 50, 50]               0\n            Conv2d-4            [-1, 2, 50, 50]              56\n              ReLU-5            [-1, 2, 50, 50]               0\n         MaxPool2d-6            [-1, 2, 25, 25]               0\n           Flatten-7                 [-1, 1250]               0\n            Linear-8                    [-1, 1]           1,251\n================================================================\nTotal params: 1,337\n",
    SHAPES_Q7: "torch.Size([4, 1])\n1337\n",
    SHAPES_Q8: "1 torch.Size([2, 1]) 49519\n3 torch.Size([2, 1]) 49537\n",
    Q2_DEMO: "96\n14\n",
    Q6_TEST: "True\nTrue\n",
    PIP: "torch                     2.1.0\ntorchsummary              1.5.1\ntorchvision               0.16.0\n",
}


# ---------------------------------------------------------------------------------------------------------------
# cases: a list of cells (str = code; ("md", text) = markdown; ("x", code) = cell run out of order)
# ---------------------------------------------------------------------------------------------------------------
def md(t):
    return ("md", t)


def hdr(n):
    return md(f"## Q{n}")


CASES: dict[str, list] = {}

# --- notebooks ---------------------------------------------------------------------------------------------------
CASES["r26_nb_lecture_imports_summary_train_loop"] = [
    md("# Lecture 6 exercises"), LECTURE_IMPORTS_NB, PIP,
    hdr(1), Q1["plain"], hdr(2), Q2["floordiv"], Q2_DEMO, hdr(3), Q3["formula"],
    hdr(4), Q4["arith"], hdr(5), Q5["isinstance"], Q5_DEMO,
    hdr(6), Q6_OUT["tensor"] + "\n\n" + Q6_CONV["loops_zeros"] + "\n\n" + Q6_POOL["loops"], Q6_TEST,
    hdr(7), Q7["lecture"], SUMMARY_Q7, LAYER_SHAPES_Q7, TRAIN_Q7, EVAL_Q7,
    hdr(8), Q8["lecture"], SUMMARY_Q8, hdr(9), Q9["set"], hdr(10), Q10["plain"],
]
CASES["r26_nb_so_style_fpad_item_view_size"] = [
    SO_IMPORTS + "from torchsummary import summary\n", HELP,
    hdr(1), Q1["comment"], hdr(2), Q2["math_floor"], hdr(3), Q3["typed"], hdr(4), Q4["typed"],
    hdr(5), Q5["int_bias"], hdr(6), Q6_OUT["list"], Q6_CONV["fpad_item"], Q6_POOL["python_max"], Q6_TEST,
    TIMEIT_Q6, hdr(7), Q7["functional"], SHAPES_Q7, "summary(CNN(), (1, 100, 100))\n",
    hdr(8), Q8["star_list"], SHAPES_Q8, hdr(9), Q9["list"], hdr(10), Q10["str_keys"],
]
CASES["r26_nb_numpy_conv_features_classifier"] = [
    LECTURE_IMPORTS_NB + "import torch.nn as nn\nimport torch.nn.functional as F\n",
    hdr(1), Q1["plain"], hdr(2), Q2["np_floor"], Q2_DEMO, hdr(3), Q3["torch_run"], hdr(4), Q4["numpy"],
    DISPLAY_Q4, hdr(5), Q5["type_check"], hdr(6), Q6_CONV["numpy_inside"], Q6_POOL["reshape"], Q6_OUT["computed"],
    PLOT_Q6, hdr(7), Q7["features_classifier"], SHAPES_Q7, hdr(8), Q8["modulelist"], SHAPES_Q8,
    hdr(9), Q9["tuple"], hdr(10), Q10["numpy_bools"],
]
CASES["r26_nb_out_of_order_bugfix_redefine"] = [
    LECTURE_IMPORTS_NB, hdr(1), Q1["plain"], hdr(2), Q2_BUGGY, Q2_DEMO, hdr(3), Q3["formula"],
    hdr(4), Q4["count_helper"], hdr(5), Q5["isinstance"], hdr(6), Q6_OUT["tensor"], Q6_CONV["loops_zeros"],
    Q6_POOL["torch_max"], hdr(7), Q7_BUGGY, hdr(8), Q8["lecture"], SUMMARY_Q8, hdr(9), Q9["set_call"],
    hdr(10), Q10["plain"],
    md("### fixes (ran these after the TA's hint)"),
    ("x", Q2["floordiv"]), ("x", Q7["lecture"]), ("x", SHAPES_Q7),
]
CASES["r26_nb_verbose_same_padding_plots"] = [
    SO_IMPORTS + "import matplotlib.pyplot as plt\n%matplotlib inline\n",
    hdr(1), Q1["print"], hdr(2), Q2["steps"], Q2_DEMO, hdr(3), Q3["lists"], hdr(4), Q4["arith"],
    hdr(5), Q5["type_check"], hdr(6), Q6_OUT["float"], Q6_CONV["cat_pad"], Q6_POOL["loops"], Q6_TEST,
    hdr(7), Q7["verbose_same"], "m = CNN(verbose=True)\nout = m(torch.rand(2, 1, 100, 100))\nprint(out.shape)\n",
    d('''
        x = torch.rand(1, 1, 100, 100)
        with torch.no_grad():
            maps = F.relu(m.conv1(x))
        for i in range(3):
            plt.subplot(1, 3, i + 1)
            plt.imshow(maps[0, i].numpy())
        plt.show()
        '''),
    hdr(8), Q8["same_verbose"], "ConvNet(1, verbose=True)(torch.rand(1, 1, 128, 128)).shape\n",
    hdr(9), Q9["set_comment"], hdr(10), Q10["computed"],
]
CASES["r26_nb_time_magic_item_loops_tensor_bools"] = [
    LECTURE_IMPORTS_NB, hdr(1), Q1["plain"], hdr(2), Q2["floordiv"], hdr(3), Q3["torch_size"],
    hdr(4), Q4["arith"], hdr(5), Q5["int_bias"],
    hdr(6), "%%time\n" + Q6_CONV["item_zeros"], Q6_POOL["loops"], Q6_OUT["computed"], Q6_TEST,
    hdr(7), Q7["lecture"], PLOT_Q7, hdr(8), Q8["loop_sequential"], "%%time\n" + SHAPES_Q8,
    hdr(9), Q9["set"], hdr(10), Q10["tensor_bools"],
]
CASES["r26_nb_ta_template_q5_then_q4"] = [
    md("**Name:** ...  \n**Student number:** ..."), LECTURE_IMPORTS_NB + "import torch.nn as nn\nimport torch.nn.functional as F\n",
    "torch.manual_seed(2024)\nnp.random.seed(2024)\n",
    hdr(1), Q1["plain"], hdr(2), Q2["floordiv"], hdr(3), Q3["formula"],
    hdr(5) , Q5["isinstance"], hdr(4), Q4["with_q5"], DISPLAY_Q4,
    hdr(6), Q6_OUT["numpy"], Q6_CONV["fpad_item"], Q6_POOL["loops"],
    hdr(7), Q7["dropout_eval"], TRAIN_Q7, EVAL_Q7, hdr(8), Q8["star_list"], TRAIN_Q8,
    hdr(9), Q9["set"], hdr(10), Q10["computed"],
]
CASES["r26_nb_pool_fixed_after_odd_size_bug"] = [
    LECTURE_IMPORTS_NB, hdr(1), Q1["plain"], hdr(2), Q2["math_floor"], hdr(3), Q3["typed"], hdr(4), Q4["typed"],
    hdr(5), Q5["int_bias"], hdr(6), Q6_OUT["tensor"], Q6_CONV["loops_zeros"],
    # first attempt: ceil instead of floor for odd sizes (fixed below)
    d('''
        def max_pool2d(image, kernel_size=2):
            h = (image.shape[0] + kernel_size - 1) // kernel_size
            w = (image.shape[1] + kernel_size - 1) // kernel_size
            out = torch.zeros(h, w)
            for i in range(h):
                for j in range(w):
                    out[i, j] = image[i*kernel_size:(i+1)*kernel_size, j*kernel_size:(j+1)*kernel_size].max()
            return out
        '''),
    md("oops, for a 7x7 input torch gives 3x3, fixed:"), Q6_POOL["loops"], Q6_TEST,
    hdr(7), Q7["torch_functional_flatten"], SHAPES_Q7, SUMMARY_Q7,
    hdr(8), Q8["lecture"], SHAPES_Q8, hdr(9), Q9["set"], hdr(10), Q10["strings"],
]
CASES["r26_nb_colab_pip_install_count_parameters"] = [
    "!pip install torchsummary\n", LECTURE_IMPORTS + "import torch.nn as nn\nimport torch.nn.functional as F\n",
    "print(torch.__version__)\ndevice = 'cuda' if torch.cuda.is_available() else 'cpu'\nprint(device)\n",
    hdr(1), Q1["comment"], hdr(2), Q2["np_floor"], hdr(3), Q3["formula"], hdr(4), Q4["count_helper"],
    hdr(5), Q5["type_check"], Q5_DEMO, hdr(6), Q6_OUT["list"], Q6_CONV["cat_pad"], Q6_POOL["reshape"], Q6_TEST,
    hdr(7), Q7["features_classifier"], "model = CNN().to(device)\nprint(count_parameters(model))\nsummary(model, (1, 100, 100))\n",
    hdr(8), Q8["same_verbose"], "print(count_parameters(ConvNet(1)))\n", hdr(9), Q9["list"],
    hdr(10), Q10["plain"],
]
CASES["r26_nb_help_lines_display_shapes"] = [
    LECTURE_IMPORTS_NB + "import torch.nn as nn\n", "from IPython.display import display\n", "torch.nn.MaxPool2d?\n",
    hdr(1), Q1["plain"], hdr(2), Q2["steps"], "conv_output_size??\n", hdr(3), Q3["torch_run"],
    hdr(4), Q4["arith"], DISPLAY_Q4, hdr(5), Q5["isinstance"], hdr(6), Q6_CONV["loops_zeros"], Q6_POOL["python_max"],
    Q6_OUT["computed"], "display(pd.DataFrame(q6_output.numpy()))\n",
    hdr(7), Q7["lecture"], LAYER_SHAPES_Q7, hdr(8), Q8["modulelist"], SUMMARY_Q8,
    hdr(9), Q9["tuple"], hdr(10), Q10["str_keys"],
]
CASES["r26_nb_redefined_conv2d_padding_fix"] = [
    SO_IMPORTS + "import matplotlib.pyplot as plt\n", hdr(1), Q1["plain"], hdr(2), Q2["floordiv"],
    hdr(3), Q3["lists"], hdr(4), Q4["numpy"], hdr(5), Q5["isinstance"], hdr(6), Q6_OUT["tensor"],
    # first try ignored padding; a later cell redefines it
    d('''
        def conv2d(image, kernel, stride=1, padding=0):
            kh, kw = kernel.shape
            oh = (image.shape[0] - kh) // stride + 1
            ow = (image.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (image[i*stride:i*stride+kh, j*stride:j*stride+kw] * kernel).sum()
            return out
        '''),
    Q6_POOL["torch_max"], Q6_CONV["fpad_item"], Q6_TEST, PLOT_Q6,
    hdr(7), Q7["functional"], SHAPES_Q7, hdr(8), Q8["loop_sequential"], SHAPES_Q8,
    hdr(9), Q9["set_call"], hdr(10), Q10["numpy_bools"],
]
CASES["r26_nb_lab_style_eval_no_grad_everywhere"] = [
    LECTURE_IMPORTS_NB + "import torch.nn as nn\nimport torch.nn.functional as F\n", "torch.manual_seed(0)\n",
    hdr(1), Q1["plain"], hdr(2), Q2["floordiv"], Q2_DEMO, hdr(3), Q3["torch_size"], hdr(4), Q4["arith"],
    hdr(5), Q5["int_bias"], hdr(6), Q6_OUT["float"], Q6_CONV["item_zeros"], Q6_POOL["reshape"], TIMEIT_Q6,
    hdr(7), Q7["verbose_same"], "model = CNN()\n" + EVAL_Q7, SUMMARY_Q7,
    hdr(8), Q8["lecture"], "net = ConvNet(3)\nnet.eval()\nwith torch.no_grad():\n    print(net(torch.rand(2, 3, 128, 128)))\n",
    hdr(9), Q9["set_comment"], hdr(10), Q10["tensor_bools"],
]

# --- scripts -------------------------------------------------------------------------------------------------------
CASES["r26_py_lecture_style_plain"] = [
    LECTURE_IMPORTS, Q1["plain"], Q2["floordiv"], Q3["formula"], Q4["arith"], Q5["isinstance"],
    Q6_OUT["tensor"], Q6_CONV["loops_zeros"], Q6_POOL["loops"], Q7["lecture"], Q8["lecture"], Q9["set"],
    Q10["plain"],
    "if __name__ == '__main__':\n    model = CNN()\n    summary(model, (1, 100, 100))\n",
]
CASES["r26_py_so_functional_numpy_conv"] = [
    SO_IMPORTS, Q1["comment"], Q2["np_floor"], Q3["typed"], Q4["typed"], Q5["type_check"],
    Q6_CONV["numpy_inside"], Q6_POOL["python_max"], Q6_OUT["computed"], Q7["functional"], Q8["star_list"],
    Q9["list"], Q10["str_keys"], SHAPES_Q7, SHAPES_Q8,
]
CASES["r26_py_main_guard_training"] = [
    SO_IMPORTS + "from torchsummary import summary\n", Q1["plain"], Q2["math_floor"], Q3["lists"],
    Q5["int_bias"], Q4["with_q5"], Q6_OUT["list"], Q6_CONV["fpad_item"], Q6_POOL["reshape"],
    Q7["features_classifier"], Q8["modulelist"], Q9["tuple"], Q10["computed"],
    "def main():\n" + textwrap.indent(TRAIN_Q7 + EVAL_Q7 + TRAIN_Q8, "    ") + "\n\nif __name__ == \"__main__\":\n    main()\n",
]
CASES["r26_py_verbose_same_tensor_bools"] = [
    SO_IMPORTS, Q1["print"], Q2["steps"], Q3["torch_run"], Q4["count_helper"], Q5["isinstance"],
    Q6_OUT["float"], Q6_CONV["cat_pad"], Q6_POOL["torch_max"], Q6_TEST, Q7["verbose_same"],
    Q8["same_verbose"], Q9["set_comment"], Q10["tensor_bools"],
    "print(count_parameters(CNN()), count_parameters(ConvNet(1)))\n",
]
CASES["r26_py_redefined_after_fix"] = [
    LECTURE_IMPORTS + "import torch.nn.functional as F\n", Q1["plain"], Q2_BUGGY, Q3["typed"], Q4["arith"],
    Q5["type_check"], Q6_OUT["tensor"], Q6_CONV["item_zeros"], Q6_POOL["loops"], Q7_BUGGY, Q8["loop_sequential"],
    Q9["set"], Q10["strings"],
    "# ---- fixes after the public tests ----\n", Q2["floordiv"], Q7["lecture"], SHAPES_Q7,
]
CASES["r26_py_numpy_answers_dropout_eval"] = [
    SO_IMPORTS, Q1["plain"], Q2["floordiv"], Q3["torch_size"], Q4["numpy"], Q5["int_bias"],
    Q6_OUT["numpy"], Q6_CONV["loops_zeros"], Q6_POOL["reshape"], Q7["dropout_eval"], Q8["lecture"],
    Q9["set_call"], Q10["numpy_bools"], TRAIN_Q7, EVAL_Q7,
]
CASES["r26_py_torch_functional_pool_strings"] = [
    "import torch\nimport numpy as np\nimport math\n", Q1["comment"], Q2["math_floor"], Q3["formula"],
    Q5["isinstance"], Q4["with_q5"], Q6_CONV["item_zeros"], Q6_POOL["python_max"], Q6_OUT["computed"],
    Q7["torch_functional_flatten"], Q8["loop_sequential"], Q9["set"], Q10["strings"],
]
CASES["r26_py_percent_cells_vscode"] = [
    "# %%\n" + LECTURE_IMPORTS + "import torch.nn as nn\nimport torch.nn.functional as F\n",
    "# %% Q1\n" + Q1["plain"], "# %% Q2\n" + Q2["steps"], "# %% Q3\n" + Q3["torch_run"],
    "# %% Q4\n" + Q4["count_helper"], "# %% Q5\n" + Q5["type_check"],
    "# %% Q6\n" + Q6_OUT["list"] + "\n" + Q6_CONV["fpad_item"] + "\n" + Q6_POOL["torch_max"],
    "# %% Q7\n" + Q7["verbose_same"], "# %% Q8\n" + Q8["same_verbose"], "# %% Q9\n" + Q9["list"],
    "# %% Q10\n" + Q10["computed"], "# %%\n" + PLOT_Q7.replace("CNN().main[0]", "CNN().conv1"),
]


# ---------------------------------------------------------------------------------------------------------------
def write_notebook(path: Path, cells: list) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python", "version": "3.10.12"}}
    n = 0
    late = []
    out_cells = []
    for c in cells:
        if isinstance(c, tuple) and c[0] == "md":
            out_cells.append(v4.new_markdown_cell(c[1].rstrip("\n")))
            continue
        src = c[1] if isinstance(c, tuple) else c
        cell = v4.new_code_cell(src.rstrip("\n"))
        if isinstance(c, tuple):          # run out of order: executed early (small count) though it sits last
            late.append(cell)
        else:
            n += 1
            cell.execution_count = n
        if src in OUTPUTS:
            cell.outputs = [v4.new_output("stream", name="stdout", text=OUTPUTS[src])]
        out_cells.append(cell)
    # the fix cells were run after everything else: give them the largest counts
    for cell in late:
        n += 1
        cell.execution_count = n + 5
    for k, cell in enumerate(out_cells):   # stable ids: the generator writes the same files every time
        cell.id = f"r26-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write_script(path: Path, cells: list) -> None:
    parts = []
    for c in cells:
        if isinstance(c, tuple) and c[0] == "md":
            continue
        src = c[1] if isinstance(c, tuple) else c
        parts.append(src.rstrip("\n"))
    path.write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")


def write_iso(out: Path) -> None:
    """Copies of r26_nb_time_magic_item_loops_tensor_bools with one thing changed (see _r26_findings.md)."""
    import copy
    import re

    out.mkdir(parents=True, exist_ok=True)
    base = "r26_nb_time_magic_item_loops_tensor_bools"
    write_notebook(out / "iso_original.ipynb", CASES[base])
    nb = nbformat.read(str(out / "iso_original.ipynb"), as_version=4)
    idx = [i for i, c in enumerate(nb.cells) if "plt.subplots" in c.source][0]
    orig = nb.cells[idx].source
    pre = "x = torch.rand(1, 1, 100, 100)\nwith torch.no_grad():\n    fmap = CNN().main[0](x)\n"
    variants = {
        "iso_no_plot_cell": None,
        "iso_fmap_only": pre,
        "iso_fmap_then_i_eq_2": pre + "i = 2\n",
        "iso_loop_print_no_plot": pre + "for i in range(3):\n    print(fmap[0, i].mean())\n",
        "iso_plot_loop_var_ch": orig.replace("for i, ax", "for ch, ax").replace("fmap[0, i]", "fmap[0, ch]")
                                    .replace("channel {i}", "channel {ch}"),
        "iso_plot_bare_conv2d_layer": orig.replace("CNN().main[0]", "torch.nn.Conv2d(1, 3, 3, padding=1)"),
        "iso_plot_random_fmap": orig.replace("CNN().main[0](x)", "torch.relu(torch.randn(1, 3, 100, 100))"),
    }
    for name, src in variants.items():
        n = copy.deepcopy(nb)
        if src is None:
            del n.cells[idx]
        else:
            n.cells[idx].source = src
        nbformat.write(n, str(out / f"{name}.ipynb"))
    n = copy.deepcopy(nb)
    for c in n.cells:
        if c.cell_type == "code" and ("def conv2d" in c.source or "def max_pool2d" in c.source):
            c.source = re.sub(r"\bi\b", "r", c.source)
    nbformat.write(n, str(out / "iso_q6_loop_var_r.ipynb"))
    print("isolation copies written to", out)


def main(argv: list[str]) -> None:
    if "--iso" in argv:
        write_iso(Path(argv[argv.index("--iso") + 1]))
        return
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        if "_nb_" in name:
            write_notebook(out / f"{name}.ipynb", cells)
        else:
            write_script(out / f"{name}.py", cells)
    print(len(CASES), "files written to", out)


if __name__ == "__main__":
    main(sys.argv[1:])
