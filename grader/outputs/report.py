"""Reports from grades.json: a class report, a feedback page per student, Gradescope JSON, an LMS CSV.

Everything here is a pure function of the results (no clock, no randomness,
stable order), so two renderings of the same grades are byte-identical and
reports can be diffed between regrades.  HTML comes from Jinja2 templates
with autoescaping on: file names and feedback are text, never markup.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from ..errors import ResultsError
from ..feedback import BRIEF, META_KEY, check_mode, check_text, layer_tables
from ..feedback import DEFAULT as DEFAULT_FEEDBACK
from ..lateness import LateRules
from ..lateness import label as late_label
from ..lateness import sentence as late_sentence
from ..numbers import number, statistic
from ..records import SubmissionResult
from .canvas import load_summary
from .csvfile import csv_document
from .gradescope_json import gradescope_results
from .results import atomic_write, question_ids, text_bytes
from .templating import ENV

REPORT = "report.html"
FEEDBACK = "feedback"
LMS_CSV = "gradebook.csv"
#: How many failing checks the class report lists.
TOP_FAILURES = 12


def page_name(result: SubmissionResult, taken: set[str]) -> str:
    """A file-system-safe, unique, stable name for a submission's feedback files."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", result.student).strip("._") or "student"
    base = base[:60]
    name, attempt = base, 0
    # Every fallback is checked free too: stems are the students' to choose, and a file named as another row's
    # first fallback, sorted before it, took that row's page (attack round 15).  The first fallback is the one
    # earlier outputs used; the next ones hash the key with the attempt's number.
    while name in taken:
        salt = result.key if attempt == 0 else f"{result.key}\0{attempt}"
        name = f"{base}-{hashlib.sha256(salt.encode(errors='surrogatepass')).hexdigest()[:8]}"
        attempt += 1
    taken.add(name)
    return name


def page_names(results: list[SubmissionResult]) -> dict[str, str]:
    """Row key -> page name, assigned in a fixed order."""
    taken: set[str] = set()
    return {r.key: page_name(r, taken) for r in sorted(results, key=lambda r: (r.student, r.source))}


# -- charts ----------------------------------------------------------------------------------------

def histogram(totals: list[float], max_total: float, bins: int = 13) -> list[dict]:
    """Bins of equal width over 0..max_total: ``{"low", "high", "count"}`` each (the last bin closed)."""
    width = max_total / bins if max_total else 1
    counts = [0] * bins
    for t in totals:
        counts[min(int(t / width), bins - 1) if width else 0] += 1
    return [{"low": statistic(i * width), "high": statistic((i + 1) * width), "count": c} for i, c in enumerate(counts)]


def best_attempts(results: list[SubmissionResult]) -> dict[str, SubmissionResult]:
    """Each student's best gradable attempt: the highest total among their files that could be read
    (on a tie, the first in a fixed order).  A student whose every file is invalid has none."""
    best: dict[str, SubmissionResult] = {}
    for r in sorted(results, key=lambda r: (r.student, r.source)):
        if r.status not in ("invalid", "unlisted") and (r.student not in best or r.total > best[r.student].total):
            best[r.student] = r
    return best


def question_stats(results: list[SubmissionResult]) -> list[dict]:
    """Mean and share of full marks per question, over each student's best attempt."""
    graded = list(best_attempts(results).values())
    out = []
    for q in question_ids(results):
        maximum = next((r.max_scores[q] for r in results if q in r.max_scores), 0)
        scores = [r.scores.get(q, 0.0) for r in graded]
        out.append({"id": q, "max": maximum,
                    "mean": statistic(statistics.mean(scores)) if scores else 0.0,
                    "mean_share": (statistics.mean(scores) / maximum) if scores and maximum else 0.0,
                    "full_share": (sum(s == maximum for s in scores) / len(scores)) if scores else 0.0})
    return out


