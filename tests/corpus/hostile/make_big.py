"""Generate big_output.ipynb: a correct notebook with ~60 MB of saved output.

    python make_big.py [OUT_PATH]    (default: big_output.ipynb next to this file)

Graded as a submission this file defines nothing and writes nothing (it only runs as a script).
"""

import json
import sys
from pathlib import Path

SOLUTION_CELLS = [
    "q1_answer = \"C\"\n",
    "def conv_output_size(size, kernel_size, stride=1, padding=0):\n    padded = size + 2 * padding\n    if kernel_size > padded:\n        raise ValueError(f\"a {kernel_size}-wide kernel does not fit a padded input of {padded}\")\n    return (padded - kernel_size) // stride + 1\n",
    "q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\nq3_flatten_features = 2 * 25 * 25\n",
    "q4_conv_params = 3 * 3 * (3 * 3) + 3\nq4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 * 1 + 1)\nq4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])\n",
    "def conv2d_params(in_channels, out_channels, kernel_size, bias=True):\n    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size\n    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)\n\n\ndef linear_params(in_features, out_features, bias=True):\n    return out_features * in_features + (out_features if bias else 0)\n",
    "import torch\n\nq6_output = torch.tensor([[12, 12, 17],\n                          [10, 17, 19],\n                          [9, 6, 14]])\n\n\ndef conv2d(image, kernel, stride=1, padding=0):\n    h, w = image.shape\n    kh, kw = kernel.shape\n    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)\n    padded[padding:padding + h, padding:padding + w] = image\n    out_h = (h + 2 * padding - kh) // stride + 1\n    out_w = (w + 2 * padding - kw) // stride + 1\n    out = torch.zeros(out_h, out_w, dtype=image.dtype)\n    for i in range(out_h):\n        for j in range(out_w):\n            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]\n            out[i, j] = (window * kernel).sum()\n    return out\n\n\ndef max_pool2d(image, kernel_size=2):\n    h, w = image.shape\n    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)\n    for i in range(h // kernel_size):\n        for j in range(w // kernel_size):\n            block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]\n            out[i, j] = block.max()\n    return out\n",
    "import torch\n\n\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.main = torch.nn.Sequential(\n            torch.nn.Conv2d(in_channels=1, out_channels=3, kernel_size=(3, 3), padding=1),\n            torch.nn.ReLU(),\n            torch.nn.MaxPool2d((2, 2)),\n            torch.nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), padding=1),\n            torch.nn.ReLU(),\n            torch.nn.MaxPool2d((2, 2)),\n            torch.nn.Flatten(),\n            torch.nn.Linear(1250, 1),\n        )\n\n    def forward(self, x):\n        return self.main(x)\n",
    "import torch\n\n\ndef conv_block(input_channels, output_channels):\n    return torch.nn.Sequential(\n        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),\n        torch.nn.ReLU(),\n    )\n\n\nclass ConvNet(torch.nn.Module):\n    def __init__(self, input_channels):\n        super().__init__()\n        self.main = torch.nn.Sequential(\n            conv_block(input_channels, 3),\n            conv_block(3, 3),\n            conv_block(3, 3),\n            conv_block(3, 3),\n            conv_block(3, 3),\n            torch.nn.Flatten(),\n            torch.nn.Linear(49152, 1),\n        )\n\n    def forward(self, x):\n        return self.main(x)\n",
    "q9_true = {\"C\"}\n",
    "q10_answers = {\n    1: True,\n    2: False,\n    3: True,\n    4: True,\n    5: False,\n    6: False,\n    7: True,\n    8: False,\n}\n"
]
TARGET_MB = 60


def build() -> dict:
    line = "epoch {:06d}  loss 0.{:06d}  accuracy 0.{:06d}  " + "#" * 60 + "\n"
    text, size, i = [], 0, 0
    while size < TARGET_MB * 2**20:
        s = line.format(i, (i * 7919) % 10**6, (i * 104729) % 10**6)
        text.append(s)
        size += len(s)
        i += 1
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Lecture 6, with a very chatty training loop\n"]}]
    for k, src in enumerate(SOLUTION_CELLS):
        outputs = [{"output_type": "stream", "name": "stdout", "text": text}] if k == 6 else []
        cells.append({"cell_type": "code", "execution_count": k + 1, "id": f"cell-{k}", "metadata": {},
                      "outputs": outputs, "source": src.splitlines(keepends=True)})
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                        "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


def main(argv) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("big_output.ipynb")
    out.write_text(json.dumps(build(), indent=1))
    print(f"wrote {out} ({out.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__" and "__file__" in globals():
    main(sys.argv)
