"""Voice stop: a keyword spotter in a killable child process hears "stop" while a session
runs, and the window treats it as PAIN — STOP. Audio never leaves the child."""
