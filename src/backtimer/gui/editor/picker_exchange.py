"""Routine → Open's files in and out: the file dialogs (which tests replace), Import of a
routine file or a .zip, Export to a .zip with its pictures or to a lone .yaml, and Open
another file from anywhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from backtimer.core.i18n import _, ngettext
from backtimer.core.routine import Routine
from backtimer.core.routines.exchange import (
    Imported,
    export_yaml,
    export_zip,
    import_file,
    import_zip,
)

IMPORT_TITLE = _("Import a routine")
IMPORT_FILTER = _("Routines (*.yaml *.yml *.zip)")
EXPORT_TITLE = _("Export “{name}”")
EXPORT_FILTER = _("A .zip with its pictures (*.zip);;One routine file (*.yaml)")
EXPORTED = _("Exported to {path}.")
EXPORT_FAILED = _("Could not export ({reason}).")
OTHER_TITLE = _("Open a routine")
OTHER_FILTER = _("Routines (*.yaml *.yml)")


def no_pictures_words(path: Path, count: int) -> str:
    """Exported as a lone .yaml, which cannot carry the routine's pictures."""
    return ngettext(
        "Exported to {path}. Its picture is not in a lone .yaml: export a .zip to share it.",
        "Exported to {path}. Its {count} pictures are not in a lone .yaml: export a .zip to "
        "share them.",
        count,
    ).format(path=path, count=count)


class FileChooser:
    """The file dialogs the picker uses; tests replace these (pytest-qt's note on dialogs)."""

    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _unused = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
        return Path(name) if name else None

    @classmethod
    def save_file(
        cls, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(
            parent, title, str(Path.home() / suggested), filters
        )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".yaml" if "yaml" in chosen else ".zip")
        return path


def choose_other(parent: QWidget | None) -> Path | None:
    """A routine file from anywhere, chosen by the person; None if they cancel."""
    return FileChooser.open_file(parent, OTHER_TITLE, OTHER_FILTER)


def choose_and_import(parent: QWidget | None, routines: Path) -> tuple[Path, Imported] | None:
    """Copy a chosen routine into ``routines`` (a .yaml with its pictures, or a .zip):
    the file chosen and what became of it; None if the person cancels. A refused one
    has no ``path`` and wrote nothing."""
    path = FileChooser.open_file(parent, IMPORT_TITLE, IMPORT_FILTER)
    if path is None:
        return None
    if path.suffix.lower() == ".zip":
        return path, import_zip(path, routines)
    return path, import_file(path, routines)


def choose_and_export(parent: QWidget | None, source: Path, routine: Routine) -> str | None:
    """Export ``routine`` (from its file ``source``) where the person chooses; the words
    saying how it went, or None if they cancel."""
    target = FileChooser.save_file(
        parent, EXPORT_TITLE.format(name=routine.name), f"{routine.id}.zip", EXPORT_FILTER
    )
    if target is None:
        return None
    try:
        if target.suffix.lower() == ".zip":
            export_zip(source, target)
            return EXPORTED.format(path=target)
        left_out = export_yaml(source, target)
    except (OSError, ValueError) as e:
        return EXPORT_FAILED.format(reason=e)
    return no_pictures_words(target, left_out) if left_out else EXPORTED.format(path=target)
