"""Generate the round-4 fairness corpus (r4_*): correct submissions aimed at the behavioural model checks, the
stricter static reader of q6, and notebooks run without namespaces.

    .venv/bin/python tests/corpus/fair/_make_r4.py

Each case is the ordinary answers with some questions written unusually (every one correct); tests/fair_oracle.py
proves each against torch.
"""
from __future__ import annotations

import base64
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

HERE = Path(__file__).resolve().parent
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2"
    "2b5b3b0000000049454e44ae426082")).decode()
QS = [f"q{i}" for i in range(1, 11)]


def d(t):
    return dedent(t).strip("\n")


BASE = {
    "q1": 'q1_answer = "C"',
    "q2": d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if kernel_size > size + 2 * padding:
                raise ValueError("kernel does not fit")
            return (size + 2 * padding - kernel_size) // stride + 1'''),
    "q3": "q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 2 * 25 * 25",
    "q4": "q4_conv_params = 3 * 3 * 3 * 3 + 3\nq4_cnn_params = 30 + 56 + 1251\nq4_fcnn_params = 4238337",
    "q5": d('''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
            return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


        def linear_params(in_features, out_features, bias=True):
            return in_features * out_features + (out_features if bias else 0)'''),
    "q6out": "q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]",
    "conv": d('''
        def conv2d(image, kernel, stride=1, padding=0):
            if padding:
                padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
                padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
                image = padded
            kh, kw = kernel.shape
            oh = (image.shape[0] - kh) // stride + 1
            ow = (image.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
            return out'''),
    "q7": d('''
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(x.flatten(1))'''),
    "block": d('''
        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())'''),
    "convnet": d('''
        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                                  conv_block(3, 3), conv_block(3, 3))
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(3 * 128 * 128, 1)

            def forward(self, x):
                return self.fc(self.flatten(self.blocks(x)))'''),
    "q9": 'q9_true = {"C"}',
    "q10": "q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}",
}


def sources(over):
    a = {**BASE, **over}
    q6 = "\n\n\n".join(x for x in (a["q6out"], a["conv"], a["pool"]) if x)
    q8 = "\n\n\n".join(x for x in (a["block"], a["convnet"]) if x)
    return {"q1": a["q1"], "q2": a["q2"], "q3": a["q3"], "q4": a["q4"], "q5": a["q5"], "q6": q6, "q7": a["q7"],
            "q8": q8, "q9": a["q9"], "q10": a["q10"]}


def md(t):
    return new_markdown_cell(d(t))


def code(t, outputs=None):
    c = new_code_cell(d(t))
    c.outputs = outputs or []
    return c


def fig():
    return new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"})


def stdout(text):
    return new_output("stream", name="stdout", text=text)


OTTER = '# Initialize Otter\nimport otter\ngrader = otter.Notebook("lecture06.ipynb")'


def notebook(over, head="import torch\nimport torch.nn as nn\nimport torch.nn.functional as F", first=(), after=None,
             last=(), checks=True, executed=False):
    after = after or {}
    src = sources(over)
    cells = [md("# Lecture 6: Introduction to Convolutional Neural Networks"), code(OTTER), *first]
    if head:
        cells.append(code(head))
    for q in QS:
        cells.append(md(f"## Question {q[1:]}"))
        cells.append(code(src[q]))
        cells += after.get(q, [])
        if checks:
            cells.append(code(f'grader.check("{q}")'))
    cells += list(last)
    if executed:
        n = 0
        for c in cells:
            if c.cell_type == "code":
                n += 1
                c.execution_count = n
    nb = new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"name": "python", "version": "3.12.3"}}
    for i, c in enumerate(nb.cells):
        c["id"] = f"r4-{i:03d}"
    return nb


def script(over, doc, head="import torch\nimport torch.nn as nn\nimport torch.nn.functional as F", tail=""):
    src = sources(over)
    parts = [f'"""{doc}"""\n' + head] + [src[q] for q in QS]
    return "\n\n\n".join(parts) + "\n" + (("\n\n" + d(tail) + "\n") if tail else "")


CASES: dict[str, object] = {}

