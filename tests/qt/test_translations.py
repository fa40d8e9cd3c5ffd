"""The interface translations: the catalog is complete and compiled, and the language switches at run time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from roadmap_desktop.domain.commands import InsertEntity
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.ui import i18n
from roadmap_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from roadmap_desktop.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "roadmap_desktop_zh_CN.ts"
QM = REPO / "resources" / "i18n" / "roadmap_desktop_zh_CN.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d")


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.is_file():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        path = Path(found)
    return path


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _sources() -> list[str]:
    """What packaging/update_translations.sh scans."""
    ui = sorted(str(p.relative_to(REPO)) for p in (REPO / "roadmap_desktop" / "ui").rglob("*.py"))
    return [*ui, "roadmap_desktop/app.py"]


@pytest.fixture(autouse=True)
def _english_after(qapp):
    """Every test leaves the application in English, whatever it switched to."""
    yield
    i18n.install_translations(qapp, i18n.ENGLISH)
    QCoreApplication.sendPostedEvents()


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.json")
    settings.set(i18n.SETTING_KEY, i18n.ENGLISH)  # never the machine's locale
    win = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.show()
    # Closing must never block on the unsaved-changes question: answer "Discard".
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return win


def _switch(app: QApplication, language: str) -> str:
    used = i18n.install_translations(app, language)
    QCoreApplication.sendPostedEvents()  # LanguageChange reaches the windows as a posted event
    return used


def _menu_titles(win: MainWindow) -> list[str]:
    return [action.text() for action in win.menuBar().actions()]


# -- the catalog ----------------------------------------------------------------------------


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    result = subprocess.run(
        [str(_tool("pyside6-lrelease")), str(TS), "-qm", str(fresh)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert fresh.read_bytes() == QM.read_bytes(), "run packaging/update_translations.sh to recompile the .qm"


def test_every_message_is_translated_with_its_placeholders_and_shortcut():
    problems = []
    for context, source, translation in _messages(TS):
        text = translation.text if translation is not None else None
        kind = translation.get("type") if translation is not None else "missing"
        if not text or kind in ("unfinished", "obsolete", "vanished", "missing"):
            problems.append(f"{context}: untranslated {source!r}")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: placeholders differ in {source!r} -> {text!r}")
        if "&" in source.replace("&&", "").replace("&amp;", "") and "&" not in text:
            problems.append(f"{context}: shortcut letter lost in {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_every_source_string_is_in_the_catalog(tmp_path):
    """Fails when someone added or changed a UI string: run packaging/update_translations.sh and
    translate the new entries."""
    fresh = tmp_path / "fresh.ts"
    result = subprocess.run(
        [str(_tool("pyside6-lupdate")), "-locations", "none", *_sources(), "-ts", str(fresh)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    committed = {(context, source) for context, source, _t in _messages(TS)}
    missing = sorted({(context, source) for context, source, _t in _messages(fresh)} - committed)
    listed = "\n".join(f"  {context}: {source!r}" for context, source in missing)
    assert not missing, (
        f"{len(missing)} interface string(s) are not in {TS.name}; run packaging/update_translations.sh "
        f"and translate them:\n{listed}"
    )


# -- choosing and installing ------------------------------------------------------------------


def test_the_setting_picks_the_language(tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.json")
    monkeypatch.setattr(i18n, "system_language", lambda: i18n.CHINESE)
    assert i18n.ui_language(settings) == i18n.CHINESE  # "system" is the default
    settings.set(i18n.SETTING_KEY, "en")
    assert i18n.ui_language(settings) == "en"
    settings.set(i18n.SETTING_KEY, "klingon")  # unknown values read as "system"
    assert i18n.stored_choice(settings) == i18n.SYSTEM
    monkeypatch.setattr(i18n, "system_language", lambda: i18n.ENGLISH)
    assert i18n.ui_language(settings) == "en"


def test_a_missing_catalog_falls_back_to_english(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "catalog_path", lambda _language: tmp_path / "gone.qm")
    assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.ENGLISH
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    broken = tmp_path / "broken.qm"
    broken.write_bytes(b"not a catalog")
    monkeypatch.setattr(i18n, "catalog_path", lambda _language: broken)
    assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.ENGLISH
    assert i18n.installed_language() == i18n.ENGLISH


def test_the_catalog_and_qts_own_buttons_translate(qapp):
    assert i18n.install_translations(qapp, i18n.CHINESE) == i18n.CHINESE
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert i18n.install_translations(qapp, i18n.ENGLISH) == i18n.ENGLISH
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


# -- switching at run time ------------------------------------------------------------------------


def test_switching_translates_the_main_window_and_back(qapp, window):
    english_menus = _menu_titles(window)
    assert english_menus[:3] == ["&File", "&Edit", "&View"]
    assert window.tabs.tabText(0) == "Requirements"

    assert _switch(qapp, i18n.CHINESE) == i18n.CHINESE
    assert _menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert [window.tabs.tabText(i) for i in range(3)] == ["需求", "时间线", "风险"]
    assert window.save_action.text() == "保存(&S)"
    assert window.assistant_dock.windowTitle() == "助手"
    assert "需求" in window.status_label.text()

    assert _switch(qapp, i18n.ENGLISH) == i18n.ENGLISH
    assert _menu_titles(window) == english_menus
    assert window.tabs.tabText(0) == "Requirements"
    assert window.undo_action.text() == "&Undo"


def test_the_switch_keeps_undo_history_selection_and_unsaved_state(qapp, window):
    document = window.document
    window.show_tab("requirement")
    editor = window.editors["requirement"]
    editor.add_entity()
    first = document.project.requirements[0].id
    document.execute(InsertEntity("requirement", Requirement(title="Second"), None, "Add requirement"))
    editor = window.editors["requirement"]
    editor.select_id(first)
    assert document.is_modified()

    _switch(qapp, i18n.CHINESE)
    assert window.document is document
    assert document.undo_stack.count() == 2 and document.is_modified() and window.isWindowModified()
    assert window.editors["requirement"] is not editor  # rebuilt in the new language
    assert window.editors["requirement"].selected_ids() == [first]
    assert window.tabs.currentIndex() == 0
    assert window.undo_action.text().startswith("撤销")
    window.undo_action.trigger()
    assert len(document.project.requirements) == 1


def test_preferences_dialog_stores_and_applies_the_language(qapp, qtbot, window):
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.choice() == i18n.ENGLISH
    dialog.set_choice(i18n.CHINESE)
    dialog.accept()
    QCoreApplication.sendPostedEvents()
    assert window.settings.get(i18n.SETTING_KEY) == i18n.CHINESE
    assert _menu_titles(window)[0] == "文件(&F)"
    assert window.preferences_action.text() == "首选项(&F)…"


@pytest.mark.parametrize(
    ("locale_name", "language"),
    [
        ("zh-Hant-TW", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("en_US", "en"),
        ("de_DE", "en"),
        ("", "en"),
    ],
)
def test_the_system_locale_picks_the_nearest_shipped_language(locale_name, language):
    assert i18n.nearest_language(locale_name) == language
