"""scripts/make_world.py on a shapefile written here: its shapefile and dBase readers, the simplification,
and the GeoJSON it writes from a wheel-shaped zip (the real one is geopandas' Natural Earth countries)."""

from __future__ import annotations

import importlib.util
import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("make_world", ROOT / "scripts" / "make_world.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_world"] = module
    spec.loader.exec_module(module)
    return module


def _shp(rings_per_record: list[list[list[tuple[float, float]]]]) -> bytes:
    """A polygon shapefile (type 5) of the given records, each a list of rings."""
    records = b""
    for number, rings in enumerate(rings_per_record, 1):
        points = [p for ring in rings for p in ring]
        starts, at = [], 0
        for ring in rings:
            starts.append(at)
            at += len(ring)
        content = struct.pack("<i4d2i", 5, 0, 0, 0, 0, len(rings), len(points))
        content += struct.pack(f"<{len(starts)}i", *starts)
        content += b"".join(struct.pack("<2d", x, y) for x, y in points)
        records += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(records)) // 2) + struct.pack("<2i", 1000, 5)
    return header + b"\0" * (100 - len(header) - 8) + b"\0" * 8 + records


def _dbf(rows: list[dict[str, str]]) -> bytes:
    """A dBase III table of character fields, 10 wide."""
    names = list(rows[0])
    header_size, size = 32 + 32 * len(names) + 1, 1 + 10 * len(names)
    out = struct.pack("<B3BIHH20x", 3, 124, 1, 1, len(rows), header_size, size)
    for name in names:
        out += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([10, 0]) + b"\0" * 14
    out += b"\r"
    for row in rows:
        out += b" " + b"".join(row[n].encode().ljust(10) for n in names)
    return out + b"\x1a"


SQUARE = [(0.0, 0.0), (0.0, 10.0), (5.0, 10.0005), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]  # one point nearly on a side
ISLAND = [(20.0, 20.0), (20.0, 21.0), (21.0, 21.0), (20.0, 20.0)]


def test_readers_and_simplification(script) -> None:
    shapes = script.read_polygons(_shp([[SQUARE, ISLAND], [ISLAND]]))
    assert shapes == [[SQUARE, ISLAND], [ISLAND]]
    rows = script.read_dbf(_dbf([{"iso_a3": "AAA", "name": "Squareland"}, {"iso_a3": "BBB", "name": "Isle"}]))
    assert rows == [{"iso_a3": "AAA", "name": "Squareland"}, {"iso_a3": "BBB", "name": "Isle"}]
    simple = script.simplify(SQUARE, 0.08)
    assert simple == [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]  # closed, the corners kept
    assert script.simplify(ISLAND, 0.08) == ISLAND


def test_writes_geojson_from_a_wheel(script, tmp_path) -> None:
    wheel = tmp_path / "geopandas-0.14.4-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr(script.SHAPES + ".shp", _shp([[SQUARE, ISLAND], [ISLAND]]))
        rows = [{"iso_a3": "BBB", "name": "Squareland"}, {"iso_a3": "AAA", "name": "Isle"}]
        z.writestr(script.SHAPES + ".dbf", _dbf(rows))
    out = tmp_path / "world.geojson"
    assert script.main([str(wheel), "--output", str(out)]) == 0
    world = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"] for f in world["features"]] == [
        {"iso_a3": "AAA", "name": "Isle"},  # sorted by code
        {"iso_a3": "BBB", "name": "Squareland"},
    ]
    square = world["features"][1]["geometry"]
    assert square["type"] == "MultiPolygon" and len(square["coordinates"]) == 2
    assert square["coordinates"][0][0] == [[0.0, 0.0], [0.0, 10.0], [10.0, 10.0], [10.0, 0.0], [0.0, 0.0]]
    assert "Natural Earth" in world["source"]
