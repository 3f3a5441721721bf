"""A session's plan: every phase in order with the length it will run, decided here alone.

:func:`plan_session` is the plan before a session starts (what the idle window shows);
:class:`Plan` is the same plan as an engine keeps it while the session runs. Every input
that changes a length reaches it as a value — gentle mode, the hold adjustment (±5 s),
how long the words said at a phase's start last, a re-plan after a jump or "continue
gentler" — and it re-times the phases still to come at that moment, never on entering a
phase. Whatever shows, says or stores a length reads it from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from backtimer.core.routine import Routine
from backtimer.core.session.replan import gentler_tail, warmup_tail
from backtimer.core.session.retime import (
    SPOKEN_KINDS,
    SPOKEN_MARGIN,
    SPOKEN_MAX,
    SpokenSeconds,
    clamp_hold_delta,
    fit_words,
    gentle_ids,
    retime,
    speech_key,
    stretch_hold,
)
from backtimer.core.session.timeline import (
    LEAD_IN_SECONDS,
    Phase,
    PhaseKind,
    build_phases,
    phases_from_exercise,
)

NOTHING_SPOKEN: SpokenSeconds = MappingProxyType({})


def plan_session(
    routine: Routine,
    *,
    lead_in: float = LEAD_IN_SECONDS,
    gentle: frozenset[str] = frozenset(),
    spoken: SpokenSeconds = NOTHING_SPOKEN,
) -> tuple[Phase, ...]:
    """The whole session as planned before it starts, ending with a zero-length DONE phase.

    ``gentle`` names exercises that start gentle (adaptive start after recent pain);
    ``spoken`` lengthens phases for their words. A :class:`Plan` starts from exactly this.
    """
    phases = build_phases(routine, lead_in=lead_in, gentle=gentle)
    return tuple(fit_words(p, spoken) for p in phases)


class Plan:
    """The phases of one running session, re-timed when an input changes.

    Methods that change the plan take ``index``, the phase under way: phases up to it are
    never re-timed (what is done stays as it was; the one under way keeps its length
    unless a method says otherwise), and every phase after it is timed by the inputs as
    they now stand.
    """

    def __init__(
        self, routine: Routine, *, lead_in: float = LEAD_IN_SECONDS, gentle: frozenset[str]
    ) -> None:
        self.routine = routine
        self._named = frozenset(gentle)  #: exercises that start gentle (recent pain)
        self._session_gentle = False
        self._hold_delta = 0.0
        self._spoken: SpokenSeconds = NOTHING_SPOKEN
        self._phases = list(plan_session(routine, lead_in=lead_in, gentle=gentle))

    # -- reading -----------------------------------------------------------------------

    @property
    def phases(self) -> tuple[Phase, ...]:
        return tuple(self._phases)

    def __len__(self) -> int:
        return len(self._phases)

    def __getitem__(self, index: int) -> Phase:
        return self._phases[index]

    @property
    def gentle(self) -> bool:
        """Gentle mode for the rest of the session is on."""
        return self._session_gentle

    @property
    def hold_delta(self) -> float:
        return self._hold_delta

    def total(self) -> float:
        return sum(p.seconds for p in self._phases)

    def spoken_seconds(self, phase: Phase) -> float:
        """How long ``phase``'s opening words last, as last told (0.0: none, or unknown)."""
        if phase.kind not in SPOKEN_KINDS:
            return 0.0
        return self._spoken.get(speech_key(phase), 0.0)

    def after(self, index: int) -> float:
        """Planned seconds of every phase after ``index``."""
        return sum(p.seconds for p in self._phases[index + 1 :])

    # -- inputs ------------------------------------------------------------------------

    def set_spoken(self, spoken: SpokenSeconds, index: int) -> None:
        """How long the words at phases' starts last (a copy is kept): phases of the
        spoken kinds after ``index`` grow to fit them, up to a limit; nothing shrinks."""
        self._spoken = MappingProxyType(dict(spoken))
        self._retime_from(index + 1)

    def hold_delta_after(self, change: float) -> float:
        """The hold adjustment asking for ``change`` would give (see ``clamp_hold_delta``)."""
        return clamp_hold_delta(self.routine, self._hold_delta, change)

    def set_hold_delta(self, delta: float, index: int, elapsed: float | None) -> None:
        """Every hold after ``index`` re-timed for ``delta``; with ``elapsed`` (a hold is
        under way at ``index``, this many seconds in) that hold too, never shorter than
        it has lasted."""
        self._hold_delta = delta
        self._retime_from(index + 1)
        cur = self._phases[index]
        if elapsed is not None and cur.kind is PhaseKind.HOLD:
            self._phases[index] = stretch_hold(cur, self.routine, hold_delta=delta, elapsed=elapsed)

    def room_to_say_again(self, index: int, elapsed: float) -> float:
        """The phase under way, frozen ``elapsed`` seconds in while its opening words were
        being said, made long enough to say them again from there (plus a breath, up to
        the limit); returns how long they last, or 0.0 (nothing was cut off)."""
        cur = self._phases[index]
        spoken = self.spoken_seconds(cur)
        if not spoken or elapsed >= spoken:
            return 0.0
        wanted = elapsed + min(spoken + SPOKEN_MARGIN, SPOKEN_MAX)
        if wanted > cur.seconds:
            self._phases[index] = replace(cur, seconds=wanted)
        return spoken

    # -- re-planning after a move ------------------------------------------------------

    def replan_from_exercise(self, index: int, exercise_index: int) -> None:
        """After ``index``: exercise ``exercise_index`` afresh and everything after it."""
        tail = phases_from_exercise(
            self.routine, exercise_index, gentle=self._gentle_set(), hold_delta=self._hold_delta
        )
        self._replace_after(index, tail)

    def replan_warmup(self, index: int) -> None:
        """After ``index``: the warm-up and the whole session again."""
        tail = warmup_tail(self.routine, gentle=self._gentle_set(), hold_delta=self._hold_delta)
        self._replace_after(index, tail)

    def continue_gentler(self, index: int) -> None:
        """Gentle mode on, and after ``index`` the interrupted side again with the gentle
        hold (this exercise cut to the rep under way), then the rest gentle."""
        self._session_gentle = True
        tail = gentler_tail(
            self.routine,
            self._phases,
            index,
            gentle=self._gentle_set(),
            hold_delta=self._hold_delta,
        )
        self._replace_after(index, tail)

    def replan_back(self, index: int) -> None:
        """Phase ``index`` and all after it are to come again (going back): each timed by
        the inputs as they now stand."""
        self._retime_from(index)

    # -- the machinery -----------------------------------------------------------------

    def _gentle_set(self) -> frozenset[str]:
        return gentle_ids(self.routine, session_gentle=self._session_gentle, named=self._named)

    def _retime(self, phase: Phase) -> Phase:
        return retime(
            phase,
            self.routine,
            gentle=self._gentle_set(),
            hold_delta=self._hold_delta,
            spoken=self._spoken,
        )

    def _retime_from(self, first: int) -> None:
        for i in range(first, len(self._phases)):
            self._phases[i] = self._retime(self._phases[i])

    def _replace_after(self, index: int, tail: Sequence[Phase]) -> None:
        self._phases[index + 1 :] = [self._retime(p) for p in tail]
