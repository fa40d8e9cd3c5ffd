"""Every surface that shows a risk's exposure agrees with the domain, for all 25 likelihood x impact cells:
the band is domain.risk.exposure_band's and the colour is render.risk_colours.exposure_colour's.

Each surface is one function below that returns what it shows per cell (band and/or colour; None where the
surface shows no such thing) and is listed in SURFACES; the checks at the end run over all of them, in
English and Chinese. The PDF's surfaces are read from its page functions (export/pdf/risk_pages.py), so they
need no PDF reader and no CJK font."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import math
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from interface_language import interface_language
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from roadmap_desktop.cli import main
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.risk import SCALE, ExposureBand, Risk, exposure_band
from roadmap_desktop.export.pdf.fonts import choose_families
from roadmap_desktop.export.pdf.options import PdfOptions
from roadmap_desktop.export.pdf.risk_pages import band_key, heat_map_layout, plan_risks, register_rows
from roadmap_desktop.export.pdf.sheet import Sheet
from roadmap_desktop.interchange.markdown import project_to_markdown
from roadmap_desktop.persistence.project_file import save_project
from roadmap_desktop.qtmodels.document import ProjectDocument
from roadmap_desktop.qtmodels.entity_table_model import EntityTableModel
from roadmap_desktop.render.heat_map import cell_counts
from roadmap_desktop.render.risk_colours import exposure_colour
from roadmap_desktop.ui.editors.risk_heat_map import RiskHeatMap
from roadmap_desktop.ui.workshop.presenter import PAGES, PresenterView, high_risk_count
from roadmap_desktop.wording import Wording, wording

Cell = tuple[int, int]
CELLS: list[Cell] = [(likelihood, impact) for likelihood in SCALE for impact in SCALE]
LANGUAGES = ("en", "zh")
TODAY = dt.date(2025, 3, 3)
PDF_PAGE = QRectF(0, 0, 12614, 8740)  # an A4 landscape page inside its margins, in the PDF's 1200 dpi units
PDF_SCALE = 0.1  # painted at 120 dpi: a heat-map cell is about 40 pixels


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


def _pdf_sheet(language: str) -> Sheet:
    """The PDF's page, fonts and words for a project with one risk in every cell."""
    project = _one_risk_per_cell(language)
    families, _ = choose_families(project)  # without a CJK font Chinese shows as boxes; colours and words hold
    return Sheet(project, PdfOptions(sections=("risks",), as_of=TODAY), families, PDF_PAGE)


def _key_line(w: Wording, band: ExposureBand) -> str:
    """The start of a band's line in the PDF's key, with the domain's range: "High (15–25): "."""
    low, high = band.range
    return w(f"risk.band_range.{band.key}", low=low, high=high) + w["colon"]


def _cli_risks(language: str, *options: str) -> str:
    """What `roadmap-desktop risks FILE --all` prints for the one-risk-per-cell project."""
    out = io.StringIO()
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(out):
        path = Path(folder) / "bands.roadmap"
        save_project(_one_risk_per_cell(language), path)
        assert main(["risks", str(path), "--all", *options]) == 0
    return out.getvalue()


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


def risk_table_painted(qtbot, language: str) -> dict[Cell, Shown]:
    """The risk register as the Risks tab paints it (delegate, style, selection colours and all): the
    pixel colour of each Exposure cell, which must be the heat map's (a table once showed 12 amber
    and 15 pink beside an orange and red heat map)."""
    from roadmap_desktop.qtmodels.entity_table_model import ID_ROLE
    from roadmap_desktop.ui.editors.entity_editor import EntityEditor

    document = ProjectDocument(_one_risk_per_cell(language))
    editor = EntityEditor(document, "risk", lambda _message: None)
    qtbot.addWidget(editor)
    editor.resize(1600, 1100)
    editor.show()
    table = editor.table
    column = next(c for c in range(editor.proxy.columnCount()) if editor.model.columns[c].header == "Exposure")
    table.clearSelection()
    table.scrollTo(editor.proxy.index(0, column))
    shown = {}
    for row in range(editor.proxy.rowCount()):
        index = editor.proxy.index(row, column)
        table.scrollTo(index)
        rect = table.visualRect(index)
        image = table.viewport().grab().toImage()
        risk = document.project.get("risk", index.data(ID_ROLE))
        colour = image.pixelColor(rect.left() + 3, rect.top() + 3)
        shown[(risk.likelihood, risk.impact)] = Shown(colour=colour)
    editor.model.detach()
    document.close()
    return shown


def heat_map_widget(qtbot, language: str) -> dict[Cell, Shown]:
    """The risk heat map: each cell's painted colour and the band its tooltip names."""
    document = ProjectDocument(_one_risk_per_cell(language))
    with interface_language(language):  # the heat map speaks the interface's language
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


