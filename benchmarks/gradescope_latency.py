"""Benchmark: what one student waits for on Gradescope, on one CPU, and where that time goes.

    .venv/bin/python benchmarks/gradescope_latency.py [--runs 5] [--otter-runs 3] [--cpu 0]

Gradescope starts a fresh container with about half a CPU for every submission,
so what a student waits for is mostly start-up.  This runs, pinned to one CPU
with ``taskset``:

* the zip's own ``run_autograder`` on the solutions notebook, without namespaces
  (as on Gradescope), ``--runs`` times, against an ``/autograder``-style folder;
* ``python -c "import torch"`` alone: the floor every torch-based grader pays;
* the same grading with its start-up split into pieces (the judge's imports,
  the fork server's warm-up, grading the submission, writing results.json);
* ``otter run`` on the same notebook, ``--otter-runs`` times.

It prints the mean, the spread (min to max) and the ratio to ``otter run``.
Run by hand; the figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grader.packaging.bytecode import compile_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

#: Run inside the pinned child: the pieces of ``grader.judge.gradescope.run``, each timed on its own.
PIECES = r"""
import dataclasses, json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from grader.judge import engine, gradescope         # what run_autograder's own process imports: no torch
from grader.outputs import results
t1 = time.perf_counter()
server = engine.ForkServerClient(isolate=False)
server.wait_ready()                                   # the fork server: torch, once, and the warm-up
t2 = time.perf_counter()
limits = gradescope.GRADESCOPE_LIMITS
payload = {"root": sys.argv[1], "seed": 1, "slot": 0, "feedback": "full", "limits": dataclasses.asdict(limits)}
doc = server.run_trusted("grader.judge.gradescope", "grade_in_trusted_child", payload, timeout=600)   # the judge's child
t3 = time.perf_counter()
results.atomic_write(Path(sys.argv[2]), json.dumps(doc).encode())
server.close()
t4 = time.perf_counter()
print(json.dumps({"entry imports (no torch)": t1 - t0, "fork server: torch and warm-up": t2 - t1,
                  "judge child: its imports and the grading": t3 - t2, "results.json and shutting down": t4 - t3,
                  "score": doc.get("score")}))
