"""The graphical timeline editor and the Now / Next / Later board."""

from .board import NowNextLaterBoard
from .timeline_view import TimelineCanvas, TimelineView

__all__ = ["NowNextLaterBoard", "TimelineCanvas", "TimelineView"]
