"""A session: the timeline (routine -> phases), the plan that decides every length, the
engine and its phase machine on an injected clock, cue timings, the words said, stall
detection, events out and the record of what was done. Never imports the history."""
