"""The messages between the judge, the fork server and a worker, named once.

Every message is a JSON object (see :mod:`.wire`).  This module names what
they hold: the kind of a message (the ``op`` of a request, the one key that
says what an answer or a report is), the keys, and the statuses.  Producers
and consumers use these names, never the bare strings; each member's value is
what crosses the wire, and its ``__doc__`` says what it means.

Words, one per concept:

* a **unit** is what the worker runs as one piece: one code cell of a
  notebook, or one top-level statement of a script;
* a **time limit** is the seconds something may run before it is interrupted
  (:attr:`Key.TIME_LIMIT`); a **timeout** is the outcome of running past it
  (:attr:`Answer.TIMEOUT`, :attr:`UnitStatus.TIMEOUT`);
* a unit's **status** (:class:`UnitStatus`) is not a row's (``grader.records.Status``, the
  most severe thing that happened to the whole submission): :attr:`UnitStatus.counts_as` says
  which row status a unit's gives, the one rule for every unit status (``skipped`` included).

The channels:

* judge -> fork server (:class:`ServerOp`), answered by :class:`ServerReply`;
* judge -> worker: a :attr:`WorkerOp.LOAD`, reported on with :attr:`Event.UNIT`
  and :attr:`Key.LOADED`, then probe requests (:class:`ProbeOp`), each answered
  by one :class:`Answer`, then :attr:`WorkerOp.EXIT`.

Shipped to students with the rest of the check API: standard library only.
"""

from __future__ import annotations

import enum


