"""Lateness: Canvas's _LATE_ mark, Gradescope's created_at against the due dates, and the late policy."""

from __future__ import annotations

import csv
import json
import math
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from grader.cli import cli
from grader.judge.gradescope import read_submission_metadata
from grader.lateness import MARK_DAYS, LatePolicy, LateRules, apply, judge, label, parse_time
from grader.outputs.gradescope_json import gradescope_results, validate
from grader.outputs.report import lms_csv, render_feedback, render_report
from grader.outputs.results import csv_text
from grader.outputs.text import score_table
from grader.packaging.otter_zip import CONFIG, CONFIG_KEY, otter_config, zip_late_policy
from grader.questions import bank
from grader.records import Lateness, SubmissionResult
from tests.conftest import invoke, traceback_of

PST = timezone(timedelta(hours=-8))
DUE = datetime(2026, 11, 20, 23, 59, tzinfo=PST)


def row(total: float = 20.0, *, lateness: Lateness | None = None, name: str = "") -> SubmissionResult:
    return SubmissionResult(student="A0001", submission="lecture06.ipynb", source="/x/lecture06.ipynb", sha256=None,
                            status="ok", error=None, scores={"q1": total}, max_scores={"q1": 26.0}, total=total,
                            max_total=26.0, name=name, lateness=lateness or Lateness())


# -- times -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2026-11-20T23:59:00-08:00", DUE),
    ("2026-11-20T23:59-08:00", DUE),
    ("2026-11-21T07:59:00Z", DUE),
    ("2026-11-21 07:59:00z", DUE),
    ("2026-11-20 23:59:00.000000000 -08:00", DUE),  # Gradescope's export
    ("2026-11-21T08:59:00+0100", DUE),
    ("2026-11-20T23:59:00.365935-08:00", DUE + timedelta(microseconds=365935)),  # submission_metadata.json
])
def test_times_are_read_with_their_zone(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text, message", [
    ("2026-11-20T23:59:00", "no time zone"),
    ("2026-11-20", "not a date and time"),
    ("tomorrow", "not a date and time"),
    ("2026-02-30T10:00Z", "day is out of range"),
    ("2026-11-20T25:00Z", "hour must be in"),
])
def test_times_without_a_zone_or_malformed_are_refused(text, message):
    with pytest.raises(ValueError, match=message):
        parse_time(text)


def test_a_yaml_datetime_needs_its_zone_too():
    assert parse_time(DUE) == DUE
    with pytest.raises(ValueError, match="no time zone"):
        parse_time(DUE.replace(tzinfo=None))


# -- judging -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("after, late, days", [
    (timedelta(0), False, 0),  # at the due date: on time
    (-timedelta(hours=3), False, 0),
    (timedelta(seconds=1), True, 1),  # one second late is one day late
    (timedelta(days=1), True, 1),
    (timedelta(days=1, seconds=1), True, 2),
    (timedelta(days=6, hours=23), True, 7),
])
def test_days_late_are_whole_days_after_the_due_date(after, late, days):
    judged = judge(Lateness(submitted_at=(DUE + after).isoformat()), due=DUE)
    assert (judged.late, judged.days) == (late, days)
    assert days == max(0, math.ceil(after / timedelta(days=1)))


@pytest.mark.parametrize("due, submitted, days", [
    # Days are 24 hours of elapsed time, as Canvas's own late policy counts them (seconds late / 86,400,
    # rounded up): across a change of clocks the wall clock says otherwise.  US clocks fall back on Nov 1 2026.
    ("2026-10-31T23:59:00-07:00", "2026-11-01T22:59:00-08:00", 1),  # 24 h later, 22:59 on the wall
    ("2026-10-31T23:59:00-07:00", "2026-11-01T23:30:00-08:00", 2),  # 24 h 31 min: before 23:59 on the wall
    ("2026-03-07T23:59:00-08:00", "2026-03-08T23:59:00-07:00", 1),  # spring forward: 23 h
    ("2026-11-20T23:59:00-08:00", "2026-11-21T07:59:00Z", 0),  # the same instant in UTC: on time
    ("2026-11-20T23:59:00-08:00", "2026-11-21T13:29:00.000001+05:30", 1),  # a microsecond after, in India
])
def test_days_late_are_elapsed_days_whatever_the_zones(due, submitted, days):
    judged = judge(Lateness(submitted_at=submitted), due=parse_time(due))
    assert (judged.late, judged.days) == (days > 0, days)


