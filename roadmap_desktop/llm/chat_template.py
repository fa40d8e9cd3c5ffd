"""A model's chat template, compiled and rendered in a Jinja sandbox with limits on size, steps and time.

The template comes from the model file, so it is untrusted code. Jinja's sandbox stops it reaching
Python internals but not from running for ever: a ``range(100000)`` loop inside another, or a 50 MB
prompt, kept ``assist`` busy for minutes before the first token, and Stop could not interrupt it.
Here every render has a budget:

- steps: each line of compiled template code that runs is counted (a trace function on this
  thread, only while rendering, only in template frames); also a time limit and the Stop flag,
  checked every few hundred steps and at every call, filter and output piece;
- size: the output, every concatenation, block and filter result, and the operators that multiply
  (``*``, ``**``, ``%``, ``+``) are held to the prompt limit before they allocate, so no single
  C-level operation can build a huge string;
- the template's own text is limited, so compiling it is quick too.

Rendering needs only jinja2; the engine hands the result to llama.cpp.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jinja2
import jinja2.ext
import jinja2.nodes
import jinja2.runtime
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import EvalContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .engine_api import Cancelled, EngineError

MAX_TEMPLATE_CHARS = 256 * 1024  # real chat templates are 1-30 KB
MAX_PROMPT_CHARS = 1 << 20  # about 250,000 tokens: more than any context the app offers
MAX_STEPS = 2_000_000  # lines of template code per render (a real template runs a few thousand)
MAX_SECONDS = 5.0
MAX_POWER_BITS = 4096  # the largest number ``**`` or ``*`` may make
_CHECK_EVERY = 256  # steps between looks at the clock and the Stop flag
_TEMPLATE_FILE = "<template>"  # the file name Jinja gives code compiled from a string
# printf-style widths or precisions of six digits or more, and ``*`` widths: "%999999999s"
_HUGE_PRINTF = re.compile(r"%[-+ #0]*(?:\d{6,}|\*)|%[-+ #0]*\d*\.(?:\d{6,}|\*)")
# str.format widths: "{:999999999}", "{0:>{1}}"
_HUGE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*(?:\d{6,}|\{)")


class TemplateLimit(EngineError):
    """A chat template went past one of the render limits; ``str()`` says which."""


@dataclass(frozen=True)
class RenderedPrompt:
    prompt: str
    stop: list[str]
    added_special: bool  # the template wrote BOS itself (as llama-cpp-python's formatter says)


class _Budget:
    """One render's limits; the environment finds it through a thread-local."""

    def __init__(self, max_chars: int, max_steps: int, max_seconds: float, cancel: Callable[[], bool] | None) -> None:
        self.max_chars = max_chars
        self.max_steps = max_steps
        self.deadline = time.monotonic() + max_seconds
        self.max_seconds = max_seconds
        self.cancel = cancel
        self.steps = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps % _CHECK_EVERY == 0:
            self.check()

    def check(self) -> None:
        if self.steps > self.max_steps:
            raise TemplateLimit(
                f"The model's chat template ran more than {self.max_steps:,} steps without finishing (an endless loop?)"
            )
        if self.cancel is not None and self.cancel():
            raise Cancelled
        if time.monotonic() > self.deadline:
            raise TemplateLimit(
                f"The model's chat template took more than {self.max_seconds:g} s to format the messages"
            )

    def size(self, length: int) -> None:
        if length > self.max_chars:
            raise TemplateLimit(
                f"The model's chat template made a text of more than {self.max_chars:,} characters"
                " (more than any context holds)"
            )


_local = threading.local()


def _budget() -> _Budget:
    budget = getattr(_local, "budget", None)
    if budget is None:  # rendering outside ChatTemplate.render: no budget was set up
        raise TemplateLimit("The chat template can only be rendered through ChatTemplate.render")
    return budget


def _length(value: object) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict | set | frozenset) else 0


def _checked(value: Any) -> Any:
    _budget().size(_length(value))
    return value


def _check_arguments(args: Iterable[object], kwargs: dict[str, object], format_string: object = None) -> None:
    """Refuse the arguments that would make one call allocate too much before it returns: sizes
    beyond the prompt limit, and (for the formatting calls) format strings with huge widths."""
    budget = _budget()
    budget.step()
    budget.check()
    for value in (*args, *kwargs.values()):
        if _is_int(value) and abs(value) > budget.max_chars:
            raise TemplateLimit(f"The model's chat template asked for a size of {value:,} (more than any prompt)")
    if isinstance(format_string, str) and (_HUGE_PRINTF.search(format_string) or _HUGE_FORMAT.search(format_string)):
        raise TemplateLimit("The model's chat template formats with a width larger than any prompt")


