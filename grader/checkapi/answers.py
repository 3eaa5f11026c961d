"""How checks read answers: the validators public and hidden checks share.

A question's public checks (its folder's ``public.py``) and its hidden checks read
an answer with the same validator (``letter``, ``shape_list``, ...), so both
accept the same forms and word the same problems the same way.
"""

from __future__ import annotations

import math

from .verdict import Wrong, as_sequence, code, describe, quoted, whole_number
from .wire import Array

# -- validators --------------------------------------------------------------

def letter(value, allowed: tuple[str, ...], what: str) -> str:
    """A multiple-choice answer: ``"C"``, ``"c"``, ``"(C)"`` and ``" C "`` all read as ``C``.

    Args:
        value: the decoded answer.
        allowed: the letters the prompt offers, upper case (a question's ``LETTERS``).
        what: how feedback names the answer (a code span: ``"`choice`"``).

    Returns:
        The letter, upper case.

    Raises:
        Wrong: not a string, or not one of ``allowed``.

    Example:
        >>> letter(" (b) ", ("A", "B", "C", "D"), "`choice`")
        'B'
    """
    if type(value) is not str:
        raise Wrong(f"{what} should be a string, one of {', '.join(allowed)}; it is {describe(value)}.")
    cleaned = value.strip().strip("()").strip().upper()
    if cleaned not in allowed:
        raise Wrong(f"{what} is {quoted(value)}; it should be one of {', '.join(repr(a) for a in allowed)}.")
    return cleaned


def letter_set(value, allowed: tuple[str, ...], what: str) -> frozenset[str]:
    """A select-all answer: a set/list/tuple of letters, or a string such as ``"AC"``.

    Args:
        value: the decoded answer.
        allowed: the letters the prompt offers, upper case.
        what: how feedback names the answer.

    Returns:
        The letters chosen, upper case.

    Raises:
        Wrong: not such a collection, or it holds something that is not an allowed letter.

    Example:
        >>> sorted(letter_set("b, d", ("A", "B", "C", "D"), "`choices`"))
        ['B', 'D']
    """
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
    """A (channels, height, width) shape: three whole numbers, in a tuple, a list, an array or a tensor.

    Args:
        value: the decoded answer.
        what: how feedback names it.

    Returns:
        The shape as a tuple of three ints.

    Raises:
        Wrong: not three whole numbers (four get a hint to leave out the batch dimension).

    Example:
        >>> shape_triple([16, 12.0, 12], "`shape`")
        (16, 12, 12)
    """
    value = as_sequence(value)
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        size = f" with {len(value)} entries" if isinstance(value, (tuple, list)) else ""
        hint = " Leave out the batch dimension." if isinstance(value, (tuple, list)) and len(value) == 4 else ""
        raise Wrong(f"{what} should be a (channels, height, width) tuple; it is {describe(value)}{size}.{hint}")
    return tuple(whole_number(v, f"each entry of {what}") for v in value)


def shape_list(value, count: int, what: str) -> list[tuple[int, int, int]]:
    """A list of ``count`` (channels, height, width) shapes, each read by :func:`shape_triple`.

    Args:
        value: the decoded answer.
        count: how many shapes the prompt asks for.
        what: how feedback names it.

    Returns:
        The shapes, each a tuple of three ints.

    Raises:
        Wrong: not a list or tuple, not ``count`` long, or a shape that is not one.

    Example:
        >>> shape_list([(1, 28, 28), [8, 26, 26]], 2, "`shapes`")
        [(1, 28, 28), (8, 26, 26)]
    """
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

    Args:
        value: the decoded answer.
        count: how many statements the prompt numbers.
        what: how feedback names it.

    Returns:
        Per statement number 1..count: True, False, or a phrase saying what it holds instead
        (``"no answer"``, ``"1 (an int)"``); :func:`statement_problems` words those.

    Raises:
        Wrong: not a dict, a key that is not a statement number, or a statement answered twice.

    Example:
        >>> statement_answers({1: False, "2": "true", 3: 1}, 4, "`answers`")
        {1: False, 2: True, 3: '1 (an int)', 4: 'no answer'}
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
    """``answer`` as True/False, or what it is instead, in words (``"1 (an int)"``).

    Args:
        answer: one decoded answer.

    Returns:
        True or False for ``True``/``False``, ``"True"``/``"False"`` (any case) or a one-element
        boolean array; otherwise a phrase for feedback.

    Example:
        >>> truth_value(" TRUE "), truth_value(0)
        (True, '0 (an int)')
    """
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
    """One phrase per statement that has no True/False answer, saying what it has instead.

    Args:
        answers: what :func:`statement_answers` returned.

    Returns:
        The phrases, in statement order; empty when every statement has True or False.

    Example:
        >>> statement_problems({1: True, 2: "no answer", 3: "1 (an int)"})
        ['statement 2 has no answer', "statement 3's answer is 1 (an int)"]
    """
    return [f"statement {n} has no answer" if a == "no answer" else f"statement {n}'s answer is {a}"
            for n, a in answers.items() if type(a) is not bool]


