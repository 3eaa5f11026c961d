"""Run a submission's code, one unit at a time, so that one failure costs only itself.

A notebook's code cells and a script's top-level statements are run in order
in one namespace.  A unit that does not parse, raises, or runs out of time is
recorded and the next one still runs, the way a student re-running a notebook
would see it.  A unit that exits with status 0 (``sys.exit(0)``, ``exit()``)
ended cleanly: it is recorded ``ok``, and the next one still runs too.  A cell's
import of a library that is not installed here skips that import and the
statements that need it, and the rest of the cell runs, inside a compound statement too
(:func:`_after_missing_library`); the cell is recorded ``error`` with what was skipped.
"""

from __future__ import annotations

import __future__
import ast
import copy
import dataclasses
import dis
import functools
import importlib.util
import linecache
import operator
import sys
import time
import types

_monotonic = time.monotonic  # bound before any submission runs: patching time.monotonic changes nothing here
_find_spec = importlib.util.find_spec  # (likewise)

from ..checkapi.handler import ProbeTimeout, deadline, describe_exception
from ..checkapi.protocol import CELL_FILENAME, SCRIPT_FILENAME, Key, UnitStatus, is_submission_code

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



@dataclasses.dataclass(frozen=True)
class ScriptStatement:
    """One top-level statement of a script, compiled, with its syntax tree (:func:`_after_missing_library`)."""

    code: types.CodeType
    statement: ast.stmt


def script_units(source: str) -> list[ScriptStatement]:
    """A script's top-level statements, each compiled on its own with the file's line numbers.

    Running them one after another is what ``python script.py`` does; splitting
    only lets a statement that kills the process be skipped on a retry.
    Raises SyntaxError when the script does not parse (Python would refuse it whole).
    """
    tree = ast.parse(source, SCRIPT_FILENAME)
    remember_source(SCRIPT_FILENAME, source)
    units, future = [], 0
    for stmt in tree.body:
        code = compile(ast.Module(body=[stmt], type_ignores=[]), SCRIPT_FILENAME, "exec", flags=future,
                       dont_inherit=True)
        units.append(ScriptStatement(code, stmt))
        future |= code.co_flags & FUTURE_FLAGS
    return units


def remember_source(filename: str, source: str) -> None:
    """Keep ``source`` where ``inspect.getsource`` and TorchScript look for it, as IPython does for a cell
    (no modification time: linecache's check never drops it)."""
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)


def _cell_code(source: str, filename: str, future: int = 0, statements: list | None = None):
    """A cell compiled the way IPython runs it: the body, then its last expression, whose value
    (unless the cell ends with ``;``) becomes ``_`` (IPython's last output).  One code object, or two.
    ``future``: the :data:`FUTURE_FLAGS` earlier cells imported; ``statements``: the top-level statements to
    compile, the whole cell's when None (:func:`_after_missing_library` compiles what follows an import)."""
    if statements is None:
        statements = ast.parse(source, filename).body
    last = statements[-1] if statements else None
    if isinstance(last, ast.Expr) and not source.rstrip().endswith(";"):
        body = compile(ast.Module(body=statements[:-1], type_ignores=[]), filename, "exec", flags=future,
                       dont_inherit=True)
        return body, compile(ast.Expression(last.value), filename, "eval", flags=future | body.co_flags & FUTURE_FLAGS,
                             dont_inherit=True)
    return compile(ast.Module(body=statements, type_ignores=[]), filename, "exec", flags=future,
                   dont_inherit=True), None


_import_error_name = ImportError.__dict__["name"].__get__  # the C slots, as for SystemExit's code
_traceback_of = BaseException.__dict__["__traceback__"].__get__
_name_error_name = NameError.__dict__["name"].__get__


def _installed(top: str) -> bool:
    """Whether the top-level package ``top`` is installed where the submission runs (or loaded: a package the
    fork server imported, a module the submission wrote and imported)."""
    if top in sys.modules or top in sys.builtin_module_names:
        return True
    try:
        return _find_spec(top) is not None
    except BaseException:  # (a finder that raises: not known to be missing)
        return True


#: The instructions that raise what :func:`_after_missing_library` skips, as the cell's own code runs them: an
#: import statement's, and the load of a name at the cell's top level.
IMPORTING = frozenset({"IMPORT_NAME", "IMPORT_FROM"})
LOADING = frozenset({"LOAD_NAME", "LOAD_GLOBAL"})


