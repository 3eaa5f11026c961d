"""Fairness round 51: generate correct submissions in unusual-but-ordinary student styles."""
import json, sys, textwrap
from pathlib import Path
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_raw_cell

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
OUT.mkdir(parents=True, exist_ok=True)
D = textwrap.dedent

OTTER = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'
Q10 = "q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}"
Q_BASIC = {
 "q1": 'q1_answer = "C"',
 "q2": D('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        padded = size + 2 * padding
        if kernel_size > padded:
            raise ValueError("kernel does not fit")
        return (padded - kernel_size) // stride + 1
    ''').strip(),
 "q3": "q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 2 * 25 * 25",
 "q4": "q4_conv_params = 3 * 3 * 3 * 3 + 3\nq4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)\nq4_fcnn_params = (16384 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)",
 "q5": D('''
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


    def linear_params(in_features, out_features, bias=True):
        return in_features * out_features + (out_features if bias else 0)
    ''').strip(),
 "q6": D('''
    import torch

    q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        p[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''').strip(),
 "q7": D('''
    import torch


    class CNN(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
            self.pool = torch.nn.MaxPool2d(2)
            self.relu = torch.nn.ReLU()
            self.flatten = torch.nn.Flatten()
            self.fc = torch.nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(self.relu(self.conv1(x)))
            x = self.pool(self.relu(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''').strip(),
 "q8": D('''
    import torch


    def conv_block(input_channels, output_channels):
        return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


    class ConvNet(torch.nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.flatten = torch.nn.Flatten()
            self.fc = torch.nn.Linear(49152, 1)

        def forward(self, x):
            return self.fc(self.flatten(self.blocks(x)))
    ''').strip(),
 "q9": 'q9_true = {"C"}',
 "q10": Q10,
}


def nb(cells, meta=None, minor=5):
    n = new_notebook()
    n.nbformat_minor = minor
    n.metadata = meta or {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                          "language_info": {"name": "python", "version": "3.11.7"}}
    out = []
    for c in cells:
        if isinstance(c, tuple):
            kind, src = c[0], c[1]
            extra = c[2] if len(c) > 2 else {}
        else:
            kind, src, extra = "code", c, {}
        if kind == "md":
            cell = new_markdown_cell(src)
        elif kind == "raw":
            cell = new_raw_cell(src)
        else:
            cell = new_code_cell(src)
            for k, v in extra.items():
                cell[k] = nbformat.from_dict(v)
        out.append(cell)
    n.cells = out
    for idx, cell in enumerate(n.cells):
        if minor < 5:
            cell.pop("id", None)
        else:
            cell["id"] = f"r51-cell-{idx}"
    return n


def std_cells(over=None, checks=True, otter_cell=True, pre=(), post=()):
    over = over or {}
    cells = list(pre)
    if otter_cell:
        cells.append(OTTER)
    for q in ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]:
        v = over.get(q, Q_BASIC[q])
        cells.append(("md", f"## {q.upper()}"))
        if isinstance(v, list):
            cells.extend(v)
        else:
            cells.append(v)
        if checks:
            cells.append(f'grader.check("{q}")')
    cells.extend(post)
    return cells


def write_nb(name, cells, **kw):
    n = nb(cells, **kw)
    nbformat.validate(n)
    nbformat.write(n, str(OUT / f"r51_nb_{name}.ipynb"))


def write_py(name, text, encoding="utf-8"):
    (OUT / f"r51_py_{name}.py").write_bytes(text.encode(encoding))


def py_from(over=None, sep="\n\n\n"):
    over = over or {}
    return sep.join(over.get(q, Q_BASIC[q]) if not isinstance(over.get(q), list) else "\n\n".join(over[q])
                    for q in ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]) + "\n"

GENERATORS = []
def gen(f):
    GENERATORS.append(f)
    return f


# 1. Keras habit: star imports from torch.nn and torch.nn.functional, own conv2d/max_pool2d defined afterwards
@gen
def star_imports():
    pre = ["import torch\nfrom torch.nn import *\nfrom torch.nn.functional import *  # relu, pad, ... like keras.layers"]
    q6 = D('''
        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


        def conv2d(image, kernel, stride=1, padding=0):
            """My own version; it replaces the conv2d imported above."""
            p = pad(image, (padding, padding, padding, padding))
            kh, kw = kernel.shape
            oh = (p.shape[0] - kh) // stride + 1
            ow = (p.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            h, w = image.shape[0] // k * k, image.shape[1] // k * k
            return image[:h, :w].reshape(h // k, k, w // k, k).amax(dim=(1, 3))
        ''').strip()
    q7 = D('''
        class CNN(Module):
            def __init__(self):
                super().__init__()
                self.conv1 = Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = Conv2d(3, 2, kernel_size=3, padding=1)
                self.fc = Linear(2 * 25 * 25, 1)

            def forward(self, x):
                x = torch.nn.functional.max_pool2d(relu(self.conv1(x)), 2)
                x = torch.nn.functional.max_pool2d(relu(self.conv2(x)), 2)
                return self.fc(torch.flatten(x, 1))
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            return Sequential(Conv2d(input_channels, output_channels, 3, padding=1), ReLU())


        class ConvNet(Module):
            def __init__(self, input_channels):
                super().__init__()
                self.body = Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                       conv_block(3, 3), conv_block(3, 3), Flatten(), Linear(49152, 1))

            def forward(self, x):
                return self.body(x)
        ''').strip()
    write_nb("keras_habit_star_imports_torch_nn_and_functional", std_cells({"q6": q6, "q7": q7, "q8": q8}, pre=pre))


# 2. class factories: the model classes are made by functions and bound to the required names
@gen
def class_factory():
    q7 = D('''
        import torch
        from torch import nn


        def make_pooled_cnn(channels=(1, 3, 2), image_size=100):
            class _Pooled(nn.Module):
                def __init__(self):
                    super().__init__()
                    layers = []
                    for cin, cout in zip(channels, channels[1:]):
                        layers += [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
                    side = image_size // 2 ** (len(channels) - 1)
                    layers += [nn.Flatten(), nn.Linear(channels[-1] * side * side, 1)]
                    self.layers = nn.Sequential(*layers)

                def forward(self, x):
                    return self.layers(x)

            _Pooled.__name__ = _Pooled.__qualname__ = "CNN"
            return _Pooled


        CNN = make_pooled_cnn()
        print(CNN())
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


        def make_convnet(n_blocks=5, width=3, side=128):
            class _Net(nn.Module):
                def __init__(self, input_channels):
                    super().__init__()
                    chans = [input_channels] + [width] * n_blocks
                    self.features = nn.Sequential(*(conv_block(a, b) for a, b in zip(chans, chans[1:])))
                    self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * side * side, 1))

                def forward(self, x):
                    return self.head(self.features(x))

            _Net.__name__ = _Net.__qualname__ = "ConvNet"
            return _Net


        ConvNet = make_convnet()
        print(sum(p.numel() for p in ConvNet(1).parameters()))
        ''').strip()
    write_nb("class_factories_bound_to_required_names", std_cells({"q7": q7, "q8": q8}))


# 3. the student deleted the otter cell; the check cells stay (they raise NameError in Jupyter)
def otter_deleted():  # dropped: the check cells raise NameError
    cells = std_cells(otter_cell=False)
    write_nb("otter_init_cell_deleted_checks_kept", cells)


# 4. competitive programmer: lambdas, generator .throw to raise, one-letter names
@gen
def competitive():
    src = D('''
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
        ''').lstrip()
    write_py("competitive_lambdas_generator_throw_one_letter_names", src)


# 5. conditional definitions: numpy fast path when available, torch fallback
@gen
def conditional_defs():
    src = D('''
        """Lecture 6 answers. Uses NumPy for the hand-written ops when it is installed."""
        import torch

        try:
            import numpy as np
        except ImportError:  # pragma: no cover
            np = None
            HAVE_NUMPY = False
        else:
            HAVE_NUMPY = True

        q1_answer = "C"


        def conv_output_size(size, kernel_size, stride=1, padding=0):
            padded = size + 2 * padding
            if kernel_size > padded:
                raise ValueError(f"kernel {kernel_size} larger than padded input {padded}")
            return (padded - kernel_size) // stride + 1


        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = 1250
        q4_conv_params = 84
        q4_cnn_params = 30 + 56 + 1251
        q4_fcnn_params = 16384 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 + 1


        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
            return out_channels * (in_channels * kh * kw + (1 if bias else 0))


        def linear_params(in_features, out_features, bias=True):
            return out_features * (in_features + (1 if bias else 0))


        q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]

        if HAVE_NUMPY:
            def conv2d(image, kernel, stride=1, padding=0):
                img = np.pad(image.detach().cpu().numpy(), padding)
                ker = kernel.detach().cpu().numpy()
                kh, kw = ker.shape
                oh = (img.shape[0] - kh) // stride + 1
                ow = (img.shape[1] - kw) // stride + 1
                out = np.empty((oh, ow), dtype=img.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
                return torch.from_numpy(out)

            def max_pool2d(image, kernel_size=2):
                a = image.detach().cpu().numpy()
                k = kernel_size
                h, w = a.shape[0] // k, a.shape[1] // k
                return torch.from_numpy(a[:h * k, :w * k].reshape(h, k, w, k).max(axis=(1, 3)))
        else:
            def conv2d(image, kernel, stride=1, padding=0):
                h, w = image.shape
                kh, kw = kernel.shape
                p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
                p[padding:padding + h, padding:padding + w] = image
                oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
                return torch.stack([torch.stack([(p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                                 for j in range(ow)]) for i in range(oh)])

            def max_pool2d(image, kernel_size=2):
                k = kernel_size
                h, w = image.shape[0] // k, image.shape[1] // k
                return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.features = torch.nn.Sequential(
                    torch.nn.Conv2d(1, 3, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
                    torch.nn.Conv2d(3, 2, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)))
                self.classifier = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(1250, 1))

            def forward(self, x):
                return self.classifier(self.features(x))


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.net = torch.nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                                               torch.nn.Flatten(), torch.nn.Linear(49152, 1))

            def forward(self, x):
                return self.net(x)


        q9_true = {"C"}
        q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
        ''').lstrip()
    write_py("conditional_definitions_numpy_fast_path_else_torch", src)


# 6. Keras habits: call() with forward = call, add_module with keras-like names, padding="same", summary()
@gen
def keras_call():
    q7 = D('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            """Like keras.Sequential([Conv2D(3, 3, padding="same", activation="relu"), MaxPooling2D(), ...])."""

            def __init__(self):
                super().__init__()
                self.model = nn.Sequential()
                self.model.add_module("conv2d", nn.Conv2d(1, 3, 3, padding="same"))
                self.model.add_module("activation", nn.ReLU())
                self.model.add_module("max_pooling2d", nn.MaxPool2d(pool_size := 2))
                self.model.add_module("conv2d_1", nn.Conv2d(3, 2, 3, padding="same"))
                self.model.add_module("activation_1", nn.ReLU())
                self.model.add_module("max_pooling2d_1", nn.MaxPool2d(pool_size))
                self.model.add_module("flatten", nn.Flatten())
                self.model.add_module("dense", nn.Linear(2 * 25 * 25, 1))

            def call(self, inputs):
                return self.model(inputs)

            forward = call

            def summary(self):
                total = 0
                print(f"{'Layer (type)':<28}{'Param #':>10}")
                for name, layer in self.model.named_children():
                    n = sum(p.numel() for p in layer.parameters())
                    total += n
                    print(f"{name + ' (' + type(layer).__name__ + ')':<28}{n:>10}")
                print(f"Total params: {total:,}")


        CNN().summary()
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            block = nn.Sequential()
            block.add_module("conv2d", nn.Conv2d(input_channels, output_channels, 3, padding="same"))
            block.add_module("relu", nn.ReLU())
            return block


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.model = nn.Sequential()
                for i, (cin, cout) in enumerate([(input_channels, 3)] + [(3, 3)] * 4):
                    self.model.add_module(f"block_{i}", conv_block(cin, cout))
                self.model.add_module("flatten", nn.Flatten())
                self.model.add_module("dense", nn.Linear(49152, 1))

            def call(self, inputs):
                return self.model(inputs)

            forward = call
        ''').strip()
    write_nb("keras_call_alias_add_module_names_padding_same_summary", std_cells({"q7": q7, "q8": q8}))


# 7. Colab notebook with saved outputs, a PNG, shell and pip magics, and a final cell that fails on purpose
@gen
def colab_outputs():
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    meta = {"colab": {"provenance": [], "toc_visible": True}, "kernelspec": {"name": "python3", "display_name": "Python 3"},
            "language_info": {"name": "python"}, "accelerator": "GPU"}
    pre = [("code", "!nvidia-smi\n%pip show torch", {"outputs": [{"output_type": "stream", "name": "stdout",
            "text": "/bin/bash: line 1: nvidia-smi: command not found\nName: torch\nVersion: 2.3.0+cu121\n"}]}),
           ("code", "import torch\ndevice = 'cuda' if torch.cuda.is_available() else 'cpu'\nprint(device)",
            {"outputs": [{"output_type": "stream", "name": "stdout", "text": "cuda\n"}], "execution_count": 2})]
    q6 = [Q_BASIC["q6"],
          ("code", D('''
            import matplotlib.pyplot as plt
            img = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], dtype=torch.float32)
            ker = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=torch.float32)
            fig, ax = plt.subplots(1, 3, figsize=(9, 3))
            for a, (t, title) in zip(ax, [(img, "input"), (ker, "kernel"), (conv2d(img, ker), "output")]):
                a.imshow(t, cmap="gray"); a.set_title(title); a.axis("off")
            plt.show()''').strip(),
           {"outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/png": png, "text/plain": ["<Figure size 900x300 with 3 Axes>"]}}],
            "execution_count": 9})]
    q7 = [Q_BASIC["q7"], ("code", "model = CNN().to(device)\nx = torch.randn(8, 1, 100, 100, device=device)\nmodel(x).shape",
                            {"outputs": [{"output_type": "execute_result", "execution_count": 11, "metadata": {},
                                          "data": {"text/plain": ["torch.Size([8, 1])"]}}], "execution_count": 11})]
    fail = ("code", "# what happens with a colour image? (it fails: the model expects 1 channel)\nCNN()(torch.randn(1, 3, 100, 100))",
            {"execution_count": 30, "outputs": [{"output_type": "error", "ename": "RuntimeError",
             "evalue": "Given groups=1, weight of size [3, 1, 3, 3], expected input[1, 3, 100, 100] to have 1 channels, but got 3 channels instead",
             "traceback": ["RuntimeError: Given groups=1, weight of size [3, 1, 3, 3], expected input[1, 3, 100, 100] to have 1 channels, but got 3 channels instead"]}]})
    write_nb("colab_saved_outputs_png_shell_pip_final_failing_demo",
             std_cells({"q6": q6, "q7": q7}, pre=pre, post=[("md", "### Trying things"), fail]), meta=meta, minor=0)


# 8. script with logging, argparse.parse_known_args, seed and device
@gen
def logging_argparse():
    head = D('''
        #!/usr/bin/env python3
        """lecture06.py -- my answers. Run: python lecture06.py --verbose"""
        import argparse
        import logging
        import sys

        import torch
        from torch import nn

        parser = argparse.ArgumentParser(description=__doc__)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--verbose", action="store_true")
        args, _unknown = parser.parse_known_args()

        logging.basicConfig(stream=sys.stdout, level=logging.DEBUG if args.verbose else logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
        log = logging.getLogger("lecture06")
        torch.manual_seed(args.seed)
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        ''').lstrip()
    q7 = D('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.pool = nn.MaxPool2d(2)
                self.fc = nn.Linear(1250, 1)
                self.to(device)

            def forward(self, x):
                x = x.to(device)
                log.debug("input %s", tuple(x.shape))
                x = self.pool(torch.relu(self.conv1(x)))
                log.debug("after block 1 %s", tuple(x.shape))
                x = self.pool(torch.relu(self.conv2(x)))
                log.debug("after block 2 %s", tuple(x.shape))
                return self.fc(x.flatten(1))
        ''').strip()
    tail = D('''


        def main():
            model = CNN().eval()
            with torch.no_grad():
                log.info("CNN output %s", model(torch.randn(2, 1, 100, 100)).shape)
                log.info("ConvNet output %s", ConvNet(3)(torch.randn(2, 3, 128, 128)).shape)
            log.info("ConvNet(1) params: %d", sum(p.numel() for p in ConvNet(1).parameters()))


        if __name__ == "__main__":
            main()
        ''')
    write_py("logging_argparse_parse_known_args_device_seed", head + "\n\n" + py_from({"q7": q7}) + tail)


# 9. cells wrapped in `with torch.no_grad():` (definitions inside the with block)
@gen
def no_grad_cells():
    q3 = D('''
        import torch
        with torch.no_grad():
            x = torch.zeros(1, 1, 100, 100)
            shapes = []
            for layer in [torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.MaxPool2d(2),
                          torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.MaxPool2d(2)]:
                x = layer(x)
                shapes.append(tuple(x.shape[1:]))
            q3_shapes = shapes
            q3_flatten_features = x[0].numel()
        print(q3_shapes, q3_flatten_features)
        ''').strip()
    q6 = D('''
        import torch

        with torch.no_grad():
            q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

            def conv2d(image, kernel, stride=1, padding=0):
                h, w = image.shape
                kh, kw = kernel.shape
                padded = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=image.dtype)
                padded[padding:h + padding, padding:w + padding] = image
                rows = range(0, h + 2 * padding - kh + 1, stride)
                cols = range(0, w + 2 * padding - kw + 1, stride)
                out = torch.empty((len(rows), len(cols)), dtype=image.dtype)
                for a, i in enumerate(rows):
                    for b, j in enumerate(cols):
                        out[a, b] = torch.sum(padded[i:i + kh, j:j + kw] * kernel)
                return out

            def max_pool2d(image, kernel_size=2):
                k = kernel_size
                out = torch.empty((image.shape[0] // k, image.shape[1] // k), dtype=image.dtype)
                for a in range(out.shape[0]):
                    for b in range(out.shape[1]):
                        out[a, b] = torch.max(image[a * k:a * k + k, b * k:b * k + k])
                return out

            example = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
            assert torch.equal(conv2d(example, torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])), q6_output)
        ''').strip()
    q7 = "with torch.no_grad():\n" + textwrap.indent(Q_BASIC["q7"], "    ") + "\n    print(CNN()(torch.rand(2, 1, 100, 100)).shape)"
    write_nb("definitions_inside_no_grad_with_blocks", std_cells({"q3": q3, "q6": q6, "q7": q7}))


# 10. NumPy-style fancy-index window grids, einsum, and max pooling by sorting the blocks
@gen
def index_grids():
    q6 = D('''
        import torch

        q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])


        def conv2d(image, kernel, stride=1, padding=0):
            p = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
            p[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            kh, kw = kernel.shape
            oh = (p.shape[0] - kh) // stride + 1
            ow = (p.shape[1] - kw) // stride + 1
            r = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
            c = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
            windows = p[r, c]                       # (oh, ow, kh, kw)
            return torch.einsum("ijkl,kl->ij", windows, kernel.to(image.dtype))


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            oh, ow = image.shape[0] // k, image.shape[1] // k
            r = (torch.arange(oh) * k)[:, None, None, None] + torch.arange(k)[None, None, :, None]
            c = (torch.arange(ow) * k)[None, :, None, None] + torch.arange(k)[None, None, None, :]
            blocks = image[r, c].reshape(oh, ow, k * k)
            return blocks.sort(dim=-1).values[..., -1]
        ''').strip()
    write_nb("numpy_style_index_grids_einsum_sorted_pool", std_cells({"q6": q6}))


# 11. NumPy everything for the plain answers (np.str_, np.int64 keys, np.bool_ values, tolist shapes)
@gen
def numpy_answers():
    pre = ["import numpy as np\nimport torch"]
    over = {
        "q1": 'choices = np.array(["A", "B", "C"])\nq1_answer = choices[np.argmin([4, 3, 2])]  # 4x4 input, 3x3 filter -> 2x2\nq1_answer',
        "q3": D('''
            sizes = 100 // np.array([1, 2, 2, 4])
            chans = np.array([3, 3, 2, 2])
            q3_shapes = [tuple(row) for row in np.stack([chans, sizes, sizes], axis=1).tolist()]
            q3_flatten_features = int(np.prod(q3_shapes[-1]))
            q3_shapes, q3_flatten_features''').strip(),
        "q4": D('''
            dims = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
            q4_conv_params = int(3 * 3 * 3 * 3 + 3)
            q4_cnn_params = int(np.sum([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, 1250 + 1]))
            q4_fcnn_params = int(np.sum(dims[:-1] * dims[1:] + dims[1:]))''').strip(),
        "q9": 'letters = np.array(list("ABCDE"))\nq9_true = set(letters[np.array([False, False, True, False, False])])',
        "q10": 'truth = np.array([1, 0, 1, 1, 0, 0, 1, 0], dtype=bool)\nq10_answers = dict(zip(np.arange(1, 9), truth))\nq10_answers',
    }
    write_nb("numpy_str_letters_int64_keys_bool_values", std_cells(over, pre=pre))



# 12. typing.overload stubs (bodies are `...`), a Protocol and an ABC with `...` bodies
@gen
def overloads():
    src = D('''
        from __future__ import annotations

        from abc import ABC, abstractmethod
        from typing import Protocol, overload

        import torch
        from torch import Tensor, nn

        q1_answer: str = "C"


        @overload
        def conv_output_size(size: int, kernel_size: int) -> int: ...
        @overload
        def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int: ...
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            padded = size + 2 * padding
            if kernel_size > padded:
                raise ValueError(f"kernel_size={kernel_size} does not fit in {padded}")
            return (padded - kernel_size) // stride + 1


        q3_shapes: list[tuple[int, int, int]] = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features: int = 2 * 25 * 25
        q4_conv_params: int = 3 * 3 * 3 * 3 + 3
        q4_cnn_params: int = 30 + 56 + 1251
        q4_fcnn_params: int = sum(i * o + o for i, o in [(16384, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])


        @overload
        def conv2d_params(in_channels: int, out_channels: int, kernel_size: int, bias: bool = True) -> int: ...
        @overload
        def conv2d_params(in_channels: int, out_channels: int, kernel_size: tuple[int, int], bias: bool = True) -> int: ...
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
            return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


        def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
            return out_features * in_features + (out_features if bias else 0)


        class Op2d(Protocol):
            def __call__(self, image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor: ...


        class Layer(ABC):
            @abstractmethod
            def conv2d(self, image: Tensor, kernel: Tensor, stride: int = 1, padding: int = 0) -> Tensor: ...

            @abstractmethod
            def max_pool2d(self, image: Tensor, kernel_size: int = 2) -> Tensor: ...


        class ByHand(Layer):
            def conv2d(self, image, kernel, stride=1, padding=0):
                h, w = image.shape
                kh, kw = kernel.shape
                p = image.new_zeros(h + 2 * padding, w + 2 * padding)
                p[padding:padding + h, padding:padding + w] = image
                oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
                out = image.new_zeros(oh, ow)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                return out

            def max_pool2d(self, image, kernel_size=2):
                k = kernel_size
                oh, ow = image.shape[0] // k, image.shape[1] // k
                return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))


        _ops = ByHand()
        conv2d: Op2d = _ops.conv2d
        max_pool2d = _ops.max_pool2d
        q6_output: Tensor = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


        class CNN(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.net = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                         nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                         nn.Flatten(), nn.Linear(1250, 1))

            def forward(self, x: Tensor) -> Tensor:
                return self.net(x)


        def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels: int) -> None:
                super().__init__()
                self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                         nn.Flatten(), nn.Linear(49152, 1))

            def forward(self, x: Tensor) -> Tensor:
                return self.net(x)


        q9_true: set[str] = {"C"}
        q10_answers: dict[int, bool] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
        ''').lstrip()
    write_py("typing_overload_stubs_protocol_abc_bound_methods", src)


# 13. functional style: map over two iterables, itertools.chain/pairwise layer lists, reduce(torch.maximum)
@gen
def fp_layers():
    q6 = D('''
        import operator
        from functools import reduce
        from itertools import product

        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            p[padding:padding + h, padding:padding + w] = image
            oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
            shifted = (kernel[a, b] * p[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
                       for a, b in product(range(kh), range(kw)))
            return reduce(operator.add, shifted)


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            oh, ow = image.shape[0] // k, image.shape[1] // k
            return reduce(torch.maximum, (image[a::k, b::k][:oh, :ow] for a in range(k) for b in range(k)))
        ''').strip()
    q7 = D('''
        from itertools import chain, pairwise

        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                stages = ((nn.Conv2d(a, b, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)) for a, b in pairwise((1, 3, 2)))
                self.layers = nn.Sequential(*chain.from_iterable(stages), nn.Flatten(), nn.Linear(1250, 1))

            def forward(self, input):
                return self.layers(input)
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.Sequential(*map(conv_block, [input_channels, 3, 3, 3, 3], [3] * 5))
                self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

            def forward(self, input):
                return self.head(self.blocks(input))
        ''').strip()
    write_nb("functional_map_two_iterables_chain_pairwise_reduce_maximum", std_cells({"q6": q6, "q7": q7, "q8": q8}))


# 14. q5 via torch's _pair and a linear layer as a 1x1 convolution; registry of layer factories (lambdas) for the models
@gen
def registry_lambdas():
    q5 = D('''
        from torch.nn.modules.utils import _pair


        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = _pair(kernel_size)
            return out_channels * in_channels * kh * kw + out_channels * int(bool(bias))


        def linear_params(in_features, out_features, bias=True):
            # a Linear layer has the same parameters as a 1x1 convolution
            return conv2d_params(in_features, out_features, 1, bias)
        ''').strip()
    q7 = D('''
        import torch
        from torch import nn

        LAYERS = {
            "conv": lambda cin, cout: nn.Conv2d(cin, cout, kernel_size=3, padding=1),
            "relu": lambda: nn.ReLU(),
            "pool": lambda: nn.MaxPool2d(2),
            "flatten": lambda: nn.Flatten(),
            "dense": lambda n_in, n_out: nn.Linear(n_in, n_out),
        }
        CNN_SPEC = [("conv", 1, 3), ("relu",), ("pool",), ("conv", 3, 2), ("relu",), ("pool",), ("flatten",), ("dense", 1250, 1)]


        def build(spec):
            return nn.Sequential(*(LAYERS[kind](*args) for kind, *args in spec))


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = build(CNN_SPEC)

            def forward(self, x):
                return self.net(x)
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            return build([("conv", input_channels, output_channels), ("relu",)])


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.net = nn.Sequential(*(conv_block(c, 3) for c in [input_channels] + [3] * 4),
                                         build([("flatten",), ("dense", 49152, 1)]))

            def forward(self, x):
                return self.net(x)
        ''').strip()
    write_py("registry_dict_of_lambda_layer_factories_linear_as_1x1_conv", py_from({"q5": q5, "q7": q7, "q8": q8}))


# 15. VS Code / JupyterLab notebook: autoreload, %who, help syntax, source_hidden metadata, nbformat 4.4
@gen
def vscode_meta():
    meta = {"kernelspec": {"display_name": ".venv (3.11.7)", "language": "python", "name": "python3"},
            "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                              "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                              "pygments_lexer": "ipython3", "version": "3.11.7"},
            "vscode": {"interpreter": {"hash": "3f1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809"}}}
    pre = [("code", "%load_ext autoreload\n%autoreload 2\n%config InlineBackend.figure_format = 'retina'\n%matplotlib inline",
            {"metadata": {"jupyter": {"source_hidden": True}}}),
           "import torch\nfrom torch import nn\nnn.Conv2d?"]
    post = ["%who", "%whos", ("code", "help(nn.MaxPool2d.forward)", {"metadata": {"collapsed": True, "jupyter": {"outputs_hidden": True}}})]
    q6 = [Q_BASIC["q6"], "conv2d??", "%timeit -n 3 -r 1 conv2d(torch.rand(28, 28), torch.rand(3, 3), padding=1)"]
    write_nb("vscode_autoreload_who_help_syntax_hidden_cells", std_cells({"q6": q6}, pre=pre, post=post), meta=meta, minor=4)


# 16. Keras default layer names as attributes (self.conv2d, self.max_pool2d, ...); q6 uses F for the filter
@gen
def keras_attr_names():
    q6 = D('''
        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


        def conv2d(image, kernel, stride=1, padding=0):
            I = image
            F = kernel.to(image.dtype)  # F for "filter", as in the slides' notation
            m, n = I.shape
            p, q = F.shape
            P = torch.zeros(m + 2 * padding, n + 2 * padding, dtype=I.dtype)
            P[padding:padding + m, padding:padding + n] = I
            M = (m + 2 * padding - p) // stride + 1
            N = (n + 2 * padding - q) // stride + 1
            O = torch.zeros(M, N, dtype=I.dtype)
            for r in range(M):
                for c in range(N):
                    O[r, c] = (P[r * stride:r * stride + p, c * stride:c * stride + q] * F).sum()
            return O


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            M, N = image.shape[0] // k, image.shape[1] // k
            O = torch.empty(M, N, dtype=image.dtype)
            for r in range(M):
                for c in range(N):
                    O[r, c] = image[r * k:(r + 1) * k, c * k:(c + 1) * k].max()
            return O
        ''').strip()
    q7 = D('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                # names as keras would print them in model.summary()
                self.conv2d = nn.Conv2d(1, 3, 3, padding=1)
                self.max_pool2d = nn.MaxPool2d(2)
                self.conv2d_1 = nn.Conv2d(3, 2, 3, padding=1)
                self.max_pool2d_1 = nn.MaxPool2d(2)
                self.flatten = nn.Flatten()
                self.dense = nn.Linear(1250, 1)

            def forward(self, x):
                x = self.max_pool2d(torch.relu(self.conv2d(x)))
                x = self.max_pool2d_1(torch.relu(self.conv2d_1(x)))
                return self.dense(self.flatten(x))
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            block = nn.Sequential()
            block.conv2d = nn.Conv2d(input_channels, output_channels, 3, padding=1)
            block.relu = nn.ReLU()
            return block


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.conv_block = conv_block(input_channels, 3)
                self.conv_block_1 = conv_block(3, 3)
                self.conv_block_2 = conv_block(3, 3)
                self.conv_block_3 = conv_block(3, 3)
                self.conv_block_4 = conv_block(3, 3)
                self.flatten = nn.Flatten()
                self.dense = nn.Linear(49152, 1)

            def forward(self, x):
                for block in (self.conv_block, self.conv_block_1, self.conv_block_2, self.conv_block_3, self.conv_block_4):
                    x = block(x)
                return self.dense(self.flatten(x))
        ''').strip()
    write_nb("keras_layer_names_conv2d_max_pool2d_attributes_F_filter", std_cells({"q6": q6, "q7": q7, "q8": q8}))


