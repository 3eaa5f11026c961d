"""Reading submissions: notebooks, scripts, folders, archives, and what must be refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from grader.errors import InvalidSubmission, UsageError
from grader.judge.cell_input import transform_cell
from grader.judge.submission import (
    MAX_FILES_PER_STUDENT,
    Source,
    Student,
    canvas_late_mark,
    canvas_student,
    collect,
    find_submissions,
    load,
    student_id,
)
from grader.records import ID_CANVAS, ID_EMAIL, ID_FOLDER


def nb(*sources, cell_type="code", **extra):
    return json.dumps({"cells": [{"cell_type": cell_type, "source": s, "metadata": {}, "outputs": []}
                                 for s in sources], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, **extra})


def test_notebook_code_cells_in_order_markdown_skipped(tmp_path):
    path = tmp_path / "a.ipynb"
    doc = json.loads(nb("x = 1", ["y = ", "2\n"]))
    doc["cells"].insert(1, {"cell_type": "markdown", "source": "# title", "metadata": {}})
    path.write_text(json.dumps(doc))
    sub = load(Source(path))
    assert sub.kind == "notebook" and sub.units == ("x = 1", "y = 2\n")


def test_nbformat3_worksheets_are_read(tmp_path):
    path = tmp_path / "old.ipynb"
    path.write_text(json.dumps({"worksheets": [{"cells": [{"cell_type": "code", "input": "z = 3"}]}],
                                "nbformat": 3}))
    assert load(Source(path)).units == ("z = 3",)


@pytest.mark.parametrize("content, message", [
    (b"", "not valid notebook JSON"),
    (b"{not json", "not valid notebook JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not valid notebook JSON"),
    (b"[1, 2, 3]", "not a notebook"),
    (b'{"metadata": {}}', "no list of cells"),
    (b'{"cells": [{"cell_type": "code", "source": 5}]}', "not text"),
])
def test_broken_notebooks_are_invalid_with_a_reason(tmp_path, content, message):
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(InvalidSubmission, match=message):
        load(Source(path))


def test_a_notebook_with_no_cells_is_an_empty_submission_not_an_error(tmp_path):
    path = tmp_path / "empty.ipynb"
    path.write_text(nb())
    assert load(Source(path)).units == ()


def test_latin1_script_is_read_with_the_bad_byte_replaced_and_noted(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes('q1_answer = "C"  # r\xe9ponse\n'.encode("latin-1"))
    sub = load(Source(path))
    assert sub.units[0].startswith('q1_answer = "C"')
    assert sub.notes and "not valid utf-8" in sub.notes[0]


def test_a_coding_cookie_is_honoured(tmp_path):
    path = tmp_path / "cookie.py"
    path.write_bytes('# -*- coding: latin-1 -*-\nname = "r\xe9ponse"\n'.encode("latin-1"))
    sub = load(Source(path))
    assert "réponse" in sub.units[0] and not sub.notes


def test_binary_script_is_invalid(tmp_path):
    path = tmp_path / "bin.py"
    path.write_bytes(b"\x7fELF\x00\x00\x01")
    with pytest.raises(InvalidSubmission):
        load(Source(path))


def test_magics_and_shell_escapes_become_calls_of_the_grading_shell_and_line_numbers_stay():
    src = "import os\n%matplotlib inline\n!rm -rf /\nfiles = !ls\n  %time x = 1\ny = 2"
    code, notes = transform_cell(src)
    assert code.split("\n")[:6] == [
        "import os", "get_ipython().run_line_magic('matplotlib', 'inline')", "get_ipython().system('rm -rf /')",
        "files = get_ipython().getoutput('ls')", "  get_ipython().run_line_magic('time', 'x = 1')", "y = 2"]
    assert "%matplotlib" in notes[0] and "shell commands not run" in notes[0]


@pytest.mark.parametrize("src", [
    'x = 3\nprint("a %d"\n      % x)\n',             # a continuation line starting with % is Python's modulo
    "a, b = 1, 2\nassert (a\n        != b)\n",         # ... and one starting with != a comparison
    'text = """\n!important\n%not a magic\n"""\n',     # inside a string nothing is IPython's
])
def test_python_that_merely_looks_like_ipython_is_left_alone(src):
    code, notes = transform_cell(src)
    assert code == src and notes == []
    compile(code, "<cell>", "exec")


def test_help_requests_become_inert_calls():
    code, _ = transform_cell("import torch\ntorch.nn.Conv2d?\nconv2d??\nx = 1\n")
    compile(code, "<cell>", "exec")
    assert "pinfo2" in code and code.endswith("x = 1\n")


def test_the_body_of_time_and_capture_runs_and_keeps_its_line_numbers():
    code, notes = transform_cell("\n%%time\ndef f():\n    return 1\n%time y = f()\n")
    assert code.split("\n")[2:4] == ["def f():", "    return 1"]
    assert any("%%time: its body was run" in n for n in notes)
    code, _ = transform_cell("%%capture out\nw = 3\n")
    assert code.split("\n")[1] == "w = 3"


def test_other_cell_magics_do_not_run():
    code, notes = transform_cell("%%bash\ncurl http://example.com | sh\n")
    assert code == "" and "%%bash not run" in notes[0]


def test_writefile_becomes_the_call_jupyter_makes_with_the_body_as_text():
    code, notes = transform_cell("%%writefile -a helper.py\nimport torch\nx = '%s'\n")
    assert code == "get_ipython().run_cell_magic('writefile', '-a helper.py', \"import torch\\nx = '%s'\\n\")\n"
    assert any("%%writefile: the file was written" in n for n in notes)


def test_many_magics_cost_linear_time():
    # IPython rescans a whole cell for each magic it rewrites (and gives up after 500): a cell of
    # 20,000 of them must still come out whole, every line transformed.
    code, _ = transform_cell("!ls\n" * 20_000)
    assert code.count("get_ipython().system('ls')") == 20_000
    code, notes = transform_cell("%%time\n" * 20_000 + "x = 1\n")
    assert code.endswith("x = 1\n") and len(notes) == 1


@pytest.mark.parametrize("name, expected", [
    ("nguyenanh_10234_558001_lecture06.ipynb", "10234"),
    ("smithjo_LATE_777_123_lecture06-1.py", "777"),
    ("alice.ipynb", "alice"),
    ("bob_homework.py", "bob_homework"),
])
def test_student_ids_from_canvas_names_or_the_stem(name, expected):
    assert student_id(name) == expected


@pytest.mark.parametrize("name, student, late", [
    # Canvas's ContentZipper: [sortable name, lower case, word characters only][_LATE]_<user id>_<attachment>_<name>
    ("lovelaceada_10234_558001_lecture06.ipynb", Student("10234", "lovelaceada", ID_CANVAS), False),
    ("garciamaria_LATE_10412_558102_lecture06.py", Student("10412", "garciamaria", ID_CANVAS), True),
    # word characters keep underscores: "van_der Berg, Jan"
    ("van_der_bergjan_10234_5_lecture06.py", Student("10234", "van_der_bergjan", ID_CANVAS), False),
    ("_10234_5_lecture06.py", Student("10234", "", ID_CANVAS), False),  # a sortable name of punctuation only
    # anonymous grading: no name at all, "LATE" first, an id of letters and digits
    ("anon_7Hq2K_558001_lecture06.py", Student("anon_7Hq2K", "", ID_CANVAS), False),
    ("LATE_anon_bX9mT_558002_lecture06.ipynb", Student("anon_bX9mT", "", ID_CANVAS), True),
    ("anon_12345_558003_lecture06.py", Student("anon_12345", "", ID_CANVAS), False),
    # the original name is the student's to choose: it never names another student, nor says late or on time
    ("lovelaceada_10234_5_turingalan_LATE_10500_6_lecture06.py", Student("10234", "lovelaceada", ID_CANVAS), False),
    ("lovelaceada_LATE_10234_5_turingalan_10500_6_lecture06.py", Student("10234", "lovelaceada", ID_CANVAS), True),
    ("lovelaceada_10234_5_LATE_lecture06.py", Student("10234", "lovelaceada", ID_CANVAS), False),
])
def test_canvas_download_names_give_the_student_and_the_late_mark(name, student, late):
    assert canvas_student(name) == student and canvas_late_mark(name) is late


def write_zip(path, members: dict[str, str]):
    with zipfile.ZipFile(path, "w") as z:
        for member, text in members.items():
            z.writestr(member, text)
    return path


def test_a_students_own_archive_is_theirs_whatever_its_files_are_named(tmp_path):
    # The instructor unzipped Canvas's download: a student who uploaded a zip has it there, under the name
    # Canvas gave it; the names inside are the student's to choose.
    write_zip(tmp_path / "lovelaceada_10234_5_work.zip", {"lecture06.ipynb": nb()})
    write_zip(tmp_path / "mallorymal_10666_6_work.zip", {"turingalan_10500_1_lecture06.py": "",
                                                         "work/turingalan_LATE_10500_2_lecture06.py": ""})
    write_zip(tmp_path / "evemal_LATE_10777_7_work.zip", {"evemal_10777_1_lecture06.py": ""})
    (tmp_path / "turingalan_10500_8_lecture06.py").write_text("")
    found = {(s.name, s.member): s for s in find_submissions([tmp_path]).sources}
    owner = {key: (s.owners[0].id, s.canvas_late) for key, s in found.items()}
    assert owner[("lecture06.ipynb", "lecture06.ipynb")] == ("10234", False)
    assert owner[("evemal_10777_1_lecture06.py", "evemal_10777_1_lecture06.py")] == ("10777", True)  # Canvas's mark
    assert owner[("turingalan_10500_8_lecture06.py", None)] == ("10500", False)
    for member in ("turingalan_10500_1_lecture06.py", "work/turingalan_LATE_10500_2_lecture06.py"):
        assert owner[(member.split("/")[-1], member)][0] != "10500"  # never Alan's, whose row is his own


def test_canvas_folders_an_instructor_unzipped_a_students_archive_into_are_the_students(tmp_path):
    folder = tmp_path / "lovelaceada_LATE_10234_5_work"
    (folder / "work").mkdir(parents=True)
    (folder / "work" / "lecture06.py").write_text("")
    (tmp_path / "turingalan_10500_8_lecture06.py").write_text("")
    owner = {s.name: (s.owners[0], s.canvas_late) for s in find_submissions([tmp_path]).sources}
    assert owner["lecture06.py"] == (Student("10234", "lovelaceada", ID_CANVAS), True)


def test_a_canvas_name_below_a_students_folder_is_that_students_own(tmp_path):
    """Attack round 61: in a folder per student, mallory's files named ``a_12345_1_xNN.ipynb`` were taken for
    user 12345's: twenty of them pushed 12345's own notebook past the per-student bound (no row), and one put
    mallory's grade on 12345's.  Only the top of what was given holds names Canvas gave: below a folder of
    another form they are the folder's student's, a file or an archive alike."""
    for student in ("00001", "12345"):
        (tmp_path / student).mkdir()
    (tmp_path / "12345" / "hw6.ipynb").write_text(nb())
    for n in range(MAX_FILES_PER_STUDENT):
        (tmp_path / "00001" / f"a_12345_1_x{n:02}.ipynb").write_text(nb())
    write_zip(tmp_path / "00001" / "a_LATE_12345_2_y.zip", {"lecture06.py": ""})
    found = find_submissions([tmp_path])
    owners = {s.relative: (s.owners[0].id, s.owners[0].kind, s.canvas_late) for s in found.sources}
    assert owners["12345/hw6.ipynb"] == ("12345", ID_FOLDER, None)
    assert {owner for where, owner in owners.items() if where.startswith("00001/")} == {("00001", ID_FOLDER, None)}
    assert len([where for where in owners if where.startswith("00001/")]) == MAX_FILES_PER_STUDENT  # its own bound


def test_a_zip_members_absolute_name_stays_inside_its_archive(tmp_path):
    """Attack round 62: ``zipfile`` keeps ``/x.ipynb`` as written, and joined to the archive's place it was the
    root's: a zip named for user 12345 in 00001's folder became 12345's, and one such member took the folder shared
    by the class away (every student merged into "class")."""
    for student in ("00001", "12345", "54321"):
        (tmp_path / "class" / student).mkdir(parents=True)
    (tmp_path / "class" / "12345" / "hw6.ipynb").write_text(nb())
    (tmp_path / "class" / "54321" / "hw6.ipynb").write_text(nb())
    write_zip(tmp_path / "class" / "00001" / "a_12345_1_x.zip", {"/x.ipynb": nb(), "../../y.py": "", "./z.py": ""})
    owners = {s.label: s.owners[0] for s in find_submissions([tmp_path]).sources}
    assert {o.id for o in owners.values()} == {"00001", "12345", "54321"}
    assert {o.id for label, o in owners.items() if "a_12345_1_x.zip" in label} == {"00001"}
    assert all(o.kind == ID_FOLDER for o in owners.values())


def test_a_canvas_name_beside_a_stem_of_the_same_id_takes_it_from_neither(tmp_path):
    """Attack round 61: in a flat folder, ``zz_12345_1_x.ipynb`` beside ``12345.ipynb`` took the id 12345 (the
    honest file was renamed) and gave it its grade.  Either name may be a student's own choice there."""
    (tmp_path / "12345.ipynb").write_text(nb())
    (tmp_path / "zz_12345_1_x.ipynb").write_text(nb())
    (tmp_path / "doejane_4411_9_lecture06.ipynb").write_text(nb())
    found = find_submissions([tmp_path])
    ids = {s.name: s.owners[0].id for s in found.sources}
    assert "12345" not in ids.values() and ids["doejane_4411_9_lecture06.ipynb"] == "4411"
    assert len(set(ids.values())) == 3
    assert any("12345" in warning for warning in found.warnings)


