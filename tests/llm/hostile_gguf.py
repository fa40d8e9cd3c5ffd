"""Generators of hostile model files and chat templates for the tests (nothing large is committed).

``gguf_file`` builds a small well-formed GGUF from typed key/values and tensors; ``hostile_gguf_cases``
turns it into the corpus: valid headers with values llama.cpp asserts on, truncations, huge counts,
wrong types. ``special_files`` makes what is not a regular file under a model's name (FIFO, folder,
empty file, dangling link). ``with_value`` copies a real model with one header value rewritten in
place (the crash the probe must catch). ``hostile_templates`` lists chat templates that loop, grow,
recurse, escape the sandbox or do not compile.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# GGUF value types
U8, I8, U16, I16, U32, I32, F32, BOOL, STRING, ARRAY, U64, I64, F64 = range(13)
_FORMATS = {U8: "<B", I8: "<b", U16: "<H", I16: "<h", U32: "<I", I32: "<i", F32: "<f", BOOL: "<?"}
_FORMATS |= {U64: "<Q", I64: "<q", F64: "<d"}
ALIGNMENT = 32


def _string(text: str | bytes, declared: int | None = None) -> bytes:
    raw = text.encode() if isinstance(text, str) else text
    return struct.pack("<Q", len(raw) if declared is None else declared) + raw


def _typed(value: object) -> tuple[int, object]:
    """A Python value with its GGUF type: (type, value) tuples pass through."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, bool):
        return BOOL, value
    if isinstance(value, int):
        return (U32 if 0 <= value < 1 << 32 else I64), value
    if isinstance(value, float):
        return F32, value
    if isinstance(value, str):
        return STRING, value
    if isinstance(value, list):
        return ARRAY, value
    raise TypeError(value)


def _value(kind: int, value: object) -> bytes:
    if kind == STRING:
        return _string(value)  # type: ignore[arg-type]
    if kind == ARRAY:
        items = [_typed(item) for item in value]  # type: ignore[union-attr]
        item_kind = items[0][0] if items else U32
        return struct.pack("<IQ", item_kind, len(items)) + b"".join(_value(item_kind, v) for _k, v in items)
    return struct.pack(_FORMATS[kind], value)


def tiny_metadata(arch: str = "llama", **overrides: object) -> dict[str, object]:
    """The keys llama.cpp reads first for a small llama-like model; ``overrides`` replace or (None) drop."""
    metadata: dict[str, object] = {
        "general.architecture": arch,
        "general.name": "tiny",
        f"{arch}.block_count": 2,
        f"{arch}.context_length": 256,
        f"{arch}.embedding_length": 8,
        f"{arch}.feed_forward_length": 16,
        f"{arch}.attention.head_count": 2,
        f"{arch}.attention.head_count_kv": 1,
        f"{arch}.attention.layer_norm_rms_epsilon": 1e-5,
        "tokenizer.ggml.model": "gpt2",
        "tokenizer.ggml.tokens": ["a", "b", "c"],
    }
    for key, value in overrides.items():
        key = key.replace("__", ".").replace("ARCH", arch)
        if value is None:
            metadata.pop(key, None)
        else:
            metadata[key] = value
    return metadata


