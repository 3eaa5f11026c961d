"""Read submissions: notebooks and scripts, from files, folders and zip archives.

Reading happens in the judge and only parses: no submission code runs here.
What a worker receives is a :class:`Submission`'s ``units``, the code to run.
Parsing a submission's bytes (:func:`load_bounded`) happens in a short-lived
child process with the submission's own time limit and a memory limit, so a
file built to make parsing slow or large costs only its own row.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..checkapi.protocol import SubmissionKind
from ..errors import InvalidMetadata, InvalidSubmission, SandboxError, UsageError
from ..records import ID_CANVAS, ID_EMAIL, ID_FILE, ID_FOLDER, ID_SID
from .cell_input import jupyter_newlines, transform_cell

SUFFIXES = (".ipynb", ".py")
#: A zip archive's suffix: a zip found in what was given counts as a folder.
ZIP_SUFFIX = ".zip"
#: Largest submission file read (a notebook with 60 MB of saved output still fits).
MAX_BYTES = 128 * 1024 * 1024
#: Most members read from one zip archive.
MAX_ARCHIVE_MEMBERS = 5000
#: How zip members may be compressed: what every zip tool writes by default.  A bzip2 or LZMA member is
#: decompressed whole whatever size it declares (115 bytes of bzip2 unpack to 128 MiB: 1.45 s of CPU each).
ARCHIVE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
#: Most files graded for one student (one owner): the rest are named in a warning.  One upload of
#: 5,000 sleeping scripts would otherwise take the batch some four days (attack round 10).
MAX_FILES_PER_STUDENT = 20
#: Most bytes read (unpacked) for one student's files, as their sizes or their archive declare them.
MAX_BYTES_PER_STUDENT = 512 * 1024 * 1024
#: Most code cells run from one notebook; the cells after them are not run (and said so).
MAX_UNITS = 2000
#: Largest code cell (characters) run and parsed; a larger one is replaced by a cell that says so.
#: Preprocessing and the judge's static analysis see no unit above this.
MAX_UNIT_CHARS = 100_000
#: Most characters of code one submission may have in all; the cells past it are not run either.
MAX_SOURCE_CHARS = 400_000
#: Address space of the child process that parses one submission, in MiB.
LOAD_MEMORY_MB = 1024
#: A submission this small (bytes, and lines: every break ``str.splitlines`` knows, escaped in a notebook's JSON
#: or not) is parsed in the judge itself: every step of parsing is bounded for it.  Larger ones go to a child process.
INLINE_BYTES = 1024 * 1024
INLINE_LINES = 3000
#: What ``str.splitlines`` (so IPython's transformation) takes for a line break, in a file's bytes: UTF-8, and
#: escaped in JSON (``\\r``, ``\\u2028``...).  Attack round 68: 8,000 lines ending in ``\r`` (32 KB, no ``\n``) were
#: "small" and cost the judge 33.6 s.  ``\r\n`` (escaped or not) is one break.
_LINE_BREAKS = re.compile(rb"\r\n|[\n\r\x0b\x0c\x1c-\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]"
                          rb"|\\r\\n|\\[nrf]|\\u(?:000[bcBC]|001[c-eC-E]|0085|202[89])")
#: The breaks among them Jupyter does not make ``\n`` (:func:`~grader.judge.cell_input.jupyter_newlines`): a line
#: IPython ends at one costs its tokenizer milliseconds (:mod:`grader.judge.cell_input`), so a file holding more than
#: :data:`INLINE_ODD_BREAKS` of them is parsed in the bounded child.  Code hardly ever holds one.
_ODD_BREAKS = re.compile(rb"[\x0b\x0c\x1c-\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]"
                         rb"|\\f|\\u(?:000[bcBC]|001[c-eC-E]|0085|202[89])")
INLINE_ODD_BREAKS = 20
#: What sends a cell through IPython's tokenizer (a magic, a shell escape, a help request; ``%`` and ``!=`` too until
#: it reads them), and how many a file parsed in the judge may hold: ten cells of ``a%a%a...`` (963 KB, 2,990 lines)
#: were "small" and cost the judge 5 s (attack round 74); a notebook of the lecture holds a few dozen.
_IPYTHON_MARKS = re.compile(rb"[%!?]")
INLINE_MARKS = 5000
#: Largest Gradescope ``submission_metadata.yml`` read.  Gradescope writes about 300 bytes a submission (one
#: submitter's name, SID and email, ``created_at``, ``score``): 1 MiB holds some 3,500 submissions, more than one
#: assignment of the largest course.  At 16 MiB, a YAML list of 4 million items cost the judge 2.7 GB and 105 s of
#: CPU before any row (attack round 68).
MAX_METADATA_BYTES = 1024 * 1024
#: Most YAML nodes (each scalar, list and mapping) read from it: a submission takes about 15, 7 more a group
#: member, so 150,000 leave room for some 3,500 submissions of several submitters each; the most a
#: :data:`MAX_METADATA_BYTES` document can hold is about 260,000; refused at the bound, 1 MiB of
#: ``- 0`` lines costs about 4 s of CPU and 110 MB.
MAX_METADATA_NODES = 150_000
#: Longest name, SID or email kept from an export's metadata (characters); a longer one is not a person's.
MAX_METADATA_TEXT = 300
#: Deepest folder searched below a folder given (a student's zip unzipped can nest folders without end).
MAX_FOLDER_DEPTH = 32
#: Most entries (files, folders, links) looked at below one folder given; the rest is skipped with a warning.
MAX_FOLDER_ENTRIES = 200_000
#: Most links, deep folders, ... a walk names one by one in its warnings; the rest are counted.
MAX_WALK_WARNINGS = 20
#: Most bytes unpacked to list the zip uploads inside one zip archive given (a Canvas download given as its zip
#: holding students' zips): each is unpacked whole (at most :data:`MAX_BYTES`) to read its listing.  The uploads
#: past it are named in a warning, unread.
MAX_NESTED_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
GRADESCOPE_METADATA = "submission_metadata.yml"
GRADESCOPE_FOLDER = re.compile(r"^submission_\d+$")

# Canvas names a download (ContentZipper#get_filename, read in canvas-lms's source):
#   <lastfirst>[_LATE]_<user id>_<attachment id>_<original name>
#   [LATE_]anon_<anonymous id>_<attachment id>_<original name>      (anonymous grading: no name at all)
# where lastfirst is the sortable name, lower-cased, with every character but word characters removed
# (underscores stay: "van_der Berg, Jan" is van_der_bergjan; it may even be empty), and the original
# name is the student's own.  The name part is the shortest that parses, so nothing in the original
# name can say whose the file is or whether it was late; a name that itself ends in _<digits> (a
# student may be allowed to choose their name) can still mislead: the Canvas import checks each name
# against the export's (see grader.outputs.canvas).
CANVAS_NAME = re.compile(r"(?:(?P<anon_late>LATE_)?(?P<anon>anon_[A-Za-z0-9]+)"
                         r"|(?P<name>\w*?)_(?P<late>LATE_)?(?P<user>\d+))"
                         r"_(?P<attempt>\d+)_(?P<original>.+)", re.DOTALL)
ANONYMOUS_PREFIX = "anon_"


@dataclass(frozen=True)
class Student:
    """Who a submission belongs to: a stable id, and a display name when the export gives one."""

    id: str
    name: str = ""
    kind: str = ID_FILE
    """What ``id`` is (:data:`grader.records.ID_KINDS`)."""


def canvas_student(file_name: str) -> Student | None:
    """The student a Canvas download's name gives: the user id, and the sortable name it starts with.

    Under anonymous grading (an ``anon_`` id) the name is not kept: it is not the grader's to see.
    """
    match = CANVAS_NAME.fullmatch(file_name)
    if not match:
        return None
    if match["anon"]:
        return Student(match["anon"], "", ID_CANVAS)
    return Student(match["user"], match["name"], ID_CANVAS)


def canvas_late_mark(file_name: str) -> bool | None:
    """Canvas's ``LATE`` mark: True with it, False for a Canvas name without it, None for another name."""
    match = CANVAS_NAME.fullmatch(file_name)
    return bool(match["late"] or match["anon_late"]) if match else None


