"""The judge's own reading of a hand-written convolution (grader.questions.static)."""

from __future__ import annotations

import ast
import json

import pytest

from grader.questions import bank, static
from grader.questions.static import (MAX_CONTAINERS, RUNNING_BESIDE, STARTED_WHILE_CHECKED, StartWatch, by_hand_findings,
                                     unreadable_findings)
from tests.conftest import CORPUS

HAND_WRITTEN = '''
import torch

def _window_sum(window, kernel):
    return (window * kernel).sum()

def conv2d(image, kernel, stride=1, padding=0):
    out = torch.zeros(2, 2)
    out[0, 0] = _window_sum(image[:2, :2], kernel)
    return out
'''


def found(units, function="conv2d"):
    return [(f.kind, f.what) for f in by_hand_findings(tuple(units), function)]


def test_a_hand_written_convolution_is_clean():
    assert found([HAND_WRITTEN]) == []


@pytest.mark.parametrize("source, expected", [
    ("import torch.nn.functional as F\ndef conv2d(i, k, stride=1, padding=0):\n    return F.conv2d(i, k)\n",
     ("builtin", "F.conv2d")),
    ("from torch.nn.functional import conv2d as c\ndef conv2d(i, k, stride=1, padding=0):\n    return c(i, k)\n",
     ("builtin", "import of torch.nn.functional.conv2d")),
    ("import torch\nhelper = torch.nn.functional.conv2d\ndef conv2d(i, k):\n    return helper(i, k)\n",
     ("builtin", "torch.nn.functional.conv2d")),
    ("import torch\ndef inner(i, k):\n    return torch.nn.Conv2d(1, 1, 3)(i)\ndef conv2d(i, k):\n    return inner(i, k)\n",
     ("builtin", "torch.nn.Conv2d")),
    ("import torch\nfor helper in [torch.conv2d]:\n    pass\ndef conv2d(i, k):\n    return helper(i, k)\n",
     ("builtin", "torch.conv2d")),                              # bound by `for`
    ("import torch\ntry:\n    helper = torch.conv_tbc\nexcept Exception:\n    helper = None\n"
     "def conv2d(i, k):\n    return helper(i, k)\n", ("builtin", "torch.conv_tbc")),   # bound in `try`
    ("import torch\ndef conv2d(i, k):\n    return i\ndef swap():\n    global conv2d\n    conv2d = torch.conv2d\n"
     "swap()\n", ("builtin", "torch.conv2d")),                  # rebound by a `global` statement
    # a class of the submission's own that holds torch's convolution, however it gets it
    ("import torch.nn.functional as F\nclass ByHand:\n    conv2d = staticmethod(F.conv2d)\nconv2d = ByHand.conv2d\n",
     ("builtin", "F.conv2d")),
    ("import torch\nclass ByHand:\n    pass\nByHand.conv2d = torch.conv2d\nconv2d = ByHand.conv2d\n",
     ("builtin", "torch.conv2d")),
    ("import torch\nclass ByHand(torch.nn.Conv2d):\n    pass\ndef conv2d(i, k):\n    return ByHand(1, 1, 3)(i)\n",
     ("builtin", "torch.nn.Conv2d")),
    ("import torch\nclass ByHand:\n    pass\nsetattr(ByHand, 'conv2d', torch.conv2d)\nconv2d = ByHand.conv2d\n",
     ("builtin", "setattr(..., 'conv2d')")),
    ("import torch\nByHand = torch.nn.functional\ndef conv2d(i, k):\n    return ByHand.conv2d(i, k)\n",
     ("builtin", "ByHand.conv2d")),
    ("import torch\ndef conv2d(i, k):\n    return getattr(torch, 'con' + 'v2d')(i, k)\n",
     ("unverifiable", "getattr with a computed name")),
    ("import torch\ndef conv2d(i, k):\n    with torch._C.DisableTorchFunction():\n        return i\n",
     ("unverifiable", "torch._C")),
    # a constant getter is the attribute it names (fairness round 7); the module handed to it is what is found
    ("import operator, torch.nn.functional as F\ndef conv2d(i, k):\n    return operator.attrgetter('c')(F)(i, k)\n",
     ("unverifiable", "the module F passed as a value")),
    ("import operator, torch.nn.functional as F\nname = 'c'\ndef conv2d(i, k):\n"
     "    return operator.attrgetter(name)(F)(i, k)\n", ("unverifiable", "operator.attrgetter")),
    ("import torch.nn.functional as F\ndef conv2d(i, k):\n    return F.__dict__['c' + 'onv2d'](i, k)\n",
     ("unverifiable", "F.__dict__")),
    ("import threading\n" + HAND_WRITTEN, ("unverifiable", "import threading (threads)")),
    ("import torch\nunit = torch.jit.CompilationUnit('')\n" + HAND_WRITTEN, ("unverifiable", "torch.jit")),
    ("import sys\nsys.settrace(None)\n" + HAND_WRITTEN, ("unverifiable", "sys.settrace")),
    ("exec('x = 1')\n" + HAND_WRITTEN, ("unverifiable", "exec")),
    ("import torch\n_hooks = torch.autograd.graph.saved_tensors_hooks(print, print)\n" + HAND_WRITTEN,
     ("unverifiable", "torch.autograd.graph.saved_tensors_hooks")),
    ("import torch\ndef conv2d(i, k):\n    return torch.Tensor.apply_(i, float)\n",
     ("unverifiable", "torch.Tensor.apply_")),
    ("import traceback\nframes = traceback.walk_stack(None)\n" + HAND_WRITTEN,
     ("unverifiable", "traceback.walk_stack")),
    ("import torch\ntorch.Tensor.sum = torch.Tensor.mean\n" + HAND_WRITTEN,
     ("unverifiable", "torch.Tensor.sum = ... (patches an imported module)")),
    ("open('helper.py', 'w').write('x' * 2)\nimport helper\n" + HAND_WRITTEN,  # a text the judge cannot read
     ("unverifiable", "import helper (a module that is not installed, in a submission that writes files: "
                      "write)")),
])
def test_built_in_convolution_and_unreadable_code_are_found_however_they_are_reached(source, expected):
    assert expected in found([source])


def test_methods_of_the_submissions_own_classes_are_its_own_code():
    # Helpers grouped in classes, the asked-for names bound at the end (a fairness case).
    source = HAND_WRITTEN.replace("def conv2d(", "def _conv2d(") + (
        "class Shapes:\n    @staticmethod\n    def conv_output_size(n, k, s=1, p=0):\n        return (n + 2 * p - k) // s + 1\n"
        "class ByHand:\n    @staticmethod\n    def conv2d(image, kernel, stride=1, padding=0):\n"
        "        Shapes.conv_output_size(3, 2)\n        return _conv2d(image, kernel, stride, padding)\n"
        "conv2d = ByHand.conv2d\n")
    assert found([source]) == []


def test_a_special_method_aliased_in_its_class_body_is_the_classes_own():
    """Fairness round 12: ``__repr__ = __str__`` names the class's own ``def __str__``; it was read as the builtins
    module's attribute, 'a built-in outside the ones the grader knows' (q6 by hand -3)."""
    window = ("class Window:\n    def __init__(self, v):\n        self.v = v\n"
              "    def __str__(self):\n        return f'Window({self.v})'\n    __repr__ = __str__\n")
    uses = HAND_WRITTEN.replace("def conv2d(image, kernel, stride=1, padding=0):\n",
                                "def conv2d(image, kernel, stride=1, padding=0):\n    repr(Window(image))\n")
    assert uses != HAND_WRITTEN and found([window + uses]) == []
    # The builtins module's own namespace still counts: its entries are built-ins, known or not.
    hidden = uses.replace("repr(Window(image))", "__build_class__")
    assert [f for f in found([window + hidden]) if "__build_class__" in f[1]]


def test_the_definition_in_force_counts_not_a_first_draft():
    draft = "import torch.nn.functional as F\ndef conv2d(i, k, stride=1, padding=0):\n    return F.conv2d(i, k)\n"
    assert found([draft, HAND_WRITTEN]) == []
    assert found([HAND_WRITTEN, draft]) == [("builtin", "F.conv2d")]


DRAFT = "import torch.nn.functional as F\ndef conv2d(i, k, stride=1, padding=0):\n    return F.conv2d(i, k)\n"


#: Final definitions that may not be made: what comes before them in their unit may raise, or they may raise
#: themselves (attack rounds 174 and 175).
MAY_NOT_BE_MADE = [
    "print('version 2')\n" + HAND_WRITTEN,
    "import torch\nassert torch.cuda.is_available(), 'use a GPU runtime'\n" + HAND_WRITTEN,
    "import functools\n" + HAND_WRITTEN.replace("def conv2d(", "@functools.lru_cache(maxsize='unbounded')\ndef conv2d("),
    "import math\n" + HAND_WRITTEN.replace("padding=0):", "padding=0, scale=math.sqrt(-1.0)):"),
    "from numpy.add import reduce as conv2d\n",
]
MAY_NOT_BE_MADE_IDS = ["print-before", "assert-gpu", "decorator-raises", "default-raises", "import-of-no-module"]


def _statements(unit: str) -> int:
    return len(ast.parse(unit).body)


@pytest.mark.parametrize("final", MAY_NOT_BE_MADE, ids=MAY_NOT_BE_MADE_IDS)
def test_a_final_definition_that_may_not_have_been_made_leaves_the_first_draft_in_force(final):
    """The judge knows which top-level statements did not run to their end (Probe.statements_unsure): a binding there
    may not have been made, and the draft before it is read too.  Without that word (a probe that ran nothing) the
    last binding counts, as a student re-running a notebook would see it."""
    conv2d_at = next(i for i, st in enumerate(ast.parse(final).body)
                     if "conv2d" in getattr(st, "name", "") or isinstance(st, ast.ImportFrom))
    # the unit stopped in the final definition's statement, or in any before it
    for stopped in range(conv2d_at + 1):
        findings = by_hand_findings((DRAFT, final), "conv2d", unsure=((1, stopped, ()),))
        assert ("builtin", "F.conv2d") in [(f.kind, f.what) for f in findings], stopped
    # skipped (a missing library's statements), or its unit ended by the judge (stopped at 0)
    assert ("builtin", "F.conv2d") in found_unsure([DRAFT, final], ((1, -1, (conv2d_at,)),))
    # the unit ran to its end, or stopped after the definition: the hand-written one is in force
    assert found([DRAFT, final]) == []
    assert found_unsure([DRAFT, final], ((1, _statements(final), ()),)) == []
    assert found_unsure([DRAFT, final + "1 / 0\n"], ((1, _statements(final), ()),)) == []


def found_unsure(units, unsure, function="conv2d"):
    return [(f.kind, f.what) for f in by_hand_findings(tuple(units), function, unsure=unsure)]


def test_a_binding_that_may_not_have_been_made_hands_on_to_the_last_one_that_was():
    """Only as far back as a binding surely made: a draft before a hand-written version that ran stays out of it."""
    second = HAND_WRITTEN.replace("out[0, 0]", "out[0, 1]")
    assert found_unsure([DRAFT, HAND_WRITTEN, "print(1)\n" + second], ((2, 0, ()),)) == []
    assert ("builtin", "F.conv2d") in found_unsure([DRAFT, "print(1)\n" + HAND_WRITTEN, second],
                                                   ((1, 0, ()), (2, 0, ())))
    # a helper the hand-written conv2d calls, its last definition unsure, is read with the draft before it
    helper_draft = "import torch.nn.functional as F\ndef _window_sum(w, k):\n    return F.conv2d(w[None, None], k[None, None]).sum()\n"
    helper = "import numpy\ndef _window_sum(window, kernel):\n    return (window * kernel).sum()\n"
    calls_it = HAND_WRITTEN.replace("def _window_sum(window, kernel):\n    return (window * kernel).sum()\n", "")
    assert "def _window_sum" not in calls_it
    assert found_unsure([helper_draft, calls_it, helper], ()) == []
    assert ("builtin", "F.conv2d") in found_unsure([helper_draft, calls_it, helper], ((2, 0, ()),))
    assert found_unsure([helper_draft, calls_it, helper], ((2, 2, ()),)) == []  # (stopped after it)
    # an alias taken where the name's last binding may not have been made holds the draft
    alias = "kept = conv2d\n"
    assert ("builtin", "F.conv2d") in found_unsure(
        [DRAFT, HAND_WRITTEN, alias, "def conv2d(i, k, stride=1, padding=0):\n    return kept(i, k)\n"],
        ((1, 0, ()),))


@pytest.mark.parametrize("between", [
    "import torch\nif torch.cuda.is_available():\n{body}",
    "try:\n    import torchvision\n{body}except ImportError:\n    import torchvision\n",
    "for conv2d in ():\n    pass\n",
    "import contextlib\nwith contextlib.nullcontext():\n{body}",
], ids=["if", "colab-try", "empty-loop", "with"])
def test_a_binding_in_a_branch_a_loop_or_a_try_does_not_end_the_hand_on(between):
    """Attack round 180: a draft calling F.conv2d, a hand-written def in a branch never taken (or a `try` the missing
    library's skip left out), then a last def that was not made: the chain stopped at the branch's def, which may
    not have been made either, and the draft in force was never read."""
    body = "".join(f"    {line}\n" if line else "\n" for line in HAND_WRITTEN.splitlines())
    middle = between.format(body=body)
    last = "print(1)\n" + HAND_WRITTEN
    assert ("builtin", "F.conv2d") in found_unsure([DRAFT, middle, last], ((2, 0, ()),))
    assert found_unsure([DRAFT, middle, last], ()) == []  # the last def made: it alone is in force


WALRUS_DRAFT = "import torch.nn.functional as F\ndef _draft(i, k, stride=1, padding=0):\n    return F.conv2d(i, k)\n"


@pytest.mark.parametrize("run_it", ["next(_later)\n", "list(_later)\n", "for _ in _later:\n    pass\n"])
def test_a_walrus_in_a_generator_binds_whenever_the_generator_runs(run_it):
    """Attack round 181: `_later = ((conv2d := _draft) for _ in (0,))` above the hand-written defs binds nothing
    until the generator is advanced below them; every binding of the name may be the one in force."""
    later = "_later = ((conv2d := _draft) for _ in (0,))\n"
    assert ("builtin", "F.conv2d") in found([WALRUS_DRAFT + later, HAND_WRITTEN, run_it])


def test_a_walrus_in_a_list_comprehension_binds_where_it_is_written():
    """The control of the test above: a list comprehension runs at once, and the hand-written def made after it
    is in force."""
    assert found([WALRUS_DRAFT + "_now = [(conv2d := _draft) for _ in (0,)]\n", HAND_WRITTEN, "print(1)\n"]) == []


HAND = HAND_WRITTEN.replace("def conv2d(", "def _hand(")


@pytest.mark.parametrize("receiver", ["get_ipython()", "shell", "Stub"])
def test_a_magics_code_is_read_but_never_taken_as_made(receiver):
    """A magic's code runs only as the object it is called on runs it: a stand-in of the submission's own may run
    nothing (attack round 176), and the worker's shell is reached through any alias (round 177 turned its magics off).
    What the code binds is read, and hands on to the bindings before it."""
    stand_in = "import types\nshell = types.SimpleNamespace(run_line_magic=print)\nclass Stub:\n    run_line_magic = print\n"
    magic = f"{receiver}.run_line_magic('time', 'conv2d = _hand')\n"
    assert ("builtin", "F.conv2d") in found([DRAFT, stand_in + HAND, magic])
    cell = f"{receiver}.run_cell_magic('time', '', 'def conv2d(i, k, stride=1, padding=0):\\n    return _hand(i, k)')\n"
    assert ("builtin", "F.conv2d") in found([DRAFT, stand_in + HAND, cell])
    # what it binds is read: a rebinding to torch's convolution there is found, and a plain self-check costs nothing
    assert ("builtin", "F.conv2d") in found([stand_in + HAND_WRITTEN,
                                             f"import torch.nn.functional as F\n{receiver}.run_line_magic('time', "
                                             "'conv2d = F.conv2d')\n"])
    assert found([stand_in + HAND_WRITTEN, f"{receiver}.run_line_magic('time', 'out = conv2d(1, 2)')\n"]) == []


@pytest.mark.parametrize("block", [
    "    if True:\n        global conv2d\n        conv2d = _draft\n",
    "    for _ in range(1):\n        global conv2d\n        conv2d = _draft\n",
    "    try:\n        global conv2d\n        conv2d = _draft\n    finally:\n        pass\n",
    "    with open(__file__) as f:\n        global conv2d\n        conv2d = _draft\n",
], ids=["if", "for", "try", "with"])
def test_a_global_statement_in_a_block_of_a_class_body_rebinds_the_module_level_name(block):
    """Attack round 176: only `global` directly in a class body was collected; in its blocks it rebinds the name too."""
    draft = DRAFT.replace("def conv2d(", "def _draft(")
    assert ("builtin", "F.conv2d") in found([draft, HAND_WRITTEN, "class Restore:\n" + block])


@pytest.mark.parametrize("statement", [
    "@(lambda a=(conv2d := _first): (lambda f: f))()\ndef _settings():\n    return None\n",
    "def _settings(x=(lambda a=(conv2d := _first): 1)()):\n    return x\n",
    "def _settings(*, x=(lambda a=(conv2d := _first): 1)()):\n    return x\n",
    "class _Settings((lambda a=(conv2d := _first): object)()):\n    pass\n",
    "import functools\n@functools.lru_cache(maxsize=(lambda a=(conv2d := _first): 8)())\ndef _settings():\n    return 1\n",
], ids=["decorator", "default", "keyword-default", "base", "decorator-argument"])
def test_a_walrus_in_a_lambdas_default_inside_a_definitions_header_rebinds_the_module_level_name(statement):
    """Attack round 179: a lambda's defaults run where it is made, in a def's decorator, default or a class's base too."""
    first = DRAFT + "_first = conv2d\n"
    assert ("builtin", "F.conv2d") in found([first, HAND_WRITTEN, statement])


def test_a_definition_in_a_docstrings_examples_is_not_taken_to_be_made():
    """Attack round 175: doctest's examples are read as one more unit; whether they run, and in which namespace,
    is not known, so a hand-written conv2d there does not hide the draft in force."""
    doc = ('import doctest\ndef helper():\n    """\n    >>> def conv2d(i, k, stride=1, padding=0):\n'
           '    ...     return i\n    """\n')
    assert ("builtin", "F.conv2d") in found([DRAFT, doc])


def test_a_star_import_of_a_module_not_installed_binds_nothing_where_no_module_is_written():
    """Fairness round 106: `from torchvision.transforms import *` (not installed here) beside hand-written loops; the
    import fails, binding nothing, unless the submission writes files a later import may load."""
    assert found(["from torchvision.transforms import *\n" + HAND_WRITTEN]) == []
    writes = "from helpers import *\nopen('helpers.py', 'w').write(input())\n" + HAND_WRITTEN
    assert any("from helpers import *" in what for _, what in found([writes]))


def test_local_names_are_not_confused_with_top_level_ones():
    # A top-level self-check binds `out` (and `x`) to torch's convolution; conv2d's own `out` is local.
    self_check = ("import torch.nn.functional as F\nx = torch.ones(1, 1, 4, 4)\n"
                  "out = F.conv2d(x, torch.ones(1, 1, 2, 2))\nassert out.shape == (1, 1, 3, 3)\n")
    assert found([HAND_WRITTEN, self_check]) == []
    loop_local = ("import torch\nresult = torch.nn.functional.conv2d\n"
                  "def conv2d(image, kernel):\n    result = torch.zeros(2, 2)\n"
                  "    for out in range(2):\n        result[out] = sum(v for v in image[out])\n    return result\n")
    assert found([loop_local]) == []


def test_ordinary_notebook_code_elsewhere_does_not_count():
    cnn = ("import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
           "        for i in range(2):\n            setattr(self, f'conv{i}', torch.nn.Conv2d(1, 3, 3))\n"
           "    def forward(self, x):\n        return getattr(self, 'conv0')(x)\n")
    plots = "import matplotlib\nimport numpy as np\nimport torch\ntorch.backends.cudnn.deterministic = True\n"
    timed = "get_ipython().run_line_magic('time', 'y = 1')\n"
    assert found([cnn, plots, timed, HAND_WRITTEN]) == []


def test_a_time_magic_statement_is_read_as_code():
    magic = "get_ipython().run_line_magic('time', 'conv2d = torch.conv2d')\n"
    assert ("builtin", "torch.conv2d") in found(["import torch\n", HAND_WRITTEN, magic])


def test_cells_that_do_not_parse_are_skipped_and_no_source_means_no_finding():
    assert found(["def broken(:\n", HAND_WRITTEN]) == []
    assert by_hand_findings(None, "conv2d") == []


@pytest.mark.parametrize("source", [
    # a name local to a nested scope is not local to conv2d
    "import torch\n_c = torch.conv2d\ndef conv2d(i, k):\n    [_c for _c in ()]\n    return _c(i, k)\n",
    # default values run in the enclosing scope
    "import torch\n_c = torch.conv2d\ndef conv2d(i, k, _c=_c):\n    return _c(i, k)\n",
    # a star import binds the built-ins
    "from torch.nn.functional import *\ndef conv2d(i, k):\n    return conv3d(i, k)\n",
    # a container filled after its binding, through another name
    "import torch\nclass K: pass\n_O = K\n_O.f = staticmethod(torch.conv2d)\ndef conv2d(i, k):\n    return K.f(i, k)\n",
    "import torch\n_t = []\n_t.append(torch.conv2d)\ndef conv2d(i, k):\n    return _t[0](i, k)\n",
    # a match capture rebinds the name in force
    "import torch\ndef conv2d(i, k):\n    return i\nmatch (torch.conv2d,):\n    case (conv2d,):\n        pass\n",
])
def test_bindings_of_every_kind_and_changes_to_reachable_objects_are_read(source):
    assert any(kind == "builtin" for kind, _ in found([source])), found([source])


def test_docstrings_and_messages_that_name_the_builtin_are_fine():
    documented = ('import torch\ndef conv2d(image, kernel):\n    """A 2-D cross-correlation, like F.conv2d."""\n'
                  '    assert image.dim() == 2, "conv2d expects a 2-D image"\n    return image\n')
    assert found([documented]) == []


def test_a_chain_of_aliases_is_bounded():
    chain = "class K: pass\na0 = K\n" + "".join(f"a{i + 1} = a{i}\n" for i in range(500))
    assert ("unverifiable", "more than 50 chained aliases") in found([chain + "def conv2d(i, k):\n    return K\n"])


# -- correct answers in unexpected styles (issue 9): innocent uses, and the cheats they must not let through --

OWN_ATTRIBUTES = '''
import torch

class HandConv:
    def __init__(self, kernel, stride=1, padding=0):
        self.conv_kernel, self.conv_stride = kernel, stride
        self.conv_padding = padding

    def __call__(self, image):
        p, s = self.conv_padding, self.conv_stride
        return (image[p:, s:] * self.conv_kernel).sum()

class Shapes:
    @staticmethod
    def conv_output_size(n, k):
        return n - k + 1

    @classmethod
    def both(cls, n, k):
        return cls.conv_output_size(n, k)

def conv2d(image, kernel, stride=1, padding=0):
    Shapes.both(5, 3)
    return HandConv(kernel, stride, padding)(image)
'''


def test_attributes_a_method_s_own_class_sets_are_its_own_code():
    assert found([OWN_ATTRIBUTES]) == []


LOSS_HISTORY = HAND_WRITTEN + '''
class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)

    def forward(self, x):
        return self.conv1(x)

model = CNN().to("cpu")
losses = []
for step in range(2):
    losses.append(model(torch.zeros(1, 1, 4, 4)).sum())
losses = torch.tensor(losses)
'''


def test_a_training_loop_s_loss_history_is_not_code_stored():
    # fairness round 16: the list rebound and a method chained on the constructor read CNN's layers from conv2d
    assert found([LOSS_HISTORY]) == []


def test_torch_s_convolution_returned_by_a_method_of_a_fresh_instance_is_still_found():
    # what the loss-history fix loosened (a called method of `Cls()` no longer stores the whole class) opens no way
    cheat = LOSS_HISTORY.replace("def conv2d(", "def _unused(") + (
        "import torch.nn.functional as F\nclass Base:\n    def get(self):\n        return F.conv2d\n"
        "class Ops(Base):\n    pass\ntable = {}\ntable = dict(table)\ntable['c'] = Ops().get()\n"
        "def conv2d(image, kernel, stride=1, padding=0):\n    return table['c'](image, kernel)\n")
    assert "builtin" in dict(found([cheat]))


def _class_chain(n: int) -> str:
    """``n`` classes, each deriving from the one before, defined where they never run."""
    return "if False:\n    class C0:\n        x0 = 1\n" + "".join(
        f"    class C{i}(C{i - 1}):\n        x{i} = {i}\n" for i in range(1, n))


def test_a_deep_chain_of_classes_is_read_without_recursion():
    # Past 1,000 bases the reading used to recurse out of Python's stack (a grader-error in every q6 check).
    ok = "class Hand:\n    def run(self, i, k):\n        return self.x999 + i\n"
    assert found([HAND_WRITTEN + _class_chain(999) + ok]) == []


def test_more_classes_than_the_reader_follows_is_a_finding_of_its_own():
    from grader.questions.static import MAX_CLASSES

    what = dict(found([HAND_WRITTEN + _class_chain(MAX_CLASSES + 1)]))
    assert what.get("unverifiable", "").startswith(f"{MAX_CLASSES + 1} class definitions")
    assert found([HAND_WRITTEN + _class_chain(MAX_CLASSES)]) == []


@pytest.mark.parametrize("source, expected", [
    # the method called through its class with torch's module as `self`: self.conv2d is then F.conv2d
    ("import torch.nn.functional as F\nclass Hand:\n    def conv2d(self, i, k):\n        return i\n"
     "    def run(self, i, k):\n        return self.conv2d(i, k)\n"
     "def conv2d(i, k):\n    return Hand.run(F, i, k)\n", ("unverifiable", "the module F passed as a value")),
    # an attribute the class never sets is still read by its name
    ("import torch\nclass Hand:\n    def run(self, i, k):\n        return self.conv2d(i, k)\n"
     "def conv2d(i, k):\n    return Hand().run(i, k)\n", ("builtin", "self.conv2d")),
    # what the class sets is read: torch's convolution put there is found
    ("import torch\nclass Hand:\n    def __init__(self):\n        self.conv_fn = torch.conv2d\n"
     "    def run(self, i, k):\n        return self.conv_fn(i, k)\n"
     "def conv2d(i, k):\n    return Hand().run(i, k)\n", ("builtin", "torch.conv2d")),
])
def test_own_attributes_leave_no_way_around_the_reading(source, expected):
    assert expected in found([source])


@pytest.mark.parametrize("source", [
    # a timing decorator keeps a number on itself
    "import time\ndef timed(fn):\n    def wrapper(*a):\n        t = time.time()\n        r = fn(*a)\n"
    "        timed.last = time.time() - t\n        return r\n    return wrapper\n" + HAND_WRITTEN.replace(
        "def conv2d", "@timed\ndef conv2d"),
    # inspect for source and signatures
    "import inspect\n" + HAND_WRITTEN + "print(inspect.getsource(conv2d), inspect.signature(conv2d))\n",
    "from inspect import signature\n" + HAND_WRITTEN + "print(signature(conv2d))\n",
    # TorchScript compiling the def's own source
    HAND_WRITTEN.replace("def conv2d", "@torch.jit.script\ndef conv2d"),
])
def test_innocent_uses_of_inspect_jit_and_function_attributes_cost_nothing(source):
    assert found([source]) == []


@pytest.mark.parametrize("source, expected", [
    ("import inspect\n" + HAND_WRITTEN + "frames = inspect.stack()\n",
     ("unverifiable", "inspect (inspect, for more than reading source and signatures)")),
    ("from inspect import currentframe\n" + HAND_WRITTEN, ("unverifiable", "from inspect import currentframe")),
    (HAND_WRITTEN + "conv2d.__code__ = (lambda i, k: i).__code__\n",
     ("unverifiable", "conv2d.__code__ = ... (changes a function or class)")),
    (HAND_WRITTEN + "traced = torch.jit.trace(conv2d, (torch.ones(3, 3), torch.ones(2, 2)))\n",
     ("unverifiable", "torch.jit")),
])
def test_what_inspect_jit_and_function_changes_can_hide_is_still_found(source, expected):
    assert expected in found([source])


def _model_rule(units):
    return [f.what for f in unreadable_findings(tuple(units), models=True)]


def test_namespace_reads_cost_the_by_hand_part_only():
    source = HAND_WRITTEN + "globals().update(q1_answer='C')\n"
    assert ("unverifiable", "globals") in found([source])
    assert _model_rule([source]) == []


WRITES_HELPER = '''
HELPERS = {text!r}
with open('helpers.py', 'w') as f:
    f.write(HELPERS)
import importlib
import helpers
importlib.reload(helpers)
from helpers import conv2d
'''


def test_a_module_the_submission_writes_costs_the_by_hand_part_only_when_its_text_is_read():
    benign = WRITES_HELPER.format(text=HAND_WRITTEN)
    assert any(kind == "unverifiable" and "helpers" in what for kind, what in found([benign]))
    assert _model_rule([benign]) == []
    # what the written module does is read: threads in it still cost the models their points
    hidden = WRITES_HELPER.format(text="import threading\n" + HAND_WRITTEN)
    assert "import threading (threads) (in the code it writes to a file)" in _model_rule([hidden])
    # a text built at run time cannot be read: the models lose their points as before
    computed = WRITES_HELPER.format(text=HAND_WRITTEN).replace("f.write(HELPERS)", "f.write(HELPERS.upper())")
    assert any("helpers" in what for what in _model_rule([computed]))
    # printed into the file: not a text the reader sees
    printed = WRITES_HELPER.format(text=HAND_WRITTEN).replace("f.write(HELPERS)", "print(HELPERS, file=f)")
    assert any("helpers" in what for what in _model_rule([printed]))


def test_writefile_cell_is_read_like_any_written_text():
    cell = f"get_ipython().run_cell_magic('writefile', 'helpers.py', {('import threading' + chr(10)) !r})\n"
    units = [cell, "import helpers\n"]
    assert "import threading (threads) (in the code it writes to a file)" in _model_rule(units)
    assert _model_rule([cell.replace("import threading", "import torch"), "import helpers\n"]) == []


# -- issue 11: what reaches objects by a value, not by a name in the text ------------------------------------------

@pytest.mark.parametrize("source, expected", [
    # the attribute functions are readable only as a direct call
    ("import torch\nlook = getattr\n_c = look(torch, '_C')\n", "getattr used as a value (only a direct call can be read)"),
    ("import torch\n_c = getattr.__call__(torch, '_C')\n", "getattr used as a value (only a direct call can be read)"),
    ("import functools, torch\n_f = functools.partial(functools.reduce, getattr)\n",
     "getattr used as a value (only a direct call can be read)"),
    ("import torch.nn.functional as F\n_t = dict(zip(dir(F), map(getattr, [F] * 3, dir(F))))\n",
     "getattr used as a value (only a direct call can be read)"),
    ("def fetch(owner, name, _look=getattr):\n    return _look(owner, name)\n",
     "getattr used as a value (only a direct call can be read)"),
    ("getattr = print\n", "getattr = ... (rebinding a built-in that reaches names)"),
    ("import sys\nf = getattr(sys, '_get' + 'frame')\n", "getattr with a computed name"),
    ("import sys\nf = getattr(sys, '_getframe')\n", "getattr(..., '_getframe')"),
    ("import torch\nok = hasattr(torch, '_C')\n", "hasattr(..., '_C')"),
    ("import torch\ndef look(self, name):\n    return getattr(self, name)\nlook(torch, '_C')\n",
     "getattr with a computed name"),                                    # a `self` that is not a method's
    ("import torch\nclass K:\n    def look(self, name):\n        return getattr(self, '_' + name)\n",
     "getattr with a computed name"),                                    # a method's, but a private name
    # a module used as a value: laundered out of the reader's sight
    ("import operator, torch\n_op = (operator,)[0]\n", "the module operator used as a value"),
    ("import torch\ndef watched(t=torch):\n    return t\n", "the module torch used as a value"),
    # unreadable and private attributes, however the object was reached
    ("import operator\n_a = [operator][0].attrgetter('x')\n", "(...).attrgetter"),
    ("import torch\nclass Lib:\n    t = torch\nn = Lib.t._C._len_torch_function_stack()\n", "Lib.t._C"),
    ("import torch\nclass Lib:\n    t = torch\nh = Lib.t.overrides.TorchFunctionMode\n", "Lib.t.overrides.TorchFunctionMode"),
    ("import torch\nx = torch.serialization.pickle\n", "torch.serialization.pickle"),
    ("from torch.overrides import handle_torch_function\n", "from torch.overrides import handle_torch_function"),
    ("import torch.nn.functional as F\nj = F.torch.jit\n", "F.torch"),              # a module re-exported
    ("import os\nm = os.sys.modules\n", "os.sys"),
    ("import pandas as pd\nd = pd.DataFrame({'a': [1]}).eval('@torch._C', engine='python')\n",
     "(...).eval(...) (code in a string)"),
    # loaders that unpickle or resolve names from strings
    ("import io, numpy as np\nf = np.load(io.BytesIO(b''), allow_pickle=True)\n", "allow_pickle=True"),
    ("import io, numpy as np\nf = np.load(io.BytesIO(b''), None, True)\n",
     "numpy.load (it unpickles unless called with allow_pickle=False)"),
    ("import numpy as np\nopts = {}\nf = np.load('x.npy', **opts)\n",
     "numpy.load (it unpickles unless called with allow_pickle=False)"),
    ("import numpy as np\nload = np.load\n", "numpy.load (it unpickles unless called with allow_pickle=False)"),
    ("import pandas as pd\nf = pd.read_pickle('x')\n", "pd.read_pickle"),
    # torch.load's safe default (weights_only) switched by an environment variable whose name is computed
    ("import os, torch\nk = 'TORCH_FORCE_NO_' + 'WEIGHTS' + '_ONLY_LOAD'\nos.environ[k] = '1'\nf = torch.load('x.pt')\n",
     "os.environ[...] set with a computed name"),
    ("import os, torch\nos.environ.update({'TORCH_FORCE_NO_' + 'WEIGHTS_ONLY_LOAD': '1'})\n",
     "the environment changed with names the grader cannot read"),
    ("import yaml\nf = yaml.load(open('x.yml'), Loader=yaml.Loader)\n", "yaml.load"),
    ("import torch\nf = torch.load('x.pt', weights_only=False)\n", "weights_only=False"),
    ("import os\nos.environ['TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD'] = '1'\n",
     "torch.load's weights_only switched by the environment"),
    ("import joblib\n", "import joblib"),
    ("import shelve\n", "import shelve"),
    ("import yaml\nx = yaml.unsafe_load('')\n", "yaml.unsafe_load"),
    ("from unittest import mock\n", "import unittest.mock"),
    ("import typing\ndef f(a: 'torch._C'):\n    pass\nh = typing.get_type_hints(f)\n", "typing.get_type_hints"),
])
def test_what_reaches_objects_by_a_value_makes_the_submission_unreadable(source, expected):
    assert ("unverifiable", expected) in found([source + HAND_WRITTEN]), found([source + HAND_WRITTEN])


@pytest.mark.parametrize("source", [
    # the fairness corpus's styles: layers by name on self, an activation by name on torch.nn
    "import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
    "        for i in range(2):\n            setattr(self, f'conv{i}', torch.nn.Conv2d(1, 1, 3))\n"
    "    def forward(self, x):\n        for i in range(2):\n            x = getattr(self, f'conv{i}')(x)\n"
    "        return x if hasattr(self, 'conv0') else None\n",
    "import torch\nfrom torch import nn\nclass CNN(nn.Module):\n    def __init__(self, activation='ReLU'):\n"
    "        super().__init__()\n        self.act = getattr(nn, activation)()\n        self._cache = {}\n"
    "    def forward(self, x):\n        return self.act(x) if self._cache is not None else x\n",
    # everyday use of the names now watched
    "import os, numpy as np, pandas as pd, torch\n_T = torch\nprint(dir(torch)[:3], getattr(torch, '__version__'))\n"
    "if np:\n    table = pd.DataFrame({'a': [1]})\nx = np.load('x.npy') if os._exit is None else None\n"
    "w = torch.load('w.pt', weights_only=True)\nm = _T.nn.Linear(2, 2)\n",
])
def test_everyday_uses_of_the_watched_names_stay_readable(source):
    assert found([source + HAND_WRITTEN]) == []


def test_nested_scopes_are_bounded():
    deep = "def conv2d(i, k):\n    return " + "(lambda a: " * 45 + "a" + ")" * 45 + "\n"
    assert ("unverifiable", "more than 40 nested functions") in found([deep])
    shallow = "def conv2d(i, k):\n    return " + "(lambda a: " * 10 + "a" + ")" * 10 + "\n"
    assert found([shallow]) == []


def test_the_attackers_quadratic_case_is_read():
    # 21,000 locals and 26,000 lambdas in one conv2d: 40.8 s of the judge's CPU when each lambda copied the
    # locals, about 1.3 s now (measured, not asserted: the machine is shared); the reading itself must not change.
    source = (CORPUS / "batch_r3" / "r3_judge_static_quadratic.py").read_text()
    assert found([source]) == []


def test_the_nodes_of_one_long_function_share_its_locals_rather_than_copy_them():
    # a stress file of 3,000 loops in one function: each node's scope copied the function's locals (823 MB of the
    # judge's memory, 5.3 s) and looked for itself among the body's statements (quadratic); one set per function now
    import ast

    from grader.questions.static import _read, _scope_around

    body = "".join(f"    for i{n} in range(2):\n        out = out + i{n}\n" for n in range(50))
    source = "def conv2d(image, kernel):\n    out = 0\n" + body + "    return out\n"
    reading = _read((source,))
    names = [n for n in reading.nodes if isinstance(n, ast.Name) and n.id.startswith("i")]
    scopes = {id(_scope_around(reading, n)[0].names) for n in names}
    assert len(names) > 50 and len(scopes) == 1
    assert {"out", "i0", "i49", "image"} <= set(_scope_around(reading, names[-1])[0].names)


def test_a_question_the_reader_cannot_finish_in_its_budget_earns_nothing_and_is_not_asked_again(monkeypatch):
    import grader.questions.static as static

    source = HAND_WRITTEN + "\n_budget = 'a reading of its own'\n"
    monkeypatch.setattr(static, "READING_SECONDS", -1.0)  # (past the deadline from the first step)
    assert by_hand_findings((source,), "conv2d") == [static.READ_TOO_LONG]
    monkeypatch.setattr(static, "READING_SECONDS", 10.0)
    # given up once, given up for every later question about that reading (its memos may be half made)...
    assert by_hand_findings((source,), "max_pool2d") == [static.READ_TOO_LONG]
    assert static.unreadable_findings((source,), reached_from=("conv2d",)) == [static.READ_TOO_LONG]
    assert static.READ_TOO_LONG.kind == "unverifiable" and "10 s" in static.READ_TOO_LONG.what
    # ... and every other reading is read in full
    assert found([HAND_WRITTEN]) == []


# -- laundering through `self` and through calls (attack round 2) --------------------------------------

TOOLBOX = ("import torch.nn.functional as F\n"
           "class Toolbox:\n    def slide(self, image, kernel):\n        return image\n"
           "toolbox = Toolbox()\n"
           "def _slide(image, kernel):\n    return F.conv2d(image, kernel)\n"
           "def conv2d(image, kernel, stride=1, padding=0):\n    return toolbox.slide(image, kernel)\n")


@pytest.mark.parametrize("source, expected", [
    # setattr through a plain function whose first parameter is named `self`: not a method
    ("def put(self, name, value):\n    setattr(self, name, value)\n" + HAND_WRITTEN,
     ("unverifiable", "setattr (on anything but self)")),
    ("class K:\n    pass\ndef put(cls, name, value):\n    setattr(cls, name, value)\n" + HAND_WRITTEN,
     ("unverifiable", "setattr (on anything but self)")),
    # a method's nested function that takes `self` as its own parameter is no method either
    ("class K:\n    def m(self):\n        def put(self, n, v):\n            setattr(self, n, v)\n" + HAND_WRITTEN,
     ("unverifiable", "setattr (on anything but self)")),
    # a Python callback run inside a torch operation, on any tensor (not only through torch's names)
    ("import torch\ndef conv2d(i, k):\n    torch.zeros(1).apply_(float)\n    return i\n",
     ("unverifiable", "(...).apply_")),
    ("import torch\ndef conv2d(i, k):\n    t = torch.zeros(1)\n    t.map_(t, max)\n    return i\n",
     ("unverifiable", "t.map_")),
    ("import torch\ndef conv2d(i, k):\n    getattr(torch.zeros(1), 'apply_')(float)\n    return i\n",
     ("unverifiable", "getattr(..., 'apply_')")),
    # frames reached through an exception's traceback
    ("import sys\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    up = sys.exc_info()[2].tb_frame.f_back\n"
     + HAND_WRITTEN, ("unverifiable", "(...).tb_frame.f_back")),
])
def test_laundering_through_self_callbacks_and_frames_is_unverifiable(source, expected):
    assert expected in found([source]), found([source])


@pytest.mark.parametrize("change", [
    # a method of the submission's own class that sets an attribute by a computed name, called on the object
    "class Tools(Toolbox):\n    def install(self, name, value):\n        setattr(self, name, value)\n"
    "toolbox = Tools()\ntoolbox.install('slide', _slide)\n",
    # the object passed to its class's constructor again
    "class Tools(Toolbox):\n    def __init__(self, **parts):\n        for n, v in parts.items():\n"
    "            setattr(self, n, v)\ntoolbox = Tools()\nTools.__init__(toolbox, slide=_slide)\n",
    # the object passed to a method of its class, as its `self`
    "class Tools(Toolbox):\n    def install(self, name, value):\n        setattr(self, name, value)\n"
    "toolbox = Tools()\nTools.install(toolbox, 'slide', _slide)\n",
])
def test_a_call_that_is_given_a_reachable_object_is_code_of_that_object(change):
    assert ("builtin", "F.conv2d") in found([TOOLBOX, change]), found([TOOLBOX, change])


def test_setattr_on_self_in_a_method_and_a_function_passed_to_a_checker_stay_clean():
    layers = ("import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        i = 0\n        while i < 2:\n            setattr(self, f'conv{i}', torch.nn.Conv2d(1, 1, 3))\n"
              "            i += 1\n    @classmethod\n    def make(cls):\n        setattr(cls, 'made', True)\n"
              "        return cls()\n")
    checker = ("import torch.nn.functional as F\ndef check(mine, theirs):\n    return (mine, theirs)\n"
               "check(conv2d, F.conv2d)\nprint(conv2d(torch.ones(3, 3), torch.ones(2, 2)), F.conv2d)\n")
    assert found([layers, HAND_WRITTEN, checker]) == []
    # helpers grouped in a class, a module alias they use, and self-checks against torch beside them
    grouped = ("import torch\nF = torch.nn.functional\nclass ByHand:\n    @staticmethod\n"
               "    def conv2d(image, kernel, stride=1, padding=0):\n        return F.pad(image, (0, 0)) * kernel.sum()\n"
               "conv2d = ByHand.conv2d\nexpected = F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2))\n"
               "assert torch.allclose(ByHand.conv2d(torch.ones(3, 3), torch.ones(2, 2)), expected[0, 0])\n")
    assert found([grouped]) == []


# -- rules name the object they flag, resolved to its module, not an attribute's spelling (issue 9) --

@pytest.mark.parametrize("source", [
    "import sys\nIN_COLAB = 'google.colab' in sys.modules\n" + HAND_WRITTEN,
    "import platform\nprint(platform.system(), platform.release())\n" + HAND_WRITTEN,
    "from platform import system\nprint(system())\n" + HAND_WRITTEN,
    "import logging\nh = logging.StreamHandler()\nh.setFormatter(logging.Formatter('%(message)s'))\n" + HAND_WRITTEN,
    "from abc import ABCMeta, abstractmethod\nclass Layer(metaclass=ABCMeta):\n    @abstractmethod\n"
    "    def out(self, n): ...\n" + HAND_WRITTEN,
    "import abc\nclass Layer(metaclass=abc.ABCMeta):\n    pass\n" + HAND_WRITTEN,
    "class Net(torch.nn.Module):\n    def __repr__(self):\n        return super().__repr__() + '!'\n" + HAND_WRITTEN,
])
def test_innocent_objects_that_share_a_name_with_an_unreadable_one_cost_nothing(source):
    assert found([source]) == []
    assert _model_rule([source]) == []


@pytest.mark.parametrize("source, expected", [
    ("import sys\nsys.modules['torch'] = None\n" + HAND_WRITTEN, "sys.modules"),
    ("import sys\nm = sys.modules\n" + HAND_WRITTEN, "sys.modules"),
    ("import os\nos.system('true')\n" + HAND_WRITTEN, "os.system"),
    ("import os as platform\nplatform.system('true')\n" + HAND_WRITTEN, "platform.system"),
    ("import platform\nimport os as platform\nplatform.system('true')\n" + HAND_WRITTEN, "platform.system"),
    ("from os import system\nsystem('true')\n" + HAND_WRITTEN, "from os import system"),
    ("import string\nf = string.Formatter()\n" + HAND_WRITTEN, "string.Formatter"),
    ("class Meta(type):\n    pass\nclass Layer(metaclass=Meta):\n    pass\n" + HAND_WRITTEN,
     "class Layer(metaclass=...)"),
    ("from abc import ABCMeta\nABCMeta = type\nclass Layer(metaclass=ABCMeta):\n    pass\n" + HAND_WRITTEN,
     "class Layer(metaclass=...)"),
    ("class Net:\n    def f(self):\n        return super().__getattribute__('x')\n" + HAND_WRITTEN,
     "__getattribute__"),
    # (not __repr__: reading a text method off anything is plain since fairness round 17)
    ("super = lambda: torch\nclass Net:\n    def __repr__(self):\n        return super().__getattribute__('x')\n"
     + HAND_WRITTEN, "__getattribute__"),
])
def test_the_unreadable_object_itself_is_still_found(source, expected):
    assert ("unverifiable", expected) in found([source])


CONFIGURED = '''
from dataclasses import dataclass
import torch
import torch.nn.functional as F

@dataclass(frozen=True)
class Config:
    pool_size: int = 2

CFG = Config()

def max_pool2d(image, kernel_size=CFG.pool_size):
    return image[:kernel_size, :kernel_size].max()
'''


def test_an_attribute_of_an_instance_of_the_submissions_own_class_is_its_own_code():
    assert found([CONFIGURED], "max_pool2d") == []


@pytest.mark.parametrize("source", [
    CONFIGURED.replace("CFG = Config()", "CFG = Config(pool_size=F.max_pool2d)"),
    CONFIGURED.replace("pool_size: int = 2", "pool_size: object = F.max_pool2d"),
    CONFIGURED + "CFG.pool_size = F.max_pool2d\n",
    CONFIGURED.replace("class Config:", "class Config(torch.nn.MaxPool2d):"),
    CONFIGURED.replace("class Config:", "class Config(torch.Tensor):"),
    CONFIGURED.replace("CFG = Config()", "CFG = F"),
])
def test_an_instance_attribute_that_may_be_torchs_pooling_is_still_found(source):
    assert [kind for kind, _ in found([source], "max_pool2d")], source


@pytest.mark.parametrize("source", [
    "import torch\nstate = torch.load('cnn.pt')\n",  # weights_only is torch's default
    "import yaml\nconfig = yaml.safe_load(open('layers.yml'))\n",
    "import torch.nn as nn\nm = nn.Conv2d(1, 3, 3)\nh = m.register_forward_hook(lambda mod, i, o: print(o.shape))\n",
    "import os\nos.environ['PYTHONHASHSEED'] = '0'\nos.makedirs('out', exist_ok=True)\n",
    "import torch\ntorch.save(model, 'cnn.pt')\nagain = torch.load('cnn.pt', weights_only=False)\n",
])
def test_everyday_loading_hooks_and_settings_cost_nothing(source):
    assert _model_rule([source]) == []


@pytest.mark.parametrize("source", [
    # a pickle it wrote by other means, or a path it cannot be held to
    "import torch\nopen('cnn.pt', 'wb').write(b'cbuiltins\\nexec\\n')\ntorch.save(m, 'cnn.pt')\n"
    "again = torch.load('cnn.pt', weights_only=False)\n",
    "import torch\ntorch.save(m, 'a.pt')\nagain = torch.load(name, weights_only=False)\n",
    "import torch\ntorch.save(m, 'a.pt')\nagain = torch.load('b.pt', weights_only=False)\n",
])
def test_loading_a_pickle_it_did_not_save_itself_is_unreadable(source):
    assert any("weights_only" in what for what in _model_rule([source])), _model_rule([source])


# -- the student's own classes, read as the student's code (fairness round 4, issue 9) -------------------

DISPATCH_ON_SELF = '''
import torch

class SlidingOp:
    def __init__(self, mode):
        self.mode = mode

    def _sum_product(self, window, kernel):
        return (window * kernel).sum()

    def _maximum(self, window, kernel):
        return window.max()

    def __call__(self, image, kernel, k):
        combine = getattr(self, "_" + self.mode)
        return combine(image[:k, :k], kernel)

def conv2d(image, kernel, stride=1, padding=0):
    return SlidingOp("sum_product")(image, kernel, kernel.shape[0])

def max_pool2d(image, kernel_size=2):
    return SlidingOp("maximum")(image, None, kernel_size)
'''


def test_a_computed_name_on_self_that_can_only_name_the_class_s_own_methods_is_readable():
    for function in ("conv2d", "max_pool2d"):
        assert found([DISPATCH_ON_SELF], function) == []
    assert _model_rule([DISPATCH_ON_SELF]) == []


@pytest.mark.parametrize("source", [
    # the method taken off the class and given torch's functional module as its `self`: "_" + "max_pool2d"
    # is then F._max_pool2d, and no name in the text says pool
    DISPATCH_ON_SELF.replace("    def __call__", "    def dispatch(self, name, *args):\n"
                             "        return getattr(self, '_' + name)(*args)\n\n    def __call__")
    + "def max_pool2d(image, kernel_size=2):\n"
      "    return SlidingOp.dispatch(torch.nn.functional, 'max_pool2d', image, kernel_size)\n",
    # the class used as a value (an alias, then the same call through it)
    DISPATCH_ON_SELF + "Op = SlidingOp\n",
    # a subclass: its instances are SlidingOps with more names under the prefix
    DISPATCH_ON_SELF + "class Sub(SlidingOp):\n    pass\n",
    # a torch base class: its private methods are under the prefix too
    DISPATCH_ON_SELF.replace("class SlidingOp:", "class SlidingOp(torch.nn.Module):"),
    # a target that is data, not a method (whatever it holds, it was not read as code of the class)
    DISPATCH_ON_SELF.replace("        self.mode = mode", "        self.mode = mode\n        self._helper = mode"),
    DISPATCH_ON_SELF.replace("    def _maximum(self, window, kernel):\n        return window.max()",
                             "    _maximum = staticmethod(torch.amax)"),
    # a method that sets attributes by a computed name: the names an instance has cannot be listed
    DISPATCH_ON_SELF.replace("        self.mode = mode", "        self.mode = mode\n        setattr(self, mode, mode)"),
])
def test_a_computed_name_on_self_that_may_reach_anything_else_stays_unreadable(source):
    assert ("unverifiable", "getattr with a computed name") in found([source], "max_pool2d"), \
        found([source], "max_pool2d")


OWN_METHODS = '''
import torch

class Grid:
    def __init__(self, data):
        self.data = data

    def padded(self, p):
        return Grid(torch.nn.functional.pad(self.data, [p] * 4))

    def same(self):
        return self

    def conv(self, kernel):
        k = kernel.shape[0]
        return (self.data[:k, :k] * kernel).sum()

    def max_pool(self, k):
        return self.data[:k, :k].max()

def conv2d(image, kernel, stride=1, padding=0):
    return Grid(image).padded(padding).same().conv(kernel)

def max_pool2d(image, kernel_size=2):
    return Grid(image).max_pool(kernel_size)
'''


def test_a_method_of_the_submissions_own_class_named_conv_or_pool_is_its_own_code():
    assert found([OWN_METHODS], "conv2d") == []
    assert found([OWN_METHODS], "max_pool2d") == []
    # through a local the function binds only to a new instance of it
    local = OWN_METHODS.replace("    return Grid(image).max_pool(kernel_size)",
                                "    layer = Grid(image)\n    return layer.max_pool(kernel_size)")
    assert found([local], "max_pool2d") == []


RECORDS = {
    "plain class": "class PoolSpec:\n    def __init__(self, pool_size, stride):\n        self.pool_size = pool_size\n"
                   "        self.stride = stride\n",
    "dataclass": "from dataclasses import dataclass\n@dataclass\nclass PoolSpec:\n    pool_size: int\n"
                 "    stride: int\n",
    "namedtuple": "from collections import namedtuple\nPoolSpec = namedtuple('PoolSpec', ['pool_size', 'stride'])\n",
    "typing.NamedTuple": "from typing import NamedTuple\nclass PoolSpec(NamedTuple):\n    pool_size: int\n"
                         "    stride: int\n",
}
RECORD_POOL = """
import torch
import torch.nn.functional as F
{record}
def max_pool2d(image, kernel_size=2):
    {binding}
    rows, cols = image.shape[0] // spec.stride, image.shape[1] // spec.stride
    out = torch.zeros(rows, cols)
    for i in range(rows):
        for j in range(cols):
            out[i, j] = image[i * spec.stride:i * spec.stride + spec.pool_size,
                              j * spec.stride:j * spec.stride + spec.pool_size].max()
    return out
"""


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_a_field_of_the_submissions_own_record_named_pool_is_its_own_data(record):
    """Attack round 29b's converse: a block size read as ``spec.pool_size`` cost q6's by-hand points."""
    source = RECORD_POOL.format(record=RECORDS[record], binding="spec = PoolSpec(kernel_size, kernel_size)")
    assert found([source], "max_pool2d") == []


@pytest.mark.parametrize("binding", [
    "spec = PoolSpec(F.max_pool2d, kernel_size)",  # torch's pooling handed to it: read in the call
    "spec = PoolSpec(kernel_size, kernel_size)\n    spec.pool_size = F.max_pool2d",  # set on it afterwards
    "spec = PoolSpec(kernel_size, kernel_size)\n    spec = F",  # the name bound to something else too
    "spec = PoolSpec(kernel_size, kernel_size)\n    [(spec := F) for _ in range(1)]",
    "spec = PoolSpec(kernel_size, kernel_size)\n    for spec in [F]: pass",
    "class PoolSpec(torch.nn.MaxPool2d): pass\n    spec = PoolSpec(kernel_size, kernel_size)",  # a class of its own
])
def test_a_field_of_a_record_that_may_hold_torchs_pooling_still_counts(binding):
    source = RECORD_POOL.format(record=RECORDS["plain class"], binding=binding)
    assert any(kind == "builtin" for kind, _ in found([source], "max_pool2d")), found([source], "max_pool2d")


@pytest.mark.parametrize("source, expected", [
    # a receiver that is (or may be) torch's: a local bound otherwise too, a parameter, a method that returns
    # something else
    (OWN_METHODS.replace("    return Grid(image).max_pool(kernel_size)",
                         "    layer = Grid(image) if kernel_size else torch\n    return layer.max_pool(kernel_size)"),
     "layer.max_pool"),
    (OWN_METHODS.replace("def max_pool2d(image, kernel_size=2):\n    return Grid(image)",
                         "def max_pool2d(image, kernel_size=2, g=Grid):\n    return g(image)"), "max_pool"),
    (OWN_METHODS.replace("        return self\n", "        return self.data\n"), "conv"),
    # torch's module object's own pool method, through the class's base
    (OWN_METHODS.replace("class Grid:", "class Grid(torch.nn.Module):"), "max_pool"),
    # the name on the instance is data, not the method (set in __init__), or no def at all
    (OWN_METHODS.replace("        self.data = data", "        self.data = data\n        self.max_pool = data"),
     "max_pool"),
    (OWN_METHODS.replace("    def max_pool(self, k):\n        return self.data[:k, :k].max()",
                         "    max_pool = staticmethod(torch.amax)"), "max_pool"),
])
def test_a_pool_method_on_an_object_that_may_be_torchs_still_counts(source, expected):
    # (on an instance of the submission's own class, a name bound otherwise than by a def is unread, not told as
    # torch's: fairness round 85's `pool2 = partialmethod(...)` was told it called torch's pooling)
    findings = found([source], "max_pool2d") + found([source], "conv2d")
    assert ("builtin", expected) in findings or any(
        kind == "unverifiable" and what.startswith(f"Grid(...).{expected} ") for kind, what in findings), findings


DATA_CONFIG = '''
from dataclasses import dataclass, field

import torch
from torch import nn

@dataclass(frozen=True)
class Config:
    conv_kernel: int = 3
    conv_channels: tuple = (3, 2)
    pool_size: int = 2
    widths: list = field(default_factory=lambda: [16 * 16, 8, 1])

CFG = Config()

def _shapes(cfg):
    return [cfg.conv_kernel * c for c in cfg.conv_channels]

shapes = _shapes(CFG)
count = sum(a * b for a, b in zip(CFG.widths, CFG.widths[1:]))
first = CFG.widths[0]

def block(c):
    return nn.Sequential(nn.Conv2d(c, c, CFG.conv_kernel), nn.MaxPool2d(CFG.pool_size))

def max_pool2d(image, kernel_size=CFG.pool_size):
    return image[:kernel_size, :kernel_size].max()
'''


def test_a_plain_dataclass_instance_handed_to_helpers_is_data():
    assert found([DATA_CONFIG], "max_pool2d") == []


@pytest.mark.parametrize("source", [
    # a helper handed the instance sets a field (a dataclass that is not frozen)
    DATA_CONFIG.replace("@dataclass(frozen=True)", "@dataclass")
    + "def tune(cfg):\n    cfg.pool_size = torch.nn.functional.max_pool2d\ntune(CFG)\n",
    # ... or puts torch's pooling into a list field, directly or through a name bound to it
    DATA_CONFIG + "def tune(cfg):\n    cfg.widths.append(torch.nn.functional.max_pool2d)\ntune(CFG)\n",
    DATA_CONFIG + "def tune(cfg):\n    w = cfg.widths\n    w.append(torch.nn.functional.max_pool2d)\ntune(CFG)\n",
    DATA_CONFIG + "def tune(cfg):\n    cfg.widths[0] = torch.nn.functional.max_pool2d\ntune(CFG)\n",
    # ... or runs its __init__ again (frozen or not, it sets the fields)
    DATA_CONFIG + "def tune(cfg):\n    cfg.__init__(pool_size=torch.nn.functional.max_pool2d)\ntune(CFG)\n",
    # a class with methods is no plain data
    DATA_CONFIG.replace("    pool_size: int = 2\n", "    pool_size: int = 2\n\n    def scaled(self, by):\n"
                        "        return self\n")
    + "def tune(cfg):\n    return cfg.scaled(torch.nn.functional.max_pool2d)\ntune(CFG)\n",
])
def test_a_config_object_a_helper_may_change_is_still_read_with_that_helper(source):
    assert ("builtin", "torch.nn.functional.max_pool2d") in found([source], "max_pool2d"), \
        found([source], "max_pool2d")


# -- rule 3: what a by-hand function reaches is an allowlist (attack round 5) ---------------------------------------

def _by_hand(body, head="import torch\n"):
    """A conv2d whose helper ``_c`` is bound by ``body``: the shape of every round-5 resolver attack."""
    return head + body + "def conv2d(image, kernel, stride=1, padding=0):\n    return _c(image, kernel)\n"


@pytest.mark.parametrize("source", [
    _by_hand("from IPython.utils.importstring import import_item\n_c = import_item('torch.nn.functional.con' + 'v2d')\n"),
    _by_hand("import traitlets\n_c = traitlets.import_item('torch.nn.functional.con' + 'v2d')\n"),
    _by_hand("import pydantic\n_c = pydantic.TypeAdapter(pydantic.ImportString).validate_python('torch.con' + 'v2d')\n"),
    _by_hand("import pydantic\nclass Ops(pydantic.BaseModel):\n    c: pydantic.ImportString\n"
             "_c = Ops(c='torch.con' + 'v2d').c\n"),
    _by_hand("import wrapt\n_c = wrapt.resolve_path(torch, 'nn.functional.con' + 'v2d')[2]\n"),
    _by_hand("import sympy\n_c = sympy.sympify('__import__(\"torch\").con' + 'v2d')\n"),
    _by_hand("import torch.utils.benchmark\n_box = []\n"
             "torch.utils.benchmark.Timer(stmt='box.append(torch.con' + 'v2d)', globals={'box': _box}).timeit(1)\n"
             "_c = _box[0]\n"),
    # a name torch does not have: something the reader did not see put it there
    _by_hand("_c = torch.hand_b\n"),
    _by_hand("_c = getattr(torch, 'hand_b')\n"),
    # another process
    _by_hand("import psutil, sys\n_child = psutil.Popen([sys.executable, '-c', 'pass'])\n_c = _child.communicate\n"),
    # torch's and numpy's own loaders, compilers and utilities, however imported
    _by_hand("_c = torch.jit.script(lambda i, k: i)\n"),
    _by_hand("from torch.utils import checkpoint\n_c = checkpoint.checkpoint\n"),
    _by_hand("import numpy as np\n_c = np.load('helpers.npy')\n"),
    _by_hand("import numpy.ctypeslib as _ct\n_c = _ct.load_library\n"),
    _by_hand("_c = torch.nn.utils.parametrize\n"),
    # built-ins that reach files or the interpreter
    _by_hand("_c = open('helper.txt').read\n"),
    _by_hand("_c = help\n"),
])
def test_what_a_by_hand_function_reaches_outside_the_allowlist_is_unreadable(source):
    findings = found([source])
    assert findings and all(kind == "unverifiable" for kind, _ in findings), findings


@pytest.mark.parametrize("source", [
    # numpy's and torch's mathematics, the pure standard library, the submission's own code
    _by_hand("from numpy.lib.stride_tricks import sliding_window_view\n"
             "def _c(i, k):\n    return (sliding_window_view(i, k.shape) * k).sum((-1, -2))\n"),
    _by_hand("import torch.nn.functional as F\n"
             "def _c(i, k):\n    cols = F.unfold(i[None, None], k.shape)\n    return (k.flatten() @ cols)[0]\n"),
    _by_hand("from torch.func import vmap\nimport math, itertools, functools, operator\n"
             "def _c(i, k):\n    return vmap(lambda r: r * math.prod(k.shape))(i)\n"),
    _by_hand("import logging\nlog = logging.getLogger(__name__)\n"
             "def _c(i, k):\n    log.info('conv %s', tuple(i.shape))\n    return i\n"),
    _by_hand("from numpy import *\ndef _c(i, k):\n    return zeros((2, 2)) + float(len(i))\n"),
    _by_hand("@torch.jit.script\ndef _c(i, k):\n    return i * k.sum()\n"),
    _by_hand("from dataclasses import dataclass\nfrom collections import namedtuple\nimport numpy as np\n"
             "def _c(i, k):\n    return torch.as_tensor(np.einsum('ij,ij->', i.numpy(), k.numpy()))\n"),
])
def test_the_allowlist_keeps_ordinary_by_hand_code_readable(source):
    assert found([source]) == []


def test_a_thread_pool_inside_conv2d_is_unreadable_as_threads_not_as_torchs_pooling():
    source = _by_hand("from concurrent.futures import ThreadPoolExecutor\n"
                      "def _c(i, k):\n    with ThreadPoolExecutor(2) as pool:\n"
                      "        return torch.stack(list(pool.map(lambda r: r * 2, i)))\n")
    findings = found([source])
    assert findings and all(kind == "unverifiable" for kind, _ in findings), findings
    assert any("threads" in what for _, what in findings), findings
    assert any("threads" in what for what in _model_rule([source])), _model_rule([source])  # rule 2 says why too


CNN_LATER = ("import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
             "        self.fc = torch.nn.Linear(4, 1)\n"
             "def _forward(self, x):\n    return self.fc(x)\nCNN.forward = _forward\n")


def test_a_method_set_on_the_class_in_a_later_cell_costs_nothing_where_it_is_not_reached():
    assert found([HAND_WRITTEN, CNN_LATER]) == []
    assert _model_rule([HAND_WRITTEN, CNN_LATER]) == []
    # reached from conv2d, the change is read: torch's convolution set on a class is still found
    reached = CNN_LATER + "CNN.conv = torch.conv2d\ndef conv2d(i, k):\n    return CNN.conv(i, k)\n"
    assert ("builtin", "torch.conv2d") in found([reached])
    # a special method set on a class changes how Python or torch treat it: unreadable anywhere, models too
    hooked = CNN_LATER + "CNN.__torch_function__ = classmethod(lambda *a: None)\n"
    assert found([HAND_WRITTEN, hooked]) and _model_rule([HAND_WRITTEN, hooked])


def test_torch_compile_costs_only_the_code_that_reaches_it():
    demo = "model = CNN()\ntry:\n    fast = torch.compile(model, backend='eager')\nexcept Exception:\n    fast = model\n"
    cnn = CNN_LATER.replace("CNN.forward = _forward\n", "CNN.forward = _forward\n")
    assert found([HAND_WRITTEN, cnn, demo]) == []
    assert unreadable_findings((HAND_WRITTEN, cnn, demo), models=True, reached_from=("CNN",)) == []
    compiled_forward = cnn + "CNN.forward = torch.compile(_forward)\n"
    assert [f.what for f in unreadable_findings((compiled_forward,), models=True, reached_from=("CNN",))] == [
        "torch.compile"]
    compiled_helper = "import torch\n_c = torch.compile(lambda i, k: i)\n" \
                      "def conv2d(image, kernel, stride=1, padding=0):\n    return _c(image, kernel)\n"
    assert ("unverifiable", "torch.compile") in found([compiled_helper])


@pytest.mark.parametrize("namespace, readable", [
    ('{"__init__": _init, "forward": lambda self, x: self.fc(x)}', True),
    ('{"__torch_function__": classmethod(lambda *a, **k: None)}', False),  # a special method by a string key
    ('{("__torch_" + "function__"): _init}', False),
    ("dict(forward=_init)", False),
])
def test_a_class_built_by_type_is_read_like_a_class_statement(namespace, readable):
    source = (f"import torch\ndef _init(self):\n    torch.nn.Module.__init__(self)\n"
              f"CNN = type('CNN', (torch.nn.Module,), {namespace})\n")
    assert (_model_rule([source]) == []) is readable, _model_rule([source])
    metaclass = "import torch\nMeta = type('Meta', (type,), {'__call__': lambda *a: None})\n"
    assert _model_rule([metaclass])


PYDANTIC_SPEC = ("from pydantic import BaseModel, Field, PositiveInt, model_validator\n"
                 "class Spec(BaseModel):\n    size: PositiveInt\n    padding: int = Field(0, ge=0)\n"
                 "    @model_validator(mode='after')\n    def fits(self):\n        return self\n")


@pytest.mark.parametrize("spec, readable", [
    (PYDANTIC_SPEC, True),                                                        # plain fields, own validators
    (PYDANTIC_SPEC.replace("size: PositiveInt", "size: 'PositiveInt'"), True),    # a forward reference to a known name
    (PYDANTIC_SPEC.replace("size: PositiveInt", "size: 'Spec | None' = None"), True),
    # a string annotation pydantic evaluates in the module's namespace: the name it gives must be known too
    ("from pydantic import ImportString\n" + PYDANTIC_SPEC.replace("size: PositiveInt", "size: 'ImportString'"),
     False),
    (PYDANTIC_SPEC.replace("size: PositiveInt", "size: 'Callable'"), False),      # a name nothing binds
    ("import pydantic\n" + PYDANTIC_SPEC.replace("size: PositiveInt", "size: pydantic.ImportString"), False),
    (PYDANTIC_SPEC.replace("from pydantic import", "from pydantic.v1 import"), False),
    ("from pydantic import TypeAdapter\n" + PYDANTIC_SPEC.replace("return self", "return TypeAdapter(int)"), False),
])
def test_pydantic_models_are_read_by_their_known_names_only(spec, readable):
    source = spec + "def conv2d(image, kernel, stride=1, padding=0):\n    Spec(size=3)\n    return image\n"
    assert (found([source]) == []) is readable, found([source])


@pytest.mark.parametrize("source, readable", [
    # an import inside reached code binds a local name: it is read like a module-level one
    ("def conv2d(image, kernel, stride=1, padding=0):\n    from IPython.utils.importstring import import_item\n"
     "    return import_item('torch.con' + 'v2d')(image, kernel)\n", False),
    ("def conv2d(image, kernel, stride=1, padding=0):\n    import torch.utils.benchmark as bench\n"
     "    return bench.Timer\n", False),
    ("def conv2d(image, kernel, stride=1, padding=0):\n    import helpers_it_wrote\n    return image\n", False),
    ("def conv2d(image, kernel, stride=1, padding=0):\n    import math, torch\n"
     "    from numpy.lib.stride_tricks import sliding_window_view\n    return torch.zeros(math.prod((2, 2)))\n", True),
    # string annotations of reached code name what they name
    ("import torch\ndef conv2d(image: 'torch.Tensor', kernel: 'torch.Tensor', stride=1, padding=0) -> 'torch.Tensor':"
     "\n    return image\n", True),
    ("import torch\ndef conv2d(image: 'torch.utils.data.Dataset', kernel, stride=1, padding=0):\n    return image\n",
     False),
    # private names of known modules are not known
    ("import numpy as np\ndef conv2d(image, kernel, stride=1, padding=0):\n    return np._core.multiarray.c\n", False),
])
def test_imports_annotations_and_private_names_in_reached_code_are_on_the_allowlist_too(source, readable):
    assert (found([source]) == []) is readable, found([source])


LOGGED = ("import logging, torch\nimport torch.nn.functional as F\nlog = logging.getLogger('lecture06')\n"
          "class Mine(logging.Handler):\n    def emit(self, record):\n"
          "        record.args[0].copy_(F.conv2d(record.args[0], record.args[1]))\n"
          "def conv2d(image, kernel, stride=1, padding=0):\n    log.debug('%s %s', image, kernel)\n    return image\n")


@pytest.mark.parametrize("attach", [
    "logging.getLogger('lecture06').addHandler(Mine())\n",   # the same logger, reached by no name conv2d uses
    "logging.basicConfig(handlers=[Mine()])\n",
    "other = logging.getLogger('lecture06')\nother.handlers.append(Mine())\n",
])
def test_code_attached_to_logging_runs_inside_a_log_call_and_is_read(attach):
    assert ("builtin", "F.conv2d") in found([LOGGED + attach])


def test_logging_with_its_own_handlers_stays_readable():
    plain = LOGGED.replace("record.args[0].copy_(F.conv2d(record.args[0], record.args[1]))", "print(record)")
    assert found([plain + "h = logging.StreamHandler()\nh.setFormatter(logging.Formatter('%(message)s'))\n"
                          "log.addHandler(h)\nlog.addHandler(Mine())\n"]) == []


def test_several_checks_on_one_function_walk_it_once(monkeypatch):
    from grader.questions import static

    walked = []
    walk = static._reachable_builtins
    monkeypatch.setattr(static, "_reachable_builtins",
                        lambda reading, name, reached=None: walked.append(name) or walk(reading, name, reached))
    units = ("import torch\nfrom torch.nn import functional as F\n",
             "def conv2d(image, kernel, stride=1, padding=0):\n    return F.conv2d(image, kernel)\n")
    first = by_hand_findings(units, "conv2d")
    assert [f.what for f in first] == ["F.conv2d"]
    assert by_hand_findings(units, "conv2d") == first and by_hand_findings(tuple(units), "max_pool2d") == []
    assert walked == ["conv2d", "max_pool2d"]


_SHOWN = "class Params:\n    def __init__(self):\n        self.stride = 1\n    def __repr__(self):\n{body}\n"


@pytest.mark.parametrize("body", [
    '        return f"{type(self).__name__}({self.__dict__})"',  # fairness round 7: a helper's repr
    "        return repr(self.__dict__)",
    "        return str(sorted(self.__dict__)) + str(len(self.__dict__))",
    # items shown in a text (fairness round 93), a read-only view of the names
    "        return ', '.join(f'{k}={v}' for k, v in self.__dict__.items())",
    "        return self.__dict__.keys().mapping['stride']",
])
def test_a_namespace_shown_or_its_names_listed_is_readable(body):
    source = HAND_WRITTEN + _SHOWN.format(body=body)
    assert found([source]) == []
    assert _model_rule([source]) == []


@pytest.mark.parametrize("body", [
    # (a plain class's instance may hold another object's table: its objects handed out are not followed, attack
    # round 153)
    '        return self.__dict__.get("stride")',
    "        return list(self.__dict__.values())",
    "        return dict(self.__dict__.items())",
    "        self.__dict__.update(conv=F.conv2d)\n        return ''",
    "        vars_of = self.__dict__\n        return vars_of",
    "        return self.__dict__.setdefault('stride', 1)",
    "        return self.__dict__.get(F.conv2d)",
    "        return repr(F.__dict__['conv2d'])",
])
def test_a_namespace_used_for_its_objects_is_still_unreadable(body):
    source = HAND_WRITTEN + "import torch.nn.functional as F\n" + _SHOWN.format(body=body)
    assert any("__dict__" in what for _, what in found([source]))


_CLEAN = "def conv2d(image, kernel, stride=1, padding=0):\n    return image\n"
_THREADS = {
    "unused": "import concurrent.futures\nimport threading\n" + _CLEAN,
    "demo": _CLEAN + "if __name__ == '__main__':\n    from concurrent.futures import ThreadPoolExecutor\n"
                     "    with ThreadPoolExecutor(2) as pool:\n        list(pool.map(print, [1]))\n",
}


@pytest.mark.parametrize("name", sorted(_THREADS))
def test_a_thread_module_counts_only_while_a_thread_runs_where_nothing_asked_about_reaches_it(name):
    # Fairness round 7: an unused import, or a pool in a demo block that has ended, cost q6, q7 and q8 (-10).
    source = _THREADS[name]
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == []
    assert unreadable_findings((source,), models=True, reached_from=("CNN",), threads_running=lambda: False) == []
    for running in (lambda: True, None):  # a thread runs, or nobody can tell
        assert any("threads" in f.what for f in by_hand_findings((source,), "conv2d", threads_running=running))
        assert any("threads" in f.what for f in unreadable_findings((source,), models=True, reached_from=("CNN",),
                                                                      threads_running=running))


class _CountingProbe:
    """A probe whose mark of started threads and processes the test moves (None: unread)."""

    def __init__(self, mark, counted=True, running=False):
        self.mark, self.counted, self.running = mark, counted, running

    def tasks_started(self):
        return self.mark

    def starts_counted(self):
        return self.counted

    def threads_running(self):
        return self.running


def test_a_start_counted_while_a_check_ran_is_a_finding():
    probe = _CountingProbe((1, 3))
    watch = StartWatch(probe)
    assert watch.threads_running() is False and watch.findings() == []
    probe.mark = (1, 4)  # a thread started (and maybe ended) inside the calls
    assert watch.findings() == [STARTED_WHILE_CHECKED]
    probe.mark = (2, 3)  # another worker answers (attack round 54: each call ended its worker after answering)
    assert watch.findings() == [STARTED_WHILE_CHECKED]
    probe.mark = None  # the count went unread after the calls: nothing shows they started nothing
    assert watch.findings() == [STARTED_WHILE_CHECKED]
    probe.mark = (1, 3)
    assert StartWatch(_CountingProbe(None)).findings() == [STARTED_WHILE_CHECKED]  # unread before them
    # the count unmoved, but something runs beside the worker at the end (a worker started again in the middle of
    # the check ran the top level anew, its load not counted), or nobody can tell
    for running in (True, None):
        probe.running = running
        assert watch.findings() == [RUNNING_BESIDE]


def test_where_nothing_counts_starts_every_thread_module_counts():
    watch = StartWatch(_CountingProbe(None, counted=False))
    assert watch.threads_running() is None and watch.findings() == []
    source = _THREADS["unused"]
    assert any("threads" in f.what for f in by_hand_findings((source,), "conv2d", threads_running=watch.threads_running))


@pytest.mark.parametrize("source, function", [
    ("from concurrent.futures import ThreadPoolExecutor\n" + _CLEAN.replace(
        "return image", "with ThreadPoolExecutor(2) as pool:\n        return list(pool.map(abs, image))"), "conv2d"),
    ("import threading\nimport torch\n" + _CLEAN + "class CNN(torch.nn.Module):\n    def forward(self, x):\n"
     "        threading.Thread(target=print).start()\n        return x\n", "CNN"),
    ("import concurrent.futures as cf\nimport torch\n" + _CLEAN + "class CNN(torch.nn.Module):\n"
     "    def forward(self, x):\n        with cf.ThreadPoolExecutor(1) as pool:\n"
     "            return pool.submit(lambda: x).result()\n", "CNN"),
])
def test_a_thread_module_the_code_asked_about_reaches_counts_whatever_runs(source, function):
    if function == "conv2d":
        found = by_hand_findings((source,), "conv2d", threads_running=lambda: False)
    else:
        found = unreadable_findings((source,), models=True, reached_from=("CNN",), threads_running=lambda: False)
    assert any("threads" in f.what for f in found), found


_PROCESSES = {
    "pool in a self-check": "import multiprocessing as mp\n" + _CLEAN + "with mp.Pool(2) as pool:\n"
                            "    print(pool.map(abs, [-1, 2]))\n",
    "executor imported": "from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor\n" + _CLEAN,
    "executor named": "import concurrent.futures\npool = concurrent.futures.ProcessPoolExecutor\n" + _CLEAN,
    "process module": "import concurrent.futures.process\n" + _CLEAN,
    "a program": "import subprocess\n" + _CLEAN + "subprocess.run(['nvidia-smi'], check=False)\n",
    "core count": "import multiprocessing\n" + _CLEAN + "workers = multiprocessing.cpu_count()\n",
}


@pytest.mark.parametrize("name", sorted(_PROCESSES))
def test_a_process_module_counts_as_a_thread_module_does(name):
    # Fairness round 43: a closed Pool in a self-check, nvidia-smi run once, an unused ProcessPoolExecutor cost q6, q7
    # and q8 (-10) when processes counted wherever imported.  A process running when a check starts is seen, one
    # started during it counted (StartWatch), one that ended left files whose code runs only if read (written_code).
    source = _PROCESSES[name]
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == []
    assert unreadable_findings((source,), models=True, reached_from=("CNN",), threads_running=lambda: False) == []
    for running in (lambda: True, None):  # one runs, or nobody can tell
        assert by_hand_findings((source,), "conv2d", threads_running=running)
        assert unreadable_findings((source,), models=True, reached_from=("CNN",), threads_running=running)


@pytest.mark.parametrize("body", [
    "    with multiprocessing.Pool(2) as pool:\n        return pool.map(abs, image)\n",
    "    return subprocess.run(['python', '-c', 'print(1)'], capture_output=True).stdout\n",
    "    return multiprocessing.Process(target=print).start()\n",
])
def test_a_process_module_the_code_asked_about_reaches_counts_whatever_runs(body):
    source = "import multiprocessing\nimport subprocess\ndef conv2d(image, kernel, stride=1, padding=0):\n" + body
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False)


@pytest.mark.parametrize("store", [
    "holder = [OPS]\nholder[0]['c'] = F.conv2d\n",                      # attack round 7: through a list
    "def _table():\n    return OPS\n_table()['c'] = F.conv2d\n",          # through a call's result
    "class Box:\n    pass\nbox = Box()\nbox.ops = OPS\nbox.ops['c'] = F.conv2d\n",  # through an instance
    "def _fill(t=OPS):\n    t['c'] = F.conv2d\n_fill()\n",                # a default argument's object
    "def _fill(f=F.conv2d):\n    OPS['c'] = f\n_fill()\n",                # torch's function as the default
    "[OPS][0].update(c=F.conv2d)\n",                                      # a method that puts it in
    "from torch.nn.functional import conv2d as tconv\nfor t in [OPS]:\n    t['c'] = tconv\n",
    # attack round 9: through a comprehension, a dict() call, operator.setitem
    "[OPS][0].update({k: F.conv2d for k in 'c'})\n",
    "[OPS][0].update(dict(c=F.conv2d))\n",
    "import operator\noperator.setitem([OPS][0], 'c', F.conv2d)\n",
    "_c = F.conv2d\nholder = [OPS]\nholder[0]['c'] = _c\n",
])
def test_torch_s_convolution_put_into_an_object_costs_the_by_hand_part(store):
    source = ("import torch\nimport torch.nn.functional as F\nOPS = {}\n" + store
              + "def conv2d(image, kernel, stride=1, padding=0):\n    return OPS['c'](image, kernel)\n")
    assert any("used as a value" in what for _, what in found([source])), found([source])
    assert _model_rule([source]) == []  # the models' points are not the by-hand part's business


def test_torch_s_convolution_called_aliased_or_handed_to_a_checker_stays_clean():
    checks = ("import torch\nimport torch.nn.functional as F\nreference = F.conv2d\n"
              "def check(mine, theirs):\n    return (mine, theirs)\ncheck(conv2d, F.conv2d)\n"
              "for fn in (conv2d, F.conv2d):\n    print(fn(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)))\n"
              "assert torch.allclose(reference(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)), "
              "F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)))\n")
    assert found([HAND_WRITTEN, checks]) == []


def test_reflected_and_in_place_operators_of_the_submission_s_class_are_its_code():
    # Fairness round 8: a window class's __rmatmul__ cost q6 by hand, q7 and q8 (-10).
    window = ("class Window:\n    def __init__(self, values):\n        self.values = values\n"
              "    def __rmatmul__(self, kernel):\n        return sum(a * b for a, b in zip(self.values, kernel))\n"
              "    def __iadd__(self, other):\n        self.values = self.values + other\n        return self\n")
    assert found([window + HAND_WRITTEN]) == []
    hidden = window.replace("return sum(a * b for a, b in zip(self.values, kernel))",
                            "return torch.nn.functional.conv2d(self.values, kernel)")
    uses = HAND_WRITTEN.replace("def conv2d(", "def _unused(") + (
        "def conv2d(image, kernel, stride=1, padding=0):\n    return kernel @ Window(image)\n")
    assert ("builtin", "torch.nn.functional.conv2d") in found(["import torch\n" + hidden + uses])


@pytest.mark.parametrize("line", [
    "get_ipython().run_line_magic('time', 'exec(\"x = 1\")')",     # the code of a %time line is read
    "get_ipython().run_cell_magic('time', '', 'y = 2\\nexec(\"x = 1\")\\n')",  # and of a %%time cell nbconvert wrote
])
def test_code_a_time_magic_runs_is_read_for_what_hides_code(line):
    assert "exec" in [f.what for f in unreadable_findings((line,))]


def test_a_time_cell_nbconvert_wrote_is_read_like_the_cell():
    # Fairness round 8: nbconvert writes a %%time cell as get_ipython().run_cell_magic('time', '', '...'): -10.
    cell = "get_ipython().run_cell_magic('time', '', " + repr(HAND_WRITTEN) + ")\n"
    assert found([cell]) == []
    assert unreadable_findings((cell,), models=True) == []
    hidden = "get_ipython().run_cell_magic('time', '', " + repr(HAND_WRITTEN.replace(
        "def conv2d", "import torch.nn.functional as F\ndef _x():\n    return F.conv2d\ndef conv2d")) + ")\n"
    assert found([hidden + "conv2d = _x()\n"]) != []


@pytest.mark.parametrize("getter", ['operator.attrgetter("shape")', 'operator.attrgetter("shape", "dtype")',
                                    'operator.methodcaller("max")', 'operator.methodcaller("sum", 0)'])
def test_operator_getters_with_constant_plain_names_are_the_attribute_they_name(getter):
    # Fairness round 7: operator.attrgetter("shape") and methodcaller("max") cost q6 by hand, q7 and q8 (-10).
    source = "import operator\n" + HAND_WRITTEN.replace("def conv2d(", f"size_of = {getter}\ndef conv2d(") \
        .replace("    return", "    size_of(image)\n    return", 1)
    assert found([source]) == []
    assert _model_rule([source]) == []


@pytest.mark.parametrize("getter", ['operator.methodcaller("conv2d", w)', 'operator.attrgetter(name)',
                                    'operator.attrgetter("__class__")', 'operator.methodcaller("apply_", f)',
                                    'operator.methodcaller("append", F.conv2d)', 'operator.attrgetter("_C")',
                                    'operator.methodcaller("max", key=k)'])
def test_operator_getters_by_a_computed_or_hidden_name_stay_unreadable(getter):
    source = ("import operator\nimport torch.nn.functional as F\nname = 'x'\nw = f = k = None\n"
              + HAND_WRITTEN.replace("def conv2d(", f"size_of = {getter}\ndef conv2d(")
              .replace("    return", "    size_of(image)\n    return", 1))
    assert found([source]) != []


def test_a_conv_layers_own_conv_forward_is_readable_for_models_and_torch_s_convolution_by_hand():
    # Fairness round 7: self.conv1._conv_forward(x, w, b) in a forward cost q6 by hand, q7 and q8 (-10).
    model = ("import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
             "        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)\n    def forward(self, x):\n"
             "        return self.conv1._conv_forward(x, self.conv1.weight, self.conv1.bias)\n")
    assert _model_rule([model]) == [] and found([HAND_WRITTEN, model]) == []
    by_hand = model + "def conv2d(image, kernel, stride=1, padding=0):\n    return CNN().conv1._conv_forward(image, kernel, None)\n"
    assert any(kind == "builtin" and "_conv_forward" in what for kind, what in found([by_hand]))


@pytest.mark.parametrize("store", [
    "T = F.conv2d\nholder = [OPS]\nholder[0]['c'] = T\n",       # an alias of it, stored
    "T = F.conv2d\ndef _fill(f=T):\n    OPS['c'] = f\n_fill()\n",  # an alias as a default its function stores
])
def test_torch_s_convolution_stored_through_an_alias_or_a_stored_default_costs_the_by_hand_part(store):
    source = ("import torch\nimport torch.nn.functional as F\nOPS = {}\n" + store
              + "def conv2d(image, kernel, stride=1, padding=0):\n    return OPS['c'](image, kernel)\n")
    assert found([source]) != []


def test_a_self_check_with_torch_s_convolution_as_a_default_argument_stays_clean():
    # Fairness round 9: def check_conv(fn, ref=F.conv2d) cost q6 by hand (-3): a default called, never stored.
    check = ("import torch\nimport torch.nn.functional as F\ndef check_conv(fn, ref=F.conv2d):\n"
             "    x, k = torch.ones(1, 1, 4, 4), torch.ones(1, 1, 2, 2)\n    return torch.allclose(fn(x, k), ref(x, k))\n"
             "check_conv(conv2d)\n")
    assert found([HAND_WRITTEN, check]) == []


@pytest.mark.parametrize("use", [
    "import multiprocessing\nworkers = multiprocessing.cpu_count()\n",  # fairness round 9: -10
    "from multiprocessing import cpu_count\nworkers = cpu_count()\n",
    "import multiprocessing as mp\nworkers = mp.cpu_count()\n",
    "import multiprocessing\nworkers = multiprocessing.cpu_count()\np = multiprocessing.Process(target=print)\n",
    "import multiprocessing\nm = multiprocessing\n",
    "from multiprocessing import cpu_count, Process\n",
])
def test_multiprocessing_the_code_asked_about_never_reaches_is_readable_while_nothing_runs(use):
    # (until the starts were counted, only `cpu_count` was: fairness rounds 9 and 43)
    assert by_hand_findings((HAND_WRITTEN, use), "conv2d", threads_running=lambda: False) == []
    assert unreadable_findings((HAND_WRITTEN, use), models=True, threads_running=lambda: False) == []
    assert by_hand_findings((HAND_WRITTEN, use), "conv2d", threads_running=lambda: True)


_FIELDS = ("from dataclasses import dataclass\n@dataclass(frozen=True)\nclass Numbers:\n    stride: int = 1\n"
           "    padding: int = 0\n    def __post_init__(self):\n        for field in {names}:\n"
           "            if getattr(self, field) < 0:\n                raise ValueError(field)\n"
           "NUMBERS = Numbers()\n")


def test_getattr_on_self_over_a_loop_of_constant_plain_names_is_readable():
    # Fairness round 7: getattr(self, name) over ("stride", "padding") in __post_init__ cost q6, q7 and q8 (-10).
    source = _FIELDS.format(names='("stride", "padding")') + HAND_WRITTEN
    assert found([source]) == [] and _model_rule([source]) == []


@pytest.mark.parametrize("names", ['("stride", "__dict__")', '("stride", "settrace")', 'NAMES', '("stride", "jit")'])
def test_getattr_over_hidden_or_computed_names_stays_unreadable(names):
    source = "NAMES = ('a',)\n" + _FIELDS.format(names=names) + HAND_WRITTEN
    assert any("getattr" in what for _, what in found([source])), found([source])


@pytest.mark.parametrize("loop", ['for i, field in enumerate(("stride", "padding")):',
                                  'for field, k in zip(("stride", "padding"), (1, 2)):',
                                  'for k, field in zip(range(2), ["stride", "padding"]):',
                                  'for field in ("stride",):\n            pass\n        for i, field in enumerate(("padding",)):'])
def test_getattr_over_enumerate_or_zip_of_constant_plain_names_is_readable(loop):
    # Fairness round 82: `for i, name in enumerate(("conv1", ...)): getattr(self, name)` cost the models ten points.
    source = _FIELDS.replace("for field in {names}:", loop) + HAND_WRITTEN
    assert found([source]) == [] and _model_rule([source]) == []


@pytest.mark.parametrize("loop, before", [
    ('for i, field in enumerate(("stride", "padding")):', "enumerate = lambda names: [(0, '__dict__')]\n"),
    ('for field, k in zip(("stride", "padding"), (1, 2)):', "def zip(*a):\n    return [('__globals__', 0)]\n"),
    ('for field, k in zip((1, 2), ("stride", "padding")):', ""),  # (the strings give k, not field)
    ('for i, field in enumerate(("stride", "padding"), 1):', ""),
    ('for i, field in enumerate(("stride", "padding")):\n            field = "__dict__"', ""),
    ('for i, field in enumerate(("stride", "__dict__")):', ""),
    ('for i, field in enumerate(NAMES):', "NAMES = ('stride',)\n"),
    ('for field, k in zip(*[("stride", "padding"), (1, 2)]):', ""),
    ('for (field, k) in zip(("stride",), (1,), strict=True):', ""),
])
def test_getattr_over_enumerate_or_zip_stays_unreadable_unless_the_built_in_gives_a_literal_s_names(loop, before):
    source = before + _FIELDS.replace("for field in {names}:", loop) + HAND_WRITTEN
    assert any("getattr" in what for _, what in found([source])), found([source])


_LAYER_LOOP = ("import torch.nn as nn\nimport torch.nn.functional as F\nclass CNN(nn.Module):\n    LAYERS = {names}\n"
               "    def __init__(self):\n        super().__init__()\n        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)\n"
               "        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)\n    def forward(self, x):\n"
               "        for name in self.LAYERS:\n            x = F.max_pool2d(F.relu(getattr(self, name)(x)), 2)\n"
               "        return x\n")


@pytest.mark.parametrize("names", ['("conv1", "conv2")', '{"conv1": 3, "conv2": 2}', 'sorted(("conv2", "conv1"))',
                                   'sorted(["conv2", "conv1"], key=lambda s: s[-1], reverse=False)'])
def test_getattr_over_a_class_constant_of_names_is_readable(names):
    # Fairness round 85: the layers' names as a dict's keys or sorted cost the models ten points (a tuple did not).
    source = _LAYER_LOOP.format(names=names)
    assert _model_rule([source]) == [] and found([source, HAND_WRITTEN]) == []


@pytest.mark.parametrize("names, after", [
    ('{"conv1": 3, **EXTRA}', ""),  # (keys the text does not spell)
    ('{"conv1": 3, "conv2": 2}', 'CNN.LAYERS["apply"] = 1\n'),  # (a key added)
    ('{"conv1": 3, "conv2": 2}', 'CNN.LAYERS.update(apply=1)\n'),
    ('sorted(NAMES)', ""),
    ('sorted(("conv2", "conv1"), key=len, cmp=None)', ""),
    ('reversed(("conv2", "conv1"))', ""),
    ('sorted({"conv2": 0, "conv1": 1}.items())', ""),  # (pairs, not names)
])
def test_getattr_over_a_class_constant_stays_unreadable_unless_the_text_spells_its_names(names, after):
    source = "NAMES = ['conv1']\nEXTRA = {'apply': 0}\n" + _LAYER_LOOP.format(names=names) + after
    assert any("getattr" in what for what in _model_rule([source])), _model_rule([source])


def test_a_private_method_on_a_constructor_call_of_an_own_class_is_its_own():
    # Fairness round 85: `Slider(image)._slide(...)` cost q6 to q8 where `s = Slider(image); s._slide(...)` did not.
    helper = ("class Slider:\n    def __init__(self, image):\n        self.image = image\n"
              "    def _slide(self, k):\n        return self.image[:k, :k].max()\n")
    for use in ("    return Slider(image)._slide(k)\n", "    s = Slider(image)\n    return s._slide(k)\n"):
        source = helper + "def max_pool2d(image, k=2):\n" + use
        assert found([source, HAND_WRITTEN], "max_pool2d") == [] and _model_rule([source]) == []
    # not on what a class of torch's makes, or on a class bound otherwise too
    for other in ("import torch\nSlider = torch.nn.Module\n", "import torch\nclass Slider(torch.nn.Module): pass\n"):
        source = helper + other + "def max_pool2d(image, k=2):\n    return Slider(image)._slide(k)\n"
        assert any("_slide" in what for _, what in found([source, HAND_WRITTEN], "max_pool2d")), source


@pytest.mark.parametrize("restore", [
    "from numpy import *\nimport builtins\nsum, max, abs = builtins.sum, builtins.max, builtins.abs\n",
    "from numpy import *\nimport builtins as py\ntotal = py.sum([1, 2])\n",
    "from numpy import *\nfrom builtins import sum, max as py_max\n",
])
def test_built_ins_taken_back_from_the_builtins_module_are_readable(restore):
    # Fairness round 82: `import builtins` to restore what `from numpy import *` shadowed cost ten points.
    pool = "def max_pool2d(x, k=2):\n    return max([max(x[0][:k]), abs(x[1][0])])\n"
    assert found([restore, HAND_WRITTEN]) == [] and _model_rule([restore, HAND_WRITTEN]) == []
    assert found([restore, HAND_WRITTEN, pool], "max_pool2d") == []


@pytest.mark.parametrize("use", [
    "import builtins\ng = builtins.getattr\n",
    "import builtins\nb = builtins\n",
    "import builtins\nbuiltins.sum = print\n",
    "import builtins\nx = getattr(builtins, 'ex' + 'ec')\n",
    "import builtins\nimport sys\nx = sys.modules['builtins'].sum\n",
    "import builtins\ndef f(builtins=None):\n    return builtins.sum\n",
    "import builtins\nimport builtins as other\nx = builtins.sum\n",
    "from builtins import sum, exec\n",
    "import builtins\nx = builtins.__dict__\n",
    "import builtins\nx = vars(builtins)\n",
    "import builtins\nsum = builtins.getattr\n",
])
def test_the_builtins_module_used_for_anything_else_stays_unreadable(use):
    assert found([use, HAND_WRITTEN]) != []
    pool = "def max_pool2d(x, k=2):\n    return sum(x)\n"
    assert found([use, HAND_WRITTEN, pool], "max_pool2d") != []


@pytest.mark.parametrize("store", ["table.loc[len(table)] = [3]", "y = {}\ny[len(table)] = 3",
                                   "table.at[max(len(table), 1) - 1, 'a'] = 0", "table[sum([1])] = 0"])
def test_a_built_in_called_in_the_index_of_a_store_is_still_the_built_in(store):
    # Fairness round 83: `df.loc[len(df)] = row` (pandas' way to append a row) read `len` as a name the store binds,
    # and conv2d's own `len(...)` as reaching pandas: q6 -2.
    source = "import pandas as pd\ntable = pd.DataFrame({'a': [1, 2]})\n" + store + "\n"
    by_hand = HAND_WRITTEN + "\ndef size_of(x):\n    return len(x) + max(1, 2) + sum([1])\n"
    assert found([source, by_hand.replace("return (window * kernel).sum()",
                                          "return (window * kernel).sum() * size_of([1])")]) == []


@pytest.mark.parametrize("loop", [
    # attack round 124: targets of loops, comprehensions and `with` that store into an object
    "class Sink:\n    def __setitem__(self, key, value):\n        key.append(value)\ns = Sink()\n"
    "for s[KEEP] in (F.conv2d,):\n    pass\n",
    "import contextlib\nclass Sink:\n    def __setitem__(self, key, value):\n        key.append(value)\n"
    "s = Sink()\nwith contextlib.nullcontext(F.conv2d) as s[KEEP]:\n    pass\n",
    "KEEP.append(0)\n[0 for KEEP[0] in (F.conv2d,)]\n",
    "class Holder:\n    f = None\n{0: 0 for Holder.f in (F.conv2d,)}\nKEEP.append(Holder)\n",
    "def f():\n    return list(0 for KEEP[:] in [(F.conv2d,)])\nf()\n",
])
def test_a_loop_comprehension_or_with_target_that_stores_into_an_object_is_unreadable(loop):
    source = "import torch.nn.functional as F\nKEEP = []\n" + loop + \
             "def conv2d(image, kernel, stride=1, padding=0):\n    return KEEP[0](image[None, None], kernel[None, None])\n"
    assert any("target that stores into an object" in what for _, what in found([source]))
    assert any("target that stores into an object" in what for what in _model_rule([source]))


def test_loop_and_with_targets_of_names_stay_readable():
    source = ("import contextlib\nfor i, (a, b) in enumerate([(1, 2)]):\n    pass\n"
              "with contextlib.nullcontext(3) as c:\n    pass\ntotal = [x * y for x, y in [(1, 2)]]\n")
    assert found([source, HAND_WRITTEN]) == [] and _model_rule([source, HAND_WRITTEN]) == []


@pytest.mark.parametrize("store", ["y = {}\ny[(len := F.conv2d)] = 3", "y = {}\ny[F.conv2d] = 3\nlen = list(y)[0]"])
def test_a_name_an_index_binds_or_a_later_store_binds_is_not_the_built_in(store):
    source = "import torch.nn.functional as F\n" + store + "\n"
    by_hand = HAND_WRITTEN.replace("return (window * kernel).sum()", "return len([(window * kernel).sum()])")
    assert found([source, by_hand]) != []


@pytest.mark.parametrize("hook", ["import warnings\nwarnings.showwarning = lambda *a, **k: None\n",
                                  "import codecs\ncodecs.register(lambda name: None)\n"])
def test_functions_python_calls_from_inside_other_calls_are_unreadable(hook):
    # Attack round 9: torch's own warning called a showwarning that computed q6's convolution; so did a codec search.
    assert found([HAND_WRITTEN, hook]) != []


def test_a_call_s_result_stored_is_not_torch_s_function_stored():
    results = "import torch.nn.functional as F\nimport torch\nresults = []\n" \
              "results.append(F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)))\n"
    assert found([HAND_WRITTEN, results]) == []


SUBCLASS_REGISTRY = '''
import torch
import torch.nn.functional as F
LAYERS = {}
class Layer:
    kind = None
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        LAYERS[cls.kind] = cls
class Conv(Layer):
    kind = "conv"
    def __init__(self, kernel):
        self.kernel = kernel
    def __call__(self, image):
        return (image[:2, :2] * self.kernel).sum()
'''
USES_REGISTRY = "def conv2d(image, kernel, stride=1, padding=0):\n    return LAYERS['conv'](kernel)(image)\n"


def test_a_hook_handed_every_subclass_stays_unreadable():
    """``__init_subclass__`` (and ``__set_name__``, handed the owner class) give code every class the reader cannot
    name: attack round 11 reached a subclass through ``Layer.mro()[0]``, ``__main__.Layer``, a class nested under
    a known name, a name rebound after the class was filed.  The honest registry of fairness round 8 is a
    judgement call (tests/test_fairness.py)."""
    assert ("unverifiable", "def __init_subclass__") in found([SUBCLASS_REGISTRY + USES_REGISTRY])
    named_owner = SUBCLASS_REGISTRY.replace("    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n"
                                            "        LAYERS[cls.kind] = cls\n", "    pass\n")
    assert found([named_owner + USES_REGISTRY]) == []
    assigned = named_owner.replace("class Layer:\n", "def _file(cls):\n    LAYERS[cls.kind] = cls\nclass Layer:\n"
                                   "    __init_subclass__ = classmethod(_file)\n")
    assert ("unverifiable", "__init_subclass__ = ...") in found([assigned + USES_REGISTRY]), found([assigned])


@pytest.mark.parametrize("change", [
    # a table changed through the list that holds it (attack round 11, after round 7's container gap)
    "holder = [TABLE]\ndef fast(i, k):\n    return F.conv2d(i, k)\nholder[0]['conv'] = fast\n",
    "holder = []\nholder.append(TABLE)\ndef fast(i, k):\n    return F.conv2d(i, k)\nholder[0].update(conv=fast)\n",
    "outer = {'t': [TABLE]}\ndef fast(i, k):\n    return F.conv2d(i, k)\nouter['t'][0]['conv'] = fast\n",
])
def test_a_change_made_through_a_container_of_a_reached_object_is_read(change):
    source = ("import torch.nn.functional as F\nTABLE = {'conv': lambda i, k: (i[:2, :2] * k).sum()}\n" + change
              + "def conv2d(image, kernel, stride=1, padding=0):\n    return TABLE['conv'](image, kernel)\n")
    assert ("builtin", "F.conv2d") in found([source]), found([source])


def test_a_hook_put_on_a_module_held_in_a_list_is_read_with_the_list():
    source = ("import torch\nimport torch.nn.functional as F\nSTEPS = [torch.nn.Identity()]\n"
              "def h(m, i, o):\n    return F.conv2d(o[None, None], torch.ones(1, 1, 2, 2))[0, 0]\n"
              "STEPS[0].register_forward_hook(h)\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n    return STEPS[0](image)\n")
    assert ("builtin", "F.conv2d") in found([source]), found([source])


MODEL_HOOKED = '''
import torch
from torch import nn
def add_channel_axis(module, inputs):
    (x,) = inputs
    return (x.unsqueeze(1),) if x.dim() == 3 else None
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.register_forward_pre_hook({hook})
    def forward(self, x):
        return self.conv1(x)
'''


def test_a_hook_a_model_puts_on_itself_is_read_as_the_code_it_names():
    """Fairness round 8: the hook runs inside the model's own call, where the recorder watches; the reader reads it
    where it is named (a by-hand function that builds the model reaches it)."""
    source = MODEL_HOOKED.format(hook="add_channel_axis")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    assert found([source + HAND_WRITTEN]) == []
    hooked_conv = MODEL_HOOKED.format(hook="lambda m, i: print(F.conv2d(i[0], m.conv1.weight).shape)")
    uses_model = "import torch.nn.functional as F\n" + hooked_conv + (
        "def conv2d(image, kernel, stride=1, padding=0):\n    CNN()(image[None, None])\n    return image\n")
    assert ("builtin", "F.conv2d") in found([uses_model]), found([uses_model])


DESCRIPTOR = '''
import torch
import torch.nn.functional as F
class PositiveInt:
    def __init__(self, name, minimum=1):
        self.name, self.minimum, self.values = name, minimum, {}
    def __get__(self, obj, objtype=None):
        return self if obj is None else self.values[id(obj)]
    def __set__(self, obj, value):
        if value < self.minimum:
            raise ValueError(self.name)
        self.values[id(obj)] = value
class Sliding:
    stride = PositiveInt("stride", 1)
    def __init__(self, stride):
        self.stride = stride
def conv2d(image, kernel, stride=1, padding=0):
    s = Sliding(stride).stride
    return (image[::s, ::s][:2, :2] * kernel).sum()
'''


def test_a_descriptor_is_read_with_the_class_that_holds_it():
    """Fairness round 8: a validated attribute written as a descriptor is ordinary code; what its methods name is
    reached with the class whose body holds it."""
    assert found([DESCRIPTOR]) == []
    hidden = DESCRIPTOR.replace("return self if obj is None else self.values[id(obj)]", "return F.conv2d")
    assert ("builtin", "F.conv2d") in found([hidden]), found([hidden])
    later = DESCRIPTOR.replace('    stride = PositiveInt("stride", 1)\n', "    pass\n").replace(
        "def conv2d", "class Leak:\n    def __get__(self, obj, t=None):\n        return F.conv2d\n"
        "Sliding.stride = Leak()\ndef conv2d")
    assert ("builtin", "F.conv2d") in found([later]), found([later])


def test_gradient_hooks_are_read_as_the_students_own_code():
    """Fairness rounds 13 and 14: a Grad-CAM hook in forward and gradient norms logged by a module's backward hook
    cost -10; what they do to a model's gradients is judged by the gradient check, and a hook on a parameter (attack
    round 12 kept a kernel 1x1 with one) makes a judged pass unjudgeable (tests/test_held_parameters.py)."""
    in_forward = ("import torch\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                  "        self.conv1 = torch.nn.Conv2d(1, 3, 3)\n"
                  "        self.conv1.register_full_backward_hook(lambda m, gi, go: print(go[0].norm()))\n"
                  "    def forward(self, x):\n        x = self.conv1(x)\n        if x.requires_grad:\n"
                  "            x.register_hook(self.save)\n        return x\n    def save(self, grad):\n"
                  "        self.grad = grad\n")
    assert found([in_forward + HAND_WRITTEN]) == []
    node = "import torch\nw = torch.zeros(2, requires_grad=True)\nw.view_as(w).grad_fn.register_prehook(print)\n"
    assert any("register_prehook" in what for _, what in found([node + HAND_WRITTEN]))


def test_a_class_that_gives_its_own_account_of_its_parameters_is_unreadable():
    """Attack round 13 hid its head from an optimiser with an overridden parameters(); a function of that name
    outside a class is anyone's."""
    hidden = ("import torch\nclass CNN(torch.nn.Module):\n    def parameters(self, recurse=True):\n"
              "        return iter([])\n")
    assert any(what.startswith("def parameters") for _, what in found([hidden + HAND_WRITTEN]))
    assert found(["def parameters(model):\n    return sum(p.numel() for p in model.parameters())\n" + HAND_WRITTEN]) == []


def test_a_class_that_can_be_a_module_gives_no_account_of_its_own_by_any_binding():
    """Attack round 14 bound `parameters = parameters_but_the_head` in a model's class body; fairness round 13 gave
    a plain layer class of its own for q6 `def parameters` and `def state_dict` (no nn.Module, never one's base)."""
    assigned = ("import torch\nclass CNN(torch.nn.Module):\n    def others(self, recurse=True):\n"
                "        return iter([])\n    parameters = others\n")
    assert any(what.startswith("parameters = ...") for _, what in found([assigned + HAND_WRITTEN]))
    plain = ("class Layer:\n    def __init__(self):\n        self.w = [1.0]\n    def parameters(self):\n"
             "        return list(self.w)\n    def state_dict(self):\n        return {'w': self.w}\n"
             "class Conv(Layer):\n    pass\n")
    assert found([plain + HAND_WRITTEN]) == []
    # the same class becomes a module's account once a module takes it as a base, in any cell
    module = "import torch\nclass CNN(Layer, torch.nn.Module):\n    pass\n"
    assert any(what.startswith("def parameters") for _, what in found([plain, module, HAND_WRITTEN]))
    decorated = "import functools\n@functools.total_ordering\n" + plain
    assert any(what.startswith("def parameters") for _, what in found([decorated + HAND_WRITTEN]))


@pytest.mark.parametrize("stored, expected", [
    # attack round 14: what an untied change stores, followed through the names in it
    ("import torch.nn.functional as F\ndef _c(x, k):\n    return F.conv2d(x, k)\nconv_fn = _c\n"
     "holder[0]['c'] = conv_fn\n", "F.conv2d"),
    ("import functools\nimport torch.nn.functional as F\np = functools.partial(F.conv2d)\nholder[0]['c'] = p\n",
     "F.conv2d (stored by a change"),
    ("import torch.nn.functional as F\nclass Ops:\n    def conv(self, x, k):\n        return F.conv2d(x, k)\n"
     "holder[0]['c'] = Ops().conv\n", "F.conv2d"),
    ("import torch.nn.functional as F\ndef torch_conv():\n    return F.conv2d\nholder[0]['c'] = torch_conv()\n",
     "F.conv2d (stored by a change"),
    ("from torch.nn.functional import conv2d as c2\nholder[0]['c'] = c2\n", "c2 (stored by a change"),
])
def test_what_an_untied_change_stores_is_read_from_every_by_hand_function(stored, expected):
    table = "ops = {}\nholder = [t for t in (ops,)]\n"
    findings = found([table + stored + HAND_WRITTEN])
    assert any(expected in what for _, what in findings), findings


def test_results_an_untied_change_stores_are_data():
    """A self-check keeps torch's results (a wrapper's too) beside the student's in a table: nothing is stored
    that computes."""
    checks = ("import torch\nimport torch.nn.functional as F\nrows = [{}]\n"
              "def torch_reference(x, k):\n    return F.conv2d(x, k)\nx = torch.rand(1, 1, 4, 4)\nk = torch.rand(1, 1, 2, 2)\n"
              "expected = torch_reference(x, k)\nrows[0]['torch'] = expected\nrows[0]['direct'] = F.conv2d(x, k)\n"
              "rows[0]['mine'] = conv2d(x[0, 0], k[0, 0])\nrows[0]['shape'] = F.conv2d(x, k).shape\n")
    assert found([HAND_WRITTEN + checks]) == []


@pytest.mark.parametrize("source", [
    # fairness round 13: everyday parts of modules whose other parts run code out of sight
    "import pickle, timeit, tracemalloc, weakref, codecs\nimport torch\nstart = timeit.default_timer()\n"
    "with open('answers.pkl', 'wb') as f:\n    pickle.dump({'q1': 'C'}, f, protocol=pickle.HIGHEST_PROTOCOL)\n"
    "tracemalloc.start()\nprint(timeit.timeit(lambda: conv2d(torch.ones(3, 3), torch.ones(2, 2)), number=3))\n",
    "from timeit import default_timer as timer\nt0 = timer()\n",
    "import inspect, functools\ndef checked(fn):\n    signature = inspect.signature(fn)\n"
    "    @functools.wraps(fn)\n    def wrapper(*args, **kwargs):\n        signature.bind(*args, **kwargs)\n"
    "        return fn(*args, **kwargs)\n    return wrapper\n",
])
def test_the_harmless_parts_of_watched_modules_are_readable(source):
    assert found([source + HAND_WRITTEN]) == []


@pytest.mark.parametrize("source, expected", [
    ("import pickle\nwith open('a.pkl', 'rb') as f:\n    answers = pickle.load(f)\n", "pickle (pickle, for more than"),
    ("import timeit\ntimeit.timeit('conv2d(x, k)', number=1)\n", "timeit (timeit, for more than"),
    ("from timeit import timeit\n", "from timeit import timeit"),
    ("import weakref\nweakref.finalize(object(), print)\n", "weakref (weakref, for more than"),
    ("import codecs\ncodecs.register(lambda name: None)\n", "codecs (codecs, for more than"),
])
def test_the_other_parts_of_watched_modules_stay_unreadable(source, expected):
    assert any(expected in what for _, what in found([source + HAND_WRITTEN])), found([source + HAND_WRITTEN])


@pytest.mark.parametrize("source", [
    # attack round 16: a plain class made a model's base under another name, or by a decorator named dataclass
    "import torch\nclass Accounts:\n    def parameters(self):\n        return iter([])\nBookkeeping = Accounts\n"
    "class CNN(Bookkeeping, torch.nn.Module):\n    pass\n",
    "import torch\ndef dataclass(cls):\n    return type('M', (cls, torch.nn.Module), {})\n@dataclass\n"
    "class Accounts:\n    def parameters(self):\n        return iter([])\n",
])
def test_a_plain_class_that_may_become_a_modules_base_is_no_plain_class(source):
    assert any(what.startswith("def parameters") for _, what in found([source + HAND_WRITTEN]))


def test_a_plain_class_compared_with_or_annotated_stays_plain():
    source = ("from dataclasses import dataclass\n@dataclass\nclass Layer:\n    size: int = 3\n"
              "    def parameters(self):\n        return [self.size]\n"
              "def describe(layer: Layer) -> Layer:\n    assert isinstance(layer, Layer)\n    return layer\n"
              "describe(Layer())\n")
    assert found([source + HAND_WRITTEN]) == []


@pytest.mark.parametrize("source, expected", [
    # attack round 16: text bound to a name, and what an untied change stores through a loop, a default, getattr
    ("import timeit\ncode = 'print(1)'\ntimeit.timeit(code, number=1)\n", "timeit (timeit, for more than"),
    ("import torch.nn.functional as F\nops = {}\nholder = [t for t in (ops,)]\nfor f in (F.conv2d,):\n"
     "    holder[0]['c'] = f\n", "F.conv2d (stored by a change"),
    ("import torch.nn.functional as F\nops = {}\nholder = [t for t in (ops,)]\ndef pick(f=F.conv2d):\n"
     "    return f\nholder[0]['c'] = pick()\n", "F.conv2d (stored by a change"),
    ("import torch.nn.functional as F\nops = {}\nholder = [t for t in (ops,)]\n"
     "holder[0]['c'] = getattr(F, 'conv2d')\n", "getattr(..., 'conv2d')"),
])
def test_round_16s_ways_around_the_reader_are_read(source, expected):
    findings = found([source + HAND_WRITTEN])
    assert any(expected in what for _, what in findings), findings


def test_a_custom_autograd_function_is_read_as_the_students_own_code():
    """Fairness round 14: the PyTorch tutorial's MyReLU (an autograd.Function with its own backward) in a model cost
    -10; what its backward does to a model's gradients is now judged by the gradient check.  Reached from q6's
    conv2d, its forward is read like any method of the student's."""
    relu = ("import torch\nclass MyReLU(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
            "        ctx.save_for_backward(x)\n        return x.clamp(min=0)\n    @staticmethod\n"
            "    def backward(ctx, grad):\n        (x,) = ctx.saved_tensors\n        return grad * (x > 0)\n")
    assert found([relu + HAND_WRITTEN]) == []
    hidden = ("import torch\nimport torch.nn.functional as F\nclass _Conv(torch.autograd.Function):\n"
              "    @staticmethod\n    def forward(ctx, image, kernel):\n        return F.conv2d(image, kernel)\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n    return _Conv.apply(image, kernel)\n")
    assert ("builtin", "F.conv2d") in found([hidden])


def test_torch_jit_on_a_built_model_and_hasattr_with_a_constant_are_readable():
    """Fairness round 14: a model scripted after the answers, and a torch.compile demo guarded by hasattr(torch,
    "compile"), cost -10; jit's tracer, loaders and compilation units stay unreadable."""
    source = ("import torch\nm = torch.nn.Linear(2, 1)\nscripted = torch.jit.script(m)\n"
              "print(torch.jit.is_scripting())\n"
              "if hasattr(torch, 'compile'):\n    print('compile is there')\n")
    assert found([source + HAND_WRITTEN]) == []
    for loader in ("torch.jit.load('m.pt')", "torch.jit.CompilationUnit('def f(x): return x')",
                   "getattr(torch, 'jit')"):
        assert found([f"import torch\nthing = {loader}\n" + HAND_WRITTEN]), loader


@pytest.mark.parametrize("source, expected", [
    # attack round 17: backpropagation inside conv2d runs a hook registered anywhere, reached through the graph
    (HAND_WRITTEN.replace("    return out\n", "    out.sum().backward()\n    return out\n"), "backpropagation"),
    # TorchScript resolves a name when it compiles: the first binding, not the one in force when the checks run
    ("import torch\n_slide = torch.conv2d\n@torch.jit.script\ndef _use(x, k):\n    return _slide(x, k)\n"
     "def _slide(x, k):\n    return x\n" + HAND_WRITTEN, "@torch.jit.script on _use"),
])
def test_round_17s_ways_around_the_reader_are_read(source, expected):
    findings = found([source])
    assert any(expected in what for _, what in findings), findings


def test_a_scripted_defs_own_arguments_are_its_own():
    """A scripted def's parameters and locals shadow module names bound twice (the solutions bind `k` and `n`)."""
    source = ("import torch\nk = 1\nk = 2\nn = 3\nn = 4\n@torch.jit.script\ndef size(n: int, k: int) -> int:\n"
              "    m = n - k\n    return m + 1\n" + HAND_WRITTEN)
    assert found([source]) == []


# A shape printer hooked on every layer, which a loop variable hands every function of the file (fairness round 27)
SHAPE_HOOK = '''
def log_shape(module, inputs, output):
    if isinstance(module, (torch.nn.Conv2d, torch.nn.MaxPool2d)):
        print(type(module).__name__, tuple(output.shape))

demo = torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3), torch.nn.MaxPool2d(2))
for layer in demo:
    layer.register_forward_hook(log_shape)
'''


def test_a_class_named_only_to_be_tested_against_is_no_call_of_it():
    assert found([HAND_WRITTEN + SHAPE_HOOK.replace("isinstance(module, (", "issubclass(type(module), (")]) == []
    assert found([HAND_WRITTEN + SHAPE_HOOK]) == []


@pytest.mark.parametrize("rebinding", [
    "isinstance = lambda value, cls: cls[0](1, 3, 3)(value) is not None\n",
    "import builtins\nbuiltins.isinstance = lambda value, cls: cls[0](1, 3, 3)(value) is not None\n",
    "import builtins\nsetattr(builtins, 'isinstance', lambda value, cls: cls[0](1, 3, 3)(value) is not None)\n",
], ids=["module-level name", "builtins attribute", "setattr by name"])
def test_a_class_test_the_submission_rebinds_may_call_the_class(rebinding):
    assert ("builtin", "torch.nn.Conv2d") in found([HAND_WRITTEN + rebinding + SHAPE_HOOK])


def test_a_dict_filled_by_calling_its_setitem_is_read_as_the_change_it_makes():
    """Fairness round 23: `self.stats.__setitem__(name, value)` in a hook's lambda is `self.stats[name] = value`
    (it was unreadable as a dunder, -10); a table of torch's convolution filled so is still found."""
    hook = ("stats = {}\nlayer = torch.nn.Conv2d(1, 1, 3)\n"
            "layer.register_forward_hook(lambda m, i, o: stats.__setitem__('mean', o.abs().mean().item()))\n")
    assert found([HAND_WRITTEN + hook]) == []
    table = ("import torch.nn.functional as F\nOPS = {}\nOPS.__setitem__('c', F.conv2d)\n"
             "def conv2d(image, kernel, stride=1, padding=0):\n    return OPS['c'](image, kernel)\n")
    assert ("builtin", "F.conv2d") in found([table])


HOOKED_THROUGH = '''
import torch

class Window(torch.nn.Module):
    def forward(self, t):
        return t

window = Window()

def answer(module, inputs, output):
    {body}

{install}

def conv2d(image, kernel, stride=1, padding=0):
    return window(image)
'''
INSTALLS = {
    "a parameter": "def install(module):\n    module.register_forward_hook(answer)\n\ninstall(window.train())",
    "a default argument": "def install(module=window):\n    module.register_forward_hook(answer)\n\ninstall()",
    "a lambda's parameter": "(lambda module: module.register_forward_hook(answer))(window.eval())",
    "a match capture": "match window:\n    case Window() as module:\n        module.register_forward_hook(answer)",
}


@pytest.mark.parametrize("install", sorted(INSTALLS))
def test_a_hook_registered_through_a_name_the_reader_cannot_tie_is_read_from_every_function(install):
    """Attack rounds 27b and 29b: a forward hook put on the module conv2d calls, through a function's parameter (or
    a default argument, a lambda, a match capture), answered with torch's convolution; the reader tied it to
    nothing.  What such a hook runs is now code of every by-hand function; a shape printer is still nothing."""
    cheat = HOOKED_THROUGH.format(body="return torch.conv2d(inputs[0][None, None], torch.ones(1, 1, 3, 3))[0, 0]",
                                  install=INSTALLS[install])
    assert ("builtin", "torch.conv2d") in found([cheat]), found([cheat])
    printer = HOOKED_THROUGH.format(body="print(output.shape)", install=INSTALLS[install])
    assert found([printer]) == []


#: Fairness round 26: by-hand functions whose locals `out`, `i` and `j` are spelled like a plot cell's names, which
#: loops over a model's feature maps at top level; `out` is also bound to a model's output at top level, so the
#: functions' `out[i, j] = ...` is a change the reader cannot tie to one object.
LOCALS_SPELLED_LIKE_TOP_LEVEL = ("""
import torch
from torch import nn

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    out = torch.zeros((h - kh) // stride + 1, (w - kw) // stride + 1)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            total = (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            out[i, j] = total
    return out

def max_pool2d(image, kernel_size=2):
    out = torch.zeros(image.shape[0] // kernel_size, image.shape[1] // kernel_size)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    return out
""", """
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))

    def forward(self, x):
        return self.main(x)

out = CNN()(torch.rand(1, 1, 8, 8))
fmap = CNN().main[0](torch.rand(1, 1, 8, 8))
for i, row in enumerate(fmap[0]):
    for j in range(2):
        print(row[j].mean())
""")


@pytest.mark.parametrize("function", ["conv2d", "max_pool2d"])
def test_a_by_hand_functions_locals_are_not_the_top_level_names_spelled_alike(function):
    """A local of the function a change is in is followed to what that function binds to it, never to a module-level
    name spelled alike (here: a loop over a model's feature maps, which reads the model's Conv2d)."""
    assert by_hand_findings(LOCALS_SPELLED_LIKE_TOP_LEVEL, function) == []

    # A change in another function, through a local bound to torch's own convolution, into a table conv2d reads: the
    # local is followed to what that function binds to it.
    cheat = LOCALS_SPELLED_LIKE_TOP_LEVEL[0].replace(
        "            total = (image", "            total = TABLE[0][0](image[None, None], kernel[None, None]).sum() + (image")
    cheat = cheat.replace("from torch import nn\n", "from torch import nn\nimport torch.nn.functional as F\n"
                          "TABLE = [{}]\nholder = TABLE[0]\n\ndef setup():\n    slot = F.conv2d\n    holder[0] = slot\n\n"
                          "setup()\n")
    assert by_hand_findings((cheat, LOCALS_SPELLED_LIKE_TOP_LEVEL[1]), "conv2d") != []


# -- fairness round 30: students' set-up recipes that run no code out of sight -----------------------------------

COLAB = "try:\n    import google.colab\n    IN_COLAB = True\nexcept ImportError:\n    IN_COLAB = False\n"
ANSWERS = "import json\nanswers = {'q1': 'C', 'q4': [84, 1337]}\n"


@pytest.mark.parametrize("source", [
    # fairness rounds 30 and 47: names a newer library took out, put back; the certificate recipe; an unused import
    "import numpy as np\nnp.float = float\nnp.int = int\nnp.bool = bool\nnp.NaN = np.nan\nnp.float_ = np.float64\n",
    "import collections\nimport collections.abc\ncollections.Iterable = collections.abc.Iterable\n",
    "import ssl\nssl._create_default_https_context = ssl._create_unverified_context\n",
    "import torch\nimport torch.fx\n",
])
def test_a_removed_name_put_back_or_an_unused_import_is_readable(source):
    assert found([source + HAND_WRITTEN]) == []
    assert _model_rule([source + HAND_WRITTEN]) == []


@pytest.mark.parametrize("source", [
    "import sys\nsys.argv = ['']\n",  # argparse in a notebook
    "import logging\nlogging.root.handlers = []\nlogging.basicConfig(level=logging.INFO)\n",
    "from IPython.core.interactiveshell import InteractiveShell\nInteractiveShell.ast_node_interactivity = 'all'\n",
    "class AttrDict(dict):\n    __getattr__ = dict.__getitem__\n    __setattr__ = dict.__setitem__\n"
    "    __delattr__ = dict.__delitem__\ncfg = AttrDict(lr=0.1)\nprint(cfg.lr)\n",
    "class Bunch:\n    def __init__(self, **kwargs):\n        self.__dict__.update(kwargs)\ncfg = Bunch(lr=0.1)\n",
    "import torch\nprint(torch.__config__.show())\nprint(torch.__config__.parallel_info())\n",
    # an optional module that is not installed, beside files written under names no import loads
    COLAB + ANSWERS + "with open('my_answers.json', 'w') as f:\n    f.write(json.dumps(answers))\n",
    COLAB + ANSWERS + "import pandas as pd\npd.DataFrame(answers).to_csv(f'{OUT}/q4_counts.csv')\n".replace(
        "{OUT}", "{'.'}"),
    COLAB + ANSWERS + "import os\nlog = open(os.path.join('runs', 'train_log.txt'), 'a')\nprint(answers, file=log)\n",
    COLAB + ANSWERS + "def train(steps, log_path='train_log.txt'):\n    with open(log_path, 'w') as log:\n"
    "        print(steps, answers, file=log)\ntrain(3)\ntrain(4, log_path=f'{steps}_log.txt')\n",
])
def test_a_recipe_that_sets_data_or_binds_dicts_own_methods_is_readable(source):
    assert found([source + HAND_WRITTEN]) == []
    assert _model_rule([source + HAND_WRITTEN]) == []


@pytest.mark.parametrize("source, expected", [
    # a module's attribute set to anything but a literal of constants, or torch's and NumPy's at all
    ("import logging\nclass H(logging.Handler):\n    def emit(self, r):\n        pass\nlogging.root.handlers = [H()]\n",
     "logging.root.handlers = ... (patches an imported module)"),
    ("import sys\ndef f():\n    pass\nsys.excepthook = f\n", "sys.excepthook"),
    ("import numpy as np\nnp.sum = float\n", "np.sum = ... (patches an imported module)"),
    ("import numpy as np\ndef f(x):\n    return x\nnp.float = f\n", "np.float = ... (patches an imported module)"),
    ("import numpy as np\nimport torch\nnp.float = torch.conv2d\n", "np.float = ... (patches an imported module)"),
    ("import numpy as np\nfloat = lambda x: x\nnp.float = float\n", "np.float = ... (patches an imported module)"),
    ("import collections\ncollections.OrderedDict = dict\n", "collections.OrderedDict = ... (patches an imported "
                                                             "module)"),
    ("import ssl\ndef f():\n    pass\nssl._create_default_https_context = f\n",
     "ssl._create_default_https_context = ... (patches an imported module)"),
    ("import ssl\nssl.where = ssl.warnings.warn\n", "ssl.where = ... (patches an imported module)"),  # round 63
    ("import numpy as np\nnp.float = np.matrixlib.defmatrix.warnings.warn\n", "np.float = ... (patches an imported "
                                                                             "module)"),
    ("import numpy as np\nnp.float = np.sum\n", "np.float = ... (patches an imported module)"),  # not a type
    ("import torch.fx as fx\n", "import torch.fx"),
    ("import torch\nimport torch.fx\ngraph = torch.fx.symbolic_trace\n", "torch.fx"),
    ("import torch._dynamo\n", "import torch._dynamo"),
    ("import torch\ntorch.nn.functional.relu = 0\n", "torch.nn.functional.relu = ... (patches an imported module)"),
    ("import logging\nlogging.root.handlers += []\n", "logging.root.handlers = ... (patches an imported module)"),
    # a special method bound to anything but dict's own
    ("def get(self, name):\n    return 1\nclass AttrDict(dict):\n    __getattr__ = get\n", "__getattr__ = ..."),
    ("dict = type('dict', (), {})\nclass AttrDict(dict):\n    __getattr__ = dict.__getitem__\n", "__getattr__ = ..."),
    ("class AttrDict(dict):\n    __init_subclass__ = dict.get\n", "__init_subclass__ = ..."),
    # an instance's namespace updated in a class with a base (torch's Module bypasses its own __setattr__ so), or
    # another object's
    ("import torch\nclass M(torch.nn.Module):\n    def __init__(self, **kw):\n        super().__init__()\n"
     "        self.__dict__.update(kw)\n", "self.__dict__"),
    ("class Bunch:\n    def __init__(self, other, **kw):\n        other.__dict__.update(kw)\n", "other.__dict__"),
    ("import torch\ntorch.__config__ = None\n", "torch.__config__"),
    ("import torch\nprint(torch.__dict__)\nx = torch.__dict__['conv2d']\n", "torch.__dict__"),
])
def test_what_those_recipes_resemble_is_still_unreadable(source, expected):
    assert expected in [what for _, what in found([source + HAND_WRITTEN])]


@pytest.mark.parametrize("change", [
    "with open('colab.py', 'w') as f:\n    f.write(json.dumps(answers))\n",  # a module's name
    "with open(NAME, 'w') as f:\n    f.write(json.dumps(answers))\n",  # a name not known
    "with open('a.json', 'w') as f:\n    f.write(json.dumps(answers))\nimport os\nos.rename('a.json', 'x.py')\n",
    "with open('a.json', 'w') as f:\n    f.write(json.dumps(answers))\nfrom shutil import copy\n",
    "with open('a.json', 'w') as f:\n    f.write(json.dumps(answers))\nimport shutil\nmake = shutil.copy\n",
    "with open('a.json', 'w') as f:\n    f.write(json.dumps(answers))\nimport pathlib\npathlib.Path('a.json').replace('b.py')\n",
    "with open('a.json', 'wb') as f:\n    f.write(bytes(answers))\nimport sys\nsys.path.insert(0, 'a.json')\n",  # a zip
    "import tempfile\nf = tempfile.NamedTemporaryFile('w', suffix='.py', delete=False)\nf.write(str(answers))\n",
    "import shutil\nf = open('a.json', 'w')\nf.write(str(answers))\nshutil.copy('a.json', 'google/colab.py')\n",
    "import os\nf = open('a.json', 'w')\nf.write(str(answers))\nos.replace('a.json', 'colab.py')\n",
    "open = lambda *a: None\nlog = open('train_log.txt', 'w')\nlog.write(str(answers))\n",
    "import shutil\nf = open('a.json', 'w')\nf.write(str(answers))\ngetattr(shutil, 'co' + 'py')('a.json', 'x.py')\n",
    "import pathlib\npathlib.Path('google', 'colab.py').write_text(str(answers))\n",
    "import sys\nf = open('a.json', 'wb')\nf.write(bytes(answers))\ngetattr(sys, 'path').insert(0, 'a.json')\n",
    # a parameter's default names a data file, but a call gives it another name, or it is passed on, or rebound
    "def save(path='a.json'):\n    open(path, 'w').write(str(answers))\nsave('google/colab.py')\n",
    "def save(path='a.json'):\n    open(path, 'w').write(str(answers))\nsave(path='colab.py')\n",
    "def save(path='a.json'):\n    open(path, 'w').write(str(answers))\nrun = save\nrun('colab.py')\n",
    "def save(path='a.json'):\n    path = 'colab.py'\n    open(path, 'w').write(str(answers))\nsave()\n",
    "def save(path='a.json'):\n    open(path, 'w').write(str(answers))\nsave(*['colab.py'])\n",
    # a local name is not the top level's of the same spelling
    "PATH = 'a.json'\ndef save():\n    PATH = 'colab.py'\n    open(PATH, 'w').write(str(answers))\nsave()\n",
    "PATH = 'a.json'\ndef save():\n    for PATH in ['colab.py']:\n        open(PATH, 'w').write(str(answers))\n",
    "PATH = 'a.json'\ndef save():\n    import colab as PATH\n    open(PATH, 'w').write(str(answers))\n",
    "import sys\nf = open('a.json', 'wb')\nf.write(bytes(answers))\nvars(sys)['path'].insert(0, 'a.json')\n",
])
def test_an_import_that_is_not_installed_beside_a_file_that_could_be_it_is_still_unreadable(change):
    source = COLAB + ANSWERS + change
    assert any("google.colab (a module that is not installed" in what for what in _model_rule([source])), \
        _model_rule([source])


NOTES = "notes = '\\n'.join(['import torch', 'print(torch.__version__)'])\n"


@pytest.mark.parametrize("change", [
    # attack round 38: a module written with text the reader cannot know, then imported by a library from a name
    # it is given, with no import statement of it
    "import pathlib\npathlib.Path('results.json/run_notes.py').relative_to('results.json').write_text(notes)\n"
    "import xml.sax\nxml.sax.default_parser_list = ['run_notes']\nxml.sax.make_parser()\n",
    "import pathlib\ndef artifact(name):\n    return pathlib.Path('run_notes.py')\n"
    "artifact('notes.json').write_text(notes)\nimport pandas as pd\npd.options.plotting.backend = 'run_notes'\n",
    "import logging\nlog = logging.getLogger('x')\nlog.addHandler(logging.FileHandler('run_notes.py'))\nlog.warning(notes)\n"
    "import matplotlib\nmatplotlib.use('module://run_notes')\n",
    "from logging import FileHandler\nFileHandler('run_notes.py')\n",
    "import logging\nlogging.basicConfig(filename='run_notes.py')\n",
    "with open('run_notes.py', 'w') as f:\n    f.write(notes)\n",
    "with open(f'{NAME}.p' + 'y', 'w') as f:\n    f.write(notes)\n",
    "import pathlib\ndef save(folder):\n    path = pathlib.Path(folder) / 'answers.pkl'\n    path = path.with_suffix('.py')\n"
    "    path.write_bytes(notes.encode())\n",
    "import pathlib\ndef save(folder):\n    for path in [pathlib.Path('run_notes.py')]:\n        path.write_text(notes)\n",
    "import zipfile\nzipfile.ZipFile('notes.zip', 'w').writestr('run_notes.py', notes)\nimport sys\nsys.path.append('notes.zip')\n",
    "import zipfile\nzipfile.ZipFile('notes.zip', 'w').writestr('run_notes.py', notes)\nzipfile.ZipFile('notes.zip').extractall()\n",
    "import zipfile\nzipfile.ZipFile(NAME, 'w').writestr('x', notes)\n",
])
def test_a_file_written_with_text_the_reader_cannot_know_under_a_module_s_name_is_unreadable_once_imported(change):
    """(With no import of it, such a file is left to the worker, which does not run it: test_sandbox.py's
    test_code_the_submission_writes_runs_only_if_the_judge_read_it.)"""
    units = [NOTES + change, "import run_notes\n"]
    assert any("import run_notes (a module that is not installed" in what for what in _model_rule(units)), \
        _model_rule(units)


@pytest.mark.parametrize("change", [
    "import logging\nlogging.basicConfig(filename='train.log', level=logging.INFO)\nlogging.info(notes)\n",
    "import pathlib\n(pathlib.Path('out') / 'notes.md').write_text(notes)\n",
    "import numpy as np\nnp.savetxt('q4_counts.dat', np.zeros(3), header=notes)\n",
    "with open('weights_notes', 'w') as f:\n    f.write(notes)\n",
    "import logging, sys\nlogging.basicConfig(handlers=[logging.StreamHandler(sys.stdout), "
    "logging.FileHandler('lecture06.log')])\n",
    "import pathlib\ndef save(folder):\n    path = pathlib.Path(folder) / 'answers.pkl'\n    path.write_bytes(notes.encode())\n",
    # the outputs zipped (fairness round 31): an archive's members are imported only from it, once it is on sys.path
    "import zipfile, glob\nopen('out/params.csv', 'w').write(notes)\nwith zipfile.ZipFile('outputs.zip', 'w') as zf:\n"
    "    for name in glob.glob('out/*'):\n        zf.write(name)\n",
    # fairness round 32: checkpoints copied or replaced, a temporary file, a module written as a read constant
    "import shutil, os\nopen('log.txt', 'w').write(notes)\nshutil.copy('best.pt', 'last.pt')\nos.replace('a.pt', 'b.pt')\n",
    "import tempfile\nf = tempfile.NamedTemporaryFile(suffix='.pt', delete=False)\nf.write(notes.encode())\n",
    "get_ipython().run_cell_magic('writefile', 'run_notes.py', 'VALUE = 1\\n')\nopen('log.txt', 'w').write(notes)\n",
])
def test_a_file_written_under_a_name_no_import_loads_is_readable(change):
    assert _model_rule([NOTES + change, "import run_notes\n"]) == []


@pytest.mark.parametrize("helper", [
    "import datetime\ndef _stamp():\n    return datetime.datetime.now()\n",
    "import numpy as np\nimport numpy.typing as npt\ndef _stamp(a: npt.NDArray[np.float64] = None):\n    return a\n",
    "import types\ndef _stamp():\n    return types.SimpleNamespace(kh=3, kw=3)\n",
    "import os\ndef _stamp():\n    return os.environ.get('LAB6_DEBUG', '0') == '1' or os.getenv('X') == '1'\n",
])
def test_a_by_hand_function_may_reach_dates_type_aliases_attribute_bags_and_environment_variables(helper):
    source = helper + HAND_WRITTEN.replace("def conv2d(", "def conv2d(*args, **kwargs):\n    _stamp()\n    return "
                                           "_conv2d(*args, **kwargs)\n\n\ndef _conv2d(")
    assert found([source]) == []


@pytest.mark.parametrize("helper, expected", [
    ("import types\ndef _stamp():\n    return types.FunctionType\n", "types.FunctionType"),
    ("import os\ndef _stamp():\n    return os.listdir('.')\n", "os.listdir"),
])
def test_the_rest_of_types_and_os_stays_outside_what_a_by_hand_function_may_reach(helper, expected):
    source = helper + HAND_WRITTEN.replace("def conv2d(", "def conv2d(*args, **kwargs):\n    _stamp()\n    return "
                                           "_conv2d(*args, **kwargs)\n\n\ndef _conv2d(")
    assert any(expected in what for _, what in found([source])), found([source])


@pytest.mark.parametrize("source", [
    "import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass Config:\n    side: int = 100\n"
    "    def __post_init__(self):\n        object.__setattr__(self, 'flat', self.side // 4)\n",
    "import yaml\ncfg = yaml.load('lr: 0.1', Loader=yaml.SafeLoader)\n",
    "import torch\ntorch.multiprocessing.set_sharing_strategy('file_system')\n",
    "import os\nos.environ.update({'PYTHONHASHSEED': '0', 'CUBLAS_WORKSPACE_CONFIG': ':4096:8'})\n",
    "import enum\nclass Split(enum.Enum):\n    TRAIN = 'train'\nprint(list(Split.__members__))\n",
    "class HP:\n    lr: float = 0.1\nprint(HP.__annotations__.items())\n",
    "class History(dict):\n    def __missing__(self, key):\n        self[key] = []\n        return self[key]\n",
    "import collections\nHP = collections.namedtuple('HP', 'lr epochs')\nhp = HP(0.1, 2)._replace(lr=0.2)\n"
    "print(hp._asdict(), HP._fields)\n",
    "import doctest\ndoctest.run_docstring_examples(conv2d, globals(), verbose=False)\n",
])
def test_ordinary_recipes_of_fairness_round_31_are_readable(source):
    assert found([HAND_WRITTEN + source]) == []
    assert _model_rule([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    ("import torch\nclass M(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
     "        object.__setattr__(self, 'w', 1)\n", "object.__setattr__"),
    ("class C:\n    def __init__(self, other):\n        object.__setattr__(other, 'w', 1)\n", "object.__setattr__"),
    ("class C:\n    def __init__(self):\n        object.__setattr__(self, '__class__', int)\n", "object.__setattr__"),
    ("import yaml\ncfg = yaml.load('lr: 0.1', Loader=yaml.Loader)\n", "yaml.load"),
    ("import yaml\ncfg = yaml.load('lr: 0.1', Loader=yaml.SafeLoader, extra=1)\n", "yaml.load"),
    ("import torch\ntorch.multiprocessing.Process(target=print).start()\n", "torch.multiprocessing"),
    ("import os\nkw = {'A': '1'}\nos.environ.update(**kw)\n", "the environment changed with names the grader cannot read"),
    ("import os\nos.environ.update({'TORCH_FORCE_WEIGHTS_ONLY_LOAD': '0'})\n",
     "torch.load's weights_only switched by the environment"),
    ("import enum\nclass Split(enum.Enum):\n    TRAIN = 1\nSplit.__members__ = {}\n", "Split.__members__"),
    ("import doctest\nglobals()['conv'] = 1\ndoctest.run_docstring_examples(conv2d, globals())\n", "globals"),
    # attack round 40: examples in a docstring made at run time; the guard's own modules given constants
    ("import doctest\nclass Notes:\n    __doc__ = '>>> ' + 'print(1)'\ndoctest.run_docstring_examples(Notes, globals())\n",
     "__doc__ = ... (a docstring made at run time, whose examples doctest runs)"),
    ("import os\nos.sep = '\\\\'\n", "os.sep = ... (patches an imported module)"),
    ("import sys\nsys.path = ['notes.zip']\n", "sys.path = ... (patches an imported module)"),
    ("import functools\nKIND = 'in' + 't'\n@functools.singledispatch\ndef f(x):\n    pass\n@f.register\n"
     "def _(x: KIND):\n    pass\n", "an annotation that is not a type (code evaluated out of sight)"),
    ("import sys\nsys.dont_write_bytecode: bool = False\n", "sys.dont_write_bytecode = ... (patches an imported module)"),
])
def test_what_round_31_s_recipes_resemble_is_still_unreadable(source, expected):
    assert expected in [what for _, what in found([HAND_WRITTEN + source])]


def test_a_module_written_in_two_writefile_cells_is_read_whole():
    from grader.questions.static import written_code_texts

    first = "get_ipython().run_cell_magic('writefile', 'helpers.py', 'import torch\\n')\n"
    second = "get_ipython().run_cell_magic('writefile', '-a helpers.py', 'def twice(x):\\n    return 2 * x\\n')\n"
    assert "import torch\ndef twice(x):\n    return 2 * x\n" in written_code_texts((first, second))
    # what the whole does is read: a thread started by the second half costs the models their points
    threaded = second.replace("return 2 * x", "import threading\\n    return 2 * x")
    assert any("threading" in what for what in _model_rule([first, threaded, "import helpers\n"]))
    # halves that do not parse alone are not read, so neither is the whole (attack round 39 cut a def in two)
    cut = ("get_ipython().run_cell_magic('writefile', 'h.py', 'def f(a,\\n')\n",
           "get_ipython().run_cell_magic('writefile', '-a h.py', '      b):\\n    return a\\n')\n")
    assert _model_rule([*cut, "import h\n"]) != []
    assert written_code_texts(cut) == []


@pytest.mark.parametrize("source, expected", [
    ("import pydantic\nT = pydantic.TypeAdapter('int')\n", "pydantic.TypeAdapter"),
    ("from pydantic import create_model\nM = create_model('M', x=('int', 1))\n", "from pydantic import create_model"),
    ("import sympy\nx = sympy.sympify('1 + 1')\n", "sympy.sympify"),
    ("from sympy import S\nx = S('1')\n", "from sympy import S"),
])
def test_libraries_that_evaluate_a_text_as_python_are_unreadable(source, expected):
    """Attack round 41: pydantic evaluated a type given as text, SymPy's sympify a computed string."""
    assert expected in [what for _, what in found([HAND_WRITTEN + source])]
    assert expected in _model_rule([HAND_WRITTEN + source])


def test_plain_pydantic_models_and_sympy_symbols_stay_readable():
    source = ("import pydantic\nclass Config(pydantic.BaseModel):\n    lr: float = 0.1\n"
              "import sympy\nk, c = sympy.symbols('k c')\nprint(sympy.expand((k * k * c + 1) * 3))\n")
    assert found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    ("from IPython.utils.text import EvalFormatter\nEvalFormatter().format('{x}', x=1)\n",
     "from IPython.utils.text import EvalFormatter"),
    ("from distutils.core import run_setup\nrun_setup('notes.txt')\n", "from distutils.core import run_setup"),
    ("import sphinx.config\nsphinx.config.eval_config_file('notes.txt', {})\n", "sphinx.config.eval_config_file"),
    ("import pandas as pd\npd.DataFrame().style.env.from_string('{{ x }}')\n", "(...).style.env.from_string"),
    ("import torch.utils.benchmark as b\nb.Timer(stmt='1').timeit(1)\n", "import torch.utils.benchmark"),
    ("from torch.utils import benchmark\n", "import torch.utils.benchmark"),
    ("import torch\ntorch.utils.benchmark.Timer('1')\n", "torch.utils.benchmark"),
    ("import torch\nt = getattr(torch.utils, 'benchmark')\n", "getattr(..., 'benchmark')"),
    ("def f(x: int): pass\nf.__annotations__['x'] = 'int'\n", "f.__annotations__"),
    ("def f(x: int): pass\nf.__annotations__.update(x='int')\n", "f.__annotations__"),
    ("def f(x: int): pass\nann = f.__annotations__\n", "f.__annotations__"),
    ("def f(x: int): pass\nann = getattr(f, '__annotations__')\n", "getattr(..., '__annotations__')"),
])
def test_evaluators_of_text_and_changes_of_annotations_are_unreadable(source, expected):
    """Attack round 42: IPython's formatters, distutils' run_setup, Sphinx's configuration, jinja2 templates made by
    pandas' Styler and torch's benchmark Timer evaluate a text; annotations changed at run time are texts that
    singledispatch evaluates."""
    assert expected in [what for _, what in found([HAND_WRITTEN + source])]


def test_reading_annotations_in_place_and_cudnn_s_benchmark_setting_stay_readable():
    source = ("import torch\ntorch.backends.cudnn.benchmark = False\n"
              "class Config:\n    lr: float = 0.1\n    epochs: int = 2\n"
              "for name, kind in Config.__annotations__.items():\n    print(name, kind)\n"
              "print(Config.__annotations__, len(Config.__annotations__), 'lr' in Config.__annotations__)\n"
              "first = Config.__annotations__['lr']\n")
    assert found([HAND_WRITTEN + source]) == []


MATCHED_POOL = '''
import torch
import torch.nn.functional as F

def max_pool2d(image, kernel_size):
    match kernel_size:
        case int(k):
            kh = kw = k
        case (kh, kw):
            pass
    out = torch.zeros(image.shape[0] // kh, image.shape[1] // kw)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * kh:(i + 1) * kh, j * kw:(j + 1) * kw].max()
    return out
'''


@pytest.mark.parametrize("source", [
    # a name a `case` binds is the function's own, not a top-level self-check's of that spelling
    MATCHED_POOL + "k = torch.ones(1, 1, 2, 2)\nprint(F.conv2d(torch.ones(1, 1, 4, 4), k))\n",
    HAND_WRITTEN.replace("def conv2d(image, kernel, stride=1, padding=0):",
                         "from typing import Literal\n\ndef conv2d(image, kernel, stride=1, padding=0,\n"
                         "           padding_mode: Literal['zeros', 'circular'] = 'zeros'):"),
    HAND_WRITTEN + "from typing import Annotated\nImage = Annotated[torch.Tensor, '2-D (H, W)']\n"
                   "def show(x: Image, k: Annotated[int, 'kernels per block', range(3)] = 3) -> None:\n    pass\n",
    HAND_WRITTEN + "try:\n    raise ValueError('bad')\nexcept ValueError as err:\n"
                   "    err.add_note('while checking conv2d')\n    print(getattr(err, '__notes__', []))\n"
                   "    print(repr(err.__cause__), err.__context__)\n",
    HAND_WRITTEN + "import traceback\ntry:\n    conv2d(1, 2)\nexcept Exception as e:\n"
                   "    traceback.print_exception(type(e), e, e.__traceback__)\n",
    HAND_WRITTEN + "from torch.autograd import grad\nfrom torch.func import grad as fgrad, vmap\n",
    HAND_WRITTEN + "import numpy as np\nfor module in (torch, np):\n    print(module.__name__, module.__version__)\n"
                   "print({m.__name__: m.__version__ for m in [torch, np]})\n",
    HAND_WRITTEN + "from importlib.metadata import version, PackageNotFoundError\nprint(version('torch'))\n",
    HAND_WRITTEN + "class CNN(torch.nn.Module):\n    pass\nprint(CNN.__bases__, CNN.__mro__)\n",
])
def test_fairness_round_33_s_ordinary_code_stays_readable(source):
    assert found([source], "max_pool2d" if "def max_pool2d" in source else "conv2d") == []


@pytest.mark.parametrize("source, expected", [
    (HAND_WRITTEN + "import traceback\ntry:\n    1 / 0\nexcept Exception as e:\n"
                    "    frames = list(traceback.walk_tb(e.__traceback__))\n", "e.__traceback__"),
    (HAND_WRITTEN + "for m in (torch,):\n    handed = m\n", "the module torch used as a value"),
    (HAND_WRITTEN + "from torch.nn import grad\n", "from torch.nn import grad"),
    (HAND_WRITTEN + "from importlib.metadata import entry_points\nplugins = entry_points()\n",
     "import importlib.metadata"),  # (imported and never used, it would run nothing)
    (HAND_WRITTEN + "from typing import Literal\ntext = 'x'\ndef f(x: Literal[text.upper()]): pass\n",
     "an annotation that is not a type (code evaluated out of sight)"),
])
def test_what_those_allowances_do_not_cover_is_still_found(source, expected):
    assert any(expected in what for _, what in found([source])), found([source])


@pytest.mark.parametrize("source, expected", [
    ("import attr\n", "import attr (a library the grader does not read"),
    ("from tornado.template import Template\n", "import tornado (a library the grader does not read"),
    ("import networkx as nx\n", "import networkx (a library the grader does not read"),
    ("import grader.questions.static\n", "import grader (a library the grader does not read"),
    ("from IPython.core.guarded_eval import guarded_eval\n", "import IPython.core.guarded_eval (of IPython"),
    ("import IPython\nIPython.core.guarded_eval.guarded_eval('1', None)\n", "IPython.core.guarded_eval"),
    ("import pandas as pd\npd.DataFrame().style.env.compile_expression('x')\n", "compile_expression"),
    ("import pandas as pd\nt = pd.io.formats.style.Styler.template_html\n", "template_html"),
    ("import inspect\ndef f(x: int): pass\ninspect.signature(f, eval_str=True)\n", "eval_str=True"),
])
def test_libraries_outside_the_lecture_s_and_ipython_s_evaluators_are_unreadable(source, expected):
    """Attack rounds 41 to 43 turned text into code through 32 installed libraries the lecture never uses (attrs'
    generated __init__, tornado's and pandas' jinja2 templates, IPython's guarded_eval, Sphinx, pygments...): only
    the libraries a course's notebooks use are read, and of IPython its display, shell settings and debugger."""
    assert any(expected in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


def test_the_lecture_s_libraries_and_ipython_s_display_stay_readable():
    source = ("import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt\nfrom tqdm import tqdm\n"
              "import yaml, sympy, pytest, torchsummary, __main__\nfrom PIL import Image\n"
              "from IPython.display import display, Markdown, clear_output\nfrom IPython import get_ipython\n"
              "from IPython.core.interactiveshell import InteractiveShell\n"
              "InteractiveShell.ast_node_interactivity = 'all'\n"
              "import IPython\nIPython.display.display(Markdown('**done**'))\n"
              "print(pd.DataFrame({'a': [1]}).style.format('{:.2f}').to_html()[:10])\n")
    assert found([HAND_WRITTEN + source]) == []


def test_fairness_round_32_s_written_modules_are_read_as_their_text():
    """A module written with `textwrap.dedent` of a constant is read as dedent's result (the worker is sent its
    digest); a package's own relative import, `importlib.reload` in either spelling and unittest's
    `loadTestsFromModule` of a read module cost nothing."""
    from grader.questions.static import written_code_texts

    dedented = ("import textwrap\nfrom pathlib import Path\n"
                "Path('helpers.py').write_text(textwrap.dedent('''\n    def twice(x):\n        return 2 * x\n'''))\n"
                "import helpers\n")
    assert "\ndef twice(x):\n    return 2 * x\n" in written_code_texts((dedented,))
    pieces = ("HEADER = 'import torch\\n'\nBODY = 'def twice(x):\\n    return 2 * x\\n'\n"
              "with open('helpers.py', 'w') as f:\n    f.write(HEADER)\n    f.write(BODY)\nimport helpers\n")
    assert "import torch\ndef twice(x):\n    return 2 * x\n" in written_code_texts((pieces,))
    # pieces that are not code alone are not read, nor is their whole (attack round 39 cut a def in two)
    cut = pieces.replace("'import torch\\n'", "'def twice(x,\\n'").replace("'def twice(x):", "'      y):")
    assert written_code_texts((cut,)) == [] and _model_rule([cut]) != []
    package = ("import os\nos.makedirs('lab', exist_ok=True)\n"
               "with open('lab/models.py', 'w') as f:\n    f.write('def twice(x):\\n    return 2 * x\\n')\n"
               "with open('lab/__init__.py', 'w') as f:\n    f.write('from .models import twice\\n')\n"
               "from lab import twice\n")
    reloads = ("import importlib\nfrom importlib import reload\nimport unittest\n"
               "with open('helpers.py', 'w') as f:\n    f.write('VALUE = 1\\n')\n"
               "import helpers\nimportlib.reload(helpers)\nreload(helpers)\n"
               "unittest.TextTestRunner().run(unittest.defaultTestLoader.loadTestsFromModule(helpers))\n")
    for source in (dedented, pieces, package, reloads):
        assert found([HAND_WRITTEN + source]) == [] and _model_rule([HAND_WRITTEN + source]) == [], source
    # a relative import in a cell, and importlib's import by a name given as a value, are still findings
    assert any("relative import" in what for _, what in found([HAND_WRITTEN + "from .models import twice\n"]))
    assert any("importlib" in what for _, what in found([HAND_WRITTEN + "import importlib\n"
                                                         "m = importlib.import_module('hel' + 'pers')\n"]))


@pytest.mark.parametrize("source", [
    "class Config:\n    lr: float = 0.1\nConfig.__annotations__\n",
    "class Config:\n    lr: float = 0.1\nprint(f'fields: {Config.__annotations__}')\n",
    "from pprint import pprint\nclass Config:\n    lr: float = 0.1\npprint(Config.__annotations__)\n",
    "class Config:\n    lr: float = 0.1\nassert Config.__annotations__ == {'lr': float}\n",
    "class Config:\n    lr: float = 0.1\nprint(', '.join(Config.__annotations__), '%s' % Config.__annotations__)\n",
    "import inspect\nclass Config:\n    lr: float = 0.1\nprint(inspect.get_annotations(Config))\n",
    "class CNN(torch.nn.Module):\n    pass\nprint(CNN.__base__)\n",
    "import sympy as sp\nprint(sp.S.Half * 4, sp.S.One)\n",
    "from sympy import *\nn = symbols('n')\nprint(floor((n - 3) / 1) + 1)\n",
    "import timeit\ndef run_conv():\n    return conv2d(torch.ones(3, 3), torch.ones(2, 2))\n"
    "print(timeit.timeit(run_conv, number=3), timeit.Timer(lambda: run_conv()).autorange())\n",
])
def test_fairness_round_34_s_ordinary_code_stays_readable(source):
    assert found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    ("def f(x: int): pass\ndict.update(f.__annotations__, x='int')\n", "f.__annotations__"),
    ("def f(x: int): pass\ndef fill(d):\n    d['x'] = 'int'\nfill(f.__annotations__)\n", "f.__annotations__"),
    ("import sympy as sp\nx = sp.S('1 + 1')\n", "sp.S"),
    ("from sympy import *\nx = sympify('1 + 1')\n", "sympify (from sympy import *)"),
    ("import timeit\ntext = 'conv2d(1, 2)'\ntimeit.timeit(text, number=1)\n", "timeit"),
    ("from timeit import Timer\n", "from timeit import Timer"),
])
def test_what_round_34_s_allowances_do_not_cover_is_still_found(source, expected):
    assert any(expected in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


@pytest.mark.parametrize("source, expected", [
    ("import numpy as np\nnp.testing.measure('1 + 1')\n", "np.testing.measure"),
    ("from IPython.core.interactiveshell import InteractiveShell\n"
     "InteractiveShell.instance().user_expressions({'a': '1'})\n", "user_expressions"),
    ("import pytest\npytest.main(['-q'], plugins=[object()])\n", "plugins=... (code handed to a library to run)"),
    ("import yaml\nclass L(yaml.constructor.UnsafeConstructor, yaml.SafeLoader):\n    pass\n", "UnsafeConstructor"),
    ("import pandas as pd\npd.DataFrame({'a': [1]}).agg('eval', expr='a + 1')\n", "(a method named by a text)"),
    ("import sympy\nsympy.core.numbers.mpmath.identify(0.5)\n", "numbers.mpmath"),
    ("from IPython.core.debugger import OldPdb\n", "import IPython.core.debugger"),
])
def test_attack_round_44_s_evaluators_inside_the_allowed_libraries_are_unreadable(source, expected):
    assert any(expected in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


def test_the_allowed_libraries_everyday_calls_stay_readable():
    source = ("import pandas as pd\nimport numpy as np\nfrom IPython.core.debugger import set_trace\n"
              "df = pd.DataFrame({'a': [1.0, 2.0]})\nprint(df.agg('mean'), df['a'].map('{:.1f}'.format))\n"
              "np.testing.assert_allclose(np.ones(2), np.ones(2))\n")
    assert found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source", [
    "class Trainer:\n    def __init__(self, loader):\n        self.loader = loader\n"
    "    def run(self):\n        return list(self.loader)\n",
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--env')\nprint(p.parse_args([]).env)\n",
    "class M:\n    template_size = 3\nmatch = M()\nprint(match.template_size)\n",
    "class Config:\n    @classmethod\n    def from_string(cls, text):\n        return cls()\nConfig.from_string('a')\n",
    "from cycler import cycler\nfrom IPython.core.display_functions import display\n"
    "from IPython.lib.display import YouTubeVideo\nfrom IPython.core.pylabtools import figsize\n",
    "from pydantic import BaseModel, Field\nfrom typing import Annotated\n"
    "class C(BaseModel):\n    k: Annotated[int, Field(gt=-1)] = 3\n",
])
def test_fairness_round_35_s_ordinary_code_stays_readable(source):
    assert found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    ("import pandas as pd\ns = pd.DataFrame().style\ns.env.from_string('x')\n", "s.env"),
    ("import pandas as pd\ndef f(st):\n    return st.loader\nf(pd.DataFrame().style)\n",
     "pandas' Styler handed to the submission's own code"),
    ("import pandas as pd\nt = type(pd.DataFrame().style.template_html)\n", "template_html"),
])
def test_jinja2_through_pandas_styler_is_still_found(source, expected):
    assert any(expected in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


def test_prun_s_options_are_taken_off_as_ipython_takes_them():
    from grader.checkapi.magics import magic_statement

    assert magic_statement("prun", "-s cumulative -l 5 conv2d(x, k)") == "conv2d(x, k)"
    assert magic_statement("prun", "conv2d(x, k)") == "conv2d(x, k)"
    assert magic_statement("time", "-1 + 2") == "-1 + 2"  # %time takes no options
    source = HAND_WRITTEN + "get_ipython().run_line_magic('prun', '-l 5 conv2d(torch.ones(3, 3), torch.ones(2, 2))')\n"
    assert found([source]) == []
    # the statement is read once its options are off: what it runs is found (with them on, it did not parse)
    hidden = HAND_WRITTEN + "get_ipython().run_line_magic('prun', '-s cumulative -l 5 exec(\"x = 1\")')\n"
    assert ("unverifiable", "exec") in found([hidden])


@pytest.mark.parametrize("magic", ["time", "prun"])
def test_an_assigned_magic_runs_its_statements_and_the_reader_reads_them(magic):
    """``took = %time STATEMENTS``: IPython runs a text that is no expression as statements; the reader read
    ``took = (STATEMENTS)``, which does not parse, and then nothing of them (attack round 45)."""
    hidden = HAND_WRITTEN + f"took = get_ipython().run_line_magic({magic!r}, 'y = 2; exec(\"x = 1\")')\n"
    assert ("unverifiable", "exec") in found([hidden])
    # a student's own timing of statements binds what they bind and is no finding
    timed = HAND_WRITTEN + (f"took = get_ipython().run_line_magic({magic!r}, "
                            "'out = conv2d(torch.ones(3, 3), torch.ones(2, 2)); n = out.numel()')\nprint(n, took)\n")
    assert found([timed]) == []
    # a text that parses neither way is no code the reader read: its call is a finding
    broken = HAND_WRITTEN + f"took = get_ipython().run_line_magic({magic!r}, 'exec(\"x = 1\"')\n"
    assert found([broken]) != []


@pytest.mark.parametrize("call", ["run.agg('eval', expr=TEXT)", "run.agg(func='eval', expr=TEXT)",
                                  "run.agg(HOW, expr=TEXT)", "run.agg(['sum', 'eval'], expr=TEXT)",
                                  "run.apply(func=f'{HOW}', expr=TEXT)"])
def test_a_method_named_by_a_text_evaluator_is_found_in_any_spelling(call):
    # attack rounds 44 and 45: by position, by keyword, through a module constant, in a list, made at run time
    source = HAND_WRITTEN + f"import pandas as pd\nHOW = 'eval'\nTEXT = 'notes'\nrun = pd.DataFrame()\n{call}\n"
    assert any("a method named by a text" in what for _, what in found([source])), found([source])
    plain = HAND_WRITTEN + "import pandas as pd\nrun = pd.DataFrame({'a': [1]})\nrun.agg('sum')\nrun.agg(func=['min', 'max'])\n"
    assert found([plain]) == []


@pytest.mark.parametrize("source, expected", [
    ("import numpy as np\nnp.testing.runstring('x = 1', {})\n", "np.testing.runstring"),
    ("from IPython.core.interactiveshell import InteractiveShell\nInteractiveShell.instance().var_expand('{x}')\n",
     "var_expand"),
    ("from pandas.core.computation.expr import Expr\n", "pandas.core.computation"),
    ("import pandas as pd\nE = pd.core.computation.expr.Expr\n", "pd.core.computation"),
    ("from sympy.utilities.source import get_class\n", "get_class"),
    ("import yaml\nL = yaml.YAMLObject.yaml_loader[-1]\n", "yaml_loader"),
])
def test_round_45s_evaluators_inside_allowed_libraries_are_found(source, expected):
    assert any(expected in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


# -- fairness round 36: what correct notebooks wrote, and the cheats each rule still sees ---------------------------

@pytest.mark.parametrize("source", [
    # a name the student's own class binds, on an instance of it (numpy.testing's `measure`, the profile module's
    # name, inspect's, as attributes of anything, were refused)
    "class Stopwatch:\n    def measure(self, f):\n        return f()\nwatch = Stopwatch()\nwatch.measure(lambda: 1)\n",
    "import dataclasses\n@dataclasses.dataclass\nclass RunConfig:\n    profile: bool = False\ncfg = RunConfig()\n"
    "print(cfg.profile)\n",
    "class Net:\n    def inspect(self, x):\n        return x\nNet().inspect(1)\n",
    "import pandas as pd\nparams = pd.DataFrame({'n': [30]})\nparams.attrs['note'] = 'counts'\n",
    # pandas: a plain query with a list literal, eval in place
    "import pandas as pd\ngrid = pd.DataFrame({'k': [3, 5, 7]})\ngrid.query('k in [3, 5]')\n",
    "import pandas as pd\nlayers = pd.DataFrame({'a': [1], 'b': [2]})\nlayers.eval('c = a * b', inplace=True)\n",
    # annotations: arithmetic and tuples of constants as metadata, a union of subscripts as text, types made from
    # field names
    "from typing import Annotated\nfrom pydantic import Field\nK = Annotated[int, Field(ge=1, le=2 ** 4)]\n"
    "def f(k: K) -> int:\n    return k\n",
    "from typing import Annotated\nimport torch\nImage = Annotated[torch.Tensor, ('H', 'W')]\n"
    "def g(x: Image) -> Image:\n    return x\n",
    "def h(kernel_size: 'int | tuple[int, int]') -> int:\n    return 1\n",
    "from collections import namedtuple\nShape = namedtuple('Shape', 'channels height width')\n"
    "def s() -> Shape:\n    return Shape(1, 2, 3)\n",
    "from enum import Enum\nActivation = Enum('Activation', ['RELU', 'TANH'])\n"
    "def a(act: Activation = Activation.RELU):\n    return act\n",
    # pydantic's computed fields, version 1's validators, its dataclasses
    "from pydantic import BaseModel, computed_field, validator\nclass C(BaseModel):\n    k: int = 3\n"
    "    @computed_field\n    @property\n    def twice(self) -> int:\n        return 2 * self.k\n"
    "    @validator('k')\n    def odd(cls, v):\n        return v\n",
    "from pydantic.dataclasses import dataclass\n@dataclass\nclass D:\n    k: int = 3\n",
    # a constrained type of pydantic's as an annotation (fairness round 37)
    "from pydantic import BaseModel, conint\nclass E(BaseModel):\n    k: conint(ge=1, le=10) = 3\n",
    # %time in a loop of the top level
    "for _ in range(2):\n    get_ipython().run_line_magic('time', 'out = conv2d(torch.ones(3, 3), torch.ones(2, 2))')\n",
])
def test_what_fairness_round_36s_students_wrote_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    # the name on anything but a new instance of the class that binds it
    ("import numpy as np\nclass Stopwatch:\n    def measure(self, f):\n        return f()\n"
     "watch = [np.testing][0]\nwatch.measure('x = 1')\n", "watch.measure"),
    # a name the class inherits from a library's class is not the submission's
    ("from IPython.core.interactiveshell import InteractiveShell\nclass Shell(InteractiveShell):\n    pass\n"
     "class Other:\n    def var_expand(self):\n        pass\nshell = Shell()\nshell.var_expand('{x}')\n",
     "shell.var_expand"),
    # the caller's variables in a query
    ("import pandas as pd\nbudget = 3\npd.DataFrame({'p': [1]}).query('p <= @budget')\n", "query"),
    # %time in a function's body rebinds the user's namespace in the grading shell: still a finding
    ("def setup():\n    get_ipython().run_line_magic('time', 'conv2d = other')\nsetup()\n", "run_line_magic"),
])
def test_the_rules_fairness_round_36_relaxed_still_see_what_they_must(source, expected):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(expected in what for what in findings), findings


@pytest.mark.parametrize("source, expected", [
    ("from torch.fx import Graph, GraphModule\n", "torch.fx"),  # attack round 47: a constant's repr in fx's code
    ("import torch.fx as tfx\n", "torch.fx"),
    ("from torch.fx.graph_module import GraphModule\n", "torch.fx"),
    ("from torch.jit import trace\n", "torch.jit.trace"),
    ("from torch._dynamo import optimize\n", "torch._dynamo"),
])
def test_an_import_of_torchs_compilers_is_found_as_their_attributes_are(source, expected):
    assert any(expected in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


@pytest.mark.parametrize("source", ["from torch.jit import script\n", "from torch.nn import functional as F\n",
                                    "from torch.utils.checkpoint import checkpoint\n", "import torch.nn.functional as F\n"])
def test_everyday_imports_from_torch_stay_readable(source):
    assert found([HAND_WRITTEN + source]) == [] and _model_rule([HAND_WRITTEN + source]) == []


# -- fairness round 37: own instances made by factories, SimpleNamespace flags ----------------------------------------

_STOPWATCH = "class Stopwatch:\n    def measure(self, f):\n        return f()\n    def timeit(self, f):\n        return f()\n"


@pytest.mark.parametrize("source", [
    _STOPWATCH + "def make_stopwatch():\n    return Stopwatch()\nwatch = make_stopwatch()\nwatch.measure(lambda: 1)\n",
    _STOPWATCH + "def make_stopwatch(fast=False):\n    if fast:\n        return Stopwatch()\n    return Stopwatch()\n"
    "make_stopwatch().measure(lambda: 1)\n",
    "class Stopwatch:\n    def __init__(self, name):\n        self.name = name\n    @classmethod\n    def named(cls, name):\n"
    "        return cls(name)\n    def measure(self, f):\n        return f()\nStopwatch.named('c').measure(lambda: 1)\n"
    "sw = Stopwatch.named('p')\nsw.measure(lambda: 2)\n",
    "import torch\nclass Net(torch.nn.Module):\n    def inspect(self, x):\n        return x\n"
    "def build_model(seed=0):\n    torch.manual_seed(seed)\n    return Net()\nnet = build_model()\nnet.inspect(1)\n",
    "from types import SimpleNamespace\nopts = SimpleNamespace(seed=0, profile=False, inspect=False)\n"
    "if opts.profile or opts.inspect:\n    print(opts)\n",
    "import types\nopts = types.SimpleNamespace(profile=True)\nprint(opts.profile)\n",
])
def test_what_fairness_round_37s_students_wrote_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    # a factory that returns something else than a new instance of the class (numpy.testing's `measure` runs text)
    (_STOPWATCH + "import numpy as np\ndef make():\n    return np.testing\nmake().measure('x = 1')\n", "measure"),
    (_STOPWATCH + "import numpy as np\ndef make(own=True):\n    if own:\n        return Stopwatch()\n"
     "    return np.testing\nw = make(False)\nw.measure('x = 1')\n", "w.measure"),
    (_STOPWATCH + "import numpy as np\ndef make():\n    s = Stopwatch()\n    s.measure = np.testing.measure\n"
     "    return s\nw = make()\nw.measure('x = 1')\n", "measure"),
    (_STOPWATCH + "import numpy as np\ndef make():\n    yield np.testing\nfor w in make():\n    w.measure('x = 1')\n",
     "w.measure"),
    (_STOPWATCH + "import numpy as np\ndef make():\n    return Stopwatch()\nmake = lambda: np.testing\n"
     "make().measure('x = 1')\n", "measure"),
    # a class whose call gives another object than a new instance of it
    ("import numpy as np\nclass Stopwatch:\n    def __new__(cls):\n        return np.testing\n"
     "    def measure(self, f):\n        return f()\ndef make():\n    return Stopwatch()\nmake().measure('x = 1')\n",
     "__new__"),
    # a classmethod that returns another thing than cls(...)
    (_STOPWATCH + "import numpy as np\nclass Maker(Stopwatch):\n    @classmethod\n    def named(cls):\n"
     "        return np.testing\nMaker.named().measure('x = 1')\n", "measure"),
    (_STOPWATCH + "import numpy as np\nclass Maker(Stopwatch):\n    @staticmethod\n    def named():\n"
     "        return np.testing\nMaker.named().measure('x = 1')\n", "measure"),
    # a namespace holding a module, or changed after it was made
    ("import numpy as np\nfrom types import SimpleNamespace\nopts = SimpleNamespace(measure=np.testing.measure)\n"
     "opts.measure('x = 1')\n", "measure"),
    ("import numpy as np\nfrom types import SimpleNamespace\nopts = SimpleNamespace(measure=False)\n"
     "opts.measure = np.testing.measure\nopts.measure('x = 1')\n", "measure"),
])
def test_the_rules_fairness_round_37_relaxed_still_see_what_they_must(source, expected):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(expected in what for what in findings), findings


@pytest.mark.parametrize("source", [
    # fairness round 38: a module's label, a module of type aliases, the schedulers' base class by its older name
    "from torch import __version__\nprint(__version__)\n",
    "from torch.nn.common_types import _size_2_t\ndef size(kernel_size: _size_2_t) -> int:\n    return 1\n",
    "from torch.optim.lr_scheduler import _LRScheduler\ndef fit(s: _LRScheduler | None = None) -> None:\n    pass\n",
])
def test_what_fairness_round_38s_students_imported_from_torch_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    ("from torch import _C\n", "_C"),
    ("from torch import __dict__ as d\n", "__dict__"),
    ("from torch.nn import _reduction\n", "_reduction"),
    ("from torch.nn.modules import conv\nprint(conv._single)\nx = conv._ConvNd.__subclasses__()\n", "__subclasses__"),
    # a base class read by name reaches no layer: the layer's module is still outside what a by-hand function may use
    ("from torch.nn.modules.conv import _ConvNd\ndef conv2d(image, kernel, stride=1, padding=0):\n"
     "    return _ConvNd.__subclasses__()[1](1, 1, 3)(image[None, None])[0, 0]\n", "torch.nn.modules.conv"),
])
def test_torchs_internals_imported_by_name_are_still_found(source, expected):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(expected in what for what in findings), findings


@pytest.mark.parametrize("source", [
    # fairness round 102: torch's base classes of layers and losses, and nn.Module's repr helper, imported by name as
    # tutorials do (-10 each)
    "from torch.nn.modules.conv import _ConvNd\nfrom torch.nn.modules.batchnorm import _BatchNorm\n"
    "def init_weights(m):\n    if isinstance(m, _ConvNd):\n        torch.nn.init.kaiming_normal_(m.weight)\n"
    "    elif isinstance(m, _BatchNorm):\n        torch.nn.init.ones_(m.weight)\n",
    "from torch.nn.modules.loss import _Loss\nclass HalfMSE(_Loss):\n    def forward(self, a, b):\n"
    "        return 0.5 * ((a - b) ** 2).mean()\n",
    "from torch.nn.modules.module import _addindent\nprint(_addindent('a\\nb', 2))\n",
])
def test_torchs_base_classes_imported_by_name_are_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


def test_an_enum_members_documented_value_and_name_are_no_finding():
    # fairness round 101: `s._value_` over an Enum's members cost q6 to q8 (-10)
    source = HAND_WRITTEN + ("import enum\nclass Split(enum.Enum):\n    TRAIN = 'train'\n    VAL = 'val'\n"
                             "print([s._value_ for s in Split], Split.VAL._name_)\n")
    assert _model_rule([source]) == [] and found([source]) == []


@pytest.mark.parametrize("source", [
    "__annotations__ = {'k': int, 'stride': int}\n",
    "from dataclasses import dataclass\n@dataclass\nclass Hyper:\n    __annotations__ = {'k': int}\n    k = 3\n",
])
def test_annotations_written_as_a_display_of_names_are_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source", [
    # attack round 48: a key made at run time, which dataclasses writes into the code of the methods it compiles
    "from dataclasses import dataclass\nFIELD = 'x' + ')'\n@dataclass\nclass N:\n    __annotations__ = {FIELD: int}\n",
    "from dataclasses import dataclass\n@dataclass\nclass N:\n    __annotations__ = {'x=0): pass': int}\n",
    "from dataclasses import dataclass\n@dataclass\nclass N:\n    x: int\n    __annotations__['y)'] = int\n",
    "from dataclasses import dataclass\n@dataclass\nclass N:\n    x: int\n    __annotations__.update({'y)': int})\n",
    "from dataclasses import dataclass\nnames = dict(k=int)\n@dataclass\nclass N:\n    __annotations__ = names\n",
])
def test_annotations_written_by_hand_otherwise_are_a_finding(source):
    assert any("__annotations__" in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


# -- fairness round 38: a registry in an own class's attribute is that class's, not every function's -----------------

_SOLUTIONS = [q.solution for q in bank.QUESTIONS]


@pytest.mark.parametrize("source", [
    "class Zoo:\n    models = {}\nZoo.models['cnn'] = CNN\n",
    "class Zoo:\n    models: dict[str, type] = {}\nZoo.models.update(cnn=CNN, convnet=ConvNet)\n"
    "print(sorted(Zoo.models))\nmodel = Zoo.models['convnet'](3)\n",
])
def test_model_classes_filed_in_an_own_class_table_do_not_reach_the_by_hand_functions(source):
    units = tuple(_SOLUTIONS + [source])
    assert by_hand_findings(units, "conv2d") == [] and by_hand_findings(units, "max_pool2d") == []


@pytest.mark.parametrize("source", [
    # the table rebound, bound to another object, a class rebound, a longer chain, a table handed to a function
    "class Zoo:\n    models = {}\nZoo.models = holder = {}\nZoo.models['cnn'] = CNN\n",
    "holder = {}\nclass Zoo:\n    models = holder\nZoo.models['cnn'] = CNN\n",
    "class Zoo:\n    models = {}\nZoo = type('Z', (), {'models': {}})\nZoo.models['cnn'] = CNN\n",
    "class Zoo:\n    models = {}\nclass Outer:\n    Inner = Zoo\nOuter.Inner.models['cnn'] = CNN\n",
    "def put(t):\n    pass\nclass Zoo:\n    models = {}\nZoo.models['cnn'] = CNN\nput(Zoo.models)\n",
    "class Zoo:\n    models = {}\n    def swap(self):\n        self.models = {}\nZoo.models['cnn'] = CNN\n",
    "class Zoo:\n    models = {}\nsetattr(Zoo, 'models', {})\nZoo.models['cnn'] = CNN\n",
])
def test_a_table_the_reader_cannot_tie_to_its_class_still_reaches_every_by_hand_function(source):
    units = tuple(_SOLUTIONS + [source])
    assert any("Conv2d" in f.what for f in by_hand_findings(units, "conv2d")), by_hand_findings(units, "conv2d")


def test_a_by_hand_function_that_reads_the_tied_table_reads_what_it_holds():
    source = ("import torch.nn.functional as F2\nclass Zoo:\n    ops = {}\nZoo.ops['c'] = F2.conv2d\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n"
              "    return Zoo.ops['c'](image[None, None], kernel[None, None])[0, 0]\n")
    assert any("conv2d" in f.what for f in by_hand_findings(tuple(_SOLUTIONS + [source]), "conv2d"))


@pytest.mark.parametrize("source", [
    # fairness round 39: annotations read, a module of type aliases through its alias and in a by-hand signature
    "settings: int = 3\nprint(__annotations__)\nfor name, kind in __annotations__.items():\n    print(name, kind)\n",
    "import torch.nn.common_types as ct\ndef block(k: ct._size_2_t = 3) -> int:\n    return 1\n",
    "import torch.nn.common_types\ndef block(k: torch.nn.common_types._size_2_t = 3) -> int:\n    return 1\n",
    "import argparse\nargs = argparse.Namespace(profile=False, inspect=False)\nprint(args.profile, args.inspect)\n",
    _STOPWATCH + "class Lab:\n    @staticmethod\n    def stopwatch():\n        return Stopwatch()\n"
    "Lab.stopwatch().measure(lambda: 1)\nsw = Lab.stopwatch()\nsw.measure(lambda: 2)\n",
])
def test_what_fairness_round_39s_students_wrote_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


def test_a_by_hand_signature_annotated_with_torchs_type_alias_is_no_finding():
    source = HAND_WRITTEN.replace("def conv2d(", "from torch.nn.common_types import _size_2_t\ndef conv2d(", 1)
    assert "def conv2d(" in source and found([source]) == []


@pytest.mark.parametrize("source", [
    "def print(d):\n    d['x)'] = int\nfrom dataclasses import dataclass\n@dataclass\nclass N:\n    x: int\n"
    "    print(__annotations__)\n",
    "def fill(d):\n    d['x)'] = int\nfrom dataclasses import dataclass\n@dataclass\nclass N:\n    x: int\n"
    "    fill(__annotations__)\n",
    "from dataclasses import dataclass\n@dataclass\nclass N:\n    x: int\n    __annotations__.setdefault('y)', int)\n",
    "import torch.nn.common_types as ct\nct._C\n",
    "import argparse, numpy as np\nargs = argparse.Namespace(measure=np.testing.measure)\nargs.measure('x = 1')\n",
    _STOPWATCH + "import numpy as np\nclass Lab:\n    @staticmethod\n    def stopwatch():\n        return np.testing\n"
    "Lab.stopwatch().measure('x = 1')\n",
])
def test_annotations_handed_on_and_torchs_internals_through_an_alias_are_still_found(source):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert findings, findings


# -- fairness round 40: namespaces of flags set one at a time, options of parsed arguments ---------------------------

_PARSER = "import argparse\nparser = argparse.ArgumentParser(description='lab 6')\n"


@pytest.mark.parametrize("source", [
    "from types import SimpleNamespace\nflags = SimpleNamespace()\nflags.profile = False\nflags.inspect = True\n"
    "if flags.profile or flags.inspect:\n    print(flags)\n",
    "import types\nflags = types.SimpleNamespace(measure=False)\nflags.measure = True\nprint(flags.measure)\n",
    _PARSER + "parser.add_argument('--profile', action='store_true')\nparser.add_argument('--n', type=int, default=3)\n"
    "args = parser.parse_args([])\nif args.profile:\n    print(args.n)\n",
    _PARSER + "parser.add_argument('--inspect', action='store_true')\nargs, _ = parser.parse_known_args()\n"
    "print(args.inspect)\n",
    _PARSER + "parser.add_argument('--profile', action='store_true', help='time it')\n"
    "args = parser.parse_known_args()[0]\nfrom types import SimpleNamespace\n"
    "cfg = SimpleNamespace(profile=args.profile, timeit=False)\nprint(cfg.profile, cfg.timeit)\n",
])
def test_what_fairness_round_40s_students_wrote_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    # a namespace given a library's evaluator, however it is given
    ("import numpy.testing as nt\nfrom types import SimpleNamespace\nflags = SimpleNamespace()\nflags.measure = 1\n"
     "setattr(flags, 'measure', nt.measure)\nflags.measure('x = 1')\n", "flags.measure"),
    ("import numpy.testing as nt\nfrom types import SimpleNamespace\nflags = SimpleNamespace()\nflags.measure = 1\n"
     "def later():\n    flags.measure = nt.measure\nlater()\nflags.measure('x = 1')\n", "flags.measure"),
    ("import numpy.testing as nt\nfrom types import SimpleNamespace\nflags = SimpleNamespace()\nflags.measure = 1\n"
     "flags.__dict__.update(measure=nt.measure)\nflags.measure('x = 1')\n", "flags.measure"),
    # parsed arguments whose parser is given an object, a converter of the submission's, or is handed on
    ("import numpy.testing as nt\n" + _PARSER + "parser.add_argument('--m', default=nt)\n"
     "args = parser.parse_args([])\nargs.m.measure('x = 1')\n", "measure"),
    ("import numpy.testing as nt\n" + _PARSER + "def convert(text):\n    return nt\n"
     "parser.add_argument('--m', type=convert)\nargs = parser.parse_args(['--m', 'x'])\nargs.m.measure('x = 1')\n",
     "measure"),
    ("import numpy.testing as nt\n" + _PARSER + "int = lambda text: nt.measure\n"
     "parser.add_argument('--measure', type=int)\nargs = parser.parse_args(['--measure', 'x'])\n"
     "args.measure('x = 1')\n", "args.measure"),
    ("import numpy.testing as nt\n" + _PARSER + "def declare(p):\n    p.set_defaults(measure=nt.measure)\n"
     "declare(parser)\nargs = parser.parse_args([])\nargs.measure('x = 1')\n", "args.measure"),
    ("import numpy.testing as nt\n" + _PARSER + "class Keep(argparse.Action):\n"
     "    def __call__(self, p, ns, v, o=None):\n        ns.__dict__[self.dest] = nt.measure\n"
     "parser.add_argument('--measure', action=Keep, nargs=0)\nargs = parser.parse_args(['--measure'])\n"
     "args.measure('x = 1')\n", "args.measure"),
    ("import argparse, numpy.testing as nt\n" + _PARSER + "args = parser.parse_args([], "
     "namespace=argparse.Namespace(measure=nt.measure))\nargs.measure('x = 1')\n", "args.measure"),
    # the parsed arguments changed, or the name rebound, after the parse
    ("import numpy.testing as nt\n" + _PARSER + "args = parser.parse_args([])\nargs.measure = nt.measure\n"
     "args.measure('x = 1')\n", "args.measure"),
    ("import numpy.testing as nt\n" + _PARSER + "args = parser.parse_args([])\ndef swap():\n    global args\n"
     "    args = nt\nswap()\nargs.measure('x = 1')\n", "args.measure"),
])
def test_the_rules_fairness_round_40_relaxed_still_see_what_they_must(source, expected):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(expected in what for what in findings), findings


_PYDANTIC_ACCOUNT = ("import torch\nfrom pydantic import BaseModel\nclass Plan(BaseModel):\n    width: int = 3\n"
                     "    def parameters(self, recurse=True):\n        return iter([])\n")


@pytest.mark.parametrize("source", [
    "from pydantic import BaseModel\nclass Block(BaseModel):\n    in_ch: 'int'\n    children: 'list[Block]' = []\n"
    "Block.model_rebuild()\nplan = Block(in_ch=1, children=[Block(in_ch=3)])\nprint(plan.model_dump_json())\n",
    _PYDANTIC_ACCOUNT + "print(Plan.model_json_schema(), Plan(width=2).parameters())\n",
])
def test_a_pydantic_models_field_named_like_a_modules_account_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [], _model_rule([HAND_WRITTEN + source])


@pytest.mark.parametrize("source", [
    _PYDANTIC_ACCOUNT + "class CNN(Plan, torch.nn.Module):\n    pass\n",
    _PYDANTIC_ACCOUNT + "class Mid(Plan):\n    pass\nclass CNN(torch.nn.Module, Mid):\n    pass\n",
    _PYDANTIC_ACCOUNT + "Alias = Plan\nclass CNN(Alias, torch.nn.Module):\n    pass\n",
    _PYDANTIC_ACCOUNT + "class CNN(Plan.mro()[0], torch.nn.Module):\n    pass\n",
    _PYDANTIC_ACCOUNT.replace("    width: int = 3\n", "    @classmethod\n    def me(cls):\n        return cls\n")
    + "class CNN(Plan.me(), torch.nn.Module):\n    pass\n",
    _PYDANTIC_ACCOUNT.replace("from pydantic import BaseModel\n", "from pydantic import BaseModel\n"
                              "BaseModel = torch.nn.Module\n"),
])
def test_a_class_that_may_be_a_module_keeps_its_account_a_finding(source):
    assert any("own account" in what for what in _model_rule([HAND_WRITTEN + source])), _model_rule([source])


_TIMER = ("class Timer:\n    def __init__(self, label):\n        self.label = label\n    @classmethod\n"
          "    def named(cls, label):\n        return cls(label)\n    def measure(self, fn, *args):\n"
          "        return fn(*args)\n")


@pytest.mark.parametrize("source", [
    _TIMER + "timers = {name: Timer.named(name) for name in ('q6', 'q7')}\nt6 = timers['q6']\n"
    "print(t6.measure(len, [1]))\n",
    _TIMER + "timers = {'q6': Timer('q6'), 'q7': Timer.named('q7')}\nprint(timers)\n"
    "print(timers['q7'].measure(len, [1]))\n",
    _TIMER + "watches = [Timer('a'), Timer('b')]\nfirst = watches[0]\nfirst.measure(len, [1])\n",
])
def test_an_own_instance_taken_from_a_table_of_them_is_no_finding(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source", [
    _TIMER + "import numpy as np\ntimers = {'q6': Timer('q6'), 'q7': np.testing}\ntimers['q7'].measure('x = 1')\n",
    _TIMER + "import numpy as np\ntimers = {'q6': Timer('q6')}\ntimers['q6'] = np.testing\n"
    "timers['q6'].measure('x = 1')\n",
    _TIMER + "import numpy as np\ntimers = {'q6': Timer('q6')}\ntimers.update(q6=np.testing)\n"
    "t = timers['q6']\nt.measure('x = 1')\n",
    _TIMER + "import numpy as np\ntimers = {'q6': Timer('q6')}\ndef swap(table):\n    table['q6'] = np.testing\n"
    "swap(timers)\ntimers['q6'].measure('x = 1')\n",
    _TIMER + "import numpy as np\ntimers = {'q6': Timer('q6')}\nsame = timers\nsame['q6'] = np.testing\n"
    "timers['q6'].measure('x = 1')\n",
    _TIMER + "import numpy as np\ntimers = {**{'q6': np.testing}, 'q7': Timer('q7')}\ntimers['q6'].measure('x = 1')\n",
    _TIMER + "import numpy as np\ntimers = {'q6': Timer('q6')}\ndef later():\n    global timers\n"
    "    timers = {'q6': np.testing}\nlater()\ntimers['q6'].measure('x = 1')\n",
    "import numpy as np\nclass Timer:\n    def __new__(cls):\n        return np.testing\n    def measure(self, f):\n"
    "        return f()\ntimers = {'q6': Timer()}\ntimers['q6'].measure('x = 1')\n",
])
def test_a_table_that_may_hold_another_object_keeps_its_reads_findings(source):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any("measure" in what for what in findings), findings


@pytest.mark.parametrize("source, readable", [
    ("from types import SimpleNamespace\nDEFAULTS = {'profile': False, 'measure': True}\n"
     "flags = SimpleNamespace(**DEFAULTS)\nif flags.profile or flags.measure:\n    print(flags)\n", True),
    ("from types import SimpleNamespace\nopts = SimpleNamespace(**{'profile': False}, inspect=True)\n"
     "print(opts.profile, opts.inspect)\n", True),
    # a dict that holds or may come to hold a library's evaluator
    ("import numpy as np\nfrom types import SimpleNamespace\nDEFAULTS = {'measure': np.testing.measure}\n"
     "flags = SimpleNamespace(**DEFAULTS)\nflags.measure('x = 1')\n", False),
    ("import numpy as np\nfrom types import SimpleNamespace\nDEFAULTS = {'measure': False}\n"
     "DEFAULTS['measure'] = np.testing.measure\nflags = SimpleNamespace(**DEFAULTS)\nflags.measure('x = 1')\n", False),
    ("import numpy as np\nfrom types import SimpleNamespace\nDEFAULTS = {'measure': False}\n"
     "def fill(d):\n    d['measure'] = np.testing.measure\nfill(DEFAULTS)\nflags = SimpleNamespace(**DEFAULTS)\n"
     "flags.measure('x = 1')\n", False),
    ("import numpy as np\nfrom types import SimpleNamespace\nDEFAULTS = {'measure': False}\n"
     "DEFAULTS = {'measure': np.testing.measure}\nflags = SimpleNamespace(**DEFAULTS)\nflags.measure('x = 1')\n", False),
    ("import numpy as np\nfrom types import SimpleNamespace\nDEFAULTS = dict(measure=np.testing.measure)\n"
     "flags = SimpleNamespace(**DEFAULTS)\nflags.measure('x = 1')\n", False),
])
def test_a_namespace_unpacked_from_a_dict_of_constants_has_their_names(source, readable):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert (not any("measure" in w or "profile" in w for w in findings)) is readable, findings


_FLAGS_DATACLASS = ("import dataclasses\nimport numpy as np\n@dataclasses.dataclass(frozen=True)\nclass Flags:\n"
                    "    measure: bool = False\n    profile: bool = False\n")
_FLAGS_TUPLE = ("from typing import NamedTuple\nimport numpy as np\nclass Flags(NamedTuple):\n"
                "    measure: bool = False\n    profile: bool = False\n")


@pytest.mark.parametrize("source", [
    _FLAGS_DATACLASS + "flags = Flags()\nflags = dataclasses.replace(flags, profile=True)\n"
    "print(flags.profile, flags.measure)\n",
    _FLAGS_TUPLE + "flags = Flags()._replace(profile=True)\nprint(flags.profile)\nlater = flags._replace(measure=True)\n"
    "print(later.measure)\n",
])
def test_an_own_instance_copied_with_fields_changed_is_one_too(source):
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, expected", [
    (_FLAGS_DATACLASS + "flags = dataclasses.replace(np.testing)\nflags.measure('x = 1')\n", "flags.measure"),
    (_FLAGS_DATACLASS + "kw = {}\nflags = dataclasses.replace(Flags(), **kw)\nflags.measure('x = 1')\n",
     "flags.measure"),
    (_FLAGS_DATACLASS + "from dataclasses import replace\nreplace = lambda o, **k: np.testing\n"
     "flags = replace(Flags())\nflags.measure('x = 1')\n", "flags.measure"),
    (_FLAGS_DATACLASS + "class Fake:\n    @staticmethod\n    def replace(o, **k):\n        return np.testing\n"
     "dataclasses = Fake()\nflags = dataclasses.replace(Flags())\nflags.measure('x = 1')\n", "flags.measure"),
    (_FLAGS_TUPLE.replace("    profile: bool = False\n", "    profile: bool = False\n    def _replace(self, **k):\n"
                          "        return np.testing\n") + "flags = Flags()._replace()\nflags.measure('x = 1')\n",
     "flags.measure"),
    (_FLAGS_DATACLASS + "a = Flags()\nb = dataclasses.replace(a)\na = dataclasses.replace(b)\na.measure('x = 1')\n",
     "a.measure"),
    # the makers of plain namespaces and parsers, rebound by the submission, make what it likes
    ("import numpy as np\nfrom types import SimpleNamespace\nSimpleNamespace = lambda **k: np.testing\n"
     "opts = SimpleNamespace(measure=False)\nopts.measure('x = 1')\n", "opts.measure"),
    ("import numpy as np\nimport types\nclass Fake:\n    SimpleNamespace = staticmethod(lambda **k: np.testing)\n"
     "types = Fake()\nopts = types.SimpleNamespace(measure=False)\nopts.measure('x = 1')\n", "opts.measure"),
    ("import numpy as np\nimport argparse\nclass Fake:\n    @staticmethod\n    def ArgumentParser():\n"
     "        class Parser:\n            def parse_args(self, a):\n                return np.testing\n"
     "        return Parser()\nargparse = Fake()\np = argparse.ArgumentParser()\nargs = p.parse_args([])\n"
     "args.measure('x = 1')\n", "args.measure"),
])
def test_copies_and_namespaces_the_reader_cannot_tie_to_their_maker_stay_findings(source, expected):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(expected in what for what in findings), findings


# -- fairness round 41: pure modules a by-hand function may reach -----------------------------------------------------

_BY_HAND_USING = '''
import torch
import torch.nn.functional as F
{setup}
def conv2d(image, kernel, stride=1, padding=0):
    {use}
    h, w = image.shape
    kh, kw = kernel.shape
    out = torch.zeros(h - kh + 1, w - kw + 1)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
    return out
'''


@pytest.mark.parametrize("setup, use, readable", [
    ("from contextvars import ContextVar\nVERBOSE = ContextVar('verbose', default=False)\n",
     "if VERBOSE.get():\n        print(image.shape)", True),
    ("from typing_extensions import Annotated, TypeAlias\nImage: TypeAlias = Annotated[torch.Tensor, '2-D']\n",
     "picture: Image = image", True),
    ("from types import MappingProxyType\nDEFAULTS = MappingProxyType({'stride': 1})\n",
     "stride = DEFAULTS['stride']", True),
    # what such a module is handed is still read where it is reached
    ("from contextvars import ContextVar\nVERBOSE = ContextVar('verbose', default=False)\nVERBOSE.set(F.conv2d)\n",
     "return VERBOSE.get()(image[None, None], kernel[None, None])[0, 0]", False),
    ("from types import MappingProxyType\nDEFAULTS = MappingProxyType({'slide': F.conv2d})\n",
     "return DEFAULTS['slide'](image[None, None], kernel[None, None])[0, 0]", False),
    ("import typing_extensions\nhints = typing_extensions.get_type_hints(torch.nn.Conv2d.forward)\n",
     "hints.clear()", False),
])
def test_pure_modules_a_by_hand_function_may_reach(setup, use, readable):
    findings = found([_BY_HAND_USING.format(setup=setup, use=use)])
    assert (findings == []) is readable, findings


_POOL_BY_HAND = '''
import torch
import torch.nn.functional as F
from collections import namedtuple
from types import SimpleNamespace
{setup}
def max_pool2d(image, kernel_size=2):
    oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    values = torch.zeros(oh, ow)
    for i in range(oh):
        for j in range(ow):
            values[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
    {result}
'''


@pytest.mark.parametrize("setup, result", [
    ("Pooled = namedtuple('Pooled', ['pooled', 'size'])\ndef pool_result(v, k):\n    return Pooled(v, k)\n",
     "return pool_result(values, kernel_size).pooled"),
    ("class PoolResult:\n    def __init__(self, pooled):\n        self.pooled = pooled\n",
     "return PoolResult(values).pooled"),
    ("", "res = SimpleNamespace(pooled=values, size=kernel_size)\n    return res.pooled"),
    ("from typing import NamedTuple\nclass Shape(NamedTuple):\n    conv_h: int\n    conv_w: int\n"
     "    def pooled_size(self, k):\n        return Shape(self.conv_h // k, self.conv_w // k)\n",
     "s, t = Shape(*image.shape), Shape(kernel_size, kernel_size)\n    print(s.pooled_size(t.conv_h), s.conv_w)\n"
     "    return values"),
])
def test_fields_of_the_submissions_own_records_named_like_torchs_layers_are_no_finding(setup, result):
    source = _POOL_BY_HAND.format(setup=setup, result=result)
    assert found([source], "max_pool2d") == [], found([source], "max_pool2d")


@pytest.mark.parametrize("setup, result", [
    # what the record holds is read where it is made
    ("", "res = SimpleNamespace(pooled=F.max_pool2d)\n    return res.pooled(image[None], kernel_size)[0]"),
    ("Pooled = namedtuple('Pooled', ['pooled', 'size'])\ndef make():\n    return Pooled(F.max_pool2d, 2)\n",
     "return make().pooled(image[None], kernel_size)[0]"),
    ("class PoolResult:\n    @property\n    def pooled(self):\n        return F.max_pool2d\n",
     "return PoolResult().pooled(image[None], kernel_size)[0]"),
    ("class PoolResult:\n    pass\nPoolResult.pooled = staticmethod(F.max_pool2d)\n",
     "return PoolResult().pooled(image[None], kernel_size)[0]"),
    # a record maker the reader cannot follow
    ("SimpleNamespace = lambda **k: F\n", "res = SimpleNamespace(pooled=1)\n    return res.max_pool2d(image[None], 2)[0]"),
    ("def make():\n    return F\n", "return make().max_pool2d(image[None], kernel_size)[0]"),
    ("", "res = SimpleNamespace(**{'pooled': F.max_pool2d})\n    return res.pooled(image[None], kernel_size)[0]"),
])
def test_a_record_that_holds_torchs_pooling_is_still_found(setup, result):
    source = _POOL_BY_HAND.format(setup=setup, result=result)
    assert found([source], "max_pool2d"), source


_LOGGED = '''
import logging
import torch
import torch.nn as nn
import torch.nn.functional as F
log = logging.getLogger("lab6")
{setup}
def conv2d(image, kernel, stride=1, padding=0):
    log.debug("conv2d %s %s", tuple(image.shape), tuple(kernel.shape))
    {use}
    h, w = image.shape
    kh, kw = kernel.shape
    out = torch.zeros(h - kh + 1, w - kw + 1)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
    return out

class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
    def forward(self, x):
        return self.conv1(x)

model = CNN()
log.info("model: %s", model)
log.info("CNN: %s", tuple(CNN()(torch.rand(1, 1, 8, 8)).shape))
'''


@pytest.mark.parametrize("logger", ['logging.getLogger("lab6")', "logging.getLogger(__name__)",
                                    'logging.LoggerAdapter(logging.getLogger(__name__), {"lab": 6})'])
def test_a_model_logged_through_the_logger_conv2d_uses_is_no_code_of_conv2d(logger):
    source = _LOGGED.format(setup="", use="").replace('logging.getLogger("lab6")', logger)
    assert logger in source and found([source]) == [], found([source])


@pytest.mark.parametrize("setup, use", [
    # a handler of the submission's own, which may keep what it is handed, and one of logging's that keeps records
    ("class Keep(logging.Handler):\n    kept = []\n    def emit(self, record):\n        Keep.kept.append(record)\n"
     "log.addHandler(Keep())\n", "F_ = Keep.kept[-1].args[0]"),
    ("import logging.handlers\nkept = logging.handlers.MemoryHandler(100)\nlog.addHandler(kept)\n",
     "F_ = log.handlers[0].buffer[-1].args[0]"),
])
def test_a_logger_that_may_keep_what_it_is_handed_still_hands_it_on(setup, use):
    source = _LOGGED.format(setup=setup, use=use)
    assert found([source]), source


@pytest.mark.parametrize("logger", ['logging.LoggerAdapter(logging.getLogger("lab6"), {"keep": torch.nn.Conv2d})',
                                    "logging.getLogger(NAME)", "Adapter(logging.getLogger('lab6'), {})"])
def test_a_logger_made_of_what_the_reader_cannot_follow_still_hands_on_what_it_is_handed(logger):
    setup = "NAME = 'lab6'\nclass Adapter(logging.LoggerAdapter):\n    def process(self, msg, kwargs):\n" \
            "        return msg, kwargs\n"
    source = _LOGGED.format(setup="", use="").replace('log = logging.getLogger("lab6")', setup + "log = " + logger)
    assert logger in source and found([source]), source


@pytest.mark.parametrize("source, readable", [
    ("import pydantic\nclass Plan(pydantic.BaseModel):\n    __module__ = '__main__'\n    width: 'int' = 3\n", True),
    # where typing and pydantic look a class's string annotations up (attack round 52: torch._C's switches of the
    # recorders, as bare names the submission also bound to empty classes of its own)
    ("import pydantic\nclass Conv2d:\n    pass\nclass Plan(pydantic.BaseModel):\n    __module__ = 'torch.nn'\n"
     "    layer: 'Conv2d | None' = None\n", False),
    ("Plan = type('Plan', (), {'__module__': 'torch._C', '__annotations__': {'off': 'int'}})\n", False),
])
def test_a_class_set_in_another_module_is_a_finding(source, readable):
    findings = _model_rule([HAND_WRITTEN + source])
    assert (findings == []) is readable, findings


def test_a_parameter_named_like_the_parsed_arguments_is_any_object():
    # attack round 52's lead: `args` of a function's own is not the module's parsed arguments
    source = (_PARSER + "parser.add_argument('--profile', action='store_true')\nargs = parser.parse_args([])\n"
              "import numpy as np\ndef helper(x, args=np.testing):\n    return args.measure(x)\nhelper('y = 1')\n")
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any("args.measure" in what for what in findings), findings


@pytest.mark.parametrize("source, readable", [
    ("def helper(x, _cache=None):\n    return x\nhelper(1, _cache={})\n", True),
    ("class Grid:\n    def padded(self, p, _fill=0):\n        return p\nGrid().padded(1, _fill=0)\n", True),
    # attack round 53: pydantic told to look a model's annotations up four frames up, in the worker's own
    ("import pydantic\nclass Peek(pydantic.BaseModel):\n    r: 'recorder'\n"
     "Peek.model_rebuild(force=True, _parent_namespace_depth=4)\n", False),
    ("import pydantic\nclass Peek(pydantic.BaseModel):\n    r: 'int'\nPeek.model_rebuild(_types_namespace={})\n", False),
])
def test_a_private_keyword_given_to_a_library_is_a_finding(source, readable):
    findings = _model_rule([HAND_WRITTEN + source])
    assert (not any("private keyword" in f for f in findings)) is readable, findings


@pytest.mark.parametrize("setup, result", [
    ("import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass Pool:\n    pooled: object = None\n",
     "st = Pool(values)\n    final = dataclasses.replace(st, pooled=values * 1)\n    return final.pooled"),
    ("Pool = namedtuple('Pool', 'pooled size')\n",
     "state = Pool(values, 2)\n    state = state._replace(size=3)\n    return state.pooled"),
    ("Pool = namedtuple('Pool', 'pooled size')\n", "res = Pool._make([values, 2])\n    return res.pooled"),
    ("from typing import NamedTuple\nclass Pool(NamedTuple):\n    pooled: object\n    @classmethod\n"
     "    def of(cls, v):\n        return cls(v)\n", "return Pool.of(values).pooled"),
    ("Pool = namedtuple('Pool', 'pooled size')\ndef _pool(v):\n    return Pool(v, 2)\n",
     "result: Pool = _pool(values)\n    return result.pooled"),
])
def test_records_copied_remade_or_annotated_keep_their_fields(setup, result):
    source = _POOL_BY_HAND.format(setup=setup, result=result)
    assert found([source], "max_pool2d") == [], found([source], "max_pool2d")


@pytest.mark.parametrize("setup, result", [
    ("Pool = namedtuple('Pool', 'pooled size')\n",
     "state = Pool(values, 2)\n    state = state._replace(pooled=F.max_pool2d)\n    return state.pooled(image[None], 2)[0]"),
    ("Pool = namedtuple('Pool', 'pooled size')\n",
     "other = F\n    copy = other._replace()\n    return copy.max_pool2d(image[None], 2)[0]"),
    ("import dataclasses\n", "copy = dataclasses.replace(F)\n    return copy.max_pool2d(image[None], 2)[0]"),
    ("class Pool:\n    @classmethod\n    def of(cls, v):\n        return F\n",
     "return Pool.of(values).max_pool2d(image[None], 2)[0]"),
])
def test_a_copy_or_maker_that_may_give_torchs_pooling_is_still_found(setup, result):
    source = _POOL_BY_HAND.format(setup=setup, result=result)
    assert found([source], "max_pool2d"), source


_KEPT = ("import torch.nn.functional as F\nkept = []\n{keep}\n{hand}\n"
         "def conv2d(image, kernel, stride=1, padding=0):\n    return kept[0][0](image, kernel)\n")


@pytest.mark.parametrize("keep, hand", [
    ("def keep(parts):\n    kept.append(parts)\n    return parts", "list(map(keep, [(F.conv2d,)]))"),
    ("def keep(parts):\n    kept.append(parts)\n    return 0", "sorted([(F.conv2d,)], key=keep)"),
    ("def keep(parts):\n    kept.append(parts)", "import logging\nlog = logging.getLogger('lab')\n"
                                                 "log.addFilter(lambda r: keep(r.args) or False)\n"
                                                 "log.warning('%s', F.conv2d)"),
    ("import logging\nlog = logging.getLogger('lab')\ndef keep(record):\n    kept.append(record.args)\n"
     "    return False", "log.addFilter(keep)\nlog.warning('%s', F.conv2d)"),
])
def test_what_a_callback_stores_may_be_anything_the_call_it_is_handed_to_gives_it(keep, hand):
    # Attack rounds 53 to 55: torch's convolution reached conv2d through a callback's parameter, untied
    found = by_hand_findings((_KEPT.format(keep=keep, hand=hand),), "conv2d", threads_running=lambda: False)
    assert ("builtin", "F.conv2d") in [(f.kind, f.what) for f in found], found


def test_a_callback_storing_plain_values_stays_clean():
    source = _KEPT.format(keep="def keep(parts):\n    kept.append(parts)\n    return parts",
                          hand="list(map(keep, [(abs,)]))")
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == []


_CONV2D_LOGGING = ("import torch\nimport torch.nn.functional as F\n{setup}\n"
           "def conv2d(image, kernel, stride=1, padding=0):\n    {log}\n"
           "    out = torch.zeros(image.shape[0] - kernel.shape[0] + 1, image.shape[1] - kernel.shape[1] + 1)\n"
           "    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n"
           "            out[i, j] = (image[i:i + kernel.shape[0], j:j + kernel.shape[1]] * kernel).sum()\n"
           "    return out\n"
           "def check(mine, reference, *args):\n    return torch.allclose(mine(*args), reference(*args))\n"
           "x, k = torch.rand(6, 6), torch.rand(3, 3)\n"
           "check(conv2d, lambda a, b: F.conv2d(a[None, None], b[None, None])[0, 0], x, k)\n{after}")


@pytest.mark.parametrize("setup, log, after", [
    # fairness round 45: conv2d logging its own arguments made conv2d a callback, and the self-check its code
    ("CALL_LOG = []", "CALL_LOG.append((tuple(image.shape), stride))", "print(len(CALL_LOG), CALL_LOG[-1])"),
    ("SIZES = set()", "SIZES.add(kernel.shape[0])", ""),
    ("import collections\nHISTORY = collections.deque(maxlen=4)\ndef remember(*shapes):\n    HISTORY.append(shapes)",
     "remember(image.shape, kernel.shape)", "print(list(HISTORY))"),
    ("LAST = {}", "LAST['conv2d'] = image.shape", ""),
    # a library's setting holds no function: set_seed(seed, deterministic) handed on by a seed sweep
    ("def set_seed(seed, deterministic=True):\n    torch.manual_seed(seed)\n"
     "    torch.backends.cudnn.deterministic = deterministic\n"
     "def train_once(seed):\n    set_seed(seed)\n    return torch.nn.Conv2d(1, 1, 3)(torch.rand(1, 1, 5, 5)).sum()",
     "pass", "losses = list(map(train_once, [0, 1]))"),
    # a filter that keeps messages conv2d never reads
    ("import logging\nlog = logging.getLogger(__name__)\nCAPTURED = []\n"
     "def capture(record):\n    CAPTURED.append(record.getMessage())\n    return True\nlog.addFilter(capture)",
     "log.debug('conv2d %s', image.shape)", "log.info('torch: %s', F.conv2d(x[None, None], k[None, None]))"),
])
def test_a_log_conv2d_only_adds_to_or_a_setting_hands_it_nothing(setup, log, after):
    source = _CONV2D_LOGGING.format(setup=setup, log=log, after=after)
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == [], source


@pytest.mark.parametrize("setup, log, after", [
    # what a callback adds to a container conv2d also reads out of
    ("KEPT = []\ndef keep(parts):\n    KEPT.append(parts)\n    return parts",
     "KEPT.append(image.shape); image = image if len(KEPT) < 9 else KEPT[0][0](image, kernel)",
     "list(map(keep, [(F.conv2d,)]))"),
    # a setting that is no setting: a module attribute the library does not have
    ("def stash(f):\n    torch.backends.cudnn.kept = f", "image = torch.backends.cudnn.kept(image, kernel)",
     "list(map(stash, [F.conv2d]))"),
    # a filter that keeps what is logged, read by conv2d
    ("import logging\nlog = logging.getLogger(__name__)\nKEPT = []\n"
     "def keep(record):\n    KEPT.append(record.args)\n    return False\nlog.addFilter(keep)",
     "image = image if not KEPT else KEPT[0][0](image, kernel)", "log.warning('%s', F.conv2d)"),
])
def test_what_conv2d_reads_back_from_a_callbacks_store_is_still_followed(setup, log, after):
    source = _CONV2D_LOGGING.format(setup=setup, log=log, after=after)
    found = by_hand_findings((source,), "conv2d", threads_running=lambda: False)
    assert found, source


def test_timing_a_partial_of_the_submissions_function_is_plain():
    # fairness round 45: the way the timeit docs' readers time a function with arguments
    source = _CONV2D_LOGGING.format(setup="import functools, timeit", log="pass",
                            after="timeit.timeit(functools.partial(conv2d, x, k), number=3)")
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == []
    source = source.replace("functools.partial(conv2d, x, k)", "functools.partial(F.conv2d, x, k)")
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False)


@pytest.mark.parametrize("setup, log, after", [
    # fairness round 46: a set of seen sizes beside a class with __eq__ that conv2d's code never reaches
    ("SEEN = set()\nclass Shape:\n    def __init__(self, dims):\n        self.dims = dims\n"
     "    def __eq__(self, other):\n        return self.dims == other.dims\n    def __hash__(self):\n"
     "        return hash(self.dims)",
     "SEEN.add((tuple(image.shape), tuple(kernel.shape)))", "assert Shape((1, 2)) == Shape((1, 2))"),
    # os.environ holds text only
    ("import os\ndef debug(flag):\n    os.environ['CONV_DEBUG'] = flag\n    return flag",
     "verbose = os.environ.get('CONV_DEBUG', '0') == '1'", "list(map(debug, ['1', '0']))"),
    # and a variable taken out again stores nothing (fairness round 48)
    ("import os\ndef debug(flag):\n    os.environ['CONV_DEBUG'] = flag\n    del os.environ['CONV_DEBUG']\n"
     "    old = os.environ.pop('CONV_DEBUG', None)\n    os.environ.pop('X', None)\n    return flag",
     "verbose = os.environ.get('CONV_DEBUG', '0') == '1'", "list(map(debug, ['1', '0']))"),
    # a logging.Filter subclass that keeps nothing, and an adapter used in training
    ("import logging\nlog = logging.getLogger('lab6')\nclass Quiet(logging.Filter):\n"
     "    def filter(self, record):\n        return not record.name.startswith('matplotlib')\nlog.addFilter(Quiet())",
     "log.debug('conv2d %s', image.shape)", "log.info('torch: %s', F.conv2d(x[None, None], k[None, None]))"),
    ("import logging\nlog = logging.getLogger('lab6')\nclass Epoch(logging.LoggerAdapter):\n"
     "    def process(self, msg, kwargs):\n        return f'[epoch] {msg}', kwargs",
     "log.debug('conv2d %s', image.shape)",
     "Epoch(log, {}).info('torch %s', torch.nn.Conv2d(1, 1, 3)(torch.rand(1, 1, 4, 4)).sum())"),
])
def test_what_conv2d_does_not_reach_or_read_hands_it_nothing(setup, log, after):
    source = _CONV2D_LOGGING.format(setup=setup, log=log, after=after)
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == [], source


def test_a_set_conv2d_adds_to_is_read_where_it_reaches_a_class_whose_eq_is_handed_the_keys():
    # attack round 58: an added object's __eq__ is handed the key a callback stored
    source = _CONV2D_LOGGING.format(
        setup="KEPT = set()\nclass Probe:\n    got = []\n    def __hash__(self):\n        return 1\n"
              "    def __eq__(self, other):\n        Probe.got.append(other)\n        return False\n"
              "def keep(f):\n    KEPT.add(f)\n    return f\nPROBE = Probe()",
        log="KEPT.add(PROBE); image = image if not Probe.got else Probe.got[0](image, kernel)",
        after="list(map(keep, [F.conv2d]))")
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False), source


@pytest.mark.parametrize("stacklevel, kept", [
    ("2", True), ("STACKLEVEL", True), ("level", True), ("3", False), ("depth + 2", False)])
def test_a_stacklevel_past_the_caller_costs_the_models_that_reach_it_only(stacklevel, kept):
    # attack round 58 gated a model on the file of its caller's caller; fairness round 46 warned with stacklevel=2
    # through a name, and with stacklevel=3 in helpers no model reaches
    source = HAND_WRITTEN + (
        "import warnings\nSTACKLEVEL = 2\ndef check_input(x, level=2, depth=1):\n"
        f"    warnings.warn('small input', stacklevel={stacklevel})\n    return x\n"
        "class CNN(torch.nn.Module):\n    def forward(self, x):\n        return check_input(x)\n"
        "def unrelated(x):\n    warnings.warn('unrelated', stacklevel=3)\n    return x\n")
    assert by_hand_findings((source,), "conv2d", threads_running=lambda: False) == []
    found = unreadable_findings((source,), models=True, reached_from=("CNN",))
    assert (not [f for f in found if "stacklevel" in f.what]) is kept, found
    assert not [f for f in unreadable_findings((source,), models=True) if "stacklevel" in f.what]


@pytest.mark.parametrize("warn", [
    "warnings.warn('where', UserWarning, level)",  # the third positional argument is the stacklevel
    "warnings.warn('where', **{'stacklevel': level})",
    "list(map(warn_at, range(2, 60)))",  # a helper whose default is 2, handed on as a value
    "warn_at(level)",  # by position
    "Where.at(1, level)",  # a method called through its class: its second argument is the stacklevel (round 62)
    "where.at(level)",  # a method whose first parameter is not named self
    "f = where.at; f(level)",  # a method handed on as an attribute
    "(lambda help: help(warn_at, level))(operator.call)",  # a `help` that is not Python's (round 62)
    "warnings.warn('where', *[UserWarning, level])",  # warn's stacklevel is positional; a logger's is not
    "rebound(x)",  # a parameter whose default is 2, set again in the body
    "W = warnings.warn; W('where', UserWarning, level)",  # warnings' function read as a value (round 63)
    "W = getattr(warnings, 'warn'); W('where', UserWarning, level)",
    "from warnings import warn as w; w('where', UserWarning, level)",  # imported in the function
    "import warnings as W; V = W.warn; V('where', UserWarning, level)",  # an alias of the function's own
    "warnings.warn.__call__('where', UserWarning, level)",  # attack round 66
    # attack round 67: warnings reached where the reader cannot resolve it
    "import warnings as M; W = M; W.warn('where', UserWarning, level)",
    "Notes.warnings.warn('where', UserWarning, level)",  # imported in a class body
    "notes().warn('where', UserWarning, level)",  # a function returning the module
    "bind(); G.warn('where', UserWarning, level)",  # `global G; import warnings as G` in a function
    "f = notes().warn; f('where', UserWarning, level)",
    "self.w = notes().warn; self.w('where', UserWarning, level)",
    "getattr(notes(), 'warn')('where', UserWarning, level)",
    "call_it(notes().warn)",
    "call_it(Notes.warnings.warn_explicit)",
    "m = notes(); call_it(m.warn)",
])
def test_a_stacklevel_given_any_other_way_still_costs_the_models_that_reach_it(warn):
    # attack rounds 59, 62 and 67
    source = HAND_WRITTEN + (
        "class Notes:\n    import warnings\n"
        "def notes():\n    import warnings\n    return warnings\n"
        "def bind():\n    global G\n    import warnings as G\n"
        "def call_it(f):\n    f('where', UserWarning, 5)\n"
        "import warnings, operator\ndef warn_at(stacklevel=2):\n    warnings.warn('where', stacklevel=stacklevel)\n"
        "class Where:\n    def at(this, stacklevel=2):\n        warnings.warn('where', stacklevel=stacklevel)\n"
        "where = Where()\n"
        "def rebound(x, stacklevel=2):\n    stacklevel = 9\n    warnings.warn('where', stacklevel=stacklevel)\n"
        "class CNN(torch.nn.Module):\n    def forward(self, x, level=5):\n"
        f"        {warn}\n        warn_at()\n        return x\n")
    found = unreadable_findings((source,), models=True, reached_from=("CNN",))
    assert [f for f in found if "stacklevel" in f.what], found


@pytest.mark.parametrize("call", [
    "check(x, 2)", "check(x, stacklevel=2)", "help(check)", "print(check.__name__)", "checker.at(x, 2)",
    "log.debug('%d x %d', *x.shape[-2:])", "log.info('shape', stacklevel=LEVEL)", "shifted(x)",
    # fairness round 50: warnings imported where it is used, and warn under a name of its own
    "import warnings as W; W.warn('small', stacklevel=2)", "from warnings import warn; warn('small', UserWarning, 2)",
    "alias('small', UserWarning, 2)",
    # attack round 67's rule reads every `.warn(...)`: a logger's, and warnings' own at level 2, stay readable
    "log.warn('%d x %d', x.shape[-2], x.shape[-1])", "logging.getLogger('cnn').warn('%s %s', x, x)",
    "import warnings as W; M = W; M.warn('small', UserWarning, 2)",
    "from warnings import catch_warnings, WarningMessage; print(isinstance(x, WarningMessage), catch_warnings)",
    "self.warn('small', 'shape', x.shape[-1])",  # the class's own method named warn
])
def test_a_stacklevel_that_is_the_callers_is_readable(call):
    # fairness round 48: each is at most 2 when it runs
    source = HAND_WRITTEN + (
        "import logging, warnings\nlog = logging.getLogger(__name__)\nLEVEL: int = 2\nLEVEL = 2\nalias = warnings.warn\n"
        "def check(x, stacklevel=2):\n    warnings.warn('small', stacklevel=stacklevel)\n    return x\n"
        "def shifted(x, stacklevel=1):\n    warnings.warn('small', stacklevel=stacklevel + 1)\n    return x\n"
        "class Checker:\n    def at(self, x, stacklevel=2):\n        warnings.warn('small', stacklevel=stacklevel)\n"
        "checker = Checker()\n"
        f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {call}\n        return x\n"
        "    def warn(self, *parts):\n        print(*parts)\n")
    found = unreadable_findings((source,), models=True, reached_from=("CNN",))
    assert not [f for f in found if "stacklevel" in f.what], found


@pytest.mark.parametrize("binding", ["    warn = notes().warn\n", "    def warn(self, *a):\n        pass\n",
                                     "    def warn(self, *a):\n        pass\n    warn = notes().warn\n"])
def test_a_method_named_warn_bound_to_warnings_is_still_read_as_warn(binding):
    # attack round 67's rule spares `self.warn(...)` only where the class's `warn` is a def of its own
    source = HAND_WRITTEN + (
        "def notes():\n    import warnings\n    return warnings\n"
        "class CNN(torch.nn.Module):\n" + binding + "    def forward(self, x, level=5):\n"
        "        self.warn('where', UserWarning, level)\n        return x\n")
    found = unreadable_findings((source,), models=True, reached_from=("CNN",))
    assert bool([f for f in found if "stacklevel" in f.what]) is (binding.strip().startswith("warn =")
                                                                  or binding.count("warn") > 1), found


@pytest.mark.parametrize("source, readable", [
    ("print('__file__' in globals())", True),  # fairness round 49
    ("import argparse\nargs = argparse.Namespace(lr=0.1)\nprint(vars(args))", True),
    ("def demo():\n    x = 1\n    print(locals())\ndemo()", True),
    ("import pprint\npprint.pprint(vars())", True),
    ("globals()['conv2d'] = len", False),
    ("namespace = globals()", False),
    ("print(globals().get('conv2d'))", False),
    ("for name, f in list(globals().items()):\n    pass", False),
    ("def globals():\n    return {}\nprint('x' in globals())", False),
    # fairness round 50: its names alone, iterated, collected or shown through .keys()
    ("print([n for n in globals() if not n.startswith('_')])", True),
    ("print(sorted(globals()))", True),
    ("print(globals().keys())", True),
    ("for name in vars():\n    print(name)", True),
    ("names = set(locals().keys())", True),
    ("print(sorted(globals(), key=len))", False),  # a key function handed the names may be anything
    ("keys = globals().keys()\nprint(keys.mapping['conv2d'])", False),  # the view's mapping is the namespace
    ("print(globals().keys().mapping)", False),
    ("print(sorted(globals().items()))", False),
    ("print([globals()[n] for n in globals()])", False),
    ("print(dict(globals()))", False),
    # fairness round 100: one value shown, part of what showing them all shows; not one kept, called or changed
    ("for name in ('conv2d', 'x'):\n    print(name, globals()[name])", True),
    ("print(f\"{globals()['conv2d']}\")", True),
    ("f = globals()['conv2d']", False),
    ("print(globals()['conv2d'](1))", False),
    ("print(globals()['L'].append(len))", False),
    ("print(vars()['conv2d'], locals()['x'])", True),
    # a constant text's bare fields filled from a namespace: shown (fairness round 100)
    ("def describe(h, w):\n    return '{h}x{w} {h:>4}'.format(**locals())\nprint(describe(1, 2))", True),
    ("def describe(h, w):\n    return '{h.__class__}'.format(**locals())", False),
    ("def describe(h, w):\n    return '{h[0]}'.format(**locals())", False),
    ("def describe(h, w):\n    return '{h:{w}}'.format(**locals())", False),
    ("def describe(h, w):\n    return TEMPLATE.format(**locals())", False),
    ("def describe(h, w):\n    return '{h}'.format(1, **locals())", False),
])
def test_a_namespace_only_shown_or_tested_is_readable(source, readable):
    found = by_hand_findings((HAND_WRITTEN + source + "\n",), "conv2d", threads_running=lambda: False)
    assert (not [f for f in found if f.what in ("globals", "locals", "vars")]) is readable, found


def test_a_namespace_shown_as_the_file_loads_reads_what_the_objects_own_text_does():
    # attack round 66: print(globals()) at the top level ran a __repr__ whose warning read the worker's file as the
    # notebook loaded, and forward read its verdict
    gate = ("import warnings\nclass Where:\n    def __repr__(self, level=5):\n"
            "        warnings.warn('where', stacklevel=level)\n        return 'where'\nwhere = Where()\n"
            "class CNN(torch.nn.Module):\n    def forward(self, x):\n        return x\n")
    found = unreadable_findings((HAND_WRITTEN + gate + "print(globals())\n",), models=True, reached_from=("CNN",))
    assert [f for f in found if "shown as the file loads" in f.what], found
    assert not unreadable_findings((HAND_WRITTEN + gate,), models=True, reached_from=("CNN",))


def test_a_namespace_shown_where_a_model_reaches_it_costs_the_model():
    # attack rounds 64 and 65: str(globals()) in forward ran a __repr__ / an nn.Module's extra_repr holding a gate that
    # read a caller's file; at the top level a shown namespace costs nothing (fairness rounds 49 and 50)
    gate = ("class Where(torch.nn.Module):\n    def extra_repr(self):\n        return 'where'\nwhere = Where()\n"
            "class CNN(torch.nn.Module):\n    def forward(self, x):\n        {}\n        return x\n")
    shown = HAND_WRITTEN + gate.format("text = str(globals())")
    assert [f for f in unreadable_findings((shown,), models=True, reached_from=("CNN",)) if "shown" in f.what]
    assert not [f for f in unreadable_findings((shown,), models=True) if "shown" in f.what]
    top = HAND_WRITTEN + gate.format("pass") + "print(str(vars()), len(globals()))\n"
    assert not [f for f in unreadable_findings((top,), models=True, reached_from=("CNN",)) if "shown" in f.what]
    assert not by_hand_findings((top,), "conv2d", threads_running=lambda: False)


def test_logging_imported_with_and_without_a_submodule_is_one_module():
    # fairness round 49: `import logging.handlers` beside `import logging` made logging.Formatter unreadable
    source = HAND_WRITTEN + "import logging\nimport logging.handlers\nfmt = logging.Formatter('%(message)s')\n"
    assert unreadable_findings((source,), models=True) == []
    source = HAND_WRITTEN + "import logging\nlogging = __import__('string')\nfmt = logging.Formatter()\n"
    assert [f for f in unreadable_findings((source,), models=True) if "Formatter" in f.what]


@pytest.mark.parametrize("source, readable", [
    ("@contextlib.contextmanager\ndef flag(name, value):\n    os.environ[name] = value\n    yield\n"
     "    del os.environ[name]\nwith flag('CONV_DEBUG', '1'):\n    pass", True),
    ("@contextlib.contextmanager\ndef flag(name, value):\n    os.environ[name] = value\n    yield\n"
     "with flag('TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD', '1'):\n    pass", False),
    ("def flag(name, value):\n    name = name.upper()\n    os.environ[name] = value\nflag('x', '1')", False),
    ("def flag(name, value):\n    os.environ[name] = value\nset_it = flag", False),
    ("def twice(f):\n    return lambda n, v: f(n + '_WEIGHTS_ONLY', v)\n@twice\ndef flag(name, value):\n"
     "    os.environ[name] = value\nflag('x', '1')", False),
])
def test_an_environment_variable_set_by_a_helper_is_readable_when_its_name_is_a_constant(source, readable):
    # fairness round 48: a context manager setting os.environ[name] for a with block, always given a constant name
    found = unreadable_findings(("import os, contextlib\n" + source + "\n",), models=True)
    assert (not [f for f in found if "os.environ" in f.what or "weights_only" in f.what]) is readable, found


@pytest.mark.parametrize("source, readable", [
    ("torch.set_printoptions(precision=3, sci_mode=False, linewidth=120)", True),
    ("print(torch.zeros(2).__repr__(tensor_contents='[...]'))", True),
    ("pending = {}\nprint(torch.zeros(2).__repr__(tensor_contents=pending['c']))", False),  # round 63
    ("torch.set_printoptions(threshold=float('inf'))", True),
    ("N = 10**6\ntorch.set_printoptions(threshold=max(N, 2 * 1000), edgeitems=-(-5 // 2))", True),
    ("class Big(int):\n    pass\ntorch.set_printoptions(threshold=Big(5) + 1)", False),
    ("import sys\ntorch.set_printoptions(threshold=sys.maxsize)", True),
    ("OPTIONS = {'threshold': 10_000, 'edgeitems': 2}\ntorch.set_printoptions(**OPTIONS)", True),
    ("def show(p):\n    torch.set_printoptions(precision=p)\nlist(map(show, [2, 4]))\nshow(6)", True),
    ("class Limit:\n    def __lt__(self, other):\n        return True\ntorch.set_printoptions(threshold=Limit())", False),
    ("import functools\ntorch.set_printoptions(threshold=functools.partial(int, 3))", False),
    # attack round 66: an Enum of an int class of the submission's, named numpy.int64 by enum's functional API
    ("import enum\nclass Big(int):\n    pass\nLimit = enum.Enum('int64', {'HIGH': 1000}, module='numpy', type=Big)\n"
     "torch.set_printoptions(threshold=Limit.HIGH)", False),
    ("from dataclasses import dataclass\n@dataclass\nclass Config:\n    threshold: int = 1000\n"
     "torch.set_printoptions(threshold=Config(threshold=5000).threshold, precision=Config.threshold)", True),
    ("def show(p):\n    torch.set_printoptions(threshold=p)\nclass L:\n    def __lt__(self, other):\n"
     "        return True\nshow(L())", False),
    ("def show(p):\n    torch.set_printoptions(threshold=p)\nhandler = show", False),
])
def test_print_options_given_an_object_are_unreadable(source, readable):
    # attack rounds 60 and 62: torch compares and formats them while it prints, every dispatch mode set aside (the
    # by-hand trace's); a model's recorders are function modes, which printing keeps
    units = (HAND_WRITTEN + source + "\n",)
    found = by_hand_findings(units, "conv2d", threads_running=lambda: False)
    assert (not [f for f in found if "as it prints" in f.what]) is readable, found
    assert not [f for f in unreadable_findings(units, models=True) if "as it prints" in f.what]


@pytest.mark.parametrize("source, readable", [
    # fairness round 49: a leftover debugger, profiler or timer import runs nothing of the submission's
    ("import pdb\n", True),
    ("import cProfile as profiler, pstats\n", True),
    ("from pdb import set_trace\n", True),
    ("import faulthandler, timeit, dis\ndel dis\n", True),
    # used anywhere, or reachable by any name, it counts as before
    ("import pdb\nDEBUG = False\nif DEBUG:\n    pdb.set_trace()\n", False),
    ("from pdb import set_trace as st\nhandlers = [st]\n", False),
    ("from pdb import *\n", False),
    ("import cProfile\ndef run():\n    global cProfile\n", False),
    ("import pdb\nprint(globals()['pdb'])\n", True),   # shown: its text, nothing of it run (fairness round 100)
    ("import pdb\ndebugger = globals()['pdb']\n", False),
    ("def debug():\n    import pdb\n    return pdb\n", False),
])
def test_an_inert_module_imported_and_never_used_is_no_finding(source, readable):
    findings = [what for _, what in found([HAND_WRITTEN + source])]
    assert (findings == []) is readable, findings
    assert (_model_rule([HAND_WRITTEN + source]) == []) is readable


@pytest.mark.parametrize("gate", [
    # attack round 69: every caller's file handed out as text, read by a gate on the worker's
    "import traceback\ndef watched():\n    return any('api' in line for line in traceback.format_stack())\n",
    "import io, traceback\ndef watched():\n    text = io.StringIO()\n    traceback.print_stack(file=text)\n"
    "    return 'api' in text.getvalue()\n",
    "from traceback import format_stack\ndef watched():\n    return 'api' in ''.join(format_stack())\n",
    "import traceback\ndef watched():\n    return 'api' in str(getattr(traceback, 'format_stack')())\n",
    "import io, logging\nLOG = logging.getLogger('gate')\ntext = io.StringIO()\n"
    "LOG.addHandler(logging.StreamHandler(text))\n"
    "def watched():\n    LOG.warning('where', stack_info=True)\n    return 'api' in text.getvalue()\n",
    "import io, logging\nLOG = logging.getLogger('gate')\ndef watched():\n"
    "    LOG.warning('where', stack_info=not False)\n    return False\n",
    "import logging\nLOG = logging.getLogger('gate')\nSHOW = False\nSHOW = True\ndef watched():\n"
    "    LOG.warning('where', stack_info=SHOW)\n    return False\n",
])
def test_a_stack_read_as_text_costs_the_models_that_reach_it(gate):
    source = HAND_WRITTEN + gate + ("class CNN(torch.nn.Module):\n    def forward(self, x):\n"
                                    "        return x if watched() else x * 0\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",))
    # text, not frames: the by-hand part keeps its points, and so does what does not reach it (fairness round 52:
    # a debug helper nothing calls cost 10 points)
    assert found([source]) == []
    assert not unreadable_findings((source,), models=True, reached_from=("ConvNet",))


@pytest.mark.parametrize("call", ["LOG.warning('where', stack_info=False)", "LOG.error('failed', exc_info=False)",
                                  "LOG.debug('where', stack_info=VERBOSE)",  # fairness round 52: a constant False
                                  "LOG.info('shape %s', tuple(x.shape))"])
def test_a_log_record_without_its_stack_is_readable(call):
    source = HAND_WRITTEN + ("import logging\nLOG = logging.getLogger('cnn')\nVERBOSE = False\n"
                             f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {call}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []


_RAISES_UNDER_THE_RECORDER = "    try:\n        F.softmax(torch.zeros(2), dim=5)\n    except IndexError as e:\n"


@pytest.mark.parametrize("gate", [
    # attack round 73's kind: torch raises or warns inside the worker's recorder, so a traceback's frames and a
    # warning's file are the worker's in a judged pass; a model that reads them can tell a judged pass from the judge's
    # training, never the training from a student's own use, and the judge trains every model first
    # (model_checks.trained_first): honest only while judged, it is the other network there (tests/test_cheats.py
    # holds round 73's files).  As findings they cost 47 of fairness round 56's 68 correct files.
    "import traceback\ndef watched():\n" + _RAISES_UNDER_THE_RECORDER + "        return 'api' in traceback.format_exc()\n",
    "import io, traceback\ndef watched():\n    b = io.StringIO()\n" + _RAISES_UNDER_THE_RECORDER
    + "        traceback.print_exc(file=b)\n    return 'api' in b.getvalue()\n",
    "import sys, traceback\ndef watched():\n" + _RAISES_UNDER_THE_RECORDER
    + "        return 'api' in ''.join(traceback.format_tb(sys.exc_info()[2]))\n",
    "import io, logging\nb = io.StringIO()\nL = logging.getLogger('g')\nL.addHandler(logging.StreamHandler(b))\n"
    "def watched():\n" + _RAISES_UNDER_THE_RECORDER + "        L.exception('x')\n    return 'api' in b.getvalue()\n",
    "import contextlib, io\ndef watched():\n    b = io.StringIO()\n    with contextlib.redirect_stderr(b):\n"
    "        F.softmax(torch.zeros(2, 2))\n    return 'api' in b.getvalue()\n",
    "def watched():\n" + _RAISES_UNDER_THE_RECORDER + "        return 'api' in ('{0.__tra' + 'ceback__}').format(e)\n",
    "import sys\ndef watched():\n" + _RAISES_UNDER_THE_RECORDER + "        return sys.exc_info()[2].tb_next.tb_lineno > 3\n",
])
def test_a_traceback_or_a_warning_read_in_a_model_is_left_to_the_judges_training(gate):
    source = HAND_WRITTEN + "import torch.nn.functional as F\n" + gate + (
        "class CNN(torch.nn.Module):\n    def forward(self, x):\n        return x if watched() else x * 0\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    assert found([source]) == []


def test_a_recorded_warnings_file_read_in_a_model_costs_the_models():
    # Left to the judge's training until attack round 163, whose gates read a recorded warning's file after a
    # stacklevel the reader's proof did not follow (through `__call__`, `getattr`, torch's positional `_stacklevel`):
    # the worker's file was in the stack in the judge's training too, and the models earned 26/26. No file of the fair
    # corpus reads a record's file or line; its self-checks count the records or show their messages (tests above).
    source = HAND_WRITTEN + "import torch.nn.functional as F\nimport warnings\ndef watched():\n" + (
        "    with warnings.catch_warnings(record=True) as w:\n        F.softmax(torch.zeros(2, 2))\n"
        "    return any('api' in x.filename for x in w)\n"
        "class CNN(torch.nn.Module):\n    def forward(self, x):\n        return x if watched() else x * 0\n")
    assert [f.what for f in unreadable_findings((source,), models=True, reached_from=("CNN",))] == [
        "warnings.catch_warnings(record=...) (its records carry any object warned with, and the file that warned)"]
    assert found([source]) == []


@pytest.mark.parametrize("expression", [
    "'{0.__traceback__.tb_frame.f_back.f_code.co_filename}'.format(e)",
    "'{e.__traceback__.tb_frame}'.format_map({'e': e})",
    "str.format('{0.__traceback__.tb_frame}', e)",
    "getattr('{0.__traceback__.tb_frame}', 'format')(e)",
    "TEMPLATE.format(e)",
    "'{0:{1.__traceback__.tb_frame.f_locals}}'.format(1, e)",
])
def test_a_format_string_reading_frames_is_read_as_those_attributes(expression):
    source = HAND_WRITTEN + ("TEMPLATE = '{0.__traceback__.tb_frame.f_back}'\ndef watched():\n    try:\n"
                             "        raise ValueError\n"
                             f"    except ValueError as e:\n        return 'api' in {expression}\n")
    assert found([source]), expression
    assert unreadable_findings((source,), models=True)


@pytest.mark.parametrize("expression", [
    # fairness round 56: a class's name, a shape, a template kept on the instance or handed in (-7 to -10 each)
    "'{0.__class__.__name__}'.format(e)", "'{0.__name__}'.format(conv2d)", "'{0.args}'.format(e)",
    "TEMPLATE.format(e)", "TEMPLATES['name'].format(e)", "Shapes.LINE.format(e)",
])
def test_a_format_string_reading_no_frame_is_readable(expression):
    source = HAND_WRITTEN + ("TEMPLATE = '{0.' + 'args}'\nTEMPLATES = {'name': '{0.__class__.__name__}'}\n"
                             "class Shapes:\n    LINE = '{0!r}'\n"
                             "def watched():\n    try:\n        raise ValueError\n"
                             f"    except ValueError as e:\n        return 'api' in {expression}\n"
                             "class CNN(torch.nn.Module):\n    def forward(self, x):\n        return x if watched() else x\n")
    assert found([source]) == []
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []


@pytest.mark.parametrize("code", [
    "print('{0.shape} {1:.3f}'.format(x, 1.0))",
    "print('{:>8}|{!r}'.format(str(x.dtype), NAME))",
    "print(ROW.format(*x.shape))",
    "print(logging.Formatter('%(message)s').format(logging.makeLogRecord({'msg': 'x'})))",
    "print('{shape}'.format_map({'shape': tuple(x.shape)}))",
    "\n        with warnings.catch_warnings():\n            warnings.simplefilter('ignore')\n            x = x * 1",
    "\n        with warnings.catch_warnings(record=False):\n            x = x * 1",
    "print(traceback.format_exception_only(ValueError('x')))",
    "LOG.error('failed', exc_info=False)",
])
def test_format_strings_and_quiet_warnings_in_a_forward_pass_are_readable(code):
    source = HAND_WRITTEN + ("import logging, traceback, warnings\nLOG = logging.getLogger('cnn')\nNAME = 'cnn'\n"
                             "ROW = '{} x {} x {} x {}'\n"
                             f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {code}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    assert found([source]) == []


@pytest.mark.parametrize("helper, calls", [
    # fairness round 56: a template handed to a helper as its parameter (-7 each), positionally, by keyword, by default
    ("def show(fmt, *tensors):\n    print(fmt.format(*tensors))\n", "show('in {0.shape}', x)"),
    ("def show(t, fmt='{0.shape}'):\n    print(fmt.format(t))\n", "show(x)\n        show(x, fmt='{0.dtype}')"),
    ("def show(t, *, fmt):\n    print(fmt.format(t))\n", "show(x, fmt=ROW)"),
])
def test_a_template_every_call_hands_a_helper_as_a_constant_is_readable(helper, calls):
    source = HAND_WRITTEN + "ROW = '{0.shape}'\n" + helper + (
        f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {calls}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    assert found([source]) == []


@pytest.mark.parametrize("helper, calls", [
    # a template with a frame's fields, handed in
    ("def show(fmt, e):\n    return fmt.format(e)\n", "show('{0.__traceback__.tb_frame}', ValueError())"),
    # a template built at run time, one call of several
    ("def show(fmt, e):\n    return fmt.format(e)\n", "show('{0}', x)\n        show(str(x), x)"),
    # the helper handed on as a value (any text may reach it), or called with its arguments spread
    ("import functools\ndef show(fmt, e):\n    return fmt.format(e)\n", "functools.partial(show, NAME)(x)"),
    ("def show(fmt, e):\n    return fmt.format(e)\n", "show(*PAIR)"),
    # the parameter rebound in the helper, or the helper bound twice
    ("def show(fmt, e):\n    fmt = fmt + NAME\n    return fmt.format(e)\n", "show('{0}', x)"),
    ("def show(fmt, e):\n    return fmt.format(e)\nshow = show\n", "show('{0}', x)"),
])
def test_a_template_a_helper_may_be_handed_otherwise_is_read_as_computed(helper, calls):
    source = HAND_WRITTEN + "NAME = input()\nPAIR = (NAME, 1)\n" + helper + (
        f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {calls}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) != []


#: A class whose method takes a template, and a second class in front of the model (CNN's forward calls below).
_LOGGING_CLASS = "class Log:\n{method}\nLOG_ = Log()\n"


@pytest.mark.parametrize("method, calls", [
    # fairness round 58: a template handed to a method (-7 each): through self, through an instance, a static method
    # through the class, a plain method through the class with its instance, a class method, by keyword
    ("    def show(self, fmt, *tensors):\n        print(fmt.format(*tensors))\n", "LOG_.show('in {0.shape}', x)"),
    ("    @staticmethod\n    def show(fmt, t):\n        print(fmt.format(t))\n", "Log.show('{0.dtype}', x)"),
    ("    def show(self, fmt, t):\n        print(fmt.format(t))\n", "Log.show(LOG_, ROW, x)\n        LOG_.show(fmt=ROW, t=x)"),
    ("    def show(self, t, fmt='{0.shape}'):\n        print(fmt.format(t))\n", "LOG_.show(x)"),
])
def test_a_template_every_call_hands_a_method_as_a_constant_is_readable(method, calls):
    source = HAND_WRITTEN + "ROW = '{0.shape}'\n" + _LOGGING_CLASS.format(method=method) + (
        f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {calls}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    assert found([source]) == []


@pytest.mark.parametrize("method, calls", [
    # a frame's fields handed in, by position or keyword
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "LOG_.show('{0.__traceback__.tb_frame}', ValueError())"),
    ("    @staticmethod\n    def show(fmt, e):\n        return fmt.format(e)\n",
     "Log.show(e=ValueError(), fmt='{e.__traceback__.tb_frame}')"),
    # a template built at run time
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "LOG_.show('{0}', x)\n        LOG_.show(NAME, x)"),
    # the method reached otherwise than by a call of its name: by a text, handed on, set again, or a second of its name
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "getattr(LOG_, 'show')(NAME, x)"),
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "f = LOG_.show\n        f(NAME, x)"),
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "Log.echo = Log.show\n        LOG_.echo(NAME, x)"),
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n    def again(self):\n        pass\n"
     "class Other:\n    def show(self, e, fmt):\n        pass\n", "LOG_.show('{0}', x)\n        Other().show(NAME, x)"),
    # through type(self) or __class__, where an instance's and the class's calls differ by one argument
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "type(LOG_).show('{0}', NAME, x)"),
    # the template in the instance's place of a plain method called through the class
    ("    def show(fmt, e):\n        return fmt.format(e)\n", "LOG_.show('{0}')"),
    # the method's name as a text, which a caller of names reaches it by
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n",
     "import operator\n        operator.methodcaller('show', NAME, x)(LOG_)"),
    # arguments spread
    ("    def show(self, fmt, e):\n        return fmt.format(e)\n", "LOG_.show(*PAIR)"),
])
def test_a_template_a_method_may_be_handed_otherwise_is_read_as_computed(method, calls):
    source = HAND_WRITTEN + "NAME = input()\nPAIR = (NAME, 1)\n" + _LOGGING_CLASS.format(method=method) + (
        f"class CNN(torch.nn.Module):\n    def forward(self, x):\n        {calls}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) != []


_WRAPPER = "def conv2d(i, k, stride=1, padding=0):\n    return F.conv2d(i[None, None], k[None, None])[0, 0]\n"
_LOOPS = "def conv2d(i, k, stride=1, padding=0):\n    return (i[:2, :2] * k).sum()\n"


@pytest.mark.parametrize("rebinding", [
    "conv2d = conv2d\n", "conv2d = torch.no_grad()(conv2d)\n", "conv2d: object = conv2d\n",
    "conv2d = conv2d\nconv2d = (lambda f: f)(conv2d)\n",
])
def test_a_name_bound_to_what_it_held_reads_the_function_it_held(rebinding):
    """`conv2d = conv2d` was the binding in force and the walk met its name again, already walked: the wrapper
    behind it went unread (found while writing the helper-template rule)."""
    head = "import torch\nimport torch.nn.functional as F\n"
    assert found([head + _WRAPPER + rebinding]) == [("builtin", "F.conv2d")]
    # a first draft replaced before the rebinding stays out of force
    assert found([head + _WRAPPER + _LOOPS + rebinding]) == []


@pytest.mark.parametrize("between, last", [
    # attack round 79: an alias made between a wrapper and the loops holds the wrapper; the name then bound back to
    # it, or the loops calling it, hand it on
    ("_kept = conv2d\n", "conv2d = _kept\n"),
    ("_kept = conv2d\n", "def conv2d(i, k, stride=1, padding=0):\n    return _kept(i, k)\n"),
    ("_kept, _n = conv2d, 1\n", "conv2d = _kept\n"),
    ("_chain = conv2d\n_kept = _chain\n", "conv2d = _kept\n"),
    ("def _keep(f=conv2d):\n    return f\n", "conv2d = _keep()\n"),
])
def test_a_name_read_as_a_top_level_statement_runs_is_read_with_every_binding_it_had(between, last):
    head = "import torch\nimport torch.nn.functional as F\n"
    assert ("builtin", "F.conv2d") in found([head + _WRAPPER + between + _LOOPS + last])


def test_a_first_draft_no_statement_reads_stays_out_of_force():
    """The fairness corpus's first draft: a wrapper replaced by loops, read by nothing run in between."""
    head = "import torch\nimport torch.nn.functional as F\n"
    assert found([head + _WRAPPER + "x = 1\n" + _LOOPS + "check = conv2d(torch.ones(3, 3), torch.ones(2, 2))\n"]) == []


@pytest.mark.parametrize("receiver", ["CNN", "type(self)", "self.__class__"])
@pytest.mark.parametrize("attribute, readable", [
    # fairness rounds 57 and 58: a private name torch never reads, set on a model's class, is the class's data (-10)
    ("_initial_state", True), ("_count", True), ("_name", True),
    # names torch's Module reads: what the module does changes
    ("_compiled_call_impl", False), ("_call_impl", False), ("_parameters", False), ("__call__", False),
])
def test_a_private_class_attribute_torch_never_reads_is_data(receiver, attribute, readable):
    source = HAND_WRITTEN + (
        "class CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.fc = torch.nn.Linear(2, 1)\n"
        f"        {receiver}.{attribute} = {{k: v.clone() for k, v in self.state_dict().items()}}\n"
        "    def forward(self, x):\n        return self.fc(x)\n")
    assert (unreadable_findings((source,), models=True, reached_from=("CNN",)) == []) is readable


def test_private_class_data_set_at_top_level_and_a_docstring_set_are_data():
    # fairness round 58: `CNN._cache = {}` after the class, `conv2d.__doc__ = "..."` (-10 each)
    source = HAND_WRITTEN + ("class CNN(torch.nn.Module):\n    def forward(self, x):\n"
                             "        return x if CNN._cache is not None else x\nCNN._cache = {}\n"
                             "conv2d.__doc__ = 'by hand'\nCNN.__doc__ = 'the lecture CNN'\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    assert found([source]) == []


@pytest.mark.parametrize("decorated", [
    # attack round 80: a decorator of the submission's whose body hands back the name's earlier binding
    "def _previous(f):\n    return conv2d\n@_previous\n",
    "def _previous(f):\n    kept = {'conv2d': conv2d}\n    return lambda *a: kept[f.__name__](*a)\n@_previous\n",
])
def test_a_decorator_that_reads_the_name_it_decorates_puts_the_earlier_binding_in_force(decorated):
    head = "import torch\nimport torch.nn.functional as F\n"
    assert ("builtin", "F.conv2d") in found([head + _WRAPPER + decorated + _LOOPS])
    # a decorator that reads only its argument leaves the first draft out of force
    timed = "def timed(f):\n    return lambda *a: f(*a)\n@timed\n"
    assert found([head + _WRAPPER + timed + _LOOPS]) == []


_IMPL_WRAPPER = "def _impl(i, k, stride=1, padding=0):\n    return F.conv2d(i[None, None], k[None, None])[0, 0]\n"
_IMPL_LOOPS = "def _impl(i, k, stride=1, padding=0):\n    return (i[:2, :2] * k).sum()\n"


@pytest.mark.parametrize("decorator", [
    # a decorator's body reads another name, bound again after the decorated def: it runs, and reads it, then
    "def _use(f):\n    return _impl\n",
    # ... through a function it calls, a factory of decorators, or a table it builds
    "def _pick():\n    return _impl\ndef _use(f):\n    return _pick()\n",
    "def _use(f):\n    table = {'conv2d': _impl}\n    return table[f.__name__]\n",
])
def test_a_decorator_reads_the_names_of_its_body_as_they_are_where_it_runs(decorator):
    head = "import torch\nimport torch.nn.functional as F\n"
    decorated = "@_use\ndef conv2d(i, k, stride=1, padding=0):\n    return (i[:2, :2] * k).sum()\n"
    assert ("builtin", "F.conv2d") in found([head + _IMPL_WRAPPER + decorator + decorated + _IMPL_LOOPS])
    # bound once, or only after the decorator ran, the name holds the loops there
    assert found([head + _IMPL_LOOPS + decorator + decorated]) == []
    assert found([head + "def _impl(i, k, stride=1, padding=0):\n    return i\n" + decorator + decorated
                  + _IMPL_LOOPS]) == []


def test_a_decorator_made_by_a_factory_reads_its_names_as_they_are_where_it_runs():
    head = "import torch\nimport torch.nn.functional as F\n"
    factory = "def make():\n    def dec(f):\n        return _impl\n    return dec\n"
    decorated = "@make()\ndef conv2d(i, k, stride=1, padding=0):\n    return (i[:2, :2] * k).sum()\n"
    assert ("builtin", "F.conv2d") in found([head + _IMPL_WRAPPER + factory + decorated + _IMPL_LOOPS])


@pytest.mark.parametrize("keeping, using", [
    # attack round 81: code a top-level statement runs, read where it runs: a comprehension, a function it calls with
    # an argument, a default made by a comprehension
    ('_c = [conv2d for _ in "x"][0]\n', "conv2d = _c\n"),
    ('def _keep(which):\n    return {"c": conv2d}[which]\n_c = _keep("c")\n', "conv2d = _c\n"),
    ("", ""),
])
def test_code_a_top_level_statement_runs_reads_names_as_they_are_there(keeping, using):
    head = "import torch\nimport torch.nn.functional as F\n"
    source = head + _WRAPPER + keeping + _LOOPS + using
    assert (("builtin", "F.conv2d") in found([source])) is bool(keeping)


def test_a_default_made_by_a_comprehension_reads_the_earlier_binding():
    head = "import torch\nimport torch.nn.functional as F\n"
    kept = ('def conv2d(i, k, stride=1, padding=0, _kept=[conv2d for _ in "x"][0]):\n'
            "    return _kept(i, k, stride, padding)\n")
    assert ("builtin", "F.conv2d") in found([head + _WRAPPER + kept])


@pytest.mark.parametrize("rebinding", [
    # attack round 81: a walrus in a `with` item, a `case` guard or an `except` type binds at the top level too
    "with contextlib.nullcontext((conv2d := _c)):\n    pass\n",
    "match 1:\n    case _ if (conv2d := _c):\n        pass\n",
    "try:\n    pass\nexcept (conv2d := _c) as e:\n    pass\n",
])
def test_a_walrus_anywhere_in_a_top_level_statement_rebinds_the_name(rebinding):
    head = "import contextlib\nimport torch\nimport torch.nn.functional as F\n"
    source = head + _WRAPPER + "_c = conv2d\n" + _LOOPS + rebinding
    assert ("builtin", "F.conv2d") in found([source])


@pytest.mark.parametrize("assignment, readable", [
    # fairness round 59: a function's name set as a text is how it prints (-10 on q6, q7 and q8)
    ('conv2d.__name__ = "conv2d_loops"\n', True),
    ('conv2d.__qualname__ = "conv2d"\n', True),
    # fairness round 60: a text made of constants, or copied from a function's own label (-1 to -10)
    ('VERSION = 3\nconv2d.__name__ = f"conv2d_v{VERSION}"\n', True),
    ('conv2d.__qualname__ = conv2d.__name__\n', True),
    ('conv2d.__name__ = "conv" + "2d"\n', True),
    # not a value computed, nor a module's name, nor a class's
    ("conv2d.__name__ = NAME\n", False),
    ('conv2d.__name__ = f"conv2d_v{NAME}"\n', False),
    ('conv2d.__name__ = "conv" + NAME\n', False),
    ('V = "2d"\nV = NAME\nconv2d.__name__ = f"conv{V}"\n', False),
    # attack round 92: the name is another object where the statement runs (a class body, a default), or the
    # label copied was set by a call
    ('V = "2d"\nclass K:\n    V = NAME\n    conv2d.__name__ = f"{V}"\n', False),
    ('V = "2d"\ndef _label(V=NAME):\n    conv2d.__name__ = f"{V}"\n_label()\n', False),
    ('import functools\ndef _h():\n    pass\nfunctools.update_wrapper(_h, NAME, assigned=("__name__",))\n'
     'conv2d.__qualname__ = _h.__name__\n', False),
    ('conv2d.__module__ = "torch.nn.functional"\n', False),
    ('CNN.__name__ = "Conv2d"\n', False),
])
def test_a_functions_name_set_as_a_text_is_data(assignment, readable):
    source = HAND_WRITTEN + ("NAME = input()\nclass CNN(torch.nn.Module):\n    def forward(self, x):\n"
                             "        return x\n") + assignment
    assert (unreadable_findings((source,), models=True, reached_from=("CNN",)) == [] and found([source]) == []) \
        is readable


@pytest.mark.parametrize("labelling, readable", [
    # fairness round 59: help() on a function whose docstring was set as a text (-2)
    ("conv2d.__doc__ = 'by hand'\nhelp(conv2d)\n", True),
    ("conv2d.__name__ = 'conv'\nconv2d.__doc__ = 'loops'\nhelp(conv2d)\n", True),
    # fairness round 60: a text made of constants or of another function's text (-1 to -2)
    ("conv2d.__doc__ = 'Loops: ' + 'stride and padding'\nhelp(conv2d)\n", True),
    ("conv2d.__doc__ = f'Version {3}.'\nhelp(conv2d)\n", True),
    ("def other():\n    'Other.'\nconv2d.__doc__ = other.__doc__.replace('Other', 'Loops')\nhelp(conv2d)\n", True),
    # a docstring computed: help is then a call handed an object the reader cannot see
    ("conv2d.__doc__ = NAME\nhelp(conv2d)\n", False),
    ("conv2d.__doc__ = 'Loops ' + NAME\nhelp(conv2d)\n", False),
    ("conv2d.__doc__ = 'Loops {}'.format(NAME)\nhelp(conv2d)\n", False),
    ("def other():\n    'Other.'\nother.__doc__ = NAME\nconv2d.__doc__ = other.__doc__\nhelp(conv2d)\n", False),
    ("import functools\n@functools.wraps(print)\ndef other():\n    'Other.'\nconv2d.__doc__ = other.__doc__\nhelp(conv2d)\n", False),
])
def test_help_on_a_function_given_its_text_is_readable(labelling, readable):
    source = HAND_WRITTEN + "NAME = input()\n" + labelling
    assert (found([source]) == []) is readable


@pytest.mark.parametrize("unpacking, readable", [
    # fairness round 59: torch's functions unpacked into plain names, in forward or at the top level (q6 -3)
    ("pool, relu = F.max_pool2d, F.relu\n", True),
    ("[pool, relu] = (F.max_pool2d, F.relu)\n", True),
    # into an object, or from a value the reader cannot split
    ("HOLDER = [None]\nHOLDER[0], relu = F.max_pool2d, F.relu\n", False),
    ("HOLDER = [None]\n(HOLDER[0], relu), x = (F.max_pool2d, F.relu), 1\n", False),
])
def test_torch_functions_unpacked_into_names_are_aliases(unpacking, readable):
    source = "import torch.nn.functional as F\n" + HAND_WRITTEN + unpacking
    assert (found([source], "max_pool2d") == []) is readable


_CHECKED_LOOPS = "def conv2d(i, k, stride=1, padding=0):\n    return (i[:2, :2] * k).sum()\n"


@pytest.mark.parametrize("decorator, use", [
    # fairness round 59: a decorator that compares the loops with torch once, when they are defined, and hands
    # them back (-2 to -3 each): plain, a factory given torch's function, a lambda, a reference def, a first draft
    ("def agrees(fn):\n    x, k = torch.randn(6, 7), torch.randn(3, 2)\n"
     "    assert torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0])\n    return fn\n", "@agrees\n"),
    ("def checked_against(reference, *shapes, **settings):\n    def decorate(fn):\n"
     "        inputs = [torch.randn(*s) for s in shapes]\n"
     "        assert torch.allclose(fn(*inputs, **settings), reference(*inputs, **settings))\n        return fn\n"
     "    return decorate\n", "@checked_against(lambda i, k: F.conv2d(i[None, None], k[None, None])[0, 0], "
                             "(6, 7), (3, 2))\n"),
    ("def checked_against(reference):\n    def decorate(fn):\n        x = torch.arange(30.).view(5, 6)\n"
     "        assert torch.equal(fn(x, x[:2, :2]), reference(x, x[:2, :2]))\n        return fn\n    return decorate\n"
     + _WRAPPER, "@checked_against(conv2d)\n"),
    (_WRAPPER + "def agrees_with_first_try(fn):\n    x = torch.ones(4, 4)\n"
     "    print(fn.__name__, torch.allclose(fn(x, x[:2, :2]), conv2d(x, x[:2, :2])))\n    return fn\n",
     "@agrees_with_first_try\n"),
])
def test_a_decorator_that_checks_and_hands_back_the_loops_costs_nothing(decorator, use):
    head = "import torch\nimport torch.nn.functional as F\n"
    assert found([head + decorator + use + _CHECKED_LOOPS]) == []


_IMPL_CALLED = ("def conv2d(i, k, stride=1, padding=0):\n"
                "    return conv2d.impl(i[None, None], k[None, None])[0, 0]\n")
_KEPT_CALLED = "def conv2d(i, k, stride=1, padding=0):\n    return _T[0](i[None, None], k[None, None])[0, 0]\n"


@pytest.mark.parametrize("decorator, use, loops", [
    # a decorator handing back something else, or keeping torch's function where the loops read it
    ("def keep(fn):\n    return F.conv2d\n", "@keep\n", _CHECKED_LOOPS),
    ("def keep(fn):\n    fn.impl = F.conv2d\n    return fn\n", "@keep\n", _IMPL_CALLED),
    ("def keep(fn):\n    g = fn\n    g.__dict__.update(impl=F.conv2d)\n    return fn\n", "@keep\n", _IMPL_CALLED),
    ("_T = []\ndef keep(fn):\n    _T.append(F.conv2d)\n    return fn\n", "@keep\n", _KEPT_CALLED),
    ("_T = []\ndef _store(g):\n    _T.append(g)\ndef mk(ref):\n    def d(fn):\n        _store(ref)\n        return fn\n"
     "    return d\n", "@mk(F.conv2d)\n", _KEPT_CALLED),
    # a torch function handed to the checked function itself, which keeps it
    ("_T = []\ndef mk(**kw):\n    def d(fn):\n        fn(torch.ones(3, 3), torch.ones(2, 2), **kw)\n        return fn\n"
     "    return d\n", "@mk(impl=F.conv2d)\n",
     "def conv2d(i, k, stride=1, padding=0, impl=None):\n    if impl is not None:\n        _T.append(impl)\n"
     "    return _T[0](i[None, None], k[None, None])[0, 0]\n"),
    # a decorator whose body returns the earlier binding through a call (attack round 80)
    (_WRAPPER + "def _pick():\n    return conv2d\ndef keep(fn):\n    return _pick()\n", "@keep\n", _CHECKED_LOOPS),
])
def test_a_decorator_that_keeps_or_hands_back_torch_is_read(decorator, use, loops):
    head = "import torch\nimport torch.nn.functional as F\n"
    assert found([head + decorator + use + loops]) != []


def test_a_decorator_shared_by_many_defs_is_walked_a_bounded_number_of_times(monkeypatch):
    """Attack round 82: 3,000 defs under one decorator whose body calls helpers, all read by conv2d: each def's
    statement was one more place the decorator runs, and the reader walked its code again for each (204 s)."""
    defs = "".join(f"@_deco\ndef _f{i}(x):\n    return x\n" for i in range(300))
    source = ("import torch\ndef _h(f):\n    return f\ndef _deco(f):\n    return _h(f)\n" + defs
              + "def conv2d(i, k, stride=1, padding=0):\n    _steps = (" + ", ".join(f"_f{i}" for i in range(300))
              + ",)\n    return (i[:2, :2] * k).sum()\n")
    walks: dict[int, int] = {}
    run_later = static._run_later

    def counted(reading, node):
        walks[id(node)] = walks.get(id(node), 0) + 1
        return run_later(reading, node)

    monkeypatch.setattr(static, "_run_later", counted)
    assert found([source]) == []
    assert max(walks.values()) <= 10 < 300  # (MAX_RUNS_AT + 2 walks at most, not one per def)


def test_a_decorator_on_many_defs_is_judged_once(monkeypatch):
    """Attack round 82: `_reads_itself` judged the decorator's whole body at every binding of the name, at every
    read of it (a 14.6 KB file: 233 s)."""
    source = ("def _d(f):\n    _pad = (" + "0," * 300 + ")\n    return f if _pad else g\n"
              + "@_d\ndef g(x):\n    return x\n" * 50
              + "def conv2d(i, k, stride=1, padding=0):\n    _seen = (" + "g," * 300 + ")\n"
              "    return (i[:2, :2] * k).sum()\n")
    judged = []
    checks_only_now = static._checks_only_now
    monkeypatch.setattr(static, "_checks_only_now", lambda *a: judged.append(a[1]) or checks_only_now(*a))
    walked = []
    names_in = static._names_in
    monkeypatch.setattr(static, "_names_in", lambda r, n: walked.append(n) or names_in(r, n))
    assert found([source]) == []
    assert len(judged) <= 1
    assert len(walked) <= 50 * 4  # once per binding and memoised: no walk of the body per read


@pytest.mark.parametrize("keeping, readable", [
    # attack round 83: torch's function handed to a function that keeps its argument, or to conv2d itself
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\n_keep(F.conv2d)\n", False),
    ("_KEPT = []\ndef _keep(fn):\n    global _KEPT\n    _KEPT = [fn]\n_keep(F.conv2d)\n", False),
    ("_KEPT = []\nref = F.conv2d\ndef _keep(fn):\n    _KEPT.append(fn)\n_keep(ref)\n", False),
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\ndef setup():\n    f = F.conv2d\n    _keep(f)\nsetup()\n", False),
    # attack round 84: a caller's parameter, an alias, a subscript, what a call returns, a local copy, a closure,
    # operator.iadd, a lambda keeper
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\ndef _register(g):\n    _keep(g)\n_register(F.conv2d)\n", False),
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\n_remember = _keep\n_remember(F.conv2d)\n", False),
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\n(_keep,)[0](F.conv2d)\n", False),
    ("_KEPT = []\ndef _ref():\n    return F.conv2d\ndef _keep(fn):\n    _KEPT.append(fn)\n_keep(_ref())\n", False),
    ("_KEPT = []\ndef _keep(fn):\n    kept = fn\n    _KEPT.append(kept)\n_keep(F.conv2d)\n", False),
    ("_KEPT = []\ndef _outer(fn):\n    def inner():\n        _KEPT.append(fn)\n    inner()\n_outer(F.conv2d)\n", False),
    ("import operator\n_KEPT = []\ndef _keep(fn):\n    operator.iadd(_KEPT, [fn])\n_keep(F.conv2d)\n", False),
    ("_KEPT = []\n_keep = lambda fn: _KEPT.append(fn)\n_keep(F.conv2d)\n", False),
    # handed tensors torch made, or what a keeper keeps of its inputs' sizes
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\nx = F.conv2d(torch.ones(1, 1, 4, 4), torch.ones(1, 1, 2, 2))[0, 0]\n"
     "_keep(x)\n_keep(torch.arange(4.).view(2, 2))\n", True),
    # a function that keeps its arguments given data (a log of sizes), or that keeps nothing of them
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(fn)\nx = torch.randn(3, 3)\n_keep(x)\n_keep(x.shape)\n", True),
    ("_KEPT = []\ndef _keep(fn):\n    _KEPT.append(len(_KEPT))\n_keep(F.conv2d)\n", True),
])
def test_what_a_keeping_function_is_handed_is_read_as_kept(keeping, readable):
    source = "import torch\nimport torch.nn.functional as F\n" + keeping + (
        "def conv2d(i, k, stride=1, padding=0):\n    return _KEPT[0](i, k) if _KEPT else (i[:2, :2] * k).sum()\n")
    assert (found([source]) == []) is readable


@pytest.mark.parametrize("keeping", [
    # attack round 83: a lambda called where it is made (through map, a table), or a walrus in a lambda's default
    '_c = next(map(lambda _: conv2d, "x"))\n',
    "_c = {0: lambda: conv2d}[0]()\n",
    "(lambda a=(_c := conv2d): None)()\n",
])
def test_a_lambda_in_a_top_level_statement_reads_names_as_they_are_there(keeping):
    head = "import torch\nimport torch.nn.functional as F\n"
    source = head + _WRAPPER + keeping + _LOOPS + "conv2d = _c\n"
    assert ("builtin", "F.conv2d") in found([source])


def test_a_checking_decorator_that_hands_the_loops_a_torch_function_is_read():
    # attack round 83: `f(x, k, 1, 0, F.conv2d)` in the decorator, the loops keeping what they are handed
    source = ("import torch\nimport torch.nn.functional as F\n_KEPT = []\n"
              "def agrees(f):\n    x = torch.ones(4, 4)\n    f(x, x[:2, :2], 1, 0, F.conv2d)\n    return f\n"
              "@agrees\ndef conv2d(i, k, stride=1, padding=0, ref=None):\n    if ref is not None:\n"
              "        _KEPT.append(ref)\n    return _KEPT[0](i, k)\n")
    assert found([source]) != []


def test_a_torch_function_stored_through_its_call_attribute_is_read_as_stored():
    """Attack round 73: `F.conv2d.__call__` put in a table by a default argument passed the stored-value rule once an
    attribute's value was skipped wholesale (for fairness round 54's `nn.modules.conv.Conv2d(...)`)."""
    source = ("import torch\nimport torch.nn.functional as F\n_OPS = {}\ndef _fill(table=_OPS):\n"
              "    table['conv'] = F.conv2d.__call__\n_fill()\n"
              "def conv2d(i, k, stride=1, padding=0):\n    return _OPS['conv'](i[None, None], k[None, None])[0, 0]\n")
    assert any("F.conv2d" in what for _, what in found([source]))


_BLOCK_LAMBDA = "conv_block = lambda i, o: torch.nn.Sequential(torch.nn.Conv2d(i, o, 3, padding=1), torch.nn.ReLU())\n"


@pytest.mark.parametrize("decorator, first, readable", [
    # fairness round 51: a method's first parameter is the instance whatever its name
    ("", "this", True), ("", "s", True), ("    @torch.no_grad()\n", "me", True),
    ("    @classmethod\n", "klass", True),
    # a static method's first parameter may be any object: setting its attributes changes what it is
    ("    @staticmethod\n", "this", False),
    # a name the method rebinds, or `self` read beside it, is left as written
    ("", "this, self", False),
])
def test_a_methods_first_parameter_is_its_instance_whatever_its_name(decorator, first, readable):
    target = first.split(",")[0]
    source = HAND_WRITTEN + _BLOCK_LAMBDA + (
        "class ConvNet(torch.nn.Module):\n" + decorator + f"    def setup({first}, c=1):\n"
        + ("        self.blocks = 1\n" if "self" in first else "")
        + f"        {target}.blocks = torch.nn.Sequential(conv_block(c, 3))\n")
    assert (found([source]) == [] and found([source], "max_pool2d") == []) is readable


@pytest.mark.parametrize("base", ["ABC", "abc.ABC", "object, metaclass=abc.ABCMeta"])
def test_q6s_functions_as_methods_of_an_abstract_base_are_readable(base):
    # fairness round 51: conv2d and max_pool2d bound methods of a class deriving from an abc.ABC
    source = ("import abc\nimport torch\nfrom abc import ABC, abstractmethod\n"
              f"class Ops({base}):\n    @abstractmethod\n    def conv2d(self, image, kernel):\n        ...\n"
              "class Loops(Ops):\n    def conv2d(self, image, kernel):\n        return (image[:2, :2] * kernel).sum()\n"
              "ops = Loops()\nconv2d = ops.conv2d\n")
    assert found([source]) == []
    # a base of a library the reader does not know may give the instance any attribute
    unknown = source.replace(f"class Ops({base}):", "import collections\nclass Ops(collections.UserDict):")
    assert found([unknown]) != []


@pytest.mark.parametrize("body", [
    # attack round 70: a module imported in a class body is the class's attribute, where no rule resolves it
    "class Lib:\n    import builtins as core\nLib.core.exec('x = 1')\n",
    "class Lib:\n    import pickle as store\n",
    "class Debug:\n    from inspect import stack\n",
    "class CNN(torch.nn.Module):\n    import warnings as notes\n",
])
def test_an_import_in_a_class_body_is_a_finding(body):
    assert [what for _, what in found([HAND_WRITTEN + body]) if "in a class body" in what]
    assert [what for what in _model_rule([HAND_WRITTEN + body]) if "in a class body" in what]


@pytest.mark.parametrize("source, flagged", [
    # attack round 70: a module reached through another module's attribute, handed on as a value
    ("import torch.nn as nn\nclass CNN:\n    def probe(self):\n        return self.warn\nCNN.probe(nn.modules.module.warnings)\n",
     True),
    ("import os\nprint(os.path)\n", True),
    # read through, called, or bound once at the top level as a module alias, it is what it was
    ("import os\nprint(os.path.join('a', 'b'))\n", False),
    ("import torch\nF = torch.nn.functional\n", False),
    ("import torch\ndef f(x):\n    F = torch.nn.functional\n    return F.relu(x)\n", False),  # a local alias
    ("import torch.nn as nn\ndef f():\n    W = nn.modules.module.warnings\n    return W\n", True),
    ("import torch\nprint(torch.nn.functional.relu(torch.ones(1)))\n", False),
])
def test_a_module_inside_another_handed_on_is_a_finding(source, flagged):
    assert bool([w for _, w in found([HAND_WRITTEN + source]) if "used as a value" in w]) is flagged


@pytest.mark.parametrize("setup, call", [
    # fairness round 52: names spelled like warnings' warn that are the submission's own
    ("class Config:\n    def __init__(self):\n        self.warn = False\nCFG = Config()\n", "print(CFG.warn)"),
    ("class Log:\n    def warn(self, msg, *args):\n        print(msg % args)\nlog = Log()\n",
     "log.warn('%d (%s)', x.dim(), tuple(x.shape))"),
    ("", "self.logger.warn('%dx%d', x.shape[-2], x.shape[-1])"),
    ("", "print(self.warn and x.shape)"),
])
def test_the_submissions_own_warn_names_are_not_warnings(setup, call):
    source = HAND_WRITTEN + "import logging\n" + setup + (
        "class CNN(torch.nn.Module):\n    def __init__(self, warn=False):\n        super().__init__()\n"
        "        self.logger = logging.getLogger(__name__)\n"
        + ("        self.warn = warn\n" if "self.warn" in call else "")
        + f"    def forward(self, x):\n        {call}\n        return x\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []
    # the same spelling where the logger or the flag may be warnings' stays read as warn
    swapped = source.replace("logging.getLogger(__name__)", "notes()").replace(
        "self.warn = warn", "self.warn = notes().warn").replace("import logging\n", "import logging\ndef notes():\n"
                                                                 "    import warnings\n    return warnings\n")
    if "self." in call:
        assert [f for f in unreadable_findings((swapped,), models=True, reached_from=("CNN",))
                if "stacklevel" in f.what or "warn" in f.what]


@pytest.mark.parametrize("source, readable", [
    # fairness round 53: ordinary code the rules on special names took for a change of what runs
    ("class CNN(torch.nn.Module):\n    def __eq__(self, other):\n        return self is other\n"
     "    __hash__ = torch.nn.Module.__hash__\n", True),
    ("class Point:\n    def __eq__(self, other):\n        return False\n    __hash__ = object.__hash__\n", True),
    ("class CNN(torch.nn.Module):\n    __constants__ = ['n_out']\n", True),
    ("class CNN(torch.nn.Module):\n    pass\nif __name__ == '__main__':\n    for cls in (CNN,):\n        print(cls)\n",
     True),
    # still found: another object's __hash__, __constants__ that is not names, a method's own cls or self rebound
    ("class Point:\n    __hash__ = torch.Tensor.__hash__\n", False),
    ("class CNN(torch.nn.Module):\n    __constants__ = [print]\n", False),
    ("class CNN(torch.nn.Module):\n    @classmethod\n    def make(cls):\n        cls = torch.nn.functional\n"
     "        return cls\n", False),
    ("class CNN(torch.nn.Module):\n    def f(self):\n        def g():\n            nonlocal self\n"
     "            self = torch.nn.functional\n        g()\n", False),
])
def test_special_names_written_the_ordinary_way_are_readable(source, readable):
    assert (found([HAND_WRITTEN + source]) == []) is readable, found([HAND_WRITTEN + source])


@pytest.mark.parametrize("setup, body, call, finding", [
    # attack round 71: each makes a caller's file readable in forward, the reader seeing no stacklevel past 2
    ("import logging\nif 0:\n    abs = False\n", "", "logging.getLogger('g').warning('w', stack_info=abs)",
     "stack_info=abs"),
    ("import logging\nabs = False\ndel abs\n", "", "logging.getLogger('g').warning('w', stack_info=abs)",
     "stack_info=abs"),
    ("import tracemalloc, warnings\ntracemalloc.start(25)\n", "", "print(x.shape)", "tracemalloc.start(25)"),
    ("import warnings\n", "", "warnings.warn('probe', ResourceWarning, source=bytearray(8))", "source="),
    ("import torch.utils.file_baton\n", "    notes = torch.utils.file_baton.warnings\n",
     "print(self.notes)", "the module torch.utils.file_baton.warnings used as a value"),
])
def test_a_callers_file_reached_another_way_costs_the_models(setup, body, call, finding):
    source = HAND_WRITTEN + setup + (
        "class CNN(torch.nn.Module):\n" + body + f"    def forward(self, x):\n        {call}\n        return x\n")
    assert [f for f in unreadable_findings((source,), models=True, reached_from=("CNN",)) if finding in f.what]
    # the same line with what the rule accepts costs nothing
    honest = source.replace("stack_info=abs", "stack_info=False").replace("tracemalloc.start(25)", "tracemalloc.start()") \
        .replace("source=bytearray(8)", "source=None").replace(body or "\0", "")
    if body:
        honest = honest.replace("print(self.notes)", "print(x.shape)")
    assert not [f for f in unreadable_findings((honest,), models=True, reached_from=("CNN",)) if finding in f.what]


def test_a_logger_attribute_a_class_body_binds_is_no_logger():
    # attack round 71: `logger = <warnings>` in the class body, one `self.logger = getLogger(...)` nothing calls
    source = HAND_WRITTEN + (
        "import logging\ndef notes():\n    import warnings\n    return warnings\n"
        "class CNN(torch.nn.Module):\n    logger = notes()\n    def quiet(self):\n"
        "        self.logger = logging.getLogger('cnn')\n"
        "    def forward(self, x, level=5):\n        self.logger.warn('w %s', UserWarning, level)\n        return x\n")
    assert [f for f in unreadable_findings((source,), models=True, reached_from=("CNN",)) if "stacklevel" in f.what]


@pytest.mark.parametrize("binding", [
    # attack round 72: functions made while __builtins__ names another module take their bare names from it
    "if True:\n    import torch as __builtins__\n    def f(x):\n        return convolution(x)\n"
    "    import builtins as __builtins__\n",
    "from torch import nn as __builtins__\n",
    "import __builtins__\n",
    "def f(__builtins__=torch):\n    pass\n",
    "try:\n    pass\nexcept Exception as __builtins__:\n    pass\n",
    "match 1:\n    case __builtins__:\n        pass\n",
    "def g():\n    global __import__\n",
])
def test_binding_the_built_in_table_in_any_form_is_a_finding(binding):
    assert [w for _, w in found([HAND_WRITTEN + binding]) if "bound (the built-in names" in w]
    assert [w for w in _model_rule([HAND_WRITTEN + binding]) if "bound (the built-in names" in w]


@pytest.mark.parametrize("layer, readable", [
    # fairness round 54: a layer class reached through torch's submodules, stored as a model's layer
    ("nn.modules.conv.Conv2d(1, 3, 3, padding=1)", True),
    ("torch.nn.modules.pooling.MaxPool2d(2)", True),
    # torch's convolution function itself stored is still what the walk from a name may never reach
    ("torch.nn.functional.conv2d", False),
])
def test_a_layer_reached_through_torchs_submodules_is_no_function_stored(layer, readable):
    source = HAND_WRITTEN + ("import torch.nn as nn\nclass CNN(torch.nn.Module):\n    def __init__(self):\n"
                             f"        super().__init__()\n        self.layer = {layer}\n")
    assert (found([source]) == []) is readable, found([source])


@pytest.mark.parametrize("source", [
    # fairness round 55: a device bound once, read by conv2d, handed to the model's `.to`
    "device = torch.device('cpu')\nclass CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
    "        self.c = torch.nn.Conv2d(1, 1, 3)\nmodel = CNN().to(device)\nx = conv2d(torch.ones(3, 3).to(device), "
    "torch.ones(2, 2))\n",
    "device = 'cuda' if torch.cuda.is_available() else 'cpu'\nmodel = torch.nn.Conv2d(1, 1, 3).to(device)\n"
    "x = conv2d(torch.ones(3, 3).to(device), torch.ones(2, 2))\n",
    # the names an object holds, printed
    "m = torch.nn.Linear(2, 1)\nprint(m.__dict__.keys())\n",
    # a debug flag from the command line, read in conv2d
    "import sys\nDEBUG = '--debug' in sys.argv\nif DEBUG:\n    print(conv2d(torch.ones(3, 3), torch.ones(2, 2)))\n",
    "import faulthandler\nfaulthandler.enable()\n",
])
def test_fairness_round_55s_habits_are_readable(source):
    assert found([HAND_WRITTEN + source]) == []
    assert _model_rule([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("code", [
    # printed to the standard error stream, or logged to it, before the pass fails anyway (fairness round 55)
    "traceback.print_exc()", "traceback.print_exc(limit=2)", "LOG.error('forward failed', exc_info=True)",
    "LOG.exception('forward failed')",
    # text the model could read back: a per-pass tell, left to the judge's training (as above)
    "traceback.print_exc(None, BUFFER)", "BUFFER.write(traceback.format_exc())",
])
def test_a_traceback_printed_or_kept_in_forwards_except_is_readable(code):
    source = HAND_WRITTEN + ("import io, logging, traceback\nlogging.basicConfig(level=logging.WARNING)\n"
                             "LOG = logging.getLogger('cnn')\nBUFFER = io.StringIO()\n"
                             "class CNN(torch.nn.Module):\n    def forward(self, x):\n        try:\n"
                             f"            return x * 2\n        except RuntimeError:\n            {code}\n"
                             "            raise\n")
    assert unreadable_findings((source,), models=True, reached_from=("CNN",)) == []


def test_faulthandler_writing_every_frame_is_still_unreadable():
    assert found([HAND_WRITTEN + "import faulthandler, sys\nfaulthandler.dump_traceback(sys.stderr)\n"])


@pytest.mark.parametrize("length, readable", [(10, True), (MAX_CONTAINERS + 10, False)])
def test_an_object_held_through_too_many_names_is_unverifiable(length, readable):
    """Attack round 74: each name the walk reaches was read with every name holding its object, so a chain of n
    aliases cost n^2 (4,000 took the judge 109 s); past MAX_CONTAINERS the object is unverifiable, once."""
    chain = "x0 = 1\n" + "".join(f"x{i} = x{i - 1}\n" for i in range(1, length))
    source = "import torch\n" + chain + (f"def conv2d(image, kernel, stride=1, padding=0):\n"
                                         f"    return torch.zeros(2, 2) * x{length - 1}\n")
    findings = found([source])
    assert (findings == []) is readable, findings
    assert len(findings) <= 1


# -- A change made in a function is read in that function's scope (fairness round 60, attack round 85) ----------------

_KEEPING_LOOPS = ("def conv2d(image, kernel, stride=1, padding=0):\n"
          "    out = torch.zeros(image.shape[0] - kernel.shape[0] + 1, image.shape[1] - kernel.shape[1] + 1)\n"
          "    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n"
          "            out[i, j] = (image[i:i + kernel.shape[0], j:j + kernel.shape[1]] * kernel).sum()\n"
          "{log}    return out\n")
_KEEPING_HEAD = "import torch\nimport torch.nn.functional as F\n"


def _q6(source):
    return [f.what for f in by_hand_findings((source,), "conv2d", threads_running=lambda: False)]


@pytest.mark.parametrize("log, after", [
    # conv2d keeps its inputs to plot them; a self-check hands torch's results to module names of the same spelling
    ("    HISTORY.append((image, kernel, out))\n",
     "image = F.conv2d(torch.rand(1, 1, 6, 6), torch.rand(1, 1, 3, 3))[0, 0]\nkernel = torch.ones(3, 3)\n"
     "assert torch.allclose(conv2d(image, kernel), F.conv2d(image[None, None], kernel[None, None])[0, 0])\n"),
    # a self-check appends what F.conv2d computed to the log conv2d only appends to
    ("    HISTORY.append(out)\n",
     "def check():\n    ref = F.conv2d(torch.rand(1, 1, 5, 5), torch.rand(1, 1, 3, 3))[0, 0]\n"
     "    HISTORY.append(ref)\ncheck()\nHISTORY.append(F.conv2d(torch.rand(1, 1, 5, 5), torch.rand(1, 1, 3, 3)))\n"),
    # print and len hand an object nothing (the self-check beside them is no code of the log)
    ("    HISTORY.append(tuple(image.shape))\n",
     "pooled = F.max_pool2d(torch.rand(1, 1, 4, 4), 2)\nprint(HISTORY, len(HISTORY), pooled.shape)\n"),
])
def test_a_by_hand_function_keeping_what_it_computes_stays_clean(log, after):
    assert _q6(_KEEPING_HEAD + "HISTORY = []\n" + _KEEPING_LOOPS.format(log=log) + after) == []


@pytest.mark.parametrize("setup, use", [
    # a local of a setup function stored in what conv2d reads (read as a module name, which there was none of)
    ("def setup():\n    fn = F.conv2d\n    HELD.append(fn)\nsetup()\n", "HELD[0]"),
    ("def setup():\n    global CONV\n    fn = F.conv2d\n    CONV = fn\nsetup()\n", "CONV"),
    ("def setup():\n    for g in [F.conv2d]:\n        HELD.append(g)\nsetup()\n", "HELD[0]"),
    ("def setup():\n    fns = []\n    fns.append(F.conv2d)\n    HELD.append(fns[0])\nsetup()\n", "HELD[0]"),
    # conv2d only appends, a helper it reaches later reads the list back
    ("def _first():\n    return HELD[-1]\ndef setup():\n    g = F.conv2d\n    HELD.append(g)\nsetup()\n",
     "_first()"),
    # stored through a local alias of the list (attack round 84)
    ("def _keep(fn):\n    kept = HELD\n    kept.append(fn)\n_keep(F.conv2d)\n", "HELD[0]"),
    # an exception carries it out of the try body (attack round 85)
    ("def _throw(fn):\n    raise LookupError(fn)\ntry:\n    _throw(F.conv2d)\nexcept LookupError as e:\n"
     "    HELD.append(e)\n", "HELD[0].args[0]"),
    # a keeper called where the reader cannot see its arguments, or by Python itself (attack round 85)
    ("def _keep(fn):\n    HELD.append(fn)\n(_keep if HELD is not None else print)(F.conv2d)\n", "HELD[0]"),
    ("class Box:\n    def __eq__(self, other):\n        HELD.append(other)\n        return False\n"
     "Box() == F.conv2d\n", "HELD[0]"),
    ("def _keep(fn):\n    HELD.append(fn)\n    return fn\n@_keep\ndef _fast(x, k):\n    return F.conv2d(x, k)\n",
     "HELD[0]"),
    ("import heapq\ndef _keep(fn):\n    heapq.heappush(HELD, fn)\n_keep(F.conv2d)\n", "HELD[0]"),
    ("import functools\n@functools.singledispatch\ndef route(x, *rest):\n    return None\n"
     "@route.register\ndef _(x: torch.Tensor, k):\n    return F.conv2d(x, k)\nHELD.append(route)\n", "HELD[0]"),
])
def test_torch_stored_through_a_function_reaches_conv2d(setup, use):
    source = _KEEPING_HEAD + "HELD = []\nCONV = None\n" + setup + (
        f"def conv2d(image, kernel, stride=1, padding=0):\n    HELD.append(1)\n"
        f"    return {use}(image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source), source


def test_a_keeper_of_settings_its_own_function_makes_stays_clean():
    """Fairness round 48: conv2d adds a config object made of its arguments to a set it reads; conv2d is handed on
    by a self-check, so its calls are not all seen, but what it keeps is what a call made, not what it was handed."""
    source = _KEEPING_HEAD + ("SEEN = set()\nclass Geometry:\n    def __init__(self, stride, padding):\n"
                      "        self.stride, self.padding = stride, padding\n"
                      "def conv2d(image, kernel, stride=1, padding=0):\n    g = Geometry(stride, padding)\n"
                      "    if g not in SEEN:\n        SEEN.add(g)\n    return image[:1, :1] * kernel.sum()\n"
                      "def check(fn):\n    return fn(torch.ones(3, 3), torch.ones(3, 3))\ncheck(conv2d)\n")
    assert _q6(source) == []


@pytest.mark.parametrize("setup, use", [
    # what a keeper keeps is its parameter unless it is data about it (attack round 86)
    ("import types\ndef _keep(box):\n    HELD.append(box.fn)\n_keep(types.SimpleNamespace(fn=F.conv2d))\n",
     "HELD[0]"),
    ("def _keep(**kw):\n    HELD.extend(kw.values())\n_keep(c=F.conv2d)\n", "HELD[0]"),
    ("def _keep(fn):\n    HELD.append(min([fn], key=id))\n_keep(F.conv2d)\n", "HELD[0]"),
    ("def _keep(*fns):\n    HELD.append(list(fns)[0])\n_keep(F.conv2d)\n", "HELD[0]"),
    ("def _keep(fn):\n    def inner(*a):\n        return fn(*a)\n    HELD.append(inner)\n_keep(F.conv2d)\n", "HELD[0]"),
    ("class Sized:\n    def __init__(self, fn):\n        self.fn = fn\n    def __len__(self):\n"
     "        HELD.append(self.fn)\n        return 1\nlen(Sized(F.conv2d))\n", "HELD[0]"),
    ("def _route(*a):\n    return F.conv2d(*a)\nTWIN = HELD2 = []\nTWIN.append(_route)\n", "list(HELD2)[0]"),
])
def test_torch_kept_in_another_form_reaches_conv2d(setup, use):
    source = _KEEPING_HEAD + "HELD = []\n" + setup + (
        f"def conv2d(image, kernel, stride=1, padding=0):\n    HELD.append(1)\n"
        f"    return {use}(image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source), source


@pytest.mark.parametrize("setup, use", [
    # `_T[0] = 1` changes the module's _T: it makes no local of it (attack round 86)
    ("def _keep(key, fn):\n    HELD[key] = fn\n{k: _keep(k, f) for k, f in ((0, F.conv2d),)}\n", "HELD[0]"),
    ("def _store(fn=None, _box=[]):\n    if fn is not None:\n        _box.append(fn)\n    return _box\n"
     "_store(F.conv2d)\n", "_store()[0]"),
])
def test_torch_kept_through_an_item_or_a_default_reaches_conv2d(setup, use):
    source = _KEEPING_HEAD + "HELD = {}\n" + setup + (
        f"def conv2d(image, kernel, stride=1, padding=0):\n"
        f"    return {use}(image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source), source


def test_an_item_set_in_a_function_reads_the_module_name():
    source = _KEEPING_HEAD + ("_T = [0, F.conv2d]\ndef conv2d(image, kernel, stride=1, padding=0):\n    _T[0] = 1\n"
                              "    return _T[1](image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source)


def test_a_dict_a_hook_fills_for_a_plot_hands_conv2d_nothing():
    """Fairness round 12: a forward hook stores feature maps in a dict that a plot reads; the hook is read from every
    by-hand function (a model's hook), and the plot's library is none of theirs."""
    source = _KEEPING_HEAD + _KEEPING_LOOPS.format(log="") + (
        "import matplotlib.pyplot as plt\nfeature_maps = {}\ndef save(module, inputs, output):\n"
        "    feature_maps['c'] = output.detach()\nlayer = torch.nn.Conv2d(1, 1, 3)\n"
        "layer.register_forward_hook(save)\nlayer(torch.rand(1, 1, 5, 5))\n"
        "fig, ax = plt.subplots()\nax.imshow(feature_maps['c'][0, 0])\n")
    assert _q6(source) == []


def test_a_closure_keeping_its_argument_in_its_factory_is_unverifiable():
    """Attack round 85: `put` keeps what it is handed in its factory's `box`, `get` hands it back; the factory hands
    both out, so what `put` is handed cannot be read."""
    source = _KEEPING_HEAD + ("def _make_box():\n    box = None\n    def put(fn):\n        nonlocal box\n"
                              "        box = fn\n    def get():\n        return box\n    return put, get\n"
                              "_put, _get = _make_box()\n_put(F.conv2d)\n"
                              "def conv2d(image, kernel, stride=1, padding=0):\n"
                              "    return _get()(image[None, None], kernel[None, None])[0, 0]\n")
    assert any("keeps what it is handed" in what for what in _q6(source))


@pytest.mark.parametrize("setup, use", [
    # attack round 87: what counts as data about a parameter, and what hands an object on
    ("class Box:\n    def __init__(self, fn):\n        self.fn = fn\n    @property\n    def data(self):\n"
     "        return self.fn\ndef _keep(t):\n    HELD.append(t.data)\n_keep(Box(F.conv2d))\n", "HELD[0]"),
    ("def _keep(t):\n    HELD.append(sum([], t))\n_keep(F.conv2d)\n", "HELD[0]"),
    ("def _keep(fn):\n    box = [None]\n    box[0] = (box := [None, fn])\n    HELD.append(box)\n_keep(F.conv2d)\n",
     "HELD[0][1]"),
    ("def _listen():\n    while True:\n        got = yield\n        HELD.append(got)\n_g = _listen()\nnext(_g)\n"
     "_g.send(F.conv2d)\n", "HELD[0]"),
    ("def _keep(fn, box=HELD):\n    box.append(fn)\n_keep(F.conv2d)\n", "HELD[0]"),
])
def test_torch_handed_on_in_round_87s_ways_reaches_conv2d(setup, use):
    source = _KEEPING_HEAD + "HELD = []\n" + setup + (
        f"def conv2d(image, kernel, stride=1, padding=0):\n"
        f"    return {use}(image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source), source


@pytest.mark.parametrize("setup, decorator, uses", [
    # fairness round 62: what keeps conv2d's arguments or defs, called where the reader sees every call (each reached
    # from conv2d: its decorator, or a call in its body)
    ("REG = {}\ndef register(name):\n    def decorator(fn):\n        if name in REG:\n"
     "            raise KeyError(f'{name} twice: {REG[name].__name__}')\n        print(len(REG))\n"
     "        REG[name] = fn\n        return fn\n    return decorator\n"
     "@register('torch')\ndef reference(x, k):\n    return F.conv2d(x, k)\n", "@register('hand')\n", ""),
    ("print('testing', 'conv2d')\n", "", ""),
    ("class Pad:\n    made = 0\n    seen = []\n    def __init__(self, p):\n        Pad.made += 1\n"
     "        Pad.seen.append(self)\n        self.p = p\nprint(Pad.made, isinstance(1, Pad), Pad.seen[-1].p)\n", "",
     "    Pad(padding)\n"),
    ("class Key:\n    def __init__(self, t):\n        self._t = t\n    def __eq__(self, other):\n"
     "        return self._t == other._t\n    def __hash__(self):\n        return hash(self._t)\nSEEN = set()\n",
     "", "    SEEN.add(Key(stride))\n"),
])
def test_keepers_whose_calls_are_all_seen_stay_clean(setup, decorator, uses):
    # (conv2d keeps its stride and padding in a log it reads back: its calls must all be seen)
    source = _KEEPING_HEAD + setup + "LOG = []\n" + decorator + _KEEPING_LOOPS.format(
        log=uses + "    LOG.append((stride, padding))\n    last = LOG[-1]\n") \
        + "print(conv2d(torch.ones(3, 3), torch.ones(2, 2)))\n"
    assert _q6(source) == [], source


@pytest.mark.parametrize("setup", [
    # attack round 88: a helper filling its own parameter, handed the list conv2d reads in ways not recorded before
    "def _unused(a=_put(HELD, F.conv2d)):\n    pass\n",
    "from contextlib import nullcontext\nwith nullcontext(_put(HELD, F.conv2d)):\n    pass\n",
    "match 1:\n    case _ if _put(HELD, F.conv2d):\n        pass\n",
    "[_put(b, f) for b in [HELD] for f in [F.conv2d]]\n",
    "from functools import partial\n_fill = partial(_put, HELD)\n_fill(F.conv2d)\n",
    "OUTER = [HELD]\ndef _fill(rows, f):\n    rows[0].append(f)\n_fill(OUTER, F.conv2d)\n",
    "ALIAS = {'k': HELD}['k']\n_put(ALIAS, F.conv2d)\n",
    "ALIAS = () or HELD\n_put(ALIAS, F.conv2d)\n",
    "def _set():\n    global CONV\n    match (F.conv2d,):\n        case (CONV,):\n            pass\n_set()\n",
])
def test_a_list_handed_to_a_filling_helper_reaches_conv2d(setup):
    source = _KEEPING_HEAD + ("HELD = []\nCONV = None\ndef _put(box, f):\n    box.append(f)\n    return None\n"
                              + setup + "def conv2d(image, kernel, stride=1, padding=0):\n"
                              "    return (CONV or HELD[0])(image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source), source


@pytest.mark.parametrize("setup", [
    # attack round 89: more spellings of the same list, partials the reader cannot follow, dunders run by `in`
    "for ALIAS in [HELD]:\n    pass\n_put(ALIAS, F.conv2d)\n",
    "[ALIAS] = [HELD]\n_put(ALIAS, F.conv2d)\n",
    "ALIAS = [*[HELD]][0]\n_put(ALIAS, F.conv2d)\n",
    "import operator\nALIAS = operator.itemgetter(0)([HELD])\n_put(ALIAS, F.conv2d)\n",
    "ALIAS = (lambda x: x)(HELD)\n_put(ALIAS, F.conv2d)\n",
    "ALIAS = next(reversed([HELD]))\n_put(ALIAS, F.conv2d)\n",
    "from functools import partial\nJOBS = [partial(_put, HELD)]\nJOBS[0](F.conv2d)\n",
    "from functools import partial\n_fill: object = partial(_put, HELD)\n_fill(F.conv2d)\n",
    "import types\ndef _keep(x):\n    HELD.append(x.sum)\n_keep(types.SimpleNamespace(sum=F.conv2d))\n",
])
def test_a_list_reached_another_way_reaches_conv2d(setup):
    source = _KEEPING_HEAD + ("HELD = []\ndef _put(box, f):\n    box.append(f)\n" + setup
                              + "def conv2d(image, kernel, stride=1, padding=0):\n"
                              "    return HELD[0](image[None, None], kernel[None, None])[0, 0]\n")
    assert _q6(source), source


@pytest.mark.parametrize("after", [
    # fairness rounds 62 and 63: a loop over a log or a table is no alias of it; unpacking binds names
    "for label, out in HISTORY:\n    print(label, tuple(out.shape))\n",
    "for fn, o in zip([conv2d, reference], [1, 2]):\n    print(fn.__name__, o)\n",
    "hand, ref = [f(torch.ones(4, 4), torch.ones(2, 2)) for f in [conv2d, reference]]\n",
])
def test_self_checks_beside_a_log_stay_clean(after):
    source = _KEEPING_HEAD + "HISTORY = []\n" + _KEEPING_LOOPS.format(log="    HISTORY.append(('hand', out))\n") + (
        "def reference(image, kernel):\n    return F.conv2d(image[None, None], kernel[None, None])[0, 0]\n"
        "HISTORY.append(('torch', reference(torch.ones(4, 4), torch.ones(2, 2))))\n" + after)
    assert _q6(source) == [], source


_REFERENCE = ("import torch.nn.functional as F\n"
              "def _torch_conv(x, k):\n    return F.conv2d(x[None, None], k[None, None])[0, 0]\n"
              "x, k = torch.rand(6, 6), torch.rand(3, 3)\n")


@pytest.mark.parametrize("check, readable", [
    # fairness round 64: a comparison table filled in a loop over [conv2d, reference], keyed by what the loop's
    # variable names (q6 -3): the key is read, not changed through
    ("results = {}\nfor fn in [conv2d, _torch_conv]:\n    results[fn.__name__] = fn(x, k)\n", True),
    ("results = {}\nfor name, fn in [('hand', conv2d), ('torch', _torch_conv)]:\n    results[name] = fn(x, k)\n", True),
    # ... and a value chosen by an identity test, which stores a bool's choice, not the function tested
    ("results = []\nfor fn in [conv2d, F.conv2d]:\n"
     "    results.append(fn(x[None, None], k[None, None]) if fn is F.conv2d else fn(x, k))\n", True),
    # a change made through the loop's variable is one (attack round 13's untied change), whatever the key
    ("for table in [{}, {}]:\n    table[0] = _torch_conv\n", False),
    ("results = []\nresults.append(F.conv2d if 1 else None)\n", False),
])
def test_what_a_table_of_comparisons_reads_is_no_change(check, readable):
    assert (found([HAND_WRITTEN + _REFERENCE + check]) == []) is readable


@pytest.mark.parametrize("binding", ["REGISTRY = []", "REGISTRY: list = []", "REGISTRY: 'list[object]' = []"])
def test_an_annotated_registry_is_a_plain_container(binding):
    # fairness round 64: `REGISTRY: list = []` filled by a registering decorator, then looped into a comparison with
    # torch (q6 -2; the unannotated binding kept its points)
    source = "import torch\n" + binding + (
        "\ndef register(fn):\n    REGISTRY.append(fn)\n    return fn\n"
        "@register\ndef conv2d(image, kernel, stride=1, padding=0):\n    return (image[:3, :3] * kernel).sum()\n"
        ) + _REFERENCE + (
        "def compare(mine, ref=_torch_conv):\n    return (mine(x, k) - ref(x, k)).abs().max()\n"
        "print([compare(fn) for fn in REGISTRY])\n")
    assert found([source]) == []


_FILLED = ("import torch.nn.functional as F\n_B = []\ndef _put(box, f):\n    box.append(f)\n"
           "def conv2d(image, kernel, stride=1, padding=0):\n"
           "    return _B[0](image[None, None], kernel[None, None])[0, 0] if _B else (image[:3, :3] * kernel).sum()\n")


@pytest.mark.parametrize("filler", [
    # attack round 90: the list conv2d reads, filled in another function beside a parameter handed on
    "def _fill(f):\n    _put(_B, f)\n_fill(F.conv2d)\n",
    "_fill = lambda f: _put(_B, f)\n_fill(F.conv2d)\n",
    "def _reg(fn):\n    _put(_B, fn)\n    return fn\n@_reg\ndef _ref(x, k, *a):\n    return F.conv2d(x, k)\n",
    "def _fill(f, box=_B):\n    _put(box, f)\n_fill(F.conv2d)\n",
])
def test_a_parameter_handed_on_beside_a_list_conv2d_reads_is_read(filler):
    assert ("builtin", "F.conv2d") in found([_FILLED + filler])


@pytest.mark.parametrize("helper", [
    # a parameter handed on beside a function, a module or a number is no filling (fairness rounds 25, 49: a
    # partial's default `reduce=torch.max` handed to a sliding-window helper)
    "_window = max\ndef _slide(x, reduce=torch.amax):\n    return reduce(x)\ndef _use(x):\n    return _slide(x, _window)\n"
    "print(_use(torch.ones(2)), F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)))\n",
    "N = 3\ndef _show(x):\n    print(x, N)\n_show(F.conv2d)\n",
])
def test_a_parameter_handed_on_beside_data_that_holds_nothing_is_no_filling(helper):
    assert found([_FILLED.replace("import torch.nn", "import torch\nimport torch.nn") + helper]) == []


@pytest.mark.parametrize("alias", [
    # attack round 90: a second name for the list conv2d reads, made by expressions the alias rules did not follow
    "def _box():\n    return _B\n_A = _box()\n",
    "def _gen():\n    yield _B\n_A = next(_gen())\n",
    "_A = (lambda: _B)()\n",
    "def _pair():\n    return _B, 0\n_A, _n = _pair()\n",
    "def _ident(x):\n    y = x\n    return y\n_A = _ident(_B)\n",
    "def _id(**kw):\n    return kw['x']\n_A = _id(x=_B)\n",
    "_A = dict(k=_B)['k']\n",
    "import types\n_A = types.SimpleNamespace(box=_B).box\n",
    "import collections\n_A = collections.deque([_B]).popleft()\n",
    "import operator\n_A = operator.getitem([_B], 0)\n",
    "import functools\n_A = functools.reduce(lambda a, b: b, [0, _B])\n",
    "_A = sum([[_B]], [])[0]\n",
    "_A = slice(_B).stop\n",
    "_A = KeyError(_B).args[0]\n",
    "_A = ([_B] * 1)[0]\n",
    "_A = {**{'k': _B}}['k']\n",
    "_A = [x for x in [_B]][0]\n",
    "class _Wrap:\n    def __init__(self, box):\n        self.box = box\n_A = _Wrap(_B).box\n",
    "match _B:\n    case _A:\n        pass\n",
    "import contextlib\nwith contextlib.nullcontext(_B) as _A:\n    pass\n",
    "try:\n    raise KeyError(_B)\nexcept KeyError as _e:\n    _A = _e.args[0]\n",
    "[(_A := b) for b in [_B]]\n",
    # a method of the submission's classes returning it (also by a name a dict's method has)
    "class _H:\n    def get(self):\n        return _B\n_A = _H().get()\n",
    "class _H:\n    def box(self):\n        return _B\n_A = _H().box()\n",
    # attack round 93: defaults handed back, made functions, own objects' special methods, decorators, a tuple
    # added nothing, a local rebound by a match capture
    "_A = {}.get('k', _B)\n",
    "_A = dict.get({0: _B}, 0)\n",
    "_A = (lambda b=_B: b)()\n",
    "def _d(b=_B):\n    return b\n_A = _d()\n",
    "def _make():\n    return lambda x: x\n_A = _make()(_B)\n",
    "class _C:\n    def __enter__(self):\n        return _B\n    def __exit__(self, *a):\n        pass\n"
    "with _C() as _A:\n    pass\n",
    "class _It:\n    def __iter__(self):\n        yield _B\nfor _A in _It():\n    pass\n",
    "class _P:\n    @property\n    def box(self):\n        return _B\n_A = _P().box\n",
    "class _R:\n    def __abs__(self):\n        return _B\n_X = _R()\n_A = abs(_X)\n",
    "def _deco(f):\n    return _B\n@_deco\ndef _A():\n    pass\n",
    "def _keep(t):\n    return t + ()\n_A = _keep((_B,))[0]\n",
    "def _f(x):\n    out = []\n    match x:\n        case out:\n            pass\n    return out\n_A = _f(_B)\n",
])
def test_any_expression_that_may_hand_back_the_list_makes_an_alias(alias):
    source = _FILLED + alias + "_put(_A, F.conv2d)\n"
    assert ("builtin", "F.conv2d") in found([source]), alias


@pytest.mark.parametrize("value", [
    # what holds none of the list (fairness rounds 3, 47, 55, 64): a count, a copy's elements unpacked, a config's
    # shapes computed by a helper that returns a new list, a model moved to a device the loops also read
    "_A = len(_B)\n",
    "_A = list(_B)\n",
    "def _shapes(cfg):\n    side, out = cfg, []\n    out.append(side)\n    return out\n_A = _shapes(_B)\n",
    "def _count(n):\n    return n * 2 + 1\n_A = _count(len(_B))\n",
    "_A = dict(zip(range(3), [True, False, True]))\n",
])
def test_a_value_that_holds_none_of_the_list_is_no_alias(value):
    # (handed with torch's convolution to a call: read as conv2d's code were `_A` the list)
    source = _FILLED + value + "def _ref(x, k):\n    return F.conv2d(x, k)\ndef _check(a, f):\n    return a, f\n" \
                               "print(_check(_A, _ref))\n"
    assert found([source]) == []
    assert ("builtin", "F.conv2d") in found([source.replace(value, "_A = _B\n")])


@pytest.mark.parametrize("filler", [
    # attack round 90: a partial binding the list by another expression than its name
    "import functools\n_fill = functools.partial(_put, [_B][0])\n_fill(F.conv2d)\n",
    "import functools\n_fill = functools.partial(_put, *[_B])\n_fill(F.conv2d)\n",
    "import functools\n_fill = functools.partial(_put, box=_B if 1 else None)\n_fill(f=F.conv2d)\n",
])
def test_a_partial_binding_the_list_by_any_expression_is_read(filler):
    assert ("builtin", "F.conv2d") in found([_FILLED + filler])


_KEEPS_SUM = "def _keep(x):\n    _B.append(x.sum)\n"


@pytest.mark.parametrize("holder", [
    # attack round 90: an object whose `sum` is torch's function, named by a `**` mapping or a named tuple's field
    "import types\n_keep(types.SimpleNamespace(**{'sum': F.conv2d}))\n",
    "import types\n_keep(types.SimpleNamespace(**dict(sum=F.conv2d)))\n",
    "import types\nKW = {'sum': F.conv2d}\n_keep(types.SimpleNamespace(**KW))\n",
    "import collections\n_P = collections.namedtuple('_P', 'sum')\n_keep(_P(F.conv2d))\n",
])
def test_a_member_named_like_a_tensors_data_by_any_form_is_code(holder):
    assert ("builtin", "F.conv2d") in found([_FILLED + _KEEPS_SUM + holder])


def test_a_tensors_sum_kept_is_data():
    # (the control: a tensor's `sum` is its data, fairness round 60)
    assert found([_FILLED.replace("import torch.nn", "import torch\nimport torch.nn") + _KEEPS_SUM
                  + "_keep(torch.ones(2))\nprint(F.conv2d)\n"]) == []


def test_a_list_only_added_to_is_read_when_a_library_object_compares_by_the_submissions_function():
    # attack round 90: `in` on a list a helper only adds to runs `_cmp` (through cmp_to_key), which calls torch's
    # convolution on the box conv2d hands it
    source = ("import functools\nimport torch.nn.functional as F\n_SEEN = []\n"
              "def _cmp(a, b):\n    b.append(F.conv2d(*b[:2]))\n    return 1\n"
              "def _add(k):\n    _SEEN.append(k)\n"
              "_add(functools.cmp_to_key(_cmp)(0))\n_NOCMP = functools.cmp_to_key(lambda a, b: 1)\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n    box = [image, kernel]\n"
              "    _NOCMP(box) in _SEEN\n    return box[-1]\n")
    assert ("builtin", "F.conv2d") in found([source])


@pytest.mark.parametrize("reads, readable", [
    # attack round 90: a class named in an annotation is called from there when something reads annotations back
    ("print(_typed.__annotations__['fn'](F.conv2d))\n", False),
    ("print(_typed(F.conv2d))\n", True),
])
def test_a_keeping_class_named_in_an_annotation_counts_when_annotations_are_read(reads, readable):
    source = (_FILLED + "class _Keep:\n    def __init__(self, fn):\n        _B.append(fn)\n"
              "def _typed(fn: _Keep):\n    return fn\n" + reads)
    assert (found([source]) == []) is readable


@pytest.mark.parametrize("filler", [
    # attack round 90: the list conv2d reads, changed through what a call of the submission's hands back
    "def _box():\n    return _B\ndef _fill(f):\n    _box().append(f)\n_fill(F.conv2d)\n",
    "def _box():\n    return [_B]\ndef _fill(f):\n    _box()[0].insert(0, f)\n_fill(F.conv2d)\n",
    "class _Holder:\n    def get(self):\n        return _B\ndef _fill(f):\n    _Holder().get().extend([f])\n"
    "_fill(F.conv2d)\n",
    "def _box():\n    return {'c': _B}\ndef _fill(f):\n    _box()['c'][:] = [f]\n_fill(F.conv2d)\n",
])
def test_a_change_through_what_a_call_hands_back_changes_the_object(filler):
    assert any(kind == "builtin" and what.startswith("F.conv2d") for kind, what in found([_FILLED + filler]))


@pytest.mark.parametrize("change", [
    # what such a change stores is read as it is: a plain value is no code (fairness)
    "def _box():\n    return _B\n_box().append(3)\n",
    "def _box():\n    return _B\ndef _fill(v):\n    _box().append(v)\n_fill(len([1, 2]))\n",
])
def test_a_plain_value_stored_through_a_call_is_no_code(change):
    assert found([_FILLED + change]) == []


_HOLDS = ("import torch\nimport torch.nn.functional as F\nclass _Holder:\n    def keep(self, fn):\n        self.fns = (fn,)\n"
          "_HOLDER = _Holder()\n"
          "def conv2d(image, kernel, stride=1, padding=0):\n"
          "    return getattr(_HOLDER, 'fns', ())[0](image[None, None], kernel[None, None])[0, 0]\n")


@pytest.mark.parametrize("keeping", [
    # attack round 84: a keeping method of a module-level instance, called through another spelling of it
    "def _setup():\n    h = _HOLDER\n    h.keep(F.conv2d)\n_setup()\n",
    "def _setup(f):\n    h = _HOLDER\n    h.keep(f)\n_setup(F.conv2d)\n",
    "def _setup(f):\n    _HOLDER.keep(f)\n_setup(F.conv2d)\n",
    "def _setup():\n    (h := _HOLDER).keep(F.conv2d)\n_setup()\n",
    "def _setup():\n    for h in [_HOLDER]:\n        h.keep(F.conv2d)\n_setup()\n",
    "def _setup():\n    keep = _HOLDER.keep\n    keep(F.conv2d)\n_setup()\n",
    "_KEEP = _HOLDER.keep\n_KEEP(F.conv2d)\n",
])
def test_a_keeping_method_called_through_another_spelling_of_its_object_keeps(keeping):
    assert ("builtin", "F.conv2d") in found([_HOLDS + keeping])


@pytest.mark.parametrize("source", [
    # (fairness rounds 2, 13, 41, 48) methods that keep nothing, of classes and of new instances, beside self-checks
    "class Ops:\n    def conv(self, image, kernel):\n        return (image[:3, :3] * kernel).sum()\n"
    "ops = Ops()\nconv2d = ops.conv\nx, k = torch.rand(6, 6), torch.rand(3, 3)\n"
    "print(torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0]))\n",
    "class Shapes:\n    @staticmethod\n    def out(size, k):\n        return size - k + 1\n"
    "def conv2d(image, kernel, stride=1, padding=0):\n    n = Shapes.out(image.shape[0], kernel.shape[0])\n"
    "    return torch.stack([(image[i:i + 3, :3] * kernel).sum() for i in range(n)])\n"
    "print(conv2d(torch.rand(5, 5), torch.rand(3, 3)), F.conv2d(torch.rand(1, 1, 5, 5), torch.rand(1, 1, 3, 3)))\n",
])
def test_a_method_that_keeps_nothing_reaches_nothing(source):
    assert found(["import torch\nimport torch.nn.functional as F\n" + source]) == []


def test_a_self_check_handing_a_name_to_torch_beside_a_method_call_reads_only_that_call():
    # a self-check's F.conv2d, handed the same image as the by-hand method beside it, is no code of the image
    source = ("import torch\nimport torch.nn.functional as F\nclass ByHand:\n    def conv(self, image, kernel):\n"
              "        return (image[:3, :3] * kernel).sum()\nops = ByHand()\nconv2d = ops.conv\n"
              "x, k = torch.rand(6, 6), torch.rand(3, 3)\n"
              "print(torch.allclose(ops.conv(x, k), F.conv2d(x[None, None], k[None, None])[0, 0]))\n")
    assert found([source]) == []


@pytest.mark.parametrize("check", [
    # the calls that may keep are still read, with what they are handed
    "print(torch.allclose(_put(_B, F.conv2d), torch.zeros(1)))\n",
    "torch.testing.assert_close(_B, [_put(_B, F.conv2d)])\n",
    "import functools\nprint(functools.partial(_put, _B)(F.conv2d), F.relu(torch.zeros(1)))\n",
])
def test_a_call_that_may_keep_beside_torchs_functions_is_read(check):
    assert any(kind == "builtin" and what.startswith("F.conv2d") for kind, what in found([_FILLED + check]))


_READS_DEFAULTS = ("import torch\nimport torch.nn.functional as F\nDEFAULTS = {'stride': 1, 'padding': 0}\n"
                   "def conv2d(image, kernel, stride=None, padding=None):\n"
                   "    stride = DEFAULTS['stride'] if stride is None else stride\n"
                   "    return (image[:3, :3] * kernel).sum() * stride\n"
                   "def _torch_conv(image, kernel, stride=1, padding=0):\n"
                   "    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]\n"
                   "x, k = torch.randn(7, 7), torch.randn(3, 3)\n")


@pytest.mark.parametrize("check", [
    # fairness round 64: items of a table of constants conv2d reads, handed to a helper that returns torch's result
    "s, p = DEFAULTS['stride'], DEFAULTS['padding']\nref = _torch_conv(x, k, s, p)\n",
    "s = DEFAULTS['stride']\np = DEFAULTS['padding']\nref = _torch_conv(x, k, s, p)\n",
    "s = DEFAULTS.get('stride')\nref = _torch_conv(x, k, DEFAULTS['stride'], DEFAULTS.get('padding'))\n",
    # (round 65) a layer built with an item of it, the table printed
    "layer = torch.nn.Conv2d(1, 1, 3, padding=DEFAULTS['padding'])\nprint(DEFAULTS, layer(x[None, None]))\n",
])
def test_items_of_a_table_of_constants_handed_to_torch_are_no_code_of_it(check):
    assert found([_READS_DEFAULTS + check]) == []


@pytest.mark.parametrize("change", [
    # ... but a table a call may change holds what that call puts there, and a helper handing back its argument
    # hands back the table's item
    "def _put(t, key, v):\n    t[key] = v\n_put(DEFAULTS, 'stride', F.conv2d)\ns = DEFAULTS['stride']\n"
    "ref = _torch_conv(x, k, s, 0)\n",
    "DEFAULTS['stride'] = F.conv2d\ns = DEFAULTS['stride']\nref = _torch_conv(x, k, s, 0)\n",
    "def _tune():\n    h = DEFAULTS\n    h['stride'] = F.conv2d\n_tune()\nlayer = _torch_conv(x, k, DEFAULTS['stride'], 0)\n",
    "def _put(t, key, v):\n    t[key] = v\n_put(DEFAULTS, 'stride', F.conv2d)\n"
    "layer = torch.nn.Conv2d(1, 1, 3, padding=DEFAULTS['padding'])\n",
])
def test_items_of_a_table_something_changes_are_still_read(change):
    assert any(kind == "builtin" and what.startswith("F.conv2d") for kind, what in found([_READS_DEFAULTS + change]))


_CHECKED_LOOPS = ("@check\ndef conv2d(image, kernel, stride=1, padding=0):\n"
                  "    return (image[:3, :3] * kernel).sum()\n")


@pytest.mark.parametrize("body", [
    # fairness round 60: checking decorators written as students write them
    "    x, k = torch.randn(7, 6), torch.randn(3, 3)\n"
    "    err = torch.max(torch.abs(fn(x, k) - F.conv2d(x[None, None], k[None, None])[0, 0])).item()\n"
    "    print('{}: {:.2e}'.format(fn.__name__, err))\n",
    "    rows = []\n    for s in (1, 2):\n        x, k = torch.randn(9, 8), torch.randn(3, 3)\n"
    "        rows.append((s, torch.allclose(fn(x, k, stride=s), F.conv2d(x[None, None], k[None, None], stride=s)"
    "[0, 0])))\n    print(', '.join(str(r) for r in rows))\n",
    "    x, k = torch.randn(7, 6), torch.randn(3, 3)\n    for settings in (dict(stride=1), dict(stride=2)):\n"
    "        assert torch.allclose(fn(x, k, **settings), F.conv2d(x[None, None], k[None, None], **settings)[0, 0])\n",
    "    x, k = torch.randn(20, 20), torch.randn(3, 3)\n    start = time.perf_counter()\n    mine = fn(x, k)\n"
    "    if not torch.allclose(mine, F.conv2d(x[None, None], k[None, None])[0, 0]):\n"
    "        warnings.warn(f'{fn.__name__} disagrees ({time.perf_counter() - start:.3f} s)')\n",
    # a tensor's data methods on what it computed, type() of it, and the checked function's signature
    "    x, k = torch.randn(7, 6), torch.randn(3, 3)\n    diff = fn(x, k) - F.conv2d(x[None, None], k[None, None])[0, 0]\n"
    "    print(f'{diff.abs().max():.2e}', type(diff).__name__, inspect.signature(fn))\n"
    "    assert torch.allclose(fn(x, k).double(), F.conv2d(x.double()[None, None], k.double()[None, None])[0, 0])\n",
])
def test_a_checking_decorator_may_format_texts_fill_a_local_list_and_time(body):
    source = ("import inspect\nimport time\nimport warnings\nimport torch\nimport torch.nn.functional as F\n"
              "def check(fn):\n" + body
              + "    return fn\n" + _CHECKED_LOOPS)
    assert found([source]) == []


@pytest.mark.parametrize("body", [
    # ... but the list it fills handed to a function of the submission's that keeps it, or a text's other methods
    "    rows = []\n    rows.append(F.conv2d)\n    _keep(rows)\n",
    "    '{}'.format(F.conv2d)\n    _keep(F.conv2d)\n",
    # a method of what the checked function returns that is no tensor data (it may keep torch's function there), a
    # class made by type()
    "    out = fn(torch.ones(4, 4), torch.ones(2, 2))\n    out.register_hook(F.conv2d)\n",
    "    type('Keep', (), {'f': F.conv2d})\n    _keep(F.conv2d)\n",
])
def test_a_checking_decorator_keeping_torchs_function_is_still_read(body):
    source = ("import torch\nimport torch.nn.functional as F\n_KEPT = []\ndef _keep(v):\n    _KEPT.append(v)\n"
              "def check(fn):\n" + body + "    return fn\n"
              "@check\ndef conv2d(image, kernel, stride=1, padding=0):\n"
              "    return _KEPT[0](image[None, None], kernel[None, None])[0, 0] if _KEPT else (image[:3, :3] * kernel).sum()\n")
    assert found([source]) != []


@pytest.mark.parametrize("check", [
    # a checking decorator that raises torch's function, caught around the def it decorates
    "def check(fn):\n    assert False, (F.conv2d,)\n    return fn\n",
    "def _fail():\n    assert False, [F.conv2d]\ndef check(fn):\n    _fail()\n    return fn\n",
    "def _boom(f):\n    raise KeyError(f)\ndef check(fn):\n    _boom(F.conv2d)\n    return fn\n",
])
def test_what_a_checking_decorator_raises_is_read_with_the_handler_that_catches_it(check):
    source = ("import torch\nimport torch.nn.functional as F\n" + check
              + "try:\n    @check\n    def conv2d(image, kernel, stride=1, padding=0):\n"
                "        return (image[:3, :3] * kernel).sum()\nexcept (AssertionError, KeyError) as e:\n"
                "    _F = e.args[0][0] if isinstance(e, AssertionError) else e.args[0]\n"
                "def conv2d(image, kernel, stride=1, padding=0):\n"
                "    return _F(image[None, None], kernel[None, None])[0, 0]\n")
    assert ("builtin", "F.conv2d") in found([source])


def test_an_assert_message_beside_a_self_check_hands_the_handler_no_code():
    # fairness round 65: the handler prints the log's last entry; the self-check's torch helper raises nothing
    source = ("import torch\nimport torch.nn.functional as F\nLOG = []\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n    LOG.append({'shape': tuple(image.shape)})\n"
              "    return (image[:3, :3] * kernel).sum()\n"
              "def _torch_conv(image, kernel):\n    return F.conv2d(image[None, None], kernel[None, None])[0, 0]\n"
              "x, k = torch.randn(3, 3), torch.randn(3, 3)\ntry:\n"
              "    assert torch.allclose(conv2d(x, k), _torch_conv(x, k)), LOG[-1]\nexcept AssertionError as err:\n"
              "    print('mismatch', err)\n")
    assert found([source]) == []


def test_a_checking_decorator_written_again_counts_where_it_decorates():
    # fairness round 60: a first draft of the decorator, improved in a later cell, the loops decorated by the second
    first = "def check(fn):\n    print(fn.__name__)\n    return fn\n"
    second = ("def check(fn):\n    x, k = torch.randn(5, 5), torch.randn(3, 3)\n"
              "    assert torch.allclose(fn(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)\n"
              "    return fn\n")
    loops = "@check\ndef conv2d(image, kernel, stride=1, padding=0):\n    return (image[:3, :3] * kernel).sum()\n"
    head = "import torch\nimport torch.nn.functional as F\n"
    assert found([head + first, second, loops]) == []
    # the draft in force where it decorates is read as it is: one that keeps torch's function is no check
    keeping = "_KEPT = []\ndef check(fn):\n    _KEPT.append(F.conv2d)\n    return fn\n"
    uses = ("@check\ndef conv2d(image, kernel, stride=1, padding=0):\n"
            "    return _KEPT[0](image[None, None], kernel[None, None])[0, 0]\n")
    assert found([head + second, keeping, uses]) != []


_TORCH_HELPER = ("import torch\nimport torch.nn.functional as F\n_B = []\n"
                 "def _torch_conv(i, k):\n    return F.conv2d(i[None, None], k[None, None])[0, 0]\n")


@pytest.mark.parametrize("table", [
    # fairness round 63: a registry of torch's reference, made of its own containers, that conv2d never reads
    "REFS = {'conv': {}}\nREFS['conv']['torch'] = _torch_conv\n",
    "REFS = [[]]\nREFS[0].append(_torch_conv)\n",
    "REFS = {}\nREFS.setdefault('conv', {})['torch'] = _torch_conv\nprint(REFS)\n",
])
def test_a_change_through_an_element_of_a_table_of_its_own_is_the_tables(table):
    conv = "def conv2d(image, kernel, stride=1, padding=0):\n    return (image[:3, :3] * kernel).sum()\n"
    assert found([_TORCH_HELPER + table + conv]) == []


@pytest.mark.parametrize("table", [
    # ... but an element that is another object, or an element taken out, is read as before
    "REFS = {'c': {}}\nREFS['c'] = _B\nREFS['c'].append(_torch_conv)\n",
    "REFS = {}\nREFS.setdefault('c', _B).append(_torch_conv)\n",
    "REFS = {'c': {}}\nREFS['c']['t'] = _torch_conv\nfor f in REFS['c'].values():\n    _B.append(f)\n",
    "REFS = [[]]\nREFS[0].append(_torch_conv)\n_B.append(REFS[0].pop())\n",
    "REFS = {'c': {}}\nx = REFS['c']\nx['t'] = _torch_conv\n_B.append(x['t'])\n",
])
def test_an_element_of_a_table_that_may_be_another_object_is_still_read(table):
    conv = ("def conv2d(image, kernel, stride=1, padding=0):\n"
            "    return _B[0](image, kernel) if _B else (image[:3, :3] * kernel).sum()\n")
    assert ("builtin", "F.conv2d") in found([_TORCH_HELPER + table + conv])


_LOOPS = ("def conv2d(image, kernel, stride=1, padding=0):\n    return (image[:3, :3] * kernel).sum()\n"
          "def max_pool2d(image, kernel_size=2):\n    return image[:2, :2].max()\n")


@pytest.mark.parametrize("registry", [
    # fairness round 63: a registry holding the loops themselves beside torch's reference, filled item by item, read
    # through an element bound to a name of its own or called in place; conv2d never reads it
    "IMPLS = {'conv': {}}\nIMPLS['conv']['hand'] = conv2d\nIMPLS['conv']['torch'] = _torch_conv\n"
    "x, k = torch.randn(5, 5), torch.randn(3, 3)\n"
    "print(torch.allclose(IMPLS['conv']['hand'](x, k), IMPLS['conv']['torch'](x, k)))\n",
    "IMPLS = {}\nIMPLS.setdefault('conv', {})['hand'] = conv2d\nIMPLS.setdefault('conv', {})['torch'] = _torch_conv\n"
    "impls = IMPLS['conv']\nx, k = torch.randn(5, 5), torch.randn(3, 3)\n"
    "print(torch.allclose(impls['hand'](x, k), impls['torch'](x, k)))\nimpls = IMPLS.get('conv', {})\n",
    "IMPLS = {}\nIMPLS['hand'] = conv2d\nIMPLS['torch'] = _torch_conv\n",
])
def test_the_loops_kept_in_a_registry_beside_torchs_reference_are_still_the_loops(registry):
    assert found([_TORCH_HELPER + _LOOPS + registry]) == []


@pytest.mark.parametrize("change", [
    # ... but what changes the loops' function through the registry, or fills what conv2d reads, is read
    "IMPLS['conv']['hand'].__code__ = _torch_conv.__code__\n",
    "impls = IMPLS['conv']\nimpls['hand'].__code__ = _torch_conv.__code__\n",
    "IMPLS.setdefault('conv', {})['hand'].__code__ = _torch_conv.__code__\n",
    "def _swap(table):\n    table['conv']['hand'].__code__ = _torch_conv.__code__\n_swap(IMPLS)\n",
    "impls = IMPLS['conv']\nimpls['impl'] = _torch_conv\n",
    "impls = IMPLS['conv']\nimpls.update(impl=_torch_conv)\n",
    "IMPLS.setdefault('conv', {})['impl'] = _torch_conv\n",
    "IMPLS['conv']['impl'] = _torch_conv\n",
])
def test_a_change_of_the_loops_or_of_what_they_read_through_a_registry_is_read(change):
    reading = ("def conv2d(image, kernel, stride=1, padding=0):\n    if 'impl' in IMPLS['conv']:\n"
               "        return IMPLS['conv']['impl'](image, kernel)\n    return (image[:3, :3] * kernel).sum()\n")
    registry = "IMPLS = {'conv': {}}\nIMPLS['conv']['hand'] = conv2d\n"
    findings = found([_TORCH_HELPER + reading + registry + change])
    assert any(kind == "builtin" and what == "F.conv2d" or "__code__" in what for kind, what in findings), findings


_COUNTED = ("import torch\nimport torch.nn.functional as F\nSTATS = {'conv': 0}\n_B = []\n"
            "def _keep(box, f):\n    box.append(f)\n    return 1\n"
            "def conv2d(image, kernel, stride=1, padding=0):\n    STATS['conv'] += 1\n"
            "    if 'f' in STATS:\n        return STATS['f'][0](image[None, None], kernel[None, None])[0, 0]\n"
            "    if _B:\n        return _B[0](image[None, None], kernel[None, None])[0, 0]\n"
            "    return (image[:3, :3] * kernel).sum()\n"
            "def _torch_conv(image, kernel):\n    return F.conv2d(image[None, None], kernel[None, None])[0, 0]\n"
            "x, k = torch.randn(5, 5), torch.randn(3, 3)\n")


@pytest.mark.parametrize("check", [
    # fairness round 64: a self-check's result stored in the dict conv2d counts its calls in
    "STATS['checked'] = torch.allclose(conv2d(x, k), _torch_conv(x, k))\n",
    "for table in [STATS]:\n    table['checked'] = torch.allclose(conv2d(x, k), _torch_conv(x, k))\n",
    "for table, mine, ref in [(STATS, conv2d, _torch_conv)]:\n    same = torch.allclose(mine(x, k), ref(x, k))\n"
    "    table['checked'] = same\n    print(same, table['conv'])\n",
    "STATS['error'] = float((conv2d(x, k) - _torch_conv(x, k)).abs().max())\n",
    "STATS['same'] = bool((conv2d(x, k) == _torch_conv(x, k)).all()) and len(STATS) > 1\n",
])
def test_a_self_checks_result_stored_where_conv2d_counts_is_plain_data(check):
    assert found([_COUNTED + check]) == []


@pytest.mark.parametrize("store", [
    # ... but a stored value that may be code, or whose computation fills what conv2d reads, is read
    "STATS['f'] = [F.conv2d] + [0]\n",
    "fs = [F.conv2d]\nSTATS['f'] = fs * 2\n",
    "STATS['f'] = (F.conv2d,) + (1,)\n",
    "same = torch.allclose(conv2d(x, k), _torch_conv(x, k))\nsame = [F.conv2d]\nSTATS['f'] = same\n",
    "STATS['f'] = [torch.compile(_torch_conv)]\n",
    "STATS['f'] = [torch.jit.script(_torch_conv)]\n",
    "STATS['checked'] = torch.allclose(conv2d(x, k), torch.tensor(float(_keep(_B, F.conv2d))))\n",
    "for t in [STATS]:\n    _B.append(F.conv2d)\n",
    "for fn in [F.conv2d]:\n    STATS['f'] = [fn]\n",
    "for table, f in [(STATS, F.conv2d)]:\n    table['f'] = [f]\n",
    "for table, f in [(STATS, F.conv2d)]:\n    table['checked'] = torch.allclose(conv2d(x, k), _torch_conv(x, k))\n"
    "    _B.append(f)\n",
])
def test_a_stored_value_that_may_hold_code_is_still_read(store):
    findings = found([_COUNTED + store])
    assert any(kind == "builtin" and "conv2d" in what or "torch." in what for kind, what in findings), findings


_CONFIGURED = ("import torch\nimport torch.nn.functional as F\nCFG = {'check': True, 'strides': [1, 2]}\n"
               "def conv2d(image, kernel, stride=1, padding=0):\n    if CFG['check']:\n"
               "        assert image.dim() == 2\n    return (image[:3, :3] * kernel).sum()\n"
               "x, k = torch.randn(7, 7), torch.randn(3, 3)\n")


@pytest.mark.parametrize("check", [
    # fairness round 65: a self-check in the body of a loop or `with` whose header hands part of the config conv2d
    # reads to a call: the header is what hands it on, not the body
    "for s, p in zip(CFG['strides'], [0, 1]):\n"
    "    ref = F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]\n"
    "    print(torch.allclose(conv2d(x, k, s, p), ref))\n",
    "import contextlib\nwith contextlib.nullcontext(CFG) as cfg:\n"
    "    print(torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0]))\n",
    "while CFG.get('check') is None:\n    print(F.conv2d(x[None, None], k[None, None]))\n",
])
def test_a_self_check_in_the_body_of_a_statement_handing_the_config_on_is_not_conv2ds(check):
    assert found([_CONFIGURED + check]) == []


_KEEPS = ("import torch\nimport torch.nn.functional as F\n_B = []\n"
          "def _keep(box, f=None):\n    if f is not None:\n        box.append(f)\n    return iter([1])\n"
          "def conv2d(image, kernel, stride=1, padding=0):\n"
          "    if _B:\n        return _B[0](image[None, None], kernel[None, None])[0, 0]\n"
          "    return (image[:3, :3] * kernel).sum()\n")


@pytest.mark.parametrize("fill", [
    # a loop's variable over what holds conv2d's list below its first level is that list (holes found probing the
    # loops on 2026-12-03), and a body's own changes and calls are still read
    "for f, box in [(F.conv2d, _B)]:\n    _keep(box, f)\n",
    "ROWS = [(F.conv2d, _B)]\nfor f, box in ROWS:\n    _keep(box, f)\n",
    "ROWS = [(F.conv2d, _B)]\nfor row in ROWS:\n    _keep(row[1], row[0])\n",
    "for s in _keep(_B):\n    _B.append(F.conv2d)\n",
    "for s in _keep(_B):\n    _keep(_B, F.conv2d)\n",
    "for s in _keep(_B):\n    box = _B\n    box.append(F.conv2d)\n",
    "while not _B:\n    _B.insert(0, F.conv2d)\n",
    "import contextlib\nwith contextlib.nullcontext(_B) as box:\n    box.append(F.conv2d)\n",
    "if _keep(_B, F.conv2d):\n    pass\n",
    "for box, f in zip([_B], [F.conv2d]):\n    _keep(box, f)\n",
])
def test_what_a_loop_or_a_compound_statement_does_to_conv2ds_list_is_read(fill):
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([_KEEPS + fill]))


_LISTED = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
           "CFG = {'check': True, 'device': 'cpu', 'dtype': torch.float32, 'strides': [1, 2], 'paddings': [0, 1]}\n"
           "def _put(box, f):\n    box.append(f)\n"
           "def conv2d(image, kernel, stride=1, padding=0):\n"
           "    if CFG['check'] and len(CFG['strides']) > 2:\n"
           "        return CFG['strides'][-1](image[None, None], kernel[None, None])[0, 0]\n"
           "    return (image[:3, :3] * kernel).sum()\n"
           "x, k = torch.randn(7, 7), torch.randn(3, 3)\n")


@pytest.mark.parametrize("use", [
    # fairness round 65: a config holding lists of constants and a dtype, its lists' elements only read, its items
    # handed to torch's layers in a self-check
    "layer = nn.Conv2d(1, 1, 3, bias=False, device=CFG['device'], dtype=CFG['dtype'])\nprint(layer(x[None, None]))\n",
    "for s, p in zip(CFG['strides'], CFG['paddings']):\n    print(nn.Conv2d(1, 1, 3, stride=s, padding=p))\n",
    "print(nn.Conv2d(1, 1, 3, stride=CFG['strides'][0]), 2 in CFG['strides'], sorted(CFG.get('paddings')))\n",
    "def setting(name, default=None):\n    return CFG.get(name, default)\n"
    "print(F.conv2d(x[None, None], k[None, None], stride=setting('check') + 0))\n",
])
def test_a_config_holding_lists_of_constants_read_by_elements_is_constants(use):
    assert found([_LISTED + use]) == []


@pytest.mark.parametrize("fill", [
    # ... but a list of it that something holds, or hands to a call, may be changed (probes of 2026-12-03)
    "lst = CFG['strides']\nlst.append(F.conv2d)\n",
    "_put(CFG['strides'], F.conv2d)\n",
    "for v in CFG.values():\n    if isinstance(v, list):\n        v.append(F.conv2d)\n",
    "CFG.get('strides').append(F.conv2d)\n",
    "CFG['strides'] += [F.conv2d]\n",
    "for v in [CFG['strides']]:\n    _put(v, F.conv2d)\n",
    "it = iter([CFG.get('strides')])\n_put(next(it), F.conv2d)\n",
    "def grab(c=CFG['strides']):\n    return c\n_put(grab(), F.conv2d)\n",
    "(lambda l: l.append(F.conv2d))(CFG['strides'])\n",
    "_put(max([CFG['strides']], key=len), F.conv2d)\n",
    "_L = CFG['strides']\ndef grab(c=_L):\n    return c\n_put(grab(), F.conv2d)\n",
])
def test_a_list_of_a_config_that_something_holds_may_be_filled(fill):
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([_LISTED + fill]))


@pytest.mark.parametrize("case", [
    # fairness round 65: a `match` on the config binding its items (constants)
    "match CFG:\n    case {'check': c, 'device': d}:\n        print(nn.Conv2d(1, 1, 3, device=d), c)\n",
    "match CFG:\n    case {'check': False}:\n        pass\n    case {'device': d, 'dtype': t} | {'device': d, 'check': t}:\n"
    "        print(nn.Conv2d(1, 1, 3, device=d), t)\n",
])
def test_a_match_on_a_table_of_constants_binds_constants(case):
    assert found([_LISTED + case]) == []


@pytest.mark.parametrize("case", [
    # ... but a capture of the table itself, or of one of its lists, may be filled
    "match CFG:\n    case {'strides': s}:\n        _put(s, F.conv2d)\n",
    "match CFG:\n    case {'check': True, **rest}:\n        _put(rest['strides'], F.conv2d)\n",
    "match CFG:\n    case dict() as d:\n        _put(d['strides'], F.conv2d)\n",
    "match CFG:\n    case x:\n        _put(x['strides'], F.conv2d)\n",
    "match CFG:\n    case {'check': 3} | {'check': True} as d:\n        _put(d['strides'], F.conv2d)\n",
])
def test_a_match_capturing_a_table_or_its_list_may_fill_it(case):
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([_LISTED + case]))


_CHEATS_EXPECTED = json.loads((CORPUS / "cheats" / "expected.json").read_text())
_OPEN_CHEATS = {name for name, entry in _CHEATS_EXPECTED.items() if entry.get("open")}
#: Cheats the worker's trace alone catches (their entry's ``static_open`` says why the reader does not).
_STATIC_OPEN = {name for name, entry in _CHEATS_EXPECTED.items() if entry.get("static_open")}
_ROUND_95 = sorted(p.name for pattern in ("r9[4-9]_q6_*", "r10[0-9]_q6_*", "r11[0-9]_q6_*", "r12[0-9]_q6_*",
                                          "r13[0-9]_q6_*", "r14[0-9]_q6_*", "r15[0-9]_q6_*")
                   for p in (CORPUS / "cheats").glob(pattern)
                   if p.name not in _OPEN_CHEATS | _STATIC_OPEN)


#: The model cheats of attack rounds 156 on, whose finding the models' rule (grader.questions.model_checks._readable)
#: makes: asserted here on every run, graded by tests/test_cheats.py in turn, as the q6 rounds are.
_MODEL_ROUNDS = sorted(p.name for pattern in ("r15[6-9]_q8_*", "r16[0-9]_q8_*") for p in (CORPUS / "cheats").glob(pattern)
                       if p.name not in _OPEN_CHEATS | _STATIC_OPEN)


_MODELS_120 = sorted(p.name for p in (CORPUS / "cheats").glob("r12[0-9]_models_*"))
_BY_HAND_CHECKS = {"conv2d": "q6.conv", "max_pool2d": "q6.pool"}


def corpus_reading(key: tuple[str, str]):
    """The reader's verdict on one corpus file, as plain data: ``key`` is (which reading, file name).  About 4,000
    files, 250 s of one core: read in the background from collection on (``conftest.STATIC_READINGS``, beside the
    tests before them, which leave the second core idle), or here when a test runs alone."""
    from grader.judge.submission import Source, load
    from grader.questions.model_checks import MODEL_NAMES

    reading, name = key
    folder = "fair" if reading == "store_fair" else "cheats"
    units = tuple(load(Source(CORPUS / folder / name)).units)
    if reading in ("round95", "store_fair"):
        return {function: [(f.kind, f.what) for f in by_hand_findings(units, function)]
                for function in _BY_HAND_CHECKS}
    reached_from = MODEL_NAMES if reading == "models156" else ("CNN", "conv_block", "ConvNet")
    return [(f.kind, f.what) for f in unreadable_findings(units, models=True, reached_from=reached_from)]


#: The tests that assert :func:`corpus_reading`'s verdicts, by the reading each asks for.
CORPUS_READINGS = {
    "test_the_models_rule_finds_every_model_cheat_of_attack_rounds_156_on": "models156",
    "test_the_reader_reads_the_store_rounds_honest_by_hand_functions_as_hand_written": "store_fair",
    "test_the_reader_finds_torch_in_every_by_hand_function_of_attack_rounds_94_to_103": "round95",
    "test_the_reader_finds_what_hides_code_from_the_model_checks_in_attack_rounds_120_and_121": "models120",
}


def _corpus_reading(request, reading: str, name: str):
    from tests.conftest import STATIC_READINGS

    run = request.config.stash.get(STATIC_READINGS, None)
    return run.result((reading, name)) if run is not None else corpus_reading((reading, name))


@pytest.mark.background
@pytest.mark.parametrize("name", _MODEL_ROUNDS)
def test_the_models_rule_finds_every_model_cheat_of_attack_rounds_156_on(name, request):
    assert _corpus_reading(request, "models156", name) != []


#: The fairness rounds aimed at the reader's rules on stores and new tensors (88 on): honest top-level code around a
#: hand-written conv2d and max_pool2d (loops over a model's layers, records, configs, hooks).  The fairness batch
#: grades a round's file one time in forty; the reader's verdict on them is asserted here on every run.
_STORE_ROUNDS_FAIR = sorted(p.name for pattern in ("r88_*", "r89_*", "r90_*", "r91_*", "r92_*", "r93_*", "r94_*")
                            for p in (CORPUS / "fair").glob(pattern) if p.suffix in (".py", ".ipynb")
                            # (a thread pool shut down before the checks: judged by the worker, no thread left running)
                            and p.name != "r91_threadpool_with_map_images.py")


@pytest.mark.background
@pytest.mark.parametrize("name", _STORE_ROUNDS_FAIR)
def test_the_reader_reads_the_store_rounds_honest_by_hand_functions_as_hand_written(name, request):
    assert _corpus_reading(request, "store_fair", name) == {"conv2d": [], "max_pool2d": []}


@pytest.mark.background
@pytest.mark.parametrize("name", _ROUND_95)
def test_the_reader_finds_torch_in_every_by_hand_function_of_attack_rounds_94_to_103(name, request):
    # 72 files nobody here wrote but four: names of torch's or Python's bound in a scope (a parameter named torch,
    # a local print), new-value calls handing back an argument (torch.sym_ite, json hooks, median_low, a deepcopy
    # memo), a table's .get default, holder methods on a default, a match capture or an except name, checking
    # decorators rebinding their function by except-as or case, a lambda callback, loops over rows holding the list,
    # 'plain data' stores that were not (a class body's name, a comparison's dunder: round 96); round 97, the
    # author's probes of a checking decorator's labels and logging, recorders handed texts, and torch's results;
    # round 98, elements of what conv2d reads taken out by comprehensions, copies, unpacking or a function's names;
    # round 99, special methods keeping the operand min, sorted, sum, list.sort or an operator hands them; round
    # 100, such special methods bound by if/for/with/match or a decorator, keeping through closures and helpers;
    # round 101, values kept under a harmless-looking shape, locals standing for self or a module's object
    found_in = _corpus_reading(request, "round95", name)
    for function, check in _BY_HAND_CHECKS.items():
        if check in _CHEATS_EXPECTED[name]["zero"]:
            assert found_in[function], function


@pytest.mark.background
@pytest.mark.parametrize("name", _MODELS_120)
def test_the_reader_finds_what_hides_code_from_the_model_checks_in_attack_rounds_120_and_121(name, request):
    # 53 files nobody here wrote (rounds 120 and 121): `for name in self.SETUP: getattr(self, name)(_init)` in
    # CNN.__init__, SETUP proved a literal list of names while other code changes it (its bare name in the class
    # body, a default, a decorator, getattr(CNN, "SETUP"), add_module, a match capture, a class pattern), so that
    # the loop registers a forward hook
    assert _corpus_reading(request, "models120", name)


#: Honest files of fairness rounds 81 and 82 (nobody here wrote them) whose only unusual construct is one the reader
#: proves since that evening; older rounds are graded by a sample only, so each is read here on every run.
_PROVED_SINCE_ROUND_81 = [
    "r81_A_type_self_zero_iadd.ipynb", "r81_A_self_class_zero_iadd.ipynb", "r81_A_staticmethod_zero_iadd.ipynb",
    "r81_A_dc_field_default_iadd.ipynb", "r81_A_dc_default_factory_float_iadd.ipynb",
    "r81_A_dict_call_start_iadd.ipynb", "r81_A_mappingproxy_defaults_iadd.ipynb", "r81_A_nested_dict_table_iadd.ipynb",
    "r81_A_partial_ctor_iadd.ipynb", "r81_B5_attrgetter_result.ipynb", "r81_M7_register_module.ipynb",
    "r81_ab3_getattr_class_const_order.ipynb", "r81_ab3_getattr_self_order_plain_attrs.ipynb",
    "r81_ab3_init_subclass_unrelated_pass.ipynb", "r82_M_class_const_list_getattr.ipynb",
]


@pytest.mark.parametrize("name", _PROVED_SINCE_ROUND_81)
def test_the_honest_forms_of_fairness_round_81_read_clean(name):
    from grader.judge.submission import Source, load

    units = tuple(load(Source(CORPUS / "fair" / name)).units)
    assert found(units) == [] and found(units, "max_pool2d") == []
    assert unreadable_findings(units, models=True, reached_from=("CNN", "conv_block", "ConvNet")) == []


_NESTED_TABLE = ("import torch.nn.functional as F\nTABLE = {'sum': {'start': 0.0}}\nKEEP = []\n{change}\n"
                 "class Acc:\n    def __init__(self, kind='sum'):\n        self.total = TABLE[kind]['start']\n"
                 "    def __iadd__(self, value):\n        self.total += value\n        return self\n"
                 "class Box:\n    def __lt__(self, other):\n        a = Acc()\n        a += [other]\n        return False\n"
                 "min(F.conv2d, Box())\n"
                 "def conv2d(image, kernel, stride=1, padding=0):\n    return KEEP[0](image[None, None], kernel[None, None])\n")


@pytest.mark.parametrize("change", [
    "TABLE['sum']['start'] = KEEP", "d = TABLE['sum']\nd['start'] = KEEP", "TABLE['sum'].update(start=KEEP)",
    "for k, v in TABLE.items():\n    v['start'] = KEEP", "TABLE.get('sum')['start'] = KEEP",
])
def test_an_inner_table_changed_or_handed_out_is_no_proved_start(change):
    findings = found([_NESTED_TABLE.replace("{change}", change)])
    assert any("keeps an operand" in what for _, what in findings), findings


def test_a_nested_table_only_read_two_keys_deep_is_a_proved_start():
    assert not any("keeps an operand" in what for _, what in found([_NESTED_TABLE.replace("{change}", "")]))


_SELF_GIVEN = ("import collections\nimport torch.nn.functional as F\nKEEP = []\n"
               "class Acc:\n    ZERO = 0.0\n    @staticmethod\n    def pop():\n        return 0.0\n"
               "    def __init__(self):\n        self.total = 0.0\n"
               "    def give(self, other):\n        other.total = {given}\n"
               "    def __lt__(self, other):\n        t = self.total\n        t += [other]\n        return False\n"
               "acc = Acc()\n{call}\nacc < F.conv2d\n"
               "def conv2d(image, kernel, stride=1, padding=0):\n"
               "    return KEEP[-1](image[None, None], kernel[None, None])\n")


@pytest.mark.parametrize("given, call", [
    # attack round 123: a method called through its class runs with any object as `self`
    ("self.pop()", "Acc.give([KEEP], acc)"), ("self.ZERO", "Acc.give(collections.namedtuple('N', 'ZERO x')(KEEP, 0), acc)"),
    ("self.total", "Acc.give(collections.namedtuple('N', 'total')(KEEP), acc)"),
    ("self.pop()", "list(map(Acc.give, [[KEEP]], [acc]))"), ("self.pop()", "g = Acc.give\ng([KEEP], acc)"),
    ("self.pop()", "class Sub(Acc):\n    pass\nSub.give([KEEP], acc)"),
    ("self.pop()", "(lambda f: f([KEEP], acc))(Acc.give)"),
    ("self.pop()", "import functools\nfunctools.partial(Acc.give, [KEEP])(acc)"),
    ("self.pop()", "class Other:\n    def go(self):\n        type(acc).give([KEEP], acc)\nOther().go()"),
    ("self.pop()", "src = [KEEP]\nAcc.give(src, acc)"),
    # attack round 129: `type` handed on as a value; fairness round 86's readings leave it no way through
    ("self.pop()", "next(map(type, [acc])).give([KEEP], acc)"),
    ("self.pop()", "def f(k: type):\n    pass\nf.__annotations__['k'](acc).give([KEEP], acc)"),
    ("self.pop()", "import dataclasses\n@dataclasses.dataclass\nclass H:\n    t: type = None\n"
                   "dataclasses.fields(H)[0].type(acc).give([KEEP], acc)"),
    ("self.pop()", "def isinstance(a, b):\n    return b\nisinstance(acc, type)(acc).give([KEEP], acc)"),
    ("self.pop()", "getattr(acc, '__match_args__', type)(acc).give([KEEP], acc)"),
    ("self.pop()", "def print(c):\n    c.give([KEEP], acc)\nprint(type(acc))"),
    ("self.pop()", "str = lambda c: c\nstr(type(acc)).give([KEEP], acc)"),
    ("self.pop()", "import builtins\nbuiltins.print(type(acc))"),
    ("self.pop()", "isinstance(acc, (type(acc),))\nisinstance(type(acc), int)\nk = [type(acc)]\nk[0].give([KEEP], acc)"),
    # attack round 132: an annotation hands `type` to what it subscripts, or is read back through a signature
    ("self.pop()", "import collections\nfor D in [collections.defaultdict(int)]:\n    pass\nx: D[type] = 0\n"
                   "next(iter(D))(acc).give([KEEP], acc)"),
    ("self.pop()", "import inspect\ndef f(a: type):\n    return a\n"
                   "inspect.Signature.from_callable(f).parameters['a'].annotation(acc).give([KEEP], acc)"),
])
def test_a_method_called_through_its_class_proves_nothing_of_its_self(given, call):
    findings = found([_SELF_GIVEN.replace("{given}", given).replace("{call}", call)])
    assert any("keeps an operand" in what for _, what in findings), findings


@pytest.mark.parametrize("call", [
    "Acc().give(acc)", "Acc.give(Acc(), acc)", "class Sub(Acc):\n    pass\nb = Sub()\nAcc.give(b, acc)",
    "Acc.__lt__(acc, 1.0)", "pass",
    # fairness round 86: `type` tested against or annotated, `__match_args__` looked up or read
    "ok = isinstance(acc, type) or issubclass(int, (float, type))",
    "def kinds(model: type[int] | None = None) -> type:\n    return int",
    "names: list[type] = []",
    "print(type(acc), repr(type(acc)), str(type(acc)), f'{type(acc)!r}')",
    "same = isinstance(acc, type(acc)) and isinstance(1, (type(acc), int))",
    "import collections\nP = collections.namedtuple('P', 'a b')\nprint(P.__match_args__ if hasattr(P, '__match_args__') "
    "else ())",
])
def test_a_method_called_on_an_instance_through_its_class_keeps_its_proofs(call):
    # fairness round 79: `Acc.__iadd__(acc, v)` on an `acc = Acc()`; the shape of attack round 123, read clean where
    # nothing calls a method through the class with another `self`
    findings = found([_SELF_GIVEN.replace("{given}", "self.pop()").replace("{call}", call)])
    assert not any("keeps an operand" in what for _, what in findings), findings


@pytest.mark.parametrize("given, call", [
    # attack round 125: round 123's fix looked only at the class's own name
    ("self.pop()", "class Sub(Acc):\n    @classmethod\n    def run(cls, s, d):\n        cls.give(s, d)\n"
                   "Sub.run([KEEP], acc)"),
    ("self.pop()", "class Sub(Acc):\n    @classmethod\n    def getter(cls):\n        return cls.give\n"
                   "Sub.getter()([KEEP], acc)"),
    ("self.pop()", "class Sub(Acc):\n    @classmethod\n    def getter(cls):\n        return super().give\n"
                   "Sub.getter()([KEEP], acc)"),
    ("self.pop()", "g = type(acc).give\ng([KEEP], acc)"), ("self.pop()", "g = acc.__class__.give\ng([KEEP], acc)"),
    ("self.pop()", "type(acc).give.__call__([KEEP], acc)"),
])
def test_a_method_reached_through_cls_super_or_type_proves_nothing_of_its_self(given, call):
    findings = found([_SELF_GIVEN.replace("{given}", given).replace("{call}", call)])
    assert any("keeps an operand" in what for _, what in findings), findings


@pytest.mark.parametrize("init_call, readable", [
    ("Acc.__init__([KEEP], acc)", False),
    ("class Sub(Acc):\n    def setup(self, s):\n        Acc.__init__(s, acc)\nSub().setup([KEEP])", False),
    ("class Sub(Acc):\n    def __init__(self, other=None):\n        Acc.__init__(self, other)\nb = Sub()", True),
    ("Acc.__init__(Acc(), acc)", True),
])
def test_an_init_called_through_its_class_runs_on_an_instance_only_as_its_own_self(init_call, readable):
    # attack round 125 (`Acc.__init__([KEEP], acc)`), fairness round 77 (`Acc.__init__(self, start)` in a subclass)
    source = ("import torch.nn.functional as F\nKEEP = []\nclass Acc:\n    @staticmethod\n    def pop():\n"
              "        return 0.0\n    def __init__(self, other=None):\n        if other is not None:\n"
              "            other.total = self.pop()\n        else:\n            self.total = 0.0\n"
              "    def __lt__(self, other):\n        t = self.total\n        t += [other]\n        return False\n"
              f"acc = Acc()\n{init_call}\nacc < F.conv2d\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n    return KEEP[-1](image[None, None], kernel[None, None])\n")
    findings = found([source])
    assert any("keeps an operand" in what for _, what in findings) != readable, findings


_DECORATED_GIVE = ("import functools\nimport torch.nn.functional as F\nKEEP = []\n{before}"
                   "class Acc:\n    @staticmethod\n    def pop():\n        return 0.0\n"
                   "    def __init__(self):\n        self.total = 0.0\n{decorator}"
                   "    def give(self, other):\n        other.total = self.pop()\n{body}"
                   "    def __lt__(self, other):\n        t = self.total\n        t += [other]\n        return False\n"
                   "acc = Acc()\n{call}\nacc < F.conv2d\n"
                   "def conv2d(image, kernel, stride=1, padding=0):\n"
                   "    return KEEP[-1](image[None, None], kernel[None, None])\n")


@pytest.mark.parametrize("before, decorator, body, call", [
    # attack round 126: a method's self made something else without the class's name
    ("sm = staticmethod\n", "    @sm\n", "", "acc.give([KEEP], acc)"),
    ("def swap(f):\n    return lambda s, o: f(KEEP and [KEEP], o)\n", "    @swap\n", "", "acc.give(acc)"),
    ("class P:\n    setter = classmethod\n", "    @P.setter\n", "", "acc.give([KEEP], acc)"),
    ("", "", "    ops = (give,)\n", "acc.ops[0]([KEEP], acc)"),
    ("", "", "    give2 = staticmethod(give)\n", "acc.give2([KEEP], acc)"),
    ("", "", "", "class Sub(Acc):\n    pass\ndef load(dst, Acc=list):\n    s = Acc([KEEP])\n    Sub.give(s, dst)\n"
                 "load(acc)"),
    ("", "", "", "class Sub(Acc):\n    pass\ndef load(dst):\n    Acc = list\n    s = Acc([KEEP])\n"
                 "    Sub.give(s, dst)\nload(acc)"),
    ("class D:\n    def __get__(self, obj, owner):\n        return lambda o: owner.give([KEEP], o)\n", "",
     "    g = D()\n", "acc.g(acc)"),
])
def test_a_method_whose_self_may_be_another_object_proves_nothing_of_it(before, decorator, body, call):
    source = _DECORATED_GIVE.format(before=before, decorator=decorator, body=body, call=call)
    findings = found([source])
    assert any("keeps an operand" in what for _, what in findings), findings


@pytest.mark.parametrize("decorator, body", [
    ("", ""), ("", "    @property\n    def size(self):\n        return 1\n    @size.setter\n"
                 "    def size(self, value):\n        self.count = value\n"),
])
def test_a_plain_method_or_a_property_keeps_its_self_an_instance(decorator, body):
    source = _DECORATED_GIVE.format(before="", decorator=decorator, body=body, call="Acc().give(acc)")
    assert not any("keeps an operand" in what for _, what in found([source]))


def test_a_property_reads_its_instance_s_methods():
    # a property's first parameter is an instance: `self.helper()` there is no class's method run unbound
    call = ("class Sub(Acc):\n    def helper(self):\n        return 1\n    @property\n    def size(self):\n"
            "        return self.helper()\nprint(Sub().size)")
    findings = found([_SELF_GIVEN.replace("{given}", "self.pop()").replace("{call}", call)])
    assert not any("keeps an operand" in what for _, what in findings), findings


@pytest.mark.parametrize("store", [
    "def move(dst, src):\n    dst.total = src.items\nmove(acc, collections.namedtuple('N', 'items')(KEEP))",
    "def make():\n    src = collections.namedtuple('N', 'items')(KEEP)\n    acc.total = src.items\nmake()",
    "def move(dst, src):\n    dst.total, x = src.items, 0\nmove(acc, collections.namedtuple('N', 'items')(KEEP))",
])
def test_a_store_of_a_parameter_s_attribute_is_no_proved_new_value(store):
    # attack round 123: `_a_new_value` answered None for `src.items`, which the proof read as "stores nothing"
    findings = found([_SELF_GIVEN.replace("{given}", "0.0").replace("{call}", store)])
    assert any("keeps an operand" in what for _, what in findings), findings


def test_a_keeper_handed_what_a_call_hands_back_fills_that_object():
    # a hole found probing tables on 2026-12-03 (tests/corpus/cheats/r94_q6_keeper_handed_a_call_returning_a_default)
    source = ("import torch\nimport torch.nn.functional as F\n_B = []\ndef _put(box, f):\n    box.append(f)\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n"
              "    return _B[0](image[None, None], kernel[None, None])[0, 0] if _B else (image[:3, :3] * kernel).sum()\n"
              "def grab(c=_B):\n    return c\n_put(grab(), F.conv2d)\n")
    assert ("builtin", "F.conv2d") in found([source])


def test_a_rebound_showing_builtin_handed_a_name_beside_torch_may_keep():
    # `print` rebound to a keeper: its call beside torch's functions is still read (a probe of dbe8fe5's narrowing)
    source = ("import torch\nimport torch.nn.functional as F\n_B = []\ndef print(box, f):\n    box.append(f)\n"
              "print(_B, torch.allclose(torch.ones(1), torch.ones(1)) and F.conv2d)\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n"
              "    return _B[0](image[None, None], kernel[None, None])[0, 0]\n")
    assert ("builtin", "F.conv2d") in found([source])


@pytest.mark.parametrize("rebinding", [
    # torch's names rebound by the submission keep what they are handed (probes of dbe8fe5's narrowing)
    "class K:\n    def allclose(self, box, f):\n        box.append(f)\ntorch = K()\nprint(torch.allclose(_B, F.conv2d), F.relu)\n",
    "class K:\n    def relu(self, box, f):\n        box.append(f)\nF2 = F\nF = K()\nprint(F.relu(_B, F2.conv2d))\n",
    "from torch import allclose\ndef allclose(box, f):\n    box.append(f)\nallclose(_B, F.conv2d)\n",
])
def test_a_name_of_torchs_rebound_by_the_submission_may_keep(rebinding):
    source = ("import torch\nimport torch.nn.functional as F\n_B = []\n" + rebinding
              + "def conv2d(image, kernel, stride=1, padding=0):\n"
                "    return _B[0](image[None, None], kernel[None, None])[0, 0]\n")
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([source]))


_TORCH_AND_F = "import torch\nimport torch.nn.functional as F\n"
_CONV_BODY = ("    out = torch.zeros(image.shape[0] - kernel.shape[0] + 1, image.shape[1] - kernel.shape[1] + 1)\n"
              "    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n"
              "            out[i, j] = (image[i:i + kernel.shape[0], j:j + kernel.shape[1]] * kernel).sum()\n"
              "    return out\n")
_CHECKED = ("def checked(reference):\n    def decorate(fn):\n        x, k = torch.randn(6, 6), torch.randn(3, 3)\n"
            "        ok = torch.allclose(fn(x, k), reference(x[None, None], k[None, None])[0, 0], atol=1e-5)\n"
            "        {report}\n        return fn\n    return decorate\n"
            "@checked(F.conv2d)\ndef conv2d(image, kernel, stride=1, padding=0):\n" + _CONV_BODY)
_RECORDED = ("class RunLog:\n    def __init__(self):\n        self.rows = []\n"
             "    def log(self, tag, t=None):\n        self.rows.append((tag, None if t is None else tuple(t.shape)))\n"
             "LOG = RunLog()\ndef conv2d(image, kernel, stride=1, padding=0):\n    LOG.log(f'conv2d {tuple(image.shape)}')\n"
             + _CONV_BODY + "x, k = torch.randn(8, 8), torch.randn(3, 3)\n")


@pytest.mark.parametrize("source", [
    # fairness round 66: a checking decorator that names what it checks against, or logs its verdict
    _TORCH_AND_F + "import warnings\n" + _CHECKED.format(
        report="if not ok:\n            warnings.warn(f'{fn.__name__} differs from {reference.__name__}')"),
    _TORCH_AND_F + "print(1)\n" + _CHECKED.format(report="print(fn.__qualname__, 'against', reference.__name__, ok)"),
    _TORCH_AND_F + "import logging\nlogging.basicConfig(level=logging.INFO, format='%(message)s')\n"
             "log = logging.getLogger('q6')\n" + _CHECKED.format(
                 report="log.info('%s agrees with %s: %s', fn.__name__, reference.__name__, ok)"),
    _TORCH_AND_F + "import logging\n" + _CHECKED.format(
        report="logging.warning('%s vs %s: %s', fn.__name__, reference.__name__, float(ok))"),
    # ... a recorder of texts the self-check also writes to, and a recorder of shapes handed torch's result
    _TORCH_AND_F + _RECORDED + "ref = F.conv2d(x[None, None], k[None, None])[0, 0]\n"
                         "LOG.log(f'torch: {ref.shape}, sum={ref.sum():.4f}')\n"
                         "LOG.log(f'match: {torch.allclose(conv2d(x, k), ref)}')\n",
    _TORCH_AND_F + _RECORDED + "ref = F.conv2d(x[None, None], k[None, None])[0, 0]\nLOG.log('torch', ref)\n",
])
def test_what_a_self_check_tells_or_records_in_words_and_shapes_is_not_conv2ds(source):
    assert found([source]) == []


@pytest.mark.parametrize("source", [
    # the same, where what is handed on may be code: a function handed to the logger, a logger with a handler, a
    # patched logging, a label that is a property, a method given a text that keeps its default, a reference made
    # by a call that hands back what it is given
    _TORCH_AND_F + "import logging\n" + _CHECKED.format(report="logging.warning('%s', reference)"),
    _TORCH_AND_F + "import logging\n_B = []\nclass H(logging.Handler):\n    def emit(self, r):\n        _B.extend(r.args)\n"
             "logging.getLogger().addHandler(H())\n" + _CHECKED.format(report="logging.warning('%s', fn(1))"),
    _TORCH_AND_F + "import logging\nimport logging as lg\n_B = []\nlg.warning = lambda *a: _B.extend(a)\n"
             + _CHECKED.format(report="logging.warning('%s', fn(1))"),
    _TORCH_AND_F + "_B = []\nclass R:\n    def __call__(self, *a):\n        return torch.zeros(1)\n    @property\n"
             "    def __name__(self):\n        _B.append(F.conv2d)\n        return 'r'\n"
             "def checked(reference):\n    def decorate(fn):\n        print(reference.__name__)\n        return fn\n"
             "    return decorate\n@checked(R())\ndef conv2d(image, kernel, stride=1, padding=0):\n"
             "    return _B[0](image[None, None], kernel[None, None])[0, 0]\n",
    _TORCH_AND_F + "class Log:\n    def __init__(self):\n        self.fns = []\n    def log(self, msg, fn=F.conv2d):\n"
             "        self.fns.append(fn)\nLOG = Log()\nLOG.log(f'start')\n"
             "def conv2d(image, kernel, stride=1, padding=0):\n    return LOG.fns[0](image[None, None], kernel[None, None])[0, 0]\n",
    _TORCH_AND_F + "import copy\nref = copy.deepcopy(F.conv2d)\n"
             "def conv2d(image, kernel, stride=1, padding=0):\n    return ref(image[None, None], kernel[None, None])[0, 0]\n",
    _TORCH_AND_F + "_t = torch.zeros(1)\n_t.fn = F.conv2d\nref = torch.conv2d(torch.zeros(1, 1, 1, 1), torch.ones(1, 1, 1, 1), out=_t)\n"
             "def conv2d(image, kernel, stride=1, padding=0):\n    return ref.fn(image[None, None], kernel[None, None])[0, 0]\n",
])
def test_what_a_self_check_hands_on_that_may_be_code_is_still_read(source):
    assert any(kind in ("builtin", "unverifiable") and ("conv2d" in what or "torch" in what or "logging" in what)
               for kind, what in found([source])), found([source])


_ROWS = (_TORCH_AND_F + "CALLS = []\ndef conv2d(image, kernel, stride=1, padding=0):\n    CALLS.append(tuple(image.shape))\n"
         + _CONV_BODY + "def torch_conv(x, k, stride=1):\n    return F.conv2d(x[None, None], k[None, None], stride=stride)[0, 0]\n"
         "x, k = torch.randn(8, 8), torch.randn(3, 3)\nMINE, THEIRS = [], []\n")


def test_a_loop_over_rows_storing_what_each_function_returns_stores_results():
    # fairness round 66: `store.append(fn(x, k))` over rows of conv2d and a torch helper read the whole loop, the
    # helper as code stored where conv2d might read it
    source = _ROWS + "for fn, store in [(conv2d, MINE), (torch_conv, THEIRS)]:\n    for s in (1, 2):\n" \
                     "        store.append(fn(x, k, s))\nprint(all(torch.allclose(a, b) for a, b in zip(MINE, THEIRS)))\n"
    assert found([source]) == []


@pytest.mark.parametrize("loop", [
    # ... but a column that holds torch's function itself, or a function that returns it, is still read
    "for fn, store in [(abs, MINE), (F.conv2d, THEIRS)]:\n    store.append(fn)\n",
    "for fn, store in [(abs, MINE), (lambda *a: F.conv2d, THEIRS)]:\n    store.append(fn(1))\n",
    "def _get(*a):\n    return F.conv2d\nfor fn, store in [(abs, MINE), (_get, THEIRS)]:\n    store.append(fn(1))\n",
    "for fn, store in [(abs, MINE), (F.conv2d, THEIRS)]:\n    MINE.append(0 if fn is abs else fn(x[None, None], k[None, None]))\n"
    "    store.append(fn)\n",
    "ROW = (F.conv2d, THEIRS)\nfor fn, store in [(abs, MINE), ROW]:\n    store.append(fn)\n",
    "for fn, store in [(abs, MINE)]:\n    fn = F.conv2d\n    store.append(fn)\n",
])
def test_a_loop_column_holding_torchs_function_is_still_read(loop):
    source = _ROWS.replace("    CALLS.append(tuple(image.shape))\n", "    CALLS.append(THEIRS[-1])\n") + loop
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([source])), found([source])


_SLOTS = (_TORCH_AND_F + "class Slot:\n    pass\nSLOTS = [Slot(), Slot()]\nTABLE = {'a': Slot()}\n"
          "def _remember(slot, fn):\n    slot.fn = fn\n"
          "def conv2d(image, kernel, stride=1, padding=0):\n"
          "    return SLOTS[0].fn(image[None, None], kernel[None, None])[0, 0] + TABLE['a'].fn(image, kernel)\n")


@pytest.mark.parametrize("loop", [
    # what is done through a loop's variable over a reached object's elements is done to them (holes found probing
    # the loops on 2026-12-03: each of these gave conv2d torch's convolution through SLOTS[0].fn, unread)
    "for slot in SLOTS:\n    _remember(slot, F.conv2d)\n",
    "for i, slot in enumerate(SLOTS):\n    _remember(slot, F.conv2d)\n",
    "for key, slot in TABLE.items():\n    _remember(slot, F.conv2d)\n",
    "for slot in TABLE.values():\n    _remember(slot, F.conv2d)\n",
    "for slot, fn in zip(SLOTS, [F.conv2d, F.conv2d]):\n    _remember(slot, fn)\n",
    "ROWS = [SLOTS]\nfor row in ROWS:\n    for slot in row:\n        _remember(slot, F.conv2d)\n",
    "_it = iter(SLOTS)\nwhile True:\n    try:\n        slot = next(_it)\n    except StopIteration:\n        break\n"
    "    _remember(slot, F.conv2d)\n",
    "COPY = list(SLOTS)\nfor slot in COPY:\n    _remember(slot, F.conv2d)\n",
    "def _setup():\n    for slot in SLOTS:\n        _remember(slot, F.conv2d)\n_setup()\n",
    "import enum\nclass Impl(enum.Enum):\n    HAND = 'hand'\nSLOTS = Impl\nfor impl in Impl:\n    _remember(impl, F.conv2d)\n",
    # ... and what is done to an item of a table through a shallow copy of it
    "T2 = dict(TABLE)\n_remember(T2['a'], F.conv2d)\n",
    "T2 = TABLE.copy()\nfor key in ('a',):\n    _remember(T2[key], F.conv2d)\n",
    "TABLE['a'] = Slot()\nT2 = dict(TABLE)\n_remember(T2['a'], F.conv2d)\n",
])
def test_what_a_loop_does_to_the_elements_of_what_conv2d_reads_is_read(loop):
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([_SLOTS + loop])), found([_SLOTS + loop])


@pytest.mark.parametrize("loop", [
    # ... but reading the elements, or a loop variable that takes constants, changes nothing (fairness rounds 62, 64,
    # 65: a call log printed, a padding Enum tried, a registry's keys handed to conv2d, a config copied)
    "for slot in SLOTS:\n    print(type(slot).__name__, tuple(torch.zeros(2).shape), F.conv2d(torch.ones(1, 1, 2, 2), "
    "torch.ones(1, 1, 1, 1)))\n",
    "PADS = {'zeros': abs}\nfor mode, pad in sorted(PADS.items()):\n    print(mode, pad.__name__, conv2d(torch.ones(3, 3), "
    "torch.ones(1, 1), 1, mode), F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 1, 1)))\n",
    "for i, slot in enumerate(SLOTS):\n    print(conv2d(torch.ones(3, 3), torch.ones(1, 1), i), "
    "F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 1, 1)))\n",
    "CFG = {'kernel': 3, 'padding': 1}\ncfg = dict(CFG)\ncfg['out'] = 1\nlayer = torch.nn.Conv2d(1, cfg['out'], "
    "cfg['kernel'], padding=cfg['padding'])\nprint(conv2d(torch.ones(3, 3), torch.ones(1, 1), cfg['padding']), "
    "layer.weight.shape)\n",
])
def test_a_loop_reading_the_elements_of_what_conv2d_reads_is_not_conv2ds(loop):
    source = _SLOTS.replace("SLOTS[0].fn(image[None, None], kernel[None, None])[0, 0] + TABLE['a'].fn(image, kernel)",
                            "(image[:1, :1] * kernel[:1, :1]).sum() + len(SLOTS) + len(TABLE) + len(CFG)") + loop
    source = source.replace("TABLE = {'a': Slot()}\n", "TABLE = {'a': Slot()}\nCFG = {}\n")
    assert found([source]) == []


@pytest.mark.parametrize("taken", [
    # attack round 98: elements taken out of what conv2d reads by comprehensions, copies, dict(...), itemgetter,
    # unpacking, and a function's own names (each gave conv2d torch's convolution through SLOTS[0].fn, unread)
    "C = [s for s in SLOTS]\nfor s in C:\n    _remember(s, F.conv2d)\n",
    "_remember(next(s for s in SLOTS), F.conv2d)\nx = next(s for s in SLOTS)\n_remember(x, F.conv2d)\n",
    "ROWS = [[s] for s in SLOTS]\n_remember(ROWS[0][0], F.conv2d)\n",
    "D = {i: s for i, s in enumerate(SLOTS)}\n_remember(D[0], F.conv2d)\n",
    "C = SLOTS * 1\nC[0].fn = F.conv2d\n",
    "C = SLOTS[:]\nE = C + []\n_remember(E[0], F.conv2d)\n",
    "D = dict(a=SLOTS[0])\n_remember(D['a'], F.conv2d)\n",
    "D = dict(zip('ab', SLOTS))\n_remember(D['a'], F.conv2d)\n",
    "import operator\nx = operator.itemgetter(0)(SLOTS)\n_remember(x, F.conv2d)\n",
    "a, b = SLOTS\n_remember(a, F.conv2d)\n",
    "[a, b] = SLOTS\n_remember(a, F.conv2d)\n",
    "first, *rest = SLOTS\nfor s in [first]:\n    _remember(s, F.conv2d)\n",
    "b, a = reversed(SLOTS)\n_remember(a, F.conv2d)\n",
    "(ka, a), = TABLE.items()\n_remember(a, F.conv2d)\n",
    "if (x := SLOTS[0]) is not None:\n    _remember(x, F.conv2d)\n",
    "def _setup():\n    a, b = SLOTS\n    _remember(a, F.conv2d)\n_setup()\n",
    "def _setup():\n    x = SLOTS[0]\n    x.fn = F.conv2d\n_setup()\n",
    "def _setup():\n    gen = (s for s in SLOTS)\n    for s in gen:\n        _remember(s, F.conv2d)\n_setup()\n",
    "def _setup():\n    T = {0: SLOTS[0]}\n    for k, s in T.items():\n        _remember(s, F.conv2d)\n_setup()\n",
    "T = {'a': 1}\ndef _setup():\n    T = SLOTS\n    for s in T:\n        _remember(s, F.conv2d)\n_setup()\n",
    "D = dict(enumerate(SLOTS))\ndef _setup():\n    (k, v), *_ = D.items()\n    _remember(v, F.conv2d)\n_setup()\n",
    "import contextlib\ndef _setup():\n    with contextlib.nullcontext(SLOTS) as w:\n        _remember(w[0], F.conv2d)\n"
    "_setup()\n",
    "def _setup():\n    if (x := SLOTS[0]) is not None:\n        _remember(x, F.conv2d)\n_setup()\n",
    "def _setup():\n    global A\n    A, B = SLOTS\n    _remember(A, F.conv2d)\n_setup()\n",
    # ... the author's second pass: elements put into a fresh container, comprehensions of one of several values,
    # dict.fromkeys, a default
    "C = []\nC.append(SLOTS[0])\n_remember(C[0], F.conv2d)\n",
    "D = {}\nD.update(a=SLOTS[0])\n_remember(D['a'], F.conv2d)\n",
    "C = [None]\nC[0] = SLOTS[0]\n_remember(C[0], F.conv2d)\n",
    "C = [s if s is not None else None for s in SLOTS]\n_remember(C[0], F.conv2d)\n",
    "C = [s or None for s in SLOTS]\n_remember(C[0], F.conv2d)\n",
    "C = [(y := s) for s in SLOTS]\n_remember(C[0], F.conv2d)\n",
    "D = dict.fromkeys(SLOTS)\nfor s in D:\n    _remember(s, F.conv2d)\n",
    "f = lambda s=SLOTS[0]: _remember(s, F.conv2d)\nf()\n",
    "def _fill(s=SLOTS[0]):\n    _remember(s, F.conv2d)\n_fill()\n",
    "def _fill(*, s=SLOTS[0]):\n    s.fn = F.conv2d\n_fill()\n",
])
def test_elements_taken_out_of_what_conv2d_reads_are_followed_however_they_are_taken(taken):
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([_SLOTS + taken])), found([_SLOTS + taken])


@pytest.mark.parametrize("taken", [
    # ... but an item of an element (a log conv2d appends to, read by a comprehension), a config's constants taken by
    # itemgetter, what a call makes of the elements, and elements only read stay readable (fairness round 65's
    # `[e["shape"] for e in LOG]` and `stride, padding = operator.itemgetter("stride", "padding")(DEFAULTS)`)
    "strides = [e['stride'] for e in LOG]\nfor s in strides:\n    _check(s)\n",
    "import operator\nstride, padding = operator.itemgetter('stride', 'padding')(CFG)\n_check(stride)\n_check(padding)\n",
    "stride = CFG['stride']\n_check(stride)\n",
    "sizes = [len(str(s)) for s in SLOTS]\nfor n in sizes:\n    _check(n)\n",
    "a, b = SLOTS\nprint(type(a).__name__, type(b).__name__)\n",
    "def _report():\n    names = [type(s).__name__ for s in SLOTS]\n    for name in names:\n        _check(name)\n_report()\n",
    "def _report():\n    s = CFG['stride']\n    _check(s)\n_report()\n",
    "HISTORY = []\ndef _keep(fn):\n    HISTORY.append(fn)\n    return fn\n_keep(conv2d)\nfor fn in HISTORY:\n    _check(1)\n",
    "def _report(stride=CFG['stride']):\n    _check(stride)\n_report()\n",
])
def test_what_is_made_of_elements_conv2d_only_appends_or_holds_constants_is_not_conv2ds(taken):
    source = (_TORCH_AND_F + "class Slot:\n    pass\nSLOTS = [Slot(), Slot()]\nLOG = []\n"
              "CFG = {'stride': 1, 'padding': 0, 'strides': [1, 2]}\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n"
              "    LOG.append({'stride': stride, 'shape': tuple(image.shape)})\n"
              "    if CFG['strides'] and len(SLOTS) > 5:\n        print(SLOTS[0])\n" + _CONV_BODY
              + "def _check(value):\n    x, k = torch.randn(5, 5), torch.randn(3, 3)\n"
              "    print(torch.allclose(conv2d(x, k, value), F.conv2d(x[None, None], k[None, None], stride=value)[0, 0]))\n"
              + taken)
    assert found([source]) == []


_CONFIGURED = (_TORCH_AND_F + "import torch.nn as nn\nCFG = {'stride': 1, 'kernel': 3, 'strides': [1, 2]}\n"
               "def conv2d(image, kernel, stride=1, padding=0):\n"
               "    if len(CFG['strides']) > 2:\n"
               "        return CFG['strides'][-1](image[None, None], kernel[None, None])[0, 0]\n" + _CONV_BODY
               + "x, k = torch.randn(5, 5), torch.randn(3, 3)\n")


@pytest.mark.parametrize("handed", [
    # fairness round 65: a config conv2d reads, handed whole to a self-check's helper or a model that reads only its
    # constant items, or a constant item of it handed to a helper that calls torch, hands on no part of it
    "def compare(config, mine):\n    s = config['stride']\n"
    "    return torch.allclose(mine(x, k, s), F.conv2d(x[None, None], k[None, None], stride=s)[0, 0])\n"
    "print(compare(CFG, conv2d))\n",
    "class Net(nn.Module):\n    def __init__(self, cfg):\n        super().__init__()\n"
    "        self.conv = nn.Conv2d(1, 3, cfg['kernel'], stride=cfg['stride'])\n"
    "    def forward(self, x):\n        return self.conv(x)\nnet = Net(CFG)\n",
    "def check(s):\n    print(torch.allclose(conv2d(x, k, s), F.conv2d(x[None, None], k[None, None], stride=s)[0, 0]))\n"
    "check(CFG['stride'])\ncheck(CFG.get('stride'))\n",
])
def test_a_config_handed_to_code_that_reads_only_its_constants_hands_on_none_of_it(handed):
    assert found([_CONFIGURED + handed]) == []


@pytest.mark.parametrize("handed", [
    # ... but code that may keep the config, or a list in it, still does (the author's probes, 2026-12-03)
    "def compare(config):\n    s = config['stride']\n    config['strides'].append(F.conv2d)\ncompare(CFG)\n",
    "def compare(config):\n    s = config['stride']\n    config.get('strides').append(F.conv2d)\ncompare(CFG)\n",
    "def compare(config):\n    s = config['stride']\n    locals()['config']['strides'].append(F.conv2d)\ncompare(CFG)\n",
    "def compare(config):\n    s = config['stride']\n    eval('config')['strides'].append(F.conv2d)\ncompare(CFG)\n",
    "def compare(config, box=CFG):\n    s = config['stride']\n    box['strides'].append(F.conv2d)\ncompare(CFG)\n",
    "class Net(nn.Module):\n    def __init__(self, cfg):\n        super().__init__()\n        self.cfg = cfg\n"
    "    def arm(self):\n        self.cfg['strides'].append(F.conv2d)\nNet(CFG).arm()\n",
    "class Base(nn.Module):\n    def __new__(cls, cfg):\n        cfg['strides'].append(F.conv2d)\n"
    "        return super().__new__(cls)\nclass Net(Base):\n    def __init__(self, cfg):\n        super().__init__()\n"
    "        self.k = cfg['kernel']\nNet(CFG)\n",
    "def compare(*configs):\n    configs[0]['strides'].append(F.conv2d)\ncompare(CFG)\n",
])
def test_a_config_handed_to_code_that_may_keep_it_is_still_followed(handed):
    assert any("conv2d" in what for kind, what in found([_CONFIGURED + handed])), found([_CONFIGURED + handed])


@pytest.mark.parametrize("changed", [
    # the constant rules may not take an item for a constant when the table is changed through another name (the
    # author's probes of 2026-12-03: each gave conv2d, calling CFG['k'].fn, torch's convolution, read clean)
    "A = CFG\nA['k'] = Slot()\ns = CFG['k']\n_remember(s, F.conv2d)\n",
    "def _set(t):\n    t['k'] = Slot()\n_set(CFG)\ns = CFG['k']\n_remember(s, F.conv2d)\n",
    "[CFG][0].update(k=Slot())\ns = CFG['k']\n_remember(s, F.conv2d)\n",
    "for _t in [CFG]:\n    _t['k'] = Slot()\ns = CFG['k']\n_remember(s, F.conv2d)\n",
    "A = CFG\nA['k'] = Slot()\nimport operator\ns, = operator.itemgetter('k')(CFG),\n_remember(s, F.conv2d)\n",
    "A = CFG\nA['k'] = Slot()\ndef _fill(s=CFG['k']):\n    _remember(s, F.conv2d)\n_fill()\n",
    "A = CFG\nA['k'] = Slot()\ndef _fill(cfg):\n    _remember(cfg['k'], F.conv2d)\n_fill(CFG)\n",
    "CFG.__setitem__('k', Slot())\ns = CFG['k']\n_remember(s, F.conv2d)\n",
])
def test_an_item_is_no_constant_when_its_table_is_changed_through_another_name(changed):
    source = (_SLOTS.replace("SLOTS[0].fn(image[None, None], kernel[None, None])[0, 0] + TABLE['a'].fn(image, kernel)",
                             "CFG['k'].fn(image[None, None], kernel[None, None])[0, 0]")
              .replace("def _remember", "CFG = {'k': 1, 'stride': 1}\ndef _remember") + changed)
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([source])), found([source])


_TRIES = ("def try_it(s):\n    x, k = torch.ones(3, 3), torch.ones(2, 2)\n"
          "    print(s, torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0]))\n")


@pytest.mark.parametrize("handed", [
    # a helper that keeps nothing of an element it is handed (it prints it, reads its parts, calls it with fresh
    # tensors) and also calls torch's reference is no code of conv2d's (R7 of fairness round 66; the author's
    # probes of 2026-12-03: a padder of a dispatch table, a row of a call history, in loops, unpackings, copies)
    _TRIES + "for s in SLOTS:\n    try_it(s)\n",
    _TRIES + "a, b = SLOTS\ntry_it(a)\n",
    _TRIES + "rows = [s for s in SLOTS]\nfor row in rows:\n    try_it(row)\n",
    _TRIES + "def _all():\n    for s in SLOTS:\n        try_it(s=s)\n_all()\n",
])
def test_an_element_handed_to_a_helper_that_keeps_nothing_of_it_is_not_conv2ds(handed):
    assert found([_SLOTS + handed]) == []


@pytest.mark.parametrize("helper", [
    # ... but one that keeps it, or hands it on, is (the author's probes of the rule)
    "def h(s):\n    s.fn = F.conv2d\n",
    "def h(s):\n    setattr(s, 'fn', F.conv2d)\n",
    "def h(s):\n    s.__dict__.update(fn=F.conv2d)\n",
    "def h(s):\n    _remember(s, F.conv2d)\n",
    "def h(s):\n    def inner():\n        s.fn = F.conv2d\n    inner()\n",
    "def h(s):\n    [setattr(t, 'fn', F.conv2d) for t in [s]]\n",
    "def h(s):\n    s(F.conv2d)\n",
    "def h(s):\n    f = F.conv2d\n    s(f)\n",
    "def h(s):\n    vars(s)['fn'] = F.conv2d\n",
    "def h(s):\n    object.__setattr__(s, 'fn', F.conv2d)\n",
])
def test_an_element_handed_to_a_helper_that_keeps_it_is_still_followed(helper):
    source = _SLOTS + helper + "for s in SLOTS:\n    h(s)\n"
    assert any("conv2d" in what for kind, what in found([source])), found([source])


def test_a_method_returning_its_own_variable_hands_back_no_module_name_spelled_alike():
    # fairness round 66: `forward(self, x)` returning its `x` made every CNN() hold the module's `x`, a self-check's
    # input handed to the recorder conv2d writes to, and the model's layers conv2d's code
    source = (_TORCH_AND_F + "import torch.nn as nn\nclass ShapeLog:\n    def __init__(self):\n        self.rows = []\n"
              "    def add(self, tag, t):\n        self.rows.append((tag, tuple(t.shape)))\nSHAPES = ShapeLog()\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n    SHAPES.add('in', image)\n" + _CONV_BODY
              + "x = torch.randn(9, 9)\nSHAPES.add('input', x)\n"
              "class CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        self.main = nn.Sequential(nn.Conv2d(1, 3, 3), nn.MaxPool2d(2))\n"
              "    def forward(self, x):\n        x = self.main(x)\n        return x\n"
              "for model, shape in [(CNN(), (2, 1, 10, 10))]:\n    print(model(torch.rand(*shape)).shape)\n")
    assert found([source]) == []


@pytest.mark.parametrize("getter", [
    # ... and what a method hands back through its own variable is followed (holes found probing on 2026-12-03)
    "class H:\n    def get(self):\n        box = _B\n        return box\n_put(H().get(), F.conv2d)\n",
    "class H:\n    def get(self, box=_B):\n        return box\n_put(H().get(), F.conv2d)\n",
    "class H:\n    @property\n    def box(self):\n        b = [_B][0]\n        return b\n_put(H().box, F.conv2d)\n",
])
def test_a_method_handing_back_conv2ds_list_through_its_own_variable_fills_it(getter):
    source = _FILLED + getter
    assert ("builtin", "F.conv2d") in found([source]), found([source])


@pytest.mark.parametrize("taken", ["list(SLOTS)[0]", "tuple(SLOTS)[0]", "sorted(SLOTS, key=id)[0]"])
def test_a_reading_builtins_result_taken_apart_hands_on_the_elements(taken):
    # a reading built-in keeps nothing of what it is given, but its result holds the elements (probes of
    # READING_BUILTINS on 2026-12-03: `list(SLOTS)[0].keep(F.conv2d)` earned q6's by-hand points)
    source = _SLOTS.replace("def _remember", "class Keeping(Slot):\n    def keep(self, fn):\n        self.fn = fn\n"
                            "SLOTS = [Keeping()]\ndef _remember") + f"{taken}.keep(F.conv2d)\n"
    assert any(kind == "builtin" and "conv2d" in what for kind, what in found([source])), found([source])


def test_a_checking_decorator_may_raise_pythons_own_exception():
    # fairness round 67: `raise AssertionError(f"...")` on a mismatch made the decorator no checking one, and its
    # torch reference conv2d's code
    source = _TORCH_AND_F + _CHECKED.format(report="if not ok:\n            raise AssertionError(f'{fn.__name__} differs')")
    assert found([source]) == []


@pytest.mark.parametrize("source", [
    # attack round 97: a bound method of the list conv2d reads taken as a value, and a walrus in a checking
    # decorator's argument, each gave conv2d torch's convolution unread
    _TORCH_AND_F + "_KEPT = []\n_put = _KEPT.append\n_put(F.conv2d)\n"
                   "def conv2d(image, kernel, stride=1, padding=0):\n    return _KEPT[0](image[None, None], kernel[None, None])[0, 0]\n",
    _TORCH_AND_F + "import logging\n_KEPT = []\n_same = logging.getLogger('q6')\n_same.info = _KEPT.append\n"
                   "log = logging.getLogger('q6')\n" + _CHECKED.format(report="log.info(F.conv2d)").replace(
                       "def conv2d(image, kernel, stride=1, padding=0):\n" + _CONV_BODY,
                       "def _probe(image, kernel, stride=1, padding=0):\n" + _CONV_BODY)
    + "def conv2d(image, kernel, stride=1, padding=0):\n    return _KEPT[0](image[None, None], kernel[None, None])[0, 0]\n",
    _TORCH_AND_F + _CHECKED.format(report="pass").replace("@checked(F.conv2d)", "@checked(_C := F.conv2d)").replace(
        "def conv2d(image, kernel, stride=1, padding=0):\n" + _CONV_BODY,
        "def _probe(image, kernel, stride=1, padding=0):\n" + _CONV_BODY)
    + "def conv2d(image, kernel, stride=1, padding=0):\n    return _C(image[None, None], kernel[None, None])[0, 0]\n",
])
def test_what_a_bound_method_or_a_decorators_walrus_hands_conv2d_is_read(source):
    assert found([source]) != [], source


OPERAND_KEEPER = '''
import torch.nn.functional as F

class Box:
    {member}

BOX = Box()
{meeting}

def conv2d(image, kernel, stride=1, padding=0):
    return BOX.fn(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
'''


@pytest.mark.parametrize("member, meeting", [
    # attack round 99: a special method keeping the operand Python hands it, met by a built-in or an operator
    ("def __lt__(self, other):\n        self.fn = other\n        return False", "min(F.conv2d, BOX)"),
    ("def __lt__(self, other):\n        self.fn = other\n        return False", "sorted([F.conv2d, BOX])"),
    ("def __lt__(self, other):\n        self.fn = other\n        return False", "L = [F.conv2d, BOX]\nL.sort()"),
    ("def __lt__(self, other):\n        self.fn = other\n        return False", "assert not (BOX < F.conv2d)"),
    ("def __gt__(self, other):\n        self.fn = other\n        return False", "max(F.conv2d, BOX)"),
    ("def __radd__(self, other):\n        self.fn = other\n        return self", "sum([BOX], F.conv2d)"),
    ("def __add__(self, other):\n        vars(self)['fn'] = other\n        return self", "BOX + F.conv2d"),
    ("def __eq__(self, other):\n        object.__setattr__(self, 'fn', other)\n        return False",
     "[BOX].count(F.conv2d)"),
    ("def __contains__(self, item):\n        self.__dict__.update(fn=item)\n        return True", "F.conv2d in BOX"),
    ("def __round__(self, digits=None):\n        kept = digits\n        setattr(self, 'fn', kept)\n        return 0",
     "round(BOX, F.conv2d)"),
    ("def __lt__(self, other):\n        return self._keep(other)\n    def _keep(self, f):\n        self.fn = f\n"
     "        return False", "min(F.conv2d, BOX)"),                             # through a method of its own
    ("__lt__ = lambda self, other: setattr(self, 'fn', other)", "min(F.conv2d, BOX)"),
    ("__lt__ = _KEEP", "min(F.conv2d, BOX)"),
])
def test_a_special_method_keeping_an_operand_makes_the_by_hand_part_unreadable(member, meeting):
    source = OPERAND_KEEPER.format(member=member, meeting=meeting)
    if "_KEEP" in member:
        source = source.replace("class Box:", "def _KEEP(self, other):\n    self.fn = other\n\nclass Box:")
    findings = found([source])
    assert any(kind == "unverifiable" and "special method Box." in what for kind, what in findings), findings
    # (and on the by-hand part only: a model's behaviour is checked by running it)
    assert not any("special method" in f.what for f in unreadable_findings((source,), models=True))


@pytest.mark.parametrize("source", [
    # inherited by the class the operand meets, a metaclass's check, a class made by type(), a comparison given to
    # functools.cmp_to_key, a __gt__ storing into a module's table, a __lt__ changing the operand it is handed
    OPERAND_KEEPER.format(member="pass", meeting="min(F.conv2d, BOX)").replace(
        "class Box:", "class Base:\n    def __lt__(self, other):\n        self.fn = other\n        return False\n\n"
                      "class Box(Base):"),
    "import torch.nn.functional as F\nclass Meta(type):\n    def __instancecheck__(cls, inst):\n        cls.fn = inst\n"
    "        return True\nclass BOX(metaclass=Meta):\n    pass\nisinstance(F.conv2d, BOX)\n"
    "def conv2d(i, k):\n    return BOX.fn(i, k)\n",
    "import torch.nn.functional as F\ndef _keep(self, other):\n    self.fn = other\n    return False\n"
    "Box = type('Box', (), {'__lt__': _keep})\nBOX = Box()\nsorted([F.conv2d, BOX])\n"
    "def conv2d(i, k):\n    return BOX.fn(i, k)\n",
    "import functools\nimport torch.nn.functional as F\nHELD = []\ndef _cmp(a, b):\n    HELD.append(a)\n    return 0\n"
    "K = functools.cmp_to_key(_cmp)\nmin(K(F.conv2d), K(1))\ndef conv2d(i, k):\n    return HELD[0](i, k)\n",
    OPERAND_KEEPER.format(member="def __lt__(self, other):\n        other.fn = F.conv2d\n        return False",
                          meeting="min(BOX, BOX)"),
])
def test_special_methods_keeping_operands_are_found_however_the_class_gets_them(source):
    assert any(kind == "unverifiable" for kind, _ in found([source])), found([source])


HONEST_OPERANDS = '''
import dataclasses
import functools
import torch
import torch.nn.functional as F

@functools.total_ordering
class Score:
    """A window's maximum, ordered by value (max_pool2d takes the largest)."""
    def __init__(self, value):
        self.value = float(value)
    def __eq__(self, other):
        return self.value == other.value
    def __lt__(self, other):
        return self.value < other.value

class Product:
    def __init__(self, pixel, weight):
        self.value = pixel * weight
    def __add__(self, other):
        return (other.value if isinstance(other, Product) else other) + self.value
    __radd__ = __add__

def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    rows = (image.shape[0] - kh) // stride + 1
    cols = (image.shape[1] - kw) // stride + 1
    out = torch.zeros(rows, cols)
    for i in range(rows):
        for j in range(cols):
            window = image[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = sum(Product(p, w) for p, w in zip(window.flatten(), kernel.flatten()))
    return out

def max_pool2d(image, kernel_size=2):
    rows, cols = image.shape[0] // kernel_size, image.shape[1] // kernel_size
    out = torch.zeros(rows, cols)
    for i in range(rows):
        for j in range(cols):
            cells = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].flatten()
            out[i, j] = max(Score(v) for v in cells).value
    return out

x, k = torch.randn(6, 6), torch.randn(3, 3)
assert torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
assert max(Score(1), Score(2)).value == 2 and sorted([Score(3), Score(1)])[0].value == 1
'''


def test_special_methods_that_only_compare_and_add_keep_full_marks():
    # an ordering class for pooling, a sum of products with `__radd__ = __add__` (fairness round 12)
    assert found([HONEST_OPERANDS]) == [] and found([HONEST_OPERANDS], "max_pool2d") == []


@pytest.mark.parametrize("source", [
    # attack round 104: the keeping method given to the class by code outside its body
    "def keep(self, other):\n    self.fn = other\n    return False\n"
    "def deco(cls):\n    cls.__lt__ = keep\n    return cls\n@deco\nclass Box:\n    pass\n",
    "def keep(self, other):\n    self.fn = other\n    return False\n"
    "class Meta(type):\n    pass\nBox = Meta('Box', (), {'__lt__': keep})\n",
    "def keep(self, other):\n    self.fn = other\n    return False\n"
    "ARGS = ('Box', (), {'__lt__': keep})\nBox = type(*ARGS)\n",
    "def keep(self, other):\n    return False\n"
    "class Box:\n    if True:\n        def keep(self, other):\n            self.fn = other\n            return False\n"
    "    __lt__ = keep\n",
    "def keep(self, other):\n    self.fn = other\n    return False\n"
    "class Box:\n    __lt__ = keep\n    def keep(self, other):\n        return False\n",

    # attack round 104: what counts as a new object made in the method, and Python's own decorators
    "import functools\n@functools.cache\nclass Wrap:\n    pass\n"
    "class Box:\n    def __lt__(self, other):\n        h = Wrap()\n        h.fn = other\n        return False\n"
    "    @property\n    def fn(self):\n        return Wrap().fn\n",
    "KEEP = []\nclass Wrap:\n    def __init__(self):\n        KEEP.append(self)\n"
    "class Box:\n    def __lt__(self, other):\n        h = Wrap()\n        h.fn = other\n        return False\n"
    "    @property\n    def fn(self):\n        return KEEP[0].fn\n",
    "KEEP = []\nclass Wrap:\n    @property\n    def p(self):\n        return None\n    @p.setter\n"
    "    def p(self, v):\n        KEEP.append(v)\n"
    "class Box:\n    def __lt__(self, other):\n        h = Wrap()\n        h.p = other\n        return False\n"
    "    @property\n    def fn(self):\n        return KEEP[0]\n",
    "def _keep(self, other):\n    self.fn = other\n    return False\ndef staticmethod(f):\n    return _keep\n"
    "class Box:\n    @staticmethod\n    def __lt__(a, b):\n        return False\n",
])
def test_a_keeping_special_method_given_outside_the_class_body_is_found(source):
    source = ("import torch.nn.functional as F\n" + source + "BOX = Box()\nmin(F.conv2d, BOX)\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n"
              "    return BOX.fn(image[None, None], kernel[None, None])[0, 0]\n")
    assert found([source]) != []


@pytest.mark.parametrize("member", [
    # attack round 101: values that look harmless by their outer shape, and what stands for the instance
    "def __lt__(self, other):\n        self.fn = [other].copy()[0]\n        return False",
    "def __lt__(self, other):\n        box = [self]\n        box[0].fn = other\n        return False",
    "def __lt__(self, other):\n        for self.fn in (other,):\n            pass\n        return False",
    "def __lt__(self, other):\n        (h,) = (self,)\n        h.fn = other\n        return False",
    "def __lt__(self, other):\n        me = type(self)\n        me.fn = other\n        return False",
    "def __lt__(self, other):\n        try:\n            raise ValueError(other)\n        except ValueError as e:\n"
    "            self.fn = e.args[0]\n        return False",
    "def __lt__(self, other):\n        import numpy\n        numpy.seterrcall(other)\n        self.fn = numpy.geterrcall()\n"
    "        return False",
    # attack round 104: a `match` capture, an in-place operator on a name aliasing kept data, a long copy chain
    "def __lt__(self, other):\n        match other:\n            case h:\n                self.fn = h\n        return False",
    "def __lt__(self, other):\n        match [other]:\n            case [*h]:\n                self.fn = h[0]\n"
    "        return False",
    "def __lt__(self, other):\n        h = self.kept\n        h += [other]\n        return False\n    kept = []",
    "def __lt__(self, other, h=HELD):\n        h += [other]\n        return False",
    "def __lt__(self, other):\n        for h in (HELD,):\n            h |= {'fn': other}\n        return False",
    "def __lt__(self, other):\n        for _ in range(6):\n            f = e\n            e = d\n            d = c\n"
    "            c = b\n            b = a\n            a = other\n        self.fn = f\n        return False",
    "def __lt__(self, other):\n        import numpy\n        h = numpy.array([other], dtype=object)\n"
    "        self.fn = h.item()\n        return False",
    "def __lt__(self, other):\n        try:\n            raise HELD from KeyError(other)\n        except Exception:\n"
    "            pass\n        return False",
    "def __lt__(self, other):\n        import itertools\n        list(itertools.groupby([other], _stash))\n"
    "        return False",
    # an in-place operator on what an attribute or an item holds: a module's list (attack round 108), also in an
    # in-place operator's own method (found checking fairness round 74's fix), also through an alias of it
    "def __init__(self):\n        self.kept = KEPT\n    def __iadd__(self, other):\n        self.kept += [other]\n"
    "        return self",
    "def __init__(self):\n        self.kept = KEPT\n    def __iadd__(self, other):\n        kept = self.kept\n"
    "        kept += [other]\n        return self",
    "def __init__(self, kept=KEPT):\n        self.kept = kept\n    def __lt__(self, other):\n        h = Box()\n"
    "        h.kept += [other]\n        return False",
    "def __init__(self, kept=0):\n        self.kept = kept\n    def __lt__(self, other):\n        h = Box(KEPT)\n"
    "        h.kept += [other]\n        return False",
    "def __init__(self, kept=0):\n        self.kept = kept\n    def __lt__(self, other):\n        t = self.kept\n"
    "        t += [other]\n        return False\n    def again(self):\n        return Box(KEPT)",
    "def __lt__(self, other):\n        h = [KEPT]\n        h[0] += [other]\n        return False",
    "def __lt__(self, other):\n        h = {'k': KEPT}.copy()\n        h['k'] += [other]\n        return False",
])
def test_a_special_method_keeping_an_operand_under_another_shape_is_found(member):
    source = OPERAND_KEEPER.format(member=member, meeting="min(F.conv2d, BOX)").replace(
        "class Box:", "HELD = ValueError()\nKEPT = []\ndef _stash(f):\n    KEPT.append(f)\n    return 0\nclass Box:")
    assert any("special method Box." in what for _, what in found([source])), found([source])


@pytest.mark.parametrize("member", [
    # fairness rounds 31, 70 and 71: what honest special methods keep, and the new values they make
    "def __eq__(self, other):\n        self.diff = (self.t - other).abs().max().item()\n        return self.diff < 1e-6",
    "def __eq__(self, other):\n        self.error = abs(float(other) - self.expected)\n        return self.error < 1e-6",
    "def __exit__(self, exc_type, exc, tb):\n        self.ok = exc_type is None\n        return False",
    "def __missing__(self, key):\n        self[key] = []\n        return self[key]",
    "def __add__(self, other):\n        return type(self)(self.t + other.t)",
    "def __add__(self, other):\n        merged = list(self.values)\n        merged.extend(other.values)\n"
    "        return Box(merged)",
    "def __eq__(self, other):\n        return super().__eq__(other)",
    "def __radd__(self, other):\n        return self.__add__(other)\n    def __add__(self, other):\n"
    "        return Box(self.t + (other.t if isinstance(other, Box) else other))",
    # an in-place operator on a new local (attack round 104's rule keeps these)
    "def __eq__(self, other):\n        diff = 0\n        for a, b in zip(self.values, other.values):\n"
    "            diff += abs(a - b)\n        return diff < 1e-6",
    "def __add__(self, other):\n        parts = []\n        parts += self.values\n        parts += other.values\n"
    "        return Box(parts)",
    "def __eq__(self, other):\n        match other:\n            case Box(t=t):\n                return self.t == t\n"
    "            case _:\n                return NotImplemented",
    # fairness round 73: an in-place operator on a number read off the instance, on the operand itself, on a copy
    "def __add__(self, other):\n        count = self.t\n        count += other.t\n        return Box(count)",
    "def __radd__(self, other):\n        other += self.t\n        return other",
    "def __add__(self, other):\n        total = self.values.copy()\n        match other:\n            case Box(t=t):\n"
    "                total += [t]\n            case int():\n                total += [other]\n        return Box(total)",
    "def __getitem__(self, index):\n        if index < 0:\n            index += len(self.values)\n"
    "        return self.values[index]",
    # fairness round 74: an in-place operator on an alias of what the instance holds, a number every call of the
    # class gives it (`t=0`, `Box(s)` with `s` such a number) or its own new list in an in-place operator's method
    "def __add__(self, other):\n        s = self.t\n        s += other.t if isinstance(other, Box) else other\n"
    "        return Box(s)",
    "def __iadd__(self, value):\n        total = self.t\n        total += value\n        self.t = total\n"
    "        return self",
    "def __iadd__(self, other):\n        values = self.values\n        values += [other]\n        return self",
    "def __iadd__(self, other):\n        self.values += [other]\n        return self",
])
def test_special_methods_that_keep_only_new_values_keep_full_marks(member):
    source = OPERAND_KEEPER.format(member=f"def __init__(self, t=0):\n        self.t = t\n        self.values = [t]\n"
                                          f"    {member}", meeting="print(BOX == BOX)").replace(
        "return BOX.fn(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]",
        "return (image[:2, :2] * kernel[:2, :2]).sum()")
    assert found([source]) == []


# Fairness rounds 69 and 70: an honest submission's own plain objects, made and used in ordinary ways, lost 10 points
# each to rule 2 (a self-check's results merged with `Result.__new__(Result)`, micrograd's `out._backward = ...` on the
# node it makes, a context manager wrapping torch.no_grad() by name).  Each exemption holds for the plain case only.
_RESULT = ("class Result:\n    def __init__(self, error):\n        self.error = error\n"
           "    def __add__(self, other):\n        merged = {maker}\n        merged.error = self.error + other.error\n"
           "        return merged\n")


@pytest.mark.parametrize("maker", ["Result.__new__(Result)", "object.__new__(Result)"])
def test_a_bare_instance_of_a_plain_class_of_its_own_is_readable(maker):
    source = HAND_WRITTEN + _RESULT.format(maker=maker)
    assert found([source]) == []
    assert unreadable_findings((source,), models=True) == []


@pytest.mark.parametrize("source, later", [
    # a __new__ of its own, or a base's: what it hands back is not object's
    (_RESULT.format(maker="Result.__new__(Result)") + "    def __new__(cls, *a):\n        return torch.nn\n", ""),
    ("class Base:\n    __new__ = staticmethod(lambda cls, *a: torch.nn)\n"
     + _RESULT.format(maker="Result.__new__(Result)").replace("class Result:", "class Result(Base):"), ""),
    # a class with another base, or a decorator that may hand back another class
    (_RESULT.format(maker="Result.__new__(Result)").replace("class Result:", "class Result(torch.Tensor):"), ""),
    ("def swap(c):\n    return torch.Tensor\n@swap\n" + _RESULT.format(maker="Result.__new__(Result)"), ""),
    # the name bound again in a later cell: the finding waits for every cell's bindings
    (_RESULT.format(maker="Result.__new__(Result)"), "Result = torch.Tensor\n"),
    # the class's __new__ on another class
    (_RESULT.format(maker="Result.__new__(torch.Tensor)"), ""),
])
def test_a_new_that_may_not_be_objects_is_still_a_finding(source, later):
    units = [HAND_WRITTEN + source] + ([later] if later else [])
    assert any("__new__" in what for _, what in found(units)), found(units)


_VALUE = ("class Value:\n    def __init__(self, data, children=()):\n        self.data = data\n"
          "        self._prev = tuple(children)\n        self._backward = lambda: None\n"
          "    def __mul__(self, other):\n        {binding}\n        out._prev = (self,)\n"
          "        out._backward = lambda: None\n        return out\n")


#: A by-hand function that reaches Value's operator: where a private name of the submission's own counts.
_PROBE = "def probe():\n    return Value(1.0) * Value(2.0)\n"


def test_a_private_attribute_of_an_instance_of_its_own_plain_class_is_its_own():
    source = HAND_WRITTEN + _VALUE.format(binding="out = Value(self.data * 2)") + _PROBE
    assert found([source]) == [] and found([source], "probe") == []
    assert unreadable_findings((source,), models=True) == []


@pytest.mark.parametrize("binding", [
    "out = torch.nn.Linear(2, 2)",                          # another class's instance
    "out = Value(1)\n        out = torch.nn.Linear(2, 2)",  # bound again
    "for out in [Value(1)]: pass",                          # a loop's name
    "with Value(1) as out: pass",                           # what __enter__ hands back
    "(out := Value(1))",                                    # a walrus
    "out, _ = Value(1), 0",                                 # unpacked
    "out = Value(1)\n        def g():\n            nonlocal out\n            out = torch.nn.Linear(2, 2)\n        g()",
])
def test_a_private_attribute_of_what_may_be_anothers_object_is_still_a_finding(binding):
    source = HAND_WRITTEN + _VALUE.format(binding=binding) + _PROBE
    assert any(what.startswith("out._") for _, what in found([source], "probe")), found([source], "probe")


@pytest.mark.parametrize("name, everywhere", [
    ("_backward", False),        # micrograd's: only the submission's classes give it
    ("_base", True), ("_version", True), ("_post_accumulate_grad_hooks", True),  # a tensor's
    ("_forward_hooks", True),    # a module's
])
def test_a_private_name_on_what_the_reader_cannot_type_costs_the_by_hand_part_where_it_is_reached(name, everywhere):
    # micrograd's canonical backward(), `v._backward()` on a node of the graph: the reader cannot tell the node's
    # class, so a name of its own costs a by-hand function only where it reaches it (fairness rounds 70 and 72), and
    # a name torch's objects spell costs it everywhere.  The models pay for either wherever it stands: their walk
    # misses channels a tampering runs through (attack round 106: a class attribute changed through an instance)
    value = (_VALUE.format(binding="out = Value(self.data * 2)") + (
        "    def backward(self):\n        for v in self._topo():\n            v._backward()\n"
        "    def _topo(self):\n        return [self]\n")).replace("_backward", name)
    self_check = "check = Value(2.0) * 3\ncheck.backward()\n"
    unreached = HAND_WRITTEN + value + self_check
    assert (("unverifiable", f"v.{name}") in found([unreached])) is everywhere
    assert any(f.what == f"v.{name}" for f in unreadable_findings((unreached,), models=True, reached_from=("CNN",)))
    reached_by_hand = unreached.replace("    return out\n", "    Value(1.0).backward()\n    return out\n", 1)
    assert reached_by_hand != unreached
    assert ("unverifiable", f"v.{name}") in found([reached_by_hand])


_TRAINER = ("class Trainer:\n    def __init__(self, model):\n        self.{name} = model\n"
            "def summary(trainer):\n    return sum(p.numel() for p in trainer.{name}.parameters())\n")


def test_every_private_name_the_workers_own_code_spells_is_a_librarys():
    # (the worker's handler and guard live in the process a submission runs in: their names are not its own)
    import re
    from pathlib import Path

    worker = Path(static.__file__).parents[1]
    spelled = {name for path in [*worker.glob("checkapi/*.py"), *worker.glob("worker/*.py")]
               for name in re.findall(r"\b_\w+", path.read_text(encoding="utf-8"))}
    assert "_model" in spelled and spelled <= static._library_private_names()


@pytest.mark.parametrize("name, freed", [
    ("_net", True), ("_total_loss", True),    # names no library object answers to (fairness round 100)
    ("_raw_saved_input", False),              # an autograd node's, spelled only in torch's compiled library
    ("_pop_mode_temporarily", False),         # torch's dispatch modes' (attack round 106)
    ("_backward", False),                     # torch's sources spell it too
    ("_target", False),                       # threading.Thread's
])
def test_a_private_name_no_library_spells_costs_the_models_only_where_they_reach_it(name, freed):
    # fairness round 100: `trainer._net` in a helper that no model reaches cost q7 and q8 (-7); a name some library
    # object may answer to still costs them wherever it stands (the walk misses channels: attack round 106)
    cnn = ("class CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
           "        self.fc = torch.nn.Linear(2, 2)\n    def forward(self, x):\n        return self.fc(x)\n")
    unreached = HAND_WRITTEN + _TRAINER.format(name=name) + cnn + "print(summary(Trainer(CNN())))\n"
    models = [f.what for f in unreadable_findings((unreached,), models=True, reached_from=("CNN",))]
    assert (f"trainer.{name}" not in models) is freed, models
    reached = unreached.replace("return self.fc(x)", "return self.fc(x) * summary(Trainer(self))")
    assert reached != unreached
    assert f"trainer.{name}" in [f.what for f in unreadable_findings((reached,), models=True, reached_from=("CNN",))]
    by_hand = unreached.replace("    return out\n", "    summary(Trainer(torch.nn.Linear(1, 1)))\n    return out\n", 1)
    assert by_hand != unreached and ("unverifiable", f"trainer.{name}") in found([by_hand])


@pytest.mark.parametrize("read, freed, by_hand_freed", [
    # fairness rounds 101 and 102: the same name read on another receiver, or by getattr/hasattr, cost q6, q7 and q8
    ("[Trainer(CNN())][0]._net", True, True),
    ("Box().trainer._net", True, True),
    ("max([Trainer(CNN())], key=id)._net", True, True),
    ("getattr(Trainer(CNN()), '_net')", True, True),
    ("hasattr(Trainer(CNN()), '_net')", True, True),
    ("torch.nn._net", False, False),                       # a chain from an imported module: its private part
    ("getattr(torch.nn, '_net', None)", False, False),
    # threading.Thread's name too: any object may be a library's, everywhere (attack round 106's `self._tape._record`)
    ("[Trainer(CNN())][0]._target", False, False),
    ("getattr(Trainer(CNN()), '_target')", False, False),
])
def test_a_private_name_of_its_own_costs_only_where_it_is_reached_whatever_the_receiver(read, freed, by_hand_freed):
    trainer = ("class Trainer:\n    def __init__(self, model):\n        self._net = model\n        self._target = 0\n"
               "class Box:\n    def __init__(self):\n        self.trainer = Trainer(CNN())\n")
    cnn = ("class CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
           "        self.fc = torch.nn.Linear(2, 2)\n    def forward(self, x):\n        return self.fc(x)\n")
    unreached = HAND_WRITTEN + cnn + trainer + f"print({read})\n"
    models = [f.what for f in unreadable_findings((unreached,), models=True, reached_from=("CNN",))]
    assert (models == []) is freed, models
    assert (found([unreached]) == []) is by_hand_freed, found([unreached])
    reached = unreached.replace("    return out\n", f"    print({read})\n    return out\n", 1)
    assert reached != unreached and found([reached]) != []


@pytest.mark.parametrize("register", ["register_buffer", "register_parameter", "add_module"])
def test_a_private_name_registered_on_its_own_module_is_its_own(register):
    # fairness round 101: `self.register_buffer("_pix_mean", m)` read outside as `net._pix_mean` cost q6 to q8 (-10)
    value = {"register_buffer": "torch.zeros(1)", "register_parameter": "torch.nn.Parameter(torch.zeros(1))",
             "add_module": "torch.nn.Identity()"}[register]
    cnn = ("class CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
           f"        self.{register}('_pix_mean', {value})\n        self.fc = torch.nn.Linear(2, 2)\n"
           "    def forward(self, x):\n        return self.fc(x)\n")
    unreached = HAND_WRITTEN + cnn + "net = CNN()\nprint(net._pix_mean)\n"
    assert found([unreached]) == [] and unreadable_findings((unreached,), models=True, reached_from=("CNN",)) == []
    # a name registered by a computed name is no name of its own
    computed = unreached.replace("'_pix_mean'", "'_pix' + '_mean'")
    assert computed != unreached and found([computed]) != []


@pytest.mark.parametrize("holder", [
    "class _Fast(torch.nn.Module)",
    pytest.param("class _Fast", marks=pytest.mark.xfail(strict=True, reason=(
        "open before today (attack round 171): a function's local alias of a member of the submission's own plain "
        "instance is not tied to it, and the member, an own name, is read as the class's"))),
])
def test_a_private_member_of_its_own_module_stays_a_finding_where_a_by_hand_function_reads_it(holder):
    # attack round 171: with `model = CNN()` then `model._features` read as the class's own member (a trial freeing
    # fairness rounds 101 and 102's `model._features`, `cnn._config`: reverted), a function's local alias of the member
    # filled it with a module whose forward calls F.conv2d, which the reader did not tie to `_m` (31 cheats)
    init = "    def __init__(self):\n        super().__init__()\n" if "Module" in holder else "    def __init__(self):\n"
    source = HAND_WRITTEN + (
        "import torch.nn.functional as F\nclass _Kern(torch.nn.Module):\n    def forward(self, image, kernel):\n"
        "        return F.conv2d(image[None, None], kernel[None, None])[0, 0]\n"
        f"{holder}:\n{init}        self._qkern = {{}}\n"
        "_m = _Fast()\ndef _setup():\n    d = _m._qkern\n    d['c'] = _Kern()\n_setup()\n"
        "def conv2d(image, kernel, stride=1, padding=0):\n    return _m._qkern['c'](image, kernel)\n")
    assert found([source]) != []


# A registry, a histogram: the submission's own class with a method named like a container's
_OWN_ZOO = ("class CNN(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
             "        self.conv = torch.nn.Conv2d(1, 1, 3)\n    def forward(self, x):\n        return self.conv(x)\n"
             "class Zoo:\n    def __init__(self):\n        self.entries = {{}}\n"
             "    def {method}(self, name, make):\n        {body}\n"
             "zoo = Zoo()\nzoo.{method}('cnn', {stored})\n")


_TABLE_AND_ZOO = ("import torch.nn.functional as F\n_FAST = {{}}\nclass Zoo{base}:\n{body}\nzoo = Zoo()\n{use}\n"
                  "def conv2d(image, kernel, stride=1, padding=0):\n"
                  "    return _FAST['conv'](image[None, None], kernel[None, None])[0, 0]\n")
_STORES = "    def register(self, key, value):\n        _FAST[key] = value\n"


@pytest.mark.parametrize("base, body, use", [
    # attack round 169: a method of the submission's own class named like a container's stores what it is handed
    # where the reader follows the callers' arguments only through plain assignments; such a call hands its
    # arguments to every by-hand function, as a container's would (a trial that read the method's body instead
    # freed fairness round 101's registries and opened 73 holes: reverted)
    ("", _STORES, "zoo.register('conv', F.conv2d)"),
    ("(object)", _STORES, "def setup():\n    for key, f in {'conv': F.conv2d}.items():\n        zoo.register(key, f)\n"
                          "setup()"),
    ("", "    target = _FAST\n    def register(self, key, value):\n        self.target[key] = value\n",
     "zoo.register('conv', F.conv2d)"),
    ("", "    def __init__(self):\n        self.items = _FAST\n        self.register = self.items.setdefault\n"
         "    def register(self, key, value):\n        pass\n", "zoo.register('conv', F.conv2d)"),
    ("", _STORES, "def setup():\n    from torch.nn.functional import conv2d as v\n    zoo.register('conv', v)\nsetup()"),
])
def test_a_call_of_its_own_method_named_like_a_containers_hands_on_what_it_is_given(base, body, use):
    source = _TABLE_AND_ZOO.format(base=base, body=body, use=use)
    assert found([HAND_WRITTEN + source]) != [], source


@pytest.mark.parametrize("body, use", [
    # attack round 169: what reaches a keeping method's parameter by a route other than a plain call's argument
    (_STORES, "def _setup(f=_fast):\n    zoo.register('conv', f)\n_setup()"),                  # a default
    (_STORES, "def _setup(*, f=_fast):\n    zoo.register('conv', f)\n_setup()"),
    ("    def register(self, key, value=_fast):\n        _FAST[key] = value\n", "zoo.register('conv')"),
    (_STORES, "(lambda f: zoo.register('conv', f))(_fast)"),                                   # a lambda's
    (_STORES, "def outer(f):\n    def inner():\n        zoo.register('conv', f)\n    inner()\nouter(_fast)"),
    (_STORES, "def _setup():\n    def f(x, k):\n        return F.conv2d(x, k)\n    zoo.register('conv', f)\n_setup()"),
    (_STORES + "    def register_all(self, fns):\n        for key, fn in fns.items():\n"
               "            self.register(key, fn)\n", "zoo.register_all({'conv': _fast})"),
    (_STORES, "def _setup():\n    with contextlib.nullcontext(_fast) as f:\n        zoo.register('conv', f)\n"
              "import contextlib\n_setup()"),
])
def test_what_a_keeping_method_is_handed_by_any_route_is_read(body, use):
    # (`_fast` a def of the submission's that calls torch's convolution, handed as a value)
    source = _TABLE_AND_ZOO.format(base="", body=body, use="def _fast(x, k):\n    return F.conv2d(x, k)\n" + use)
    assert any("conv2d" in what for _, what in found([HAND_WRITTEN + source])), source


@pytest.mark.parametrize("body, use", [
    # attack round 169's seven left open, and attack round 172's routes to a keeping method's parameter
    (_STORES, "class _Setup:\n    def __init__(self, fn):\n        self.fn = fn\n    def run(self):\n"
              "        zoo.register('conv', self.fn)\n_Setup(_fast).run()"),                    # another's attribute
    (_STORES + "    def stage(self, fn):\n        self.pending = fn\n    def commit(self, key):\n"
               "        _FAST[key] = self.pending\n", "zoo.stage(_fast)\nzoo.commit('conv')"),  # its own attribute
    (_STORES, "def _gen():\n    while True:\n        f = yield\n        zoo.register('conv', f)\n"
              "_g = _gen()\nnext(_g)\n_s = _g.send\n_s(_fast)"),                                # a generator's send
    (_STORES, "def _gen():\n    zoo.register('conv', (yield))\n_g = _gen()\nnext(_g)\n_g.send(_fast)"),
    (_STORES, "list(map(lambda f: zoo.register('conv', f), [_fast]))"),                       # a lambda's
    (_STORES, "sorted([_fast], key=lambda f: zoo.register('conv', f) and 0)"),
    (_STORES, "list(map(lambda c: zoo.register('conv', c['fn']), [{'fn': _fast}]))"),
    (_STORES, "def apply(cb):\n    cb(_fast)\napply(lambda f: zoo.register('conv', f))"),
    (_STORES, "def make():\n    return lambda f: zoo.register('conv', f)\nmake()(_fast)"),  # out of sight
    (_STORES, "_FNS = []\n_FNS.append(_fast)\nzoo.register('conv', _FNS[0])"),                # a list filled later
    (_STORES, "class _Setup:\n    def __init__(self):\n        self.fns = []\n        self.fns.append(_fast)\n"
              "    def run(self):\n        zoo.register('conv', self.fns[0])\n_Setup().run()"),
    (_STORES, "class _Setup:\n    def __init__(self, fn):\n        object.__setattr__(self, 'fn', fn)\n"
              "    def run(self):\n        zoo.register('conv', getattr(self, 'f' + 'n'))\n_Setup(_fast).run()"),
    (_STORES, "import dataclasses\n@dataclasses.dataclass\nclass _Cfg:\n    fn: object\n"
              "zoo.register('conv', _Cfg(_fast).fn)"),                                          # a field
    (_STORES, "def w1(f):\n    zoo.register('conv', f)\ndef w2(f):\n    w1(f)\ndef w3(f):\n    w2(f)\n"
              "def w4(f):\n    w3(f)\ndef w5(f):\n    w4(f)\ndef w6(f):\n    w5(f)\nw6(_fast)"),  # too deep
])
def test_what_a_keeping_method_is_handed_through_objects_and_lambdas_is_read(body, use):
    source = _TABLE_AND_ZOO.format(base="", body=body, use="def _fast(x, k):\n    return F.conv2d(x, k)\n" + use)
    whats = [what for _, what in found([HAND_WRITTEN + source])]
    # (a lambda handed out by a factory, and a chain past the callers read, leave the keeper unverifiable; every
    # other route is followed to `_fast`'s F.conv2d)
    if "make()(_fast)" in use or "w6(_fast)" in use:
        assert any("keeps what it is handed" in what and "cannot be read" in what for what in whats), whats
    else:
        assert "F.conv2d" in whats, (source, whats)


_PUT_IN = "    def put_in(self, key, value):\n        {store}\n"


@pytest.mark.parametrize("extra, store", [
    # attack round 169's stores through an own method, with a name no container has (`put_in`): open on every tree
    # before (the method's store went into the module's table through an alias of it)
    ("    target = _FAST\n", "self.target[key] = value"),
    ("    targets = [_FAST]\n", "self.targets[0][key] = value"),
    ("    targets = (_FAST,)\n", "for t in self.targets:\n            t[key] = value"),
    ("    target = _FAST\n", "t = self.target\n        t[key] = value"),
    ("    def __init__(self, table=_FAST):\n        self.table = table\n", "self.table.update({key: value})"),
    ("", "import contextlib\n        with contextlib.nullcontext(value) as v:\n            _FAST[key] = v"),
    ("", "try:\n            raise LookupError(value)\n        except LookupError as e:\n"
         "            _FAST[key] = e.args[0]"),
    ("", "pair = (key, value)\n        k, v = pair\n        _FAST[k] = v"),
])
def test_its_own_method_storing_into_a_table_through_an_alias_is_read(extra, store):
    body = extra + _PUT_IN.format(store=store)
    source = _TABLE_AND_ZOO.format(base="", body=body,
                                   use="def _fast(x, k):\n    return F.conv2d(x, k)\nzoo.put_in('conv', _fast)")
    assert ("builtin", "F.conv2d") in found([HAND_WRITTEN + source]), source


@pytest.mark.parametrize("method, body, stored", [
    # fairness rounds 101 and 103: a registry, a histogram, a queue of the submission's own, whose method shares a
    # container's name, given a model class, a factory or a partial: its code stores on its own instance only
    ("register", "self.entries[name] = make", "CNN"),
    ("add", "self.entries.setdefault(name, []).append(make)", "CNN"),
    ("update", "self.entries.update({name: make})", "lambda: CNN()"),
    ("put", "self.entries[name] = make", "functools.partial(CNN)"),
    ("extend", "self.entries[name] = [make]", "CNN"),
])
def test_its_own_registry_named_like_a_container_keeps_what_it_registers(method, body, stored):
    source = HAND_WRITTEN + "import functools\n" + _OWN_ZOO.format(method=method, body=body, stored=stored)
    assert found([source]) == [], source


def test_a_functions_local_import_stored_where_a_by_hand_function_reads_it_is_read():
    # attack round 169: `def _setup(): from torch.nn.functional import conv2d as v; _FAST["conv"] = v`, the
    # import never read (ten files, open on every tree before)
    source = ("_FAST = {}\ndef _setup():\n    from torch.nn.functional import conv2d as v\n    _FAST['conv'] = v\n"
              "_setup()\ndef conv2d(image, kernel, stride=1, padding=0):\n"
              "    return _FAST['conv'](image[None, None], kernel[None, None])[0, 0]\n")
    assert ("builtin", "import of torch.nn.functional.conv2d") in found([HAND_WRITTEN + source])
    honest = source.replace("conv2d as v", "pad as v").replace("_FAST['conv'](image", "_FAST['conv'](image, (1,)) or (image")
    assert honest != source and not any(kind == "builtin" for kind, _ in found([HAND_WRITTEN + honest]))


@pytest.mark.parametrize("use, readable", [
    # attack round 165: `typing._caller(k)`, the name of a calling frame's module, told the worker's frames from a
    # kernel's in a forward pass and at the top level; the models pay for a module's private part wherever it stands
    ("import typing\nGRADED = 'worker' in str(typing._caller(3))\n", False),
    ("import typing as t\nclass CNN(torch.nn.Module):\n    def forward(self, x):\n        return t._caller(1)\n", False),
    ("import collections\nm = collections._sys\n", False),
    # what fair and hostile files use, which inspects nothing
    ("import ssl\nssl._create_default_https_context = ssl._create_unverified_context\n", True),
    ("import os\ndef stop():\n    os._exit(0)\n", True),
    ("import typing\ndef size(k: 'typing._GenericAlias | int') -> int:\n    return 3\n", True),
    ("import torch.nn.common_types as ct\nSize = ct._size_2_t\n", True),
    ("from torch.nn.modules.utils import _pair\nk = _pair(3)\n", True),
])
def test_a_modules_private_part_costs_the_models_wherever_it_stands(use, readable):
    source = HAND_WRITTEN + use
    models = [f.what for f in unreadable_findings((source,), models=True, reached_from=("CNN",))]
    assert (models == []) is readable, models
    assert found([source]) == []  # (the by-hand rule reads it against its allowlist where conv2d reaches it)


@pytest.mark.parametrize("source, readable", [
    # attack round 165: torch handed on by another module, its private part read as that module's
    ("from torchsummary.torchsummary import torch as _t\n_c = _t._C\n", False),
    ("from torchsummary.torchsummary import nn as _n\ndef conv2d(i, k, stride=1, padding=0):\n"
     "    return _n.functional.conv2d(i[None, None], k[None, None])[0, 0]\n", False),
    ("from collections import sys as _s\nframe = _s._getframe(0)\n", False),
    # a module's own parts, under their own package
    ("from torch import nn\nfrom torch.nn import functional as F\nrelu = F.relu\n", True),
    ("from torch.nn.modules.utils import _pair\nk = _pair(3)\n", True),
])
def test_a_module_handed_on_by_another_is_read_as_itself(source, readable):
    # (the by-hand part pays wherever torch's private part stands, as for `torch._C` itself)
    units = [HAND_WRITTEN + source]
    assert (found(units) == []) is readable, found(units)


@pytest.mark.parametrize("cls, readable", [
    # attack rounds 166 and 167: the import system hashes and compares sys.path's entries and sys.modules' keys, and
    # calls their text methods, at every import
    ("class Entry(str):\n    def __hash__(self):\n        return 0\n", False),
    ("class Entry(str):\n    def __eq__(self, other):\n        return False\n", False),
    ("class Entry(str):\n    def endswith(self, *a):\n        return False\n", False),
    ("class Base(str):\n    pass\nclass Entry(Base):\n    __hash__ = str.__hash__\n", False),
    ("class Entry(bytes):\n    def startswith(self, *a):\n        return False\n", False),
    # what fair files write: an Enum's str mixin shown by its value, a str made and shown
    ("import enum\nclass Act(str, enum.Enum):\n    RELU = 'relu'\n    def __str__(self):\n        return self.value\n",
     True),
    ("class Label(str):\n    def __repr__(self):\n        return f'Label({str(self)!r})'\n", True),
    ("class Plain:\n    def __hash__(self):\n        return 0\n", True),
    # attack round 168: a base the reader cannot tell, a member bound in a nested statement or by a mixin, __bool__
    ("S = str\nclass Entry(S):\n    def __hash__(self):\n        return 0\n", False),
    ("class Entry(type('')):\n    def __hash__(self):\n        return 0\n", False),
    ("import os\nclass Entry(os.sep.__class__):\n    def __eq__(self, o):\n        return False\n", False),
    ("class Entry(str):\n    if True:\n        def __hash__(self):\n            return 0\n", False),
    ("class Mix:\n    def __hash__(self):\n        return 0\nclass Entry(Mix, str):\n    pass\n", False),
    ("class Entry(str):\n    def __bool__(self):\n        return True\n", False),
    ("Entry = type(str)('Entry', (str,), {'__hash__': lambda self: 0})\n", False),
    ("class Entry(str):\n    locals()['__hash__'] = lambda self: 0\n", False),
    # what fair files write: a namedtuple's or a Generic's subclass with its own operators
    ("from collections import namedtuple\nclass Pos(namedtuple('Pos', 'y x')):\n    def __add__(self, o):\n"
     "        return Pos(self.y + o.y, self.x + o.x)\n", True),
    ("from typing import Generic, TypeVar\nT = TypeVar('T')\nclass Meter(Generic[T]):\n    def __iadd__(self, v):\n"
     "        return self\n", True),
])
def test_a_subclass_of_str_with_its_own_text_methods_is_unreadable(cls, readable):
    units = [HAND_WRITTEN + cls]
    assert (found(units) == [] and unreadable_findings(tuple(units), models=True) == []) is readable, found(units)


@pytest.mark.parametrize("probe", [
    # fairness rounds 34, 49 and 100 asked whether an optional library is installed so; read as loading nothing for a
    # while on 2026-12-07, it let attack round 166 (26 files at 26/26) run hidden code from the lookup itself:
    # setuptools' distutils finder walks the stack and calls a rebound `__file__`'s endswith on find_spec("pip"),
    # and the path finder hashes and compares every sys.path entry (a str subclass's own __hash__)
    "import importlib.util\nHAS = importlib.util.find_spec('tqdm') is not None\n",
    "import importlib.util\nif importlib.util.find_spec('pip'):\n    pass\n",
    "from importlib.util import find_spec\nprint('no tqdm' if not find_spec('tqdm') else 'tqdm')\n",
])
def test_asking_whether_a_module_is_installed_still_costs_what_importlib_costs(probe):
    units = [HAND_WRITTEN + probe]
    assert found(units) and unreadable_findings(tuple(units), models=True), found(units)


@pytest.mark.parametrize("binding", [
    # attack round 105: the class name read where the call stands, not as the module binds it
    "def Value(*a):\n            return torch.nn.Parameter(torch.ones(1))\n        out = Value(1)",
    "class Value(torch.nn.Parameter):\n            pass\n        out = Value(torch.ones(1))",
])
def test_an_instance_of_a_local_that_shadows_the_class_is_not_its_own(binding):
    source = HAND_WRITTEN + _VALUE.format(binding=binding) + _PROBE
    assert any(what.startswith("out._") for _, what in found([source], "probe")), found([source], "probe")


def test_an_instance_of_a_plain_class_local_to_the_function_is_its_own():
    # fairness round 72: a small Value class defined inside conv2d (-13)
    source = HAND_WRITTEN + _VALUE.format(binding="class Node:\n            pass\n        out = Node()") + _PROBE
    assert not any(what.startswith("out._") for _, what in found([source], "probe")), found([source], "probe")


@pytest.mark.parametrize("shadow", [
    # attack round 105: `Wrap.__new__(Wrap)` where Wrap is, where the call stands, some other object
    "    Wrap = HELD\n", "    object = HELD\n",
])
def test_a_new_of_a_name_bound_otherwise_where_it_is_called_is_a_finding(shadow):
    source = HAND_WRITTEN + ("import types\nHELD = types.SimpleNamespace()\nclass Wrap:\n    pass\n"
                             "def make():\n" + shadow + "    return Wrap.__new__(Wrap) if 'W' in repr(shadow) else "
                             "object.__new__(Wrap)\n").replace("repr(shadow)", repr(shadow))
    assert any("__new__" in what for _, what in found([source])), found([source])


_MAKER = ("class Record:\n    def __init__(self, error):\n        self.error = error\n"
          "    @classmethod\n    def empty(cls):\n        made = {maker}\n        made.error = 0.0\n        return made\n")


@pytest.mark.parametrize("maker", ["cls.__new__(cls)", "object.__new__(cls)"])
def test_a_bare_instance_made_in_an_alternative_constructor_is_still_a_finding(maker):
    # fairness round 72 lost 10 points to `cls.__new__(cls)` in a @classmethod; exempted, it let attack round 108's
    # models make a Parameter through a subclass computed beside nn.Parameter (`W2 = Wrap.mro()[0]`, a metaclass
    # call): what `cls` is depends on what the method is called on
    source = HAND_WRITTEN + _MAKER.format(maker=maker) + "r = Record.empty()\nok = isinstance(r, Record)\n"
    assert any("__new__" in f.what for f in unreadable_findings((source,), models=True))


@pytest.mark.parametrize("later", [
    "class Sub(Record, torch.Tensor):\n    pass\n",            # a subclass's cls has other bases
    "Sub = type('Sub', (Record, torch.Tensor), {})\n",         # the class handed on
])
def test_a_classmethods_new_on_a_class_others_derive_from_is_a_finding(later):
    source = HAND_WRITTEN + _MAKER.format(maker="cls.__new__(cls)") + later
    assert any("__new__" in what for _, what in found([source])), found([source])


@pytest.mark.parametrize("inner, readable", [
    ("torch.no_grad()", True), ("torch.inference_mode()", True), ("torch.set_grad_enabled(False)", True),
    ("torch.profiler.profile()", False),  # entering records: read where it is made, and not entered by name
    ("inner", False),                     # whatever the caller hands
])
def test_a_library_setting_entered_and_left_by_name_is_a_with_statement(inner, readable):
    source = HAND_WRITTEN + (
        "class quiet:\n    def __init__(self, inner=None):\n"
        f"        self.inner = {inner}\n"
        "    def __enter__(self):\n        self.inner.__enter__()\n        return self\n"
        "    def __exit__(self, *exc):\n        return self.inner.__exit__(*exc)\n")
    assert (not any("__enter__" in f.what for f in unreadable_findings((source,)))) is readable


@pytest.mark.parametrize("other", [
    # `self._tape._record`: a method called through its class may be handed any object as self (attack round 106)
    "",
    "class Other:\n    def __init__(self):\n        self._tape = torch.nn.Parameter(torch.ones(1))\n",
    "import types\nns = types.SimpleNamespace(**{'_t' + 'ape': torch.nn.Parameter(torch.ones(1))})\n"
    "ns._tape._record = None\n",                                           # not a method's own instance
])
def test_a_private_method_of_what_an_attribute_holds_is_read_as_anothers(other):
    source = HAND_WRITTEN + (
        "class Tape:\n    def __init__(self):\n        self.ops = []\n    def _record(self, op):\n"
        "        self.ops.append(op)\n"
        "class Net:\n    def __init__(self):\n        self._tape = Tape()\n    def run(self):\n"
        "        self._tape._record('x')\n") + other
    assert any("_record" in what for _, what in found([source])), found([source])


def test_a_parents_context_methods_called_through_super_stay_plain():
    # the deferral of `x.__enter__()` waits for every cell's bindings; `super().__exit__(...)` stays what it was: the
    # parent's own plain special method
    source = HAND_WRITTEN + ("class Quiet(torch.no_grad):\n    def __enter__(self):\n        super().__enter__()\n"
                             "        return self\n    def __exit__(self, *exc):\n        return super().__exit__(*exc)\n")
    assert unreadable_findings((source,)) == []


# -- Fairness round 78: an operand keeper's start read off a module's constants ---------------------------------------

_STARTED_FROM = '''
import torch.nn.functional as F
KEEP = []
{constants}

class Acc:
    def __init__(self):
        self.total = {start}

    def __lt__(self, other):
        t = self.total
        t += [other]
        return False

BOX = Acc()
min(F.conv2d, BOX)

def conv2d(image, kernel, stride=1, padding=0):
    return KEEP[0](image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
'''


@pytest.mark.parametrize("constants, start", [
    ('DEFAULTS = {"start": 0.0}', 'DEFAULTS["start"]'),
    ('DEFAULTS = {"start": 0.0}', 'DEFAULTS.get("start", 0.0)'),
    ('STARTS = [0.0, float("-inf")]', 'STARTS[1]'),
    ('ZERO, ONE = 0.0, 1.0', 'ONE'),
    ('[ZERO, ONE] = [0.0, 1.0]', 'ZERO'),
])
def test_a_start_of_pythons_immutable_kinds_read_off_a_modules_constants_keeps_nothing(constants, start):
    """An item of a module's display of numbers, ``.get`` with a number for default, or a number unpacked: of
    Python's immutable kinds, so what an in-place operator makes of it is new (the loops' KEEP is never filled)."""
    assert found([_STARTED_FROM.format(constants=constants, start=start)]) == []


@pytest.mark.parametrize("constants, start", [
    ('DEFAULTS = {"start": KEEP}', 'DEFAULTS["start"]'),
    ('DEFAULTS = {"start": 0.0}\nDEFAULTS["start"] = KEEP', 'DEFAULTS["start"]'),
    ('DEFAULTS = {"start": 0.0}\nDEFAULTS.update(start=KEEP)', 'DEFAULTS["start"]'),
    ('DEFAULTS = {"start": 0.0}\nDEFAULTS.update({"start": KEEP})', 'DEFAULTS["start"]'),
    ('DEFAULTS = {"start": 0.0}\nD2 = DEFAULTS\nD2["start"] = KEEP', 'DEFAULTS["start"]'),
    ('DEFAULTS = {"start": 0.0}\ndef fill(d):\n    d["start"] = KEEP\nfill(DEFAULTS)', 'DEFAULTS["start"]'),
    ('DEFAULTS = {}', 'DEFAULTS.get("start", KEEP)'),
    ('DEFAULTS = {}\nDEFAULTS.setdefault("start", KEEP)', 'DEFAULTS.get("start", 0.0)'),
    ('DEFAULTS = {"start": 0.0}\ndef swap():\n    global DEFAULTS\n    DEFAULTS = {"start": KEEP}\nswap()',
     'DEFAULTS["start"]'),
    ('ZERO, ONE = KEEP, 1.0', 'ZERO'),
    ('ZERO, ONE = 0.0, KEEP', 'ONE'),
    ('PAIR = (KEEP, 1.0)\nZERO, ONE = PAIR', 'ZERO'),
    ('(ZERO, ONE), TWO = (KEEP, 1.0), 2.0', 'ZERO'),
    ('ZERO, ONE = 0.0, 1.0\nONE, ZERO = 0.0, KEEP', 'ZERO'),
    ('STARTS = [0.0]\nSTARTS[0] = KEEP', 'STARTS[0]'),
    ('STARTS = [0.0]\nSTARTS.append(KEEP)', 'STARTS[-1]'),
    ('STARTS = [0.0]\nSTARTS += [KEEP]', 'STARTS[-1]'),
    ('STARTS = [0.0]\nI = slice(0, 1)\nSTARTS[I] = [KEEP]', 'STARTS[0]'),
    ('STARTS = [0.0]\nfor STARTS[0] in [KEEP]: pass', 'STARTS[0]'),
    ('class C:\n    pass\nC.v = [KEEP]', 'C.v[0]'),
    ('class G:\n    def __getitem__(self, k):\n        return KEEP\nSTARTS = G()', 'STARTS[0]'),
    ('class G:\n    def get(self, k, d):\n        return KEEP\nSTARTS = G()', 'STARTS.get("s", 0.0)'),
    ('STARTS = [0.0]\n(STARTS := [KEEP])', 'STARTS[0]'),
    ('ZERO = KEEP', '[ZERO, ZERO][0]'),
])
def test_a_start_a_modules_object_may_be_is_still_a_finding(constants, start):
    """The same read where the item, the default or the unpacked value may be the loops' own list (each of these
    fills KEEP with F.conv2d when run)."""
    assert any("Acc.__lt__" in what for _, what in found([_STARTED_FROM.format(constants=constants, start=start)]))


def test_a_list_of_a_modules_numbers_changed_item_by_item_keeps_nothing():
    """``self.parts = [ZERO, ZERO]`` then ``self.parts[0] += v``: the change replaces an item, and ZERO, a number,
    is no object it changes (fairness round 78's accumulator lost q6's 3 points)."""
    source = HAND_WRITTEN + ("ZERO = 0.0\n\nclass Acc:\n    def __init__(self):\n        self.parts = [ZERO, ZERO]\n"
                             "    def __iadd__(self, v):\n        self.parts[0] += v\n        self.parts[1] += 1\n"
                             "        return self\n\ndef total(values):\n    acc = Acc()\n    for v in values:\n"
                             "        acc += v\n    return acc.parts[0]\n").replace(
        "    return out\n", "    out[0, 1] = total([1.0, 2.0])\n    return out\n")
    assert found([source]) == []
    assert found([source.replace("ZERO = 0.0", "ZERO = []")])


@pytest.mark.parametrize("chained", ["1", "[]"])
def test_names_chained_deeper_than_the_reader_recurses_are_unverifiable_not_an_error(chained):
    """A chain of 2,000 names each bound to the last (``x1 = x0``...) takes the reader past Python's recursion
    limit: the question is given up with a finding, as one read too long is, never a check's error."""
    chain = f"x0 = {chained}\n" + "".join(f"x{i} = x{i - 1}\n" for i in range(1, 2000))
    source = "import torch\n" + chain + ("class Acc:\n    def __init__(self):\n        self.total = x1999\n"
                                         "    def __iadd__(self, v):\n        self.total += v\n        return self\n"
                                         "def conv2d(image, kernel, stride=1, padding=0):\n    a = Acc()\n"
                                         "    a += 1.0\n    return torch.zeros(2, 2) * a.total\n")
    assert found([source]) == [("unverifiable", static.READ_TOO_DEEP.what)]


# -- A base's constructor called by its subclasses (fairness round 77: `Named.__init__(self, "pixel")`) ---------------

_KEEPING_INIT = '''
import torch.nn.functional as F
KEEP = []

class Named:
    def __init__(self, fn=None):
        self.fn = fn
        KEEP.append(fn)

{classes}

def conv2d(image, kernel, stride=1, padding=0):
    return KEEP[-1](image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
'''


def test_a_constructor_its_subclasses_call_with_what_the_reader_sees_keeps_only_that():
    """Three levels, each calling its base's ``__init__`` by name with constants: what is kept is read, and it is
    no code (the class named among bases is a subclass, not a value handed on)."""
    classes = ("class Pixel(Named):\n    def __init__(self, name, start=0.0):\n        Named.__init__(self, start)\n"
               "        self.name = name\n\nclass Leaf(Pixel):\n    def __init__(self):\n"
               "        Pixel.__init__(self, 'pixel')\n\nLeaf()")
    assert not any("keeps what it is handed" in what
                   for _, what in found([_KEEPING_INIT.format(classes=classes)]))


@pytest.mark.parametrize("classes", [
    "class Sub(Named):\n    pass\nSub(F.conv2d)",
    "class Sub(Named):\n    pass\nk = Sub\nk(F.conv2d)",
    "S = type('S', (Named,), {})\nS(F.conv2d)",
    "def deco(c):\n    c(F.conv2d)\n    return c\n@deco\nclass Sub(Named):\n    pass",
    "class Sub(Named):\n    pass\nclass Sub2(Sub):\n    pass\n[Sub2][0](F.conv2d)",
    "class Sub(Named):\n    def __init__(self, *a):\n        super().__init__(*a)\n[Sub][0](F.conv2d)",
    "class Sub(Named):\n    def __init__(self, f):\n        Named.__init__(self, f)\n[Sub][0](F.conv2d)",
    "class Sub(Named):\n    @classmethod\n    def make(cls):\n        return cls(F.conv2d)\nSub.make()",
    "class Sub(Named):\n    def again(self):\n        return type(self)(F.conv2d)\nSub().again()",
    "class Sub(Named):\n    __init__ = Named.__init__\nSub(F.conv2d)",
    "def make():\n    class Sub(Named):\n        pass\n    return Sub\nmake()(F.conv2d)",
])
def test_a_constructor_a_subclass_hands_what_the_reader_cannot_see_is_still_a_finding(classes):
    """Each of these runs ``Named.__init__`` with F.conv2d (KEEP holds it when run): through a subclass's own call, an
    alias, ``type()``, a decorator handed the subclass, a container, ``cls``, ``type(self)``."""
    assert found([_KEEPING_INIT.format(classes=classes)])


def test_a_decorated_class_whose_constructor_keeps_what_it_is_handed_is_a_finding():
    """The decorator is handed the class, and may call it (found beside fairness round 77's subclasses: the reader
    missed it before them too)."""
    source = _KEEPING_INIT.format(classes="").replace(
        "class Named:", "def deco(c):\n    c(F.conv2d)\n    return c\n\n@deco\nclass Named:")
    assert ("unverifiable", "a function that keeps what it is handed, a class Named handed to its decorator: what it "
            "is handed cannot be read") in found([source])


# -- Fairness round 79: honest forms read as they run -----------------------------------------------------------------

_ANNOTATED_ACC = '''
import torch.nn.functional as F
KEEP = []

class Acc:
    total: float
{default}
    def __init__(self):
        self.total = 0.0

    def __lt__(self, other):
        t = self.total
        t += [other]
        return False

BOX = Acc()
min(F.conv2d, BOX)
{later}

def conv2d(image, kernel, stride=1, padding=0):
    return KEEP[0](image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]
'''


def test_a_bare_annotation_in_a_plain_class_binds_nothing():
    """``total: float`` in a plain class's body makes no class attribute: what the instance holds is what its
    ``__init__`` stores, a number (the accumulators of fairness round 79 lost q6's 3 points)."""
    assert found([_ANNOTATED_ACC.format(default="", later="")]) == []
    assert found([_ANNOTATED_ACC.format(default="    total: float = 0.0\n", later="").replace(
        "    total: float\n    total", "    total")]) == []


@pytest.mark.parametrize("later", [
    "BOX.total = KEEP",
    "vars(BOX).update(total=KEEP)",
    "Acc.total = KEEP",
    "print(Acc.__annotations__)\nBOX2 = dataclass(Acc)",
])
def test_an_annotated_attribute_stored_otherwise_is_still_a_finding(later):
    source = "from dataclasses import dataclass\n" + _ANNOTATED_ACC.format(default="", later=later)
    assert found([source])


_CALLED_BY_NAME = HAND_WRITTEN + '''
class Timer:
    def __enter__(self):
        self.started = 0.0
        return self

    def __exit__(self, *exc):
        return False

class Acc:
    def __init__(self):
        self.total = 0.0

    def __iadd__(self, value):
        self.total += value
        return self

{calls}
'''


@pytest.mark.parametrize("calls", [
    "t = Timer()\nt.__enter__()\nt.__exit__(None, None, None)",
    "Timer().__enter__()",
    "acc = Acc()\nacc.__iadd__(1.0)",
    "acc = Acc()\nAcc.__iadd__(acc, 1.0)",
])
def test_a_special_method_of_its_own_plain_class_called_by_name_is_its_own_code(calls):
    """Fairness round 79: ``t.__enter__()``, ``acc.__iadd__(v)`` on the submission's own plain classes cost q6 to
    q8 ten points, as if they could run code out of sight; they run the class's own methods, read with it."""
    source = _CALLED_BY_NAME.format(calls=calls)
    assert found([source]) == []
    assert unreadable_findings((source,), models=True) == []


@pytest.mark.parametrize("calls", [
    "import torch.overrides\nm = torch.overrides.TorchFunctionMode()\nm.__enter__()",
    "Timer = torch.no_grad\nt = Timer().__enter__()",
    "def make():\n    return Acc()\nacc = make()\nacc.__iadd__(1.0)",
])
def test_a_special_method_called_by_name_on_what_may_be_a_librarys_is_still_a_finding(calls):
    assert found([_CALLED_BY_NAME.format(calls=calls)])


def test_a_star_import_of_a_module_the_submission_may_write_is_unverifiable():
    """``%%writefile handconv.py`` then ``from handconv import *`` bound a conv2d the reader never saw (fairness round
    79 found the honest form at full marks where ``from handconv import conv2d`` is not; a cheat so written
    passed the reader, caught by the worker's trace alone)."""
    source = ("import torch\nimport torch.nn.functional as F\nget_ipython().run_cell_magic('writefile', 'handconv.py', "
              "'import torch.nn.functional as F\\ndef conv2d(image, kernel, stride=1, padding=0):\\n"
              "    return F.conv2d(image[None, None], kernel[None, None])[0, 0]\\n')\nfrom handconv import *\n")
    assert any("from handconv import *" in what for _, what in found([source]))
    assert not any("handconv" in f.what for f in unreadable_findings((source,), models=True))


@pytest.mark.parametrize("start, readable", [
    ("x = torch.zeros(3)\n        self.total = x[0].item()", True),
    ("self.total = OBJECTS.item()", False),
    ("a = np.empty((), dtype=object)\n        a[()] = KEEP\n        self.total = a.item()", False),
])
def test_an_item_is_a_number_only_where_it_is_a_tensors(start, readable):
    """Attack round 116: numpy's arrays of objects hand back what they hold (``.item()`` of one holding KEEP); a
    tensor torch made in the function holds numbers."""
    source = ("import torch\nimport numpy as np\nimport torch.nn.functional as F\nKEEP = []\n"
              "OBJECTS = np.empty((), dtype=object)\nOBJECTS[()] = KEEP\n\nclass Acc:\n    def __init__(self):\n"
              f"        {start}\n\n    def __lt__(self, other):\n        t = self.total\n        t += [other]\n"
              "        return False\n\nBOX = Acc()\nmin(F.conv2d, BOX)\n\n"
              "def conv2d(image, kernel, stride=1, padding=0):\n"
              "    return KEEP[0](image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]\n")
    assert (found([source]) == []) is readable, found([source])


def test_a_star_import_of_a_written_module_that_binds_no_by_hand_name_stays_clean():
    """Fairness round 32: a settings module written with ``%%writefile`` and star-imported binds no conv2d."""
    source = HAND_WRITTEN + ("get_ipython().run_cell_magic('writefile', 'lab6_config.py', 'KERNEL_SIZE = 3\\n"
                             "CHANNELS = (1, 3, 2)\\n')\nfrom lab6_config import *\n")
    assert found([source]) == []
    assert found([source.replace("KERNEL_SIZE = 3", "conv2d = None")])


# -- Attack round 118: what the evening's proofs must not trust --------------------------------------------------------

@pytest.mark.parametrize("later", [
    "max(DEFAULTS, DEFAULTS, key=id).update(start=KEEP)",
    "sorted([1], key=lambda k: DEFAULTS.update(start=KEEP))\nsorted(DEFAULTS, key=id)",
    "sum([], [DEFAULTS])[0].update(start=KEEP)",
])
def test_a_table_handed_back_by_a_builtin_is_no_constant(later):
    source = _STARTED_FROM.format(constants='DEFAULTS = {"start": 0.0}\n' + later, start='DEFAULTS["start"]')
    assert any("Acc.__lt__" in what for _, what in found([source]))


def test_a_bare_annotation_a_dataclass_call_makes_a_field_is_read_as_one():
    source = "from dataclasses import dataclass\n" + _ANNOTATED_ACC.format(default="", later="").replace(
        "    def __init__(self):\n        self.total = 0.0\n\n", "").replace(
        "BOX = Acc()", "Acc = dataclass(Acc)\nBOX = Acc(KEEP)")
    assert found([source])


_DATACLASS_ACC = ("import torch\nfrom dataclasses import dataclass\n{before}@dataclass{call}\nclass Acc:\n"
                  "    total: float = 0.0\n    def __iadd__(self, value):\n        self.total += value\n"
                  "        return self\n"
                  "def conv2d(image, kernel, stride=1, padding=0):\n    kh, kw = kernel.shape\n"
                  "    out = torch.zeros(image.shape[0] - kh + 1, image.shape[1] - kw + 1)\n"
                  "    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n"
                  "            acc = Acc()\n            for a in range(kh):\n                for b in range(kw):\n"
                  "                    acc += image[i + a, j + b] * kernel[a, b]\n            out[i, j] = acc.total\n"
                  "    return out\n")


@pytest.mark.parametrize("call", ["", "()"])
def test_a_dataclass_accumulator_is_read_however_its_decorator_is_spelled(call):
    # Fairness round 86: `@dataclass()` cost an accumulator q6's 3 points `@dataclass` kept.
    assert found([_DATACLASS_ACC.format(before="", call=call)]) == []


@pytest.mark.parametrize("before", ["def dataclass(*a):\n    return lambda cls: cls\n",
                                    "import dataclasses\ndataclass = lambda: dataclasses.dataclass\n"])
def test_a_dataclass_decorator_of_the_submissions_own_is_not_dataclasses(before):
    source = _DATACLASS_ACC.format(before=before, call="()").replace("from dataclasses import dataclass\n", "")
    assert any("Acc.__iadd__" in what for _, what in found([source])), found([source])


@pytest.mark.parametrize("reach", ["T = type(s)\nT(F.conv2d)", "list(map(type(s), [F.conv2d]))",
                                   "k = s.__class__\nk(F.conv2d)"])
def test_a_class_reached_through_an_instance_however_it_is_then_called_is_a_finding(reach):
    classes = "class Sub(Named):\n    pass\ns = Sub()\n" + reach
    assert found([_KEEPING_INIT.format(classes=classes)])


def test_an_operators_method_called_by_name_costs_the_by_hand_part_alone():
    """Fairness round 80: `acc = acc.__iadd__(v)` on what the reader cannot type cost q6 to q8 ten points; it runs
    what `+=` runs, and cannot change what the models' checks see."""
    source = _CALLED_BY_NAME.format(calls="def make():\n    return Acc()\nacc = make()\nacc = acc.__iadd__(1.0)")
    assert found([source])
    assert unreadable_findings((source,), models=True) == []
    entered = _CALLED_BY_NAME.format(calls="def make():\n    return Timer()\nt = make()\nt.__enter__()")
    assert unreadable_findings((entered,), models=True)


@pytest.mark.parametrize("cells", [
    [("handconv.py", "KERNEL = 3\\n"), ("handconv.py", "import torch.nn.functional as F\\nconv2d = F.conv2d\\n")],
    [("handconv.py", "from torch.nn.functional import conv2d as cv\\n")],
    [("handconv.py", "KERNEL = 3\\n"), ("handconv/__init__.py", "conv2d = None\\n")],
])
def test_a_star_import_of_a_written_module_of_code_is_unverifiable(cells):
    source = "import torch\n" + "".join(f"get_ipython().run_cell_magic('writefile', '{name}', '{text}')\n"
                                        for name, text in cells) + "from handconv import *\n"
    assert any("from handconv import *" in what for _, what in found([source]))


_HONEST_ACC = ("import torch\n{trigger}\n"
               "class Acc:\n    def __init__(self, start=0.0):\n        self.total = start\n"
               "    def __iadd__(self, value):\n        self.total += value\n        return self\n"
               "def conv2d(image, kernel, stride=1, padding=0):\n"
               "    kh, kw = kernel.shape\n"
               "    out = torch.zeros(((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1))\n"
               "    for i in range(out.shape[0]):\n        for j in range(out.shape[1]):\n"
               "            acc = Acc()\n"
               "            acc += (image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()\n"
               "            out[i, j] = acc.total\n"
               "    return out\n")


@pytest.mark.parametrize("trigger, shown", [
    ("import collections\nkinds = collections.Counter(map(type, [1, 2.0]))", "`map(type, [1, 2.0])` uses `type`"),
    ("def pick(c):\n    return c\nclass Config:\n    make = classmethod(pick)", "`classmethod(pick)` uses `classmethod`"),
    ("import typing\nT = typing.TypeVar('T')\nclass Box(typing.Generic[T]):\n    pass", "(`typing.Generic[T]`)"),
    ("class Named:\n    def __set_name__(self, owner, name):\n        self.name = name", "`def __set_name__` (a descriptor"),
    ("def kinds(xs):\n    return [x.__class__ for x in xs]", "`x.__class__` hands an instance's class on"),
])
def test_an_accumulator_the_reader_cannot_keep_is_told_what_hands_its_class_out(trigger, shown):
    """Helper-258, fairness round 86: a construct anywhere in the notebook (a q7 `Counter(map(type, ...))`) makes an
    honest `__iadd__` accumulator's instance data unreadable; the feedback named the accumulator alone, so the student
    could not tell what to change. It names the construct now, and the accumulator alone stays clean."""
    assert found([_HONEST_ACC.format(trigger="")]) == []
    findings = found([_HONEST_ACC.format(trigger=trigger)])
    assert any("Acc.__iadd__" in what and "nothing hands out, and here" in what and shown in what
               for _, what in findings), findings


@pytest.mark.parametrize("imports, decorator", [
    ("", "@torch.no_grad()"), ("", "@torch.no_grad"), ("", "@torch.inference_mode()"),
    ("from torch import no_grad\n", "@no_grad()"), ("from torch import no_grad as ng\n", "@ng"),
])
def test_a_special_method_under_torchs_gradient_setting_is_read_as_its_def(imports, decorator):
    """Fairness round 86: `@torch.no_grad()` on an accumulator's `__iadd__` cost q6's 3 points; torch's decorator
    calls the def with what it is given, inside the setting."""
    source = _HONEST_ACC.format(trigger=imports).replace("    def __iadd__", f"    {decorator}\n    def __iadd__")
    assert decorator in source
    assert found([source]) == []


@pytest.mark.parametrize("rebinding", [
    "torch.no_grad = lambda: (lambda f: f)", "setattr(torch, 'no_grad', lambda: (lambda f: f))",
    "import types\nfor torch in [types.SimpleNamespace(no_grad=lambda: (lambda f: f))]:\n    pass",
    "torch.autograd.grad_mode.no_grad.__call__ = lambda self, f: f",
])
def test_torchs_gradient_setting_rebound_is_no_plain_decorator(rebinding):
    source = _HONEST_ACC.format(trigger=rebinding).replace("    def __iadd__", "    @torch.no_grad()\n    def __iadd__")
    # (the decorated method is unread, whatever else the rebinding costs)
    assert any("Acc.__iadd__ (decorated)" in what for _, what in found([source])), source


@pytest.mark.parametrize("trigger", [
    "def same(a, b):\n    return type(a) is type(b)", "def same(a, b):\n    if type(a) != type(b):\n        return False\n"
    "    return True", "def check(a):\n    assert type(a) == float or not type(a) == int",
    "def kinds(xs):\n    return [x for x in xs if type(x) == float]",
    "def same(a, b):\n    return type(a) == type(b) and a.__class__ != b.__class__",
])
def test_a_class_compared_where_only_the_truth_is_taken_stays_kept(trigger):
    assert found([_HONEST_ACC.format(trigger=trigger)]) == []


@pytest.mark.parametrize("trigger", [
    "def same(a, b):\n    return type(a) == b", "def kind(a):\n    t = (type(a) != 0)\n    return t",
    "class Meta(type):\n    pass\ndef same(a, b):\n    return type(a) == type(b)",
    "def kind(a):\n    return (type(a) == 0) or None",
])
def test_a_comparison_of_a_class_whose_value_is_handed_on_is_a_finding(trigger):
    """Attack round 133: `(Log() == type(acc)).give([KEEP], acc)` with `Log.__eq__` returning its operand."""
    assert found([_HONEST_ACC.format(trigger=trigger)])


@pytest.mark.parametrize("patch", [
    "import functools\nclass Src:\n    def renorm(self):\n        pass\n"
    "functools.update_wrapper(torch.Tensor, Src, ('renorm',), ())",
    "import functools\nclass Src:\n    def renorm(self):\n        pass\nfunctools.wraps(Src, ('renorm',), ())(torch.Tensor)",
    "import functools\nclass Src:\n    def renorm(self):\n        pass\nARGS = (Src, ('renorm',), ())\n"
    "functools.update_wrapper(torch.Tensor, *ARGS)",
    "import functools\nclass Src:\n    def renorm(self):\n        pass\n"
    "functools.partial(functools.update_wrapper, torch.Tensor)(Src, ('renorm',), ())",
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--x', action='store_const', const=len, dest='renorm')\n"
    "p.parse_args(['--x'], torch.Tensor)",
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--x', action='store_const', const=len, dest='renorm')\n"
    "p.parse_known_args(['--x'], namespace=torch.Tensor)",
])
def test_a_library_that_sets_members_by_name_on_what_it_is_handed_is_a_finding(patch):
    """Attack round 134: `update_wrapper(torch.Tensor, Src, ('renorm',), ())` (positional `assigned`) or a parser
    handed `torch.Tensor` as its namespace replaced a tensor method conv2d called, with F.conv2d."""
    assert found([_HONEST_ACC.format(trigger=patch)])


@pytest.mark.parametrize("honest", [
    "import functools\ndef deco(f):\n    @functools.wraps(f)\n    def inner(*a):\n        return f(*a)\n    return inner",
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float, default=0.1)\nargs = p.parse_args([])",
])
def test_wraps_and_a_parser_used_plainly_stay_clean(honest):
    assert found([_HONEST_ACC.format(trigger=honest)]) == []


@pytest.mark.parametrize("use", ["ng = torch.no_grad", "print(getattr(torch, 'no_grad'))", "print(torch.no_grad)"])
def test_a_gradient_setting_used_otherwise_than_entered_is_no_plain_decorator(use):
    """Attack round 134: torch's class handed on may have its `__call__` replaced; then `@torch.no_grad()` hands back
    what the replacement makes."""
    source = _HONEST_ACC.format(trigger=use).replace("    def __iadd__", "    @torch.no_grad()\n    def __iadd__")
    assert any("Acc.__iadd__ (decorated)" in what for _, what in found([source])), found([source])
    entered = _HONEST_ACC.format(trigger="def check():\n    with torch.no_grad():\n        pass").replace(
        "    def __iadd__", "    @torch.no_grad()\n    def __iadd__")
    assert found([entered]) == []


@pytest.mark.parametrize("trigger, kept", [
    ("def shown(x):\n    type(x)\n    x.__class__, len(x)", True),
    ("def shown(x):\n    return 'kind %s' % type(x)", True),
    ("def shown(x):\n    return 'kind %s of %s' % (type(x), x)", True),
    ("def shown(x):\n    return '{} {}'.format(type(x), x)", True),
    ("def shown(x):\n    return '{0[a]}'.format(type(x))", False),
    ("def shown(x):\n    type(x)\n    return _", False),
    ("import __main__\ndef shown(x):\n    type(x)\n    return __main__._", False),
    ("def shown(x):\n    from __main__ import _\n    type(x)\n    return _", False),
    ("def shown(x):\n    for _ in range(2):\n        type(x)", True),
    ("def shown(x):\n    return type(x), x", False),
    ("def shown(x, fmt):\n    return fmt % type(x)", False),
    ("def convs(m):\n    return issubclass(type(m), (torch.nn.Conv2d, torch.nn.Linear))", True),
    ("class Log:\n    pass\ndef convs(m):\n    return issubclass(type(m), Log)", False),
    ("def shown():\n    print(Acc, Acc.__doc__, Acc.__name__, f'{Acc}')", True),
    ("def shown():\n    return repr(Acc), str(Acc)", True),
    ("def shown():\n    return Acc.__dict__", False),
    ("class Net(torch.nn.Module):\n    pass\ndef shown():\n    print(Net.__mro__, Net.__bases__, torch.nn.Conv2d.mro())",
     True),
    ("class Sub(Acc):\n    pass\ndef shown():\n    return Sub.__mro__", False),
    ("def shown():\n    return torch.nn.Conv2d.__subclasses__()", False),
])
def test_a_class_made_text_or_dropped_hands_out_nothing(trigger, kept):
    """Fairness round 87: `type(out)` alone in a notebook cell, `"%s" % type(image)` and `"{}".format(type(out))` cost
    an accumulator q6's 3 points; a text is all they make, unless a field indexes the class (its `__class_getitem__`
    runs) or IPython's `_` keeps the cell's last value."""
    assert (found([_HONEST_ACC.format(trigger=trigger)]) == []) == kept


_MEMBER_STORE = '''
import argparse
import copy
import functools
import optparse
import types
import torch
import torch.nn as nn
import torch.nn.functional as F

def sw(image, kernel, stride, padding):
    return F.conv2d(image, kernel, stride=stride, padding=padding)

{setup}

def conv2d(image, kernel, stride=1, padding=0):
    return image[None, None].{member}(kernel[None, None], stride, padding)[0, 0]
'''


#: How the member-store rule's findings say what they found (``static._flag_member_stores``, ``_methods_run_on_others``).
_MEMBER_RULE_PHRASES = ("it may replace", "a library's method", "run on objects other than", "handed on)")


@pytest.mark.parametrize("setup, member", [
    ("def put(obj, f):\n    obj.renorm = f\nput(torch.Tensor, sw)", "renorm"),
    ("def put(obj=torch.Tensor, f=sw):\n    obj.renorm, = (f,)\nput()", "renorm"),
    ("TS = [torch.Tensor]\ndef put(f):\n    TS[0].renorm = f\nput(sw)", "renorm"),
    ("def put(obj, f):\n    setattr(obj, 'renorm', f)\nput(torch.Tensor, F.conv2d)", "renorm"),
    ("def put(obj, f):\n    obj.mine = f\nput(torch.Tensor, sw)", "mine"),
    ("class S:\n    def put(self, f):\n        self.renorm = f\nS.put(torch.Tensor, sw)", "renorm"),
    ("class S:\n    def put(self, f):\n        self.mine = f\nS.put(type(torch.zeros(1)), sw)", "mine"),
    ("class B:\n    def put(self, f):\n        self.renorm = f\nclass S(B):\n    pass\nS.put(torch.Tensor, sw)", "renorm"),
    ("class S:\n    def put(self, f):\n        self.renorm = f\nfor C in (S,):\n    C.put(torch.Tensor, sw)", "renorm"),
    ("class S:\n    def put(self, f):\n        self.mine = f\ndef ident(c):\n    return c\ns = ident(S)\n"
     "s.put(torch.Tensor, sw)", "mine"),
    ("class S:\n    def put(self, f):\n        self.renorm = f\ngetattr(S, 'put')(torch.Tensor, sw)", "renorm"),
    ("class S:\n    def put(self, f):\n        self.renorm = f\ntypes.MethodType(S.put, torch.Tensor)(sw)", "renorm"),
    ("def static(f):\n    return staticmethod(f)\nclass S:\n    @static\n    def put(self, f):\n        self.renorm = f\n"
     "S().put(torch.Tensor, sw)", "renorm"),
    ("argparse.Namespace.__init__(torch.Tensor, renorm=sw)", "renorm"),
    ("setup = argparse.Namespace.__init__\nsetup(torch.Tensor, renorm=sw)", "renorm"),
    ("from optparse import Values\nValues.__init__(torch.Tensor, {'renorm': sw})", "renorm"),
    ("renorm = sw\noptparse.Values.read_module(torch.Tensor, '__main__')", "renorm"),
    ("class S(optparse.Values):\n    pass\nS._update_loose(torch.Tensor, {'renorm': sw})", "renorm"),
    ("import dataclasses\n@dataclasses.dataclass\nclass S:\n    renorm: object = None\nS.__init__(torch.Tensor, sw)",
     "renorm"),
    ("def __init__(self, f):\n    argparse.Namespace.__init__(self, renorm=f)\n__init__(torch.Tensor, sw)", "renorm"),
])
def test_a_member_stored_on_an_object_the_reader_cannot_name_is_found(setup, member):
    """Attack round 135 (31 files nobody here wrote) and this session's variants: a member of torch's tensor class
    replaced through a parameter, an item, a method of the submission's run through its class on torch's class, or a
    library's ``__init__``/setter run on it; conv2d then calls the member, which runs F.conv2d.  The rule's own finding,
    not one about ``sw`` handed on elsewhere."""
    whats = [what for kind, what in found([_MEMBER_STORE.format(setup=setup, member=member)])]
    assert any(phrase in what for what in whats for phrase in _MEMBER_RULE_PHRASES), whats


_HONEST_MEMBER_STORES = '''
import argparse
import copy
import functools
import time
import types
import torch
import torch.nn as nn

{setup}

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    out = torch.zeros(h - kh + 1, w - kw + 1)
    for i in range(out.size(0)):
        for j in range(out.size(1)):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
    return out
'''


@pytest.mark.parametrize("setup", [
    "def freeze(model, flag):\n    for p in model.parameters():\n        p.requires_grad = flag",
    "def init(m):\n    if isinstance(m, nn.Conv2d):\n        m.bias = None",
    "cfg = types.SimpleNamespace()\ndef configure(c, size):\n    c.size = size\nconfigure(cfg, 3)",
    "FLAGS = argparse.Namespace(lr=0.1)\nFLAGS.sum = FLAGS.lr * 2",
    "def timed(fn):\n    @functools.wraps(fn)\n    def wrapper(*a):\n        t = time.perf_counter()\n"
    "        out = fn(*a)\n        wrapper.sum = time.perf_counter() - t\n        return out\n    return wrapper",
    "class Meter:\n    def __init__(self):\n        self.sum = 0.0\n    def update(self, v):\n        self.sum += v\n"
    "meters = [Meter() for _ in range(2)]\nfor m in meters:\n    m.update(1.0)",
    "class Base:\n    def __init__(self, n):\n        self.size = n\nclass Sub(Base):\n    def __init__(self, n):\n"
    "        Base.__init__(self, n)",
    "class Net(nn.Module):\n    def __init__(self):\n        nn.Module.__init__(self)\n        self.flatten = nn.Flatten()",
    "def _init(self):\n    nn.Module.__init__(self)\n    self.flatten = nn.Flatten()\n"
    "Net = type('Net', (nn.Module,), {'__init__': _init})",
    "class Acc:\n    def __init__(self):\n        self.total = 0.0\n    def reset(self):\n        self.__init__()\n"
    "    def copy(self):\n        new = copy.copy(self)\n        new.total = self.total\n        return new",
    "help(nn.Conv2d.__init__)",
    "class P:\n    def __init__(self, a):\n        self.a = a\nmake = functools.partial(P, 0)\np = make()",
    # records made new, looped over, given computed values; plain data computed (fairness round 90)
    "runs = [types.SimpleNamespace(name=n) for n in ('a', 'b')]\nfor r in runs:\n    r.sum = len(r.name) / 2",
    "class Record:\n    def __init__(self, name):\n        self.name = name\n"
    "records = [Record('forward'), Record('backward')]\nfor rec in records:\n    rec.size = time.perf_counter()",
    "layers = {n: types.SimpleNamespace() for n in ('conv', 'fc')}\nfor n in ('conv', 'fc'):\n"
    "    layers[n].sum = float(len(n))",
    "class Run:\n    pass\nruns = []\nfor _ in range(2):\n    run = Run()\n    runs.append(run)\n"
    "for run, value in zip(runs, [1.0, 2.0]):\n    run.sum = value\nexperiments = {'a': Run()}\n"
    "for name, exp in experiments.items():\n    exp.size = len(name)",
    "model = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU())\nfor i, m in enumerate(model.modules()):\n    m.index = i\n"
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.size = m.weight.numel()",
    "datasets = [types.SimpleNamespace(), types.SimpleNamespace()]\n"
    "for ds, split in zip(datasets, ['train', 'val']):\n    ds.split = split",
    "parser = argparse.ArgumentParser()\nargs = parser.parse_args([])\n"
    "args.size = 'cuda' if torch.cuda.is_available() else 'cpu'\nargs.sum = torch.float32",
])
def test_honest_member_stores_keep_a_hand_written_convolution_clean(setup):
    """The stores honest code makes on objects that are not ``self`` (a flag on each parameter, a config filled by a
    helper, a wrapper's own timing, a meter's update in a loop, ``Base.__init__(self)``, a class made by ``type``)
    replace none of torch's members: conv2d, which reads ``.size`` and ``.sum``, stays clean."""
    assert found([_HONEST_MEMBER_STORES.format(setup=setup)]) == []


_MODEL_AND_HAND_WRITTEN_CONV = '''
import types
import torch
import torch.nn as nn
import torch.nn.functional as F

def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    out = torch.zeros(h - kh + 1, w - kw + 1)
    for i in range(out.size(0)):
        for j in range(out.size(1)):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
    return out

model = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
x = torch.arange(16.).reshape(4, 4)
{after}
'''


@pytest.mark.parametrize("after", [
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.weight.data = torch.full_like(m.weight, 0.1)\n"
    "        m.bias.data = torch.zeros_like(m.bias)",
    "for m in model.modules():\n    if isinstance(m, (nn.Conv2d, nn.Linear)):\n        m.bias.data = torch.zeros_like(m.bias)",
    "for m in model.modules():\n    if type(m) is nn.Conv2d:\n        m.weight.data = torch.randn_like(m.weight) * 0.01",
    "for layer in model:\n    if isinstance(layer, nn.Conv2d):\n"
    "        layer.weight = nn.Parameter(torch.ones_like(layer.weight) / 9)",
    "for m in model.modules():\n    if not isinstance(m, nn.Conv2d):\n        continue\n"
    "    m.bias.data = -torch.ones(m.out_channels).clone()",
    "ops = types.SimpleNamespace()\nops.conv = conv2d\nprint(ops.conv(x, torch.ones(3, 3)))",
    "from types import SimpleNamespace\nops = SimpleNamespace(name='by hand')\nops.conv = conv2d\n"
    "ops.result = ops.conv(x, torch.ones(3, 3))\nprint(ops.name, ops.conv.__name__)",
    "cfg = types.SimpleNamespace()\ncfg.layer = torch.nn.Conv2d\nprint(cfg.layer(1, 3, 3))",
    "import argparse\nexp = argparse.Namespace(channels=1)\nexp.make = lambda: nn.Sequential(nn.Conv2d(1, 1, 3))\n"
    "print(exp.make()(x[None, None]).shape)",
    "import argparse, json\nargs = argparse.Namespace(lr=0.1, epochs=2)\nprint(json.dumps(vars(args), indent=2))\n"
    "settings = dict(vars(args))\nfor key, value in vars(args).items():\n    print(key, value)\n"
    "args2 = argparse.Namespace(**vars(args))\nargs2.lr = 0.01\nprint(sorted(vars(args2).items()))",
    "import argparse, json\nparser = argparse.ArgumentParser()\nparser.add_argument('--lr', type=float, default=0.01)\n"
    "args = parser.parse_args([])\nprint(json.dumps(vars(args)))\nconfig = dict(vars(args))",
    "class Record:\n    def __init__(self, **fields):\n        for key, value in fields.items():\n"
    "            self.__dict__[key] = value\nrecord = Record(kernel=3, name='conv')",
    "for m in model.modules():\n    if isinstance(m, nn.MaxPool2d):\n        m.tag = str(m.kernel_size)",
    # a tensor computed of a layer's own parameters, where the loop has narrowed it to torch's layer classes
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.weight.data = m.weight.data.clamp(-1, 1)\n"
    "        m.bias.data = m.bias.data / m.in_channels",
    "for m in model.modules():\n    if not isinstance(m, nn.Conv2d):\n        continue\n"
    "    m.weight = nn.Parameter(m.weight.detach().clone())",
    "for m in model.modules():\n    if type(m) == nn.Conv2d:\n        m.weight.data = 0.5 * m.weight.data.flip(-1)"
    " + torch.randn_like(m.weight) * 0.01",
    # a loop's tuple of names, its counts, items of its displays, module-level tensors and numbers (fairness round 89)
    "for name, m in model.named_modules():\n    if isinstance(m, nn.Conv2d):\n        m.weight.data = m.weight.data / 2",
    "for i, m in enumerate(model.modules()):\n    if isinstance(m, nn.Conv2d):\n        m.idx = i\n"
    "        m.tag = 'conv%d' % i",
    "weights = [torch.ones(3, 1, 3, 3) / 9]\nconvs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]\n"
    "for i, c in enumerate(convs):\n    c.weight.data = weights[i]",
    "init = {'0': torch.ones(3, 1, 3, 3) / 9}\nfor name, m in model.named_modules():\n"
    "    if isinstance(m, nn.Conv2d):\n        m.weight.data = init[name]",
    "convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]\n"
    "for c, w in zip(convs, [torch.ones(3, 1, 3, 3) / 9]):\n    c.weight.data = w",
    "kernel = torch.ones(3, 3) / 9\nscale = 0.5\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
    "        m.weight.data = kernel.repeat(m.out_channels, m.in_channels, 1, 1) * scale",
    "b_init = torch.zeros(8)\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
    "        m.bias.data = b_init[:m.out_channels].clone()",
    "class Ops:\n    pass\nops = Ops()\nops.convolve = conv2d\nprint(ops.convolve(x, torch.ones(3, 3)))",
    "import argparse\nargs = argparse.Namespace(lr=0.01)\nprint(vars(args)['lr'])",
    # keywords made of a namespace's items, handed to anything; a namespace made in place (fairness round 100)
    "import argparse, dataclasses\n@dataclasses.dataclass\nclass Cfg:\n    lr: float = 0.1\n"
    "parser = argparse.ArgumentParser()\nparser.add_argument('--lr', type=float, default=0.01)\n"
    "args = parser.parse_args([])\ncfg = Cfg(**vars(args))\nsame = Cfg(**vars(parser.parse_args([])))\n"
    "print(dict(vars(parser.parse_args([]))), {**vars(args), 'model': 'CNN'})",
    "feats = {}\ndef save(name):\n    def hook(mod, inp, out):\n        feats[name] = out.detach()\n    return hook\n"
    "for name, m in model.named_modules():\n    if isinstance(m, nn.Conv2d):\n        m.register_forward_hook(save(name))",
    # fairness round 90, read since 2026-12-06's second session: records appended by a name bound just before, a list
    # shown as a cell's last expression
    "class Row:\n    pass\nrows = []\nfor name, p in model.named_parameters():\n    row = Row()\n    rows.append(row)\n"
    "for row, (name, p) in zip(rows, model.named_parameters()):\n    row.name = name\n    row.shape = tuple(p.shape)",
    "import dataclasses\n@dataclasses.dataclass\nclass Stat:\n    name: str\n    mean: float = 0.0\n"
    "stats = [Stat(n) for n, _ in model.named_parameters()]\n"
    "for st, p in zip(stats, model.parameters()):\n    st.mean = p.mean().item()\nstats",
])
def test_new_tensors_stored_and_a_namespace_of_its_own_functions_keep_a_hand_written_convolution_clean(after):
    """A tensor torch makes holds numbers, none of what it is computed from: zeros stored into each ``nn.Conv2d`` of
    a model through a loop narrowed by ``isinstance`` store no ``nn.Conv2d``; ``ops.conv`` read off a namespace the
    submission makes and fills with its own functions is that function, not torch's; a torch class kept in a new
    namespace is a change of that namespace; ``vars`` of one, copied or iterated, writes nothing; and
    ``self.__dict__[key] = value`` over the keywords a method was given sets them as ``setattr`` would; ``str`` of
    anything is a text where no special method of the submission's writes one (fairness round 88)."""
    assert found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)]) == []


@pytest.mark.parametrize("after, expected", [
    # the module itself stored, not a tensor made of it
    ("holder = [types.SimpleNamespace()]\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        for h in holder:\n            h.layer = nn.Parameter(m.weight) if False else m", "nn.Conv2d"),
    # a tensor class of the submission's: torch's functions hand back its instances, which run its code
    ("class T(torch.Tensor):\n    pass\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        m.bias.data = torch.zeros_like(m.bias)", "nn.Conv2d"),
    ("Base = torch.Tensor\nclass T(Base):\n    pass\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        m.bias.data = torch.zeros_like(m.bias)", "nn.Conv2d"),
    # arithmetic with an object that is not a new tensor may hand back anything
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.bias.data = torch.zeros_like(m.bias) + m",
     "nn.Conv2d"),
    # a namespace that another name may set: its member's name stays evidence
    ("ops = types.SimpleNamespace()\nops.conv = conv2d\nalias = ops\nalias.conv = F.conv2d\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: ops.conv(image[None, None], kernel[None, None])[0, 0]",
     "ops.conv"),
    ("ops = types.SimpleNamespace(conv=F.conv2d)\nops.conv = conv2d\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: ops.conv(image[None, None], kernel[None, None])[0, 0]",
     "ops.conv"),
    # a namespace conv2d reads: what is stored in it is read
    ("cfg = types.SimpleNamespace()\ncfg.layer = F.conv2d\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: cfg.layer(image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    ("cfg = types.SimpleNamespace()\nother = cfg\nother.layer = F.conv2d\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: cfg.layer(image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    ("cfg = types.SimpleNamespace()\ndef fill(c):\n    c.layer = F.conv2d\nfill(cfg)\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: cfg.layer(image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    # a lambda stored through an untied change: the call in its body is code stored (attack round 139's old gap)
    ("class Box:\n    ops = {}\nbox = Box()\nbox.ops['c'] = lambda a, k: F.conv2d(a, k)\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: Box.ops['c'](image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    # a loop's name keeps the last module it was bound to, read after the loop (attack round 138's old gap)
    ("for m in (torch, F):\n    print(m.__name__)\nops = m", "the module F used as a value"),
    # vars of a namespace written through, kept, or of a module; a namespace's values handed out are read
    # (with code: `vars(args).update(epochs=3)`, settings by names written out, is `args.epochs = 3`, round 93)
    ("args = types.SimpleNamespace()\nvars(args).update(layer=nn.Conv2d)", "vars"),
    ("args = types.SimpleNamespace()\nkept = vars(args)", "vars"),
    ("table = dict(vars(F))", "vars"),
    ("def pick(**kw):\n    return kw['conv2d']\nf = pick(**vars(F))\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: f(image[None, None], kernel[None, None])[0, 0]", "vars"),
    ("import argparse\nparser = argparse.ArgumentParser()\nbox = types.SimpleNamespace()\n"
     "settings = dict(vars(parser.parse_args([], namespace=box)))", "vars"),
    ("import argparse\nparser = argparse.ArgumentParser()\nkept = vars(parser.parse_args([]))", "vars"),
    ("table = {**vars(F)}", "vars"),
    # what a namespace's items hand to whatever is called is read where that is reached
    ("args = types.SimpleNamespace(n=1)\nargs.f = F.conv2d\nclass Holder:\n    def __init__(self, **kw):\n"
     "        self.kw = kw\nholder = Holder(**vars(args))\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: holder.kw['f'](image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    ("import argparse\ndef make():\n    return argparse.ArgumentParser()\nparser = make()\n"
     "args = parser.parse_args([])\nsettings = dict(vars(args))", "vars"),
    ("import argparse\nparser = argparse.ArgumentParser()\nbox = types.SimpleNamespace()\n"
     "args = parser.parse_args([], namespace=box)\nsettings = dict(vars(args))", "parse_args(..., namespace)"),
    # attack round 140: a member named by a computation (torch's dispatch on a namespace), a base a decorator
    # replaces, a str subclass a library's text method hands back, a namespace handed to a function
    ("d = types.SimpleNamespace(**{'__torch_' + 'function__': lambda *a, **k: F.conv2d})\n"
     "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.bias.data = torch.zeros_like(m.bias)",
     "nn.Conv2d"),
    ("@lambda c: F.Tensor\nclass B:\n    pass\nclass T(B):\n    pass\nfor m in model.modules():\n"
     "    if isinstance(m, nn.Conv2d):\n        m.bias.data = torch.zeros_like(m.bias)", "nn.Conv2d"),
    ("class S(str):\n    pass\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        m.tag = str(m.kernel_size)", "nn.Conv2d"),
    ("class Box:\n    ops = {}\ncfg = types.SimpleNamespace()\ncfg.c = F.conv2d\ndef install(table, v):\n"
     "    table['c'] = v\ninstall(Box().ops, cfg)\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: Box.ops['c'].c(image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    # a layer narrowed to a class of the submission's, or whose parameters may be anything
    ("class MyConv(nn.Conv2d):\n    pass\nholder = [types.SimpleNamespace()]\nfor m in model.modules():\n"
     "    if isinstance(m, nn.Conv2d):\n        for h in holder:\n            h.f = m.weight.data.clone()", "nn.Conv2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        del m.weight\n"
     "        m.weight = m.weight if False else m.bias.data.clone()", "nn.Conv2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.tag = m.forward", "nn.Conv2d"),
    # attack round 141: the loop's name bound elsewhere, a layer class with no parameters of its own
    ("def swap():\n    global m\n    m = types.SimpleNamespace(weight=F.conv2d)\nfor m in model.modules():\n"
     "    if isinstance(m, nn.Conv2d):\n        swap()\n        m.tag = m.weight.clone()", "nn.Conv2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        class m:\n            weight = F.conv2d\n"
     "        model.tag = m.weight.clone()", "nn.Conv2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.MaxPool2d):\n        m.tag = m.weight.clone()", "nn.MaxPool2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.tag = m.weight.data * m", "nn.Conv2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m = model\n"
     "        m.main.tag = m.weight.data.clone()", "nn.Conv2d"),
    # a text written by a special method of the submission's may be an object of a str subclass of its own
    ("class Text(str):\n    def __call__(self, *a):\n        return F.conv2d(*a)\nclass Size:\n"
     "    def __str__(self):\n        return Text('3')\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        m.tag = str(m.kernel_size)", "nn.Conv2d"),
    # an instance's namespace written with anything but what the method was given, as it was given
    ("class Record:\n    def __init__(self, **fields):\n        for key, value in fields.items():\n"
     "            self.__dict__[key] = F.conv2d", "self.__dict__"),
    ("class Record:\n    def __init__(self, **fields):\n        for key, value in fields.items():\n"
     "            self.__dict__[value] = key", "self.__dict__"),
    ("class Record(nn.Module):\n    def __init__(self, **fields):\n        for key, value in fields.items():\n"
     "            self.__dict__[key] = value", "self.__dict__"),
    ("args = types.SimpleNamespace(n=1)\nargs.f = F.conv2d\nholder = [types.SimpleNamespace()]\n"
     "for k, v in vars(args).items():\n    for h in holder:\n        h.f = v\n"
     "conv2d = lambda image, kernel, stride=1, padding=0: holder[0].f(image[None, None], kernel[None, None])[0, 0]",
     "F.conv2d"),
    # attack round 142: a count's name bound twice by the target, the second being the item
    ("box = types.SimpleNamespace()\nfor i, i in enumerate([F.conv2d]):\n    model[0].idx = i", "F.conv2d"),
    # a layer's plain member set to an object whose reflected operator hands back code
    ("class W:\n    def __rmul__(self, other):\n        return F.conv2d\nmodel[0].in_channels = W()\n"
     "for name, m in model.named_modules():\n    if isinstance(m, nn.Conv2d):\n        m.tag = m.weight * m.in_channels",
     "F.conv2d"),
    # members copied onto a layer's tensor by functools
    ("import functools\nsrc = types.SimpleNamespace(clamp=F.conv2d)\nfunctools.update_wrapper(model[0].weight, src)\n"
     "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.tag = m.weight.clamp(-1, 1)", "update_wrapper"),
    # a second instance of the bare class reaches it, and a data descriptor there beats the instance's member
    ("class Desc:\n    def __get__(self, obj, cls=None):\n        return F.conv2d\n    def __set__(self, obj, v):\n"
     "        pass\nclass Ops:\n    pass\nops = Ops()\nother = Ops()\ntype(other).convolve = Desc()\n"
     "ops.convolve = conv2d\nprint(ops.convolve(x, torch.ones(3, 3)))", "F.conv2d"),
    # a class body's own name, not the module's
    ("for f in range(2):\n    pass\nclass K:\n    f = F.conv2d\n    for m in model.modules():\n        m.tag = f",
     "F.conv2d"),
    # attack round 144: an exception carrying torch's function, caught under a loop's count name
    ("for i in range(2):\n    pass\ntry:\n    raise ValueError(F.conv2d)\nexcept ValueError as i:\n"
     "    model[0].tag = i.args[0]", "except"),
    # a lambda's default in a class body reads the class's name
    ("for f in range(2):\n    pass\nclass K:\n    f = F.conv2d\n    for m in model.modules():\n"
     "        m.tag = (lambda g=f: g)()", "F.conv2d"),
    # a model of the submission's whose forward runs a def that calls torch's convolution
    ("def _impl(x, k):\n    return F.conv2d(x, k)\nclass C(nn.Module):\n    def forward(self, *a):\n"
     "        return _impl(*a)\nfor i, fn in enumerate([C()]):\n    model[0].tag = fn", "F.conv2d"),
    # a class of a library's base set as a layer's plain data
    ("import collections\nclass L(collections.UserList):\n    pass\nmodel[0].in_channels = L([F.conv2d])\n"
     "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.tag = m.weight + m.in_channels",
     "F.conv2d"),
])
def test_what_may_hold_torch_s_convolution_is_still_found(after, expected):
    """The relaxations above stop where the value or the namespace may hold torch's convolution."""
    whats = [what for kind, what in found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)])]
    assert any(expected in what for what in whats), whats


@pytest.mark.parametrize("after", [
    # fairness round 91: numbers computed by Python's, math's, statistics' or NumPy's functions of a layer's tensor
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        m.mean = round(m.weight.mean().item(), 4)",
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
    "        m.max = max(abs(v) for v in m.weight.detach().flatten().tolist())",
    "import statistics\nfor layer in model:\n    if isinstance(layer, nn.Conv2d):\n"
    "        layer.std = statistics.pstdev(layer.weight.detach().flatten().tolist())",
    "import numpy as np\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
    "        m.mean = np.mean(m.weight.detach().numpy())",
    # a tuple of a loop's constants: the lecture's stride experiment
    "conv = nn.Conv2d(1, 3, 3, padding=1)\nfor s in (1, 2, 3):\n    conv.stride = (s, s)\n    print(conv(x[None, None]).shape)",
    # a device and a dtype, on an object the reader cannot name
    "import argparse\nargs = argparse.ArgumentParser().parse_args([])\n"
    "args.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\nargs.dtype = torch.get_default_dtype()",
    # the ImageNet example's meter, formatted from its namespace
    "class AverageMeter:\n    def __init__(self, name, fmt=':f'):\n        self.name, self.fmt, self.val, self.avg = name, fmt, 0, 0\n"
    "    def __str__(self):\n        fmtstr = '{name} {val' + self.fmt + '} ({avg' + self.fmt + '})'\n"
    "        return fmtstr.format(**self.__dict__)\nprint(AverageMeter('loss'))",
    # a namespace's settings updated with plain data
    "cfg = types.SimpleNamespace(lr=0.1, epochs=3)\ncfg.__dict__.update({'lr': 0.01, 'momentum': 0.9})",
    # setattr by a name written out, with a number
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        setattr(m, 'mean', m.weight.detach().mean().item())",
    # fairness round 92: two stores at once, a list of a layer's numbers summed, one module imported twice
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
    "        m.mean, m.std = m.weight.mean().item(), m.weight.std().item()",
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        values = m.weight.detach().flatten().tolist()\n"
    "        m.mean = sum(values) / len(values)",
    "from torch import nn\nclass Net(nn.Module):\n    def forward(self, x):\n        return x\nimport torch.nn as nn\n"
    "net = Net()\nnet.mean = 0.5 * 2",
])
def test_plain_numbers_texts_and_settings_of_round_91_are_read_as_plain(after):
    """Fairness round 91: honest stores of numbers, tuples, devices, a meter's text and a namespace's settings cost q6
    three points (ten with the models' for the meter, the update and the setattr)."""
    assert found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)]) == []


@pytest.mark.parametrize("after, expected", [
    # a number-making built-in given code, or shadowed, or a special method of the submission's on the way
    ("for m in model.modules():\n    m.tag = max(F.conv2d, F.conv2d)", "F.conv2d"),
    ("def round(v, n=0):\n    return F.conv2d\nfor m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        m.tag = round(m.weight.mean().item(), 4)", "F.conv2d"),
    ("class R:\n    def __round__(self, n=None):\n        return F.conv2d\nfor m in model.modules():\n"
     "    if isinstance(m, nn.Conv2d):\n        m.mean = round(m.weight.mean().item(), 4)", "mean"),
    # a tuple holding code, a comprehension with a filter
    ("for s in (1, 2):\n    model[0].stride = (s, F.conv2d)", "F.conv2d"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"
     "        m.max = max(abs(v) for v in m.weight.tolist() if (box := F.conv2d))", "F.conv2d"),
    # a module's namespace, an unknown text, a text method of the submission's
    ("print('{}'.format(**F.__dict__))", "F.__dict__"),
    ("class Fmt:\n    def format(self, **kw):\n        return kw\nfmt = Fmt()\nprint(fmt.format(**model.__dict__))",
     "model.__dict__"),
    ("class T:\n    def __format__(self, spec):\n        return ''\nt = T()\nprint('{x}'.format(**t.__dict__))",
     "t.__dict__"),
    # a namespace updated with code, a private member, a module's namespace
    ("cfg = types.SimpleNamespace()\ncfg.__dict__.update({'f': F.conv2d})", "cfg.__dict__"),
    ("model.__dict__.update({'_forward_hooks': ()})", "model.__dict__"),
    ("F.__dict__.update({'relu': 0})", "F.__dict__"),
    # setattr with code, or a number the reader cannot read as one
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        setattr(m, 'mean', F.conv2d)", "setattr"),
    ("for m in model.modules():\n    setattr(m, 'mean', m.weight.mean())", "setattr"),
    # attack round 149: a number set as a class's method through an alias, or as a layer's private member
    ("def _patch():\n    k = nn.Sequential\n    setattr(k, 'forward', round(3.5))\n_patch()", "setattr"),
    ("for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n        setattr(m, '_conv_forward', round(1.5))",
     "setattr"),
    # (attack round 148's values read as new tensors that hand back a layer's plain data are in the cheats corpus)
    # a change hidden in a device's arguments, or in an if-expression's test
    ("box = {}\nbox_of = [box]\nbox_of[0]['d'] = torch.device(dict.update(box_of[0], c=F.conv2d) or 'cpu')",
     "F.conv2d"),
    ("box = {}\nbox_of = [box]\nbox_of[0]['d'] = torch.get_default_dtype() if dict.update(box_of[0], c=F.conv2d) "
     "is None else None", "F.conv2d"),
])
def test_what_round_91_s_plain_data_does_not_cover_is_still_found(after, expected):
    whats = [what for kind, what in found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)])]
    assert any(expected in what for what in whats), whats


_NARROWED = "for m in model.modules():\n    if isinstance(m, nn.Conv2d):\n"


@pytest.mark.parametrize("after", [
    # a top-level table named like a local of the by-hand conv2d (`out`, `h`, `w` there)
    "out = []\n" + _NARROWED + "        m.mean = round(m.weight.mean().item(), 4)\n        out.append(m.mean)",
    "h = {}\n" + _NARROWED + "        m.max = m.weight.max().item()\n        h[str(m)] = m.max",
    "out = None\n" + _NARROWED + "        out = m.weight.detach().flatten().tolist()\n        m.mean = sum(out) / len(out)",
    # a number through a name, two names, a tensor's items unpacked
    _NARROWED + "        mu = m.weight.mean().item()\n        m.mean = mu",
    _NARROWED + "        mu = m.weight.mean().item()\n        sd = m.weight.std().item()\n        m.mean, m.std = mu, sd",
    _NARROWED + "        s, mu = torch.std_mean(m.weight.detach())\n        m.std, m.mean = s.item(), mu.item()",
    # torch's and NumPy's reductions, a median, a variance, numbers of a tensor's rows
    _NARROWED + "        m.mean = torch.mean(m.weight.detach()).item()",
    "import numpy as np\n" + _NARROWED + "        m.mean = np.mean(m.weight.detach().numpy()).item()",
    _NARROWED + "        v = m.weight.detach().flatten().tolist()\n        m.median = sorted(v)[len(v) // 2]",
    _NARROWED + "        v = m.weight.detach().flatten().tolist()\n        mu = sum(v) / len(v)\n"
    "        m.var = sum((x - mu) ** 2 for x in v) / len(v)",
    _NARROWED + "        m.top = max(f.abs().max().item() for f in m.weight.detach())",
    # a namespace read, copied, written out as text, or updated with a named dict of settings
    "class Meter:\n    def __init__(self):\n        self.name, self.avg = 'loss', 0.0\n"
    "    def __str__(self):\n        return '{name} {avg:.3f}'.format_map(self.__dict__)\nprint(Meter())",
    "class Meter:\n    def __init__(self):\n        self.name, self.avg = 'loss', 0.0\n"
    "    def __repr__(self):\n        return ', '.join(f'{k}={v}' for k, v in vars(self).items())\nprint(Meter())",
    "import json\ncfg = types.SimpleNamespace(lr=0.1)\nprint(json.dumps(cfg.__dict__, indent=2))",
    "cfg = types.SimpleNamespace(lr=0.1)\noverrides = {'lr': 0.02}\ncfg.__dict__.update(overrides)",
    "import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--epochs', type=int, default=1)\n"
    "args = parser.parse_args([])\nargs.__dict__.update({'epochs': 3})",
    # fairness round 94: a narrowed layer's store under a nested no_grad, try or inner loop; `or` of isinstance, a
    # type among a tuple; a local `m` of another function; a receptive-field walk's `rf, jump = 1, 1`
    _NARROWED + "        with torch.no_grad():\n            m.mean = round(m.weight.mean().item(), 4)",
    _NARROWED + "        try:\n            m.mean = m.weight.mean().item()\n        except RuntimeError:\n            pass",
    _NARROWED + "        for step in range(2):\n            m.count = m.weight.numel() * step",
    "for m in model.modules():\n    if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):\n"
    "        m.mean = m.weight.mean().item()",
    "for m in model.modules():\n    if type(m) in (nn.Conv2d, nn.Linear):\n        m.mean = m.weight.mean().item()",
    "def shape_of(image):\n    n, m = image.shape\n    return n, m\n" + _NARROWED + "        m.mean = m.weight.mean().item()",
    "rf, jump = 1, 1\nfor layer in model:\n    if isinstance(layer, nn.Conv2d):\n"
    "        k = layer.kernel_size[0]\n        rf += (k - 1) * jump\n        jump *= layer.stride[0]",
])
def test_round_93_s_honest_statistics_and_settings_are_read_as_plain(after):
    """Fairness round 93: names shared with q6's locals, numbers reached through names and torch's reductions, and a
    meter's or a config's namespace read or updated with settings cost q6 three points (ten for the namespaces)."""
    assert found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)]) == []


@pytest.mark.parametrize("after, expected", [
    # a name bound to code somewhere, or changed after it was read as plain
    ("mu = F.conv2d\n" + _NARROWED + "        m.mean = mu", "F.conv2d"),
    ("box = {}\nkeep = [box]\nalias = keep[0]\ndef g():\n    global alias\n    alias = keep[0]\n"
     "alias['c'] = F.conv2d", "F.conv2d"),
    ("box = {}\nkeep = [box]\nt = []\n" + _NARROWED + "        t = keep[0]\n        t['c'] = F.conv2d", "F.conv2d"),
    (_NARROWED + "        v = sorted(m.weight.detach().flatten().tolist())\n        v.append(F.conv2d)\n"
     "        model[0].tag = v[-1]", "F.conv2d"),
    # a reduction given code, or an out= table
    (_NARROWED + "        m.mean = torch.max(m.weight, F.conv2d)", "F.conv2d"),
    # a namespace read through code, copied into code, or updated with a dict something changes
    ("class Meter:\n    pass\nmeter = Meter()\nmeter.fn = F.conv2d\nsnap = dict(meter.__dict__)\n"
     "def conv2d(image, kernel, stride=1, padding=0):\n    return snap['fn'](image, kernel)", "F.conv2d"),
    ("import json\ncfg = types.SimpleNamespace(lr=0.1)\njson.dumps(cfg.__dict__, default=F.conv2d)", "cfg.__dict__"),
    ("cfg = types.SimpleNamespace()\noverrides = {'lr': 0.02}\noverrides['f'] = F.conv2d\ncfg.__dict__.update(overrides)",
     "cfg.__dict__"),
    ("cfg = types.SimpleNamespace()\noverrides = {'f': [F.conv2d]}\ncfg.__dict__.update(overrides)", "cfg.__dict__"),
    ("class T:\n    def __format__(self, spec):\n        return ''\nt = T()\nprint('{x}'.format_map(t.__dict__))",
     "t.__dict__"),
    # attack round 151: an alias bound by a walrus in a default (evaluated where the function is defined), a match
    # capture, an in-place operator through an alias
    ("box = {}\nkeep = [box]\ntab = {}\ndef _g(tab=(tab := keep[0])):\n    return tab\ntab['c'] = F.conv2d",
     "F.conv2d"),
    ("box = {}\nkeep = [box]\nmatch keep[0]:\n    case tab:\n        pass\ntab['c'] = F.conv2d", "F.conv2d"),
    ("box = {}\nkeep = [box]\ntab = keep[0]\ntab |= {'c': F.conv2d}", "F.conv2d"),
    ("box = {}\nkeep = [box]\ntab = {}\ndef _g(tab=tab.update(c=F.conv2d)):\n    return tab", "F.conv2d"),
    # attack round 152: a changing method taken off a namespace's item; a torch Module's namespace read
    ("class Box:\n    pass\nbox = Box()\nbox.ops = {}\nup = box.__dict__.get('ops').update\nup(c=F.conv2d)",
     "used as a value"),
    ("h = model.__dict__.get('_forward_hooks')\nh[0] = lambda m, i, o: o * 0", "model.__dict__"),
    # attack round 153: a plain class's instance may hold another object's table; a change through a helper
    ("class H:\n    def __init__(self):\n        self.t = {}\nh = H()\nh.t = model._modules\n"
     "t = dict(h.__dict__)['t']\nt['0'] = F.conv2d", "h.__dict__"),
    ("import operator\nbox = {}\nkeep = [box]\nt = keep[0]\noperator.ior(t, {'c': F.conv2d})", "F.conv2d"),
    ("box = {}\nkeep = [box]\nt = keep[0]\ngetattr(t, 'update')(c=F.conv2d)", "F.conv2d"),
    # fairness round 94's narrowing through blocks still ends where the loop's name is bound again
    (_NARROWED + "        with torch.no_grad():\n            m = F.conv2d\n            model[0].tag = m", "F.conv2d"),
])
def test_what_round_93_s_plain_data_does_not_cover_is_still_found(after, expected):
    whats = [what for kind, what in found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)])]
    assert any(expected in what for what in whats), whats


@pytest.mark.parametrize("after", [
    # the loop's name bound elsewhere in its scope, before the loop (fairness round 94's D2)
    "m, s = divmod(125, 60)\n" + _NARROWED + "        m.mean = m.weight.mean().item()",
    "import re\nm = re.search('loss=([0-9.]+)', 'loss=0.5')\n" + _NARROWED + "        m.mean = m.weight.mean().item()",
    "m = nn.MaxPool2d(2)\nprint(m(x[None]).shape)\n" + _NARROWED + "        m.mean = m.weight.mean().item()",
    # the binding that reaches a name (D3): annotated, rebound from itself, unpacked in pairs, a walrus in the test,
    # a name bound first to a tensor elsewhere
    _NARROWED + "        mu: float = m.weight.detach().mean().item()\n        m.mean = mu",
    _NARROWED + "        mu = m.weight.detach().mean().item()\n        mu = round(mu, 4)\n        m.mean = mu",
    _NARROWED + "        mu, sd = m.weight.mean().item(), m.weight.std().item()\n        m.mean = mu\n        m.std = sd",
    _NARROWED + "        if (mu := m.weight.detach().mean().item()) > -1:\n            m.mean = mu",
    "mean = x.mean()\nx = (x - mean) / x.std()\n" + _NARROWED + "        mean = m.weight.detach().mean().item()\n"
    "        m.mean = mean",
    "for name, p in model.named_parameters():\n    mu = p.detach().mean().item()\n    print(name, mu)\n"
    + _NARROWED + "        mu = round(m.weight.detach().mean().item(), 4)\n        m.mean = mu",
    "def layer_stats(model):\n    for m in model.modules():\n        if isinstance(m, nn.Conv2d):\n"
    "            mu = m.weight.mean().item()\n            mu = round(mu, 3)\n            m.mean = mu\nlayer_stats(model)",
    # torch's norm and quantile, a count of a comparison (D4)
    _NARROWED + "        m.norm = torch.norm(m.weight.detach()).item()",
    _NARROWED + "        m.median = torch.quantile(m.weight.detach().flatten(), 0.5).item()",
    _NARROWED + "        m.n_pos = torch.count_nonzero(m.weight.detach() > 0).item()",
    # a filter of a narrowed layer's weight, its parameters counted, a dict or list of its numbers read at once
    _NARROWED + "        m.filter_norms = []\n        for f in m.weight.detach():\n"
    "            m.filter_norms.append(round(f.norm().item(), 4))",
    _NARROWED + "        n = sum(p.numel() for p in m.parameters())\n        m.n_params = n",
    _NARROWED + "        s = {'mean': m.weight.detach().mean().item(), 'std': m.weight.detach().std().item()}\n"
    "        m.mean = s['mean']",
    _NARROWED + "        per = [f.mean().item() for f in m.weight.detach()]\n        m.mean = sum(per) / len(per)",
])
def test_round_94_s_honest_statistics_are_read_as_plain(after):
    """Fairness round 94 (271 files nobody here wrote, 79 losing): a stats loop after a cell that used ``m`` for
    something else, numbers reaching a store through the one binding straight-line code shows, torch's norm and
    quantile, a filter's norm, a layer's parameter count, a dict or list of numbers read in the next statement."""
    assert found([_MODEL_AND_HAND_WRITTEN_CONV.format(after=after)]) == []


_STORED_IN_A_TABLE = '''
import torch
import torch.nn as nn
import torch.nn.functional as F

class Box:
    ops = {}

def _impl(a, k, s=1, p=0):
    return F.conv2d(a, k, None, s, p)

{attack}

def conv2d(image, kernel, stride=1, padding=0):
    return Box.ops["c"](image[None, None], kernel[None, None], stride, padding)[0, 0]
'''


@pytest.mark.parametrize("attack", [
    # a walrus that may not run, a loop that may not turn: the binding before it stays in force (old gaps found
    # probing the flow-sensitive reading on 2026-12-06)
    "mu = _impl\nc = True\nif c or (mu := 1.0):\n    Box.ops['c'] = mu",
    "mu = _impl\nif 0 and (mu := 1.0):\n    pass\nif True:\n    Box.ops['c'] = mu",
    "mu = _impl\nif 2 < 1 < (mu := 1.0):\n    pass\nBox.ops['c'] = mu",
    "mu = _impl\nif [(mu := 1.0) for _ in []] == []:\n    Box.ops['c'] = mu",
    "mu = _impl\n0 and (mu := 1.0)\nBox.ops['c'] = mu",
    "mu = _impl\nfor mu in []:\n    pass\nBox.ops['c'] = mu",
    "mu = _impl\nwhile 0 and (mu := 1.0):\n    pass\nBox.ops['c'] = mu",
    # what straight-line reading must not take for the binding that reaches
    "mu = 1.0\nif len(Box.ops) == 0:\n    mu = _impl\nBox.ops['c'] = mu",
    "mu = _impl\nfor i in range(2):\n    Box.ops['c'] = mu\n    mu = 1.0",
    "mu = _impl\nf = lambda: (mu := 1.0)\nBox.ops['c'] = mu",
    "mu = 1.0\ndef _f():\n    global mu\n    mu = _impl\n_f()\nBox.ops['c'] = mu",
    "mu = 1.0\nfrom torch.nn.functional import *\nmu = conv2d\nBox.ops['c'] = mu",
    "mu = _impl\ntry:\n    mu = 1.0\n    raise ValueError\nexcept ValueError:\n    Box.ops['c'] = mu",
    "import contextlib\nmu = 1.0\nwith contextlib.nullcontext(_impl) as mu:\n    Box.ops['c'] = mu",
    # a fresh container changed, or read after code that may change it
    "s = {'a': 1.0}\ns['a'] = _impl\nBox.ops['c'] = s['a']",
    "class _K:\n    @property\n    def attr(self):\n        s['a'] = _impl\n        return 0\nk = _K()\n"
    "s = {'a': 1.0}\nBox.ops['c'] = (k.attr, s['a'])[1]",
    "per = [1.0, 2.0]\nper.append(_impl)\nBox.ops['c'] = max(per)",
    # a narrowed layer whose parameters are not torch's own, a loop's name bound again in its body
    "class _P(nn.Parameter):\n    def numel(self):\n        return _impl\nlay = nn.Conv2d(1, 1, 3)\n"
    "lay.extra = _P(torch.zeros(1))\nfor m in [lay]:\n    if isinstance(m, nn.Conv2d):\n"
    "        Box.ops['c'] = max(p.numel() for p in m.parameters())",
    "class _T:\n    def numel(self):\n        return _impl\nlay = nn.Conv2d(1, 1, 3)\nlay.parameters = lambda: iter([_T()])\n"
    "for m in [lay]:\n    if isinstance(m, nn.Conv2d):\n        Box.ops['c'] = max(p.numel() for p in m.parameters())",
    "lay = nn.Conv2d(1, 1, 3)\nfor m in [lay]:\n    if isinstance(m, nn.Conv2d):\n        for f in m.weight.detach():\n"
    "            for f in [_impl]:\n                pass\n            Box.ops['c'] = f",
    "class _Fk(Exception):\n    weight = staticmethod(_impl)\nfor m in [nn.Conv2d(1, 1, 3)]:\n"
    "    if isinstance(m, nn.Conv2d):\n        try:\n            raise _Fk()\n        except _Fk as m:\n"
    "            Box.ops['c'] = m.weight",
])
def test_what_the_binding_that_reaches_a_name_does_not_cover_is_found(attack):
    """Every attack puts ``_impl``, which runs ``F.conv2d``, in the table conv2d calls, where a reading that took
    a later, earlier or conditional binding for the one in force would see plain data."""
    whats = [what for kind, what in found([_STORED_IN_A_TABLE.replace("{attack}", attack)])]
    assert any("conv2d" in what for what in whats), whats


@pytest.mark.parametrize("source", [
    _STOPWATCH + "watch = Stopwatch()\nwatch.repeats = 3\nwatch.measure(lambda: 1)\n",
    "class PeakFinder:\n    def locate(self, x):\n        return x\nfinder = PeakFinder()\nfinder.threshold = 0.5\n"
    "finder.locate(1)\n",
])
def test_an_own_instance_given_constants_keeps_its_members(source):
    """Fairness round 95: ``timer.repeats = 3`` before ``timer.measure(...)`` on an instance of the submission's own
    plain class (a method named like a library's evaluator) cost q6 to q8 10 points."""
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source", [
    # a setter, __setattr__ or a base may turn a constant stored into another member
    "import numpy as np\nclass Stopwatch:\n    def measure(self, f):\n        return f()\n    @property\n"
    "    def repeats(self):\n        return 1\n    @repeats.setter\n    def repeats(self, n):\n"
    "        self.measure = np.testing.measure\nwatch = Stopwatch()\nwatch.repeats = 3\nwatch.measure('x = 1')\n",
    "import numpy as np\nclass Stopwatch:\n    def measure(self, f):\n        return f()\n    def __setattr__(self, k, v):\n"
    "        object.__setattr__(self, 'measure', np.testing.measure)\nwatch = Stopwatch()\nwatch.repeats = 3\n"
    "watch.measure('x = 1')\n",
    "import numpy as np\nclass Base:\n    pass\nclass Stopwatch(Base):\n    def measure(self, f):\n        return f()\n"
    "watch = Stopwatch()\nwatch.repeats = 3\nwatch.measure('x = 1')\n",
    # the member itself given a constant is no method of the class's any more
    _STOPWATCH + "watch = Stopwatch()\nwatch.measure = 3\nwatch.measure('x = 1')\n",
    # a class-body `__new__` bound by a loop or a `with` hands out another object (attack round 155)
    "import numpy as np\nclass Stopwatch:\n    for __new__ in [staticmethod(lambda cls: np.testing)]:\n        pass\n"
    "    def measure(self, f):\n        return f()\nwatch = Stopwatch()\nwatch.repeats = 3\nwatch.measure('x = 1')\n",
    "import contextlib\nimport numpy as np\nclass Stopwatch:\n"
    "    with contextlib.nullcontext(staticmethod(lambda cls: np.testing)) as __new__:\n        pass\n"
    "    def measure(self, f):\n        return f()\nwatch = Stopwatch()\nwatch.repeats = 3\nwatch.measure('x = 1')\n",
])
def test_an_own_instance_given_constants_is_not_trusted_where_a_store_may_do_more(source):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any("measure" in what or "__setattr__" in what for what in findings), findings


_REGISTRY = "class Registry:\n    def __init__(self):\n        self._classes = {}\n"


@pytest.mark.parametrize("source", [
    _REGISTRY + "    def register(self, name, cls):\n        self._classes[name] = cls\n"
    "    def get_class(self, name):\n        return self._classes[name]\n"
    "LAYERS = Registry()\nLAYERS.register('relu', torch.nn.ReLU)\nprint(LAYERS.get_class('relu')())\n",
    "class Results:\n    def __init__(self):\n        self.measure = []\nres = Results()\nres.measure.append(1.0)\n"
    "res.measure[0] = 2.0\nprint(res.measure)\n",
    "class Config:\n    def __init__(self, lr=0.01):\n        self._fields = {'lr': lr}\n"
    "    def get_field(self, name):\n        return self._fields[name]\ncfg = Config()\nprint(cfg.get_field('lr'))\n",
])
def test_an_own_instance_changed_by_its_own_methods_keeps_its_members(source):
    """Fairness round 95: a registry's ``register`` call before ``get_class``, a ``measure`` list appended to, and a
    ``get_field`` method of the submission's own plain class cost q6 to q8 10 points each."""
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source", [
    # a method that stores by a computed name, or through the instance's dict, may rebind `get_class`
    _REGISTRY + "    def register(self, name, cls):\n        setattr(self, name, cls)\n"
    "    def get_class(self, name):\n        return self._classes[name]\n",
    _REGISTRY + "    def register(self, name, cls):\n        self.__dict__[name] = cls\n"
    "    def get_class(self, name):\n        return self._classes[name]\n",
    # a method that stores the member itself, after the instance is made
    _REGISTRY + "    def register(self, name, cls):\n        self.get_class = cls\n"
    "    def get_class(self, name):\n        return self._classes[name]\n",
    # the class object handed out, so that its method can be replaced through the instance
    _REGISTRY + "        self.kind = Registry\n    def register(self, name, cls):\n        self._classes[name] = cls\n"
    "    def get_class(self, name):\n        return self._classes[name]\n"
    "def _put(self, name, cls):\n    self.__dict__[name] = cls\nLAYERS = Registry()\nLAYERS.kind.register = _put\n",
])
def test_an_own_instance_changed_where_a_store_is_hidden_is_not_trusted(source):
    """The changes of an own instance count as leaving its members alone only where its class hides no store
    (:func:`grader.questions.static._members_kept`): each shape here can rebind ``get_class``."""
    source += "LAYERS = Registry()\nLAYERS.register('get_class', print)\nprint(LAYERS.get_class('relu'))\n"
    findings = [what for _, what in found([HAND_WRITTEN + source])]
    assert any("LAYERS.get_class" in what for what in findings), findings


@pytest.mark.parametrize("source", [
    # fairness round 96: a method named like a library's evaluator, called on the class or on a new instance
    "class C:\n    @classmethod\n    def measure(cls, n):\n        return n\nprint(C.measure(1))\n",
    "class C:\n    @staticmethod\n    def locate(n):\n        return n\nprint(C.locate(1))\n",
    "class E:\n    def run_code(self):\n        return 1\nprint(E().run_code())\n",
    # a method named `eval` given an argument, a `plugins=` keyword to the submission's own class
    "class Trainer:\n    def eval(self, x):\n        return x\nt = Trainer()\nprint(t.eval(1))\n",
])
def test_an_own_baseless_class_keeps_its_members_named_like_a_librarys(source):
    """Fairness round 96: each cost q6 to q8 10 points."""
    assert _model_rule([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source]) == []


@pytest.mark.parametrize("source, name", [
    # the class changed, or a library base: the member may be another object
    ("import pandas as pd\nclass T:\n    def eval(self, s):\n        return s\nT.eval = pd.eval\nt = T()\n"
     "t.eval('@torch.nn.functional.conv2d', local_dict={})\n", "t.eval"),
    ("import pandas as pd\nclass T(pd.DataFrame):\n    pass\nt = T()\nt.eval('@torch.nn.functional.conv2d')\n", "t.eval"),
    # a decorator may hand back another class; `globals()` may rebind the class's name (attack round 157)
    ("import logging\n@logging.Logger\nclass Who:\n    findCaller = None\nprint(Who.findCaller)\n", "findCaller"),
    ("import numpy as np\n@(lambda c: np.testing)\nclass Who:\n    measure = None\nWho().measure('x = 1')\n",
     "measure"),
    ("import logging\nclass Who:\n    findCaller = None\nglobals().update(Who=logging.getLogger('x'))\n"
     "print(Who.findCaller)\n", "findCaller"),
    # a keyword handed on to pytest, whatever class is called
    ("import pytest\nclass Runner:\n    def __init__(self, **options):\n        pytest.main(['-q'], **options)\n"
     "Runner(plugins=[print])\n", "plugins"),
])
def test_an_own_class_changed_or_based_does_not_keep_its_members(source, name):
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(name in what for what in findings), findings


@pytest.mark.parametrize("source, name", [
    # a library base's method made "own" by a store that never runs (attack round 156)
    ("import logging\nclass _Who(logging.Logger):\n    def _unused(self):\n        self.findCaller = None\n"
     "    def outer(self):\n        return self.findCaller(False, 2)[0]\n_who = _Who('who')\nprint(_who.outer())\n",
     "findCaller"),
    ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(1, 1)\n"
     "        self.register_state_dict_post_hook(lambda *a: None)\n    def _unused(self):\n"
     "        self.register_state_dict_post_hook = None\nnet = Net()\n", "register_state_dict_post_hook"),
    # a classmethod handing out the class object
    ("class Results:\n    def __init__(self):\n        self.measure = []\n    @classmethod\n    def kind(cls):\n"
     "        return cls\nres = Results()\nres.measure.append(1.0)\nprint(res.measure)\n", "res.measure"),
    # TorchScript compiled from a text
    ("cu = torch.CompilationUnit('def f(x):\\n    return x')\n", "CompilationUnit"),
])
def test_a_danger_name_is_its_own_only_on_a_baseless_class(source, name):
    """Attack round 156: a name on the reader's lists counts as the submission's own only on an instance of its own
    class with no base (a library base has that method), only where nothing hands out the class object."""
    findings = _model_rule([HAND_WRITTEN + source]) + [what for _, what in found([HAND_WRITTEN + source])]
    assert any(name in what for what in findings), findings


@pytest.mark.parametrize("attack", [
    # a lambda's default is the object its body changes, as a def's is
    "(lambda t=Box.ops: t.update(c=_impl))()",
    "(lambda t=Box.ops: dict.update(t, c=_impl))()",
    # an in-place operator on an item changes the object the item holds
    "h = [Box.ops]\nh[0] |= {'c': _impl}",
    "h = {'k': Box.ops}\nh['k'] |= {'c': _impl}",
    # a container type's changing method taken as a value
    "import functools\nclass _H:\n    def __init__(self):\n        self.t = Box.ops\n"
    "functools.partial(dict.update, _H().t)(c=_impl)",
    "class _H:\n    def __init__(self):\n        self.t = Box.ops\nlist(map(dict.setdefault, [_H().t], ['c'], [_impl]))",
    # a loop's item over what a function is handed is part of it
    "import types\nclass _H:\n    def modules(self):\n        return [types.SimpleNamespace(weight=_impl)]\n"
    "def _init(model):\n    for m in model.modules():\n        Box.ops['c'] = m.weight\n_init(_H())",
    "import types\ndef _init(model):\n    for m in model:\n        Box.ops['c'] = m.weight\n"
    "_init([types.SimpleNamespace(weight=_impl)])",
    # stored through a module-level instance's attribute, the class's table
    "import types\n_box = Box()\ndef _init(model):\n    for m in model.modules():\n        _box.ops['c'] = m.weight\n"
    "class _H:\n    def modules(self):\n        return [types.SimpleNamespace(weight=_impl)]\n_init(_H())",
    "import types\n_box = Box()\ndef _init(model):\n    _box.ops['c'] = model.weight\n"
    "_init(types.SimpleNamespace(weight=_impl))",
])
def test_attack_round_153s_changes_are_found(attack):
    """Attack round 153: each puts ``_impl``, which runs ``F.conv2d``, in the table conv2d calls, in a way the reader
    did not read as a change of that table."""
    whats = [what for kind, what in found([_STORED_IN_A_TABLE.replace("{attack}", attack)])]
    assert any("conv2d" in what or "used as a value" in what for what in whats), whats


def _models_rule_as_asked(units) -> list[str]:
    """The models' rule as the q7/q8 checks ask it: reached from the names of the models they build."""
    from grader.questions.model_checks import MODEL_NAMES

    return [f.what for f in unreadable_findings(tuple(units), models=True, reached_from=MODEL_NAMES)]


_A_MODEL = ("import torch.nn as nn\nclass CNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.conv = nn.Conv2d(1, 1, 3)\n{init}    def forward(self, x):\n        return self.conv(x)\n")


@pytest.mark.parametrize("source", [
    # fairness round 96: each cost q6 to q8 ten points, its class never reached from the judged code
    "class Cfg(dict):\n    def __getattr__(self, key):\n        try:\n            return self[key]\n"
    "        except KeyError:\n            raise AttributeError(key)\nprint(Cfg(lr=0.1).lr)\n",
    "class Cfg:\n    def __init__(self):\n        self.lr = 0.1\n    def __delattr__(self, name):\n"
    "        raise AttributeError('frozen')\nprint(Cfg().lr)\n",
    "import copy\nclass H:\n    def __init__(self):\n        self.losses = [1.0]\n    def __copy__(self):\n"
    "        return H()\n    def __deepcopy__(self, memo):\n        h = H()\n        h.losses = list(self.losses)\n"
    "        return h\nprint(copy.deepcopy(H()).losses, copy.copy(H()))\n",
    "import copy\nclass Meter:\n    def __init__(self):\n        self.total = 0.0\n    def __getstate__(self):\n"
    "        return {'total': self.total}\n    def __setstate__(self, state):\n        self.total = state['total']\n"
    "print(copy.copy(Meter()).total)\n",
    "class R:\n    def __dir__(self):\n        return ['x']\nr = R()\nprint(dir(r))\n",
    "import numpy as np\nclass Img:\n    def __init__(self, t):\n        self.t = t\n    def __array__(self, dtype=None, copy=None):\n"
    "        return self.t.numpy()\nprint(np.asarray(Img(torch.zeros(2, 2))).shape)\n",
    # pickle's, os.fspath's, bytes()'s, a length hint's and rich's (fairness round 97: -10 each)
    "import copy\nclass P:\n    def __init__(self, x):\n        self.x = x\n    def __reduce__(self):\n"
    "        return (P, (self.x,))\nprint(copy.copy(P(1)).x)\n",
    "class P:\n    def __reduce_ex__(self, protocol):\n        return (P, ())\n",
    "import os\nclass RunDir:\n    def __init__(self, name):\n        self.name = name\n    def __fspath__(self):\n"
    "        return '/tmp/' + self.name\nprint(os.fspath(RunDir('a')))\n",
    "class S:\n    def __length_hint__(self):\n        return 3\n    def __bytes__(self):\n        return b'abc'\n"
    "    def __rich_repr__(self):\n        yield 'n', 3\nprint(bytes(S()))\n",
    # a wrapper handing on what is read on it
    "class Wrap:\n    def __init__(self, inner):\n        self._inner = inner\n    def __getattr__(self, name):\n"
    "        return getattr(self._inner, name)\nprint(Wrap([1, 2]).count(1))\n",
])
def test_a_special_method_given_the_instance_alone_costs_nothing_where_nothing_judged_reaches_it(source):
    assert found([HAND_WRITTEN + source]) == [] and found([HAND_WRITTEN + source], "max_pool2d") == []
    assert _models_rule_as_asked([HAND_WRITTEN + source + _A_MODEL.format(init="")]) == []


@pytest.mark.parametrize("source", [
    # reached from conv2d: an instance it reads, a table the method fills, a rebinding, a memo handed to deepcopy
    "import torch.nn.functional as F\nclass C:\n    def __getattr__(self, name):\n        return F.conv2d\nc = C()\n"
    "def conv2d(image, kernel, stride=1, padding=0):\n    return c.anything(image, kernel)\n",
    "import torch.nn.functional as F\nG = []\ndef keep(v):\n    G.append(v)\nclass C:\n    def __getattr__(self, name):\n"
    "        keep(F.conv2d)\n        return 0\nC().x\ndef conv2d(image, kernel, stride=1, padding=0):\n"
    "    return G[-1](image, kernel)\n",
    "import copy\nimport torch.nn.functional as F\nG = []\nclass C:\n    def __getstate__(self):\n"
    "        return {'f': F.conv2d}\n    def __setstate__(self, state):\n        G.append(state['f'])\ncopy.copy(C())\n"
    "def conv2d(image, kernel, stride=1, padding=0):\n    return G[0](image, kernel)\n",
    "import copy\nimport torch.nn.functional as F\nclass C:\n    def __deepcopy__(self, memo):\n        return memo['f']\n"
    "f = copy.deepcopy(C(), {'f': F.conv2d})\ndef conv2d(image, kernel, stride=1, padding=0):\n    return f(image, kernel)\n",
    # pickle's copy calls what __reduce__ hands back, with the arguments it hands back
    "import copy\nimport torch.nn.functional as F\nclass C:\n    def __init__(self, *a):\n        self.a = a\n"
    "    def __reduce__(self):\n        return (F.conv2d, self.a)\n"
    "def conv2d(image, kernel, stride=1, padding=0):\n    return copy.copy(C(image[None, None], kernel[None, None]))[0, 0]\n",
])
def test_a_special_method_given_the_instance_alone_is_read_where_a_judged_function_reaches_it(source):
    # (the method itself named, besides what the walk finds in it: a part of it reached costs what reaches it)
    whats = [what for kind, what in found([HAND_WRITTEN + source]) if kind == "unverifiable"]
    assert any(what.startswith("def __") for what in whats), whats



def test_a_delegating_special_method_reached_from_a_model_costs_the_models():
    wrapper = ("class W:\n    def __init__(self, inner):\n        self._inner = inner\n    def __getattr__(self, name):\n"
               "        return getattr(self._inner, name)\n")
    source = wrapper + _A_MODEL.format(init="        self.head = W(nn.Conv2d(1, 1, 3)).forward\n")
    assert "def __getattr__" in _models_rule_as_asked([HAND_WRITTEN + source])


@pytest.mark.parametrize("source, shown", [
    # handed a value the reader does not see handed (a stored value, the call's arguments, a subclass, an item), or
    # every attribute read
    ("class Cfg:\n    def __setattr__(self, name, value):\n        object.__setattr__(self, name, value)\n", "__setattr__"),
    ("class One:\n    _it = None\n    def __new__(cls, *a):\n        return super().__new__(cls)\n", "__new__"),
    ("REG = {}\nclass Base:\n    def __init_subclass__(cls, **kw):\n        REG[cls.__name__] = cls\n", "__init_subclass__"),
    ("class Box:\n    def __class_getitem__(cls, item):\n        return cls\n", "__class_getitem__"),
    ("class Cfg:\n    def __getattribute__(self, name):\n        return 1\n", "__getattribute__"),
    # the garbage collector's, run inside whatever call is running (attack round 158 filled conv2d's output so)
    ("class C:\n    def __init__(self):\n        self.loop = self\n    def __del__(self):\n        C()\nC()\n", "__del__"),
    # called by name: object's own on a class that does not define it hands out the namespace (attack round 158)
    ("class Acc:\n    pass\nprint(Acc.__getstate__(Acc()))\n", "__getstate__"),
    ("class Acc:\n    def __getstate__(self):\n        return {}\nprint(Acc().__getstate__())\n", "__getstate__"),
    # a store through the submission's own namespace as a module (attack round 158 rebound a proved constant so)
    ("import __main__\n__main__.LEVEL = 6\n", "__main__.LEVEL"),
    ("import __main__\nme = __main__\nme.LEVEL += 1\n", "me.LEVEL"),
    ("import __main__ as m\nsetattr(m, 'LEVEL', 6)\n", ""),
    ("def f():\n    import __main__\n    __main__.LEVEL = 6\nf()\n", "import of __main__"),
    ("from __main__ import __dict__ as d\nd['LEVEL'] = 6\n", "import of __main__"),
    # a decorated one, or a module's own __getattr__
    ("import functools\nclass Cfg:\n    @functools.lru_cache\n    def __getattr__(self, name):\n        return 1\n",
     "__getattr__"),
    ("def __getattr__(name):\n    return 1\n", "__getattr__"),
])
def test_the_other_special_methods_stay_unverifiable_wherever_they_are(source, shown):
    assert any(shown in what for _, what in found([HAND_WRITTEN + source])), found([HAND_WRITTEN + source])


@pytest.mark.parametrize("loop", [
    # fairness round 96: fastai's Learner idiom, a compact sweep (-10 each)
    "class T:\n    def run(self, n):\n        for self.epoch in range(n):\n            print(self.epoch)\nT().run(2)\n",
    "import types\nargs = types.SimpleNamespace(lr=None)\nfor args.lr in (0.1, 0.01):\n    print(args.lr)\n",
    "cfg = {'momentum': None}\nfor cfg['momentum'] in (0.0, 0.9, -1, None, True):\n    print(cfg)\n",
])
def test_a_loop_storing_numbers_on_an_object_is_plain(loop):
    assert found([HAND_WRITTEN + loop]) == [] and _models_rule_as_asked([HAND_WRITTEN + loop]) == []


@pytest.mark.parametrize("loop", [
    "s = {}\nfor s['k'] in ('register_forward_hook',):\n    pass\n",        # a text: a name a getattr may look up
    "import torch.nn.functional as F\ns = {}\nfor s['k'] in (F.conv2d,):\n    pass\n",
    "import torch.nn.functional as F\nfor F.pad in (0,):\n    pass\n",       # a module's attribute
    "class C:\n    pass\nfor C._x in (0,):\n    pass\n",                       # a private name
    "def range(n):\n    return [n]\ns = {}\nfor s['k'] in range(1):\n    pass\n",   # not Python's range
    "s = {}\nprint([0 for s['k'] in (1, 2)])\n",                                 # a comprehension's target
    "s = {}\nk = 'k'\nfor s[k] in (1,):\n    pass\n",                             # an item not named by a constant
    # `range` bound in any scope (attack round 158: in a function, a default, a class body, by a local import)
    "def f():\n    range = lambda n: [print] * n\n    s = {}\n    for s['k'] in range(1):\n        pass\n",
    "def f(range=lambda n: [print]):\n    s = {}\n    for s['k'] in range(1):\n        pass\n",
    "class C:\n    range = staticmethod(lambda n: [print])\n    s = {}\n    for s['k'] in range(1):\n        pass\n",
    "def f():\n    from builtins import range\n    s = {}\n    for s['k'] in range(1):\n        pass\n",
    "s = {}\nfor s['k'] in range(1):\n    pass\nrange = lambda n: [print]\n",   # bound after the loop, in any unit
    "import torch.nn as G\nfor G.x in (1,):\n    pass\n",                       # an import's
])
def test_a_loop_storing_anything_else_on_an_object_is_still_unverifiable(loop):
    assert any("loop's or a with's target" in what for _, what in found([HAND_WRITTEN + loop])), \
        found([HAND_WRITTEN + loop])


# Attack round 163: what a library holds for the whole process, set by an earlier call to any object and read back.
_LIBRARY_STATE_CONV = ("import numpy as np\n{setup}\ndef conv2d(image, kernel, stride=1, padding=0):\n"
                       "    run = {read}\n    return torch.tensor(run(image.numpy(), kernel.numpy()))\n")


@pytest.mark.parametrize("setup, read", [
    ("np.seterrcall(np.correlate)", "np.geterrcall()"),
    ("np.set_printoptions(formatter={'all': np.correlate})", "np.get_printoptions()['formatter']['all']"),
    ("import logging\nlogging.addLevelName(77, np.correlate)", "logging.getLevelName(77)"),
    ("import logging\nlogging.addLevelName(77, np.correlate)", "logging.getLevelNamesMapping()"),
    ("import random\nrandom.setstate((3, tuple(range(625)), np.correlate))", "random.getstate()[2]"),
    ("import typing\n@typing.overload\ndef f(a: int): ...\ndef f(a):\n    return a", "typing.get_overloads(f)[0]"),
    ("import decimal", "decimal.getcontext().run"),
    ("import contextvars\nv = contextvars.ContextVar('v')\nv.set(np.correlate)",
     "list(contextvars.copy_context().values())[0]"),
    ("", "np.random.get_bit_generator().run"),
    ("import warnings\nwarnings.filterwarnings('ignore', category=UserWarning)", "warnings.filters[0][2].run"),
    ("import warnings\nwith warnings.catch_warnings(record=True) as log:\n    warnings.warn(UserWarning(np.correlate))",
     "log[0].message.args[0]"),
    ("import warnings\nwith warnings.catch_warnings(record=True) as log:\n    warnings.warn('x', source=np.correlate)",
     "log[0].source"),
])
def test_what_a_library_holds_for_the_process_is_unproven_where_a_by_hand_function_reads_it(setup, read):
    source = HAND_WRITTEN.replace("def conv2d(", "def _unused(") + _LIBRARY_STATE_CONV.format(setup=setup, read=read)
    assert any(kind == "unverifiable" for kind, what in found([source])), found([source])


@pytest.mark.parametrize("source", [
    # read where nothing judged reaches it
    "import numpy as np\nprint(np.get_printoptions()['precision'])\nimport random\nstate = random.getstate()\n",
    # a model's self-checks of fairness round 56: the records never bound, counted, or their messages shown
    "import warnings\nwith warnings.catch_warnings(record=True):\n    warnings.simplefilter('ignore')\n",
    "import warnings\ndef checked(layer, x):\n    with warnings.catch_warnings(record=True) as w:\n"
    "        y = layer(x)\n    assert not w, f'{layer} warned: {w[0].message}'\n    return y\n"
    "print(checked(abs, -1), len([]))\n",
    "import warnings\nwith warnings.catch_warnings(record=True) as caught:\n    warnings.warn('x')\n"
    "print(len(caught))\nfor w in caught:\n    print('warned:', w.message, w.category)\n"
    "assert not caught or [str(w.message) for w in caught]\n",
])
def test_what_a_library_holds_read_or_recorded_warnings_only_counted_or_shown_cost_nothing(source):
    conv = HAND_WRITTEN + source.replace("print(checked(abs, -1), len([]))", "print(checked(conv2d, -1))")
    assert found([conv]) == [] and _models_rule_as_asked([conv + _A_MODEL.format(init="")]) == []


@pytest.mark.parametrize("use", [
    "print(caught[0].filename)",             # the caller's file: a tell of the worker
    "kept = caught",
    "for w in caught:\n    w.message.args[0]()",
    "print(caught[0])",                       # a record's text names its file
    "caught.append(1)",
])
def test_recorded_warnings_read_otherwise_cost_what_reaches_them(use):
    source = HAND_WRITTEN + ("import warnings\nclass CNN(torch.nn.Module):\n    def forward(self, x):\n"
                             "        with warnings.catch_warnings(record=True) as caught:\n            warnings.warn('x')\n"
                             + "".join(f"        {line}\n" for line in use.splitlines()) + "        return x\n")
    assert any("catch_warnings" in what for what in _models_rule_as_asked([source])), _models_rule_as_asked([source])


def test_a_decorator_binding_module_level_names_is_a_write_of_the_namespace():
    source = HAND_WRITTEN + "import enum\n@enum.global_enum\nclass Way(enum.Enum):\n    HAND = 1\nprint(HAND)\n"
    assert any("global_enum" in what for _, what in found([source]))


@pytest.mark.parametrize("setup, read", [
    # attack round 164: a library calls or hands back what it keeps, inside whatever runs later
    ("np.set_printoptions(formatter={'all': lambda v: str(np.correlate)})", "np.array2string"),
    ("np.seterrcall(np.correlate)", "np.seterrcall(None)"),
    ("import logging\nlogging.addLevelName(77, np.correlate)", "logging.LogRecord('n', 77, 'p', 1, 'm', (), None).levelname"),
    ("", "getattr(np, 'geterrcall')()"),
    ("keep = np.seterrcall\nkeep(np.correlate)", "np.geterrcall()"),
    ("getattr(np, 'seterrcall')(np.correlate)", "np.geterrcall()"),
    ("import random\nrandom.setstate((3, tuple(range(625)), np.correlate))", "getattr(random, 'getstate')()[2]"),
    ("import warnings\nwith warnings.catch_warnings(record=True) as caught:\n    warnings.warn(UserWarning(np.correlate))\n"
     "for r in caught:\n    pass", "r.message.args[0]"),
    ("import warnings\nclass Msg:\n    def __str__(self):\n        return 'x'\n"
     "with warnings.catch_warnings(record=True) as caught:\n    warnings.warn(Msg())", "print(caught[0].message) or np.correlate"),
])
def test_what_a_library_keeps_and_calls_or_hands_back_later_is_unproven(setup, read):
    source = HAND_WRITTEN.replace("def conv2d(", "def _unused(") + _LIBRARY_STATE_CONV.format(setup=setup, read=read)
    assert any(kind == "unverifiable" for kind, what in found([source])), found([source])


@pytest.mark.parametrize("setting", [
    # fairness rounds 46 and 49: print settings, a formatter that only formats, a random state put back
    "np.set_printoptions(precision=3, suppress=True, threshold=10 ** 6)",
    "p = 4\nnp.set_printoptions(precision=p)",
    "np.set_printoptions(formatter={'float': lambda x: f'{x:6.2f}'})",
    "np.set_printoptions(formatter={'float_kind': '{:.3f}'.format})",
    "with np.printoptions(precision=2, formatter={'float': lambda x: '%.2f' % x}):\n    print(np.ones(2))",
    "with np.errstate(divide='ignore', invalid='ignore'):\n    print(np.ones(2) / 0)",
    "import random\nstate = random.getstate()\nrandom.seed(0)\nrandom.setstate(state)",
    "import logging\nlogging.addLevelName(25, 'NOTICE')",
])
def test_plain_library_settings_cost_nothing(setting):
    source = HAND_WRITTEN + "import numpy as np\n" + setting + "\n"
    assert found([source]) == [] and _models_rule_as_asked([source + _A_MODEL.format(init="")]) == []
