"""Write detente/dashboard/static/world.geojson: country shapes for the dashboard's map (Natural Earth, public domain).

    pip download --no-deps geopandas==0.14.4        # its wheel ships Natural Earth's 1:110m countries
    python scripts/make_world.py geopandas-0.14.4-py3-none-any.whl

Not run by detente: the file it writes ships with the package and the server sends it from /static, so
the map needs no CDN, tile server or download. The shapes are geopandas' `naturalearth_lowres` (Natural
Earth 1:110m Admin 0 countries, with ISO codes fixed where Natural Earth has -99), read here with a small
shapefile reader, simplified (Douglas-Peucker, 0.08 degrees) and rounded to 2 decimals.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "detente" / "dashboard" / "static" / "world.geojson"
SHAPES = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.08  # degrees; a country smaller than this keeps its outline's extreme points
DECIMALS = 2


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """The records of a dBase III table (the .dbf of a shapefile), as text."""
    count, header, size = struct.unpack("<IHH", data[4:12])
    fields, at = [], 32
    while data[at] != 0x0D:
        name = data[at : at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[at + 16]))
        at += 32
    rows = []
    for n in range(count):
        record = data[header + n * size : header + (n + 1) * size]
        at, row = 1, {}
        for name, width in fields:
            row[name] = record[at : at + width].decode("utf-8", "replace").strip()
            at += width
        rows.append(row)
    return rows


def read_polygons(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """The rings of each polygon record of a .shp file (shape types 5, polygon, and 0, null)."""
    shapes, at = [], 100
    while at < len(data):
        _, words = struct.unpack(">ii", data[at : at + 8])
        content = data[at + 8 : at + 8 + 2 * words]
        at += 8 + 2 * words
        kind = struct.unpack("<i", content[:4])[0]
        if kind == 0:
            shapes.append([])
            continue
        if kind != 5:
            raise ValueError(f"shape type {kind}: only polygons are read")
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44 : 44 + 4 * parts])) + [points]
        xy = struct.unpack(f"<{2 * points}d", content[44 + 4 * parts : 44 + 4 * parts + 16 * points])
        coords = list(zip(xy[0::2], xy[1::2], strict=True))
        shapes.append([coords[starts[i] : starts[i + 1]] for i in range(parts)])
    return shapes


def simplify(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring, keeping its first point and the point farthest from it."""
    if len(ring) <= 4:
        return ring
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    return _dp(ring[: far + 1], tolerance)[:-1] + _dp(ring[far:], tolerance)


def _dp(line: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    keep, stack = {0, len(line) - 1}, [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = line[first], line[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = line[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [line[i] for i in sorted(keep)]


def feature(row: dict[str, str], rings: list[list[tuple[float, float]]]) -> dict | None:
    polygons = []
    for ring in rings:
        kept = [(round(x, DECIMALS), round(y, DECIMALS)) for x, y in simplify(ring, TOLERANCE)]
        kept = [p for i, p in enumerate(kept) if i == 0 or p != kept[i - 1]]
        if len(kept) >= 4:
            polygons.append([[list(p) for p in kept]])
    if not polygons:
        return None
    return {
        "type": "Feature",
        "properties": {"iso_a3": row["iso_a3"], "name": row["name"]},
        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", help="geopandas-0.14.x wheel (it ships naturalearth_lowres)")
    parser.add_argument("--output", default=str(OUT))
    args = parser.parse_args(argv)
    with zipfile.ZipFile(args.wheel) as wheel:
        rows = read_dbf(wheel.read(SHAPES + ".dbf"))
        shapes = read_polygons(wheel.read(SHAPES + ".shp"))
    features = [f for row, rings in zip(rows, shapes, strict=True) if (f := feature(row, rings))]
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via geopandas 0.14 naturalearth_lowres; "
        "simplified by scripts/make_world.py",
        "features": sorted(features, key=lambda f: f["properties"]["iso_a3"]),
    }
    text = io.StringIO()
    json.dump(collection, text, separators=(",", ":"), ensure_ascii=False)
    Path(args.output).write_text(text.getvalue() + "\n", encoding="utf-8")
    print(f"{len(features)} countries, {len(text.getvalue()) // 1024} KB to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
