"""The worker's life: run the submission's code, then answer the judge until told to stop.

Messages from the judge, in order (their names are in :mod:`grader.checkapi.protocol`):

1. ``{"op": "load", "kind": "notebook"|"script", "units": [...], "time_limit": s, "skip": [...]}``:
   the worker runs the units, sends ``{"event": "unit", "index": i}`` as each
   one starts (so that the judge knows which one to skip if the process dies
   in it), then ``{"loaded": records, "units": n}``.  (Which isolation layers hold, the judge learns from the
   fork server, never from the worker, whose report the submission could forge.)
2. Any number of probe requests (see :mod:`.handler`), each answered once.
3. ``{"op": "exit"}``, or the connection closing: the worker exits.
"""

from __future__ import annotations

import builtins
import os
import sys
import types
from collections.abc import Callable

from ..checkapi import wire
from ..checkapi.handler import Handler
from ..checkapi.magics import RUN_MAGIC_OPTIONS, magic_statement
from ..checkapi.protocol import (MAGIC_FILENAME, Answer, Event, Key, SubmissionKind, UnitStatus, WorkerOp,
                                 is_submission_code)
from .cells import remember_source, run_units, script_units
from .channel import MAX_REPLY, Channel, ChannelClosed
from . import written_code
from .guard import Guard
from .stand_in_names import OTTER_NAMES, OTTER_NOTEBOOK_NAMES, SHELL_NAMES


def install_otter_stub() -> None:
    """Make ``import otter`` give an inert stand-in.

    Student notebooks call ``otter.Notebook(...).check("q1")``.  The real Otter
    would run tests inside the worker and costs a second to import; the judge
    grades from outside, so these calls only need to do nothing.
    """

    class _Inert:
        def __init__(self, *args, **kwargs):
            pass

        def __getattr__(self, name):
            if name not in OTTER_NOTEBOOK_NAMES:  # (a name Otter lacks is refused, as Otter does: stand_in_names)
                raise AttributeError(f"'Notebook' object has no attribute {name!r}")
            return lambda *args, **kwargs: None

    stub = types.ModuleType("otter")
    stub.Notebook = _Inert
    def module_getattr(name):  # what otter offers, as the stand-in class
        if name not in OTTER_NAMES:
            raise AttributeError(f"module 'otter' has no attribute {name!r}")
        return _Inert

    stub.__getattr__ = module_getattr
    sys.modules["otter"] = stub


#: The snapshot of the serving code's modules, taken once in the fork server (:func:`prepare`).
_GUARD: Guard | None = None


def prepare() -> None:
    """In the fork server, after its warm-up: snapshot what every worker will guard."""
    global _GUARD
    load_data_in_process()
    keep_one_thread()
    stackless_anomaly_mode()
    _GUARD = Guard()


#: torch's settings of how float32 matrix products and convolutions are computed: ``torch.backends`` and those of its
#: parts that have an ``fp32_precision`` (``""`` is ``torch.backends`` itself).
PRECISION_SETTINGS = ("", "mkldnn", "mkldnn.matmul", "mkldnn.conv", "mkldnn.rnn", "cuda.matmul", "cudnn",
                      "cudnn.conv", "cudnn.rnn")


def full_precision() -> Callable[[], None]:
    """A function that puts torch's float32 precision back as it is now, before any submission code runs.

    ``torch.set_float32_matmul_precision("medium")`` (or ``torch.backends.mkldnn.fp32_precision = "bf16"``) makes a
    CPU with bfloat16 units (AMX, AVX512-BF16) compute float32 products in bfloat16, with about three digits: the
    same network, trained two steps by the judge's training probe, then differs from the reference past any fair
    tolerance (fairness round 20: `set_float32_matmul_precision("medium")` cost q8.block at some seeds, and only on
    such CPUs).  The judge chooses the numbers of its own probes: each is answered at full precision.  Lowering
    precision earns a submission nothing, so this is no guard: what the submission breaks of it is ignored.
    """
    import torch

    def setting(path: str):
        owner = torch.backends
        for part in filter(None, path.split(".")):
            owner = getattr(owner, part)
        return owner

    owners = []
    for path in PRECISION_SETTINGS:
        try:
            owner = setting(path)
            owners.append((owner, owner.fp32_precision))
        except (AttributeError, RuntimeError):  # a part this build of torch does not have
            continue
    matmul = torch.get_float32_matmul_precision()
    set_matmul, set_flush_denormal = torch.set_float32_matmul_precision, torch.set_flush_denormal

    def restore() -> None:
        try:
            set_matmul(matmul)  # first: it sets the backends' matmul precision too
            for owner, value in owners:
                owner.fp32_precision = value
            set_flush_denormal(False)
        except Exception:  # the submission replaced one of them: its own numbers, then
            pass

    return restore


