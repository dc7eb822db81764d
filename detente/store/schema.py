"""The store's schema as an ordered list of migrations; a database records the last one applied."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

import duckdb

log = logging.getLogger(__name__)

# Version 1: articles, events (one row per mention of an event in an article) and dyads.
_V1 = """
CREATE TABLE articles (
    id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, text VARCHAR NOT NULL, date DATE,
    title VARCHAR NOT NULL, url VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL
);
CREATE TABLE events (
    event_key BIGINT NOT NULL, doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, position INTEGER NOT NULL,
    event VARCHAR NOT NULL, mode VARCHAR NOT NULL, context VARCHAR[] NOT NULL,
    actor_json VARCHAR NOT NULL, recipient_json VARCHAR NOT NULL,
    actor_codes VARCHAR[] NOT NULL, recipient_codes VARCHAR[] NOT NULL,
    date VARCHAR, date_precision VARCHAR NOT NULL, date_start DATE, year INTEGER, month INTEGER,
    historical BOOLEAN NOT NULL, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL,
    future BOOLEAN NOT NULL,
    intensity DOUBLE NOT NULL, quad VARCHAR NOT NULL, object VARCHAR NOT NULL, location VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL, sentence VARCHAR NOT NULL, trigger VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, pattern VARCHAR NOT NULL,
    url VARCHAR NOT NULL
);
CREATE TABLE dyads (event_key BIGINT NOT NULL, actor_code VARCHAR NOT NULL, recipient_code VARCHAR NOT NULL);
"""

# Version 2: duplicate reports (GDELT's NumMentions/NumSources/NumArticles) and lookup indexes.
_V2 = """
ALTER TABLE events ADD COLUMN dedup_key VARCHAR;
ALTER TABLE events ADD COLUMN source VARCHAR;
CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX articles_id ON articles (id);
CREATE INDEX dyads_pair ON dyads (actor_code, recipient_code);
CREATE VIEW event_reports AS
SELECT dedup_key,
       arg_min(event_id, event_key) AS event_id,
       any_value(event) AS event, any_value(mode) AS mode,
       any_value(list_sort(list_distinct(actor_codes))) AS actor_codes,
       any_value(list_sort(list_distinct(recipient_codes))) AS recipient_codes,
       any_value(date) AS date, min(date_start) AS date_start,
       avg(intensity) AS intensity, any_value(quad) AS quad,
       count(*) AS mentions, count(DISTINCT source) AS sources, count(DISTINCT doc_id) AS articles
FROM events GROUP BY dedup_key;
"""


def dedup_key_text(key: tuple) -> str:
    """Event.dedup_key() as stable text, so SQL can group by it."""
    return json.dumps(key, separators=(",", ":"))


def source_of(url: str, doc_id: str) -> str:
    """Where a report comes from: the url's host, or the document id when there is no url."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else f"doc:{doc_id}"


def _migrate_v1(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_V1)


def _migrate_v2(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_V2)
    # Back-fill the new columns from the rows version 1 stored.
    rows = conn.execute(
        "SELECT event_key, doc_id, event, mode, actor_codes, recipient_codes, date, url FROM events"
    ).fetchall()
    updates = [
        (
            dedup_key_text((event, mode, tuple(sorted(set(actors))), tuple(sorted(set(recipients))), date or "")),
            source_of(url, doc_id),
            key,
        )
        for key, doc_id, event, mode, actors, recipients, date, url in rows
    ]
    if updates:
        conn.executemany("UPDATE events SET dedup_key = ?, source = ? WHERE event_key = ?", updates)


# Never edit a released migration: append a new one.
MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_migrate_v1, _migrate_v2]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the database (0 for an empty database)."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(conn: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations after the database's version up to target, each in its own transaction."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)")
    version = current_version(conn)
    for number in range(version + 1, target + 1):
        conn.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [number])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("store migrated to schema version %d", number)
    return max(version, target)
