"""Round 30 of the fairness corpus: ordinary students' notebooks and scripts as they hand them in, with the
boilerplate of their own set-up around correct answers.

Notebooks saved mid-work (execution counts out of order, saved stream, error and display outputs, Markdown with code
fences, raw cells), the set-up cells students copy from course templates and Stack Overflow (``InteractiveShell``'s
``ast_node_interactivity``, ``%load_ext autoreload``, ``%reset -f``, ``sys.argv = ['']`` before ``argparse``, Colab
detection, optional imports of ``torchinfo`` / ``wandb`` / ``tqdm`` / ``seaborn`` that are not installed where the
grader runs, answers and logs written to files), configurations in ``AttrDict`` s, ``SimpleNamespace`` s, dataclasses
and JSON, full training runs at top level (random_split, DataLoaders, early stopping, a checkpoint saved and loaded
with ``map_location``), layers made inside ``forward`` (``nn.Flatten()(x)``), and q6 helpers that read an
environment flag, time themselves with ``datetime`` or return ``SimpleNamespace`` s.  q1-q5, q9, q10 reuse round 26's
snippets where nothing new is tried there.

    python tests/corpus/fair/_make_r30.py            # rewrites tests/corpus/fair/r30_*
    python tests/corpus/fair/_make_r30.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r30.py --iso DIR  # isolation copies for _r30_findings.md (not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat import v4

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r27 as r27  # noqa: E402  (d(), q1-q6/q9/q10 via round 26)

d = r27.d
r26 = r27.r26
Q1, Q2, Q3, Q4, Q5 = r26.Q1, r26.Q2, r26.Q3, r26.Q4, r26.Q5
Q6_OUT, Q6_CONV, Q6_POOL, Q9, Q10 = r26.Q6_OUT, r26.Q6_CONV, r26.Q6_POOL, r26.Q9, r26.Q10
Q7, Q8 = dict(r26.Q7), dict(r26.Q8)


# ---------------------------------------------------------------------------------------------------------------
# cell kinds: str = code cell; md(...) / raw(...); C(src, count, outputs) = a code cell saved with outputs
# ---------------------------------------------------------------------------------------------------------------
def md(t):
    return ("md", d(t) if t.startswith("\n") else t)


def raw(t):
    return ("raw", t)


def C(src, count=None, outputs=(), none=False):
    """A code cell as saved: its execution count (None: not run) and outputs."""
    return ("code", src, count, list(outputs), none)


def out(text):
    return ("stream", "stdout", text)


def err_stream(text):
    return ("stream", "stderr", text)


def result(text, count):
    return ("result", text, count)


def error(ename, evalue, lines=()):
    return ("error", ename, evalue, list(lines))


def png():
    return ("png",)


def hdr(n):
    return md(f"## Q{n}")


_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def _output(o, count):
    kind = o[0]
    if kind == "stream":
        return v4.new_output("stream", name=o[1], text=o[2])
    if kind == "result":
        return v4.new_output("execute_result", data={"text/plain": o[1]}, execution_count=o[2])
    if kind == "error":
        return v4.new_output("error", ename=o[1], evalue=o[2], traceback=o[3] or [f"{o[1]}: {o[2]}"])
    if kind == "png":
        return v4.new_output("display_data", data={"image/png": _PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"})
    raise ValueError(kind)


def write_notebook(path: Path, cells: list) -> None:
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                     "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                     "pygments_lexer": "ipython3", "version": "3.11.7"}}
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
            cell.outputs = [_output(o, count) for o in outputs]
            out_cells.append(cell)
            continue
        n += 1
        cell = v4.new_code_cell(c.rstrip("\n"))
        cell.execution_count = n
        out_cells.append(cell)
    for k, cell in enumerate(out_cells):
        cell.id = f"r30-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write_script(path: Path, cells: list) -> None:
    parts = []
    for c in cells:
        if isinstance(c, tuple) and c[0] in ("md", "raw"):
            continue
        parts.append((c[1] if isinstance(c, tuple) else c).rstrip("\n"))
    path.write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        write_script(out_dir / f"{name}.py", cells)


IMPORTS = d('''
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    ''')
IMPORTS_PLT = IMPORTS + "import matplotlib.pyplot as plt\n"


def answers(q1="plain", q2="floordiv", q3="formula", q4="arith", q5="isinstance", q6=("loops_zeros", "loops", "tensor"),
            q7="lecture", q8="lecture", q9="set", q10="plain", extra6=(), extra7=(), extra8=(), headers=True):
    """The ten answers as cells (round 26's snippets unless a cell's text is given)."""
    def pick(table, key):
        return key if (not key or "\n" in key) else table[key]
    conv, pool, out6 = q6
    cells = []
    for n, parts in ((1, [pick(Q1, q1)]), (2, [pick(Q2, q2)]), (3, [pick(Q3, q3)]), (4, [pick(Q4, q4)]),
                     (5, [pick(Q5, q5)]),
                     (6, [pick(Q6_CONV, conv), pick(Q6_POOL, pool), pick(Q6_OUT, out6), *extra6]),
                     (7, [pick(Q7, q7), *extra7]), (8, [pick(Q8, q8), *extra8]), (9, [pick(Q9, q9)]),
                     (10, [pick(Q10, q10)])):
        if headers:
            cells.append(hdr(n))
        cells.extend(p for p in parts if p)
    return cells


SHAPES = d('''
    print(CNN()(torch.rand(2, 1, 100, 100)).shape, sum(p.numel() for p in CNN().parameters()))
    for c in (1, 3):
        print(c, ConvNet(c)(torch.rand(2, c, 128, 128)).shape, sum(p.numel() for p in ConvNet(c).parameters()))
    ''')
SHAPES_OUT = "torch.Size([2, 1]) 1337\n1 torch.Size([2, 1]) 49519\n3 torch.Size([2, 1]) 49537\n"

CASES: dict[str, list] = {}

# ===============================================================================================================
# 1. InteractiveShell.ast_node_interactivity = "all" (show every expression), autoreload, saved outputs
# ===============================================================================================================
SHELL_ALL = d('''
    %load_ext autoreload
    %autoreload 2
    from IPython.core.interactiveshell import InteractiveShell
    InteractiveShell.ast_node_interactivity = "all"
    ''')
CASES["r30_nb_interactiveshell_all_outputs_autoreload"] = [
    md("# Lab 6 - CNNs\nShow every expression's value, not only the last one."),
    C(SHELL_ALL, 1), C(IMPORTS, 2),
    *answers(q3=d('''
        h1 = conv_output_size(100, 3, padding=1)
        h1
        p1 = h1 // 2
        p1
        h2 = conv_output_size(p1, 3, padding=1)
        p2 = h2 // 2
        q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
        q3_flatten_features = 2 * p2 * p2
        q3_shapes
        q3_flatten_features
        '''), q4="typed"),
    C("model = CNN()\nmodel\nsum(p.numel() for p in model.parameters())\nmodel(torch.rand(4, 1, 100, 100)).shape\n", 21,
      [result("CNN(\n  (main): Sequential(...)\n)", 21), result("1337", 21), result("torch.Size([4, 1])", 21)]),
    C(SHAPES, 22, [out(SHAPES_OUT)]),
]

# ===============================================================================================================
# 2. an AttrDict config (the Stack Overflow recipe: __getattr__ = dict.__getitem__) the models are built from
# ===============================================================================================================
ATTRDICT = d('''
    class AttrDict(dict):
        """A dict whose keys are also attributes: cfg.lr instead of cfg["lr"]."""
        __getattr__ = dict.__getitem__
        __setattr__ = dict.__setitem__
        __delattr__ = dict.__delitem__


    cfg = AttrDict(
        in_channels=1,
        channels=(3, 2),
        kernel_size=3,
        padding=1,
        image_size=100,
        lr=1e-3,
    )
    cfg.batch_size = 8
    print(cfg)
    ''')
Q7_CFG = d('''
    class CNN(nn.Module):
        def __init__(self, config=cfg):
            super().__init__()
            c1, c2 = config.channels
            self.conv1 = nn.Conv2d(config.in_channels, c1, config.kernel_size, padding=config.padding)
            self.conv2 = nn.Conv2d(c1, c2, config.kernel_size, padding=config.padding)
            side = config.image_size // 4
            self.fc = nn.Linear(c2 * side * side, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))
    ''')
Q8_CFG = d('''
    net_cfg = AttrDict(width=3, n_blocks=5, side=128)


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels, config=net_cfg):
            super().__init__()
            blocks = [conv_block(input_channels, config.width)]
            blocks += [conv_block(config.width, config.width) for _ in range(config.n_blocks - 1)]
            self.blocks = nn.Sequential(*blocks)
            self.fc = nn.Linear(config.width * config.side * config.side, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
CASES["r30_nb_attrdict_config_builds_models"] = [
    IMPORTS, md("Hyper-parameters in one place"), ATTRDICT,
    *answers(q7=Q7_CFG, q8=Q8_CFG, q2="math_floor", q10="str_keys"), SHAPES,
]

# ===============================================================================================================
# 3. %pip install torchinfo (not installed where the grader runs) and a CSV of the counts
# ===============================================================================================================
TORCHINFO = d('''
    try:
        from torchinfo import summary          # nicer table, shows input and output sizes
    except ImportError:
        from torchsummary import summary       # the lecture's one
    try:
        summary(CNN(), input_size=(1, 1, 100, 100), col_names=("input_size", "output_size", "num_params"))
    except TypeError:
        summary(CNN(), (1, 100, 100), device="cpu")
    ''')
COUNTS_CSV = d('''
    import pandas as pd
    counts = pd.DataFrame({"network": ["conv", "pooled CNN", "FCNN"],
                           "parameters": [q4_conv_params, q4_cnn_params, q4_fcnn_params]})
    counts.to_csv("q4_counts.csv", index=False)
    counts
    ''')
CASES["r30_nb_torchinfo_pip_and_counts_to_csv"] = [
    C("%pip install -q torchinfo\n", 1, [out("Note: you may need to restart the kernel to use updated packages.\n")]),
    C(IMPORTS, 2),
    *answers(q4="arith", extra7=[C(TORCHINFO, 19, [out("=" * 60 + "\nTotal params: 1,337\n" + "=" * 60 + "\n")])]),
    md("Counts for the report"), COUNTS_CSV,
]

# ===============================================================================================================
# 4. Colab detection by try-import, answers saved as JSON text
# ===============================================================================================================
COLAB = d('''
    try:
        import google.colab  # noqa: F401
        IN_COLAB = True
    except ImportError:
        IN_COLAB = False
    print("running on Colab:", IN_COLAB)
    if IN_COLAB:
        from google.colab import drive
        drive.mount("/content/drive")
    ''')
SAVE_JSON = d('''
    import json

    summary_of_answers = {"q1": q1_answer, "q3": [list(s) for s in q3_shapes], "q4": [q4_conv_params, q4_cnn_params,
                          q4_fcnn_params], "q9": sorted(q9_true), "q10": {str(k): bool(v) for k, v in q10_answers.items()}}
    with open("my_answers.json", "w") as f:
        f.write(json.dumps(summary_of_answers, indent=2))
    print(open("my_answers.json").read()[:80])
    ''')
CASES["r30_nb_colab_try_import_answers_json_written"] = [
    md("# Lecture 6 exercises (Colab or local)"), C(COLAB, 1, [out("running on Colab: False\n")]), IMPORTS,
    *answers(q6=("fpad_item", "reshape", "list"), q9="set_call"), SAVE_JSON,
]

# ===============================================================================================================
# 5. argparse in a notebook: sys.argv = [''] first (the Stack Overflow answer), hyper-parameters for training
# ===============================================================================================================
ARGV = d('''
    import sys
    import argparse

    sys.argv = ['']   # Jupyter passes its own arguments; argparse would choke on them
    parser = argparse.ArgumentParser(description="Lecture 6 CNN")
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=4)
    args = parser.parse_args()
    print(args)
    ''')
TRAIN_ARGS = d('''
    torch.manual_seed(0)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    X, y = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    for epoch in range(args.epochs):
        for i in range(0, len(X), args.batch_size):
            xb, yb = X[i:i + args.batch_size], y[i:i + args.batch_size]
            opt.zero_grad()
            loss = F.mse_loss(model(xb), yb)
            loss.backward()
            opt.step()
        print(f"epoch {epoch}: {loss.item():.4f}")
    ''')
CASES["r30_nb_sys_argv_reset_for_argparse"] = [
    IMPORTS, ARGV, *answers(q7="functional", q8="star_list", extra7=[TRAIN_ARGS], q5="type_check"), SHAPES,
]

# ===============================================================================================================
# 6. saved error outputs, a NameError saved from running a cell before the imports, !nvidia-smi, %whos
# ===============================================================================================================
TB = ["\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
      "\x1b[0;31mNameError\x1b[0m                                 Traceback (most recent call last)",
      "Cell \x1b[0;32mIn[14], line 1\x1b[0m",
      "\x1b[0;31mNameError\x1b[0m: name 'summary' is not defined"]
CASES["r30_nb_saved_error_outputs_nvidia_smi_whos"] = [
    C("!nvidia-smi\n", 1, [out("/bin/bash: nvidia-smi: command not found\n")]),
    C(IMPORTS + "from torchsummary import summary\n", 2),
    *answers(q3="lists", q4="count_helper", q10="numpy_bools", q7="features_classifier",
             extra7=[C("summary(CNN(), (1, 100, 100))   # lecture did this\n", 14,
                       [error("NameError", "name 'summary' is not defined", TB)]),
                     C("summary(CNN(), (1, 100, 100), device='cpu')\n", 15,
                       [out("Total params: 1,337\n")])]),
    C("%whos\n", 40, [out("Variable   Type    Data/Info\n----------------------------\nCNN        type    <class '__main__.CNN'>\n")]),
    C("q6_output.sum()\n", None, none=True),
]

# ===============================================================================================================
# 7. the answers kept in a pandas table (q9, q10 read out of it), shapes from itertuples
# ===============================================================================================================
PANDAS_Q3 = d('''
    import pandas as pd

    layers = pd.DataFrame({
        "layer": ["conv1", "pool1", "conv2", "pool2"],
        "C": [3, 3, 2, 2],
        "H": [100, 50, 50, 25],
        "W": [100, 50, 50, 25],
    })
    q3_shapes = list(layers[["C", "H", "W"]].itertuples(index=False, name=None))
    q3_flatten_features = int(layers.iloc[-1][["C", "H", "W"]].prod())
    layers
    ''')
PANDAS_Q9 = d('''
    quiz = pd.DataFrame({"letter": list("ABCDE"),
                         "true": [False, False, True, False, False],
                         "why": ["3D/4D input", "3D/4D output", "(out, in, kH, kW)", "a narrow layer can shrink it",
                                 "depends on the layers"]})
    q9_true = set(quiz.loc[quiz["true"], "letter"])
    quiz.style.hide(axis="index")
    ''')
PANDAS_Q10 = d('''
    statements = pd.Series([True, False, True, True, False, False, True, False], index=range(1, 9), name="answer")
    q10_answers = statements.to_dict()
    statements.to_frame().T
    ''')
CASES["r30_nb_pandas_tables_of_answers"] = [
    IMPORTS + "import pandas as pd\npd.options.display.max_columns = 20\npd.set_option('display.precision', 3)\n",
    *answers(q3=PANDAS_Q3, q9=PANDAS_Q9, q10=PANDAS_Q10, q7="torch_functional_flatten", q8="modulelist"),
]

# ===============================================================================================================
# 8. a full training run at top level: random_split, DataLoaders, early stopping, checkpoint with map_location
# ===============================================================================================================
TRAIN_FULL = d('''
    from torch.utils.data import TensorDataset, DataLoader, random_split
    import copy

    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(1)
    data = TensorDataset(torch.rand(24, 1, 100, 100), torch.randint(0, 2, (24, 1)).float())
    train_set, valid_set = random_split(data, [16, 8], generator=torch.Generator().manual_seed(0))
    train_loader = DataLoader(train_set, batch_size=8, shuffle=True)
    valid_loader = DataLoader(valid_set, batch_size=8)

    model = CNN().to(device)
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    best_loss, best_state, patience, bad_epochs = float("inf"), None, 2, 0
    for epoch in range(4):
        model.train()
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            valid_loss = sum(criterion(model(xb.to(device)), yb.to(device)).item() for xb, yb in valid_loader)
        print(f"epoch {epoch}: train {loss.item():.3f} valid {valid_loss:.3f}")
        if valid_loss < best_loss:
            best_loss, best_state, bad_epochs = valid_loss, copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= patience:
                print("early stopping")
                break
    model.load_state_dict(best_state)
    torch.save(model.state_dict(), "best_cnn.pt")
    ''')
RELOAD = d('''
    reloaded = CNN()
    reloaded.load_state_dict(torch.load("best_cnn.pt", map_location=device))
    reloaded.eval()
    with torch.no_grad():
        x = torch.rand(3, 1, 100, 100)
        print(torch.allclose(reloaded(x), model.cpu()(x)))
    ''')
_cells = answers(q7="dropout_eval", extra7=[C(TRAIN_FULL, 30, [out("epoch 0: train 0.693 valid 1.386\n")]),
                                            C(RELOAD, 31, [out("True\n")])], q2="steps")
CASES["r30_nb_training_random_split_early_stopping_checkpoint"] = [IMPORTS_PLT + "%matplotlib inline\n", *_cells]

# ===============================================================================================================
# 9. seaborn (not installed here) for the feature maps, retina figures, hooks on an instance removed again
# ===============================================================================================================
SEABORN = d('''
    try:
        import seaborn as sns
        sns.set_theme(style="white")
    except ImportError:
        plt.style.use("ggplot")
    ''')
FMAPS = d('''
    %config InlineBackend.figure_format = "retina"
    feature_maps = {}
    model = CNN().eval()
    handles = [model.main[i].register_forward_hook(
                   lambda m, inp, o, i=i: feature_maps.__setitem__(i, o.detach())) for i in (0, 3)]
    with torch.no_grad():
        model(torch.rand(1, 1, 100, 100))
    for h in handles:
        h.remove()
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for c, ax in enumerate(axes):
        ax.imshow(feature_maps[0][0, c], cmap="viridis")
        ax.set_title(f"conv1 channel {c}")
    plt.tight_layout()
    plt.show()
    ''')
CASES["r30_nb_seaborn_cell_feature_maps_hooks_removed"] = [
    IMPORTS_PLT + "%matplotlib inline\n",
    C(SEABORN, 2, [out("")]),
    *answers(q6=("cat_pad", "python_max", "float"), extra7=[C(FMAPS, 20, [png()])], q3="torch_size"),
]

# ===============================================================================================================
# 10. q6 with as_strided windows and einsum, %timeit / %%timeit, torch.testing.assert_close self-checks
# ===============================================================================================================
Q6_STRIDED = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Cross-correlation of a 2-D image with a 2-D kernel, through a strided view of the windows."""
        if padding:
            image = F.pad(image, (padding,) * 4)
        image = image.contiguous()
        kh, kw = kernel.shape
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        s0, s1 = image.stride()
        windows = image.as_strided(size=(oh, ow, kh, kw), stride=(s0 * stride, s1 * stride, s0, s1))
        return torch.einsum("ijkl,kl->ij", windows, kernel.to(image.dtype))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        s0, s1 = image.contiguous().stride()
        windows = image.contiguous().as_strided((oh, ow, k, k), (s0 * k, s1 * k, s0, s1))
        return windows.reshape(oh, ow, k * k).max(dim=-1).values
    ''')
Q6_CHECK = d('''
    from torch.testing import assert_close

    for trial in range(5):
        img, ker = torch.randn(9, 8), torch.randn(3, 3)
        for s, p in [(1, 0), (2, 1), (3, 2)]:
            assert_close(conv2d(img, ker, stride=s, padding=p),
                         F.conv2d(img[None, None], ker[None, None], stride=s, padding=p)[0, 0])
        assert_close(max_pool2d(img, 2), F.max_pool2d(img[None, None], 2)[0, 0])
    print("all good")
    ''')
CASES["r30_nb_q6_as_strided_einsum_timeit_assert_close"] = [
    IMPORTS,
    *answers(q6=(Q6_STRIDED, "", "computed"), extra6=[C(Q6_CHECK, 12, [out("all good\n")]),
                                                      C("x = torch.rand(64, 64)\n%timeit conv2d(x, torch.rand(3, 3), padding=1)\n", 13),
                                                      C("%%timeit\nmax_pool2d(torch.rand(64, 64), 2)\n", 14)],
             q8="loop_sequential", q9="list"),
]

# ===============================================================================================================
# 11. %reset -f first, Markdown with code fences, raw cells, %store, %who_ls
# ===============================================================================================================
CASES["r30_nb_reset_magic_markdown_fences_raw_cells_store"] = [
    C("%reset -f\n", 1),
    md('''
        ## How a convolution works

        PyTorch does it like this (not allowed in Q6!):

        ```python
        import torch.nn.functional as F
        out = F.conv2d(image[None, None], kernel[None, None])[0, 0]
        pooled = F.max_pool2d(out[None], 2)[0]
        ```
        '''), IMPORTS,
    raw("TODO: ask the TA whether q6_output may be a list"),
    *answers(q6=("item_zeros", "torch_max", "numpy"), q1="comment", q9="tuple", q10="strings"),
    C("%store q4_cnn_params q4_fcnn_params\n", 30, [out("Stored 'q4_cnn_params' (int)\nStored 'q4_fcnn_params' (int)\n")]),
    C("%who_ls\n", 31, [result("['CNN', 'ConvNet', 'F', 'conv2d', 'max_pool2d', 'nn', 'np', 'torch']", 31)]),
]

# ===============================================================================================================
# 12. device with mps, cudnn flags; layers made inside forward (nn.Flatten()(x), nn.MaxPool2d(2)(x))
# ===============================================================================================================
DEVICE = d('''
    import os
    os.environ["PYTORCH_ENABLE_MPS_FALLBACK"] = "1"
    device = torch.device("cuda" if torch.cuda.is_available()
                          else "mps" if torch.backends.mps.is_available() else "cpu")
    torch.manual_seed(0)
    torch.cuda.manual_seed_all(0)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    print("using", device)
    ''')
Q7_INLINE = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = nn.MaxPool2d(2)(nn.ReLU()(self.conv1(x)))
            x = nn.MaxPool2d(2)(nn.ReLU()(self.conv2(x)))
            x = nn.Flatten()(x)
            return self.fc(x)
    ''')
