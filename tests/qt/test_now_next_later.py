"""The Now / Next / Later board: columns, dropping a card sets the horizon in one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
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


def test_columns_show_items_without_dates_unless_all_are_asked_for(board, document):
    assert board.card_ids("now") == _ids(document, "Pricing")
    assert board.card_ids("later") == _ids(document, "Voice")
    assert board.card_ids("") == _ids(document, "Loose idea")
    board.set_show_all(True)
    assert board.card_ids("now") == _ids(document, "Pricing", "Dated")


def test_moving_a_card_sets_the_horizon_and_undoes(qtbot, board, document):
    (pricing,) = _ids(document, "Pricing")
    board.move_items([pricing], "next")
    item = document.project.get("item", pricing)
    assert item.horizon == "next"
    assert board.card_ids("next") == [pricing] and board.card_ids("now") == []
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert item.horizon == "now"
    qtbot.waitUntil(lambda: board.card_ids("now") == [pricing])


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
    data = column.mimeData([column.item(0)])
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
