"""Writing a question (docs/authoring.md): the guide's example works end to end, and the guide is current.

The worked example of the guide (``q11_kernel_area``: one public check, two hidden ones, one naming a mistake)
is read from the guide's own code blocks and added to a copy of the ``grader`` package.  The CLI then runs in
subprocesses with that copy first on the path (``PYTHONPATH``; the fork server inherits it), from a temporary
project root: the question must reach both notebooks, the student's tests, the vendored checks and the zip,
and grading must give it its points, name the mistake, and show it in grades.csv and report.html.

A question that is badly made (points that disagree with ``POINTS``, two folders with one number, two checks
with one name) must fail with an error that says which and why; those are checked in this process, on a copy
of the package imported under another name.

Last, the check API reference in the guide is generated from the docstrings (``scripts/api_doc.py``): it must
be current, name every public function of the check API and every public method of ``Probe``, and each of
those functions must document its arguments, what it returns and what it raises; the examples in the
docstrings run as doctests.
"""

from __future__ import annotations

import ast
import csv
import doctest
import importlib
import importlib.util
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from grader import assignment
from grader.packaging.artifacts import VENDORED
from grader.questions import bank
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "authoring.md"
FOLDER = "q11_kernel_area"
QID = "q11"
#: The example's files in the guide: a fenced block whose info string names the file.
BLOCK = re.compile(r"^```\w+ file=(\S+)\n(.*?)^```$", re.S | re.M)
#: Answers to the example's question, as a notebook cell.
RIGHT = "def kernel_area(k):\n    return k * k"
DOUBLED = "def kernel_area(k):\n    return 2 * k"
AS_FLOAT = "def kernel_area(k):\n    return float(k * k)"
SEED = 5


