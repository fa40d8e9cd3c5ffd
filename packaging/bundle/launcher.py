"""The frozen app's entry script: the same entry point as the installed `roadmap-desktop` command."""

import sys

from roadmap_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
