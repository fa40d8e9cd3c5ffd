"""Every dialog the main window opens that holds value widgets or shortcuts, for checks that walk them all."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from roadmap_desktop.persistence.project_file import save_project
from roadmap_desktop.persistence.template_file import load_template

CSV = "Summary,Status,Priority,Story Points\nLogin,Open,High,3\nSearch,Done,Low,5\n"


def open_dialogs(window, tmp_path) -> list[QWidget]:
    """Each dialog over the window's project (not shown); the caller closes them."""
    from roadmap_desktop.ui.dialogs.calculators import CalculatorsDialog
    from roadmap_desktop.ui.dialogs.csv_import_dialog import CsvImportDialog
    from roadmap_desktop.ui.dialogs.lanes_dialog import LanesDialog
    from roadmap_desktop.ui.dialogs.merge_dialog import MergeDialog
    from roadmap_desktop.ui.dialogs.pdf_export_dialog import PdfExportDialog
    from roadmap_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
    from roadmap_desktop.ui.dialogs.project_properties import ProjectPropertiesDialog
    from roadmap_desktop.ui.dialogs.risk_library_dialog import RiskLibraryDialog
    from roadmap_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog
    from roadmap_desktop.ui.dialogs.template_dialog import TemplateDialog
    from roadmap_desktop.ui.dialogs.user_guide import UserGuideDialog
    from roadmap_desktop.ui.dialogs.voting_dialog import VotingDialog

    document = window.document
    csv = tmp_path / "import.csv"
    csv.write_text(CSV, encoding="utf-8")
    other = tmp_path / "other.roadmap"
    save_project(load_template("education", "zh"), other)
    return [
        CalculatorsDialog(document, window),
        CsvImportDialog(document, csv, window),
        LanesDialog(document, window.show_error, window),
        MergeDialog(document, other, window),
        PdfExportDialog(document.project, window.settings, window),
        PreferencesDialog(window.settings, window),
        ProjectPropertiesDialog(document.project.info, window),
        RiskLibraryDialog(document, window._risk_library(), window),
        ShortcutsDialog(window),
        TemplateDialog(window.settings, window),
        UserGuideDialog(window),
        VotingDialog(document, window),
    ]
