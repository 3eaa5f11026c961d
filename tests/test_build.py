"""Generated artifacts: current, reproducible, and with nothing hidden in what students get."""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from grader import assignment
from grader.packaging import artifacts as build
from grader.packaging import notebooks
from grader.packaging.otter_zip import TORCH_VERSION, autograder_zip
from grader.questions import bank
from tests.conftest import ROOT

EXERCISES = ROOT / "exercises"


def test_committed_artifacts_are_up_to_date():
    assert build.stale(ROOT) == [], "run `cnn-grader build` and commit what it writes"


def test_two_builds_give_a_byte_identical_zip():
    assert autograder_zip() == autograder_zip()


def test_build_writes_only_what_changed(tmp_path):
    first = build.write(tmp_path)
    assert sorted(first) == sorted(build.artifacts())
    (tmp_path / "exercises" / "tests" / "q1.py").write_text("tampered")
    assert build.write(tmp_path) == ["exercises/tests/q1.py"]
    assert build.stale(tmp_path) == []


# -- no leak -----------------------------------------------------------------------------------

def _student_files() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text() for p in sorted(EXERCISES.rglob("*")) if p.is_file()}


def _distinctive_solution_lines() -> set[str]:
    """Lines of the solutions that a student could not have from the prompts and starters."""
    prompts = "\n".join(q.prompt for q in bank.QUESTIONS)
    lines = set()
    for q in bank.QUESTIONS:
        starter = {l.strip() for l in q.starter.splitlines()}
        for line in q.solution.splitlines():
            s = line.strip()
            if len(s) > 12 and s not in starter and s not in prompts and not s.startswith(
                    ("def ", "class ", "import ", "return self.main")):
                lines.add(s)
    return lines


def test_student_files_hold_no_solution_line():
    lines = _distinctive_solution_lines()
    assert len(lines) > 30  # the test itself must have something to look for
    for path, text in _student_files().items():
        found = [l for l in lines if l in text]
        assert not found, f"{path} holds solution lines: {found[:3]}"


def test_student_files_hold_no_hidden_check_and_no_expected_value():
    hidden_ids = [c.id for c in bank.CHECKS.values() if c.hidden]
    answers = ["4238337", "4,238,337", "1337", "1,337", "[[12, 12, 17]", "12, 12, 17", "(2, 25, 25)", "1058",
               "q1_answer = \"C\"", "otter_bridge", "grader.questions.bank", "reference.py"]
    for path, text in _student_files().items():
        assert not [h for h in hidden_ids if f'"{h}"' in text or f"'{h}'" in text], path
        assert not [a for a in answers if a in text], (path, [a for a in answers if a in text])


def test_student_notebook_code_cells_are_starters_and_checks_only():
    nb = nbformat.read(EXERCISES / assignment.NOTEBOOK, as_version=4)
    allowed = {notebooks.OTTER_INIT, "grader.check_all()"}
    allowed |= {q.starter.rstrip("\n") for q in bank.QUESTIONS}
    allowed |= {f'grader.check("{q.id}")' for q in bank.QUESTIONS}
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert set(code) <= allowed
    assert len(code) == 2 + 2 * len(bank.QUESTIONS)
    assert nb.metadata["otter"]["assignment_name"] == assignment.NAME
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    text = json.dumps(nb)
    assert "SOLUTION" not in text and "BEGIN TESTS" not in text


def test_student_test_files_have_only_public_cases():
    for q in bank.QUESTIONS:
        tree = ast.parse((EXERCISES / "tests" / f"{q.id}.py").read_text())
        cases = [d for f in tree.body if isinstance(f, ast.FunctionDef) for d in f.decorator_list]
        assert len(cases) == len(q.public_checks)
        for call in cases:
            kw = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            assert kw["hidden"] is False and kw["points"] == 1  # a student's own tally only


def test_otter_loads_the_student_tests_as_public_only():
    from otter.test_files.exception_test import ExceptionTestFile

    for q in bank.QUESTIONS:
        test_file = ExceptionTestFile.from_file(str(EXERCISES / "tests" / f"{q.id}.py"))
        assert test_file.test_cases and not any(tc.hidden for tc in test_file.test_cases)


