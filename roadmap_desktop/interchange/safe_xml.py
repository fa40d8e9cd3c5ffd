"""Reading XML from other programs safely: bounded, regular files only, no entity declarations at all.

A planner file is data from someone else. An XML entity can expand to gigabytes ("billion laughs") or
pull in a local file or a URL (an external entity), so a document that declares any entity is refused
whole; GanttProject and MS Project never write one. defusedxml does this where it is installed (it is
a dependency); the fallback sets the same refusals on the standard library's expat parser.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from ..persistence.errors import ProjectFileError
from ..persistence.regular_file import UnreadableFile, read_regular_file

MAX_XML_BYTES = 50 * 1024 * 1024


class PlannerReadError(ProjectFileError):
    """A planner file cannot be read or imported; ``str()`` is one line naming the file."""


class _Refused(Exception):
    pass


def read_xml(path: str | os.PathLike[str], noun: str) -> ET.Element:
    """The root element of the XML file at ``path``; PlannerReadError with one line otherwise."""
    file = Path(path)
    try:
        data = read_regular_file(file, MAX_XML_BYTES, noun)
    except UnreadableFile as exc:
        if exc.reason == "too_big":
            raise PlannerReadError(file, f"is larger than {MAX_XML_BYTES // (1024 * 1024)} MB") from None
        raise PlannerReadError(file, exc.problem) from None
    return parse_xml(data, file)


def parse_xml(data: bytes, where: str | os.PathLike[str]) -> ET.Element:
    """Parse ``data``; refuses entity declarations, external entities and malformed XML in one line."""
    try:
        return _parse(data)
    except _Refused as exc:
        raise PlannerReadError(
            where, f"is refused: it declares XML entities ({exc}), which planners never write"
        ) from None
    except ET.ParseError as exc:
        raise PlannerReadError(where, f"is not well-formed XML ({exc})") from None
    except ValueError as exc:  # defusedxml's refusals (EntitiesForbidden, ExternalReferenceForbidden, ...)
        if type(exc).__module__.startswith("defusedxml"):
            raise PlannerReadError(
                where, f"is refused: it declares XML entities ({type(exc).__name__}), which planners never write"
            ) from None
        raise


def _parse(data: bytes) -> ET.Element:
    try:
        from defusedxml.ElementTree import fromstring
    except ModuleNotFoundError:
        return _parse_plain(data)
    return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)


def _parse_plain(data: bytes) -> ET.Element:
    """The standard library's expat with every entity declaration refused (what defusedxml does)."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")  # "uri}name": local() reads the name alike

    def refuse(what: str):
        def handler(*args):
            raise _Refused(f"{what} {args[0]!r}" if args and isinstance(args[0], str) else what)

        return handler

    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = refuse("entity")
    parser.UnparsedEntityDeclHandler = refuse("unparsed entity")
    parser.ExternalEntityRefHandler = refuse("external reference")
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ET.ParseError(str(exc)) from None
    return builder.close()


def local(tag: str) -> str:
    """An element's name without its namespace: ``{http://schemas.microsoft.com/project}Task`` -> ``Task``."""
    return tag.rpartition("}")[2]
