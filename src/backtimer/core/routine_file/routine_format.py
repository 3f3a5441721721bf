"""What a routine file (format 1) may contain: its keys, and how many and how long.

These are part of the file format: ``resources/routine.schema.json`` describes the same
format; import them from here.
"""

from __future__ import annotations

FORMAT = 1
MAX_EXERCISES = 100
MAX_MOVEMENTS = 100  #: in the warm-up, and again in the cool-down
MAX_STEPS = 20
MAX_TEXT = 1000
MAX_NAME = 100
MAX_ID = 64
MIN_GENTLE_HOLD = 5  #: the shortest gentle_hold a file may ask for (its default: >= 10)

TOP_KEYS = (
    "format",
    "id",
    "name",
    "description",
    "defaults",
    "warmup",
    "exercises",
    "cooldown",
    "schedule",
)
DEFAULTS_KEYS = ("hold", "prepare", "rest", "reps")
EXERCISE_KEYS = (
    "id",
    "name",
    "muscle_group",
    "sides",
    "first_side",
    "hold",
    "gentle_hold",
    "reps",
    "rest",
    "prepare",
    "steps",
    "caution",
)
MOVEMENT_KEYS = ("id", "name", "duration", "steps", "muscle_group", "caution")
STEP_KEYS = ("text", "pose", "image")
SCHEDULE_KEYS = ("times", "per_day", "window", "days", "start", "end", "pain_limit")
SLOT_KEYS = ("at", "exercises")
