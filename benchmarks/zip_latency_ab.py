"""Benchmark: two autograder zips back to back, as Gradescope runs them, on one CPU.

    .venv/bin/python benchmarks/zip_latency_ab.py OLD.zip NEW.zip [--runs 6] [--cpu 0] [--setup-compiles old,new]

Each run unpacks a zip into a fresh ``/autograder``-style folder (a fresh container's), runs the setup step that
its ``setup.sh`` would have run when Gradescope built the image (the grader's bytecode, for a zip whose setup.sh
compiles it: ``--setup-compiles``), then its ``run_autograder`` on the solutions notebook pinned to one CPU, without
namespaces; the two zips alternate, and ``import torch`` alone is timed after each pair.  Prints each one's mean,
median and spread.  Run by hand; the figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gradescope_latency import ROOT, autograder_folder, gradescope_env  # this folder is on sys.path when run as a script


def run(root: Path, cpu: int) -> tuple[float, float]:
    start = time.perf_counter()
    subprocess.run(["taskset", "-c", str(cpu), "bash", str(root / "source" / "run_autograder")],
                   env=gradescope_env(root), cwd=root,
                   check=True, capture_output=True)
    return time.perf_counter() - start, json.loads((root / "results" / "results.json").read_text())["score"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--cpu", type=int, default=0)
    parser.add_argument("--setup-compiles", default="new", help="which zips' setup.sh compile the grader: old,new")
    args = parser.parse_args()
    compiles = set(args.setup_compiles.split(","))
    times: dict[str, list[float]] = {"old": [], "new": [], "import torch": []}
    with tempfile.TemporaryDirectory(prefix="cnn-grader-ab-") as tmp:
        for _ in range(args.runs):
            for name, path in (("old", args.old), ("new", args.new)):
                root = autograder_folder(Path(tmp), ROOT / "solutions" / "lecture06.ipynb", path, name in compiles)
                elapsed, score = run(root, args.cpu)
                times[name].append(elapsed)
                if score != 26.0:
                    sys.exit(f"{name}: the solutions scored {score}")
            start = time.perf_counter()
            subprocess.run(["taskset", "-c", str(args.cpu), sys.executable, "-c", "import torch"], check=True)
            times["import torch"].append(time.perf_counter() - start)
    for name, values in times.items():
        print(f"{name:13s} mean {statistics.mean(values):.2f} s, median {statistics.median(values):.2f} "
              f"(min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")


if __name__ == "__main__":
    main()
