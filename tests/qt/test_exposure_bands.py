"""Every surface that shows a risk's exposure agrees with the domain, for all 25 likelihood x impact cells:
the band is domain.risk.exposure_band's and the colour is render.risk_colours.exposure_colour's.

Each surface is one function below that returns what it shows per cell (band and/or colour; None where the
surface shows no such thing) and is listed in SURFACES; the checks at the end run over all of them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage

from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import SCALE, ExposureBand, Risk, exposure_band
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.qtmodels.entity_table_model import EntityTableModel
from roadmap_desktop.render.risk_colours import exposure_colour
from roadmap_desktop.ui.editors.risk_heat_map import RiskHeatMap
from roadmap_desktop.ui.workshop.presenter import PAGES, PresenterView, high_risk_count
from roadmap_desktop.wording import Wording, wording

Cell = tuple[int, int]
CELLS: list[Cell] = [(likelihood, impact) for likelihood in SCALE for impact in SCALE]
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Shown:
    """What one surface shows for one cell; None: the surface does not show it."""

    band: ExposureBand | None = None
    colour: QColor | None = None
    high: bool | None = None  # for a surface that only tells high from the rest


def _one_risk_per_cell(language: str) -> Project:
    project = Project.new("Bands", language=language)
    project.risks = [Risk(title=f"L{lk} I{im}", likelihood=lk, impact=im) for lk, im in CELLS]
    return project


def _dominant(image: QImage, rect: QRectF) -> QColor:
    """The most common pixel inside ``rect``: a cell's fill, not its hatching, numbers or count."""
    area = rect.toAlignedRect().adjusted(4, 4, -4, -4)
    pixels = Counter(
        image.pixel(x, y) for y in range(area.top(), area.bottom() + 1) for x in range(area.left(), area.right() + 1)
    )
    return QColor.fromRgb(pixels.most_common(1)[0][0])


def _band_in(text: str, w: Wording, exposure: int) -> ExposureBand:
    """The band a text names right after the exposure number ("20 (high)", "20（高）")."""
    named = [band for band in ExposureBand if f"{exposure}{w['paren'].format(w[f'risk.band.{band.key}'])}" in text]
    assert len(named) == 1, text
    return named[0]


# -- surfaces ------------------------------------------------------------------------------------------


def risk_table(qtbot, language: str) -> dict[Cell, Shown]:
    """The risk register's Exposure cell: its background colour (the table shows no band word)."""
    document = ProjectDocument(_one_risk_per_cell(language))
    model = EntityTableModel(document, "risk")
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Exposure")
    shown = {}
    for row, risk in enumerate(document.project.risks):
        brush = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
        shown[(risk.likelihood, risk.impact)] = Shown(colour=brush.color())
    model.detach()
    document.close()
    return shown


def heat_map_widget(qtbot, language: str) -> dict[Cell, Shown]:
    """The risk heat map: each cell's painted colour and the band its tooltip names."""
    document = ProjectDocument(_one_risk_per_cell(language))
    widget = RiskHeatMap(document)
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    image = widget.grab().toImage()
    w = wording(language)
    shown = {
        (lk, im): Shown(
            band=_band_in(widget.cell_tooltip(lk, im), w, lk * im),
            colour=_dominant(image, widget.cell_rect(lk, im)),
        )
        for lk, im in CELLS
    }
    document.close()
    return shown


def presenter(qtbot, language: str) -> dict[Cell, Shown]:
    """The workshop presenter: the risks page's cell colours, and whether the summary counts a risk as high."""
    project = _one_risk_per_cell(language)
    document = ProjectDocument(project)
    view = PresenterView(document, today=dt.date(2025, 3, 3))
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.set_page(PAGES.index("risks"))
    image = view.grab().toImage()
    layout = view.risk_map_layout(view._content_rect())
    shown = {
        (risk.likelihood, risk.impact): Shown(
            colour=_dominant(image, layout.cell_rect(risk.likelihood, risk.impact)),
            high=high_risk_count([risk]) == 1,
        )
        for risk in project.risks
    }
    document.close()
    return shown


# Add the PDF (export/pdf: the heat map and the register's exposure column), Markdown and the CLI
# `risks` command here as they move onto domain.risk.exposure_band and render.risk_colours.
SURFACES: list[Callable[..., dict[Cell, Shown]]] = [risk_table, heat_map_widget, presenter]


# -- checks --------------------------------------------------------------------------------------------


def test_bands_cover_every_exposure_once():
    for exposure in range(1, 26):
        holding = [band for band in ExposureBand if band.range[0] <= exposure <= band.range[1]]
        assert holding == [exposure_band(exposure)]
    low, medium, high = ExposureBand.LOW, ExposureBand.MEDIUM, ExposureBand.HIGH
    assert [exposure_band(e) for e in (7, 8, 14, 15)] == [low, medium, medium, high]  # 4 x 3 = 12 is medium
    assert all(Risk(likelihood=lk, impact=im).band is exposure_band(lk * im) for lk, im in CELLS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("surface", SURFACES, ids=lambda f: f.__name__)
def test_surface_agrees_with_the_domain_in_all_25_cells(qtbot, surface, language):
    shown = surface(qtbot, language)
    assert sorted(shown) == sorted(CELLS)
    for (likelihood, impact), seen in shown.items():
        exposure = likelihood * impact
        where = f"{surface.__name__} L{likelihood} x I{impact} = {exposure}"
        if seen.band is not None:
            assert seen.band is exposure_band(exposure), where
        if seen.high is not None:
            assert seen.high == (exposure_band(exposure) is ExposureBand.HIGH), where
        if seen.colour is not None:
            expected = exposure_colour(exposure)
            channels = [(seen.colour.red(), expected.red()), (seen.colour.green(), expected.green())]
            channels.append((seen.colour.blue(), expected.blue()))
            assert all(abs(a - b) <= 2 for a, b in channels), f"{where}: {seen.colour.name()} != {expected.name()}"
