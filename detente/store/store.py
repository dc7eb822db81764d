"""The event store: articles and their coded events in DuckDB, read by filters or read-only SQL."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detente.errors import DiskFull, Errors, ModelNotInstalled, StoreError, is_disk_full
from detente.model import Article, Event
from detente.schema import EVENT_COLUMNS, date_start, dedup_id, event_from_flat, flat_row
from detente.store.copies import forget_copies, link_copies
from detente.store.filters import EventFilter, period_bounds
from detente.store.schema import SCHEMA_VERSION, TABLE_COLUMNS, TABLE_SCHEMA, current_version, migrate

log = logging.getLogger(__name__)

DEFAULT_DB = "detente.duckdb"
LOAD_CHUNK = 64  # articles coded per call, so spaCy batches them

# What an Event is read back from, in the flat layout's order (detente.schema.EVENT_COLUMNS).
_READ_SQL = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
# Up to this many events, a store keeps an in-memory Arrow copy of its events table for reading pages:
# DuckDB, a column store, reads 50 scattered rows of 43 columns in ~15 ms, Arrow takes them in ~0.1 ms.
# About 45 MB per 100,000 events; a larger store reads its pages from DuckDB.
PAGE_COPY_MAX_EVENTS = 200_000
# Rows come in date order (the first day of their period), undated last, then in storing order.
_ORDER = " ORDER BY date_start NULLS LAST, event_key"

Coder = Callable[[Iterable[Article]], Iterable[Event]]


@dataclass
class LoadReport:
    """What one load did: articles read, coded (new or changed), unchanged, replaced, failed; events stored."""

    read: int = 0
    coded: int = 0
    unchanged: int = 0
    replaced: int = 0
    events_stored: int = 0
    events_removed: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article id, why the coder failed)
    copies: int = 0  # articles stored as copies of a story (docs/store.md, "Copies of one story")
    copies_found: list[tuple[str, str, float]] = field(default_factory=list)  # (article id, copy of, similarity)

    def to_dict(self) -> dict[str, Any]:
        """The counts (and failures) as a dict."""
        return asdict(self)

    def __iadd__(self, other: LoadReport) -> LoadReport:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)
        return self


def event_row(event: Event, key: int, position: int) -> dict[str, Any]:
    """The events-table row of one event: its flat row (detente.schema) and the store's own columns."""
    return {"event_key": key, **flat_row(event), "position": position, "date_start": date_start(event.date)}


def event_from_row(row: tuple) -> Event:
    """An Event from a row of _READ_SQL."""
    return event_from_flat(dict(zip(EVENT_COLUMNS, row, strict=True)))


