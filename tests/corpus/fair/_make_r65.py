"""Round 65 fairness corpus: correct submissions aimed at the reader rules of 4d2b245 / 5bf5fd8 (attack round 89):
conv2d / max_pool2d read module-level state (a config dict, a log list, a cache, a call counter, timing stats, a
device, a dataclass instance, a kernel registry), and the notebook elsewhere derives values from that state (copies,
helpers returning parts of it, json/pandas/numpy/itertools/functools calls, with-items, match captures, except-as,
class attributes, walruses in comprehensions) and compares with torch or builds nn.Conv2d models from the config.
Aimed at 7e02373 / 8459251 (attack round 90's alias and keeper rules).

    python tests/corpus/fair/_make_r65.py [OUTDIR]

Notebook sources are split on '# %%'; a cell starting with '# md' is markdown.
"""
import pathlib
import sys

import nbformat
from nbformat import v4

HERE = pathlib.Path(__file__).parent
FILES = {}

Q_SIMPLE = r'''
q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
'''

Q2_Q5 = r'''
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
'''

Q6_OUT = r'''
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])
'''

CONV_LOOPS = r'''
def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
'''

POOL_LOOPS = r'''
def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
'''

CNN_PLAIN = r'''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

Q8_PLAIN = r'''
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

IMPORTS = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
MODELS = CNN_PLAIN + "\n" + Q8_PLAIN


def py(name, q6, *, imports=IMPORTS, extra=""):
    """A full submission: the simple answers, q2/q5, the given q6 part, the models, then ``extra``."""
    _write(name, [imports + Q_SIMPLE, Q2_Q5, Q6_OUT + q6, MODELS, extra])


def _write(name, parts):
    """A style file as a notebook, one cell a part (students answer in notebooks: the corpus stays mostly notebooks,
    tests/test_fairness.py), a reduction (``min_``) as a script."""
    if name.startswith("min_"):
        FILES[f"r65_{name}.py"] = parts[0] + parts[1] + parts[2] + "\n" + "".join(parts[3:])
    else:
        nb(name, "".join("# %%\n" + part for part in parts if part.strip()))


FIRST_CELL = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'


def nb(name, source):
    cells = []
    for chunk in source.split("# %%"):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        if chunk.startswith("# md"):
            cells.append(v4.new_markdown_cell(chunk[len("# md"):].strip()))
        else:
            cells.append(v4.new_code_cell(chunk))
    book = v4.new_notebook(cells=[v4.new_code_cell(FIRST_CELL)] + cells)
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.validate(book)
    FILES[f"r65_{name}.ipynb"] = nbformat.writes(book)


# a self-check at the end, comparing with torch (used by several files)
SELF_CHECK = r'''

def _torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def _torch_pool(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]
'''


def conv_with(before_loops="", after_loops="", head=""):
    """CONV_LOOPS with lines added at the start of its body and before its return."""
    body = CONV_LOOPS.replace("    h, w = image.shape\n", before_loops + "    h, w = image.shape\n", 1)
    return head + body.replace("    return out\n", after_loops + "    return out\n", 1)



def py_models(name, q6, models, *, imports=IMPORTS, simple=None, extra=""):
    """A full submission with its own q7/q8 models (and optionally its own simple answers)."""
    _write(name, [imports + (simple or Q_SIMPLE), Q2_Q5, Q6_OUT + q6, models, extra])


BASE = CONV_LOOPS + POOL_LOOPS + SELF_CHECK

# ---------------------------------------------------------------- conv2d variants reading module-level state
def conv_reading(head, before_loops="", after_loops=""):
    """``head`` (module-level state) then CONV_LOOPS with lines added in its body."""
    return conv_with(before_loops, after_loops, head=head)


CFG_HEAD = r'''
DEFAULTS = {"kernel": 3, "stride": 1, "padding": 1, "check_shapes": True, "verbose": False,
            "strides": [1, 2], "paddings": [0, 1], "mode": "same", "device": "cpu"}
'''
CFG_READ = '''    if DEFAULTS["check_shapes"]:
        assert image.dim() == 2 and kernel.dim() == 2, "expected 2-D tensors"
'''
CFG_VERBOSE = '''    if DEFAULTS["verbose"]:
        print("conv2d", tuple(out.shape))
'''
CONV_CFG = conv_reading(CFG_HEAD, CFG_READ, CFG_VERBOSE)

LOG_HEAD = "\nLOG = []\n"
LOG_READ = '''    LOG.append({"fn": "conv2d", "shape": tuple(image.shape), "stride": stride, "padding": padding})
'''
CONV_LOG = conv_reading(LOG_HEAD, LOG_READ)

