"""The Now / Next / Later board: item cards in horizon columns; dragging a card sets its horizon."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.now_next_later import NEXT_DAYS, NOW_DAYS, board_columns, is_placed_by_date
from ...domain.project import ProjectEvent
from ...domain.timeline import TimelineItem
from ...qtmodels.document import ProjectDocument
from ...render.ink import INK
from ...render.timeline_layout import INK_SOFT, SELECT, STATUS_COLORS, lane_color
from ..i18n import interface_wording
from . import edits

MIME_TYPE = "application/x-roadmap-item-ids"
COLUMN_MIN_WIDTH = 190  # a card shows a few words of its title, its lane and its dates
ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = (  # titles translated when shown
    ("now", QT_TRANSLATE_NOOP("NowNextLaterBoard", "Now")),
    ("next", QT_TRANSLATE_NOOP("NowNextLaterBoard", "Next")),
    ("later", QT_TRANSLATE_NOOP("NowNextLaterBoard", "Later")),
    ("", QT_TRANSLATE_NOOP("NowNextLaterBoard", "Unsorted")),
)
ACCENTS = {"now": "#2F8C7E", "next": "#3F6FB5", "later": "#7A63AE", "": "#8D99A6"}
CARD_HEIGHT = 70
COLUMN_BG = "#EEF2F6"


class _CardDelegate(QStyledItemDelegate):
    def __init__(self, board: NowNextLaterBoard, view: QListWidget) -> None:
        super().__init__(view)
        self._board = board

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() - 2 * view.spacing() if isinstance(view, QListWidget) else 200
        return QSize(max(width, 120), CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        project = self._board.document.project
        item = project.find("item", index.data(ID_ROLE))
        if not isinstance(item, TimelineItem):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        card = QRectF(option.rect).adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(SELECT, 2) if selected else QPen(QColor("#D5DCE3"), 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(card, 6, 6)
        lane_index = next((i for i, lane in enumerate(project.lanes) if lane.id == item.lane_id), -1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(lane_color(lane_index))
        painter.drawRoundedRect(QRectF(card.left() + 1, card.top() + 1, 5, card.height() - 2), 2, 2)

        base = QFont(option.font)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        text_left = card.left() + 14
        width = card.width() - 24
        fm_bold = QFontMetricsF(bold)
        fm = QFontMetricsF(base)
        line = fm.height()
        painter.setFont(bold)
        painter.setPen(INK)
        title = item.title + ("  ◆" if item.milestone else "")
        painter.drawText(
            QRectF(text_left, card.top() + 7, width, line + 2),
            Qt.AlignmentFlag.AlignVCenter,
            fm_bold.elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(base)
        painter.setPen(INK_SOFT)
        details = " · ".join(part for part in (project.lane_name(item.lane_id), item.owner) if part)
        painter.drawText(
            QRectF(text_left, card.top() + 9 + line, width, line + 2),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(
                details or QCoreApplication.translate("NowNextLaterBoard", "No lane"),
                Qt.TextElideMode.ElideRight,
                width,
            ),
        )
        # Status dot and label, and the dates when scheduled.
        y3 = card.top() + 11 + 2 * line
        status = interface_wording().choice(item.status)  # chrome: the interface's words
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLORS.get(item.status, "#8D99A6")))
        painter.drawEllipse(QRectF(text_left, y3 + line / 2 - 4, 8, 8))
        painter.setPen(INK_SOFT)
        when = (
            QCoreApplication.translate("NowNextLaterBoard", "not scheduled")
            if item.start is None
            else item.start.isoformat()  # as the tables write it: short, the same in every language
        )
        # A narrow column (a laptop screen) drew the date over the status: the date keeps its width
        # where it can, the status gets the rest, and both are elided.
        when_w = min(fm.horizontalAdvance(when), max(width - 13 - 40, width / 2))
        when = fm.elidedText(when, Qt.TextElideMode.ElideRight, when_w + 1)
        status_w = max(width - 13 - when_w - 8, 0)
        painter.drawText(
            QRectF(text_left + 13, y3, status_w, line + 2),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(status, Qt.TextElideMode.ElideRight, status_w),
        )
        painter.drawText(
            QRectF(text_left + width - when_w - 1, y3, when_w + 1, line + 2),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            when,
        )
        painter.restore()


class _CardList(QListWidget):
    """One column; drops call the board, which executes the horizon change as one command."""

    def __init__(self, board: NowNextLaterBoard, horizon: str) -> None:
        super().__init__()
        self.board = board
        self.horizon = horizon
        self.setObjectName(f"boardColumn_{horizon or 'unsorted'}")
        self.setItemDelegate(_CardDelegate(board, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSpacing(3)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.viewport().setAutoFillBackground(False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(COLUMN_BG))
        self.setPalette(palette)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        data.setData(MIME_TYPE, "\n".join(i.data(ID_ROLE) for i in items).encode("utf-8"))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        ids = bytes(event.mimeData().data(MIME_TYPE).data()).decode("utf-8").split("\n")
        # Copy, not move: the lists are rebuilt from the project, so Qt must not remove rows itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.board.move_items([i for i in ids if i], self.horizon)


class NowNextLaterBoard(QWidget):
    """Now, Next, Later and Unsorted columns of item cards, by the rule the PDF uses
    (domain.now_next_later): the column the user chose, else the start date."""

    selection_changed = Signal(list)
    item_activated = Signal(str)
    message = Signal(str)

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._today = today  # fixed in tests; else the day the board is drawn
        self.columns: dict[str, _CardList] = {}
        self._headers: dict[str, QLabel] = {}
        self._syncing = False

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Dated items sit by their start date (Now: within {now} days, Next: within {next}) until you "
                "drag them; double-click opens an item."
            ).format(now=NOW_DAYS, next=NEXT_DAYS)
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #52606D;")
        top.addWidget(hint, 1)

        row = QHBoxLayout()
        row.setSpacing(10)
        for horizon, title in COLUMNS:
            frame = QFrame()
            frame.setObjectName("boardColumnFrame")
            frame.setStyleSheet(f"#boardColumnFrame {{ background: {COLUMN_BG}; border-radius: 8px; }}")
            column = QVBoxLayout(frame)
            column.setContentsMargins(8, 8, 8, 8)
            header = QLabel(self.tr(title))
            header.setStyleSheet(
                f"font-weight: 600; font-size: 11pt; color: #1F2933; padding: 2px 4px 6px 4px;"
                f" border-bottom: 3px solid {ACCENTS[horizon]};"
            )
            column.addWidget(header)
            cards = _CardList(self, horizon)
            cards.itemSelectionChanged.connect(lambda h=horizon: self._on_column_selection_changed(h))
            cards.itemDoubleClicked.connect(lambda it: self.item_activated.emit(it.data(ID_ROLE)))
            column.addWidget(cards, 1)
            frame.setMinimumWidth(COLUMN_MIN_WIDTH)
            row.addWidget(frame, 1)
            self.columns[horizon] = cards
            self._headers[horizon] = header

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        # Narrower than four readable columns (a laptop, the forecast beside): the board scrolls sideways
        # rather than cutting every card title to "Collect to…".
        host = QWidget()
        host.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.columns_area = QScrollArea()
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.NoFrame)
        self.columns_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the lists scroll
        self.columns_area.setWidget(host)
        layout.addWidget(self.columns_area, 1)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)
        self._rebuild_timer.timeout.connect(self.rebuild)
        document.project_changed.connect(self._on_document_project_changed)
        self.rebuild()

    # -- content --------------------------------------------------------------------------
    def rebuild(self) -> None:
        selected = set(self.selected_ids())
        self._syncing = True
        placed = board_columns(self.document.project.items, self.today())
        by_date = self.tr("Placed by its start date; drag it to choose its column")
        for horizon, cards in self.columns.items():
            cards.clear()
            shown = placed[horizon]
            for item in shown:
                entry = QListWidgetItem()
                entry.setData(ID_ROLE, item.id)
                entry.setToolTip(f"{item.title}\n{by_date}" if is_placed_by_date(item) else item.title)
                cards.addItem(entry)
                entry.setSelected(item.id in selected)
            title = self.tr(dict(COLUMNS)[horizon])
            self._headers[horizon].setText(f"{title}  <span style='color:#7B8794'>{len(shown)}</span>")
        self._syncing = False

    def card_ids(self, horizon: str) -> list[str]:
        cards = self.columns[horizon]
        return [cards.item(r).data(ID_ROLE) for r in range(cards.count())]

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _on_document_project_changed(self, event: ProjectEvent) -> None:
        if event.kind in ("item", "lane", "project"):
            self._rebuild_timer.start()

    # -- edits ----------------------------------------------------------------------------
    def move_items(self, ids: list[str], horizon: str) -> None:
        """What a drop does: set the items' horizon as one undo step."""
        project = self.document.project
        ids = [i for i in ids if project.find("item", i) is not None]
        command = edits.set_horizon(project, ids, horizon)
        if command is None:
            return
        self.document.execute(command)
        self.message.emit(command.label)
        self.rebuild()
        self.set_selection(ids)

    # -- selection ------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return [entry.data(ID_ROLE) for cards in self.columns.values() for entry in cards.selectedItems()]

    def set_selection(self, ids: list[str]) -> None:
        wanted = set(ids)
        self._syncing = True
        for cards in self.columns.values():
            for r in range(cards.count()):
                entry = cards.item(r)
                entry.setSelected(entry.data(ID_ROLE) in wanted)
        self._syncing = False

    def _on_column_selection_changed(self, horizon: str) -> None:
        if self._syncing:
            return
        # One selection across the board: picking in one column clears the others.
        if self.columns[horizon].selectedItems():
            self._syncing = True
            for other, cards in self.columns.items():
                if other != horizon:
                    cards.clearSelection()
            self._syncing = False
        self.selection_changed.emit(self.selected_ids())
