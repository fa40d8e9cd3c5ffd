"""Roadmap Desktop: an offline product-roadmap planner with a local LLM assistant."""

__version__ = "0.1.0"
