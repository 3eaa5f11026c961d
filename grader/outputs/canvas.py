"""Canvas's gradebook: read an instructor's export, write the file Canvas imports for one assignment.

An export is a CSV file (UTF-8, often with a BOM) laid out like this::

    Student,ID,SIS User ID,SIS Login ID,Section,Lecture 6 (4711),Quiz 1 (4712),Current Score,Final Score
        Points Possible,,,,,26.00,10.00,(read only),(read only)
    ,,,,,Manual Posting,,,
    "Lovelace, Ada",10234,A0001,ada,CS 101,,8.00,80.00,80.00

* the student columns run from ``Student`` to ``Section`` (the SIS columns are optional);
* an assignment column is titled ``<title> (<assignment id>)``; a column whose ``Points
  Possible`` cell reads ``(read only)`` is computed by Canvas (scores, grades) and never imported;
* before the students, a ``Points Possible`` row (often indented) and sometimes a row of
  ``Manual Posting`` (or ``Muted``) marks: they are kept where they are, never taken for students.

:func:`import_grades` writes ``canvas_import.csv``: the student columns as they were, the one
assignment column, the header rows (``Points Possible`` giving the grades' maximum), and each
student's best total.  Students are matched by the id each row of the grades carries, in the
column that id belongs to (a Canvas user id in ``ID``, Gradescope's SID in ``SIS User ID``, its
email in ``SIS Login ID``), never by name.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import assignment
from ..errors import ExportError, ResultsError, UsageError
from ..numbers import number
from ..records import ID_CANVAS, ID_EMAIL, ID_SID, SubmissionResult
from .csvfile import csv_document
from .results import atomic_write, load_results

IMPORT_CSV = "canvas_import.csv"
#: What the last import did (column, students matched, submissions left out), for the report.
IMPORT_SUMMARY = "canvas_import.json"

STUDENT, ID, SIS_USER_ID, SIS_LOGIN_ID, SECTION = "Student", "ID", "SIS User ID", "SIS Login ID", "Section"
POINTS_POSSIBLE = "Points Possible"
#: Marks Canvas writes in a row of its own under assignment columns whose grades are not posted.
POSTING_MARKS = ("Manual Posting", "Muted")
#: A cell of that row, as Canvas's importer recognises it (``Manual Posting (scores hidden from instructors)``
#: under an anonymous assignment): the row is made of these and blanks.
POSTING_ROW = re.compile(r"\s*(Muted|Manual Posting.*)?\s*", re.IGNORECASE | re.DOTALL)
READ_ONLY = "(read only)"
#: An excused student's cell.  It is kept: a grade never replaces an excuse (the summary lists them).
EXCUSED = "EX"
#: A cell of a student the assignment is not assigned to (or of an anonymous assignment not yet posted).
NOT_ASSIGNED = "N/A"
#: How Canvas names its test student (Student View): never a student with missing work.
TEST_STUDENT_NAMES = ("Student, Test", "Test Student")
ASSIGNMENT_COLUMN = re.compile(r"(?P<title>.*?)\s*\((?P<id>\d+)\)")
#: Titles Canvas's importer never takes for assignments (GradebookImporter's NON_ASSIGNMENT_COLUMN_HEADERS,
#: matched anywhere in the title, case and all): totals, grades, and the course's override scores.
NON_ASSIGNMENT = re.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|"
                            "Override Score|Override Grade|Override Status")
#: Largest export read: a class of thousands with hundreds of columns is far below.
MAX_EXPORT_BYTES = 64 * 1024 * 1024
#: Most cells read (each a Python string in memory: about 300 MB at most): 10,000 students by 400 columns fit.
MAX_EXPORT_CELLS = 4_000_000

#: The export's columns a student id of each kind may match, in Canvas's own order of matching.
#: Kinds that say nothing of what the id is (a folder's or a file's name) try each, and must not
#: name different students in different columns.
MATCH_COLUMNS = {ID_CANVAS: (ID,), ID_SID: (SIS_USER_ID,), ID_EMAIL: (SIS_LOGIN_ID,)}
ANY_COLUMN = (ID, SIS_USER_ID, SIS_LOGIN_ID)
#: The id of a student in an anonymous assignment's download (never in a gradebook export).
ANONYMOUS_PREFIX = "anon_"


# -- reading an export ------------------------------------------------------------------------------

@dataclass
class ExportRow:
    """One row of an export, padded to the header's width."""

    line: int
    """Its line in the file (1 is the header)."""
    kind: str
    """``points``, ``posting`` or ``student``."""
    cells: list[str]


