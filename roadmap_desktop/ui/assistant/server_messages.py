"""The model server's connection failures in the interface language, with what the user can do next.

llm.remote_engine words its errors in English (they also reach the command line and logs); the panel
recognises the ones a workshop meets (server not started, stopped mid-answer, too slow) and says them
in the user's language. Anything else is shown as it came.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_UNREACHABLE = re.compile(
    r"^Cannot reach the model server at (?P<url>\S+): (?P<why>.+)\. Is a model server running there\?$"
)
_LOST = re.compile(r"^Lost the connection to the model server at (?P<url>\S+) \(")
_BROKE_OFF = re.compile(r"^The model server at (?P<url>\S+) broke off the answer")
_NO_ANSWER = re.compile(r"^The model server at (?P<url>\S+) did not answer within (?P<seconds>[\d.]+) s$")
_NO_ANSWER_WHY = re.compile(r"^no answer within (?P<seconds>[\d.]+) s$")
_NEEDS_KEY = re.compile(r"^The model server at (?P<url>\S+) needs a key: ")
_WRONG_KEY = re.compile(r"^The model server at (?P<url>\S+) refused the key: ")

# The reasons remote_engine gives for an unreachable server.
REASONS = {
    "connection refused": QT_TRANSLATE_NOOP("ServerMessages", "connection refused"),
    "unknown host name": QT_TRANSLATE_NOOP("ServerMessages", "unknown host name"),
    "No route to host": QT_TRANSLATE_NOOP("ServerMessages", "no route to host"),
    "Network is unreachable": QT_TRANSLATE_NOOP("ServerMessages", "network is unreachable"),
}


def server_message(message: str) -> str | None:
    """The failure in the interface language with the next step, or None when it is no known one."""
    local = QCoreApplication.translate("ServerMessages", "Local models still work: choose one in the model list.")
    if found := _UNREACHABLE.match(message):
        why = found["why"]
        if seconds := _NO_ANSWER_WHY.match(why):
            why = QCoreApplication.translate("ServerMessages", "no answer within {seconds} s").format(
                seconds=seconds["seconds"]
            )
        elif why in REASONS:
            why = QCoreApplication.translate("ServerMessages", REASONS[why])
        text = QCoreApplication.translate(
            "ServerMessages",
            "Cannot reach the model server at {url}: {why}. Is a model server running there?",
        )
        return text.format(url=found["url"], why=why) + " " + local
    if found := _LOST.match(message) or _BROKE_OFF.match(message):
        text = QCoreApplication.translate(
            "ServerMessages", "Lost the connection to the model server at {url}: did it stop?"
        )
        return text.format(url=found["url"]) + " " + local
    if found := _NEEDS_KEY.match(message):
        text = QCoreApplication.translate(
            "ServerMessages",
            "The model server at {url} needs a key: type in Key the key that server was started with.",
        )
        return text.format(url=found["url"])
    if found := _WRONG_KEY.match(message):
        text = QCoreApplication.translate(
            "ServerMessages",
            "The model server at {url} refused the key: type in Key the key that server was started with.",
        )
        return text.format(url=found["url"])
    if found := _NO_ANSWER.match(message):
        text = QCoreApplication.translate(
            "ServerMessages",
            "The model server at {url} did not answer within {seconds} s: it may be busy with another laptop.",
        )
        return text.format(url=found["url"], seconds=found["seconds"]) + " " + local
    return None
