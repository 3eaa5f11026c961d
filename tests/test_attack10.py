"""Attack round 10 (tests/corpus/batch_r10/NOTES.md): how the judge finds and names a class's files.

Each test states what should hold and fails on the code the round attacked (ece82c0): strict expected
failures, for whoever fixes them to turn into plain tests.  No worker runs here: all of it is the judge's
reading of the folder, before any grading.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from grader.judge.submission import _parse_metadata, find_submissions

#: Round 10's metadata: mallory (Canvas user 10999, LATE) names herself and a classmate who handed in nothing.
CLAIMING_METADATA = """\
submission_1:
  :submitters:
  - :name: Eve Mallory
    :sid: '10999'
  - :name: Friend Who Did Nothing
    :sid: '10555'
  :created_at: 2026-11-20 10:00:00.000000000 -08:00
"""


def _owners(found) -> dict[str, tuple[str, ...]]:
    return {s.relative: tuple(o.id for o in s.owners) for s in found.sources}


@pytest.mark.xfail(strict=True, reason="attack round 10, finding 1: the de-duplication keys on the link's target")
def test_a_classmates_symlink_does_not_take_a_students_row(tmp_path):
    (tmp_path / "zed").mkdir()
    (tmp_path / "zed" / "lecture06.ipynb").write_text("{}")
    (tmp_path / "aaron").mkdir()
    os.symlink("../zed/lecture06.ipynb", tmp_path / "aaron" / "lecture06.ipynb")
    owners = _owners(find_submissions([tmp_path]))
    assert owners.get("zed/lecture06.ipynb") == ("zed",)
    assert "aaron/lecture06.ipynb" not in owners or owners["aaron/lecture06.ipynb"] != ("zed",)


@pytest.mark.xfail(strict=True, reason="attack round 10, finding 2: a link found in a folder is followed anywhere")
def test_a_symlink_out_of_the_folder_given_is_never_read(tmp_path):
    secret = tmp_path / "secret.py"
    secret.write_text("aws_secret = hunter2\n")
    (tmp_path / "class" / "mallory").mkdir(parents=True)
    os.symlink(secret, tmp_path / "class" / "mallory" / "lecture06.py")
    (tmp_path / "class" / "alice").mkdir()
    (tmp_path / "class" / "alice" / "lecture06.py").write_text("q1_answer = 'C'\n")
    for source in find_submissions([tmp_path / "class"]).sources:
        if not source.broken:
            assert source.path.resolve().is_relative_to((tmp_path / "class").resolve()), source.relative


@pytest.mark.xfail(strict=True, reason="attack round 10, finding 5: pathlib's rglob recurses once per level",
                   raises=RecursionError)
def test_a_deep_folder_in_a_class_does_not_stop_the_collection(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "lecture06.py").write_text("q1_answer = 'C'\n")
    fd = os.open(tmp_path, os.O_RDONLY)
    os.mkdir("mallory", dir_fd=fd)
    fd, parent = os.open("mallory", os.O_RDONLY, dir_fd=fd), fd
    os.close(parent)
    for _ in range(1100):
        os.mkdir("a", dir_fd=fd)
        fd, parent = os.open("a", os.O_RDONLY, dir_fd=fd), fd
        os.close(parent)
    os.close(fd)
    try:
        assert _owners(find_submissions([tmp_path])) == {"alice/lecture06.py": ("alice",)}
    finally:  # pytest's own clean-up of old temporary folders recurses once per level too: leave no such tree
        subprocess.run(["rm", "-rf", str(tmp_path / "mallory")], check=True)


@pytest.mark.xfail(strict=True, reason="attack round 10, finding 6: metadata inside a student's own folder is read")
def test_metadata_inside_a_students_upload_names_no_one(tmp_path):
    upload = tmp_path / "malloryeve_LATE_10999_558999_upload"
    (upload / "submission_1").mkdir(parents=True)
    (upload / "submission_1" / "lecture06.ipynb").write_text("{}")
    (upload / "submission_metadata.yml").write_text(CLAIMING_METADATA)
    (tmp_path / "brownemily_10333_558090_lecture06.ipynb").write_text("{}")
    found = find_submissions([tmp_path])
    mallory = next(s for s in found.sources if s.relative.startswith("malloryeve"))
    assert [o.id for o in mallory.owners] == ["10999"]
    assert mallory.canvas_late is True and not mallory.submitted_at


@pytest.mark.xfail(strict=True, reason="attack round 10, finding 8: YAML aliases expand into a name without bound")
def test_a_metadata_name_is_bounded_whatever_its_aliases():
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{d}: &l{d} [" + ",".join([f"*l{d - 1}"] * 10) + "]" for d in range(1, 5)]
    lines += ["submission_1:", "  :submitters:", "  - :name: *l4", "    :sid: '10999'"]
    entries = _parse_metadata("\n".join(lines).encode())  # 10**5 strings: 0.01 s here, 10 times more a level
    assert all(len(person.name) <= 1000 for entry in entries.values() for person in entry.students)


@pytest.mark.xfail(strict=True, reason="attack round 10, findings 11 and 12: pages are encoded as strict UTF-8",
                   raises=UnicodeEncodeError)
@pytest.mark.parametrize("where", ["error", "student"])
def test_a_lone_surrogate_costs_no_page_of_the_class(tmp_path, where):
    """An exception message a submission raised (``'\\ud800'``), or a file name that is not UTF-8 (Python's
    surrogate escape, ``stud\\udce9nt``), must not keep the class's report, pages and gradebook from being written."""
    from grader.outputs.report import FEEDBACK, LMS_CSV, REPORT, write_reports
    from tests.test_report import result

    honest = result("alice")
    hostile = result("stud\udce9nt" if where == "student" else "mallory", status="error")
    if where == "error":
        hostile.error = "the script: `ValueError: \ud800 lone \udfff`"
    write_reports(tmp_path, {"seed": 1}, [honest, hostile])
    assert (tmp_path / REPORT).exists() and (tmp_path / LMS_CSV).exists()
    assert len(list((tmp_path / FEEDBACK).glob("*.html"))) == 2
