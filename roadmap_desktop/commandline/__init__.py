"""Sub-commands of `roadmap-desktop`, one module each (NAME, HELP, configure, run); cli.py finds them."""
