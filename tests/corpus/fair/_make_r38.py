"""Round 38 of the fairness corpus: notebooks as other tools save them, an AI assistant's habits, and imports of
torch's parts under the rule added after attack round 47 (imports of torch's compilers and internals refused as their
attributes are).

Correct submissions saved by Google Colab (2025's ``# @title`` / ``# @param`` forms, ``cellView``, ``outputId``,
GPU runtime metadata), Kaggle with papermill's per-cell metadata and an injected parameters cell, nbgrader's cell
metadata, JupyterLab 4's execute-time and tag metadata, VS Code on Windows (the JSON file itself with CRLF line
endings), nbstripout (no metadata at all), a notebook written on one line by ``json.dump``, sources as one string,
notebooks over 1 MiB (saved PNG figures) and over 3000 lines (a saved training log), Databricks' exported source
format, a script in cp1252 with a coding cookie; code written the way an AI assistant writes it (``__future__``
annotations, ``__all__``, ``Final``, ``Protocol``, slotted frozen dataclasses, ``StrEnum``, ``match``, the walrus,
``f"{x=}"``, doctests, ``logging``, ``assert`` self-checks); models from config lists parsed with ``match``, every
argument of ``Conv2d`` / ``MaxPool2d`` / ``Linear`` spelled out or positional, ``Sequential.append`` / ``extend`` /
``insert``, init loops, extra keyword-only constructor arguments; q6 by ``torch.take``, a Toeplitz matrix,
``torch.func.vmap``, recursion, ``operator.mul``, ``np.maximum.reduce``; and torch's parts imported by name:
``from torch import __version__``, ``from torch.nn.common_types import _size_2_t``, ``_LRScheduler``.

    python tests/corpus/fair/_make_r38.py            # rewrites tests/corpus/fair/r38_*
    python tests/corpus/fair/_make_r38.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r38.py --iso DIR  # isolation copies for _r38_findings.md (not corpus files)
"""

from __future__ import annotations

import base64
import io
import json
import sys
import uuid
import zlib
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402  (cell kinds, answers() over round 26's snippets)

d = r30.d
md, C, out, hdr, raw = r30.md, r30.C, r30.out, r30.hdr, r30.raw
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES

# ===============================================================================================================
# a notebook writer that saves the JSON the way other tools do
# ===============================================================================================================
KERNEL = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
          "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                            "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                            "pygments_lexer": "ipython3", "version": "3.11.9"}}


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _png_b64(seed: int = 0, side: int = 64) -> str:
    """A real PNG (random pixels, so that it does not compress), as Jupyter saves a figure."""
    import zlib
    import struct
    import random
    rng = random.Random(seed)
    rows = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(side * 3)) for _ in range(side))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return base64.b64encode(png).decode()


def _output(o, count):
    kind = o[0]
    if kind == "stream":
        return {"name": o[1], "output_type": "stream", "text": _lines(o[2])}
    if kind == "result":
        return {"data": {"text/plain": _lines(o[1])}, "execution_count": count, "metadata": {},
                "output_type": "execute_result"}
    if kind == "png":
        side = o[1] if len(o) > 1 else 64
        return {"data": {"image/png": _png_b64(side, side), "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
                "metadata": {}, "output_type": "display_data"}
    if kind == "html":
        return {"data": {"text/html": _lines(o[1]), "text/plain": _lines(o[2])}, "execution_count": count,
                "metadata": {}, "output_type": "execute_result"}
    raise ValueError(kind)


def stream(text):
    return ("stream", "stdout", text)


def png(side=64):
    return ("png", side)


class Fmt:
    """How a tool saves a notebook."""

    def __init__(self, *, metadata=None, minor=5, ids="uuid", source="list", eol="\n", indent=1, counts=True,
                 cell_meta=None, sort_keys=True, ascii=False, trailing_newline=True):
        self.metadata = KERNEL if metadata is None else metadata
        self.minor, self.ids, self.source, self.eol, self.indent = minor, ids, source, eol, indent
        self.counts, self.cell_meta, self.sort_keys, self.ascii = counts, cell_meta, sort_keys, ascii
        self.trailing_newline = trailing_newline


def write_notebook(path: Path, cells: list, fmt: Fmt | None = None) -> None:
    fmt = fmt or Fmt()
    out_cells = []
    n = 0
    for k, c in enumerate(cells):
        if isinstance(c, tuple) and c[0] in ("md", "raw"):
            cell = {"cell_type": "markdown" if c[0] == "md" else "raw", "metadata": {}, "source": c[1].rstrip("\n")}
        else:
            if isinstance(c, tuple) and c[0] == "code":
                _, src, count, outputs, none = c
            else:
                src, count, outputs, none = c, None, [], False
            if count is None and not none:
                n += 1
                count = n
            if not fmt.counts:
                count = None
            cell = {"cell_type": "code", "execution_count": count, "metadata": {}, "outputs":
                    [_output(o, count) for o in outputs], "source": src.rstrip("\n")}
        if fmt.cell_meta:
            cell["metadata"] = fmt.cell_meta(k, cell)
        if fmt.source == "list":
            cell["source"] = _lines(cell["source"])
        if fmt.minor < 5:
            pass
        elif fmt.ids == "uuid":
            cell["id"] = str(uuid.UUID(int=(zlib.crc32(path.name.encode()) << 64) | k, version=4))
        elif fmt.ids == "short":
            cell["id"] = f"{k:08x}"[-8:]
        out_cells.append(cell)
    nb = {"cells": out_cells, "metadata": fmt.metadata, "nbformat": 4, "nbformat_minor": fmt.minor}
    text = json.dumps(nb, indent=fmt.indent, sort_keys=fmt.sort_keys, ensure_ascii=fmt.ascii)
    if fmt.trailing_newline:
        text += "\n"
    if fmt.eol != "\n":
        text = text.replace("\n", fmt.eol)
    path.write_bytes(text.encode("utf-8"))


FORMATS: dict[str, Fmt] = {}
ENCODINGS: dict[str, str] = {}


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells, FORMATS.get(name))
    else:
        parts = []
        for c in cells:
            if isinstance(c, tuple) and c[0] in ("md", "raw"):
                continue
            parts.append((c[1] if isinstance(c, tuple) else c).rstrip("\n"))
        sep = SCRIPT_SEPARATORS.get(name, "\n\n\n")
        text = sep.join(parts) + "\n"
        (out_dir / f"{name}.py").write_bytes(text.encode(ENCODINGS.get(name, "utf-8")))


SCRIPT_SEPARATORS: dict[str, str] = {}
CASES: dict[str, list] = {}


def case(name: str, title: str, before: list = (), after: list = (), imports: str = IMPORTS, fmt: Fmt | None = None,
         outputs: dict | None = None, **kw) -> None:
    """A notebook: a title, the imports, ``before`` cells, the ten answers (``kw`` as for answers()), ``after``;
    ``outputs``: {text in a cell: the outputs it was saved with}."""
    cells = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]
    for needle, saved in (outputs or {}).items():
        k = next(i for i, c in enumerate(cells) if isinstance(c, str) and needle in c)
        cells[k] = C(cells[k], None, saved)
    CASES[name] = cells
    if fmt:
        FORMATS[name] = fmt


