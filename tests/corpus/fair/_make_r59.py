"""Round 59 fairness corpus (aimed at 6a77a2a: the reader's bindings in force at a top-level statement and its
decorator rule, __doc__ and private class data, the handler's gradient-read rule for Module conversions in forward,
squeezed one-output heads), correct answers in ordinary student styles.

    python tests/corpus/fair/_make_r59.py [OUTDIR]

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

Q6_PLAIN = Q6_OUT + "\n" + CONV_LOOPS + "\n" + POOL_LOOPS

CONV_DRAFT = r'''
# first try: let torch do it, to see what the answer should look like
def conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
'''

POOL_DRAFT = r'''
def max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]
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
BASE = (Q_SIMPLE, Q2_Q5, Q6_PLAIN)
MODELS = (CNN_PLAIN, Q8_PLAIN)


def py(name, *parts, imports=IMPORTS):
    FILES[f"r59_{name}.py"] = imports + "".join(parts)


def nb(name, source):
    FILES[f"r59_{name}.ipynb"] = notebook(source)


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


def cnn_with(init_extra="", forward_body="return self.main(x)", class_body="", head="nn.Linear(1250, 1)"):
    return f'''

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
'''


def convnet_with(init_extra="", forward_body="return self.main(x)", class_body=""):
    return f'''

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
{class_body}
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )
{init_extra}
    def forward(self, x):
        {forward_body}
'''


SELF_CHECK = r'''

# sanity check against torch (my function must give the same numbers)
_x, _k = torch.randn(7, 6), torch.randn(3, 3)
assert torch.allclose(conv2d(_x, _k, stride=2, padding=1),
                      F.conv2d(_x[None, None], _k[None, None], stride=2, padding=1)[0, 0], atol=1e-5)
assert torch.equal(max_pool2d(_x, 2), F.max_pool2d(_x[None, None], 2)[0, 0])
'''

# =========================================================== A. decorators that check the loops against torch
# the decorator's body reads the name it decorates (the first draft, at decoration time) only to compare with it
CHECK_AGAINST_DRAFT = r'''


def agrees_with_first_try(fn):
    """Decorator: before replacing my first try, make sure the new version gives the same numbers."""
    x, k = torch.randn(6, 7), torch.randn(3, 2)
    for stride, padding in [(1, 0), (2, 1)]:
        assert torch.allclose(fn(x, k, stride=stride, padding=padding),
                              conv2d(x, k, stride=stride, padding=padding), atol=1e-5)
    return fn


@agrees_with_first_try'''
py("min_decorator_compares_with_draft", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, CHECK_AGAINST_DRAFT, CONV_LOOPS,
   POOL_LOOPS, *MODELS)
py("min_decorator_compares_with_torch_no_draft", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def agrees_with_torch(fn):
    x, k = torch.randn(6, 7), torch.randn(3, 2)
    for stride, padding in [(1, 0), (2, 1)]:
        assert torch.allclose(fn(x, k, stride=stride, padding=padding),
                              F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0], atol=1e-5)
    return fn


@agrees_with_torch''', CONV_LOOPS, POOL_LOOPS, *MODELS)

CHECK_FACTORY = r'''


def checked_against(reference, *shapes, **settings):
    """Decorator factory: compare the decorated function with `reference` on random inputs, then return it."""
    def decorate(fn):
        inputs = [torch.randn(*s) for s in shapes]
        mine, theirs = fn(*inputs, **settings), reference(*inputs, **settings)
        assert mine.shape == theirs.shape and torch.allclose(mine, theirs, atol=1e-5), fn.__name__
        return fn
    return decorate


def torch_conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def torch_max_pool2d(image, kernel_size=2):
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


@checked_against(torch_conv2d, (7, 8), (3, 3), stride=2, padding=1)'''
py("decorator_factory_checked_against_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, CHECK_FACTORY, CONV_LOOPS,
   "\n\n@checked_against(torch_max_pool2d, (9, 8), kernel_size=3)", POOL_LOOPS, *MODELS)
py("min_decorator_factory_lambda_reference", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def checked_against(reference):
    def decorate(fn):
        x, k = torch.randn(6, 6), torch.randn(3, 3)
        assert torch.allclose(fn(x, k), reference(x, k), atol=1e-5)
        return fn
    return decorate


@checked_against(lambda x, k: F.conv2d(x[None, None], k[None, None])[0, 0])''', CONV_LOOPS, POOL_LOOPS, *MODELS)
py("min_decorator_factory_torch_function", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def checked_against(reference):
    def decorate(fn):
        x, k = torch.randn(6, 6), torch.randn(3, 3)
        assert torch.allclose(fn(x, k), reference(x[None, None], k[None, None])[0, 0], atol=1e-5)
        return fn
    return decorate


@checked_against(F.conv2d)''', CONV_LOOPS, POOL_LOOPS, *MODELS)
py("decorator_registry_of_implementations", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''

IMPLEMENTATIONS = {}


def register(name):
    def decorate(fn):
        IMPLEMENTATIONS[name] = fn
        return fn
    return decorate


@register("conv")''', CONV_LOOPS, '\n\n@register("pool")', POOL_LOOPS, r'''

print(IMPLEMENTATIONS["pool"](IMPLEMENTATIONS["conv"](torch.randn(8, 8), torch.ones(3, 3), padding=1)).shape)
''', *MODELS)
py("decorator_keeps_draft_for_comparison", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, POOL_DRAFT, r'''


def replaces(previous):
    """Decorator: the new version must match the previous one (my torch-based first try)."""
    def decorate(fn):
        x = torch.arange(30.).view(5, 6)
        k = torch.tensor([[1., 0., -1.], [2., 0., -2.], [1., 0., -1.]])
        assert torch.allclose(fn(x, k, padding=1), previous(x, k, padding=1))
        return fn
    return decorate


@replaces(conv2d)''', CONV_LOOPS, r'''


def pool_replaces(previous):
    def decorate(fn):
        x = torch.randn(6, 6)
        assert torch.equal(fn(x, 2), previous(x, 2))
        return fn
    return decorate


@pool_replaces(max_pool2d)''', POOL_LOOPS, *MODELS)

# =========================================================== B. tables of implementations at the top level
py("implementations_table_with_torch_entry", *BASE, r'''

implementations = {
    "loops": conv2d,
    "torch": lambda image, kernel, stride=1, padding=0: F.conv2d(
        image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0],
}
x, k = torch.randn(9, 7), torch.randn(3, 3)
results = {name: fn(x, k, stride=2, padding=1) for name, fn in implementations.items()}
print(torch.allclose(results["loops"], results["torch"], atol=1e-5))
''', *MODELS)
py("min_implementations_list_with_torch", *BASE, r'''

candidates = [conv2d, lambda image, kernel: F.conv2d(image[None, None], kernel[None, None])[0, 0]]
print([tuple(c(torch.ones(5, 5), torch.ones(3, 3)).shape) for c in candidates])
''', *MODELS)
py("min_for_loop_over_mine_and_torch", *BASE, r'''

for name, pool in [("mine", max_pool2d), ("torch", lambda t, k: F.max_pool2d(t[None, None], k)[0, 0])]:
    print(name, pool(torch.arange(16.).view(4, 4), 2).tolist())
''', *MODELS)
py("compare_function_defaults_bind_both", *BASE, r'''


def compare(mine=conv2d, theirs=F.conv2d, trials=5):
    for _ in range(trials):
        x, k = torch.randn(8, 9), torch.randn(3, 3)
        assert torch.allclose(mine(x, k, stride=2), theirs(x[None, None], k[None, None], stride=2)[0, 0], atol=1e-5)
    return True


print(compare())
''', *MODELS)

# =========================================================== C. names, docs and data set on functions and classes
TIMED = r'''
import time


def timed(fn):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        out = fn(*args, **kwargs)
        wrapper.seconds += time.perf_counter() - start
        return out
    wrapper.seconds = 0.0
    return wrapper


conv2d = timed(conv2d)
max_pool2d = timed(max_pool2d)
'''
py("timed_wrapper_renamed_at_top_level", *BASE, TIMED, r'''
conv2d.__name__ = "conv2d"
max_pool2d.__name__ = "max_pool2d"
conv2d(torch.randn(10, 10), torch.randn(3, 3))
print(conv2d.__name__, f"{conv2d.seconds:.4f} s")
''', *MODELS)
py("min_function_name_assignment", *BASE, '\nconv2d.__name__ = "conv2d_loops"\n', *MODELS)
py("min_function_qualname_assignment", *BASE, '\nmax_pool2d.__qualname__ = "max_pool2d"\n', *MODELS)
py("min_function_doc_augassign", *BASE, '\nconv2d.__doc__ = (conv2d.__doc__ or "") + "Loops over the output."\n',
   *MODELS)
py("min_class_public_flag_set_at_top_level", *BASE, cnn_with(class_body="    verbose = True\n",
   forward_body='if self.verbose:\n            print("CNN input", tuple(x.shape))\n        return self.main(x)'),
   "\nCNN.verbose = False\n", Q8_PLAIN)
py("config_class_tweaked_at_top_level", *BASE, r'''


class HP:
    """Hyper-parameters of the lecture's CNN."""
    kernel_size = 3
    padding = 0
    channels = (1, 3, 2)


