"""The six steps of a guided founder workshop, in English and Chinese, with default minutes (no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SETTINGS_KEY = "workshop_step_minutes"
MIN_MINUTES, MAX_MINUTES = 1, 180


@dataclass(frozen=True)
class WorkshopStep:
    """One step: a key the code uses, and its title and participant instruction by project language."""

    key: str
    title: Mapping[str, str]
    instruction: Mapping[str, str]
    default_minutes: int

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title["en"]

    def instruction_in(self, language: str) -> str:
        return self.instruction.get(language) or self.instruction["en"]


STEPS: tuple[WorkshopStep, ...] = (
    WorkshopStep(
        "brief",
        {"en": "Product brief", "zh": "产品简介"},
        {
            "en": "Agree in one or two sentences what we build, for whom, and how we will know it works.",
            "zh": "用一两句话说清：我们做什么、为谁做、怎样判断它成功。",
        },
        10,
    ),
    WorkshopStep(
        "requirements",
        {"en": "Requirements", "zh": "需求"},
        {
            "en": "Call out what users need; the assistant drafts, we keep, edit or drop each line.",
            "zh": "说出用户需要什么；助手起草，我们逐条保留、修改或删除。",
        },
        20,
    ),
    WorkshopStep(
        "prioritise",
        {"en": "Prioritise", "zh": "排优先级"},
        {
            "en": "Place your dots on what matters most, then check the ranking against the framework.",
            "zh": "把票投给最重要的需求，再对照评分框架检查排序。",
        },
        15,
    ),
    WorkshopStep(
        "timeline",
        {"en": "Timeline", "zh": "时间线"},
        {
            "en": "Auto-schedule the plan, then move what must happen sooner or later.",
            "zh": "先自动排期，再调整必须提前或推后的事项。",
        },
        15,
    ),
    WorkshopStep(
        "risks",
        {"en": "Risks", "zh": "风险"},
        {
            "en": "Name what could stop us, rate likelihood and impact, and agree an owner for each red one.",
            "zh": "列出可能阻碍我们的风险，评估可能性和影响，并为每个红色风险指定负责人。",
        },
        15,
    ),
    WorkshopStep(
        "export",
        {"en": "Export PDF", "zh": "导出 PDF"},
        {
            "en": "Review the roadmap together and export the PDF to share after the workshop.",
            "zh": "一起回顾路线图，导出 PDF，会后分享给大家。",
        },
        5,
    ),
)


def default_minutes() -> list[int]:
    return [step.default_minutes for step in STEPS]


def minutes_from(value: object) -> list[int]:
    """Per-step minutes from a stored settings value; anything malformed falls back to the defaults."""
    minutes = default_minutes()
    if not isinstance(value, list):
        return minutes
    for index, stored in enumerate(value[: len(STEPS)]):
        if isinstance(stored, int) and not isinstance(stored, bool):
            minutes[index] = min(max(stored, MIN_MINUTES), MAX_MINUTES)
    return minutes


def format_clock(seconds: int) -> str:
    """m:ss for the time left; over time shows as +m:ss."""
    sign = "+" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
