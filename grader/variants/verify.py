"""A variant's reference answers, from torch, and its verification.  Judge side (imports torch).

Each question folder's ``variant.py`` computes the answers its numbers make right (torch's
output sizes, parameter counts, convolutions, statements' truths) and refuses numbers that are
not sensible (:class:`~grader.variants.VariantError`): that is the verification every drawn
variant passes before a notebook is written from it.
"""

from __future__ import annotations

import contextlib
import importlib

from .. import questions
from . import Variant


@contextlib.contextmanager
def _one_thread():
    """torch on one thread while verifying: the tensors are tiny, and a pool of threads on a busy
    machine spins (measured: 40 variants took 22 s on two threads under load, 1.7 s on one)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _variant_module(folder: str):
    """The folder's ``variant`` module; None for a question without numbers to vary (no answers)."""
    try:
        return importlib.import_module(f"..questions.{folder}.variant", __package__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__.rsplit('.', 1)[0]}.questions.{folder}.variant":
            raise
        return None


def question_answers(info: questions.QuestionInfo, params: dict, *, drawn: bool) -> dict:
    """The reference answers of one question's ``params``; ``VariantError`` if they are not sensible."""
    module = _variant_module(info.folder)
    return module.answers(params, drawn=drawn) if module else {}


def answers(variant: Variant) -> dict:
    """``{question id: reference answers}`` of ``variant``; raises ``VariantError`` if it is not sensible."""
    with _one_thread():
        return {q.id: question_answers(q, variant.of(q.id), drawn=not variant.is_lecture) for q in questions.INFO}
