"""Gradescope: the autograder's entry point.

``python -m grader.judge.gradescope --root /autograder`` grades the submission in
``/autograder/submission`` with the isolated engine and writes
``/autograder/results/results.json`` (the document, and its specification, are
:mod:`grader.outputs.gradescope_json`'s).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..feedback import DEFAULT as DEFAULT_FEEDBACK
from ..feedback import MODES as FEEDBACK_MODES
from ..outputs.gradescope_json import failure_results, gradescope_results
from .engine import Limits

#: Limits for one submission in Gradescope's default container (768 MB, half a CPU, 10 minutes): the judge and the
#: worker grading the solutions notebook peak at about 370 MB (PSS, measured 2026-11-30), and the submission's
#: address space may grow by 256 MB (address space, not memory used: the lecture's own pandas and matplotlib map
#: 81 MB of libraries, and with 192 MB the lecture's first cell, a ConvNet and its torchsummary left a notebook
#: over the worker's three-quarter mark, "memory").
GRADESCOPE_LIMITS = Limits(timeout=420.0, probe_timeout=10.0, unit_timeout=60.0, memory_mb=256, scratch_mb=32)
#: The limits ``python -m grader.judge.gradescope`` takes options for (``unit_timeout`` is ``--cell-timeout``).
LIMIT_OPTIONS = ("timeout", "probe_timeout", "unit_timeout", "memory_mb")


#: Most files not graded that results.json names.
MAX_NAMED_OTHERS = 10


@dataclass
class ChosenSubmission:
    """The file :func:`choose_submission` grades among an upload's, and what the student is told about it."""

    path: Path | None
    """None: nothing to grade."""
    note: str = ""
    """For results.json's output: the file graded, the candidates not graded, what was not read (links)."""


def choose_submission(folder: Path) -> ChosenSubmission:
    """The notebook (or script) to grade among what the student uploaded.

    The assignment's name first (``lecture06.ipynb``), then any notebook, then any script; among several, the
    shallowest, then the first by name: a solved notebook at the top is graded before an older copy in a
    subfolder (``Archive/``), whatever that folder is called.  A symbolic link is never followed nor read (it
    could name the course key, which the judge's user can read), nor is anything that is not a regular file.
    """
    from ..assignment import NOTEBOOK
    from .submission import SUFFIXES, suffix_of, walk_files

    problems: list[str] = []

    def skip(name: str) -> bool:
        return name.startswith(".") or name in ("tests", "__MACOSX", "__pycache__") or name.endswith("_checks")

    candidates = walk_files(folder, skip=skip, warnings=problems,
                            wanted=lambda name: suffix_of(name) in SUFFIXES)  # `Lecture06.IPYNB` too (attack round 68)
    candidates.sort(key=lambda p: (len(p.relative_to(folder).parts), p.relative_to(folder).as_posix()))
    chosen = None
    for preferred in (lambda p: p.name.lower() == NOTEBOOK.lower(), lambda p: suffix_of(p.name) == ".ipynb",
                      lambda p: True):
        chosen = next((p for p in candidates if preferred(p)), None)
        if chosen:
            break
    lines = [problem.removeprefix(f"{folder}: ") for problem in problems]
    if chosen is not None:
        others = [p.relative_to(folder).as_posix() for p in candidates if p != chosen]
        line = f"Graded {chosen.relative_to(folder).as_posix()}"
        if others:
            more = f" and {len(others) - MAX_NAMED_OTHERS} more" if len(others) > MAX_NAMED_OTHERS else ""
            line += f"; not graded: {', '.join(sorted(others)[:MAX_NAMED_OTHERS])}{more}"
        lines.insert(0, line + ".")
    return ChosenSubmission(chosen, "\n".join(lines))


def find_submission(folder: Path) -> Path | None:
    """The file :func:`choose_submission` grades."""
    return choose_submission(folder).path


#: Gradescope's record of the submission being graded, beside ``source/`` and ``submission/``.
SUBMISSION_METADATA = "submission_metadata.json"


@dataclass
class SubmissionMetadata:
    """What ``submission_metadata.json`` says of who submitted, when, and by when it was due."""

    students: tuple = ()
    """The submitters (:class:`grader.judge.submission.Student`, by email, with their names)."""
    submitted_at: str = ""
    """``created_at``, ISO 8601; empty when missing or unreadable."""
    due: datetime | None = None
    late_due: datetime | None = None
    problems: list[str] = field(default_factory=list)
    """What could not be read (lateness is then unknown): shown to instructors on stdout."""


