"""A region to keep a pair's events in: within some km of a named place, or in one first-level division (ADM1).

Names resolve against the shipped places table, as events' places do; a name that several places share
resolves to one in the pair's states when there is one, else to the most populous (docs/ledger.md).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from detente.errors import Errors, InputError
from detente.model import Location
from detente.places.table import Place, PlaceTable, fold, load_places

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
DEFAULT_KM = 50.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Region:
    """Events within `km` of a point (`near`), or in the ADM1 `adm1_code`; `name` says which, for people."""

    name: str
    lat: float | None = None
    lon: float | None = None
    km: float | None = None
    adm1_code: str = ""

    def contains(self, place: Location) -> bool:
        """Whether an event's place is in the region. A place known only to its state (precision country) is
        in no region: its point is the state's, not where the event happened."""
        if place.precision not in ("city", "adm1"):
            return False
        if self.adm1_code:
            return place.adm1_code == self.adm1_code
        if place.lat is None or place.lon is None or self.lat is None or self.lon is None or self.km is None:
            return False
        return haversine_km(self.lat, self.lon, place.lat, place.lon) <= self.km

    def to_dict(self) -> dict:
        return {"name": self.name, "lat": self.lat, "lon": self.lon, "km": self.km, "adm1_code": self.adm1_code}


def _pick(places: list[Place], prefer: Iterable[str]) -> Place | None:
    """The place in one of the preferred states (in their order), else the most populous (the table's first)."""
    for country in prefer:
        for place in places:
            if place.country == country:
                return place
    return places[0] if places else None


def near(name: str, km: float = DEFAULT_KM, prefer: Iterable[str] = (), table: PlaceTable | None = None) -> Region:
    """The region within km of the place called name (a city, an ADM1's centre, or a state's point)."""
    if not km > 0 or math.isinf(km):
        raise InputError(Errors.E117.format(reason=f"--km must be a positive number of km, not {km}"))
    table = table or load_places()
    place = _pick(table.candidates(name), prefer)
    if place is not None:
        label = f"within {km:g} km of {place.name} ({place.adm1_name}, {place.country})"
        return Region(label, place.lat, place.lon, km)
    code = name.strip().upper()
    if code in table.centroids:  # a state by its code: its point (a wide --km makes sense there)
        centroid = table.centroids[code]
        return Region(f"within {km:g} km of {code}", centroid.lat, centroid.lon, km)
    raise InputError(Errors.E116.format(value=name, reason="see docs/ledger.md, 'Places'"))


def in_adm1(name_or_code: str, prefer: Iterable[str] = (), table: PlaceTable | None = None) -> Region:
    """The region of one ADM1, by its GeoNames code ("SY.09") or its name ("Aleppo")."""
    table = table or load_places()
    value = name_or_code.strip()
    # every ADM1 the table places anything in, by its code in capitals
    divisions = {p.adm1_code.upper(): p for places in table.by_surface.values() for p in places if p.adm1_code}
    if value.upper() in divisions:
        place = divisions[value.upper()]
        return Region(f"in {place.adm1_name} ({place.adm1_code})", adm1_code=place.adm1_code)
    named = [p for p in table.candidates(value) if p.feature == "adm1"]
    named = named or [p for p in divisions.values() if fold(p.adm1_name) == fold(value)]
    place = _pick(named, prefer)
    if place is None:
        raise InputError(Errors.E116.format(value=name_or_code, reason="no ADM1 of that name or code"))
    return Region(f"in {place.adm1_name} ({place.adm1_code})", adm1_code=place.adm1_code)


def region_of(
    near_place: str | None = None, km: float | None = None, adm1: str | None = None, prefer: Iterable[str] = ()
) -> Region | None:
    """The region that `detente relations --near PLACE --km N` or `--adm1 NAME_OR_CODE` asks for; None for neither.
    prefer: the states whose places win a shared name (the pair's)."""
    if near_place and adm1:
        raise InputError(Errors.E117.format(reason="give --near or --adm1, not both"))
    if km is not None and not near_place:
        raise InputError(Errors.E117.format(reason="--km needs --near PLACE"))
    if near_place:
        return near(near_place, DEFAULT_KM if km is None else km, prefer)
    if adm1:
        return in_adm1(adm1, prefer)
    return None
