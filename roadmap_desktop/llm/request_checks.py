"""What the model server accepts in a body: the fields the assistant and OpenAI clients send, each typed and bounded.

llama-cpp-python's server passes a request's fields on to llama.cpp, which crashes the whole server
(SIGSEGV) on some of them: an invalid or left-recursive ``grammar``, a JSON schema whose grammar
nests too deeply (``maxLength`` 5000, ``maxItems`` 2000) or refers to itself, a seed beyond 64 bits.
So the server's request guard (request_guard.py) checks every body here first and forwards only
what passed, rebuilt from the checked values. Each refusal is one line naming the field.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any


class Refused(Exception):
    """A request the server does not take: ``status`` is the HTTP status, ``str()`` one line for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


MIN_BODY_BYTES = 1024 * 1024
# A token is a few characters, and JSON escapes a non-ASCII one as 6 bytes (\\uXXXX).
BODY_BYTES_PER_TOKEN = 32


@dataclass(frozen=True)
class Limits:
    """The bounds of an accepted request. Measured against llama.cpp: a repetition of 1000 in a
    schema's grammar still worked with a 256 KiB stack, 1500 crashed with any stack."""

    n_ctx: int = 4096  # the served context: a larger max_tokens is lowered to it
    max_body_bytes: int = MIN_BODY_BYTES  # for_context raises it for a larger context
    max_messages: int = 1000
    max_name_chars: int = 256  # model, message name, user
    max_stops: int = 16
    max_stop_chars: int = 256
    max_schema_bytes: int = 64 * 1024
    max_schema_depth: int = 12
    max_schema_nodes: int = 1000
    max_repeat: int = 500  # minItems, maxItems, minLength, maxLength
    max_properties: int = 200
    max_optional: int = 50  # each optional property nests the object's grammar one level deeper
    max_choices: int = 1000  # enum values
    max_pattern_chars: int = 512
    max_pattern_depth: int = 8
    max_any_of: int = 20

    @classmethod
    def for_context(cls, n_ctx: int) -> Limits:
        """The limits of a server with ``n_ctx`` tokens of context: a body may hold a prompt that
        fills it (BODY_BYTES_PER_TOKEN each), and at least MIN_BODY_BYTES."""
        return cls(n_ctx=n_ctx, max_body_bytes=max(MIN_BODY_BYTES, BODY_BYTES_PER_TOKEN * n_ctx))


CHAT_FIELDS = (
    "messages",
    "model",
    "stream",
    "stream_options",
    "max_tokens",
    "max_completion_tokens",
    "temperature",
    "top_p",
    "presence_penalty",
    "frequency_penalty",
    "repeat_penalty",
    "seed",
    "stop",
    "response_format",
    "n",
    "logprobs",
    "user",
)
COUNT_FIELDS = ("input", "model")
ROLES = ("system", "user", "assistant")
MESSAGE_FIELDS = ("role", "content", "name")
# Schema keywords that keep llama-cpp-python's grammar flat and finite: no $ref (a schema that
# refers to itself becomes a left-recursive grammar); a pattern only of the plain kind (_pattern).
SCHEMA_KEYWORDS = frozenset(
    {
        "type",
        "pattern",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "enum",
        "const",
        "anyOf",
        "oneOf",
        "title",
        "description",
    }
)
JSON_TYPES = frozenset({"object", "array", "string", "number", "integer", "boolean", "null"})
MAX_TOKENS = 2**63 - 1  # any whole number of tokens is taken, and lowered to the context
_MAX_SEED = 2**32 - 1  # llama.cpp's seed is a uint32
_MAX_SCHEMA_NUMBER = 1e15  # its integer-range grammar spells out digits


