"""Generate the round-5 fairness corpus (r5_*): correct submissions written in styles earlier rounds did not
try (issue 9). Every case answers every question correctly; tests/fair_oracle.py proves each against torch.

    .venv/bin/python tests/corpus/fair/_make_r5.py
"""
from __future__ import annotations

import base64
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

HERE = Path(__file__).resolve().parent
QS = [f"q{i}" for i in range(1, 11)]
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2"
    "2b5b3b0000000049454e44ae426082")).decode()


def d(t):
    return dedent(t).strip("\n")


BASE = {
    "q1": 'q1_answer = "C"',
    "q2": d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            padded = size + 2 * padding
            if kernel_size > padded:
                raise ValueError(f"a {kernel_size}x{kernel_size} kernel does not fit in {padded}x{padded}")
            return (padded - kernel_size) // stride + 1'''),
    "q3": "q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 2 * 25 * 25",
    "q4": d('''
        q4_conv_params = 3 * 3 * 3 * 3 + 3
        q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
        q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)'''),
    "q5": d('''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
            return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


        def linear_params(in_features, out_features, bias=True):
            return in_features * out_features + (out_features if bias else 0)'''),
    "q6": d('''
        import torch

        q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


        def conv2d(image, kernel, stride=1, padding=0):
            if padding:
                padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
                padded[padding:-padding, padding:-padding] = image
                image = padded
            kh, kw = kernel.shape
            oh = (image.shape[0] - kh) // stride + 1
            ow = (image.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out


        def max_pool2d(image, kernel_size=2):
            oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
            return out'''),
    "q7": d('''
        import torch


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))'''),
    "q8": d('''
        import torch


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(
                torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                torch.nn.ReLU(),
            )


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                return self.fc(self.flatten(self.blocks(x)))'''),
    "q9": 'q9_true = {"C"}',
    "q10": "q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}",
}

CASES: dict[str, dict] = {}


def case(name, kind="nb", **parts):
    """kind: "nb" or "py"; parts: q-overrides, plus 'pre'/'post' (lists of extra cells), 'meta', 'shape'."""
    CASES[name] = dict(kind=kind, **parts)


# --------------------------------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------------------------------

case("r5_nb_decimal_and_numpy_int_counts",
     q2=d('''
        from decimal import Decimal, ROUND_FLOOR


        def conv_output_size(size, kernel_size, stride=1, padding=0):
            span = Decimal(size + 2 * padding - kernel_size)
            if span < 0:
                raise ValueError("kernel larger than the padded input")
            return int((span / Decimal(stride)).to_integral_value(rounding=ROUND_FLOOR)) + 1'''),
     q4=d('''
        import numpy as np

        q4_conv_params = np.int64(3) * 3 * 3 * 3 + 3
        layers = np.array([[1, 3], [3, 2]])
        q4_cnn_params = int(np.sum(layers[:, 0] * layers[:, 1] * 9 + layers[:, 1])) + 1250 + 1
        sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1], dtype=np.int64)
        q4_fcnn_params = np.sum(sizes[:-1] * sizes[1:] + sizes[1:])'''),
     q5=d('''
        import numpy as np


        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kernel = np.broadcast_to(np.asarray(kernel_size), (2,))
            return np.prod(kernel) * in_channels * out_channels + bias * out_channels


        def linear_params(in_features, out_features, bias=True):
            return np.int64(in_features) * out_features + int(bias) * out_features'''))

