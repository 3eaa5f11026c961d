"""Round 32 of the fairness corpus: helper modules and files that ordinary notebooks and scripts write while they run.

Since attack round 39, code a submission writes to a file at run time is compiled only if its bytes are a text the
judge's reader read as a constant, and the reader refuses a file written with text it cannot read under a name a module
may have.  This round writes correct submissions that make and use files the ways students do: a module built with
``%%writefile`` and ``%%writefile -a``, written with ``open(...).write`` in one or two pieces, with ``Path.write_text`` of
a constant or of ``textwrap.dedent(...)``, a package folder with an ``__init__.py``, a ``src/`` folder put on
``sys.path``, ``from helpers import *``, ``importlib.reload`` after a module is written again, self-tests written to a
``test_*.py`` and run with ``unittest`` or ``pytest.main``, a script that writes the module it imports; and, beside a
written module, the data files of an ordinary run: a training log, a CSV of counts, a log file handler, answers written
as text, a checkpoint copied, replaced atomically or kept in a temporary file, ``np.savez``, ``glob``, figures,
``os.chdir`` into an outputs folder and back.  q1-q5, q9, q10 reuse round 26's snippets where nothing new is tried there.

    python tests/corpus/fair/_make_r32.py            # rewrites tests/corpus/fair/r32_*
    python tests/corpus/fair/_make_r32.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r32.py --iso DIR  # isolation copies for _r32_findings.md (not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat import v4

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402  (cell kinds, answers() over round 26's snippets)

d = r30.d
md, raw, C, out, result, error, png, hdr = r30.md, r30.raw, r30.C, r30.out, r30.result, r30.error, r30.png, r30.hdr
answers = r30.answers
IMPORTS, IMPORTS_PLT, SHAPES = r30.IMPORTS, r30.IMPORTS_PLT, r30.SHAPES


def write_notebook(path: Path, cells: list, crlf: bool = False) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                     "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                     "pygments_lexer": "ipython3", "version": "3.11.9"}}
    out_cells = []
    n = 0
    for c in cells:
        if isinstance(c, tuple) and c[0] == "md":
            out_cells.append(v4.new_markdown_cell(c[1].rstrip("\n")))
            continue
        if isinstance(c, tuple) and c[0] == "raw":
            out_cells.append(v4.new_raw_cell(c[1].rstrip("\n")))
            continue
        if isinstance(c, tuple) and c[0] == "code":
            _, src, count, outputs, none = c
            cell = v4.new_code_cell(src.rstrip("\n"))
            if count is None and not none:
                n += 1
                count = n
            cell.execution_count = count
            cell.outputs = [r30._output(o, count) for o in outputs]
            out_cells.append(cell)
            continue
        n += 1
        cell = v4.new_code_cell(c.rstrip("\n"))
        cell.execution_count = n
        out_cells.append(cell)
    for k, cell in enumerate(out_cells):
        cell.id = f"r32-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        r30.write_script(out_dir / f"{name}.py", cells)


CASES: dict[str, list] = {}

# ---------------------------------------------------------------------------------------------------------------
# module texts (q7 / q8 and helpers live in the modules; q6 stays in the notebook: a by-hand conv2d imported from a
# written module is a known, documented loss, tests/test_fairness.py BY_HAND_UNREADABLE)
# ---------------------------------------------------------------------------------------------------------------
MOD_HEAD = d('''
    """Models for lab 6 (lecture 6: CNNs)."""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    ''')
MOD_BLOCK = d('''
    def conv_block(input_channels, output_channels):
        """3x3 convolution (same padding) followed by ReLU."""
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
            nn.ReLU(),
        )
    ''')
MOD_CNN = d('''
    class CNN(nn.Module):
        """conv -> relu -> pool, twice, then one linear layer (100x100 grey images)."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * 25 * 25, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = torch.flatten(x, 1)
            return self.fc(x)
    ''')
MOD_CONVNET = d('''
    class ConvNet(nn.Module):
        """Five conv blocks of 3 channels, then one linear layer (128x128 images)."""

        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(
                conv_block(input_channels, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
                conv_block(3, 3),
            )
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
MODELS_PY = MOD_HEAD + "\n\n" + MOD_BLOCK + "\n\n" + MOD_CNN + "\n\n" + MOD_CONVNET


def writefile(name: str, text: str, append: bool = False) -> str:
    return f"%%writefile {'-a ' if append else ''}{name}\n" + text


def wrote(name: str, count: int, again: bool = False):
    return out(f"{'Overwriting' if again else 'Writing'} {name}\n")


USE_MODELS = d('''
    from cnn_models import CNN, ConvNet, conv_block

    print(CNN())
    ''')
NO_MODEL_CELLS = dict(q7="", q8="")

TRAIN_TINY = d('''
    # a few steps on random data, to see the loss go down
    xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    losses = []
    for epoch in range(3):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(losses)
    ''')

# ===============================================================================================================
# 1. a module built up over several cells with %%writefile -a
# ===============================================================================================================
CASES["r32_nb_writefile_append_builds_models_module"] = [
    md("# Lab 6: CNNs\nI build `cnn_models.py` one piece at a time (`%%writefile -a` adds to the file)."),
    IMPORTS,
    C(writefile("cnn_models.py", MOD_HEAD + "\n\n" + MOD_BLOCK), 2, [wrote("cnn_models.py", 2)]),
    C(writefile("cnn_models.py", "\n\n" + MOD_CNN, append=True), 3, [out("Appending to cnn_models.py\n")]),
    C(writefile("cnn_models.py", "\n\n" + MOD_CONVNET, append=True), 4, [out("Appending to cnn_models.py\n")]),
    USE_MODELS,
    *answers(**NO_MODEL_CELLS), SHAPES,
]

# ===============================================================================================================
# 2. %%writefile module + a training log written line by line (f-strings)
# ===============================================================================================================
TRAIN_LOG = d('''
    # keep a log of the loss (to plot later)
    xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    with open("train_log.csv", "w") as log:
        log.write("epoch,loss\\n")
        for epoch in range(3):
            opt.zero_grad()
            loss = F.mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
            log.write(f"{epoch},{loss.item():.4f}\\n")
    print(open("train_log.csv").read())
    ''')
CASES["r32_nb_writefile_models_then_training_log_csv"] = [
    md("# Lab 6\nModels in a module, a loss log in a CSV file."),
    "%load_ext autoreload\n%autoreload 2\n",
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 3, [wrote("cnn_models.py", 3)]),
    USE_MODELS,
    *answers(**NO_MODEL_CELLS), TRAIN_LOG,
]

