"""A variant's reference answers, from torch, and its verification.  Judge side (imports torch).

Each question folder's ``variant.py`` computes the answers its numbers make right (torch's
output sizes, parameter counts, convolutions, statements' truths) and refuses numbers that are
not sensible (:class:`~grader.variants.VariantError`): that is the verification every drawn
variant passes before a notebook is written from it.
"""

from __future__ import annotations

import importlib

from .. import questions
from . import Variant


def _variant_module(folder: str):
    return importlib.import_module(f"..questions.{folder}.variant", __package__)


def answers(variant: Variant) -> dict:
    """``{question id: reference answers}`` of ``variant``; raises ``VariantError`` if it is not sensible."""
    return {q.id: _variant_module(q.folder).answers(variant.of(q.id), drawn=not variant.is_lecture)
            for q in questions.INFO}
