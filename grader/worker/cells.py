"""Run a submission's code, one unit at a time, so that one failure costs only itself.

A notebook's code cells and a script's top-level statements are run in order
in one namespace.  A unit that does not parse, raises, or runs out of time is
recorded and the next one still runs, the way a student re-running a notebook
would see it.  A unit that exits with status 0 (``sys.exit(0)``, ``exit()``)
ended cleanly: it is recorded ``ok``, and the next one still runs too.
"""

from __future__ import annotations

import __future__
import ast
import functools
import linecache
import operator
import time

_monotonic = time.monotonic  # bound before any submission runs: patching time.monotonic changes nothing here

from ..checkapi.handler import ProbeTimeout, deadline, describe_exception
from ..checkapi.protocol import CELL_FILENAME, SCRIPT_FILENAME, Key, UnitStatus

_exit_code = SystemExit.__dict__["code"].__get__  # the C slot: a subclass's own `code` property is not asked


def clean_exit(exc: SystemExit) -> bool:
    """Whether ``exc`` ends a program with status 0: a code of None, 0 or False, as Python's own exit reads it."""
    try:
        code = _exit_code(exc)
    except BaseException:
        return False
    return code is None or (type(code) in (int, bool) and code == 0)


# Every compile() here passes dont_inherit=True: this module's own ``from __future__ import annotations``
# must not turn the student's annotations into strings (dataclass fields, pydantic models and
# typing.get_type_hints would then see strings the student never wrote).

#: Every ``from __future__ import`` feature's compiler flag: a unit that imports one compiles every later unit with
#: it, as Python compiles a whole script and IPython's compiler (``codeop.Compile``) the cells after it.  (A script's
#: ``from __future__ import annotations`` reached only its own first statement, so an annotation naming a type
#: imported under ``TYPE_CHECKING`` was evaluated and raised NameError: fairness round 38.)
FUTURE_FLAGS = functools.reduce(operator.or_, (getattr(__future__, name).compiler_flag
                                                for name in __future__.all_feature_names))



def script_units(source: str) -> list:
    """A script's top-level statements, each compiled on its own with the file's line numbers.

    Running them one after another is what ``python script.py`` does; splitting
    only lets a statement that kills the process be skipped on a retry.
    Raises SyntaxError when the script does not parse (Python would refuse it whole).
    """
    tree = ast.parse(source, SCRIPT_FILENAME)
    remember_source(SCRIPT_FILENAME, source)
    units, future = [], 0
    for stmt in tree.body:
        units.append(compile(ast.Module(body=[stmt], type_ignores=[]), SCRIPT_FILENAME, "exec", flags=future,
                             dont_inherit=True))
        future |= units[-1].co_flags & FUTURE_FLAGS
    return units


def remember_source(filename: str, source: str) -> None:
    """Keep ``source`` where ``inspect.getsource`` and TorchScript look for it, as IPython does for a cell
    (no modification time: linecache's check never drops it)."""
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)


def _cell_code(source: str, filename: str, future: int = 0):
    """A cell compiled the way IPython runs it: the body, then its last expression, whose value
    (unless the cell ends with ``;``) becomes ``_`` (IPython's last output).  One code object, or two.
    ``future``: the :data:`FUTURE_FLAGS` earlier cells imported."""
    tree = ast.parse(source, filename)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr) and not source.rstrip().endswith(";"):
        body = compile(ast.Module(body=tree.body[:-1], type_ignores=[]), filename, "exec", flags=future,
                       dont_inherit=True)
        return body, compile(ast.Expression(last.value), filename, "eval", flags=future | body.co_flags & FUTURE_FLAGS,
                             dont_inherit=True)
    return compile(tree, filename, "exec", flags=future, dont_inherit=True), None


def _shift_outputs(namespace: dict, value) -> None:
    """IPython's output history: ``_``, ``__``, ``___`` (a value of None is not an output)."""
    if value is None:
        return
    namespace["___"], namespace["__"] = namespace.get("__", ""), namespace.get("_", "")
    namespace["_"] = value


