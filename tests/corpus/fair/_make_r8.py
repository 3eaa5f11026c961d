"""Round 8 of the fairness corpus (issue 9): correct submissions in styles rounds 2-7 did not write.

Each case is a full, correct answer to all ten questions; one or several questions are answered in an unusual
but ordinary way. Notebooks are made with nbformat in the shapes other tools write (Colab, VS Code, JupyterLab 4,
Deepnote, classic Jupyter); scripts as nbconvert, jupytext and plain Python write them.

    python tests/corpus/fair/_make_r8.py        # rewrites tests/corpus/fair/r8_*
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat

HERE = Path(__file__).parent


def d(s: str) -> str:
    return textwrap.dedent(s).strip("\n") + "\n"


# ---------------------------------------------------------------------------------------------------------
# Plain answers, one per question; a case replaces the ones it answers in its own way.
# ---------------------------------------------------------------------------------------------------------
PLAIN = {
    "q1": 'q1_answer = "C"\n',
    "q2": d('''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            padded = size + 2 * padding
            if kernel_size > padded:
                raise ValueError("kernel does not fit")
            return (padded - kernel_size) // stride + 1
        '''),
    "q3": d('''
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = 2 * 25 * 25
        '''),
    "q4": d('''
        q4_conv_params = 3 * 3 * 3 * 3 + 3
        q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
        q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
        '''),
    "q5": d('''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            if isinstance(kernel_size, int):
                kernel_size = (kernel_size, kernel_size)
            kh, kw = kernel_size
            return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


        def linear_params(in_features, out_features, bias=True):
            return in_features * out_features + (out_features if bias else 0)
        '''),
    "q6": d('''
        import torch

        q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


        def conv2d(image, kernel, stride=1, padding=0):
            if padding:
                padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
                padded[padding:-padding, padding:-padding] = image
                image = padded
            kh, kw = kernel.shape
            oh = (image.shape[0] - kh) // stride + 1
            ow = (image.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    window = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[i, j] = (window * kernel).sum()
            return out


        def max_pool2d(image, kernel_size=2):
            oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = torch.zeros(oh, ow)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
            return out
        '''),
    "q7": d('''
        import torch


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.relu = torch.nn.ReLU()
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                x = self.pool(self.relu(self.conv1(x)))
                x = self.pool(self.relu(self.conv2(x)))
                return self.fc(self.flatten(x))
        '''),
    "q8": d('''
        import torch


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(
                torch.nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1),
                torch.nn.ReLU(),
            )


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = torch.nn.Sequential(
                    conv_block(input_channels, 3),
                    conv_block(3, 3),
                    conv_block(3, 3),
                    conv_block(3, 3),
                    conv_block(3, 3),
                )
                self.flatten = torch.nn.Flatten()
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                return self.fc(self.flatten(self.blocks(x)))
        '''),
    "q9": 'q9_true = {"C"}\n',
    "q10": d('''
        q10_answers = {
            1: True,
            2: False,
            3: True,
            4: True,
            5: False,
            6: False,
            7: True,
            8: False,
        }
        '''),
}

QUESTIONS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]
TITLES = {
    "q1": "## Q1. Exercise 6.1: the output of a 3x3 filter (1 point)",
    "q2": "## Q2. The output size of a convolution (3 points)",
    "q3": "## Q3. Shapes through a pooled CNN (2 points)",
    "q4": "## Q4. Counting parameters (3 points)",
    "q5": "## Q5. Parameter formulas (2 points)",
    "q6": "## Q6. Convolution and max pooling by hand (4 points)",
    "q7": "## Q7. Build the pooled CNN (4 points)",
    "q8": "## Q8. CNN vs FCNN: a network of conv blocks (3 points)",
    "q9": "## Q9. Exercise 6.2: select the true statements (2 points)",
    "q10": "## Q10. True or false: convolutions in PyTorch (2 points)",
}
OTTER = '# Initialize Otter\nimport otter\ngrader = otter.Notebook("lecture06.ipynb")\n'

CASES: dict[str, dict] = {}


def case(name, *, tool="jupyter", answers=None, before=None, after=None, extra=None, order=None):
    """answers: {q: source}; before/after: {q: [cells]} around an answer; extra: cells appended at the end."""
    CASES[name] = dict(tool=tool, answers=answers or {}, before=before or {}, after=after or {}, extra=extra or [],
                       order=order or QUESTIONS)


# ---- notebook writers -------------------------------------------------------------------------------------

KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANG = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py", "mimetype": "text/x-python",
        "name": "python", "nbconvert_exporter": "python", "pygments_lexer": "ipython3", "version": "3.11.7"}


def _code(src, n, tool, outputs=()):
    cell = nbformat.v4.new_code_cell(src.rstrip("\n"), execution_count=n, outputs=list(outputs))
    if tool == "colab":
        cell.metadata = {"id": f"c{n:04x}Xq", "colab": {"base_uri": "https://localhost:8080/"},
                         "outputId": f"{n:08x}-5a1e-4c7d-9f00-3c2b1d0e{n:04x}"}
    elif tool == "lab4":
        cell.metadata = {"execution": {"iopub.execute_input": "2026-11-20T10:00:00.000Z",
                                       "iopub.status.busy": "2026-11-20T10:00:00.000Z",
                                       "iopub.status.idle": "2026-11-20T10:00:01.000Z",
                                       "shell.execute_reply": "2026-11-20T10:00:01.000Z"}, "tags": []}
    elif tool == "deepnote":
        cell.metadata = {"cell_id": f"00000-{n:04d}", "deepnote_cell_type": "code", "deepnote_to_be_reexecuted": False,
                         "execution_millis": 12 + n, "source_hash": f"{n * 7919:08x}"}
    elif tool == "vscode":
        cell.metadata = {}
    return cell


def _md(src, tool):
    cell = nbformat.v4.new_markdown_cell(src.rstrip("\n"))
    if tool == "colab":
        cell.metadata = {"id": "m" + format(abs(hash(src)) % 16 ** 8, "08x")}
    elif tool == "deepnote":
        cell.metadata = {"cell_id": "md-" + format(abs(hash(src)) % 16 ** 8, "08x"), "deepnote_cell_type": "markdown"}
    return cell


def _cell(item, n, tool):
    """A cell from a string (code) or a ('md', text) / ('code', text, outputs) tuple."""
    if isinstance(item, str):
        return _code(item, n, tool)
    if item[0] == "md":
        return _md(item[1], tool)
    return _code(item[1], n, tool, item[2])


def write_notebook(name, spec):
    tool = spec["tool"]
    cells, n = [], 0

    def add(item):
        nonlocal n
        if not (isinstance(item, tuple) and item[0] == "md"):
            n += 1
        cells.append(_cell(item, n, tool))

    add(("md", "# Lecture 6: Introduction to Convolutional Neural Networks"))
    add(OTTER)
    for q in spec["order"]:
        add(("md", TITLES[q]))
        for item in spec["before"].get(q, []):
            add(item)
        add(spec["answers"].get(q, PLAIN[q]))
        for item in spec["after"].get(q, []):
            add(item)
        add(f'grader.check("{q}")')
    for item in spec["extra"]:
        add(item)
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": KERNEL, "language_info": LANG}
    if tool == "colab":
        nb.metadata = {"colab": {"provenance": [], "toc_visible": True, "gpuType": "T4"}, "accelerator": "GPU",
                       "kernelspec": {"display_name": "Python 3", "name": "python3"},
                       "language_info": {"name": "python"}}
    elif tool == "vscode":
        nb.metadata["vscode"] = {"interpreter": {"hash": "3f9a" * 16}}
        nb.metadata["orig_nbformat"] = 4
    elif tool == "deepnote":
        nb.metadata = {"deepnote": {}, "deepnote_execution_queue": [],
                       "deepnote_notebook_id": "6c1f0e1c-8d51-4d43-9a4e-1b2f3c4d5e6f", "kernelspec": KERNEL,
                       "language_info": LANG}
    nb.nbformat, nb.nbformat_minor = 4, 5
    nbformat.validate(nb)
    nbformat.write(nb, str(HERE / f"{name}.ipynb"))


def write_script(name, spec):
    style = spec["tool"]
    parts = []
    for q in spec["order"]:
        chunk = []
        for item in spec["before"].get(q, []):
            chunk.append(item if isinstance(item, str) else "")
        chunk.append(spec["answers"].get(q, PLAIN[q]))
        for item in spec["after"].get(q, []):
            chunk.append(item if isinstance(item, str) else "")
        parts.append((q, [c for c in chunk if c]))
    extra = [e for e in spec["extra"] if isinstance(e, str)]
    if style == "nbconvert":
        out = ["#!/usr/bin/env python\n# coding: utf-8\n\n# # Lecture 6: Introduction to Convolutional Neural Networks\n"]
        n = 1
        out.append(f"\n# In[{n}]:\n\n\n" + OTTER)
        for q, chunk in parts:
            out.append("\n" + "\n".join("# " + line if line else "#" for line in TITLES[q].splitlines()) + "\n")
            for c in chunk + [f'grader.check("{q}")\n']:
                n += 1
                out.append(f"\n# In[{n}]:\n\n\n" + c)
        for c in extra:
            out.append("\n# In[ ]:\n\n\n" + c)
        text = "".join(out)
    elif style == "percent":
        out = ['# ---\n# jupyter:\n#   jupytext:\n#     formats: ipynb,py:percent\n#     text_representation:\n'
               '#       extension: .py\n#       format_name: percent\n#       format_version: \'1.3\'\n'
               '#       jupytext_version: 1.16.4\n#   kernelspec:\n#     display_name: Python 3 (ipykernel)\n'
               '#     language: python\n#     name: python3\n# ---\n\n# %% [markdown]\n'
               '# # Lecture 6: Introduction to Convolutional Neural Networks\n\n# %%\n' + OTTER]
        for q, chunk in parts:
            out.append("\n# %% [markdown]\n# " + TITLES[q] + "\n")
            for c in chunk + [f'grader.check("{q}")\n']:
                out.append("\n# %%\n" + c)
        for c in extra:
            out.append("\n# %%\n" + c)
        text = "".join(out)
    else:
        head = spec.get("head", '"""Lecture 6 exercises."""\n')
        body = "\n\n".join("\n\n".join(chunk) for q, chunk in parts)
        text = head + "\n" + body + ("\n\n" + "\n\n".join(extra) if extra else "")
    (HERE / f"{name}.py").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------------------------------------

# ---- q1-q5, q9, q10 in unusual forms; notebooks from other tools --------------------------------------------

case("r8_nb_colab_pip_cell_str_enum_q1_zip_map_q10", tool="colab",
     before={"q1": ["!pip install -q torchsummary", "%matplotlib inline"]},
     answers={
         "q1": d('''
             import enum


             class Choice(str, enum.Enum):
                 """The options of exercise 6.1; a member is also the plain string of its letter."""
                 A = "A"  # 4 by 4
                 B = "B"  # 3 by 3
                 C = "C"  # 2 by 2


             out_side = 4 - 3 + 1
             q1_answer = {4: Choice.A, 3: Choice.B, 2: Choice.C}[out_side]
             q1_answer
             '''),
         "q9": d('''
             judgement = {
                 "A": False,  # Conv2d takes (N, C, H, W) or (C, H, W)
                 "B": False,  # ... and returns the same rank
                 "C": True,   # weight (out, in, kH, kW)
                 "D": False,  # not always: a narrow Linear after a wide one can shrink the count
                 "E": False,  # not always either
             }
             q9_true = {letter for letter, true in judgement.items() if true}
             '''),
         "q10": d('''
             verdicts = [1, 0, 1, 1, 0, 0, 1, 0]  # my notes, 1 = true
             q10_answers = dict(zip(range(1, 9), map(bool, verdicts)))
             q10_answers
             '''),
     })

case("r8_nb_vscode_q2_dilation_kwonly_subclass_error_q5_groups", tool="vscode",
     answers={
         "q2": d('''
             import numbers


             class KernelDoesNotFitError(ValueError):
                 """The (dilated) kernel is larger than the padded input."""


             def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, *,
                                  dilation: int = 1) -> int:
                 """Height (= width) of a square convolution's output, as torch.nn.Conv2d computes it.

                 `dilation` is extra (keyword only); the default gives the exercise's formula.
                 """
                 for name, value in (("size", size), ("kernel_size", kernel_size), ("stride", stride),
                                     ("padding", padding), ("dilation", dilation)):
                     if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                         raise TypeError(f"{name} must be an int, not {type(value).__name__}")
                 if stride < 1 or dilation < 1 or padding < 0:
                     raise ValueError("stride and dilation must be positive, padding non-negative")
                 span = dilation * (kernel_size - 1) + 1
                 padded = size + 2 * padding
                 if span > padded:
                     raise KernelDoesNotFitError(f"a kernel spanning {span} does not fit in {padded} pixels")
                 return (padded - span) // stride + 1


             assert conv_output_size(100, 5) == 96
             assert conv_output_size(7, 3, dilation=2) == 3
             '''),
         "q5": d('''
             def conv2d_params(in_channels, out_channels, kernel_size, bias=True, *, groups=1):
                 """Weights (out, in/groups, kH, kW) plus one bias per output channel."""
                 if in_channels % groups or out_channels % groups:
                     raise ValueError("channels must be divisible by groups")
                 kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
                 return out_channels * (in_channels // groups) * kh * kw + out_channels * bool(bias)


             def linear_params(in_features, out_features, bias=True, *, dtype=None):
                 """dtype is accepted (and ignored) so the signature matches torch.nn.Linear's keywords."""
                 return (in_features + bool(bias)) * out_features
             '''),
     })

case("r8_nb_lab4_q3_generator_trace_q4_pairwise_sums", tool="lab4",
     answers={
         "q3": d('''
             import math

             def trace_shapes(size=100, channels=1):
                 """Yield (C, H, W) after conv1, pool1, conv2, pool2 using the output-size formula."""
                 plan = [("conv", 3), ("pool", None), ("conv", 2), ("pool", None)]
                 for kind, out_channels in plan:
                     if kind == "conv":
                         channels, size = out_channels, conv_output_size(size, 3, 1, 1)
                     else:
                         size = conv_output_size(size, 2, 2, 0)
                     yield channels, size, size


             q3_shapes = list(trace_shapes())
             q3_flatten_features = math.prod(q3_shapes[-1])
             print(q3_shapes, q3_flatten_features)
             '''),
         "q4": d('''
             from itertools import pairwise

             def dense(n_in, n_out):
                 return n_in * n_out + n_out

             q4_conv_params = 3 * 3 * 3 * 3 + 3
             conv_layers = [(1, 3), (3, 2)]
             q4_cnn_params = sum(c_in * c_out * 3 * 3 + c_out for c_in, c_out in conv_layers) + dense(q3_flatten_features, 1)
             widths = [128 * 128, 256, 128, 64, 32, 16, 1]
             q4_fcnn_params = sum(dense(a, b) for a, b in pairwise(widths))
             q4_conv_params, q4_cnn_params, q4_fcnn_params
             '''),
     })

case("r8_nb_answers_corrected_in_place_later",
     answers={
         "q1": 'q1_answer = "B"  # first guess: same as the kernel?\n',
         "q4": d('''
             q4_conv_params = 3 * 3 * 3 * 3 + 3
             q4_cnn_params = 30 + 56  # the two convolutions; the Linear comes below
             q4_fcnn_params = 128 * 128 * 256 + 256
             for n_in, n_out in [(256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]:
                 q4_fcnn_params += n_in * n_out + n_out
             q4_cnn_params += q3_flatten_features + 1
             '''),
         "q9": 'q9_true = {"C", "D"}\n',
         "q10": d('''
             q10_answers = {k: True for k in range(1, 9)}
             for wrong in (2, 5, 6, 8):
                 q10_answers[wrong] = False
             '''),
     },
     after={
         "q1": [("md", "Wait: the kernel fits twice in each direction, 4 - 3 + 1 = 2."),
                'q1_answer = "C"\nprint("q1:", q1_answer)'],
         "q9": [("md", "(D) is not *always* true: a Linear(1000, 1) after Linear(2000, 1000) ... removing it can add parameters."),
                'q9_true.discard("D")\nq9_true'],
     })

case("r8_nb_jupyter_autoreload_env_xmode_html_magics",
     before={"q1": ["%load_ext autoreload\n%autoreload 2",
                    "%env OMP_NUM_THREADS=1\n%xmode Minimal\n%config InlineBackend.figure_format = 'retina'",
                    "%%html\n<style>.jp-OutputArea pre {font-size: 11px}</style>"]},
     after={"q6": ["from IPython.display import clear_output\nfor i in range(3):\n    clear_output(wait=True)\n    print('step', i)\nconv2d(torch.eye(4), torch.ones(2, 2))"],
            "q8": ["%%bash\necho \"done with the models\""]},
     extra=['%who_ls function', "%history -l 3"])

case("r8_nb_fstring_equals_prints_pprint",
     answers={
         "q3": d('''
             q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
             q3_flatten_features = 2 * 25 * 25
             print(f"{q3_shapes=}")
             print(f"{q3_flatten_features = :,}")
             '''),
         "q4": d('''
             q4_conv_params = 3 * 3 * 3 * 3 + 3
             q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
             q4_fcnn_params = (128 * 128 * 256 + 256) + (256 * 128 + 128) + (128 * 64 + 64) + (64 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
             print(f"{q4_conv_params=:>12,}\\n{q4_cnn_params=:>13,}\\n{q4_fcnn_params=:>12,}")
             '''),
         "q10": d('''
             from pprint import pprint

             q10_answers = {
                 1: True,   # 3 // 2 = 1 each side keeps the size
                 2: False,  # only channels and kernel
                 3: True,
                 4: True,   # 3*8*5*5 + 8
                 5: False,  # (10 - 3) // 2 + 1 = 4
                 6: False,  # (3, 1, 3, 3)
                 7: True,
                 8: False,  # floor(7 / 2) = 3
             }
             pprint(q10_answers, width=30)
             '''),
     })

case("r8_nb_deepnote_q9_q10_judged_with_torch", tool="deepnote",
     answers={
         "q9": d('''
             import torch
             from torch import nn

             probe = nn.Conv2d(1, 3, 3)
             statements = {
                 "A": lambda: probe(torch.zeros(1, 1, 5, 5)).dim() == 2 and False,
                 "B": lambda: probe(torch.zeros(1, 1, 5, 5)).dim() == 2,
                 "C": lambda: probe.weight.dim() == 4,
                 "D": lambda: False,  # "always": a smaller extra layer can reduce the count -> false
                 "E": lambda: False,  # "always": more convs with fewer channels can have fewer parameters
             }
             q9_true = set()
             for letter, check in statements.items():
                 if check():
                     q9_true.add(letter)
             q9_true
             '''),
         "q10": d('''
             import torch.nn.functional as F

             def out_side(n, k, s=1, p=0):
                 return F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, k, k), stride=s, padding=p).shape[-1]

             def count(m):
                 return sum(p.numel() for p in m.parameters())

             q10_answers = {
                 1: all(out_side(9, k, 1, k // 2) == 9 for k in (1, 3, 5, 7)),
                 2: count(nn.Conv2d(1, 3, 3)) != 30,
                 3: count(nn.MaxPool2d(2)) == 0,
                 4: count(nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5)) == 608,
                 5: out_side(10, 3, 2, 0) == 5,
                 6: tuple(nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3),
                 7: nn.Conv2d(3, 2, 3)(torch.zeros(3, 8, 8)).dim() == 3,
                 8: tuple(nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-2:]) == (4, 4),
             }
             q10_answers
             '''),
     })

case("r8_nb_q10_dict_subclass_q9_set_from_string", tool="lab4",
     answers={
         "q1": 'q1_answer = "abc"[2].upper()\n',
         "q9": 'q9_true = set("C")  # only (C)\n',
         "q10": d('''
             class Answers(dict):
                 """A dict that refuses statement numbers outside 1..8."""

                 def __setitem__(self, key, value):
                     if key not in range(1, 9):
                         raise KeyError(key)
                     super().__setitem__(key, value)


             q10_answers = Answers()
             for number, word in enumerate("T F T T F F T F".split(), start=1):
                 q10_answers[number] = word == "T"
             q10_answers
             '''),
     })

case("r8_nb_q10_torch_bool_tensors_q4_torch_sums",
     answers={
         "q4": d('''
             import torch

             fcnn_widths = torch.tensor([128 * 128, 256, 128, 64, 32, 16, 1])
             q4_conv_params = int(torch.tensor([3, 3, 3, 3]).prod() + 3)
             q4_cnn_params = int(torch.tensor([1 * 3 * 9 + 3, 3 * 2 * 9 + 2, 1250 + 1]).sum())
             q4_fcnn_params = int((fcnn_widths[:-1] * fcnn_widths[1:] + fcnn_widths[1:]).sum())
             '''),
         "q10": d('''
             import torch

             truth = torch.tensor([True, False, True, True, False, False, True, False])
             q10_answers = {i + 1: truth[i:i + 1] for i in range(8)}  # one-element bool tensors
             '''),
     })

case("r8_nb_q2_torch_floor_division_q5_math_prod", tool="vscode",
     answers={
         "q2": d('''
             import torch


             def conv_output_size(size, kernel_size, stride=1, padding=0):
                 room = torch.tensor(size + 2 * padding - kernel_size)
                 if room < 0:
                     raise ValueError(f"kernel {kernel_size} larger than padded input {size + 2 * padding}")
                 return int(torch.div(room, stride, rounding_mode="floor")) + 1
             '''),
         "q5": d('''
             import math
             from collections.abc import Sequence


             def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
                 kernel = tuple(kernel_size) if isinstance(kernel_size, Sequence) else (kernel_size,) * 2
                 weights = math.prod((out_channels, in_channels, *kernel))
                 return weights + out_channels * int(bias)


             def linear_params(in_features, out_features, bias=True):
                 return math.prod((out_features, in_features)) + (out_features if bias else 0)
             '''),
     })

# ---- q6 by hand -----------------------------------------------------------------------------------------------

case("r8_nb_q6_patch_class_matmul_operator", tool="deepnote",
     answers={"q6": d('''
         import torch


         class Patch:
             """A window of the image; `patch @ kernel` is the sum of their elementwise product."""

             def __init__(self, values):
                 self.values = values

             def __matmul__(self, kernel):
                 return (self.values * kernel).sum()

             def __rmatmul__(self, kernel):
                 return self @ kernel

             def __len__(self):
                 return self.values.numel()

             def biggest(self):
                 return self.values.max()


         def patches(image, kh, kw, stride):
             for i in range(0, image.shape[0] - kh + 1, stride):
                 yield [Patch(image[i:i + kh, j:j + kw]) for j in range(0, image.shape[1] - kw + 1, stride)]


         def conv2d(image, kernel, stride=1, padding=0):
             if padding > 0:
                 framed = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
                 framed[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
                 image = framed
             kh, kw = kernel.shape
             return torch.stack([torch.stack([p @ kernel for p in row]) for row in patches(image, kh, kw, stride)])


         def max_pool2d(image, kernel_size=2):
             rows = list(patches(image, kernel_size, kernel_size, kernel_size))
             return torch.stack([torch.stack([p.biggest() for p in row]) for row in rows])


         q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                            torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))
         q6_output
         ''')})

case("r8_nb_q6_exitstack_string_template_messages",
     answers={"q6": d('''
         import contextlib
         import string

         import torch

         TOO_BIG = string.Template("kernel $kh x $kw does not fit in $h x $w (padding $p)")


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             if kh > h + 2 * padding or kw > w + 2 * padding:
                 raise ValueError(TOO_BIG.substitute(kh=kh, kw=kw, h=h, w=w, p=padding))
             with contextlib.ExitStack() as stack:
                 stack.enter_context(torch.no_grad())
                 padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
                 padded[padding:padding + h, padding:padding + w] = image
                 oh = (h + 2 * padding - kh) // stride + 1
                 ow = (w + 2 * padding - kw) // stride + 1
                 out = torch.empty(oh, ow, dtype=image.dtype)
                 for r in range(oh):
                     for c in range(ow):
                         out[r, c] = torch.sum(padded[r * stride:r * stride + kh, c * stride:c * stride + kw] * kernel)
             return out


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             out = torch.empty(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
             for r in range(out.shape[0]):
                 for c in range(out.shape[1]):
                     with contextlib.suppress(RuntimeError):  # an empty window cannot happen here
                         out[r, c] = torch.max(image[r * k:(r + 1) * k, c * k:(c + 1) * k])
             return out


         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
         ''')})

case("r8_nb_q6_operator_index_tuple_strides", tool="vscode",
     answers={"q6": d('''
         import operator

         import torch


         def _pair(value):
             """(v, v) for an int, else the two entries of a tuple; like torch, ints only."""
             if isinstance(value, tuple):
                 a, b = value
                 return operator.index(a), operator.index(b)
             value = operator.index(value)
             return value, value


         def conv2d(image, kernel, stride=1, padding=0):
             sh, sw = _pair(stride)
             ph, pw = _pair(padding)
             kh, kw = kernel.shape
             h, w = image.shape[0] + 2 * ph, image.shape[1] + 2 * pw
             padded = torch.zeros(h, w, dtype=image.dtype)
             padded[ph:ph + image.shape[0], pw:pw + image.shape[1]] = image
             out = torch.zeros((h - kh) // sh + 1, (w - kw) // sw + 1, dtype=image.dtype)
             for i in range(out.shape[0]):
                 for j in range(out.shape[1]):
                     out[i, j] = (padded[i * sh:i * sh + kh, j * sw:j * sw + kw] * kernel).sum()
             return out


         def max_pool2d(image, kernel_size=2):
             kh, kw = _pair(kernel_size)
             out = torch.zeros(image.shape[0] // kh, image.shape[1] // kw, dtype=image.dtype)
             for i in range(out.shape[0]):
                 for j in range(out.shape[1]):
                     out[i, j] = image[i * kh:(i + 1) * kh, j * kw:(j + 1) * kw].max()
             return out


         q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                            torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]), stride=(1, 1), padding=(0, 0))
         print(q6_output)
         ''')})

case("r8_nb_q6_cartesian_prod_and_reshape_amax", tool="lab4",
     answers={"q6": d('''
         import torch


         def conv2d(image, kernel, stride=1, padding=0):
             padded = image.new_zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
             padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
             kh, kw = kernel.shape
             oh = (padded.shape[0] - kh) // stride + 1
             ow = (padded.shape[1] - kw) // stride + 1
             positions = torch.cartesian_prod(torch.arange(oh), torch.arange(ow)) * stride
             if positions.dim() == 1:  # cartesian_prod of two one-element ranges
                 positions = positions.view(-1, 2)
             values = [(padded[r:r + kh, c:c + kw] * kernel).sum() for r, c in positions.tolist()]
             return torch.stack(values).view(oh, ow)


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             oh, ow = image.shape[0] // k, image.shape[1] // k
             blocks = image[:oh * k, :ow * k].reshape(oh, k, ow, k)
             return blocks.amax(dim=(1, 3))


         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
         ''')})

case("r8_nb_q6_numpy_fancy_index_einsum_tuple_kernel",
     answers={"q6": d('''
         import numpy as np
         import torch

         q6_image = ((3, 3, 2, 1, 0), (0, 0, 1, 3, 1), (3, 1, 2, 2, 3), (2, 0, 0, 2, 2), (2, 0, 0, 0, 1))
         q6_kernel = ((0, 1, 2), (2, 2, 0), (0, 1, 2))


         def conv2d(image, kernel, stride=1, padding=0):
             a = np.pad(image.detach().numpy(), padding)
             k = kernel.detach().numpy()
             kh, kw = k.shape
             oh = (a.shape[0] - kh) // stride + 1
             ow = (a.shape[1] - kw) // stride + 1
             rows = np.arange(oh)[:, None] * stride + np.arange(kh)  # (oh, kh)
             cols = np.arange(ow)[:, None] * stride + np.arange(kw)  # (ow, kw)
             windows = a[rows[:, None, :, None], cols[None, :, None, :]]  # (oh, ow, kh, kw)
             return torch.from_numpy(np.einsum("ijkl,kl->ij", windows, k)).to(image.dtype)


         def max_pool2d(image, kernel_size=2):
             a = image.detach().numpy()
             k = kernel_size
             oh, ow = a.shape[0] // k, a.shape[1] // k
             return torch.from_numpy(a[:oh * k, :ow * k].reshape(oh, k, ow, k).max(axis=(1, 3)).copy())


         q6_output = conv2d(torch.tensor(q6_image, dtype=torch.float32), torch.tensor(q6_kernel, dtype=torch.float32))
         ''')})

case("r8_nb_q6_typed_dict_final_literal_index_select", tool="vscode",
     answers={"q6": d('''
         from typing import Final, Literal, TypedDict

         import torch

         Mode = Literal["sum", "max"]
         DEFAULT_POOL: Final = 2


         class Geometry(TypedDict):
             out_h: int
             out_w: int


         def geometry(h: int, w: int, kh: int, kw: int, stride: int) -> Geometry:
             return {"out_h": (h - kh) // stride + 1, "out_w": (w - kw) // stride + 1}


         def slide(image: torch.Tensor, kh: int, kw: int, stride: int, mode: Mode, kernel=None) -> torch.Tensor:
             g = geometry(image.shape[0], image.shape[1], kh, kw, stride)
             out = torch.zeros(g["out_h"], g["out_w"], dtype=image.dtype)
             for i in range(g["out_h"]):
                 rows = image.index_select(0, torch.arange(i * stride, i * stride + kh))
                 for j in range(g["out_w"]):
                     win = rows.index_select(1, torch.arange(j * stride, j * stride + kw))
                     out[i, j] = (win * kernel).sum() if mode == "sum" else win.max()
             return out


         def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
             if padding:
                 z = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
                 z[padding:-padding, padding:-padding] = image
                 image = z
             return slide(image, kernel.shape[0], kernel.shape[1], stride, "sum", kernel)


         def max_pool2d(image: torch.Tensor, kernel_size: int = DEFAULT_POOL) -> torch.Tensor:
             return slide(image, kernel_size, kernel_size, kernel_size, "max")


         q6_output = torch.tensor([[12., 12., 17.], [10., 17., 19.], [9., 6., 14.]])
         ''')})

case("r8_nb_q6_decorator_class_update_wrapper",
     answers={"q6": d('''
         import functools

         import torch


         class expects_matrix:
             """Decorator: checks the first argument is a 2-D tensor before calling the function."""

             def __init__(self, function):
                 functools.update_wrapper(self, function)
                 self.function = function

             def __call__(self, image, *args, **kwargs):
                 if not isinstance(image, torch.Tensor) or image.dim() != 2:
                     raise TypeError(f"{self.__name__} expects a 2-D tensor")
                 return self.function(image, *args, **kwargs)


         @expects_matrix
         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             kh, kw = kernel.shape
             big = torch.zeros(h + 2 * padding, w + 2 * padding)
             big[padding:padding + h, padding:padding + w] = image
             oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
             return torch.tensor([[float((big[i:i + kh, j:j + kw] * kernel).sum())
                                   for j in range(0, ow * stride, stride)]
                                  for i in range(0, oh * stride, stride)]).reshape(oh, ow)


         @expects_matrix
         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             return torch.tensor([[float(image[i:i + k, j:j + k].max()) for j in range(0, image.shape[1] - k + 1, k)]
                                  for i in range(0, image.shape[0] - k + 1, k)]).reshape(image.shape[0] // k, image.shape[1] // k)


         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
         print(conv2d.__name__, conv2d.__doc__)
         ''')})

case("r8_nb_q6_template_method_classes_lambda_entry_points", tool="colab",
     answers={"q6": d('''
         import torch


         class Sliding:
             """Slides a window over a 2-D tensor; subclasses say what a window becomes."""
             reduce = None

             def __init__(self, kh, kw, stride):
                 self.kh, self.kw, self.stride = kh, kw, stride

             def window_value(self, window):
                 raise NotImplementedError

             def __call__(self, image):
                 oh = (image.shape[0] - self.kh) // self.stride + 1
                 ow = (image.shape[1] - self.kw) // self.stride + 1
                 out = torch.zeros(oh, ow, dtype=image.dtype)
                 for i in range(oh):
                     for j in range(ow):
                         r, c = i * self.stride, j * self.stride
                         out[i, j] = self.window_value(image[r:r + self.kh, c:c + self.kw])
                 return out


         class Correlate(Sliding):
             def __init__(self, kernel, stride):
                 super().__init__(kernel.shape[0], kernel.shape[1], stride)
                 self.kernel = kernel

             def window_value(self, window):
                 return torch.sum(window * self.kernel)


         class MaxOf(Sliding):
             def window_value(self, window):
                 return torch.max(window)


         def zero_pad(image, p):
             out = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
             out[p:p + image.shape[0], p:p + image.shape[1]] = image
             return out


         conv2d = lambda image, kernel, stride=1, padding=0: Correlate(kernel, stride)(zero_pad(image, padding))
         max_pool2d = lambda image, kernel_size=2: MaxOf(kernel_size, kernel_size, kernel_size)(image)

         q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                            torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))
         ''')})

case("r8_nb_q6_result_type_int_tensors_demo",
     answers={"q6": d('''
         import torch


         def conv2d(image, kernel, stride=1, padding=0):
             dtype = torch.result_type(image, kernel)  # int image and int kernel stay int, like by hand
             h, w = image.shape
             kh, kw = kernel.shape
             padded = torch.zeros((h + 2 * padding, w + 2 * padding), dtype=dtype)
             padded[padding:padding + h, padding:padding + w] = image
             oh = (h + 2 * padding - kh) // stride + 1
             ow = (w + 2 * padding - kw) // stride + 1
             out = torch.zeros((oh, ow), dtype=dtype)
             for di in range(kh):  # add each kernel entry times a shifted, strided view
                 for dj in range(kw):
                     out += kernel[di, dj] * padded[di:di + stride * (oh - 1) + 1:stride, dj:dj + stride * (ow - 1) + 1:stride]
             return out


         def max_pool2d(image, kernel_size=2):
             k = kernel_size
             oh, ow = image.shape[0] // k, image.shape[1] // k
             out = image[0:oh * k:k, 0:ow * k:k].clone()
             for di in range(k):
                 for dj in range(k):
                     out = torch.maximum(out, image[di:di + oh * k:k, dj:dj + ow * k:k])
             return out


         q6_output = conv2d(torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                            torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]]))
         assert q6_output.dtype == torch.int64, q6_output.dtype
         q6_output
         '''),
     },
     after={"q6": ["demo = conv2d(torch.arange(30).view(5, 6), torch.ones(2, 3, dtype=torch.long), stride=(2), padding=1)\n"
                   "print(demo.dtype, tuple(demo.shape))\nmax_pool2d(torch.arange(36).view(6, 6) % 7, 3)"]})

# ---- q7 / q8 models -------------------------------------------------------------------------------------------

case("r8_nb_q7_zeropad_layers_before_unpadded_convs",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             """Keras habit: pad explicitly, then a 'valid' convolution."""

             def __init__(self):
                 super().__init__()
                 self.net = nn.Sequential(
                     nn.ZeroPad2d(1), nn.Conv2d(1, 3, 3), nn.ReLU(), nn.MaxPool2d(2),
                     nn.ZeroPad2d(1), nn.Conv2d(3, 2, 3), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )

             def forward(self, x):
                 return self.net(x)
         ''')})

