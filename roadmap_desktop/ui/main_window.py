"""The main window: three editors over one project, file handling, undo, autosave."""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QSize, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QWidget,
)

from .. import __version__
from ..domain.commands import set_fields
from ..domain.project import Project
from ..domain.timeline import TimelineItem
from ..persistence.autosave import RecoveryStore
from ..persistence.errors import ProjectFileError, SaveError
from ..persistence.settings import Settings
from ..qtmodels.document import ProjectDocument
from .assistant.assistant_panel import AssistantPanel
from .dialogs.lanes_dialog import LanesDialog
from .dialogs.project_properties import ProjectPropertiesDialog
from .dialogs.risk_library_dialog import add_from_library
from .document_controller import APP_NAME, DocumentController, file_filter
from .editors.entity_editor import EntityEditor
from .editors.ranking_view import RankingView
from .interchange_actions import InterchangeActions
from .live.copy_merge import offer_copy_merge
from .live.live_actions import LiveActions
from .start_help import StartAndHelp
from .tab_pages import RequirementPage, RiskPage, TimelinePage
from .wheel_guard import install_wheel_guard
from .workshop.flow import GuidedFlowController
from .workshop.presenter import PresenterView
from .workshop.step_bar import GuidedFlowBar


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, recovery: RecoveryStore) -> None:
        super().__init__()
        install_wheel_guard(QApplication.instance())  # before any widget: a wheel never edits a value
        self.settings = settings
        self.files = DocumentController(self, settings, recovery, self.show_info, self.show_error)
        self.files.document_replaced.connect(self._on_files_document_replaced)
        self.editors: dict[str, EntityEditor] = {}
        self._pages: list[QWidget] = []  # the tabs' pages; replaced with the document
        self.undo_group = QUndoGroup(self)
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.start = StartAndHelp(self, self.files, settings, self.tabs)  # the start page, the user guide, shortcuts
        self.setCentralWidget(self.start.stack)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_actions()
        self.interchange = InterchangeActions(self, settings, lambda: self.document, self.show_info)
        self.png_action = self._action(self.export_png)
        self.pdf_action = self._action(self.export_pdf, "Ctrl+P")
        self.interchange.add_page_export(self.png_action)
        self.interchange.add_page_export(self.pdf_action)
        self._build_assistant()
        self._build_prioritisation()
        self._build_workshop()
        self.live = LiveActions(self)  # File > Share Live…, Join Live… (ui/live/)
        self._build_menus()
        self._retranslate_actions()

        geometry = self.settings.get("window_geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(default_window_size(self.screen().availableGeometry().size()))
        state = self.settings.get("window_state")
        if isinstance(state, str):
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        self.files.set_document(ProjectDocument(Project.new()))

    @property
    def document(self) -> ProjectDocument | None:
        """The project this window shows (its DocumentController owns it)."""
        return self.files.document

    def set_document(self, document: ProjectDocument) -> None:
        """Show ``document`` in this window in place of the current one."""
        self.files.set_document(document)

    # -- actions and menus -----------------------------------------------------------
    def _action(self, slot, shortcut=None) -> QAction:
        """An action without text: _retranslate_actions gives every action its text and tip."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.files.new_project, keys.New)
        self.new_template_action = self._action(self.files.new_project_from_template, "Ctrl+Shift+T")
        self.open_action = self._action(self.files.open_dialog, keys.Open)
        self.save_action = self._action(self.files.save, keys.Save)
        self.save_as_action = self._action(self.files.save_as, keys.SaveAs)
        self.properties_action = self._action(self.edit_properties, "Ctrl+I")
        self.quit_action = self._action(self.close, keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._build_undo_actions()
        self.add_action = self._action(lambda: self._current_editor().add_entity(), "Ctrl+Shift+N")
        self.duplicate_action = self._action(lambda: self._current_editor().duplicate_selected(), "Ctrl+D")
        self.delete_action = self._action(lambda: self._current_editor().delete_selected())
        self.find_action = self._action(lambda: self._current_editor().focus_filter(), keys.Find)
        self.lanes_action = self._action(self.edit_lanes)
        self.voting_action = self._action(self.show_voting)
        self.merge_action = self._action(self.merge_project_dialog)
        self.schedule_action = self._action(self.auto_schedule, "Ctrl+R")
        self.about_action = self._action(self.about)
        self.library_action = self._action(self.add_risks_from_library, "Ctrl+Shift+L")
        self.preferences_action = self._action(self.edit_preferences, keys.Preferences)
        if self.preferences_action.shortcut().isEmpty():  # no platform standard (Linux, Windows)
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.chart_action = QAction(self)
        self.chart_action.setCheckable(True)
        self.chart_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.chart_action.setChecked(self.settings.get("value_effort_visible") is True)
        self.chart_action.toggled.connect(self._on_chart_action_toggled)

    def _build_undo_actions(self) -> None:
        # QUndoGroup fixes an action's prefix when it creates it, so a language switch makes new ones.
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(redo_keys())

    def _retranslate_actions(self) -> None:
        self.live.retranslate()
        texts = [
            (self.new_action, self.tr("&New Project"), self.tr("Start an empty project")),
            (
                self.new_template_action,
                self.tr("New from &Template…"),
                self.tr("Start a project from a ready-made AI-product template (English or Chinese)"),
            ),
            (self.open_action, self.tr("&Open…"), self.tr("Open a .roadmap file")),
            (self.save_action, self.tr("&Save"), self.tr("Save the project")),
            (self.save_as_action, self.tr("Save &As…"), self.tr("Save under a new name")),
            (self.properties_action, self.tr("Project &Properties…"), self.tr("Name, vision, language and domain")),
            (self.quit_action, self.tr("&Quit"), ""),
            (self.add_action, self.tr("&Add Row"), ""),
            (self.duplicate_action, self.tr("D&uplicate"), ""),
            (self.delete_action, self.tr("&Delete"), ""),
            (self.find_action, self.tr("&Filter…"), ""),
            (self.lanes_action, self.tr("&Lanes…"), self.tr("Add, rename or remove timeline lanes")),
            (self.voting_action, self.tr("Dot &Voting…"), self.tr("Run a dot vote on the requirements")),
            (
                self.merge_action,
                self.tr("&Merge Project…"),
                self.tr("Add requirements and risks from another .roadmap file"),
            ),
            (
                self.schedule_action,
                self.tr("Auto-&schedule"),
                self.tr("Place items by dependencies, lane capacity and pinned dates (one undo step)"),
            ),
            (self.about_action, self.tr("&About Roadmap Desktop"), ""),
            (
                self.library_action,
                self.tr("Add from &Library…"),
                self.tr("Add common AI-startup risks from the bundled library"),
            ),
            (self.preferences_action, self.tr("Pre&ferences…"), self.tr("Interface language and other settings")),
            (
                self.chart_action,
                self.tr("&Value / Effort Chart"),
                self.tr("Show the value / effort chart above the requirements table"),
            ),
            (self.png_action, self.tr("Timeline &Image (PNG)…"), self.tr("The timeline as a picture")),
            (self.pdf_action, self.tr("Roadmap &PDF…"), self.tr("A roadmap to share and print")),
            (
                self.calculators_action,
                self.tr("AI Planning &Calculators…"),
                self.tr("Model footprint, compute, serving cost, metrics"),
            ),
            (
                self.workshop_action,
                self.tr("&Guided Workshop"),
                self.tr("A step bar with a timer per step for a facilitated workshop"),
            ),
            (
                self.presenter_action,
                self.tr("&Presenter View"),
                self.tr("Full screen, large type, high contrast, for the projector (Esc leaves)"),
            ),
        ]
        for action, text, tip in texts:
            action.setText(text)
            action.setStatusTip(tip)
            # Tool buttons show the icon text; Qt's default keeps a Chinese-style "(&S)" as "(S)".
            action.setIconText(_plain(text))
        # The shorter texts the tool buttons show (setText resets them).
        self.library_action.setIconText(self.tr("From Library…"))
        self.chart_action.setIconText(self.tr("Chart"))
        self.workshop_toolbar.setWindowTitle(self.tr("Guided Workshop"))

    def _build_assistant(self) -> None:
        self.assistant = AssistantPanel(
            self.settings,
            lambda: self.document,
            self._selected_requirement_id,
            self.show_error,
            self._risk_library,
        )
        # Loading a model runs llama.cpp in this process: keep a recovery copy of unsaved work first.
        self.assistant.picker.load_starting.connect(self.files.autosave)
        self.assistant.suggestions_accepted.connect(
            lambda n: self.show_info(
                self.tr("Accepted {count} suggestion(s); Edit > Undo takes them back in one step").format(count=n)
            )
        )
        self.assistant_dock = QDockWidget(self.tr("Assistant"), self)
        self.assistant_dock.setObjectName("assistantDock")
        # A short screen (a laptop at 1366 x 768, the workshop bar shown) would clip the suggestions
        # and their Accept buttons: the panel scrolls instead, and brings its suggestions into view.
        self.assistant_scroll = QScrollArea()
        self.assistant_scroll.setWidgetResizable(True)
        self.assistant_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.assistant_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assistant_scroll.setWidget(self.assistant)
        # Only vertical: the dock keeps the panel's own minimum width, as it did without the scroll area.
        bar = self.assistant_scroll.verticalScrollBar()
        self.assistant_scroll.setMinimumWidth(self.assistant.minimumSizeHint().width() + bar.sizeHint().width())
        self.assistant.generation_done.connect(lambda: bar.setValue(self.assistant.review_box.y()))
        self.assistant_dock.setWidget(self.assistant_scroll)
        self.assistant_dock.setMinimumWidth(340)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.assistant_dock)
        self.assistant_dock.setVisible(self.settings.get("assistant_visible") is not False)
        self.assistant_action = self.assistant_dock.toggleViewAction()
        self.assistant_action.setShortcut(QKeySequence("Ctrl+Shift+A"))

    def _build_prioritisation(self) -> None:
        # The ranking sits in a dock so it can stay beside the requirements table (or go on the
        # projector's screen) while scores are edited.
        self.prioritisation_dock = QDockWidget(self.tr("Prioritisation"), self)
        self.prioritisation_dock.setObjectName("prioritisationDock")
        self.prioritisation_dock.setMinimumWidth(400)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.prioritisation_dock)
        self.tabifyDockWidget(self.assistant_dock, self.prioritisation_dock)
        self.prioritisation_dock.setVisible(self.settings.get("prioritisation_visible") is True)
        self.prioritisation_action = self.prioritisation_dock.toggleViewAction()
        self.prioritisation_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.ranking: RankingView | None = None
        self.calculators_action = self._action(self.show_calculators)
        self._calculators = None

    # -- workshop ----------------------------------------------------------------------
    def _build_workshop(self) -> None:
        self.workshop_bar = GuidedFlowBar(self.settings)
        self.workshop_bar.presenter_requested.connect(self.show_presenter)
        self.workshop_toolbar = QToolBar(self)
        self.workshop_toolbar.setObjectName("workshopToolBar")  # saveState remembers whether it shows
        self.workshop_toolbar.setMovable(False)
        self.workshop_toolbar.addWidget(self.workshop_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.workshop_toolbar)
        self.workshop_toolbar.hide()
        self.workshop_action = self.workshop_toolbar.toggleViewAction()
        self.workshop_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.workshop_action.toggled.connect(self._on_workshop_action_toggled)
        self.workshop = GuidedFlowController(self.workshop_bar, self)
        self.presenter: PresenterView | None = None
        self.presenter_action = self._action(self.toggle_presenter, "F5")

    def _on_workshop_action_toggled(self, checked: bool) -> None:
        if checked:
            self.workshop.enter_current_step()
        if self.presenter is not None:
            self.presenter.set_flow_bar(self.workshop_bar if checked else None)

    def show_assistant(self, task: str) -> None:
        """Open the Assistant dock with ``task`` chosen (the guided flow's requirements step)."""
        index = self.assistant.task_combo.findData(task)
        if index >= 0:
            self.assistant.task_combo.setCurrentIndex(index)
        self.assistant_dock.show()
        self.assistant_dock.raise_()

    def show_prioritisation(self) -> None:
        self.prioritisation_dock.show()
        self.prioritisation_dock.raise_()

    def show_presenter(self) -> None:
        if self.document is None:
            return
        bar = self.workshop_bar if self.workshop_toolbar.isVisible() else None
        if self.presenter is None:
            self.presenter = PresenterView(self.document, bar, self)
            self.live.attach_presenter(self.presenter)  # who is here and the votes, while a room is live
        else:
            self.presenter.set_document(self.document)
            self.presenter.set_flow_bar(bar)
        self.presenter.present()

    def toggle_presenter(self) -> None:
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.close()
        else:
            self.show_presenter()

    def export_pdf(self) -> None:
        from .dialogs.pdf_export_dialog import PdfExportDialog

        if self.document is not None:
            dialog = PdfExportDialog(self.document.project, self.settings, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def export_png(self) -> None:
        from .dialogs.pdf_export_dialog import export_png_interactively

        if self.document is not None:
            export_png_interactively(self, self.document.project, self.settings)

    def show_voting(self) -> None:
        from .dialogs.voting_dialog import VotingDialog

        if self.document is not None:
            VotingDialog(self.document, self).exec()

    def merge_project_dialog(self) -> None:
        from .dialogs.merge_dialog import MergeDialog

        if self.document is None:
            return
        start = str(self.document.path.parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Merge Project"), start, file_filter())
        if not path or offer_copy_merge(self, self.document, path):  # a copy of this project: histories join
            return
        try:
            dialog = MergeDialog(self.document, path, self)
        except ProjectFileError as exc:
            self.show_error(str(exc))
            return
        if dialog.exec():  # accepted only once the merge is done; its undo text says what it merged
            self.show_info(self.document.undo_stack.undoText() + self.tr(" (Edit > Undo takes it back in one step)"))

    def show_calculators(self) -> None:
        from .dialogs.calculators import CalculatorsDialog

        if self._calculators is None or self._calculators.document is not self.document:
            if self._calculators is not None:
                self._calculators.close()
            self._calculators = CalculatorsDialog(self.document, self)
        self._calculators.show()
        self._calculators.raise_()
        self._calculators.activateWindow()

    def _selected_requirement_id(self) -> str | None:
        ids = self.editors["requirement"].selected_ids() if "requirement" in self.editors else []
        return ids[0] if ids else None

    def _risk_library(self) -> object:
        from ..persistence.risk_library_file import LibraryError, load_default_risk_library

        try:
            return load_default_risk_library()  # read once, then cached
        except LibraryError as exc:
            self.show_error(str(exc))
            return None

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("")
        file_menu.addActions(
            [self.start.start_page_action, self.new_action, self.new_template_action, self.open_action]
        )
        self.recent_menu = file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(self.interchange.import_csv_action)
        file_menu.addAction(self.interchange.import_plan_action)
        file_menu.addAction(self.merge_action)
        file_menu.addActions([self.live.share_action, self.live.join_action])
        file_menu.addMenu(self.interchange.export_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.properties_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.edit_menu = bar.addMenu("")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_action, self.duplicate_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.lanes_action)
        edit_menu.addAction(self.schedule_action)
        edit_menu.addAction(self.library_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = self.view_menu = bar.addMenu("")
        self.tab_actions: list[QAction] = []
        for number, (_title, kind) in enumerate(self._tab_kinds(), start=1):
            action = self._action(lambda _=False, k=kind: self.show_tab(k), f"Ctrl+{number}")
            self.tab_actions.append(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.assistant_action)
        view_menu.addAction(self.prioritisation_action)
        view_menu.addAction(self.chart_action)
        view_menu.addSeparator()
        view_menu.addAction(self.workshop_action)
        view_menu.addAction(self.presenter_action)
        tools_menu = self.tools_menu = bar.addMenu("")
        tools_menu.addAction(self.calculators_action)
        tools_menu.addAction(self.voting_action)
        help_menu = self.help_menu = bar.addMenu("")
        help_menu.addActions([self.start.user_guide_action, self.start.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        for action, (title, _kind) in zip(self.tab_actions, self._tab_kinds(), strict=True):
            action.setText(title)

    def _tab_kinds(self) -> list[tuple[str, str]]:
        return [(self.tr("&Requirements"), "requirement"), (self.tr("&Timeline"), "item"), (self.tr("Ris&ks"), "risk")]

    def retranslate_ui(self) -> None:
        """Give every text of the window the current language: actions, menus, docks, status bar and
        the tabs, which are rebuilt over the same document (undo history, selection and the unsaved
        mark stay)."""
        self._retranslate_actions()
        self.start.retranslate()
        self._replace_undo_actions()
        self._retranslate_menus()
        self.interchange.retranslate()
        self.assistant_dock.setWindowTitle(self.tr("Assistant"))
        self.prioritisation_dock.setWindowTitle(self.tr("Prioritisation"))
        if self.document is not None:
            self._rebuild_views()
        self.statusBar().clearMessage()

    def _replace_undo_actions(self) -> None:
        old_undo, old_redo = self.undo_action, self.redo_action
        self._build_undo_actions()
        self.edit_menu.insertAction(old_undo, self.undo_action)
        self.edit_menu.insertAction(old_redo, self.redo_action)
        for old in (old_undo, old_redo):
            self.edit_menu.removeAction(old)
            old.setShortcuts([])  # until deleted it would share its keys with the new one
            old.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self.retranslate_ui()
        super().changeEvent(event)

    def edit_preferences(self) -> None:
        from .dialogs.preferences_dialog import PreferencesDialog

        # Accepting installs the new translators; the LanguageChange event then retranslates this window.
        PreferencesDialog(self.settings, self).exec()

    def _on_recent_menu_about_to_show(self) -> None:
        self.files.fill_recent_menu(self.recent_menu)

    # -- the document ----------------------------------------------------------------
    def _on_files_document_replaced(self, document: ProjectDocument, old: ProjectDocument | None) -> None:
        """New views over ``document``; the controller closes ``old`` once this returns."""
        self._build_views(document)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.project_changed.connect(self._on_document_project_changed)
        document.read_only_changed.connect(self._on_document_read_only_changed)
        self._on_document_read_only_changed(document.read_only)
        self.workshop.set_document(document)
        self.assistant.show_project(document.project)  # its brief; nothing of another project stays
        if self.presenter is not None:
            self.presenter.set_document(document)
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
        self._update_counts()

    def _on_document_read_only_changed(self, reason: str) -> None:
        """The window's edit actions follow the document: disabled while it refuses edits (a locked live room)."""
        edits = (self.add_action, self.duplicate_action, self.delete_action, self.lanes_action, self.schedule_action)
        edits += (self.library_action, self.merge_action, self.properties_action, self.voting_action)
        edits += (self.interchange.import_csv_action, self.interchange.import_plan_action)
        for action in edits:
            action.setEnabled(not reason)

    def _rebuild_views(self) -> None:
        """New tabs and ranking over the same document, keeping the current tab and the selections."""
        document = self.document
        assert document is not None
        selections = {kind: editor.selected_ids() for kind, editor in self.editors.items()}
        timeline_page = self.timeline_page.views.currentIndex()
        self._build_views(document)
        self.timeline_page.views.setCurrentIndex(timeline_page)
        for kind, ids in selections.items():
            if ids and kind in self.editors:
                self.editors[kind].select_ids(ids)
        self._update_counts()

    def _build_views(self, document: ProjectDocument) -> None:
        """The editor tabs and the ranking for ``document``, replacing any earlier ones."""
        current_tab = self.tabs.currentIndex()
        self.tabs.clear()
        for editor in self.editors.values():
            editor.model.detach()
            editor.deleteLater()
        for page in self._pages:
            page.deleteLater()
        self.editors = {}
        self._pages = []
        for title, kind in self._tab_kinds():
            factory = self._new_item if kind == "item" else None
            editor = EntityEditor(document, kind, self.show_error, new_entity=factory)
            self.editors[kind] = editor
            if kind == "item":
                page = self.timeline_page = TimelinePage(document, editor, self.lanes_action, self.schedule_action)
                page.message.connect(self.show_error)
            elif kind == "risk":
                page = RiskPage(document, editor, self.library_action)
                self.heat_map = page.heat_map
            else:
                page = RequirementPage(document, editor, self.chart_action)
                self.value_effort_chart = page.chart
            # The pages go with the document: else a rebuild would leave the old views and forecast running.
            self._pages.append(page)
            self.tabs.addTab(page, _plain(title))
        self.tabs.setCurrentIndex(max(current_tab, 0))
        self.ranking = RankingView(document)
        self.ranking.requirement_selected.connect(self._on_ranking_requirement_selected)
        self.ranking.error_raised.connect(self.show_error)
        old_ranking = self.prioritisation_dock.widget()
        self.prioritisation_dock.setWidget(self.ranking)
        if old_ranking is not None:
            old_ranking.deleteLater()

    def add_risks_from_library(self) -> None:
        library = self._risk_library()
        if library is None or self.document is None:
            return
        self.heat_map.clear_selection()  # the new risks must not land hidden behind a cell filter
        ids = add_from_library(self.document, library, self)  # type: ignore[arg-type]
        if not ids:
            return
        self.show_tab("risk")
        editor = self.editors["risk"]
        editor.select_id(ids[0])
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for risk_id in ids[1:]:
            index = editor.proxy.mapFromSource(editor.model.index(editor.model.row_of(risk_id), 0))
            editor.table.selectionModel().select(index, flags)
        self.show_info(
            self.tr("Added {count} risk(s) from the library; Edit > Undo takes them back in one step").format(
                count=len(ids)
            )
        )

    def _on_chart_action_toggled(self, checked: bool) -> None:
        chart = getattr(self, "value_effort_chart", None)
        if chart is not None:
            chart.setVisible(checked)
            if checked:
                self.show_tab("requirement")

    def auto_schedule(self) -> None:
        """Place every item by its dependencies, lane capacity and pinned dates: one undo step."""
        from ..domain.scheduling import ScheduleError, ScheduleRangeError, plan_view, schedule, schedule_command

        document = self.document
        if document is None:
            return
        try:
            plan = schedule(plan_view(document.project))  # board items without dates stay there
        except ScheduleRangeError as exc:  # names the item pushed past the supported dates
            QMessageBox.warning(self, self.tr("Auto-schedule"), str(exc))
            return
        except ScheduleError as exc:
            QMessageBox.warning(
                self,
                self.tr("Auto-schedule"),
                self.tr("Cannot schedule: {problem}.\nRemove one of these dependencies.").format(problem=exc),
            )
            return
        command = schedule_command(document.project, plan)
        if command.commands:
            document.execute(command)
        moved = len(command.commands)
        if moved == 1:
            text = self.tr("Auto-schedule moved 1 item")
        else:
            text = self.tr("Auto-schedule moved {count} items").format(count=moved)
        if plan.finish:
            text += self.tr("; finishes {date}").format(date=plan.finish.isoformat())
        if plan.conflicts:
            self.show_error(
                self.tr("{summary}. {count} conflict(s): {first}").format(
                    summary=text, count=len(plan.conflicts), first=plan.conflicts[0].message
                )
            )
        else:
            self.show_info(text + (self.tr(" (Edit > Undo restores the dates)") if moved else ""))

    def _on_ranking_requirement_selected(self, requirement_id: str) -> None:
        self.show_tab("requirement")
        self.editors["requirement"].select_id(requirement_id)

    def _new_item(self) -> TimelineItem:
        editor = self.editors["item"]
        ids = editor.selected_ids()
        project = self.document.project  # type: ignore[union-attr]
        lane_id = project.get("item", ids[-1]).lane_id if ids else (project.lanes[0].id if project.lanes else "")  # type: ignore[attr-defined]
        return TimelineItem(lane_id=lane_id)

    def _current_editor(self) -> EntityEditor:
        kinds = [kind for _title, kind in self._tab_kinds()]
        return self.editors[kinds[max(self.tabs.currentIndex(), 0)]]

    def show_tab(self, kind: str) -> None:
        self.start.show_project()
        kinds = [k for _t, k in self._tab_kinds()]
        self.tabs.setCurrentIndex(kinds.index(kind))

    def _update_counts(self) -> None:
        project = self.document.project  # type: ignore[union-attr]
        self.status_label.setText(
            self.tr("{requirements} requirements · {items} timeline items · {risks} risks").format(
                requirements=len(project.requirements), items=len(project.items), risks=len(project.risks)
            )
        )

    def _on_document_project_changed(self, event) -> None:
        if event.type in ("inserted", "removed"):
            self._update_counts()

    # -- messages ----------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """Validation problems go to the status bar; they must be seen but not block typing."""
        QApplication.beep()
        bar = self.statusBar()
        bar.setStyleSheet("QStatusBar { color: #b00020; }")
        bar.showMessage(message, 10_000)
        # Tied to the bar, so a window closed within the 10 s drops the timer instead of reaching a dead object.
        QTimer.singleShot(10_000, bar, lambda: bar.setStyleSheet(""))

    def show_info(self, message: str) -> None:
        self.statusBar().setStyleSheet("")
        self.statusBar().showMessage(message, 6_000)

    # -- project commands ----------------------------------------------------------------
    def edit_properties(self) -> None:
        document = self.document
        assert document is not None
        dialog = ProjectPropertiesDialog(document.project.info, self)
        if dialog.exec() != ProjectPropertiesDialog.DialogCode.Accepted:
            return
        info = document.project.info
        changed = {k: v for k, v in dialog.values().items() if getattr(info, k) != v}
        if changed:
            try:
                document.execute(set_fields("project", info.id, changed, self.tr("Edit project properties")))
            except ValueError as exc:
                QMessageBox.warning(self, self.tr("Project Properties"), str(exc))

    def edit_lanes(self) -> None:
        assert self.document is not None
        LanesDialog(self.document, self.show_error, self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            f"<b>{APP_NAME}</b> {__version__}<br>"
            + self.tr("An offline product-roadmap planner for AI startups.<br>Your projects stay on this computer."),
        )

    # -- window events -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.assistant.shutdown()
        QThreadPool.globalInstance().waitForDone(5000)  # a forecast still running must not outlive Qt
        # Losing the window size is no reason to refuse to quit.
        with contextlib.suppress(SaveError):
            self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
            self.settings.set("window_state", bytes(self.saveState().toBase64()).decode("ascii"))
            self.settings.set("assistant_visible", self.assistant_dock.isVisible())
            self.settings.set("prioritisation_visible", self.prioritisation_dock.isVisible())
            self.settings.set("value_effort_visible", self.chart_action.isChecked())
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.accepts_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.files.open_dropped(event.mimeData()):
            event.acceptProposedAction()


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, each once: the platform list already holds
    Ctrl+Shift+Z on Linux desktops, and one action holding a key twice makes Qt refuse it as ambiguous."""
    keys: list[QKeySequence] = []
    for key in [
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
    ]:
        if key not in keys:
            keys.append(key)
    return keys


def _plain(text: str) -> str:
    """A menu text without its shortcut marker: "&Timeline", and the "(&T)" that East Asian menus append."""
    return re.sub(r"\(&\w\)|&(?=\w)", "", text)


def default_window_size(available: QSize) -> QSize:
    """The first window: 1400x820, or the screen's free area less a margin on a laptop (1366x768), so
    that the window's edges and the docks' buttons are on screen; a window manager may still maximise."""
    return QSize(min(1400, max(available.width() - 40, 800)), min(820, max(available.height() - 60, 560)))