def test_the_late_due_date_is_recorded_and_past_it_is_marked():
    late_due = DUE + timedelta(days=3)
    inside = judge(Lateness(submitted_at=(DUE + timedelta(days=2)).isoformat()), due=DUE, late_due=late_due)
    past = judge(Lateness(submitted_at=(DUE + timedelta(days=4)).isoformat()), due=DUE, late_due=late_due)
    assert (inside.late, inside.past_late_due, past.past_late_due) == (True, False, True)
    assert past.due == DUE.isoformat() and past.late_due == late_due.isoformat()


def test_canvas_marks_decide_when_there_are_no_times():
    assert (judge(Lateness(canvas_mark=True), due=DUE).late, judge(Lateness(canvas_mark=True), due=None).days) \
        == (True, None)
    assert judge(Lateness(canvas_mark=False), due=None).late is False
    assert judge(Lateness(), due=DUE).late is None  # nothing says
    assert judge(Lateness(submitted_at=DUE.isoformat()), due=None).late is None  # a time, but no due date


# -- the policy ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lateness, fraction, expected", [
    (Lateness(submitted_at=(DUE + timedelta(hours=30)).isoformat()), 0.1, 0.2),  # 2 days
    (Lateness(submitted_at=(DUE + timedelta(days=30)).isoformat()), 0.1, 1.0),  # at most all of it
    (Lateness(canvas_mark=True), 0.25, 0.25 * MARK_DAYS),  # a mark alone counts MARK_DAYS
    (Lateness(canvas_mark=False), 0.5, 0.0),
    (Lateness(submitted_at=(DUE + timedelta(hours=1)).isoformat()), 0.0, 0.0),  # marked late, nothing taken
])
def test_the_penalty_is_a_share_of_the_raw_total_per_day(lateness, fraction, expected):
    result = apply(row(20.0, lateness=lateness), due=DUE, policy=LatePolicy(fraction))
    assert result.lateness.penalty == pytest.approx(expected)
    assert result.raw_total == 20.0 and result.total == pytest.approx(20.0 * (1 - expected))
    again = apply(result, due=DUE, policy=LatePolicy(fraction))
    assert again.total == result.total and again.raw_total == 20.0  # applying twice takes nothing more


def test_without_a_policy_late_is_shown_and_the_total_kept():
    result = apply(row(20.0, lateness=Lateness(canvas_mark=True)))
    assert result.lateness.late and result.total == result.raw_total == 20.0


@pytest.mark.parametrize("fraction", [-0.1, 1.5, float("nan"), True, "0.1"])
def test_a_policy_is_a_fraction_from_0_to_1(fraction):
    with pytest.raises(ValueError, match="fraction of the total from 0 to 1"):
        LatePolicy(fraction)


def test_rules_are_recorded_read_back_and_overridden_by_what_is_given():
    rules = LateRules(due=DUE, late_due=DUE + timedelta(days=2), policy=LatePolicy(0.1))
    assert LateRules.from_record(json.loads(json.dumps(rules.record()))) == rules
    assert LateRules.from_record(None) == LateRules()
    kept = rules.overridden(policy=LatePolicy(0.2))
    assert (kept.due, kept.late_due, kept.policy) == (DUE, DUE + timedelta(days=2), LatePolicy(0.2))
    with pytest.raises(ValueError, match="before the due date"):
        LateRules(due=DUE, late_due=DUE - timedelta(days=1))
    with pytest.raises(ValueError, match="needs a due date"):
        LateRules(late_due=DUE)


