"""Grading through the sandboxed engine: whole notebooks, broken cells, and every honest mistake."""

from __future__ import annotations

import dataclasses
import json
import sys
import types

import pytest
import torch

from grader.judge.engine import ForkServerClient, Limits
from grader.judge.grading import grade
from grader.judge.submission import Source, load
from grader.questions import bank
from tests.conftest import CORPUS, FAST, ROOT, failing, solution_script, starter_script


def notebook_text(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "source": c, "metadata": {}, "outputs": [],
                                  "execution_count": None} for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_the_solutions_notebook_scores_full_marks(grade_text):
    result = grade_text((ROOT / "solutions" / "lecture06.ipynb").read_text(), "solutions.ipynb")
    assert result.status == "ok"
    assert result.total == result.max_total == bank.total_points()
    assert [c.id for c in result.checks if c.outcome != "passed"] == []


def test_the_blank_student_notebook_scores_zero_without_crashing(grade_text):
    result = grade_text((ROOT / "exercises" / "lecture06.ipynb").read_text(), "blank.ipynb")
    assert result.total == 0
    assert result.status == "ok"  # every cell ran; the answers are placeholders
    assert all(c.feedback for c in result.checks)
    assert not [c for c in result.checks if c.outcome in ("grader-error", "protocol")]


