"""The wording catalogs: complete, consistent with each other, and the only home of language branches."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from roadmap_desktop.wording import FALLBACK, language_code, languages, register, unregister, wording
from roadmap_desktop.wording import en as english

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "roadmap_desktop"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")  # words, not the full-width punctuation parsers know
# Numeric forms a caller passes beside the named ones, for languages that write months as numbers.
NUMERIC_FORMS = {"first_number", "last_number", "month_number"}


def test_every_catalog_key_exists_in_the_fallback_with_the_same_placeholders():
    en = wording(FALLBACK)
    for code in languages():
        w = wording(code)
        own = w._words.keys() - en._words.keys()
        assert not own, f"{code} has keys English lacks: {sorted(own)}"
        for key in english.WORDS:
            assert w.placeholders(key) - NUMERIC_FORMS <= en.placeholders(key) | NUMERIC_FORMS, f"{code}: {key}"


def test_english_holds_no_chinese_but_the_name_of_chinese():
    offenders = [key for key, text in english.WORDS.items() if CJK.search(text) and key != "choice.zh"]
    assert not offenders


@pytest.mark.parametrize(
    ("given", "code"), [("zh", "zh"), ("zh_CN", "zh"), ("zh-Hans", "zh"), ("en_GB", "en"), ("", "en"), ("xx", "en")]
)
def test_language_codes(given, code):
    assert language_code(given) == code
    assert wording(given).code == code


def test_a_missing_key_falls_back_to_english_and_register_refuses_unknown_keys():
    register("qx", "Test", {"more": "+{n}!"})
    try:
        w = wording("qx")
        assert w("more", n=2) == "+2!" and w["risk.band.high"] == "high"
        assert "qx" in languages()
        with pytest.raises(ValueError, match=r"lacks: no\.such\.key"):
            register("qy", "Bad", {"no.such.key": "x"})
    finally:
        unregister("qx")
    assert "qx" not in languages() and wording("qx").code == "en"


def test_chinese_spacing_and_lists():
    zh, en = wording("zh"), wording("en")
    assert zh.around_latin("RICE") == " RICE " and zh.around_latin("点投票") == "点投票"
    assert en.around_latin("RICE") == "RICE"
    assert zh.join(["a", "b"]) == "a、b" and en.join(["a", "b"]) == "a, b"
    assert zh.choice("must") == "必须有" and en.choice("must") == "Must have" and en.choice("nope") == "nope"


# -- no language branches outside the catalogs -------------------------------------------------------------

_BRANCH = re.compile(r"""(==|!=)\s*["']zh["']|["']zh["']\s*(==|!=)|startswith\(\s*["']zh""")


def _string_literals(path: Path):
    """Every string constant but docstrings and the text handed to Qt's tr() (Qt's own catalog)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            skip.add(id(body[0].value))
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("tr", "translate", "_tr"):
                skip.update(id(arg) for arg in ast.walk(node) if isinstance(arg, ast.Constant))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def _sources():
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "wording" not in p.relative_to(PACKAGE).parts]


def test_no_language_branch_outside_the_wording_catalogs():
    offences = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _BRANCH.search(line)
    ]
    assert not offences, "language branches belong in roadmap_desktop/wording:\n" + "\n".join(offences)


def test_no_chinese_text_outside_the_wording_catalogs():
    offences = [
        f"{path.relative_to(ROOT)}:{number}: {text[:40]!r}"
        for path in _sources()
        for number, text in _string_literals(path)
        if HAN.search(text)
    ]
    assert not offences, "project-language text belongs in roadmap_desktop/wording:\n" + "\n".join(offences)