POOL_LOG = POOL_LOOPS.replace("    return out\n", '    LOG.append({"fn": "max_pool2d", "shape": tuple(image.shape), '
                              '"stride": kernel_size, "padding": 0})\n    return out\n')

X_K = "\nx, k = torch.randn(9, 9), torch.randn(3, 3)\n"


def with_cfg(extra, *, pool=POOL_LOOPS):
    return CONV_CFG + pool + SELF_CHECK + X_K + extra


def with_log(extra, *, pool=POOL_LOG):
    return CONV_LOG + pool + SELF_CHECK + X_K + extra


# =========================================================== config dict read by conv2d
py("cfg_dict_copy_then_layer", with_cfg(r'''
cfg = dict(DEFAULTS)
cfg["out_channels"] = 1
layer = nn.Conv2d(1, cfg["out_channels"], cfg["kernel"], padding=cfg["padding"], bias=False)
with torch.no_grad():
    layer.weight.copy_(k[None, None])
print(torch.allclose(layer(x[None, None])[0, 0], conv2d(x, k, padding=cfg["padding"]), atol=1e-5))
'''))

py("cfg_deepcopy_for_experiment", "import copy\n" + with_cfg(r'''
experiment = copy.deepcopy(DEFAULTS)
experiment["stride"] = 2
ours = conv2d(x, k, experiment["stride"], experiment["padding"])
ref = F.conv2d(x[None, None], k[None, None], stride=experiment["stride"], padding=experiment["padding"])[0, 0]
print(torch.allclose(ours, ref, atol=1e-5))
'''))

py("cfg_json_roundtrip", "import json\n" + with_cfg(r'''
saved = json.dumps(DEFAULTS, indent=2)
loaded = json.loads(saved)
print(saved)
layer = nn.Conv2d(1, 2, loaded["kernel"], stride=loaded["stride"], padding=loaded["padding"])
print(layer(x[None, None]).shape, conv2d(x, k, loaded["stride"], loaded["padding"]).shape)
'''))

py("cfg_helper_returns_setting", with_cfg(r'''
def setting(name, default=None):
    return DEFAULTS.get(name, default)


ref = F.conv2d(x[None, None], k[None, None], stride=setting("stride"), padding=setting("padding"))[0, 0]
print(torch.allclose(conv2d(x, k, setting("stride"), setting("padding")), ref, atol=1e-5))
'''))

py("cfg_fstring_summary_and_torch", with_cfg(r'''
summary = f"kernel={DEFAULTS['kernel']} stride={DEFAULTS['stride']} padding={DEFAULTS['padding']}"
print(summary)
ref = F.conv2d(x[None, None], k[None, None], padding=DEFAULTS["padding"])[0, 0]
print(summary, torch.allclose(conv2d(x, k, padding=DEFAULTS["padding"]), ref, atol=1e-5))
'''))

py("cfg_match_on_mode", with_cfg(r'''
match DEFAULTS["mode"]:
    case "same":
        pad = DEFAULTS["kernel"] // 2
    case "valid":
        pad = 0
    case other:
        raise ValueError(other)
ref = F.conv2d(x[None, None], k[None, None], padding=pad)[0, 0]
print(pad, torch.allclose(conv2d(x, k, padding=pad), ref, atol=1e-5))
'''))

py("cfg_match_mapping_capture", with_cfg(r'''
match DEFAULTS:
    case {"kernel": ks, "padding": pad}:
        layer = nn.Conv2d(1, 1, ks, padding=pad, bias=False)
    case _:
        layer = nn.Conv2d(1, 1, 3, bias=False)
with torch.no_grad():
    layer.weight.copy_(k[None, None])
print(torch.allclose(layer(x[None, None])[0, 0], conv2d(x, k, padding=pad), atol=1e-5))
'''))

py("cfg_with_override_context", "from contextlib import contextmanager\n" + with_cfg(r'''
@contextmanager
def override(config, **changes):
    saved = dict(config)
    config.update(changes)
    try:
        yield config
    finally:
        config.clear()
        config.update(saved)


with override(DEFAULTS, verbose=True, stride=2) as cfg:
    ours = conv2d(x, k, cfg["stride"], cfg["padding"])
    ref = F.conv2d(x[None, None], k[None, None], stride=cfg["stride"], padding=cfg["padding"])[0, 0]
    print(torch.allclose(ours, ref, atol=1e-5))
print(DEFAULTS["verbose"])
'''))

py("cfg_class_attributes_for_model", with_cfg(r'''
class Spec:
    kernel = DEFAULTS["kernel"]
    padding = DEFAULTS["padding"]


layer = nn.Conv2d(1, 1, Spec.kernel, padding=Spec.padding, bias=False)
with torch.no_grad():
    layer.weight.copy_(k[None, None])
print(torch.allclose(layer(x[None, None])[0, 0], conv2d(x, k, padding=Spec.padding), atol=1e-5))
'''))

