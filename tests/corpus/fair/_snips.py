"""Building blocks of the fairness corpus: each question answered in many ordinary student styles.

Every snippet is correct.  _make.py assembles them into notebooks and scripts.
"""

from textwrap import dedent as d

# --------------------------------------------------------------------------------------------- imports
IMP = {
    "torch": "import torch",
    "torch_nn_F": "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F",
    "from_torch": "import torch\nfrom torch import nn\nfrom torch.nn import functional as F",
    "lecture": d("""\
        import numpy as np
        import pandas as pd
        import torch
        from torchsummary import summary
        import matplotlib.pyplot as plt
        import sys, os"""),
    "lecture_full": d("""\
        import numpy as np
        import pandas as pd
        import torch
        from torchsummary import summary
        import matplotlib.pyplot as plt
        import sys, os
        sys.path.append(os.path.join(os.path.abspath("."), "code"))
        DATA_DIR = DATA_DIR = os.path.join(os.path.abspath("."), "data/")

        plt.rcParams.update({'axes.labelweight': 'bold', 'axes.grid': False})"""),
    "np_torch": "import numpy as np\nimport torch",
    "math_torch": "import math\nimport torch\nimport torch.nn as nn",
}

OTTER_INIT = '# Initialize Otter\nimport otter\ngrader = otter.Notebook("lecture06.ipynb")'

# --------------------------------------------------------------------------------------------- q1
Q1 = {
    "plain": 'q1_answer = "C"',
    "single_quotes": "q1_answer = 'C'  # 4 - 3 + 1 = 2 -> 2x2",
    "lookup": d("""\
        options = {"A": (4, 4), "B": (3, 3), "C": (2, 2)}
        out_shape = (4 - 3 + 1, 4 - 3 + 1)
        q1_answer = [letter for letter, shape in options.items() if shape == out_shape][0]"""),
    "index": 'q1_answer = "ABC"[2]',
    "torch_checked": d("""\
        out = torch.nn.Conv2d(1, 1, kernel_size=3)(torch.rand(1, 4, 4))
        q1_answer = {(4, 4): "A", (3, 3): "B", (2, 2): "C"}[tuple(out.shape[-2:])]"""),
    "upper": 'q1_answer = "c".upper()',
}

# --------------------------------------------------------------------------------------------- q2
Q2 = {
    "floordiv": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if kernel_size > size + 2 * padding:
                raise ValueError("kernel too big")
            return (size + 2 * padding - kernel_size) // stride + 1"""),
    "math_floor": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            \"\"\"Output height/width of a convolution (same formula as torch.nn.Conv2d docs).\"\"\"
            n = size + 2 * padding - kernel_size
            if n < 0:
                raise ValueError(f"Kernel of size {kernel_size} doesn't fit in input of size {size} with padding {padding}")
            return math.floor(n / stride + 1)"""),
    "int_trunc": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            padded_size = size + 2*padding
            if padded_size < kernel_size:
                raise ValueError('kernel does not fit')
            out = int((padded_size - kernel_size) / stride) + 1
            return out"""),
    "tuples": d("""\
        def _pair(v):
            return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


        def conv_output_size(size, kernel_size, stride=1, padding=0):
            # works for ints and for (h, w) tuples
            if isinstance(size, (tuple, list)):
                return tuple(conv_output_size(s, k, st, p) for s, k, st, p in
                             zip(size, _pair(kernel_size), _pair(stride), _pair(padding)))
            result = (size + 2 * padding - kernel_size) // stride + 1
            if size + 2 * padding - kernel_size < 0:
                raise ValueError("The kernel is larger than the padded input")
            return result"""),
    "while_loop": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            # slide the kernel and count the positions where it fits
            count = 0
            start = 0
            while start + kernel_size <= size + 2 * padding:
                count += 1
                start += stride
            if count == 0:
                raise ValueError("kernel_size is bigger than the padded input")
            return count"""),
    "typed": d("""\
        def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
            \"\"\"
            >>> conv_output_size(100, 5)
            96
            \"\"\"
            x = size + 2 * padding - kernel_size
            if x < 0:
                raise ValueError
            return x // stride + 1"""),
    "divmod": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            total = size + 2 * padding
            if total - kernel_size < 0:
                raise ValueError("kernel_size=%d does not fit in %d" % (kernel_size, total))
            steps, _ = divmod(total - kernel_size, stride)
            return steps + 1"""),
    "np_floor": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if size + 2 * padding < kernel_size:
                raise ValueError("Kernel doesn't fit!")
            return int(np.floor((size + 2 * padding - kernel_size) / stride)) + 1"""),
    "helper_check": d("""\
        def check_fits(size, kernel_size, padding):
            if kernel_size > size + 2 * padding:
                raise ValueError(f"{kernel_size=} > {size=} + 2 * {padding=}")


        def conv_output_size(size, kernel_size, stride=1, padding=0):
            check_fits(size, kernel_size, padding)
            result = 1 + (size - kernel_size + 2 * padding) // stride
            return result"""),
    "asks_torch": d("""\
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            # let PyTorch do the arithmetic
            layer = torch.nn.Conv2d(1, 1, kernel_size, stride=stride, padding=padding, bias=False)
            try:
                with torch.no_grad():
                    out = layer(torch.zeros(1, 1, size, size))
            except RuntimeError as e:
                raise ValueError(str(e))
            return out.shape[-1]"""),
}