def test_an_archive_holding_every_file_given_is_its_canvas_names_student(tmp_path):
    write_zip(tmp_path / "doejane_4411_99_work.zip", {"lecture06.ipynb": nb(), "extra.py": ""})
    assert {s.owners[0].id for s in find_submissions([tmp_path]).sources} == {"4411"}


def test_a_file_not_owned_by_its_canvas_name_carries_no_canvas_mark(tmp_path):
    # Gradescope's single submission: the student named the file; nothing about lateness comes from that name.
    path = tmp_path / "x_LATE_1_2_lecture06.py"
    path.write_text("")
    source = Source(path, students=(Student("ada@example.edu", "Ada", ID_EMAIL),))
    assert source.canvas_late is None and source.owners[0].id == "ada@example.edu"
    assert Source(path).canvas_late is True  # a file named by Canvas, owned by that name


def test_collect_walks_folders_sorted_and_skips_hidden_files(tmp_path):
    (tmp_path / "b.py").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.ipynb").write_text(nb())
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text(nb())
    (tmp_path / "notes.txt").write_text("")
    assert [s.name for s in collect([tmp_path])] == ["b.py", "a.ipynb"]


def test_collect_reads_zip_archives(tmp_path):
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x/alice.py", 'q1_answer = "C"\n')
        z.writestr("__MACOSX/x/._alice.py", "junk")
        z.writestr("readme.txt", "")
    sources = collect([archive])
    assert [s.label for s in sources] == [f"{archive}:x/alice.py"]
    assert load(sources[0]).units == ('q1_answer = "C"\n',)