# -- where it shows ------------------------------------------------------------------------------------

def late_row() -> SubmissionResult:
    return apply(row(20.0, name="Ada Lovelace", lateness=Lateness(submitted_at=(DUE + timedelta(hours=30)).isoformat())),
                 due=DUE, policy=LatePolicy(0.1))


def test_grades_csv_shows_lateness_and_the_raw_total_beside_the_total():
    rows = list(csv.DictReader(csv_text([late_row(), row(26.0)]).splitlines()))
    assert {k: rows[0][k] for k in ("name", "total", "late", "days_late", "raw_total")} == \
        {"name": "Ada Lovelace", "total": "16", "late": "late", "days_late": "2", "raw_total": "20"}
    assert rows[0]["submitted_at"] == (DUE + timedelta(hours=30)).isoformat()
    assert {k: rows[1][k] for k in ("late", "days_late", "raw_total")} == {"late": "", "days_late": "", "raw_total": "26"}


def test_a_penalised_total_is_written_alike_in_every_output():
    # 17.375 less 10%: 15.6375, kept to four decimals, and every output writes the four.
    result = apply(row(17.375, lateness=Lateness(canvas_mark=True)), policy=LatePolicy(0.1))
    assert result.total == 15.6375
    assert next(csv.DictReader(csv_text([result]).splitlines()))["total"] == "15.6375"
    assert "15.6375,26" in lms_csv([result]) and "15.6375/26" in score_table([result])
    assert "15.6375 of 26 points" in gradescope_results(result)["output"]
    assert "15.6375 points, 17.375 before the penalty" in render_feedback(result, {})


def test_the_score_table_shows_names_and_lateness():
    table = score_table([late_row()])
    assert "Ada Lovelace" in table and "late, 2 days -20%" in table and "16/26" in table
    assert "late" not in score_table([row()]).splitlines()[0]  # no column when nothing is known


def test_reports_and_results_json_say_how_late_and_what_it_cost():
    result = late_row()
    doc = gradescope_results(result)
    assert validate(doc) == [] and doc["score"] == 16
    assert "Submitted 2 days late" in doc["output"] and "takes 20% off: 16 points, 20 before the penalty" in doc["output"]
    assert "Submitted 2 days late" in render_feedback(result, {})
    meta = {"lateness": LateRules(due=DUE, policy=LatePolicy(0.1)).record()}
    html = render_report(meta, [result, row(26.0)])
    assert "10% of the total per day late" in html and "late, 2 days, &minus;20%" in html
    assert "(20 before the late penalty)" in html and '<div class="value" id="late-count">1</div>' in html
    assert label(Lateness(late=False)) == "on time" and label(Lateness()) == ""


# -- Gradescope's metadata and the zip's policy ----------------------------------------------------

def test_submission_metadata_gives_the_time_the_due_dates_and_the_submitters(tmp_path):
    path = tmp_path / "submission_metadata.json"
    path.write_text(json.dumps({
        "id": 1, "created_at": "2026-11-22T10:00:00.365935-08:00",
        "assignment": {"due_date": "2026-11-20T23:59:00-08:00", "late_due_date": "2026-11-27T23:59:00-08:00",
                       "title": "Lecture 6", "total_points": "26.0"},
        "users": [{"email": "ada@example.edu", "id": 1, "name": "Ada Lovelace",
                   "assignment": {"due_date": "2026-11-21T23:59:00-08:00", "late_due_date": None}},
                  {"email": "alan@example.edu", "id": 2, "name": "Alan Turing",
                   "assignment": {"due_date": "2026-11-22T23:59:00-08:00", "late_due_date": None}}]}))
    meta = read_submission_metadata(path)
    assert meta.submitted_at == "2026-11-22T10:00:00.365935-08:00"
    assert meta.due == datetime(2026, 11, 22, 23, 59, tzinfo=PST)  # the group's latest extension
    assert meta.late_due is None  # the extended due date is past the assignment's late due date
    assert [(s.id, s.name) for s in meta.students] == [("ada@example.edu", "Ada Lovelace"),
                                                       ("alan@example.edu", "Alan Turing")]