def test_vendored_checks_are_copies_that_import_nothing_of_the_judge():
    files = build.vendored_files()
    assert "checkapi/handler.py" in files and not any("checks.py" in p or "reference" in p for p in files)
    allowed = {"__future__", "torch", "numpy", "base64", "builtins", "json", "math", "random", "sys", "dataclasses",
               "signal", "traceback", "typing", "importlib", "re", "pathlib", "functools", "enum", "weakref", "types",
               "collections", "getopt", "shlex"}
    for name, data in files.items():
        vendored = EXERCISES / build.VENDORED / name
        assert vendored.read_bytes() == data
        for node in ast.walk(ast.parse(vendored.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                assert node.module.split(".")[0] in allowed, (name, node.module)
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] in allowed for a in node.names), (name, [a.name for a in node.names])
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                # relative imports stay inside the vendored package: nothing outside it is shipped
                depth = len(Path(name).parts) - 1
                assert node.level <= depth + 1, (name, node.module)


def test_the_check_api_imports_nothing_else_of_the_grader():
    for path in (ROOT / "grader" / "checkapi").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert node.level <= 1 and not (node.module or "").startswith("grader"), (path.name, node.module)
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("grader") for a in node.names), path.name


def test_the_worker_imports_only_itself_and_the_check_api():
    for path in (ROOT / "grader" / "worker").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                assert (node.module or "").split(".")[0] == "checkapi", (path.name, node.module)
            if isinstance(node, ast.ImportFrom):
                assert node.level <= 2 and not (node.module or "").startswith("grader"), (path.name, node.module)
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("grader") for a in node.names), path.name


# -- the Gradescope zip --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zip_entries():
    with zipfile.ZipFile(io.BytesIO((ROOT / "autograder.zip").read_bytes())) as z:
        return {i.filename: (z.read(i), i) for i in z.infolist()}


def test_zip_has_otter_layout_and_every_check(zip_entries):
    for name in ("run_autograder", "setup.sh", "environment.yml", "otter_config.json", "run_otter.py"):
        assert name in zip_entries
    import os
    import tempfile

    from otter.test_files.exception_test import ExceptionTestFile

    with tempfile.TemporaryDirectory() as tmp:
        for q in bank.QUESTIONS:
            path = os.path.join(tmp, f"{q.id}.py")
            with open(path, "wb") as f:
                f.write(zip_entries[f"tests/{q.id}.py"][0])
            cases = ExceptionTestFile.from_file(path).test_cases
            assert [tc.name for tc in cases] == [c.id for c in q.checks]
            assert [tc.hidden for tc in cases] == [c.hidden for c in q.checks]
            assert sum(tc.points for tc in cases) == pytest.approx(q.points)


def test_zip_pins_python_and_a_cpu_torch(zip_entries):
    env = zip_entries["environment.yml"][0].decode()
    assert "python=3.11" in env
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in env
    assert f"torch=={TORCH_VERSION}+cpu" in env
    config = json.loads(zip_entries["otter_config.json"][0])
    assert config["assignment_name"] == assignment.NAME


def test_zip_ships_the_grader_package_its_tests_import(zip_entries):
    for module in ("grader/judge/otter_bridge.py", "grader/questions/bank.py", "grader/checkapi/probe.py"):
        assert f"files/{module}" in zip_entries
    assert not [n for n in zip_entries if "__pycache__" in n or n.endswith(".pyc")]