def _roll_back(cur: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction; a COMMIT that failed has ended it already, and its error is the
    one to tell, not "cannot rollback - no transaction is active"."""
    try:
        cur.execute("ROLLBACK")
    except duckdb.TransactionException as error:
        log.debug("nothing to roll back: %s", error)


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def check_select(query: str) -> None:
    """Raise StoreError unless query is exactly one SELECT (WITH, FROM-first and VALUES count)."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as error:
        raise StoreError(Errors.E133.format(reason=error)) from None
    kinds = [s.type.name for s in statements]
    if kinds != ["SELECT"]:
        found = " + ".join(kinds) if kinds else "no statement"
        raise StoreError(Errors.E132.format(found=found))


class Store:
    """An open DuckDB event store; use open_store() to get one."""

    def __init__(
        self,
        conn: duckdb.DuckDBPyConnection,
        path: str,
        read_only: bool,
        connection_read_only: bool | None = None,
    ) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        # False when this process already had the file open writable (DuckDB shares one instance per file)
        self._connection_read_only = read_only if connection_read_only is None else connection_read_only
        self._write_lock = threading.Lock()  # DuckDB has one writer; serialise ours
        self._generation = 0  # bumped by every write, so cached counts never outlive the data
        self._counts: dict[tuple, int] = {}
        self._page_copy: _PageCopy | None = None
        self._page_copy_lock = threading.Lock()
        # A read-only store follows its file when a staged load (detente.store.staging) swaps a new one in.
        self._follows_file = self._connection_read_only and path != ":memory:"
        self._identity = file_identity(path) if self._follows_file else None
        self._readers = _Readers()
        self.after_write: Callable[[], None] | None = None  # called after each committed write

    # -- lifecycle -------------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one thread (DuckDB connections are not shared across threads)."""
        return self._conn.cursor()

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one read. A read-only store first reopens its file if a staged load replaced it
        since (docs/store.md, "Concurrency"); reads under way finish on the file they started on."""
        if self._follows_file and not self._readers.held():
            self._follow_file()
        with self._readers.hold():
            cur = self._conn.cursor()
            try:
                yield cur
            finally:
                cur.close()

    def _follow_file(self) -> None:
        identity = file_identity(self.path)
        if identity == self._identity or identity is None:
            return
        # DuckDB keeps one instance per path in a process, so the old file's connection must be closed
        # before the new file can be opened: wait for the reads under way, then reopen.
        with self._readers.exclusive():
            identity = file_identity(self.path)
            if identity == self._identity or identity is None:
                return
            self._conn.close()
            self._conn = duckdb.connect(self.path, read_only=True, config=SANDBOX)
            self._identity = identity
            self._generation += 1
            log.info("reopened %s: a load swapped in a new version", self.path)

    @property
    def version(self) -> int:
        """Changes whenever what this store reads may have changed (a write, or a new file swapped in by a
        staged load): a key for caches of its answers."""
        if self._follows_file and not self._readers.held():
            self._follow_file()
        return self._generation

    def unchanged_version(self) -> int | None:
        """The version, when neither a write nor a swapped-in file has changed it since it was last read;
        else None. Never waits to reopen a file, so an event loop may call it."""
        if self._follows_file and file_identity(self.path) not in (self._identity, None):
            return None
        return self._generation

    @property
    def schema_version(self) -> int:
        """The schema version of this database."""
        with self.reading() as cur:
            return current_version(cur)

    # -- writing -------------------------------------------------------------------------------------
    def load(self, articles: Iterable[Article], *, coder: Coder | None = None) -> LoadReport:
        """Code new or changed articles (detente.code_articles) and store them with their events."""
        if coder is None:
            from detente import code_articles as coder  # the coder is upstream; import only when loading
        report = LoadReport()
        chunk: list[Article] = []
        for article in articles:
            report.read += 1
            # Two versions of one id in a chunk would mix their events; store the first before the second.
            if len(chunk) >= LOAD_CHUNK or any(a.id == article.id for a in chunk):
                report += self._load_chunk(chunk, coder)
                chunk = []
            chunk.append(article)
        if chunk:
            report += self._load_chunk(chunk, coder)
        return report

    def _load_chunk(self, chunk: list[Article], coder: Coder) -> LoadReport:
        report = LoadReport()
        stored = self._stored_hashes([a.id for a in chunk])
        todo = [a for a in chunk if stored.get(a.id) != a.content_hash()]
        report.unchanged = len(chunk) - len(todo)
        if not todo:
            return report
        try:
            by_doc = _code(todo, coder)
        except ModelNotInstalled:
            raise
        except Exception as error:
            # One article the coder chokes on must not sink its chunk: code them one by one.
            log.info("coding a chunk of %d articles failed (%s); coding them one by one", len(todo), error)
            by_doc = {}
            for article in todo:
                try:
                    by_doc.update(_code([article], coder))
                except ModelNotInstalled:
                    raise
                except Exception as single:
                    # info, not error: the report names the article and its reason, and callers print it
                    log.info("article %s could not be coded: %s", article.id, single)
                    report.failed += 1
                    report.failures.append((article.id, f"{type(single).__name__}: {single}"))
        coded = [a for a in todo if a.id in by_doc]
        if coded:
            report += self._write([(a, by_doc[a.id]) for a in coded])
        report.coded = len(coded)
        return report

    def add_events(self, article: Article, events: Iterable[Event]) -> LoadReport:
        """Store an article with events already coded; unchanged articles add nothing."""
        events = list(events)
        for event in events:
            if event.doc_id != article.id:
                # Its rows would outlive a later replacement of the article.
                reason = f"event {event.event_id!r} has doc_id {event.doc_id!r}, not the article's {article.id!r}"
                raise StoreError(Errors.E146.format(name="doc_id", reason=reason))
        if self._stored_hashes([article.id]).get(article.id) == article.content_hash():
            return LoadReport(unchanged=1)
        return self._write([(article, events)])

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        with self.reading() as cur:
            rows = cur.execute("SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?))", [ids])
            return dict(rows.fetchall())

    def _write(self, items: list[tuple[Article, list[Event]]]) -> LoadReport:
        if self.read_only:
            raise StoreError(Errors.E136.format(reason="opened read-only"))
        report = LoadReport()
        ids = [article.id for article, _ in items]
        with self._write_lock, self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                report.replaced = cur.execute(
                    "SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", [ids]
                ).fetchone()[0]
                report.events_removed = cur.execute(
                    "SELECT count(*) FROM events WHERE doc_id IN (SELECT unnest(?))", [ids]
                ).fetchone()[0]
                cur.execute(
                    "DELETE FROM dyads WHERE event_key IN "
                    "(SELECT event_key FROM events WHERE doc_id IN (SELECT unnest(?)))",
                    [ids],
                )
                cur.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [ids])
                cur.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])
                forget_copies(cur, ids)
                key = cur.execute("SELECT coalesce(max(event_key), 0) + 1 FROM events").fetchone()[0]
                now = datetime.now()
                article_rows, rows, dyad_rows = [], [], []
                for article, events in items:
                    article_rows.append(
                        (
                            article.id,
                            article.content_hash(),
                            article.text,
                            article.date,
                            article.title,
                            article.url,
                            article.summary_only,
                            now,
                        )
                    )
                    for position, event in enumerate(events):
                        rows.append(event_row(event, key, position))
                        dyad_rows.extend(_dyads(event, key))
                        key += 1
                cur.executemany(
                    "INSERT INTO articles (id, content_hash, text, date, title, url, summary_only, loaded_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    article_rows,
                )
                copies = link_copies(cur, [(article.id, article.text) for article, _ in items])
                if rows:
                    cur.register("new_events", pa.Table.from_pylist(rows, schema=TABLE_SCHEMA))
                    columns = ", ".join(name for name, _, _ in TABLE_COLUMNS)
                    cur.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM new_events")
                    cur.unregister("new_events")
                if dyad_rows:
                    keys, actors, recipients = zip(*dyad_rows, strict=True)
                    dyads = pa.table({"event_key": keys, "actor_code": actors, "recipient_code": recipients})
                    cur.register("new_dyads", dyads)
                    cur.execute("INSERT INTO dyads SELECT * FROM new_dyads")
                    cur.unregister("new_dyads")
                cur.execute("COMMIT")
            except BaseException as error:
                _roll_back(cur)
                if is_disk_full(error):
                    raise DiskFull(Errors.E172.format(path=self.path, reason=_first_line(error))) from error
                raise
        self._generation += 1
        if self.after_write is not None:
            self.after_write()
        report.events_stored = len(rows)
        report.copies = len(copies)
        report.copies_found = [(c.article_id, c.copy_of, c.similarity) for c in copies]
        log.info("stored %d articles, %d events", len(items), len(rows))
        return report

    # -- reading -------------------------------------------------------------------------------------
    def query(
        self,
        where: EventFilter | None = None,
        /,
        *,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> list[Event]:
        """Events matching the filter (an EventFilter, or its fields as keywords), in date order, undated last."""
        return list(self.iter_events(where, limit=limit, offset=offset, **filters))

    def iter_events(
        self, where: EventFilter | None = None, /, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Iterator[Event]:
        """Like query(), streamed in batches so an export of millions of events stays small in memory."""
        where = EventFilter.of(where, **filters)
        if limit is not None or offset:
            yield from self.events_by_key(self.page_keys(where, limit=limit, offset=offset)).values()
            return
        sql_where, params = where.sql()
        with self.reading() as cur:
            cur.execute(f"{_READ_SQL}{sql_where}{_ORDER}", params)
            while batch := cur.fetchmany(2000):
                yield from (event_from_row(row) for row in batch)

    def page_keys(self, where: EventFilter | None = None, /, *, limit: int | None = None, offset: int = 0) -> list[int]:
        """The row keys (event_key) of one page of the filtered events, in date order: found on the narrow
        columns alone, so that only the page's rows are read in full (events_by_key)."""
        where = EventFilter.of(where)
        if (copy := self._current_page_copy()) is not None:
            return copy.page_keys(where, limit, offset)
        sql_where, params = where.sql()
        params.extend([int(limit) if limit is not None else 2**62, int(offset)])
        with self.reading() as cur:
            rows = cur.execute(f"SELECT event_key FROM events{sql_where}{_ORDER} LIMIT ? OFFSET ?", params)
            return [key for (key,) in rows.fetchall()]

    def events_by_key(self, keys: list[int]) -> dict[int, Event]:
        """The events of these row keys, by key in the keys' order (keys that are gone are left out)."""
        if not keys:
            return {}
        copy = self._current_page_copy()
        if copy is not None:
            found = [key for key in keys if key in copy.index]
            rows = copy.table.take([copy.index[key] for key in found]).to_pylist()
            return {key: event_from_flat(row) for key, row in zip(found, rows, strict=True)}
        with self.reading() as cur:
            rows = cur.execute(
                f"SELECT event_key, {', '.join(EVENT_COLUMNS)} FROM events WHERE event_key IN (SELECT unnest(?))",
                [keys],
            ).fetchall()
        by_key = {row[0]: row[1:] for row in rows}
        return {key: event_from_row(by_key[key]) for key in keys if key in by_key}

    def prepare_pages(self) -> None:
        """Make the in-memory copy for pages now (a server at start-up) rather than at the first page read."""
        self._current_page_copy()

    def _current_page_copy(self) -> _PageCopy | None:
        """The in-memory copy of the events for this version, made when the store is small enough and
        copying it costs at most a tenth of the time since the last copy (a store written often reads DuckDB)."""
        copy = self._page_copy
        if copy is not None and copy.version == self.version:
            return copy if copy.table is not None else None
        if copy is not None and time.monotonic() - copy.made_at < 10 * copy.seconds:
            return None
        if not self._page_copy_lock.acquire(blocking=False):
            return None  # another thread is copying: read DuckDB meanwhile rather than wait
        try:
            if self._page_copy is copy:
                self._page_copy = _PageCopy.make(self)
            copy = self._page_copy
        finally:
            self._page_copy_lock.release()
        return copy if copy is not None and copy.version == self.version and copy.table is not None else None

    def count(self, where: EventFilter | None = None, /, **filters: Any) -> int:
        """How many events match the filter."""
        where = EventFilter.of(where, **filters)
        # Pages of one listing ask for the same total again and again; any write starts a new generation.
        key = (self.version, where)
        if (cached := self._counts.get(key)) is not None:
            return cached
        if (copy := self._current_page_copy()) is not None and copy.version == key[0]:
            return copy.count(where)
        sql_where, params = where.sql()
        with self.reading() as cur:
            total = cur.execute(f"SELECT count(*) FROM events{sql_where}", params).fetchone()[0]
        if len(self._counts) > 4096:
            self._counts.clear()
        self._counts[key] = total
        return total

    def record_batches(
        self,
        columns: str,
        where: EventFilter | None = None,
        *,
        source: str = "events",
        order: str = _ORDER,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> pa.RecordBatchReader:
        """The filtered events as Arrow batches (columns, source and order are SQL from this package)."""
        sql_where, params = EventFilter.of(where, **filters).sql()
        sql = f"SELECT {columns} FROM {source}{sql_where}{order}"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params.extend([int(limit) if limit is not None else 2**62, int(offset)])
        def batches() -> Iterator[pa.RecordBatch]:
            with self.reading() as cur:
                yield from cur.sql(sql, params=params).to_arrow_reader(10_000)

        with self.reading() as cur:
            schema = cur.sql(sql, params=params).limit(0).to_arrow_table().schema
        return pa.RecordBatchReader.from_batches(schema, batches())

    def get_event(self, event_id: str) -> tuple[Event, Article | None, dict[str, int]] | None:
        """One event by id, its article, and its duplicate-report counts; None when unknown."""
        with self.reading() as cur:
            row = cur.execute(f"{_READ_SQL} WHERE event_id = ? ORDER BY event_key LIMIT 1", [event_id]).fetchone()
            if row is None:
                return None
            event = event_from_row(row)
            article = cur.execute(
                "SELECT id, text, date, title, url, summary_only FROM articles WHERE id = ?", [event.doc_id]
            ).fetchone()
            # A constant, not a subquery, so that DuckDB filters before the view groups.
            counts = cur.execute(
                "SELECT mentions, sources, articles FROM event_reports WHERE dedup_id = ?", [dedup_id(event)]
            ).fetchone()
        art = (
            Article(id=article[0], text=article[1], date=article[2], title=article[3], url=article[4],
                    summary_only=article[5])
            if article
            else None
        )
        return event, art, {"mentions": counts[0], "sources": counts[1], "articles": counts[2]}

    def sql(self, query: str) -> tuple[list[str], list[tuple]]:
        """Run one read-only SELECT; returns (column names, rows)."""
        check_select(query)
        with self.reading() as cur:
            try:
                if self._connection_read_only:
                    result = cur.execute(query)
                    return [d[0] for d in result.description], result.fetchall()
                # One process cannot open a file both writable and read-only: roll back whatever ran.
                cur.execute("BEGIN TRANSACTION")
                try:
                    result = cur.execute(query)
                    return [d[0] for d in result.description], result.fetchall()
                finally:
                    cur.execute("ROLLBACK")
            except duckdb.PermissionException as error:
                raise StoreError(Errors.E148.format(reason=str(error).splitlines()[0])) from None
            except duckdb.Error as error:
                raise StoreError(Errors.E133.format(reason=error)) from None

    def actors(self) -> list[dict[str, Any]]:
        """Every actor or recipient code with how often it acts and is acted on, most frequent first."""
        with self.reading() as cur:
            rows = cur.execute(
                "SELECT code, sum(as_actor)::BIGINT, sum(as_recipient)::BIGINT FROM ("
                " SELECT unnest(actor_codes) AS code, 1 AS as_actor, 0 AS as_recipient FROM events"
                " UNION ALL SELECT unnest(recipient_codes), 0, 1 FROM events)"
                " GROUP BY code ORDER BY sum(as_actor) + sum(as_recipient) DESC, code"
            ).fetchall()
        return [{"code": c, "as_actor": a, "as_recipient": r} for c, a, r in rows]

    def pairs(self, limit: int = 200) -> list[dict[str, Any]]:
        """The most frequent unordered country pairs (both sides known), with their event counts."""
        with self.reading() as cur:
            rows = cur.execute(
                "SELECT least(actor_code, recipient_code) AS a, greatest(actor_code, recipient_code) AS b,"
                " count(DISTINCT event_key) AS n FROM dyads WHERE actor_code <> recipient_code"
                # an event without a recipient (or actor) has a dyad with an empty side: no pair
                " AND coalesce(actor_code, '') <> '' AND coalesce(recipient_code, '') <> ''"
                " GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?",
                [limit],
            ).fetchall()
        return [{"a": a, "b": b, "events": n} for a, b, n in rows]

    def monthly(self, a: str, b: str, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Per month for a pair (either direction): events per quad class and mean intensity."""
        where, params = EventFilter(pair=(a, b), since=since, until=until).sql()
        where += " AND date_start IS NOT NULL"
        with self.reading() as cur:
            rows = cur.execute(
                "SELECT strftime(date_start, '%Y-%m') AS ym, quad, count(*), sum(intensity) FROM events"
                f"{where} GROUP BY ym, quad ORDER BY ym",
                params,
            ).fetchall()
        months: dict[str, dict[str, Any]] = {}
        for month, quad, n, total in rows:
            entry = months.setdefault(month, {"month": month, "events": 0, "intensity_sum": 0.0, "quads": {}})
            entry["quads"][quad or "unknown"] = n
            entry["events"] += n
            entry["intensity_sum"] += total
        for entry in months.values():
            entry["mean_intensity"] = round(entry.pop("intensity_sum") / entry["events"], 3)
        return list(months.values())

    def stats(self) -> dict[str, Any]:
        """Counts of articles, events, unique events, by type and quad class, and the date range."""
        with self.reading() as cur:
            articles = cur.execute("SELECT count(*) FROM articles").fetchone()[0]
            events, first, last = cur.execute(
                "SELECT count(*), min(date_start), max(date_start) FROM events"
            ).fetchone()
            unique = cur.execute("SELECT count(DISTINCT dedup_id) FROM events").fetchone()[0]
            by_type = dict(cur.execute("SELECT event, count(*) FROM events GROUP BY event ORDER BY 2 DESC").fetchall())
            by_quad = dict(cur.execute("SELECT quad, count(*) FROM events GROUP BY quad ORDER BY 2 DESC").fetchall())
            version = current_version(cur)
        return {
            "articles": articles,
            "events": events,
            "unique_events": unique,
            "by_type": by_type,
            "by_quad": by_quad,
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "schema_version": version,
        }


def file_identity(path: str) -> tuple[int, int, int] | None:
    """What tells one file at path from the next one swapped in (device, inode, change time); None when absent."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_ctime_ns


class _Readers:
    """Reads share a connection; reopening it waits for them and holds new ones back (a thread's nested
    reads, such as a page read inside a streamed export, never wait on themselves)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._active = 0
        self._reopening = False
        self._local = threading.local()

    def held(self) -> bool:
        return getattr(self._local, "depth", 0) > 0

    @contextmanager
    def hold(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            with self._changed:
                while self._reopening:
                    self._changed.wait()
                self._active += 1
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            if depth == 0:
                with self._changed:
                    self._active -= 1
                    self._changed.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._changed:
            while self._reopening:
                self._changed.wait()
            self._reopening = True
            while self._active:
                self._changed.wait()
        try:
            yield
        finally:
            with self._changed:
                self._reopening = False
                self._changed.notify_all()


@dataclass
class _PageCopy:
    """An Arrow copy of the events table as of one store version, each row key's place in it, and what
    EventFilter needs to select and order rows in memory (the same answers as EventFilter.sql; tested)."""

    version: int
    table: pa.Table | None  # None: the store has more than PAGE_COPY_MAX_EVENTS events
    index: dict[int, int]
    made_at: float
    seconds: float
    order: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # rows in _ORDER
    days: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # date_start as days, null: huge
    _masks: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)

    @classmethod
    def make(cls, store: Store) -> _PageCopy:
        started = time.monotonic()
        with store.reading() as cur:
            version = store.version  # read first: a write during the copy leaves it stale, not wrong-labelled
            if cur.execute("SELECT count(*) FROM events").fetchall()[0][0] > PAGE_COPY_MAX_EVENTS:
                return cls(version, None, {}, started, time.monotonic() - started)
            table = cur.sql(f"SELECT event_key, {', '.join(EVENT_COLUMNS)}, date_start FROM events").to_arrow_table()
        keys = table.column("event_key").to_numpy()
        days = pc.fill_null(table.column("date_start").cast(pa.int32()).cast(pa.int64()), _UNDATED).to_numpy()
        order = np.lexsort((keys, days))  # date_start NULLS LAST, then event_key
        index = {key: place for place, key in enumerate(keys.tolist())}
        log.debug("copied %d events to memory for pages", table.num_rows)
        return cls(version, table, index, started, time.monotonic() - started, order, days)

    def _has(self, column: str, code: str) -> np.ndarray:
        """Rows whose list column holds code (list_contains), kept per (column, code)."""
        key = (column, code)
        if (mask := self._masks.get(key)) is None:
            lists = self.table.column(column).combine_chunks()
            hits = pc.list_parent_indices(lists).to_numpy()[pc.equal(pc.list_flatten(lists), code).to_numpy(False)]
            mask = np.zeros(self.table.num_rows, dtype=bool)
            mask[hits] = True
            if len(self._masks) > 1024:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def _equals(self, column: str, value: str) -> np.ndarray:
        key = (column, value)
        if (mask := self._masks.get(key)) is None:
            mask = pc.equal(self.table.column(column), value).to_numpy(False)
            self._masks[key] = mask
        return mask

    def matches(self, where: EventFilter) -> np.ndarray:
        """The rows where every filter holds, as EventFilter.sql selects them."""
        mask = np.ones(self.table.num_rows, dtype=bool)
        if where.actor:
            mask &= self._has("actor_codes", where.actor)
        if where.recipient:
            mask &= self._has("recipient_codes", where.recipient)
        if where.type:
            mask &= self._equals("event", where.type)
        if (bounds := period_bounds(where.since, "since")) is not None:
            mask &= (self.days >= _days(bounds[0])) & (self.days != _UNDATED)  # undated rows never match
        if (bounds := period_bounds(where.until, "until")) is not None:
            mask &= self.days <= _days(bounds[1])
        if where.pair:
            a, b = where.pair
            # the dyads of an event are its actor codes times its recipient codes: either direction,
            # or both as joint actors
            mask &= (
                (self._has("actor_codes", a) & self._has("recipient_codes", b))
                | (self._has("actor_codes", b) & self._has("recipient_codes", a))
                | (self._has("actor_codes", a) & self._has("actor_codes", b))
            )
        if where.doc_id:
            mask &= pc.equal(self.table.column("doc_id"), where.doc_id).to_numpy(False)
        return mask

    def page_keys(self, where: EventFilter, limit: int | None, offset: int) -> list[int]:
        rows = self.order[self.matches(where)[self.order]]
        end = None if limit is None else offset + int(limit)
        return self.table.column("event_key").take(rows[int(offset) : end]).to_pylist()

    def count(self, where: EventFilter) -> int:
        return int(np.count_nonzero(self.matches(where)))


_UNDATED = np.iinfo(np.int64).max  # sorts last, as NULLS LAST


def _days(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def _code(articles: list[Article], coder: Coder) -> dict[str, list[Event]]:
    by_doc: dict[str, list[Event]] = {a.id: [] for a in articles}
    for event in coder(articles):
        by_doc.setdefault(event.doc_id, []).append(event)
    return by_doc


def _dyads(event: Event, key: int) -> Iterator[tuple[int, str, str]]:
    actors = sorted({e.code for e in event.actor}) or [""]
    recipients = sorted({e.code for e in event.recipient}) or [""]
    for a in actors:
        for b in recipients:
            yield key, a, b


# Every connection to a store reads that file and nothing else: no read_csv('/etc/passwd'), no glob(),
# no ATTACH, COPY or extension downloads (docs/store.md, "Sandbox"). The same settings on every connection
# of a process, writable or not, since DuckDB shares one instance per file and refuses a second config.
SANDBOX = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


def store_path(path: str | None = None) -> str:
    """The store's file: path, or DETENTE_DB, or ./detente.duckdb."""
    return str(path or os.environ.get("DETENTE_DB") or DEFAULT_DB)


def open_store(path: str | None = None, *, read_only: bool = False) -> Store:
    """Open (and create or migrate) the store at path, DETENTE_DB, or ./detente.duckdb."""
    path = store_path(path)
    connection_read_only = read_only
    if read_only and not Path(path).exists():
        raise StoreError(Errors.E130.format(path=path))
    try:
        if read_only:
            try:
                conn = duckdb.connect(path, read_only=True, config=SANDBOX)
            except duckdb.ConnectionException:
                # This process has the file open writable: share that instance, refuse writes ourselves.
                conn = duckdb.connect(path, config=SANDBOX)
                connection_read_only = False
            version = current_version(conn)
            if version < SCHEMA_VERSION and not connection_read_only:
                migrate(conn)
            elif version < SCHEMA_VERSION:
                # An older database: migrate it once with a writable connection, then reopen read-only.
                conn.close()
                with duckdb.connect(path, config=SANDBOX) as writable:
                    migrate(writable)
                conn = duckdb.connect(path, read_only=True, config=SANDBOX)
        else:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = duckdb.connect(path, config=SANDBOX)
            version = current_version(conn)
            if version < SCHEMA_VERSION:
                migrate(conn)
    except duckdb.Error as error:
        raise StoreError(Errors.E040.format(reason=error)) from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(Errors.E131.format(path=path, found=version, supported=SCHEMA_VERSION))
    return Store(conn, path, read_only, connection_read_only)


def events_for_pair(
    db_path: str | None, a: str, b: str, *, since: str | None = None, until: str | None = None
) -> Iterator[Event]:
    """Every event between a and b (either direction) in date order, read-only from the store at db_path."""
    store = open_store(db_path, read_only=True)
    try:
        yield from store.iter_events(pair=(a, b), since=since, until=until)
    finally:
        store.close()
