"""The registry of constructions: each is a small named function that reads a draft event and adds its
decision, run by a short driver in the fixed order `constructions/__init__.py` lists (docs/coding.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from detente.events.context import EventContext
from detente.events.draft import Draft, Step

# A construction returns why it fired, or None when it does not apply (it declined).
Run = Callable[[EventContext, Draft], "str | None"]


@dataclass(frozen=True)
class Construction:
    """A named rule with its one-line summary (the first line of its docstring)."""

    name: str
    run: Run
    summary: str


REGISTRY: dict[str, Construction] = {}


def construction(name: str) -> Callable[[Run], Run]:
    """Register a function as the construction `name`; its docstring says what it does, with an example."""

    def register(run: Run) -> Run:
        if name in REGISTRY:
            raise ValueError(f"construction {name!r} registered twice")
        summary = (run.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        REGISTRY[name] = Construction(name, run, " ".join(summary.split()))
        return run

    return register


def ordered(names: Iterable[str]) -> tuple[Construction, ...]:
    """The registered constructions by name, in the order given."""
    return tuple(REGISTRY[name] for name in names)


def run_constructions(constructions: tuple[Construction, ...], ctx: EventContext, draft: Draft) -> None:
    """Run each construction on the draft in order, tracing what fired and what declined; stop when one
    decides the trigger is no event."""
    for rule in constructions:
        reason = rule.run(ctx, draft)
        draft.trace.append(Step(rule.name, reason is not None, rule.summary if reason is None else reason))
        if draft.stopped:
            return
