"""Between sessions: the tray, reminders at due times, the plan window, autostart.

``tray`` is the ``backtimer --tray`` process (``tray_app`` starts it); ``notifier``
chooses how a reminder is shown (``freedesktop`` over D-Bus on Linux, else the tray's
own messages); ``session_bus`` is the non-blocking D-Bus connection it uses;
``autostart`` is the login opt-in per platform; ``launcher`` opens the window.
"""
