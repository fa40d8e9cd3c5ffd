"""PresenterView: every page renders for English and Chinese templates and an empty project; keys, clicks,
the step bar and live edits move it."""

from __future__ import annotations

import datetime as dt

import pytest
from interface_language import interface_language
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from roadmap_desktop.domain.commands import SetField
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.voting import VotingSession, apply_command
from roadmap_desktop.persistence.template_file import list_templates, load_template
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.ui.workshop.presenter import BACKGROUND, PAGES, TIMELINE_TEXT_PX, PresenterView
from roadmap_desktop.ui.workshop.step_bar import GuidedFlowBar

TODAY = dt.date(2025, 3, 3)


def _document(template: str, language: str) -> ProjectDocument:
    project = load_template(template, language, today=TODAY)
    ids = [r.id for r in project.requirements]
    session = VotingSession.for_project(project, ["Ana", "Bo", "陈"], 2)
    for voter, picks in (("Ana", [0, 1]), ("Bo", [0, 2]), ("陈", [1, 1])):
        for pick in picks:
            session.vote(voter, ids[pick])
    document = ProjectDocument(project)
    document.execute(apply_command(project, session, switch_framework=True))
    return document


@pytest.fixture
def make_view(qtbot):
    made: list[ProjectDocument] = []

    def make(document: ProjectDocument, bar: GuidedFlowBar | None = None) -> PresenterView:
        made.append(document)
        view = PresenterView(document, bar, today=TODAY + dt.timedelta(days=30))
        qtbot.addWidget(view)
        view.resize(1920, 1080)
        view.show()
        qtbot.waitExposed(view)
        return view

    yield make
    for document in made:
        document.close()


def _drawn_share(image: QImage) -> float:
    """The share of sampled content-area pixels that are not the background."""
    background = BACKGROUND.rgb()
    samples = drawn = 0
    for y in range(200, image.height() - 140, 17):
        for x in range(60, image.width() - 60, 23):
            samples += 1
            drawn += image.pixel(x, y) != background
    return drawn / samples


def test_templates_exist_in_both_languages():
    ids = [t.id for t in list_templates()]
    assert "customer_service" in ids and "healthcare" in ids


@pytest.mark.parametrize(("template", "language"), [("customer_service", "zh"), ("healthcare", "en")])
def test_every_page_renders_a_template(make_view, template, language):
    with interface_language(language):
        view = make_view(_document(template, language))
        assert view.language == language
        for index, key in enumerate(PAGES):
            view.set_page(index)
            image = view.grab().toImage()
            assert image.width() == 1920 and image.height() == 1080
            assert _drawn_share(image) > 0.01, key
        assert view.words()["workshop.page.risks"] == ("风险" if language == "zh" else "Risks")


def test_timeline_is_large_and_fills_the_width(make_view):
    view = make_view(_document("customer_service", "zh"))
    rect = view._content_rect()
    layout, scale = view.timeline_layout(view.document.project, rect)
    assert TIMELINE_TEXT_PX * scale >= 24  # readable from the back of a room at 1920 x 1080
    assert layout.width * scale == pytest.approx(rect.width(), abs=2)
    assert layout.height * scale <= rect.height() + 1


def test_keys_flip_pages_and_escape_leaves(make_view, qtbot):
    view = make_view(_document("customer_service", "en"))
    assert view.page_key() == "brief"
    with qtbot.waitSignal(view.page_changed) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert blocker.args == [1]
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.page_key() == "ranking"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # stays on the first page
    assert view.page() == 0
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert view.page_key() == "timeline"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.page_key() == "summary"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.page_key() == "summary"
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    view.show()
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view, Qt.Key.Key_F5)


def test_clicks_flip_and_page_numbers_jump(make_view, qtbot):
    view = make_view(_document("healthcare", "en"))
    view.grab()  # paints, which places the page numbers
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(960, 500))
    assert view.page() == 1
    qtbot.mouseClick(view, Qt.MouseButton.RightButton, pos=QPoint(960, 500))
    assert view.page() == 0
    target = view._dot_rects[4].center().toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=target)
    assert view.page_key() == "risks"


