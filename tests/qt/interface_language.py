"""A context that runs a test under one interface language and puts English back afterwards."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication

from roadmap_desktop.ui import i18n


@contextlib.contextmanager
def interface_language(code: str) -> Iterator[None]:
    """Install the translators for ``code`` ("en", "zh" or "zh_CN") for the body of the ``with``."""
    app = QCoreApplication.instance()
    assert app is not None
    language = i18n.CHINESE if code.startswith("zh") else i18n.ENGLISH
    try:
        assert i18n.install_translations(app, language) == language
        QCoreApplication.sendPostedEvents()  # LanguageChange reaches widgets as a posted event
        yield
    finally:
        i18n.install_translations(app, i18n.ENGLISH)
        QCoreApplication.sendPostedEvents()
