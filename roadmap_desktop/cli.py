"""The command line: open the GUI, or run a sub-command (see roadmap_desktop/commandline/) without one."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

from . import __version__, commandline
from .commandline.console import terminal_output


def subcommands() -> dict[str, ModuleType]:
    """Every module in commandline/ that declares NAME, by name; they import heavy things only in run()."""
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(commandline.__path__):
        module = importlib.import_module(f"{commandline.__name__}.{info.name}")
        if hasattr(module, "NAME"):
            found[module.NAME] = module
    return dict(sorted(found.items()))


def build_subcommand_parser(modules: dict[str, ModuleType] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="roadmap-desktop")
    subs = parser.add_subparsers(dest="command", required=True)
    for name, module in (modules or subcommands()).items():
        module.configure(subs.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def build_gui_parser(names: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roadmap-desktop",
        description=f"Offline product-roadmap planner. Sub-commands: {', '.join(names)} "
        "(see `roadmap-desktop COMMAND -h`).",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .roadmap project to open")
    parser.add_argument("--version", action="version", version=f"roadmap-desktop {__version__}")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the app works here (window offscreen, model, save and reopen, PDF), then exit 0 or 1",
    )
    return parser


# The model probe's child (llm/probe.py): this program again, also inside a bundle; not a command for people.
PROBE_ARG = "--probe-model"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [PROBE_ARG]:
        from .llm.probe import child_main

        return child_main(argv[1:])
    modules = subcommands()
    # Everything a sub-command, the self-test or argparse prints goes through the terminal guard
    # (console.py): no control characters from project text or a model's header, a quiet end when a
    # pipe's reader has gone. The window runs outside it.
    gui: argparse.Namespace | None = None
    with terminal_output() as terminal:
        try:
            if argv and argv[0] in modules:
                args = build_subcommand_parser(modules).parse_args(argv)
                code = int(modules[args.command].run(args))
            else:
                gui = build_gui_parser(list(modules)).parse_args(argv)
                code = 0
                if gui.self_test:
                    from .selftest import run_self_test

                    gui, code = None, run_self_test()
        except SystemExit as exc:  # argparse's own exit for --help, --version and usage errors
            gui, code = None, int(exc.code or 0)
    code = terminal.exit_code(code)
    if gui is None or code:
        return code
    from .app import run_gui

    return run_gui(Path(gui.file) if gui.file else None, gui.quit_after)
