"""The Canvas corpus: 36 gradebook exports written by someone who never saw the tool, and what each must give.

``tests/corpus/canvas/<case>/`` holds ``export.csv`` (a Canvas gradebook export, or a broken file),
``grades.csv`` (``student,total,max_total``: what a grading run gave each Canvas user id) and
``expected.json`` (the outcome, compared by the corpus's own rules: see its README.md).

The adapter turns ``grades.csv`` into a real graded OUT folder the way grading a Canvas bulk
download would: a file per row named as Canvas names downloads
(``<lastfirst>_<user id>_<attachment id>_lecture06.py``, ``anon_<id>_...`` under anonymous
grading, the name made from the export's own Student cell by Canvas's rules), found and owned by
:func:`grader.judge.submission.find_submissions`, judged by :mod:`grader.lateness`, and written by
``write_grades``.  Then ``cnn-grader canvas OUT export.csv`` runs as the instructor would run it.

Where the tool deliberately departs from a case's expectation, :data:`DEPARTURES` says how and why.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import assignment
from grader.cli import cli
from grader.judge.grading import submitted
from grader.judge.submission import find_submissions
from grader.lateness import LateRules
from grader.outputs.canvas import IMPORT_CSV
from grader.outputs.results import write_grades
from grader.records import ID_CANVAS, SubmissionResult
from tests.conftest import invoke, traceback_of

CORPUS = Path(__file__).parent / "corpus" / "canvas"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.json").is_file())

#: Where the tool's answer differs from the corpus author's on purpose (the corpus says so itself where it was
#: unsure): case -> {"cells": {ID: {column: accepted value}}, "why": ...}.
DEPARTURES: dict[str, dict] = {
    "03_tricky_names": {
        "cells": {"20018": {"Student": "'+Plus, Anna"}, "20019": {"Student": "'@Sign, Sam"}},
        "why": "A cell starting with + or @ is a formula to Excel (and @, + and - start DDE payloads): the import "
               "carries a leading ' there, as every CSV this tool writes does.  Canvas matches students by ID, "
               "so the name cell changes nothing in the import (GradebookImporter#process_student reads the "
               "name only for a row whose ID, SIS User ID and SIS Login ID all fail).  Canvas's own guard, "
               '="=Tables, Bobby", runs nothing and is copied exactly, as the corpus expects.',
    },
}


# -- the adapter: grades.csv -> a graded OUT folder -----------------------------------------------------

def canvas_lastfirst(sortable_name: str) -> str:
    """The name part of a Canvas download's file name, made as Canvas's ContentZipper makes it.

    ``sanitize_user_name`` (``_<digits>_`` loses its underscores, then lower case), then
    ``sanitize_file_name`` (everything but word characters removed).  The export writes a name
    starting with ``=`` as ``="<name>"``: that is its guard, not the name.
    """
    guarded = re.fullmatch(r'="(.*)"', sortable_name, re.S)
    name = guarded[1] if guarded else sortable_name
    name = re.sub(r"_(\d+)_", r"\1", name).lower()
    return re.sub(r"[^\w]", "", name)


def export_names(export: Path) -> dict[str, str]:
    """Canvas user id -> Student cell, as far as the export can be read at all (broken ones too)."""
    try:
        text = export.read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error):
        return {}
    if not rows or len(rows[0]) < 2 or rows[0][1].strip() != "ID":
        return {}
    return {r[1].strip(): r[0] for r in rows[1:] if len(r) > 1 and r[1].strip()}


def download_name(student: str, attachment: int, names: dict[str, str]) -> str:
    """The file name Canvas's bulk download gives this student's upload of ``lecture06.py``."""
    if student.startswith("anon_"):
        return f"{student}_{attachment}_lecture06.py"
    lastfirst = canvas_lastfirst(names.get(student, "Left, Somebody")) or "x"
    return f"{lastfirst}_{student}_{attachment}_lecture06.py"


def graded_out(case: Path, out: Path, downloads: Path) -> Path:
    """``out`` holding the grades of ``case/grades.csv``, as a grading of Canvas's download would write them."""
    names = export_names(case / "export.csv")
    rows = list(csv.DictReader(io.StringIO((case / "grades.csv").read_text(encoding="utf-8"))))
    downloads.mkdir(parents=True)
    totals = {}
    for i, r in enumerate(rows):
        name = download_name(r["student"], 900000 + i, names)
        (downloads / name).write_text("# a submission\n")
        totals[name] = (float(r["total"]), float(r["max_total"]), r["student"])
    results = []
    for source in find_submissions([downloads]).sources:
        total, maximum, student = totals[source.name]
        (owner,) = source.owners
        assert (owner.id, owner.kind) == (student, ID_CANVAS), f"{source.name} read as {owner}"
        results.append(LateRules().apply(SubmissionResult(
            student=owner.id, name=owner.name, id_kind=owner.kind, submission=source.name, source=source.label,
            sha256=None, status="ok", error=None, scores={"q1": total}, max_scores={"q1": maximum}, total=total,
            max_total=maximum, lateness=submitted(source))))
    out.mkdir()
    write_grades(out, {"assignment": assignment.record(), "lateness": LateRules().record()}, results)
    return out


