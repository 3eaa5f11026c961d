"""Reference models and PyTorch oracles.  Judge side only: never sent to a worker.

Answers are computed here by PyTorch itself (a layer's own output size, its
own parameter count, ``F.conv2d``), never copied from the solution notebook,
so the solution is checked against torch like any other submission.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import torch
from torch import nn
from torch.nn import functional as F

from ..checkapi import wire


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int | None:
    """Height of ``Conv2d(kernel_size, stride, padding)``'s output on a ``size`` x ``size`` input, by torch.

    torch's ``Conv2d`` documents ``H_out = floor((H_in + 2*padding - kernel_size) / stride) + 1``;
    here torch computes it, on a one-row image (the sizes asked are small).  None when
    torch refuses the configuration (the kernel does not fit the padded input).
    """
    x = torch.zeros(1, 1, size, size)
    w = torch.zeros(1, 1, kernel_size, kernel_size)
    try:
        return int(F.conv2d(x, w, stride=stride, padding=padding).shape[-1])
    except RuntimeError:
        return None


def param_count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def conv2d_params(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> int:
    """Parameters of ``nn.Conv2d``, counted by torch (weight ``(out, in, kH, kW)`` plus ``out`` biases)."""
    return param_count(nn.Conv2d(in_channels, out_channels, kernel_size, bias=bias, device="meta"))


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    """Parameters of ``nn.Linear``, counted by torch (weight ``(out, in)`` plus ``out`` biases)."""
    return param_count(nn.Linear(in_features, out_features, bias=bias, device="meta"))


class PooledCNN(nn.Module):
    """The CNN of the lecture's "Ingredient 3: Pooling", with the padding its printed shapes imply.

    Input ``(N, 1, 100, 100)``; output ``(N, 1)``; 1,337 parameters.  A variant's network
    (``network``: a q3 parameter set, see its folder) changes the image side, the channels and
    the kernel; ``padding`` then overrides the network's own (0 builds the no-padding mistake).
    """

    def __init__(self, padding: int | None = None, relu: tuple[bool, bool] = (True, True), network: dict | None = None):
        super().__init__()
        network = network or LECTURE_NETWORK
        padding = network["padding"] if padding is None else padding
        kernel, side = network["kernel"], network["side"]
        channels = network["channels"]
        layers: list[nn.Module] = []
        for i, (c_in, c_out) in enumerate(zip(channels, channels[1:])):
            layers.append(nn.Conv2d(c_in, c_out, (kernel, kernel), padding=padding))
            if relu[i]:
                layers.append(nn.ReLU())
            layers.append(nn.MaxPool2d((2, 2)))
            side = (side + 2 * padding - kernel + 1) // 2
        layers += [nn.Flatten(), nn.Linear(channels[-1] * side * side, 1)]
        self.main = nn.Sequential(*layers)

    def forward(self, x):
        return self.main(x)


#: The lecture's pooled CNN as q3's parameters describe it.
LECTURE_NETWORK = {"side": 100, "channels": [1, 3, 2], "kernel": 3, "padding": 1}


def pooled_input_shape(network: dict | None = None, batch: int = 1) -> tuple[int, int, int, int]:
    """The input batch shape of :class:`PooledCNN` for ``network``."""
    network = network or LECTURE_NETWORK
    return (batch, network["channels"][0], network["side"], network["side"])


def conv_block(input_channels: int, output_channels: int, relu: bool = True) -> nn.Sequential:
    """The lecture's ``conv_block``: 3x3 convolution with padding 1, then ReLU."""
    layers = [nn.Conv2d(input_channels, output_channels, (3, 3), padding=1)]
    if relu:
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class ConvNet(nn.Module):
    """The lecture's CNN of "CNN vs FCNN": five conv blocks of 3 kernels, then Linear(49152, 1).

    Input ``(N, input_channels, 128, 128)``; 49,519 parameters for one channel.
    ``relu=False`` builds the same network without its ReLUs (a common mistake); a variant
    changes the image ``side``, the ``width`` (kernels per block) and the number of ``blocks``.
    """

    def __init__(self, input_channels: int, relu: bool = True, side: int = 128, width: int = 3, blocks: int = 5):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, width, relu), *(conv_block(width, width, relu) for _ in range(blocks - 1)),
            nn.Flatten(), nn.Linear(width * side * side, 1))

    def forward(self, x):
        return self.main(x)


