"""The model server's key: how `serve` makes one, and what a key may hold (it travels in an HTTP header)."""

from __future__ import annotations

import secrets

# Four groups of four from letters and digits that cannot be mistaken for each other when typed
# from a projector (no 0/o, 1/l/i): about 79 bits.
KEY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
MIN_KEY_CHARS = 8
MAX_KEY_CHARS = 256


def generate_key() -> str:
    return "-".join("".join(secrets.choice(KEY_ALPHABET) for _ in range(4)) for _ in range(4))


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be a server key, or None."""
    if not MIN_KEY_CHARS <= len(key) <= MAX_KEY_CHARS:
        return f"a key is {MIN_KEY_CHARS} to {MAX_KEY_CHARS} characters, not {len(key)}"
    if not all("!" <= c <= "~" for c in key):
        return "a key may hold only ASCII letters, digits and punctuation (no spaces)"
    return None