# ===============================================================================================================
# 3. %%writefile module + q4's counts saved with pandas' to_csv
# ===============================================================================================================
COUNTS_CSV = d('''
    import pandas as pd

    counts = pd.DataFrame({
        "model": ["conv layer", "CNN", "fully connected"],
        "parameters": [q4_conv_params, q4_cnn_params, q4_fcnn_params],
    })
    counts.to_csv("q4_counts.csv", index=False)
    counts
    ''')
CASES["r32_nb_writefile_models_counts_to_csv"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS,
    *answers(**NO_MODEL_CELLS, q4="typed"), COUNTS_CSV, SHAPES,
]

# ===============================================================================================================
# 4. %%writefile module + logging to a file (logging.FileHandler)
# ===============================================================================================================
LOGGING_FILE = d('''
    import logging

    log = logging.getLogger("lab6")
    log.setLevel(logging.INFO)
    handler = logging.FileHandler("lab6.log", mode="w")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.info("starting lab 6")
    ''')
LOG_TRAIN = d('''
    xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(3):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
        log.info("step %d loss %.4f", step, loss.item())
    handler.close()
    ''')
CASES["r32_nb_writefile_models_logging_file_handler"] = [
    IMPORTS, LOGGING_FILE,
    C(writefile("cnn_models.py", MODELS_PY), 3, [wrote("cnn_models.py", 3)]),
    USE_MODELS,
    *answers(**NO_MODEL_CELLS, q3="typed"), LOG_TRAIN,
]

# ===============================================================================================================
# 5. %%writefile module + answers summarised into a text file with Path.write_text
# ===============================================================================================================
ANSWERS_TXT = d('''
    from pathlib import Path

    summary = "\\n".join([
        f"q1: {q1_answer}",
        f"q3: {q3_shapes} -> {q3_flatten_features}",
        f"q4: {q4_conv_params}, {q4_cnn_params}, {q4_fcnn_params}",
        f"q9: {sorted(q9_true)}",
    ])
    Path("my_answers.txt").write_text(summary + "\\n")
    print(summary)
    ''')
CASES["r32_nb_writefile_models_answers_write_text"] = [
    md("# Lab 6 (CNNs)"), IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS,
    *answers(**NO_MODEL_CELLS), ANSWERS_TXT,
]

# ===============================================================================================================
# 6. a module written with Path.write_text(textwrap.dedent("""..."""))
# ===============================================================================================================
DEDENT_WRITE = (
    "import textwrap\nfrom pathlib import Path\n\n"
    'Path("cnn_models.py").write_text(textwrap.dedent(\'\'\'\n'
    + "".join(("    " + line) if line.strip() else line for line in MODELS_PY.splitlines(keepends=True))
    + "\'\'\'))\n"
)
CASES["r32_nb_module_written_with_textwrap_dedent"] = [
    md("# Lab 6\nThe models go into `cnn_models.py` (written from this notebook, so it is self-contained)."),
    IMPORTS, DEDENT_WRITE, USE_MODELS,
    *answers(**NO_MODEL_CELLS, q2="math_floor"), SHAPES,
]

# ===============================================================================================================
# 7. a module written with open(...).write of a module-level constant (q2's helper lives there)
# ===============================================================================================================
SIZES_PY = d('''
    """Output sizes of convolutions and poolings."""


    def conv_output_size(size, kernel_size, stride=1, padding=0):
        """Height/width after a Conv2d, as in the PyTorch docs."""
        if kernel_size > size + 2 * padding:
            raise ValueError("kernel is bigger than the padded input")
        return (size + 2 * padding - kernel_size) // stride + 1


    def pool_output_size(size, kernel_size=2):
        return size // kernel_size
    ''')
OPEN_WRITE_CONST = "SIZES_CODE = '''\\\n" + SIZES_PY + "'''\n\nwith open(\"sizes.py\", \"w\") as f:\n    f.write(SIZES_CODE)\n"
Q3_FROM_SIZES = d('''
    from sizes import conv_output_size, pool_output_size

    h1 = conv_output_size(100, 3, padding=1)
    p1 = pool_output_size(h1)
    h2 = conv_output_size(p1, 3, padding=1)
    p2 = pool_output_size(h2)
    q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
    q3_flatten_features = 2 * p2 * p2
    print(q3_shapes, q3_flatten_features)
    ''')