Q8_INLINE = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(nn.Flatten()(self.blocks(x)))
    ''')
CASES["r30_nb_mps_device_layers_made_in_forward"] = [
    IMPORTS, DEVICE,
    *answers(q7=Q7_INLINE, q8=Q8_INLINE,
             extra7=["model = CNN().to(device)\nprint(model(torch.rand(2, 1, 100, 100, device=device)).shape)\n"],
             q3="typed", q5="int_bias"),
]

# ===============================================================================================================
# 13. display(Markdown(...)) summaries, Colab detected from get_ipython()'s text
# ===============================================================================================================
DISPLAY_MD = d('''
    from IPython.display import display, Markdown, HTML

    IN_COLAB = "google.colab" in str(get_ipython())
    display(Markdown(f"**Running on Colab:** {IN_COLAB}"))
    ''')
DISPLAY_ANSWERS = d('''
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in q10_answers.items())
    display(HTML(f"<table><tr><th>statement</th><th>answer</th></tr>{rows}</table>"))
    display(Markdown(f"- conv: `{q4_conv_params}`\\n- CNN: `{q4_cnn_params}`\\n- FCNN: `{q4_fcnn_params}`"))
    ''')
CASES["r30_nb_display_markdown_html_colab_from_get_ipython"] = [
    IMPORTS, DISPLAY_MD, *answers(q4="numpy", q6=("numpy_inside", "reshape", "tensor"), q8="same_verbose"),
    DISPLAY_ANSWERS,
]

# ===============================================================================================================
# scripts
# ===============================================================================================================
WANDB = d('''
    try:
        import wandb   # optional: logs the runs when installed
    except ImportError:
        wandb = None
    ''')
TRAIN_LOG = d('''
    def train(model, steps=3, log_path="train_log.txt"):
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        X, y = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        with open(log_path, "w") as log:
            for step in range(steps):
                opt.zero_grad()
                loss = F.mse_loss(model(X), y)
                loss.backward()
                opt.step()
                print(f"step {step} loss {loss.item():.4f}", file=log)
                if wandb is not None:
                    wandb.log({"loss": loss.item()})
        return model


    if __name__ == "__main__":
        train(CNN())
    ''')
CASES["r30_py_optional_wandb_import_log_file"] = [
    IMPORTS, WANDB, *[c for c in answers(headers=False, q7="functional", q9="set_comment")], TRAIN_LOG,
]

JSON_CFG = d('''
    import json

    CONFIG = json.loads("""
    {
        "conv": [{"in_channels": 1, "out_channels": 3, "kernel_size": 3, "padding": 1},
                 {"in_channels": 3, "out_channels": 2, "kernel_size": 3, "padding": 1}],
        "activation": "ReLU",
        "pool": 2,
        "flat": 1250
    }
    """)
    ''')
Q7_JSON = d('''
    class CNN(nn.Module):
        def __init__(self, config=CONFIG):
            super().__init__()
            layers = []
            for spec in config["conv"]:
                layers += [nn.Conv2d(**spec), getattr(nn, config["activation"])(), nn.MaxPool2d(config["pool"])]
            layers += [nn.Flatten(), nn.Linear(config["flat"], 1)]
            self.net = nn.Sequential(*layers)

        def forward(self, x):
            return self.net(x)
    ''')
CASES["r30_py_json_config_layers_getattr_nn"] = [
    IMPORTS, JSON_CFG, *answers(headers=False, q7=Q7_JSON, q8="modulelist", q6=("cat_pad", "reshape", "list")),
    "if __name__ == '__main__':\n    print(CNN())\n",
]

Q6_NS = d('''
    from types import SimpleNamespace


    def _geometry(image, kernel, stride, padding):
        """Sizes of one convolution, bundled so I don't mix them up."""
        h, w = image.shape
        kh, kw = kernel.shape
        return SimpleNamespace(kh=kh, kw=kw, oh=(h + 2 * padding - kh) // stride + 1,
                               ow=(w + 2 * padding - kw) // stride + 1)


    def conv2d(image, kernel, stride=1, padding=0):
        g = _geometry(image, kernel, stride, padding)
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out = torch.zeros(g.oh, g.ow, dtype=image.dtype)
        for i in range(g.oh):
            for j in range(g.ow):
                out[i, j] = (padded[i * stride:i * stride + g.kh, j * stride:j * stride + g.kw] * kernel).sum()
        return out
    ''')
CASES["r30_py_q6_simplenamespace_geometry_helper"] = [
    IMPORTS, *answers(headers=False, q6=(Q6_NS, "loops", "tensor"), q2="np_floor", q10="computed"),
]

Q6_ENV = d('''
    import os

    DEBUG = os.environ.get("LAB6_DEBUG", "0") == "1"


    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        if padding > 0:
            image = F.pad(image, (padding, padding, padding, padding))
        oh = (image.shape[0] - kh) // stride + 1
        ow = (image.shape[1] - kw) // stride + 1
        if DEBUG:
            print(f"conv2d: {tuple(image.shape)} * {tuple(kernel.shape)} -> ({oh}, {ow})")
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = torch.sum(image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return out
    ''')
CASES["r30_py_q6_debug_flag_from_environment"] = [
    IMPORTS, *answers(headers=False, q6=(Q6_ENV, "torch_max", "tensor"), q3="lists", q4="typed"),
]

Q6_DATETIME = d('''
    from datetime import datetime


    def conv2d(image, kernel, stride=1, padding=0, verbose=False):
        started = datetime.now()
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        rows = []
        for i in range(0, padded.shape[0] - kh + 1, stride):
            rows.append(torch.stack([(padded[i:i + kh, j:j + kw] * kernel).sum()
                                     for j in range(0, padded.shape[1] - kw + 1, stride)]))
        out = torch.stack(rows)
        if verbose:
            print(f"conv2d took {(datetime.now() - started).total_seconds() * 1000:.1f} ms")
        return out
    ''')
CASES["r30_py_q6_verbose_timing_with_datetime"] = [
    IMPORTS, *answers(headers=False, q6=(Q6_DATETIME, "python_max", "float"), q5="type_check", q8="star_list"),
    "print(conv2d(torch.rand(28, 28), torch.rand(3, 3), padding=1, verbose=True).shape)\n",
]

DATACLASS_TRAIN = d('''
    from dataclasses import dataclass, field, asdict


    @dataclass
    class TrainConfig:
        lr: float = 0.01
        epochs: int = 2
        seed: int = 0
        betas: tuple = (0.9, 0.999)
        tags: list = field(default_factory=lambda: ["lecture6", "cnn"])


    def run(cfg: TrainConfig) -> nn.Module:
        torch.manual_seed(cfg.seed)
        model = CNN()
        opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, betas=cfg.betas)
        X, y = torch.rand(6, 1, 100, 100), torch.rand(6, 1)
        for _ in range(cfg.epochs):
            opt.zero_grad()
            F.mse_loss(model(X), y).backward()
            opt.step()
        path = f"cnn_seed{cfg.seed}.pt"
        torch.save({"config": asdict(cfg), "state": model.state_dict()}, path)
        checkpoint = torch.load(path, map_location="cpu")
        model.load_state_dict(checkpoint["state"])
        return model


    trained = run(TrainConfig(epochs=1))
    print(asdict(TrainConfig()))
    ''')
CASES["r30_py_dataclass_config_checkpoint_dict_reloaded"] = [
    IMPORTS, *answers(headers=False, q7="features_classifier", q8="loop_sequential", q9="set_call"), DATACLASS_TRAIN,
]

Q7_CLASSMETHODS = d('''
    class CNN(nn.Module):
        """The pooled CNN of Q3.

        Args:
            in_channels: channels of the input image.
            side: height (= width) of the input image.
        """

        def __init__(self, in_channels: int = 1, side: int = 100) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(in_channels, 3, kernel_size=3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * self.pooled_side(side) ** 2, 1)

        @staticmethod
        def pooled_side(side: int) -> int:
            return side // 2 // 2

        @classmethod
        def from_config(cls, config: dict) -> "CNN":
            return cls(**config)

        @property
        def n_params(self) -> int:
            return sum(p.numel() for p in self.parameters())

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(start_dim=1))

        @torch.no_grad()
        def predict_proba(self, x: torch.Tensor) -> torch.Tensor:
            was_training = self.training
            self.eval()
            p = torch.sigmoid(self(x))
            self.train(was_training)
            return p

        def __repr__(self) -> str:
            return f"CNN(params={self.n_params})"
    ''')
Q8_KWARGS = d('''
    def conv_block(input_channels, output_channels, kernel_size=3, activation=nn.ReLU, **conv_kwargs):
        """Conv2d (same padding for odd kernels) followed by an activation."""
        return nn.Sequential(
            nn.Conv2d(input_channels, output_channels, kernel_size, padding=kernel_size // 2, **conv_kwargs),
            activation(),
        )


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int, width: int = 3, depth: int = 5, side: int = 128) -> None:
            super().__init__()
            self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else width, width, bias=True)
                                        for i in range(depth)])
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * side * side, 1))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.head(self.body(x))
    ''')
CASES["r30_py_classmethod_property_repr_conv_block_kwargs"] = [
    IMPORTS, *answers(headers=False, q7=Q7_CLASSMETHODS, q8=Q8_KWARGS, q2="math_floor", q10="tensor_bools"),
    "model = CNN.from_config({'in_channels': 1})\nprint(model, model.predict_proba(torch.rand(2, 1, 100, 100)).shape)\n",
]

CASES["r30_py_sys_argv_switches_main_training"] = [
    IMPORTS + "import sys\n",
    *answers(headers=False, q7="verbose_same", q8="same_verbose", q3="torch_run"),
    d('''
        def train(steps=3):
            model = CNN()
            opt = torch.optim.SGD(model.parameters(), lr=0.01)
            for step in range(steps):
                opt.zero_grad()
                loss = F.mse_loss(model(torch.rand(4, 1, 100, 100)), torch.rand(4, 1))
                loss.backward()
                opt.step()
                print(step, round(loss.item(), 4))
            return model


        if __name__ == "__main__":
            if "--train" in sys.argv[1:]:
                train(int(sys.argv[sys.argv.index("--train") + 1]) if len(sys.argv) > 2 else 3)
            else:
                print("usage: python lab6.py [--train STEPS]")
        '''),
]


# ===============================================================================================================
# second batch: the same kinds of set-up in other shapes, and what the first batch showed the reader reads
# ===============================================================================================================
NP_SHIM = d('''
    import numpy as np
    # an old plotting helper from last term still uses np.float / np.int (removed in NumPy 1.24)
    if not hasattr(np, "float"):
        np.float = float
        np.int = int
    ''')
CASES["r30_nb_numpy_float_int_alias_shim"] = [
    C(NP_SHIM, 1), C(IMPORTS, 2), *answers(q4="numpy", q6=("numpy_inside", "loops", "numpy"), q10="numpy_bools"),
    SHAPES,
]

LOGGING_RESET = d('''
    import logging

    logging.root.handlers = []          # basicConfig does nothing in Jupyter otherwise
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    log = logging.getLogger("lab6")
    log.propagate = False
    log.addHandler(logging.StreamHandler())
    log.info("notebook started")
    ''')
CASES["r30_nb_logging_root_handlers_reset"] = [
    IMPORTS, LOGGING_RESET,
    *answers(q7="functional", q8="modulelist",
             extra7=['log.info("CNN has %d parameters", sum(p.numel() for p in CNN().parameters()))\n']),
]

BUNCH = d('''
    class Config:
        """Hyper-parameters as attributes (the 'Bunch' recipe)."""

        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

        def __repr__(self):
            return f"Config({self.__dict__})"


    cfg = Config(channels=(1, 3, 2), kernel_size=3, padding=1, side=100, lr=0.01)
    cfg
    ''')
Q7_BUNCH = d('''
    class CNN(nn.Module):
        def __init__(self, config=cfg):
            super().__init__()
            c0, c1, c2 = config.channels
            self.main = nn.Sequential(
                nn.Conv2d(c0, c1, config.kernel_size, padding=config.padding), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(c1, c2, config.kernel_size, padding=config.padding), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(c2 * (config.side // 4) ** 2, 1),
            )

        def forward(self, x):
            return self.main(x)
    ''')
CASES["r30_nb_bunch_config_dict_update"] = [IMPORTS, BUNCH, *answers(q7=Q7_BUNCH, q9="list", q3="typed"), SHAPES]

Q6_NPT = d('''
    from typing import Union

    import numpy.typing as npt

    Array = Union[torch.Tensor, npt.NDArray[np.float64]]


    def conv2d(image: Array, kernel: Array, stride: int = 1, padding: int = 0) -> torch.Tensor:
        image, kernel = torch.as_tensor(image), torch.as_tensor(kernel)
        h, w = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros((h + 2 * padding, w + 2 * padding))
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = image.new_zeros((oh, ow))
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image: Array, kernel_size: int = 2) -> torch.Tensor:
        image = torch.as_tensor(image)
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        return torch.stack([torch.stack([image[i * k:(i + 1) * k, j * k:(j + 1) * k].max() for j in range(ow)])
                            for i in range(oh)])
    ''')
CASES["r30_py_q6_numpy_typing_annotations"] = [
    IMPORTS, *answers(headers=False, q6=(Q6_NPT, "", "list"), q2="steps", q9="set_comment"),
]

TEMPDIR = d('''
    import os
    import tempfile

    model = CNN()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cnn.pt")
        torch.save(model.state_dict(), path)
        restored = CNN()
        restored.load_state_dict(torch.load(path, weights_only=True))
    x = torch.rand(2, 1, 100, 100)
    print(torch.equal(model(x), restored(x)))
    ''')
CASES["r30_nb_tempfile_checkpoint_round_trip"] = [
    IMPORTS, *answers(q7="features_classifier", extra7=[C(TEMPDIR, 25, [out("True\n")])], q8="loop_sequential"),
]

CONFIG_CLASS = d('''
    class Config:
        in_channels = 1
        channels = (3, 2)
        kernel_size = 3
        side = 100
        epochs = 10
        lr = 0.01


    Config.epochs = 1        # quick run while I debug
    Config.lr = 0.05
    ''')
Q7_CONFIG_CLASS = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            c1, c2 = Config.channels
            k = Config.kernel_size
            self.conv1 = nn.Conv2d(Config.in_channels, c1, k, padding=k // 2)
            self.conv2 = nn.Conv2d(c1, c2, k, padding=k // 2)
            self.fc = nn.Linear(c2 * (Config.side // 4) ** 2, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.view(x.size(0), -1))
    ''')