# --------------------------------------------------------------------------------------------- q3
Q3 = {
    "literal": d("""\
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = 2 * 25 * 25"""),
    "lists": d("""\
        q3_shapes = [[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]]
        q3_flatten_features = 1250"""),
    "tuple_of_tuples": d("""\
        conv1 = (3, 100, 100)  # padding=1 keeps 100x100
        pool1 = (3, 50, 50)
        conv2 = (2, 50, 50)
        pool2 = (2, 25, 25)
        q3_shapes = (conv1, pool1, conv2, pool2)
        q3_flatten_features = pool2[0] * pool2[1] * pool2[2]"""),
    "run_layers": d("""\
        layers = [torch.nn.Conv2d(1, 3, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
                  torch.nn.Conv2d(3, 2, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2))]
        x = torch.zeros(1, 100, 100)
        q3_shapes = []
        for i, layer in enumerate(layers):
            x = layer(x)
            if i in (0, 2, 3, 5):
                q3_shapes.append(tuple(x.shape))
        q3_flatten_features = x.numel()"""),
    "torch_size": d("""\
        q3_shapes = [torch.Size([3, 100, 100]), torch.Size([3, 50, 50]), torch.Size([2, 50, 50]), torch.Size([2, 25, 25])]
        q3_flatten_features = q3_shapes[-1].numel()"""),
    "formula": d("""\
        h1 = conv_output_size(100, 3, padding=1)
        h2 = h1 // 2
        h3 = conv_output_size(h2, 3, padding=1)
        h4 = h3 // 2
        q3_shapes = [(3, h1, h1), (3, h2, h2), (2, h3, h3), (2, h4, h4)]
        q3_flatten_features = 2 * h4 * h4"""),
    "np_prod": d("""\
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = np.prod(q3_shapes[-1])"""),
    "tensor_prod": d("""\
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = torch.tensor(q3_shapes[-1]).prod()"""),
    "hooks": d("""\
        net = torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
        )
        shapes = {}
        for name, layer in net.named_children():
            layer.register_forward_hook(lambda m, i, o, name=name: shapes.__setitem__(name, o.shape[1:]))
        result = net(torch.randn(1, 1, 100, 100))
        q3_shapes = [shapes["0"], shapes["2"], shapes["3"], shapes["5"]]
        q3_flatten_features = result.shape[1]"""),
    "float_division": d("""\
        size = 100
        after_pool1 = size / 2
        after_pool2 = after_pool1 / 2
        q3_shapes = [(3, size, size), (3, after_pool1, after_pool1), (2, after_pool1, after_pool1),
                     (2, after_pool2, after_pool2)]
        q3_flatten_features = int(2 * after_pool2 ** 2)"""),
    "np_array": d("""\
        q3_shapes = np.array([[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]])
        q3_flatten_features = int(q3_shapes[-1].prod())"""),
    "math_prod": d("""\
        import math
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = math.prod(q3_shapes[3])"""),
}

# --------------------------------------------------------------------------------------------- q4
Q4 = {
    "arith": d("""\
        q4_conv_params = 3 * 3 * 3 * 3 + 3
        q4_cnn_params = (1 * 3 * 3 * 3 + 3) + (3 * 2 * 3 * 3 + 2) + (1250 + 1)
        q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)"""),
    "literals": d("""\
        q4_conv_params = 84
        q4_cnn_params = 1337  # 30 + 56 + 1251
        q4_fcnn_params = 4_238_337"""),
    "numel": d("""\
        def count_params(model):
            return sum(p.numel() for p in model.parameters() if p.requires_grad)

        q4_conv_params = count_params(torch.nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3)))
        q4_cnn_params = count_params(torch.nn.Sequential(
            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(),
            torch.nn.Linear(1250, 1),
        ))
        input_size = 128 * 128
        fcnn = torch.nn.Sequential(
            torch.nn.Linear(input_size, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 128), torch.nn.ReLU(),
            torch.nn.Linear(128, 64), torch.nn.ReLU(),
            torch.nn.Linear(64, 32), torch.nn.ReLU(),
            torch.nn.Linear(32, 16),
            torch.nn.Linear(16, 1),
        )
        q4_fcnn_params = count_params(fcnn)"""),
    "numpy": d("""\
        q4_conv_params = np.int64(3 * 3 * 9 + 3)
        q4_cnn_params = np.sum([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, 1250 + 1])
        sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
        q4_fcnn_params = np.sum(sizes[:-1] * sizes[1:] + sizes[1:])"""),
    "loop": d("""\
        q4_conv_params = 3 * 3 * (3 * 3) + 3
        q4_cnn_params = 0
        for c_in, c_out in [(1, 3), (3, 2)]:
            q4_cnn_params += c_in * c_out * 3 * 3 + c_out
        q4_cnn_params += q3_flatten_features * 1 + 1
        q4_fcnn_params = 0
        dims = [128 * 128, 256, 128, 64, 32, 16, 1]
        for n_in, n_out in zip(dims, dims[1:]):
            q4_fcnn_params += n_in * n_out + n_out"""),
    "with_functions": d("""\
        q4_conv_params = conv2d_params(3, 3, (3, 3))
        q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
        q4_fcnn_params = sum(linear_params(a, b) for a, b in
                             [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])"""),
    "numel_model": d("""\
        q4_conv_params = sum(p.numel() for p in nn.Conv2d(3, 3, 3).parameters())
        q4_cnn_params = sum(p.numel() for p in CNN().parameters())
        q4_fcnn_params = sum([p.numel() for p in nn.Sequential(
            nn.Linear(128 * 128, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
            nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.Linear(16, 1)).parameters()])"""),
}