class FCNN(nn.Module):
    """The lecture's fully connected network (the Bitmoji classifier of the previous lecture)."""

    def __init__(self, input_size: int, bias: bool = True, hidden: tuple[int, ...] = (256, 128, 64, 32, 16)):
        super().__init__()
        sizes = [input_size, *hidden, 1]
        layers: list[nn.Module] = []
        for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
            layers.append(nn.Linear(a, b, bias=bias, device="meta"))
            if i < len(hidden) - 1:
                layers.append(nn.ReLU())
        self.main = nn.Sequential(*layers)

    def forward(self, x):
        return self.main(x)


def layer_shapes(model: nn.Module, input_shape: tuple[int, ...]) -> list[tuple[str, tuple[int, ...]]]:
    """``(layer kind, output shape without batch)`` for every leaf, from a forward pass on zeros."""
    out: list[tuple[str, tuple[int, ...]]] = []
    hooks = [m.register_forward_hook(lambda m, i, o: out.append((type(m).__name__, tuple(o.shape[1:]))))
             for m in model.modules() if not list(m.children())]
    try:
        with torch.no_grad():
            model(torch.zeros(*input_shape))
    finally:
        for h in hooks:
            h.remove()
    return out


@functools.lru_cache(maxsize=None)
def lecture_conv_example() -> tuple[torch.Tensor, torch.Tensor]:
    """The lecture's 5x5 input and 3x3 kernel (the animated convolution)."""
    image = torch.tensor([[3, 3, 2, 1, 0],
                          [0, 0, 1, 3, 1],
                          [3, 1, 2, 2, 3],
                          [2, 0, 0, 2, 2],
                          [2, 0, 0, 0, 1]], dtype=torch.float32)
    kernel = torch.tensor([[0, 1, 2],
                           [2, 2, 0],
                           [0, 1, 2]], dtype=torch.float32)
    return image, kernel


def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """torch's cross-correlation of a 2-D image with a 2-D kernel."""
    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
    """torch's max pooling of a 2-D image (stride = kernel_size, floor mode)."""
    return F.max_pool2d(image[None, None], kernel_size)[0, 0]


def parametrised_leaves(model: nn.Module) -> list[nn.Module]:
    return [m for m in model.modules() if not list(m.children()) and list(m.parameters(recurse=False))]


class Gradient(NamedTuple):
    """A parameter's gradient in the reference, with the scale its float32 rounding is measured against."""

    #: ``d(sum_i w_i y_i) / d(parameter)``, the parameter's shape.
    value: torch.Tensor
    #: The same sum taken over the absolute values of its terms, the parameter's shape: for a layer with input
    #: ``a`` and upstream gradient ``g`` (the gradient reaching its output), ``sum |g|`` over the positions a bias
    #: is added at, and ``sum |g| * |a|`` over the products a weight's gradient adds up.
    terms: torch.Tensor


def gradients(model: nn.Module, x: wire.Uniform) -> dict[tuple, Gradient]:
    """The gradients of ``model``'s output on the input ``x`` describes, weighted by
    :func:`~grader.checkapi.wire.output_weighting`, for each parameter of its parametrised leaves: ``{(leaf index,
    parameter name): Gradient}``, keyed as :meth:`grader.checkapi.probe.Probe.gradients` keys a submission's.

    For ``y = model(x)`` flattened to ``n`` values and ``w`` the ``n`` weights drawn from ``x``'s description, the
    gradient of ``sum_i w_i y_i`` with respect to each parameter, and the sum of its terms' absolute values
    (:attr:`Gradient.terms`): a correct network written another way (a bias added after ``F.conv2d``,
    channels-last) rounds differently, and a ReLU input within rounding of zero then lets its gradient through in
    one and not the other; either changes a gradient by a small part of that sum, however much its terms cancel.
    """
    leaves = parametrised_leaves(model)
    named = [((i, name), p) for i, m in enumerate(leaves) for name, p in m.named_parameters(recurse=False)]
    seen: dict[int, list] = {}

    def keep(i):
        def hook(module, inputs, output):
            seen[i] = [inputs[0].detach(), None]
            output.register_hook(lambda g: seen[i].__setitem__(1, g.detach()))
        return hook

    handles = [m.register_forward_hook(keep(i)) for i, m in enumerate(leaves)]
    try:
        with torch.enable_grad():
            flat = model(x.to_tensor()).flatten()
            total = (flat * wire.output_weighting(x, flat.numel()).to(flat.dtype)).sum()
            found = torch.autograd.grad(total, [p for _, p in named])
    finally:
        for handle in handles:
            handle.remove()
    terms = {}
    with torch.no_grad():
        for i, m in enumerate(leaves):
            a, g = (t.abs() for t in seen[i])
            if isinstance(m, nn.Conv2d):
                terms[(i, "weight")] = torch.nn.grad.conv2d_weight(a, m.weight.shape, g, m.stride, m.padding,
                                                                   m.dilation, m.groups)
                terms[(i, "bias")] = g.sum((0, 2, 3))
            elif isinstance(m, nn.Linear):
                g, a = g.reshape(-1, g.shape[-1]), a.reshape(-1, a.shape[-1])
                terms[(i, "weight")] = g.T @ a
                terms[(i, "bias")] = g.sum(0)
            else:
                raise TypeError(f"no gradient terms for a {type(m).__name__}")
    return {slot: Gradient(gradient.detach(), terms[slot]) for (slot, _), gradient in zip(named, found)}


