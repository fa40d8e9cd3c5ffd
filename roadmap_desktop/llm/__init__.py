"""Local LLM assistant: the llama.cpp engine, its worker thread and model metadata."""
