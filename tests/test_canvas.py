"""Canvas: an export in, canvas_import.csv out, as Canvas's importer expects it.

Exports are written here the way Canvas writes them: a UTF-8 byte order mark, names quoted when
they hold commas or quotes, an indented ``    Points Possible`` row, a ``Manual Posting`` row,
``(read only)`` computed columns, optional SIS columns, anonymous ids.  The grades are written
with the library's own ``write_grades``, so no submission is graded here.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import assignment
from grader.cli import cli
from grader.errors import ResultsError, UsageError
from grader.numbers import number
from grader.outputs.canvas import (
    EXCUSED,
    IMPORT_CSV,
    IMPORT_SUMMARY,
    POINTS_POSSIBLE,
    ExportError,
    choose_column,
    import_grades,
    read_export,
    title_key,
)
from grader.outputs.results import load_results, write_grades
from grader.records import ID_CANVAS, ID_EMAIL, ID_FILE, ID_FOLDER, ID_SID, Lateness, SubmissionResult

MAX = 26.0
COLUMN = "Lecture 6: Introduction to Convolutional Neural Networks (4711)"
STUDENT_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
COMPUTED = ["Assignments Current Score", "Current Score", "Unposted Current Score", "Final Score", "Final Grade"]

# Students as Canvas lists them: names with commas, quotes, accents; the test student; an
# anonymous id; an excused student; one whose grade is already in the column.
ADA = ["Lovelace, Ada", "10234", "A0001", "ada@example.edu", "CS 101 - 01"]
BO = ['O\'Brien, Bo "the Bold"', "10235", "A0002", "Bo@Example.edu", "CS 101 - 01"]
SOREN = ["Østergård, Søren", "10236", "A0003", "soren@example.edu", "CS 101 - 02"]
ANON = ["Anonymous Student", "anon_77", "", "", "CS 101 - 02"]
EXCUSED_STUDENT = ["Excused, Ed", "10300", "A0005", "ed@example.edu", "CS 101 - 01"]
NOBODY = ["Absent, Al", "10301", "A0006", "al@example.edu", "CS 101 - 02"]
TEST_STUDENT = ["Student, Test", "99999", "", "", "CS 101 - 01"]


def export_text(students: list[tuple[list[str], str]], *, columns=None, sis=True, points="26.00",
                posting=True, newline="\r\n") -> str:
    """A gradebook export as Canvas writes it; ``students``: (student cells, their cell in COLUMN)."""
    columns = columns or [COLUMN, "Quiz 1 (4712)"]
    student_columns = STUDENT_COLUMNS if sis else ["Student", "ID", "Section"]
    header = student_columns + columns + COMPUTED
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header)
    blank = [""] * (len(student_columns) - 1)
    writer.writerow(["    Points Possible", *blank, *([points] + ["10.00"] * (len(columns) - 1)),
                     *["(read only)"] * len(COMPUTED)])
    if posting:
        writer.writerow(["", *blank, "Manual Posting", *[""] * (len(columns) - 1 + len(COMPUTED))])
    for cells, grade in students:
        cells = cells if sis else [cells[0], cells[1], cells[4]]
        writer.writerow([*cells, grade, *["7.50"] * (len(columns) - 1), "75.0", "75.0", "75.0", "75.0", "C"])
    return out.getvalue()


def write_export(path: Path, text: str, *, bom: bool = True) -> Path:
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode())
    return path


def row(student: str, total: float, *, kind: str = ID_CANVAS, submission: str = "lecture06.ipynb", name: str = "",
        status: str = "ok") -> SubmissionResult:
    return SubmissionResult(student=student, submission=submission, source=f"/class/{student}/{submission}",
                            sha256=None, status=status, error=None, scores={"q1": total}, max_scores={"q1": MAX},
                            total=total, max_total=MAX, name=name, id_kind=kind)


def graded(out: Path, rows: list[SubmissionResult], meta: dict | None = None) -> Path:
    out.mkdir(exist_ok=True)
    write_grades(out, meta if meta is not None else {"assignment": assignment.record()}, rows)
    return out


def read_import(out: Path) -> tuple[bytes, list[list[str]]]:
    data = (out / IMPORT_CSV).read_bytes()
    return data, list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def assert_canvas_accepts(table: list[list[str]], export: list[list[str]]) -> None:
    """Canvas's importer rules: a header starting Student,ID whose student columns end with Section, a Points
    Possible row, every student row's ID one of the export's, each grade a plain number, EX, or empty."""
    header = table[0]
    assert header[:2] == ["Student", "ID"] and "Section" in header
    grades = header[header.index("Section") + 1:]
    assert len(grades) == 1 and grades[0] in export[0]
    assert sum(r[0].strip() == POINTS_POSSIBLE for r in table[1:]) == 1
    known = {r[1] for r in export[1:] if r[1]}
    for r in table[1:]:
        assert len(r) == len(header)
        if r[1]:
            assert r[1] in known
            value = r[-1]
            assert value in ("", EXCUSED) or float(value) >= 0, value


@pytest.fixture
def classroom(tmp_path):
    """Grades for a class, and Canvas's export of its gradebook."""
    out = graded(tmp_path / "out", [
        row("10234", 20, name="lovelaceada"), row("10234", 24.5, submission="lecture06-1.ipynb", name="lovelaceada"),
        row("A0002", 13, kind=ID_SID, name='Bo "the Bold" O\'Brien'),
        row("soren@EXAMPLE.edu", 19, kind=ID_EMAIL),
        row("anon_77", 11),
        row("10300", 26),  # excused in Canvas
        row("55555", 9, name="dropped student"),
    ])
    export = write_export(tmp_path / "export.csv", export_text([
        (ADA, ""), (BO, "3.00"), (SOREN, ""), (ANON, ""), (EXCUSED_STUDENT, EXCUSED), (NOBODY, ""),
        (TEST_STUDENT, "")]))
    return out, export