@dataclasses.dataclass(frozen=True)
class _Failure:
    """Where a library missing here stopped a cell (:func:`_library_failure`)."""

    index: int  # the top-level statement of the cell it stopped in
    position: tuple  # the cell's instruction it stopped at (:func:`_position`)
    instruction: dis.Instruction  # the instruction that raised it: the cell's own, or one of code the cell called
    own: bool  # whether that is the cell's own instruction
    body: tuple | None  # when raised deeper: the code the cell's instruction ran (a class body?), and where in it
    missing: str = ""  # the library


def _failing_statement(statements: list, code, exc: BaseException, opnames: frozenset,
                       argument: str | None = None) -> _Failure | None:
    """Where ``exc`` stopped ``code`` (the cell as it runs), when the instruction that raised it is one of
    ``opnames`` (and, ``argument``, of that name) in the submission's own code: the cell's, a function or a class
    body of the submission's it called, a comprehension, a ``%time`` statement; None otherwise.

    The cell's instruction is the one of its last entry in the traceback, where the exception began in the cell:
    a handler's `raise e` puts another entry of the cell in front of it (fairness round 109).  The instruction that
    raised it is the last entry of the submission's code: a load's NameError is raised there, innermost; an
    import's may come from the code of a package it ran (the import system's own frames are left out).  A
    traceback the submission made up can move them: a skip instead of a stop, which its own ``try`` could have
    had."""
    tb = _own_entry(code, exc)
    if tb is None:
        return None
    cell, origin, entry, depth = tb, tb, tb.tb_next, 0
    while entry is not None and depth < MAX_ENTRIES:
        if entry.tb_frame is tb.tb_frame:
            cell = origin = entry
        elif is_submission_code(entry.tb_frame.f_code.co_filename):
            origin = entry
        entry, depth = entry.tb_next, depth + 1
    if entry is not None or (origin.tb_next is not None and opnames is not IMPORTING):
        return None
    origin_code = origin.tb_frame.f_code
    instruction = next((i for i in dis.get_instructions(origin_code) if i.offset == origin.tb_lasti), None)
    if instruction is None or instruction.opname not in opnames or (
            argument is not None and instruction.argval != argument):
        return None
    position = _position(code, cell)
    index = _statement_of(statements, code, cell)
    if index is None or index != _statement_of(statements, code, tb):
        # (an exception kept and raised by a later statement, `raise stored`: the run would go on from where it
        # began, and run again the statements between, which the reader reads as run once: attack round 182)
        return None
    # (what the cell's instruction ran, when it is not the instruction that raised: a class body, where it is
    # `class CNN(nn.Module): preprocess = transforms.Normalize(...)`)
    inner = cell.tb_next
    body = None if origin is cell else (inner.tb_frame.f_code, _position(inner.tb_frame.f_code, inner))
    return _Failure(index, position, instruction, origin is cell, body)


#: How many traceback entries :func:`_failing_statement` reads (a deeper failure is no library's skip).
MAX_ENTRIES = 1000


def _own_entry(code, exc: BaseException):
    """The entry of ``exc``'s traceback for the frame running ``code`` (the cell), or None.  The interpreter puts a
    frame's entry in front of the ones already there as the exception leaves it: the first entry of the cell's
    frame says where the cell was then, whatever traceback the submission gave the exception (read through the C
    slot: a class's own ``__traceback__`` property is not asked)."""
    try:
        tb = _traceback_of(exc)
    except BaseException:
        return None
    while tb is not None and tb.tb_frame.f_code is not code:
        tb = tb.tb_next
    return tb


