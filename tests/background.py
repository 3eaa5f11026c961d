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
    """``function(key)`` for every key, in forked children at nice 19; :meth:`result` waits for one.

    With ``children`` above one the keys are dealt out in turn, so that a run still going when the tests before it
    end (they read its results last) has both of CI's cores to itself rather than one."""

    def __init__(self, function, keys: list, children: int = 1):
        context = multiprocessing.get_context("fork")
        keys = list(keys)
        self._runs = []
        self._run_of: dict = {}
        for index in range(max(1, min(children, len(keys)))):
            share = keys[index::children]
            connection, theirs = context.Pipe(duplex=False)
            process = context.Process(target=_serve, args=(function, share, theirs), daemon=True)
            process.start()
            theirs.close()
            self._runs.append((connection, process))
            self._run_of.update((key, index) for key in share)
        self._results: dict = {}

    def result(self, key, timeout: float = 1800.0):
        """The value ``function(key)`` returned; raises AssertionError with the child's traceback if it raised."""
        connection, process = self._runs[self._run_of.get(key, 0)]
        while key not in self._results:
            if not connection.poll(timeout):
                raise AssertionError(f"the background run gave no result for {key!r} in {timeout:.0f} s")
            try:
                got, ok, value = connection.recv()
            except EOFError:
                raise AssertionError(f"the background run ended before {key!r} (exit code "
                                     f"{process.exitcode})") from None
            self._results[got] = (ok, value)
        ok, value = self._results[key]
        if not ok:
            raise AssertionError(f"the background run raised for {key!r}:\n{value}")
        return value

    def kill(self) -> None:
        for _, process in self._runs:
            if process.is_alive():
                process.kill()
        for _, process in self._runs:
            process.join(5)
