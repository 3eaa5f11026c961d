"""Reports: the class page, feedback pages, Gradescope JSON, the gradebook CSV; escaped, deterministic, in a browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from grader.outputs.gradescope_json import validate
from grader.outputs.report import (
    frequent_failures,
    gradescope_results,
    histogram,
    lms_csv,
    page_names,
    question_stats,
    render_report,
)
from grader.records import CheckResult, SubmissionResult
from tests.conftest import ROOT, invoke, solution_script, traceback_of

EVIL = "<img src=x onerror=alert(1)>"


def result(student="alice", total=4.0, status="ok", source=None, checks=None, q1=1.0):
    maxima = {"q1": 1.0, "q2": 3.0}
    q1 = min(q1, total)
    scores = {"q1": q1, "q2": total - q1}
    return SubmissionResult(student=student, submission=f"{student}.py", source=source or f"/x/{student}.py",
                            sha256="0" * 64, status=status, error=None if status == "ok" else "cell 2: boom",
                            scores=scores, max_scores=maxima, total=total, max_total=4.0, checks=checks or [])


def check(cid, passed, feedback="", hidden=True, points=1.0):
    return CheckResult(id=cid, question=cid.split(".")[0], description=f"tests {cid}", hidden=hidden,
                       points=points if passed else 0.0, max_points=points, outcome="passed" if passed else "failed",
                       feedback=feedback)


def test_histogram_bins_cover_zero_to_max_and_count_everyone():
    bins = histogram([0, 1, 13, 26, 26, 25.9], 26, bins=13)
    assert len(bins) == 13 and bins[0]["low"] == 0 and bins[-1]["high"] == 26
    assert sum(b["count"] for b in bins) == 6 and bins[-1]["count"] == 3


def test_question_stats_mean_and_full_share():
    stats = question_stats([result(total=4, q1=1), result("bob", total=1, q1=0)])
    q1 = next(s for s in stats if s["id"] == "q1")
    assert q1["mean"] == 0.5 and q1["full_share"] == 0.5


def test_frequent_failures_count_students_and_group_feedback():
    rows = frequent_failures([
        result("a", checks=[check("q2.stride", False, "round"), check("q2.basic", False, "one short")]),
        result("b", checks=[check("q2.stride", False, "round")]),
        result("c", checks=[check("q2.stride", False, "stride ignored"), check("q2.basic", True)]),
    ])
    assert [(r["id"], r["count"]) for r in rows] == [("q2.stride", 3), ("q2.basic", 1)]
    assert rows[0]["messages"][0] == {"text": "round", "count": 2}


def test_frequent_failures_of_a_class_with_variants_name_no_one_student_s_numbers():
    """A check's description names each student's own numbers: the class report says so, not one student's."""
    import dataclasses

    def own(student, side):
        return dataclasses.replace(check("q7.runs", False, "fails"), description=f"CNN() maps one 1x{side}x{side} image")

    rows = frequent_failures([result("a", checks=[own("a", 96)]), result("b", checks=[own("b", 96)]),
                              result("c", checks=[own("c", 48)])])
    assert rows[0]["description"] == "CNN() maps one 1x96x96 image (each student with their own numbers)"
    alike = frequent_failures([result("a", checks=[own("a", 96)]), result("b", checks=[own("b", 96)])])
    assert alike[0]["description"] == "CNN() maps one 1x96x96 image"


def test_gradebook_csv_one_row_per_student_best_total():
    text = lms_csv([result("a", total=2), result("a", total=3, source="/y/a.py"), result("=cmd", total=1)])
    assert text.splitlines() == ["student,name,total,max_total", "'=cmd,,1,4", "a,,3,4"]


def test_page_names_are_safe_unique_and_stable():
    results = [result(EVIL), result("../../etc/passwd"), result("a"), result("a", source="/y/a.py")]
    names = page_names(results)
    assert len(set(names.values())) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", n) and not n.startswith(".") for n in names.values())
    assert page_names(list(reversed(results))) == names


