"""The loaded question bank: every question with its prompt, code cells and checks.

Judge side only.  Loading imports every question's ``checks`` module, and so torch
and the reference models; a sandboxed worker never imports it.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.resources

from . import INFO, LayoutError, QuestionInfo, total_points
from .base import Check, Context, Question


def _load(info: QuestionInfo) -> Question:
    folder = importlib.import_module(info.module, __package__)
    checks_module = importlib.import_module(f"{info.module}.checks", __package__)
    here = importlib.resources.files(folder)
    checks = tuple(dataclasses.replace(c, id=f"{info.id}.{c.id}") for c in checks_module.CHECKS)
    question = Question(id=info.id, title=info.title, topic=info.topic,
                        prompt=(here / "prompt.md").read_text(encoding="utf-8").rstrip("\n"),
                        starter=(here / "starter.py").read_text(encoding="utf-8"),
                        solution=(here / "solution.py").read_text(encoding="utf-8"),
                        checks=checks, folder=info.folder)
    if abs(question.points - info.points) > 1e-9:
        raise LayoutError(f"{info.folder}: its checks add up to {question.points:g} points, its POINTS "
                          f"says {info.points:g}")
    if len({c.id for c in checks}) != len(checks):
        raise LayoutError(f"{info.folder}: two checks share a name")
    return question


QUESTIONS: tuple[Question, ...] = tuple(_load(i) for i in INFO)
QUESTION_IDS = tuple(q.id for q in QUESTIONS)
CHECKS: dict[str, Check] = {c.id: c for q in QUESTIONS for c in q.checks}


def question(qid: str) -> Question:
    """The question with id ``qid``; ``KeyError`` if there is none."""
    for q in QUESTIONS:
        if q.id == qid:
            return q
    raise KeyError(qid)


__all__ = ["CHECKS", "Check", "Context", "QUESTIONS", "QUESTION_IDS", "Question", "question", "total_points"]
