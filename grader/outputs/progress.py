"""Progress of a batch: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import time


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
            self._line(f"{already} submission(s) already graded in this folder; grading the other {total}")
        if self.tty and total:
            self._bar()

    def update(self, result) -> None:
        self.done += 1
        if self.tty:
            self._bar()
        else:
            name = "".join(c if c.isprintable() else "?" for c in result.student)
            self._line(f"[{self.done}/{self.total}] {name}: {result.status} "
                       f"{result.total:g}/{result.max_total:g} ({result.seconds:.2f} s)")

    def finish(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()

    def _bar(self) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        eta = f"{left:.0f}s left" if left == left else "--"
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                          f"{rate:.1f}/s {eta}   ")
        self.stream.flush()

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