TRAIN_CONFIG_CLASS = d('''
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=Config.lr)
    for epoch in range(Config.epochs):
        opt.zero_grad()
        F.mse_loss(model(torch.rand(4, 1, 100, 100)), torch.rand(4, 1)).backward()
        opt.step()
    ''')
CASES["r30_py_config_class_attributes_overridden"] = [
    IMPORTS, CONFIG_CLASS, *answers(headers=False, q7=Q7_CONFIG_CLASS, q8="star_list", q10="str_keys"),
    TRAIN_CONFIG_CLASS,
]

ENV_REPORT = d('''
    import platform
    import sys

    print("python", sys.version.split()[0], "on", platform.platform())
    print("torch", torch.__version__, "numpy", np.__version__)
    print(torch.__config__.show())
    print(torch.__config__.parallel_info())
    ''')
CASES["r30_nb_torch_config_show_environment_report"] = [
    IMPORTS, C(ENV_REPORT, 2, [out("python 3.11.7 on Linux\ntorch 2.3.0 numpy 1.26.4\nPyTorch built with:\n  - GCC 9.3\n")]),
    *answers(q6=("cat_pad", "torch_max", "tensor"), q2="np_floor"),
]

Q7_CLASS_ATTRS = d('''
    class CNN(nn.Module):
        # parameter-free layers shared by every instance
        relu = nn.ReLU()
        pool = nn.MaxPool2d(2)
        flatten = nn.Flatten()

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(self.relu(self.conv1(x)))
            x = self.pool(self.relu(self.conv2(x)))
            return self.fc(self.flatten(x))
    ''')
