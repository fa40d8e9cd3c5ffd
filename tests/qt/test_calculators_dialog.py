"""CalculatorsDialog: live results per tab, presets, invalid input, attach as one undoable edit."""

from __future__ import annotations

import pytest

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.dialogs.calculators import CalculatorsDialog


@pytest.fixture
def document(qtbot):
    project = Project.new("Calc")
    project.requirements = [Requirement(title="本地部署", description="Run on laptops.")]
    project.items = [TimelineItem(title="Pilot")]
    doc = ProjectDocument(project)
    yield doc
    doc.close()


@pytest.fixture
def dialog(qtbot, document):
    dlg = CalculatorsDialog(document)
    qtbot.addWidget(dlg)
    return dlg


def test_tabs_and_non_modal(dialog):
    assert not dialog.isModal()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == [
        "Model footprint",
        "Training compute",
        "Inference serving",
        "Data split",
        "Classification metrics",
    ]
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert dialog.result_text() and "Formula:" in dialog.result_text()
        assert "Assumptions" in dialog.current_tab().formula_label.text()


def test_footprint_preset_and_live_update(dialog):
    tab = dialog.calculators[0]
    # Mistral-7B at Q4_K_M, 8192 tokens, 16 GiB of RAM: 5.58 GiB, fits
    assert tab.preset.currentText() == "Mistral-7B"
    assert "5.58 GiB" in tab.result_label.text() and "fits:" in tab.result_label.text()
    tab.preset.setCurrentText("Llama-3-70B")
    assert tab.layers.value() == 80 and tab.parameters.value() == pytest.approx(70.6)
    assert "does not fit" in tab.result_label.text()
    tab.layers.setValue(79)  # editing the architecture makes it a custom model
    assert tab.preset.currentText() == "Custom" and "79 layers" in dialog.result_text()
    tab.memory.setValue(0)
    assert "no memory size given" in tab.result_label.text()


def test_training_gpu_preset(dialog):
    tab = dialog.calculators[1]
    # 6 × 7e9 × 1e9 ÷ (312e12 × 0.4 × 3600) = 93.5 GPU-hours on the A100 preset
    assert "93.5 GPU-hours" in tab.result_label.text()
    tab.gpu.setCurrentIndex(tab.gpu.findData("NVIDIA H100 SXM"))
    assert tab.peak.value() == 989
    # 4.2e19 ÷ (989e12 × 0.4 × 3600) = 29.5 GPU-hours
    assert "29.5 GPU-hours" in tab.result_label.text()


def test_invalid_input_disables_attach(dialog):
    dialog.tabs.setCurrentIndex(3)
    tab = dialog.calculators[3]
    assert "train: 7,000" in tab.result_label.text()  # 10,000 × 70 %
    assert dialog.attach_button.isEnabled()
    tab.shares[0].setValue(60)
    assert "add up to 100 (they add up to 90)" in tab.result_label.text()
    assert not dialog.attach_button.isEnabled() and dialog.result_text() == ""
    assert not dialog.attach_to("item", dialog.document.project.items[0].id)


def test_metrics_tab(dialog):
    tab = dialog.calculators[4]
    # TP 80, FP 20, FN 10: precision 0.8, recall 80 ÷ 90 = 0.8889, F1 160 ÷ 190 = 0.8421
    text = tab.result_label.text()
    assert "precision 0.8000" in text and "recall 0.8889" in text and "F1 0.8421" in text
    tab.tp.setValue(0)
    tab.fp.setValue(0)
    assert "precision undefined" in tab.result_label.text()


def test_attach_to_requirement_and_undo(dialog, document, monkeypatch):
    requirement = document.project.requirements[0]
    dialog.tabs.setCurrentIndex(0)
    expected = dialog.result_text()
    monkeypatch.setattr(dialog, "_choose_target", lambda: ("requirement", requirement.id))
    dialog.attach_button.click()
    assert requirement.description == "Run on laptops.\n\n" + expected
    assert document.undo_stack.count() == 1 and document.is_modified()
    assert "本地部署" in dialog.status_label.text()
    document.undo_stack.undo()
    assert requirement.description == "Run on laptops."


def test_attach_to_item_notes(dialog, document):
    item = document.project.items[0]
    dialog.tabs.setCurrentIndex(2)
    assert dialog.attach_to("item", item.id)
    assert item.notes == dialog.result_text() and item.notes.startswith("Inference serving capacity")
    assert document.undo_stack.undoText() == "Attach inference serving"


def test_choose_target_lists_everything(dialog, qtbot, monkeypatch):
    seen = {}

    def fake_get_item(parent, title, label, items, current, editable):
        seen["items"] = items
        return items[1], True

    monkeypatch.setattr("roadmap_desktop.ui.dialogs.calculators.QInputDialog.getItem", fake_get_item)
    assert dialog._choose_target() == ("item", dialog.document.project.items[0].id)
    assert seen["items"] == ["1. Requirement: 本地部署", "2. Timeline item: Pilot"]


def test_choose_target_with_empty_project(qtbot):
    doc = ProjectDocument(Project.new("Empty"))
    dlg = CalculatorsDialog(doc)
    qtbot.addWidget(dlg)
    assert dlg._choose_target() is None
    assert "no requirements or timeline items" in dlg.status_label.text()
    doc.close()