def script(name: str, before: list = (), after: list = (), imports: str = IMPORTS, **kw) -> None:
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


Q6_OUT = "q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]\n"

# ===============================================================================================================
# 1. Notebooks as other tools save them
# ===============================================================================================================
COLAB_META = {"accelerator": "GPU", "colab": {"gpuType": "T4", "provenance": [], "toc_visible": True},
              "kernelspec": {"display_name": "Python 3", "name": "python3"},
              "language_info": {"name": "python"}}


def colab_cell_meta(k, cell):
    meta = {"id": f"{'aBcDeFgHiJkLmNoP'[k % 16]}{k:03d}Xz9Q"}
    if cell["cell_type"] == "code":
        if "# @title" in cell["source"]:
            meta["cellView"] = "form"
        if cell["outputs"]:
            meta["colab"] = {"base_uri": "https://localhost:8080/"}
            meta["outputId"] = f"{k:08x}-1a2b-4c3d-9e8f-0123456789ab"
    return meta


COLAB_Q2 = d('''
    # @title Q2: output size of a convolution { display-mode: "form" }
    # @markdown Change the numbers to try other layers; the function below is the answer.
    size = 100  # @param {type:"integer"}
    kernel_size = 3  # @param {type:"slider", min:1, max:7, step:2}
    stride = 1  # @param [1, 2, 3] {type:"raw"}
    padding = 1  # @param {type:"number"}


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """Height (= width) of a Conv2d's output."""
        padded = size + 2 * padding
        if kernel_size > padded:
            raise ValueError(f"kernel {kernel_size} does not fit in {padded}")
        return (padded - kernel_size) // stride + 1


    print(conv_output_size(size, kernel_size, stride, padding))
    ''')
COLAB_Q1 = d('''
    q1_answer = "C"  # @param ["A", "B", "C"]
    ''')
COLAB_Q9 = d('''
    # @title Q9 { run: "auto" }
    statement_C = True  # @param {type:"boolean"}
    q9_true = {letter for letter, true in {"A": False, "B": False, "C": statement_C, "D": False, "E": False}.items() if true}
    ''')
case("r38_nb_colab_2025_form_fields_cellview_outputid", "Saved by Google Colab (forms with `# @title` and `# @param`).",
     before=[C("!nvidia-smi -L\n!pip -q install torchsummary", None, [stream("GPU 0: Tesla T4 (UUID: GPU-1)\n")])],
     q1=COLAB_Q1, q2=COLAB_Q2, q9=COLAB_Q9, outputs={"# @title Q2": [stream("100\n")]},
     fmt=Fmt(metadata=COLAB_META, minor=0, ids=None, counts=False, cell_meta=colab_cell_meta, indent=0))

DEVICE = d('''
    device = "cuda" if torch.cuda.is_available() else "cpu"
    print(f"{device=}")
    ''')
DEVICE_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))


    model = CNN().to(device)
    model.eval()
    with torch.inference_mode():
        print(model(torch.rand(4, 1, 100, 100, device=device)).shape)
    ''')
DEVICE_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU(inplace=True))


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.head = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.head(torch.flatten(self.blocks(x), start_dim=1))


    net = ConvNet(3).to(device).eval()
    with torch.inference_mode():
        print(net(torch.rand(2, 3, 128, 128, device=device)).shape)
    ''')
case("r38_nb_colab_gpu_runtime_device_moves", "Colab, GPU runtime: everything moved to `device`.",
     before=[DEVICE], q7=DEVICE_Q7, q8=DEVICE_Q8,
     fmt=Fmt(metadata=COLAB_META, minor=0, ids=None, cell_meta=colab_cell_meta, indent=2))

KAGGLE_META = {"kaggle": {"accelerator": "none", "dataSources": [], "dockerImageVersionId": 30918,
                          "isGpuEnabled": False, "isInternetEnabled": True, "language": "python",
                          "sourceType": "notebook"},
               "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
               "language_info": KERNEL["language_info"],
               "papermill": {"default_parameters": {}, "duration": 41.2, "end_time": "2026-11-20T10:01:02.5",
                             "environment_variables": {}, "exception": None, "input_path": "__notebook__.ipynb",
                             "output_path": "__notebook__.ipynb", "parameters": {},
                             "start_time": "2026-11-20T10:00:21.3", "version": "2.6.0"}}


def kaggle_cell_meta(k, cell):
    meta = {"papermill": {"duration": 0.01 * (k + 1), "end_time": "2026-11-20T10:00:22.0", "exception": False,
                          "start_time": "2026-11-20T10:00:21.9", "status": "completed"}}
    if cell["cell_type"] == "code":
        meta["execution"] = {"iopub.execute_input": "2026-11-20T10:00:21.9Z", "iopub.status.busy": "2026-11-20T10:00:21.9Z",
                             "iopub.status.idle": "2026-11-20T10:00:22.0Z", "shell.execute_reply": "2026-11-20T10:00:22.0Z"}
        meta["trusted"] = True
        if cell["source"].startswith("# Parameters"):
            meta["tags"] = ["injected-parameters"]
        elif cell["source"].startswith("SEED ="):
            meta["tags"] = ["parameters"]
    return meta


KAGGLE_FIRST = d('''
    # This Python 3 environment comes with many helpful analytics libraries installed
    import os
    for dirname, _, filenames in os.walk('/kaggle/input'):
        for filename in filenames:
            print(os.path.join(dirname, filename))
    ''')
case("r38_nb_kaggle_papermill_parameters_cells", "Committed on Kaggle (papermill metadata, a parameters cell).",
     before=[KAGGLE_FIRST, "SEED = 0\nN_CHECKS = 3\n", "# Parameters\nSEED = 42\n",
             "torch.manual_seed(SEED)\nnp.random.seed(SEED)\n"],
     fmt=Fmt(metadata=KAGGLE_META, minor=4, ids="short", cell_meta=kaggle_cell_meta, indent=4))


def nbgrader_cell_meta(k, cell):
    if cell["cell_type"] != "code":
        return {"deletable": False, "editable": False, "nbgrader": {"cell_type": "markdown", "checksum": f"{k:032x}",
                "grade": False, "grade_id": f"md-{k}", "locked": True, "schema_version": 3, "solution": False,
                "task": False}}
    return {"deletable": False, "nbgrader": {"cell_type": "code", "checksum": f"{k * 7:032x}", "grade": False,
            "grade_id": f"cell-{k:04x}", "locked": False, "schema_version": 3, "solution": True, "task": False}}


NBG_META = dict(KERNEL, **{"toc": {"base_numbering": 1, "nav_menu": {}, "number_sections": True,
                                   "sideBar": True, "skip_h1_title": False, "toc_cell": False}})