@dataclass(frozen=True)
class Source:
    """Where a submission's bytes come from: a file, or a member of a zip archive."""

    path: Path
    member: str | None = None
    broken: str | None = None
    """Why this source cannot be read at all (an archive that is not a zip): it becomes an invalid row."""
    index: int | None = None
    """The member's position in the archive: two members may have the same name."""
    outer: str | None = None
    """Set when ``member`` is inside a zip that is itself a member of ``path`` (a student's zip upload in a Canvas
    download given as its zip): that zip's name in ``path``; ``member`` and ``index`` are then inside it."""
    outer_index: int | None = None
    """The position of :attr:`outer` in ``path``."""
    students: tuple[Student, ...] = ()
    """Whose it is (several for a Gradescope group submission); empty: decided by the file name."""
    tag: str = ""
    """Set when another source of the batch would have the same label, to tell them apart."""
    submitted_at: str = ""
    """When it was submitted (ISO 8601), when the export says: Gradescope's ``created_at``."""
    relative: str = ""
    """Its path below the folder or archive given (``alice/lecture06.ipynb``): how reports name it
    without the grader's own paths.  Empty: its name."""
    size: int = 0
    """Bytes it holds (a member: unpacked, as its archive declares), for :data:`MAX_BYTES_PER_STUDENT`."""
    canvas_mark: bool | None = None
    """Canvas's ``LATE`` mark, when a Canvas name gave ``students`` (see :func:`canvas_owner`)."""
    time_problem: str = ""
    """Why the export's submission time could not be read (``<folder>: created_at ...``): lateness is then
    unknown, which a run with a due date says."""

    @property
    def name(self) -> str:
        """The submission's file name (the CSV's ``submission`` column)."""
        return PurePosixPath(self.member).name if self.member else self.path.name

    @property
    def label(self) -> str:
        """Unique within a batch: the key of the submission's row."""
        label = f"{self.path}:{self.member}" if self.member else str(self.path)
        if self.outer is not None:
            label = f"{self.path}:{self.outer}:{self.member}"
        return f"{label}#{self.tag}" if self.tag else label

    @property
    def owners(self) -> tuple[Student, ...]:
        return self.students or (canvas_student(self.name) or Student(student_id(self.name)),)

    @property
    def canvas_late(self) -> bool | None:
        """Canvas's ``LATE`` mark (see :func:`canvas_late_mark`) on the name that says whose the file is: None
        when it is not a Canvas name (a Gradescope submission the student named, a folder per student)."""
        return self.canvas_mark if self.students else canvas_late_mark(self.name)

    def read(self) -> bytes:
        if self.broken:
            raise InvalidSubmission(f"{self.label}: {self.broken}")
        try:
            if self.member is None:
                with open_regular(self.path, self.label) as handle:
                    size = os.fstat(handle.fileno()).st_size
                    if size > MAX_BYTES:
                        raise InvalidSubmission(f"{self.label}: {size} bytes, more than the {MAX_BYTES} a submission "
                                                "may have")
                    data = handle.read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    raise InvalidSubmission(f"{self.label}: more than {MAX_BYTES} bytes")
                return data
            with open_regular(self.path, self.label) as handle, open_zip(handle) as archive:
                if self.outer is not None:
                    outer = archive.infolist()[self.outer_index]
                    with open_zip(read_member(archive, outer, MAX_BYTES)) as inner:
                        return read_member(inner, _member_info(inner, self.member, self.index), MAX_BYTES)
                return read_member(archive, _member_info(archive, self.member, self.index), MAX_BYTES)
        except MemberRefused as exc:
            raise InvalidSubmission(f"{self.label}: {exc}") from None
        except InvalidSubmission:
            raise
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error, KeyError, IndexError, RuntimeError, ValueError,
                NotImplementedError, MemoryError) as exc:
            raise InvalidSubmission(f"{self.label}: cannot be read ({type(exc).__name__}: {str(exc)[:200]})") from None


class MemberRefused(InvalidSubmission):
    """A zip member :func:`read_member` does not unpack; the message says why, without naming the member."""


#: The largest central directory (the zip's list of members) and the longest extra field of one member an archive may
#: have before :func:`open_zip` lists it: CPython's zipfile builds an object per member before anything can count
#: them, and decodes an extra field in time quadratic in its length (attack round 74: 2,855,000 bare entries in a
#: 391 KB inner zip took the judge to 1.2 GB; 2,040 entries of 64 KB extra fields took 35 s at every read).
MAX_CENTRAL_DIRECTORY = 4 * 2**20
MAX_EXTRA_FIELD = 1024
_END = struct.Struct("<4s4H2IH")        # end of central directory record
_END64_LOCATOR = struct.Struct("<4sIQI")
_END64 = struct.Struct("<4sQ2H2I4Q")
_ENTRY = struct.Struct("<4s6H3I5H2I")  # a central directory entry's fixed part


def _check_directory(file, end: int, entries: int, directory_size: int) -> bool:
    """The list of ``entries`` files of ``directory_size`` bytes that ends at ``end`` within the bounds: at most
    :data:`MAX_ARCHIVE_MEMBERS` members and :data:`MAX_CENTRAL_DIRECTORY` bytes, no extra field of a member past
    :data:`MAX_EXTRA_FIELD` bytes.  False when there can be no such list (larger than what comes before it)."""
    if entries > MAX_ARCHIVE_MEMBERS:
        raise MemberRefused(f"more than {MAX_ARCHIVE_MEMBERS} files in the archive")
    if directory_size > end:
        return False
    if directory_size > MAX_CENTRAL_DIRECTORY:
        raise MemberRefused(f"a list of files of {directory_size} bytes, more than the {MAX_CENTRAL_DIRECTORY} an "
                            "archive may have")
    file.seek(end - directory_size)
    directory = file.read(directory_size)
    position, count = 0, 0
    while position + _ENTRY.size <= len(directory) and directory[position:position + 4] == b"PK\x01\x02":
        fields = _ENTRY.unpack_from(directory, position)
        name, extra, comment = fields[10], fields[11], fields[12]
        if extra > MAX_EXTRA_FIELD:
            raise MemberRefused(f"a file whose extra field has {extra} bytes (at most {MAX_EXTRA_FIELD})")
        position += _ENTRY.size + name + extra + comment
        count += 1
        if count > MAX_ARCHIVE_MEMBERS:
            raise MemberRefused(f"more than {MAX_ARCHIVE_MEMBERS} files in the archive")
    return True


