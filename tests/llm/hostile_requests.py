"""A generator of hostile HTTP requests to the model server (issue 16 items 3 and 4): malformed
JSON, wrong types, huge or deep bodies, grammar and unknown fields, bad schemas and patterns, wrong
keys, methods, paths and content types. Each case says which status the request guard must answer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

KEY = "abcd-efgh-jkmn-pqrs"
HELLO = [{"role": "user", "content": "Say hello."}]


@dataclass(frozen=True)
class Case:
    name: str
    status: int  # what the guard answers; 200: forwarded to the model
    body: bytes = b""
    method: str = "POST"
    path: str = "/v1/chat/completions"
    headers: dict[str, str] = field(default_factory=dict)
    chunks: int = 1  # the body arrives in this many parts
    complete: bool = True  # False: the client stops sending before the end


def _chat(**fields: object) -> bytes:
    return json.dumps({"messages": HELLO, **fields}).encode()


def _schema(schema: object) -> bytes:
    return _chat(response_format={"type": "json_object", "schema": schema})


def _nested(depth: int) -> dict:
    node: dict = {"type": "string"}
    for _ in range(depth):
        node = {"type": "object", "properties": {"a": node}, "required": ["a"]}
    return node


def accepted() -> list[Case]:
    """Requests the assistant and standard OpenAI clients send: forwarded."""
    schema = {"type": "object", "properties": {"story": {"type": "string", "pattern": "^As a [a-z ]+[.]$"}}}
    bodies = {
        "plain": _chat(),
        "streamed with options": _chat(stream=True, max_tokens=64, temperature=0.2, top_p=0.9, seed=7, stop=["\n"]),
        "penalties": _chat(repeat_penalty=1.1, frequency_penalty=0.5, presence_penalty=-0.5),
        "json object": _chat(response_format={"type": "json_object"}),
        "schema with a pattern": _schema(schema),
        "openai json_schema": _chat(
            response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": schema, "strict": True}}
        ),
        "text parts": json.dumps(
            {"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}
        ).encode(),
        "developer role": json.dumps({"messages": [{"role": "developer", "content": "be brief"}, *HELLO]}).encode(),
        "nulls": _chat(max_tokens=None, stop=None, seed=None, user=None),
        "huge max_tokens": _chat(max_tokens=10**9),
        "model and user": _chat(model="fake.gguf", user="laptop 3", n=1, logprobs=False),
    }
    cases = [Case(f"accepted: {name}", 200, body) for name, body in bodies.items()]
    cases.append(Case("accepted: token count", 200, b'{"input": "some text"}', path="/extras/tokenize/count"))
    cases.append(Case("accepted: body in many parts", 200, _chat(max_tokens=5), chunks=7))
    return cases


def refused_bodies() -> list[Case]:
    """Bodies the guard answers 400 without forwarding."""
    bodies: dict[str, bytes] = {
        "empty": b"",
        "not json": b"{not json",
        "truncated": _chat()[:-3],
        "not utf-8": b'{"messages": "\xff\xfe"}',
        "a list": b"[1, 2, 3]",
        "a string": b'"hello"',
        "NaN": b'{"messages": [], "temperature": NaN}',
        "Infinity": b'{"messages": [{"role": "user", "content": "x"}], "temperature": Infinity}',
        "deeply nested": b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "grammar": _chat(grammar='root ::= ((("'),
        "left-recursive grammar": _chat(grammar="root ::= root 'a'"),
        "unknown field": _chat(tools=[{"type": "function"}]),
        "logit_bias": _chat(logit_bias={"1": 100}),
        "no messages": b'{"model": "x"}',
        "empty messages": b'{"messages": []}',
        "messages a dict": b'{"messages": {"role": "user"}}',
        "message a string": b'{"messages": ["hi"]}',
        "role tool": json.dumps({"messages": [{"role": "tool", "content": "x"}]}).encode(),
        "role missing": json.dumps({"messages": [{"content": "x"}]}).encode(),
        "content a number": json.dumps({"messages": [{"role": "user", "content": 5}]}).encode(),
        "content null": json.dumps({"messages": [{"role": "user", "content": None}]}).encode(),
        "image part": json.dumps(
            {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "http://x"}}]}]}
        ).encode(),
        "message extra field": json.dumps({"messages": [{"role": "user", "content": "x", "tool_calls": []}]}).encode(),
        "too many messages": json.dumps({"messages": HELLO * 1001}).encode(),
        "max_tokens 0": _chat(max_tokens=0),
        "max_tokens negative": _chat(max_tokens=-1),
        "max_tokens a string": _chat(max_tokens="512"),
        "max_tokens true": _chat(max_tokens=True),
        "max_tokens huge": b'{"messages": [{"role": "user", "content": "x"}], "max_tokens": 1' + b"0" * 5000 + b"}",
        "max_tokens fraction": _chat(max_tokens=1.5),
        "temperature 1e308": _chat(temperature=1e308),
        "temperature negative": _chat(temperature=-1),
        "top_p 2": _chat(top_p=2),
        "repeat_penalty 0": _chat(repeat_penalty=0),
        "seed 2**64": _chat(seed=2**64),
        "seed negative": _chat(seed=-5),
        "stream a string": _chat(stream="yes"),
        "stream_options extra": _chat(stream=True, stream_options={"include_usage": True, "x": 1}),
        "stop too many": _chat(stop=["x"] * 17),
        "stop empty": _chat(stop=[""]),
        "stop a number": _chat(stop=5),
        "stop too long": _chat(stop=["x" * 1000]),
        "n 2": _chat(n=2),
        "logprobs": _chat(logprobs=True),
        "model too long": _chat(model="m" * 10_000),
        "model a list": _chat(model=["a"]),
        "response_format a string": _chat(response_format="json"),
        "response_format unknown type": _chat(response_format={"type": "xml"}),
        "response_format extra": _chat(response_format={"type": "json_object", "grammar": "root ::= x"}),
        "json_schema without schema": _chat(response_format={"type": "json_schema", "json_schema": {"name": "x"}}),
        "schema a list": _schema([1]),
        "schema $ref": _schema({"$ref": "#"}),
        "schema self-referring defs": _schema({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}),
        "schema nested deep": _schema(_nested(50)),
        "schema maxLength 5000": _schema({"type": "string", "maxLength": 5000}),
        "schema maxItems 2000": _schema({"type": "array", "items": {"type": "integer"}, "maxItems": 2000}),
        "schema minItems negative": _schema({"type": "array", "minItems": -1}),
        "schema unknown type": _schema({"type": "date"}),
        "schema many optional": _schema(
            {"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(60)}}
        ),
        "schema many anyOf": _schema({"anyOf": [{"type": "string"}] * 21}),
        "schema huge enum": _schema({"enum": list(range(1001))}),
        "schema enum of objects": _schema({"enum": [{"a": 1}]}),
        "schema huge minimum": _schema({"type": "integer", "minimum": -1e300}),
        "schema too big": _schema({"type": "object", "description": "x" * 70_000}),
        "schema too many nodes": _schema({"anyOf": [{"anyOf": [{"anyOf": [{"type": "string"}] * 20}] * 20}] * 20}),
        "schema additionalProperties schema": _schema({"type": "object", "additionalProperties": {"type": "string"}}),
        "schema pattern unanchored": _schema({"type": "string", "pattern": "a+"}),
        "schema pattern nested": _schema({"type": "string", "pattern": "^" + "(" * 20 + "a" + ")" * 20 + "$"}),
        "schema pattern unbalanced": _schema({"type": "string", "pattern": "^(((a$"}),
        "schema pattern lookahead": _schema({"type": "string", "pattern": "^(?=a)a$"}),
        "schema pattern backreference": _schema({"type": "string", "pattern": "^(a)\\1$"}),
        "schema pattern big repeat": _schema({"type": "string", "pattern": "^a{1,100000}$"}),
        "schema pattern too long": _schema({"type": "string", "pattern": "^" + "a" * 600 + "$"}),
        "schema format": _schema({"type": "string", "format": "date"}),
    }
    cases = [Case(f"refused: {name}", 400, body) for name, body in bodies.items()]
    count = "/extras/tokenize/count"
    cases += [
        Case("refused: count without input", 400, b'{"model": "x"}', path=count),
        Case("refused: count input a list", 400, b'{"input": [1, 2]}', path=count),
        Case("refused: count unknown field", 400, b'{"input": "x", "add_bos": true}', path=count),
    ]
    return cases


def refused_requests(max_body: int) -> list[Case]:
    """Requests refused before their body is read: size, type, method, path."""
    big = b'{"messages": [], "x": "' + b"a" * max_body + b'"}'
    return [
        Case("refused: declared body over the limit", 413, b"{}", headers={"content-length": str(max_body + 1)}),
        Case("refused: declared length not a number", 413, b"{}", headers={"content-length": "-5"}),
        Case("refused: body over the limit in parts", 413, big, chunks=40),
        Case("refused: text/plain", 415, _chat(), headers={"content-type": "text/plain"}),
        Case("refused: no content type", 415, _chat(), headers={"content-type": ""}),
        Case("refused: form", 415, b"a=1", headers={"content-type": "application/x-www-form-urlencoded"}),
        Case("refused: GET chat", 405, method="GET"),
        Case("refused: DELETE models", 405, method="DELETE", path="/v1/models"),
        Case("refused: completions", 404, _chat(), path="/v1/completions"),
        Case("refused: docs", 404, method="GET", path="/docs"),
        Case("refused: path traversal", 404, method="GET", path="/../../etc/passwd"),
        Case("refused: control characters in path", 404, method="GET", path="/\x1b]0;owned\x07"),
        Case("refused: embeddings", 404, b'{"input": "x"}', path="/v1/embeddings"),
        Case("refused: DNS-rebound host", 421, _chat(), headers={"host": "evil.example:8080"}),
    ]


def key_cases() -> list[Case]:
    """With a key: requests without it or with a wrong one are refused 401 before anything else."""
    return [
        Case("key: missing", 401, _chat(), headers={"authorization": ""}),
        Case("key: wrong", 401, _chat(), headers={"authorization": "Bearer wrong-key-000"}),
        Case("key: basic scheme", 401, _chat(), headers={"authorization": f"Basic {KEY}"}),
        Case("key: prefix of the key", 401, _chat(), headers={"authorization": f"Bearer {KEY[:-1]}"}),
        Case("key: non-ascii", 401, _chat(), headers={"authorization": "Bearer ключ-ключ"}),
        Case("key: missing on the model list", 401, method="GET", path="/v1/models", headers={"authorization": ""}),
        Case("key: right", 200, _chat(), headers={"authorization": f"Bearer {KEY}"}),
        Case("key: right, lower-case scheme", 200, _chat(), headers={"authorization": f"bearer {KEY}"}),
        Case("key: right, any host name", 200, _chat(), headers={"authorization": f"Bearer {KEY}", "host": "room-pc"}),
    ]


def corpus(max_body: int) -> list[Case]:
    return accepted() + refused_bodies() + refused_requests(max_body)
