"""The exercise library: ``resources/library/<id>.yaml``, one exercise a file, in a
routine file's exercise syntax plus what a library needs (kind, position, sources)."""
