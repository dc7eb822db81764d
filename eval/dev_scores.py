"""Score the coder on the dev sets and our own gold, each split into a working and a check half.

    python eval/dev_scores.py                     # scores by half, per-type recall on plover-gsr-dev
    python eval/dev_scores.py --out DIR           # also keep each set's predictions in DIR
    python eval/dev_scores.py --out NEW --compare OLD   # and list the working half's changed events
    python eval/dev_scores.py --scored OLD        # score predictions kept earlier, coding nothing

Halves follow `zlib.crc32(id) % 2`: 0 is the working half, whose errors one may read; 1 is the check
half, only scored. A change that helps the working half and not the check half is tuning. The dev sets
are read from ../shared (or $DETENTE_SHARED) and scored with its scorer (../shared/eval/score.py), so
the figures are the ones the project reports.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "plover-gsr-dev": "eval/data/plover-gsr-dev.jsonl",
    "guardian-full-dev": "eval/data/guardian-full-dev.jsonl",
}
OWN_GOLD = ROOT / "tests" / "gold" / "detente-gold.jsonl"
OWN_ARTICLES = ROOT / "tests" / "gold" / "detente-articles.jsonl"
FIGURES = ("recall", "precision", "f1", "type_recall", "date_accuracy", "sector_accuracy", "mode_accuracy")


def half(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode("utf-8")) % 2


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def code(documents: list[dict]) -> dict[str, list[dict]]:
    """Each document's events, as `detente code --format jsonl` writes them."""
    from detente import code_articles

    articles = [{"id": d["id"], "text": d["text"], "date": d.get("date")} for d in documents]
    found: dict[str, list[dict]] = {d["id"]: [] for d in documents}
    for event in code_articles(articles):
        found[event.doc_id].append(event.model_dump(mode="json"))
    return found


def _score(scorer, gold: list[dict], predicted: dict[str, list[dict]], workdir: Path) -> dict:
    gold_path, pred_path = workdir / "gold.jsonl", workdir / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(d) + "\n" for d in gold), encoding="utf-8")
    pred_path.write_text(
        "".join(json.dumps({"id": d["id"], "events": predicted.get(d["id"], [])}) + "\n" for d in gold),
        encoding="utf-8",
    )
    summary, _ = scorer.score(str(gold_path), str(pred_path))
    return summary


def per_type(scorer, gold: list[dict], predicted: dict[str, list[dict]]) -> dict[str, tuple[int, int, int]]:
    """Per PLOVER type of the gold: (required events, found with the right type, matched in full)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for document in gold:
        predictions = predicted.get(document["id"], [])
        for event in (e for e in document.get("events", []) if not e.get("optional")):
            row = table[event["event"]]
            row[0] += 1
            types = {event["event"], *event.get("alt", [])}
            row[1] += any(p["event"] in types for p in predictions)
            row[2] += any(scorer.matches(p, event) for p in predictions)
    return {k: tuple(v) for k, v in sorted(table.items())}


def _line(name: str, summary: dict) -> str:
    cells = " ".join(f"{summary[k] if summary[k] is not None else '-':>8}" for k in FIGURES)
    return f"{name:<28} {summary['gold_events']:>5} {cells}"


def compare(old_dir: Path, new_dir: Path, name: str, gold: list[dict]) -> list[str]:
    """The working half's documents whose events changed, with the events before and after."""
    old_path, new_path = old_dir / f"{name}.pred.jsonl", new_dir / f"{name}.pred.jsonl"
    if not old_path.exists():
        return [f"(no {old_path})"]
    old = {d["id"]: d["events"] for d in _jsonl(old_path)}
    new = {d["id"]: d["events"] for d in _jsonl(new_path)}
    lines, check_changed = [], 0

    def brief(e: dict) -> str:
        actors = ";".join(a["code"] + ("/" + a["sector"] if a["sector"] else "") for a in e["actor"])
        recipients = ";".join(r["code"] + ("/" + r["sector"] if r["sector"] else "") for r in e["recipient"])
        return f"{actors} {e['event']}{':' + e['mode'] if e['mode'] else ''} {recipients or '-'} [{e['trigger']}]"

    for document in gold:
        before = sorted(brief(e) for e in old.get(document["id"], []))
        after = sorted(brief(e) for e in new.get(document["id"], []))
        if before == after:
            continue
        if half(document["id"]) == 1:
            check_changed += 1
            continue
        lines.append(f"  {document['id']}")
        lines += [f"    - {b}" for b in before if b not in after] + [f"    + {a}" for a in after if a not in before]
    lines.append(f"  check half: {check_changed} documents changed (not shown)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep each set's predictions here")
    parser.add_argument("--compare", type=Path, help="a previous --out directory to compare with")
    parser.add_argument("--scored", type=Path, help="score the predictions kept in this --out directory; code nothing")
    args = parser.parse_args(argv)
    shared = Path(os.environ.get("DETENTE_SHARED") or ROOT.parent / "shared")
    if not (shared / "eval" / "score.py").exists():
        print(f"no shared scorer at {shared}/eval/score.py")
        return 1
    scorer = _scorer(shared)
    sets = {name: _jsonl(shared / path) for name, path in SETS.items()}
    sets["detente-gold"] = _jsonl(OWN_GOLD)
    sets["detente-articles"] = _jsonl(OWN_ARTICLES)
    print(f"{'set':<28} {'gold':>5} " + " ".join(f"{k[:8]:>8}" for k in FIGURES))
    with tempfile.TemporaryDirectory() as tmp:
        for name, gold in sets.items():
            if args.scored:
                kept = args.scored / f"{name}.pred.jsonl"
                if not kept.exists():
                    print(f"{name}: no {kept}")
                    continue
                predicted = {d["id"]: d["events"] for d in _jsonl(kept)}
            else:
                predicted = code(gold)
            if args.out and not args.scored:
                args.out.mkdir(parents=True, exist_ok=True)
                with (args.out / f"{name}.pred.jsonl").open("w", encoding="utf-8") as stream:
                    stream.writelines(json.dumps({"id": d["id"], "events": predicted[d["id"]]}) + "\n" for d in gold)
            for label, part in (("0 working", 0), ("1 check", 1), ("all", None)):
                documents = [d for d in gold if part is None or half(d["id"]) == part]
                print(_line(f"{name} {label}", _score(scorer, documents, predicted, Path(tmp))))
            if name == "plover-gsr-dev":
                print("  per type: required / type found / matched")
                for event_type, (required, typed, matched) in per_type(scorer, gold, predicted).items():
                    print(f"    {event_type:<10} {required:>4} {typed / required:>6.2f} {matched / required:>6.2f}")
            if args.compare and args.out:
                print("\n".join(compare(args.compare, args.out, name, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
