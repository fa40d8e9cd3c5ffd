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
    # heat map
    "chart.heat_map.cell": (
        "{likelihood_title} {likelihood}（{likelihood_word}）× {impact_title} {impact}（{impact_word}）"
        "= 风险值 {exposure}（{band}）"
    ),
    "chart.heat_map.open.one": "{n} 个未关闭风险",
    "chart.heat_map.open.many": "{n} 个未关闭风险",
    "chart.heat_map.all.one": "{n} 个风险（含已关闭）",
    "chart.heat_map.all.many": "{n} 个风险（含已关闭）",
    "chart.heat_map.cell_open.none": "没有风险",
    "chart.heat_map.cell_open.one": "{n} 个风险",
    "chart.heat_map.cell_open.many": "{n} 个风险",
    "chart.heat_map.cell_all.none": "没有风险",
    "chart.heat_map.cell_all.one": "{n} 个风险",
    "chart.heat_map.cell_all.many": "{n} 个风险",
    "chart.heat_map.more": "还有 {n} 个",
    # value / effort chart ("more_here" still English, as before the catalogs; the drag hint is English-only)
    "chart.value_effort.quadrant.quick_wins": "速赢",
    "chart.value_effort.quadrant.big_bets": "大投入",
    "chart.value_effort.quadrant.fill_ins": "填充项",
    "chart.value_effort.quadrant.time_sinks": "耗时陷阱",
    "chart.value_effort.hint.quick_wins": "高价值、低工作量",
    "chart.value_effort.hint.big_bets": "高价值、高工作量",
    "chart.value_effort.hint.fill_ins": "低价值、低工作量",
    "chart.value_effort.hint.time_sinks": "低价值、高工作量",
    "chart.value_effort.effort_axis": "工作量（人周）",
    "chart.value_effort.value_axis": "价值（0–10）",
    "chart.value_effort.median": "中位数 {value}",
    "chart.value_effort.empty": "还没有同时设置价值和工作量的需求。\n在表格中填写“价值”和“工作量”后即会显示在这里。",
    "chart.value_effort.position": "价值 {value} · 工作量 {effort} 人周",
    "chart.value_effort.drag_hint": "",
    # the risk library's list and preview
    "risk_library.all_categories": "所有类别",
    "risk_library.added": "已添加",
    "risk_library.added_tip": "本项目中已有",
    "risk_library.already": "本项目中已有此风险：再次添加会产生重复条目。",
    "risk_library.category": "类别",
    "risk_library.description": "描述",
    "risk_library.scores": "默认评分",
    "risk_library.mitigations": "常见缓解措施",
    "risk_library.phases": "涉及阶段",
    # (end of charts)
    #
    # -- workshop presenter -----------------------------------------------------------------------------
    # presenter pages
    "workshop.page.brief": "产品简介",
    "workshop.page.requirements": "需求",
    "workshop.page.ranking": "优先级",
    "workshop.page.timeline": "时间线",
    "workshop.page.risks": "风险",
    "workshop.page.summary": "路线图概览",
    "workshop.no_vision": "还没有愿景：请在“项目属性”中填写。",
    "workshop.no_requirements": "还没有需求。",
    "workshop.votes": "票数",
    "workshop.score": "得分",
    "workshop.rank_by": "排序依据：{framework}",
    "workshop.not_scored": "未评分",
    "workshop.no_items": "还没有排期：用“自动排期”安排事项。",
    "workshop.unscheduled": "另有 {n} 个未排期的事项未显示。",
    "workshop.top_risks": "主要风险",
    "workshop.no_risks": "没有未关闭的风险。",
    "workshop.open_risks": "个未关闭风险",
    "workshop.high_risks": "其中 {n} 个高风险",
    "workshop.req_count": "项需求",
    "workshop.items": "个时间线事项",
    "workshop.finish": "完成",
    "workshop.top_priorities": "最优先",
    "workshop.step": "第 {n} 步 / 共 {total} 步",
    "workshop.keys": "← → 翻页   1–6 跳转   Esc 退出",
    "workshop.summary_hint": "文件 > 导出 > 路线图 PDF（Ctrl+P）",
    # the six workshop steps
    "workshop.step.brief": "产品简介",
    "workshop.step.brief.instruction": "用一两句话说清：我们做什么、为谁做、怎样判断它成功。",
    "workshop.step.requirements": "需求",
    "workshop.step.requirements.instruction": "说出用户需要什么；助手起草，我们逐条保留、修改或删除。",
    "workshop.step.prioritise": "排优先级",
    "workshop.step.prioritise.instruction": "把票投给最重要的需求，再对照评分框架检查排序。",
    "workshop.step.timeline": "时间线",
    "workshop.step.timeline.instruction": "先自动排期，再调整必须提前或推后的事项。",
    "workshop.step.risks": "风险",
    "workshop.step.risks.instruction": "列出可能阻碍我们的风险，评估可能性和影响，并为每个红色风险指定负责人。",
    "workshop.step.export": "导出 PDF",
    "workshop.step.export.instruction": "一起回顾路线图，导出 PDF，会后分享给大家。",
    # (end of workshop)
    #
    # -- assistant prompts ------------------------------------------------------------------------------
    # (end of assistant)
    #
    # -- command line -----------------------------------------------------------------------------------
    # (end of command line)
}