case("r38_nb_nbgrader_cell_metadata_toc", "Released with nbgrader (locked cells, solution cells, checksums).",
     q2=d('''
         def conv_output_size(size, kernel_size, stride=1, padding=0):
             # YOUR CODE HERE
             out = (size + 2 * padding - kernel_size) // stride + 1
             if out < 1:
                 raise ValueError("the kernel does not fit")
             return out
         '''),
     fmt=Fmt(metadata=NBG_META, minor=4, ids="short", cell_meta=nbgrader_cell_meta))


def lab4_cell_meta(k, cell):
    if cell["cell_type"] == "markdown":
        return {"jp-MarkdownHeadingCollapsed": True} if k % 3 == 0 else {}
    meta = {"execution": {"iopub.execute_input": f"2026-11-21T09:{k:02d}:00.100Z",
                          "iopub.status.busy": f"2026-11-21T09:{k:02d}:00.090Z",
                          "iopub.status.idle": f"2026-11-21T09:{k:02d}:00.350Z",
                          "shell.execute_reply": f"2026-11-21T09:{k:02d}:00.340Z",
                          "shell.execute_reply.started": f"2026-11-21T09:{k:02d}:00.101Z"}}
    if k % 4 == 1:
        meta["tags"] = ["hide-input"]
    if k % 5 == 2:
        meta["scrolled"] = True
        meta["collapsed"] = False
    return meta


case("r38_nb_jupyterlab4_execute_time_tags_collapsed", "JupyterLab 4 with the execute-time extension.",
     fmt=Fmt(minor=5, ids="uuid", cell_meta=lab4_cell_meta),
     extra7=(C("model = CNN()\nmodel", None, [("result", "CNN(\n  (main): Sequential(...)\n)", 0)]),))

VSCODE_META = dict(KERNEL, vscode={"interpreter": {"hash": "3f1c0a4b5e2d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"}})
VSCODE_META["kernelspec"] = {"display_name": ".venv", "language": "python", "name": "python3"}
case("r38_nb_vscode_windows_crlf_json_file", "VS Code on Windows: the file itself saved with CRLF line endings.",
     q6=("loops_zeros", "python_max", "list"),
     fmt=Fmt(metadata=VSCODE_META, minor=2, ids="uuid", eol="\r\n",
             cell_meta=lambda k, c: {"vscode": {"languageId": "python"}} if c["cell_type"] == "code" else {}))

BIG_PLOT = d('''
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(12, 4))
    x = torch.rand(1, 1, 100, 100)
    with torch.no_grad():
        a1 = CNN().main[:3](x)
    axes[0].imshow(x[0, 0], cmap="gray")
    for c in range(2):
        axes[c + 1].imshow(a1[0, c], cmap="viridis")
    plt.show()
    ''')
case("r38_nb_saved_figures_over_one_mebibyte", "Feature maps plotted, the figures saved in the notebook (over 1 MiB).",
     extra7=tuple(C(BIG_PLOT, None, [png(300)]) for _ in range(4)))

LOG_LINES = "".join(f"epoch {e:3d} step {s:2d} loss {1 / (1 + e + s / 10):.4f}\n" for e in range(160) for s in range(25))
TRAIN = d('''
    torch.manual_seed(0)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=1e-3)
    xs, ys = torch.rand(64, 1, 100, 100), torch.rand(64, 1)
    for epoch in range(2):
        for step in range(4):
            loss = F.mse_loss(model(xs[step * 16:(step + 1) * 16]), ys[step * 16:(step + 1) * 16])
            opt.zero_grad()
            loss.backward()
            opt.step()
            print(f"epoch {epoch:3d} step {step:2d} loss {loss.item():.4f}")
    ''')
case("r38_nb_long_saved_training_log_over_3000_lines", "A training log left in the saved outputs (over 3000 lines).",
     extra7=(C(TRAIN, None, [stream(LOG_LINES)]),))

case("r38_nb_sources_one_string_empty_cells", "Sources saved as one string each, empty cells left in.",
     before=["", "   \n", "# (nothing here yet)\n"], after=["", "\n\n"],
     fmt=Fmt(minor=5, ids="short", source="string"))

case("r38_nb_written_on_one_line_by_json_dump", "Assembled by a script: the whole notebook on one line.",
     fmt=Fmt(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}, minor=4, ids=None,
             indent=None, sort_keys=False, trailing_newline=False))

case("r38_nb_nbstripout_no_metadata_no_counts", "Cleaned by nbstripout: no metadata, no counts, no outputs.",
     fmt=Fmt(metadata={}, minor=4, ids=None, counts=False))

CONDA_META = {"kernelspec": {"display_name": "Python [conda env:dl-course]", "language": "python",
                             "name": "conda-env-dl-course-py"},
              "language_info": KERNEL["language_info"],
              "jupytext": {"formats": "ipynb,py:percent", "text_representation": {"extension": ".py",
                           "format_name": "percent", "format_version": "1.3", "jupytext_version": "1.16.4"}}}
case("r38_nb_conda_kernel_jupytext_paired_ascii_escaped", "Paired with jupytext, a conda kernel; JSON with \\u escapes.",
     q1='q1_answer = "C"  # 3×3 filter on 4×4 → 2×2 (größe: n − k + 1)\n',
     fmt=Fmt(metadata=CONDA_META, minor=4, ids="uuid", ascii=True))

FULLWIDTH_Q6 = d('''
    # 入力画像をゼロで埋めてから、カーネルを一つずつずらす
    def conv2d(image, kernel, stride=1, padding=0):
        Ｈ, Ｗ = image.shape            # IMEのまま全角で打ってしまった (Python は NFKC で H, W と読む)
        ｋh, ｋw = kernel.shape
        pad = torch.zeros(Ｈ + 2 * padding, Ｗ + 2 * padding, dtype=image.dtype)
        pad[padding:padding + H, padding:padding + W] = image
        出力 = torch.zeros((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1,
                          dtype=image.dtype)
        for i in range(出力.shape[0]):
            for j in range(出力.shape[1]):
                窓 = pad[i * stride:i * stride + kh, j * stride:j * stride + kw]
                出力[i, j] = (窓 * kernel).sum()
        return 出力
    ''')
case("r38_nb_fullwidth_identifiers_nfkc_japanese", "Japanese comments, full-width identifiers typed with the IME on.",
     q6=(FULLWIDTH_Q6, "loops", "tensor"))

# ===============================================================================================================
# 2. Scripts from other tools
# ===============================================================================================================
script("r38_py_databricks_exported_source", before=["# MAGIC %md\n# MAGIC # Lab 6 - CNNs\n# MAGIC Exported from Databricks.\n"],
       imports="# Databricks notebook source\n" + IMPORTS)
SCRIPT_SEPARATORS["r38_py_databricks_exported_source"] = "\n\n# COMMAND ----------\n\n"

script("r38_py_cp1252_coding_cookie_windows",
       imports="# -*- coding: cp1252 -*-\n# Übung 6 – Faltungsnetze (gespeichert mit Notepad++ in ANSI)\n" + IMPORTS,
       q1='q1_answer = "C"  # Ausgabe: 2×2 – „Größe“ n - k + 1\n')
ENCODINGS["r38_py_cp1252_coding_cookie_windows"] = "cp1252"

