"""Folding one thread's events, oldest first, through its state machine."""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.ledger.reading import Reading
from detente.ledger.threads import Thread

# Roles of an event in a thread (docs/ledger.md):
MOVED = "moved"  # changed the state
CONFIRMED = "confirmed"  # reported the state the thread is already in, or a move its state machine refuses
CONTEXT = "context"  # mentions the topic without moving it
EXCLUDED = "excluded"  # negated or hypothetical: never moves a state


@dataclass(slots=True)
class Step:
    """One event as it stands in a thread: its role, and the state it claims or the conflict it raises."""

    reading: Reading
    role: str
    state: str = ""
    qualifier: str = ""
    note: str = ""


@dataclass(slots=True)
class Change:
    """A state the thread entered: since when, who moved it, on which event."""

    state: str
    qualifier: str
    since: str | None
    by: str
    reading: Reading


@dataclass
class Conflict:
    """Two sources that cannot both be right: a state reported contrary to the one another source gave."""

    kind: str  # "same period" (contrary states, same date) or "still holds" (a later report says it persists)
    report: Reading
    state: str
    earlier: Reading
    earlier_state: str


@dataclass
class ThreadFold:
    """The state of one thread after folding its events in order; step() folds one more."""

    thread: Thread
    steps: list[Step] = field(default_factory=list)
    history: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    disputed: bool = False
    # the readings that report the current state (the move into it and its confirmations)
    _reporters: list[Reading] = field(default_factory=list)

    @property
    def current(self) -> Change | None:
        """The latest state change, or None while the thread has not moved."""
        return self.history[-1] if self.history else None

    def step(self, reading: Reading) -> None:
        """Fold one event, which must not sort before any event already folded."""
        move = reading.moves.get(self.thread.id)
        if not reading.counted:
            self.steps.append(
                Step(
                    reading,
                    EXCLUDED,
                    move.state if move else "",
                    move.qualifier if move else "",
                    "negated" if reading.event.negated else "hypothetical",
                )
            )
            return
        if move is None:
            self.steps.append(Step(reading, CONTEXT))
            return
        now = self.current
        state = now.state if now else None
        if not move.accepts_from(state):
            self.steps.append(
                Step(
                    reading,
                    CONFIRMED,
                    move.state,
                    move.qualifier,
                    f"no move to {move.state!r} from {state!r}",
                )
            )
            return
        if now is not None and (move.state, move.qualifier) == (now.state, now.qualifier):
            self.steps.append(Step(reading, CONFIRMED, move.state, move.qualifier))
            self._reporters.append(reading)
            return
        conflict = self._conflict(reading, move.state) if state else None
        note = ""
        if conflict is not None:
            self.conflicts.append(conflict)
            note = f"conflicts with {conflict.earlier.event.doc_id} ({conflict.kind})"
        self.disputed = conflict is not None
        self.steps.append(Step(reading, MOVED, move.state, move.qualifier, note))
        self.history.append(Change(move.state, move.qualifier, reading.event.date, reading.by, reading))
        self._reporters = [reading]

    def _conflict(self, reading: Reading, new_state: str) -> Conflict | None:
        """A conflict when another document reported a contrary state for the same date, or the new
        report says its state still holds against what another document reported."""
        current = self.history[-1].state
        if not self.thread.are_contrary(current, new_state):
            return None
        others = [r for r in self._reporters if r.event.doc_id != reading.event.doc_id]
        date = reading.event.date
        same_period = [r for r in others if date and r.event.date == date]
        if same_period:
            return Conflict("same period", reading, new_state, same_period[-1], current)
        if reading.persists and others:
            return Conflict("still holds", reading, new_state, others[-1], current)
        return None