@dataclass
class GradebookExport:
    """A Canvas gradebook export, as read: nothing in it is changed."""

    path: Path
    header: list[str]
    rows: list[ExportRow]
    student_columns: int
    """How many columns, from the first, describe the student (``Student`` .. ``Section``)."""
    bom: bool
    """The file began with a UTF-8 byte order mark (what Canvas writes; the import keeps it)."""
    warnings: list[str] = field(default_factory=list)

    @property
    def students(self) -> list[ExportRow]:
        return [r for r in self.rows if r.kind == "student"]

    @property
    def points_row(self) -> ExportRow | None:
        return next((r for r in self.rows if r.kind == "points"), None)

    def column(self, title: str) -> int | None:
        """The index of the student column ``title`` (None when the export has none)."""
        heads = [h.strip() for h in self.header[: self.student_columns]]
        return heads.index(title) if title in heads else None

    def read_only(self, index: int) -> bool:
        """Canvas computes this column: its ``Points Possible`` cell reads ``(read only)``."""
        points = self.points_row
        return bool(points) and points.cells[index].strip().lower() == READ_ONLY

    def assignment(self, index: int) -> bool:
        """Canvas imports this column as an assignment's grades: ``Title (id)``, not a total or an override."""
        title = self.header[index].strip()
        return bool(ASSIGNMENT_COLUMN.fullmatch(title)) and not NON_ASSIGNMENT.search(title)

    def assignment_columns(self) -> list[int]:
        """The columns a grade can be imported into: assignments (see :meth:`assignment`), after the student
        columns, not read only."""
        return [i for i in range(self.student_columns, len(self.header))
                if self.assignment(i) and not self.read_only(i)]


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def canvas_reads(student_columns: list[str]) -> bool:
    """Whether Canvas's importer reads these student columns (``Student`` .. ``Section``): it finds them by
    position (``GradebookImporter#update_column_count``), and refuses the file unless ``Section`` ends them
    where it counts: ``Student, ID, [SIS User ID, SIS Login ID, [Integration ID], [Root Account] | SIS Login ID],
    Section``."""
    count = 3
    if re.search(r"SIS\s+Login\s+ID", student_columns[2] if len(student_columns) > 2 else ""):
        count += 1
    elif (len(student_columns) > 3 and re.search(r"SIS\s+User\s+ID", student_columns[2])
          and re.search(r"SIS\s+Login\s+ID", student_columns[3])):
        integration = 1 if len(student_columns) > 4 and re.search(r"Integration\s+ID", student_columns[4]) else 0
        count += 2 + integration
        if len(student_columns) > 4 + integration and re.search(r"Root\s+Account", student_columns[4 + integration]):
            count += 1
    return len(student_columns) == count and SECTION in student_columns[count - 1]


def _lines(text: str):
    """``text``'s lines, each with its end (``\\n``, ``\\r\\n``, or ``\\r`` as an old Mac spreadsheet ends them): what
    ``csv.reader`` reads, without a copy of the whole text (``io.StringIO`` keeps four bytes a character)."""
    return (match.group() for match in _LINE.finditer(text))


