"""Round 31 of the fairness corpus: what the judge's static reader refuses that ordinary students write.

Set-up cells, utilities and habits students copy from course templates, Kaggle, Colab and Stack Overflow, around
correct answers: configurations kept in frozen dataclasses with a derived field (``object.__setattr__`` in
``__post_init__``), in namedtuples (``_replace``, ``_asdict``), in plain classes printed or saved through their
``__dict__``, in YAML read with ``yaml.load(..., Loader=yaml.SafeLoader)``; Kaggle's
``torch.multiprocessing.set_sharing_strategy``, ``os.environ.update`` in a seeding helper, ``logging.config.dictConfig``,
layer shapes printed by walking a Sequential's ``_modules``, an ``Enum``'s ``__members__``, a class's ``__annotations__``, a
``dict`` subclass with ``__missing__``, a singleton's ``__new__``, an ONNX export guarded by ``try``, Colab's drive
folder or an ``outputs/`` folder written with ``Path.write_text`` beside an optional import, a header cell that
prints the user (``getpass.getuser()``) or the machine's address (``socket.gethostbyname``), and doctest's
``run_docstring_examples(conv2d, globals())``; and, beside them, ordinary files that should keep every point:
reproducibility cells, ``unittest`` / pytest-style self-checks, q6 helpers with ``functools`` / ``itertools`` /
``contextlib`` / ``string.Template``, ``argparse.parse_known_args`` with logging and timing, ``Enum`` / ``ABC`` /
``__slots__`` / properties, an outputs folder zipped, shell and line magics, live plots with ``clear_output`` and
an ``ipywidgets`` slider, JSON / CSV / YAML configs, ``from __future__ import annotations`` with ``Protocol`` /
``TypedDict`` / ``Literal`` in q6.  q1-q5, q9, q10 reuse round 26's snippets where nothing new is tried there.

    python tests/corpus/fair/_make_r31.py            # rewrites tests/corpus/fair/r31_*
    python tests/corpus/fair/_make_r31.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r31.py --iso DIR  # isolation copies for _r31_findings.md (not corpus files)
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
Q7, Q8 = r30.Q7, r30.Q8


def write_notebook(path: Path, cells: list) -> None:
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
        cell.id = f"r31-{k:03d}"
    nb.cells = out_cells
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")


def write(out_dir: Path, name: str, cells: list) -> None:
    if "_nb_" in name:
        write_notebook(out_dir / f"{name}.ipynb", cells)
    else:
        r30.write_script(out_dir / f"{name}.py", cells)


CASES: dict[str, list] = {}

# q7 / q8 written from a configuration's values (used by several files below)
Q7_FROM_CFG = d('''
    class CNN(nn.Module):
        def __init__(self, cfg=CFG):
            super().__init__()
            c0, c1, c2 = cfg.channels
            pad = cfg.kernel_size // 2
            self.conv1 = nn.Conv2d(c0, c1, cfg.kernel_size, padding=pad)
            self.conv2 = nn.Conv2d(c1, c2, cfg.kernel_size, padding=pad)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(cfg.flat_features, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))
    ''')

TRAIN_TINY = d('''
    # a tiny training run on random data, to see the loss go down
    xs, ys = torch.rand(16, 1, 100, 100), torch.rand(16, 1)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    for epoch in range(EPOCHS):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))
    ''')

# ===============================================================================================================
# 1. frozen dataclass config with a derived field set in __post_init__ by object.__setattr__
# ===============================================================================================================
FROZEN_CFG = d('''
    from dataclasses import dataclass, field


    @dataclass(frozen=True)
    class CNNConfig:
        image_size: int = 100
        channels: tuple = (1, 3, 2)
        kernel_size: int = 3
        n_pools: int = 2
        flat_features: int = field(init=False)

        def __post_init__(self):
            side = self.image_size // 2 ** self.n_pools
            # the dataclass is frozen: this is how the docs set a derived field
            object.__setattr__(self, "flat_features", self.channels[-1] * side * side)


    CFG = CNNConfig()
    print(CFG)
    ''')
CASES["r31_nb_frozen_dataclass_config_post_init_derived"] = [
    md("# Lab 6: CNNs\nThe architecture lives in one frozen config."),
    IMPORTS, FROZEN_CFG, *answers(q7=Q7_FROM_CFG, q3="typed"), SHAPES,
]

# ===============================================================================================================
# 2. YAML config written by %%writefile, read with yaml.load(..., Loader=yaml.SafeLoader)
# ===============================================================================================================
YAML_FILE = d('''
    %%writefile lab6_config.yaml
    cnn:
      channels: [1, 3, 2]
      kernel_size: 3
      flat_features: 1250
    convnet:
      width: 3
      n_blocks: 5
      image_size: 128
    train:
      lr: 0.01
      epochs: 2
    ''')
YAML_LOAD = d('''
    import yaml

    with open("lab6_config.yaml") as f:
        config = yaml.load(f, Loader=yaml.SafeLoader)
    config
    ''')
Q7_YAML = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            c = config["cnn"]
            c0, c1, c2 = c["channels"]
            k = c["kernel_size"]
            self.features = nn.Sequential(
                nn.Conv2d(c0, c1, k, padding=k // 2), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(c1, c2, k, padding=k // 2), nn.ReLU(), nn.MaxPool2d(2),
            )
            self.head = nn.Linear(c["flat_features"], 1)

        def forward(self, x):
            return self.head(self.features(x).flatten(1))
    ''')
Q8_YAML = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            c = config["convnet"]
            widths = [input_channels] + [c["width"]] * c["n_blocks"]
            self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(widths, widths[1:])])
            self.fc = nn.Linear(c["width"] * c["image_size"] ** 2, 1)

        def forward(self, x):
            return self.fc(self.blocks(x).flatten(1))
    ''')
CASES["r31_nb_yaml_config_load_safe_loader"] = [
    IMPORTS, C(YAML_FILE, 1, [out("Writing lab6_config.yaml\n")]), YAML_LOAD,
    *answers(q7=Q7_YAML, q8=Q8_YAML, q9="list"), SHAPES,
]

# ===============================================================================================================
# 3. Kaggle's DataLoader fix: torch.multiprocessing.set_sharing_strategy("file_system")
# ===============================================================================================================
KAGGLE_SETUP = d('''
    import os
    from torch.utils.data import DataLoader, TensorDataset

    # Kaggle: "RuntimeError: received 0 items of ancdata" with several workers otherwise
    torch.multiprocessing.set_sharing_strategy("file_system")
    print(os.cpu_count(), "CPUs")
    ''')
KAGGLE_TRAIN = d('''
    train_ds = TensorDataset(torch.rand(32, 1, 128, 128), torch.rand(32, 1))
    train_dl = DataLoader(train_ds, batch_size=8, shuffle=True, num_workers=0)
    net = ConvNet(1)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = F.mse_loss(net(xb), yb)
        loss.backward()
        opt.step()
    print("last batch loss", loss.item())
    ''')
CASES["r31_nb_dataloader_sharing_strategy_file_system"] = [
    md("Kaggle notebook: CNN lab"), IMPORTS, KAGGLE_SETUP, *answers(q8="star_list", q2="np_floor"), KAGGLE_TRAIN,
]

# ===============================================================================================================
# 4. seeding helper setting the environment with os.environ.update({...})
# ===============================================================================================================
SEED_UPDATE = d('''
    import os
    import random


    def seed_everything(seed: int = 42) -> None:
        """Same numbers on every run (CPU and GPU)."""
        os.environ.update({"PYTHONHASHSEED": str(seed), "CUBLAS_WORKSPACE_CONFIG": ":4096:8"})
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False


    seed_everything()
    ''')
CASES["r31_py_reproducibility_environ_update"] = [
    IMPORTS, SEED_UPDATE, *answers(headers=False, q7="functional", q8="modulelist", q4="count_helper"),
    "if __name__ == '__main__':\n    print(CNN()(torch.rand(1, 1, 100, 100)))\n",
]

# ===============================================================================================================
# 5. config class whose __repr__ lists self.__dict__.items()
# ===============================================================================================================
REPR_CFG = d('''
    class TrainConfig:
        def __init__(self, lr=0.01, epochs=2, batch_size=8):
            self.lr = lr
            self.epochs = epochs
            self.batch_size = batch_size

        def __repr__(self):
            fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
            return f"{type(self).__name__}({fields})"


    cfg = TrainConfig(lr=0.05)
    cfg
    ''')
TRAIN_CFG = d('''
    xs, ys = torch.rand(cfg.batch_size, 1, 100, 100), torch.rand(cfg.batch_size, 1)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr)
    for epoch in range(cfg.epochs):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
    print(cfg, loss.item())
    ''')
CASES["r31_nb_config_repr_from_instance_dict"] = [
    IMPORTS, C(REPR_CFG, 2, [result("TrainConfig(lr=0.05, epochs=2, batch_size=8)", 2)]),
    *answers(q7="features_classifier", q10="str_keys"), TRAIN_CFG,
]

# ===============================================================================================================
# 6. config saved to JSON through cfg.__dict__ and read back
# ===============================================================================================================
JSON_CFG = d('''
    import json


    class Config:
        def __init__(self, lr=0.01, epochs=1, width=3):
            self.lr = lr
            self.epochs = epochs
            self.width = width


    cfg = Config(lr=0.02)
    with open("config.json", "w") as f:
        json.dump(cfg.__dict__, f, indent=2)     # save the run's settings beside its results
    with open("config.json") as f:
        cfg = Config(**json.load(f))
    print(cfg.lr, cfg.epochs, cfg.width)
    ''')
CASES["r31_py_config_saved_as_json_through_dunder_dict"] = [
    IMPORTS, JSON_CFG, *answers(headers=False, q7="torch_functional_flatten", q8="loop_sequential"),
]

# ===============================================================================================================
# 7. namedtuple hyper-parameters: a sweep made with _replace, printed with _asdict
# ===============================================================================================================
NT_HP = d('''
    from collections import namedtuple

    HParams = namedtuple("HParams", ["lr", "epochs", "batch_size"])
    base = HParams(lr=0.01, epochs=1, batch_size=4)
    sweep = [base._replace(lr=lr) for lr in (0.1, 0.01)]
    ''')
NT_RUN = d('''
    for hp in sweep:
        torch.manual_seed(0)
        model = CNN()
        opt = torch.optim.SGD(model.parameters(), lr=hp.lr)
        xs, ys = torch.rand(hp.batch_size, 1, 100, 100), torch.rand(hp.batch_size, 1)
        for _ in range(hp.epochs):
            opt.zero_grad()
            loss = F.mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
        print(hp._asdict(), round(loss.item(), 4))
    ''')
CASES["r31_nb_namedtuple_hparams_replace_asdict"] = [
    IMPORTS, NT_HP, *answers(q7="dropout_eval", q5="int_bias"), NT_RUN,
]

# ===============================================================================================================
# 8. shapes printed layer by layer, walking the Sequential's _modules (older PyTorch tutorials)
# ===============================================================================================================
MODULES_WALK = d('''
    model = CNN()
    x = torch.rand(1, 1, 100, 100)
    for name, layer in model.main._modules.items():
        x = layer(x)
        print(f"{name:>2} {type(layer).__name__:<10} {tuple(x.shape)}")
    ''')
CASES["r31_nb_layer_shapes_walked_through_private_modules"] = [
    IMPORTS_PLT, *answers(q7="lecture", q3="formula"),
    C(MODULES_WALK, 14, [out(" 0 Conv2d     (1, 3, 100, 100)\n 1 ReLU       (1, 3, 100, 100)\n")]),
]

# ===============================================================================================================
# 9. an Enum of data splits listed through __members__
# ===============================================================================================================
ENUM_MEMBERS = d('''
    from enum import Enum


    class Split(Enum):
        TRAIN = "train"
        VALID = "valid"
        TEST = "test"


    print("splits:", ", ".join(Split.__members__))
    ''')
ENUM_USE = d('''
    data = {split: torch.rand(4, 1, 100, 100) for split in Split}
    model = CNN().eval()
    with torch.no_grad():
        for split, x in data.items():
            print(split.value, model(x).mean().item())
    ''')
CASES["r31_nb_enum_splits_listed_through_members"] = [
    IMPORTS, ENUM_MEMBERS, *answers(q7="verbose_same", q9="set_comment"), ENUM_USE,
]

# ===============================================================================================================
# 10. a hyper-parameter class described from its __annotations__
# ===============================================================================================================
ANNOT_REPORT = d('''
    class HParams:
        lr: float = 0.01
        epochs: int = 2
        batch_size: int = 8


    def describe(cls):
        print(f"{cls.__name__}:")
        for name, kind in cls.__annotations__.items():
            print(f"  {name:<12} {kind.__name__}")


    describe(HParams)
    ''')
CASES["r31_py_hparams_described_from_annotations"] = [
    IMPORTS, ANNOT_REPORT, *answers(headers=False, q7="lecture", q8="same_verbose", q10="computed"),
]

# ===============================================================================================================
# 11. a dict subclass with __missing__ for the training history
# ===============================================================================================================
MISSING_HIST = d('''
    class History(dict):
        """history["loss"].append(x) without setdefault: a new key starts as an empty list."""

        def __missing__(self, key):
            self[key] = []
            return self[key]
    ''')
MISSING_TRAIN = d('''
    history = History()
    model = ConvNet(3)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    xs, ys = torch.rand(4, 3, 128, 128), torch.rand(4, 1)
    for step in range(3):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
        history["loss"].append(loss.item())
        history["step"].append(step)
    dict(history)
    ''')
CASES["r31_nb_history_dict_subclass_missing"] = [
    IMPORTS, MISSING_HIST, *answers(q8="lecture", q2="math_floor"), MISSING_TRAIN,
]

# ===============================================================================================================
# 12. a run log kept as a singleton (__new__)
# ===============================================================================================================
SINGLETON = d('''
    class RunLog:
        """One log for the whole script, however many times it is asked for."""

        _instance = None

        def __new__(cls):
            if cls._instance is None:
                cls._instance = super().__new__(cls)
                cls._instance.lines = []
            return cls._instance

        def add(self, line):
            self.lines.append(line)
            print(line)


    RunLog().add("lab 6 started")
    ''')
CASES["r31_py_run_log_singleton_new"] = [
    IMPORTS, SINGLETON, *answers(headers=False, q7="functional", q8="star_list"),
    'RunLog().add(f"CNN has {sum(p.numel() for p in CNN().parameters())} parameters")\n'
    'print(len(RunLog().lines), "lines logged")\n',
]

# ===============================================================================================================
# 13. ONNX export of the trained CNN, guarded by try
# ===============================================================================================================
ONNX = d('''
    # export for the demo app (needs the onnx package; skipped without it)
    model = CNN().eval()
    try:
        torch.onnx.export(model, torch.rand(1, 1, 100, 100), "cnn.onnx",
                          input_names=["image"], output_names=["logit"])
        print("exported cnn.onnx")
    except Exception as err:
        print("ONNX export skipped:", type(err).__name__)
    ''')
CASES["r31_nb_onnx_export_guarded_by_try"] = [
    IMPORTS, *answers(q7="lecture", q4="numpy"), ONNX,
]

# ===============================================================================================================
# 14. logging configured with logging.config.dictConfig
# ===============================================================================================================
DICTCONFIG = d('''
    import logging
    import logging.config

    LOGGING = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"short": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s", "datefmt": "%H:%M:%S"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "short", "stream": "ext://sys.stdout"}},
        "root": {"level": "INFO", "handlers": ["console"]},
    }
    logging.config.dictConfig(LOGGING)
    log = logging.getLogger("lab6")
    log.info("logging ready")
    ''')
DICTCONFIG_USE = d('''
    for c in (1, 3):
        net = ConvNet(c)
        log.info("ConvNet(%d): %d parameters", c, sum(p.numel() for p in net.parameters()))
    ''')
CASES["r31_nb_logging_dictconfig_console"] = [
    IMPORTS, DICTCONFIG, *answers(q8="modulelist", q10="plain"), DICTCONFIG_USE,
]

# ===============================================================================================================
# 15. Colab: the drive folder or the current one, answers written under it with Path.write_text
# ===============================================================================================================
COLAB_ROOT = d('''
    from pathlib import Path

    try:
        import google.colab  # noqa: F401
        IN_COLAB = True
    except ImportError:
        IN_COLAB = False

    if IN_COLAB:
        from google.colab import drive
        drive.mount("/content/drive")

    ROOT = Path("/content/drive/MyDrive/lab6") if IN_COLAB else Path(".")
    print("working in", ROOT.resolve())
    ''')
COLAB_WRITE = d('''
    summary = "\\n".join([f"q1 = {q1_answer}", f"q9 = {sorted(q9_true)}", f"q10 = {q10_answers}"])
    (ROOT / "answers.txt").write_text(summary + "\\n")
    print(summary)
    ''')
CASES["r31_nb_colab_drive_root_answers_write_text"] = [
    md("# Lab 6 (Colab)"), COLAB_ROOT, IMPORTS, *answers(q7="lecture", q8="lecture"), COLAB_WRITE,
]

# ===============================================================================================================
# 16. an outputs folder (Path) with the answers written in it, and an optional wandb import
# ===============================================================================================================
OUT_WANDB = d('''
    import json
    from pathlib import Path

    try:
        import wandb  # optional experiment tracking
    except ImportError:
        wandb = None

    OUT = Path("outputs")
    OUT.mkdir(exist_ok=True)
    ''')
OUT_WRITE = d('''
    if __name__ == "__main__":
        answers = {"q1": q1_answer, "q4": [q4_conv_params, q4_cnn_params, q4_fcnn_params], "q9": sorted(q9_true)}
        (OUT / "answers.json").write_text(json.dumps(answers, indent=2))
        if wandb is not None:
            wandb.log(answers)
    ''')
CASES["r31_py_outputs_folder_write_text_optional_wandb"] = [
    IMPORTS, OUT_WANDB, *answers(headers=False, q4="typed", q7="features_classifier"), OUT_WRITE,
]

# ===============================================================================================================
# 17. a header cell printing who ran the notebook (getpass.getuser()), constants after it
# ===============================================================================================================
GETPASS_SETUP = d('''
    import getpass
    import platform
    from datetime import datetime

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    print(f"{getpass.getuser()} | {datetime.now():%Y-%m-%d %H:%M} | Python {platform.python_version()} | torch {torch.__version__}")

    IMAGE_SIZE = 100    # the CNN's input is 1 x 100 x 100
    KERNEL_SIZE = 3
    torch.manual_seed(0)
    ''')
Q3_CONST = d('''
    h1 = conv_output_size(IMAGE_SIZE, KERNEL_SIZE, padding=1)
    p1 = h1 // 2
    h2 = conv_output_size(p1, KERNEL_SIZE, padding=1)
    p2 = h2 // 2
    q3_shapes = [(3, h1, h1), (3, p1, p1), (2, h2, h2), (2, p2, p2)]
    q3_flatten_features = 2 * p2 * p2
    print(q3_shapes, q3_flatten_features)
    ''')
Q7_CONST = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, KERNEL_SIZE, padding=KERNEL_SIZE // 2)
            self.conv2 = nn.Conv2d(3, 2, KERNEL_SIZE, padding=KERNEL_SIZE // 2)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(2 * (IMAGE_SIZE // 4) ** 2, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
CASES["r31_nb_header_cell_getpass_user_then_constants"] = [
    C(GETPASS_SETUP, 1, [out("jlee | 2026-12-02 10:14 | Python 3.11.9 | torch 2.5.1\n")]),
    *answers(q3=Q3_CONST, q7=Q7_CONST, q4="arith"), SHAPES,
]

# ===============================================================================================================
# 18. an environment report in the set-up cell: host name and address (socket), constants after it
# ===============================================================================================================
SOCKET_SETUP = d('''
    import os
    import socket

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    host = socket.gethostname()
    print(f"host {host} ({socket.gethostbyname(host)}), {os.cpu_count()} CPUs, torch {torch.__version__}")

    WIDTH = 3        # channels of every conv block
    N_BLOCKS = 5
    ''')
Q8_CONST = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            blocks = [conv_block(input_channels, WIDTH)]
            blocks += [conv_block(WIDTH, WIDTH) for _ in range(N_BLOCKS - 1)]
            self.blocks = nn.Sequential(*blocks)
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(WIDTH * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.flatten(self.blocks(x)))
    ''')
CASES["r31_nb_environment_report_hostname_address_then_constants"] = [
    C(SOCKET_SETUP, 1, [out("host lab-pc-17 (10.0.4.17), 8 CPUs, torch 2.5.1\n")]),
    *answers(q8=Q8_CONST, q7="torch_functional_flatten"), SHAPES,
]

# ===============================================================================================================
# 19. doctests of conv2d / max_pool2d run with doctest.run_docstring_examples(f, globals())
# ===============================================================================================================
Q6_DOCTEST = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Cross-correlation of a 2-D image with a 2-D kernel (what F.conv2d computes).

        >>> conv2d(torch.ones(4, 4), torch.ones(3, 3))
        tensor([[9., 9.],
                [9., 9.]])
        >>> conv2d(torch.ones(3, 3), torch.ones(3, 3), padding=1)[0, 0].item()
        4.0
        """
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                out[i, j] = (window * kernel).sum()
        return out
    ''')
Q6_POOL_DOCTEST = d('''
    def max_pool2d(image, kernel_size=2):
        """Maximum of each non-overlapping kernel_size x kernel_size block.

        >>> max_pool2d(torch.arange(16.).reshape(4, 4))
        tensor([[ 5.,  7.],
                [13., 15.]])
        """
        k = kernel_size
        h, w = image.shape[0] // k, image.shape[1] // k
        return image[:h * k, :w * k].reshape(h, k, w, k).amax(dim=(1, 3))
    ''')
RUN_DOCTESTS = d('''
    import doctest

    doctest.run_docstring_examples(conv2d, globals(), verbose=False)
    doctest.run_docstring_examples(max_pool2d, globals(), verbose=False)
    ''')
CASES["r31_nb_doctest_run_docstring_examples_globals"] = [
    IMPORTS, *answers(q6=(Q6_DOCTEST, Q6_POOL_DOCTEST, "tensor"), extra6=(RUN_DOCTESTS,)), SHAPES,
]

# ===============================================================================================================
# 20. (ordinary) reproducibility cell, warnings, figure and print settings, then a short training run
# ===============================================================================================================
REPRO_CELL = d('''
    import os
    import random
    import warnings

    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    %matplotlib inline
    %config InlineBackend.figure_format = 'retina'

    SEED = 0
    os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    torch.use_deterministic_algorithms(True)

    warnings.filterwarnings("ignore", category=UserWarning)
    plt.style.use("ggplot")
    plt.rcParams["figure.figsize"] = (6, 3)
    np.set_printoptions(precision=3, suppress=True)
    torch.set_printoptions(precision=3, sci_mode=False)
    pd.set_option("display.precision", 3)
    ''')
LR_EPOCHS = "LR, EPOCHS = 0.01, 3\n"
CASES["r31_nb_reproducibility_cell_deterministic_algorithms"] = [
    REPRO_CELL, *answers(q7="functional", q8="loop_sequential"), LR_EPOCHS, TRAIN_TINY,
    "plt.plot([1, 2, 3]); plt.title('placeholder'); plt.show()\n",
]

# ===============================================================================================================
# 21. (ordinary) unittest.TestCase in the notebook, run with unittest.main(argv=[''], exit=False)
# ===============================================================================================================
UNITTEST = d('''
    import unittest


    class TestLab6(unittest.TestCase):
        def test_conv2d_matches_torch(self):
            x, k = torch.randn(7, 6), torch.randn(3, 2)
            expected = F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
            self.assertTrue(torch.allclose(conv2d(x, k, stride=2, padding=1), expected, atol=1e-5))

        def test_max_pool2d_matches_torch(self):
            x = torch.randn(6, 6)
            self.assertTrue(torch.equal(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0]))

        def test_cnn_output_shape(self):
            self.assertEqual(CNN()(torch.rand(2, 1, 100, 100)).shape, (2, 1))

        def test_convnet_parameters(self):
            self.assertEqual(sum(p.numel() for p in ConvNet(3).parameters()), 49537)


    unittest.main(argv=[""], verbosity=2, exit=False)
    ''')
CASES["r31_nb_unittest_testcase_main_argv"] = [
    IMPORTS, *answers(q6=("loops_zeros", "reshape", "list")), UNITTEST,
]

# ===============================================================================================================
# 22. (ordinary) pytest-style test functions, called at the end of the script
# ===============================================================================================================
PYTEST_STYLE = d('''
    def test_conv2d():
        x, k = torch.randn(6, 5), torch.randn(3, 3)
        for stride, padding in [(1, 0), (2, 1), (1, 2)]:
            want = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
            assert torch.allclose(conv2d(x, k, stride, padding), want, atol=1e-5), (stride, padding)


    def test_max_pool2d():
        x = torch.randn(8, 8)
        assert torch.equal(max_pool2d(x, 2), F.max_pool2d(x[None, None], 2)[0, 0])
        assert torch.equal(max_pool2d(x, 4), F.max_pool2d(x[None, None], 4)[0, 0])


    def test_models():
        assert CNN()(torch.rand(2, 1, 100, 100)).shape == (2, 1)
        assert ConvNet(1)(torch.rand(2, 1, 128, 128)).shape == (2, 1)


    if __name__ == "__main__":
        for test in (test_conv2d, test_max_pool2d, test_models):
            test()
            print(test.__name__, "passed")
    ''')
CASES["r31_py_pytest_style_tests_called_at_end"] = [
    IMPORTS, *answers(headers=False, q6=("item_zeros", "torch_max", "tensor")), PYTEST_STYLE,
]

# ===============================================================================================================
# 23. (ordinary) q6 helpers with functools, itertools, math, operator, contextlib, string.Template, textwrap
# ===============================================================================================================
Q6_TOOLS = d('''
    import functools
    import itertools
    import math
    import operator
    import textwrap
    import time
    from contextlib import contextmanager
    from string import Template

    TOO_BIG = Template("kernel $kh x $kw does not fit the padded $h x $w image")
    TIMINGS = []


    @contextmanager
    def timed(label):
        start = time.perf_counter()
        yield
        TIMINGS.append((label, time.perf_counter() - start))


    @functools.lru_cache(maxsize=None)
    def out_size(n, k, stride, padding):
        return (n + 2 * padding - k) // stride + 1


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        if kh > h + 2 * padding or kw > w + 2 * padding:
            raise ValueError(TOO_BIG.substitute(kh=kh, kw=kw, h=h + 2 * padding, w=w + 2 * padding))
        with timed("conv2d"):
            padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            padded[padding:padding + h, padding:padding + w] = image
            oh, ow = out_size(h, kh, stride, padding), out_size(w, kw, stride, padding)
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i, j in itertools.product(range(oh), range(ow)):
                r, c = i * stride, j * stride
                out[i, j] = (padded[r:r + kh, c:c + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        assert math.prod((oh, ow)) == functools.reduce(operator.mul, (oh, ow), 1)
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i, j in itertools.product(range(oh), range(ow)):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out
    ''')
Q6_TOOLS_REPORT = d('''
    x = torch.randn(9, 9)
    _ = conv2d(x, torch.randn(3, 3), stride=2, padding=1)
    print(textwrap.dedent(f"""\\
        conv2d calls timed: {len(TIMINGS)}
        output sizes cached: {out_size.cache_info().hits} hits
        pooled: {tuple(max_pool2d(x, 3).shape)}"""))
    ''')
_cells = answers(q6=("", "", "computed"))
_i = _cells.index(r30.Q6_OUT["computed"])
CASES["r31_nb_q6_functools_itertools_contextmanager_template"] = [
    IMPORTS, *_cells[:_i], Q6_TOOLS, *_cells[_i:_i + 1], Q6_TOOLS_REPORT, *_cells[_i + 1:], SHAPES,
]

# ===============================================================================================================
# 24. (ordinary) argparse with parse_known_args, logging.getLogger(__name__), perf_counter, system report
# ===============================================================================================================
ARGS_LOG = d('''
    import argparse
    import gc
    import logging
    import os
    import platform
    import sys
    import time

    parser = argparse.ArgumentParser(description="Lab 6: CNNs")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=0.01)
    args, _unknown = parser.parse_known_args()

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logger = logging.getLogger(__name__)
    sys.setrecursionlimit(3000)
    logger.info("Python %s on %s, %s CPUs", platform.python_version(), platform.system(), os.cpu_count())
    ''')
ARGS_MAIN = d('''
    def main():
        start = time.perf_counter()
        model = CNN()
        opt = torch.optim.SGD(model.parameters(), lr=args.lr)
        xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        for epoch in range(args.epochs):
            opt.zero_grad()
            loss = F.mse_loss(model(xs), ys)
            loss.backward()
            opt.step()
            logger.info("epoch %d loss %.4f", epoch, loss.item())
            sys.stdout.flush()
        del model, opt
        gc.collect()
        logger.info("done in %.2f s", time.perf_counter() - start)


    if __name__ == "__main__":
        main()
    ''')
CASES["r31_py_argparse_known_args_logging_perf_counter"] = [
    IMPORTS, ARGS_LOG, *answers(headers=False, q7="verbose_same", q8="lecture", q2="steps"), ARGS_MAIN,
]

# ===============================================================================================================
# 25. (ordinary) Enum for modes, an ABC base, __slots__, __eq__ / __hash__, properties, classmethods, deepcopy
# ===============================================================================================================
OOP = d('''
    import copy
    from abc import ABC, abstractmethod
    from enum import Enum


    class Mode(str, Enum):
        TRAIN = "train"
        EVAL = "eval"


    class Shape:
        __slots__ = ("c", "h", "w")

        def __init__(self, c, h, w):
            self.c, self.h, self.w = c, h, w

        @classmethod
        def of(cls, t):
            return cls(*t.shape[-3:])

        @property
        def numel(self):
            return self.c * self.h * self.w

        def __eq__(self, other):
            return isinstance(other, Shape) and (self.c, self.h, self.w) == (other.c, other.h, other.w)

        def __hash__(self):
            return hash((self.c, self.h, self.w))

        def __repr__(self):
            return f"Shape({self.c}, {self.h}, {self.w})"


    class Experiment(ABC):
        def __init__(self, model, mode=Mode.EVAL):
            self.model = copy.deepcopy(model)
            self.mode = mode

        @abstractmethod
        def inputs(self):
            ...

        def run(self):
            self.model.train(self.mode is Mode.TRAIN)
            with torch.no_grad():
                return self.model(self.inputs())
    ''')
OOP_USE = d('''
    class CNNExperiment(Experiment):
        def inputs(self):
            return torch.rand(2, 1, 100, 100)


    class ConvNetExperiment(Experiment):
        def inputs(self):
            return torch.rand(2, 3, 128, 128)


    if __name__ == "__main__":
        print(CNNExperiment(CNN()).run().shape, ConvNetExperiment(ConvNet(3), Mode.TRAIN).run().shape)
        print({Shape.of(torch.rand(1, 3, 5, 5)), Shape(3, 5, 5)}, Shape(2, 25, 25).numel)
    ''')
CASES["r31_py_enum_abc_slots_properties_deepcopy"] = [
    IMPORTS, OOP, *answers(headers=False, q7="dropout_eval", q8="modulelist", q5="type_check"), OOP_USE,
]

# ===============================================================================================================
# 26. (ordinary) an outputs folder: rmtree, makedirs, a checkpoint, a CSV, glob and a zip of it all
# ===============================================================================================================
OUTPUTS_ZIP = d('''
    import csv
    import glob
    import os
    import shutil
    import zipfile
    from pathlib import Path

    out_dir = Path("lab6_outputs")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir, exist_ok=True)

    torch.save(CNN().state_dict(), out_dir / "cnn.pt")
    with open(out_dir / "params.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["model", "parameters"])
        writer.writerow(["CNN", q4_cnn_params])
        writer.writerow(["FCNN", q4_fcnn_params])

    with zipfile.ZipFile("lab6_outputs.zip", "w") as zf:
        for name in sorted(glob.glob(str(out_dir / "*"))):
            zf.write(name)
    print(zipfile.ZipFile("lab6_outputs.zip").namelist())
    ''')
RELOAD = d('''
    reloaded = CNN()
    reloaded.load_state_dict(torch.load(out_dir / "cnn.pt", weights_only=True))
    reloaded.eval()
    ''')
CASES["r31_nb_outputs_folder_checkpoint_csv_zipped"] = [
    IMPORTS, *answers(q7="lecture", q4="arith"), OUTPUTS_ZIP, RELOAD,
]

# ===============================================================================================================
# 27. (ordinary) magics: %env, %%bash, !pip freeze > requirements.txt, %%capture, %xmode, %precision, %store
# ===============================================================================================================
CASES["r31_nb_magics_env_bash_pip_freeze_capture_xmode"] = [
    C("%env CUBLAS_WORKSPACE_CONFIG=:4096:8\n%xmode Minimal\n%precision 3\n", 1,
      [out("env: CUBLAS_WORKSPACE_CONFIG=:4096:8\nException reporting mode: Minimal\n"), result("'%.3f'", 1)]),
    C("%%capture pip_log\n%pip install -q torchsummary\n", 2),
    IMPORTS,
    C("%%bash\necho \"python: $(python --version)\"\nnproc\n", 4, [out("python: Python 3.11.9\n8\n")]),
    "!pip freeze > requirements.txt\n!wc -l requirements.txt\n",
    *answers(q7="functional", q8="same_verbose", q10="strings"),
    "pi_est = 22 / 7\npi_est\n",
    "%store q10_answers\n",
]

# ===============================================================================================================
# 28. (ordinary) live loss plot with clear_output, feature maps browsed with an ipywidgets slider
# ===============================================================================================================
LIVE_PLOT = d('''
    from IPython.display import clear_output, display

    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    xs, ys = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
    losses = []
    for step in range(4):
        opt.zero_grad()
        loss = F.mse_loss(model(xs), ys)
        loss.backward()
        opt.step()
        losses.append(loss.item())
        clear_output(wait=True)
        plt.plot(losses, marker="o")
        plt.xlabel("step")
        plt.ylabel("MSE")
        plt.show()
    ''')
WIDGETS = d('''
    try:
        import ipywidgets as widgets
    except ImportError:
        widgets = None

    feature_maps = F.relu(model.conv1(xs[:1]))[0].detach()


    def show_map(channel=0):
        plt.imshow(feature_maps[channel], cmap="gray")
        plt.title(f"conv1 channel {channel}")
        plt.show()


    if widgets is not None:
        widgets.interact(show_map, channel=widgets.IntSlider(min=0, max=feature_maps.shape[0] - 1, value=0))
    else:
        show_map(0)
    ''')
CASES["r31_nb_live_loss_plot_clear_output_widget_slider"] = [
    IMPORTS_PLT, *answers(q7="functional", q3="torch_run"), C(LIVE_PLOT, 30, [png()]), C(WIDGETS, 31, [png()]),
]

# ===============================================================================================================
# 29. (ordinary) configs in JSON, CSV and YAML (safe_load / safe_dump), predictions counted with Counter
# ===============================================================================================================
CONFIG_FILES = d('''
    import csv
    import json
    from collections import Counter

    import yaml

    with open("hparams.yaml", "w") as f:
        yaml.safe_dump({"lr": 0.01, "epochs": 1, "channels": [1, 3, 2]}, f)
    with open("hparams.yaml") as f:
        hparams = yaml.safe_load(f)

    with open("answers.json", "w") as f:
        json.dump({"q1": q1_answer, "q9": sorted(q9_true)}, f)
    with open("answers.json") as f:
        saved = json.load(f)

    with open("shapes.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["layer", "c", "h", "w"])
        writer.writeheader()
        for i, (c, h, w) in enumerate(q3_shapes):
            writer.writerow({"layer": i, "c": c, "h": h, "w": w})
    with open("shapes.csv") as f:
        rows = list(csv.DictReader(f))
    print(hparams, saved, len(rows))
    ''')
COUNTER = d('''
    model = CNN().eval()
    with torch.no_grad():
        preds = (torch.sigmoid(model(torch.rand(20, 1, 100, 100))) > 0.5).int().flatten().tolist()
    Counter(preds).most_common()
    ''')
CASES["r31_nb_json_csv_yaml_configs_counter"] = [
    IMPORTS, *answers(q7="lecture", q3="lists", q9="tuple"), CONFIG_FILES, COUNTER,
]

# ===============================================================================================================
# 30. (ordinary) from __future__ import annotations; Protocol, TypedDict, Literal in q6
# ===============================================================================================================
FUTURE_TYPES = d('''
    from __future__ import annotations

    from typing import Literal, Protocol, TypedDict

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    ''')
Q6_TYPED = d('''
    PadMode = Literal["valid", "same"]


    class Tensor2D(Protocol):
        shape: torch.Size

        def sum(self) -> torch.Tensor: ...


    class Geometry(TypedDict):
        out_h: int
        out_w: int
        pad: int


    def geometry(h: int, w: int, kh: int, kw: int, stride: int, padding: int | PadMode) -> Geometry:
        pad = (kh - 1) // 2 if padding == "same" else (0 if padding == "valid" else padding)
        return {"out_h": (h + 2 * pad - kh) // stride + 1, "out_w": (w + 2 * pad - kw) // stride + 1, "pad": pad}


    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int | PadMode = 0) -> torch.Tensor:
        h, w = image.shape
        kh, kw = kernel.shape
        g = geometry(h, w, kh, kw, stride, padding)
        p = g["pad"]
        padded = image.new_zeros(h + 2 * p, w + 2 * p)
        padded[p:p + h, p:p + w] = image
        out = image.new_zeros(g["out_h"], g["out_w"])
        for i in range(g["out_h"]):
            for j in range(g["out_w"]):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out


    def max_pool2d(image: Tensor2D, kernel_size: int = 2) -> torch.Tensor:
        k = kernel_size
        rows = [[image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)]
                for i in range(0, image.shape[0] - k + 1, k)]
        return torch.stack([torch.stack(r) for r in rows])
    ''')
CASES["r31_nb_future_annotations_protocol_typeddict_literal_q6"] = [
    FUTURE_TYPES, *answers(q6=(Q6_TYPED, "", "tensor"), q7="lecture", q8="star_list"), SHAPES,
]


# ---------------------------------------------------------------------------------------------------------------
# Isolation copies (see _r31_findings.md): each one of a losing file with ONE construct changed.
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
# 1. frozen dataclass
iso(f"iso{_NB}frozen_cfg_not_frozen_plain_assignment", "r31_nb_frozen_dataclass_config_post_init_derived",
    ("@dataclass(frozen=True)", "@dataclass"),
    ('object.__setattr__(self, "flat_features", self.channels[-1] * side * side)',
     "self.flat_features = self.channels[-1] * side * side"))
# 2. yaml
iso(f"iso{_NB}yaml_safe_load", "r31_nb_yaml_config_load_safe_loader",
    ("yaml.load(f, Loader=yaml.SafeLoader)", "yaml.safe_load(f)"))
iso(f"iso{_NB}yaml_load_csafeloader", "r31_nb_yaml_config_load_safe_loader",
    ("yaml.load(f, Loader=yaml.SafeLoader)", "yaml.load(f, Loader=yaml.CSafeLoader)"))
# 3. torch.multiprocessing
iso(f"iso{_NB}sharing_strategy_removed", "r31_nb_dataloader_sharing_strategy_file_system",
    ('torch.multiprocessing.set_sharing_strategy("file_system")\n', ""))
iso(f"iso{_NB}sharing_strategy_from_import", "r31_nb_dataloader_sharing_strategy_file_system",
    ('torch.multiprocessing.set_sharing_strategy("file_system")\n',
     'from torch.multiprocessing import set_sharing_strategy\nset_sharing_strategy("file_system")\n'))
# 4. os.environ.update
iso("iso_py_environ_item_assignments", "r31_py_reproducibility_environ_update",
    ('os.environ.update({"PYTHONHASHSEED": str(seed), "CUBLAS_WORKSPACE_CONFIG": ":4096:8"})',
     'os.environ["PYTHONHASHSEED"] = str(seed)\n    os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"'))
iso("iso_py_environ_update_keywords", "r31_py_reproducibility_environ_update",
    ('os.environ.update({"PYTHONHASHSEED": str(seed), "CUBLAS_WORKSPACE_CONFIG": ":4096:8"})',
     'os.environ.update(PYTHONHASHSEED=str(seed), CUBLAS_WORKSPACE_CONFIG=":4096:8")'))
# 5. __repr__ over self.__dict__.items()
_REPR = 'fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())'
iso(f"iso{_NB}repr_fields_written_out", "r31_nb_config_repr_from_instance_dict",
    (_REPR, 'fields = f"lr={self.lr!r}, epochs={self.epochs!r}, batch_size={self.batch_size!r}"'))
iso(f"iso{_NB}repr_dict_shown_whole", "r31_nb_config_repr_from_instance_dict", (_REPR, 'fields = f"{self.__dict__}"'))
iso(f"iso{_NB}repr_vars_items", "r31_nb_config_repr_from_instance_dict",
    (_REPR, 'fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())'))
# 6. json.dump(cfg.__dict__)
iso("iso_py_json_dump_explicit_dict", "r31_py_config_saved_as_json_through_dunder_dict",
    ("json.dump(cfg.__dict__, f, indent=2)",
     'json.dump({"lr": cfg.lr, "epochs": cfg.epochs, "width": cfg.width}, f, indent=2)'))
iso("iso_py_json_dump_vars", "r31_py_config_saved_as_json_through_dunder_dict",
    ("json.dump(cfg.__dict__, f, indent=2)", "json.dump(vars(cfg), f, indent=2)"))
# 7. namedtuple
iso(f"iso{_NB}namedtuple_rebuilt_and_printed", "r31_nb_namedtuple_hparams_replace_asdict",
    ("base._replace(lr=lr)", "HParams(lr, base.epochs, base.batch_size)"),
    ("print(hp._asdict(), round(loss.item(), 4))", "print(hp, round(loss.item(), 4))"))
iso(f"iso{_NB}namedtuple_asdict_only", "r31_nb_namedtuple_hparams_replace_asdict",
    ("base._replace(lr=lr)", "HParams(lr, base.epochs, base.batch_size)"))
# 8. _modules
iso(f"iso{_NB}named_children_walk", "r31_nb_layer_shapes_walked_through_private_modules",
    ("model.main._modules.items()", "model.main.named_children()"))
# 9. Enum.__members__
iso(f"iso{_NB}enum_names_from_iteration", "r31_nb_enum_splits_listed_through_members",
    ('", ".join(Split.__members__)', '", ".join(s.name for s in Split)'))
# 10. __annotations__
iso("iso_py_dataclass_fields_report", "r31_py_hparams_described_from_annotations",
    ("class HParams:\n", "from dataclasses import dataclass, fields\n\n\n@dataclass\nclass HParams:\n"),
    ('for name, kind in cls.__annotations__.items():\n        print(f"  {name:<12} {kind.__name__}")',
     'for f in fields(cls):\n        print(f"  {f.name:<12} {f.type.__name__}")'))
# 11. __missing__
iso(f"iso{_NB}history_defaultdict", "r31_nb_history_dict_subclass_missing",
    (MISSING_HIST, "from collections import defaultdict\n\n\ndef History():\n    return defaultdict(list)\n"))
# 12. __new__
iso("iso_py_run_log_class_attribute_list", "r31_py_run_log_singleton_new",
    ("    _instance = None\n\n    def __new__(cls):\n        if cls._instance is None:\n"
     "            cls._instance = super().__new__(cls)\n            cls._instance.lines = []\n"
     "        return cls._instance\n",
     "    lines = []   # a class attribute: one list shared by every RunLog()\n"))
# 13. onnx
iso(f"iso{_NB}onnx_export_removed", "r31_nb_onnx_export_guarded_by_try",
    ('    torch.onnx.export(model, torch.rand(1, 1, 100, 100), "cnn.onnx",\n'
     '                      input_names=["image"], output_names=["logit"])\n', "    pass\n"))
# 14. dictConfig
iso(f"iso{_NB}logging_basicconfig", "r31_nb_logging_dictconfig_console",
    ("logging.config.dictConfig(LOGGING)",
     'logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", '
     'datefmt="%H:%M:%S")'))
# 15. Colab root + write_text
_ROOT_WRITE = '(ROOT / "answers.txt").write_text(summary + "\\n")'
iso(f"iso{_NB}colab_root_open_write", "r31_nb_colab_drive_root_answers_write_text",
    (_ROOT_WRITE, 'with open(ROOT / "answers.txt", "w") as f:\n    f.write(summary + "\\n")'))
iso(f"iso{_NB}colab_root_joinpath_write_text", "r31_nb_colab_drive_root_answers_write_text",
    (_ROOT_WRITE, 'ROOT.joinpath("answers.txt").write_text(summary + "\\n")'))
iso(f"iso{_NB}colab_root_constant_path_write_text", "r31_nb_colab_drive_root_answers_write_text",
    (_ROOT_WRITE, 'Path("answers.txt").write_text(summary + "\\n")'))
iso(f"iso{_NB}colab_no_google_imports", "r31_nb_colab_drive_root_answers_write_text",
    ("try:\n    import google.colab  # noqa: F401\n    IN_COLAB = True\nexcept ImportError:\n    IN_COLAB = False\n\n"
     'if IN_COLAB:\n    from google.colab import drive\n    drive.mount("/content/drive")\n', "IN_COLAB = False\n"))
# 16. outputs folder + wandb
iso("iso_py_outputs_json_dump_open", "r31_py_outputs_folder_write_text_optional_wandb",
    ('(OUT / "answers.json").write_text(json.dumps(answers, indent=2))',
     'with open(OUT / "answers.json", "w") as f:\n            json.dump(answers, f, indent=2)'))
iso("iso_py_outputs_joinpath_write_text", "r31_py_outputs_folder_write_text_optional_wandb",
    ('(OUT / "answers.json").write_text(', 'OUT.joinpath("answers.json").write_text('))
iso("iso_py_outputs_without_wandb", "r31_py_outputs_folder_write_text_optional_wandb",
    ("try:\n    import wandb  # optional experiment tracking\nexcept ImportError:\n    wandb = None", "wandb = None"))
# 17. getpass
_HEADER = ('print(f"{getpass.getuser()} | {datetime.now():%Y-%m-%d %H:%M} | Python {platform.python_version()} | '
           'torch {torch.__version__}")\n')
iso(f"iso{_NB}header_user_from_environment", "r31_nb_header_cell_getpass_user_then_constants",
    ("import getpass\n", "import os\n"), ("getpass.getuser()", "os.getenv('USER', 'student')"))
iso(f"iso{_NB}header_getpass_last_line", "r31_nb_header_cell_getpass_user_then_constants",
    (_HEADER + "\n", ""), ("torch.manual_seed(0)\n", "torch.manual_seed(0)\n" + _HEADER))
# 18. socket
iso(f"iso{_NB}report_hostname_only", "r31_nb_environment_report_hostname_address_then_constants",
    (" ({socket.gethostbyname(host)})", ""))
# 19. doctest
_RUN = ("doctest.run_docstring_examples(conv2d, globals(), verbose=False)\n"
        "doctest.run_docstring_examples(max_pool2d, globals(), verbose=False)\n")
iso(f"iso{_NB}doctest_testmod", "r31_nb_doctest_run_docstring_examples_globals", (_RUN, "doctest.testmod(verbose=False)\n"))
iso(f"iso{_NB}doctest_explicit_namespace", "r31_nb_doctest_run_docstring_examples_globals",
    (_RUN, 'names = {"torch": torch, "conv2d": conv2d, "max_pool2d": max_pool2d}\n'
           "doctest.run_docstring_examples(conv2d, names, verbose=False)\n"
           "doctest.run_docstring_examples(max_pool2d, names, verbose=False)\n"))


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