# 17. helpers nested in __init__, classmethod / staticmethod builders
@gen
def nested_helpers():
    q7 = D('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()

                def stage(cin, cout):
                    return [nn.Conv2d(cin, cout, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=2)]

                self.body = nn.Sequential(*stage(1, 3), *stage(3, 2), nn.Flatten(), nn.Linear(self.flat_features(), 1))

            @staticmethod
            def flat_features(side=100, channels=2, pools=2):
                return channels * (side // 2 ** pools) ** 2

            @classmethod
            def count(cls):
                return sum(p.numel() for p in cls().parameters())

            def forward(self, x):
                return self.body(x)


        print(CNN.count())
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            depth = 5
            width = 3

            def __init__(self, input_channels):
                super().__init__()
                self.features = self._make_features(input_channels)
                self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(self.width * 128 * 128, 1))

            @classmethod
            def _make_features(cls, input_channels):
                chans = [input_channels] + [cls.width] * cls.depth
                return nn.Sequential(*[conv_block(a, b) for a, b in zip(chans[:-1], chans[1:])])

            def forward(self, x):
                return self.classifier(self.features(x))
        ''').strip()
    write_py("helpers_nested_in_init_classmethod_staticmethod_builders", py_from({"q7": q7, "q8": q8}))


# 18. abstract base models (nn.Module + abc.ABC) with an abstract build()
@gen
def abc_models():
    q7 = D('''
        from abc import ABC, abstractmethod

        import torch
        from torch import nn


        class BaseNet(nn.Module, ABC):
            def __init__(self):
                super().__init__()
                self.net = self.build()

            @abstractmethod
            def build(self) -> nn.Module:
                ...

            def forward(self, x):
                return self.net(x)


        class CNN(BaseNet):
            def build(self):
                return nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                     nn.Flatten(), nn.Linear(1250, 1))
        ''').strip()
    q8 = D('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(BaseNet):
            def __init__(self, input_channels):
                self.input_channels = input_channels  # plain int, fine before Module.__init__
                super().__init__()

            def build(self):
                return nn.Sequential(conv_block(self.input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                                     nn.Flatten(), nn.Linear(49152, 1))
        ''').strip()
    write_nb("abc_base_model_abstract_build_subclasses", std_cells({"q7": q7, "q8": q8}))


