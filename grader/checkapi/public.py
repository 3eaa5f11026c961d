"""Public checks: what students run with ``grader.check("qN")``.

They test names, types and one easy case that the notebook itself states, so
they give nothing away.  They are worth no points: the hidden checks decide
the grade.  The validators here (``letter``, ``shape_list``, ...) are shared
with the hidden checks, so both read an answer the same way.
"""

from __future__ import annotations

import math

from .verdict import Wrong, as_sequence, code, describe, plain_int, quoted, whole_number
from .wire import Array

LETTERS_61 = ("A", "B", "C")
LETTERS_62 = ("A", "B", "C", "D", "E")


# -- validators --------------------------------------------------------------

def letter(value, allowed: tuple[str, ...], what: str) -> str:
    """A multiple-choice answer: ``"C"``, ``"c"``, ``"(C)"`` and ``" C "`` all read as ``C``."""
    if type(value) is not str:
        raise Wrong(f"{what} should be a string, one of {', '.join(allowed)}; it is {describe(value)}.")
    cleaned = value.strip().strip("()").strip().upper()
    if cleaned not in allowed:
        raise Wrong(f"{what} is {quoted(value)}; it should be one of {', '.join(repr(a) for a in allowed)}.")
    return cleaned


def letter_set(value, allowed: tuple[str, ...], what: str) -> frozenset[str]:
    """A select-all answer: a set/list/tuple of letters, or a string such as ``"AC"``."""
    if type(value) is str:
        items = [c for c in value.upper() if c.isalpha()]
    elif isinstance(value, (list, tuple, frozenset)):
        items = value
    else:
        raise Wrong(f"{what} should be a set of letters such as {{'A', 'D'}}; it is {describe(value)}.")
    out = set()
    for item in items:
        if type(item) is not str or item.strip().upper() not in allowed:
            raise Wrong(f"{what} holds {quoted(item)}; use only the letters {', '.join(allowed)}.")
        out.add(item.strip().upper())
    return frozenset(out)


def shape_triple(value, what: str) -> tuple[int, int, int]:
    """A (channels, height, width) shape: three whole numbers, in a tuple, a list, an array or a tensor."""
    value = as_sequence(value)
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        size = f" with {len(value)} entries" if isinstance(value, (tuple, list)) else ""
        hint = " Leave out the batch dimension." if isinstance(value, (tuple, list)) and len(value) == 4 else ""
        raise Wrong(f"{what} should be a (channels, height, width) tuple; it is {describe(value)}{size}.{hint}")
    return tuple(whole_number(v, f"each entry of {what}") for v in value)


def shape_list(value, count: int, what: str) -> list[tuple[int, int, int]]:
    value = as_sequence(value)
    if not isinstance(value, (list, tuple)):
        raise Wrong(f"{what} should be a list of {count} (C, H, W) tuples; it is {describe(value)}.")
    if len(value) != count:
        raise Wrong(f"{what} should hold {count} shapes (one after each layer asked for); it holds {len(value)}.")
    return [shape_triple(v, f"{what}[{i}]") for i, v in enumerate(value)]


def statement_answers(value, count: int, what: str) -> dict[int, bool | str]:
    """True/false answers keyed 1..count.

    Keys are the statement numbers as ints (a NumPy integer is one) or as strings
    (``"3"``).  An answer is ``True`` or ``False`` (a NumPy bool is one), a one-element
    boolean tensor or array, or the string ``"True"`` / ``"False"``.  A statement
    without such an answer maps to what it holds instead, in words, for feedback.
    """
    if type(value) is not dict:
        raise Wrong(f"{what} should be a dict such as {{1: True, 2: False, ...}}; it is {describe(value)}.")
    out: dict[int, bool | str] = {i: "no answer" for i in range(1, count + 1)}
    given: dict[int, object] = {}
    for key, answer in value.items():
        number = key
        if type(key) is str and key.strip().isdigit():
            number = int(key.strip())
        if type(number) is not int or number not in out:
            raise Wrong(f"{what} has the key {quoted(key)}; use the statement numbers 1 to {count}.")
        if number in given:
            raise Wrong(f"{what} answers statement {number} twice (as {quoted(given[number])} and {quoted(key)}).")
        given[number] = key
        out[number] = truth_value(answer)
    return out