# ------------------------------------------------------------------------------------------ models
CASES["r4_py_sequential_of_sequentials.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(
                    nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
                    nn.Sequential(nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU()), nn.MaxPool2d(2)),
                    nn.Sequential(nn.Flatten(), nn.Sequential(nn.Linear(1250, 1))),
                )

            def forward(self, x):
                return self.net(x)'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                first = nn.Sequential(conv_block(input_channels, 3))
                rest = nn.Sequential(*(nn.Sequential(conv_block(3, 3)) for _ in range(4)))
                self.net = nn.Sequential(nn.Sequential(first, rest), nn.Sequential(nn.Flatten(), nn.Linear(49152, 1)))

            def forward(self, x):
                return self.net(x)'''),
}, "Sequentials nested in Sequentials, as a student who groups stages would write them.")

CASES["r4_py_modulelist_loops.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.convs = nn.ModuleList([nn.Conv2d(c_in, c_out, 3, padding=1) for c_in, c_out in [(1, 3), (3, 2)]])
                self.head = nn.Linear(1250, 1)

            def forward(self, x):
                for conv in self.convs:
                    x = F.max_pool2d(F.relu(conv(x)), 2)
                return self.head(torch.flatten(x, start_dim=1))'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.ModuleList()
                channels = input_channels
                for _ in range(5):
                    self.blocks.append(conv_block(channels, 3))
                    channels = 3
                self.out = nn.Linear(49152, 1)

            def forward(self, x):
                for i in range(len(self.blocks)):
                    x = self.blocks[i](x)
                return self.out(x.reshape(x.shape[0], -1))'''),
}, "ModuleList of layers, looped over in forward (by item and by index).")

