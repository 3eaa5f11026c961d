"""The private names an object of an installed library may answer to, read once and kept in a file.

A submission's own class may give its instances a private attribute (``self._net``, ``self._loss``) that its
helpers read from outside the class (``trainer._net``).  Such a read tampers with nothing and tells nothing when no
object of a library answers to the name, and the reader (:mod:`grader.questions.static`) then costs it only what
reaches it; otherwise the object read may be a library's (an autograd node's ``_raw_saved_input``, a dispatch
mode's ``_pop_mode_temporarily``: attack round 106; matplotlib's ``rcParams._get_backend_or_none()``, which tells
the worker's backend: attack round 165).  The names are spelled in the libraries' Python sources and stubs, and
those of their C objects (``_raw_saved_self``, made per autograd node) only as strings in their compiled files:
torch's, the standard library's and every other installed package's.  Reading them all takes seconds, too long
for each submission, so :func:`main` reads them once and :data:`NAMES_FILE` keeps them.  torch is pinned: a test
fails when the file lacks a name of the installed torch, and a file written for another torch is completed by
reading torch anew.  The other packages are as installed when the file was written (write it anew after an
upgrade).

    python -m grader.questions.library_names    # write NAMES_FILE anew
"""

from __future__ import annotations

import functools
import glob
import importlib.metadata
import importlib.util
import os
import re
import sysconfig
from pathlib import Path

NAMES_FILE = Path(__file__).with_name("library_private_names.txt")
#: A private identifier in a source or stub (a local of the same spelling counts too: it errs towards a name
#: being a library's).
SOURCE_NAME = re.compile(r"\b_\w+")
#: A private identifier kept as a C string (NUL-terminated) in a compiled file: the names of attributes and methods
#: its Python types define (not C++'s mangled symbols, ``_ZN...``, which no Python object answers to).
COMPILED_NAME = re.compile(rb"(?<![\w])_(?!Z)[A-Za-z]\w{0,80}(?=\x00)")
#: Names that every complete reading of torch holds (its sources, its stubs and its compiled library each).
TORCH_WITNESSES = frozenset({"_conv_forward", "_backward_hooks", "_version", "_raw_saved_self"})
#: Names that every complete reading of the rest holds (the standard library's, NumPy's and matplotlib's).
OTHER_WITNESSES = frozenset({"_getframe", "_handlerList", "_get_backend_or_none"})
HEADER = "# torch {version}: written by python -m grader.questions.library_names"


class LibraryNamesUnreadable(RuntimeError):
    """The libraries' sources could not be read: no name may then be taken for the submission's alone."""


def torch_version() -> str:
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        raise LibraryNamesUnreadable("torch is not installed") from None


def _names_in(folder: str) -> set[str]:
    """Every private name in ``folder``'s Python sources and stubs, and in its compiled files' C strings."""
    names: set[str] = set()
    for pattern in ("**/*.py", "**/*.pyi"):
        for path in glob.glob(f"{folder}/{pattern}", recursive=True):
            try:
                with open(path, encoding="utf-8", errors="replace") as source:
                    names.update(SOURCE_NAME.findall(source.read()))
            except OSError:
                continue
    for path in glob.glob(f"{folder}/**/*.so", recursive=True):
        if os.path.getsize(path) > 400_000_000:
            continue  # (libtorch_cpu's kernels: operators, not Python objects' names)
        try:
            with open(path, "rb") as compiled:
                names.update(n.decode("ascii") for n in COMPILED_NAME.findall(compiled.read()))
        except OSError:
            continue
    return names


def read_torch() -> frozenset[str]:
    """Every private name of the installed torch (about two seconds)."""
    spec = importlib.util.find_spec("torch")
    names = set().union(*(_names_in(folder) for folder in (spec.submodule_search_locations or []))) \
        if spec is not None else set()
    if not TORCH_WITNESSES <= names:
        raise LibraryNamesUnreadable("torch's sources, stubs and compiled library could not all be read")
    return frozenset(names)


def read_the_rest() -> frozenset[str]:
    """Every private name of the standard library and of every other installed package (about fifteen seconds)."""
    paths = sysconfig.get_paths()
    folders = {paths["stdlib"], paths["platstdlib"]}
    for site in {paths["purelib"], paths["platlib"]}:
        folders.update(p for p in glob.glob(f"{site}/*") if os.path.isdir(p)
                       and not p.endswith((".dist-info", ".egg-info")) and os.path.basename(p) != "torch")
    names = set().union(*(_names_in(folder) for folder in folders))
    if not OTHER_WITNESSES <= names:
        raise LibraryNamesUnreadable("the standard library's and the packages' sources could not be read")
    return frozenset(names)


def file_text(version: str, names: frozenset[str]) -> str:
    return HEADER.format(version=version) + "\n" + "".join(f"{name}\n" for name in sorted(names))


@functools.lru_cache(maxsize=1)
def library_private_names() -> frozenset[str]:
    """The names of :data:`NAMES_FILE`, with the installed torch's read anew when it was written for another."""
    version = torch_version()
    try:
        header, *names = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        raise LibraryNamesUnreadable(f"{NAMES_FILE} cannot be read") from None
    if not (TORCH_WITNESSES | OTHER_WITNESSES) <= set(names):
        raise LibraryNamesUnreadable(f"{NAMES_FILE} is cut short")
    if header != HEADER.format(version=version):
        return frozenset(names) | read_torch()
    return frozenset(names)


def main() -> None:
    names = read_torch() | read_the_rest()
    NAMES_FILE.write_text(file_text(torch_version(), names), encoding="utf-8")
    print(f"{NAMES_FILE}: {len(names)} names (torch {torch_version()})")


if __name__ == "__main__":
    main()
