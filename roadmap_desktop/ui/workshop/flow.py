"""GuidedFlowController: moves the main window along with the workshop's step bar."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import QObject

from ...qtmodels.document import ProjectDocument
from .step_bar import GuidedFlowBar
from .steps import STEPS


@runtime_checkable
class WorkshopWindow(Protocol):
    """What the controller needs from the main window (duck-typed; MainWindow provides it)."""

    document: ProjectDocument | None

    def show_tab(self, kind: str) -> None:
        """Bring the editor tab for "requirement", "item" or "risk" to the front."""

    def show_assistant(self, task: str) -> None:
        """Show and raise the Assistant dock with ``task`` (an llm.tasks name) selected."""

    def show_prioritisation(self) -> None:
        """Show and raise the Prioritisation dock."""

    def show_voting(self) -> None:
        """Run the Dot Voting dialog."""

    def auto_schedule(self) -> None:
        """Auto-schedule the timeline (one undo step)."""

    def add_risks_from_library(self) -> None:
        """Open the risk library to add risks (one undo step)."""

    def export_pdf(self) -> None:
        """Open the PDF export dialog."""

    def edit_properties(self) -> None:
        """Open Project Properties: name, vision, language."""


class GuidedFlowController(QObject):
    """Entering a step arranges the window for it; the step's offer button runs its one action.

    Entering a step never opens a dialog by itself: a facilitator clicking back and forth must
    not be interrupted, so dialogs (brief, voting, library, PDF) open only from the offer button.
    """

    # What entering each step shows, and what its offer button runs, by step key.
    ENTER: ClassVar[dict[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {
        "brief": (),
        "requirements": (("show_tab", ("requirement",)), ("show_assistant", ("requirements",))),
        "prioritise": (("show_tab", ("requirement",)), ("show_prioritisation", ())),
        "timeline": (("show_tab", ("item",)),),
        "risks": (("show_tab", ("risk",)),),
        "export": (),
    }
    OFFER: ClassVar[dict[str, tuple[str, tuple[str, ...]]]] = {
        "brief": ("edit_properties", ()),
        "requirements": ("show_assistant", ("requirements",)),
        "prioritise": ("show_voting", ()),
        "timeline": ("auto_schedule", ()),
        "risks": ("add_risks_from_library", ()),
        "export": ("export_pdf", ()),
    }

    def __init__(self, bar: GuidedFlowBar, window: WorkshopWindow, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else bar)  # lives as long as its bar
        self.bar = bar
        self.window = window
        self.document: ProjectDocument | None = None
        bar.step_changed.connect(self._on_bar_step_changed)
        bar.action_requested.connect(self._on_bar_action_requested)
        self.set_document(getattr(window, "document", None))

    def set_document(self, document: ProjectDocument | None) -> None:
        """Follow a new project (call it when the window's document is replaced). The bar's step names
        follow the interface language, not the project's: they sit among the window's buttons."""
        self.document = document

    def enter_current_step(self) -> None:
        """Arrange the window for the bar's current step (e.g. when the bar is first shown)."""
        self._enter(self.bar.current_step())

    def run_offer(self, index: int | None = None) -> None:
        key = STEPS[self.bar.current_step() if index is None else index].key
        name, args = self.OFFER[key]
        self._call(name, args)

    def _enter(self, index: int) -> None:
        for name, args in self.ENTER[STEPS[index].key]:
            self._call(name, args)

    def _call(self, name: str, args: tuple[str, ...]) -> None:
        method = getattr(self.window, name, None)
        if method is not None:  # a window without the method simply skips that part of the step
            method(*args)

    def _on_bar_step_changed(self, index: int) -> None:
        self._enter(index)

    def _on_bar_action_requested(self, index: int) -> None:
        self.run_offer(index)
