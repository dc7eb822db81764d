"""The date stage: one DateResolver per article reads every sentence and dates each event's trigger."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from detente.dates import attach
from detente.dates.calendar import Period, day, is_future, is_historical, week_of
from detente.dates.mentions import Mention, find_mentions
from detente.dates.values import NOTHING, Context, Value, evaluate, offset_from
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span

log = logging.getLogger(__name__)

NARRATIVE_PAST = frozenset({"past", "past_perfect"})
# Mentions whose words name a year outright; "that same year" refers back to the last of these.
_EXPLICIT_YEAR = frozenset({"iso", "month_day_year", "day_month_year", "month_year", "year"})


@dataclass(frozen=True)
class ResolvedDate:
    """When an event happened, as precisely as the article says, and whether it is past or future news."""

    value: str | None  # "2012-03-02", "2012-02-27" (week: the Monday), "2008-08", "2008", or None
    precision: str  # "day" | "week" | "month" | "year" | "none"
    historical: bool  # clearly before publication (not the publication day/week itself)
    future: bool  # clearly after publication
    text: str  # the date words used ("on Friday", "in August 2008"), "" if none


NO_DATE = ResolvedDate(None, "none", False, False, "")


@dataclass
class _SentenceDates:
    """What read() found in one sentence: its mentions, their dates, and the sentence before's date."""

    mentions: list[Mention]
    dates: list[ResolvedDate]  # one per mention; for "N months after" the date of the event inside
    previous: ResolvedDate | None  # the narrative date of the previous sentence
    earlier: ResolvedDate | None  # the article's latest historical date before this sentence
    quoted: bool  # the sentence opens inside a quotation that began in an earlier sentence
    previous_named: bool = False  # the previous sentence named its date itself (it did not carry one on)
    narrative: ResolvedDate | None = None  # this sentence's own date, handed to the next sentence


