"""An independent oracle for the fairness corpus (tests/corpus/fair): imports nothing from ``grader``.

Each case runs in a fresh subprocess, in a fresh namespace, in a temporary folder holding a copy of it (what
it writes stays there), the way its student ran it:

- a notebook cell by cell, its IPython syntax turned into Python by IPython's own ``TransformerManager``;
  ``get_ipython()`` (IPython's own too) is a stub: magics and shell escapes do nothing, except that ``%%time``
  / ``%%capture`` cell bodies and ``%time`` statements run (they define things in the student's kernel;
  ``%%capture NAME`` binds NAME) and ``%%writefile`` writes its file; the namespace is the ``__main__`` module; as in Jupyter, a cell's last expression becomes ``_`` and its source is where
  ``inspect.getsource`` finds it; a cell whose saved output shows it raising the same exception (a lecture's
  "this fails" demonstration) is no error;
- a script as a whole, as ``__main__``, decoded as Python does (a BOM, a coding cookie; a final
  ``sys.exit(0)`` ends it normally; nbconvert's ``# In[ ]:`` scripts run as IPython runs them, with the
  same ``get_ipython()`` stub);
- ``otter`` (``grader.check``), and the lecture's ``torchsummary`` / ``matplotlib`` when they are not installed
  here, are stubs: the student's machine had them.

Then every answer is compared with what torch itself computes: shapes and parameter counts from modules
built with torch, ``conv2d`` / ``max_pool2d`` against ``F.conv2d`` / ``F.max_pool2d`` on random inputs (with
torch's own convolution and pooling made to raise while the student's functions run), and the models
against reference networks (parameter count, output shape, and outputs after copying the reference
weights into the student's layers in the order the forward pass calls them).

    python tests/fair_oracle.py tests/corpus/fair/*.ipynb tests/corpus/fair/*.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FAIR = Path(__file__).parent / "corpus" / "fair"


def cases() -> list[Path]:
    return sorted(p for p in FAIR.iterdir() if p.suffix in (".ipynb", ".py") and not p.name.startswith("_"))


def check_case(path: Path, timeout: float = 300) -> dict:
    """Run one case in a subprocess; returns {"errors": [...], "failures": {question: [...]}}."""
    path = Path(path).resolve()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--run", str(path)], capture_output=True, text=True,
                          timeout=timeout)
    marker = "@@ORACLE@@"
    for line in proc.stdout.splitlines():
        if line.startswith(marker):
            return json.loads(line[len(marker):])
    return {"errors": [f"oracle runner died (rc {proc.returncode}): {proc.stderr[-1500:]}"], "failures": {}}


# ---------------------------------------------------------------------------------------------------
# Everything below runs inside the subprocess.
# ---------------------------------------------------------------------------------------------------

def _install_stubs() -> None:
    import importlib.util
    import types

    class Anything:
        def __call__(self, *a, **k):
            return Anything()

        def __getattr__(self, name):
            if name.startswith("__"):
                raise AttributeError(name)
            return Anything()

        def __getitem__(self, key):
            return Anything()

        def __iter__(self):
            return iter([Anything(), Anything()])

    otter = types.ModuleType("otter")

    class Notebook:
        def __init__(self, *a, **k):
            pass

        def check(self, *a, **k):
            return None

        def check_all(self, *a, **k):
            return None

        def export(self, *a, **k):
            return None

    otter.Notebook = Notebook
    sys.modules["otter"] = otter
    if importlib.util.find_spec("torchsummary") is None:
        ts = types.ModuleType("torchsummary")
        ts.summary = lambda *a, **k: None
        sys.modules["torchsummary"] = ts
    if importlib.util.find_spec("matplotlib") is None:
        mpl = types.ModuleType("matplotlib")
        plt = types.ModuleType("matplotlib.pyplot")
        def module_getattr(name):
            if name.startswith("__"):
                raise AttributeError(name)
            return Anything()
        plt.__getattr__ = mpl.__getattr__ = module_getattr
        mpl.pyplot = plt
        sys.modules["matplotlib"] = mpl
        sys.modules["matplotlib.pyplot"] = plt


class _Shell:
    """What get_ipython() returns in the oracle."""

    def __init__(self, ns, transform):
        import types

        self.ns, self.transform = ns, transform
        # matplotlib registers its redraw hook with IPython's shell when it finds one
        self.events = types.SimpleNamespace(register=lambda *a: None, unregister=lambda *a: None)

    def enable_gui(self, *a, **k):
        return None

    def run_line_magic(self, name, line, *_):
        if name == "time":
            exec(compile(self.transform(line), "<%time>", "exec", dont_inherit=True), self.ns)
        return None

    def run_cell_magic(self, name, line, body):
        if name == "capture":  # as IPython: `%%capture NAME` binds what the body printed to NAME
            from IPython.utils.capture import capture_output

            with capture_output(display=False) as captured:
                exec(compile(self.transform(body), "<%%capture>", "exec", dont_inherit=True), self.ns)
            names = [w for w in line.split() if not w.startswith("-")]
            if names:
                self.ns[names[0]] = captured
        if name == "time":
            exec(compile(self.transform(body), f"<%%{name}>", "exec", dont_inherit=True), self.ns)
        if name == "writefile":
            words = line.split()
            append = words[:1] in (["-a"], ["--append"])
            with open(" ".join(words[1:] if append else words), "a" if append else "w", encoding="utf-8") as f:
                f.write(body)
        return None

    def system(self, cmd):
        return None

    def getoutput(self, cmd):
        return []


def _run_cell(source: str, filename: str, ns: dict, future: list[int]) -> None:
    """Run one cell as IPython does: its last expression's value (not None, no trailing ``;``) becomes ``_``,
    its source stays in linecache for ``inspect``, and a ``from __future__`` import holds in every later cell
    (``future``: the flags imported so far, updated; IPython's compiler is a ``codeop.Compile``)."""
    import __future__
    import ast
    import linecache

    features = 0
    for name in __future__.all_feature_names:
        features |= getattr(__future__, name).compiler_flag
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    tree = ast.parse(source, filename)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr) and not source.rstrip().endswith(";"):
        body = compile(ast.Module(body=tree.body[:-1], type_ignores=[]), filename, "exec", flags=future[0],
                       dont_inherit=True)
        future[0] |= body.co_flags & features
        exec(body, ns)
        value = eval(compile(ast.Expression(last.value), filename, "eval", flags=future[0], dont_inherit=True), ns)
        if value is not None:
            ns["___"], ns["__"], ns["_"] = ns.get("__", ""), ns.get("_", ""), value
    else:
        code = compile(tree, filename, "exec", flags=future[0], dont_inherit=True)
        future[0] |= code.co_flags & features
        exec(code, ns)


