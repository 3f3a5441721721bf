"""A micro-session handed to the running window (the tray's Start now at 11:00, psoas)."""

from __future__ import annotations

from backtimer.gui.main_window import MainWindow
from backtimer.gui.single_instance import Request


def test_only_travels_in_the_request_line_and_old_lines_still_read() -> None:
    request = Request(None, start=True, exercises=("psoas", "gluteus"))
    assert Request.from_line(request.to_line()) == request
    assert Request.from_line(b'{"v": 1, "routine": null, "start": true}\n') == Request(None, True)
    assert Request.from_line(b'{"v": 1, "routine": null, "start": true, "only": [3]}\n') is None


def test_the_window_starts_only_the_handed_exercises(window: MainWindow) -> None:
    """No routine named: the built-in routine's psoas stretch alone, started hands-free."""
    window.follow_request(Request(None, start=True, exercises=("psoas",)))
    session = window.session
    assert session is not None
    assert session.active
    assert [e.id for e in session.routine.exercises] == ["psoas"]
    assert session.routine.warmup == ()
