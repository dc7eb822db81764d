"""A deterministic corpus of fake wire sentences with a few bad rows, for the batch tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

COUNTRIES = ["France", "Germany", "Japan", "Chile", "Kenya"]
VERBS = ["met", "attacked", "praised", "accused", "visited"]
BAD_ROWS = [
    "this line is not JSON\n",
    json.dumps({"id": "no-text", "text": "  "}) + "\n",
    json.dumps({"id": "bad-date", "text": "France met Chile.", "date": "2024-13-45"}) + "\n",
]


def corpus_records(count: int, seed: int = 7) -> list[dict]:
    """`count` articles of three 'COUNTRY VERB COUNTRY.' sentences, most dated, some with URLs."""
    rng = random.Random(seed)
    records = []
    for number in range(count):
        sentences = [f"{rng.choice(COUNTRIES)} {rng.choice(VERBS)} {rng.choice(COUNTRIES)}." for _ in range(3)]
        date = rng.choice([f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "2023-12-01", None])
        records.append(
            {
                "id": f"art-{number}",
                "text": " ".join(sentences),
                "date": date,
                "url": f"https://www.outlet{number % 5}.example/{number}",
            }
        )
    return records


def write_jsonl(path: Path, records: list[dict], bad_rows_every: int = 0) -> Path:
    """Records as JSONL, with the BAD_ROWS cycled in after every `bad_rows_every` records."""
    with path.open("w", encoding="utf-8") as stream:
        for number, record in enumerate(records, start=1):
            stream.write(json.dumps(record) + "\n")
            if bad_rows_every and number % bad_rows_every == 0:
                stream.write(BAD_ROWS[(number // bad_rows_every - 1) % len(BAD_ROWS)])
    return path
