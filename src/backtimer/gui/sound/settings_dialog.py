"""The sound settings a person can change: beeps, voice, volume, which voice, how fast,
which optional announcements; with a Test button that speaks through the real voice path.

Nothing here waits on another process on the GUI thread: the voice list comes from
``espeak-ng --voices`` run on a worker thread, and Test renders through
:class:`~backtimer.gui.sound.voice.VoicePlayer` (a worker thread and a process) before playing
through QtMultimedia. Saving is the caller's job (``SoundSettings.save``).
"""

from __future__ import annotations

import logging
import shutil
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backtimer.core.i18n import _
from backtimer.gui.sound.output import NO_MULTIMEDIA
from backtimer.gui.sound.settings import RATE_RANGE, SECOND_WORDS, SoundSettings
from backtimer.gui.sound.voice import NO_ESPEAK, VoicePlayer, espeak_command, espeak_voices

log = logging.getLogger(__name__)

SAMPLE_PHRASE = _("Hold. Ten seconds left. Release.")  #: what Test says: words a session uses
LOADING = _("Loading voices…")
FONT_SCALE = 1.3  #: labels read from a mat: bigger than the desktop default
FIND = "find on PATH"  #: ``espeak_path`` default: look espeak-ng up on PATH
#: What each control does, for a screen reader (in the order ``_describe`` lists them).
DESCRIPTIONS = (
    _("Beep as each phase begins, 3-2-1 before a hold ends, and at release."),
    _("Say each stretch and its steps, the milestones, and what comes next."),
    _("How loud the beeps and the voice are."),
    _("The espeak-ng voice that speaks."),
    _("How fast the voice speaks."),
    _("Also say halfway in each hold (timed warm-up and cool-down movements always say it)."),
    _("Say ten seconds left near the end of each hold and timed movement."),
    _("Say a short sample with these settings."),
    _("While a session runs, listen to the microphone and stop for pain when you say stop."),
    _("A second word that also stops the session, or nothing else."),
    _("Keep these settings."),
    _("Close without changing anything."),
)

LISTEN = _("Stop when I say “stop” (voice stop)")
LISTEN_NOTE = _(
    "Say “stop” on its own or after a word (“no, stop”), in a quiet room or over its "
    "noise. While BackTimer speaks it cannot hear you: say it again when the voice falls "
    "silent. The keys always work. The microphone is open only while a session runs, and "
    "what it hears stays on this computer: nothing is recorded or kept."
)
NO_SECOND_WORD = _("nothing else")
SECOND_WORD = _("“{word}”")
TITLE = _("BackTimer — sound")
BEEPS = _("Beeps")
VOICE = _("Voice")
VOLUME = _("Volume")
VOICE_NAME = _("Voice to speak with")
RATE_SUFFIX = _(" words a minute")
RATE_NAME = _("Speech rate")
SAY_HALFWAY = _("Say “halfway” in each hold")
SAY_TEN_LEFT = _("Say “ten seconds left” near the end of a hold")
LISTEN_WORD_NAME = _("Also stop when I say")
TEST = _("Test the voice")
#: The form's row labels.
ROW_SOUNDS = _("Sounds")
ROW_VOLUME = VOLUME
ROW_VOICE = VOICE
ROW_SPEED = _("Speed")
ROW_ALSO_SAY = _("Also say")
ROW_VOICE_STOP = _("Voice stop")
ROW_ALSO_STOP = _("Also stop on")
#: An espeak-ng voice in the list: its description and its name.
VOICE_ITEM = _("{description} ({name})")
VOICE_NOT_LISTED = _("{name} (not listed by espeak-ng)")
NO_VOICES = _("espeak-ng listed no English voices; the current one is kept.")
VOLUME_PERCENT = _("{value} %")
PREPARING = _("Preparing…")


class _VoiceLister(QObject):
    """Carries the voice list from the worker thread to the GUI thread (queued signal).

    Unparented on purpose: the worker keeps it alive even if the dialog is closed first;
    the dialog's connection then just goes away with the dialog.
    """

    found = Signal(list)  #: ``[(voice, description), ...]``, empty when espeak-ng listed none

    def run(self, exe: str) -> None:
        try:
            voices = espeak_voices(exe)
        except Exception:  # a worker thread has nobody to tell but the log and the dialog
            log.exception("listing espeak-ng voices failed")
            voices = []
        self.found.emit(voices)


