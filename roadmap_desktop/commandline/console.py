"""What the sub-commands print: text without control characters, JSON with them escaped, a quiet end on a closed pipe.

cli.py runs every sub-command inside ``terminal_output()``, which puts a ``TerminalStream`` in front
of ``sys.stdout`` and ``sys.stderr``. Every line any command prints, from the project (titles, owners,
names), from a model file's header, from a model server's error or from a file name, so passes through
``strip_controls``: a crafted project cannot set the terminal's title, write the clipboard (OSC 52),
make a hyperlink or repaint the screen. When the reader of a pipe goes away (``| head``), the rest of
the output is dropped and the command finishes what it was doing (a save included) and exits with its
own code, without a traceback. Any other failure to write (a full disk behind ``> file``) is said in
one line after the command, with exit code 2.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import TextIO

from ..interchange.controls import escape_controls, strip_controls

EXIT_OUTPUT_FAILED = 2


def clean(text: str) -> str:
    """``text`` as a terminal may show it: no escape sequences or control characters but newline and tab."""
    return strip_controls(text, keep="\n\t")


def one_line(text: str) -> str:
    """``text`` as one clean line: for messages that quote file content or names."""
    return " ".join(strip_controls(text, keep="\n\t").split())


def json_text(value: object, indent: int | None = 2) -> str:
    """``value`` as JSON for the terminal: non-ASCII text as it is, every control character escaped."""
    return escape_controls(json.dumps(value, ensure_ascii=False, indent=indent, default=str))


class TerminalStream(io.TextIOBase):
    """A text stream that cleans what is written (``clean``) and survives a closed pipe."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.pipe_closed = False
        self.error: OSError | None = None

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def write(self, text: str) -> int:
        if self.pipe_closed or self.error is not None:
            return len(text)  # the reader has gone or the output is lost: drop the rest
        shown = clean(text)
        try:
            try:
                self.stream.write(shown)
            except UnicodeEncodeError:  # a console or file in a legacy code page: "?" for what it lacks
                self.stream.write(shown.encode(self.encoding, "replace").decode(self.encoding))
        except OSError as exc:
            self._failed(exc)
        return len(text)

    def flush(self) -> None:
        if self.pipe_closed or self.error is not None:
            return
        try:
            self.stream.flush()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        # Windows reports a write to a closed pipe as EINVAL.
        if isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL):
            self.pipe_closed = True
        else:
            self.error = exc


class Terminal:
    """The two wrapped streams of one ``terminal_output()``; ``exit_code`` judges the run afterwards."""

    def __init__(self) -> None:
        self.streams: dict[str, TerminalStream] = {}

    def exit_code(self, code: int) -> int:
        """``code``, or EXIT_OUTPUT_FAILED with one line on stderr when the output could not be written."""
        failed = self.streams.get("stdout")
        if failed is None or failed.error is None:
            return code
        reason = failed.error.strerror or str(failed.error)
        with contextlib.suppress(OSError, ValueError):
            print(f"roadmap-desktop: cannot write the output: {one_line(reason)}", file=sys.stderr, flush=True)
        return EXIT_OUTPUT_FAILED


@contextlib.contextmanager
def terminal_output() -> Iterator[Terminal]:
    """Put a ``TerminalStream`` in front of ``sys.stdout`` and ``sys.stderr`` until the block ends."""
    terminal = Terminal()
    originals = {"stdout": sys.stdout, "stderr": sys.stderr}
    for name, stream in originals.items():
        if stream is not None:  # a windowed build has no console streams
            terminal.streams[name] = TerminalStream(stream)
            setattr(sys, name, terminal.streams[name])
    try:
        yield terminal
    finally:
        for name, wrapped in terminal.streams.items():
            wrapped.flush()
            setattr(sys, name, originals[name])
        for name, wrapped in terminal.streams.items():
            if wrapped.pipe_closed or wrapped.error is not None:
                _discard(originals[name])


def _discard(stream: TextIO) -> None:
    """Point a dead stream's file descriptor at the null device, so that what is left in its buffer
    is not written (and complained about) again when the interpreter exits."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
