"""What the Linux, Windows and macOS PyInstaller specs share: inputs, hidden imports, binaries, excludes.

Imported by the .spec files (PyInstaller runs them with its own globals; this module only uses
PyInstaller's public hook helpers). The model is not collected here: the build scripts copy it into
the app folder afterwards, which is faster than passing 100 MB through PyInstaller's archive step.
"""

from __future__ import annotations

import os
from pathlib import Path

from PyInstaller.utils.hooks import collect_dynamic_libs, collect_submodules

APP = "roadmap-desktop"
ROOT = Path(os.environ.get("ROADMAP_DESKTOP_ROOT") or Path(__file__).resolve().parents[2])
ENTRY = str(Path(__file__).resolve().parent / "launcher.py")

# cli.py finds the sub-commands with pkgutil and the PDF/PNG exporters with importlib: static
# analysis cannot see them.
HIDDEN_IMPORTS = collect_submodules("roadmap_desktop")

# llama_cpp loads its libraries with ctypes from llama_cpp/lib, next to its own modules; import
# analysis never sees ctypes loads, so collect them where llama_cpp looks.
BINARIES = collect_dynamic_libs("llama_cpp")

# Read-only data; paths.resources_dir() finds it under sys._MEIPASS, paths.user_guide_files() the README
# and docs that Help > User Guide shows.
DATAS = [(str(ROOT / "resources"), "resources"), (str(ROOT / "README.md"), "."), (str(ROOT / "docs"), "docs")]

# Nothing in the app uses these; some are pulled in by optional imports of its dependencies.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "IPython",
    "matplotlib",
    "llama_cpp.server",
    "llama_cpp.llava_cpp",
    "llama_cpp.mtmd_cpp",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
]


# Qt plugins the desktop app never loads: embedded-device platforms and input, the virtual keyboard
# (it drags in Qt Quick and QML), the PDF image reader (Qt PDF) and the GTK theme (cairo, pango, GDK
# copies that can clash with the user's own GTK). Used by the Linux spec only: the Windows and macOS
# recipes are untested, and there PyInstaller's dependency lister is not transitive.
UNUSED_QT_PLUGINS = (
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqminimalegl",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "platforminputcontexts/libqtvirtualkeyboardplugin",
    "platforminputcontexts/qtvirtualkeyboardplugin",
    "imageformats/libqpdf",
    "imageformats/qpdf",
    "platformthemes/libqgtk3",
    "egldeviceintegrations/",
    "generic/",
)


def _is_unused_plugin(dest: str) -> bool:
    path = dest.replace("\\", "/")
    return "/plugins/" in path and any(f"/plugins/{name}" in path for name in UNUSED_QT_PLUGINS)


def trim_binaries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``binaries`` without the unused Qt plugins and the libraries that only they need.

    A library is dropped only when no kept binary depends on it (PyInstaller's own dependency
    resolver answers that), so nothing the app loads can go missing.
    """
    from PyInstaller.depend.bindepend import get_imports

    def deps(entries: list[tuple[str, str, str]]) -> set[str]:
        names: set[str] = set()
        for _dest, src, typecode in entries:
            if typecode in ("BINARY", "EXTENSION") and os.path.isfile(src):
                names.update(name for name, _path in get_imports(src))
        return names

    dropped = [entry for entry in binaries if _is_unused_plugin(entry[0])]
    only_theirs = deps(dropped)
    kept = [entry for entry in binaries if not _is_unused_plugin(entry[0])]
    roots = [entry for entry in kept if os.path.basename(entry[0]) not in only_theirs]
    only_theirs -= deps(roots)
    return [entry for entry in kept if os.path.basename(entry[0]) not in only_theirs]


def trim_symlinks(
    datas: list[tuple[str, str, str]], binaries: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """``datas`` without the SYMLINK entries whose target ``trim_binaries`` dropped.

    PyInstaller puts the top-level links to libraries it collected elsewhere (``libQt6Quick.so.6 ->
    PySide6/Qt/lib/libQt6Quick.so.6``) in ``datas``, so trimming ``binaries`` alone left them dangling.
    """
    collected = {os.path.normpath(dest) for dest, _src, typecode in binaries + datas if typecode != "SYMLINK"}

    def target(dest: str, link: str) -> str:
        return os.path.normpath(os.path.join(os.path.dirname(dest), link))

    return [entry for entry in datas if entry[2] != "SYMLINK" or target(entry[0], entry[1]) in collected]


def analysis_kwargs() -> dict[str, object]:
    """Keyword arguments for PyInstaller's Analysis, identical on every platform."""
    return {
        "scripts": [ENTRY],
        "pathex": [],
        "binaries": BINARIES,
        "datas": DATAS,
        "hiddenimports": HIDDEN_IMPORTS,
        "excludes": EXCLUDES,
        "noarchive": False,
    }