def open_zip(file) -> zipfile.ZipFile:
    """``zipfile.ZipFile(file)`` (a binary file or bytes), once its central directory is checked from its own
    records: at most :data:`MAX_ARCHIVE_MEMBERS` members, :data:`MAX_CENTRAL_DIRECTORY` bytes, and
    :data:`MAX_EXTRA_FIELD` bytes of extra field for any member.  The only way an archive is opened.

    Raises:
        MemberRefused: past one of those bounds.
        zipfile.BadZipFile, OSError...: not a zip (the caller says so).
    """
    if isinstance(file, (bytes, bytearray)):
        file = io.BytesIO(file)
    size = file.seek(0, os.SEEK_END)
    tail_size = min(size, _END.size + 65535)
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END.size > len(tail):
        raise zipfile.BadZipFile("no end of central directory record")
    _, _, _, _, entries, directory_size, _, _ = _END.unpack_from(tail, at)
    end = size - tail_size + at
    # Where the list of files is, as a reader may take it: (the end of the list, its members, its size in bytes).
    # zipfile takes a zip64 end record whenever its locator stands right before the classic one, whatever the classic
    # one holds (attack round 77: a classic record of one member and no directory before a zip64 record of 2,700,000
    # members, which zipfile built in 1.4 GB); CPython 3.11 reads it right before the locator, and the classic
    # record's when none is there (attack round 78: a locator pointing at a record of no members, while zipfile read
    # 63 members of 64 KB extra fields the classic record gave); newer CPythons read it where the locator points.
    # Every list a reader may take is held to the bounds.
    lists = []
    locator = end - _END64_LOCATOR.size
    found = b""
    if locator >= 0:
        file.seek(locator)
        found = file.read(_END64_LOCATOR.size)
    adjacent = None
    if len(found) == _END64_LOCATOR.size and found[:4] == b"PK\x06\x07":
        for where in dict.fromkeys((locator - _END64.size, _END64_LOCATOR.unpack(found)[2])):
            if 0 <= where <= size - _END64.size:
                file.seek(where)
                record = file.read(_END64.size)
                if record[:4] == b"PK\x06\x06":
                    fields = _END64.unpack(record)
                    if fields[6] > MAX_ARCHIVE_MEMBERS or fields[7] > MAX_ARCHIVE_MEMBERS:
                        raise MemberRefused(f"more than {MAX_ARCHIVE_MEMBERS} files in the archive")
                    lists.append((where, fields[7], fields[8]))
                    if where == locator - _END64.size:
                        adjacent = fields
    if adjacent is not None and (entries not in (0xFFFF, adjacent[7])
                                 or directory_size not in (0xFFFFFFFF, adjacent[8])):
        raise MemberRefused("an archive whose two end records disagree on its list of files")
    if directory_size != 0xFFFFFFFF:
        # (a count of 0xFFFF means "see the zip64 record", but CPython 3.11 reads the classic record's list by its
        # size whenever no zip64 record stands right before the locator: attack round 82 gave the count alone and a
        # locator pointing at an empty record, and zipfile built 2,040 members of 64 KB extra fields.  The list's
        # members are counted from its bytes.)
        lists.append((end, 0 if entries == 0xFFFF else entries, directory_size))
    if not lists:
        raise zipfile.BadZipFile("no zip64 end of central directory record")
    possible = [_check_directory(file, *where) for where in dict.fromkeys(lists)]  # every one checked
    if not any(possible):
        raise zipfile.BadZipFile("a central directory larger than the archive")
    file.seek(0)
    return zipfile.ZipFile(file)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The unpacked bytes of ``info``, a member of ``archive``, if at most ``limit``: the only way a zip member
    is read (submissions, the zips inside a download, an export's metadata).

    Only a stored or deflated member is unpacked (:data:`ARCHIVE_METHODS`): CPython's reader decompresses a
    bzip2 or LZMA member's whole stream whatever size it declares (attack round 68: 1,169 bytes of bzip2, read as
    an export's metadata declaring 64 bytes, unpacked to 1.5 GiB in the judge and ended the batch).  The declared
    size is checked before reading, and the read stops past ``limit`` whatever the member declared.

    Raises:
        MemberRefused: another compression, or more than ``limit`` bytes.
        OSError, zipfile.BadZipFile, zlib.error, EOFError...: the archive is corrupt (the caller says so).
    """
    if info.compress_type not in ARCHIVE_METHODS:
        raise MemberRefused(_method_refused(info))
    if info.file_size > limit:
        raise MemberRefused(f"{info.file_size} bytes unpacked, more than the {limit} read")
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise MemberRefused(f"more than {limit} bytes unpacked")
    return data


def _member_info(archive: zipfile.ZipFile, member: str | None, index: int | None) -> zipfile.ZipInfo:
    return archive.infolist()[index] if index is not None else archive.getinfo(member)


def open_regular(path: Path, label: str):
    """``path`` opened for reading in binary, only if it is a regular file and not a symbolic link.

    A link (to a secret of the judge's user, to ``/proc/kmsg`` whose read never ends) is never followed,
    and a FIFO or a device is never read: opening does not wait (``O_NONBLOCK``), and what is opened is
    checked on its descriptor, so nothing swapped in between is read either.

    Raises:
        InvalidSubmission: a link, or not a regular file.
        OSError: it cannot be opened.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if os.path.islink(path):
            raise InvalidSubmission(f"{label}: a symbolic link: not read") from None
        raise exc from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InvalidSubmission(f"{label}: not a regular file: not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


@dataclass(frozen=True)
class Submission:
    """A submission ready to grade."""

    source: Source
    kind: str
    """A :class:`~grader.checkapi.protocol.SubmissionKind`: ``notebook`` or ``script``."""
    sha256: str
    """Hash of the file's bytes: a result is reused by ``--resume`` only for the same bytes."""
    units: tuple[str, ...]
    """Notebook: the code cells' sources, in order.  Script: one entry, the whole source."""
    notes: tuple[str, ...] = field(default=())
    """What reading changed: magics removed, undecodable bytes replaced, ..."""
    labels: tuple[str, ...] = field(default=())
    """One per unit the worker runs, saying where a student finds it: a notebook cell by its first
    line (and ``In [n]`` when saved with one), a script's statement by its line.  Never a count of
    code cells: a student cannot see one."""

    def label(self, index: int) -> str:
        """Where unit ``index`` is, for feedback (Markdown)."""
        if 0 <= index < len(self.labels):
            return self.labels[index]
        return f"cell {index + 1}" if self.kind == SubmissionKind.NOTEBOOK else f"statement {index + 1}"

    def place(self, where: str | None, *, within: int | None = None) -> str | None:
        """A worker's "cell 10, line 3" (the file name it compiled a cell under) as a student finds it:
        "the cell starting `model = Net()`, line 3"; just "line 3" inside unit ``within``.

        Anything else (a file name the submission's own code chose) is kept as it is.
        """
        found = re.fullmatch(r"(?:cell (\d+)|submission), line (\d+)", where or "")
        if not found:
            return where
        if found.group(1) is None:  # a script: its lines are the file's
            return f"line {found.group(2)}"
        index = int(found.group(1)) - 1
        line = f"line {found.group(2)}"
        return line if index == within else f"{self.label(index)}, {line}"

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def student(self) -> str:
        return self.source.owners[0].id


def student_id(file_name: str) -> str:
    """The student a file name alone names: Canvas's user id when the name has Canvas's form, else the stem."""
    canvas = canvas_student(file_name)
    if canvas:
        return canvas.id
    stem = file_name
    for suffix in SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return stem


def suffix_of(name: str) -> str:
    """A file name's suffix, lower-cased: ``Lecture06.IPYNB`` is a notebook (attack round 68: an upper-case
    suffix got no row and no warning)."""
    return PurePosixPath(name).suffix.lower()


# -- finding submissions ---------------------------------------------------------------------------

@dataclass
class Collected:
    """What :func:`collect` found: the sources, and what the instructor should know about them."""

    sources: list[Source]
    warnings: list[str] = field(default_factory=list)


def walk_files(root: Path, *, skip, warnings: list[str], wanted=lambda name: True,
               unwanted: list[Path] | None = None) -> list[Path]:
    """The regular files below ``root`` whose name ``wanted`` accepts, sorted; never through a link.

    ``unwanted``: where to list the regular files ``wanted`` refuses (and ``skip`` did not skip), for a warning.

    Iterative (a student's zip can nest folders without end), at most :data:`MAX_FOLDER_DEPTH` folders
    deep and :data:`MAX_FOLDER_ENTRIES` entries; an entry whose name ``skip`` accepts is not looked at.
    A symbolic link is never followed nor read (it could name a classmate's file, a secret of the judge's
    user, or ``/proc/kmsg``), nor is a FIFO, a socket or a device: each is named in ``warnings``, as is
    what the bounds left out.
    """
    files: list[Path] = []
    said: dict[str, list[str]] = defaultdict(list)
    stack: list[tuple[Path, int]] = [(root, 0)]
    entries = 0
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as listing:
                found = list(_bounded(listing, MAX_FOLDER_ENTRIES - entries + 1))
        except OSError as exc:
            said["cannot be listed"].append(f"{_shown(folder, root)} ({exc.strerror})")
            continue
        entries += len(found)
        if entries > MAX_FOLDER_ENTRIES:
            warnings.append(f"{root}: more than {MAX_FOLDER_ENTRIES} entries; the rest of the folder was not searched")
            break
        for entry in sorted(found, key=lambda e: e.name, reverse=True):
            if skip(entry.name):
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    said["a symbolic link: not followed, not graded"].append(_shown(path, root))
                elif entry.is_dir(follow_symlinks=False):
                    if depth + 1 >= MAX_FOLDER_DEPTH:
                        said[f"folders deeper than {MAX_FOLDER_DEPTH} levels: not searched"].append(
                            _shown(path, root) + "/")
                    else:
                        stack.append((path, depth + 1))
                elif wanted(entry.name):
                    if entry.is_file(follow_symlinks=False):
                        files.append(path)
                    else:
                        said["not a regular file (a FIFO, a socket, a device): not read"].append(_shown(path, root))
                elif unwanted is not None and entry.is_file(follow_symlinks=False):
                    unwanted.append(path)
            except OSError as exc:
                said["cannot be looked at"].append(f"{_shown(path, root)} ({exc.strerror})")
    for why, names in said.items():
        more = f" and {len(names) - MAX_WALK_WARNINGS} more" if len(names) > MAX_WALK_WARNINGS else ""
        warnings.append(f"{root}: {why}: {', '.join(sorted(names)[:MAX_WALK_WARNINGS])}{more}")
    return sorted(files)


def _bounded(iterator, most: int):
    for i, item in enumerate(iterator):
        if i >= most:
            return
        yield item


def _shown(path: Path, root: Path) -> str:
    """``path`` below ``root``, as a warning names it (its last 200 characters: a deep path is long)."""
    text = path.relative_to(root).as_posix()
    return text if len(text) <= 200 else "…" + text[-200:]


def collect(paths: list[Path]) -> list[Source]:
    """Every submission under ``paths``; see :func:`find_submissions`."""
    return find_submissions(paths).sources


def find_submissions(paths: list[Path]) -> Collected:
    """Every submission under ``paths`` (files, folders searched recursively, zip archives), with its owners.

    Owners, first match wins: Gradescope's "Export Submissions" (``submission_<id>/`` folders and
    ``submission_metadata.yml``: each submitter by SID, else email); Canvas's download name (the
    user id); a folder per student (the first folder below what was given, after the folders all
    files share); else the file's stem.  Files that would still share an id without the naming
    saying they are one student's attempts are kept apart (the id gets a suffix), with a warning.

    Raises:
        UsageError: a path does not exist, is not a notebook, a script or a zip archive, or no
            submission was found.
    """
    found: list[Source] = []
    warnings: list[str] = []
    seen: set[tuple] = set()
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        if path.is_dir():
            unwanted: list[Path] = []
            files = walk_files(path, skip=lambda name: _hidden(PurePosixPath(name)), warnings=warnings,
                               wanted=lambda name: suffix_of(name) in SUFFIXES + (ZIP_SUFFIX,), unwanted=unwanted)
            not_graded = [_shown(p, path) for p in unwanted]
            group: list[tuple[Source, PurePosixPath]] = []
            for p in files:
                rel = PurePosixPath(p.relative_to(path).as_posix())
                if suffix_of(p.name) == ZIP_SUFFIX:  # a zip in a folder counts as a folder; the zips in it are not read
                    members, skipped = _archive_members(p)
                    group += [(s, rel.with_suffix("") / member_path(s.member) if s.member else rel) for s in members]
                    not_graded += [f"{rel}/{name}" for name in skipped] or ([] if members else [str(rel)])
                else:
                    group.append((Source(p, size=_size(p)), rel))
            export = _FolderExport(path, warnings)
            found += _owned(group, warnings, export=export, top=path.name)
            _warn_not_graded(path, [name for name in not_graded if name not in export.examined], warnings)
        elif suffix_of(path.name) == ZIP_SUFFIX:
            # The archive given is the download itself (or a class's): its own name says nothing of a student.  The
            # zips inside it (students' zip uploads) are read as a zip found in a folder is: one level down.
            members, skipped = _archive_members(path, open_zips=True)
            export = _ArchiveExport(path, warnings)
            found += _owned([(s, _member_relative(s) if s.member else PurePosixPath(path.name)) for s in members],
                            warnings, export=export, archive_names=False, top=path.name)
            _warn_not_graded(path, [name for name in skipped if name not in export.examined], warnings)
        elif suffix_of(path.name) in SUFFIXES:
            found += _owned([(Source(path), PurePosixPath(path.name))], warnings)
        else:
            raise UsageError(f"{path}: not a notebook (.ipynb), a script (.py) or a zip archive of them")
    unique = []
    for s in found:  # the same file named twice is one submission; a link is never its target (it is not read)
        key = (s.path.parent.resolve() / s.path.name, s.outer_index, s.member, s.index)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    if not unique:
        raise UsageError(f"no submissions (.ipynb or .py files) found in {', '.join(map(str, paths))}")
    collected = _apart(unique)
    collected.warnings[:0] = warnings
    return _bounded_per_student(collected)


def _member_relative(source: Source) -> PurePosixPath:
    """Where a member of an archive given is, below that archive: a member of a zip inside it is in a folder named
    for that zip (``doe_10400_1_work.zip``'s ``a.ipynb`` is ``doe_10400_1_work/a.ipynb``), as in a folder."""
    if source.outer is not None:
        return member_path(source.outer).with_suffix("") / member_path(source.member)
    return member_path(source.member)


def _warn_not_graded(where: Path, names: list[str], warnings: list[str]) -> None:
    """One warning naming the files below ``where`` that get no row: exit code 0 says every file got one, so a file
    left out is never silent (attack round 68: a student's zip inside a download given as its zip, and
    ``Lecture06.IPYNB``, were dropped without a word)."""
    if names:
        names = sorted(names)
        more = f" and {len(names) - MAX_WALK_WARNINGS} more" if len(names) > MAX_WALK_WARNINGS else ""
        warnings.append(f"{where}: {len(names)} file(s) not graded (only .ipynb and .py files are, and the zips "
                        f"holding them one level down): {', '.join(names[:MAX_WALK_WARNINGS])}{more}")


def _size(path: Path) -> int:
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0


def _bounded_per_student(collected: Collected) -> Collected:
    """At most :data:`MAX_FILES_PER_STUDENT` files and :data:`MAX_BYTES_PER_STUDENT` bytes for each student (each
    set of owners): the assignment's notebook first, then notebooks, then the shallowest, then by name.

    One student's upload must not decide the class's grading time: every file is a row whose grading may take
    its whole time limit, and each member of an archive is unpacked (attack round 10).
    """
    from ..assignment import NOTEBOOK

    def preference(source: Source):
        relative = PurePosixPath(source.relative or source.name)
        return (source.name != NOTEBOOK, suffix_of(source.name) != ".ipynb", len(relative.parts), relative.as_posix())

    by_student: dict[tuple, list[Source]] = defaultdict(list)
    for source in collected.sources:
        by_student[tuple(o.id for o in source.owners)].append(source)
    left_out: set[int] = set()
    for owners, sources in by_student.items():
        count = total = 0
        too_many, too_large = [], []
        for source in sorted(sources, key=preference):
            if count >= MAX_FILES_PER_STUDENT:
                too_many.append(source)
            elif total + source.size > MAX_BYTES_PER_STUDENT and not source.broken:
                too_large.append(source)
            else:
                count += 1
                total += 0 if source.broken else source.size
        who = ", ".join(owners)
        for dropped, why in ((too_many, f"more than {MAX_FILES_PER_STUDENT} files"),
                             (too_large, f"files of more than {MAX_BYTES_PER_STUDENT} bytes in all")):
            if dropped:
                left_out.update(id(s) for s in dropped)
                names = sorted(s.relative or s.name for s in dropped)
                more = f" and {len(names) - MAX_WALK_WARNINGS} more" if len(names) > MAX_WALK_WARNINGS else ""
                collected.warnings.append(f"{who}: {why}; {len(names)} not graded: "
                                          f"{', '.join(names[:MAX_WALK_WARNINGS])}{more}")
    collected.sources = [s for s in collected.sources if id(s) not in left_out]
    return collected


def canvas_owner(names: list[str]) -> tuple[Student | None, bool | None, str]:
    """Whose a file is by Canvas's names on its way from the top of what was given: the first is the top's
    (a folder, an archive, or the file itself), then the folders and archives below it, the file's own name last.

    Only the top's name can be one Canvas gave: a download unzipped, or given as its zip, holds each upload at
    its top.  Names inside an upload are the student's own and may only agree with it; a name of Canvas's form
    below a name of another form is the student's own too (a folder per student holds what its student chose to
    name ``smith_12345_1_x.ipynb``), and says nothing (attack round 61: such files in one student's folder were
    taken for user 12345's, pushed that student's own file past the per-student bound, and put a grade on
    their row).

    Returns the student, Canvas's ``LATE`` mark on that name, and why none when the names disagree.
    """
    if not names:
        return None, None, ""
    outer = canvas_student(names[0])
    if outer is None:
        return None, None, ""
    others = sorted({student.id for student in map(canvas_student, names[1:]) if student} - {outer.id})
    if others:
        return None, None, (f"{names[0]} holds files named for Canvas user(s) {', '.join(others)}: "
                            "not given to anyone by those names")
    return outer, canvas_late_mark(names[0]), ""


def _owned(group: list[tuple[Source, PurePosixPath]], warnings: list[str], *, export=None,
           archive_names: bool = True, top: str = "") -> list[Source]:
    """The sources of one given path, each with its owners (see :func:`find_submissions`).

    ``export``: reads a Gradescope export's metadata at a folder of the path given (:class:`_FolderExport`,
    :class:`_ArchiveExport`).  ``archive_names``: an archive's own name may say whose its files are (a
    student's upload found in a download unzipped into a folder); not the archive given itself, whose name
    is ``top`` (as a folder given's is).
    """
    rels = [rel for _, rel in group]
    common = 0
    if len(rels) > 1:  # folders every file shares say nothing about who wrote which
        parents = [rel.parts[:-1] for rel in rels]
        while all(len(p) > common for p in parents) and len({p[common] for p in parents}) == 1:
            common += 1
    export_level = _export_level(rels, common, top)
    entries = None
    if export_level is not None and export is not None:
        entries = export(PurePosixPath(*rels[0].parts[:export_level]))
    out = []
    for source, rel in group:
        folders = rel.parts[common:-1]
        owners, submitted_at, mark, problem = None, "", None, ""
        if entries is not None and len(rel.parts) > export_level + 1 \
                and GRADESCOPE_FOLDER.match(rel.parts[export_level]):
            folder = PurePosixPath(*rel.parts[:export_level + 1])
            entry = entries.get(folder.name)
            if entry and entry.students:
                owners, submitted_at = entry.students, entry.submitted_at
                problem = f"{folder}: {entry.problem}" if entry.problem else ""
        if not owners:
            names = list(rel.parts[common:])
            if source.member and (archive_names or source.outer is not None):
                # the name of the archive holding it (with its .zip) in place of the folder it is listed under
                holder = PurePosixPath(source.outer).name if source.outer is not None else source.path.name
                at = len(rel.parts) - len(member_path(source.member).parts) - 1 - common
                if at >= 0:
                    names[at] = holder
                else:  # every file given is in this archive: its name is the top's
                    names.insert(0, holder)
            canvas, mark, why = canvas_owner(names)
            if why:
                warnings.append(f"{source.label}: {why}")
                owners = (Student(f"{PurePosixPath(source.name).stem}-unattributed", kind=ID_FILE),)
            elif canvas:
                owners = (canvas,)
        if not owners and folders:
            owners = (Student(folders[0], kind=ID_FOLDER),)
        out.append(replace(source, students=owners or (), submitted_at=submitted_at, canvas_mark=mark,
                           time_problem=problem, relative=rel.as_posix()))
    return out


def _export_level(rels: list[PurePosixPath], common: int, top: str = "") -> int | None:
    """How deep Gradescope's ``submission_<id>/`` folders are in what was given, if it can be an export.

    An export's metadata is the instructor's only at the top of what was given: its folders there, or in
    the one folder every file is in (the export unzipped as it comes, ``assignment_<id>_export/``) when
    that folder is no student's Canvas upload.  Never deeper: a ``submission_metadata.yml`` in a student's
    own folder or upload would otherwise name its submitters and its time (attack round 10).  Nor at the top
    of what was given when ``top``, its name, is a Canvas upload's.  Whether it is an export then is for the
    metadata and the folders beside it to say (:func:`_export_entries`).
    """
    if not rels:
        return None
    shared = common if len(rels) > 1 else len(rels[0].parts) - 1
    if shared == 0 or GRADESCOPE_FOLDER.match(rels[0].parts[0]):
        return None if canvas_student(top) else 0
    return 1 if canvas_student(rels[0].parts[0]) is None else None


def _apart(sources: list[Source]) -> Collected:
    """Unique labels, and owners that merge two people only when the naming says so."""
    warnings = []
    labels: dict[str, int] = defaultdict(int)
    tagged = []
    for s in sources:
        labels[s.label] += 1
        if labels[s.label] > 1:
            s = replace(s, tag=str(labels[s.label]))
            warnings.append(f"{s.label}: another submission has the same name; graded as its own row")
        tagged.append(s)
    # An id taken from a file's stem says nothing about who wrote the file: two files with the
    # same stem are two students unless their folder or their Canvas name says otherwise.
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(tagged):
        if not s.students:
            by_stem[student_id(s.name)].append(i)
    explicit = {o.id for s in tagged if s.students for o in s.students}
    contested = set()
    for stem, indices in by_stem.items():
        if len(indices) == 1 and stem not in explicit:
            continue
        contested.add(stem)
        for i in indices:
            s = tagged[i]
            suffix = hashlib.sha256(s.label.encode()).hexdigest()[:8]
            tagged[i] = replace(s, students=(Student(f"{stem}-{suffix}", kind=ID_FILE),))
        warnings.append(f"{len(indices)} file(s) named {stem!r} and no folder or export naming their students: "
                        "kept apart as " + ", ".join(tagged[i].owners[0].id for i in indices))
    # A Canvas name beside a file's stem of the same id, at the top of what was given, is a name a student may have
    # chosen as well: the id is neither's (attack round 61: `zz_12345_1_x.ipynb` beside `12345.ipynb` took 12345's
    # id and gave it its grade)
    for i, s in enumerate(tagged):
        if s.students and any(o.kind == ID_CANVAS and o.id in contested for o in s.students):
            owners = tuple(replace(o, id=f"{o.id}-{ID_CANVAS}") if o.kind == ID_CANVAS and o.id in contested else o
                           for o in s.students)
            warnings.append(f"{s.label}: a Canvas name for {s.students[0].id}, an id a file's own name gives too: "
                            f"kept apart as {owners[0].id}")
            tagged[i] = replace(s, students=owners)
    return Collected(tagged, warnings)


@dataclass(frozen=True)
class ExportEntry:
    """One submission of Gradescope's ``submission_metadata.yml``."""

    students: tuple[Student, ...]
    """The submitters: each by SID, else email, with the name."""
    submitted_at: str = ""
    """``:created_at:`` as ISO 8601; empty when missing or without a time zone."""
    problem: str = ""
    """Why ``submitted_at`` is empty (lateness is then unknown, and the run says so)."""


def _parse_metadata(text: bytes) -> dict[str, ExportEntry]:
    """Gradescope's ``submission_metadata.yml``: folder name -> its :class:`ExportEntry` (every folder it lists;
    ``students`` empty when it names none).

    Raises:
        InvalidMetadata: not YAML, aliases, more than :data:`MAX_METADATA_NODES` nodes, not a mapping.
    """
    import yaml

    from ..lateness import iso, parse_time

    class BoundedLoader(yaml.SafeLoader):
        """Refuses aliases (482 bytes of nested aliases expand into a 722 MB name: attack round 10) and more than
        :data:`MAX_METADATA_NODES` nodes (a YAML list of 4 million items cost the judge 2.7 GB: attack round 68)."""

        nodes = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise InvalidMetadata("it holds YAML aliases, which are not read")
            self.nodes += 1
            if self.nodes > MAX_METADATA_NODES:
                raise InvalidMetadata(f"more than {MAX_METADATA_NODES} YAML nodes")
            return super().compose_node(parent, index)

    try:
        doc = yaml.load(text, Loader=BoundedLoader)  # noqa: S506 (a safe loader, without aliases)
    except yaml.YAMLError as exc:
        raise InvalidMetadata(f"not YAML ({str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__})") \
            from None
    except (RecursionError, ValueError, MemoryError) as exc:
        raise InvalidMetadata(f"cannot be read ({type(exc).__name__})") from None
    if not isinstance(doc, dict):
        raise InvalidMetadata("not a mapping of submission folders")
    out = {}
    for folder, entry in doc.items():
        if not isinstance(entry, dict):
            continue
        entry = {str(k).lstrip(":"): v for k, v in entry.items()}
        people = []
        for person in entry.get("submitters") or []:
            if not isinstance(person, dict):
                continue
            person = {str(k).lstrip(":"): v for k, v in person.items()}
            sid, email = _metadata_text(person.get("sid")), _metadata_text(person.get("email"))
            if sid or email:
                people.append(Student(sid or email, _metadata_text(person.get("name")), ID_SID if sid else ID_EMAIL))
        submitted_at, problem = "", ""
        if people:
            if entry.get("created_at") in (None, ""):
                problem = "no created_at"
            else:
                try:
                    submitted_at = iso(parse_time(entry["created_at"]))
                except ValueError as exc:  # lateness then stays unknown: better than guessing a time zone
                    problem = f"created_at {exc}"
        out[str(folder)] = ExportEntry(tuple(people), submitted_at, problem)
    return out


def _metadata_text(value) -> str:
    """A name, SID or email of the metadata: text (or a number) of at most :data:`MAX_METADATA_TEXT` characters;
    anything else is no value (``str()`` of a list, or of a megabyte of text, names no one)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return ""
    text = str(value).strip() if isinstance(value, str) or abs(value) < 10 ** 40 else ""
    return text if len(text) <= MAX_METADATA_TEXT else ""


def _export_entries(shown: str, top: list[tuple[str, bool]], read, warnings: list[str]) -> dict | None:
    """The entries of the metadata file ``shown`` if the folder holding it looks like Gradescope's export, else None;
    a warning says which.

    An export holds, beside ``submission_metadata.yml``, only ``submission_<id>/`` folders, and the metadata lists
    every one of them.  Anything else is not read as one (attack round 68: a student's late upload graded on its own
    carried ``submission_1/`` and a metadata file naming a classmate, whose SID and a time before the due date its row
    took).  Whenever a metadata file is used, a warning names it: a student's upload forging a whole export is then
    seen by the instructor.

    ``top``: (name, is a folder) of the entries beside the metadata; ``read()``: the metadata's bytes (raises
    :class:`InvalidMetadata`, :class:`InvalidSubmission` or :class:`OSError`).
    """
    refused = f"{shown}: not read as a Gradescope export's metadata (its folders are named by their names)"
    others = sorted(name + ("/" if folder else "") for name, folder in top
                    if name != GRADESCOPE_METADATA and not _hidden(PurePosixPath(name))
                    and not (folder and GRADESCOPE_FOLDER.match(name)))
    if others:
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        warnings.append(f"{refused}: {', '.join(others[:3])}{more} beside it, where an export holds only "
                        "submission_<id>/ folders")
        return None
    try:
        entries = _parse_metadata(read())
    except (InvalidMetadata, InvalidSubmission) as exc:
        warnings.append(f"{refused}: {str(exc)[:300]}")
        return None
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError, ValueError, NotImplementedError,
            MemoryError) as exc:
        warnings.append(f"{refused}: cannot be read ({type(exc).__name__})")
        return None
    folders = sorted(name for name, folder in top if folder and GRADESCOPE_FOLDER.match(name))
    missing = [name for name in folders if name not in entries]
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        warnings.append(f"{refused}: it does not list {', '.join(missing[:3])}{more}")
        return None
    warnings.append(f"{shown}: read as a Gradescope export's metadata: the submitters and times of its "
                    f"{len(folders)} submission_<id>/ folder(s) come from it")
    return entries


class _FolderExport:
    """Reads a Gradescope export's metadata in a folder given (see :func:`_export_entries`)."""

    def __init__(self, root: Path, warnings: list[str]):
        self.root, self.warnings = root, warnings
        self.examined: set[str] = set()
        """The metadata files looked at, as :func:`_shown` names them (not named again as files not graded)."""

    def __call__(self, parent: PurePosixPath) -> dict | None:
        folder = self.root / parent
        path = folder / GRADESCOPE_METADATA
        if not os.path.lexists(path):
            return None
        self.examined.add(_shown(path, self.root))
        try:
            with os.scandir(folder) as listing:
                top = [(entry.name, entry.is_dir(follow_symlinks=False))
                       for entry in _bounded(listing, MAX_FOLDER_ENTRIES)]
        except OSError as exc:
            self.warnings.append(f"{path}: not read as a Gradescope export's metadata: its folder cannot be "
                                 f"listed ({exc.strerror})")
            return None

        def read() -> bytes:
            with open_regular(path, str(path)) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_METADATA_BYTES:
                    raise InvalidMetadata(f"{size} bytes, more than the {MAX_METADATA_BYTES} read")
                data = handle.read(MAX_METADATA_BYTES + 1)
            if len(data) > MAX_METADATA_BYTES:
                raise InvalidMetadata(f"more than the {MAX_METADATA_BYTES} bytes read")
            return data

        return _export_entries(str(path), top, read, self.warnings)


class _ArchiveExport:
    """Reads a Gradescope export's metadata in a zip archive given (see :func:`_export_entries`): a member read
    by :func:`read_member`, as every member is."""

    def __init__(self, path: Path, warnings: list[str]):
        self.path, self.warnings = path, warnings
        self.examined: set[str] = set()
        """The metadata members looked at, by their names in the archive."""

    def __call__(self, parent: PurePosixPath) -> dict | None:
        depth = len(parent.parts)
        try:
            with open_regular(self.path, str(self.path)) as file, open_zip(file) as archive:
                infos = archive.infolist()
                found = [info for info in infos
                         if not info.is_dir() and member_path(info.filename) == parent / GRADESCOPE_METADATA]
                if not found:
                    return None
                self.examined.update(info.filename for info in found)
                shown = f"{self.path}:{found[0].filename}"
                if len(found) > 1:
                    self.warnings.append(f"{shown}: not read as a Gradescope export's metadata: {len(found)} members "
                                         "have its name")
                    return None
                top: dict[str, bool] = {}
                for info in infos:
                    parts = member_path(info.filename).parts
                    if len(parts) > depth and parts[:depth] == parent.parts:
                        top[parts[depth]] = top.get(parts[depth], False) or len(parts) > depth + 1 or info.is_dir()
                return _export_entries(shown, list(top.items()),
                                       lambda: read_member(archive, found[0], MAX_METADATA_BYTES), self.warnings)
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError, ValueError, NotImplementedError,
                InvalidSubmission):
            return None  # the archive's members say why, each as its row


def _hidden(relative) -> bool:
    return any((part.startswith(".") and part not in ("..", ".")) or part in ("__MACOSX", "__pycache__")
               for part in relative.parts)


def _method_refused(info: zipfile.ZipInfo) -> str:
    method = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma"}.get(info.compress_type,
                                                                       f"method {info.compress_type}")
    return (f"compressed with {method}: not unpacked (zip it again with the usual compression, deflate: "
            "every zip tool's default)")


