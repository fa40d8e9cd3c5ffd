"""One app-wide event filter: a mouse wheel over an unfocused value widget scrolls the page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QSlider, QWidget

# Widgets whose value a wheel would change. QDateEdit is a QAbstractSpinBox; scroll bars are not here.
GUARDED = (QComboBox, QAbstractSpinBox, QSlider)


def is_guarded(widget: object) -> bool:
    return isinstance(widget, GUARDED)


class WheelGuard(QObject):
    """Scrolling a form with the wheel must never edit what passes under the pointer (a founder lost a
    "Value lever" that way): such a widget takes the wheel only once it has focus, and takes focus only
    from a click or Tab. An application event filter covers every widget, including ones made later."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and is_guarded(watched):
            widget: QWidget = watched  # type: ignore[assignment]
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and is_guarded(watched) and not watched.hasFocus():  # type: ignore[attr-defined]
            _scroll_page(watched, event)  # type: ignore[arg-type]
            return True
        return False


def _scroll_page(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the nearest scroll area above ``widget`` that takes it (a full one passes it on)."""
    event.accept()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not is_guarded(parent):
            viewport = parent.viewport()
            position = viewport.mapFromGlobal(event.globalPosition())
            forwarded = QWheelEvent(
                position,
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            forwarded.setAccepted(False)
            QApplication.sendEvent(viewport, forwarded)
            if forwarded.isAccepted():
                return
        parent = parent.parentWidget()


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once; later calls return the one installed."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        for widget in app.allWidgets():  # those polished before the guard came
            if is_guarded(widget) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard  # type: ignore[return-value]