HP.padding = 1   # 'same' convolutions, as in the lecture


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        c0, c1, c2 = HP.channels
        self.main = nn.Sequential(
            nn.Conv2d(c0, c1, HP.kernel_size, padding=HP.padding), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(c1, c2, HP.kernel_size, padding=HP.padding), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)
''', Q8_PLAIN)
py("min_class_mangled_private_counter", *BASE, cnn_with(class_body="    __instances = 0\n",
   init_extra="        CNN.__instances += 1\n        self.number = CNN.__instances\n"), Q8_PLAIN)
py("min_class_mangled_private_via_type_self", *BASE, CNN_PLAIN, convnet_with(
   class_body="    __built = 0\n", init_extra="        type(self).__built += 1\n"))
py("min_class_doc_set_in_init", *BASE, cnn_with(
   init_extra='        type(self).__doc__ = "The pooled CNN of question 7 (1337 parameters)."\n'), Q8_PLAIN)

# =========================================================== D. star imports, local shadows
py("star_import_functional_then_own_definitions", Q_SIMPLE, Q2_Q5, Q6_PLAIN, r'''

conv = conv2d
pool = max_pool2d
print(pool(conv(torch.ones(6, 6), torch.ones(3, 3), padding=1)))
''', *MODELS, imports="import torch\nimport torch.nn as nn\nfrom torch.nn.functional import *\n")
py("functional_forward_local_shadows", *BASE, r'''


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        max_pool2d, relu = F.max_pool2d, F.relu   # short local names
        x = max_pool2d(relu(self.conv1(x)), 2)
        x = max_pool2d(relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))
