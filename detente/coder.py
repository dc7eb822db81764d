"""The coding pipeline: spaCy parse, then the actors, events and dates components, then Event records.

`code_articles()` is the one path the CLI, the API server and the batch runners share.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.entities import Found
from detente.actors.gazetteer import load_gazetteer
from detente.actors.memory import ArticleMemory
from detente.actors.resolve import ArticleActors
from detente.acts import Told, one_event_per_act
from detente.articles import clean_text, dateline_place
from detente.dates import DateResolver, ResolvedDate
from detente.events.cameo import CameoTable
from detente.events.draft import Candidate, Miss
from detente.events.lexicon import load_lexicon
from detente.events.sentence import SentenceCoder
from detente.model import QUAD, Article, Entity, Event, Location, intensity_of, make_event_id
from detente.places import ArticlePlaces, event_location, load_places
from detente.sentences import build_parser
from detente.sentences.limits import blank_overlong_sentences
from detente.sentences.pipeline import EntityFinder, entity_finder
from detente.sentences.words import TEXT_KEY, Words, parsed, release

log = logging.getLogger(__name__)

for _name in ("article", "actors", "memory", "candidates", "misses", "event_dates", "cameo"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class Coded:
    """A candidate event with the sentence it came from and its resolved date."""

    sentence_index: int
    sentence: Words
    candidate: Candidate
    date: ResolvedDate | None = None
    place: Location | None = None


@Language.factory(
    "detente_actors",
    requires=["token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.actors", "doc._.memory"],
    default_config={"gazetteer": None},
)
def make_actors(nlp: Language, name: str, gazetteer: str | None) -> ActorsComponent:
    return ActorsComponent(gazetteer, entity_finder(nlp))


class ActorsComponent:
    """Finds gazetteer names and titled people; resolves phrases to entities on demand, running the model's
    NER on a sentence only when one of its subjects names no one the gazetteer or the article knows."""

    def __init__(self, overlay: str | None, find_entities: EntityFinder | None = None):
        self.gazetteer = load_gazetteer(overlay)
        self.find_entities = find_entities

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        when = article.date.isoformat() if article is not None and article.date else ""
        doc._.memory = ArticleMemory()
        doc._.actors = ArticleActors.for_doc(doc, self.gazetteer, when, doc._.memory)
        doc._.actors.find_entities = self.find_entities
        doc._.actors.dateline = dateline_place(article.text) if article is not None else ""
        return doc


@Language.factory(
    "detente_events",
    requires=["doc._.actors", "doc._.memory"],
    assigns=["doc._.candidates", "doc._.misses", "doc._.memory", "doc._.cameo"],
    default_config={"lexicon": None},
)
def make_events(nlp: Language, name: str, lexicon: str | None) -> EventsComponent:
    return EventsComponent(lexicon)


class EventsComponent:
    """Matches lexicon patterns per sentence, in article order, remembering each event in the article's memory
    for the sentences after it."""

    def __init__(self, overlay: str | None):
        self.lexicon = load_lexicon(overlay)

    def __call__(self, doc: Doc) -> Doc:
        memory = doc._.memory
        memory.venue_nouns = self.lexicon.venue_nouns()  # "talks in Caracas" are not Caracas's talks
        coder = SentenceCoder(self.lexicon, doc._.actors, memory)
        coded: list[Coded] = []
        for index, sent in enumerate(sentences_of(doc)):
            coded += [Coded(index, sent, c) for c in coder.code(sent)]
        for context in coder.article_contexts():
            for item in coded:
                if context not in item.candidate.context:
                    item.candidate.context.append(context)
        doc._.candidates = coded
        doc._.misses = coder.misses
        doc._.cameo = self.lexicon.cameo  # the records take their CAMEO codes from the lexicon that coded them
        return doc


@Language.factory("detente_places", requires=["doc._.candidates", "doc._.actors"], assigns=["doc._.candidates"])
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


class PlacesComponent:
    """Names where each event happened: the place on its trigger, else in its sentence, else the dateline, else
    the state of the act (detente/places/geocode.py)."""

    def __init__(self) -> None:
        self.table = load_places()  # read with the model, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        places = ArticlePlaces.for_article(doc._.actors, self.table) if doc._.candidates else None
        for item in doc._.candidates or []:
            c = item.candidate
            c.location = event_location(c.trigger, doc._.actors)
            item.place = places.locate(c.trigger, item.sentence, c.event, c.mode, c.actors, c.recipients)
        return doc


@Language.component("detente_dates", requires=["doc._.candidates"], assigns=["doc._.event_dates"])
def dates_component(doc: Doc) -> Doc:
    """Resolves each event's date against the article's publication date."""
    article = doc._.article
    resolver = DateResolver(article.date if article is not None else None)
    by_sentence: dict[int, list[Coded]] = {}
    for item in doc._.candidates or []:
        by_sentence.setdefault(item.sentence.start, []).append(item)
    for sent in sentences_of(doc):
        resolver.read(sent)
        for item in by_sentence.get(sent.start, []):
            if not item.candidate.background:  # a standing relation told in passing has no date of its own
                item.date = resolver.resolve(sent, item.candidate.trigger, said=item.candidate.said)
    return doc


def sentences_of(doc: Doc) -> list[Words]:
    """Sentences with words in them (boilerplate is blanked to spaces and leaves empty ones); found once a doc."""
    if "detente_sentences" not in doc.user_data:
        doc.user_data["detente_sentences"] = [
            sent for sent in parsed(doc).sents if any(not t.is_space and not t.is_punct for t in sent)
        ]
    return doc.user_data["detente_sentences"]


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The full coding pipeline, loaded once per process: an English parser of its own plus detente's
    actors, events, dates and places stages."""
    # Its own parser, not load_parser()'s shared one, so that whoever holds that gets no coding stages.
    nlp = build_parser(with_ner=True)
    for name in ("detente_actors", "detente_events", "detente_dates", "detente_places"):
        nlp.add_pipe(name)
    return nlp


