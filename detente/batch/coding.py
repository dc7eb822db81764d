"""Code one batch of articles and say how it went: the unit of work a worker process or Spark task runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from detente.memory import keep_freed_buffers
from detente.model import Article, Event


@dataclass
class CodedBatch:
    """The events of a batch of articles (in article order), its sentence count and the articles that failed."""

    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)


# A coder turns a batch of articles into a CodedBatch; it must be a module-level function so that
# worker processes and Spark executors can unpickle it.
Coder = Callable[[Sequence[Article]], CodedBatch]


def detente_coder(articles: Sequence[Article]) -> CodedBatch:
    """Code with `detente.code_articles` on this process's cached pipeline, counting parsed sentences."""
    return _code(articles, include_negated=False)


def detente_coder_with_negated(articles: Sequence[Article]) -> CodedBatch:
    """As detente_coder, keeping the events the text says did not happen (flagged `negated`)."""
    return _code(articles, include_negated=True)


def coder_for(include_negated: bool = False, include_background: bool = False) -> Coder:
    """A coder keeping, besides the events of the day, the negated ones and the background ones as asked."""
    if not include_background:
        return detente_coder_with_negated if include_negated else detente_coder
    return partial(_code, include_negated=include_negated, include_background=True)  # picklable: module-level


def _code(articles: Sequence[Article], include_negated: bool, include_background: bool = False) -> CodedBatch:
    from detente.coder import code_articles, load_pipeline  # late: it imports spaCy and the whole pipeline

    nlp = load_pipeline()  # cached per process: one load per worker
    keep_freed_buffers()  # batch after batch, the parser's buffers are reused rather than faulted in anew
    counting = _SentenceCounting(nlp)
    events = list(
        code_articles(
            list(articles), nlp=counting, include_negated=include_negated, include_background=include_background
        )
    )
    return CodedBatch(events=events, sentences=counting.sentences)


class _SentenceCounting:
    """Stands in for the spaCy pipeline and counts the sentences of every Doc it makes."""

    def __init__(self, nlp: object) -> None:
        self._nlp = nlp
        self.sentences = 0

    def __call__(self, text, *args, **kwargs):
        doc = self._nlp(text, *args, **kwargs)
        self.sentences += _sentence_count(doc)
        return doc

    def pipe(self, texts, *args, **kwargs):
        for item in self._nlp.pipe(texts, *args, **kwargs):
            doc = item[0] if isinstance(item, tuple) else item  # as_tuples=True yields (doc, context)
            self.sentences += _sentence_count(doc)
            yield item

    def __getattr__(self, name: str) -> object:
        return getattr(self._nlp, name)


def _sentence_count(doc: object) -> int:
    try:
        return sum(1 for _ in doc.sents)
    except (AttributeError, ValueError):  # a Doc without sentence boundaries
        return 0


def code_safely(coder: Coder, articles: Sequence[Article]) -> CodedBatch:
    """Code a batch; if it fails, code each article alone so one bad article cannot sink the others."""
    try:
        return coder(articles)
    except Exception as error:  # any failure of one article must not stop the batch
        if len(articles) <= 1:
            reason = f"coding failed: {type(error).__name__}: {error}"
            return CodedBatch(failures=[(a.id, reason) for a in articles])
    merged = CodedBatch()
    for article in articles:
        single = code_safely(coder, [article])
        merged.events.extend(single.events)
        merged.sentences += single.sentences
        merged.failures.extend(single.failures)
    return merged
