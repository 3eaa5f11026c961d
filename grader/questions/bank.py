"""The lecture-6 question bank: every question defined once, in lecture order.

Judge side only.  This package holds the hidden checks and imports the
reference models; a sandboxed worker never imports it.
"""

from __future__ import annotations

from .base import Check, Context, Question
from . import convolution, models, params, quiz, shapes

QUESTIONS: tuple[Question, ...] = (
    shapes.Q1, shapes.Q2, shapes.Q3, params.Q4, params.Q5, convolution.Q6, models.Q7, models.Q8, quiz.Q9, quiz.Q10,
)
QUESTION_IDS = tuple(q.id for q in QUESTIONS)
CHECKS: dict[str, Check] = {c.id: c for q in QUESTIONS for c in q.checks}


def question(qid: str) -> Question:
    """The question with id ``qid``; ``KeyError`` if there is none."""
    for q in QUESTIONS:
        if q.id == qid:
            return q
    raise KeyError(qid)


def total_points() -> float:
    return round(sum(q.points for q in QUESTIONS), 6)


__all__ = ["CHECKS", "Check", "Context", "QUESTIONS", "QUESTION_IDS", "Question", "question", "total_points"]
