"""Project-language wording: every text a document, slide, chart or command shows in a project's language.

The domain returns numbers, ids and formula names; this package turns them into words. One catalog
module per language (``en``, ``zh``) holds every phrase under a dotted key; adding a language means
adding a catalog module and one line in ``catalog._BUILT_IN``. Interface text (menus, dialogs) is
Qt's job (resources/i18n); this package has no Qt.
"""

from .catalog import FALLBACK, Wording, language_code, language_name, languages, register, unregister, wording
from .numbers import number

__all__ = [
    "FALLBACK",
    "Wording",
    "language_code",
    "language_name",
    "languages",
    "number",
    "register",
    "unregister",
    "wording",
]
