"""The event store: DuckDB schema, migrations, loading, queries and exports (docs/store.md)."""

from detente.layouts.gdelt import GDELT_COLUMNS
from detente.store.export import EXPORT_FORMATS, export_events
from detente.store.filters import EventFilter
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION
from detente.store.store import LoadReport, Store, events_for_pair, open_store

__all__ = [
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "EventFilter",
    "LoadReport",
    "Store",
    "events_for_pair",
    "export_events",
    "open_store",
]
