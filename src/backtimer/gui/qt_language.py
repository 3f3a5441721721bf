"""Qt's own words (standard dialog buttons, the file dialog, text-field menus) in the
language in use, from the catalogs PySide6 ships; without them Qt stays English."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from backtimer.core.i18n import SOURCE_LANGUAGE, language

log = logging.getLogger(__name__)


def install_qt_translations(app: QCoreApplication) -> QTranslator | None:
    """Install Qt's ``qtbase`` catalog for the language in use into ``app``; the
    translator (kept alive by ``app``, its parent) or None when English or not shipped.
    Also sets the default locale, so Qt formats numbers and dates the same way."""
    code = language()
    QLocale.setDefault(QLocale(code))
    if code == SOURCE_LANGUAGE:
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{code}", folder):
        log.info("no Qt catalog for %s in %s; Qt's own words stay English", code, folder)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
