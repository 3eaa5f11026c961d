"""Red-team of brief feedback: wrong answers made on purpose to read an answer out of it.

Brief feedback says what is wrong, never what the answer is (see :mod:`grader.feedback`).  Each test
here is an attack that worked: a submission, wrong on purpose, whose brief feedback (what every
student sees at once: ``CheckResult.feedback``, the HTML page, results.json's visible tests) held
something only the grader knows.  Answers are derived from the solutions and the reference models,
never written out here.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from grader.feedback import BRIEF
from grader.outputs.gradescope_json import gradescope_results
from grader.outputs.report import page_names, render_feedback
from grader.questions import bank, reference
from tests.test_feedback import plain, released, text_of  # noqa: F401 (released: the class graded in brief)


def script(**answers: str) -> str:
    """The solutions, with the cells of the questions given replaced."""
    return "\n\n".join(answers.get(q.id, q.solution) for q in bank.QUESTIONS)


def checks_of(*questions: str) -> list:
    return [c for c in bank.CHECKS.values() if c.question in questions]


def shown_brief(result) -> str:
    """What a student is told at once under brief feedback, as text: the page and the visible tests.

    The page's layer tables are left out: they are the student's own model's layers and output shapes
    (its Flatten's output is its own, whatever the network asked for has)."""
    doc = gradescope_results(result, BRIEF)
    visible = " ".join(t["output"] for t in doc["tests"] if t["visibility"] == "visible")
    page = re.sub(r'<table class="layers">.*?</table>', " ", render_feedback(result, {}, BRIEF), flags=re.S)
    return " ".join([text_of(page), plain(visible), plain(doc["output"])])


def check(result, check_id: str):
    return next(c for c in result.checks if c.id == check_id)


# -- the reference network's layers, through the forward pass that carries its weights --------------

def reference_weight_shapes(model) -> list[list[int]]:
    """The weight shapes of a reference network, in order: what its layer table says of its layers."""
    return [list(m.weight.shape) for m in reference.parametrised_leaves(model)]


#: A CNN that asks for the reference's weights layer by layer with a 1x1 kernel it knows is wrong,
#: catches the refusal (a BaseException raised into its own forward pass) and raises its text again as
#: its own error: the message quoted in every mode names the reference's layer there.
PROBING_CNN = '''\
import torch
import torch.nn.functional as F


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.kernel = torch.nn.Parameter(torch.zeros(1, 1, 1, 1))
        self.row = torch.nn.Parameter(torch.zeros(1, 1))
        self.bias = torch.nn.Parameter(torch.zeros(1))

    def forward(self, x):
        told = []
        for attempt in ("conv", "conv", "linear", "conv"):
            try:
                if attempt == "conv":
                    F.conv2d(x[:, :1], self.kernel, self.bias)
                else:
                    F.linear(x.flatten(1)[:, :1], self.row, self.bias)
            except BaseException as refusal:
                told.append(str(refusal))
        raise RuntimeError(" | ".join(told))
'''

#: The lecture's CNN with a wrong in_features, whose forward pass raises whatever stops it as its own
#: error: an ordinary try/except around the network.
RERAISING_CNN = '''\
import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.main = torch.nn.Sequential(
            torch.nn.Conv2d(1, 3, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
            torch.nn.Conv2d(3, 2, (3, 3), padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d((2, 2)),
            torch.nn.Flatten(), torch.nn.Linear(7, 1))

    def forward(self, x):
        try:
            return self.main(x)
        except BaseException as stopped:
            raise RuntimeError(f"stopped: {stopped}")
'''


@pytest.mark.parametrize("cnn", [PROBING_CNN, RERAISING_CNN], ids=["probing", "reraising"])
def test_a_forward_pass_cannot_read_the_reference_layers_out_of_the_weights_refusal(grade_text, cnn):
    """The judge's weights are loaded into the submission's layers by order; when one does not fit,
    the refusal named the reference's layer there ("the reference's has shape [1, ...]"), text the
    outputs check keeps for full feedback only (it is the layer table of the network asked for).  But
    the refusal is raised inside the submission's own forward pass, which can catch it and raise its
    text as its own error, and a submission's exception is quoted in every mode."""
    result = grade_text(script(q7=cnn), checks=checks_of("q7"))
    outputs = check(result, "q7.outputs")
    assert outputs.outcome != "passed"
    seen = shown_brief(result) + " " + plain(outputs.feedback)
    for shape in reference_weight_shapes(reference.PooledCNN()):
        assert not re.search(r"\[\s*" + r"\s*,\s*".join(map(str, shape)) + r"\s*\]", seen), (shape, outputs.feedback)
    assert not re.search(r"the reference('s)? has", seen), outputs.feedback
    # Held back, not lost: the full explanation still says where the layers part.
    assert "reference" in outputs.full_feedback.lower()


# -- the lecture's convolution by elimination ---------------------------------------------------------

def test_how_many_values_of_the_lecture_convolution_are_off_is_not_told(grade_text):
    """q6_output is one answer worth one point: brief feedback says it is wrong, not how close it is.

    Telling how many of its 9 values are off turns a 9-value answer into 9 answers checked one by one:
    a matrix of one value v everywhere is told how many of the answer's values are v, and a few more
    submissions place them, all without computing a convolution."""
    told = {}
    for name, change in {"one value off": "q6_output = q6_output.clone()\nq6_output[0, 0] += 100\n",
                         "every value off": "q6_output = q6_output + 100\n",
                         "a constant": "q6_output = torch.full((3, 3), float(q6_output[0, 0]))\n"}.items():
        q6 = bank.question("q6").solution + "\n" + change
        result = grade_text(script(q6=q6), checks=[bank.CHECKS["q6.lecture"]])
        lecture = check(result, "q6.lecture")
        assert lecture.outcome == "failed", name
        told[name] = lecture.feedback
    assert len(set(told.values())) == 1, told


# -- the page's source and results.json, not only what a browser shows -------------------------------

def test_no_explanation_is_in_the_brief_page_source_or_anywhere_in_results_json_before_the_due_date(released):
    """test_feedback scans the page as a reader sees it (tags stripped); a student can also read the
    source (attributes, comments, hidden elements) and the whole results.json document.  No part of a
    failed check's explanation may be in either, bar the tests Gradescope shows after the due date."""
    names = page_names(released["results"])
    found = []
    for r in released["results"]:
        folder = released["brief"] / "feedback"
        source = html.unescape((folder / f"{names[r.key]}.html").read_text())
        doc = json.loads((folder / f"{names[r.key]}.json").read_text())
        doc["tests"] = [t for t in doc["tests"] if t["visibility"] != "after_due_date"]
        document = json.dumps(doc, ensure_ascii=False)
        for c in r.checks:
            if c.outcome == "passed" or not c.reveal:
                continue
            for sentence in filter(None, (s.strip() for s in re.split(r"(?<=[.:;])\s", c.reveal))):
                if len(sentence) >= 12 and (sentence in source or json.dumps(sentence)[1:-1] in document):
                    found.append((r.student, c.id, sentence))
    assert found == []
