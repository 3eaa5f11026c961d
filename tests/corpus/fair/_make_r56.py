"""Round 56 fairness corpus (aimed at 4d1a7cd and d2779df): correct answers that use, the way students do,
what the newest rules read as suspicious: traceback text / sys.exc_info / logger.exception / exc_info= in a model's
forward, __init__ or helpers; catch_warnings(record=True), captureWarnings, redirect_stderr / redirect_stdout;
str.format / format_map templates (constants, module names, class constants, attributes, parameters) with fields
like {0.shape} or {m.__class__.__name__}; logging.Formatter subclasses; and models with state a training-first judge
might disturb (lazy layers, caches built on the first forward, forward counters, manual_seed in __init__, buffers,
reset_parameters overrides, training-mode branches, no_grad helpers, ModuleList loops, Sequential subclasses, models
trained at top level before submission).

    python tests/corpus/fair/_make_r56.py [OUTDIR]

Notebook sources are split on '# %%'; a header 'md' makes a markdown cell.
"""
import pathlib
import sys
import textwrap

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

Q6_PLAIN = r'''
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


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
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

CONVNET_PLAIN = r'''
def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
'''

BASE = "import torch\n" + Q_SIMPLE + Q2_Q5 + Q6_PLAIN   # q1-q6; q7/q8 added per file
PLAIN_PY = BASE + CNN_PLAIN + CONVNET_PLAIN

# The pooled CNN's layers, for files that write only forward() differently.
CNN_LAYERS = r'''
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(1250, 1),
        )
'''


def cnn_with(forward: str, init_extra: str = "", class_extra: str = "", header: str = "") -> str:
    """The pooled CNN with its own forward body (and extra __init__ lines / class attributes)."""
    return (f"\n{header}\nclass CNN(torch.nn.Module):\n" + textwrap.indent(textwrap.dedent(class_extra), "    ")
            + "\n    def __init__(self):\n        super().__init__()\n" + CNN_LAYERS
            + textwrap.indent(textwrap.dedent(init_extra), "        ")
            + "\n    def forward(self, x):\n" + textwrap.indent(textwrap.dedent(forward), "        ") + "\n")


# ================================================================================================ scripts: tracebacks

FILES["r56_py_forward_try_print_exc.py"] = "import traceback\n" + BASE + cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    # most of my bugs were a wrong Linear size: show where, then fail as usual
    print(f"CNN.forward failed on input of shape {tuple(x.shape)}")
    traceback.print_exc()
    raise
''') + CONVNET_PLAIN + '''

if __name__ == "__main__":
    print(CNN()(torch.randn(2, 1, 100, 100)).shape)
'''

FILES["r56_py_forward_format_exc_logged.py"] = "import logging\nimport traceback\n" + BASE + '''
log = logging.getLogger("lecture06")
''' + cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    log.error("forward failed for %s:\\n%s", tuple(x.shape), traceback.format_exc())
    raise
''') + CONVNET_PLAIN

FILES["r56_py_logger_exception_in_conv_block_and_forward.py"] = "import logging\n" + BASE + '''
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
logger = logging.getLogger(__name__)
''' + CNN_PLAIN + '''

