"""Per-student handouts: each student's notebook with their own numbers, and its solution.

``DIR/<student>/`` holds what ``exercises/`` holds (the notebook, ``tests/`` and the vendored
checks), with the student's numbers in the notebook and beside the vendored checks
(``variant.json``: parameters only, which the prompt shows anyway; no answer).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..assignment import NOTEBOOK
from ..errors import BuildError
from ..questions import VARIANT_FILE, bank
from ..variants import Variant, VariantError, for_student
from ..variants.roster import Student
from ..variants.verify import answers as verified_answers
from .artifacts import VENDORED, vendored_files
from .notebooks import notebook
from .otter_tests import otter_test_file


def handout_files(variant: Variant) -> tuple[dict[str, bytes], bytes]:
    """The files of one student's folder, by path inside it, and the solutions notebook.

    The variant is verified first (:mod:`grader.variants.verify`): a variant that is not sensible
    is a ``BuildError``, never a notebook.
    """
    try:
        found = verified_answers(variant)
    except VariantError as exc:
        raise BuildError(f"variant {variant.tag}: {exc}") from None
    questions = bank.for_variant(variant, found)
    tag = None if variant.is_lecture else variant.tag
    files = {NOTEBOOK: notebook(answered=False, questions=questions, variant_tag=tag).encode()}
    for q in questions:
        files[f"tests/{q.id}.py"] = otter_test_file(q, student_package=VENDORED).encode()
    files.update({f"{VENDORED}/{path}": data for path, data in vendored_files().items()})
    files[f"{VENDORED}/{VARIANT_FILE}"] = (json.dumps(variant.params, sort_keys=True, indent=1) + "\n").encode()
    return files, notebook(answered=True, questions=questions, variant_tag=tag).encode()


def write_handouts(students: list[Student], key: bytes, out: Path, solutions: Path | None = None) -> list[str]:
    """Write every student's folder under ``out`` (and solution under ``solutions``); the variants' tags.

    Nothing is written until every variant has been drawn and verified.
    """
    made = []
    for s in students:
        variant = for_student(key, s.email)
        made.append((s, variant, *handout_files(variant)))
    try:
        for s, variant, files, solution in made:
            for path, data in files.items():
                target = out / s.student / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            if solutions is not None:
                solutions.mkdir(parents=True, exist_ok=True)
                (solutions / f"{s.student}.ipynb").write_bytes(solution)
    except OSError as exc:
        raise BuildError(f"cannot write {exc.filename}: {exc.strerror}") from None
    return [variant.tag for _, variant, _, _ in made]
