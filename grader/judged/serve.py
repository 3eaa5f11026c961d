"""The worker's life: run the submission's code, then answer the judge until told to stop.

Messages from the judge, in order:

1. ``{"op": "load", "kind": "notebook"|"script", "units": [...], "timeout": s, "skip": [...]}``:
   the worker runs the units, sends ``{"event": "unit", "index": i}`` as each
   one starts (so that the judge knows which one to skip if the process dies
   in it), then ``{"loaded": records, "isolation": {...}}``.
2. Any number of probe requests (see :mod:`.handler`), each answered once.
3. ``{"op": "exit"}``, or the connection closing: the worker exits.
"""

from __future__ import annotations

import builtins
import os
import sys
import types

from . import wire
from .cells import run_units, script_units
from .channel import Channel, ChannelClosed
from .handler import Handler


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
            return lambda *args, **kwargs: None

    stub = types.ModuleType("otter")
    stub.Notebook = _Inert
    stub.__getattr__ = lambda name: _Inert  # otter.anything
    sys.modules["otter"] = stub


def fresh_namespace() -> dict:
    return {"__name__": "__main__", "__builtins__": builtins, "display": lambda *a, **k: None}


def serve(channel: Channel, isolation: dict) -> None:
    """Run one submission and answer probes on ``channel``; returns when the judge is done."""
    install_otter_stub()
    namespace = fresh_namespace()
    handler = Handler(namespace, timeouts=True)
    try:
        load = channel.recv()
    except (ChannelClosed, wire.WireError, OSError):
        return
    units = load.get("units", [])
    records: list[dict]
    if load.get("kind") == "script":
        try:
            units = script_units(units[0] if units else "")
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as exc:
            detail = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
            records = [{"index": 0, "status": "syntax",
                        "error": f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{detail}"}]
            units = None
    if units is not None:
        records = run_units(units, namespace, timeout=load.get("timeout"), skip=frozenset(load.get("skip", [])),
                            on_start=lambda i: channel.send({"event": "unit", "index": i}))
    channel.send({"loaded": records, "units": len(records), "isolation": isolation})
    while True:
        try:
            request = channel.recv()
        except (ChannelClosed, OSError):
            return
        except wire.WireError as exc:
            channel.send({"refused": str(exc)})
            continue
        if request.get("op") == "exit":
            return
        answer = handler.handle(request)
        try:
            channel.send(answer)
        except (ValueError, TypeError, OverflowError) as exc:  # an answer that cannot be serialised
            channel.send({"refused": f"the answer cannot be sent: {exc}"})


def worker_main(conn_fd: int, isolation: dict) -> None:
    """Entry point in the forked worker, after :func:`sandbox.enter`.  Never returns."""
    import socket

    code = 0
    try:
        serve(Channel(socket.socket(fileno=conn_fd)), isolation)
    except BaseException:  # the judge learns of it from the closed connection
        code = 70
    finally:
        os._exit(code)
