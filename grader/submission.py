"""Read submissions: notebooks and scripts, from files, folders and zip archives.

Reading happens in the judge and only parses: no submission code runs here.
What a worker receives is a :class:`Submission`'s ``units``, the code to run.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .cell_input import transform_cell
from .errors import InvalidSubmission, UsageError

SUFFIXES = (".ipynb", ".py")
#: Largest submission file read (a notebook with 60 MB of saved output still fits).
MAX_BYTES = 128 * 1024 * 1024
#: Most members read from one zip archive.
MAX_ARCHIVE_MEMBERS = 5000

# Canvas names downloads "name_userid_attemptid_original.ext" (with "_LATE" after the name when late).
CANVAS_NAME = re.compile(r"^(?P<name>[^_]+)_(?:LATE_)?(?P<user>\d+)_(?P<attempt>\d+)_(?P<original>.+)$")


@dataclass(frozen=True)
class Source:
    """Where a submission's bytes come from: a file, or a member of a zip archive."""

    path: Path
    member: str | None = None
    broken: str | None = None
    """Why this source cannot be read at all (an archive that is not a zip): it becomes an invalid row."""

    @property
    def name(self) -> str:
        """The submission's file name (the CSV's ``submission`` column)."""
        return Path(self.member).name if self.member else self.path.name

    @property
    def label(self) -> str:
        return f"{self.path}:{self.member}" if self.member else str(self.path)

    def read(self) -> bytes:
        if self.broken:
            raise InvalidSubmission(f"{self.label}: {self.broken}")
        try:
            if self.member is None:
                size = self.path.stat().st_size
                if size > MAX_BYTES:
                    raise InvalidSubmission(f"{self.label}: {size} bytes, more than the {MAX_BYTES} a submission may have")
                return self.path.read_bytes()
            with zipfile.ZipFile(self.path) as archive:
                info = archive.getinfo(self.member)
                if info.file_size > MAX_BYTES:
                    raise InvalidSubmission(f"{self.label}: {info.file_size} bytes unpacked, more than {MAX_BYTES}")
                with archive.open(info) as handle:
                    data = handle.read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    raise InvalidSubmission(f"{self.label}: more than {MAX_BYTES} bytes unpacked")
                return data
        except (OSError, zipfile.BadZipFile, KeyError, RuntimeError) as exc:
            raise InvalidSubmission(f"{self.label}: cannot be read ({exc})") from None


@dataclass(frozen=True)
class Submission:
    """A submission ready to grade."""

    source: Source
    kind: str
    """``notebook`` or ``script``."""
    sha256: str
    """Hash of the file's bytes: a result is reused by ``--resume`` only for the same bytes."""
    units: tuple[str, ...]
    """Notebook: the code cells' sources, in order.  Script: one entry, the whole source."""
    notes: tuple[str, ...] = field(default=())
    """What reading changed: magics removed, undecodable bytes replaced, ..."""

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def student(self) -> str:
        return student_id(self.name)


def student_id(file_name: str) -> str:
    """The student a file belongs to: Canvas's user id when the name has Canvas's form, else the stem."""
    stem = file_name
    for suffix in SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    match = CANVAS_NAME.match(file_name)
    if match:
        return match.group("user")
    return stem


def collect(paths: list[Path]) -> list[Source]:
    """Every submission under ``paths`` (files, folders searched recursively, zip archives), sorted.

    Raises:
        UsageError: a path does not exist, or no submission was found.
        InvalidSubmission: a file given by name is not a notebook, a script or a zip archive.
    """
    found: list[Source] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        if path.is_dir():
            members = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES + (".zip",)
                             and not _hidden(p.relative_to(path)))
            for p in members:
                found.extend(_archive_members(p) if p.suffix == ".zip" else [Source(p)])
        elif path.suffix == ".zip":
            found.extend(_archive_members(path))
        elif path.suffix in SUFFIXES:
            found.append(Source(path))
        else:
            raise InvalidSubmission(f"{path}: not a notebook (.ipynb), a script (.py) or a zip archive of them")
    if not found:
        raise UsageError(f"no submissions (.ipynb or .py files) found in {', '.join(map(str, paths))}")
    return found


def _hidden(relative: Path) -> bool:
    return any((part.startswith(".") and part not in ("..", ".")) or part in ("__MACOSX", "__pycache__")
               for part in relative.parts)


def _archive_members(path: Path) -> list[Source]:
    """The submissions in a zip archive; one broken source when the archive cannot be used.

    Members are read from the archive, never extracted, so a name like
    ``../../x.py`` cannot write anywhere.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError) as exc:
        return [Source(path, broken=f"not a readable zip archive ({exc})")]
    if len(names) > MAX_ARCHIVE_MEMBERS:
        return [Source(path, broken=f"more than {MAX_ARCHIVE_MEMBERS} files in the archive")]
    return [Source(path, n) for n in sorted(names)
            if not n.endswith("/") and Path(n).suffix in SUFFIXES and not _hidden(Path(n))]


def load(source: Source) -> Submission:
    """Read and parse one submission.

    Raises:
        InvalidSubmission: unreadable, not JSON, not a notebook, ...
    """
    data = source.read()
    digest = hashlib.sha256(data).hexdigest()
    if source.name.endswith(".ipynb"):
        cells, notes = notebook_cells(data, source.label)
        return Submission(source, "notebook", digest, tuple(cells), tuple(notes))
    if source.name.endswith(".py"):
        text, notes = decode_script(data)
        return Submission(source, "script", digest, (text,), tuple(notes))
    raise InvalidSubmission(f"{source.label}: not a notebook (.ipynb) or a script (.py)")


def decode_script(data: bytes) -> tuple[str, list[str]]:
    """A script's text: UTF-8 (or its coding cookie); other bytes are replaced and noted."""
    import io
    import tokenize

    if b"\x00" in data:
        raise InvalidSubmission("the script contains NUL bytes: it is not a text file")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8"
    try:
        return data.decode(encoding), []
    except (UnicodeDecodeError, LookupError):
        text = data.decode("utf-8", errors="replace")
        return text, [f"the file is not valid {encoding}: undecodable bytes were replaced by U+FFFD"]


def notebook_cells(data: bytes, label: str) -> tuple[list[str], list[str]]:
    """The code cells of a notebook (nbformat 4, or 3 with worksheets), as IPython would run them (:mod:`.cell_input`)."""
    try:
        nb = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidSubmission(f"{label}: not valid notebook JSON") from None
    if not isinstance(nb, dict):
        raise InvalidSubmission(f"{label}: not a notebook (the JSON is not an object)")
    if isinstance(nb.get("cells"), list):
        raw_cells, key = nb["cells"], "source"
    elif isinstance(nb.get("worksheets"), list):
        raw_cells = [c for w in nb["worksheets"] if isinstance(w, dict) for c in w.get("cells", []) or []]
        key = "input"
    else:
        raise InvalidSubmission(f"{label}: not a notebook (no list of cells)")
    cells, notes = [], []
    for cell in raw_cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get(key, "")
        if isinstance(source, list) and all(isinstance(s, str) for s in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise InvalidSubmission(f"{label}: a code cell's source is not text")
        code, cell_notes = transform_cell(source)
        notes.extend(f"cell {len(cells) + 1}: {note}" for note in cell_notes)
        cells.append(code)
    return cells, notes
