"""A class roster: ``student,email`` and an optional ``name``, one row a student.

The student id names a folder of the handout and a row of the grades, so it is refused unless
it is a plain name; two rows of one student or one email are refused too (two students with
one email would get one variant).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from . import normalise_email

#: A student id usable as a folder and a file name on any system.
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}")


@dataclass(frozen=True)
class Student:
    student: str
    email: str
    name: str = ""


def read_roster(path: Path) -> list[Student]:
    """The students of ``path``, in its order; ``UsageError`` naming the first problem."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the roster ({exc})") from None
    rows = csv.DictReader(text.splitlines())
    header = [h.strip() for h in rows.fieldnames or []]
    if "student" not in header or "email" not in header:
        raise UsageError(f"{path}: a roster has the columns student,email (and optionally name)")
    students: list[Student] = []
    seen_ids: set[str] = set()
    seen_emails: set[str] = set()
    for line, row in enumerate(rows, start=2):
        row = {(k or "").strip(): (v or "").strip() if isinstance(v, str) else "" for k, v in row.items()}
        student, email = row.get("student", ""), row.get("email", "")
        if not student and not email:
            continue  # a blank line
        if not STUDENT_ID.fullmatch(student) or student in (".", ".."):
            raise UsageError(f"{path}, line {line}: {student!r} is not a usable student id (letters, digits, "
                             "and . _ @ + - inside)")
        if "@" not in email or not normalise_email(email):
            raise UsageError(f"{path}, line {line}: {email!r} is not an email")
        if student.casefold() in seen_ids:
            raise UsageError(f"{path}, line {line}: student {student!r} is listed twice")
        if normalise_email(email) in seen_emails:
            raise UsageError(f"{path}, line {line}: the email of {student!r} is another student's too")
        seen_ids.add(student.casefold())
        seen_emails.add(normalise_email(email))
        students.append(Student(student, email, row.get("name", "")))
    if not students:
        raise UsageError(f"{path}: the roster lists nobody")
    return students


class ClassVariants:
    """Each student's variant, found by the id a submission gives: the roster's student id, or the email."""

    def __init__(self, key: bytes, students: list[Student]):
        self._key = key
        self._by_id = {s.student.casefold(): s for s in students}
        self._by_email = {normalise_email(s.email): s for s in students}

    def student_of(self, owner_id: str) -> Student | None:
        return self._by_id.get(owner_id.casefold()) or self._by_email.get(normalise_email(owner_id))

    def variant_of(self, owner_id: str):
        """The variant of the student ``owner_id`` names; None if the roster does not list them."""
        from . import for_student

        student = self.student_of(owner_id)
        return None if student is None else for_student(self._key, student.email)

    def missing(self, owner_id: str) -> str:
        """Why ``owner_id`` has no variant."""
        return f"{owner_id!r} is not on the roster: no numbers to grade against"

    def everyone(self) -> list[tuple[str, object]]:
        """(student id, variant) of each student on the roster, in its order."""
        from . import for_student

        return [(s.student, for_student(self._key, s.email)) for s in self._by_id.values()]


class EmailVariants:
    """Each submitter's variant from their email alone (Gradescope's metadata gives it; no roster)."""

    def __init__(self, key: bytes):
        self._key = key

    def variant_of(self, owner_id: str):
        from . import for_student

        return for_student(self._key, owner_id) if "@" in owner_id else None

    def everyone(self) -> list[tuple[str, object]]:
        """Nobody: without a roster the classmates are unknown."""
        return []

    def missing(self, owner_id: str) -> str:
        return (f"no submitter's email in the submission's metadata (only {owner_id!r}): no numbers to grade "
                "against")
