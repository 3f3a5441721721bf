"""Pain-aware care in the window: the body map, the red-flag screen, the check-ins, the
care changes and the controller that ties them to the history and the care rules."""