def _growth(name: str, target: object, args: tuple[object, ...], kwargs: dict[str, object]) -> int | None:
    """The length a string operation that multiplies its input would make, counted before it runs
    (``s|replace("x", 1000 * "y")`` made 500 MB before its result could be measured); None for others."""
    if not isinstance(target, str):
        return None
    if name == "replace":
        old = args[0] if args else kwargs.get("old")
        new = args[1] if len(args) > 1 else kwargs.get("new")
        if isinstance(old, str) and isinstance(new, str):
            count = target.count(old) if old else len(target) + 1
            return len(target) + count * len(new)
    elif name == "indent":
        width = args[0] if args else kwargs.get("width", 4)
        each = width if _is_int(width) else len(str(width))
        return len(target) + (target.count("\n") + 1) * max(each, 0)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if _is_int(size):
            return len(target) + target.count("\t") * max(size, 0)
    return None


def _guard(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter or global function wrapped in the render limits (``wraps`` keeps Jinja's pass_context marks)."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        plain = [a for a in args if not isinstance(a, jinja2.runtime.Context | jinja2.Environment | EvalContext)]
        _check_arguments(args, kwargs, plain[0] if name == "format" and plain else None)
        if plain:
            _budget().size(_growth(name, plain[0], tuple(plain[1:]), kwargs) or 0)
        return _checked(func(*args, **kwargs))

    return guarded


def _checked_concat(parts: Iterable[object]) -> str:
    """``"".join`` for the pieces of a block (``{% set %}...{% endset %}``, macros), stopped at the limit."""
    budget = _budget()
    pieces: list[str] = []
    total = 0
    for piece in parts:
        text = piece if isinstance(piece, str) else str(piece)
        total += len(text)
        budget.size(total)
        pieces.append(text)
    return "".join(pieces)


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator with the ``~`` operator going through the size check."""

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _GenerationTag(jinja2.ext.Extension):
    """Passes through Hugging Face's ``{% generation %}`` tag, as llama-cpp-python's formatter does."""

    tags = {"generation"}  # noqa: RUF012 (Jinja's own class attribute)

    def parse(self, parser: Any) -> Any:
        parser.stream.skip(1)
        return parser.parse_statements(("name:endgeneration",), drop_needle=True)


class _BoundedEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = _CodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(_checked_concat)

    def __init__(self) -> None:
        super().__init__(
            loader=jinja2.BaseLoader(),
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=[_GenerationTag, jinja2.ext.loopcontrols],
        )
        self.filters["tojson"] = _tojson  # as Transformers and llama-cpp-python render JSON
        self.filters = {name: _guard(name, func) for name, func in self.filters.items()}
        self.globals.pop("lipsum", None)  # makes text of any length; no chat template needs it
        # Functions only: classes (dict, namespace, cycler) are called through ``call`` below.
        self.globals = {
            name: _guard(name, value) if callable(value) and not isinstance(value, type) else value
            for name, value in self.globals.items()
        }

    def checked_concat(self, parts: Iterable[object]) -> str:
        return _checked_concat(parts)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # str.format reaches here wrapped by the sandbox; the wrapped bound method holds the format string.
        method = getattr(__obj, "__wrapped__", __obj)
        formatting = getattr(method, "__name__", "") in ("format", "format_map")
        formats = getattr(method, "__self__", None) if formatting else None
        _check_arguments(args, kwargs, formats)
        name = getattr(method, "__name__", "")
        _budget().size(_growth(name, getattr(method, "__self__", None), args, kwargs) or 0)
        return _checked(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = _budget()
        budget.step()
        if operator == "**":
            if _is_int(left) and _is_int(right) and right > 0 and right * abs(left).bit_length() > MAX_POWER_BITS:
                raise TemplateLimit("The model's chat template computes a number too large to hold")
        elif operator == "*":
            if _is_int(left) and _is_int(right):
                if left.bit_length() + right.bit_length() > MAX_POWER_BITS:
                    raise TemplateLimit("The model's chat template computes a number too large to hold")
            elif _is_int(right):
                budget.size(_length(left) * max(right, 0))  # "x" * 100000000 is refused before it is made
            elif _is_int(left):
                budget.size(_length(right) * max(left, 0))
        elif operator == "+":
            budget.size(_length(left) + _length(right))
        elif operator == "%" and isinstance(left, str):
            _check_arguments(right if isinstance(right, tuple) else (right,), {}, left)
        return _checked(super().call_binop(context, operator, left, right))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _tojson(
    value: Any, ensure_ascii: bool = False, indent: int | None = None, separators: Any = None, sort_keys: bool = False
) -> str:
    return json.dumps(value, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def _strftime_now(spec: str) -> str:
    return datetime.now().strftime(spec)


def _raise_exception(message: str) -> None:
    raise EngineError(f"The model's chat template refused the messages: {_one_line(Exception(message))}")


class ChatTemplate:
    """A compiled chat template; ``render`` formats messages within the limits. Raises EngineError."""

    def __init__(self, source: str, *, eos_token: str = "", bos_token: str = "") -> None:
        if len(source) > MAX_TEMPLATE_CHARS:
            raise EngineError(
                f"the chat template has {len(source):,} characters, more than the {MAX_TEMPLATE_CHARS:,} allowed"
            )
        self.eos_token = eos_token
        self.bos_token = bos_token
        try:
            self._template = _BoundedEnvironment().from_string(source)
        except RecursionError:
            raise EngineError("the chat template nests too deeply to compile") from None
        except jinja2.TemplateError as exc:
            raise EngineError(f"the chat template cannot be compiled: {_one_line(exc)}") from None

    def render(
        self,
        messages: list[dict[str, Any]],
        *,
        cancel: Callable[[], bool] | None = None,
        max_chars: int = MAX_PROMPT_CHARS,
        max_steps: int = MAX_STEPS,
        max_seconds: float = MAX_SECONDS,
        add_generation_prompt: bool = True,
    ) -> RenderedPrompt:
        """The prompt for ``messages``; raises Cancelled when ``cancel`` becomes true, TemplateLimit
        past a limit and EngineError for any other failure of the template."""
        budget = _Budget(max_chars, max_steps, max_seconds, cancel)
        variables = {
            "messages": messages,
            "eos_token": self.eos_token,
            "bos_token": self.bos_token,
            "add_generation_prompt": add_generation_prompt,
            "raise_exception": _raise_exception,
            "strftime_now": _strftime_now,
            "functions": None,
            "function_call": None,
            "tools": None,
            "tool_choice": None,
        }
        pieces: list[str] = []
        total = 0
        previous = getattr(_local, "budget", None)
        _local.budget = budget
        with _Traced(budget):
            try:
                for piece in self._template.generate(**variables):
                    total += len(piece)
                    budget.size(total)
                    budget.step()
                    pieces.append(piece)
            except (Cancelled, EngineError):
                raise
            except RecursionError:
                raise TemplateLimit("The model's chat template recursed too deeply") from None
            except MemoryError:
                raise TemplateLimit("The model's chat template ran out of memory") from None
            except Exception as exc:  # jinja2 errors, sandbox refusals, TypeErrors in the template's code
                raise EngineError(f"The chat template could not format the messages: {_one_line(exc)}") from None
            finally:
                _local.budget = previous
        return RenderedPrompt("".join(pieces), [self.eos_token] if self.eos_token else [], True)


class _Traced:
    """Count the lines of template code that run on this thread, for the step limit.

    Only frames of compiled templates get a local trace function, so Jinja's runtime and the rest of
    the program run untraced; a tracer already installed (a debugger, coverage) is put back after.
    """

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget
        self._previous: Any = None

    def __enter__(self) -> None:
        step = self._budget.step

        def local(frame: Any, event: str, arg: Any) -> Any:
            if event == "line":
                step()  # raises past a limit or on Stop: the exception surfaces in the template's frame
            return local

        def global_trace(frame: Any, event: str, arg: Any) -> Any:
            return local if frame.f_code.co_filename == _TEMPLATE_FILE else None

        self._previous = sys.gettrace()
        sys.settrace(global_trace)

    def __exit__(self, *exc: object) -> None:
        sys.settrace(self._previous)


def compile_problem(source: object) -> str | None:
    """Why a template from a model file cannot be compiled (one line), or None when it can."""
    if not isinstance(source, str):
        return f"it is {type(source).__name__}, not text"
    try:
        ChatTemplate(source)
    except EngineError as exc:
        return str(exc)
    return None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."