case("r5_nb_range_length_and_torch_size_shapes",
     q2=d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            # the kernel's top-left corner visits range(0, last + 1, stride)
            last = size + 2 * padding - kernel_size
            if last < 0:
                raise ValueError("the kernel does not fit")
            return len(range(0, last + 1, stride))'''),
     q3=d('''
        import torch

        q3_shapes = [torch.Size([3, 100, 100]), torch.Size([3, 50, 50]), torch.Size([2, 50, 50]), torch.Size([2, 25, 25])]
        q3_flatten_features = q3_shapes[-1].numel()'''),
     q9='q9_true = set("C")',
     q10="q10_answers = dict(enumerate([True, False, True, True, False, False, True, False], start=1))")

case("r5_py_parameterdict_functional_forward", kind="py",
     q7=d('''
        import torch
        import torch.nn.functional as F
        from torch import nn


        class CNN(nn.Module):
            """Weights held in a ParameterDict, layers applied with torch.nn.functional."""

            def __init__(self):
                super().__init__()
                conv1, conv2, fc = nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1), nn.Linear(1250, 1)
                self.params = nn.ParameterDict({
                    "conv1_w": conv1.weight, "conv1_b": conv1.bias,
                    "conv2_w": conv2.weight, "conv2_b": conv2.bias,
                    "fc_w": fc.weight, "fc_b": fc.bias,
                })

            def forward(self, x):
                p = self.params
                x = F.max_pool2d(F.relu(F.conv2d(x, p["conv1_w"], p["conv1_b"], padding=1)), 2)
                x = F.max_pool2d(F.relu(F.conv2d(x, p["conv2_w"], p["conv2_b"], padding=1)), 2)
                return F.linear(torch.flatten(x, 1), p["fc_w"], p["fc_b"])'''))

case("r5_nb_parametrize_identity_logging",
     q7=d('''
        import torch
        import torch.nn.utils.parametrize as parametrize
        from torch import nn


        class Same(nn.Module):
            """A do-nothing parametrization: I wanted to see how parametrize works."""

            def forward(self, weight):
                return weight


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)
                for layer in (self.conv1, self.conv2, self.fc):
                    parametrize.register_parametrization(layer, "weight", Same())
                self.pool = nn.MaxPool2d(2)

            def forward(self, x):
                x = self.pool(torch.relu(self.conv1(x)))
                x = self.pool(torch.relu(self.conv2(x)))
                return self.fc(x.flatten(1))'''))

case("r5_py_convnet_subclasses_cnn", kind="py",
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(CNN):
            """Reuses CNN's forward: it runs self.layers then the head."""

            def __init__(self, input_channels):
                nn.Module.__init__(self)  # not CNN.__init__: other layers
                self.layers = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
                self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))'''),
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.layers = nn.Sequential(
                    nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                )
                self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

            def forward(self, x):
                return self.head(self.layers(x))'''))

case("r5_nb_forward_args_kwargs",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self, **unused):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, *args, **kwargs):
                x = args[0] if args else kwargs["x"]
                for conv in (self.conv1, self.conv2):
                    x = nn.functional.max_pool2d(nn.functional.relu(conv(x)), 2)
                return self.fc(x.reshape(x.shape[0], -1))'''),
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels, *, kernel_size=3):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size, padding=kernel_size // 2),
                                 nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels, *args, **kwargs):
                super().__init__()
                self.features = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.classifier = nn.Linear(3 * 128 * 128, 1)

            def forward(self, *inputs, **options):
                (x,) = inputs
                return self.classifier(self.features(x).flatten(start_dim=1))'''))

case("r5_nb_compile_guarded_demo",
     post=[d('''
        # torch.compile is nice on my laptop; fall back to eager if it is not available
        model = CNN()
        try:
            fast_model = torch.compile(model, backend="eager")
            print(fast_model(torch.zeros(2, 1, 100, 100)).shape)
        except Exception as error:
            print("no torch.compile here:", type(error).__name__)
            fast_model = model''')])

case("r5_nb_walrus_and_conditional_expressions",
     q2=d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if (room := size + 2 * padding - kernel_size) < 0:
                raise ValueError(f"kernel {kernel_size} > padded size {size + 2 * padding}")
            return room // stride + 1'''),
     q6=d('''
        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])  # an integer tensor


        def conv2d(image, kernel, stride=1, padding=0):
            if (p := padding) > 0:
                image = torch.cat([torch.zeros(p, image.shape[1]), image, torch.zeros(p, image.shape[1])], dim=0)
                image = torch.cat([torch.zeros(image.shape[0], p), image, torch.zeros(image.shape[0], p)], dim=1)
            rows = [torch.stack([(window * kernel).sum()
                                 for j in range(0, image.shape[1] - kernel.shape[1] + 1, stride)
                                 if (window := image[i:i + kernel.shape[0], j:j + kernel.shape[1]]) is not None])
                    for i in range(0, image.shape[0] - kernel.shape[0] + 1, stride)]
            return torch.stack(rows)


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            h, w = (image.shape[0] // k) * k, (image.shape[1] // k) * k
            return image[:h, :w].reshape(h // k, k, w // k, k).amax(dim=(1, 3))'''))