def read_submission_metadata(path: Path) -> SubmissionMetadata:
    """Read Gradescope's ``submission_metadata.json``; never fails (what cannot be read is a problem noted).

    The due dates are the assignment's, or the submitters' own where ``users[].assignment`` gives
    them (an extension); for a group, the latest of its members' (the most lenient).
    """
    from ..lateness import iso, parse_time
    from ..records import ID_EMAIL
    from .submission import Student

    meta = SubmissionMetadata()
    try:
        doc = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        meta.problems.append(f"{path.name} cannot be read ({exc}): lateness unknown")
        return meta
    if not isinstance(doc, dict):
        meta.problems.append(f"{path.name} is not a JSON object: lateness unknown")
        return meta
    users = [u for u in doc.get("users") or [] if isinstance(u, dict)] if isinstance(doc.get("users"), list) else []
    meta.students = tuple(Student(str(u.get("email") or "").strip(), str(u.get("name") or "").strip(), ID_EMAIL)
                          for u in users if str(u.get("email") or "").strip())

    def moment(value, what: str) -> datetime | None:
        if value in (None, ""):
            return None
        try:
            return parse_time(value)
        except ValueError as exc:
            meta.problems.append(f"{what}: {exc}")
            return None

    meta.submitted_at = iso(moment(doc.get("created_at"), "created_at"))
    # A submitter's own assignment settings (an extension) replace the assignment's, null dates included;
    # a submitter without any has the assignment's.  A group gets the latest of its members' (below).
    common = doc["assignment"] if isinstance(doc.get("assignment"), dict) else {}
    settings = [u["assignment"] if isinstance(u.get("assignment"), dict) else common for u in users] or [common]
    for key, attribute in (("due_date", "due"), ("late_due_date", "late_due")):
        dates = [d for d in (moment(s.get(key), key) for s in settings) if d is not None]
        setattr(meta, attribute, max(dates) if dates else None)
    if meta.late_due is not None and (meta.due is None or meta.late_due < meta.due):
        if meta.due is not None:
            meta.problems.append(f"late_due_date {iso(meta.late_due)} is before the due date: ignored")
        meta.late_due = None  # a late due date only means something after a due date
    if meta.due is not None and not meta.submitted_at and "created_at" not in " ".join(meta.problems):
        meta.problems.append("no created_at: lateness unknown")
    return meta


def prepare_container() -> None:
    """On Gradescope only: let the unprivileged worker reach the Python runtime, and not /dev/shm.

    Without namespaces (Gradescope's containers do not grant them) the worker
    reads the runtime in place, and the conda environment lives under /root.
    Folders on the way get search permission, nothing more.
    """
    import os
    import stat
    import sys

    # Files in the container's /dev/shm are memory no limit of the worker counts (the seccomp
    # filter already refuses memfds and SysV shared memory): the worker may not create any.
    try:
        os.chmod("/dev/shm", 0o755)
    except OSError:
        pass
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
        path = Path(prefix).resolve()
        for folder in [*reversed(path.parents), path]:
            try:
                mode = folder.stat().st_mode
                if not mode & stat.S_IXOTH:
                    os.chmod(folder, mode | stat.S_IXOTH)
            except OSError:
                pass


#: Seconds the judge's child may take beyond the submission's time budget (its imports, the references).
TRUSTED_MARGIN = 60.0
#: Where the trusted child passes the metadata's problems on to :func:`run`, which prints them.
METADATA_PROBLEMS = "cnn_grader_metadata_problems"


def run(root: Path, *, seed: int | None = None, limits=None, slot: int = 0, feedback: str = DEFAULT_FEEDBACK) -> dict:
    """Grade ``root``/submission in an isolated worker; write and return ``root``/results/results.json.

    This process imports no torch: the grading runs in a child of the warm fork server
    (:func:`grade_in_trusted_child`), which has torch loaded already.  On Gradescope's half
    CPU the two imports of torch (here and in the fork server) could not overlap.

    Lateness: ``created_at`` of ``root``/submission_metadata.json against its due dates, never the
    clock; the total is penalised by the zip's late policy (``otter_config.json``), when it has one.

    ``slot`` picks the worker's unprivileged uid (the run's claimed base, 61000 by default, + slot): two runs on
    one machine never share a slot's uid (:mod:`grader.judge.uid_claim`: the second moves, or is refused when
    CNN_GRADER_UID_BASE is set).  ``feedback``: what results.json shows students and when (see :func:`grader.outputs.gradescope_json.gradescope_results`).
    """
    import dataclasses
    import time

    from ..outputs.results import atomic_write
    from . import uid_claim
    from .engine import ForkServerClient

    started = time.monotonic()
    # The grading runs in the fork server's child, whose working directory is the server's
    # own (its temporary folder): a relative root would name nothing there.
    root = Path(root).absolute()
    results_path = root / "results" / "results.json"
    limits = limits or GRADESCOPE_LIMITS
    payload = {"root": str(root), "seed": seed, "slot": slot, "feedback": feedback, "limits": dataclasses.asdict(limits)}
    # One submission per container: its uid is free (one lock, a lookup of it); runs sharing a machine must not
    # share a slot's uid, or one's fork server kills the other's worker (attack round 68).
    with uid_claim.claimed_uids(range(slot, slot + 1)) as uids, ForkServerClient(uid_base=uids.base) as server:
        # The submission's own budget bounds the grading; the margin covers the judge's imports and references.
        doc = server.run_trusted("grader.judge.gradescope", grade_in_trusted_child.__name__, payload,
                                 timeout=limits.timeout + TRUSTED_MARGIN)
    for problem in doc.pop(METADATA_PROBLEMS, []):
        print(problem)
    doc["execution_time"] = round(time.monotonic() - started, 3)
    atomic_write(results_path, (json.dumps(doc, indent=1) + "\n").encode())
    return doc


