"""Pain-aware care: the pure rules a careful physiotherapist would want a home programme
to follow (traffic light, where it hurts, the 24-hour rule, one change at a time).

Nothing here imports Qt, the history store or the session engine: callers hand in plain
values and get frozen values back.
"""