def _api_doc():
    spec = importlib.util.spec_from_file_location("api_doc", ROOT / "scripts" / "api_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


api_doc = _api_doc()


def guide_example() -> dict[str, str]:
    """The worked example's files, by path under ``grader/questions``, as the guide shows them."""
    return {path: text for path, text in BLOCK.findall(GUIDE.read_text(encoding="utf-8"))}


def copy_package(dest: Path, extra: dict[str, str] | None = None) -> Path:
    """A copy of this checkout's ``grader`` package in ``dest/grader``, with ``extra`` files added under
    ``grader/questions``; returns ``dest`` (what goes on ``PYTHONPATH``)."""
    shutil.copytree(ROOT / "grader", dest / "grader", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for path, text in (extra or {}).items():
        target = dest / "grader" / "questions" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return dest


def cli(package: Path, cwd: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """``python -m grader.cli ARGS`` with the copy first on the path, from ``cwd``."""
    env = dict(os.environ, PYTHONPATH=str(package))
    return subprocess.run([sys.executable, "-m", "grader.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def with_answer(notebook: Path, answer: str, dest: Path) -> Path:
    """``notebook`` with the example's answer cell replaced by ``answer``, written to ``dest``."""
    nb = nbformat.read(notebook, as_version=4)
    cell, = [c for c in nb.cells if c.get("id") == f"{QID}-answer"]
    cell.source = answer
    nbformat.write(nb, dest)
    return dest


# -- the example, added to a copy ----------------------------------------------------------------

def test_the_guide_shows_every_file_of_the_example_folder():
    assert sorted(guide_example()) == sorted(f"{FOLDER}/{name}" for name in (
        "__init__.py", "prompt.md", "starter.py", "solution.py", "public.py", "checks.py"))
    assert not (ROOT / "grader" / "questions" / FOLDER).exists()  # an example, not a question of the assignment
    assert QID not in bank.QUESTION_IDS


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    return copy_package(tmp_path_factory.mktemp("authoring") / "pkg", guide_example())


@pytest.fixture(scope="module")
def built(package) -> Path:
    """A project root built by the copy's ``cnn-grader build``."""
    root = package.parent / "root"
    root.mkdir()
    proc = cli(package, root, "build", "--root", str(root))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root


def test_the_subprocesses_run_the_copy_and_find_the_question(package, tmp_path):
    # The checkout's package is installed in editable mode: the copy must come first.
    probe = "import grader, grader.questions as q; print(grader.__file__); print(' '.join(q.QUESTION_IDS))"
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(package)), timeout=60)
    assert proc.returncode == 0, proc.stderr
    where, ids = proc.stdout.splitlines()
    assert Path(where).is_relative_to(package)
    assert ids.split() == [*bank.QUESTION_IDS, QID]


def test_build_puts_the_question_in_both_notebooks(built):
    example = guide_example()
    for folder, answered in (("exercises", False), ("solutions", True)):
        nb = nbformat.read(built / folder / assignment.NOTEBOOK, as_version=4)
        cells = {c.get("id"): c for c in nb.cells}
        prompt = cells[f"{QID}-prompt"].source
        assert prompt.startswith("## Q11. The area of a kernel (1.5 points)\n\n")
        assert example[f"{FOLDER}/prompt.md"].strip() in prompt
        code = example[f"{FOLDER}/{'solution' if answered else 'starter'}.py"].rstrip("\n")
        assert cells[f"{QID}-answer"].source == code
        assert cells[f"{QID}-check"].source == f'grader.check("{QID}")'
        ids = [c.get("id") for c in nb.cells]
        assert ids.index("q10-check") < ids.index(f"{QID}-prompt") < ids.index("check-all-prompt")  # by number


def test_build_writes_the_students_test_file_and_vendors_the_public_check_only(built, package):
    tree = ast.parse((built / "exercises" / "tests" / f"{QID}.py").read_text())
    cases = [{k.arg: ast.literal_eval(k.value) for k in d.keywords}
             for f in tree.body if isinstance(f, ast.FunctionDef) for d in f.decorator_list]
    assert cases == [{"points": 1, "hidden": False, "name": f"{QID}.example"}]
    vendored = built / "exercises" / VENDORED / "questions" / FOLDER
    assert sorted(p.name for p in vendored.iterdir()) == ["__init__.py", "public.py"]
    for name in ("__init__.py", "public.py"):
        assert (vendored / name).read_bytes() == (package / "grader" / "questions" / FOLDER / name).read_bytes()


def test_grader_check_runs_the_public_check_from_the_vendored_copy(built):
    """What ``grader.check("q11")`` does in a student's notebook: Otter runs tests/q11.py beside it."""
    script = (
        "import sys\n"
        "from otter.test_files.exception_test import ExceptionTestFile\n"
        "for answer in (lambda k: k * k, lambda k: 2 * k):\n"
        "    test = ExceptionTestFile.from_file('tests/q11.py')\n"
        "    test.run({'kernel_area': answer})\n"
        "    print(test.passed_all, [r.message.splitlines()[-1] for r in test.test_case_results if not r.passed])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'grader'))\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "-c", script], cwd=built / "exercises", env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    right, wrong, grader_modules = proc.stdout.splitlines()
    assert right == "True []"
    assert wrong == ("False ['AssertionError: kernel_area(3) returned 6, not the 9 the prompt gives.']")
    assert grader_modules == "[]"  # the student's side needs nothing but the vendored copy


def test_the_zip_holds_every_check_and_the_questions_code(built):
    with zipfile.ZipFile(built / "autograder.zip") as z:
        names = set(z.namelist())
        test_file = z.read(f"tests/{QID}.py").decode()
        config = json.loads(z.read("otter_config.json"))
    tree = ast.parse(test_file)
    cases = [{k.arg: ast.literal_eval(k.value) for k in d.keywords}
             for f in tree.body if isinstance(f, ast.FunctionDef) for d in f.decorator_list]
    assert cases == [{"points": 0, "hidden": False, "name": "q11.example"},
                     {"points": 1, "hidden": True, "name": "q11.random"},
                     {"points": 0.5, "hidden": True, "name": "q11.int"}]
    assert {f"files/grader/questions/{FOLDER}/{name}" for name in ("checks.py", "public.py")} <= names
    assert config["points_possible"] == bank.total_points() + 1.5


@pytest.fixture(scope="module")
def graded(built, package) -> dict:
    """The copy's ``cnn-grader grade`` on the built solutions notebook and three variants of it."""
    subs = built / "class"
    subs.mkdir()
    solutions = built / "solutions" / assignment.NOTEBOOK
    shutil.copy(solutions, subs / "right.ipynb")
    with_answer(solutions, DOUBLED, subs / "doubled.ipynb")
    with_answer(solutions, AS_FLOAT, subs / "as_float.ipynb")
    # (The checkout's folder itself may exist in the worker's root: the runtime's virtualenv can live
    # inside it, as here and in CI.  Its grader and its solutions must not.)
    # An answer that reports, through the only channel it has (an exception's message in the feedback),
    # which code its worker runs and whether the copy of the grader is in sight.
    peek = ("import json, os, sys\n"
            "_seen = {'handler': sys.modules['grader.checkapi.handler'].__file__,\n"
            f"         'copy': os.path.exists({str(package)!r}), 'checkout': os.path.exists({str(ROOT / 'grader')!r})\n"
            f"         or os.path.exists({str(ROOT / 'solutions')!r})}}\n"
            "def kernel_area(k):\n"
            "    raise ValueError(json.dumps(_seen))")
    with_answer(solutions, peek, subs / "peek.ipynb")
    out = built / "out"
    proc = cli(package, built, "grade", str(subs), "--out", str(out), "--seed", str(SEED))
    assert proc.returncode == 0, proc.stderr[-3000:]
    doc = json.loads((out / "grades.json").read_text())
    with open(out / "grades.csv", newline="") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    return {"out": out, "stdout": proc.stdout, "rows": rows,
            "results": {r["student"]: r for r in doc["results"]}, "meta": doc["meta"]}


def _checks(result: dict) -> dict[str, dict]:
    return {c["id"]: c for c in result["checks"] if c["question"] == QID}


def test_the_solution_gets_full_marks_the_example_included(graded):
    right = graded["results"]["right"]
    assert right["status"] == "ok"
    assert right["scores"][QID] == right["max_scores"][QID] == 1.5
    assert right["total"] == right["max_total"] == bank.total_points() + 1.5
    assert all(c["outcome"] == "passed" for c in right["checks"])
    assert graded["meta"]["questions"][QID] == "The area of a kernel"
    assert f"{QID}.random" in graded["meta"]["checks"]


def test_a_doubled_side_loses_the_hidden_points_and_is_named(graded):
    doubled = graded["results"]["doubled"]
    assert doubled["scores"][QID] == 0.5  # the int check still passes: each mistake costs in one check
    assert all(doubled["scores"][q] == doubled["max_scores"][q] for q in bank.QUESTION_IDS)
    checks = _checks(doubled)
    random_check = checks[f"{QID}.random"]
    assert random_check["points"] == 0 and random_check["outcome"] == "failed"
    assert random_check["details"] == {"mistake": "doubled"}
    assert random_check["feedback"] == ("Wrong on 6 of 6 random kernel sizes. "
                                        "It looks like the side is doubled, not squared.")
    assert random_check["reveal"] == "A `k` x `k` kernel has `k` rows of `k` weights: `k * k`."
    assert checks[f"{QID}.example"]["feedback"] == "kernel_area(3) returned 6, not the 9 the prompt gives."
    assert checks[f"{QID}.int"]["outcome"] == "passed"


def test_a_float_loses_only_the_type_check_and_no_hidden_size_is_shown(graded):
    checks = _checks(graded["results"]["as_float"])
    assert graded["results"]["as_float"]["scores"][QID] == 1.0
    assert checks[f"{QID}.random"]["outcome"] == "passed"
    int_check = checks[f"{QID}.int"]
    assert int_check["outcome"] == "failed"
    assert int_check["feedback"] == "kernel_area(k) on a random size is a float; it should be an int."
    # show=False: the size drawn, and so the float returned, are not quoted
    assert not re.search(r"\d", int_check["feedback"] + int_check["reveal"])


def test_the_csv_and_the_report_show_the_example(graded):
    header = list(next(iter(graded["rows"].values())))
    assert header[header.index("q10") + 1] == QID and header[header.index(QID) + 1] == "total"
    assert {name: row[QID] for name, row in graded["rows"].items()} == {
        "right": "1.5", "doubled": "0.5", "as_float": "1", "peek": "0"}
    report = (graded["out"] / "report.html").read_text()
    assert '<th class="num">q11</th>' in report
    assert "It looks like the side is doubled, not squared." in report  # among the class's failures
    page = (graded["out"] / "feedback" / "doubled.html").read_text()
    assert "It looks like the side is doubled, not squared." in page
    assert f"{QID}" in graded["stdout"]  # the score table


def test_the_worker_runs_the_copy_and_its_sandbox_hides_it(graded, package):
    """The fork server inherits PYTHONPATH, so the worker answers with the copy's check API; with its own
    filesystem (root), the copy is not in the worker's sight, nor is the checkout (nothing there is needed:
    the worker imported what it needs before it confined itself)."""
    peek = graded["results"]["peek"]
    feedback = _checks(peek)[f"{QID}.example"]["feedback"]
    seen = json.loads(re.search(r"ValueError: (\{.*?\})", feedback).group(1))
    assert Path(seen["handler"]).is_relative_to(package)
    if peek["isolation"].get("filesystem"):
        assert seen == {"handler": seen["handler"], "copy": False, "checkout": False}
    else:  # pragma: no cover - without root the worker shares the host's filesystem
        assert os.geteuid() != 0


def test_the_students_check_command_knows_the_question(built, package):
    proc = cli(package, built, "check", str(built / "class" / "doubled.ipynb"), "-q", QID, timeout=300)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "kernel_area(3) returned 6, not the 9 the prompt gives." in proc.stdout


# -- badly made questions ------------------------------------------------------------------------

@pytest.fixture
def import_copy(tmp_path):
    """Import a copy of the package under another name, so that its questions are discovered afresh."""
    aliases = []

    def load(extra: dict[str, str], submodule: str):
        dest = copy_package(tmp_path / "pkg", extra)
        alias = f"grader_copy_{len(aliases)}"
        aliases.append(alias)
        spec = importlib.util.spec_from_file_location(alias, dest / "grader" / "__init__.py",
                                                      submodule_search_locations=[str(dest / "grader")])
        module = importlib.util.module_from_spec(spec)
        sys.modules[alias] = module
        spec.loader.exec_module(module)
        return importlib.import_module(f"{alias}.{submodule}")

    yield load
    for name in [m for m in sys.modules if m.split(".")[0] in aliases]:
        del sys.modules[name]


def _example(**changes: tuple[str, str]) -> dict[str, str]:
    """The guide's example with ``(old, new)`` replaced in the files named (``__init__.py`` as a keyword)."""
    files = guide_example()
    for name, (old, new) in changes.items():
        assert old in files[f"{FOLDER}/{name}"]
        files[f"{FOLDER}/{name}"] = files[f"{FOLDER}/{name}"].replace(old, new)
    return files


def test_the_example_loads_in_process(import_copy):
    copy = import_copy(guide_example(), "questions.bank")
    question = copy.question(QID)
    assert question.points == 1.5 and [c.id for c in question.checks] == ["q11.example", "q11.random", "q11.int"]


def _layout_error(raised) -> str:
    """The message of a LayoutError raised by a copy of the package (its own class, under an alias)."""
    assert type(raised.value).__name__ == "LayoutError", repr(raised.value)
    return str(raised.value)


def test_points_that_disagree_with_points_are_refused_naming_the_folder(import_copy):
    files = _example(**{"__init__.py": ("POINTS = 1.5", "POINTS = 2")})
    with pytest.raises(Exception) as raised:
        import_copy(files, "questions.bank")
    assert _layout_error(raised) == "q11_kernel_area: its checks add up to 1.5 points, its POINTS says 2"


def test_two_folders_with_one_number_are_refused_naming_only_those_two(import_copy):
    files = guide_example()
    files.update({path.replace(FOLDER, "q11_kernel_volume"): text for path, text in guide_example().items()})
    questions = import_copy(files, "questions")  # importing reads no folder: --help must keep working
    with pytest.raises(Exception) as raised:
        questions.INFO
    assert _layout_error(raised) == "question folders share a number: q11_kernel_area, q11_kernel_volume"


@pytest.mark.parametrize("name", ["q11-kernel-area", "q11_Kernel", "q11"])
def test_a_misnamed_question_folder_is_refused_not_skipped(import_copy, name):
    files = {path.replace(FOLDER, name): text for path, text in guide_example().items()}
    questions = import_copy(files, "questions")
    with pytest.raises(Exception) as raised:
        questions.INFO
    assert _layout_error(raised).startswith(f"{name}: a question folder is named q<number>_<lower-case words>")


def test_a_question_folder_without_its_metadata_is_refused(import_copy):
    files = {path: text for path, text in guide_example().items() if not path.endswith("/__init__.py")}
    questions = import_copy(files, "questions")
    with pytest.raises(Exception) as raised:
        questions.INFO
    assert _layout_error(raised).startswith(f"{FOLDER}: ")


def test_two_checks_with_one_name_are_refused(import_copy):
    files = _example(**{"checks.py": ('Check("int",', 'Check("random",')})
    with pytest.raises(Exception) as raised:
        import_copy(files, "questions.bank")
    assert _layout_error(raised) == "q11_kernel_area: two checks share a name"


def test_the_cli_reports_a_bad_question_in_one_line(tmp_path):
    package = copy_package(tmp_path / "pkg", _example(**{"__init__.py": ("POINTS = 1.5", "POINTS = 2")}))
    proc = cli(package, tmp_path, "build", "--root", str(tmp_path / "root"), timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "Error: q11_kernel_area: its checks add up to 1.5 points, its POINTS says 2"
    assert cli(package, tmp_path, "--help", timeout=60).returncode == 0


# -- the guide's API reference -------------------------------------------------------------------

def test_the_api_reference_is_generated_from_the_current_docstrings():
    text = GUIDE.read_text(encoding="utf-8")
    assert api_doc.updated(text) == text, "run `python scripts/api_doc.py` and commit docs/authoring.md"


def _check_api_functions():
    """Every public function and method of the check API's modules, with its qualified name."""
    for module_name in api_doc.CHECK_API:
        module = importlib.import_module(module_name)
        for name in api_doc.public_names(module):
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield name, obj
            else:
                for member, value in api_doc.members(obj):
                    if inspect.isfunction(value):
                        yield f"{name}.{member}", value
                init = vars(obj).get("__init__")
                if inspect.isfunction(init) and init.__doc__:
                    yield f"{name}.__init__", init


def test_every_public_name_of_the_check_api_is_documented_in_the_guide():
    text = GUIDE.read_text(encoding="utf-8")
    listed = dict(api_doc.API)
    for module_name in api_doc.CHECK_API:
        module = importlib.import_module(module_name)
        missing = set(api_doc.public_names(module)) - set(listed[module_name])
        assert not missing, f"add {sorted(missing)} to API in scripts/api_doc.py"
        for name in api_doc.public_names(module):
            assert f"`{name}" in text, name
    from grader.checkapi.probe import Probe
    for name, _ in api_doc.members(Probe):
        assert f"`Probe.{name}(" in text, name
    for answer_type in ("CallResult", "ModelInfo", "Layer", "SubmissionRaised", "Verdict", "Wrong"):
        assert re.search(rf"^#### \w+ `{answer_type}\b", text, re.M), answer_type


def _raises(function) -> bool:
    """Whether ``function`` can raise for its caller: it raises, or asks the probe or a validator that does."""
    source = inspect.getsource(function)
    return bool(re.search(r"\braise\b|self\._ask|self\.send\(|probe\.\w+\(|\b(plain_int|shape_triple|whole_number)\(",
                          source.split('"""', 2)[-1]))


@pytest.mark.parametrize("name, function", list(_check_api_functions()), ids=lambda v: v if isinstance(v, str) else "")
def test_each_check_api_function_documents_its_arguments_result_and_errors(name, function):
    doc = inspect.getdoc(function)
    assert doc, f"{name} has no docstring"
    _, sections = api_doc.split_sections(doc)
    titles = dict(sections)
    params = [p for p in inspect.signature(function).parameters.values() if p.name != "self"]
    if params:
        assert "Args" in titles, f"{name}: no Args section"
        for p in params:
            prefix = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "")
            assert re.search(rf"^{re.escape(prefix + p.name)}:", titles["Args"], re.M), f"{name}: {p.name} undocumented"
    returns_something = (name.split(".")[-1] != "__init__" and inspect.signature(function).return_annotation
                         not in ("None", None) and "return " in inspect.getsource(function).split('"""', 2)[-1])
    if returns_something:
        assert "Returns" in titles, f"{name}: no Returns section"
    if _raises(function) and not name.endswith(("send", "__init__")):
        assert "Raises" in titles, f"{name}: no Raises section"


@pytest.mark.parametrize("module_name", [*api_doc.CHECK_API, "grader.questions.base"])
def test_the_docstring_examples_run(module_name):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 0 and result.failed == 0