''', Q8_PLAIN)

# =========================================================== E. one-output heads written out
HEAD_CLASS = r'''
import math


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
        )
        # the last Linear(1250, 1) written out, initialised as nn.Linear does
        bound = 1 / math.sqrt(1250)
        self.weight = nn.Parameter(torch.empty({wshape}).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty({bshape}).uniform_(-bound, bound))

    def forward(self, x):
        z = self.features(x)
        return {head}
'''


def head(name, expression, wshape="1, 1250", bshape="1"):
    py(name, *BASE, HEAD_CLASS.format(wshape=wshape, bshape=bshape, head=expression), Q8_PLAIN)


head("min_head_index_column_add_unsqueeze", "(z @ self.weight.T)[:, 0].add(self.bias).unsqueeze(1)")
head("head_index_column_plus_bias_none", "((z @ self.weight.T)[:, 0] + self.bias)[:, None]")
head("min_head_torch_squeeze_function", "torch.squeeze(z @ self.weight.T, 1).add(self.bias).unsqueeze(1)")
head("min_head_squeeze_keyword_dim", "(z @ self.weight.T).squeeze(dim=-1).add(self.bias).unsqueeze(dim=-1)")
head("head_squeeze_all_plus_bias_view", "((z @ self.weight.T).squeeze() + self.bias).view(-1, 1)")
head("min_head_mul_sum_no_keepdim", "((z * self.weight).sum(dim=1) + self.bias).unsqueeze(1)")
head("min_head_weight_row_matmul", "(z @ self.weight[0] + self.bias).unsqueeze(1)")
head("head_weight_row_einsum", 'torch.einsum("nf,f->n", z, self.weight[0]).add(self.bias)[:, None]')
head("min_head_select_column", "(z @ self.weight.T).select(1, 0).add(self.bias).unsqueeze(1)")
head("min_head_addmv_weight_row", "torch.addmv(self.bias, z, self.weight[0]).unsqueeze(1)")
head("min_head_flat_weight_vector", "(z @ self.weight + self.bias).unsqueeze(1)", wshape="1250")
head("head_flat_weight_vector_mv", "(torch.mv(z, self.weight) + self.bias)[:, None]", wshape="1250")
head("min_head_functional_linear_row", "F.linear(z, self.weight[0]).unsqueeze(1) + self.bias")
head("min_head_matmul_then_add_bias_unsqueezed", "z @ self.weight.T + self.bias.unsqueeze(0)")

# =========================================================== F. what forward does besides computing
py("min_forward_to_device_dtype_positional", *BASE, cnn_with(
   forward_body="self.to(x.device, x.dtype)\n        return self.main(x)"), Q8_PLAIN)
py("min_forward_input_type_as_weight", *BASE, cnn_with(
   forward_body="x = x.type_as(self.main[0].weight)\n        return self.main(x)"), Q8_PLAIN)
py("min_forward_autocast_disabled", *BASE, cnn_with(
   forward_body='with torch.autocast("cpu", enabled=False):\n            return self.main(x)'), Q8_PLAIN)
py("min_forward_no_grad_statistic_only", *BASE, cnn_with(
   forward_body="with torch.no_grad():\n            self.input_mean = x.mean().item()\n        return self.main(x)"),
   Q8_PLAIN)
py("forward_no_grad_activation_stats", *BASE, r'''


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        self.stats = []

    def forward(self, x):
        for layer in self.main:
            x = layer(x)
            if isinstance(layer, nn.ReLU):
                with torch.no_grad():   # monitoring only: dead ReLUs
                    self.stats.append((x == 0).float().mean().item())
        del self.stats[:-20]
        return x