# ===============================================================================================================
# 3. An AI assistant's habits
# ===============================================================================================================
AI_HEAD = d('''
    """Lab 6: convolutional networks.

    All answers are module-level names; helper functions are typed and documented.
    """
    from __future__ import annotations

    import enum
    import logging
    import math
    from dataclasses import dataclass
    from typing import Final, Protocol, Sequence

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    __all__ = ["q1_answer", "conv_output_size", "q3_shapes", "q3_flatten_features", "conv2d", "max_pool2d",
               "CNN", "conv_block", "ConvNet", "q9_true", "q10_answers"]

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logger = logging.getLogger("lab6")
    ''')
AI_Q2 = d('''
    def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
        """Return the output height (= width) of a square convolution.

        >>> conv_output_size(100, 3, padding=1)
        100
        >>> conv_output_size(4, 3)
        2
        """
        if (padded := size + 2 * padding) < kernel_size:
            raise ValueError(f"kernel {kernel_size=} larger than padded input {padded=}")
        return (padded - kernel_size) // stride + 1


    assert conv_output_size(28, 5) == 24, "sanity check failed"
    logger.info("q2 ok: %s", f"{conv_output_size(32, 3, stride=2, padding=1)=}")
    ''')
AI_Q3 = d('''
    @dataclass(frozen=True, slots=True)
    class Shape:
        channels: int
        height: int
        width: int

        def as_tuple(self) -> tuple[int, int, int]:
            return (self.channels, self.height, self.width)


    def walk(shape: Shape, layers: Sequence[tuple[str, int]]) -> list[Shape]:
        shapes: list[Shape] = []
        for kind, value in layers:
            match kind:
                case "conv":
                    side = conv_output_size(shape.height, 3, padding=1)
                    shape = Shape(value, side, side)
                case "pool":
                    shape = Shape(shape.channels, shape.height // value, shape.width // value)
                case _:
                    raise ValueError(kind)
            shapes.append(shape)
        return shapes


    _walked = walk(Shape(1, 100, 100), [("conv", 3), ("pool", 2), ("conv", 2), ("pool", 2)])
    q3_shapes: Final = [s.as_tuple() for s in _walked]
    q3_flatten_features: Final[int] = math.prod(q3_shapes[-1])
    print(f"{q3_shapes=} {q3_flatten_features=}")
    ''')
AI_Q6 = d('''
    class Tensor2D(Protocol):
        shape: torch.Size

        def __getitem__(self, index: object) -> torch.Tensor: ...


    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        """Cross-correlate a 2-D image with a 2-D kernel (no flip), as ``F.conv2d`` does.

        >>> conv2d(torch.ones(3, 3), torch.ones(2, 2)).tolist()
        [[4.0, 4.0], [4.0, 4.0]]
        """
        (h, w), (kh, kw) = image.shape, kernel.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        out_h, out_w = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = image.new_empty(out_h, out_w)
        for i in range(out_h):
            for j in range(out_w):
                top, left = i * stride, j * stride
                out[i, j] = (padded[top:top + kh, left:left + kw] * kernel).sum()
        return out


    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        """Non-overlapping max pooling.

        >>> max_pool2d(torch.arange(16.).reshape(4, 4)).tolist()
        [[5.0, 7.0], [13.0, 15.0]]
        """
        k = kernel_size
        rows, cols = image.shape[0] // k, image.shape[1] // k
        return torch.stack([torch.stack([image[r * k:(r + 1) * k, c * k:(c + 1) * k].max() for c in range(cols)])
                            for r in range(rows)])


    q6_output: Final = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

    import doctest
    doctest.testmod(verbose=False)
    ''')
AI_Q78 = d('''
    class Activation(enum.StrEnum):
        RELU = "relu"
        IDENTITY = "identity"


    def activation(kind: Activation) -> nn.Module:
        match kind:
            case Activation.RELU:
                return nn.ReLU()
            case Activation.IDENTITY:
                return nn.Identity()


    class CNN(nn.Module):
        """The pooled CNN of question 3."""

        def __init__(self) -> None:
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), activation(Activation.RELU), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), activation(Activation.RELU), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(q3_flatten_features, 1),
            )

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.main(x)


    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                             activation(Activation.RELU))


    class ConvNet(nn.Module):
        WIDTH: Final = 3
        DEPTH: Final = 5
        SIDE: Final = 128

        def __init__(self, input_channels: int) -> None:
            super().__init__()
            channels = [input_channels, *[self.WIDTH] * self.DEPTH]
            self.features = nn.Sequential(*(conv_block(a, b) for a, b in zip(channels, channels[1:])))
            self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(self.WIDTH * self.SIDE ** 2, 1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.classifier(self.features(x))


    for c in (1, 3):
        assert (y := ConvNet(c)(torch.zeros(2, c, 128, 128))).shape == (2, 1), y.shape
    logger.info("models ok")
    ''')
CASES["r38_nb_ai_assistant_typed_protocol_strenum_match_doctest"] = [
    md("# Lab 6 - CNNs\nWritten with an AI assistant's habits."), AI_HEAD,
    hdr(1), 'q1_answer: Final[str] = "C"\n', hdr(2), AI_Q2, hdr(3), AI_Q3,
    hdr(4), d('''
        def conv2d_params(in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True) -> int:
            kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
            return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


        def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
            return in_features * out_features + (out_features if bias else 0)


        q4_conv_params: Final = conv2d_params(3, 3, 3)
        q4_cnn_params: Final = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
        _widths: Final = (128 * 128, 256, 128, 64, 32, 16, 1)
        q4_fcnn_params: Final = sum(linear_params(a, b) for a, b in zip(_widths, _widths[1:]))
        print(f"{q4_conv_params=}, {q4_cnn_params=}, {q4_fcnn_params=}")
        '''),
    AI_Q6, AI_Q78, hdr(9), 'q9_true: Final[frozenset[str]] = frozenset({"C"})\n', hdr(10),
    "q10_answers: Final[dict[int, bool]] = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}\n",
    SHAPES]

CASES["r38_py_ai_assistant_module_main_guard"] = [
    c for c in CASES["r38_nb_ai_assistant_typed_protocol_strenum_match_doctest"] if not isinstance(c, tuple)
] + [d('''
    def main() -> None:
        """Run the self-checks (``python lab6.py``)."""
        logger.info("q1=%s q3=%s", q1_answer, q3_shapes)
        x = torch.randn(7, 9)
        k = torch.randn(3, 2)
        torch.testing.assert_close(conv2d(x, k, stride=2, padding=1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0])
        torch.testing.assert_close(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0])
        logger.info("all self-checks passed")


    if __name__ == "__main__":
        main()
    ''')]

# ===============================================================================================================
# 4. torch's parts imported by name (the rule added after attack round 47)
# ===============================================================================================================
VERSION_CELL = d('''
    import sys
    from torch import __version__ as torch_version
    from numpy import __version__ as numpy_version

    print(f"Python {sys.version.split()[0]}, torch {torch_version}, numpy {numpy_version}")
    ''')
case("r38_nb_versions_from_torch_import_version", "Versions printed first, as the course template asks.",
     before=[VERSION_CELL])