def stackless_anomaly_mode() -> None:
    """Make autograd's anomaly mode keep no stack for the nodes it records.

    In anomaly mode torch stores, in each node's ``metadata["traceback_"]`` and in the warning it gives when a
    backward pass fails, the stack of the code that made the node, every caller's file named there: a model read
    it for the worker's (attack round 69) and was honest only then.  Torch asks ``torch.fx.traceback.format_stack``
    for that stack each time; here it answers with none.  Anomaly mode still checks for NaN (a notebook may leave it
    on, or turn it on in ``forward`` to debug: the same network), and the guard puts this back after any code of the
    submission's (guard.PROTECTED_MODULES).
    """
    import torch.fx.traceback

    def format_stack() -> list[str]:
        """No stack while grading (see cnn-grader's worker)."""
        return []

    torch.fx.traceback.format_stack = format_stack


def keep_one_thread() -> None:
    """Make ``torch.set_num_threads(n)`` and ``set_num_interop_threads(n)`` keep the one thread a worker has.

    torch's extra threads would stay alive beside the submission's own, and the judge counts every thread a
    worker runs when a check starts (a thread running there can run code while it watches: attack round 8, where
    ``set_num_threads(4)`` cost an honest file 10 points); a worker has one core's share anyway.
    """
    import torch

    def set_num_threads(n: int) -> None:
        """Kept at 1 while grading (see cnn-grader's worker): the result is the same with any number."""

    def set_num_interop_threads(n: int) -> None:
        """Kept at 1 while grading (see cnn-grader's worker)."""

    torch.set_num_threads = set_num_threads
    torch.set_num_interop_threads = set_num_interop_threads


def load_data_in_process() -> None:
    """Make ``DataLoader(..., num_workers=N)`` load its batches in the worker itself.

    Its loader processes hand batches back through shared memory and a Unix socket they bind, which the
    sandbox forbids (no ``bind``/``connect``): they would wait forever, and the cell with them, until its
    time limit.  Loading in process gives the same batches in the same order (the sampler is the
    parent's); what is left out (``worker_init_fn``, prefetching, persistent workers) only matters
    to processes.  A submission that undoes this waits for its own loader: its cell times out.
    """
    import functools
    import inspect

    from torch.utils.data import DataLoader

    original = DataLoader.__init__
    signature = inspect.signature(original)
    # DataLoader's own parameter names (keywords, not strings: its `timeout` is not the protocol's)
    in_process = dict(num_workers=0, prefetch_factor=None, persistent_workers=False, timeout=0,
                      multiprocessing_context=None, worker_init_fn=None)

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        try:
            bound = signature.bind(self, *args, **kwargs)
        except TypeError:
            return original(self, *args, **kwargs)  # torch says what is wrong with the call
        for name, value in in_process.items():
            if name in signature.parameters and name in bound.arguments:
                bound.arguments[name] = value
        return original(*bound.args, **bound.kwargs)

    DataLoader.__init__ = __init__


class CapturedOutput:
    """What ``%%capture NAME`` binds NAME to: the grader shows no output, so there is none to give back."""

    stdout = stderr = ""
    outputs: tuple = ()

    def show(self):
        return None

    __call__ = show


_getframe = sys._getframe  # bound before any submission runs


def _called_from_a_units_top_level() -> bool:
    """Whether the shell's magic method that asks this was called by a cell's or a script's own top-level code
    (in a loop or a branch of it too): where the judge's reader reads a magic's call, and reads what it binds as the notebook's.  Not
    by a module the submission wrote and imported (attack round 178: its magic rebound the notebook's `conv2d`, read
    apart from the notebook), a function, a comprehension or a magic's own code."""
    try:
        code = _getframe(2).f_code
    except ValueError:
        return False
    return code.co_name == "<module>" and code.co_filename != MAGIC_FILENAME and is_submission_code(code.co_filename)