def truth_value(answer) -> bool | str:
    """``answer`` as True/False, or what it is instead, in words (``"1 (an int)"``)."""
    if type(answer) is bool:
        return answer
    if type(answer) is str and answer.strip().lower() in ("true", "false"):
        return answer.strip().lower() == "true"
    if isinstance(answer, Array) and answer.dtype == "bool" and answer.numel == 1:
        return answer.data != b"\x00"
    if type(answer) in (int, float, str):
        article = "an" if type(answer) is int else "a"
        return f"{answer!r} ({article} {type(answer).__name__})"[:80]
    return describe(answer)


def statement_problems(answers: dict[int, bool | str]) -> list[str]:
    """One phrase per statement that has no True/False answer, saying what it has instead."""
    return [f"statement {n} has no answer" if a == "no answer" else f"statement {n}'s answer is {a}"
            for n, a in answers.items() if type(a) is not bool]


def matrix(value, what: str) -> list[list[float]]:
    """A 2-D grid of numbers from a tensor, an array or nested lists."""
    if isinstance(value, Array):
        if len(value.shape) != 2:
            raise Wrong(f"{what} should be 2-D; it has shape {list(value.shape)}.")
        rows = value.tolist()
    elif isinstance(value, (list, tuple)) and all(isinstance(r, (list, tuple)) for r in value):
        rows = [list(r) for r in value]
    else:
        raise Wrong(f"{what} should be a 2-D tensor (or a list of rows); it is {describe(value)}.")
    if len({len(r) for r in rows}) > 1:
        raise Wrong(f"the rows of {what} have different lengths.")
    for row in rows:
        for v in row:
            if type(v) not in (int, float, bool) or not math.isfinite(v):
                raise Wrong(f"{what} holds {describe(v)}; it should hold only finite numbers.")
    return [[float(v) for v in r] for r in rows]


# -- the public checks ---------------------------------------------------------

def q1_format(probe, context=None):
    letter(probe.value("q1_answer"), LETTERS_61, "`q1_answer`")


def q2_easy_case(probe, context=None):
    result = plain_int(probe.call("conv_output_size", 100, 5).value, "conv_output_size(100, 5)")
    if result != 96:
        raise Wrong(f"conv_output_size(100, 5) returned {result}, not the size the lecture's example gives.",
                    reveal="A 5x5 kernel on a 100x100 image with no padding and stride 1 gives 96x96.")


def q3_format(probe, context=None):
    shape_list(probe.value("q3_shapes"), 4, "`q3_shapes`")
    whole_number(probe.value("q3_flatten_features"), "`q3_flatten_features`")


def q4_format(probe, context=None):
    for name in ("q4_conv_params", "q4_cnn_params", "q4_fcnn_params"):
        value = whole_number(probe.value(name), f"`{name}`")
        if value <= 0:
            raise Wrong(f"`{name}` is {value}; a parameter count is a positive number.")


def q5_easy_case(probe, context=None):
    got = plain_int(probe.call("conv2d_params", 1, 3, 3).value, "conv2d_params(1, 3, 3)")
    if got != 30:
        raise Wrong(f"conv2d_params(1, 3, 3) returned {got}, not the lecture's count.",
                    reveal="The lecture counts `1*3*(3*3) = 27` weights + 3 biases = 30.")
    got = plain_int(probe.call("linear_params", 16, 4).value, "linear_params(16, 4)")
    if got != 68:
        raise Wrong(f"linear_params(16, 4) returned {got}, not the lecture's count.",
                    reveal="The lecture counts `16*4` weights + 4 biases = 68.")