class SettingsDialog(QDialog):
    """Edits a :class:`SoundSettings`; :meth:`chosen` is the result (already clamped).

    ``espeak_path``: where espeak-ng is (None acts as if it were absent; by default it is
    looked up on PATH). ``multimedia_available=False`` acts as if QtMultimedia could not
    play (the Test button is then disabled with the reason); None finds out.
    """

    voices_loaded = Signal()  #: the voice list arrived (or is known to be unavailable)
    test_played = Signal(str)  #: Test's sample started sounding (the text said)
    test_problem = Signal(str)  #: Test could not speak: the plain-language reason shown

    def __init__(
        self,
        settings: SoundSettings,
        parent: QWidget | None = None,
        *,
        espeak_path: str | None = FIND,
        multimedia_available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self.setFont(font)
        start = settings.clamped()
        self._initial_voice = start.voice_name
        self._espeak = shutil.which("espeak-ng") if espeak_path == FIND else espeak_path
        self._player: VoicePlayer | None = None
        self._player_key: tuple[str, int] | None = None
        self._play_when_ready = False

        self.beeps = QCheckBox(BEEPS)
        self.beeps.setChecked(start.beeps)
        self.voice = QCheckBox(VOICE)
        self.voice.setChecked(start.voice)

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setValue(round(start.volume * 100))
        self.volume.setAccessibleName(VOLUME)
        self.volume_label = QLabel()
        self.volume_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %  "))
        self.volume.valueChanged.connect(self._volume_changed)

        self.voice_name = QComboBox()
        self.voice_name.setAccessibleName(VOICE_NAME)
        self.voice_name.addItem(start.voice_name, start.voice_name)
        self.voice_status = QLabel()
        self.voice_status.setWordWrap(True)

        self.rate = QSpinBox()
        self.rate.setRange(*RATE_RANGE)
        self.rate.setSingleStep(10)
        self.rate.setSuffix(RATE_SUFFIX)
        self.rate.setValue(start.rate)
        self.rate.setAccessibleName(RATE_NAME)

        self.halfway = QCheckBox(SAY_HALFWAY)
        self.halfway.setChecked(start.halfway)
        self.ten_left = QCheckBox(SAY_TEN_LEFT)
        self.ten_left.setChecked(start.ten_left)

        self.listen = QCheckBox(LISTEN)
        self.listen.setChecked(start.listen)
        self.listen_word = QComboBox()
        self.listen_word.setAccessibleName(LISTEN_WORD_NAME)
        for word in SECOND_WORDS:
            label = SECOND_WORD.format(word=word) if word else NO_SECOND_WORD
            self.listen_word.addItem(label, word)
        self.listen_word.setCurrentIndex(max(0, self.listen_word.findData(start.listen_word)))
        self.listen_word.setEnabled(start.listen)
        self.listen.toggled.connect(self.listen_word.setEnabled)
        self.listen_note = QLabel(LISTEN_NOTE)
        self.listen_note.setWordWrap(True)

        self.test_button = QPushButton(TEST)
        self.test_button.clicked.connect(self.test)
        self.test_status = QLabel()
        self.test_status.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        self._describe()
        self._lay_out()
        self._volume_changed(self.volume.value())
        self.voice.toggled.connect(self._voice_toggled)
        self._voice_toggled(self.voice.isChecked())
        self._check_test_possible(multimedia_available)
        self._list_voices()

    def _describe(self) -> None:
        """What each control does, for a screen reader."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for widget, text in zip(
            (self.beeps, self.voice, self.volume, self.voice_name, self.rate, self.halfway,
             self.ten_left, self.test_button, self.listen, self.listen_word, ok, cancel),
            DESCRIPTIONS,
            strict=True,
        ):  # fmt: skip
            widget.setAccessibleDescription(text)

    def _lay_out(self) -> None:
        switches = QHBoxLayout()
        switches.addWidget(self.beeps)
        switches.addWidget(self.voice)
        switches.addStretch(1)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_label)
        form = QFormLayout()
        form.addRow(ROW_SOUNDS, switches)
        form.addRow(ROW_VOLUME, volume_row)
        form.addRow(ROW_VOICE, self.voice_name)
        form.addRow("", self.voice_status)
        form.addRow(ROW_SPEED, self.rate)
        form.addRow(ROW_ALSO_SAY, self.halfway)
        form.addRow("", self.ten_left)
        form.addRow(ROW_VOICE_STOP, self.listen)
        form.addRow(ROW_ALSO_STOP, self.listen_word)
        form.addRow("", self.listen_note)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- the result -----------------------------------------------------------------------

    def chosen(self) -> SoundSettings:
        """The settings the controls show now, clamped."""
        return SoundSettings(
            beeps=self.beeps.isChecked(),
            voice=self.voice.isChecked(),
            volume=self.volume.value() / 100,
            voice_name=str(self.voice_name.currentData() or self._initial_voice),
            rate=self.rate.value(),
            halfway=self.halfway.isChecked(),
            ten_left=self.ten_left.isChecked(),
            listen=self.listen.isChecked(),
            listen_word=str(self.listen_word.currentData() or ""),
        ).clamped()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: SoundSettings) -> SoundSettings | None:
        """Show the dialog; the new settings on OK, None on Cancel. Does not save them.

        Tests replace this (pytest-qt's note on dialogs).
        """
        dialog = cls(settings, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # -- voices ---------------------------------------------------------------------------

    @property
    def voices_loading(self) -> bool:
        return self.voice_status.text() == LOADING

    def _list_voices(self) -> None:
        if not self._espeak:
            self.voice_name.setEnabled(False)
            self.voice_status.setText(NO_ESPEAK)
            self.voices_loaded.emit()
            return
        self.voice_status.setText(LOADING)
        lister = _VoiceLister()
        lister.found.connect(self._voices_found)
        self._lister = lister
        threading.Thread(target=lister.run, args=(self._espeak,), daemon=True).start()

    def _voices_found(self, voices: list[tuple[str, str]]) -> None:
        current = str(self.voice_name.currentData() or self._initial_voice)
        self.voice_name.clear()
        for name, description in voices:
            self.voice_name.addItem(VOICE_ITEM.format(description=description, name=name), name)
        if self.voice_name.findData(current) < 0:  # keep a voice espeak-ng no longer lists
            self.voice_name.addItem(VOICE_NOT_LISTED.format(name=current), current)
        self.voice_name.setCurrentIndex(self.voice_name.findData(current))
        self.voice_status.setText("" if voices else NO_VOICES)
        self.voices_loaded.emit()

    # -- reactions ------------------------------------------------------------------------

    def _volume_changed(self, value: int) -> None:
        self.volume_label.setText(VOLUME_PERCENT.format(value=value))
        if self._player is not None:
            self._player.set_volume(value / 100)

    def _voice_toggled(self, on: bool) -> None:
        for widget in (self.voice_name, self.rate, self.halfway, self.ten_left):
            widget.setEnabled(on and (widget is not self.voice_name or bool(self._espeak)))

    def _check_test_possible(self, multimedia_available: bool | None) -> None:
        """Known at once: no espeak-ng, or ``multimedia_available=False``. Whether the
        player process can sound is learnt when Test is pressed (``test_problem``)."""
        problem = NO_MULTIMEDIA if multimedia_available is False else None
        if problem is None and not self._espeak:
            problem = NO_ESPEAK
        if problem:
            self.test_button.setEnabled(False)
            self.test_button.setToolTip(problem)
            self.test_status.setText(problem)

    # -- Test -----------------------------------------------------------------------------

    def test(self) -> None:
        """Say :data:`SAMPLE_PHRASE` with the chosen voice, speed and volume."""
        if not self.test_button.isEnabled() or not self._espeak:
            return
        chosen = self.chosen()
        key = (chosen.voice_name, chosen.rate)
        if self._player is None or self._player_key != key:
            self._stop_player()
            player = VoicePlayer(espeak_command(self._espeak, *key))
            player.on_ready = self._sample_ready
            player.on_failed = lambda _text: None  # on_problem has said why
            player.on_problem = self._sample_problem
            self._player, self._player_key = player, key
        self._player.set_volume(chosen.volume)
        self._player.stop()
        self.test_status.setText("")
        if not self._player.play(SAMPLE_PHRASE):
            self._play_when_ready = True
            self.test_status.setText(PREPARING)
            self._player.prepare([SAMPLE_PHRASE])
        else:
            self.test_played.emit(SAMPLE_PHRASE)

    def _sample_ready(self, text: str) -> None:
        if self._player is not None and self._play_when_ready and text == SAMPLE_PHRASE:
            self._play_when_ready = False
            self.test_status.setText("")
            if self._player.play(text):
                self.test_played.emit(text)

    def _sample_problem(self, message: str | None) -> None:
        if message is None:  # sound is back: Test works again
            self.test_status.setText("")
            return
        self._play_when_ready = False
        self.test_status.setText(message)
        self.test_problem.emit(message)

    def _stop_player(self) -> None:
        if self._player is not None:
            self._player.shutdown()
        self._player = None
        self._player_key = None
        self._play_when_ready = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Tall enough for the wrapped notes at the width the dialog gets: its first size
        comes from the layout's plain size hint, which is too short when longer words
        (German, Spanish) widen the dialog and the notes wrap to more lines."""
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.heightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def done(self, result: int) -> None:
        """Closing (OK, Cancel, Escape) silences Test and removes its files."""
        self._stop_player()
        super().done(result)
