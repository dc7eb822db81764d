"""The store's schema: the tables of the latest version, and the migrations that bring an older store to it.

A new store is created at the latest version directly, its events table from the flat layout of
detente.schema (plus the store's own columns). The migrations are history: each carries the SQL of
its day, never edited once released; tests check that migrating an old store gives the same tables.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from detente.events.lexicon import load_cameo
from detente.schema import COLUMNS, duckdb_type

log = logging.getLogger(__name__)

# Version 1: articles, events (one row per mention of an event in an article) and dyads.
_ARTICLES_V1 = """
CREATE TABLE articles (
    id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, text VARCHAR NOT NULL, date DATE,
    title VARCHAR NOT NULL, url VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL
);
"""
_DYADS_V1 = """
CREATE TABLE dyads (event_key BIGINT NOT NULL, actor_code VARCHAR NOT NULL, recipient_code VARCHAR NOT NULL);
"""
_V1 = (
    _ARTICLES_V1
    + """
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
"""
    + _DYADS_V1
)

# Version 2: duplicate reports (GDELT's NumMentions/NumSources/NumArticles) and lookup indexes.
_OTHER_INDEXES_V2 = """
CREATE INDEX articles_id ON articles (id);
CREATE INDEX dyads_pair ON dyads (actor_code, recipient_code);
"""
_V2 = (
    """
ALTER TABLE events ADD COLUMN dedup_key VARCHAR;
ALTER TABLE events ADD COLUMN source VARCHAR;
CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX events_doc_id ON events (doc_id);
"""
    + _OTHER_INDEXES_V2
    + """CREATE VIEW event_reports AS
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
)

# Version 3: the events table takes the flat layout of detente.schema (version 1): the entity lists as
# parallel columns (codes, sectors, names, texts, starts, ends) instead of JSON, dedup_id instead of
# dedup_key, source null without url (the view still counts such a document as its own source), month
# null for a date that is only a year, offsets as BIGINT.
_EVENT_INDEXES_V3 = """
CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX events_doc_id ON events (doc_id);
"""
_REPORTS_VIEW_V3 = """
CREATE VIEW event_reports AS
SELECT dedup_id,
       arg_min(event_id, event_key) AS event_id,
       any_value(event) AS event, any_value(mode) AS mode,
       any_value(list_sort(list_distinct(actor_codes))) AS actor_codes,
       any_value(list_sort(list_distinct(recipient_codes))) AS recipient_codes,
       any_value(date) AS date, min(date_start) AS date_start,
       avg(intensity) AS intensity, any_value(quad) AS quad,
       count(*) AS mentions, count(DISTINCT coalesce(source, 'doc:' || doc_id)) AS sources,
       count(DISTINCT doc_id) AS articles
FROM events GROUP BY dedup_id;
"""
_V3 = (
    """
DROP VIEW event_reports;
DROP INDEX events_event_id;
DROP INDEX events_doc_id;
CREATE TABLE events_v3 (
    event_key BIGINT NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, date VARCHAR,
    date_precision VARCHAR NOT NULL, year INTEGER, month INTEGER, event VARCHAR NOT NULL, mode VARCHAR NOT NULL,
    quad VARCHAR NOT NULL, intensity DOUBLE NOT NULL,
    actor_codes VARCHAR[] NOT NULL, actor_sectors VARCHAR[] NOT NULL, actor_names VARCHAR[] NOT NULL,
    recipient_codes VARCHAR[] NOT NULL, recipient_sectors VARCHAR[] NOT NULL, recipient_names VARCHAR[] NOT NULL,
    context VARCHAR[] NOT NULL, object VARCHAR NOT NULL, location VARCHAR NOT NULL,
    historical BOOLEAN NOT NULL, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, future BOOLEAN NOT NULL,
    sentence_index BIGINT NOT NULL, sentence VARCHAR NOT NULL, trigger VARCHAR NOT NULL,
    trigger_start BIGINT NOT NULL, trigger_end BIGINT NOT NULL, pattern VARCHAR NOT NULL, url VARCHAR NOT NULL,
    actor_texts VARCHAR[] NOT NULL, actor_starts BIGINT[] NOT NULL, actor_ends BIGINT[] NOT NULL,
    recipient_texts VARCHAR[] NOT NULL, recipient_starts BIGINT[] NOT NULL, recipient_ends BIGINT[] NOT NULL,
    source VARCHAR, dedup_id VARCHAR NOT NULL, position INTEGER NOT NULL, date_start DATE
);
INSERT INTO events_v3
SELECT event_key, event_id, doc_id, date, date_precision,
       year, CASE WHEN date_start IS NOT NULL AND contains(date, '-') THEN month END,
       event, mode, quad, intensity,
       actor_codes, json_extract_string(actor_json, '$[*].sector'), json_extract_string(actor_json, '$[*].name'),
       recipient_codes, json_extract_string(recipient_json, '$[*].sector'),
       json_extract_string(recipient_json, '$[*].name'),
       context, object, location, historical, negated, hypothetical, future,
       sentence_index, sentence, trigger, trigger_start, trigger_end, pattern, url,
       json_extract_string(actor_json, '$[*].text'), json_extract(actor_json, '$[*].start')::BIGINT[],
       json_extract(actor_json, '$[*].end')::BIGINT[],
       json_extract_string(recipient_json, '$[*].text'), json_extract(recipient_json, '$[*].start')::BIGINT[],
       json_extract(recipient_json, '$[*].end')::BIGINT[],
       CASE WHEN url = '' OR starts_with(source, 'doc:') THEN NULL ELSE source END,
       left(sha1(dedup_key), 16), position, date_start
FROM events ORDER BY event_key;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
"""
    + _EVENT_INDEXES_V3
    + _REPORTS_VIEW_V3
)

