"""The shipped JSON Schema matches the field specs and accepts what the app writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from roadmap_desktop.domain.dates import DATE_PATTERN
from roadmap_desktop.domain.fields import FieldKind
from roadmap_desktop.domain.project import COLLECTIONS, ENTITY_TYPES, Project
from roadmap_desktop.persistence import paths, project_file
from roadmap_desktop.persistence.paths import resources_dir
from roadmap_desktop.persistence.schema import SCHEMA_FILE_NAME, build_schema, schema_text
from roadmap_desktop.persistence.serialize import project_to_dict

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / SCHEMA_FILE_NAME


def test_shipped_schema_equals_the_generated_one() -> None:
    # If this fails after changing a field spec, regenerate the file:
    #   python -c "from roadmap_desktop.persistence.schema import schema_text; \
    #              open('resources/project.schema.json', 'w', encoding='utf-8').write(schema_text())"
    assert json.loads(SHIPPED.read_text("utf-8")) == build_schema()
    assert SHIPPED.read_text("utf-8") == schema_text()


def test_loader_finds_the_shipped_schema() -> None:
    assert resources_dir() / SCHEMA_FILE_NAME == SHIPPED


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(build_schema())


def test_every_field_is_described() -> None:
    schema = build_schema()
    for kind, cls in ENTITY_TYPES.items():
        entity = schema["$defs"][kind]
        assert entity["additionalProperties"] is False and entity["required"] == ["id"]
        for spec in cls.FIELDS:
            field = entity["properties"][spec.name]
            if spec.kind is FieldKind.CHOICE:
                assert field["enum"] == list(spec.choices)
            if spec.kind in (FieldKind.INT, FieldKind.FLOAT) and spec.maximum is not None:
                assert field["maximum"] == spec.maximum
            if spec.kind is FieldKind.DATE:
                assert field["type"] == ["string", "null"] and field["pattern"] == DATE_PATTERN
            if spec.kind in (FieldKind.TEXT_LIST, FieldKind.REFS):
                assert field["maxItems"] == 1000 and field["items"]["maxLength"] == 20000
    assert set(schema["properties"]) == {"format", "format_version", "project", "crdt", *COLLECTIONS.values()}
    assert schema["required"] == ["format", "format_version", "project"]


def test_what_the_app_writes_is_valid(sample_project: Project) -> None:
    jsonschema.Draft202012Validator(build_schema()).validate(project_to_dict(sample_project))
    jsonschema.Draft202012Validator(build_schema()).validate(project_to_dict(Project()))


def test_bundle_resources_come_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.models_dir() == tmp_path / "models"


def test_missing_schema_file_falls_back_to_the_generated_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_project: Project
) -> None:
    monkeypatch.setattr(project_file, "resources_dir", lambda: tmp_path / "missing")
    monkeypatch.setattr(project_file, "_VALIDATOR", None)
    path = tmp_path / "p.roadmap"
    project_file.save_project(sample_project, path)
    assert project_file.load_project(path).project.info.name == sample_project.info.name


def test_documented_example_is_a_valid_project() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text("utf-8")
    example = doc.split("## Example", 1)[1].split("```json\n", 1)[1].split("\n```", 1)[0]
    project = project_file.loads_project(example, "file-format.md")
    assert [item.end for item in project.items] == [dt.date(2024, 3, 15), dt.date(2024, 3, 29)]
    assert project.linked(project.items[0], "risk")[0].id == "risk-pii"
    assert project.info.brief.startswith("为客服团队")  # the version 3 field