case("r8_nb_q7_head_weight_times_x_transposed", tool="colab",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F


         class CNN(torch.nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                 self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                 self.fc = torch.nn.Linear(1250, 1)

             def forward(self, x):
                 x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                 x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                 x = torch.flatten(x, 1)
                 # y = W x + b, as in the lecture's notation (one column per example)
                 return (self.fc.weight @ x.T).T + self.fc.bias
         ''')})

case("r8_nb_q7_max_pool_return_indices", tool="lab4",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F


         class CNN(torch.nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
                 self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
                 self.fc = torch.nn.Linear(1250, 1)
                 self.where_max = []  # the argmax positions, kept for a plot of what the pooling picked

             def forward(self, x):
                 self.where_max = []
                 for conv in (self.conv1, self.conv2):
                     x, idx = F.max_pool2d(F.relu(conv(x)), 2, return_indices=True)
                     self.where_max.append(idx)
                 return self.fc(x.flatten(1))
         ''')})

case("r8_nb_q7_relu_as_mean_of_x_and_abs",
     answers={"q7": d('''
         import torch
         from torch import nn


         def relu(x):
             # max(x, 0) = (x + |x|) / 2
             return (x + x.abs()) / 2


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                 self.pool1 = nn.MaxPool2d(2)
                 self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                 self.pool2 = nn.MaxPool2d(2)
                 self.fc = nn.Linear(2 * 25 * 25, 1)

             def forward(self, x):
                 x = self.pool1(relu(self.conv1(x)))
                 x = self.pool2(relu(self.conv2(x)))
                 return self.fc(x.view(x.size(0), -1))
         ''')})

