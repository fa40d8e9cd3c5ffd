"""Chat templates from model files run in a bounded sandbox: the hostile corpus (loops, growth,
recursion, sandbox escapes, syntax errors) ends within a second each in one line, real templates
render as llama-cpp-python renders them, and Stop interrupts a long render."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from hostile_gguf import hostile_templates

from roadmap_desktop.llm.catalog import read_model_info
from roadmap_desktop.llm.chat_template import ChatTemplate, TemplateLimit, compile_problem
from roadmap_desktop.llm.engine_api import Cancelled, EngineError
from roadmap_desktop.persistence.paths import models_dir

SMOL = models_dir() / "SmolLM2-135M-Instruct.Q4_1.gguf"
MESSAGES = [
    {"role": "system", "content": "You plan roadmaps."},
    {"role": "user", "content": "Draft <b>3</b> items {{ not a template }} {% raw %}"},
    {"role": "assistant", "content": "Sure."},
    {"role": "user", "content": "more " * 3000},
]
# A ChatML template as the common model files write it.
CHATML = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def render(source: str, **limits) -> str:
    return ChatTemplate(source, eos_token="</s>", bos_token="<s>").render(MESSAGES, **limits).prompt


@pytest.mark.parametrize(("name", "source", "words"), hostile_templates(), ids=[c[0] for c in hostile_templates()])
def test_the_hostile_corpus_is_refused_quickly_in_one_line(name, source, words):
    tracer = sys.gettrace()
    started = time.perf_counter()
    with pytest.raises(EngineError) as caught:
        render(source)
    elapsed = time.perf_counter() - started
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400, message
    assert all(word in message for word in words), message
    assert elapsed < 3.0, f"{name} took {elapsed:.2f} s"
    assert sys.gettrace() is tracer  # the step counter is removed after every render


def test_the_corpus_as_a_whole_stays_within_a_few_seconds():
    started = time.perf_counter()
    for _name, source, _words in hostile_templates():
        with pytest.raises(EngineError):
            render(source)
    assert time.perf_counter() - started < 10.0


def test_a_chatml_template_renders_as_before():
    prompt = render(CHATML)
    assert prompt.startswith("<|im_start|>system\nYou plan roadmaps.<|im_end|>\n")
    assert "{{ not a template }}" in prompt  # message text is data, never template code
    assert prompt.endswith("<|im_start|>assistant\n")


@pytest.mark.skipif(not SMOL.is_file(), reason="SmolLM2 GGUF not in models/")
def test_the_real_template_renders_as_llama_cpp_python_renders_it():
    llama_chat_format = pytest.importorskip("llama_cpp.llama_chat_format")
    source = read_model_info(SMOL).metadata["tokenizer.chat_template"]
    theirs = llama_chat_format.Jinja2ChatFormatter(template=source, eos_token="</s>", bos_token="<s>")
    ours = ChatTemplate(source, eos_token="</s>", bos_token="<s>").render(MESSAGES)
    assert ours.prompt == theirs(messages=MESSAGES).prompt
    assert ours.stop == ["</s>"]


def test_limits_are_per_render_and_adjustable():
    looping = "{% for i in range(5000) %}{% for j in range(100) %}{% endfor %}{% endfor %}ok"
    assert render(looping) == "ok"  # 500,000 steps: within the default budget
    with pytest.raises(TemplateLimit, match="steps"):
        render(looping, max_steps=10_000)
    with pytest.raises(TemplateLimit, match="characters"):
        render(CHATML, max_chars=100)
    with pytest.raises(TemplateLimit, match="took more than"):
        render("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", max_seconds=0.2)


def test_stop_interrupts_a_long_render_from_another_thread():
    stop = threading.Event()
    endless = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    template = ChatTemplate(endless)
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    started = time.perf_counter()
    try:
        with pytest.raises(Cancelled):
            template.render(MESSAGES, cancel=stop.is_set, max_steps=10**12, max_seconds=60)
    finally:
        timer.cancel()
    assert time.perf_counter() - started < 1.5


def test_a_template_error_is_one_line_and_names_the_cause():
    assert compile_problem(CHATML) is None
    assert "cannot be compiled" in compile_problem("{% for %}")
    assert compile_problem(42) == "it is int, not text"
    with pytest.raises(EngineError, match=r"refused the messages: only user and assistant roles$"):
        render("{{ raise_exception('only user and assistant\nroles') }}")


def test_rendering_outside_render_is_refused():
    # The guarded filters need a render's budget; a stray call outside one must not run unbounded.
    template = ChatTemplate("{{ 'x'|center(10) }}")
    with pytest.raises(TemplateLimit):
        template._template.render()
