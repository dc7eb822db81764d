"""Schema versions: an old store opens, migrates and reads back equal (with the CAMEO codes of its events filled
in); a new store is created from the column table of detente.schema with the same tables a migrated one has; a
newer store is refused."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from datetime import date, datetime
from urllib.parse import urlsplit

import duckdb
import pytest
from eventkit import events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import StoreError
from detente.events.lexicon import load_cameo
from detente.model import Article, Entity, Event
from detente.schema import COLUMNS, NAMES, date_start, flat_row
from detente.store import MIGRATIONS, SCHEMA_VERSION, open_store
from detente.store.schema import TABLE_COLUMNS, migrate


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


# -- version 2 as it was released: its row of an event (store.py before version 3) --------------------------
_V2_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _v2_date_start(value: str | None) -> date | None:
    match = _V2_DATE.match(str(value).strip()) if value else None
    try:
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is None:
            return date(year, 1, 1)
        calendar.monthrange(year, month)
        return date(year, month, day or 1)
    except ValueError:
        return None


def _v2_source(url: str, doc_id: str) -> str:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else f"doc:{doc_id}"


def _v2_row(event: Event, key: int, position: int, article_url: str) -> dict:
    start = _v2_date_start(event.date)
    return {
        "event_key": key, "doc_id": event.doc_id, "event_id": event.event_id, "position": position,
        "event": event.event, "mode": event.mode, "context": list(event.context),
        "actor_json": json.dumps([e.model_dump() for e in event.actor]),
        "recipient_json": json.dumps([e.model_dump() for e in event.recipient]),
        "actor_codes": [e.code for e in event.actor], "recipient_codes": [e.code for e in event.recipient],
        "date": event.date, "date_precision": event.date_precision, "date_start": start,
        "year": start.year if start else None, "month": start.month if start else None,
        "historical": event.historical, "negated": event.negated, "hypothetical": event.hypothetical,
        "future": event.future, "intensity": float(event.intensity), "quad": event.quad, "object": event.object,
        "location": event.location, "sentence_index": event.sentence_index, "sentence": event.sentence,
        "trigger": event.trigger, "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
        "pattern": event.pattern, "url": event.url,
        "dedup_key": json.dumps(event.dedup_key(), separators=(",", ":")),
        "source": _v2_source(event.url or article_url, event.doc_id),
    }


def _write_store(path: str, version: int, items: list[tuple[Article, list[Event]]], row_of) -> None:
    """A store as `version` wrote it: its migrations, then its articles and the event rows `row_of` builds."""
    with duckdb.connect(path) as conn:
        assert migrate(conn, target=version) == version
        for article in {a.id: a for a, _ in items}.values():
            conn.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                [article.id, article.content_hash(), article.text, article.date, article.title, article.url,
                 datetime.now()],
            )
        key = 1
        for article, batch in items:
            for position, event in enumerate(batch):
                row = row_of(event, key, position, article.url)
                conn.execute(f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             list(row.values()))
                for a in sorted({e.code for e in event.actor}) or [""]:
                    for b in sorted({e.code for e in event.recipient}) or [""]:
                        conn.execute("INSERT INTO dyads VALUES (?, ?, ?)", [key, a, b])
                key += 1


def _make_v2(path: str, items: list[tuple[Article, list[Event]]]) -> None:
    """A store written by version 2: its migrations, its rows."""
    _write_store(path, 2, items, _v2_row)


# -- version 3: the flat layout of detente.schema version 1, which had no CAMEO columns -----------------------
CAMEO_COLUMNS = ("cameo_code", "cameo_root")


# The flags schema version 3 of the layout (store version 5) added: a store of version 3 or 4 has no such column.
LATER_FLAGS = ("actor_guessed", "background")
# The mentions of each act and the inferred marks, which schema version 4 of the layout (store version 6) added.
MENTION_COLUMNS = ("mention_sentences", "mention_starts", "mention_ends", "actor_inferred", "recipient_inferred")
# The event's place, which schema version 4 of the layout (store version 6) added too.
PLACE_COLUMNS = tuple(c.name for c in COLUMNS if c.place)


def _v3_row(event: Event, key: int, position: int, article_url: str) -> dict:
    """The flat layout without the CAMEO columns and the later flags."""
    row = {"event_key": key, **flat_row(event), "position": position, "date_start": date_start(event.date)}
    later = CAMEO_COLUMNS + LATER_FLAGS + MENTION_COLUMNS + PLACE_COLUMNS
    return {name: value for name, value in row.items() if name not in later}


def _make_v3(path: str, items: list[tuple[Article, list[Event]]]) -> None:
    """A store written by version 3: its migrations, its rows (the flat layout without the CAMEO columns)."""
    _write_store(path, 3, items, _v3_row)


def _with_cameo(event: Event) -> Event:
    """The event with the CAMEO code its type, mode and contexts map to: what a migrated store holds."""
    code = load_cameo().code_of(event.event, event.mode, event.context)
    return event.model_copy(update={"cameo_code": code.code, "cameo_root": code.root})


def _tables(conn) -> dict[str, list]:
    """What a schema is made of: each table's columns (name, type, nullable, in order), indexes, the view."""
    columns = conn.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns"
        " WHERE table_name IN ('articles', 'events', 'dyads', 'event_reports', 'article_minhash', 'article_bands',"
        " 'article_copies', 'article_stories')"
        " ORDER BY table_name, ordinal_position"
    ).fetchall()
    indexes = conn.execute("SELECT index_name, table_name, sql FROM duckdb_indexes() ORDER BY index_name").fetchall()
    return {"columns": columns, "indexes": indexes}