def _position(code, tb) -> tuple:
    """Where in the source the instruction ``tb`` (an entry of ``code``'s frame) stopped at is: its line, end line,
    column and end column, the columns None when the code keeps none."""
    try:
        line, end_line, column, end_column = list(code.co_positions())[tb.tb_lasti // 2]
    except (IndexError, TypeError, ValueError):
        line = end_line = column = end_column = None
    if line is None or column is None:
        line, end_line, column, end_column = tb.tb_lineno, tb.tb_lineno, None, None
    return line, end_line, column, end_column


def _holds(statement, position: tuple) -> bool:
    """Whether ``statement``'s span holds the instruction at ``position`` (:func:`_position`), by its line alone
    when the code keeps no columns."""
    line, end_line, column, end_column = position
    # (a decorated def or class starts at its first decorator: its node's own position is the `def` line's)
    start = min([(statement.lineno, statement.col_offset)]
                + [(d.lineno, d.col_offset) for d in getattr(statement, "decorator_list", ())])
    if column is None:
        return start[0] <= line <= (statement.end_lineno or statement.lineno)
    return start <= (line, column) and (end_line, end_column) <= (statement.end_lineno, statement.end_col_offset)


def _statement_of(statements: list, code, tb) -> int | None:
    """The index among ``statements`` of the top-level statement holding the instruction ``tb`` (an entry of
    ``code``'s frame) stopped at, found by the instruction's span (two statements may share a line, `import os;
    import torchvision`), by its line when the code keeps no columns."""
    position = _position(code, tb)
    return next((index for index, statement in enumerate(statements) if _holds(statement, position)), None)


def stopped_in(statements: list, code, exc: BaseException) -> int:
    """The index among ``statements`` (those ``code`` runs) of the top-level statement ``exc`` stopped the unit
    in; 0 when it cannot be told (no statement of the unit is then known to have run to its end)."""
    tb = _own_entry(code, exc)
    index = None if tb is None else _statement_of(statements, code, tb)
    return 0 if index is None else index


def _bound_names(statement) -> set[str]:
    """The names a top-level statement binds in the cell's namespace (not those of the functions, classes,
    lambdas and comprehensions inside it, which have scopes of their own)."""
    names: set[str] = set()

    def visit(node) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            keywords = [k.value for k in getattr(node, "keywords", [])]
            for part in node.decorator_list + getattr(node, "bases", []) + keywords:
                visit(part)
            if not isinstance(node, ast.ClassDef):
                for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                    visit(default)
            return
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            for child in ast.walk(node):  # only a walrus binds outside them
                if isinstance(child, ast.NamedExpr) and isinstance(child.target, ast.Name):
                    names.add(child.target.id)
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(statement)
    return names


_context_of = BaseException.__dict__["__context__"].__get__  # (the C slot, as for the traceback)

#: How many exceptions back :func:`_after_missing_library` looks, through each one's ``__context__``, for the
#: failure a ``try``'s handler was handling (Colab's idiom: the handler's import failed while handling the body's).
MAX_CONTEXTS = 8


def _library_failure(statements: list, code, exc: BaseException, unbound: dict[str, str]) -> _Failure | None:
    """Where ``exc`` stopped the cell (:func:`_failing_statement`), with the library missing here, when ``exc`` is
    the failure of a library not installed here: the import system's own ``ModuleNotFoundError`` (exactly that
    type) raised by an import instruction of the submission's code, or a ``NameError`` (exactly) raised by one of
    its loads of a name a skipped statement would have bound (``unbound``).  None otherwise."""
    kind = type(exc)
    if kind is NameError:
        name = _name_error_name(exc)
        if not isinstance(name, str) or name not in unbound:
            return None
        found = _failing_statement(statements, code, exc, LOADING, name)
        return None if found is None else dataclasses.replace(found, missing=unbound[name])
    if kind is not ModuleNotFoundError:
        return None
    missing = _import_error_name(exc)
    if not isinstance(missing, str) or not missing or _installed(missing.split(".")[0]):
        return None  # (`from numpy.add import reduce`: numpy is installed, numpy.add is no module: attack round 174)
    found = _failing_statement(statements, code, exc, IMPORTING)
    return None if found is None else dataclasses.replace(found, missing=missing)


#: The blocks of a compound statement whose rest :func:`_resumed` may run, once one of their statements is left
#: out: an ``if``'s branch, a ``with``'s body, each part of a ``try``.  A loop's rest is not (the iterations after
#: the one that failed would have to run too), nor a ``match`` case's (rare).
RESUMABLE = {ast.If: ("body", "orelse"), ast.With: ("body",),
             ast.Try: ("body", "handlers", "orelse", "finalbody"),
             ast.TryStar: ("body", "handlers", "orelse", "finalbody")}
#: The blocks of a statement the cell's own code runs (a function's or a class's body is code of its own).
BLOCKS = ("body", "orelse", "handlers", "finalbody", "cases")


def _blocks(statement):
    """Each block of statements ``statement`` runs as the cell's own code, with its name (:data:`BLOCKS`)."""
    for field in BLOCKS:
        parts = getattr(statement, field, None) or []
        if parts and isinstance(parts[0], ast.stmt):
            yield field, parts
        else:  # (a `try`'s handlers, a `match`'s cases: each holds a block)
            for part in parts:
                yield field, part.body


def _path_to(statement, position: tuple) -> list[tuple]:
    """The blocks, from ``statement`` (a compound one) down, leading to the innermost statement holding the
    instruction at ``position``: ``(compound statement, block name, the block, the index in it of the statement
    holding the instruction)``, each a level deeper; empty when none of its blocks' statements holds it (an
    ``if``'s test, a ``with``'s context manager)."""
    path: list[tuple] = []
    while not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        for field, block in _blocks(statement):
            inner = next((i for i, child in enumerate(block) if _holds(child, position)), None)
            if inner is not None:
                path.append((statement, field, block, inner))
                statement = block[inner]
                break
        else:
            break
    return path


def _resumed(path: list[tuple], head: list) -> list | None:
    """What the student's run went on with after the innermost statement ``path`` leads to (:func:`_path_to`),
    where the library was installed: ``head`` (what is left of that statement), the rest of its block, then what
    follows in each enclosing block, as statements to run now; None when a level is not :data:`RESUMABLE`.

    The enclosing statements have been left already: the exception ran each ``finally`` on its way out, and a
    ``with``'s exit; a ``try``'s body goes on under its handlers (then its ``else``), a ``with``'s under its
    context managers entered again (`with torch.no_grad():`), an ``if``'s branch as it is."""
    tail = head
    for statement, field, block, index in reversed(path):
        if field not in RESUMABLE.get(type(statement), ()):
            return None
        tail = tail + block[index + 1:]
        if field == "body" and isinstance(statement, (ast.Try, ast.TryStar)) and statement.handlers:
            body = tail or [ast.copy_location(ast.Pass(), statement)]
            tail = [ast.copy_location(type(statement)(body=body, handlers=statement.handlers,
                                                      orelse=statement.orelse, finalbody=[]), statement)]
        elif field == "body" and isinstance(statement, ast.With) and tail:
            again = copy.copy(statement)
            again.body = tail
            tail = [again]
    return tail


def _handled_earlier(statements: list, code, exc: BaseException, failure: _Failure, path: list,
                     unbound: dict[str, str]) -> tuple[_Failure, list] | None:
    """The failure, from ``exc``'s contexts, of a library not installed here (:func:`_library_failure`) in the
    body of a ``try`` of the same top-level statement whose handler ``exc`` (``failure``) left (``path``): Colab's
    `try: import torchvision / except ImportError: !pip install -q torchvision; import torchvision`, whose handler
    fails here as its body did.  Where the library was installed the handler never ran and the body went on: the
    run goes on from the body's failure, the first of them when fallbacks nest (attack round 182: the inner one
    went on into the outer handler, which never ran there).  That failure and its path, or None."""
    handlers = {id(statement) for statement, field, _, _ in path if field == "handlers"}
    first = None  # (the oldest: a nested fallback's outer body failed first, and its handler never ran there)
    earlier, seen = exc, {id(exc)}
    for _ in range(MAX_CONTEXTS if handlers else 0):
        try:
            earlier = _context_of(earlier)
        except BaseException:
            break
        if earlier is None or id(earlier) in seen:
            break
        seen.add(id(earlier))
        found = _library_failure(statements, code, earlier, unbound)
        if found is not None and found.index == failure.index:
            earlier_path = _path_to(statements[found.index], found.position)
            if any(field == "body" and id(statement) in handlers for statement, field, _, _ in earlier_path):
                first = found, earlier_path
    return first


def _without_failing_line(statement, body: tuple):
    """``statement``, a class whose body (``body``: its code, and the position of the instruction that raised)
    failed on a library missing here, without the statement of its body that failed (`preprocess =
    transforms.Normalize(...)` among a model's attributes: fairness round 109); None when that is not it."""
    code, position = body
    if not isinstance(statement, ast.ClassDef) or code.co_name != statement.name:
        return None
    inner = next((i for i, child in enumerate(statement.body) if _holds(child, position)), None)
    if inner is None:
        return None
    kept = statement.body[:inner] + statement.body[inner + 1:]
    again = copy.copy(statement)  # (every field this Python's ClassDef has: 3.12's type_params too)
    again.body = kept or [ast.copy_location(ast.Pass(), statement)]
    return again


def _after_missing_library(statements: list, code, exc: BaseException,
                           unbound: dict[str, str]) -> tuple[int, list] | None:
    """The index among ``statements`` of the top-level statement that failed for want of a library that is not
    installed here, and the statements of the cell left to run (the first may be what is left of that statement),
    or None when ``exc`` is not that; ``unbound`` (each name a skipped statement would have bound,
    and the missing module it needed; the notebook's, from cell to cell) gains the names the skipped statement binds.

    A student's notebook ran where the library is installed (``torchvision`` on Colab, beside the lecture's stack):
    one import of it, often among the imports of a cell that defines answers, cost every definition after it.
    Only what needs it is skipped:

    * an ``import``/``from`` statement that fails on a library whose top-level package is not installed:
      ``exc`` is the import system's own ``ModuleNotFoundError`` (exactly that type), raised by the statement's own
      import instruction (``import torch.utils.tensorboard`` needs ``tensorboard``; of ``import a, b, c`` the
      modules after the missing one are imported still, in a script's statement too);
    * a statement that then fails on one of the names a skipped statement would have bound (``exc`` a
      ``NameError``, exactly, naming it: ``transform = T.Compose(...)``, a function whose default is built with
      it), whose own names stay unbound in turn;
    * a statement whose call of the submission's own code (a function, a comprehension, ``%time``) failed so
      there (`tv_version = setup()`, `samples = [T.ToTensor()(a) for a in arrays]`: fairness round 109); of a
      class whose body failed so, that line of its body (the class is made again without it).

    Inside a compound statement the run goes on after the statement skipped, as the student's did
    (:func:`_resumed`): the rest of an ``if``'s branch, of a ``with``'s body, of a ``try``'s body (`try: import
    torchvision; import numpy as np`: fairness round 109), from the body's failure when a handler failed on the
    library again (:func:`_handled_earlier`).  Inside a loop it cannot: the compound statement is left out whole
    from there on, and every name it binds counts as one the skip left unbound.

    What is skipped would have run in the student's environment; everything else runs as Jupyter runs it.  (Any
    code may guard itself with ``try``/``except``: continuing gives a submission nothing it could not have.)
    """
    failure = _library_failure(statements, code, exc, unbound)
    if failure is None:
        return None
    index = failure.index
    statement, rest = statements[index], statements[index + 1:]
    path = _path_to(statement, failure.position)
    earlier = _handled_earlier(statements, code, exc, failure, path, unbound)
    if earlier is not None:
        failure, path = earlier
    failed = path[-1][2][path[-1][3]] if path else statement  # the innermost statement the failure is in
    names: dict[str, str] = dict.fromkeys(_bound_names(failed), failure.missing)
    head: list = []
    again = None if failure.body is None else _without_failing_line(failed, failure.body)
    if again is not None:
        names, head = {}, [again]
    elif failure.own and isinstance(failed, ast.ImportFrom) and failed.level != 0:
        return None
    elif failure.own and isinstance(failed, ast.Import):
        # The module the failing import instruction named (`import torch.utils.tensorboard` fails on
        # `tensorboard`, a library it needs that is not installed: fairness round 106); those after it still load.
        position = next((i for i, alias in enumerate(failed.names) if alias.name == failure.instruction.argval),
                        None)
        if position is None:
            return None
        alias = failed.names[position]
        names = {alias.asname or alias.name.split(".")[0]: failure.missing}
        if failed.names[position + 1:]:
            head = [ast.copy_location(ast.Import(names=failed.names[position + 1:]), failed)]
    resumed = _resumed(path, head) if path else head
    if resumed is None:
        # (a loop holding it: Colab's `for pkg in ...: import torchvision` left out whole from there on)
        names = dict.fromkeys(_bound_names(statement), failure.missing)
        resumed = []
    elif path and resumed:
        # One statement still, in a block: an expression ending a branch's rest is not the cell's last, shown one
        # (IPython's `_`), and what it runs maps to the statement it is the rest of.
        resumed = [ast.copy_location(ast.If(test=ast.copy_location(ast.Constant(True), statement), body=resumed,
                                            orelse=[]), statement)]
    unbound.update(names)
    return index, resumed + rest


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
    """Run ``units`` (source strings, or a script's statements) in ``namespace``.

    Args:
        units: a notebook's cells as source text, or a script's statements (:func:`script_units`).
        timeout: seconds each unit may run (None: no limit here).
        total: seconds all the units together may run (None: no limit); once spent, each later unit
            gets :data:`LATE_UNIT_SECONDS`, so that slow cells (three training loops) cost their own
            results and leave the checks time to run, and a quick cell after them still counts.
        skip: indices not to run (they killed an earlier attempt).
        on_start: called with each index just before that unit runs.
        after: called as each unit ends, before its outcome is recorded (the worker
            undoes the unit's monkeypatches there).
        exhausted: called after each unit; True when the process now holds most of
            its memory allowance: that unit is recorded as ``memory`` (a ``MemoryError`` too, only then).

    Returns:
        One record per unit: ``{"index", "status", "error", "where"}`` with a status the worker
        may send (:attr:`UnitStatus.sent_by_worker`); ``where`` is the line an exception came
        from (``cell 3, line 2``), which the judge names as a student finds it.  A unit that did not
        run every top-level statement to its end also says which: ``stopped_in`` (the statement it
        stopped in, by an exception or an exit; those after it did not run) and ``left_out`` (the
        statements :func:`_after_missing_library` skipped), each an index among the unit's top-level
        statements (a script's unit is one statement: 0).  The judge's reader takes a binding made
        there for one that may not have been made (:mod:`grader.questions.static`).
    """
    records = []
    future = 0
    unbound: dict[str, str] = {}  # the names skipped statements would have bound, and the libraries they need
    begun = _monotonic()
    for index, unit in enumerate(units):
        record = {Key.INDEX: index, Key.STATUS: UnitStatus.OK, Key.ERROR: None}
        records.append(record)
        if index in skip:
            record.update({Key.STATUS: UnitStatus.SKIPPED, Key.ERROR: "it ended the process on an earlier attempt"})
            continue
        if on_start is not None:
            on_start(index)
        last = statements = None
        origin: list[int] = []  # each statement left to run: its index among the unit's own statements
        left_out: list[int] = []

        def stopped_at(exc: BaseException) -> int:
            # (the statement of the code that was running: the cell's body, or its shown last expression)
            if statements is None or not origin:
                return 0
            body = statements if last is None else statements[:-1]
            for code, among, first in ((unit, body, 0), (last, statements[-1:], len(statements) - 1)):
                if code is not None and _own_entry(code, exc) is not None:
                    return origin[first + stopped_in(among, code, exc)]
            return origin[0]

        if isinstance(unit, ScriptStatement):  # (`import os, torchvision, torch`: the modules after it still load)
            statements, unit, filename = [unit.statement], unit.code, SCRIPT_FILENAME
            origin = [0]
        elif isinstance(unit, str):
            filename = CELL_FILENAME.format(index + 1)
            try:
                statements = ast.parse(unit, filename).body
                unit, last = _cell_code(units[index], filename, future, statements)
                future |= unit.co_flags & FUTURE_FLAGS
                origin = list(range(len(statements)))
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
        missing, imports, uses = [], 0, 0  # the libraries not installed here whose imports and uses the cell skipped
        stop = None  # the statement the unit stopped in (stopped_at), once it stopped
        try:
            try:
                with deadline(limit):
                    try:
                        while True:
                            try:
                                exec(unit, namespace)
                                break
                            except (ModuleNotFoundError, NameError) as exc:
                                skipped = (None if statements is None
                                           else _after_missing_library(statements, unit, exc, unbound))
                                if skipped is None:
                                    raise
                                at, rest = skipped
                                left_out.append(origin[at])
                                # (what is left of the statement, `import json` of `import os, torchvision,
                                # json` or the rest of an `if`'s branch, is that statement's still: attack
                                # round 182 misaligned what a branch's rest ran with the statements after it)
                                resumed = len(rest) - (len(statements) - at - 1)
                                origin = [origin[at]] * resumed + origin[at + 1:]
                                if type(exc) is NameError:
                                    uses += 1
                                    missing.append(unbound[_name_error_name(exc)])
                                else:
                                    imports += 1
                                    missing.append(_import_error_name(exc))
                                statements = rest
                                if isinstance(units[index], ScriptStatement):
                                    unit = compile(ast.Module(body=rest, type_ignores=[]), filename, "exec",
                                                   flags=unit.co_flags & FUTURE_FLAGS, dont_inherit=True)
                                else:
                                    unit, last = _cell_code(units[index], filename, future, rest)
                        if last is not None:
                            try:
                                value = eval(last, namespace)
                            except NameError as exc:  # the cell's last expression, shown, needs a missing library
                                if _after_missing_library(statements[-1:], last, exc, unbound) is None:
                                    raise
                                left_out.append(origin[-1])
                                uses += 1
                                missing.append(unbound[_name_error_name(exc)])
                            else:
                                _shift_outputs(namespace, value)
                    except BaseException as exc:
                        # where the cell's frame was as the exception left it, read before any other code
                        # runs (the worker's undoing of patches, a finalizer the collector calls)
                        stop = stopped_at(exc)
                        raise
            finally:
                if after is not None:
                    after()
        except ProbeTimeout:
            share = "" if limit == timeout else " (the time the code may take in all was used up by earlier cells)"
            record.update({Key.STATUS: UnitStatus.TIMEOUT, Key.ERROR: f"did not finish within {limit:.3g} s{share}",
                           Key.STOPPED_IN: 0 if stop is None else stop})
        except SystemExit as exc:
            record[Key.STOPPED_IN] = 0 if stop is None else stop
            # sys.exit(0), exit(), quit(), raise SystemExit: a script ending itself on purpose, which
            # Python reports as success; any other code is a failure, as the shell would see it.
            if not clean_exit(exc):
                info = describe_exception(exc)
                record.update({Key.STATUS: UnitStatus.ERROR, Key.ERROR: f"{info[Key.TYPE]}: {info[Key.MESSAGE]}",
                               Key.WHERE: info[Key.WHERE]})
        except BaseException as exc:  # the submission's own failure, recorded
            record[Key.STOPPED_IN] = 0 if stop is None else stop
            info = describe_exception(exc)
            # An allocation that failed at once holds nothing once the exception has left the cell (`np.zeros((10**5,
            # 10**5))` after the final definitions, failing on the student's machine too: fairness round 108): an
            # error of the cell, stopped where it was, as in Jupyter.  Only memory still held (the gauge; no gauge
            # here, any MemoryError) makes it `memory`, which the judge restarts the worker without.
            held = info[Key.TYPE] == "MemoryError" and (exhausted is None or exhausted())
            record.update({Key.STATUS: UnitStatus.MEMORY if held else UnitStatus.ERROR,
                           Key.ERROR: f"{info[Key.TYPE]}: {info[Key.MESSAGE]}", Key.WHERE: info[Key.WHERE]})
        if left_out:
            record[Key.LEFT_OUT] = sorted(set(left_out))
        if missing:
            names = list(dict.fromkeys(missing))
            note = (f"No module named {', '.join(repr(name) for name in names)} here (not installed where "
                    "submissions are graded)")
            what = " and ".join(part for part in (
                "" if not imports else "its import" if imports == 1 else f"{imports} imports of it",
                "" if not uses else f"{uses} statement{'s' if uses > 1 else ''} using it") if part)
            if record[Key.STATUS] == UnitStatus.OK:
                kind = "ModuleNotFoundError" if imports else "NameError"
                record.update({Key.STATUS: UnitStatus.ERROR,
                               Key.ERROR: f"{kind}: {note}: {what} skipped, the rest of the cell ran"})
            else:
                record[Key.ERROR] = f"{record[Key.ERROR]} (after {what} skipped: {note})"
        if exhausted is not None and record[Key.STATUS] != UnitStatus.MEMORY and exhausted():
            record.update({Key.STATUS: UnitStatus.MEMORY,
                           Key.ERROR: "it keeps most of the memory the submission may use"})
    return records
