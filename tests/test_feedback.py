"""Feedback release: brief feedback says what is wrong and gives no answer away; pages read well.

A class of wrong submissions (the mistake corpus, and wrong answers made from the solutions) is graded
once with ``--feedback brief``; the same grades are rendered again in full.  The answers are derived,
not written here: values from running the solutions, truths from the quiz's own PyTorch oracles, the
reference networks' layer tables from the reference models, explanations from the bank.  The scan
that finds none of them in brief feedback must find them in full feedback, question by question.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.checkapi.verdict import code, full_text
from grader.cli import cli
from grader.feedback import BRIEF, FULL, check_text
from grader.judge.batch import grade_batch
from grader.outputs.gradescope_json import gradescope_results, validate
from grader.outputs.report import page_names, write_reports
from grader.outputs.results import load_results
from grader.outputs.templating import markdown
from grader.packaging.otter_zip import run_autograder
from grader.questions import bank, counting
from grader.questions import q01_filter_output as q1_meta
from grader.questions import q09_exercise_62 as q9_meta
from grader.questions.q02_output_size import checks as q2
from grader.questions.q06_conv_by_hand import checks as q6
from grader.questions.q09_exercise_62 import checks as q9
from grader.questions.q10_statements import checks as q10
from tests.conftest import CORPUS, FAST, ROOT

# -- the answers, derived ----------------------------------------------------------------------------


def solution_namespace() -> dict:
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    run_units([q.solution for q in bank.QUESTIONS], namespace, timeout=None)
    return namespace


def number(n: int) -> str:
    """A count as feedback could write it: 4238337, 4,238,337, 4_238_337."""
    forms = sorted({str(n), f"{n:,}", f"{n:_}"}, key=len, reverse=True)
    return r"(?<![\d.,_])(?:" + "|".join(map(re.escape, forms)) + r")(?![\d_])"


def row(values) -> str:
    """A row of numbers as feedback could write it: 12, 12, 17 or 12.0, 12.0, 17.0."""
    return r"\b" + r"(?:\.0+)?\s*,\s*".join(str(int(v)) for v in values) + r"(?:\.0+)?\b"


#: The lecture's formulas, by their vocabulary: a name of a size, a count or a side, an operator, another.
_TERM = (r"(?:n|k|p|s|kH|kW|kh|kw|input|kernel|padding|stride|kernel_size|in_channels|out_channels|in_features|"
         r"out_features|channels|height|width)")
FORMULA = re.compile(rf"floor\s*\(|\b{_TERM}\s*(?:[-+*/x]|//)\s*\(?\s*(?:\d+\s*\*?\s*)?(?:{_TERM}|\d+)\b")
TRUTH = re.compile(r"\b(?:true|false)\b", re.I)


def text_of(fragment: str) -> str:
    """An HTML fragment's text as a reader sees it, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def plain(markdown_text: str) -> str:
    """Feedback's Markdown as a reader sees it (rendered, then its text)."""
    return text_of(str(markdown(markdown_text)))


@pytest.fixture(scope="module")
def answers() -> dict[str, list[tuple[str, re.Pattern]]]:
    """Per question, (what, pattern) of every answer value a student must not be given in brief feedback."""
    ns = solution_namespace()
    found: dict[str, list] = {q: [] for q in bank.QUESTION_IDS}
    letter, side = ns["q1_answer"], ns["conv_output_size"](4, 3)
    found["q1"] += [("the letter", re.compile(rf"['\"]{letter}['\"]|\(\s*{letter}\s*\)")),
                    ("the shape", re.compile(rf"\b{side}\s*(?:x|×|by)\s*{side}\b|\(\s*{side}\s*,\s*{side}\s*\)"))]
    for shape in ns["q3_shapes"]:
        found["q3"].append((f"the shape {shape}", re.compile(row(shape) + "|" + r"\s*x\s*".join(map(str, shape)))))
    found["q3"].append(("the flattened features", re.compile(number(ns["q3_flatten_features"]))))
    for name in ("q4_conv_params", "q4_cnn_params", "q4_fcnn_params"):
        found["q4"].append((name, re.compile(number(ns[name]))))
    for values in ns["q6_output"].tolist():
        found["q6"].append((f"the output row {values}", re.compile(row(values))))
    chosen = sorted(ns["q9_true"])
    found["q9"].append(("the letters", re.compile(r"\{\s*" + r"\s*,\s*".join(rf"['\"]{c}['\"]" for c in chosen) + r"\s*\}")))
    for key, (_, hint) in q9.STATEMENTS.items():
        found["q9"].append((f"the quiz's explanation of ({key})", re.compile(re.escape(plain(hint)))))
    for key, (_, hint) in q10.TRUTHS.items():
        found["q10"].append((f"the quiz's explanation of statement {key}", re.compile(re.escape(plain(hint)))))
    return found