case("r5_py_threadpool_rows", kind="py",
     q6=d('''
        from concurrent.futures import ThreadPoolExecutor

        import torch

        q6_output = ((12, 12, 17), (10, 17, 19), (9, 6, 14))


        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            padded[padding:padding + h, padding:padding + w] = image
            kh, kw = kernel.shape
            rows = range(0, padded.shape[0] - kh + 1, stride)
            cols = range(0, padded.shape[1] - kw + 1, stride)

            def one_row(i):
                return torch.stack([(padded[i:i + kh, j:j + kw] * kernel).sum() for j in cols])

            with ThreadPoolExecutor(max_workers=2) as pool:  # rows are independent
                return torch.stack(list(pool.map(one_row, rows)))


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            oh, ow = image.shape[0] // k, image.shape[1] // k
            return torch.tensor([[image[i * k:(i + 1) * k, j * k:(j + 1) * k].max().item() for j in range(ow)]
                                 for i in range(oh)], dtype=image.dtype)'''))

case("r5_nb_children_loop_forward",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=(1, 1))
                self.act1 = nn.ReLU()
                self.pool1 = nn.MaxPool2d(kernel_size=2, stride=2)
                self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=(1, 1))
                self.act2 = nn.ReLU()
                self.pool2 = nn.MaxPool2d(kernel_size=2, stride=2)
                self.flat = nn.Flatten()
                self.out = nn.Linear(1250, 1)

            def forward(self, x):
                for layer in self.children():  # registration order is the order above
                    x = layer(x)
                return x'''),
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            block = nn.Sequential()
            block.append(nn.Conv2d(input_channels, output_channels, kernel_size=[3, 3], padding=1))
            block.append(nn.ReLU())
            return block


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.body = nn.Sequential()
                for i, o in [(input_channels, 3)] + [(3, 3)] * 4:
                    self.body.extend(conv_block(i, o))  # one flat Sequential of conv, relu, conv, relu...
                self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

            def forward(self, x):
                for module in self.children():
                    x = module(x)
                return x'''))

case("r5_py_direct_forward_calls", kind="py",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.relu = nn.ReLU()
                self.pool = nn.MaxPool2d(2)
                self.flatten = nn.Flatten()
                self.linear = nn.Linear(1250, 1)

            def forward(self, x):
                # calling .forward directly, as in my Java course
                x = self.pool.forward(self.relu.forward(self.conv1.forward(x)))
                x = self.pool.forward(self.relu.forward(self.conv2.forward(x)))
                return self.linear.forward(self.flatten.forward(x))'''),
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                for block in self.blocks:
                    x = block.forward(x)
                return self.fc.forward(torch.flatten(x, 1))'''))

case("r5_nb_register_module_api",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_module("c1", nn.Conv2d(1, 3, 3, padding=1))
                self.register_module("c2", nn.Conv2d(3, 2, 3, padding=1))
                self.register_module("lin", nn.Linear(1250, 1))

            def forward(self, x):
                x = torch.max_pool2d(torch.relu(self.c1(x)), 2)
                x = torch.max_pool2d(torch.relu(self.c2(x)), 2)
                return self.lin(x.view(x.size(0), -1))'''),
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            seq = nn.Sequential()
            seq.register_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
            seq.register_module("relu", nn.ReLU())
            return seq


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                for n in range(5):
                    self.register_module(f"block{n}", conv_block(input_channels if n == 0 else 3, 3))
                self.register_module("fc", nn.Linear(49152, 1))

            def forward(self, x):
                for n in range(5):
                    x = self.get_submodule(f"block{n}")(x)
                return self.get_submodule("fc")(x.flatten(1))'''))

