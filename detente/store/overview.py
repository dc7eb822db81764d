"""What a store holds at a glance: events per month by quad class, the most active countries, a
country's partners. The dashboard's overview and country page read these (docs/api.md)."""

from __future__ import annotations

from typing import Any

from detente.store.filters import EventFilter
from detente.store.store import Store

_EITHER_SIDE = "(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))"
# A country's code is ISO alpha-3: bodies (IGO..., NATO's and the like) are longer, sectors sit apart.
_IS_COUNTRY = "length({0}) = 3 AND regexp_full_match({0}, '[A-Z]{{3}}')"


def _code(value: str) -> str:
    """A code checked and upper-cased as the filters do it (E142 for a bad one)."""
    return EventFilter(actor=value).actor or ""


def _where(since: str | None, until: str | None, *extra: str) -> tuple[str, list]:
    """' WHERE ...' for the period and the extra clauses, and its parameters (dates checked, E135)."""
    where, params = EventFilter(since=since, until=until).sql()
    clauses = [where.removeprefix(" WHERE ")] if where else []
    clauses.extend(extra)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def timeline(
    store: Store, *, country: str | None = None, since: str | None = None, until: str | None = None
) -> list[dict[str, Any]]:
    """Per month with events: their count per quad class, for the whole store or one country (acting
    or acted on), dated events only, in month order."""
    extra = ["date_start IS NOT NULL"]
    if country:
        extra.append(_EITHER_SIDE)
    where, params = _where(since, until, *extra)
    if country:
        code = _code(country)
        params += [code, code]
    with store.reading() as cur:
        rows = cur.execute(
            f"SELECT strftime(date_start, '%Y-%m') AS ym, quad, count(*) FROM events{where}"
            " GROUP BY ym, quad ORDER BY ym, quad",
            params,
        ).fetchall()
    months: dict[str, dict[str, Any]] = {}
    for month, quad, n in rows:
        entry = months.setdefault(month, {"month": month, "events": 0, "quads": {}})
        entry["quads"][quad or "unknown"] = n
        entry["events"] += n
    return list(months.values())


def active_countries(
    store: Store, *, since: str | None = None, until: str | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """The countries in most events of the period (as actor or recipient), most first."""
    where, params = _where(since, until)
    with store.reading() as cur:
        rows = cur.execute(
            "SELECT code, count(DISTINCT event_key) AS n FROM ("
            f" SELECT event_key, unnest(list_distinct(list_concat(actor_codes, recipient_codes))) AS code"
            f" FROM events{where}) WHERE {_IS_COUNTRY.format('code')}"
            " GROUP BY code ORDER BY n DESC, code LIMIT ?",
            [*params, limit],
        ).fetchall()
    return [{"code": code, "events": n} for code, n in rows]


def active_pairs(
    store: Store, *, since: str | None = None, until: str | None = None, country: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """The country pairs (both sides known) with most events in the period, optionally those of one
    country, most first; `a` is the country asked about, else the first code in alphabetical order."""
    where, params = _where(since, until)
    extra, extra_params = "", []
    if country:
        code = _code(country)
        extra, extra_params = " AND (a = ? OR b = ?)", [code, code]
    with store.reading() as cur:
        rows = cur.execute(
            "SELECT a, b, count(DISTINCT event_key) AS n FROM ("
            " SELECT d.event_key, least(d.actor_code, d.recipient_code) AS a,"
            " greatest(d.actor_code, d.recipient_code) AS b FROM dyads d"
            f" WHERE d.event_key IN (SELECT event_key FROM events{where})"
            " AND d.actor_code <> d.recipient_code AND d.actor_code <> '' AND d.recipient_code <> '')"
            f" WHERE {_IS_COUNTRY.format('a')} AND {_IS_COUNTRY.format('b')}{extra}"
            " GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?",
            [*params, *extra_params, limit],
        ).fetchall()
    pairs = []
    for a, b, n in rows:
        if country and b == _code(country):
            a, b = b, a
        pairs.append({"a": a, "b": b, "events": n})
    return pairs
