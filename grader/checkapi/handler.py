"""Answer the judge's questions about a submission's namespace.

This is the judged end of the probe: it receives a request (plain data),
looks things up in the namespace the submission's units built, runs them, and
answers with plain data.  It never sees an expected value.  Requests (the keys
and values are named in :mod:`.protocol`: :class:`~.protocol.ProbeOp`,
:class:`~.protocol.Key`, :class:`~.protocol.Answer`):

``{"op": "value", "name": N}``
    the value bound to ``N``.
``{"op": "call", "name": N, "args": [...], "kwargs": {...}, "trace": bool}``
    call ``N(*args, **kwargs)``; with ``trace`` the answer also lists the torch
    functions the call used (to tell hand-written code from ``F.conv2d``).
``{"op": "calls", "name": N, "calls": [{"args", "kwargs"}, ...], "trace": bool | "kernels"}``
    several calls in one round trip: ``{"calls": [answer, ...]}``, one ``ok`` or
    ``raised`` answer per call (``"kernels"``: every call's ATen operators, the first call's torch functions).
``{"op": "model", "name": N, "args": [...], "input_shape": [...], "input_seed": int | None}``
    build ``N(*args)`` and describe what a forward pass on an input of
    ``input_shape`` (uniform in [-1, 1) drawn from ``input_seed``, else zeros) does: the layer operations it calls (convolution, linear,
    pooling, activation, flatten...), in order, each with the arguments it was
    really called with (``nn.Conv2d`` and ``F.conv2d`` alike) and its output
    shape; the parameters the pass really used and those the model declares;
    the output shape.  Attributes (``padding``, ``in_features``) are never read:
    a layer is what it computes with.
``{"op": "forward", "name": N, "args": [...], "weights": [...], "input": D, "gradients": bool}``
    build ``N(*args)`` and return ``model(x)`` in eval mode (under ``no_grad``, or with autograd on when
    ``"gradients": true``, as while training), each convolution
    and linear operation of the pass computing with the next of ``weights``
    (matched by call order and kind) in place of the model's own tensors.
    The weights and ``x`` come as descriptions (:func:`.wire.decode_weights`,
    :class:`.wire.Uniform`), drawn here with the judge's own function.

Every request may carry ``time_limit`` (seconds; enforced when the handler keeps time).
Every answer is ``{"ok": value}`` or one of ``{"missing": name}``,
``{"raised": {"type", "message", "where", "mro"}}`` (``mro``: the builtin exception
classes the raised one derives from, by name, most derived first), ``{"timeout": time_limit}``,
``{"mismatch": reason}`` (``forward`` only), ``{"refused": reason}``.  The submission's exceptions never escape.
"""

from __future__ import annotations

import builtins
import signal
import traceback
import weakref
from collections import OrderedDict
from types import MappingProxyType

from . import wire
from .protocol import TRACE_KERNELS, UNTRACED_DISPATCH, Answer, Key, ProbeOp, is_submission_code

#: Per-request time limits are enforced with SIGALRM when this is true.  The
#: sandboxed worker turns it on; inside an Otter kernel it stays off.
_BaseException = BaseException
#: At most this many layer calls are recorded while tracing a forward pass.
MAX_TRACED_CALLS = 10_000
#: NumPy's number types, which a print option may hold (``threshold=np.prod(shape)``: fairness round 50), found by
#: these names in NumPy itself.
NUMPY_SCALARS = frozenset({"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16",
                           "float32", "float64", "longdouble", "bool", "bool_", "intc", "uintc", "longlong",
                           "ulonglong"})
#: The event ``sys.settrace``'s function gets as a frame starts (or a generator resumes).
FRAME_STARTS = "call"


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
_weakref = weakref.ref


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
            if is_submission_code(frame.filename):
                where = f"{frame.filename.strip('<>')}, line {frame.lineno}"
                break
    except BaseException:
        pass
    name = wire.type_name(exc)
    mro = builtin_bases(_type(exc))
    if is_out_of_memory(exc):
        name = "MemoryError"
    return {Key.TYPE: name, Key.MESSAGE: message[:500], Key.WHERE: where, Key.MRO: mro}