@pytest.mark.parametrize("text, problem", [
    ("{}", None),
    ("[1, 2]", "not a JSON object"),
    ("{broken", "cannot be read"),
    ('{"created_at": "2026-11-22 10:00", "assignment": {"due_date": "2026-11-20T23:59:00-08:00"}}', "no time zone"),
    ('{"assignment": {"due_date": "2026-11-20T23:59:00-08:00"}}', "no created_at"),
])
def test_unreadable_metadata_leaves_lateness_unknown(tmp_path, text, problem):
    path = tmp_path / "submission_metadata.json"
    path.write_text(text)
    meta = read_submission_metadata(path)
    assert meta.submitted_at == ""
    assert (problem is None and meta.problems == []) or any(problem in p for p in meta.problems)


def test_a_group_member_without_dates_of_their_own_has_the_assignments(tmp_path):
    # Ada's own dates are earlier than the assignment's; Alan has none: his are the assignment's, and the
    # group gets the latest of its members'.
    path = tmp_path / "submission_metadata.json"
    path.write_text(json.dumps({
        "created_at": "2026-11-20T23:30:00-08:00",
        "assignment": {"due_date": "2026-11-20T23:59:00-08:00", "late_due_date": None},
        "users": [{"email": "ada@example.edu", "name": "Ada",
                   "assignment": {"due_date": "2026-11-19T23:59:00-08:00", "late_due_date": None}},
                  {"email": "alan@example.edu", "name": "Alan"}]}))
    meta = read_submission_metadata(path)
    assert meta.due == DUE and meta.problems == []


def test_a_late_due_date_before_the_due_date_is_ignored_and_said(tmp_path):
    path = tmp_path / "submission_metadata.json"
    path.write_text(json.dumps({"created_at": "2026-11-22T10:00:00-08:00", "assignment": {
        "due_date": "2026-11-20T23:59:00-08:00", "late_due_date": "2026-11-19T23:59:00-08:00"}}))
    meta = read_submission_metadata(path)
    assert meta.due == DUE and meta.late_due is None
    assert meta.problems == ["late_due_date 2026-11-19T23:59:00-08:00 is before the due date: ignored"]


def test_a_gradescope_export_whose_times_cannot_be_read_says_so(tmp_path):
    # A late student must not pass for one whose lateness is unknown without anyone being told.
    from grader.judge.batch import lateness_warnings
    from grader.judge.submission import find_submissions

    broken = {"submission_3": "yesterday", "submission_4": "2026-11-22 09:00:00", "submission_5": None}
    text = GRADESCOPE_METADATA
    for folder, when in broken.items():
        text += (f"{folder}:\n  :submitters:\n  - :name: N\n    :sid: S{folder[-1]}\n    :email: s@example.edu\n"
                 + (f"  :created_at: {when}\n" if when else ""))
    for folder in ("submission_1", "submission_2", *broken):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "lecture06.py").write_text("")
    (tmp_path / "submission_metadata.yml").write_text(text)
    found = find_submissions([tmp_path])
    assert {s.owners[0].id: s.submitted_at for s in found.sources} == {
        "A0001": "2026-11-20T23:00:00-08:00", "A0003": "2026-11-22T09:00:00-08:00", "S3": "", "S4": "", "S5": ""}
    # nothing to say until a due date makes the times matter, but that the metadata was used (attack round 68)
    assert [w.split(": ", 1)[1] for w in found.warnings] == [
        "read as a Gradescope export's metadata: the submitters and times of its 5 submission_<id>/ folder(s) "
        "come from it"]
    assert lateness_warnings(found.sources, LateRules(due=DUE)) == [
        "submission_3: created_at 'yesterday' is not a date and time (2026-11-20T23:59-08:00): lateness unknown",
        "submission_4: created_at 2026-11-22T09:00:00 has no time zone: lateness unknown",
        "submission_5: no created_at: lateness unknown"]


