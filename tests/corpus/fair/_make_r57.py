"""Round 57 fairness corpus (aimed at 7ba72f3 / 3662712: the judge trains every model first, from the generator as
the submission left it, then judges the trained model): correct answers with state, dtypes, lazy layers, seeds,
copies, init code, hooks, top-level training and global torch settings, the way students write them.

    python tests/corpus/fair/_make_r57.py [OUTDIR]

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


def py(name, *parts, imports=IMPORTS):
    FILES[f"r57_{name}.py"] = imports + "".join(parts)


def nb(name, source):
    FILES[f"r57_{name}.ipynb"] = source


FIRST_CELL = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'


def notebook(source: str) -> str:
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
    return nbformat.writes(book)


# ---------------------------------------------------------------------------------------------------------- dtypes
py("double_in_init_both_models", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    """Everything in float64: my loss curves were noisy in float32."""

    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.double()

    def forward(self, x):
        return self.main(x.double())


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))
        self.to(torch.float64)

    def forward(self, x):
        x = x.to(torch.float64)
        return self.head(self.blocks(x))
''')

py("layers_built_with_dtype_float64", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
DTYPE = torch.float64
KW = dict(dtype=DTYPE)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1, **KW)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1, **KW)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1, **KW)

    def forward(self, x):
        x = x.type(DTYPE)
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1, **KW), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        layers = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(3 * 128 * 128, 1, **KW)

    def forward(self, x):
        x = self.features(x.type(DTYPE))
        return self.fc(x.flatten(1))
''')

py("set_default_dtype_float64_top", r'''
torch.set_default_dtype(torch.float64)  # double precision for the whole notebook
''', Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''

# quick check in double
m = CNN()
print(m(torch.rand(2, 1, 100, 100)).dtype, ConvNet(1)(torch.rand(1, 1, 128, 128)).shape)
''')

py("set_default_dtype_float64_q6_default_dtype_buffers", r'''
torch.set_default_dtype(torch.float64)
''', Q_SIMPLE, Q2_Q5, r'''
q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])


def conv2d(image, kernel, stride=1, padding=0):
    image = image.to(torch.get_default_dtype())
    kernel = kernel.to(image.dtype)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out
''', CNN_PLAIN, Q8_PLAIN)

py("default_dtype_float64_then_back_to_float32", r'''
torch.set_default_dtype(torch.float64)
''', Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''

# trained in double for a sanity check, then back to the default
torch.manual_seed(0)
model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for _ in range(3):
    x = torch.rand(4, 1, 100, 100)
    loss = ((model(x) - 1.0) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print("double loss", loss.item())
torch.set_default_dtype(torch.float32)
''')

py("input_cast_to_weight_dtype", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        # images from numpy arrive as float64: use whatever dtype the first conv has
        x = x.to(self.main[0].weight.dtype)
        return self.main(x)


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
        if x.dtype != torch.float32:
            x = x.float()
        return self.main(x)
''')

py("half_memory_then_float_top", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''

# how much memory would a half-precision copy take?
m = ConvNet(3)
size32 = sum(p.numel() * p.element_size() for p in m.parameters())
m.half()
size16 = sum(p.numel() * p.element_size() for p in m.parameters())
m.float()
print(size32, size16)
''')

# ------------------------------------------------------------------------------------------------------ lazy layers
py("lazy_everything_no_dummy_pass", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.LazyConv2d(3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.LazyConv2d(2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.LazyLinear(1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.LazyLinear(1),
        )

    def forward(self, x):
        return self.main(x)
''')

py("lazy_first_conv_ignores_channels_arg", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, r'''

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.input_channels = input_channels  # kept for printing; the first conv infers it
        self.first = nn.Sequential(nn.LazyConv2d(3, 3, padding=1), nn.ReLU())
        self.rest = nn.Sequential(*[conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = self.rest(self.first(x))
        return self.fc(x.reshape(x.shape[0], -1))
''')

py("flatten_size_from_random_dummy_in_init", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self, image_size=100):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        with torch.no_grad():
            n = self.features(torch.randn(1, 1, image_size, image_size)).numel()
        self.fc = nn.Linear(n, 1)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, image_size=128):
        super().__init__()
        self.features = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
        dummy = torch.rand(2, input_channels, image_size, image_size)
        with torch.no_grad():
            n = self.features(dummy)[0].numel()
        self.fc = nn.Linear(n, 1)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))
''')

# ------------------------------------------------------------------------------------------------- seeds and copies
py("manual_seed_inside_conv_block", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self, seed=0):
        super().__init__()
        torch.manual_seed(seed)
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels, seed=42):
    torch.manual_seed(seed)  # every block starts the same: easier to compare runs
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
''')

py("manual_seed_between_definitions", r'''
torch.manual_seed(2024)
''', Q_SIMPLE, Q2_Q5, r'''
torch.manual_seed(0)
''', Q6_PLAIN, r'''
torch.manual_seed(1)
''', CNN_PLAIN, r'''
print(CNN()(torch.rand(1, 1, 100, 100)))
torch.manual_seed(2)
''', Q8_PLAIN, r'''
print(ConvNet(1)(torch.rand(1, 1, 128, 128)))
torch.manual_seed(3)
''')

py("deepcopy_one_block_four_times", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, r'''
import copy


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        block = conv_block(3, 3)
        self.main = nn.Sequential(
            conv_block(input_channels, 3),
            *[copy.deepcopy(block) for _ in range(4)],
            nn.Flatten(),
            nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
''')

py("deepcopy_module_level_template", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
import copy

torch.manual_seed(0)
_TEMPLATE = nn.Sequential(
    nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(1250, 1),
)


class CNN(nn.Module):
    """Every CNN starts from the same weights, so that runs are comparable."""

    def __init__(self):
        super().__init__()
        self.main = copy.deepcopy(_TEMPLATE)

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


_CONVNETS = {}


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        if input_channels not in _CONVNETS:
            _CONVNETS[input_channels] = nn.Sequential(
                conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                nn.Flatten(), nn.Linear(49152, 1))
        self.main = copy.deepcopy(_CONVNETS[input_channels])

    def forward(self, x):
        return self.main(x)
''')

py("initial_state_dict_shared_by_instances", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
import copy


class CNN(nn.Module):
    _initial_state = None

    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        if CNN._initial_state is None:
            CNN._initial_state = copy.deepcopy(self.state_dict())
        else:
            self.load_state_dict(CNN._initial_state)

    def forward(self, x):
        return self.main(x)


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


# the same start for both runs
a, b = CNN(), CNN()
print(all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters())))
''')

py("fork_rng_around_init", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self, seed=None):
        super().__init__()
        with torch.random.fork_rng(enabled=seed is not None):
            if seed is not None:
                torch.manual_seed(seed)
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, seed=7):
        super().__init__()
        state = torch.get_rng_state()
        torch.manual_seed(seed)
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        torch.set_rng_state(state)  # leave the global generator as it was

    def forward(self, x):
        return self.main(x)
''')

# ------------------------------------------------------------------------------------------------------ init code
py("apply_xavier_zero_bias", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

def init_weights(m):
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.apply(init_weights)

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.apply(init_weights)

    def forward(self, x):
        return self.main(x)
''')

py("kaiming_normal_loop_over_modules", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
import math


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                nn.init.constant_(m.bias, 0.01)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.uniform_(m.bias, -1 / math.sqrt(1250), 1 / math.sqrt(1250))

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.view(x.size(0), -1))


def conv_block(input_channels, output_channels):
    conv = nn.Conv2d(input_channels, output_channels, 3, padding=1)
    nn.init.kaiming_uniform_(conv.weight, nonlinearity="relu")
    return nn.Sequential(conv, nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
''')

py("zero_init_head", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class ZeroLinear(nn.Linear):
    """A head that starts at exactly zero output (a trick from the ResNet papers)."""

    def reset_parameters(self):
        nn.init.zeros_(self.weight)
        if self.bias is not None:
            nn.init.zeros_(self.bias)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), ZeroLinear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), ZeroLinear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
''')

py("no_grad_rescale_in_init", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        with torch.no_grad():  # smaller head at the start
            self.main[-1].weight.mul_(0.1)
            self.main[-1].bias.fill_(0.5)

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    block = nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())
    with torch.no_grad():
        block[0].bias.zero_()
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        torch.nn.init.normal_(self.main[-1].weight, std=1e-3)

    def forward(self, x):
        return self.main(x)
''')

py("parameters_empty_then_reset", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
import math


class MyConv(nn.Module):
    def __init__(self, cin, cout, k=3, padding=1):
        super().__init__()
        self.padding = padding
        self.weight = nn.Parameter(torch.empty(cout, cin, k, k))
        self.bias = nn.Parameter(torch.empty(cout))
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        fan_in = self.weight[0].numel()
        bound = 1 / math.sqrt(fan_in)
        nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, x):
        return F.conv2d(x, self.weight, self.bias, padding=self.padding)


class MyLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_out, n_in))
        self.bias = nn.Parameter(torch.empty(n_out))
        bound = 1 / math.sqrt(n_in)
        with torch.no_grad():
            self.weight.uniform_(-bound, bound)
            self.bias.uniform_(-bound, bound)

    def forward(self, x):
        return F.linear(x, self.weight, self.bias)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1, self.c2, self.fc = MyConv(1, 3), MyConv(3, 2), MyLinear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        return self.fc(x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(MyConv(input_channels, output_channels), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), MyLinear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
''')

py("init_with_own_generator", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
import math


def init_layer(layer, gen):
    bound = 1 / math.sqrt(layer.weight[0].numel())
    nn.init.uniform_(layer.weight, -bound, bound, generator=gen)
    nn.init.uniform_(layer.bias, -bound, bound, generator=gen)
    return layer


class CNN(nn.Module):
    def __init__(self, seed=123):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.main = nn.Sequential(
            init_layer(nn.Conv2d(1, 3, 3, padding=1), g), nn.ReLU(), nn.MaxPool2d(2),
            init_layer(nn.Conv2d(3, 2, 3, padding=1), g), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), init_layer(nn.Linear(1250, 1), g),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, seed=321):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        for m in self.main.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                init_layer(m, g)

    def forward(self, x):
        return self.main(x)
''')

# --------------------------------------------------------------------------------------------- state, hooks, branches
py("layer_aliases_for_plotting", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        # short names to plot the filters later
        self.conv1 = self.main[0]
        self.conv2 = self.main[3]
        self.fc = self.main[-1]

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.first_conv = self.blocks[0][0]
        self.head = nn.Linear(49152, 1)

    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        return self.head(x.flatten(1))
''')

py("inplace_relu_functional_and_module", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.conv1(x).relu_()
        x = F.max_pool2d(x, 2)
        x = F.relu(self.conv2(x), inplace=True)
        x = F.max_pool2d(x, 2)
        return self.fc(torch.flatten(x, 1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU(inplace=True))


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
''')

py("clone_contiguous_input", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = x.clone()  # never modify the caller's batch
        x = self.main(x).contiguous()
        return self.fc(x.view(x.shape[0], -1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(*[conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = self.main(x.contiguous())
        return self.fc(x.permute(0, 1, 2, 3).contiguous().view(len(x), -1))
''')

py("feature_map_capture_hooks", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.activations = {}
        for name, layer in self.main.named_children():
            if isinstance(layer, nn.Conv2d):
                layer.register_forward_hook(self._keep(name))

    def _keep(self, name):
        def hook(module, inputs, output):
            self.activations[name] = output.detach()
        return hook

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.feature_maps = []
        self.main[4].register_forward_hook(lambda m, i, o: self.feature_maps.append(o.detach()[:1]))

    def forward(self, x):
        self.feature_maps.clear()
        return self.main(x)


m = CNN()
m(torch.rand(1, 1, 100, 100))
print({k: tuple(v.shape) for k, v in m.activations.items()})
''')

py("shape_print_hooks_verbose_flag", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
VERBOSE = False


def show_shape(module, inputs, output):
    if VERBOSE:
        print(f"{module.__class__.__name__:>10}: {tuple(output.shape)}")


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        for layer in self.main:
            layer.register_forward_hook(show_shape)

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    block = nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())
    block.register_forward_hook(show_shape)
    return block


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


VERBOSE = True
CNN()(torch.rand(1, 1, 100, 100))
VERBOSE = False
''')

py("gradcam_tensor_hook_on_last_conv", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(),
        )
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(1250, 1)
        self.gradients = None
        self.last_activation = None

    def save_gradient(self, grad):
        self.gradients = grad

    def forward(self, x):
        a = self.features(x)
        if a.requires_grad:  # for Grad-CAM
            a.register_hook(self.save_gradient)
        self.last_activation = a.detach()
        return self.fc(self.pool(a).flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3))
        self.fc = nn.Linear(49152, 1)
        self.grads = []

    def forward(self, x):
        a = self.main(x)
        if torch.is_grad_enabled() and a.requires_grad:
            a.register_hook(lambda g: self.grads.append(g))
        return self.fc(torch.flatten(a, 1))


# Grad-CAM on a random image
m = CNN()
out = m(torch.rand(1, 1, 100, 100))
out.sum().backward()
weights = m.gradients.mean(dim=(2, 3), keepdim=True)
cam = F.relu((weights * m.last_activation).sum(1))
print(cam.shape)
''')

py("backward_hook_records_grad_norms", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.grad_norms = []
        self.main[0].register_full_backward_hook(self._record)

    def _record(self, module, grad_input, grad_output):
        self.grad_norms.append(grad_output[0].norm().item())  # watching for vanishing gradients

    def forward(self, x):
        return self.main(x)


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
''')

py("parameter_grad_hooks_store_tensors", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, r'''

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.last_grads = {}
        for name, p in self.named_parameters():
            p.register_hook(self._saver(name))

    def _saver(self, name):
        def save(grad):
            self.last_grads[name] = grad.detach().clone()
        return save

    def forward(self, x):
        return self.main(x)
''')

py("zero_std_noise_in_training_mode", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self, noise_std=0.0):
        super().__init__()
        self.noise_std = noise_std  # input noise as augmentation: off for this exercise
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        if self.training:
            x = x + self.noise_std * torch.randn_like(x)
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, p_drop=0.0):
        super().__init__()
        self.p_drop = p_drop
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten())
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        x = self.main(x)
        x = F.dropout(x, p=self.p_drop, training=self.training)
        return self.fc(x)
''')

py("training_branch_detach_free_eval_path", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        if self.training:
            feats = self.features(x)
            return self.fc(feats.flatten(1))
        # evaluation: the same layers, one expression
        return self.fc(torch.flatten(self.features(x), start_dim=1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        outs = []
        for block in self.blocks:
            x = block(x)
            if not self.training:
                outs.append(x.mean().item())  # mean activation per block, printed while evaluating
        if outs:
            self.last_means = outs
        return self.fc(x.flatten(1))
''')

py("running_activation_stats_buffer", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(1250, 1)
        self.register_buffer("feature_max", torch.zeros(2))
        self.register_buffer("batches", torch.tensor(0))

    def forward(self, x):
        z = self.main(x)
        if self.training:
            with torch.no_grad():
                self.feature_max = torch.maximum(self.feature_max, z.amax(dim=(0, 2, 3)))
                self.batches += 1
        return self.fc(z.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.register_buffer("input_mean", torch.zeros(input_channels), persistent=False)
        self.momentum = 0.1

    def forward(self, x):
        if self.training:
            with torch.no_grad():
                self.input_mean.mul_(1 - self.momentum).add_(self.momentum * x.mean(dim=(0, 2, 3)))
        return self.main(x)
''')

py("identity_normalisation_buffers", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self, mean=0.0, std=1.0):
        super().__init__()
        # dataset statistics go here once I have real data; 0 and 1 leave the images as they are
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main((x - self.mean) / self.std)


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
''')

py("loss_and_optimizer_inside_model", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self, lr=0.01):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.loss_fn = nn.MSELoss()
        self.optimizer = torch.optim.SGD(self.parameters(), lr=lr)

    def forward(self, x):
        return self.main(x)

    def fit(self, x, y, epochs=1):
        self.train()
        for _ in range(epochs):
            loss = self.loss_fn(self(x), y)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        return loss.item()


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.criterion = nn.BCEWithLogitsLoss()

    def forward(self, x):
        return self.main(x)


m = CNN()
print(m.fit(torch.rand(4, 1, 100, 100), torch.rand(4, 1), epochs=2))
''')

py("train_eval_overrides_logging", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.mode_changes = 0

    def train(self, mode=True):
        self.mode_changes += 1
        return super().train(mode)

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.history = []

    def eval(self):
        self.history.append("eval")
        return super().eval()

    def forward(self, x):
        return self.main(x)
''')

py("eval_mode_under_no_grad_in_forward", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

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
        with torch.set_grad_enabled(self.training and torch.is_grad_enabled()):
            return self.main(x)
''')

py("nan_guard_in_forward", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        out = self.main(x)
        if not torch.isfinite(out).all():
            raise FloatingPointError("the CNN produced NaN or inf, lower the learning rate")
        return out


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
        assert x.dim() == 4, f"expected a batch, got {tuple(x.shape)}"
        out = self.main(x)
        assert not torch.isnan(out).any()
        return out
''')

# --------------------------------------------------------------------------------------------- building styles
py("sequential_subclass_ordered_dict", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
from collections import OrderedDict


class CNN(nn.Sequential):
    def __init__(self):
        super().__init__(OrderedDict([
            ("conv1", nn.Conv2d(1, 3, 3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(3, 2, 3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(1250, 1)),
        ]))


def conv_block(input_channels, output_channels):
    block = nn.Sequential()
    block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
    block.add_module("relu", nn.ReLU())
    return block


class ConvNet(nn.Sequential):
    def __init__(self, input_channels):
        super().__init__()
        for i, c in enumerate([input_channels, 3, 3, 3, 3]):
            self.add_module(f"block{i + 1}", conv_block(c, 3))
        self.add_module("flatten", nn.Flatten())
        self.add_module("fc", nn.Linear(49152, 1))
''')

py("partial_layers_moduledict", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
from functools import partial

Conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1)
Pool = partial(nn.MaxPool2d, kernel_size=2)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({
            "conv1": Conv3x3(1, 3), "pool1": Pool(),
            "conv2": Conv3x3(3, 2), "pool2": Pool(),
            "fc": nn.Linear(1250, 1),
        })

    def forward(self, x):
        x = self.layers["pool1"](F.relu(self.layers["conv1"](x)))
        x = self.layers["pool2"](F.relu(self.layers["conv2"](x)))
        return self.layers["fc"](x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(Conv3x3(input_channels, output_channels), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        make = partial(conv_block, output_channels=3)
        self.blocks = nn.ModuleDict({f"b{i}": make(c) for i, c in enumerate([input_channels] + [3] * 4)})
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for name in sorted(self.blocks):
            x = self.blocks[name](x)
        return self.fc(x.flatten(1))
''')

py("classes_made_by_factory_function", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

def make_models(hidden=(3, 2), n_blocks=5, width=3):
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            c1, c2 = hidden
            self.main = nn.Sequential(
                nn.Conv2d(1, c1, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(c1, c2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(c2 * 25 * 25, 1),
            )

        def forward(self, x):
            return self.main(x)

    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())

    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            chans = [input_channels] + [width] * n_blocks
            self.main = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])],
                                      nn.Flatten(), nn.Linear(width * 128 * 128, 1))

        def forward(self, x):
            return self.main(x)

    return CNN, conv_block, ConvNet


CNN, conv_block, ConvNet = make_models()
''')

py("class_made_with_type", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

def _cnn_init(self):
    nn.Module.__init__(self)
    self.main = nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1250, 1),
    )


def _forward(self, x):
    return self.main(x)


CNN = type("CNN", (nn.Module,), {"__init__": _cnn_init, "forward": _forward})


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


def _convnet_init(self, input_channels):
    nn.Module.__init__(self)
    self.main = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                              nn.Flatten(), nn.Linear(49152, 1))


ConvNet = type("ConvNet", (nn.Module,), {"__init__": _convnet_init, "forward": _forward})
''')

py("callable_flattener_object", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class Flattener:
    """Not a layer: a plain callable that keeps the batch dimension."""

    def __call__(self, x):
        return x.reshape(x.shape[0], -1)

    def __repr__(self):
        return "Flattener()"


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.flatten = Flattener()
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.features(x)))


class ConvBlock:
    """conv_block as a small callable builder."""

    def __call__(self, input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


conv_block = ConvBlock()


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.features = nn.Sequential(*[conv_block(c, 3) for c in (input_channels, 3, 3, 3, 3)])
        self.flatten = Flattener()
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        return self.fc(self.flatten(self.features(x)))
''')

py("dataclass_config_frozen", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CNNConfig:
    channels: tuple = (1, 3, 2)
    kernel: int = 3
    image: int = 100
    pools: int = 2


@dataclass
class ConvNetConfig:
    width: int = 3
    blocks: int = 5
    image: int = 128
    extra: dict = field(default_factory=dict)


class CNN(nn.Module):
    def __init__(self, cfg: CNNConfig = CNNConfig()):
        super().__init__()
        layers = []
        for cin, cout in zip(cfg.channels, cfg.channels[1:]):
            layers += [nn.Conv2d(cin, cout, cfg.kernel, padding=cfg.kernel // 2), nn.ReLU(), nn.MaxPool2d(2)]
        side = cfg.image // 2 ** cfg.pools
        self.main = nn.Sequential(*layers, nn.Flatten(), nn.Linear(cfg.channels[-1] * side * side, 1))

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels, cfg: ConvNetConfig = None):
        super().__init__()
        cfg = cfg or ConvNetConfig()
        chans = [input_channels] + [cfg.width] * cfg.blocks
        self.main = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])], nn.Flatten(),
                                  nn.Linear(cfg.width * cfg.image ** 2, 1))

    def forward(self, x):
        return self.main(x)
''')

py("to_device_in_init_and_input", r'''
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
''', Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        ).to(device)

    def forward(self, x):
        return self.main(x.to(device))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()).to(device)


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
        self.to(device)

    def forward(self, x):
        x = x.to(next(self.parameters()).device)
        return self.main(x)
''')

py("unbatched_input_support", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        single = x.dim() == 3  # one image (C, H, W) also works
        if single:
            x = x.unsqueeze(0)
        out = self.fc(self.main(x).flatten(1))
        return out[0] if single else out


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
        )
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        batch = x.shape[0] if x.dim() == 4 else 1
        x = self.main(x.view(batch, *x.shape[-3:]))
        return self.fc(x.reshape(batch, -1))
''')

# --------------------------------------------------------------------------------------- top-level global settings
py("top_training_dataloader_scheduler", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
data = TensorDataset(torch.rand(16, 3, 128, 128), torch.randint(0, 2, (16, 1)).float())
loader = DataLoader(data, batch_size=4, shuffle=True)
model = ConvNet(3)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
loss_fn = nn.BCEWithLogitsLoss()
for epoch in range(2):
    model.train()
    for xb, yb in loader:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    sched.step()
    model.eval()
    with torch.no_grad():
        acc = ((model(data.tensors[0]) > 0).float() == data.tensors[1]).float().mean()
    print(epoch, loss.item(), acc.item())
''')

py("top_grad_disabled_left_off", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''

# from here on only inference
torch.set_grad_enabled(False)
print(CNN()(torch.rand(3, 1, 100, 100)).shape, ConvNet(3)(torch.rand(2, 3, 128, 128)).shape)
''')

py("top_detect_anomaly_and_training", r'''
torch.autograd.set_detect_anomaly(True)  # NaN hunting
''', Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''

model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for step in range(3):
    x = torch.rand(2, 1, 100, 100)
    loss = model(x).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
''')

py("top_default_device_and_threads", r'''
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_default_device(DEVICE)
torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)
torch.backends.cudnn.benchmark = False
''', Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN)

py("top_rng_state_saved_restored_for_data", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''

state = torch.get_rng_state()
torch.manual_seed(1234)
images = torch.rand(8, 1, 100, 100)
torch.set_rng_state(state)
model = CNN()
print(model(images).squeeze(1))
np_gen = torch.Generator().manual_seed(5)
print(torch.randn(3, generator=np_gen))
''')

py("torchsummary_and_print_model", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''
from torchsummary import summary

print(CNN())
summary(CNN(), (1, 100, 100), device="cpu")
summary(ConvNet(1), (1, 128, 128), device="cpu")
for name, p in ConvNet(3).named_parameters():
    print(f"{name:25s} {str(tuple(p.shape)):20s} {p.numel():>8d}")
''')

py("top_state_dict_roundtrip_to_disk", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''
import os
import tempfile

model = ConvNet(1)
path = os.path.join(tempfile.gettempdir(), "convnet_r57.pt")
torch.save(model.state_dict(), path)
again = ConvNet(1)
again.load_state_dict(torch.load(path, weights_only=True))
x = torch.rand(1, 1, 128, 128)
print(torch.allclose(model(x), again(x)))
os.remove(path)
''')

py("top_train_both_models_then_freeze_copies", Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN, r'''
import copy

cnn = CNN()
opt = torch.optim.SGD(cnn.parameters(), lr=0.05)
for _ in range(2):
    x, y = torch.rand(4, 1, 100, 100), torch.rand(4, 1)
    loss = F.mse_loss(cnn(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
frozen = copy.deepcopy(cnn).eval().requires_grad_(False)
print(frozen(torch.rand(1, 1, 100, 100)))
''')

# -------------------------------------------------------------------------------------------------- q6 variations
Q6_TAIL = r'''
'''

py("q6_unfold_einsum", Q_SIMPLE, Q2_Q5, r'''
q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    if padding:
        h, w = image.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    windows = image.unfold(0, kh, stride).unfold(1, kw, stride)   # (oh, ow, kh, kw)
    return torch.einsum("ijkl,kl->ij", windows, kernel.to(image.dtype))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-2, -1))
''', CNN_PLAIN, Q8_PLAIN)

py("q6_as_strided_views", Q_SIMPLE, Q2_Q5, r'''
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.float32)


def conv2d(image, kernel, stride=1, padding=0):
    x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    x = x.contiguous()
    kh, kw = kernel.shape
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    s0, s1 = x.stride()
    windows = x.as_strided((oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1))
    return (windows * kernel).sum(dim=(2, 3))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = (image.shape[0] // k) * k, (image.shape[1] // k) * k
    blocks = image[:h, :w].reshape(h // k, k, w // k, k)
    return blocks.permute(0, 2, 1, 3).reshape(h // k, w // k, k * k).max(dim=-1).values
''', CNN_PLAIN, Q8_PLAIN)

py("q6_numpy_then_tensor", Q_SIMPLE, Q2_Q5, r'''
import numpy as np

q6_output = np.array([[12, 12, 17], [10, 17, 19], [9, 6, 14]]).tolist()


def conv2d(image, kernel, stride=1, padding=0):
    img = np.pad(image.numpy(), padding)
    k = kernel.numpy()
    kh, kw = k.shape
    oh = (img.shape[0] - kh) // stride + 1
    ow = (img.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow), dtype=img.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
    return torch.from_numpy(out)


def max_pool2d(image, kernel_size=2):
    a = image.numpy()
    k = kernel_size
    h, w = a.shape[0] // k, a.shape[1] // k
    return torch.from_numpy(a[:h * k, :w * k].reshape(h, k, w, k).max(axis=(1, 3)))
''', CNN_PLAIN, Q8_PLAIN)

py("q6_recursive_generator_rows", Q_SIMPLE, Q2_Q5, r'''
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def _pad(image, p):
    if p == 0:
        return image
    h, w = image.shape
    z = torch.zeros(h + 2, w + 2, dtype=image.dtype)
    z[1:-1, 1:-1] = image
    return _pad(z, p - 1)


def _rows(image, kernel, stride):
    kh, kw = kernel.shape
    for i in range(0, image.shape[0] - kh + 1, stride):
        yield torch.stack([(image[i:i + kh, j:j + kw] * kernel).sum()
                           for j in range(0, image.shape[1] - kw + 1, stride)])


def conv2d(image, kernel, stride=1, padding=0):
    return torch.stack(list(_rows(_pad(image, padding), kernel, stride)))


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
                        for i in range(0, image.shape[0] - k + 1, k)])
''', CNN_PLAIN, Q8_PLAIN)

# -------------------------------------------------------------------------------------------------------- notebooks
NB_ANSWERS = "# %%\n" + Q_SIMPLE + "\n# %%\n" + Q2_Q5 + "\n# %%\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n" + Q6_PLAIN

nb("nb_magics_capture_training_cell", notebook(r'''
# %%
!pip install -q torchsummary
%load_ext autoreload
%autoreload 2
%matplotlib inline
''' + NB_ANSWERS + r'''
# %%
''' + CNN_PLAIN + r'''
# %%
grader.check("q7")
# %%
''' + Q8_PLAIN + r'''
# %%
%%capture train_log
model = ConvNet(1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for step in range(3):
    x = torch.rand(2, 1, 128, 128)
    loss = model(x).pow(2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    print(step, loss.item())
# %%
train_log.show()
# %%
%time out = CNN()(torch.rand(8, 1, 100, 100))
'''))

nb("nb_double_models_and_training_loop", notebook(r'''
# md
Using float64 everywhere in this notebook.
# %%
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.set_default_dtype(torch.float64)
''' + NB_ANSWERS + r'''
# %%
''' + CNN_PLAIN + r'''
# %%
''' + Q8_PLAIN + r'''
# %%
torch.manual_seed(0)
net = ConvNet(3)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
for _ in range(2):
    x = torch.rand(2, 3, 128, 128)
    loss = F.binary_cross_entropy_with_logits(net(x), torch.ones(2, 1))
    opt.zero_grad()
    loss.backward()
    opt.step()
print(loss.dtype, loss.item())
'''))

nb("nb_hooks_and_lazy_models", notebook(r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
''' + NB_ANSWERS + r'''
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.LazyLinear(1),
        )

    def forward(self, x):
        return self.main(x)


shapes = []
handles = [m.register_forward_hook(lambda m, i, o: shapes.append((type(m).__name__, tuple(o.shape))))
           for m in CNN().main]
# %%
probe = CNN()
for h in handles:
    h.remove()
for layer in probe.main:
    layer.register_forward_hook(lambda m, i, o: shapes.append((type(m).__name__, tuple(o.shape))))
probe(torch.rand(1, 1, 100, 100))
for s in shapes:
    print(s)
# %%
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
'''))

nb("nb_seeded_cells_and_deepcopy_experiment", notebook(r'''
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
''' + NB_ANSWERS + r'''
# %%
torch.manual_seed(42)
''' + CNN_PLAIN + r'''
base = CNN()
# %%
# two copies of the same start, one trained with SGD, one with Adam
a, b = copy.deepcopy(base), copy.deepcopy(base)
for model, opt in ((a, torch.optim.SGD(a.parameters(), lr=0.1)), (b, torch.optim.Adam(b.parameters(), lr=0.01))):
    for _ in range(2):
        loss = model(torch.rand(2, 1, 100, 100)).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
print(sum((p - q).abs().sum() for p, q in zip(a.parameters(), b.parameters())))
# %%
torch.manual_seed(7)
''' + Q8_PLAIN + r'''
# %%
torch.manual_seed(7)
n1 = ConvNet(1)
torch.manual_seed(7)
n2 = ConvNet(1)
print(all(torch.equal(p, q) for p, q in zip(n1.parameters(), n2.parameters())))
'''))


# ============================================================================ round 2: one construct at a time (min_*)
# Each is the plain submission (Q_SIMPLE, Q2_Q5, Q6_PLAIN, CNN_PLAIN, Q8_PLAIN) with one construct changed.

def cnn_with(init_extra="", forward_body="return self.main(x)", class_body="", head="nn.Linear(1250, 1)"):
    return f"""