# -- the tests -------------------------------------------------------------------------------------------------
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
        # Version 2 back-filled the duplicate-report columns of the old row; version 3 turned the key into an id.
        key = '["AGREE","",["RUS"],["GEO"],"2008-08"]'
        assert store.sql("SELECT dedup_id, source, year, month FROM events")[1] == [
            (hashlib.sha1(key.encode()).hexdigest()[:16], "example.com", 2008, 8)
        ]
        assert store.sql("SELECT mentions, sources, articles FROM event_reports")[1] == [(1, 1, 1)]
        # Version 4 gave the old AGREE (diplomatic) its CAMEO code.
        assert (event.cameo_code, event.cameo_root) == ("030", "03")
        versions = store.sql("SELECT version FROM schema_version ORDER BY version")[1]
        assert [v for (v,) in versions] == list(range(1, SCHEMA_VERSION + 1))


def test_version_1_database_opened_read_only_is_migrated_first(tmp_path) -> None:
    path = str(tmp_path / "v1.duckdb")
    _make_v1(path)
    with open_store(path, read_only=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [e.event_id for e in store.query()] == ["e-old"]


OLD_ARTICLES = [
    Article(id="a1", text="Russia and Belarus agreed with Georgia.", url="https://www.news.example/a1"),
    Article(id="a2", text="Ukraine accused them.", date=date(2014, 2, 27)),
]
OLD_EVENTS = {
    "a1": [
        Event(
            doc_id="a1", event_id="e1", event="AGREE", context=["diplomatic"], date="2008",
            date_precision="year", intensity=2.5, quad="verbal_cooperation", sentence="Russia and Belarus agreed.",
            actor=[Entity(text="Russia", code="RUS", sector="GOV", start=0, end=6),
                   Entity(text="Belarus 🇧🇾", code="BLR", name="Belarus; the state")],
            recipient=[Entity(text="Georgia", code="GEO", start=None, end=None)],
            url="https://www.news.example/a1", trigger="agreed", trigger_start=19, trigger_end=25,
            pattern="verbs.tsv:1",
        ),
        Event(doc_id="a1", event_id="e2", event="CONSULT", date="2008-08", actor=[Entity(text="x", code="RUS")],
              url="https://www.news.example/a1", historical=True),
    ],
    "a2": [
        Event(doc_id="a2", event_id="e3", event="ACCUSE", date=None, negated=True, object="the 'deal', \"so\" called",
              actor=[Entity(text="Ukraine", code="UKR", sector="")], sentence_index=3, intensity=-3.0),
    ],
}


def test_version_2_store_migrates_and_reads_back_equal(tmp_path) -> None:
    path = str(tmp_path / "v2.duckdb")
    _make_v2(path, [(a, OLD_EVENTS[a.id]) for a in OLD_ARTICLES])
    with duckdb.connect(path) as conn:
        before = conn.execute("SELECT event_id, mentions, sources, articles FROM event_reports ORDER BY 1").fetchall()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        stored = [_with_cameo(e) for a in OLD_ARTICLES for e in OLD_EVENTS[a.id]]
        assert [e.cameo_code for e in stored] == ["030", "040", "110"]
        assert store.query() == sorted(stored, key=lambda e: (e.date is None, e.date or ""))
        # The derived columns are what the column table derives today.
        columns, rows = store.sql(f"SELECT {', '.join(NAMES)} FROM events ORDER BY event_key")
        assert [dict(zip(columns, row, strict=True)) for row in rows] == [flat_row(e) for e in stored]
        after = store.sql("SELECT event_id, mentions, sources, articles FROM event_reports ORDER BY 1")[1]
        assert after == before
        assert store.query(pair=("GEO", "BLR"))[0].event_id == "e1"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(events, min_size=1, max_size=4), url=st.sampled_from(["", "https://www.example.org/a"]))
