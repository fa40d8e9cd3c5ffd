"""Atomic writes: interrupted at any step, the old file survives and no temporary file is left."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import warnings
from pathlib import Path

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.persistence import atomic
from roadmap_desktop.persistence.atomic import atomic_write_bytes, atomic_write_text
from roadmap_desktop.persistence.errors import ProjectFileError, SaveError
from roadmap_desktop.persistence.project_file import load_project, save_project

OLD = "旧内容 old content\n".encode()
NEW = b"new content " * 1000

FULL = OSError(errno.ENOSPC, "No space left on device")
DENIED = OSError(errno.EACCES, "Permission denied")
READ_ONLY = OSError(errno.EROFS, "Read-only file system")
QUOTA = OSError(errno.EDQUOT, "Disk quota exceeded")
IO = OSError(errno.EIO, "Input/output error")


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "plan.roadmap"
    path.write_bytes(OLD)
    return path


def _only_target_left(path: Path) -> None:
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_writes_and_replaces(target: Path) -> None:
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    _only_target_left(target)
    atomic_write_text(target, "文字")
    assert target.read_text("utf-8") == "文字"


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.roadmap"
    atomic_write_bytes(path, NEW)
    if os.name != "nt":
        umask = os.umask(0o022)
        os.umask(umask)
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_existing_permissions_are_kept(target: Path) -> None:
    target.chmod(0o640)
    atomic_write_bytes(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_keeps_pointing_at_the_updated_file(target: Path) -> None:
    link = target.with_name("link.roadmap")
    link.symlink_to(target)
    atomic_write_bytes(link, NEW)
    assert link.is_symlink() and target.read_bytes() == NEW


def _fail_on_call(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError, call: int = 1) -> None:
    """Make ``os.<name>`` raise ``error`` on its ``call``-th use (earlier calls work)."""
    real = getattr(os, name)
    count = {"n": 0}

    def flaky(*args, **kwargs):
        count["n"] += 1
        if count["n"] >= call:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, flaky)


def _partial_write(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    """os.write accepts a few bytes, then fails: a disk filling up mid-write."""
    real = os.write
    count = {"n": 0}

    def partial(fd: int, data) -> int:
        count["n"] += 1
        if count["n"] > 1:
            raise error
        return real(fd, bytes(data[:7]))

    monkeypatch.setattr(os, "write", partial)


STEPS = {
    "write": lambda mp, err: _fail_on_call(mp, "write", err),
    "partial write": _partial_write,
    "fsync": lambda mp, err: _fail_on_call(mp, "fsync", err),
    "close": lambda mp, err: _fail_on_call(mp, "close", err),
    "chmod": lambda mp, err: _fail_on_call(mp, "chmod", err),
    "replace": lambda mp, err: _fail_on_call(mp, "replace", err),
}


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize(
    "error,expected",
    [
        (FULL, "the disk is full"),
        (QUOTA, "the disk is full or your disk quota is used up"),
        (DENIED, "it is read-only or you lack permission"),
        (READ_ONLY, "it is read-only or you lack permission"),
        (IO, "cannot save: Input/output error"),
    ],
    ids=["ENOSPC", "EDQUOT", "EACCES", "EROFS", "EIO"],
)
def test_failure_at_each_step_keeps_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: OSError, expected: str
) -> None:
    opened: list[int] = []
    real_mkstemp = tempfile.mkstemp

    def tracking_mkstemp(*args, **kwargs):
        fd, name = real_mkstemp(*args, **kwargs)
        opened.append(fd)
        assert Path(name).name.startswith(".plan.roadmap.")
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", tracking_mkstemp)
    STEPS[step](monkeypatch, error)
    with pytest.raises(SaveError) as caught:
        atomic_write_bytes(target, NEW)
    monkeypatch.undo()
    message = str(caught.value)
    assert expected in message and message.startswith(f"{target}: ") and "\n" not in message
    if error in (DENIED, READ_ONLY):
        assert f"cannot write in folder {target.parent}" in message
    assert target.read_bytes() == OLD
    _only_target_left(target)
    if step != "close":  # the descriptor must not leak
        with pytest.raises(OSError):
            os.fstat(opened[0])


def test_failure_creating_the_temporary_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as caught:
        atomic_write_bytes(target, NEW)
    assert str(caught.value) == (
        f"{target}: cannot write in folder {target.parent}: it is read-only or you lack permission"
    )
    assert target.read_bytes() == OLD


def test_folder_fsync_failure_is_ignored(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_on_call(monkeypatch, "fsync", OSError(errno.EINVAL, "Invalid argument"), call=2)
    atomic_write_bytes(target, NEW)  # the file's own fsync succeeded; the folder's is best effort
    assert target.read_bytes() == NEW


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match=r"the folder .*nowhere does not exist"):
        atomic_write_bytes(tmp_path / "nowhere" / "p.roadmap", NEW)


def test_target_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "p.roadmap"
    folder.mkdir()
    with pytest.raises(SaveError, match="a folder has that name"):
        atomic_write_bytes(folder, NEW)
    assert folder.is_dir() and not list(folder.iterdir())
    assert [p.name for p in tmp_path.iterdir()] == ["p.roadmap"]


def test_unencodable_text(target: Path) -> None:
    with pytest.raises(SaveError, match="cannot be stored as UTF-8"):
        atomic_write_text(target, "x\udcff")
    assert target.read_bytes() == OLD


def test_keyboard_interrupt_cleans_up_and_propagates(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_on_call(monkeypatch, "replace", KeyboardInterrupt())  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, NEW)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    _only_target_left(target)


def test_save_error_is_a_project_file_error() -> None:
    error = SaveError("/x/p.roadmap", "cannot save:\n the disk is full")
    assert isinstance(error, ProjectFileError)
    assert str(error) == f"{Path('/x/p.roadmap')}: cannot save: the disk is full"
    assert error.problem == "cannot save: the disk is full" and error.path == Path("/x/p.roadmap")


# -- through save_project --------------------------------------------------------------------------


def test_save_project_into_read_only_folder_via_monkeypatch(
    tmp_path: Path, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.roadmap"
    save_project(sample_project, path)
    before = path.read_bytes()
    _fail_on_call(monkeypatch, "replace", OSError(errno.EROFS, "Read-only file system"))
    sample_project.info.name = "changed"
    with pytest.raises(SaveError, match="it is read-only or you lack permission"):
        save_project(sample_project, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_project(path).project.info.name != "changed"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_save_project_into_read_only_folder(tmp_path: Path, sample_project: Project) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "p.roadmap"
    save_project(sample_project, path)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as caught:
            save_project(sample_project, path)
        assert str(caught.value) == (f"{path}: cannot write in folder {folder}: it is read-only or you lack permission")
        assert path.read_bytes() == before
    finally:
        folder.chmod(0o755)
    assert [p.name for p in folder.iterdir()] == ["p.roadmap"]


def test_describe_os_error_for_windows_lock() -> None:
    error = OSError(errno.EINVAL, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    assert atomic.describe_os_error(error, Path("/x"), Path("/x/p")) == (
        "cannot save: the file is open in another program"
    )


# -- targets that must not be replaced ---------------------------------------------------------------

READ_ONLY_REFUSAL = "cannot save: the file is read-only; make it writable, or save under another name"


def test_read_only_file_is_refused_as_editors_do(
    tmp_path: Path, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check itself, whoever runs the tests: os.access says the user may not write the file."""
    path = tmp_path / "p.roadmap"
    save_project(sample_project, path)
    before, stamp = path.read_bytes(), sample_project.modified
    asked: list[tuple[str, int]] = []

    def no_write(name, mode, **_kwargs):
        asked.append((os.fspath(name), mode))
        return mode != os.W_OK

    monkeypatch.setattr(atomic.os, "access", no_write)
    sample_project.info.name = "changed"
    with pytest.raises(SaveError) as caught:
        save_project(sample_project, path)
    monkeypatch.undo()
    assert str(caught.value) == f"{path}: {READ_ONLY_REFUSAL}"
    assert asked == [(str(path), os.W_OK)]
    assert path.read_bytes() == before and sample_project.modified == stamp
    assert [p.name for p in tmp_path.iterdir() if p.name != "app-home"] == ["p.roadmap"]