def test_the_import_keeps_the_export_and_fills_each_students_best_total(classroom):
    out, export = classroom
    summary = import_grades(out, export)
    data, table = read_import(out)
    original = list(csv.reader(io.StringIO(export.read_bytes().decode("utf-8-sig"), newline="")))
    assert data.startswith(codecs.BOM_UTF8)  # as the export began
    assert table[0] == STUDENT_COLUMNS + [COLUMN]
    assert table[1] == ["    Points Possible", "", "", "", "", number(MAX)]  # indentation kept
    assert table[2] == ["", "", "", "", "", "Manual Posting"]  # a header row, never a student
    by_id = {r[1]: r for r in table[3:]}
    for cells in (ADA, BO, SOREN, ANON, EXCUSED_STUDENT, NOBODY, TEST_STUDENT):
        assert by_id[cells[1]][:5] == cells  # names with commas, quotes and accents come back as they were
    assert {i: r[-1] for i, r in by_id.items()} == {
        "10234": "24.5",  # the better of her two submissions
        "10235": "13",  # Gradescope's SID, matched by SIS User ID
        "10236": "19",  # Gradescope's email, matched by SIS Login ID whatever its case
        "anon_77": "11",  # anonymous grading
        "10300": EXCUSED,  # excused stays excused
        "10301": "", "99999": ""}  # no submission: an empty cell
    assert_canvas_accepts(table, original)
    assert summary.graded == 4 and summary.replaced == 1  # Bo's 3.00 in Canvas changes
    assert [m["id"] for m in summary.missing] == ["10301"]  # Canvas's test student is nobody's missing work
    assert summary.excused == [{"student": "Excused, Ed", "id": "10300", "total": 26}]
    assert [(u["student"], u["why"]) for u in summary.unmatched] == [("55555", "not in the export")]


def test_missing_zero_gives_zero_and_excused_students_still_keep_ex(classroom):
    out, export = classroom
    import_grades(out, export, missing_zero=True)
    _, table = read_import(out)
    cells = {r[1]: r[-1] for r in table[3:]}
    assert cells["10301"] == "0" and cells["10300"] == EXCUSED and cells["99999"] == ""  # the test student


@pytest.mark.parametrize("missing_zero", [False, True])
def test_a_cell_already_in_canvas_is_never_blanked_for_a_student_without_a_submission(tmp_path, missing_zero):
    # Canvas's importer reads an empty cell where a grade exists as a change, and clears the grade
    # (GradebookImporter#no_change_to_value?): a grade given by hand must be written back as it was.
    # N/A: the assignment is not assigned to that student; the test student is nobody's missing work.
    hand = ["Hand, Graded", "10400", "A0040", "hand@example.edu", "CS 101 - 01"]
    unassigned = ["Not, Assigned", "10401", "A0041", "na@example.edu", "CS 101 - 01"]
    out = graded(tmp_path / "out", [row("10234", 20)])
    summary = import_grades(out, write_export(tmp_path / "e.csv", export_text(
        [(ADA, ""), (hand, "15.50"), (unassigned, "N/A"), (NOBODY, ""), (TEST_STUDENT, "")])),
        missing_zero=missing_zero)
    cells = {r[1]: r[-1] for r in read_import(out)[1][3:]}
    assert cells == {"10234": "20", "10400": "15.50", "10401": "N/A", "10301": "0" if missing_zero else "",
                     "99999": ""}
    assert [m["id"] for m in summary.missing] == ["10301"]
    assert [(k["id"], k["cell"]) for k in summary.kept] == [("10400", "15.50"), ("10401", "N/A")]


