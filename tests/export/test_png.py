"""PNG timeline export: size, device pixel ratio, options, atomic write."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QImage
from test_pdf import AS_OF, chinese_warnings, roadmap_sample

from roadmap_desktop.export.png import DEFAULT_WIDTH, export_png


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    return qapp


@pytest.mark.parametrize("language", ["en", "zh"])
def test_png_default_width(tmp_path, language):
    out = tmp_path / "timeline.png"
    assert export_png(roadmap_sample(language), out, as_of=AS_OF) == ([] if language == "en" else chinese_warnings())
    image = QImage(str(out))
    assert image.width() == DEFAULT_WIDTH and 600 < image.height() < 3000
    assert image.pixelColor(2, 2).name() == "#ffffff"
    assert os.listdir(tmp_path) == ["timeline.png"]


def test_png_width_and_options(tmp_path):
    out = tmp_path / "t.png"
    export_png(roadmap_sample("en"), out, width="1200", device_pixel_ratio=1, sections=["timeline"], page_size="A3")
    assert QImage(str(out)).width() == 1200
    export_png(roadmap_sample("en"), out, width=3000, date_from="2025-03-01", date_to="2025-06-30", color_by="status")
    assert QImage(str(out)).width() == 3000


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"width": 50}, "allowed: 600 to 16000"),
        ({"width": "wide"}, "not a whole number"),
        ({"sections": "risks"}, "sections must include 'timeline'"),
        ({"page_size": "A0"}, "allowed: A4, Letter, A3"),
    ],
)
def test_png_bad_options(tmp_path, options, message):
    out = tmp_path / "t.png"
    out.write_bytes(b"old")
    with pytest.raises(ValueError, match=message):
        export_png(roadmap_sample("en"), out, **options)
    assert out.read_bytes() == b"old"


def test_png_cancel(tmp_path):
    from roadmap_desktop.export.pdf.document import ExportCancelled

    with pytest.raises(ExportCancelled):
        export_png(roadmap_sample("en"), tmp_path / "t.png", progress=lambda done, total: done < 1)
    assert os.listdir(tmp_path) == []
