"""Hostile and malformed submissions: each gets one honest row, and nothing escapes.

The whole corpus (tests/corpus/hostile, with its expectations in expected.json)
is graded through the command line, with namespaces and without them (as on
Gradescope, ``CNN_GRADER_NAMESPACES=0``), while a TCP listener waits on the
port the network cheats aim at.  Then every row is checked, and the host is
searched for files, connections and processes the submissions tried to leave.
(tests/test_gradescope.py grades a sample of the same cases through the zip's
``run_autograder``, whose workers are these.)
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from types import SimpleNamespace

import pytest

from grader.questions import bank
from tests.conftest import (HOSTILE, HOSTILE_EXPECTED, ROOT, WORLD_WRITABLE, hostile_case, hostile_zero, needs_root,
                            processes_with)

pytestmark = [pytest.mark.sandbox, needs_root]

EXPECTED = HOSTILE_EXPECTED
PORT = 47123


class Listener(threading.Thread):
    """Accepts and records every connection to 127.0.0.1:PORT."""

    def __init__(self):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", PORT))
        self.sock.listen(16)
        self.connections: list = []

    def run(self):
        while True:
            try:
                conn, addr = self.sock.accept()
            except OSError:
                return
            self.connections.append(addr)
            conn.close()

    def stop(self):
        # shutdown wakes the accept() in progress (close alone leaves the port listening until it returns), so that
        # the next run can listen on it again
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.join(timeout=10)


@pytest.fixture(scope="module", params=[True, False], ids=["namespaces", "no-namespaces"])
def graded(request, tmp_path_factory):
    namespaces = request.param
    work = tmp_path_factory.mktemp("hostile")
    corpus = work / "corpus"
    shutil.copytree(HOSTILE, corpus, ignore=shutil.ignore_patterns("expected.json"))
    for case in corpus.glob("*.py"):
        case.write_bytes(hostile_case(case.name))
    listener = Listener()
    listener.start()
    out = work / "out"
    # A subprocess: the submissions attack the judge's process (kill_parent, self_signals), whose survival is
    # tested, and that must not be pytest.
    proc = subprocess.run(
        [sys.executable, "-m", "grader.cli", "grade", str(corpus), "--out", str(out), "--jobs", "2",
         "--timeout", "30", "--cell-timeout", "2", "--probe-timeout", "2", "--memory-mb", "512"],
        capture_output=True, text=True, timeout=900, env=dict(os.environ, CNN_GRADER_NAMESPACES=str(int(namespaces))))
    listener.stop()
    rows = {r["submission"]: r for r in json.loads((out / "grades.json").read_text())["results"]} \
        if (out / "grades.json").exists() else {}
    present = {name: [p for p in e.get("paths_absent", []) if os.path.lexists(p)] for name, e in EXPECTED.items()}
    if not namespaces:  # leave no stray file for the tests that follow
        for path in (p for paths in present.values() for p in paths):
            if path.startswith(WORLD_WRITABLE) and os.path.isfile(path):
                os.unlink(path)
    return SimpleNamespace(proc=proc, rows=rows, connections=listener.connections, out=out, namespaces=namespaces,
                           present=present)


def test_the_batch_finishes_and_the_grader_survives(graded):
    assert graded.proc.returncode == 0, graded.proc.stderr[-2000:]
    assert "Traceback" not in graded.proc.stderr
    assert (graded.out / "grades.csv").exists()


def test_every_submission_gets_exactly_one_row(graded):
    assert set(graded.rows) == set(EXPECTED)
    csv_rows = (graded.out / "grades.csv").read_text().splitlines()[1:]
    assert len(csv_rows) == len(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_gets_an_honest_status_and_only_its_honest_points(graded, name):
    expected, row = EXPECTED[name], graded.rows[name]
    assert row["status"] in expected["status"], (row["status"], row["error"], row["events"])
    wrong = {q: (row["scores"][q], row["max_scores"][q]) for q in expected["full"]
             if row["scores"][q] != row["max_scores"][q]}
    feedback = [f"{c['id']}: {c['outcome']}: {c['feedback'][:160]}" for c in row["checks"]
                if c["points"] < c["max_points"] and c["question"] in wrong]
    assert not wrong, (wrong, feedback, row["events"])
    zero = hostile_zero(name, graded.namespaces)
    assert {q: row["scores"][q] for q in zero} == {q: 0 for q in zero}
    for q, score in expected.get("scores", {}).items():
        assert row["scores"][q] == score
    assert not [c for c in row["checks"] if c["outcome"] == "grader-error"]


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("paths_absent")))
def test_nothing_is_written_outside_the_scratch_folder(graded, name):
    assert graded.present[name] == []


def test_no_connection_leaves_a_worker(graded):
    assert graded.connections == []


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("marker_process")))
def test_no_process_a_submission_started_outlives_grading(graded, name):
    assert processes_with(EXPECTED[name]["marker_process"]) == []


def test_a_notebook_with_60_mb_of_saved_output_is_graded_in_full(tmp_path, grade_text):
    nb = json.loads((ROOT / "solutions" / "lecture06.ipynb").read_text())
    line = "epoch 000000 loss 0.123456 " + "#" * 70 + "\n"
    output = {"output_type": "stream", "name": "stdout", "text": [line] * (60 * 2**20 // len(line))}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [output]
            break
    text = json.dumps(nb)
    assert len(text) > 60 * 2**20
    result = grade_text(text, "big_output.ipynb")
    assert result.status == "ok" and result.total == bank.total_points()
