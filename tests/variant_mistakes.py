"""The mistake corpus as parameterised mistakes: each one rendered with any variant's numbers.

Each committed file of ``tests/corpus/mistakes/`` is the lecture's solution with one question's cell
answered wrongly.  :data:`MISTAKES` holds, per file name, that wrong cell as a Jinja template of the
same names the question's ``solution.py`` uses (``p`` the numbers, ``a`` torch's answers, ``letters``)
and ``x``, what the mistake itself computes from the numbers (the shapes *without* padding, the
output of the flipped kernel...).  A value mistake is recomputed from the variant's numbers: the
rendered cell makes the same mistake as the file, with the student's numbers.  The feedback expected is
a template too (q9's statement is shown under the variant's letter).

The files stay the one source of what each mistake is on the lecture's numbers: the test that renders
every mistake with the lecture's numbers asserts the same short questions and the same feedback as the
committed file, so the two cannot drift.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2

from grader.questions import bank

MISTAKES_DIR = Path(__file__).parent / "corpus" / "mistakes"
EXPECTED = json.loads((MISTAKES_DIR / "expected.json").read_text())

_TEMPLATES = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)


@dataclass(frozen=True)
class Mistake:
    """One committed mistake, as a template of the numbers."""

    question: str
    """The question whose cell is wrong."""
    cell: str
    """The wrong cell: a Jinja template of ``p``, ``a``, ``x`` and ``letters``."""
    extras: Callable[[dict, dict], dict] = field(default=lambda p, a: {})
    """``x``: what the mistake computes from the question's numbers and answers."""
    feedback: str | None = None
    """The feedback substring, a template (None: expected.json's, the same for every variant)."""
    cannot: Callable[[dict, dict], str | None] = field(default=lambda p, a: None)
    """Why the mistake cannot be made with these numbers (None: it can)."""


# -- what the value mistakes compute from the numbers ----------------------------------------------

def _unpadded_shapes(p, a):
    from grader.questions.q03_pooled_shapes.variant import shapes

    unpadded, flatten = shapes(p, padding=0)
    return {"shapes": unpadded, "flatten": flatten}


def _flipped_output(p, a):
    from grader.questions import reference
    from grader.questions.q06_conv_by_hand.variant import example

    image, kernel = example(p)
    return {"output": [[int(v) for v in row] for row in reference.conv2d(image, kernel.flip(0, 1)).tolist()]}


def _unpadded_linear_in(p, a):
    from grader.questions import reference

    return {"linear_in": reference.PooledCNN(padding=0, network=p["network"]).main[-1].in_features}


def _q1_b_option(p, a):
    """The option that means what the lecture's (B) means: "3 by 3" there is both the filter's own size and
    one more than the output's side (4 - 3 + 2); the first of these the variant offers as a wrong option."""
    for side in (p["kernel"], a["side"] + 1):
        if side != a["side"] and side in p["options"]:
            return side
    return None


def _q1_cannot(p, a):
    return None if _q1_b_option(p, a) is not None else (
        f"no wrong option is the filter's own size {p['kernel']} or one more than the output's {a['side']} "
        f"(the options are {p['options']})")


def _shown(p, original: str) -> str:
    from grader.questions.q09_exercise_62 import LETTERS

    return LETTERS[p["order"].index(original)]


# -- the cells -------------------------------------------------------------------------------------

_Q6_OUTPUT = ("q6_output = torch.tensor([{% for row in OUT %}{{ '' if loop.first else ',\\n                          ' }}"
              "[{{ row|join(', ') }}]{% endfor %}])")
_Q6_POOL = '''

def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
    for i in range(h // kernel_size):
        for j in range(w // kernel_size):
            block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]
            out[i, j] = block.max()
    return out
'''
_Q6_CONV = '''

def conv2d(image, kernel, stride=1, padding=0):
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
'''


def _q6(conv: str | None = None, pool: str | None = None, output: str = "a.output", head: str = "") -> str:
    return ("import torch\n" + head + "\n" + _Q6_OUTPUT.replace("OUT", output) + "\n"
            + (conv if conv is not None else _Q6_CONV) + (pool if pool is not None else _Q6_POOL))


_Q7_HEAD = '''{% set n = p.network %}{% set c, k, pad = n.channels, n.kernel, n.padding -%}
import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
'''
_Q7_TAIL = '''        )

    def forward(self, x):
        return self.main(x)
'''
_CONV1 = "            torch.nn.Conv2d(in_channels={{ c[0] }}, out_channels={{ c[1] }}, kernel_size=({{ k }}, {{ k }})PAD),\n"
_CONV2 = "            torch.nn.Conv2d(in_channels={{ c[1] }}, out_channels={{ c[2] }}, kernel_size=({{ k }}, {{ k }})PAD),\n"
_RELU_POOL = "            torch.nn.ReLU(),\n            torch.nn.MaxPool2d((2, 2)),\n"
_POOL = "            torch.nn.MaxPool2d((2, 2)),\n"