# Version 4: the flat layout of detente.schema version 2, which adds the CAMEO code and root of each event after
# its intensity. The rows stored before get the codes their type, mode and contexts map to (cameo_codes, filled
# from the CAMEO table by _migrate_v4), as coding them again would give.
_V4 = (
    """
DROP VIEW event_reports;
DROP INDEX events_event_id;
DROP INDEX events_doc_id;
CREATE TABLE events_v4 (
    event_key BIGINT NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, date VARCHAR,
    date_precision VARCHAR NOT NULL, year INTEGER, month INTEGER, event VARCHAR NOT NULL, mode VARCHAR NOT NULL,
    quad VARCHAR NOT NULL, intensity DOUBLE NOT NULL, cameo_code VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL,
    actor_codes VARCHAR[] NOT NULL, actor_sectors VARCHAR[] NOT NULL, actor_names VARCHAR[] NOT NULL,
    recipient_codes VARCHAR[] NOT NULL, recipient_sectors VARCHAR[] NOT NULL, recipient_names VARCHAR[] NOT NULL,
    context VARCHAR[] NOT NULL, object VARCHAR NOT NULL, location VARCHAR NOT NULL,
    historical BOOLEAN NOT NULL, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, future BOOLEAN NOT NULL,
    sentence_index BIGINT NOT NULL, sentence VARCHAR NOT NULL, trigger VARCHAR NOT NULL,
    trigger_start BIGINT NOT NULL, trigger_end BIGINT NOT NULL, pattern VARCHAR NOT NULL, url VARCHAR NOT NULL,
    actor_texts VARCHAR[] NOT NULL, actor_starts BIGINT[] NOT NULL, actor_ends BIGINT[] NOT NULL,
    recipient_texts VARCHAR[] NOT NULL, recipient_starts BIGINT[] NOT NULL, recipient_ends BIGINT[] NOT NULL,
    source VARCHAR, dedup_id VARCHAR NOT NULL, position INTEGER NOT NULL, date_start DATE
);
INSERT INTO events_v4
SELECT e.event_key, e.event_id, e.doc_id, e.date, e.date_precision, e.year, e.month, e.event, e.mode, e.quad,
       e.intensity, coalesce(c.cameo_code, ''), coalesce(c.cameo_root, ''),
       e.actor_codes, e.actor_sectors, e.actor_names, e.recipient_codes, e.recipient_sectors, e.recipient_names,
       e.context, e.object, e.location, e.historical, e.negated, e.hypothetical, e.future,
       e.sentence_index, e.sentence, e.trigger, e.trigger_start, e.trigger_end, e.pattern, e.url,
       e.actor_texts, e.actor_starts, e.actor_ends, e.recipient_texts, e.recipient_starts, e.recipient_ends,
       e.source, e.dedup_id, e.position, e.date_start
FROM events e LEFT JOIN cameo_codes c ON c.event = e.event AND c.mode = e.mode AND c.context = e.context
ORDER BY e.event_key;
DROP TABLE events;
DROP TABLE cameo_codes;
ALTER TABLE events_v4 RENAME TO events;
"""
    + _EVENT_INDEXES_V3
    + _REPORTS_VIEW_V3
)