def test_a_negative_grade_kept_from_canvas_is_written_as_a_number(tmp_path):
    # Canvas allows negative points, and writes -2.00; a "'" before it would be a new, unreadable grade.
    minus = ["Minus, Mo", "10402", "A0042", "mo@example.edu", "CS 101 - 01"]
    out = graded(tmp_path / "out", [row("10234", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, ""), (minus, "-2.00"), (NOBODY, "-")])))
    assert [r[-1] for r in read_import(out)[1][3:]] == ["20", "-2.00", "-"]


def test_a_submission_of_a_student_canvas_has_not_assigned_the_assignment_to_is_written_and_warned_about(tmp_path):
    unassigned = ["Not, Assigned", "10401", "A0041", "na@example.edu", "CS 101 - 01"]
    out = graded(tmp_path / "out", [row("10401", 20)])
    summary = import_grades(out, write_export(tmp_path / "e.csv", export_text([(unassigned, "N/A")])))
    assert read_import(out)[1][3][-1] == "20"  # imported once the instructor assigns it to them
    assert any("Not, Assigned (10401)" in w and "N/A" in w for w in summary.warnings)


def test_the_penalised_total_is_the_one_imported(tmp_path):
    late = row("10234", 23.4, name="lovelaceada")
    late.raw_total, late.lateness = 26.0, Lateness(canvas_mark=True, late=True, penalty=0.1)
    out = graded(tmp_path / "out", [late, row("10234", 22, submission="lecture06-2.ipynb")])
    import_grades(out, write_export(tmp_path / "export.csv", export_text([(ADA, "")])))
    assert read_import(out)[1][3][-1] == "23.4"  # the best total after the penalty, not the raw 26


def test_of_an_on_time_and_a_late_attempt_the_better_after_the_penalty_counts(tmp_path):
    # The decision (README, "Late submissions"): each student's best total after the late penalty, so a late
    # attempt counts only when it is better even after the penalty, and never takes away the on-time grade.
    def attempts(penalty):
        on_time = row("10234", 20, submission="lecture06.py", name="lovelaceada")
        late = row("10234", round(26 * (1 - penalty), 4), submission="lecture06-1.py", name="lovelaceada")
        late.raw_total, late.lateness = 26.0, Lateness(canvas_mark=True, late=True, penalty=penalty)
        return [on_time, late]

    for penalty, expected in ((0.1, "23.4"), (0.3, "20"), (0.0, "26")):
        out = graded(tmp_path / f"out{penalty}", attempts(penalty))
        import_grades(out, write_export(tmp_path / "export.csv", export_text([(ADA, "")])))
        assert read_import(out)[1][3][-1] == expected


def test_a_group_submission_gives_each_member_the_grade(tmp_path):
    group = [row(sid, 17, kind=ID_SID, submission="submission_9/lecture06.ipynb") for sid in ("A0001", "A0003")]
    out = graded(tmp_path / "out", group)
    import_grades(out, write_export(tmp_path / "export.csv", export_text([(ADA, ""), (BO, ""), (SOREN, "")])))
    assert {r[1]: r[-1] for r in read_import(out)[1][3:]} == {"10234": "17", "10235": "", "10236": "17"}


# -- matching never guesses ---------------------------------------------------------------------------

def test_a_canvas_id_is_never_taken_for_another_students_sis_id(tmp_path):
    # Bo's SIS User ID is the Canvas user id of a student who has left the course.
    bo = [BO[0], BO[1], "20001", BO[3], BO[4]]
    out = graded(tmp_path / "out", [row("20001", 25), row("10234", 20)])
    summary = import_grades(out, write_export(tmp_path / "export.csv", export_text([(bo, ""), (ADA, "")])))
    assert [r[-1] for r in read_import(out)[1][3:]] == ["", "20"]
    assert summary.unmatched[0]["why"] == "not in the export"


def test_a_canvas_download_name_must_name_the_student_the_export_gives_that_id(tmp_path):
    # A student allowed to choose their name ("Smith, Mallory_10235") gets downloads named
    # smithmallory_10235_<own id>_<attachment>_..., which read as user 10235: the export says who 10235 is.
    muller = ["Müller-Lüdenscheidt, Jürgen", "10240", "A0010", "jm@example.edu", "CS 101 - 01"]
    tables = ['="=Tables, Bobby"', "10241", "A0011", "bt@example.edu", "CS 101 - 01"]
    out = graded(tmp_path / "out", [
        row("10235", 25, name="smithmallory"),
        row("10234", 20, name="lovelaceada"),
        row("10240", 21, name="mu\u0308llerlu\u0308denscheidtju\u0308rgen"),  # unzipped on a Mac: decomposed
        row("10241", 22, name="tablesbobby"),
        row("10236", 23, name=""),  # anonymous, or graded before names were kept
    ])
    summary = import_grades(out, write_export(tmp_path / "e.csv", export_text(
        [(ADA, ""), (BO, ""), (SOREN, ""), (muller, ""), (tables, "")])))
    cells = {r[1]: r[-1] for r in read_import(out)[1][3:]}
    assert cells == {"10234": "20", "10235": "", "10236": "23", "10240": "21", "10241": "22"}
    (refused,) = summary.unmatched
    assert refused["student"] == "10235" and "smithmallory" in refused["why"] and "O'Brien" in refused["why"]


