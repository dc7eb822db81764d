"""Which date belongs to which trigger, the no-date fallback and the narrative-past heuristic."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from detente.dates import DateResolver, ResolvedDate

FRIDAY = datetime.date(2012, 3, 2)
NEWS_DAY = ResolvedDate("2012-03-02", "day", False, False, "")


def rd(value, precision, historical=False, future=False, text=""):
    return ResolvedDate(value, precision, historical, future, text)


ATTACHMENT = [
    # the date on the trigger's own clause wins over one in a relative clause, and vice versa
    (
        "Armenia and Azerbaijan agreed on Friday to resume talks that collapsed in 2010.",
        "agreed",
        rd("2012-03-02", "day", text="on Friday"),
    ),
    (
        "Armenia and Azerbaijan agreed on Friday to resume talks that collapsed in 2010.",
        "resume",
        rd("2012-03-02", "day", text="on Friday"),
    ),
    (
        "Armenia and Azerbaijan agreed on Friday to resume talks that collapsed in 2010.",
        "collapsed",
        rd("2010", "year", True, text="in 2010"),
    ),
    # a reported clause with its own date uses it; without one it takes the date of the saying
    (
        "Chile said on Wednesday that Peru had seized two fishing boats in 2011.",
        "seized",
        rd("2011", "year", True, text="in 2011"),
    ),
    (
        "Chile said on Wednesday that Peru had seized two fishing boats in 2011.",
        "said",
        rd("2012-02-29", "day", text="on Wednesday"),
    ),
    (
        "Chile said on Wednesday that Peru had seized two fishing boats.",
        "seized",
        rd("2012-02-29", "day", text="on Wednesday"),
    ),
    # a date behind "since" is a reference point, not the date of the main event
    ("Russia offered to restore ties, its first such overture since the war in 2008.", "restore", NEWS_DAY),
    (
        "Russia offered to restore ties, its first such overture since the war in 2008.",
        "war",
        rd("2008", "year", True, text="in 2008"),
    ),
    # "after <event>": a year or month of the main clause carries over to the earlier event; a day widens
    # to its week, since the earlier event is shortly before it
    (
        "Ankara cut military ties with Israel in 2010 after a raid on an aid flotilla.",
        "raid",
        rd("2010", "year", True, text="in 2010"),
    ),
    (
        "Ankara cut military ties with Israel on Friday after a raid on an aid flotilla.",
        "raid",
        rd("2012-02-27", "week", text="on Friday"),
    ),
    (
        "Somalia recalled its envoy on Monday after Ethiopia signed a port deal with Somaliland.",
        "signed",
        rd("2012-02-27", "week", text="on Monday"),
    ),
    # conjoined verbs share the date of the first
    (
        "The rebels seized the town in May 2011 and executed dozens of prisoners.",
        "executed",
        rd("2011-05", "month", True, text="in May 2011"),
    ),
    # two events in one sentence, two dates
    (
        "Serbia recalled its envoy on Monday and Kosovo expelled two diplomats on Wednesday.",
        "recalled",
        rd("2012-02-27", "day", text="on Monday"),
    ),
    (
        "Serbia recalled its envoy on Monday and Kosovo expelled two diplomats on Wednesday.",
        "expelled",
        rd("2012-02-29", "day", text="on Wednesday"),
    ),
    # a date in a subordinate clause does not date the clause above it
    (
        "Officials said relations would improve once the treaty expires in 2013.",
        "expires",
        rd("2013", "year", False, True, "in 2013"),
    ),
    ("Officials said relations would improve once the treaty expires in 2013.", "said", NEWS_DAY),
    # "N days before <noun>": the noun's event is N days after the main clause; a past tense inside refuses it
    (
        "Kenya expelled the journalist 2 days before the vote.",
        "vote",
        rd("2012-03-04", "day", False, True, "2 days before"),
    ),
    (
        "The vote comes two days before Serbia holds an election in which a leader who had resigned hopes to return.",
        "resigned",
        NEWS_DAY,
    ),
    (
        "Kenya deported the journalist in 2009 following a dispute over a visa.",
        "dispute",
        rd("2009", "year", True, text="in 2009"),
    ),
    # a subjectless -ing clause beside the main verb is the same occasion; a past participle is background
    (
        "Speaking to reporters on Thursday, Lavrov said Russia would not back down.",
        "said",
        rd("2012-03-01", "day", text="on Thursday"),
    ),
    (
        "Lavrov, speaking to reporters on Thursday, accused Kiev of provocations.",
        "accused",
        rd("2012-03-01", "day", text="on Thursday"),
    ),
    ("The talks, launched in 2008, resumed.", "resumed", NEWS_DAY),
    # a relative clause with its own day keeps it
    (
        "The attack, which killed 12 people on Wednesday, was condemned by the ministry on Thursday.",
        "killed",
        rd("2012-02-29", "day", text="on Wednesday"),
    ),
    (
        "The attack, which killed 12 people on Wednesday, was condemned by the ministry on Thursday.",
        "condemned",
        rd("2012-03-01", "day", text="on Thursday"),
    ),
    # no date and future tense: no date, but future
    ("The talks will resume in Vienna.", "resume", rd(None, "none", False, True)),
]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"), ATTACHMENT, ids=[f"{i}-{t[1]}" for i, t in enumerate(ATTACHMENT)]
)
def test_date_attaches_to_trigger(resolve, text, trigger, expected):
    assert resolve(text, trigger, FRIDAY) == expected


HISTORY = "Venezuela closed its border with Colombia in 2011. "

NARRATIVE = [
    # narrative past continuing a historical passage inherits its date, precision kept
    (HISTORY + "Its troops later deported hundreds of migrants.", "deported", rd("2011", "year", True, text="in 2011")),
    (HISTORY + "Its troops had deported hundreds of migrants.", "deported", rd("2011", "year", True, text="in 2011")),
    (
        HISTORY + "Its troops deported migrants. The army then sealed the crossing.",
        "sealed",
        rd("2011", "year", True, text="in 2011"),
    ),
    (
        "The war broke out in August 2008. Its forces secured the region and later recognized it.",
        "recognized",
        rd("2008-08", "month", True, text="in August 2008"),
    ),
    # ... but not present tense, present perfect, reported news after history, or after an undated sentence
    (HISTORY + "Caracas deports hundreds of migrants every week.", "deports", NEWS_DAY),
    (HISTORY + "Its troops have deported hundreds of migrants.", "deported", NEWS_DAY),
    (HISTORY + "The government said it deported hundreds of migrants.", "deported", NEWS_DAY),
    # a recent day named in the previous sentence carries on to past-tense news with no date of its own
    (
        "Venezuela closed its border with Colombia on Monday. Its troops deported hundreds of migrants.",
        "deported",
        rd("2012-02-27", "day", text="on Monday"),
    ),
    ("Venezuela closed its border with Colombia. Its troops deported hundreds of migrants.", "deported", NEWS_DAY),
    # two sentences on, a present-tense sentence breaks the passage
    (HISTORY + "Caracas deports migrants every week. Its troops deported hundreds more.", "deported", NEWS_DAY),
]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"), NARRATIVE, ids=[f"{i}-{t[1]}" for i, t in enumerate(NARRATIVE)]
)
def test_narrative_past_heuristic(resolve, text, trigger, expected):
    assert resolve(text, trigger, FRIDAY) == expected


BACKGROUND = "Chile broke ties with Peru in 2004. Peru said it regretted the move. "

QUOTES = [
    # past tense inside a direct quotation tells of the past: the article's latest historical date
    (
        BACKGROUND + '"Chile recalled our envoy when the dispute began," the minister told reporters.',
        "recalled",
        rd("2004", "year", True, text="in 2004"),
    ),
    (
        BACKGROUND + 'The minister added: "Chile recalled our envoy."',
        "recalled",
        rd("2004", "year", True, text="in 2004"),
    ),
    # ... but reported speech is backshifted news, a present-tense quote is present, and with no history
    # in the article so far the quote is news of the day
    (BACKGROUND + "The minister told reporters that Chile recalled its envoy.", "recalled", NEWS_DAY),
    (BACKGROUND + '"Chile recalls its envoy," the minister said.', "recalls", NEWS_DAY),
    ('"Chile recalled our envoy," the minister said.', "recalled", NEWS_DAY),
    # a quotation left open at a paragraph's end does not run on into an unquoted paragraph
    (BACKGROUND + '"We are ready to talk.\nThe minister then recalled the envoy.', "recalled", NEWS_DAY),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), QUOTES, ids=[f"{i}-{t[1]}" for i, t in enumerate(QUOTES)])
def test_past_tense_in_direct_quotation(resolve, text, trigger, expected):
    assert resolve(text, trigger, FRIDAY) == expected


def test_narrative_past_without_publication_keeps_absolute_date(resolve):
    text = HISTORY + "Its troops later deported hundreds of migrants."
    assert resolve(text, "deported", None) == rd("2011", "year", text="in 2011")


def test_resolved_date_is_frozen():
    date = rd("2012", "year")
    with pytest.raises(dataclasses.FrozenInstanceError):
        date.value = "2013"  # type: ignore[misc]


def test_read_skipped_sentences_still_set_the_year(nlp):
    # The coder reads every sentence but resolves only sentences with events.
    doc = nlp("Chile broke ties with Peru in 2004. Talks failed. It recalled its envoy that same year.")
    resolver = DateResolver(FRIDAY)
    sentences = list(doc.sents)
    for sent in sentences:
        resolver.read(sent)
    trigger = next(t for t in sentences[2] if t.text == "recalled")
    assert resolver.resolve(sentences[2], trigger) == rd("2004", "year", True, text="that same year")


def test_resolve_before_read_reads_the_sentence(nlp):
    doc = nlp("Egypt expelled the envoy on Tuesday.")
    sent = next(iter(doc.sents))
    trigger = next(t for t in sent if t.text == "expelled")
    assert DateResolver(FRIDAY).resolve(sent, trigger) == rd("2012-02-28", "day", text="on Tuesday")


def test_reading_a_sentence_twice_changes_nothing(nlp):
    doc = nlp("Chile cut ties with Peru in 2004. It recalled its envoy in 2009. Talks resumed that year.")
    resolver = DateResolver(FRIDAY)
    sentences = list(doc.sents)
    for sent in sentences:
        resolver.read(sent)
    resolver.read(sentences[0])
    trigger = next(t for t in sentences[2] if t.text == "resumed")
    assert resolver.resolve(sentences[2], trigger).value == "2009"


REPORTED = [
    # reported present tense happens when it was told, and the telling continues a recent named day
    (
        "The prime minister addressed parliament on Tuesday. He told lawmakers that Georgia is taking steps to "
        "cancel the visa regime.",
        "taking",
        rd("2012-02-28", "day", text="on Tuesday"),
    ),
    # with no earlier day, reported present is the news day
    ("He told lawmakers that Georgia is taking steps to cancel the visa regime.", "taking", NEWS_DAY),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), REPORTED, ids=[f"{i}-{t[1]}" for i, t in enumerate(REPORTED)])
def test_reported_present_takes_the_day_it_was_told(resolve, text, trigger, expected):
    assert resolve(text, trigger, FRIDAY) == expected


def test_a_quote_running_on_is_dated_when_it_was_spoken(resolve):
    """ '... told reporters on Tuesday. "But Serbia must first withdraw."': the demand was made that Tuesday."""
    text = (
        '"We are ready to talk," the Kosovo prime minister told reporters on Tuesday. '
        '"But Serbia must first withdraw its troops."'
    )
    assert resolve(text, "withdraw", FRIDAY) == rd("2012-02-28", "day", text="on Tuesday")


def test_a_date_on_a_participle_the_parser_split_off_dates_the_verb(resolve):
    """ "allowed a convoy carrying food into the town on Monday": the convoy came in on Monday."""
    text = "Syrian forces allowed a UN convoy carrying food into the besieged town on Monday."
    assert resolve(text, "allowed", FRIDAY) == rd("2012-02-27", "day", text="on Monday")


def test_since_dates_only_the_state_it_starts(resolve):
    """ "held without charge since Thursday and demanded their release": the demand is today's news."""
    text = "The ministry said the drivers had been held without charge since Thursday and demanded their release."
    assert resolve(text, "demanded", FRIDAY) == NEWS_DAY
