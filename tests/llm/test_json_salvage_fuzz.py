"""Hostile model output never hangs or crashes the reader: any text, however broken, is read in
one pass (a stray closer inside a container once looped forever, freezing the window)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_desktop.llm.json_salvage import salvage

JSONISH = st.text(alphabet='{}[]",:\\ab1-.eu \n', max_size=300)


@settings(max_examples=400, deadline=2000)
@given(JSONISH)
def test_any_text_is_read_in_linear_time_without_an_error(text):
    part = salvage(text)
    part.to_python() if part.complete else None


@settings(max_examples=100, deadline=2000)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda c: st.lists(c) | st.dictionaries(st.text(max_size=5), c),
        max_leaves=20,
    ),
    st.integers(0, 400),
)
def test_every_prefix_of_valid_json_reads_without_an_error(value, cut):
    text = json.dumps({"items": [value]})
    salvage(text[:cut])


def test_stray_closers_end_their_container():
    assert salvage('{"a": [{"b": "x"},"},"},]}').kind == "object"
    assert salvage('{"a": 1 ] }').to_python() == {"a": 1}
    long_junk = '{"requirements": [' + '{"base": "new", "title": "' + "A" * 5000 + '"},' * 50 + "]}"
    assert salvage(long_junk).kind == "object"