def conv_block(input_channels, output_channels):
    try:
        conv = torch.nn.Conv2d(input_channels, output_channels, 3, padding=1)
    except (TypeError, ValueError):
        logger.exception("conv_block(%r, %r): bad channel counts", input_channels, output_channels)
        raise
    return torch.nn.Sequential(conv, torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        try:
            return self.main(x)
        except RuntimeError:
            logger.exception("ConvNet got %s; it expects (N, C, 128, 128)", tuple(x.shape))
            raise
'''

FILES["r56_py_logging_error_exc_info_true.py"] = "import logging\n" + BASE + cnn_with('''
try:
    return self.main(x)
except RuntimeError as err:
    logging.error("CNN failed: %s", err, exc_info=True)
    raise
''') + CONVNET_PLAIN

FILES["r56_py_sys_exc_info_in_forward.py"] = "import sys\n" + BASE + CNN_PLAIN + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.input_channels = input_channels
        self.blocks = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.head = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(49152, 1))

    def forward(self, x):
        try:
            return self.head(self.blocks(x))
        except RuntimeError:
            kind, err, _ = sys.exc_info()
            print(f"{kind.__name__}: {err} (expected {self.input_channels} channels, 128x128)", file=sys.stderr)
            raise
'''

FILES["r56_py_traceback_print_exception_helper.py"] = "import traceback\n" + BASE + '''

def run_layers(layers, x):
    """Apply layers one by one, saying which one broke (my own debugging helper)."""
    for i, layer in enumerate(layers):
        try:
            x = layer(x)
        except RuntimeError as err:
            print(f"layer {i} ({layer}) failed on {tuple(x.shape)}")
            traceback.print_exception(err)
            raise
    return x


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = torch.nn.ModuleList([
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(1250, 1),
        ])

    def forward(self, x):
        return run_layers(self.layers, x)
''' + CONVNET_PLAIN

# ================================================================================================ scripts: warnings / streams

FILES["r56_py_catch_warnings_record_shape_check.py"] = "import warnings\n" + BASE + cnn_with('''
return self.main(x)
''', init_extra='''
# sanity check once, at construction: a 100x100 input must go through without any warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.no_grad():
        out = self.main(torch.zeros(1, 1, 100, 100))
assert out.shape == (1, 1) and not caught, [str(w.message) for w in caught]
''') + CONVNET_PLAIN

FILES["r56_py_forward_catch_warnings_record_report.py"] = "import warnings\n" + BASE + CNN_PLAIN + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = torch.nn.Sequential(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3),
                                            conv_block(3, 3), conv_block(3, 3))
        self.classifier = torch.nn.Linear(49152, 1)

    def forward(self, x):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            x = self.features(x)
        for w in caught:
            print("ConvNet warning:", w.message)
        return self.classifier(torch.flatten(x, 1))
'''

FILES["r56_py_redirect_stderr_quiet_forward.py"] = "import contextlib\nimport io\n" + BASE + cnn_with('''
# torch sometimes prints a UserWarning here on my Mac; keep the notebook output clean
with contextlib.redirect_stderr(io.StringIO()):
    return self.main(x)
''') + CONVNET_PLAIN

FILES["r56_py_redirect_stdout_quiet_helper.py"] = "import contextlib\nimport io\n" + BASE + '''

def quiet(fn, *args):
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args)

''' + cnn_with('''
return quiet(self.main, x)
''') + CONVNET_PLAIN

FILES["r56_py_capture_warnings_logging_top.py"] = "import logging\nimport warnings\n" + BASE + '''
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
logging.captureWarnings(True)
log = logging.getLogger("cnn")
''' + cnn_with('''
log.debug("CNN input %s", tuple(x.shape))
if x.shape[-2:] != (100, 100):
    warnings.warn(f"CNN expects 100x100 images, got {tuple(x.shape[-2:])}", stacklevel=2)
return self.main(x)
''') + CONVNET_PLAIN + '''

with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter("always")
    CNN()(torch.zeros(1, 1, 100, 100))
assert not seen
'''

# ================================================================================================ scripts: format strings

FILES["r56_py_template_class_constant.py"] = BASE + cnn_with('''
out = self.main(x)
if self.VERBOSE:
    print(self.SHAPES.format(x, out))
return out
''', class_extra='''
VERBOSE = False
SHAPES = "CNN: {0.shape} -> {1.shape}"
''') + CONVNET_PLAIN

FILES["r56_py_template_attribute_init.py"] = BASE + CNN_PLAIN + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels, verbose=False):
        super().__init__()
        self.verbose = verbose
        self.message = "ConvNet({c}): {x.shape} -> {y.shape}"
        self.input_channels = input_channels
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.Linear(49152, 1),
        )

    def forward(self, x):
        y = self.main(x)
        if self.verbose:
            print(self.message.format(c=self.input_channels, x=x, y=y))
        return y
'''

