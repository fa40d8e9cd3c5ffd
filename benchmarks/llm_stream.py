"""Token streaming benchmark: plain llama-cpp-python loop vs the app's path (LLM worker thread
streaming to a receiver on the GUI thread through LlmController), same model, threads, prompt and
sampling. Targets: ratio >= 0.95, worst GUI event-loop stall < 50 ms.

    .venv/bin/python benchmarks/llm_stream.py [--model PATH] [--threads N] [--max-tokens 128]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer  # noqa: E402

from roadmap_desktop.llm.engine import Engine  # noqa: E402
from roadmap_desktop.llm.worker import LlmController  # noqa: E402

PROMPT = [{"role": "user", "content": "Write a detailed plan for launching a small AI product, step by step."}]
SEED = 42


def plain_loop(model: str, threads: int, max_tokens: int) -> tuple[float, float, int]:
    """tokens/s (after the first token) and time to first token of a bare Llama.generate loop."""
    engine = Engine()  # only to reuse its prompt rendering; the loop below is plain llama-cpp-python
    engine.load(model, n_threads=threads)
    llama = engine._llama
    prompt, _stops, added = engine._render(PROMPT)
    tokens = llama.tokenize(prompt.encode("utf-8"), add_bos=not added, special=True)
    llama.reset()
    llama.set_seed(SEED)
    start = time.perf_counter()
    first = None
    count = 0
    for token in llama.generate(tokens, temp=0, reset=True):
        if token == llama.token_eos():
            break
        llama.detokenize([token])
        count += 1
        if first is None:
            first = time.perf_counter() - start
        if count >= max_tokens:
            break
    total = time.perf_counter() - start
    engine.close()
    return (count - 1) / (total - first), first, count


def app_path(model: str, threads: int, max_tokens: int) -> tuple[float, float, int, float]:
    app = QCoreApplication.instance() or QCoreApplication([])
    controller = LlmController()
    loop = QEventLoop()
    controller.model_loaded.connect(lambda *_: loop.quit())
    controller.load_failed.connect(lambda message: sys.exit(f"load failed: {message}"))
    controller.load(model, {"n_threads": threads})
    loop.exec()

    clock = QElapsedTimer()
    ticks: list[int] = []
    received: list[tuple[float, str]] = []
    done: dict[str, object] = {}
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    controller.token_received.connect(lambda _rid, text: received.append((time.perf_counter(), text)))

    def finished(_rid: int, text: str, stats: dict) -> None:
        done["stats"] = stats
        loop.quit()

    controller.generation_finished.connect(finished)
    controller.generation_failed.connect(lambda _rid, message: sys.exit(f"generation failed: {message}"))
    clock.start()
    timer.start()
    start = time.perf_counter()
    controller.generate(
        PROMPT,
        # Same sampling as the plain loop: greedy, no penalties (the app's defaults add repetition
        # guards; switch them off so both paths generate the same tokens).
        {
            "max_tokens": max_tokens,
            "temperature": 0,
            "seed": SEED,
            "repeat_penalty": 1.0,
            "frequency_penalty": 0.0,
            "presence_penalty": 0.0,
        },
    )
    loop.exec()
    timer.stop()
    controller.shutdown()
    del app
    first = received[0][0] - start
    rate = (len(received) - 1) / (received[-1][0] - received[0][0])
    gaps = [b - a for a, b in pairwise(ticks)]
    stall = max(gaps) if gaps else float("nan")
    return rate, first, int(done["stats"]["tokens"]), stall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"))
    parser.add_argument("--threads", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()
    print(
        f"model {Path(args.model).name}, threads {args.threads}, temperature 0, seed {SEED}, "
        f"max_tokens {args.max_tokens}"
    )
    plain_rate, plain_first, plain_count = plain_loop(args.model, args.threads, args.max_tokens)
    app_rate, app_first, app_count, stall = app_path(args.model, args.threads, args.max_tokens)
    ratio = app_rate / plain_rate
    print(
        f"plain Llama.generate loop : {plain_rate:7.1f} tokens/s ({plain_count} tokens), "
        f"first token {plain_first * 1000:.0f} ms"
    )
    print(
        f"app path (LlmController)  : {app_rate:7.1f} tokens/s ({app_count} tokens), "
        f"first token {app_first * 1000:.0f} ms"
    )
    print(f"ratio app/plain           : {ratio:.3f}   (target >= 0.95) {'OK' if ratio >= 0.95 else 'MISSED'}")
    print(f"worst GUI stall (5 ms tick): {stall:.0f} ms   (target < 50 ms) {'OK' if stall < 50 else 'MISSED'}")
    return 0 if ratio >= 0.95 and stall < 50 else 1


if __name__ == "__main__":
    raise SystemExit(main())
