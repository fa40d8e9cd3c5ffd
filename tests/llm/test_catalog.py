"""The model catalog: GGUF header metadata of the real models, memory estimates, bad files
(truncated, random, empty, absurd) ending in one ModelFileError, header-only reading, the search
for models and the `roadmap-desktop models` command."""

from __future__ import annotations

import json
import os
import random
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roadmap_desktop.llm import catalog
from roadmap_desktop.llm.catalog import (
    COMPUTE_ALLOWANCE_BYTES,
    BrokenModel,
    ModelFileError,
    ModelInfo,
    available_memory_bytes,
    estimate_memory,
    find_models,
    fits,
    format_count,
    read_model_info,
)
from roadmap_desktop.persistence.paths import HOME_ENV, models_dir

SMOL = models_dir() / "SmolLM2-135M-Instruct.Q4_1.gguf"
GEMMA = models_dir() / "gemma-3-270m-q4_k_m.gguf"
MB = 1024 * 1024

needs_smol = pytest.mark.skipif(not SMOL.is_file(), reason="SmolLM2 GGUF not in models/")
needs_gemma = pytest.mark.skipif(not GEMMA.is_file(), reason="Gemma 3 GGUF not in models/")


@pytest.fixture(scope="module")
def smol_header() -> bytes:
    """The SmolLM2 file up to the start of its tensor data."""
    info = read_model_info(SMOL)
    with open(SMOL, "rb") as stream:
        return stream.read(info.data_offset)


def gguf_bytes(*, version: int = 3, tensors: int = 0, kvs: list[bytes] = (), tail: bytes = b"") -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensors, len(kvs)) + b"".join(kvs) + tail


def gguf_string(text: str | bytes, declared: int | None = None) -> bytes:
    raw = text.encode() if isinstance(text, str) else text
    return struct.pack("<Q", len(raw) if declared is None else declared) + raw


