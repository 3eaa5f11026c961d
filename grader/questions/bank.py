"""The loaded question bank: every question with its prompt, code cells and checks.

Judge side only.  Loading imports every question's ``checks`` module, and so torch
and the reference models; a sandboxed worker never imports it.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import importlib.resources

from . import INFO, LayoutError, QuestionInfo, total_points
from .base import Check, Context, Question


@functools.lru_cache(maxsize=None)
def _environment():
    """prompt.md, starter.py and solution.py are templates of a variant's numbers.  Plain text (no escaping:
    Markdown and Python); an unknown name is an error, never an empty string.  Made on first use: grading
    renders no text."""
    import jinja2

    return jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)


@functools.lru_cache(maxsize=None)
def _template(folder: str, name: str):
    here = importlib.resources.files(importlib.import_module(f".{folder}", __package__))
    return _environment().from_string((here / name).read_text(encoding="utf-8"))


def texts(folder: str, params: dict, answers: dict, *, lecture: bool) -> dict[str, str]:
    """``prompt``, ``starter`` and ``solution`` of the question in ``folder``, with these numbers.

    ``params`` are the question's parameters, ``answers`` what torch makes of them (its
    ``variant.answers``), ``lecture`` whether they are the lecture's (the prompt may then
    say "the lecture's").
    """
    meta = importlib.import_module(f".{folder}", __package__)
    values = {"p": params, "a": answers, "lecture": lecture, "letters": getattr(meta, "LETTERS", ())}
    rendered = {name: _template(folder, f"{name}{ext}").render(values)
                for name, ext in (("prompt", ".md"), ("starter", ".py"), ("solution", ".py"))}
    rendered["prompt"] = rendered["prompt"].rstrip("\n")
    return rendered


def _load(info: QuestionInfo) -> Question:
    from ..variants import lecture
    from ..variants.verify import question_answers

    checks_module = importlib.import_module(f"{info.module}.checks", __package__)
    checks = tuple(dataclasses.replace(c, id=f"{info.id}.{c.id}") for c in checks_module.CHECKS)
    params = lecture().of(info.id)
    question = Question(id=info.id, title=info.title, topic=info.topic,
                        texts=lambda: texts(info.folder, params, question_answers(info, params, drawn=False),
                                            lecture=True),
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


def for_variant(variant, answers: dict) -> tuple[Question, ...]:
    """Every question with ``variant``'s numbers in its texts and its checks' descriptions (``answers``:
    :func:`grader.variants.verify.answers`)."""
    numbers = None if variant.is_lecture else variant.params
    return tuple(dataclasses.replace(q, texts=functools.partial(texts, q.folder, variant.of(q.id), answers[q.id],
                                                                 lecture=variant.is_lecture),
                                     checks=tuple(dataclasses.replace(c, description=c.description_for(numbers))
                                                  for c in q.checks))
                 for q in QUESTIONS)


def question(qid: str) -> Question:
    """The question with id ``qid``; ``KeyError`` if there is none."""
    for q in QUESTIONS:
        if q.id == qid:
            return q
    raise KeyError(qid)


__all__ = ["CHECKS", "Check", "Context", "QUESTIONS", "QUESTION_IDS", "Question", "question", "total_points"]
