"""Project <-> plain JSON-ready dicts, driven by each entity's field specs."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable

from ..crdt.sync_state import SyncState, stored_history, unsaved_base
from ..crdt.values import entity_values  # one mapping of fields to JSON, shared with the Y.Doc
from ..domain.dates import now_stamp, range_problem
from ..domain.entity import Entity
from ..domain.fields import FieldValueError
from ..domain.project import COLLECTIONS, ENTITY_TYPES, Project, ProjectInfo

FORMAT_NAME = "roadmap-desktop"
FORMAT_VERSION = 4
SYNC_KEY = "crdt"  # the shared editing history: {"state": a Yjs update, base64} (docs/file-format.md)


def entity_from_dict(kind: str, data: object) -> Entity:
    cls = ENTITY_TYPES[kind]
    if not isinstance(data, dict):
        raise FieldValueError(f"{kind}: expected an object")
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise FieldValueError(f"{kind}: id must be non-empty text")
    known = {spec.name for spec in cls.FIELDS} | {"id"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise FieldValueError(f"{kind} has unknown field(s): {', '.join(unknown)}")
    entity = cls(**{k: v for k, v in data.items() if k in known})
    entity.validate()  # coerces ISO date strings and checks every value
    return entity


def project_to_dict(project: Project) -> dict:
    info = entity_values(project.info)
    info["created"] = project.created.isoformat()
    info["modified"] = project.modified.isoformat()
    doc: dict[str, object] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "project": info}
    for kind, attr in COLLECTIONS.items():
        doc[attr] = [entity_values(e) for e in project.collection(kind)]
    return doc


def sync_entry(project: Project) -> dict | None:
    """The file's ``crdt`` entry: the project's shared editing history, with its current content written in; None
    when the file keeps none (a project never shared, or too big for it: crdt.sync_state.HISTORY_MAX_ENTITIES)."""
    update = stored_history(project)
    return None if update is None else {"state": base64.b64encode(update).decode("ascii")}


def project_from_dict(doc: dict) -> Project:
    """Build a project from a current-version document; raises ValueError naming the problem."""
    info = dict(doc["project"])
    created = _parse_time(info.pop("created", None), "created")
    modified = _parse_time(info.pop("modified", None), "modified")
    project = Project(info=entity_from_dict("project", info))  # type: ignore[arg-type]
    assert isinstance(project.info, ProjectInfo)
    project.created, project.modified = created, modified
    for kind, attr in COLLECTIONS.items():
        entries = doc.get(attr, [])
        if not isinstance(entries, list):
            raise ValueError(f"{attr}: expected a list")
        read = _reader(kind)
        collection = project.collection(kind)
        for position, data in enumerate(entries):
            try:
                collection.append(read(data))
            except (FieldValueError, TypeError) as exc:
                raise ValueError(f"{attr}[{position}]: {exc}") from None
    project.check_references()  # every entity was validated as it was read
    project.sync = _sync_state(doc) or unsaved_base(project)
    return project


def _sync_state(doc: dict) -> SyncState | None:
    """The history a file keeps, decoded when first needed; None for a file without one (never shared, too big,
    or written before version 4)."""
    entry = doc.get(SYNC_KEY)
    if entry is None:
        return None
    try:
        return SyncState(stored=base64.b64decode(entry["state"], validate=True))
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise ValueError(f"{SYNC_KEY}.state: not base64 text") from None


def _reader(kind: str) -> Callable[[object], Entity]:
    """``entity_from_dict(kind, ...)``, with a fast path for an entry that has every field, as saves write them:
    the values are coerced straight into a new entity's attributes. Anything else, and any value that does
    not pass, goes the general way, which also words the error."""
    cls = ENTITY_TYPES[kind]
    coercers = cls.coercers()
    every = frozenset(name for name, _ in coercers) | {"id"}
    if hasattr(cls, "__post_init__"):  # built without __init__, it would be skipped
        return lambda data: entity_from_dict(kind, data)

    def read(data: object) -> Entity:
        if type(data) is dict and data.keys() == every:
            entity_id = data["id"]
            if type(entity_id) is str and entity_id.strip():
                entity = object.__new__(cls)
                values = entity.__dict__
                try:
                    values["id"] = entity_id
                    for name, coerce_value in coercers:
                        values[name] = coerce_value(data[name])
                    entity.check()  # the rules between fields (an item's end inside the supported dates)
                except FieldValueError:
                    return entity_from_dict(kind, data)
                return entity
        return entity_from_dict(kind, data)

    return read


def _parse_time(value: object, name: str) -> dt.datetime:
    if value is None:
        return now_stamp()
    if not isinstance(value, str):
        raise ValueError(f"project.{name}: expected a date-time text")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"project.{name}: {value!r} is not an ISO date-time") from None
    problem = range_problem(parsed.date())
    if problem:
        raise ValueError(f"project.{name}: {problem}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