Q8_SLICED = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                     nn.Flatten(), nn.Linear(49152, 1))

        def features(self, x):
            return self.net[:-2](x)          # the five blocks

        def forward(self, x):
            return self.net[-2:](self.features(x))
    ''')
CASES["r30_nb_class_attribute_layers_sequential_slices"] = [
    IMPORTS, *answers(q7=Q7_CLASS_ATTRS, q8=Q8_SLICED, q5="type_check"), SHAPES,
    "ConvNet(1).features(torch.rand(1, 1, 128, 128)).shape\n",
]

PD_JSON = d('''
    import json
    import pandas as pd

    pd.options.mode.chained_assignment = None
    table = pd.DataFrame({"q": [f"q10.{k}" for k in q10_answers], "answer": list(q10_answers.values())})
    table["answer"] = table["answer"].astype(bool)
    with open("answers.json", "w") as f:
        json.dump({"q1": q1_answer, "q9": sorted(q9_true), "q10": table.to_dict(orient="records")}, f, indent=2)
    ''')
CASES["r30_py_pandas_option_json_dump_answers"] = [
    IMPORTS, *answers(headers=False, q7="dropout_eval", q8="lecture"), PD_JSON,
]


# ---------------------------------------------------------------------------------------------------------------
# Isolation copies (see _r30_findings.md): each one of a losing file with ONE construct changed.
# ---------------------------------------------------------------------------------------------------------------
ISO: dict[str, list] = {}


def iso(name: str, base: str, *changes: tuple[str, str]) -> None:
    """ISO[name] = CASES[base] with each (old, new) replaced in its code cells (every old must occur)."""
    found = {old: 0 for old, _ in changes}

    def edit(src: str) -> str:
        for old, new in changes:
            if old in src:
                found[old] += 1
                src = src.replace(old, new)
        return src

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
# 1. AttrDict
iso(f"iso{_NB}attrdict_as_simplenamespace", "r30_nb_attrdict_config_builds_models",
    ('''class AttrDict(dict):
    """A dict whose keys are also attributes: cfg.lr instead of cfg["lr"]."""
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__
''', "from types import SimpleNamespace as AttrDict\n"))
iso(f"iso{_NB}attrdict_dunder_methods", "r30_nb_attrdict_config_builds_models",
    ('''    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__