#: Seconds each unit may still run once the units' share of the time budget is spent: enough for a
#: cell that defines or imports something, not for another training loop.
LATE_UNIT_SECONDS = 2.0


def run_units(units: list, namespace: dict, *, timeout: float | None, total: float | None = None,
              skip=frozenset(), on_start=None, after=None, exhausted=None) -> list[dict]:
    """Run ``units`` (source strings or code objects) in ``namespace``.

    Args:
        units: a notebook's cells as source text, or a script's compiled statements.
        timeout: seconds each unit may run (None: no limit here).
        total: seconds all the units together may run (None: no limit); once spent, each later unit
            gets :data:`LATE_UNIT_SECONDS`, so that slow cells (three training loops) cost their own
            results and leave the checks time to run, and a quick cell after them still counts.
        skip: indices not to run (they killed an earlier attempt).
        on_start: called with each index just before that unit runs.
        after: called as each unit ends, before its outcome is recorded (the worker
            undoes the unit's monkeypatches there).
        exhausted: called after each unit; True when the process now holds most of
            its memory allowance: that unit is recorded as ``memory``.

    Returns:
        One record per unit: ``{"index", "status", "error", "where"}`` with a status the worker
        may send (:attr:`UnitStatus.sent_by_worker`); ``where`` is the line an exception came
        from (``cell 3, line 2``), which the judge names as a student finds it.
    """
    records = []
    future = 0
    begun = _monotonic()
    for index, unit in enumerate(units):
        record = {Key.INDEX: index, Key.STATUS: UnitStatus.OK, Key.ERROR: None}
        records.append(record)
        if index in skip:
            record.update({Key.STATUS: UnitStatus.SKIPPED, Key.ERROR: "it ended the process on an earlier attempt"})
            continue
        if on_start is not None:
            on_start(index)
        last = None
        if isinstance(unit, str):
            filename = CELL_FILENAME.format(index + 1)
            try:
                unit, last = _cell_code(unit, filename, future)
                future |= unit.co_flags & FUTURE_FLAGS
                remember_source(filename, units[index])
            except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError) as exc:
                detail = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
                record.update({Key.STATUS: UnitStatus.SYNTAX,
                               Key.ERROR: f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{detail}"})
                continue
        limit = timeout
        if total is not None:
            left = max(total - (_monotonic() - begun), LATE_UNIT_SECONDS)
            limit = left if limit is None else min(limit, left)
        try:
            try:
                with deadline(limit):
                    exec(unit, namespace)
                    if last is not None:
                        _shift_outputs(namespace, eval(last, namespace))
            finally:
                if after is not None:
                    after()
        except ProbeTimeout:
            share = "" if limit == timeout else " (the time the code may take in all was used up by earlier cells)"
            record.update({Key.STATUS: UnitStatus.TIMEOUT, Key.ERROR: f"did not finish within {limit:.3g} s{share}"})
        except SystemExit as exc:
            # sys.exit(0), exit(), quit(), raise SystemExit: a script ending itself on purpose, which
            # Python reports as success; any other code is a failure, as the shell would see it.
            if not clean_exit(exc):
                info = describe_exception(exc)
                record.update({Key.STATUS: UnitStatus.ERROR, Key.ERROR: f"{info[Key.TYPE]}: {info[Key.MESSAGE]}",
                               Key.WHERE: info[Key.WHERE]})
        except BaseException as exc:  # the submission's own failure, recorded
            info = describe_exception(exc)
            record.update({Key.STATUS: UnitStatus.MEMORY if info[Key.TYPE] == "MemoryError" else UnitStatus.ERROR,
                           Key.ERROR: f"{info[Key.TYPE]}: {info[Key.MESSAGE]}", Key.WHERE: info[Key.WHERE]})
        if exhausted is not None and record[Key.STATUS] != UnitStatus.MEMORY and exhausted():
            record.update({Key.STATUS: UnitStatus.MEMORY,
                           Key.ERROR: "it keeps most of the memory the submission may use"})
    return records
