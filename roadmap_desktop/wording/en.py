"""English phrases: the fallback catalog, so it holds every key."""

CODE = "en"
NAME = "English"

# Keys are "<area>.<name>"; each area is kept together so a new language can be written area by area.
WORDS: dict[str, str] = {
    # -- language rules ------------------------------------------------------------------------------
    "sep.list": ", ",
    "sep.reason": "; ",
    "sep.word": " ",  # between words; empty where the language writes none (Chinese)
    "colon": ": ",
    "paren": " ({})",
    "more": "+ {n} more",
    "none_yet": "None yet.",
    # -- stored choice values (fields.CHOICE_LABELS is this area) ----------------------------------------
    "choice.innovation": "Innovation",
    "choice.ux": "User experience",
    "choice.iteration": "Iteration speed",
    "choice.fit": "Fit",
    "choice.partial": "Partial",
    "choice.unfit": "Unfit",
    "choice.idea": "Idea",
    "choice.planned": "Planned",
    "choice.in_progress": "In progress",
    "choice.done": "Done",
    "choice.dropped": "Dropped",
    "choice.not_started": "Not started",
    "choice.blocked": "Blocked",
    "choice.open": "Open",
    "choice.mitigating": "Mitigating",
    "choice.accepted": "Accepted",
    "choice.closed": "Closed",
    "choice.must": "Must have",
    "choice.should": "Should have",
    "choice.could": "Could have",
    "choice.wont": "Won't have",
    "choice.now": "Now",
    "choice.next": "Next",
    "choice.later": "Later",
    "choice.rice": "RICE",
    "choice.ice": "ICE",
    "choice.wsjf": "WSJF",
    "choice.moscow": "MoSCoW",
    "choice.value_effort": "Value / effort",
    "choice.weighted": "Weighted scoring",
    "choice.votes": "Dot votes",
    "choice.en": "English",
    "choice.zh": "中文",
    # -- planning phases P0-P7 (domain/phases.py) ---------------------------------------------------------
    "phase.P0": "Requirement analysis",
    "phase.P1": "Technology selection",
    "phase.P2": "Data collection and preprocessing",
    "phase.P3": "Resource allocation",
    "phase.P4": "Training and fine-tuning",
    "phase.P5": "Evaluation",
    "phase.P6": "Deployment and tuning",
    "phase.P7": "Iteration and optimisation",
    # -- risks: the likelihood x impact scale and exposure bands (domain/risk.py) ---------------------------
    "risk.likelihood": "Likelihood",
    "risk.impact": "Impact",
    "risk.exposure": "Exposure",
    "risk.likelihood.1": "Rare",
    "risk.likelihood.2": "Unlikely",
    "risk.likelihood.3": "Possible",
    "risk.likelihood.4": "Likely",
    "risk.likelihood.5": "Almost certain",
    "risk.impact.1": "Negligible",
    "risk.impact.2": "Minor",
    "risk.impact.3": "Moderate",
    "risk.impact.4": "Major",
    "risk.impact.5": "Severe",
    "risk.band.low": "low",
    "risk.band.medium": "medium",
    "risk.band.high": "high",
    "risk.band_range.low": "Low ({low}–{high})",
    "risk.band_range.medium": "Medium ({low}–{high})",
    "risk.band_range.high": "High ({low}–{high})",
    # -- months -----------------------------------------------------------------------------------------
    "month.1": "Jan",
    "month.2": "Feb",
    "month.3": "Mar",
    "month.4": "Apr",
    "month.5": "May",
    "month.6": "Jun",
    "month.7": "Jul",
    "month.8": "Aug",
    "month.9": "Sep",
    "month.10": "Oct",
    "month.11": "Nov",
    "month.12": "Dec",
    "month_long.1": "January",
    "month_long.2": "February",
    "month_long.3": "March",
    "month_long.4": "April",
    "month_long.5": "May",
    "month_long.6": "June",
    "month_long.7": "July",
    "month_long.8": "August",
    "month_long.9": "September",
    "month_long.10": "October",
    "month_long.11": "November",
    "month_long.12": "December",
    # -- scores (domain/prioritisation.py) -----------------------------------------------------------------
    # (end of scores)
    #
    # -- documents: Markdown, Mermaid, CSV (interchange/) -----------------------------------------------
    # Words every document shows (Markdown, PDF; the timeline legend too).
    "document.as_of": "As of {date}",
    "document.vision": "Vision",
    "document.summary": "Executive summary",
    "document.requirements": "Requirements",
    "document.timeline": "Timeline",
    "document.risks": "Risks",
    "document.status": "Status",
    "document.owner": "Owner",
    "document.mitigation": "Mitigation",
    "document.not_scheduled": "not scheduled",
    "document.unassigned": "Unassigned",  # the group of items whose lane is missing
    # Markdown tables.
    "markdown.counts": "{r} requirements · {i} timeline items · {k} risks",
    "markdown.title": "Title",
    "markdown.effort": "Effort (weeks)",
    "markdown.rice": "RICE score",
    "markdown.item": "Item",
    "markdown.start": "Start",
    "markdown.end": "End",
    "markdown.depends_on": "Depends on",
    "markdown.exposure": "L × I = exposure",
    # CSV import: column names and choice words of spreadsheets and trackers (Jira, Trello), separated
    # by "|"; every catalog's words are accepted, and so is any catalog's label of a choice.
    "import.column.title": "title|summary|name|issue|subject|requirement|feature",
    "import.column.description": "description|details|detail|body|user story|story",
    "import.column.moscow": "priority|moscow",
    "import.column.status": "status|state",
    "import.column.tags": "labels|label|tags|tag|keywords",
    "import.column.due": "due date|due|due on|deadline",
    "import.column.effort": "effort|story points|story point estimate|estimate|size",
    "import.column.owner": "owner|assignee|assigned to|responsible",
    "import.column.rice_reach": "reach|rice reach",
    "import.column.rice_impact": "impact|rice impact",
    "import.column.rice_confidence": "confidence|rice confidence",
    "import.column.value": "value|business value",
    "import.column.acceptance_criteria": "acceptance criteria",
    "import.column.target_users": "target users|users",
    "import.column.pain_points": "pain points",
    "import.column.competitors": "competitors",
    "import.status.idea": "to do|todo|open|backlog|new|proposed",
    "import.status.planned": "selected for development|ready|scheduled|approved|committed",
    "import.status.in_progress": "doing|in development|in review|review|testing|started|active",
    "import.status.done": "closed|resolved|complete|completed|finished|released",
    "import.status.dropped": "won't do|wont do|won't fix|cancelled|canceled|rejected|declined|duplicate",
    "import.moscow.must": "highest|high|blocker|critical|p0|p1",
    "import.moscow.should": "medium|normal|major|p2",
    "import.moscow.could": "low|minor|p3",
    "import.moscow.wont": "won't|lowest|trivial|p4",
    # (end of interchange)
    #
    # -- documents: PDF (export/pdf/) --------------------------------------------------------------------
    "pdf.kicker": "PRODUCT ROADMAP",
    "pdf.document": "Product roadmap",
    "pdf.page": "Page {n} of {m}",
    "pdf.continued": "{title} (continued)",
    "pdf.overview": "Overview",
    "pdf.contents": "In this document",
    "pdf.board": "Now / Next / Later",
    "pdf.requirements": "Prioritised requirements",
    "pdf.about.timeline": "Work by lane over time; ◆ milestones, arrows show dependencies.",
    "pdf.about.board": "What we do now, next and later.",
    "pdf.about.requirements": "Ranked by {framework}; each score shows its arithmetic.",
    "pdf.about.risks": "Likelihood × impact heat map and the register, highest exposure first.",
    "pdf.stat.items": "Timeline items",
    "pdf.stat.milestones": "Milestones",
    "pdf.stat.high": "High exposure risks",
    "pdf.stat.span": "Planned span",
    "pdf.unsorted": "Unsorted",
    "pdf.board_note": (
        "Items without a horizon are placed by start date: within {now} days Now, within {next} days "
        "Next, after that Later; finished ones are left out."
    ),
    "pdf.rank": "#",
    "pdf.requirement": "Requirement",
    "pdf.score": "Score",
    "pdf.breakdown": "Score breakdown",
    "pdf.unranked": "–",
    "pdf.dropped_note": "{n} dropped requirements are left out.",
    "pdf.lxi": "L × I",
    "pdf.risk": "Risk",
    "pdf.register": "Risk register",
    "pdf.risk_count": "{n} risks",
    "pdf.risk_count_1": "1 risk",
    "pdf.timeline_range": "{first} – {last}",
    # Dates: {month} is the catalog's "month.<n>", {month_number} its number.
    "pdf.date": "{day} {month} {year}",
    "pdf.date_no_year": "{day} {month}",
    "pdf.month": "{month} {year}",
    "pdf.months_in_year": "{first} – {last} {year}",  # "Jan – Nov 2025"; {first_number}, {last_number} too
    # (end of PDF)
    #
    # -- charts: timeline, heat map, value/effort (render/, ui/editors/) -----------------------------------
    # Timeline (render/timeline*.py): legend titles, the "No lane" band, the Today flag, axis labels.
    "timeline.lanes": "Lanes",
    "timeline.no_lane": "No lane",
    "timeline.today": "Today",
    "timeline.axis.year": "{year}",
    "timeline.axis.quarter": "Q{quarter} {year}",
    "timeline.axis.quarter_short": "Q{quarter}",
    "timeline.axis.month": "{month} {year}",  # {month}: "month_long.<n>"
    "timeline.axis.week": "W{week} · {day} {month}",  # {month}: "month.<n>"; {month_number} too
    # (end of charts)
    #
    # -- workshop presenter (ui/workshop/) --------------------------------------------------------------
    # (end of workshop)
    #
    # -- assistant prompts (llm/) ---------------------------------------------------------------------
    # (end of assistant)
    #
    # -- command line (commandline/) ---------------------------------------------------------------------
    # (end of command line)
}