"""
#: The judge's own imports once torch is loaded: what the trusted child adds to the fork server's.
JUDGE_IMPORTS = ("import time, torch; t = time.perf_counter(); "
                 "import grader.judge.grading, grader.outputs.gradescope_json, grader.lateness, grader.packaging.otter_zip; "
                 "print(time.perf_counter() - t)")


class PeakPss(threading.Thread):
    """The largest sum of PSS over a process tree (shared pages counted once: Gradescope's 768 MB limit)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            total = 0
            for p in procs:
                try:
                    total += p.memory_full_info().pss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.stop.wait(0.02)


def pinned(cpu: int, cmd: list[str], *, memory: list | None = None, **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    """Run ``cmd`` on one CPU; with ``memory``, append the peak PSS of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(["taskset", "-c", str(cpu), *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)
    sampler = PeakPss(proc.pid)
    if memory is not None:
        sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if memory is not None:
        sampler.stop.set()
        sampler.join()
        memory.append(sampler.peak)
    return elapsed, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def autograder_folder(work: Path, notebook: Path, zip_path: Path = ROOT / "autograder.zip",
                      setup_compiles: bool = True) -> Path:
    """A fresh container's ``/autograder``: ``zip_path`` unpacked, ``notebook`` submitted, and (``setup_compiles``)
    the grader's bytecode, as the zip's setup.sh makes it once when Gradescope builds the image."""
    root = work / "autograder"
    shutil.rmtree(root, ignore_errors=True)
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(root / "source")
    if setup_compiles:
        subprocess.run(compile_command(sys.executable, str(root / "source" / "files")), check=True)
    (root / "submission").mkdir()
    shutil.copyfile(notebook, root / "submission" / notebook.name)
    (root / "submission_metadata.json").write_text("{}")
    return root


def gradescope_env(root: Path) -> dict[str, str]:
    """The environment run_autograder gets here: ``root`` as /autograder, this Python, no namespaces (Gradescope)."""
    return {"AUTOGRADER_ROOT": str(root), "CNN_GRADER_PYTHON": sys.executable, "CNN_GRADER_NAMESPACES": "0",
            "PATH": f"{BIN}:/usr/bin:/bin"}


def spread(times: list[float]) -> str:
    if not times:
        return "not run"
    return f"{statistics.mean(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--otter-runs", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=0, help="the CPU every run is pinned to")
    args = parser.parse_args()
    if shutil.which("taskset") is None:
        sys.exit("taskset (util-linux) is needed to pin runs to one CPU")
    notebook = ROOT / "solutions" / "lecture06.ipynb"
    work = Path(tempfile.mkdtemp(prefix="cnn-grader-latency-"))
    try:
        ours, scores, peaks = [], set(), []
        for _ in range(args.runs):
            root = autograder_folder(work, notebook)
            env = gradescope_env(root)
            # From /autograder, as Gradescope runs it (python -m looks in the working directory first).
            t, proc = pinned(args.cpu, ["bash", str(root / "source" / "run_autograder")], env=env, cwd=root)
            if proc.returncode != 0:
                sys.exit(f"run_autograder failed:\n{proc.stderr[-3000:]}")
            ours.append(t)
            scores.add(json.loads((root / "results" / "results.json").read_text()).get("score"))

        # Memory on a run of its own: sampling PSS reads every process's smaps, which would slow a timed run.
        root = autograder_folder(work, notebook)
        env = gradescope_env(root)
        pinned(args.cpu, ["bash", str(root / "source" / "run_autograder")], env=env, memory=peaks, cwd=root)

        torch_alone = [pinned(args.cpu, [sys.executable, "-c", "import torch"])[0] for _ in range(args.runs)]

        # The pieces and the judge's imports run the zip's grader with the bytecode its setup compiled, as
        # run_autograder does: the repository's own may be stale (PYTHONDONTWRITEBYTECODE, a fresh clone), and
        # compiling static.py alone takes 0.2 s.
        pieces: dict[str, list[float]] = {}
        for _ in range(args.runs):
            root = autograder_folder(work, notebook)
            _, proc = pinned(args.cpu, [sys.executable, "-c", PIECES, str(root), str(work / "results.json")],
                             cwd=root / "source" / "files")
            if proc.returncode != 0:
                sys.exit(f"the timed pieces failed:\n{proc.stderr[-3000:]}")
            for name, value in json.loads(proc.stdout.strip().splitlines()[-1]).items():
                if name != "score":
                    pieces.setdefault(name, []).append(value)

        judge_imports = []
        root = autograder_folder(work, notebook)
        for _ in range(args.runs):
            _, proc = pinned(args.cpu, [sys.executable, "-c", JUDGE_IMPORTS], cwd=root / "source" / "files")
            judge_imports.append(float(proc.stdout.strip().splitlines()[-1]))

        otter = []
        for i in range(args.otter_runs):
            out = work / f"otter-{i}"
            out.mkdir()
            t, proc = pinned(args.cpu, [str(BIN / "otter"), "run", "-a", str(ROOT / "autograder.zip"), "-o", str(out),
                                        str(notebook)])
            if proc.returncode != 0:
                sys.exit(f"otter run failed:\n{proc.stderr[-3000:]}")
            otter.append(t)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"one submission (solutions notebook), pinned to CPU {args.cpu}; scores seen: {sorted(scores)}")
    print(f"  run_autograder, no namespaces   {spread(ours)}")
    print(f"  peak memory, all its processes  {max(peaks) / 2**20:.0f} MiB PSS (Gradescope's default limit: 768 MB)")
    print(f"  import torch alone              {spread(torch_alone)}")
    print("  where run_autograder's time goes (mean of the timed pieces):")
    for name, values in pieces.items():
        print(f"    {name:32s} {statistics.mean(values):.2f} s")
    print(f"    (of which the judge's imports, torch loaded:  {statistics.mean(judge_imports):.2f} s)")
    print(f"  otter run                       {spread(otter)}")
    if ours and otter:
        print(f"ratio: run_autograder takes {statistics.mean(otter) / statistics.mean(ours):.1f}x less time "
              "than otter run")


if __name__ == "__main__":
    main()
