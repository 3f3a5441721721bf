"""``backtimer render-poses DIR``: a PNG of every built-in pose, for review and the README.

Writes ``DIR/<pose>.png`` (right side), ``DIR/<pose>-left.png`` for poses used on both
sides, ``DIR/routine/NN-<exercise>-<step>.png`` for the built-in routine's steps in order,
``DIR/library/<exercise>-<step>[-<side>].png`` for every exercise library step as it is
shown (mirrored for the left side), ``DIR/library.png``: every library exercise in its
held position with its name, in light and dark, and ``DIR/strip.png``: the four stretches
side by side.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette

from backtimer.core.i18n import _, ngettext
from backtimer.core.library.entry import LibraryExercise
from backtimer.core.library.loader import load_library
from backtimer.core.poses.library import builtin_poses
from backtimer.core.poses.loader import PoseError
from backtimer.core.poses.pose import Pose
from backtimer.core.routine import Exercise, Movement, Side, Sides
from backtimer.core.routine_file.loader import load_routine
from backtimer.gui.figure.painting import render_pose
from backtimer.gui.figure.thumbnails import render_image
from backtimer.resources import builtin_routine_path

STRIP = ("glute-squeeze", "hamstring-lean", "piriformis-pull", "psoas-lean")
SHEET_COLUMNS = 7
#: The library sheet's order: where an exercise is done, then its name.
PLACES = ("floor", "chair", "standing")
DESCRIPTION = _("Draw every built-in pose to PNG files.")
HELP_DIR = _("folder to write the PNGs into")
HELP_SIZE = _("picture size in pixels (default 600)")
HELP_DARK = _("draw on a dark background")
BAD_SIZE = _("render-poses: --size must be between 16 and 4096")
POSE_ERROR = _("render-poses: {error}")
CANNOT_WRITE = _("render-poses: cannot write to {folder}: {reason}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="backtimer render-poses", description=DESCRIPTION)
    p.add_argument("dir", type=Path, metavar="DIR", help=HELP_DIR)
    p.add_argument("--size", type=int, default=600, help=HELP_SIZE)
    p.add_argument("--dark", action="store_true", help=HELP_DARK)
    return p


def run_render_poses(argv: Sequence[str]) -> int:
    """Entry point for the subcommand; returns the exit status, never raises to the user."""
    args = _parser().parse_args(list(argv))
    if not 16 <= args.size <= 4096:
        print(BAD_SIZE, file=sys.stderr)
        return 2
    # Nothing is shown on screen, so no display is needed (read when the app is made).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    try:
        written = _render_all(args.dir, args.size, args.dark)
    except PoseError as e:
        print(POSE_ERROR.format(error=e), file=sys.stderr)
        return 1
    except OSError as e:
        print(CANNOT_WRITE.format(folder=args.dir, reason=e.strerror), file=sys.stderr)
        return 1
    wrote = ngettext(
        "render-poses: wrote {n} picture to {folder}",
        "render-poses: wrote {n} pictures to {folder}",
        written,
    )
    print(wrote.format(n=written, folder=args.dir))
    return 0


def _palette(dark: bool) -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#24272b" if dark else "#fafafa"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee" if dark else "#202020"))
    return pal


def _render_all(out: Path, size: int, dark: bool) -> int:
    pal = _palette(dark)
    out.mkdir(parents=True, exist_ok=True)
    poses = builtin_poses()
    count = 0

    def save(img: QImage, path: Path) -> None:
        nonlocal count
        if not img.save(str(path)):
            raise OSError(0, f"could not save {path.name}")
        count += 1

    for name, pose in poses.items():
        save(render_image(pose, size, side=Side.RIGHT, palette=pal), out / f"{name}.png")

    routine = load_routine(builtin_routine_path()).routine
    if routine is not None:
        steps_dir = out / "routine"
        steps_dir.mkdir(exist_ok=True)
        n = 0
        items: list[Movement | Exercise] = [*routine.warmup, *routine.exercises]
        for item in [*items, *routine.cooldown]:
            both = isinstance(item, Exercise) and item.sides is Sides.BOTH
            for side in (Side.RIGHT, Side.LEFT) if both else (None,):
                for i, step in enumerate(item.steps, 1):
                    if step.pose is None or step.pose not in poses:
                        continue
                    n += 1
                    suffix = f"-{side.value}" if side else ""
                    path = steps_dir / f"{n:02d}-{item.id}-{i}{suffix}.png"
                    save(render_image(poses[step.pose], size, side=side, palette=pal), path)

    library = load_library().exercises
    library_dir = out / "library"
    library_dir.mkdir(exist_ok=True)
    for entry in library:
        ex = entry.exercise
        for side in (Side.RIGHT, Side.LEFT) if ex.sides is Sides.BOTH else (None,):
            for i, step in enumerate(ex.steps, 1):
                if step.pose is None or step.pose not in poses:
                    continue
                suffix = f"-{side.value}" if side else ""
                path = library_dir / f"{ex.id}-{i}{suffix}.png"
                save(render_image(poses[step.pose], size, side=side, palette=pal), path)

    save(_library_sheet(library, poses, size, pal), out / "library.png")

    strip = QImage(size * len(STRIP), size, QImage.Format.Format_ARGB32_Premultiplied)
    strip.fill(pal.color(pal.ColorRole.Window))
    painter = QPainter(strip)
    for i, name in enumerate(STRIP):
        if name in poses:
            rect = QRectF(i * size, 0, size, size)
            render_pose(painter, rect, poses[name], side=Side.RIGHT, palette=pal)
    painter.end()
    save(strip, out / "strip.png")
    return count


def _library_sheet(
    library: Sequence[LibraryExercise], poses: Mapping[str, Pose], size: int, pal: QPalette
) -> QImage:
    """Every library exercise in the position it is held in, its name underneath."""
    ordered = sorted(library, key=lambda e: (PLACES.index(e.position.value), e.name))
    cell = max(96, size // 3)
    label = max(24, cell // 5)
    rows = max(1, -(-len(ordered) // SHEET_COLUMNS))
    sheet = QImage(
        cell * SHEET_COLUMNS, (cell + label) * rows, QImage.Format.Format_ARGB32_Premultiplied
    )
    sheet.fill(pal.color(pal.ColorRole.Window))
    painter = QPainter(sheet)
    font = painter.font()
    font.setPixelSize(max(9, label // 3))
    painter.setFont(font)
    painter.setPen(pal.color(pal.ColorRole.WindowText))
    for i, entry in enumerate(ordered):
        x, y = (i % SHEET_COLUMNS) * cell, (i // SHEET_COLUMNS) * (cell + label)
        held = entry.exercise.steps[-1].pose
        if held is not None and held in poses:
            rect = QRectF(x + 4, y + 4, cell - 8, cell - 8)
            render_pose(painter, rect, poses[held], side=Side.RIGHT, palette=pal)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(
            QRectF(x + 2, y + cell, cell - 4, label), flags | Qt.TextFlag.TextWordWrap, entry.name
        )
    painter.end()
    return sheet
