"""The questions of the assignment, one folder each, named ``qNN_<what it asks>``.

A question's folder holds everything the question is:

- ``__init__.py``: its metadata (``TITLE``, ``TOPIC``, ``POINTS``, and what its public
  checks need, such as answer letters), importable without torch;
- ``prompt.md``, ``starter.py``, ``solution.py``: what the notebook shows, and the answer;
- ``public.py``: the checks students run in their notebook, shipped with the check API;
- ``checks.py``: ``CHECKS``, every check of the question, public ones first, with the
  mistakes it names and their feedback.

The id (``q7``) is the folder's number and the order is the numbers' order: nothing
lists the questions again.  Shared oracles and helpers are the modules beside the
folders.  This module reads metadata only (no torch); the judge's bank module loads
the checks.  See docs/authoring.md.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
#: A question's folder: ``q`` and its number, then what it asks.
FOLDER = re.compile(r"q(\d+)_[a-z0-9_]+")


@dataclass(frozen=True)
class QuestionInfo:
    """What is known of a question without loading its checks."""

    id: str
    """``q`` and the folder's number, without leading zeros: ``q7``."""
    folder: str
    """The folder's name: ``q07_pooled_cnn``."""
    title: str
    topic: str
    points: float
    """The points its checks add up to (verified when the checks are loaded)."""

    @property
    def module(self) -> str:
        """The folder as a module name relative to this package."""
        return f".{self.folder}"


def _folders() -> list[tuple[int, str]]:
    found = [(int(m.group(1)), p.name) for p in HERE.iterdir()
             if p.is_dir() and (m := FOLDER.fullmatch(p.name)) and (p / "__init__.py").is_file()]
    numbers = [n for n, _ in found]
    if len(set(numbers)) != len(numbers):
        raise ImportError(f"two question folders share a number: {sorted(name for _, name in found)}")
    return sorted(found)


def _info(number: int, folder: str) -> QuestionInfo:
    meta = importlib.import_module(f".{folder}", __name__)
    return QuestionInfo(id=f"q{number}", folder=folder, title=meta.TITLE, topic=meta.TOPIC,
                        points=float(meta.POINTS))


#: Every question, in order.
INFO: tuple[QuestionInfo, ...] = tuple(_info(n, f) for n, f in _folders())
#: Their ids, in order: ``q1`` ... ``q10``.
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in INFO)


def info(qid: str) -> QuestionInfo:
    """The question with id ``qid``; ``KeyError`` if there is none."""
    for q in INFO:
        if q.id == qid:
            return q
    raise KeyError(qid)


def total_points() -> float:
    """The assignment's total, from the questions' metadata (no torch)."""
    return round(sum(q.points for q in INFO), 6)