def test_two_chosen_stems_do_not_take_a_classmates_feedback_page():
    """Attack round 15, finding 4: ``_bob`` takes ``bob``, which pushes bob's row to ``bob-<hash>``; a second file
    named ``_bob-<hash>`` (sorted first) took that name before bob's row did, and both rows wrote the same page
    and results JSON.  Every row gets a page of its own, whatever names the others chose."""
    import hashlib
    import types

    def row(student: str, source: str):
        return types.SimpleNamespace(student=student, source=source, key=f"{source}\0{student}")

    bob = row("bob", "class/bob.ipynb")
    pushed_to = "bob-" + hashlib.sha256(bob.key.encode()).hexdigest()[:8]
    rows = [row("_bob", "class/_bob.py"), row("_" + pushed_to, f"class/_{pushed_to}.py"), bob]
    names = page_names(rows)
    assert len(set(names.values())) == len(rows), names
    assert names[bob.key] not in ("bob", pushed_to)
    # and the stems of a whole chain of such files: each fallback is taken by the file before it
    chain = [bob]
    for _ in range(3):
        taken = page_names(chain)[bob.key]
        chain.append(row("_" + taken, f"class/_{taken}.py"))
    assert len(set(page_names(chain).values())) == len(chain)


@pytest.mark.parametrize("row", [
    result(checks=[check("q1.format", True, hidden=False, points=0), check("q1.answer", True)]),
    result(total=0, status="invalid"),
    result(total=1, status="timeout", checks=[check("q2.stride", False, "did not finish")]),
])
def test_feedback_json_is_a_valid_gradescope_results_json(row):
    doc = gradescope_results(row)
    assert validate(doc) == []
    assert doc["score"] == row.total
    assert [t["name"] for t in doc["tests"] if t["name"].startswith("q")] == list(row.max_scores)


def test_rendering_is_deterministic():
    rows = [result("b", total=1), result("a", total=4)]
    assert render_report({"seed": 1}, rows) == render_report({"seed": 1}, list(reversed(rows)))


# -- a real class, graded, rendered, re-rendered, opened in a browser -------------------------------

@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    work = tmp_path_factory.mktemp("report")
    subs = work / "subs"
    shutil.copytree(ROOT / "examples" / "submissions", subs)
    (subs / f"{EVIL}.py").write_text(solution_script().replace('q1_answer = "C"', 'q1_answer = "<b>A</b>"')
                                     + '\nprint("<script>alert(2)</script>")\n')
    out = work / "out"
    graded = invoke("grade", subs, "--out", out)
    assert graded.exit_code == 0, graded.stderr + traceback_of(graded)
    return out


def test_grading_writes_every_report(graded_class):
    out = graded_class
    rows = json.loads((out / "grades.json").read_text())["results"]
    assert (out / "report.html").exists() and (out / "gradebook.csv").exists()
    assert len(list((out / "feedback").glob("*.html"))) == len(rows) == 9
    for path in (out / "feedback").glob("*.json"):
        assert validate(json.loads(path.read_text())) == [], path.name


def test_report_rerenders_identically_from_grades_json(graded_class):
    before = {p: p.read_bytes() for p in graded_class.rglob("*.html")}
    result = invoke("report", graded_class)
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    assert {p: p.read_bytes() for p in graded_class.rglob("*.html")} == before


def test_names_and_answers_that_look_like_html_are_escaped(graded_class):
    html = (graded_class / "report.html").read_text()
    assert EVIL not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    page = next((graded_class / "feedback").glob("img*.html")).read_text()
    assert "<b>A</b>" not in page and "&lt;b&gt;A&lt;/b&gt;" in page
    assert "<script>" not in html + page


