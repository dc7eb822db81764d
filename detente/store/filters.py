"""Which stored events to read: one filter type for Store reads, GET /events and `detente query`."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from detente.errors import Errors, StoreError
from detente.model import PLOVER_TYPES
from detente.schema import date_period

_CODE = re.compile(r"^[A-Za-z0-9_-]{2,16}$")


def period_bounds(value: str | date | None, name: str) -> tuple[date, date] | None:
    """First and last day of a partial date ("2012", "2012-03", "2012-03-02"); None for None or ''."""
    try:
        return date_period(value)
    except ValueError:
        raise StoreError(Errors.E135.format(value=value, name=name)) from None


def _code(value: str) -> str:
    if not isinstance(value, str) or not _CODE.match(value.strip()):
        raise StoreError(Errors.E142.format(value=value))
    return value.strip().upper()


@dataclass(frozen=True)
class EventFilter:
    """Events for which every filter given holds; codes and types are case-insensitive (docs/store.md).

    Building one checks and normalises every value, so an invalid filter never reaches a query:
    E142 for a code, E146 for a type or pair, E135 for a date.
    """

    actor: str | None = None  # any of the event's actors has this code
    recipient: str | None = None  # any of its recipients has this code
    type: str | None = None  # its PLOVER type
    since: str | date | None = None  # its date's period starts on or after the first day of this one
    until: str | date | None = None  # ... and on or before the last day of this one
    pair: tuple[str, str] | None = None  # between these two codes, either way, or both acting together
    doc_id: str | None = None  # from this article

    def __post_init__(self) -> None:
        clean = {f.name: (None if getattr(self, f.name) == "" else getattr(self, f.name)) for f in fields(self)}
        for name in ("actor", "recipient"):
            if clean[name] is not None:
                clean[name] = _code(clean[name])
        if clean["type"] is not None:
            kind = str(clean["type"]).strip().upper()
            if kind not in PLOVER_TYPES:
                reason = f"{clean['type']!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})"
                raise StoreError(Errors.E146.format(name="type", reason=reason))
            clean["type"] = kind
        for name in ("since", "until"):
            period_bounds(clean[name], name)
        if clean["pair"] is not None:
            clean["pair"] = _pair(clean["pair"])
        for name, value in clean.items():
            object.__setattr__(self, name, value)

    @classmethod
    def of(cls, where: EventFilter | None = None, **filters: Any) -> EventFilter:
        """A filter from keyword filters, on top of where when given."""
        if where is None:
            return cls(**filters)
        return replace(where, **filters) if filters else where

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return all(getattr(self, f.name) is None for f in fields(self))

    def sql(self) -> tuple[str, list]:
        """' WHERE ...' over the events table (or '' for no filter), and its parameters."""
        clauses, params = [], []
        if self.actor:
            clauses.append("list_contains(actor_codes, ?)")
            params.append(self.actor)
        if self.recipient:
            clauses.append("list_contains(recipient_codes, ?)")
            params.append(self.recipient)
        if self.type:
            clauses.append("event = ?")
            params.append(self.type)
        if (bounds := period_bounds(self.since, "since")) is not None:
            clauses.append("date_start >= ?")
            params.append(bounds[0])
        if (bounds := period_bounds(self.until, "until")) is not None:
            clauses.append("date_start <= ?")
            params.append(bounds[1])
        if self.pair:
            a, b = self.pair
            # either direction, or both as joint actors ("the two sides struck a deal")
            clauses.append(
                "(event_key IN (SELECT event_key FROM dyads WHERE (actor_code = ? AND recipient_code = ?)"
                " OR (actor_code = ? AND recipient_code = ?))"
                " OR (list_contains(actor_codes, ?) AND list_contains(actor_codes, ?)))"
            )
            params.extend([a, b, b, a, a, b])
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _pair(value: Any) -> tuple[str, str]:
    """Two codes from 'A,B' or a sequence of two."""
    parts = value.split(",") if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
    if len(parts) != 2:
        raise StoreError(Errors.E146.format(name="pair", reason="expected two codes as A,B"))
    return _code(parts[0]), _code(parts[1])
