"""Where results live: an append-only journal while grading, then grades.csv and grades.json.

Every finished submission is appended to ``journal.jsonl`` and flushed to
disk at once, so that a run killed at any point (``kill -9`` included) loses
at most the submissions in flight.  ``grades.csv`` and ``grades.json`` are
always replaced atomically (write, fsync, rename): a reader sees the old file
or the new one, never half of one.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from ..errors import ResultsError
from ..numbers import number
from ..records import SubmissionResult
from .csvfile import csv_document

JOURNAL = "journal.jsonl"
GRADES_JSON = "grades.json"
GRADES_CSV = "grades.csv"
FORMAT = 1


def text_bytes(text: str) -> bytes:
    """``text`` as UTF-8 for a page or a CSV, a lone surrogate written as ``?``.

    Text from students can hold one: an exception message a submission raised (``'\\ud800'``), a file name
    that is not UTF-8 (Python's surrogate escape).  Strict UTF-8 stopped every page of the class.
    """
    return text.encode("utf-8", errors="replace")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that no reader ever sees a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed write leaves no half file behind
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


class Journal:
    """The append-only record of a grading run: a header line, then one line per result."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / JOURNAL
        self._file = None

    def read(self) -> tuple[dict | None, list[SubmissionResult]]:
        """The header and the results recorded so far (a torn last line is ignored)."""
        if not self.path.exists():
            return None, []
        header, results = None, []
        try:
            lines = self.path.read_bytes().split(b"\n")
        except OSError as exc:
            raise ResultsError(f"cannot read {self.path}: {exc.strerror}") from None
        for line in lines:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the line a killed run was writing
            if "header" in record:
                header = record["header"]
            elif "result" in record:
                try:
                    results.append(SubmissionResult.from_dict(record["result"]))
                except TypeError:
                    continue
        return header, results

    def start(self, header: dict, keep: list[SubmissionResult]) -> None:
        """Begin a journal holding ``header`` and the results kept from an earlier run."""
        lines = [json.dumps({"header": header})] + [json.dumps({"result": r.to_dict()}) for r in keep]
        atomic_write(self.path, ("\n".join(lines) + "\n").encode())
        self._file = open(self.path, "ab")

    def append(self, result: SubmissionResult) -> None:
        self._file.write((json.dumps({"result": result.to_dict()}) + "\n").encode())
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file:
            self._file.close()
            self._file = None


def question_ids(results: list[SubmissionResult]) -> list[str]:
    """The questions graded, in the bank's order (every row carries the same maxima)."""
    ids: list[str] = []
    for r in results:
        ids += [q for q in r.max_scores if q not in ids]
    return ids


#: grades.csv's ``late`` column: late, on time, or empty when nothing says.
LATE_CELLS = {True: "late", False: "on time", None: ""}


def csv_text(results: list[SubmissionResult]) -> str:
    """grades.csv, one row per submission (per student for a group submission): ``student, name, submission,
    status, q1 ... q10, total, max_total``, then what lateness did: ``late, days_late, submitted_at, raw_total``
    (``total`` is after the late penalty, ``raw_total`` before it)."""
    ids = question_ids(results)
    return csv_document(["student", "name", "submission", "status", *ids, "total", "max_total",
                         "late", "days_late", "submitted_at", "raw_total"],
                        [[r.student, r.name, r.submission, r.status,
                          *(number(r.scores[q]) if q in r.scores else "" for q in ids), number(r.total),
                          number(r.max_total), LATE_CELLS[r.lateness.late],
                          "" if r.lateness.days is None else r.lateness.days, r.lateness.submitted_at,
                          number(r.raw_total)]
                         for r in results])


def write_grades(out_dir: Path, meta: dict, results: list[SubmissionResult]) -> None:
    results = sorted(results, key=lambda r: (r.source, r.student))
    doc = {"format": FORMAT, "meta": meta, "results": [r.to_dict() for r in results]}
    atomic_write(out_dir / GRADES_JSON, (json.dumps(doc, indent=1, sort_keys=False) + "\n").encode())
    atomic_write(out_dir / GRADES_CSV, text_bytes(csv_text(results)))


def load_results(out_dir: Path) -> tuple[dict, list[SubmissionResult]]:
    """Read ``grades.json`` back.

    Raises:
        ResultsError: it is missing, cannot be read, or is not what :func:`write_grades` writes (a file
            edited by hand: a total that is not a number, an id that is not text...).
    """
    path = out_dir / GRADES_JSON
    try:
        doc = json.loads(path.read_text())
    except FileNotFoundError:
        raise ResultsError(f"{path}: no such file (grade into {out_dir} first)") from None
    except OSError as exc:
        raise ResultsError(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise ResultsError(f"{path}: not a cnn-grader grades.json ({exc})") from None
    try:
        return _checked(doc)
    except (ValueError, KeyError, TypeError) as exc:
        raise ResultsError(f"{path}: not a cnn-grader grades.json ({str(exc).strip(chr(39))})") from None


def _checked(doc) -> tuple[dict, list[SubmissionResult]]:
    """The meta and rows of a grades.json document, each value of the type the grader writes."""
    if not isinstance(doc, dict):
        raise ValueError("not an object")
    if not isinstance(doc.get("meta"), dict):
        raise ValueError("its meta is not an object")
    if not isinstance(doc.get("results"), list):
        raise ValueError("its results are not a list")
    rows = []
    for i, data in enumerate(doc["results"], 1):
        where = f"row {i}" + (f" ({data['student']})" if isinstance(data, dict) and
                               isinstance(data.get("student"), str) else "")
        if not isinstance(data, dict):
            raise ValueError(f"{where}: not an object")
        for key in ("student", "submission", "source", "status", "name", "id_kind"):
            if not isinstance(data.get(key, ""), str):
                raise ValueError(f"{where}: {key} is not text")
        for key in ("total", "max_total", "raw_total"):
            value = data.get(key, 0.0 if key == "raw_total" else None)
            if value is None and key == "raw_total":
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError(f"{where}: {key} is not a number")
        try:
            rows.append(SubmissionResult.from_dict(data))
        except (TypeError, ValueError, KeyError, AttributeError):
            raise ValueError(f"{where}: not a row of grades") from None
    return doc["meta"], rows