# Version 5: the flat layout of detente.schema version 3, which adds two flags after `future`: the actor's state
# was guessed from the context, and the event is a standing relation told in passing. Rows stored before had
# neither.
_V5 = (
    """
DROP VIEW event_reports;
DROP INDEX events_event_id;
DROP INDEX events_doc_id;
CREATE TABLE events_v5 (
    event_key BIGINT NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, date VARCHAR,
    date_precision VARCHAR NOT NULL, year INTEGER, month INTEGER, event VARCHAR NOT NULL, mode VARCHAR NOT NULL,
    quad VARCHAR NOT NULL, intensity DOUBLE NOT NULL, cameo_code VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL,
    actor_codes VARCHAR[] NOT NULL, actor_sectors VARCHAR[] NOT NULL, actor_names VARCHAR[] NOT NULL,
    recipient_codes VARCHAR[] NOT NULL, recipient_sectors VARCHAR[] NOT NULL, recipient_names VARCHAR[] NOT NULL,
    context VARCHAR[] NOT NULL, object VARCHAR NOT NULL, location VARCHAR NOT NULL,
    historical BOOLEAN NOT NULL, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, future BOOLEAN NOT NULL,
    actor_guessed BOOLEAN NOT NULL, background BOOLEAN NOT NULL,
    sentence_index BIGINT NOT NULL, sentence VARCHAR NOT NULL, trigger VARCHAR NOT NULL,
    trigger_start BIGINT NOT NULL, trigger_end BIGINT NOT NULL, pattern VARCHAR NOT NULL, url VARCHAR NOT NULL,
    actor_texts VARCHAR[] NOT NULL, actor_starts BIGINT[] NOT NULL, actor_ends BIGINT[] NOT NULL,
    recipient_texts VARCHAR[] NOT NULL, recipient_starts BIGINT[] NOT NULL, recipient_ends BIGINT[] NOT NULL,
    source VARCHAR, dedup_id VARCHAR NOT NULL, position INTEGER NOT NULL, date_start DATE
);
INSERT INTO events_v5
SELECT event_key, event_id, doc_id, date, date_precision, year, month, event, mode, quad, intensity, cameo_code,
       cameo_root, actor_codes, actor_sectors, actor_names, recipient_codes, recipient_sectors, recipient_names,
       context, object, location, historical, negated, hypothetical, future, false, false,
       sentence_index, sentence, trigger, trigger_start, trigger_end, pattern, url,
       actor_texts, actor_starts, actor_ends, recipient_texts, recipient_starts, recipient_ends,
       source, dedup_id, position, date_start
FROM events ORDER BY event_key;
DROP TABLE events;
ALTER TABLE events_v5 RENAME TO events;
"""
    + _EVENT_INDEXES_V3
    + _REPORTS_VIEW_V3
)

# From version 6 a row is one act, told by one or more mentions in its article: mentions counts them all.
_REPORTS_VIEW_V6 = _REPORTS_VIEW_V3.replace("count(*) AS mentions", "sum(len(mention_sentences)) AS mentions")

