"""Qt's own words and formats in the language in use: the standard buttons, context
menus and dialogs Qt draws itself (from the ``qtbase`` catalogs shipped with PySide6), and
the calendar's month and day names (the default QLocale).

Called once the QApplication exists, after ``core.i18n.use_language``; in English it
changes nothing."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from backtimer.core.i18n import SOURCE_LANGUAGE, language

log = logging.getLogger(__name__)


def use_qt_language(app: QCoreApplication) -> QTranslator | None:
    """Install Qt's catalog for the language in use; the translator (keep it), or None."""
    code = language()
    if code == SOURCE_LANGUAGE:
        return None
    QLocale.setDefault(QLocale(code))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{code}", folder):
        log.info("no Qt catalog for %s in %s: Qt's own words stay English", code, folder)
        return None
    app.installTranslator(translator)
    return translator
