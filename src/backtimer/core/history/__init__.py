"""The history: what was done, kept in one SQLite file, and what is drawn from it.

``store.HistoryStore`` is the one class callers use: the writes (``writes``) and queries
(``queries``, returning the values in ``rows``) over the connection ``opening`` opened
and migrated (``migrations`` holds the schema). ``faults`` says what went wrong when the
file could not be used; ``export`` writes CSV and JSON; ``stats`` and ``goals`` compute
figures and goal progress from what the store reads. Nothing here imports Qt, and the
session core (engine, timeline, cues) never imports this package.
"""
