"""The worker's guard on code compiled at run time (grader.worker.written_code), in a process of its own.

A library may compile a text that is no file of the runtime only when it writes that code itself (namedtuple,
dataclasses, typing, torch...) or the text is a plain expression (SymPy, pandas' expressions).  The evaluators of
text that attack rounds 41 to 45 found inside the libraries a notebook may use, one after another, are refused by
that one rule whatever their name; what correct notebooks do with the same libraries still runs.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap

import pytest

from grader.checkapi.protocol import TYPE_TEXT_PREFIX
from grader.questions import static
from tests.conftest import ROOT

#: Each case: a name, and a statement run after the guard is installed (``torch``, ``np``, ``pd``, ``sp``, ``yaml``
#: imported before, as the fork server's warm-up imports them).
EVERYDAY = {
    "namedtuple": "collections.namedtuple('Point', 'x y')(1, 2)",
    "dataclass": "dataclasses.dataclass(type('C', (), {'__annotations__': {'a': int}, 'a': 1}))()",
    "string annotations": "typing.get_type_hints(type('D', (), {'__annotations__': {'a': 'list[int]'}}))",
    "timeit of a callable": "timeit.timeit(lambda: 1, number=3)",
    "sympy parses a formula": "sp.sympify('(n + 2 * p - k) / s + 1')",
    "sympy lambdify": "sp.lambdify(sp.Symbol('n'), sp.floor(sp.Symbol('n') / 2))(5)",
    "pandas query": "pd.DataFrame({'a': [1, 2]}).query('a > 1')",
    "pandas eval": "pd.DataFrame({'a': [1, 2]}).eval('a * 2')",
    "literal_eval": "ast.literal_eval('[1, 2]')",
    "numpy save and load": "np.save('a.npy', np.arange(3)); np.load('a.npy')",
    "torch.jit.script": "torch.jit.script(torch.nn.Linear(2, 2))",
    "torch.fx": "torch.fx.symbolic_trace(torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.ReLU()))",
    "pandas Styler": "pd.DataFrame({'a': [1.0]}).style.format('{:.2f}').to_html()",
    "matplotlib": "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; plt.plot([1, 2])",
    "matplotlib cycler text": "import matplotlib; matplotlib.rcParams['axes.prop_cycle'] = \"cycler(color='rgb')\"",
    "pydantic": "import pydantic\nclass M(pydantic.BaseModel):\n    k: 'int'\nM(k=3)",
    "inspect.signature": "inspect.signature(len)",
    "enum": "import enum; enum.Enum('Act', 'RELU TANH')",
    # fairness round 37
    "sympy lambdify of a Max": "sp.lambdify(sp.Symbol('n'), sp.Max(sp.Symbol('n'), 2))(5)",
    "sympy lambdify of tuple arguments": "h, w, k = sp.symbols('h w k'); sp.lambdify([(h, w), k], (h - k + 1) * (w - k + 1))((5, 5), 3)",
    "functorch's einops": "from functorch.einops import rearrange; rearrange(torch.ones(2, 3, 4), 'b c h -> b (c h)')",
    "pydantic 1's validators": "from pydantic.v1 import BaseModel, validator\nclass C(BaseModel):\n    k: int = 3\n"
                               "    @validator('k')\n    def odd(cls, v):\n        return v\nC(k=5)",
    # forward references as notebooks write them (typing evaluates each as a type expression: attack round 49)
    "pydantic with postponed annotations": "import pydantic\nfrom typing import Annotated, Optional, Literal\n"
                                           "class H(pydantic.BaseModel):\n"
                                           "    k: 'Annotated[int, pydantic.Field(ge=1, le=2 ** 4)]' = 3\n"
                                           "    act: 'Literal[\"relu\", \"tanh\"] | None' = None\n"
                                           "    sizes: 'Optional[list[tuple[int, ...]]]' = None\n"
                                           "    n: 'pydantic.conint(ge=-1)' = 0\nH(k=5)",
    "get_type_hints of a model": "class Net(torch.nn.Module):\n    def forward(self, x: 'torch.Tensor') -> "
                                 "'torch.Tensor':\n        return x\ntyping.get_type_hints(Net.forward)",
    "get_annotations with eval_str": "def f(k: 'int | tuple[int, int]' = 3) -> 'list[int]':\n    return [k]\n"
                                     "inspect.get_annotations(f, eval_str=True)",
    # torch's profiler evaluates its own annotation, which names a private class, as a DataLoader's workers start
    "a DataLoader with worker processes": "from torch.utils.data import DataLoader, TensorDataset\n"
                                          "for batch in DataLoader(TensorDataset(torch.rand(4, 2)), batch_size=2, "
                                          "num_workers=2):\n    pass",
    "a forward reference to a public class of torch": "class U:\n    layer: 'torch.nn.Conv2d | None' = None\n"
                                                      "typing.get_type_hints(U)",
    "signature of a built-in method": "inspect.signature(sorted); inspect.signature(str.replace); inspect.signature(dict.fromkeys)",
    # dataclasses as notebooks use them (attack round 48's check of their field names must not refuse these)
    "dataclasses of every kind": "@dataclasses.dataclass(frozen=True, order=True, slots=True)\nclass A:\n"
                                 "    k: int = 3\n    sizes: list = dataclasses.field(default_factory=list)\n"
                                 "@dataclasses.dataclass(frozen=True)\nclass B(A):\n    stride: 'int' = 1\n"
                                 "    def __post_init__(self):\n        pass\n"
                                 "B(); dataclasses.make_dataclass('C', [('k', int)])(1); dataclasses.replace(A(), k=5)",
}
#: Evaluators of text inside allowed libraries (attack rounds 44 and 45): refused in the worker by the rule.
EVALUATORS = {
    "numpy.testing.runstring": "np.testing.runstring('y = 1', {})",
    "numpy.testing.measure": "np.testing.measure('y = 1')",
    "yaml's Python objects": "yaml.unsafe_load(\"!!python/object/apply:builtins.exec ['y = 1']\")",
    "pdb": "import pdb; pdb.Pdb().runeval('1')",
    "a pandas expression with a dunder": "pd.DataFrame({'a': [1]}).eval('a.__class__')",
    "sympy given a payload": "sp.sympify(\"__import__('os')\")",
    # attack round 49: a forward reference's name bound again in the class body to a text, which typing compiles
    "get_type_hints given a text": "class P:\n    Width = \"__import__('os') and int\"\n    w: 'Width' = 3\n"
                                   "typing.get_type_hints(P)",
    # attack round 50: a call of torch's (private, or public) text compilers inside a forward reference
    "a forward reference calling torch.fx": "class Q:\n    Width = \"int | torch.fx.graph_module._exec_with_source("
                                            "'y = 1', {})\"\n    w: 'Width' = 3\ntyping.get_type_hints(Q)",
    "a forward reference calling a public compiler": "class R:\n    Width = \"int | torch.jit.CompilationUnit('')\"\n"
                                                     "    w: 'Width' = 3\ntyping.get_type_hints(R)",
    # attack round 51: a forward reference that fetches torch's switches of the worker's recorders (private parts),
    # through typing, through a class of the submission's that holds torch, through singledispatch's registry
    "a forward reference to torch's private parts": "class V:\n    off: 'torch._C._DisableTorchDispatch' = None\n"
                                                    "typing.get_type_hints(V)",
    "a forward reference through an own class": "class Lib:\n    torch = torch\nclass W:\n"
                                                "    off: 'Lib.torch._C.DisableTorchFunction' = None\n"
                                                "typing.get_type_hints(W)",
    # attack round 52: a bare private name, evaluated in a library's namespace (a class's __module__ set to it)
    "a bare private name in a library's namespace": "class Z:\n    __module__ = 'torch._C'\n"
                                                     "    off: '_DisableTorchDispatch' = None\ntyping.get_type_hints(Z)",
    "singledispatch registering a private class": "import functools\n@functools.singledispatch\ndef d(v):\n"
                                                  "    pass\n@d.register\ndef _(v: 'torch._C.DisableTorchFunction'):"
                                                  "\n    pass",
    # attack round 51: a text made at run time, evaluated as a type, fetches what the reader refuses by name
    "a forward reference made at run time": "class X:\n    Width: typing.ClassVar[str] = 'torch.' + 'library.Library'"
                                             "\n    w: 'Width' = None\ntyping.get_type_hints(X)",
    "get_annotations given a text": "def g(k: \"getattr(int, 'mro') and int\"):\n    pass\n"
                                    "inspect.get_annotations(g, eval_str=True)",
    # attack round 48: a field name made of code, which dataclasses writes into the methods it compiles
    "a dataclass field named with code": "dataclasses.dataclass(type('N', (), {'__annotations__': "
                                         "{'x=0): pass\\n def _q(self': int}}))",
    "a base's fields renamed by hand": "Base = dataclasses.dataclass(type('Base', (), {'__annotations__': {'y': int},"
                                       " 'y': 1}))\nBase.__dataclass_fields__['y'].name = 'y=0): pass\\n def _q(self'\n"
                                       "dataclasses.dataclass(type('M', (Base,), {'__annotations__': {'z': int}, "
                                       "'z': 2}))",
}

RUNNER = textwrap.dedent("""
    import ast, collections, dataclasses, inspect, json, os, sys, timeit, typing
    sys.path.insert(0, sys.argv[1])
    os.chdir(sys.argv[2])
    import numpy as np, pandas as pd, sympy as sp, torch, yaml
    from grader.worker import written_code
    written_code.install(json.loads(sys.argv[4]))
    outcome = {}
    for name, statement in json.loads(sys.argv[3]).items():
        try:
            exec(statement, {**globals()})
            outcome[name] = "ran"
        except ImportError as exc:
            outcome[name] = "refused: " + str(exc)
        except Exception as exc:  # an evaluator that wraps the guard's refusal in its own error
            outcome[name] = "refused: " + repr(exc) if "out of the grader's sight" in repr(exc) else "failed: " + repr(exc)
    print(json.dumps(outcome))
