"""Every word the tray and its reminders show, in one place (translated at import)."""

from __future__ import annotations

from backtimer.core.i18n import _, pgettext
from backtimer.core.programme.schedule import Weekday

TITLE = _("Time to stretch")
TITLE_LATE = _("A stretching session is waiting")
BODY = _("{routine} at {time}")
BODY_MICRO = _("{routine}: {exercises} at {time}")
BODY_MISSED = _("{routine} at {time}. Sessions missed earlier today: {missed}.")
BODY_SNOOZED = _("{routine}, from {time}, as you asked")

TOOLTIP = _("BackTimer: next {routine} at {time} · today {done} of {planned}")
TOOLTIP_NOTHING = _("BackTimer: nothing more planned · today {done} of {planned}")
MENU_NEXT = _("Next: {routine} at {time}")
MENU_NOTHING = _("Nothing more planned today")
MENU_TODAY = _("Today: {done} of {planned} done")
MENU_START = _("Start now")
MENU_SNOOZE = _("In 10 minutes")
MENU_SKIP = _("Skip")
MENU_AT_LOGIN = _("Start reminders at login")
MENU_CHIME = _("Soft chime with reminders")
MENU_PLAN = _("Plan…")
MENU_QUIT = _("Quit reminders")
ALREADY_RUNNING = _("BackTimer reminders are already running.")
NO_TRAY = _("This desktop has no system tray; reminders come as notifications only.")
BAD_ROUTINE = _("{file} has problems and is not planned; run 'backtimer check {file}'.")

#: Short weekday names: the plan window's day boxes and the report's prescription.
DAY_NAMES = {
    Weekday.MON: pgettext("weekday", "Mon"),
    Weekday.TUE: pgettext("weekday", "Tue"),
    Weekday.WED: pgettext("weekday", "Wed"),
    Weekday.THU: pgettext("weekday", "Thu"),
    Weekday.FRI: pgettext("weekday", "Fri"),
    Weekday.SAT: pgettext("weekday", "Sat"),
    Weekday.SUN: pgettext("weekday", "Sun"),
}
