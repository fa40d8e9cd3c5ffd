"""The project as a Yjs document (pycrdt): mapping both ways, merging, live binding; no Qt."""
