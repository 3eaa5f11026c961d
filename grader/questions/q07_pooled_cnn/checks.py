"""The lecture's pooled CNN, built as a module and judged by what its forward pass does."""

from __future__ import annotations

from .. import reference
from ..base import Check
from ..model_checks import missing_relu, output_shape_check, outputs_check, param_count_check, structure_check
from . import public

#: Public checks first, then the hidden ones, in the order they run.
CHECKS = (
    Check("runs", "CNN() maps one 1x100x100 image to shape (1, 1)", 0, False, public.q7_runs),
    Check("structure", "the convolution, pooling and Linear layers and their hyper-parameters", 1, True,
          structure_check("CNN", reference.PooledCNN, lambda rng: (), lambda args: (1, 1, 100, 100))),
    Check("params", "the parameter count matches the reference network's", 1, True,
          param_count_check("CNN", reference.PooledCNN, (), (1, 1, 100, 100), [
              ("no_padding", lambda: reference.param_count(reference.PooledCNN(padding=0)),
               ("The count is what the network has *without* padding.",
                "With padding=1 the last feature map is larger, and so is the Linear layer.")),
          ])),
    Check("output_shape", "a random batch gives one output per image", 1, True,
          output_shape_check("CNN", (), lambda rng: (rng.randint(2, 5), 1, 100, 100))),
    Check("outputs", "with the reference's weights, the outputs match the reference network's", 1, True,
          outputs_check("CNN", reference.PooledCNN, lambda rng: (), lambda args: (3, 1, 100, 100), [
              ("missing_relu", lambda: reference.PooledCNN(relu=(False, True)),
               missing_relu("first", "the first convolution")),
              ("missing_relu", lambda: reference.PooledCNN(relu=(True, False)),
               missing_relu("second", "the second convolution")),
              ("missing_relu", lambda: reference.PooledCNN(relu=(False, False)),
               missing_relu("first", "the convolutions")),
          ])),
)