def test_times_without_a_due_date_are_not_judged_and_the_run_says_so():
    from grader.judge.batch import lateness_warnings
    from grader.judge.submission import Source

    sources = [Source(Path("a.py"), submitted_at="2026-11-22T09:00:00-08:00"), Source(Path("b.py"))]
    assert lateness_warnings(sources, LateRules()) == [
        "1 submission(s) carry Gradescope's created_at, but no --due was given: lateness is not judged"]
    assert lateness_warnings(sources, LateRules(due=DUE)) == []
    assert lateness_warnings([Source(Path("b.py"))], LateRules(policy=LatePolicy(0.1))) == []


def test_the_zip_config_carries_the_policy_only_when_given(tmp_path):
    assert CONFIG_KEY not in otter_config()
    (tmp_path / CONFIG).write_text(json.dumps(otter_config(LatePolicy(0.15))))
    assert zip_late_policy(tmp_path) == LatePolicy(0.15)
    (tmp_path / CONFIG).write_text(json.dumps(otter_config()))
    assert zip_late_policy(tmp_path) is None


def test_the_committed_zip_has_no_late_policy():
    root = Path(__file__).resolve().parents[1]
    with zipfile.ZipFile(root / "autograder.zip") as z:
        config = json.loads(z.read(CONFIG))
    assert CONFIG_KEY not in config and config["points_possible"] == bank.total_points()


# -- the command line -----------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--due", "2026-11-20T23:59"], "no time zone"),
    (["--due", "friday"], "not a date and time"),
    (["--late-penalty", "1.5"], "0<=x<=1"),
    (["--late-penalty", "nan"], "0<=x<=1"),  # NaN compares false with both bounds: it passed click's range
    (["--timeout", "nan"], "x>=1"),
    (["--probe-timeout", "inf"], "x>=0.1"),
    (["--late-due", "2026-11-20T23:59Z"], "needs a due date"),
    (["--due", "2026-11-20T23:59Z", "--late-due", "2026-11-19T23:59Z"], "before the due date"),
])
def test_grade_refuses_bad_late_options_before_grading(tmp_path, args, message):
    (tmp_path / "a.py").write_text("")
    result = CliRunner().invoke(cli, ["grade", str(tmp_path / "a.py"), "--out", str(tmp_path / "out"), *args])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_build_puts_the_policy_in_the_zip_and_check_compares_with_the_same_policy(tmp_path):
    root = Path(__file__).resolve().parents[1]
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--check", "--late-penalty", "0.1"])
    assert result.exit_code == 1 and result.stderr.strip().endswith(
        "out of date: autograder.zip (run `cnn-grader build --late-penalty 0.1`)")  # the committed zip has no policy
    assert CliRunner().invoke(cli, ["build", "--root", str(tmp_path), "--late-penalty", "0.1"]).exit_code == 0
    with zipfile.ZipFile(tmp_path / "autograder.zip") as z:
        z.extractall(tmp_path / "source")
    assert zip_late_policy(tmp_path / "source") == LatePolicy(0.1)
    assert CliRunner().invoke(cli, ["build", "--root", str(tmp_path), "--check", "--late-penalty", "0.1"]).exit_code == 0
    assert CliRunner().invoke(cli, ["build", "--root", str(tmp_path), "--late-penalty", "-1"]).exit_code == 2
    nan = CliRunner().invoke(cli, ["build", "--root", str(tmp_path), "--check", "--late-penalty", "nan"])
    assert nan.exit_code == 2 and "0<=x<=1" in nan.stderr and "Traceback" not in nan.output


# -- through cnn-grader grade ---------------------------------------------------------------------

