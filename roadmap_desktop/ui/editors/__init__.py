"""Editors for requirements, timeline items, risks and lanes."""
