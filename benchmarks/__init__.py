"""Benchmarks; run each from the repository root, e.g. `.venv/bin/python benchmarks/timeline.py`."""