SIZE_2_T = d('''
    from torch.nn.common_types import _size_2_t


    def conv_output_size(size: int, kernel_size: _size_2_t, stride: _size_2_t = 1, padding: _size_2_t = 0) -> int:
        """Like torch's own layers, the arguments are typed with torch's `_size_2_t` (an int or a pair)."""
        def first(v: _size_2_t) -> int:
            return v if isinstance(v, int) else v[0]
        n, k, s, p = size, first(kernel_size), first(stride), first(padding)
        if k > n + 2 * p:
            raise ValueError("kernel larger than the padded input")
        return (n + 2 * p - k) // s + 1
    ''')
case("r38_nb_q2_typed_with_torch_size_2_t", "q2 typed like torch's own layers (`_size_2_t`).", q2=SIZE_2_T)

LRS_TRAIN = d('''
    from torch.optim.lr_scheduler import StepLR, _LRScheduler


    def train(model: nn.Module, opt: torch.optim.Optimizer, sched: _LRScheduler, steps: int = 3) -> list[float]:
        xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        losses = []
        for _ in range(steps):
            loss = F.mse_loss(model(xs), ys)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
        return losses


    net = CNN()
    sgd = torch.optim.SGD(net.parameters(), lr=0.01)
    print(train(net, sgd, StepLR(sgd, step_size=1, gamma=0.5)))
    ''')
case("r38_nb_training_helper_typed_lrscheduler_base", "A short training run, the scheduler typed `_LRScheduler`.",
     extra7=(LRS_TRAIN,))

# ===============================================================================================================
# 5. Models written otherwise
# ===============================================================================================================
CONFIG_Q7 = d('''
    ARCH = [
        ("conv", {"in_channels": 1, "out_channels": 3, "kernel_size": 3, "padding": 1}),
        ("relu", {}),
        ("pool", {"kernel_size": 2}),
        ("conv", {"in_channels": 3, "out_channels": 2, "kernel_size": 3, "padding": 1}),
        ("relu", {}),
        ("pool", {"kernel_size": 2}),
        ("flatten", {}),
        ("linear", {"in_features": 1250, "out_features": 1}),
    ]


    def build(spec):
        layers = []
        for kind, kwargs in spec:
            match kind:
                case "conv":
                    layers.append(nn.Conv2d(**kwargs))
                case "relu":
                    layers.append(nn.ReLU())
                case "pool":
                    layers.append(nn.MaxPool2d(**kwargs))
                case "flatten":
                    layers.append(nn.Flatten())
                case "linear":
                    layers.append(nn.Linear(**kwargs))
                case other:
                    raise ValueError(f"unknown layer {other!r}")
        return nn.Sequential(*layers)


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = build(ARCH)

        def forward(self, x):
            return self.net(x)
    ''')
CONFIG_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return build([("conv", {"in_channels": input_channels, "out_channels": output_channels, "kernel_size": 3,
                                "padding": 1}), ("relu", {})])


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.head = build([("flatten", {}), ("linear", {"in_features": 3 * 128 * 128, "out_features": 1})])

        def forward(self, x):
            return self.head(self.body(x))
    ''')
case("r38_nb_models_from_config_list_match_builder", "Both networks built from a list of (kind, kwargs) with `match`.",
     q7=CONFIG_Q7, q8=CONFIG_Q8)

EXPLICIT_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3, stride=1, padding=1, dilation=1,
                                   groups=1, bias=True, padding_mode="zeros", device=None, dtype=None)
            self.relu1 = nn.ReLU(inplace=False)
            self.pool1 = nn.MaxPool2d(kernel_size=2, stride=None, padding=0, dilation=1, return_indices=False,
                                      ceil_mode=False)
            self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3, stride=1, padding=1, dilation=1,
                                   groups=1, bias=True, padding_mode="zeros", device=None, dtype=None)
            self.relu2 = nn.ReLU(inplace=False)
            self.pool2 = nn.MaxPool2d(kernel_size=2, stride=None, padding=0, dilation=1, return_indices=False,
                                      ceil_mode=False)
            self.flatten = nn.Flatten(start_dim=1, end_dim=-1)
            self.fc = nn.Linear(in_features=1250, out_features=1, bias=True, device=None, dtype=None)

        def forward(self, x):
            x = self.pool1(self.relu1(self.conv1(x)))
            x = self.pool2(self.relu2(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''')
POSITIONAL_Q8 = d('''
    def conv_block(input_channels, output_channels):
        # Conv2d(in, out, kernel_size, stride, padding, dilation, groups, bias, padding_mode)
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1, 1, 1, True, "zeros"), nn.ReLU(False))


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                        conv_block(3, 3), conv_block(3, 3))
            self.flatten = nn.Flatten(1, -1)
            self.linear = nn.Linear(49152, 1, True)

        def forward(self, x):
            return self.linear(self.flatten(self.blocks(x)))
    ''')
case("r38_nb_every_argument_spelled_out_or_positional", "Every layer argument written out (q7) or positional (q8).",
     q7=EXPLICIT_Q7, q8=POSITIONAL_Q8)

TUPLE_ARGS_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=[3, 3], stride=(1, 1), padding=(1, 1)),
                nn.ReLU(),
                nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
                nn.Conv2d(3, 2, kernel_size=[3, 3], stride=(1, 1), padding=(1, 1)),
                nn.ReLU(),
                nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
                nn.Flatten(),
                nn.Linear(2 * 25 * 25, 1),
            )

        def forward(self, x):
            return self.main(x)
    ''')
APPEND_Q8 = d('''
    def conv_block(input_channels, output_channels):
        block = nn.Sequential()
        block.append(nn.Conv2d(input_channels, output_channels, 3, padding=1))
        block.append(nn.ReLU())
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(3, 3), conv_block(3, 3))
            self.main.insert(0, conv_block(input_channels, 3))
            self.main.extend([conv_block(3, 3), conv_block(3, 3)])
            self.main.append(nn.Flatten())
            self.main.append(nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)
    ''')
case("r38_nb_tuple_list_kernel_args_sequential_insert_extend", "Kernel sizes as lists and tuples; `Sequential.insert/extend/append`.",
     q7=TUPLE_ARGS_Q7, q8=APPEND_Q8)

INIT_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self, seed: int | None = 0):
            super().__init__()
            if seed is not None:
                torch.manual_seed(seed)
            self.features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(2),
                                          nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(2))
            self.classifier = nn.Linear(1250, 1)
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    nn.init.zeros_(m.bias)
                elif isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, 0, 0.01)
                    nn.init.constant_(m.bias, 0.0)

        def forward(self, x):
            return self.classifier(self.features(x).flatten(1))
    ''')
