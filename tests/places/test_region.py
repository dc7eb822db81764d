"""Regions for a pair's events (`detente relations --near PLACE --km N`, `--adm1`): distances and names."""

from __future__ import annotations

import pytest

from detente.errors import InputError
from detente.model import Location
from detente.places.region import Region, haversine_km, in_adm1, near, region_of


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.6),  # Paris - London
        ((0.0, 0.0), (0.0, 1.0), 111.2),  # a degree of the equator
        ((36.5119, 36.8695), (36.5119, 36.8695), 0.0),
        ((89.0, 0.0), (89.0, 180.0), 222.4),  # over the pole, not around it
    ],
)
def test_haversine_km(a, b, km) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.2)


@pytest.mark.parametrize(
    ("name", "prefer", "country"),
    [
        ("Afrin", (), "SYR"),
        ("Tripoli", (), "LBY"),  # the most populous of the name
        ("Tripoli", ("ISR", "LBN"), "LBN"),  # ... unless one of the pair's states has one
        ("tripoli", ("LBN",), "LBN"),
    ],
)
def test_near_resolves_a_shared_name_to_the_pairs_state(name, prefer, country) -> None:
    region = near(name, 50, prefer)
    inside = Location(name="x", country=country, lat=region.lat, lon=region.lon, precision="city")
    assert region.contains(inside) and country in region.name


def test_near_keeps_places_within_km_and_never_a_state_point() -> None:
    region = near("Afrin", 50)
    izaz = Location(name="Izaz", country="SYR", adm1_code="SY.09", lat=36.5866, lon=37.0463, precision="city")
    idlib = Location(name="Idlib", country="SYR", adm1_code="SY.12", lat=35.9306, lon=36.6339, precision="city")
    syria = Location(name="Syria", country="SYR", lat=36.5, lon=36.9, precision="country")  # a point, not a place
    assert (region.contains(izaz), region.contains(idlib), region.contains(syria)) == (True, False, False)
    assert near("Afrin", 100).contains(idlib)  # 68 km away
    assert not region.contains(Location())


@pytest.mark.parametrize("value", ["SY.09", "sy.09", "Aleppo", "aleppo"])
def test_adm1_by_code_or_name(value) -> None:
    region = in_adm1(value)
    assert region == Region("in Aleppo (SY.09)", adm1_code="SY.09")
    assert region.contains(Location(name="Afrin", adm1_code="SY.09", lat=1.0, lon=1.0, precision="city"))
    assert not region.contains(Location(name="Idlib", adm1_code="SY.12", lat=1.0, lon=1.0, precision="city"))


@pytest.mark.parametrize(
    ("kwargs", "number"),
    [
        ({"near_place": "Qwzxville"}, "E116"),
        ({"adm1": "Qwzxshire"}, "E116"),
        ({"near_place": "Afrin", "adm1": "SY.09"}, "E117"),
        ({"km": 10}, "E117"),
        ({"near_place": "Afrin", "km": 0}, "E117"),
        ({"near_place": "Afrin", "km": -5}, "E117"),
    ],
)
def test_bad_regions(kwargs, number) -> None:
    with pytest.raises(InputError, match=number):
        region_of(**kwargs)


def test_no_region_asked() -> None:
    assert region_of() is None
    assert region_of("SYR", 400).name == "within 400 km of SYR"  # a state's code: its point
