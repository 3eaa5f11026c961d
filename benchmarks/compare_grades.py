"""Grade one corpus with two trees of cnn-grader and compare the grades row by row.

    .venv/bin/python benchmarks/compare_grades.py TREE_A TREE_B CORPUS [CORPUS...] [--jobs 2] [--seed 1]
                                                  [--work DIR] [--reuse]

Each tree's code grades each corpus (``cnn-grader grade`` run with ``PYTHONPATH`` at the tree, from inside
it, so a worktree's own worker code runs), with the same seed and limits.  Then every row of the two
``grades.json`` is compared: status, each question's score, the total, and each check's outcome (passed,
points, the mistake it names, its feedback in both parts); timings, CPU seconds and events are left aside.
Exit 1 when any row differs (each difference is printed), 0 when the grades are identical.

``--reuse`` keeps a tree's results from an earlier run in ``--work`` (by tree and corpus) instead of grading
again: to compare a changed tree with the same baseline several times.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

#: The limits of benchmarks/grade_class.py, so that a hanging submission costs the same here.
LIMITS = ["--timeout", "20", "--cell-timeout", "1", "--probe-timeout", "1"]


def grade(tree: Path, corpus: Path, out: Path, *, jobs: int, seed: int, reuse: bool) -> tuple[dict, float | None]:
    """The grades.json of ``corpus`` graded by ``tree``'s code, and the CPU seconds it took (None: reused)."""
    if reuse and (out / "grades.json").is_file():
        return json.loads((out / "grades.json").read_text()), None
    out.parent.mkdir(parents=True, exist_ok=True)
    # The seed alone decides the hidden inputs: a tree from before seed keys derives them so, and this one must too
    # for the same seed to draw the same inputs in both (it ignores the variable otherwise).
    env = dict(os.environ, PYTHONPATH=str(tree), CNN_GRADER_SEED_KEY="none")
    before = os.times()
    run = subprocess.run([sys.executable, "-m", "grader.cli", "grade", str(corpus), "--out", str(out), "--overwrite",
                          "--jobs", str(jobs), "--seed", str(seed), *LIMITS],
                         cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = os.times()
    if not (out / "grades.json").is_file():
        sys.exit(f"{tree} could not grade {corpus} (exit {run.returncode}):\n{run.stderr[-2000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return json.loads((out / "grades.json").read_text()), cpu


def row_key(row: dict) -> tuple:
    return row.get("file") or row.get("submission"), row.get("student")


def outcome(row: dict) -> dict:
    """What a row's grade is made of, timings aside."""
    return {
        "status": row.get("status"),
        "scores": row.get("scores"),
        "total": row.get("total"),
        "checks": [{k: c.get(k) for k in ("id", "outcome", "points", "max_points", "feedback", "reveal")}
                   | {"mistake": (c.get("details") or {}).get("mistake")}
                   for c in row.get("checks", [])],
    }


def differences(a: dict, b: dict) -> list[str]:
    rows_a = {row_key(r): r for r in a["results"]}
    rows_b = {row_key(r): r for r in b["results"]}
    found = [f"only in A: {k}" for k in rows_a.keys() - rows_b.keys()]
    found += [f"only in B: {k}" for k in rows_b.keys() - rows_a.keys()]
    for key in sorted(rows_a.keys() & rows_b.keys(), key=str):
        x, y = outcome(rows_a[key]), outcome(rows_b[key])
        if x == y:
            continue
        what = []
        if x["status"] != y["status"]:
            what.append(f"status {x['status']} -> {y['status']}")
        if x["total"] != y["total"]:
            what.append(f"total {x['total']} -> {y['total']}")
        checks_y = {c["id"]: c for c in y["checks"]}
        for c in x["checks"]:
            d = checks_y.get(c["id"])
            if d != c:
                changed = [k for k in c if d is None or c[k] != d.get(k)]
                what.append(f"{c['id']}: " + ", ".join(f"{k} {str(c[k])[:80]!r} -> {str((d or {}).get(k))[:80]!r}"
                                                     for k in changed))
        found.append(f"{key[0]}: " + "; ".join(what or ["checks differ"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree_a", type=Path)
    parser.add_argument("tree_b", type=Path)
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cnn-grader-compare"))
    parser.add_argument("--reuse", action="store_true", help="reuse a tree's earlier results of a corpus")
    args = parser.parse_args()
    failed = False
    for corpus in args.corpora:
        corpus = corpus.resolve()
        graded = []
        for label, tree in (("A", args.tree_a.resolve()), ("B", args.tree_b.resolve())):
            out = args.work / f"{str(tree).strip('/').replace('/', '_')}__{str(corpus).strip('/').replace('/', '_')}"
            start = time.perf_counter()
            grades, cpu = grade(tree, corpus, out, jobs=args.jobs, seed=args.seed, reuse=args.reuse)
            took = "reused" if cpu is None else f"{time.perf_counter() - start:.1f} s wall, {cpu:.1f} s CPU"
            print(f"{corpus.name}: {label} = {tree} ({len(grades['results'])} rows, {took})")
            graded.append(grades)
        found = differences(*graded)
        if found:
            failed = True
            print(f"{corpus.name}: {len(found)} row(s) differ")
            for line in found:
                print("  " + line)
        else:
            print(f"{corpus.name}: identical grades on all {len(graded[0]['results'])} rows")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