py("cfg_walrus_in_comprehension", with_cfg(r'''
rows = [(s, p, torch.allclose(conv2d(x, k, s, p), ref, atol=1e-5))
        for s in DEFAULTS["strides"] for p in DEFAULTS["paddings"]
        if (ref := F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]) is not None]
print(rows)
'''))

py("cfg_try_except_missing_key", with_cfg(r'''
try:
    dilation = DEFAULTS["dilation"]
except KeyError as missing:
    print("no", missing, "in DEFAULTS, using 1")
    dilation = 1
ref = F.conv2d(x[None, None], k[None, None], padding=DEFAULTS["padding"], dilation=dilation)[0, 0]
print(torch.allclose(conv2d(x, k, padding=DEFAULTS["padding"]), ref, atol=1e-5))
'''))

py("cfg_chainmap_overrides", "from collections import ChainMap\n" + with_cfg(r'''
run = ChainMap({"stride": 2}, DEFAULTS)
ref = F.conv2d(x[None, None], k[None, None], stride=run["stride"], padding=run["padding"])[0, 0]
print(dict(run)["stride"], torch.allclose(conv2d(x, k, run["stride"], run["padding"]), ref, atol=1e-5))
'''))

py("cfg_sorted_items_printed_then_torch", with_cfg(r'''
for key, value in sorted(DEFAULTS.items()):
    print(f"{key:>14}: {value}")
print(torch.allclose(conv2d(x, k, 1, 1), _torch_conv(x, k, 1, 1), atol=1e-5))
'''))

py("cfg_zip_strides_paddings", with_cfg(r'''
for s, p in zip(DEFAULTS["strides"], DEFAULTS["paddings"]):
    ref = F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]
    print(s, p, torch.allclose(conv2d(x, k, s, p), ref, atol=1e-5))
'''))

py("cfg_compare_helper_given_config", with_cfg(r'''
def compare(config, mine, reference):
    s, p = config["stride"], config["padding"]
    return torch.allclose(mine(x, k, s, p), reference(x, k, s, p), atol=1e-5)


print(compare(DEFAULTS, conv2d, _torch_conv))
'''))

py("cfg_kwargs_subset_into_torch", with_cfg(r'''
conv_kwargs = {name: DEFAULTS[name] for name in ("stride", "padding")}
ref = F.conv2d(x[None, None], k[None, None], **conv_kwargs)[0, 0]
print(conv_kwargs, torch.allclose(conv2d(x, k, **conv_kwargs), ref, atol=1e-5))
'''))

py("cfg_itertools_product_grid", "import itertools\n" + with_cfg(r'''
grid = list(itertools.product(DEFAULTS["strides"], DEFAULTS["paddings"]))
for s, p in grid:
    print(s, p, torch.allclose(conv2d(x, k, s, p), _torch_conv(x, k, s, p), atol=1e-5))
'''))

py("cfg_partial_reference_from_config", "from functools import partial\n" + with_cfg(r'''
reference = partial(F.conv2d, stride=DEFAULTS["stride"], padding=DEFAULTS["padding"])
print(torch.allclose(conv2d(x, k, DEFAULTS["stride"], DEFAULTS["padding"]),
                     reference(x[None, None], k[None, None])[0, 0], atol=1e-5))
'''))

py("cfg_numpy_grid_of_sizes", "import numpy as np\n" + with_cfg(r'''
sizes = np.array(DEFAULTS["strides"]) * 4 + 3
for n in sizes.tolist():
    img = torch.randn(n, n)
    print(n, torch.allclose(conv2d(img, k), F.conv2d(img[None, None], k[None, None])[0, 0], atol=1e-5))
'''))

py("cfg_operator_itemgetter", "import operator\n" + with_cfg(r'''
stride, padding = operator.itemgetter("stride", "padding")(DEFAULTS)
print(torch.allclose(conv2d(x, k, stride, padding), _torch_conv(x, k, stride, padding), atol=1e-5))
'''))

py("cfg_mappingproxy_readonly_view", "from types import MappingProxyType\n" + with_cfg(r'''
SETTINGS = MappingProxyType(DEFAULTS)
layer = nn.Conv2d(1, 4, SETTINGS["kernel"], padding=SETTINGS["padding"])
print(layer, conv2d(x, k, padding=SETTINGS["padding"]).shape == layer(x[None, None]).shape[-2:])
'''))

py("cfg_model_built_from_config", with_cfg(r'''
class ConfiguredCNN(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.conv = nn.Conv2d(1, 3, cfg["kernel"], padding=cfg["padding"])
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.pool(torch.relu(self.conv(x)))


net = ConfiguredCNN(DEFAULTS)
print(net(torch.randn(1, 1, 8, 8)).shape)
'''))

