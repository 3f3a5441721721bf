"""The Qt layer: driver, cues, figures and windows. Depends on core, never the reverse."""
