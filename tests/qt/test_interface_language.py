"""One interface language: what the screen draws around a project (timeline axis, Today, legends,
heat map, step bar, presenter, statuses) follows the interface language; the project's own titles
stay as written and its documents (PDF, Markdown) keep the project's language. Checked through the
words each view uses, not through pixels."""

from __future__ import annotations

import datetime as dt

import pytest
from interface_language import interface_language
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.export.pdf.options import PdfOptions
from roadmap_desktop.export.pdf.timeline_pages import timeline_layout as pdf_timeline_layout
from roadmap_desktop.interchange.markdown import project_to_markdown
from roadmap_desktop.persistence.settings import Settings
from roadmap_desktop.persistence.template_file import load_template
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.qtmodels.labels import choice_label
from roadmap_desktop.ui.dialogs.merge_dialog import _status_text
from roadmap_desktop.ui.dialogs.template_dialog import TemplateDialog
from roadmap_desktop.ui.editors.entity_editor import EntityEditor
from roadmap_desktop.ui.editors.risk_heat_map import RiskHeatMap
from roadmap_desktop.ui.timeline.timeline_view import TimelineView
from roadmap_desktop.ui.workshop.presenter import PresenterView
from roadmap_desktop.ui.workshop.step_bar import GuidedFlowBar
from roadmap_desktop.ui.workshop.steps import STEPS
from roadmap_desktop.wording import wording

TODAY = dt.date(2025, 3, 3)
# (interface, project): each language's project under the other language's interface
CROSSED = [("zh", "en"), ("en", "zh")]
EXPECTED = {
    "en": {"today": "Today", "lanes": "Lanes", "month": "Apr", "open": "open risks"},
    "zh": {"today": "今天", "lanes": "泳道", "month": "4月", "open": "个未关闭风险"},
}


@pytest.fixture
def documents():
    made: list[ProjectDocument] = []

    def make(language: str) -> ProjectDocument:
        made.append(ProjectDocument(load_template("customer_service", language, today=TODAY)))
        return made[-1]

    yield make
    for document in made:
        document.close()


@pytest.mark.parametrize(("interface", "project"), CROSSED)
def test_timeline_axis_today_and_legend(qtbot, documents, interface, project):
    with interface_language(interface):
        view = TimelineView(documents(project))
        qtbot.addWidget(view)
        view.resize(900, 500)
        view.show()
        layout = view.canvas.timeline_layout()
        assert layout.wording.code == interface
        assert layout.wording["timeline.today"] == EXPECTED[interface]["today"]
        assert layout.legend_title("lane") == EXPECTED[interface]["lanes"]
        _majors, minors = layout.axis_ticks()
        assert EXPECTED[interface]["month"] in [tick.label for tick in minors]
        # The lanes are the project's own names, untouched.
        assert [band.name for band in layout.lanes][:1] == [view.document.project.lanes[0].name]


@pytest.mark.parametrize(("interface", "project"), CROSSED)
def test_documents_keep_the_project_language(documents, interface, project):
    with interface_language(interface):
        document = documents(project)
        layout = pdf_timeline_layout(document.project, PdfOptions(), QFont(), 1.0)
        assert layout.wording["timeline.today"] == EXPECTED[project]["today"]
        assert wording(project)["document.requirements"] in project_to_markdown(document.project, TODAY)


@pytest.mark.parametrize(("interface", "project"), CROSSED)
def test_step_bar_and_presenter(qtbot, documents, interface, project):
    with interface_language(interface):
        bar = GuidedFlowBar()
        qtbot.addWidget(bar)
        assert bar.language == interface
        assert [bar.step_title(i) for i in range(len(STEPS))] == [step.title_in(interface) for step in STEPS]
        assert STEPS[0].title_in(interface) in bar.chips[0].text()  # the current step's chip names it
        assert bar.instruction_label.text() == STEPS[0].instruction_in(interface)
        document = documents(project)
        view = PresenterView(document, today=TODAY)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        assert view.words().code == interface
        layout, _scale = view.timeline_layout(document.project, QRectF(0, 0, 1300, 600))
        assert layout.wording["timeline.today"] == EXPECTED[interface]["today"]
        view.grab()  # every page paints with the crossed languages


@pytest.mark.parametrize(("interface", "project"), CROSSED)
def test_heat_map_headline(qtbot, documents, interface, project):
    with interface_language(interface):
        heat_map = RiskHeatMap(documents(project))
        qtbot.addWidget(heat_map)
        heat_map.resize(400, 400)
        layout = heat_map.map_layout()
        assert layout.wording.code == interface
        assert EXPECTED[interface]["open"] in layout.wording("chart.heat_map.open.many", n=8)


@pytest.mark.parametrize("interface", ["en", "zh"])
def test_merge_dialog_names_a_status_as_the_tables_do(interface):
    with interface_language(interface):
        assert _status_text("idea") == choice_label("idea") != "idea"


@pytest.mark.parametrize("interface", ["en", "zh"])
def test_template_dialog_starts_in_the_interface_language(qtbot, tmp_path, interface):
    with interface_language(interface):
        dialog = TemplateDialog(Settings(tmp_path / "settings.json"))
        qtbot.addWidget(dialog)
        assert dialog.language() == interface


def test_chinese_titles_sort_by_pinyin_under_the_chinese_interface(qtbot):
    project = Project.new("排序", "zh")
    for title in ("中国", "阿里", "张三", "北京", "item 10", "item 9"):
        project.requirements.append(Requirement(title=title))
    document = ProjectDocument(project)
    with interface_language("zh"):
        editor = EntityEditor(document, "requirement", lambda _m: None)
        qtbot.addWidget(editor)
        editor.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        shown = [editor.proxy.index(row, 0).data() for row in range(editor.proxy.rowCount())]
    assert shown == ["阿里", "北京", "张三", "中国", "item 9", "item 10"]
    document.close()


def test_wording_of_the_screen_is_the_interface_language():
    from roadmap_desktop.ui.i18n import interface_date, interface_wording

    with interface_language("zh"):
        assert interface_wording().code == "zh"
        assert interface_date(dt.date(2026, 12, 7)) == wording("zh")("pdf.date", day=7, month="12月", year=2026)
    assert interface_wording().code == "en"
    assert interface_date(dt.date(2026, 12, 7)) == "7 Dec 2026"