''', convnet_with(forward_body="with torch.no_grad():\n            self.last_norm = x.norm().item()\n"
                               "        return self.main(x)"))
py("min_forward_retain_grad_guarded", *BASE, cnn_with(
   forward_body="z = self.main[:6](x)\n        if z.requires_grad:\n            z.retain_grad()\n"
                "        self.feature_maps = z\n        return self.main[6:](z)"), Q8_PLAIN)
py("model_method_logs_gradient_norm", *BASE, cnn_with(class_body=r'''
    def gradient_norm(self):
        total = 0.0
        for p in self.parameters():
            if p.grad is not None:
                total += p.grad.norm().item() ** 2
        return total ** 0.5
'''), r'''

model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for step in range(2):
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(torch.randn(4, 1, 100, 100)), torch.ones(4, 1))
    loss.backward()
    print(step, loss.item(), model.gradient_norm())
    opt.step()
''', Q8_PLAIN)
py("min_forward_checkpoint_features", *BASE, r'''
from torch.utils.checkpoint import checkpoint
''', cnn_with(forward_body="z = checkpoint(self.main[:6], x, use_reentrant=False)\n        return self.main[6:](z)"),
   Q8_PLAIN)
py("sequential_with_identity_and_dropout0", *BASE, r'''


class CNN(nn.Module):
    def __init__(self, dropout=0.0, batchnorm=False):
        super().__init__()
        norm = (lambda c: nn.BatchNorm2d(c)) if batchnorm else (lambda c: nn.Identity())
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), norm(3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), norm(2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Dropout(dropout), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)
''', Q8_PLAIN)
py("forward_logger_debug_percent_args", *BASE, r'''
import logging

logger = logging.getLogger("lecture06")
logging.basicConfig(level=logging.INFO)
''', cnn_with(forward_body='logger.debug("CNN input %s", tuple(x.shape))\n        out = self.main(x)\n'
                            '        logger.debug("CNN output %s", tuple(out.shape))\n        return out'),
   convnet_with(forward_body='logger.debug("ConvNet(%d) got %s", self.main[0][0].in_channels, tuple(x.shape))\n'
                             '        return self.main(x)'))
py("forward_warns_on_odd_sizes", *BASE, r'''
import warnings
''', cnn_with(forward_body='if x.shape[-1] % 4:\n            warnings.warn(f"width {x.shape[-1]} is not a multiple of 4")\n'
                            '        return self.main(x)'), Q8_PLAIN)

# =========================================================== G. q6 written in other ways
POOL_RESHAPE_PERMUTE = r'''


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    blocks = image[:oh * k, :ow * k].reshape(oh, k, ow, k).permute(0, 2, 1, 3)
    return blocks.flatten(2).max(dim=2).values
