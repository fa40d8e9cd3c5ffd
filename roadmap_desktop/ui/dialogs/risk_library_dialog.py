"""Add from Library: search the bundled AI-startup risk library and add the checked risks in one undo step."""

from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.commands import Command, InsertEntity, Macro
from ...domain.phases import phase_label
from ...domain.risk_library import LANGUAGES, LibraryRisk, RiskLibrary
from ...qtmodels.document import ProjectDocument
from ...render.heat_map import describe_cell
from ...wording import wording

RISK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_CATEGORIES = ""


def normalise_title(title: str) -> str:
    """Casefolded letters and digits only: how "already added" compares titles."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def search_text(library: RiskLibrary, risk: LibraryRisk) -> str:
    """Everything a search looks in: id, title, description, category and mitigations, both languages."""
    parts = [risk.id, *risk.phases]
    for language in LANGUAGES:
        parts += [risk.title.get(language, ""), risk.description.get(language, "")]
        parts.append(library.categories[risk.category].get(language, ""))
        parts += [library.mitigations[m].get(language, "") for m in risk.mitigations]
    return unicodedata.normalize("NFKC", "\n".join(parts)).casefold()


def matches(haystack: str, query: str) -> bool:
    """Every whitespace-separated term of ``query`` occurs in ``haystack`` (already casefolded)."""
    terms = unicodedata.normalize("NFKC", query).casefold().split()
    return all(term in haystack for term in terms)


class RiskLibraryDialog(QDialog):
    """Pick library risks (search, category, preview) and add the checked ones as one Macro.

    After ``exec()`` returns Accepted, ``inserted_ids`` holds the new risks' ids in library order."""

    def __init__(self, document: ProjectDocument, library: RiskLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("riskLibraryDialog")
        self.setWindowTitle(self.tr("Add Risks from Library"))
        self.document = document
        self.library = library
        self.words = wording(document.project.info.language)
        self.language = self.words.code  # the library's texts and the risks it adds follow the project
        self.inserted_ids: list[str] = []
        self._haystacks = {risk.id: search_text(library, risk) for risk in library.risks}
        self._items: dict[str, QListWidgetItem] = {}

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("riskLibrarySearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search titles, descriptions, categories, mitigations (English or 中文)…")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._apply_filter)

        self.category_combo = QComboBox()
        self.category_combo.setObjectName("riskLibraryCategory")
        self.category_combo.addItem(self.words["risk_library.all_categories"], ALL_CATEGORIES)
        for code in library.categories:
            self.category_combo.addItem(library.category_label(code, self.language), code)
        self.category_combo.currentIndexChanged.connect(self._apply_filter)

        self.list = QListWidget()
        self.list.setObjectName("riskLibraryList")
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self._toggle)

        self.preview = QTextBrowser()
        self.preview.setObjectName("riskLibraryPreview")
        self.preview.setOpenLinks(False)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(mid);")
        self.check_shown_button = QPushButton(self.tr("Check All Shown"))
        self.check_shown_button.clicked.connect(lambda: self._check_shown(True))
        self.uncheck_button = QPushButton(self.tr("Uncheck All"))
        self.uncheck_button.clicked.connect(self._uncheck_all)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("Add Selected"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("riskLibraryAdd")
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.add_selected)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 3)
        top.addWidget(self.category_combo, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.check_shown_button)
        row.addWidget(self.uncheck_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        left_layout.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._fill()
        self._apply_filter()
        self.resize(900, 560)
        self.search_edit.setFocus()

    # -- the list ------------------------------------------------------------------------
    def _existing_titles(self) -> set[str]:
        return {normalise_title(risk.title) for risk in self.document.project.risks}

    def is_in_project(self, risk: LibraryRisk) -> bool:
        existing = self._existing_titles()
        return any(normalise_title(title) in existing for title in risk.title.values())

    def _fill(self) -> None:
        existing = self._existing_titles()
        self.list.blockSignals(True)
        for risk in self.library.risks:
            item = QListWidgetItem()
            item.setData(RISK_ID_ROLE, risk.id)
            title = risk.title_in(self.language)
            if any(normalise_title(t) in existing for t in risk.title.values()):
                item.setText(f"{title}  — {self.words['risk_library.added']}")
                item.setForeground(self.palette().placeholderText())
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(self.words["risk_library.added_tip"])
            else:
                item.setText(title)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
                other = risk.title_in(next(code for code in LANGUAGES if code != self.language))
                item.setToolTip(f"{risk.id} · {other}")
            self.list.addItem(item)
            self._items[risk.id] = item
        self.list.blockSignals(False)

    def shown_ids(self) -> list[str]:
        return [rid for rid, item in self._items.items() if not item.isHidden()]

    def checked_ids(self) -> list[str]:
        """Checked risks in library order, hidden ones included: a filter does not uncheck."""
        return [rid for rid, item in self._items.items() if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, risk_id: str, checked: bool = True) -> None:
        item = self._items[risk_id]
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _toggle(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _check_shown(self, checked: bool) -> None:
        for risk_id in self.shown_ids():
            self.set_checked(risk_id, checked)

    def _uncheck_all(self) -> None:
        for risk_id in self._items:
            self.set_checked(risk_id, False)

    def _apply_filter(self, *_args) -> None:
        query = self.search_edit.text()
        category = self.category_combo.currentData()
        for risk in self.library.risks:
            visible = matches(self._haystacks[risk.id], query) and category in (ALL_CATEGORIES, risk.category)
            self._items[risk.id].setHidden(not visible)
        shown = self.shown_ids()
        current = self.list.currentItem()
        if shown and (current is None or current.isHidden()):
            self.list.setCurrentItem(self._items[shown[0]])
        elif not shown:
            self.list.setCurrentItem(None)
            self._show_preview(None)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        checked = len(self.checked_ids())
        shown, total = len(self.shown_ids()), len(self._items)
        if shown != total:
            shown_text = self.tr("{shown} of {total} shown").format(shown=shown, total=total)
        else:
            shown_text = self.tr("{total} risks").format(total=total)
        self.count_label.setText(self.tr("{shown} · {checked} checked").format(shown=shown_text, checked=checked))
        self.add_button.setEnabled(checked > 0)
        self.add_button.setText(
            self.tr("Add {count} Selected").format(count=checked) if checked > 1 else self.tr("Add Selected")
        )

    # -- preview -------------------------------------------------------------------------
    def _on_list_current_item_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self._show_preview(current.data(RISK_ID_ROLE) if current is not None else None)

    def _show_preview(self, risk_id: str | None) -> None:
        if risk_id is None:
            self.preview.setHtml(
                "<p>" + self.tr("No library risk matches. Clear the search or pick another category.") + "</p>"
            )
            return
        self.preview.setHtml(self.preview_html(self.library.by_id(risk_id)))

    def preview_html(self, risk: LibraryRisk) -> str:
        language, w, esc = self.language, self.words, html.escape

        def label(key: str) -> str:
            return f"<b>{esc(w[key] + w['colon'].rstrip())}</b>"

        scores = describe_cell(w, risk.default_likelihood, risk.default_impact)
        parts = [f"<h3>{esc(risk.title_in(language))}</h3>"]
        parts.append(
            f"<p>{label('risk_library.category')} {esc(self.library.category_label(risk.category, language))}"
            f" &nbsp;·&nbsp; <span style='color: gray'>{esc(risk.id)}</span></p>"
        )
        if self.is_in_project(risk):
            parts.append(f"<p><i>{esc(w['risk_library.already'])}</i></p>")
        parts.append(f"<p>{label('risk_library.description')}<br>{esc(risk.description_in(language))}</p>")
        parts.append(f"<p>{label('risk_library.scores')} {esc(scores)}</p>")
        if risk.mitigations:
            bullets = "".join(f"<li>{esc(self.library.mitigation_label(m, language))}</li>" for m in risk.mitigations)
            parts.append(f"<p>{label('risk_library.mitigations')}</p><ul>{bullets}</ul>")
        phases = "".join(f"<li>{esc(phase_label(code, language))}</li>" for code in risk.phases)
        parts.append(f"<p>{label('risk_library.phases')}</p><ul>{phases}</ul>")
        return "".join(parts)

    # -- adding ----------------------------------------------------------------------------
    def add_command(self, risk_ids: list[str]) -> tuple[Macro, list[str]]:
        """One Macro inserting the given library risks (in the project language) at the end."""
        commands: list[Command] = []
        ids: list[str] = []
        for risk_id in risk_ids:
            risk = self.library.to_risk(self.library.by_id(risk_id), self.language)
            commands.append(InsertEntity("risk", risk, None, "Add risk from library"))
            ids.append(risk.id)
        label = "Add risk from library" if len(ids) == 1 else f"Add {len(ids)} risks from library"
        return Macro(label, commands), ids

    def add_selected(self) -> list[str]:
        """Insert every checked risk as one undo step, close the dialog and return the new ids."""
        risk_ids = self.checked_ids()
        if not risk_ids:
            return []
        command, ids = self.add_command(risk_ids)
        self.document.execute(command)
        self.inserted_ids = ids
        self.accept()
        return ids


def add_from_library(document: ProjectDocument, library: RiskLibrary, parent: QWidget | None = None) -> list[str]:
    """Show the dialog modally; the ids of the risks it added (empty if cancelled)."""
    dialog = RiskLibraryDialog(document, library, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return list(dialog.inserted_ids)
        return []
    finally:
        dialog.deleteLater()
