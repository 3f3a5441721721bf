"""The routine loader: every kind of mistake gives one located, readable problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.routine import Side, Sides
from backtimer.core.routine_file.loader import LoadResult, load_routine, load_routine_text
from backtimer.core.routine_file.problems import Problem

#: A small valid routine. Line numbers below refer to it:
#:  5 "  - id: stretch" (value at column 9), 6-8 exercise keys at column 5 with values at
#:  column 11 (name, hold) or 19 (muscle_group), 10 the step's text at column 15.
BASE = """\
format: 1
id: test
name: Test routine
exercises:
  - id: stretch
    name: Stretch
    muscle_group: hamstrings
    hold: 25
    steps:
      - text: Lean towards your {side} knee.
"""

POSES = frozenset({"stand", "lie-back"})


def load(text: str, base_dir: Path = Path("."), poses: frozenset[str] = POSES) -> LoadResult:
    return load_routine_text(text.encode(), file="r.yaml", base_dir=base_dir, known_poses=poses)


def only_problem(result: LoadResult) -> Problem:
    assert result.routine is None
    assert len(result.problems) == 1, [p.render() for p in result.problems]
    return result.problems[0]


def test_base_routine_loads_with_defaults_applied() -> None:
    """A minimal file loads; unset values come from the defaults and the gentle rule."""
    result = load(BASE)
    assert result.problems == ()
    assert result.routine is not None
    exercise = result.routine.exercises[0]
    assert (exercise.hold, exercise.gentle_hold, exercise.reps) == (25.0, 17.0, 1)
    assert (exercise.rest, exercise.prepare) == (10.0, 8.0)
    assert exercise.sides is Sides.BOTH
    assert exercise.first_side is Side.RIGHT
    assert result.routine.warmup == ()


def test_routine_defaults_reach_exercises() -> None:
    """defaults: sets what exercises without their own value use."""
    text = BASE.replace(
        "name: Test routine\n", "name: T\ndefaults: {prepare: 5, rest: 0, reps: 3}\n"
    )
    routine = load(text).routine
    assert routine is not None
    assert (routine.exercises[0].prepare, routine.exercises[0].rest) == (5.0, 0.0)
    assert routine.exercises[0].reps == 3


EDITS = [
    # (what it shows, old, new, line, column, words the message must contain)
    ("out of range", "hold: 25", "hold: 200", 8, 11, "hold is 200; it must be from 5 to 180"),
    ("text for a number", "hold: 25", "hold: long", 8, 11, "hold must be a number"),
    ("boolean for a number", "hold: 25", "hold: yes", 8, 11, "hold must be a number"),
    ("not a number", "hold: 25", "hold: .nan", 8, 11, "hold must be a finite number"),
    ("infinity", "hold: 25", "hold: .inf", 8, 11, "hold must be a finite number"),
    ("fraction of a rep", "hold: 25", "reps: 2.5", 8, 11, "reps must be a whole number"),
    ("number for text", "name: Stretch", "name: 12", 6, 11, "name must be text"),
    ("empty text", "name: Stretch", "name: '  '", 6, 11, "name is empty"),
    ("long name", "name: Stretch", "name: " + "x" * 101, 6, 11, "101 characters"),
    ("unknown key", "hold: 25", "hodl: 25", 8, 5, "unknown key 'hodl' in an exercise"),
    ("muscle group typo", "hamstrings", "hamstring", 7, 19, "muscle_group cannot be 'hamstring'"),
    ("id form", "id: stretch", "id: My Stretch", 5, 9, "may use only lowercase"),
    ("duplicate key", "hold: 25", "hold: 25\n    hold: 30", 9, 5, "duplicate key 'hold'"),
    ("python tag", "hold: 25", "hold: !!python/object/apply:os.getcwd []", 8, 11, "tag"),
    ("bad sides", "hold: 25", "sides: left", 8, 12, "sides cannot be 'left'"),
    (
        "gentle over hold",
        "hold: 25",
        "hold: 25\n    gentle_hold: 30",
        9,
        18,
        "longer than the hold",
    ),
    ("gentle too short", "hold: 25", "hold: 25\n    gentle_hold: 3", 9, 18, "from 5 to 180"),
    ("bare step", "- text: Lean", "- Lean", 10, 9, "a step must be a mapping"),
    (
        "no steps",
        "steps:\n      - text: Lean towards your {side} knee.",
        "steps: []",
        9,
        12,
        "0 steps",
    ),
    (
        "format 2",
        "format: 1",
        "format: 2",
        1,
        9,
        "unsupported format 2; this BackTimer reads format 1",
    ),
    ("format text", "format: 1", "format: one", 1, 9, "format must be the number 1"),
    ("missing key", "    name: Stretch\n", "", 5, 5, "an exercise is missing 'name'"),
    ("unknown placeholder", "{side} knee", "{knee}", 10, 15, "unknown placeholder {knee}"),
    ("placeholder one-sided", "hold: 25", "sides: none", 10, 15, "{side} is only allowed"),
    (
        "first side one-sided",
        "{side} knee.",
        "knee.\n    sides: none\n    first_side: left",
        12,
        17,
        "first_side",
    ),
    ("unknown pose", "knee.", "knee.\n        pose: stnad", 11, 15, "unknown pose 'stnad'"),
    ("non-text key", "hold: 25", "7: 25", 8, 5, "keys must be words"),
    ("merge key", "hold: 25", "<<: {hold: 25}", 8, 5, "merge keys"),
    ("second document", "knee.\n", "knee.\n---\nformat: 1\n", 11, 1, "one YAML document"),
    ("undefined alias", "hold: 25", "hold: *h", 8, 11, "refers to no anchor"),
    ("syntax", "hold: 25", "hold: [25", 9, 10, "YAML syntax"),
    ("tab indent", "    hold: 25", "\thold: 25", 8, 1, "tab"),
    ("control character", "Stretch", "Str\x07etch", 6, 14, "character YAML does not allow"),
    ("huge integer", "hold: 25", "hold: " + "9" * 5000, 8, 11, "is not a whole number"),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "words"),
    [case[1:] for case in EDITS],
    ids=[case[0] for case in EDITS],
)
def test_each_mistake_is_reported_at_its_place(
    old: str, new: str, line: int, column: int, words: str
) -> None:
    """One mistake gives one problem at its exact line and column, with a fix hint."""
    assert old in BASE
    problem = only_problem(load(BASE.replace(old, new, 1)))
    assert (problem.line, problem.column) == (line, column), problem.render()
    assert words in problem.message
    assert problem.hint
    assert problem.file == "r.yaml"


def test_a_non_list_of_exercises_is_reported_once() -> None:
    """exercises: given a number is one problem at the number."""
    problem = only_problem(load("format: 1\nid: t\nname: T\nexercises: 3\n"))
    assert (problem.line, problem.column) == (4, 12)
    assert "exercises must be a list, not the number 3" in problem.message


def test_unknown_key_hint_suggests_the_near_key() -> None:
    """A misspelt key's hint names the key that was probably meant."""
    problem = only_problem(load(BASE.replace("hold: 25", "hodl: 25")))
    assert problem.hint == "did you mean 'hold'?"


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    """A !!python tag is named in the error and its object is never built."""
    marker = tmp_path / "ran"
    evil = f"!!python/object/apply:os.mkdir ['{marker}']"
    problem = only_problem(load(BASE.replace("name: Stretch", f"name: {evil}")))
    assert "!!python/object/apply:os.mkdir" in problem.message
    assert not marker.exists()


