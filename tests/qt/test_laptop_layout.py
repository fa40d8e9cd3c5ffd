"""Laptop screens: at 1366 x 768 and at 1920 x 1080 with 150 % scaling, in English and Chinese, no
button or tool-row text is cut ("Aut…ule", "Snap t", "Legen…" were)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from interface_language import interface_language
from layout_checks import SIZES, cut_texts, open_window, window_states
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

HERE = Path(__file__).parent


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(("interface", "project"), [("en", "zh"), ("zh", "en")])
def test_no_button_text_is_cut(qtbot, tmp_path, monkeypatch, size, interface, project):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    with interface_language(interface):
        window = open_window(*SIZES[size], project, tmp_path)
        qtbot.addWidget(window)
        assert window.width() <= SIZES[size][0]
        assert window_states(window) == []
        window.files.document.undo_stack.setClean()


def test_the_check_sees_a_cut_button(qtbot):
    """The check itself: a button narrower than its text is reported."""
    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton("Auto-schedule", host)
    button.setObjectName("narrow")
    button.resize(40, 24)
    host.show()
    assert [p for p in cut_texts(host) if p.startswith("narrow")]
    button.resize(button.sizeHint())
    assert cut_texts(host) == []


@pytest.mark.slow
def test_no_button_text_is_cut_at_150_percent(tmp_path):
    """The same walk in a fresh process with QT_SCALE_FACTOR=1.5 on a 1920 x 1080 screen."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    env["QT_QPA_OFFSCREEN_SCREEN_SIZE"] = "1920x1080"  # ignored by older Qt; the window size decides
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent.parent), str(HERE), env.get("PYTHONPATH", "")])
    for interface, project in (("en", "zh"), ("zh_CN", "en")):
        done = subprocess.run(
            [sys.executable, str(HERE / "layout_checks.py"), "1280", "720", interface, project],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "at scale 1.5" in done.stdout


def test_the_first_window_fits_a_laptop_screen():
    from PySide6.QtCore import QSize

    from roadmap_desktop.ui.main_window import default_window_size

    assert default_window_size(QSize(1920, 1050)) == QSize(1400, 820)
    small = default_window_size(QSize(1366, 738))  # 1366x768 less a 30 px panel
    assert small.width() <= 1366 - 40 and small.height() <= 738 - 60