def member_path(member: str) -> PurePosixPath:
    """A zip member's name as a path inside its archive, never above or beside it: without a root, ``.`` or ``..``
    (``zipfile`` keeps ``/x.ipynb`` as it is written, and joined to the archive's place that path was the root's:
    attack round 62 moved a student's files out of their folder so)."""
    parts = [part for part in PurePosixPath(member).parts if part not in ("/", ".", "..")]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


_ARCHIVE_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError, ValueError, NotImplementedError)


def _archive_members(path: Path, *, open_zips: bool = False) -> tuple[list[Source], list[str]]:
    """The submissions in a zip archive (one broken source when the archive cannot be used), and the names of its
    members that get no row (for :func:`_warn_not_graded`).

    Members are read from the archive, never extracted, so a name like
    ``../../x.py`` cannot write anywhere.  Each is addressed by its position,
    so two members with the same name are two submissions.  ``open_zips``: a member that is itself a zip (a
    student's zip upload in a Canvas download given as its zip) is read as a zip found in a folder is, one level
    down (:func:`_inner_members`); otherwise it is named as not graded.
    """
    try:
        with open_regular(path, str(path)) as handle, open_zip(handle) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ARCHIVE_MEMBERS:
                return [Source(path, broken=f"more than {MAX_ARCHIVE_MEMBERS} files in the archive")], []
            members, skipped = [], []
            budget = _NestedBudget()
            for i, info in enumerate(infos):
                name = PurePosixPath(info.filename)
                if info.is_dir() or _hidden(name):
                    continue
                if suffix_of(info.filename) in SUFFIXES:
                    members.append(Source(path, info.filename, index=i, size=info.file_size,
                                          broken=None if info.compress_type in ARCHIVE_METHODS else _method_refused(info)))
                elif open_zips and suffix_of(info.filename) == ZIP_SUFFIX:
                    inner, inner_skipped = _inner_members(path, archive, i, info, budget)
                    members += inner
                    skipped += [f"{info.filename}/{member}" for member in inner_skipped] or \
                        ([] if inner else [info.filename])  # an empty zip: no row either
                else:
                    skipped.append(info.filename)
    except InvalidSubmission as exc:
        return [Source(path, broken=str(exc).removeprefix(f"{path}: "))], []
    except _ARCHIVE_ERRORS as exc:
        return [Source(path, broken=f"not a readable zip archive ({type(exc).__name__}: {str(exc)[:200]})")], []
    return sorted(members, key=lambda s: (s.outer or "", s.outer_index or 0, s.member, s.index)), skipped


