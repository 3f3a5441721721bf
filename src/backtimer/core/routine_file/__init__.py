"""Routine files: the safe YAML reader, the checks that give located problems, the
format's keys and limits, pictures next to a routine, and the loader that ties them."""
