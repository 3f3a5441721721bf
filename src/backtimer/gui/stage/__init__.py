"""What the person sees of a session: the countdown, the current step, the step list,
the pain panel, the summary and the key list."""
