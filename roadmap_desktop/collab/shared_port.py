"""One address for the model and the room (``serve --room``): an ASGI router that gives the room its own paths
(the WebSocket ``/room``, the phone page ``/`` and ``/phone/…``) and every other request to the model server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

App = Callable[[dict, Callable, Callable], Awaitable[None]]
PAGE_PREFIX = "/phone/"


def is_room_request(scope: dict[str, Any]) -> bool:
    """Every WebSocket (the room refuses any path but /room, and the model server speaks none), and the page."""
    if scope["type"] == "websocket":
        return True
    path = scope.get("path", "")
    return scope["type"] == "http" and (path == "/" or path.startswith(PAGE_PREFIX))


class SharedPort:
    """The room beside another app on one port; the other app (the model server's request guard) keeps its own
    rules (its key, its host check) for its routes, and the room its join code."""

    def __init__(self, room: App, other: App) -> None:
        self.room = room
        self.other = other

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "lifespan" or is_room_request(scope):  # the room answers a lifespan, should one come
            await self.room(scope, receive, send)
        else:
            await self.other(scope, receive, send)
