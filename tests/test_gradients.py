"""The judge's comparison of a model's gradients with the reference's (model_checks.gradients_differ).

A correct network written another way than torch's layers rounds differently in float32, and a ReLU input
within rounding of zero then lets its gradient through in one and not the other: such a model must never be
told its gradients are wrong, on any draw.  What a cheat does to gradients (reversed, zeroed, kept for one kind
of parameter) must be found on every draw.  Run in-process on the reference's own draws (no worker): the
probe's side is tested elsewhere.
"""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from grader.checkapi import wire
from grader.questions import model_checks, reference

#: The draws: 3 and 136 are where torch's fused convolution and a bias added after F.conv2d (or channels-last)
#: disagree most, on a ReLU's side of zero (the worst of a scan of 300 draws; draw 3 failed the comparison
#: relative to the largest gradient, at 1e-2).
DRAWS = (*range(0, 50), 136)


class BiasAfterConv(nn.Module):
    """The lecture's ConvNet with each bias added after F.conv2d (fairness round 11)."""

    def __init__(self, input_channels):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(input_channels, 3, 3, padding=1)] +
                                   [nn.Conv2d(3, 3, 3, padding=1) for _ in range(4)])
        self.fc = nn.Linear(49152, 1)

    def forward(self, x):
        for conv in self.convs:
            x = F.relu(F.conv2d(x, conv.weight, None, 1, 1) + conv.bias.view(1, -1, 1, 1))
        return self.fc(x.flatten(1))


class ChannelsLast(reference.ConvNet):
    """The reference network run on a channels-last input (fairness rounds 4 and 15)."""

    def forward(self, x):
        return super().forward(x.contiguous(memory_format=torch.channels_last))


def _draws():
    """``(seed, reference, its weights, input, channels, reference gradients)`` of each live draw of
    :data:`DRAWS`: where every parameter gets some gradient (the judge draws again where one gets none)."""
    for seed in DRAWS:
        gen = torch.Generator().manual_seed(seed)
        channels, batch = (1, 3, 5)[seed % 3], 2 + seed % 3
        ref = reference.ConvNet(channels)
        specs = reference.weights_for(ref, gen)
        x = wire.Uniform((batch, channels, 128, 128), reference.draw_seed(gen), 0.5, 0.5)  # the training probe's
        want = reference.gradients(ref, x)
        if all(bool(g.value.any()) for g in want.values()):
            yield seed, ref, specs, x, channels, want


@pytest.fixture(scope="module")
def draws():
    return list(_draws())


def _plain_gradients(model: nn.Module, x: wire.Uniform) -> dict:
    """A submission's gradients as the probe sends them: ``{(leaf index, name): array}``, the same weighting."""
    named = [((i, name), p) for i, m in enumerate(reference.parametrised_leaves(model))
             for name, p in m.named_parameters(recurse=False)]
    flat = model(x.to_tensor()).flatten()
    total = (flat * wire.output_weighting(x, flat.numel())).sum()
    found = torch.autograd.grad(total, [p for _, p in named])
    return {slot: wire.decode(wire.encode(g)) for (slot, _), g in zip(named, found)}


def test_most_draws_are_live(draws):
    assert len(draws) >= len(DRAWS) // 2  # else the tests below judge little


@pytest.mark.parametrize("implementation", [BiasAfterConv, ChannelsLast], ids=lambda c: c.__name__)
def test_a_correct_network_written_another_way_has_the_network_s_gradients_on_every_draw(draws, implementation):
    failed = []
    for seed, _, specs, x, channels, want in draws:
        student = reference.load_weights(implementation(channels), specs)
        if model_checks.gradients_differ(_plain_gradients(student, x), want) is not None:
            failed.append(seed)
    assert not failed, f"correct gradients called wrong on draws {failed}"


def test_the_terms_bound_each_gradient(draws):
    # |sum of terms| <= sum of |terms|, up to float32 rounding: the scale is never smaller than the gradient
    for seed, _, _, _, _, want in draws[:6]:
        for slot, g in want.items():
            assert g.terms.shape == g.value.shape, (seed, slot)
            assert bool((g.terms * (1 + 1e-4) + 1e-12 >= g.value.abs()).all()), (seed, slot)


CHEATS = {
    "reversed": lambda layer, role, head, g: -g,
    "zeroed": lambda layer, role, head, g: g * 0,
    "halved": lambda layer, role, head, g: g / 2,
    "bias_only": lambda layer, role, head, g: g * 0 if role == "weight" else g,
    "weights_only": lambda layer, role, head, g: g * 0 if role == "bias" else g,
    "head_only": lambda layer, role, head, g: g * 0 if layer != head else g,
    "convolutions_frozen_but_the_first": lambda layer, role, head, g: g * 0 if 0 < layer < head else g,
}


@pytest.mark.parametrize("cheat", sorted(CHEATS))
def test_what_a_cheat_does_to_gradients_is_found_on_every_draw(draws, cheat):
    missed = []
    for seed, _, _, _, _, want in draws:
        head = max(layer for layer, _ in want)
        got = {(layer, role): wire.decode(wire.encode(CHEATS[cheat](layer, role, head, g.value)))
               for (layer, role), g in want.items()}
        if model_checks.gradients_differ(got, want) is None:
            missed.append(seed)
    assert not missed, f"{cheat} gradients passed for draws {missed}"


