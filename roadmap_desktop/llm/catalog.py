"""The model catalog: GGUF header metadata, memory estimates and the search for model files.

Qt-free and llama.cpp-free on purpose: the header is parsed here by a small reader of the GGUF
format (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md) that walks the key/value and
tensor-info sections and never touches tensor data. The ``gguf`` package's ``GGUFReader`` was
tried first: it builds a numpy view per vocabulary entry and took 3.7 s on the 98 MB SmolLM2 file
and 18 s on the 253 MB Gemma file (which has a 262,144-token vocabulary); this reader takes
milliseconds, and it also lets every malformed input end in one ``ModelFileError``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import struct
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.calculators import kv_cache_bytes
from ..persistence.paths import data_dir, models_dir
from .gguf_checks import header_problem

GGUF_MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)  # version 1 (2023) used 32-bit counts and is not loaded by llama.cpp either
DEFAULT_ALIGNMENT = 32
MAX_DIMS = 4  # GGML_MAX_DIMS
MAX_ARRAY_NESTING = 4
MAX_KEPT_ARRAY = 1024  # arrays up to this length are kept in metadata; vocabularies are skipped
# Declared sizes that do not fit in the rest of the file are a cut-off file, unless they are beyond
# anything a real model has: then the header is garbage, and the message says so.
ABSURD_COUNT = 1 << 24  # tensors or metadata entries
ABSURD_ITEMS = 1 << 32  # array items or string bytes
ABSURD_TENSOR_BYTES = 1 << 40  # one tensor of 1 TiB
COMPUTE_ALLOWANCE_BYTES = 128 * 1024 * 1024  # llama.cpp's compute and output buffers, roughly
DEFAULT_FIT_MARGIN = 0.15

# ggml tensor type id -> (name, elements per block, bytes per block); as in gguf-py's constants.
GGML_TYPES: dict[int, tuple[str, int, int]] = {
    0: ("F32", 1, 4), 1: ("F16", 1, 2), 2: ("Q4_0", 32, 18), 3: ("Q4_1", 32, 20),
    6: ("Q5_0", 32, 22), 7: ("Q5_1", 32, 24), 8: ("Q8_0", 32, 34), 9: ("Q8_1", 32, 40),
    10: ("Q2_K", 256, 84), 11: ("Q3_K", 256, 110), 12: ("Q4_K", 256, 144), 13: ("Q5_K", 256, 176),
    14: ("Q6_K", 256, 210), 15: ("Q8_K", 256, 292), 16: ("IQ2_XXS", 256, 66), 17: ("IQ2_XS", 256, 74),
    18: ("IQ3_XXS", 256, 98), 19: ("IQ1_S", 256, 50), 20: ("IQ4_NL", 32, 18), 21: ("IQ3_S", 256, 110),
    22: ("IQ2_S", 256, 82), 23: ("IQ4_XS", 256, 136), 24: ("I8", 1, 1), 25: ("I16", 1, 2),
    26: ("I32", 1, 4), 27: ("I64", 1, 8), 28: ("F64", 1, 8), 29: ("IQ1_M", 256, 56),
    30: ("BF16", 1, 2), 34: ("TQ1_0", 256, 54), 35: ("TQ2_0", 256, 66), 39: ("MXFP4", 32, 17),
    40: ("NVFP4", 64, 36), 41: ("Q1_0", 128, 18),
}  # fmt: skip

# general.file_type (llama_ftype) -> the name people use for the file's quantization.
FILE_TYPES: dict[int, str] = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M",
    18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S",
    25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M",
    32: "BF16", 36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4_MOE", 39: "NVFP4", 40: "Q1_0",
}  # fmt: skip
FILE_TYPE_GUESSED = 1024  # flag llama.cpp sets when it guessed the file type

# GGUF metadata value types: id -> struct format of a scalar (strings and arrays handled apart).
_STRING, _ARRAY = 8, 9
_SCALARS: dict[int, struct.Struct] = {
    0: struct.Struct("<B"), 1: struct.Struct("<b"), 2: struct.Struct("<H"), 3: struct.Struct("<h"),
    4: struct.Struct("<I"), 5: struct.Struct("<i"), 6: struct.Struct("<f"), 7: struct.Struct("<?"),
    10: struct.Struct("<Q"), 11: struct.Struct("<q"), 12: struct.Struct("<d"),
}  # fmt: skip
_U32 = struct.Struct("<I")
_U64 = struct.Struct("<Q")


# The bundled default (packaging/install_model.py puts it in models/).
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class ModelFileError(Exception):
    """A model file that cannot be used; ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = Path(path)
        self.problem = " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")


