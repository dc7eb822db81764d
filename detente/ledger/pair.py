"""The ledger of one country pair: thread states with their sources, and the cooperation-conflict line."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from detente.errors import Errors, InputError
from detente.ledger.countries import country_name
from detente.ledger.fold import Change, Conflict, Step, ThreadFold
from detente.ledger.reading import Reading, read_event
from detente.ledger.threads import ThreadBook, default_threads
from detente.memory import collector_paused
from detente.model import Event
from detente.places.region import Region

_AS_OF = re.compile(r"\d{4}-\d{2}-\d{2}")


def _starts_by(date: str | None, as_of: str) -> bool:
    """Whether a period ("2008", "2008-08", "2008-08-12") starts on or before a day."""
    if not date:
        return False
    start = {4: date + "-01-01", 7: date + "-01"}.get(len(date), date)
    return start <= as_of


class Ledger:
    """The relations of countries a and b, folded incrementally from events: add() one, read at any time."""

    def __init__(
        self,
        a: str,
        b: str,
        *,
        as_of: str | None = None,
        book: ThreadBook | None = None,
        region: Region | None = None,
    ) -> None:
        if a == b:
            raise InputError(Errors.E113.format(code=a))
        if as_of is not None and not _AS_OF.fullmatch(as_of):
            raise InputError(Errors.E005.format(value=as_of))
        self.a, self.b, self.as_of, self.region = a, b, as_of, region
        self.book = book or default_threads()
        self._entries: dict[str, list[Reading]] = {t.id: [] for t in self.book.threads}
        self._folds: dict[str, ThreadFold] = {t.id: ThreadFold(t) for t in self.book.threads}
        self._stale: set[str] = set()
        # direction -> bucket ("2008-08", year-only "2008", "undated") -> [count, sum in thousandths]
        self._scores: dict[str, dict[str, list[int]]] = {f"{a}->{b}": {}, f"{b}->{a}": {}}
        self.counts: dict[str, int] = {f"{a}->{b}": 0, f"{b}->{a}": 0, "joint": 0}
        self.excluded = 0  # negated or hypothetical events of the pair

    def add(self, event: Event) -> bool:
        """Fold one event in; True when it is between the pair, not after as_of and in the region. Order does not
        matter."""
        if not self.admits(event):
            return False
        reading = read_event(event, self.a, self.b, self.book)
        if reading is None:
            return False
        self._fold(reading)
        return True

    def admits(self, event: Event) -> bool:
        """Whether an event is within as_of and the region (whoever its actors)."""
        if self.as_of is not None and not _starts_by(event.date, self.as_of):
            return False
        return self.region is None or self.region.contains(event.place)

    def add_all(self, events: Iterable[Event]) -> int:
        """Fold many events in, one by one in the order given; the number between the pair."""
        with collector_paused():
            return sum(self.add(event) for event in events)

    def _fold(self, reading: Reading) -> None:
        self.counts[reading.direction] += 1
        if not reading.counted:
            self.excluded += 1
        else:
            self._score(reading)
        for thread_id in {*reading.moves, *reading.context}:
            entries = self._entries[thread_id]
            if not entries or entries[-1].key <= reading.key:
                entries.append(reading)
                if thread_id not in self._stale:
                    self._folds[thread_id].step(reading)
            else:
                # an older event arrived late (a historical mention): refold this thread only, when read
                bisect.insort(entries, reading, key=lambda r: r.key)
                self._stale.add(thread_id)

    def _score(self, reading: Reading) -> None:
        date = reading.event.date
        bucket = "undated" if not date else date if len(date) == 4 else date[:7]
        directions = list(self._scores) if reading.direction == "joint" else [reading.direction]
        for direction in directions:
            cell = self._scores[direction].setdefault(bucket, [0, 0])
            cell[0] += 1
            cell[1] += reading.milli_intensity

    def fold(self, thread_id: str) -> ThreadFold:
        """The folded state of one thread."""
        if thread_id in self._stale:
            fold = ThreadFold(self.book.thread(thread_id))
            for reading in self._entries[thread_id]:
                fold.step(reading)
            self._folds[thread_id] = fold
            self._stale.discard(thread_id)
        return self._folds[thread_id]

    def monthly(self) -> dict[str, dict[str, list[dict]]]:
        """Per direction: "months" (YYYY-MM), "year_only" (events dated to a year) and "undated" scores."""
        out: dict[str, dict[str, list[dict]]] = {}
        for direction, cells in self._scores.items():
            parts: dict[str, list[dict]] = {"months": [], "year_only": [], "undated": []}
            for bucket in sorted(cells):
                count, milli = cells[bucket]
                part = "undated" if bucket == "undated" else "year_only" if len(bucket) == 4 else "months"
                row = {
                    "period": bucket,
                    "count": count,
                    "sum": milli / 1000,
                    "mean": round(milli / count / 1000, 3),
                }
                parts[part].append(row)
            out[direction] = parts
        return out

    def to_dict(self) -> dict:
        """The documented JSON form (docs/ledger.md), also the body of GET /relations/{a}/{b}."""
        with collector_paused():
            return self._to_dict()

    def _to_dict(self) -> dict:
        return {
            "pair": [self.a, self.b],
            "names": {self.a: country_name(self.a), self.b: country_name(self.b)},
            "as_of": self.as_of,
            "region": self.region.to_dict() if self.region is not None else None,
            "events": sum(self.counts.values()),
            "by_direction": dict(self.counts),
            "excluded": self.excluded,
            "threads": [_thread_dict(self.fold(t.id)) for t in self.book.threads],
            "monthly": self.monthly(),
        }

    def render_text(self, width: int = 100) -> str:
        """The ledger as text for a terminal `width` columns wide, threads first, then the monthly line."""
        from detente.ledger.render import render_text

        return render_text(self.to_dict(), width)


def build_ledger(
    events: Iterable[Event],
    a: str,
    b: str,
    *,
    as_of: str | None = None,
    book: ThreadBook | None = None,
    region: Region | None = None,
) -> Ledger:
    """The ledger of countries a and b from events in any order (the same events give the same ledger), those
    of a region only when one is given (detente.places.region: near a place, or in an ADM1)."""
    ledger = Ledger(a, b, as_of=as_of, book=book, region=region)
    with collector_paused():
        readings = []
        for event in events:
            if not ledger.admits(event):
                continue
            reading = read_event(event, a, b, ledger.book)
            if reading is not None:
                readings.append(reading)
        # sorted first so every thread folds by appending, never by refolding
        readings.sort(key=lambda r: r.key)
        for reading in readings:
            ledger._fold(reading)
    return ledger


def event_dict(reading: Reading) -> dict:
    """One event with its provenance, as in the ledger JSON."""
    if reading.json is None:
        reading.json = _event_dict(reading)
    return dict(reading.json)


def _event_dict(reading: Reading) -> dict:
    e = reading.event
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "date": e.date,
        "date_precision": e.date_precision,
        "direction": reading.direction,
        "actor": [x.code for x in e.actor],
        "recipient": [x.code for x in e.recipient],
        "event": e.event,
        "mode": e.mode,
        "trigger": e.trigger,
        "object": e.object,
        "sentence": e.sentence,
        "sentence_index": e.sentence_index,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "future": e.future,
        "offer": reading.offer,
        "url": e.url,
    }


def _change_dict(change: Change) -> dict:
    return {
        "state": change.state,
        "qualifier": change.qualifier,
        "since": change.since,
        "moved_by": change.by,
        "event_id": change.reading.event.event_id,
        "doc_id": change.reading.event.doc_id,
    }


def _step_dict(step: Step) -> dict:
    return {
        **event_dict(step.reading),
        "role": step.role,
        "claims": step.state,
        "qualifier": step.qualifier,
        "note": step.note,
    }


def _conflict_dict(conflict: Conflict) -> dict:
    return {
        "kind": conflict.kind,
        "state": conflict.state,
        "report": event_dict(conflict.report),
        "contrary_state": conflict.earlier_state,
        "earlier": event_dict(conflict.earlier),
    }


def _thread_dict(fold: ThreadFold) -> dict:
    now = fold.current
    return {
        "thread": fold.thread.id,
        "topic": fold.thread.topic,
        "state": now.state if now else None,
        "qualifier": now.qualifier if now else "",
        "since": now.since if now else None,
        "moved_by": now.by if now else None,
        "disputed": fold.disputed,
        "history": [_change_dict(c) for c in fold.history],
        "conflicts": [_conflict_dict(c) for c in fold.conflicts],
        "events": [_step_dict(s) for s in fold.steps],
    }
