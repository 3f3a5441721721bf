"""resources/routine.schema.json agrees with the loader on what a valid routine is.

The schema cannot know the pose library, look at picture files, read {side}/{other}
placeholders, compare ids across the routine or compare gentle_hold with hold, and it
lets NaN through; samples about those are left out of the agreement check (the loader
alone decides them).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from backtimer.core.routine_file.loader import load_routine_text
from backtimer.core.routine_file.safe_yaml import compose, to_plain
from backtimer.resources import builtin_routine_path, resource_path

BASE = """\
format: 1
id: test
name: Test routine
defaults: {hold: 30, prepare: 8, rest: 10, reps: 1}
warmup:
  - id: walk
    name: Walk
    duration: 30
    steps:
      - text: Walk on the spot.
exercises:
  - id: stretch
    name: Stretch
    muscle_group: hamstrings
    sides: both
    first_side: left
    hold: 25
    reps: 2
    steps:
      - text: Lean forward.
        pose: stand
    caution: Stop if it hurts.
"""

#: (id, old, new): one edit of BASE each. Valid ones first.
SAMPLES = [
    ("valid", "", ""),
    ("integral float reps", "reps: 2", "reps: 2.0"),
    ("no sides", "    sides: both\n    first_side: left\n", ""),
    ("format 2", "format: 1", "format: 2"),
    ("format text", "format: 1", "format: '1'"),
    ("missing name", "name: Test routine\n", ""),
    ("unknown top key", "name: Test routine", "name: T\ncolour: red"),
    ("unknown exercise key", "hold: 25", "hodl: 25"),
    ("hold too long", "hold: 25", "hold: 181"),
    ("hold too short", "hold: 25", "hold: 4.5"),
    ("hold bool", "hold: 25", "hold: true"),
    ("hold infinite", "hold: 25", "hold: .inf"),
    ("reps fraction", "reps: 2", "reps: 2.5"),
    ("reps zero", "reps: 2", "reps: 0"),
    ("rest negative", "rest: 10", "rest: -1"),
    ("prepare over", "prepare: 8", "prepare: 121"),
    ("duration over", "duration: 30", "duration: 601"),
    ("bad muscle group", "hamstrings", "hamstring"),
    ("bad sides", "sides: both", "sides: left"),
    ("first side with none", "sides: both", "sides: none"),
    ("bad id", "id: stretch", "id: Stretch"),
    ("empty name", "name: Stretch", "name: ''"),
    ("long text", "Lean forward.", "x" * 1001),
    ("no steps", "steps:\n      - text: Lean forward.\n        pose: stand\n", "steps: []\n"),
    ("bare step", "- text: Lean forward.\n        pose: stand", "- Lean forward."),
    ("no exercises", "exercises:\n", "exercises: []\nx:\n"),
    ("pose and image", "pose: stand", "pose: stand\n        image: a.png"),
    ("image absolute", "pose: stand", "image: /etc/a.png"),
    ("image up", "pose: stand", "image: pics/../../a.png"),
    ("image url", "pose: stand", "image: 'https://x.org/a.png'"),
    ("defaults unknown", "reps: 1}", "reps: 1, hodl: 3}"),
    ("movement without duration", "    duration: 30\n", ""),
]


#: (id, the schedule mapping's contents): a schedule: section added to BASE each.
SCHEDULE_SAMPLES = [
    ("schedule times", 'times: ["08:00", {at: "11:00", exercises: [stretch]}]'),
    ("schedule per day", 'per_day: 3, window: ["08:00", "20:00"], days: [mon]'),
    ("schedule dates", 'times: ["8:00"], start: "2026-01-05", end: "2026-02-01", pain_limit: 3'),
    ("schedule bad time", 'times: ["24:00"]'),
    ("schedule unquoted time", "times: [13:00]"),
    ("schedule bad day", 'times: ["08:00"], days: [monday]'),
    ("schedule both", 'times: ["08:00"], per_day: 2, window: ["08:00", "09:00"]'),
    ("schedule neither", "days: [mon]"),
    ("schedule pain over", 'times: ["08:00"], pain_limit: 11'),
    ("schedule bad date", 'times: ["08:00"], start: "soon"'),
]
SAMPLES += [
    (name, "exercises:\n", f"schedule: {{{body}}}\nexercises:\n") for name, body in SCHEDULE_SAMPLES
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource_path("routine.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(("old", "new"), [s[1:] for s in SAMPLES], ids=[s[0] for s in SAMPLES])
def test_loader_and_schema_agree(
    validator: jsonschema.Draft202012Validator, old: str, new: str
) -> None:
    """A sample is valid for the schema exactly when the loader accepts it."""
    assert old in BASE
    text = BASE.replace(old, new, 1)
    loaded = load_routine_text(text.encode(), file="s.yaml", base_dir=Path("."), known_poses=())
    root, problems = compose(text, file="s.yaml")
    assert root is not None
    assert not problems
    schema_ok = validator.is_valid(to_plain(root))
    assert (loaded.routine is not None) == schema_ok, [p.render() for p in loaded.problems]


def test_builtin_routine_is_valid_for_the_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    """The shipped routine passes the schema it points editors to."""
    text = builtin_routine_path().read_text(encoding="utf-8")
    root, _ = compose(text, file="gentle-back.yaml")
    assert root is not None
    assert list(validator.iter_errors(to_plain(root))) == []
    assert "$schema=../routine.schema.json" in text.splitlines()[0]