''', '''    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value
'''))
iso(f"iso{_NB}attrdict_getattr_only", "r30_nb_attrdict_config_builds_models",
    ("    __setattr__ = dict.__setitem__\n    __delattr__ = dict.__delitem__\n", ""),
    ("cfg.batch_size = 8", 'cfg["batch_size"] = 8'))
# 2. Bunch
iso(f"iso{_NB}bunch_setattr_loop", "r30_nb_bunch_config_dict_update",
    ("        self.__dict__.update(kwargs)\n", "        for key, value in kwargs.items():\n            setattr(self, key, value)\n"),
    ('return f"Config({self.__dict__})"', 'return "Config(...)"'))
iso(f"iso{_NB}bunch_dict_in_repr_only", "r30_nb_bunch_config_dict_update",
    ("        self.__dict__.update(kwargs)\n", "        for key, value in kwargs.items():\n            setattr(self, key, value)\n"))
# 3. Colab try-import + answers written
iso(f"iso{_NB}colab_answers_printed_not_written", "r30_nb_colab_try_import_answers_json_written",
    ('''with open("my_answers.json", "w") as f:
    f.write(json.dumps(summary_of_answers, indent=2))
print(open("my_answers.json").read()[:80])''', "print(json.dumps(summary_of_answers, indent=2)[:80])"))
iso(f"iso{_NB}colab_answers_json_dump", "r30_nb_colab_try_import_answers_json_written",
    ("    f.write(json.dumps(summary_of_answers, indent=2))", "    json.dump(summary_of_answers, f, indent=2)"))
iso(f"iso{_NB}colab_answers_written_constant_text", "r30_nb_colab_try_import_answers_json_written",
    ("    f.write(json.dumps(summary_of_answers, indent=2))", '    f.write("answers are in the notebook\\n")'))
iso(f"iso{_NB}colab_drive_import_under_false_flag", "r30_nb_colab_try_import_answers_json_written",
    ('''try:
    import google.colab  # noqa: F401
    IN_COLAB = True
