"""How long sound is gone when the sound server restarts, on a real PulseAudio server.

A private server (its own socket, reached through PULSE_SERVER) is killed and started
again N times while a player process plays beeps. Prints, median and max over the runs:

- kill, then a beep asked for -> the window knows sound is lost (stuck-stream detection);
- server answering again -> player ready (a new player process, sounds reloaded);
- once ready again, a beep asked for -> heard at the sink (the first beep's onset).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cues import Recorder  # noqa: E402
from private_pulse import PulseServer  # noqa: E402


def _onset_of_a_beep(player: object, rec: Recorder, wait_until: Callable[..., float]) -> float:
    wait_until(lambda: rec.has_data)
    asked = time.monotonic()
    player.play("count")  # type: ignore[attr-defined]
    wait_until(lambda: any(o >= asked for o in rec.onsets()), timeout=5)
    return min(o for o in rec.onsets() if o >= asked) - asked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    problem = PulseServer.problem()
    if problem:
        print(f"cannot run: {problem}")
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from backtimer.gui.sound.beeps import EffectPlayer, beep_files
    from backtimer.gui.sound.output import State

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)

    def wait_until(test: Callable[[], bool], timeout: float = 30.0) -> float:
        start = time.monotonic()
        while not test():
            if time.monotonic() - start > timeout:
                raise TimeoutError
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.002)  # a benchmark's own polling, not a test
        return time.monotonic()

    server = PulseServer(Path(tempfile.mkdtemp(prefix="backtimer-pulse-")))
    os.environ["PULSE_SERVER"] = server.address
    server.start()
    wait_until(server.answers)
    player = EffectPlayer(beep_files())
    out = player.output
    wait_until(lambda: out.state is State.READY)
    lost_after: list[float] = []
    ready_after: list[float] = []
    heard_after: list[float] = []
    for _ in range(args.runs):
        server.kill()
        killed = time.monotonic()
        player.play("count")  # the loss shows when a sound is not taken
        lost_after.append(wait_until(lambda: out.state is State.LOST) - killed)
        server.start()
        answered = wait_until(server.answers)
        rec = Recorder()
        rec.start()
        ready_after.append(wait_until(lambda: out.state is not State.LOST) - answered)
        wait_until(lambda: out.state is State.READY)
        ready_after[-1] = time.monotonic() - answered
        heard_after.append(_onset_of_a_beep(player, rec, wait_until))
        rec.stop()
    player.shutdown()
    server.kill()

    def show(name: str, values: list[float]) -> None:
        ms = [v * 1000 for v in values]
        print(f"{name:52s} n={len(ms):2d}  median {statistics.median(ms):7.0f}"
              f"  max {max(ms):7.0f} ms")  # fmt: skip

    show("server killed, beep asked -> sound known lost", lost_after)
    show("server answers again -> player ready", ready_after)
    show("ready again, beep asked -> heard at the sink", heard_after)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