def test_all_mistakes_are_collected_in_order() -> None:
    """Several mistakes are all reported, sorted by line and column."""
    text = BASE.replace("id: test", "id: Test").replace("hold: 25", "hold: 0")
    text = text.replace("hamstrings", "hamstring")
    result = load(text)
    assert [(p.line, p.column) for p in result.problems] == [(2, 5), (7, 19), (8, 11)]


def test_ids_must_be_unique_across_the_routine() -> None:
    """A warm-up movement and an exercise may not share an id; the second is reported."""
    warmup = (
        "warmup:\n  - id: stretch\n    name: Walk\n    duration: 30\n"
        "    steps:\n      - text: Walk.\n"
    )
    problem = only_problem(load(BASE.replace("exercises:\n", warmup + "exercises:\n")))
    assert (problem.line, problem.column) == (11, 9)
    assert "already used at line 5" in problem.message


def test_movement_checks_duration_and_placeholders() -> None:
    """Warm-up items need a duration in range and may not use side placeholders."""
    warmup = (
        "warmup:\n  - id: walk\n    name: Walk\n    duration: 700\n"
        "    steps:\n      - text: Lift your {side} knee.\n"
    )
    result = load(BASE.replace("exercises:\n", warmup + "exercises:\n"))
    assert [(p.line, p.column) for p in result.problems] == [(7, 15), (9, 15)]
    assert "from 5 to 600" in result.problems[0].message


def test_too_many_exercises_and_steps_are_refused() -> None:
    """101 exercises or 21 steps are refused with the allowed count."""
    exercise = BASE[BASE.index("  - id: stretch") :]
    many = "".join(exercise.replace("stretch", f"s{i}") for i in range(101))
    problem = only_problem(load(BASE[: BASE.index("  - id")] + many))
    assert (problem.line, problem.column) == (5, 3)
    assert "101 exercises; 1 to 100 are allowed" in problem.message
    steps = "".join(f"      - text: Step {i}.\n" for i in range(21))
    problem = only_problem(
        load(BASE.replace("      - text: Lean towards your {side} knee.\n", steps))
    )
    assert (problem.line, problem.column) == (10, 7)
    assert "21 steps" in problem.message


def test_text_over_a_thousand_characters_is_refused() -> None:
    """Step text longer than 1000 characters is refused."""
    problem = only_problem(load(BASE.replace("Lean towards", "Lean" + "a" * 1000)))
    assert (problem.line, problem.column) == (10, 15)
    assert "at most 1000" in problem.message