def read_export(path: Path) -> GradebookExport:
    """Read a Canvas gradebook export.

    Raises:
        ExportError: the file cannot be read, is not UTF-8 CSV, or does not have Canvas's header
            (``Student``, ``ID``, ... ``Section``).
    """
    try:
        with open(path, "rb") as handle:  # never more than the bound, whatever the size says (/dev/zero: 0)
            data = handle.read(MAX_EXPORT_BYTES + 1)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_EXPORT_BYTES:
        raise ExportError(f"{path}: more than {MAX_EXPORT_BYTES} bytes: not a gradebook export")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(f"{path}: not UTF-8 text (byte {exc.start}); Canvas exports UTF-8: export it again "
                          "rather than re-saving it from a spreadsheet") from None
    del data
    if "\0" in text:
        raise ExportError(f"{path}: not a text file")
    reader = csv.reader(_lines(text), strict=True)
    table: list[tuple[int, list[str]]] = []
    cells_read = 0
    try:
        for cells in reader:
            table.append((reader.line_num, cells))
            cells_read += len(cells)
            if cells_read > MAX_EXPORT_CELLS:
                raise ExportError(f"{path}: more than {MAX_EXPORT_CELLS} cells: not a gradebook export this tool "
                                  "reads (export the gradebook of fewer sections or assignments)")
    except csv.Error as exc:
        raise ExportError(f"{path}: not a readable CSV file (line {reader.line_num}: {exc})") from None
    del text
    if not table or not any(c.strip() for c in table[0][1]):
        raise ExportError(f"{path}: empty, or no header on its first line")
    header = table[0][1]
    if [h.strip() for h in header[:2]] != [STUDENT, ID]:
        start = ",".join(header[:2])
        why = ""
        if header[0].strip().startswith(f"{STUDENT};{ID};"):
            why = ": it is separated by semicolons (Canvas's option for decimal-comma locales): export it with commas"
        elif [h.strip() for h in header[:3]] == ["LastName", "FirstName", ID]:
            why = (": Canvas wrote separate first and last names: turn that option off (Gradebook settings) and "
                   "export again")
        raise ExportError(f"{path}: not a Canvas gradebook export (its header starts "
                          f"{start[:40] + '...' if len(start) > 40 else start!r}, not 'Student,ID'){why}")
    heads = [h.strip() for h in header]
    if SECTION not in heads:
        raise ExportError(f"{path}: no {SECTION} column (the student columns of a Canvas export end with it)")
    if not canvas_reads(heads[: heads.index(SECTION) + 1]):
        raise ExportError(f"{path}: its student columns ({', '.join(heads[: heads.index(SECTION) + 1])}) are not in "
                          "an order Canvas's importer reads (Student, ID, then SIS User ID and SIS Login ID, or SIS "
                          "Login ID alone, then Section): export it again")
    export = GradebookExport(path, header, [], heads.index(SECTION) + 1, bom)
    width = len(header)
    lines_of: dict[str, int] = {}
    for line, cells in table[1:]:
        if not any(c.strip() for c in cells):
            continue
        if [c.strip() for c in cells[:2]] == [STUDENT, ID]:
            raise ExportError(f"{path}: line {line} repeats the header: two exports pasted together? Export the "
                              "whole gradebook once")
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise ExportError(f"{path}: line {line} has {len(cells)} cells, the header {width}")
        if len(cells) < width:  # Canvas writes every cell: the cells of a short row are not where the header says
            who = ", ".join(c.strip() for c in cells[:2] if c.strip())
            raise ExportError(f"{path}: line {line}" + (f" ({who})" if who else "") + f" has {len(cells)} cells, "
                              f"the header {width}: the file is cut or was edited; export it again")
        cells = cells[:width]
        ident = cells[1].strip()
        if cells[0].strip() == POINTS_POSSIBLE and not ident:
            kind = "points"
        elif not ident and all(POSTING_ROW.fullmatch(c) for c in cells):
            kind = "posting"
        elif not ident:
            export.warnings.append(f"{path.name}, line {line}: {cells[0].strip() or 'a row'} has no ID: "
                                   "not imported")
            continue
        else:
            kind = "student"
            if ident in lines_of:
                raise ExportError(f"{path}: ID {ident} is on lines {lines_of[ident]} and {line}: Canvas writes one "
                                  "row per student, and which of them should get the grade cannot be told")
            lines_of[ident] = line
        export.rows.append(ExportRow(line, kind, cells))
    if sum(r.kind == "points" for r in export.rows) > 1:
        raise ExportError(f"{path}: more than one {POINTS_POSSIBLE} row")
    return export