def test_an_id_of_unknown_kind_naming_two_students_is_not_imported(tmp_path):
    # A folder named 10235: Bo's Canvas id, and Ada's SIS User ID.
    ada = [ADA[0], ADA[1], "10235", ADA[3], ADA[4]]
    out = graded(tmp_path / "out", [row("10235", 25, kind=ID_FOLDER), row("A0003", 12, kind=ID_FILE)])
    summary = import_grades(out, write_export(tmp_path / "export.csv", export_text([(ada, ""), (BO, ""),
                                                                                       (SOREN, "")])))
    cells = {r[1]: r[-1] for r in read_import(out)[1][3:]}
    assert cells == {"10234": "", "10235": "", "10236": "12"}  # the file stem A0003 is only Søren's SIS id
    assert "names different students" in summary.unmatched[0]["why"]


def test_an_id_that_names_two_students_in_its_column_gives_neither_the_grade(tmp_path):
    # Two rows with one SIS User ID (entered by hand), two logins equal once case is folded (ß is ss).
    strasse = ["Strasse, Sam", "10240", "A0001", "strasse@example.edu", "S"]
    strasze = ["Straße, Sam", "10241", "A0009", "straße@example.edu", "S"]
    out = graded(tmp_path / "out", [row("A0001", 25, kind=ID_SID), row("STRASSE@example.edu", 24, kind=ID_EMAIL),
                                    row("10235", 20)])
    summary = import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, ""), (BO, ""), (strasse, ""),
                                                                                (strasze, "")])))
    cells = {r[1]: r[-1] for r in read_import(out)[1][3:]}
    assert cells == {"10234": "", "10235": "20", "10240": "24", "10241": ""}
    assert [u["student"] for u in summary.unmatched] == ["A0001"]
    assert "is on 2 rows of SIS User ID" in summary.unmatched[0]["why"]


def test_without_sis_columns_gradescope_ids_cannot_match_and_say_why(tmp_path):
    out = graded(tmp_path / "out", [row("A0001", 25, kind=ID_SID), row("10234", 20)])
    summary = import_grades(out, write_export(tmp_path / "export.csv", export_text([(ADA, "")], sis=False)))
    _, table = read_import(out)
    assert table[0] == ["Student", "ID", "Section", COLUMN] and table[-1][-1] == "20"
    assert summary.unmatched[0]["why"] == "the export has no SIS User ID column to match it"


# -- which column --------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Lecture 6: Introduction to Convolutional Neural Networks", "lecture06",
                                   "LECTURE  06", "Lecture 6", "lecture 6 - introduction to convolutional neural "
                                                                "networks",
                                   "Lecture 06: Introduction to CNNs",  # the instructor's own title after the colon
                                   "Lecture 6: CNNs (conv, pooling)"])
def test_the_column_titled_like_the_assignment_is_found_whatever_its_case_and_spacing(tmp_path, title):
    column = f"{title} (4711)"
    out = graded(tmp_path / "out", [row("10234", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, "")], columns=["Quiz 1 (4712)", column])))
    assert read_import(out)[1][0][-1] == column


@pytest.mark.parametrize("decoys", [
    ["Lecture 16: Introduction to CNNs (4711)", "Lecture 01: Introduction to Deep Learning (4712)"],
    ["Lecture 6 quiz (4711)", "Lecture 6 notebook (4712)"],  # words after the number, without a colon: not ours
    ["Lecture 6: quiz (4711)", "Lecture 6: notebook (4712)"],  # two of them: which one is the instructor's to say
])
def test_columns_that_only_look_alike_are_never_taken(tmp_path, decoys):
    out = graded(tmp_path / "out", [row("10234", 20)])
    with pytest.raises(UsageError, match="give --column"):
        import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, "")], columns=decoys)))


def test_the_titles_matched_are_those_grades_json_recorded(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)], meta={"assignment": {"name": "cnn", "title": "CNN week"}})
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")], columns=[COLUMN, "CNN Week (4790)"]))
    import_grades(out, export)
    assert read_import(out)[1][0][-1] == "CNN Week (4790)"


def test_title_keys_ignore_case_spacing_punctuation_and_leading_zeros():
    assert title_key("Lecture 06") == title_key("lecture6") == title_key("LECTURE  6!") == ("lecture", "6")
    assert title_key("Lecture 6") != title_key("Lecture 60")
    assert title_key("Ｌｅｃｔｕｒｅ ６") == title_key("lecture 6")  # full-width forms (NFKC)