py("cfg_layer_dtype_and_device_from_config", with_cfg(r'''
layer = nn.Conv2d(1, 1, 3, bias=False, device=DEFAULTS["device"])
with torch.no_grad():
    layer.weight.copy_(k[None, None])
print(torch.allclose(layer(x[None, None])[0, 0], conv2d(x, k), atol=1e-5))
'''))

py("cfg_device_variable_and_model_to", with_cfg(r'''
device = torch.device(DEFAULTS["device"])
model = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU()).to(device)
print(model(x[None, None].to(device)).shape, conv2d(x.to(device), k.to(device), padding=1).shape)
'''))

# =========================================================== a log list conv2d appends to
py("log_pandas_dataframe", "import pandas as pd\n" + with_log(r'''
conv2d(x, k, 2, 1)
max_pool2d(x, 3)
table = pd.DataFrame(LOG)
print(table)
print(torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
'''))

py("log_json_dumps_then_torch", "import json\n" + with_log(r'''
conv2d(x, k)
print(json.dumps(LOG))
print(torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5))
'''))

py("log_report_helper_with_reference", with_log(r'''
def report(log, reference=None):
    for entry in log:
        print(entry["fn"], entry["shape"], "s=%d p=%d" % (entry["stride"], entry["padding"]))
    if reference is not None:
        print("reference:", reference.__name__)


conv2d(x, k, 1, 1)
report(LOG, reference=F.conv2d)
'''))

py("log_shapes_comprehension_checked_against_torch", with_log(r'''
for s in (1, 2):
    conv2d(x, k, s)
shapes = [entry["shape"] for entry in LOG if entry["fn"] == "conv2d"]
strides = [entry["stride"] for entry in LOG if entry["fn"] == "conv2d"]
for shape, s in zip(shapes, strides):
    img = torch.randn(*shape)
    print(shape, s, torch.allclose(conv2d(img, k, s), _torch_conv(img, k, s), atol=1e-5))
'''))

py("log_enumerate_and_replay_with_torch", with_log(r'''
conv2d(x, k, 2, 1)
conv2d(x, k, 1, 0)
for i, entry in enumerate(list(LOG)):
    ref = F.conv2d(x[None, None], k[None, None], stride=entry["stride"], padding=entry["padding"])[0, 0]
    print(i, torch.allclose(conv2d(x, k, entry["stride"], entry["padding"]), ref, atol=1e-5))
'''))

py("log_sorted_by_size", with_log(r'''
for n in (5, 9, 7):
    conv2d(torch.randn(n, n), k)
by_size = sorted(LOG, key=lambda e: e["shape"][0])
print([e["shape"] for e in by_size])
print(torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5))
'''))

py("log_snapshot_then_clear", with_log(r'''
conv2d(x, k)
snapshot = list(LOG)
LOG.clear()
print(len(snapshot), len(LOG))
print(torch.allclose(conv2d(x, k, 1, 1), _torch_conv(x, k, 1, 1), atol=1e-5))
'''))

py("log_last_entry_drives_reference", with_log(r'''
conv2d(x, k, 2, 1)
last = LOG[-1]
ref = F.conv2d(x[None, None], k[None, None], stride=last["stride"], padding=last["padding"])[0, 0]
print(last, torch.allclose(conv2d(x, k, 2, 1), ref, atol=1e-5))
'''))

py("log_counter_of_functions", "from collections import Counter\n" + with_log(r'''
conv2d(x, k)
max_pool2d(x, 3)
conv2d(x, k, 2)
calls = Counter(entry["fn"] for entry in LOG)
print(calls.most_common(), torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0]))
'''))

py("log_walrus_collects_strided", with_log(r'''
for s in (1, 2, 3):
    conv2d(x, k, s)
strided = [s for entry in LOG if (s := entry["stride"]) > 1]
print(strided, [torch.allclose(conv2d(x, k, s), _torch_conv(x, k, s), atol=1e-5) for s in strided])
'''))

py("log_deque_recent_calls", "from collections import deque\n" + with_log(r'''
conv2d(x, k)
recent = deque(LOG, maxlen=5)
print(list(recent))
print(torch.allclose(conv2d(x, k), _torch_conv(x, k), atol=1e-5))
'''))

py("log_try_except_assert_prints_last_call", with_log(r'''
try:
    assert torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5), LOG[-1]
    print("conv2d matches F.conv2d")
except AssertionError as err:
    print("mismatch on", err)
'''))

