"""The history on screen and on paper: the History and Goals windows, their charts, the
PDF report for a clinician, and the goals line under the routine's name."""
