"""The sound settings dialog: what a person sets is what comes back, voices arrive without
blocking, and Test speaks (or says why it cannot)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from backtimer.gui.sound.settings import RATE_RANGE, SoundSettings
from backtimer.gui.sound.settings_dialog import LOADING, SAMPLE_PHRASE, SettingsDialog

#: Qt's own warning where no sound server runs, which ask() (finding out) may meet here.
pytestmark = pytest.mark.qt_log_ignore(r"PulseAudioService: pa_context_connect\(\) failed")

ESPEAK = shutil.which("espeak-ng")


def _need_espeak() -> str:
    if ESPEAK is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs espeak-ng (sudo apt-get install espeak-ng)")
        pytest.skip("espeak-ng not installed")
    return ESPEAK


def _offline(qtbot, settings: SoundSettings | None = None) -> SettingsDialog:
    """A dialog that starts no thread and touches no sound device."""
    dialog = SettingsDialog(
        settings or SoundSettings(), espeak_path=None, multimedia_available=False
    )
    qtbot.addWidget(dialog)
    return dialog


def test_every_control_maps_to_the_returned_settings(qtbot) -> None:
    """Each checkbox, the volume slider and the rate box land in the matching setting."""
    dialog = _offline(qtbot)
    dialog.beeps.setChecked(False)
    dialog.voice.setChecked(False)
    dialog.volume.setValue(35)
    dialog.rate.setValue(200)
    dialog.halfway.setChecked(True)
    dialog.ten_left.setChecked(False)
    assert dialog.chosen() == SoundSettings(
        beeps=False, voice=False, volume=0.35, voice_name="en-us", rate=200,
        halfway=True, ten_left=False,
    )  # fmt: skip
    assert dialog.volume_label.text() == "35 %"
    dialog.beeps.setChecked(True)
    dialog.voice.setChecked(True)
    dialog.halfway.setChecked(False)
    dialog.ten_left.setChecked(True)
    assert dialog.chosen() == SoundSettings(volume=0.35, rate=200)


def test_the_controls_start_from_the_given_settings(qtbot) -> None:
    """Opening the dialog shows the person's current settings, not the defaults."""
    given = SoundSettings(
        beeps=False, voice=True, volume=0.4, voice_name="en-gb", rate=120,
        halfway=True, ten_left=False,
    )  # fmt: skip
    dialog = _offline(qtbot, given)
    assert dialog.volume.value() == 40
    assert dialog.rate.value() == 120
    assert dialog.chosen() == given


def test_voice_off_greys_out_what_only_the_voice_uses(qtbot) -> None:
    """With the voice off, its speed and announcements cannot be changed by mistake."""
    dialog = _offline(qtbot)
    dialog.voice.setChecked(False)
    assert not dialog.rate.isEnabled()
    assert not dialog.halfway.isEnabled()
    dialog.voice.setChecked(True)
    assert dialog.rate.isEnabled()
    assert dialog.ten_left.isEnabled()


def test_voices_arrive_in_the_background_with_the_current_one_chosen(qtbot) -> None:
    """The voice list fills in after the dialog shows, and the person's voice is selected."""
    exe = _need_espeak()
    dialog = SettingsDialog(
        SoundSettings(voice_name="en-gb-scotland"), espeak_path=exe, multimedia_available=False
    )
    qtbot.addWidget(dialog)
    assert dialog.voice_status.text() == LOADING, "the list is not read on the GUI thread"
    assert dialog.voice_name.count() == 1
    qtbot.waitUntil(lambda: not dialog.voices_loading, timeout=10_000)
    names = [dialog.voice_name.itemData(i) for i in range(dialog.voice_name.count())]
    assert {"en-us", "en-gb", "en-gb-scotland"} <= set(names)
    assert "variant" not in names, "an espeak-ng variant is not a voice (it crashes espeak-ng)"
    assert not any(n.startswith("mb-") for n in names)
    assert dialog.voice_name.currentData() == "en-gb-scotland"
    assert "Scotland" in dialog.voice_name.currentText()
    dialog.voice_name.setCurrentIndex(names.index("en-gb"))
    assert dialog.chosen().voice_name == "en-gb"


def test_a_voice_espeak_does_not_list_is_kept(qtbot) -> None:
    """A saved voice missing from the list stays selected, marked, rather than silently lost."""
    exe = _need_espeak()
    dialog = SettingsDialog(
        SoundSettings(voice_name="en-xx-gone"), espeak_path=exe, multimedia_available=False
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.voices_loaded, timeout=10_000):
        pass
    assert dialog.voice_name.currentData() == "en-xx-gone"
    assert "not listed" in dialog.voice_name.currentText()
    assert dialog.chosen().voice_name == "en-xx-gone"


def test_without_espeak_the_dialog_says_what_to_install(qtbot) -> None:
    """No espeak-ng: the voice list and Test say to install it; the voice setting is kept."""
    dialog = SettingsDialog(
        SoundSettings(voice_name="en-gb"), espeak_path=None, multimedia_available=True
    )
    qtbot.addWidget(dialog)
    assert "sudo apt-get install espeak-ng" in dialog.voice_status.text()
    assert not dialog.voice_name.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert "espeak-ng" in dialog.test_button.toolTip()
    assert dialog.chosen().voice_name == "en-gb"