def test_follows_the_step_bar_and_shows_its_clock(make_view, qtbot):
    bar = GuidedFlowBar(language="zh")
    qtbot.addWidget(bar)
    view = make_view(_document("customer_service", "zh"), bar)
    bar.set_step(3)
    assert view.page_key() == "timeline"
    before = view.grab().toImage()
    bar.set_minutes(1)
    bar.start_timer()
    bar.pause_timer()
    for _ in range(61):
        bar._on_tick_timer_timeout()  # over time: the clock becomes a red badge
    after = view.grab().toImage()
    assert before != after
    view.set_page(0)  # the facilitator may show another page; the bar stays on its step
    assert bar.current_step() == 3
    view.set_flow_bar(None)
    bar.set_step(5)
    assert view.page() == 0


def test_the_header_names_the_page_shown(make_view, qtbot):
    bar = GuidedFlowBar(language="en")
    qtbot.addWidget(bar)
    view = make_view(_document("customer_service", "en"), bar)
    bar.set_step(4)
    assert view.header_caption() == "Step 5 of 6 · Risks"
    before = view.grab().toImage()
    view.set_page(1)  # the facilitator jumps back to the requirements
    assert view.header_caption() == "Step 2 of 6 · Requirements · clock: step 5"
    view.set_page(5)
    assert view.header_caption().startswith("Step 6 of 6 · Export PDF")
    view.set_page(4)
    assert view.header_caption() == "Step 5 of 6 · Risks"
    assert view.grab().toImage() == before  # what is painted is the caption asked for
    bar.set_step(0)
    assert view.header_caption() == "Step 1 of 6 · Product brief"
    view.set_flow_bar(None)
    view.set_page(3)
    assert view.header_caption() == "Step 4 of 6 · Timeline"


def test_follows_an_edit_made_through_the_document(make_view):
    document = _document("customer_service", "en")
    view = make_view(document)
    view.set_page(2)
    before = view.grab().toImage()
    first = document.project.requirements[0]
    document.execute(SetField("requirement", first.id, "title", "A brand new top requirement"))
    assert view.grab().toImage() != before
    document.undo_stack.undo()
    assert view.grab().toImage() == before
    # The pages' words are the interface's: a project switched to Chinese leaves them in English.
    document.execute(SetField("project", document.project.info.id, "language", "zh"))
    assert view.words()["workshop.page.ranking"] == "Priorities"


def test_replacing_the_document(make_view):
    view = make_view(_document("customer_service", "en"))
    other = ProjectDocument(Project.new("Other", "zh"))
    view.set_document(other)
    assert view.language == "en"  # the interface's language, whatever the project's
    view.grab()
    other.close()


@pytest.mark.parametrize("project", [Project.new("Empty"), Project()], ids=["new", "no-lanes"])
def test_empty_project_renders_every_page(make_view, project):
    view = make_view(ProjectDocument(project))
    for index in range(len(PAGES)):
        view.set_page(index)
        assert not view.grab().isNull()
    assert view.timeline_layout(project, view._content_rect()) is None


def test_small_window_still_renders(make_view):
    view = make_view(_document("healthcare", "en"))
    view.resize(800, 450)
    for index in range(len(PAGES)):
        view.set_page(index)
        assert not view.grab().isNull()


def test_ranking_page_says_how_many_requirements_are_left_off(make_view):
    """With more than ten requirements the ranking page silently dropped the rest."""
    from roadmap_desktop.domain.prioritisation import rank
    from roadmap_desktop.domain.requirement import Requirement
    from roadmap_desktop.ui.workshop.presenter import RANKING_ROWS, ranking_rows

    document = _document("customer_service", "zh")
    project = document.project
    project.requirements += [Requirement(title=f"补充需求 {n}") for n in range(8)]
    ranked = rank(project)
    rows, hidden = ranking_rows(ranked)
    assert len(rows) == RANKING_ROWS - 1 and hidden == len(ranked) - len(rows) and hidden > 0
    assert ranking_rows(ranked[:RANKING_ROWS]) == (ranked[:RANKING_ROWS], 0)
    view = make_view(document)
    view.set_page(PAGES.index("ranking"))
    assert _drawn_share(view.grab().toImage()) > 0.05
