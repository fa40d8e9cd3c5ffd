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
    "score.rice": "覆盖面 {r} × 影响 {i} × 信心 {c} % ÷ 工作量 {e} = {v}",
    "score.ice": "影响 {i} × 信心 {c} × 易行度 {e} = {v}",
    "score.wsjf": "（业务价值 {v} + 时间紧迫性 {t} + 风险降低 {r}）÷ 工作规模 {s} = {value}",
    "score.moscow": "{label}（{value}/4）",
    "score.votes": "{n} 票",
    "score.votes_1": "1 票",
    "score.value_effort": "价值 {v} ÷ 工作量 {e} = {value}；{where}（价值 {v_cmp} {v_limit}，工作量 {e_cmp} {e_limit}）",
    "score.weighted_term": "{weight} × {name} {score}",
    "score.weighted": "（{terms}）÷ {total} = {value}",
    "score.not_scored": "未评分：{reason}",
    "score.missing": "缺少{fields}",
    "score.invalid.rice_zero": "工作量为 0，RICE 需要除以工作量",
    "score.invalid.wsjf_zero": "工作规模为 0，WSJF 需要除以工作规模",
    "score.invalid.value_effort_zero": "工作量为 0，无法计算价值 ÷ 工作量",
    "score.invalid.no_criteria": "项目没有权重大于 0 的加权评分标准",
    # the value/effort chart's quadrant names, so the app calls a quadrant one thing
    "score.category.must": "必须有",
    "score.category.should": "应该有",
    "score.category.could": "可以有",
    "score.category.wont": "不会有",
    "score.category.quick_win": "速赢",
    "score.category.big_bet": "大投入",
    "score.category.fill_in": "填充项",
    "score.category.money_pit": "耗时陷阱",
    # the interface catalog's words for these fields (resources/i18n, context "Fields")
    "field.rice_reach": "覆盖面",
    "field.rice_impact": "影响",
    "field.rice_confidence": "信心 %",
    "field.effort": "工作量（周）",
    "field.value": "价值（1-10）",
    "field.ice_impact": "ICE 影响",
    "field.ice_confidence": "ICE 信心",
    "field.ice_ease": "ICE 易行度",
    "field.wsjf_value": "WSJF 业务价值",
    "field.wsjf_time": "WSJF 时间紧迫性",
    "field.wsjf_risk": "WSJF 风险降低",
    "field.wsjf_size": "WSJF 工作规模",
    "field.moscow": "MoSCoW",
    "field.votes": "票数",
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
    # (end of assistant)
    #
    # -- command line -----------------------------------------------------------------------------------
    # (end of command line)
}
