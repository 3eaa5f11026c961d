"""Every CSV file cnn-grader writes is made here, each cell through one guard.

A spreadsheet opening the file must show every cell as text and run none: a cell that starts like
a formula (:data:`FORMULA_START`, once leading spaces and control characters are passed over) gets
a leading apostrophe.  Two kinds of cell differ, on purpose, in what else is done:

* cells we make (``grades.csv``, ``gradebook.csv``) are one line each: control characters (new
  lines, carriage returns, tabs) become spaces, so no cell starts another row; and every cell that
  starts like a formula is guarded, ``-1`` too, since we write no negative number: that is a name a
  student chose;
* cells copied from a Canvas export (``copied=True``: ``canvas_import.csv``) come back as Canvas
  wrote them, since Canvas reads the file again and would store what changed: a name spanning lines
  stays (quoted), a number stays a number (a negative grade, ``-2.00``; Canvas's ``-`` for no score),
  and so does Canvas's own guard ``="<name>"``, a formula that only gives its text.  Canvas matches
  students by ``ID`` (digits), so a guarded name changes nothing in the import.
"""

from __future__ import annotations

import csv
import io
import re

#: What a spreadsheet may read as the start of a formula (or of a DDE command).
FORMULA_START = ("=", "+", "-", "@", "|", "%")
#: Canvas's guard for a name starting with ``=``: ``="<name>"``, a formula that only gives its text.
CANVAS_GUARD = re.compile(r'="[^"]*"', re.DOTALL)
#: A cell a spreadsheet reads as a number (a negative grade, -2.00) or as text (Canvas's "-"): not a formula.
PLAIN = re.compile(r"\s*[-+]?(\d[\d.,]*%?)?\s*")


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


def csv_cell(value, *, copied: bool = False) -> str:
    """``value`` as a cell a spreadsheet shows as text and never runs (see the module docstring):
    ``copied`` for a cell of a Canvas export, written back as it was unless it would run."""
    text = value if isinstance(value, str) else str(value)
    runs = _one_line(text).lstrip()[:1] in FORMULA_START
    if not copied:
        text = _one_line(text)
    elif CANVAS_GUARD.fullmatch(text) or PLAIN.fullmatch(text):
        runs = False
    return "'" + text if runs else text


def csv_document(header: list[str], rows: list[list], *, copied: bool = False) -> str:
    """A CSV file whose every cell went through :func:`csv_cell` (``copied`` as there)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in [header, *rows]:
        writer.writerow([csv_cell(c, copied=copied) for c in row])
    return out.getvalue()