CASES["r32_nb_sizes_module_written_with_open_constant"] = [
    IMPORTS, OPEN_WRITE_CONST,
    *answers(q2="", q3=Q3_FROM_SIZES, q7="features_classifier"), SHAPES,
]

# ===============================================================================================================
# 8. a module written in two pieces through one handle
# ===============================================================================================================
TWO_WRITES = (
    "HEADER = '''\\\n" + MOD_HEAD + "'''\n\n"
    "MODELS = '''\n\n" + MOD_BLOCK + "\n\n" + MOD_CNN + "\n\n" + MOD_CONVNET + "'''\n\n"
    'with open("cnn_models.py", "w") as f:\n    f.write(HEADER)\n    f.write(MODELS)\n'
)
CASES["r32_nb_module_written_in_two_pieces"] = [
    md("# Lab 6"), IMPORTS, TWO_WRITES, USE_MODELS, *answers(**NO_MODEL_CELLS, q9="list"), SHAPES,
]

# ===============================================================================================================
# 9. a package folder: lab6/__init__.py re-exports from lab6/models.py (relative import)
# ===============================================================================================================
PKG_MKDIR = 'import os\n\nos.makedirs("lab6", exist_ok=True)\n'
PKG_INIT = d('''
    """Lab 6 package: models and helpers."""
    from .models import CNN, ConvNet, conv_block

    __all__ = ["CNN", "ConvNet", "conv_block"]
    ''')
CASES["r32_nb_package_folder_init_relative_import"] = [
    md("# Lab 6\nMy code lives in a small package `lab6/`."), IMPORTS, PKG_MKDIR,
    C(writefile("lab6/models.py", MODELS_PY), 3, [wrote("lab6/models.py", 3)]),
    C(writefile("lab6/__init__.py", PKG_INIT), 4, [wrote("lab6/__init__.py", 4)]),
    "from lab6 import CNN, ConvNet, conv_block\n",
    *answers(**NO_MODEL_CELLS), SHAPES,
]

# ===============================================================================================================
# 10. a src/ folder put on sys.path
# ===============================================================================================================
SRC_SETUP = d('''
    import os
    import sys

    os.makedirs("src", exist_ok=True)
    if "src" not in sys.path:
        sys.path.append("src")
    ''')
CASES["r32_nb_src_folder_on_sys_path"] = [
    IMPORTS, SRC_SETUP,
    C(writefile("src/cnn_models.py", MODELS_PY), 3, [wrote("src/cnn_models.py", 3)]),
    USE_MODELS, *answers(**NO_MODEL_CELLS, q5="int_bias"), SHAPES,
]

# ===============================================================================================================
# 11. from layers import *
# ===============================================================================================================
CASES["r32_nb_star_import_from_written_module"] = [
    IMPORTS,
    C(writefile("layers.py", MODELS_PY), 2, [wrote("layers.py", 2)]),
    "from layers import *\n\nprint(CNN(), ConvNet(1))\n",
    *answers(**NO_MODEL_CELLS, q10="str_keys"), SHAPES,
]

# ===============================================================================================================
# 12. a module written again and reloaded with importlib.reload
# ===============================================================================================================
MODELS_V2 = MODELS_PY + "\n\n" + d('''
    def count_parameters(model):
        return sum(p.numel() for p in model.parameters() if p.requires_grad)
    ''')
CASES["r32_nb_module_rewritten_and_importlib_reload"] = [
    md("# Lab 6"), IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    "import cnn_models\n\nCNN, ConvNet, conv_block = cnn_models.CNN, cnn_models.ConvNet, cnn_models.conv_block\n",
    *answers(**NO_MODEL_CELLS),
    md("I added a parameter counter to the module:"),
    C(writefile("cnn_models.py", MODELS_V2), 20, [wrote("cnn_models.py", 20, again=True)]),
    d('''
        import importlib

        importlib.reload(cnn_models)
        CNN, ConvNet, conv_block = cnn_models.CNN, cnn_models.ConvNet, cnn_models.conv_block
        print(cnn_models.count_parameters(CNN()), cnn_models.count_parameters(ConvNet(1)))
        '''),
]

# ===============================================================================================================
# 13. self-tests written to test_models.py, run with unittest
# ===============================================================================================================
TEST_MODELS = d('''
    import unittest

    import torch

    from cnn_models import CNN, ConvNet


    class TestShapes(unittest.TestCase):
        def test_cnn(self):
            self.assertEqual(CNN()(torch.rand(2, 1, 100, 100)).shape, (2, 1))

        def test_convnet(self):
            for c in (1, 3):
                self.assertEqual(ConvNet(c)(torch.rand(2, c, 128, 128)).shape, (2, 1))


    if __name__ == "__main__":
        unittest.main()
    ''')
RUN_UNITTEST = d('''
    import unittest

    import test_models

    suite = unittest.defaultTestLoader.loadTestsFromModule(test_models)
    unittest.TextTestRunner(verbosity=2).run(suite)
    ''')
CASES["r32_nb_unittest_tests_written_to_module"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS,
    C(writefile("test_models.py", TEST_MODELS), 4, [wrote("test_models.py", 4)]),
    RUN_UNITTEST,
    *answers(**NO_MODEL_CELLS),
]

