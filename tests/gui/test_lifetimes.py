"""Qt object lifetimes: the pattern that segfaulted the suite, repeated until it would
crash, and the rule (``gui/slots.py``) checked on every connection in ``gui/``."""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from backtimer.gui.slots import call_soon, connect_call

GUI = Path(__file__).resolve().parents[2] / "src" / "backtimer" / "gui"

#: A widget whose last Python reference goes away just after its animation finished:
#: before the fix this crashed about one run in four in ``deleteChildren``.
_DROP_AFTER_MOVES = textwrap.dedent(
    """
    import gc, sys
    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtWidgets import QApplication
    from backtimer.gui.figure.widget import FigureWidget

    app = QApplication([])
    reached = 0
    for i in range(int(sys.argv[1])):
        w = FigureWidget(move_ms=2, dwell_ms=1)
        w.show()
        w.set_pose("stand", None, animate=False)
        seen = []
        w.pose_reached.connect(seen.append)
        w.set_steps(["chair-sit", "chair-sit-forward"], None)
        t = QElapsedTimer(); t.start()
        while w.is_animating() and t.elapsed() < 5000:
            app.processEvents()
        reached += seen == [0, 1]
        del w  # the last reference, while the finished group awaits deleteLater
        if i % 3 == 0:
            gc.collect()
        app.processEvents()
        app.sendPostedEvents(None, 0)
    print(reached)
    """
)


def test_figure_dropped_as_its_animation_ends_never_crashes() -> None:
    """300 figures, each dropped the moment its moves finish: no crash, every pose reached."""
    runs = 300
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", _DROP_AFTER_MOVES, str(runs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if proc.returncode < 0:
        pytest.fail(f"crashed with {signal.Signals(-proc.returncode).name}: {proc.stderr[-2000:]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[-1] == str(runs)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[object, ...]] = []

    def note(self, *args: object) -> None:
        self.calls.append(args)


class _Sender(QObject):
    fired = Signal(int)


def test_connect_call_passes_its_values_and_not_the_signals(qapp: object) -> None:
    """connect_call calls the method with the values given at connect time."""
    sender, receiver = _Sender(), _Receiver()
    connect_call(sender.fired, receiver.note, "skip", 3)
    sender.fired.emit(99)
    assert receiver.calls == [("skip", 3)]


def test_connect_call_does_not_keep_the_receiver_alive(qapp: object) -> None:
    """Once the receiver is dropped, firing the signal calls nothing and raises nothing."""
    sender, receiver = _Sender(), _Receiver()
    connect_call(sender.fired, receiver.note, 1)
    calls = receiver.calls
    del receiver
    sender.fired.emit(0)
    assert calls == []


def test_call_soon_skips_a_receiver_deleted_before_the_loop_runs(qtbot) -> None:
    """A deferred call on an object deleted first is dropped, not made on a dead object."""
    kept, dropped = _Receiver(), _Receiver()
    call_soon(kept.note, "shown")
    call_soon(dropped.note, "never")
    calls = dropped.calls
    import shiboken6

    shiboken6.delete(dropped)
    qtbot.waitUntil(lambda: kept.calls == [("shown",)])
    assert calls == []


def test_connect_call_refuses_what_is_not_a_bound_method(qapp: object) -> None:
    """Passing a lambda (the pattern that crashed) is refused at once."""
    with pytest.raises(TypeError):
        connect_call(_Sender().fired, lambda: None)


def _owning_callables(tree: ast.AST) -> list[tuple[int, str]]:
    """``x.connect(...)`` / ``QTimer.singleShot(...)`` given a lambda, a partial or a
    function defined inside another function (a closure)."""
    nested: set[str] = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(fn):
                if inner is not fn and isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                    nested.add(inner.name)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in {"connect", "singleShot"}:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Lambda):
                found.append((node.lineno, "lambda"))
            elif isinstance(arg, ast.Call) and ast.unparse(arg.func).endswith("partial"):
                found.append((node.lineno, "partial"))
            elif isinstance(arg, ast.Name) and arg.id in nested:
                found.append((node.lineno, f"closure {arg.id}"))
    return found


def test_no_connection_in_gui_owns_a_closure() -> None:
    """Every signal in gui/ is connected to a bound method, a signal or connect_call."""
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "slots.py":  # the one place that builds weak callables
            continue
        for line, what in _owning_callables(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(GUI)}:{line}: {what}")
    assert offenders == []


def test_the_rule_check_finds_the_pattern_that_crashed() -> None:
    """The check above sees a closure connected to a child's signal (it can fail)."""
    source = textwrap.dedent(
        """
        def _move(self):
            def step(t):
                self.update()
            anim.valueChanged.connect(step)
            anim.finished.connect(lambda: self.done())
            QTimer.singleShot(0, functools.partial(self.go, 1))
        """
    )
    assert [w for _, w in _owning_callables(ast.parse(source))] == [
        "closure step",
        "lambda",
        "partial",
    ]
