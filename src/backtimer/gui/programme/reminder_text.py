"""What a reminder says: its title and body, from the plan and the routines' names."""

from __future__ import annotations

from collections.abc import Sequence

from backtimer.core.history.shown_names import routine_name
from backtimer.core.programme.plan import Plan
from backtimer.core.programme.reminders import Reminder
from backtimer.core.programme.schedule import format_time
from backtimer.core.routine import Routine
from backtimer.gui.programme import texts
from backtimer.gui.programme.notifier import Notice


def reminder_notice(reminder: Reminder, plan: Plan, routines: Sequence[Routine]) -> Notice:
    """The notice for ``reminder``; its key names the due (date/entry/slot)."""
    due = reminder.due
    entry = plan.entries[due.entry]
    slot = entry.schedule.slots[due.slot]
    time = format_time(slot.at)
    known = {e.id: e.name for r in routines if r.id == entry.routine_id for e in r.exercises}
    names = ", ".join(known.get(i, i) for i in slot.exercises)
    routine = routine_name(entry.routine_id, entry.routine_name)  # in today's language
    if reminder.snoozed:
        body = texts.BODY_SNOOZED.format(routine=routine, time=time)
    elif reminder.missed:
        body = texts.BODY_MISSED.format(routine=routine, time=time, missed=reminder.missed)
    elif names:
        body = texts.BODY_MICRO.format(routine=routine, exercises=names, time=time)
    else:
        body = texts.BODY.format(routine=routine, time=time)
    title = texts.TITLE_LATE if reminder.late else texts.TITLE
    return Notice(f"{due.day.isoformat()}/{due.entry}/{due.slot}", title, body)