def q6_easy_case(probe, context=None):
    grid = matrix(probe.value("q6_output"), "`q6_output`")
    if (len(grid), len(grid[0]) if grid else 0) != (3, 3):
        raise Wrong(f"`q6_output` is {len(grid)}x{len(grid[0]) if grid else 0}, not the shape of the output.",
                    reveal="It should be 3x3: a 3x3 kernel fits 3x3 times in a 5x5 input.")
    import torch

    ones = torch.ones(3, 3)
    got = matrix(probe.call("conv2d", ones, torch.ones(2, 2)).value, "conv2d(torch.ones(3, 3), torch.ones(2, 2))")
    if got != [[4.0, 4.0], [4.0, 4.0]]:
        raise Wrong(f"conv2d(torch.ones(3, 3), torch.ones(2, 2)) returned {quoted(got)}.",
                    reveal="Each 2x2 window of ones sums to 4, so the answer is `[[4, 4], [4, 4]]`.")
    image = torch.tensor([[1.0, 3, 2, 9], [7, 4, 1, 5], [8, 5, 2, 3], [4, 2, 1, 4]])
    got = matrix(probe.call("max_pool2d", image).value, "max_pool2d(lecture example)")
    if got != [[7.0, 9.0], [8.0, 4.0]]:
        raise Wrong(f"max_pool2d on the lecture's 4x4 example returned {quoted(got)}.",
                    reveal="The maximum of each 2x2 block gives `[[7, 9], [8, 4]]`.")


def _output_shape(probe, name, args, shape, expected):
    info = probe.model(name, args, shape)
    if info.forward_error:
        err = info.forward_error
        raise Wrong(f"{name}{args if args else '()'} failed on an input of shape {list(shape)}: "
                    f"{code(str(err.get('type')) + ': ' + str(err.get('message')))}")
    if info.output_shape is None:
        raise Wrong(f"{name}'s forward() returned no tensor on an input of shape {list(shape)}: "
                    "does it `return` its result?")
    if info.output_shape != expected:
        raise Wrong(f"{name} maps an input of shape {list(shape)} to shape "
                    f"{list(info.output_shape) if info.output_shape else None}, not the shape asked for.",
                    reveal=f"Expected {list(expected)}.")


def q7_runs(probe, context=None):
    _output_shape(probe, "CNN", (), (1, 1, 100, 100), (1, 1))


def q8_runs(probe, context=None):
    info = probe.model("conv_block", (1, 3), (1, 1, 8, 8))
    if info.forward_error:
        raise Wrong(f"conv_block(1, 3) failed on a 1x1x8x8 input: {code(str(info.forward_error.get('message')))}")
    if info.output_shape != (1, 3, 8, 8):
        raise Wrong(f"conv_block(1, 3) maps 1x1x8x8 to {list(info.output_shape or [])}, not the shape asked for.",
                    reveal="With padding=1 a 3x3 convolution keeps height and width, so expect [1, 3, 8, 8].")
    _output_shape(probe, "ConvNet", (1,), (1, 1, 128, 128), (1, 1))


def q9_format(probe, context=None):
    letter_set(probe.value("q9_true"), LETTERS_62, "`q9_true`")


def q10_format(probe, context=None):
    problems = statement_problems(statement_answers(probe.value("q10_answers"), 8, "`q10_answers`"))
    if problems:
        raise Wrong(f"In `q10_answers`, {'; '.join(problems)}: each statement needs True or False.")


# -- inside a student's notebook ---------------------------------------------

PUBLIC_CHECKS = (q1_format, q2_easy_case, q3_format, q4_format, q5_easy_case, q6_easy_case, q7_runs, q8_runs,
                 q9_format, q10_format)


def run_in_notebook(function_name: str, env: dict) -> None:
    """Run one public check on a student's own namespace (Otter's ``grader.check`` calls this).

    Raises AssertionError with the check's feedback when it fails.
    """
    from .probe import LocalProbe
    from .verdict import evaluate

    check = next(c for c in PUBLIC_CHECKS if c.__name__ == function_name)
    verdict = evaluate(check, LocalProbe(env), None)
    if not verdict.passed:
        raise AssertionError(verdict.full_feedback)  # a student's own public test: nothing to hold back
