"""Shared fixtures: the reference solution as a submission, and one warm fork server per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from grader import bank
from grader.engine import ForkServer, Limits
from grader.grading import grade
from grader.submission import Source, load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "corpus"

#: Limits for tests: short enough that hanging submissions cost little.
FAST = Limits(timeout=30, probe_timeout=2, unit_timeout=3, memory_mb=768)

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="isolation layers need root (CI and Gradescope run as root)")


def solution_script() -> str:
    return "\n\n".join(q.solution for q in bank.QUESTIONS)


def starter_script() -> str:
    return "\n\n".join(q.starter for q in bank.QUESTIONS)


@pytest.fixture(scope="session")
def server():
    with ForkServer() as fs:
        yield fs


@pytest.fixture
def grade_text(server, tmp_path):
    """Grade a script given as text; returns the SubmissionResult."""
    def run(text: str, name: str = "submission.py", limits: Limits = FAST, seed: int = 7, checks=None):
        path = tmp_path / name
        path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
        return grade(load(Source(path)), server, seed=seed, limits=limits, checks=checks)
    return run


def by_question(result) -> dict[str, float]:
    return dict(result.scores)


def failing(result, question: str) -> list:
    return [c for c in result.checks if c.question == question and c.points < c.max_points]
