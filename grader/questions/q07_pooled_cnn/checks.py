"""The lecture's pooled CNN, built as a module and judged by what its forward pass does.

The network is the student's variant's (the lecture's without a course key): the checks of one
network are made once and kept, so that the reference models they describe are cached alike.
"""

from __future__ import annotations

import functools
import json

from .. import params, reference
from ..base import Check
from ..model_checks import (missing_relu, output_shape_check, outputs_check, param_count_check, structure_check,
                            trained_first)
from . import LECTURE, public


@functools.lru_cache(maxsize=None)
def _factory(network: str, padding: int | None = None, relu: tuple[bool, bool] = (True, True)):
    """The reference network of these numbers (JSON), as one callable per numbers (a cache key)."""
    return functools.partial(reference.PooledCNN, padding=padding, relu=relu, network=json.loads(network))


@functools.lru_cache(maxsize=256)
def _checks_of(network: str) -> dict:
    numbers = json.loads(network)
    build = _factory(network)

    def shape(batch: int) -> tuple[int, int, int, int]:
        return reference.pooled_input_shape(numbers, batch)

    return {
        "structure": structure_check("CNN", build, lambda rng: (), lambda args: shape(1)),
        "params": param_count_check("CNN", build, (), shape(1), [
            ("no_padding", lambda: reference.param_count(_factory(network, padding=0)()),
             ("The count is what the network has *without* padding.",
              f"With padding={numbers['padding']} the last feature map is larger, and so is the Linear layer.")),
        ]),
        "output_shape": output_shape_check("CNN", (), lambda rng: shape(rng.randint(2, 5)), build, shape(1)),
        "outputs": outputs_check("CNN", build, lambda rng: (), lambda args: shape(3), [
            ("missing_relu", _factory(network, relu=(False, True)), missing_relu("first", "the first convolution")),
            ("missing_relu", _factory(network, relu=(True, False)), missing_relu("second", "the second convolution")),
            ("missing_relu", _factory(network, relu=(False, False)), missing_relu("first", "the convolutions")),
        ]),
        "first": trained_first(("CNN", build, lambda rng: (), lambda args: shape(1)[1:])),
    }


def _of_network(name: str):
    """Check ``name`` of the student's network."""
    def run(probe, context):
        return _checks_of(json.dumps(params(__name__, context)["network"], sort_keys=True))[name](probe, context)
    run.__name__ = f"q7_{name}"
    return run


def _runs_described(numbers: dict) -> str:
    network = numbers["network"]
    return f"CNN() maps one {network['channels'][0]}x{network['side']}x{network['side']} image to shape (1, 1)"


#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("runs", _runs_described(LECTURE), 0, False, public.q7_runs, described=_runs_described),
    Check("structure", "the convolution, pooling and Linear layers and their hyper-parameters", 1, True,
          _of_network("structure"),
          first=_of_network("first")),
    Check("params", "the parameter count matches the reference network's", 1, True, _of_network("params"),
          first=_of_network("first")),
    Check("output_shape", "a random batch gives one output per image", 1, True, _of_network("output_shape"),
          first=_of_network("first")),
    Check("outputs", "with the reference's weights, the outputs match the reference network's", 1, True,
          _of_network("outputs"),
          first=_of_network("first")),
)