def frequent_failures(results: list[SubmissionResult], limit: int = TOP_FAILURES) -> list[dict]:
    """The checks most students failed (on their best attempt), each with its most frequent feedback
    (in full: the report is the instructor's) and how many students got each."""
    by_check: dict[str, list] = defaultdict(list)
    descriptions: dict[str, Counter] = defaultdict(Counter)
    hidden: dict[str, bool] = {}
    for r in best_attempts(results).values():
        for c in r.checks:
            if c.outcome != "passed":
                by_check[c.id].append(c.full_feedback)
                descriptions[c.id][c.description] += 1
                hidden[c.id] = c.hidden
    rows = []
    for check_id, feedback in by_check.items():
        messages = Counter(feedback).most_common(3)
        # With per-student numbers a description names the student's own: one of them, said to vary.
        (description, _), *others = descriptions[check_id].most_common()
        if others:
            description += " (each student with their own numbers)"
        rows.append({"id": check_id, "description": description, "hidden": hidden[check_id],
                     "count": len(feedback), "messages": [{"text": t, "count": n} for t, n in messages]})
    rows.sort(key=lambda row: (-row["count"], row["id"]))
    return rows[:limit]


def variant_stats(results: list[SubmissionResult]) -> list[dict]:
    """Per question and range of numbers (each question's ``describe``): how many students, their mean
    and share of full marks, over each student's best attempt.  Empty when nobody had their own numbers."""
    import importlib

    from .. import questions as folders
    from ..variants import from_record

    graded = [r for r in best_attempts(results).values() if r.variant]
    if not graded:
        return []
    variants = {r.key: from_record(r.variant) for r in graded}
    rows = []
    for q in question_ids(results):
        try:
            describe = getattr(importlib.import_module(folders.info(q).module, folders.__name__), "describe", None)
        except KeyError:
            describe = None
        groups: dict[str, list[float]] = defaultdict(list)
        maximum = next((r.max_scores[q] for r in results if q in r.max_scores), 0)
        for r in graded:
            label = describe(variants[r.key].of(q)) if describe else "own numbers"
            groups[label].append(r.scores.get(q, 0.0))
        for label, scores in sorted(groups.items()):
            rows.append({"id": q, "range": label, "students": len(scores), "mean": statistic(statistics.mean(scores)),
                         "full_share": sum(s == maximum for s in scores) / len(scores)})
    return rows


# -- rendering ---------------------------------------------------------------------------------------

def class_summary(results: list[SubmissionResult]) -> dict:
    """Who and what was graded: students (each by their best attempt) apart from files (attempts),
    and the invalid files apart from both."""
    best = best_attempts(results)
    totals = [r.total for r in best.values()]
    max_total = results[0].max_total if results else 0
    files: dict[str, str] = {r.source: r.status for r in results}  # a group submission is one file
    students = {r.student for r in results}
    return {"students": len(students), "graded_students": len(best), "ungraded_students": len(students - set(best)),
            "files": len(files), "invalid_files": sum(s == "invalid" for s in files.values()),
            "several_attempts": sum(n > 1 for n in Counter(r.student for r in results).values()),
            "mean": statistic(statistics.mean(totals)) if totals else 0,
            "median": statistic(statistics.median(totals)) if totals else 0,
            "max_total": max_total, "full": sum(t == max_total for t in totals),
            "statuses": sorted(Counter(files.values()).items())}


def _late_policy(meta: dict) -> str:
    """The run's late rules in words, for the report ("" when it had none)."""
    try:
        rules = LateRules.from_record(meta.get("lateness"))
    except (ValueError, KeyError):
        return ""
    parts = []
    if rules.due:
        parts.append(f"due {rules.due.isoformat()}" + (f", late due {rules.late_due.isoformat()}" if rules.late_due
                                                         else ""))
    if rules.policy:
        parts.append(f"late policy: {rules.policy.describe()}, at most all of it")
    return "; ".join(parts)


