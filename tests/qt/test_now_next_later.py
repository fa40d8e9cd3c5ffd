"""The Now / Next / Later board: columns, dropping a card sets the horizon in one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import QDropEvent

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.timeline import NowNextLaterBoard
from roadmap_desktop.ui.timeline.board import MIME_TYPE


@pytest.fixture
def document(qtbot):
    project = Project.new("Board")
    lane = project.lanes[0].id
    project.items += [
        TimelineItem(title="Pricing", lane_id=lane, horizon="now", owner="Mia"),
        TimelineItem(title="Voice", lane_id=lane, horizon="later"),
        TimelineItem(title="Loose idea", lane_id=lane),
        TimelineItem(title="Dated", lane_id=lane, horizon="now", start=dt.date(2026, 1, 5)),
    ]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def board(qtbot, document):
    widget = NowNextLaterBoard(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _ids(document, *titles):
    by_title = {item.title: item.id for item in document.project.items}
    return [by_title[t] for t in titles]


def test_columns_follow_the_chosen_column_then_the_start_date(board, document):
    assert board.card_ids("now") == _ids(document, "Dated", "Pricing")  # dated first, by start
    assert board.card_ids("later") == _ids(document, "Voice")
    assert board.card_ids("") == _ids(document, "Loose idea")


@pytest.mark.parametrize("template", ["customer_service", "healthcare"])
def test_a_template_board_starts_filled_as_the_pdf_shows_it(qtbot, template):
    from roadmap_desktop.domain.now_next_later import board_columns, is_placed_by_date
    from roadmap_desktop.export.pdf import board_pages
    from roadmap_desktop.export.pdf.options import PdfOptions
    from roadmap_desktop.export.pdf.sheet import Sheet
    from roadmap_desktop.persistence.template_file import load_template

    today = dt.date(2026, 3, 2)
    project = load_template(template, "en", today=today)
    document = ProjectDocument(project)
    widget = NowNextLaterBoard(document, today=today)
    qtbot.addWidget(widget)
    shown = {key: widget.card_ids(key) for key in ("now", "next", "later", "")}
    # Every item on the board, none "Unsorted" (a template's items all have dates).
    assert shown["now"] and shown["next"] and shown[""] == []
    assert sum(len(ids) for ids in shown.values()) == len(project.items)
    assert shown == {key: [i.id for i in items] for key, items in board_columns(project.items, today).items()}
    sheet = Sheet(project, PdfOptions(as_of=today), ["Sans"], QRectF(0, 0, 12000, 9000))
    pdf = {("" if key == "unsorted" else key): [i.id for i in items] for key, items in board_pages.board_columns(sheet)}
    assert pdf == {key: ids for key, ids in shown.items() if ids or key != ""}
    dated = project.get("item", shown["next"][0])
    assert is_placed_by_date(dated)
    entry = widget.columns["next"].item(0)
    assert "start date" in entry.toolTip()
    widget.move_items([dated.id], "later")  # a drag chooses the column; the date no longer decides
    assert dated.id in widget.card_ids("later") and not is_placed_by_date(dated)
    document.close()


def test_moving_a_card_sets_the_horizon_and_undoes(qtbot, board, document):
    (pricing,) = _ids(document, "Pricing")
    board.move_items([pricing], "next")
    item = document.project.get("item", pricing)
    assert item.horizon == "next"
    assert board.card_ids("next") == [pricing] and board.card_ids("now") == _ids(document, "Dated")
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert item.horizon == "now"
    qtbot.waitUntil(lambda: board.card_ids("now") == _ids(document, "Dated", "Pricing"))


def test_a_drop_on_a_column_moves_the_cards(board, document):
    ids = _ids(document, "Pricing", "Loose idea")
    column = board.columns["later"]
    data = QMimeData()
    data.setData(MIME_TYPE, "\n".join(ids).encode("utf-8"))
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    column.dropEvent(event)
    assert [document.project.get("item", i).horizon for i in ids] == ["later", "later"]
    assert document.undo_stack.count() == 1  # both cards in one step
    assert document.undo_stack.undoText() == "Move 2 items to Later"


def test_mime_data_of_a_card_carries_its_id(board, document):
    column = board.columns["now"]
    data = column.mimeData([column.item(1)])  # after "Dated", which has a start
    assert bytes(data.data(MIME_TYPE).data()).decode() == _ids(document, "Pricing")[0]


def test_selection_and_activation(qtbot, board, document):
    (voice,) = _ids(document, "Voice")
    with qtbot.waitSignal(board.selection_changed) as blocker:
        board.columns["later"].item(0).setSelected(True)
    assert blocker.args[0] == [voice]
    board.set_selection([])
    assert board.selected_ids() == []
    with qtbot.waitSignal(board.item_activated) as blocker:
        board.columns["later"].itemDoubleClicked.emit(board.columns["later"].item(0))
    assert blocker.args[0] == voice