def grade_in_trusted_child(payload: dict, sock, info: dict) -> dict:
    """The grading of :func:`run`, in the fork server's trusted child: results.json's document.

    ``sock`` and ``info`` connect it to the fork server that forked it (:meth:`ForkServerClient.attached`).
    """
    from ..assignment import NOTEBOOK
    from ..lateness import LateRules
    from ..packaging.otter_zip import zip_key, zip_late_policy
    from ..variants.roster import EmailVariants
    from .engine import ForkServerClient
    from .grading import grade_source, run_seed
    from .submission import Source

    root = Path(payload["root"])
    chosen = choose_submission(root / "submission")
    path = chosen.path
    if path is None:
        return failure_results("No notebook (.ipynb) or script (.py) was found in the submission. "
                               f"Upload your {NOTEBOOK}." + (f"\n{chosen.note}" if chosen.note else ""))
    metadata = read_submission_metadata(root / SUBMISSION_METADATA)
    rules = LateRules(due=metadata.due, late_due=metadata.late_due, policy=zip_late_policy(root / "source"))
    source = Source(path, students=metadata.students, submitted_at=metadata.submitted_at)
    limits = Limits(**payload["limits"])
    # A zip built with a course key grades each group against its first submitter's numbers.
    key = zip_key(root / "source")
    server = ForkServerClient.attached(sock, info)
    try:
        result = grade_source(source, server, seed=run_seed(payload.get("seed")),
                              limits=limits, slot=int(payload.get("slot") or 0),
                              roster=EmailVariants(key) if key is not None else None)
    finally:
        server.close()
    doc = gradescope_results(rules.apply(result), payload.get("feedback", DEFAULT_FEEDBACK))
    doc["output"] = f"{doc['output']}\n{chosen.note}"  # which file was graded, and which were not
    if metadata.problems:  # the instructor reads run_autograder's output; the child's own print goes nowhere
        doc[METADATA_PROBLEMS] = [f"{SUBMISSION_METADATA}: {p}" for p in metadata.problems]
    return doc


def main(argv: list[str] | None = None) -> int:
    import argparse
    import dataclasses
    import sys

    parser = argparse.ArgumentParser(prog="python -m grader.judge.gradescope",
                                     description="Grade a Gradescope submission with cnn-grader's isolated engine.")
    parser.add_argument("--root", type=Path, default=Path("/autograder"))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--prepare-container", action="store_true",
                        help="make the Python runtime reachable for the unprivileged worker (Gradescope only)")
    for name in LIMIT_OPTIONS:
        value = getattr(GRADESCOPE_LIMITS, name)
        parser.add_argument(f"--{name.replace('_', '-').replace('unit', 'cell')}", dest=name, type=type(value),
                            default=value)
    parser.add_argument("--slot", type=int, default=run.__kwdefaults__["slot"], choices=range(64), metavar="0..63",
                        help="the worker runs as uid BASE+SLOT, BASE the uid range this run claims (61000 unless "
                             "taken or CNN_GRADER_UID_BASE says)")
    parser.add_argument("--feedback", choices=FEEDBACK_MODES, default=run.__kwdefaults__["feedback"],
                        help="full: every test's feedback once grades are published; brief: what is wrong at once, "
                             "the full explanation after the due date")
    args = parser.parse_args(argv)
    if args.prepare_container:
        prepare_container()
    try:
        doc = run(args.root, seed=args.seed, slot=args.slot, feedback=args.feedback,
                  limits=dataclasses.replace(GRADESCOPE_LIMITS, **{k: getattr(args, k) for k in LIMIT_OPTIONS}))
    except Exception as exc:  # the grader failed: say so in results.json rather than leave none
        from ..outputs.results import atomic_write

        doc = failure_results(f"The autograder failed ({type(exc).__name__}: {exc}). Your instructor has been "
                              "told; please do not resubmit.")
        atomic_write(args.root / "results" / "results.json", (json.dumps(doc, indent=1) + "\n").encode())
        print(f"cnn-grader failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(doc["output"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