# =========================================================== caches and counters
CACHE_CONV = conv_reading(r'''
_SIZES = {}


def _out_size(n, k, stride, padding):
    key = (n, k, stride, padding)
    if key not in _SIZES:
        _SIZES[key] = (n + 2 * padding - k) // stride + 1
    return _SIZES[key]
''', "").replace("    oh = (h + 2 * padding - kh) // stride + 1\n    ow = (w + 2 * padding - kw) // stride + 1\n",
               "    oh, ow = _out_size(h, kh, stride, padding), _out_size(w, kw, stride, padding)\n")

py("cache_sizes_verified_with_torch", CACHE_CONV + POOL_LOOPS + SELF_CHECK + X_K + r'''
for s in (1, 2):
    for p in (0, 1):
        conv2d(x, k, s, p)
for (n, kk, s, p), size in sorted(dict(_SIZES).items()):
    got = F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, kk, kk), stride=s, padding=p).shape[-1]
    print(n, kk, s, p, size == got)
''')

py("cache_report_helper_and_torch_ref", CACHE_CONV + POOL_LOOPS + SELF_CHECK + X_K + r'''
def cache_report(cache):
    return {"entries": len(cache), "keys": sorted(cache)}


conv2d(x, k, 2, 1)
info = cache_report(_SIZES)
print(info, torch.allclose(conv2d(x, k, 2, 1), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

COUNT_CONV = conv_reading('\nCALLS = {"conv2d": 0, "max_pool2d": 0}\n', '    CALLS["conv2d"] += 1\n')
COUNT_POOL = POOL_LOOPS.replace("    h, w = image.shape\n", '    CALLS["max_pool2d"] += 1\n    h, w = image.shape\n', 1)

py("counter_dict_copied_then_compare", COUNT_CONV + COUNT_POOL + SELF_CHECK + X_K + r'''
before = dict(CALLS)
same = torch.allclose(conv2d(x, k), _torch_conv(x, k), atol=1e-5)
after = dict(CALLS)
print(same, {name: after[name] - before[name] for name in after})
''')

py("counter_items_to_torch_check", COUNT_CONV + COUNT_POOL + SELF_CHECK + X_K + r'''
print(torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0]))
for name, n in CALLS.items():
    print(f"{name}: {n} call(s)")
''')

py("counter_itertools_count", "import itertools\n_ids = itertools.count(1)\n" + conv_with(
    '    call_id = next(_ids)\n', '') + POOL_LOOPS + SELF_CHECK + X_K + r'''
print(torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5))
print("next id", next(_ids))
''')

py("counter_global_int_fstring", "N_CALLS = 0\n" + conv_with('    global N_CALLS\n    N_CALLS += 1\n', '')
   + POOL_LOOPS + SELF_CHECK + X_K + r'''
print(f"{N_CALLS} calls so far; torch says {F.conv2d(x[None, None], k[None, None]).shape}")
print(torch.allclose(conv2d(x, k), _torch_conv(x, k), atol=1e-5), f"{N_CALLS=}")
''')

# =========================================================== timing stats and log_call helpers
TIMED_HEAD = r'''
import time
from functools import wraps

HISTORY = []


def log_call(history, fn, seconds):
    history.append((fn.__name__, seconds))


