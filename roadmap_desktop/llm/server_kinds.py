"""The OpenAI-compatible model servers the assistant knows, and where they differ.

They all stream ``/v1/chat/completions`` as Server-Sent Events, but differ exactly where the
assistant depends on them:

- structured output: llama-cpp-python (and ``roadmap-desktop serve``, built on it) enforces
  ``{"type": "json_object", "schema": S}``; llama.cpp's llama-server, LM Studio, vLLM and Ollama
  (0.5 and later, through its OpenAI endpoint) enforce OpenAI's ``{"type": "json_schema",
  "json_schema": {"schema": S}}``; Ollama before 0.5 has a JSON mode only; an unknown server may
  ignore either.
- recognising them: the ``Server`` header and ``owned_by`` of ``/v1/models`` (llama-server,
  llama-cpp-python, LM Studio, vLLM, our own serve), else a probe: Ollama's ``/api/version``,
  llama-server's ``/props``, LM Studio's ``/api/v0/models``.
- the model list: ``/v1/models``, with details from Ollama's ``/api/tags`` and ``/api/ps`` and LM
  Studio's ``/api/v0/models`` (which also tell chat models from embedding models), llama-server's
  ``meta`` and vLLM's ``max_model_len``.
- sampling fields and token counting.

Pure functions over parsed JSON: ``remote_engine`` does the talking, within its bounds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .server_stream import printable

JSON_OBJECT = "json_object"  # {"type": "json_object", "schema": S}
JSON_SCHEMA = "json_schema"  # {"type": "json_schema", "json_schema": {"name": ..., "strict": true, "schema": S}}
JSON_MODE = "json_mode"  # {"type": "json_object"}: any JSON, the schema is not enforced

MAX_MODELS = 100
SCHEMA_NAME = "answer"


@dataclass(frozen=True)
class ServerKind:
    """One kind of server: how to ask it for structured output, sampling and a token count."""

    id: str
    name: str  # a product name, shown as it is in every language
    schema_form: str  # JSON_OBJECT, JSON_SCHEMA or JSON_MODE
    enforces_schema: bool
    repeat_field: str | None = None  # its name for the repetition penalty, None when not taken
    tokenize: str | None = None  # "count" (llama-cpp-python), "content" (llama-server), "prompt" (vLLM)

    @property
    def known(self) -> bool:
        return self is not GENERIC


ROADMAP = ServerKind("roadmap-desktop", "roadmap-desktop serve", JSON_OBJECT, True, "repeat_penalty", "count")
LLAMA_CPP_PYTHON = ServerKind("llama-cpp-python", "llama-cpp-python", JSON_OBJECT, True, "repeat_penalty", "count")
LLAMA_SERVER = ServerKind("llama-server", "llama.cpp server", JSON_SCHEMA, True, "repeat_penalty", "content")
OLLAMA = ServerKind("ollama", "Ollama", JSON_SCHEMA, True)  # its OpenAI endpoint takes no repeat penalty
OLLAMA_JSON_MODE = replace(OLLAMA, schema_form=JSON_MODE, enforces_schema=False)  # before 0.5
LM_STUDIO = ServerKind("lmstudio", "LM Studio", JSON_SCHEMA, True, "repeat_penalty")
VLLM = ServerKind("vllm", "vLLM", JSON_SCHEMA, True, "repetition_penalty", "prompt")
# Anything else that speaks the OpenAI API: OpenAI's own form, sent in hope, checked afterwards.
GENERIC = ServerKind("openai", "OpenAI-compatible server", JSON_SCHEMA, False)
KINDS = {kind.id: kind for kind in (ROADMAP, LLAMA_CPP_PYTHON, LLAMA_SERVER, OLLAMA, LM_STUDIO, VLLM, GENERIC)}

# The probes that tell the rest apart, in order, and what makes each answer a yes.
PROBES = ("/api/version", "/props", "/api/v0/models")
# The extra lists read for a kind's model details: path -> what they hold.
DETAILS = {OLLAMA.id: ("/api/tags", "/api/ps"), LM_STUDIO.id: ("/api/v0/models",)}


@dataclass(frozen=True)
class ServedModel:
    """One model a server offers: its id (sent as ``model``), a short detail line, whether it is loaded."""

    id: str
    detail: str = ""
    loaded: bool = False
    n_ctx: int | None = None
    parameters: int | None = None  # where the server says (llama-server, Ollama)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": model_label(self.id),
            "detail": self.detail,
            "loaded": self.loaded,
            "n_ctx": self.n_ctx,
            "parameters": self.parameters,
        }


def model_label(model_id: str) -> str:
    """How to show a model's id: llama-server names its model by the file path it was started
    with; the file's name says enough."""
    if model_id.lower().endswith(".gguf"):
        return re.split(r"[\\/]", model_id)[-1] or model_id
    return model_id


