"""Entry point for `python -m roadmap_desktop` and the `roadmap-desktop` script."""

from __future__ import annotations

import sys

from .cli import main as _cli_main


def main() -> int:
    return _cli_main()


if __name__ == "__main__":
    sys.exit(main())
