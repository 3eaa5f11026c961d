"""Code that may run inside the judged process, or be handed to students.

Everything in this package is safe to show: it holds no reference solution,
no hidden input and no expected value.  It is what a sandboxed worker imports
before it runs a submission, and ``cnn-grader build`` copies the part that
public checks need next to the student notebook.

Rule: modules here import only the standard library, torch, numpy, and each other
(relatively), never another part of :mod:`grader`.  A test enforces it.
"""