def _entries(body: object) -> list[dict[str, Any]]:
    data = body.get("data") if isinstance(body, dict) else None
    return [e for e in data[:MAX_MODELS] if isinstance(e, dict)] if isinstance(data, list) else []


def kind_from_models(headers: Mapping[str, str], body: object) -> ServerKind | None:
    """The kind the answer to ``GET /v1/models`` names by itself, else None (then probe)."""
    server = headers.get("server", "").lower()
    entries = _entries(body)
    owners = {e.get("owned_by") for e in entries}
    if "llama.cpp" in server or "llamacpp" in owners:
        return LLAMA_SERVER
    if "roadmap-desktop" in owners:
        return ROADMAP
    if "vllm" in owners or any("max_model_len" in e for e in entries):
        return VLLM
    if "organization_owner" in owners:
        return LM_STUDIO
    if "me" in owners:  # llama-cpp-python's own model list
        return LLAMA_CPP_PYTHON
    return None


def kind_from_probe(path: str, body: object) -> ServerKind | None:
    """The kind an answer to one of PROBES shows, else None."""
    if not isinstance(body, dict):
        return None
    if path == "/api/version" and isinstance(version := body.get("version"), str):
        return OLLAMA if _at_least(version, (0, 5)) else OLLAMA_JSON_MODE
    if path == "/props" and isinstance(body.get("default_generation_settings"), dict):
        return LLAMA_SERVER
    if path == "/api/v0/models" and any("state" in e or "type" in e for e in _entries(body)):
        return LM_STUDIO
    return None


def _at_least(version: str, wanted: tuple[int, ...]) -> bool:
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[: len(wanted)])
    return numbers >= wanted if numbers else True  # an unreadable version: assume a current one


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**13 else None


def _size(parameters: int | None) -> str:
    if parameters is None:
        return ""
    for unit, scale in (("B", 10**9), ("M", 10**6)):
        if parameters >= scale:
            return f"{parameters / scale:.3g}{unit}"
    return str(parameters)


