"""Progress of a batch: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import time

from .text import already_graded, progress_bar, progress_line


class Progress:
    """Reports each finished submission to ``stream``.

    On a terminal: one line rewritten in place with the count, the rate and the
    time left.  Elsewhere (CI logs, files): one line per submission.
    """

    def __init__(self, stream, *, tty: bool | None = None):
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.total = self.done = 0
        self.started = time.monotonic()

    def start(self, total: int, already: int = 0) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()
        if already:
            self._line(already_graded(already, total))
        if self.tty and total:
            self._bar()

    def update(self, result) -> None:
        self.done += 1
        if self.tty:
            self._bar()
        else:
            self._line(progress_line(self.done, self.total, result))

    def finish(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()

    def _bar(self) -> None:
        self.stream.write(progress_bar(self.done, self.total, time.monotonic() - self.started))
        self.stream.flush()

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
