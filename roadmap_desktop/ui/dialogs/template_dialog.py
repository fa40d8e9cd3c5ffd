"""New from Template: pick a bundled project template and its language, and build the project."""

from __future__ import annotations

import contextlib
import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.phases import phase_label
from ...domain.project import LANGUAGES, Project
from ...persistence.errors import ProjectFileError, SaveError
from ...persistence.settings import Settings
from ...persistence.template_file import TemplateInfo, list_templates, load_template
from ...wording import language_name, wording
from ..template_choice import (
    LANGUAGE_KEY,
    TEMPLATE_ID_ROLE,
    TemplatePreviews,
    default_template_language,
    fill_template_list,
    select_template,
)


class TemplateDialog(QDialog):
    """A list of templates (blank first), a preview of the selected one, and the content language."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from Template"))
        self._settings = settings
        self._previews = TemplatePreviews()
        self._infos: list[TemplateInfo] = list_templates()

        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(LANGUAGES.index(default_template_language(settings)))
        language_label = QLabel(self.tr("Content &language:"))
        language_label.setBuddy(self.language_combo)

        self.template_list = QListWidget()
        self.template_list.setMinimumWidth(220)
        self.description = QTextBrowser()
        self.description.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.template_list)
        splitter.addWidget(self.description)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create Project"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        fill_template_list(self.template_list, self._infos, self.language())
        self.template_list.setCurrentRow(0)
        self.template_list.currentRowChanged.connect(self._on_template_list_current_row_changed)
        self.template_list.itemDoubleClicked.connect(self._on_template_list_item_double_clicked)
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_current_index_changed)
        self._show_description()
        self.resize(780, 500)

    # -- public ---------------------------------------------------------------------------

    def language(self) -> str:
        return self.language_combo.currentData()

    def template_id(self) -> str | None:
        item = self.template_list.currentItem()
        return item.data(TEMPLATE_ID_ROLE) if item is not None else None

    def select(self, template_id: str) -> None:
        select_template(self.template_list, template_id)

    def set_language(self, language: str) -> None:
        self.language_combo.setCurrentIndex(LANGUAGES.index(language))

    def template_ids(self) -> list[str]:
        return [info.id for info in self._infos]

    def chosen(self) -> tuple[str, str] | None:
        """(template id, language) once the dialog was accepted; None otherwise."""
        template_id = self.template_id()
        if self.result() != QDialog.DialogCode.Accepted or template_id is None:
            return None
        return template_id, self.language()

    def accept(self) -> None:
        with contextlib.suppress(SaveError):  # settings are a convenience; never block the user
            self._settings.set(LANGUAGE_KEY, self.language())
        super().accept()

    # -- slots ----------------------------------------------------------------------------

    def _on_template_list_current_row_changed(self, _row: int) -> None:
        self._show_description()

    def _on_template_list_item_double_clicked(self, _item: QListWidgetItem) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()

    def _on_language_combo_current_index_changed(self, _index: int) -> None:
        fill_template_list(self.template_list, self._infos, self.language())
        self._show_description()

    # -- helpers --------------------------------------------------------------------------

    def _show_description(self) -> None:
        template_id = self.template_id()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if template_id is None:
            self.description.clear()
            ok.setEnabled(False)
            return
        language = self.language()
        info = self._infos[self.template_list.currentRow()]
        parts = [f"<h3>{html.escape(info.name_in(language))}</h3>", f"<p>{html.escape(info.summary_in(language))}</p>"]
        preview = self._previews.get(template_id, language)
        ok.setEnabled(not isinstance(preview, str))
        if isinstance(preview, str):
            parts.append(f"<p style='color:#b00020'>{html.escape(preview)}</p>")
        elif not preview.items:
            parts.append(f"<p>{html.escape(wording(language)['template.preview.blank'])}</p>")
        else:
            parts.append(_project_html(preview, language))
        self.description.setHtml("".join(parts))


def _project_html(project: Project, language: str) -> str:
    """The preview of a template's project, in the template's language like the project itself."""
    w = wording(language)
    esc = html.escape
    vision = esc(project.info.description).replace("\n", "<br>")
    requirements = "".join(
        f"<li>{esc(req.title)}<span style='color:#666'>{esc(w['paren'].format(w.choice(req.moscow)))}</span></li>"
        for req in project.requirements
    )
    phases = sorted({item.phase for item in project.items})
    starts = [item.start for item in project.items if item.start]
    ends = [item.end for item in project.items if item.end]
    weeks = round(((max(ends) - min(starts)).days + 1) / 7) if starts and ends else 0
    timeline = w(
        "template.preview.items",
        items=len(project.items),
        phases=len(phases),
        milestones=sum(item.milestone for item in project.items),
        weeks=weeks,
    )
    phase_list = esc(w.join(phase_label(code, language) for code in phases))
    risks = "".join(f"<li>{esc(risk.title)}</li>" for risk in project.risks)
    return (
        f"<p>{vision}</p>"
        f"<h4>{esc(w['template.preview.requirements'])}</h4><ul>{requirements}</ul>"
        f"<h4>{esc(w['template.preview.timeline'])}</h4><p>{esc(timeline)}<br>"
        f"<span style='color:#666'>{phase_list}</span></p>"
        f"<h4>{esc(w['template.preview.risks'])}</h4><ul>{risks}</ul>"
    )


def new_project_from_template(parent: QWidget | None, settings: Settings) -> Project | None:
    """Ask for a template and language; the new project, or None when cancelled or the template is broken."""
    dialog = TemplateDialog(settings, parent)
    try:
        dialog.exec()
        chosen = dialog.chosen()
    finally:
        dialog.deleteLater()
    if chosen is None:
        return None
    try:
        return load_template(*chosen)
    except ProjectFileError as exc:
        translate = QCoreApplication.translate
        QMessageBox.warning(
            parent,
            translate("TemplateDialog", "New from Template"),
            translate("TemplateDialog", "Cannot create the project from this template.\n{problem}").format(problem=exc),
        )
        return None