# --------------------------------------------------------------------------------------------- q5
Q5 = {
    "isinstance": d("""\
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            if isinstance(kernel_size, int):
                kernel_size = (kernel_size, kernel_size)
            weights = out_channels * in_channels * kernel_size[0] * kernel_size[1]
            if bias:
                return weights + out_channels
            return weights


        def linear_params(in_features, out_features, bias=True):
            if bias:
                return in_features * out_features + out_features
            return in_features * out_features"""),
    "try_unpack": d("""\
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            try:
                kh, kw = kernel_size
            except TypeError:
                kh = kw = kernel_size
            return in_channels * out_channels * kh * kw + out_channels * bias


        def linear_params(in_features, out_features, bias=True):
            return (in_features + int(bias)) * out_features"""),
    "pair": d("""\
        from torch.nn.modules.utils import _pair


        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = _pair(kernel_size)
            n = out_channels * in_channels * kh * kw
            n += out_channels if bias else 0
            return n


        def linear_params(in_features, out_features, bias=True):
            n = out_features * in_features
            n += out_features if bias else 0
            return n"""),
    "np_prod": d("""\
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kernel = np.ones(2, dtype=int) * kernel_size  # (k, k) or (kh, kw)
            return np.prod(kernel) * in_channels * out_channels + (out_channels if bias else 0)


        def linear_params(in_features, out_features, bias=True):
            return np.int64(in_features) * out_features + bias * out_features"""),
    "math_prod": d("""\
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            k = (kernel_size,) * 2 if type(kernel_size) is int else tuple(kernel_size)
            total = math.prod(k) * in_channels * out_channels
            if bias == True:
                total = total + out_channels
            return total


        def linear_params(in_features, out_features, bias=True):
            total = in_features * out_features
            if bias == True:
                total = total + out_features
            return total"""),
    "weight_shape": d("""\
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            if not isinstance(kernel_size, tuple):
                kernel_size = (kernel_size,) * 2
            weight_shape = (out_channels, in_channels, *kernel_size)  # like layer.weight.shape
            n_weights = 1
            for dim in weight_shape:
                n_weights *= dim
            n_bias = out_channels if bias else 0
            return n_weights + n_bias


        def linear_params(in_features, out_features, bias=True):
            weight_shape = (out_features, in_features)
            return weight_shape[0] * weight_shape[1] + (weight_shape[0] if bias else 0)"""),
}

# --------------------------------------------------------------------------------------------- q6 output
Q6OUT = {
    "tensor": d("""\
        q6_output = torch.tensor([[12, 12, 17],
                                  [10, 17, 19],
                                  [9, 6, 14]])"""),
    "rows": "q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]",
    "float_tensor": "q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])",
    "numpy": "q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]])",
    "computed": d("""\
        image = torch.tensor([[3, 3, 2, 1, 0],
                              [0, 0, 1, 3, 1],
                              [3, 1, 2, 2, 3],
                              [2, 0, 0, 2, 2],
                              [2, 0, 0, 0, 1]], dtype=torch.float32)
        kernel = torch.tensor([[0, 1, 2],
                               [2, 2, 0],
                               [0, 1, 2]], dtype=torch.float32)
        q6_output = conv2d(image, kernel)"""),
    "tuple_rows": "q6_output = ((12, 12, 17), (10, 17, 19), (9, 6, 14))",
}

Q6_INPUTS = d("""\
    x = torch.tensor([[3, 3, 2, 1, 0],
                      [0, 0, 1, 3, 1],
                      [3, 1, 2, 2, 3],
                      [2, 0, 0, 2, 2],
                      [2, 0, 0, 0, 1]], dtype=torch.float32)
    k = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=torch.float32)""")