case("r5_nb_sequential_addition",
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                net = conv_block(input_channels, 3)
                for _ in range(4):
                    net = net + conv_block(3, 3)  # Sequential supports +
                self.net = net + nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

            def forward(self, x):
                return self.net(x)'''))

case("r5_py_hooks_store_activations", kind="py",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            """Keeps the feature maps of the last forward pass for plotting (self.activations)."""

            def __init__(self):
                super().__init__()
                self.features = nn.Sequential(
                    nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                )
                self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
                self.activations = {}
                for name, layer in self.features.named_children():
                    layer.register_forward_hook(self._keep(name))

            def _keep(self, name):
                def hook(module, inputs, output):
                    self.activations[name] = output.detach()
                return hook

            def forward(self, x):
                return self.classifier(self.features(x))'''),
     post=[d('''
        if __name__ == "__main__":
            m = CNN()
            m(torch.rand(1, 1, 100, 100))
            for name, a in m.activations.items():
                print(name, tuple(a.shape))''')])

case("r5_nb_checkpointed_blocks",
     q8=d('''
        import torch
        from torch import nn
        from torch.utils.checkpoint import checkpoint


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            """Gradient checkpointing: 128x128 feature maps are big on my laptop."""

            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.ModuleList(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3])
                self.fc = nn.Linear(49152, 1)

            def forward(self, x):
                for block in self.blocks:
                    x = checkpoint(block, x, use_reentrant=False) if x.requires_grad else block(x)
                return self.fc(x.flatten(1))'''))

case("r5_nb_forward_assigned_later_cell",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                raise NotImplementedError("written in the next cell")'''),
     q7_post=[d('''
        # the forward pass, written after I looked at the shapes
        def _cnn_forward(self, x):
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv1(x)), 2)
            x = nn.functional.max_pool2d(nn.functional.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))


        CNN.forward = _cnn_forward
        CNN()(torch.zeros(1, 1, 100, 100)).shape''')])

case("r5_py_type_built_classes", kind="py",
     q7=d('''
        import torch
        from torch import nn


        def _cnn_init(self):
            nn.Module.__init__(self)
            self.net = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )


        CNN = type("CNN", (nn.Module,), {"__init__": _cnn_init, "forward": lambda self, x: self.net(x)})'''),
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        def make_convnet_class(blocks=5, width=3, size=128):
            class ConvNet(nn.Module):
                def __init__(self, input_channels):
                    super().__init__()
                    chans = [input_channels] + [width] * blocks
                    self.convs = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])])
                    self.fc = nn.Linear(width * size * size, 1)

                def forward(self, x):
                    return self.fc(self.convs(x).flatten(1))
            return ConvNet


        ConvNet = make_convnet_class()'''))

case("r5_nb_script_false_skipped_drafts",
     q2_pre=[d('''
        %%script false --no-raise-error
        # old draft, kept but not run
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            return size - kernel_size + 1''')],
     q7_pre=[d('''
        %%script false --no-raise-error
        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = torch.nn.Linear(10000, 1)

            def forward(self, x):
                return self.fc(x.flatten(1))''')],
     pre=[d('''
        %%html
        <b>Lecture 6</b> <i>exercises</i> &mdash; my answers'''),
          d('''
        %%latex
        $\\text{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1$''')])

case("r5_nb_deterministic_env_flags",
     pre=[d('''
        import os
        os.environ["KMP_DUPLICATE_LIB_OK"] = "TRUE"   # macOS + conda
        os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
        import warnings
        warnings.filterwarnings("ignore", category=UserWarning)
        import torch
        torch.use_deterministic_algorithms(True)
        torch.backends.cudnn.benchmark = False
        torch.set_num_threads(2)
        torch.set_printoptions(precision=3, sci_mode=False)''')])

