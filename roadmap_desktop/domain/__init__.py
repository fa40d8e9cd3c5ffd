"""Pure-Python domain core: projects, their entities and undoable commands (no Qt, no llama_cpp)."""
