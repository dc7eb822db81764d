"""Hand-made events, random ones (hypothesis) and a tiny keyword coder (the model is beside the point)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from detente.model import CONTEXTS, PLOVER_TYPES, QUAD, SECTORS, Article, Entity, Event, intensity_of, make_event_id

COUNTRIES = {"Russia": "RUS", "Georgia": "GEO", "France": "FRA", "Germany": "DEU", "Moldova": "MDA"}
VERBS = {
    "agreed": "AGREE",
    "accused": "ACCUSE",
    "attacked": "ASSAULT",
    "met": "CONSULT",
    "sanctioned": "SANCTION",
}
XSS_TEXT = (
    'Russia accused Georgia of planting <script>alert("xss")</script> in the talks. '
    "Georgia met Russia <img src=x onerror=alert(1)> in Geneva."
)


def make_event(
    doc_id: str = "doc1",
    event_type: str = "AGREE",
    actor: str = "RUS",
    recipient: str | list[Entity] = "GEO",
    date: str | None = "2012-03-02",
    **overrides: Any,
) -> Event:
    """One event with sensible defaults; overrides win."""
    fields: dict[str, Any] = {
        "doc_id": doc_id,
        "event_id": make_event_id(
            doc_id, overrides.get("sentence_index", 0), overrides.get("trigger_start", 7), event_type
        ),
        "event": event_type,
        "actor": [Entity(text=actor, code=actor, sector="GOV", start=0, end=6)],
        "recipient": (
            recipient
            if isinstance(recipient, list)
            else [Entity(text=recipient, code=recipient, start=18, end=25)]
            if recipient
            else []
        ),
        "date": date,
        "date_precision": "day" if date and len(date) == 10 else ("none" if not date else "month"),
        "intensity": intensity_of(event_type),
        "quad": QUAD[event_type],
        "sentence": "Russia agreed with Georgia.",
        "trigger": "agreed",
        "trigger_start": 7,
        "trigger_end": 13,
    }
    fields.update(overrides)
    return Event(**fields)


def keyword_coder(articles: Iterable[Article]) -> Iterator[Event]:
    """Code each sentence with a known verb and two known countries: first country acts on the second."""
    for article in articles:
        for index, match in enumerate(re.finditer(r"[^.!?]+[.!?]?", article.text)):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            sentence = match.group(0).strip()
            if not sentence:
                continue
            names = [(start + m.start(), m.group(0)) for m in re.finditer("|".join(COUNTRIES), sentence)]
            verb = re.search("|".join(VERBS), sentence)
            if len(names) < 2 or not verb:
                continue
            trigger_start = start + verb.start()
            event_type = VERBS[verb.group(0)]
            actor, recipient = (
                Entity(text=n, code=COUNTRIES[n], sector="GOV", name=n, start=o, end=o + len(n)) for o, n in names[:2]
            )
            yield Event(
                doc_id=article.id,
                event_id=make_event_id(article.id, index, trigger_start, event_type),
                event=event_type,
                actor=[actor],
                recipient=[recipient],
                date=article.date.isoformat() if article.date else None,
                date_precision="day" if article.date else "none",
                intensity=intensity_of(event_type),
                quad=QUAD[event_type],
                sentence_index=index,
                sentence=sentence,
                trigger=verb.group(0),
                trigger_start=trigger_start,
                trigger_end=trigger_start + len(verb.group(0)),
                url=article.url,
            )


# Random events for round trips: any text, offsets and dates that need not parse.
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
offsets = st.none() | st.integers(min_value=0, max_value=10**7)
int32 = st.integers(min_value=0, max_value=2**31 - 1)
entities = st.builds(
    Entity,
    text=text,
    code=st.from_regex(r"[A-Z]{3}|[A-Z]{2,5}", fullmatch=True),
    sector=st.sampled_from(sorted(SECTORS) + [""]),
    name=text,
    start=offsets,
    end=offsets,
)
dates = st.none() | st.sampled_from(["2008", "2008-08", "2012-03-02", "1999-12-31"]) | text
events = st.builds(
    Event,
    doc_id=text.filter(bool),
    event_id=st.text(min_size=1, max_size=16),
    event=st.sampled_from(PLOVER_TYPES),
    mode=text,
    context=st.lists(st.sampled_from(sorted(CONTEXTS)), max_size=3),
    actor=st.lists(entities, max_size=3),
    recipient=st.lists(entities, max_size=3),
    date=dates,
    date_precision=st.sampled_from(["day", "week", "month", "year", "none"]),
    historical=st.booleans(),
    negated=st.booleans(),
    hypothetical=st.booleans(),
    future=st.booleans(),
    intensity=st.floats(min_value=-10, max_value=10, allow_nan=False),
    quad=text,
    cameo_code=st.sampled_from(["", "030", "0311", "190", "1831"]),
    cameo_root=st.sampled_from(["", "03", "19", "18"]),
    object=text,
    location=text,
    sentence_index=int32,
    sentence=text,
    trigger=text,
    trigger_start=int32,
    trigger_end=int32,
    pattern=text,
    url=text,
)


PAIR_CODES = "['RUS','GEO','UKR','FRA','DEU','USA','CHN','TUR','IRN','ARM']"


def fill_store(path: str, rows: int) -> None:
    """A store of `rows` events over ten states (1% of them RUS->GEO and 1% GEO->RUS), written straight in SQL:
    so many Event objects would test pydantic, not the store. One stored event is the template of every row,
    so the rows follow the table's columns wherever they go (also used by bench/pair_lookup.py)."""
    from detente.store import open_store

    with open_store(path) as store:
        store.add_events(Article(id="template", text="t"), [make_event("template")])
        with store.cursor() as cur:
            cur.execute(f"""
                INSERT INTO events BY NAME SELECT t.* REPLACE (
                    i + 1000 AS event_key, 'doc' || (i // 5) AS doc_id, 'e' || i AS event_id, i % 5 AS position,
                    [{PAIR_CODES}[1 + i % 10]] AS actor_codes, [{PAIR_CODES}[1 + (i // 10) % 10]] AS recipient_codes,
                    'k' || i AS dedup_id)
                FROM events t, range({rows}) r(i)""")
            cur.execute("DELETE FROM events WHERE doc_id = 'template'")
            cur.execute(
                f"INSERT INTO dyads SELECT i + 1000, {PAIR_CODES}[1 + i % 10], {PAIR_CODES}[1 + (i // 10) % 10]"
                f" FROM range({rows}) r(i)"
            )


def gdelt_notes(section: int) -> str:
    """A section of ../shared/formats/gdelt-2.0.md (0: events, 1: mentions); the test is skipped without it."""
    import pytest

    notes = Path(__file__).resolve().parents[3] / "shared" / "formats" / "gdelt-2.0.md"
    if not notes.exists():
        pytest.skip("no ../shared/formats/gdelt-2.0.md on this machine")
    return notes.read_text(encoding="utf-8").split("## Mentions")[section]


def open_copy(template: Path, directory: Path) -> Iterator[Any]:
    """A store opened on a copy of a closed store file in `directory`, closed after (a fixture's body):
    copying a filled store is cheaper than filling a new one for every test."""
    from detente.store import open_store

    path = directory / template.name
    shutil.copyfile(template, path)
    opened = open_store(str(path))
    yield opened
    opened.close()