def _saved_error(cell) -> str | None:
    """The exception name a cell's saved output shows it raising, if any."""
    return next((o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)


def _execute(path: Path) -> tuple[dict, list[str]]:
    import traceback

    from IPython.core.inputtransformer2 import TransformerManager

    import types

    import torch

    # A notebook's own self-checks draw random inputs (`torch.allclose` of two of its convolutions on a
    # `torch.randn` image): seeded, as a run whose saved outputs the writer saw, they pass or fail the same way
    # on every run (unseeded, an output near zero failed allclose's 1e-8 absolute tolerance about once in a
    # few hundred runs).
    torch.manual_seed(0)

    # The student's code runs in a module that is __main__, as in Python and in IPython's kernel
    # (pickle finds __main__.CNN).
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns: dict = main.__dict__
    ns["__builtins__"] = __builtins__
    errors: list[str] = []
    if path.suffix == ".py":
        ns["__file__"] = str(path)
        if b"\n# In[" in path.read_bytes():
            # nbconvert's `--to script` output (`# In[ ]:` markers) calls get_ipython() for the notebook's magics;
            # it is run as `ipython lecture06.py`, where that name exists
            from IPython.core.inputtransformer2 import TransformerManager

            shell = _Shell(ns, TransformerManager().transform_cell)
            ns["get_ipython"] = lambda: shell
        try:
            exec(compile(path.read_bytes(), str(path), "exec", dont_inherit=True), ns)  # bytes: Python reads BOM and cookie
        except SystemExit as e:
            if e.code not in (None, 0):
                errors.append(f"script exited with {e.code!r}")
        except BaseException:
            errors.append(traceback.format_exc(limit=-3))
        return ns, errors
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    tm = TransformerManager()
    shell = _Shell(ns, tm.transform_cell)
    ns["get_ipython"] = lambda: shell
    import IPython
    import IPython.core.getipython

    IPython.get_ipython = IPython.core.getipython.get_ipython = ns["get_ipython"]  # `from IPython import ...`
    ns["display"] = lambda *a, **k: None
    future = [0]
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        try:
            _run_cell(tm.transform_cell(cell.source), f"<cell {i}>", ns, future)
        except BaseException as exc:
            if type(exc).__name__ != _saved_error(cell):
                errors.append(f"cell {i}: " + traceback.format_exc(limit=-2))
    return ns, errors


def _is_int(v) -> bool:
    import numpy as np
    import torch

    if isinstance(v, bool):
        return False
    if isinstance(v, (int, np.integer)):
        return True
    if isinstance(v, torch.Tensor) and v.numel() == 1 and not v.is_floating_point():
        return True
    return False


def _count(v) -> float:
    import numpy as np
    import torch

    if isinstance(v, torch.Tensor):
        return v.item()
    if isinstance(v, np.generic):
        return v.item()
    return v


def _count_tensors(m) -> int:
    return len(list(m.parameters()))


def _n_params(m) -> int:
    return sum(p.numel() for p in m.parameters())


def _called_layers(model, x):
    """The leaf modules that own parameters, in the order the forward pass computes with their parameters:
    a module called, or its weights given to ``F.conv2d`` / ``F.linear`` (one entry per torch call)."""
    import torch
    from torch.overrides import TorchFunctionMode

    owner = {id(p): mod for mod in model.modules() if list(mod.children()) == []
             for p in mod.parameters(recurse=False)}
    order = []

    class Watch(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            used = []
            for a in list(args) + list(kwargs.values()):
                mod = owner.get(id(a))
                if mod is not None and all(m is not mod for m in used):
                    used.append(mod)
            order.extend(used)
            return func(*args, **kwargs)

    with torch.no_grad(), Watch():
        model(x)
    return order


def _used_parameters(model, x):
    """The model's parameters in the order the forward pass first hands them to a torch function."""
    import torch
    from torch.overrides import TorchFunctionMode

    mine = {id(p): p for p in model.parameters()}
    order, seen = [], set()

    class Watch(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            for a in list(args) + list(kwargs.values()):
                if id(a) in mine and id(a) not in seen:
                    seen.add(id(a))
                    order.append(mine[id(a)])
            return func(*args, **kwargs)

    with torch.no_grad(), Watch():
        model(x)
    return order


def _compare_model(student, reference, shape, where, fail):
    import torch

    x = torch.randn(*shape)
    with torch.no_grad():
        out = student(x)  # first: a lazy layer (LazyLinear) has its parameters once it has run
    if _n_params(student) != _n_params(reference):
        fail(f"{where}: {_n_params(student)} parameters, torch's reference has {_n_params(reference)}")
        return
    ref_shape = reference(x).shape
    if tuple(out.shape) != tuple(ref_shape):
        fail(f"{where}: output shape {tuple(out.shape)}, expected {tuple(ref_shape)}")
        return
    s_layers, r_layers = _called_layers(student, x), _called_layers(reference, x)
    # Weights go into the layers the forward pass calls; a model whose weights are applied outside any called
    # layer (its own nn.Parameter tensors with F.conv2d, x @ fc.weight.T) gets them in parameters() order,
    # when that order holds the same shapes: equal outputs then prove it computes the reference function too.
    by_layer = [type(m) for m in s_layers] == [type(m) for m in r_layers]
    s_params, r_params = list(student.parameters()), list(reference.parameters())
    if not by_layer and [p.shape for p in s_params] != [p.shape for p in r_params]:
        # Parameters that parameters() lists in another order (a ParameterDict sorts its keys; a parametrized
        # layer lists its bias before its weight's original) still match when taken in the order the forward
        # pass first uses them, if that order holds every parameter with the reference's shapes.
        # A parameter kept in another shape of the same size (a kernel stored flat and viewed as 4-D, a
        # classifier stored (in, out) and transposed) gets the reference's values reshaped: the outputs
        # compared below still decide whether the model computes the reference function.
        s_params, r_params = _used_parameters(student, x), _used_parameters(reference, x)
        if (len(s_params) != _count_tensors(student) or
                [p.numel() for p in s_params] != [p.numel() for p in r_params]):
            fail(f"{where}: layers {[type(m).__name__ for m in s_layers]} vs {[type(m).__name__ for m in r_layers]}")
            return
    torch.manual_seed(1234)
    for m in reference.modules():
        for p in m.parameters(recurse=False):
            torch.nn.init.normal_(p, std=0.3)
    with torch.no_grad():
        if by_layer:
            for s, r in zip(s_layers, r_layers):
                for name, p in r.named_parameters(recurse=False):
                    getattr(s, name).copy_(p)
        else:
            for s, r in zip(s_params, r_params):
                s.copy_(r.reshape(s.shape))
        for _ in range(2):
            x = torch.randn(*shape)
            got, exp = student(x), reference(x)
            if not torch.allclose(got, exp, rtol=1e-4, atol=1e-5):
                fail(f"{where}: outputs differ from the reference network's, max |diff| "
                     f"{(got - exp).abs().max().item():.3g}")
                return


class _NoTorchConv:
    """Makes torch's own convolution and pooling raise while the student's functions run."""

    NAMES = {"torch.nn.functional": ["conv2d", "conv1d", "max_pool2d", "max_pool2d_with_indices", "avg_pool2d",
                                     "adaptive_max_pool2d", "conv_transpose2d"],
             "torch": ["conv2d", "conv1d", "max_pool2d", "max_pool2d_with_indices", "convolution", "avg_pool2d",
                       "_convolution", "adaptive_max_pool2d"]}

    def __enter__(self):
        import importlib

        self.saved = []
        for modname, names in self.NAMES.items():
            mod = importlib.import_module(modname)
            for n in names:
                if hasattr(mod, n):
                    self.saved.append((mod, n, getattr(mod, n)))

                    def refuse(*a, _n=n, **k):
                        raise AssertionError(f"torch's own {_n} was called")
                    setattr(mod, n, refuse)
        return self

    def __exit__(self, *exc):
        for mod, n, f in self.saved:
            setattr(mod, n, f)


def _verify(ns: dict) -> dict[str, list[str]]:
    import random

    import numpy as np
    import torch
    import torch.nn.functional as F
    from torch import nn

    failures: dict[str, list[str]] = {}

    def failer(q):
        def fail(msg):
            failures.setdefault(q, []).append(msg)
        return fail

    def guarded(q, fn):
        try:
            fn(failer(q))
        except Exception as e:  # noqa: BLE001
            failer(q)(f"raised {type(e).__name__}: {e}")

    rng = random.Random(20240601)
    torch.manual_seed(0)

    def q1(fail):
        if ns["q1_answer"] != "C":
            fail(f"q1_answer is {ns['q1_answer']!r}")
        out = F.conv2d(torch.zeros(1, 1, 4, 4), torch.zeros(1, 1, 3, 3))
        assert tuple(out.shape[-2:]) == (2, 2)  # (C) 2 by 2

    def q2(fail):
        f = ns["conv_output_size"]
        trials = [(100, 5, 1, 0), (5, 3, 2, 1), (7, 7, 1, 0), (28, 3, 1, 1), (10, 3, 2, 0), (11, 4, 3, 2), (3, 5, 1, 0),
                  (2, 7, 2, 1), (1, 4, 1, 1), (3, 5, 1, 1), (4, 9, 3, 2), (6, 7, 5, 0), (1, 1, 1, 0)]
        trials += [(rng.randint(1, 60), rng.randint(1, 9), rng.randint(1, 4), rng.randint(0, 4)) for _ in range(60)]
        for size, k, s, p in trials:
            fits = size + 2 * p >= k
            if fits:
                exp = F.conv2d(torch.zeros(1, 1, size, size), torch.zeros(1, 1, k, k), stride=s, padding=p).shape[-1]
                got = f(size, k, s, p) if (s, p) != (1, 0) else f(size, k)
                if not (_is_int(got) and _count(got) == exp):
                    fail(f"conv_output_size{(size, k, s, p)} = {got!r}, torch gives {exp}")
                    return
                if f(size, k, stride=s, padding=p) != exp:
                    fail(f"conv_output_size{(size, k, s, p)} by keyword differs")
                    return
            else:
                try:
                    torch.nn.Conv2d(1, 1, k, stride=s, padding=p)(torch.zeros(1, 1, size, size))
                    raise AssertionError("torch accepted a kernel that does not fit")
                except RuntimeError:
                    pass
                try:
                    f(size, k, s, p)
                except ValueError:
                    continue
                fail(f"conv_output_size{(size, k, s, p)} did not raise ValueError")
                return

    def reference_pooled_cnn():
        return nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
            nn.Flatten(), nn.Linear(1250, 1))

    def q3(fail):
        ref = reference_pooled_cnn()
        x = torch.zeros(1, 1, 100, 100)
        exp = []
        for i, layer in enumerate(ref):
            x = layer(x)
            if i in (0, 2, 3, 5):
                exp.append(tuple(x.shape[1:]))
        got = [tuple(_count(v) for v in s) for s in ns["q3_shapes"]]
        if got != exp or len(ns["q3_shapes"]) != 4:
            fail(f"q3_shapes {got} != {exp}")
        ff = ns["q3_flatten_features"]
        # "the number of features": an integral value (1250 or 1250.0 from numpy arithmetic)
        if isinstance(ff, (bool, str)) or not (_count(ff) == ref[-1].in_features == ref[:-1](torch.zeros(1, 1, 100, 100)).shape[1]):
            fail(f"q3_flatten_features {ff!r}")

    def q4(fail):
        fc = nn.Sequential(nn.Linear(128 * 128, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                           nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16),
                           nn.Linear(16, 1))
        exp = {"q4_conv_params": _n_params(nn.Conv2d(3, 3, (3, 3))),
               "q4_cnn_params": _n_params(reference_pooled_cnn()),
               "q4_fcnn_params": _n_params(fc)}
        for name, e in exp.items():
            v = ns[name]
            if not (_is_int(v) and _count(v) == e):
                fail(f"{name} = {v!r}, torch counts {e}")

    def q5(fail):
        cp, lp = ns["conv2d_params"], ns["linear_params"]
        for _ in range(40):
            i, o = rng.randint(1, 64), rng.randint(1, 64)
            k = rng.choice([rng.randint(1, 7), (rng.randint(1, 7), rng.randint(1, 7))])
            bias = rng.choice([True, False])
            exp = _n_params(nn.Conv2d(i, o, k, bias=bias, device="meta"))
            got = cp(i, o, k, bias=bias) if rng.random() < 0.5 else (cp(i, o, k) if bias else cp(i, o, k, False))
            if not (_is_int(got) and _count(got) == exp):
                fail(f"conv2d_params({i}, {o}, {k}, bias={bias}) = {got!r}, torch counts {exp}")
                return
            fi, fo = rng.randint(1, 5000), rng.randint(1, 500)
            exp = _n_params(nn.Linear(fi, fo, bias=bias, device="meta"))
            got = lp(fi, fo, bias=bias) if rng.random() < 0.5 else (lp(fi, fo) if bias else lp(fi, fo, False))
            if not (_is_int(got) and _count(got) == exp):
                fail(f"linear_params({fi}, {fo}, bias={bias}) = {got!r}, torch counts {exp}")
                return

    def q6(fail):
        image = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
                             dtype=torch.float32)
        kernel = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=torch.float32)
        exp = F.conv2d(image[None, None], kernel[None, None])[0, 0]
        got = ns["q6_output"]
        got_t = got.detach().to(torch.float32) if isinstance(got, torch.Tensor) else \
            torch.as_tensor(np.asarray(got, dtype=np.float64), dtype=torch.float32)
        if tuple(got_t.shape) != (3, 3) or not torch.equal(got_t, exp):
            fail(f"q6_output {got!r} != {exp.tolist()}")
        conv, pool = ns["conv2d"], ns["max_pool2d"]
        trials = [((5, 5), (3, 3), 1, 0), ((6, 7), (2, 3), 2, 1), ((8, 8), (3, 3), 3, 2), ((4, 9), (4, 1), 1, 0)]
        trials += [((rng.randint(3, 12), rng.randint(3, 12)), (rng.randint(1, 3), rng.randint(1, 3)),
                    rng.randint(1, 3), rng.randint(0, 2)) for _ in range(12)]
        for (h, w), (kh, kw), s, p in trials:
            img, ker = torch.randn(h, w), torch.randn(kh, kw)
            exp = F.conv2d(img[None, None], ker[None, None], stride=s, padding=p)[0, 0]
            with _NoTorchConv():
                got = conv(img, ker) if (s, p) == (1, 0) else conv(img, ker, stride=s, padding=p)
            if not (isinstance(got, torch.Tensor) and got.shape == exp.shape
                    and torch.allclose(got.to(exp.dtype), exp, rtol=1e-4, atol=1e-5)):
                fail(f"conv2d on {(h, w)} with kernel {(kh, kw)}, stride {s}, padding {p} differs from F.conv2d")
                return
        for h, w, k in [(4, 4, 2), (7, 7, 2), (9, 6, 3), (5, 8, 2), (6, 6, 1), (10, 10, 4)]:
            img = torch.randn(h, w) - 3
            exp = F.max_pool2d(img[None], k)[0]
            with _NoTorchConv():
                got = pool(img) if k == 2 and rng.random() < 0.5 else pool(img, k)
            if not (isinstance(got, torch.Tensor) and got.shape == exp.shape
                    and torch.allclose(got.to(exp.dtype), exp)):
                fail(f"max_pool2d on {(h, w)} with kernel {k} differs from F.max_pool2d")
                return

    def q7(fail):
        model = ns["CNN"]()
        if not isinstance(model, nn.Module):
            fail("CNN() is not a torch.nn.Module")
            return
        _compare_model(model, reference_pooled_cnn(), (3, 1, 100, 100), "CNN()", fail)

    def ref_block(i, o):
        return nn.Sequential(nn.Conv2d(i, o, (3, 3), padding=1), nn.ReLU())

    def q8(fail):
        for i, o in [(1, 3), (3, 3), (2, 5)]:
            block = ns["conv_block"](i, o)
            if not isinstance(block, nn.Sequential):
                fail(f"conv_block({i}, {o}) is a {type(block).__name__}, not a Sequential")
                return
            _compare_model(block, ref_block(i, o), (2, i, 9, 11), f"conv_block({i}, {o})", fail)
        for ic in (1, 3):  # one channel, and the RGB images the lecture names (the grader draws others)
            ref = nn.Sequential(ref_block(ic, 3), *[ref_block(3, 3) for _ in range(4)], nn.Flatten(),
                                nn.Linear(49152, 1))
            if ic == 1:
                assert _n_params(ref) == 49519
            _compare_model(ns["ConvNet"](ic), ref, (2, ic, 128, 128), f"ConvNet({ic})", fail)

    def q9(fail):
        ans = ns["q9_true"]
        conv = nn.Conv2d(1, 3, 3)
        truth = {"A": False, "B": False, "C": conv.weight.dim() == 4, "D": False, "E": False}
        # (A)/(B): Conv2d takes and returns 3D/4D tensors; (D)/(E): a smaller Linear or a pooling in between
        # can reduce the count, so "always" is false.
        exp = {k for k, v in truth.items() if v}
        if isinstance(ans, str) or {str(a) for a in ans} != exp:
            fail(f"q9_true {ans!r} != {exp}")

    def q10(fail):
        def same(k):
            return conv_out(torch.zeros(1, 1, 9, 9), k, 1, k // 2) == 9
        def conv_out(x, k, s, p):
            return F.conv2d(x, torch.zeros(1, 1, k, k), stride=s, padding=p).shape[-1]
        exp = {1: all(same(k) for k in (1, 3, 5, 7)),
               2: _n_params(nn.Conv2d(1, 3, 3)) != _n_params(nn.Conv2d(1, 3, 3)),
               3: _n_params(nn.MaxPool2d(2)) == 0,
               4: _n_params(nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5)) == 608,
               5: conv_out(torch.zeros(1, 1, 10, 10), 3, 2, 0) == 5,
               6: tuple(nn.Conv2d(1, 3, kernel_size=(3, 3)).weight.shape) == (1, 3, 3, 3),
               7: nn.Conv2d(3, 2, 3)(torch.zeros(3, 8, 8)).dim() == 3,
               8: tuple(nn.MaxPool2d(2)(torch.zeros(1, 7, 7)).shape[-2:]) == (4, 4)}
        ans = ns["q10_answers"]
        words = {"true": True, "false": False}  # the statement's own words, as the prompt shows them
        got = {int(k): words.get(v.strip().lower(), v) if isinstance(v, str) else v for k, v in dict(ans).items()}
        def boolean(v):  # True/False, numpy's, or a one-element bool tensor (torch's own comparison result)
            return isinstance(v, (bool, np.bool_)) or (isinstance(v, torch.Tensor) and v.dtype == torch.bool
                                                       and v.numel() == 1)
        if set(got) != set(exp) or any(bool(got[k]) is not exp[k] or not boolean(got[k]) for k in exp):
            fail(f"q10_answers {ans!r} != {exp}")

    for q, fn in [("q1", q1), ("q2", q2), ("q3", q3), ("q4", q4), ("q5", q5), ("q6", q6), ("q7", q7), ("q8", q8),
                  ("q9", q9), ("q10", q10)]:
        guarded(q, fn)
    return failures