# --------------------------------------------------------------------------------------------- q6 conv2d
CONV = {
    "loops": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            H, W = image.shape
            kH, kW = kernel.shape
            if padding > 0:
                padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
                padded[padding:-padding, padding:-padding] = image
            else:
                padded = image
            out_H = (H + 2 * padding - kH) // stride + 1
            out_W = (W + 2 * padding - kW) // stride + 1
            result = torch.zeros((out_H, out_W), dtype=image.dtype)
            for r in range(out_H):
                for c in range(out_W):
                    patch = padded[r * stride:r * stride + kH, c * stride:c * stride + kW]
                    result[r, c] = torch.sum(patch * kernel)
            return result"""),
    "listcomp": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            kh, kw = kernel.shape
            x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            rows = range(0, x.shape[0] - kh + 1, stride)
            cols = range(0, x.shape[1] - kw + 1, stride)
            return torch.tensor([[(x[i:i + kh, j:j + kw] * kernel).sum().item() for j in cols] for i in rows])"""),
    "stack": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            zeros_col = torch.zeros(h, padding)
            img = torch.cat([zeros_col, image, zeros_col], dim=1)
            zeros_row = torch.zeros(padding, img.shape[1])
            img = torch.cat([zeros_row, img, zeros_row], dim=0)
            out = []
            for i in range(0, img.shape[0] - kh + 1, stride):
                row = []
                for j in range(0, img.shape[1] - kw + 1, stride):
                    row.append((img[i:i + kh, j:j + kw] * kernel).sum())
                out.append(torch.stack(row))
            return torch.stack(out)"""),
    "shift_add": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            # "unfold" by slicing: add up shifted, strided views of the padded image, one per kernel entry
            h, w = image.shape
            kh, kw = kernel.shape
            padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
            padded[padding:padding + h, padding:padding + w] = image
            oh = (h + 2 * padding - kh) // stride + 1
            ow = (w + 2 * padding - kw) // stride + 1
            out = image.new_zeros(oh, ow)
            for a in range(kh):
                for b in range(kw):
                    out += kernel[a, b] * padded[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
            return out"""),
    "numpy": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            img = np.pad(image.detach().numpy(), padding)
            ker = kernel.detach().numpy()
            kh, kw = ker.shape
            out_h = (img.shape[0] - kh) // stride + 1
            out_w = (img.shape[1] - kw) // stride + 1
            out = np.zeros((out_h, out_w), dtype=img.dtype)
            for i in range(out_h):
                for j in range(out_w):
                    out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
            return torch.from_numpy(out)"""),
    "tensor_unfold": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            kh, kw = kernel.shape
            padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
            padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            windows = padded.unfold(0, kh, stride).unfold(1, kw, stride)  # (out_h, out_w, kh, kw)
            return (windows * kernel).sum(dim=(-1, -2))"""),
    "einsum": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            kh, kw = kernel.shape
            img = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            img[padding:img.shape[0] - padding, padding:img.shape[1] - padding] = image
            patches = img.unfold(0, kh, stride).unfold(1, kw, stride)
            return torch.einsum("ijkl,kl->ij", patches, kernel)"""),
    "helpers": d("""\
        def pad(image, padding):
            if padding == 0:
                return image.clone()
            h, w = image.shape
            out = torch.zeros(h + 2 * padding, w + 2 * padding)
            out[padding:h + padding, padding:w + padding] = image
            return out


        def window_sum(x, kernel, i, j):
            kh, kw = kernel.shape
            return (x[i:i + kh, j:j + kw] * kernel).sum()


        def conv2d(image, kernel, stride=1, padding=0):
            x = pad(image, padding)
            out_h = (x.shape[0] - kernel.shape[0]) // stride + 1
            out_w = (x.shape[1] - kernel.shape[1]) // stride + 1
            out = torch.zeros(out_h, out_w)
            for i in range(out_h):
                for j in range(out_w):
                    out[i, j] = window_sum(x, kernel, i * stride, j * stride)
            return out"""),
    "fpad": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            image = torch.nn.functional.pad(image, (padding, padding, padding, padding))
            kh, kw = kernel.shape
            out_h = (image.shape[0] - kh) // stride + 1
            out_w = (image.shape[1] - kw) // stride + 1
            output = torch.empty(out_h, out_w)
            for i in range(out_h):
                for j in range(out_w):
                    output[i][j] = torch.mul(image[i*stride:i*stride+kh, j*stride:j*stride+kw], kernel).sum()
            return output"""),
    "pure_python": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            img = image.tolist()
            ker = kernel.tolist()
            h, w = len(img), len(img[0])
            kh, kw = len(ker), len(ker[0])
            # pad with zeros
            img = [[0.0] * (w + 2 * padding) for _ in range(padding)] + \\
                  [[0.0] * padding + row + [0.0] * padding for row in img] + \\
                  [[0.0] * (w + 2 * padding) for _ in range(padding)]
            result = []
            for i in range(0, h + 2 * padding - kh + 1, stride):
                row = []
                for j in range(0, w + 2 * padding - kw + 1, stride):
                    s = 0.0
                    for a in range(kh):
                        for b in range(kw):
                            s += img[i + a][j + b] * ker[a][b]
                    row.append(s)
                result.append(row)
            return torch.tensor(result)"""),
    "tensordot": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            H, W = image.shape
            kH, kW = kernel.shape
            padded = torch.zeros(H + 2 * padding, W + 2 * padding)
            padded[padding:padding + H, padding:padding + W] = image
            out_rows = []
            for top in range(0, H + 2 * padding - kH + 1, stride):
                out_rows.append([torch.tensordot(padded[top:top + kH, left:left + kW], kernel, dims=2)
                                 for left in range(0, W + 2 * padding - kW + 1, stride)])
            return torch.stack([torch.stack(r) for r in out_rows])"""),
    "im2col_matmul": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            kh, kw = kernel.shape
            h, w = image.shape
            p = torch.zeros(h + 2 * padding, w + 2 * padding)
            p[padding:padding + h, padding:padding + w] = image
            oh = (h + 2 * padding - kh) // stride + 1
            ow = (w + 2 * padding - kw) // stride + 1
            cols = torch.stack([p[i * stride:i * stride + kh, j * stride:j * stride + kw].reshape(-1)
                                for i in range(oh) for j in range(ow)])   # (oh*ow, kh*kw)
            return (cols @ kernel.reshape(-1)).reshape(oh, ow)"""),
    "F_unfold": d("""\
        def conv2d(image, kernel, stride=1, padding=0):
            # im2col with F.unfold, then a matrix product (no F.conv2d)
            kh, kw = kernel.shape
            h, w = image.shape
            cols = F.unfold(image[None, None], (kh, kw), padding=padding, stride=stride)  # (1, kh*kw, L)
            oh = (h + 2 * padding - kh) // stride + 1
            ow = (w + 2 * padding - kw) // stride + 1
            return (kernel.reshape(1, -1) @ cols[0]).reshape(oh, ow)"""),
}

DRAFT_CONV = d("""\
    # first try: just check what the answer should look like
    def conv2d(image, kernel, stride=1, padding=0):
        return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]""")

DRAFT_POOL = d("""\
    def max_pool2d(image, kernel_size=2):
        return F.max_pool2d(image.unsqueeze(0), kernel_size).squeeze(0)""")

# --------------------------------------------------------------------------------------------- q6 pool
POOL = {
    "loops": d("""\
        def max_pool2d(image, kernel_size=2):
            H, W = image.shape
            out_H, out_W = H // kernel_size, W // kernel_size
            result = torch.zeros((out_H, out_W), dtype=image.dtype)
            for r in range(out_H):
                for c in range(out_W):
                    result[r, c] = image[r * kernel_size:(r + 1) * kernel_size,
                                         c * kernel_size:(c + 1) * kernel_size].max()
            return result"""),
    "reshape": d("""\
        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            h, w = image.shape[0] // k, image.shape[1] // k
            x = image[:h * k, :w * k].reshape(h, k, w, k)
            return x.amax(dim=(1, 3))"""),
    "unfold": d("""\
        def max_pool2d(image, kernel_size=2):
            blocks = image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size)
            return blocks.reshape(blocks.shape[0], blocks.shape[1], -1).max(dim=-1).values"""),
    "listcomp": d("""\
        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            n_rows, n_cols = image.shape[0] // k, image.shape[1] // k
            return torch.tensor([[image[i * k:i * k + k, j * k:j * k + k].max().item() for j in range(n_cols)]
                                 for i in range(n_rows)])"""),
    "stack": d("""\
        def max_pool2d(image, kernel_size=2):
            rows = []
            for i in range(0, image.shape[0] - kernel_size + 1, kernel_size):
                row = [torch.max(image[i:i + kernel_size, j:j + kernel_size])
                       for j in range(0, image.shape[1] - kernel_size + 1, kernel_size)]
                rows.append(torch.stack(row))
            return torch.stack(rows)"""),
    "numpy": d("""\
        def max_pool2d(image, kernel_size=2):
            a = image.numpy()
            h, w = a.shape[0] // kernel_size, a.shape[1] // kernel_size
            a = a[:h * kernel_size, :w * kernel_size]
            pooled = a.reshape(h, kernel_size, w, kernel_size).max(axis=(1, 3))
            return torch.tensor(pooled)"""),
    "running_max": d("""\
        def max_pool2d(image, kernel_size=2):
            out_h, out_w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.full((out_h, out_w), float("-inf"))
            for i in range(out_h * kernel_size):
                for j in range(out_w * kernel_size):
                    if image[i, j] > out[i // kernel_size, j // kernel_size]:
                        out[i // kernel_size, j // kernel_size] = image[i, j]
            return out"""),
    "pure_python": d("""\
        def max_pool2d(image, kernel_size=2):
            rows = image.tolist()
            k = kernel_size
            out = []
            for i in range(len(rows) // k):
                out_row = []
                for j in range(len(rows[0]) // k):
                    out_row.append(max(rows[i * k + a][j * k + b] for a in range(k) for b in range(k)))
                out.append(out_row)
            return torch.tensor(out)"""),
    "max_dim": d("""\
        def max_pool2d(image, kernel_size=2):
            H = image.shape[0] // kernel_size * kernel_size
            W = image.shape[1] // kernel_size * kernel_size
            x = image[:H, :W]
            x = x.reshape(H // kernel_size, kernel_size, W).max(dim=1).values          # pool rows
            x = x.reshape(H // kernel_size, W // kernel_size, kernel_size).max(dim=2).values  # pool columns
            return x"""),
}

# --------------------------------------------------------------------------------------------- q7
CNN = {
    "attrs_reused_relu": d("""\
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
                self.relu = torch.nn.ReLU()
                self.pool = torch.nn.MaxPool2d(2)
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(2 * 25 * 25, 1)

            def forward(self, x):
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                x = self.flatten(x)
                return self.fc(x)"""),
    "ordereddict": d("""\
        from collections import OrderedDict


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.layers = nn.Sequential(OrderedDict([
                    ("conv1", nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1)),
                    ("relu1", nn.ReLU()),
                    ("pool1", nn.MaxPool2d((2, 2))),
                    ("conv2", nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1)),
                    ("relu2", nn.ReLU()),
                    ("pool2", nn.MaxPool2d((2, 2))),
                    ("flatten", nn.Flatten()),
                    ("fc", nn.Linear(1250, 1)),
                ]))

            def forward(self, x):
                return self.layers(x)"""),
    "modulelist_loop": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.convs = nn.ModuleList()
                channels = [1, 3, 2]
                for c_in, c_out in zip(channels[:-1], channels[1:]):
                    self.convs.append(nn.Conv2d(c_in, c_out, 3, padding=1))
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                for conv in self.convs:
                    x = F.max_pool2d(F.relu(conv(x)), 2)
                x = x.view(x.size(0), -1)
                return self.fc(x)"""),
    "functional_torch_relu": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
                self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
                self.linear = nn.Linear(1250, 1)

            def forward(self, x):
                x = torch.relu(self.conv1(x))
                x = nn.functional.max_pool2d(x, kernel_size=2, stride=2)
                x = torch.relu(self.conv2(x))
                x = nn.functional.max_pool2d(x, kernel_size=2, stride=2)
                x = torch.flatten(x, 1)
                x = self.linear(x)
                return x"""),
    "view_minus1": d("""\
        class CNN(torch.nn.Module):
            def __init__(self):
                super(CNN, self).__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, 3, 1, 1)
                self.pool = torch.nn.MaxPool2d(2, 2)
                self.conv2 = torch.nn.Conv2d(3, 2, 3, 1, 1)
                self.fc1 = torch.nn.Linear(2 * 25 * 25, 1)

            def forward(self, x):
                x = self.pool(torch.nn.functional.relu(self.conv1(x)))
                x = self.pool(torch.nn.functional.relu(self.conv2(x)))
                x = x.view(-1, 2 * 25 * 25)
                x = self.fc1(x)
                return x"""),
    "num_flat_features": d("""\
        class CNN(nn.Module):

            def __init__(self):
                super(CNN, self).__init__()
                # 1 input image channel, 3 output channels, 3x3 square convolution
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc1 = nn.Linear(2 * 25 * 25, 1)

            def forward(self, x):
                # Max pooling over a (2, 2) window
                x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
                # If the size is a square you can only specify a single number
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                x = x.view(-1, self.num_flat_features(x))
                x = self.fc1(x)
                return x

            def num_flat_features(self, x):
                size = x.size()[1:]  # all dimensions except the batch dimension
                num_features = 1
                for s in size:
                    num_features *= s
                return num_features"""),
    "out_of_order": d("""\
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                # defined bottom-up; forward() decides the order
                self.output = torch.nn.Linear(in_features=1250, out_features=1)
                self.flat = torch.nn.Flatten()
                self.pool2 = torch.nn.MaxPool2d(kernel_size=2)
                self.conv2 = torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3, padding=1)
                self.pool1 = torch.nn.MaxPool2d(kernel_size=2)
                self.conv1 = torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3, padding=1)

            def forward(self, x):
                out = self.conv1(x)
                out = torch.relu(out)
                out = self.pool1(out)
                out = self.conv2(out)
                out = torch.relu(out)
                out = self.pool2(out)
                out = self.flat(out)
                out = self.output(out)
                return out"""),
    "inplace_relu": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.features = nn.Sequential(
                    nn.Conv2d(1, 3, kernel_size=3, padding=1),
                    nn.ReLU(inplace=True),
                    nn.MaxPool2d(kernel_size=2, stride=2),
                    nn.Conv2d(3, 2, kernel_size=3, padding=1),
                    nn.ReLU(inplace=True),
                    nn.MaxPool2d(kernel_size=2, stride=2),
                )
                self.classifier = nn.Linear(2 * 25 * 25, 1)

            def forward(self, x):
                x = self.features(x)
                x = x.flatten(1)
                x = self.classifier(x)
                return x"""),
    "padding_same": d("""\
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.main = torch.nn.Sequential(
                    torch.nn.Conv2d(1, 3, kernel_size=(3, 3), padding='same'),
                    torch.nn.ReLU(),
                    torch.nn.MaxPool2d((2, 2)),
                    torch.nn.Conv2d(3, 2, kernel_size=(3, 3), padding='same'),
                    torch.nn.ReLU(),
                    torch.nn.MaxPool2d((2, 2)),
                    torch.nn.Flatten(),
                    torch.nn.Linear(1250, 1),
                )

            def forward(self, x):
                out = self.main(x)
                return out"""),
    "dynamic_in_features": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.features = nn.Sequential(
                    nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Flatten(),
                )
                with torch.no_grad():
                    n_features = self.features(torch.zeros(1, 1, 100, 100)).shape[1]
                self.head = nn.Linear(n_features, 1)

            def forward(self, x):
                return self.head(self.features(x))"""),
    "loop_setattr": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                for i, (c_in, c_out) in enumerate([(1, 3), (3, 2)], start=1):
                    setattr(self, f"conv{i}", nn.Conv2d(c_in, c_out, kernel_size=3, padding=1))
                    setattr(self, f"pool{i}", nn.MaxPool2d(2))
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                for i in (1, 2):
                    x = getattr(self, f"pool{i}")(F.relu(getattr(self, f"conv{i}")(x)))
                return self.fc(x.reshape(x.shape[0], -1))"""),
    "from_imports": d("""\
        from torch.nn import Conv2d, Flatten, Linear, MaxPool2d, Module, ReLU, Sequential


        class CNN(Module):
            def __init__(self):
                super().__init__()
                self.block1 = Sequential(Conv2d(1, 3, 3, padding=1), ReLU(), MaxPool2d(2))
                self.block2 = Sequential(Conv2d(3, 2, 3, padding=1), ReLU(), MaxPool2d(2))
                self.head = Sequential(Flatten(), Linear(1250, 1))

            def forward(self, x):
                x = self.block1(x)
                x = self.block2(x)
                return self.head(x)"""),
    "moduledict": d("""\
        class CNN(nn.Module):
            ORDER = ["conv1", "act1", "pool1", "conv2", "act2", "pool2", "flatten", "fc"]

            def __init__(self):
                super().__init__()
                self.layers = nn.ModuleDict({
                    "fc": nn.Linear(1250, 1),
                    "conv1": nn.Conv2d(1, 3, 3, padding=1),
                    "conv2": nn.Conv2d(3, 2, 3, padding=1),
                    "act1": nn.ReLU(),
                    "act2": nn.ReLU(),
                    "pool1": nn.MaxPool2d(2),
                    "pool2": nn.MaxPool2d(2),
                    "flatten": nn.Flatten(),
                })

            def forward(self, x):
                for name in self.ORDER:
                    x = self.layers[name](x)
                return x"""),
    "sequential_subclass": d("""\
        class CNN(torch.nn.Sequential):
            def __init__(self):
                super().__init__(
                    torch.nn.Conv2d(1, 3, (3, 3), padding=1),
                    torch.nn.ReLU(),
                    torch.nn.MaxPool2d((2, 2)),
                    torch.nn.Conv2d(3, 2, (3, 3), padding=1),
                    torch.nn.ReLU(),
                    torch.nn.MaxPool2d((2, 2)),
                    torch.nn.Flatten(),
                    torch.nn.Linear(1250, 1),
                )"""),
    "relu_per_use_add_module": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential()
                self.net.add_module("conv1", nn.Conv2d(1, 3, kernel_size=(3, 3), padding=(1, 1)))
                self.net.add_module("relu1", nn.ReLU())
                self.net.add_module("pool1", nn.MaxPool2d(kernel_size=(2, 2)))
                self.net.add_module("conv2", nn.Conv2d(3, 2, kernel_size=(3, 3), padding=(1, 1)))
                self.net.add_module("relu2", nn.ReLU())
                self.net.add_module("pool2", nn.MaxPool2d(kernel_size=(2, 2)))
                self.net.add_module("flatten", nn.Flatten(start_dim=1))
                self.net.add_module("linear", nn.Linear(1250, 1))

            def forward(self, x):
                return self.net(x)"""),
    "relu_inplace_functional": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.c1 = nn.Conv2d(1, 3, 3, padding=1)
                self.c2 = nn.Conv2d(3, 2, 3, padding=1)
                self.out = nn.Linear(1250, 1)

            def forward(self, x):
                x = F.relu(self.c1(x), inplace=True)
                x = F.max_pool2d(x, 2)
                x = self.c2(x).relu_()
                x = F.max_pool2d(x, 2)
                return self.out(x.flatten(start_dim=1))"""),
    "unbatched_ok": d("""\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv_layers = nn.Sequential(
                    nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                if x.dim() == 3:  # a single image
                    x = x.unsqueeze(0)
                x = self.conv_layers(x)
                x = x.reshape(len(x), -1)
                return self.fc(x)"""),
}

