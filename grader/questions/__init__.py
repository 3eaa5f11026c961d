"""The questions of the assignment, one folder each, named ``qNN_<what it asks>``.

A question's folder holds everything the question is:

- ``__init__.py``: its metadata (``TITLE``, ``TOPIC``, ``POINTS``, and what its public
  checks need, such as answer letters), importable without torch;
- ``prompt.md``, ``starter.py``, ``solution.py``: what the notebook shows, and the answer;
- ``public.py``: the checks students run in their notebook, shipped with the check API;
- ``checks.py``: ``CHECKS``, every check of the question, public ones first, with the
  mistakes it names and their feedback.

The id (``qN``) is the folder's number and the order is the numbers' order: nothing
lists the questions again.  Shared oracles and helpers are the modules beside the
folders.  This module reads metadata only (no torch); the judge's bank module loads
the checks.  See docs/authoring.md.
"""

from __future__ import annotations

import functools
import importlib
import json
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
    """``q`` and the folder's number, without leading zeros: ``q5`` for ``q05_...``."""
    folder: str
    """The folder's name, such as ``q05_count_formulas``."""
    title: str
    topic: str
    points: float
    """The points its checks add up to (verified when the checks are loaded)."""

    @property
    def module(self) -> str:
        """The folder as a module name relative to this package."""
        return f".{self.folder}"


class LayoutError(Exception):
    """A question folder breaks the contract above: a name, a number twice, points that do not add up."""


def _folders() -> list[tuple[int, str]]:
    found: dict[int, list[str]] = {}
    for path in HERE.iterdir():
        if not path.is_dir() or not re.match(r"q\d", path.name):
            continue  # shared modules, __pycache__
        match = FOLDER.fullmatch(path.name)
        if not match or not (path / "__init__.py").is_file():
            raise LayoutError(f"{path.name}: a question folder is named q<number>_<lower-case words> and holds "
                              "an __init__.py")
        found.setdefault(int(match.group(1)), []).append(path.name)
    clashes = sorted(name for names in found.values() if len(names) > 1 for name in names)
    if clashes:
        raise LayoutError(f"question folders share a number: {', '.join(clashes)}")
    return sorted((n, names[0]) for n, names in found.items())


def _info(number: int, folder: str) -> QuestionInfo:
    meta = importlib.import_module(f".{folder}", __name__)
    return QuestionInfo(id=f"q{number}", folder=folder, title=meta.TITLE, topic=meta.TOPIC,
                        points=float(meta.POINTS))


@functools.lru_cache(maxsize=None)
def _discover() -> tuple[QuestionInfo, ...]:
    return tuple(_info(n, f) for n, f in _folders())


def __getattr__(name: str):
    # Found on first use (PEP 562), so that a broken folder is the error of the command that
    # needs the questions, in one line, and never of an import (--help keeps working).
    if name == "INFO":  # every question, in order
        return _discover()
    if name == "QUESTION_IDS":  # their ids, in order: q1 ... q10
        return tuple(q.id for q in _discover())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def info(qid: str) -> QuestionInfo:
    """The question with id ``qid``; ``KeyError`` if there is none."""
    for q in _discover():
        if q.id == qid:
            return q
    raise KeyError(qid)


def total_points() -> float:
    """The assignment's total, from the questions' metadata (no torch)."""
    return round(sum(q.points for q in _discover()), 6)


#: In a student's folder, beside the vendored ``questions`` package: the numbers of their variant
#: (``{question id: parameters}``), written by ``cnn-grader variants``.  Absent: the lecture's.
VARIANT_FILE = "variant.json"


def _question_of(module_name: str) -> tuple[str, str]:
    parts = module_name.split(".")
    folder = next(p for p in parts if FOLDER.fullmatch(p))
    return f"q{int(FOLDER.fullmatch(folder).group(1))}", folder


@functools.lru_cache(maxsize=1)
def _vendored_variant() -> dict | None:
    try:
        return json.loads((HERE.parent / VARIANT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def params(module_name: str, context=None) -> dict:
    """The numbers of the question whose folder (or a module in it) is ``module_name``.

    A check passes its ``__name__`` and its context: in a grading run the context carries the
    student's variant, chosen by the judge; in the student's notebook (no context) the variant
    written beside the vendored checks is theirs.  Otherwise, the lecture's numbers.

    Example:
        >>> params("grader.questions.q02_output_size.public")["size"]
        100
    """
    qid, folder = _question_of(module_name)
    variant = getattr(context, "variant", None) if context is not None else _vendored_variant()
    if variant and qid in variant:
        return variant[qid]
    return getattr(importlib.import_module(f".{folder}", __name__), "LECTURE", {})
