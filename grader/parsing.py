"""Python's parser, as the judge's threads may use it.

CPython 3.11's ``ast.parse`` is not safe to run from two threads at once: the second fails with
``SystemError: AST constructor recursion depth mismatch``, whatever the source, and the batch
grades with one thread per job.  Every parse the judge does takes :data:`PARSER` (the static
reading holds it for its whole reading, which also guards its cache).
"""

from __future__ import annotations

import ast
import threading

#: Held around every ``ast.parse`` in the judge; re-entrant, so a holder may call :func:`parse`.
PARSER = threading.RLock()


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse(source, filename)`` under :data:`PARSER`."""
    with PARSER:
        return ast.parse(source, filename)


#: The line magics whose statement Jupyter runs in the user's namespace, and the options each takes before it
#: (``getopt``'s letters, as IPython's own ``parse_options`` is given them: ``%prun -l 5 -s cumulative stmt``).
RUN_MAGIC_OPTIONS = {"time": "", "prun": "D:l:rs:T:q"}


def magic_statement(name: str, line: str) -> str:
    """The statement ``%name line`` runs, its options taken off as IPython takes them (fairness round 35: ``%prun -l
    5 conv2d(x, k)`` ran ``-l 5 conv2d(x, k)`` as code); the line itself when its options do not parse."""
    import getopt

    from IPython.utils.process import arg_split

    options = RUN_MAGIC_OPTIONS.get(name, "")
    if not options or not line.lstrip().startswith("-"):
        return line
    try:
        _, rest = getopt.getopt(arg_split(line, posix=False), options)
    except getopt.GetoptError:
        return line
    return " ".join(rest)
