"""Turn one date mention into a calendar period, given the publication date and what the article said."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from detente.dates.calendar import (
    PRECISION_RANK,
    Period,
    day,
    period,
    shift,
    weekday_on_or_after,
    weekday_on_or_before,
    year_of,
)
from detente.dates.mentions import HOLIDAYS, MONTHS, NUMBERS, WEEKDAYS, Mention

# "weeks after", "days later": a few units, told no finer than the next unit up.
VAGUE_AMOUNT = 3
VAGUE_PRECISION: dict[str, str] = {"day": "month", "week": "month", "month": "year"}
UNIT_PRECISION: dict[str, str] = {
    "day": "day", "week": "week", "month": "month", "year": "year", "decade": "year",
}


@dataclass
class Context:
    """What a mention is read against: publication, the article's last explicit year and last date."""

    publication: date | None
    last_year: int | None = None
    reference: Period | None = None  # the last date the article mentioned, for "the previous day"
    future_clause: bool = False  # the mention's clause is in the future tense ("will meet on Tuesday")


@dataclass(frozen=True)
class Value:
    """A mention's period, or none, with the words' own verdict on past/future where they carry one."""

    period: Period | None
    historical: bool | None = None  # None: decide from the period
    future: bool | None = None
    notes: tuple[str, ...] = field(default=())


NOTHING = Value(None)


def evaluate(mention: Mention, ctx: Context) -> Value:
    """The period a mention names; relative mentions without a publication date name none."""
    handler = _HANDLERS[mention.kind]
    return handler(mention, ctx)


def _iso(m: Mention, ctx: Context) -> Value:
    try:
        return Value(day(date(int(m.part("year")), int(m.part("mnum")), int(m.part("day")))))
    except ValueError:
        return NOTHING


def _full_date(m: Mention, ctx: Context) -> Value:
    try:
        return Value(day(date(int(m.part("year")), MONTHS[m.part("month")], int(m.part("day")))))
    except ValueError:
        return NOTHING


def _day_of_year(pub: date, month: int, day_number: int, future: bool) -> date:
    """A day of the year named without its year: the latest one on or before publication, or the next one if
    the clause speaks of the future. Raises ValueError for a day the year lacks (29 February)."""
    candidate = date(pub.year, month, day_number)
    if future and candidate < pub:
        return date(pub.year + 1, month, day_number)
    if not future and candidate > pub:
        return date(pub.year - 1, month, day_number)
    return candidate


def _month_day(m: Mention, ctx: Context) -> Value:
    pub = ctx.publication
    if pub is None:
        return NOTHING
    try:
        # a bare "March 2"
        return Value(day(_day_of_year(pub, MONTHS[m.part("month")], int(m.part("day")), ctx.future_clause)))
    except ValueError:  # 29 February in a year without it
        return NOTHING


def _holiday(m: Mention, ctx: Context) -> Value:
    """A fixed holiday: its latest day on or before publication (the next one in a future clause); "before
    Christmas", "over the New Year" say only the month."""
    pub = ctx.publication
    if pub is None:
        return NOTHING
    candidate = _day_of_year(pub, *HOLIDAYS[" ".join(m.part("holiday").split())], ctx.future_clause)
    if m.part("prep") in ("", "on", "at"):
        return Value(day(candidate))
    return Value(Period(date(candidate.year, candidate.month, 1), "month"))


def _month_year(m: Mention, ctx: Context) -> Value:
    return Value(Period(date(int(m.part("year")), MONTHS[m.part("month")], 1), "month"))


def _month(m: Mention, ctx: Context) -> Value:
    pub = ctx.publication
    if pub is None:
        return NOTHING
    month = MONTHS[m.part("month")]
    modifier = m.part("prep")
    year = pub.year
    if modifier == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif modifier == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif modifier != "this":
        if ctx.future_clause and month < pub.month:
            year = pub.year + 1
        elif not ctx.future_clause and month > pub.month:
            year = pub.year - 1
    return Value(Period(date(year, month, 1), "month"))


def _decade(m: Mention, ctx: Context) -> Value:
    # "the 1990s" has no single year; we give no value, but it is still clearly in the past or future.
    first = int(m.part("decade")) * 10
    pub = ctx.publication
    if pub is None:
        return NOTHING
    return Value(None, historical=first + 9 < pub.year, future=first > pub.year, notes=("decade",))


def _year(m: Mention, ctx: Context) -> Value:
    return Value(year_of(int(m.part("year"))))


