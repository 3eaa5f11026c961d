"""Test work that runs beside the suite: started at collection in a forked child at the lowest priority.

Some checks grade in this process (``LocalProbe``) with no time limit and no shared state: every seed of the mistake
corpus, every mistake on twenty variants.  They need CPU, not the machine to themselves, so they run on the core
the rest of the suite leaves idle (one-core stretches, waits for subprocesses), as the fairness oracle does
(``tests/fair_oracle.py``), and the tests that read their results run last (``conftest.pytest_collection_modifyitems``).
A timed test sees the child only as a nice-19 neighbour.

Run alone (``pytest tests/test_bank.py -k seed``), a test computes its result in place.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback


def _serve(function, keys, connection) -> None:
    os.nice(19)
    import torch

    torch.set_num_threads(1)  # a forked child must not wait on the parent's pool of threads
    for key in keys:
        try:
            connection.send((key, True, function(key)))
        except BaseException:  # the test that reads it reports it
            connection.send((key, False, traceback.format_exc()))
    connection.close()


class Background:
    """``function(key)`` for every key, in that order, in a forked child at nice 19; :meth:`result` waits for one."""

    def __init__(self, function, keys: list):
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(function, list(keys), theirs), daemon=True)
        self.process.start()
        theirs.close()
        self._results: dict = {}

    def result(self, key, timeout: float = 1800.0):
        """The value ``function(key)`` returned; raises AssertionError with the child's traceback if it raised."""
        while key not in self._results:
            if not self._connection.poll(timeout):
                raise AssertionError(f"the background run gave no result for {key!r} in {timeout:.0f} s")
            try:
                got, ok, value = self._connection.recv()
            except EOFError:
                raise AssertionError(f"the background run ended before {key!r} (exit code "
                                     f"{self.process.exitcode})") from None
            self._results[got] = (ok, value)
        ok, value = self._results[key]
        if not ok:
            raise AssertionError(f"the background run raised for {key!r}:\n{value}")
        return value

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
