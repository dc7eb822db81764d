"""A POLECAT-style table, one row per event: PLOVER coding, actor and recipient, place and source (docs/store.md).

POLECAT's exact published layout is not available offline, so the columns follow its content (PLOVER type,
mode, contexts, intensity and quad; actors' names, countries and sectors; a geocoded place; the source and
its date) with detente's own names. Several actors or recipients are joined with ';' as in the CSV layout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Value = Callable[[dict], Any]


def _joined(name: str) -> Value:
    return lambda r: ";".join("" if v is None else str(v) for v in r[name] or [])


def _names(side: str) -> Value:
    """Each actor's name: an organisation's name, else the words the article names it by."""

    def value(r: dict) -> str:
        names = r[f"{side}_names"] or []
        texts = r[f"{side}_texts"] or []
        return ";".join(name or text for name, text in zip(names, texts, strict=True))

    return value


def _countries(side: str) -> Value:
    """Each actor's state code (ISO alpha-3 for states; IGO, NGO and other codes as coded)."""
    return _joined(f"{side}_codes")


def _field(name: str) -> Value:
    return lambda r: "" if r[name] is None else r[name]


def _date(name: str) -> Value:
    return lambda r: r[name].isoformat()[:10] if r[name] else ""


POLECAT: tuple[tuple[str, Value], ...] = tuple(
    {
        "event_id": _field("event_id"),
        "event_date": _field("date"),
        "date_precision": _field("date_precision"),
        "event_type": _field("event"),
        "event_mode": _field("mode"),
        "contexts": _joined("context"),
        "event_intensity": _field("intensity"),
        "quad_code": _field("quad"),
        "actor_name": _names("actor"),
        "actor_country": _countries("actor"),
        "actor_sectors": _joined("actor_sectors"),
        "recipient_name": _names("recipient"),
        "recipient_country": _countries("recipient"),
        "recipient_sectors": _joined("recipient_sectors"),
        "placename": _field("location_name"),
        "place_precision": _field("location_precision"),
        "country": _field("location_country"),
        "province": _field("location_adm1"),
        "province_code": _field("location_adm1_code"),
        "latitude": _field("location_lat"),
        "longitude": _field("location_lon"),
        "geonames_id": _field("location_geonames_id"),
        "source": lambda r: r["source"] or "",
        "source_url": lambda r: r["url"] or r["article_url"] or "",
        "publication_date": _date("article_date"),
        "doc_id": _field("doc_id"),
        "event_text": _field("sentence"),
        "trigger": _field("trigger"),
    }.items()
)
POLECAT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in POLECAT)