def load_weights(model: nn.Module, specs: list[dict]) -> nn.Module:
    """Copy ``specs`` (from :func:`weights_for`) into ``model``'s parametrised leaves, by order."""
    leaves = parametrised_leaves(model)
    if len(leaves) != len(specs):
        raise ValueError("the model and the weights have different numbers of layers")
    with torch.no_grad():
        for m, spec in zip(leaves, specs):
            for name, value in spec["tensors"].items():
                getattr(m, name).copy_(value.to_tensor())
    return model


#: How many training steps the judge runs (``Probe.train``) before the evaluation, and on batches of how many
#: images: the step moves a few of each layer's weights out of the band a freshly built layer's stay in
#: (``wire.training_moves``), so the evaluation (and the judged pass after it) runs on weights as trained ones are.
#: Two steps of one image, in one epoch (one ``model.train()``): a model that was the network asked for on the first
#: step only passed one step (attack round 76); each step is a ``ConvNet`` pass on 128x128 with its backward pass, at
#: both ends, for five models (two steps of two images took the whole test suite past 30 minutes).  A model that
#: changes only after more steps, or on larger batches, outlasts it (attack round 32).
TRAINING_STEPS = 2
TRAINING_BATCH = 1
_TRAINING_OPS = type("TrainingOps", (), {"amax": staticmethod(torch.amax), "abs": staticmethod(torch.abs),
                                         "mul": staticmethod(torch.mul), "clamp": staticmethod(torch.clamp),
                                         "item": staticmethod(torch.Tensor.item),
                                         "numel": staticmethod(torch.Tensor.numel)})


def trained_outputs(model: nn.Module, start: dict[tuple, tuple], inputs: list[wire.Uniform],
                    terms: list[torch.Tensor] | None = None) -> list[torch.Tensor]:
    """The reference trained as the worker trains a submission (``Probe.train``): ``start``'s values
    (``{(leaf index, parameter name): (values, trains)}``, a parameter not in it keeps zeros) loaded into
    ``model``'s parametrised leaves; on each of ``inputs`` but the last, a pass in training mode, the gradients of
    the output's sum weighted by :func:`wire.output_weighting`, and :func:`wire.training_moves`' step on the
    parameters that train; then the last input in eval mode.  The output of each pass.

    ``terms``, when given, receives for each pass the size of the terms each output adds up in the model's last
    ``nn.Linear``, ``|x| @ |W|^T + |b|`` for its input ``x``: the scale a rounding difference in the layers before
    it shows at, however much the terms cancel; the output's own size where that layer does not make the output."""
    dtypes = {values.dtype for values, _ in start.values() if values is not None}
    if dtypes == {torch.float64}:  # a model built in float64 (set_default_dtype): trained so, as the worker trains it
        model = model.double()
    leaves = parametrised_leaves(model)
    trained = []
    with torch.no_grad():
        for i, m in enumerate(leaves):
            for name, p in m.named_parameters(recurse=False):
                values, trains = start.get((i, name), (None, False))
                if values is None or values.numel() != p.numel():
                    p.zero_()
                else:  # as the layer took it (a bias viewed as (1, C, 1, 1)), in the reference's order
                    p.copy_(values.reshape(p.shape))
                if trains:
                    trained.append(p)
    outputs = []
    head = next((m for m in reversed(list(model.modules())) if isinstance(m, nn.Linear)), None)
    heads: list[torch.Tensor] = []
    hook = head.register_forward_hook(lambda m, given, _: heads.append(torch.nn.functional.linear(
        given[0].detach().abs(), m.weight.detach().abs(), None if m.bias is None else m.bias.detach().abs()))) \
        if head is not None and terms is not None else None

    def sized(output: torch.Tensor) -> None:
        if terms is not None:
            terms.append(heads[0] if len(heads) == 1 and heads[0].shape == output.shape else output.abs())
            heads.clear()

    for index, described in enumerate(inputs):
        x = described.to_tensor().to(next(model.parameters()).dtype)
        if index == len(inputs) - 1:
            model.eval()
            with torch.no_grad():
                outputs.append(model(x))
            sized(outputs[-1])
            break
        model.train()
        with torch.enable_grad():
            output = model(x)
            outputs.append(output.detach())
            sized(outputs[-1])
            flat = output.flatten()
            total = (flat * wire.output_weighting(described, flat.numel()).to(flat.dtype)).sum()
            gradients = torch.autograd.grad(total, trained, allow_unused=True) if trained else ()
        with torch.no_grad():
            for p, move in zip(trained, wire.training_moves(trained, list(gradients), _TRAINING_OPS, described)):
                if move is not None:
                    p.sub_(move)
    if hook is not None:
        hook.remove()
    return outputs


