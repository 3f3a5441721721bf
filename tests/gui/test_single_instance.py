"""One window per person and data folder: a later launch hands over and leaves; a socket
left by a killed instance never blocks a start."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backtimer.core.session.record import Outcome
from backtimer.gui.main_window import ROUTINE_WHILE_RUNNING, MainWindow
from backtimer.gui.single_instance import Request, SingleInstance, server_name

from .app_process import EXIT_S, START_S, TINY_ROUTINE, Home, sessions, stop

unix_only = pytest.mark.skipif(os.name != "posix", reason="speaks to a Unix socket")


# ----- the request line ---------------------------------------------------------------


def test_a_request_survives_its_line() -> None:
    """What the later launch writes is what the running window reads."""
    request = Request(Path("/home/me/routines/hips.yaml"), start=True)
    assert Request.from_line(request.to_line()) == request
    assert Request.from_line(Request().to_line()) == Request(None, start=False)


def test_a_relative_routine_is_taken_against_the_senders_folder() -> None:
    """The running window has its own working folder, so the sender makes paths absolute."""
    got = Request.from_arguments(Path("hips.yaml"), False, cwd=Path("/home/me/routines"))
    assert got.routine == Path("/home/me/routines/hips.yaml")
    same = Request.from_arguments(Path("/srv/r.yaml"), True, cwd=Path("/home/me"))
    assert same == Request(Path("/srv/r.yaml"), True)


@pytest.mark.parametrize(
    "line",
    [
        b"hello\n",
        b"[1, 2]\n",
        b'{"routine": "relative.yaml"}\n',
        b'{"start": "yes"}\n',
        b'{"routine": 7}\n',
        b"\xff\xfe\n",
    ],
)
def test_what_is_not_a_request_is_refused(line: bytes) -> None:
    """Garbage, wrong types and relative paths are no request at all."""
    assert Request.from_line(line) is None


def test_each_data_folder_has_its_own_name(tmp_path: Path) -> None:
    """Another --data-dir is another instance; another spelling of one folder is not."""
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a) != server_name(b)
    assert server_name(a) == server_name(tmp_path / "b" / ".." / "a")


# ----- one process's server, a raw socket as the later launch --------------------------


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "r"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def instance(runtime: Path, tmp_path: Path) -> Iterator[SingleInstance]:
    made = SingleInstance(tmp_path / "data")
    yield made
    made.close()
    made.deleteLater()


def _client(instance: SingleInstance) -> socket.socket:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(instance.name)
    client.setblocking(False)
    return client


def _reply(qtbot: QtBot, client: socket.socket) -> bytes:
    """What the server answers until it closes or ends a line (the event loop runs)."""
    got: list[bytes] = []
    closed: list[bool] = []

    def answered() -> bool:
        try:
            chunk = client.recv(100)
        except BlockingIOError:
            return False
        got.append(chunk)
        closed.append(chunk == b"")
        return chunk == b"" or b"".join(got).endswith(b"\n")

    qtbot.waitUntil(answered, timeout=5000)
    return b"".join(got)


@unix_only
def test_the_first_launch_listens(instance: SingleInstance, runtime: Path) -> None:
    """Nobody serves this folder yet: the launch becomes the instance, in the runtime folder."""
    assert instance.hand_over(Request(start=True)) is False
    assert instance.listening
    assert Path(instance.name).parent == runtime


@unix_only
def test_a_later_launch_is_heard_and_answered(qtbot: QtBot, instance: SingleInstance) -> None:
    """A request line arrives as request_received, and the sender gets its "ok"."""
    instance.hand_over(Request())
    wanted = Request(Path("/srv/routines/hips.yaml"), start=True)
    with _client(instance) as client:
        with qtbot.waitSignal(instance.request_received, timeout=5000) as heard:
            client.sendall(wanted.to_line())
        assert heard.args == [wanted]
        assert _reply(qtbot, client) == b"ok\n"


@unix_only
def test_garbage_is_hung_up_on(qtbot: QtBot, instance: SingleInstance) -> None:
    """A connection that sends no request gets no "ok" and no signal."""
    instance.hand_over(Request())
    with _client(instance) as client, qtbot.assertNotEmitted(instance.request_received, wait=100):
        client.sendall(b"let me in\n")
        assert _reply(qtbot, client) == b""


@unix_only
def test_a_dead_socket_is_taken_over(instance: SingleInstance) -> None:
    """A socket file nobody listens on (its process was killed) does not stop a start."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(instance.name)  # bound, never listening, left behind on close
    assert os.path.exists(instance.name)
    assert instance.hand_over(Request()) is False
    assert instance.listening


LATE_LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QLockFile
from backtimer.gui.single_instance import Request, SingleInstance, _lock_path
instance = SingleInstance(Path(sys.argv[1]))
probe = QLockFile(_lock_path(instance.name))
print("lock free" if probe.tryLock(0) else "lock held", flush=True)
if probe.isLocked():
    probe.unlock()