except ImportError:
    IN_COLAB = False''', "IN_COLAB = False"))
iso(f"iso{_NB}colab_no_google_imports", "r30_nb_colab_try_import_answers_json_written",
    ('''try:
    import google.colab  # noqa: F401
    IN_COLAB = True
except ImportError:
    IN_COLAB = False''', "IN_COLAB = False"),
    ('''    from google.colab import drive
    drive.mount("/content/drive")''', '''    print("mount the drive by hand")'''))
# 4. InteractiveShell
iso(f"iso{_NB}shell_config_magic", "r30_nb_interactiveshell_all_outputs_autoreload",
    ('from IPython.core.interactiveshell import InteractiveShell\nInteractiveShell.ast_node_interactivity = "all"\n',
     '%config InteractiveShell.ast_node_interactivity = "all"\n'))
iso(f"iso{_NB}shell_import_only", "r30_nb_interactiveshell_all_outputs_autoreload",
    ('InteractiveShell.ast_node_interactivity = "all"\n', ''))
# 5. logging
iso(f"iso{_NB}logging_handlers_clear_call", "r30_nb_logging_root_handlers_reset",
    ("logging.root.handlers = []", "logging.root.handlers.clear()"))
iso(f"iso{_NB}logging_basicconfig_force", "r30_nb_logging_root_handlers_reset",
    ("logging.root.handlers = []          # basicConfig does nothing in Jupyter otherwise\n", ""),
    ('format="%(asctime)s %(levelname)s %(message)s")', 'format="%(asctime)s %(levelname)s %(message)s", force=True)'))
# 6. numpy shim
iso(f"iso{_NB}numpy_shim_removed", "r30_nb_numpy_float_int_alias_shim",
    ('if not hasattr(np, "float"):\n    np.float = float\n    np.int = int\n', ''))
# 7. sys.argv
iso(f"iso{_NB}argparse_parse_args_empty_list", "r30_nb_sys_argv_reset_for_argparse",
    ("sys.argv = ['']   # Jupyter passes its own arguments; argparse would choke on them\n", ""),
    ("args = parser.parse_args()", "args = parser.parse_args(args=[])"))
iso(f"iso{_NB}argparse_parse_known_args", "r30_nb_sys_argv_reset_for_argparse",
    ("sys.argv = ['']   # Jupyter passes its own arguments; argparse would choke on them\n", ""),
    ("args = parser.parse_args()", "args, _ = parser.parse_known_args()"))
# 8. torch.__config__
iso(f"iso{_NB}environment_report_without_config", "r30_nb_torch_config_show_environment_report",
    ("print(torch.__config__.show())\nprint(torch.__config__.parallel_info())\n", ""))
iso(f"iso{_NB}environment_report_parallel_info_only", "r30_nb_torch_config_show_environment_report",
    ("print(torch.__config__.show())\n", ""))
# 9. torchinfo + CSV
iso(f"iso{_NB}torchinfo_without_csv", "r30_nb_torchinfo_pip_and_counts_to_csv",
    ('counts.to_csv("q4_counts.csv", index=False)\n', ''))
iso(f"iso{_NB}csv_without_torchinfo", "r30_nb_torchinfo_pip_and_counts_to_csv",
    ('''try:
    from torchinfo import summary          # nicer table, shows input and output sizes