def _q7(first_relu: bool = True, padded: bool = True, linear_in: str = "a.linear_in") -> str:
    pad = ", padding={{ pad }}" if padded else ""
    return (_Q7_HEAD + _CONV1.replace("PAD", pad) + (_RELU_POOL if first_relu else _POOL)
            + _CONV2.replace("PAD", pad) + _RELU_POOL
            + "            torch.nn.Flatten(),\n            torch.nn.Linear({{ " + linear_in + " }}, 1),\n" + _Q7_TAIL)


def _q8(block: str, first_in: str = "input_channels") -> str:
    return ("import torch\n\n\n" + block + '''

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(''' + first_in + ''', {{ p.width }}),
{% for _ in range(p.blocks - 1) %}            conv_block({{ p.width }}, {{ p.width }}),
{% endfor %}            torch.nn.Flatten(),
            torch.nn.Linear({{ a.linear_in }}, 1),
        )

    def forward(self, x):
        return self.main(x)
''')


_Q8_BLOCK = '''def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU(),
    )
'''
_Q5_LINEAR = '''

def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)
'''
_Q5_CONV = '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)
'''
_Q4_CNN = ("{% set c = p.network.channels %}{% set kk = p.network.kernel ** 2 %}{% set h = p.fcnn_hidden -%}\n"
           "q4_cnn_params = ({{ c[0] }} * {{ c[1] }} * {{ kk }} + {{ c[1] }}) + ({{ c[1] }} * {{ c[2] }} * {{ kk }} + "
           "{{ c[2] }}) + ({{ a.linear_in }} * 1 + 1)\n"
           "q4_fcnn_params = sum(i * o + o for i, o in [({{ p.fcnn_side }} * {{ p.fcnn_side }}, {{ h[0] }}), "
           "{% for w in h[1:] %}({{ h[loop.index0] }}, {{ w }}), {% endfor %}({{ h[-1] }}, 1)])\n")
_Q2 = '''def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        FIT
    return RESULT