def timed(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        log_call(HISTORY, fn, time.perf_counter() - t0)
        return out
    return wrapper


@timed
'''
py("timed_log_call_history_fn_on_both", TIMED_HEAD + CONV_LOOPS.lstrip("\n") + POOL_LOOPS + r'''

@timed
def torch_conv(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
''' + X_K + r'''
print(torch.allclose(conv2d(x, k, 1, 1), torch_conv(x, k, 1, 1), atol=1e-5))
for name, seconds in HISTORY:
    print(f"{name:12s} {seconds * 1e3:.2f} ms")
''')

py("timed_log_call_reads_history_in_conv2d", TIMED_HEAD.replace("@timed\n", "") + conv_with(
    '    if len(HISTORY) > 1000:\n        HISTORY.clear()\n', '') + POOL_LOOPS + SELF_CHECK + X_K + r'''
timed_conv, timed_ref = timed(conv2d), timed(_torch_conv)
print(torch.allclose(timed_conv(x, k), timed_ref(x, k), atol=1e-5), [name for name, _ in HISTORY])
''')

py("timing_stats_dict_statistics", "import time\nimport statistics\n\nTIMES = {}\n" + conv_with(
    '    t0 = time.perf_counter()\n',
    '    TIMES.setdefault("conv2d", []).append(time.perf_counter() - t0)\n') + POOL_LOOPS + SELF_CHECK + X_K + r'''
for _ in range(3):
    conv2d(x, k)
    t0 = time.perf_counter()
    _torch_conv(x, k)
    TIMES.setdefault("torch", []).append(time.perf_counter() - t0)
means = {name: statistics.mean(v) for name, v in TIMES.items()}
print(means, torch.allclose(conv2d(x, k), _torch_conv(x, k), atol=1e-5))
''')

py("timing_context_manager_with_as", "import time\nfrom contextlib import contextmanager\n\nSTATS = {}\n"
   + r'''

@contextmanager
def timer(stats, name):
    box = {"name": name}
    t0 = time.perf_counter()
    yield box
    stats[name] = box["seconds"] = time.perf_counter() - t0
''' + conv_with('    if STATS.get("conv2d", 0) > 10:\n        print("slow conv2d")\n', '') + POOL_LOOPS + X_K + r'''
with timer(STATS, "conv2d") as t_ours:
    ours = conv2d(x, k, 1, 1)
with timer(STATS, "F.conv2d") as t_ref:
    ref = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
print(torch.allclose(ours, ref, atol=1e-5), t_ours["seconds"] > 0, t_ref["name"])
''')

# =========================================================== device, dtype, dataclass state, registries
py("device_constant_in_conv2d_and_model", "\nDEVICE = torch.device(\"cpu\")\n" + CONV_LOOPS.replace(
    "dtype=image.dtype)", "dtype=image.dtype, device=DEVICE)") + POOL_LOOPS + SELF_CHECK + X_K + r'''
model = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU()).to(DEVICE)
ref = F.conv2d(x[None, None].to(DEVICE), k[None, None].to(DEVICE))[0, 0]
print(torch.allclose(conv2d(x.to(DEVICE), k.to(DEVICE)), ref, atol=1e-5), next(model.parameters()).device)
''')

py("dtype_in_config_layer_dtype", '\nCONFIG = {"dtype": torch.float32}\n' + conv_with(
    '    if image.dtype != CONFIG["dtype"]:\n        print("note: input is", image.dtype)\n', '')
   + POOL_LOOPS + SELF_CHECK + X_K + r'''
layer = nn.Conv2d(1, 1, 3, bias=False, dtype=CONFIG["dtype"])
with torch.no_grad():
    layer.weight.copy_(k[None, None])
print(torch.allclose(layer(x[None, None])[0, 0], conv2d(x, k), atol=1e-5))
''')

py("dataclass_stats_asdict", "from dataclasses import dataclass, asdict\n" + r'''

@dataclass
class Stats:
    calls: int = 0
    pixels: int = 0


STATS = Stats()
''' + conv_with('    STATS.calls += 1\n    STATS.pixels += image.numel()\n', '') + POOL_LOOPS + SELF_CHECK + X_K + r'''
print(torch.allclose(conv2d(x, k, 2), _torch_conv(x, k, 2), atol=1e-5))
report = asdict(STATS)
print(report)
''')

py("dataclass_config_builds_layer", "from dataclasses import dataclass, replace\n" + r'''

@dataclass(frozen=True)
class ConvConfig:
    kernel: int = 3
    padding: int = 1
    check: bool = True


CFG = ConvConfig()
''' + conv_with('    if CFG.check:\n        assert kernel.shape[0] <= image.shape[0] + 2 * padding\n', '')
   + POOL_LOOPS + SELF_CHECK + X_K + r'''
wide = replace(CFG, kernel=5, padding=2)
layer = nn.Conv2d(1, 2, wide.kernel, padding=wide.padding)
print(layer(x[None, None]).shape, conv2d(x, torch.randn(5, 5), padding=wide.padding).shape)
''')

py("namespace_config_vars_and_layer", "from types import SimpleNamespace\n"
   + "\nCFG = SimpleNamespace(kernel=3, padding=1, verbose=False)\n"
   + conv_with('', '    if CFG.verbose:\n        print(out.shape)\n') + POOL_LOOPS + SELF_CHECK + X_K + r'''
print(vars(CFG))
layer = nn.Conv2d(1, 1, CFG.kernel, padding=CFG.padding, bias=False)
with torch.no_grad():
    layer.weight.copy_(k[None, None])
print(torch.allclose(layer(x[None, None])[0, 0], conv2d(x, k, padding=CFG.padding), atol=1e-5))
''')

KERNELS_HEAD = r'''
KERNELS = {
    "box": torch.ones(3, 3) / 9,
    "sobel_x": torch.tensor([[1., 0., -1.], [2., 0., -2.], [1., 0., -1.]]),
}
'''
py("kernel_registry_by_name_vs_torch", conv_reading(KERNELS_HEAD, '    if isinstance(kernel, str):\n'
                                                   '        kernel = KERNELS[kernel]\n') + POOL_LOOPS + X_K + r'''
for name, kern in KERNELS.items():
    ref = F.conv2d(x[None, None], kern[None, None], padding=1)[0, 0]
    print(name, torch.allclose(conv2d(x, name, padding=1), ref, atol=1e-5))
''')

py("kernel_registry_stacked_for_layer", conv_reading(KERNELS_HEAD, '    if isinstance(kernel, str):\n'
                                                    '        kernel = KERNELS[kernel]\n') + POOL_LOOPS + X_K + r'''
bank = torch.stack(list(KERNELS.values()))[:, None]
layer = nn.Conv2d(1, len(KERNELS), 3, padding=1, bias=False)
with torch.no_grad():
    layer.weight.copy_(bank)
out = layer(x[None, None])[0]
print([torch.allclose(out[i], conv2d(x, name, padding=1), atol=1e-5) for i, name in enumerate(KERNELS)])
''')

PADDERS_HEAD = r'''

def _zero_pad(image, padding):
    h, w = image.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    return padded


PADDERS = {"zeros": _zero_pad}
'''
py("padder_registry_listed_and_torch", PADDERS_HEAD + r'''

def conv2d(image, kernel, stride=1, padding=0, mode="zeros"):
    padded = PADDERS[mode](image, padding)
    kh, kw = kernel.shape
    oh = (padded.shape[0] - kh) // stride + 1
    ow = (padded.shape[1] - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''' + POOL_LOOPS + SELF_CHECK + X_K + r'''
for mode, pad_fn in sorted(PADDERS.items()):
    print(mode, pad_fn.__name__, torch.allclose(conv2d(x, k, 2, 1, mode), _torch_conv(x, k, 2, 1), atol=1e-5))
''')

# max_pool2d reading the config too
POOL_CFG = POOL_LOOPS.replace("    h, w = image.shape\n", '    if DEFAULTS["check_shapes"]:\n        assert image.dim() == 2\n'
                              "    h, w = image.shape\n", 1)
py("pool_reads_config_and_model_pool_from_config", with_cfg(r'''
pool = nn.MaxPool2d(DEFAULTS["kernel"])
print(torch.equal(pool(x[None, None])[0, 0], max_pool2d(x, DEFAULTS["kernel"])))
''', pool=POOL_CFG))

py("pool_reads_config_helper_pairs", with_cfg(r'''
def pairs(config):
    return [(s, p) for s in config["strides"] for p in config["paddings"]]


for s, p in pairs(DEFAULTS):
    print(s, p, torch.allclose(conv2d(x, k, s, p), _torch_conv(x, k, s, p), atol=1e-5))
print(torch.equal(max_pool2d(x, 3), F.max_pool2d(x[None, None], 3)[0, 0]))
''', pool=POOL_CFG))

# =========================================================== notebooks
nb("nb_config_cell_log_table", r'''
# md ## Setup
# %%
import torch
import torch.nn as nn
import torch.nn.functional as F
import json
''' + "# %%" + Q_SIMPLE + "# %%" + Q2_Q5 + "# %%" + Q6_OUT + r'''
# %%
# md ### Convolution by hand (with a call log)
# %%''' + CFG_HEAD + LOG_HEAD + r'''
# %%''' + conv_with(LOG_READ + CFG_READ, CFG_VERBOSE) + POOL_LOG + r'''
# %%
x, k = torch.randn(8, 8), torch.randn(3, 3)
settings = json.loads(json.dumps(DEFAULTS))
mine = conv2d(x, k, settings["stride"], settings["padding"])
ref = F.conv2d(x[None, None], k[None, None], stride=settings["stride"], padding=settings["padding"])[0, 0]
print(torch.allclose(mine, ref, atol=1e-5))
print([entry["shape"] for entry in LOG])
# %%''' + MODELS)

nb("nb_timed_history_and_summary", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%''' + Q_SIMPLE + "# %%" + Q2_Q5 + "# %%" + Q6_OUT + "# %%" + TIMED_HEAD + CONV_LOOPS.lstrip("\n") + r'''
# %%
@timed
''' + POOL_LOOPS.lstrip("\n") + r'''
# %%
x, k = torch.randn(16, 16), torch.randn(3, 3)
reference = timed(F.conv2d)
print(torch.allclose(conv2d(x, k, 1, 1), reference(x[None, None], k[None, None], padding=1)[0, 0], atol=1e-5))
summary = {name: round(seconds * 1e3, 3) for name, seconds in HISTORY}
summary
# %%''' + MODELS)

nb("nb_kernel_registry_match_and_torch", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%''' + Q_SIMPLE + "# %%" + Q2_Q5 + "# %%" + Q6_OUT + "# %%" + conv_reading(
    KERNELS_HEAD, '    if isinstance(kernel, str):\n        kernel = KERNELS[kernel]\n') + POOL_LOOPS + r'''
# %%
x = torch.randn(10, 10)
for name in KERNELS:
    match name.split("_"):
        case ["sobel", axis]:
            label = f"edges along {axis}"
        case [other]:
            label = other
    kern = KERNELS[name]
    print(label, torch.allclose(conv2d(x, name, 2, 1), F.conv2d(x[None, None], kern[None, None], stride=2,
                                                              padding=1)[0, 0], atol=1e-5))
# %%''' + MODELS)


# =========================================================== one-construct reductions (r65_min_*)
MIN_CFG = CONV_CFG + POOL_LOOPS + SELF_CHECK + X_K
py("min_deepcopy_of_read_config_to_torch", "import copy\n" + MIN_CFG + 'c = copy.deepcopy(DEFAULTS)\n'
   'print(F.conv2d(x[None, None], k[None, None], stride=c["stride"]).shape)\n')
py("min_deepcopy_of_read_config_printed_control", "import copy\n" + MIN_CFG + 'c = copy.deepcopy(DEFAULTS)\n'
   'print(c["stride"], F.conv2d(x[None, None], k[None, None], stride=1).shape)\n')
py("min_json_roundtrip_of_read_config_to_layer", "import json\n" + MIN_CFG + 'c = json.loads(json.dumps(DEFAULTS))\n'
   'print(nn.Conv2d(1, 1, c["kernel"]))\n')
py("min_json_roundtrip_of_read_config_literal_control", "import json\n" + MIN_CFG
   + 'c = json.loads(json.dumps(DEFAULTS))\nprint(c, nn.Conv2d(1, 1, 3))\n')
py("min_class_attribute_from_read_config_to_layer", MIN_CFG + 'class Spec:\n    kernel = DEFAULTS["kernel"]\n\n\n'
   'print(nn.Conv2d(1, 1, Spec.kernel))\n')
py("min_class_attribute_constant_control", MIN_CFG + 'class Spec:\n    kernel = 3\n\n\nprint(nn.Conv2d(1, 1, Spec.kernel))\n')
py("min_match_capture_of_read_config_to_layer", MIN_CFG + 'match DEFAULTS:\n    case {"kernel": ks}:\n'
   '        print(nn.Conv2d(1, 1, ks))\n')
py("min_match_capture_printed_beside_literal_layer", MIN_CFG + 'match DEFAULTS:\n    case {"kernel": ks}:\n'
   '        print(ks, nn.Conv2d(1, 1, 3))\n')
py("min_match_capture_printed_control", MIN_CFG + 'match DEFAULTS:\n    case {"kernel": ks}:\n'
   '        print(ks)\nprint(nn.Conv2d(1, 1, 3))\n')
MIN_LOG = CONV_LOG + POOL_LOG + SELF_CHECK + X_K
py("min_pandas_dataframe_of_log_bound", "import pandas as pd\n" + MIN_LOG + 'table = pd.DataFrame(LOG)\nprint(table)\n')
py("min_pandas_dataframe_of_log_unbound_control", "import pandas as pd\n" + MIN_LOG + 'print(pd.DataFrame(LOG))\n')
py("min_pandas_dataframe_of_copied_entries", "import pandas as pd\n" + MIN_LOG
   + 'table = pd.DataFrame([dict(e) for e in LOG])\nprint(table)\n')
DEV = "\nDEVICE = torch.device(\"cpu\")\n" + CONV_LOOPS.replace("dtype=image.dtype)", "dtype=image.dtype, device=DEVICE)") \
    + POOL_LOOPS + SELF_CHECK + X_K
py("min_device_constant_input_to_device_into_torch", DEV + 'print(F.conv2d(x[None, None].to(DEVICE), k[None, None]).shape)\n')
py("min_device_constant_input_to_device_bound_result", DEV + 'ref = F.conv2d(x[None, None].to(DEVICE), k[None, None])\nprint(ref.shape)\n')
py("min_device_constant_printed_control", DEV + 'print(DEVICE, F.conv2d(x[None, None], k[None, None]).shape)\n')
MIN_TIMED = TIMED_HEAD.replace("@timed\n", "") + CONV_LOOPS + POOL_LOOPS + SELF_CHECK + X_K
py("min_log_call_fn_beside_history_conv2d_timed", MIN_TIMED + 'conv2d = timed(conv2d)\nprint(conv2d(x, k).shape)\n')
py("min_log_call_name_beside_history_control", MIN_TIMED.replace("log_call(HISTORY, fn, time", "log_call(HISTORY, fn.__name__, time")
   .replace("history.append((fn.__name__, seconds))", "history.append((fn, seconds))")
   + 'conv2d = timed(conv2d)\nprint(conv2d(x, k).shape)\n')
py("min_log_call_fn_beside_history_untimed_control", MIN_TIMED.replace(
    "    h, w = image.shape\n", "    assert len(HISTORY) >= 0\n    h, w = image.shape\n", 1) + 'print(timed(_torch_conv)(x, k).shape)\n')


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