#: The magics whose statement (``%time``, ``%prun``) or body (``%%time``, ``%%prun``) Jupyter runs in the user's
#: namespace.  Not an attribute of the shell: the submission can reach the shell through any alias and set one
#: (attack round 177 turned the magics off so, where the judge's reader had read their code as run).
RUN_MAGICS = frozenset(RUN_MAGIC_OPTIONS)


class GradingShell:
    """What ``get_ipython()`` is while a notebook is graded: the grading policy for IPython's syntax.

    The judge turns a cell's magics, shell escapes and help requests into calls of
    ``get_ipython()`` with IPython's own transformer (:mod:`grader.judge.cell_input`);
    here they meet this policy:

    * ``%time`` and ``%prun`` run their statement in the user's namespace, as
      Jupyter does (``%time model = CNN()`` defines ``model``); an expression's
      value is returned (``y = %time f()``);
    * every other line magic does nothing: ``%matplotlib``, ``%pip``, ``%timeit``
      (which runs its statement in a scratch scope), ``%run``, ``%load``, ``obj?``...;
    * shell escapes never start a shell: ``!cmd`` does nothing, ``x = !cmd`` gives ``[]``.
    """


    def __init__(self, namespace: dict):
        self.user_ns = namespace
        # matplotlib registers its redraw hook with the shell IPython's get_ipython gives (see fresh_namespace)
        self.events = types.SimpleNamespace(register=lambda *a, **k: None, unregister=lambda *a, **k: None)

    def run_line_magic(self, name, line="", _stack_depth=1):
        if name not in RUN_MAGICS or not isinstance(line, str) or not _called_from_a_units_top_level():
            return None
        line = magic_statement(name, line)
        try:
            code = compile(line, MAGIC_FILENAME, "eval", dont_inherit=True)  # not this module's __future__ flags
        except SyntaxError:
            exec(compile(line, MAGIC_FILENAME, "exec", dont_inherit=True), self.user_ns)
            return None
        return eval(code, self.user_ns)

    def run_cell_magic(self, name, line="", cell=""):
        """``%%writefile [-a] NAME`` writes its cell, as Jupyter does; ``%%capture NAME`` binds NAME (the judge
        unwrapped its body, which runs as the cell); the judge already unwrapped the other cell magics whose
        body runs, and every other one does nothing.  Called as nbconvert writes a ``%%time`` or ``%%prun`` cell,
        ``get_ipython().run_cell_magic('time', '', body)``, the body runs in the user's namespace, as IPython runs
        it and as the judge's reader reads it (attack round 176: the reader read a hand-written def there that
        never ran).  Only for a unit's own top-level code (:func:`_called_from_a_units_top_level`)."""
        if not _called_from_a_units_top_level():
            return None
        if name in RUN_MAGICS and isinstance(line, str) and not line.strip() and isinstance(cell, str):
            exec(compile(cell, MAGIC_FILENAME, "exec", dont_inherit=True), self.user_ns)
            return None
        if name == "capture" and isinstance(line, str) and line.isidentifier():
            self.user_ns[line] = CapturedOutput()
        if name == "writefile" and isinstance(line, str) and isinstance(cell, str):
            words = line.split()
            append = bool(words) and words[0] in ("-a", "--append")
            target = " ".join(words[1:] if append else words).strip("'\"")
            if target:
                with open(target, "a" if append else "w", encoding="utf-8") as f:
                    f.write(cell)
        return None

    def system(self, cmd="", *args, **kwargs):
        return None

    def getoutput(self, cmd="", *args, **kwargs):
        return []

    def __getattr__(self, name):
        # the rest of what Jupyter's shell offers does nothing; what it lacks is refused as it refuses it
        if name not in SHELL_NAMES:
            raise AttributeError(f"'ZMQInteractiveShell' object has no attribute {name!r}")
        return lambda *args, **kwargs: None


