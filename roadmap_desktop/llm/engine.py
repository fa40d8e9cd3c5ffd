"""The llama.cpp engine: the only module in the app that imports ``llama_cpp``.

Qt-free and single-threaded by contract: one ``Engine`` is created, used and closed on one thread
(the LLM worker thread). The only members that may be called from another thread are
``request_abort()`` and the ``cancel`` flag handed to ``stream_chat``.

Cancellation reaches inside llama.cpp: an abort callback installed on the context
(``llama_set_abort_callback``) is polled by the CPU backend between graph nodes, so a long prompt
evaluation stops within milliseconds. The aborted decode surfaces in llama-cpp-python as
``RuntimeError("llama_decode returned 2")``; ``stream_chat`` turns that into a clean cancelled
outcome (the stream just ends, with ``cancelled`` set). The chat template is rendered within
limits that the same cancel flag also stops (``chat_template.py``).

Loading checks the file's header first (``catalog.read_model_info``: a regular file, well-formed,
no values llama.cpp asserts on). A model that still crashes llama.cpp is caught by loading it once
in a child process before this engine loads it (``probe.py``; the callers do that).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import llama_cpp
from llama_cpp import llama_chat_format, llama_grammar

from .catalog import ModelFileError, UnusableModelError, read_model_info
from .chat_template import ChatTemplate, RenderedPrompt
from .engine_api import (
    DEFAULT_N_CTX,
    FREQUENCY_PENALTY,
    PRESENCE_PENALTY,
    REPEAT_PENALTY,
    CancelFlag,
    Cancelled,
    ChatStream,
    EngineError,
    GenerationResult,
    check_response_format,
    run_to_end,
)

FALLBACK_CHAT_FORMAT = "chatml"
# llama_decode's return code when the abort callback stopped it.
_ABORTED_DECODE = "llama_decode returned 2"


@dataclass
class ModelInfo:
    path: str
    n_ctx: int
    n_threads: int
    n_gpu_layers: int
    chat_format: str
    chat_template_note: str
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "n_ctx": self.n_ctx,
            "n_threads": self.n_threads,
            "n_gpu_layers": self.n_gpu_layers,
            "chat_format": self.chat_format,
            "chat_template_note": self.chat_template_note,
            "notes": list(self.notes),
        }


def gpu_offload_supported() -> bool:
    """True when this llama.cpp build can offload layers to a GPU."""
    try:
        return bool(llama_cpp.llama_supports_gpu_offload())
    except Exception:  # an odd build without the symbol: treat as CPU-only
        return False


def default_threads() -> int:
    """CPU threads for the model: leave the GUI a core on small machines."""
    cores = os.cpu_count() or 1
    return max(1, cores - 1) if cores <= 4 else max(1, cores - 2)


def check_gguf_file(path: str | os.PathLike[str]) -> Path:
    """Checks before handing a file to llama.cpp; raises EngineError with one clear line.

    A regular file (never a FIFO or device, which would block llama.cpp's open), with the GGUF
    signature, a well-formed header and no values llama.cpp asserts on.
    """
    file = Path(path)
    if not file.exists():
        raise EngineError(f"Model file not found: {file}")
    if not file.is_file():
        raise EngineError(f"Not a model file (a folder or device): {file}")
    try:
        read_model_info(file)
    except UnusableModelError as exc:
        raise EngineError(f"Cannot load {file.name}: {exc.problem}") from None
    except ModelFileError as exc:
        if "GGUF signature" in exc.problem or "empty file" in exc.problem:
            raise EngineError(f"Not a GGUF model file: {file.name} (expected the GGUF header)") from None
        if exc.problem.startswith(("truncated", "malformed", "unsupported", "big-endian")):
            raise EngineError(f"The model file is damaged or incomplete: {file.name} ({exc.problem})") from None
        raise EngineError(f"Cannot read model file {file.name}: {exc.problem}") from None
    return file


class _UncompiledTemplate:
    """Stands in for llama-cpp-python's Jinja2ChatFormatter while a ``Llama`` is constructed.

    ``Llama()`` compiles every chat template in the file, without limits and without catching a
    syntax error (an ``assist`` traceback). This engine never uses those handlers: it renders with
    its own bounded ``ChatTemplate`` and reports an unusable template as a note.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def to_chat_handler(self) -> Any:
        def handler(*args: Any, **kwargs: Any) -> Any:
            raise EngineError("create_chat_completion is not used by this app's engine")

        return handler


_construct_lock = threading.Lock()


@contextlib.contextmanager
def _templates_left_uncompiled() -> Iterator[None]:
    with _construct_lock:
        original = llama_chat_format.Jinja2ChatFormatter
        llama_chat_format.Jinja2ChatFormatter = _UncompiledTemplate  # type: ignore[misc, assignment]
        try:
            yield
        finally:
            llama_chat_format.Jinja2ChatFormatter = original  # type: ignore[misc]


def _chat_template(llama: llama_cpp.Llama, template: str) -> ChatTemplate:
    model = llama._model
    eos, bos = llama.token_eos(), llama.token_bos()
    return ChatTemplate(
        template,
        eos_token=model.token_get_text(eos) if eos != -1 else "",
        bos_token=model.token_get_text(bos) if bos != -1 else "",
    )


def _grammar(response_format: dict[str, Any] | None) -> llama_grammar.LlamaGrammar | None:
    check_response_format(response_format)
    if response_format is None:
        return None
    try:
        if "schema" in response_format:
            return llama_grammar.LlamaGrammar.from_json_schema(json.dumps(response_format["schema"]), verbose=False)
        return llama_grammar.LlamaGrammar.from_string(llama_grammar.JSON_GBNF, verbose=False)
    except Exception as exc:
        raise EngineError(f"The JSON schema cannot be used to constrain the output: {exc}") from exc


def _split_at_stop(text: str, stops: list[str]) -> tuple[str, str, bool]:
    """(text safe to emit, text held back, whether a stop string was reached)."""
    if not stops:
        return text, "", False
    for stop in stops:
        at = text.find(stop)
        if at >= 0:
            return text[:at], "", True
    hold = 0
    for stop in stops:
        for size in range(min(len(stop) - 1, len(text)), 0, -1):
            if text.endswith(stop[:size]):
                hold = max(hold, size)
                break
    return text[: len(text) - hold], text[len(text) - hold :], False


class _StopFilter:
    """Holds back streamed text that could be the start of a stop string until the next piece decides."""

    def __init__(self, stops: list[str]) -> None:
        self.stops = stops
        self.pending = ""
        self.stopped = False  # a stop string was reached: nothing after it belongs to the answer

    def feed(self, text: str) -> str:
        """The part of ``pending + text`` that is surely answer text."""
        safe, self.pending, self.stopped = _split_at_stop(self.pending + text, self.stops)
        return safe

    def flush(self, tail: str = "") -> str:
        """At the end of generation (end-of-generation token, token budget): the held-back text is
        answer text after all, unless it (with the decoder's last ``tail``) completes a stop string."""
        text, self.pending = self.pending + tail, ""
        for stop in self.stops:
            at = text.find(stop)
            if at >= 0:
                self.stopped = True
                text = text[:at]
        return text


class Engine:
    """One llama.cpp model. Not thread-safe: use it from a single thread (see module docstring)."""

    def __init__(self) -> None:
        self._llama: llama_cpp.Llama | None = None
        self.info: ModelInfo | None = None
        self._abort_requested = False  # set from any thread by request_abort()
        self._cancel: CancelFlag = None
        self._template: ChatTemplate | None = None
        # Kept on self: ctypes does not keep the callback alive, and llama.cpp calling a collected
        # callback crashes the process.
        self._abort_callback = llama_cpp.ggml_abort_callback(self._should_abort)

    # -- state ---------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._llama is not None

    @property
    def chat_template_note(self) -> str:
        return self.info.chat_template_note if self.info else ""

    # -- loading -------------------------------------------------------------------------------
    def load(
        self,
        path: str | os.PathLike[str],
        n_ctx: int = DEFAULT_N_CTX,
        n_threads: int | None = None,
        n_gpu_layers: int = 0,
        verbose: bool = False,
    ) -> ModelInfo:
        """Load a GGUF model, replacing any loaded one. Raises EngineError on any failure."""
        file = check_gguf_file(path)
        self.close()
        threads = n_threads or default_threads()
        notes: list[str] = []
        try:
            llama = self._create(file, n_ctx, threads, n_gpu_layers, verbose)
        except EngineError as exc:
            if n_gpu_layers == 0:
                raise
            llama = self._create(file, n_ctx, threads, 0, verbose)
            notes.append(f"GPU offload failed ({exc}); running on the CPU")
            n_gpu_layers = 0
        template = llama.metadata.get("tokenizer.chat_template")
        self._template = None
        if template:
            try:
                self._template = _chat_template(llama, template)
                note = "Chat template: from the model file"
            except EngineError as exc:  # too long, or a template jinja2 cannot compile
                note = f"The model's chat template is unusable ({exc}); using a generic ChatML format"
        else:
            note = "The model file has no chat template; using a generic ChatML format"
        if self._template is None:
            llama.chat_format = FALLBACK_CHAT_FORMAT
        llama_cpp.llama_set_abort_callback(llama._ctx.ctx, self._abort_callback, None)
        self._llama = llama
        self.info = ModelInfo(
            path=str(file),
            n_ctx=llama.n_ctx(),
            n_threads=threads,
            n_gpu_layers=n_gpu_layers,
            chat_format=str(llama.chat_format),
            chat_template_note=note,
            notes=notes,
        )
        return self.info

    @staticmethod
    def _create(file: Path, n_ctx: int, n_threads: int, n_gpu_layers: int, verbose: bool) -> llama_cpp.Llama:
        try:
            with _templates_left_uncompiled():
                return llama_cpp.Llama(
                    model_path=str(file),
                    n_ctx=n_ctx,
                    n_threads=n_threads,
                    n_threads_batch=n_threads,
                    n_gpu_layers=n_gpu_layers,
                    verbose=verbose,
                )
        except ValueError as exc:  # "Failed to load model from file: ..." and friends
            text = " ".join(str(exc).split())
            if "load model" in text:
                raise EngineError(
                    f"llama.cpp cannot load {file.name}: the file is damaged or incomplete, or of a model "
                    "architecture this llama.cpp does not know"
                ) from exc
            raise EngineError(f"Cannot load {file.name}: {text}") from exc
        except Exception as exc:  # OSError, RuntimeError, MemoryError, anything llama-cpp-python lets through
            text = " ".join(str(exc).split()) or type(exc).__name__
            raise EngineError(f"Cannot load {file.name}: {text}") from exc

    def close(self) -> None:
        """Free the model (and its context). Safe to call repeatedly."""
        llama, self._llama, self.info, self._template = self._llama, None, None, None
        if llama is not None:
            llama.close()

    def _require(self) -> llama_cpp.Llama:
        if self._llama is None:
            raise EngineError("No model is loaded")
        return self._llama

    # -- cancellation ----------------------------------------------------------------------------
    def request_abort(self) -> None:
        """Thread-safe: stop the current request (also mid prompt evaluation)."""
        self._abort_requested = True

    def _cancel_set(self) -> bool:
        if self._abort_requested:
            return True
        cancel = self._cancel
        if cancel is None:
            return False
        if isinstance(cancel, threading.Event):
            return cancel.is_set()
        return bool(cancel())

    def _should_abort(self, _data: Any) -> bool:
        # Called by llama.cpp's CPU backend between graph nodes, on a compute thread. It must
        # never raise: an exception here would be printed and treated as "do not abort".
        try:
            return self._cancel_set()
        except Exception:
            return True

    # -- inference -------------------------------------------------------------------------------
    def count_tokens(self, text: str) -> int:
        return len(self._require().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def stream_chat(
        self,
        messages: list[dict[str, Any]],
        *,
        max_tokens: int = 512,
        temperature: float = 0.7,
        response_format: dict[str, Any] | None = None,
        cancel: CancelFlag = None,
        seed: int | None = None,
        repeat_penalty: float = REPEAT_PENALTY,
        frequency_penalty: float = FREQUENCY_PENALTY,
        presence_penalty: float = PRESENCE_PENALTY,
        stop: list[str] | str | None = None,
    ) -> ChatStream:
        """Stream the assistant's reply as text pieces, in order.

        The returned iterator also has ``result`` (a GenerationResult). Cancelling (``cancel`` set,
        or ``request_abort()``) ends the stream early, within one token, with ``result.cancelled``;
        it never raises. Other failures raise EngineError.

        ``response_format`` follows llama-cpp-python: ``{"type": "json_object"}`` for free JSON,
        plus ``"schema"`` to constrain it. Unlike llama-cpp-python, a schema that cannot be turned
        into a grammar is an error here, not a silent fall-back to free JSON. ``stop`` adds stop
        strings to the chat template's own.
        """
        llama = self._require()
        grammar = _grammar(response_format)
        # A fresh request: forget any earlier abort, then watch this request's flag from here on:
        # rendering the chat template can take long too.
        self._abort_requested = False
        self._cancel = cancel
        try:
            rendered = self._render(messages)
            stops = list(rendered.stop)
            stops += [stop] if isinstance(stop, str) else list(stop or ())
            stops = [s for s in stops if s]
            tokens = llama.tokenize(rendered.prompt.encode("utf-8"), add_bos=not rendered.added_special, special=True)
            room = llama.n_ctx() - len(tokens)
            if room <= 0:
                raise EngineError(
                    f"The prompt has {len(tokens)} tokens, more than the context length ({llama.n_ctx()})"
                )
        except Cancelled:
            self._cancel, self._abort_requested = None, False
            return ChatStream(iter(()), GenerationResult(cancelled=True))
        except BaseException:
            self._cancel, self._abort_requested = None, False
            raise
        sampling = {
            "temp": temperature,
            "repeat_penalty": repeat_penalty,
            "frequency_penalty": frequency_penalty,
            "presence_penalty": presence_penalty,
            "grammar": grammar,
        }
        result = GenerationResult(prompt_tokens=len(tokens))
        if seed is not None:
            llama.set_seed(seed)
        pieces = self._pieces(llama, tokens, min(max_tokens, room), stops, sampling, result)
        return ChatStream(pieces, result)

    def _render(self, messages: list[dict[str, Any]]) -> RenderedPrompt:
        """The prompt text for ``messages``, its stop strings, and whether it has BOS already.

        Raises Cancelled when the request is cancelled while the template runs."""
        if self._template is not None:
            return self._template.render(messages, cancel=self._cancel_set)
        try:
            response = llama_chat_format.format_chatml(messages=messages)
        except Exception as exc:  # a message without role or content
            raise EngineError(f"The messages could not be formatted: {exc}") from exc
        stop = response.stop or []
        stops = [stop] if isinstance(stop, str) else [s for s in stop if s]
        return RenderedPrompt(response.prompt, stops, bool(response.added_special))

    def _pieces(
        self,
        llama: llama_cpp.Llama,
        tokens: list[int],
        max_tokens: int,
        stops: list[str],
        sampling: dict[str, Any],
        result: GenerationResult,
    ) -> Iterator[str]:
        # A lean loop over Llama.generate instead of create_chat_completion(stream=True): the
        # latter re-detokenises the whole completion on every token (stop-string and logprob
        # bookkeeping) and reached only 0.86-0.93 of the plain loop's speed.
        start = time.perf_counter()
        parts: list[str] = []
        held = _StopFilter(stops)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        vocab = llama._model.vocab
        generated = 0
        tokens_out = None
        try:
            if self._cancel_set():
                raise Cancelled
            tokens_out = llama.generate(tokens, reset=True, **sampling)
            for token in tokens_out:
                if self._cancel_set():
                    raise Cancelled
                if llama_cpp.llama_vocab_is_eog(vocab, token):
                    result.finish_reason = "stop"
                    break
                generated += 1
                text = held.feed(decoder.decode(llama.detokenize([token])))
                if text:
                    if result.time_to_first_token is None:
                        result.time_to_first_token = time.perf_counter() - start
                    parts.append(text)
                    result.pieces += 1
                    yield text
                if held.stopped:
                    result.finish_reason = "stop"
                    break
                if generated >= max_tokens:
                    result.finish_reason = "length"
                    break
            else:
                result.finish_reason = "length"
            if not held.stopped:
                # The answer ended (end-of-generation token or token budget) with text held back as
                # a possible stop-string start: it never became one, so it is answer text.
                tail = held.flush(decoder.decode(b"", final=True))
                if tail:
                    if result.time_to_first_token is None:
                        result.time_to_first_token = time.perf_counter() - start
                    parts.append(tail)
                    result.pieces += 1
                    yield tail
        except Cancelled:
            result.cancelled = True
        except RuntimeError as exc:
            # The abort callback stopped llama_decode: "llama_decode returned 2".
            if _ABORTED_DECODE in str(exc) or self._cancel_set():
                result.cancelled = True
            else:
                raise EngineError(f"Generation failed: {exc}") from exc
        finally:
            if tokens_out is not None:
                tokens_out.close()
            if result.cancelled:
                result.finish_reason = None
            result.tokens = generated
            result.text = "".join(parts)
            result.seconds = time.perf_counter() - start
            self._cancel = None
            self._abort_requested = False

    def first_token(self) -> str:
        """Compute one token for a short prompt: llama.cpp asserts on some bad values only when it
        computes (the probe's check that a model runs, not only loads)."""
        llama = self._require()
        tokens = llama.tokenize(b"Hello", add_bos=True, special=False)
        generator = llama.generate(tokens, reset=True, temp=0.0)
        try:
            token = next(generator)
        except RuntimeError as exc:
            raise EngineError(f"Computing a first token failed: {exc}") from exc
        finally:
            generator.close()
        return llama.detokenize([token]).decode("utf-8", errors="replace")

    def generate_text(self, messages: list[dict[str, Any]], **options: Any) -> GenerationResult:
        """Convenience: run ``stream_chat`` to the end and return its result."""
        return run_to_end(self.stream_chat(messages, **options))


# -- the model server (roadmap-desktop serve) ---------------------------------------------------------

# pydantic-settings fills every setting not given from an environment variable of its name (API_KEY,
# N_CTX, CHAT_FORMAT, ...): this prefix matches none, so the server runs with exactly what is given.
_NO_ENV = {"_env_prefix": "ROADMAP_DESKTOP_UNUSED_", "_env_file": None}


def server_settings(
    model: str | os.PathLike[str], *, alias: str, n_ctx: int, n_threads: int, n_gpu_layers: int, verbose: bool
) -> tuple[Any, Any]:
    """(ServerSettings, ModelSettings) of llama-cpp-python's server for one model."""
    from llama_cpp.server.settings import ModelSettings, ServerSettings

    served = ModelSettings(
        model=str(model),
        model_alias=alias,  # what /v1/models shows the laptops: the file name, not this computer's paths
        n_ctx=n_ctx,
        n_threads=n_threads,
        n_threads_batch=n_threads,
        n_gpu_layers=n_gpu_layers,
        logits_all=False,  # only the last token's logits are needed; faster prompt evaluation
        verbose=verbose,
        **_NO_ENV,
    )
    # Queue the laptops' requests: by default a new request cuts off the one streaming. The key is
    # checked by the request guard in front of the app, for every address.
    server = ServerSettings(interrupt_requests=False, api_key=None, **_NO_ENV)
    return server, served


def create_server_app(
    model: str | os.PathLike[str], *, alias: str, n_ctx: int, n_threads: int, n_gpu_layers: int, verbose: bool
) -> Any:
    """llama-cpp-python's OpenAI-compatible server app (FastAPI) with the model loaded; EngineError
    in one line when llama.cpp refuses the model."""
    from llama_cpp.server.app import create_app

    server, served = server_settings(
        model, alias=alias, n_ctx=n_ctx, n_threads=n_threads, n_gpu_layers=n_gpu_layers, verbose=verbose
    )
    os.environ.pop("CONFIG_FILE", None)  # create_app would take every setting from that file instead
    try:
        return create_app(server_settings=server, model_settings=[served])
    except Exception as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        if reason.startswith("Failed to load model from file"):  # it names only the path
            reason = "its loader refused the file (--verbose shows llama.cpp's reason)"
        raise EngineError(f"llama.cpp cannot load {Path(model).name}: {reason[:300]}") from None
