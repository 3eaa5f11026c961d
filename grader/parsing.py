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