def fresh_namespace() -> dict:
    """The submission's namespace: a module registered as ``__main__``, as IPython's kernel and ``python
    script.py`` make it (pickle finds ``__main__.CNN``, ``torch.save(model)`` works, annotations resolve in
    it).  The fork server's own ``__main__`` leaves ``sys.modules``: nothing of the worker is reached there."""
    main = types.ModuleType("__main__")
    namespace = main.__dict__
    namespace.update({"__builtins__": builtins, "display": lambda *a, **k: None})
    sys.modules["__main__"] = main
    shell = GradingShell(namespace)
    namespace["get_ipython"] = get_ipython = lambda: shell
    # `from IPython import get_ipython` gives the same shell, as in Jupyter: IPython's package takes its
    # get_ipython from IPython.core.getipython, which is this module when the submission first imports IPython
    # (the worker never does; the rest of IPython is the real one).
    module = types.ModuleType("IPython.core.getipython")
    module.get_ipython = get_ipython
    sys.modules.setdefault("IPython.core.getipython", module)
    return namespace


#: The name a script submission has in the worker's folder (:func:`play_the_script_file`).
SCRIPT_FILE = "submission.py"


def play_the_script_file(namespace: dict, source: str) -> None:
    """Make the worker look like ``python submission.py`` to the script it runs.

    ``__file__`` names a real file holding the script and ``sys.argv`` is ``[that file]``, as Python sets them:
    a spawn-context ``multiprocessing`` pool runs ``__main__`` again from its ``__file__`` in each child (fairness
    round 43: a pool under ``if __name__ == "__main__":`` self-checked ``max_pool2d`` and hung until the unit's time
    limit while every child died on ``<submission>``, a file that does not exist), and argparse's ``parse_args()``
    reads ``sys.argv[1:]`` (the fork server's own arguments before).  The file lies in the worker's own folder,
    which the submission may write anyway.  The code objects keep
    :data:`~grader.checkapi.protocol.SCRIPT_FILENAME`, by which the worker and the judge know the submission's
    frames; the text is in ``linecache`` under both names, so that ``inspect`` (doctest, TorchScript) finds a
    class's source through ``__file__`` even if the script rewrites the file.  A child a pool starts runs in the
    same sandbox (the seccomp filter, Landlock, the limits and the namespaces pass through ``exec``), as any child
    of the submission's does.
    """
    path = os.path.join(os.getcwd(), SCRIPT_FILE)
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
    except OSError:  # a folder the worker cannot write (none today): inspect still reads linecache
        pass
    remember_source(path, source)
    namespace["__file__"] = path
    sys.argv = [path]


class MemoryGauge:
    """How much of its memory allowance the process holds, from its address-space limit.

    A cell that keeps most of the allowance (a list of huge tensors in a global)
    would make every later cell and probe fail; the judge skips such a cell on a
    fresh worker instead.
    """

    def __init__(self, share: float = 0.75):
        import resource

        self._page = os.sysconf("SC_PAGE_SIZE")
        self._base = self._used()
        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        self._threshold = None if limit == resource.RLIM_INFINITY else self._base + share * (limit - self._base)

    # Raw os calls bound at definition time: reading through open() would go through
    # Python classes (codecs) that a submission can patch.
    def _used(self, _open=os.open, _read=os.read, _close=os.close, _int=int) -> int:
        try:
            fd = _open("/proc/self/statm", os.O_RDONLY)
        except OSError:
            return 0
        try:
            return _int(_read(fd, 256).split()[0]) * self._page
        finally:
            _close(fd)

    def exhausted(self) -> bool:
        return self._threshold is not None and self._used() > self._threshold


def seed_generators(seed) -> None:
    """Seed Python's, NumPy's and torch's default generators with the judge's ``seed`` (no valid seed: left alone).

    Every worker is forked from one fork server, whose generators torch and Python seeded at random when it
    started: without this, what a submission draws without seeding (its models' initial weights, a random input
    to a self-check) differed from one grading run to the next, and so, for a model whose description depends on
    its own initial weights, did its grade at the same seed (fairness rounds 18, 19 and 21).  Grading is meant to
    be a function of the submission, the seed and the limits (:mod:`grader.judge.grading`).

    Each generator gets its own seed, drawn from ``seed`` as a fresh process draws its own from the system's
    entropy: Python's from 2,500 bytes, NumPy's legacy state from 624 words (the way it seeds itself when given no
    seed), torch's a 64-bit number.  Seeded with ``seed`` itself, the three states matched one another (NumPy's
    first word was torch's seed modulo 2**32), which no process that seeded nothing shows, and a model that was
    the asked network only where they matched earned q7 and q8 (attack round 57).
    """
    if type(seed) is not int or not 0 <= seed < 2**64:
        return
    import hashlib
    import random

    import numpy
    import torch

    def drawn(stream: str, size: int) -> bytes:
        return hashlib.shake_256(f"{stream}:{seed}".encode()).digest(size)

    random.seed(int.from_bytes(drawn("python", 2500), "big"))
    numpy.random.seed(numpy.frombuffer(drawn("numpy", 624 * 4), dtype=numpy.uint32))
    torch.random.default_generator.manual_seed(int.from_bytes(drawn("torch", 8), "little"))


