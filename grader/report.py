"""Reports from grades.json: a class report, a feedback page per student, Gradescope JSON, an LMS CSV.

Everything here is a pure function of the results (no clock, no randomness,
stable order), so two renderings of the same grades are byte-identical and
reports can be diffed between regrades.  HTML comes from Jinja2 templates
with autoescaping on: file names and feedback are text, never markup.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from .canvas import load_summary
from .lateness import LateRules, label as late_label, sentence as late_sentence
from .records import SubmissionResult
from .results import atomic_write, csv_document, question_ids
from .templating import ENV, number as _fmt

REPORT = "report.html"
FEEDBACK = "feedback"
LMS_CSV = "gradebook.csv"
#: How many failing checks the class report lists.
TOP_FAILURES = 12


def page_name(result: SubmissionResult, taken: set[str]) -> str:
    """A file-system-safe, unique, stable name for a submission's feedback files."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", result.student).strip("._") or "student"
    base = base[:60]
    name = base
    if name in taken:
        name = f"{base}-{hashlib.sha256(result.key.encode()).hexdigest()[:8]}"
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
    return [{"low": i * width, "high": (i + 1) * width, "count": c} for i, c in enumerate(counts)]


def question_stats(results: list[SubmissionResult]) -> list[dict]:
    graded = [r for r in results if r.status != "invalid"] or results
    out = []
    for q in question_ids(results):
        maximum = graded[0].max_scores[q] if graded else 0
        scores = [r.scores.get(q, 0.0) for r in graded]
        out.append({"id": q, "max": maximum,
                    "mean": statistics.mean(scores) if scores else 0.0,
                    "mean_share": (statistics.mean(scores) / maximum) if scores and maximum else 0.0,
                    "full_share": (sum(s == maximum for s in scores) / len(scores)) if scores else 0.0})
    return out


def frequent_failures(results: list[SubmissionResult], limit: int = TOP_FAILURES) -> list[dict]:
    """The checks most submissions failed, each with its most common feedback and how many hit each."""
    by_check: dict[str, list] = defaultdict(list)
    described: dict[str, tuple[str, bool]] = {}
    for r in results:
        if r.status == "invalid":
            continue
        for c in r.checks:
            if c.outcome != "passed":
                by_check[c.id].append(c.feedback)
                described[c.id] = (c.description, c.hidden)
    rows = []
    for check_id, feedback in by_check.items():
        messages = Counter(feedback).most_common(3)
        rows.append({"id": check_id, "description": described[check_id][0], "hidden": described[check_id][1],
                     "count": len(feedback), "messages": [{"text": t, "count": n} for t, n in messages]})
    rows.sort(key=lambda row: (-row["count"], row["id"]))
    return rows[:limit]


# -- Gradescope ------------------------------------------------------------------------------------

def gradescope_results(result: SubmissionResult) -> dict:
    """The same outcome as Gradescope's results.json: one test per question, plus the public tests."""
    by_question: dict[str, list] = defaultdict(list)
    for c in result.checks:
        by_question[c.question].append(c)
    tests = []
    public = [c for c in result.checks if not c.hidden]
    if public:
        tests.append({
            "name": "Public tests", "score": 0, "max_score": 0,
            "status": "passed" if all(c.outcome == "passed" for c in public) else "failed",
            "visibility": "visible", "output_format": "text",
            "output": "\n".join(f"{c.id}: {'passed' if c.outcome == 'passed' else 'failed: ' + c.feedback}"
                                for c in public)})
    for q in result.max_scores:
        checks = [c for c in by_question.get(q, []) if c.hidden]
        lines = [f"{'PASSED' if c.outcome == 'passed' else 'FAILED'}  {c.description}"
                 + ("" if c.outcome == "passed" else f"\n    {c.feedback}") for c in checks]
        score = round(result.scores.get(q, 0.0), 4)
        tests.append({"name": q, "number": q[1:], "score": score, "max_score": result.max_scores[q],
                      "status": "passed" if score >= result.max_scores[q] else "failed",
                      "visibility": "after_published", "output_format": "text",
                      "output": "\n".join(lines) or "No hidden tests ran."})
    summary = f"{_fmt(result.total)} of {_fmt(result.max_total)} points. Status: {result.status}."
    if result.error:
        summary += f"\n{result.error}"
    if late_sentence(result):
        summary += f"\n{late_sentence(result)}"
    return {"score": round(result.total, 4), "execution_time": round(result.seconds, 3), "output": summary,
            "output_format": "text", "visibility": "after_published", "stdout_visibility": "hidden",
            "tests": tests}


