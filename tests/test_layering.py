"""Architecture guard: the pure layers (wording, domain, persistence, interchange) stay free of Qt and
llama.cpp, only roadmap_desktop/llm/engine.py touches llama_cpp, packages depend downwards only
(import-linter's contracts in pyproject.toml), and no module grows past MAX_MODULE_LINES. Checked
statically (every import statement, including ones inside functions, and string imports) and
dynamically (what importing those packages really loads)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "roadmap_desktop"
PURE_PACKAGES = (
    "roadmap_desktop.wording",
    "roadmap_desktop.domain",
    "roadmap_desktop.persistence",
    "roadmap_desktop.interchange",
)
FORBIDDEN_IN_PURE = ("PySide6", "shiboken6", "llama_cpp")
LLAMA_OWNER = PACKAGE / "llm" / "engine.py"
DYNAMIC_IMPORTERS = {"import_module", "__import__", "find_spec"}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in the file, relative ones resolved, plus
    string-literal arguments of importlib.import_module / __import__ / find_spec calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name in DYNAMIC_IMPORTERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def is_under(name: str, top: str) -> bool:
    return name == top or name.startswith(top + ".")


def python_files(*packages: str) -> list[Path]:
    files: list[Path] = []
    for package in packages:
        files.extend(sorted(ROOT.joinpath(*package.split(".")).rglob("*.py")))
    return files


def test_pure_layers_do_not_import_qt_or_llama_statically():
    files = python_files(*PURE_PACKAGES)
    assert any(f.name == "commands.py" for f in files), "found no domain sources to check"
    assert any(f.name == "serialize.py" for f in files), "found no persistence sources to check"
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in files
        for line, name in imported_modules(path)
        if any(is_under(name, top) for top in FORBIDDEN_IN_PURE)
    ]
    assert not offences, "domain/ and persistence/ must stay free of Qt and llama_cpp:\n" + "\n".join(offences)


_IMPORT_ALL = """
import importlib, json, pkgutil, sys
imported = []
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({"imported": imported, "loaded": sorted(sys.modules)}))
"""


def test_pure_layers_do_not_load_qt_or_llama_at_run_time():
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *PURE_PACKAGES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"importing {PURE_PACKAGES} failed:\n{proc.stderr[-4000:]}"
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    expected = {module_name(path) for path in python_files(*PURE_PACKAGES)}
    missing = expected - set(report["imported"])
    assert not missing, f"these modules were not imported: {sorted(missing)}"
    leaked = [name for name in report["loaded"] if any(is_under(name, top) for top in FORBIDDEN_IN_PURE)]
    assert not leaked, f"importing {', '.join(PURE_PACKAGES)} loaded {leaked}"


def test_only_the_llm_engine_imports_llama_cpp():
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in python_files("roadmap_desktop")
        if path != LLAMA_OWNER
        for line, name in imported_modules(path)
        if is_under(name, "llama_cpp")
    ]
    assert not offences, f"only {LLAMA_OWNER.relative_to(ROOT)} may import llama_cpp:\n" + "\n".join(offences)


def test_the_import_scanner_sees_every_form(tmp_path):
    """The static checks are only as good as the scanner; make sure it cannot be fooled easily."""
    source = tmp_path / "roadmap_desktop" / "domain" / "sneaky.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "import os, PySide6.QtCore as qc\n"
        "from shiboken6 import Shiboken\n"
        "def later():\n"
        "    import llama_cpp\n"
        "    from llama_cpp.llama import Llama\n"
        "    return importlib.import_module('PySide6.QtGui')\n"
        "from . import fields\n"
        "from ..persistence import serialize\n",
        encoding="utf-8",
    )
    names = [name for _line, name in imported_modules(source, root=tmp_path)]
    for name in ("PySide6.QtCore", "shiboken6", "llama_cpp", "llama_cpp.llama", "PySide6.QtGui"):
        assert name in names
    assert "roadmap_desktop.domain.fields" in names
    assert "roadmap_desktop.persistence.serialize" in names


def test_the_window_starts_without_llama_cpp_or_numpy():
    """Start-up stays light: the model engine loads on first use, numpy with the first forecast."""
    code = (
        "import os, sys, json; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from roadmap_desktop.app import create_application\n"
        "app = create_application([])\n"
        "from roadmap_desktop.ui.main_window import MainWindow\n"
        "print(json.dumps(sorted(m for m in ('llama_cpp', 'numpy') if m in sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


MAX_MODULE_LINES = 800  # past this a module holds more than one thing: split it by what the code is


def test_the_import_contracts_hold():
    """pyproject.toml's [tool.importlinter] contracts: layers, pure packages, the llama_cpp owner."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " KEPT" in done.stdout and "BROKEN" not in done.stdout


def test_no_module_is_over_the_size_limit():
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in python_files("roadmap_desktop")}
    large = [f"{path.relative_to(ROOT)}: {lines} lines" for path, lines in sizes.items() if lines > MAX_MODULE_LINES]
    assert not large, "split these by what the code is:\n" + "\n".join(large)