def pdf_heat_map(qtbot, language: str) -> dict[Cell, Shown]:
    """The PDF's first risks page, its draw function painted into an image: each heat-map cell's colour."""
    sheet = _pdf_sheet(language)
    image = QImage(
        math.ceil(PDF_PAGE.width() * PDF_SCALE), math.ceil(PDF_PAGE.height() * PDF_SCALE), QImage.Format.Format_RGB32
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.scale(PDF_SCALE, PDF_SCALE)
    plan_risks(sheet)[0].draw(painter)
    painter.end()
    top = sheet.section_heading(None, sheet.section_title("risks"), sheet.describe("risks"))
    layout, to_image = heat_map_layout(sheet, top), QTransform.fromScale(PDF_SCALE, PDF_SCALE)
    return {(lk, im): Shown(colour=_dominant(image, to_image.mapRect(layout.cell_rect(lk, im)))) for lk, im in CELLS}


def pdf_register(qtbot, language: str) -> dict[Cell, Shown]:
    """The PDF's risk register: each row's exposure chip colour, the row found by its "L × I" cell."""
    sheet = _pdf_sheet(language)
    shown = {}
    for exposure_cell, lxi, *_ in register_rows(sheet, sheet.project.risks):
        likelihood, impact = (int(n) for n in lxi.split("×"))
        shown[(likelihood, impact)] = Shown(colour=exposure_cell.chip)
    return shown


def pdf_band_key(qtbot, language: str) -> dict[Cell, Shown]:
    """The PDF's band key for each risk on its own: the band whose line counts "1 risk", the others 0."""
    sheet = _pdf_sheet(language)
    w, shown = sheet.w, {}
    for risk in sheet.project.risks:
        lines = [text for _, text in band_key(sheet, cell_counts([risk]))]
        counting = [band for band in ExposureBand if _key_line(w, band) + w["pdf.risk_count_1"] in lines]
        assert len(counting) == 1, lines
        assert sum(text.endswith(w("pdf.risk_count", n=0)) for text in lines) == len(ExposureBand) - 1, lines
        shown[(risk.likelihood, risk.impact)] = Shown(band=counting[0])
    return shown


def markdown(qtbot, language: str) -> dict[Cell, Shown]:
    """The Markdown export's risk table: the band named after each exposure ("4×3=12 (medium)")."""
    w, shown = wording(language), {}
    for line in project_to_markdown(_one_risk_per_cell(language), TODAY).splitlines():
        if cell := re.search(r"\| (\d)×(\d)=(\d+)", line):
            likelihood, impact, exposure = (int(n) for n in cell.groups())
            assert exposure == likelihood * impact, line
            shown[(likelihood, impact)] = Shown(band=_band_in(line, w, exposure))
    return shown


def cli_json(qtbot, language: str) -> dict[Cell, Shown]:
    """`roadmap-desktop risks --json`: each risk's "band" field (the band's key)."""
    rows = json.loads(_cli_risks(language, "--json"))["risks"]
    return {(row["likelihood"], row["impact"]): Shown(band=ExposureBand[row["band"].upper()]) for row in rows}


def cli_table(qtbot, language: str) -> dict[Cell, Shown]:
    """`roadmap-desktop risks`: the Band column, a word in the project's language."""
    w = wording(language)
    words = {w[f"risk.band.{band.key}"]: band for band in ExposureBand}
    header, *rows = _cli_risks(language).strip().splitlines()
    assert header.split()[:3] == ["Exposure", "Band", "L×I"], header
    shown = {}
    for row in rows:
        exposure, band, lxi = row.split()[:3]
        likelihood, impact = (int(n) for n in lxi.split("×"))
        assert int(exposure) == likelihood * impact, row
        shown[(likelihood, impact)] = Shown(band=words[band])
    return shown


SURFACES: list[Callable[..., dict[Cell, Shown]]] = [
    risk_table,
    risk_table_painted,
    heat_map_widget,
    presenter,
    pdf_heat_map,
    pdf_register,
    pdf_band_key,
    markdown,
    cli_json,
    cli_table,
]


# -- checks --------------------------------------------------------------------------------------------


def test_bands_cover_every_exposure_once():
    for exposure in range(1, 26):
        holding = [band for band in ExposureBand if band.range[0] <= exposure <= band.range[1]]
        assert holding == [exposure_band(exposure)]
    low, medium, high = ExposureBand.LOW, ExposureBand.MEDIUM, ExposureBand.HIGH
    assert [exposure_band(e) for e in (7, 8, 14, 15)] == [low, medium, medium, high]  # 4 x 3 = 12 is medium
    assert all(Risk(likelihood=lk, impact=im).band is exposure_band(lk * im) for lk, im in CELLS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_band_key_counts_the_risks_of_each_band(qapp, language):
    """ "High (15–25): 6 risks": with one risk in every cell, each band counts the cells the domain gives it."""
    sheet = _pdf_sheet(language)
    held = Counter(exposure_band(likelihood * impact) for likelihood, impact in CELLS)
    expected = [_key_line(sheet.w, band) + sheet.w("pdf.risk_count", n=held[band]) for band in reversed(ExposureBand)]
    assert [text for _, text in band_key(sheet, cell_counts(sheet.project.risks))] == expected


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
