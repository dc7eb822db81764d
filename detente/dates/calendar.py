"""Calendar arithmetic for date resolution: periods of a day, week, month or year, and where they fall."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# Coarser precision has a higher rank; combining two periods keeps the coarser one.
PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "none": 4}


@dataclass(frozen=True)
class Period:
    """A stretch of calendar time named by its first day and its precision (day, week, month, year)."""

    start: date
    precision: str

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.precision == "day":
            return self.start
        if self.precision == "week":
            return self.start + timedelta(days=6)
        if self.precision == "month":
            return add_months(self.start, 1) - timedelta(days=1)
        return date(self.start.year, 12, 31)

    @property
    def value(self) -> str:
        """The ISO text of the period: "2012-03-02", "2012-02-27" (a week's Monday), "2008-08", "2008"."""
        if self.precision in ("day", "week"):
            return self.start.isoformat()
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.year:04d}"


def day(value: date) -> Period:
    """The period of one day."""
    return Period(value, "day")


def week_of(value: date) -> Period:
    """The ISO week (Monday to Sunday) that contains a day."""
    return Period(value - timedelta(days=value.weekday()), "week")


def month_of(value: date) -> Period:
    """The calendar month that contains a day."""
    return Period(value.replace(day=1), "month")


def year_of(value: date | int) -> Period:
    """The calendar year of a day or a year number."""
    return Period(date(value if isinstance(value, int) else value.year, 1, 1), "year")


def period(value: date, precision: str) -> Period:
    """The period of the given precision that contains a day."""
    return {"day": day, "week": week_of, "month": month_of, "year": year_of}[precision](value)


def add_months(value: date, months: int) -> date:
    """Shift a day by whole months, clamping the day of month (31 March - 1 month = 29 February)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(value.day, last))


def shift(value: date, amount: int, unit: str) -> date:
    """Move a day by AMOUNT units (day, week, month, year, decade); negative goes back."""
    if unit == "day":
        return value + timedelta(days=amount)
    if unit == "week":
        return value + timedelta(weeks=amount)
    if unit == "month":
        return add_months(value, amount)
    if unit == "year":
        return add_months(value, 12 * amount)
    if unit == "decade":
        return add_months(value, 120 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def weekday_on_or_before(reference: date, weekday: int) -> date:
    """The latest day with this weekday (Monday = 0) on or before the reference day."""
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def weekday_on_or_after(reference: date, weekday: int) -> date:
    """The earliest day with this weekday (Monday = 0) on or after the reference day."""
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)


def is_historical(p: Period, publication: date) -> bool:
    """Whether a period lies clearly before publication: never the publication week or a day in it."""
    if p.end >= publication:
        return False
    if p.precision in ("day", "week") and p.end >= week_of(publication).start:
        return False
    return True


def is_future(p: Period, publication: date) -> bool:
    """Whether a period lies wholly after the publication day."""
    return p.start > publication
