"""Numbers as people write them in every language the catalogs hold."""

from __future__ import annotations


def number(value: float | None) -> str:
    """2000, 0.5, 13.33: at most two decimals, no trailing zeros; "" for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