def expect_error(path: Path, *words: str) -> str:
    with pytest.raises(ModelFileError) as caught:
        read_model_info(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message, message
    for word in words:
        assert word in message, message
    return message


# -- the real models ---------------------------------------------------------------------------


@needs_smol
def test_smollm2_metadata():
    info = read_model_info(SMOL)
    assert info.architecture == "llama"
    assert 130e6 < info.parameter_count < 140e6 and info.parameters_label == "135M"
    assert info.quantization == "Q4_1"
    assert info.context_length == 8192
    assert (info.n_layers, info.embedding_length, info.n_head, info.n_head_kv) == (30, 576, 9, 3)
    assert info.key_length == info.value_length == 64
    assert info.has_chat_template
    assert info.file_size == SMOL.stat().st_size and info.name
    assert info.gguf_version == 3 and info.tensor_count == 272


@needs_gemma
def test_gemma_metadata():
    info = read_model_info(GEMMA)
    assert info.architecture == "gemma3"
    assert 260e6 < info.parameter_count < 280e6 and info.parameters_label == "268M"
    assert info.quantization == "Q4_K_M"
    assert info.context_length == 32768 and info.n_layers == 18
    assert info.key_length == info.value_length == 256  # given by the header, not 640 / 4


@needs_smol
def test_memory_estimate_smollm2_by_hand():
    info = read_model_info(SMOL)
    estimate = estimate_memory(info, 4096)
    # From the header: 30 blocks, 3 KV heads, head width 576 / 9 = 64; f16 = 2 bytes; K and V.
    kv_by_hand = 2 * 30 * 4096 * (3 * 64) * 2
    assert kv_by_hand == 94_371_840
    assert estimate.kv_cache_bytes == kv_by_hand
    assert estimate.weights_bytes == SMOL.stat().st_size
    assert estimate.total_bytes == SMOL.stat().st_size + kv_by_hand + COMPUTE_ALLOWANCE_BYTES
    assert "30 layers" in estimate.explanation and "4096 tokens" in estimate.explanation
    assert estimate_memory(info, 8192).kv_cache_bytes == 2 * kv_by_hand


@needs_smol
def test_fits():
    estimate = estimate_memory(read_model_info(SMOL), 4096)
    ok, message = fits(estimate, 64 * 1024 * MB)
    assert ok and "available" in message
    ok, message = fits(estimate, estimate.total_bytes)  # no room for the margin
    assert not ok and "only" in message
    ok, message = fits(estimate, None)
    assert ok and "unknown" in message


def test_available_memory_is_plausible():
    available = available_memory_bytes()
    if sys.platform.startswith("linux"):
        assert available is not None
    assert available is None or available > 0


def test_estimate_without_attention_numbers():
    info = ModelInfo(
        path=Path("x.gguf"), file_size=1000, name="x", architecture=None, parameter_count=None,
        quantization=None, context_length=None, n_layers=None, embedding_length=None, n_head=None,
        n_head_kv=None, key_length=None, value_length=None, has_chat_template=False, gguf_version=3,
        tensor_count=0, data_offset=32,
    )  # fmt: skip
    estimate = estimate_memory(info, 2048)
    assert estimate.kv_cache_bytes is None and "unknown" in estimate.explanation
    assert estimate.total_bytes == 1000 + COMPUTE_ALLOWANCE_BYTES


def test_format_count():
    assert [format_count(n) for n in (None, 0, 950, 12_300, 134_515_008, 1_710_000_000, 7_240_000_000)] == [
        "?", "?", "950", "12.3K", "135M", "1.7B", "7.2B",
    ]  # fmt: skip


# -- reading only the header -------------------------------------------------------------------


@needs_smol
def test_reading_touches_only_the_header(monkeypatch):
    counted = {"bytes": 0}
    real_open = catalog.open_model_file

    class CountingFile:
        def __init__(self, stream):
            self._stream = stream

        def read(self, size=-1):
            assert size is not None and size >= 0, "the reader must never read to the end"
            data = self._stream.read(size)
            counted["bytes"] += len(data)
            return data

        def __getattr__(self, name):
            return getattr(self._stream, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._stream.close()

    monkeypatch.setattr(catalog, "open_model_file", lambda path: CountingFile(real_open(path)))
    started = time.perf_counter()
    info = read_model_info(SMOL)
    elapsed = time.perf_counter() - started
    # The header (1.7 MB of it is the 49,152-token vocabulary and merges) is all that is read:
    # at most one read chunk past the start of the 96 MB of tensor data.
    assert info.data_offset < 2 * MB
    assert counted["bytes"] <= info.data_offset + catalog._Cursor.CHUNK
    assert counted["bytes"] < info.file_size / 40
    assert elapsed < 1.0, f"reading the header took {elapsed:.3f} s"


@needs_gemma
def test_large_vocabulary_is_skipped_quickly():
    read_model_info(GEMMA)  # warm the page cache
    started = time.perf_counter()
    read_model_info(GEMMA)
    assert time.perf_counter() - started < 1.0


# -- bad files ---------------------------------------------------------------------------------


@needs_smol
def test_truncated_in_the_header(tmp_path):
    path = tmp_path / "first-megabyte.gguf"
    with open(SMOL, "rb") as stream:
        path.write_bytes(stream.read(MB))
    expect_error(path, "truncated")


@needs_smol
def test_truncated_in_the_tensor_data(tmp_path, smol_header):
    path = tmp_path / "cut-download.gguf"
    with open(SMOL, "rb") as stream:
        path.write_bytes(stream.read(len(smol_header) + 10 * MB))
    message = expect_error(path, "truncated", "tensor data", "missing")
    assert f"{SMOL.stat().st_size:,}" in message  # the size the file should have


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ("empty",)),
        (b"GG", ("not a GGUF",)),
        (random.Random(1).randbytes(4096), ("not a GGUF",)),
        (b"PK\x03\x04" + bytes(100), ("not a GGUF",)),
        (b"GGUF", ("truncated",)),
        (gguf_bytes(tensors=1), ("truncated",)),
        (gguf_bytes(kvs=[gguf_string("general.name", declared=500) + b"cut"]), ("truncated",)),
        (gguf_bytes(kvs=[gguf_string("k") + struct.pack("<IIQ", 9, 6, 1000) + bytes(40)]), ("truncated",)),
        (gguf_bytes(version=1), ("unsupported GGUF version 1",)),
        (gguf_bytes(version=99), ("unsupported GGUF version 99",)),
        (b"GGUF" + struct.pack(">IQQ", 3, 0, 0), ("big-endian",)),
        (gguf_bytes(tensors=10**15), ("tensors", "more than the file")),
        (b"GGUF" + struct.pack("<IQQ", 3, 0, 2**63), ("metadata entries", "more than the file")),
        (gguf_bytes(kvs=[gguf_string("general.name", declared=2**62)]), ("string", "more than the file")),
        (gguf_bytes(kvs=[gguf_string("k") + struct.pack("<I", 77)]), ("unknown value type 77",)),
        (gguf_bytes(kvs=[gguf_string("k") + struct.pack("<IIQ", 9, 4, 2**60)]), ("items", "more than the file")),
        (gguf_bytes(kvs=[gguf_string("k") + struct.pack("<IIQ", 9, 8, 2**60)]), ("strings", "more than the file")),
        (
            gguf_bytes(tensors=1, tail=gguf_string("w") + struct.pack("<I", 9) + bytes(100)),
            ("9 dimensions",),
        ),
        (
            gguf_bytes(tensors=1, tail=gguf_string("w") + struct.pack("<IQIQ", 1, 32, 200, 0) + bytes(64)),
            ("unknown type 200",),
        ),
        (
            gguf_bytes(tensors=1, tail=gguf_string("w") + struct.pack("<IQQIQ", 2, 2**40, 2**40, 0, 0) + bytes(64)),
            ("impossible",),
        ),
        (
            gguf_bytes(tensors=1, tail=gguf_string("w") + struct.pack("<IQIQ", 1, 1024, 0, 0) + bytes(64)),
            ("truncated", "tensor data"),
        ),
        (
            gguf_bytes(kvs=[gguf_string("general.alignment") + struct.pack("<II", 4, 3)]),
            ("alignment",),
        ),
    ],
    ids=lambda value: None if isinstance(value, bytes) else "-".join(value)[:40],
)
def test_bad_content_gives_one_clear_error(tmp_path, content, words):
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    expect_error(path, *words)


