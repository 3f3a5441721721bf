"""Random damage to the built-in routine never crashes the loader.

Whatever the edit, the result is either a routine with no problems, or no routine and
at least one located Problem — and never the last-resort "BackTimer failed" problem.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.core.routine_file.loader import LoadResult, load_routine_text
from backtimer.core.routine_file.problems import Problem
from backtimer.resources import builtin_routine_path
from tests.core.line_edits import edited_lines

ORIGINAL = builtin_routine_path().read_bytes()
LINES = ORIGINAL.decode("utf-8").splitlines(keepends=True)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalar_text = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**6), 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["~", "yes", "[", "{", "&a", "*a", "!!python/object:os.system", "'", "- x"]),
)


def load(data: bytes) -> LoadResult:
    return load_routine_text(data, file="edited.yaml", base_dir=Path("/nonexistent"))


def assert_sane(result: LoadResult) -> None:
    if result.routine is not None:
        assert result.problems == ()
        return
    assert result.problems
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 0
        assert problem.column >= 0
        assert problem.message
        assert "BackTimer failed" not in problem.message, problem.render()
    assert list(result.problems) == sorted(result.problems)


@SETTINGS
@given(st.data())
def test_line_edits_never_crash(data: st.DataObject) -> None:
    """Deleting, duplicating or swapping lines gives a routine or located problems."""
    lines = edited_lines(data, LINES)
    assert_sane(load("".join(lines).encode()))


@SETTINGS
@given(st.data())
def test_scalar_replacements_never_crash(data: st.DataObject) -> None:
    """Replacing values after 'key:' with random text or numbers never crashes."""
    lines = list(LINES)
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        head, colon, _rest = lines[i].partition(": ")
        if colon:
            lines[i] = head + colon + data.draw(scalar_text) + "\n"
    assert_sane(load("".join(lines).encode("utf-8", "surrogatepass")))


@SETTINGS
@given(st.integers(0, len(ORIGINAL)), st.binary(max_size=8))
def test_truncation_and_byte_noise_never_crash(cut: int, noise: bytes) -> None:
    """Cutting the file short and appending random bytes never crashes."""
    assert_sane(load(ORIGINAL[:cut] + noise))


def test_unmodified_original_loads() -> None:
    """The property tests start from a file that is itself valid."""
    assert load(ORIGINAL).routine is not None