def test_any_events_of_a_version_2_store_read_back_equal(tmp_path_factory, batch, url) -> None:
    path = str(tmp_path_factory.mktemp("v2") / "v2.duckdb")
    batch = [e.model_copy(update={"doc_id": "d", "url": url}) for e in batch]
    _make_v2(path, [(Article(id="d", text="t", url=url), batch)])
    batch = [_with_cameo(e) for e in batch]
    with open_store(path) as store:
        # the strategy may draw two events with one event_id: order them by their whole record
        def whole(e: Event) -> tuple[str, str]:
            return (e.event_id, e.model_dump_json())

        assert sorted(store.query(), key=whole) == sorted(batch, key=whole)
        columns, rows = store.sql(f"SELECT {', '.join(NAMES)} FROM events ORDER BY event_key")
        assert [dict(zip(columns, row, strict=True)) for row in rows] == [flat_row(e) for e in batch]


# Events a version 3 store held, with the contexts that pick a CAMEO code of their own (docs/events.md).
V3_EVENTS = [
    Event(doc_id="v3", event_id="f1", event="AGREE", context=["economic", "military"], date="2012-03-02",
          actor=[Entity(text="Russia", code="RUS")], recipient=[Entity(text="Georgia", code="GEO")]),
    Event(doc_id="v3", event_id="f2", event="ASSAULT", mode="heavy-weapons", context=["military"], date="2012-03",
          actor=[Entity(text="rebels", code="SYR", sector="REB")]),
    Event(doc_id="v3", event_id="f3", event="SANCTION", mode="discontinue", context=["diplomatic"], date=None,
          actor=[Entity(text="Georgia", code="GEO")], recipient=[Entity(text="Russia", code="RUS")]),
    Event(doc_id="v3", event_id="f4", event="SANCTION", mode="discontinue", context=[], date="2012",
          actor=[Entity(text="France", code="FRA")], recipient=[Entity(text="Iran", code="IRN")]),
]


def test_version_3_store_migrates_and_reads_back_with_cameo_codes(tmp_path) -> None:
    path = str(tmp_path / "v3.duckdb")
    _make_v3(path, [(Article(id="v3", text="t"), V3_EVENTS)])
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        read = {e.event_id: e for e in store.query()}
        assert {i: (e.cameo_code, e.cameo_root) for i, e in read.items()} == {
            "f1": ("0311", "03"),
            "f2": ("194", "19"),
            "f3": ("161", "16"),
            "f4": ("160", "16"),
        }
        assert [read[e.event_id] for e in V3_EVENTS] == [_with_cameo(e) for e in V3_EVENTS]
        columns, rows = store.sql(f"SELECT {', '.join(NAMES)} FROM events ORDER BY event_key")
        assert [dict(zip(columns, row, strict=True)) for row in rows] == [flat_row(_with_cameo(e)) for e in V3_EVENTS]
        assert store.sql("SELECT count(*) FROM event_reports")[1] == [(4,)]


