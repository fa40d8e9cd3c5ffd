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
    # (end of interchange)
    #
    # -- documents: PDF (export/pdf/) --------------------------------------------------------------------
    # (end of PDF)
    #
    # -- charts: timeline, heat map, value/effort (render/, ui/editors/) -----------------------------------
    # (end of charts)
    #
    # -- workshop presenter (ui/workshop/) --------------------------------------------------------------
    # (end of workshop)
    #
    # -- assistant prompts (llm/) ---------------------------------------------------------------------
    # Lines the tasks add to a prompt, in the prompt's language (resources/prompts/<task>.<lang>.md).
    "prompt.already_planned_requirements": "Already planned (do not repeat):",
    "prompt.already_planned_items": "Already planned (do not repeat):",
    "prompt.notes": "Notes: {text}",
    "prompt.users": "Users: {text}",
    "prompt.pain_points": "Pain points: {text}",
    "prompt.phases": "Phases: {text}",
    "prompt.requirements": "Requirements:",
    "prompt.timeline_items": "{count} timeline items",
    "prompt.top_risks": "Top risks: {text}",
    "prompt.why_here": "Why here: {text}",  # heads a suggested risk's description
    # Reading the model's reply: every language's marks apply to every reply (a model may mix them).
    "reply.placeholder_words": "sentence item feature requirement title name example task risk",  # filler titles
    "reply.number_marks": ".)",  # end a list number ("1. ", "a) "); ASCII ones need a space after
    "reply.clause_marks": ",;:(",  # end the name part of a run-on title
    "reply.full_stops": ".",
    "reply.sentence_ends": ".!?",  # ASCII ones end a sentence only before a space or the end
    # (end of assistant)
    #
    # -- command line (commandline/) ---------------------------------------------------------------------
    # (end of command line)
}
