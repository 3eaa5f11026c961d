"""IPython's line magics whose statement a notebook's cell runs: one reading of them for the judge's reader
(grader.questions.static) and the worker's shell (grader.worker.serve), so both see the same statement."""

from __future__ import annotations


#: The line magics whose statement Jupyter runs in the user's namespace, and the options each takes before it
#: (``getopt``'s letters, as IPython's own ``parse_options`` is given them: ``%prun -l 5 -s cumulative stmt``).
RUN_MAGIC_OPTIONS = {"time": "", "prun": "D:l:rs:T:q"}


def magic_statement(name: str, line: str) -> str:
    """The statement ``%name line`` runs, its options taken off as IPython takes them (fairness round 35: ``%prun -l
    5 conv2d(x, k)`` ran ``-l 5 conv2d(x, k)`` as code); the line itself when its options do not parse."""
    import getopt
    import shlex

    options = RUN_MAGIC_OPTIONS.get(name, "")
    if not options or not line.lstrip().startswith("-"):
        return line
    try:  # IPython splits the line as shlex does without POSIX rules, then hands getopt the words
        _, rest = getopt.getopt(shlex.split(line, posix=False), options)
    except (getopt.GetoptError, ValueError):
        return line
    return " ".join(rest)
