"""A fast, deterministic stand-in for detente's coder: the batch machinery is tested without spaCy."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence

from detente.batch.coding import CodedBatch
from detente.model import Article, Entity, Event, make_event_id

COUNTRIES = {"France": "FRA", "Germany": "DEU", "Japan": "JPN", "Chile": "CHL", "Kenya": "KEN"}
VERBS = {"met": "CONSULT", "attacked": "ASSAULT", "praised": "SUPPORT", "accused": "ACCUSE"}
_SENTENCE = re.compile(r"[^.\n]+[.\n]?")


def fake_events(article: Article) -> tuple[list[Event], int]:
    """One event per sentence of the form 'COUNTRY VERB COUNTRY', dated by the article."""
    if "EXPLODE" in article.text:
        raise RuntimeError("the fake coder cannot code this")
    events, sentences = [], 0
    for index, match in enumerate(_SENTENCE.finditer(article.text)):
        sentence = match.group().strip()
        if not sentence:
            continue
        sentences += 1
        words = sentence.rstrip(".").split()
        if len(words) == 3 and words[0] in COUNTRIES and words[1] in VERBS and words[2] in COUNTRIES:
            event_type = VERBS[words[1]]
            start = match.start() + match.group().index(words[1])
            events.append(
                Event(
                    doc_id=article.id,
                    event_id=make_event_id(article.id, index, start, event_type),
                    event=event_type,
                    actor=[Entity(text=words[0], code=COUNTRIES[words[0]])],
                    recipient=[Entity(text=words[2], code=COUNTRIES[words[2]])],
                    date=article.date.isoformat() if article.date else None,
                    date_precision="day" if article.date else "none",
                    sentence_index=index,
                    sentence=sentence,
                    trigger=words[1],
                    trigger_start=start,
                    trigger_end=start + len(words[1]),
                    url=article.url,
                )
            )
    return events, sentences


def fake_coder(articles: Sequence[Article]) -> CodedBatch:
    """Code a batch with fake_events; BATCH_FAKE_DELAY seconds per article slow it down for kill tests."""
    delay = float(os.environ.get("BATCH_FAKE_DELAY", "0"))
    batch = CodedBatch()
    for article in articles:
        if delay:
            time.sleep(delay)
        events, sentences = fake_events(article)
        batch.events.extend(events)
        batch.sentences += sentences
    return batch


def fake_code_articles(articles: Sequence[Article]) -> list[Event]:
    """What a one-process run of the fake coder gives: the reference output."""
    return [event for article in articles for event in fake_events(article)[0]]


class SlowToArrive:
    """fake_coder, but a worker takes BATCH_FAKE_ARRIVAL seconds to unpickle it: stands for a worker's
    imports, before any code of detente's runs in it (kill tests of the start-up phase)."""

    def __call__(self, articles: Sequence[Article]) -> CodedBatch:
        return fake_coder(articles)

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        time.sleep(float(os.environ.get("BATCH_FAKE_ARRIVAL", "0")))