def draw_seed(generator: torch.Generator) -> int:
    """A seed for one described tensor, drawn from the check's own generator.

    The worker sees this seed (as it saw the tensor's values before), never the grading
    run's seed, which no seed drawn here gives away.
    """
    return int(torch.randint(0, 2**63 - 1, (), generator=generator))


def uniform_input(shape: tuple, generator: torch.Generator) -> wire.Uniform:
    """A random input of ``shape``, uniform in [-1, 1), described for the probe's ``forward``."""
    return wire.Uniform(tuple(shape), draw_seed(generator), 1.0)


def image_input(shape: tuple, generator: torch.Generator) -> wire.Uniform:
    """A random batch of ``shape`` that looks like photographs as ``ToTensor`` gives them (values ``k / 255`` in
    [0, 1], smooth regions: :data:`IMAGE_BLURS`), described for the probe; the kinds of examples it holds none of
    (:data:`wire.EVERY_KIND`) drawn."""
    seed, blur = draw_seed(generator), _drawn_int(IMAGE_BLURS, generator)
    return wire.Uniform(tuple(shape), seed, 0.5, 0.5, blur, IMAGE_LEVELS, left_out=_drawn_int((0, wire.EVERY_KIND),
                                                                                                 generator))


#: How many times torch's initial bound ``1/sqrt(fan_in)`` the judge's weights reach on the probes that do not use
#: that bound (:data:`PROBES`).  Within it, a model could tell every judged pass from training by its weights alone
#: (a freshly built layer's weights never leave it; trained ones do): a "range flag" such as
#: ``if (self.fc.weight.abs() > 1/sqrt(fan_in)).any(): h = h.detach()``, or a kernel clamped to the bound, was the
#: network asked for whenever the judge looked and another one once trained (attack rounds 23 and 24).  Beyond it,
#: the judged passes are the ones such a flag marks.  A flag set past this scale stays unseen, but then changes
#: nothing until training takes a weight that far.  The first probe keeps torch's bound: outputs of the size a
#: freshly built network gives (0.004 to 0.2 for ConvNet, against up to about 10 here), so that the size of the
#: outputs tells no judged pass from a model's own either (attack round 12's head compared with a copy of itself
#: within 1e-5, which rounding passes at this scale).  A correct network computes the same at any scale: its
#: outputs are compared within a tolerance that grows with them (:data:`grader.questions.model_checks.ATOL`), its
#: gradients within one relative to their terms.
WIDE_WEIGHT_SCALE = wire.WIDE_WEIGHT_SCALE

#: The inputs a model is probed on, as (bound, offset) of :class:`wire.Uniform`, whether autograd is on, the
#: scale of the judge's weights (times torch's initial bound), and whether the input looks like photographs
#: (:data:`IMAGE_BLURS`, :data:`IMAGE_LEVELS`) or is noise: images normalised under ``no_grad`` (as while
#: evaluating), each example as one of the pipelines of :data:`wire.NORMALISATIONS` normalises it (to [-1, 1], or
#: with MNIST's, CIFAR's or ImageNet's statistics), with weights of torch's own bound, images in [0, 1] as ``ToTensor`` gives them with autograd
#: on (as while training), and noise shifted and wider, [-1, 7), under ``no_grad``, both with wider weights.  A
#: model must agree with what it is judged against on every one: a model that inspects its input (its sign, its
#: mean, its range, its smoothness, whether its values lie on an 8-bit grid), its weights or autograd to be the
#: network asked for only while the judge looks then also has to be it on inputs like the images it is meant for,
#: freshly built, trained or evaluated.  (All three were noise until attack rounds 4 and 20's models, the network
#: asked for only on inputs whose neighbouring pixels differ as noise's do, or that lie off the 8-bit grid.)
PROBES = ((1.0, 0.0, False, 1.0, True), (0.5, 0.5, True, WIDE_WEIGHT_SCALE, True),
          (4.0, 3.0, False, WIDE_WEIGHT_SCALE, False))