""")


def _run(cases: dict, folder, read: dict | None = None) -> dict:
    """Each case's outcome in a worker guarded as the judge guards it: the texts the judge read as types are those of
    ``read`` (the cases themselves unless given)."""
    types = static.type_texts(tuple((cases if read is None else read).values()))
    digests = [hashlib.sha256((TYPE_TEXT_PREFIX + text).encode()).hexdigest() for text in types]
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(ROOT), str(folder), json.dumps(cases),
                           json.dumps(digests)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    return _run({**EVERYDAY, **EVALUATORS}, tmp_path_factory.mktemp("worker"))


@pytest.mark.parametrize("name", sorted(EVERYDAY))
def test_what_correct_notebooks_do_with_the_libraries_still_runs(outcomes, name):
    assert outcomes[name] == "ran", outcomes[name]


@pytest.mark.parametrize("name", sorted(EVALUATORS))
def test_an_evaluator_of_text_inside_an_allowed_library_is_refused_whatever_its_name(outcomes, name):
    assert outcomes[name].startswith("refused") and "out of the grader's sight" in outcomes[name], outcomes[name]


def test_a_library_imported_after_the_guard_still_writes_its_own_code(tmp_path):
    # mpmath writes its number types' methods as it is imported (exec of generated text), and torch imports SymPy,
    # hence mpmath, as it first needs it: a submission that imports them (or uses torch.utils.checkpoint) after
    # the guard is installed must get them whole (attack round 16's checkpoint cheat lost q7's output shape to
    # "SymPy now depends on mpmath").
    runner = textwrap.dedent("""
        import sys
        sys.path.insert(0, sys.argv[1])
        for name in [m for m in sys.modules if m.split('.')[0] in ('sympy', 'mpmath')]:
            del sys.modules[name]
        from grader.worker import written_code
        written_code.install([])
        import sympy
        print(sympy.sympify('2*x + 1').subs('x', 1))
    """)
    proc = subprocess.run([sys.executable, "-c", runner, str(ROOT)], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip().splitlines()[-1] == "3", proc.stderr[-2000:]


def test_a_module_the_submission_writes_under_a_folder_named_site_packages_is_no_library(tmp_path):
    # Its top-level code would otherwise count as a library being imported, whose compiles are the library's own.
    runner = textwrap.dedent("""
        import os, sys
        sys.path.insert(0, sys.argv[1])
        import numpy as np
        from grader.worker import written_code
        import hashlib
        os.makedirs("x/site-packages", exist_ok=True)
        text = "import numpy as np\\nnp.testing.runstring('y = 1', {})\\n"
        with open("x/site-packages/notes.py", "w") as f:
            f.write(text)
        written_code.install([hashlib.sha256(text.encode()).hexdigest()])  # a text the judge read: it may run
        sys.path.insert(0, os.path.abspath("x/site-packages"))
        try:
            import notes
            print("ran")
        except ImportError as exc:
            print("refused:", exc)
    """)
    proc = subprocess.run([sys.executable, "-c", runner, str(ROOT)], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    last = proc.stdout.strip().splitlines()[-1]
    assert proc.returncode == 0 and last.startswith("refused") and "utils.py compiles" in last, proc.stdout + proc.stderr


def test_a_forward_reference_a_pydantic_model_shadows_with_a_text_never_runs_it(tmp_path):
    """Attack round 49: ``Width: ClassVar[str] = TEXT`` in a model's body, beside ``width: "Width"``: pydantic looks the
    name up in the class body first and has typing compile and run the text.  The guard refuses the text (pydantic
    then reports the model not fully defined); the payload never runs."""
    shadowed = ("import builtins, pydantic\nfrom typing import ClassVar\nclass Width:\n    pass\n"
                "class O(pydantic.BaseModel):\n"
                "    Width: ClassVar[str] = \"exec('import builtins; builtins.PAYLOAD = 1', {}) or int\"\n"
                "    width: 'Width' = 3\n"
                "try:\n    O()\nexcept Exception:\n    pass\n"
                "assert not hasattr(builtins, 'PAYLOAD'), 'the text ran'\n")
    honest = shadowed.replace("Width: ClassVar[str] = \"exec('import builtins; builtins.PAYLOAD = 1', {}) or int\"",
                              "unit: ClassVar[str] = 'px'").replace("class Width:\n    pass\n", "Width = int\n")
    outcome = _run({"shadowed": shadowed, "honest": honest + "assert O().width == 3\n"}, tmp_path)
    assert outcome == {"shadowed": "ran", "honest": "ran"}, outcome


def test_a_text_made_at_run_time_never_gives_pydantic_what_it_names(tmp_path):
    """Attack round 51: a model's ClassVar holds a text made at run time, which pydantic has typing evaluate as the
    type of a field; as ``Annotated`` metadata it hands back whatever the text names (``torch.library.Library``,
    which the reader refuses by name).  The same text written as a constant, which the reader reads, is evaluated."""
    model = ("import pydantic, typing\nclass Y(pydantic.BaseModel):\n    Width: typing.ClassVar[str] = TEXT\n"
             "    w: 'Width' = 3\ntry:\n    Y()\n    got = [m for f in Y.model_fields.values() for m in f.metadata]\n"
             "except Exception:\n    got = []\n")
    made = model.replace("TEXT", "'typing.Annotated[int, torch.' + 'library.Library]'") + \
        "assert not any(m is torch.library.Library for m in got), 'fetched'\n"
    written = model.replace("TEXT", "'typing.Annotated[int, torch.library.Library]'") + \
        "assert any(m is torch.library.Library for m in got), 'not evaluated'\n"
    (tmp_path / "made").mkdir()
    (tmp_path / "written").mkdir()
    # (apart: the written text, read, would let the made one through, as the same text)
    outcome = {**_run({"made": made}, tmp_path / "made"), **_run({"written": written}, tmp_path / "written")}
    assert outcome == {"made": "ran", "written": "ran"}, outcome
