"""The Linux bundle: packaging/build_bundle.sh builds it, and the built folder works on its own, as a new
user would run it: a clean environment (no project, no venv on PATH), offscreen, offline."""

from __future__ import annotations

import configparser
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from roadmap_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "build_bundle.sh"
DESKTOP_FILE = ROOT / "packaging" / "bundle" / "roadmap-desktop.desktop"
MODEL = ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
APP = "roadmap-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

linux_x86_64 = pytest.mark.skipif(
    sys.platform != "linux" or platform.machine() != "x86_64", reason="the Linux bundle is built on Linux x86_64"
)


def clean_env(home: Path) -> dict[str, str]:
    """What a desktop session would give the app, minus everything of this checkout (env -i style)."""
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}


def desktop_entry_problems(path: Path) -> list[str]:
    """desktop-file-validate when installed, else the checks that matter for a launcher entry."""
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
        return [line for line in (done.stdout + done.stderr).splitlines() if "error" in line.lower()]
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    if parser.sections()[:1] != ["Desktop Entry"]:
        return ["the first group must be [Desktop Entry]"]
    entry = parser["Desktop Entry"]
    problems = [f"missing {key}" for key in ("Type", "Name", "Exec", "Icon") if not entry.get(key)]
    if entry.get("Type") != "Application":
        problems.append("Type must be Application")
    for key in ("Categories", "Keywords", "MimeType"):
        if entry.get(key) and not entry[key].endswith(";"):
            problems.append(f"{key} must end with ';'")
    if entry.get("Terminal") not in (None, "true", "false"):
        problems.append("Terminal must be true or false")
    return problems


def test_the_desktop_file_is_valid():
    assert desktop_entry_problems(DESKTOP_FILE) == []
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    # The app calls setDesktopFileName("roadmap-desktop"): the window is matched to this entry by name.
    assert "Icon=roadmap-desktop\n" in text
    assert DESKTOP_FILE.stem == APP


def test_every_icon_size_is_there():
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        image = QImage(str(ROOT / "packaging" / "bundle" / "icons" / f"{APP}-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


@linux_x86_64
def test_the_build_script_stops_with_one_line_when_the_model_is_missing(tmp_path):
    # A copy of the script in a fake checkout: everything present but the model.
    fake = tmp_path / "checkout"
    (fake / "packaging").mkdir(parents=True)
    shutil.copy(SCRIPT, fake / "packaging" / SCRIPT.name)
    (fake / ".venv" / "bin").mkdir(parents=True)
    (fake / ".venv" / "bin" / "python").symlink_to(sys.executable)
    done = subprocess.run(
        ["bash", str(fake / "packaging" / SCRIPT.name), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"[bundle] error: the default model {fake / 'models' / MODEL.name} is missing; "
        "run 'bash packaging/setup.sh' first"
    ]


@linux_x86_64
@pytest.mark.slow
@pytest.mark.llm
def test_the_built_bundle_runs_its_self_test_and_the_assistant_on_its_own(tmp_path):
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    out = tmp_path / "dist"
    build = subprocess.run(
        ["bash", str(SCRIPT), "--out", str(out), "--no-self-test"],
        capture_output=True,
        text=True,
        timeout=3600,
        env={**os.environ, "CMAKE_BUILD_PARALLEL_LEVEL": os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")},
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    app_dir = out / APP
    exe = app_dir / APP
    tarball = out / f"{APP}-{__version__}-linux-x86_64.tar.gz"
    assert exe.is_file() and os.access(exe, os.X_OK)
    assert tarball.is_file()
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    for member in (APP, "install.sh", f"{APP}.desktop", f"_internal/models/{MODEL.name}", "icons/roadmap-desktop.svg"):
        assert f"{APP}/{member}" in names, member
    assert desktop_entry_problems(app_dir / f"{APP}.desktop") == []

    # Portable llama.cpp: no OpenMP runtime, no AVX-512.
    libs = sorted((app_dir / "_internal" / "llama_cpp" / "lib").glob("lib*.so"))
    assert {lib.name for lib in libs} >= {"libllama.so", "libggml.so", "libggml-cpu.so", "libggml-base.so"}
    for lib in libs:
        ldd = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False).stdout
        assert "gomp" not in ldd, f"{lib.name} links OpenMP:\n{ldd}"
    if shutil.which("objdump"):
        for lib in libs:
            disassembly = subprocess.run(["objdump", "-d", str(lib.resolve())], capture_output=True, text=True).stdout
            assert "%zmm" not in disassembly, f"{lib.name} uses AVX-512"

    # Qt's X11 window: the xcb helper libraries many desktops lack travel inside the bundle.
    internal = app_dir / "_internal"
    for lib in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"):
        assert (internal / lib).exists(), f"{lib} is not in the bundle"
    qxcb = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    ldd = subprocess.run(
        ["ldd", str(qxcb)], capture_output=True, text=True, check=False, env={"LD_LIBRARY_PATH": str(internal)}
    ).stdout
    assert "not found" not in ldd, ldd

    env = clean_env(tmp_path / "home")
    done = subprocess.run([str(exe), "--self-test"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1].startswith("self-test passed: 5 checks"), done.stdout
    assert "bundle at" in done.stdout.splitlines()[0]

    # The assistant from the bundle, offline, on a new project.
    project = tmp_path / "shop.roadmap"
    made = subprocess.run(
        [str(exe), "new", "-o", str(project), "--name", "Shop"], env=env, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    assist = subprocess.run(
        [str(exe), "assist", str(project), "--task", "risks", "--threads", "1", "--quiet", "--seed", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert assist.returncode == 0, assist.stderr[-3000:]
    assert json.loads(assist.stdout)["task"] == "risks"

    # Per-user install and uninstall into a throwaway prefix.
    prefix = tmp_path / "prefix"
    install_env = {**env, "PREFIX": str(prefix)}
    installed = subprocess.run(
        ["bash", str(app_dir / "install.sh")], env=install_env, capture_output=True, text=True, timeout=300
    )
    assert installed.returncode == 0, installed.stderr
    entry = prefix / "share" / "applications" / f"{APP}.desktop"
    assert f'Exec="{prefix}/opt/{APP}/{APP}" %f' in entry.read_text(encoding="utf-8")
    assert desktop_entry_problems(entry) == []
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP}.png").is_file()
    assert (prefix / "bin" / APP).resolve() == (prefix / "opt" / APP / APP).resolve()
    version = subprocess.run([str(prefix / "bin" / APP), "--version"], env=env, capture_output=True, text=True)
    assert version.stdout.strip() == f"roadmap-desktop {__version__}"
    removed = subprocess.run(
        ["bash", str(prefix / "opt" / APP / "install.sh"), "--uninstall"],
        env=install_env,
        capture_output=True,
        text=True,
    )
    assert removed.returncode == 0, removed.stderr
    assert not (prefix / "opt" / APP).exists()
    assert not entry.exists()