def _in_temporary_copy(path: Path) -> Path:
    """A copy of the case in a fresh temporary folder, made the working directory: what the case writes
    (a helper module, a saved model) never lands in the corpus."""
    import os
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="fair-oracle-"))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    os.chdir(folder)
    return copy


def _run(path: Path) -> None:
    import os
    import shutil

    import numpy  # noqa: F401  (imported here, not first from a case's frame: torch inspects its importers)
    import torch  # noqa: F401
    import torch.nn.functional  # noqa: F401

    if "otter" not in sys.modules:
        _install_stubs()
    path = _in_temporary_copy(path)
    sys.path.insert(0, str(path.parent))
    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1)
    os.dup2(devnull, 1)  # the case's prints go nowhere; the verdict goes to the real stdout
    try:
        ns, errors = _execute(path)
        failures = _verify(ns)
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
    print("@@ORACLE@@" + json.dumps({"errors": errors, "failures": failures}), flush=True)
    shutil.rmtree(path.parent, ignore_errors=True)


def _warm_libraries() -> None:
    """Import before forking what every case's run imports anyway (IPython's input transformer and nbformat,
    with its schema validator): half a second a case otherwise, paid in every child."""
    import IPython  # noqa: F401
    import IPython.core.getipython  # noqa: F401
    import IPython.core.inputtransformer2  # noqa: F401
    import nbformat
    import nbformat.validator

    nbformat.validator.get_validator(version=4, version_minor=nbformat.current_nbformat_minor)


