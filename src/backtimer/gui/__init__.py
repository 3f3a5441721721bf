"""The Qt layer: driver, cues, figures and windows. Depends on core, never the reverse."""

from backtimer.gui import import_scan

# First, before any other Qt module: every import after this one is checked by PySide6,
# and without this each module's whole source stays in memory (see import_scan).
import_scan.install()