def _self_as(text, name):
    return (text.replace("(self)", f"({name})").replace("(self, x)", f"({name}, x)")
            .replace("self.", f"{name}.").replace("(self, input_channels)", f"({name}, input_channels)"))


# 19. minimal: ConvNet's methods name their first parameter `this`; conv_block is a lambda
@gen
def min_this_lambda():
    old = ("def conv_block(input_channels, output_channels):\n"
           "    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())")
    lam = ("conv_block = lambda input_channels, output_channels: torch.nn.Sequential("
           "torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())")
    q8 = _self_as(Q_BASIC["q8"].replace(old, lam), "this")
    assert lam in q8 and "this.fc" in q8
    write_py("min_convnet_this_for_self_conv_block_lambda", py_from({"q8": q8}))


# 20. minimal: q6 functions are bound methods of a subclass of an abc.ABC that declares them abstract
@gen
def min_abc_bound_methods():
    q6 = D('''
        from abc import ABC, abstractmethod

        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


        class Ops(ABC):
            @abstractmethod
            def conv2d(self, image, kernel, stride=1, padding=0):
                raise NotImplementedError

            @abstractmethod
            def max_pool2d(self, image, kernel_size=2):
                raise NotImplementedError


        class LoopOps(Ops):
            def conv2d(self, image, kernel, stride=1, padding=0):
                h, w = image.shape
                kh, kw = kernel.shape
                p = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
                p[padding:padding + h, padding:padding + w] = image
                oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
                out = torch.zeros(oh, ow, dtype=image.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = (p[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                return out

            def max_pool2d(self, image, kernel_size=2):
                k = kernel_size
                oh, ow = image.shape[0] // k, image.shape[1] // k
                out = torch.zeros(oh, ow, dtype=image.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
                return out


        ops = LoopOps()
        conv2d = ops.conv2d
        max_pool2d = ops.max_pool2d
        ''').strip()
    write_py("min_q6_bound_methods_of_abc_subclass", py_from({"q6": q6}))


if __name__ == "__main__":
    for g in GENERATORS:
        g()
    print(len(GENERATORS), "generators")
