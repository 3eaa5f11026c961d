"""Answer the judge's questions about a submission's namespace.

This is the judged end of the probe: it receives a request (plain data),
looks things up in the namespace the submission's cells built, runs them, and
answers with plain data.  It never sees an expected value.  Requests:

``{"op": "value", "name": N}``
    the value bound to ``N``.
``{"op": "call", "name": N, "args": [...], "kwargs": {...}, "trace": bool}``
    call ``N(*args, **kwargs)``; with ``trace`` the answer also lists the torch
    functions the call used (to tell hand-written code from ``F.conv2d``).
``{"op": "calls", "name": N, "calls": [{"args", "kwargs"}, ...], "trace": bool | "first"}``
    several calls in one round trip: ``{"calls": [answer, ...]}``, one ``ok`` or
    ``raised`` answer per call (``"first"`` traces the first call only).
``{"op": "model", "name": N, "args": [...], "input_shape": [...]}``
    build ``N(*args)`` and describe it: its leaf layers in the order a
    forward pass on zeros of ``input_shape`` calls them, each with its
    hyper-parameters, parameter shapes and output shape; the parameter count;
    the output shape.
``{"op": "forward", "name": N, "args": [...], "weights": [...], "input": A}``
    build ``N(*args)``, copy ``weights`` into its parametrised layers matched
    by order and type, and return ``model(A)`` in eval mode.

Every answer is ``{"ok": value}`` or one of ``{"missing": name}``,
``{"raised": {"type", "message", "where", "mro"}}`` (``mro``: the builtin exception
classes the raised one derives from, by name, most derived first), ``{"timeout": seconds}``,
``{"refused": reason}``.  The submission's exceptions never escape.
"""

from __future__ import annotations

import builtins
import signal
import traceback

from . import wire

#: Per-request time limits are enforced with SIGALRM when this is true.  The
#: sandboxed worker turns it on; inside an Otter kernel it stays off.
_BaseException = BaseException
#: At most this many layer calls are recorded while tracing a forward pass.
MAX_TRACED_CALLS = 10_000


class ProbeTimeout(BaseException):
    """Raised inside submission code when its request's time is up.

    A ``BaseException`` so that ``except Exception`` in a submission does not
    swallow it.  (A submission that catches it anyway is killed from outside.)
    """


def _on_alarm(signum, frame):
    raise ProbeTimeout()


class _Deadline:
    # The signal functions are bound as defaults at definition time: a submission that
    # patches the signal module cannot keep an alarm from being set or cancelled.
    def __init__(self, seconds: float | None):
        self.seconds = seconds

    def __enter__(self, _signal=signal.signal, _setitimer=signal.setitimer):
        if self.seconds:
            _signal(signal.SIGALRM, _on_alarm)
            _setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc, _setitimer=signal.setitimer, _which=signal.ITIMER_REAL):
        if self.seconds:
            _setitimer(_which, 0)
        return False


def deadline(seconds: float | None) -> _Deadline:
    """Context manager: raise :class:`ProbeTimeout` after ``seconds`` (None: never)."""
    return _Deadline(seconds)


#: The builtin exception classes by identity, taken at import (before any submission code runs):
#: a submission's exception is judged by which of these it derives from, never by its own name.
_BUILTIN_EXCEPTIONS = {id(cls): cls.__name__ for cls in vars(builtins).values()  # OSError, not its alias IOError
                       if isinstance(cls, type) and issubclass(cls, BaseException)}
#: How much of a raised class's MRO is read; the deepest builtin chain has 5 classes.
MAX_MRO = 64
_read_mro = type.__dict__["__mro__"].__get__
_tuple_len = tuple.__len__
_tuple_getitem = tuple.__getitem__
_id = id
_type = type


def builtin_bases(cls: type) -> list[str]:
    """The names of the builtin exception classes in ``cls``'s MRO, most derived first.

    Read from the type's own slot and compared by identity, so that a metaclass
    with its own ``__mro__``, ``__eq__``, ``__hash__`` or ``__name__`` changes nothing.
    """
    try:
        mro = _read_mro(cls)
        names = []
        for i in range(min(_tuple_len(mro), MAX_MRO)):
            name = _BUILTIN_EXCEPTIONS.get(_id(_tuple_getitem(mro, i)))
            if name is not None:
                names.append(name)
        return names
    except _BaseException:
        return []


