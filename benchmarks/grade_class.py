"""Benchmark: grade a class of 200 submissions with cnn-grader, and a sample with `otter run`.

    .venv/bin/python benchmarks/grade_class.py [--count 200] [--jobs 2] [--runs 3] [--seed 1] [--otter-sample 5]

The grader is this checkout's (``python -m grader.cli`` with ``PYTHONPATH`` here, not the
installed ``cnn-grader``, which may be another tree's), so a worktree measures its own code.

The class mixes correct notebooks and scripts, one-mistake submissions (the
test corpus), crashing ones (an exception, os._exit, a segfault) and hanging
ones (a cell that loops forever, a function that never returns).  It grades
the class ``--runs`` times and prints the time per submission (mean, min and
max over the runs), the CPU time of the whole process tree (user + system:
the judge, the fork server and every worker, which matters more than wall
time on a shared machine), the throughput, the peak memory of any one
process, and the ratio to `otter run` (which grades one submission per
Jupyter kernel), run on a sample of the same class in the same run.
Run by hand; the figures go in the README.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MISTAKES = ROOT / "tests" / "corpus" / "mistakes"

CRASHES = {
    "raises": "raise RuntimeError('a bug at top level')\n",
    "exits": "import os\nos._exit(3)\n",
    # SIGSEGV without ctypes: ctypes anywhere would cost the by-hand and model questions too.
    "segfault": "import os\nos.kill(os.getpid(), 11)\n",
}
HANGS = {
    "loop_cell": "while True:\n    pass\n",
    "loop_function": "def conv2d(image, kernel, stride=1, padding=0):\n    while True:\n        pass\n",
}


def notebook(cells: list[str]) -> str:
    return json.dumps({
        "cells": [{"cell_type": "code", "source": c, "metadata": {}, "outputs": [], "execution_count": None}
                  for c in cells],
        "metadata": {"otter": {"assignment_name": "lecture06"}, "kernelspec": {"name": "python3",
                                                                             "display_name": "Python 3",
                                                                             "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5})


def build_class(dest: Path, count: int) -> dict[str, float | None]:
    """Write ``count`` submissions into ``dest``; returns the expected total of each (None: not fixed)."""
    sys.path.insert(0, str(ROOT))
    from grader.questions import bank

    cells = [q.solution for q in bank.QUESTIONS]
    mistakes = sorted(p for p in MISTAKES.iterdir() if p.suffix in (".py", ".ipynb"))
    expected_short = json.loads((MISTAKES / "expected.json").read_text())
    full = bank.total_points()
    plan: dict[str, float | None] = {}
    n_bad = max(1, count * 4 // 100)
    n_hang = max(1, count * 2 // 100)
    n_mistake = count * 35 // 100
    n_ok = count - n_bad - n_hang - n_mistake
    for i in range(n_ok):
        body = [f"# student {i}\n" + cells[0], *cells[1:]]
        name = f"ok_{i:03d}" + (".ipynb" if i % 2 else ".py")
        (dest / name).write_text(notebook(body) if i % 2 else "\n\n".join(body))
        plan[name] = full
    for i in range(n_mistake):
        src = mistakes[i % len(mistakes)]
        name = f"mistake_{i:03d}_{src.name}"
        shutil.copyfile(src, dest / name)
        plan[name] = full if not expected_short[src.name]["short"] else None
    kinds = list(CRASHES.items())
    for i in range(n_bad):
        kind, code = kinds[i % len(kinds)]
        name = f"crash_{i:03d}_{kind}.ipynb"
        (dest / name).write_text(notebook(cells[:5] + [code] + cells[5:]))
        plan[name] = full
    kinds = list(HANGS.items())
    for i in range(n_hang):
        kind, code = kinds[i % len(kinds)]
        name = f"hang_{i:03d}_{kind}.ipynb"
        at = 5 if kind == "loop_cell" else 6  # a looping cell before q6; a hanging conv2d after it
        (dest / name).write_text(notebook(cells[:at] + [code] + cells[at:]))
        plan[name] = full if kind == "loop_cell" else full - 2  # q6's two hidden conv2d checks fail
    return plan


class PeakMemory(threading.Thread):
    """Samples the RSS of a process tree: the largest single process and the largest sum."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.single, self.total, self.stop = pid, 0, 0, threading.Event()

    def run(self):
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            rss = []
            for p in procs:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            if rss:
                self.single, self.total = max(self.single, max(rss)), max(self.total, sum(rss))
            self.stop.wait(0.05)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str]) -> tuple[float, float, PeakMemory, subprocess.CompletedProcess]:
    """Run ``cmd``: its wall time, the user + system CPU of its whole process tree, its peak memory."""
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    sampler = PeakMemory(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    return elapsed, _children_cpu() - cpu, sampler, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def spread(values: list[float], scale: float = 1.0, fmt: str = ".2f") -> str:
    """``mean (min .. max, N runs)``."""
    if not values:
        return "nan"
    v = [x * scale for x in values]
    return (f"{statistics.mean(v):{fmt}}" if len(v) == 1 else
            f"{statistics.mean(v):{fmt}} (min {min(v):{fmt}}, max {max(v):{fmt}}, {len(v)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--otter-sample", type=int, default=5)
    parser.add_argument("--runs", type=int, default=1, help="grade the class this many times")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the class and the results")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cnn-grader-bench-"))
    subs = work / "class"
    subs.mkdir()
    plan = build_class(subs, args.count)
    limits = ["--timeout", "20", "--cell-timeout", "1", "--probe-timeout", "1"]
    walls, cpus, memory, wrong, statuses = [], [], None, [], {}
    for run_index in range(args.runs):
        out_dir = work / f"out-{run_index}"
        elapsed, cpu, memory, proc = timed([sys.executable, "-m", "grader.cli", "grade", str(subs), "--out", str(out_dir),
                                            "--jobs", str(args.jobs), "--seed", str(args.seed), *limits])
        if proc.returncode != 0:
            sys.exit(f"cnn-grader failed:\n{proc.stderr[-3000:]}")
        rows = list(csv.DictReader((out_dir / "grades.csv").open()))
        wrong += [(r["submission"], r["total"], plan[r["submission"]]) for r in rows
                  if plan[r["submission"]] is not None and abs(float(r["total"]) - plan[r["submission"]]) > 1e-6]
        statuses = {}
        for r in rows:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        walls.append(elapsed)
        cpus.append(cpu)
    per_sub = statistics.mean(walls) / len(rows)

    otter_times = []
    sample = sorted(p for p in subs.glob("ok_*.ipynb"))[: args.otter_sample]
    for i, path in enumerate(sample):
        out = work / f"otter-{i}"
        out.mkdir()
        t, _, otter_memory, run = timed([str(BIN / "otter"), "run", "-a", str(ROOT / "autograder.zip"), "-o",
                                         str(out), str(path)])
        if run.returncode != 0:
            sys.exit(f"otter run failed:\n{run.stderr[-3000:]}")
        otter_times.append(t)
    otter_per_sub = statistics.mean(otter_times) if otter_times else float("nan")

    print(f"class: {len(rows)} submissions ({', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))})")
    print(f"cnn-grader grade --jobs {args.jobs} --seed {args.seed} {' '.join(limits)}")
    print(f"  wall time          {spread(walls)} s")
    print(f"  per submission     {spread(walls, 1000 / len(rows), '.0f')} ms")
    print(f"  CPU, user + system {spread(cpus)} s (every process: judge, fork server, workers)")
    print(f"  CPU per submission {spread(cpus, 1000 / len(rows), '.0f')} ms")
    print(f"  throughput         {len(rows) / statistics.mean(walls):.1f} submissions/s")
    print(f"  peak RSS, one process  {memory.single / 2**20:.0f} MiB (all processes together {memory.total / 2**20:.0f} MiB)")
    print(f"  rows with an unexpected total: {len(wrong)} {wrong[:5]}")
    print(f"otter run, {len(otter_times)} correct notebooks one at a time")
    print(f"  per submission     {spread(otter_times)} s")
    print(f"ratio: cnn-grader is {otter_per_sub / per_sub:.0f}x less time per submission than otter run")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if wrong:
        sys.exit(1)


if __name__ == "__main__":
    main()
