"""The coder's behaviour, frozen: code a comparison corpus and write (or check) its output.

    python scripts/snapshot.py            # write tests/snapshot/ anew (make snapshot)
    python scripts/snapshot.py --check    # exit 1 and list the documents whose output changed
    python scripts/snapshot.py --diff DIR # also write old and new output of changed documents to DIR,
                                          # and DIR/changes.txt: each changed event, in brief

The corpus holds the repository's own texts: the gold sets (short documents and whole articles), the
example articles, the ledger and store test articles, and every lexicon row's example sentence. Their
JSONL output is kept whole (tests/snapshot/events.jsonl). The dev sets and the seed article in ../shared
(or $DETENTE_SHARED) are copyrighted and must not enter the repository, so only a digest of each
document's output is kept for them (tests/snapshot/dev-digests.tsv): enough to tell that nothing
changed, and which document did. A refactoring keeps both byte-identical; a change of behaviour
regenerates them in the same commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshot"
CORPUS = SNAPSHOT / "corpus.jsonl"
EVENTS = SNAPSHOT / "events.jsonl"
DEV_DIGESTS = SNAPSHOT / "dev-digests.tsv"
LEXICON_FILES = ("verbs.tsv", "nouns.tsv", "modes.tsv")
GOLD_FILES = ("tests/gold/detente-gold.jsonl", "tests/gold/detente-articles.jsonl")
ARTICLE_DIRS = ("examples", "tests/ledger/articles", "tests/store/articles")
DEV_FILES = ("eval/data/plover-gsr-dev.jsonl", "eval/data/guardian-full-dev.jsonl")
SEED = "seed/naharnet-32039.txt"
SEED_DATE = "2012-03-02"
EXAMPLE_DATE = "2012-03-02"


def shared_dir() -> Path | None:
    """The shared folder beside the repository (or $DETENTE_SHARED), when this machine has it."""
    path = Path(os.environ.get("DETENTE_SHARED") or ROOT.parent / "shared")
    return path if path.is_dir() else None


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _article(doc_id: str, text: str, date: str | None) -> dict:
    return {"id": doc_id, "text": text, "date": date}


def repository_corpus() -> list[dict]:
    """The repository's own texts, in a fixed order, one article a line."""
    corpus = [_article(f"gold:{d['id']}", d["text"], d.get("date")) for name in GOLD_FILES for d in _jsonl(ROOT / name)]
    for folder in ARTICLE_DIRS:
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix == ".jsonl":
                corpus += [_article(f"{folder}/{path.name}:{d['id']}", d["text"], d.get("date")) for d in _jsonl(path)]
            elif path.suffix == ".txt":
                corpus.append(_article(f"{folder}/{path.name}", path.read_text(encoding="utf-8"), EXAMPLE_DATE))
    corpus += _lexicon_examples()
    return corpus


def _lexicon_examples() -> list[dict]:
    from detente.tables import read_tsv

    data = ROOT / "detente" / "events" / "data"
    found = []
    for name in LEXICON_FILES:
        for line, row in read_tsv(data / name, ("example",)):
            if row["example"]:
                found.append(_article(f"{name}:{line}", row["example"], EXAMPLE_DATE))
    return found


def dev_corpus(shared: Path) -> list[dict]:
    """The dev sets and the seed article, for digests only."""
    corpus = []
    for name in DEV_FILES:
        corpus += [_article(f"{name}:{d['id']}", d["text"], d.get("date")) for d in _jsonl(shared / name)]
    corpus.append(_article(SEED, (shared / SEED).read_text(encoding="utf-8"), SEED_DATE))
    return corpus


def code_lines(corpus: Iterable[dict]) -> dict[str, list[str]]:
    """Each document's events as the JSONL lines `detente code --format jsonl` writes."""
    from detente import code_articles

    corpus = list(corpus)
    lines: dict[str, list[str]] = {d["id"]: [] for d in corpus}
    for event in code_articles(corpus):
        lines[event.doc_id].append(json.dumps(event.model_dump(mode="json"), ensure_ascii=False))
    return lines


def digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def read_events(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            found[json.loads(line)["doc_id"]].append(line)
    return found


def read_digests(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
    return {doc_id: value for doc_id, value in rows}


def write(shared: Path | None) -> None:
    corpus = repository_corpus()
    SNAPSHOT.mkdir(parents=True, exist_ok=True)
    with CORPUS.open("w", encoding="utf-8") as stream:
        stream.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in corpus)
    lines = code_lines(corpus)
    with EVENTS.open("w", encoding="utf-8") as stream:
        stream.writelines(line + "\n" for d in corpus for line in lines[d["id"]])
    print(f"{EVENTS.relative_to(ROOT)}: {sum(map(len, lines.values()))} events from {len(corpus)} documents")
    if shared is None:
        print("no ../shared here: dev digests left as they were")
        return
    dev = code_lines(dev_corpus(shared))
    with DEV_DIGESTS.open("w", encoding="utf-8") as stream:
        stream.write("# document\tsha256 of its JSONL events (first 16 hex digits); written by scripts/snapshot.py\n")
        stream.writelines(f"{doc_id}\t{digest(lines)}\n" for doc_id, lines in dev.items())
    print(f"{DEV_DIGESTS.relative_to(ROOT)}: {len(dev)} documents")


def changed_repository_documents() -> tuple[list[str], dict[str, list[str]], dict[str, list[str]]]:
    """Documents of the committed corpus whose output differs from the committed events, with both outputs."""
    corpus = _jsonl(CORPUS)
    old = read_events(EVENTS)
    new = code_lines(corpus)
    changed = [d["id"] for d in corpus if old.get(d["id"], []) != new[d["id"]]]
    return changed, old, new


def changed_dev_documents(shared: Path) -> tuple[list[str], dict[str, list[str]]]:
    old = read_digests(DEV_DIGESTS)
    new = code_lines(dev_corpus(shared))
    return [doc_id for doc_id, lines in new.items() if old.get(doc_id) != digest(lines)], new


def check(shared: Path | None, diff_dir: Path | None) -> int:
    changed, old, new = changed_repository_documents()
    stale = [d["id"] for d in repository_corpus()] != [d["id"] for d in _jsonl(CORPUS)]
    if stale:
        print("the committed corpus differs from the repository's texts: run `make snapshot`")
    for doc_id in changed:
        print(f"changed: {doc_id}")
    dev_changed: list[str] = []
    if shared is not None:
        dev_changed, dev_new = changed_dev_documents(shared)
        for doc_id in dev_changed:
            print(f"changed (dev digest): {doc_id}")
    if diff_dir is not None and (changed or dev_changed):
        diff_dir.mkdir(parents=True, exist_ok=True)
        with (diff_dir / "old.jsonl").open("w", encoding="utf-8") as stream:
            stream.writelines(line + "\n" for doc_id in changed for line in old.get(doc_id, []))
        with (diff_dir / "new.jsonl").open("w", encoding="utf-8") as stream:
            stream.writelines(line + "\n" for doc_id in changed for line in new[doc_id])
            stream.writelines(line + "\n" for doc_id in dev_changed for line in dev_new[doc_id])
        (diff_dir / "changes.txt").write_text(_changes(changed, old, new), encoding="utf-8")
    print(f"{len(changed)} repository and {len(dev_changed)} dev documents changed")
    return 1 if changed or dev_changed or stale else 0


def _brief(line: str) -> str:
    """An event in one line: actor, type:mode, recipient, date, trigger (not its lexicon row, whose line
    number shifts whenever a row is added above it)."""
    e = json.loads(line)
    actors = ";".join(a["code"] + ("/" + a["sector"] if a["sector"] else "") for a in e["actor"])
    recipients = ";".join(r["code"] + ("/" + r["sector"] if r["sector"] else "") for r in e["recipient"])
    flags = ",".join(f for f in ("negated", "hypothetical", "future", "historical") if e[f])
    kind = e["event"] + (":" + e["mode"] if e["mode"] else "")
    return f"{actors} {kind} {recipients or '-'} {e['date']} {flags} [{e['trigger']}]"


def _changes(changed: list[str], old: dict[str, list[str]], new: dict[str, list[str]]) -> str:
    """The events that differ in more than their lexicon row, document by document."""
    out = []
    for doc_id in changed:
        before, after = [_brief(x) for x in old.get(doc_id, [])], [_brief(x) for x in new[doc_id]]
        lost, gained = [b for b in before if b not in after], [a for a in after if a not in before]
        if lost or gained:
            out += [doc_id, *(f"  - {b}" for b in lost), *(f"  + {a}" for a in gained)]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--diff", type=Path, help="with --check: write the changed documents' output here")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if args.check or args.diff:
        return check(shared, args.diff)
    write(shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
