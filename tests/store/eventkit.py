"""Hand-made events and a tiny keyword coder (the model is beside the point)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from detente.model import QUAD, Article, Entity, Event, intensity_of, make_event_id

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
