"""The planning phases P0-P7 (seed inventory section 1.2), used as default timeline lanes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    code: str
    en: str
    zh: str

    def name(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


PHASES: tuple[Phase, ...] = (
    Phase("P0", "Requirement analysis", "需求分析"),
    Phase("P1", "Technology selection", "技术选型"),
    Phase("P2", "Data collection and preprocessing", "数据收集与预处理"),
    Phase("P3", "Resource allocation", "资源分配"),
    Phase("P4", "Training and fine-tuning", "模型训练与微调"),
    Phase("P5", "Evaluation", "模型评估"),
    Phase("P6", "Deployment and tuning", "部署与调优"),
    Phase("P7", "Iteration and optimisation", "产品迭代与优化"),
)

PHASE_CODES: tuple[str, ...] = ("", *(p.code for p in PHASES))


def phase_label(code: str, language: str = "en") -> str:
    for phase in PHASES:
        if phase.code == code:
            return f"{phase.code} {phase.name(language)}"
    return code