class UnusableModelError(ModelFileError):
    """A well-formed GGUF file whose values llama.cpp cannot use (some of them abort the process)."""


@dataclass(frozen=True)
class ModelInfo:
    """What the GGUF header says about a model; ``None`` where the header does not say."""

    path: Path
    file_size: int
    name: str
    architecture: str | None
    parameter_count: int | None
    quantization: str | None
    context_length: int | None
    n_layers: int | None
    embedding_length: int | None
    n_head: int | None
    n_head_kv: int | None
    key_length: int | None  # per-head K width; embedding_length / n_head unless the header says
    value_length: int | None
    has_chat_template: bool
    gguf_version: int
    tensor_count: int
    data_offset: int  # where tensor data starts: everything before it is header
    metadata: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def parameters_label(self) -> str:
        return format_count(self.parameter_count)

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "file_size": self.file_size,
            "name": self.name,
            "architecture": self.architecture,
            "parameter_count": self.parameter_count,
            "parameters": self.parameters_label,
            "quantization": self.quantization,
            "context_length": self.context_length,
            "n_layers": self.n_layers,
            "embedding_length": self.embedding_length,
            "n_head": self.n_head,
            "n_head_kv": self.n_head_kv,
            "key_length": self.key_length,
            "value_length": self.value_length,
            "has_chat_template": self.has_chat_template,
            "gguf_version": self.gguf_version,
        }


@dataclass(frozen=True)
class BrokenModel:
    """A ``.gguf`` file found by ``find_models`` that could not be read."""

    path: Path
    error: str  # the ModelFileError's one line
    file_size: int | None = None

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "file_size": self.file_size, "error": self.error}


@dataclass(frozen=True)
class MemoryEstimate:
    n_ctx: int
    weights_bytes: int
    kv_cache_bytes: int | None  # None: the header lacks what the formula needs
    compute_bytes: int
    explanation: str

    @property
    def total_bytes(self) -> int:
        return self.weights_bytes + (self.kv_cache_bytes or 0) + self.compute_bytes

    def as_json(self) -> dict[str, object]:
        return {
            "n_ctx": self.n_ctx,
            "weights_bytes": self.weights_bytes,
            "kv_cache_bytes": self.kv_cache_bytes,
            "compute_bytes": self.compute_bytes,
            "total_bytes": self.total_bytes,
            "explanation": self.explanation,
        }


# -- reading the header ------------------------------------------------------------------------


class _Truncated(Exception):
    pass


class _Bad(Exception):
    pass


class _Cursor:
    """Sequential little-endian reads through a file in chunks, with cheap skips."""

    CHUNK = 64 * 1024

    def __init__(self, stream, size: int) -> None:
        self._stream = stream
        self.size = size
        self._buf = b""
        self._start = 0  # file offset of _buf[0]
        self._pos = 0  # read position inside _buf

    @property
    def offset(self) -> int:
        return self._start + self._pos

    @property
    def remaining(self) -> int:
        return self.size - self.offset

    def _fill(self, n: int) -> None:
        available = len(self._buf) - self._pos
        if available >= n:
            return
        if n > self.remaining:
            raise _Truncated
        end = self._start + len(self._buf)
        self._stream.seek(end)
        more = self._stream.read(max(n - available, self.CHUNK))
        self._buf = self._buf[self._pos :] + more
        self._start, self._pos = self._start + self._pos, 0
        if len(self._buf) < n:
            raise _Truncated  # the file shrank while we read it

    def take(self, n: int) -> bytes:
        self._fill(n)
        data = self._buf[self._pos : self._pos + n]
        self._pos += n
        return data

    def unpack(self, fmt: struct.Struct):
        self._fill(fmt.size)
        (value,) = fmt.unpack_from(self._buf, self._pos)
        self._pos += fmt.size
        return value

    def skip(self, n: int) -> None:
        if n > self.remaining:
            raise _Truncated
        if self._pos + n <= len(self._buf):
            self._pos += n
        else:
            self._start, self._buf, self._pos = self.offset + n, b"", 0

    def string(self, what: str) -> str:
        return self.take(self._length(what)).decode("utf-8", errors="replace")

    def skip_strings(self, count: int, what: str) -> None:
        # A vocabulary has up to a few hundred thousand strings: walk the buffer without a method
        # call per string, and fall back to the checked path at chunk boundaries.
        unpack_from = _U64.unpack_from
        while count:
            buf, pos, end = self._buf, self._pos, len(self._buf)
            while count and pos + 8 <= end:
                following = pos + 8 + unpack_from(buf, pos)[0]
                if following > end:
                    break
                pos, count = following, count - 1
            self._pos = pos
            if count:
                self.skip(self._length(what))
                count -= 1

    def _length(self, what: str) -> int:
        length = self.unpack(_U64)
        self.check_fits(length, 1, ABSURD_ITEMS, f"{what} declares a string of {length:,} bytes")
        return length

    def check_fits(self, count: int, unit: int, absurd: int, claim: str) -> None:
        """Fail early when ``count`` items of at least ``unit`` bytes cannot be in the rest of the file."""
        if count * unit <= self.remaining:
            return
        if count >= absurd:
            raise _Bad(f"{claim}, more than the file could hold")
        raise _Truncated


