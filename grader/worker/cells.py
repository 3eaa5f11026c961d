"""Run a submission's code, one unit at a time, so that one failure costs only itself.

A notebook's code cells and a script's top-level statements are run in order
in one namespace.  A unit that does not parse, raises, or runs out of time is
recorded and the next one still runs, the way a student re-running a notebook
would see it.  A unit that exits with status 0 (``sys.exit(0)``, ``exit()``)
ended cleanly: it is recorded ``ok``, and the next one still runs too.
"""

from __future__ import annotations

import ast

from ..checkapi.handler import ProbeTimeout, deadline, describe_exception
from ..checkapi.protocol import Key, UnitStatus

_exit_code = SystemExit.__dict__["code"].__get__  # the C slot: a subclass's own `code` property is not asked


def clean_exit(exc: SystemExit) -> bool:
    """Whether ``exc`` ends a program with status 0: a code of None, 0 or False, as Python's own exit reads it."""
    try:
        code = _exit_code(exc)
    except BaseException:
        return False
    return code is None or (type(code) in (int, bool) and code == 0)


def script_units(source: str) -> list:
    """A script's top-level statements, each compiled on its own with the file's line numbers.

    Running them one after another is what ``python script.py`` does; splitting
    only lets a statement that kills the process be skipped on a retry.
    Raises SyntaxError when the script does not parse (Python would refuse it whole).
    """
    tree = ast.parse(source, "<submission>")
    return [compile(ast.Module(body=[stmt], type_ignores=[]), "<submission>", "exec") for stmt in tree.body]


def run_units(units: list, namespace: dict, *, timeout: float | None, skip=frozenset(), on_start=None,
              after=None, exhausted=None) -> list[dict]:
    """Run ``units`` (source strings or code objects) in ``namespace``.

    Args:
        units: a notebook's cells as source text, or a script's compiled statements.
        timeout: seconds each unit may run (None: no limit here).
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
    for index, unit in enumerate(units):
        record = {Key.INDEX: index, Key.STATUS: UnitStatus.OK, Key.ERROR: None}
        records.append(record)
        if index in skip:
            record.update({Key.STATUS: UnitStatus.SKIPPED, Key.ERROR: "it ended the process on an earlier attempt"})
            continue
        if on_start is not None:
            on_start(index)
        if isinstance(unit, str):
            try:
                unit = compile(unit, f"<cell {index + 1}>", "exec")
            except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError) as exc:
                detail = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
                record.update({Key.STATUS: UnitStatus.SYNTAX,
                               Key.ERROR: f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{detail}"})
                continue
        try:
            try:
                with deadline(timeout):
                    exec(unit, namespace)
            finally:
                if after is not None:
                    after()
        except ProbeTimeout:
            record.update({Key.STATUS: UnitStatus.TIMEOUT, Key.ERROR: f"did not finish within {timeout:g} s"})
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
