"""The places table: where the gazetteer's places are (GeoNames, shipped in places/data), and a point per state."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from detente.tables import read_tsv

DATA = Path(__file__).parent / "data"


def fold(surface: str) -> str:
    """The key a place name is looked up by: lowercase ASCII, no accents, hyphens or apostrophes ("Sāmarrā’")."""
    decomposed = unicodedata.normalize("NFKD", surface)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "’ʿʾ'`")
    return " ".join(kept.encode("ascii", "ignore").decode().lower().replace("-", " ").split())


@dataclass(frozen=True)
class Place:
    """One GeoNames place: a city, or a first-level division (feature "adm1")."""

    name: str
    country: str
    feature: str
    adm1_code: str
    adm1_name: str
    lat: float
    lon: float
    population: int
    geonames_id: int | None = None


@dataclass(frozen=True)
class Centroid:
    """The point a state is placed at, and the surface of its capital."""

    lat: float
    lon: float
    capital: str = ""
    fips: str = ""  # FIPS 10-4, GDELT's country codes


@dataclass
class PlaceTable:
    """Folded surface -> the places it may name; state -> its point."""

    by_surface: dict[str, list[Place]] = field(default_factory=dict)
    centroids: dict[str, Centroid] = field(default_factory=dict)

    def candidates(self, surface: str) -> list[Place]:
        """The places a name may stand for, most populous first."""
        return self.by_surface.get(fold(surface), [])

    def capital(self, country: str) -> Place | None:
        """A state's capital, where the places table has it."""
        centroid = self.centroids.get(country)
        if centroid is None or not centroid.capital:
            return None
        own = [p for p in self.by_surface.get(centroid.capital, []) if p.country == country]
        return min(own, key=lambda p: p.feature != "city", default=None)  # the city before its province


@lru_cache(maxsize=1)
def load_places() -> PlaceTable:
    """The shipped places and centroids tables, read once."""
    table = PlaceTable()
    columns = ("geonames_id", "name", "country", "feature", "adm1_code", "adm1_name", "lat", "lon", "population")
    for _, row in read_tsv(DATA / "places.tsv", (*columns, "surfaces")):
        place = Place(
            name=row["name"],
            country=row["country"],
            feature=row["feature"],
            adm1_code=row["adm1_code"],
            adm1_name=row["adm1_name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row["population"] or 0),
            geonames_id=int(row["geonames_id"]) if row["geonames_id"] else None,
        )
        for surface in row["surfaces"].split("|"):
            table.by_surface.setdefault(surface, []).append(place)
    for places in table.by_surface.values():
        places.sort(key=lambda p: -p.population)
    for _, row in read_tsv(DATA / "centroids.tsv", ("country", "lat", "lon", "capital", "fips")):
        table.centroids[row["country"]] = Centroid(float(row["lat"]), float(row["lon"]), row["capital"], row["fips"])
    return table
