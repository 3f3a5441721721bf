"""Routine loading speed and memory: ``python bench/check.py [--repeats N]``.

Times ``load_routine`` on the built-in routine and on hostile files (billion laughs,
a file just under 1 MiB, a file just over it, deep nesting in block and flow style,
wide flat lists) and prints the median and max wall time over the repeats and the peak
memory tracemalloc saw during one load. Tests make no timing claims; this script does.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from backtimer.core.routine_file.loader import MAX_FILE_BYTES, load_routine
from backtimer.resources import builtin_routine_path


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def near_one_mib() -> str:
    """A plausible routine padded with comments to just under the size limit."""
    text = builtin_routine_path().read_text(encoding="utf-8")
    line = "# " + "x" * 97 + "\n"
    return text + line * ((MAX_FILE_BYTES - len(text)) // len(line))


def flat_list() -> str:
    """Just under 1 MiB of a flat list: more values than the node limit allows."""
    return "exercises: [" + ",".join(["1"] * (MAX_FILE_BYTES // 2 - 20)) + "]\n"


HOSTILE: dict[str, Callable[[], str | bytes]] = {
    "billion laughs": billion_laughs,
    "1 MiB of comments": near_one_mib,
    "over 1 MiB": lambda: "#" * (MAX_FILE_BYTES + 1),
    "flat list, 500k values": flat_list,
    "deep block nesting": lambda: "a:\n" + "".join(" " * i + "-\n" for i in range(1, 1000)),
    "deep flow nesting": lambda: "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "10k keys": lambda: "".join(f"k{i}: {i}\n" for i in range(10_000)),
}


def measure(path: Path, repeats: int) -> tuple[float, float, int, int]:
    """Median and max seconds over ``repeats`` loads, peak bytes of one, problem count."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = load_routine(path)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    load_routine(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), max(times), peak, len(result.problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    cases: dict[str, Path] = {"built-in routine": builtin_routine_path()}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in HOSTILE.items():
            content = make()
            path = Path(tmp) / (name.replace(" ", "-").replace(",", "") + ".yaml")
            path.write_bytes(content if isinstance(content, bytes) else content.encode())
            cases[name] = path
        print(f"{'file':<24}{'size':>10}{'median ms':>11}{'max ms':>9}{'peak KiB':>10}  problems")
        for name, path in cases.items():
            median, worst, peak, problems = measure(path, args.repeats)
            size = path.stat().st_size
            print(
                f"{name:<24}{size:>10,}{median * 1000:>11.1f}{worst * 1000:>9.1f}"
                f"{peak / 1024:>10,.0f}  {problems}"
            )


if __name__ == "__main__":
    main()