class Term(str, enum.Enum):
    """A term of the protocol: a string equal to (and hashed, printed, formatted and serialised as) its value.

    Each member is declared as ``NAME = "value", "what it means"``; the second part becomes its
    ``__doc__``.  (Not ``enum.StrEnum``: it is new in Python 3.11, and the project supports 3.10.)
    """

    def __new__(cls, value: str, doc: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.__doc__ = doc
        return member

    __str__ = str.__str__
    __format__ = str.__format__

    @classmethod
    def values(cls) -> frozenset[str]:
        """Every member's value, as plain strings."""
        return frozenset(str.__str__(m) for m in cls)

    @classmethod
    def parse(cls, value):
        """The member whose value ``value`` is; None for anything else (a received message is not trusted:
        it may hold any JSON there)."""
        return cls._value2member_map_.get(value) if isinstance(value, str) else None


class ProbeOp(Term):
    """The ``op`` of a probe request: what the judge asks about the submission's namespace.

    Answered by :class:`~.handler.Handler`; the keys each one takes are in :class:`Key`.
    """

    VALUE = "value", "The value bound to NAME."
    CALL = "call", "Call NAME(*ARGS, **KWARGS); with TRACE, the answer also lists the torch functions used (OPS)."
    CALLS = "calls", ("Several calls of NAME in one round trip, one CALLS item each ({ARGS, KWARGS}); TRACE may be "
                      "TRACE_KERNELS.  Answered by Answer.CALLS.")
    MODEL = "model", ("Build NAME(*ARGS) and describe the layers a forward pass on an input of INPUT_SHAPE "
                      "(drawn from INPUT_SEED, else zeros) really calls.")
    FORWARD = "forward", "Build NAME(*ARGS) and run it on INPUT in eval mode, computing with WEIGHTS."
    TRAIN = "train", ("Build NAME(*ARGS) from torch's generator as the submission's code left it, train it from its "
                      "own values on each of INPUTS but the "
                      "last (wire's training step), evaluate it on the last (its gradients kept, then cleared), then "
                      "run it on INPUT computing with WEIGHTS.")


#: :attr:`Key.TRACE` of a :attr:`ProbeOp.CALLS` request (else a bool): name the ATen operators of every call, and
#: the torch functions of the first call only (that trace runs Python for every torch function and tensor method,
#: three times the cost of the ATen one).  Every call: code that behaves only while it is watched (slower, or on the
#: judge's first case) is watched on all of them (attack round 29b).
TRACE_KERNELS = "kernels"
#: What the trace of ATen operators names, before the class, when an operator reaches a tensor subclass's own
#: ``__torch_dispatch__``, or a dispatch mode of the submission's lies below the recorder: that code runs with the
#: recorder set aside by the dispatcher (attack round 57: a subclass whose table claimed every operator ran torch's
#: convolution in ``detach``, unrecorded; round 58: a flop counter's formula, left on, did the same).
UNTRACED_DISPATCH = "code run below the trace"

#: The file names the worker compiles a submission's code under: a script's (its source is in linecache under it,
#: and ``__main__.__file__``), each notebook cell's (numbered from 1), a line magic's expression (``%time f(x)``).
SCRIPT_FILENAME = "<submission>"
CELL_FILENAME = "<cell {}>"
MAGIC_FILENAME = "<magic>"


def is_submission_code(filename: str) -> bool:
    """Whether code compiled under ``filename`` is the submission's own, as the worker compiles it."""
    return filename in (SCRIPT_FILENAME, MAGIC_FILENAME) or (
        filename.startswith(CELL_FILENAME[:CELL_FILENAME.index("{")]) and filename.endswith(">"))


class WorkerOp(Term):
    """The ``op`` of a message from the judge to a worker that is not a probe request."""

    LOAD = "load", ("The first message: run the submission's UNITS (of KIND), each with TIME_LIMIT, except those "
                    "in SKIP; the worker reports Event.UNIT as each starts, then LOADED.")
    EXIT = "exit", "The judge is done: the worker exits (as it does when the connection closes)."


class ServerOp(Term):
    """The ``op`` of a message from the judge to the fork server."""

    SPAWN = "spawn", ("Fork a worker with ID and CONFIG, on the socket sent with the message; answered by "
                      "ServerReply.SPAWNED or SPAWN_FAILED.")
    KILL = "kill", "Kill worker ID and everything it started."
    SHUTDOWN = "shutdown", "Stop: the fork server kills its workers and exits."
    TASKS = "tasks", ("How many threads the processes of worker ID's session run now (its own uid's too, where "
                      "they count): answered by ServerReply.TASKS.")
    TRUSTED = "trusted", ("Once, before any SPAWN: fork the judge's own process to run MODULE.FUNCTION with INFO; "
                          "it reads PAYLOAD from the socket sent with the message and replies OK or ERROR there.")


class ServerReply(Term):
    """What a message from the fork server is: the key it is recognised by."""

    READY = "ready", "Warmed up (torch imported): carries its PID and the VERSIONS it runs."
    SPAWNED = "spawned", "Worker ID is confined (before any submission code ran): carries PID and what is GRANTED."
    SPAWN_FAILED = "spawn_failed", "Worker ID could not be started: ERROR says why."
    EXITED = "exited", "Worker ID ended: its exit CODE or SIGNAL, and MAXRSS_KB."
    TASKS = "tasks", ("Worker ID's session runs THREADS threads, read from /proc (None: the worker is gone), and has "
                      "STARTED threads and processes so far.")


class Event(Term):
    """The ``event`` of a worker's report while it runs the units."""

    UNIT = "unit", "A unit starts running; INDEX says which (the one to skip when the process dies in it)."


class Answer(Term):
    """The kind of an answer to a probe request: the one key it holds (besides NONCE, OPS, MEMORY_EXHAUSTED)."""

    OK = "ok", "The request was answered: the value, encoded (see wire)."
    CALLS = "calls", "The answer to a ProbeOp.CALLS request: one OK or RAISED answer per call, in order."
    MISSING = "missing", "The submission does not define the name (its value)."
    RAISED = "raised", "The submission's code raised: a description with TYPE, MESSAGE, WHERE and MRO."
    TIMEOUT = "timeout", "The submission's code ran past the request's TIME_LIMIT (the limit, in seconds)."
    MISMATCH = "mismatch", "The judge's WEIGHTS do not fit the submitted model's layers (why)."
    REFUSED = "refused", "The request cannot be answered for this submission, or was malformed (why)."
    CRASHED = "crashed", ("The worker died while answering (how).  Made by the judge's transport, "
                          "never sent by a worker.")


class Key(Term):
    """The other keys of the messages; which message holds each is said in its description."""

    OP = "op", "What a request asks (ProbeOp, WorkerOp, ServerOp)."
    NONCE = "nonce", ("A request's random token, repeated in every message that answers it: what a submission "
                      "writes into the socket itself cannot pass for an answer.")
    # probe requests
    NAME = "name", "Probe request: the name in the submission's namespace asked about."
    ARGS = "args", "Probe request (and each CALLS item): positional arguments, encoded as a list."
    KWARGS = "kwargs", "Probe request (and each CALLS item): keyword arguments, encoded as a dict."
    TRACE = "trace", "ProbeOp.CALL / CALLS: also list the torch functions each call uses (CALLS: or TRACE_KERNELS)."
    CALLS = "calls", "ProbeOp.CALLS: the calls, each {ARGS, KWARGS}."
    INPUT_SHAPE = "input_shape", "ProbeOp.MODEL: the shape of the input of the probing forward pass."
    INPUT_SEED = "input_seed", "ProbeOp.MODEL: the seed the input is drawn from (uniform in [-1, 1)); None: zeros."
    WEIGHTS = "weights", "ProbeOp.FORWARD: the tensors each convolution and linear operation computes with."
    INPUT = "input", "ProbeOp.FORWARD: the input tensor, encoded."
    GRADIENTS = "gradients", "ProbeOp.FORWARD: true: run the pass with autograd on (as while training), not under no_grad."
    INPUTS = "inputs", "ProbeOp.TRAIN: the inputs of the training steps, then of the evaluation, each encoded."
    KEEP = "keep", ("ProbeOp.TRAIN: a name for the trained model: without JUDGE it is kept under it once trained, and a "
                    "request with JUDGE and the same name judges the model kept (trained afresh if none is).")
    JUDGE = "judge", ("ProbeOp.TRAIN: false: train only (the outputs, no judged pass); true or absent: train, or take "
                      "the model KEEP names, and judge it.")
    TIME_LIMIT = "time_limit", ("Probe request and WorkerOp.LOAD: seconds the code (a request; each unit) may "
                                "run before the worker interrupts it.  Set by the judge, never by a check.")
    CODE_TIME_LIMIT = "code_time_limit", ("WorkerOp.LOAD: seconds all the units together may take; once they are "
                                          "spent, each later unit still runs, for a few seconds at most.")
    # probe answers
    OPS = "ops", "An OK answer to a traced call: the names of the torch functions it used."
    MEMORY_EXHAUSTED = "memory_exhausted", ("Any answer: the worker now holds most of its memory allowance (the "
                                            "judge starts a fresh one for the next request).")
    TYPE = "type", "Answer.RAISED (and a model's forward error): the exception's type name."
    MESSAGE = "message", "Answer.RAISED: the exception's message."
    WHERE = "where", ("Answer.RAISED and a unit record: the line an exception came from (``cell 3, line 2``, "
                      "``submission, line 7``), or None.")
    MRO = "mro", "Answer.RAISED: the builtin exception classes the raised one derives from, most derived first."
    # loading the units
    KIND = "kind", "WorkerOp.LOAD: what the units are (SubmissionKind)."
    UNITS = "units", "WorkerOp.LOAD: the units' sources (a script: its whole text); LOADED report: their count."
    SKIP = "skip", "WorkerOp.LOAD: indices of units not to run (they ended the process on an earlier attempt)."
    READ_CODE = "read_code", ("WorkerOp.LOAD: the SHA-256 hex digests of the texts the judge read as code the "
                              "submission writes to files, of its docstrings' examples, and of what it writes where a "
                              "library may evaluate it as a type (TYPE_TEXT_PREFIX): no other is run "
                              "(worker.written_code).")
    RANDOM_SEED = "random_seed", ("WorkerOp.LOAD: what the worker seeds Python's, NumPy's and torch's default "
                                  "generators with before the first unit runs (one per grading seed).")
    EVENT = "event", "A worker's report while it runs the units (Event)."
    INDEX = "index", "Event.UNIT and a unit record: the unit's position, from 0."
    LOADED = "loaded", "The worker's report once every unit ran: one unit record {INDEX, STATUS, ERROR, WHERE} each."
    STOPPED_IN = "stopped_in", ("A unit record: the index among the unit's top-level statements (a script's unit is "
                                "one: 0) of the one it stopped in, by an exception or an exit; absent when it ran to "
                                "its end.  The statements after it did not run.")
    LEFT_OUT = "left_out", ("A unit record: the indices among the unit's top-level statements of those skipped for a "
                            "library that is not installed (grader.worker.cells); absent when none was.")
    STATUS = "status", ("A unit record: how the unit ended (UnitStatus); a crashed probe's answer: how its process "
                        "ended (memory or timeout when a bound on the session stopped it).")
    ERROR = "error", ("A unit record: what went wrong, or None; ServerReply.SPAWN_FAILED and the trusted child's "
                      "reply: why it failed.")
    # the fork server
    ID = "id", "ServerOp.SPAWN / KILL: the judge's number for a worker (ServerReply.SPAWNED, EXITED: its value)."
    CONFIG = "config", "ServerOp.SPAWN: the worker's sandbox (slot, limits, folders)."
    PID = "pid", "ServerReply.READY / SPAWNED: the process id."
    THREADS = "threads", "ServerReply.TASKS: the threads of every process of the worker's session, or None."
    STARTED = "started", ("ServerReply.TASKS / EXITED: how many threads and processes the worker's session has "
                          "started, as the fork server counted each start the kernel stopped (None: no count, the "
                          "filter did not load).")
    GRANTED = "granted", "ServerReply.SPAWNED: which isolation layers hold, as the fork server established them."
    STARTS_COUNTED = "starts_counted", ("In GRANTED: the fork server counts the worker's thread and process starts "
                                        "(it holds the worker's seccomp listener); not an isolation layer.")
    CODE = "code", "ServerReply.EXITED: the worker's exit code (None when a signal ended it)."
    SIGNAL = "signal", "ServerReply.EXITED: the signal that ended the worker (None when it exited)."
    MAXRSS_KB = "maxrss_kb", "ServerReply.EXITED: the worker's largest resident set, in KiB."
    CPU_SECONDS = "cpu_seconds", ("ServerReply.EXITED: the CPU seconds the worker's session used: the worker, the "
                                  "children it reaped, and those the fork server saw alive (the kernel's account).")
    BOUND = "bound", ("ServerReply.EXITED: {kind, detail} when the fork server stopped the submission's processes "
                      "for passing a bound on them all together (memory, cpu, processes); else None.")
    VERSIONS = "versions", ("ServerReply.READY (and the trusted child's INFO): the Python, torch and NumPy versions "
                            "the workers run.")
    MODULE = "module", "ServerOp.TRUSTED: the module of the function the judge's process runs."
    FUNCTION = "function", "ServerOp.TRUSTED: that function's name."
    INFO = "info", ("ServerOp.TRUSTED: what the forked judge needs to know of the fork server (its folders); "
                    "the fork server adds VERSIONS.")
    PAYLOAD = "payload", "The judge's first message to its trusted child, on their own socket: the function's input."
    OK = "ok", "The trusted child's reply: the function's result (else ERROR)."


class Bound(Term):
    """Which bound on a submission's whole session the fork server stopped it for (the ``kind`` of a
    :attr:`Key.BOUND` report)."""

    MEMORY = "memory", "Its processes together held more memory than the submission may use."
    CPU = "cpu", "Its processes together used more CPU time than the submission may use."
    PROCESSES = "processes", "It ran more processes and threads at once than a submission may."
    DISK = "disk", ("Its files took more room than its scratch may hold (a worker without a file system of its "
                    "own writes to the host's disk).")


class SubmissionKind(Term):
    """What a submission's units are (:attr:`Key.KIND`)."""

    NOTEBOOK = "notebook", "A notebook: each unit is one code cell's source."
    SCRIPT = "script", "A script: one source text, which the worker splits into its top-level statements."


class UnitStatus(Term):
    """How one unit ended: the ``status`` of a unit record.

    The worker sends all but :attr:`KILLED`; the judge sets :attr:`KILLED`, :attr:`TIMEOUT` and
    :attr:`MEMORY` itself when the worker's process died or hung in a unit, and replaces every
    :attr:`SKIPPED` with how the attempt that it ended did end.
    """

    OK = "ok", "It ran to its end, or ended the program with status 0 (sys.exit(0), exit())."
    SYNTAX = "syntax", "It does not compile: none of it ran."
    ERROR = "error", "It raised an exception, or exited with a non-zero status."
    MEMORY = "memory", "It ran out of memory, or keeps most of the memory the submission may use."
    TIMEOUT = "timeout", "It ran past its TIME_LIMIT (or the submission's whole time budget ran out)."
    SKIPPED = "skipped", ("Not run: it ended the worker's process on an earlier attempt (the judge records how that "
                          "attempt ended in its place), or the time budget ran out before it could run again after "
                          "another unit did.  Not a failure of its own.")
    KILLED = "killed", "The worker's process died in it, or hung and was killed (set by the judge only)."

    @property
    def counts_as(self) -> str | None:
        """The submission status (a ``grader.records.Status`` value) a unit ending so gives its row, or None:
        not a failure (``ok``, ``skipped``).  ``syntax`` counts as ``error``."""
        return _COUNTS_AS[self]

    @property
    def failed(self) -> bool:
        """Whether the unit did not run cleanly: it counts against the submission."""
        return _COUNTS_AS[self] is not None

    @property
    def sent_by_worker(self) -> bool:
        """Whether a worker's LOADED report may hold it (anything else there is malformed)."""
        return self is not UnitStatus.KILLED


_COUNTS_AS = {UnitStatus.OK: None, UnitStatus.SKIPPED: None, UnitStatus.SYNTAX: "error", UnitStatus.ERROR: "error",
              UnitStatus.MEMORY: "memory", UnitStatus.TIMEOUT: "timeout", UnitStatus.KILLED: "killed"}

#: The unit statuses a worker's LOADED report may hold, as plain strings.
WORKER_UNIT_STATUSES = frozenset(str.__str__(s) for s in UnitStatus if s.sent_by_worker)


#: What the judge prefixes to ``ast.dump`` of a text it read where a library may evaluate it as a type, before it
#: digests it into :attr:`Key.READ_CODE` (``grader.questions.static.type_texts``); the worker looks a text typing
#: compiles for the submission up by the same digest.
TYPE_TEXT_PREFIX = "type:"
