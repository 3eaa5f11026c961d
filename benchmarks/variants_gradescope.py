"""Benchmark and check: each student's variant through a keyed zip's ``run_autograder``, as on Gradescope.

    .venv/bin/python benchmarks/variants_gradescope.py [--students 20] [--namespaces]

Draws a course key and a roster of ``--students`` students, writes their handouts and filled-in notebooks
(``cnn-grader variants --solutions``) and a keyed zip (``cnn-grader build --key --zip``), then runs the zip's
``run_autograder`` in an ``/autograder``-style folder for each student twice: with their own solution and
their email in ``submission_metadata.json`` (full marks expected), and with the next classmate's solution
(points lost expected).  Without ``--namespaces``, as on Gradescope.  Prints the counts and the time per
run; exits 1 if a student's own solution lost points or a classmate's did not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "grader.cli"]


def run_autograder(folder: Path, zip_path: Path, notebook: bytes, email: str, namespaces: bool) -> tuple[dict, float]:
    root = folder / "autograder"
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(root / "source")
    (root / "submission").mkdir()
    (root / "submission" / "lecture06.ipynb").write_bytes(notebook)
    (root / "submission_metadata.json").write_text(json.dumps({"users": [{"email": email, "name": "", "id": 1}]}))
    env = dict(os.environ, AUTOGRADER_ROOT=str(root), CNN_GRADER_PYTHON=sys.executable,
               CNN_GRADER_NAMESPACES="1" if namespaces else "0")
    started = time.monotonic()
    subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env, cwd=root, check=True,
                   capture_output=True, timeout=600)
    return json.loads((root / "results" / "results.json").read_text()), time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--namespaces", action="store_true", help="with namespaces (default: without, as on Gradescope)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="variants-gs-"))
    try:
        key, roster = work / "course.key", work / "roster.csv"
        roster.write_text("student,email\n" + "".join(f"s{i:03d},student{i}@example.edu\n"
                                                       for i in range(args.students)))
        subprocess.run([*CLI, "key", str(key)], cwd=ROOT, check=True, capture_output=True)
        started = time.monotonic()
        subprocess.run([*CLI, "variants", str(roster), "--key", str(key), "--out", str(work / "handout"),
                        "--solutions", str(work / "sol")], cwd=ROOT, check=True, capture_output=True)
        print(f"variants for {args.students} students: {time.monotonic() - started:.1f} s")
        zip_path = work / "keyed.zip"
        subprocess.run([*CLI, "build", "--key", str(key), "--zip", str(zip_path)], cwd=ROOT, check=True,
                       capture_output=True)
        own_full, classmate_lost, seconds, lost_points = 0, 0, [], []
        for i in range(args.students):
            email = f"student{i}@example.edu"
            mine = (work / "sol" / f"s{i:03d}.ipynb").read_bytes()
            theirs = (work / "sol" / f"s{(i + 1) % args.students:03d}.ipynb").read_bytes()
            doc, took = run_autograder(work / f"own{i}", zip_path, mine, email, args.namespaces)
            seconds.append(took)
            own_full += doc["score"] == 26
            if doc["score"] != 26:
                print(f"  s{i:03d}: own solution {doc['score']}/26")
            doc, took = run_autograder(work / f"theirs{i}", zip_path, theirs, email, args.namespaces)
            seconds.append(took)
            classmate_lost += doc["score"] < 26
            lost_points.append(26 - doc["score"])
        print(f"run_autograder ({'with' if args.namespaces else 'without'} namespaces), {len(seconds)} runs: "
              f"{statistics.mean(seconds):.2f} s each (min {min(seconds):.2f}, max {max(seconds):.2f})")
        print(f"own solution, full marks: {own_full}/{args.students}")
        print(f"a classmate's solution, points lost: {classmate_lost}/{args.students} "
              f"(at least {min(lost_points):g}, mean {statistics.mean(lost_points):.1f} of 26)")
        return 0 if own_full == classmate_lost == args.students else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