def is_out_of_memory(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    if type(exc) is RuntimeError:
        text = str(exc.args[0]) if exc.args else ""
        return any(s in text for s in ("can't allocate memory", "not enough memory", "could not create a primitive",
                                       "std::bad_alloc", "out of memory"))
    return False


#: The tensor methods that put a hook on a tensor's gradient.
TENSOR_HOOKS = frozenset({"register_hook", "register_post_accumulate_grad_hook"})


class Handler:
    """Serves requests against ``namespace`` (the submission's globals).

    Args:
        namespace: the dict the submission's code ran in.
        timeouts: enforce each request's ``time_limit`` with SIGALRM.
        after_submission_code: called whenever submission code returns or raises,
            before anything is encoded (the worker undoes monkeypatches there).
    """

    def __init__(self, namespace: dict, *, timeouts: bool = False, after_submission_code=None):
        self.namespace = namespace
        self.timeouts = timeouts
        self._after = after_submission_code or (lambda: None)
        # Models trained before anything else ran on them, kept for their judged pass (ProbeOp.TRAIN's KEEP)
        self._kept_trainings: dict[str, tuple] = {}
        import torch  # noqa: F401  (bound before submission code can patch it)

        self._torch = torch
        self._module_type = torch.nn.Module
        self._tensor_type = torch.Tensor
        from torch.overrides import _pop_mode, _push_mode

        # Bound now: a submission that patches TorchFunctionMode.__enter__ cannot keep the recorder out.
        self._push_mode, self._pop_mode = _push_mode, _pop_mode
        self._register_pre_hook = torch.nn.Module.register_forward_pre_hook
        self._register_hook = torch.nn.Module.register_forward_hook
        self._module_eval = torch.nn.Module.eval
        # TorchScript keeps a scripted module's parameters, buffers and submodules in tables of its own
        self._plain_tables = (dict, OrderedDict, torch.jit._script.OrderedDictWrapper,
                              torch.jit._script.OrderedModuleDict)
        self._parameter_types = (torch.nn.Parameter, torch.nn.parameter.UninitializedParameter)
        # A class's own namespace as type keeps it (whatever its metaclass says), and the kind of __dict__ every
        # class that adds instance dictionaries gets
        self._class_namespace = type.__dict__["__dict__"].__get__
        self._plain_instance_dict = type(type.__dict__["__dict__"])
        self._empty = torch.empty
        self._int64 = torch.int64
        self._random_in_place = torch.Tensor.random_
        self._module_train = torch.nn.Module.train
        self._no_grad = torch.no_grad
        # The autograd engine itself: torch.autograd.grad, handed to a mode, runs whole with the mode off, its hooks
        # out of the mode's sight (Handler._own_code).
        from torch.autograd.variable import Variable
        self._run_backward = Variable._execution_engine.run_backward
        self._ones_like = torch.ones_like
        self._enable_grad = torch.enable_grad
        self._zeros = torch.zeros
        self._empty_strided = torch.empty_strided
        # Read through torch's own descriptors, as they are before any submission code runs.
        self._base_of = torch._C.TensorBase._base.__get__
        backward_hooks = torch._C.TensorBase._backward_hooks.__get__
        accumulated_hooks = torch._C.TensorBase._post_accumulate_grad_hooks.__get__
        self._gradient_hooks_of = lambda t: bool(backward_hooks(t)) or bool(accumulated_hooks(t))
        self._strides = torch._C.TensorBase.stride
        self._offset = torch._C.TensorBase.storage_offset
        storage = torch._C.TensorBase.untyped_storage
        self._storage_bytes = lambda t: storage(t).nbytes()
        self._storage_address = lambda t: storage(t).data_ptr()
        detach, clone = torch._C.TensorBase.detach, torch._C.TensorBase.clone
        self._copy_of = lambda t: clone(detach(t))
        self._copy_into = torch._C.TensorBase.copy_  # not a method a Parameter subclass may override
        self._same = torch.equal
        # The judge's training step (Handler._train, wire.training_moves), on ops a submission cannot patch.
        from types import SimpleNamespace
        self._training_ops = SimpleNamespace(amax=torch.amax, abs=torch.abs, mul=torch.mul, clamp=torch.clamp,
                                             item=torch._C.TensorBase.item, numel=torch._C.TensorBase.numel)
        self._subtract_in_place = torch._C.TensorBase.sub_
        self._requires_grad = torch._C.TensorBase.requires_grad.__get__
        self._flatten = torch.flatten
        self._grad_descriptor = torch._C.TensorBase.grad
        self._allclose = torch.allclose
        # What a convolution written out is compared with (Handler._written_convolution), bound before any
        # submission code runs, and run with no tensor subclass's __torch_function__ in the way.
        self._conv2d = torch.conv2d
        self._max_pool2d = torch.nn.functional.max_pool2d
        import random
        self._random = random.Random
        self._linspace, self._int64 = torch.linspace, torch.int64
        self._no_subclass = torch._C.DisableTorchFunctionSubclass
        self._as_double = torch._C.TensorBase.double
        self._abs = torch.abs
        self._grad_enabled = torch.is_grad_enabled
        self._exact_dtypes = (torch.float32, torch.float64)
        # The transposing properties a weight written out is read through (x @ fc.weight.T): .T and .mT.
        self._transposing_properties = (torch.Tensor.T, torch.Tensor.mT)
        # A lazy layer's parameter before its first call: it has no shape to read yet.
        self._uninitialized = torch.nn.parameter.UninitializedTensorMixin
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
        from torch.utils._python_dispatch import TorchDispatchMode
        from torch.utils._python_dispatch import _pop_mode as pop_dispatch_mode
        from torch.utils._python_dispatch import _push_mode as push_dispatch_mode

        class _KernelRecorder(TorchDispatchMode):
            """Names every ATen operator a call runs, below the torch functions :class:`_OpRecorder` sees: what a
            TorchScript function, a custom op or a torch function built on another (``F.interpolate`` in area mode
            pools, ``F.local_response_norm`` too) runs reaches the dispatcher all the same (attack round 27)."""

            def __init__(self):
                super().__init__()
                self.ops = set()

            @classmethod
            def _should_skip_dynamo(cls) -> bool:
                # torch wraps a mode's __torch_dispatch__ to keep torch.compile out of it, and the wrapper imports
                # torch._dynamo at its first call: 1.5 s in every judge and small batch's worker; nothing compiles
                # here
                return False

            def __torch_dispatch__(self, func, types, args=(), kwargs=None):
                self.ops.add(f"aten.{getattr(getattr(func, 'overloadpacket', func), '__name__', func)}")
                for kind in types:  # only the classes whose tensors carry the Python dispatch key
                    self.ops.add(f"{UNTRACED_DISPATCH} (a tensor subclass's own dispatch: "
                                 f"{getattr(kind, '__qualname__', '?')})")
                return func(*args, **(kwargs or {}))

        self._kernel_recorder = _KernelRecorder
        # Bound now, as the function modes' (a submission that patches __enter__ cannot keep the recorder out).
        self._push_dispatch_mode, self._pop_dispatch_mode = push_dispatch_mode, pop_dispatch_mode
        from torch.utils._python_dispatch import _get_current_dispatch_mode_stack

        self._modes_below = (torch._C._len_torch_dispatch_stack, _get_current_dispatch_mode_stack)
        self._trace_aside = self._trace_aside_test(torch)
        self._odd_print_options = self._print_options_test(torch)
        import sys

        # the function a tensor's repr prints through, which sets every dispatch mode aside (torch._tensor_str._str)
        self._printing_code = vars(sys.modules[torch.set_printoptions.__module__])["_str"].__code__
        # the tensors whose printing runs torch's own code only
        self._printed_kinds = (torch.Tensor, torch.nn.Parameter)
        self._grad_fn_of = torch._C.TensorBase.grad_fn.__get__
        self._settrace, self._gettrace = sys.settrace, sys.gettrace

        class _ParameterReads(TorchFunctionMode):
            """Follows the model's parameters through the code of its own that a judged request runs outside the
            recorded pass (:meth:`Handler._own_code`): a Python value of a function of them (:data:`PYTHON_VALUES`)
            goes through ``python_value`` (noted, or varied when the pass runs again); without one (the backward
            pass), the first operation that takes one out of torch is kept (``found``), with the code's ``where``.

            Follows only what is computed from them (``tracked``, kept alive so that ids stay theirs; at most
            :data:`MAX_TRACKED_READS`, beyond which any Python value counts); a finiteness test of a parameter, or
            of a rearrangement or copy of one (``plain``), is no function of its values to follow, as in the pass
            (:data:`FINITENESS_TESTS`)."""

            def __init__(self, parameters, where: str, python_value=None):
                super().__init__()
                self.tracked = {id(p): p for p in parameters}
                self.plain = set(self.tracked)
                self.where = where
                self.found: str | None = None
                # what a Python value of them goes through instead of being refused (Handler._noted_or_varied)
                self.python_value = python_value

            def __torch_function__(self, func, types, args=(), kwargs=None):
                kwargs = kwargs or {}
                name = getattr(func, "__name__", "")
                name = name if isinstance(name, str) else ""
                flat = [v for a in (*args, *kwargs.values()) for v in (a if isinstance(a, (list, tuple)) else (a,))
                        if isinstance(v, handler._tensor_type)]
                reads = [t for t in flat if self.tracked.get(id(t)) is t]
                plain = all(id(t) in self.plain for t in reads)
                varied = reads and self.python_value is not None and name in PYTHON_VALUES
                if reads and self.found is None and not varied and (name in LAUNDERING or name in PRINTED_FORMS or len(
                        self.tracked) >= MAX_TRACKED_READS) and not (name in FINITENESS_TESTS and plain):
                    self.found = name or "a Python value"
                output = func(*args, **kwargs)
                if varied:
                    return self.python_value(func, name, args, kwargs, output)
                if reads and name not in VALUE_FREE and not (name in FINITENESS_TESTS and plain) and \
                        len(self.tracked) < MAX_TRACKED_READS:
                    for out in (output if isinstance(output, (list, tuple)) else (output,)):
                        if isinstance(out, handler._tensor_type):
                            self.tracked[id(out)] = out
                            if plain and name in KERNEL_REARRANGING:
                                self.plain.add(id(out))
                return output

        self._parameter_reads = _ParameterReads
        handler = self

        class _LayerRecorder(TorchFunctionMode):
            """Records the layer operations of a forward pass with the arguments they really get.

            With ``weights``, each convolution and linear operation computes with the
            judge's next tensors instead of the model's own (:meth:`Handler._forward`).
            """

            def __init__(self, weights=None):
                super().__init__()
                self.records: list[dict] = []
                self.outputs: dict[int, object] = {}  # record index -> the tensor that layer produced
                # A description keeps every tensor computed from the input alive (its autograd graph
                # holds most of them anyway).  A forward pass with the judge's weights keeps none: it
                # frees them as the model drops them, instead of piling them all up in fresh memory.
                self.keep = weights is None
                self.tensors: dict[int, list] = {}  # record index -> the weight and bias tensors it used
                self.weights = weights
                # Why the judge's weights did not fit (the first refusal), kept here, never in the
                # exception raised into the submission's forward pass, which can catch that.
                self.mismatch: str | None = None
                # (id of F.pad's output, its widths, that output, kept alive so that its id stays its own)
                # for a zero pad then conv
                self.pad: tuple | None = None
                # Tensors computed from the model's input, by id: a layer counts only when data from
                # the input flows through it, not when the forward pass calls it on a tensor of its own
                # for show.  Kept alive so that their ids stay theirs; without ``keep``, held by a weak
                # reference whose callback takes the id out when the tensor dies (before its memory is
                # freed), so that no later tensor takes it over either.  (A tensor resurrected by a
                # finalizer after a garbage collection comes back as not computed from the input: in
                # a forward pass with the judge's weights, where that could happen, taking data out of
                # the input's path is already open to the model, through .tolist(), and gains it nothing.)
                self.derived: dict[int, object] = {}
                self.marked = 0  # tensors ever marked (the bound of the work, as when all were kept)
                self.laundered: str | None = None
                # In a judged pass: the Python values it took of its data or of functions of its parameters, in
                # order (``python_values``: their operations), and, in the pass run again to see whether they
                # decide anything (Handler._counterfactual), ``varied``: how many were handed back varied so far;
                # the names of the operations the pass ran (``op_log``, at most MAX_OP_LOG).
                self.python_values: list[str] = []
                self.varied: int | None = None
                self.vary_random = None
                self.vary_factor = None
                self.op_log: list[str] = []
                # For each operation of ``op_log``: the operations (their indices) that made the tensors it took,
                # as they were when it ran (``flow``), which operation made each tensor last (``producer``, by id;
                # an id of a dead tensor may be taken again, which only adds an edge), and the operations that
                # wrote into a tensor the pass did not make (a buffer, a parameter: ``effects``).  What reaches the
                # output (Handler._reaching) is what a varied run is compared by (Handler._counterfactual).
                self.flow: dict[int, tuple] = {}
                self.producer: dict[int, int] = {}
                self.effects: list[int] = []
                # finiteness tests of anything, and their reductions and negations, by id, kept alive
                self.finite_tests: dict[int, object] = {}
                # comparisons, and their all() and any(), with what made them (Handler._rederived)
                self.comparisons: dict[int, tuple] = {}
                # The model's own parameters, by id (set by _run_recorded): with ``weights``, the judge's go
                # only where one of them reaches a layer (Handler._substitute).  For a Linear written out
                # (x @ fc.weight.T + fc.bias, an einsum): the transposed views of them taken in the pass
                # (kept alive), and the written-out layer whose bias may come next (Handler._written_linear).
                self.declared: dict[int, object] = {}
                # The model's own tensors a layer computed with that the judge's values replaced and that are
                # not the parameter itself (a view of it: `conv.bias.view(1, -1, 1, 1)`), kept alive: a gradient
                # hook on one changes training's gradients and never the judged pass's, where they are not on
                # the path (attack round 21: a bias gradient drifted by a hook on its view).
                self.replaced: list = []
                self.snapshots: dict[int, object] = {}  # with ``weights``: each parameter's values at the start
                self.transposed: dict[int, tuple] = {}
                self.pending: tuple | None = None
                # while a written-out layer's bias is awaited: a 1-D parameter (or a view laying it out) broadcast
                # along the examples (``b.expand(n, 1)``, ``b.repeat(n, 1)``), by id of the result -> (the result,
                # kept alive, the tensor broadcast): its addition to the product is that bias (Handler._written_bias)
                self.broadcasts: dict[int, tuple] = {}
                # In a description: the last few 4-D tensors from the input of each shape (``maps``), among which
                # a max pooling written out finds its input, those already pooled (by id, kept alive), and how many
                # comparisons were made (Handler._written_pooling).
                self.maps: dict[tuple, list] = {}
                self.pooled: dict[int, object] = {}
                self.pool_outputs: dict[int, object] = {}  # pooled maps, and what operations made of them alone
                self.maxima: dict[int, object] = {}  # results of maxima (MAXIMA) and of views of them
                self.pool_tries = 0
                # while a written-out layer's bias is awaited: the products of its weight with other examples'
                # data (a per-example loop, ``torch.stack([W.mv(row) for row in x])``), by id, kept alive
                self.siblings: dict[int, object] = {}
                # With ``weights``: every use of one of the model's parameters in the pass, in a layer or in any
                # other operation, computes with the judge's values for it instead (Handler._judged_arguments):
                # made once per parameter (``values``: id of the parameter -> a tensor laid out as it is; ``bases``:
                # the id of that tensor -> the parameter), from the slot of the judge's weights it takes
                # (``slots``: (layer index, "weight" or "bias") -> the parameter; ``assigned``: the parameter of a
                # layer's weight -> its index; ``taken``: the layers' indices given out).  A model then computes
                # with one set of weights only, the judge's, however it spells its layers, and has nothing of its
                # own in the pass to compare them with (attack round 7: a convolution redone with F.unfold).
                self.values: dict[int, object] = {}
                self.bases: dict[int, object] = {}
                self.slots: dict[tuple, object] = {}
                # slot -> how the reference's tensor there lies in the parameter's values (None: as they are;
                # else the size, strides and offset of the view of them that is the reference's tensor)
                self.layouts: dict[tuple, tuple | None] = {}
                self.assigned: dict[int, int] = {}
                self.taken: set[int] = set()
                self.spec_index = -1  # the index of the weights the last layer got
                # Differentiable copies of a parameter made by a copying operation, holding exactly its values
                # (`w.double()`, `w.clone()`, a channels-last copy), by id, kept alive: a layer computing with one
                # computes with the parameter (Handler._note_cast); in a judged pass they are made of the judge's
                # values.
                self.casts: dict[int, object] = {}
                self.cast_of: dict[int, object] = {}  # id of the copy -> the parameter
                # A convolution written out (im2col, einsum over windows, an FFT, shifted slices): the model's 4-D
                # parameters used outside a convolution since the last layer (``open_convs``, by id), the 1-D ones
                # with one value per output channel (``open_biases``), the last few tensors from the input the pass
                # used before one opened and the first few after (``windows``, by weak reference: the layer's input
                # is among them), and how many comparisons were made (bounded: Handler._written_convolution).
                self.open_convs: dict[int, object] = {}
                # kernels rearranged (id of the result -> (the parameter, the result), kept alive), and kernels
                # transformed otherwise, no convolution's for the rest of the pass (Handler._kernel_use)
                self.arranged: dict[int, tuple] = {}
                self.transformed: dict[int, object] = {}
                self.modified: dict[int, object] = {}  # functions of parameters alone (Handler._weight_function)
                self.spectral: dict[int, object] = {}  # of those and rearrangements, FFTs and what is made of one
                self.rearranged: dict[int, object] = {}  # their rearrangements and copies (the same)
                self.open_biases: dict[int, object] = {}
                self.windows: list = []
                self.windows_before = 0  # how many of them came before a convolution opened
                self.windows_at = 0
                self.conv_tries = 0  # since the last layer
                self.all_conv_tries = 0
                # a written-out convolution read on an input of zeros, which fits it with any bias and padding
                # (Handler._is_convolution): the description is made again on other values (Handler._model)
                self.read_on_zeros = False
                self.convolutions: dict[tuple, tuple] = {}  # (weight, input, stride, padding) -> (F.conv2d's, scale)
                # the written-out convolution whose bias is awaited: (its index, its entry of ``convolutions``)
                self.written_output: tuple | None = None
                self.recorded: set[int] = set()  # parameters a layer written out was recorded for (once per pass)

            def start(self, x):
                self._derive(x)

            def _derive(self, t):
                key = id(t)
                if key in self.derived:  # that very tensor: an id is unique among live objects
                    return
                self.marked += 1
                derived = self.derived
                if self.keep:
                    derived[key] = t
                    if t.dim() == 4:  # the last few of each shape (a pooling's four slices leave its input in)
                        shape = (tuple(t.shape), t.dtype)
                        self.maps[shape] = [*self.maps.pop(shape, [])[1 - MAX_POOLED_MAPS:], t]
                        if len(self.maps) > MAX_POOLED_SHAPES:
                            del self.maps[next(iter(self.maps))]
                    return
                try:
                    derived[key] = _weakref(t, lambda _, key=key, pop=derived.pop: pop(key, None))
                except TypeError:  # a tensor that takes no weak reference stays alive instead
                    derived[key] = t

            def _mark(self, output, args, kwargs, name=""):
                if self.marked > 100_000:
                    return
                tensor = handler._tensor_type
                sources = list(args) + list(kwargs.values())
                flat = [v for a in sources for v in (a if isinstance(a, (list, tuple)) else (a,))]
                if any(isinstance(v, tensor) and id(v) in self.derived for v in flat):
                    self._window(flat)
                    if name in LAUNDERING and name not in PYTHON_VALUES and self.laundered is None:
                        self.laundered = name  # the data leaves torch, where the grader cannot follow it
                    written = (args[0],) if args and (name.endswith("_") or name == "__setitem__") else ()
                    outputs = list(output) if isinstance(output, (list, tuple)) else [output]
                    for out in outputs + list(written):
                        if isinstance(out, tensor):
                            self._derive(out)

            def _window(self, flat):
                """Keep the 4-D tensors from the input that operations used since the last layer, the last few before
                a parameter of a convolution was used outside one and the first few after: the input of a
                convolution written out is one of them (Handler._written_convolution)."""
                if self.windows_at != len(self.records):
                    self.windows, self.windows_at, self.convolutions = [], len(self.records), {}
                    self.conv_tries = 0
                for v in flat:
                    # by weak reference: the recorder keeps no result of the pass alive (the window of a tensor the
                    # model drops goes with it)
                    if isinstance(v, handler._tensor_type) and id(v) in self.derived and v.dim() == 4 \
                            and not any(w() is v for w in self.windows):
                        if not self.open_convs:
                            self.windows = self.windows[1 - MAX_WINDOWS:] if len(self.windows) >= MAX_WINDOWS \
                                else self.windows
                            self.windows_before = len(self.windows) + 1
                        elif len(self.windows) >= self.windows_before + MAX_WINDOWS:
                            return
                        try:
                            self.windows.append(_weakref(v))
                        except TypeError:
                            return

            def _tensors(self, args, kwargs):
                # In lists and tuples at any depth (`torch.tensor([[flag]])`, attack round 30) and a slice's bounds
                # (`t[:n]` with a tensor `n` reads it as a number, attack round 29); at most MAX_TRACED_CALLS items.
                tensor, end = handler._tensor_type, _END_OF_ITEMS
                found, stack, seen = [], [iter(list(args) + list(kwargs.values()))], 0
                while stack and seen < MAX_TRACED_CALLS:
                    item = next(stack[-1], end)
                    if item is end:
                        stack.pop()
                        continue
                    seen += 1
                    if isinstance(item, tensor):
                        found.append(item)
                    elif isinstance(item, (list, tuple)):
                        stack.append(iter(item))
                    elif isinstance(item, slice):
                        stack.append(iter((item.start, item.stop, item.step)))
                return found

            def __torch_function__(self, func, types, args=(), kwargs=None):
                kwargs = kwargs or {}
                if self.weights is None or len(self.op_log) > MAX_OP_LOG:
                    return self._recorded(func, types, args, kwargs)
                index = len(self.op_log)  # the entry _recorded makes
                producer = self.producer
                tensor = handler._tensor_type
                if kwargs or any(type(a) in (list, tuple, slice) for a in args):
                    taken = self._tensors(args, kwargs)
                else:  # (most operations: tensors and numbers, no container to look into)
                    taken = [a for a in args if isinstance(a, tensor)]
                self.flow[index] = tuple(producer[id(t)] for t in taken if id(t) in producer)
                subject = args[0] if args and isinstance(args[0], handler._tensor_type) else None
                name = getattr(func, "__name__", "")
                writes = subject is not None and isinstance(name, str) and (
                    (name.endswith("_") and not name.endswith("__")) or name in WRITING_METHODS or "out" in kwargs)
                fresh = writes and id(subject) not in producer
                output = self._recorded(func, types, args, kwargs)
                for out in (output if isinstance(output, (list, tuple)) else (output,)):
                    if isinstance(out, handler._tensor_type):
                        producer[id(out)] = index
                if writes:
                    # written into (`h.add_(b)`, `h[0] = v`): a tensor the pass did not make is state it leaves
                    # behind for the next pass, which the output does not show
                    producer[id(subject)] = index
                    if fresh:
                        self.effects.append(index)
                return output

            def _recorded(self, func, types, args, kwargs):
                # By identity first: a submission may rename F.max_pool2d's __name__.
                name = layer_names.get(id(func)) or getattr(func, "__name__", "")
                if self.weights is not None and len(self.op_log) <= MAX_OP_LOG:
                    self.op_log.append(name if isinstance(name, str) else "?")
                if isinstance(name, str) and name in WRITTEN_LINEAR_OPS and len(self.records) < MAX_TRACED_CALLS:
                    written = handler._written_linear(self, func, name, args, kwargs)
                    if written is not None:
                        return written[0]
                spec = layer_ops.get(name) if isinstance(name, str) else None
                if self.casts and isinstance(name, str) and (name.endswith("_") or name in ("__setitem__", "__set__")
                                                             or "out" in kwargs):
                    handler._forget_casts(self, args, kwargs)  # a copy written over no longer holds the parameter
                if name in TENSOR_HOOKS and self.weights is not None and args and \
                        isinstance(args[0], handler._tensor_type) and handler._held_by(self, args[0]) is not None:
                    # In a judged pass the judge's values stand in for the parameter, and the hook would go on a
                    # view of them no later operation uses: it would change training's gradients and never the
                    # judged pass's (attack round 21: a bias gradient drifted by a hook on `bias.view(...)`).
                    raise _mismatch(self, "a gradient hook on one of its parameters (or a view of one) changes "
                                          "that parameter's gradients")
                if spec is None or len(self.records) >= MAX_TRACED_CALLS:
                    if self.pad and args and isinstance(args[0], handler._tensor_type) and id(args[0]) == \
                            self.pad[0] and isinstance(name, str) and (name.endswith("_") or name == "__setitem__"):
                        self.pad = None  # the zero padding was written over: no longer zero padding
                    given = args
                    try:
                        output, args, kwargs, used = handler._judged_call(self, func, name, args, kwargs)
                    except Exception:
                        if self.weights is not None and self.mismatch is None and handler._of_parameters_alone(
                                self, args, kwargs):
                            # whether an operation on the parameters alone raises is a Python value of them
                            # (attack round 27: `torch.zeros(2)[flag * 3]`'s IndexError, caught, was a flag)
                            self.mismatch = (f"an operation on its parameters alone (`{name}`) raises, which tells "
                                             "something of their values, so what it does cannot be judged with "
                                             "the judge's weights")
                        raise
                    self._mark(output, args, kwargs, name if isinstance(name, str) else "")
                    if self.weights is not None and isinstance(output, handler._tensor_type) and (
                            (name in FINITENESS_TESTS and not any(
                                self.modified.get(id(t)) is t or self.spectral.get(id(t)) is t
                                for t in self._tensors(args, kwargs)))
                            or (name in TRUTH_REDUCTIONS and all(
                                self.finite_tests.get(id(t)) is t for t in self._tensors(args, kwargs)))) \
                            and len(self.finite_tests) < MAX_TRACED_CALLS:
                        # (Handler._python_value; not of a function of the parameters alone, which a scale and
                        # an overflow turn into a threshold test: attack round 27)
                        self.finite_tests[id(output)] = output
                    if self.weights is not None and isinstance(output, handler._tensor_type) and (
                            name in COMPARISONS or (name in ("all", "any") and any(
                                self.comparisons.get(id(t), (None,))[0] is t for t in self._tensors(args, kwargs)))) \
                            and len(self.comparisons) < MAX_TRACED_CALLS:
                        self.comparisons[id(output)] = (output, func, args, kwargs)  # (Handler._rederived)
                    if isinstance(name, str) and len(self.records) < MAX_TRACED_CALLS:
                        if name in CAST_OPS:
                            handler._note_cast(self, name, given, kwargs, used, output)
                        if name in BROADCASTS:
                            handler._note_broadcast(self, given, output)
                        handler._kernel_use(self, name, given, kwargs, used, output)
                        handler._written_convolution(self, used, output)
                        handler._written_layer(self, name, args, kwargs, used, output)
                        handler._written_pooling(self, name, output, args, kwargs)
                    if self.weights is not None and name in PYTHON_VALUES:
                        output = handler._python_value(self, func, name, args, kwargs, used, output)
                    return output
                kind, params = spec
                bound = _bind(params, args, kwargs)
                if bound is None:
                    return func(*args, **kwargs)
                source = bound.get("input")
                if not (isinstance(source, handler._tensor_type) and id(source) in self.derived):
                    if self.weights is not None and kind in ("Conv2d", "Linear"):
                        # A layer run off the input's path gets the judge's weights too, those of its parameters
                        # (a shape checked on zeros, fairness round 9): with weights of its own beside the judge's
                        # on the path, a model would compare the two and tell when it is judged (attack round 7),
                        # so weights that are not its parameters make the pass unjudgeable there as on the path.
                        handler._close_written_linear(self)
                        args, kwargs = (), handler._substitute(kind, bound, self)
                        output = func(*args, **kwargs)
                    else:
                        given = args
                        output, args, kwargs, used = handler._judged_call(self, func, name, args, kwargs)
                        handler._kernel_use(self, name, given, kwargs, used, output)
                        handler._written_convolution(self, used, output)  # `conv.weight.view(o, -1)`
                    self._mark(output, args, kwargs)  # not on the input's path: not a layer of this model
                    return output
                if kind == "Conv2d" and handler._part_of_parameter(self, bound.get("weight")):
                    # A convolution with part of a parameter's kernel (one output channel's, one input channel's):
                    # part of a convolution written out, which the whole parameter's is compared with once its
                    # parts are put together (fairness round 19: per-channel F.conv2d calls concatenated or summed).
                    given = args
                    output, args, kwargs, used = handler._judged_call(self, func, name, args, kwargs)
                    handler._kernel_use(self, name, given, kwargs, used, output)
                    self._mark(output, args, kwargs, name)
                    # a part is never the whole layer's output: where the input's other channels are all zero (a
                    # dead ReLU), it would equal it without its bias
                    handler._written_convolution(self, used, None)
                    return output
                record = handler._layer_record(kind, bound, self)
                index = len(self.records)
                if record is not None and kind not in ("Flatten", "Pad"):
                    self.records.append(record)  # before the call: a layer that raises is still described
                    self.tensors[index] = [t for t in (bound.get("weight"), bound.get("bias"))
                                           if isinstance(t, handler._tensor_type)]
                own_bias = isinstance(bound.get("bias"), handler._tensor_type)
                own_weight = bound.get("weight")
                if kind in ("Conv2d", "Linear"):
                    handler._close_written_linear(self)
                    # its weight is used by this layer, not by one written out
                    held = handler._parameter_of(self, own_weight)
                    if held is not None:
                        self.open_convs.pop(id(held), None)
                if self.weights is not None and kind in ("Conv2d", "Linear"):
                    bound = handler._substitute(kind, bound, self, bias_later=not own_bias)
                    args, kwargs = (), bound
                elif self.weights is not None:
                    args, kwargs, _ = handler._judged_arguments(self, args, kwargs)
                if kind == "Dropout" and self.weights is not None and bound.get("training", True) is not False \
                        and bound.get("p", 0.5) != 0:
                    # while training, a dropout zeroes units at random: not the network asked for (attack round 16
                    # had p=1 while training, 0 while evaluated), told as such rather than by random outputs
                    raise _mismatch(self, f"a dropout of p={bound.get('p', 0.5)} while training, which the network "
                                          "asked for does not have")
                output = func(*args, **kwargs)
                self._mark(output, (source,), {})
                if kind in POOLINGS and self.keep and isinstance(source, handler._tensor_type):
                    self.pooled[id(source)] = source  # pooled by a layer: no pooling written out of it
                    for out in (output if isinstance(output, tuple) else (output,)):
                        self.pool_outputs[id(out)] = out
                first = output[0] if type(output) is tuple and output else output
                shape = list(first.shape) if isinstance(first, handler._tensor_type) else None
                if kind == "Pad":
                    widths = bound.get("pad")
                    if bound.get("mode", "constant") == "constant" and not bound.get("value") and isinstance(
                            widths, (list, tuple)) and all(type(w) is int and w >= 0 for w in widths):
                        self.pad = (id(first), tuple(widths), first)
                elif kind == "Flatten":
                    handler._written_convolution(self, (), first)  # an im2col product viewed as (N, out, H', W')
                    handler._written_pooling(self, name, first, args, kwargs)  # F.unfold(x, 2, stride=2)'s max
                    source = bound.get("input")
                    if self.pending is not None and source is self.pending[0] and \
                            self.records[self.pending[1]]["kind"] == "Linear" and \
                            isinstance(first, handler._tensor_type):
                        # a Linear's product flattened before its bias (`(h @ w.T).view(-1) + b`, one output a
                        # value per example: fairness round 58): still that layer's output, its bias awaited
                        handler._follow_product(self, first)
                        return output
                    if shape is not None and len(shape) in (1, 2) and isinstance(source, handler._tensor_type) \
                            and source.dim() > 2 and record is not None:  # a view that flattens
                        record["output_shape"] = shape
                        self.records.append(record)
                        if self.keep:
                            self.outputs[index] = first
                elif record is not None:
                    record["output_shape"] = shape
                    if self.keep:
                        self.outputs[index] = first
                    if kind in ("Conv2d", "Linear") and not own_bias and isinstance(first, handler._tensor_type):
                        # its bias may be added next, as an operation of its own (F.conv2d(x, w) + b.view(1, -1, 1, 1))
                        handler._await_bias(self, first, index, own_weight,
                                            "channels" if kind == "Conv2d" else "rows")
                return output

        self._layer_recorder = _LayerRecorder
        # Who reads a gradient in a judged pass (Handler._converted_by_torch): the recorder's frames between the read
        # and its reader, torch's Module._apply, and the Module methods that hand _apply a conversion of torch's own.
        # Code objects, compared by identity: a submission may rebind torch's methods, never change these objects.
        self._recorder_codes = frozenset({_LayerRecorder.__torch_function__.__code__,
                                          _LayerRecorder._recorded.__code__})
        module = torch.nn.Module
        self._module_apply_code = module._apply.__code__
        self._module_conversion_codes = frozenset(
            getattr(module, name).__code__ for name in ("to", "cpu", "float", "double", "type", "half", "bfloat16"))
        self._frame = sys._getframe
        self._read_gradient = self._grad_descriptor.__get__
        F = torch.nn.functional
        # The table as it was when this handler was made, before any submission code ran, and read
        # only: a submission that imports this module and rewrites LAYER_OPS changes nothing here.
        layer_ops = MappingProxyType(dict(LAYER_OPS))
        layer_names = {id(f): n for n, fs in {
            "conv2d": (torch.conv2d, F.conv2d), "linear": (F.linear,), "max_pool2d": (F.max_pool2d, torch.max_pool2d),
            "max_pool2d_with_indices": (F.max_pool2d_with_indices,),
            "avg_pool2d": (F.avg_pool2d,), "relu": (F.relu, torch.relu, torch.Tensor.relu),
            "relu_": (torch.relu_, torch.Tensor.relu_), "flatten": (torch.flatten, torch.Tensor.flatten),
            "view": (torch.Tensor.view,), "reshape": (torch.reshape, torch.Tensor.reshape),
            "dropout": (F.dropout,), "batch_norm": (F.batch_norm,), "pad": (F.pad,),
            "adaptive_avg_pool2d": (F.adaptive_avg_pool2d,), "adaptive_max_pool2d": (F.adaptive_max_pool2d,),
            "sigmoid": (torch.sigmoid, torch.Tensor.sigmoid), "tanh": (torch.tanh, torch.Tensor.tanh),
            "softmax": (F.softmax, torch.softmax, torch.Tensor.softmax),
            "log_softmax": (F.log_softmax, torch.log_softmax, torch.Tensor.log_softmax),
            "leaky_relu": (F.leaky_relu,),
        }.items() for f in fs}

    # -- entry point -------------------------------------------------------
    def handle(self, request: dict) -> dict:
        """Answer one request.  Never raises for anything the submission does.

        The operations return raw values; they are encoded here, after
        ``after_submission_code`` has undone whatever the submission patched.
        """
        op = request.get(Key.OP)
        method = self._operations().get(op)
        if method is None:
            return {Answer.REFUSED: f"unknown request {op!r}"}
        limit = request.get(Key.TIME_LIMIT) if self.timeouts else None
        after = self._after
        try:
            with deadline(limit):
                answer = method(request)
                after()
                return _encoded(answer)
        except ProbeTimeout:
            after()
            return {Answer.TIMEOUT: limit}
        except _Refused as refusal:
            after()
            return {Answer.REFUSED: str(refusal)}
        except _Missing as missing:
            after()
            return {Answer.MISSING: str(missing)}
        except _BaseException as exc:
            after()
            try:
                return {Answer.RAISED: describe_exception(exc)}
            except _BaseException:
                return {Answer.RAISED: {Key.TYPE: "BaseException", Key.MESSAGE: "", Key.WHERE: None}}

    def _operations(self) -> dict:
        """The method answering each :class:`~.protocol.ProbeOp` (built per request, never kept where a
        submission could reach and change it)."""
        return {ProbeOp.VALUE: self._value, ProbeOp.CALL: self._call, ProbeOp.CALLS: self._calls,
                ProbeOp.MODEL: self._model, ProbeOp.FORWARD: self._forward, ProbeOp.TRAIN: self._train}

    # -- helpers -----------------------------------------------------------
    def _lookup(self, name) -> object:
        if type(name) is not str:
            raise _Refused("name must be a string")
        if name not in self.namespace:
            raise _Missing(name)
        return self.namespace[name]

    def _args(self, request) -> tuple[list, dict]:
        args = wire.decode(request.get(Key.ARGS, []))
        kwargs = wire.decode(request.get(Key.KWARGS, {"$dict": []}))
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
        factory = self._lookup(request.get(Key.NAME))
        if not callable(factory):
            raise _Refused(f"{request.get(Key.NAME)} is a {wire.type_name(factory)}, not a class or function")
        args, kwargs = self._args(request)
        model = factory(*args, **kwargs)
        if not isinstance(model, self._module_type):
            raise _Refused(f"{request.get(Key.NAME)}(...) returned a {wire.type_name(model)}, not a torch.nn.Module")
        self._refuse_unjudgeable(model)
        return model

    def _refuse_unjudgeable(self, model) -> None:
        """Refuse a model whose modules run its own code where training reaches them and no judged pass does,
        checked when the model is built and again once the judge has trained it:

        - a class of its own that overrides a method training, a device move or a checkpoint calls
          (:data:`TRAINING_CALLS`: attack round 19);
        - attributes, parameters, buffers, submodules or hooks kept in a table of a class of its own, or a class
          that binds a table's name itself, its own ``__getattribute__`` or a ``__dict__`` of its own (an optimizer
          reads the tables by attribute when ``model.parameters()`` builds it: attack rounds 34 and 36);
        - parameters of a class of their own (an optimizer hashes them and reads ``is_leaf``: attack round 35).

        The judge's own step reads none of these, so such a model could be another network once really trained."""
        for module in self._module_named_modules_list(model):
            for cls in type(module).__mro__[:-1]:  # object's own __getattribute__ is the one torch reads through
                own = self._class_namespace(cls)
                if cls is not self._module_type and not str(getattr(cls, "__module__", "")).startswith("torch"):
                    overridden = sorted(TRAINING_CALLS & set(own))
                    if overridden:
                        raise _Refused(f"{cls.__name__} overrides torch.nn.Module.{overridden[0]}, which training "
                                       "and checkpointing call and the judge does not, so what the model is cannot "
                                       "be judged")
                bound = [name for name in (*MODULE_TABLES, "__getattribute__") if name in own]
                if "__dict__" in own and type(own["__dict__"]) is not self._plain_instance_dict:
                    bound.append("__dict__")
                if bound:
                    raise _Refused(f"{cls.__name__} binds {bound[0]} in its class, which torch reads when an "
                                   "optimizer is built or a step taken, so what the model is cannot be judged")
            attrs = object.__getattribute__(module, "__dict__")
            for table in (None, *MODULE_TABLES):
                value = attrs if table is None else attrs.get(table, {})
                if type(value) not in self._plain_tables:
                    raise _Refused(f"{type(module).__name__}'s {table or '__dict__'} is a {wire.type_name(value)}, "
                                   "not the dict torch makes, so what the model is cannot be judged")
            # (read once the instance's dict is known to be the plain one torch makes)
            shadowing = sorted(TRAINING_CALLS & {k for k in attrs if type(k) is str})
            if shadowing:
                # an instance's own attribute hides the class's method from whoever calls it (attack round 92:
                # `self.parameters = self._account` in __init__)
                raise _Refused(f"{type(module).__name__} binds {shadowing[0]} on its instance, hiding "
                               f"torch.nn.Module.{shadowing[0]}, which training and checkpointing call and the judge "
                               "does not, so what the model is cannot be judged")
            for name, p in attrs.get("_parameters", {}).items():
                if p is not None and type(p) not in self._parameter_types:
                    raise _Refused(f"{type(module).__name__}'s parameter {name} is a {wire.type_name(p)}, not a "
                                   "torch.nn.Parameter, so what the model is cannot be judged")

    # -- operations --------------------------------------------------------
    def _value(self, request) -> dict:
        return {Answer.OK: self._lookup(request.get(Key.NAME))}

    @staticmethod
    def _trace_aside_test(torch):
        """``aside(recorder)``: whether ``recorder`` (at the bottom of the dispatch mode stack, where
        :meth:`_call_one` put it) sees no operator run now: it is off the stack, or the Python dispatch key is
        excluded.  Bound now, before any submission code runs."""
        count, at = torch._C._len_torch_dispatch_stack, torch._C._get_dispatch_stack_at
        excluded, python_key = torch._C._dispatch_tls_is_dispatch_key_excluded, torch._C.DispatchKey.Python

        def aside(recorder) -> bool:
            return not count() or at(0) is not recorder or excluded(python_key)

        return aside

    @staticmethod
    def _print_options_test(torch):
        """``odd()``: the first of torch's print options that is not a plain number, text, truth value or None, by
        name, or None.  Torch compares and formats them while it prints a tensor, with every dispatch mode set aside:
        an object of the submission's there runs what it likes unseen, and a chain of built-in callables (a
        ``functools.partial`` as its ``__lt__``) starts no frame the trace function sees (attack round 62).  Bound
        now, before any submission code runs."""
        import sys

        module = sys.modules[torch.set_printoptions.__module__]
        options, plain = module.PRINT_OPTS, (int, float, bool, str, type(None))
        options_class = type(options)
        names = tuple(vars(options))
        own_dict = vars(module)

        numpy_numbers: list = []

        def odd() -> str | None:
            if own_dict.get("PRINT_OPTS") is not options or type(options) is not options_class:
                # (its class swapped for one whose properties answer in place of the values: attack round 67)
                return "PRINT_OPTS"
            values = vars(options)
            for name in set(names) | set(values):
                kind = type(values.get(name, getattr(type(options), name, None)))
                if kind in plain:
                    continue
                if not numpy_numbers and sys.modules.get("numpy") is not None:
                    # NumPy's own classes, by identity (a class may take any module and name: attack round 66's Enum
                    # named numpy.int64), once NumPy is imported
                    numpy = sys.modules["numpy"]
                    numpy_numbers.append(frozenset(getattr(numpy, n) for n in NUMPY_SCALARS if hasattr(numpy, n)))
                if not numpy_numbers or kind not in numpy_numbers[0]:
                    return name
            return None

        return odd

    def _traced_by_hand(self, func, args, kwargs, aten):
        """``func(*args, **kwargs)`` with ``aten`` on, every frame of the submission's code it enters checked for
        the trace being on: torch sets every dispatch mode aside around code of its own that may call back into
        Python, and code of the submission's run there is not traced (attack round 60: an object of the
        submission's as torch's print threshold, compared with a tensor's size in ``repr``, where torch pops every
        mode, wrote ``F.conv2d``'s result into conv2d's output).  A trace function, not a profile one: it is called
        for Python frames only, and sees none of the C calls in a student's loops."""
        aside, submission = self._trace_aside, is_submission_code
        seen: list[str] = []

        printing, odd_option, printed_kinds = self._printing_code, self._odd_print_options, self._printed_kinds
        grad_fn_of = self._grad_fn_of

        def on_call(frame, event, arg):
            if event == FRAME_STARTS and not seen:
                code = frame.f_code
                if code is printing:
                    odd = odd_option()
                    arguments = frame.f_locals
                    contents = arguments.get("tensor_contents")
                    if odd is not None:
                        seen.append(f"torch's print option {odd} holding an object torch runs as it prints")
                    elif type(contents) not in (str, type(None)):
                        # repr's own keyword, added to a text as torch prints (attack round 63: its __radd__)
                        seen.append("an object given to a tensor's repr as its tensor_contents")
                    elif type(arguments.get("self")) not in printed_kinds:
                        # what torch's printing reads of the tensor, a subclass may answer (attack round 64: a
                        # Parameter subclass's is_nested, a property running torch's convolution)
                        seen.append(f"a {type(arguments.get('self')).__qualname__} printed, whose attributes "
                                    "torch reads as it prints")
                    elif type(type(grad_fn_of(arguments["self"])).__name__) is not str:
                        # the name of its gradient's class, which torch compares as it prints (attack round 65: a
                        # custom Function's backward class renamed with an object whose __eq__ ran the convolution)
                        seen.append("a tensor printed whose gradient's class is named by an object")
                elif submission(code.co_filename) and aside(aten):
                    seen.append(f"the submission's {code.co_name} run with the trace set aside")
            return None  # no line events

        previous = self._gettrace()
        self._settrace(on_call)
        try:
            result = func(*args, **kwargs)
        finally:
            replaced = self._gettrace() is not on_call
            self._settrace(previous)
        if seen:
            aten.ops.add(f"{UNTRACED_DISPATCH} ({seen[0]})")
        if replaced:
            aten.ops.add(f"{UNTRACED_DISPATCH} (the trace function replaced)")
        return result

    def _function(self, request):
        func = self._lookup(request.get(Key.NAME))
        if not callable(func):
            raise _Refused(f"{request.get(Key.NAME)} is a {wire.type_name(func)}, not a function")
        return func

    def _call_one(self, func, args, kwargs, kernels: bool, functions: bool) -> dict:
        """Call ``func``; with ``kernels``, name the ATen operators it runs, with ``functions`` also the torch
        functions and tensor methods it calls."""
        if not kernels:
            return {Answer.OK: func(*args, **kwargs)}
        recorder, aten = (self._op_recorder() if functions else None), self._kernel_recorder()
        count, stack = self._modes_below
        if count():
            # A dispatch mode the submission left on runs below the recorder, with the recorder set aside, every
            # operator it passes on (attack round 58: torch's FlopCounterMode entered in a generator never resumed,
            # its formula filled conv2d's output with torch's convolution, the trace seeing a matrix product)
            below = ", ".join(type(mode).__qualname__ for mode in stack()) or "a mode torch keeps apart"
            aten.ops.add(f"{UNTRACED_DISPATCH} (a dispatch mode left on: {below})")
        self._push_dispatch_mode(aten)
        try:
            if recorder is None:
                # Encoded while the trace still runs: the answer's values are what the call returned, not what code
                # run afterwards put there (attack round 56: a weakref callback on an argument, run when the worker
                # dropped it, filled the returned zeros with torch's convolution after the trace had ended).
                result = _Sent(wire.encode(self._traced_by_hand(func, args, kwargs, aten)))
            else:
                self._push_mode(recorder)
                try:
                    result = _Sent(wire.encode(self._traced_by_hand(func, args, kwargs, aten)))
                finally:
                    self._pop_mode()
        finally:
            self._pop_dispatch_mode()
        return {Answer.OK: result, Key.OPS: sorted(aten.ops | (recorder.ops if recorder is not None else set()))}

    def _call(self, request) -> dict:
        args, kwargs = self._args(request)
        traced = bool(request.get(Key.TRACE))
        return self._call_one(self._function(request), args, kwargs, traced, traced)

    def _calls(self, request) -> dict:
        """Several calls of one function in one round trip; each answers on its own."""
        func = self._function(request)
        calls = request.get(Key.CALLS)
        if type(calls) is not list or len(calls) > 1000:
            raise _Refused("malformed calls")
        answers = []
        trace = request.get(Key.TRACE)
        for i, call in enumerate(calls):
            if type(call) is not dict:
                raise _Refused("malformed call")
            args, kwargs = self._args(call)
            try:
                answers.append(self._call_one(func, args, kwargs, kernels=trace is True or trace == TRACE_KERNELS,
                                              functions=trace is True or (trace == TRACE_KERNELS and i == 0)))
            except (ProbeTimeout, MemoryError):
                raise
            except _BaseException as exc:
                self._after()
                answers.append({Answer.RAISED: describe_exception(exc)})
        return {Answer.CALLS: answers}

    def _layer_record(self, kind: str, bound: dict, recorder) -> dict | None:
        """One layer operation as plain data: its kind, the arguments it got, its parameters' shapes."""
        tensor = self._tensor_type
        weight, bias = bound.get("weight"), bound.get("bias")
        params = [[k, list(t.shape)] for k, t in (("weight", weight), ("bias", bias)) if isinstance(t, tensor)]
        if kind == "Conv2d":
            if not isinstance(weight, tensor) or weight.dim() != 4:
                return None
            groups = bound.get("groups", 1)
            padding = bound.get("padding", 0)
            source = bound.get("input")
            if recorder.pad and source is not None and id(source) == recorder.pad[0] and recorder.pad[1] \
                    and len(recorder.pad[1]) == 4 and not isinstance(padding, str):
                left, right, top, bottom = recorder.pad[1]
                ph, pw = (padding, padding) if isinstance(padding, int) else tuple(padding)
                if left == right and top == bottom:  # F.pad with zeros, then the convolution: zero padding
                    padding = (ph + top, pw + left)
            config = {"in_channels": int(weight.shape[1]) * int(groups), "out_channels": int(weight.shape[0]),
                      "kernel_size": [int(d) for d in weight.shape[2:]], "stride": bound.get("stride", 1),
                      "padding": padding, "dilation": bound.get("dilation", 1), "groups": groups,
                      "bias": isinstance(bias, tensor)}
        elif kind == "Linear":
            if not isinstance(weight, tensor) or weight.dim() != 2:
                return None
            config = {"in_features": int(weight.shape[1]), "out_features": int(weight.shape[0]),
                      "bias": isinstance(bias, tensor)}
        elif kind in ("MaxPool2d", "AvgPool2d"):
            # Every argument the operation takes: the judge replays the layer (model_checks.replay).
            config = {k: bound.get(k) for k in ("kernel_size", "stride", "padding", "dilation", "ceil_mode",
                                                "count_include_pad", "divisor_override") if k in bound}
        elif kind in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
            config = {"output_size": bound.get("output_size")}
            window = _dividing_window(bound.get("input"), bound.get("output_size"), tensor)
            if window is not None:
                # On a map its output size divides, an adaptive pooling is the fixed pooling of that window
                # (F.adaptive_max_pool2d(x, 50) on 100x100 is MaxPool2d(2), fairness round 7): the same layer.
                kind = "MaxPool2d" if kind == "AdaptiveMaxPool2d" else "AvgPool2d"
                config = {"kernel_size": list(window), "stride": list(window), "padding": 0}
        elif kind == "Dropout":
            config = {"p": bound.get("p", 0.5), "training": bool(bound.get("training", True))}
        elif kind in ("Softmax", "LogSoftmax"):
            config = {"dim": bound.get("dim")}
        elif kind == "LeakyReLU":
            config = {"negative_slope": bound.get("negative_slope", 0.01)}
        elif kind == "BatchNorm2d":
            mean = bound.get("running_mean")
            config = {"num_features": int(mean.shape[0]) if isinstance(mean, tensor) else None}
        else:
            config = {}
        return {"path": "", "kind": kind, "type": self._current_type(recorder), "config": _plain(config),
                "params": params, "output_shape": None}

    def _current_type(self, recorder) -> str:
        stack = getattr(recorder, "modules", None)
        return stack[-1] if stack else "functional"

    def _written_linear(self, recorder, func, name: str, args: tuple, kwargs: dict) -> tuple | None:
        """A Linear layer written out, as one operation of it: ``(output,)``, or None when ``func`` is none.

        ``x @ fc.weight.T + fc.bias``, ``x.matmul(W.t())``, ``torch.mm(x, W)``, ``torch.einsum("nf,of->no", x,
        fc.weight) + fc.bias`` compute what ``F.linear(x, fc.weight, fc.bias)`` does, and are recorded as that
        layer: a product of data from the input with a 2-D parameter the model holds (or its transpose), then,
        directly on its result, the addition of a 1-D parameter of the model with one value per output, its
        bias.  With the judge's weights they compute with them, as ``F.linear`` would.  Only the model's own
        parameters count (a tensor it makes in ``forward`` is no layer), and nothing in between: a product
        scaled, or a bias added after an activation, is not a Linear, and its record says so.
        """
        if name in ("t", "transpose", "__get__"):
            source = args[0] if args else None
            pending = recorder.pending
            columns = pending is not None and pending[0] is source
            if not (columns or self._own_parameter(recorder, source, 2)) or kwargs:
                return None
            if name == "__get__" and not any(getattr(func, "__self__", None) is p
                                             for p in self._transposing_properties):
                return None
            if name == "transpose" and not (len(args) == 3 and all(type(d) is int for d in args[1:])
                                            and args[1] % 2 != args[2] % 2):
                return None
            output = func(*args)
            if columns:  # (W @ x.T).T: the written-out Linear's output, one row per example, its bias next
                recorder._mark(output, (source,), {})
                self._follow_product(recorder, output)
                return (output,)
            recorder.transposed[id(output)] = (source, output)
            return (output,)
        if name in ("add", "__radd__", "add_") and recorder.pending is not None and not kwargs and len(args) == 2 \
                and (name != "add_" or args[0] is recorder.pending[0]):  # in place: on the product itself
            return self._written_bias(recorder, func, args)
        if name == "addmm":
            return self._written_addmm(recorder, func, args, kwargs)
        operands = self._linear_operands(recorder, name, args, kwargs)
        if operands is None or id(operands[1]) in recorder.recorded:
            return None  # a layer is recorded once per pass: its weight on another example is a sibling product
        replace = operands[3]
        recorded = self._record_written(recorder, func, operands, None, args, lambda bound: replace(bound["weight"]))
        if recorded is None:
            return None
        output, index = recorded
        self._await_bias(recorder, output, index, operands[1], operands[4])
        return (output,)

    def _written_addmm(self, recorder, func, args: tuple, kwargs: dict) -> tuple | None:
        """``torch.addmm(fc.bias, x, fc.weight.T)``: the product and its bias in one operation, the same Linear
        (``beta`` and ``alpha`` of 1 only: a scaled product or bias is not one).  The bias may be broadcast to one
        row per example first (``fc.bias.unsqueeze(0).expand(n, -1)``: fairness round 19)."""
        if len(args) != 3 or any(k not in ("beta", "alpha") or type(v) not in (int, float) or v != 1
                                 for k, v in kwargs.items()):
            return None
        bias = self._broadcast_rows(recorder, args[0])
        operands = self._linear_operands(recorder, "mm", args[1:], {})
        if operands is None or id(operands[1]) in recorder.recorded:
            return None
        _, parameter, weight, replace, layout = operands
        if layout != "rows" or not (self._own_parameter(recorder, bias, 1) and bias is not parameter
                and bias.shape[0] == weight.shape[0]):
            return None
        recorded = self._record_written(recorder, func, operands, bias, args,
                                        lambda bound: (bound["bias"], *replace(bound["weight"])))
        return None if recorded is None else (recorded[0],)

    def _broadcast_rows(self, recorder, tensor):
        """The 1-D parameter of the model's (or the judge's values for it) that ``tensor`` repeats once per row
        (``b.unsqueeze(0).expand(n, -1)``, ``b.expand(n, -1)``); else ``tensor`` itself."""
        if not isinstance(tensor, self._tensor_type) or tensor.dim() != 2:
            return tensor
        base = self._base_of(tensor)
        if base is None or base.dim() != 1 or tensor.shape[1] != base.shape[0] \
                or (tensor.shape[0] != 1 and self._strides(tensor)[0] != 0) \
                or self._strides(tensor)[1] != self._strides(base)[0] or self._offset(tensor) != self._offset(base):
            return tensor
        if id(base) in recorder.bases:
            return recorder.bases[id(base)]
        return base

    def _record_written(self, recorder, func, operands: tuple, bias, args: tuple, call) -> tuple | None:
        """Record a Linear written out (its product, and ``bias`` when the same operation adds it) and run it:
        ``(output, its record's index)``, or None when it is no layer.  With the judge's weights, ``call(bound)``
        gives the operation's arguments with them (``bound``: :meth:`_substitute`'s)."""
        x, parameter, weight = operands[:3]
        record = self._layer_record("Linear", {"input": x, "weight": weight, "bias": bias}, recorder)
        if record is None:
            return None
        self._close_written_linear(recorder)
        recorder.recorded.add(id(parameter))
        index = len(recorder.records)
        recorder.records.append(record)
        recorder.tensors[index] = [parameter] if bias is None else [parameter, bias]
        if recorder.weights is not None:
            own = {"weight": weight} if bias is None else {"weight": weight, "bias": bias}
            args = call(self._substitute("Linear", own, recorder, bias_later=bias is None))
        output = func(*args)
        recorder._mark(output, (x,), {})
        record["output_shape"] = list(output.shape) if isinstance(output, self._tensor_type) else None
        if recorder.keep:
            recorder.outputs[index] = output
        return output, index

    def _own_parameter(self, recorder, value, dims: int) -> bool:
        """Whether ``value`` is one of the model's own parameters, or an exact copy of one made in the pass
        (:meth:`_note_cast`: ``fc.weight.double()``), with ``dims`` dimensions (a lazy layer's parameter before its
        first call has none yet)."""
        return isinstance(value, self._tensor_type) and (id(value) in recorder.declared or id(value) in recorder.casts) \
            and not isinstance(value, self._uninitialized) and value.dim() == dims

    def _linear_operands(self, recorder, name: str, args: tuple, kwargs: dict) -> tuple | None:
        """For a product that is a Linear written out: (the input, the parameter, the weight as ``F.linear``
        takes it (out, in), a function giving the call's arguments with another such weight, the layout of the
        product: ``rows``, one per example, or ``columns``, ``W @ x.T``); else None."""
        tensor = self._tensor_type
        derived = recorder.derived
        if kwargs:
            return None
        if name in ("matmul", "mm") and len(args) == 2 and self._own_parameter(recorder, args[0], 2) \
                and isinstance(args[1], tensor) and id(args[1]) in derived and args[1].dim() == 2:
            # W @ x.T, the lecture's y = W x with one column per example: the same Linear, transposed
            weight, columns = args
            return columns, weight, weight, lambda w: (w, columns), "columns"
        if name in ("matmul", "mm", "__rmatmul__") and len(args) == 2:
            x, other = (args[1], args[0]) if name == "__rmatmul__" else args
            if not (isinstance(x, tensor) and id(x) in derived and isinstance(other, tensor)):
                return None
            if id(other) in recorder.transposed:  # x @ W.T: W is (out, in), as nn.Linear keeps it
                parameter = recorder.transposed[id(other)][0]
                weight = parameter
            elif self._own_parameter(recorder, other, 2):  # x @ W: W is (in, out)
                parameter = other
                weight = other.T
            else:
                return None
            if name == "__rmatmul__":
                return x, parameter, weight, lambda w: (w.T, x), "rows"
            return x, parameter, weight, lambda w: (x, w.T), "rows"
        if name == "einsum" and len(args) in (2, 3) and isinstance(args[0], str):
            operands = list(args[1]) if len(args) == 2 and isinstance(args[1], (list, tuple)) else list(args[1:])
            spec = args[0].replace(" ", "")
            if len(operands) != 2 or spec.count("->") != 1 or spec.count(",") != 1 or "." in spec:
                return None
            inputs, out = spec.split("->")
            letters = inputs.split(",")
            which = [i for i, t in enumerate(operands) if isinstance(t, tensor) and id(t) in derived]
            if len(which) != 1:
                return None
            xi = which[0]
            x, w = operands[xi], operands[1 - xi]
            xs, ws = letters[xi], letters[1 - xi]
            if not (self._own_parameter(recorder, w, 2) and len(ws) == 2
                    and len(xs) == 2 and x.dim() == 2 and len(set(xs + ws)) == 3):
                return None
            n, f = xs
            o = ws.replace(f, "")
            if len(o) != 1 or o == n or f not in ws or out != n + o:
                return None
            as_kept = ws == o + f  # (out, in): nn.Linear's own layout

            def replace(weight, xi=xi, spec=args[0], as_kept=as_kept):
                pair = [None, None]
                pair[xi], pair[1 - xi] = x, (weight if as_kept else weight.T)
                return (spec, *pair)
            return x, w, (w if as_kept else w.T), replace, "rows"
        return None

    def _await_bias(self, recorder, product, index: int, parameter, layout: str) -> None:
        """After a layer computed without a bias (``F.conv2d(x, w)``, ``x @ fc.weight.T``), its bias may come as an
        addition of its own, right on ``product`` (see :meth:`_written_bias`): wait for it.  ``layout`` is how the
        product holds the layer's outputs (``rows``: ``(N, out)``, ``columns``: ``(out, N)``, ``channels``:
        ``(N, out, H, W)``), which says how a bias must be shaped to add one value per output."""
        spec_bias = None
        if recorder.weights is not None and 0 <= recorder.spec_index < len(recorder.weights):
            spec_bias = recorder.weights[recorder.spec_index]["tensors"].get("bias")
        recorder.pending = (product, index, parameter, spec_bias, layout, recorder.spec_index + 1)
        recorder.siblings = {}

    def _written_bias(self, recorder, func, args: tuple) -> tuple | None:
        """``+ fc.bias`` right on a layer's product computed without one (:meth:`_await_bias`): that layer's bias,
        one of the model's own 1-D parameters with one value per output, as it is or viewed so that it adds one
        value per output of ``layout`` (``b.view(1, -1, 1, 1)``, ``b[:, None, None]``, ``b[:, None]``)."""
        product, index, parameter, spec_bias, layout, number = recorder.pending
        a, b = args
        given = b if a is product else a if b is product else None
        record = recorder.records[index]
        outputs = record["config"].get("out_features", record["config"].get("out_channels"))
        # the bias as it is laid out, before a broadcast along the examples that changes no value per output
        # (``b.expand(n, 1)`` of a one-output head, fairness round 60); the sum keeps the product's shape
        broadcast = recorder.broadcasts.get(id(given))
        laid_out = broadcast[1] if broadcast is not None and broadcast[0] is given \
            and _broadcast_shape(product.shape, given.shape) == list(product.shape) else given
        bias = self._parameter_of(recorder, laid_out)
        if not (self._own_parameter(recorder, bias, 1) and bias.shape[0] == outputs and bias is not parameter
                and layout in BIAS_LAYOUTS and list(laid_out.shape) in BIAS_LAYOUTS[layout](outputs)):
            return None
        recorder.pending = None
        record["config"]["bias"] = True
        record["params"].append(["bias", list(bias.shape)])
        recorder.tensors[index].append(laid_out)  # (counted as the parameter it lays out, once)
        if recorder.weights is not None:
            kind = record["kind"]
            if spec_bias is None:
                raise _mismatch(recorder, f"layer {number} ({kind}) has parameters ['bias', 'weight']; "
                                          "the reference has ['weight']")
            if not isinstance(spec_bias, wire.Uniform) or list(spec_bias.shape) != list(bias.shape):
                raise _mismatch(recorder, f"layer {number} ({kind}) bias has shape {list(bias.shape)}; the "
                                          f"reference's has shape {list(spec_bias.shape)}")
            if self._held_by(recorder, given) is None:  # a copy made of the judge's values (_note_cast)
                if recorder.slots.get((number - 1, "bias")) is not bias:
                    raise _mismatch(recorder, f"layer {number} ({kind}) bias is a copy of a parameter another layer "
                                              "of the reference's computes with")
                judge = given
            else:
                judge = self._judge_view(recorder, given, bias, (number - 1, "bias"), f"layer {number} ({kind}) bias")
            args = (product, judge) if a is product else (judge, product)
        output = func(*args)
        recorder._mark(output, (product,), {})
        if recorder.keep:
            recorder.outputs[index] = output
        return (output,)

    def _note_broadcast(self, recorder, given: tuple, output) -> None:
        """Keep ``output``, a broadcast (:data:`BROADCASTS`) of ``given[0]``, when a layer's bias is awaited and what
        is broadcast is a 1-D parameter of the model's or a view laying one out, repeated along other dimensions
        only (``b.expand(n, 1)``, ``b.expand_as(out)``, ``b.broadcast_to(n, 1)``, ``b.repeat(n, 1)``; not a tiling,
        ``b.repeat(2)``): each of its values is one of the parameter's, so its addition to the product adds one
        value per output (:meth:`_written_bias`)."""
        if recorder.pending is None or not given or not isinstance(output, self._tensor_type) \
                or len(recorder.broadcasts) >= MAX_TRACED_CALLS:
            return
        source = given[0]
        bias = self._parameter_of(recorder, source)
        if bias is None or not self._own_parameter(recorder, bias, 1) \
                or _broadcast_shape(source.shape, output.shape) != list(output.shape):
            return
        recorder.broadcasts[id(output)] = (output, source)

    def _close_written_linear(self, recorder) -> None:
        """A layer computed without a bias whose bias did not come (:meth:`_await_bias`): with the judge's weights,
        when the reference's layer there has one, they do not fit."""
        pending, recorder.pending = recorder.pending, None
        if pending is not None and recorder.weights is not None and pending[3] is not None:
            kind = recorder.records[pending[1]]["kind"]
            raise _mismatch(recorder, f"layer {pending[5]} ({kind}) has parameters ['weight']; the reference "
                                      "has ['bias', 'weight']")

    def _substitute(self, kind: str, bound: dict, recorder, *, bias_later: bool = False) -> dict:
        """``bound`` with the judge's weights of a layer in place of the layer's own (shapes must match): those its
        weight's parameter already has, else the next layer's of the reference that no parameter took.

        With ``bias_later`` (a layer computed without its bias, which comes as an addition of its own), the
        reference's bias is left for that addition (:meth:`_written_bias`)."""
        weight = bound.get("weight")
        parameter = self._parameter_of(recorder, weight)
        if parameter is not None and id(parameter) in recorder.assigned:
            i = recorder.assigned[id(parameter)]  # the weights this parameter got at its first use
        else:
            i = next((k for k in range(len(recorder.weights) + 1) if k not in recorder.taken))
        recorder.spec_index = i
        spec = recorder.weights[i] if i < len(recorder.weights) else None
        if spec is None:
            raise _mismatch(recorder, f"the model uses more layers with parameters than the reference ({kind} is one "
                                      "too many)")
        if type(spec) is not dict or spec.get("kind") != kind:
            want = spec.get("kind") if type(spec) is dict else "?"
            raise _mismatch(recorder, f"parametrised layer {i + 1} is a {kind}; the reference has a {want} there")
        tensors = spec.get("tensors", {})
        own = {k: bound.get(k) for k in ("weight", "bias") if isinstance(bound.get(k), self._tensor_type)}
        if type(tensors) is not dict or (sorted(own) != sorted(tensors) and not (
                bias_later and sorted(tensors) == sorted([*own, "bias"]))):
            raise _mismatch(recorder, f"layer {i + 1} ({kind}) has parameters {sorted(own)}; the reference has "
                                      f"{sorted(tensors)}")
        out = dict(bound)
        for name, mine in own.items():
            value = tensors[name]
            if not isinstance(value, wire.Uniform):
                raise _Refused("malformed weights")
            if list(mine.shape) != list(value.shape):
                raise _mismatch(recorder, f"layer {i + 1} ({kind}) {name} has shape {list(mine.shape)}; "
                                          f"the reference's has shape {list(value.shape)}")
            # Only a parameter the model holds, reaching the layer as it is: a tensor made in the forward
            # pass (the weight times 0, fresh random numbers, a kernel with its border zeroed, a detached
            # copy) is not what training would change, and putting the judge's weights in its place would
            # erase whatever the model does to it (attack round 5).
            held = self._held_by(recorder, mine)
            copied = self._cast_source(recorder, mine) if held is None else None
            if copied is not None:
                # an exact copy of the parameter made in this pass, of the judge's values (_note_cast): it computes
                # with them as they are, if they are the reference's for this layer
                if recorder.slots.get((i, name)) is not copied:
                    raise _mismatch(recorder, f"layer {i + 1} ({kind}) {name} is a copy of a parameter another "
                                              "layer of the reference's computes with")
                continue
            if held is None:
                raise _mismatch(recorder, f"layer {i + 1} ({kind}) computes with a {name} that is not one of the "
                                          "model's parameters as the model holds it (it is made in the forward "
                                          "pass), so what the model does cannot be judged with the judge's weights")
            out[name] = self._judge_view(recorder, mine, held, (i, name), f"layer {i + 1} ({kind}) {name}")
        return out

    def _cast_source(self, recorder, tensor):
        """The parameter ``tensor`` is a copy of (:meth:`_note_cast`), or lays out all the values of such a copy
        once (a view of it); else None."""
        if not recorder.casts or not isinstance(tensor, self._tensor_type):
            return None
        copy = self._held(tensor, recorder.casts)
        return recorder.cast_of.get(id(copy)) if copy is not None else None

    def _part_of_parameter(self, recorder, tensor) -> bool:
        """Whether ``tensor`` is a view of some, not all, of one of the model's 4-D parameters' values (or of the
        judge's values for one), the parameter's convolution open or already recorded as written out
        (:meth:`_written_convolution`: a dead ReLU can make the sum of the first parts the whole)."""
        if not isinstance(tensor, self._tensor_type) or self._parameter_of(recorder, tensor) is not None:
            return False
        base = self._base_of(tensor)
        if base is None:
            return False
        if recorder.weights is not None:
            # with the judge's weights, only a part taken of the judge's values: a slice the model kept from before
            # the pass holds its own values, and would tell the judge's from them (attack round 23)
            parameter = recorder.bases.get(id(base))
        else:
            parameter = recorder.declared.get(id(base))
        return parameter is not None and parameter.dim() == 4 and id(parameter) not in recorder.transformed and (
            id(parameter) in recorder.open_convs or id(parameter) in recorder.recorded)  # (its parts after the whole)

    def _parameter_of(self, recorder, tensor):
        """The model's parameter ``tensor`` is, lays out, or is an exact copy of (:meth:`_held_by`,
        :meth:`_cast_source`); else None."""
        if not isinstance(tensor, self._tensor_type):
            return None
        held = self._held_by(recorder, tensor)
        return held if held is not None else self._cast_source(recorder, tensor)

    def _note_cast(self, recorder, name: str, args: tuple, kwargs: dict, used: list, output) -> None:
        """``output`` of a cast or copy (:data:`CAST_OPS`) of one parameter (or of a copy of one), when it holds
        exactly that parameter's values, in its shape, in float32 or float64, and the gradient reaches the parameter
        through it (``w.double()``, ``w.to(x.dtype)``, ``w.clone()``, ``w.contiguous(memory_format=
        torch.channels_last)``): a copy of it.  A layer computing with the copy computes with the parameter, and
        training changes it.  In a pass with the judge's weights the copy is made of the judge's values
        (:meth:`_judged_call` gave them to the operation), and compared with them.  Only operations that copy by
        definition: an operation that merely leaves the judge's values as they are (a clamp to the bound within
        which the judge draws them; a product with a factor that is 1 only while judged) is another function of
        the weights while training (attack round 5), so ``w * 1.0`` is no copy."""
        tensor = self._tensor_type
        if not isinstance(output, tensor) or id(output) in recorder.derived or output.dtype not in self._exact_dtypes \
                or id(output) in recorder.casts or isinstance(output, self._uninitialized):
            return
        sources = {id(p): p for p in used}
        for value in (*args, *kwargs.values()):
            if value is output:
                return  # the operation handed back its argument: no copy
            copied = self._cast_source(recorder, value) if isinstance(value, tensor) else None
            if copied is not None:
                sources[id(copied)] = copied
            elif isinstance(value, tensor) and id(value) in recorder.derived and name not in CONVERSIONS:
                return  # computed with the input's data too (`w.to(x)` only takes its type)
        if len(sources) != 1:
            return
        parameter = next(iter(sources.values()))
        if isinstance(parameter, self._uninitialized) or output.shape != parameter.shape \
                or (parameter.requires_grad and self._grad_enabled() and not output.requires_grad):
            return
        with self._no_grad(), self._no_subclass():
            values = recorder.values.get(id(parameter), parameter)
            if not self._same(self._as_double(output), self._as_double(values)):
                return
        recorder.casts[id(output)] = output
        recorder.cast_of[id(output)] = parameter

    def _forget_casts(self, recorder, args: tuple, kwargs: dict) -> None:
        """An operation that writes into a tensor (in place, ``out=``, item assignment): a copy of a parameter whose
        memory it writes into, through the copy, a view of it or any other alias (``c.detach()``, ``c.data``), no
        longer holds the parameter's values, whatever it writes (attack round 24: a copy clamped, through its
        detached alias, to the bound within which the judge draws its weights)."""
        for target in (*args[:1], kwargs.get("out")):
            for t in (target if isinstance(target, (list, tuple)) else (target,)):
                if isinstance(t, self._tensor_type):
                    try:
                        address = self._storage_address(t)
                    except Exception:  # no storage of its own (a tensor subclass): its id and base only
                        address = None
                    for key, copy in list(recorder.casts.items()):
                        if key in (id(t), id(self._base_of(t))) or (
                                address is not None and address != 0 and self._storage_address(copy) == address):
                            del recorder.casts[key]
                            recorder.cast_of.pop(key, None)

    def _kernel_use(self, recorder, name: str, args: tuple, kwargs: dict, used: list, output) -> None:
        """How an operation uses a 4-D parameter of the model's (a kernel), or a rearrangement of one: a convolution
        written out only rearranges its kernel (views, slices, flips, copies, an FFT: :data:`KERNEL_REARRANGING`,
        whose results are rearrangements of it too) and multiplies it with the input's data
        (:data:`KERNEL_PRODUCTS`).  Any other use (a clamp, a ``where``, an addition) transforms it, and the kernel
        is then no convolution layer's for the rest of the pass (:meth:`_written_convolution`), nor is it after a
        product with anything but the input's data (``w * 1.0``, a factor that could be 1 only while judged): a
        function that is the identity on the judge's weights, drawn within a known bound (:data:`reference.PROBES`),
        and not on the weights training reaches, would be the network asked for only while judged (attack round 23:
        a kernel clamped to that bound, then unfolded)."""
        tensor = self._tensor_type
        flat = recorder._tensors(args, kwargs)
        with_data = any(id(t) in recorder.derived for t in flat)
        written = [kwargs["out"]] if isinstance(kwargs.get("out"), tensor) else []
        if args and isinstance(args[0], tensor) and (name.endswith("_") or name in ("__setitem__", "__set__")):
            written.append(args[0])
        # the tensor the operation works on: its first argument, or the one given by keyword as its input
        subject = args[0] if args and isinstance(args[0], tensor) else next(
            (kwargs[k] for k in ("input", "self") if isinstance(kwargs.get(k), tensor)), None)
        self._weight_function(recorder, name, flat, with_data, used, output, written, subject)
        kernels = {id(p): p for p in used if p.dim() == 4 and not isinstance(p, self._uninitialized)}
        for t in flat:
            arranged = recorder.arranged.get(id(t))
            if arranged is not None and arranged[1] is t:
                kernels[id(arranged[0])] = arranged[0]
            else:
                copied = self._cast_source(recorder, t)
                if copied is not None and copied.dim() == 4:
                    kernels[id(copied)] = copied
        if not kernels:
            return
        if name in KERNEL_PRODUCTS and with_data:
            return  # the kernel times the input's data: the convolution itself
        if name in KERNEL_REARRANGING and len(kernels) == 1 and not with_data:
            kernel = next(iter(kernels.values()))
            for out in (output if isinstance(output, (list, tuple)) else (output,)):
                if isinstance(out, tensor) and len(recorder.arranged) < MAX_TRACED_CALLS:
                    recorder.arranged[id(out)] = (kernel, out)
            return
        for key, kernel in kernels.items():
            recorder.transformed[key] = kernel
            recorder.open_convs.pop(key, None)

    def _weight_function(self, recorder, name: str, flat: list, with_data: bool, used: list, output,
                         written: list, subject=None) -> None:
        """A function of the model's parameters alone that is no rearrangement or copy of them (a clamp, a
        ``where``, a product with a constant), computed in a judged pass, may be the identity on the judge's
        weights, drawn within a known bound (:data:`reference.PROBES`), and not on the weights training reaches:
        where such a tensor meets the input's data, or leaves torch as a Python value (:data:`LAUNDERING`: a truth
        value, ``item()``), what the model computes cannot be judged with the judge's weights (attack round 23: a
        kernel clamped to that bound, then unfolded; a head clamped, then in ``addmm``; attack round 26: a statistic
        of the weights in an ``if``).  Its results are such functions too (``recorder.modified``, kept alive), and
        so is a tensor one is written into (attack round 25: `flag[0] = (w.abs() > b).any()`, `flag.data = ...`,
        which return nothing).  ``flat``: the operation's tensors (``recorder._tensors``); ``with_data``: whether
        one of them is from the input; ``written``: the tensors it writes into (in place, ``out=``, item
        assignment); ``subject``: the tensor it works on (its first argument, or its ``input``), None if none."""
        tensor = self._tensor_type
        modified = any(id(t) in recorder.modified and recorder.modified[id(t)] is t for t in flat)
        if with_data:
            if modified and recorder.weights is not None:
                raise _mismatch(recorder, f"the forward pass computes with a function of its parameters ({name} on "
                                          "one) that is no layer's, so what it does cannot be judged with the "
                                          "judge's weights")
            return
        # Read from the parameters: directly, or through a copy or a rearrangement of one made in the pass (attack
        # round 24: a flag computed on `w.double()`, on `fc.weight[0, 1:]`, on `torch.stack(w.unbind(0))`).
        from_parameters = bool(used) or any(
            (id(t) in recorder.rearranged and recorder.rearranged[id(t)] is t)
            or self._cast_source(recorder, t) is not None for t in flat)
        if recorder.weights is not None and (modified or from_parameters) and (
                (name in SIZED_BY_VALUE and (flat[1:] if name.startswith("new_") else flat))
                or (name in SHAPED_BY_LATER_ARGUMENTS and len(flat) > 1) or (name == "where" and len(flat) == 1)):
            # a size, a split or the positions of nonzeros given by the values (`torch.arange(flag)`,
            # `torch.zeros(flag)`, `torch.where(mask)`, `x.repeat_interleave(flag)`) is a Python value of them by
            # its shape (attack round 28)
            raise _mismatch(recorder, f"the forward pass makes a shape from its parameters' values (`{name}`), so "
                                      "what it does cannot be judged with the judge's weights")
        if not (modified or from_parameters) or name in VALUE_FREE:
            return
        if recorder.weights is not None and name not in NUMBERS_AS_DATA and any(
                t.numel() == 1 and not (t.is_floating_point() or t.is_complex()) and self._of_parameters(recorder, t)
                and t is not subject for t in flat):
            # An integer made from the values, given to an operation other than as the tensor it works on, is read
            # as a number in C++ (`F.one_hot`'s width, `topk`'s k, `diag`'s offset, `multinomial`'s count,
            # `unfold`'s size, a slice's bound, `F.pad`'s widths, `torch.tensor([[n]])`), where no Python value of
            # it is taken (attack rounds 29 and 30: of one element, not only 0-d; given by keyword before the input)
            raise _mismatch(recorder, f"the forward pass gives `{name}` a number made from its parameters' values (a "
                                      "size, a count or a position), so what it does cannot be judged with the "
                                      "judge's weights")
        spectral = any(recorder.spectral.get(id(t)) is t for t in flat)
        if name in FINITENESS_TESTS and not modified and not spectral:
            # Whether the parameters are finite (`assert torch.isfinite(p).all()`, fairness rounds 9 and 11) is the
            # same on the judge's weights and on any a model trains to that still computes a number: no statistic
            # of them passes through it, so its result (and what is made of it) is no function of them to follow.
            # Not of a spectrum: unnormalised FFTs scale the values, and enough of them overflow past a bound
            # (attack round 27: isinf of the weights through FFT pairs was a threshold test).
            return
        if recorder.weights is not None and name in ("__getitem__", "__setitem__") and len(flat) > 1 \
                and self._of_parameters(recorder, flat[1]):
            # A function of the parameters as an index decides which element is read, or whether the reading
            # raises (attack round 27: `torch.zeros(2)[flag * 3]`'s IndexError, caught, was a flag).
            raise _mismatch(recorder, f"the forward pass indexes with a function of its parameters (`{name}`), so "
                                      "what it does cannot be judged with the judge's weights")
        if recorder.weights is not None and (name in VALUE_SHAPED or (name == "__getitem__" and any(
                t.dtype == self._torch.bool for t in flat[1:]))):
            # A shape that depends on the values (`w[w > b].numel()`, `len(torch.bincount(v))`) is a Python value of
            # them that no operation hands out (attack round 27).
            raise _mismatch(recorder, f"the forward pass takes a shape that depends on its parameters' values "
                                      f"(`{name}`), so what it does cannot be judged with the judge's weights")
        if name in LAUNDERING and name not in PYTHON_VALUES and recorder.weights is not None:
            raise _mismatch(recorder, f"the forward pass takes a function of its parameters out of torch (`{name}`), "
                                      "so what it does cannot be judged with the judge's weights")
        if name in PYTHON_VALUES:
            return  # a Python value, seen by Handler._python_value
        outputs = [out for out in (output if isinstance(output, (list, tuple)) else (output,))
                   if isinstance(out, tensor)] + written
        if not modified and (name in KERNEL_REARRANGING or name in CAST_OPS or name in ("__setitem__", "copy_")):
            # (a parameter's values written into a buffer, as they are: a kernel padded with zeros for an FFT)
            # rearranged, so still read as the parameter's values as they are (a finiteness test of them is)
            table = recorder.rearranged
        else:
            table = recorder.modified
        if len(table) + len(outputs) > MAX_TRACED_CALLS and recorder.weights is not None:
            # past the bound it follows, a function of the parameters would go unseen (attack round 27: one
            # `unbind` of 10001 elements filled the table, then a plain float() of the weights passed)
            raise _mismatch(recorder, "the forward pass computes more functions of its parameters than the judge "
                                      "follows, so what it does cannot be judged with the judge's weights")
        for out in outputs:
            if len(table) < MAX_TRACED_CALLS:
                table[id(out)] = out
            if (spectral or name in SPECTRAL_OPS) and len(recorder.spectral) < MAX_TRACED_CALLS:
                recorder.spectral[id(out)] = out

    def _written_convolution(self, recorder, used: list, output) -> None:
        """A convolution written out: ``F.unfold`` and a product with ``conv.weight.view(o, -1)``, an einsum over
        windows, shifted slices summed, an FFT, ``F.conv_transpose2d`` with the flipped kernel.  A 4-D parameter
        of the model's (out, in, kh, kw) used outside a convolution opens one; the first tensor from the input of
        shape (N, out, H', W') that is what ``F.conv2d`` computes from one of the tensors the pass used since the
        last layer (its input), with that parameter's values (the judge's in a judged pass), some stride and zero
        padding, and maybe a 1-D parameter of the model's as its bias, is that layer's output, recorded as the
        Conv2d it is.  Compared within :data:`WRITTEN_CONV_RTOL` of the largest sum of the terms' absolute values
        (``conv2d(|x|, |w|)``: float32 rounding in another order, an FFT).

        The record earns nothing by itself: the model checks count it only when what it computes, replayed by the
        judge, is what the model computed, and the reference's outputs and gradients are compared as for any model
        (grader.questions.model_checks.behaviour)."""
        tensor = self._tensor_type
        for p in used:
            if isinstance(p, self._uninitialized) or id(p) in recorder.recorded or id(p) in recorder.transformed:
                continue
            if p.dim() == 4:
                recorder.open_convs.setdefault(id(p), p)
            elif p.dim() == 1:
                recorder.open_biases.setdefault(id(p), p)
        if not recorder.open_convs or not isinstance(output, tensor) or output.dim() != 4 \
                or id(output) not in recorder.derived or output.dtype not in self._exact_dtypes \
                or recorder.windows_at != len(recorder.records):  # a layer came since: its input is not kept yet
            return
        n, channels, height, width = output.shape
        for weight in list(recorder.open_convs.values()):
            o, i, kh, kw = weight.shape
            if o != channels:
                continue
            # the smallest stride first, over every window (oldest first): an input of zeros fits any stride and
            # padding that give the output's size, and the layer's own input (a pooled map) wants the smallest
            for stride, window in [(s, w) for s in range(1, max(kh, kw) + 1) for w in recorder.windows]:
                x = window()
                if x is None or x is output or x.shape[0] != n or x.shape[1] != i or x.dtype not in self._exact_dtypes:
                    continue
                for padding in range(0, max(kh, kw)):
                    rows, columns = x.shape[2] + 2 * padding, x.shape[3] + 2 * padding
                    if rows < kh or columns < kw or (rows - kh) // stride + 1 != height \
                            or (columns - kw) // stride + 1 != width:
                        continue
                    bias = self._convolution_bias(recorder, weight, x, output, stride, padding)
                    if bias is not False:
                        self._record_written_convolution(recorder, weight, bias, x, output, stride, padding)
                        return

    def _convolution_bias(self, recorder, weight, x, output, stride: int, padding: int):
        """Whether ``output`` is ``F.conv2d(x, weight, bias, stride, padding)`` with no bias (None) or with one of
        the open 1-D parameters (that parameter); False when it is neither, or when the pass has made its
        :data:`MAX_WRITTEN_CONV_TRIES` convolutions since the last layer, or :data:`MAX_PASS_CONV_TRIES` (each kept
        for the next tensor of that shape: a sum of shifted slices is compared after each of its terms, first at
        :data:`CONV_SAMPLES` of its elements, which tells a partial sum from the whole at a fraction of the cost)."""
        values = recorder.values
        key = (id(weight), id(x), stride, padding)
        with self._no_grad(), self._no_subclass():
            found = recorder.convolutions.get(key)
            if found is not None and found[4]() is not x:
                found = None  # that id's tensor died and another took it over
            if found is None:
                if recorder.conv_tries >= MAX_WRITTEN_CONV_TRIES or recorder.all_conv_tries >= MAX_PASS_CONV_TRIES:
                    return False
                recorder.conv_tries += 1
                recorder.all_conv_tries += 1
                w = values.get(id(weight), weight)
                double = x.dtype != self._exact_dtypes[0] or w.dtype != x.dtype
                w, xd = (self._as_double(w), self._as_double(x)) if double else (w, x)
                want = self._conv2d(xd, w, None, stride, padding)
                terms = self._conv2d(self._abs(xd), self._abs(w), None, stride, padding)
                scale = float(terms.max()) if terms.numel() else 0.0
                # the same elements of every candidate: spread evenly over the whole output
                flat = self._linspace(0, want.numel() - 1, CONV_SAMPLES, dtype=self._int64).unique()
                spots, rest = [], flat
                for size in reversed(want.shape):
                    spots.append(rest % size)
                    rest = rest // size
                spots = tuple(reversed(spots))
                found = (want, scale, spots, self._as_double(want[spots]), _weakref(x))
                if len(recorder.convolutions) >= 2 * MAX_WINDOWS:
                    recorder.convolutions.pop(next(iter(recorder.convolutions)))
                recorder.convolutions[key] = found
            for bias in (None, *[b for b in recorder.open_biases.values() if b.shape[0] == weight.shape[0]]):
                if self._is_convolution(recorder, found, output, None if bias is None else values.get(id(bias), bias)):
                    return bias
        return False

    def _is_convolution(self, recorder, found: tuple, output, bias) -> bool:
        """Whether ``output`` is the convolution ``found`` (an entry of the recorder's ``convolutions``) plus
        ``bias`` (a 1-D tensor, or None), within :data:`WRITTEN_CONV_RTOL` of the largest sum of its terms' absolute
        values; its sampled elements first.  (Under no_grad, outside the mode.)

        An input of zeros is every convolution's, and tells none: only in a pass with the model's own weights, whose
        record the judged passes must confirm, are zeros (plus the bias, one value per channel) that convolution (a
        ConvNet of five blocks is dead under torch's initial weights on about one input in seven, and its
        description is made with them: without this, a written-out layer behind a dead ReLU went missing from it,
        at one seed in ten, its bias added before or after the product)."""
        want, scale, spots, sampled, _ = found
        if want.shape != output.shape:
            return False
        if not scale > 0:
            if recorder.weights is not None:
                return False
            recorder.read_on_zeros = True
            if bias is None:
                return not bool(output.any())
            got = output if output.dtype == bias.dtype else self._as_double(output)
            bias = bias.view(1, -1, 1, 1)
            difference = got - (bias if bias.dtype == got.dtype else self._as_double(bias))
            return float(self._abs(difference).max()) <= WRITTEN_CONV_RTOL * float(self._abs(bias).max())
        tolerance = WRITTEN_CONV_RTOL * (scale + (0.0 if bias is None else float(self._abs(bias).max())))
        near = self._as_double(output[spots]) - sampled
        if bias is not None:
            near = near - self._as_double(bias)[spots[1]]
        if float(self._abs(near).max()) > tolerance:
            return False
        got = output if output.dtype == want.dtype else self._as_double(output)
        difference = got - (want if want.dtype == got.dtype else self._as_double(want))
        if bias is not None:
            bias = bias.view(1, -1, 1, 1)
            difference = difference - (bias if bias.dtype == difference.dtype else self._as_double(bias))
        return float(self._abs(difference).max()) <= tolerance

    def _record_written_convolution(self, recorder, weight, bias, x, output, stride: int, padding: int) -> None:
        """Record the convolution :meth:`_written_convolution` found (and wait for its bias when it had none)."""
        record = self._layer_record("Conv2d", {"input": x, "weight": weight, "bias": bias, "stride": stride,
                                               "padding": padding}, recorder)
        if record is None:
            return
        self._close_written_linear(recorder)
        recorder.recorded.add(id(weight))
        recorder.open_convs.pop(id(weight), None)
        if bias is not None:
            recorder.open_biases.pop(id(bias), None)
        index = len(recorder.records)
        recorder.records.append(record)
        recorder.tensors[index] = [weight] if bias is None else [weight, bias]
        record["output_shape"] = list(output.shape)
        if recorder.keep:
            recorder.outputs[index] = output
        recorder.spec_index = recorder.assigned.get(id(weight), -1)
        if bias is None:
            self._await_bias(recorder, output, index, weight, "channels")
            recorder.written_output = (index, recorder.convolutions[(id(weight), id(x), stride, padding)])

    def _held_by(self, recorder, tensor):
        """The model's parameter ``tensor`` is, or lays out all the values of once (:meth:`_held`), directly or
        through the judge's values for it (a view taken of those earlier in the pass); else None."""
        held = self._held(tensor, recorder.declared)
        if held is None and recorder.bases:
            base = self._held(tensor, recorder.bases)
            held = recorder.bases[id(base)] if base is not None else None
        return held

    def _judge_view(self, recorder, view, parameter, slot: tuple | None, what: str):
        """The judge's values for ``parameter``, seen as ``view`` sees the parameter (``view`` is the parameter
        or a view laying out its values once).  The values are made at the parameter's first use in the pass,
        from ``slot`` (a layer's index and ``"weight"`` or ``"bias"``: they then appear at that layer exactly as
        the reference's), or, for a first use outside a layer, from the first free slot of its shape."""
        if view is not parameter:
            recorder.replaced.append(view)
        before = recorder.snapshots.get(id(parameter))
        if before is not None and not self._same(parameter, before):
            # A pass that changes a parameter (zeroed in place, `set_`, which the mode never sees) would hide
            # what it computes with behind the judge's values (attack round 6).
            raise _mismatch(recorder, f"{what} is a parameter the forward pass changed, so what the model does "
                                      "cannot be judged with the judge's weights")
        base = recorder.values.get(id(parameter))
        if base is not None:
            if slot is not None and recorder.slots.get(slot) is not parameter:
                raise _mismatch(recorder, f"{what} is a parameter another layer of the reference's computes with")
            return self._seen_as(base, view, parameter)
        through = view  # the values are laid in so that this view of them is the reference's
        if slot is None:
            slot, through = self._free_slot(recorder, parameter, view, what)
        if slot in recorder.slots or (slot[1] == "weight" and slot[0] in recorder.taken):
            raise _mismatch(recorder, f"{what} takes the place of another parameter of the model's")
        spec = recorder.weights[slot[0]]["tensors"][slot[1]]
        with self._no_grad():
            base = self._empty_strided(parameter.shape, self._strides(parameter), dtype=parameter.dtype)
            target = base if through is parameter else base.as_strided(through.size(), self._strides(through),
                                                                       self._offset(through))
            target.copy_(spec.to_tensor().reshape(target.shape))
        # As the parameter it replaces: a model cannot tell the judge's weights by their requires_grad
        # (attack round 7: one network while training, another while judged).
        base.requires_grad_(bool(parameter.requires_grad))
        recorder.values[id(parameter)] = base
        recorder.bases[id(base)] = parameter
        recorder.slots[slot] = parameter
        recorder.layouts[slot] = None if through is parameter else (
            tuple(through.size()), tuple(self._strides(through)), self._offset(through))
        if slot[1] == "weight":
            recorder.assigned[id(parameter)] = slot[0]
            recorder.taken.add(slot[0])
        return self._seen_as(base, view, parameter)

    def _seen_as(self, base, view, parameter):
        """The judge's values ``base`` for ``parameter``, as ``view`` lays the parameter's out."""
        if view is parameter or view is base:
            return base
        if self._base_of(view) is base:
            return view  # a view already taken of the judge's values
        return base.as_strided(view.size(), self._strides(view), self._offset(view))

    def _free_slot(self, recorder, parameter, view, what: str) -> tuple:
        """``(slot, through)``: the slot of the judge's weights a parameter first used outside a layer takes (the
        bias a layer awaits, else the first free one of its shape, of the shape it is used in, or, for a 2-D
        weight kept (in, out), of its transpose: in the reference's order), and the view of the parameter that is
        the reference's weight there."""
        transposed = parameter.T if parameter.dim() == 2 else parameter
        views = [(list(v.shape), v) for v in (parameter, view, transposed)]
        pending = recorder.pending
        order = [(pending[5] - 1, "bias")] if pending is not None and pending[5] > 0 else []
        order += [(i, role) for i in range(len(recorder.weights)) for role in ("weight", "bias")]
        for i, role in order:
            spec = recorder.weights[i] if 0 <= i < len(recorder.weights) else None
            value = spec.get("tensors", {}).get(role) if type(spec) is dict and type(spec.get("tensors")) is dict \
                else None
            if not isinstance(value, wire.Uniform) or (i, role) in recorder.slots or (
                    role == "weight" and i in recorder.taken):
                continue
            through = next((v for shape, v in views if shape == list(value.shape)), None)
            if through is not None:
                return (i, role), through
        raise _mismatch(recorder, f"the forward pass uses a parameter of shape {views[0][0]} ({what}) where the reference "
                                  "has none left, so what it does cannot be judged with the judge's weights")

    def _converted_by_torch(self, func, args: tuple) -> bool:
        """Whether ``func(*args)`` reads a gradient for torch's ``Module._apply`` in ``module.to(...)``, ``.cpu()``,
        ``.float()``, ``.double()``, ``.type(...)`` (fairness round 58), ``.half()`` or ``.bfloat16()``, and there is
        none: ``_apply`` then does nothing with it and hands the model's code nothing (fairness round 56:
        ``self.to(x.device)`` in forward).  A gradient it converts is changed in place, which a model holding it
        sees (attack round 78: a frozen parameter's gradient set in ``__init__``, which the judge never clears and a
        course's ``zero_grad()`` does, turned float64 between ``self.double()`` and ``self.float()``); a gradient of
        a tensor subclass would run the subclass's code; a setter is a write.  The frames are told by their code
        objects, which no submission can change; an ``_apply`` called with a function of the model's, or a
        conversion whose tensor's ``to`` is the model's, has another frame in between and is refused."""
        if func != self._read_gradient or len(args) != 1 or self._read_gradient(args[0]) is not None:
            return False
        frame = self._frame(2)  # the caller of _judged_call's caller
        while frame is not None and frame.f_code in self._recorder_codes:
            frame = frame.f_back
        if frame is None or frame.f_code is not self._module_apply_code:
            return False
        while frame is not None and frame.f_code is self._module_apply_code:
            frame = frame.f_back
        return frame is not None and frame.f_code in self._module_conversion_codes

    def _judged_call(self, recorder, func, name, args: tuple, kwargs: dict) -> tuple:
        """``func(*args, **kwargs)`` in the pass: ``(output, args, kwargs, parameters)`` with the arguments it ran
        on (:meth:`_judged_arguments`).  A view that lays out all of a parameter's values (``k.view(3, 1, 3, 3)``,
        ``w.T``) is taken of the parameter itself: the judge's values go in where it is used, seen through it
        (a layer's kernel kept as rows is then the judge's kernel at the layer)."""
        if recorder.weights is not None and getattr(func, "__self__", None) is self._grad_descriptor and \
                not self._converted_by_torch(func, args):
            # What a tensor's `.grad` holds tells a pass of training from the judge's, whose backward pass fills
            # none: a model that became another network once `.grad` was set (attack round 19), or that told the
            # gradients the judge gave it from real ones by their size, or kept one of its own set (attack round
            # 20), was the network asked for only while judged.  No tensor's is asked in a judged pass.
            raise _mismatch(recorder, "the forward pass reads a tensor's gradient (.grad), which tells a pass of "
                                      "training from the judge's, so what it does cannot be judged")
        if recorder.weights is not None and name in VIEW_OPS:
            output = func(*args, **kwargs)
            if isinstance(output, self._tensor_type) and self._held_by(recorder, output) is not None:
                return output, args, kwargs, ()
        judged_args, judged_kwargs, used = self._judged_arguments(recorder, args, kwargs)
        if recorder.weights is not None and name in STORAGE_QUERIES and not (
                name in ARRAY_VIEWS and not used and not self._of_parameters_alone(recorder, args, kwargs)):
            # (an array over the input's data, which is the data itself in a judged pass, is no tell: its values are
            # a Python value of the data, varied when the pass runs again, fairness round 22's image for plt.imshow)
            # Where a parameter's values are kept is the judge's, not the model's, while its values are: a model
            # would compare the address it saw while being built (attack round 12: data_ptr, is_shared), also
            # through a tensor made of the parameter without a view of it (attack round 14: `w.detach()`), so no
            # tensor of the pass is asked.
            raise _mismatch(recorder, f"the forward pass asks where a tensor's values are kept ({name}), which the "
                                      "judge's weights change, so what it does cannot be judged with them")
        output = func(*judged_args, **judged_kwargs)
        if used and isinstance(output, self._tensor_type):
            # An operation that hands back its own argument (`w.float()`, `w.to(w.dtype)`, `w.requires_grad_()`)
            # hands back the parameter, as it would unjudged: its identity would tell (attack round 13).
            for mine, theirs in zip((*args, *kwargs.values()), (*judged_args, *judged_kwargs.values())):
                if output is theirs and mine is not theirs:
                    return mine, args, kwargs, used
        return output, judged_args, judged_kwargs, used

    def _judged_arguments(self, recorder, args: tuple, kwargs: dict) -> tuple:
        """``(args, kwargs, parameters)``: an operation's arguments with the judge's values in place of every
        parameter of the model's (or view of one) among them, and those parameters.  Outside a judged pass, or
        with none among them, the arguments as they are."""
        tensor = self._tensor_type
        for value in (*args, *kwargs.values()):  # most operations take no parameter: answered without allocating
            if isinstance(value, (tensor, list, tuple)):
                break
        else:
            return args, kwargs, ()
        used: list = []

        def judged(value):
            if isinstance(value, (list, tuple)):
                items = [judged(v) for v in value]
                if all(a is b for a, b in zip(items, value)):
                    return value
                if type(value) not in (list, tuple):
                    # a container type of the submission's own (a list subclass, a named tuple) could keep the
                    # parameter's own values past the operation (attack round 13)
                    raise _mismatch(recorder, f"the forward pass hands a parameter to torch inside a "
                                              f"{type(value).__name__}, so what it does cannot be judged with the "
                                              "judge's weights")
                return type(value)(items)
            if not isinstance(value, tensor):
                return value
            held = self._held_by(recorder, value)
            if held is None or isinstance(held, self._uninitialized):
                return value
            used.append(held)
            if recorder.weights is None or (id(held) not in recorder.snapshots and id(held) not in recorder.values):
                # A lazy layer's parameter, made in this pass: its layer fills it (its first use as a layer takes the
                # judge's values); until then it is the model's to initialise.
                return value
            return self._judge_view(recorder, value, held, None, f"a parameter of shape {list(held.shape)}")

        new_args = tuple(judged(a) for a in args)
        new_kwargs = {k: judged(v) for k, v in kwargs.items()}
        if not used:
            return args, kwargs, used
        return new_args, new_kwargs, used

    def _written_layer(self, recorder, name: str, args: tuple, kwargs: dict, used: list, output) -> None:
        """What an operation that is no layer does to the layers' record: a product of data from the input with a
        2-D parameter of the model's (``torch.inner(x, fc.weight)``, ``torch.tensordot``, ``(x * fc.weight)``)
        is a Linear written out, recorded once per parameter; an operation on a layer's product while its bias
        is awaited (``.sum(1, keepdim=True)``, ``.squeeze()``) carries the wait on to its result.

        The record earns nothing by itself: the model checks count it only when what it computes, replayed by
        the judge, is what the model computed (grader.questions.model_checks.behaviour)."""
        tensor = self._tensor_type
        pending = recorder.pending
        if pending is not None and name == "unbind" and isinstance(output, (tuple, list)) and len(output) == 1 \
                and isinstance(output[0], tensor) and args and args[0] is pending[0] \
                and _one_column_kept(pending[0], output[0]):
            self._follow_product(recorder, output[0])  # (`(z @ W.T).unbind(1)[0]`: fairness round 60)
            return
        if pending is not None and isinstance(output, tensor):
            operands = recorder._tensors(args, kwargs)
            if (len(operands) == 1 and operands[0] is pending[0]
                    and (name in FOLLOWING_OPS or _only_column(name, args, kwargs, pending[0], output))) \
                    or self._gathers_examples(recorder, name, args, kwargs, operands, output) \
                    or self._sum_goes_on(recorder, name, operands, output):
                self._follow_product(recorder, output)
                return
            if id(output) in recorder.derived and name not in CONVERSIONS and name not in VIEW_OPS \
                    and any(p is pending[2] for p in used) and output.shape == pending[0].shape:
                # the awaited layer's weight on another example (fairness rounds 10 and 11: a per-example loop)
                recorder.siblings[id(output)] = output
                return
        weight = next((p for p in used if not isinstance(p, self._uninitialized) and p.dim() == 2), None)
        if weight is None or name in CONVERSIONS or name in FOLLOWING_OPS or id(weight) in recorder.recorded \
                or not isinstance(output, tensor) or id(output) not in recorder.derived:
            return
        source = next((t for t in recorder._tensors(args, kwargs) if id(t) in recorder.derived), None)
        features = set(source.shape[1:]) if source is not None else set()
        # a weight kept (in, out), as `x @ w` takes it (its first size, not its second, is one of the input's
        # sizes past the batch): its layer's out is its second size
        kept = weight.T if weight.shape[0] in features and weight.shape[1] not in features else weight
        record = self._layer_record("Linear", {"input": source, "weight": kept, "bias": None}, recorder)
        if record is None:
            return
        self._close_written_linear(recorder)
        recorder.recorded.add(id(weight))
        index = len(recorder.records)
        recorder.records.append(record)
        recorder.tensors[index] = [weight]
        record["output_shape"] = list(output.shape)
        if recorder.keep:
            recorder.outputs[index] = output
        recorder.spec_index = recorder.assigned.get(id(weight), -1)
        self._await_bias(recorder, output, index, weight, _layout(output, record["config"]["out_features"]))

    def _written_pooling(self, recorder, name: str, output, args: tuple, kwargs: dict) -> None:
        """A max pooling written out, recorded as the ``MaxPool2d(k)`` it computes, in a description: an operation
        whose result, from the input's data, is exactly ``F.max_pool2d(t, k)`` of one of the last few 4-D tensors
        ``t`` of the pass (``recorder.maps``), ``k`` of :data:`POOLED_WINDOWS`:
        ``x.reshape(n, c, h // 2, 2, w // 2, 2).amax((3, 5))``, ``x.unfold(2, 2, 2).unfold(3, 2, 2).amax((-2, -1))``,
        the maximum of four strided slices, the max of ``F.unfold(x, 2, stride=2)`` viewed back (fairness rounds 10,
        15, 18 and 21: the network asked for, its pooling layer read as missing).  Once per ``t``, and never of a
        ``t`` a pooling layer took; where the pooled map is constant (a dead ReLU's zeros equal any other zeros), only
        of a maximum (:data:`MAXIMA`) or a view of one;
        nor of a copy or view of a pooled map (:data:`SAME_VALUES`, ``recorder.pool_outputs``): one of a pooling's
        output (``x.contiguous()`` after ``MaxPool2d``) is also ``F.max_pool2d`` of the convolution before its ReLU
        wherever every window's largest value is positive (fairness round 6's channels-last model, at some seeds).

        The record earns nothing by itself: the model checks count it only when what it computes, replayed by the
        judge, is what the model computed (grader.questions.model_checks.behaviour)."""
        if not recorder.keep:
            return
        if name in SAME_VALUES and any(recorder.pool_outputs.get(id(t)) is t for t in recorder._tensors(args, kwargs)):
            for out in (output if isinstance(output, (list, tuple)) else (output,)):
                if isinstance(out, self._tensor_type) and len(recorder.pool_outputs) < MAX_TRACED_CALLS:
                    recorder.pool_outputs[id(out)] = out
            return
        # A maximum, or a view of one: where the pooled map is constant (a dead ReLU's zeros under the model's own
        # initial weights), only such an operation is read as the pooling (any other zeros would match too).
        maximum = name in MAXIMA or (name in SAME_VALUES and any(
            recorder.maxima.get(id(t)) is t for t in recorder._tensors(args, kwargs)))
        if maximum and len(recorder.maxima) < MAX_TRACED_CALLS:
            for out in (output if isinstance(output, (list, tuple)) else (output,)):
                if isinstance(out, self._tensor_type):
                    recorder.maxima[id(out)] = out
        if isinstance(output, tuple) and output:  # x.reshape(...).max(dim=5): its values
            output = output[0]
        if not isinstance(output, self._tensor_type) or output.dim() != 4 \
                or id(output) not in recorder.derived or recorder.pool_tries >= MAX_POOL_TRIES \
                or len(recorder.records) >= MAX_TRACED_CALLS or not output.is_floating_point():
            return
        n, c, h, w = output.shape
        if not h or not w:
            return
        # the maps it may pool, by shape: (n, c, H, W) with H // k == h and W // k == w
        candidates = [(k, t) for k in POOLED_WINDOWS for dh in range(k) for dw in range(k)
                      for t in reversed(recorder.maps.get(((n, c, k * h + dh, k * w + dw), output.dtype), ()))]
        for k, t in candidates:
            if t is output or id(t) in recorder.pooled:
                continue
            recorder.pool_tries += 1
            with self._no_grad():
                pooled = self._max_pool2d(t, k)
                if not self._same(pooled, output) or (bool(self._same(pooled.amax(), pooled.amin())) and not maximum):
                    continue
            record = self._layer_record("MaxPool2d", {"input": t, "kernel_size": k, "stride": k, "padding": 0},
                                        recorder)
            index = len(recorder.records)
            recorder.records.append(record)
            recorder.tensors[index] = []
            record["output_shape"] = list(output.shape)
            recorder.outputs[index] = output
            recorder.pooled[id(t)] = t
            recorder.pool_outputs[id(output)] = output
            return

    def _sum_goes_on(self, recorder, name: str, operands: list, output) -> bool:
        """A written-out convolution recorded at a partial sum of its terms that already was the whole (the terms
        left add nothing: the input's only live pixels lie where they do not reach, behind a dead ReLU) goes on
        to the next sum of that partial sum and another term while that sum still is the convolution, so that its
        bias comes right on its product (a failed CI run, r18_py_nine_shifted_slices_broadcast_mask_relu at a seed
        whose fourth layer left one row alive)."""
        pending, written = recorder.pending, recorder.written_output
        if name not in PARTIAL_SUMS or written is None or written[0] != pending[1] or output is pending[0] \
                or not any(t is pending[0] for t in operands) or output.shape != pending[0].shape \
                or id(output) not in recorder.derived:
            return False
        with self._no_grad(), self._no_subclass():
            return self._is_convolution(recorder, written[1], output, None)

    def _gathers_examples(self, recorder, name: str, args: tuple, kwargs: dict, operands: list, output) -> bool:
        """``torch.stack([W.mv(row) for row in x])`` (or ``torch.cat`` of rows) while the bias of the layer whose
        weight ``W`` is awaits: the awaited product first, then the same weight's products with the other examples
        (:attr:`siblings`), gathered along the first dimension into the layer's output for the batch."""
        if name not in ("stack", "cat") or not operands or operands[0] is not recorder.pending[0]:
            return False
        dim = kwargs.get("dim", args[1] if len(args) > 1 else 0)
        if type(dim) is not int or dim != 0 or len(args) < 1 or not isinstance(args[0], (list, tuple)):
            return False
        return all(id(t) in recorder.siblings and recorder.siblings[id(t)] is t for t in operands[1:]) \
            and output.shape[0] == len(operands) * (1 if name == "stack" else operands[0].shape[0])

    def _follow_product(self, recorder, output) -> None:
        """A layer's product, reshaped or reduced while its bias is awaited: the layer's output is now ``output``."""
        product, index, parameter, spec_bias, _, number = recorder.pending
        record = recorder.records[index]
        record["output_shape"] = list(output.shape)
        if recorder.keep:
            recorder.outputs[index] = output
        outputs = record["config"].get("out_features", record["config"].get("out_channels"))
        layout = "channels" if record["kind"] == "Conv2d" else _layout(output, outputs)
        recorder.pending = (output, index, parameter, spec_bias, layout, number)

    def _held(self, tensor, parameters: dict[int, object]):
        """The parameter of ``parameters`` (by id) that ``tensor`` is, or lays out all the values of once each
        (a transpose, a reshape of it): what the judge's weights replace is then what training changes.  None
        for anything else (a product, a copy, a slice, an expanded view)."""
        if id(tensor) in parameters:
            # only a parameter that holds its storage alone: four parameters over one storage are one set of values
            # (attack round 12: tied blocks declaring four times the values they train)
            if isinstance(tensor, self._uninitialized) or (
                    self._offset(tensor) == 0
                    and self._storage_bytes(tensor) == tensor.numel() * tensor.element_size()):
                return tensor
            return None
        base = self._base_of(tensor)
        if base is None or id(base) not in parameters or base.numel() != tensor.numel():
            return None
        # The parameter must hold its storage alone, from its start: a parameter over every other element of a
        # larger storage, read through a dense view, would read the gaps between its values (attack round 6).
        if self._offset(base) != 0 or self._storage_bytes(base) != base.numel() * base.element_size():
            return None
        expected = 1  # the view's strides, smallest first, must step through the values once each
        for stride, size in sorted((st, sz) for st, sz in zip(self._strides(tensor), tensor.shape) if sz > 1):
            if stride != expected:
                return None
            expected *= size
        return base if self._offset(tensor) == self._offset(base) else None

    def _declared_parameters(self, model) -> dict[int, object]:
        """Every parameter the model holds, found through its modules' own dictionaries
        (an overridden ``parameters()`` or ``named_parameters()`` is not asked)."""
        found: dict[int, object] = {}
        todo, seen = [model], set()
        while todo and len(seen) < 100_000:
            module = todo.pop()
            if id(module) in seen:
                continue
            seen.add(id(module))
            attrs = object.__getattribute__(module, "__dict__")
            for p in (attrs.get("_parameters") or {}).values():
                if isinstance(p, self._tensor_type):
                    found.setdefault(id(p), p)
            todo.extend(m for m in (attrs.get("_modules") or {}).values() if isinstance(m, self._module_type))
        return found

    def _run_recorded(self, model, x, recorder, *, gradients: bool = False, input_gradients: bool = False,
                      training: bool = False):
        """``model(x)`` in eval mode under ``recorder``; the innermost module's class names each operation.

        With ``gradients`` autograd is on (as while training), else the pass runs under ``no_grad``
        (as while evaluating); with ``input_gradients`` too, the pass is differentiable in ``x``, so
        that :meth:`_contributing` can tell which layers the output depends on.  With ``training`` the model is
        in training mode (``model.train()``), as it is while it trains, dropout included (attack round 16: a
        dropout of p=1 while training, 0 while evaluated): a model that is another network while it trains (``if
        self.training:``) is judged as that one (attack round 14).
        """
        stack: list[str] = []
        recorder.modules = stack

        def push(module, inputs):
            stack.append(type(module).__name__)

        def pop(module, inputs, output):
            if stack:
                stack.pop()

        handles = []
        for m in self._module_named_modules_list(model):
            handles.append(self._register_pre_hook(m, push))
            handles.append(self._register_hook(m, pop))
        if gradients and input_gradients:
            x = x.detach().requires_grad_(True)
        recorder.start(x)
        recorder.declared = self._trained(self._declared_parameters(model))
        if recorder.weights is not None:
            # Their values as the pass starts: a pass that changes them before a layer (zeroed in place, `set_`,
            # which the mode never sees) and gets the judge's weights there would hide what it computes with.
            # A lazy layer's, made during the pass, are not there yet.
            recorder.snapshots = {key: self._copy_of(p) for key, p in recorder.declared.items()
                                  if not isinstance(p, self._uninitialized)}
        try:
            # The model's own train() / eval() first, as every training loop and evaluation calls them (attack
            # round 18: an override of train() that made the model another network went unseen while the judge
            # called torch's unbound); then torch's, so that the mode is the one judged whatever the override did.
            with self._own_code(recorder, self._declared_parameters(model).values(), "train() or eval()"):
                model.train() if training else model.eval()
                (self._module_train if training else self._module_eval)(model)
            with (self._enable_grad() if gradients else self._no_grad()):
                self._push_mode(recorder)
                try:
                    output = model(x)
                finally:
                    self._pop_mode()
        finally:
            self._after()
            for h in handles:
                h.remove()
        if isinstance(output, self._tensor_type) and id(output) not in recorder.derived:
            raise _Refused("the forward pass returned a tensor that is not computed from its input")
        return output


    def _of_parameters(self, recorder, tensor) -> bool:
        """Whether ``tensor`` is a parameter (or a view of one), a copy or rearrangement of one, or a function of
        the parameters alone (:meth:`_weight_function`'s tables)."""
        return self._held_by(recorder, tensor) is not None or recorder.modified.get(id(tensor)) is tensor \
            or recorder.rearranged.get(id(tensor)) is tensor or self._cast_source(recorder, tensor) is not None

    def _of_parameters_alone(self, recorder, args: tuple, kwargs: dict) -> bool:
        """Whether an operation's tensors include a parameter or a function of the parameters, and no data from the
        input."""
        flat = recorder._tensors(args, kwargs)
        return not any(id(t) in recorder.derived for t in flat) and any(self._of_parameters(recorder, t) for t in flat)

    def _python_value(self, recorder, func, name: str, args: tuple, kwargs: dict, used: list, output):
        """A Python value (:data:`PYTHON_VALUES`) an operation of a judged pass takes of the input's data or of a
        function of the model's parameters: noted, or varied in the pass run again (:meth:`_noted_or_varied`); of
        anything else (a constant the pass made), handed back as it is."""
        flat = recorder._tensors(args, kwargs)
        if not (used or any(id(t) in recorder.derived or self._of_parameters(recorder, t) for t in flat)):
            return output
        if flat and all(recorder.finite_tests.get(id(t)) is t for t in flat):
            # whether the data or the parameters are finite (`assert torch.isfinite(out).all()`): the same on the
            # judge's values and on any that compute a number, and an assertion on it is no decision to vary
            return output
        return self._noted_or_varied(recorder, func, name, args, kwargs, output)

    def _noted_or_varied(self, recorder, func, name: str, args: tuple, kwargs: dict, value):
        """In a judged pass, ``value`` (what ``func(*args, **kwargs)`` gave) as it is, noted
        (``recorder.python_values``); in the pass run again to see whether such values decide anything
        (``recorder.varied`` counting), another value of its kind: a printed form (:data:`PRINTED_FORMS`) is that
        of the tensor varied (a number parsed back from ``repr`` or ``f"{t:.6f}"``: attack round 27)."""
        if recorder.varied is None:
            if len(recorder.python_values) >= MAX_PYTHON_VALUES:
                raise _mismatch(recorder, f"the forward pass takes more than {MAX_PYTHON_VALUES} Python values of "
                                          "its data or parameters, which the judge cannot vary all")
            recorder.python_values.append(name)
            return value
        recorder.varied += 1
        if name in ("equal", "allclose"):
            same = self._varied_alike(recorder, func, args, kwargs)
            if same is not None:
                return same
        tensor = args[0] if args and isinstance(args[0], self._tensor_type) else None
        if tensor is not None and name not in PRINTED_FORMS and recorder.comparisons.get(id(tensor), (None,))[0] \
                is tensor:
            # a comparison's truth made again from its operands varied: `assert h.min() >= 0` after a ReLU, or
            # `(w == w).all()`, holds as in training, where a negated truth value would fail it (fairness round 23)
            with self._no_grad():
                return func(self._rederived(recorder, tensor), *args[1:], **kwargs)
        if name in PRINTED_FORMS:
            tensor = args[0] if args and isinstance(args[0], self._tensor_type) else None
            if tensor is None:
                raise _mismatch(recorder, f"the forward pass prints a value (`{name}`) the judge cannot vary")
            with self._no_grad():
                detached = self._copy_of(tensor)
                if detached.dtype == self._torch.bool:
                    varied = ~detached
                elif detached.is_floating_point() or detached.is_complex():
                    varied = detached * recorder.vary_factor(recorder.vary_random)
                else:
                    varied = detached + 1
            return func(varied, *args[1:], **kwargs)
        return self._varied_value(recorder, value)

    def _varied_value(self, recorder, value):
        """Another value of ``value``'s kind, as a model's own data or weights could give: a truth value negated, a
        number scaled by a factor of ``recorder.vary_factor`` (its sign kept; an integer rounded, and moved by one
        where that leaves it as it was), each element of a list or array so; a zero made positive.  Drawn from
        ``recorder.vary_random`` (Handler._counterfactual)."""
        rng = recorder.vary_random
        if type(value) is bool:
            return not value
        if type(value) is int:
            # scaled as a number is (moved by one, a count stayed on the same side of any bound: attack round 28)
            varied = round(value * recorder.vary_factor(rng)) if value else 1
            return varied if varied != value else value + (1 if value >= 0 else -1)
        if type(value) is float:
            if value != value or value in (float("inf"), float("-inf")):
                return 0.5
            # a zero made positive (a flag of 0.0 then reads as set; `x.min() >= 0` after a ReLU still holds)
            return value * recorder.vary_factor(rng) if value else recorder.vary_factor(rng) / 2
        if type(value) is complex:
            return complex(self._varied_value(recorder, value.real), self._varied_value(recorder, value.imag))
        if type(value) in (list, tuple):
            return type(value)(self._varied_value(recorder, v) for v in value)
        if type(value).__name__ == "ndarray" and type(value).__module__ == "numpy":
            if value.dtype.kind == "b":
                return ~value
            if value.dtype.kind in "iu":
                return value + 1
            if value.dtype.kind in "fc":
                factor = recorder.vary_factor(rng)
                return (value * factor + (value == 0) * (factor / 2)).astype(value.dtype)
        raise _mismatch(recorder, f"the forward pass takes a Python value of its data or parameters (a "
                                  f"{wire.type_name(value)}) that the judge cannot vary")

    def _rederived(self, recorder, tensor):
        """A comparison of the pass (or its ``all()``/``any()``) made again with its operands varied: each
        floating operand scaled by a factor of ``recorder.vary_factor`` (its zeros made positive), an integer one
        too, rounded, a truth value of the parameters negated (attack round 29 compared `(top * 1000).long()` and
        `band.int()`, which stayed as they were; a finiteness test stays: it is not varied), each comparison among
        them made again so."""
        def varied(value):
            if not isinstance(value, self._tensor_type):
                return value
            entry = recorder.comparisons.get(id(value))
            if entry is not None and entry[0] is value:
                return self._rederived(recorder, value)
            if value.is_complex():
                return value
            if value.dtype == self._torch.bool:
                finite = recorder.finite_tests.get(id(value)) is value
                return ~self._copy_of(value) if self._of_parameters(recorder, value) and not finite else value
            plain = self._copy_of(value)
            factor = recorder.vary_factor(recorder.vary_random)
            if not plain.is_floating_point():
                return (plain * factor).round().to(plain.dtype) + (plain == 0)
            return plain * factor + (plain == 0) * (factor / 2)
        _, func, args, kwargs = recorder.comparisons[id(tensor)]
        same = self._varied_alike(recorder, func, args, kwargs)
        if same is not None:
            return same
        return func(*[varied(a) for a in args], **{k: varied(v) for k, v in kwargs.items()})

    def _varied_alike(self, recorder, func, args: tuple, kwargs: dict):
        """An equality test (:data:`EQUALITY_TESTS`) between tensors that are all computed from the input's data,
        made again with every floating operand scaled by one factor of ``recorder.vary_factor``, or None (another
        test: its operands are varied each on its own).  What it tells is an identity of the pass (a pooling or a
        ReLU written two ways, `torch.testing.assert_close(p, F.max_pool2d(h, 2))`), which holds at every scale
        as in training; a negated truth value failed the assertion, and a correct model lost q7 and q8 (fairness
        round 24).  Tested against a tensor the pass did not compute from its input (a copy kept of the weights,
        a threshold), it is varied as before."""
        name = getattr(func, "__name__", "")
        if name not in EQUALITY_TESTS:
            return None
        flat = recorder._tensors(args, kwargs)
        if len(flat) < 2 or not all(id(t) in recorder.derived for t in flat):
            return None
        factor = recorder.vary_factor(recorder.vary_random)

        def scaled(value):
            if isinstance(value, self._tensor_type) and (value.is_floating_point() or value.is_complex()):
                return self._copy_of(value) * factor
            return value
        with self._no_grad():
            return func(*[scaled(a) for a in args], **{k: scaled(v) for k, v in kwargs.items()})

    def _counterfactual(self, request, weights, described, gradients: bool, first, output, found) -> str | None:
        """Why the model, built again and run again as in ``first`` (a judged pass that took Python values of its
        data or parameters) but with each of those values varied (:meth:`_varied_value`), computes something else
        (other operations, other outputs, or with autograd on other gradients than ``found``, the first pass's:
        ``torch.where(flag, h, h.detach())`` changes nothing else), or None: the values then only went to a print,
        a log, a list, or an assertion that the values are finite (not varied: :meth:`_python_value`).

        A Python value the pass takes cannot be followed by the judge, and whatever it decides in a judged pass it
        decides on the judge's weights, which a model can tell from its own by any statistic of them (attack
        round 26: the largest |w| sqrt(fan_in) at exactly the bound the judge draws within, in a band past
        torch's, the ratio of their spread to their largest); refused outright, it cost correct students who
        print their weights' norms or assert their activations are finite (fairness round 22: 8 of 12 files)."""
        values = ", ".join(f"`{name}`" for name in dict.fromkeys(first.python_values))
        differs = (f"its forward pass decides something on a Python value it takes of its data or parameters "
                   f"({values}): with another value there it computes something else, so what it does cannot be "
                   "judged with the judge's weights")
        for attempt, factor in enumerate(VARIED_FACTORS):
            model = self._build(request)
            recorder = self._layer_recorder(weights)
            recorder.varied = 0
            recorder.vary_factor = factor
            # Drawn from the judged input's seed, which the submission never sees: the same variations whenever
            # this request is judged (a grade is the same at every run), none it could foresee.
            recorder.vary_random = self._random(f"{described.seed}:{attempt}")
            warm_up = described.drawn_alike()
            try:
                with self._own_code(recorder, self._declared_parameters(model).values(),
                                    "pass before the judged one"):
                    self._materialise_lazy(model, warm_up, gradients)
                x = self._in_parameter_dtype(model, described.to_tensor())
                again = self._run_recorded(model, x, recorder, gradients=gradients, training=gradients)
            except (ProbeTimeout, MemoryError):
                raise
            except _BaseException:
                # A run that raises with the values varied is another run: ignored, it let a model raise as soon as
                # it noticed a variation (two reads of one statistic that disagree, a 0/1 flag read off its
                # lattice, an odd count) and be another network after its check (attack round 28).  An assertion
                # on whether the data or the parameters are finite is not varied (_is_finiteness).
                return differs
            if recorder.mismatch is not None or len(first.op_log) > MAX_OP_LOG or len(recorder.op_log) > MAX_OP_LOG \
                    or not isinstance(again, self._tensor_type) \
                    or self._reaching(recorder, again) != self._reaching(first, output):
                return differs
            with self._no_grad():
                if again.shape != output.shape or again.dtype != output.dtype or not self._same(
                        self._copy_of(again), self._copy_of(output)):
                    return differs
            if gradients:
                varied = self._parameter_gradients(recorder, again, described)
                if isinstance(varied, str) or len(varied) != len(found) or any(
                        a[:2] != b[:2] or not self._same(a[2], b[2]) for a, b in zip(varied, found)):
                    return differs
        return None

    def _reaching(self, recorder, output) -> list[str]:
        """The operations of a recorded pass (their names, in order) that made ``output`` or anything it was made
        of, and those that wrote into a tensor the pass did not make (with what they wrote), but not those whose
        results went only to a print, a log or a test that changed nothing (``recorder.flow``).

        A pass run again with its Python values varied (:meth:`_counterfactual`) is compared with the judged one
        by these, its output and its gradients: a debugging branch taken on a varied statistic (`if self.debug
        and h.std() > 10: print(h.std())`) computes what it prints, never the network (fairness round 24: it
        cost a correct model q7); one that computes the output otherwise, or keeps other state for the next pass,
        is another network."""
        flow, reached = recorder.flow, set()
        stack = list(recorder.effects)
        last = recorder.producer.get(id(output))
        if last is not None:
            stack.append(last)
        while stack:
            index = stack.pop()
            if index in reached:
                continue
            reached.add(index)
            stack.extend(i for i in flow.get(index, ()) if i not in reached)
        log = recorder.op_log
        return [log[i] for i in sorted(reached) if i < len(log)]

    def _own_code(self, recorder, parameters, where: str, *, varied: bool = True):
        """Runs the model's own code that a judged request (``recorder.weights``) calls outside the recorded pass
        (its ``train()``/``eval()`` and the ``__setattr__`` torch's makes, a lazy model's pass before the judged
        one, its backward pass's hooks and functions) under :class:`_ParameterReads` of ``parameters``: a Python
        value of a function of them there is noted, and varied when the pass runs again, as one in the pass is
        (:meth:`_counterfactual`); in the backward pass, which does not run again, and for a printed form, it
        makes the pass unjudgeable (``recorder.mismatch``).

        Outside the pass the parameters hold the model's own values, as built in every request (the judge never
        trains it) and moved in every training loop after the first step: a ``train()`` that compared them with a
        copy taken in ``__init__`` made the model another network once trained, and the network asked for
        whenever the judge looked (attack round 26); one reading the judge's values in a backward hook tells the
        judged pass by any statistic of them (attack round 26's, moved out of the pass)."""
        if recorder.weights is None:
            return _NoWatch()
        reads = self._parameter_reads(list(parameters), where, (
            lambda func, name, args, kwargs, value: self._noted_or_varied(recorder, func, name, args, kwargs, value))
            if varied else None)
        return _Watch(self, recorder, reads)

    def _trained(self, parameters: dict[int, object]) -> dict[int, object]:
        """Of a model's parameters, those training changes, each as a set of values of its own: not one that shares
        its storage with another (attack round 12: four blocks over one storage are one block applied four times),
        nor one that does not require gradients while others do (attack round 12: a head frozen at zero).  The rest
        are constants of the model: layers computing with them earn nothing, and they get none of the judge's
        values.  (A model frozen whole, for inference, is still judged as its layers.)"""
        live = {k: p for k, p in parameters.items() if not isinstance(p, self._uninitialized)}
        addresses: dict[int, int] = {}
        for p in live.values():
            if p.numel():
                address = self._storage_address(p)
                addresses[address] = addresses.get(address, 0) + 1
        training = any(p.requires_grad for p in live.values())
        return {k: p for k, p in parameters.items() if k not in live or (
            (not p.numel() or addresses.get(self._storage_address(p), 0) == 1)
            and (p.requires_grad or not training))}

    def _module_named_modules_list(self, model) -> list:
        out, todo, seen = [], [model], set()
        while todo and len(out) < 10_000:
            module = todo.pop()
            if id(module) in seen:
                continue
            seen.add(id(module))
            out.append(module)
            attrs = object.__getattribute__(module, "__dict__")
            todo.extend(m for m in (attrs.get("_modules") or {}).values() if isinstance(m, self._module_type))
        return out

    def _model(self, request) -> dict:
        """The description of NAME(*ARGS), built with its own initial values, from a pass on INPUT_SHAPE.

        A written-out convolution read on an input of zeros (a ReLU before it off everywhere, as in a ConvNet of
        five blocks under torch's initial weights on about one input in seven) fits any bias and padding, and is
        read as the first that its partial sums fit (`bias=False`, a padding of 2 for an FFT's full product): the
        model is then built again (other initial values) and run on another input drawn from the judge's seed, at
        most :data:`DESCRIPTION_ATTEMPTS` times (fairness rounds 18, 19, 21: half a point of q8 lost at some
        seeds).  A description earns nothing by itself: the judged passes confirm it."""
        input_shape = request.get(Key.INPUT_SHAPE)
        seed = request.get(Key.INPUT_SEED)
        for attempt in range(DESCRIPTION_ATTEMPTS):
            model = self._build(request)
            declared = self._declared_parameters(model)
            recorder = self._layer_recorder()
            output, error = None, None
            if input_shape is None:
                break
            if type(seed) is int:  # the judge's random input: a model cannot special-case zeros
                drawn = seed if attempt == 0 else self._random(f"{seed}:description:{attempt}").getrandbits(63)
                x = self._torch.rand(*input_shape, generator=self._torch.Generator().manual_seed(drawn)) * 2 - 1
            else:
                x = self._zeros(*input_shape)
            try:
                output = self._run_recorded(model, x, recorder, gradients=True, input_gradients=True)
            except (ProbeTimeout, MemoryError):
                raise
            except _BaseException as exc:  # describe the layers it reached anyway
                error = describe_exception(exc)
            if not recorder.read_on_zeros or type(seed) is not int:
                break
        kept = range(len(recorder.records))
        if input_shape is not None and error is None:
            kept = self._contributing(output, recorder)
        if recorder.laundered:
            error = error or {Key.TYPE: "untraceable", Key.MESSAGE: f"the forward pass takes its data out of torch "
                                                                    f"(`{recorder.laundered}`)", Key.WHERE: None}
        # Parameters counted from what the forward pass really computes with, and only those the model holds:
        # a tensor made in the pass (a weight times 0, fresh random numbers) is nothing training would change.
        used: dict[int, int] = {}
        trained = self._trained(declared)
        for i in kept:
            for t in recorder.tensors.get(i, []):
                held = self._held(t, trained)
                if held is None:
                    copied = self._cast_source(recorder, t)
                    held = copied if copied is not None and id(copied) in trained else None
                if held is not None:
                    used.setdefault(id(held), held.numel())
        answer = {
            "layers": [recorder.records[i] for i in kept],
            "param_count": sum(p.numel() for p in declared.values()),
            "trainable_count": sum(p.numel() for p in declared.values() if p.requires_grad),
            "used_param_count": sum(used.values()) if input_shape is not None and error is None else None,
            "output_shape": list(output.shape) if isinstance(output, self._tensor_type) else None,
            "forward_error": error,
            # layers ran, yet autograd traces the output to none of them: the pass switched autograd off inside
            # forward (no_grad, inference_mode) or detached its result; only the feedback reads it
            "untracked_output": bool(input_shape is not None and error is None and recorder.records
                                     and isinstance(output, self._tensor_type) and output.grad_fn is None),
        }
        return {Answer.OK: answer}

    def _contributing(self, output, recorder) -> list[int]:
        """The recorded layers the output is computed from: their results are in its autograd graph.

        A layer called on data from the input whose result is then thrown away is
        not part of the network the output comes from.  (The graph, not the size of
        a gradient: a ReLU that is off everywhere on one input must not hide a layer.)
        """
        if not isinstance(output, self._tensor_type) or output.grad_fn is None:
            return []
        ancestors, todo = set(), [output.grad_fn]
        while todo and len(ancestors) < 1_000_000:
            node = todo.pop()
            if node is None or id(node) in ancestors:
                continue
            ancestors.add(id(node))
            todo.extend(next_node for next_node, _ in node.next_functions)
        return [i for i in range(len(recorder.records))
                if isinstance(recorder.outputs.get(i), self._tensor_type)
                and (recorder.outputs[i] is output or id(recorder.outputs[i].grad_fn) in ancestors)]

    def _materialise_lazy(self, model, x, gradients: bool) -> None:
        """A model with lazy layers runs once on ``x`` (described: an input like the judged pass's, not it) before a
        pass with the judge's weights, unrecorded: its lazy
        parameters are then made and initialised as the model does it, and the judged pass gives every use of them
        the judge's values from the start.  (Made during the judged pass, they were the model's own until their
        layer ran, and a model compared a copy of them with its layer: attack round 12.)"""
        try:
            parameters = self._declared_parameters(model).values()
        except AttributeError:
            return
        if not any(isinstance(p, self._uninitialized) for p in parameters):
            return
        x = x.to_tensor()  # drawn only for a model that has lazy layers
        try:
            # as the judged pass will run, autograd on or off and the mode alike (attack round 13 told the two
            # apart by autograd)
            (self._module_train if gradients else self._module_eval)(model)
            with (self._enable_grad() if gradients else self._no_grad()):
                model(self._in_parameter_dtype(model, x))
        except (ProbeTimeout, MemoryError):
            raise
        except _BaseException:
            pass  # the judged pass raises it again, where it is described
        finally:
            self._after()
        if any(isinstance(p, self._uninitialized) for p in self._declared_parameters(model).values()):
            # still not made (its first pass raised, on purpose or not): made in the judged pass, they would be the
            # model's own until their layer ran (attack round 13)
            raise _Refused("the model's lazy layers could not be made by a pass of its own before the judged one")

    def _in_parameter_dtype(self, model, x):
        """``x`` in the floating dtype of the model's parameters when they all share one: a model built after
        ``torch.set_default_dtype(torch.float64)`` takes double inputs, as its student gave it (the judge's
        weights are put in each layer's own dtype, and the outputs are compared in double precision)."""
        try:
            dtypes = {p.dtype for p in self._declared_parameters(model).values() if p.is_floating_point()}
        except AttributeError:  # not a module (no __dict__): called with the input as it is
            return x
        return x.to(dtypes.pop()) if len(dtypes) == 1 else x

    def _forward(self, request) -> dict:
        """One forward pass in which every convolution and linear operation computes with the judge's weights.

        The weights are matched by the order the pass calls the operations and by
        their kind, so a layer is judged by what it computes, however it is written.
        """
        try:  # checked before any of the submission's code runs
            weights = wire.decode_weights(request.get(Key.WEIGHTS))
            x = wire.Uniform.decode(request.get(Key.INPUT))
        except wire.WireError:
            raise _Refused("malformed forward request") from None
        model = self._build(request)
        recorder = self._layer_recorder(weights)
        # The warm-up of lazy layers runs on another input than the judged pass, drawn alike: on the same one, a
        # model honest only when its input repeats the last one was the network asked for while judged and never
        # while training (attack round 14).
        warm_up = x.drawn_alike()
        described, x = x, x.to_tensor()
        gradients = request.get(Key.GRADIENTS) is True

        def run():
            nonlocal x
            with self._own_code(recorder, self._declared_parameters(model).values(), "pass before the judged one"):
                self._materialise_lazy(model, warm_up, gradients)
            x = self._in_parameter_dtype(model, x)
            return self._run_recorded(model, x, recorder, gradients=gradients, training=gradients)

        output, refused = self._judged_output(recorder, weights, run)
        if refused is not None:
            return refused
        found = negated = None
        if gradients:
            untrained = self._untrained(recorder, output)
            if untrained is not None:
                return {Answer.MISMATCH: untrained}
            found = self._parameter_gradients(recorder, output, described)
            if isinstance(found, str):
                return {Answer.MISMATCH: found}
            changed, negated = self._changed_by_backward(model, x, weights, output, described)
            if changed is not None:
                return {Answer.MISMATCH: changed}
        if recorder.python_values:
            differs = self._counterfactual(request, weights, described, gradients, recorder, output, found)
            if differs is not None:
                return {Answer.MISMATCH: differs}
        if gradients:
            return {Answer.OK: (output, found, negated)}
        return {Answer.OK: output}

    def _judged_output(self, recorder, weights: list, run) -> tuple:
        """``(output, None)`` of ``run()``, a pass recorded by ``recorder`` with the judge's ``weights``, or ``(None,
        answer)`` when the weights do not fit it; raises _Refused for a pass that takes its data out of torch or
        returns no tensor."""
        output = None
        try:
            output = run()
        except (ProbeTimeout, MemoryError):
            raise
        except _BaseException:
            if recorder.mismatch is None:
                raise
        # A refusal decides, however the pass went on: the submission may have caught it and raised
        # an error of its own, or carried on with other layers.
        try:
            self._close_written_linear(recorder)
        except _Mismatch:
            pass  # kept in recorder.mismatch (fairness round 10: its name reached a student's feedback)
        if recorder.mismatch is not None:
            return None, {Answer.MISMATCH: recorder.mismatch}
        if len(recorder.taken) != len(weights):
            return None, {Answer.MISMATCH: f"the forward pass uses {len(recorder.taken)} layers with parameters; "
                                           f"the reference has {len(weights)}"}
        if recorder.laundered:  # as in a description: what it computes outside torch is not seen
            raise _Refused(f"the forward pass takes its data out of torch (`{recorder.laundered}`)")
        if not isinstance(output, self._tensor_type):
            raise _Refused(f"the forward pass returned a {wire.type_name(output)}, not a tensor")
        return output, None

    def _train(self, request) -> dict:
        """A fresh model trained as a course's loop trains it, then judged: ``(outputs, judged, start)``.

        From its own initial values (built with torch's default generator as the submission's code left it), on each
        of INPUTS but
        the last: training mode, two draws from that generator (as a shuffled DataLoader's epoch starts), a pass with
        autograd on, the output's sum weighted by :func:`wire.output_weighting` run backward into each parameter's
        ``.grad`` (its hooks and functions as in ``loss.backward()``), and a step (:func:`wire.training_moves`) on every
        parameter that trains; then the last input in eval mode under ``no_grad``, twice: with the last step's gradients
        in ``.grad``, then with none.  ``outputs``: the output of each of those passes (one more than INPUTS).  Then the
        trained model runs on INPUT with the judge's WEIGHTS, as :meth:`_forward` runs a fresh one (``judged``: its
        output), which also tells which parameter each of the judge's tensors stands for: ``start`` gives, per slot
        (layer index, "weight" or "bias"), that parameter's values before the first step, laid out as the reference's
        tensor, and whether it trains.

        The judge trains the reference the same way from ``start`` and compares: a model that is the network asked
        for while judged and another once trained (a flag set by its weights leaving the band a freshly built
        layer's stay in, by a count of its passes or backward passes, by its age: attack rounds 18 to 31) is
        another network in both comparisons; every judged pass before ran on a freshly built model.

        With JUDGE false, the model is trained only (``judged`` None, ``start`` empty) and kept under the name KEEP
        gives; a request with that name and JUDGE judges the model kept, so that the judge can train every model
        before anything else of the grading ran on any (attack round 75: a flag set by the judge's description pass,
        a module global, made a model that output zeros train as the network asked for)."""
        try:  # checked before any of the submission's code runs
            weights = wire.decode_weights(request.get(Key.WEIGHTS))
            judged = wire.Uniform.decode(request.get(Key.INPUT))
            inputs = request.get(Key.INPUTS)
            if type(inputs) is not list or not 2 <= len(inputs) <= wire.MAX_TRAINING_INPUTS:
                raise wire.WireError("training inputs")
            inputs = [wire.Uniform.decode(item) for item in inputs]
            keep, judge = request.get(Key.KEEP), request.get(Key.JUDGE, True)
            if keep is not None and (type(keep) is not str or len(keep) > 200) or type(judge) is not bool:
                raise wire.WireError("keep")
        except wire.WireError:
            raise _Refused("malformed training request") from None
        kept = self._kept_trainings.pop(keep, None) if judge and keep is not None else None
        if kept is not None:
            model, start, outputs = kept
        else:
            model, start, outputs = self._trained_afresh(request, inputs)
        if not judge:
            if keep is not None:
                self._kept_trainings[keep] = (model, start, outputs)
            return {Answer.OK: (outputs, None, [])}
        return self._judged_training(model, start, outputs, weights, judged)

    def _trained_afresh(self, request, inputs) -> tuple:
        """``(model, start, outputs)``: a fresh model trained as :meth:`_train` says, its parameters' values before the
        first step (by id), and the output of each pass."""
        # Its own initial values drawn from torch's default generator as the models built and trained before it left
        # it, as a notebook's next cell would build it: never reseeded (attack round 76: honest once
        # `torch.initial_seed()` changed), never put back to a state it was in before (attack round 77: honest once
        # a model was built twice from one state, which no notebook does without reseeding).  The worker's
        # generators start from the run's seed and the judge asks for its trainings in one order, in this worker and
        # in any that replaces it (SandboxProbe._retrain), so the same file graded again with it trains from the same
        # values (a cheat whose gradients drift within rounding was caught on some runs only).
        model = self._build(request)
        self._materialise_lazy(model, inputs[0], True)
        declared = list(self._declared_parameters(model).values())
        start = {id(p): self._copy_of(p) for p in declared}
        trained = [p for p in declared if self._requires_grad(p)]
        grad = self._grad_descriptor
        outputs = []
        try:
            # One epoch, as a course's loop runs it: model.train() once, then its steps (attack round 76: a model that
            # was the network asked for only on the first pass after its own train() or eval() was called, or only on
            # the first step, passed a judge that called train() before its one step); a shuffled DataLoader's epoch
            # starts after model.train(), drawing two numbers from torch's default generator (its base seed, then
            # the sampler's seed): a model that stays the network asked for until something draws from it after it
            # was built (attack round 33), or until it was drawn from otherwise than that (round 34), sees the same
            # draws here.
            model.train()
            self._module_train(model)
            for _ in range(2):
                self._random_in_place(self._empty((), dtype=self._int64))
            for index, described in enumerate(inputs):
                x = self._in_parameter_dtype(model, described.to_tensor())
                if index == len(inputs) - 1:
                    # Evaluated twice, after one model.eval(): with the last step's gradients still in .grad (a loop
                    # that zeroes them before each backward pass leaves them there), then with none (one that zeroes
                    # them after each step): a model that tells either from the judge's training by reading them
                    # when eval() is called (attack round 33) is the other network in one of the two.
                    model.eval()  # its own, as an evaluation calls it; then torch's, so that the mode is eval
                    self._module_eval(model)
                    for kept in (True, False):
                        if not kept:
                            for p in trained:
                                grad.__set__(p, None)
                        with self._no_grad():
                            output = model(x)
                        if not isinstance(output, self._tensor_type):
                            raise _Refused(f"the forward pass returned a {wire.type_name(output)}, not a tensor")
                        outputs.append(self._copy_of(output))
                    break
                with self._enable_grad():  # whatever the notebook left switched off
                    output = model(x)
                    if isinstance(output, self._tensor_type):
                        flat = self._flatten(output)
                        total = (flat * wire.output_weighting(described, flat.numel()).to(flat.dtype)).sum()
                if not isinstance(output, self._tensor_type):
                    raise _Refused(f"the forward pass returned a {wire.type_name(output)}, not a tensor")
                outputs.append(self._copy_of(output))
                for p in trained:  # zero_grad() before the backward pass, as set_to_none does
                    grad.__set__(p, None)
                if not (trained and self._requires_grad(total)):
                    continue  # a model frozen whole: nothing trains (the reference's step moves nothing either)
                with self._enable_grad():
                    self._run_backward((total,), (self._ones_like(total),), False, False, (), True, True)
                with self._no_grad(), self._no_subclass():
                    moves = wire.training_moves(trained, [grad.__get__(p) for p in trained], self._training_ops,
                                                described)
                    for p, move in zip(trained, moves):
                        if move is not None:
                            self._subtract_in_place(p, move)
        finally:
            self._after()
        return model, start, outputs

    def _judged_training(self, model, start: dict, outputs: list, weights, judged) -> dict:
        """The trained ``model`` run as :meth:`_forward` runs a fresh one, with ``weights`` on ``judged``: the answer
        of :meth:`_train`."""
        self._refuse_unjudgeable(model)
        recorder = self._layer_recorder(weights)
        output, refused = self._judged_output(
            recorder, weights, lambda: self._run_recorded(model, self._in_parameter_dtype(model, judged.to_tensor()),
                                                          recorder))
        if refused is not None:
            return refused
        found = []
        for slot, p in sorted(recorder.slots.items()):
            values = start.get(id(p))
            if values is None:  # a parameter the model made after its training (a lazy one made again)
                return {Answer.MISMATCH: "a layer computes with a parameter the model did not have while it trained"}
            with self._no_grad():
                laid = self._empty_strided(values.shape, self._strides(values), dtype=values.dtype)
                self._copy_into(laid, values)
                layout = recorder.layouts.get(slot)
                if layout is not None:
                    laid = laid.as_strided(*layout)
                found.append([slot[0], slot[1], self._copy_of(laid), self._requires_grad(p)])
        return {Answer.OK: (outputs, self._copy_of(output), found)}

    def _changed_by_backward(self, model, x, weights, output, described) -> tuple[str | None, list]:
        """After the judge's backward pass: why the same model, run again on ``x`` as while training, computes
        something else than ``output`` (its pass before the backward pass), or None; and the gradients of this
        second pass for the output weighted by the negated weights (as :meth:`_parameter_gradients` lays them out).

        Training runs a model again after every backward pass; a model whose backward pass changes it (a flag set
        by an autograd.Function, a tensor hook, a module backward hook: attack round 18) is the network asked for
        only until it trains.  A backward pass is linear in the gradient reaching the output, and negating is exact
        in floating point: the network asked for gives exactly the negated gradients, where a hook that adds to a
        gradient whatever reaches it (a drift within float32 rounding of the reference's, every step the same
        way: attack round 21) does not.  The judge compares the two."""
        recorder = self._layer_recorder(weights)
        # On a copy of the input, as training's next batch is another tensor: a model that kept the last one and
        # changed its gradients the other way when the same tensor came back got negated gradients exactly from a
        # drift that training adds every step the same way (attack round 22).
        x = self._copy_of(x)
        try:
            again = self._run_recorded(model, x, recorder, gradients=True, training=True)
            self._close_written_linear(recorder)
        except (ProbeTimeout, MemoryError):
            raise
        except _BaseException:
            again = None
        changed = "its forward pass computes something else after a backward pass, so it is not the network that trains"
        if recorder.mismatch is not None or not isinstance(again, self._tensor_type):
            return changed, []
        try:
            before, after = wire.decode(wire.encode(output)), wire.decode(wire.encode(again))
        except wire.WireError:
            return None, []  # the output itself cannot be sent: the answer says so
        if not isinstance(before, wire.Array) or not isinstance(after, wire.Array) or before.shape != after.shape \
                or before.dtype != after.dtype:
            return changed, []
        with self._no_grad():
            if not self._allclose(before.to_tensor(), after.to_tensor(), rtol=1e-5, atol=1e-7):
                return changed, []
        negated = self._parameter_gradients(recorder, again, described, sign=-1.0)
        if isinstance(negated, str):
            return negated, []
        return None, negated

    def _parameter_gradients(self, recorder, output, x, sign: float = 1.0) -> list | str:
        """In a pass with autograd on: the gradient of the output's weighted sum (:func:`wire.output_weighting`)
        with respect to the judge's values of each parameter that trains, laid out as the reference's tensor in
        its slot: ``[[layer index, "weight" or "bias", gradient], ...]``; or why there is none (its backward pass
        raises).  The judge compares them with the reference's: a model trains as the network asked for only if
        the gradients that reach its parameters are the network's (attack round 14: gradients reversed by
        ``2 * out.detach() - out``, kept for the bias only, or a backward pass that always fails)."""
        trained = [(slot, recorder.values[id(p)]) for slot, p in sorted(recorder.slots.items())
                   if id(p) in recorder.values and p.requires_grad]
        if not trained:
            return []
        # A hook on a parameter changes its gradient after it arrives, where the judge's values for it get none:
        # a model built by the checks has one only from its own code or a parameter it shares with a module-level
        # one (attack round 14: the head's gradients zeroed from top level), put on before the backward pass or
        # during it, as training's first one would (attack round 17): asked before and after.
        hooked = "a hook on one of its parameters changes that parameter's gradients"
        if any(self._gradient_hooks_of(p) for p in [*recorder.slots.values(), *recorder.replaced]):
            return hooked
        try:
            with self._enable_grad():  # whatever the notebook left switched off
                flat = output.flatten()
                weighting = wire.output_weighting(x, flat.numel()).to(flat.dtype)
                total = (flat * (weighting if sign > 0 else -weighting)).sum()
                # What the backward pass recomputes (torch.utils.checkpoint) reads the parameters themselves, out
                # of the recorder's sight: they hold the judge's values meanwhile, in their own storage (a storage
                # swapped in told the pass apart by its address: attack round 16), so that it computes what the
                # forward pass did (fairness round 13), and their own values afterwards.
                own = [(p, self._copy_of(p)) for p in recorder.slots.values() if id(p) in recorder.values]
                try:
                    with self._no_grad():
                        for p, _ in own:
                            self._copy_into(p, recorder.values[id(p)])
                    seed = self._ones_like(total)
                    with self._own_code(recorder, [*recorder.declared.values(), *recorder.slots.values(),
                                                   *recorder.values.values()], "backward pass", varied=False):
                        # (torch.autograd.grad(total, values, allow_unused=True), hooks in sight)
                        found = self._run_backward((total,), (seed,), False, False, tuple(v for _, v in trained),
                                                   True, False)
                finally:
                    with self._no_grad():
                        for p, values in own:
                            self._copy_into(p, values)
        except RuntimeError as exc:
            return f"its backward pass raises {type(exc).__name__}: {str(exc)[:120]}"
        if any(self._gradient_hooks_of(p) for p in [*recorder.slots.values(), *recorder.replaced]):
            return hooked
        if recorder.mismatch is not None:  # a Python value of the parameters in the backward pass (_own_code)
            return recorder.mismatch
        out = []
        for (slot, value), gradient in zip(trained, found):
            with self._no_grad():
                laid = self._empty_strided(value.shape, self._strides(value), dtype=value.dtype)
                if gradient is None:
                    laid.zero_()
                else:
                    laid.copy_(gradient)
                layout = recorder.layouts.get(slot)
                if layout is not None:
                    laid = laid.as_strided(*layout)
                out.append([slot[0], slot[1], self._copy_of(laid)])
        return out

    def _untrained(self, recorder, output) -> str | None:
        """In a pass with autograd on (as while training): why a parameter that trains cannot get a gradient from
        the output through the judge's values for it, or None.  A model whose output is cut from its parameters'
        gradients (``out.detach() + (out - out.detach()) * 0``), or that switches a parameter's ``requires_grad``
        off for the pass, computes the network asked for and never learns (attack round 13).  A model frozen whole
        for inference has no parameter that trains, and is judged as its layers."""
        pairs = [(recorder.bases[key], base) for key, base in
                 ((id(b), b) for b in recorder.values.values()) if key in recorder.bases]
        trained = [(p, b) for p, b in pairs if p.requires_grad]
        if not trained:
            return None
        if any(not b.requires_grad for _, b in trained) or not output.requires_grad:
            return "a parameter that trains is cut off from the forward pass's gradients"
        # Which parameters the output's autograd graph reaches: a walk, no arithmetic.
        reached, seen, todo = set(), set(), [output.grad_fn]
        judged = {id(base) for _, base in pairs}
        while todo and len(seen) < 1_000_000:
            node = todo.pop()
            if node is None or id(node) in seen:
                continue
            seen.add(id(node))
            variable = getattr(node, "variable", None)
            if variable is not None:
                reached.add(id(variable))
                if id(variable) not in judged:
                    # A tensor that trains in the pass but is none of the model's parameters: the network asked
                    # for trains its parameters only.  Its gradient would come only in training's backward pass,
                    # never in the judge's, which asks for the parameters' (attack round 18: a `lever * 0` whose
                    # gradient hook or autograd.Function switched the model to another network, reversed or froze
                    # its gradients once real training began).
                    return (f"its forward pass computes with a tensor of shape {list(variable.shape)} that trains "
                            "but is none of its parameters")
            todo.extend(next_node for next_node, _ in node.next_functions)
        for parameter, base in trained:
            if id(base) not in reached:
                return (f"a parameter of shape {list(parameter.shape)} gets no gradient from the output: training "
                        "could not change it")
        # What the gradients are is the judge's to compare with the reference's (_parameter_gradients).
        return None


#: The torch functions that are layers, by the name torch dispatches them under:
#: (kind, their parameters in order).  ``nn.Conv2d`` and ``F.conv2d`` both arrive as ``conv2d``.
LAYER_OPS = {
    "conv2d": ("Conv2d", ("input", "weight", "bias", "stride", "padding", "dilation", "groups")),
    "linear": ("Linear", ("input", "weight", "bias")),
    "max_pool2d": ("MaxPool2d", ("input", "kernel_size", "stride", "padding", "dilation", "ceil_mode",
                                 "return_indices")),
    # what F.max_pool2d(..., return_indices=True) and nn.MaxPool2d(return_indices=True) dispatch to (fairness
    # round 8): the same pooling, which also gives the indices of the maxima
    "max_pool2d_with_indices": ("MaxPool2d", ("input", "kernel_size", "stride", "padding", "dilation", "ceil_mode",
                                              "return_indices")),
    "avg_pool2d": ("AvgPool2d", ("input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                                 "divisor_override")),
    "relu": ("ReLU", ("input", "inplace")),
    "relu_": ("ReLU", ("input",)),
    "flatten": ("Flatten", ("input", "start_dim", "end_dim")),
    "view": ("Flatten", ("input", "shape")),
    "reshape": ("Flatten", ("input", "shape")),
    "dropout": ("Dropout", ("input", "p", "training", "inplace")),
    "dropout1d": ("Dropout", ("input", "p", "training", "inplace")),
    "dropout2d": ("Dropout", ("input", "p", "training", "inplace")),
    "dropout3d": ("Dropout", ("input", "p", "training", "inplace")),
    "alpha_dropout": ("Dropout", ("input", "p", "training", "inplace")),
    "feature_alpha_dropout": ("Dropout", ("input", "p", "training", "inplace")),
    "batch_norm": ("BatchNorm2d", ("input", "running_mean", "running_var", "weight", "bias", "training",
                                   "momentum", "eps")),
    "pad": ("Pad", ("input", "pad", "mode", "value")),
    "adaptive_avg_pool2d": ("AdaptiveAvgPool2d", ("input", "output_size")),
    "adaptive_max_pool2d": ("AdaptiveMaxPool2d", ("input", "output_size", "return_indices")),
    # Activations an output layer is often given (a mistake here): recorded so that the judge can replay them.
    "sigmoid": ("Sigmoid", ("input",)),
    "tanh": ("Tanh", ("input",)),
    "softmax": ("Softmax", ("input", "dim")),
    "log_softmax": ("LogSoftmax", ("input", "dim")),
    "leaky_relu": ("LeakyReLU", ("input", "negative_slope", "inplace")),
}


#: The 4-D tensors from the input a pass keeps after each layer, among which a convolution written out finds its
#: input (Handler._written_convolution), and how many comparisons with F.conv2d one pass may make.
MAX_WINDOWS = 2
#: The 4-D tensors from the input a description keeps, among which a max pooling written out finds its input, and
#: how many comparisons with F.max_pool2d it may make (Handler._written_pooling).
MAX_POOLED_MAPS = 3  # of each shape and dtype
POOLED_WINDOWS = (2, 3, 4)  # the window sizes of a max pooling written out that are looked for
MAXIMA = frozenset({"max", "amax", "maximum", "fmax"})
MAX_POOLED_SHAPES = 16
MAX_POOL_TRIES = 64
#: The layer kinds that pool: a tensor one of them took is no written-out pooling's input.
POOLINGS = frozenset({"MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"})
MAX_WRITTEN_CONV_TRIES = 24  # after each layer
#: How many times a description is made (a fresh model, another input) while it reads a written-out convolution on
#: an input of zeros (Handler._model).
DESCRIPTION_ATTEMPTS = 5
MAX_PASS_CONV_TRIES = 240
CONV_SAMPLES = 64
#: A convolution written out is what F.conv2d computes within this much of the sum of its terms' absolute values.
WRITTEN_CONV_RTOL = 1e-4


#: What a convolution written out does to its kernel alone (Handler._kernel_use): views, slices, flips, copies, an
#: FFT, the reads of its shape; and what it multiplies the kernel with the input's data by.
KERNEL_REARRANGING = frozenset({"view", "reshape", "t", "transpose", "permute", "flatten", "unflatten", "unsqueeze",
                                "squeeze", "view_as", "reshape_as", "contiguous", "movedim", "__get__", "__getitem__",
                                "narrow", "select", "unbind", "split", "chunk", "flip", "fliplr", "flipud", "rot90",
                                "expand", "expand_as", "to", "double", "float", "type", "type_as", "clone", "conj",
                                "resolve_conj", "fft_fft2", "fft_rfft2", "fft_fftn", "fft_rfftn", "size", "dim",
                                "numel", "__len__", "repeat", "repeat_interleave", "tile", "broadcast_to",
                                "as_strided", "split_with_sizes", "swapaxes", "swapdims", "moveaxis", "adjoint",
                                "view_as_real", "view_as_complex", "stack", "cat", "concat", "concatenate", "hstack",
                                "vstack", "pad", "reshape_as", "diagonal"})
KERNEL_PRODUCTS = frozenset({"matmul", "mm", "bmm", "mv", "einsum", "tensordot", "mul", "__rmul__", "inner",
                             "__matmul__", "__rmatmul__", "conv2d", "conv_transpose2d", "baddbmm", "addmm"})
#: Operations whose result does not depend on a tensor's values (a new tensor of its shape, type or device), which
#: a parameter may be read with (``w.new_zeros(...)`` as an accumulator): no function of it (Handler._weight_function).
VALUE_FREE = frozenset({"new_zeros", "new_ones", "new_empty", "new_full", "zeros_like", "ones_like", "empty_like",
                        "full_like", "rand_like", "randn_like", "size", "dim", "numel", "__len__"})
#: Whether a parameter's values are finite: the same on the judge's and a model's own (Handler._weight_function).
FINITENESS_TESTS = frozenset({"isfinite", "isnan", "isinf", "isposinf", "isneginf"})
#: Operations that copy a tensor by definition, which a parameter's copy is made with (Handler._note_cast).
CAST_OPS = frozenset({"to", "double", "float", "type", "type_as", "contiguous", "clone"})
#: Operations that take a tensor for its type, device or layout only (``w.type_as(x)``, ``w.to(x)``): a parameter
#: and the input's data meet there without computing anything together.
CONVERSIONS = frozenset({"to", "type_as", "contiguous", "view_as", "reshape_as", "expand_as", "__get__"})
#: How a bias added after its layer (Handler._written_bias) may be shaped, by the layout of the layer's product
#: (``n``: the layer's number of outputs): one value per output, broadcast along the examples and the pixels.
BIAS_LAYOUTS = {"rows": lambda n: ([n], [1, n]), "columns": lambda n: ([n, 1],),
                "channels": lambda n: ([1, n, 1, 1], [n, 1, 1]), "squeezed": lambda n: ([1],)}
#: Operations that repeat a tensor's values along new or unit dimensions, without changing any (a bias broadcast
#: along the examples before it is added by hand: Handler._note_broadcast).
BROADCASTS = frozenset({"expand", "expand_as", "broadcast_to", "repeat"})
#: Operations whose result may be a view of all of a parameter's values, which the judge's values go in through
#: where it is used (Handler._judged_call).
VIEW_OPS = frozenset({"view", "reshape", "t", "transpose", "permute", "flatten", "unflatten", "unsqueeze", "squeeze",
                      "view_as", "reshape_as", "contiguous", "movedim", "__get__"})
#: Operations whose result holds its argument's values as they are (a view, a copy, a cast): of a pooled map, no
#: pooling of its own (Handler._written_pooling).
SAME_VALUES = VIEW_OPS | CAST_OPS | {"detach", "requires_grad_", "flatten", "unflatten", "squeeze", "unsqueeze"}
#: Where torch.nn.Module keeps its parameters, buffers, submodules and hooks (each a dict or an OrderedDict):
#: Handler._refuse_unjudgeable refuses a model whose tables are of a class of its own.
MODULE_TABLES = ("_parameters", "_buffers", "_modules", "_forward_hooks", "_forward_pre_hooks", "_backward_hooks",
                 "_backward_pre_hooks", "_state_dict_hooks", "_state_dict_pre_hooks", "_load_state_dict_pre_hooks",
                 "_load_state_dict_post_hooks", "_forward_hooks_with_kwargs", "_forward_hooks_always_called",
                 "_forward_pre_hooks_with_kwargs")
#: torch.nn.Module methods that a training loop, a device move or a checkpoint calls and no judged pass does: a model
#: that overrides one can become another network there (attack round 19: `to()` and `load_state_dict()` overrides).
#: ``train``/``eval`` are called by the judge, the model's own first (Handler._run_recorded).  The accounts of what a
#: module holds too (``parameters()``, which an optimizer is built from): the judge reads the modules' own tables, so
#: an account set on the class from outside its body (``CNN.parameters = f``, a class decorator, a base made by
#: ``type()``) could hand training tensors no judged pass trains (attack round 91: +1 to +3 for networks without
#: their ReLUs, or with 1.5M hidden parameters).
TRAINING_CALLS = frozenset({"to", "cuda", "cpu", "half", "float", "double", "bfloat16", "type", "_apply", "apply",
                            "load_state_dict", "_load_from_state_dict", "state_dict", "_save_to_state_dict",
                            "zero_grad", "requires_grad_", "share_memory", "to_empty",
                            "parameters", "named_parameters", "buffers", "named_buffers", "children",
                            "named_children", "modules", "named_modules", "_named_members"})
#: Operations that tell where a tensor's values are kept, not what they are: on any tensor of a pass with the
#: judge's weights (a parameter, or a tensor made of one), they would tell those from the model's own
#: (Handler._judged_call).
STORAGE_QUERIES = frozenset({"data_ptr", "is_shared", "share_memory_", "untyped_storage", "storage", "_typed_storage",
                             "is_set_to", "_storage", "__dlpack__", "__dlpack_device__", "__array_interface__",
                             "__cuda_array_interface__", "is_pinned",
                             # an array over the tensor's own memory, which numpy compares (attack round 18:
                             # np.shares_memory of a weight's numpy() and the one kept at construction)
                             "numpy", "__array__",
                             # how often the tensor was written in place: one optimiser step moves it (attack
                             # round 20 read it through the private name)
                             "_version"})
#: Of those, the arrays over a tensor's memory: asked of the input's data, its values as a Python value.
ARRAY_VIEWS = frozenset({"numpy", "__array__"})
#: How the terms of a convolution written out as a sum are added up (Handler._sum_goes_on).
PARTIAL_SUMS = frozenset({"add", "add_", "__radd__", "__iadd__", "sub", "sub_", "__rsub__", "__isub__"})
#: Operations on a layer's product that keep it that layer's output while its bias is awaited: a reduction of the
#: elementwise products (``(x * fc.weight).sum(1, keepdim=True)``), a squeeze or an unsqueeze.
FOLLOWING_OPS = frozenset({"sum", "squeeze", "unsqueeze", "contiguous",
                           # a product computed in float64, cast back before its bias (fairness round 18: an FFT)
                           "to", "float", "double", "type_as"})


#: Operations that take values out of a tensor as they are (an index, a slice, a narrowing, a reordering of its
#: dimensions): on a one-output product they may keep its one column whole (:func:`_one_column_kept`).
TAKING_OPS = frozenset({"__getitem__", "select", "narrow", "movedim", "moveaxis", "permute", "index_select",
                        "unbind"})


def _broadcast_shape(first, second) -> list[int] | None:
    """The shape two tensors of shapes ``first`` and ``second`` broadcast to (aligned on their last dimensions,
    each size equal or 1), or None when they do not."""
    shape = []
    for i in range(1, max(len(first), len(second)) + 1):
        x = first[-i] if i <= len(first) else 1
        y = second[-i] if i <= len(second) else 1
        if x != y and 1 not in (x, y):
            return None
        shape.append(y if x == 1 else x)  # (a size of 1 takes the other's, 0 included)
    return shape[::-1]


def _one_column_kept(product, output) -> bool:
    """Whether ``output`` holds the one column of an ``(N, 1)`` product (or the one row of its ``(1, N)``
    transpose) whole, value for value in order, one per example, as ``(N, 1)`` or ``(N,)``."""
    if product.dim() != 2 or 1 not in product.shape or output.numel() != product.numel() or product.numel() == 0:
        return False
    examples = max(product.shape)
    # (one value an example, as a column, a row of the transpose, or without its dimension of one)
    if list(output.shape) not in ([examples], [examples, 1], [1, examples]):
        return False
    try:
        return bool((output.reshape(-1) == product.reshape(-1)).all()) and output.dtype == product.dtype
    except Exception:  # noqa: BLE001 - a tensor subclass that refuses: not followed
        return False


def _only_column(name: str, args: tuple, kwargs: dict, product, output) -> bool:
    """``h[:, 0]``, ``h[..., -1]``, ``h.select(1, 0)``: the one column of an ``(N, 1)`` product taken out, one value an
    example, as ``h.squeeze(1)`` is (fairness round 59: a written-out head indexed before its bias lost q7); and
    any taking operation that keeps that column whole (``h[:, 0:1]``, ``h[:, [0]]``, ``h.narrow(1, 0, 1)``,
    ``h.T[0]``, ``h.movedim(1, 0)[0]``: fairness round 60)."""
    if name in TAKING_OPS and _one_column_kept(product, output):
        return True
    if kwargs or product.dim() != 2 or product.shape[1] != 1 or list(output.shape) != [product.shape[0]]:
        return False
    if name == "__getitem__" and len(args) == 2:
        index = args[1]
        return type(index) is tuple and len(index) == 2 and type(index[1]) is int and index[1] in (0, -1) and (
            index[0] is Ellipsis or (type(index[0]) is slice and index[0] == slice(None)))
    if name == "select" and len(args) == 3:
        return all(type(a) is int for a in args[1:]) and args[1] in (1, -1) and args[2] in (0, -1)
    return False


def _layout(product, outputs: int) -> str:
    """How a Linear's product holds its ``outputs`` values per example: ``rows`` ``(N, out)``, ``columns``
    ``(out, N)``, ``squeezed`` ``(N,)`` for a single output, or ``none`` (not yet one per example: an elementwise
    product before its sum)."""
    shape = list(product.shape)
    if len(shape) == 2 and shape[1] == outputs:
        return "rows"
    if len(shape) == 2 and shape[0] == outputs:
        return "columns"
    if len(shape) == 1 and outputs == 1:
        return "squeezed"  # one output, its dimension squeezed away: one value per example (fairness round 56)
    if not shape and outputs == 1:
        # squeezed whole (`h.squeeze()`) on a batch of one: the one example's one value (fairness round 59)
        return "squeezed"
    return "none"


#: The torch functions a Linear written out is made of (Handler._written_linear): the transposes of its
#: weight, the products, the bias added.
WRITTEN_LINEAR_OPS = frozenset({"t", "transpose", "__get__", "matmul", "mm", "__rmatmul__", "einsum", "add",
                                "__radd__", "addmm", "add_"})


#: Tensor methods that take data out of torch (to Python numbers, numpy, raw memory): a forward pass
#: that uses them on its input computes beyond what the grader can follow.
LAUNDERING = frozenset({"tolist", "numpy", "item", "__array__", "data_ptr", "untyped_storage", "storage",
                        "__dlpack__", "__reduce_ex__", "__index__", "__float__", "__int__",
                        # a Python truth value of the data: `if x.min() < 0:` lets a model be one network on
                        # the judge's inputs and another on an image (no layer of this lecture branches so)
                        "__bool__", "is_nonzero", "equal", "allclose", "__contains__"})
#: Of :data:`LAUNDERING`, the operations whose Python value a judged pass may take of its data or parameters: noted,
#: then varied in the pass run again (Handler._counterfactual), so that a print or a log of them costs nothing and a
#: decision on them is seen.  The rest tell where values are kept, or hand them to code that cannot be followed.
PYTHON_VALUES = frozenset({"tolist", "numpy", "item", "__array__", "__index__", "__float__", "__int__", "__bool__",
                           "is_nonzero", "equal", "allclose", "__contains__", "__complex__", "__repr__", "__format__",
                           "__str__"})
#: How many Python values one judged pass may take (each is varied in the pass run again), and how many operations
#: of a pass are compared with those of the pass run again.
MAX_PYTHON_VALUES = 10_000
MAX_OP_LOG = 100_000
#: The factors a number a judged pass took as a Python value is scaled by when the pass runs again, one
#: distribution per run, each number drawn on its own (so a ratio of two changes too): near (0.5 to 2), wide
#: (log-uniform in 1/4 to 4), the judge's weight scales swapped (about 1/4 and 4: a statistic of the judge's wide
#: weights then is one of a model's own, and the other way round) and just past (1 to 1.6: trained a few steps
#: from a fresh model's).  A decision on a statistic of the weights that tells the judge's from a model's own or
#: trained ones is the other branch under most of them (attack round 26's edge, band and one-sided flags).
VARIED_FACTORS = (lambda rng: rng.uniform(0.5, 2.0), lambda rng: 4.0 ** rng.uniform(-1.0, 1.0),
                  lambda rng: rng.uniform(0.9, 1.1) / wire.WIDE_WEIGHT_SCALE,
                  lambda rng: rng.uniform(0.9, 1.1) * wire.WIDE_WEIGHT_SCALE,
                  lambda rng: rng.uniform(1.0, 1.6))
#: Operations whose result's shape depends on the values (a boolean mask's selection, the positions of nonzeros):
#: its size read as a number is a Python value of them (Handler._weight_function).
VALUE_SHAPED = frozenset({"masked_select", "nonzero", "argwhere", "unique", "unique_consecutive", "bincount",
                          "one_hot",  # without num_classes, as wide as the largest value (attack round 29)
                          "to_sparse", "to_sparse_coo", "to_sparse_csr", "to_sparse_csc", "to_sparse_bsr",
                          "to_sparse_bsc"})
#: Operations that take a size from a tensor (its value), and those that split or repeat by a tensor after their
#: first argument: given a function of the parameters there, their result's shape is a Python value of it.
SIZED_BY_VALUE = frozenset({"arange", "range", "zeros", "ones", "empty", "full", "rand", "randn", "randint",
                            "randperm", "linspace", "logspace", "eye", "new_zeros", "new_ones", "new_empty",
                            "new_full", "tril_indices", "triu_indices", "empty_strided", "new_empty_strided",
                            "hann_window", "hamming_window", "blackman_window", "bartlett_window", "kaiser_window"})
SHAPED_BY_LATER_ARGUMENTS = frozenset({"tensor_split", "repeat_interleave", "split", "narrow", "expand", "view",
                                       "reshape", "repeat", "tile", "unflatten", "split_with_sizes"})
#: What the recorder's walk over an operation's arguments meets at the end of a list (``_tensors``).
_END_OF_ITEMS = object()
#: The FFTs, whose unnormalised forms scale the values they are given (Handler._weight_function).
SPECTRAL_OPS = frozenset({"fft_fft", "fft_ifft", "fft_rfft", "fft_irfft", "fft_fft2", "fft_ifft2", "fft_rfft2",
                          "fft_irfft2", "fft_fftn", "fft_ifftn", "fft_rfftn", "fft_irfftn", "fft_hfft", "fft_ihfft"})
#: Comparisons, whose truth the pass run again makes again from their operands varied (Handler._rederived).
COMPARISONS = frozenset({"ge", "gt", "le", "lt", "eq", "ne", "__ge__", "__gt__", "__le__", "__lt__", "__eq__",
                         "__ne__", "greater_equal", "greater", "less_equal", "less", "not_equal", "isclose"})
#: Tests of equality, made again from operands computed from the input's data with one factor for all
#: (Handler._varied_alike).
EQUALITY_TESTS = frozenset({"eq", "ne", "__eq__", "__ne__", "not_equal", "isclose", "equal", "allclose"})
#: Reductions and negations of truth values: of finiteness tests, still finiteness tests (Handler._python_value).
TRUTH_REDUCTIONS = frozenset({"any", "all", "logical_not", "__invert__", "bitwise_not", "__and__", "__or__",
                              "logical_and", "logical_or", "__rand__", "__ror__"})
#: Operations that take an integer tensor as a value, elementwise (arithmetic, comparisons, logic, selection,
#: joining, casting): given an integer made from the parameters after their first tensor, they compute with it,
#: where any other operation reads it as a size, a count or a position (Handler._weight_function).
NUMBERS_AS_DATA = COMPARISONS | TRUTH_REDUCTIONS | PARTIAL_SUMS | CAST_OPS | frozenset({
    "mul", "mul_", "__mul__", "__rmul__", "__imul__", "div", "div_", "__truediv__", "__rtruediv__", "__itruediv__",
    "__floordiv__", "__rfloordiv__", "floor_divide", "remainder", "__mod__", "__rmod__", "__add__", "__sub__",
    "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__", "__xor__", "__rxor__", "__ixor__",
    "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "where", "clamp",
    "clip", "maximum", "minimum", "fmax", "fmin", "pow", "__pow__", "__rpow__", "masked_fill", "masked_fill_",
    "fill_", "cat", "concat", "concatenate", "stack", "hstack", "vstack", "copy_", "__setitem__"})
#: Operations that write into their first tensor without a trailing underscore (Handler._reaching).
WRITING_METHODS = frozenset({"__setitem__", "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__",
                             "__imod__", "__ipow__", "__iand__", "__ior__", "__ixor__", "__ilshift__", "__irshift__",
                             "__set__"})
#: A tensor's values as text: outside the recorded pass, where the model's own code reads its parameters
#: (Handler._own_code), a printed parameter is its values as much as ``tolist()`` is.
PRINTED_FORMS = frozenset({"__repr__", "__format__", "__str__"})
#: How many tensors computed from the parameters Handler._own_code follows at most: a ``train()`` or a backward
#: hook computes a few; past this many, any Python value of a tensor it follows counts.
MAX_TRACKED_READS = 10_000


class _NoWatch:
    """Handler._own_code outside a judged request: nothing to watch."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


class _Watch:
    """Handler._own_code in a judged request: ``reads`` (a _ParameterReads) pushed for the block, and a Python value
    of the parameters it refused kept as the pass's mismatch."""

    def __init__(self, handler, recorder, reads):
        self.handler, self.recorder, self.reads = handler, recorder, reads

    def __enter__(self):
        self.handler._push_mode(self.reads)
        return self

    def __exit__(self, *exc) -> None:
        self.handler._pop_mode()
        found = self.reads.found
        if found is not None and self.recorder.mismatch is None:
            self.recorder.mismatch = (f"its {self.reads.where} takes a function of its parameters out of torch "
                                      f"(`{found}`), so what it does cannot be judged with the judge's weights")
        return None


def _dividing_window(source, output_size, tensor) -> tuple[int, int] | None:
    """The window of the fixed pooling an adaptive pooling of ``source`` to ``output_size`` computes, when that
    size divides the map's (``None`` in it keeps a side: a window of 1); else None."""
    if not isinstance(source, tensor) or source.dim() < 3:
        return None
    sizes = output_size if isinstance(output_size, (list, tuple)) else (output_size, output_size)
    if len(sizes) != 2:
        return None
    window = []
    for side, size in zip(source.shape[-2:], sizes):
        size = side if size is None else size
        if type(size) is not int or not 0 < size <= side or side % size:
            return None
        window.append(side // size)
    return tuple(window)


def _bind(params: tuple, args: tuple, kwargs: dict) -> dict | None:
    """Arguments by parameter name; None when they do not fit."""
    if len(args) > len(params) and params[-1] != "shape":
        return None
    bound = dict(zip(params, args))
    if params[-1] == "shape" and len(args) > len(params):
        bound["shape"] = args[1:]
    for key, value in kwargs.items():
        bound[key] = value
    return bound


def _plain(value):
    """Hyper-parameters as plain data (tuples and torch.Size as lists, numbers as numbers)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    try:
        return int(value) if float(value).is_integer() else float(value)
    except (TypeError, ValueError):
        return str(value)


class _Sent:
    """A value already encoded as plain data (where it had to be: :meth:`Handler._call_one`)."""

    __slots__ = ("data",)

    def __init__(self, data) -> None:
        self.data = data


def _encoded(answer: dict) -> dict:
    """``answer`` with its raw values encoded as plain data."""
    if Answer.OK in answer:
        value = answer[Answer.OK]
        return {**answer, Answer.OK: value.data if type(value) is _Sent else wire.encode(value)}
    if Answer.CALLS in answer:
        return {Answer.CALLS: [_encoded(a) for a in answer[Answer.CALLS]]}
    return answer


class _Mismatch(BaseException):
    """Raised from a forward pre-hook to stop the pass (a BaseException: a model's own
    ``except Exception`` must not swallow it).

    It carries no text: it is raised inside the submission's forward pass, which may catch it
    (``except BaseException``) and raise what it says as its own error, quoted in every feedback
    mode.  Why the weights did not fit names the reference's layers; it stays on the recorder
    (:func:`_mismatch`) for the judge, who keeps it for full feedback."""


def _mismatch(recorder, why: str) -> _Mismatch:
    """A refusal to raise into the forward pass; ``why`` is kept on ``recorder`` (the first one)."""
    if recorder.mismatch is None:
        recorder.mismatch = why
    return _Mismatch()


class _Refused(Exception):
    pass


class _Missing(Exception):
    pass