case("r5_nb_clamp_as_relu",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                x = nn.functional.max_pool2d(self.conv1(x).clamp(min=0), 2)   # ReLU = clamp at 0
                x = nn.functional.max_pool2d(self.conv2(x).clamp(min=0), 2)
                return self.fc(x.flatten(1))'''))

case("r5_py_tensor_relu_method_and_size_defaults", kind="py",
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(2 * 25 * 25, 1)
                self.pool = nn.MaxPool2d(2)

            def forward(self, x):
                x = self.pool(self.conv1(x).relu())
                x = self.pool(self.conv2(x).relu())
                return self.fc(torch.flatten(x, start_dim=1))'''),
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                                 nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels, blocks=5, channels=3, image_size=128):
                super().__init__()
                self.blocks = nn.Sequential(*[conv_block(input_channels if i == 0 else channels, channels)
                                              for i in range(blocks)])
                self.fc = nn.Linear(channels * image_size ** 2, 1)

            def forward(self, x):
                return self.fc(self.blocks(x).view(len(x), -1))'''))

case("r5_nb_q6_pure_python_lists_inside",
     q6=d('''
        import torch

        q6_output = [[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]]


        def conv2d(image, kernel, stride=1, padding=0):
            img = image.tolist()
            ker = kernel.tolist()
            w = len(img[0]) + 2 * padding
            img = [[0.0] * w] * padding + [[0.0] * padding + row + [0.0] * padding for row in img] + [[0.0] * w] * padding
            kh, kw = len(ker), len(ker[0])
            out = []
            for i in range(0, len(img) - kh + 1, stride):
                row = []
                for j in range(0, w - kw + 1, stride):
                    row.append(sum(img[i + a][j + b] * ker[a][b] for a in range(kh) for b in range(kw)))
                out.append(row)
            return torch.tensor(out, dtype=image.dtype)


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            img = image.tolist()
            return torch.tensor([[max(img[i + a][j + b] for a in range(k) for b in range(k))
                                  for j in range(0, len(img[0]) - k + 1, k)]
                                 for i in range(0, len(img) - k + 1, k)], dtype=image.dtype)'''))

case("r5_py_q6_numpy_only_inside", kind="py",
     q6=d('''
        import numpy as np
        import torch

        q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=np.int32)


        def conv2d(image, kernel, stride=1, padding=0):
            img = np.pad(image.numpy().astype(np.float64), padding)
            ker = kernel.numpy().astype(np.float64)
            kh, kw = ker.shape
            oh = (img.shape[0] - kh) // stride + 1
            ow = (img.shape[1] - kw) // stride + 1
            out = np.empty((oh, ow))
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * ker)
            return torch.from_numpy(out).to(image.dtype)


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            a = image.numpy()
            h, w = a.shape[0] // k, a.shape[1] // k
            return torch.from_numpy(a[:h * k, :w * k].reshape(h, k, w, k).max(axis=(1, 3)).copy())'''))

case("r5_nb_q6_strided_shifts_maximum",
     q6=d('''
        import functools
        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.float64)


        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
            padded[padding:padding + h, padding:padding + w] = image
            oh = (h + 2 * padding - kh) // stride + 1
            ow = (w + 2 * padding - kw) // stride + 1
            # one shifted, strided view of the input per kernel entry, weighted and summed
            return sum(kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
                       for a in range(kh) for b in range(kw))


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            oh, ow = image.shape[0] // k, image.shape[1] // k
            shifted = [image[a:a + oh * k:k, b:b + ow * k:k] for a in range(k) for b in range(k)]
            return functools.reduce(torch.maximum, shifted)'''))

case("r5_py_q6_kthvalue_vecdot", kind="py",
     q6=d('''
        import torch

        q6_output = [torch.tensor([12, 12, 17]), torch.tensor([10, 17, 19]), torch.tensor([9, 6, 14])]
        q6_output = torch.stack(q6_output)


        def _windows(image, kh, kw, stride):
            rows = range(0, image.shape[0] - kh + 1, stride)
            cols = range(0, image.shape[1] - kw + 1, stride)
            return torch.stack([torch.stack([image[i:i + kh, j:j + kw].reshape(-1) for j in cols]) for i in rows])


        def conv2d(image, kernel, stride=1, padding=0):
            if padding:
                image = torch.nn.functional.pad(image, (padding,) * 4)
            win = _windows(image, *kernel.shape, stride)
            return torch.linalg.vecdot(win, kernel.reshape(-1).to(win.dtype))


        def max_pool2d(image, kernel_size=2):
            win = _windows(image, kernel_size, kernel_size, kernel_size)
            return win.kthvalue(kernel_size * kernel_size, dim=-1).values'''))

case("r5_nb_numpy_int_keys_and_frozenset",
     q9='q9_true = frozenset(["C"])',
     q10=d('''
        import numpy as np

        truths = np.array([True, False, True, True, False, False, True, False])
        q10_answers = {k: v for k, v in zip(np.arange(1, 9), truths)}'''),
     q1='q1_answer = "ABC"[2]')

case("r5_nb_exceptions_subclass_and_lru_cache",
     q2=d('''
        import functools


        class KernelTooLargeError(ValueError):
            """The kernel does not fit in the padded input."""


        @functools.lru_cache(maxsize=None)
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if size + 2 * padding < kernel_size:
                raise KernelTooLargeError(f"{kernel_size} > {size} + 2*{padding}")
            return 1 + (size + 2 * padding - kernel_size) // stride'''),
     q5=d('''
        import functools
        import math


        @functools.cache
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kernel = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
            return math.prod((in_channels, out_channels, *kernel)) + out_channels * bool(bias)


        @functools.cache
        def linear_params(in_features, out_features, bias=True):
            return (in_features + bool(bias)) * out_features'''))

