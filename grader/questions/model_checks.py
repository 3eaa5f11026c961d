"""Building a CNN: the lecture's pooled CNN, and the conv-block network of "CNN vs FCNN".

Model checks compare a submission with a reference model on four things: the
structure (layers with parameters and pooling, with their hyper-parameters,
in the order a forward pass calls them), the parameter count, the output
shape, and the outputs for the same weights and inputs.  A layer is the
operation the forward pass really calls, with the arguments it really gets
(``nn.MaxPool2d(2)`` and ``F.max_pool2d(x, 2)`` are the same layer; a
``Conv2d`` whose ``padding`` attribute says 1 but which convolves without
padding is a convolution without padding), matched by order and kind, never
by attribute names or values.

The layers are recorded where the model runs, which the model can reach: the
record earns the structure and parameter points only when behaviour the judge
sees confirms it (:func:`behaviour`): run with the judge's weights on the
judge's input, the model computes the network asked for, or what its recorded
layers compute when the judge replays them (:func:`replay`).
"""

from __future__ import annotations

import functools
import math
import warnings
from dataclasses import dataclass
from typing import NamedTuple

import torch
from torch.nn import functional as F

from ..checkapi import wire
from ..checkapi.probe import LocalProbe, ModelInfo, ProbeError, Refused, SubmissionRaised, WeightsMismatch
from ..checkapi.verdict import Verdict, Wrong, code, raised
from . import reference
from .base import Context
from .static import StartWatch, unreadable_findings

#: Outputs are compared elementwise: ``|got - want| <= ATOL * max(1, max |want|) + RTOL * |want|``.  The absolute
#: part grows with the outputs: the judge's weights (up to :data:`reference.WIDE_WEIGHT_SCALE` times torch's
#: initial bound) give a ConvNet outputs of up to about 10, where a correct network written another way rounds an
#: output near zero by up to 1e-5 (measured against float64: at most 9.9e-6 over 12 draws of ConvNet and the pooled
#: CNN).
RTOL, ATOL = 1e-4, 1e-5


def outputs_close(got: torch.Tensor, want: torch.Tensor) -> bool:
    """``got`` is ``want`` within :data:`RTOL` and :data:`ATOL`, elementwise, in float64 (same shape)."""
    want = want.double()
    scale = max(1.0, float(want.abs().max())) if want.numel() else 1.0
    return bool(torch.allclose(got.double(), want, rtol=RTOL, atol=ATOL * scale))


#: Layer kinds whose presence and hyper-parameters the structure check compares.
#: Activations and Flatten may be written functionally, so the outputs judge them.
STRUCTURAL = ("Conv2d", "Linear", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "BatchNorm2d",
              "Dropout")


def _pair(v):
    if isinstance(v, (list, tuple)):
        return tuple(v) if len(v) == 2 else (v[0], v[0])
    return (v, v)