case("r8_nb_q7_forward_pre_hook_adds_channel", tool="vscode",
     answers={"q7": d('''
         import torch
         from torch import nn


         def add_channel_axis(module, inputs):
             """Accept (N, 100, 100) too: a grey image has one channel."""
             (x,) = inputs
             if x.dim() == 3:
                 return (x.unsqueeze(1),)
             return None


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.features = nn.Sequential(
                     nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                 )
                 self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))
                 self.register_forward_pre_hook(add_channel_axis)

             def forward(self, x):
                 return self.head(self.features(x))
         '''),
     },
     after={"q7": ["CNN()(torch.zeros(2, 100, 100)).shape, CNN()(torch.zeros(2, 1, 100, 100)).shape"]})

case("r8_nb_q7_positional_conv_args_tuples",
     answers={"q7": d('''
         import torch.nn as nn


         class CNN(nn.Module):
             def __init__(self):
                 super(CNN, self).__init__()
                 self.c1 = nn.Conv2d(1, 3, (3, 3), (1, 1), (1, 1), (1, 1), 1, True, "zeros")
                 self.p1 = nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)
                 self.c2 = nn.Conv2d(3, 2, (3, 3), (1, 1), (1, 1))
                 self.p2 = nn.MaxPool2d((2, 2), (2, 2))
                 self.flat = nn.Flatten(1, -1)
                 self.out = nn.Linear(in_features=2 * 25 * 25, out_features=1, bias=True)
                 self.act = nn.ReLU(inplace=False)

             def forward(self, x):
                 return self.out(self.flat(self.p2(self.act(self.c2(self.p1(self.act(self.c1(x))))))))
         ''')})