#: The weight scales of :data:`PROBES`, in the order their weights are drawn.
WEIGHT_SCALES = tuple(dict.fromkeys(probe[3] for probe in PROBES))
#: The blur radii (:func:`wire.uniform`) an image-like probe input draws from: textures to broad regions, on the
#: lecture's 100x100 and 128x128 inputs.
IMAGE_BLURS = (1, 4)
#: The levels of an image-like probe input: an 8-bit image's.
IMAGE_LEVELS = 255


#: The batch sizes the last probe draws from: larger than the batches of 1 to 5 the probe with autograd on runs, as a
#: training batch is, so a model cannot be the network asked for on small batches only.  Any size past 5 does
#: that; each image more costs every submission time (a ``ConvNet`` pass is about 0.85 ms of CPU an image on
#: 128x128, and this batch was most of a submission's forward-pass time when it was 6 to 16).
PROBE_BATCHES = (6, 9)


def probe_inputs(shape: tuple, generator: torch.Generator) -> tuple[tuple[wire.Uniform, bool, float], ...]:
    """One random input per probe of :data:`PROBES`, described, with its autograd setting and weight scale.

    The inputs are of ``shape``, but the last, a batch of a size drawn from :data:`PROBE_BATCHES` of inputs of
    ``shape[1:]``; an image-like one's blur is drawn from :data:`IMAGE_BLURS`.  Each photograph holds every kind of
    example (:data:`wire.EVERY_KIND`): a model that is another network on examples of one kind meets one in every
    batch the checks judge (attack rounds 51 and 52).  The training probe's batches draw which kinds they hold
    (:func:`image_input`): a batch of none of a kind, as ordinary photographs are, is met there (round 53).
    """
    inputs = []
    for index, (bound, offset, gradients, weight_scale, image) in enumerate(PROBES):
        batch = shape[0] if index < len(PROBES) - 1 else _drawn_int(PROBE_BATCHES, generator)
        blur, levels = (_drawn_int(IMAGE_BLURS, generator), IMAGE_LEVELS) if image else (0, 0)
        seed = draw_seed(generator)
        # The normalised photographs (the probe centred on 0) run through every normalisation pipelines use, one an
        # example from one drawn by the input's seed, in a batch that holds each (attack round 49: normalised one
        # way only, they were a grid no image normalised with a dataset's statistics lies on; a model that tests its
        # input for any one pipeline's grid meets that pipeline in every judged batch)
        normalised = 1 + seed % len(wire.NORMALISATIONS) if image and offset == 0 and len(shape) >= 3 else 0
        if normalised:
            batch = max(batch, len(wire.NORMALISATIONS))
        inputs.append((wire.Uniform((batch, *shape[1:]), seed, bound, offset, blur, levels, normalised), gradients,
                       weight_scale))
    return tuple(inputs)


def _drawn_int(bounds: tuple[int, int], generator: torch.Generator) -> int:
    """An integer from ``bounds[0]`` to ``bounds[1]`` (both included), drawn from ``generator``."""
    return int(torch.randint(bounds[0], bounds[1] + 1, (), generator=generator))


def weights_for(model: nn.Module, generator: torch.Generator, scale: float = 1.0) -> list[dict]:
    """Random weights for ``model``'s parametrised leaves, in order, as the probe's ``forward`` takes them.

    Each tensor is described (:class:`wire.Uniform`: its shape, a seed drawn from ``generator``,
    and the bound ``scale / sqrt(fan_in)``, ``scale`` times that of torch's own initialisation) and
    drawn from its description into ``model``, so that it computes the reference output with exactly
    the tensors the worker draws from the same description.
    """
    specs = []
    with torch.no_grad():
        for m in parametrised_leaves(model):
            own = dict(m.named_parameters(recurse=False))
            fan_in = max(1, own["weight"][0].numel())
            bound = scale * fan_in ** -0.5
            tensors = {}
            for name, p in own.items():
                described = wire.Uniform(tuple(p.shape), draw_seed(generator), bound)
                p.copy_(described.to_tensor())
                tensors[name] = described
            specs.append({"kind": type(m).__name__, "tensors": tensors})
    return specs