def test_hidden_feedback_shows_no_hidden_inputs(graded_class):
    rows = json.loads((graded_class / "grades.json").read_text())["results"]
    for row in rows:
        for c in row["checks"]:
            if c["hidden"] and c["question"] in ("q2", "q5"):
                assert not re.search(r"\(\s*\d+\s*,\s*\d+", c["feedback"]), c["feedback"]  # no argument tuples


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def render_in_chromium(path: Path, tmp_path: Path) -> str:
    if not CHROMIUM:
        pytest.fail("chromium is not installed (scripts/test installs Debian's chromium package)")
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.browser
def test_the_report_renders_in_chromium_with_its_charts_and_tables(graded_class, tmp_path):
    dom = render_in_chromium(graded_class / "report.html", tmp_path)
    histogram_svg = re.search(r'<svg id="histogram".*?</svg>', dom, re.S).group(0)
    assert len(re.findall(r'<rect class="bar"', histogram_svg)) == 13
    questions_svg = re.search(r'<svg id="questions".*?</svg>', dom, re.S).group(0)
    assert len(re.findall(r'class="mean-bar"', questions_svg)) == 10
    assert len(re.findall(r'class="full-bar"', questions_svg)) == 10
    students = re.search(r'<table id="students">.*?</table>', dom, re.S).group(0)
    assert students.count("<tr>") == 1 + 9 and students.count('href="feedback/') == 9
    assert '<ol id="failures" class="blocks">' in dom and '<ul id="problems" class="blocks">' in dom
    assert "<img" not in dom and "&lt;img src=x onerror=alert(1)&gt;" in dom


@pytest.mark.browser
def test_a_feedback_page_renders_in_chromium_with_layer_tables(graded_class, tmp_path):
    rows = json.loads((graded_class / "grades.json").read_text())["results"]
    okafor = next(r for r in rows if r["student"] == "10288")  # q7 without its first ReLU
    dom = render_in_chromium(graded_class / "feedback" / "10288.html", tmp_path)
    assert f'{okafor["total"]:g} of 26' in dom
    q7 = re.search(r'<section class="question" id="q7">.*?</section>', dom, re.S).group(0)
    assert q7.count('<table class="layers">') == 1 and "the network asked for" in q7
    assert re.search(r'<td class="[^"]*diff[^"]*"[^>]*>\s*no layer here', q7)  # the missing ReLU, marked
    assert re.search(r'class="layer nowrap diff side-start">ReLU', q7)
    assert "<em>without</em> the ReLU" in q7


@pytest.mark.parametrize("where", ["error", "student", "name"])
def test_a_lone_surrogate_costs_no_page_of_the_class(tmp_path, where):
    """Attack round 10, findings 11 and 12: an exception message a submission raised (``'\\ud800'``), or a file
    name that is not UTF-8 (Python's surrogate escape, ``stud\\udce9nt``), stopped report.html, every feedback
    page and gradebook.csv (strict UTF-8).  Such text is written with a replacement character."""
    from grader.outputs.report import FEEDBACK, LMS_CSV, REPORT, write_reports
    from grader.outputs.results import write_grades

    honest = result("alice")
    hostile = result("stud\udce9nt" if where == "student" else "mallory", status="error")
    if where == "error":
        hostile.error = "the script: `ValueError: \ud800 lone \udfff`"
    if where == "name":
        hostile.name, hostile.submission = "M\udcffallory", "bad\udcff\udcfename.py"
    write_grades(tmp_path, {"seed": 1}, [honest, hostile])
    write_reports(tmp_path, {"seed": 1}, [honest, hostile])
    assert (tmp_path / REPORT).exists() and (tmp_path / LMS_CSV).exists()
    pages = sorted((tmp_path / FEEDBACK).glob("*.html"))
    assert len(pages) == 2
    for path in [tmp_path / REPORT, tmp_path / LMS_CSV, tmp_path / "grades.csv", *pages]:
        path.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    text = (tmp_path / REPORT).read_text()
    assert "alice" in text and ("mallory" in text or "stud" in text)


def test_the_report_names_what_reading_the_folders_left_out():
    """A symbolic link, a FIFO, a folder too deep get no row (attack round 10): the instructor's page says so,
    escaped like every text from students."""
    from grader.outputs.report import render_report

    page = render_report({"seed": 1, "collection_warnings": ["class: a symbolic link: not followed, not graded: "
                                                             "mallory/<b>x</b>.py"]}, [result("alice")])
    assert 'id="collection"' in page and "mallory/&lt;b&gt;x&lt;/b&gt;.py" in page
    assert 'id="collection"' not in render_report({"seed": 1}, [result("alice")])
