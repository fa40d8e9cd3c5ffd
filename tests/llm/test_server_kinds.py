"""Every kind of model server the assistant knows, replayed from recorded answers (Ollama, LM Studio,
vLLM and llama-server, from their documentation and source): it is recognised on connect, its chat
models are listed and one picked, structured output goes in the form it enforces, and the answer
streams. Also an unknown OpenAI-compatible server, and the servers found on this computer."""

from __future__ import annotations

import time

import pytest
from recorded_servers import RECORDED, RecordedServer, recording

from roadmap_desktop.llm import server_kinds
from roadmap_desktop.llm.engine_api import EngineError
from roadmap_desktop.llm.remote_engine import RemoteEngine
from roadmap_desktop.llm.server_discovery import find_local_servers, local_ports
from roadmap_desktop.llm.server_kinds import KINDS, response_format_for

SCHEMA = {
    "type": "object",
    "properties": {"joke": {"type": "string", "maxLength": 80}},
    "required": ["joke"],
    "additionalProperties": False,
}
ASKED = {"type": "json_object", "schema": SCHEMA}  # the assistant's own form
HELLO = [{"role": "user", "content": "Tell me a joke."}]


def test_every_recorded_server_kind_is_covered():
    assert set(RECORDED) >= {"ollama", "lmstudio", "vllm", "llama-server"}
    for name in RECORDED:
        assert recording(name)["sources"], f"{name}: say where the recording comes from"


@pytest.mark.parametrize("name", RECORDED)
def test_a_recorded_server_is_recognised_listed_and_asked_in_its_own_form(name):
    expect = recording(name)["expect"]
    with RecordedServer(name) as server:
        engine = RemoteEngine()
        info = engine.load(server.url + "/v1/")
        assert info.kind.id == expect["kind"] and info.kind.enforces_schema and info.notes == []
        assert info.models == expect["models"]  # embedding models left out
        assert info.model == expect["model"]  # a loaded one where the server says which
        details = {m.id: m.detail for m in info.served}
        for model, detail in expect["detail"].items():
            assert details[model] == detail
        shown = info.as_dict()
        assert (shown["server_kind"], shown["schema_enforced"], shown["model"]) == (expect["kind"], True, info.model)

        stream = engine.stream_chat(HELLO, max_tokens=32, temperature=0.2, seed=4, response_format=ASKED)
        assert "".join(stream) == expect["text"]
        assert stream.result.finish_reason == "stop" and not stream.result.cancelled
        (body,) = server.chat_bodies()
        assert body["model"] == expect["model"] and body["stream"] is True and body["seed"] == 4
        sent = body["response_format"]
        assert sent["type"] == expect["response_format"]
        assert sent == response_format_for(KINDS[expect["kind"]], ASKED)
        assert (sent["json_schema"]["schema"] if sent["type"] == "json_schema" else sent["schema"]) == SCHEMA
        for field in ("repeat_penalty", "repetition_penalty"):
            assert (field in body) == (field == expect["repeat_field"]), field
        assert body["frequency_penalty"] > 0 and body["presence_penalty"] > 0
        if "tokens" in expect:
            assert engine.count_tokens("Hello, how are you?") == expect["tokens"]
        else:
            assert engine.count_tokens("twelve chars") == 3  # no counter: an estimate


@pytest.mark.parametrize("name", ["ollama", "lmstudio"])
def test_another_of_the_servers_models_can_be_chosen(name):
    expect = recording(name)["expect"]
    other = next(m for m in expect["models"] if m != expect["model"])
    with RecordedServer(name) as server:
        engine = RemoteEngine()
        assert engine.load(server.url, model=other).model == other
        list(engine.stream_chat(HELLO, max_tokens=16, response_format=ASKED))
        assert server.chat_bodies()[-1]["model"] == other
        assert engine.load(server.url, prefer_model="gone:latest").model == expect["model"]  # a preference only
        with pytest.raises(EngineError, match=rf"does not serve gone:latest; it serves {expect['models'][0]}"):
            engine.load(server.url, model="gone:latest")


def test_ollama_before_0_5_has_json_mode_only_and_says_so():
    with RecordedServer("ollama") as server:
        server.recording["routes"]["GET /api/version"]["body"] = {"version": "0.4.7"}
        engine = RemoteEngine()
        info = engine.load(server.url)
        assert info.kind.id == "ollama" and not info.kind.enforces_schema
        (note,) = info.notes
        assert note.startswith(f"Ollama at {server.url} cannot enforce the answer's JSON schema") and "\n" not in note
        list(engine.stream_chat(HELLO, max_tokens=16, response_format=ASKED))
        assert server.chat_bodies()[-1]["response_format"] == {"type": "json_object"}


def _unknown_server(pieces: tuple[str, ...] = ('{"joke": ', '"vLLM is wonderful!"}')) -> dict:
    def chunk(content: str, finish: str | None = None) -> dict:
        return {
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": finish}],
        }

    return {
        "sources": ["a server the app does not know: OpenAI's own model list and chunk shapes"],
        "routes": {"GET /v1/models": {"body": {"object": "list", "data": [{"id": "house-model", "object": "model"}]}}},
        "chat": {"events": [*(chunk(p) for p in pieces), chunk("", "length"), "[DONE]"]},
    }