'''
py("q6_tensordot_on_sliced_patches", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    rows = range(0, padded.shape[0] - kh + 1, stride)
    cols = range(0, padded.shape[1] - kw + 1, stride)
    patches = torch.stack([torch.stack([padded[i:i + kh, j:j + kw] for j in cols]) for i in rows])
    return torch.tensordot(patches, kernel, dims=2)
''', POOL_RESHAPE_PERMUTE, *MODELS)
py("q6_python_lists", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def conv2d(image, kernel, stride=1, padding=0):
    img, ker = image.tolist(), kernel.tolist()
    h, w, kh, kw = len(img), len(img[0]), len(ker), len(ker[0])
    padded = [[0.0] * (w + 2 * padding) for _ in range(padding)] + \
             [[0.0] * padding + row + [0.0] * padding for row in img] + \
             [[0.0] * (w + 2 * padding) for _ in range(padding)]
    out = []
    for i in range(0, h + 2 * padding - kh + 1, stride):
        out.append([sum(padded[i + a][j + b] * ker[a][b] for a in range(kh) for b in range(kw))
                    for j in range(0, w + 2 * padding - kw + 1, stride)])
    return torch.tensor(out, dtype=image.dtype)


def max_pool2d(image, kernel_size=2):
    img, k = image.tolist(), kernel_size
    return torch.tensor([[max(img[i + a][j + b] for a in range(k) for b in range(k))
                          for j in range(0, len(img[0]) - k + 1, k)]
                         for i in range(0, len(img) - k + 1, k)], dtype=image.dtype)
''', *MODELS)
py("q6_numpy_sliding_window_einsum", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    img = np.pad(image.numpy(), padding)
    windows = np.lib.stride_tricks.sliding_window_view(img, kernel.shape)[::stride, ::stride]
    return torch.from_numpy(np.einsum("ijkl,kl->ij", windows, kernel.numpy()).astype(img.dtype))


def max_pool2d(image, kernel_size=2):
    img = image.numpy()
    k = kernel_size
    oh, ow = img.shape[0] // k, img.shape[1] // k
    return torch.from_numpy(img[:oh * k, :ow * k].reshape(oh, k, ow, k).max(axis=(1, 3)).copy())
''', *MODELS)
py("q6_toeplitz_matrix", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def conv2d(image, kernel, stride=1, padding=0):
    """Convolution as one matrix product: each output pixel is a row of a (mostly zero) matrix."""
    h, w = image.shape
    kh, kw = kernel.shape
    ph, pw = h + 2 * padding, w + 2 * padding
    oh, ow = (ph - kh) // stride + 1, (pw - kw) // stride + 1
    padded = torch.zeros(ph, pw, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    matrix = torch.zeros(oh * ow, ph * pw, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                start = (i * stride + a) * pw + j * stride
                matrix[i * ow + j, start:start + kw] = kernel[a]
    return (matrix @ padded.reshape(-1)).reshape(oh, ow)
''', r'''

def max_pool2d(image, kernel_size=2):
    import functools
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    shifted = [image[a:a + oh * k:k, b:b + ow * k:k] for a in range(k) for b in range(k)]
    return functools.reduce(torch.maximum, shifted)
''', *MODELS)
py("q6_match_statement_padding", Q_SIMPLE, Q2_Q5, Q6_OUT, r'''


def pad(image, padding):
    match padding:
        case 0:
            return image
        case int(p) if p > 0:
            out = image.new_zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
            out[p:-p, p:-p] = image
            return out
        case _:
            raise ValueError(f"bad padding {padding!r}")


def conv2d(image, kernel, stride=1, padding=0):
    x = pad(image, padding)
    kh, kw = kernel.shape
    oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = image.new_zeros(oh, ow)
    for a in range(kh):        # sum of shifted, strided copies of the image
        for b in range(kw):
            out += kernel[a, b] * x[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
    return out
''', POOL_RESHAPE_PERMUTE, *MODELS)

# =========================================================== H. building the models
py("models_dataclass_config_partial_layers", *BASE, r'''
from dataclasses import dataclass, field
from functools import partial

Conv3x3 = partial(nn.Conv2d, kernel_size=3, padding=1)


@dataclass(frozen=True)
class CNNConfig:
    channels: tuple = (1, 3, 2)
    image_size: int = 100
    pool: int = 2

    @property
    def flat_features(self) -> int:
        side = self.image_size // self.pool ** (len(self.channels) - 1)
        return self.channels[-1] * side * side


class CNN(nn.Module):
    def __init__(self, config: CNNConfig = CNNConfig()):
        super(CNN, self).__init__()
        layers = []
        for c_in, c_out in zip(config.channels, config.channels[1:]):
            layers += [Conv3x3(c_in, c_out), nn.ReLU(), nn.MaxPool2d(config.pool)]
        layers += [nn.Flatten(), nn.Linear(config.flat_features, 1)]
        self.main = nn.Sequential(*layers)

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(Conv3x3(input_channels, output_channels), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super(ConvNet, self).__init__()
        widths = [input_channels] + [3] * 5
        self.main = nn.Sequential(*[conv_block(a, b) for a, b in zip(widths, widths[1:])],
                                  nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

    def forward(self, x):
        return self.main(x)
''')
py("models_future_annotations_typed", *BASE, r'''
from typing import Final

FLAT: Final[int] = 2 * 25 * 25


class CNN(nn.Module):
    main: nn.Sequential

    def __init__(self) -> None:
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(FLAT, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels: int) -> None:
        super().__init__()
        self.main: nn.Sequential = nn.Sequential(
            conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)
''', imports="from __future__ import annotations\n\n" + IMPORTS)
py("models_padding_same_string", *BASE, r'''


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding="same"), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                  nn.Flatten(), nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)
''')
py("models_register_buffer_scale_and_init", *BASE, r'''


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("scale", torch.ones(1))   # input scaling kept with the model (1 = none)
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                m.reset_parameters()

    def forward(self, x):
        return self.main(x * self.scale)
''', convnet_with(init_extra="        self.register_buffer('mean', torch.zeros(1, input_channels, 1, 1))\n",
                  forward_body="return self.main(x - self.mean)"))
py("models_lazy_layers_dummy_pass_then_init", *BASE, r'''


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.LazyConv2d(3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.LazyConv2d(2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.LazyLinear(1),
        )
        with torch.no_grad():
            self.main(torch.zeros(1, 1, 100, 100))   # materialise the lazy layers

    def forward(self, x):
        return self.main(x)
''', Q8_PLAIN)
py("models_print_and_summary_hooks", *BASE, *MODELS, r'''


def summary(model, input_size):
    rows, handles = [], []

    def record(module, inputs, output):
        rows.append((type(module).__name__, tuple(output.shape), sum(p.numel() for p in module.parameters(False))))

    for m in model.modules():
        if not list(m.children()):
            handles.append(m.register_forward_hook(record))
    with torch.no_grad():
        model(torch.zeros(1, *input_size))
    for h in handles:
        h.remove()
    for name, shape, n in rows:
        print(f"{name:<12}{str(shape):<22}{n:>8}")
    print("total", sum(p.numel() for p in model.parameters()))


print(CNN())
summary(CNN(), (1, 100, 100))
summary(ConvNet(3), (3, 128, 128))
''')
py("models_inference_mode_helper", *BASE, *MODELS, r'''


@torch.inference_mode()
def predict(model, x):
    model.eval()
    return torch.sigmoid(model(x))


print(predict(CNN(), torch.randn(2, 1, 100, 100)).shape)
print(predict(ConvNet(1), torch.randn(2, 1, 128, 128)).shape)
''')
py("models_defined_twice_second_wins", *BASE, r'''


class CNN(nn.Module):   # first attempt: forgot the pooling, shapes do not match
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.Flatten(), nn.Linear(3 * 98 * 98, 1))

    def forward(self, x):
        return self.main(x)
''', CNN_PLAIN, r'''

def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3), nn.ReLU())   # no padding yet
''', Q8_PLAIN)
py("models_built_in_factory_function", *BASE, r'''


def build_models():
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
            self.main = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                      nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)

    return CNN, conv_block, ConvNet


CNN, conv_block, ConvNet = build_models()
''')
py("models_properties_and_repr", *BASE, r'''


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    @property
    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    @property
    def head(self):
        return self.main[-1]

    def extra_repr(self):
        return f"n_params={self.n_params}"

    def forward(self, x):
        return self.head(self.main[:-1](x))
''', Q8_PLAIN, "\nprint(CNN(), CNN().n_params)\n")

# =========================================================== I. notebooks
nb("nb_time_cell_loops_after_draft_and_table", r'''
%matplotlib inline
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
# %%
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
# %%
# md First I let torch do it, to know what to expect.
# %%
q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


def conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
# %%
%%time
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


print(conv2d(torch.randn(50, 50), torch.randn(3, 3)).shape)
# %%
def max_pool2d(image, kernel_size=2):
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))
# %%
implementations = {"loops": conv2d, "torch": lambda i, k, **kw: F.conv2d(i[None, None], k[None, None], **kw)[0, 0]}
x, k = torch.randn(9, 9), torch.randn(3, 3)
{name: tuple(fn(x, k, stride=2).shape) for name, fn in implementations.items()}
# %%
%timeit conv2d(x, k)
# %%
''' + CNN_PLAIN + "\n# %%\n" + Q8_PLAIN + r'''
# %%
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
''')

nb("nb_stubs_kept_answers_below_decorated_check", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
q1_answer = "C"
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    ...
# %%
def conv_output_size(size, kernel_size, stride=1, padding=0):
    if kernel_size > size + 2 * padding:
        raise ValueError(f"kernel {kernel_size} larger than padded input {size + 2 * padding}")
    return (size + 2 * padding - kernel_size) // stride + 1
# %%
conv_output_size?
# %%
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
# %%
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
# %%
q6_output = ...


def conv2d(image, kernel, stride=1, padding=0):
    ...


def max_pool2d(image, kernel_size=2):
    ...
# %%
def same_as(reference):
    """Decorator: check my function against torch's on a few random inputs."""
    def decorate(fn):
        for trial in range(3):
            x, k = torch.randn(7 + trial, 6), torch.randn(3, 3)
            assert torch.allclose(fn(x, k, stride=1 + trial % 2, padding=trial % 2),
                                  reference(x[None, None], k[None, None], stride=1 + trial % 2,
                                            padding=trial % 2)[0, 0], atol=1e-5)
        return fn
    return decorate


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


@same_as(F.conv2d)
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
    k = kernel_size
    oh, ow = image.shape[0] // k, image.shape[1] // k
    return image[:oh * k, :ow * k].reshape(oh, k, ow, k).amax(dim=(1, 3))
# %%
!pip list 2>/dev/null | grep -i torch
# %%
''' + CNN_PLAIN + "\n# %%\nprint(CNN())\n# %%\n" + Q8_PLAIN + r'''
# %%
q9_true = {"C"}
# %%
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
''')