'''


def _q2(result: str, fit: str = 'raise ValueError("the kernel does not fit the padded input")') -> str:
    return _Q2.replace("FIT", fit).replace("RESULT", result)


MISTAKES: dict[str, Mistake] = {
    "q1_answered_b.py": Mistake(
        "q1", 'q1_answer = "{{ letters[p.options.index(x.side)] }}"\n',
        extras=lambda p, a: {"side": _q1_b_option(p, a)}, cannot=_q1_cannot),
    "q2_forgot_plus_one.py": Mistake("q2", _q2("(padded - kernel_size) // stride")),
    "q2_padding_once.py": Mistake("q2", _q2("(size + padding - kernel_size) // stride + 1")),
    "q2_returns_float.py": Mistake("q2", _q2("(padded - kernel_size) / stride + 1")),
    "q2_returns_zero_no_valueerror.ipynb": Mistake("q2", _q2("(padded - kernel_size) // stride + 1", fit="return 0")),
    "q2_round_not_floor.ipynb": Mistake("q2", _q2("round((padded - kernel_size) / stride) + 1")),
    "q2_stride_ignored.py": Mistake("q2", _q2("padded - kernel_size + 1")),
    "q3_shapes_without_padding.py": Mistake(
        "q3", "q3_shapes = [{% for s in x.shapes %}({{ s|join(', ') }}){{ ', ' if not loop.last }}{% endfor %}]\n"
              "q3_flatten_features = {{ x.shapes[-1]|join(' * ') }}\n", extras=_unpadded_shapes),
    "q4_conv_kernel_counted_as_k.py": Mistake(
        "q4", "{% set i, o, k = p.conv %}q4_conv_params = {{ i }} * {{ o }} * {{ k }} + {{ o }}\n" + _Q4_CNN),
    "q4_forgot_bias.ipynb": Mistake(
        "q4", "{% set i, o, k = p.conv %}{% set c = p.network.channels %}{% set kk = p.network.kernel ** 2 %}"
              "{% set h = [p.fcnn_side ** 2] + p.fcnn_hidden + [1] -%}\n"
              "q4_conv_params = {{ o }} * {{ i }} * {{ k }} * {{ k }}\n"
              "q4_cnn_params = ({{ c[0] }} * {{ c[1] }} * {{ kk }}) + ({{ c[1] }} * {{ c[2] }} * {{ kk }}) + "
              "{{ a.linear_in }} * 1\n"
              "q4_fcnn_params = {% for w in h[1:] %}{{ h[loop.index0] }} * {{ w }}{{ ' + ' if not loop.last }}"
              "{% endfor %}\n"),
    "q5_conv_forgot_bias.py": Mistake("q5", '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw
''' + _Q5_LINEAR),
    "q5_conv_kernel_counted_as_k.ipynb": Mistake("q5", '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
    return in_channels * out_channels * k + (out_channels if bias else 0)
''' + _Q5_LINEAR),
    "q5_linear_bias_always.py": Mistake("q5", _Q5_CONV + '''

def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features
'''),
    "q5_tuple_kernel_first_side_only.py": Mistake("q5", '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if not isinstance(kernel_size, int):
        kernel_size = kernel_size[0]
    weights = out_channels * in_channels * kernel_size ** 2
    return weights + out_channels if bias else weights
''' + _Q5_LINEAR),
    "q6_conv_pads_one_side.py": Mistake("q6", _q6(conv='''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + padding, w + padding, dtype=image.dtype)
    padded[padding:, padding:] = image
    ph, pw = padded.shape
    out = torch.zeros((ph - kh) // stride + 1, (pw - kw) // stride + 1, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out
''')),
    "q6_conv_stride_ignored.py": Mistake("q6", _q6(conv='''

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    out = torch.zeros(h + 2 * padding - kh + 1, w + 2 * padding - kw + 1, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (padded[i:i + kh, j:j + kw] * kernel).sum()
    return out
''')),
    "q6_conv_uses_builtin.py": Mistake("q6", _q6(head="import torch.nn.functional as F\n", conv='''

def conv2d(image, kernel, stride=1, padding=0):
    out = F.conv2d(image.unsqueeze(0).unsqueeze(0), kernel.unsqueeze(0).unsqueeze(0),
                   stride=stride, padding=padding)
    return out[0, 0]
''')),
    "q6_flipped_kernel.ipynb": Mistake("q6", _q6(output="x.output", conv=_Q6_CONV.replace(
        "    h, w = image.shape\n", "    kernel = torch.flip(kernel, dims=(0, 1))\n    h, w = image.shape\n", 1)),
        extras=_flipped_output),
    "q6_pool_overlapping_windows.ipynb": Mistake("q6", _q6(pool='''

def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h - kernel_size + 1, w - kernel_size + 1, dtype=image.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i:i + kernel_size, j:j + kernel_size].max()
    return out
''')),
    "q7_attribute_order_ok.ipynb": Mistake("q7", '''{% set n = p.network %}{% set c, k, pad = n.channels, n.kernel, n.padding -%}
import torch
import torch.nn.functional as F


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d({{ c[0] }}, {{ c[1] }}, kernel_size={{ k }}, padding={{ pad }})
        self.conv2 = torch.nn.Conv2d({{ c[1] }}, {{ c[2] }}, kernel_size={{ k }}, padding={{ pad }})
        self.fc = torch.nn.Linear({{ a.linear_in }}, 1)
        self.pool1 = torch.nn.MaxPool2d(2)
        self.pool2 = torch.nn.MaxPool2d(2)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        x = torch.flatten(x, start_dim=1)
        return self.fc(x)
'''),
    "q7_missing_first_relu.py": Mistake("q7", _q7(first_relu=False)),
    "q7_no_padding.ipynb": Mistake("q7", _q7(padded=False, linear_in="x.linear_in"), extras=_unpadded_linear_in),
    # Flatten's features counted on the input, as if no layer shrank it.
    "q7_wrong_in_features.py": Mistake("q7", _q7(linear_in="c[2] * n.side * n.side")),
    "q8_conv_block_without_relu.py": Mistake("q8", _q8('''def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1),
    )
''')),
    "q8_input_channels_ignored.py": Mistake("q8", _q8(_Q8_BLOCK, first_in="1")),
    # The true statement and the one the lecture lists as (B), under the letters this variant shows them.
    "q9_answered_b_and_c.py": Mistake(
        "q9", 'q9_true = {"{{ x.b }}", "{{ x.c }}"}\n',
        extras=lambda p, a: {"b": _shown(p, "B"), "c": _shown(p, "C")}, feedback="statement ({{ x.b }})"),
    # Statement 6 (a Conv2d's weight shape) judged the wrong way.
    "q10_weight_shape_order.ipynb": Mistake(
        "q10", "q10_answers = {\n{% for n, truth in a.answers.items() %}    {{ n }}: "
               "{{ (not truth) if n == '6' else truth }},\n{% endfor %}}\n"),
}


@dataclass(frozen=True)
class Rendered:
    """A mistake with one variant's numbers: the cells of the submission and what it must get."""

    name: str
    question: str
    cells: list[str]
    short: set[str]
    feedback: dict[str, str]
    cannot: str | None


def render(name: str, variant, answers: dict) -> Rendered:
    """The mistake ``name`` made with ``variant``'s numbers: that variant's solution, the one cell wrong."""
    mistake = MISTAKES[name]
    qid = mistake.question
    p, a = variant.of(qid), answers[qid]
    meta = __import__(f"grader.questions.{bank.question(qid).folder}", fromlist=["LETTERS"])
    values = {"p": p, "a": a, "letters": getattr(meta, "LETTERS", ()), "x": None}
    cannot = mistake.cannot(p, a)
    if cannot is None:
        values["x"] = mistake.extras(p, a)
    cells = [q.solution for q in bank.for_variant(variant, answers)]
    if cannot is None:
        cells[bank.QUESTION_IDS.index(qid)] = _TEMPLATES.from_string(mistake.cell).render(values)
    expected = EXPECTED[name]
    feedback = dict(expected["feedback"])
    if mistake.feedback is not None and cannot is None:
        feedback[qid] = _TEMPLATES.from_string(mistake.feedback).render(values)
    return Rendered(name, qid, cells, set(expected["short"]), feedback, cannot)