class CNN(nn.Module):
{class_body}
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), {head},
        )
{init_extra}
    def forward(self, x):
        {forward_body}
"""


BASE = (Q_SIMPLE, Q2_Q5, Q6_PLAIN)

# class / function attributes written after definition
py("min_class_instance_counter_in_init", *BASE, cnn_with(class_body="    instances = 0\n",
                                                          init_extra="        CNN.instances += 1\n"), Q8_PLAIN)
py("min_type_self_attribute_in_init", *BASE, cnn_with(class_body="    built = 0\n",
                                                       init_extra="        type(self).built += 1\n"), Q8_PLAIN)
py("min_class_dict_item_cache_in_init", *BASE, cnn_with(
    class_body="    _cache = {}\n",
    init_extra="        if 'init' not in CNN._cache:\n            CNN._cache['init'] = {k: v.clone() for k, v in self.state_dict().items()}\n"
               "        self.load_state_dict(CNN._cache['init'])\n"), Q8_PLAIN)
py("min_module_global_initial_state", *BASE, """
_INITIAL = None
""", cnn_with(init_extra="        global _INITIAL\n        if _INITIAL is None:\n            _INITIAL = {k: v.clone() for k, v in self.state_dict().items()}\n"
                          "        self.load_state_dict(_INITIAL)\n"), Q8_PLAIN)
py("min_class_attribute_set_at_top_level", *BASE, CNN_PLAIN, Q8_PLAIN, """
CNN.description = "the pooled CNN of the lecture"
""")
py("min_method_added_to_class_later", *BASE, CNN_PLAIN, Q8_PLAIN, """