# -- which column ---------------------------------------------------------------------------------

def title_key(text: str) -> tuple[str, ...]:
    """What two titles must share to be one: their words and numbers, case, spacing, punctuation and
    leading zeros aside (``Lecture 06`` is ``lecture06`` is ``LECTURE 6``)."""
    words = re.findall(r"\d+|[^\W\d_]+", unicodedata.normalize("NFKC", text).casefold())
    return tuple(str(int(w)) if w.isdigit() else w for w in words)


def column_keys(title: str) -> set[tuple[str, ...]]:
    """The keys a column's title answers to: the whole title's, and its part before a colon's
    (``Lecture 06: Introduction to CNNs`` is the instructor's own name for ``Lecture 6``)."""
    return {title_key(title), title_key(title.split(":")[0])} if ":" in title else {title_key(title)}


def assignment_names(meta: dict) -> list[str]:
    """The names a column of this assignment may have: its title, the title's part before a colon
    (``Lecture 6``), and its short name (``lecture06``), as ``grades.json`` recorded them."""
    recorded = meta.get("assignment") if isinstance(meta.get("assignment"), dict) else assignment.record()
    names = []
    for name in (recorded.get("title"), str(recorded.get("title") or "").split(":")[0], recorded.get("name")):
        if isinstance(name, str) and name.strip() and name.strip() not in names:
            names.append(name.strip())
    return names


def choose_column(export: GradebookExport, wanted: str | None, names: list[str]) -> int:
    """The index of the assignment column: ``wanted`` (its header, ``Title (id)``, or the id alone),
    else the export's one assignment column whose title, or its part before a colon, is one of
    ``names`` (see :func:`title_key` and :func:`column_keys`).

    Raises:
        UsageError: ``wanted`` names no assignment column, or several or none match ``names``:
            the message lists the candidates.
        ExportError: the export has no assignment column at all.
    """
    candidates = export.assignment_columns()
    listed = ", ".join(repr(export.header[i].strip()) for i in candidates)
    if wanted is not None:
        wanted = wanted.strip()
        others = range(export.student_columns, len(export.header))
        for same in (lambda h: h == wanted, lambda h: title_key(h) == title_key(wanted),
                     lambda h: ASSIGNMENT_COLUMN.fullmatch(h) and ASSIGNMENT_COLUMN.fullmatch(h)["id"] == wanted):
            found = [i for i in others if same(export.header[i].strip())]
            if found:
                break
        if len(found) > 1:
            raise UsageError(f"--column {wanted!r} names {len(found)} columns of {export.path.name}: give the "
                             f"whole title with its id, one of: {listed}")
        if not found:
            if export.column(wanted) is not None:
                raise UsageError(f"--column {wanted!r} is a student column, not an assignment")
            raise UsageError(f"--column {wanted!r}: no such column in {export.path.name}; "
                             + (f"its assignment columns: {listed}" if candidates else "it has no assignment column"))
        if export.read_only(found[0]):
            raise UsageError(f"--column {wanted!r} is computed by Canvas, {READ_ONLY}: it cannot be imported")
        if not export.assignment(found[0]):
            raise UsageError(f"--column {wanted!r} is not an assignment (a custom column, a total or an override "
                             "score): Canvas would import the grades into it as they are; "
                             + (f"its assignment columns: {listed}" if candidates else "it has no assignment column"))
        return found[0]
    if not candidates:
        raise ExportError(f"{export.path}: no assignment column (a column titled 'Title (id)', not {READ_ONLY})")
    keys = {title_key(n) for n in names}
    matching = [i for i in candidates
                if column_keys(ASSIGNMENT_COLUMN.fullmatch(export.header[i].strip())["title"]) & keys]
    if len(matching) == 1:
        return matching[0]
    which = " or ".join(repr(n) for n in names)
    if matching:
        raise UsageError(f"{len(matching)} columns of {export.path.name} are titled {which}: give --column, one of: "
                         + ", ".join(repr(export.header[i].strip()) for i in matching))
    raise UsageError(f"no column of {export.path.name} is titled {which}: give --column, one of: {listed}")