def test_two_matching_columns_ask_for_column_with_the_candidates(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")], columns=["Lecture 6 (4711)",
                                                                                 "Lecture 06 (4799)"]))
    with pytest.raises(UsageError, match=r"give --column, one of: 'Lecture 6 \(4711\)', 'Lecture 06 \(4799\)'"):
        import_grades(out, export)
    import_grades(out, export, column="4799")  # the id alone is enough
    assert read_import(out)[1][0][-1] == "Lecture 06 (4799)"


def test_no_matching_column_asks_for_column_and_never_offers_computed_ones(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")], columns=["Quiz 1 (4712)", "Essay (4713)"]))
    with pytest.raises(UsageError) as caught:
        import_grades(out, export)
    assert str(caught.value).endswith("give --column, one of: 'Quiz 1 (4712)', 'Essay (4713)'")
    assert "Current Score" not in str(caught.value)


def test_a_column_that_is_not_an_assignment_is_never_filled(tmp_path):
    # A custom column (Notes) is editable, and so is Override Score when Canvas lets scores be overridden:
    # Canvas would import grades into them, as notes or as the students' course grades.
    columns = ["Notes", COLUMN, "Override Score", "Override Score (Fall 2025)", "Final Score review (4790)"]
    out = graded(tmp_path / "out", [row("10234", 20)])
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")], columns=columns).replace(
        "26.00,10.00,10.00,10.00,10.00", "26.00,10.00,,,10.00").replace(",,,,,Manual Posting", ",,,,,"))
    for wanted in ("Notes", "Override Score", "Override Score (Fall 2025)", "Final Score review (4790)"):
        with pytest.raises(UsageError, match="not an assignment"):
            import_grades(out, export, column=wanted)
    assert not (out / IMPORT_CSV).exists()


def test_a_student_named_points_possible_cannot_set_the_assignments_points(tmp_path):
    # Canvas's importer takes any row whose first cell includes "Points Possible" for the points row, and
    # reads the assignment's maximum from it: that student's grade would become the assignment's points.
    trick = ["Points Possible, Mallory", "10240", "A0010", "m@example.edu", "CS 101 - 01"]
    out = graded(tmp_path / "out", [row("10240", 20), row("10234", 25)])
    summary = import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, ""), (trick, "")])))
    table = read_import(out)[1]
    assert [r for r in table if "Points Possible" in r[0]] == [table[1]]
    assert table[1][-1] == "26" and table[4] == ["", *trick[1:], "20"]  # still matched by its ID
    assert any("10240" in w and "Points Possible" in w for w in summary.warnings)
    exact = ["Points Possible", "10241", "A0011", "p@example.edu", "CS 101 - 01"]  # not a second points row
    import_grades(graded(tmp_path / "out2", [row("10241", 21)]),
                  write_export(tmp_path / "e2.csv", export_text([(ADA, ""), (exact, "")])))
    assert read_import(tmp_path / "out2")[1][4] == ["", *exact[1:], "21"]


def test_an_export_without_points_possible_gets_the_row(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    text = "".join(line for line in export_text([(ADA, "")]).splitlines(True) if "Points Possible" not in line)
    summary = import_grades(out, write_export(tmp_path / "e.csv", text))
    _, table = read_import(out)
    assert table[1] == ["Points Possible", "", "", "", "", "26"] and table[-1] == ADA + ["20"]
    assert any("no Points Possible row: one is written" in w for w in summary.warnings)


@pytest.mark.parametrize("wanted, message", [
    ("Current Score", r"computed by Canvas, \(read only\)"),
    ("Section", "is a student column"),
    ("Homework 9 (1)", r"no such column in e.csv; its assignment columns: "),
    ("Quiz 1", "no such column"),
])
def test_a_column_that_cannot_take_the_grades_is_refused(tmp_path, wanted, message):
    out = graded(tmp_path / "out", [row("10234", 20)])
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")]))
    with pytest.raises(UsageError, match=message):
        import_grades(out, export, column=wanted)
    assert not (out / IMPORT_CSV).exists()


def test_column_accepts_the_header_whatever_its_case_and_spacing(tmp_path):
    export = read_export(write_export(tmp_path / "e.csv", export_text([(ADA, "")])))
    assert export.header[choose_column(export, "  quiz 1 (4712) ", [])] == "Quiz 1 (4712)"


def test_points_possible_that_differ_from_the_grades_are_warned_about(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    summary = import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, "")], points="10.00")))
    assert any("10 points possible and the grades are out of 26" in w for w in summary.warnings)
    assert read_import(out)[1][1][-1] == "26"


# -- hostile and malformed exports ------------------------------------------------------------------

