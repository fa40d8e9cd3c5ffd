"""The LLM thread: one long-lived QThread owns one LlmWorker, which owns the Engine.

The ``Llama`` object is created, used and closed only in that thread. The GUI talks to it through
``LlmController``: requests travel as queued signals (controller signal -> worker slot) and results
come back as queued signals (worker signal -> controller's bound slot -> controller signal).

Policy for a request made while another runs: it is QUEUED. The worker's slots run one at a time
in the worker thread's event loop, so a second ``generate_requested`` waits in that queue until the
first generation ends; nothing is replaced implicitly. To replace, cancel the running request
first (cancel does not travel through the queue, so it takes effect at once).

Cancellation is by request id: a lock-protected set the worker checks when a request starts and
between tokens, plus a per-request ``threading.Event`` handed to the Engine as its abort flag, so
llama.cpp's abort callback stops a long prompt evaluation too. A cancel that arrives before its
request starts still counts: the request then finishes at once, cancelled.

Before a local model is loaded here, ``probe.check_model`` checks it: its header, then (the first
time a file is used) a load in a child process, so a model that crashes llama.cpp is refused
instead of taking the app down. That runs in this thread, never the GUI's; ``model_checking`` says
it started, and shutting down stops it.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from roadmap_desktop.llm.catalog import ModelFileError
from roadmap_desktop.llm.engine_api import DEFAULT_N_CTX, ChatEngine, EngineError
from roadmap_desktop.llm.probe import check_model
from roadmap_desktop.llm.remote_engine import RemoteEngine, is_server_url

GENERATE_OPTIONS = (
    "max_tokens",
    "temperature",
    "response_format",
    "seed",
    "repeat_penalty",
    "frequency_penalty",
    "presence_penalty",
)


def local_engine() -> ChatEngine:
    """A llama.cpp engine. Imported here, on first use, so a model server never loads llama_cpp."""
    from roadmap_desktop.llm.engine import Engine

    return Engine()


def _message(exc: BaseException) -> str:
    if isinstance(exc, EngineError | ModelFileError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class LlmWorker(QObject):
    """Lives in the LLM thread. Every slot catches every exception and reports it as a signal."""

    model_checking = Signal(str)  # path: the first use of a model file, checked in a child process
    model_loaded = Signal(str, object)  # path, info dict
    load_failed = Signal(str)  # message
    token_received = Signal(int, str)  # request id, text piece
    generation_finished = Signal(int, str, object)  # request id, full text, stats dict
    generation_failed = Signal(int, str)  # request id, message
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._engine: ChatEngine | None = None
        self._lock = threading.Lock()
        self._cancelled: set[int] = set()
        self._cancel_all_upto = 0  # every request id <= this is cancelled
        self._current_id: int | None = None
        self._current_flag: threading.Event | None = None
        self._load_flag: threading.Event | None = None  # set to stop a running model check

    # -- thread-safe, called from the GUI thread ---------------------------------------------------
    def cancel(self, request_id: int) -> None:
        with self._lock:
            self._cancelled.add(request_id)
            if self._current_id == request_id and self._current_flag is not None:
                self._current_flag.set()

    def cancel_all(self, upto: int) -> None:
        """Cancel the running request and every queued one with an id <= ``upto``."""
        with self._lock:
            self._cancel_all_upto = max(self._cancel_all_upto, upto)
            if self._current_flag is not None:
                self._current_flag.set()
            if self._load_flag is not None:
                self._load_flag.set()

    def _is_cancelled(self, request_id: int) -> bool:
        return request_id in self._cancelled or request_id <= self._cancel_all_upto

    # -- slots, run in the worker thread -----------------------------------------------------------
    @Slot(str, object)
    def load_requested(self, path: str, options: dict[str, Any] | None) -> None:
        """``path`` is a .gguf file, or the http(s) address of a model server (``roadmap-desktop serve``)."""
        flag = threading.Event()
        with self._lock:
            self._load_flag = flag
        try:
            options = dict(options or {})
            remote = is_server_url(path)
            if not remote:
                check_model(path, cancel=flag, on_probe=lambda: self.model_checking.emit(path))
            if self._engine is None or isinstance(self._engine, RemoteEngine) != remote:
                if self._engine is not None:
                    self._engine.close()  # frees a local model's memory when switching to a server
                    self._engine = None
                self._engine = RemoteEngine() if remote else local_engine()
            # A server's key (Authorization: Bearer) and which of its models; a local model has neither.
            server_options = (
                {key: options.get(key) or None for key in ("api_key", "model", "prefer_model")} if remote else {}
            )
            info = self._engine.load(
                path,
                n_ctx=int(options.get("n_ctx") or DEFAULT_N_CTX),
                n_threads=options.get("n_threads"),
                n_gpu_layers=int(options.get("n_gpu_layers") or 0),
                verbose=bool(options.get("verbose", False)),
                **server_options,
            )
        except BaseException as exc:  # the thread must never die silently
            self.load_failed.emit(_message(exc))
            return
        finally:
            with self._lock:
                self._load_flag = None
        self.model_loaded.emit(path, info.as_dict())

    @Slot(int, object, object)
    def generate_requested(
        self, request_id: int, messages: list[dict[str, Any]], options: dict[str, Any] | None
    ) -> None:
        flag = threading.Event()
        with self._lock:
            if self._is_cancelled(request_id):
                self._cancelled.discard(request_id)
                cancelled_early = True
            else:
                cancelled_early = False
                self._current_id, self._current_flag = request_id, flag
        if cancelled_early:
            self.generation_finished.emit(request_id, "", _stats(0, 0.0, None, cancelled=True))
            return
        start = time.perf_counter()
        try:
            if self._engine is None or not self._engine.loaded:
                raise EngineError("No model is loaded")
            kwargs = {key: value for key, value in dict(options or {}).items() if key in GENERATE_OPTIONS}
            stream = self._engine.stream_chat(list(messages), cancel=flag, **kwargs)
            for piece in stream:
                self.token_received.emit(request_id, piece)
            result = stream.result
        except BaseException as exc:  # the thread must never die silently
            self.generation_failed.emit(request_id, _message(exc))
            return
        finally:
            with self._lock:
                self._current_id, self._current_flag = None, None
                self._cancelled.discard(request_id)
        stats = _stats(
            result.tokens,
            time.perf_counter() - start,
            result.time_to_first_token,
            cancelled=result.cancelled,
            prompt_tokens=result.prompt_tokens,
            finish_reason=result.finish_reason,
        )
        self.generation_finished.emit(request_id, result.text, stats)

    @Slot()
    def close_requested(self) -> None:
        try:
            if self._engine is not None:
                self._engine.close()
        except BaseException as exc:
            self.load_failed.emit(f"Closing the model failed: {_message(exc)}")
        finally:
            self._engine = None
            self.closed.emit()


def _stats(tokens: int, seconds: float, ttft: float | None, *, cancelled: bool, **extra: Any) -> dict[str, Any]:
    generating = seconds - (ttft or 0.0)
    return {
        "tokens": tokens,
        "seconds": seconds,
        "tokens_per_second": tokens / generating if tokens and generating > 0 else 0.0,
        "time_to_first_token": ttft,
        "cancelled": cancelled,
        **extra,
    }


class LlmController(QObject):
    """GUI-side owner of the LLM thread. Numbers requests, re-emits the worker's signals on the GUI
    thread and drops tokens of cancelled (stale) requests."""

    model_checking = Signal(str)
    model_loaded = Signal(str, object)
    load_failed = Signal(str)
    token_received = Signal(int, str)
    generation_finished = Signal(int, str, object)
    generation_failed = Signal(int, str)

    # Requests to the worker: queued connections, because the worker lives in another thread.
    _load_wanted = Signal(str, object)
    _generate_wanted = Signal(int, object, object)
    _close_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._next_id = 0
        self._pending: set[int] = set()  # sent and not yet finished or failed
        self._dropped: set[int] = set()  # cancelled: their tokens are stale
        self._thread = QThread()
        self._thread.setObjectName("llm-worker")
        self._worker = LlmWorker()
        self._worker.moveToThread(self._thread)
        self._load_wanted.connect(self._worker.load_requested)
        self._generate_wanted.connect(self._worker.generate_requested)
        self._close_wanted.connect(self._worker.close_requested)
        # Bound slots of this GUI-thread object, never lambdas: in PySide6 a lambda connected to a
        # worker signal runs in the worker thread.
        self._worker.model_checking.connect(self._on_model_checking)
        self._worker.model_loaded.connect(self._on_model_loaded)
        self._worker.load_failed.connect(self._on_load_failed)
        self._worker.token_received.connect(self._on_token_received)
        self._worker.generation_finished.connect(self._on_generation_finished)
        self._worker.generation_failed.connect(self._on_generation_failed)
        # Direct: runs in the worker thread right after the engine is closed and ends its event
        # loop. (Auto would queue it to the GUI thread, which is blocked in wait() by then.)
        self._worker.closed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._shut_down = False
        self._thread.start()

    # -- requests ----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def pending_requests(self) -> set[int]:
        return set(self._pending)

    def load(self, path: str, options: dict[str, Any] | None = None) -> None:
        self._check_open()
        self._load_wanted.emit(str(path), dict(options or {}))

    def generate(self, messages: list[dict[str, Any]], options: dict[str, Any] | None = None) -> int:
        """Queue a generation; returns its request id. Runs after any request already queued."""
        self._check_open()
        self._next_id += 1
        request_id = self._next_id
        self._pending.add(request_id)
        self._generate_wanted.emit(request_id, list(messages), dict(options or {}))
        return request_id

    def cancel(self, request_id: int) -> None:
        """Thread-safe. Stops the request within one token (or at once if it has not started)."""
        self._dropped.add(request_id)
        self._worker.cancel(request_id)

    def cancel_all(self) -> None:
        self._dropped.update(self._pending)
        self._worker.cancel_all(self._next_id)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything, close the engine in its thread, stop the thread. True if it stopped."""
        if self._shut_down:
            return not self._thread.isRunning()
        self._shut_down = True
        if self._thread.isRunning():
            self.cancel_all()
            self._close_wanted.emit()  # queued behind pending requests, which finish at once
            if not self._thread.wait(timeout_ms):
                return False
        return True

    def _check_open(self) -> None:
        if self._shut_down:
            raise RuntimeError("the LLM controller has been shut down")

    # -- results, on the GUI thread -------------------------------------------------------------
    @Slot(str)
    def _on_model_checking(self, path: str) -> None:
        self.model_checking.emit(path)

    @Slot(str, object)
    def _on_model_loaded(self, path: str, info: dict[str, Any]) -> None:
        self.model_loaded.emit(path, info)

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self.load_failed.emit(message)

    @Slot(int, str)
    def _on_token_received(self, request_id: int, text: str) -> None:
        if request_id in self._dropped or request_id not in self._pending:
            return
        self.token_received.emit(request_id, text)

    @Slot(int, str, object)
    def _on_generation_finished(self, request_id: int, text: str, stats: dict[str, Any]) -> None:
        self._pending.discard(request_id)
        if request_id in self._dropped:
            self._dropped.discard(request_id)
            stats = {**stats, "cancelled": True}
        self.generation_finished.emit(request_id, text, stats)

    @Slot(int, str)
    def _on_generation_failed(self, request_id: int, message: str) -> None:
        self._pending.discard(request_id)
        self._dropped.discard(request_id)
        self.generation_failed.emit(request_id, message)