@pytest.mark.skipif(os.name == "nt" or not hasattr(os, "fork"), reason="POSIX permissions and fork")
def test_a_real_0444_file_is_refused_for_a_user_who_is_not_root(sample_project: Project) -> None:
    """Root may replace anything, so as root the save runs in a child that becomes the user nobody."""
    folder = Path(tempfile.mkdtemp(prefix="roadmap-read-only-"))
    try:
        folder.chmod(0o777)  # the folder is writable by anyone: only the file's own mode says no
        path = folder / "p.roadmap"
        save_project(sample_project, path)
        path.chmod(0o444)
        before = path.read_bytes()
        problem = _save_as_user(sample_project, path)
        assert problem == f"{path}: {READ_ONLY_REFUSAL}"
        assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
        assert [p.name for p in folder.iterdir()] == ["p.roadmap"]
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def _save_as_user(project: Project, path: Path) -> str:
    """save_project as the current user, or as nobody (65534) when that is root; the SaveError text or ""."""
    if os.geteuid() != 0:
        try:
            save_project(project, path)
        except SaveError as exc:
            return str(exc)
        return ""
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+ warns of forking with threads alive
        child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        message = ""
        try:
            os.setgid(65534)
            os.setuid(65534)
            save_project(project, path)
        except SaveError as exc:
            message = str(exc)
        except BaseException as exc:  # anything else is reported to the parent
            message = f"unexpected {type(exc).__name__}: {exc}"
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(child, 0)
    return b"".join(chunks).decode()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() != 0, reason="what root may do")
def test_root_may_still_replace_a_read_only_file(tmp_path: Path, sample_project: Project) -> None:
    path = tmp_path / "p.roadmap"
    save_project(sample_project, path)
    path.chmod(0o444)
    sample_project.info.name = "changed by root"
    save_project(sample_project, path)  # as the permission itself allows: root is not refused
    assert load_project(path).project.info.name == "changed by root"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_a_device_in_place_of_the_file_is_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.roadmap"
    os.mkfifo(pipe)
    with pytest.raises(SaveError, match=r"cannot save: .*pipe\.roadmap is a named pipe, not a file$"):
        atomic_write_bytes(pipe, NEW)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    device = tmp_path / "null.roadmap"
    device.symlink_to(os.devnull)
    with pytest.raises(SaveError, match=r"cannot save: /dev/null is a device, not a file$"):
        atomic_write_bytes(device, NEW)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # renaming over it would have replaced /dev/null itself