def test_without_sound_test_is_disabled_with_the_reason(qtbot) -> None:
    """No QtMultimedia: Test cannot be pressed, and the dialog says what to install."""
    dialog = _offline(qtbot)
    assert not dialog.test_button.isEnabled()
    assert "libpulse0" in dialog.test_status.text()
    dialog.test()  # pressing it anyway (a shortcut) does nothing
    assert dialog.test_status.text() == dialog.test_button.toolTip()


def test_out_of_range_values_are_clamped(qtbot) -> None:
    """Garbled settings open at the nearest allowed values and come back in range."""
    loud = _offline(qtbot, SoundSettings(volume=3.0, rate=999))
    assert loud.volume.value() == 100
    assert loud.rate.value() == RATE_RANGE[1]
    assert (loud.chosen().volume, loud.chosen().rate) == (1.0, RATE_RANGE[1])
    quiet = _offline(qtbot, SoundSettings(volume=-0.5, rate=1, voice_name="  "))
    assert (quiet.chosen().volume, quiet.chosen().rate) == (0.0, RATE_RANGE[0])
    assert quiet.chosen().voice_name == "en-us"
    quiet.rate.setValue(RATE_RANGE[1] + 50)  # typed past the end
    assert quiet.chosen().rate == RATE_RANGE[1]


def _answer_modal(action: str, set_up=None) -> None:
    """Once ask()'s dialog is up, optionally change it, then press OK or Cancel."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        if set_up is not None:
            set_up(dialog)
        getattr(dialog, action)()

    QTimer.singleShot(0, answer)


def test_ask_returns_none_on_cancel(qtbot) -> None:
    """Cancel gives None even after controls were changed: nothing is to be applied."""
    _answer_modal("reject", lambda d: d.volume.setValue(10))
    assert SettingsDialog.ask(None, SoundSettings()) is None


def test_ask_returns_the_new_settings_on_ok(qtbot) -> None:
    """OK gives the settings as the controls show them."""
    _answer_modal("accept", lambda d: (d.beeps.setChecked(False), d.rate.setValue(110)))
    assert SettingsDialog.ask(None, SoundSettings()) == SoundSettings(beeps=False, rate=110)


def test_chosen_settings_survive_a_save_and_load(qtbot, tmp_path: Path) -> None:
    """What the dialog returns, saved, is what the next start reads back."""
    dialog = _offline(qtbot, SoundSettings(voice_name="en-gb-x-rp"))
    dialog.voice.setChecked(False)
    dialog.volume.setValue(55)
    dialog.rate.setValue(230)
    dialog.halfway.setChecked(True)
    chosen = dialog.chosen()
    path = str(tmp_path / "backtimer.ini")
    chosen.save(QSettings(path, QSettings.Format.IniFormat))
    assert SoundSettings.load(QSettings(path, QSettings.Format.IniFormat)) == chosen


def test_test_with_a_voice_espeak_cannot_load_says_so(qtbot) -> None:
    """Test with a broken voice shows espeak-ng's reason instead of staying silent."""
    exe = _need_espeak()
    # "qqq": no language starts so, so espeak-ng cannot fall back to a near voice
    dialog = SettingsDialog(
        SoundSettings(voice_name="qqq"), espeak_path=exe, multimedia_available=True
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.test_problem, timeout=10_000) as said:
        dialog.test()
    assert "could not speak" in said.args[0]
    assert dialog.test_status.text() == said.args[0]
    dialog.reject()


@pytest.mark.sound
def test_test_speaks_the_sample_through_the_sound_server(qtbot) -> None:
    """Test renders the sample with the chosen voice and plays it; closing silences it."""
    exe = _need_espeak()
    if subprocess.run(["pactl", "info"], capture_output=True, check=False).returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs a sound server")
        pytest.skip("no PulseAudio server is running")
    dialog = SettingsDialog(SoundSettings(voice_name="en-gb", rate=180), espeak_path=exe)
    qtbot.addWidget(dialog)
    assert dialog.test_button.isEnabled(), dialog.test_status.text()
    with qtbot.waitSignal(dialog.test_played, timeout=10_000) as played:
        dialog.test_button.click()
    assert played.args == [SAMPLE_PHRASE]
    with qtbot.waitSignal(dialog.test_played, timeout=10_000):
        dialog.test_button.click()  # again: already rendered, plays at once
    dialog.reject()


def test_longer_words_widen_the_dialog_and_its_notes_still_show_whole(qtbot) -> None:
    """In German a checkbox's words widen the dialog and the notes wrap to more lines:
    the dialog grows tall enough that no note is cut off."""
    dialog = _offline(qtbot)
    dialog.ten_left.setText("Kurz vor Ende des Haltens „noch zehn Sekunden“ sagen")
    dialog.listen.setText("Stoppen, wenn ich „stop“ sage (Sprachstopp)")
    dialog.listen_note.setText(
        "Experimentell: funktioniert am besten in einem ruhigen Raum; sagen Sie „stop“ für "
        "sich allein. Die Tasten funktionieren immer. Das Mikrofon ist nur offen, solange "
        "eine Einheit läuft, und was es hört, bleibt auf diesem Computer: Nichts wird "
        "aufgezeichnet oder gespeichert."
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    note = dialog.listen_note
    assert note.height() >= note.heightForWidth(note.width())
    assert dialog.height() >= dialog.layout().heightForWidth(dialog.width())