def test_not_utf8_names_the_byte() -> None:
    """A Latin-1 file is refused with the offending byte's offset and place."""
    data = BASE.replace("Stretch", "Étirement").encode("latin-1")
    result = load_routine_text(data, file="r.yaml", base_dir=Path("."), known_poses=POSES)
    problem = only_problem(result)
    offset = data.index("É".encode("latin-1"))
    assert problem.message == f"the file is not UTF-8 at byte {offset}"
    assert (problem.line, problem.column) == (6, 11)


def test_utf8_byte_order_mark_is_accepted() -> None:
    """A UTF-8 file that starts with a byte order mark loads."""
    data = b"\xef\xbb\xbf" + BASE.encode()
    result = load_routine_text(data, file="r.yaml", base_dir=Path("."), known_poses=POSES)
    assert result.problems == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "empty"), ("# only a comment\n", "empty"), ("- a\n- b\n", "must be a mapping")],
    ids=["empty", "comment", "list"],
)
def test_files_without_a_mapping_are_refused(text: str, words: str) -> None:
    """An empty file or a top-level list gives one clear problem."""
    assert words in only_problem(load(text)).message


def test_billion_laughs_is_refused() -> None:
    """Aliases that expand to billions of values are refused, not expanded."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    problem = only_problem(load("\n".join(lines) + "\n"))
    assert "more than 100,000 values" in problem.message
    assert problem.line == 5  # *a3 on a4's line pushes the count past 100,000


def test_deep_nesting_is_refused() -> None:
    """Nesting deeper than 20 levels stops parsing with a located problem."""
    text = "a:\n" + "".join("  " * i + "-\n" for i in range(1, 30))
    problem = only_problem(load(text))
    assert "more than 20 levels" in problem.message
    assert problem.line == 21


def test_deep_flow_nesting_is_refused() -> None:
    """Thousands of nested brackets are refused without a crash."""
    problem = only_problem(load("a: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert problem.line == 1


def test_aliases_within_limits_are_shared() -> None:
    """An anchored step list may be reused by a second exercise."""
    text = BASE.replace("    steps:\n", "    steps: &s\n") + (
        "  - id: two\n    name: Two\n    muscle_group: psoas\n    steps: *s\n"
    )
    routine = load(text).routine
    assert routine is not None
    assert routine.exercises[1].steps == routine.exercises[0].steps


def test_oversized_bytes_are_refused_before_parsing() -> None:
    """More than 1 MiB of text is refused at line 0 without being parsed."""
    data = b"[" * (1024 * 1024 + 1)
    result = load_routine_text(data, file="r.yaml", base_dir=Path("."), known_poses=POSES)
    problem = only_problem(result)
    assert problem.line == 0
    assert "at most 1,048,576" in problem.message


def test_load_routine_refuses_big_missing_and_folder_paths(tmp_path: Path) -> None:
    """Files that cannot be a routine give one whole-file problem each."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (1024 * 1024 + 10))
    assert "at most" in only_problem(load_routine(big)).message
    assert only_problem(load_routine(tmp_path / "nope.yaml")).message == "no such file"
    assert "folder" in only_problem(load_routine(tmp_path)).message


def test_load_routine_reads_a_file_and_names_it(tmp_path: Path) -> None:
    """Problems name the file they were found in; a good file remembers its source."""
    path = tmp_path / "mine.yaml"
    path.write_text(BASE, encoding="utf-8")
    result = load_routine(path, known_poses=())
    assert result.routine is not None
    assert result.routine.source == path
    path.write_text(BASE.replace("hold: 25", "hold: 1"), encoding="utf-8")
    assert only_problem(load_routine(path, known_poses=())).file == str(path)


def test_empty_pose_library_turns_the_pose_check_off() -> None:
    """With no known poses, any well-formed pose name is accepted."""
    text = BASE.replace("knee.", "knee.\n        pose: anything-goes")
    assert load(text, poses=frozenset()).problems == ()


def test_problem_list_is_capped() -> None:
    """A file with hundreds of mistakes lists the first 100 and says how many more."""
    text = BASE + "".join(f"junk{i}: 1\n" for i in range(150))
    problems = load(text).problems
    assert len(problems) == 101
    assert problems[-1].message == "... and 50 more problems"


def test_a_problem_in_an_aliased_value_is_told_once(tmp_path) -> None:
    """An exercise reused through a YAML alias yields each of its complaints once."""
    from backtimer.core.routine_file.loader import load_routine

    path = tmp_path / "alias.yaml"
    path.write_text(
        "format: 1\nid: x\nname: X\nexercises:\n  - &a {id: a}\n  - *a\n", encoding="utf-8"
    )
    problems = load_routine(path).problems
    assert len(problems) == len(set(problems))
    assert [p.message for p in problems].count("an exercise is missing 'name'") == 1
