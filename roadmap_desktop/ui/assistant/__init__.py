"""The assistant dock: local model, tasks, streaming output and reviewable suggestions."""
