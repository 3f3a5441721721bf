"""The programme: prescribed sessions through the day and how well they are kept.

``schedule`` is the prescription's model (times of day, days, dates, pain limit,
micro-sessions); ``due`` turns a plan into due times in local wall-clock time
(zoneinfo: daylight saving, time zones); ``reminders`` decides what to remind of, and
when to wake next, on an injected wall clock (suspend, clock set forward or back);
``plan`` is the person's own plan and ``adherence`` counts done against prescribed.
``codec`` turns a schedule into the JSON kept with the history. Nothing here imports Qt.
"""
