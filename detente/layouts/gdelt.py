"""GDELT 2.0's 61 event-table columns, in GDELT's order, from an event's record (detente.layouts, docs/store.md).

Each value comes from the event's flat row of detente.schema (r), the actor and recipient of the row's dyad
(a, b), or the store (event_key, date_start, the article's url and load time, the duplicate-report counts).
What detente does not code (ethnic and religion codes, second and third roles, ADM2, tone) is left empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from detente.places import load_places

Entity = dict[str, Any]
Value = Callable[[dict, Entity, Entity], Any]

QUAD_CLASS = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {("country", False): 1, ("adm1", True): 2, ("city", True): 3, ("city", False): 4, ("adm1", False): 5}


def _day(fmt: str) -> Value:
    return lambda r, a, b: r["date_start"].strftime(fmt) if r["date_start"] else ""


def _fraction(r: dict, a: Entity, b: Entity) -> str:
    day = r["date_start"]
    return f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""


def _empty(r: dict, a: Entity, b: Entity) -> str:
    return ""


def fips(country: str) -> str:
    """The FIPS 10-4 code GDELT writes for an ISO alpha-3 state, or ''."""
    centroid = load_places().centroids.get(country)
    return centroid.fips if centroid is not None else ""


def _actor(side: int) -> dict[str, Value]:
    """The ten actor columns of one side: CAMEO-style code (state and role), name, state, known group, role."""

    def entity(a: Entity, b: Entity) -> Entity:
        return a if side == 1 else b

    def state(r: dict, a: Entity, b: Entity) -> str:
        code = entity(a, b).get("code", "")
        return code if code in load_places().centroids else ""

    def group(r: dict, a: Entity, b: Entity) -> str:
        code = entity(a, b).get("code", "")
        return code if code and code not in load_places().centroids else ""  # IGOUNO, NGO, MNC

    prefix = f"Actor{side}"
    return {
        f"{prefix}Code": lambda r, a, b: entity(a, b).get("code", "") + (entity(a, b).get("sector") or ""),
        f"{prefix}Name": lambda r, a, b: entity(a, b).get("name") or entity(a, b).get("text", ""),
        f"{prefix}CountryCode": state,
        f"{prefix}KnownGroupCode": group,
        f"{prefix}EthnicCode": _empty,
        f"{prefix}Religion1Code": _empty,
        f"{prefix}Religion2Code": _empty,
        f"{prefix}Type1Code": lambda r, a, b: entity(a, b).get("sector", ""),
        f"{prefix}Type2Code": _empty,
        f"{prefix}Type3Code": _empty,
    }


def _actor_geo(side: int) -> dict[str, Value]:
    """Where an actor is: its state at country precision (detente places events, not actors)."""

    def state(a: Entity, b: Entity) -> str:
        code = (a if side == 1 else b).get("code", "")
        return code if code in load_places().centroids else ""

    def point(index: int) -> Value:
        def value(r: dict, a: Entity, b: Entity) -> Any:
            code = state(a, b)
            if not code:
                return ""
            centroid = load_places().centroids[code]
            return centroid.lat if index == 0 else centroid.lon

        return value

    prefix = f"Actor{side}Geo"
    return {
        f"{prefix}_Type": lambda r, a, b: 1 if state(a, b) else "",
        f"{prefix}_FullName": lambda r, a, b: state(a, b),
        f"{prefix}_CountryCode": lambda r, a, b: fips(state(a, b)),
        f"{prefix}_ADM1Code": lambda r, a, b: fips(state(a, b)),
        f"{prefix}_ADM2Code": _empty,
        f"{prefix}_Lat": point(0),
        f"{prefix}_Long": point(1),
        f"{prefix}_FeatureID": lambda r, a, b: fips(state(a, b)),
    }


def _action_full_name(r: dict, a: Entity, b: Entity) -> str:
    """GDELT's "City, ADM1, Country": the parts the place has, the state by its code."""
    parts = [r["location_name"]] if r["location_precision"] in ("city", "adm1") else []
    if r["location_adm1"] and r["location_adm1"] not in parts:
        parts.append(r["location_adm1"])
    return ", ".join([*parts, r["location_country"]]) if r["location_country"] else r["location"]


def _action_adm1(r: dict, a: Entity, b: Entity) -> str:
    """FIPS state and GeoNames admin1 code ("LE09"); the state's code alone at country precision."""
    country = fips(r["location_country"])
    code = r["location_adm1_code"].partition(".")[2] if r["location_precision"] != "country" else ""
    return country + code


def _action_feature(r: dict, a: Entity, b: Entity) -> Any:
    """The GeoNames id of a city; for an ADM1 its code, for a state its code, as GDELT does."""
    if r["location_geonames_id"] is not None:
        return r["location_geonames_id"]
    return _action_adm1(r, a, b)


def _none_blank(name: str) -> Value:
    return lambda r, a, b: "" if r[name] is None else r[name]


ACTION_GEO: dict[str, Value] = {
    "ActionGeo_Type": lambda r, a, b: _GEO_TYPE.get((r["location_precision"], r["location_country"] == "USA"), ""),
    "ActionGeo_FullName": _action_full_name,
    "ActionGeo_CountryCode": lambda r, a, b: fips(r["location_country"]),
    "ActionGeo_ADM1Code": _action_adm1,
    "ActionGeo_ADM2Code": _empty,
    "ActionGeo_Lat": _none_blank("location_lat"),
    "ActionGeo_Long": _none_blank("location_lon"),
    "ActionGeo_FeatureID": _action_feature,
}

GDELT: tuple[tuple[str, Value], ...] = tuple(
    {
        "GlobalEventID": lambda r, a, b: r["event_key"],
        "Day": _day("%Y%m%d"),
        "MonthYear": _day("%Y%m"),
        "Year": lambda r, a, b: r["date_start"].year if r["date_start"] else "",
        "FractionDate": _fraction,
        **_actor(1),
        **_actor(2),
        # the lead: GDELT's "root event" comes from an article's first sentences
        "IsRootEvent": lambda r, a, b: int(min(r["mention_sentences"] or [r["sentence_index"]]) == 0),
        # the full CAMEO code ("0311"), its three-digit base ("031") and its root ("03")
        "EventCode": lambda r, a, b: r["cameo_code"],
        "EventBaseCode": lambda r, a, b: r["cameo_code"][:3],
        "EventRootCode": lambda r, a, b: r["cameo_root"],
        "QuadClass": lambda r, a, b: QUAD_CLASS.get(r["quad"], ""),
        "GoldsteinScale": lambda r, a, b: r["intensity"],  # PLOVER intensity, on Goldstein's -10..10
        "NumMentions": lambda r, a, b: r["mentions"],
        "NumSources": lambda r, a, b: r["sources"],
        "NumArticles": lambda r, a, b: r["articles"],
        "AvgTone": _empty,
        **_actor_geo(1),
        **_actor_geo(2),
        **ACTION_GEO,
        "DATEADDED": lambda r, a, b: r["loaded_at"].strftime("%Y%m%d%H%M%S") if r["loaded_at"] else "",
        "SOURCEURL": lambda r, a, b: r["url"] or r["article_url"] or "",
    }.items()
)
GDELT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in GDELT)