def test_cells_that_start_like_formulas_are_defused_but_ids_still_match(tmp_path):
    evil = ["=HYPERLINK(\"http://x\",\"Ada\")", "10234", "@SUM(1)", "+ada", "-CS 101"]
    out = graded(tmp_path / "out", [row("10234", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text([(evil, "")])))
    student = read_import(out)[1][3]
    assert student == ["'" + evil[0], "10234", "'@SUM(1)", "'+ada", "'-CS 101", "20"]


def test_a_name_spanning_lines_stays_one_row_and_comes_back_as_it_was(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text([(["Lovelace,\nAda", *ADA[1:]], "")])))
    _, table = read_import(out)
    assert len(table) == 4 and table[3] == ["Lovelace,\nAda", *ADA[1:], "20"]


def test_canvas_own_guard_and_plain_names_are_copied_exactly(tmp_path):
    # Canvas writes a name starting with = as ="<name>": a formula giving the text, which runs nothing.  It is
    # the export's cell, and stays exactly that; so do names with quotes, commas, tabs and other scripts.
    names = ['="=Tables, Bobby"', 'O\'Brien, Seán ""Jack""', "王, 小明", "Tab\tIn, Side", "Ends, With ="]
    students = [([n, str(20000 + i), "", "", "S"], "") for i, n in enumerate(names)]
    out = graded(tmp_path / "out", [row("20000", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text(students)))
    assert [r[0] for r in read_import(out)[1][3:]] == names


def test_an_export_without_bom_and_with_unix_lines_is_read_and_written_alike(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, "")], newline="\n", posting=False),
                                    bom=False))
    data, table = read_import(out)
    assert not data.startswith(codecs.BOM_UTF8) and table[2] == ADA + ["20"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_ending_a_spreadsheet_writes_is_read(tmp_path, newline):
    out = graded(tmp_path / "out", [row("10234", 20)])
    import_grades(out, write_export(tmp_path / "e.csv", export_text([(ADA, ""), (["Two,\nLines", *BO[1:]], "")],
                                                                    newline=newline)))
    assert [r[:2] + r[-1:] for r in read_import(out)[1][3:]] == [["Lovelace, Ada", "10234", "20"],
                                                                 ["Two,\nLines", "10235", ""]]


def test_a_muted_row_is_a_header_row_too(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    text = export_text([(ADA, "")]).replace("Manual Posting", "Muted")
    summary = import_grades(out, write_export(tmp_path / "e.csv", text))
    _, table = read_import(out)
    assert table[2] == ["", "", "", "", "", "Muted"] and table[3] == ADA + ["20"]
    assert summary.students == 1 and summary.warnings == []


def test_an_anonymous_assignments_posting_row_is_a_header_row(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    text = export_text([(ADA, "")]).replace("Manual Posting", "Manual Posting (scores hidden from instructors)")
    summary = import_grades(out, write_export(tmp_path / "e.csv", text))
    _, table = read_import(out)
    assert table[2][-1] == "Manual Posting (scores hidden from instructors)" and table[3] == ADA + ["20"]
    assert summary.warnings == []


def test_grades_of_which_no_student_is_in_the_export_write_nothing(tmp_path):
    # An anonymous assignment's download names students anon_<id>; Canvas's export lists their real ids.
    out = graded(tmp_path / "out", [row("anon_7Hq2K", 20), row("anon_bX9mT", 26)])
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "N/A"), (BO, "N/A")]))
    with pytest.raises(ExportError, match=r"none of the 2 students graded \(anon_7Hq2K, anon_bX9mT\) is in e.csv.*"
                                          r"anonymous"):
        import_grades(out, export)
    assert not (out / IMPORT_CSV).exists()