def code_articles(
    articles: str | Iterable[Article | dict | str],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    include_negated: bool = False,
    include_background: bool = False,
) -> Iterator[Event]:
    """Code articles into PLOVER events, article by article, in sentence order.

    Events the text says did not happen ("did not attack") are left out, as PLOVER allows; with
    include_negated they come too, flagged `negated`. Standing relations told in passing ("US-backed forces") come
    with include_background, flagged `background` (the ledger reads them; event lists leave them out).
    A plain string is an article's text, with no date, its id "text-N" by its place in the input (from 1).
    """
    nlp = nlp or load_pipeline()
    if isinstance(articles, str):
        articles = [articles]  # one text, not an iterable of one-letter texts

    def docs() -> Iterator[Doc]:
        for number, article in enumerate(articles, start=1):
            if isinstance(article, str):
                article = Article(id=f"text-{number}", text=article)
            elif not isinstance(article, Article):
                article = Article.model_validate(article)
            text = blank_overlong_sentences(clean_text(article.text), f"article {article.id}")
            doc = nlp.make_doc(text)
            doc.user_data[TEXT_KEY] = text  # doc.text would join every token again
            doc._.article = article
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        events = events_of(doc)
        release(doc)
        for event in events:
            if (include_negated or not event.negated) and (include_background or not event.background):
                yield event


def code_article(
    article: Article | dict | str,
    *,
    nlp: Language | None = None,
    include_negated: bool = False,
    include_background: bool = False,
) -> list[Event]:
    """Code one article: a batch of one."""
    return list(
        code_articles([article], nlp=nlp, include_negated=include_negated, include_background=include_background)
    )


def events_of(doc: Doc) -> list[Event]:
    """Event records from a doc that went through the pipeline."""
    article: Article = doc._.article
    cameo: CameoTable = doc._.cameo or CameoTable()
    told = [
        Told(
            _event(article, item, cameo),
            bool(item.date and item.date.text),
            item.candidate.trigger.lemma_.lower(),
            item.candidate.trigger.pos_ in ("NOUN", "PROPN"),
        )
        for item in doc._.candidates or []
    ]
    return one_event_per_act(told)


def _event(article: Article, item: Coded, cameo: CameoTable) -> Event:
    c = item.candidate
    words = c.words or [c.trigger]
    start = words[0].idx
    end = words[-1].idx + len(words[-1].text)
    date = item.date
    # Chosen here, once the type, mode and contexts are final (the article's contexts come last).
    code = cameo.code_of(c.event, c.mode, c.context)
    return Event(
        doc_id=article.id,
        event_id=make_event_id(article.id, item.sentence_index, c.trigger.idx, c.event),
        event=c.event,
        mode=c.mode,
        context=c.context,
        actor=_marked(c.actors, item.sentence),
        recipient=_marked(c.recipients, item.sentence),
        date=date.value if date else None,
        date_precision=date.precision if date else "none",
        historical=bool(date and date.historical),
        future=c.future or bool(date and date.future),
        negated=c.negated,
        actor_guessed=c.actor_guessed,
        background=c.background,
        hypothetical=c.hypothetical,
        intensity=intensity_of(c.event, c.mode),
        quad=QUAD[c.event],
        cameo_code=code.code,
        cameo_root=code.root,
        object=c.object_text,
        location=c.location,
        place=item.place or Location(),
        sentence_index=item.sentence_index,
        sentence=item.sentence.text.strip(),
        trigger=" ".join(w.text for w in words),
        trigger_start=start,
        trigger_end=end,
        pattern=c.pattern.source,
        url=article.url,
    )


def _marked(found: list[Found], sentence: Words) -> list[Entity]:
    """The entities, each marked inferred when its code came from the article rather than from a name in the
    event's sentence: a pronoun, a description, a place's state, a phrase of an earlier sentence."""
    start, end = sentence.start_char, sentence.end_char
    return [
        f.entity.model_copy(update={"inferred": True})
        if f.inferred or f.pronoun or (f.entity.start is not None and not start <= f.entity.start < end)
        else f.entity
        for f in found
    ]


def explain_doc(doc: Doc) -> tuple[list[Coded], list[Miss]]:
    """What the events stage coded in a doc and the trigger words it passed over, with reasons."""
    return list(doc._.candidates or []), list(doc._.misses or [])