def render_report(meta: dict, results: list[SubmissionResult], canvas: dict | None = None,
                  feedback: str = DEFAULT_FEEDBACK) -> str:
    """The class report: ``canvas``, the summary of the last Canvas import, shown when given;
    ``feedback``, the mode of the students' pages, which it names."""
    results = sorted(results, key=lambda r: (r.student, r.source))
    summary = class_summary(results)
    best = best_attempts(results)
    pages = page_names(results)
    chart = histogram([r.total for r in best.values()], summary["max_total"])
    return ENV.get_template("report.html.j2").render(
        meta=meta, summary=summary, results=results, pages=pages, feedback=check_mode(feedback),
        best={r.key for r in best.values()}, attempts=Counter(r.student for r in results),
        histogram=chart, bin_width=statistic(summary["max_total"] / len(chart)),
        questions=question_stats(results), variant_rows=variant_stats(results), failures=frequent_failures(results),
        problems=[r for r in results if r.status != "ok" or copied(r)], late=[r for r in results if r.lateness.late],
        late_label=late_label, late_policy=_late_policy(meta), canvas=canvas)


def copied(result: SubmissionResult) -> bool:
    """Whether ``result`` looks copied: its notebook names another student's variant, or its answers fit
    another student's numbers (:mod:`grader.judge.copies`)."""
    return bool((result.variant or {}).get("carried") or (result.variant or {}).get("fits"))


def question_sections(result: SubmissionResult, feedback: str) -> list[dict]:
    """Per question: its checks with their feedback as ``feedback`` releases it, and, when the question
    lost points, the layer tables of its model checks (never for a question fully passed)."""
    sections = []
    for q, maximum in result.max_scores.items():
        checks = [c for c in result.checks if c.question == q]
        score = result.scores.get(q, 0.0)
        tables = []
        if score < maximum:
            for c in checks:
                layers = layer_tables(c, feedback)
                marked = layers and any(v is not None for v in (layers.get("first_difference") or {}).values())
                # A model whose check passed with nothing to mark says nothing about the points lost.
                if layers and (c.outcome != "passed" or marked):
                    tables.append({"check": c, "rows": _aligned(layers), "layers": layers,
                                   "structure_passed": c.outcome == "passed"})
        sections.append({"id": q, "score": score, "max": maximum, "tables": tables, "numbers": _numbers(result, q),
                         "failed": [{"check": c, "text": check_text(c, feedback)} for c in checks
                                    if c.outcome != "passed"],
                         "passed": [c for c in checks if c.outcome == "passed"]})
    return sections


def _numbers(result: SubmissionResult, qid: str) -> str:
    """The student's own numbers for question ``qid``, in words ("" when they had the lecture's)."""
    if not result.variant:
        return ""
    from ..variants import from_record

    def shown(value) -> str:
        if isinstance(value, dict):
            return "; ".join(f"{k} {shown(v)}" for k, v in value.items())
        if isinstance(value, list):
            return "[" + ", ".join(shown(v) for v in value) + "]"
        return str(value)

    try:
        return shown(from_record(result.variant).of(qid))
    except (KeyError, ValueError, TypeError):
        return ""


def _aligned(layers: dict) -> list[dict]:
    """The two layer tables side by side, the same kinds of layer on the same row (a layer only one
    side has gets a row of its own), the first difference marked."""
    mine, theirs = layers["submission"] or [], layers.get("reference") or []
    mark = layers.get("first_difference") or {}
    pairs: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, [r.get("kind") for r in mine], [r.get("kind") for r in theirs],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += zip(range(i1, i2), range(j1, j2))
        else:  # a different layer in the same place shares its row; the rest stand alone
            pairs += itertools.zip_longest(range(i1, i2), range(j1, j2))
    # The first row holding either side's first difference is marked across (a layer missing on one
    # side shows as that side's empty cell beside the other's layer).
    marked = next((n for n, (i, j) in enumerate(pairs) if (i is not None and i == mark.get("submission"))
                   or (j is not None and j == mark.get("reference"))), None)
    return [{"number": n + 1,
             "submission": _shown(mine[i]) if i is not None else None,
             "reference": _shown(theirs[j]) if j is not None else None,
             "differs": n == marked} for n, (i, j) in enumerate(pairs)]


#: Settings shown only when they are not these values, which every layer of the lecture has.
QUIET_SETTINGS = {"dilation": [1, 1], "groups": 1, "ceil_mode": False}


