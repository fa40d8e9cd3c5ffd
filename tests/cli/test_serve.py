"""`roadmap-desktop serve`: every problem found before the server starts exits 2 with one line; and
`assist --model URL` reports an unreachable server the same way. (Serving for real: tests/llm/test_remote_engine.py.)"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_desktop.cli import build_subcommand_parser, main
from roadmap_desktop.commandline import serve

MODEL = Path(__file__).resolve().parents[2] / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert "\n" not in err and err.startswith("roadmap-desktop: "), err
    assert captured.out == ""  # nothing announced: the server never started
    return err


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_missing_model_exits_2(tmp_path, capsys):
    assert main(["serve", "--model", str(tmp_path / "nowhere.gguf")]) == 2
    err = one_line_error(capsys)
    assert "nowhere.gguf" in err and "no such file" in err


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"not a model at all", "not a gguf model file"), (b"GGUF\x03\x00\x00\x00", "truncated")],
)
def test_a_file_that_is_not_a_usable_gguf_exits_2(tmp_path, capsys, content, reason):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    assert main(["serve", "--model", str(bad)]) == 2
    err = one_line_error(capsys)
    assert "bad.gguf" in err and reason in err.lower()


def test_a_bad_port_is_a_usage_error(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    assert "a port is 1-65535, not 70000" in capsys.readouterr().err


@pytest.fixture
def model():
    if not MODEL.is_file():
        pytest.skip("run packaging/setup.sh to install the default model")
    return MODEL


def test_without_the_server_extra_it_says_how_to_install_it(model, capsys, monkeypatch):
    monkeypatch.setattr(serve, "missing_server_modules", lambda: ["uvicorn"])
    assert main(["serve", "--model", str(model)]) == 2
    assert "pip install 'roadmap-desktop[server]'" in one_line_error(capsys)


def test_a_port_in_use_exits_2_before_loading(model, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--model", str(model), "--port", str(port)]) == 2
    assert f"port {port} on 127.0.0.1 is in use" in one_line_error(capsys)


def test_an_address_of_another_computer_exits_2(model, capsys):
    assert main(["serve", "--model", str(model), "--host", "192.0.2.77", "--port", str(free_port())]) == 2
    assert "cannot listen on 192.0.2.77" in one_line_error(capsys)


def test_urls_to_type_on_the_laptops(monkeypatch):
    monkeypatch.setattr(serve, "lan_addresses", lambda: ["192.168.1.20"])
    assert serve.urls("127.0.0.1", 8080) == (["http://127.0.0.1:8080"], [])
    assert serve.urls("0.0.0.0", 8080) == (["http://127.0.0.1:8080"], ["http://192.168.1.20:8080"])
    assert serve.urls("192.168.1.20", 9000) == (["http://192.168.1.20:9000"], ["http://192.168.1.20:9000"])


def test_lan_addresses_are_found_without_loopback():
    found = serve.lan_addresses()  # may be empty on a machine without a network
    assert all(isinstance(a, str) and not a.startswith(("127.", "0.")) for a in found)


def test_the_server_queues_requests_and_names_the_model_by_file(model, monkeypatch):
    from roadmap_desktop.llm.engine import server_settings

    monkeypatch.setenv("API_KEY", "from-the-environment")  # llama-cpp-python's settings ignore it
    monkeypatch.setenv("N_CTX", "77")
    server, served = server_settings(model, alias=model.name, n_ctx=2048, n_threads=2, n_gpu_layers=0, verbose=False)
    assert served.model_alias == model.name and served.n_ctx == 2048 and served.n_threads == 2
    assert server.interrupt_requests is False and server.api_key is None and served.logits_all is False


def test_assist_with_an_unreachable_server_exits_2(tmp_path, capsys):
    project = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(project)]) == 0
    capsys.readouterr()
    url = f"http://127.0.0.1:{free_port()}"
    before = project.read_bytes()
    assert main(["assist", str(project), "--task", "requirements", "--brief", "x", "--model", url, "--apply"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"roadmap-desktop: Cannot reach the model server at {url}: connection refused. Is a model server running there?"
    )
    assert project.read_bytes() == before


def test_loopback_is_told_from_the_network():
    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("localhost") and serve.is_loopback("::1")
    assert serve.is_loopback("[::1]") and serve.is_loopback("127.5.6.7")
    assert not serve.is_loopback("0.0.0.0") and not serve.is_loopback("::") and not serve.is_loopback("192.168.1.20")
    assert not serve.is_loopback("no-such-host.invalid")


def test_a_key_is_required_beyond_this_computer_only(monkeypatch):
    from roadmap_desktop.commandline.common import API_KEY_ENV, CommandError

    monkeypatch.delenv(API_KEY_ENV, raising=False)
    assert serve.choose_key(None, "127.0.0.1") == (None, False)
    key, generated = serve.choose_key(None, "0.0.0.0")
    assert generated and len(key) == 19 and key != serve.choose_key(None, "0.0.0.0")[0]
    assert serve.choose_key("given-key-123", "0.0.0.0") == ("given-key-123", False)
    assert serve.choose_key("given-key-123", "127.0.0.1") == ("given-key-123", False)  # asked for: required
    monkeypatch.setenv(API_KEY_ENV, "from-the-env")
    assert serve.choose_key(None, "0.0.0.0") == ("from-the-env", False)
    for bad in ("short", "has a space", "x" * 300, "naïve-key-1"):
        with pytest.raises(CommandError):
            serve.choose_key(bad, "0.0.0.0")


def test_a_bad_key_exits_2_before_loading(model, capsys):
    assert main(["serve", "--model", str(model), "--port", str(free_port()), "--api-key", "a b"]) == 2
    assert "--api-key: a key is" in one_line_error(capsys)


def test_a_model_llama_cpp_refuses_is_one_line_and_exit_2(model, tmp_path):
    """A header our reader accepts, of an architecture llama.cpp does not know: refused after the
    checks, before the banner. In a child process: a model that aborts would take the test along."""
    from roadmap_desktop.llm.catalog import read_model_info

    info = read_model_info(model)
    with open(model, "rb") as stream:
        head = stream.read(info.data_offset)
    alien = tmp_path / "alien.gguf"
    with open(alien, "wb") as stream:  # sparse: the tensor data is never read
        stream.write(head.replace(b"llama", b"llamb"))
        stream.seek(model.stat().st_size - 1)
        stream.write(b"\0")
    assert read_model_info(alien).architecture == "llamb"
    done = subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", "serve", "--model", str(alien), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""  # nothing announced
    note, error = done.stderr.strip().splitlines()  # the first use is checked in a child process first
    assert note == "note: checking alien.gguf"
    assert error.startswith("roadmap-desktop: ") and error.endswith(
        "llama.cpp cannot load alien.gguf: the file is damaged or incomplete, or of a model architecture "
        "this llama.cpp does not know"
    )


def test_the_banner_shows_a_generated_key_and_hides_a_given_one(model, monkeypatch):
    from roadmap_desktop.llm.catalog import read_model_info

    monkeypatch.setattr(serve, "lan_addresses", lambda: ["192.168.1.20"])
    args = build_subcommand_parser().parse_args(["serve", "--model", str(model), "--host", "0.0.0.0", "--threads", "2"])
    info = read_model_info(model)
    shown = "\n".join(serve.banner(model, info, args, "abcd-efgh-jkmn-pqrs", True))
    assert "key:                   abcd-efgh-jkmn-pqrs" in shown and "type the address and the key" in shown
    hidden = "\n".join(serve.banner(model, info, args, "my-secret-key", False))
    assert "my-secret-key" not in hidden and "the one given" in hidden
    assert "key" not in "\n".join(serve.banner(model, info, args, None, False)).lower().replace("keeps", "")


def test_assist_sends_the_key_given_and_refuses_a_malformed_one(tmp_path, capsys, monkeypatch):
    from roadmap_desktop.commandline.common import API_KEY_ENV

    project = tmp_path / "p.roadmap"
    assert main(["new", "-o", str(project)]) == 0
    capsys.readouterr()
    url = f"http://127.0.0.1:{free_port()}"
    command = ["assist", str(project), "--task", "requirements", "--brief", "x", "--model", url]
    assert main([*command, "--api-key", "a b"]) == 2
    assert capsys.readouterr().err.strip() == (
        "roadmap-desktop: Not a model server key: a key is 8 to 256 characters, not 3"
    )
    monkeypatch.setenv(API_KEY_ENV, "has a space")
    assert main(command) == 2
    assert "Not a model server key: a key may hold only" in capsys.readouterr().err