def test_minimal_valid_file(tmp_path):
    # One F32 tensor of 8 elements, 32-byte aligned data: a well-formed GGUF of 128 bytes.
    # The keys llama.cpp requires of every model (the header checks refuse a file without them).
    required = [gguf_string(f"tiny.{key}") + struct.pack("<II", 4, 1) for key in ("block_count", "context_length")]
    head = gguf_bytes(
        tensors=1,
        kvs=[
            gguf_string("general.architecture") + struct.pack("<I", 8) + gguf_string("tiny"),
            *required,
            gguf_string("tiny.embedding_length") + struct.pack("<II", 4, 8),
        ],
        tail=gguf_string("w") + struct.pack("<IQIQ", 1, 8, 0, 0),
    )
    padded = head + bytes(-len(head) % 32)
    path = tmp_path / "tiny.gguf"
    path.write_bytes(padded + bytes(32))
    info = read_model_info(path)
    assert (info.architecture, info.parameter_count, info.quantization, info.name) == ("tiny", 8, "F32", "tiny")
    assert info.data_offset == len(padded) and not info.has_chat_template
    path.write_bytes(padded + bytes(31))
    expect_error(path, "truncated", "1 missing")


def test_missing_file_and_folder(tmp_path):
    expect_error(tmp_path / "nope.gguf", "no such file")
    folder = tmp_path / "folder.gguf"
    folder.mkdir()
    expect_error(folder, "folder")


