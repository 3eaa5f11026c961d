"""Files of secret bytes: the course key (grader.variants) and the seed key (grader.judge.seed_key).

One way to make one (random, readable by its owner only, never over an existing file) and one way to read one (its
bytes as they are, at least :data:`MIN_KEY_BYTES` of them besides surrounding spaces).
"""

from __future__ import annotations

import os
from pathlib import Path

#: A key is at least this many secret bytes.
MIN_KEY_BYTES = 16
#: The random bytes a new key holds (written in hex).
NEW_KEY_BYTES = 32


def write_new_key(path: Path) -> None:
    """Write a new random key to ``path``, readable by its owner only.

    Raises:
        FileExistsError: a file is there already (a key is never overwritten).
        OSError: the file cannot be made.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(os.urandom(NEW_KEY_BYTES).hex().encode() + b"\n")


def read_key(path: Path, what: str, error: type[Exception]) -> bytes:
    """The key in ``path``: its bytes as they are.  ``what`` names it in the messages of ``error``, raised when the
    file cannot be read or holds fewer than :data:`MIN_KEY_BYTES` bytes besides surrounding spaces."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise error(f"{what} {path}: {exc.strerror}") from None
    if len(data.strip()) < MIN_KEY_BYTES:
        raise error(f"{what} {path} needs at least {MIN_KEY_BYTES} bytes; it has {len(data.strip())}")
    return data
