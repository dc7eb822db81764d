"""Explain how a text was coded: parse, actors, patterns that fired or nearly fired, events."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from detente.articles import clean_text
from detente.coder import events_of, explain_doc, load_pipeline, sentences_of
from detente.model import Article
from detente.sentences.limits import blank_overlong_sentences


def explain(text: str, date: dt.date | None = None) -> dict:
    """A structured account of the coding of `text` (published on `date`), for people and tests."""
    nlp = load_pipeline()
    article = Article(id="explain", text=text, date=date)
    doc = nlp.make_doc(blank_overlong_sentences(clean_text(text), "explain"))
    doc._.article = article
    doc = nlp(doc)
    coded, misses = explain_doc(doc)
    actors = doc._.actors
    report: dict = {"sentences": []}
    for index, sent in enumerate(sentences_of(doc)):
        tokens = [
            {
                "i": t.i,
                "text": t.text,
                "lemma": t.lemma_,
                "pos": t.pos_,
                "tag": t.tag_,
                "dep": t.dep_,
                "head": t.head.i,
                "quote": actors.inside_quote[t.i],
            }
            for t in sent
            if not t.is_space
        ]
        mentions = [
            {"text": m.text, "code": m.name.code, "sector": m.name.sector, "kind": m.name.kind, "name": m.name.name}
            for m in actors.mentions
            if sent.start <= m.start < sent.end
        ]
        events = [
            {
                "event": c.candidate.event,
                "mode": c.candidate.mode,
                "trigger": c.candidate.trigger.text,
                "actors": [f"{f.entity.code}/{f.entity.sector or '-'} <- {f.why}" for f in c.candidate.actors],
                "recipients": [f"{f.entity.code}/{f.entity.sector or '-'} <- {f.why}" for f in c.candidate.recipients],
                "date": (c.date.value, c.date.precision, c.date.text) if c.date else None,
                "flags": {k: getattr(c.candidate, k) for k in ("negated", "hypothetical", "future")},
                "notes": c.candidate.notes,
                "constructions": [asdict(step) for step in c.candidate.trace],
            }
            for c in coded
            if c.sentence_index == index
        ]
        missed = [
            {
                "trigger": m.token.text,
                "reason": m.reason,
                "patterns": [f"{p.source} {p.text!r} {p.type}" for p in m.patterns],
                "constructions": [asdict(step) for step in m.trace],
            }
            for m in misses
            if sent.start <= m.token.i < sent.end
        ]
        report["sentences"].append(
            {
                "index": index,
                "text": sent.text.strip(),
                "tokens": tokens,
                "actors": mentions,
                "events": events,
                "missed": missed,
            }
        )
    report["people"] = {k: f"{v.code}/{v.sector}" for k, v in actors.people.items()}
    report["records"] = [e.model_dump(mode="json") for e in events_of(doc)]
    return report