# --------------------------------------------------------------------------------------------- q8
BLOCK = {
    "lecture": d("""\
        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(
                torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
                torch.nn.ReLU()
            )"""),
    "ordereddict": d("""\
        def conv_block(input_channels, output_channels):
            return nn.Sequential(OrderedDict(
                conv=nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                relu=nn.ReLU(),
            ))"""),
    "list": d("""\
        def conv_block(input_channels, output_channels):
            layers = []
            layers.append(nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=3, padding=1))
            layers.append(nn.ReLU())
            return nn.Sequential(*layers)"""),
    "add_module": d("""\
        def conv_block(input_channels, output_channels):
            block = nn.Sequential()
            block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, 1, 1))
            block.add_module("relu", nn.ReLU(inplace=True))
            return block"""),
    "append": d("""\
        def conv_block(input_channels, output_channels):
            block = torch.nn.Sequential()
            block.append(torch.nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding='same'))
            block.append(torch.nn.ReLU())
            return block"""),
    "kw": d("""\
        def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
            \"\"\"Conv 3x3 (same padding) + ReLU.\"\"\"
            conv = nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=(3, 3),
                             stride=1, padding=1, bias=True)
            act = nn.ReLU()
            return nn.Sequential(conv, act)"""),
}

CONVNET = {
    "lecture": d("""\
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
                return out"""),
    "star_listcomp": d("""\
        class ConvNet(nn.Module):
            def __init__(self, input_channels=1):
                super(ConvNet, self).__init__()
                self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.fc = nn.Linear(3 * 128 * 128, 1)

            def forward(self, x):
                x = self.blocks(x)
                x = torch.flatten(x, 1)
                return self.fc(x)"""),
    "modulelist": d("""\
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                channels = [input_channels, 3, 3, 3, 3, 3]
                self.blocks = nn.ModuleList([conv_block(c_in, c_out) for c_in, c_out in zip(channels, channels[1:])])
                self.flatten = nn.Flatten()
                self.linear = nn.Linear(49152, 1)

            def forward(self, x):
                for block in self.blocks:
                    x = block(x)
                return self.linear(self.flatten(x))"""),
    "attrs": d("""\
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.block1 = conv_block(input_channels, 3)
                self.block2 = conv_block(3, 3)
                self.block3 = conv_block(3, 3)
                self.block4 = conv_block(3, 3)
                self.block5 = conv_block(3, 3)
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                x = self.block1(x)
                x = self.block2(x)
                x = self.block3(x)
                x = self.block4(x)
                x = self.block5(x)
                x = x.view(x.size(0), -1)
                return self.fc(x)"""),
    "loop_add_module": d("""\
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.main = nn.Sequential()
                in_c = input_channels
                for i in range(5):
                    self.main.add_module(f"block{i + 1}", conv_block(in_c, 3))
                    in_c = 3
                self.main.add_module("flatten", nn.Flatten())
                self.main.add_module("fc", nn.Linear(in_c * 128 * 128, 1))

            def forward(self, x):
                return self.main(x)"""),
    "list_then_seq": d("""\
        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                layers = [conv_block(input_channels, 3)]
                for _ in range(4):
                    layers.append(conv_block(3, 3))
                layers += [torch.nn.Flatten(), torch.nn.Linear(49152, 1)]
                self.model = torch.nn.Sequential(*layers)

            def forward(self, images):
                return self.model(images)"""),
    "dynamic": d("""\
        class ConvNet(nn.Module):
            def __init__(self, input_channels, image_size=128):
                super().__init__()
                self.features = nn.Sequential(*(conv_block(input_channels if i == 0 else 3, 3) for i in range(5)))
                n = self.features(torch.zeros(1, input_channels, image_size, image_size)).numel()
                self.classifier = nn.Linear(n, 1)

            def forward(self, x):
                return self.classifier(self.features(x).reshape(x.shape[0], -1))"""),
}