def _v6_row(event: Event, key: int, position: int, article_url: str) -> dict:
    """The flat layout of today (schema version 4), which store version 6 introduced."""
    return {"event_key": key, **flat_row(event), "position": position, "date_start": date_start(event.date)}


WIRE = (
    "Kazakhstan and Kyrgyzstan agreed on Thursday to reopen three border crossings closed since the spring, the "
    "two foreign ministries said in a joint statement after talks in Almaty. The crossings will reopen to freight "
    "first and to passenger cars from next month, and customs officers of both countries will share them."
)


def test_version_6_store_migrates_with_its_copies_found(tmp_path) -> None:
    """Version 7 keeps signatures and stories: a store of version 6 gets them for the articles it holds, so its
    copies count as one source and a later load is compared with them."""
    path = str(tmp_path / "v6.duckdb")
    items = []
    for doc_id, text in (("wire", WIRE), ("copy", "ALMATY (Steppe Daily) - " + WIRE), ("own", "Chile met Peru.")):
        url = f"https://{doc_id}.example/story"
        event = Event(doc_id=doc_id, event_id=f"e-{doc_id}", event="AGREE", date="2024-09-12", url=url,
                      actor=[Entity(text="Kazakhstan", code="KAZ")], recipient=[Entity(text="Kyrgyzstan", code="KGZ")])
        items.append((Article(id=doc_id, text=text, url=url, date=date(2024, 9, 12)), [event]))
    _write_store(path, 6, items, _v6_row)
    with duckdb.connect(path) as conn:
        assert conn.execute("SELECT mentions, sources, articles FROM event_reports").fetchall() == [(3, 3, 3)]
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 7
        assert store.sql("SELECT article_id, story_id FROM article_stories ORDER BY 1")[1] == [
            ("copy", "wire"), ("wire", "wire")
        ]
        assert store.sql("SELECT mentions, sources, articles FROM event_reports")[1] == [(3, 2, 3)]
        assert store.sql("SELECT id, summary_only FROM articles ORDER BY id")[1] == [
            ("copy", False), ("own", False), ("wire", False)
        ]
        # "own" is too short to have a signature; the others have theirs, banded
        assert store.sql("SELECT count(*) FROM article_minhash")[1] == [(2,)]
        assert store.sql("SELECT count(DISTINCT article_id), count(*) FROM article_bands")[1] == [(2, 64)]
        assert [e.event_id for e in store.query()] == ["e-wire", "e-copy", "e-own"]
        report = store.load([Article(id="third", text=WIRE + " Copyright Border Post.", url="https://post.example/1")],
                            coder=lambda articles: [])
        assert report.copies == 1
        assert store.sql("SELECT story_id FROM article_stories WHERE article_id = 'third'")[1] == [("wire",)]


def test_new_and_migrated_stores_have_the_same_tables(tmp_path) -> None:
    old, new = str(tmp_path / "old.duckdb"), str(tmp_path / "new.duckdb")
    _make_v1(old)
    open_store(old).close()
    open_store(new).close()
    with duckdb.connect(old) as a, duckdb.connect(new) as b:
        assert _tables(a) == _tables(b)


def test_new_store_events_table_is_the_column_table(tmp_path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as store:
        names = [n for (n,) in store.sql("SELECT column_name FROM information_schema.columns"
                                         " WHERE table_name = 'events' ORDER BY ordinal_position")[1]]
    assert names == [name for name, _, _ in TABLE_COLUMNS]
    assert names[1:-2] == list(NAMES)


def test_opening_twice_does_not_migrate_twice(tmp_path) -> None:
    path = str(tmp_path / "s.duckdb")
    open_store(path).close()
    with open_store(path) as store:
        # A new store is created at the latest version in one step.
        assert store.sql("SELECT version FROM schema_version")[1] == [(SCHEMA_VERSION,)]


def test_newer_database_is_refused_with_E131(tmp_path) -> None:
    path = str(tmp_path / "future.duckdb")
    open_store(path).close()
    with duckdb.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=r"\[E131\]"):
        open_store(path)