@needs_smol
def test_fuzz_truncations_and_mutations(tmp_path, smol_header):
    """Whatever the bytes, read_model_info returns a ModelInfo or raises ModelFileError."""
    rng = random.Random(20240611)
    path = tmp_path / "fuzz.gguf"
    cases: list[bytes] = [smol_header[:cut] for cut in rng.sample(range(len(smol_header)), 40)]
    for _ in range(60):
        mutated = bytearray(smol_header[: rng.choice((64, 512, 4096, len(smol_header)))])
        for _ in range(rng.randint(1, 8)):
            mutated[rng.randrange(4, len(mutated))] = rng.randrange(256)
        cases.append(bytes(mutated))
    cases += [b"GGUF" + rng.randbytes(rng.randint(0, 2000)) for _ in range(40)]
    cases += [b"GGUF" + struct.pack("<I", 3) + rng.randbytes(rng.randint(0, 200)) for _ in range(40)]
    outcomes = {"ok": 0, "error": 0}
    for content in cases:
        path.write_bytes(content)
        try:
            read_model_info(path)
        except ModelFileError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)
            outcomes["error"] += 1
        else:
            outcomes["ok"] += 1
    assert outcomes["error"] > 100, outcomes


# -- finding models ----------------------------------------------------------------------------


@needs_smol
def test_find_models_reports_broken_files(tmp_path, monkeypatch):
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    user_models = tmp_path / "home" / "data" / "models"
    user_models.mkdir(parents=True)
    (user_models / "broken.gguf").write_bytes(b"not a model")
    (user_models / "notes.txt").write_text("ignored")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "same-as-smol.gguf").symlink_to(SMOL)  # one file under two names is listed once
    (extra / "empty.gguf").write_bytes(b"")
    found = find_models([extra])
    by_name = {entry.path.name: entry for entry in found}
    assert isinstance(by_name[SMOL.name], ModelInfo)
    assert "same-as-smol.gguf" not in by_name
    assert isinstance(by_name["broken.gguf"], BrokenModel) and "not a GGUF" in by_name["broken.gguf"].error
    assert isinstance(by_name["empty.gguf"], BrokenModel) and by_name["empty.gguf"].file_size == 0
    assert "notes.txt" not in by_name
    assert [e.path.name for e in find_models([SMOL])].count(SMOL.name) == 1  # a single file as extra


def test_find_models_ignores_missing_folders(tmp_path):
    assert all(isinstance(entry, ModelInfo | BrokenModel) for entry in find_models([tmp_path / "absent"]))


def test_catalog_imports_neither_qt_nor_llama():
    code = (
        "import sys, roadmap_desktop.llm.catalog\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'llama_cpp', 'gguf')]\n"
        "print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr


# -- the command line --------------------------------------------------------------------------


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{HOME_ENV: str(home)})
    return subprocess.run(
        [sys.executable, "-m", "roadmap_desktop", *args], capture_output=True, text=True, timeout=60, env=env
    )


@needs_smol
def test_models_command(tmp_path):
    user_models = tmp_path / "data" / "models"
    user_models.mkdir(parents=True)
    (user_models / "half.gguf").write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 1, 0))
    result = run_cli("models", home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert SMOL.name in out and "llama" in out and "135M" in out and "Q4_1" in out and "context 8192" in out
    assert "memory at n_ctx 4096" in out and "KV cache 90.0 MiB" in out
    assert "half.gguf" in out and "unusable" in out and "truncated" in out
    assert "Traceback" not in result.stderr

    as_json = run_cli("models", "--json", "--n-ctx", "2048", home=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    smol = next(m for m in data["models"] if m["path"].endswith(SMOL.name))
    assert smol["architecture"] == "llama" and smol["quantization"] == "Q4_1"
    assert smol["memory"]["kv_cache_bytes"] == 2 * 30 * 2048 * 3 * 64 * 2
    assert isinstance(smol["memory"]["fits"], bool)
    half = next(m for m in data["models"] if m["path"].endswith("half.gguf"))
    assert "truncated" in half["error"]

    bad_arg = run_cli("models", "--n-ctx", "0", home=tmp_path)
    assert bad_arg.returncode == 2 and "--n-ctx" in bad_arg.stderr