def grade(*args) -> Result:
    return invoke("grade", *args, "-q", "q1")


def rows(out: Path) -> dict[str, dict]:
    with (out / "grades.csv").open(newline="") as f:
        return {r["student"]: r for r in csv.DictReader(f)}


def test_canvas_late_marks_are_penalised_and_a_resume_applies_a_new_policy_to_every_row(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    (subs / "lovelaceada_10234_1_lecture06.py").write_text('q1_answer = "C"\n')
    (subs / "garciamaria_LATE_10412_2_lecture06.py").write_text('q1_answer = "C"\n')
    first = grade(str(subs), "--out", str(out), "--late-penalty", "0.25")
    assert first.exit_code == 0, first.stderr + traceback_of(first)
    got = rows(out)
    assert {k: got["10412"][k] for k in ("name", "late", "days_late", "total", "raw_total")} == \
        {"name": "garciamaria", "late": "late", "days_late": "", "total": "0.75", "raw_total": "1"}
    assert {k: got["10234"][k] for k in ("late", "days_late", "total")} == {"late": "on time", "days_late": "0",
                                                                            "total": "1"}
    assert "late: 1 row(s); the late policy (25% of the total per day late) took 0.25 point(s)" in first.stdout
    meta = json.loads((out / "grades.json").read_text())["meta"]
    assert meta["lateness"]["policy"] == LatePolicy(0.25).as_dict() and meta["assignment"]["name"] == "lecture06"

    (out / "canvas_import.csv").write_text("made from the earlier grades")
    (subs / "turingalan_LATE_10500_3_lecture06.py").write_text('q1_answer = "C"\n')
    resumed = grade(str(subs), "--out", str(out), "--resume", "--late-penalty", "0.5")
    assert resumed.exit_code == 0, resumed.stderr + traceback_of(resumed)
    got = rows(out)
    assert got["10412"]["total"] == got["10500"]["total"] == "0.5"  # the kept row too
    assert not (out / "canvas_import.csv").exists() and "removed canvas_import.csv" in resumed.stderr
    again = grade(str(subs), "--out", str(out), "--resume")  # no policy given: the earlier one is kept
    assert again.exit_code == 0 and rows(out)["10412"]["total"] == "0.5"


GRADESCOPE_METADATA = """\
submission_1:
  :submitters:
  - :name: Ada Lovelace
    :sid: A0001
    :email: ada@example.edu
  :created_at: 2026-11-20 23:00:00.000000000 -08:00
submission_2:
  :submitters:
  - :name: Alan Turing
    :sid: A0003
    :email: alan@example.edu
  - :name: Kurt Goedel
    :sid: A0004
    :email: kurt@example.edu
  :created_at: 2026-11-22 09:00:00.000000000 -08:00
"""


def test_a_gradescope_export_is_judged_by_created_at_against_the_due_date(tmp_path):
    export, out = tmp_path / "export", tmp_path / "out"
    for ident in (1, 2):
        (export / f"submission_{ident}").mkdir(parents=True)
        (export / f"submission_{ident}" / "lecture06.py").write_text('q1_answer = "C"\n')
    (export / "submission_metadata.yml").write_text(GRADESCOPE_METADATA)
    result = grade(str(export), "--out", str(out), "--due", "2026-11-20T23:59-08:00", "--late-penalty", "0.1")
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    got = rows(out)
    assert {k: got["A0001"][k] for k in ("late", "days_late", "total")} == {"late": "on time", "days_late": "0",
                                                                            "total": "1"}
    for member in ("A0003", "A0004"):  # 33 hours late: 2 days, for each member of the group
        assert {k: got[member][k] for k in ("late", "days_late", "total", "raw_total", "submitted_at")} == \
            {"late": "late", "days_late": "2", "total": "0.8", "raw_total": "1",
             "submitted_at": "2026-11-22T09:00:00-08:00"}
    assert "Alan Turing" in result.stdout and "late, 2 days -20%" in result.stdout
