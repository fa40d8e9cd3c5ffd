"""Reading a user-named file safely: regular files only (a pipe or a device would block or never end), bounded."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

# O_NONBLOCK: should the path become a pipe between the check and the open, opening it does not wait for a
# writer. O_NOCTTY: a terminal device never becomes our controlling terminal. Neither exists on Windows.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class UnreadableFile(Exception):
    """Why a file cannot be read, as the end of a sentence that starts with its name.

    ``reason`` is one of "missing", "folder", "special", "loop", "permission", "too_big", "other";
    ``size`` is the file's size for "too_big".
    """

    def __init__(self, reason: str, problem: str, size: int = 0) -> None:
        super().__init__(problem)
        self.reason = reason
        self.problem = problem
        self.size = size


def read_regular_file(path: str | os.PathLike[str], limit: int, noun: str = "file") -> bytes:
    """The whole content of ``path``, a regular file of at most ``limit`` bytes; raises UnreadableFile.

    A named pipe, a device, a socket or a folder is refused before it is opened, and again after (the
    path may have been swapped in between), so a read never blocks and never runs without end.
    """
    file = Path(path)
    try:
        info = os.stat(file)
    except (OSError, ValueError) as exc:
        raise _unreadable(exc, noun) from None
    _check_kind(info, noun)
    _check_size(info.st_size, limit)
    try:
        fd = os.open(file, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise _unreadable(exc, noun) from None
    try:
        info = os.fstat(fd)
        _check_kind(info, noun)
        _check_size(info.st_size, limit)
        with contextlib.suppress(OSError, AttributeError):
            os.set_blocking(fd, True)  # a regular file never blocks; this only undoes O_NONBLOCK
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # the file may have grown since fstat(): read at most limit + 1 bytes
            chunk = os.read(fd, min(limit + 1 - total, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _unreadable(exc, noun) from None
    finally:
        os.close(fd)
    if total > limit:
        raise UnreadableFile("too_big", f"is larger than {limit} bytes", max(total, info.st_size))
    return b"".join(chunks)


def kind_problem(info: os.stat_result, noun: str = "file") -> str | None:
    """What is wrong with a path of this kind, or None for a regular file."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not a {noun}"
    if stat.S_ISFIFO(mode):
        return f"is a named pipe, not a {noun}"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return f"is a device, not a {noun}"
    if stat.S_ISSOCK(mode):
        return f"is a socket, not a {noun}"
    return f"is not a regular file, so not a {noun}"


def _check_kind(info: os.stat_result, noun: str) -> None:
    problem = kind_problem(info, noun)
    if problem is not None:
        reason = "folder" if stat.S_ISDIR(info.st_mode) else "special"
        raise UnreadableFile(reason, problem)


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise UnreadableFile("too_big", f"is larger than {limit} bytes", size)


def _unreadable(exc: OSError | ValueError, noun: str) -> UnreadableFile:
    if not isinstance(exc, OSError):  # a NUL character in the name
        return UnreadableFile("other", "cannot be read: the name is not a valid file name")
    code = exc.errno
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)) or code in (errno.ENOENT, errno.ENOTDIR):
        return UnreadableFile("missing", "does not exist")
    if code == errno.ELOOP:
        return UnreadableFile("loop", "is a symbolic link that loops (it never reaches a file)")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return UnreadableFile("permission", "cannot be read: permission denied")
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return UnreadableFile("folder", f"is a folder, not a {noun}")
    if code == errno.ENAMETOOLONG:
        return UnreadableFile("other", "cannot be read: the name is too long")
    return UnreadableFile("other", f"cannot be read: {exc.strerror or exc}")