INIT_Q8 = d('''
    def conv_block(input_channels, output_channels):
        conv = nn.Conv2d(input_channels, output_channels, 3, padding=1)
        nn.init.kaiming_uniform_(conv.weight, a=0, nonlinearity="relu")
        nn.init.zeros_(conv.bias)
        return nn.Sequential(conv, nn.ReLU(True))


    class ConvNet(nn.Module):
        def __init__(self, input_channels, *, width: int = 3, depth: int = 5, side: int = 128):
            super().__init__()
            blocks = [conv_block(input_channels, width)] + [conv_block(width, width) for _ in range(depth - 1)]
            self.features = nn.Sequential(*blocks)
            self.head = nn.Linear(width * side * side, 1)
            nn.init.xavier_uniform_(self.head.weight)

        def forward(self, x):
            return self.head(self.features(x).flatten(1))


    torch.manual_seed(0)
    with torch.inference_mode():
        print(ConvNet(1).eval()(torch.rand(1, 1, 128, 128)))
    ''')
case("r38_nb_kaiming_init_loops_seed_in_constructor", "He initialisation by hand, a seed argument, keyword-only options.",
     q7=INIT_Q7, q8=INIT_Q8)

METHODS_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.c1 = nn.Conv2d(1, 3, 3, padding=1)
            self.c2 = nn.Conv2d(3, 2, 3, padding=1)
            self.out = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(self.c1(x).relu(), kernel_size=2, stride=2)
            x = F.max_pool2d(self.c2(x).relu(), kernel_size=2, stride=2)
            x = x.reshape(x.shape[0], -1)
            return self.out(x)
    ''')
METHODS_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            for i in range(5):
                self.add_module(f"block{i + 1}", conv_block(input_channels if i == 0 else 3, 3))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            for i in range(5):
                x = self.get_submodule(f"block{i + 1}")(x)
            return self.fc(x.view(x.size(0), -1))
    ''')
case("r38_nb_relu_method_get_submodule_view", "`tensor.relu()`, `F.max_pool2d` with keywords, `get_submodule` in forward.",
     q7=METHODS_Q7, q8=METHODS_Q8)

SUMMARY_CELL = d('''
    from torchsummary import summary

    summary(CNN(), input_size=(1, 100, 100), device="cpu")
    summary(ConvNet(3), (3, 128, 128), batch_size=2, device="cpu")
    ''')
OLDSTYLE_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self):
            nn.Module.__init__(self)
            self.layer1 = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.layer2 = nn.Sequential(nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            out = self.layer1(x)
            out = self.layer2(out)
            out = out.view(-1, 1250)
            return self.fc(out)
    ''')
OLDSTYLE_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super(ConvNet, self).__init__()
            layers = []
            in_c = input_channels
            for _ in range(5):
                layers += [conv_block(in_c, 3)]
                in_c = 3
            self.conv = nn.Sequential(*layers)
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.conv(x).view(-1, 3 * 128 * 128))
    ''')
case("r38_nb_old_style_module_init_view_minus_one_summary", "2018-tutorial style: `nn.Module.__init__(self)`, `view(-1, n)`, torchsummary.",
     q7=OLDSTYLE_Q7, q8=OLDSTYLE_Q8, extra8=(SUMMARY_CELL,))

DUMMY_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels, image_size=128):
            super().__init__()
            self.features = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                                          nn.Flatten())
            with torch.inference_mode():
                n_flat = self.features(torch.zeros(1, input_channels, image_size, image_size)).shape[1]
            self.fc = nn.Linear(n_flat, 1)

        def forward(self, x):
            return self.fc(self.features(x))
    ''')
DUMMY_Q7 = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                                          nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)))
            dummy = torch.empty(1, 1, 100, 100)
            with torch.no_grad():
                n_flat = self.features(dummy).numel()
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(n_flat, 1))

        def forward(self, x):
            return self.head(self.features(x))
    ''')
case("r38_nb_in_features_from_dummy_pass_inference_mode", "`in_features` measured with a dummy pass in the constructor.",
     q7=DUMMY_Q7, q8=DUMMY_Q8)

LIST_CONCAT_Q7 = d('''
    def stage(c_in: int, c_out: int) -> list[nn.Module]:
        return [nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]


    class CNN(nn.Sequential):
        def __init__(self):
            super().__init__(*sum([stage(1, 3), stage(3, 2)], []), nn.Flatten(), nn.Linear(1250, 1))
    ''')
LIST_CONCAT_Q8 = d('''
    import itertools


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Sequential):
        def __init__(self, input_channels):
            widths = list(itertools.accumulate([input_channels] + [3] * 5, lambda a, b: b))
            super().__init__(*itertools.starmap(conv_block, itertools.pairwise(widths)), nn.Flatten(),
                             nn.Linear(49152, 1))
    ''')
case("r38_nb_sequential_subclasses_sum_lists_starmap_pairwise", "Networks that are `nn.Sequential` subclasses; `itertools.starmap`.",
     q7=LIST_CONCAT_Q7, q8=LIST_CONCAT_Q8)