def settings(checks, side: str) -> set[str]:
    """The ``key=value`` settings of one side's layer tables in ``checks``."""
    return {f"{k}={v}" for c in checks for layer in ((c.details or {}).get("layers") or {}).get(side) or []
            for k, v in (layer.get("config") or {}).items()}


def reference_settings(failed, question_checks) -> set[str]:
    """What the networks asked for hold that none of the student's own models in the question does."""
    return settings(failed, "reference") - settings(question_checks, "submission")


def option_listings(q: str) -> list[str]:
    """How a format message lists every allowed letter: listing them all gives nothing away."""
    letters = {"q1": q1_meta.LETTERS, "q9": q9_meta.LETTERS}.get(q, ())
    return [", ".join(repr(a) for a in letters), ", ".join(letters)] if letters else []


# -- what students see -------------------------------------------------------------------------------

def page_sections(page: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in re.finditer(r'<section class="question" id="(q\d+)">(.*?)</section>',
                                                        page, re.S)}


def shown(folder: Path, results, mode: str) -> list[tuple[str, str, str, list]]:
    """(student, question, where, text, checks) of everything a student is shown under ``mode``, as text:
    each check's feedback, the question's part of the page, results.json's tests (in brief, the visible ones)."""
    out = []
    names = page_names(results)
    for r in results:
        page = (folder / "feedback" / f"{names[r.key]}.html").read_text()
        sections = page_sections(page)
        doc = json.loads((folder / "feedback" / f"{names[r.key]}.json").read_text())
        tests = [t for t in doc["tests"] if mode == FULL or t["visibility"] == "visible"]
        for q in r.max_scores:
            failed = [c for c in r.checks if c.question == q and c.outcome != "passed"]
            mine = [c for c in r.checks if c.question == q]
            out += [(r.student, q, f"{c.id} feedback", plain(check_text(c, mode)), [c], mine) for c in failed]
            out.append((r.student, q, "page", text_of(sections.get(q, "")), failed, mine))
            for test in tests:
                if test["name"] == q or test["name"].startswith(f"{q}:"):
                    out.append((r.student, q, f"results.json {test['name']!r}", plain(test["output"]), failed, mine))
                elif test["name"] == "Public tests":
                    lines = [l for l in test["output"].splitlines() if l.startswith(f"{q}.")]
                    out.append((r.student, q, "results.json public tests", plain("\n".join(lines)), failed, mine))
        out.append((r.student, "*", "the whole page", text_of(page), r.checks, r.checks))
        out.append((r.student, "*", "results.json", plain(" ".join(t["output"] for t in tests) + " " + doc["output"]),
                    r.checks, r.checks))
    return out


def leaks(items, answers) -> list[tuple]:
    """Every answer, explanation, formula or reference setting found in what students are shown."""
    found = []
    for student, q, where, seen, checks, question_checks in items:
        hidden_checks = [c for c in checks if c.hidden]
        if q != "*":
            for listing in option_listings(q):
                seen = seen.replace(listing, "")
            for what, pattern in answers[q]:
                if pattern.search(seen):
                    found.append((student, q, where, what))
            if where != "page" and FORMULA.search(seen):  # a page also shows points ("0 / 1")
                found.append((student, q, where, f"a formula: {FORMULA.search(seen).group(0)}"))
            if q in ("q9", "q10") and "feedback" in where and hidden_checks and TRUTH.search(seen):
                found.append((student, q, where, "a statement's truth"))
            for setting in reference_settings(checks, question_checks):
                if re.search(rf"(?<![\w.]){re.escape(setting)}(?![\w\[])", seen):
                    found.append((student, q, where, f"the network asked for: {setting}"))
        else:
            if "the network asked for" in seen and where == "the whole page":
                found.append((student, q, where, "the layer table of the network asked for"))
            for c in checks:
                if c.outcome != "passed" and c.reveal and plain(c.reveal) in seen:
                    found.append((student, c.question, where, f"the explanation of {c.id}"))
    return found


