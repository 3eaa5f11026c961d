# Without namespaces (CNN_GRADER_NAMESPACES=0) on a host where the grader is a checkout or a
# world-readable install: the worker reads the grader's own reference solutions (its `grader` package,
# already imported, says where they are) and runs them in its namespace: every question answered, nothing
# written by the student.  exec is reached as an attribute of the builtins module, itself reached as
# print.__self__ through an aliased getattr: no name either static rule reads.
import os
import sys

look = getattr
_run = look(look(print, "__" + "self__"), "ex" + "ec")
_questions = os.path.join(look(look(sys, "mod" + "ules")["grader"], "__" + "path__")[0], "questions")
for _folder in sorted(os.listdir(_questions)):
    _path = os.path.join(_questions, _folder, "solution.py")
    if os.path.exists(_path):
        with open(_path) as _f:
            _run(_f.read())