case("r5_py_meta_device_counts", kind="py",
     q5=d('''
        import torch


        def _count(layer):
            return sum(p.numel() for p in layer.parameters())


        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            return _count(torch.nn.Conv2d(in_channels, out_channels, kernel_size, bias=bias, device="meta"))


        def linear_params(in_features, out_features, bias=True):
            return _count(torch.nn.Linear(in_features, out_features, bias=bias, device="meta"))'''),
     q4=d('''
        q4_conv_params = conv2d_params(3, 3, (3, 3))
        q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(1250, 1)
        widths = [128 * 128, 256, 128, 64, 32, 16, 1]
        q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(widths, widths[1:]))'''),
     order=["q1", "q2", "q3", "q5", "q4", "q6", "q7", "q8", "q9", "q10"])

case("r5_nb_help_syntax_and_display_magics",
     pre=[d('''
        %load_ext autoreload
        %autoreload 2
        %matplotlib inline
        %config InlineBackend.figure_format = "retina"
        %precision 3
        %xmode Minimal'''),
          "!pip list | grep -i torch",
          "torch.nn.Conv2d?"],
     q2_post=["conv_output_size??", "%who function"],
     post=["%whos", "%%bash\necho all done\nls -la | head"])

case("r5_nb_cells_run_out_of_order_saved",
     # execution counts out of order; top to bottom is still right
     shuffle_counts=True)

case("r5_nb_colab_form_fields",
     meta={"colab": {"provenance": [], "collapsed_sections": [], "toc_visible": True, "gpuType": "T4"},
           "accelerator": "GPU", "kernelspec": {"name": "python3", "display_name": "Python 3"},
           "language_info": {"name": "python"}},
     q1='q1_answer = "C"  # @param ["A", "B", "C"]',
     q9='q9_true = {"C"}  # @param {type:"raw"}',
     pre=[d('''
        #@title Setup { display-mode: "form" }
        import torch  #@markdown torch is preinstalled on Colab
        device = "cuda" if torch.cuda.is_available() else "cpu"  #@param {type:"string"}''')],
     cell_meta={"id": "x", "cellView": "form"})

case("r5_nb_jupyterlab4_widgets_attachments",
     meta={"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
           "language_info": {"name": "python", "version": "3.12.1", "mimetype": "text/x-python",
                             "file_extension": ".py", "codemirror_mode": {"name": "ipython", "version": 3},
                             "nbconvert_exporter": "python", "pygments_lexer": "ipython3"},
           "widgets": {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0,
                                                                      "state": {}}},
           "toc-autonumbering": True},
     attachments=True, outputs=True)

case("r5_nb_vscode_interactive_percent_cells",
     meta={"kernelspec": {"name": "python3", "display_name": ".venv", "language": "python"},
           "vscode": {"interpreter": {"hash": "a" * 64}},
           "language_info": {"name": "python", "version": "3.11.4"}},
     q7_prefix="# %%\n", q8_prefix="# %% [markdown]\n# Q8 below\n# %%\n")

case("r5_nb_nbformat40_no_cell_ids", minor=0)

case("r5_nb_tabs_and_crlf_in_cells",
     q5=d('''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        \tif isinstance(kernel_size, int):
        \t\tkernel_size = (kernel_size, kernel_size)
        \tweights = in_channels * out_channels * kernel_size[0] * kernel_size[1]
        \treturn weights + out_channels if bias else weights


        def linear_params(in_features, out_features, bias=True):
        \treturn in_features * out_features + out_features if bias else in_features * out_features''').replace("\n", "\r\n"))

