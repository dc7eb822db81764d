"""Property tests: weekday arithmetic, no guessing without a publication date, calendar round trips."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.dates import DateResolver
from detente.dates.calendar import Period, add_months, is_future, is_historical, period, shift

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE = (
    "on Tuesday",
    "yesterday",
    "today",
    "tomorrow",
    "last week",
    "this week",
    "next month",
    "last year",
    "earlier this year",
    "three days ago",
    "two months ago",
    "last Friday",
    "on March 2",
    "in August",
)
publications = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2090, 12, 31))


@pytest.fixture(scope="module")
def weekday_sentences(nlp):
    """One parsed past-tense sentence per weekday, parsed once."""
    return [next(iter(nlp(f"Peru expelled the envoy on {name}.").sents)) for name in WEEKDAYS]


@pytest.fixture(scope="module")
def relative_sentences(nlp):
    """Parsed sentences with relative date words, parsed once."""
    return [next(iter(nlp(f"Peru expelled the envoy {words}.").sents)) for words in RELATIVE]


def _trigger(sent):
    return next(t for t in sent if t.text == "expelled")


@settings(max_examples=300, deadline=None)
@given(publication=publications, weekday=st.integers(0, 6))
def test_weekday_is_within_the_six_days_before_publication(weekday_sentences, publication, weekday):
    sent = weekday_sentences[weekday]
    resolved = DateResolver(publication).resolve(sent, _trigger(sent))
    value = datetime.date.fromisoformat(resolved.value)
    assert 0 <= (publication - value).days <= 6
    assert value.weekday() == weekday
    assert resolved.precision == "day" and not resolved.future


@settings(max_examples=100, deadline=None)
@given(index=st.integers(0, len(RELATIVE) - 1))
def test_no_publication_date_never_yields_a_relative_date(relative_sentences, index):
    sent = relative_sentences[index]
    resolved = DateResolver(None).resolve(sent, _trigger(sent))
    flags = (resolved.value, resolved.precision, resolved.historical, resolved.future)
    assert flags == (None, "none", False, False)
    assert resolved.text  # the words were still found


@settings(max_examples=300, deadline=None)
@given(publication=publications, index=st.integers(0, len(RELATIVE) - 1))
def test_relative_dates_are_never_both_historical_and_future(relative_sentences, publication, index):
    sent = relative_sentences[index]
    resolved = DateResolver(publication).resolve(sent, _trigger(sent))
    assert resolved.value is not None
    assert not (resolved.historical and resolved.future)


@given(day=publications, precision=st.sampled_from(["day", "week", "month", "year"]))
def test_period_contains_its_day_and_prints_its_start(day, precision):
    p = period(day, precision)
    assert p.start <= day <= p.end
    assert p.start.isoformat().startswith(p.value)
    assert period(p.start, precision) == p and period(p.end, precision) == p


@given(day=publications, months=st.integers(-240, 240))
def test_add_months_round_trips_on_early_days(day, months):
    early = day.replace(day=min(day.day, 28))
    assert add_months(add_months(early, months), -months) == early
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months


PRECISIONS = st.sampled_from(["day", "week", "month", "year"])


@given(day=publications, publication=publications, precision=PRECISIONS)
def test_historical_and_future_exclude_each_other(day, publication, precision):
    p: Period = period(day, precision)
    assert not (is_historical(p, publication) and is_future(p, publication))
    if p.end < publication - datetime.timedelta(days=7):
        assert is_historical(p, publication)
    if p.start > publication:
        assert is_future(p, publication)


@given(day=publications, amount=st.integers(0, 500), unit=st.sampled_from(["day", "week", "month", "year"]))
def test_shift_moves_in_the_direction_asked(day, amount, unit):
    assert shift(day, -amount, unit) <= day <= shift(day, amount, unit)


# Words and pieces of date expressions, so that random texts often hold a core and its look-alikes.
_DATE_BITS = st.sampled_from([
    "January", "Jan.", "Sept.", "May", "may", "March", "march", "Monday", "holiday", "today", "Today", "days",
    "ago", "Chicago", "2012", "1990s", "2012-03-02", "after", "Later", "year", "Weeks", "morning", " ", "-",
    "0s", "19", "of", ",",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_DATE_BITS, st.text(max_size=4)), max_size=12))
def test_core_words_are_found_exactly_when_the_core_regex_finds_them(bits):
    """The cheap word tests before each core's regex never hide a core the regex alone would find."""
    from detente.dates import mentions

    text = " ".join(bits)
    lower = text.lower()
    for core in set(mentions._CORES.values()):
        expected = core.search(lower if core in mentions._LOWER_CORES else text) is not None
        assert mentions._core_found(core, text, lower) == expected, (core.pattern, text)
