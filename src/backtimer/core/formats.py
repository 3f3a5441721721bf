"""Dates and decimal numbers as a person reads them, in the language in use.

Month and weekday names are whole translatable strings here rather than ``strftime``'s,
which speaks the C locale's English whatever the language; each date layout is one
translatable pattern with named parts ("{day} {month} {year}"), so German can write
"1. Dez. 2026" and Spanish "1 dic 2026". Decimals take the language's separator
(a comma in German and Spanish). Pure Python, no Qt: the core, the command line, the
window and the PDF report share it.
"""

from __future__ import annotations

import datetime as dt

from backtimer.core.i18n import _, pgettext

MONTHS = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)
#: Short month names (the context tells "May" the short name from "May" the whole one).
MONTHS_SHORT = (
    pgettext("short month", "Jan"),
    pgettext("short month", "Feb"),
    pgettext("short month", "Mar"),
    pgettext("short month", "Apr"),
    pgettext("short month", "May"),
    pgettext("short month", "Jun"),
    pgettext("short month", "Jul"),
    pgettext("short month", "Aug"),
    pgettext("short month", "Sep"),
    pgettext("short month", "Oct"),
    pgettext("short month", "Nov"),
    pgettext("short month", "Dec"),
)
WEEKDAYS = (  # Monday first, as date.weekday() counts
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)
WEEKDAYS_SHORT = (
    pgettext("short weekday", "Mon"),
    pgettext("short weekday", "Tue"),
    pgettext("short weekday", "Wed"),
    pgettext("short weekday", "Thu"),
    pgettext("short weekday", "Fri"),
    pgettext("short weekday", "Sat"),
    pgettext("short weekday", "Sun"),
)

# The layouts: one pattern each, the parts named ({day} is the day of the month).
DAY_MONTH = pgettext("date: 1 Dec", "{day} {month}")
DATE = pgettext("date: 1 Dec 2026", "{day} {month} {year}")
DATE_LONG = pgettext("date: 1 December 2026", "{day} {month} {year}")
WEEKDAY_DATE = pgettext("date: Tue 1 Dec 2026", "{weekday} {day} {month} {year}")
WEEKDAY_DATE_LONG = pgettext("date: Tuesday 1 December 2026", "{weekday} {day} {month} {year}")
MONTH_YEAR = pgettext("date: Dec 2026", "{month} {year}")
DATE_TIME = pgettext("date and time: 1 Dec 2026 14:05", "{date} {time}")
DATE_TIME_LONG = pgettext("date and time: 1 December 2026, 14:05", "{date}, {time}")
DECIMAL_POINT = pgettext("decimal separator", ".")


def _day(day: dt.date) -> str:
    return f"{day.day:02d}"


def day_month(day: dt.date) -> str:
    """ "01 Dec" """
    return DAY_MONTH.format(day=_day(day), month=MONTHS_SHORT[day.month - 1])


def date(day: dt.date) -> str:
    """ "01 Dec 2026" """
    return DATE.format(day=_day(day), month=MONTHS_SHORT[day.month - 1], year=day.year)


def short_date(day: dt.date) -> str:
    """ "01 Dec 26" (a chart's axis)."""
    return DATE.format(
        day=_day(day), month=MONTHS_SHORT[day.month - 1], year=f"{day.year % 100:02d}"
    )


def date_long(day: dt.date) -> str:
    """ "01 December 2026" """
    return DATE_LONG.format(day=_day(day), month=MONTHS[day.month - 1], year=day.year)


def weekday_date(day: dt.date) -> str:
    """ "Tue 01 Dec 2026" """
    return WEEKDAY_DATE.format(
        weekday=WEEKDAYS_SHORT[day.weekday()],
        day=_day(day),
        month=MONTHS_SHORT[day.month - 1],
        year=day.year,
    )


def weekday_date_long(day: dt.date) -> str:
    """ "Tuesday 01 December 2026" """
    return WEEKDAY_DATE_LONG.format(
        weekday=WEEKDAYS[day.weekday()], day=_day(day), month=MONTHS[day.month - 1], year=day.year
    )


def month_year(day: dt.date) -> str:
    """ "Dec 2026" """
    return MONTH_YEAR.format(month=MONTHS_SHORT[day.month - 1], year=day.year)


def clock(moment: dt.datetime | dt.time, seconds: bool = False) -> str:
    """ "14:05" (or "14:05:09"): the 24-hour clock, as in all three languages."""
    return f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"


def date_time(moment: dt.datetime) -> str:
    """ "01 Dec 2026 14:05" """
    return DATE_TIME.format(date=date(moment.date()), time=clock(moment))


def weekday_date_time(moment: dt.datetime) -> str:
    """ "Tue 01 Dec 2026 14:05" """
    return DATE_TIME.format(date=weekday_date(moment.date()), time=clock(moment))


def day_month_time(moment: dt.datetime) -> str:
    """ "01 Dec 14:05" """
    return DATE_TIME.format(date=day_month(moment.date()), time=clock(moment))


def date_time_long(moment: dt.datetime) -> str:
    """ "01 December 2026, 14:05" """
    return DATE_TIME_LONG.format(date=date_long(moment.date()), time=clock(moment))


def decimal(value: float, places: int | None = None) -> str:
    """``value`` with the language's decimal separator: ``places`` digits after it, or
    as short as it goes (``:g``, "2.5", "20") when None."""
    text = f"{value:g}" if places is None else f"{value:.{places}f}"
    return text.replace(".", DECIMAL_POINT)
