"""Qt's own words (standard buttons) follow the language in use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from backtimer.core.i18n import use_language
from backtimer.gui.qt_language import install_qt_translations

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[None]:
    yield
    use_language("en")
    QLocale.setDefault(QLocale("en"))


@pytest.mark.parametrize(("code", "cancel"), [("de", "Abbrechen"), ("es", "Cancelar")])
def test_standard_buttons_speak_the_language(
    qapp: QApplication, english_after: None, code: str, cancel: str
) -> None:
    use_language(code)
    translator = install_qt_translations(qapp)
    assert translator is not None
    try:
        box = QDialogButtonBox(Button.Cancel)
        assert box.button(Button.Cancel).text().replace("&", "") == cancel
    finally:
        qapp.removeTranslator(translator)
    assert QDialogButtonBox(Button.Cancel).button(Button.Cancel).text().replace("&", "") == "Cancel"


def test_english_needs_no_catalog(qapp: QApplication, english_after: None) -> None:
    use_language("en")
    assert install_qt_translations(qapp) is None