nb("nb_written_out_head_and_capture", r'''
%config InlineBackend.figure_format = "retina"
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
''' + Q_SIMPLE + Q2_Q5 + r'''
# %%
''' + Q6_PLAIN + r'''
# %%
class CNN(nn.Module):
    """The lecture's CNN with its last layer written out by hand."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        bound = 1 / math.sqrt(1250)
        self.w = nn.Parameter(torch.empty(1250).uniform_(-bound, bound))
        self.b = nn.Parameter(torch.empty(1).uniform_(-bound, bound))

    def forward(self, x):
        z = self.features(x).flatten(1)
        return (z @ self.w + self.b)[:, None]
# %%
%%capture training_log
model = CNN()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for step in range(3):
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(torch.randn(4, 1, 100, 100)), torch.rand(4, 1).round())
    loss.backward()
    opt.step()
    print(step, loss.item())
# %%
''' + Q8_PLAIN)

nb("nb_config_dataclass_logging_models", r'''
import logging
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

logging.basicConfig(level=logging.WARNING)
log = logging.getLogger(__name__)
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''
# %%
@dataclass
class Block:
    c_in: int
    c_out: int
    kernel: int = 3

    def build(self):
        return nn.Sequential(nn.Conv2d(self.c_in, self.c_out, self.kernel, padding=self.kernel // 2), nn.ReLU())
# %%
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            Block(1, 3).build(), nn.MaxPool2d(2),
            Block(3, 2).build(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )
        nn.init.zeros_(self.main[-1].bias)
        nn.init.kaiming_uniform_(self.main[-1].weight, a=math.sqrt(5))

    def forward(self, x):
        log.debug("CNN got %s", tuple(x.shape))
        return self.main(x)
# %%
import math
# %%
def conv_block(input_channels, output_channels):
    return Block(input_channels, output_channels).build()


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        blocks = [conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)]
        self.main = nn.Sequential(*blocks, nn.Flatten(), nn.Linear(3 * 128 * 128, 1))
        log.info("ConvNet(%d): %d parameters", input_channels, sum(p.numel() for p in self.parameters()))

    def forward(self, x):
        return self.main(x)
# %%
ConvNet??
''')