def test_an_unknown_server_gets_openais_form_and_a_note_and_its_drafts_are_salvaged():
    from roadmap_desktop.llm.task_base import TaskResult, list_items

    loose = ("Sure, here you go: ", '{"items": [{"title": "Track orders"}, ', '{"title": "Refu')
    with RecordedServer(_unknown_server(loose)) as server:
        engine = RemoteEngine()
        info = engine.load(server.url)
        assert info.kind is server_kinds.GENERIC and info.model == "house-model"
        probed = [path for method, path, _ in server.requests if method == "GET"]
        assert probed == ["/v1/models", *server_kinds.PROBES]
        (note,) = info.notes
        assert "is not one the app knows" in note and "complete items" in note and "\n" not in note
        stream = engine.stream_chat(HELLO, max_tokens=16, response_format=ASKED)
        text = "".join(stream)
        body = server.chat_bodies()[-1]
        assert body["response_format"]["type"] == "json_schema"
        assert "repeat_penalty" not in body and "repetition_penalty" not in body  # OpenAI's fields only
    assert stream.result.finish_reason == "length"
    # The loose answer is read as a local model's is: the complete item kept, the rest said.
    result = TaskResult("requirements")
    assert list_items(text, "items", result) == [(1, {"title": "Track orders"})]
    assert result.dropped == ["item 2 was cut off"] and not result.complete


def test_an_unknown_server_that_refuses_the_schema_is_asked_again_without_it():
    with RecordedServer(_unknown_server(), refuse_response_format=True) as server:
        engine = RemoteEngine()
        engine.load(server.url)
        stream = engine.stream_chat(HELLO, max_tokens=16, response_format=ASKED)
        assert "".join(stream) == '{"joke": "vLLM is wonderful!"}'
        first, second = server.chat_bodies()
        assert "response_format" in first and "response_format" not in second
    with RecordedServer("vllm", refuse_response_format=True) as server:  # a known server's refusal is an error
        engine = RemoteEngine()
        engine.load(server.url)
        with pytest.raises(EngineError, match="answered HTTP 400 Bad Request: response_format is not supported"):
            list(engine.stream_chat(HELLO, max_tokens=16, response_format=ASKED))


def test_the_forms_of_structured_output():
    assert response_format_for(server_kinds.ROADMAP, ASKED) == ASKED
    assert response_format_for(server_kinds.LLAMA_CPP_PYTHON, ASKED) == ASKED
    for kind in (server_kinds.LLAMA_SERVER, server_kinds.OLLAMA, server_kinds.LM_STUDIO, server_kinds.VLLM):
        assert response_format_for(kind, ASKED) == {
            "type": "json_schema",
            "json_schema": {"name": "answer", "strict": True, "schema": SCHEMA},
        }
    assert response_format_for(server_kinds.OLLAMA_JSON_MODE, ASKED) == {"type": "json_object"}
    assert response_format_for(server_kinds.VLLM, {"type": "json_object"}) == {"type": "json_object"}
    assert response_format_for(server_kinds.VLLM, None) is None


def test_servers_running_on_this_computer_are_found_quickly(monkeypatch):
    from test_remote_engine import free_port

    closed = free_port()
    with RecordedServer("ollama") as ollama, RecordedServer("lmstudio") as lmstudio:
        start = time.perf_counter()
        found = find_local_servers((ollama.port, closed, lmstudio.port))
        took = time.perf_counter() - start
    assert [(s.url, s.name) for s in found] == [(ollama.url, "Ollama"), (lmstudio.url, "LM Studio")]
    assert found[0].models[0] == ("codellama:13b", "13B · Q4_0") and found[0].schema_enforced
    assert took < 3, took
    monkeypatch.setenv("ROADMAP_DESKTOP_SERVER_PORTS", "11434, 1234 x")
    assert local_ports() == (11434, 1234)
    monkeypatch.setenv("ROADMAP_DESKTOP_SERVER_PORTS", "")
    assert local_ports() == () and find_local_servers() == []
    monkeypatch.delenv("ROADMAP_DESKTOP_SERVER_PORTS")
    assert local_ports() == (11434, 1234, 8080)


def test_assist_takes_any_recorded_server_and_its_model(tmp_path, capsys):
    from roadmap_desktop.cli import main

    project = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(project), "--name", "Shop helper"]) == 0
    capsys.readouterr()
    with RecordedServer("ollama") as server:
        command = ["assist", str(project), "--task", "summary", "--model", server.url, "--quiet"]
        assert main([*command, "--server-model", "codellama:13b"]) == 0
        err = capsys.readouterr().err
        assert f"note: using codellama:13b on Ollama at {server.url}" in err
        # The server said the model's size (13B): large enough to be asked for the summary's opening.
        assert "no model needed" not in err
        (body,) = server.chat_bodies()
        assert body["model"] == "codellama:13b" and body["response_format"]["type"] == "json_schema"
        assert main([*command, "--server-model", "nope"]) == 2
        assert "does not serve nope; it serves codellama:13b" in capsys.readouterr().err
    assert main(["assist", str(project), "--task", "summary", "--server-model", "x"]) == 2
    assert "--server-model needs --model with a server's http:// address" in capsys.readouterr().err
