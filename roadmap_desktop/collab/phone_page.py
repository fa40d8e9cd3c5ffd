"""The phone page the room serves at ``http://HOST:PORT/``: files from resources/phone, read once, nothing else.

The page holds no project data (that only travels over the code-checked WebSocket); what it needs from the app
is the shape of a new requirement, written into the page so a phone creates one exactly as the desktop does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..crdt.values import entity_values
from ..domain.requirement import Requirement
from ..persistence.paths import resources_dir

DEFAULTS_MARK = b"{{REQUIREMENT_DEFAULTS}}"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}
# The page runs only its own files and talks only to the room it came from.
POLICY = (
    b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    b"connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def requirement_defaults() -> dict[str, object]:
    """A new requirement's fields as the document holds them (the id and title are the phone's)."""
    values = entity_values(Requirement(title=""))
    del values["id"]
    return values


class PhonePage:
    """The ASGI handler for plain HTTP requests to the room."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder if folder is not None else resources_dir() / "phone"
        self.files: dict[str, tuple[bytes, str]] = {}
        for path in sorted(folder.rglob("*")):
            kind = TYPES.get(path.suffix)
            if path.is_file() and kind is not None:
                self.files["/phone/" + path.relative_to(folder).as_posix()] = (path.read_bytes(), kind)
        index = self.files.pop("/phone/index.html", None)
        if index is not None:
            defaults = json.dumps(requirement_defaults(), ensure_ascii=True).replace("<", "\\u003c").encode()
            self.files["/"] = (index[0].replace(DEFAULTS_MARK, defaults), index[1])

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        method = scope.get("method", "GET")
        found = self.files.get(scope.get("path", ""))
        if method not in ("GET", "HEAD"):
            await _respond(send, 405, b"Only GET here.\n", TYPES[".txt"], method)
        elif found is None:
            await _respond(send, 404, b"Not found. Open / for the phone page, or File > Join Live... in the app.\n")
        else:
            await _respond(send, 200, found[0], found[1], method)


async def _respond(send: Callable, status: int, body: bytes, kind: str = TYPES[".txt"], method: str = "GET") -> None:
    headers = [
        (b"content-type", kind.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-cache"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"content-security-policy", POLICY),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})
