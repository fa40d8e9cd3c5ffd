"""The compiled schema check the loader uses first is never more lenient than jsonschema, and changes nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator

import jsonschema
import pytest
from persistence_samples import build_project

from roadmap_desktop.persistence import project_file
from roadmap_desktop.persistence.project_file import dumps_project, loads_project
from roadmap_desktop.persistence.schema import build_schema
from roadmap_desktop.persistence.schema_check import UnsupportedSchema, compile_schema
from roadmap_desktop.persistence.serialize import project_to_dict

SCHEMA = build_schema()
FAST = compile_schema(SCHEMA)
SLOW = jsonschema.Draft202012Validator(SCHEMA)
FULL = project_to_dict(build_project())
# One entity of each kind is enough for the schema (it does not follow links) and keeps the corpus quick.
BASE = {key: value[:1] if isinstance(value, list) else value for key, value in FULL.items()}

# Values that sit on or across the edge of some field's rule somewhere in the schema.
VALUES: list[object] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    5,
    6,
    2.0,
    2.5,
    -0.5,
    1e300,
    10**40,
    "",
    "x",
    "2024-02-29",
    "2024-2-29",
    "2024-02-29\n",
    "roadmap-desktop",
    "must",
    "x" * 20_000,
    "x" * 20_001,
    [],
    ["a"],
    [1],
    ["a"] * 1001,
    {},
    {"a": 1},
    {"": 1},
    {"a": "1"},
    {"a": -1},
    {"k" * 201: 1},
    3,
]


def _paths(value: object, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:1]):
            yield from _paths(child, (*path, index))


def _variants() -> Iterator[object]:
    """Every path of the sample document set to every edge value, plus added and removed keys."""
    for path in _paths(BASE):
        if not path:
            continue
        for value in VALUES:
            doc = copy.deepcopy(BASE)
            target = doc
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = value
            yield doc
        doc = copy.deepcopy(BASE)
        target = doc
        for part in path[:-1]:
            target = target[part]
        if isinstance(target, dict):
            del target[path[-1]]
            yield doc
            added = copy.deepcopy(BASE)
            holder = added
            for part in path[:-1]:
                holder = holder[part]
            holder["unknown_field"] = 1
            yield added


def test_the_sample_passes_both() -> None:
    assert FAST(BASE) and SLOW.is_valid(BASE)
    assert FAST(FULL) and SLOW.is_valid(FULL)


def test_never_more_lenient_than_jsonschema() -> None:
    fast_yes = slow_yes = 0
    for doc in _variants():
        if FAST(doc):
            fast_yes += 1
            assert SLOW.is_valid(doc), json.dumps(doc)[:300]
        slow_yes += SLOW.is_valid(doc)
    # The check is useful too: it accepts nearly every document jsonschema accepts (it says "unsure" only
    # for a float in an integer field).
    assert fast_yes > 0.9 * slow_yes, (fast_yes, slow_yes)


@pytest.mark.parametrize(
    "schema",
    [
        {"oneOf": [{"type": "string"}]},
        {"type": "object", "properties": {"a": {"$ref": "https://elsewhere.invalid/x"}}},
        {"type": "string", "pattern": "a", "format": "email", "contentMediaType": "text/plain"},
        {"type": "thing"},
        {"const": [1]},
    ],
)
def test_a_keyword_it_does_not_know_refuses_to_compile(schema: dict) -> None:
    with pytest.raises(UnsupportedSchema):
        compile_schema(schema)


def test_the_fast_path_builds_the_same_project(monkeypatch: pytest.MonkeyPatch) -> None:
    text = dumps_project(build_project(extra_requirements=5))
    fast = loads_project(text, "fast.roadmap")
    monkeypatch.setattr(project_file, "_FAST_CHECK", None)
    monkeypatch.setattr(project_file, "_NO_FAST_CHECK", True)
    slow = loads_project(text, "slow.roadmap")
    assert project_to_dict(fast) == project_to_dict(slow)
    assert dumps_project(fast) == dumps_project(slow)


def test_the_fast_path_keeps_the_rules_between_fields() -> None:
    """An entry with every field, as saves write them, takes the fast path: an item whose end passes the
    last supported date is still refused (each of its fields alone is fine)."""
    doc = json.loads(dumps_project(build_project()))
    item = next(entry for entry in doc["items"] if not entry["milestone"])
    item["start"], item["duration_days"] = "2200-12-30", 10
    with pytest.raises(project_file.ProjectFileError, match=r"End: 2201-01-08 is after 2200-12-31"):
        loads_project(json.dumps(doc), "edge.roadmap")
