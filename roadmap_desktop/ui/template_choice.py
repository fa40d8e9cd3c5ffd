"""What the start page and New from Template share: the content language they offer first, the templates'
list and their loaded previews."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..domain.project import LANGUAGES, Project
from ..persistence.errors import ProjectFileError
from ..persistence.settings import Settings
from ..persistence.template_file import TemplateInfo, load_template
from ..wording import language_code
from .i18n import installed_language

LANGUAGE_KEY = "template_language"
TEMPLATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def default_template_language(settings: Settings) -> str:
    """The content language last chosen for a template; at first the interface's, so a Chinese interface
    offers Chinese."""
    stored = settings.get(LANGUAGE_KEY)
    if stored in LANGUAGES:
        return stored
    interface = language_code(installed_language())
    return interface if interface in LANGUAGES else LANGUAGES[0]


def fill_template_list(template_list: QListWidget, infos: list[TemplateInfo], language: str) -> None:
    """One row per template (its id in TEMPLATE_ID_ROLE), named and described in ``language``; the rows and the
    selection stay when only the language changes."""
    template_list.blockSignals(True)
    if template_list.count() != len(infos):
        template_list.clear()
        for info in infos:
            item = QListWidgetItem()
            item.setData(TEMPLATE_ID_ROLE, info.id)
            template_list.addItem(item)
    for row, info in enumerate(infos):
        item = template_list.item(row)
        item.setText(info.name_in(language))
        item.setToolTip(info.summary_in(language))
    template_list.blockSignals(False)


def select_template(template_list: QListWidget, template_id: str) -> None:
    for row in range(template_list.count()):
        if template_list.item(row).data(TEMPLATE_ID_ROLE) == template_id:
            template_list.setCurrentRow(row)
            return
    raise KeyError(template_id)


class TemplatePreviews:
    """Templates loaded once per (id, language) for their previews; a broken one is its one-line problem."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, str], Project | str] = {}

    def get(self, template_id: str, language: str) -> Project | str:
        key = (template_id, language)
        if key not in self._loaded:
            try:
                self._loaded[key] = load_template(template_id, language)
            except ProjectFileError as exc:
                self._loaded[key] = str(exc)
        return self._loaded[key]
