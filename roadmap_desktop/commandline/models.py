"""`roadmap-desktop models`: the GGUF models found, with metadata and a memory estimate."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, positive_int
from .console import json_text

NAME = "models"
HELP = "list the GGUF models found, with metadata and a memory estimate"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n-ctx", type=positive_int, default=4096, metavar="N", help="context length to estimate for")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace) -> int:
    from ..llm.catalog import BrokenModel, available_memory_bytes, estimate_memory, fits, format_bytes, model_dirs
    from ..llm.probe import find_checked_models

    found = find_checked_models()  # a model an earlier check saw crash llama.cpp is listed as unusable
    available = available_memory_bytes()
    rows: list[dict[str, object]] = []
    lines: list[str] = []
    for entry in found:
        if isinstance(entry, BrokenModel):
            rows.append(entry.as_json())
            lines += [f"{entry.path.name}  ({entry.path.parent})", f"  unusable: {entry.error}"]
            continue
        estimate = estimate_memory(entry, args.n_ctx)
        ok, verdict = fits(estimate, available)
        rows.append({**entry.as_json(), "memory": {**estimate.as_json(), "available_bytes": available, "fits": ok}})
        template = "chat template" if entry.has_chat_template else "no chat template"
        lines += [
            f"{entry.path.name}  ({entry.path.parent})",
            f"  {entry.name} · {entry.architecture or '?'} · {entry.parameters_label} parameters · "
            f"{entry.quantization or '?'} · context {entry.context_length or '?'} · "
            f"{format_bytes(entry.file_size)} · {template}",
            f"  memory at n_ctx {args.n_ctx}: {'OK' if ok else 'WARNING'}, {verdict}",
            f"    {estimate.explanation}",
        ]
    if args.json:
        print(json_text({"n_ctx": args.n_ctx, "available_bytes": available, "models": rows}, indent=None))
        return EXIT_OK
    if not found:
        print("no .gguf model files found in: " + ", ".join(str(folder) for folder in model_dirs()))
    print("\n".join(lines))
    return EXIT_OK