def _shown(layer: dict) -> dict:
    """A row of a layer table as the page shows it: its settings as ``key=value``, the quiet ones left out."""
    config = layer.get("config") or {}
    return {**layer, "settings": [f"{k}={v}" for k, v in config.items() if QUIET_SETTINGS.get(k, object()) != v]}


#: Cells that did not run cleanly shown on a feedback page; the rest are counted (grades.json keeps them all).
#: A notebook of thousands of failing cells made a 2.5 MB page (attack round 3); a page stays under 1 MB.
MAX_BAD_UNITS_SHOWN = 50


def render_feedback(result: SubmissionResult, questions: dict[str, str], feedback: str = DEFAULT_FEEDBACK) -> str:
    check_mode(feedback)
    bad_units = [u for u in result.units if u.get("status") != "ok"]
    return ENV.get_template("feedback.html.j2").render(
        result=result, questions=questions, sections=question_sections(result, feedback), brief=feedback == BRIEF,
        bad_units=bad_units[:MAX_BAD_UNITS_SHOWN], more_bad_units=max(0, len(bad_units) - MAX_BAD_UNITS_SHOWN),
        lateness=late_sentence(result))


def lms_csv(results: list[SubmissionResult]) -> str:
    """One row per student for an LMS gradebook: their best total if they submitted more than once."""
    best: dict[str, SubmissionResult] = {}
    for r in sorted(results, key=lambda r: (r.student, r.source)):
        if r.student not in best or r.total > best[r.student].total:
            best[r.student] = r
    return csv_document(["student", "name", "total", "max_total"],
                        [[s, best[s].name, number(best[s].total), number(best[s].max_total)] for s in sorted(best)])


def write_class_report(out_dir: Path, meta: dict, results: list[SubmissionResult],
                       feedback: str = DEFAULT_FEEDBACK) -> Path:
    """Write report.html, with the last Canvas import's summary when ``out_dir`` has one."""
    path = out_dir / REPORT
    atomic_write(path, text_bytes(render_report(meta, results, load_summary(out_dir), feedback)))
    return path


def feedback_mode(meta: dict, feedback: str | None = None) -> str:
    """The mode to render in: ``feedback`` if given, else the one the run was graded with.

    Raises:
        ResultsError: brief feedback asked of grades written before feedback was split (nothing in
            them tells what gives an answer away).
    """
    mode = check_mode(feedback or meta.get(META_KEY) or DEFAULT_FEEDBACK)
    if mode == BRIEF and META_KEY not in meta:
        raise ResultsError("these grades were written by a cnn-grader that kept no brief feedback apart from "
                           "what gives the answers away: grade again (--overwrite) to release brief feedback")
    return mode


def write_reports(out_dir: Path, meta: dict, results: list[SubmissionResult],
                  questions: dict[str, str] | None = None, *, feedback: str | None = None) -> list[Path]:
    """Write report.html, feedback/<student>.html and .json, and the LMS CSV; the paths written.

    ``feedback``: the mode of the students' pages and results.json (default: the run's own, see
    :func:`feedback_mode`); report.html, the instructor's, always shows everything.
    """
    feedback = feedback_mode(meta, feedback)
    questions = questions or {}
    written = [write_class_report(out_dir, meta, results, feedback)]
    folder = out_dir / FEEDBACK
    folder.mkdir(parents=True, exist_ok=True)
    pages = page_names(results)
    for r in results:
        name = pages[r.key]
        atomic_write(folder / f"{name}.html", text_bytes(render_feedback(r, questions, feedback)))
        atomic_write(folder / f"{name}.json",
                     (json.dumps(gradescope_results(r, feedback), indent=1, sort_keys=True) + "\n").encode())
        written += [folder / f"{name}.html", folder / f"{name}.json"]
    path = out_dir / LMS_CSV
    atomic_write(path, text_bytes(lms_csv(results)))
    written.append(path)
    for stale in folder.iterdir():  # pages of rows this rendering no longer has
        if stale.suffix in (".html", ".json") and stale not in written:
            stale.unlink(missing_ok=True)
    return written
