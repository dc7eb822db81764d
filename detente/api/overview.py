"""The dashboard's overview and country page: a store's months by quad class, its most active countries
and pairs, and the ledger threads that moved in a period (GET /overview, GET /countries/{code})."""

from __future__ import annotations

from typing import Any

from detente.ledger import build_ledger, country_name
from detente.schema import date_period
from detente.store import Store
from detente.store.overview import active_countries, active_pairs, timeline

PAIRS_READ = 20  # the ledgers built for one answer: the most active pairs of the period


def _in_period(day: str | None, since: str | None, until: str | None) -> bool:
    """Whether a (partial) date starts within the period; an undated change is in no period."""
    bounds = date_period(day) if day else None
    if bounds is None:
        return False
    low = date_period(since)[0] if since else None
    high = date_period(until)[1] if until else None
    return (low is None or bounds[0] >= low) and (high is None or bounds[0] <= high)


def ledger_moves(store: Store, pairs: list[dict[str, Any]], since: str | None, until: str | None) -> list[dict]:
    """Each thread state of these pairs that a change in the period brought about, latest first."""
    moves = []
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        ledger = build_ledger(store.iter_events(pair=(a, b), until=until), a, b).to_dict()
        for thread in ledger["threads"]:
            for change in thread["history"]:
                if _in_period(change["since"], since, until):
                    moves.append(
                        {
                            "a": a,
                            "b": b,
                            "thread": thread["thread"],
                            "topic": thread["topic"],
                            "state": change["state"],
                            "qualifier": change["qualifier"],
                            "since": change["since"],
                            "moved_by": change["moved_by"],
                        }
                    )
    moves.sort(key=lambda m: (m["since"], m["a"], m["b"], m["thread"]), reverse=True)
    return moves


def overview(store: Store, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The whole store in a period: months by quad class, most active countries, moved ledger threads."""
    pairs = active_pairs(store, since=since, until=until, limit=PAIRS_READ)
    countries = active_countries(store, since=since, until=until, limit=10)
    return {
        "since": since,
        "until": until,
        "monthly": timeline(store, since=since, until=until),
        "countries": [{**c, "name": country_name(c["code"])} for c in countries],
        "pairs": pairs,
        "changes": ledger_moves(store, pairs, since, until),
    }


def country_page(store: Store, code: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """One country: its months by quad class, its partners, and the current state of each thread it
    shares with its most active partners."""
    pairs = active_pairs(store, since=since, until=until, country=code, limit=PAIRS_READ)
    code = code.strip().upper()
    threads = []
    for pair in pairs:
        partner = pair["b"]
        ledger = build_ledger(store.iter_events(pair=(code, partner), since=since, until=until), code, partner)
        for thread in ledger.to_dict()["threads"]:
            if thread["state"]:
                threads.append(
                    {
                        "partner": partner,
                        "thread": thread["thread"],
                        "topic": thread["topic"],
                        "state": thread["state"],
                        "qualifier": thread["qualifier"],
                        "since": thread["since"],
                        "moved_by": thread["moved_by"],
                    }
                )
    monthly = timeline(store, country=code, since=since, until=until)
    return {
        "code": code,
        "name": country_name(code),
        "since": since,
        "until": until,
        "events": sum(m["events"] for m in monthly),
        "monthly": monthly,
        "partners": [{"code": p["b"], "name": country_name(p["b"]), "events": p["events"]} for p in pairs],
        "threads": threads,
    }
