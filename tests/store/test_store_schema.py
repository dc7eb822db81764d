"""Schema versions: a database made at version 1 opens and migrates; a newer one is refused."""

from __future__ import annotations

import duckdb
import pytest

from detente.errors import StoreError
from detente.store import MIGRATIONS, SCHEMA_VERSION, open_store
from detente.store.schema import migrate


def _make_v1(path: str) -> None:
    """A store as version 1 wrote it: one article, one RUS->GEO event, its dyad."""
    with duckdb.connect(path) as conn:
        assert migrate(conn, target=1) == 1
        conn.execute(
            "INSERT INTO articles VALUES ('old', 'h', 'Russia agreed with Georgia.', DATE '2008-08-01',"
            " '', 'https://www.example.com/story', now())"
        )
        conn.execute("""
            INSERT INTO events VALUES (1, 'old', 'e-old', 0, 'AGREE', '', ['diplomatic'],
                '[{"text": "Russia", "code": "RUS", "sector": "GOV", "name": "", "start": 0, "end": 6}]',
                '[{"text": "Georgia", "code": "GEO", "sector": "", "name": "", "start": 19, "end": 26}]',
                ['RUS'], ['GEO'], '2008-08', 'month', DATE '2008-08-01', 2008, 8, false, false, false, false,
                2.5, 'verbal_cooperation', '', '', 0, 'Russia agreed with Georgia.', 'agreed', 7, 13, '',
                'https://www.example.com/story')""")
        conn.execute("INSERT INTO dyads VALUES (1, 'RUS', 'GEO')")


def test_version_1_database_opens_and_migrates(tmp_path) -> None:
    path = str(tmp_path / "v1.duckdb")
    _make_v1(path)
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        [event] = store.query(pair=("GEO", "RUS"))
        assert (event.event_id, event.date, event.actor[0].code, event.recipient[0].end) == (
            "e-old",
            "2008-08",
            "RUS",
            26,
        )
        # Version 2 back-filled the duplicate-report columns of the old row.
        assert store.sql("SELECT dedup_key, source FROM events")[1] == [
            ('["AGREE","",["RUS"],["GEO"],"2008-08"]', "example.com")
        ]
        assert store.sql("SELECT mentions, sources, articles FROM event_reports")[1] == [(1, 1, 1)]
        assert [v for (v,) in store.sql("SELECT version FROM schema_version ORDER BY version")[1]] == [1, 2]


def test_version_1_database_opened_read_only_is_migrated_first(tmp_path) -> None:
    path = str(tmp_path / "v1.duckdb")
    _make_v1(path)
    with open_store(path, read_only=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [e.event_id for e in store.query()] == ["e-old"]


def test_opening_twice_does_not_migrate_twice(tmp_path) -> None:
    path = str(tmp_path / "s.duckdb")
    open_store(path).close()
    with open_store(path) as store:
        assert store.sql("SELECT count(*) FROM schema_version")[1] == [(SCHEMA_VERSION,)]


def test_newer_database_is_refused_with_E131(tmp_path) -> None:
    path = str(tmp_path / "future.duckdb")
    open_store(path).close()
    with duckdb.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=r"\[E131\]"):
        open_store(path)
