"""The model server's request guard (issue 16 items 3 and 4) driven as ASGI with a fake model app:
the whole hostile corpus (tests/llm/hostile_requests.py) gets its status with one line of JSON, and
nothing but checked, rebuilt bodies reaches the model."""

from __future__ import annotations

import asyncio
import json

import pytest
from hostile_requests import KEY, Case, corpus, key_cases

from roadmap_desktop.llm.request_checks import MIN_BODY_BYTES, Limits, Refused, check_chat, check_schema
from roadmap_desktop.llm.request_guard import RequestGuard

LIMITS = Limits(n_ctx=2048)


class FakeModelApp:
    """llama-cpp-python's app as the guard sees it: records what it was given, answers a stream."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.bodies: list[dict] = []
        self.fail = fail

    async def __call__(self, scope, receive, send) -> None:
        message = await receive()
        self.bodies.append(json.loads(message["body"]))
        if self.fail is not None:
            raise self.fail
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]})
        await send({"type": "http.response.body", "body": b'data: {"choices": []}\n\n', "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def call(guard: RequestGuard, case: Case) -> tuple[int, dict[str, str], bytes]:
    """Drive one request through ``guard``: (status, headers, body)."""
    headers = {"host": "127.0.0.1:8080", "content-type": "application/json", **case.headers}
    if case.body and "content-length" not in headers and case.chunks == 1:
        headers["content-length"] = str(len(case.body))
    raw_headers = [(k.encode(), v.encode("utf-8")) for k, v in headers.items() if v]
    scope = {
        "type": "http",
        "method": case.method,
        "path": case.path,
        "headers": raw_headers,
        "client": ("192.0.2.9", 50000),
    }
    size = max(1, -(-len(case.body) // case.chunks))
    parts = [case.body[i : i + size] for i in range(0, len(case.body), size)] or [b""]
    last = len(parts) - 1 if case.complete else len(parts)
    messages = [{"type": "http.request", "body": p, "more_body": i < last} for i, p in enumerate(parts)]
    sent: list[dict] = []

    async def receive():
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600)  # the client waits for the answer

    async def send(message):
        sent.append(message)

    asyncio.run(asyncio.wait_for(guard(scope, receive, send), 10))
    start = sent[0]
    assert start["type"] == "http.response.start"
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], {k.decode(): v.decode() for k, v in start.get("headers", [])}, body


def one_line_error(body: bytes) -> str:
    assert body.count(b"\n") == 0, body[:200]
    message = json.loads(body)["error"]["message"]
    assert message and "\n" not in message and "Traceback" not in message and len(message) < 400
    assert all(c.isprintable() for c in message), message
    return message


@pytest.mark.parametrize("case", corpus(LIMITS.max_body_bytes), ids=lambda c: c.name)
def test_the_hostile_corpus_gets_its_status_in_one_line(case):
    model = FakeModelApp()
    logged: list[str] = []
    guard = RequestGuard(model, model_alias="fake.gguf", limits=LIMITS, log=logged.append)
    status, _headers, body = call(guard, case)
    assert status == case.status, body[:300]
    if status == 200:
        assert len(model.bodies) == 1 and body.startswith(b"data: ")
        return
    assert model.bodies == []  # nothing refused reaches llama.cpp
    one_line_error(body)
    assert len(logged) == 1 and "\n" not in logged[0] and "\x1b" not in logged[0]


@pytest.mark.parametrize("case", key_cases(), ids=lambda c: c.name)
def test_with_a_key_only_requests_that_send_it_pass(case):
    model = FakeModelApp()
    guard = RequestGuard(model, model_alias="fake.gguf", limits=LIMITS, api_key=KEY)
    status, headers, body = call(guard, case)
    assert status == case.status, body[:300]
    if status == 401:
        assert headers["www-authenticate"] == "Bearer" and model.bodies == []
        one_line_error(body)


def test_the_generated_corpus_covers_the_class():
    cases = corpus(LIMITS.max_body_bytes) + key_cases()
    assert len(cases) >= 100 and len({c.name for c in cases}) == len(cases)
    statuses = {c.status for c in cases}
    assert {200, 400, 401, 404, 405, 413, 415, 421} <= statuses


def test_only_checked_fields_are_forwarded_and_max_tokens_is_clamped_to_the_context():
    model = FakeModelApp()
    guard = RequestGuard(model, model_alias="fake.gguf", limits=LIMITS)
    body = json.dumps(
        {
            "messages": [
                {"role": "developer", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}
            ],
            "max_completion_tokens": 10**6,
            "stream_options": {"include_usage": True},
            "user": "x",
            "n": 1,
        }
    ).encode()
    assert call(guard, Case("clamp", 200, body))[0] == 200
    assert model.bodies == [{"messages": [{"role": "system", "content": "ab"}], "max_tokens": LIMITS.n_ctx}]


def test_the_model_list_is_answered_without_the_model():
    model = FakeModelApp()
    guard = RequestGuard(model, model_alias="fake.gguf", limits=LIMITS)
    status, _headers, body = call(guard, Case("models", 200, method="GET", path="/v1/models"))
    assert status == 200 and json.loads(body)["data"][0]["id"] == "fake.gguf" and model.bodies == []


def test_a_failing_model_gives_one_line_not_a_traceback():
    logged: list[str] = []
    model = FakeModelApp(fail=RuntimeError("llama_decode returned -3\n\x1b[2J\x1b]0;owned\x07"))
    guard = RequestGuard(model, model_alias="fake.gguf", limits=LIMITS, log=logged.append)
    status, _headers, body = call(
        guard, Case("fails", 200, json.dumps({"messages": [{"role": "user", "content": "x"}]}).encode())
    )
    assert status == 500 and "llama_decode returned -3" in one_line_error(body)
    assert len(logged) == 1 and "\x1b" not in logged[0]


def test_a_busy_server_answers_503():
    guard = RequestGuard(FakeModelApp(), model_alias="fake.gguf", limits=LIMITS, max_waiting=0)
    status, _headers, body = call(guard, Case("busy", 200, b'{"messages": []}'))
    assert status == 503 and "busy" in one_line_error(body)


def test_a_body_that_stops_arriving_is_answered_408():
    guard = RequestGuard(FakeModelApp(), model_alias="fake.gguf", limits=LIMITS, body_seconds=0.2)
    case = Case("slow", 408, b'{"messages": [', headers={"content-length": "1000"}, complete=False)
    status, headers, body = call(guard, case)
    assert status == 408 and headers["connection"] == "close" and "in time" in one_line_error(body)


def test_the_body_limit_grows_with_the_context():
    assert Limits.for_context(2048).max_body_bytes == MIN_BODY_BYTES
    assert Limits.for_context(131072).max_body_bytes >= 4 * 1024 * 1024


def test_the_assistants_own_requests_pass():
    """Every task's schema (a user story's pattern included) is taken as the assistant sends it."""
    from roadmap_desktop.domain.project import Project
    from roadmap_desktop.domain.requirement import Requirement
    from roadmap_desktop.llm.remote_engine import chat_payload
    from roadmap_desktop.llm.task_base import TaskInputs
    from roadmap_desktop.llm.tasks import TASKS
    from roadmap_desktop.persistence.risk_library_file import load_default_risk_library

    project = Project.new("Shop helper")
    project.requirements = [Requirement(title=f"Requirement {i}") for i in range(40)]
    inputs = TaskInputs(project=project, library=load_default_risk_library(), brief="an online shop")
    for name, task in TASKS.items():
        payload = chat_payload(
            [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}],
            model="fake.gguf",
            response_format=task.response_format(inputs),
            seed=3,
            stop=["\n\n\n"],
            **task.spec.sampling(),
        )
        try:
            check_chat(json.loads(json.dumps(payload)), Limits())
        except Refused as exc:
            pytest.fail(f"the {name} task's request is refused: {exc}")


def test_a_self_referring_schema_is_refused_without_recursion():
    schema: dict = {"type": "object", "properties": {}}
    node = schema
    for _ in range(5000):
        child: dict = {"type": "object", "properties": {}}
        node["properties"]["a"] = child
        node = child
    with pytest.raises(Refused, match="nests more than"):
        check_schema(schema, Limits(max_schema_bytes=10**9))
