"""Help > User Guide: the README and docs/*.md shipped with the app, shown offline as Markdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...persistence.paths import user_guide_files

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def document_title(file: Path) -> str:
    """The file's first heading, else its name."""
    try:
        for line in file.read_text("utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    except (OSError, UnicodeDecodeError):
        pass
    return file.stem


class UserGuideDialog(QDialog):
    """The documents on the left, the chosen one on the right; links between them stay in the dialog."""

    def __init__(self, parent: QWidget | None = None, files: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.files = user_guide_files() if files is None else files
        self.contents = QListWidget()
        for file in self.files:
            item = QListWidgetItem(document_title(file))
            item.setData(PATH_ROLE, str(file))
            item.setToolTip(file.name)
            self.contents.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # anchorClicked decides: another guide page, a heading, or the browser
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 660])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.contents.currentRowChanged.connect(self._on_contents_current_row_changed)
        if self.files:
            self.contents.setCurrentRow(0)
        else:
            self.browser.setPlainText(self.tr("The user guide files are missing from this installation."))
        self.resize(980, 680)

    def current_file(self) -> Path | None:
        row = self.contents.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    def show_file(self, file: Path, fragment: str = "") -> bool:
        """Show ``file`` (one of the guide's) at the heading ``fragment``; False when it is not in the guide."""
        for row, known in enumerate(self.files):
            if known.resolve() == file.resolve():
                self.contents.setCurrentRow(row)
                if fragment:
                    self.browser.scrollToAnchor(fragment)
                return True
        return False

    def _on_contents_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.files):
            return
        file = self.files[row]
        try:
            text = file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.browser.setPlainText(self.tr("Cannot read {file}: {problem}").format(file=file, problem=exc))
            return
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(file)))
        self.browser.setMarkdown(text)

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        current = self.current_file()
        if url.isRelative() and current is not None:
            url = QUrl.fromLocalFile(str(current)).resolved(url)
        if url.isLocalFile() and self.show_file(Path(url.toLocalFile()), url.fragment()):
            return
        if url.isLocalFile() and Path(url.toLocalFile()).exists():
            QDesktopServices.openUrl(url)  # a file of the repository the guide names (a script, a folder)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
