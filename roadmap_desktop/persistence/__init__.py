"""Project files, atomic writes, autosave/recovery and settings on disk (no Qt)."""