# ===============================================================================================================
# 14. plain-assert tests written to test_lab6.py, run with pytest.main
# ===============================================================================================================
TEST_LAB6 = d('''
    import torch
    import torch.nn.functional as F

    from cnn_models import CNN, ConvNet


    def test_cnn_shape():
        assert CNN()(torch.rand(2, 1, 100, 100)).shape == (2, 1)


    def test_convnet_shape():
        assert ConvNet(3)(torch.rand(2, 3, 128, 128)).shape == (2, 1)
    ''')
CASES["r32_nb_pytest_main_on_written_tests"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS,
    C(writefile("test_lab6.py", TEST_LAB6), 4, [wrote("test_lab6.py", 4)]),
    'import pytest\n\npytest.main(["-q", "test_lab6.py"])\n',
    *answers(**NO_MODEL_CELLS, q1="comment"),
]

# ===============================================================================================================
# 15. %%writefile cell saved with Windows line endings
# ===============================================================================================================
CASES["r32_nb_writefile_windows_line_endings"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY).replace("\n", "\r\n"), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS, *answers(**NO_MODEL_CELLS), SHAPES,
]

# ===============================================================================================================
# 16. a module with a coding cookie and non-ASCII docstrings, written with Path.write_text (no encoding given)
# ===============================================================================================================
UNICODE_PY = "# -*- coding: utf-8 -*-\n" + MODELS_PY.replace(
    '"""3x3 convolution (same padding) followed by ReLU."""', '"""3×3 convolution (same padding) → ReLU."""').replace(
    '"""Models for lab 6 (lecture 6: CNNs)."""', '"""Models for lab 6 — CNNs (Übung 6)."""')
UNICODE_WRITE = ("from pathlib import Path\n\nMODELS_SOURCE = '''\\\n" + UNICODE_PY + "'''\n\n"
                 'Path("cnn_models.py").write_text(MODELS_SOURCE)\n')
CASES["r32_nb_module_non_ascii_write_text_default_encoding"] = [
    IMPORTS, UNICODE_WRITE, USE_MODELS, *answers(**NO_MODEL_CELLS, q6=("fpad_item", "reshape", "list")), SHAPES,
]

# ===============================================================================================================
# 17. an outputs folder: os.chdir into it and back, checkpoint + JSON answers + figure, glob over it
# ===============================================================================================================
CHDIR_OUTPUTS = d('''
    import json
    import os

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs("outputs", exist_ok=True)
    home = os.getcwd()
    os.chdir("outputs")
    try:
        torch.save(CNN().state_dict(), "cnn.pt")
        with open("answers.json", "w") as f:
            json.dump({"q1": q1_answer, "q9": sorted(q9_true), "q10": q10_answers}, f, indent=2)
        plt.plot([1, 2, 3])
        plt.savefig("loss.png")
        plt.close()
    finally:
        os.chdir(home)
    ''')
GLOB_BACK = d('''
    import glob

    print(sorted(glob.glob("outputs/*")))
    state = torch.load("outputs/cnn.pt", weights_only=True)
    CNN().load_state_dict(state)
    with open("outputs/answers.json") as f:
        print(json.load(f))
    ''')
CASES["r32_nb_outputs_folder_chdir_and_back"] = [
    IMPORTS, *answers(), CHDIR_OUTPUTS, GLOB_BACK,
]

# ===============================================================================================================
# 18. checkpoint copied with shutil.copy, and a training log printed into a file
# ===============================================================================================================
SHUTIL_CKPT = d('''
    import shutil

    xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    best = float("inf")
    with open("training.log", "w") as log:
        for epoch in range(3):
            opt.zero_grad()
            loss = F.mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
            print(f"epoch {epoch}: loss {loss.item():.4f}", file=log)
            torch.save(model.state_dict(), "last.pt")
            if loss.item() < best:
                best = loss.item()
                shutil.copy("last.pt", "best.pt")
    model.load_state_dict(torch.load("best.pt", weights_only=True))
    ''')
CASES["r32_nb_checkpoint_shutil_copy_and_log_file"] = [
    IMPORTS, *answers(q7="functional"), SHUTIL_CKPT,
]

# ===============================================================================================================
# 19. checkpoint saved atomically (write to a temporary name, then os.replace), plus a results file
# ===============================================================================================================
ATOMIC = d('''
    import os


    def save_checkpoint(model, path="cnn_checkpoint.pt"):
        """Write to a temporary name first, so a crash never leaves half a checkpoint."""
        tmp = path + ".tmp"
        torch.save(model.state_dict(), tmp)
        os.replace(tmp, path)


    model = CNN()
    save_checkpoint(model)
    model.load_state_dict(torch.load("cnn_checkpoint.pt", weights_only=True))
    with open("results.txt", "w") as f:
        f.write(f"CNN parameters: {sum(p.numel() for p in model.parameters())}\\n")
    ''')
CASES["r32_nb_atomic_checkpoint_os_replace_results_file"] = [
    IMPORTS, *answers(q8="star_list"), ATOMIC,
]

# ===============================================================================================================
# 20. a checkpoint in a NamedTemporaryFile, and a summary written as text
# ===============================================================================================================
NAMED_TMP = d('''
    import tempfile

    model = ConvNet(3)
    with tempfile.NamedTemporaryFile(suffix=".pt") as tmp:
        torch.save(model.state_dict(), tmp.name)
        restored = ConvNet(3)
        restored.load_state_dict(torch.load(tmp.name, weights_only=True))
    x = torch.rand(1, 3, 128, 128)
    same = torch.equal(model(x), restored(x))
    with open("checkpoint_check.txt", "w") as f:
        f.write(f"round trip identical: {same}\\n")
    print(same)
    ''')