FILES["r56_py_shape_logger_helper_param_fmt.py"] = "import logging\n" + BASE + '''
log = logging.getLogger("shapes")


def show(fmt, *tensors):
    """Log shapes with a format template, e.g. show("in {0.shape}", x)."""
    if log.isEnabledFor(logging.DEBUG):
        log.debug(fmt.format(*tensors))

''' + cnn_with('''
show("CNN in  {0.shape}", x)
y = self.main(x)
show("CNN out {0.shape}", y)
return y
''') + CONVNET_PLAIN

FILES["r56_py_module_templates_dict.py"] = BASE + '''
DEBUG = False
MESSAGES = {
    "in": "{name}: input {x.shape}",
    "out": "{name}: output {y.shape}",
}
''' + cnn_with('''
if DEBUG:
    print(MESSAGES["in"].format(name="CNN", x=x))
y = self.main(x)
if DEBUG:
    print(MESSAGES["out"].format(name="CNN", y=y))
return y
''') + CONVNET_PLAIN

FILES["r56_py_template_concatenated_constant.py"] = BASE + '''
VERBOSE = False
SHAPE_LINE = ("{name:>8}: " +
              "{t.shape}")
''' + cnn_with('''
y = self.main(x)
if VERBOSE:
    print(SHAPE_LINE.format(name="in", t=x))
    print(SHAPE_LINE.format(name="out", t=y))
return y
''') + CONVNET_PLAIN

FILES["r56_py_str_format_classname_summary.py"] = BASE + CNN_PLAIN + CONVNET_PLAIN + '''

def summary(model):
    total = sum(p.numel() for p in model.parameters())
    print("{0.__class__.__name__}: {1:,} parameters".format(model, total))
    for name, p in model.named_parameters():
        print("  {:<24} {}".format(name, tuple(p.shape)))


summary(CNN())
summary(ConvNet(1))
'''

FILES["r56_py_format_function_names_selftest.py"] = BASE + CNN_PLAIN + CONVNET_PLAIN + '''

for fn, args, want in [(conv_output_size, (100, 5), 96), (conv2d_params, (1, 3, 3), 30), (linear_params, (1250, 1), 1251)]:
    got = fn(*args)
    assert got == want, "{0.__name__}{1} = {2}, expected {3}".format(fn, args, got, want)
    print("{0.__name__:<18} ok".format(fn))
'''

FILES["r56_py_formatter_subclass_forward_log.py"] = "import logging\n" + BASE + '''


class ShortFormatter(logging.Formatter):
    """Prefix every record with a tag; the rest as logging formats it."""

    def format(self, record):
        return "[lecture06] " + super().format(record)


log = logging.getLogger("lecture06.models")
_handler = logging.StreamHandler()
_handler.setFormatter(ShortFormatter("%(levelname)s %(message)s"))
log.addHandler(_handler)
log.setLevel(logging.WARNING)
''' + cnn_with('''
log.debug("forward %s", tuple(x.shape))
return self.main(x)
''') + CONVNET_PLAIN

FILES["r56_py_format_constant_fields_ok.py"] = "import logging\n" + BASE + '''
log = logging.getLogger(__name__)
LINE = "{0.shape} -> {1.shape}"
''' + cnn_with('''
y = self.main(x)
log.debug(LINE.format(x, y))
log.debug("conv1 weight {self.main[0].weight.shape}".format(self=self))
log.debug("{n} in, {out}".format_map({"n": x.shape[0], "out": tuple(y.shape)}))
log.debug(f"{type(self).__name__}: {tuple(x.shape)} -> {tuple(y.shape)}")
return y
''') + CONVNET_PLAIN

# ================================================================================================ scripts: state / training-first

