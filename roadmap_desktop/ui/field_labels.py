"""Every field, column and choice label the tables and editors show, marked for translation.

The domain declares these labels in English and stays free of Qt; this list exists so that lupdate puts
them in the catalog (context "Fields"), and qtmodels/labels.py translates them when they are shown.
tests/qt/test_translations_fields.py fails when a label in the domain is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Fields", "Name"),
    QT_TRANSLATE_NOOP("Fields", "Vision / description"),
    QT_TRANSLATE_NOOP("Fields", "Product brief"),
    QT_TRANSLATE_NOOP("Fields", "Language"),
    QT_TRANSLATE_NOOP("Fields", "Domain"),
    QT_TRANSLATE_NOOP("Fields", "Executive summary"),
    QT_TRANSLATE_NOOP("Fields", "Prioritisation framework"),
    QT_TRANSLATE_NOOP("Fields", "Weighted-scoring criteria (name: weight)"),
    QT_TRANSLATE_NOOP("Fields", "Capacity"),
    QT_TRANSLATE_NOOP("Fields", "Title"),
    QT_TRANSLATE_NOOP("Fields", "Status"),
    QT_TRANSLATE_NOOP("Fields", "MoSCoW"),
    QT_TRANSLATE_NOOP("Fields", "Owner"),
    QT_TRANSLATE_NOOP("Fields", "Effort (weeks)"),
    QT_TRANSLATE_NOOP("Fields", "Reach"),
    QT_TRANSLATE_NOOP("Fields", "Impact"),
    QT_TRANSLATE_NOOP("Fields", "Confidence %"),
    QT_TRANSLATE_NOOP("Fields", "Value (1-10)"),
    QT_TRANSLATE_NOOP("Fields", "ICE impact"),
    QT_TRANSLATE_NOOP("Fields", "ICE confidence"),
    QT_TRANSLATE_NOOP("Fields", "ICE ease"),
    QT_TRANSLATE_NOOP("Fields", "WSJF business value"),
    QT_TRANSLATE_NOOP("Fields", "WSJF time criticality"),
    QT_TRANSLATE_NOOP("Fields", "WSJF risk reduction"),
    QT_TRANSLATE_NOOP("Fields", "WSJF job size"),
    QT_TRANSLATE_NOOP("Fields", "Criteria scores"),
    QT_TRANSLATE_NOOP("Fields", "Votes"),
    QT_TRANSLATE_NOOP("Fields", "Value lever"),
    QT_TRANSLATE_NOOP("Fields", "LLM fit"),
    QT_TRANSLATE_NOOP("Fields", "Tags"),
    QT_TRANSLATE_NOOP("Fields", "Description / user story"),
    QT_TRANSLATE_NOOP("Fields", "Acceptance criteria"),
    QT_TRANSLATE_NOOP("Fields", "Target users"),
    QT_TRANSLATE_NOOP("Fields", "Pain points"),
    QT_TRANSLATE_NOOP("Fields", "Competitors"),
    QT_TRANSLATE_NOOP("Fields", "LLM fit reason"),
    QT_TRANSLATE_NOOP("Fields", "Linked risks"),
    QT_TRANSLATE_NOOP("Fields", "Linked timeline items"),
    QT_TRANSLATE_NOOP("Fields", "Lane"),
    QT_TRANSLATE_NOOP("Fields", "Phase"),
    QT_TRANSLATE_NOOP("Fields", "Start"),
    QT_TRANSLATE_NOOP("Fields", "Duration (days)"),
    QT_TRANSLATE_NOOP("Fields", "Milestone"),
    QT_TRANSLATE_NOOP("Fields", "Pinned date"),
    QT_TRANSLATE_NOOP("Fields", "Now / Next / Later"),
    QT_TRANSLATE_NOOP("Fields", "Optimistic (days)"),
    QT_TRANSLATE_NOOP("Fields", "Pessimistic (days)"),
    QT_TRANSLATE_NOOP("Fields", "Depends on"),
    QT_TRANSLATE_NOOP("Fields", "Notes"),
    QT_TRANSLATE_NOOP("Fields", "Category"),
    QT_TRANSLATE_NOOP("Fields", "Likelihood"),
    QT_TRANSLATE_NOOP("Fields", "Review date"),
    QT_TRANSLATE_NOOP("Fields", "Delay if it happens (days)"),
    QT_TRANSLATE_NOOP("Fields", "Description"),
    QT_TRANSLATE_NOOP("Fields", "Mitigation"),
    QT_TRANSLATE_NOOP("Fields", "Exposure"),
    QT_TRANSLATE_NOOP("Fields", "End"),
)

CHOICE_LABELS = (
    QT_TRANSLATE_NOOP("Fields", "Innovation"),
    QT_TRANSLATE_NOOP("Fields", "User experience"),
    QT_TRANSLATE_NOOP("Fields", "Iteration speed"),
    QT_TRANSLATE_NOOP("Fields", "Fit"),
    QT_TRANSLATE_NOOP("Fields", "Partial"),
    QT_TRANSLATE_NOOP("Fields", "Unfit"),
    QT_TRANSLATE_NOOP("Fields", "Idea"),
    QT_TRANSLATE_NOOP("Fields", "Planned"),
    QT_TRANSLATE_NOOP("Fields", "In progress"),
    QT_TRANSLATE_NOOP("Fields", "Done"),
    QT_TRANSLATE_NOOP("Fields", "Dropped"),
    QT_TRANSLATE_NOOP("Fields", "Not started"),
    QT_TRANSLATE_NOOP("Fields", "Blocked"),
    QT_TRANSLATE_NOOP("Fields", "Open"),
    QT_TRANSLATE_NOOP("Fields", "Mitigating"),
    QT_TRANSLATE_NOOP("Fields", "Accepted"),
    QT_TRANSLATE_NOOP("Fields", "Closed"),
    QT_TRANSLATE_NOOP("Fields", "Must have"),
    QT_TRANSLATE_NOOP("Fields", "Should have"),
    QT_TRANSLATE_NOOP("Fields", "Could have"),
    QT_TRANSLATE_NOOP("Fields", "Won't have"),
    QT_TRANSLATE_NOOP("Fields", "Now"),
    QT_TRANSLATE_NOOP("Fields", "Next"),
    QT_TRANSLATE_NOOP("Fields", "Later"),
    QT_TRANSLATE_NOOP("Fields", "RICE"),
    QT_TRANSLATE_NOOP("Fields", "ICE"),
    QT_TRANSLATE_NOOP("Fields", "WSJF"),
    QT_TRANSLATE_NOOP("Fields", "Value / effort"),
    QT_TRANSLATE_NOOP("Fields", "Weighted scoring"),
    QT_TRANSLATE_NOOP("Fields", "Dot votes"),
    QT_TRANSLATE_NOOP("Fields", "English"),
)

PHASE_NAMES = (
    QT_TRANSLATE_NOOP("Fields", "Requirement analysis"),
    QT_TRANSLATE_NOOP("Fields", "Technology selection"),
    QT_TRANSLATE_NOOP("Fields", "Data collection and preprocessing"),
    QT_TRANSLATE_NOOP("Fields", "Resource allocation"),
    QT_TRANSLATE_NOOP("Fields", "Training and fine-tuning"),
    QT_TRANSLATE_NOOP("Fields", "Evaluation"),
    QT_TRANSLATE_NOOP("Fields", "Deployment and tuning"),
    QT_TRANSLATE_NOOP("Fields", "Iteration and optimisation"),
)

# domain.prioritisation.FRAMEWORK_FORMULAS, shown under the framework choice of the ranking view.
FRAMEWORK_FORMULAS = (
    QT_TRANSLATE_NOOP("Fields", "RICE = reach × impact (0-3) × confidence % ÷ effort (person-weeks)"),
    QT_TRANSLATE_NOOP("Fields", "ICE = impact × confidence × ease (each 0-10, so 0-1000)"),
    QT_TRANSLATE_NOOP("Fields", "WSJF = (business value + time criticality + risk reduction) ÷ job size (each 0-100)"),
    QT_TRANSLATE_NOOP("Fields", "MoSCoW: must > should > could > won't; unset is not ranked; ties keep the list order"),
    QT_TRANSLATE_NOOP(
        "Fields",
        "Value ÷ effort; quadrant: value ≥ 5 of 10 is high, effort above the median effort is high "
        "(quick win, big bet, fill-in, money pit)",
    ),
    QT_TRANSLATE_NOOP(
        "Fields", "Weighted = Σ (criterion weight × score 0-100) ÷ Σ weights, over the project's criteria"
    ),
    QT_TRANSLATE_NOOP("Fields", "Dot votes: the workshop's votes per requirement, most first"),
)

SENTENCES = (
    QT_TRANSLATE_NOOP("Fields", "Edit {field}"),  # an edit's undo text
)
