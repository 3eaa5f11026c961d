"""Grade a whole class: many submissions, in parallel workers, resumable.

The policy for failure: a submission that breaks, hangs, or attacks the
grader becomes a row with its status and the points its honest answers earn,
and the batch goes on.  Only a failure of the grader itself (the fork server
will not start, the output folder cannot be written) stops the run.
"""

from __future__ import annotations

import hashlib
import platform
import queue
import secrets
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .engine import ForkServer, Limits
from .errors import ResultsError, UsageError
from .records import SubmissionResult
from .report import REPORT, write_reports
from .results import GRADES_CSV, Journal, score_table, write_grades
from .submission import Source, collect

#: Above this many rows the summary does not print the whole table.
TABLE_ROWS = 40


def checks_fingerprint() -> str:
    """A hash of the code that decides points: the bank and the judged-side code it talks to."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*root.glob("bank/*.py"), *root.glob("judged/*.py")]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class BatchSummary:
    results: list[SubmissionResult]
    graded: int
    resumed: int
    seconds: float
    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        totals = [r.total for r in self.results]
        lines = []
        if len(self.results) <= TABLE_ROWS:
            lines += [score_table(self.results), ""]
        rate = self.graded / self.seconds if self.seconds > 0 else 0.0
        lines.append(f"graded {self.graded} submission(s) in {self.seconds:.1f} s ({rate:.1f}/s)"
                     + (f", kept {self.resumed} from the earlier run" if self.resumed else ""))
        lines.append("status: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())))
        if totals:
            max_total = self.results[0].max_total
            lines.append(f"total: mean {statistics.mean(totals):.2f}, median {statistics.median(totals):g} "
                         f"of {max_total:g}; full marks: {sum(t == max_total for t in totals)}")
        lines.append(f"written: {self.out_dir / GRADES_CSV}, grades.json, {REPORT} and feedback/")
        if len(self.results) > TABLE_ROWS:
            lines.append(f"the full table: cnn-grader show {self.out_dir}")
        return "\n".join(lines)


def _hash_file(source: Source) -> str | None:
    try:
        return hashlib.sha256(source.read()).hexdigest()
    except Exception:  # unreadable now: it will be graded (as invalid) again
        return None


def grade_batch(paths: list[Path], out_dir: Path, *, jobs: int = 2, resume: bool = False, seed: int | None = None,
                questions: list[str] | None = None, limits: Limits = Limits(), progress=None,
                isolate: bool | None = None) -> BatchSummary:
    """Grade every submission under ``paths`` into ``out_dir``; see the module docstring.

    ``questions``: the ids of the questions to grade (default: all).
    """
    started = time.monotonic()
    sources = collect(paths)
    labels = [s.label for s in sources]
    if len(set(labels)) != len(labels):
        raise UsageError("the same submission was given twice")
    # The fork server imports torch in its own process while this one does the same.
    server = ForkServer(isolate=isolate)
    try:
        return _grade_sources(sources, server, out_dir, jobs=jobs, resume=resume, seed=seed, questions=questions,
                              limits=limits, progress=progress, started=started)
    finally:
        server.close()


def _grade_sources(sources, server, out_dir, *, jobs, resume, seed, questions, limits, progress, started):
    from . import bank  # imports torch: after the fork server started doing the same
    from .grading import warm_up

    checks = [c for c in bank.CHECKS.values() if not questions or c.question in questions]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResultsError(f"cannot create {out_dir}: {exc.strerror}") from None
    journal = Journal(out_dir)
    fingerprint = checks_fingerprint()
    check_ids = [c.id for c in checks]
    kept: dict[str, SubmissionResult] = {}
    if resume:
        header, previous = journal.read()
        if header is not None:
            if seed is not None and seed != header.get("seed"):
                raise UsageError(f"--seed {seed} differs from the seed of the run being resumed ({header.get('seed')})")
            seed = header.get("seed")
            if header.get("checks_sha256") == fingerprint and header.get("checks") == check_ids:
                current = {s.label: s for s in sources}
                for r in previous:  # the latest result for each file that did not change
                    if r.source in current:
                        kept[r.source] = r
                kept = {label: r for label, r in kept.items() if r.sha256 is not None
                        and r.sha256 == _hash_file(current[label])}
    if seed is None:
        seed = secrets.randbits(32)
    header = {
        "seed": seed, "checks": check_ids, "checks_sha256": fingerprint, "limits": limits.as_dict(),
        "questions": {q.id: q.title for q in bank.QUESTIONS if any(c.question == q.id for c in checks)},
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": {"cnn-grader": __version__, "python": platform.python_version()},
    }
    try:
        journal.start(header, list(kept.values()))
    except OSError as exc:
        raise ResultsError(f"cannot write to {out_dir}: {exc.strerror}") from None
    todo = [s for s in sources if s.label not in kept]
    new: list[SubmissionResult] = []
    if progress:
        progress.start(len(todo), already=len(kept))
    try:
        if todo:
            warm_up(seed, checks)  # this seed's references, while the fork server warms up
            server.wait_ready()
            header["versions"].update(server.versions)
            _run(todo, server, jobs=jobs, seed=seed, limits=limits, checks=checks, journal=journal,
                 progress=progress, results=new)
    finally:
        journal.close()
        if progress:
            progress.finish()
        done = {**kept, **{r.source: r for r in new}}
        finished = [done[s.label] for s in sources if s.label in done]
        write_grades(out_dir, header, finished)
        write_reports(out_dir, header, finished, header["questions"])
    results = [done[s.label] for s in sources]
    counts = Counter(r.status for r in results)
    return BatchSummary(results=results, graded=len(new), resumed=len(kept), seconds=time.monotonic() - started,
                        out_dir=out_dir, counts=dict(counts))


def _run(todo: list[Source], server: ForkServer, *, jobs: int, seed: int, limits: Limits, checks: list,
         journal: Journal, progress, results: list[SubmissionResult]) -> None:
    """Grade ``todo`` on ``jobs`` slots, appending to ``results`` as each finishes.

    Appending as they come (not returning at the end) means an interrupted run
    still writes the rows it finished into grades.csv, not only into the journal.
    """
    from .grading import grade_source

    slots: queue.Queue[int] = queue.Queue()
    for slot in range(jobs):
        slots.put(slot)
    local = threading.local()

    def take_slot():
        local.slot = slots.get_nowait()

    def one(source: Source) -> SubmissionResult:
        return grade_source(source, server, seed=seed, limits=limits, slot=local.slot, checks=checks)

    with ThreadPoolExecutor(max_workers=jobs, initializer=take_slot, thread_name_prefix="grade") as pool:
        pending = {pool.submit(one, s) for s in todo}
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    result = future.result()
                    journal.append(result)
                    results.append(result)
                    if progress:
                        progress.update(result)
        except BaseException:
            for future in pending:
                future.cancel()
            raise