# -- matching students ----------------------------------------------------------------------------

class Roster:
    """The export's students, looked up by the id a row of the grades carries."""

    def __init__(self, export: GradebookExport):
        self.export = export
        self.index: dict[str, dict[str, list[int]]] = {}
        for title in ANY_COLUMN:
            column = export.column(title)
            if column is None:
                continue
            values: dict[str, list[int]] = {}
            for i, row in enumerate(export.rows):
                value = self.key(title, row.cells[column])
                if row.kind == "student" and value:
                    values.setdefault(value, []).append(i)
            self.index[title] = values

    @staticmethod
    def key(title: str, value: str) -> str:
        """Ids compare as written; logins (often emails) whatever their case, as Canvas compares them
        (``lower``: case folding would make ``straße`` and ``strasse`` one login)."""
        value = value.strip()
        return value.lower() if title == SIS_LOGIN_ID else value

    def find(self, student: str, kind: str) -> tuple[list[int], str]:
        """The rows (indices into ``export.rows``) of ``student``, an id of ``kind``; else why none."""
        columns = MATCH_COLUMNS.get(kind, ANY_COLUMN)
        missing = [c for c in columns if c not in self.index]
        found = {c: self.index[c][self.key(c, student)] for c in columns
                 if c in self.index and self.key(c, student) in self.index[c]}
        if not found:
            if len(missing) == len(columns):
                return [], f"the export has no {' or '.join(missing)} column to match it"
            return [], "not in the export"
        for column, rows in found.items():
            if len(rows) > 1:
                ids = ", ".join(self.export.rows[r].cells[1].strip() for r in rows)
                return [], f"is on {len(rows)} rows of {column} (IDs {ids}): not imported"
        rows = list(found.values())
        if any(r != rows[0] for r in rows):
            named = ", ".join(f"{self.export.rows[r[0]].cells[0].strip()} by {c}" for c, r in found.items())
            return [], f"names different students ({named}): not imported"
        return rows[0], ""


# -- the import -----------------------------------------------------------------------------------

