"""A notebook cell's input as Jupyter would run it: IPython's own input transformation.

A code cell is not Python: it may hold line magics (``%time x = f()``), shell
escapes (``!pip install ...``), help requests (``obj?``) and cell magics
(``%%time``).  IPython's :class:`~IPython.core.inputtransformer2.TransformerManager`
is what decides, for Jupyter, which lines are which (a ``% x`` continuing a
bracket is Python's modulo, not a magic), and turns each into a call of
``get_ipython()``.  The graded code keeps those calls; the worker's
``get_ipython()`` (:class:`grader.worker.serve.GradingShell`) then applies the
grading policy, magic by magic.  Nothing here runs a submission's code.

The grading policy for what IPython would run:

* cell magics whose body Jupyter runs in the user's namespace
  (:data:`CELL_MAGICS_RUN`: ``%%time``, ``%%capture``...): the body is graded as
  the cell, transformed in its turn;
* ``%%writefile``: the worker writes the file, as Jupyter does (a helper module the notebook then imports);
* every other cell magic (``%%bash``, ``%%html``...): not run, noted;
* line magics: see :data:`grader.worker.serve.RUN_MAGICS`; shell escapes
  and ``!``-assignments: never run (``x = !ls`` gives an empty list).

IPython's token transforms rescan the whole cell once per magic they rewrite
(and give up after 500), so a cell of many magics would cost its size times
their number.  Each of IPython's token transforms rewrites one logical line,
so the cell is cut into logical lines with IPython's own tokenizer and each
line that could hold IPython syntax is transformed alone: the work is linear
in the size of the notebook.

Line breaks: Jupyter's editor turns ``\r\n`` and ``\r`` into ``\n`` before IPython sees a cell, and so does
:func:`jupyter_newlines` here.  IPython cuts a cell with ``str.splitlines``, then hands the lines to Python's
tokenizer, for which only ``\n`` and ``\r`` end a line: each "line" ending in ``\r`` cost some 4 ms (8,000 of them,
32 KB, 33.6 s of the judge: attack round 68).  The other breaks ``str.splitlines`` knows (``\x0b``, ``\x0c``,
``\x1c``-``\x1e``, ``\x85``, U+2028, U+2029) are kept as IPython reads them (Jupyter's editor keeps them too): they
are as costly, so a notebook holding more than a few is parsed in the bounded child, not in the judge
(:func:`grader.judge.submission._small`).
"""

from __future__ import annotations

import re

#: Cell magics whose body Jupyter runs in the user's namespace: definitions made there exist afterwards.
#: (``%%timeit`` runs its body inside a function, so what it defines is gone afterwards: not run.)
CELL_MAGICS_RUN = frozenset({"time", "capture", "prun"})

_IPYTHON_CALL = re.compile(r"get_ipython\(\)\.(run_line_magic|system|getoutput)\((['\"])(.{0,40}?)\2")
_HAS_IPYTHON_SYNTAX = re.compile(r"[%!?]|^\s*(>>>|In \[)", re.MULTILINE)
_MAY_BE_IPYTHON = re.compile(r"[%!?]")

_manager = None


def _transformer():
    global _manager
    if _manager is None:
        from IPython.core.inputtransformer2 import TransformerManager

        _manager = TransformerManager()
    return _manager


def jupyter_newlines(source: str) -> str:
    """``source`` with its ``\r\n`` and ``\r`` line breaks made ``\n``, as Jupyter's editor makes them."""
    return source.replace("\r\n", "\n").replace("\r", "\n")


def transform_cell(source: str) -> tuple[str, list[str]]:
    """The Python code Jupyter would run for ``source``, and notes on what grading does differently.

    Line numbers are kept, so that errors point at the student's own lines.
    """
    source = jupyter_newlines(source)
    if not _HAS_IPYTHON_SYNTAX.search(source):
        return source, []
    manager = _transformer()
    text = source if source.endswith("\n") else source + "\n"
    lines = text.splitlines(keepends=True)
    notes: list[str] = []
    skipped = 0  # lines above the code that is run (cell magic headers), kept as blank lines
    headers: dict[int, str] = {}  # ... but for `%%capture NAME`, whose line binds NAME (see _capture_binding)
    try:
        while True:
            first = next((i for i in range(skipped, len(lines)) if lines[i].strip()), len(lines))
            if not (first < len(lines) and lines[first].startswith("%%")):
                break
            header = lines[first][2:].strip()
            name = header.split(maxsplit=1)[0] if header else ""
            if name == "writefile":
                line = header[len(name):].strip()
                body = "".join(lines[first + 1:])
                return (f"get_ipython().run_cell_magic({name!r}, {line!r}, {body!r})\n",
                        list(dict.fromkeys(notes + [f"cell magic %%{name}: the file was written"])))
            if name not in CELL_MAGICS_RUN:
                return "", list(dict.fromkeys(notes + [f"cell magic %%{name} not run"]))
            notes.append(f"cell magic %%{name}: its body was run")
            if name == "capture" and (binding := _capture_binding(header[len(name):])):
                headers[first] = binding
            skipped = first + 1
        cleaned = lines[skipped:]
        for cleanup in manager.cleanup_transforms:
            cleaned = cleanup(cleaned)
        code = "".join("".join(manager.do_token_transforms(logical) if _MAY_BE_IPYTHON.search("".join(logical))
                               else logical) for logical in _logical_lines(cleaned))
    except Exception as exc:  # IPython could not read it: grade the text as it is (it may not parse)
        return source, [f"IPython could not transform the cell ({type(exc).__name__}); it was run as written"]
    code = "".join(headers.get(i, "\n") for i in range(len(lines) - len(cleaned))) + code
    return code, list(dict.fromkeys(notes + _notes(code)))


def _capture_binding(arguments: str) -> str | None:
    """``%%capture [--no-stdout ...] NAME`` binds NAME to what the cell printed, which later cells may use
    (``captured.show()``): a call of the worker's shell binds it (the grader captures nothing)."""
    names = [w for w in arguments.split() if not w.startswith("-")]
    if len(names) != 1 or not names[0].isidentifier():
        return None
    return f"get_ipython().run_cell_magic('capture', {names[0]!r}, '')\n"


def _logical_lines(lines: list[str]):
    """``lines`` cut into Python's logical lines (a bracket or string spanning lines stays whole)."""
    from IPython.core.inputtransformer2 import make_tokens_by_line

    start = 0
    for tokens in make_tokens_by_line(lines):
        end = min(tokens[-1].end[0], len(lines)) if tokens else start
        if end > start:
            yield lines[start:end]
            start = end
    if start < len(lines):
        yield lines[start:]


def _notes(code: str) -> list[str]:
    found = sorted({(kind, name.split()[0] if name.split() else name) for kind, _, name in _IPYTHON_CALL.findall(code)})
    if not found:
        return []
    shell = [n for k, n in found if k != "run_line_magic"]
    magics = [n for k, n in found if k == "run_line_magic"]
    parts = []
    if magics:
        parts.append("magics " + ", ".join(f"%{m}" for m in dict.fromkeys(magics)))
    if shell:
        parts.append("shell commands not run")
    return ["IPython syntax: " + "; ".join(parts)[:200]]
