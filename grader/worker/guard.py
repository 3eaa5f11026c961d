"""Undo a submission's monkeypatches of the code the worker itself runs on.

A submission runs in the same interpreter as the worker's probe server.  It
may replace ``json.dumps``, ``builtins.len``, or "every function of every
loaded module" with a stub: that must cost it the questions the stub breaks,
never the answers it gave honestly.  So the worker takes a snapshot of the
modules and classes its own serving code uses, before any submission code
runs, and puts them back after every piece of submission code returns.

Patching the submission's own view of torch is not undone here: that is the
submission's business, and it cannot reach the judge, which runs elsewhere.
"""

from __future__ import annotations

import operator
import sys

#: Modules the serving path (decode a request, encode an answer, talk on the socket) runs on.
PROTECTED_MODULES = (
    "builtins", "json", "json.encoder", "json.decoder", "json.scanner", "base64", "binascii", "struct",
    "signal", "traceback", "linecache", "types", "math",
    "torch.fx.traceback",  # (its format_stack answers anomaly mode with no stack: serve.stackless_anomaly_mode)
    # A warning raised inside a judged pass is filed under the worker's recorder: where warnings are shown and kept
    # (showwarning, _showwarnmsg_impl, the filters' list a catch_warnings swaps in) is put back after submission code,
    # so that a capture left on past its statement (logging.captureWarnings, a catch_warnings(record=True) held in a
    # suspended generator) holds none of them (attack round 73)
    "warnings",
)
#: Of sys, the names the guard puts back: where output and warnings go.
STANDARD_STREAMS = ("stdout", "stderr")
# (The worker binds what it needs of socket, os and numpy before the submission runs, so
# those large modules need no restoring: see channel.Channel, serve.MemoryGauge, wire._numpy.)


def _builtin(cls: type) -> bool:
    """Types implemented in C whose attributes cannot be set anyway."""
    try:
        type.__setattr__(cls, "__cnn_grader_probe__", None)
        type.__delattr__(cls, "__cnn_grader_probe__")
        return False
    except (TypeError, AttributeError):
        return True


#: The packages of the worker's own serving code: the worker and the check API it answers probes with.
SERVING_PACKAGES = ("grader.worker", "grader.checkapi")


class Guard:
    """A snapshot of module and class namespaces; :meth:`restore` puts every snapshotted name back."""

    def __init__(self, extra_modules: tuple[str, ...] = ()):
        names = PROTECTED_MODULES + extra_modules + tuple(
            n for n in sys.modules if n in SERVING_PACKAGES or n.startswith(tuple(p + "." for p in SERVING_PACKAGES)))
        self._modules = []
        self._classes = []
        for name in names:
            module = sys.modules.get(name)
            if module is None:
                continue
            namespace = vars(module)
            self._modules.append((namespace, dict(namespace)))
            for value in list(namespace.values()):  # the classes it defines (json.JSONEncoder, ...)
                if isinstance(value, type) and value.__module__ == name and not _builtin(value):
                    snapshot = {k: v for k, v in vars(value).items() if k not in ("__dict__", "__weakref__")}
                    self._classes.append((value, tuple(snapshot), tuple(snapshot.values())))
        # The standard streams, and no other name of sys (a notebook sets sys.argv for argparse): torch's warnings
        # inside a judged pass are filed under the worker's recorder, and a stream redirected for good (an ExitStack,
        # a suspended generator holding redirect_stderr) would hand a model their text (attack round 73).
        streams = vars(sys)
        self._modules.append((streams, {k: streams[k] for k in STANDARD_STREAMS if k in streams}))
        # warnings' filters, which filterwarnings changes in place: a filter turning a warning filed under the
        # worker's module into an error (`filterwarnings("error", module="grader")` at the top level) told a judged
        # pass from training (attack round 76); the list as it was, its contents put back after submission code.
        warnings_module = sys.modules.get("warnings")
        filters = getattr(warnings_module, "filters", None)
        self._filters = (filters, list(filters), warnings_module._filters_mutated) \
            if type(filters) is list and hasattr(warnings_module, "_filters_mutated") else None
        # Bound now, from types a submission cannot patch.
        self._set_items = list.__setitem__
        self._update = dict.update
        self._setattr = type.__setattr__
        self._any, self._map, self._is_not = any, map, operator.is_not

    def restore(self) -> None:
        """Put every snapshotted name back; names a submission added stay (they harm nothing)."""
        update, setattr_, any_, map_, is_not = self._update, self._setattr, self._any, self._map, self._is_not
        for namespace, snapshot in self._modules:
            update(namespace, snapshot)
        if self._filters is not None:
            filters, kept, mutated = self._filters
            if len(filters) != len(kept) or any_(map_(is_not, filters, kept)):
                self._set_items(filters, slice(None), kept)
                mutated()
        for cls, keys, values in self._classes:
            # Compared by identity in C (a class untouched, nearly always, costs no Python loop: restoring after
            # every piece of submission code was a twelfth of a worker's time); never by ==, which would run a
            # replacement's own __eq__.
            current = vars(cls).get  # builtins are already restored here
            if not any_(map_(is_not, map_(current, keys), values)):
                continue
            for key, value in zip(keys, values):
                if current(key) is not value:
                    try:
                        setattr_(cls, key, value)
                    except (TypeError, AttributeError):
                        pass
