"""The values in a GGUF header that llama.cpp cannot use: checked before any load, named in one line.

llama.cpp checks some header values with ``GGML_ASSERT``, which aborts the whole process (a crash of
the app, with any unsaved work) instead of failing the load: a ``block_count`` of 0 or above 512,
expert counts that contradict each other, an unknown RoPE scaling type, a negative or NaN norm
epsilon (asserted at the first token). Those are refused here, each naming the key and its value,
with bounds on the sizes no real model comes near. This list cannot be complete (llama.cpp has
hundreds of per-architecture asserts): a model is also loaded once in a child process before the
app loads it (``probe.py``), which catches the rest.
"""

from __future__ import annotations

import math

MAX_LAYERS = 512  # LLAMA_MAX_LAYERS: llama.cpp asserts 0 < block_count <= 512
# Beyond any real model (the largest have 10M tokens of context, 16K-wide embeddings, 128 heads,
# 262K-token vocabularies): values this large are a broken or hostile header.
MAX_CONTEXT = 1 << 27
MAX_EMBEDDING = 1 << 18
MAX_HEADS = 1 << 12
MAX_VOCABULARY = 1 << 24
# llama_rope_scaling_type_from_string: anything else is LLAMA_ROPE_SCALING_TYPE_UNSPECIFIED, asserted on.
ROPE_SCALING_TYPES = ("none", "linear", "yarn", "longrope")


def header_problem(metadata: dict[str, object], array_lengths: dict[str, int], tensor_count: int) -> str | None:
    """The first value llama.cpp could not use, as one phrase naming the key and value; None when fine."""
    if tensor_count == 0:
        return "it has no tensors (no weights): not a model llama.cpp can load"
    arch = metadata.get("general.architecture")
    if not isinstance(arch, str) or not arch.strip():
        shown = "missing" if arch is None else f"{arch!r}, not a name"
        return f"general.architecture is {shown}: llama.cpp cannot tell what kind of model it is"
    for check in (_sizes, _heads, _vocabulary, _experts, _rope, _epsilons):
        problem = check(arch, metadata, array_lengths)
        if problem:
            return problem
    return None


def _sizes(arch: str, metadata: dict[str, object], _lengths: dict[str, int]) -> str | None:
    for suffix, low, high, unit in (
        ("block_count", 1, MAX_LAYERS, "layers"),
        ("context_length", 1, MAX_CONTEXT, "tokens of context"),
        ("embedding_length", 1, MAX_EMBEDDING, "as the embedding width"),
    ):
        key = f"{arch}.{suffix}"
        value = metadata.get(key)
        if value is None:
            return f"{key} is missing (llama.cpp requires it)"
        if not _is_int(value):
            return f"{key} is {value!r}, not a whole number"
        if not low <= value <= high:
            return f"{key} is {value:,}; llama.cpp can use {low} to {high:,} {unit}"
    layers = metadata[f"{arch}.block_count"]
    for suffix in ("nextn_predict_layers", "posnet.block_count", "convnext.block_count"):
        key = f"{arch}.{suffix}"
        value = metadata.get(key)
        if value is not None and not (_is_int(value) and 0 <= value <= layers):
            return f"{key} is {value!r}; it must be 0 to the model's {layers} layers ({arch}.block_count)"
    return None


def _heads(arch: str, metadata: dict[str, object], lengths: dict[str, int]) -> str | None:
    layers = metadata[f"{arch}.block_count"]
    for suffix in ("attention.head_count", "attention.head_count_kv", "feed_forward_length"):
        key = f"{arch}.{suffix}"
        if key in lengths and lengths[key] > layers:
            return f"{key} has {lengths[key]:,} per-layer values for {layers} layers ({arch}.block_count)"
    for suffix in ("attention.head_count", "attention.head_count_kv"):
        key = f"{arch}.{suffix}"
        for value in _values(metadata.get(key)):
            if not (_is_int(value) and 0 <= value <= MAX_HEADS):
                return f"{key} is {value!r}; a model has 0 to {MAX_HEADS:,} attention heads"
    return None


def _vocabulary(arch: str, metadata: dict[str, object], lengths: dict[str, int]) -> str | None:
    tokens = lengths.get("tokenizer.ggml.tokens")
    if tokens is not None and not 1 <= tokens <= MAX_VOCABULARY:
        return f"tokenizer.ggml.tokens has {tokens:,} tokens; a vocabulary has 1 to {MAX_VOCABULARY:,}"
    key = f"{arch}.vocab_size"
    value = metadata.get(key)
    if value is not None and not (_is_int(value) and 1 <= value <= MAX_VOCABULARY):
        return f"{key} is {value!r}; a vocabulary has 1 to {MAX_VOCABULARY:,} tokens"
    return None


def _experts(arch: str, metadata: dict[str, object], _lengths: dict[str, int]) -> str | None:
    """The mixture-of-experts counts llama.cpp asserts on when it reads the header."""
    counts: dict[str, int] = {}
    for suffix in ("expert_count", "expert_used_count", "expert_group_count", "expert_group_used_count"):
        key = f"{arch}.{suffix}"
        values = _values(metadata.get(key))
        if any(not (_is_int(v) and v >= 0) for v in values):
            return f"{key} is {metadata.get(key)!r}, not a count"
        counts[suffix] = max(values, default=0)  # per-layer lists: llama.cpp checks the largest
    experts, used = counts["expert_count"], counts["expert_used_count"]
    groups, groups_used = counts["expert_group_count"], counts["expert_group_used_count"]
    name = f"{arch}.expert_count"
    if experts == 0:
        if used:
            return f"{arch}.expert_used_count is {used} but the model has no experts ({name} 0)"
        if groups:
            return f"{arch}.expert_group_count is {groups} but the model has no experts ({name} 0)"
        return None
    if not 1 <= used <= experts:
        return f"{arch}.expert_used_count is {used}; with {experts} experts ({name}) it must be 1 to {experts}"
    if groups >= experts:
        return f"{arch}.expert_group_count is {groups}; it must be below the {experts} experts ({name})"
    if groups > 1 and (experts % groups or not 0 < groups_used < groups):
        return (
            f"{arch}.expert_group_count {groups} and expert_group_used_count {groups_used} do not fit "
            f"{experts} experts (groups must divide them, and 1 to {groups - 1} groups be used)"
        )
    return None


def _rope(arch: str, metadata: dict[str, object], _lengths: dict[str, int]) -> str | None:
    key = f"{arch}.rope.scaling.type"
    value = metadata.get(key)
    if value is not None and value not in ROPE_SCALING_TYPES:
        return f"{key} is {value!r}; llama.cpp knows {', '.join(ROPE_SCALING_TYPES)}"
    return None


def _epsilons(arch: str, metadata: dict[str, object], _lengths: dict[str, int]) -> str | None:
    # ggml's norm operations assert eps >= 0 when the first token is computed (NaN fails it too).
    for suffix in ("attention.layer_norm_rms_epsilon", "attention.layer_norm_epsilon"):
        key = f"{arch}.{suffix}"
        value = metadata.get(key)
        if value is None:
            continue
        if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value) or value < 0:
            return f"{key} is {value!r}; a norm epsilon is a number of 0 or more"
    return None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _values(value: object) -> list[object]:
    """A scalar or a per-layer list as a list; nothing for a missing key."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
