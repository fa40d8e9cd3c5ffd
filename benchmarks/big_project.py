"""A big, realistic, deterministic project for benchmarks: lanes with and without capacity, items with
acyclic dependencies, milestones, pinned dates, requirements and risks with delays linked to items.

    from benchmarks.big_project import build_big_project
    .venv/bin/python benchmarks/big_project.py [--save FILE] [--language zh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roadmap_desktop.domain.phases import PHASES  # noqa: E402
from roadmap_desktop.domain.project import Project, ProjectInfo  # noqa: E402
from roadmap_desktop.domain.requirement import MOSCOW, Requirement  # noqa: E402
from roadmap_desktop.domain.risk import Risk  # noqa: E402
from roadmap_desktop.domain.timeline import Lane, TimelineItem  # noqa: E402

BASE = dt.date(2026, 1, 5)  # a Monday
TODAY = dt.date(2026, 5, 1)  # items that ended before it are mostly done
STAMP = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)


def _names(text: str) -> list[str]:
    return text.split("|")


TEAMS = {
    "en": _names(
        "Platform|Data engineering|ML research|Mobile app|Web app|Search|Trust and safety|"
        "Infrastructure|Growth|Customer support AI|Recommendations|Billing"
    ),
    "zh": _names("平台组|数据工程|算法研究|移动端|网页端|搜索|内容安全|基础设施|增长|智能客服|推荐系统|计费"),
}
VERBS = {
    "en": _names(
        "Collect|Clean|Label|Fine-tune|Evaluate|Deploy|Benchmark|Design|Prototype|Integrate|"
        "Harden|Monitor|Migrate|Document|Optimise|Review"
    ),
    "zh": _names("收集|清洗|标注|微调|评估|部署|压测|设计|原型验证|集成|加固|监控|迁移|编写文档：|优化|评审"),
}
OBJECTS = {
    "en": _names(
        "support-ticket corpus|intent classifier|RAG answer pipeline|embedding index|chat widget|"
        "recommendation API|GPU training cluster|prompt templates|evaluation harness|"
        "feedback loop|payment flow|onboarding funnel|content filter|quantised 7B model|"
        "A/B test framework|data privacy review|latency dashboard|model registry"
    ),
    "zh": _names(
        "工单语料库|意图分类模型|RAG 问答流程|向量索引|聊天组件|推荐接口|GPU 训练集群|提示词模板|"
        "评测框架|用户反馈闭环|支付流程|新用户引导|内容过滤器|7B 量化模型|A/B 测试框架|"
        "数据隐私审查|延迟监控面板|模型仓库"
    ),
}
MILESTONES = {
    "en": _names(
        "Alpha ready|Private beta|Public beta|Launch|Series A demo|Model v2 sign-off|"
        "Compliance audit passed|1,000 paying users"
    ),
    "zh": _names("内测版就绪|封闭测试|公开测试|正式发布|A 轮融资演示|模型 v2 验收|合规审计通过|付费用户破千"),
}
REQUIREMENTS = {
    "en": _names(
        "Answer customer questions from the help centre|Summarise long support threads|"
        "Suggest replies to agents|Detect abusive messages|Search documents in plain language|"
        "Recommend products from browsing history|Explain model decisions to users|"
        "Export conversations as PDF|Single sign-on for teams|Usage-based billing"
    ),
    "zh": _names(
        "根据帮助中心回答客户问题|总结长篇工单对话|为客服推荐回复|识别辱骂信息|"
        "用自然语言搜索文档|根据浏览记录推荐商品|向用户解释模型决策|将对话导出为 PDF|"
        "团队单点登录|按用量计费"
    ),
}
RISKS = {
    "en": _names(
        "Model hallucination in answers|Training data quality too low|GPU budget overrun|"
        "Key engineer leaves|Data privacy breach|Inference latency too high|"
        "Vendor API price rise|Regulation changes|Labelling vendor late|"
        "Evaluation set leaks into training"
    ),
    "zh": _names(
        "模型回答出现幻觉|训练数据质量不足|GPU 预算超支|核心工程师离职|数据隐私泄露|推理延迟过高|"
        "第三方 API 涨价|监管政策变化|标注供应商延期|评测集混入训练数据"
    ),
}


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_big_project(
    items: int = 2000,
    lanes: int = 20,
    dependencies: int = 1000,
    requirements: int = 500,
    risks: int = 100,
    seed: int = 1,
    language: str = "en",
) -> Project:
    """The same project for the same arguments (ids and timestamps included); dependencies point from an
    earlier item to a later one, so they never form a cycle."""
    lang = "zh" if language == "zh" else "en"
    rng = random.Random(seed)
    name = "大型路线图（基准）" if lang == "zh" else "Big roadmap (benchmark)"
    project = Project(info=ProjectInfo(id=_uuid(rng), name=name, language=lang), created=STAMP, modified=STAMP)

    names = [f"{p.code} {p.name(lang)}" for p in PHASES] + TEAMS[lang]
    for k in range(lanes):
        lane_name = names[k % len(names)] + (f" {k // len(names) + 1}" if k >= len(names) else "")
        capacity = rng.choice((None, None, 2, 3, 4, 6)) if k % 3 else None
        project.lanes.append(Lane(id=_uuid(rng), name=lane_name, capacity=capacity))

    horizon = max(365, items // 3)  # days the initial plan spreads over
    for i in range(items):
        start = BASE + dt.timedelta(days=int(horizon * i / max(items, 1)) + rng.randrange(0, 14))
        milestone = rng.random() < 0.05
        if milestone:
            title = f"{rng.choice(MILESTONES[lang])} #{i + 1}"
            duration = 0
        else:
            verb, thing = rng.choice(VERBS[lang]), rng.choice(OBJECTS[lang])
            title = f"{verb}{thing}" if lang == "zh" else f"{verb} {thing}"
            title += f" v{rng.randrange(1, 5)}" if rng.random() < 0.4 else ""
            duration = rng.choice((2, 3, 5, 5, 8, 10, 10, 15, 20, 30))
        optimistic = pessimistic = None
        if not milestone and rng.random() < 0.3:
            optimistic = max(1, duration - rng.randrange(0, duration // 2 + 1))
            pessimistic = duration + rng.randrange(0, duration + 1)
        end = start + dt.timedelta(days=max(duration - 1, 0))
        if end < TODAY:
            status = "done" if rng.random() < 0.7 else "in_progress"
        else:
            status = rng.choice(("not_started", "not_started", "not_started", "in_progress", "blocked"))
        project.items.append(
            TimelineItem(
                id=_uuid(rng),
                title=title,
                lane_id=project.lanes[rng.randrange(lanes)].id if lanes else "",
                phase=PHASES[min(i * len(PHASES) // max(items, 1), len(PHASES) - 1)].code,
                start=start,
                duration_days=duration,
                milestone=milestone,
                pinned=(milestone and rng.random() < 0.3) or rng.random() < 0.02,
                optimistic_days=optimistic,
                pessimistic_days=pessimistic,
                status=status,
                owner=rng.choice(("", "Alice", "Bob", "王芳", "李雷", "Chen")),
            )
        )

    wanted = min(dependencies, items * (items - 1) // 2)
    added = 0
    while added < wanted:
        later = rng.randrange(1, items)
        reach = 80 if rng.random() < 0.9 else later  # mostly close neighbours, now and then far back
        earlier = rng.randrange(max(0, later - reach), later)
        successor = project.items[later]
        predecessor_id = project.items[earlier].id
        if predecessor_id not in successor.depends_on:
            successor.depends_on.append(predecessor_id)
            added += 1

    for k in range(requirements):
        linked = [project.items[rng.randrange(items)].id for _ in range(rng.randrange(0, 4))] if items else []
        project.requirements.append(
            Requirement(
                id=_uuid(rng),
                title=f"{rng.choice(REQUIREMENTS[lang])} ({k + 1})",
                status=rng.choice(("idea", "planned", "planned", "in_progress", "done")),
                moscow=rng.choice(MOSCOW),
                effort=float(rng.choice((0.5, 1, 2, 3, 5, 8))),
                rice_reach=float(rng.randrange(50, 20000, 50)),
                rice_impact=rng.choice((0.25, 0.5, 1.0, 2.0, 3.0)),
                rice_confidence=float(rng.choice((50, 80, 100))),
                value=float(rng.randrange(1, 11)),
                item_ids=list(dict.fromkeys(linked)),
            )
        )

    for k in range(risks):
        linked = [project.items[rng.randrange(items)].id for _ in range(rng.randrange(1, 6))] if items else []
        project.risks.append(
            Risk(
                id=_uuid(rng),
                title=f"{rng.choice(RISKS[lang])} ({k + 1})",
                likelihood=rng.randrange(1, 6),
                impact=rng.randrange(1, 6),
                status=rng.choice(("open", "open", "mitigating", "accepted", "closed")),
                delay_days=rng.choice((None, 3, 5, 10, 15, 30)),
                item_ids=list(dict.fromkeys(linked)),
            )
        )
    return project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--lanes", type=int, default=20)
    parser.add_argument("--dependencies", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--language", choices=("en", "zh"), default="en")
    parser.add_argument("--save", metavar="FILE", help="write the project as a .roadmap file")
    args = parser.parse_args()
    project = build_big_project(
        items=args.items, lanes=args.lanes, dependencies=args.dependencies, seed=args.seed, language=args.language
    )
    project.validate()
    dependencies = sum(len(item.depends_on) for item in project.items)
    print(
        f"{project.info.name}: {len(project.items)} items ({sum(i.milestone for i in project.items)} milestones, "
        f"{sum(i.pinned for i in project.items)} pinned), {len(project.lanes)} lanes, {dependencies} dependencies, "
        f"{len(project.requirements)} requirements, {len(project.risks)} risks"
    )
    if args.save:
        from roadmap_desktop.persistence.project_file import save_project

        save_project(project, Path(args.save))
        print(f"saved to {args.save}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