def test_setup_compiles_every_module_of_the_grader_it_ships(zip_entries, tmp_path):
    """setup.sh compiles the grader once, for every submission's container (each would otherwise compile 1.3 MB of
    source in the judge and again in its fork server); the command must succeed on what the zip holds (a module that
    does not compile would fail the image's build), and leave out only the questions' solution templates."""
    from grader.packaging.bytecode import compile_command
    from grader.packaging.otter_zip import GRADESCOPE_FILES

    setup = zip_entries["setup.sh"][0].decode()
    last = setup.rstrip().splitlines()[-1]
    assert last.startswith("mamba run -n otter-env python -m compileall") and last.endswith(GRADESCOPE_FILES)
    for name, (data, _) in zip_entries.items():
        if name.startswith("files/"):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes(data)
    done = subprocess.run(compile_command(sys.executable, str(tmp_path / "files")), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    shipped = {p.relative_to(tmp_path) for p in (tmp_path / "files").rglob("*.py")}
    compiled = {p.parent.parent.relative_to(tmp_path) / (p.name.split(".")[0] + ".py")
                for p in (tmp_path / "files").rglob("__pycache__/*.pyc")}
    left_out = sorted(str(p) for p in shipped - compiled)
    assert left_out and all(p.endswith("/solution.py") and "/questions/q" in p for p in left_out)
    assert len(left_out) == len(bank.QUESTIONS)


def test_zip_entries_are_sorted_dated_and_moded_for_reproducibility(zip_entries):
    names = list(zip_entries)
    assert names == sorted(names)
    for name, (_, info) in zip_entries.items():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert (info.external_attr >> 16) & 0o777 == (0o755 if name in ("run_autograder", "setup.sh") else 0o644)


def test_zip_environment_holds_the_lectures_libraries_and_plots_off_screen(zip_entries):
    # The lecture's first cell imports these; a notebook that keeps it must run on Gradescope too.
    env = zip_entries["environment.yml"][0].decode()
    for requirement in ("numpy>=", "pandas>=", "matplotlib>=", "torchsummary==1.5.1"):
        assert requirement in env, requirement
    assert "export MPLBACKEND=Agg" in zip_entries["run_autograder"][0].decode()


def test_torch_is_pinned_once():
    # The zip's pin is TORCH_VERSION; the project's is pyproject.toml's, which scripts/setup reads.
    assert f'"torch=={TORCH_VERSION}"' in (ROOT / "pyproject.toml").read_text()
    setup = (ROOT / "scripts" / "setup").read_text()
    assert "pyproject.toml" in setup and not re.search(r"torch==\d|startswith\(.\d", setup)


def test_the_project_depends_on_the_lectures_libraries_as_the_zip_does():
    from grader.packaging.otter_zip import REQUIREMENTS

    pyproject = (ROOT / "pyproject.toml").read_text()
    lecture = [line for line in REQUIREMENTS.splitlines()
               if line.split("=")[0].split(">")[0] in ("numpy", "pandas", "matplotlib", "torchsummary")]
    assert len(lecture) == 4
    for line in lecture:
        assert f'"{line}"' in pyproject, line  # the same pin in both environments


def _code_words(path: Path) -> str:
    """What a module's code says: its names and strings, without docstrings and comments (prose may
    give an example id); a template's whole text (a question's solution.py is a Jinja template too)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    try:
        tree = ast.parse(text)
    except SyntaxError:
        assert "{{" in text or "{%" in text, path  # only a question's solution template is not Python
        return text
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    words = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            words.append(node.id)
        elif isinstance(node, ast.Attribute):
            words.append(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            words.append(node.name)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            words.append(node.value)
    return "\n".join(words)


def test_each_question_is_named_in_its_own_folder_only():
    """Adding or changing a question touches one folder: no other code of the package names it."""
    import re

    from grader import questions

    sources = {p: _code_words(p) for p in (ROOT / "grader").rglob("*")
               if p.suffix in (".py", ".j2") and "__pycache__" not in p.parts}
    assert len(sources) > 40
    for q in questions.INFO:
        pattern = re.compile(rf"\b{q.id}\b|\b{q.id}_|{q.id.upper()}\b")
        named_in = {p for p, text in sources.items() if pattern.search(text)}
        assert named_in, q.id  # the test can see a question's own folder naming it
        elsewhere = sorted(str(p.relative_to(ROOT)) for p in named_in if q.folder not in p.parts)
        assert elsewhere == [], (q.id, elsewhere)
