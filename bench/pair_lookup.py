"""How long the ledger's pair lookup takes on a large store: events_for_pair on a million stored events.

    python bench/pair_lookup.py [--rows 1000000] [--repeat 3]

Prints the seconds of each run (best first); the store is built once, in a temporary directory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "store")]

from eventkit import fill_store  # noqa: E402  (after the path is set)

from detente.store import events_for_pair  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.duckdb")
        fill_store(path, args.rows)
        runs = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            events = list(events_for_pair(path, "RUS", "GEO"))
            runs.append(time.perf_counter() - started)
        print(f"events_for_pair on {args.rows:,} events: {len(events):,} events; seconds {sorted(runs)}")


if __name__ == "__main__":
    main()
