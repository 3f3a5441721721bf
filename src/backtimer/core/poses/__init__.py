"""Joint-angle figures, in plain Python: the body, a pose, its 3-D skeleton, moves between
poses, and the pose files.

The modules build on each other in one direction (an import-linter contract keeps it so):
``vectors`` and ``body`` (measurements) under ``props`` under ``pose`` (the value) under
``skeleton`` (forward kinematics) under ``motion`` (interpolation, mirroring) and
``loader`` (pose files) under ``library`` (the built-in poses). Import from the module
that defines a name; this package re-exports nothing.
"""