@dataclass
class _NestedBudget:
    """What listing the zips inside one archive given may still take (:data:`MAX_NESTED_ARCHIVE_BYTES`, and
    :data:`MAX_FOLDER_ENTRIES` members in all, as a folder's walk)."""

    bytes: int = MAX_NESTED_ARCHIVE_BYTES
    entries: int = MAX_FOLDER_ENTRIES


def _inner_members(path: Path, archive: zipfile.ZipFile, index: int, info: zipfile.ZipInfo,
                   budget: _NestedBudget) -> tuple[list[Source], list[str]]:
    """The submissions in ``info``, a zip member of ``archive`` (the zip ``path``), and its members that get no
    row; a zip that cannot be listed (or past the budget) is one broken source named for it: a row saying why."""
    def broken(why: str) -> tuple[list[Source], list[str]]:
        return [Source(path, info.filename, index=index, size=0, broken=why)], []

    if info.file_size > budget.bytes:
        return broken(f"not opened: the zips inside {path.name} already took {MAX_NESTED_ARCHIVE_BYTES - budget.bytes} "
                      f"of the {MAX_NESTED_ARCHIVE_BYTES} bytes unpacked to list them")
    try:
        data = read_member(archive, info, MAX_BYTES)
        budget.bytes -= len(data)
        with open_zip(data) as inner:
            infos = inner.infolist()
    except MemberRefused as exc:
        return broken(str(exc))
    except _ARCHIVE_ERRORS as exc:
        return broken(f"not a readable zip archive ({type(exc).__name__}: {str(exc)[:200]})")
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        return broken(f"more than {MAX_ARCHIVE_MEMBERS} files in the archive")
    if len(infos) > budget.entries:
        return broken(f"not opened: the zips inside {path.name} already hold {MAX_FOLDER_ENTRIES - budget.entries} "
                      "files")
    budget.entries -= len(infos)
    members, skipped = [], []
    for j, member in enumerate(infos):
        if member.is_dir() or _hidden(PurePosixPath(member.filename)):
            continue
        if suffix_of(member.filename) in SUFFIXES:
            members.append(Source(path, member.filename, index=j, outer=info.filename, outer_index=index,
                                  size=member.file_size,
                                  broken=None if member.compress_type in ARCHIVE_METHODS else _method_refused(member)))
        else:
            skipped.append(member.filename)
    return members, skipped


