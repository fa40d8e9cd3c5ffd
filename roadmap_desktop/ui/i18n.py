"""The interface language: which one the settings ask for, and the Qt translators that provide it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCollator, QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from ..persistence.paths import resources_dir
from ..persistence.settings import Settings
from ..wording import Wording, wording

SETTING_KEY = "ui_language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)  # the interface languages shipped
CATALOG_NAME = "roadmap_desktop"

# Kept here, not only in Qt: a QTranslator Python no longer references would be collected while
# the application still uses it.
_installed: list[QTranslator] = []
_current = [ENGLISH]  # the language the installed translators give


def translations_dir():
    return resources_dir() / "i18n"


def catalog_path(language: str):
    """The compiled catalog of the app's own strings for ``language``."""
    return translations_dir() / f"{CATALOG_NAME}_{language}.qm"


def system_language() -> str:
    """The shipped language nearest the system's preferred UI language: any Chinese locale gets zh_CN."""
    preferred = QLocale.system().uiLanguages()
    return nearest_language(preferred[0] if preferred else QLocale.system().name())


def nearest_language(locale_name: str) -> str:
    """The shipped interface language of ``locale_name``'s language ("zh-Hant-TW" -> "zh_CN"), else English."""
    wanted = QLocale(locale_name).language()
    return next((code for code in LANGUAGES if QLocale(code).language() == wanted), ENGLISH)


def stored_choice(settings: Settings) -> str:
    """The setting as stored: "system", "en" or "zh_CN" (anything else reads as "system")."""
    value = settings.get(SETTING_KEY, SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def ui_language(settings: Settings) -> str:
    """The language the interface should use: "en" or "zh_CN"."""
    choice = stored_choice(settings)
    return system_language() if choice == SYSTEM else choice


def installed_language() -> str:
    """The language of the translators installed now ("en" when none)."""
    return _current[0]


def interface_wording() -> Wording:
    """The catalog words in the interface language: what the screen draws itself (timeline axis and
    legend, heat map, charts, step bar, presenter) follows the menus and buttons beside it. Documents
    (PDF, PNG, Markdown) take the project's language instead."""
    return wording(installed_language())


def interface_date(day: dt.date) -> str:
    """A date as the screen writes it in the interface language ("7 Dec 2026", "2026年12月7日")."""
    w = interface_wording()
    return w("pdf.date", day=day.day, month=w[f"month.{day.month}"], year=day.year)


def interface_collator() -> QCollator:
    """Compares text as the interface language sorts it: Chinese by pinyin, not by code point;
    "item 10" after "item 9"; letter case second."""
    collator = QCollator(QLocale(installed_language()))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def install_translations(app: QCoreApplication, language: str) -> str:
    """Replace the app's translators by those for ``language``; return the language now in use.

    English needs no translator. A missing or unreadable catalog leaves the interface in English
    rather than failing: the app must start whatever state the resources are in. Installing or
    removing a translator sends every widget a LanguageChange event, which retranslates open windows.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = ENGLISH
    if language not in LANGUAGES or language == ENGLISH:
        return ENGLISH
    own = QTranslator(app)
    if not own.load(str(catalog_path(language))):
        own.deleteLater()
        return ENGLISH
    # Qt's own catalog translates the standard dialog buttons (OK, Cancel, Save, ...).
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_base)
    else:
        qt_base.deleteLater()
    _installed.insert(0, own)
    for translator in reversed(_installed):  # the last installed is asked first: ours before Qt's
        app.installTranslator(translator)
    _current[0] = language
    return language
