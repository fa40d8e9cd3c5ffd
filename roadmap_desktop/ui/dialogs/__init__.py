"""Dialogs: project properties, recovery, messages."""