def _serve(paths: list[Path]) -> None:
    """Import torch once, then run each case in a child forked from here: a fresh process per case
    (nothing one case does reaches the next) without paying torch's import 99 times."""
    import os

    import numpy  # noqa: F401
    import torch  # noqa: F401
    import torch.nn.functional  # noqa: F401

    torch.set_num_threads(1)  # one runner per core: more threads only fight each other
    _install_stubs()
    _warm_libraries()
    for path in paths:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            os.dup2(write, 1)
            try:
                _run(path)
            finally:
                os._exit(0)
        os.close(write)
        with os.fdopen(read, "r", errors="replace") as out:
            text = out.read()
        os.waitpid(pid, 0)
        verdict = next((line[len("@@ORACLE@@"):] for line in text.splitlines() if line.startswith("@@ORACLE@@")),
                       json.dumps({"errors": ["the case's process died"], "failures": {}}))
        print(f"@@CASE@@{path.name}\t{verdict}", flush=True)


class OracleRun:
    """Warm runners checking cases in the background (:func:`start_cases`); :meth:`verdicts` waits for them."""

    def __init__(self, paths: list[Path], processes: int, nice: int):
        import os

        self.paths = [Path(p).resolve() for p in paths]
        shares = [self.paths[i::processes] for i in range(processes)]
        lower = (lambda: os.nice(nice)) if nice else None
        self.runners = [subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve", *map(str, share)],
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                         preexec_fn=lower)
                        for share in shares if share]

    def verdicts(self, timeout: float = 900) -> dict[str, dict]:
        """Every case's verdict, by file name (a case whose runner died has none)."""
        verdicts = {}
        for runner in self.runners:
            out, _ = runner.communicate(timeout=timeout)
            for line in out.splitlines():
                if line.startswith("@@CASE@@"):
                    name, verdict = line[len("@@CASE@@"):].split("\t", 1)
                    verdicts[name] = json.loads(verdict)
        return verdicts

    def kill(self) -> None:
        for runner in self.runners:
            if runner.poll() is None:
                runner.kill()
                runner.wait()


def start_cases(paths: list[Path], *, processes: int = 2, nice: int = 0) -> OracleRun:
    """Start ``processes`` warm runners that fork a child per case, at ``nice`` (19: only on a core nothing else
    wants), and return at once."""
    return OracleRun(paths, processes, nice)


def check_cases(paths: list[Path], *, processes: int = 2, timeout: float = 900) -> dict[str, dict]:
    """Every case's verdict, from ``processes`` warm runners that fork a child per case."""
    return start_cases(paths, processes=processes).verdicts(timeout)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        _run(Path(argv[1]))
        return 0
    if argv[:1] == ["--serve"]:
        _serve([Path(a) for a in argv[1:]])
        return 0
    paths = [Path(a) for a in argv] or cases()
    bad = 0
    for p in paths:
        r = check_case(p)
        ok = not r["errors"] and not r["failures"]
        bad += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {p.name}" + ("" if ok else f"  {json.dumps(r)[:1500]}"))
    print(f"{len(paths) - bad}/{len(paths)} correct")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
