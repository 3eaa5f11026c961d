"""The command line: help everywhere, exit codes, and one clear line (never a traceback) for bad input.

In process (click's CliRunner); a subprocess only where the process is what a test is about.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from grader.cli import cli
from tests.conftest import ROOT, invoke, solution_script, traceback_of


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command):
    text = cli.commands[command].help
    assert text and text.strip(), f"cnn-grader {command} has no help text"
    result = invoke(command, "--help")
    assert result.exit_code == 0
    summary = text.strip().split("\n")[0]
    assert summary[:40] in " ".join(result.stdout.split())


def test_help_does_not_import_torch():
    # A fresh interpreter: this one imported torch long ago (conftest), so only a new process can tell.
    code = ("import sys; from grader.cli import cli; from click.testing import CliRunner; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0; "
            "[CliRunner().invoke(cli, [c, '--help']) for c in cli.commands]; "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_version():
    assert "cnn-grader" in invoke("--version").stdout


def test_the_real_entry_point_gives_one_line_and_the_exit_code(tmp_path):
    # A subprocess: what is tested is `python -m grader.cli` itself, main() with its program name and the
    # process's own stderr and exit status; every other test here runs the same commands in process.
    def run(*args):
        return subprocess.run([sys.executable, "-m", "grader.cli", *args], capture_output=True, text=True, timeout=60)

    usage = run("grade", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert (usage.returncode, usage.stderr) == (2, f"Error: {tmp_path / 'nope'}: no such file or folder\n")
    no_out = run("grade", str(tmp_path))
    assert no_out.returncode == 2 and no_out.stderr.startswith("Usage: cnn-grader grade")
    assert "Traceback" not in no_out.stderr
    failure = run("report", str(tmp_path))
    assert (failure.returncode, failure.stderr) == (
        1, f"Error: {tmp_path / 'grades.json'}: no such file (grade into {tmp_path} first)\n")


def one_clear_line(result):
    lines = [l for l in result.stderr.strip().splitlines() if l.strip()]
    assert not traceback_of(result)
    return lines


def test_grade_missing_path_is_a_usage_error(tmp_path):
    result = invoke("grade", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr and not traceback_of(result)


def test_grade_folder_without_submissions(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("grade", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no submissions" in result.stderr and not traceback_of(result)


def test_grade_a_file_that_is_not_a_submission_is_a_usage_error(tmp_path):
    (tmp_path / "essay.docx").write_text("hello")
    result = invoke("grade", str(tmp_path / "essay.docx"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert one_clear_line(result)[-1] == (f"Error: {tmp_path / 'essay.docx'}: not a notebook (.ipynb), a script (.py) "
                                          "or a zip archive of them")
    assert not (tmp_path / "out").exists()


def test_grade_requires_out(tmp_path):
    result = invoke("grade", str(tmp_path))
    assert result.exit_code == 2 and "--out" in result.stderr


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--timeout", "0"], ["--memory-mb", "1"], ["-q", "q11"]])
def test_grade_rejects_bad_options(tmp_path, args):
    (tmp_path / "a.py").write_text("")
    result = invoke("grade", str(tmp_path / "a.py"), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 2 and not traceback_of(result)


def test_check_invalid_notebook_json(tmp_path):
    bad = tmp_path / "bad.ipynb"
    bad.write_text("{ this is not json")
    result = invoke("check", str(bad))
    assert result.exit_code == 1
    assert one_clear_line(result) == [f"Error: {bad}: not valid notebook JSON"]


def test_check_missing_file_and_folder(tmp_path):
    assert invoke("check", str(tmp_path / "x.ipynb")).exit_code == 2
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_check_the_solution_passes_and_counts_hidden_tests(tmp_path):
    path = tmp_path / "mine.py"
    path.write_text(solution_script())
    result = invoke("check", str(path))
    assert result.exit_code == 0, result.stdout + result.stderr + traceback_of(result)
    assert "10 of 10 public tests passed" in result.stdout
    assert "hidden tests were not run" in result.stdout


def test_check_one_question_of_a_blank_notebook_fails_with_feedback():
    result = invoke("check", str(ROOT / "exercises" / "lecture06.ipynb"), "-q", "q2")
    assert result.exit_code == 1 and not traceback_of(result)
    assert "q2: FAILED" in result.stdout and "q3" not in result.stdout
    assert "0 of 1 public tests passed" in result.stdout


def test_grade_writes_csv_json_and_a_table(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "alice.py").write_text(solution_script())
    (subs / "bob.ipynb").write_text("{broken")
    result = invoke("grade", str(subs), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert result.exit_code == 0, result.stderr + traceback_of(result)
    assert "alice" in result.stdout and "bob" in result.stdout
    rows = (tmp_path / "out" / "grades.csv").read_text().splitlines()
    assert rows[0] == ("student,name,submission,status,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,total,max_total,"
                       "late,days_late,submitted_at,raw_total")
    # Plain file names say nothing of lateness: the late cells are empty and the raw total is the total.
    assert sorted(rows[1:]) == ["alice,,alice.py,ok,1,3,2,3,2,4,4,3,2,2,26,26,,,,26",
                                "bob,,bob.ipynb,invalid,0,0,0,0,0,0,0,0,0,0,0,26,,,,0"]
    doc = json.loads((tmp_path / "out" / "grades.json").read_text())
    alice = next(r for r in doc["results"] if r["student"] == "alice")
    assert all({"id", "outcome", "points", "max_points", "feedback"} <= set(c) for c in alice["checks"])
    assert doc["meta"]["seed"] is not None and doc["meta"]["versions"]["torch"].startswith("2.13.0")


def test_report_and_show_need_a_graded_folder(tmp_path):
    for command in ("report", "show"):
        result = invoke(command, str(tmp_path))
        assert result.exit_code == 1
        assert one_clear_line(result) == [f"Error: {tmp_path / 'grades.json'}: no such file (grade into {tmp_path} first)"]
    (tmp_path / "grades.json").write_text("{not json")
    result = invoke("report", str(tmp_path))
    assert result.exit_code == 1 and "not a cnn-grader grades.json" in result.stderr and not traceback_of(result)