def count_parameters(self):
    return sum(p.numel() for p in self.parameters())


CNN.count_parameters = count_parameters
ConvNet.count_parameters = count_parameters
print(CNN().count_parameters(), ConvNet(1).count_parameters())
""")
py("min_function_attribute_counter", *BASE, CNN_PLAIN, """

def conv_block(input_channels, output_channels):
    conv_block.calls += 1
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


conv_block.calls = 0


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
""")
py("min_global_model_counter_in_init", *BASE, """
N_MODELS = 0
""", cnn_with(init_extra="        global N_MODELS\n        N_MODELS += 1\n"), Q8_PLAIN)
py("convnet_registry_of_built_models", *BASE, CNN_PLAIN, """

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    \"\"\"Keeps count of how many nets were built for each number of channels (for my experiment log).\"\"\"

    built = {}

    def __init__(self, input_channels):
        super().__init__()
        ConvNet.built[input_channels] = ConvNet.built.get(input_channels, 0) + 1
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)


ConvNet(1), ConvNet(3)
print(ConvNet.built)
""")

# parameter hooks that only look
py("min_param_hook_appends_grad", *BASE, cnn_with(
    init_extra="        self.grads = []\n        self.main[-1].weight.register_hook(lambda g: self.grads.append(g))\n"), Q8_PLAIN)
py("min_param_hook_returns_none_explicitly", *BASE, cnn_with(
    init_extra="        self.grad_norm = None\n        self.main[0].weight.register_hook(self._watch)\n",
    class_body="    def _watch(self, grad):\n        self.grad_norm = grad.detach().norm()\n        return None\n"), Q8_PLAIN)
py("min_post_accumulate_grad_hook_logging", *BASE, cnn_with(
    init_extra="        self.seen = []\n        for p in self.parameters():\n            p.register_post_accumulate_grad_hook(lambda p: self.seen.append(p.grad.shape))\n"),
    Q8_PLAIN)
py("min_param_hook_in_conv_block", *BASE, CNN_PLAIN, """
GRADS = []


