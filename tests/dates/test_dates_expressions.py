"""A table of date expressions, each in a sentence of our own, resolved against a fixed publication date."""

from __future__ import annotations

import datetime

import pytest

from detente.dates import ResolvedDate

FRIDAY = datetime.date(2012, 3, 2)  # a Friday


def rd(value, precision, historical=False, future=False, text=""):
    return ResolvedDate(value, precision, historical, future, text)


# (text, trigger, expected) with publication FRIDAY.
TABLE = [
    # weekdays: the latest such day on or before publication, the same day counting
    ("Turkey recalled its ambassador to Israel on Monday.", "recalled", rd("2012-02-27", "day", text="on Monday")),
    ("Turkey recalled its ambassador to Israel on Friday.", "recalled", rd("2012-03-02", "day", text="on Friday")),
    (
        "Turkey recalled its ambassador to Israel on Saturday.",
        "recalled",
        rd("2012-02-25", "day", True, text="on Saturday"),
    ),
    ("Brazil on Tuesday condemned the coup in Paraguay.", "condemned", rd("2012-02-28", "day", text="on Tuesday")),
    ("Turkey recalled its ambassador last Friday.", "recalled", rd("2012-02-24", "day", True, text="last Friday")),
    ("Turkey will recall its ambassador on Monday.", "recall", rd("2012-03-05", "day", False, True, "on Monday")),
    # deictic days
    ("The ministers met today in Geneva.", "met", rd("2012-03-02", "day", text="today")),
    ("The ministers met yesterday in Geneva.", "met", rd("2012-03-01", "day", text="yesterday")),
    ("The ministers will meet tomorrow in Geneva.", "meet", rd("2012-03-03", "day", False, True, "tomorrow")),
    # weeks: the Monday of the ISO week; the publication week is not historical
    ("The ministers met last week in Geneva.", "met", rd("2012-02-20", "week", True, text="last week")),
    ("The ministers met this week in Geneva.", "met", rd("2012-02-27", "week", text="this week")),
    ("The ministers will meet next week in Geneva.", "meet", rd("2012-03-05", "week", False, True, "next week")),
    # months and years relative to publication
    ("Egypt expelled the envoy last month.", "expelled", rd("2012-02", "month", True, text="last month")),
    ("Egypt expelled the envoy this month.", "expelled", rd("2012-03", "month", text="this month")),
    ("Egypt will expel the envoy next month.", "expel", rd("2012-04", "month", False, True, "next month")),
    ("Egypt expelled the envoy last year.", "expelled", rd("2011", "year", True, text="last year")),
    ("Egypt has expelled several envoys this year.", "expelled", rd("2012", "year", text="this year")),
    ("Egypt expelled two envoys earlier this year.", "expelled", rd("2012", "year", True, text="earlier this year")),
    # absolute years, months and days
    ("Egypt expelled the envoy in 2006.", "expelled", rd("2006", "year", True, text="in 2006")),
    ("Egypt expelled the envoy in August 2008.", "expelled", rd("2008-08", "month", True, text="in August 2008")),
    (
        "Egypt expelled the envoy in late August 2008.",
        "expelled",
        rd("2008-08", "month", True, text="in late August 2008"),
    ),
    ("Egypt expelled the envoy in August.", "expelled", rd("2011-08", "month", True, text="in August")),
    ("Egypt expelled the envoy in February.", "expelled", rd("2012-02", "month", True, text="in February")),
    ("Egypt expelled the envoy on March 2.", "expelled", rd("2012-03-02", "day", text="on March 2")),
    ("Egypt expelled the envoy on February 20.", "expelled", rd("2012-02-20", "day", True, text="on February 20")),
    ("Egypt expelled the envoy on 20 February.", "expelled", rd("2012-02-20", "day", True, text="on 20 February")),
    ("Egypt expelled the envoy on March 2, 2011.", "expelled", rd("2011-03-02", "day", True, text="on March 2, 2011")),
    ("Egypt expelled the envoy on 2 March 2011.", "expelled", rd("2011-03-02", "day", True, text="on 2 March 2011")),
    ("Egypt expelled the envoy in early 2011.", "expelled", rd("2011", "year", True, text="in early 2011")),
    ("Egypt expelled the envoy in late 2011.", "expelled", rd("2011", "year", True, text="in late 2011")),
    ("Russia recalled that the 2008 war was brief.", "war", rd("2008", "year", True, text="2008")),
    ("The summit will take place in 2013.", "take", rd("2013", "year", False, True, "in 2013")),
    # a decade has no single value, but is still clearly in the past
    ("Egypt expelled many envoys in the 1990s.", "expelled", rd(None, "none", True, text="in the 1990s")),
    # N units ago
    ("Egypt expelled the envoy three days ago.", "expelled", rd("2012-02-28", "day", text="three days ago")),
    ("Egypt expelled the envoy two weeks ago.", "expelled", rd("2012-02-13", "week", True, text="two weeks ago")),
    ("Egypt expelled the envoy six months ago.", "expelled", rd("2011-09", "month", True, text="six months ago")),
    ("Egypt expelled the envoy two years ago.", "expelled", rd("2010", "year", True, text="two years ago")),
    # since: the start of the event
    ("Egypt has boycotted the talks since 2008.", "boycotted", rd("2008", "year", True, text="since 2008")),
    # anaphoric: the year last written out in the article
    (
        "Chile broke ties with Peru in 2004. It recalled its envoy that same year.",
        "recalled",
        rd("2004", "year", True, text="that same year"),
    ),
    (
        "Chile broke ties with Peru in 2004. It recalled its envoy that year.",
        "recalled",
        rd("2004", "year", True, text="that year"),
    ),
    # a day earlier / the previous day / the next day count from the last date mentioned
    (
        "Egypt expelled the envoy on Tuesday. A day earlier, Cairo had summoned him.",
        "summoned",
        rd("2012-02-27", "day", text="A day earlier"),
    ),
    (
        "Egypt expelled the envoy on Tuesday. The previous day, Cairo summoned him.",
        "summoned",
        rd("2012-02-27", "day", text="The previous day"),
    ),
    (
        "Egypt expelled the envoy on Tuesday. The next day, Cairo closed its embassy.",
        "closed",
        rd("2012-02-29", "day", text="The next day"),
    ),
    # N months after <clause>: the event in the clause is N months before the main clause (publication)
    (
        "The offer came four months after the two sides signed a trade deal.",
        "signed",
        rd("2011-11", "month", True, text="four months after"),
    ),
    ("The offer came four months after the two sides signed a trade deal.", "came", rd("2012-03-02", "day")),
    ("The visit came two years after the war.", "war", rd("2010", "year", True, text="two years after")),
    # the days just before publication, told by their month
    (
        "Rebels raided two border posts over the weekend.",
        "raided",
        rd("2012-02", "month", True, text="over the weekend"),
    ),
    ("Jets have bombed the hills in recent days.", "bombed", rd("2012-03", "month", text="in recent days")),
    (
        "Police arrested dozens of activists in the past few weeks.",
        "arrested",
        rd("2012-02", "month", True, text="in the past few weeks"),
    ),
    # a count the text does not give is a few, told no finer than the next unit up
    (
        "The raid came just weeks after the two sides signed a truce.",
        "signed",
        rd("2012-02", "month", True, text="just weeks after"),
    ),
    (
        "The blockade began days after the talks collapsed.",
        "collapsed",
        rd("2012-02", "month", True, text="days after"),
    ),
    (
        "The strike came several months after the rebels seized the port.",
        "seized",
        rd("2011", "year", True, text="several months after"),
    ),
    (
        "The vote comes two days before the leaders hold a summit.",
        "hold",
        rd("2012-03-04", "day", False, True, "two days before"),
    ),
    # fixed holidays: the latest one (the next in a future clause); before or after one says only the month
    ("Serbia freed two journalists on Christmas Eve.", "freed", rd("2011-12-24", "day", True, text="on Christmas Eve")),
    ("Before Christmas Chile expelled the attache.", "expelled", rd("2011-12", "month", True, text="Before Christmas")),
    ("Peru will reopen the border after New Year.", "reopen", rd("2013-01", "month", False, True, "after New Year")),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), TABLE, ids=[f"{t[1]}:{t[2].text or 'none'}" for t in TABLE])
