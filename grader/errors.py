"""The grader's own exceptions.  The CLI turns each into one line and an exit code."""

from __future__ import annotations


class GraderError(Exception):
    """Base class: something the user can fix, explained in one line."""


class UsageError(GraderError):
    """The command was given paths or options that cannot work (exit code 2)."""


class InvalidSubmission(GraderError):
    """A file cannot be read as a submission (not a notebook or script, bad JSON, ...)."""


class InvalidMetadata(GraderError):
    """A Gradescope export's ``submission_metadata.yml`` is not read (too large, too many YAML nodes, aliases,
    not YAML...): its ``submission_<id>/`` folders are then named by their folders, and a warning says why."""


class BuildError(GraderError):
    """Generating the notebooks or the autograder zip failed."""


class SandboxError(GraderError):
    """The isolated workers could not be started: a failure of the grader, not of a submission."""


class ResultsError(GraderError):
    """An existing results folder cannot be read or resumed."""


class ExportError(GraderError):
    """A gradebook export (Canvas's CSV) cannot be read: not CSV, not UTF-8, no Student and ID columns..."""