def serve(channel: Channel) -> None:
    """Run one submission and answer probes on ``channel``; returns when the judge is done.

    Everything this loop calls is bound before the submission's code runs, and
    the guard puts back whatever that code patched, each time it returns.
    """
    install_otter_stub()
    # The lecture imports matplotlib.pyplot: without a display, plots render off screen and
    # plt.show() returns at once.  Set here, since the sandbox cleared the environment; read by
    # matplotlib when the submission imports it (it is not imported beforehand: most never do).
    os.environ["MPLBACKEND"] = "Agg"
    namespace = fresh_namespace()
    restore = (_GUARD or Guard()).restore
    judged_precision = full_precision()
    handler = Handler(namespace, timeouts=True, after_submission_code=restore)
    handle, send, recv = handler.handle, channel.send, channel.recv
    exhausted = MemoryGauge().exhausted
    try:
        load = channel.recv()
    except (ChannelClosed, wire.WireError, OSError):
        return
    # Every message answers the request that carried this nonce: a submission writing
    # its own messages into the socket cannot pass them off as answers.
    nonce = load.get(Key.NONCE)
    seed_generators(load.get(Key.RANDOM_SEED))
    written_code.install(load.get(Key.READ_CODE))
    units = load.get(Key.UNITS, [])
    records: list[dict]
    if load.get(Key.KIND) == SubmissionKind.SCRIPT:
        source = units[0] if units else ""
        play_the_script_file(namespace, source)
        try:
            units = script_units(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as exc:
            detail = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
            records = [{Key.INDEX: 0, Key.STATUS: UnitStatus.SYNTAX,
                        Key.ERROR: f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{detail}"}]
            units = None
    # A notebook imports the modules it writes (%%writefile helpers.py) from its folder, as a Jupyter kernel does,
    # and a script from its own, as `python script.py` does (fairness round 32: a script that wrote its module got
    # ModuleNotFoundError); the folder comes last, so that nothing written there shadows an installed module, and
    # what is written there runs only if the judge read it (written_code).
    sys.path.append(os.getcwd())
    if units is not None:
        def started(index: int) -> None:
            restore()
            send({Key.EVENT: Event.UNIT, Key.INDEX: index, Key.NONCE: nonce})

        records = run_units(units, namespace, timeout=load.get(Key.TIME_LIMIT), total=load.get(Key.CODE_TIME_LIMIT),
                            skip=frozenset(load.get(Key.SKIP, [])),
                            on_start=started, after=restore, exhausted=exhausted)
    restore()
    send({Key.LOADED: records, Key.UNITS: len(records), Key.NONCE: nonce})
    while True:
        try:
            request = recv()
        except (ChannelClosed, OSError):
            return
        except wire.WireError as exc:
            send({Answer.REFUSED: str(exc), Key.NONCE: None})
            continue
        if request.get(Key.OP) == WorkerOp.EXIT:
            return
        judged_precision()
        answer = handle(request)  # it restores what the submission patched before encoding the answer
        answer[Key.NONCE] = request.get(Key.NONCE)
        if exhausted():
            answer[Key.MEMORY_EXHAUSTED] = True  # the judge starts a fresh worker for the next probe
        try:
            send(answer)
        except (ValueError, TypeError, OverflowError) as exc:  # an answer that cannot be serialised
            send({Answer.REFUSED: f"the answer cannot be sent: {exc}", Key.NONCE: request.get(Key.NONCE)})


def worker_main(conn_fd: int) -> None:
    """Entry point in the forked worker, after :func:`sandbox.enter`.  Never returns."""
    import socket

    code = 0
    try:
        serve(Channel(socket.socket(fileno=conn_fd), max_send=MAX_REPLY))
    except BaseException:  # the judge learns of it from the closed connection
        code = 70
    finally:
        os._exit(code)
