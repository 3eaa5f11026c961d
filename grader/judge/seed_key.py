"""The seed key: a secret that keeps a chosen seed's hidden inputs out of a submission's reach.

Every hidden input of a run derives from one seed (:meth:`grader.questions.base.Context.rng`), and the
derivation is public (this code).  A fresh seed is 64 random bits, recorded in grades.json only, so no
submission can compute the inputs it will be judged on.  A seed an instructor chooses (``--seed 7``, a
regrade's) can be guessed: attack round 37 drew the judge's q6 inputs for seeds 0 to 31 at top level, where
torch's convolution is allowed, and answered from that table.  So a batch derives its hidden inputs from

    hidden seed = first 8 bytes of HMAC-SHA256(seed key, str(seed))

where the seed key is a file of the instructor's that no worker can read (each runs under another uid, in its
own file system or under Landlock).  grades.json records the key's fingerprint, never the key: a resumed run
must use the same key, and a regrade on another machine needs the key copied there.

Gradescope's ``run_autograder`` grades each submission with a fresh seed and no key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from .. import keyfile
from ..errors import GraderError

#: The environment variable that names the seed key's file (or :data:`UNKEYED`) when ``--seed-key`` is not given.
SEED_KEY_ENV = "CNN_GRADER_SEED_KEY"
#: ``--seed-key none``: the seed alone decides the hidden inputs (a chosen seed can then be guessed; for
#: comparisons with runs graded before seed keys existed).
UNKEYED = "none"
#: grades.json's header key for the seed key's :func:`fingerprint` (null: graded without one).
SEED_KEY_RECORD = "seed_key"


class SeedKeyError(GraderError):
    """A seed key that cannot be read or made."""


def default_path() -> Path:
    """Where the seed key lives when neither ``--seed-key`` nor :data:`SEED_KEY_ENV` names one."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "cnn-grader" / "seed.key"


def resolve(option: str | None) -> bytes | None:
    """The seed key a run uses, its bytes as they are (:func:`grader.keyfile.read_key`): the file ``option`` names
    (``--seed-key``), else the one :data:`SEED_KEY_ENV` names, else :func:`default_path` (made on first use,
    readable by its owner only); None for :data:`UNKEYED`.

    Raises:
        SeedKeyError: the file cannot be read, is too short, or cannot be made.
    """
    named = option if option is not None else os.environ.get(SEED_KEY_ENV) or None
    if named is not None and named.strip().lower() == UNKEYED:
        return None
    path = Path(named) if named is not None else default_path()
    if named is None and not path.exists():
        _make(path)
    return keyfile.read_key(path, "the seed key", SeedKeyError)


def _make(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        keyfile.write_new_key(path)
    except FileExistsError:
        return  # another run made it first
    except OSError as exc:
        raise SeedKeyError(f"cannot make the seed key {path}: {exc.strerror}; give --seed-key FILE "
                           f"(any file of {keyfile.MIN_KEY_BYTES} or more secret bytes)") from None


def hidden_seed(seed: int, key: bytes | None) -> int:
    """The seed a run's hidden inputs (and its workers' generators) derive from: ``seed`` itself without a key,
    else the first 8 bytes of HMAC-SHA256(key, str(seed))."""
    if key is None:
        return seed
    return int.from_bytes(hmac.new(key, str(seed).encode(), hashlib.sha256).digest()[:8], "big")


def fingerprint(key: bytes | None) -> str | None:
    """What grades.json records of the key: 16 hex digits that tell two keys apart and reveal nothing of it."""
    if key is None:
        return None
    return hashlib.sha256(b"cnn-grader seed key\0" + key).hexdigest()[:16]