@dataclass
class CanvasImport:
    """What :func:`import_grades` wrote, and what the instructor should look at before importing."""

    export: str
    column: str
    points: float
    """The grades' maximum, written in the ``Points Possible`` row."""
    students: int
    """Students in the export."""
    graded: int
    """Students given a grade."""
    missing: list[dict] = field(default_factory=list)
    """Students without a submission and without a grade in Canvas (``student``, ``id``): an empty
    cell, or 0 with ``missing_zero``."""
    kept: list[dict] = field(default_factory=list)
    """Students without a submission whose cell already holds something (``student``, ``id``, ``cell``:
    a grade given by hand, ``N/A``): written back as it was, since Canvas clears a grade an import
    leaves empty."""
    excused: list[dict] = field(default_factory=list)
    """Students Canvas has excused (``EX`` kept), with their best total when they submitted."""
    unmatched: list[dict] = field(default_factory=list)
    """Rows of the grades whose student is not in the export (``student``, ``name``, ``submission``,
    ``total``, ``why``): not imported."""
    replaced: int = 0
    """Grades already in the export's column that the import changes."""
    missing_zero: bool = False
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def import_grades(out_dir: Path, export_path: Path, *, column: str | None = None,
                  missing_zero: bool = False) -> CanvasImport:
    """Write ``out_dir/canvas_import.csv`` from ``out_dir/grades.json`` and a Canvas export.

    Each student's grade is the best (highest, late penalty applied) total among their rows; a
    group submission's row is each member's.  Also writes ``canvas_import.json`` (the returned
    summary), which the class report shows (:func:`grader.outputs.report.write_class_report`
    reads it: render the report again after an import).

    Raises:
        ResultsError: ``out_dir`` holds no readable grades, or grades with different maxima.
        ExportError: the export cannot be read.
        UsageError: the column cannot be told (see :func:`choose_column`).
    """
    meta, results = load_results(out_dir)
    points = grades_maximum(out_dir, results)
    export = read_export(export_path)
    index = choose_column(export, column, assignment_names(meta))
    roster = Roster(export)
    best: dict[int, SubmissionResult] = {}
    summary = CanvasImport(export=str(export_path), column=export.header[index].strip(), points=points,
                           students=len(export.students), graded=0, missing_zero=missing_zero,
                           warnings=list(export.warnings))
    for result in sorted(results, key=lambda r: (r.student, r.source)):
        rows, why = roster.find(result.student, result.id_kind)
        if rows and result.id_kind == ID_CANVAS:
            rows, why = _same_name(export, rows, result)
        if not rows:
            summary.unmatched.append({"student": result.student, "name": result.name,
                                      "submission": result.submission, "total": result.total, "why": why})
        for i in rows:
            if i not in best or result.total > best[i].total:
                best[i] = result
    if not best:
        raise ExportError(_nobody_matched(export, summary.unmatched))
    out_rows = []
    if export.points_row is None:  # Canvas's importer reads the maximum from it
        out_rows.append([POINTS_POSSIBLE] + [""] * (export.student_columns - 1) + [number(points)])
    for i, row in enumerate(export.rows):
        cell = row.cells[index]
        if row.kind == "points":
            cell = number(points)
        elif row.kind == "student":
            cell = _grade_cell(row, cell, best.get(i), summary)
        cells = row.cells[: export.student_columns]
        if row.kind == "student" and POINTS_POSSIBLE in cells[0]:
            # Canvas's importer takes any such row for the points row, this student's grade for the maximum
            summary.warnings.append(f"{cells[0].strip()} ({cells[1].strip()}): a name holding "
                                    f"'{POINTS_POSSIBLE}' is left out of the file (Canvas would read the row as the "
                                    "points possible); the student is matched by ID")
            cells = [""] + cells[1:]
        out_rows.append(cells + [cell])
    _check_points(export, index, points, summary)
    # The export's cells go back as Canvas wrote them (see grader.outputs.csvfile).
    text = csv_document(export.header[: export.student_columns] + [export.header[index]], out_rows, copied=True)
    try:
        atomic_write(out_dir / IMPORT_CSV, (codecs.BOM_UTF8 if export.bom else b"") + text.encode())
        atomic_write(out_dir / IMPORT_SUMMARY, (json.dumps(summary.as_dict(), indent=1) + "\n").encode())
    except OSError as exc:
        raise ResultsError(f"cannot write to {out_dir}: {exc.strerror}") from None
    return summary


def name_key(name: str) -> str:
    """What a Canvas download's name keeps of a sortable name, compared whatever the form: letters and digits
    only (Canvas drops the rest, the export's ``="..."`` guard too), composed, case folded."""
    return "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c.isalnum())


def _same_name(export: GradebookExport, rows: list[int], result: SubmissionResult) -> tuple[list[int], str]:
    """``rows`` when the name of ``result``'s Canvas download is that of the export's student with its id.

    A download's name is ``<sortable name>_<user id>_...``: a sortable name that ends in ``_<digits>``
    (where students may choose their names) reads as another user id.  The export says whose each id is.
    """
    if not name_key(result.name):
        return rows, ""  # anonymous, or a grades.json from before names were kept
    student = export.rows[rows[0]].cells[0]
    if name_key(result.name) == name_key(student):
        return rows, ""
    return [], (f"the download is named for '{result.name}', and Canvas's {ID} {result.student} is "
                f"{student.strip()}: not imported (a renamed file, or a name that reads as another id)")