def test_a_cell_that_does_not_parse_costs_only_itself(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells[1] = "def conv_output_size(size, kernel_size:\n    return 0\n"
    result = grade_text(notebook_text(*cells), "syntax.ipynb")
    assert result.status == "error" and "SyntaxError" in result.error
    assert result.scores["q2"] == 0
    assert result.total == bank.total_points() - 3


def test_a_cell_that_raises_costs_only_what_it_did_not_define(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells[3] = "q4_conv_params = 84\nraise RuntimeError('oops')\nq4_cnn_params = 1337\n"
    result = grade_text(notebook_text(*cells), "raises.ipynb")
    assert result.status == "error" and "RuntimeError: oops" in result.error
    assert result.scores["q4"] == 1  # q4_conv_params was bound before the exception
    assert all(result.scores[q] == result.max_scores[q] for q in result.scores if q != "q4")


def test_otter_cells_and_magics_in_a_student_notebook_do_no_harm(grade_text):
    cells = ["import otter\ngrader = otter.Notebook('lecture06.ipynb')", "%matplotlib inline\n!pip install x"]
    for q in bank.QUESTIONS:
        cells += [q.solution, f'grader.check("{q.id}")']
    cells.append("grader.check_all()\ngrader.export(pdf=False)")
    result = grade_text(notebook_text(*cells), "otter.ipynb")
    assert result.status == "ok" and result.total == bank.total_points()
    assert any("magics" in n for n in result.notes)


def test_a_script_statement_that_exits_the_process_is_skipped_and_the_rest_counts(grade_text):
    text = solution_script().replace('q1_answer = "C"', 'import os\nq1_answer = "C"\nos._exit(3)', 1)
    result = grade_text(text, "exits.py")
    assert result.status == "killed"
    assert result.total == bank.total_points()
    assert any(u["status"] == "killed" for u in result.units)


def test_grades_depend_on_the_seed_only_through_random_inputs(grade_text):
    a = grade_text(solution_script(), "a.py", seed=1)
    b = grade_text(solution_script(), "b.py", seed=2)
    assert a.total == b.total == bank.total_points()


def test_public_only_run_counts_no_hidden_check(grade_text):
    public = [c for c in bank.CHECKS.values() if not c.hidden]
    result = grade_text(starter_script(), "starter.py", checks=public)
    assert len(result.checks) == len(public) and result.max_total == bank.total_points()


# -- the corpus of honest mistakes ---------------------------------------------------------------

MISTAKES = CORPUS / "mistakes"
EXPECTED = json.loads((MISTAKES / "expected.json").read_text()) if (MISTAKES / "expected.json").exists() else {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_costs_points_on_its_question_only_with_feedback(grade_text, name):
    expected = EXPECTED[name]
    path = MISTAKES / name
    result = grade_text(path.read_bytes(), name)
    assert result.status in ("ok", "error"), (result.status, result.error)
    short = {q for q in result.scores if result.scores[q] < result.max_scores[q]}
    assert short == set(expected["short"]), {q: [c.feedback for c in failing(result, q)] for q in short}
    for q, words in expected.get("feedback", {}).items():
        feedback = " ".join(c.full_feedback for c in failing(result, q)).lower()
        assert words.lower() in feedback, feedback
    # Every failure says what is wrong even when the explanation is held back (brief feedback).
    assert all(c.feedback for c in result.checks if c.outcome != "passed")
    assert result.scores.keys() == set(bank.QUESTION_IDS)


def test_the_mistake_corpus_covers_the_listed_mistakes():
    assert len(EXPECTED) >= 25


SHARED_POOL_CNN = '''
import torch
import torch.nn.functional as F


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(1250, 1)          # registered first, called last
        self.pool = torch.nn.MaxPool2d(2)           # one pooling layer, used twice
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding="same")
        self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(x.flatten(1))
'''


def test_a_cnn_written_differently_is_judged_by_what_it_computes(grade_text):
    text = solution_script().replace(bank.question("q7").solution, SHARED_POOL_CNN)
    assert text != solution_script()
    result = grade_text(text, "shared_pool.py")
    assert result.scores["q7"] == 4, [c.feedback for c in failing(result, "q7")]


#: Honest q7 mistakes whose layers are the network's: the outputs check takes the point, the structure and
#: parameter checks keep theirs (the judge replays the recorded layers and gets the model's output).
HONEST_OUTPUT_MISTAKES = {
    "sigmoid_at_the_end": "return torch.sigmoid(self.main(x))",
    "softmax_at_the_end": "return torch.nn.functional.softmax(self.main(x), dim=0)",
    "relu_at_the_end": "return torch.relu(self.main(x))",
    "leaky_relu_and_tanh": "return torch.tanh(torch.nn.functional.leaky_relu(self.main(x), 0.2))",
    "squeezed_output": "return self.main(x).squeeze(1)",
}


@pytest.mark.parametrize("mistake", sorted(HONEST_OUTPUT_MISTAKES))
def test_an_honest_mistake_after_the_right_layers_keeps_the_structure_and_parameter_points(grade_text, mistake):
    solution = bank.question("q7").solution
    changed = solution.replace("return self.main(x)", HONEST_OUTPUT_MISTAKES[mistake])
    assert changed != solution
    result = grade_text(solution_script().replace(solution, changed), f"{mistake}.py")
    points = {c.id: c.points for c in result.checks if c.question == "q7" and c.hidden}
    assert points["q7.structure"] == points["q7.params"] == 1, [c.feedback for c in failing(result, "q7")]
    assert points["q7.outputs"] == 0


def test_a_padded_convolution_whose_border_is_sliced_off_earns_no_structure_or_parameter_point(grade_text):
    solution = bank.question("q7").solution
    cropped = (solution.replace("padding=1),\n            torch.nn.ReLU(),", "padding=1),\n            Crop(),\n"
                                "            torch.nn.ReLU(),")
               .replace("torch.nn.Linear(1250, 1),", "Pad(1250),\n            torch.nn.Linear(1250, 1),")
               + "\n\nclass Crop(torch.nn.Module):\n    def forward(self, x):\n        return x[:, :, 1:-1, 1:-1]\n"
               "\n\nclass Pad(torch.nn.Module):\n    def __init__(self, n):\n        super().__init__()\n"
               "        self.n = n\n\n    def forward(self, x):\n"
               "        return torch.cat([x, x.new_zeros(x.shape[0], self.n - x.shape[1])], 1)\n")
    assert cropped.count("Crop()") == 2
    result = grade_text(solution_script().replace(solution, cropped), "cropped.py")
    by_id = {c.id: c for c in result.checks}
    assert by_id["q7.structure"].points == by_id["q7.params"].points == by_id["q7.outputs"].points == 0
    assert by_id["q7.structure"].details["mistake"] == "unconfirmed"
    assert "slicing" in by_id["q7.structure"].feedback


@pytest.mark.parametrize("dropout, points", [("torch.nn.Dropout(p=0.0)", 4), ("torch.nn.Dropout(p=0.25)", 1)])
def test_a_dropout_of_probability_0_is_no_layer_and_any_other_is_one(grade_text, dropout, points):
    # Fairness round 7: a placeholder Dropout(p=0.0) before the Linear is the network asked for (the identity in
    # training too); a real dropout is a layer the network does not have: it costs the structure point, and, as
    # the network is judged while training too (attack round 16: p=1 while training, 0 while evaluated), every
    # check of what it computes then.
    solution = bank.question("q7").solution
    changed = solution.replace("torch.nn.Linear(1250, 1),", f"{dropout},\n            torch.nn.Linear(1250, 1),")
    assert changed != solution
    result = grade_text(solution_script().replace(solution, changed), "dropout.py")
    assert result.scores["q7"] == points, [c.feedback for c in failing(result, "q7")]
    if points < 4:
        assert {c.id for c in failing(result, "q7")} == {"q7.structure", "q7.params", "q7.outputs"}
        assert "Dropout" in next(c for c in failing(result, "q7") if c.id == "q7.structure").feedback


def test_the_judge_replays_a_recorded_forward_pass_and_refuses_what_it_cannot_replay():
    from grader.checkapi.probe import LocalProbe
    from grader.questions import model_checks, reference

    shape = (1, 1, 100, 100)
    gen = torch.Generator().manual_seed(3)
    model = reference.PooledCNN()
    weights = reference.weights_for(model, gen)
    x = reference.uniform_input(shape, gen).to_tensor()
    info = LocalProbe({"CNN": reference.PooledCNN}).model("CNN", (), shape, input_seed=1)
    with torch.no_grad():
        assert torch.allclose(model_checks.replay(info.layers, weights, x), model.eval()(x), atol=1e-6)
    assert model_checks.replay(info.layers, weights[:-1], x) is None          # a layer without its weights
    assert model_checks.replay(info.layers, weights + weights[-1:], x) is None  # weights left over
    huge = [dataclasses.replace(l, config={**l.config, "padding": [10**6, 10**6]}) if l.kind == "Conv2d" else l
            for l in info.layers]
    assert model_checks.replay(huge, weights, x) is None                     # a hostile record: not computed
    reshuffled = [dataclasses.replace(l, kind="Flatten", config={}, output_shape=(1, 3, 50, 200))
                  if l.kind == "ReLU" else l for l in info.layers]                # a flatten that is none
    assert model_checks.replay(reshuffled, weights, x) is None
    unknown = [dataclasses.replace(l, kind="Mystery") for l in info.layers]
    assert model_checks.replay(unknown, weights, x) is None


def test_a_forward_without_return_gets_told_so(grade_text):
    broken = bank.question("q7").solution.replace("return self.main(x)", "self.main(x)")
    result = grade_text(solution_script().replace(bank.question("q7").solution, broken), "noreturn.py")
    assert result.scores["q7"] < 4
    assert any("return" in c.feedback for c in failing(result, "q7"))


EXAMPLES = sorted((ROOT / "examples" / "submissions").glob("*_lecture06.*"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_sample_class_scores_the_same_under_every_seed(grade_text, path):
    scores = [grade_text(path.read_bytes(), path.name, seed=seed).scores for seed in (11, 22, 33)]
    assert scores[0] == scores[1] == scores[2]


PATCH_EVERYTHING = '''
import sys, types
_setattr, _isinstance, _vars, _list, _type, _own = setattr, isinstance, vars, list, type, globals()
_functions = (types.FunctionType, types.BuiltinFunctionType)

def _stub(*args, **kwargs):
    return True

for _module in _list(sys.modules.values()):
    if _vars(_module) is _own:
        continue  # the submission's own module (__main__, as in Jupyter): its own answers would change
    for _name, _value in _list(_vars(_module).items()):
        if _isinstance(_value, _functions):
            try:
                _setattr(_module, _name, _stub)
            except (AttributeError, TypeError):
                pass
        elif _isinstance(_value, _type) and _value.__module__ == _module.__name__:
            for _attr, _member in _list(_vars(_value).items()):
                if _isinstance(_member, types.FunctionType):
                    try:
                        _setattr(_value, _attr, _stub)
                    except (AttributeError, TypeError):
                        pass
'''


def test_patching_every_function_of_every_module_keeps_the_honest_answers(grade_text):
    honest = [q.solution for q in bank.QUESTIONS if q.id in ("q1", "q2", "q3", "q4", "q5", "q9", "q10")]
    result = grade_text(notebook_text(*honest, PATCH_EVERYTHING), "patch_everything.ipynb")
    for q in ("q1", "q2", "q3", "q4", "q5", "q9", "q10"):
        assert result.scores[q] == result.max_scores[q], (q, [c.feedback for c in failing(result, q)])
    assert result.scores["q6"] == result.scores["q7"] == 0
    # The worker undid the patches after the cell, so it never had to be killed and restarted.
    assert result.status == "ok" and result.events == [], (result.status, result.events)


SIZE_ERROR_Q2 = '''
class SizeError(ValueError):
    """The kernel does not fit the padded input."""


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise SizeError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1
'''


def test_a_students_own_subclass_of_valueerror_passes_through_the_worker(grade_text):
    text = solution_script().replace(bank.question("q2").solution, SIZE_ERROR_Q2)
    assert text != solution_script()
    result = grade_text(text, "size_error.py")
    assert result.scores["q2"] == result.max_scores["q2"], [c.feedback for c in failing(result, "q2")]
    assert result.total == bank.total_points()


# -- exiting on purpose ------------------------------------------------------------------------

@pytest.mark.parametrize("ending, status", [
    ("import sys\nsys.exit(0)", "ok"),
    ("import sys\nsys.exit()", "ok"),
    ("import sys\nsys.exit(False)", "ok"),
    ("raise SystemExit", "ok"),
    ("exit()", "ok"),
    ("quit(0)", "ok"),
    ("class Out(SystemExit):\n    code = property(lambda self: 3)\n\nraise Out(0)", "ok"),  # the real code is 0
    ("import sys\nsys.exit(2)", "error"),
    ("import sys\nsys.exit('bye')", "error"),  # Python prints it and exits with 1
    ("class Out(SystemExit):\n    code = property(lambda self: 0)\n\nraise Out(4)", "error"),
], ids=["sys.exit(0)", "sys.exit()", "sys.exit(False)", "SystemExit", "exit()", "quit(0)", "lying-subclass-0",
        "sys.exit(2)", "sys.exit(str)", "lying-subclass-4"])
def test_exiting_with_status_0_is_a_clean_end_and_any_other_status_an_error(ending, status):
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    records = run_units(["x = 1", ending, "y = 2"], namespace, timeout=None)
    assert [r["status"] for r in records] == ["ok", status, "ok"], records
    assert (records[1]["error"] is None) == (status == "ok")
    assert namespace["y"] == 2  # what follows still runs, as in a notebook


@pytest.mark.parametrize("cell, stopped", [
    ("x = 1\ny = 2", None),
    ("x = 1\n1 / 0\ny = 2", 1),
    ("x = 1\n@(lambda f: 1 / 0)\ndef f():\n    pass\ny = 2", 1),  # the decorator raises: f is not made
    ("x = 1\ndef f(a=1 / 0):\n    pass\ny = 2", 1),  # its default
    ("x = 1; import sys; sys.exit(0)\ny = 2", 2),  # an exit is a clean end, and the statements after it did not run
    ("def g():\n    raise KeyError\nx = 1\nfor i in range(3):\n    g()\ny = 2", 2),  # raised in a function called
    ("x = 1\nsaved = None\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n    saved = e\nraise saved", 3),
    ("x = 1\n(1 / 0)", 1),  # the shown last expression
    ("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    kept = e.__traceback__\n"
     "class Lying(Exception):\n    __traceback__ = property(lambda self: kept)\nx = 1\nraise Lying()", 3),
], ids=["ran", "raises", "decorator", "default", "exit", "in-a-function", "raised-again", "last-expression",
        "traceback-property"])
def test_a_units_record_says_which_top_level_statement_it_stopped_in(cell, stopped):
    """The judge's reader takes a binding in or after that statement for one that may not have been made
    (grader.questions.static: a first draft calling F.conv2d stays in force when the last def is not made)."""
    from grader.checkapi.protocol import Key
    from grader.worker.cells import run_units

    records = run_units([cell, "z = 3"], {"__name__": "__main__"}, timeout=None)
    assert records[0].get(Key.STOPPED_IN) == stopped, records
    assert Key.STOPPED_IN not in records[1] and Key.LEFT_OUT not in records[1]


def test_a_time_cell_written_as_a_call_runs_its_body_as_ipython_does():
    """nbconvert writes a `%%time` cell as `get_ipython().run_cell_magic('time', '', body)`: the judge's reader reads the
    body as run, so the worker's shell runs it (attack round 176: it ran nothing, and a first draft stayed in force);
    with a line of options, or another magic, it does nothing, as the reader reads nothing there."""
    from grader.worker.cells import run_units
    from grader.worker.serve import GradingShell

    namespace = {"__name__": "__main__"}
    shell = GradingShell(namespace)  # (as fresh_namespace makes it, without taking this process's __main__)
    namespace["get_ipython"] = lambda: shell
    records = run_units(["get_ipython().run_cell_magic('time', '', 'made = 1\\nalso = made + 1')",
                         "get_ipython().run_cell_magic('prun', '', 'profiled = 3')",
                         "get_ipython().run_cell_magic('time', '-n 2', 'not_made = 1')",
                         "get_ipython().run_cell_magic('javascript', '', 'not_made_either = 1')"], namespace, timeout=None)
    assert [r["status"] for r in records] == ["ok"] * 4, records
    assert (namespace["made"], namespace["also"], namespace["profiled"]) == (1, 2, 3)
    assert "not_made" not in namespace and "not_made_either" not in namespace


def test_a_magic_runs_code_only_for_a_units_own_top_level(tmp_path, monkeypatch):
    """Attack round 178: a module the submission wrote and imported called the shell's %time, which rebound the
    notebook's conv2d where the judge's reader, reading the module apart, saw nothing.  The shell runs a magic's code
    for a cell's (or a script's) top-level code only, as the reader reads it; called otherwise it does nothing."""
    from grader.worker.cells import run_units
    from grader.worker.serve import GradingShell

    namespace = {"__name__": "__main__"}
    shell = GradingShell(namespace)
    namespace["get_ipython"] = lambda: shell
    (tmp_path / "timing_helpers.py").write_text(
        "import __main__\nshell = __main__.get_ipython()\nshell.run_line_magic('time', 'from_module = 1')\n"
        "shell.run_cell_magic('time', '', 'from_module_cell = 1')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    main = types.ModuleType("__main__")
    main.get_ipython = namespace["get_ipython"]
    monkeypatch.setitem(sys.modules, "__main__", main)
    monkeypatch.delitem(sys.modules, "timing_helpers", raising=False)
    records = run_units([
        "get_ipython().run_line_magic('time', 'top = 1')\nfor _ in range(1):\n"
        "    get_ipython().run_line_magic('time', 'in_loop = 1')",
        "def f():\n    get_ipython().run_line_magic('time', 'in_function = 1')\nf()",
        "[get_ipython().run_line_magic('time', 'in_comprehension = 1') for _ in range(1)]",
        "get_ipython().run_line_magic('time', \"get_ipython().run_line_magic('time', 'nested = 1')\")",
        "import timing_helpers",
    ], namespace, timeout=None)
    assert [r["status"] for r in records] == ["ok"] * 5, records
    assert (namespace["top"], namespace["in_loop"]) == (1, 1)
    assert not {"in_function", "in_comprehension", "nested", "from_module", "from_module_cell"} & set(namespace)


@pytest.mark.parametrize("held", [False, True])
def test_a_memory_error_is_the_cells_memory_status_only_while_the_memory_is_held(held):
    """Fairness round 108: `np.zeros((100000, 100000))` after the final definitions fails at once and holds nothing;
    recorded `memory`, the judge restarted the worker without the cell, and the definitions made before it too."""
    from grader.checkapi.protocol import Key
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    records = run_units(["x = 1\nbig = bytearray(1 << 60)\ny = 2", "z = 3"], namespace, timeout=None,
                        exhausted=lambda: held)
    assert records[0][Key.STATUS] == ("memory" if held else "error") and "MemoryError" in records[0][Key.ERROR]
    assert records[0][Key.STOPPED_IN] == 1 and (namespace["x"], namespace["z"]) == (1, 3) and "y" not in namespace


def test_definitions_before_a_failed_allocation_stay_in_force(grade_text):
    draft = ("import torch.nn.functional as F\ndef conv2d(image, kernel, stride=1, padding=0):\n"
             "    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]\n")
    cells = [q.solution for q in bank.QUESTIONS]
    cells[5] = cells[5] + "\nbig = bytearray(1 << 60)  # a dataset too large: MemoryError at once\n"
    cells.insert(5, draft)
    q6 = [c for c in bank.CHECKS.values() if c.question == "q6"]
    result = grade_text(notebook_text(*cells), "failed_allocation.ipynb", checks=q6)
    assert dict(result.scores)["q6"] == sum(c.points for c in q6), result.checks


MISSING = "cnn_grader_no_such_module"  # installed nowhere: the import system's own ModuleNotFoundError


def test_a_units_record_names_the_statements_a_missing_library_skipped():
    from grader.checkapi.protocol import Key
    from grader.worker.cells import run_units, script_units

    cell = f"import os\nimport {MISSING} as T\nx = 1\ndef f(a=T.thing):\n    pass\ny = 2\nT.show()"
    records = run_units([cell], {"__name__": "__main__"}, timeout=None)
    assert records[0][Key.LEFT_OUT] == [1, 3, 5] and Key.STOPPED_IN not in records[0], records
    # of `import os, MISSING, json` the rest still ran: the statement is named, for it did not run to its end
    records = run_units([f"import os, {MISSING}, json\nx = 1\n1 / 0"], {"__name__": "__main__"}, timeout=None)
    assert records[0][Key.LEFT_OUT] == [0] and records[0][Key.STOPPED_IN] == 2, records
    # a script's units are its statements: each record names its own, 0
    records = run_units(script_units(f"import {MISSING}\nx = 1\n1 / 0\n"), {"__name__": "__main__"}, timeout=None)
    assert [(r.get(Key.LEFT_OUT), r.get(Key.STOPPED_IN)) for r in records] == [([0], None), (None, None), (None, 0)]


@pytest.mark.parametrize("cell, bound, unbound", [
    (f"import math\nimport {MISSING}\nx = 1", {"math", "x"}, {MISSING}),
    (f"import {MISSING}.transforms as T\nx = 1", {"x"}, {"T"}),
    (f"from {MISSING} import datasets, transforms\nx = 1", {"x"}, {"datasets", "transforms"}),
    (f"from {MISSING}.models import resnet18\nx = 1", {"x"}, {"resnet18"}),
    (f"import os, {MISSING}, json as js\nx = 1", {"os", "js", "x"}, {MISSING}),  # the modules after it still
    (f"import {MISSING}\nimport {MISSING}_too\nx = 1", {"x"}, set()),  # one cell, two missing modules
    (f"import os; import {MISSING}; import json\nx = 1", {"os", "json", "x"}, {MISSING}),  # statements on one line
    (f"from {MISSING} import (\n    datasets,\n    transforms,\n)\nx = 1", {"x"}, {"datasets"}),
], ids=["import", "import-as", "from-import", "from-submodule", "import-list", "two-missing", "one-line",
        "multi-line"])
def test_a_cells_import_of_a_module_not_installed_here_is_skipped_and_the_rest_of_the_cell_runs(cell, bound, unbound):
    """A student's notebook ran where torchvision is installed: its import costs only itself."""
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    records = run_units([cell, "y = x + 1"], namespace, timeout=None)
    assert [r["status"] for r in records] == ["error", "ok"], records
    assert "not installed where submissions are graded" in records[0]["error"] and MISSING in records[0]["error"]
    assert bound <= set(namespace) and not unbound & set(namespace)
    assert namespace["y"] == 2


def test_a_library_missing_a_library_it_needs_costs_only_its_import(tmp_path, monkeypatch):
    """`from torch.utils.tensorboard import SummaryWriter` fails on tensorboard, which it names nowhere (round 106)."""
    from grader.worker.cells import run_units

    (tmp_path / "needs_missing").mkdir()
    (tmp_path / "needs_missing" / "__init__.py").write_text(f"import {MISSING}\n")
    (tmp_path / "needs_missing" / "writer.py").write_text("WRITER = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    namespace = {"__name__": "__main__"}
    records = run_units(["import os, needs_missing.writer, json\nx = 1",
                         "from needs_missing.writer import WRITER\ny = 2"], namespace, timeout=None)
    assert {"os", "json", "x", "y"} <= set(namespace) and "WRITER" not in namespace, records
    assert all(MISSING in r["error"] for r in records)


def test_a_scripts_import_line_loads_the_modules_after_a_missing_one():
    """A script's statement is its own unit; `import math, torchvision, torch` still binds torch (round 106)."""
    from grader.worker.cells import run_units, script_units

    namespace = {"__name__": "__main__"}
    records = run_units(script_units(f"import math, {MISSING}, json as js\nx = js.dumps(1)\n"), namespace,
                        timeout=None)
    assert [r["status"] for r in records] == ["error", "ok"], records
    assert {"math", "js", "x"} <= set(namespace) and MISSING not in namespace
    assert "not installed where submissions are graded" in records[0]["error"]


def test_a_skipped_import_keeps_the_cells_last_output():
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    records = run_units([f"import {MISSING} as tv\nx = 1\nx + 41"], namespace, timeout=None)
    assert namespace["_"] == 42  # the cell's last expression, as IPython shows it
    assert records[0]["status"] == "error"


def test_the_statements_that_need_a_missing_library_are_skipped_too_in_any_later_cell():
    """What uses the library (and what uses that, in turn) would have run only where it is installed."""
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    cells = [
        f"from {MISSING} import transforms as T\ntransform = T.Compose([T.ToTensor()])\n"
        "def load(path, transform=transform):\n    return path\nkeep = 1",
        "data = load('x')\nsize = len(data)\nfor item in T.items():\n    seen = item\nkept = 2",
        "shown = 1\nsize",  # a cell's last expression, shown
        "print(undefined_name)\nnot_reached = 1",  # a name no missing library explains: the cell stops as in Jupyter
        "del keep\nkeep\nlater = 3",  # unbound by the student's own del: not the grader's to skip
    ]
    records = run_units(cells, namespace, timeout=None)
    assert (namespace["kept"], namespace["shown"]) == (2, 1)
    assert not {"T", "transform", "load", "data", "size", "seen", "item", "not_reached", "later"} & set(namespace)
    assert [r["status"] for r in records] == ["error"] * 5, records
    assert "2 statements using it skipped" in records[0]["error"] and records[0]["error"].startswith("ModuleNotFound")
    assert "3 statements using it skipped" in records[1]["error"] and records[1]["error"].startswith("NameError")
    assert "1 statement using it skipped" in records[2]["error"] and MISSING in records[2]["error"]
    assert "undefined_name" in records[3]["error"] and "not installed" not in records[3]["error"]
    assert "keep" in records[4]["error"] and "not installed" not in records[4]["error"]


@pytest.mark.parametrize("cell, skipped", [
    (f"def load():\n    import {MISSING}\n\nload()\nx = 1", True),  # an import inside a function the cell calls
    (f"if True:\n    import {MISSING}\nx = 1", True),  # a compound statement holding the import: left out whole
    # Colab's idiom: the handler's import fails too where the library is missing (fairness round 108)
    (f"try:\n    import {MISSING}\nexcept ImportError:\n    print('pip install -q {MISSING}')\n"
     f"    import {MISSING}\nx = 1", True),
    (f"try:\n    import {MISSING}\nexcept ImportError:\n    raise\nx = 1", True),  # re-raised as it was
    (f"try:\n    import {MISSING}\nexcept ImportError as e:\n    raise e\nx = 1", True),  # re-raised (round 109)
    (f"def load():\n    import {MISSING}\n\ntry:\n    load()\nexcept ImportError as e:\n    raise e\nx = 1", True),
    (f"for _ in range(1):\n    def load():\n        import {MISSING}\n    load()\nx = 1", True),  # in a loop
    (f"raise ModuleNotFoundError('no', name='{MISSING}')\nx = 1", False),  # raised by the cell itself
    (f"class Missing(ModuleNotFoundError):\n    pass\n\nraise Missing('no', name='{MISSING}')\nx = 1", False),
    (f"import importlib\nimportlib.import_module('{MISSING}')\nx = 1", False),
    ("import os; raise ModuleNotFoundError('no', name='os')\nx = 1", False),  # beside an import, on its line
    ("import json.cnn_grader_no_such_submodule\nx = 1", False),  # json is installed: no library is missing
    ("from numpy.add import reduce as total\nx = 1", False),  # a path that is no module (attack round 174)
    ("import math.fsum\nx = 1", False),
    (f"import {MISSING} as T\n\ndef load():\n    raise NameError('no', name='T')\n\nload()\nx = 1", False),
    (f"import {MISSING} as T\nrows = [T for _ in range(2)]\nx = 1", True),  # loaded in the comprehension's frame
    (f"import {MISSING} as T\nrows = list(map(lambda a: T, [1]))\nx = 1", True),  # in a lambda torch's code called
    (f"import {MISSING} as T\ndef f():\n    return undefined_here\nf()\nx = 1", False),  # a name no skip explains
    (f"import {MISSING} as T\nrows = T.rows\nx = 1", True),  # loaded by the cell itself
], ids=["in-function", "in-if", "try-pip-reimport", "try-reraise", "try-raise-e", "callee-raise-e",
        "loop-calls-function", "raised", "subclass", "import_module", "raised-on-an-import-line",
        "missing-submodule-of-installed", "numpy-ufunc-path", "module-attribute-path", "forged-name-error",
        "comprehension", "lambda-called-back", "callee-other-name", "cells-own-load"])
def test_only_a_failure_the_submissions_own_import_or_load_raised_is_skipped(cell, skipped):
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    records = run_units([cell], namespace, timeout=None)
    assert records[0]["status"] == "error"
    assert (records[0]["error"].endswith("the rest of the cell ran")) == skipped, records
    assert ("x" in namespace) == skipped


@pytest.mark.parametrize("cell, bound, unbound", [
    # Colab's idiom: the body goes on after the import (its handler, failing here too, never ran there)
    (f"try:\n    import {MISSING}\n    import math\nexcept ImportError:\n    print('pip install -q {MISSING}')\n"
     f"    import {MISSING}\n    from_handler = 1\nx = math.pi", {"math", "x"}, {MISSING, "from_handler"}),
    (f"try:\n    import os, {MISSING}, math\nexcept ImportError:\n    import {MISSING}\nelse:\n    in_else = 1\n"
     "finally:\n    finished += 1\nx = 1", {"os", "math", "in_else", "x"}, {MISSING}),
    (f"try:\n    import {MISSING}\n    import math\nfinally:\n    finished += 1\nx = 1", {"math", "x"}, {MISSING}),
    (f"try:\n    import {MISSING}\n    import math\nexcept ImportError as e:\n    raise e\nx = 1", {"math", "x"}, set()),
    (f"import torch\nwith torch.no_grad():\n    import {MISSING}\n    grad = torch.is_grad_enabled()\nx = 1",
     {"grad", "x"}, {MISSING}),  # the rest of the body under the context manager, entered again
    (f"if True:\n    import {MISSING} as T\n    import math\nelse:\n    other = 1\nx = 1", {"math", "x"}, {"T", "other"}),
    (f"if False:\n    pass\nelif True:\n    import {MISSING}\n    import math\nx = 1", {"math", "x"}, {MISSING}),
    (f"if True:\n    with open(__file__ if '__file__' in dir() else '/dev/null'):\n        try:\n"
     f"            import {MISSING}\n            import math\n        except ImportError:\n            import {MISSING}\n"
     "        inner = 1\n    outer = 2\nx = 1", {"math", "inner", "outer", "x"}, {MISSING}),
    (f"import {MISSING} as T\nimport torch\nwith torch.no_grad():\n    a = T.x\n    b = 2\nx = 1", {"b", "x"},
     {"T", "a"}),  # a use of it, skipped: the body goes on
    # fallbacks nested: the outer body goes on, as where the library was installed (attack round 182: the inner
    # body went on into the outer handler's bare `raise`)
    (f"try:\n    import {MISSING}\n    outer = 1\nexcept ImportError:\n    try:\n        import {MISSING}\n"
     f"        inner = 1\n    except ImportError:\n        import {MISSING}\n    raise\nx = 1", {"outer", "x"}, {"inner"}),
    # a loop's rest cannot be run alone (the iterations after it would have run too): left out whole, as it was
    (f"for i in range(2):\n    import {MISSING}\n    import math\nx = 1", {"i", "x"}, {MISSING, "math"}),
], ids=["colab-try", "try-else-finally", "try-finally", "raise-e", "with", "if", "elif", "nested", "use-in-with",
        "nested-fallbacks", "loop"])
def test_a_compound_statement_goes_on_after_the_statement_a_missing_library_skipped(cell, bound, unbound):
    """Fairness round 109: `try: import torchvision; import numpy as np / except ImportError: !pip install ...`
    lost numpy (and every answer using it) when the whole `try` was left out: where the library was installed
    the rest of the block ran.  The finally clause ran as the exception left: once."""
    import ast

    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__", "finished": 0}
    records = run_units([cell], namespace, timeout=None)
    holding = [i for i, statement in enumerate(ast.parse(cell).body)  # the compound statement, the imports of it
               if not isinstance(statement, (ast.Import, ast.Assign)) or MISSING in ast.unparse(statement)]
    assert records[0]["error"].endswith("the rest of the cell ran") and records[0]["left_out"] == holding, records
    assert bound <= set(namespace) and not unbound & set(namespace), sorted(namespace)
    assert namespace["finished"] == ("finally" in cell)
    assert namespace.get("grad", False) is False


@pytest.mark.parametrize("cell, left_out, bound, unbound", [
    (f"def setup():\n    import {MISSING}\n    return 1\n\ntv = setup()\nx = 1", [1], {"setup", "x"}, {"tv"}),
    (f"import {MISSING} as T\ndef make():\n    return T.Compose()\n\ntransform = make()\nx = 1", [0, 2],
     {"make", "x"}, {"transform"}),
    (f"import {MISSING} as T\ntotal = sum(T.f(a) for a in range(3))\nx = 1", [0, 1], {"x"}, {"total"}),
    # a class body's line using it: the class is made without that line (fairness round 109: `CNN` was never bound)
    (f"import {MISSING} as T\nimport torch\nclass CNN(torch.nn.Module):\n    preprocess = T.Normalize(0.5)\n"
     "    other = T.x\n    size = 3\nx = CNN.size", [0, 2], {"CNN", "x"}, set()),
    (f"import {MISSING} as T\nfrom dataclasses import dataclass, field\n@dataclass\nclass Setup:\n"
     "    transform: object = field(default_factory=T.ToTensor)\n    batch: int = 64\nx = Setup().batch", [0, 2],
     {"Setup", "x"}, set()),
    (f"import {MISSING} as T\nwith open('/dev/null'):\n    a = [T for _ in 'ab']\n    b = 2\nx = 1", [0, 1],
     {"b", "x"}, {"a"}),
], ids=["function-imports", "function-loads", "generator", "class-body", "dataclass-field", "in-with"])
def test_a_statement_whose_call_of_the_submissions_code_needs_a_missing_library_is_skipped(cell, left_out, bound,
                                                                                           unbound):
    """Fairness round 109: the library's failure raised in a function the cell called, a comprehension, a class
    body: the cell stopped there, before the definitions below it."""
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    records = run_units([cell], namespace, timeout=None)
    assert records[0]["error"].endswith("the rest of the cell ran") and records[0]["left_out"] == left_out, records
    assert bound <= set(namespace) and not unbound & set(namespace), sorted(namespace)
    if "CNN" in bound:
        assert not hasattr(namespace["CNN"], "preprocess") and namespace["x"] == 3


def test_a_models_class_attribute_built_with_a_missing_library_costs_only_that_attribute(grade_text):
    """Fairness round 109: `class CNN(nn.Module): preprocess = transforms.Normalize(...)`, transforms from
    torchvision: the class body's NameError left CNN unbound and cost all of q7."""
    cells = [q.solution for q in bank.QUESTIONS]
    assert "class CNN(torch.nn.Module):\n" in cells[6]
    cells[6] = f"from {MISSING} import transforms\n" + cells[6].replace(
        "class CNN(torch.nn.Module):\n", "class CNN(torch.nn.Module):\n    preprocess = transforms.Normalize((0.5,), (0.5,))\n")
    result = grade_text(notebook_text(*cells), "class_attribute.ipynb")
    assert result.status == "error" and MISSING in result.error
    assert result.total == bank.total_points(), result.checks


def test_a_kept_failure_raised_by_a_later_statement_stops_the_cell_and_runs_nothing_again():
    """Attack round 182: `raise stored`, the library's failure kept by an earlier statement, was read where it began,
    and the run went on from there, running again the statements between (a draft bound after the hand-written
    def), which the reader read as run once."""
    from grader.checkapi.protocol import Key
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__", "runs": 0}
    cell = (f"try:\n    import {MISSING}\nexcept ImportError as e:\n    stored = e\nruns += 1\nraise stored\n"
            "x = 1")
    records = run_units([cell], namespace, timeout=None)
    assert records[0][Key.STOPPED_IN] == 2 and Key.LEFT_OUT not in records[0], records
    assert namespace["runs"] == 1 and "x" not in namespace


def test_a_branchs_rest_is_recorded_as_its_statement_and_its_last_expression_is_not_shown():
    """Attack round 182: a branch's rest run after the skip shifted the indices of the statements after it, so a
    later stop was recorded in the wrong statement; and its last expression is no cell's shown output."""
    from grader.checkapi.protocol import Key
    from grader.worker.cells import run_units

    namespace = {"__name__": "__main__"}
    cell = f"if True:\n    import {MISSING}\n    a = 1\n    b = 2\n    c = 3\nd = 4\n1 / 0\ne = 5"
    records = run_units([cell], namespace, timeout=None)
    assert (records[0][Key.LEFT_OUT], records[0][Key.STOPPED_IN]) == ([0], 2), records
    assert {"a", "b", "c", "d"} <= set(namespace) and "e" not in namespace
    run_units([f"if True:\n    import {MISSING}\n    41 + 1"], namespace, timeout=None)
    assert namespace.get("_") != 42


def test_answers_after_a_missing_library_in_every_cells_colab_try_keep_full_marks(grade_text):
    """Each answer in the body of Colab's `try`, after the import of a library not installed here (round 109)."""
    idiom = f"try:\n    import {MISSING}\n{{}}except ImportError:\n    !pip install -q {MISSING}\n    import {MISSING}\n"
    cells = [idiom.format("".join(f"    {line}\n" for line in q.solution.splitlines())) for q in bank.QUESTIONS]
    result = grade_text(notebook_text(*cells), "colab_try_cells.ipynb")
    assert result.status == "error" and MISSING in result.error
    assert result.total == bank.total_points(), result.checks


def test_a_notebook_that_imports_and_uses_torchvision_and_colab_beside_its_answers_keeps_full_marks(grade_text):
    """torchvision is not installed where submissions are graded (no build of it matches the CPU torch here)."""
    import importlib.util

    for module in ("torchvision", "google"):  # (google.colab: Colab's own)
        if importlib.util.find_spec(module) is not None:
            pytest.skip(f"{module} is installed here: its import does not fail")
    cells = [q.solution for q in bank.QUESTIONS]
    cells[5] = ("import torchvision\nfrom torchvision import transforms\n"
                "transform = transforms.Compose([transforms.ToTensor()])\n" + cells[5])
    cells[6] = "from google.colab import drive\ndrive.mount('/content/drive')\n" + cells[6]  # Colab's boilerplate
    result = grade_text(notebook_text(*cells), "torchvision.ipynb")
    assert result.status == "error" and "torchvision" in result.error
    assert result.total == bank.total_points()


@pytest.mark.parametrize("between, kept", [
    (f"try:\n    import {MISSING}\nexcept ImportError:\n    !pip install -q {MISSING}\n    import {MISSING}\n", True),
    (f"try:\n    import {MISSING}\nexcept ImportError as e:\n    print('pip install {MISSING}')\n    raise e\n", True),
    (f"%time import {MISSING}\n", True),  # raised in the magic's code (fairness round 109)
    (f"def setup():\n    import {MISSING}\n    return {MISSING}.__version__\n\nversion = setup()\n", True),
    ("raise RuntimeError('stops the cell')\n", False),  # the control: the hand-written defs are not made
], ids=["colab-try-pip-idiom", "raise-e", "time-magic", "setup-function", "control-raise"])
def test_a_colab_import_fallback_above_the_final_definitions_keeps_them_in_force(grade_text, between, kept):
    """Fairness round 108: a first draft wrapping F.conv2d, then a cell opening with Colab's `try: import torchvision
    / except ImportError: !pip install ...; import torchvision`: the handler's import fails here too, and the cell
    stopped there, before the hand-written definitions, so the draft was graded (q6 -3)."""
    draft = ("import torch\nimport torch.nn.functional as F\n"
             "def conv2d(image, kernel, stride=1, padding=0):\n"
             "    return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]\n"
             "def max_pool2d(image, kernel_size=2):\n"
             "    return F.max_pool2d(image[None, None], kernel_size)[0, 0]\n")
    cells = [q.solution for q in bank.QUESTIONS]
    cells[5] = between + cells[5]
    cells.insert(5, draft)
    q6 = [c for c in bank.CHECKS.values() if c.question == "q6"]
    result = grade_text(notebook_text(*cells), "colab_fallback.ipynb", checks=q6)
    assert (dict(result.scores)["q6"] == sum(c.points for c in q6)) is kept, result.checks


def test_a_script_ending_with_sys_exit_0_gets_full_marks_and_status_ok(grade_text):
    result = grade_text(solution_script() + "\n\nimport sys\nsys.exit(0)\n", "exits_cleanly.py")
    assert (result.status, result.error) == ("ok", None)
    assert result.total == bank.total_points()


def test_a_notebook_cell_calling_exit_is_a_clean_end_and_a_nonzero_exit_an_error(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    clean = grade_text(notebook_text(*cells[:5], "exit()", *cells[5:]), "exit_cell.ipynb")
    assert (clean.status, clean.total) == ("ok", bank.total_points()), clean.error
    failed = grade_text(notebook_text(*cells[:5], "import sys\nsys.exit(3)", *cells[5:]), "exit3_cell.ipynb")
    assert failed.status == "error" and "SystemExit: 3" in failed.error
    assert failed.total == bank.total_points()


# -- the lecture's own libraries ----------------------------------------------------------------

LECTURE_IMPORTS = '''
import numpy as np
import pandas as pd
import torch
from torchsummary import summary
import matplotlib.pyplot as plt

plt.rcParams.update({"axes.labelweight": "bold", "axes.grid": False})
'''

LECTURE_USE = '''
import matplotlib
assert matplotlib.get_backend().lower() == "agg", matplotlib.get_backend()  # off screen, whatever the host
plt.plot([1, 2, 3], [1, 4, 9])
plt.show()  # returns at once under Agg
summary(torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3), torch.nn.Flatten()), (1, 28, 28), device="cpu")
summary(CNN(), (1, 100, 100))  # torchsummary's default device falls back to the CPU
frame = pd.DataFrame({"layer": ["conv1", "conv2"], "params": np.array([30, 56])})
'''


def test_a_submission_keeping_the_lectures_imports_and_plotting_gets_full_marks(grade_text):
    # The lecture's first cell imports numpy, pandas, matplotlib and torchsummary: a missing one
    # would fail that cell and lose every definition after it.
    result = grade_text(LECTURE_IMPORTS + "\n\n" + solution_script() + "\n\n" + LECTURE_USE, "lecture_stack.py")
    assert (result.status, result.error) == ("ok", None)
    assert result.total == bank.total_points()
    assert [u["status"] for u in result.units] == ["ok"] * len(result.units)


def test_the_judge_knows_which_top_level_statements_may_not_have_run_to_their_end(server, tmp_path):
    """SandboxProbe.statements_unsure: the worker's records (a cell's stop, a script's statement), and the judge's own
    word for a unit it had to kill (it hung past its interrupt): stopped at its first statement, skipped after."""
    from grader.judge.engine import SandboxProbe

    hang = "x = 1\ntry:\n    while True:\n        pass\nexcept BaseException:\n    while True:\n        pass\n"
    cells = ["a = 1\nb = 2", "c = 1\n1 / 0\nd = 2", hang, "import sys\ne = 1\nsys.exit(0)\nf = 1", "g = 1",
             "h = 1\nreturn h",  # (parses, does not compile: none of it ran)
             "import cnn_grader_no_such_module\nk = 1"]  # (an error that is only a skip: the rest ran, fairness 108)
    path = tmp_path / "stops.ipynb"
    path.write_text(notebook_text(*cells))
    probe = SandboxProbe(server, load(Source(path)), dataclasses.replace(FAST, unit_timeout=1, timeout=20))
    try:
        assert probe.statements_unsure() == ((1, 1, ()), (2, 0, ()), (3, 2, ()), (5, 0, ()), (6, -1, (0,)))
    finally:
        probe.close()
    script = tmp_path / "stops.py"
    script.write_text("a = 1\n1 / 0\nb = 2\nimport cnn_grader_no_such_module\nc = 3\n")
    probe = SandboxProbe(server, load(Source(script)), FAST)
    try:
        assert probe.statements_unsure() == ((0, -1, (1, 3)),)
    finally:
        probe.close()


def test_the_sandboxed_worker_computes_with_the_judges_exact_tensors_and_refuses_forged_descriptions(server, tmp_path):
    """Through the real worker: the reference's own ConvNet, given descriptions, gives the judge's output
    bit for bit; a description asking for an absurd tensor is refused and the worker answers on."""
    import torch

    from grader.questions import reference
    from grader.judge.engine import Limits, SandboxProbe
    from grader.checkapi import wire
    from grader.judge.submission import Source, load

    path = tmp_path / "solution.py"
    path.write_text(solution_script())
    probe = SandboxProbe(server, load(Source(path)), Limits(timeout=30, probe_timeout=5, unit_timeout=10))
    try:
        gen = torch.Generator().manual_seed(3)
        model = reference.ConvNet(3)
        weights = reference.weights_for(model, gen)
        x = reference.uniform_input((3, 3, 128, 128), gen)
        threads = torch.get_num_threads()
        torch.set_num_threads(1)  # as the worker computes: a reduction split over threads rounds differently
        try:
            with torch.no_grad():
                want = model.eval()(x.to_tensor())
        finally:
            torch.set_num_threads(threads)
        assert torch.equal(probe.forward("ConvNet", (3,), weights, x).to_tensor(), want)
        forged = {"op": "forward", "name": "ConvNet", "args": wire.encode([3]), "input": x.encode(),
                  "weights": [{"kind": "Conv2d", "tensors": {"weight": {"shape": [10**6, 10**6], "seed": 1,
                                                                        "bound": 1.0}}}]}
        assert {k: v for k, v in probe.send(forged).items() if k != "nonce"} == {
            "refused": "malformed forward request"}
        assert torch.equal(probe.forward("ConvNet", (3,), weights, x).to_tensor(), want)
        assert probe.log.restarts == 0
    finally:
        probe.close()


# -- notebooks run the way Jupyter runs them (issue 9) ---------------------------------------------

def test_ipython_last_output_underscore_and_cell_source_for_inspect_work_as_in_jupyter(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells[3] = "84"                                          # the cell's value: Jupyter's Out[n] and _
    cells.insert(4, "q4_conv_params = _\nq4_cnn_params = 1337\nq4_fcnn_params = 4238337\n"
                    "import inspect\nassert 'return' in inspect.getsource(conv_output_size)\n")
    cells.insert(5, "print(inspect.signature(conv_output_size));")  # a trailing ; gives no output
    cells.insert(6, "assert _ == 84")
    result = grade_text(notebook_text(*cells), "underscore.ipynb")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_writefile_writes_the_helper_module_a_later_cell_imports(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells[1] = "%%writefile size_helpers.py\n" + bank.question("q2").solution
    cells.insert(2, "from size_helpers import conv_output_size")
    result = grade_text(notebook_text(*cells), "writefile.ipynb")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_torchscript_compiles_a_function_from_the_submission_s_source(grade_text):
    result = grade_text(solution_script() + "\n\nimport torch\n@torch.jit.script\ndef scripted_size(n: int, k: int) -> int:\n"
                                 "    return n - k + 1\n\nassert scripted_size(5, 3) == 3\n", "jit.py")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


DATALOADER_CELL = """
import torch
from torch.utils.data import DataLoader, TensorDataset
loader = DataLoader(TensorDataset(torch.arange(8.0)), batch_size=4, shuffle=True, num_workers=2,
                    persistent_workers=True, prefetch_factor=2)
batches = [b[0].tolist() for b in loader]
assert sorted(x for b in batches for x in b) == list(range(8)), batches
"""


def test_a_dataloader_with_worker_processes_runs_instead_of_hanging(grade_text):
    from grader.judge.engine import Limits

    result = grade_text(notebook_text(DATALOADER_CELL, *(q.solution for q in bank.QUESTIONS)), "loader.ipynb",
                        limits=Limits(timeout=30, probe_timeout=2, unit_timeout=10, memory_mb=768))
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_slow_cells_cost_only_themselves_and_are_the_cells_named(grade_text):
    """Four cells that run past their limit used to spend the whole budget: every answer scored 0 and
    the first cell of the notebook was blamed.  The cells together now get 3/4 of the budget."""
    from grader.judge.engine import Limits

    slow = "import time\ntime.sleep(600)  # training"
    cells = [q.solution for q in bank.QUESTIONS]
    cells[6:6] = [slow] * 4
    result = grade_text(notebook_text(*cells), "slow.ipynb",
                        limits=Limits(timeout=24, probe_timeout=2, unit_timeout=6, memory_mb=768))
    assert result.total == bank.total_points(), [(c.id, c.feedback) for c in result.checks if c.points < c.max_points]
    assert result.status == "timeout"
    timed_out = [u for u in result.units if u["status"] == "timeout"]
    assert [u["index"] for u in timed_out] == [6, 7, 8, 9]
    assert all("import time" in u["label"] for u in timed_out)
    assert "import time" in result.error



def test_the_students_annotations_are_objects_not_the_workers_postponed_strings(grade_text):
    """The worker's modules use ``from __future__ import annotations``: the student's code must not inherit it
    (a dataclass's ClassVar would become a field, typing.get_type_hints would look in the wrong module)."""
    result = grade_text(solution_script() + "\n\nfrom dataclasses import dataclass, field\nfrom typing import ClassVar\n"
                        "@dataclass\nclass Config:\n    made: ClassVar[list] = []\n    sizes: list = field(default_factory=list)\n"
                        "def size(n: int) -> int:\n    return n\n"
                        "import inspect\nassert inspect.signature(size).parameters['n'].annotation is int\n"
                        "assert Config().sizes == [] and Config.made == []\n")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


_POSTPONED = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from collections.abc import Sequence\n"
              "def total(counts: Sequence[int]) -> int:\n    return sum(counts)\n"
              "assert total.__annotations__['counts'] == 'Sequence[int]'\n")


@pytest.mark.parametrize("kind", ["script", "notebook"])
def test_the_students_own_future_import_holds_in_every_later_statement_and_cell(grade_text, kind):
    """Fairness round 38: a script's ``from __future__ import annotations`` reached only its own statement (each is
    compiled apart), so an annotation naming a type imported under TYPE_CHECKING raised NameError.  Python holds it
    for the whole file, IPython for every later cell; an earlier cell or statement keeps evaluated annotations."""
    before = "def early(n: int) -> int:\n    return n\nassert early.__annotations__['n'] is int\n"
    if kind == "script":
        result = grade_text("from __future__ import annotations\n" + solution_script() + "\n" + _POSTPONED)
    else:
        cells = [before, "from __future__ import annotations", *(q.solution for q in bank.QUESTIONS), _POSTPONED]
        result = grade_text(notebook_text(*cells), "future.ipynb")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


#: Importing IPython (and matplotlib) takes seconds on a loaded machine: room for that cell.
IMPORTS_IPYTHON = Limits(timeout=60, probe_timeout=2, unit_timeout=30, memory_mb=768)


def test_get_ipython_imported_from_ipython_is_the_grading_shell(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells.insert(0, "from IPython import get_ipython\nfrom IPython.display import display\n"
                    "get_ipython().run_line_magic('time', 'timed = 41 + 1')\nassert timed == 42\n"
                    "import IPython\nassert IPython.get_ipython() is get_ipython()\n")
    result = grade_text(notebook_text(*cells), "get_ipython.ipynb", limits=IMPORTS_IPYTHON)
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_the_submission_runs_as_main_so_a_whole_model_pickles_and_capture_binds_its_name(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells.append("%%capture captured\nprint('training...')")
    cells.append("captured.show()\nassert captured.stdout == ''")
    # a whole model saved to a file and loaded back from it (the reader accepts weights_only=False for a file
    # the submission saved itself with torch.save)
    cells.append("import torch\ntorch.save(CNN(), 'cnn_full.pt')\n"
                 "assert type(torch.load('cnn_full.pt', weights_only=False)).__name__ == 'CNN'")
    cells.append("import __main__\nassert __main__.CNN is CNN\n"
                 "assert not [name for name in dir(__main__) if 'serve' in name or 'grader' in name or 'Channel' in name]")
    result = grade_text(notebook_text(*cells), "as_main.ipynb")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_a_model_built_in_double_precision_gets_the_judges_inputs_in_double_precision(grade_text):
    result = grade_text("import torch\ntorch.set_default_dtype(torch.float64)\n" + solution_script())
    assert result.status == "ok", result.error
    assert result.total == bank.total_points(), [(c.id, c.feedback) for c in result.checks if c.points < c.max_points]


def test_matplotlib_finds_a_shell_it_can_register_with_once_ipython_is_imported(grade_text):
    cells = [q.solution for q in bank.QUESTIONS]
    cells.insert(0, "from IPython.display import display\nimport IPython\nimport matplotlib\n"
                    "matplotlib.interactive(True)\nimport matplotlib.pyplot as plt\n"
                    "IPython.get_ipython().events.register('post_execute', print)\n"
                    "plt.plot([1, 2])\nplt.show()\n")
    result = grade_text(notebook_text(*cells), "plots.ipynb", limits=IMPORTS_IPYTHON)
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_the_shell_and_otter_stand_ins_refuse_the_names_the_real_ones_lack(grade_text):
    """``get_ipython()`` and ``otter`` in the worker answer what Jupyter's shell and Otter offer (a function that
    does nothing) and refuse, as they do, a name they lack: a stand-in answering every name told the worker from a
    student's kernel, and a model behaved as asked only while graded (attack round 165)."""
    cells = [q.solution for q in bank.QUESTIONS]
    cells.insert(0, "import otter\nimport IPython\n"
                    "shell, grader = get_ipython(), otter.Notebook('lecture06.ipynb')\n"
                    "assert IPython.get_ipython() is shell\n"
                    "for told in (lambda: shell.qz_mark, lambda: grader.qz_mark, lambda: otter.qz_mark):\n"
                    "    try:\n        told()\n    except AttributeError:\n        pass\n"
                    "    else:\n        raise SystemExit('a stand-in answered a name the real one lacks')\n"
                    "shell.run_line_magic('matplotlib', 'inline')\nshell.enable_gui(None)\nshell.magic('pwd')\n"
                    "shell.set_next_input('x')\nshell.kernel\ngrader.check_all()\ngrader.export()\n"
                    "assert otter.Notebook is type(grader)\n")
    result = grade_text(notebook_text(*cells), "stand_ins.ipynb", limits=IMPORTS_IPYTHON)
    assert result.status == "ok", result.error
    assert result.total == bank.total_points(), [(c.id, c.feedback) for c in result.checks if c.points < c.max_points]


def test_a_script_s_classes_have_their_source_as_under_python(grade_text):
    """doctest (and inspect) find a class's source through ``__main__.__file__``, as ``python script.py`` sets it;
    before, running a class's docstring examples raised "source code not available"."""
    result = grade_text(solution_script() + "\nimport doctest\n\nclass Shapes:\n    '''\n    >>> 1 + 1\n    2\n"
                        "    '''\n\ndoctest.run_docstring_examples(Shapes, {})\n")
    assert result.status == "ok", result.error
    assert result.total == bank.total_points()


def test_a_script_has_its_own_file_and_command_line_as_under_python(grade_text):
    """``python script.py`` sets ``__file__`` to the script's file and ``sys.argv`` to ``[that file]``: argparse's
    ``parse_args()`` sees no arguments (the fork server's own were there), the script can read itself, and a
    spawn-context multiprocessing child, which runs ``__main__`` again from ``__file__`` to find the function it is
    given, answers (fairness round 43: every child died on ``<submission>`` and a spawn pool hung until the unit's
    time limit).  A Process and a Pipe need no named semaphore, which /dev/shm without namespaces would refuse.

    Without a mount namespace the worker's uid may not run Python at all where the runtime lies in a folder only
    root reads (pyenv under /root, as on this project's machines): the child is then asked for nothing."""
    text = solution_script() + (
        "\nimport argparse, multiprocessing, os, sys\n"
        "assert vars(argparse.ArgumentParser().parse_args()) == {} and sys.argv == [__file__]\n"
        "assert 'def answer_in_a_child' in open(__file__).read()\n"
        "q1_answer = None\n\n"
        "def answer_in_a_child(connection):\n"
        "    connection.send('C')\n\n"
        "if __name__ == '__main__' and os.access(sys.executable, os.X_OK):\n"
        "    context = multiprocessing.get_context('spawn')\n"
        "    receiving, sending = context.Pipe(duplex=False)\n"
        "    child = context.Process(target=answer_in_a_child, args=(sending,))\n"
        "    child.start()\n"
        "    q1_answer = receiving.recv() if receiving.poll(50) else 'no answer'\n"
        "    child.join()\n")
    # the child imports torch and runs the script again: seconds on a loaded machine
    result = grade_text(text, "as_a_script.py", limits=dataclasses.replace(FAST, timeout=90, unit_timeout=60))
    assert result.status == "ok", result.error
    if result.isolation.get("filesystem"):
        assert result.scores["q1"] == bank.QUESTIONS[0].points, [c.feedback for c in failing(result, "q1")]


def test_threads_cost_the_by_hand_and_model_points_only_while_one_runs_as_the_fork_server_counts_them(grade_text):
    # Fairness round 7: a thread pool in a demo or an unused import cost q6's by-hand part, q7 and q8 (-10).
    # The judge asks the fork server, outside the sandbox, how many threads the worker runs when a check starts.
    ended = solution_script() + ("\nfrom concurrent.futures import ThreadPoolExecutor\n"
                                 "with ThreadPoolExecutor(2) as pool:\n"
                                 "    print(list(pool.map(lambda n: conv_output_size(n, 3), [5, 7])))\n")
    result = grade_text(ended, "pool_ended.py")
    assert result.total == bank.total_points(), [c.feedback for c in result.checks if not c.passed]
    running = "import threading, time\n" + solution_script() + (
        "\ndef idle():\n    while True:\n        time.sleep(0.05)\n\n"
        "threading.Thread(target=idle, daemon=True).start()\n")
    result = grade_text(running, "thread_running.py")
    assert result.scores["q7"] == result.scores["q8"] == 0
    assert all("threading" in c.feedback for c in failing(result, "q7"))
    by_hand = [c for c in result.checks if c.id in ("q6.conv", "q6.conv_strided", "q6.pool")]
    assert by_hand and all(c.points == 0 and "threading" in c.feedback for c in by_hand)


def test_torch_asked_for_more_threads_keeps_one_and_full_marks(grade_text):
    # Attack round 8: torch.set_num_threads(4) left torch's own threads running beside the submission's, which
    # the judge counts when a check starts (-10 for an honest file with a joined thread pool).
    text = "import torch\ntorch.set_num_threads(4)\ntorch.set_num_interop_threads(4)\n" + solution_script() + (
        "\nfrom concurrent.futures import ThreadPoolExecutor\nwith ThreadPoolExecutor(2) as pool:\n"
        "    list(pool.map(lambda n: torch.ones(64, 64) @ torch.ones(64, 64), range(4)))\n"
        "q9_threads = torch.get_num_threads()\n")
    result = grade_text(text, "more_threads.py")
    assert result.total == bank.total_points(), [c.feedback for c in result.checks if not c.passed]


BY_HAND_CONV = """
import torch
import torch.nn.functional as F

@torch.jit.script
def scripted_conv(x, w, stride: int):
    return torch.conv2d(x, w, stride=stride)

@torch.jit.script
def scripted_pool(x, kernel_size: int):
    return torch.max_pool2d(x, kernel_size)

def window_sums(t, k):
    # the gradient of nearest upsampling sums each k x k window (sum pooling): attack round 29b
    u = torch.zeros(t.shape[0] // k, t.shape[1] // k, requires_grad=True)
    with torch.enable_grad():
        grown = F.interpolate(u[None, None], scale_factor=k, mode="nearest")[0, 0]
        (grown * t[:grown.shape[0], :grown.shape[1]]).sum().backward()
    return u.grad

calls = []

def conv2d(image, kernel, stride=1, padding=0):
    return {conv}

def max_pool2d(image, kernel_size=2):
    return {pool}
"""
# q6 written by hand: im2col with F.pad, unfold and a matrix product; pooling by unfold and amax
HAND_CONV = ("(F.unfold(F.pad(image[None, None], (padding,) * 4), kernel.shape, stride=stride)[0].T @ "
             "kernel.flatten()).reshape((image.shape[0] + 2 * padding - kernel.shape[0]) // stride + 1, -1)")
HAND_POOL = "image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size).amax((-1, -2))"


SCRIPTED_CONV = "scripted_conv(F.pad(image[None, None], (padding,) * 4), kernel[None, None], stride)[0, 0]"
SCRIPTED_POOL = "scripted_pool(image[None], kernel_size)[0]"
BY_HAND_CHECKS = {"q6.conv", "q6.conv_strided", "q6.pool"}


@pytest.mark.parametrize("conv, pool, ops, lost_checks", [
    # TorchScript runs torch's convolution below every torch function (attack round 27)
    (SCRIPTED_CONV, SCRIPTED_POOL, ("aten.convolution", "aten.max_pool2d_with_indices"), BY_HAND_CHECKS),
    # torch's pooling inside another torch function: F.interpolate in area mode averages windows (attack round 27)
    (HAND_CONV, "F.interpolate(image[None, None], scale_factor=1 / kernel_size, mode='area')[0, 0] * 0 + "
     + HAND_POOL, ("aten._adaptive_avg_pool2d",), {"q6.pool"}),
    # by hand on the first call only, TorchScript on every other (as code that times itself tells apart the
    # traced call: attack round 29b)
    (f"({HAND_CONV} if not calls.append(0) and len(calls) == 1 else {SCRIPTED_CONV})",
     f"({HAND_POOL} if not calls.append(1) and calls.count(1) == 1 else {SCRIPTED_POOL})",
     ("aten.convolution", "aten.max_pool2d_with_indices"), BY_HAND_CHECKS),
    # sums of windows as the gradient of nearest upsampling, on every call (attack round 29b)
    (HAND_CONV, f"window_sums(image, kernel_size) * 0 + {HAND_POOL}", ("upsample_nearest2d_backward",), {"q6.pool"}),
], ids=["scripted", "inside interpolate", "after the first call", "upsampling's gradient"])
def test_torchs_convolution_and_pooling_below_the_torch_functions_cost_the_by_hand_points(conv, pool, ops,
                                                                                         lost_checks):
    """The worker's trace names the ATen operators every call runs, not only the torch functions it calls: what a
    TorchScript function or a torch function built on another computes is seen (the static reading, the judge's own,
    is not asked here: a LocalProbe has no source)."""
    from grader.checkapi.probe import LocalProbe
    from grader.judge.grading import run_checks
    from grader.worker.cells import run_units
    q6 = [c for c in bank.CHECKS.values() if c.question == "q6" and c.id in ("q6.conv", "q6.conv_strided", "q6.pool")]
    namespace = {"__name__": "__main__"}
    run_units([BY_HAND_CONV.format(conv=conv, pool=pool)], namespace, timeout=None)
    results = run_checks(LocalProbe(namespace), q6, 3)
    lost = [r for r in results if r.points < r.max_points]
    assert {r.id for r in lost} == lost_checks, [(r.id, r.feedback) for r in results]
    assert all(any(op in r.feedback for op in ops) for r in lost), [r.feedback for r in lost]
    namespace = {"__name__": "__main__"}
    run_units([BY_HAND_CONV.format(conv=HAND_CONV, pool=HAND_POOL)], namespace, timeout=None)
    assert all(r.points == r.max_points for r in run_checks(LocalProbe(namespace), q6, 3))


#: q10's answers, each flipped when a draw from one of the worker's default generators falls under a half: which of
#: its eight checks pass is a fingerprint of what those generators held when the submission's code ran.
DRAWN_ANSWERS = "\n".join([bank.QUESTIONS[-1].solution, """
import random
import numpy
import torch

draws = ([torch.rand(()).item() < 0.5 for _ in range(3)] + [numpy.random.rand() < 0.5 for _ in range(3)]
         + [random.random() < 0.5 for _ in range(2)])
q10_answers = {n: truth != flip for (n, truth), flip in zip(q10_answers.items(), draws)}
"""])


def test_the_same_file_graded_again_with_the_same_seed_draws_the_same_numbers_in_any_fork_server(grade_text, tmp_path):
    """Grading is a function of the file, the seed and the limits: what a submission draws without seeding (its
    models' initial weights) comes from the run's seed, not from the fork server's own random start, which every
    worker it forks inherits (a model whose description depends on its initial weights lost points on some runs
    and kept them on others at the same seed: fairness rounds 18, 19, 21)."""
    q10 = [c for c in bank.CHECKS.values() if c.question == "q10"]
    assert len(q10) >= 8

    def fingerprint(result) -> tuple:
        return tuple(c.points for c in result.checks)

    here = {seed: fingerprint(grade_text(DRAWN_ANSWERS, seed=seed, checks=q10)) for seed in (1, 2, 3, 4)}
    path = tmp_path / "again.py"
    path.write_text(DRAWN_ANSWERS)
    with ForkServerClient() as another:  # a fork server of its own: its generators started elsewhere
        there = {seed: fingerprint(grade(load(Source(path)), another, seed=seed, limits=FAST, checks=q10))
                 for seed in (1, 2)}
    assert there == {seed: here[seed] for seed in there}
    assert len(set(here.values())) > 1, "the draws do not follow the seed"


CRASHES_AFTER_TRAINING = """
import os
_passes = [0]

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            torch.nn.Flatten(), torch.nn.Linear(49152, 1))

    def forward(self, x):
        if tuple(x.shape) == (4, 1, 128, 128):
            _passes[0] += 1
            if _passes[0] == 1:
                os._exit(1)  # the worker dies in a judged pass after the judge's trainings of ConvNet
        return self.main(x)
"""


def test_a_worker_that_replaces_a_dead_one_trains_every_model_again_from_the_same_values(grade_text):
    """The judge trains every model first, and the worker keeps each; one that dies after them loses the models, and
    the judge's later looks at the trained models train them again.  The worker that replaces it trains them again
    first, in their order (SandboxProbe._retrain), from the same generator states: a correct ConvNet whose worker
    died in a judged pass after its trainings (every time a pass on four grayscale images came) loses the checks those
    passes were for, never the comparisons of its trainings (trained again from other values, they were not the
    trainings the judge had seen)."""
    result = grade_text(solution_script() + CRASHES_AFTER_TRAINING, "crash_once.py")
    crashes = [e for e in result.events if e["kind"] in ("crashed", "killed")]
    lost = [c.id for c in result.checks if c.points < c.max_points]
    assert len(lost) <= len(crashes) and all(c.startswith("q8.") for c in lost), [
        (c.id, c.feedback) for c in result.checks if c.points < c.max_points]


#: A seed at which a ConvNet(3)'s output after one training step cancels to 1.6e-4 of terms that add up to 0.085.
CANCELLING_SEED = 8024700537681306867


@pytest.mark.parametrize("name", ["r19_nb_weight_to_float64.ipynb", "r18_nb_nine_shifted_slices_einsum.ipynb",
                                  "r21_py_tensordot_windows_where_relu_multiply_sum_head.py"])
def test_correct_convnets_that_round_otherwise_keep_the_training_check_where_an_output_cancels(grade_text, name):
    """The judge trains a ConvNet from its own initial weights and compares its outputs with the reference's, trained
    the same way, within a part of the size of the terms the outputs add up: a correct ConvNet computed in float64,
    by shifted slices and einsum, or by tensordot rounds differently from torch's convolution, 1.6e-4 off an output
    of 1.6e-4 at CANCELLING_SEED (the output's own size as the scale cost these and four more fairness files half
    a point in a CI rehearsal's batch)."""
    result = grade_text((CORPUS / "fair" / name).read_bytes(), name,
                        limits=dataclasses.replace(FAST, probe_timeout=10, unit_timeout=20), seed=CANCELLING_SEED,
                        checks=[c for c in bank.CHECKS.values() if c.question == "q8"])
    assert not failing(result, "q8"), [(c.id, c.feedback) for c in failing(result, "q8")]
