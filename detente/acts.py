"""One event per act: the lead, a quote and a recap of the same act in one article become one event.

News tells an act several times: "Russia offered on Friday to restore ties with Georgia" in the lead, the
minister's words in a quote, "Moscow's offer" in a recap. Coded one by one they are three events, and the
ledger and the dashboard would count the act three times. Mentions are one act when they agree on what was
done, by whom and to whom (type, mode, actors and recipients, and whether it happened), their dates do not
contradict each other, and they use the same word for the act, unless the later one is a recap: a noun
naming a recipient and no time of its own ("the expulsion" after "expelled on Tuesday"). A mention dated only by the
article's publication day, because its sentence names no time, contradicts no date, except that a
statement made again in the same words is a new statement when its day differs. Two mentions with their
own dates that do not overlap ("on Monday", "on Friday") are two acts. The event keeps the first mention's
sentence and trigger, the most precise date any mention gives in its own words, and every mention, in text
order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from detente.model import Entity, Event
from detente.schema import date_period

_PRECISION = {"day": 4, "week": 3, "month": 2, "year": 1, "none": 0}


@dataclass(frozen=True)
class Told:
    """A coded mention, and whether its date comes from its own words ("on Friday", "in 2008") rather than
    from the article's publication day or none at all."""

    event: Event
    dated_in_words: bool
    lemma: str = ""  # the trigger's lemma: mentions in other words are one act only as a recap
    noun: bool = False  # the trigger is a noun ("the expulsion", "Moscow's offer")


def act_key(event: Event) -> tuple:
    """What two mentions of one act share: type, mode, actors, recipients and the flags that say whether
    (and how) it happened."""
    return (
        event.event,
        event.mode,
        frozenset(e.code for e in event.actor),
        frozenset(e.code for e in event.recipient),
        event.negated,
        event.hypothetical,
        event.future,
        event.background,
    )


def one_event_per_act(told: Sequence[Told]) -> list[Event]:
    """The article's events with each act's mentions merged into one event, in the order of first mentions."""
    groups: dict[tuple, list[list[Told]]] = {}
    order: list[list[Told]] = []
    for item in told:
        acts = groups.setdefault(act_key(item.event), [])
        act = next((a for a in acts if all(_one_act(item, other) for other in a)), None)
        if act is None:
            act = []
            acts.append(act)
            order.append(act)
        act.append(item)
    return [_merged(act) for act in order]


def _one_act(one: Told, other: Told) -> bool:
    """Two mentions with the same key are one act when their dates agree and they use the same word for it
    ("expelled", "expelled"), or when the later one is a recap: a noun with no time of its own, naming a
    recipient ("the expulsion"). "Kenya ignored the ruling" and "Kenya denied the report" are two refusals; "banned
    imports in 2020" and "imposed sanctions in 2020" two sanctions."""
    same_word = one.lemma == other.lemma
    if not same_word and not (one.event.recipient and (_recap(one, other) or _recap(other, one))):
        return False
    # A statement is often made again in the same words: "demanded" today is not "demanded" last week.
    return _dates_agree(one, other, strict=same_word and one.event.quad.startswith("verbal"))


def _recap(mention: Told, of: Told) -> bool:
    """A noun with no time of its own that names the act told before: "the expulsion", "Moscow's offer"."""
    return mention.noun and not mention.dated_in_words and of.event.sentence_index < mention.event.sentence_index


def _dates_agree(one: Told, other: Told, strict: bool) -> bool:
    """Dates agree when they overlap; unless strict, a date that is only the publication day agrees with any."""
    if not one.event.date or not other.event.date:
        return True
    if not strict and not (one.dated_in_words and other.dated_in_words):
        return True
    first, second = _period(one.event), _period(other.event)
    return first[0] <= second[1] and second[0] <= first[1]


def _period(event: Event) -> tuple[date, date]:
    """The first and last day of an event's date; a week's date is its Monday."""
    start, end = date_period(event.date)
    return (start, start + timedelta(days=6)) if event.date_precision == "week" else (start, end)


# The most precise place of an act's mentions is its place; among equals, the first told.
_PLACE_PRECISION = {"city": 3, "adm1": 2, "country": 1, "none": 0}


def _merged(act: list[Told]) -> Event:
    first = act[0].event
    if len(act) == 1:
        return first  # told once: its own mention, which the record already holds
    mentions = [m for t in act for m in t.event.mentions]
    dated = [t.event for t in act if t.dated_in_words and t.event.date]
    when = max(dated, key=lambda e: _PRECISION.get(e.date_precision, 0)) if dated else first
    return first.model_copy(
        update={
            "date": when.date,
            "date_precision": when.date_precision,
            "historical": when.historical,
            "actor": _entities(t.event.actor for t in act),
            "recipient": _entities(t.event.recipient for t in act),
            "context": list(dict.fromkeys(c for t in act for c in t.event.context)),
            "object": next((t.event.object for t in act if t.event.object), ""),
            "location": next((t.event.location for t in act if t.event.location), ""),
            "place": max((t.event.place for t in act), key=lambda p: _PLACE_PRECISION[p.precision]),
            "mentions": mentions,
        }
    )


def _entities(sides) -> list[Entity]:
    """Each (code, sector) the mentions name, once, as first named; a bare state gives way to the same state
    named with a sector ("Turkey", then "the Turkish army": the army)."""
    seen: dict[tuple[str, str], Entity] = {}
    for side in sides:
        for entity in side:
            seen.setdefault((entity.code, entity.sector), entity)
    sectored = {code for code, sector in seen if sector}
    return [e for (code, sector), e in seen.items() if sector or code not in sectored]