CASES["r32_nb_named_temporary_file_checkpoint_summary"] = [
    IMPORTS, *answers(q3="lists"), NAMED_TMP,
]

# ===============================================================================================================
# 21. np.savez of q6's results, json.dump(indent=2), glob, savefig with pathlib (control)
# ===============================================================================================================
NPZ = d('''
    import json
    from pathlib import Path

    import matplotlib.pyplot as plt

    out_dir = Path("outputs")
    out_dir.mkdir(exist_ok=True)
    image, kernel = torch.rand(6, 6), torch.rand(3, 3)
    np.savez(out_dir / "q6.npz", conv=conv2d(image, kernel).numpy(), pool=max_pool2d(image).numpy())
    loaded = np.load(out_dir / "q6.npz")
    print(loaded["conv"].shape, loaded["pool"].shape)
    with open(out_dir / "answers.json", "w") as f:
        json.dump({"q1": q1_answer, "q3": q3_shapes, "q9": sorted(q9_true)}, f, indent=2)
    fig, ax = plt.subplots()
    ax.imshow(conv2d(image, kernel))
    fig.savefig(out_dir / "q6_conv.png")
    plt.close(fig)
    print(sorted(p.name for p in out_dir.glob("*")))
    ''')
CASES["r32_nb_outputs_npz_json_savefig_pathlib"] = [
    IMPORTS, *answers(q6=("item_zeros", "python_max", "tensor")), NPZ,
]

# ===============================================================================================================
# 22. a script that writes its helper module and imports it (python lab6.py from its folder)
# ===============================================================================================================
SCRIPT_WRITES = ("MODELS_SOURCE = '''\\\n" + MODELS_PY + "'''\n\n"
                 'with open("cnn_models.py", "w") as f:\n    f.write(MODELS_SOURCE)\n\n'
                 "from cnn_models import CNN, ConvNet, conv_block  # noqa: E402\n")
CASES["r32_py_script_writes_module_then_imports_it"] = [
    IMPORTS, SCRIPT_WRITES, *answers(headers=False, **NO_MODEL_CELLS),
    "if __name__ == '__main__':\n    print(CNN()(torch.rand(1, 1, 100, 100)).shape)\n",
]

# ===============================================================================================================
# 23. the same, with the script's folder put on sys.path first (the usual fix)
# ===============================================================================================================
SCRIPT_SYS_PATH = ("import os\nimport sys\n\nsys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n\n"
                   + SCRIPT_WRITES)
CASES["r32_py_script_writes_module_sys_path_insert_file_dir"] = [
    IMPORTS, SCRIPT_SYS_PATH, *answers(headers=False, **NO_MODEL_CELLS, q4="count_helper"),
]

# ===============================================================================================================
# 24. a script: TemporaryDirectory checkpoints, shutil.copy, a CSV log, JSON/YAML round trips (pathlib)
# ===============================================================================================================
TMPDIR_SCRIPT = d('''
    import csv
    import json
    import shutil
    import tempfile
    from pathlib import Path

    import yaml


    def train_and_keep_best(model, steps=3):
        xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            rows = []
            for step in range(steps):
                opt.zero_grad()
                loss = F.mse_loss(model(xs), ys)
                loss.backward()
                opt.step()
                torch.save(model.state_dict(), tmp / f"step{step}.pt")
                rows.append({"step": step, "loss": round(loss.item(), 4)})
            best = min(rows, key=lambda r: r["loss"])
            shutil.copy(tmp / f"step{best['step']}.pt", "best_cnn.pt")
        with open("losses.csv", "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=["step", "loss"])
            writer.writeheader()
            writer.writerows(rows)
        return best


    if __name__ == "__main__":
        print(train_and_keep_best(CNN()))
        Path("config.yaml").write_text(yaml.safe_dump({"lr": 0.01, "steps": 3}))
        print(yaml.safe_load(Path("config.yaml").read_text()))
        Path("answers.json").write_text(json.dumps({"q1": q1_answer, "q10": q10_answers}, indent=2))
        print(json.loads(Path("answers.json").read_text()))
    ''')
CASES["r32_py_tempdir_checkpoints_shutil_copy_csv_yaml_json"] = [
    IMPORTS, *answers(headers=False, q7="lecture", q8="modulelist"), TMPDIR_SCRIPT,
]

# ===============================================================================================================
# 25. a script writing a config module with Path.write_text of a constant, then importing it
# ===============================================================================================================
CONFIG_PY = d('''
    """Hyper-parameters of lab 6."""
    IMAGE_SIZE = 100
    KERNEL_SIZE = 3
    CHANNELS = (1, 3, 2)
    WIDTH = 3
    N_BLOCKS = 5
    ''')
SCRIPT_CONFIG = ("import os\nimport sys\nfrom pathlib import Path\n\nCONFIG_SOURCE = '''\\\n" + CONFIG_PY + "'''\n"
                 'Path("lab6_config.py").write_text(CONFIG_SOURCE)\n'
                 'sys.path.insert(0, os.getcwd())\n\nimport lab6_config as cfg  # noqa: E402\n')
