"""Command line: argument parsing; ``check`` and ``history`` run without creating a window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from backtimer import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backtimer",
        description="A hands-free hold timer for back-pain stretching.",
        epilog="Subcommands: 'backtimer check FILE...' validates routine files; "
        "'backtimer history --format csv|json' exports your log; "
        "'backtimer plan' prints today's planned sessions; "
        "'backtimer render-poses DIR' draws every figure to PNG files; "
        "'backtimer report --output FILE.pdf' writes the report for your clinician.",
    )
    p.add_argument("--version", action="version", version=f"backtimer {__version__}")
    p.add_argument("--routine", type=Path, metavar="FILE", help="use this routine file")
    p.add_argument("--start", action="store_true", help="start hands-free after a 10 s lead-in")
    p.add_argument("--fullscreen", action="store_true", help="distance mode: full screen")
    p.add_argument("--data-dir", type=Path, metavar="DIR", help="keep history and goals here")
    p.add_argument("--silent", action="store_true", help="no beeps and no voice")
    p.add_argument("--tray", action="store_true", help="no window: remind of planned sessions")
    p.add_argument("--only", metavar="IDS", help="only these exercises (comma-separated ids)")
    menu = p.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop",
        action="store_true",
        help="add BackTimer to your applications menu (for a pip or pipx install)",
    )
    menu.add_argument(
        "--uninstall-desktop", action="store_true", help="remove that menu entry and its icons"
    )
    p.add_argument(
        "--listen",
        action="store_true",
        help="voice stop: saying 'stop' works like PAIN — STOP (needs backtimer[voice])",
    )
    return p


def _check_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backtimer check", description="Validate routine files; exit 1 if any is invalid."
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    return p


#: What `check` says of a good exercise library file.
LIBRARY_OK = "{path}: ok ({name}, a library exercise)"


def run_check(argv: Sequence[str]) -> int:
    from backtimer.core.library.loader import is_library_file, load_library_file
    from backtimer.core.routine_file.loader import load_routine

    args = _check_parser().parse_args(argv)
    bad = 0
    for path in args.files:
        if is_library_file(path):
            entry, problems = load_library_file(path)
            for problem in problems:
                print(problem.render())
            if entry is None:
                bad += 1
            else:
                print(LIBRARY_OK.format(path=path, name=entry.name))
            continue
        result = load_routine(path)
        for problem in result.problems:
            print(problem.render())
        if result.routine is None:
            bad += 1
        else:
            print(f"{path}: ok ({result.routine.name}, {len(result.routine.exercises)} exercises)")
    return 1 if bad else 0


def run_history(argv: Sequence[str]) -> int:
    from backtimer.history_cli import run_history as history

    return history(argv)


def run_plan(argv: Sequence[str]) -> int:
    from backtimer.plan_cli import run_plan as plan

    return plan(argv)


def run_render_poses(argv: Sequence[str]) -> int:
    """Draws offscreen: needs Qt's own system libraries, not the X11 window's."""
    from backtimer.syscheck import draw_problem

    problem = draw_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from backtimer.gui.figure.render_poses import run_render_poses as render

    return render(argv)


def run_report(argv: Sequence[str]) -> int:
    import os

    from backtimer.syscheck import gui_problem

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no display
    problem = gui_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from backtimer.gui.history.report_cli import run_report as report

    return report(argv)


_SUBCOMMANDS = {
    "check": run_check,
    "history": run_history,
    "render-poses": run_render_poses,
    "plan": run_plan,
    "report": run_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in _SUBCOMMANDS:
            return _SUBCOMMANDS[args[0]](args[1:])
        options = _parser().parse_args(args)
        if options.install_desktop or options.uninstall_desktop:
            from backtimer.desktop_install import run as desktop

            return desktop(remove=options.uninstall_desktop)
        from backtimer.syscheck import gui_problem

        problem = gui_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        if options.tray:
            from backtimer.gui.programme.tray_app import run_tray

            return run_tray(options)
        from backtimer.gui.app import run_app

        return run_app(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``backtimer plan | head``): not an error of ours. Point
        # stdout at /dev/null so Python's own flush at exit does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
