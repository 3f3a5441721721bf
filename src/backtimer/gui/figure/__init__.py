"""The pose figure: a shaded capsule figure with props, highlighted muscles and arrows.

``projection`` fits a pose's 3-D skeleton (from ``backtimer.core.poses``) into a
rectangle; ``painting`` paints it there; ``thumbnails`` caches pictures of built-in
poses; ``widget`` shows the figure moving from pose to pose (or a user picture);
``render_poses`` is the ``backtimer render-poses`` command. Each builds only on those
before it (an import-linter contract keeps it so). Import from the module that
defines a name; this package re-exports nothing.
"""