def parse_json_body(body: bytes) -> dict[str, Any]:
    """The body as a JSON object; Refused (400) for anything else."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "the body is not UTF-8 text") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise Refused(400, "the body's JSON is nested too deeply") from None
    except ValueError as exc:
        raise Refused(400, f"the body is not JSON ({_first_line(str(exc))})") from None
    if not isinstance(data, dict):
        raise Refused(400, "the body must be a JSON object")
    return data


def check_chat(data: dict[str, Any], limits: Limits) -> dict[str, Any]:
    """The chat completion request to forward, rebuilt from checked fields; Refused (400) otherwise."""
    _only(data, CHAT_FIELDS, "a chat request")
    body: dict[str, Any] = {"messages": _messages(data.get("messages"), limits)}
    if "model" in data:
        body["model"] = _text(data["model"], "model", limits.max_name_chars)
    if "stream" in data:
        body["stream"] = _flag(data["stream"], "stream")
    if data.get("stream_options") is not None:  # checked, not forwarded: usage chunks are not promised
        options = data["stream_options"]
        if not isinstance(options, dict):
            raise Refused(400, "'stream_options' must be an object")
        _only(options, ("include_usage",), "'stream_options'")
        if "include_usage" in options:
            _flag(options["include_usage"], "stream_options.include_usage")
    for name in ("max_tokens", "max_completion_tokens"):  # the newer name of the same bound
        if data.get(name) is not None:
            # Clamped: beyond the context, llama-cpp-python stops at its end anyway.
            body["max_tokens"] = min(_integer(data[name], name, 1, MAX_TOKENS), limits.n_ctx)
    for name, low, high in (
        ("temperature", 0.0, 2.0),
        ("top_p", 0.0, 1.0),
        ("presence_penalty", -2.0, 2.0),
        ("frequency_penalty", -2.0, 2.0),
    ):
        if data.get(name) is not None:
            body[name] = _number(data[name], name, low, high)
    if data.get("repeat_penalty") is not None:
        body["repeat_penalty"] = _number(data["repeat_penalty"], "repeat_penalty", 0.0, 2.0)
        if body["repeat_penalty"] == 0:
            raise Refused(400, "'repeat_penalty' must be above 0")
    if data.get("seed") is not None:
        body["seed"] = _integer(data["seed"], "seed", 0, _MAX_SEED)
    if data.get("stop") is not None:
        body["stop"] = _stops(data["stop"], limits)
    if data.get("response_format") is not None:
        body["response_format"] = _response_format(data["response_format"], limits)
    if data.get("n") is not None:
        _integer(data["n"], "n", 1, 1)
    if data.get("logprobs") not in (None, False):
        raise Refused(400, "'logprobs' is not offered by this server")
    if data.get("user") is not None:
        _text(data["user"], "user", limits.max_name_chars)
    return body


def check_count(data: dict[str, Any], limits: Limits) -> dict[str, Any]:
    """A token-count request (``/extras/tokenize/count``) to forward; Refused (400) otherwise."""
    _only(data, COUNT_FIELDS, "a token-count request")
    if "input" not in data:
        raise Refused(400, "'input' is missing")
    body: dict[str, Any] = {"input": _text(data["input"], "input", limits.max_body_bytes)}
    if data.get("model") is not None:
        body["model"] = _text(data["model"], "model", limits.max_name_chars)
    return body


def check_schema(schema: object, limits: Limits) -> None:
    """Refused (400) unless ``schema`` is a JSON schema llama.cpp can turn into a grammar safely."""
    if not isinstance(schema, dict):
        raise Refused(400, "'response_format.schema' must be an object")
    nodes = [0]
    _schema_node(schema, "schema", 1, limits, nodes)  # first: it bounds the depth json.dumps recurses
    size = len(json.dumps(schema))
    if size > limits.max_schema_bytes:
        raise Refused(400, f"'response_format.schema' is {size} bytes; at most {limits.max_schema_bytes}")


# -- fields ------------------------------------------------------------------------------------------


def _only(data: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
    for key in data:
        if key not in allowed:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise Refused(400, f"{_quoted(shown)} is not accepted in {what} (accepted: {', '.join(allowed)})")


def _messages(value: object, limits: Limits) -> list[dict[str, str]]:
    if not isinstance(value, list) or not value:
        raise Refused(400, "'messages' must be a non-empty list")
    if len(value) > limits.max_messages:
        raise Refused(400, f"'messages' holds {len(value)} messages; at most {limits.max_messages}")
    messages: list[dict[str, str]] = []
    for index, message in enumerate(value):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise Refused(400, f"'{where}' must be an object")
        _only(message, MESSAGE_FIELDS, f"'{where}'")
        role = message.get("role")
        if role == "developer":  # OpenAI's newer name for the system message
            role = "system"
        if role not in ROLES:
            raise Refused(400, f"'{where}.role' must be one of {', '.join(ROLES)}")
        checked = {"role": role, "content": _content(message.get("content"), f"{where}.content", limits)}
        if "name" in message:
            checked["name"] = _text(message["name"], f"{where}.name", limits.max_name_chars)
        messages.append(checked)
    return messages


def _content(value: object, where: str, limits: Limits) -> str:
    """A message's text: a string, or OpenAI's list of text parts (joined; chat templates take text)."""
    if not isinstance(value, list):
        return _text(value, where, limits.max_body_bytes)
    if len(value) > limits.max_messages:
        raise Refused(400, f"'{where}' holds {len(value)} parts; at most {limits.max_messages}")
    texts = []
    for index, part in enumerate(value):
        if not isinstance(part, dict) or part.get("type") != "text":
            raise Refused(400, f'\'{where}[{index}]\' must be a text part ({{"type": "text", "text": ...}})')
        _only(part, ("type", "text"), f"'{where}[{index}]'")
        texts.append(_text(part.get("text"), f"{where}[{index}].text", limits.max_body_bytes))
    return "".join(texts)


def _stops(value: object, limits: Limits) -> list[str]:
    stops = [value] if isinstance(value, str) else value
    if not isinstance(stops, list) or len(stops) > limits.max_stops:
        raise Refused(400, f"'stop' must be a text or a list of at most {limits.max_stops} texts")
    for index, stop in enumerate(stops):
        if not _text(stop, f"stop[{index}]", limits.max_stop_chars):
            raise Refused(400, f"'stop[{index}]' is empty")
    return list(stops)


def _response_format(value: object, limits: Limits) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Refused(400, "'response_format' must be an object")
    kind = value.get("type")
    if kind == "text":
        _only(value, ("type",), "'response_format' of type text")
        return {"type": "text"}
    if kind == "json_object":
        _only(value, ("type", "schema"), "'response_format' of type json_object")
        if "schema" not in value:
            return {"type": "json_object"}
        schema = value["schema"]
    elif kind == "json_schema":  # OpenAI's structured outputs: llama-cpp-python's json_object + schema
        _only(value, ("type", "json_schema"), "'response_format' of type json_schema")
        spec = value.get("json_schema")
        if not isinstance(spec, dict) or "schema" not in spec:
            raise Refused(400, "'response_format.json_schema' must be an object with a 'schema'")
        _only(spec, ("name", "description", "schema", "strict"), "'response_format.json_schema'")
        schema = spec["schema"]
    else:
        raise Refused(400, "'response_format.type' must be text, json_object or json_schema")
    check_schema(schema, limits)
    return {"type": "json_object", "schema": schema}


def _schema_node(node: object, where: str, depth: int, limits: Limits, nodes: list[int]) -> None:
    if not isinstance(node, dict):
        raise Refused(400, f"'{where}' must be a schema object")
    nodes[0] += 1
    if nodes[0] > limits.max_schema_nodes:
        raise Refused(400, f"the schema has more than {limits.max_schema_nodes} parts")
    if depth > limits.max_schema_depth:
        raise Refused(400, f"the schema nests more than {limits.max_schema_depth} levels")
    for key in node:
        if key not in SCHEMA_KEYWORDS:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise Refused(400, f"schema keyword {_quoted(shown)} is not accepted (at '{where}')")
    if "type" in node:
        kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not kinds or not all(isinstance(k, str) and k in JSON_TYPES for k in kinds):
            raise Refused(400, f"'{where}.type' must name JSON types")
    for key in ("title", "description"):
        if key in node and not isinstance(node[key], str):
            raise Refused(400, f"'{where}.{key}' must be a text")
    for key in ("minItems", "maxItems", "minLength", "maxLength"):
        if key in node:
            _integer(node[key], f"{where}.{key}", 0, limits.max_repeat)
    for key in ("minimum", "maximum"):
        if key in node:
            _number(node[key], f"{where}.{key}", -_MAX_SCHEMA_NUMBER, _MAX_SCHEMA_NUMBER)
    if "pattern" in node:
        _pattern(node["pattern"], f"{where}.pattern", limits)
    if "additionalProperties" in node and not isinstance(node["additionalProperties"], bool):
        raise Refused(400, f"'{where}.additionalProperties' must be true or false")
    if "enum" in node:
        choices = node["enum"]
        if not isinstance(choices, list) or not 1 <= len(choices) <= limits.max_choices:
            raise Refused(400, f"'{where}.enum' must list 1 to {limits.max_choices} values")
        for choice in choices:
            _scalar(choice, f"{where}.enum")
    if "const" in node:
        _scalar(node["const"], f"{where}.const")
    properties = node.get("properties", {})
    if not isinstance(properties, dict) or len(properties) > limits.max_properties:
        raise Refused(400, f"'{where}.properties' must be an object of at most {limits.max_properties} properties")
    required = node.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        raise Refused(400, f"'{where}.required' must be a list of property names")
    if len(required) > limits.max_properties:
        raise Refused(400, f"'{where}.required' names more than {limits.max_properties} properties")
    optional = len(set(properties) - set(required))
    if optional > limits.max_optional:
        raise Refused(400, f"'{where}' has {optional} optional properties; at most {limits.max_optional}")
    for name, child in properties.items():
        if len(name) > limits.max_name_chars:
            raise Refused(400, f"a property name at '{where}' is over {limits.max_name_chars} characters")
        _schema_node(child, f"{where}.{_short(name)}", depth + 1, limits, nodes)
    if "items" in node:
        _schema_node(node["items"], f"{where}.items", depth + 1, limits, nodes)
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = node[key]
            if not isinstance(options, list) or not 1 <= len(options) <= limits.max_any_of:
                raise Refused(400, f"'{where}.{key}' must list 1 to {limits.max_any_of} schemas")
            for index, option in enumerate(options):
                _schema_node(option, f"{where}.{key}[{index}]", depth + 1, limits, nodes)


def _pattern(value: object, where: str, limits: Limits) -> None:
    """A regular expression llama-cpp-python turns into a grammar that llama.cpp parses safely: it
    anchors both ends (its converter asserts otherwise), compiles, nests its groups a few levels
    only (each level is a level of recursion in llama.cpp's grammar parser) and repeats a bounded
    number of times; lookarounds and backreferences have no grammar."""
    text = _text(value, where, limits.max_pattern_chars)
    if not (text.startswith("^") and text.endswith("$")) or len(text) < 2:
        raise Refused(400, f"'{where}' must start with ^ and end with $")
    try:
        re.compile(text)
    except (re.error, RecursionError, OverflowError) as exc:
        raise Refused(400, f"'{where}' is not a regular expression ({_first_line(str(exc))})") from None
    if "(?" in text or re.search(r"\\[1-9bBAZzk]", text):
        raise Refused(400, f"'{where}' may not use lookarounds, flags, anchors inside or backreferences")
    depth = deepest = 0
    escaped = in_class = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    if deepest > limits.max_pattern_depth:
        raise Refused(400, f"'{where}' nests groups more than {limits.max_pattern_depth} levels")
    for low, high in re.findall(r"\{(\d*)(?:,(\d*))?\}", text):
        for bound in (low, high):
            if bound and (len(bound) > 6 or int(bound) > limits.max_repeat):
                raise Refused(400, f"'{where}' repeats more than {limits.max_repeat} times")


# -- values ------------------------------------------------------------------------------------------


def _text(value: object, name: str, max_chars: int) -> str:
    if not isinstance(value, str):
        raise Refused(400, f"'{name}' must be a text")
    if len(value) > max_chars:
        raise Refused(400, f"'{name}' is {len(value)} characters; at most {max_chars}")
    return value


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise Refused(400, f"'{name}' must be true or false")
    return value


def _integer(value: object, name: str, low: int, high: int) -> int:
    whole = isinstance(value, int) or (isinstance(value, float) and math.isfinite(value) and value.is_integer())
    if isinstance(value, bool) or not whole:
        raise Refused(400, f"'{name}' must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise Refused(400, f"'{name}' must be from {low} to {high}, not {_shown_number(value)}")
    return int(value)


def _number(value: object, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Refused(400, f"'{name}' must be a number from {low:g} to {high:g}")
    if not low <= value <= high:  # also refuses NaN
        raise Refused(400, f"'{name}' must be from {low:g} to {high:g}, not {_shown_number(value)}")
    return float(value) if isinstance(value, float) else value


def _scalar(value: object, where: str) -> None:
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int | float) and abs(value) <= _MAX_SCHEMA_NUMBER:
        return
    raise Refused(400, f"'{where}' may hold only texts, small numbers, true, false and null")


def _shown_number(value: float) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 24 else text[:24] + "…"


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _quoted(text: str) -> str:
    return "'" + "".join(c if c.isprintable() else "?" for c in text) + "'"


def _short(text: str) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 40 else text[:40] + "…"


def _first_line(text: str) -> str:
    return " ".join(text.split())[:160]