def _parameters(label: str) -> int | None:
    """Ollama's "7.2B", "135M" as a number."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMBT])\s*", label.upper())
    if not found:
        return None
    return int(float(found[1]) * 1000 ** ("KMBT".index(found[2]) + 1))


def _text(value: object, limit: int = 40) -> str:
    return printable(value, limit) if isinstance(value, str) else ""


def _join(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def served_models(kind: ServerKind, body: object, details: Mapping[str, object]) -> list[ServedModel]:
    """The chat models of ``GET /v1/models`` (``body``), with what ``details`` (path -> answer of
    DETAILS) adds; embedding models are left out where the server says which they are."""
    ids = [name for name in (_text(e.get("id"), 120) for e in _entries(body)) if name]
    if kind.id == OLLAMA.id:
        return _ollama_models(ids, details.get("/api/tags"), details.get("/api/ps"))
    if kind is LM_STUDIO:
        return _lm_studio_models(ids, details.get("/api/v0/models"))
    models = []
    for entry in _entries(body):
        name = _text(entry.get("id"), 120)
        if not name:
            continue
        meta = entry.get("meta") if isinstance(entry.get("meta"), dict) else {}
        n_ctx = _count(meta.get("n_ctx")) or _count(entry.get("max_model_len"))
        parameters = _count(meta.get("n_params"))
        detail = _join(_size(parameters), f"context {n_ctx}" if n_ctx else "")
        models.append(ServedModel(name, detail, loaded=True, n_ctx=n_ctx, parameters=parameters))
    return models


def _ollama_models(ids: list[str], tags: object, running: object) -> list[ServedModel]:
    loaded = {_text(m.get("name"), 120) for m in _entries({"data": _member(running, "models")})}
    models = []
    for entry in _entries({"data": _member(tags, "models")}):
        name = _text(entry.get("name") or entry.get("model"), 120)
        info = _member(entry, "details")
        info = info if isinstance(info, dict) else {}
        families = info.get("families") if isinstance(info.get("families"), list) else []
        family = " ".join([_text(info.get("family")), *(_text(f) for f in families)]).lower()
        if not name or "bert" in family or "embed" in name.lower():
            continue  # an embedding model cannot chat
        size = _text(info.get("parameter_size"))
        detail = _join(size, _text(info.get("quantization_level")))
        models.append(ServedModel(name, detail, loaded=name in loaded, parameters=_parameters(size)))
    return models or [ServedModel(name, loaded=name in loaded) for name in ids if "embed" not in name.lower()]


def _member(data: object, key: str) -> object:
    return data.get(key) if isinstance(data, dict) else None


def _lm_studio_models(ids: list[str], listed: object) -> list[ServedModel]:
    models = []
    for entry in _entries(listed):
        name = _text(entry.get("id"), 120)
        if not name or entry.get("type") not in ("llm", "vlm", None):
            continue  # "embeddings"
        n_ctx = _count(entry.get("max_context_length"))
        detail = _join(_text(entry.get("quantization")), f"context {n_ctx}" if n_ctx else "")
        models.append(ServedModel(name, detail, loaded=entry.get("state") == "loaded", n_ctx=n_ctx))
    return models or [ServedModel(name) for name in ids if "embed" not in name.lower()]


def pick_model(models: list[ServedModel], wanted: str | None) -> ServedModel | None:
    """``wanted`` if served (None if not), else a loaded model, else the first."""
    if wanted:
        return next((m for m in models if m.id == wanted), None)
    return next((m for m in models if m.loaded), models[0] if models else None)


def response_format_for(kind: ServerKind, response_format: dict[str, Any] | None) -> dict[str, Any] | None:
    """The assistant's ``{"type": "json_object", "schema": S}`` in the form ``kind`` enforces."""
    if response_format is None:
        return None
    schema = response_format.get("schema")
    if schema is None or kind.schema_form == JSON_MODE:
        return {"type": "json_object"}
    if kind.schema_form == JSON_OBJECT:
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema", "json_schema": {"name": SCHEMA_NAME, "strict": True, "schema": schema}}


def sampling_fields(kind: ServerKind, repeat: float, frequency: float, presence: float) -> dict[str, float]:
    """The repetition guards under the names ``kind`` takes (an unknown server gets OpenAI's only)."""
    fields = {"frequency_penalty": frequency, "presence_penalty": presence}
    if kind.repeat_field:
        fields[kind.repeat_field] = repeat
    return fields


def count_request(kind: ServerKind, model: str, text: str) -> tuple[str, dict[str, Any]] | None:
    """(path, body) of ``kind``'s token counter, or None when it has none."""
    if kind.tokenize == "count":
        return "/extras/tokenize/count", {"input": text}
    if kind.tokenize == "content":
        return "/tokenize", {"content": text}
    if kind.tokenize == "prompt":
        return "/tokenize", {"model": model, "prompt": text}
    return None


def counted(answer: object) -> int | None:
    """The number of tokens in a counter's answer (``count``, or the length of ``tokens``)."""
    if not isinstance(answer, dict):
        return None
    if (count := answer.get("count")) is not None:
        return count if isinstance(count, int) and not isinstance(count, bool) and count >= 0 else None
    tokens = answer.get("tokens")
    return len(tokens) if isinstance(tokens, list) else None


def schema_note(kind: ServerKind, base: str) -> str | None:
    """One line when ``kind`` cannot be trusted to enforce the answer's JSON schema, else None."""
    if kind.enforces_schema:
        return None
    if kind.known:
        return (
            f"{kind.name} at {base} cannot enforce the answer's JSON schema (JSON mode only): "
            "drafts are checked and only their complete items kept"
        )
    return (
        f"The model server at {base} is not one the app knows (llama.cpp, Ollama, LM Studio, vLLM): it may not "
        "enforce the answer's JSON schema, so drafts are checked and only their complete items kept"
    )
