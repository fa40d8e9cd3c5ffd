"""Atomic file replacement: write a temporary sibling, fsync it, then rename it over the target."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import READ_ONLY_PROBLEM, SaveError
from .regular_file import kind_problem

_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never a mix.

    Raises SaveError with a one-line reason; on failure the existing file is untouched and no
    temporary file is left behind.
    """
    given = Path(path)
    # Follow a symlink so the link keeps pointing at the (now updated) real file.
    target = Path(os.path.realpath(given))
    folder = target.parent
    refusal = replace_refusal(target)
    if refusal:
        raise SaveError(given, refusal)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except Exception as exc:
        raise SaveError(given, describe_os_error(exc, folder, target)) from None
    tmp = Path(tmp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        _copy_mode(target, tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(exc, Exception):
            raise  # KeyboardInterrupt and friends keep their meaning
        raise SaveError(given, describe_os_error(exc, folder, target)) from None
    _fsync_folder(folder)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """UTF-8 variant of :func:`atomic_write_bytes`."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SaveError(path, f"contains text that cannot be stored as UTF-8 (at character {exc.start})") from None
    atomic_write_bytes(path, data)


def describe_os_error(exc: BaseException, folder: Path, target: Path) -> str:
    """A short, user-facing reason for a failed write."""
    if not isinstance(exc, OSError):
        return f"could not save: {exc}"
    code = exc.errno
    if code in _PERMISSION:
        return f"cannot write in folder {folder}: it is read-only or you lack permission"
    if code in _FULL:
        if code == errno.ENOSPC:
            return "cannot save: the disk is full"
        return "cannot save: the disk is full or your disk quota is used up"
    if code == errno.ENOENT and not folder.is_dir():
        return f"cannot save: the folder {folder} does not exist"
    if code == errno.EISDIR or target.is_dir():
        return "cannot save: a folder has that name"
    if getattr(exc, "winerror", None) in (32, 33):  # sharing / lock violation on Windows
        return "cannot save: the file is open in another program"
    return f"cannot save: {exc.strerror or exc}"


def replace_refusal(path: str | os.PathLike[str]) -> str | None:
    """Why an existing file at ``path`` must not be replaced (it is read-only, a folder, a pipe or a device)."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except OSError:
        return None  # a new file, or a problem the write itself reports
    if stat.S_ISDIR(info.st_mode):
        return "cannot save: a folder has that name"
    problem = kind_problem(info)
    if problem is not None:
        return f"cannot save: {target} {problem}"  # renaming over it would replace the pipe or device itself
    # Renaming into the folder would succeed, but the user (or a tool) marked the file read-only: refuse as
    # editors do. Root passes this check, as it passes the permission itself.
    if not _writable(target):
        return READ_ONLY_PROBLEM
    return None


def _writable(target: Path) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(target, os.W_OK, effective_ids=True)
    return os.access(target, os.W_OK)


def _copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the old file's permission bits, or the usual ones for a new file."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # mkstemp's 0600 would hide a new file from the user's group
    os.chmod(tmp, mode)


def _umask() -> int:
    # os.umask() can only be read by setting it, which races with other threads; Linux tells us.
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort, unsupported on Windows and some filesystems."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