case("r8_nb_q8_conv_block_lambda_kwonly_convnet_defaults", tool="lab4",
     answers={"q8": d('''
         import torch
         from torch import nn

         conv_block = lambda input_channels, output_channels: nn.Sequential(
             nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


         class ConvNet(nn.Module):
             def __init__(self, input_channels=1, *, width=3, depth=5, image_size=128):
                 super().__init__()
                 channels = [input_channels] + [width] * depth
                 self.blocks = nn.Sequential(*[conv_block(a, b) for a, b in zip(channels, channels[1:])])
                 self.flatten = nn.Flatten()
                 self.linear = nn.Linear(width * image_size * image_size, 1)

             def forward(self, x):
                 return self.linear(self.flatten(self.blocks(x)))


         print(sum(p.numel() for p in ConvNet(1).parameters()))
         ''')})

case("r8_nb_q8_blocks_from_generator_f_linear_head", tool="deepnote",
     answers={"q8": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         def conv_block(input_channels, output_channels):
             block = nn.Sequential()
             block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
             block.add_module("relu", nn.ReLU())
             return block


         class ConvNet(nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.body = nn.Sequential(*(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]))
                 self.fc = nn.Linear(3 * 128 * 128, 1)

             def forward(self, x):
                 x = torch.flatten(self.body(x), start_dim=1)
                 return F.linear(x, self.fc.weight, self.fc.bias)
         ''')})

case("r8_nb_q8_five_named_blocks_nested_calls_shape_assert",
     answers={"q8": d('''
         import torch


         def conv_block(input_channels, output_channels):
             conv = torch.nn.Conv2d(in_channels=input_channels, out_channels=output_channels, kernel_size=3, padding=1)
             return torch.nn.Sequential(conv, torch.nn.ReLU())


         class ConvNet(torch.nn.Module):
             def __init__(self, input_channels):
                 super().__init__()
                 self.input_channels = input_channels
                 self.block1 = conv_block(input_channels, 3)
                 self.block2 = conv_block(3, 3)
                 self.block3 = conv_block(3, 3)
                 self.block4 = conv_block(3, 3)
                 self.block5 = conv_block(3, 3)
                 self.flatten = torch.nn.Flatten()
                 self.fc = torch.nn.Linear(49152, 1)

             def forward(self, x):
                 assert x.shape[1] == self.input_channels, f"expected {self.input_channels} channels, got {x.shape[1]}"
                 return self.fc(self.flatten(self.block5(self.block4(self.block3(self.block2(self.block1(x)))))))
         ''')})

# ---- scripts -----------------------------------------------------------------------------------------------------

case("r8_py_nbconvert_script_get_ipython_calls", tool="nbconvert",
     before={"q1": ["get_ipython().system('pip install -q torchsummary')\n",
                    "get_ipython().run_line_magic('matplotlib', 'inline')\nget_ipython().run_line_magic('load_ext', 'autoreload')\n"],
             "q6": ["get_ipython().run_cell_magic('time', '', 'import torch\\nwarm = torch.zeros(3, 3).sum()\\n')\n"]},
     after={"q8": ["get_ipython().run_line_magic('timeit', '-n 1 -r 1 ConvNet(1)(torch.zeros(1, 1, 128, 128))')\n"]})

case("r8_py_percent_q2_star_args_kwargs", tool="percent",
     answers={"q2": d('''
         def conv_output_size(size, kernel_size, *args, **kwargs):
             """conv_output_size(size, kernel_size, stride=1, padding=0), positional or by keyword."""
             names = ("stride", "padding")
             if len(args) > len(names):
                 raise TypeError(f"at most {2 + len(names)} positional arguments")
             options = dict(stride=1, padding=0)
             options.update(zip(names, args))
             unknown = set(kwargs) - set(names)
             if unknown:
                 raise TypeError(f"unexpected keyword arguments {sorted(unknown)}")
             if set(kwargs) & set(names[:len(args)]):
                 raise TypeError("an argument was given twice")
             options.update(kwargs)
             padded = size + 2 * options["padding"]
             if padded < kernel_size:
                 raise ValueError("kernel larger than the padded input")
             return (padded - kernel_size) // options["stride"] + 1
         '''),
         "q5": d('''
         def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
             kh, kw = kernel_size if isinstance(kernel_size, (tuple, list)) else (kernel_size, kernel_size)
             return (in_channels * kh * kw + bias) * out_channels


         def linear_params(in_features, out_features, *rest, bias=True):
             if rest:  # linear_params(i, o, False), positional like torch.nn.Linear
                 (bias,) = rest
             return (in_features + bias) * out_features
         '''),
     })

case("r8_py_q5_torch_private_pair_helper",
     answers={"q5": d('''
         from torch.nn.modules.utils import _pair


         def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
             kh, kw = _pair(kernel_size)  # how Conv2d itself turns 3 into (3, 3)
             return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


         def linear_params(in_features, out_features, bias=True):
             return out_features * in_features + (out_features if bias else 0)
         ''')})

case("r8_py_q7_mm_transpose_and_q8_mT_heads",
     answers={
         "q7": d('''
             import torch
             import torch.nn.functional as F


             class CNN(torch.nn.Module):
                 def __init__(self):
                     super().__init__()
                     self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
                     self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
                     self.fc = torch.nn.Linear(1250, 1)

                 def forward(self, x):
                     x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                     x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                     x = x.reshape(x.shape[0], -1)
                     return torch.mm(x, self.fc.weight.transpose(0, 1)) + self.fc.bias
             '''),
         "q8": d('''
             import torch


             def conv_block(input_channels, output_channels):
                 return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


             class ConvNet(torch.nn.Module):
                 def __init__(self, input_channels):
                     super().__init__()
                     self.features = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                     self.fc = torch.nn.Linear(49152, 1)

                 def forward(self, x):
                     x = self.features(x).flatten(1)
                     return x @ self.fc.weight.mT + self.fc.bias
             '''),
     })

case("r8_py_q7_frozen_and_eval_in_init",
     answers={"q7": d('''
         import torch
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.layers = nn.Sequential(
                     nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                     nn.Flatten(), nn.Linear(1250, 1),
                 )
                 # only used for inference in this notebook: no gradients, evaluation mode
                 self.requires_grad_(False)
                 self.eval()

             def forward(self, x):
                 return self.layers(x)
         ''')})

case("r8_py_q7_threshold_and_clamp_min_relus",
     answers={"q7": d('''
         import torch
         import torch.nn.functional as F
         from torch import nn


         class CNN(nn.Module):
             def __init__(self):
                 super().__init__()
                 self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                 self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                 self.pool = nn.MaxPool2d(2)
                 self.fc = nn.Linear(1250, 1)

             def forward(self, x):
                 x = self.pool(F.threshold(self.conv1(x), 0.0, 0.0))  # ReLU: values <= 0 become 0
                 x = self.pool(self.conv2(x).clamp_min(0))
                 return self.fc(torch.flatten(x, 1))
         ''')})

case("r8_py_q1_numpy_str_q9_zip_flags_q10_fromkeys_update",
     answers={
         "q1": 'import numpy as np\n\nq1_answer = np.str_("C")\n',
         "q9": d('''
             flags = (False, False, True, False, False)
             q9_true = {letter for letter, flag in zip("ABCDE", flags) if flag}
             '''),
         "q10": d('''
             q10_answers = dict.fromkeys(range(1, 9), False)
             q10_answers.update({1: True, 3: True, 4: True, 7: True})
             '''),
     })

case("r8_py_q6_itertools_accumulate_chain_zip_strict",
     answers={"q6": d('''
         import itertools

         import torch

         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


         def starts(length, window, step):
             """0, step, 2*step, ... while a window still fits."""
             count = (length - window) // step + 1
             return list(itertools.accumulate(itertools.repeat(step, count - 1), initial=0))


         def conv2d(image, kernel, stride=1, padding=0):
             h, w = image.shape
             grid = torch.zeros(h + 2 * padding, w + 2 * padding)
             grid[padding:padding + h, padding:padding + w] = image
             rows = grid.tolist()
             kh, kw = kernel.shape
             flat_kernel = list(itertools.chain.from_iterable(kernel.tolist()))
             out = []
             for r in starts(len(rows), kh, stride):
                 line = []
                 for c in starts(len(rows[0]), kw, stride):
                     window = itertools.chain.from_iterable(row[c:c + kw] for row in rows[r:r + kh])
                     line.append(sum(a * b for a, b in zip(window, flat_kernel, strict=True)))
                 out.append(line)
             return torch.tensor(out, dtype=image.dtype)


         def max_pool2d(image, kernel_size=2):
             rows = image.tolist()
             k = kernel_size
             h, w = len(rows) // k, len(rows[0]) // k
             return torch.tensor([[max(itertools.chain.from_iterable(row[j * k:(j + 1) * k] for row in rows[i * k:(i + 1) * k]))
                                   for j in range(w)] for i in range(h)], dtype=image.dtype)
         ''')})

case("r8_py_q6_property_setters_validated_config",
     answers={"q6": d('''
         import torch


         class Window:
             """Kernel geometry with validated, read-write properties."""

             def __init__(self, height, width, stride=1, padding=0):
                 self.height, self.width = height, width
                 self.stride = stride
                 self.padding = padding

             @property
             def stride(self):
                 return self._stride

             @stride.setter
             def stride(self, value):
                 if int(value) != value or value < 1:
                     raise ValueError(f"stride must be a positive int, got {value!r}")
                 self._stride = int(value)

             @property
             def padding(self):
                 return self._padding

             @padding.setter
             def padding(self, value):
                 if int(value) != value or value < 0:
                     raise ValueError(f"padding must be a non-negative int, got {value!r}")
                 self._padding = int(value)

             def out_size(self, h, w):
                 p, s = self.padding, self.stride
                 return (h + 2 * p - self.height) // s + 1, (w + 2 * p - self.width) // s + 1

             def __eq__(self, other):
                 return isinstance(other, Window) and (self.height, self.width, self.stride, self.padding) == (
                     other.height, other.width, other.stride, other.padding)

             __hash__ = None


         def conv2d(image, kernel, stride=1, padding=0):
             win = Window(*kernel.shape, stride=stride, padding=padding)
             p, s = win.padding, win.stride
             padded = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
             padded[p:p + image.shape[0], p:p + image.shape[1]] = image
             oh, ow = win.out_size(*image.shape)
             out = torch.zeros(oh, ow)
             for i in range(oh):
                 for j in range(ow):
                     out[i, j] = (padded[i * s:i * s + win.height, j * s:j * s + win.width] * kernel).sum()
             return out


         def max_pool2d(image, kernel_size=2):
             win = Window(kernel_size, kernel_size, stride=kernel_size)
             oh, ow = win.out_size(*image.shape)
             k = win.stride
             out = torch.zeros(oh, ow)
             for i in range(oh):
                 for j in range(ow):
                     out[i, j] = image[i * k:i * k + k, j * k:j * k + k].max()
             return out


         q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.float32)
         ''')})

case("r8_py_q9_q10_parsed_from_notes_with_re",
     answers={
         "q9": d('''
             import re

             NOTES = """
             (A) false - input is (N, C, H, W)
             (B) false - output is (N, C, H, W)
             (C) true  - weight is (out, in, kH, kW)
             (D) false - not always
             (E) false - not always
             """
             q9_true = {m.group(1) for m in re.finditer(r"\\((\\w)\\)\\s+true", NOTES)}
             '''),
         "q10": d('''
             TABLE = """
             1 | T
             2 | F
             3 | T
             4 | T
             5 | F
             6 | F
             7 | T
             8 | F
             """
             q10_answers = {int(n): v == "T" for n, v in re.findall(r"(\\d)\\s*\\|\\s*([TF])", TABLE)}
             '''),
     })


case("r8_py_q6_validated_descriptors_set_name",
     answers={"q6": d('''
         import torch


         class PositiveInt:
             """A reusable validated attribute (a data descriptor), instead of one property per field."""

             def __init__(self, minimum=1):
                 self.minimum = minimum

             def __set_name__(self, owner, name):
                 self.private = "_" + name
                 self.public = name

             def __get__(self, obj, objtype=None):
                 if obj is None:
                     return self
                 return obj.__getattribute__(self.private)

             def __set__(self, obj, value):
                 if not isinstance(value, int) or value < self.minimum:
                     raise ValueError(f"{self.public} must be an int >= {self.minimum}, got {value!r}")
                 object.__setattr__(obj, self.private, value)


         class Sliding:
             stride = PositiveInt(1)
             padding = PositiveInt(0)

             def __init__(self, stride, padding):
                 self.stride = stride
                 self.padding = padding


         def conv2d(image, kernel, stride=1, padding=0):
             cfg = Sliding(stride, padding)
             p, s = cfg.padding, cfg.stride
             kh, kw = kernel.shape
             x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p)
             x[p:p + image.shape[0], p:p + image.shape[1]] = image
             out = torch.zeros((x.shape[0] - kh) // s + 1, (x.shape[1] - kw) // s + 1)
             for i in range(out.shape[0]):
                 for j in range(out.shape[1]):
                     out[i, j] = (x[i * s:i * s + kh, j * s:j * s + kw] * kernel).sum()
             return out


         def max_pool2d(image, kernel_size=2):
             k = Sliding(kernel_size, 0).stride
             out = torch.zeros(image.shape[0] // k, image.shape[1] // k)
             for i in range(out.shape[0]):
                 for j in range(out.shape[1]):
                     out[i, j] = image[i * k:i * k + k, j * k:j * k + k].max()
             return out


         q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
         ''')})

case("r8_nb_q6_init_subclass_layer_registry", tool="lab4",
     answers={"q6": d('''
         import torch

         LAYERS = {}


         class Layer:
             """Base class; every subclass registers itself under its `kind`."""
             kind = None

             def __init_subclass__(cls, **kwargs):
                 super().__init_subclass__(**kwargs)
                 LAYERS[cls.kind] = cls

             def __call__(self, image):
                 return self.forward(image)


         class Conv(Layer):
             kind = "conv"

             def __init__(self, kernel, stride=1, padding=0):
                 self.kernel, self.stride, self.padding = kernel, stride, padding

             def forward(self, image):
                 p, s = self.padding, self.stride
                 kh, kw = self.kernel.shape
                 x = torch.zeros(image.shape[0] + 2 * p, image.shape[1] + 2 * p, dtype=image.dtype)
                 x[p:p + image.shape[0], p:p + image.shape[1]] = image
                 rows = []
                 for i in range(0, x.shape[0] - kh + 1, s):
                     rows.append(torch.stack([(x[i:i + kh, j:j + kw] * self.kernel).sum()
                                              for j in range(0, x.shape[1] - kw + 1, s)]))
                 return torch.stack(rows)


         class MaxPool(Layer):
             kind = "maxpool"

             def __init__(self, size=2):
                 self.size = size

             def forward(self, image):
                 k = self.size
                 return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
                                     for i in range(0, image.shape[0] - k + 1, k)])


         def conv2d(image, kernel, stride=1, padding=0):
             return LAYERS["conv"](kernel, stride, padding)(image)


         def max_pool2d(image, kernel_size=2):
             return LAYERS["maxpool"](kernel_size)(image)


         q6_output = conv2d(torch.tensor([[3., 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]),
                            torch.tensor([[0., 1, 2], [2, 2, 0], [0, 1, 2]]))
         ''')})


def main() -> None:
    for old in HERE.glob("r8_*"):
        old.unlink()
    for name, spec in CASES.items():
        if name.startswith("r8_nb_"):
            write_notebook(name, spec)
        else:
            write_script(name, spec)
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