def _weekday(m: Mention, ctx: Context) -> Value:
    pub = ctx.publication
    if pub is None:
        return NOTHING
    weekday = WEEKDAYS[m.part("weekday")]
    modifier = m.part("prep")
    if modifier == "last":
        return Value(day(weekday_on_or_before(pub - timedelta(days=1), weekday)))
    if modifier == "next":
        return Value(day(weekday_on_or_after(pub + timedelta(days=1), weekday)))
    if ctx.future_clause:
        return Value(day(weekday_on_or_after(pub, weekday)))
    return Value(day(weekday_on_or_before(pub, weekday)))


def _deictic(m: Mention, ctx: Context) -> Value:
    pub = ctx.publication
    if pub is None:
        return NOTHING
    word = m.part("word").split()[0]
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return Value(day(pub + timedelta(days=offset)))


def _relative_period(m: Mention, ctx: Context) -> Value:
    pub = ctx.publication
    if pub is None:
        return NOTHING
    unit = m.part("unit")
    modifier = m.part("modifier").split()
    step = {"last": -1, "next": 1}.get(modifier[-1], 0)
    result = period(shift(pub, step, unit), unit)
    if modifier[0] == "earlier":
        return Value(result, historical=True)
    if modifier[0] == "later":
        return Value(result, future=True)
    return Value(result)


def _recent(m: Mention, ctx: Context) -> Value:
    """ "Over the weekend": the latest Saturday on or before publication; "in recent days/weeks": a few units
    before it. Either is told by its month only: the text gives no day."""
    pub = ctx.publication
    if pub is None:
        return NOTHING
    unit = m.part("unit")
    if unit == "weekend":
        return Value(period(weekday_on_or_before(pub, 5), "month"))
    return Value(period(shift(pub, -1 if unit == "day" else -2, unit), "month"))


def _same_period(m: Mention, ctx: Context) -> Value:
    unit = m.part("unit")
    if unit == "year":
        # "that same year" is the year the article last wrote out, not an implied one.
        if ctx.last_year is not None:
            return Value(year_of(ctx.last_year))
        return Value(year_of(ctx.reference.start)) if ctx.reference else NOTHING
    reference = ctx.reference
    if reference is None or PRECISION_RANK[reference.precision] > PRECISION_RANK[unit]:
        return NOTHING
    return Value(period(reference.start, unit))


def _neighbour_day(m: Mention, ctx: Context) -> Value:
    step = -1 if "previous" in m.part("modifier") else 1
    return _from_reference(ctx, step, "day")


def _ago(m: Mention, ctx: Context) -> Value:
    pub = ctx.publication
    if pub is None:
        return NOTHING
    amount, unit = _amount(m), m.part("unit")
    return Value(period(shift(pub, -amount, unit), UNIT_PRECISION[unit]))


def _offset(m: Mention, ctx: Context) -> Value:
    # Only "N days later/earlier" (no complement) reaches here: it counts from the article's last date.
    # "N months after <clause>" is resolved against the main clause by the resolver (offset_from).
    step = 1 if m.part("relation") in ("later", "after") else -1
    return _from_reference(ctx, step * _amount(m), m.part("unit"), vague=not m.part("n"))


def offset_from(m: Mention, main: Period) -> Period:
    """The period of the event inside "N units after/before <clause>", given the main clause's period."""
    amount = _amount(m)
    # "A came three months after B": B (inside the after-clause) is three months before A.
    step = -amount if m.part("relation") == "after" else amount
    unit_precision = (VAGUE_PRECISION if not m.part("n") else UNIT_PRECISION)[m.part("unit")]
    precision = _coarser(unit_precision, main.precision)
    return period(shift(main.start, step, m.part("unit")), precision)


def _from_reference(ctx: Context, amount: int, unit: str, vague: bool = False) -> Value:
    reference = ctx.reference
    if reference is None:
        if ctx.publication is None:
            return NOTHING
        reference = day(ctx.publication)
    precision = _coarser((VAGUE_PRECISION if vague else UNIT_PRECISION)[unit], reference.precision)
    return Value(period(shift(reference.start, amount, unit), precision))


def _amount(m: Mention) -> int:
    text = m.part("n")
    if text.isdigit():
        return int(text)
    if not text:
        return VAGUE_AMOUNT  # "weeks after": a few
    return NUMBERS.get(text, 1)  # "the day before" counts one


def _coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


_HANDLERS = {
    "iso": _iso, "month_day_year": _full_date, "day_month_year": _full_date, "month_day": _month_day,
    "day_month": _month_day, "month_year": _month_year, "month": _month, "decade": _decade, "year": _year,
    "weekday": _weekday, "deictic": _deictic, "relative_period": _relative_period,
    "same_period": _same_period, "neighbour_day": _neighbour_day, "ago": _ago, "offset": _offset,
    "recent": _recent, "holiday": _holiday,
}