# -- rendering ---------------------------------------------------------------------------------------

def _summary(results: list[SubmissionResult]) -> dict:
    totals = [r.total for r in results]
    max_total = results[0].max_total if results else 0
    return {"count": len(results), "mean": statistics.mean(totals) if totals else 0,
            "median": statistics.median(totals) if totals else 0, "max_total": max_total,
            "full": sum(t == max_total for t in totals),
            "statuses": sorted(Counter(r.status for r in results).items())}


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


def render_report(meta: dict, results: list[SubmissionResult], canvas: dict | None = None) -> str:
    """The class report; ``canvas``: the summary of the last Canvas import, shown when given."""
    results = sorted(results, key=lambda r: (r.student, r.source))
    summary = _summary(results)
    pages = page_names(results)
    return ENV.get_template("report.html.j2").render(
        meta=meta, summary=summary, results=results, pages=pages,
        histogram=histogram([r.total for r in results], summary["max_total"]),
        questions=question_stats(results), failures=frequent_failures(results),
        problems=[r for r in results if r.status != "ok"], late=[r for r in results if r.lateness.late],
        late_label=late_label, late_policy=_late_policy(meta), canvas=canvas)


def render_feedback(result: SubmissionResult, questions: dict[str, str]) -> str:
    by_question: dict[str, list] = defaultdict(list)
    for c in result.checks:
        by_question[c.question].append(c)
    tables = []
    for c in result.checks:
        layers = c.details.get("layers") if isinstance(c.details, dict) else None
        if layers:
            tables.append({"check": c, "layers": layers})
    return ENV.get_template("feedback.html.j2").render(
        result=result, questions=questions, by_question=by_question, tables=tables, lateness=late_sentence(result))


def lms_csv(results: list[SubmissionResult]) -> str:
    """One row per student for an LMS gradebook: their best total if they submitted more than once."""
    best: dict[str, SubmissionResult] = {}
    for r in sorted(results, key=lambda r: (r.student, r.source)):
        if r.student not in best or r.total > best[r.student].total:
            best[r.student] = r
    return csv_document(["student", "name", "total", "max_total"],
                        [[s, best[s].name, _fmt(best[s].total), _fmt(best[s].max_total)] for s in sorted(best)])


def write_class_report(out_dir: Path, meta: dict, results: list[SubmissionResult]) -> Path:
    """Write report.html, with the last Canvas import's summary when ``out_dir`` has one."""
    path = out_dir / REPORT
    atomic_write(path, render_report(meta, results, load_summary(out_dir)).encode())
    return path


def write_reports(out_dir: Path, meta: dict, results: list[SubmissionResult],
                  questions: dict[str, str] | None = None) -> list[Path]:
    """Write report.html, feedback/<student>.html and .json, and the LMS CSV; the paths written."""
    questions = questions or {}
    written = [write_class_report(out_dir, meta, results)]
    folder = out_dir / FEEDBACK
    folder.mkdir(parents=True, exist_ok=True)
    pages = page_names(results)
    for r in results:
        name = pages[r.key]
        atomic_write(folder / f"{name}.html", render_feedback(r, questions).encode())
        atomic_write(folder / f"{name}.json",
                     (json.dumps(gradescope_results(r), indent=1, sort_keys=True) + "\n").encode())
        written += [folder / f"{name}.html", folder / f"{name}.json"]
    path = out_dir / LMS_CSV
    atomic_write(path, lms_csv(results).encode())
    written.append(path)
    for stale in folder.iterdir():  # pages of rows this rendering no longer has
        if stale.suffix in (".html", ".json") and stale not in written:
            stale.unlink(missing_ok=True)
    return written