nb("nb_doc_and_names_set_on_answers", r'''
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
''' + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r'''
conv2d.__doc__ = "2-D cross-correlation of one image with one kernel, written with loops."
max_pool2d.__doc__ = "Non-overlapping max pooling, written with loops."
help(conv2d)
# %%
''' + CNN_PLAIN + r'''
CNN.__doc__ = "Question 7: two conv/ReLU/pool stages and a linear head."
# %%
''' + Q8_PLAIN + r'''
conv_block.__doc__ = "A 3x3 'same' convolution followed by a ReLU."
ConvNet.__doc__ = "Question 8: five conv blocks on 128x128 images."
print(ConvNet.__doc__)
''')


# =========================================================== J. controls and reductions of round 59's first grading
py("min_help_on_loops", *BASE, "\nhelp(conv2d)\n", *MODELS)
py("min_help_after_doc_assignment", *BASE, '\nconv2d.__doc__ = "Cross-correlation written with loops."\nhelp(conv2d)\n',
   *MODELS)
py("min_doc_assignment_no_help_control", *BASE, '\nconv2d.__doc__ = "Cross-correlation written with loops."\n'
   "print(conv2d.__doc__)\n", *MODELS)
py("min_inspect_signature_of_answer", *BASE, "\nimport inspect\n\nprint(inspect.signature(conv2d))\n", *MODELS)
py("min_forward_local_alias_pool_other_name", *BASE, r"""


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        pool = F.max_pool2d
        x = pool(F.relu(self.conv1(x)), 2)
        x = pool(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))
""", Q8_PLAIN)
py("min_forward_local_alias_named_max_pool2d", *BASE, r"""


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        max_pool2d = F.max_pool2d
        x = max_pool2d(F.relu(self.conv1(x)), 2)
        x = max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))
""", Q8_PLAIN)
py("min_forward_direct_calls_control", *BASE, r"""


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))
""", Q8_PLAIN)
py("min_decorator_factory_reference_def", Q_SIMPLE, Q2_Q5, Q6_OUT, r"""


def checked_against(reference):
    def decorate(fn):
        x, k = torch.randn(6, 6), torch.randn(3, 3)
        assert torch.allclose(fn(x, k), reference(x, k), atol=1e-5)
        return fn
    return decorate


def torch_conv2d(image, kernel, stride=1, padding=0):
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


@checked_against(torch_conv2d)""", CONV_LOOPS, POOL_LOOPS, *MODELS)
py("min_pool_decorator_compares_with_torch", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, r"""


def agrees_with_torch(fn):
    x = torch.randn(6, 8)
    assert torch.equal(fn(x, 2), F.max_pool2d(x[None, None], 2)[0, 0])
    return fn


@agrees_with_torch""", POOL_LOOPS, *MODELS)
py("min_decorator_reads_nothing_control", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_DRAFT, r"""


def checked(fn):
    x, k = torch.randn(6, 7), torch.randn(3, 2)
    assert fn(x, k).shape == (4, 6)
    return fn


@checked""", CONV_LOOPS, POOL_LOOPS, *MODELS)
py("min_self_check_after_loops_no_decorator_control", Q_SIMPLE, Q2_Q5, Q6_OUT, CONV_LOOPS, POOL_LOOPS, r"""

_x, _k = torch.randn(6, 7), torch.randn(3, 2)
assert torch.allclose(conv2d(_x, _k), F.conv2d(_x[None, None], _k[None, None])[0, 0], atol=1e-5)
""", *MODELS)
py("reference_functions_on_a_class", *BASE, r"""


class Reference:
    # torch's versions, to compare mine with
    conv2d = staticmethod(lambda image, kernel, stride=1, padding=0: F.conv2d(
        image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0])
    max_pool2d = staticmethod(lambda image, kernel_size=2: F.max_pool2d(image[None, None], kernel_size)[0, 0])


_x, _k = torch.randn(8, 7), torch.randn(3, 3)
assert torch.allclose(conv2d(_x, _k, 2, 1), Reference.conv2d(_x, _k, 2, 1), atol=1e-5)
assert torch.equal(max_pool2d(_x), Reference.max_pool2d(_x))
""", *MODELS)
py("min_forward_submodule_to_input_dtype", *BASE, cnn_with(
   forward_body="self.main.to(x.dtype)\n        return self.main(x)"), Q8_PLAIN)