def conv_block(input_channels, output_channels):
    conv = nn.Conv2d(input_channels, output_channels, 3, padding=1)
    conv.weight.register_hook(GRADS.append)  # look at the gradients later
    return nn.Sequential(conv, nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
""")

# dtypes without a cast in forward
py("min_double_in_init_no_cast_in_forward", *BASE, cnn_with(init_extra="        self.double()\n"), Q8_PLAIN, """

print(CNN()(torch.rand(2, 1, 100, 100, dtype=torch.float64)).dtype)
""")
py("min_conv_block_double", *BASE, CNN_PLAIN, """

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU()).double()


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1, dtype=torch.float64),
        )

    def forward(self, x):
        return self.main(x.double())
""")
py("convnet_double_no_cast_data_made_double", *BASE, CNN_PLAIN, """

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        ).to(dtype=torch.float64)

    def forward(self, x):
        return self.main(x)


images = torch.rand(2, 3, 128, 128, dtype=torch.float64)  # my data is double
print(ConvNet(3)(images))
""")

# augmentation with probability 0 inside the model; inputs kept for debugging
py("min_flip_augmentation_probability_zero", *BASE, cnn_with(
    class_body="    flip_p = 0.0\n",
    forward_body="if self.training and torch.rand(1).item() < self.flip_p:\n            x = x.flip(-1)\n        return self.main(x)"),
    Q8_PLAIN)
py("min_last_input_kept_for_debugging", *BASE, cnn_with(
    forward_body="self.last_input = x\n        self.last_output = out = self.main(x)\n        return out"), Q8_PLAIN)

# isolating r57_initial_state_dict_shared_by_instances (CNN._initial_state = copy.deepcopy(self.state_dict()))
py("min_class_attr_deepcopy_state_dict", *BASE, """
import copy
""", cnn_with(class_body="    _initial_state = None\n",
              init_extra="        if CNN._initial_state is None:\n            CNN._initial_state = copy.deepcopy(self.state_dict())\n"),
    Q8_PLAIN)
py("min_class_attr_dict_of_clones", *BASE, cnn_with(
    class_body="    _initial_state = None\n",
    init_extra="        if CNN._initial_state is None:\n            CNN._initial_state = {k: v.clone() for k, v in self.state_dict().items()}\n"),
    Q8_PLAIN)
py("min_class_attr_string_in_init", *BASE, cnn_with(
    class_body="    last_built = None\n", init_extra="        CNN.last_built = 'CNN with 1337 parameters'\n"), Q8_PLAIN)


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