# -- reading one submission ------------------------------------------------------------------------

def load(source: Source) -> Submission:
    """Read and parse one submission, in this process.

    Raises:
        InvalidSubmission: unreadable, not JSON, not a notebook, ...
    """
    return parse(source, source.read())


def parse(source: Source, data: bytes) -> Submission:
    """Parse ``data``, the bytes of ``source``, in this process (see :func:`load`)."""
    digest = hashlib.sha256(data).hexdigest()
    if suffix_of(source.name) == ".ipynb":
        cells, notes, labels = notebook_cells(data, source.label)
        del data
        units, more = bounded_units(cells, "cell", labels)
        labels = labels[:MAX_UNITS]
        if len(units) > len(labels):  # the one unit standing for the cells not run
            labels.append(f"the cells after the first {MAX_UNITS}")
        return Submission(source, SubmissionKind.NOTEBOOK, digest, tuple(units), tuple(notes[:MAX_NOTES] + more),
                          tuple(labels))
    if suffix_of(source.name) == ".py":
        text, notes = decode_script(data)
        del data
        units, more = bounded_units([text], "script")
        return Submission(source, SubmissionKind.SCRIPT, digest, tuple(units), tuple(notes + more),
                          statement_labels(units[0]))
    raise InvalidSubmission(f"{source.label}: not a notebook (.ipynb) or a script (.py)")