py("min_forward_requires_grad_on", *BASE, cnn_with(
   forward_body="self.requires_grad_(True)\n        return self.main(x)"), Q8_PLAIN)
py("min_forward_pre_hook_casts_input", *BASE, cnn_with(
   init_extra="        self.register_forward_pre_hook(lambda module, inputs: (inputs[0].float(),))\n"), Q8_PLAIN)
nb("nb_help_magics_on_answers", r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
""" + Q_SIMPLE + Q2_Q5 + Q6_PLAIN + r"""
# %%
conv2d?
# %%
max_pool2d??
# %%
""" + CNN_PLAIN + "\n# %%\n" + Q8_PLAIN)


FUNCTIONAL_CNN = r"""


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        {aliases}
        x = {pool}({relu}(self.conv1(x)), 2)
        x = {pool}({relu}(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))
"""
py("min_forward_tuple_alias_other_names", *BASE, FUNCTIONAL_CNN.format(
    aliases="pool, relu = F.max_pool2d, F.relu", pool="pool", relu="relu"), Q8_PLAIN)
py("min_forward_tuple_alias_shadowing_names", *BASE, FUNCTIONAL_CNN.format(
    aliases="max_pool2d, relu = F.max_pool2d, F.relu", pool="max_pool2d", relu="relu"), Q8_PLAIN)
py("min_forward_two_local_aliases_control", *BASE, FUNCTIONAL_CNN.format(
    aliases="pool = F.max_pool2d\n        relu = F.relu", pool="pool", relu="relu"), Q8_PLAIN)
py("min_forward_tuple_alias_relu_only", *BASE, FUNCTIONAL_CNN.format(
    aliases="relu, flat = F.relu, torch.flatten", pool="F.max_pool2d", relu="relu"), Q8_PLAIN)


py("min_module_tuple_alias_pool_relu", *BASE, "\npool, relu = F.max_pool2d, F.relu\n", FUNCTIONAL_CNN.format(
    aliases="pass", pool="pool", relu="relu"), Q8_PLAIN)
head("min_head_zero_dim_bias", "(z @ self.weight.T) + self.bias", bshape="()")
nb("nb_draft_then_time_cell_loops_then_alias", r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
# %%
""" + Q_SIMPLE + Q2_Q5 + Q6_OUT + r"""
# %%
def conv2d(image, kernel, stride=1, padding=0):   # torch's answer first
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


expected = conv2d(torch.arange(25.).view(5, 5), torch.ones(3, 3), padding=1)
# %%
%%time
""" + CONV_LOOPS.strip("\n") + r"""


assert torch.allclose(conv2d(torch.arange(25.).view(5, 5), torch.ones(3, 3), padding=1), expected)
# %%
""" + POOL_LOOPS + r"""
# %%
conv = conv2d
pool = max_pool2d
pool(conv(torch.randn(10, 10), torch.ones(3, 3), padding=1))
# %%
""" + CNN_PLAIN + "\n# %%\n" + Q8_PLAIN)

# ----------------------------------------------------------- (more files above this line)


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (out / name).write_text(text)
    print(len(FILES), "files written to", out)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