def test_expression_resolves(resolve, text, trigger, expected):
    assert resolve(text, trigger, FRIDAY) == expected


# Without a publication date, relative words give no date; absolute ones still do; flags stay False.
NO_PUBLICATION = [
    ("Egypt expelled the envoy on Tuesday.", "expelled", rd(None, "none", text="on Tuesday")),
    ("Egypt expelled the envoy yesterday.", "expelled", rd(None, "none", text="yesterday")),
    ("Egypt expelled the envoy last month.", "expelled", rd(None, "none", text="last month")),
    ("Egypt expelled the envoy this week.", "expelled", rd(None, "none", text="this week")),
    ("Egypt expelled the envoy six months ago.", "expelled", rd(None, "none", text="six months ago")),
    ("Egypt expelled the envoy on February 20.", "expelled", rd(None, "none", text="on February 20")),
    ("Egypt expelled the envoy.", "expelled", rd(None, "none")),
    ("Egypt expelled the envoy in 2006.", "expelled", rd("2006", "year", text="in 2006")),
    ("Egypt expelled the envoy in August 2008.", "expelled", rd("2008-08", "month", text="in August 2008")),
    ("Egypt expelled the envoy on 2 March 2011.", "expelled", rd("2011-03-02", "day", text="on 2 March 2011")),
    ("Egypt expelled many envoys in the 1990s.", "expelled", rd(None, "none", text="in the 1990s")),
    (
        "Chile broke ties with Peru in 2004. It recalled its envoy that same year.",
        "recalled",
        rd("2004", "year", text="that same year"),
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"), NO_PUBLICATION, ids=[f"{t[1]}:{t[2].text or 'none'}" for t in NO_PUBLICATION]
)
def test_without_publication_date_relative_dates_stay_null(resolve, text, trigger, expected):
    assert resolve(text, trigger, None) == expected


# Numbers and names that look like dates but are not.
NOT_DATES = [
    ("Moscow sent 2000 troops to the border.", "sent"),
    ("Thousands may march on the capital.", "march"),
    ("The Good Friday agreement was signed.", "signed"),
    ("Russia and Georgia fought a five-day war.", "fought"),
    ("The council passed Resolution 2012 unanimously.", "passed"),
]


@pytest.mark.parametrize(("text", "trigger"), NOT_DATES, ids=[t[1] for t in NOT_DATES])
def test_lookalikes_are_not_dates(resolve, text, trigger):
    # With no date words, a present-day news sentence takes the publication day.
    assert resolve(text, trigger, FRIDAY) == rd("2012-03-02", "day")
