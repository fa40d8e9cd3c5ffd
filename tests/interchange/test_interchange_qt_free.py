"""The text formats (interchange/) and the PDF options load no Qt: the command line and headless scripts use them."""

from __future__ import annotations

import json
import subprocess
import sys

QT_FREE = [
    "roadmap_desktop.interchange.markdown",
    "roadmap_desktop.interchange.csv_export",
    "roadmap_desktop.interchange.csv_import",
    "roadmap_desktop.interchange.mermaid",
    "roadmap_desktop.interchange.json_export",
    "roadmap_desktop.interchange.gan_import",
    "roadmap_desktop.interchange.mspdi_import",
    "roadmap_desktop.interchange.mspdi_export",
    "roadmap_desktop.interchange.ics_export",
    "roadmap_desktop.interchange.tracker_csv",
    "roadmap_desktop.export.pdf.options",
    "roadmap_desktop.commandline.export",
    "roadmap_desktop.commandline.import_csv",
    "roadmap_desktop.commandline.import_plan",
]


def test_text_exporters_do_not_load_qt():
    code = (
        "import importlib, json, sys\n"
        f"for name in {QT_FREE!r}: importlib.import_module(name)\n"
        "print(json.dumps([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'llama_cpp'))]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