print("handed over" if instance.hand_over(Request(start=True)) else "own window", flush=True)
"""


@unix_only
def test_listening_later_waits_for_listen(instance: SingleInstance) -> None:
    """With listen_later the first launch is not served until listen(); then it is."""
    assert instance.hand_over(Request(), listen_later=True) is False
    assert not instance.listening
    instance.listen()
    assert instance.listening


@unix_only
def test_a_launch_while_the_first_still_starts_hands_over(
    qtbot: QtBot, instance: SingleInstance, tmp_path: Path
) -> None:
    """Between finding nobody and listening (the first window is still being painted) the
    first launch holds the lock: a launch then waits, and hands over once it listens."""
    assert instance.hand_over(Request(), listen_later=True) is False
    late = subprocess.Popen(
        [sys.executable, "-c", LATE_LAUNCH, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert late.stdout is not None
        assert late.stdout.readline().strip() == "lock held"
        with qtbot.waitSignal(instance.request_received, timeout=10000) as heard:
            instance.listen()
        assert heard.args == [Request(start=True)]
        out, _ = late.communicate(timeout=EXIT_S)
        assert out.strip() == "handed over"
        assert late.returncode == 0
    finally:
        if late.poll() is None:
            late.kill()
            late.wait()


# ----- the real program, twice ---------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path)


def _wait_listening(qtbot: QtBot, home: Home, data: Path) -> None:
    qtbot.waitUntil(lambda: home.listening(data), timeout=int(START_S * 1000))


def _ends_cleanly(process: subprocess.Popen[bytes], home: Home) -> None:
    process.send_signal(signal.SIGTERM)
    assert process.wait(EXIT_S) == 0, home.logs()


@unix_only
def test_a_second_launch_hands_over_and_exits(qtbot: QtBot, home: Home, tmp_path: Path) -> None:
    """Launched again with --routine (relative to its own folder) and --start, BackTimer
    exits 0 at once and the running window starts that routine."""
    data = tmp_path / "data"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "tiny.yaml").write_text(TINY_ROUTINE, encoding="utf-8")
    first = home.launch(data)
    try:
        _wait_listening(qtbot, home, data)
        second = home.launch(data, "--routine", "tiny.yaml", "--start", cwd=elsewhere)
        assert second.wait(EXIT_S) == 0, home.logs()
        qtbot.waitUntil(lambda: [s.routine_id for s in sessions(data)] == ["tiny"], timeout=10000)
        assert first.poll() is None, home.logs()
        _ends_cleanly(first, home)
    finally:
        stop(first)


@unix_only
def test_a_window_that_ends_normally_leaves_no_socket(
    qtbot: QtBot, home: Home, tmp_path: Path
) -> None:
    """Quit the usual way (here: the system asks it to stop), BackTimer removes its
    socket and its launch lock: the runtime folder is left as it was found."""
    data = tmp_path / "data"
    before = sorted(p.name for p in home.runtime.iterdir())
    app = home.launch(data)
    try:
        _wait_listening(qtbot, home, data)
        assert os.path.exists(home.socket_path(data))
        _ends_cleanly(app, home)
    finally:
        stop(app)
    assert sorted(p.name for p in home.runtime.iterdir()) == before


@unix_only
def test_a_killed_instance_never_blocks_the_next(qtbot: QtBot, home: Home, tmp_path: Path) -> None:
    """After SIGKILL its socket is left behind; the next launch starts anyway, serves later
    launches, and the killed session reads as interrupted."""
    data = tmp_path / "data"
    first = home.launch(data, "--start")
    try:
        _wait_listening(qtbot, home, data)
        qtbot.waitUntil(lambda: len(sessions(data)) == 1, timeout=10000)
        first.send_signal(signal.SIGKILL)
        first.wait(EXIT_S)
    finally:
        stop(first)
    assert os.path.exists(home.socket_path(data))  # stale: nobody listens on it
    assert not home.listening(data)
    again = home.launch(data, "--start")
    try:
        _wait_listening(qtbot, home, data)
        qtbot.waitUntil(lambda: len(sessions(data)) == 2, timeout=10000)
        assert home.launch(data).wait(EXIT_S) == 0, home.logs()
        assert again.poll() is None, home.logs()
        _ends_cleanly(again, home)
    finally:
        stop(again)
    assert [s.outcome for s in sessions(data)] == [Outcome.INTERRUPTED, Outcome.ENDED_BY_SYSTEM]


@unix_only
def test_another_data_folder_gets_its_own_window(qtbot: QtBot, home: Home, tmp_path: Path) -> None:
    """With --data-dir elsewhere, a launch runs its own window beside the first."""
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    first = home.launch(mine)
    second = None
    try:
        _wait_listening(qtbot, home, mine)
        second = home.launch(theirs, "--start")
        _wait_listening(qtbot, home, theirs)
        qtbot.waitUntil(lambda: len(sessions(theirs)) == 1, timeout=10000)
        assert sessions(mine) == []
        assert second.poll() is None, home.logs()
        assert first.poll() is None, home.logs()
        _ends_cleanly(second, home)
        _ends_cleanly(first, home)
    finally:
        stop(first)
        if second is not None:
            stop(second)


# ----- what the running window does with a request ---------------------------------------


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_ROUTINE, encoding="utf-8")
    return path


def test_the_window_opens_and_starts_what_it_is_handed(window: MainWindow, tiny: Path) -> None:
    """Idle, the window opens the handed routine and starts it hands-free."""
    window.follow_request(Request(tiny, start=True))
    assert window.windowTitle() == "BackTimer — Tiny routine"
    assert window.session is not None
    assert window.session.active
    assert window.session.routine.id == "tiny"


def test_a_running_session_keeps_its_routine(window: MainWindow, tiny: Path) -> None:
    """Mid-session, a handed routine is not opened; the banner says why, the session goes on."""
    window.start_session()
    session = window.session
    window.follow_request(Request(tiny, start=True))
    assert window.session is session
    assert session is not None
    assert session.active
    assert window.windowTitle() == "BackTimer — Gentle back routine"
    assert window.parts.banner.text() == ROUTINE_WHILE_RUNNING