# Version 6: the flat layout of detente.schema version 4, which adds, after `url`, where the article tells the
# act (one event per act, detente/acts.py), and, after the recipients' offsets, whether each actor's and
# recipient's code was inferred from the article, and, after `location`, where the event happened (its place,
# geocoded). Rows stored before were each told once, by their own trigger, inferred nothing, and have no place
# (precision none): a store is not coded again by a migration.
_V6 = (
    """
DROP VIEW event_reports;
DROP INDEX events_event_id;
DROP INDEX events_doc_id;
CREATE TABLE events_v6 (
    event_key BIGINT NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, date VARCHAR,
    date_precision VARCHAR NOT NULL, year INTEGER, month INTEGER, event VARCHAR NOT NULL, mode VARCHAR NOT NULL,
    quad VARCHAR NOT NULL, intensity DOUBLE NOT NULL, cameo_code VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL,
    actor_codes VARCHAR[] NOT NULL, actor_sectors VARCHAR[] NOT NULL, actor_names VARCHAR[] NOT NULL,
    recipient_codes VARCHAR[] NOT NULL, recipient_sectors VARCHAR[] NOT NULL, recipient_names VARCHAR[] NOT NULL,
    context VARCHAR[] NOT NULL, object VARCHAR NOT NULL, location VARCHAR NOT NULL,
    location_name VARCHAR NOT NULL, location_country VARCHAR NOT NULL, location_adm1 VARCHAR NOT NULL,
    location_adm1_code VARCHAR NOT NULL, location_lat DOUBLE, location_lon DOUBLE, location_geonames_id BIGINT,
    location_precision VARCHAR NOT NULL, location_why VARCHAR NOT NULL,
    historical BOOLEAN NOT NULL, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, future BOOLEAN NOT NULL,
    actor_guessed BOOLEAN NOT NULL, background BOOLEAN NOT NULL,
    sentence_index BIGINT NOT NULL, sentence VARCHAR NOT NULL, trigger VARCHAR NOT NULL,
    trigger_start BIGINT NOT NULL, trigger_end BIGINT NOT NULL, pattern VARCHAR NOT NULL, url VARCHAR NOT NULL,
    mention_sentences BIGINT[] NOT NULL, mention_starts BIGINT[] NOT NULL, mention_ends BIGINT[] NOT NULL,
    actor_texts VARCHAR[] NOT NULL, actor_starts BIGINT[] NOT NULL, actor_ends BIGINT[] NOT NULL,
    recipient_texts VARCHAR[] NOT NULL, recipient_starts BIGINT[] NOT NULL, recipient_ends BIGINT[] NOT NULL,
    actor_inferred BOOLEAN[] NOT NULL, recipient_inferred BOOLEAN[] NOT NULL,
    source VARCHAR, dedup_id VARCHAR NOT NULL, position INTEGER NOT NULL, date_start DATE
);
INSERT INTO events_v6
SELECT event_key, event_id, doc_id, date, date_precision, year, month, event, mode, quad, intensity, cameo_code,
       cameo_root, actor_codes, actor_sectors, actor_names, recipient_codes, recipient_sectors, recipient_names,
       context, object, location,
       '', '', '', '', NULL, NULL, NULL, 'none', '',
       historical, negated, hypothetical, future, actor_guessed, background,
       sentence_index, sentence, trigger, trigger_start, trigger_end, pattern, url,
       [sentence_index], [trigger_start], [trigger_end],
       actor_texts, actor_starts, actor_ends, recipient_texts, recipient_starts, recipient_ends,
       [false FOR c IN actor_codes], [false FOR c IN recipient_codes],
       source, dedup_id, position, date_start
FROM events ORDER BY event_key;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
"""
    + _EVENT_INDEXES_V3
    + _REPORTS_VIEW_V6
)

# Version 7: copies of one story. Articles say whether a feed gave only a summary (summary_only); each article's
# MinHash signature and LSH band hashes (detente.articles.copies) are kept so that later loads are compared with
# what is stored; each copy's link to the article it matched, and the story of each article that has copies
# (story_id: the id of the story's first stored article). event_reports counts a story's copies as one source.
# Back-filled by _migrate_v7 from the stored texts.
_ARTICLES_V7 = """
CREATE TABLE articles (
    id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, text VARCHAR NOT NULL, date DATE,
    title VARCHAR NOT NULL, url VARCHAR NOT NULL, summary_only BOOLEAN NOT NULL, loaded_at TIMESTAMP NOT NULL
);
"""
_COPIES_V7 = """
CREATE TABLE article_minhash (article_id VARCHAR NOT NULL, signature UINTEGER[] NOT NULL);
CREATE TABLE article_bands (article_id VARCHAR NOT NULL, band INTEGER NOT NULL, hash BIGINT NOT NULL);
CREATE TABLE article_copies (article_id VARCHAR NOT NULL, copy_of VARCHAR NOT NULL, similarity DOUBLE NOT NULL);
CREATE TABLE article_stories (article_id VARCHAR NOT NULL, story_id VARCHAR NOT NULL);
"""
_REPORTS_VIEW_V7 = """
CREATE VIEW event_reports AS
SELECT e.dedup_id,
       arg_min(e.event_id, e.event_key) AS event_id,
       any_value(e.event) AS event, any_value(e.mode) AS mode,
       any_value(list_sort(list_distinct(e.actor_codes))) AS actor_codes,
       any_value(list_sort(list_distinct(e.recipient_codes))) AS recipient_codes,
       any_value(e.date) AS date, min(e.date_start) AS date_start,
       avg(e.intensity) AS intensity, any_value(e.quad) AS quad,
       sum(len(e.mention_sentences)) AS mentions,
       count(DISTINCT coalesce('story:' || s.story_id, e.source, 'doc:' || e.doc_id)) AS sources,
       count(DISTINCT e.doc_id) AS articles
FROM events e LEFT JOIN article_stories s ON s.article_id = e.doc_id GROUP BY e.dedup_id;
"""
_V7 = (
    """
DROP VIEW event_reports;
DROP INDEX articles_id;
ALTER TABLE articles RENAME TO articles_v6;
"""
    + _ARTICLES_V7
    + """
INSERT INTO articles
SELECT id, content_hash, text, date, title, url, false, loaded_at FROM articles_v6 ORDER BY loaded_at, id;
DROP TABLE articles_v6;
CREATE INDEX articles_id ON articles (id);
"""
    + _COPIES_V7
    + _REPORTS_VIEW_V7
)

