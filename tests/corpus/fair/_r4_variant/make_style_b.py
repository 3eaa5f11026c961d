"""Write class/ava/style_b.ipynb: Ava's variant answered in a notebook with closures, numpy, nested Sequentials,
channels_last, seeds, an output folder and a weights_only checkpoint.

    .venv/bin/python tests/corpus/fair/_r4_variant/make_style_b.py
"""
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
CELLS = [
    ("md", "# Lecture 6 (my numbers: see variant.json)"),
    ("code", '# Initialize Otter\nimport otter\ngrader = otter.Notebook("lecture06.ipynb")'),
    ("code", """
        %matplotlib inline
        import os
        import warnings
        warnings.filterwarnings("ignore")
        from collections import OrderedDict
        import numpy as np
        import torch
        from torch import nn
        torch.manual_seed(0)
        os.makedirs("outputs", exist_ok=True)"""),
    ("code", 'q1_answer = "b".upper()'),
    ("code", """
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            span = size + 2 * padding - kernel_size
            if span < 0:
                raise ValueError(f"a {kernel_size} kernel does not fit")
            return span // stride + 1"""),
    ("code", """
        q3_shapes = [(6, 116, 116), (6, 58, 58), (7, 58, 58), (7, 29, 29)]
        q3_flatten_features = int(np.prod(q3_shapes[-1]))"""),
    ("code", """
        q4_conv_params = 7 * 2 * 25 + 2
        q4_cnn_params = (3 * 6 * 9 + 6) + (6 * 7 * 9 + 7) + (q3_flatten_features + 1)
        q4_fcnn_params = sum(a * b + b for a, b in [(9216, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])"""),
    ("code", """
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            k = np.broadcast_to(np.asarray(kernel_size), (2,))
            return int(out_channels * in_channels * k.prod() + bias * out_channels)


        def linear_params(in_features, out_features, bias=True):
            return (in_features + int(bias)) * out_features"""),
    ("code", """
        def make_slider(reduce, kh, kw, stride):
            def run(a):
                oh, ow = (a.shape[0] - kh) // stride + 1, (a.shape[1] - kw) // stride + 1
                return np.array([[reduce(a[i * stride:i * stride + kh, j * stride:j * stride + kw]) for j in range(ow)]
                                 for i in range(oh)], dtype=a.dtype)
            return run


        def conv2d(image, kernel, stride=1, padding=0):
            k = kernel.numpy()
            a = np.pad(image.numpy(), padding)
            return torch.from_numpy(make_slider(lambda w: (w * k).sum(), *k.shape, stride)(a))


        def max_pool2d(image, kernel_size=2):
            return torch.from_numpy(make_slider(np.max, kernel_size, kernel_size, kernel_size)(image.numpy()))


        q6_output = torch.tensor([[11, 9, 14], [13, 13, 12], [9, 8, 9]])
        x = torch.tensor([[2, 0, 3, 1, 3], [3, 0, 3, 2, 1], [2, 3, 3, 1, 3], [3, 0, 1, 1, 2], [1, 1, 3, 2, 1]], dtype=torch.float32)
        k = torch.tensor([[1, 0, 0], [2, 2, 0], [0, 1, 0]], dtype=torch.float32)
        assert conv2d(x, k).equal(q6_output.float())"""),
    ("code", """
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(OrderedDict(
                    stage1=nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
                    stage2=nn.Sequential(nn.Conv2d(6, 7, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
                    head=nn.Sequential(nn.Flatten(), nn.Linear(5887, 1)),
                ))
                self.to(memory_format=torch.channels_last)

            def forward(self, x):
                return self.net(x.contiguous(memory_format=torch.channels_last))"""),
    ("code", """
        model = CNN()
        torch.save(model.state_dict(), os.path.join("outputs", "cnn.pt"))
        again = CNN()
        again.load_state_dict(torch.load(os.path.join("outputs", "cnn.pt"), weights_only=True))
        print("reloaded:", torch.equal(model(torch.rand(1, 3, 116, 116)).detach() * 0, torch.zeros(1, 1)))"""),
    ("code", """
        def conv_block(input_channels, output_channels):
            return nn.Sequential(OrderedDict(conv=nn.Conv2d(input_channels, output_channels, (3, 3), padding=(1, 1)),
                                             relu=nn.ReLU()))


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
                self.fc = nn.Linear(27648, 1)

            def forward(self, x):
                return self.fc(self.body(x).flatten(1))"""),
    ("code", 'q9_true = set("E")'),
    ("code", "q10_answers = {i + 1: v for i, v in enumerate([True, False, True, False, False, True, True, True])}"),
]


def main():
    cells = []
    for kind, text in CELLS:
        text = dedent(text).strip("\n")
        cells.append(new_markdown_cell(text) if kind == "md" else new_code_cell(text))
    for i, c in enumerate(cells):
        c["id"] = f"ava-{i:02d}"
    nb = new_notebook(cells=cells)
    nb.metadata = {"cnn_grader": {"variant": "4ec0b9bc5db2cac9"},
                   "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}, "otter": {"assignment_name": "lecture06"}}
    nbformat.validate(nb)
    (HERE / "class" / "ava" / "style_b.ipynb").write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