class DateResolver:
    """Resolve event dates in one article against its publication date (see docs/dates.md)."""

    def __init__(self, publication: date | None) -> None:
        self.publication = publication
        self._last_year: int | None = None
        self._reference: Period | None = None
        self._previous: ResolvedDate | None = None
        self._previous_named = False
        self._earlier: ResolvedDate | None = None
        self._quoted = False
        self._sentences: dict[tuple[int, int, int], _SentenceDates] = {}

    def read(self, sent: Span) -> None:
        """Find and remember the date mentions of a sentence; call for every sentence, in order."""
        key = _key(sent)
        if key in self._sentences:
            return
        mentions = find_mentions(sent)
        dates: list[ResolvedDate] = []
        offsets: list[int] = []
        for index, mention in enumerate(mentions):
            if _clause_relation(mention) is not None:
                offsets.append(index)
                dates.append(NO_DATE)  # filled in below, once the main clause's date is known
                continue
            ctx = Context(self.publication, self._last_year, self._reference, self._future_clause(mention))
            dates.append(self._finish(_safely(evaluate, mention, ctx), mention))
            self._remember(mention, dates[-1])
        data = _SentenceDates(mentions, dates, self._previous, self._earlier, self._quoted, self._previous_named)
        for index in offsets:
            mention = mentions[index]
            relation = _clause_relation(mention)
            assert relation is not None  # offsets holds only these
            main = self._main_clause_period(data, attach.main_of_relation(relation), index)
            if main is None:
                continue
            data.dates[index] = self._finish(_safely(_offset_value, mention, main), mention)
            self._remember(mention, data.dates[index])
        data.narrative = self._narrative(sent, data)
        self._sentences[key] = data
        self._previous = data.narrative
        self._previous_named = any(data.narrative is d for d in data.dates)
        for resolved in [*data.dates, data.narrative]:
            if resolved.historical and resolved.value is not None:
                self._earlier = resolved
        self._quoted = attach.inside_quote(sent, sent.end, data.quoted)

    def resolve(self, sent: Span, trigger: Token, said: bool = False) -> ResolvedDate:
        """The date of the event whose trigger is given, in a sentence already read. A `said` event is the
        saying of its clause ("Russia will not lift the ban" is a refusal made now): it is dated as the verb
        that reports it, else as news, never as the future its clause speaks of."""
        data = self._sentences.get(_key(sent))
        if data is None:
            log.debug("sentence resolved before read(); reading it now")
            self.read(sent)
            data = self._sentences[_key(sent)]
        told = (_reporting_verb(trigger) or trigger) if said else trigger
        chosen = self._pick(data, told)
        if said and chosen is None:
            chosen = self._pick(data, trigger)  # "said on Saturday it would withdraw": the parse may hang it low
        if chosen is not None and not (said and chosen.future):
            return chosen
        return self._fallback(sent, told, data, said)

    def _pick(self, data: _SentenceDates, trigger: Token, skip: int | None = None) -> ResolvedDate | None:
        """The date of the mention that dates this trigger, widened to its week behind 'after'/'before'."""
        chosen = self._choose(data, trigger, skip)
        return None if chosen is None else self._widened(data, *chosen)

    def _widened(self, data: _SentenceDates, index: int, score: float) -> ResolvedDate:
        """The date of a chosen mention, widened to its week when it dates the trigger across 'after'/'before'."""
        resolved = data.dates[index]
        if score >= attach.RELATED and resolved.precision == "day" and resolved.value is not None:
            # "recalled its envoy on Tuesday after X signed a deal": X is shortly before Tuesday, not on it.
            week = week_of(date.fromisoformat(resolved.value))
            return self._finish(Value(week), data.mentions[index])
        return resolved

    def _choose(self, data: _SentenceDates, trigger: Token, skip: int | None = None) -> tuple[int, float] | None:
        """The index and score of the mention that dates this trigger, or None (docs/dates.md)."""
        best: tuple[float, int, int] | None = None
        for index, mention in enumerate(data.mentions):
            if index == skip or data.dates[index] == NO_DATE:
                continue
            relation = _clause_relation(mention)
            if relation is not None:
                # "three months after <clause>" dates only the events inside the clause.
                if not attach.inside_relation(relation, trigger):
                    continue
                score: float | None = attach.GOVERNING_CLAUSE
                # The tense that counts is the one inside the clause ("before the vote" has none of its own).
                verb = attach.finite_verb(trigger)
                tensed = verb is not None and attach.inside_relation(relation, verb)
            else:
                score = attach.attachment(mention.span, trigger)
                tensed = True
            if score is None or (tensed and not self._consistent(score, data.dates[index], trigger)):
                continue
            distance = min(abs(trigger.i - mention.span.start), abs(trigger.i - (mention.span.end - 1)))
            candidate = (score, distance, index)
            if best is None or candidate < best:
                best = candidate
        return None if best is None else (best[2], best[0])

    @staticmethod
    def _consistent(score: float, resolved: ResolvedDate, trigger: Token) -> bool:
        """Whether a date from further up the tree may carry over to this trigger."""
        if score >= attach.GOVERNING_CLAUSE and resolved.future:
            # A past-tense clause does not happen at a future date its governing clause names.
            return attach.tense(trigger) not in ("past", "past_perfect", "news")
        return True

    def _fallback(self, sent: Span, trigger: Token, data: _SentenceDates, said: bool = False) -> ResolvedDate:
        """A trigger with no date of its own: the future, the passage it continues, or the news day."""
        trigger_tense = "news" if said and attach.tense(trigger) == "future" else attach.tense(trigger)
        if trigger_tense == "future":
            return replace(NO_DATE, future=self.publication is not None)
        if trigger_tense in ("present", "present_perfect") and _reported_in_past(trigger):
            # "told lawmakers that Georgia is taking ...": reported present happens when it was told
            trigger_tense = "news"
        previous = data.previous
        root_tense = attach.tense(attach.clause_root(sent))
        if (
            previous is not None
            and previous.value is not None
            and (previous.historical or self.publication is None)
            and trigger_tense in NARRATIVE_PAST
            and root_tense in NARRATIVE_PAST
        ):
            return previous
        if (
            previous is not None
            and data.previous_named
            and previous.value is not None
            and previous.text
            and not previous.historical
            and self.publication is not None
            and previous.value != self.publication.isoformat()
            and not previous.future
            and trigger_tense in NARRATIVE_PAST | {"news"}
            and root_tense in NARRATIVE_PAST | {"news"}
        ):
            # A recent day the previous sentence names carries on: "An address to parliament on Tuesday ...
            # Saakashvili told lawmakers that ..." happened on that Tuesday, not on the publication day; one
            # sentence on, not down a chain of sentences that name no day.
            return previous
        if (
            previous is not None
            and previous.value is not None
            and previous.text
            and previous.precision == "day"
            and not previous.historical
            and not previous.future
            and trigger_tense not in NARRATIVE_PAST
            and attach.inside_quote(sent, trigger.i, data.quoted)
        ):
            # '... told reporters on Tuesday. "But Azerbaijan must first pull back."': what the quote asks or
            # offers in the present was said when the quote was spoken
            return previous
        if (
            data.earlier is not None
            and trigger_tense in NARRATIVE_PAST
            and attach.inside_quote(sent, trigger.i, data.quoted)
        ):
            # A direct quotation is not backshifted: its past tense tells of something earlier,
            # the passage of history the article last described.
            return data.earlier
        if self.publication is None:
            return NO_DATE
        return ResolvedDate(self.publication.isoformat(), "day", False, False, "")

    def _narrative(self, sent: Span, data: _SentenceDates) -> ResolvedDate:
        """The date a sentence is about: its main clause's, else its last date, else the fallback."""
        root = attach.clause_root(sent)
        picked = self._choose(data, root)
        # "has waged an insurgency since 2007": a span's start dates only its own verb, never the passage
        if (
            picked is not None
            and data.mentions[picked[0]].span[0].lower_ not in attach.SPAN_STARTS
            and not _names_a_thing(data.mentions[picked[0]])
        ):
            return self._widened(data, *picked)
        dated = [
            d
            for d, m in zip(data.dates, data.mentions, strict=True)
            if d.value is not None
            and m.span[0].lower_ not in attach.SPAN_STARTS  # not "held since Thursday"
            and not _names_a_thing(m)
        ]
        if dated:
            return dated[-1]
        return self._fallback(sent, root, data)

    def _main_clause_period(self, data: _SentenceDates, main: Token, skip: int) -> Period | None:
        """The period of the clause an 'after'/'before' phrase hangs from; the publication day by default."""
        chosen = self._pick(data, main, skip=skip)
        if chosen is not None:
            return _period_of(chosen)
        return day(self.publication) if self.publication is not None else None

    def _future_clause(self, mention: Mention) -> bool:
        return attach.tense(mention.span.root) == "future"

    def _finish(self, value: Value, mention: Mention) -> ResolvedDate:
        """A mention's value as a ResolvedDate, with historical/future judged against publication."""
        pub = self.publication
        p = value.period
        historical = future = False
        if pub is not None:
            historical = bool(p and is_historical(p, pub)) if value.historical is None else value.historical
            future = bool(p and is_future(p, pub)) if value.future is None else value.future
        if p is None:
            return ResolvedDate(None, "none", historical, future, mention.text)
        return ResolvedDate(p.value, p.precision, historical, future, mention.text)

    def _remember(self, mention: Mention, resolved: ResolvedDate) -> None:
        period = _period_of(resolved)
        if period is None:
            return
        self._reference = period
        if mention.kind in _EXPLICIT_YEAR:
            self._last_year = period.start.year