# ===============================================================================================================
# 6. q6 by hand, other ways
# ===============================================================================================================
TAKE_CONV = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Gather every window with torch.take on flat indices, then multiply and sum."""
        kh, kw = kernel.shape
        x = F.pad(image, (padding, padding, padding, padding))
        H, W = x.shape
        oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
        rows = torch.arange(oh).view(oh, 1, 1, 1) * stride + torch.arange(kh).view(1, 1, kh, 1)
        cols = torch.arange(ow).view(1, ow, 1, 1) * stride + torch.arange(kw).view(1, 1, 1, kw)
        return (torch.take(x, rows * W + cols) * kernel).sum(dim=(2, 3))
    ''')
REDUCE_POOL = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        blocks = image[:h * k, :w * k].numpy().reshape(h, k, w, k).swapaxes(1, 2).reshape(h, w, k * k)
        return torch.from_numpy(np.maximum.reduce(blocks, axis=-1).copy())
    ''')
case("r38_nb_q6_torch_take_windows_np_maximum_reduce", "q6 with `torch.take` and `np.maximum.reduce`.",
     q6=(TAKE_CONV, REDUCE_POOL, Q6_OUT))

TOEPLITZ = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """The convolution as one matrix product: each row of T holds the kernel where a window sits."""
        kh, kw = kernel.shape
        x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        H, W = x.shape
        oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
        T = torch.zeros(oh * ow, H * W, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                for a in range(kh):
                    start = (i * stride + a) * W + j * stride
                    T[i * ow + j, start:start + kw] = kernel[a]
        return (T @ x.reshape(-1)).reshape(oh, ow)
    ''')
VMAP_POOL = d('''
    from torch.func import vmap


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        blocks = image[:h * k, :w * k].reshape(h, k, w, k).permute(0, 2, 1, 3)
        return vmap(vmap(torch.max))(blocks)
    ''')
case("r38_nb_q6_toeplitz_matmul_vmap_pool", "q6 as one matrix product; pooling with `torch.func.vmap`.",
     q6=(TOEPLITZ, VMAP_POOL, "tensor"))

RECURSIVE = d('''
    import operator
    import sys

    sys.setrecursionlimit(10_000)


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        x = F.pad(image, [padding] * 4).tolist()
        flat_k = kernel.flatten().tolist()
        oh, ow = (len(x) - kh) // stride + 1, (len(x[0]) - kw) // stride + 1

        def value(i, j):
            window = [v for row in x[i * stride:i * stride + kh] for v in row[j * stride:j * stride + kw]]
            return sum(map(operator.mul, window, flat_k))

        def rows(i):
            return [] if i == oh else [[value(i, j) for j in range(ow)]] + rows(i + 1)

        return torch.tensor(rows(0), dtype=image.dtype)


    def max_pool2d(image, kernel_size=2):
        def pool(block):  # recursive halving until one value is left
            if block.numel() == 1:
                return block.reshape(())
            flat = block.flatten()
            half = (flat.numel() + 1) // 2
            return torch.maximum(pool(flat[:half]), pool(flat[flat.numel() - half:]))

        k = kernel_size
        return torch.stack([torch.stack([pool(image[i:i + k, j:j + k]) for j in range(0, image.shape[1] - k + 1, k)])
                            for i in range(0, image.shape[0] - k + 1, k)])
    ''')
case("r38_nb_q6_recursion_operator_mul_lists", "q6 with recursion over rows, `operator.mul` on lists, halving max.",
     q6=(RECURSIVE, "", "list"))

SHIFTED = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Vectorised: one strided slice of the padded image per kernel weight."""
        kh, kw = kernel.shape
        x = F.pad(image, (padding,) * 4)
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for a, b in itertools.product(range(kh), range(kw)):
            out += kernel[a, b] * x[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k * k, image.shape[1] // k * k
        return torch.stack([image[a:h:k, b:w:k] for a in range(k) for b in range(k)]).amax(dim=0)
    ''')
case("r38_nb_q6_shifted_slices_itertools_product_amax", "q6 vectorised over kernel positions (`itertools.product`).",
     imports=IMPORTS + "import itertools\n", q6=(SHIFTED, "", "numpy"))

# ===============================================================================================================
# 7. Notebook habits: magics, help, display
# ===============================================================================================================
MAGICS_HEAD = d('''
    %load_ext autoreload
    %autoreload 2
    %matplotlib inline
    %config InlineBackend.figure_format = "retina"
    %precision 3
    %pprint
    %env CUBLAS_WORKSPACE_CONFIG=:4096:8
    ''')
case("r38_nb_magics_precision_pprint_env_who_help", "Magics a student leaves in: `%precision`, `%pprint`, `%env`, `%who`, `?`.",
     before=[MAGICS_HEAD],
     extra6=("%%time\nprint(conv2d(torch.rand(30, 30), torch.rand(3, 3), padding=1).shape)\n",
             "%timeit -n1 -r1 max_pool2d(torch.rand(40, 40))\n", "conv2d?\n", "%who function\n"),
     extra8=("%who_ls\n", "ConvNet??\n", "%lsmagic\n"))

DISPLAY_NO_IMPORT = d('''
    # `display` is a builtin in Jupyter: no import
    display(CNN())
    display(q3_shapes, q3_flatten_features)
    ''')
case("r38_nb_display_builtin_without_import_semicolons", "`display` used without importing it; lines ending in `;`.",
     extra7=(DISPLAY_NO_IMPORT, "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3]);\nplt.title('x');\n"),
     q10='q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False};\n')

# ===============================================================================================================
# 8. Answer forms
# ===============================================================================================================
case("r38_nb_q2_len_of_range_q3_numpy_rows", "q2 as the length of a `range`; q3 as rows of a NumPy array.",
     q2=d('''
         def conv_output_size(size, kernel_size, stride=1, padding=0):
             """How many positions the kernel's top-left corner can take."""
             positions = range(0, size + 2 * padding - kernel_size + 1, stride)
             if kernel_size > size + 2 * padding:
                 raise ValueError("kernel larger than the padded input")
             return len(positions)
         '''),
     q3=d('''
         table = np.array([[3, 100, 100], [3, 50, 50], [2, 50, 50], [2, 25, 25]])
         q3_shapes = [tuple(row) for row in table]
         q3_flatten_features = int(np.prod(table[-1]))
         '''))

case("r38_nb_q4_counts_numpy_int64_q10_numpy_bools_array", "Counts as NumPy integers, q10 from a boolean array.",
     q4=d('''
         fc_sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1], dtype=np.int64)
         q4_conv_params = np.int64(3 * 3 * 3 * 3 + 3)
         q4_cnn_params = np.int64(1 * 3 * 9 + 3) + np.int64(3 * 2 * 9 + 2) + np.int64(1250 + 1)
         q4_fcnn_params = (fc_sizes[:-1] * fc_sizes[1:] + fc_sizes[1:]).sum()
         print(type(q4_fcnn_params), q4_fcnn_params)
         '''),
     q10=d('''
         truths = np.array([True, False, True, True, False, False, True, False])
         q10_answers = {i + 1: t for i, t in enumerate(truths)}
         '''))


# ===============================================================================================================
# 9. More habits: seeding helpers, self-checks, registries, configs
# ===============================================================================================================
SEED_ALL = d('''
    import os
    import random


    def seed_everything(seed: int = 42) -> None:
        """The usual Kaggle helper: every generator seeded, cuDNN deterministic."""
        random.seed(seed)
        os.environ["PYTHONHASHSEED"] = str(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False


    seed_everything(42)
    torch.use_deterministic_algorithms(True, warn_only=True)
    ''')
case("r38_nb_seed_everything_helper_deterministic", "The `seed_everything` helper from Kaggle kernels, called first.",
     before=[SEED_ALL])

SELF_CHECKS = d('''
    import time
    from contextlib import contextmanager


    @contextmanager
    def timer(label: str):
        start = time.perf_counter()
        yield
        print(f"{label}: {(time.perf_counter() - start) * 1e3:.1f} ms")


    rng = np.random.default_rng(0)
    for stride, padding in [(1, 0), (2, 1), (3, 2)]:
        x = torch.from_numpy(rng.standard_normal((9, 11)).astype(np.float32))
        k = torch.from_numpy(rng.standard_normal((3, 2)).astype(np.float32))
        with timer(f"conv2d stride={stride} padding={padding}"):
            mine = conv2d(x, k, stride=stride, padding=padding)
        ref = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
        np.testing.assert_allclose(mine.numpy(), ref.numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(max_pool2d(torch.arange(16.).reshape(4, 4)).numpy(), [[5, 7], [13, 15]])
    print("self-checks passed")
    ''')
case("r38_nb_np_testing_self_checks_contextmanager_timer", "Self-checks with `np.testing` and a timing context manager.",
     extra6=(SELF_CHECKS,))

CFG_Q8 = d('''
    from dataclasses import asdict, dataclass

    from typing_extensions import Self, override


    @dataclass(slots=True, kw_only=True, frozen=True)
    class NetConfig:
        width: int = 3
        depth: int = 5
        side: int = 128

        def with_width(self, width: int) -> Self:
            return NetConfig(width=width, depth=self.depth, side=self.side)


    CONFIG = NetConfig()
    print(asdict(CONFIG))


    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int, config: NetConfig = CONFIG) -> None:
            super().__init__()
            w = config.width
            self.blocks = nn.Sequential(conv_block(input_channels, w), *[conv_block(w, w) for _ in range(config.depth - 1)])
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(w * config.side ** 2, 1))

        @override
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.head(self.blocks(x))
    ''')
case("r38_nb_slotted_kw_only_config_typing_extensions_override", "A slotted, keyword-only config; `@override` from typing_extensions.",
     q8=CFG_Q8)

REGISTRY_Q7 = d('''
    class Registered(nn.Module):
        """Every model class registers itself by name (so the training script can pick one with a flag)."""

        registry: dict[str, type] = {}

        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            Registered.registry[cls.__name__.lower()] = cls


    class CNN(Registered):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            return self.main(x)
    ''')
REGISTRY_Q8 = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(Registered):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                      nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)


    print(sorted(Registered.registry))
    model = Registered.registry["convnet"](3)
    ''')
