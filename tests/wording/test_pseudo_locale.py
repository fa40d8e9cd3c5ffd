"""A third language is a catalog, not twenty edits: a pseudo-locale registered at run time reaches the
Markdown and PDF documents, score breakdowns and the command line without touching their code."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import string
import subprocess

import pytest

from roadmap_desktop.domain.prioritisation import rank
from roadmap_desktop.domain.project import Project
from roadmap_desktop.domain.requirement import Requirement
from roadmap_desktop.domain.risk import Risk
from roadmap_desktop.domain.timeline import TimelineItem
from roadmap_desktop.wording import en, register, unregister, wording

CODE = "qps"
# Rules a language sets rather than words it says: kept as English has them, so documents stay readable.
_RULES = ("sep.", "colon", "paren")


def pseudo(text: str) -> str:
    """``text`` marked as the pseudo-locale's: each literal run between placeholders wrapped in ⟦ ⟧."""
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(text):
        if literal.strip():
            out.append(f"⟦{literal}⟧")
        else:
            out.append(literal)
        if field is not None:
            out.append("{" + field + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}")
    return "".join(out)


@pytest.fixture
def pseudo_locale():
    register(CODE, "Pseudo", {k: v if k.startswith(_RULES) else pseudo(v) for k, v in en.WORDS.items()})
    yield wording(CODE)
    unregister(CODE)


def _project() -> Project:
    project = Project.new("Pseudo plan")
    project.info.language = CODE  # set directly: the project's field lists the built-in catalogs only
    project.requirements = [
        Requirement(title="Search", rice_reach=100, rice_impact=2, rice_confidence=50, effort=2, status="planned"),
        Requirement(title="Export", rice_reach=10),
    ]
    start = dt.date(2026, 1, 5)
    project.items = [TimelineItem(title="Build", lane_id=project.lanes[0].id, start=start, duration_days=10)]
    project.risks = [Risk(title="Drift", likelihood=4, impact=3, owner="Ann", status="open")]
    return project


def test_the_pseudo_locale_is_complete_and_marked(pseudo_locale):
    assert pseudo_locale.code == CODE
    assert pseudo_locale("more", n=3) == "⟦+ ⟧3⟦ more⟧"
    assert pseudo_locale["risk.band.medium"] == "⟦medium⟧"


def test_scores_speak_the_pseudo_locale(pseudo_locale):
    ranked = rank(_project(), "rice", language=CODE)
    assert ranked[0].score.breakdown.startswith("⟦reach ⟧100")
    assert ranked[1].score.breakdown.startswith("⟦not scored: ⟧⟦missing ⟧⟦Impact⟧")
    assert ranked[1].score.missing == ("Impact", "Confidence %", "Effort (weeks)")  # JSON stays English


def test_markdown_speaks_the_pseudo_locale(pseudo_locale):
    from roadmap_desktop.interchange.markdown import project_to_markdown

    text = project_to_markdown(_project(), today=dt.date(2026, 1, 1))
    headings = re.findall(r"^#{2,3} (.+)$", text, flags=re.M)
    assert headings and all(h.startswith("⟦") or h.startswith("P0") for h in headings), headings
    assert "⟦Planned⟧" in text and "⟦Open⟧" in text
    assert "Requirements" not in text.replace("⟦Requirements⟧", "")


def test_the_risks_command_speaks_the_pseudo_locale(pseudo_locale, monkeypatch, capsys):
    from roadmap_desktop.cli import main
    from roadmap_desktop.commandline import risks

    # A registered catalog is not a file-format language (the project's field lists the built-in ones), so
    # the command gets the project directly; a built-in catalog goes through the file as any project does.
    monkeypatch.setattr(risks, "load", lambda _path: _project())
    assert main(["risks", "plan.roadmap", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["risks"][0]["band"] == "medium"  # JSON keys stay English
    assert main(["risks", "plan.roadmap"]) == 0
    assert "⟦medium⟧" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_pdf_speaks_the_pseudo_locale(pseudo_locale, tmp_path):
    from roadmap_desktop.export.pdf.document import export_pdf

    out = tmp_path / "plan.pdf"
    export_pdf(_project(), out, as_of=dt.date(2026, 1, 1), sections=["title", "requirements", "risks"])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True).stdout
    text = text.decode()
    for phrase in ("⟦Risks⟧", "⟦Medium (⟧8⟦–⟧14⟦)⟧", "⟦Prioritised requirements⟧", "⟦reach ⟧100", "⟦Page ⟧1"):
        assert phrase in text, phrase
    assert "Medium" not in text.replace("⟦Medium (⟧", "")
