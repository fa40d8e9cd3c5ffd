"""The start page: new from a template (with a preview), open a file, the recent files and the sample project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.project import LANGUAGES, Project
from ..persistence.settings import Settings
from ..persistence.template_file import TemplateInfo, list_templates
from ..wording import language_name
from .template_choice import (
    TEMPLATE_ID_ROLE,
    TemplatePreviews,
    default_template_language,
    fill_template_list,
    select_template,
)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
THUMBNAIL_WIDTH = 640  # logical pixels the preview's timeline is painted at, then fitted to the space there is


class StartPage(QWidget):
    """What a first start shows instead of an empty project; every choice goes out as a signal and the
    window does the rest (asking about unsaved changes first)."""

    template_chosen = Signal(str, str)  # template id, content language
    sample_requested = Signal(str)  # content language
    open_requested = Signal()
    recent_chosen = Signal(str)  # path
    close_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self._settings = settings
        self._infos: list[TemplateInfo] = list_templates()
        self._previews = TemplatePreviews()
        self._thumbnails: dict[tuple[str, str], QPixmap] = {}

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(LANGUAGES.index(default_template_language(settings)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)

        self.template_list = QListWidget()
        self.template_list.setMinimumWidth(200)
        self.template_list.setMaximumWidth(280)
        self.preview_name = QLabel()
        name_font = self.preview_name.font()
        name_font.setBold(True)
        self.preview_name.setFont(name_font)
        self.preview_summary = QLabel()
        self.preview_summary.setWordWrap(True)
        self.preview_counts = QLabel()
        self.preview_counts.setWordWrap(True)
        self.thumbnail = Picture()
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create_button_clicked)

        preview = QVBoxLayout()
        preview.addWidget(self.preview_name)
        preview.addWidget(self.preview_summary)
        preview.addWidget(self.preview_counts)
        preview.addWidget(self.thumbnail, 1)
        preview.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language_combo)
        language_row.addStretch(1)
        templates = QGridLayout()
        templates.addLayout(language_row, 0, 0, 1, 2)
        templates.addWidget(self.template_list, 1, 0)
        templates.addLayout(preview, 1, 1)
        templates.setColumnStretch(1, 1)
        self.templates_box = QGroupBox()
        self.templates_box.setLayout(templates)

        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button = QPushButton()
        self.sample_button.clicked.connect(lambda: self.sample_requested.emit(self.language()))
        self.recent_label = QLabel()
        self.recent_list = QListWidget()
        self.recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_requested)
        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addWidget(self.sample_button)
        side.addSpacing(8)
        side.addWidget(self.recent_label)
        side.addWidget(self.recent_list, 1)
        side.addWidget(self.close_button)
        self.open_box = QGroupBox()
        self.open_box.setLayout(side)
        self.open_box.setMinimumWidth(240)

        columns = QHBoxLayout()
        columns.addWidget(self.templates_box, 3)
        columns.addWidget(self.open_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(columns, 1)

        fill_template_list(self.template_list, self._infos, self.language())
        self.template_list.setCurrentRow(min(1, self.template_list.count() - 1))  # the first real template
        self.template_list.currentRowChanged.connect(self._show_preview)
        self.template_list.itemActivated.connect(self._on_create_button_clicked)
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_current_index_changed)
        self.setTabOrder(self.language_combo, self.template_list)
        self.setTabOrder(self.template_list, self.create_button)
        self.setTabOrder(self.create_button, self.open_button)
        self.setTabOrder(self.open_button, self.sample_button)
        self.setTabOrder(self.sample_button, self.recent_list)
        self.setTabOrder(self.recent_list, self.close_button)
        self._retranslate()
        self.refresh_recent()

    # -- public --------------------------------------------------------------------------------

    def language(self) -> str:
        return self.language_combo.currentData()

    def set_language(self, language: str) -> None:
        self.language_combo.setCurrentIndex(LANGUAGES.index(language))

    def template_id(self) -> str | None:
        item = self.template_list.currentItem()
        return item.data(TEMPLATE_ID_ROLE) if item is not None else None

    def select_template(self, template_id: str) -> None:
        select_template(self.template_list, template_id)

    def refresh_recent(self) -> None:
        """The recent files that still exist, most recent first (the window calls it each time it shows the page)."""
        self.recent_list.clear()
        recent = [path for path in self._settings.recent_files() if Path(path).is_file()]
        for path in recent:
            item = QListWidgetItem(Path(path).name)
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            item.setStatusTip(path)
            self.recent_list.addItem(item)
        if not recent:
            empty = QListWidgetItem(self.tr("No recent projects"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(empty)
        else:
            self.recent_list.setCurrentRow(0)

    def recent_paths(self) -> list[str]:
        items = (self.recent_list.item(row) for row in range(self.recent_list.count()))
        return [item.data(PATH_ROLE) for item in items if item.data(PATH_ROLE)]

    def focus_first(self) -> None:
        self.template_list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- events and slots ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_create_button_clicked(self, *_args) -> None:
        template_id = self.template_id()
        if template_id is None or isinstance(self._previews.get(template_id, self.language()), str):
            return
        self.template_chosen.emit(template_id, self.language())

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.recent_chosen.emit(path)

    def _on_language_combo_current_index_changed(self, _index: int) -> None:
        fill_template_list(self.template_list, self._infos, self.language())
        self._show_preview()

    # -- contents ------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Start a roadmap"))
        self.intro.setText(
            self.tr(
                "Pick a template to begin with a filled-in plan you can change, open a project, "
                "or look around in the sample. Everything stays on this computer."
            )
        )
        self.templates_box.setTitle(self.tr("New from a template"))
        self.language_label.setText(self.tr("Content &language:"))
        self.create_button.setText(self.tr("&Create Project"))
        self.open_box.setTitle(self.tr("Open"))
        self.open_button.setText(self.tr("&Open…"))
        self.sample_button.setText(self.tr("Open the &Sample Project"))
        self.sample_button.setToolTip(
            self.tr("A customer-service roadmap five weeks into its plan, in the content language")
        )
        self.recent_label.setText(self.tr("&Recent projects:"))
        self.close_button.setText(self.tr("Back to the Current Project"))
        self.close_button.setToolTip(self.tr("Close the start page (Esc)"))
        self.refresh_recent()
        self._show_preview()

    def _show_preview(self, *_args) -> None:
        template_id = self.template_id()
        if template_id is None:
            return
        language = self.language()
        info = next(info for info in self._infos if info.id == template_id)
        self.preview_name.setText(info.name_in(language))
        self.preview_summary.setText(info.summary_in(language))
        preview = self._previews.get(template_id, language)
        self.create_button.setEnabled(not isinstance(preview, str))
        if isinstance(preview, str):
            self.preview_counts.setText(preview)
            self.thumbnail.set_pixmap(QPixmap())
            return
        self.preview_counts.setText(
            self.tr(
                "{requirements} requirements with estimated scores · {items} timeline items · {risks} risks"
            ).format(requirements=len(preview.requirements), items=len(preview.items), risks=len(preview.risks))
            if preview.requirements
            else self.tr("Only the phase lanes P0–P7: start from scratch.")
        )
        # The picture a moment later, once the page is on screen: painting it loads the PNG export (and numpy),
        # which start-up should not wait for.
        if (template_id, language) in self._thumbnails:
            self.thumbnail.set_pixmap(self._thumbnails[(template_id, language)])
        else:
            self.thumbnail.set_pixmap(QPixmap())
            QTimer.singleShot(0, self, self._show_thumbnail)

    def _show_thumbnail(self) -> None:
        """The selected template's picture (the selection may have changed since it was asked for)."""
        template_id, language = self.template_id(), self.language()
        preview = self._previews.get(template_id, language) if template_id is not None else None
        if isinstance(preview, Project):
            self.thumbnail.set_pixmap(self._thumbnail(template_id, language, preview))

    def _thumbnail(self, template_id: str, language: str, project: Project) -> QPixmap:
        """The template's timeline, painted by the PNG export's code (the timeline view's painter)."""
        key = (template_id, language)
        if key not in self._thumbnails:
            pixmap = QPixmap()
            if project.items:
                from ..export.pdf.options import resolve_options
                from ..export.png import render_png

                ratio = 2.0  # sharp on a high-density screen, and when scaled down on any other
                data, _warnings = render_png(project, resolve_options(None), round(THUMBNAIL_WIDTH * ratio), ratio)
                pixmap.loadFromData(data, "PNG")
                pixmap.setDevicePixelRatio(ratio)
            self._thumbnails[key] = pixmap
        return self._thumbnails[key]

    def sizeHint(self) -> QSize:
        return QSize(900, 560)


class Picture(QWidget):
    """A picture scaled down to fit the space it is given (never up), its aspect kept, at the top left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._fitted = QPixmap()  # the picture at the size last painted: smooth scaling once, not per paint
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(120)

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._fitted = QPixmap()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._pixmap.isNull():
            return
        ratio = self._pixmap.devicePixelRatio()
        natural = QSizeF(self._pixmap.width() / ratio, self._pixmap.height() / ratio)
        scale = min(1.0, self.width() / natural.width(), self.height() / natural.height())
        screen = self.devicePixelRatioF()
        target = QSize(round(natural.width() * scale * screen), round(natural.height() * scale * screen))
        if self._fitted.size() != target:
            self._fitted = self._pixmap.scaled(target, mode=Qt.TransformationMode.SmoothTransformation)
            self._fitted.setDevicePixelRatio(screen)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._fitted)
        painter.end()