def gguf_bytes(
    metadata: dict[str, object],
    tensors: list[tuple[str, list[int]]] = (("w", [8]),),  # type: ignore[assignment]
    *,
    version: int = 3,
    tensor_count: int | None = None,
    kv_count: int | None = None,
    data: bool = True,
) -> bytes:
    """A GGUF file: header, key/values, F32 tensor infos, aligned data (``data=False``: header only)."""
    body = b"".join(_string(key) + struct.pack("<I", _typed(v)[0]) + _value(*_typed(v)) for key, v in metadata.items())
    infos = b""
    offset = 0
    for name, dims in tensors:
        infos += _string(name) + struct.pack("<I", len(dims)) + struct.pack(f"<{len(dims)}Q", *dims)
        infos += struct.pack("<IQ", 0, offset)  # F32
        elements = 1
        for d in dims:
            elements *= d
        offset += -(-elements * 4 // ALIGNMENT) * ALIGNMENT
    head = b"GGUF" + struct.pack(
        "<IQQ",
        version,
        len(tensors) if tensor_count is None else tensor_count,
        len(metadata) if kv_count is None else kv_count,
    )
    head += body + infos
    head += bytes(-len(head) % ALIGNMENT)
    return head + (bytes(offset) if data else b"")


@dataclass(frozen=True)
class Case:
    name: str
    content: bytes
    words: tuple[str, ...]  # what the one-line refusal must say


def hostile_gguf_cases() -> Iterator[Case]:
    """Every hostile model file of the corpus, each with the words its refusal must contain."""
    good = gguf_bytes(tiny_metadata())
    # values llama.cpp asserts on (GGML_ASSERT aborts the process) or cannot use
    for value in (0, 513, 4294967295):
        yield Case(f"block_count {value}", gguf_bytes(tiny_metadata(ARCH__block_count=value)), ("block_count",))
    yield Case("block_count negative", gguf_bytes(tiny_metadata(ARCH__block_count=(I32, -1))), ("block_count",))
    yield Case("block_count as text", gguf_bytes(tiny_metadata(ARCH__block_count="30")), ("block_count",))
    yield Case("block_count as float", gguf_bytes(tiny_metadata(ARCH__block_count=30.0)), ("block_count",))
    yield Case("no block_count", gguf_bytes(tiny_metadata(ARCH__block_count=None)), ("block_count", "missing"))
    for key in ("context_length", "embedding_length"):
        yield Case(f"{key} 0", gguf_bytes(tiny_metadata(**{f"ARCH__{key}": 0})), (key,))
        yield Case(f"{key} huge", gguf_bytes(tiny_metadata(**{f"ARCH__{key}": (U64, 1 << 62)})), (key,))
        yield Case(f"no {key}", gguf_bytes(tiny_metadata(**{f"ARCH__{key}": None})), (key, "missing"))
    yield Case("no architecture", gguf_bytes(tiny_metadata(general__architecture=None)), ("general.architecture",))
    yield Case("blank architecture", gguf_bytes(tiny_metadata(general__architecture=" ")), ("general.architecture",))
    yield Case("architecture a number", gguf_bytes(tiny_metadata(general__architecture=7)), ("general.architecture",))
    yield Case(
        "per-layer heads longer than the layers",
        gguf_bytes(tiny_metadata(ARCH__attention__head_count=[2, 2, 2, 2])),
        ("head_count", "per-layer"),
    )
    yield Case("heads huge", gguf_bytes(tiny_metadata(ARCH__attention__head_count=1 << 20)), ("head_count",))
    yield Case("heads negative", gguf_bytes(tiny_metadata(ARCH__attention__head_count=(I32, -2))), ("head_count",))
    yield Case("empty vocabulary", gguf_bytes(tiny_metadata(tokenizer__ggml__tokens=[])), ("tokenizer.ggml.tokens",))
    yield Case("vocab_size 0", gguf_bytes(tiny_metadata(ARCH__vocab_size=0)), ("vocab_size",))
    yield Case(
        "experts used > experts",
        gguf_bytes(tiny_metadata(ARCH__expert_count=4, ARCH__expert_used_count=8)),
        ("expert_used_count",),
    )
    yield Case("experts used, no experts", gguf_bytes(tiny_metadata(ARCH__expert_used_count=2)), ("expert_used_count",))
    yield Case(
        "experts 8, none used",
        gguf_bytes(tiny_metadata(ARCH__expert_count=8, ARCH__expert_used_count=0)),
        ("expert_used_count",),
    )
    yield Case(
        "expert groups too many",
        gguf_bytes(tiny_metadata(ARCH__expert_count=4, ARCH__expert_used_count=2, ARCH__expert_group_count=4)),
        ("expert_group_count",),
    )
    yield Case(
        "rope scaling unknown", gguf_bytes(tiny_metadata(ARCH__rope__scaling__type="warp")), ("rope.scaling.type",)
    )
    yield Case(
        "norm epsilon negative", gguf_bytes(tiny_metadata(ARCH__attention__layer_norm_rms_epsilon=-1.0)), ("epsilon",)
    )
    yield Case(
        "norm epsilon NaN",
        gguf_bytes(tiny_metadata(ARCH__attention__layer_norm_rms_epsilon=float("nan"))),
        ("epsilon",),
    )
    yield Case(
        "nextn layers beyond the layers",
        gguf_bytes(tiny_metadata(ARCH__nextn_predict_layers=9)),
        ("nextn_predict_layers",),
    )
    yield Case("no tensors", gguf_bytes(tiny_metadata(), tensors=[]), ("no tensors",))
    # malformed headers
    yield Case("empty", b"", ("empty",))
    yield Case("signature only", b"GGUF", ("truncated",))
    yield Case("not GGUF", b"PK\x03\x04" + bytes(60), ("GGUF signature",))
    yield Case("version 1", gguf_bytes(tiny_metadata(), version=1), ("version",))
    yield Case("version 99", gguf_bytes(tiny_metadata(), version=99), ("version",))
    yield Case("tensor count huge", gguf_bytes(tiny_metadata(), tensor_count=1 << 60), ("tensors",))
    yield Case("kv count huge", gguf_bytes(tiny_metadata(), kv_count=1 << 62), ())
    yield Case("kv count beyond the keys", gguf_bytes(tiny_metadata(), kv_count=len(tiny_metadata()) + 5), ())
    yield Case("key length huge", good[:24] + _string(b"general.architecture", declared=1 << 61), ())
    yield Case("array count huge", good[:24] + _string("a") + struct.pack("<IIQ", ARRAY, U32, 1 << 60), ())
    yield Case("array of arrays deep", good[:24] + _string("a") + struct.pack("<II", ARRAY, ARRAY) * 200, ())
    yield Case("unknown value type", good[:24] + _string("a") + struct.pack("<I", 77) + bytes(4096), ("type",))
    yield Case("header cut in the keys", good[:100], ("truncated",))
    yield Case("header cut in the tensors", good[: len(good) - 40], ("truncated",))
    yield Case("tensor data missing", gguf_bytes(tiny_metadata(), data=False), ("truncated", "missing"))
    yield Case(
        "tensor dimension huge",
        gguf_bytes(tiny_metadata(), tensors=[("w", [1 << 40, 1 << 40])], data=False),
        (),
    )


def special_files(folder: Path) -> dict[str, Path]:
    """What is not a regular file, under model names in ``folder``: {description: path}."""
    made: dict[str, Path] = {}
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.gguf"
        os.mkfifo(fifo)
        made["a named pipe (FIFO)"] = fifo
    directory = folder / "folder.gguf"
    directory.mkdir()
    made["a folder"] = directory
    empty = folder / "empty.gguf"
    empty.write_bytes(b"")
    made["an empty file"] = empty
    dangling = folder / "dangling.gguf"
    dangling.symlink_to(folder / "nowhere.gguf")
    made["a dangling link"] = dangling
    if hasattr(os, "mkfifo"):
        linked = folder / "link-to-fifo.gguf"
        linked.symlink_to(fifo)
        made["a link to a FIFO"] = linked
    if os.path.exists("/dev/zero"):
        device = folder / "zero.gguf"
        device.symlink_to("/dev/zero")
        made["a link to a device"] = device
    return made


def header_values(path: Path) -> dict[str, tuple[int, int, int]]:
    """{key: (type, offset of the value, size)} for the scalar values of a GGUF file's header."""
    found: dict[str, tuple[int, int, int]] = {}
    with open(path, "rb") as stream:
        head = stream.read(24)
        _version, _tensors, kv_count = struct.unpack("<IQQ", head[4:24])

        def read(fmt: str) -> int:
            return struct.unpack(fmt, stream.read(struct.calcsize(fmt)))[0]

        def skip(kind: int) -> None:
            if kind == STRING:
                stream.seek(read("<Q"), os.SEEK_CUR)
            elif kind == ARRAY:
                item, count = read("<I"), read("<Q")
                for _ in range(count):
                    skip(item)
            else:
                stream.seek(struct.calcsize(_FORMATS[kind]), os.SEEK_CUR)

        for _ in range(kv_count):
            key = stream.read(read("<Q")).decode()
            kind = read("<I")
            if kind in _FORMATS:
                found[key] = (kind, stream.tell(), struct.calcsize(_FORMATS[kind]))
            skip(kind)
    return found


def with_value(source: Path, target: Path, key: str, value: int | float) -> Path:
    """A copy of ``source`` with the scalar header value ``key`` rewritten in place (same type)."""
    kind, offset, _size = header_values(source)[key]
    shutil.copyfile(source, target)
    with open(target, "r+b") as stream:
        stream.seek(offset)
        stream.write(struct.pack(_FORMATS[kind], value))
    return target


# -- chat templates ------------------------------------------------------------------------------

# (name, template, words the one-line refusal says); all must end within a few seconds.
HOSTILE_TEMPLATES: list[tuple[str, str, tuple[str, ...]]] = [
    ("range loop", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", ("steps",)),
    ("range huge", "{% for i in range(10**12) %}x{% endfor %}", ()),
    ("while-like recursion", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", ()),
    ("string times huge", "{{ 'x' * 100000000 }}", ("characters",)),
    ("huge times string", "{{ 100000000 * 'ab' }}", ("characters",)),
    ("output 50 MB", "{% for i in range(50000) %}{{ 'x' * 1000 }}{% endfor %}", ("characters",)),
    (
        "doubling",
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s }}",
        ("characters",),
    ),
    (
        "doubling with ~",
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        ("characters",),
    ),
    (
        "set block",
        "{% set big %}{% for i in range(10**7) %}xxxxxxxxxx{% endfor %}{% endset %}{{ big|length }}",
        (),
    ),
    ("power", "{{ 2 ** 999999999 }}", ("too large",)),
    ("replace grows", "{{ ('x' * 500000)|replace('x', 'y' * 1000) }}", ("characters",)),
    ("str.replace grows", "{{ ('x' * 500000).replace('x', 'y' * 1000) }}", ("characters",)),
    ("expandtabs", "{{ ('\t' * 500000).expandtabs(100000) }}", ("characters",)),
    ("printf width", "{{ '%999999999s' % 'x' }}", ("width",)),
    ("format width", "{{ '{:999999999}'.format('x') }}", ("width",)),
    ("format filter", "{{ '%999999999d'|format(1) }}", ("width",)),
    ("center filter", "{{ 'x'|center(999999999) }}", ("size",)),
    ("indent filter", "{{ ('x\n' * 1000)|indent(100000) }}", ()),
    ("list times", "{{ ([1] * 100000000)|length }}", ("characters",)),
    ("join of a range", "{{ range(10000000)|join(',') }}", ()),
    ("sandbox escape", "{{ ''.__class__.__mro__[1].__subclasses__() }}", ()),
    ("mutation", "{% set l = [] %}{{ l.append(1) }}", ()),
    ("syntax error", "{% for m in messages %}{{ m.content }", ("compiled",)),
    ("unknown tag", "{% python %}import os{% endpython %}", ("compiled",)),
    ("unclosed", "{% if messages %}", ("compiled",)),
    ("deep nesting", "{{ " + "(" * 2000 + "1" + ")" * 2000 + " }}", ()),
    ("raise_exception", "{{ raise_exception('no system role') }}", ("refused",)),
    ("undefined call", "{{ nothing() }}", ()),
    ("too long", "x" * (300 * 1024), ("characters",)),
]


def hostile_templates() -> list[tuple[str, str, tuple[str, ...]]]:
    return list(HOSTILE_TEMPLATES)
