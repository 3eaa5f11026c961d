"""Grade a whole class: many submissions, in parallel workers, resumable.

The policy for failure: a submission that breaks, hangs, or attacks the
grader becomes a row with its status and the points its honest answers earn,
and the batch goes on.  Only a failure of the grader itself (the fork server
will not start, the output folder cannot be written) stops the run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import platform
import queue
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__, assignment
from ..checkapi.protocol import Key
from ..errors import ResultsError, SandboxError, UsageError
from ..feedback import DEFAULT as DEFAULT_FEEDBACK
from ..feedback import META_KEY, check_mode
from ..lateness import LatePolicy, LateRules
from ..outputs.canvas import IMPORT_CSV, IMPORT_SUMMARY, remove_imports
from ..outputs.report import FEEDBACK, LMS_CSV, REPORT, write_reports
from ..outputs.results import GRADES_CSV, GRADES_JSON, JOURNAL, Journal, load_results, write_grades
from ..records import EventKind, Status, SubmissionResult
from .copies import COPY_SECONDS, Answered, flag_copies, variant_params
from .engine import ForkServerClient, Limits, runtime_out_of_reach
from . import uid_claim
from .seed_key import SEED_KEY_RECORD, UNKEYED, fingerprint, hidden_seed
from .submission import Source, find_submissions

#: What a run writes into its output folder (and ``--overwrite`` removes), besides the feedback folder,
#: and what ``cnn-grader canvas`` writes there from the grades.
OUTPUTS = (JOURNAL, GRADES_JSON, GRADES_CSV, REPORT, LMS_CSV, IMPORT_CSV, IMPORT_SUMMARY)


def checks_fingerprint() -> str:
    """A hash of the code that decides points: the questions and the check API they talk through."""
    root = Path(__file__).parents[1]
    digest = hashlib.sha256()
    for path in sorted([*root.glob("questions/**/*.py"), *root.glob("checkapi/*.py")]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class BatchSummary:
    """What a run did (:func:`grader.outputs.text.batch_summary` puts it in words)."""

    results: list[SubmissionResult]
    graded: int
    resumed: int
    seconds: float
    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)
    kept_other: int = 0
    """Rows kept from the earlier run for files not given this time."""
    warnings: list[str] = field(default_factory=list)
    late_policy: LatePolicy | None = None


def _hash_file(source: Source) -> str | None:
    try:
        return hashlib.sha256(source.read()).hexdigest()
    except Exception:  # unreadable now: it will be graded (as invalid) again
        return None


def holds_results(out_dir: Path) -> bool:
    """True when ``out_dir`` holds what an earlier run wrote."""
    return any((out_dir / name).exists() for name in OUTPUTS) or (out_dir / FEEDBACK).is_dir()


def remove_results(out_dir: Path) -> None:
    """Remove what a run writes into ``out_dir`` (and nothing else that is there)."""
    try:
        for name in OUTPUTS:
            (out_dir / name).unlink(missing_ok=True)
        folder = out_dir / FEEDBACK
        if folder.is_dir():
            for page in folder.iterdir():
                if page.suffix in (".html", ".json") and page.is_file():
                    page.unlink()
            if not any(folder.iterdir()):
                folder.rmdir()
    except OSError as exc:
        raise ResultsError(f"cannot remove the earlier results in {out_dir}: {exc.strerror}") from None


def owner_rows(result: SubmissionResult, source: Source) -> list[SubmissionResult]:
    """One row per owner of ``source``: each member of a group submission gets the grade."""
    return [dataclasses.replace(result, student=owner.id, name=owner.name, id_kind=owner.kind)
            for owner in source.owners]


def _earlier_run(out_dir: Path) -> tuple[dict | None, list[SubmissionResult]]:
    """The header and rows of the run in ``out_dir``: its journal, else its grades.json."""
    header, previous = Journal(out_dir).read()
    if header is None and (out_dir / GRADES_JSON).exists():
        header, previous = load_results(out_dir)
    return header, previous


def _resumable(out_dir: Path, checks: list, seed: int | None,
               key: bytes | None) -> tuple[list[SubmissionResult], int | None, dict]:
    """The earlier run's rows, seed and header, if this run may add to them (same checks, same seed, same seed
    key: a run recorded without one was graded without one)."""
    header, previous = _earlier_run(out_dir)
    if header is None:
        return previous, seed, {}
    if seed is not None and seed != header.get("seed"):
        raise UsageError(f"--seed {seed} differs from the seed of the run being resumed ({header.get('seed')})")
    if header.get(SEED_KEY_RECORD) != fingerprint(key):
        then, now = (f"the seed key {p}" if p else "no seed key"
                     for p in (header.get(SEED_KEY_RECORD), fingerprint(key)))
        raise UsageError(f"{out_dir} was graded with {then}, and this run has {now}: its hidden inputs would differ. "
                         f"Resume with the key it was graded with (--seed-key FILE, or --seed-key {UNKEYED}), or "
                         "--overwrite to regrade")
    if header.get("checks") != [c.id for c in checks]:
        graded = sorted({str(c).split(".")[0] for c in header.get("checks") or []})
        raise UsageError(f"{out_dir} was graded with other questions ({', '.join(graded) or 'none'}): "
                         "resume with the same -q, or --overwrite to regrade")
    if header.get("checks_sha256") != checks_fingerprint():
        raise UsageError(f"the checks changed since {out_dir} was graded: --overwrite to regrade everything")
    return previous, header.get("seed"), header


def lateness_warnings(sources: list[Source], rules: LateRules) -> list[str]:
    """What the instructor should know about how lateness is judged in this run: times that no due date
    judges (a Gradescope export graded without ``--due``), and, with a due date, submissions whose time
    could not be read (their lateness is unknown: a late one would pass unnoticed)."""
    timed = sum(1 for s in sources if s.submitted_at)
    if timed and rules.due is None:
        return [f"{timed} submission(s) carry Gradescope's created_at, but no --due was given: lateness is not judged"]
    if rules.due is None:
        return []
    return list(dict.fromkeys(f"{s.time_problem}: lateness unknown" for s in sources if s.time_problem))


def late_rules(earlier: dict, *, due=None, late_due=None, late_policy: LatePolicy | None = None) -> LateRules:
    """The run's late rules: those given, else (for a resumed run) the earlier run's.

    Raises:
        UsageError: a late due date without a due date, or before it.
    """
    try:
        recorded = LateRules.from_record(earlier.get("lateness"))
    except (ValueError, KeyError):
        recorded = LateRules()  # an unreadable record: only what is given this time
    try:
        return recorded.overridden(due=due, late_due=late_due, policy=late_policy)
    except ValueError as exc:
        raise UsageError(f"--late-due: {exc}") from None


def grade_batch(paths: list[Path], out_dir: Path, *, jobs: int = 2, resume: bool = False, overwrite: bool = False,
                seed: int | None = None, questions: list[str] | None = None, limits: Limits = Limits(),
                due=None, late_due=None, late_policy: LatePolicy | None = None,
                feedback: str = DEFAULT_FEEDBACK, progress=None, isolate: bool | None = None,
                roster=None, seed_key: bytes | None = None) -> BatchSummary:
    """Grade every submission under ``paths`` into ``out_dir``; see the module docstring.

    ``questions``: the ids of the questions to grade (default: all).  An ``out_dir`` holding an
    earlier run's results is refused unless ``resume`` (keep every earlier row, grade what has no
    result for its content and seed) or ``overwrite`` (remove them and start again).
    ``feedback``: what the students' pages show (:mod:`grader.feedback`); grades.json keeps it all.
    ``roster`` (:class:`grader.variants.roster.ClassVariants`): grade each submission against its
    student's own numbers; without it, everyone's are the lecture's.
    ``seed_key`` (:func:`grader.judge.seed_key.resolve`): the secret the hidden inputs derive from with the seed
    (:func:`~grader.judge.seed_key.hidden_seed`); None: the seed alone, which a submission can guess when it
    was chosen.

    ``due``, ``late_due`` (aware datetimes) and ``late_policy``: how lateness is judged and
    penalised (:mod:`grader.lateness`); a resumed run keeps the earlier run's for those not given,
    and applies them to every row, kept ones too.

    Raises:
        UsageError: bad paths, or results in ``out_dir`` and neither ``resume`` nor ``overwrite``,
            or a resume that would mix different checks.
    """
    started = time.monotonic()
    check_mode(feedback)
    if resume and overwrite:
        raise UsageError("--resume keeps the earlier results and --overwrite removes them: give one of them")
    late_rules({}, due=due, late_due=late_due, late_policy=late_policy)  # refuse bad dates before any work
    found = find_submissions(paths)
    earlier = holds_results(out_dir) if out_dir.is_dir() else False
    if earlier and not (resume or overwrite):
        raise UsageError(f"{out_dir} holds the results of an earlier run: add --resume to keep them and grade only "
                         "what is new or changed, or --overwrite to replace them")
    # This run's slot uids, its own while it lasts: another run's fork server sweeps its uids (attack round 68).
    uids = uid_claim.claim(range(jobs))
    # The fork server imports torch in its own process while this one imports the bank.
    try:
        server = ForkServerClient(isolate=isolate, warm_training=len(found.sources) >= WARM_TRAINING_FROM,
                                  uid_base=uids.base)
    except BaseException:
        uid_claim.release(uids)
        raise
    try:
        import torch

        from ..questions import bank

        # The workers use the cores; this process's torch work is small (references, comparisons,
        # torch's own answer to a tiny convolution).  With a pool of threads per operation, each such
        # operation woke threads that spun on the cores the workers need (a 5x5 convolution cost
        # milliseconds of CPU); the Gradescope judge, forked from the fork server, has one thread too.
        torch.set_num_threads(1)
        checks = [c for c in bank.CHECKS.values() if not questions or c.question in questions]
        previous: list[SubmissionResult] = []
        header: dict = {}
        if resume and earlier:
            previous, seed, header = _resumable(out_dir, checks, seed, seed_key)
        rules = late_rules(header, due=due, late_due=late_due, late_policy=late_policy)
        summary = _grade_sources(found.sources, server, out_dir, jobs=jobs, previous=previous, overwrite=overwrite,
                                 seed=seed, checks=checks, limits=limits, rules=rules, feedback=feedback,
                                 progress=progress, started=started, roster=roster, found_warnings=found.warnings,
                                 seed_key=seed_key)
    finally:
        server.close()
        uid_claim.release(uids)
    summary.warnings = found.warnings + lateness_warnings(found.sources, rules) + summary.warnings
    if uids.note():
        summary.warnings.append(uids.note())
    unreachable = runtime_warning(summary.results)
    if unreachable:
        summary.warnings.append(unreachable)
    return summary


def runtime_warning(results: list[SubmissionResult]) -> str | None:
    """What to tell when workers imported from a runtime they could not reach, or None.

    A worker without a file system of its own reads the runtime in place; under Landlock it reaches the import
    folders through descriptors opened before its uid changed (:func:`grader.worker.sandbox.
    reach_imports_by_descriptor`), so a folder closed to other users on the way (a 0700 ``/root``) matters only
    where Landlock did not hold.
    """
    exposed = [r for r in results if r.isolation.get("filesystem") is False and not r.isolation.get("landlock")]
    blocked = runtime_out_of_reach() if exposed else None
    if blocked is None:
        return None
    failed = sum(any("No module named" in str(u.get(Key.ERROR) or "") for u in r.units) for r in exposed)
    return (f"the workers ran without a file system of their own or Landlock and cannot enter {blocked} (no search "
            "permission for other users), on the way to the Python runtime: an import of a module the grader had "
            f"not loaded fails there ({failed} submission(s) had an import fail). Grade with namespaces, or give the "
            f"folders on the way search permission (chmod o+x {blocked}) and grade again.")


#: Most warnings of the collection (:func:`~grader.judge.submission.find_submissions`) grades.json keeps.
MAX_REPORTED_WARNINGS = 100

#: Batches of at least this many files warm up torch's optimizers in the fork server (``warm_training``): about 3 s
#: of CPU once (importing ``torch._dynamo``), which every worker whose submission builds an optimizer pays again
#: otherwise.  A class has several such submissions; a batch of a few files (a regrade, a late one) mostly has none,
#: and would pay the 3 s for nothing.  A submission that trains gets the same grade either way: the import counts
#: against its time limit only when the batch is small.
WARM_TRAINING_FROM = 8


def _grade_sources(sources, server, out_dir, *, jobs, previous, overwrite, seed, checks, limits, rules, feedback,
                   progress, started, roster=None, found_warnings=(), seed_key=None):
    from ..questions import bank
    from .grading import run_seed, warm_up

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResultsError(f"cannot create {out_dir}: {exc.strerror}") from None
    if overwrite:
        remove_results(out_dir)
    # A Canvas import made from the earlier grades no longer says what the grades say.
    stale = remove_imports(out_dir)
    journal = Journal(out_dir)
    # Every earlier row stays, but for a file given again whose content changed (or that had no
    # result): it is graded again.
    current = {s.label: s for s in sources}
    hashes = {label: _hash_file(current[label]) for label in {r.source for r in previous} if label in current}
    kept = [r for r in previous if r.source not in current or (r.sha256 is not None and r.sha256 == hashes[r.source])]
    kept_labels = {r.source for r in kept}
    seed = run_seed(seed)
    hidden = hidden_seed(seed, seed_key)  # every hidden input's; grades.json records the seed and the key's print
    header = {
        "seed": seed, SEED_KEY_RECORD: fingerprint(seed_key), "checks": [c.id for c in checks],
        "checks_sha256": checks_fingerprint(),
        "limits": limits.as_dict(), META_KEY: feedback,
        "questions": {q.id: q.title for q in bank.QUESTIONS if any(c.question == q.id for c in checks)},
        "assignment": assignment.record(), "lateness": rules.record(),
        "variants": "per student" if roster is not None else "lecture",
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": {"cnn-grader": __version__, "python": platform.python_version()},
        # What reading the folders left out (links, FIFOs, folders too deep): report.html names it too.
        "collection_warnings": list(found_warnings)[:MAX_REPORTED_WARNINGS],
    }
    try:
        journal.start(header, kept)
    except OSError as exc:
        raise ResultsError(f"cannot write to {out_dir}: {exc.strerror}") from None
    todo = [s for s in sources if s.label not in kept_labels]
    copy_warnings: list[str] = []
    new: list[SubmissionResult] = []
    if progress:
        progress.start(len(todo), already=len(sources) - len(todo))
    try:
        if todo:
            warm_up(hidden, checks)  # this seed's references, while the fork server warms up
            server.wait_ready()
            header["versions"].update(server.versions)
            answers: list[Answered] | None = [] if roster is not None else None
            _run(todo, server, jobs=jobs, seed=hidden, limits=limits, checks=checks, rules=rules, journal=journal,
                 progress=progress, results=new, roster=roster, answers=answers)
            if answers and flag_copies(answers, roster.everyone(), checks, hidden) is None:
                copy_warnings.append(f"copied answers were not looked for: comparing {len(answers)} submissions with "
                                     f"every classmate's numbers would take more than {COPY_SECONDS:.0f} CPU seconds")
    finally:
        journal.close()
        if progress:
            progress.finish()
        finished = [rules.apply(r) for r in kept] + new
        write_grades(out_dir, header, finished)
        write_reports(out_dir, header, finished, header["questions"])
    results = [r for r in finished if r.source in current]
    counts = Counter(r.status for r in results)
    return BatchSummary(results=results, graded=len({r.source for r in new}),
                        resumed=len(sources) - len(todo), seconds=time.monotonic() - started,
                        out_dir=out_dir, counts=dict(counts), kept_other=len(finished) - len(results),
                        late_policy=rules.policy,
                        warnings=copy_warnings + [f"removed {path.name}: it was made from the earlier grades (run "
                                                  "cnn-grader canvas again)" for path in stale if path.name == IMPORT_CSV])


#: A row that timed out having used less CPU than this share of its time was starved rather than
#: busy: its own loop would have kept a core (the worker's CPU is the kernel's account, not its word).
STARVED_CPU_SHARE = 0.25


def _contained(source: Source, grade_it, checks: list) -> SubmissionResult:
    """``grade_it()``, or, when the grader itself fails on this file (a bug the file found: attack round 7's folder
    tree 3,000 levels deep made the scratch folder's removal raise), that file's row, never the batch's end.

    The fork server or the machine failing (SandboxError) still ends the batch: no later row could be graded.
    """
    try:
        return grade_it()
    except SandboxError:
        raise
    except Exception as exc:  # noqa: BLE001 - one file's failure is its row
        from ..questions import bank
        from .grading import invalid_result

        return invalid_result(source, f"the grader failed on this file ({type(exc).__name__}: {str(exc)[:200]}); it "
                              "scored nothing: ask for it to be graded again",
                              list(checks if checks is not None else bank.CHECKS.values()), status=Status.KILLED)


def left_unanswered(result: SubmissionResult) -> bool:
    """Whether a question the judge asked the fork server about ``result``'s worker went unanswered in time."""
    return any(EventKind.parse(e.get("kind")) is EventKind.UNANSWERED for e in result.events)


def a_neighbour_may_have_cost(result: SubmissionResult) -> bool:
    """True when ``result`` failed in a way that another submission graded at the same time can cause:
    a timeout while it got little CPU, a worker killed from outside (the out-of-memory killer), or a question
    about its threads the fork server, held by a neighbour's processes, did not answer in time (attack round 15)."""
    if result.outside_kills:
        return True
    if left_unanswered(result):
        return True
    return result.status == Status.TIMEOUT and result.cpu_seconds < STARVED_CPU_SHARE * result.seconds


def regraded_event(first: SubmissionResult) -> dict:
    """The event a row graded again alone records about its first grading."""
    why = f"{first.status}: {first.error}" if first.error else str(first.status)
    return {"kind": EventKind.REGRADED,
            "detail": f"graded again alone: beside another submission it ended {why} (its processes used "
                      f"{first.cpu_seconds:.1f} CPU seconds in {first.seconds:.1f} s"
                      + (f", {first.outside_kills} worker(s) killed from outside" if first.outside_kills else "")
                      + (", a question about its threads unanswered" if left_unanswered(first) else "")
                      + ")"}


#: Most rows of one student (one set of owners) graded again alone after a starved first grading.  A row that
#: slept through its time looks starved too (little CPU), and each lone grading holds the machine for its whole
#: time limit: 5,000 sleeping members of one zip took some four days (attack round 10).
MAX_LONE_REGRADES = 3


def split_regrades(again: list[tuple[Source, SubmissionResult]]) -> tuple[list, list]:
    """The rows to grade again alone (at most :data:`MAX_LONE_REGRADES` a student, in order), and the others,
    kept as first graded with an event saying why they were not graded again."""
    alone, kept = [], []
    counts: Counter = Counter()
    for source, first in again:
        owners = tuple(o.id for o in source.owners)
        counts[owners] += 1
        if counts[owners] <= MAX_LONE_REGRADES:
            alone.append((source, first))
        else:
            first.events.insert(0, {"kind": EventKind.NOT_REGRADED, "detail": (
                f"not graded again alone: beside another submission it ended {first.status} with "
                f"{first.cpu_seconds:.1f} CPU seconds in {first.seconds:.1f} s, and {MAX_LONE_REGRADES} files of the "
                "same student already were (one student's files must not hold the machine for long)")})
            kept.append((source, first))
    return alone, kept


def _run(todo: list[Source], server: ForkServerClient, *, jobs: int, seed: int, limits: Limits, checks: list,
         rules: LateRules, journal: Journal, progress, results: list[SubmissionResult], roster=None,
         answers: list | None = None) -> None:
    """Grade ``todo`` on ``jobs`` slots, appending to ``results`` as each finishes.

    ``answers``: when a list, each graded submission's values are appended to it
    (:class:`grader.judge.copies.Answered`), for :func:`grader.judge.copies.flag_copies`.

    Appending as they come (not returning at the end) means an interrupted run
    still writes the rows it finished into grades.csv, not only into the journal.

    One submission must not cost another its marks: a row that failed while another slot was
    busy, in a way a neighbour can cause (:func:`a_neighbour_may_have_cost`), is not recorded
    then but graded again alone once the others are done, and that grading is its row (with a
    ``regraded`` event saying what happened the first time).
    """
    from .grading import grade_source

    slots: queue.Queue[int] = queue.Queue()
    for slot in range(jobs):
        slots.put(slot)
    local = threading.local()
    # When each grading ran (monotonic start, end or None while it runs): which ones had company.
    spans: dict[int, list] = {}
    spans_lock = threading.Lock()

    def take_slot():
        local.slot = slots.get_nowait()

    def one(index: int, source: Source) -> tuple[SubmissionResult, bool, dict]:
        with spans_lock:
            spans[index] = [time.monotonic(), None]
        answered: dict = {}
        try:
            return _contained(source, lambda: grade_source(source, server, seed=seed, limits=limits, slot=local.slot,
                                                           checks=checks, roster=roster, answered=answered),
                              checks), _had_company(index), answered
        finally:
            with spans_lock:
                spans[index][1] = time.monotonic()

    def _had_company(index: int) -> bool:
        with spans_lock:
            start, end = spans[index][0], time.monotonic()
            return any(other != index and s < end and (e is None or e > start) for other, (s, e) in spans.items())

    def record(result: SubmissionResult, source: Source, answered: dict) -> None:
        rows = [rules.apply(row) for row in owner_rows(result, source)]
        for row in rows:
            journal.append(row)
            results.append(row)
        if answers is not None and answered and result.variant:
            answers.append(Answered(rows, answered, result.variant["tag"], variant_params(result.variant)))
        if progress:
            progress.update(result)

    again: list[tuple[Source, SubmissionResult]] = []
    with ThreadPoolExecutor(max_workers=jobs, initializer=take_slot, thread_name_prefix="grade") as pool:
        sources = {pool.submit(one, i, s): s for i, s in enumerate(todo)}
        pending = set(sources)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    result, had_company, answered = future.result()
                    if had_company and a_neighbour_may_have_cost(result):
                        again.append((sources[future], result))
                    else:
                        record(result, sources[future], answered)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    again, kept = split_regrades(again)
    for source, first in kept:
        record(first, source, {})
    for source, first in again:  # every slot is idle now: each alone, in slot 0
        answered = {}
        result = _contained(source, lambda: grade_source(source, server, seed=seed, limits=limits, slot=0,
                                                         checks=checks, roster=roster, answered=answered), checks)
        result.events.insert(0, regraded_event(first))
        record(result, source, answered)