#: Most notes kept from reading one submission.
MAX_NOTES = 20


def bounded_units(units: list[str], what: str, labels: list[str] = ()) -> tuple[list[str], list[str]]:
    """``units`` within :data:`MAX_UNITS`, :data:`MAX_UNIT_CHARS` and :data:`MAX_SOURCE_CHARS`.

    A unit past a bound is replaced by one line that raises, saying why: the row
    shows an error for it, and nothing larger reaches a worker or the judge's parser.
    ``labels``: how the student finds each cell (see :attr:`Submission.labels`).
    """
    out, notes, total = [], [], 0
    limit = MAX_SOURCE_CHARS if what == "script" else MAX_UNIT_CHARS
    for i, unit in enumerate(units[:MAX_UNITS]):
        where = "the script" if what == "script" else (labels[i] if i < len(labels) else f"cell {i + 1}")
        if len(unit) > limit or total + len(unit) > MAX_SOURCE_CHARS:
            why = (f"{where} holds {len(unit)} characters, more than the {limit} the grader runs"
                   if len(unit) > limit else f"the code before {where} already holds {total} characters, "
                   f"the most the grader runs is {MAX_SOURCE_CHARS}")
            notes.append(f"{where} not run: {why}")
            out.append(f"raise RuntimeError({('not run: ' + why)!r})")
            continue
        total += len(unit)
        out.append(unit)
    if len(units) > MAX_UNITS:
        why = f"{len(units) - MAX_UNITS} more cells after the first {MAX_UNITS} were not run"
        notes.append(why)
        out.append(f"raise RuntimeError({why!r})")
    return out, notes


#: Seconds the reader of a notebook's variant tag may take (:func:`notebook_variant`).
VARIANT_READ_SECONDS = 30.0
#: Longest variant tag kept (``cnn-grader variants`` writes 64 hex digits at most).
MAX_VARIANT_TAG = 64


