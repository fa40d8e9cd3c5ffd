"""Text formats other tools read and write: CSV import and export, JSON, Markdown and Mermaid (no Qt)."""