def read_model_info(path: str | os.PathLike[str]) -> ModelInfo:
    """Read a GGUF file's header (metadata and tensor list), never its tensor data.

    Raises ModelFileError, and nothing else, for a file that is missing, unreadable, not GGUF, of
    an unsupported version, malformed, or shorter than its tensors say (a cut-off download).
    """
    path = Path(path)
    try:
        with open_model_file(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            return _parse(path, _Cursor(stream, size))
    except ModelFileError:
        raise
    except OSError as exc:
        raise _os_error(path, exc) from None
    except _Truncated:
        raise ModelFileError(path, "truncated: the GGUF header ends before its declared end") from None
    except _Bad as exc:
        raise ModelFileError(path, f"malformed GGUF header: {exc}") from None
    except (ValueError, OverflowError, MemoryError, struct.error) as exc:  # belt and braces
        raise ModelFileError(path, f"malformed GGUF header ({type(exc).__name__}: {exc})") from None


def open_model_file(path: str | os.PathLike[str]):
    """Open ``path`` for reading only if it is a regular file (after symlinks); raises ModelFileError.

    Opened non-blocking and checked on the open descriptor: a FIFO named ``x.gguf`` would block a
    plain ``open()`` until some writer appeared (start-up, ``models`` and ``assist`` hung on one),
    and checking the name first would leave a window for it to be swapped.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _os_error(path, exc) from None
    try:
        kind = os.fstat(fd).st_mode
        if not stat.S_ISREG(kind):
            raise ModelFileError(path, f"is {_file_kind(kind)}, not a model file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _os_error(path: Path, exc: OSError) -> ModelFileError:
    if isinstance(exc, FileNotFoundError):
        return ModelFileError(path, "no such file")
    if isinstance(exc, IsADirectoryError):
        return ModelFileError(path, "is a folder, not a model file")
    if isinstance(exc, PermissionError):
        return ModelFileError(path, "permission denied")
    return ModelFileError(path, f"cannot be read ({exc.strerror or exc})")


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _parse(path: Path, cur: _Cursor) -> ModelInfo:
    if cur.size == 0:
        raise ModelFileError(path, "empty file, not a GGUF model")
    magic = cur.take(4) if cur.size >= 4 else b""
    if magic != GGUF_MAGIC:
        raise ModelFileError(path, "not a GGUF model file (no GGUF signature at the start)")
    version = cur.unpack(_U32)
    if version not in SUPPORTED_VERSIONS:
        if version and version & 0xFFFF == 0:
            raise ModelFileError(path, "big-endian GGUF files are not supported")
        raise ModelFileError(path, f"unsupported GGUF version {version} (supported: 2 and 3)")
    tensor_count = cur.unpack(_U64)
    kv_count = cur.unpack(_U64)
    # Each key/value pair needs at least 12 bytes and each tensor entry at least 24.
    cur.check_fits(kv_count, 12, ABSURD_COUNT, f"it declares {kv_count:,} metadata entries")
    cur.check_fits(tensor_count, 24, ABSURD_COUNT, f"it declares {tensor_count:,} tensors")

    metadata: dict[str, object] = {}
    array_lengths: dict[str, int] = {}  # also of the arrays too long to keep (the vocabulary)
    for _ in range(kv_count):
        key = cur.string("a metadata key")
        value_type = cur.unpack(_U32)
        metadata[key] = _read_value(cur, value_type, key, depth=0, lengths=array_lengths)

    tensor_types: Counter[str] = Counter()
    parameter_sum = 0
    data_end = 0  # relative to the data section
    for index in range(tensor_count):
        name = cur.string(f"tensor {index}'s name")
        n_dims = cur.unpack(_U32)
        if not 1 <= n_dims <= MAX_DIMS:
            raise _Bad(f"tensor '{name}' has {n_dims} dimensions (1 to {MAX_DIMS} allowed)")
        dims = [cur.unpack(_U64) for _ in range(n_dims)]
        type_id = cur.unpack(_U32)
        offset = cur.unpack(_U64)
        if type_id not in GGML_TYPES:
            raise _Bad(f"tensor '{name}' has unknown type {type_id}")
        type_name, block, block_bytes = GGML_TYPES[type_id]
        if dims[0] % block:
            raise _Bad(f"tensor '{name}' row of {dims[0]} is not a multiple of {type_name}'s block of {block}")
        elements = 1
        for dim in dims:
            elements *= dim
        n_bytes = elements // block * block_bytes
        if n_bytes >= ABSURD_TENSOR_BYTES or offset >= ABSURD_TENSOR_BYTES * 1024:
            raise _Bad(f"tensor '{name}' declares an impossible {n_bytes:,} bytes at offset {offset:,}")
        parameter_sum += elements
        tensor_types[type_name] += elements
        data_end = max(data_end, offset + n_bytes)

    alignment = metadata.get("general.alignment", DEFAULT_ALIGNMENT)
    if not isinstance(alignment, int) or isinstance(alignment, bool) or alignment <= 0 or alignment & (alignment - 1):
        raise _Bad(f"general.alignment {alignment!r} is not a power of two")
    data_offset = -(-cur.offset // alignment) * alignment
    if tensor_count and data_offset + data_end > cur.size:
        missing = data_offset + data_end - cur.size
        raise ModelFileError(
            path,
            f"truncated: the tensor data needs {data_offset + data_end:,} bytes but the file has "
            f"{cur.size:,} ({missing:,} missing; an incomplete download?)",
        )
    problem = header_problem(metadata, array_lengths, tensor_count)
    if problem:
        raise UnusableModelError(path, problem)
    return _model_info(path, cur.size, version, tensor_count, data_offset, metadata, parameter_sum, tensor_types)


def _read_value(cur: _Cursor, value_type: int, key: str, depth: int, lengths: dict[str, int] | None = None) -> object:
    scalar = _SCALARS.get(value_type)
    if scalar is not None:
        return cur.unpack(scalar)
    if value_type == _STRING:
        return cur.string(f"'{key}'")
    if value_type != _ARRAY:
        raise _Bad(f"'{key}' has unknown value type {value_type}")
    if depth >= MAX_ARRAY_NESTING:
        raise _Bad(f"'{key}' nests arrays too deeply")
    item_type = cur.unpack(_U32)
    count = cur.unpack(_U64)
    if lengths is not None:
        lengths[key] = count
    item = _SCALARS.get(item_type)
    if item is not None:
        cur.check_fits(count, item.size, ABSURD_ITEMS, f"'{key}' declares {count:,} items")
        if count > MAX_KEPT_ARRAY:
            cur.skip(count * item.size)
            return None
        return [cur.unpack(item) for _ in range(count)]
    if item_type == _STRING:
        cur.check_fits(count, 8, ABSURD_ITEMS, f"'{key}' declares {count:,} strings")
        if count > MAX_KEPT_ARRAY:
            cur.skip_strings(count, f"'{key}'")
            return None
        return [cur.string(f"'{key}'") for _ in range(count)]
    if item_type == _ARRAY:
        cur.check_fits(count, 12, ABSURD_ITEMS, f"'{key}' declares {count:,} arrays")
        items = [_read_value(cur, _ARRAY, key, depth + 1) for _ in range(count)]
        return items if count <= MAX_KEPT_ARRAY else None
    raise _Bad(f"'{key}' is an array of unknown type {item_type}")


def _model_info(
    path: Path,
    size: int,
    version: int,
    tensor_count: int,
    data_offset: int,
    metadata: dict[str, object],
    parameter_sum: int,
    tensor_types: Counter[str],
) -> ModelInfo:
    architecture = _text(metadata.get("general.architecture"))

    def arch_int(suffix: str) -> int | None:
        return _positive_int(metadata.get(f"{architecture}.{suffix}")) if architecture else None

    n_head = arch_int("attention.head_count")
    embedding = arch_int("embedding_length")
    n_head_kv = arch_int("attention.head_count_kv") or n_head
    default_head_dim = embedding // n_head if embedding and n_head else None
    parameter_count = _positive_int(metadata.get("general.parameter_count")) or (parameter_sum or None)
    return ModelInfo(
        path=path,
        file_size=size,
        name=_text(metadata.get("general.name")) or path.stem,
        architecture=architecture,
        parameter_count=parameter_count,
        quantization=_quantization(metadata.get("general.file_type"), tensor_types),
        context_length=arch_int("context_length"),
        n_layers=arch_int("block_count"),
        embedding_length=embedding,
        n_head=n_head,
        n_head_kv=n_head_kv,
        key_length=arch_int("attention.key_length") or default_head_dim,
        value_length=arch_int("attention.value_length") or default_head_dim,
        has_chat_template=bool(_text(metadata.get("tokenizer.chat_template"))),
        gguf_version=version,
        tensor_count=tensor_count,
        data_offset=data_offset,
        metadata=metadata,
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _positive_int(value: object) -> int | None:
    if isinstance(value, list):  # per-layer values (some architectures): the largest bounds the cost
        value = max((v for v in value if isinstance(v, int)), default=None)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def _quantization(file_type: object, tensor_types: Counter[str]) -> str | None:
    if isinstance(file_type, int) and not isinstance(file_type, bool):
        name = FILE_TYPES.get(file_type & ~FILE_TYPE_GUESSED)
        if name:
            return name
    # No (known) file type: name the type holding most of the weights.
    return tensor_types.most_common(1)[0][0] if tensor_types else None


# -- memory ------------------------------------------------------------------------------------


def estimate_memory(info: ModelInfo, n_ctx: int) -> MemoryEstimate:
    """Weights (the file, memory-mapped) + an f16 KV cache for ``n_ctx`` tokens + compute buffers.

    An upper bound for models with sliding-window layers (Gemma 3), whose cache llama.cpp keeps
    smaller for those layers.
    """
    weights = info.file_size
    compute = COMPUTE_ALLOWANCE_BYTES
    layers, heads_kv, k_len, v_len = info.n_layers, info.n_head_kv, info.key_length, info.value_length
    if layers and heads_kv and k_len and v_len:
        kv = int(kv_cache_bytes(layers, n_ctx, heads_kv, k_len, v_len))
        if k_len == v_len:
            formula = f"2 (K and V) × {layers} layers × {n_ctx} tokens × ({heads_kv} KV heads × {k_len}) × 2 bytes"
        else:
            formula = f"{layers} layers × {n_ctx} tokens × {heads_kv} KV heads × ({k_len} + {v_len}) × 2 bytes"
        explanation = (
            f"weights {format_bytes(weights)} (file size, memory-mapped) + KV cache {format_bytes(kv)} "
            f"[{formula}] + compute buffers ≈ {format_bytes(compute)} = {format_bytes(weights + kv + compute)}"
        )
        return MemoryEstimate(n_ctx, weights, kv, compute, explanation)
    explanation = (
        f"weights {format_bytes(weights)} (file size) + compute buffers ≈ {format_bytes(compute)}; "
        "KV cache unknown (the header lacks layer or attention-head counts)"
    )
    return MemoryEstimate(n_ctx, weights, None, compute, explanation)


def available_memory_bytes() -> int | None:
    """Memory a new allocation can get without swapping (best effort); None if unknown."""
    candidates = [value for value in (_system_available(), _cgroup_available()) if value is not None]
    return min(candidates) if candidates else None


def _system_available() -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    if sys.platform == "win32":
        return _windows_available()
    with contextlib.suppress(OSError, ValueError, AttributeError):
        pages = os.sysconf("SC_AVPHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
        if pages > 0 and page_size > 0:
            return pages * page_size
    return None


def _cgroup_available() -> int | None:
    # A container's memory limit binds before the host's free memory does (cgroup v2).
    with contextlib.suppress(OSError, ValueError):
        limit = Path("/sys/fs/cgroup/memory.max").read_text("ascii").strip()
        if limit != "max":
            used = int(Path("/sys/fs/cgroup/memory.current").read_text("ascii").strip())
            return max(int(limit) - used, 0)
    return None


def _windows_available() -> int | None:
    try:
        import ctypes

        class MemoryStatusEx(ctypes.Structure):
            _fields_ = [
                ("dwLength", ctypes.c_ulong),
                ("dwMemoryLoad", ctypes.c_ulong),
                ("ullTotalPhys", ctypes.c_ulonglong),
                ("ullAvailPhys", ctypes.c_ulonglong),
                ("ullTotalPageFile", ctypes.c_ulonglong),
                ("ullAvailPageFile", ctypes.c_ulonglong),
                ("ullTotalVirtual", ctypes.c_ulonglong),
                ("ullAvailVirtual", ctypes.c_ulonglong),
                ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
            ]

        status = MemoryStatusEx()
        status.dwLength = ctypes.sizeof(MemoryStatusEx)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullAvailPhys)
    except (OSError, AttributeError, ImportError):
        pass
    return None


def fits(estimate: MemoryEstimate, available: int | None, margin: float = DEFAULT_FIT_MARGIN) -> tuple[bool, str]:
    """Whether the estimate fits in ``available`` bytes with ``margin`` (a fraction) to spare."""
    need = estimate.total_bytes
    if available is None:
        return True, f"needs about {format_bytes(need)}; available memory unknown"
    if need * (1 + margin) <= available:
        return True, f"needs about {format_bytes(need)} of {format_bytes(available)} available"
    return False, (
        f"needs about {format_bytes(need)} but only {format_bytes(available)} is available: "
        "loading may swap or fail (use a smaller context or model)"
    )


# -- finding model files -----------------------------------------------------------------------


def model_dirs(extra_dirs: tuple[str | os.PathLike[str], ...] | list = ()) -> list[Path]:
    """The folders searched for ``.gguf`` files: the bundled/repo models/, the user's, then extras."""
    return [models_dir(), data_dir() / "models", *(Path(extra) for extra in extra_dirs)]


def find_models(extra_dirs: tuple[str | os.PathLike[str], ...] | list = ()) -> list[ModelInfo | BrokenModel]:
    """Every ``*.gguf`` in the model folders (an extra entry may also be a single file), each once.

    Never raises for a bad file: it becomes a ``BrokenModel`` carrying the error line.
    """
    found: list[ModelInfo | BrokenModel] = []
    seen: set[str] = set()
    for place in model_dirs(extra_dirs):
        try:
            candidates = [place] if place.is_file() else sorted(place.glob("*.gguf"), key=lambda p: p.name.lower())
        except OSError:
            continue  # a folder that cannot be listed simply contributes nothing
        for candidate in candidates:
            key = _identity(candidate)
            if key in seen:
                continue
            seen.add(key)
            try:
                found.append(read_model_info(candidate))
            except ModelFileError as exc:
                size = None
                with contextlib.suppress(OSError):
                    size = candidate.stat().st_size
                found.append(BrokenModel(candidate, str(exc), size))
    return found


def _identity(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except (OSError, RuntimeError):
        return os.path.normcase(os.path.abspath(path))


# -- formatting --------------------------------------------------------------------------------


def format_count(count: int | None) -> str:
    """135M, 1.7B, 270M, 12K; '?' when unknown."""
    if not count:
        return "?"
    for limit, suffix in ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K")):
        if count >= limit:
            value = count / limit
            return f"{value:.0f}{suffix}" if value >= 100 else f"{value:.1f}".rstrip("0").rstrip(".") + suffix
    return str(count)


def format_bytes(size: int | None) -> str:
    if size is None:
        return "?"
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"