def notebook_variant(source: Source, key: str, *, seconds: float = VARIANT_READ_SECONDS,
                     memory_mb: int = LOAD_MEMORY_MB) -> str | None:
    """The variant tag a notebook's ``metadata[key]["variant"]`` names; None if none, or if it cannot be read.

    Parsed as :func:`load_bounded` parses: in the judge only when small enough that parsing is bounded,
    else in a child within ``seconds`` and ``memory_mb`` (a 127 MiB notebook of empty lists takes 3.5 GB).
    """
    if suffix_of(source.name) != ".ipynb":
        return None
    try:
        data = source.read()
    except InvalidSubmission:
        return None
    if _small(data):
        return _variant_of(data, key)
    del data
    request = {**_child_request(source), "memory_mb": memory_mb, "variant_key": key}
    try:
        done = subprocess.run([sys.executable, "-m", "grader.judge.submission"], input=json.dumps(request).encode(),
                              capture_output=True, timeout=max(seconds, 0.1),
                              env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        reply = json.loads(done.stdout[:4096])
    except (subprocess.TimeoutExpired, OSError, ValueError):
        return None
    tag = reply.get("variant") if isinstance(reply, dict) else None
    return tag if isinstance(tag, str) and len(tag) <= MAX_VARIANT_TAG else None


def _variant_of(data: bytes, key: str) -> str | None:
    try:
        tag = json.loads(data.decode("utf-8-sig"))["metadata"][key]["variant"]
    except (UnicodeDecodeError, ValueError, RecursionError, KeyError, TypeError, MemoryError):
        return None
    return tag if isinstance(tag, str) and len(tag) <= MAX_VARIANT_TAG else None


def _small(data: bytes) -> bool:
    """Small enough that parsing it in the judge is bounded (see :data:`INLINE_BYTES`): lines as
    ``str.splitlines`` counts them (:data:`_LINE_BREAKS`), since that is how IPython's transformation cuts a cell."""
    if len(data) > INLINE_BYTES:
        return False
    return _count(_ODD_BREAKS, data, INLINE_ODD_BREAKS) <= INLINE_ODD_BREAKS \
        and _count(_LINE_BREAKS, data, INLINE_LINES) <= INLINE_LINES \
        and _count(_IPYTHON_MARKS, data, INLINE_MARKS) <= INLINE_MARKS


def _count(pattern: re.Pattern, data: bytes, most: int) -> int:
    """How often ``pattern`` occurs in ``data``, counted up to ``most + 1``."""
    return sum(1 for _ in zip(pattern.finditer(data), range(most + 1)))


def load_bounded(source: Source, *, seconds: float, memory_mb: int = LOAD_MEMORY_MB) -> Submission:
    """:func:`load` in a child process limited to ``seconds`` and ``memory_mb``.

    Raises:
        InvalidSubmission: as :func:`load`, and when reading takes too long or too much memory
            (``timed_out`` is set on the exception then).
    """
    data = source.read()
    if _small(data):
        return parse(source, data)  # small enough that parsing it here is bounded: no process to start
    del data
    request = {**_child_request(source), "memory_mb": memory_mb}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "grader.judge.submission"], input=json.dumps(request).encode(),
                              capture_output=True, timeout=max(seconds, 0.1),
                              env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    except subprocess.TimeoutExpired:
        exc = InvalidSubmission(f"{source.label}: reading it took more than {seconds:g} s (the submission's "
                                "time limit)")
        exc.timed_out = True
        raise exc from None
    except OSError as exc:  # no process could be started: the grader's failure, not the submission's
        raise SandboxError(f"cannot start a process to read {source.label}: {exc.strerror}") from None
    try:
        reply = json.loads(done.stdout)
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        why = "more memory than" if done.returncode in (-9, 1, 137) or b"MemoryError" in done.stderr[-2000:] else \
            "a failure of"
        raise InvalidSubmission(f"{source.label}: reading it took {why} the reader allows "
                                f"({memory_mb} MiB, {time.monotonic() - started:.1f} s)")
    if "invalid" in reply:
        raise InvalidSubmission(reply["invalid"].replace(_child_label(request), source.label))
    return Submission(source, reply["kind"], reply["sha256"], tuple(reply["units"]), tuple(reply["notes"]),
                      tuple(reply["labels"]))


def _child_request(source: Source) -> dict:
    """What the child of :func:`load_bounded` needs to read ``source`` again (:func:`_child_source`)."""
    return {"path": str(source.path), "member": source.member, "index": source.index, "broken": source.broken,
            "outer": source.outer, "outer_index": source.outer_index}


def _child_source(request: dict) -> Source:
    return Source(Path(request["path"]), request["member"], broken=request["broken"], index=request["index"],
                  outer=request.get("outer"), outer_index=request.get("outer_index"))


def _child_label(request: dict) -> str:
    return _child_source(request).label


def _load_child() -> None:
    """``python -m grader.judge.submission``: one :func:`load` for :func:`load_bounded`, JSON in and out."""
    import resource

    request = json.loads(sys.stdin.buffer.read())
    limit = int(request["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    source = _child_source(request)
    if request.get("variant_key"):  # notebook_variant's request: the tag only
        try:
            tag = _variant_of(source.read(), str(request["variant_key"]))
        except InvalidSubmission:
            tag = None
        sys.stdout.buffer.write(json.dumps({"variant": tag}).encode())
        return
    try:
        submission = load(source)
    except InvalidSubmission as exc:
        reply = {"invalid": str(exc)}
    else:
        reply = {"kind": submission.kind, "sha256": submission.sha256, "units": list(submission.units),
                 "notes": list(submission.notes), "labels": list(submission.labels)}
    sys.stdout.buffer.write(json.dumps(reply).encode())


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


def notebook_cells(data: bytes, label: str) -> tuple[list[str], list[str], list[str]]:
    """The code cells of a notebook (nbformat 4, or 3 with worksheets), as IPython would run them (:mod:`.cell_input`).

    Returns the cells, notes on what reading changed, and each cell's label (:func:`cell_labels`).
    """
    try:
        nb = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidSubmission(f"{label}: not valid notebook JSON") from None
    if not isinstance(nb, dict):
        raise InvalidSubmission(f"{label}: not a notebook (the JSON is not an object)")
    if isinstance(nb.get("cells"), list):
        raw_cells, key = nb["cells"], "source"
    elif isinstance(nb.get("worksheets"), list):
        worksheets = [w for w in nb["worksheets"] if isinstance(w, dict)]
        if not all(isinstance(w.get("cells", []), list) for w in worksheets):  # (attack round 74: a number there was
            raise InvalidSubmission(f"{label}: not a notebook (a worksheet's cells are no list)")  # a `killed` row)
        raw_cells = [c for w in worksheets for c in w.get("cells", [])]
        key = "input"
    else:
        raise InvalidSubmission(f"{label}: not a notebook (no list of cells)")
    cells, notes, raw, counts = [], [], [], []
    for cell in raw_cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get(key, "")
        if isinstance(source, list) and all(isinstance(s, str) for s in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise InvalidSubmission(f"{label}: a code cell's source is not text")
        source = jupyter_newlines(source)  # as Jupyter runs it, and as its label and line numbers read
        count = cell.get("execution_count", cell.get("prompt_number"))
        raw.append(source)
        counts.append(count if type(count) is int and count > 0 else None)
        if len(source) > MAX_UNIT_CHARS or len(cells) >= MAX_UNITS:
            cells.append(source)  # not run (see bounded_units): not worth transforming either
            continue
        code, cell_notes = transform_cell(source)
        cells.append(code)
        notes.extend((len(cells) - 1, note) for note in cell_notes)
    labels = cell_labels(raw, counts)
    return cells, [f"{labels[i]}: {note}" for i, note in notes], labels


#: Longest first line quoted to name a cell.
LABEL_CHARS = 40


def cell_labels(sources: list[str], counts: list[int | None]) -> list[str]:
    """How a student finds each code cell: by its first line, and by ``In [n]`` when the notebook was
    saved after running it (Markdown, for feedback).

    Never "cell 10": Jupyter numbers no cell, and a count of code cells would include the
    ``grader.check`` cells.  Cells that start alike are told apart by their order among themselves.
    """
    from ..checkapi.verdict import code

    firsts = []
    for source in sources:
        line = source.lstrip()[: 4 * LABEL_CHARS].split("\n", 1)[0].strip()
        firsts.append(line if len(line) <= LABEL_CHARS else line[:LABEL_CHARS].rstrip() + "…")
    total: dict[str, int] = defaultdict(int)
    for first in firsts:
        total[first] += 1
    seen: dict[str, int] = defaultdict(int)
    labels = []
    for first, count in zip(firsts, counts):
        seen[first] += 1
        text = f"the cell starting {code(first)}" if first else "an empty cell"
        extra = [f"In [{count}]"] if count else []
        if total[first] > 1:
            extra.append(f"the {_ordinal(seen[first])} of {total[first]} {'such cells' if first else ''}".rstrip())
        labels.append(text + (f" ({', '.join(extra)})" if extra else ""))
    return labels


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def statement_labels(text: str) -> tuple[str, ...]:
    """Each top-level statement of a script by its line (what the worker runs one by one)."""
    from ..parsing import parse

    try:
        return tuple(f"line {stmt.lineno}" for stmt in parse(text, "<submission>").body)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ("the script",)


if __name__ == "__main__":
    _load_child()