except ImportError:
    from torchsummary import summary       # the lecture's one''', "from torchsummary import summary"))
# 10. wandb + log file
iso("iso_py_wandb_log_printed", "r30_py_optional_wandb_import_log_file",
    ('    with open(log_path, "w") as log:\n', '    if True:\n'),
    ('print(f"step {step} loss {loss.item():.4f}", file=log)', 'print(f"step {step} loss {loss.item():.4f}")'))
iso("iso_py_log_file_without_wandb", "r30_py_optional_wandb_import_log_file",
    ('''try:
    import wandb   # optional: logs the runs when installed
except ImportError:
    wandb = None''', "wandb = None   # no experiment tracking here"))
# 11-14. q6 helpers reaching modules outside the allowlist
iso("iso_py_q6_debug_flag_constant", "r30_py_q6_debug_flag_from_environment",
    ('import os\n\nDEBUG = os.environ.get("LAB6_DEBUG", "0") == "1"', 'DEBUG = False'))
iso("iso_py_q6_debug_flag_os_getenv", "r30_py_q6_debug_flag_from_environment",
    ('DEBUG = os.environ.get("LAB6_DEBUG", "0") == "1"', 'DEBUG = os.getenv("LAB6_DEBUG") == "1"'))
iso("iso_py_q6_geometry_namedtuple", "r30_py_q6_simplenamespace_geometry_helper",
    ("from types import SimpleNamespace\n", "from collections import namedtuple\n\nGeometry = namedtuple(\"Geometry\", \"kh kw oh ow\")\n"),
    ("return SimpleNamespace(", "return Geometry("))
iso("iso_py_q6_timing_perf_counter", "r30_py_q6_verbose_timing_with_datetime",
    ("from datetime import datetime\n", "from time import perf_counter\n"),
    ("started = datetime.now()", "started = perf_counter()"),
    ("(datetime.now() - started).total_seconds() * 1000", "(perf_counter() - started) * 1000"))
iso("iso_py_q6_union_without_numpy_typing", "r30_py_q6_numpy_typing_annotations",
    ("\nimport numpy.typing as npt\n", ""), ("npt.NDArray[np.float64]", "np.ndarray"))


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
