"""The start page, Help > User Guide and Help > Keyboard Shortcuts, driven as a new user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from roadmap_desktop.domain.commands import InsertEntity
from roadmap_desktop.domain.prioritisation import rank
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.persistence.autosave import RecoveryStore
from roadmap_desktop.persistence.paths import user_guide_files
from roadmap_desktop.persistence.project_file import save_project
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.persistence.template_file import list_templates, load_template
from roadmap_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from roadmap_desktop.ui.dialogs.user_guide import UserGuideDialog
from roadmap_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(Settings(tmp_path / "settings.json"), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(win)
    win.show()
    win.start.show_start_page()
    return win


@pytest.fixture
def answers(monkeypatch):
    """The answers the "save changes?" question gets, in order; each question asked is recorded."""
    asked: list[str] = []
    queue: list[QMessageBox.StandardButton] = []

    def warning(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return queue.pop(0) if queue else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return queue, asked


def test_the_page_lists_every_template_and_previews_it(window, qtbot) -> None:
    page = window.start.page
    assert window.start.showing_start_page() and page.isVisible() and not window.tabs.isVisible()
    ids = [page.template_list.item(row).data(Qt.ItemDataRole.UserRole + 1) for row in range(page.template_list.count())]
    assert ids == [info.id for info in list_templates()]
    page.set_language("en")
    page.select_template("healthcare")
    assert page.preview_name.text() == "Healthcare"
    assert page.preview_counts.text().startswith("5 requirements with estimated scores · 10 timeline items · 6 risks")
    qtbot.waitUntil(lambda: not page.thumbnail.pixmap().isNull())  # painted on the next turn of the event loop
    page.set_language("zh")
    assert page.template_id() == "healthcare" and page.preview_name.text() == "医疗健康"


def test_keyboard_creates_from_a_template(qtbot, window, answers) -> None:
    page = window.start.page
    page.set_language("zh")
    page.template_list.setFocus()
    page.select_template("speech")
    qtbot.keyClick(page.template_list, Qt.Key.Key_Return)
    assert not window.start.showing_start_page() and window.tabs.isVisible()
    project = window.document.project
    assert project.info.language == "zh" and len(project.requirements) == 5
    assert all(r.rank is not None for r in rank(project, language="zh"))
    assert window.ranking is not None and window.windowTitle().startswith(project.info.name)
    assert answers[1] == []  # nothing unsaved: no question
    assert window.settings.get("template_language") == "zh"


def test_unsaved_work_is_not_lost(qtbot, window, answers) -> None:
    queue, asked = answers
    window.document.execute(InsertEntity("requirement", Requirement(title="My own idea")))
    before = window.document
    page = window.start.page
    page.select_template("education")
    queue.append(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "unsaved changes" in asked[0]
    assert window.document is before and window.start.showing_start_page()
    assert [r.title for r in before.project.requirements] == ["My own idea"]
    queue.append(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert window.document is before and len(asked) == 2


def test_sample_opens_as_an_unsaved_copy(qtbot, window) -> None:
    page = window.start.page
    page.set_language("en")
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    document = window.document
    assert document.path is None and document.project.info.name.startswith("Sample")
    assert all(r.rank is not None for r in rank(document.project, "votes"))


def test_recent_files_open_from_the_page(qtbot, window, tmp_path) -> None:
    path = tmp_path / "clinic.roadmap"
    save_project(load_template("healthcare", "en"), path)
    window.settings.add_recent(str(path))
    window.settings.add_recent(str(tmp_path / "gone.roadmap"))  # deleted since: not listed
    window.start.show_start_page()
    page = window.start.page
    assert page.recent_paths() == [str(path)]
    page.recent_list.setFocus()
    qtbot.keyClick(page.recent_list, Qt.Key.Key_Return)
    assert window.document.path == path and not window.start.showing_start_page()


def test_no_recent_files_says_so_and_escape_goes_back(qtbot, window) -> None:
    page = window.start.page
    assert page.recent_paths() == [] and page.recent_list.item(0).text() == "No recent projects"
    before = window.document
    qtbot.keyClick(page.template_list, Qt.Key.Key_Escape)
    assert not window.start.showing_start_page() and window.document is before
    window.start.start_page_action.trigger()
    assert window.start.showing_start_page()
    window.show_tab("risk")  # Ctrl+3 and the like lead back to the project
    assert not window.start.showing_start_page()


def test_any_opened_project_hides_the_page(window) -> None:
    window.new_action.trigger()
    assert not window.start.showing_start_page()


def test_menus_hold_the_new_entries(window) -> None:
    assert window.start.start_page_action in window.file_menu.actions()
    help_actions = window.help_menu.actions()
    assert window.start.user_guide_action in help_actions and window.start.shortcuts_action in help_actions
    assert window.start.user_guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_shortcuts_dialog_lists_every_action_with_a_key(qtbot, window) -> None:
    rows = shortcut_rows(window)
    expected = {a.text() for a in window.findChildren(QAction) if a.text() and not a.shortcut().isEmpty()}
    commands = {row.command for row in rows}
    assert len(rows) == len(expected) == len(commands) >= 25
    save = next(row for row in rows if row.command == "Save")
    assert save.menu == "File" and save.keys == QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    redo = next(row for row in rows if row.command.startswith("Redo"))
    assert "Ctrl+Y" in redo.keys and "Ctrl+Shift+Z" in redo.keys
    assert next(row for row in rows if row.command == "Keyboard Shortcuts").menu == "Help"
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)
    dialog.filter.setText("ctrl+y")
    shown = [n for n in range(len(rows)) if not dialog.table.isRowHidden(n)]
    assert [rows[n].command for n in shown] == [redo.command]


def test_user_guide_shows_the_shipped_docs_offline(qtbot, window) -> None:
    files = user_guide_files()
    names = [file.name for file in files]
    assert names[0] == "README.md" and "scheduling.md" in names and "file-format.md" in names
    dialog = UserGuideDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.contents.item(0).text() == "Roadmap Desktop"
    assert "Command line" in dialog.browser.toPlainText()
    dialog.browser.anchorClicked.emit(QUrl("docs/scheduling.md"))  # a README link to another page
    assert dialog.current_file().name == "scheduling.md"
    assert dialog.contents.currentItem().text() == dialog.contents.item(names.index("scheduling.md")).text()
    empty = UserGuideDialog(window, files=[])
    qtbot.addWidget(empty)
    assert "missing" in empty.browser.toPlainText()


def test_the_bundle_ships_the_user_guide() -> None:
    spec = (Path(__file__).parents[2] / "packaging" / "bundle" / "spec_common.py").read_text("utf-8")
    assert '(str(ROOT / "README.md"), ".")' in spec and '(str(ROOT / "docs"), "docs")' in spec


def test_the_start_page_does_not_load_the_export_code_before_it_is_shown(tmp_path):
    """Start-up shows the page first; its template picture (the PNG export, numpy) comes on the next turn."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from roadmap_desktop.app import default_settings\n"
        "from roadmap_desktop.ui.start_page import StartPage\n"
        "page = StartPage(default_settings())\n"
        "before = 'numpy' in sys.modules\n"
        "app.processEvents()\n"
        "print(before, page.thumbnail.pixmap().isNull())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROADMAP_DESKTOP_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["False", "False"], done.stderr