FILES["r56_py_view_size_linear_cnn.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(x.view(x.size(0), -1))
''' + CONVNET_PLAIN

FILES["r56_py_forward_counter_cache.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
''' + CNN_LAYERS + '''        self.calls = 0
        self._last_shape = None

    def forward(self, x):
        self.calls += 1
        if self._last_shape != tuple(x.shape):
            self._last_shape = tuple(x.shape)  # for my printouts only
        return self.main(x)
''' + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels=1):  # 1 for grayscale, 3 for RGB: same code
        super().__init__()
        self.blocks = torch.nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.flatten = torch.nn.Flatten()
        self.fc = torch.nn.Linear(3 * 128 * 128, 1)
        self.register_buffer("n_seen", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        self.n_seen += x.shape[0]
        for block in self.blocks:
            x = block(x)
        return self.fc(self.flatten(x))
'''

FILES["r56_py_manual_seed_init_reset_parameters.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self, seed=0):
        super().__init__()
        torch.manual_seed(seed)  # same initial weights every run, for my plots
        self.conv1 = torch.nn.Conv2d(1, 3, (3, 3), padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, (3, 3), padding=1)
        self.fc = torch.nn.Linear(1250, 1)
        self.reset_parameters()

    def reset_parameters(self):
        for layer in (self.conv1, self.conv2, self.fc):
            layer.reset_parameters()

    def forward(self, x):
        x = torch.nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = torch.nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, start_dim=1))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        torch.manual_seed(42)
        self.main = torch.nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]],
                                        torch.nn.Flatten(), torch.nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)
'''

FILES["r56_py_training_branch_equivalent.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
''' + CNN_LAYERS + '''
    def forward(self, x):
        if self.training:
            return self.main(x)          # same network; kept separate so I can add dropout later
        with torch.no_grad() if not torch.is_grad_enabled() else torch.enable_grad():
            return self.main(x)
''' + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Sequential):
    """A Sequential subclass: five blocks, then Flatten and the Linear layer."""

    def __init__(self, input_channels):
        super().__init__(conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
                         conv_block(3, 3), torch.nn.Flatten(), torch.nn.Linear(49152, 1))
'''

FILES["r56_py_trained_at_top_level.py"] = BASE + CNN_PLAIN + CONVNET_PLAIN + '''

# a few steps of training on random data, to see the loss go down
torch.manual_seed(0)
model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x, y = torch.randn(8, 1, 100, 100), torch.randn(8, 1)
for step in range(3):
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(step, float(loss))
net = ConvNet(3)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss = net(torch.randn(2, 3, 128, 128)).pow(2).mean()
loss.backward()
opt.step()
'''

FILES["r56_py_no_grad_helper_methods_unsqueeze.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
        self.fc = torch.nn.Linear(1250, 1)

    def features(self, x):
        x = torch.max_pool2d(torch.relu(self.conv1(x)), 2)
        return torch.max_pool2d(torch.relu(self.conv2(x)), 2)

    @torch.no_grad()
    def predict(self, x):
        return self(x)

    @torch.no_grad()
    def count(self):
        return sum(p.numel() for p in self.parameters())

    def forward(self, x):
        z = self.features(x).reshape(x.shape[0], -1)
        return (z @ self.fc.weight.t()).squeeze(1).add(self.fc.bias).unsqueeze(1)
''' + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(*(conv_block(input_channels if i == 0 else 3, 3) for i in range(5)))
        self.out = torch.nn.Linear(49152, 1)

    def forward(self, x):
        return self.out(self.main(x).flatten(1)).sum(dim=1, keepdim=True)


print(CNN().predict(torch.zeros(2, 1, 100, 100)).shape, CNN().count())
'''

FILES["r56_py_device_on_first_call.py"] = BASE + '''
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
''' + CNN_LAYERS + '''        self._moved = False

    def forward(self, x):
        if not self._moved:  # move to the input's device the first time
            self.to(x.device)
            self._moved = True
        return self.main(x)
''' + CONVNET_PLAIN + '''

model = CNN().to(DEVICE)
print(model(torch.randn(2, 1, 100, 100, device=DEVICE)).shape)
'''

FILES["r56_py_modulelist_loop_first_forward_cache.py"] = BASE + CNN_PLAIN + '''

def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = torch.nn.ModuleList()
        channels = input_channels
        for _ in range(5):
            self.blocks.append(conv_block(channels, 3))
            channels = 3
        self.fc = torch.nn.Linear(channels * 128 * 128, 1)
        self._flat = None  # number of features, remembered on the first forward for my printouts

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        x = x.view(x.size(0), -1)
        if self._flat is None:
            self._flat = x.shape[1]
        return self.fc(x)
'''

FILES["r56_py_lazy_linear_and_lazy_conv.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        )
        self.fc = torch.nn.LazyLinear(1)  # works out in_features (1250) on the first call
        self(torch.zeros(1, 1, 100, 100))  # materialise it now so the parameter count is right

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.LazyLinear(1),
        )
        with torch.no_grad():
            self.main(torch.zeros(1, input_channels, 128, 128))

    def forward(self, x):
        return self.main(x)
'''

# ================================================================================================ notebooks

NB_HEAD = '''
# %% md
# Lecture 6 — answers
# %%
import otter
grader = otter.Notebook("lecture06.ipynb")
# %%
import torch
import torch.nn as nn
'''


def nb(*cells: str) -> str:
    return NB_HEAD + "".join("\n# %%\n" + textwrap.dedent(c).strip("\n") + "\n" for c in cells)


NB_ANSWERS = [Q_SIMPLE, Q2_Q5, Q6_PLAIN]

FILES["r56_nb_forward_print_exc_debug.ipynb"] = nb(*NB_ANSWERS, '''
import traceback

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * 25 * 25, 1)

    def forward(self, x):
        try:
            x = self.pool(torch.relu(self.conv1(x)))
            x = self.pool(torch.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
        except Exception:
            traceback.print_exc()
            raise
''', '''
grader.check("q7")
''', CONVNET_PLAIN, '''
for c in (1, 3):
    print(c, ConvNet(c)(torch.randn(2, c, 128, 128)).shape)
''')

FILES["r56_nb_classname_format_summary.ipynb"] = nb(*NB_ANSWERS, CNN_PLAIN, CONVNET_PLAIN, '''
def describe(model):
    n = sum(p.numel() for p in model.parameters())
    return "{m.__class__.__name__} with {n:,} parameters".format(m=model, n=n)

print(describe(CNN()))
print(describe(ConvNet(1)))
''', '''
grader.check_all()
''')

FILES["r56_nb_run_everything_last_cell_print_exc.ipynb"] = nb(*NB_ANSWERS, CNN_PLAIN, CONVNET_PLAIN, '''
# run everything once more before submitting
import traceback, sys
checks = {
    "q2": lambda: conv_output_size(100, 5) == 96,
    "q6": lambda: torch.equal(conv2d(torch.ones(4, 4), torch.ones(3, 3)), torch.full((2, 2), 9.0)),
    "q7": lambda: CNN()(torch.randn(2, 1, 100, 100)).shape == (2, 1),
    "q8": lambda: ConvNet(3)(torch.randn(1, 3, 128, 128)).shape == (1, 1),
}
for name, check in checks.items():
    try:
        print(name, "ok" if check() else "WRONG")
    except Exception:
        print(name, "raised:", sys.exc_info()[1])
        traceback.print_exc()
''')

FILES["r56_nb_logger_exception_forward_setup_cell.ipynb"] = nb('''
import logging
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", force=True)
logger = logging.getLogger("lecture06")
''', *NB_ANSWERS, '''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        try:
            return self.main(x)
        except RuntimeError:
            logger.exception("CNN.forward: input %s", tuple(x.shape))
            raise
''', CONVNET_PLAIN)

FILES["r56_nb_catch_warnings_assert_no_warning.ipynb"] = nb(*NB_ANSWERS, '''
import warnings

def checked(layer, x):
    """Run a layer and make sure torch did not warn (I had a broadcasting warning once)."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        y = layer(x)
    assert not w, f"{layer} warned: {w[0].message}"
    return y

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

    def forward(self, x):
        return self.head(checked(self.body, x))
''', CONVNET_PLAIN)

FILES["r56_nb_format_templates_in_class.ipynb"] = nb(*NB_ANSWERS, '''
class CNN(nn.Module):
    LOG = "{name}: {x.shape} -> {y.shape}"
    verbose = False

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, (3, 3), padding=1)
        self.pool1 = nn.MaxPool2d((2, 2))
        self.conv2 = nn.Conv2d(3, 2, (3, 3), padding=1)
        self.pool2 = nn.MaxPool2d((2, 2))
        self.fc = nn.Linear(1250, 1)

    def step(self, name, layer, x):
        y = layer(x)
        if self.verbose:
            print(self.LOG.format(name=name, x=x, y=y))
        return y

    def forward(self, x):
        x = self.step("pool1", self.pool1, torch.relu(self.step("conv1", self.conv1, x)))
        x = self.step("pool2", self.pool2, torch.relu(self.step("conv2", self.conv2, x)))
        return self.step("fc", self.fc, x.view(x.size(0), -1))
''', '''
CNN.verbose = True
CNN()(torch.zeros(1, 1, 100, 100))
CNN.verbose = False
''', CONVNET_PLAIN)

FILES["r56_nb_state_and_top_training.ipynb"] = nb(*NB_ANSWERS, '''
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.convs = nn.ModuleList([nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 2, 3, padding=1)])
        self.fc = nn.Linear(1250, 1)
        self.register_buffer("forward_calls", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        self.forward_calls += 1
        for conv in self.convs:
            x = nn.functional.max_pool2d(nn.functional.relu(conv(x)), 2)
        return self.fc(x.view(x.size(0), -1))
''', '''
model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
for _ in range(5):
    opt.zero_grad()
    loss = model(torch.randn(4, 1, 100, 100)).pow(2).mean()
    loss.backward()
    opt.step()
print(int(model.forward_calls), float(loss))
''', '''
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels=1):
        super().__init__()
        layers = []
        for i in range(5):
            layers.append(conv_block(input_channels if i == 0 else 3, 3))
        self.convs = nn.Sequential(*layers)
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.convs(x).view(x.size(0), -1))
''')

FILES["r56_nb_sequential_subclass_and_redirect_stdout.ipynb"] = nb(*NB_ANSWERS, '''
import contextlib, io

class CNN(nn.Sequential):
    def __init__(self):
        super().__init__(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1))
''', '''
# silence my debug prints while I time things
buf = io.StringIO()
with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
    for _ in range(3):
        CNN()(torch.randn(2, 1, 100, 100))
''', CONVNET_PLAIN)

FILES["r56_nb_exc_info_true_convnet.ipynb"] = nb(*NB_ANSWERS, CNN_PLAIN, '''
import logging
log = logging.getLogger("convnet")

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)],
                                  nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        try:
            return self.main(x)
        except RuntimeError as e:
            log.warning("ConvNet failed on %s: %s", tuple(x.shape), e, exc_info=True)
            raise
''')

FILES["r56_nb_plain_control.ipynb"] = nb(*NB_ANSWERS, CNN_PLAIN, CONVNET_PLAIN, '''
import traceback
try:
    conv_output_size(2, 5)
except ValueError:
    traceback.print_exc()
''')

# ================================================================================================ one-construct reductions

MIN = {
    "print_exc_in_forward_except": cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    traceback.print_exc()
    raise
'''),
    "format_exc_in_forward_except": cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    print(traceback.format_exc())
    raise
'''),
    "logger_exception_in_forward_except": cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    logging.getLogger("cnn").exception("forward failed")
    raise
'''),
    "exc_info_true_in_forward_except": cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    logging.error("forward failed", exc_info=True)
    raise
'''),
    "sys_exc_info_in_forward_except": cnn_with('''
try:
    return self.main(x)
except RuntimeError:
    print("forward failed:", sys.exc_info()[1])
    raise
'''),
    "catch_warnings_record_in_forward": cnn_with('''
with warnings.catch_warnings(record=True):
    return self.main(x)
'''),
    "redirect_stderr_in_forward": cnn_with('''
with contextlib.redirect_stderr(io.StringIO()):
    return self.main(x)
'''),
    "class_constant_template_format": cnn_with('''
y = self.main(x)
if self.VERBOSE:
    print(self.MSG.format(y))
return y
''', class_extra='''
VERBOSE = False
MSG = "out {0.shape}"
'''),
    "helper_fmt_parameter_format": cnn_with('''
show("in {0.shape}", x)
return self.main(x)
''', header='''
def show(fmt, t):
    if False:
        print(fmt.format(t))
'''),
    "formatter_subclass_super_format": cnn_with('''
log.debug("in %s", tuple(x.shape))
return self.main(x)
''', header='''
class Tagged(logging.Formatter):
    def format(self, record):
        return "[cnn] " + super().format(record)

log = logging.getLogger("cnn")
_h = logging.StreamHandler()
_h.setFormatter(Tagged("%(message)s"))
log.addHandler(_h)
'''),
}
MIN_IMPORTS = "import contextlib\nimport io\nimport logging\nimport sys\nimport traceback\nimport warnings\n"
for what, cnn_src in MIN.items():
    FILES[f"r56_min_{what}.py"] = MIN_IMPORTS + BASE + cnn_src + CONVNET_PLAIN

FILES["r56_min_format_field_dunder_name_top_level.py"] = PLAIN_PY + '''
print("{0.__class__.__name__}".format(CNN()))
'''
FILES["r56_min_format_field_dunder_name_function.py"] = PLAIN_PY + '''
print("{0.__name__}".format(conv2d))
'''

FILES["r56_min_self_to_on_first_forward.py"] = BASE + cnn_with('''
if not self._moved:
    self.to(x.device)
    self._moved = True
return self.main(x)
''', init_extra='''
self._moved = False
''') + CONVNET_PLAIN
FILES["r56_min_self_to_input_device_every_forward.py"] = BASE + cnn_with('''
self.to(x.device)
return self.main(x)
''') + CONVNET_PLAIN
FILES["r56_min_linear_by_matmul_weight_T_plus_bias.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        )
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        return self.features(x).flatten(1) @ self.fc.weight.T + self.fc.bias
''' + CONVNET_PLAIN
FILES["r56_min_linear_then_squeeze_unsqueeze.py"] = BASE + cnn_with('''
return self.main(x).squeeze(1).unsqueeze(1)
''') + CONVNET_PLAIN

FILES["r56_min_linear_matmul_squeeze_add_bias_unsqueeze.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        )
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        z = self.features(x).flatten(1)
        return (z @ self.fc.weight.t()).squeeze(1).add(self.fc.bias).unsqueeze(1)
''' + CONVNET_PLAIN
FILES["r56_min_linear_addmm_bias.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        )
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        z = self.features(x).flatten(1)
        return torch.addmm(self.fc.bias, z, self.fc.weight.t())
''' + CONVNET_PLAIN
FILES["r56_min_linear_weighted_sum_keepdim_plus_bias.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        )
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        z = self.features(x).flatten(1)
        return (z * self.fc.weight).sum(dim=1, keepdim=True) + self.fc.bias
''' + CONVNET_PLAIN
FILES["r56_min_linear_squeezed_matmul_plus_bias_unsqueeze.py"] = BASE + '''

class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        )
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        z = self.features(x).flatten(1)
        return (z @ self.fc.weight.t()).squeeze(1).unsqueeze(1) + self.fc.bias
''' + CONVNET_PLAIN


FILES["r56_py_selftest_runner_tb_lineno.py"] = "import sys\n" + BASE + CNN_PLAIN + CONVNET_PLAIN + """


def test_conv_output_size():
    assert conv_output_size(100, 5) == 96
    assert conv_output_size(7, 3, stride=2, padding=1) == 4


def test_conv2d():
    img, k = torch.randn(6, 6), torch.randn(3, 3)
    want = torch.nn.functional.conv2d(img[None, None], k[None, None], padding=1)[0, 0]
    assert torch.allclose(conv2d(img, k, padding=1), want, atol=1e-5)


def test_models():
    assert CNN()(torch.randn(2, 1, 100, 100)).shape == (2, 1)
    assert ConvNet(3)(torch.randn(1, 3, 128, 128)).shape == (1, 1)


for test in (test_conv_output_size, test_conv2d, test_models):
    try:
        test()
        print("PASS", test.__name__)
    except AssertionError:
        tb = sys.exc_info()[2]
        while tb.tb_next is not None:  # the innermost frame: the assert that failed
            tb = tb.tb_next
        print("FAIL", test.__name__, "at line", tb.tb_lineno)
"""

FILES["r56_nb_selftest_cell_traceback_extract_tb.ipynb"] = nb(*NB_ANSWERS, CNN_PLAIN, CONVNET_PLAIN, """
import traceback

def run(name, fn):
    try:
        fn()
        print(f"{name}: ok")
    except AssertionError as err:
        frame = traceback.extract_tb(err.__traceback__)[-1]
        print(f"{name}: FAILED at line {frame.lineno}: {frame.line}")

run("q2", lambda: conv_output_size(100, 5) == 96 or (_ for _ in ()).throw(AssertionError()))
run("q7", lambda: CNN()(torch.zeros(3, 1, 100, 100)).shape == (3, 1))
run("q8", lambda: ConvNet(3)(torch.zeros(1, 3, 128, 128)).shape == (1, 1))
""")

FILES["r56_min_tb_lineno_top_level.py"] = "import sys\n" + PLAIN_PY + """

try:
    assert conv_output_size(100, 5) == 96
except AssertionError:
    print("failed at line", sys.exc_info()[2].tb_lineno)
"""


MIN2 = {
    "template_concatenated_constant": ("""
SHAPE_LINE = "out " + "{0.shape}"
""", """
y = self.main(x)
if False:
    print(SHAPE_LINE.format(y))
return y
"""),
    "template_dict_entry": ("""
MESSAGES = {"out": "out {0.shape}"}
""", """
y = self.main(x)
if False:
    print(MESSAGES["out"].format(y))
return y
"""),
    "print_exception_in_forward_except": ("", """
try:
    return self.main(x)
except RuntimeError as err:
    traceback.print_exception(err)
    raise
"""),
}
for what, (header, forward) in MIN2.items():
    FILES[f"r56_min_{what}.py"] = MIN_IMPORTS + BASE + cnn_with(forward, header=header) + CONVNET_PLAIN

FILES["r56_min_template_instance_attribute.py"] = BASE + cnn_with("""
y = self.main(x)
if False:
    print(self.msg.format(y))
return y
""", init_extra="""
self.msg = "out {0.shape}"
""") + CONVNET_PLAIN

FILES["r56_min_catch_warnings_record_in_init.py"] = "import warnings\n" + BASE + cnn_with("""
return self.main(x)
""", init_extra="""
with warnings.catch_warnings(record=True):
    pass
""") + CONVNET_PLAIN

FILES["r56_min_logger_exception_in_conv_block.py"] = "import logging\n" + BASE + CNN_PLAIN + CONVNET_PLAIN.replace(
    "def conv_block(input_channels, output_channels):\n    return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())",
    "def conv_block(input_channels, output_channels):\n    try:\n        conv = torch.nn.Conv2d(input_channels, output_channels, 3, padding=1)\n"
    "    except ValueError:\n        logging.getLogger(\"cnn\").exception(\"bad channels\")\n        raise\n    return torch.nn.Sequential(conv, torch.nn.ReLU())")
assert "logging.getLogger" in FILES["r56_min_logger_exception_in_conv_block.py"]


# ================================================================================================ writer

def to_nb(src: str):
    book = v4.new_notebook()
    book.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    book.metadata["language_info"] = {"name": "python"}
    count = 0
    for n, chunk in enumerate(src.strip("\n").split("# %%")):
        header, _, body = chunk.partition("\n") if n else ("", "", chunk)
        body = body.strip("\n")
        if not body.strip():
            continue
        if header.strip().startswith("md"):
            book.cells.append(v4.new_markdown_cell(body))
            continue
        count += 1
        book.cells.append(v4.new_code_cell(body, execution_count=count, outputs=[]))
    for i, cell in enumerate(book.cells):
        cell["id"] = f"r56-{i:03d}"
    nbformat.validate(book)
    return book


def main(outdir=HERE):
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name, src in FILES.items():
        path = outdir / name
        if name.endswith(".ipynb"):
            nbformat.write(to_nb(src), str(path))
        else:
            path.write_text(src.lstrip("\n"))
        print(path.name)


if __name__ == "__main__":
    main(*sys.argv[1:])
