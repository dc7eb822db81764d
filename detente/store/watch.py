"""Watching feeds: each poll reads the sources, codes what the store has not seen, and tells which ledger
threads of the watched pairs changed state (docs/cli.md, `detente watch`).

What has been seen is the store itself: an article whose id and content hash are stored is not coded again
(Store.load), so a restart neither repeats a poll's work nor skips an article. A change is found by folding
each pair's ledger twice, from the store after the poll and from the store without what the poll coded
(plus those articles' earlier events), and comparing the threads' histories: a change the ledger before the
poll did not hold is new. So a restart reports nothing twice, and an interrupted
poll still reports what it stored before it stops.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from detente.actors.gazetteer import load_gazetteer
from detente.articles import Columns, Reject, read_articles
from detente.articles.fetch import Fetcher
from detente.errors import Errors, InputError
from detente.ledger import Ledger, build_ledger
from detente.ledger.fold import Change
from detente.model import Article, Event
from detente.schema import source_of
from detente.store.store import Coder, LoadReport, Store

log = logging.getLogger(__name__)

_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(s|m|h|d)?")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


def parse_interval(text: str) -> float:
    """Seconds in an interval written 90, 90s, 15m, 1h or 1d; InputError E006 for anything else or zero."""
    match = _INTERVAL.fullmatch(text.strip().lower())
    seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)] if match else 0.0
    if seconds <= 0:
        raise InputError(Errors.E190.format(value=text))
    return seconds


@dataclass(frozen=True)
class StateChange:
    """A ledger thread of a pair entering a state: from which, when, on which report."""

    pair: tuple[str, str]
    thread: str
    topic: str
    before: str | None  # the state it left (with its qualifier), None when the thread had none
    after: str
    since: str | None
    moved_by: str
    source: str  # the report's outlet (its URL's host), else its document id
    sentence: str
    event_id: str
    doc_id: str
    url: str

    def line(self) -> str:
        """One line: "RUS–GEO diplomatic relations: severed → restoration offered, 2012-03-02, naharnet.com"."""
        a, b = self.pair
        return (
            f"{a}–{b} {self.topic}: {self.before or 'no state'} → {self.after}, "
            f"{self.since or 'undated'}, {self.source}"
        )

    def to_dict(self) -> dict:
        """The JSON form posted to a webhook."""
        return {
            "pair": list(self.pair),
            "thread": self.thread,
            "topic": self.topic,
            "from": self.before,
            "to": self.after,
            "since": self.since,
            "moved_by": self.moved_by,
            "source": self.source,
            "sentence": self.sentence,
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "url": self.url,
            "line": self.line(),
        }


@dataclass
class PollReport:
    """What one poll did: the store's load report, the rejected inputs and the state changes found."""

    load: LoadReport = field(default_factory=LoadReport)
    rejects: list[Reject] = field(default_factory=list)
    changes: list[StateChange] = field(default_factory=list)


def event_pairs(event: Event, countries: Iterable[str]) -> set[tuple[str, str]]:
    """The country pairs an event is between (actors and recipients that are states), each sorted."""
    known = set(countries)
    codes = sorted({e.code for e in [*event.actor, *event.recipient]} & known)
    return {(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]}


def _state(change: Change) -> str:
    return f"{change.state} ({change.qualifier})" if change.qualifier else change.state


def _change_key(change: Change) -> tuple:
    return change.state, change.qualifier, change.since, change.reading.event.event_id, change.reading.event.doc_id


def ledger_changes(before: Ledger, after: Ledger) -> list[StateChange]:
    """The state changes in `after` that `before` did not hold, thread by thread in the book's order."""
    found: list[StateChange] = []
    for thread in after.book.threads:
        known = {_change_key(c) for c in before.fold(thread.id).history}
        history = after.fold(thread.id).history
        for position, change in enumerate(history):
            if _change_key(change) in known:
                continue
            event = change.reading.event
            previous = _state(history[position - 1]) if position else None
            found.append(
                StateChange(
                    pair=(after.a, after.b), thread=thread.id, topic=thread.topic, before=previous,
                    after=_state(change), since=change.since, moved_by=change.by,
                    source=source_of(event.url) or event.doc_id, sentence=" ".join(event.sentence.split()),
                    event_id=event.event_id, doc_id=event.doc_id, url=event.url,
                )
            )
    return found


def poll(
    store: Store,
    sources: Sequence[str],
    pairs: Iterable[tuple[str, str]] | None = None,
    *,
    on_change: Callable[[StateChange], None],
    on_reject: Callable[[Reject], None] | None = None,
    columns: Columns | None = None,
    fetcher: Fetcher | None = None,
    coder: Coder | None = None,
) -> PollReport:
    """Read the sources once, code and store what is new or changed, and hand each new state change of
    the pairs (None: every country pair an article coded in this poll is about) to on_change.
    Interrupted (Ctrl-C), it still hands over the changes it stored, then re-raises."""
    if coder is None:
        from detente import code_articles as coder  # the coder is upstream; import only when coding
    report = PollReport()
    coded_ids: set[str] = set()
    replaced_events: list[Event] = []  # the stored events of articles coded anew, before they are replaced
    touched: set[tuple[str, str]] = set()
    countries = load_gazetteer().country_names

    def rejected(item: Reject) -> None:
        report.rejects.append(item)
        if on_reject is not None:
            on_reject(item)

    def remembering_coder(chunk: Iterable[Article]) -> list[Event]:
        chunk = list(chunk)
        old: list[Event] = []
        for article in chunk:  # the store replaces these articles' events only after this returns
            coded_ids.add(article.id)
            old.extend(store.iter_events(doc_id=article.id))
        events = list(coder(chunk))
        replaced_events.extend(old)
        for event in [*events, *old]:
            touched.update(event_pairs(event, countries))
        return events

    try:
        articles = read_articles(sources, on_reject=rejected, columns=columns, fetcher=fetcher)
        report.load = store.load(articles, coder=remembering_coder)
    finally:
        # every chunk the store committed is reported, even when the poll was cut short
        watched = sorted(touched) if pairs is None else list(pairs)
        for a, b in watched if coded_ids else []:
            after = list(store.iter_events(pair=(a, b)))
            # the ledger before this poll: the store without the articles it coded, plus their events
            # before it (a chunk rolled back by Ctrl-C has its old events in both, so before == after)
            before = [e for e in after if e.doc_id not in coded_ids] + replaced_events
            for change in ledger_changes(build_ledger(before, a, b), build_ledger(after, a, b)):
                report.changes.append(change)
                on_change(change)
    return report