# --------------------------------------------------------------------------------------------- q9, q10
Q9 = {
    "set": 'q9_true = {"C"}',
    "set_call": "q9_true = set(['C'])",
    "from_dict": d("""\
        statements = {
            "A": False,  # input is 3D/4D (channels, height, width)
            "B": False,  # output is 3D/4D too
            "C": True,   # weight is (out_channels, in_channels, kH, kW)
            "D": False,  # not always
            "E": False,  # not always
        }
        q9_true = {letter for letter, true in statements.items() if true}"""),
    "list": 'q9_true = ["C"]',
    "frozenset": 'q9_true = frozenset({"C"})',
    "single_quotes": "q9_true = {'C'}",
    "set_str": 'q9_true = set("C")',
}

Q10 = {
    "literal": d("""\
        q10_answers = {
            1: True,
            2: False,
            3: True,
            4: True,
            5: False,
            6: False,
            7: True,
            8: False,
        }"""),
    "zip": "q10_answers = dict(zip(range(1, 9), [True, False, True, True, False, False, True, False]))",
    "enumerate": d("""\
        tf = [True, False, True, True, False, False, True, False]
        q10_answers = {i: v for i, v in enumerate(tf, start=1)}"""),
    "computed": d("""\
        q10_answers = {
            1: True,  # (n + 2*(k//2) - k) + 1 = n for odd k
            2: False,
            3: len(list(torch.nn.MaxPool2d(2).parameters())) == 0,
            4: sum(p.numel() for p in torch.nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5).parameters()) == 608,
            5: conv_output_size(10, 3, stride=2) == 5,
            6: tuple(torch.nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3),
            7: True,
            8: 7 // 2 == 4,
        }"""),
    "np_bools": d("""\
        q10_answers = {}
        q10_answers[1] = True
        q10_answers[2] = False
        q10_answers[3] = True
        q10_answers[4] = 3 * 8 * 5 * 5 + 8 == 608
        q10_answers[5] = np.floor((10 - 3) / 2) + 1 == 5
        q10_answers[6] = False
        q10_answers[7] = True
        q10_answers[8] = np.floor(7 / 2) == 4"""),
    "str_keys": d("""\
        q10_answers = {
            "1": True,
            "2": False,
            "3": True,
            "4": True,
            "5": False,
            "6": False,
            "7": True,
            "8": False,
        }"""),
    "one_line": "q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}",
}
