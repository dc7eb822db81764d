"""List runs of six or more words that repository files share with the dev sets or the seed article.

    python scripts/dev_leaks.py            # every tracked file, three runs each
    python scripts/dev_leaks.py --all      # every run

Dev sentences and the seed article are test input only: no run of six of their words belongs in the
tests, the docs, the code or the lexicon examples. The dev sets and the seed are read from ../shared
(or $DETENTE_SHARED); the snapshot of the coder's output (tests/snapshot) is left out, as it holds the
repository's own texts coded. Exit status 1 when a run is found.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = 6
SKIP = ("tests/snapshot/",)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def dev_runs(shared: Path) -> dict[tuple[str, ...], str]:
    """Every run of RUN words in the dev texts and the seed, with the document it comes from."""
    runs: dict[tuple[str, ...], str] = {}

    def add(source: str, text: str) -> None:
        words = _words(text)
        for i in range(len(words) - RUN + 1):
            runs.setdefault(tuple(words[i : i + RUN]), source)

    for path in sorted((shared / "eval" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                document = json.loads(line)
                add(document["id"], document["text"])
    for path in sorted((shared / "seed").glob("*.txt")):
        add(f"seed:{path.name}", path.read_text(encoding="utf-8"))
    return runs


def leaks(runs: dict[tuple[str, ...], str]) -> dict[str, list[tuple[str, str]]]:
    """Tracked files and the dev runs in them (source, words)."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found: dict[str, list[tuple[str, str]]] = {}
    for name in tracked.split("\n"):
        path = ROOT / name
        if not name or name.startswith(SKIP) or not path.is_file():
            continue
        try:
            words = _words(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
        hits = {(runs[g], " ".join(g)) for i in range(len(words) - RUN + 1) if (g := tuple(words[i : i + RUN])) in runs}
        if hits:
            found[name] = sorted(hits)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every run, not three a file")
    args = parser.parse_args(argv)
    shared = Path(os.environ.get("DETENTE_SHARED") or ROOT.parent / "shared")
    if not shared.is_dir():
        print(f"no shared folder at {shared}: nothing to compare with")
        return 0
    found = leaks(dev_runs(shared))
    for name, hits in found.items():
        print(f"{name}: {len(hits)} runs")
        for source, words in hits if args.all else hits[:3]:
            print(f"    {source}: {words}")
    print(f"{sum(map(len, found.values()))} runs in {len(found)} files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
