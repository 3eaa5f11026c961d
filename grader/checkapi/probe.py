"""The judge's narrow view of a submission.

Checks never touch a submission's objects.  They ask a :class:`Probe` to read
a value, call a function, describe a model or run one with given weights, and
get plain data back (see :mod:`.wire`).  Two transports implement it:
:class:`LocalProbe` answers from a namespace in this process (inside an Otter
kernel, or a student's own notebook), and the judge's sandboxed probe sends
the same requests to an isolated worker process.  Both go through the same
:class:`~.handler.Handler` and the same encoding, so a check sees identical
data either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import wire
from .protocol import Answer, Key, ProbeOp, UnitStatus

#: At most this many names of a raised exception's builtin bases are read from an answer.
MAX_MRO_NAMES = 16


class ProbeError(Exception):
    """A request about the submission did not produce an answer."""

    #: Short machine-readable reason, used in reports.
    reason = "error"


class NameMissing(ProbeError):
    """The submission does not define the name.

    Attributes:
        name: the name asked for.
    """

    reason = "missing"

    def __init__(self, name: str):
        super().__init__(f"`{name}` is not defined")
        self.name = name


class SubmissionRaised(ProbeError):
    """The submission's code raised an exception.

    Attributes:
        type_name: the exception's class name, as the submission named it (``"ValueError"``,
            ``"SizeError"``); never trust it to say what the exception is (use :meth:`is_a`).
        message: its message (at most 500 characters), written by the submission: quote it in feedback
            only as a code span (:func:`~.verdict.code`).
        where: where it was raised, as feedback names it (``"cell 10, line 3"``), or None.
        mro: the builtin exception classes it derives from, by name, most derived first.
    """

    reason = "raised"

    def __init__(self, type_name: str, message: str, where: str | None, mro: tuple[str, ...] = ()):
        text = f"{type_name}: {message}" if message else type_name
        super().__init__(f"raised {text}" + (f" ({where})" if where else ""))
        self.type_name, self.message, self.where = type_name, message, where
        #: The builtin exception classes it derives from, by name (``("ValueError", "Exception", ...)``).
        self.mro = mro

    def is_a(self, builtin: str) -> bool:
        """Whether it is that builtin exception or derives from it (``class SizeError(ValueError)`` is a ValueError).

        Args:
            builtin: the name of a builtin exception class (``"ValueError"``).

        Returns:
            True when the worker found that very class among the exception's bases; a class
            merely *named* ``ValueError`` is not one.

        Example:
            >>> probe = LocalProbe({"half": lambda n: n // 2 if n > 0 else int("minus")})
            >>> try:
            ...     probe.call("half", -1)
            ... except SubmissionRaised as exc:
            ...     print(exc.type_name, exc.is_a("ValueError"), exc.is_a("TypeError"))
            ValueError True False
        """
        return builtin in self.mro  # by identity in the worker: a class merely *named* ValueError is not one

    @property
    def out_of_memory(self) -> bool:
        """Whether it is a ``MemoryError``: the worker's memory limit, not the answer, is at fault.

        A check that turns what a submission raised into its own feedback re-raises this one, so
        that :func:`~.verdict.evaluate` reports the limit.
        """
        return self.type_name == "MemoryError"


class ProbeTimedOut(ProbeError):
    """The submission's code ran past the request's time limit.

    Attributes:
        seconds: the limit, when the worker said it.
    """

    reason = "timeout"

    def __init__(self, seconds: float | None):
        super().__init__(f"did not finish within {seconds:g} s" if seconds else "did not finish in time")
        self.seconds = seconds


class SubmissionCrashed(ProbeError):
    """The process running the submission died while answering; ``reason`` is ``memory`` or ``timeout`` when the
    judge stopped it for passing that bound with all its processes together, else ``killed``."""

    reason = "killed"

    def __init__(self, message: str, reason: str = "killed"):
        super().__init__(message)
        bound = (UnitStatus.MEMORY.value, UnitStatus.TIMEOUT.value)
        self.reason = reason if reason in bound else UnitStatus.KILLED.value


class Refused(ProbeError):
    """The request cannot be answered for this submission (wrong kind of object, ...)."""

    reason = "refused"


class ProtocolError(ProbeError):
    """The worker answered with something that is not a valid answer."""

    reason = "protocol"


@dataclass(frozen=True)
class CallResult:
    """What a function call returned, and (when traced) the torch functions it used."""

    value: object
    """The return value, decoded as :meth:`Probe.value` decodes a value."""
    ops: frozenset[str] = frozenset()
    """With ``trace``: the names torch dispatched the call's operations under (``"conv2d"``,
    ``"mul"``, ``"max_pool2d"``); empty without.  Recorded in the process the submission runs in,
    so a hostile submission can forge it: a hint for feedback, never proof (q6 decides "by hand"
    by reading the source in the judge, :mod:`grader.questions.static`)."""


@dataclass(frozen=True)
class Layer:
    """One leaf layer of a submitted model, as plain data."""

    path: str
    """Where it was called from (empty: the operation is not tied to an attribute)."""
    kind: str
    """The torch.nn class it is or derives from: ``Conv2d``, ``ReLU``..."""
    type: str
    """The class of the module whose forward called it (a student's subclass keeps its own name), or
    ``functional`` for a call in ``forward`` itself (``F.max_pool2d(x, 2)``)."""
    config: dict
    """Hyper-parameters, from the arguments the operation got: ``in_channels``, ``kernel_size``, ``bias``..."""
    params: tuple
    """``(name, shape)`` of its own parameters."""
    output_shape: tuple | None
    """Its output's shape in the probing forward pass."""


#: Gradients a forward answer may carry: two per layer of the largest network the questions ask for, and more.
MAX_GRADIENTS = 64


@dataclass(frozen=True)
class ModelInfo:
    """A built model, described."""

    layers: tuple[Layer, ...]
    """The layer operations of the forward pass, in call order, as they were really called."""
    param_count: int
    """Parameters the model holds (found through its modules, not its overridable methods)."""
    trainable_count: int
    """Of those, the ones that require gradients."""
    output_shape: tuple | None
    """The shape of what the forward pass returned; None without a pass, or when it returned no tensor."""
    forward_error: dict | None = field(default=None)
    """What the forward pass raised, ``{"type", "message", "where"}`` (the layers it reached are
    still described); None when it ran, or was not run."""
    used_param_count: int | None = None
    """Elements of the tensors the forward pass used as weights and biases (None without a pass)."""
    untracked_output: bool = False
    """Layers ran, but autograd traces the output to none of them: the forward pass switched autograd off
    (``torch.no_grad()`` inside ``forward``) or detached its result.  The worker's word: for feedback only."""


class WeightsMismatch(ProbeError):
    """The reference's weights do not fit the submitted model's layers (:meth:`Probe.forward`).

    Its message says which layer differs and how; it names the reference's layers, so it belongs
    in a ``reveal``, not in the feedback.
    """

    reason = "mismatch"


class Probe:
    """Ask questions about a submission; subclasses provide :meth:`send`."""

    #: The submission's code (notebook cells, or a script), when the judge has it; checks
    #: may read it (a static look at what a function calls).  None inside an Otter kernel.
    source: tuple[str, ...] | None = None

    def send(self, request: dict) -> dict:  # pragma: no cover - abstract
        """Transport: deliver one request to the submission's side and return its answer.

        Checks never call it; a transport (:class:`LocalProbe`, the judge's sandboxed probe)
        implements it.

        Args:
            request: a request of :mod:`.handler` (``{"op": "value", "name": ...}``...), plain data.

        Returns:
            The answer, plain data: ``{"ok": ...}`` or one of the failure forms of :mod:`.handler`.
        """
        raise NotImplementedError

    def place(self, where: str | None) -> str | None:
        """Where the worker says an exception came from ("cell 10, line 3"), as feedback shows it.

        The judge's probe knows the submission's cells and names them as a student finds them.
        Checks never call it: :class:`SubmissionRaised` and :attr:`ModelInfo.forward_error`
        carry the place already.

        Args:
            where: the worker's place, or None.

        Returns:
            The place as a student finds it (this base class returns ``where`` as it is).
        """
        return where

    def statements_unsure(self) -> tuple[tuple[int, int, tuple[int, ...]], ...] | None:
        """Which top-level statements of :attr:`source` may not have run to their end when the submission's code
        was run: ``(unit, stopped, skipped)``, the unit's statements from index ``stopped`` on (-1: none) and those
        listed (a binding they hold may not have been made: :mod:`grader.questions.static`).

        Returns:
            None here: a probe that did not run the code cannot tell (the judge's probe says, from the worker's unit
            records and from what the judge saw of each unit itself).
        """
        return None

    def threads_running(self) -> bool | None:
        """Whether a thread or process other than the submission's own main thread runs beside it now.

        Read from outside the submission where the judge can (the judge's probe asks the fork server, which
        counts the worker's tasks in ``/proc``); a check uses it to decide whether something can run code while it
        watches (:mod:`grader.questions.static`).  Checks never answer it from what the submission says about
        itself.

        Returns:
            None here: a probe with no view from outside cannot tell (an imported thread module then counts
            wherever it is).
        """
        return None

    def tasks_started(self):
        """A mark of the threads and processes the submission has started so far, counted outside it.

        The judge's probe asks the fork server, which counts each start as the kernel stops it (a seccomp user
        notification, :func:`grader.worker.syscall_filter.build_counter`), and sums the counts of every worker the
        submission had.  A check compares the marks before and after calls whose trace is its evidence (equal:
        nothing started in between): the trace is blind to a thread or process started and ended inside a call.

        Returns:
            None here: a probe with no view from outside cannot count.
        """
        return None

    def starts_counted(self) -> bool:
        """Whether :meth:`tasks_started` counts anything for this submission.

        Returns:
            False here; the judge's probe: whether the fork server holds the seccomp listener of the worker running
            the submission (a check then takes an unread count for a start).
        """
        return False

    def _ask(self, request: dict):
        return self._decode(self.send(request))

    def _raise_for(self, answer) -> None:
        self._decode(answer)
        raise ProtocolError("the answer has no known form")

    def _decode(self, answer):
        """``(value, answer)`` for an ``ok`` answer; the matching ProbeError for any other."""
        if type(answer) is not dict:
            raise ProtocolError("the answer is not a JSON object")
        if Answer.OK in answer:
            try:
                return wire.decode(answer[Answer.OK]), answer
            except wire.WireError as exc:
                raise ProtocolError(str(exc)) from None
        if Answer.MISSING in answer:
            raise NameMissing(str(answer[Answer.MISSING])[:100])
        if Answer.RAISED in answer and type(answer[Answer.RAISED]) is dict:
            r = answer[Answer.RAISED]
            mro = r.get(Key.MRO)
            raise SubmissionRaised(str(r.get(Key.TYPE, "?"))[:100], str(r.get(Key.MESSAGE, ""))[:500],
                                   self.place(str(r[Key.WHERE])[:100]) if r.get(Key.WHERE) else None,
                                   tuple(n[:100] for n in mro[:MAX_MRO_NAMES] if type(n) is str)
                                   if type(mro) is list else ())
        if Answer.TIMEOUT in answer:
            t = answer[Answer.TIMEOUT]
            raise ProbeTimedOut(t if type(t) in (int, float) else None)
        if Answer.MISMATCH in answer:
            raise WeightsMismatch(str(answer[Answer.MISMATCH])[:300])
        if Answer.REFUSED in answer:
            raise Refused(str(answer[Answer.REFUSED])[:300])
        if Answer.CRASHED in answer:
            raise SubmissionCrashed(str(answer[Answer.CRASHED])[:300], str(answer.get(Key.STATUS)))
        raise ProtocolError("the answer has no known form")

    def value(self, name: str):
        """The plain value bound to ``name`` once the submission's code has run.

        Read once per probe: several checks look at the same answer, and what they
        judge is the state the submission's cells left, not what later calls change.

        Args:
            name: a global name the prompt asks the submission to define (``"q10_answers"``).

        Returns:
            A copy as plain data (see :mod:`.wire`): ``None``, a bool, int, float or str, a list,
            tuple, frozenset or dict of these, an :class:`~.wire.Array` for a tensor or a NumPy array,
            or an :class:`~.wire.Object` naming the type of anything else (a function, a module).
            Never the submission's own object.

        Raises:
            NameMissing: the submission does not define ``name``.
            ProbeError: the worker could not answer (:class:`ProbeTimedOut`, :class:`SubmissionCrashed`,
                :class:`Refused`, :class:`ProtocolError`).

        Example:
            >>> probe = LocalProbe({"choice": "B", "shapes": [(8, 4, 4)], "area": lambda k: k * k})
            >>> probe.value("choice"), probe.value("shapes")
            ('B', [(8, 4, 4)])
            >>> probe.value("area")
            <function object>
        """
        cache = self.__dict__.setdefault("_values", {})
        if name not in cache:
            try:
                cache[name] = (self._ask({Key.OP: ProbeOp.VALUE, Key.NAME: name})[0], None)
            except NameMissing as missing:
                cache[name] = (None, missing)
        value, missing = cache[name]
        if missing is not None:
            raise NameMissing(missing.name)
        return value

    def call(self, name: str, *args, trace: bool = False, **kwargs) -> CallResult:
        """``name(*args, **kwargs)``; tensors among the arguments go as arrays.

        Each call runs on the submission's side with the request's time limit; the submission
        gets tensors for the arrays and tensors among the arguments.

        Args:
            name: the function (or class) the prompt asks for.
            *args: positional arguments, plain data or tensors.
            trace: also record the torch operations the call dispatches (:attr:`CallResult.ops`):
                to tell code written by hand from a call of ``F.conv2d``.
            **kwargs: keyword arguments, plain data or tensors.

        Returns:
            A :class:`CallResult`: the return value as plain data (see :meth:`value`), and the ops.

        Raises:
            NameMissing: the submission does not define ``name``.
            SubmissionRaised: the call raised; a check that asks for an exception catches it.
            ProbeTimedOut: the call ran past its time limit.
            ProbeError: the worker could not answer otherwise (``name`` is not callable: :class:`Refused`).

        Example:
            >>> probe = LocalProbe({"kernel_area": lambda k: k * k})
            >>> probe.call("kernel_area", 3).value
            9
        """
        value, answer = self._ask({Key.OP: ProbeOp.CALL, Key.NAME: name, Key.ARGS: wire.encode(list(args)),
                                   Key.KWARGS: wire.encode(kwargs), Key.TRACE: trace})
        ops = answer.get(Key.OPS, [])
        if type(ops) is not list:
            raise ProtocolError("malformed op trace")
        return CallResult(value, frozenset(str(o) for o in ops[:10_000]))

    def call_many(self, name: str, calls: list[tuple[tuple, dict]], *, trace: bool | str = False) -> list:
        """Several calls of ``name`` in one round trip (``trace="kernels"``, :data:`~.protocol.TRACE_KERNELS`: the
        ATen operators of every call, the torch functions of the first).

        Returns, per call, a :class:`CallResult` or the :class:`SubmissionRaised` it raised.
        A time-out or a crash ends the whole batch (raised, like :meth:`call`).

        Args:
            name: the function the prompt asks for.
            calls: one ``(args, kwargs)`` pair per call, at most 1000.
            trace: True traces every call fully, ``"kernels"`` every call's ATen operators and the first call's
                torch functions (the torch-function trace is the slow one), False none.

        Returns:
            One item per call, in order: a :class:`CallResult`, or the :class:`SubmissionRaised`
            that call raised (returned, not raised).

        Raises:
            NameMissing: the submission does not define ``name``.
            ProbeTimedOut: the batch ran past its time limit.
            ProbeError: the worker died or could not answer; a ``MemoryError`` in one call is
                raised too (as :class:`SubmissionRaised`), not returned.

        Example:
            >>> probe = LocalProbe({"half": lambda n: n // 2 if n > 0 else int("minus")})
            >>> [getattr(r, "value", r.__class__.__name__) for r in probe.call_many("half", [((8,), {}), ((-1,), {})])]
            [4, 'SubmissionRaised']
        """
        answer = self.send({Key.OP: ProbeOp.CALLS, Key.NAME: name, Key.TRACE: trace, Key.CALLS: [
            {Key.ARGS: wire.encode(list(args)), Key.KWARGS: wire.encode(dict(kwargs))} for args, kwargs in calls]})
        if type(answer) is not dict or Answer.CALLS not in answer:
            self._raise_for(answer)
        items = answer[Answer.CALLS]
        if type(items) is not list or len(items) != len(calls):
            raise ProtocolError("the answer does not have one result per call")
        out = []
        for item in items:
            try:
                value, _ = self._decode(item)
            except SubmissionRaised as exc:
                out.append(exc)
                continue
            ops = item.get(Key.OPS, [])
            if type(ops) is not list:
                raise ProtocolError("malformed op trace")
            out.append(CallResult(value, frozenset(str(o) for o in ops[:10_000])))
        return out

    def model(self, name: str, args: tuple = (), input_shape: tuple | None = None,
              input_seed: int | None = None) -> ModelInfo:
        """Build ``name(*args)`` and describe it; probe the forward pass with an input of ``input_shape``
        (zeros, or uniform in [-1, 1) drawn from ``input_seed``).

        Described once per (name, arguments, input shape): several checks look at the same model.
        A layer is described by the operation the forward pass really calls and the arguments it
        calls it with (``nn.Conv2d`` and ``F.conv2d`` alike), never by the model's attributes, which a
        submission can set to anything.  Layers whose results do not reach the output are left out.

        Args:
            name: the class (or a function returning a ``torch.nn.Module``) the prompt asks for.
            args: the constructor's arguments.
            input_shape: the shape of one input to run the forward pass on (batch first); None: no pass
                (then only the parameter counts are known).
            input_seed: draw the input uniform in [-1, 1) from this seed instead of zeros (a model
                cannot special-case an input it does not know).

        Returns:
            A :class:`ModelInfo`.  A forward pass that raises is no exception here: it is
            :attr:`ModelInfo.forward_error`, and the layers it reached are still described.

        Raises:
            NameMissing: the submission does not define ``name``.
            SubmissionRaised: building the model raised.
            Refused: ``name(*args)`` is not a ``torch.nn.Module``.
            ProbeError: the worker could not answer (time-out, crash).

        Example:
            >>> import torch
            >>> probe = LocalProbe({"Net": lambda: torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.Flatten())})
            >>> info = probe.model("Net", (), (1, 1, 5, 5))
            >>> [(layer.kind, layer.output_shape) for layer in info.layers]
            [('Conv2d', (1, 2, 3, 3)), ('Flatten', (1, 18))]
        """
        cache = self.__dict__.setdefault("_models", {})
        key = (name, repr(args), repr(input_shape), input_seed)
        if key not in cache:
            cache[key] = self._model(name, args, input_shape, input_seed)
        return cache[key]

    def _model(self, name: str, args: tuple, input_shape: tuple | None, input_seed: int | None) -> ModelInfo:
        data, _ = self._ask({Key.OP: ProbeOp.MODEL, Key.NAME: name, Key.ARGS: wire.encode(list(args)),
                             Key.INPUT_SHAPE: list(input_shape) if input_shape else None,
                             Key.INPUT_SEED: input_seed})
        try:
            layers = tuple(
                Layer(path=str(d["path"]), kind=str(d["kind"]), type=str(d["type"]),
                      config=dict(d["config"]), params=tuple((str(n), tuple(s)) for n, s in d["params"]),
                      output_shape=tuple(d["output_shape"]) if d["output_shape"] is not None else None)
                for d in data["layers"])
            forward_error = data.get("forward_error")
            if isinstance(forward_error, dict) and forward_error.get(Key.WHERE):
                forward_error = dict(forward_error, where=self.place(str(forward_error[Key.WHERE])[:100]))
            return ModelInfo(layers=layers, param_count=int(data["param_count"]),
                             trainable_count=int(data["trainable_count"]),
                             output_shape=tuple(data["output_shape"]) if data["output_shape"] is not None else None,
                             forward_error=forward_error,
                             used_param_count=(int(data["used_param_count"])
                                               if data.get("used_param_count") is not None else None),
                             untracked_output=data.get("untracked_output") is True)
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"malformed model description ({exc})") from None

    def forward(self, name: str, args: tuple, weights: list[dict], x: wire.Uniform, *,
                gradients: bool = False) -> wire.Array:
        """``name(*args)`` with ``weights`` loaded, applied to the input ``x`` in eval mode (with ``gradients``, in
        training mode, as while training).

        Each convolution and linear operation the pass calls computes with the next of ``weights``
        (matched by call order and kind) in place of the model's own tensors: a model is judged by
        what it computes, whatever its attributes say.  The weights and the input cross as
        descriptions (shape, seed, bound): the worker draws them with :func:`.wire.uniform`, the
        same function the judge drew its own with, instead of receiving every number.

        Run once per request (model, arguments, weights, input, autograd): the checks that run one
        model on the same weights and input share its output, as they share a description.  Only an
        output is kept; a pass that failed is run again when asked again.

        Args:
            name: the class the prompt asks for.
            args: the constructor's arguments.
            weights: per parametrised layer, in call order, ``{"kind": "Conv2d" | "Linear", "tensors":
                {"weight": Uniform, "bias": Uniform}}``; :func:`grader.questions.reference.weights_for`
                makes them for a reference model.
            x: the input batch, a :class:`~.wire.Uniform`.
            gradients: run the pass with autograd on, as while training (else under ``no_grad``, as while
                evaluating): a model must compute the same either way.

        Returns:
            The output, an :class:`~.wire.Array` (``.to_tensor()`` for a tensor).

        Raises:
            WeightsMismatch: the layers the pass calls do not take these weights (another kind, another
                shape, more or fewer of them).
            SubmissionRaised: building the model or the pass raised.
            Refused: not a ``torch.nn.Module``, or the pass returned no tensor.
            ProbeError: the worker could not answer (time-out, crash).

        Example:
            >>> import torch
            >>> probe = LocalProbe({"Net": lambda: torch.nn.Linear(2, 1)})
            >>> weights = [{"kind": "Linear", "tensors": {"weight": wire.Uniform((1, 2), seed=1, bound=1.0),
            ...                                           "bias": wire.Uniform((1,), seed=2, bound=1.0)}}]
            >>> probe.forward("Net", (), weights, wire.Uniform((3, 2), seed=3, bound=1.0)).shape
            (3, 1)
        """
        request = {Key.OP: ProbeOp.FORWARD, Key.NAME: name, Key.ARGS: wire.encode(list(args)),
                   Key.WEIGHTS: wire.encode_weights(weights), Key.INPUT: x.encode_with_values(), Key.GRADIENTS: gradients}
        return self._forward_answer(request)[0]

    def gradients(self, name: str, args: tuple, weights: list[dict], x: wire.Uniform) -> dict[tuple, wire.Array]:
        """The gradients the judge's weights get in :meth:`forward`'s pass with ``gradients=True`` (the same pass,
        asked once for both): of the output summed with :func:`.wire.output_weighting`'s weights for ``x``, for
        each weight or bias of ``weights`` that a parameter which trains took.

        Args:
            name: the class the prompt asks for.
            args: the constructor's arguments.
            weights: as :meth:`forward` takes them.
            x: the input batch, a :class:`~.wire.Uniform`.

        Returns:
            ``{(layer index, "weight" or "bias"): gradient}``, each an :class:`~.wire.Array` laid out as that
            tensor of ``weights``; empty for a model none of whose parameters train.

        Raises:
            WeightsMismatch: the layers do not take these weights, or the pass cannot be judged with them (its
                backward pass raises, a hook changes a parameter's gradient).
            SubmissionRaised: building the model or the pass raised.
            Refused: not a ``torch.nn.Module``, or the pass returned no tensor.
            ProbeError: the worker could not answer (time-out, crash).
        """
        return self._training_answer(name, args, weights, x)[1]

    def negated_gradients(self, name: str, args: tuple, weights: list[dict], x: wire.Uniform) -> dict[tuple, wire.Array]:
        """As :meth:`gradients`, from the pass the worker runs again after that backward pass (on a copy of ``x``),
        for the output summed with the negated weights: exactly the negated gradients for a model whose backward
        pass is the network's (the same request as :meth:`forward`'s, asked once for all three).

        Args:
            name: the class the prompt asks for.
            args: the constructor's arguments.
            weights: as :meth:`forward` takes them.
            x: the input batch, a :class:`~.wire.Uniform`.

        Returns:
            ``{(layer index, "weight" or "bias"): gradient}``, as :meth:`gradients` returns them.

        Raises:
            WeightsMismatch: as :meth:`gradients` (also when the pass run again computes something else).
            SubmissionRaised: building the model or the pass raised.
            Refused: not a ``torch.nn.Module``, or the pass returned no tensor.
            ProbeError: the worker could not answer (time-out, crash).
        """
        return self._training_answer(name, args, weights, x)[2]

    def _training_answer(self, name: str, args: tuple, weights: list[dict], x: wire.Uniform) -> tuple:
        """:meth:`_forward_answer` for the pass with autograd on (``gradients=True``)."""
        request = {Key.OP: ProbeOp.FORWARD, Key.NAME: name, Key.ARGS: wire.encode(list(args)),
                   Key.WEIGHTS: wire.encode_weights(weights), Key.INPUT: x.encode_with_values(), Key.GRADIENTS: True}
        return self._forward_answer(request)

    def train(self, name: str, args: tuple, weights: list[dict], x: wire.Uniform,
              inputs: list[wire.Uniform], *, keep: str | None = None,
              judge: bool = True) -> tuple[list[wire.Array], wire.Array | None, dict[tuple, tuple]]:
        """A freshly built ``name(*args)`` trained from its own values, then judged with ``weights`` on ``x``.

        The worker trains it on each of ``inputs`` but the last (training mode, two draws from torch's default generator
        as a shuffled DataLoader's epoch makes them, a pass, the output's sum weighted by :func:`.wire.output_weighting`
        run backward, :func:`.wire.training_moves`' step), evaluates it on the last twice (the step's gradients left in
        ``.grad``, then cleared), then runs it as :meth:`forward` does, on ``x`` with ``weights``.

        Args:
            name: the class the prompt asks for.
            args: the constructor's arguments.
            weights: as :meth:`forward` takes them.
            x: the judged pass's input, a :class:`~.wire.Uniform`.
            inputs: the training steps' inputs, then the evaluation's (2 to ``wire.MAX_TRAINING_INPUTS``).
            keep: a name the worker keeps the trained model under (``judge`` false), or judges the model kept under
                (``judge`` true; trained afresh when none is).
            judge: false: train only, and answer ``(outputs, None, {})``.

        Returns:
            ``(outputs, judged, start)``: the output of each training step and of the two evaluations; the judged
            pass's output; ``{(layer index, "weight" or "bias"): (values, trains)}``: the model's own values of the
            parameter each tensor of ``weights`` stood for, before the first step, laid out as that tensor, and
            whether it trains.

        Raises:
            WeightsMismatch: the trained model's layers do not take these weights.
            SubmissionRaised: building, training or running the model raised.
            Refused: not a ``torch.nn.Module``, or a pass returned no tensor.
            ProbeError: the worker could not answer (time-out, crash).
        """
        request = {Key.OP: ProbeOp.TRAIN, Key.NAME: name, Key.ARGS: wire.encode(list(args)),
                   Key.WEIGHTS: wire.encode_weights(weights), Key.INPUT: x.encode_with_values(),
                   Key.INPUTS: [item.encode_with_values() for item in inputs], Key.KEEP: keep, Key.JUDGE: judge}
        cache = self.__dict__.setdefault("_trainings", {})
        key = wire.dumps(request)
        if key not in cache:
            value, _ = self._ask(request)
            try:
                outputs, judged, found = value
                if not (isinstance(outputs, list) and len(outputs) == len(inputs) + 1
                        and all(isinstance(o, wire.Array) for o in outputs)
                        and (isinstance(judged, wire.Array) if judge else judged is None and found == [])
                        and isinstance(found, list)):
                    raise ValueError
                start = {}
                for entry in found[:MAX_GRADIENTS]:
                    index, kind, values, trains = entry
                    if type(index) is not int or kind not in ("weight", "bias") or not isinstance(values, wire.Array) \
                            or type(trains) is not bool:
                        raise ValueError
                    start[(index, kind)] = (values, trains)
            except (TypeError, ValueError):
                raise ProtocolError("the training answer is malformed") from None
            cache[key] = (outputs, judged, start)
        return cache[key]

    def _forward_answer(self, request: dict) -> tuple:
        """``(output, gradients, negated gradients)`` for a forward request, asked once."""
        cache = self.__dict__.setdefault("_forwards", {})
        key = wire.dumps(request)
        if key not in cache:
            value, _ = self._ask(request)
            gradients: dict[tuple, wire.Array] = {}
            negated: dict[tuple, wire.Array] = {}
            if request[Key.GRADIENTS]:
                if not (isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], list)
                        and isinstance(value[2], list)):
                    raise ProtocolError("the forward answer is not an output with its gradients")
                value, found, found_negated = value
                for entries, into in ((found, gradients), (found_negated, negated)):
                    for entry in entries[:MAX_GRADIENTS]:
                        if not (isinstance(entry, list) and len(entry) == 3 and type(entry[0]) is int
                                and entry[1] in ("weight", "bias") and isinstance(entry[2], wire.Array)):
                            raise ProtocolError("a gradient of the forward answer is malformed")
                        into[(entry[0], entry[1])] = entry[2]
            if not isinstance(value, wire.Array):
                raise ProtocolError("the forward answer is not an array")
            cache[key] = (value, gradients, negated)  # an Array is immutable: each to_tensor() is a fresh copy
        return cache[key]


class LocalProbe(Probe):
    """A probe over a namespace in this process (Otter kernels, students' notebooks).

    Requests and answers still go through JSON so that what a check sees is
    exactly what it would see from an isolated worker.  No time limits: use it for
    trusted code (a reference solution, a test), never for a submission in the judge.
    """

    def __init__(self, namespace: dict):
        """A probe answering from ``namespace``.

        Args:
            namespace: the globals a submission's code left (``{"kernel_area": ..., ...}``).

        Example:
            >>> LocalProbe({"choice": "B"}).value("choice")
            'B'
        """
        from .handler import Handler

        self._handler = Handler(namespace, timeouts=False)

    def send(self, request: dict) -> dict:
        """Transport: answer ``request`` from the namespace, through JSON both ways (see :meth:`Probe.send`).

        Args:
            request: a request of :mod:`.handler`.

        Returns:
            The handler's answer, as the judge would receive it from a worker.
        """
        request = wire.loads(wire.dumps(request))
        return wire.loads(wire.dumps(self._handler.handle(request)))