CASES["r4_py_own_parameters_functional.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            """Weights held as nn.Parameter, applied with torch.nn.functional."""

            def __init__(self):
                super().__init__()
                self.w1 = nn.Parameter(torch.empty(3, 1, 3, 3))
                self.b1 = nn.Parameter(torch.empty(3))
                self.w2 = nn.Parameter(torch.empty(2, 3, 3, 3))
                self.b2 = nn.Parameter(torch.empty(2))
                self.w3 = nn.Parameter(torch.empty(1, 1250))
                self.b3 = nn.Parameter(torch.empty(1))
                for w, b in [(self.w1, self.b1), (self.w2, self.b2), (self.w3, self.b3)]:
                    nn.init.kaiming_uniform_(w, a=5 ** 0.5)
                    fan_in = w[0].numel()
                    nn.init.uniform_(b, -1 / fan_in ** 0.5, 1 / fan_in ** 0.5)

            def forward(self, x):
                x = F.max_pool2d(F.relu(F.conv2d(x, self.w1, self.b1, padding=1)), 2)
                x = F.max_pool2d(F.relu(F.conv2d(x, self.w2, self.b2, padding=1)), 2)
                return F.linear(x.view(x.size(0), -1), self.w3, self.b3)'''),
}, "The CNN with its own nn.Parameter tensors and a functional forward pass.")

CASES["r4_py_explicit_every_argument.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1),
                                       dilation=1, groups=1, bias=True, padding_mode="zeros")
                self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), stride=1, padding=(1, 1),
                                       dilation=(1, 1), groups=1, bias=True, padding_mode="zeros")
                self.pool = nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                self.act = nn.ReLU(inplace=False)
                self.flat = nn.Flatten(start_dim=1, end_dim=-1)
                self.fc = nn.Linear(in_features=1250, out_features=1, bias=True)

            def forward(self, x):
                x = self.pool(self.act(self.conv1(x)))
                x = self.pool(self.act(self.conv2(x)))
                return self.fc(self.flat(x))'''),
    "block": d('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(
                nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1),
                          bias=True, padding_mode="zeros"),
                nn.ReLU(inplace=False),
            )'''),
}, "Every keyword argument spelled out, the defaults too.")

CASES["r4_py_same_padding_string.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.features = nn.Sequential(
                    nn.Conv2d(1, 3, kernel_size=3, padding="same"), nn.ReLU(), nn.MaxPool2d(2, 2),
                    nn.Conv2d(3, 2, kernel_size=3, padding="same"), nn.ReLU(), nn.MaxPool2d(2, 2))
                self.classifier = nn.Linear(2 * 25 * 25, 1)

            def forward(self, x):
                return self.classifier(self.features(x).reshape(len(x), -1))'''),
    "block": d('''
        def conv_block(input_channels, output_channels):
            conv = nn.Conv2d(input_channels, output_channels, 3, padding="same")
            return nn.Sequential(conv, nn.ReLU())'''),
}, "padding='same' for the 3x3 convolutions (the same as padding=1 at stride 1).")

CASES["r4_py_channels_last.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)
                self.to(memory_format=torch.channels_last)  # faster convolutions on some CPUs

            def forward(self, x):
                x = x.contiguous(memory_format=torch.channels_last)
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                x = x.contiguous()  # back to NCHW so that flattening keeps the (C, H, W) order
                return self.fc(torch.flatten(x, 1))'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                x = self.blocks(x.to(memory_format=torch.channels_last))
                return self.fc(x.contiguous().view(x.shape[0], -1))'''),
}, "channels_last memory format inside the models; values unchanged.")

CASES["r4_py_matmul_and_einsum_head.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                x = x.reshape(x.shape[0], -1)
                return x @ self.fc.weight.T + self.fc.bias  # the Linear layer written out'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                x = self.blocks(x).flatten(1)
                return torch.einsum("nf,of->no", x, self.fc.weight) + self.fc.bias'''),
}, "The last layer as a matrix product (q7) and an einsum (q8) with the nn.Linear's own weight and bias.")

CASES["r4_py_unflatten_and_permutes.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)
                self.to_image = nn.Unflatten(1, (1, 100, 100))

            def forward(self, x):
                if x.dim() == 2:  # also accept flat 10000-pixel rows
                    x = self.to_image(x)
                x = x.permute(0, 2, 3, 1).permute(0, 3, 1, 2).contiguous()  # NHWC and back: a no-op
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                return self.fc(x.view(-1, 1250))'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
                self.head = nn.Sequential(nn.Flatten(), nn.Unflatten(1, (1, 49152)), nn.Flatten(), nn.Linear(49152, 1))

            def forward(self, x):
                return self.head(self.blocks(x).transpose(2, 3).transpose(2, 3))'''),
}, "nn.Unflatten, permute/transpose pairs and contiguous(): reshapes that leave the values where they were.")

CASES["r4_py_wrapper_modules.py"] = script({
    "q7": d('''
        class ConvReLU(nn.Module):
            def __init__(self, c_in, c_out):
                super().__init__()
                self.conv = nn.Conv2d(c_in, c_out, 3, padding=1)

            def forward(self, x):
                return torch.relu(self.conv(x))


        class Lambda(nn.Module):
            def __init__(self, fn):
                super().__init__()
                self.fn = fn

            def forward(self, x):
                return self.fn(x)


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.layers = nn.Sequential(ConvReLU(1, 3), nn.MaxPool2d(2), ConvReLU(3, 2), nn.MaxPool2d(2),
                                            Lambda(lambda t: t.flatten(1)), nn.Linear(1250, 1))

            def forward(self, x):
                return self.layers(x)'''),
    "convnet": d('''
        class Stack(nn.Module):
            """Applies its children in order (a home-made Sequential)."""

            def __init__(self, *mods):
                super().__init__()
                for i, m in enumerate(mods):
                    self.add_module(str(i), m)

            def forward(self, x):
                for m in self.children():
                    x = m(x)
                return x


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.body = Stack(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                  Lambda(lambda t: torch.flatten(t, 1)), nn.Linear(49152, 1))

            def forward(self, x):
                return self.body(x)'''),
}, "Small custom Module wrappers (ConvReLU, Lambda, a home-made Sequential).")

CASES["r4_py_init_buffers_unused_layers.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)
                self.dropout = nn.Dropout(p=0.25)   # tried it, not used in the end
                self.softmax = nn.Softmax(dim=1)    # not needed for one output
                self.register_buffer("scale", torch.ones(1))
                self.register_buffer("shift", torch.zeros(1), persistent=False)
                for m in self.modules():
                    if isinstance(m, (nn.Conv2d, nn.Linear)):
                        nn.init.xavier_uniform_(m.weight)
                        nn.init.zeros_(m.bias)

            def forward(self, x):
                x = (x - self.shift) * self.scale
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                return self.fc(x.flatten(1))'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.fc = nn.Linear(49152, 1)
                self.unused_identity = nn.Identity()
                self.apply(self._init)

            @staticmethod
            def _init(m):
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(m.weight, nonlinearity="relu")

            def forward(self, x):
                return self.fc(self.blocks(x).flatten(1))'''),
}, "Weights initialised in __init__ (xavier, kaiming, via apply), buffers that leave the input as it is, and "
   "layers defined but never called.", tail='''
    if __name__ == "__main__":
        with torch.inference_mode():
            print(CNN()(torch.rand(2, 1, 100, 100)).shape, ConvNet(3)(torch.rand(2, 3, 128, 128)).shape)''')

CASES["r4_py_getattr_named_layers.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                for i, (c_in, c_out) in enumerate([(1, 3), (3, 2)], start=1):
                    setattr(self, f"conv{i}", nn.Conv2d(c_in, c_out, 3, padding=1))
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                for i in (1, 2):
                    x = F.max_pool2d(F.relu(getattr(self, f"conv{i}")(x)), 2)
                return self.fc(x.flatten(1))'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            N_BLOCKS = 5

            def __init__(self, input_channels):
                super().__init__()
                for i in range(self.N_BLOCKS):
                    self.add_module("block_%d" % i, conv_block(input_channels if i == 0 else 3, 3))
                self.add_module("fc", nn.Linear(49152, 1))

            def forward(self, x):
                for i in range(self.N_BLOCKS):
                    x = getattr(self, "block_%d" % i)(x)
                return self.fc(x.view(x.size(0), -1))'''),
}, "Layers named by string formatting, set with setattr/add_module and fetched with getattr.")

CASES["r4_py_reduce_and_ordereddict_names.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                spec = [("c1", nn.Conv2d(1, 3, 3, padding=1)), ("r1", nn.ReLU()), ("p1", nn.MaxPool2d(2)),
                        ("c2", nn.Conv2d(3, 2, 3, padding=1)), ("r2", nn.ReLU()), ("p2", nn.MaxPool2d(2)),
                        ("flat", nn.Flatten()), ("out", nn.Linear(1250, 1))]
                self.layers = nn.ModuleDict(OrderedDict(spec))

            def forward(self, x):
                return reduce(lambda h, layer: layer(h), self.layers.values(), x)'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                chans = [input_channels] + [3] * 5
                named = OrderedDict((f"block{i + 1}", conv_block(a, b)) for i, (a, b) in enumerate(zip(chans, chans[1:])))
                named["flatten"] = nn.Flatten()
                named["linear"] = nn.Linear(49152, 1)
                self.seq = nn.Sequential(named)

            def forward(self, x):
                return self.seq(x)'''),
}, "Named layers in OrderedDicts (a ModuleDict folded with functools.reduce, a Sequential).",
    head="from collections import OrderedDict\nfrom functools import reduce\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")

CASES["r4_py_inference_mode_and_no_grad_forward.py"] = script({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                x = self.conv1(x).relu()
                x = nn.functional.max_pool2d(x, kernel_size=(2, 2))
                x = self.conv2(x).relu()
                x = nn.functional.max_pool2d(x, kernel_size=(2, 2), stride=(2, 2))
                return self.fc(x.flatten(start_dim=1))

            @torch.inference_mode()
            def predict(self, x):
                return self(x)'''),
}, "Tensor.relu(), pooling kernels given as tuples, and a predict() under inference_mode.", tail='''
    with torch.inference_mode():
        _probe = CNN().eval()
        assert _probe(torch.zeros(1, 1, 100, 100)).shape == (1, 1)
        assert _probe.predict(torch.zeros(3, 1, 100, 100)).shape == (3, 1)''')

# ------------------------------------------------------------------------------------------ q6 by hand
CASES["r4_py_q6_helper_class_windows.py"] = script({
    "conv": d('''
        class Windows:
            """Every kh x kw window of a 2-D tensor, `step` apart."""

            def __init__(self, image, kh, kw, step):
                self.image, self.kh, self.kw, self.step = image, kh, kw, step
                self.rows = (image.shape[0] - kh) // step + 1
                self.cols = (image.shape[1] - kw) // step + 1

            def at(self, i, j):
                s = self.step
                return self.image[i * s:i * s + self.kh, j * s:j * s + self.kw]

            def reduce(self, fn):
                out = torch.empty(self.rows, self.cols, dtype=self.image.dtype)
                for i in range(self.rows):
                    for j in range(self.cols):
                        out[i, j] = fn(self.at(i, j))
                return out


        def zero_pad(image, p):
            out = image.new_zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
            out[p:p + image.shape[0], p:p + image.shape[1]] = image
            return out


        def conv2d(image, kernel, stride=1, padding=0):
            w = Windows(zero_pad(image, padding), *kernel.shape, stride)
            return w.reduce(lambda window: (window * kernel).sum())'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            return Windows(image, kernel_size, kernel_size, kernel_size).reduce(lambda window: window.max())'''),
}, "q6 through a small helper class of windows.")

CASES["r4_py_q6_methods_named_pool.py"] = script({
    "conv": d('''
        class Grid:
            """A 2-D tensor with the two sliding-window operations of the lecture."""

            def __init__(self, data):
                self.data = data

            def padded(self, p):
                h, w = self.data.shape
                out = torch.zeros(h + 2 * p, w + 2 * p, dtype=self.data.dtype)
                out[p:p + h, p:p + w] = self.data
                return Grid(out)

            def slide(self, kernel, stride):
                kh, kw = kernel.shape
                h, w = self.data.shape
                return torch.stack([torch.stack([(self.data[i:i + kh, j:j + kw] * kernel).sum()
                                                 for j in range(0, w - kw + 1, stride)])
                                    for i in range(0, h - kh + 1, stride)])

            def pool(self, k):
                h, w = self.data.shape
                return torch.stack([torch.stack([self.data[i:i + k, j:j + k].max() for j in range(0, w - k + 1, k)])
                                    for i in range(0, h - k + 1, k)])


        def conv2d(image, kernel, stride=1, padding=0):
            return Grid(image).padded(padding).slide(kernel, stride)'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            return Grid(image).pool(kernel_size)'''),
}, "q6 as methods of the student's own class, one of them called pool.")

CASES["r4_py_q6_dataclass_config.py"] = script({
    "conv": d('''
        @dataclass(frozen=True)
        class WindowSpec:
            height: int
            width: int
            stride: int = 1
            padding: int = 0

            def out_shape(self, h: int, w: int) -> Tuple[int, int]:
                return ((h + 2 * self.padding - self.height) // self.stride + 1,
                        (w + 2 * self.padding - self.width) // self.stride + 1)


        Reducer = Callable[[torch.Tensor], torch.Tensor]


        def slide(image: torch.Tensor, spec: WindowSpec, reduce: Reducer) -> torch.Tensor:
            h, w = image.shape
            p = spec.padding
            if p:
                big = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
                big[p:p + h, p:p + w] = image
                image = big
            oh, ow = spec.out_shape(h, w)
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    r, c = i * spec.stride, j * spec.stride
                    out[i, j] = reduce(image[r:r + spec.height, c:c + spec.width])
            return out


        def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
            spec = WindowSpec(*kernel.shape, stride=stride, padding=padding)
            return slide(image, spec, lambda win: torch.sum(win * kernel))'''),
    "pool": d('''
        def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
            return slide(image, WindowSpec(kernel_size, kernel_size, stride=kernel_size), torch.max)'''),
}, "q6 with a frozen dataclass of window settings and typing aliases.",
    head="from dataclasses import dataclass\nfrom typing import Callable, Tuple\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")

CASES["r4_py_q6_closures.py"] = script({
    "conv": d('''
        def make_slider(reduce, kh, kw, stride):
            def run(image):
                oh = (image.shape[0] - kh) // stride + 1
                ow = (image.shape[1] - kw) // stride + 1
                rows = []
                for i in range(oh):
                    row = []
                    for j in range(ow):
                        row.append(reduce(image[i * stride:i * stride + kh, j * stride:j * stride + kw]))
                    rows.append(torch.stack(row))
                return torch.stack(rows)
            return run


        def make_padder(p):
            def pad(image):
                if p == 0:
                    return image
                z = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
                z[p:-p, p:-p] = image
                return z
            return pad


        def conv2d(image, kernel, stride=1, padding=0):
            weighted_sum = lambda window: (window * kernel).sum()
            return make_slider(weighted_sum, kernel.shape[0], kernel.shape[1], stride)(make_padder(padding)(image))'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            return make_slider(torch.max, kernel_size, kernel_size, kernel_size)(image)'''),
}, "q6 from closures: factories that return the sliding and padding functions.")

CASES["r4_py_q6_numpy_roundtrip.py"] = script({
    "conv": d('''
        def conv2d(image, kernel, stride=1, padding=0):
            img = np.pad(image.detach().numpy(), padding, mode="constant")
            ker = kernel.detach().numpy()
            kh, kw = ker.shape
            oh = (img.shape[0] - kh) // stride + 1
            ow = (img.shape[1] - kw) // stride + 1
            out = np.zeros((oh, ow), dtype=img.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
            return torch.from_numpy(out)'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            a = image.numpy()
            h, w = a.shape[0] // kernel_size, a.shape[1] // kernel_size
            blocks = a[:h * kernel_size, :w * kernel_size].reshape(h, kernel_size, w, kernel_size)
            return torch.tensor(blocks.max(axis=(1, 3)))'''),
}, "q6 computed in numpy (np.pad, a reshape into blocks) and turned back into tensors.",
    head="import numpy as np\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")

CASES["r4_py_q6_itertools_product.py"] = script({
    "conv": d('''
        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            x = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            x[padding:padding + h, padding:padding + w] = image
            oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for (i, j), (a, b) in product(product(range(oh), range(ow)), product(range(kh), range(kw))):
                out[i, j] += x[i * stride + a, j * stride + b] * kernel[a, b]
            return out'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.full((oh, ow), float("-inf"), dtype=image.dtype)
            for i, j, a, b in product(range(oh), range(ow), range(kernel_size), range(kernel_size)):
                out[i, j] = torch.maximum(out[i, j], image[i * kernel_size + a, j * kernel_size + b])
            return out'''),
}, "q6 with itertools.product over the output and kernel positions.",
    head="from itertools import product\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")

CASES["r4_py_q6_docstrings_and_messages.py"] = script({
    "conv": d('''
        def conv2d(image, kernel, stride=1, padding=0):
            """2-D convolution (cross-correlation, like PyTorch) of one image with one kernel, by hand.

            No torch.nn.functional.conv2d here: the windows are multiplied and summed with loops.
            """
            if stride < 1 or padding < 0:
                raise ValueError(f"conv2d: bad stride={stride} or padding={padding}")
            h, w = image.shape
            kh, kw = kernel.shape
            src = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            src[padding:padding + h, padding:padding + w] = image
            out_h = (h + 2 * padding - kh) // stride + 1
            out_w = (w + 2 * padding - kw) // stride + 1
            out = torch.zeros(out_h, out_w, dtype=image.dtype)
            for r in range(out_h):
                for c in range(out_w):
                    out[r, c] = (src[r * stride:r * stride + kh, c * stride:c * stride + kw] * kernel).sum()
            return out'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            """Max pooling with non-overlapping kernel_size x kernel_size windows (stride = kernel_size)."""
            assert image.dim() == 2, "max_pool2d expects a 2-D image"
            out_h, out_w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.zeros(out_h, out_w, dtype=image.dtype)
            for r in range(out_h):
                for c in range(out_w):
                    out[r, c] = image[r * kernel_size:(r + 1) * kernel_size, c * kernel_size:(c + 1) * kernel_size].max()
            return out'''),
}, "q6 with docstrings and error messages that say what the functions are (convolution, pooling).")

CASES["r4_py_q6_partial_of_own_helper.py"] = script({
    "conv": d('''
        def _windows_apply(image, kh, kw, stride, fn):
            oh = (image.shape[0] - kh) // stride + 1
            ow = (image.shape[1] - kw) // stride + 1
            return torch.tensor([[fn(image[i * stride:i * stride + kh, j * stride:j * stride + kw]).item()
                                  for j in range(ow)] for i in range(oh)], dtype=image.dtype)


        def _dot(window, kernel):
            return (window * kernel).sum()


        def _pad2d(image, p):
            out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
            out[p:p + image.shape[0], p:p + image.shape[1]] = image
            return out


        def conv2d(image, kernel, stride=1, padding=0):
            return _windows_apply(_pad2d(image, padding), *kernel.shape, stride, partial(_dot, kernel=kernel))'''),
    "pool": d('''
        _square_windows = partial(_windows_apply, fn=torch.amax)


        def max_pool2d(image, kernel_size=2):
            return _square_windows(image, kernel_size, kernel_size, kernel_size)'''),
}, "q6 with functools.partial of the student's own helpers.",
    head="from functools import partial\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")

CASES["r4_py_q6_getattr_dispatch_on_self.py"] = script({
    "conv": d('''
        class SlidingOp:
            def __init__(self, mode):
                self.mode = mode

            def _sum_product(self, window, kernel):
                return (window * kernel).sum()

            def _maximum(self, window, kernel):
                return window.max()

            def __call__(self, image, kernel, kh, kw, stride):
                combine = getattr(self, "_" + self.mode)
                oh = (image.shape[0] - kh) // stride + 1
                ow = (image.shape[1] - kw) // stride + 1
                out = torch.zeros(oh, ow, dtype=image.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = combine(image[i * stride:i * stride + kh, j * stride:j * stride + kw], kernel)
                return out


        def conv2d(image, kernel, stride=1, padding=0):
            padded = torch.nn.functional.pad(image, [padding] * 4) if padding else image
            return SlidingOp("sum_product")(padded, kernel, *kernel.shape, stride)'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            return SlidingOp("maximum")(image, None, kernel_size, kernel_size, kernel_size)'''),
}, "q6 through a callable class that picks its combining method with getattr on self.")

CASES["r4_py_q6_unfold_free_strides_as_view.py"] = script({
    "conv": d('''
        Tensor: TypeAlias = torch.Tensor
        ZERO: Final = 0


        def _patches(x: Tensor, kh: int, kw: int, stride: int) -> Tensor:
            """(out_h, out_w, kh, kw) view of every window, built from index grids."""
            oh = (x.shape[0] - kh) // stride + 1
            ow = (x.shape[1] - kw) // stride + 1
            rows = (torch.arange(oh) * stride)[:, None, None, None] + torch.arange(kh)[None, None, :, None]
            cols = (torch.arange(ow) * stride)[None, :, None, None] + torch.arange(kw)[None, None, None, :]
            return x[rows, cols]


        def conv2d(image: Tensor, kernel: Tensor, stride: int = 1, padding: int = ZERO) -> Tensor:
            h, w = image.shape
            x = image.new_zeros(h + 2 * padding, w + 2 * padding)
            x[padding:padding + h, padding:padding + w] = image
            return (_patches(x, *kernel.shape, stride) * kernel).sum(dim=(-2, -1))'''),
    "pool": d('''
        def max_pool2d(image: Tensor, kernel_size: int = 2) -> Tensor:
            return _patches(image, kernel_size, kernel_size, kernel_size).amax(dim=(-2, -1))'''),
}, "q6 vectorised with advanced indexing (index grids), typing.TypeAlias and Final.",
    head="from typing import Final, TypeAlias\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")

# ------------------------------------------------------------------------------------------ notebooks
SEED = code('''
    import random
    import torch
    import numpy as np
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)''')

CASES["r4_nb_plots_pandas_inline.ipynb"] = notebook({}, head=d('''
    %matplotlib inline
    import warnings
    warnings.filterwarnings("ignore", category=UserWarning)
    import numpy as np
    import pandas as pd
    import matplotlib.pyplot as plt
    import torch
    import torch.nn as nn
    import torch.nn.functional as F'''), after={
    "q3": [code('''
        df = pd.DataFrame(q3_shapes, columns=["C", "H", "W"], index=["conv1", "pool1", "conv2", "pool2"])
        df["values"] = df.C * df.H * df.W
        df''')],
    "q6": [code('''
        fig, axes = plt.subplots(1, 2, figsize=(6, 3))
        x = torch.arange(25.).reshape(5, 5)
        axes[0].imshow(x, cmap="gray"); axes[0].set_title("input")
        axes[1].imshow(conv2d(x, torch.ones(3, 3)), cmap="gray"); axes[1].set_title("3x3 sum")
        plt.show()''', outputs=[fig()])],
    "q7": [code('''
        with torch.no_grad():
            fmap = F.relu(CNN().conv1(torch.rand(1, 1, 100, 100)))[0]
        plt.imshow(fmap[0]); plt.colorbar(); plt.show()''', outputs=[fig()])],
}, executed=True)

CASES["r4_nb_checkpoint_weights_only.ipynb"] = notebook({}, after={
    "q7": [code('''
        import os
        os.makedirs("outputs", exist_ok=True)
        model = CNN()
        torch.save(model.state_dict(), "outputs/cnn.pt")
        reloaded = CNN()
        reloaded.load_state_dict(torch.load("outputs/cnn.pt", weights_only=True))
        x = torch.rand(2, 1, 100, 100)
        assert torch.equal(model(x), reloaded(x))
        print("checkpoint round trip ok")''', outputs=[stdout("checkpoint round trip ok\n")])],
    "q8": [code('''
        net = ConvNet(3)
        torch.save({"state": net.state_dict(), "input_channels": 3}, os.path.join("outputs", "convnet.pth"))
        ckpt = torch.load(os.path.join("outputs", "convnet.pth"), weights_only=True, map_location="cpu")
        net2 = ConvNet(ckpt["input_channels"])
        net2.load_state_dict(ckpt["state"])
        net2.eval();''')],
})

CASES["r4_nb_seeds_timing_progress.ipynb"] = notebook({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                torch.manual_seed(42)  # same initial weights every run
                self.block1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
                self.block2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                return self.fc(torch.flatten(self.block2(self.block1(x)), 1))'''),
}, first=[SEED], after={
    "q6": [code('''
        import time
        t0 = time.perf_counter()
        for trial in range(1, 6):
            img, ker = torch.rand(8, 8), torch.rand(3, 3)
            _ = conv2d(img, ker, stride=1, padding=1)
            print(f"trial {trial}/5 done ({time.perf_counter() - t0:.3f}s)", flush=True)''', outputs=[stdout(
        "".join(f"trial {t}/5 done (0.00{t}s)\n" for t in range(1, 6)))])],
    "q8": [code('''
        %%time
        opt = torch.optim.SGD(ConvNet(1).parameters(), lr=0.01)
        net = ConvNet(1)
        opt = torch.optim.SGD(net.parameters(), lr=0.01)
        for epoch in range(3):
            loss = F.mse_loss(net(torch.rand(4, 1, 128, 128)), torch.zeros(4, 1))
            opt.zero_grad(); loss.backward(); opt.step()
            print(f"epoch {epoch + 1}: loss {loss.item():.4f}")''')],
})

CASES["r4_nb_markdown_heavy_with_latex.ipynb"] = (lambda nb: (nb.cells.insert(2, md(r'''
    ## Notes to self

    The output size is $\left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1$.

    | layer | params |
    |---|---|
    | `Conv2d(1, 3, 3)` | $3 \cdot 1 \cdot 9 + 3 = 30$ |
    | `Conv2d(3, 2, 3)` | $2 \cdot 3 \cdot 9 + 2 = 56$ |
    | `Linear(1250, 1)` | $1251$ |

    ```python
    # what NOT to do: q6 with F.conv2d earns nothing
    out = F.conv2d(x[None, None], k[None, None])
    ```''')), nb)[1])(notebook({
    "q7": d('''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                x = F.max_pool2d(torch.clamp(self.conv1(x), min=0), 2)  # clamp at 0 is ReLU
                x = F.max_pool2d(torch.clamp(self.conv2(x), min=0), 2)
                return self.fc(x.flatten(1))'''),
}))

CASES["r4_nb_no_namespace_friendly_files.ipynb"] = notebook({}, first=[code('''
    import os, tempfile, json
    os.makedirs("results/figures", exist_ok=True)
    scratch = tempfile.mkdtemp()
    print(os.path.isdir(scratch))''')], after={
    "q4": [code('''
        with open("results/q4.json", "w") as f:
            json.dump({"conv": q4_conv_params, "cnn": q4_cnn_params, "fcnn": q4_fcnn_params}, f)
        with open("results/q4.json") as f:
            print(json.load(f))''')],
    "q10": [code('''
        import csv
        with open(os.path.join(scratch, "q10.csv"), "w", newline="") as f:
            csv.writer(f).writerows(sorted(q10_answers.items()))
        print(open(os.path.join(scratch, "q10.csv")).read())''')],
})

CASES["r4_nb_q6_helper_class_with_pool_method.ipynb"] = notebook({
    "conv": d('''
        class Image2D:
            def __init__(self, t):
                self.t = t

            def pad(self, p):
                h, w = self.t.shape
                z = torch.zeros(h + 2 * p, w + 2 * p, dtype=self.t.dtype)
                z[p:p + h, p:p + w] = self.t
                return Image2D(z)

            def conv(self, kernel, stride=1):
                kh, kw = kernel.shape
                oh = (self.t.shape[0] - kh) // stride + 1
                ow = (self.t.shape[1] - kw) // stride + 1
                out = torch.zeros(oh, ow, dtype=self.t.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = (self.t[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                return out

            def max_pool(self, k):
                oh, ow = self.t.shape[0] // k, self.t.shape[1] // k
                return self.t[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))


        def conv2d(image, kernel, stride=1, padding=0):
            return Image2D(image).pad(padding).conv(kernel, stride)'''),
    "pool": d('''
        def max_pool2d(image, kernel_size=2):
            return Image2D(image).max_pool(kernel_size)'''),
})

CASES["r4_nb_sequential_factory_and_summary_table.ipynb"] = notebook({
    "q7": d('''
        def stage(c_in, c_out):
            return [nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.model = nn.Sequential(*stage(1, 3), *stage(3, 2), nn.Flatten(), nn.Linear(1250, 1))

            def forward(self, x):
                return self.model(x)'''),
    "convnet": d('''
        class ConvNet(nn.Sequential):
            def __init__(self, input_channels):
                widths = [input_channels, 3, 3, 3, 3, 3]
                super().__init__(*[conv_block(a, b) for a, b in zip(widths[:-1], widths[1:])],
                                 nn.Flatten(), nn.Linear(3 * 128 * 128, 1))'''),
}, head="import pandas as pd\nimport torch\nfrom torch import nn", after={
    "q8": [code('''
        rows = [(name, type(m).__name__, sum(p.numel() for p in m.parameters(recurse=False)))
                for name, m in ConvNet(1).named_modules() if name]
        pd.DataFrame(rows, columns=["name", "type", "params"]).query("params > 0")''')],
})

CASES["r4_nb_everything_guarded_by_flags.ipynb"] = notebook({
    "q7": d('''
        CONFIG = {"channels": [1, 3, 2], "kernel": 3, "pad": 1, "pool": 2, "side": 100}


        class CNN(nn.Module):
            def __init__(self, cfg=CONFIG):
                super().__init__()
                ch = cfg["channels"]
                self.convs = nn.ModuleList(nn.Conv2d(a, b, cfg["kernel"], padding=cfg["pad"]) for a, b in zip(ch, ch[1:]))
                self.pool = nn.MaxPool2d(cfg["pool"])
                side = cfg["side"] // cfg["pool"] ** (len(ch) - 1)
                self.fc = nn.Linear(ch[-1] * side * side, 1)

            def forward(self, x):
                for conv in self.convs:
                    x = self.pool(torch.relu(conv(x)))
                return self.fc(x.flatten(1))'''),
}, first=[code('''
    RUN_SLOW_DEMOS = False
    SHOW_PLOTS = False''')], after={
    "q7": [code('''
        if RUN_SLOW_DEMOS:
            for _ in range(1000):
                CNN()(torch.rand(64, 1, 100, 100))
        else:
            print("skipping the slow demo")''')],
})

CASES["r4_nb_device_agnostic.ipynb"] = notebook({
    "q7": d('''
        DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)
                self.to(DEVICE)

            def forward(self, x):
                x = x.to(next(self.parameters()).device)
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                return self.fc(x.flatten(1))'''),
}, first=[SEED])

CASES["r4_py_conv_block_named_sequential.py"] = script({
    "block": d('''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(OrderedDict(
                conv=nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                relu=nn.ReLU(),
            ))'''),
    "convnet": d('''
        class ConvNet(nn.Module):
            def __init__(self, input_channels: int) -> None:
                super().__init__()
                self.features = nn.Sequential(OrderedDict(
                    [(f"block{i}", conv_block(c, 3)) for i, c in enumerate([input_channels, 3, 3, 3, 3], 1)]))
                self.classifier = nn.Sequential(OrderedDict(flatten=nn.Flatten(), fc=nn.Linear(49152, 1)))

            def forward(self, x: torch.Tensor) -> torch.Tensor:
                features = self.features(x)
                return self.classifier(features)'''),
}, "conv_block as a Sequential of named layers (OrderedDict with keyword names).",
    head="from collections import OrderedDict\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F")


def main():
    for name, obj in CASES.items():
        path = HERE / name
        if name.endswith(".ipynb"):
            nbformat.validate(obj)
            path.write_text(nbformat.writes(obj) + "\n", encoding="utf-8")
        else:
            path.write_text(obj, encoding="utf-8")
    print(f"wrote {len(CASES)} cases")


if __name__ == "__main__":
    main()
