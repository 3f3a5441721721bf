"""Command line: argument parsing; ``check`` and ``history`` run without creating a window."""

from __future__ import annotations

import argparse
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
        "'backtimer render-poses DIR' draws every figure to PNG files.",
    )
    p.add_argument("--version", action="version", version=f"backtimer {__version__}")
    p.add_argument("--routine", type=Path, metavar="FILE", help="use this routine file")
    p.add_argument("--start", action="store_true", help="start hands-free after a 10 s lead-in")
    p.add_argument("--fullscreen", action="store_true", help="distance mode: full screen")
    p.add_argument("--data-dir", type=Path, metavar="DIR", help="keep history and goals here")
    p.add_argument("--silent", action="store_true", help="no beeps and no voice")
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


def run_check(argv: Sequence[str]) -> int:
    from backtimer.core.routine_file.loader import load_routine

    args = _check_parser().parse_args(argv)
    bad = 0
    for path in args.files:
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


def run_render_poses(argv: Sequence[str]) -> int:
    from backtimer.syscheck import gui_problem

    problem = gui_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from backtimer.gui.figure.render_poses import run_render_poses as render

    return render(argv)


_SUBCOMMANDS = {"check": run_check, "history": run_history, "render-poses": run_render_poses}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in _SUBCOMMANDS:
            return _SUBCOMMANDS[args[0]](args[1:])
        options = _parser().parse_args(args)
        from backtimer.syscheck import gui_problem

        problem = gui_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        from backtimer.gui.app import run_app

        return run_app(options)
    except KeyboardInterrupt:
        return 130