class BiasDrift(BiasAfterConv):
    """Attack round 21, moved off the parameters: each convolution's output gradient gets 1.5e-3 of its mean
    absolute value per channel added, the same way whatever reaches it: each bias gradient moves by 1.5e-3 of the
    sum of its terms' absolute values, inside the tolerance, and every training step drifts the biases alike."""

    def forward(self, x):
        for conv in self.convs:
            y = F.conv2d(x, conv.weight, None, 1, 1)
            if y.requires_grad:
                y.register_hook(lambda g: g + 1.5e-3 * g.abs().mean((0, 2, 3), keepdim=True))
            x = F.relu(y + conv.bias.view(1, -1, 1, 1))
        return self.fc(x.flatten(1))


class HookedBiasView(BiasAfterConv):
    """Attack round 21 as filed: the hook on the bias's view, where the judge's values stand in for the bias."""

    def forward(self, x):
        for conv in self.convs:
            bias = conv.bias.view(1, -1, 1, 1)
            if bias.requires_grad:
                bias.register_hook(lambda g: g * 0)
            x = F.relu(F.conv2d(x, conv.weight, None, 1, 1) + bias)
        return self.fc(x.flatten(1))


def _through_the_handler(model_class, draws):
    """``[(seed, gradients_differ's verdict)]``: the model's gradients and negated gradients asked through the
    handler (LocalProbe), as the judge asks a worker."""
    from grader.checkapi.probe import LocalProbe

    verdicts = []
    for seed, _, specs, x, channels, want in draws:
        probe = LocalProbe({"ConvNet": model_class})
        got = probe.gradients("ConvNet", (channels,), specs, x)
        negated = probe.negated_gradients("ConvNet", (channels,), specs, x)
        verdicts.append((seed, model_checks.gradients_differ(got, want, negated)))
    return verdicts


def test_the_negated_weighting_gives_a_correct_network_s_gradients_negated(draws):
    verdicts = _through_the_handler(BiasAfterConv, draws[:12])
    assert [seed for seed, verdict in verdicts if verdict is not None] == []


def test_a_hook_on_a_parameter_s_view_makes_the_pass_unjudgeable(draws):
    from grader.checkapi.probe import LocalProbe, WeightsMismatch

    seed, _, specs, x, channels, _ = draws[0]
    with pytest.raises(WeightsMismatch, match="gradient hook"):
        LocalProbe({"ConvNet": HookedBiasView}).gradients("ConvNet", (channels,), specs, x)


def test_a_drift_of_the_output_gradients_is_found_through_the_handler(draws):
    verdicts = _through_the_handler(BiasDrift, draws[:12])
    assert [seed for seed, verdict in verdicts if verdict is None] == []


def test_a_drift_inside_the_tolerance_is_found_by_the_negated_weighting(draws):
    # Gradients moved by 1.5e-3 of their terms the same way in both backward passes: inside the tolerance against
    # the reference, never the negation of each other.
    missed = []
    for seed, _, _, _, _, want in draws:
        drift = {slot: 1.5e-3 * g.terms.max() * torch.ones_like(g.value) for slot, g in want.items()}
        got = {slot: wire.decode(wire.encode(g.value + drift[slot])) for slot, g in want.items()}
        negated = {slot: wire.decode(wire.encode(-g.value + drift[slot])) for slot, g in want.items()}
        assert model_checks.gradients_differ(got, want) is None, seed
        if model_checks.gradients_differ(got, want, negated) is None:
            missed.append(seed)
    assert not missed, f"a drift passed for draws {missed}"


class AlternatingDrift(BiasDrift):
    """Attack round 22's alternation: the drift reversed when the input tensor of the last pass comes back (as the
    judge's pass after its backward pass once did), so that the two judged passes cancel and training, whose
    batches are new tensors, drifts every step."""

    def forward(self, x):
        again = x is getattr(self, "last_input", None)
        self.__dict__["last_input"] = x
        for conv in self.convs:
            y = F.conv2d(x, conv.weight, None, 1, 1)
            if y.requires_grad:
                sign = -1.0 if again else 1.0
                y.register_hook(lambda g, sign=sign: g + sign * 1.5e-3 * g.abs().mean((0, 2, 3), keepdim=True))
            x = F.relu(y + conv.bias.view(1, -1, 1, 1))
        return self.fc(x.flatten(1))


def test_a_drift_that_reverses_when_the_same_input_returns_is_found(draws):
    verdicts = _through_the_handler(AlternatingDrift, draws[:6])
    assert [seed for seed, verdict in verdicts if verdict is None] == []


def test_the_pass_after_the_backward_pass_gets_another_tensor_of_the_same_values(draws):
    # What defeats the alternation above whatever its size: the model cannot tell the judge's second pass by its
    # input tensor coming back, as no training batch does.
    from grader.checkapi.probe import LocalProbe

    seen = []

    class Recording(BiasAfterConv):
        def forward(self, x):
            if torch.is_grad_enabled():
                seen.append(x)
            return super().forward(x)

    seed, _, specs, x, channels, _ = draws[0]
    LocalProbe({"ConvNet": Recording}).gradients("ConvNet", (channels,), specs, x)
    assert len(seen) == 2, len(seen)
    first, again = seen
    assert first is not again and first.data_ptr() != again.data_ptr()
    assert torch.equal(first, again)