def test_a_row_without_an_id_is_left_out_with_a_warning(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    summary = import_grades(out, write_export(tmp_path / "e.csv",
                                              export_text([(ADA, ""), (["Nobody, Known", "", "", "", ""], "")])))
    assert [r[1] for r in read_import(out)[1][1:]] == ["", "", "10234"]
    assert summary.warnings == ["e.csv, line 5: Nobody, Known has no ID: not imported"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty, or no header"),
    ("Student,ID,Section\n\"Lovelace, Ada,10234,CS\n".encode(), "not a readable CSV file"),
    ("Name,ID,Section\nAda,1,A\n".encode(), "not a Canvas gradebook export (its header starts 'Name,ID'"),
    # Canvas's option for decimal-comma locales: the whole header is one cell, quoted back in full before
    (("Student;ID;Section;" + ";".join(f"Assignment {i} (1{i})" for i in range(300)) + "\n").encode(),
     "separated by semicolons (Canvas's option for decimal-comma locales): export it with commas"),
    ("LastName,FirstName,ID,Section\n".encode(), "separate first and last names: turn that option off"),
    (("x" * 100_000 + "\n").encode(), "its header starts 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"),
    ("Student,ID,Lecture 6 (1)\nAda,1,3\n".encode(), "no Section column"),
    ("Student,ID,Section,Lecture 6 (1)\nLovelace Åda,1,A,3\n".encode("latin-1"), "not UTF-8 text"),
    (b"Student,ID,Section\n\x00\x01\x02", "not a text file"),
    ("Student,ID,Section,Lecture 6 (1)\nAda,1,A,3,extra\n".encode(), "line 2 has 5 cells, the header 4"),
    ("Student,ID,Section,Lecture 6 (1)\nPoints Possible,,,26\n  Points Possible,,,26\n".encode(),
     "more than one Points Possible row"),
    ("Student,ID,Section,Current Score\n  Points Possible,,,(read only)\nAda,1,A,3\n".encode(),
     "no assignment column"),
    # Canvas writes one row per user: which of two rows should get the grade cannot be known.
    ("Student,ID,Section,Lecture 6 (1)\nAda,1,A,\nBo,2,A,\nAda again,1,B,\n".encode(),
     "ID 1 is on lines 2 and 4: Canvas writes one row per student"),
    # Student columns Canvas's importer cannot read: it finds them by position (GradebookImporter#update_column_count),
    # and refuses the whole file ("Invalid header row") when Section is not where it expects it.
    ("Student,ID,SIS User ID,Section,Lecture 6 (1)\nAda,1,A1,S,\n".encode(),
     "its student columns (Student, ID, SIS User ID, Section) are not in an order Canvas's importer reads"),
    ("Student,ID,Integration ID,Section,Lecture 6 (1)\nAda,1,I1,S,\n".encode(), "not in an order Canvas"),
    # A row cut short (a damaged or hand-edited file): its cells are not where the header says.
    ("Student,ID,Section,Quiz (2),Lecture 6 (1)\nAda,1,A,3,\nBo,2,A\n".encode(),
     "line 3 (Bo, 2) has 3 cells, the header 5"),
    # Two exports pasted into one file.
    ("Student,ID,Section,Lecture 6 (1)\nAda,1,A,\nStudent,ID,Section,Lecture 6 (1)\nBo,2,A,\n".encode(),
     "line 3 repeats the header"),
])
def test_a_malformed_export_is_one_clear_error(tmp_path, data, message):
    out = graded(tmp_path / "out", [row("1", 20)])
    (tmp_path / "e.csv").write_bytes(data)
    with pytest.raises(ExportError, match=re.escape(message)):
        import_grades(out, tmp_path / "e.csv")
    result = CliRunner().invoke(cli, ["canvas", str(out), str(tmp_path / "e.csv")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [f"Error: {str(export_error(out, tmp_path / 'e.csv'))}"]


def test_an_export_past_the_bounds_is_refused_before_it_is_all_in_memory(tmp_path, monkeypatch):
    import grader.outputs.canvas as canvas

    out = graded(tmp_path / "out", [row("1", 20)])
    monkeypatch.setattr(canvas, "MAX_EXPORT_BYTES", 4096)
    with pytest.raises(ExportError, match="more than 4096 bytes: not a gradebook export"):
        import_grades(out, Path("/dev/zero"))  # endless, and its size says 0
    monkeypatch.setattr(canvas, "MAX_EXPORT_CELLS", 100)
    wide = "Student,ID,Section," + ",".join(f"A{i} ({i})" for i in range(200)) + "\n"
    (tmp_path / "e.csv").write_text(wide)
    with pytest.raises(ExportError, match="more than 100 cells"):
        import_grades(out, tmp_path / "e.csv")


def export_error(out: Path, export: Path) -> ExportError:
    try:
        import_grades(out, export)
    except ExportError as exc:
        return exc
    raise AssertionError("no error")


def test_grades_that_cannot_be_imported_are_refused(tmp_path):
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")]))
    with pytest.raises(ResultsError, match="no such file"):
        import_grades(tmp_path, export)
    mixed = [row("10234", 20), row("10235", 1)]
    mixed[1].max_total = 1.0  # graded with -q q1 into the same folder
    with pytest.raises(ResultsError, match="mixes grades out of 1, 26 points"):
        import_grades(graded(tmp_path / "out", mixed), export)
    with pytest.raises(ResultsError, match="holds no grades"):
        import_grades(graded(tmp_path / "empty", []), export)


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["results"][0].update(total="24"), "row 1 (10234): total is not a number"),  # edited by hand
    (lambda d: d["results"][0].update(total=float("nan")), "row 1 (10234): total is not a number"),
    (lambda d: d["results"][0].update(raw_total=None, max_total=True), "row 1 (10234): max_total is not a number"),
    (lambda d: d["results"][1].update(student=10235), "row 2: student is not text"),
    (lambda d: d.update(meta=[]), "its meta is not an object"),
    (lambda d: d.update(results={}), "its results are not a list"),
    (lambda d: d["results"][0].update(lateness="late"), "row 1 (10234): not a row of grades"),
])
def test_a_grades_json_edited_by_hand_is_one_clear_error(tmp_path, edit, message):
    out = graded(tmp_path / "out", [row("10234", 20), row("10235", 13)])
    doc = json.loads((out / "grades.json").read_text())
    edit(doc)
    (out / "grades.json").write_text(json.dumps(doc))
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")]))
    result = CliRunner().invoke(cli, ["canvas", str(out), str(export)])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert result.stderr.strip().splitlines() == [f"Error: {out / 'grades.json'}: not a cnn-grader grades.json "
                                                  f"({message})"]