def describe_exception(exc: BaseException) -> dict:
    """Type, message and the submission line an exception came from, as plain data."""
    try:
        message = BaseException.__str__(exc)
    except BaseException:  # a submission's exception whose args cannot be shown
        message = "<unprintable message>"
    where = None
    try:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.startswith("<cell") or frame.filename.startswith("<submission"):
                where = f"{frame.filename.strip('<>')}, line {frame.lineno}"
                break
    except BaseException:
        pass
    name = wire.type_name(exc)
    mro = builtin_bases(_type(exc))
    if is_out_of_memory(exc):
        name = "MemoryError"
    return {"type": name, "message": message[:500], "where": where, "mro": mro}


def is_out_of_memory(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    if type(exc) is RuntimeError:
        text = str(exc.args[0]) if exc.args else ""
        return any(s in text for s in ("can't allocate memory", "not enough memory", "could not create a primitive",
                                       "std::bad_alloc", "out of memory"))
    return False


class Handler:
    """Serves requests against ``namespace`` (the submission's globals).

    Args:
        namespace: the dict the submission's code ran in.
        timeouts: enforce each request's ``timeout`` with SIGALRM.
        after_submission_code: called whenever submission code returns or raises,
            before anything is encoded (the worker undoes monkeypatches there).
    """

    def __init__(self, namespace: dict, *, timeouts: bool = False, after_submission_code=None):
        self.namespace = namespace
        self.timeouts = timeouts
        self._after = after_submission_code or (lambda: None)
        import torch  # noqa: F401  (bound before submission code can patch it)

        self._torch = torch
        self._module_type = torch.nn.Module
        self._tensor_type = torch.Tensor
        self._module_parameters = torch.nn.Module.parameters
        self._module_children = torch.nn.Module.children
        self._module_named_modules = torch.nn.Module.named_modules
        self._module_eval = torch.nn.Module.eval
        self._no_grad = torch.no_grad
        self._zeros = torch.zeros
        from torch.overrides import TorchFunctionMode

        class _OpRecorder(TorchFunctionMode):
            """Names every torch function and tensor method a call uses (F.conv2d, nn.Conv2d's forward...)."""

            def __init__(self):
                super().__init__()
                self.ops = set()

            def __torch_function__(self, func, types, args=(), kwargs=None):
                self.ops.add(str(getattr(func, "__name__", func)))
                return func(*args, **(kwargs or {}))

        self._op_recorder = _OpRecorder

    # -- entry point -------------------------------------------------------
    def handle(self, request: dict) -> dict:
        """Answer one request.  Never raises for anything the submission does.

        The operations return raw values; they are encoded here, after
        ``after_submission_code`` has undone whatever the submission patched.
        """
        op = request.get("op")
        method = {"value": self._value, "call": self._call, "calls": self._calls,
                  "model": self._model, "forward": self._forward}.get(op)
        if method is None:
            return {"refused": f"unknown request {op!r}"}
        timeout = request.get("timeout") if self.timeouts else None
        after = self._after
        try:
            with deadline(timeout):
                answer = method(request)
                after()
                return _encoded(answer)
        except ProbeTimeout:
            after()
            return {"timeout": timeout}
        except _Refused as refusal:
            after()
            return {"refused": str(refusal)}
        except _Missing as missing:
            after()
            return {"missing": str(missing)}
        except _BaseException as exc:
            after()
            try:
                return {"raised": describe_exception(exc)}
            except _BaseException:
                return {"raised": {"type": "BaseException", "message": "", "where": None}}

    # -- helpers -----------------------------------------------------------
    def _lookup(self, name) -> object:
        if type(name) is not str:
            raise _Refused("name must be a string")
        if name not in self.namespace:
            raise _Missing(name)
        return self.namespace[name]

    def _args(self, request) -> tuple[list, dict]:
        args = wire.decode(request.get("args", []))
        kwargs = wire.decode(request.get("kwargs", {"$dict": []}))
        if type(args) is not list or type(kwargs) is not dict:
            raise _Refused("malformed arguments")
        return [self._live(a) for a in args], {k: self._live(v) for k, v in kwargs.items()}

    def _live(self, value):
        """Decoded plain data as the submission expects it: tensors for arrays."""
        if isinstance(value, wire.Array):
            return value.to_tensor()
        if type(value) is list:
            return [self._live(v) for v in value]
        if type(value) is tuple:
            return tuple(self._live(v) for v in value)
        return value

    def _build(self, request):
        factory = self._lookup(request.get("name"))
        if not callable(factory):
            raise _Refused(f"{request.get('name')} is a {wire.type_name(factory)}, not a class or function")
        args, kwargs = self._args(request)
        model = factory(*args, **kwargs)
        if not isinstance(model, self._module_type):
            raise _Refused(f"{request.get('name')}(...) returned a {wire.type_name(model)}, not a torch.nn.Module")
        return model

    # -- operations --------------------------------------------------------
    def _value(self, request) -> dict:
        return {"ok": self._lookup(request.get("name"))}

    def _function(self, request):
        func = self._lookup(request.get("name"))
        if not callable(func):
            raise _Refused(f"{request.get('name')} is a {wire.type_name(func)}, not a function")
        return func

    def _call_one(self, func, args, kwargs, trace: bool) -> dict:
        if trace:
            recorder = self._op_recorder()
            with recorder:
                result = func(*args, **kwargs)
            return {"ok": result, "ops": sorted(recorder.ops)}
        return {"ok": func(*args, **kwargs)}

    def _call(self, request) -> dict:
        args, kwargs = self._args(request)
        return self._call_one(self._function(request), args, kwargs, bool(request.get("trace")))

    def _calls(self, request) -> dict:
        """Several calls of one function in one round trip; each answers on its own."""
        func = self._function(request)
        calls = request.get("calls")
        if type(calls) is not list or len(calls) > 1000:
            raise _Refused("malformed calls")
        answers = []
        trace = request.get("trace")
        for i, call in enumerate(calls):
            if type(call) is not dict:
                raise _Refused("malformed call")
            args, kwargs = self._args(call)
            try:
                # "first": trace only the first call (tracing runs Python for every operator)
                traced = trace is True or (trace == "first" and i == 0)
                answers.append(self._call_one(func, args, kwargs, traced))
            except (ProbeTimeout, MemoryError):
                raise
            except _BaseException as exc:
                self._after()
                answers.append({"raised": describe_exception(exc)})
        return {"calls": answers}

    def _leaves(self, model) -> list[tuple[str, object]]:
        return [(name, m) for name, m in self._module_named_modules(model)
                if not any(True for _ in self._module_children(m))]

    def _trace(self, model, input_shape) -> tuple[list, object, dict | None]:
        """Leaf layers in the order a forward pass on zeros calls them.

        A layer called twice (one ``MaxPool2d`` used after both convolutions)
        appears twice; layers never called come last.  Returns the records
        ``(path, module, output shape)``, the output, and the forward pass's
        error if it failed part-way.
        """
        leaves = self._leaves(model)
        index_of = {id(m): i for i, (_, m) in enumerate(leaves)}
        calls: list[tuple[int, list | None]] = []

        def hook(module, inputs, output):
            if len(calls) < MAX_TRACED_CALLS:
                calls.append((index_of[id(module)],
                              list(output.shape) if isinstance(output, self._tensor_type) else None))

        handles = [m.register_forward_hook(hook) for _, m in leaves]
        output, error = None, None
        try:
            if input_shape is not None:
                self._module_eval(model)
                with self._no_grad():
                    output = model(self._zeros(*input_shape))
        except (ProbeTimeout, MemoryError):
            raise
        except _BaseException as exc:  # describe the layers anyway
            error = describe_exception(exc)
        finally:
            self._after()
            for h in handles:
                h.remove()
        called = {i for i, _ in calls}
        records = [(leaves[i][0], leaves[i][1], shape) for i, shape in calls]
        records += [(path, m, None) for i, (path, m) in enumerate(leaves) if i not in called]
        return records, output, error

    def _kind(self, module) -> str:
        """The torch.nn class a layer is (or derives from): ``Conv2d``, ``ReLU``, ..."""
        for cls in type(module).__mro__:
            mod = type.__dict__["__module__"].__get__(cls)
            if isinstance(mod, str) and mod.startswith("torch.nn.modules"):
                return type.__dict__["__name__"].__get__(cls)
        return wire.type_name(module)

    def _config(self, module) -> dict:
        attrs = object.__getattribute__(module, "__dict__")
        config = {}
        for cls in type(module).__mro__:
            for key in getattr(cls, "__constants__", ()) if cls.__module__.startswith("torch.nn") else ():
                if key in attrs and key not in config:
                    config[key] = attrs[key]
        params = attrs.get("_parameters", {})
        if "bias" in params:
            config["bias"] = params["bias"] is not None
        for key in ("p", "negative_slope", "num_features"):
            if key in attrs and key not in config:
                config[key] = attrs[key]
        return config

    def _model(self, request) -> dict:
        model = self._build(request)
        records, output, error = self._trace(model, request.get("input_shape"))
        layers = []
        for path, module, shape in records:
            own = object.__getattribute__(module, "__dict__").get("_parameters", {})
            layers.append({
                "path": path,
                "kind": self._kind(module),
                "type": wire.type_name(module),
                "config": self._config(module),
                "params": [[k, list(p.shape)] for k, p in own.items() if p is not None],
                "output_shape": shape,
            })
        count = sum(p.numel() for p in self._module_parameters(model))
        trainable = sum(p.numel() for p in self._module_parameters(model) if p.requires_grad)
        answer = {
            "layers": layers,
            "param_count": count,
            "trainable_count": trainable,
            "output_shape": list(output.shape) if isinstance(output, self._tensor_type) else None,
            "forward_error": error,
        }
        return {"ok": answer}

    def _forward(self, request) -> dict:
        """One forward pass that loads the reference's weights into each layer as it is first called.

        A pre-hook on every leaf with parameters takes the next weights in call
        order, so the layers are matched by the order the model uses them, and
        a single pass both matches and computes.
        """
        model = self._build(request)
        weights = wire.decode(request.get("weights", []))
        x = wire.decode(request.get("input"))
        if type(weights) is not list or not isinstance(x, wire.Array):
            raise _Refused("malformed forward request")
        x = x.to_tensor()
        loaded: dict[int, int] = {}  # id(module) -> its position among the reference's layers

        def load(module, inputs):
            if id(module) in loaded:
                return
            i = len(loaded)
            loaded[id(module)] = i
            problem = self._load_layer(module, i, weights[i] if i < len(weights) else None)
            if problem:
                raise _Mismatch(problem)

        handles = []
        for _, m in self._leaves(model):
            own = object.__getattribute__(m, "__dict__").get("_parameters", {})
            if any(p is not None for p in own.values()):
                handles.append(m.register_forward_pre_hook(load))
        try:
            with self._no_grad():
                self._module_eval(model)
                output = model(x)
        except _Mismatch as mismatch:
            return {"mismatch": str(mismatch)}
        finally:
            for h in handles:
                h.remove()
        if len(loaded) != len(weights):
            return {"mismatch": f"the forward pass uses {len(loaded)} layers with parameters; "
                                f"the reference has {len(weights)}"}
        if not isinstance(output, self._tensor_type):
            raise _Refused(f"the forward pass returned a {wire.type_name(output)}, not a tensor")
        return {"ok": output}

    def _load_layer(self, module, i: int, spec) -> str | None:
        """Copy ``spec``'s tensors into ``module``; what does not fit, in words (None when it fits)."""
        kind = self._kind(module)
        if spec is None:
            return f"the model uses more layers with parameters than the reference ({kind} is one too many)"
        if type(spec) is not dict or spec.get("kind") != kind:
            want = spec.get("kind") if type(spec) is dict else "?"
            return f"parametrised layer {i + 1} is a {kind}; the reference has a {want} there"
        own = object.__getattribute__(module, "__dict__").get("_parameters", {})
        tensors = spec.get("tensors", {})
        names = sorted(k for k, p in own.items() if p is not None)
        if type(tensors) is not dict or names != sorted(tensors):
            return f"layer {i + 1} ({kind}) has parameters {names}; the reference has {sorted(tensors)}"
        for name in names:
            value = tensors[name]
            if not isinstance(value, wire.Array):
                raise _Refused("malformed weights")
            param = own[name]
            if list(param.shape) != list(value.shape):
                return (f"layer {i + 1} ({kind}) {name} has shape {list(param.shape)}; "
                        f"the reference's has shape {list(value.shape)}")
            param.copy_(value.to_tensor())
        return None


def _encoded(answer: dict) -> dict:
    """``answer`` with its raw values encoded as plain data."""
    if "ok" in answer:
        return dict(answer, ok=wire.encode(answer["ok"]))
    if "calls" in answer:
        return {"calls": [_encoded(a) for a in answer["calls"]]}
    return answer


class _Mismatch(BaseException):
    """Raised from a forward pre-hook to stop the pass (a BaseException: a model's own
    ``except Exception`` must not swallow it)."""


class _Refused(Exception):
    pass


class _Missing(Exception):
    pass
