"""Chinese (简体中文) phrases; a key left out here is shown in English."""

CODE = "zh"
NAME = "中文"

WORDS: dict[str, str] = {
    # -- language rules ------------------------------------------------------------------------------
    "sep.list": "、",
    "sep.reason": "；",
    "sep.word": "",
    "colon": "：",
    "paren": "（{}）",
    "more": "另有 {n} 项",
    "none_yet": "暂无。",
    # -- stored choice values: the interface catalog's words (resources/i18n) ------------------------------
    "choice.innovation": "创新",
    "choice.ux": "用户体验",
    "choice.iteration": "迭代速度",
    "choice.fit": "适合",
    "choice.partial": "部分适合",
    "choice.unfit": "不适合",
    "choice.idea": "想法",
    "choice.planned": "已计划",
    "choice.in_progress": "进行中",
    "choice.done": "已完成",
    "choice.dropped": "已放弃",
    "choice.not_started": "未开始",
    "choice.blocked": "受阻",
    "choice.open": "未处理",
    "choice.mitigating": "缓解中",
    "choice.accepted": "已接受",
    "choice.closed": "已关闭",
    "choice.must": "必须有",
    "choice.should": "应该有",
    "choice.could": "可以有",
    "choice.wont": "不会有",
    "choice.now": "现在",
    "choice.next": "下一步",
    "choice.later": "以后",
    "choice.value_effort": "价值 / 工作量",
    "choice.weighted": "加权评分",
    "choice.votes": "点投票",
    # -- planning phases P0-P7 ----------------------------------------------------------------------------
    "phase.P0": "需求分析",
    "phase.P1": "技术选型",
    "phase.P2": "数据收集与预处理",
    "phase.P3": "资源分配",
    "phase.P4": "模型训练与微调",
    "phase.P5": "模型评估",
    "phase.P6": "部署与调优",
    "phase.P7": "产品迭代与优化",
    # -- risks ------------------------------------------------------------------------------------------
    "risk.likelihood": "可能性",
    "risk.impact": "影响",
    "risk.exposure": "风险值",
    "risk.likelihood.1": "罕见",
    "risk.likelihood.2": "不太可能",
    "risk.likelihood.3": "可能",
    "risk.likelihood.4": "很可能",
    "risk.likelihood.5": "几乎确定",
    "risk.impact.1": "可忽略",
    "risk.impact.2": "轻微",
    "risk.impact.3": "中等",
    "risk.impact.4": "重大",
    "risk.impact.5": "严重",
    "risk.band.low": "低",
    "risk.band.medium": "中",
    "risk.band.high": "高",
    "risk.band_range.low": "低（{low}–{high}）",
    "risk.band_range.medium": "中（{low}–{high}）",
    "risk.band_range.high": "高（{low}–{high}）",
    # -- months -----------------------------------------------------------------------------------------
    "month.1": "1月",
    "month.2": "2月",
    "month.3": "3月",
    "month.4": "4月",
    "month.5": "5月",
    "month.6": "6月",
    "month.7": "7月",
    "month.8": "8月",
    "month.9": "9月",
    "month.10": "10月",
    "month.11": "11月",
    "month.12": "12月",
    "month_long.1": "1月",
    "month_long.2": "2月",
    "month_long.3": "3月",
    "month_long.4": "4月",
    "month_long.5": "5月",
    "month_long.6": "6月",
    "month_long.7": "7月",
    "month_long.8": "8月",
    "month_long.9": "9月",
    "month_long.10": "10月",
    "month_long.11": "11月",
    "month_long.12": "12月",
    # -- scores -----------------------------------------------------------------------------------------
    # (end of scores)
    #
    # -- documents: Markdown, Mermaid, CSV --------------------------------------------------------------
    # (end of interchange)
    #
    # -- documents: PDF ---------------------------------------------------------------------------------
    # (end of PDF)
    #
    # -- charts -----------------------------------------------------------------------------------------
    # (end of charts)
    #
    # -- workshop presenter -----------------------------------------------------------------------------
    # (end of workshop)
    #
    # -- assistant prompts ------------------------------------------------------------------------------
    "prompt.already_planned_requirements": "已有需求（不要重复）：",
    "prompt.already_planned_items": "已有任务（不要重复）：",
    "prompt.notes": "说明：{text}",
    "prompt.users": "目标用户：{text}",
    "prompt.pain_points": "痛点：{text}",
    "prompt.phases": "阶段：{text}",
    "prompt.requirements": "需求：",
    "prompt.timeline_items": "{count} 个时间线任务",
    "prompt.top_risks": "主要风险：{text}",
    "prompt.why_here": "为什么在这里：{text}",
    "reply.placeholder_words": "功能 需求 标题",
    "reply.number_marks": "、．",
    "reply.clause_marks": "，；：（",
    "reply.full_stops": "。",
    "reply.sentence_ends": "。！？",
    # (end of assistant)
    #
    # -- command line -----------------------------------------------------------------------------------
    # (end of command line)
}
