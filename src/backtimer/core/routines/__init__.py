"""The person's routines folder: what it holds, saving a routine and its unsaved draft,
and bringing routines in and out (a .yaml with its pictures, or a .zip)."""