Q7_CFG = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            c0, c1, c2 = cfg.CHANNELS
            k = cfg.KERNEL_SIZE
            self.conv1 = nn.Conv2d(c0, c1, k, padding=k // 2)
            self.conv2 = nn.Conv2d(c1, c2, k, padding=k // 2)
            self.pool = nn.MaxPool2d(2)
            side = cfg.IMAGE_SIZE // 4
            self.fc = nn.Linear(c2 * side * side, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
Q8_CFG = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, cfg.KERNEL_SIZE, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            widths = [input_channels] + [cfg.WIDTH] * cfg.N_BLOCKS
            self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(widths, widths[1:])])
            self.fc = nn.Linear(cfg.WIDTH * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
CASES["r32_py_script_writes_config_module_sys_path_cwd"] = [
    IMPORTS, SCRIPT_CONFIG, *answers(headers=False, q7=Q7_CFG, q8=Q8_CFG),
]

# ===============================================================================================================
# 26. %%writefile config.py read by the notebook's models, with from config import * (control-ish)
# ===============================================================================================================
CASES["r32_nb_writefile_config_module_star_import"] = [
    IMPORTS,
    C(writefile("lab6_config.py", CONFIG_PY), 2, [wrote("lab6_config.py", 2)]),
    "import lab6_config as cfg\nfrom lab6_config import *\n\nprint(IMAGE_SIZE, KERNEL_SIZE, CHANNELS)\n",
    *answers(q7=Q7_CFG, q8=Q8_CFG), SHAPES,
]

# ===============================================================================================================
# 27. %%writefile module + answers by json.dump, a checkpoint by torch.save, a figure by savefig (control)
# ===============================================================================================================
SAVE_ALL = d('''
    import json

    import matplotlib.pyplot as plt

    with open("answers.json", "w") as f:
        json.dump({"q1": q1_answer, "q9": sorted(q9_true), "q10": q10_answers}, f, indent=2)
    torch.save(CNN().state_dict(), "cnn.pt")
    CNN().load_state_dict(torch.load("cnn.pt", weights_only=True))
    fig, ax = plt.subplots()
    ax.plot(losses)
    fig.savefig("losses.png")
    plt.close(fig)
    ''')
CASES["r32_nb_writefile_models_json_checkpoint_figure"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS, *answers(**NO_MODEL_CELLS, q2="steps"), TRAIN_TINY, SAVE_ALL,
]

# ===============================================================================================================
# 28. %%writefile module + q6's outputs saved with np.savetxt
# ===============================================================================================================
SAVETXT = d('''
    image, kernel = torch.arange(25.0).reshape(5, 5), torch.ones(3, 3)
    np.savetxt("q6_conv.txt", conv2d(image, kernel).numpy(), fmt="%.1f")
    np.savetxt("q6_pool.txt", max_pool2d(image).numpy(), fmt="%.1f")
    print(np.loadtxt("q6_conv.txt"))
    ''')
CASES["r32_nb_writefile_models_q6_outputs_savetxt"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    USE_MODELS, *answers(**NO_MODEL_CELLS, q6=("cat_pad", "loops", "numpy")), SAVETXT,
]

# ===============================================================================================================
# 29. the written module run into the notebook with exec(open(...).read()) (Colab's stand-in for %run)
# ===============================================================================================================
CASES["r32_nb_written_module_exec_open_read"] = [
    md("# Lab 6\n`%run` did not work for me on Colab, so I `exec` the file."), IMPORTS,
    C(writefile("layers.py", MODELS_PY), 2, [wrote("layers.py", 2)]),
    'exec(open("layers.py").read())\n\nprint(CNN(), ConvNet(1))\n',
    *answers(**NO_MODEL_CELLS), SHAPES,
]

# ===============================================================================================================
# 30. reload spelled `from importlib import reload`
# ===============================================================================================================
CASES["r32_nb_module_rewritten_from_importlib_import_reload"] = [
    IMPORTS,
    C(writefile("cnn_models.py", MODELS_PY), 2, [wrote("cnn_models.py", 2)]),
    "from importlib import reload\n\nimport cnn_models\n",
    *answers(q7="CNN = cnn_models.CNN\n", q8="ConvNet, conv_block = cnn_models.ConvNet, cnn_models.conv_block\n"),
    C(writefile("cnn_models.py", MODELS_V2), 20, [wrote("cnn_models.py", 20, again=True)]),
    d('''
        reload(cnn_models)
        CNN, ConvNet, conv_block = cnn_models.CNN, cnn_models.ConvNet, cnn_models.conv_block
        print(cnn_models.count_parameters(CNN()), cnn_models.count_parameters(ConvNet(3)))
        '''),
]

# ---------------------------------------------------------------------------------------------------------------
# isolation copies (not corpus files): each changes one construct of a corpus file
# ---------------------------------------------------------------------------------------------------------------
ISO: dict[str, list] = {}


def iso(name: str, base: str, *edits: tuple[str, str]) -> None:
    found = {old: 0 for old, _ in edits}

    def edit(text: str) -> str:
        for old, new in edits:
            if old in text:
                found[old] += 1
                text = text.replace(old, new)
        return text

    cells = []
    for c in CASES[base]:
        if isinstance(c, str):
            cells.append(edit(c))
        elif c[0] == "code":
            cells.append(("code", edit(c[1]), *c[2:]))
        else:
            cells.append(c)
    missing = [old for old, n in found.items() if not n]
    assert not missing, (name, missing)
    ISO[name] = cells


_NB = "_nb_"
INLINE = [("%%writefile cnn_models.py\n", ""), ("from cnn_models import CNN, ConvNet, conv_block\n\n", "")]
# 1. %%writefile -a
iso(f"iso{_NB}append_one_writefile_cell", "r32_nb_writefile_append_builds_models_module",
    (writefile("cnn_models.py", MOD_HEAD + "\n\n" + MOD_BLOCK), writefile("cnn_models.py", MODELS_PY)),
    (writefile("cnn_models.py", "\n\n" + MOD_CNN, append=True), "# (CNN: in the module above)\n"),
    (writefile("cnn_models.py", "\n\n" + MOD_CONVNET, append=True), "# (ConvNet: in the module above)\n"))
iso(f"iso{_NB}append_parts_in_two_modules", "r32_nb_writefile_append_builds_models_module",
    (writefile("cnn_models.py", "\n\n" + MOD_CNN, append=True),
     writefile("cnn_part2.py", MOD_HEAD + "\nfrom cnn_models import conv_block\n\n\n" + MOD_CNN)),
    (writefile("cnn_models.py", "\n\n" + MOD_CONVNET, append=True),
     writefile("cnn_part3.py", MOD_HEAD + "\nfrom cnn_models import conv_block\n\n\n" + MOD_CONVNET)),
    ("from cnn_models import CNN, ConvNet, conv_block\n",
     "from cnn_models import conv_block\nfrom cnn_part2 import CNN\nfrom cnn_part3 import ConvNet\n"))
# 2. two writes through one handle
iso(f"iso{_NB}two_pieces_one_constant", "r32_nb_module_written_in_two_pieces",
    ("'''\n\nMODELS = '''\n\n", "\n\n"), ("    f.write(HEADER)\n    f.write(MODELS)\n", "    f.write(HEADER)\n"))
iso(f"iso{_NB}two_pieces_concatenated_in_one_write", "r32_nb_module_written_in_two_pieces",
    ("    f.write(HEADER)\n    f.write(MODELS)\n", "    f.write(HEADER + MODELS)\n"))
# 3. textwrap.dedent
iso(f"iso{_NB}write_text_constant_without_dedent", "r32_nb_module_written_with_textwrap_dedent",
    (DEDENT_WRITE, "from pathlib import Path\n\nPath(\"cnn_models.py\").write_text('''\\\n" + MODELS_PY + "''')\n"))
# 4. relative import in a package's __init__.py
iso(f"iso{_NB}package_init_absolute_import", "r32_nb_package_folder_init_relative_import",
    ("from .models import", "from lab6.models import"))
# 5. importlib.reload
iso(f"iso{_NB}reload_from_importlib_import", "r32_nb_module_rewritten_and_importlib_reload",
    ("import importlib\n\nimportlib.reload(cnn_models)", "from importlib import reload\n\nreload(cnn_models)"))
iso(f"iso{_NB}module_written_once_no_reload", "r32_nb_module_rewritten_and_importlib_reload",
    (writefile("cnn_models.py", MODELS_V2), "# (counted with the helper below)\n"),
    ("import importlib\n\nimportlib.reload(cnn_models)\n", ""),
    ("cnn_models.count_parameters(CNN()), cnn_models.count_parameters(ConvNet(1))",
     "sum(p.numel() for p in CNN().parameters()), sum(p.numel() for p in ConvNet(1).parameters())"))
# 6. unittest on the written module
iso(f"iso{_NB}unittest_main_module_by_name", "r32_nb_unittest_tests_written_to_module",
    (RUN_UNITTEST, 'import unittest\n\nunittest.main(module="test_models", argv=[""], verbosity=2, exit=False)\n'))
iso(f"iso{_NB}unittest_load_tests_from_name", "r32_nb_unittest_tests_written_to_module",
    (RUN_UNITTEST, 'import unittest\n\nsuite = unittest.defaultTestLoader.loadTestsFromName("test_models")\n'
                   'unittest.TextTestRunner(verbosity=2).run(suite)\n'))
# 7-10. a written module beside a data file with computed text
iso(f"iso{_NB}training_log_models_inline", "r32_nb_writefile_models_then_training_log_csv", *INLINE)
iso(f"iso{_NB}training_log_printed_module_kept", "r32_nb_writefile_models_then_training_log_csv",
    ('log.write(f"{epoch},{loss.item():.4f}\\n")', 'print(f"{epoch},{loss.item():.4f}")'))
iso(f"iso{_NB}counts_csv_models_inline", "r32_nb_writefile_models_counts_to_csv", *INLINE)
iso(f"iso{_NB}counts_csv_removed_module_kept", "r32_nb_writefile_models_counts_to_csv",
    ('counts.to_csv("q4_counts.csv", index=False)\n', ""))
iso(f"iso{_NB}file_handler_models_inline", "r32_nb_writefile_models_logging_file_handler", *INLINE)
iso(f"iso{_NB}stream_handler_module_kept", "r32_nb_writefile_models_logging_file_handler",
    ('logging.FileHandler("lab6.log", mode="w")', "logging.StreamHandler()"))
iso(f"iso{_NB}answers_text_models_inline", "r32_nb_writefile_models_answers_write_text", *INLINE)
iso(f"iso{_NB}answers_json_dump_module_kept", "r32_nb_writefile_models_answers_write_text",
    ('Path("my_answers.txt").write_text(summary + "\\n")',
     'import json\n\nwith open("my_answers.json", "w") as f:\n    json.dump({"summary": summary}, f, indent=2)'))
# 11-13. a checkpoint copied / replaced / in a temporary file, beside a file of computed text
iso(f"iso{_NB}checkpoint_saved_not_copied", "r32_nb_checkpoint_shutil_copy_and_log_file",
    ('shutil.copy("last.pt", "best.pt")', 'torch.save(model.state_dict(), "best.pt")'))
iso(f"iso{_NB}checkpoint_copied_log_printed", "r32_nb_checkpoint_shutil_copy_and_log_file",
    ('print(f"epoch {epoch}: loss {loss.item():.4f}", file=log)', 'print(f"epoch {epoch}: loss {loss.item():.4f}")'))
iso(f"iso{_NB}checkpoint_saved_directly", "r32_nb_atomic_checkpoint_os_replace_results_file",
    ('    tmp = path + ".tmp"\n    torch.save(model.state_dict(), tmp)\n    os.replace(tmp, path)\n',
     "    torch.save(model.state_dict(), path)\n"))
iso(f"iso{_NB}atomic_checkpoint_results_printed", "r32_nb_atomic_checkpoint_os_replace_results_file",
    ('with open("results.txt", "w") as f:\n    f.write(f"CNN parameters: {sum(p.numel() for p in model.parameters())}\\n")',
     'print(f"CNN parameters: {sum(p.numel() for p in model.parameters())}")'))
iso(f"iso{_NB}checkpoint_in_temporary_directory", "r32_nb_named_temporary_file_checkpoint_summary",
    ('with tempfile.NamedTemporaryFile(suffix=".pt") as tmp:\n    torch.save(model.state_dict(), tmp.name)\n'
     '    restored = ConvNet(3)\n    restored.load_state_dict(torch.load(tmp.name, weights_only=True))',
     'with tempfile.TemporaryDirectory() as tmp:\n    torch.save(model.state_dict(), f"{tmp}/convnet.pt")\n'
     '    restored = ConvNet(3)\n    restored.load_state_dict(torch.load(f"{tmp}/convnet.pt", weights_only=True))'))
iso(f"iso{_NB}named_temporary_file_summary_printed", "r32_nb_named_temporary_file_checkpoint_summary",
    ('with open("checkpoint_check.txt", "w") as f:\n    f.write(f"round trip identical: {same}\\n")\n', ""))
iso("iso_py_tempdir_best_saved_not_copied", "r32_py_tempdir_checkpoints_shutil_copy_csv_yaml_json",
    ('shutil.copy(tmp / f"step{best[\'step\']}.pt", "best_cnn.pt")',
     'torch.save(torch.load(tmp / f"step{best[\'step\']}.pt", weights_only=True), "best_cnn.pt")'))
iso("iso_py_tempdir_copy_kept_text_files_by_dump", "r32_py_tempdir_checkpoints_shutil_copy_csv_yaml_json",
    ('Path("config.yaml").write_text(yaml.safe_dump({"lr": 0.01, "steps": 3}))',
     'with open("config.yaml", "w") as f:\n            yaml.safe_dump({"lr": 0.01, "steps": 3}, f)'),
    ('Path("answers.json").write_text(json.dumps({"q1": q1_answer, "q10": q10_answers}, indent=2))',
     'with open("answers.json", "w") as f:\n            json.dump({"q1": q1_answer, "q10": q10_answers}, f, indent=2)'))
# 14. the script's module
iso("iso_py_script_module_inline", "r32_py_script_writes_module_then_imports_it",
    (SCRIPT_WRITES, MODELS_PY.replace(MOD_HEAD, "")))
# not corpus files (the oracle's IPython stub, like the grader's, runs no %%file, %run or shell escape): what Jupyter
# does with them is told in _r32_findings.md
iso(f"iso{_NB}file_magic_alias_of_writefile", "r32_nb_writefile_config_module_star_import",
    ("%%writefile lab6_config.py", "%%file lab6_config.py"))
iso(f"iso{_NB}run_magic_of_written_module", "r32_nb_star_import_from_written_module",
    ("from layers import *\n", "%run layers.py\n"))
iso(f"iso{_NB}exec_open_read_of_written_module", "r32_nb_star_import_from_written_module",
    ("from layers import *\n", 'exec(open("layers.py").read())\n'))
iso(f"iso{_NB}shell_mkdir_src_folder", "r32_nb_src_folder_on_sys_path",
    ('import os\nimport sys\n\nos.makedirs("src", exist_ok=True)\n', '!mkdir -p src\nimport sys\n\n'))
iso(f"iso{_NB}line_magic_mkdir_package_folder", "r32_nb_package_folder_init_relative_import",
    (PKG_MKDIR, "%mkdir lab6\n"), ("from .models import", "from lab6.models import"))

iso(f"iso{_NB}savetxt_models_inline", "r32_nb_writefile_models_q6_outputs_savetxt", *INLINE)
iso(f"iso{_NB}exec_replaced_by_import", "r32_nb_written_module_exec_open_read",
    ('exec(open("layers.py").read())\n', "from layers import *\n"))

def main(argv: list[str]) -> None:
    if "--iso" in argv:
        out_dir = Path(argv[argv.index("--iso") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
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