def matrix(value, what: str) -> list[list[float]]:
    """A 2-D grid of numbers from a tensor, an array or nested lists.

    Args:
        value: the decoded answer.
        what: how feedback names it.

    Returns:
        The rows, each a list of floats.

    Raises:
        Wrong: not two-dimensional, ragged, or holding something other than finite numbers.

    Example:
        >>> matrix([[1, 2], [3, 4]], "`grid`")
        [[1.0, 2.0], [3.0, 4.0]]
    """
    if isinstance(value, Array):
        if len(value.shape) != 2:
            raise Wrong(f"{what} should be 2-D; it has shape {list(value.shape)}.")
        rows = value.tolist()
    elif isinstance(value, (list, tuple)) and value and all(
            isinstance(r, (list, tuple)) or isinstance(r, Array) and len(r.shape) == 1 for r in value):
        # (rows as tensors or arrays, `[conv2d(...)[i] for i in ...]`, `list(t.unbind())`: fairness round 61)
        rows = [r.tolist() if isinstance(r, Array) else list(r) for r in value]
    else:
        raise Wrong(f"{what} should be a 2-D tensor (or a list of rows); it is {describe(value)}.")
    if len({len(r) for r in rows}) > 1:
        raise Wrong(f"the rows of {what} have different lengths.")
    # a number held as a one-element tensor or array (`(patch * kernel).sum()`) is that number, as everywhere else
    rows = [[v.tolist() if isinstance(v, Array) and v.numel == 1 and len(v.shape) == 0 else
             v.tolist()[0] if isinstance(v, Array) and v.numel == 1 and len(v.shape) == 1 else v for v in row]
            for row in rows]
    for row in rows:
        for v in row:
            if type(v) not in (int, float, bool) or not math.isfinite(v):
                raise Wrong(f"{what} holds {describe(v)}; it should hold only finite numbers.")
    return [[float(v) for v in r] for r in rows]


# -- models -------------------------------------------------------------------

def model_input_seed(context, name: str) -> int | None:
    """The random input the hidden checks probe model ``name`` on, when the judge runs a public check (so
    that it shares their description of the model instead of running it once more on zeros); None (zeros)
    in a student's notebook, where there is no grading seed.

    Args:
        context: the check's context, or None in a notebook.
        name: the model's name.

    Returns:
        A seed for :meth:`~.probe.Probe.model`'s ``input_seed``, or None.

    Example:
        >>> model_input_seed(None, "CNN") is None
        True
    """
    return context.model_input_seed(name) if context is not None else None


def expect_output_shape(probe, name: str, args: tuple, shape: tuple, expected: tuple, context=None) -> None:
    """``name(*args)`` maps an input of ``shape`` to ``expected``; Wrong, saying what it did, if not.

    The shape is one the prompt states, so a public check may use it.  The input is zeros in a
    notebook; in a graded run, the hidden checks' random input (:func:`model_input_seed`).

    Args:
        probe: the probe.
        name: the model class the prompt asks for.
        args: its constructor's arguments.
        shape: the input's shape, batch first.
        expected: the output shape the prompt states.
        context: the check's context (None in a notebook).

    Raises:
        Wrong: the forward pass raised, returned no tensor, or returned another shape (revealed).
        ProbeError: building the model failed (:meth:`~.probe.Probe.model`).

    Example:
        >>> import torch
        >>> from .probe import LocalProbe
        >>> probe = LocalProbe({"CNN": lambda: torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(4, 1))})
        >>> expect_output_shape(probe, "CNN", (), (1, 1, 2, 2), (1, 1))
    """
    info = probe.model(name, args, shape, input_seed=model_input_seed(context, name))
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
