"""`roadmap-desktop assist`: run an assistant task on a project with a local model (or a model server), print or
apply the suggestions."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .common import API_KEY_ENV, EXIT_OK, CommandError, fail, load, positive_int, save
from .console import json_text

NAME = "assist"
HELP = "draft requirements, user stories, priorities, timeline items, risks or a summary with the local model"
TASKS = ("requirements", "user-story", "priorities", "timeline", "risks", "summary")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .roadmap project")
    parser.add_argument("--task", required=True, choices=TASKS)
    parser.add_argument(
        "--brief",
        default="",
        help="product brief (default: the project's brief, else its vision); with --apply it is stored in the project",
    )
    parser.add_argument("--requirement", default="", metavar="ID|TITLE", help="requirement for the user-story task")
    parser.add_argument(
        "--model",
        metavar="PATH|URL",
        help="a .gguf file, or the http:// address of a model server: `roadmap-desktop serve`, llama.cpp's "
        "llama-server, Ollama, LM Studio, vLLM or another OpenAI-compatible one (default: the bundled SmolLM2 model)",
    )
    parser.add_argument(
        "--server-model",
        metavar="NAME",
        help="which of the server's models to use (with --model URL; default: a loaded one, else the first listed)",
    )
    parser.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"the key a model server printed (with --model URL; default: ${API_KEY_ENV})",
    )
    parser.add_argument("--apply", action="store_true", help="add the suggestions to FILE (atomic save)")
    parser.add_argument("--threads", type=positive_int, metavar="N", help="CPU threads (default: cores - 1)")
    parser.add_argument("--n-ctx", type=positive_int, default=4096, metavar="N", help="context length")
    parser.add_argument("--gpu-layers", type=int, default=0, metavar="N", help="layers to offload (-1: all)")
    parser.add_argument("--seed", type=int, help="sampling seed, for repeatable drafts")
    parser.add_argument("--quiet", action="store_true", help="do not stream the model's output to stderr")


def default_model() -> Path:
    from ..llm.catalog import DEFAULT_MODEL_FILE
    from ..persistence.paths import models_dir

    return models_dir() / DEFAULT_MODEL_FILE


def suggestion_json(suggestion: object) -> dict[str, object]:
    from ..crdt.values import entity_values
    from ..domain.entity import Entity
    from ..llm.suggestions import Suggestion
    from ..llm.task_base import FieldChanges

    if isinstance(suggestion, Suggestion):
        grounds = {"origin": suggestion.origin, "source": suggestion.source, "matched": list(suggestion.matched)}
        return {**suggestion_json(suggestion.value), **grounds, "why": suggestion.why}
    if isinstance(suggestion, Entity):
        return {"kind": suggestion.KIND, **entity_values(suggestion)}
    if isinstance(suggestion, FieldChanges):
        return {
            "kind": suggestion.kind,
            "id": suggestion.entity_id,
            "changes": suggestion.values,
            "note": suggestion.note,
        }
    return {"kind": "summary", "text": str(suggestion)}


def _connect(args: argparse.Namespace, url: str):
    """Reach the model server and pick its model: before the session, whose requests depend on the
    model's size where the server tells it."""
    from ..llm.remote_engine import RemoteEngine

    engine = RemoteEngine()
    api_key = args.api_key if args.api_key is not None else os.environ.get(API_KEY_ENV)
    try:
        info = engine.load(url, api_key=api_key, model=args.server_model)
    except BaseException:
        engine.close()
        raise
    server = info.as_dict()
    print(f"note: using {server['model_label']} on {server['server_name']} at {server['path']}", file=sys.stderr)
    for note in info.notes:
        print(f"note: {note}", file=sys.stderr)
    return engine, info.parameters or 0


def _generate(args: argparse.Namespace, engine, model: object, session, first):
    """Load the local model (a server's engine comes connected) and run the session to the end."""
    from ..llm.drafting import run_session

    if engine is None:
        from ..llm.probe import check_model

        # A model that crashes llama.cpp is refused here in one line, not by the process dying.
        check_model(
            model, on_probe=lambda: print(f"note: checking {Path(model).name} before its first use", file=sys.stderr)
        )
        from ..llm.engine import Engine  # llama.cpp, loaded only for a local model

        engine = Engine()
        options = {"n_ctx": args.n_ctx, "n_threads": args.threads, "n_gpu_layers": args.gpu_layers}
        for note in engine.load(model, **options).notes:
            print(f"note: {note}", file=sys.stderr)
    try:
        on_text = None if args.quiet else lambda piece: print(piece, end="", file=sys.stderr, flush=True)
        return run_session(engine, session, first, on_text=on_text)
    finally:
        engine.close()


