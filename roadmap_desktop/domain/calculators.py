"""AI planning calculators: model memory footprint, training compute, serving capacity, data splits, metrics.

Pure functions; each returns a frozen dataclass that carries the numbers, the formula it used and its
assumptions, and ``text()`` renders all three for a note. Invalid input raises ValueError naming the
input. The tables are approximations; docs/prioritisation-and-calculators.md gives their sources.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

GIB = 1024**3
MIB = 1024**2
HOURS_PER_MONTH = 730  # 8760 hours a year ÷ 12
SECONDS_PER_DAY = 86_400


# -- checks -------------------------------------------------------------------------------------------


def _number(name: str, value: float, *, minimum: float = 0.0, allow_equal: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number (got {value!r})")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number (got {value!r})")
    if value < minimum or (not allow_equal and value == minimum):
        relation = "at least" if allow_equal else "more than"
        raise ValueError(f"{name} must be {relation} {_num(minimum)} (got {_num(value)})")
    return float(value)


def _positive(name: str, value: float) -> float:
    return _number(name, value, minimum=0.0, allow_equal=False)


def _count(name: str, value: int, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number (got {value!r})")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum} (got {value})")
    return value


# -- formatting ----------------------------------------------------------------------------------------


def _num(value: float, decimals: int = 2) -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def format_gib(size: float) -> str:
    return f"{size / GIB:.2f} GiB"


def format_sci(value: float) -> str:
    """4.2 × 10^19 style, for FLOP counts."""
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10**exponent
    return f"{mantissa:.2f} × 10^{exponent}"


class Explained:
    """What every result shares: a title, result lines, the formula and the assumptions, as one note."""

    TITLE: ClassVar[str] = ""
    formula: str
    assumptions: tuple[str, ...]

    def lines(self) -> list[str]:
        raise NotImplementedError

    def text(self) -> str:
        parts = [self.TITLE, *(f"  {line}" for line in self.lines()), f"Formula: {self.formula}", "Assumptions:"]
        parts += [f"  - {a}" for a in self.assumptions]
        return "\n".join(parts)


# -- model footprint --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuantType:
    name: str
    bits_per_weight: float
    source: str


# Effective bits per weight. K-quant mixes: llama.cpp's tools/quantize README table for Llama-2-7B (whole
# file, so they include the tensors kept at higher precision). Plain block types: block layout
# (bytes per block × 8 ÷ weights per block), as in ggml's type table. Approximations for other models.
_README = "llama.cpp quantize README (Llama-2-7B)"
_LAYOUT = "block layout"
QUANT_TYPES: dict[str, QuantType] = {
    q.name: q
    for q in (
        QuantType("F32", 32.0, _LAYOUT),
        QuantType("F16", 16.0, _LAYOUT),
        QuantType("BF16", 16.0, _LAYOUT),
        QuantType("Q8_0", 8.5, _LAYOUT + ": 34 bytes per 32 weights"),
        QuantType("Q6_K", 6.56, _README),
        QuantType("Q5_1", 6.0, _LAYOUT + ": 24 bytes per 32 weights"),
        QuantType("Q5_K_M", 5.68, _README),
        QuantType("Q5_K_S", 5.52, _README),
        QuantType("Q5_0", 5.5, _LAYOUT + ": 22 bytes per 32 weights"),
        QuantType("Q4_1", 5.0, _LAYOUT + ": 20 bytes per 32 weights"),
        QuantType("Q4_K_M", 4.84, _README),
        QuantType("Q4_K_S", 4.58, _README),
        QuantType("Q4_0", 4.5, _LAYOUT + ": 18 bytes per 32 weights"),
        QuantType("Q3_K_L", 4.27, _README),
        QuantType("IQ4_XS", 4.25, _LAYOUT + ": 136 bytes per 256 weights"),
        QuantType("Q3_K_M", 3.91, _README),
        QuantType("Q3_K_S", 3.50, _README),
        QuantType("Q2_K", 3.35, _README),
    )
}

# Bytes per cached K or V element, by llama.cpp cache type (--cache-type-k / -v).
KV_CACHE_TYPES: dict[str, float] = {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}


@dataclass(frozen=True)
class ModelPreset:
    name: str
    parameters: float
    layers: int
    kv_heads: int
    head_dim: int
    context_length: int  # the context it was trained for
    note: str = ""


# From each model's published config.json (num_hidden_layers, num_key_value_heads, head_dim or
# hidden_size ÷ num_attention_heads); parameter counts rounded as the model cards give them.
MODEL_PRESETS: dict[str, ModelPreset] = {
    p.name: p
    for p in (
        ModelPreset("SmolLM2-135M", 134.5e6, 30, 3, 64, 8192),
        ModelPreset("SmolLM2-1.7B", 1.71e9, 24, 32, 64, 8192, "no grouped-query attention: a large KV cache"),
        ModelPreset("Llama-2-7B", 6.74e9, 32, 32, 128, 4096, "no grouped-query attention: a large KV cache"),
        ModelPreset("Mistral-7B", 7.24e9, 32, 8, 128, 32768),
        ModelPreset("Qwen2.5-7B", 7.62e9, 28, 4, 128, 32768),
        ModelPreset("Llama-3-8B", 8.03e9, 32, 8, 128, 8192),
        ModelPreset("Gemma-2-9B", 9.24e9, 42, 8, 256, 8192, "half its layers use a 4096-token sliding window"),
        ModelPreset("Llama-3-70B", 70.6e9, 80, 8, 128, 8192),
    )
}

OVERHEAD_FIXED_BYTES = 256 * MIB  # runtime, compute and output buffers
OVERHEAD_FRACTION = 0.05  # of weights + KV cache: compute buffers grow with the model and the context
# Memory left for everything else: the OS, the desktop and other programs (RAM), or the display and
# the driver (VRAM). The larger of a fixed amount and a share of the memory.
HEADROOM = {"ram": (2 * GIB, 0.20), "vram": (512 * MIB, 0.10)}


@dataclass(frozen=True)
class FootprintResult(Explained):
    parameters: float
    quant: QuantType
    context: int
    weights_bytes: float
    kv_cache_bytes: float
    overhead_bytes: float
    memory_bytes: float | None  # the machine's RAM or VRAM, if given
    memory_kind: str
    headroom_bytes: float | None
    formula: str
    assumptions: tuple[str, ...]

    @property
    def total_bytes(self) -> float:
        return self.weights_bytes + self.kv_cache_bytes + self.overhead_bytes

    @property
    def usable_bytes(self) -> float | None:
        if self.memory_bytes is None or self.headroom_bytes is None:
            return None
        return self.memory_bytes - self.headroom_bytes

    @property
    def fits(self) -> bool | None:
        usable = self.usable_bytes
        return None if usable is None else self.total_bytes <= usable

    def verdict(self) -> str:
        if self.fits is None:
            return "no memory size given"
        usable, memory = self.usable_bytes, self.memory_bytes
        assert usable is not None and memory is not None
        where = "RAM" if self.memory_kind == "ram" else "VRAM"
        room = f"{format_gib(usable)} usable of {format_gib(memory)} {where}"
        needed = format_gib(self.total_bytes)
        if self.fits:
            return f"fits: {needed} needed, {room} ({format_gib(usable - self.total_bytes)} spare)"
        return f"does not fit: {needed} needed, {room} ({format_gib(self.total_bytes - usable)} short)"

    TITLE: ClassVar[str] = "Model memory footprint"

    def lines(self) -> list[str]:
        return [
            f"weights {format_gib(self.weights_bytes)} ({_num(self.parameters / 1e9)} B parameters at "
            f"{self.quant.name}, {_num(self.quant.bits_per_weight)} bits per weight)",
            f"KV cache {format_gib(self.kv_cache_bytes)} for {_num(self.context)} tokens",
            f"overhead {format_gib(self.overhead_bytes)}",
            f"total {format_gib(self.total_bytes)}",
            self.verdict(),
        ]


def kv_cache_bytes(
    layers: int, context: int, kv_heads: int, key_dim: int, value_dim: int | None = None, bytes_per_element: float = 2.0
) -> float:
    """Memory of llama.cpp's KV cache: one key and one value vector per layer, token and KV head
    (f16 = 2 bytes per element). The model list and the footprint calculator both use this."""
    return layers * context * kv_heads * (key_dim + (key_dim if value_dim is None else value_dim)) * bytes_per_element


def model_footprint(
    parameters: float,
    quant: str,
    layers: int,
    context: int,
    kv_heads: int,
    head_dim: int,
    kv_bytes_per_element: float = 2.0,
    memory_bytes: float | None = None,
    memory_kind: str = "ram",
) -> FootprintResult:
    """Weights + KV cache + overhead of a GGUF model in llama.cpp, and whether it fits ``memory_bytes``."""
    parameters = _positive("parameters", parameters)
    if quant not in QUANT_TYPES:
        raise ValueError(f"quantization type {quant!r} is not one of {', '.join(QUANT_TYPES)}")
    layers = _count("layers", layers, minimum=1)
    context = _count("context length", context, minimum=1)
    kv_heads = _count("KV heads", kv_heads, minimum=1)
    head_dim = _count("head dimension", head_dim, minimum=1)
    kv_bytes_per_element = _positive("KV bytes per element", kv_bytes_per_element)
    if memory_kind not in HEADROOM:
        raise ValueError(f"memory kind must be ram or vram (got {memory_kind!r})")
    headroom = None
    if memory_bytes is not None:
        memory_bytes = _positive("memory", memory_bytes)
        fixed, share = HEADROOM[memory_kind]
        headroom = max(fixed, share * memory_bytes)
    q = QUANT_TYPES[quant]
    weights = parameters * q.bits_per_weight / 8
    kv = kv_cache_bytes(layers, context, kv_heads, head_dim, bytes_per_element=kv_bytes_per_element)
    overhead = OVERHEAD_FIXED_BYTES + OVERHEAD_FRACTION * (weights + kv)
    formula = (
        f"weights = {_num(parameters)} parameters × {_num(q.bits_per_weight)} bits ÷ 8; "
        f"KV cache = 2 (K and V) × {layers} layers × {_num(context)} tokens × {kv_heads} KV heads × "
        f"{head_dim} head dim × {_num(kv_bytes_per_element, 4)} bytes; "
        f"overhead = 256 MiB + {OVERHEAD_FRACTION:.0%} of (weights + KV cache)"
    )
    fixed, share = HEADROOM[memory_kind]
    assumptions = (
        f"{q.name} ≈ {_num(q.bits_per_weight)} bits per weight ({q.source}); real files differ by a few per cent, "
        "more for small models whose embeddings are a large share and kept at higher precision",
        "KV cache for the full context at the chosen cache type (f16 = 2 bytes); sliding-window layers "
        "make some models' real cache smaller, so this is an upper bound for them",
        "overhead: llama.cpp's compute and output buffers and the runtime, a rule of thumb",
        f"headroom kept free for the {'OS and other programs' if memory_kind == 'ram' else 'display and driver'}: "
        f"the larger of {format_gib(fixed)} and {share:.0%} of the memory",
        "1 GiB = 1024³ bytes; a “16 GB” laptop has 16 GiB of RAM",
    )
    return FootprintResult(
        parameters, q, context, weights, kv, overhead, memory_bytes, memory_kind, headroom, formula, assumptions
    )


def preset_footprint(
    preset: str, quant: str, context: int | None = None, memory_bytes: float | None = None, memory_kind: str = "ram"
) -> FootprintResult:
    """``model_footprint`` for a named MODEL_PRESETS entry (context defaults to its trained context)."""
    if preset not in MODEL_PRESETS:
        raise ValueError(f"model preset {preset!r} is not one of {', '.join(MODEL_PRESETS)}")
    p = MODEL_PRESETS[preset]
    return model_footprint(
        p.parameters,
        quant,
        p.layers,
        context or p.context_length,
        p.kv_heads,
        p.head_dim,
        memory_bytes=memory_bytes,
        memory_kind=memory_kind,
    )


# -- training compute -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GpuPreset:
    name: str
    peak_tflops: float
    note: str


# Dense (no sparsity) tensor-core peaks from the vendors' data sheets and whitepapers.
GPU_PRESETS: dict[str, GpuPreset] = {
    g.name: g
    for g in (
        GpuPreset("NVIDIA A100", 312.0, "BF16 dense"),
        GpuPreset("NVIDIA H100 SXM", 989.0, "BF16 dense"),
        GpuPreset("NVIDIA RTX 4090", 165.2, "BF16 dense with FP32 accumulate (82.6 is its TF32 / FP32 rate)"),
        GpuPreset("NVIDIA L4", 121.0, "BF16 dense"),
    )
}

# FLOPs per parameter per training token: forward 2, backward 4 (gradients for activations and for
# weights). LoRA freezes the base weights, so their weight gradients (2) are skipped.
FLOPS_PER_PARAMETER_TOKEN = {"full": 6.0, "lora": 4.0}


@dataclass(frozen=True)
class TrainingResult(Explained):
    parameters: float
    tokens: float
    method: str
    flops: float
    gpu_hours: float
    gpus: int
    wall_hours: float
    cost: float
    formula: str
    assumptions: tuple[str, ...]

    TITLE: ClassVar[str] = "Training / fine-tuning compute (order of magnitude)"

    def lines(self) -> list[str]:
        return [
            f"{format_sci(self.flops)} FLOPs ({self.method} training, {_num(self.parameters / 1e9)} B parameters, "
            f"{_num(self.tokens / 1e9)} B tokens)",
            f"{_num(self.gpu_hours, 1)} GPU-hours; {_num(self.wall_hours, 1)} hours "
            f"({_num(self.wall_hours / 24, 1)} days) on {self.gpus} GPU{'s' if self.gpus != 1 else ''}",
            f"cost {_num(self.cost)} (at the price per GPU-hour given)",
        ]


def training_compute(
    parameters: float,
    tokens: float,
    peak_tflops: float,
    utilisation: float = 0.40,
    price_per_gpu_hour: float = 0.0,
    gpus: int = 1,
    method: str = "full",
) -> TrainingResult:
    """≈ 6 × parameters × tokens FLOPs (4 × for LoRA) → GPU-hours at peak × utilisation → cost."""
    parameters = _positive("parameters", parameters)
    tokens = _positive("training tokens", tokens)
    peak_tflops = _positive("peak TFLOPS", peak_tflops)
    utilisation = _positive("utilisation (MFU)", utilisation)
    if utilisation > 1:
        raise ValueError(f"utilisation (MFU) must be at most 1, i.e. 100 % (got {_num(utilisation)})")
    price_per_gpu_hour = _number("price per GPU-hour", price_per_gpu_hour)
    gpus = _count("GPUs", gpus, minimum=1)
    if method not in FLOPS_PER_PARAMETER_TOKEN:
        raise ValueError(f"method must be full or lora (got {method!r})")
    factor = FLOPS_PER_PARAMETER_TOKEN[method]
    flops = factor * parameters * tokens
    gpu_hours = flops / (peak_tflops * 1e12 * utilisation * 3600)
    formula = (
        f"FLOPs = {_num(factor)} × parameters × tokens; GPU-hours = FLOPs ÷ ({_num(peak_tflops)} TFLOPS × 10^12 × "
        f"{utilisation:.0%} MFU × 3600 s); cost = GPU-hours × {_num(price_per_gpu_hour)} per GPU-hour"
    )
    assumptions = (
        "6 × N × D (Kaplan et al. 2020) is for full training: forward 2 + backward 4 FLOPs per parameter "
        "per token; attention's own FLOPs are left out (small below a few thousand tokens of context)",
        "LoRA / QLoRA: ≈ 4 × N × D, since the frozen base weights need no weight gradients; the adapters "
        "add little. Activation recomputation (gradient checkpointing) adds another forward pass (+2)",
        "MFU (model FLOPs utilisation) of 30-50 % is typical for well-tuned training; small batches, "
        "slow interconnects and QLoRA's de-quantisation give less",
        "peak: the GPU's dense tensor-core rate at the training precision (BF16), not the sparse figure",
        "wall-clock time assumes the GPUs scale perfectly; tokens = dataset tokens × epochs",
    )
    return TrainingResult(
        parameters,
        tokens,
        method,
        flops,
        gpu_hours,
        gpus,
        gpu_hours / gpus,
        gpu_hours * price_per_gpu_hour,
        formula,
        assumptions,
    )


# -- inference serving -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServingResult(Explained):
    tokens_per_day: float
    average_tokens_per_second: float
    peak_tokens_per_second: float
    gpus: int
    monthly_cost: float
    formula: str
    assumptions: tuple[str, ...]

    TITLE: ClassVar[str] = "Inference serving capacity"

    def lines(self) -> list[str]:
        return [
            f"{_num(self.tokens_per_day)} tokens a day; {_num(self.average_tokens_per_second, 1)} tokens/s on "
            f"average, {_num(self.peak_tokens_per_second, 1)} tokens/s at peak",
            f"{self.gpus} GPU{'s' if self.gpus != 1 else ''}; {_num(self.monthly_cost)} a month",
        ]


def inference_serving(
    requests_per_day: float,
    prompt_tokens: float,
    output_tokens: float,
    tokens_per_second_per_gpu: float,
    peak_factor: float = 2.0,
    price_per_gpu_hour: float = 0.0,
) -> ServingResult:
    """Tokens a day → peak tokens/s → GPUs (at least 1) → cost of running them all month."""
    requests_per_day = _number("requests per day", requests_per_day)
    prompt_tokens = _number("prompt tokens", prompt_tokens)
    output_tokens = _number("output tokens", output_tokens)
    if prompt_tokens + output_tokens <= 0:
        raise ValueError("prompt tokens + output tokens must be more than 0")
    per_gpu = _positive("tokens/s per GPU", tokens_per_second_per_gpu)
    peak_factor = _number("peak factor", peak_factor, minimum=1.0)
    price_per_gpu_hour = _number("price per GPU-hour", price_per_gpu_hour)
    per_day = requests_per_day * (prompt_tokens + output_tokens)
    average = per_day / SECONDS_PER_DAY
    peak = average * peak_factor
    gpus = max(1, math.ceil(peak / per_gpu - 1e-9))  # 1e-9: 2.0000000001 GPUs is 2
    cost = price_per_gpu_hour * HOURS_PER_MONTH * gpus
    formula = (
        f"tokens/s at peak = requests/day × (prompt + output tokens) ÷ 86,400 × peak factor {_num(peak_factor)}; "
        f"GPUs = ceil(peak ÷ {_num(per_gpu)} tokens/s per GPU), at least 1; "
        f"monthly cost = {_num(price_per_gpu_hour)} per GPU-hour × {HOURS_PER_MONTH} h × GPUs"
    )
    assumptions = (
        "peak factor: busiest-hour traffic ÷ the day's average (2-3 for office-hours products)",
        "the per-GPU throughput counts prompt and output tokens alike; prompt tokens are processed much "
        "faster than generated ones, so this errs on the safe side. Measure it with batching on for "
        "your model, GPU and serving engine",
        f"GPUs run all month ({HOURS_PER_MONTH} hours), no autoscaling, no spare for failover",
    )
    return ServingResult(per_day, average, peak, gpus, cost, formula, assumptions)


# -- data split ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SplitResult(Explained):
    total: int
    names: tuple[str, ...]
    percentages: tuple[float, ...]
    counts: tuple[int, ...]
    warnings: tuple[str, ...]
    formula: str
    assumptions: tuple[str, ...]

    TITLE: ClassVar[str] = "Data split"

    def lines(self) -> list[str]:
        lines = [f"{_num(self.total)} examples"]
        lines += [
            f"{n}: {_num(c)} ({_num(p)} %)" for n, p, c in zip(self.names, self.percentages, self.counts, strict=True)
        ]
        return lines + [f"warning: {w}" for w in self.warnings]


DEFAULT_SPLIT_NAMES = ("train", "validation", "test")


def data_split(total: int, percentages: Sequence[float], names: Sequence[str] | None = None) -> SplitResult:
    """Whole-number counts that always add up to ``total`` (largest-remainder method)."""
    total = _count("total", total, minimum=1)
    if not percentages:
        raise ValueError("percentages must name at least one part")
    if names is None:
        names = (
            DEFAULT_SPLIT_NAMES if len(percentages) == 3 else tuple(f"part {i + 1}" for i in range(len(percentages)))
        )
    if len(names) != len(percentages):
        raise ValueError(f"{len(names)} names for {len(percentages)} percentages")
    shares = tuple(_number(f"{name} percentage", p) for name, p in zip(names, percentages, strict=True))
    if abs(sum(shares) - 100) > 1e-6:
        raise ValueError(f"percentages must add up to 100 (they add up to {_num(sum(shares), 4)})")
    exact = [total * p / 100 for p in shares]
    counts = [math.floor(x + 1e-9) for x in exact]
    left = total - sum(counts)
    # The parts that lost most to rounding down get one more each; on a tie, the earlier part.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[:left]:
        counts[i] += 1
    warnings = tuple(
        f"{name} gets no examples" for name, p, c in zip(names, shares, counts, strict=True) if p > 0 and c == 0
    )
    formula = "count = floor(total × percentage ÷ 100); the remainder goes one each to the largest fractions"
    assumptions = (
        "largest-remainder rounding: the counts always add up to the total; ties go to the earlier part",
        "split by whole examples; for classification keep each class's share the same in every part "
        "(stratify), and keep near-duplicates in one part",
    )
    return SplitResult(total, tuple(names), shares, tuple(counts), warnings, formula, assumptions)


# -- classification metrics ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricsResult(Explained):
    tp: int
    fp: int
    fn: int
    tn: int | None
    precision: float | None
    recall: float | None
    f1: float | None
    accuracy: float | None
    undefined: tuple[str, ...]  # which metric could not be computed, and why
    formula: str
    assumptions: tuple[str, ...]

    TITLE: ClassVar[str] = "Classification metrics"

    def lines(self) -> list[str]:
        def show(value: float | None) -> str:
            return "undefined" if value is None else f"{value:.4f} ({value:.1%})"

        tn = "not given" if self.tn is None else _num(self.tn)
        lines = [
            f"TP {_num(self.tp)}, FP {_num(self.fp)}, FN {_num(self.fn)}, TN {tn}",
            f"precision {show(self.precision)}",
            f"recall {show(self.recall)}",
            f"F1 {show(self.f1)}",
        ]
        if self.tn is not None:
            lines.append(f"accuracy {show(self.accuracy)}")
        return lines + list(self.undefined)


def classification_metrics(tp: int, fp: int, fn: int, tn: int | None = None) -> MetricsResult:
    """Precision, recall, F1 (and accuracy when TN is given); a 0 ÷ 0 metric is None and named."""
    tp = _count("TP (true positives)", tp)
    fp = _count("FP (false positives)", fp)
    fn = _count("FN (false negatives)", fn)
    if tn is not None:
        tn = _count("TN (true negatives)", tn)
    undefined: list[str] = []
    precision = recall = f1 = accuracy = None
    if tp + fp:
        precision = tp / (tp + fp)
    else:
        undefined.append("precision undefined: no positive predictions (TP + FP = 0)")
    if tp + fn:
        recall = tp / (tp + fn)
    else:
        undefined.append("recall undefined: no actual positives (TP + FN = 0)")
    if tp + fp + fn:
        f1 = 2 * tp / (2 * tp + fp + fn)
    else:
        undefined.append("F1 undefined: TP + FP + FN = 0")
    if tn is not None:
        if tp + fp + fn + tn:
            accuracy = (tp + tn) / (tp + fp + fn + tn)
        else:
            undefined.append("accuracy undefined: the confusion matrix is empty")
    formula = (
        "precision = TP ÷ (TP + FP); recall = TP ÷ (TP + FN); F1 = 2 × P × R ÷ (P + R) = 2TP ÷ (2TP + FP + FN); "
        "accuracy = (TP + TN) ÷ (TP + FP + FN + TN)"
    )
    assumptions = (
        "a metric whose denominator is 0 is reported as undefined, not as 0",
        "F1 is computed from the counts, so it is 0 (not undefined) when TP = 0 but FP or FN is not",
        "accuracy misleads on imbalanced classes; prefer precision, recall and F1 there",
    )
    return MetricsResult(tp, fp, fn, tn, precision, recall, f1, accuracy, tuple(undefined), formula, assumptions)