# -- the comparison, by the corpus's rules (key.json "comparison_rules") ------------------------------

def number(text):
    try:
        if isinstance(text, str) and "," in text and "." not in text:
            text = text.replace(",", ".")
        return float(text)
    except (TypeError, ValueError):
        return None


def same_target(actual: str, expected: str) -> bool:
    a, e = number(actual), number(expected)
    if a is not None and e is not None:
        return abs(a - e) <= 0.005
    return (actual or "") == (expected or "")


def compare_rows(exp: dict, text: str, departures: dict) -> list[str]:
    wrong = []
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    if header not in [exp["expected_header"], *exp.get("expected_header_alternatives", [])]:
        return [f"header {header!r} != {exp['expected_header']!r}"]
    target, id_at = header.index(exp["target_column"]), header.index("ID")
    points = [r for r in rows[1:] if r and "Points Possible" in r[0]]
    if len(points) != 1:
        wrong.append(f"{len(points)} Points Possible rows")
    elif not any(abs((number(points[0][target]) or -1) - w) <= 0.005
                 for w in [exp["points_possible"], *exp.get("points_possible_alternatives", [])]):
        wrong.append(f"Points Possible {points[0][target]!r}")
    students = {}
    for r in rows[1:]:
        if not r or "Points Possible" in r[0]:
            continue
        if all(c.strip() in ("", "Muted") or c.startswith("Manual Posting") for c in r):
            continue
        if len(r) != len(header):
            wrong.append(f"a row of {len(r)} cells, the header {len(header)}: {r[:3]}")
            continue
        if r[id_at] in students:
            wrong.append(f"ID {r[id_at]} twice")
        students[r[id_at]] = dict(zip(header, r))
    expected = {d["ID"]: d for d in exp["expected_rows"]}
    for sid, want in expected.items():
        got = students.get(sid)
        if got is None:
            if sid not in exp.get("optional_row_ids", []):
                wrong.append(f"row {sid} missing")
            continue
        for column, value in want.items():
            accepted = [departures.get("cells", {}).get(sid, {}).get(column, value)]
            if column == exp["target_column"]:
                accepted += exp.get("cell_alternatives", {}).get(sid, [])
                if not any(same_target(got.get(column), a) for a in accepted + [value]):
                    wrong.append(f"{sid}: {column!r} = {got.get(column)!r}, expected one of {accepted!r}")
            elif got.get(column) not in accepted:
                wrong.append(f"{sid}: {column!r} = {got.get(column)!r}, expected {accepted[0]!r}")
    wrong += [f"row {sid} not expected" for sid in students if sid not in expected]
    return wrong