def _nobody_matched(export: GradebookExport, unmatched: list[dict]) -> str:
    """Why an import where no student graded is in the export is not written (it would change nothing, or
    with ``--missing-zero`` give everyone 0)."""
    ids = sorted({u["student"] for u in unmatched})
    text = (f"none of the {len(ids)} students graded ({', '.join(ids[:3])}{', ...' if len(ids) > 3 else ''}) "
            f"is in {export.path.name}")
    if all(i.startswith(ANONYMOUS_PREFIX) for i in ids):
        return (text + ": they are anonymous (anon_ ids, from an anonymous assignment's download), and Canvas's "
                "export lists real user ids; post the assignment's grades (or turn anonymous grading off), "
                "download the submissions again, named by user id then, and grade that download")
    whys = sorted({u["why"] for u in unmatched})
    return text + f" ({'; '.join(whys)}): is it this course's export?"


def grades_maximum(out_dir: Path, results: list[SubmissionResult]) -> float:
    """The maximum every row of the grades was graded out of (the question bank's total for the questions graded).

    Raises:
        ResultsError: no rows, or rows graded out of different maxima.
    """
    maxima = sorted({r.max_total for r in results})
    if not maxima:
        raise ResultsError(f"{out_dir / 'grades.json'} holds no grades")
    if len(maxima) > 1:
        raise ResultsError(f"{out_dir / 'grades.json'} mixes grades out of " + ", ".join(map(number, maxima))
                           + " points: grade again with --overwrite")
    return maxima[0]


def _grade_cell(row: ExportRow, current: str, result: SubmissionResult | None, summary: CanvasImport) -> str:
    """The cell of one student: ``EX`` kept, else the best total, else what Canvas holds (a grade
    given by hand, ``N/A``), else empty (0 with ``missing_zero``, the test student aside).

    Canvas's importer takes an empty cell where a grade exists for a change that clears it: a cell
    is left empty only when it was empty.
    """
    who = {"student": row.cells[0].strip(), "id": row.cells[1].strip()}
    held = current.strip()
    if held.upper() == EXCUSED:
        summary.excused.append({**who, "total": result.total if result else None})
        return held
    if result is None:
        if held:
            summary.kept.append({**who, "cell": held})
            return held
        if who["student"] in TEST_STUDENT_NAMES:
            return ""
        summary.missing.append(who)
        return "0" if summary.missing_zero else ""
    if held.upper() == NOT_ASSIGNED:
        summary.warnings.append(f"{who['student']} ({who['id']}) has a submission, but Canvas shows {NOT_ASSIGNED}: "
                                "the assignment is not assigned to them, and Canvas ignores their grade until it is")
    summary.graded += 1
    new = number(result.total)
    if held and held.upper() != NOT_ASSIGNED and _value(current) != result.total:
        summary.replaced += 1
    return new


def _value(cell: str) -> float | None:
    try:
        return float(cell.strip())
    except ValueError:
        return None


def _check_points(export: GradebookExport, index: int, points: float, summary: CanvasImport) -> None:
    row = export.points_row
    if row is None:
        summary.warnings.append(f"{export.path.name} has no {POINTS_POSSIBLE} row: one is written")
        return
    canvas = _value(row.cells[index])
    if canvas is not None and abs(canvas - points) > 1e-9:
        summary.warnings.append(f"Canvas gives {summary.column!r} {number(canvas)} points possible and the grades "
                                f"are out of {number(points)}: set the assignment to {number(points)} points "
                                "in Canvas (or check --column) before importing")


def remove_imports(out_dir: Path) -> list[Path]:
    """Remove the import files of ``out_dir`` (made from grades that are about to change); those removed.

    Raises:
        ResultsError: they cannot be removed.
    """
    removed = []
    try:
        for name in (IMPORT_CSV, IMPORT_SUMMARY):
            path = out_dir / name
            if path.exists():
                path.unlink()
                removed.append(path)
    except OSError as exc:
        raise ResultsError(f"cannot remove {exc.filename}: {exc.strerror}") from None
    return removed


def load_summary(out_dir: Path) -> dict | None:
    """The summary of the last import into ``out_dir``, for the report; None when there is none (or unreadable)."""
    try:
        summary = json.loads((out_dir / IMPORT_SUMMARY).read_text())
    except (OSError, ValueError):
        return None
    fields = {f for f in CanvasImport.__dataclass_fields__}
    return summary if isinstance(summary, dict) and fields <= set(summary) else None
