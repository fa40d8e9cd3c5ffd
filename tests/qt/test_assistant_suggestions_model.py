"""The assistant's suggestions list model under QAbstractItemModelTester: inserts, resets, check states."""

from __future__ import annotations

from PySide6.QtCore import Qt

from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.llm.task_base import FieldChanges
from roadmap_desktop.ui.assistant.suggestions_model import SuggestionsModel

CHECK = Qt.ItemDataRole.CheckStateRole


def reqs(*titles: str) -> list[Requirement]:
    return [Requirement(title=t) for t in titles]


def lines(model: SuggestionsModel) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_model_passes_the_item_model_tester_through_inserts_resets_and_checks(qtmodeltester):
    model = SuggestionsModel()
    qtmodeltester.check(model)
    live = reqs("Order lookup", "Reply drafts")
    model.extend(live[:1])
    model.extend(live)  # only the new one is added
    model.extend(live)  # nothing new
    assert lines(model) == ["Order lookup", "Reply drafts"]
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(0), CHECK) == Qt.CheckState.Checked
    assert model.setData(model.index(1), Qt.CheckState.Unchecked.value, CHECK)  # as a view sends it
    assert model.checked() == live[:1]
    assert not model.setData(model.index(0), "x", Qt.ItemDataRole.EditRole)  # only the box is editable
    model.reset([*reqs("Order lookup", "Reply drafts"), FieldChanges("requirement", "r1", {"effort": 3}, "Why")])
    assert lines(model) == ["Order lookup", "Reply drafts", "Why: effort = 3"]
    assert [model.is_checked(row) for row in range(3)] == [True, True, True]
    model.reset([])
    assert model.rowCount() == 0 and model.checked() == []


def test_a_reset_keeps_the_boxes_unticked_while_streaming(qtmodeltester):
    model = SuggestionsModel()
    qtmodeltester.check(model)
    model.extend(reqs("Order lookup", "Reply drafts", "Refund triage"))
    model.set_checked(0, False)
    model.set_checked(2, False)
    # The final parse gives new objects: same lines in the same places keep their boxes.
    final = reqs("Order lookup", "Reply drafts", "Alerts", "Weekly report")
    model.reset(final, keep_unchecked=True)
    assert [model.is_checked(row) for row in range(4)] == [False, True, True, True]
    assert model.suggestions() == final and model.checked() == final[1:]
    model.reset(final)
    assert model.checked() == final


def test_check_changes_are_signalled(qtbot):
    model = SuggestionsModel()
    model.extend(reqs("Order lookup"))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_checked(0, False)
    assert changed.args[2] == [CHECK]
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_checked(0, False)  # no change, no signal