def normalised(layer) -> dict:
    """A layer's hyper-parameters in one canonical form (``3`` and ``(3, 3)`` compare equal)."""
    c = dict(layer.config)
    if layer.kind == "Conv2d":
        k = _pair(c.get("kernel_size"))
        padding = c.get("padding")
        if padding == "same":
            padding = tuple((d * (kk - 1)) // 2 for kk, d in zip(k, _pair(c.get("dilation", 1))))
        elif padding == "valid":
            padding = (0, 0)
        return {"in_channels": c.get("in_channels"), "out_channels": c.get("out_channels"), "kernel_size": k,
                "stride": _pair(c.get("stride", 1)), "padding": _pair(padding),
                "dilation": _pair(c.get("dilation", 1)), "groups": c.get("groups", 1), "bias": c.get("bias")}
    if layer.kind in ("MaxPool2d", "AvgPool2d"):
        k = _pair(c.get("kernel_size"))
        stride = c.get("stride")
        found = {"kernel_size": k, "stride": _pair(stride) if stride not in (None, (), []) else k,
                 "padding": _pair(c.get("padding", 0)), "ceil_mode": bool(c.get("ceil_mode", False))}
        if layer.kind == "MaxPool2d":  # (a dilated max pool is another layer: attack round 75's near miss)
            found["dilation"] = _pair(c.get("dilation", 1))
        return found
    if layer.kind == "Linear":
        return {"in_features": c.get("in_features"), "out_features": c.get("out_features"), "bias": c.get("bias")}
    return {}


def _show(kind: str, config: dict) -> str:
    inner = ", ".join(f"{k}={v}" for k, v in config.items())
    return f"{kind}({inner})"


@dataclass(frozen=True)
class Difference:
    """The first way a model's layers differ from the network asked for."""

    index: int
    """Position among the layers with parameters or pooling."""
    what: str
    """Which layer differs and how, in terms of the student's own model (always shown)."""
    reveal: str
    """What the network asked for has there (shown only in full feedback)."""


def _structural(layer) -> bool:
    """A layer the structure is judged by: not a dropout of probability 0, the identity in training too
    (``nn.Dropout(p=0.0)`` kept as a placeholder is the network asked for; any other dropout changes training)."""
    return layer.kind in STRUCTURAL and not (layer.kind == "Dropout" and layer.config.get("p") == 0)


def untracked(name: str, args: tuple, student: ModelInfo) -> Wrong | None:
    """A model whose layers ran while autograd traced its output to none of them (fairness round 12: ``forward``
    under ``torch.no_grad()``, told 'layer 1 is missing: your model has 0'): what the checks that need its layers
    say instead of counting none."""
    if not student.untracked_output or student.forward_error:
        return None
    return Wrong(f"{shown_call(name, args)}'s forward pass computes its output with autograd off (`torch.no_grad()`, "
                 "`torch.inference_mode()` or `set_grad_enabled(False)` inside `forward`, or a `detach()`ed result): "
                 "training could change none of its layers, and the grader cannot tell which layers the output "
                 "comes from.", {"mistake": "autograd_off"},
                 reveal="Keep autograd on in `forward`; switch it off around evaluation, outside the model.")


def structure_difference(student: ModelInfo, ref: ModelInfo) -> Difference | None:
    """The first way the student's structural layers differ from the reference's."""
    mine = [l for l in student.layers if _structural(l)]
    theirs = [l for l in ref.layers if _structural(l)]
    for i, want in enumerate(theirs):
        position = f"layer {i + 1} with parameters or pooling"
        if i >= len(mine):
            return Difference(i, f"{position} is missing: your model has {len(mine)}.",
                              f"The network asked for has {_show(want.kind, normalised(want))} there.")
        got = mine[i]
        order = ", ".join(l.kind for l in theirs)
        if got.kind != want.kind and len(mine) < len(theirs) and i + 1 < len(theirs) and theirs[i + 1].kind == got.kind:
            # the layer asked for here is absent and the next one comes early (a pooling written with reshape and
            # amax: fairness round 10 was told its second convolution was in the wrong place)
            return Difference(i, f"{position} is missing: your model has {len(mine)} layers with parameters or "
                                 f"pooling, and its next one, a {got.kind}, comes there instead.",
                              f"The network asked for has a {want.kind} there (the order is {order}).")
        if got.kind != want.kind:
            return Difference(i, f"{position} is a {got.kind}, not the kind of layer asked for there.",
                              f"Expected a {want.kind} there (the order is {order}).")
        a, b = normalised(got), normalised(want)
        for key in b:
            if a.get(key) != b[key]:
                hint = ""
                if got.kind == "Conv2d" and key == "padding":
                    # The network asked for's own numbers: a variant's kernel and padding, not the lecture's.
                    (kh, kw), (ph, pw) = b["kernel_size"], b["padding"]
                    hint = (f" Without padding={ph if ph == pw else (ph, pw)} each {kh}x{kw} convolution shrinks the "
                            f"feature map by {kh - 1}" + ("" if kh == kw else f" and {kw - 1}") + ".")
                if got.kind == "Linear" and key == "in_features":
                    hint = (" in_features must equal the number of features Flatten produces: `channels x height "
                            "x width` of the last feature map.")
                return Difference(i, f"{position} ({got.kind}) has {key}={a.get(key)}, not the value asked for.",
                                  f"It should be {b[key]}.{hint}")
    if len(mine) > len(theirs):
        extra = mine[len(theirs)]
        return Difference(len(theirs), f"there is an extra {extra.kind} after the layers the network asks for.",
                          f"The network asked for has {len(theirs)} layers with parameters or pooling.")
    return None


@functools.lru_cache(maxsize=64)
def describe_reference(factory, args: tuple, input_shape: tuple, input_seed: int | None = None) -> ModelInfo:
    """The reference model described by the same code that describes submissions, on the same input."""
    return LocalProbe({"model": factory}).model("model", args, input_shape, input_seed=input_seed)


def _seed(context, name: str) -> int:
    """The seed of a probing input: see :meth:`Context.model_input_seed`."""
    return context.model_input_seed(name)


def drawn_args(context, name: str, args_fn) -> tuple:
    """The random constructor arguments of ``name`` for every check of one question: ``args_fn(rng)`` with
    one stream per (seed, question, model).

    The structure check and the outputs check of one model then judge the same instance, so
    :func:`probe_cases` runs its forward passes once for both (a ``ConvNet`` on 128x128 images is
    most of a submission's grading time).  Which arguments are fair to draw is ``args_fn``'s to say.
    """
    return args_fn(_question_context(context, f"args:{name}").rng())


def _question_context(context, stream: str) -> Context:
    """A context every check of ``context``'s question shares for ``stream``: under the question's own id and with
    the student's numbers, so that its draws and memo are the question's, not one check's."""
    question = context.check_id.split(".", 1)[0]
    return Context(context.seed, f"{question}.{stream}", variant=context.variant)


UNREADABLE_MODEL = ("The grader judges a model by what its forward pass does, and this submission uses {what}, "
                    "which can change what the grader sees while it watches: this part earns no credit.")


#: The names the model checks build (q7's network, q8's block and network): a feature that hides code only from what
#: reaches it (``torch.compile`` of a demo instance) costs the model checks when their code reaches it.
MODEL_NAMES = ("CNN", "conv_block", "ConvNet")


def _readable(run):
    """A model check that earns nothing when the submission uses features that hide code (see .static)."""
    def checked(probe, context):
        watch = StartWatch(probe)
        found = unreadable_findings(probe.source, models=True, reached_from=MODEL_NAMES,
                                    threads_running=watch.threads_running)
        if found:
            raise Wrong(UNREADABLE_MODEL.format(what=", ".join(code(f.what) for f in found[:5])),
                        {"mistake": "unverifiable"})
        verdict = run(probe, context)
        found = watch.findings()  # after a pass: a check the model failed costs its points already
        if found:
            raise Wrong(UNREADABLE_MODEL.format(what=code(found[0].what)), {"mistake": "unverifiable"})
        return verdict
    return checked


def layer_table(info: ModelInfo, *, shapes: bool = True) -> list[dict]:
    """Rows for reports: one per leaf layer, in the order the forward pass calls them."""
    return [{"kind": l.kind, "type": l.type.rsplit(".", 1)[-1],
             "config": {k: list(v) if isinstance(v, tuple) else v for k, v in normalised(l).items()} or None,
             "params": sum(_numel(s) for _, s in l.params),
             "output_shape": list(l.output_shape) if shapes and l.output_shape else None,
             "structural": _structural(l)} for l in info.layers]


def _numel(shape) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def _row_of_structural(info: ModelInfo, index: int | None) -> int | None:
    """The table row of the ``index``-th structural layer (None past the end)."""
    if index is None:
        return None
    rows = [i for i, l in enumerate(info.layers) if _structural(l)]
    return rows[index] if index < len(rows) else None


def _first_row_difference(student: ModelInfo, ref: ModelInfo) -> int | None:
    """The first row where the two layer tables differ in kind or settings (every layer, ReLU included)."""
    for i, (a, b) in enumerate(zip(student.layers, ref.layers)):
        if a.kind != b.kind or normalised(a) != normalised(b):
            return i
    return None if len(student.layers) == len(ref.layers) else min(len(student.layers), len(ref.layers))


def _tables(student: ModelInfo, ref: ModelInfo, first_difference: int | None) -> dict:
    """The student's layers beside the reference's, the first difference marked.

    The mark goes on the structural difference the check found, else on the first
    row that differs at all (a missing ReLU module: fine if forward() applies it).
    The reference shows kinds and hyper-parameters only (what the question states),
    not its feature-map shapes, which another question asks for.
    """
    if first_difference is not None:
        mark = {"submission": _row_of_structural(student, first_difference),
                "reference": _row_of_structural(ref, first_difference)}
    else:
        row = _first_row_difference(student, ref)
        mark = {"submission": row, "reference": row}
    return {"layers": {"submission": layer_table(student), "reference": layer_table(ref, shapes=False),
                       "first_difference": mark}}


# -- behaviour: the evidence that the recorded layers are the model's ---------------------------------------------
#
# The layers a model is described by are recorded in the worker, where the model runs and can rewrite the record
# (or do something the recorder does not record, like slicing a padded convolution's border off).  So the
# record earns nothing on its own: the judge runs the model with its own weights on its own input, and the
# record counts only when the output is what the network asked for computes, or what the recorded layers,
# replayed by the judge with the same weights, compute.

#: Most layers of a recorded forward pass the judge replays.
MAX_REPLAYED_LAYERS = 256
#: Bounds on a replayed layer's settings (strides, paddings, kernel sizes...): a record is plain data the
#: submission controls, and must not make the judge compute a huge feature map.
MAX_SETTING = 16
#: Most values a replayed feature map may hold.
MAX_REPLAYED_VALUES = 20_000_000


class _NotReplayable(Exception):
    pass


def _setting(value, low: int = 0, *, allow_none: bool = False):
    """A layer setting from a record, checked: an int or a sequence of 1 or 2 ints in [low, MAX_SETTING]."""
    if value is None and allow_none:
        return None
    items = value if isinstance(value, (list, tuple)) else [value]
    if not 1 <= len(items) <= 2 or not all(type(v) is int and low <= v <= MAX_SETTING for v in items):
        raise _NotReplayable(f"setting {value!r}")
    return tuple(items) if isinstance(value, (list, tuple)) else value


def _next_weights(weights, kind: str, config: dict):
    spec = next(weights, None)
    if spec is None or spec.get("kind") != kind:
        raise _NotReplayable(f"no {kind} weights left")
    tensors = spec["tensors"]
    if bool(config.get("bias")) != ("bias" in tensors):
        raise _NotReplayable("bias")
    return tensors["weight"].to_tensor(), (tensors["bias"].to_tensor() if "bias" in tensors else None)


def _replay_layer(layer, z, weights, recorded_batch: int | None = None):
    c = layer.config
    kind = layer.kind
    if kind == "Conv2d":
        weight, bias = _next_weights(weights, kind, c)
        padding = c.get("padding", 0)
        padding = padding if padding in ("same", "valid") else _setting(padding)
        groups = c.get("groups", 1)
        if type(groups) is not int or not 1 <= groups <= 1024:
            raise _NotReplayable("groups")
        return F.conv2d(z, weight, bias, _setting(c.get("stride", 1), 1), padding, _setting(c.get("dilation", 1), 1),
                        groups)
    if kind == "Linear":
        weight, bias = _next_weights(weights, kind, c)
        return F.linear(z, weight, bias)
    if kind in ("MaxPool2d", "AvgPool2d"):
        kernel = _setting(c.get("kernel_size"), 1)
        stride = c.get("stride")
        stride = None if stride in (None, [], ()) else _setting(stride, 1)
        padding, ceil_mode = _setting(c.get("padding", 0)), bool(c.get("ceil_mode", False))
        if kind == "MaxPool2d":
            return F.max_pool2d(z, kernel, stride, padding, _setting(c.get("dilation", 1), 1), ceil_mode)
        divisor = c.get("divisor_override")
        if divisor is not None and not (type(divisor) is int and 0 < divisor <= 1024):
            raise _NotReplayable("divisor_override")
        return F.avg_pool2d(z, kernel, stride, padding, ceil_mode, bool(c.get("count_include_pad", True)), divisor)
    if kind in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        size = c.get("output_size")
        items = size if isinstance(size, (list, tuple)) else [size]
        if not 1 <= len(items) <= 2 or not all(v is None or (type(v) is int and 1 <= v <= 1024) for v in items):
            raise _NotReplayable("output_size")
        size = tuple(items) if isinstance(size, (list, tuple)) else size
        return (F.adaptive_avg_pool2d if kind == "AdaptiveAvgPool2d" else F.adaptive_max_pool2d)(z, size)
    if kind == "ReLU":
        return F.relu(z)
    if kind == "Sigmoid":
        return torch.sigmoid(z)
    if kind == "Tanh":
        return torch.tanh(z)
    if kind == "LeakyReLU":
        slope = c.get("negative_slope", 0.01)
        if type(slope) not in (int, float) or not math.isfinite(slope):
            raise _NotReplayable("negative_slope")
        return F.leaky_relu(z, slope)
    if kind in ("Softmax", "LogSoftmax"):
        dim = c.get("dim")
        if dim is not None and (type(dim) is not int or not -8 <= dim < 8):
            raise _NotReplayable("dim")
        with warnings.catch_warnings():  # an implicit dim, as the model used it
            warnings.simplefilter("ignore")
            return (F.softmax if kind == "Softmax" else F.log_softmax)(z, dim)
    if kind == "Flatten":
        shape = layer.output_shape
        if recorded_batch is not None and shape and len(shape) == 2 and shape[0] == recorded_batch:
            shape = (z.shape[0], shape[1])  # the batch of the input replayed, not the one recorded on
        # What the recorder records as a flatten: a view of one or two dimensions (never a reshuffled feature map).
        if not shape or len(shape) > 2 or not all(type(d) is int and d > 0 for d in shape) \
                or math.prod(shape) != z.numel():
            raise _NotReplayable("flatten")
        return z.reshape(shape)
    if kind == "Dropout" and (c.get("training") is False or c.get("p") == 0):
        return z  # in eval mode, or of probability 0, a dropout is the identity
    raise _NotReplayable(kind)  # a layer the judge does not replay (batch norm, dropout while training...)


def replay(layers, weights: list[dict], x: torch.Tensor, recorded_batch: int | None = None) -> torch.Tensor | None:
    """What a network made of ``layers`` computes on ``x`` with ``weights``, computed by the judge.

    Args:
        layers: a model's description (:attr:`ModelInfo.layers`): the layer operations its forward pass
            called, in order, with their settings, as recorded where the model ran.
        weights: the judge's weights for the convolution and linear layers, in order (as
            :func:`reference.weights_for` makes them).
        x: the input, of the shape the description was recorded on, or of another batch size when
            ``recorded_batch`` says the batch size it was recorded on (a flatten keeps the batch it is given).

    Returns:
        The output of those layers applied one after the other, or None when they cannot be replayed
        (a kind of layer or a setting the judge does not replay, weights that do not fit them, weights
        left over).
    """
    if len(layers) > MAX_REPLAYED_LAYERS:
        return None
    remaining = iter(weights)
    z = x
    try:
        with torch.no_grad():
            for layer in layers:
                z = _replay_layer(layer, z, remaining, recorded_batch)
                if not isinstance(z, torch.Tensor) or z.numel() > MAX_REPLAYED_VALUES:
                    return None
    except (_NotReplayable, RuntimeError, ValueError, TypeError, IndexError, KeyError, AttributeError,
            OverflowError):
        return None
    if next(remaining, None) is not None:
        return None
    return z


def _same_values(got: torch.Tensor, want: torch.Tensor) -> bool:
    """The same numbers, in the same order, whatever the shape (a squeezed output is judged by the output-shape
    check, not here)."""
    return got.numel() == want.numel() and outputs_close(got.flatten(), want.flatten())


#: How many sets of weights (and inputs) the judge draws at most until the reference network is alive on them.
MAX_WEIGHT_DRAWS = 16


def _alive(want: torch.Tensor, want_gradients: dict | None) -> bool:
    """Whether the reference network, on one probe input, tells networks apart: its outputs differ across the
    batch and every parameter gets some gradient.  A ConvNet of five blocks under torch's initial weights is dead
    on about one input in seven (every unit off: its output the head's bias whatever comes in), where a network
    that does anything else before the head, or trains nothing but the bias, looks the same (attack round 16)."""
    flat = want.flatten()
    if flat.numel() > 1 and not bool((flat != flat[0]).any()):
        return False
    return want_gradients is None or all(bool(g.value.any()) for g in want_gradients.values())


class ProbeCase(NamedTuple):
    """One input a model is judged on (:func:`probe_cases`), with the judge's weights for it and what the reference
    computes there."""
    x_described: wire.Uniform
    gradients: bool
    """Autograd on (as while training): the parameters' gradients are judged too."""
    x: torch.Tensor
    want: torch.Tensor
    want_gradients: dict | None
    weights: list[dict]
    """The judge's weights, as :meth:`Probe.forward` takes them (:func:`reference.weights_for`)."""


def probe_cases(context, name: str, factory, args: tuple, features: tuple) -> tuple[ProbeCase, ...]:
    """The inputs ``name(*args)`` is judged on (one per probe of :data:`reference.PROBES`), each with the judge's
    weights at that probe's scale (:data:`reference.WIDE_WEIGHT_SCALE` or torch's initial bound), the reference's
    output, and its parameters' gradients where autograd is on (:func:`reference.gradients`).

    Drawn once per (seed, question, numbers, model, arguments, shape of one input), whatever the check, and drawn
    again (:data:`MAX_WEIGHT_DRAWS` times at most) while the reference is dead on an input (:func:`_alive`): the
    checks that look at one model (its structure and parameter count confirmed by :func:`behaviour`, its
    outputs) run it on the same weights and inputs, so the probe runs each forward pass once for all of them.
    The first two inputs are a batch of 2 to 4 (a batch size a model cannot expect), the last a larger one.
    """
    # Under the question's own id and with the student's numbers: the memo of the reference behaviour is keyed
    # on that question's numbers (two variants can share a model's arguments and input shape, not its network).
    shared = _question_context(context, f"cases:{name}{tuple(args)!r}{tuple(features)!r}")

    def case():
        gen = shared.torch_generator()
        shape = (shared.rng().randint(2, 4), *features)
        model = factory(*args).eval()
        for _ in range(MAX_WEIGHT_DRAWS):
            weights = {scale: reference.weights_for(model, gen, scale) for scale in reference.WEIGHT_SCALES}
            cases = []
            for x_described, gradients, scale in reference.probe_inputs(shape, gen):
                reference.load_weights(model, weights[scale])
                x = x_described.to_tensor()
                with torch.no_grad():
                    want = model(x)
                cases.append(ProbeCase(x_described, gradients, x, want,
                                       reference.gradients(model, x_described) if gradients else None,
                                       weights[scale]))
            if all(_alive(c.want, c.want_gradients) for c in cases):
                break
        return tuple(cases)

    return shared.memo(case)


def behaviour(probe, context, name: str, factory, args: tuple, input_shape: tuple, student: ModelInfo,
              why: list | None = None, trained_as: tuple | None = None) -> str | None:
    """What the model computes with the judge's weights on the judge's inputs: ``"reference"`` (the network asked
    for), ``"layers"`` (what its recorded layers compute, replayed by the judge), or None (neither: its layers
    cannot be judged from their record).

    The model runs on the inputs of :func:`probe_cases` (one per distribution of :data:`reference.PROBES`)
    and must compute the same one of the two on every input: a model that is the network asked for only on
    inputs of one kind (negative values, a mean near 0) is neither.  ``input_shape`` is the shape the model
    was described on (``student``'s layers were recorded on it).  ``why``: a list that gets the reason when the
    judge's weights did not fit the layers the pass computes with.  The network asked for must also train as it
    (:func:`training_differs`), with ``args`` and that input, or with ``trained_as``'s ``(args, features)``.
    """
    possible = {"reference", "layers"}
    for x_described, gradients, x, want, want_gradients, weights in probe_cases(context, name, factory, args,
                                                                                 tuple(input_shape[1:])):
        try:
            got = probe.forward(name, args, weights, x_described, gradients=gradients).to_tensor()
            got_gradients = probe.gradients(name, args, weights, x_described) if gradients else {}
            got_negated = probe.negated_gradients(name, args, weights, x_described) if gradients else {}
        except WeightsMismatch as exc:
            if why is not None:
                why.append(str(exc))
            return None
        except Refused:
            return None
        except SubmissionRaised as exc:
            if exc.out_of_memory:
                raise
            return None
        if "reference" in possible and not _same_values(got, want):
            possible.discard("reference")
        elif "reference" in possible and want_gradients is not None:
            differs = gradients_differ(got_gradients, want_gradients, got_negated)
            if differs is not None:  # the network asked for, which does not train as it does: neither
                if why is not None:
                    why.append(differs)
                return None
        if "layers" in possible and "reference" not in possible:
            mine = replay(student.layers, weights, x, recorded_batch=input_shape[0])
            if mine is None or not _same_values(got, mine):
                possible.discard("layers")
        if not possible:
            return None
    if "reference" in possible:
        differs = training_differs(probe, context, name, factory, *(trained_as or (args, tuple(input_shape[1:]))))
        if differs is not None:
            if why is not None:
                why.append(differs)
            return None
        return "reference"
    return "layers"


#: The outputs of a model trained by the judge (:func:`training_differs`) must be the reference's, trained the same
#: way from the same values, within this part of the largest size of the terms they add up in its last layer
#: (:func:`reference.trained_outputs`' ``terms``; their own size was the scale until 2026-12-06, when an output that
#: cancelled to 1.6e-4 of terms summing to 0.085 after one step cost seven correct ConvNets written another way,
#: 1.6e-4 off, half a point at seed 8024700537681306867): each step is continuous in the gradients, which a correct
#: model written another way rounds differently (a ReLU input within rounding of zero lets its gradient through in
#: one and not the other), and the step carries that on.  A model that is another network once trained (a ReLU
#: dropped, a block skipped) is off by a large part of its outputs.
TRAINED_TOL = 5e-3


def training_differs(probe, context, name: str, factory, args: tuple, features: tuple) -> str | None:
    """Why ``name(*args)``, built afresh and trained by the judge from its own initial values
    (:meth:`~grader.checkapi.probe.Probe.train`), is not the network asked for, or None: once trained, it computes
    something else with the judge's weights than the reference (on :func:`probe_cases`' first case, which every
    freshly built model passed), or its outputs while training and evaluated after are not the reference's trained
    the same way from the same values (:func:`reference.trained_outputs`).

    Every other judged pass runs on a freshly built model, on its first pass: a model that tells them from
    training by its weights leaving the band a fresh layer's stay in, by a count of its passes or backward passes,
    or by its age, and is another network from then on (attack rounds 18 to 31: a flag made into a size, an
    index that fails, a sign), is that other network here; so is one that waits for torch's default generator
    to be drawn from otherwise than a DataLoader's epoch does, or reads ``.grad`` when ``eval()`` is called (rounds
    33 and 34: the worker draws as a shuffled DataLoader's epoch does, and evaluates with the step's gradients kept
    and cleared).  Asked once per submission, model and arguments."""
    verdicts = probe.__dict__.setdefault("_training_verdicts", {})
    key = (name, repr(tuple(args)), tuple(features))
    if key in verdicts:
        return verdicts[key]
    case, inputs, token = _training(context, name, factory, args, features)
    verdict = None
    try:
        # the outputs of its training before any other pass of the grading ran on any model (:func:`trained_first`)
        outputs = _plain_training(probe, context, name, factory, args, features)
        _, judged, start = probe.train(name, args, case.weights, case.x_described, inputs, keep=token)
    except WeightsMismatch as exc:
        verdict = f"once trained, its layers no longer take the judge's weights ({exc})"
    except Refused as exc:
        verdict = f"trained, it cannot be judged ({exc})"
    except SubmissionRaised as exc:
        if exc.out_of_memory:
            raise
        verdict = f"training it raised {exc.type_name}"
    else:
        if not _same_values(judged.to_tensor(), case.want):
            verdict = ("once trained, it computes something else with the judge's weights than it did "
                       "when freshly built")
        else:
            terms: list[torch.Tensor] = []
            want = reference.trained_outputs(factory(*args), {k: (v.to_tensor(), t) for k, (v, t) in start.items()},
                                             inputs, terms)
            want.append(want[-1])  # evaluated twice, its step's gradients in .grad and cleared: the same network
            terms.append(terms[-1])
            for step, (got, expected, sizes) in enumerate(zip(outputs, want, terms)):
                # of the shape its judged pass gives, not only of the network's values (attack round 76: one output
                # per input only while the recorder's hooks were on the model; an output squeezed in every pass is
                # an honest mistake, which the output checks take)
                shaped = len(got.shape) == len(judged.shape) and tuple(got.shape[1:]) == tuple(judged.shape[1:])
                got, expected = got.to_tensor().flatten().double(), expected.flatten().double()
                scale = float(sizes.abs().max()) if sizes.numel() else 0.0
                if not shaped or got.numel() != expected.numel() or not bool(
                        ((got - expected).abs() <= TRAINED_TOL * scale + ATOL).all()):
                    verdict = ("trained from its own initial weights as the judge trains the network asked for, "
                               + (f"its outputs at training step {step + 1} are not that network's"
                                  if step < len(inputs) - 1 else "its outputs once trained are not that network's"))
                    break
    verdicts[key] = verdict
    return verdict


def _training(context, name: str, factory, args: tuple, features: tuple) -> tuple:
    """``(case, inputs, token)`` of the judge's training of ``name(*args)`` (:func:`training_differs`): the first of
    :func:`probe_cases`, the photographs it trains on, and the name the worker keeps the trained model under."""
    shared = _question_context(context, f"training:{name}{tuple(args)!r}{tuple(features)!r}")

    def draw():
        gen = shared.torch_generator()
        # Photographs, as a model trains on: a model that trains as the network asked for only on noise is
        # another network once it trains on images.
        return tuple(reference.image_input((reference.TRAINING_BATCH, *features), gen)
                     for _ in range(reference.TRAINING_STEPS + 1))

    return (probe_cases(context, name, factory, args, features)[0], list(shared.memo(draw, "inputs")),
            f"{name}{tuple(args)!r}{tuple(features)!r}")


def _plain_training(probe, context, name: str, factory, args: tuple, features: tuple) -> list:
    """The outputs of the judge's training of ``name(*args)``, trained only (no judged pass) and kept in the worker:
    asked once per submission, model and arguments, and what it raised then raised again whenever asked."""
    done = probe.__dict__.setdefault("_plain_trainings", {})
    key = (name, repr(tuple(args)), tuple(features))
    if key not in done:
        case, inputs, token = _training(context, name, factory, args, features)
        try:
            done[key] = probe.train(name, args, case.weights, case.x_described, inputs, keep=token,
                                    judge=False)[0]
        except ProbeError as exc:  # asked again later, it would be asked after the passes that set a flag
            done[key] = exc
    if isinstance(done[key], ProbeError):
        raise done[key]
    return done[key]


def trained_first(*trainings):
    """A check's :attr:`~grader.questions.base.Check.first`: the judge's training (:func:`training_differs`) of each
    of ``trainings``, ``(name, factory, args_fn, features_fn)`` (``args_fn(rng)`` as :func:`drawn_args` draws it,
    ``features_fn(args)`` one input's shape), before any check of the submission runs.

    Every other pass of the grading is told from a student's own by something (the description pass's input takes
    gradients, a judged pass has the judge's weights and the recorder's hooks): a model that set a flag there and
    was the network asked for from then on trained as it (attack round 75: zeros until a module global was set by
    the description pass).  Trained first, every model trains as it would in the student's own loop; its judged pass
    comes later, on the model the worker kept."""
    def run(probe, context):
        for name, factory, args_fn, features_fn in trainings:
            args = drawn_args(context, name, args_fn)
            try:
                _plain_training(probe, context, name, factory, args, tuple(features_fn(args)))
            except ProbeError:
                pass  # kept, and raised again where a check asks for it
    return run


def unconfirmed(name: str, args, why: list | None = None) -> Wrong:
    """The failure of a model whose recorded layers are right but whose output is not what they compute;
    ``why``: the reason the judge's weights did not fit, when that was it (see :func:`behaviour`)."""
    if why:
        return Wrong(f"{shown_call(name, args)}: its layers cannot be judged with the reference's weights, so they "
                     "earn no credit on their own.", {"mistake": "unconfirmed"}, reveal=why[0])
    return Wrong(f"{shown_call(name, args)}: with the reference's weights, its output is neither what the network "
                 "asked for computes nor what the layers its forward pass calls compute: it does something more "
                 "between them (slicing, concatenating, an operation that is no layer), so its layers earn no credit on "
                 "their own.", {"mistake": "unconfirmed"},
                 reveal="The grader replays the layers your forward pass calls, in order, with its own weights: "
                        "the output must be what they compute.")


def structure_check(name: str, factory, args_fn, input_shape_fn, *, channels_hint: bool = False,
                    confirmed: bool = True, trained_as: tuple | None = None):
    """The layers the forward pass of ``name(*args_fn(...))`` calls are the reference's; with ``confirmed``, what
    they compute with the judge's weights must also be (:func:`behaviour`), else the description alone decides
    (one pass on a batch of one: for arguments the other checks do not run at full cost)."""
    @_readable
    def run(probe, context):
        args = drawn_args(context, name, args_fn)
        shape = input_shape_fn(args)
        seed = _seed(context, name)
        student = probe.model(name, args, shape, input_seed=seed)
        ref = describe_reference(factory, args, shape, seed)
        found = structure_difference(student, ref)
        if found is not None and untracked(name, args, student):
            raise untracked(name, args, student)
        if found is None and student.forward_error:
            raise Wrong(f"{shown_call(name, args)}: its forward pass does not run through: "
                        f"{forward_error(student.forward_error)}.",
                        {"mistake": "forward_fails", **_tables(student, ref, None)})
        if found is None and not confirmed:
            return Verdict(True, details=_tables(student, ref, None))
        if found is None:
            why: list = []
            if behaviour(probe, context, name, factory, args, shape, student, why, trained_as) is None:
                wrong = unconfirmed(name, args, why)
                raise Wrong(wrong.feedback, {**wrong.details, **_tables(student, ref, None)}, reveal=wrong.reveal)
            return Verdict(True, details=_tables(student, ref, None))
        what, reveal = found.what, found.reveal
        mistake = "structure"
        mine = [l for l in student.layers if l.kind == "Conv2d"]
        if channels_hint and mine and args and mine[0].config.get("in_channels") != args[0]:
            what += " The first convolution does not take input_channels channels."
            reveal += " Pass the constructor's argument on instead of a fixed number."
            mistake = "input_channels_ignored"
        elif "padding" in what:
            mistake = "no_padding"
        elif "in_features" in what:
            mistake = "linear_in_features"
        raise Wrong(f"{shown_call(name, args)}: {what}",
                    {"mistake": mistake, **_tables(student, ref, found.index)}, reveal=reveal)
    return run


def _holding_parameters(info: ModelInfo) -> ModelInfo:
    """``info`` with only the layers that hold parameters."""
    return ModelInfo(layers=tuple(l for l in info.layers if l.params), param_count=info.param_count,
                     trainable_count=info.trainable_count, output_shape=info.output_shape)


def param_count_check(name: str, factory, args: tuple, input_shape: tuple, variants):
    """The parameters the forward pass really uses, and those the model holds, number the reference's.

    Both are counted by the judge's probe from the tensors themselves: what the
    model's ``parameters()`` or its layers' attributes say is not asked.
    """
    @_readable
    def run(probe, context):
        seed = _seed(context, name)
        student = probe.model(name, args, input_shape, input_seed=seed)
        want = context.memo(lambda: reference.param_count(factory(*args)))
        used = student.used_param_count
        if used is None and student.forward_error:
            raise Wrong(f"{shown_call(name, args)}: the parameters its forward pass uses cannot be counted: "
                        f"{forward_error(student.forward_error)}.", {"mistake": "forward_fails"})
        if used == want and student.param_count == want:
            # The count is right; it must also be the count of the layers asked for, as the forward
            # pass really calls them (a convolution without padding feeding zero-padded features to
            # the right Linear has the right count and is not the network).
            ref = describe_reference(factory, args, input_shape, seed)
            found = structure_difference(_holding_parameters(student), _holding_parameters(ref))
            if found is None:
                why: list = []
                if behaviour(probe, context, name, factory, args, input_shape, student, why) is None:
                    raise unconfirmed(name, args, why)
                return None
            raise Wrong(f"{shown_call(name, args)} has the right number of parameters, but they are not the "
                        f"layers asked for: {found.what}", {"mistake": "structure"}, reveal=found.reveal)
        if untracked(name, args, student):
            raise untracked(name, args, student)
        got = used if used is not None else student.param_count
        for mistake, count, (feedback, reveal) in variants:
            if got == count():
                raise Wrong(feedback, {"mistake": mistake}, reveal=reveal)
        if used is not None and used < want and 0 < student.trainable_count < student.param_count \
                and not student.forward_error:
            raise Wrong(f"{shown_call(name, args)} holds parameters that do not train (requires_grad=False) beside "
                        "others that do: training could not change what its layers compute with them.",
                        {"mistake": "frozen_parameters"},
                        reveal=f"{student.param_count - student.trainable_count} of its parameters do not require "
                               "gradients.")
        if used is not None and used < want <= student.param_count and not student.forward_error:
            # Not "training could not change it": a copy made by a differentiable cast (`weight.double()`) trains
            # (fairness round 18); what is certain is that the judge cannot put its weights in that tensor's place.
            raise Wrong(f"{shown_call(name, args)}'s forward pass computes with tensors it makes as it runs (a "
                        "weight multiplied, cast, copied or drawn afresh) instead of the parameters the model holds "
                        "as they are, so the judge cannot run its layers with the reference's weights; pass the "
                        "layer's own weight and bias to F.conv2d / F.linear (or call the layer).",
                        {"mistake": "unheld_parameters"},
                        reveal=f"Of the {want} parameters asked for, its layers compute with {used} as the model "
                               "holds them.")
        if used == want:
            raise Wrong(f"{shown_call(name, args)}'s forward pass uses the right parameters, but the model "
                        "also holds parameters it never uses: a layer it never uses counts too.",
                        {"mistake": "unused_parameters"}, reveal=f"It holds {student.param_count - want:+d} too many.")
        raise Wrong(f"{shown_call(name, args)} has a different number of parameters from the network the "
                    "question describes.", reveal="Compare its layers with the description: kernel sizes, channels, bias, "
                                         "and the Linear layer's in_features.")
    return run


def output_shape_check(name: str, args: tuple, shape_fn, factory=None, judged_shape: tuple | None = None):
    """One output per input, for a random batch (``shape_fn(rng)``), in the description pass and, with
    ``factory``, in the judged passes on :func:`probe_cases`' inputs of ``judged_shape`` (attack round 75: a model
    that flattened its output unless its input took gradients, as the description pass's does, kept this point).  A
    model the judge's weights do not fit is judged by its description alone (its other checks say why)."""
    @_readable
    def run(probe, context):
        rng = context.rng()
        shape = shape_fn(rng)
        info = probe.model(name, args, shape, input_seed=_seed(context, name))
        if info.forward_error:
            raise Wrong(f"{shown_call(name, args)} fails on a batch of {shape[0]} inputs of shape "
                        f"{list(shape[1:])}: it raised {forward_error(info.forward_error)}.",
                        {"mistake": "forward_fails"})
        if info.output_shape is None:
            raise Wrong(f"{name}'s forward() returned no tensor: does it `return` its result?")
        shapes = [(shape[0], info.output_shape)]
        for case in probe_cases(context, name, factory, args, tuple(judged_shape[1:])) if factory is not None else ():
            try:
                got = probe.forward(name, args, case.weights, case.x_described, gradients=case.gradients)
            except SubmissionRaised as exc:
                if exc.out_of_memory:
                    raise
                break
            except (WeightsMismatch, Refused):
                break
            shapes.append((case.x_described.shape[0], tuple(got.shape)))
        for batch, output_shape in shapes:
            if output_shape != (batch, 1):
                raise Wrong(f"{shown_call(name, args)} maps a batch of {batch} inputs to shape "
                            f"{list(output_shape or [])}, not one output per input.",
                            reveal=f"It should give shape ({batch}, 1).")
    return run


def outputs_check(name: str, factory, args_fn, input_shape_fn, variants, *, trained_as: tuple | None = None):
    """Same weights, same inputs: the outputs must agree with the reference's, on the inputs of
    :func:`probe_cases` (the first that disagrees is the one the feedback is about); and the model must train as
    the network asked for (:func:`training_differs`, with its arguments, or ``trained_as``'s ``(args,
    features)``: a network judged for several arguments is trained for one, a ConvNet's for one channel)."""
    @_readable
    def run(probe, context):
        args = drawn_args(context, name, args_fn)
        for x_described, gradients, x, want, want_gradients, weights in probe_cases(
                context, name, factory, args, tuple(input_shape_fn(args)[1:])):
            _same_outputs(probe, name, args, weights, x_described, gradients, x, want, variants)
            if want_gradients is not None:
                differs = gradients_differ(probe.gradients(name, args, weights, x_described), want_gradients,
                                           probe.negated_gradients(name, args, weights, x_described))
                if differs is not None:
                    raise Wrong(f"With the reference's weights {shown_call(name, args)} computes the outputs of the "
                                f"network asked for, but {differs}.", {"mistake": "gradients"},
                                reveal="Let every layer's result reach the output through operations autograd "
                                       "follows (no `detach()`, `.data` or `no_grad` on the way), and nothing "
                                       "else change the gradients.")
        differs = training_differs(probe, context, name, factory,
                                   *(trained_as or (args, tuple(input_shape_fn(args)[1:]))))
        if differs is not None:
            raise Wrong(f"With the reference's weights {shown_call(name, args)} computes the outputs of the network "
                        f"asked for, but {differs}.", {"mistake": "trains_otherwise"},
                        reveal="Let the network be the same at every pass: nothing it computes may depend on how "
                               "many times it ran, on how long ago it was built, or on its weights' values "
                               "beyond what its layers compute with them.")
    return run


#: Gradients are compared elementwise: ``|got - want| <= GRADIENT_RTOL * |want| + GRADIENT_TERMS_TOL * max terms``,
#: ``terms`` the sum of the absolute values of the terms a gradient adds up (:attr:`reference.Gradient.terms`),
#: its largest over the parameter.  A correct model written another way rounds differently in float32: a bias
#: gradient sums 2 x 128 x 128 signed terms per channel that can cancel to almost nothing, and a ReLU input
#: within rounding of zero lets its gradient through in one order and not the other (fairness rounds 4 to 15:
#: a bias added after ``F.conv2d``, channels-last).  Measured on 900 draws of ConvNet (three such files, 1, 3
#: and 5 channels, batches of 2 to 4): a correct model differs by at most 2.8e-4 of ``max terms`` beyond the
#: relative part, where a tolerance relative to the largest gradient alone failed one draw in about 100 at 1e-2.
#: A cheat reverses, zeroes or masks gradients: the difference is the gradient's own size, which stands out of
#: rounding in the layers that learn (a whole model's gradients reversed or zeroed are never all within it).
GRADIENT_RTOL, GRADIENT_TERMS_TOL = 1e-3, 2e-3
#: The gradients for the negated weighting (:meth:`Probe.negated_gradients`) must be the gradients negated within
#: this part of ``max terms``: exactly, for a backward pass that is linear in what reaches the output (any the
#: network asked for, computed in any order); a hook that adds to a gradient the same whatever reaches it (a drift
#: inside the tolerance above, the same way every training step: attack round 21) is off by twice what it adds.
GRADIENT_ANTISYMMETRY_TOL = 1e-5


def gradients_differ(got: dict, want: dict, negated: dict | None = None) -> str | None:
    """Where a model's parameters' gradients (:meth:`Probe.gradients`, the judge's values that trained
    parameters took) are not the reference's (:func:`reference.gradients`), or the gradients for the negated
    weighting (``negated``, :meth:`Probe.negated_gradients`) not their negation, in words; None where they are.  A
    model none of whose parameters train (frozen whole for inference) has none to compare."""
    if negated is not None and set(negated) != set(got):
        return "the parameters that get gradients are not the same in every backward pass"
    for (layer, role), array in sorted(got.items()):
        expected = want.get((layer, role))
        if expected is None:
            continue
        mine = array.to_tensor().double().flatten()
        theirs, terms = expected.value.double().flatten(), expected.terms.double().flatten()
        scale = float(terms.max()) if terms.numel() else 0.0
        wrong = (f"the gradients that reach layer {layer + 1}'s {role} are not the network's: training would "
                 "not change it as it changes the network asked for")
        if mine.numel() != theirs.numel() or not bool(
                torch.allclose(mine, theirs, rtol=GRADIENT_RTOL, atol=GRADIENT_TERMS_TOL * scale + 1e-12)):
            return wrong
        if negated is not None:
            other = negated[(layer, role)].to_tensor().double().flatten()
            if other.numel() != mine.numel() or \
                    float((mine + other).abs().max()) > GRADIENT_ANTISYMMETRY_TOL * scale + 1e-12:
                return wrong
    return None


def _same_outputs(probe, name: str, args, weights, x_described, gradients: bool, x, want, variants) -> None:
    """The model's output on one input is the reference's; else Wrong, naming the mistake when a variant
    (a known mistake) computes it."""
    shape = x_described.shape
    try:
        got = probe.forward(name, args, weights, x_described, gradients=gradients).to_tensor()
    except WeightsMismatch as exc:
        # The mismatch names the reference's layers: it is part of the answer.
        raise Wrong(f"The reference weights do not fit {shown_call(name, args)}'s layers: fix the "
                    "structure first.", {"mistake": "structure"}, reveal=f"{str(exc)[:1].upper()}{str(exc)[1:]}."
                    ) from None
    except SubmissionRaised as exc:
        if exc.out_of_memory:
            raise
        raise Wrong(f"{shown_call(name, args)} raised {raised(exc)} on a batch of inputs "
                    f"of shape {list(shape)}.", {"mistake": "forward_fails"}) from None
    except Refused as exc:
        raise Wrong(f"{shown_call(name, args)} cannot be judged on a batch of inputs of shape {list(shape)}: "
                    f"{code(str(exc)[:200])}.", {"mistake": "forward_fails"}) from None
    if got.shape == want.shape and outputs_close(got, want):
        return
    if got.shape != want.shape:
        raise Wrong(f"With the reference's weights, the output has shape {list(got.shape)}, not the shape the "
                    "network asked for gives.", reveal=f"Expected {list(want.shape)}.")
    for mistake, variant, (feedback, reveal) in variants:
        alt = reference.load_weights(variant(*args), weights)
        with torch.no_grad():
            alt_out = alt.eval()(x)
        if outputs_close(got, alt_out):
            raise Wrong(feedback, {"mistake": mistake}, reveal=reveal)
    raise Wrong(f"With the same weights and inputs, the outputs differ from the reference network's (beyond "
                f"rtol={RTOL:g}, atol={ATOL:g} x max(1, largest |output|)).",
                reveal="Check the order of the layers, the activations, and what forward() returns.")


def shown_call(name: str, args) -> str:
    """How feedback names a model: ``ConvNet(3)``, ``CNN()``."""
    return f"{name}({', '.join(map(repr, args))})"


def forward_error(err: dict) -> str:
    """A model's failed forward pass, as its probe describes it, for feedback: the exception as a code span."""
    text = f"{err.get('type')}: {err.get('message')}" if err.get("message") else str(err.get("type"))
    return code(text) + (f" ({err.get('where')})" if err.get("where") else "")


def trains_as_asked(name: str, factory, args_fn, features_fn):
    """``name(*args_fn(...))``, trained by the judge, is the network asked for (:func:`training_differs`): its outputs
    while it trains, and its judged pass on the judge's first input once trained, are the reference's.  A check of
    behaviour at the cost of one training (``ConvNet(3)``: attack round 75 had it output zeros, judged by its
    description alone)."""
    @_readable
    def run(probe, context):
        args = drawn_args(context, name, args_fn)
        differs = training_differs(probe, context, name, factory, args, tuple(features_fn(args)))
        if differs is not None:
            raise Wrong(f"{shown_call(name, args)} has the layers asked for, but {differs}.",
                        {"mistake": "trains_otherwise"},
                        reveal="With the reference's weights, or trained from its own, it must compute what the network "
                               "asked for computes.")
    return run


def both(first, second):
    """A check that passes when ``first`` and then ``second`` pass."""
    def run(probe, context):
        verdict = first(probe, context)
        if verdict is not None and not verdict.passed:
            return verdict
        return second(probe, context) or verdict
    return run


def missing_relu(first: str, missing: str) -> tuple[str, str]:
    """(what is wrong, what reveals it) when the outputs are the network's without some ReLU.

    What is wrong says where the outputs part from the network asked for (after the ``first``
    convolution lacking its ReLU), not why.
    """
    return (f"With the same weights, your network's output differs once the {first} convolution runs.",
            f"It matches the network *without* the ReLU after {missing}: apply ReLU after each convolution.")
