"""Per-student variants: every student's own numbers, drawn from a course key and their email.

A variant is a seed and, per question, the parameters its folder declares (``LECTURE``, the
lecture's numbers, and ``draw(rng, earlier)``, within ranges that keep the question sensible).
The seed is ``HMAC-SHA256(course key, normalised email)``: the same key and student give the
same variant on any machine, and without the key nobody can tell another student's numbers.
Without a key everybody gets the lecture's numbers (:func:`lecture`), today's notebook.

Standard library only: the CLI reads variants without torch.  Their verification (reference
answers and statements' truth from torch) is :mod:`grader.variants.verify`, judge side.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import os
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import keyfile, questions
from ..errors import GraderError
from ..keyfile import MIN_KEY_BYTES  # noqa: F401  (what a course key needs, as this package has said)

#: The tag of the lecture's variant (no key).
LECTURE_TAG = "lecture"


class CourseKeyError(GraderError):
    """A course key that cannot be used (missing, unreadable, too short)."""


def new_key(path: Path) -> None:
    """Write a new random course key to ``path``, readable by its owner only; never overwrite one."""
    try:
        keyfile.write_new_key(path)
    except FileExistsError:
        raise CourseKeyError(f"{path}: already exists; a course key is never overwritten") from None
    except OSError as exc:
        raise CourseKeyError(f"{path}: {exc.strerror}") from None


def read_key(path: Path) -> bytes:
    """The course key in ``path``: its bytes as they are (any file of ``MIN_KEY_BYTES`` or more)."""
    return keyfile.read_key(path, "the course key", CourseKeyError)


def normalise_email(email: str) -> str:
    """The identity an email stands for: NFKC, surrounding spaces removed, case folded."""
    return unicodedata.normalize("NFKC", email).strip().casefold()


def seed_for(key: bytes, email: str) -> int:
    """The variant seed of the student with ``email``: the first 8 bytes of HMAC-SHA256(key, email)."""
    if not normalise_email(email):
        raise ValueError("an empty email identifies nobody")
    digest = hmac.new(key, normalise_email(email).encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass(frozen=True)
class Variant:
    """One student's numbers: the seed they were drawn from, and each question's parameters."""

    seed: int | None
    """None for the lecture's numbers."""
    params: dict = field(compare=False)
    """``{question id: parameters}``, JSON values only."""

    @property
    def tag(self) -> str:
        """How a notebook and ``grades.json`` name the variant: the seed in hex, or ``lecture``."""
        return LECTURE_TAG if self.seed is None else f"{self.seed:016x}"

    @property
    def is_lecture(self) -> bool:
        return self.seed is None

    def of(self, qid: str) -> dict:
        """The parameters of question ``qid``."""
        return self.params[qid]

    def record(self) -> dict:
        """What ``grades.json`` and a notebook's metadata keep of it."""
        return {"tag": self.tag, "seed": self.seed, "params": self.params}

    def to_json(self) -> str:
        return json.dumps(self.record(), sort_keys=True)


def _folder_module(folder: str):
    return importlib.import_module(f"..questions.{folder}", __package__)


def _derive(seed: int, qid: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}:{qid}".encode()).digest()[:8], "big")


def lecture() -> Variant:
    """The lecture's numbers: every question's ``LECTURE``."""
    params: dict = {}
    for q in questions.INFO:
        params[q.id] = json.loads(json.dumps(getattr(_folder_module(q.folder), "LECTURE", {})))
    return Variant(None, params)


def from_seed(seed: int) -> Variant:
    """The variant of ``seed``: each question draws from its own stream, in the questions' order.

    A question whose folder names what it ``SHARES`` lends its parameters, under that name, to
    the questions after it (``draw(rng, earlier)``): the network whose shapes one question asks
    for is the one another asks to build, and no folder names another question.
    """
    params: dict = {}
    shared: dict = {}
    for q in questions.INFO:
        module = _folder_module(q.folder)
        draw = getattr(module, "draw", None)  # a question without numbers to vary has none
        drawn = json.loads(json.dumps(draw(random.Random(_derive(seed, q.id)), dict(shared)) if draw else {}))
        params[q.id] = drawn  # JSON values only, a copy of its own
        if getattr(module, "SHARES", None):
            shared[module.SHARES] = drawn
    return Variant(seed, params)


def for_student(key: bytes | None, email: str | None) -> Variant:
    """The variant of the student with ``email`` under ``key``; the lecture's without a key."""
    if key is None:
        return lecture()
    if not email:
        raise ValueError("a variant needs the student's email")
    return from_seed(seed_for(key, email))


def from_record(record: dict) -> Variant:
    """A variant back from :meth:`Variant.record` (its seed redrawn, so a record cannot choose numbers)."""
    seed = record.get("seed")
    return lecture() if seed is None else from_seed(int(seed))


class VariantError(Exception):
    """A drawn variant that is not sensible: ill-defined, ambiguous, or the lecture's worked example."""