def run_case(name: str, tmp_path: Path) -> tuple[list[str], str, dict]:
    """Grade the case's OUT folder, run ``cnn-grader canvas``, and list every way the outcome is not the key's."""
    case = CORPUS / name
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    departures = DEPARTURES.get(name, {})
    out = graded_out(case, tmp_path / "OUT", tmp_path / "downloads")
    result = CliRunner().invoke(cli, ["canvas", str(out), str(case / "export.csv"), *exp["args"]])
    err, wrong = result.stderr, []
    if result.exception and not isinstance(result.exception, SystemExit):
        wrong.append(f"raised {result.exception!r}")
    if result.exit_code not in exp["acceptable_exit_codes"]:
        wrong.append(f"exit {result.exit_code} not in {exp['acceptable_exit_codes']}: {err.strip()}")
    wrong += [f"stderr lacks {s!r}" for s in exp["stderr_contains"] if s not in err]
    if exp["stderr_contains_any"] and not any(s.lower() in err.lower() for s in exp["stderr_contains_any"]):
        wrong.append(f"stderr has none of {exp['stderr_contains_any']!r}: {err.strip()}")
    anyf = exp.get("stderr_contains_any_if_failure") or []
    if result.exit_code != 0 and anyf and not any(s.lower() in err.lower() for s in anyf):
        wrong.append(f"stderr has none of {anyf!r}: {err.strip()}")
    wrong += [f"stderr holds {s!r}" for s in exp["stderr_must_not_contain"] if s in err]
    if result.exit_code not in (0, 2) and exp.get("stderr_single_line") and len(err.strip().splitlines()) > 1:
        wrong.append(f"the failure is more than one line: {err!r}")
    written = out / IMPORT_CSV
    if result.exit_code == 0:
        rows_exp = exp if exp["expected_rows"] is not None else None
        if rows_exp is None and exp.get("expected_rows_if_exit_0") is not None:
            fallback = exp["expected_rows_if_exit_0"]
            rows_exp = dict(exp, expected_rows=fallback, expected_header=list(fallback[0]),
                            target_column=list(fallback[0])[-1], points_possible=26)
        if not written.exists():
            wrong.append("exit 0 but no canvas_import.csv")
        elif rows_exp is not None and rows_exp.get("expected_header"):
            wrong += compare_rows(rows_exp, written.read_bytes().decode("utf-8-sig"), departures)
    elif not exp["import_file_written"] and written.exists():
        wrong.append("a failure, but canvas_import.csv was written")
    return wrong, err, exp


@pytest.mark.parametrize("name", CASES)
def test_corpus_case(name, tmp_path):
    wrong, err, exp = run_case(name, tmp_path)
    assert not wrong, f"{name} [{exp['confidence']}]: " + "; ".join(wrong) + f"\nstderr: {err}"


def test_the_corpus_is_all_there():
    assert len(CASES) == 36


def test_a_real_grading_of_a_canvas_download_is_imported(tmp_path):
    """End to end on real files: ``grade`` a Canvas download (one late, one zip of a student's own whose files
    are named for a classmate), then ``canvas`` into corpus case 01's export."""
    import zipfile

    case, names = CORPUS / "01_plain", export_names(CORPUS / "01_plain" / "export.csv")
    subs, out = tmp_path / "download", tmp_path / "OUT"
    subs.mkdir()
    right, wrong = 'q1_answer = "C"\n', 'q1_answer = "A"\n'
    (subs / f"{canvas_lastfirst(names['10472'])}_10472_11_lecture06.py").write_text(right)
    (subs / f"{canvas_lastfirst(names['10488'])}_LATE_10488_12_lecture06.py").write_text(right)
    with zipfile.ZipFile(subs / f"{canvas_lastfirst(names['10503'])}_10503_13_work.zip", "w") as z:
        z.writestr(f"{canvas_lastfirst(names['10517'])}_10517_1_lecture06.py", right)  # Jordan's? Never.
    (subs / f"{canvas_lastfirst(names['10517'])}_10517_14_lecture06.py").write_text(wrong)
    graded = invoke("grade", subs, "--out", out, "-q", "q1", "--late-penalty", "0.25")
    assert graded.exit_code == 0, graded.stderr + traceback_of(graded)
    assert "named for Canvas user(s) 10517" in graded.stderr
    result = CliRunner().invoke(cli, ["canvas", str(out), str(case / "export.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((out / IMPORT_CSV).read_text(encoding="utf-8-sig"))))
    cells = {r[1]: r[-1] for r in rows[1:] if r[1]}
    # q1 is worth 1: on time 1; late by Canvas's mark, one day at 25%: 0.75; the zip's file is nobody's;
    # Jordan's own wrong answer is his 0; Wei submitted nothing.
    assert cells == {"10472": "1", "10488": "0.75", "10503": "", "10517": "0", "10529": ""}
    assert rows[1][0].strip() == "Points Possible" and rows[1][-1] == "1"
    assert "lecture06-unattributed" in result.stderr