case("r5_nb_unicode_greek_names_and_docstrings",
     q2=d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            """n_out = ⌊(n + 2p − k) / s⌋ + 1"""
            n, k, s, p = size, kernel_size, stride, padding
            Δ = n + 2 * p - k
            if Δ < 0:
                raise ValueError("noyau trop grand — kernel too large")
            return Δ // s + 1'''),
     q7=d('''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.faltung1 = nn.Conv2d(1, 3, 3, padding=1)
                self.faltung2 = nn.Conv2d(3, 2, 3, padding=1)
                self.größe = 2 * 25 * 25
                self.linear_schicht = nn.Linear(self.größe, 1)

            def forward(self, x):
                σ = nn.functional.relu
                x = nn.functional.max_pool2d(σ(self.faltung1(x)), 2)
                x = nn.functional.max_pool2d(σ(self.faltung2(x)), 2)
                return self.linear_schicht(x.reshape(-1, self.größe))'''))

case("r5_py_jupytext_light_format", kind="py", style="light")

case("r5_py_recursive_block_builder_and_generators", kind="py",
     q8=d('''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        def stack_blocks(input_channels, remaining):
            """conv_block(input_channels, 3) followed by the rest, recursively."""
            if remaining == 0:
                return []
            return [conv_block(input_channels, 3)] + stack_blocks(3, remaining - 1)


        def flat_layers(modules):
            for m in modules:
                if isinstance(m, nn.Sequential):
                    yield from flat_layers(m)
                else:
                    yield m


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.seq = nn.Sequential(*flat_layers(stack_blocks(input_channels, 5)), nn.Flatten(),
                                         nn.Linear(49152, 1))

            def forward(self, x):
                return self.seq(x)'''))

case("r5_py_dataloader_workers_demo", kind="py",
     post=[d('''
        from torch.utils.data import DataLoader, TensorDataset

        if __name__ == "__main__":
            data = TensorDataset(torch.randn(16, 1, 100, 100), torch.randn(16, 1))
            loader = DataLoader(data, batch_size=8, num_workers=2)
            model = CNN()
            opt = torch.optim.SGD(model.parameters(), lr=0.01)
            for xb, yb in loader:
                loss = torch.nn.functional.mse_loss(model(xb), yb)
                opt.zero_grad()
                loss.backward()
                opt.step()
            print("loss", loss.item())''')])

case("r5_nb_q10_ordered_from_strings_q3_lists",
     q3=d('''
        q3_shapes = []
        c, h = 1, 100
        for out_channels in (3, 2):
            c = out_channels
            q3_shapes.append([c, h, h])   # after the conv (padding 1 keeps the size)
            h //= 2
            q3_shapes.append([c, h, h])   # after the pool
        q3_flatten_features = c * h * h'''),
     q10=d('''
        from collections import OrderedDict

        statements = """
        1 T
        2 F
        3 T
        4 T
        5 F
        6 F
        7 T
        8 F
        """
        q10_answers = OrderedDict((str(n), flag == "T") for n, flag in (line.split() for line in statements.strip().splitlines()))'''))

case("r5_py_operator_module_and_divmod", kind="py",
     q2=d('''
        import operator


        def conv_output_size(size, kernel_size, stride=1, padding=0):
            span = operator.sub(operator.add(size, operator.mul(2, padding)), kernel_size)
            if operator.lt(span, 0):
                raise ValueError("kernel does not fit")
            steps, _rest = divmod(span, stride)
            return operator.add(steps, 1)'''),
     q1="q1_answer = chr(ord('A') + 2)",
     q4=d('''
        from functools import reduce
        from operator import add, mul

        q4_conv_params = reduce(mul, (3, 3, 3, 3)) + 3
        q4_cnn_params = reduce(add, [reduce(mul, s) + s[1] for s in ((1, 3, 3, 3), (3, 2, 3, 3))]) + 1251
        w = [128 * 128, 256, 128, 64, 32, 16, 1]
        q4_fcnn_params = reduce(add, map(lambda a, b: a * b + b, w[:-1], w[1:]))'''))

NB_FLAVOURS = {}


# --------------------------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------------------------