def _timing(generations: list, first_suggestions: float | None, total: float) -> dict[str, object]:
    """Seconds to the first suggestions (the library's, before the model), the model's first token,
    its speed and the whole run, for the JSON report and the one-line note."""
    tokens = sum(g.tokens for g in generations)
    seconds = sum(g.seconds for g in generations)
    first_token = generations[0].time_to_first_token if generations else None
    return {
        "first_suggestions_s": None if first_suggestions is None else round(first_suggestions, 3),
        "first_token_s": None if first_token is None else round(first_token, 3),
        "tokens": tokens,
        "tokens_per_s": round(tokens / seconds, 1) if seconds > 0 else None,
        "rounds": len(generations),
        "total_s": round(total, 2),
    }


def _timing_line(timing: dict[str, object]) -> str:
    parts = []
    if timing["first_suggestions_s"] is not None:
        parts.append(f"library suggestions after {timing['first_suggestions_s']} s")
    if timing["first_token_s"] is not None:
        parts.append(f"first token after {timing['first_token_s']} s")
    if timing["tokens_per_s"] is not None:
        parts.append(f"{timing['tokens']} tokens at {timing['tokens_per_s']} tokens/s")
    parts.append(f"{timing['total_s']} s in all")
    return ", ".join(parts)


def _requirement_id(project, wanted: str) -> str:
    if not wanted:
        return ""
    for req in project.requirements:
        if wanted in (req.id, req.title):
            return req.id
    raise CommandError(f"no requirement with id or title {wanted!r}")


def run(args: argparse.Namespace) -> int:
    from ..domain.commands import Macro, SetField
    from ..llm.catalog import ModelFileError, read_model_info
    from ..llm.drafting import STOPPED_EARLY, DraftingSession
    from ..llm.engine_api import EngineError
    from ..llm.remote_engine import is_server_url
    from ..llm.suggestions import accept_command
    from ..llm.task_base import TaskInputs
    from ..llm.tasks import get_task
    from ..persistence.risk_library_file import LibraryError, load_default_risk_library

    try:
        project = load(args.file)
        task = get_task(args.task)
        inputs = TaskInputs(
            project=project, brief=args.brief, requirement_id=_requirement_id(project, args.requirement)
        )
        if args.task == "risks":
            inputs.library = load_default_risk_library()
        started = time.perf_counter()
        remote = bool(args.model) and is_server_url(args.model)
        if args.server_model and not remote:
            raise CommandError("--server-model needs --model with a server's http:// address")
        model = args.model.strip() if remote else Path(args.model) if args.model else default_model()
        engine = None  # a server's, connected here; a local model is loaded only when the task needs it
        if remote:
            engine, inputs.model_parameters = _connect(args, str(model))
        else:
            inputs.model_parameters = read_model_info(model).parameter_count or 0  # header check too
        session = DraftingSession(task, inputs, seed=args.seed)
        first = session.start()  # a missing brief or requirement fails here, before loading
        preview = session.result.suggestions if first is None else session.preview()
        first_suggestions = time.perf_counter() - started if preview else None
    except (CommandError, LibraryError) as exc:
        return fail(str(exc))
    except (ValueError, LookupError) as exc:
        return fail(f"{args.task}: {exc}")
    except (ModelFileError, EngineError) as exc:  # a server's engine holds no connection between requests
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted; nothing was changed")
    if first is None:  # the task needs no model here: the library's or the project's answer
        if engine is not None:
            engine.close()
        result = session.result
        print("note: from the library and the project's figures; no model needed", file=sys.stderr)
    else:
        try:
            result = _generate(args, engine, model, session, first)
        except (EngineError, ModelFileError) as exc:
            return fail(str(exc))
        except KeyboardInterrupt:
            return fail("interrupted; nothing was changed")
    if not args.quiet:
        print(file=sys.stderr)
    if result.stopped:
        print(f"note: {STOPPED_EARLY}", file=sys.stderr)
    timing = _timing(session.generations, first_suggestions, time.perf_counter() - started)
    print(f"note: {_timing_line(timing)}", file=sys.stderr)
    report = {
        "task": args.task,
        "model": str(model),
        "suggestions": [suggestion_json(s) for s in result.suggestions],
        "dropped": result.dropped,
        "timing": timing,
    }
    print(json_text(report))
    if args.apply and result.suggestions:
        command: Macro = accept_command(project, result.suggestions, f"Assistant: {args.task}")
        if args.brief.strip() and args.brief.strip() != project.info.brief.strip():
            # The brief is project content: every later task, the PDF and the app start from it.
            command.commands.insert(0, SetField("project", project.info.id, "brief", args.brief.strip()))
        command.apply(project)
        try:
            save(project, args.file)
        except CommandError as exc:
            return fail(str(exc))
        print(f"applied {len(result.suggestions)} suggestion(s) to {args.file}", file=sys.stderr)
    elif args.apply:
        print("nothing to apply", file=sys.stderr)
    return EXIT_OK