def _names_a_thing(mention: Mention) -> bool:
    """A bare year on a noun names a thing ("the 1951 defence treaty", "the 2015 nuclear deal"): the story does
    not move to that year."""
    token = mention.span[-1]
    bare = mention.kind == "year" and not mention.part("prep") and len(mention.span) == 1
    return bare and token.dep_ in ("compound", "nummod", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN")


def _safely(compute: Callable[..., Value], mention: Mention, *args: object) -> Value:
    """Compute a mention's value; calendar overflow ("900 decades ago") gives no date instead of failing."""
    try:
        return compute(mention, *args)
    except (ValueError, OverflowError) as error:
        log.debug("date words %r give no date: %s", mention.text, error)
        return NOTHING


def _offset_value(mention: Mention, main: Period) -> Value:
    return Value(offset_from(mention, main))


def _period_of(resolved: ResolvedDate) -> Period | None:
    if resolved.value is None:
        return None
    value = resolved.value
    if resolved.precision in ("day", "week"):
        return Period(date.fromisoformat(value), resolved.precision)
    if resolved.precision == "month":
        return Period(date(int(value[:4]), int(value[5:7]), 1), "month")
    return Period(date(int(value[:4]), 1, 1), "year")


def _clause_relation(mention: Mention) -> Token | None:
    """The 'after'/'before' of "N months after <clause or noun phrase>"; None for a bare "two days later"."""
    relation = mention.relation_token
    if relation is None or mention.part("relation") not in ("after", "before"):
        return None
    if relation.dep_ == "mark" or any(c.dep_ in ("pobj", "pcomp") for c in relation.children):
        return relation
    return None


def _key(sent: Span) -> tuple[int, int, int]:
    return (id(sent.doc), sent.start, sent.end)


def _reporting_verb(trigger: Token) -> Token | None:
    """The reporting verb whose clause the trigger stands in ("said that it would not ..."), if any."""
    return next((a for a in trigger.ancestors if a.lemma_.lower() in attach.REPORTING), None)


def _reported_in_past(trigger: Token) -> bool:
    """Whether a trigger stands in a clause reported by a past-tense reporting verb ("said that ...")."""
    for ancestor in trigger.ancestors:
        if ancestor.lemma_.lower() in attach.REPORTING and ancestor.tag_ == "VBD":
            return True
    return False
