"""Sound output: a player process that owns every audio stream, and its client here.

Nothing in the window's process imports QtMultimedia: when the sound server goes away,
Qt's PulseAudio backend can abort its process (``pa_context_get_state`` on a freed
context) and never reconnects. The player process may die; the window does not, and it
starts a new player when a server is back.
"""