def answers(spec):
    order = spec.get("order", QS)
    out = []
    for q in order:
        for extra in spec.get(f"{q}_pre", []):
            out.append((q, "extra", extra))
        src = spec.get(q, BASE[q])
        src = spec.get(f"{q}_prefix", "") + src
        out.append((q, "answer", src))
        for extra in spec.get(f"{q}_post", []):
            out.append((q, "extra", extra))
    return out


def write_notebook(name, spec):
    cells = [new_markdown_cell("# Lecture 6: Introduction to Convolutional Neural Networks\n\nMy answers."),
             new_code_cell('# Initialize Otter\nimport otter\ngrader = otter.Notebook("lecture06.ipynb")')]
    for extra in spec.get("pre", []):
        cells.append(new_code_cell(extra))
    last_q = None
    for q, what, src in answers(spec):
        if q != last_q:
            md = new_markdown_cell(f"## {q.upper()}")
            if spec.get("attachments"):
                md.source += "\n\n![diagram](attachment:diagram.png)"
                md["attachments"] = {"diagram.png": {"image/png": PNG}}
            cells.append(md)
            last_q = q
        cells.append(new_code_cell(src))
        if what == "answer":
            cells.append(new_code_cell(f'grader.check("{q}")'))
    for extra in spec.get("post", []):
        cells.append(new_code_cell(extra))
    cells.append(new_code_cell("grader.check_all()"))
    nb = new_notebook(cells=cells)
    nb.metadata.update(spec.get("meta", {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                        "language": "python"}}))
    count = 0
    codes = [c for c in nb.cells if c.cell_type == "code"]
    for c in codes:
        count += 1
        c.execution_count = count
        if spec.get("cell_meta"):
            c.metadata.update({k: (f"cell{count}" if k == "id" else v) for k, v in spec["cell_meta"].items()})
        if spec.get("outputs") and c.source.startswith("grader.check("):
            q = c.source.split('"')[1]
            c.outputs = [new_output("execute_result", {"text/plain": [f"{q} results: All test cases passed!"]},
                                    execution_count=count)]
        if spec.get("outputs"):
            c.metadata["execution"] = {"iopub.execute_input": "2026-11-28T10:00:00.000Z",
                                       "shell.execute_reply": "2026-11-28T10:00:01.000Z"}
            c.metadata["jupyter"] = {"source_hidden": False, "outputs_hidden": False}
    if spec.get("outputs"):
        codes[-1].outputs = [new_output("display_data", {"image/png": PNG, "text/plain": ["<Figure>"]},
                                        metadata={"image/png": {"width": 1, "height": 1}})]
    if spec.get("shuffle_counts"):
        import random
        numbers = list(range(1, len(codes) + 1))
        random.Random(5).shuffle(numbers)
        for c, n in zip(codes, numbers):
            c.execution_count = n
    minor = spec.get("minor")
    if minor is not None:
        nb.nbformat_minor = minor
        for c in nb.cells:
            c.pop("id", None)
        nbformat.write(nb, str(HERE / f"{name}.ipynb"), version=nbformat.NO_CONVERT)
        return
    nbformat.validate(nb)
    nbformat.write(nb, str(HERE / f"{name}.ipynb"))


def write_script(name, spec):
    light = spec.get("style") == "light"
    parts = []
    if light:
        parts.append(d('''
            # ---
            # jupyter:
            #   jupytext:
            #     formats: ipynb,py:light
            #     text_representation:
            #       extension: .py
            #       format_name: light
            #       format_version: '1.5'
            #       jupytext_version: 1.16.1
            #   kernelspec:
            #     display_name: Python 3
            #     language: python
            #     name: python3
            # ---

            # # Lecture 6 exercises'''))
    else:
        parts.append('"""Lecture 6: my answers, as a script."""')
    parts.extend(spec.get("pre", []))
    for q, what, src in answers(spec):
        if light:
            parts.append(f"# ## {q.upper()}\n\n# +\n{src}\n# -")
        else:
            parts.append(f"# ---- {q} ----\n{src}")
    parts.extend(spec.get("post", []))
    (HERE / f"{name}.py").write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")


def main():
    for name, spec in CASES.items():
        (write_notebook if spec["kind"] == "nb" else write_script)(name, spec)
    print(f"{len(CASES)} cases written")


if __name__ == "__main__":
    main()