# -- the class ---------------------------------------------------------------------------------------

EVIL = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![p](http://evil.example/p.png) *em* `tick`"


def wrong_answers() -> dict[str, str]:
    """Submissions wrong on every question, each answer made from the solution (never written out here)."""
    def script(**changes):
        return "\n\n".join(changes.get(q.id, q.solution) for q in bank.QUESTIONS)

    s = {q.id: q.solution for q in bank.QUESTIONS}
    first_wrong = {
        "q1": s["q1"] + '\nq1_answer = "ABC".replace(q1_answer, "")[0]\n',
        "q2": s["q2"].replace("return (padded - kernel_size) // stride + 1", "return padded"),
        "q3": s["q3"] + "\nq3_shapes = [tuple(reversed(shape)) for shape in q3_shapes]\nq3_flatten_features += 1\n",
        "q4": s["q4"] + "\nq4_conv_params += 1\nq4_cnn_params += 1\nq4_fcnn_params += 1\n",
        "q5": s["q5"].replace("+ (out_channels if bias else 0)", "+ 1")
                     .replace("out_features * in_features + (out_features if bias else 0)", "in_features"),
        "q6": s["q6"].replace("out[i, j] = (window * kernel).sum()", "out[i, j] = (window * kernel).sum() + 1")
                     .replace("block.max()", "block.min()") + "\nq6_output = q6_output.T.contiguous()\n",
        "q7": s["q7"].replace("MaxPool2d", "AvgPool2d", 1),
        "q8": s["q8"].replace("conv_block(3, 3),\n", "", 1),
        "q9": s["q9"] + "\nq9_true = set('ABCDE') - set(q9_true)\n",
        "q10": s["q10"] + "\nq10_answers = {k: not v for k, v in q10_answers.items()}\n",
    }
    second_wrong = {
        "q1": s["q1"] + '\nq1_answer = "ABC".replace(q1_answer, "")[1]\n',
        "q6": s["q6"] + "\nq6_output = q6_output + 1\n",
        "q7": s["q7"].replace("torch.nn.ReLU(),\n            torch.nn.MaxPool2d((2, 2)),\n            torch.nn.Flatten()",
                              "torch.nn.MaxPool2d((2, 2)),\n            torch.nn.Flatten()"),
        "q8": s["q8"].replace("(3, 3), padding=1", "(3, 3), padding=0"),
        "q10": s["q10"] + "\nq10_answers = {k: not v if k % 2 else v for k, v in q10_answers.items()}\n",
    }
    hostile = {
        "q1": f"q1_answer = {EVIL!r}\n",
        "q2": f"def conv_output_size(size, kernel_size, stride=1, padding=0):\n    raise ValueError({EVIL!r})\n",
    }
    assert all(first_wrong[q] != s[q] for q in first_wrong) and all(second_wrong[q] != s[q] for q in second_wrong)
    return {"wrong_everywhere.py": script(**first_wrong), "wrong_again.py": script(**second_wrong),
            "hostile_strings.py": script(**hostile)}


def notebook(cells: list[tuple[str, int | None]]) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "source": src, "metadata": {}, "outputs": [],
                                  "execution_count": count} for src, count in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The class graded once with brief feedback, and the same grades rendered in full."""
    work = tmp_path_factory.mktemp("release")
    subs = work / "class"
    subs.mkdir()
    for path in sorted((CORPUS / "mistakes").iterdir()):
        if path.suffix in (".py", ".ipynb"):
            shutil.copy(path, subs / path.name)
    for name, text in wrong_answers().items():
        (subs / name).write_text(text)
    cells = [("print(undefined_here)", 4)] + [(q.solution, i + 5) for i, q in enumerate(bank.QUESTIONS)]
    (subs / "cells.ipynb").write_text(notebook(cells))
    (subs / "broken.ipynb").write_text("{not a notebook")
    brief = work / "brief"
    grade_batch([subs], brief, jobs=2, seed=11, limits=FAST, feedback=BRIEF)
    full = work / "full"
    shutil.copytree(brief, full)
    meta, results = load_results(full)
    write_reports(full, meta, results, meta["questions"], feedback=FULL)
    return {"class": subs, "brief": brief, "full": full, "results": results, "meta": meta}


def test_the_class_is_wrong_on_every_question(released):
    lost = {q for r in released["results"] for q in r.max_scores if r.scores[q] < r.max_scores[q]}
    assert lost == set(bank.QUESTION_IDS)
    failing = [c for r in released["results"] for c in r.checks if c.outcome != "passed"]
    assert {c.question for c in failing if c.reveal} == set(bank.QUESTION_IDS)  # something to hold back in each


def test_brief_feedback_reveals_no_answer(released, answers):
    found = leaks(shown(released["brief"], released["results"], BRIEF), answers)
    assert found == [], "\n".join(map(str, found[:20]))


def test_the_same_scan_finds_the_answers_in_full_feedback(released, answers):
    found = leaks(shown(released["full"], released["results"], FULL), answers)
    assert {q for _, q, _, _ in found} == {*bank.QUESTION_IDS, "*"}
    assert ("*", "the layer table of the network asked for") in {(q, what) for _, q, _, what in found}
    kinds = {(q, what.split(":")[0].split(" of ")[0]) for _, q, _, what in found}
    assert {("q7", "the network asked for"), ("q8", "the network asked for")} <= kinds
    assert {("q9", "the quiz's explanation"), ("q10", "the quiz's explanation")} <= kinds
    assert {q for q, what in kinds if what.startswith("a formula")} >= {"q1", "q2", "q4", "q5"}


def test_the_scan_recognises_each_answer_written_out(answers):
    ns = solution_namespace()
    written = {
        "q1": [repr(ns["q1_answer"]), f"({ns['q1_answer']})", "2x2", "(2, 2)"],
        "q3": [str(s) for s in ns["q3_shapes"]] + [str(list(s)) for s in ns["q3_shapes"]]
              + [f"{ns['q3_flatten_features']:,}"],
        "q4": [f"{ns[n]}" for n in ("q4_conv_params", "q4_cnn_params", "q4_fcnn_params")] + [f"{ns['q4_fcnn_params']:,}"],
        "q6": [str(r) for r in ns["q6_output"].tolist()] + [str([int(v) for v in r]) for r in ns["q6_output"].tolist()],
        "q9": [repr(ns["q9_true"])],
    }
    for q, texts in written.items():
        for text in texts:
            assert any(p.search(plain(text)) for _, p in answers[q]), (q, text)
    for rule in (q2.RULE_Q2, counting.CONV_RULE, counting.LINEAR_RULE, q6.CONV_RULE,
                 "out x in x k x k weights", "n + 2p", "input - kernel + 1", "channels x height x width"):
        assert FORMULA.search(plain(rule)), rule
    assert not TRUTH.search(plain("Statement 3 is not judged right."))


def test_every_failure_still_says_what_is_wrong_and_students_see_it(released):
    names = page_names(released["results"])
    for r in released["results"]:
        if r.status == "invalid":
            continue
        sections = page_sections((released["brief"] / "feedback" / f"{names[r.key]}.html").read_text())
        for c in r.checks:
            if c.outcome != "passed":
                assert c.feedback, c.id
                assert text_of(markdown(c.feedback)) in text_of(sections[c.question]), (r.student, c.id)


def test_after_the_due_date_students_get_the_full_explanation_and_points_count_once(released):
    for r in released["results"]:
        doc = gradescope_results(r, BRIEF)
        assert validate(doc) == []
        visible = [t for t in doc["tests"] if t["visibility"] == "visible"]
        later = [t for t in doc["tests"] if t["visibility"] == "after_due_date"]
        assert {t["visibility"] for t in doc["tests"]} <= {"visible", "after_due_date"}
        assert doc["score"] == r.total and round(sum(t["score"] for t in doc["tests"]), 4) == r.total
        assert round(sum(t["max_score"] for t in doc["tests"]), 4) == r.max_total
        assert all(t["score"] == t["max_score"] == 0 for t in later)
        lost = [q for q in r.max_scores if any(c.question == q and c.outcome != "passed" for c in r.checks)]
        assert [t["name"].split(":")[0] for t in later] == lost
        for t in later:
            for c in r.checks:
                if c.question == t["name"].split(":")[0] and c.outcome != "passed":
                    assert c.full_feedback in t["output"]
        assert len([t for t in visible if t["name"] in r.max_scores]) == len(r.max_scores)
        full = gradescope_results(r, FULL)
        assert {t["visibility"] for t in full["tests"] if t["name"] in r.max_scores} == {"after_published"}


def test_grades_json_records_the_mode_and_both_parts(released):
    doc = json.loads((released["brief"] / "grades.json").read_text())
    assert doc["meta"]["feedback"] == BRIEF
    checks = [c for r in doc["results"] for c in r["checks"] if c["outcome"] != "passed"]
    assert all("feedback" in c and "reveal" in c for c in checks)
    assert any(c["reveal"] for c in checks)


# -- the command line --------------------------------------------------------------------------------

def test_report_renders_either_mode_from_grades_json_and_defaults_to_the_run(released, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(released["brief"], out)
    page = out / "feedback" / "wrong_everywhere.html"
    brief_page = page.read_bytes()
    result = CliRunner().invoke(cli, ["report", str(out), "--feedback", "full"])
    assert result.exit_code == 0 and "full feedback" in result.output
    assert page.read_bytes() == (released["full"] / "feedback" / "wrong_everywhere.html").read_bytes() != brief_page
    result = CliRunner().invoke(cli, ["report", str(out)])  # the mode the run was graded with
    assert result.exit_code == 0 and "brief feedback" in result.output and page.read_bytes() == brief_page


def test_feedback_options_are_checked_at_the_edge(released, tmp_path):
    result = CliRunner().invoke(cli, ["grade", str(released["class"]), "--out", str(tmp_path / "o"),
                                      "--feedback", "everything"])
    assert result.exit_code == 2 and "--feedback" in result.output
    result = CliRunner().invoke(cli, ["report", str(released["brief"]), "--feedback", "short"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["build", "--check", "--feedback", "brief", "--root", str(ROOT)])
    assert result.exit_code == 1 and "autograder.zip" in result.output and "--feedback brief" in result.output


def test_grades_from_before_the_split_are_not_released_brief(released, tmp_path):
    out = tmp_path / "old"
    shutil.copytree(released["brief"], out)
    doc = json.loads((out / "grades.json").read_text())
    del doc["meta"]["feedback"]
    for r in doc["results"]:  # one text per check, as before the split
        for c in r["checks"]:
            c["feedback"] = full_text(c["feedback"], c.pop("reveal"))
    (out / "grades.json").write_text(json.dumps(doc))
    result = CliRunner().invoke(cli, ["report", str(out), "--feedback", "brief"])
    assert result.exit_code == 1 and "grade again" in result.output and "Traceback" not in result.output
    assert CliRunner().invoke(cli, ["report", str(out)]).exit_code == 0  # in full, as before


def test_the_zip_passes_its_mode_to_the_grader():
    import zipfile

    assert "--feedback brief" in run_autograder(BRIEF)
    with zipfile.ZipFile(ROOT / "autograder.zip") as z:  # the committed zip keeps today's default
        assert "--feedback full" in z.read("run_autograder").decode()


# -- pages -------------------------------------------------------------------------------------------

HOSTILE_STRINGS = ["<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "x `` y ` z", "`start", "end`",
                   " spaced ", "*not emphasis*", "a\nb"]


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_a_code_span_shows_any_text_literally(text):
    rendered = str(markdown(f"raised {code(text)}."))
    assert rendered.count("<code>") == 1 and "<img" not in rendered and "<a " not in rendered
    inner = re.search(r"<code>(.*)</code>", rendered, re.S).group(1)
    assert html.unescape(inner) == " ".join(text.split("\n"))


def test_student_strings_never_become_markup(released):
    for mode in ("brief", "full"):
        page = (released[mode] / "feedback" / "hostile_strings.html").read_text()
        assert "q1" in page_sections(page) and "[click](javascript:alert(1))" in text_of(page)
        for tag in ("<img", "<script", "javascript:alert(1)\"", "src=\"http"):
            assert tag not in page, (mode, tag)
        assert re.findall(r'<a\b[^>]*>', page) == [f'<a href="#{q}">' for q in bank.QUESTION_IDS]  # its own only
        assert "<em>em</em>" not in page  # the student's *em* stays in its code span
    assert "<img" not in (released["brief"] / "report.html").read_text()


def test_markdown_in_feedback_is_rendered(released):
    page = (released["brief"] / "feedback" / "q3_shapes_without_padding.html").read_text()
    assert "<em>without</em> padding" in page and "*without*" not in page
    assert "<code>q3_flatten_features</code>" in page


def test_questions_fully_passed_show_no_layer_table_and_brief_shows_no_reference(released):
    names = page_names(released["results"])
    for mode in ("brief", "full"):
        for r in released["results"]:
            sections = page_sections((released[mode] / "feedback" / f"{names[r.key]}.html").read_text())
            for q, section in sections.items():
                if r.scores[q] >= r.max_scores[q]:
                    assert 'class="layers"' not in section, (mode, r.student, q)
                if mode == "brief":
                    assert "the network asked for" not in section and "side-start" not in section
    page = (released["full"] / "feedback" / "q7_missing_first_relu.html").read_text()
    q7 = page_sections(page)["q7"]
    assert q7.count('<table class="layers">') == 1 and "the network asked for" in q7


def test_cells_are_named_as_the_student_finds_them(released):
    page = (released["brief"] / "feedback" / "cells.html").read_text()
    assert "the cell starting <code>print(undefined_here)</code> (In [4])" in page
    assert not re.search(r"\bcell \d+\b", text_of(page))


def test_an_invalid_file_gets_its_reason_and_nothing_else(released):
    page = (released["brief"] / "feedback" / "broken.html").read_text()
    assert 'id="invalid"' in page and "not valid notebook JSON" in page
    assert "<section" not in page and "<table" not in page
    report = (released["brief"] / "report.html").read_text()
    assert str(released["class"]) not in page + report  # no server path, neither for students nor in problem rows


def test_the_class_report_counts_students_by_their_best_attempt_and_invalid_files_apart(released):
    report = (released["brief"] / "report.html").read_text()
    results = released["results"]
    students = {r.student for r in results}
    assert re.search(rf'id="count">{len(students)}<', report)
    assert re.search(rf'id="invalid-files">{sum(r.status == "invalid" for r in results)} invalid<', report)
    assert re.search(r"\d+ students?:</span>", report) and not re.search(r">\(\d+\)", report)


# -- in a browser, at phone and desktop widths ---------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = (390, 1280)

MEASURE = """() => {
  const root = document.documentElement;
  const wrapped = [...document.querySelectorAll('.points, .num')].filter(e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
  }).map(e => e.textContent.trim());
  return {scroll: root.scrollWidth, client: root.clientWidth, wrapped: wrapped};
}"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.fail("chromium is not installed (scripts/test installs Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_overflows_or_wraps_a_point_count(released, browser, width, tmp_path):
    """Every page, both modes: nothing wider than the window, no "0 / 0.75" broken over two lines.

    Set CNN_GRADER_SCREENSHOTS=DIR to keep full-page screenshots for a person to look at.
    """
    shots = Path(os.environ["CNN_GRADER_SCREENSHOTS"]) if os.environ.get("CNN_GRADER_SCREENSHOTS") else None
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = []
    for mode in ("brief", "full"):
        folder = released[mode]
        for path in [folder / "report.html", *sorted((folder / "feedback").glob("*.html"))]:
            page.goto(path.as_uri())
            got = page.evaluate(MEASURE)
            if got["scroll"] > got["client"] or got["wrapped"]:
                problems.append((mode, path.name, got))
            if shots:
                shots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shots / f"{mode}-{path.stem}-{width}.png"), full_page=True)
    page.close()
    assert problems == []


