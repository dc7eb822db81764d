"""The relations ledger: where a country pair stands on each thread, since when, says who (docs/ledger.md)."""

from __future__ import annotations

from detente.ledger.countries import country_code, country_name
from detente.ledger.pair import Ledger, build_ledger, event_dict
from detente.ledger.plot import plot_ledger
from detente.ledger.threads import ThreadBook, default_threads, read_threads

# The incremental form: a Ledger is its own fold state; add() folds one more event in.
LedgerState = Ledger

__all__ = [
    "Ledger",
    "LedgerState",
    "ThreadBook",
    "build_ledger",
    "country_code",
    "country_name",
    "default_threads",
    "event_dict",
    "plot_ledger",
    "read_threads",
]