def test_an_import_that_cannot_be_written_is_one_clear_error_and_leaves_nothing_behind(tmp_path):
    out = graded(tmp_path / "out", [row("10234", 20)])
    (out / IMPORT_CSV).mkdir()
    result = CliRunner().invoke(cli, ["canvas", str(out), str(write_export(tmp_path / "e.csv",
                                                                           export_text([(ADA, "")])))])
    assert result.exit_code == 1 and result.stderr.strip() == f"Error: cannot write to {out}: Is a directory"
    assert sorted(p.name for p in out.iterdir()) == ["canvas_import.csv", "grades.csv", "grades.json"]


def test_a_grades_json_that_cannot_be_read_is_one_clear_error(tmp_path):
    out = tmp_path / "out"
    (out / "grades.json").mkdir(parents=True)
    export = write_export(tmp_path / "e.csv", export_text([(ADA, "")]))
    result = CliRunner().invoke(cli, ["canvas", str(out), str(export)])
    assert result.exit_code == 1 and result.stderr.strip() == f"Error: cannot read {out / 'grades.json'}: Is a directory"


# -- the command -----------------------------------------------------------------------------------

def test_the_command_writes_the_file_lists_what_was_left_out_and_the_report_shows_it(classroom):
    out, export = classroom
    result = CliRunner().invoke(cli, ["canvas", str(out), str(export)])
    assert result.exit_code == 0, result.output
    assert f"column '{COLUMN}'" in result.stdout and "4 graded" in result.stdout
    assert result.stderr.splitlines() == ["not imported: 55555 (dropped student), lecture06.ipynb, total 9: "
                                          "not in the export"]
    summary = json.loads((out / IMPORT_SUMMARY).read_text())
    assert summary["column"] == COLUMN and summary["unmatched"][0]["student"] == "55555"
    report = (out / "report.html").read_text()
    assert "Canvas import" in report and "dropped student" in report and "Excused, Ed" in report
    # Re-rendering the reports keeps the import's section.
    assert CliRunner().invoke(cli, ["report", str(out)]).exit_code == 0
    assert "dropped student" in (out / "report.html").read_text()


def test_the_command_prints_no_control_character_it_was_given(tmp_path):
    # Names come from the export and file names from the students: a new line or an escape sequence
    # printed as it is could forge a line ("wrote ...") or hide one in the instructor's terminal.
    sneaky = ["Evil,\nwrote /tmp/x: all good\x1b[2K", "10234", "", "", "S"]
    out = graded(tmp_path / "out", [row("10234", 20), row("77", 3, submission="x\x1b[2K\rfine.py")])
    export = write_export(tmp_path / "e.csv", export_text([(sneaky, "N/A")]))
    result = CliRunner().invoke(cli, ["canvas", str(out), str(export)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\r" not in result.output
    assert len(result.stderr.splitlines()) == 2  # one warning (N/A), one submission not imported
    assert all(line.startswith(("warning: ", "not imported: ")) for line in result.stderr.splitlines())


def test_the_command_turns_bad_input_into_one_line(tmp_path, classroom):
    out, export = classroom
    runner = CliRunner()
    missing = runner.invoke(cli, ["canvas", str(out), str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    ungraded = runner.invoke(cli, ["canvas", str(tmp_path), str(export)])
    assert ungraded.exit_code == 1
    assert ungraded.stderr.strip() == f"Error: {tmp_path / 'grades.json'}: no such file (grade into {tmp_path} first)"
    unknown = runner.invoke(cli, ["canvas", str(out), str(export), "--column", "Quiz 9"])
    assert unknown.exit_code == 2 and "no such column" in unknown.stderr and "Traceback" not in unknown.output
    (out / "grades.json").write_text("{not json")
    broken = runner.invoke(cli, ["canvas", str(out), str(export)])
    assert broken.exit_code == 1 and "not a cnn-grader grades.json" in broken.stderr


def test_grades_json_is_left_as_it_was(classroom):
    out, export = classroom
    before = (out / "grades.json").read_bytes()
    import_grades(out, export)
    assert (out / "grades.json").read_bytes() == before
    assert len(load_results(out)[1]) == 7