@pytest.mark.browser
def test_the_layer_tables_stand_side_by_side(released, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((released["full"] / "feedback" / "q7_no_padding.html").as_uri())
    heads = page.eval_on_selector_all("#q7 table.layers th.side-head", "els => els.map(e => e.getBoundingClientRect())")
    assert len(heads) == 2 and heads[0]["top"] == heads[1]["top"] and heads[1]["left"] > heads[0]["left"]
    marked = page.eval_on_selector_all("#q7 table.layers td.diff", "els => els.map(e => e.textContent.trim())")
    assert any("padding=[0, 0]" in t for t in marked) and any("padding=[1, 1]" in t for t in marked)
    page.close()


# -- naming cells --------------------------------------------------------------------------------------

def test_a_cell_is_named_by_its_first_line_and_its_saved_execution_count():
    from grader.judge.submission import cell_labels, statement_labels

    labels = cell_labels(["import torch\n", "\n\n  model = Net()  \nx = 1", "", "import torch", "y" * 60, "a = `b`"],
                         [3, None, None, 12, None, 5])
    assert labels == ["the cell starting `import torch` (In [3], the 1st of 2 such cells)",
                      "the cell starting `model = Net()`",
                      "an empty cell",
                      "the cell starting `import torch` (In [12], the 2nd of 2 such cells)",
                      f"the cell starting `{'y' * 40}…`",
                      "the cell starting `` a = `b` `` (In [5])"]
    assert statement_labels("x = 1\n\ndef f():\n    pass\n") == ("line 1", "line 3")
    assert statement_labels("x = (") == ("the script",)


def test_a_workers_location_is_translated_and_a_forged_one_kept(tmp_path, monkeypatch):
    from grader.judge import submission
    from grader.judge.submission import Source, load

    path = tmp_path / "nb.ipynb"
    path.write_text(notebook([("import torch", 1), ("def f():\n    return 1 / 0", 2), ("f()", 3), ("x = 1", None),
                              ("y = 2", None)]))
    sub = load(Source(path))
    assert sub.place("cell 2, line 2") == "the cell starting `def f():` (In [2]), line 2"
    assert sub.place("cell 2, line 2", within=1) == "line 2"
    assert sub.place("cell 99, line 1") == "cell 99, line 1"  # past the cells: said as it came
    assert sub.place("<b>anything</b>") == "<b>anything</b>"  # a file name the code chose; rendered as text
    monkeypatch.setattr(submission, "MAX_UNITS", 3)
    short = load(Source(path))
    assert len(short.labels) == len(short.units) == 4 and short.labels[-1] == "the cells after the first 3"


@pytest.mark.parametrize("ops, check, said", [
    # a pooling check that finds a convolution names the convolution (fairness round 103: "torch's built-in pooling
    # (`nn.Conv2d`)"), and the other way round
    (["nn.Conv2d"], "pooling", "convolution"),
    (["F.max_pool2d"], "convolution", "pooling"),
    (["torch.nn.Conv2d", "torch.nn.MaxPool2d"], "pooling", "convolution and pooling"),
    (["aten::convolution"], "convolution", "convolution"),
    (["aten::upsample_nearest2d_backward"], "pooling", "pooling"),   # neither by name: what the check is about
])
def test_the_by_hand_feedback_names_what_it_found(ops, check, said):
    assert q6._builtin_kind(ops, check) == said
    text = q6.BUILTIN_FEEDBACK.format(name="max_pool2d", how="can reach", what=said, ops=", ".join(ops))
    assert f"torch's built-in {said} (" in text and "`max_pool2d` can reach" in text