def test_collect_refuses_missing_paths_empty_folders_and_other_files(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        collect([tmp_path / "missing"])
    with pytest.raises(UsageError, match="no submissions"):
        collect([tmp_path])
    (tmp_path / "essay.docx").write_text("")
    with pytest.raises(UsageError, match="not a notebook"):
        collect([tmp_path / "essay.docx"])
    (tmp_path / "fake.zip").write_text("not a zip")
    broken = collect([tmp_path / "fake.zip"])  # a broken archive is a row of its own, not the end of the batch
    assert len(broken) == 1 and broken[0].broken
    with pytest.raises(InvalidSubmission, match="not a readable zip archive"):
        load(broken[0])


def test_sha256_changes_with_the_bytes(tmp_path):
    path = tmp_path / "a.py"
    path.write_text("x = 1\n")
    first = load(Source(path)).sha256
    path.write_text("x = 2\n")
    assert load(Source(path)).sha256 != first


def test_carriage_return_lines_are_jupyters_new_lines_and_odd_breaks_leave_the_judge():
    """Attack round 68, finding 5: cells whose lines end in \\r (8,000 lines, 32 KB, no \\n) were "small" and cost the
    judge 33.6 s in IPython's transformation.  \\r\\n and \\r are made \\n first, as Jupyter's editor does, and the
    size test counts every break str.splitlines knows (escaped in JSON too)."""
    from grader.judge.submission import INLINE_LINES, INLINE_ODD_BREAKS, Source, _small, parse

    data = (Path(__file__).parent / "corpus" / "batch_r13" / "r13_cr_lines_judge_cpu.ipynb").read_bytes()
    assert data.count(b"\n") + data.count(b"\\n") < INLINE_LINES  # what the old test counted: "small"
    assert not _small(data)  # 8,000 escaped \r: parsed in the bounded child
    submission = parse(Source(Path("cr.ipynb")), nb("x = 1\r\ny = 2\rz = !ls\r").encode())
    assert submission.units == ("x = 1\ny = 2\nz = get_ipython().getoutput('ls')\n",)
    assert submission.labels == ("the cell starting `x = 1`",)
    assert _small(nb("!a\r\n" * 1000).encode())  # \r\n is one break
    assert not _small(nb("!a\r" * (INLINE_LINES + 1)).encode())
    assert not _small(("!a\u2028" * (INLINE_ODD_BREAKS + 1)).encode())
    assert not _small(nb("a = 1\f" * (INLINE_ODD_BREAKS + 1)).encode())  # JSON's \f
    assert not _small(nb("a = 1\x0b" * (INLINE_ODD_BREAKS + 1)).encode())  # JSON's \u000b
    assert _small(nb("a = 1\f" * INLINE_ODD_BREAKS).encode())
