"""The private names an object of torch's may answer to, read once from the installed torch and kept in a file.

A submission's own class may give its instances a private attribute (``self._net``, ``self._loss``) that its
helpers read from outside the class (``model._net``).  Such a read tampers with nothing when no object of torch's
answers to the name, and the reader (:mod:`grader.questions.static`) costs it only what reaches it; otherwise
the object read may be torch's own (an autograd node's ``_raw_saved_input``, a dispatch mode's
``_pop_mode_temporarily``: attack round 106).  Torch's names are spelled in its Python sources and stubs, and those
of its C objects (``_raw_saved_self``, made per autograd node) only as strings in ``libtorch_python.so``; reading
all of it takes about two seconds, too long for each submission, so :func:`main` reads it once and
:data:`NAMES_FILE` keeps the result for the torch installed (a test fails when the file is stale).

    python -m grader.questions.torch_names    # write NAMES_FILE anew for the installed torch
"""

from __future__ import annotations

import functools
import glob
import importlib.metadata
import importlib.util
import re
from pathlib import Path

NAMES_FILE = Path(__file__).with_name("torch_private_names.txt")
#: A private identifier in a source or stub (a local of the same spelling counts too: it errs towards a name
#: being torch's).
SOURCE_NAME = re.compile(r"\b_\w+")
#: A private identifier kept as a C string (NUL-terminated) in a compiled library: the names of attributes and methods
#: its Python types define (not C++'s mangled symbols, ``_ZN...``, which no Python object answers to).
COMPILED_NAME = re.compile(rb"(?<![\w])_(?!Z)[A-Za-z]\w{0,80}(?=\x00)")
#: torch's compiled files that define Python types: its extension module and the library behind it.
COMPILED_SOURCES = ("_C*.so", "lib/libtorch_python.so")
#: Names that every complete reading holds (one of its sources, its stubs and its compiled library each).
WITNESSES = frozenset({"_conv_forward", "_backward_hooks", "_version", "_raw_saved_self"})


class TorchNamesUnreadable(RuntimeError):
    """torch's sources could not be read: no name may then be taken for the submission's alone."""


def torch_version() -> str:
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        raise TorchNamesUnreadable("torch is not installed") from None


def read_installed() -> frozenset[str]:
    """Every private name in the installed torch's sources, stubs and compiled Python types (about two seconds)."""
    spec = importlib.util.find_spec("torch")
    names: set[str] = set()
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for path in glob.glob(f"{folder}/**/*.py", recursive=True) + glob.glob(f"{folder}/**/*.pyi", recursive=True):
            with open(path, encoding="utf-8", errors="replace") as source:
                names.update(SOURCE_NAME.findall(source.read()))
        for pattern in COMPILED_SOURCES:
            for path in glob.glob(f"{folder}/{pattern}"):
                with open(path, "rb") as compiled:
                    names.update(n.decode("ascii") for n in COMPILED_NAME.findall(compiled.read()))
    if not WITNESSES <= names:
        raise TorchNamesUnreadable("torch's sources, stubs and compiled library could not all be read")
    return frozenset(names)


def file_text(version: str, names: frozenset[str]) -> str:
    return f"# torch {version}: written by python -m grader.questions.torch_names\n" + "".join(
        f"{name}\n" for name in sorted(names))


@functools.lru_cache(maxsize=1)
def torch_private_names() -> frozenset[str]:
    """The names of :data:`NAMES_FILE` when it was written for the installed torch; read anew otherwise."""
    version = torch_version()
    try:
        header, *names = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return read_installed()
    if header != file_text(version, frozenset()).rstrip("\n") or not WITNESSES <= set(names):
        return read_installed()
    return frozenset(names)


def main() -> None:
    names = read_installed()
    NAMES_FILE.write_text(file_text(torch_version(), names), encoding="utf-8")
    print(f"{NAMES_FILE}: {len(names)} names of torch {torch_version()}")


if __name__ == "__main__":
    main()
