"""Code the seed article with detente and score it against our hand-coding of its events.

    python eval/check_seed.py [--seed PATH] [--json]

The article text is copyrighted and stays outside the repository (../shared/seed/); only our
coding of its events lives here (eval/seed-naharnet-32039.events.jsonl: type, mode, codes,
sectors, date and line number; no text, trigger or note). Targets: event f1 >= 0.75, date
accuracy >= 0.80.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from detente.evaluation import date_matches, matches, score

HERE = Path(__file__).resolve().parent
SEED_ID = "naharnet-32039"
PUBLISHED = "2012-03-02"
EVENTS = HERE / f"seed-{SEED_ID}.events.jsonl"
DEFAULT_SEED = HERE.parent.parent / "shared" / "seed" / f"{SEED_ID}.txt"
TARGETS = {"f1": 0.75, "date_accuracy": 0.80}


def gold_document(text: str) -> dict:
    """The seed as a gold document: its text and our hand-coded events."""
    events = [json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"id": SEED_ID, "date": PUBLISHED, "text": text, "events": events}


def _entities(entities: list) -> str:
    return "+".join(f"{e['code']}/{e.get('sector') or '-'}" for e in entities) or "-"


def _line(event: dict) -> str:
    return (
        f"{event['event']:<9} {event.get('mode') or '':<12} {_entities(event['actor']):<16} -> "
        f"{_entities(event.get('recipient') or []):<16} {event.get('date') or '-'}"
    )


def report(gold: dict, predicted: list[dict], summary: dict) -> str:
    """Figures against the targets, then each gold event found or missed and each unmatched prediction."""
    out = [f"{name:>20}: {value}" for name, value in summary.items()]
    for name, target in TARGETS.items():
        value = summary.get(name) or 0.0
        out.append(f"{'target ' + name:>20}: {target} ({'met' if value >= target else 'NOT met'})")
    out.append("\ngold events (line, found?):")
    for g in gold["events"]:
        hits = [p for p in predicted if matches(p, g)]
        mark = "found" if hits else ("optional" if g.get("optional") else "MISSED")
        dated = (
            ""
            if not hits or not g.get("date")
            else (
                " date ok"
                if any(date_matches(p.get("date"), g["date"]) for p in hits)
                else f" date got {sorted({str(p.get('date')) for p in hits})}"
            )
        )
        out.append(f"  L{g['sentence_index']:<3} {mark:<8} {_line(g)}{dated}")
    extra = [p for p in predicted if not any(matches(p, g) for g in gold["events"])]
    out.append(f"\npredictions matching no gold event ({len(extra)}):")
    out.extend(f"  S{p.get('sentence_index', '?'):<3} {_line(p)}  [{p.get('trigger', '')}]" for p in extra)
    return "\n".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="path of the seed article text")
    parser.add_argument("--json", action="store_true", help="print only the figures, as JSON")
    args = parser.parse_args(argv)
    if not args.seed.exists():
        sys.stdout.write(f"seed article not found at {args.seed}: nothing to check\n")
        return 0
    from detente import code_articles  # imported late so a missing seed needs no spaCy model

    gold = gold_document(args.seed.read_text(encoding="utf-8"))
    article = {"id": SEED_ID, "text": gold["text"], "date": PUBLISHED}
    predicted = [e.model_dump(mode="json") for e in code_articles([article])]
    summary = score([gold], predicted)
    sys.stdout.write((json.dumps(summary) if args.json else report(gold, predicted, summary)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
