"""Command line: argument parsing; ``check`` and ``history`` run without creating a window.

The language is chosen first (``--language``, else the saved choice, else the system's),
before any module with translated constants is imported: this module imports only the
translation mechanism at its top, and its own texts are translated where they are used
(``_()`` inside the functions), since it is itself imported before the choice.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from backtimer import __version__
from backtimer.core.i18n import LANGUAGES, _, ngettext, use_language

LANGUAGE_OPTION = "--language"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backtimer",
        description=_("A hands-free hold timer for back-pain stretching."),
        epilog=_(
            "Subcommands: 'backtimer check FILE...' validates routine files; "
            "'backtimer history --format csv|json' exports your log; "
            "'backtimer plan' prints today's planned sessions; "
            "'backtimer render-poses DIR' draws every figure to PNG files; "
            "'backtimer report --output FILE.pdf' writes the report for your clinician; "
            "'backtimer syscheck' says which system packages are missing."
        ),
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"backtimer {__version__}",
        help=_("show program's version number and exit"),
    )
    p.add_argument("--routine", type=Path, metavar="FILE", help=_("use this routine file"))
    p.add_argument("--start", action="store_true", help=_("start hands-free after a 10 s lead-in"))
    p.add_argument("--fullscreen", action="store_true", help=_("distance mode: full screen"))
    p.add_argument("--data-dir", type=Path, metavar="DIR", help=_("keep history and goals here"))
    p.add_argument("--silent", action="store_true", help=_("no beeps and no voice"))
    p.add_argument("--tray", action="store_true", help=_("no window: remind of planned sessions"))
    p.add_argument("--only", metavar="IDS", help=_("only these exercises (comma-separated ids)"))
    menu = p.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop",
        action="store_true",
        help=_("add BackTimer to your applications menu (for a pip or pipx install)"),
    )
    menu.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help=_("remove that menu entry and its icons"),
    )
    p.add_argument(
        "--listen",
        action="store_true",
        help=_("voice stop: saying 'stop' works like PAIN — STOP (needs backtimer[voice])"),
    )
    p.add_argument(
        LANGUAGE_OPTION,
        metavar="CODE",
        choices=LANGUAGES,
        help=_("the language of the window, the voice and these messages: {codes}").format(
            codes=", ".join(LANGUAGES)
        ),
    )
    return p


def _check_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backtimer check",
        description=_("Validate routine files; exit 1 if any is invalid."),
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    return p


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
                # What `check` says of a good exercise library file.
                print(
                    _("{path}: ok ({name}, a library exercise)").format(path=path, name=entry.name)
                )
            continue
        result = load_routine(path)
        for problem in result.problems:
            print(problem.render())
        if result.routine is None:
            bad += 1
        else:
            n = len(result.routine.exercises)
            ok = ngettext(
                "{path}: ok ({name}, {n} exercise)", "{path}: ok ({name}, {n} exercises)", n
            )
            print(ok.format(path=path, name=result.routine.name, n=n))
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


def run_syscheck(argv: Sequence[str]) -> int:
    """Imported here, after the language is chosen: its texts are translated at import."""
    from backtimer.syscheck import main as syscheck

    return syscheck(list(argv))


_SUBCOMMANDS = {
    "check": run_check,
    "history": run_history,
    "render-poses": run_render_poses,
    "plan": run_plan,
    "report": run_report,
    "syscheck": run_syscheck,
}


def argparse_words() -> tuple[str, ...]:
    """argparse's own words a person sees, listed for the catalogs (the extractor reads
    ``_("…")`` here): argparse looks each up through its module's ``_`` at use, which
    :func:`choose_language` points at ours."""
    return (
        _("usage: "),
        _("options"),
        _("positional arguments"),
        _("show this help message and exit"),
        _("%(prog)s: error: %(message)s\n"),
        _("argument %(argument_name)s: %(message)s"),
        _("unrecognized arguments: %s"),
        _("the following arguments are required: %s"),
        _("expected one argument"),
        _("not allowed with argument %s"),
        _("invalid choice: %(value)r (choose from %(choices)s)"),
        _("invalid %(type)s value: %(value)r"),
        _("ambiguous option: %(option)s could match %(matches)s"),
    )


def choose_language(args: list[str]) -> list[str]:
    """Use the language asked for (``--language CODE`` anywhere, for every subcommand),
    else the saved one, else the system's; ``args`` without that option."""
    from backtimer.core.language_setting import INHERITED, start_language

    option, rest, i = None, [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg.startswith(LANGUAGE_OPTION + "="):
            option = arg.split("=", 1)[1]
        elif arg == LANGUAGE_OPTION and i + 1 < len(args):
            option = args[i + 1]
            i += 1
        else:
            rest.append(arg)
        i += 1
    chosen = use_language(start_language(option))
    if option is not None:  # the windows and helpers this run starts speak it too
        os.environ[INHERITED] = chosen
    argparse._ = _  # type: ignore[attr-defined]  # argparse's own words ("usage:", errors)
    if option is not None and option not in LANGUAGES:
        rest += [LANGUAGE_OPTION, option]  # the parser says which codes there are
    return rest


def main(argv: Sequence[str] | None = None) -> int:
    args = choose_language(list(sys.argv[1:] if argv is None else argv))
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
