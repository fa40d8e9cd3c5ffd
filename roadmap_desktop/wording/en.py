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
    "score.rice": "reach {r} × impact {i} × confidence {c} % ÷ effort {e} = {v}",
    "score.ice": "impact {i} × confidence {c} × ease {e} = {v}",
    "score.wsjf": "(value {v} + time criticality {t} + risk reduction {r}) ÷ job size {s} = {value}",
    "score.moscow": "{label} ({value} of 4)",
    "score.votes": "{n} dot votes",
    "score.votes_1": "1 dot vote",
    "score.value_effort": "value {v} ÷ effort {e} = {value}; {where} (value {v_cmp} {v_limit}, effort {e_cmp} {e_limit})",
    "score.weighted_term": "{weight} × {name} {score}",
    "score.weighted": "({terms}) ÷ {total} = {value}",
    "score.not_scored": "not scored: {reason}",
    "score.missing": "missing {fields}",
    "score.invalid.rice_zero": "effort is 0: RICE divides by effort",
    "score.invalid.wsjf_zero": "job size is 0: WSJF divides by job size",
    "score.invalid.value_effort_zero": "effort is 0: value ÷ effort divides by effort",
    "score.invalid.no_criteria": "the project has no weighted-scoring criteria with a weight above 0",
    # MoSCoW categories and value/effort quadrants as a score names them (Score.category, lower case);
    # the value/effort chart labels its quadrants with the same words, so a quadrant has one name
    "score.category.must": "must have",
    "score.category.should": "should have",
    "score.category.could": "could have",
    "score.category.wont": "won't have",
    "score.category.quick_win": "quick win",
    "score.category.big_bet": "big bet",
    "score.category.fill_in": "fill-in",
    "score.category.money_pit": "money pit",
    # the fields the formulas read (the same words as their columns)
    "field.rice_reach": "Reach",
    "field.rice_impact": "Impact",
    "field.rice_confidence": "Confidence %",
    "field.effort": "Effort (weeks)",
    "field.value": "Value (1-10)",
    "field.ice_impact": "ICE impact",
    "field.ice_confidence": "ICE confidence",
    "field.ice_ease": "ICE ease",
    "field.wsjf_value": "WSJF business value",
    "field.wsjf_time": "WSJF time criticality",
    "field.wsjf_risk": "WSJF risk reduction",
    "field.wsjf_size": "WSJF job size",
    "field.moscow": "MoSCoW",
    "field.votes": "Votes",
    # (end of scores)
    #
    # -- documents: Markdown, Mermaid, CSV (interchange/) -----------------------------------------------
    # Words every document shows (Markdown, PDF; the timeline legend too).
    "document.as_of": "As of {date}",
    "document.vision": "Vision",
    "document.brief": "Product brief",
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
    "markdown.exposure": "L × I = exposure (band)",
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
    # Jira / Linear CSV (interchange/tracker_csv.py): the heading of the blockers a Linear issue lists.
    "tracker.blocked_by": "Blocked by:",
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
    # Forecast, drivers of delay and the critical path (the PDF's forecast page, the Markdown, the timeline legend).
    "pdf.one_page": "One-page summary",
    "pdf.about.one_page": "Vision, Now / Next / Later, milestones with P80, top risks and success metrics.",
    "pdf.no_scores": (
        "No scores yet: add {framework} inputs or run the assistant's priorities task. Until then the "
        "requirements are listed by MoSCoW."
    ),
    "pdf.forecast": "Forecast",
    "pdf.about.forecast": "Planned dates against P50 / P80 / P90, what drives delay, and the critical path.",
    "forecast.milestone": "Milestone",
    "forecast.planned": "Planned",
    "forecast.vs_plan": "P80 vs plan",
    "forecast.days_late": "+{n} d",
    "forecast.on_time": "on plan",
    "forecast.whole_roadmap": "Whole roadmap",
    "forecast.assumptions": (
        "Assumptions: {runs} simulated runs (seed {seed}); each item's duration varies between its optimistic "
        "and pessimistic days (by default {low} % and {high} % of the plan), and each open risk with a delay "
        "happens with the chance of its likelihood, delaying its items."
    ),
    "forecast.reading": "P80: in 80 % of the runs the work is done on or before this date.",
    "forecast.histogram": "Finish of the whole roadmap across the runs",
    "forecast.drivers": "Top drivers of delay",
    "forecast.drivers_note": (
        "Each item and risk near the critical path removed in turn (an item takes no time, a risk never "
        "happens) and the same runs replayed: how much earlier P80 falls without it."
    ),
    "forecast.driver": "Driver",
    "forecast.kind": "Kind",
    "forecast.kind.item": "Timeline item",
    "forecast.kind.risk": "Risk",
    "forecast.p80_without": "P80 without it",
    "forecast.days_earlier": "Days earlier",
    "forecast.no_drivers": (
        "Removing any one item or risk leaves P80 where it is: pinned dates or parallel paths set the finish."
    ),
    "forecast.critical_path": "Critical path",
    "forecast.critical_note": (
        "The chain of items that sets the finish as drawn: a day lost on it moves the end. Slack is how many "
        "days an item can slip without moving the finish; the items with least slack off the path follow it."
    ),
    "forecast.lane": "Lane",
    "forecast.slack": "Slack (days)",
    "forecast.on_path": "On the path",
    "forecast.none": (
        "No forecast yet: give timeline items start dates (or run Auto-schedule) so there is a plan to simulate."
    ),
    "forecast.range": "No forecast: {problem}.",
    "forecast.cycle": "No forecast: {problem}. Remove one of the dependencies in the loop.",
    # (end of PDF)
    #
    # -- charts: timeline, heat map, value/effort (render/, ui/editors/) -----------------------------------
    # heat map (render/heat_map.py, ui/editors/risk_heat_map.py); ".one"/".many" by the count
    "chart.heat_map.cell": (
        "{likelihood_title} {likelihood} ({likelihood_word}) × {impact_title} {impact} ({impact_word})"
        " = exposure {exposure} ({band})"
    ),
    "chart.heat_map.open.one": "{n} open risk",
    "chart.heat_map.open.many": "{n} open risks",
    "chart.heat_map.all.one": "{n} risk incl. closed",
    "chart.heat_map.all.many": "{n} risks incl. closed",
    "chart.heat_map.cell_open.none": "No open risks",
    "chart.heat_map.cell_open.one": "{n} open risk",
    "chart.heat_map.cell_open.many": "{n} open risks",
    "chart.heat_map.cell_all.none": "No risks",
    "chart.heat_map.cell_all.one": "{n} risk",
    "chart.heat_map.cell_all.many": "{n} risks",
    "chart.heat_map.closed": " (closed)",
    "chart.heat_map.more": "and {n} more",
    # value / effort chart (ui/editors/value_effort_chart.py)
    "chart.value_effort.hint.quick_win": "high value, low effort",
    "chart.value_effort.hint.big_bet": "high value, high effort",
    "chart.value_effort.hint.fill_in": "low value, low effort",
    "chart.value_effort.hint.money_pit": "low value, high effort",
    "chart.value_effort.effort_axis": "Effort (person-weeks)",
    "chart.value_effort.value_axis": "Value (0–10)",
    "chart.value_effort.median": "median {value}",
    "chart.value_effort.empty": (
        "No requirement has both a value and an effort yet.\n"
        "Fill in Value (0–10) and Effort (weeks) in the table to place it here."
    ),
    "chart.value_effort.position": "Value {value} · effort {effort} weeks",
    "chart.value_effort.more_here": "and {n} more at this spot",
    "chart.value_effort.drag_hint": "Drag to change value and effort; Edit ▸ Undo reverts.",
    # the risk library's list and preview (ui/dialogs/risk_library_dialog.py), in the project's language
    "risk_library.all_categories": "All categories",
    "risk_library.added": "already added",
    "risk_library.added_tip": "Already in this project",
    "risk_library.already": "Already in this project: adding it again makes a second entry.",
    "risk_library.category": "Category",
    "risk_library.description": "Description",
    "risk_library.scores": "Default scores",
    "risk_library.mitigations": "Typical mitigations",
    "risk_library.phases": "Phases it touches",
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
    # presenter pages (ui/workshop/presenter.py)
    "workshop.page.brief": "Product brief",
    "workshop.page.requirements": "Requirements",
    "workshop.page.ranking": "Priorities",
    "workshop.page.timeline": "Timeline",
    "workshop.page.risks": "Risks",
    "workshop.page.summary": "Roadmap at a glance",
    "workshop.no_vision": "No vision yet: write it in Project Properties.",
    "workshop.no_requirements": "No requirements yet.",
    "workshop.votes": "Votes",
    "workshop.score": "Score",
    "workshop.rank_by": "Ranked by {framework}",
    "workshop.not_scored": "not scored",
    "workshop.no_items": "Nothing is scheduled yet: Auto-schedule places the items.",
    "workshop.unscheduled": "{n} item(s) without dates are not shown.",
    "workshop.top_risks": "Top risks",
    "workshop.no_risks": "No open risks.",
    "workshop.open_risks": "open risks",
    "workshop.high_risks": "{n} high",
    "workshop.req_count": "requirements",
    "workshop.items": "timeline items",
    "workshop.finish": "finish",
    "workshop.top_priorities": "Top priorities",
    "workshop.step": "Step {n} of {total}",
    "workshop.keys": "← → page   1–6 jump   Esc leave",
    "workshop.summary_hint": "File > Export > Roadmap PDF (Ctrl+P)",
    # the six workshop steps (ui/workshop/steps.py): title and the participants' instruction
    "workshop.step.brief": "Product brief",
    "workshop.step.brief.instruction": (
        "Agree in one or two sentences what we build, for whom, and how we will know it works."
    ),
    "workshop.step.requirements": "Requirements",
    "workshop.step.requirements.instruction": (
        "Call out what users need; the assistant drafts, we keep, edit or drop each line."
    ),
    "workshop.step.prioritise": "Prioritise",
    "workshop.step.prioritise.instruction": (
        "Place your dots on what matters most, then check the ranking against the framework."
    ),
    "workshop.step.timeline": "Timeline",
    "workshop.step.timeline.instruction": "Auto-schedule the plan, then move what must happen sooner or later.",
    "workshop.step.risks": "Risks",
    "workshop.step.risks.instruction": (
        "Name what could stop us, rate likelihood and impact, and agree an owner for each red one."
    ),
    "workshop.step.export": "Export PDF",
    "workshop.step.export.instruction": ("Review the roadmap together and export the PDF to share after the workshop."),
    "workshop.clock_step": "clock: step {n}",  # the presenter's clock counts a step other than the page's
    "workshop.live.here": "{n} here",  # the presenter's live line while a room is shared: who joined
    "workshop.live.nobody": "nobody has joined yet",
    "workshop.live.votes": "{n} votes",
    "workshop.live.locked": "editing locked",
    # (end of workshop)
    #
    # -- assistant prompts (llm/) ---------------------------------------------------------------------
    # Lines the tasks add to a prompt, in the prompt's language (resources/prompts/<task>.<lang>.md).
    "prompt.notes": "Notes: {text}",
    "prompt.users": "Users: {text}",
    "prompt.pain_points": "Pain points: {text}",
    "prompt.phases": "Phases: {text}",
    "prompt.why_here": "Why here: {text}",  # heads a suggested risk's description
    # Reading the model's reply: every language's marks apply to every reply (a model may mix them).
    "reply.placeholder_words": "sentence item feature requirement title name example task risk",  # filler titles
    "reply.number_marks": ".)",  # end a list number ("1. ", "a) "); ASCII ones need a space after
    "reply.clause_marks": ",;:(",  # end the name part of a run-on title
    "reply.full_stops": ".",
    "reply.sentence_ends": ".!?",  # ASCII ones end a sentence only before a space or the end
    # recognising what a brief names (llm/grounding.py): "|" between words or phrases, matched as whole words
    "detect.jurisdiction.CN": "china|chinese|prc|mainland|beijing|shanghai|shenzhen|guangzhou|hangzhou|wechat|alipay|taobao|douyin|pipl",
    "detect.jurisdiction.EU": "eu|europe|european|gdpr|germany|german|france|french|spain|spanish|italy|italian|netherlands|dutch|belgium|austria|sweden|denmark|finland|ireland|poland|portugal|czech|greece|brussels|berlin|paris|madrid",
    "detect.jurisdiction.US": "united states|usa|america|american|hipaa|ccpa|california|new york|texas",
    "detect.deployment.edge": "offline|on-device|on device|edge|no internet|without internet|low connectivity|rural|embedded|phone camera",
    "detect.deployment.on_premises": "on-premises|on premises|on-prem|self-hosted|self hosted|private cloud|air-gapped|inside the firewall",
    "detect.data.personal": "customer|customers|patient|patients|student|students|employee|employees|applicant|candidates|personal|profile|account|citizen|member",
    "detect.data.health": "health|patient|clinic|hospital|medical|doctor|nurse|diagnosis|symptom|triage|care|therapy",
    "detect.data.financial": "bank|banking|payment|loan|credit|fraud|insurance|invoice|transaction|trading|accounting|tax",
    "detect.data.children": "child|children|kids|pupil|pupils|school|k-12|teen|teenager|parent",
    "detect.data.biometric": "face|facial|fingerprint|voiceprint|biometric|iris",
    "detect.data.voice": "voice|speech|call|calls|audio|phone call|podcast|dictation|transcription|meeting",
    "detect.data.images": "photo|photos|image|images|camera|video|picture|scan|x-ray|drone|satellite",
    "detect.data.text": "text|document|documents|email|contract|contracts|report|chat|message|ticket|essay",
    "detect.data.content": "content|article|marketing|copy|script|post|social media|video script|story|blog",
    "detect.home_jurisdiction": "",  # the place a project in this language is for when its brief names none
    "rule.han_script": "",  # non-empty: the language is written in Han characters
    # the assistant's own reasons, when the model gives none worth keeping
    "why.matches": "The brief mentions {words}.",
    "why.common": "Every AI product needs this before it ships.",
    "why.risk_matches": "The roadmap mentions {words}.",
    "why.risk_common": "A common risk for products of this kind.",
    # retrieval (domain/retrieval.py): words that say nothing about what a product does, space-separated
    "retrieval.stop_words": (
        "the and for with that this from into onto over under than then them they their there these those "
        "are was were will would can could should may might must has have had having been being does did "
        "our ours your yours its who whom whose which what when where why how all any each every more most "
        "other some such only own same too very just also not but yet nor per via using used use uses "
        "about across after before between during within without while because able "
        "app apps application system systems platform product products tool tools solution solutions service "
        "services help helps helping want wants need needs make makes way ways new based feature features "
        "user users people someone thing things work works get gets let lets give gives like one two "
        "assistant assistants smart intelligent automatic automatically easy easily quickly better good great best "
        "simple simply ai model models llm show shows instead allow allows provide provides keep keeps find finds "
        "lose loses lost run runs take takes come comes hour hours day days week weeks "
        "time times often every always never lot lots many much"
    ),
    "retrieval.stop_chars": "",  # characters that join words in a language written without spaces
    # grounded priorities and user stories (llm/tasks/priorities.py, user_story.py)
    # a requirement's scores from the library's levels (the reason beside each suggestion)
    "priorities.name.reach": "reach",
    "priorities.name.impact": "impact",
    "priorities.name.confidence": "confidence",
    "priorities.level.low": "low",
    "priorities.level.medium": "medium",
    "priorities.level.high": "high",
    "priorities.level": "{name} {level}",
    "priorities.level_changed": "{name} {level} (library: {library})",
    "priorities.effort": "effort {weeks} weeks",
    "priorities.why": "{levels} (library {id}: {title}).",
    "priorities.why_default": (
        "No library pattern fits “{title}”: {levels}, from medium levels and {low}-{high} weeks; "
        "replace them with your own figures."
    ),
    "priorities.why_for": "{why} For “{title}”.",  # two requirements from one pattern
    "priorities.current": "{name} {value}",
    "priorities.replaces": "{title} (replaces the current {values})",
    # the priorities prompt: level words stay the schema's (low, medium, high)
    "prompt.priorities.library": (
        "{n}. {title} (library: reach {reach}, impact {impact}, confidence {confidence}, effort medium)"
    ),
    "prompt.priorities.default": "{n}. {title} (no library match: reach medium, impact medium, confidence medium, effort medium)",
    "prompt.priorities.why": "- why: one short sentence on why these levels fit this product",
    # a user story's form, "|" between alternatives, matched as whole words (an empty one asks for nothing)
    "story.form.start": "as a|as an|as the",
    "story.form.want": "i want|i would like|i'd like",
    "story.form.benefit": "so that",
    # the story's shape as a JSON-schema pattern (no braces: they would read as placeholders): the grammar
    # keeps a small model to the form, one sentence of words, without figures, quotes, markup or hashtags
    "story.pattern": r"^As (a|an|the) [a-zA-Z '’-]+, I want [a-zA-Z ,'’-]+,? so that [a-zA-Z ,'’-]+[.]$",
    "story.why.library": "The story and acceptance criteria of library {id}: {title}.",
    "story.why.adapted": (
        "The story of library {id} ({title}) with the brief's words ({words}); its acceptance criteria as they are."
    ),
    "story.why.new": (
        "No library pattern fits this requirement: the model wrote the story from the brief's words ({words}); "
        "no acceptance criteria are suggested, so agree them with the team."
    ),
    "story.replaces": "{title} (replaces the current user story)",
    "prompt.brief_line": "Brief: {text}",
    "prompt.story.requirement": "Requirement: {text}",
    "prompt.story.library": "Library story: {text}",
    "prompt.story.rewrite": (
        "Rewrite the library story for this product with nouns from the brief: one sentence in the form "
        '"As a <user>, I want <goal>, so that <benefit>." No numbers.'
    ),
    "prompt.story.write": (
        "Write one user story for this requirement with nouns from the brief: one sentence in the form "
        '"As a <user>, I want <goal>, so that <benefit>." No numbers.'
    ),
    # (end of priorities and user stories)
    #
    # grounded timeline and summary (llm/tasks/timeline.py, summary.py)
    # (the summary's facts and figure checks: llm/facts.py)
    "plan.kind.common": "AI products",
    "plan.kind.customer_service": "customer-service assistants",
    "plan.kind.content_generation": "content-generation tools",
    "plan.kind.education": "education products",
    "plan.kind.finance_risk": "finance and risk products",
    "plan.kind.healthcare": "healthcare products",
    "plan.kind.retail_recommendation": "retail and recommendation products",
    "plan.kind.speech": "speech products",
    "plan.kind.computer_vision": "computer-vision products",
    "prompt.plan_step": "{key}: {title} ({phase}, usually {low}-{high} days)",
    "prompt.plan_milestone": "{key}: {title} ({phase}, milestone)",
    "why.plan_step": "A usual {phase} step for {kind}; it takes {low}–{high} days, planned for {days}.",
    "why.plan_milestone": "The usual {phase} milestone of a plan for {kind}.",
    # the summary's facts; a title is quoted as it is
    "facts.counts": "Requirements: {requirements}; timeline items: {items}; risks: {risks}.",
    "facts.span": "Planned from {first} to {last}.",
    "facts.span_p80": "Planned from {first} to {last} (P80 finish: {p80}).",
    "facts.top": "Top requirements by {framework}: {titles}.",
    "facts.first": "First requirements (not scored yet): {titles}.",
    "facts.milestones": "Milestones: {text}.",
    "facts.milestone_p80": "{title} on {planned} (P80: {p80})",
    "facts.milestone_planned": "{title} on {planned}",
    "facts.risks": "Top risks: {text}.",
    "facts.risk_owner": "{title} (owner: {owner})",
    "facts.risk": "{title} (no owner yet)",
    "facts.opening": "{name}: {text}",
    "facts.opening_name": "{name}: the roadmap at a glance.",
    # figures a model's sentence may state only when the facts hold them (space-separated; a word's
    # place in number_words is its value, "|" between words of one value)
    "facts.number_words": "zero one two three four five six seven eight nine ten eleven twelve",
    "facts.figure_words": (
        "percent percentage twice double triple quadruple half halve halves halved dozen dozens hundred hundreds thousand thousands "
        "million millions billion billions spring summer autumn winter quarter quarters"
    ),
    "facts.month_words": "- - - - - - - - Sept - - -",  # month names beyond month.N and month_long.N, by place
    "facts.multiple_words": "times fold",  # after a number: "three times", "10-fold"
    "why.summary_facts": "Computed from the project: counts, ranking, forecast and risks.",
    "why.summary_opening": "The opening sentence is the model's, checked against these facts; the rest is computed.",
    # (end of timeline and summary)
    # (end of assistant)
    #
    # -- templates and new projects (persistence/template_file.py, ui/dialogs/template_dialog.py) -------
    "template.untitled_project": "Untitled roadmap",
    "template.blank.name": "Blank project",
    "template.blank.summary": "An empty project with the phase lanes P0–P7 and nothing else.",
    "template.metrics_heading": (
        "Success metrics (measure the baseline in P0; agree the targets before the go / no-go gate):"
    ),
    "template.preview.requirements": "Requirements",
    "template.preview.timeline": "Timeline",
    "template.preview.risks": "Linked risks",
    "template.preview.items": "{items} items over {phases} phases, {milestones} milestone(s), about {weeks} weeks",
    "template.preview.blank": "Starts with the phase lanes P0–P7 only.",
    # Template requirements' scoring inputs are estimates from the requirement library's levels: this tag
    # marks them until the founder replaces them; the criteria name weighted scoring's starting criteria.
    "template.estimate_tag": "estimate: revisit",
    "template.criterion.value": "Customer value",
    "template.criterion.urgency": "Urgency",
    "template.criterion.feasibility": "Feasibility",
    # (end of templates)
    #
    # -- command line (commandline/) ---------------------------------------------------------------------
    # (end of command line)
}