# The events table of the latest version: its row key, the flat layout, then the event's place among its
# article's events and the first day of its date's period (what date filters and the order use).
TABLE_COLUMNS: tuple[tuple[str, pa.DataType, bool], ...] = (
    (("event_key", pa.int64(), False),)
    + tuple((c.name, c.arrow, c.nullable) for c in COLUMNS)
    + (("position", pa.int32(), False), ("date_start", pa.date32(), True))
)
TABLE_SCHEMA = pa.schema([(name, arrow) for name, arrow, _ in TABLE_COLUMNS])


def events_table_sql() -> str:
    """CREATE TABLE events of the latest version, derived from detente.schema.COLUMNS."""
    columns = ",\n    ".join(
        f"{name} {duckdb_type(arrow)}{'' if nullable else ' NOT NULL'}" for name, arrow, nullable in TABLE_COLUMNS
    )
    return f"CREATE TABLE events (\n    {columns}\n);"


def create_latest(conn: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, indexes and view of the latest version in an empty database."""
    for sql in (
        _ARTICLES_V7, events_table_sql(), _DYADS_V1, _EVENT_INDEXES_V3, _OTHER_INDEXES_V2, _COPIES_V7, _REPORTS_VIEW_V7
    ):
        conn.execute(sql)


# Version 2's back-fill, as released (version 3 derives dedup_id and source from detente.schema).
def _dedup_key_text_v2(key: tuple) -> str:
    """Event.dedup_key() as stable text, so SQL can group by it."""
    return json.dumps(key, separators=(",", ":"))


def _source_v2(url: str, doc_id: str) -> str:
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
            _dedup_key_text_v2((event, mode, tuple(sorted(set(actors))), tuple(sorted(set(recipients))), date or "")),
            _source_v2(url, doc_id),
            key,
        )
        for key, doc_id, event, mode, actors, recipients, date, url in rows
    ]
    if updates:
        conn.executemany("UPDATE events SET dedup_key = ?, source = ? WHERE event_key = ?", updates)


def _migrate_v3(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_V3)


def _migrate_v4(conn: duckdb.DuckDBPyConnection) -> None:
    # The codes of each kind of stored event (type, mode, contexts), from the CAMEO table the coder reads today.
    cameo = load_cameo()
    kinds = conn.execute("SELECT DISTINCT event, mode, context FROM events").fetchall()
    conn.execute(
        "CREATE TEMP TABLE cameo_codes (event VARCHAR, mode VARCHAR, context VARCHAR[], cameo_code VARCHAR,"
        " cameo_root VARCHAR)"
    )
    rows = []
    for event, mode, context in kinds:
        code = cameo.code_of(event, mode, context)
        rows.append((event, mode, context, code.code, code.root))
    if rows:
        conn.executemany("INSERT INTO cameo_codes VALUES (?, ?, ?, ?, ?)", rows)
    conn.execute(_V4)


# Never edit a released migration: append a new one.
def _migrate_v5(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_V5)


def _migrate_v6(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_V6)


def _migrate_v7(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_V7)
    # The stored articles' signatures and stories, found as a load finds them (oldest first), so that new
    # loads are compared with them. Uses today's detente.store.copies on the version 7 tables it finds.
    from detente.store.copies import link_copies

    ids = [i for (i,) in conn.execute("SELECT id FROM articles ORDER BY loaded_at, id").fetchall()]
    for start in range(0, len(ids), _BACKFILL_CHUNK):
        chunk = ids[start : start + _BACKFILL_CHUNK]
        rows = conn.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [chunk]).fetchall()
        texts = dict(rows)
        link_copies(conn, [(i, texts[i]) for i in chunk])


_BACKFILL_CHUNK = 1000

MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [
    _migrate_v1,
    _migrate_v2,
    _migrate_v3,
    _migrate_v4,
    _migrate_v5,
    _migrate_v6,
    _migrate_v7,
]
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
    """Bring the database to target: an empty one is created at the latest version, an older one migrated.

    Each step runs in its own transaction.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)")
    version = current_version(conn)
    if version == 0 and target == SCHEMA_VERSION:
        _step(conn, SCHEMA_VERSION, create_latest)
        log.info("store created at schema version %d", SCHEMA_VERSION)
        return SCHEMA_VERSION
    for number in range(version + 1, target + 1):
        _step(conn, number, MIGRATIONS[number - 1])
        log.info("store migrated to schema version %d", number)
    return max(version, target)


def _step(conn: duckdb.DuckDBPyConnection, version: int, apply: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    conn.execute("BEGIN TRANSACTION")
    try:
        apply(conn)
        conn.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
