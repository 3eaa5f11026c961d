"""Remove a folder a submission filled, whatever it put there.

``shutil.rmtree`` recurses once per level of folders and builds each entry's whole path: a submission that
makes a tree 3,000 levels deep (one ``mkdir`` at a time with ``dir_fd``, so no path is ever long) makes it
raise ``RecursionError`` or ``ENAMETOOLONG``, in the judge or the fork server, for every file after it (attack
round 7).  :func:`remove_tree` never recurses and never builds a path: it works through file descriptors, moving
each sub-folder's entries up into the top folder before removing it, so the tree it works on is never deeper
than two levels, and each entry is moved at most once.
"""

from __future__ import annotations

import errno
import itertools
import os

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def remove_tree(path: str) -> bool:
    """Remove ``path`` and everything under it; symbolic links are removed, never followed.

    Never raises: what cannot be removed (no permission) stays, and the pass that removed nothing ends it.

    Returns:
        Whether ``path`` is gone.
    """
    try:
        top = os.open(path, _DIRECTORY)
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.unlink(path)  # a file, or a link to a folder
            return True
        except OSError:
            return False
    try:
        _empty(top)
    except OSError:
        pass
    finally:
        os.close(top)
    try:
        os.rmdir(path)
        return True
    except OSError:
        return False


def _empty(top: int) -> None:
    """Empty the folder open as ``top``: files unlinked, sub-folders flattened into it and removed."""
    fresh = (f".cnn-grader-removing-{n}" for n in itertools.count())
    while True:
        names = os.listdir(top)
        if not names:
            return
        removed = 0
        for name in names:
            try:
                os.unlink(name, dir_fd=top)
                removed += 1
                continue
            except FileNotFoundError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EISDIR, errno.EPERM):
                    continue  # it stays; a pass that removes nothing ends the loop
            try:
                os.rmdir(name, dir_fd=top)
                removed += 1
                continue
            except OSError:
                pass
            try:
                sub = os.open(name, _DIRECTORY, dir_fd=top)
            except OSError:
                continue
            try:
                for child in os.listdir(sub):
                    for target in fresh:  # a name taken by a folder: the next (one taken by a file is replaced)
                        try:
                            os.rename(child, target, src_dir_fd=sub, dst_dir_fd=top)
                            removed += 1
                        except OSError as exc:
                            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR, errno.ENOTDIR):
                                continue
                        break
            finally:
                os.close(sub)
        if not removed:
            return