case("r38_nb_model_registry_init_subclass", "Models that register themselves with `__init_subclass__`.",
     q7=REGISTRY_Q7, q8=REGISTRY_Q8)

PARAM_TABLE_Q4 = d('''
    def param_table(model: nn.Module) -> int:
        total = 0
        print(f"{'name':<22}{'shape':>16}{'count':>10}")
        for name, p in model.named_parameters():
            print(f"{name:<22}{str(tuple(p.shape)):>16}{p.numel():>10,}")
            total += p.numel()
        print(f"{'total':<22}{'':>16}{total:>10,}")
        return total


    q4_conv_params = param_table(nn.Conv2d(3, 3, kernel_size=(3, 3)))
    q4_cnn_params = param_table(nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                              nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                              nn.Flatten(), nn.Linear(1250, 1)))
    sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
    fcnn = nn.Sequential(*[m for a, b in zip(sizes, sizes[1:]) for m in (nn.Linear(a, b), nn.ReLU())][:-1])
    q4_fcnn_params = param_table(fcnn)
    ''')
case("r38_nb_q4_parameter_tables_fstring_alignment", "q4 counted from `named_parameters`, printed as aligned tables.",
     q4=PARAM_TABLE_Q4)

VERSION_PARSE = d('''
    from packaging.version import Version

    assert Version(torch.__version__.split("+")[0]) >= Version("2.0"), "this notebook needs torch 2"
    print("torch", torch.__version__, "numpy", np.__version__, "cuda", torch.version.cuda)
    ''')
case("r38_nb_versions_as_attributes_packaging_check", "Versions read as attributes and compared with `packaging`.",
     before=[VERSION_PARSE])

RAW_DRAFTS = [raw('q1_answer = "A"   # first guess, kept as a raw cell\nprint(undefined_name)'),
              raw("def conv2d(image, kernel):\n    return F.conv2d(image[None, None], kernel[None, None])[0, 0]  # draft")]
CASES["r38_nb_raw_cells_with_draft_code_between"] = [
    md("# Lab 6 - CNNs\nDrafts kept as raw cells (not run)."), IMPORTS, *RAW_DRAFTS, *answers(), SHAPES,
    raw("class CNN(nn.Module):\n    pass  # old version")]

TC_SCRIPT = d('''
    # %%
    from __future__ import annotations

    from typing import TYPE_CHECKING, overload

    if TYPE_CHECKING:
        from collections.abc import Sequence
    ''')
TC_Q5 = d('''
    # %% q5
    @overload
    def conv2d_params(in_channels: int, out_channels: int, kernel_size: int, bias: bool = ...) -> int: ...
    @overload
    def conv2d_params(in_channels: int, out_channels: int, kernel_size: tuple[int, int], bias: bool = ...) -> int: ...
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
        return out_channels * in_channels * kh * kw + out_channels * bias


    def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
        return (in_features + bias) * out_features


    def total(counts: Sequence[int]) -> int:
        return sum(counts)
    ''')
script("r38_py_percent_cells_type_checking_overload", imports=TC_SCRIPT + IMPORTS, q5=TC_Q5)

# ===============================================================================================================
# isolation copies
# ===============================================================================================================
ISO: dict[str, list] = {}
ISO_FORMATS: dict[str, Fmt] = {}


def iso(name: str, base: str, *changes: tuple[str, str]) -> None:
    """ISO[name] = CASES[base] with each (old, new) replaced in its code cells (every old must occur)."""
    found = {old: 0 for old, _ in changes}

    def edit(src: str) -> str:
        for old, new in changes:
            if old in src:
                found[old] += 1
                src = src.replace(old, new)
        return src

    def cell(c):
        if isinstance(c, str):
            return edit(c)
        if isinstance(c, tuple) and c[0] == "code":
            return ("code", edit(c[1]), *c[2:])
        return c

    cells = [cell(c) for c in CASES[base]]
    missing = [old for old, n in found.items() if not n]
    if missing:
        raise ValueError(f"{name}: not found in {base}: {missing}")
    ISO[name] = cells
    if base in FORMATS:
        ISO_FORMATS[name] = FORMATS[base]


_NB = "_nb_"
iso(f"iso{_NB}version_as_attribute", "r38_nb_versions_from_torch_import_version",
    ("from torch import __version__ as torch_version\n", "torch_version = torch.__version__\n"))
iso(f"iso{_NB}size_2_t_own_alias", "r38_nb_q2_typed_with_torch_size_2_t",
    ("from torch.nn.common_types import _size_2_t\n", "_size_2_t = int | tuple[int, int]\n"))
iso(f"iso{_NB}lrscheduler_public_name", "r38_nb_training_helper_typed_lrscheduler_base",
    ("_LRScheduler", "LRScheduler"))
iso(f"iso{_NB}registry_without_init_subclass", "r38_nb_model_registry_init_subclass",
    ("    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n"
     "        Registered.registry[cls.__name__.lower()] = cls\n", ""),
    ("print(sorted(Registered.registry))\n", "Registered.registry.update(cnn=CNN, convnet=ConvNet)\n"
     "print(sorted(Registered.registry))\n"))
iso(f"iso{_NB}registry_module_level_dict", "r38_nb_model_registry_init_subclass",
    ("    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n"
     "        Registered.registry[cls.__name__.lower()] = cls\n", ""),
    ("print(sorted(Registered.registry))\nmodel = Registered.registry[\"convnet\"](3)\n",
     "REGISTRY = {\"cnn\": CNN, \"convnet\": ConvNet}\nprint(sorted(REGISTRY))\nmodel = REGISTRY[\"convnet\"](3)\n"))
iso("iso_py_future_annotations_sequence_imported", "r38_py_percent_cells_type_checking_overload",
    ("if TYPE_CHECKING:\n    from collections.abc import Sequence\n", "from collections.abc import Sequence\n"))

def main(argv: list[str]) -> None:
    if "--iso" in argv:
        out_dir = Path(argv[argv.index("--iso") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
        FORMATS.update(ISO_FORMATS)
        for name, cells in ISO.items():
            write(out_dir, name, cells)
        print(len(ISO), "isolation copies written to", out_dir)
        return
    out_dir = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        write(out_dir, name, cells)
    print(len(CASES), "files written to", out_dir)


if __name__ == "__main__":
    main(sys.argv[1:])
