"""Exports of a project: PDF, Markdown, CSV, and the timeline painting shared with the view."""
