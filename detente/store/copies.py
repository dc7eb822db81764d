"""Copies of one story in the store: each article's MinHash signature and band hashes are kept, so an article
being stored is compared with every stored one (and with those stored with it), and a copy joins the story of
the article it is most similar to (detente.articles.copies; docs/store.md, "Copies of one story").

A story's id is the id of its first stored article (table article_stories: one row per article of a story of two
or more); an article without copies is in none, so event_reports counts it by its own source as before.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import duckdb
import numpy as np
import pyarrow as pa

from detente.articles.copies import Copy, CopyIndex, band_hashes, best_match, signature

log = logging.getLogger(__name__)


def forget_copies(cur: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """After the articles `ids` were deleted: drop their signatures, bands, links and story places, and mend the
    stories they were in (a story left with one article is none; one named after a deleted article takes the id
    of its first article left)."""
    ids = list(ids)
    for table in ("article_minhash", "article_bands"):
        cur.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
    cur.execute(
        "DELETE FROM article_copies WHERE article_id IN (SELECT unnest(?)) OR copy_of IN (SELECT unnest(?))",
        [ids, ids],
    )
    stories = [s for (s,) in cur.execute(
        "SELECT DISTINCT story_id FROM article_stories WHERE article_id IN (SELECT unnest(?))", [ids]
    ).fetchall()]
    if not stories:
        return
    cur.execute("DELETE FROM article_stories WHERE article_id IN (SELECT unnest(?))", [ids])
    members = cur.execute(
        "SELECT s.story_id, s.article_id FROM article_stories s JOIN articles a ON a.id = s.article_id"
        " WHERE s.story_id IN (SELECT unnest(?)) ORDER BY s.story_id, a.loaded_at, a.id", [stories]
    ).fetchall()
    by_story: dict[str, list[str]] = {}
    for story, article_id in members:
        by_story.setdefault(story, []).append(article_id)
    # UPDATE is avoided: in one transaction with the articles' DELETE and INSERT it leaves DuckDB (2.0) unable to
    # CHECKPOINT afterwards; rows are deleted and inserted instead.
    cur.execute("DELETE FROM article_stories WHERE story_id IN (SELECT unnest(?))", [stories])
    rows = [(article_id, story if story in found else found[0])
            for story, found in by_story.items() if len(found) > 1 for article_id in found]
    if rows:
        cur.executemany("INSERT INTO article_stories VALUES (?, ?)", rows)


def link_copies(cur: duckdb.DuckDBPyConnection, articles: Sequence[tuple[str, str]]) -> list[Copy]:
    """Store the signatures and band hashes of articles just inserted (id, text), in order, and link each that
    is a copy of a stored article, or of one before it here, to that article's story; the copies found."""
    signed = [(i, sig, band_hashes(sig)) for i, text in articles if (sig := signature(text)) is not None]
    if not signed:
        return []
    stored = _stored_candidates(cur, signed)
    index = CopyIndex()
    copies: list[Copy] = []
    for number, (article_id, sig, bands) in enumerate(signed):
        local = [(index.ids[j], index.signatures[j]) for j in sorted(index.candidates(bands))]
        best = best_match(sig, stored.get(number, []) + local)
        index.remember(article_id, sig, bands)
        if best is not None:
            copies.append(Copy(article_id, best[0], best[1]))
    _store_signatures(cur, signed)
    if copies:
        _store_stories(cur, copies)
    return copies


def _stored_candidates(
    cur: duckdb.DuckDBPyConnection, signed: list[tuple[str, np.ndarray, list[int]]]
) -> dict[int, list[tuple[str, np.ndarray]]]:
    """For each new article (by its number), the stored articles sharing a band with it, with their signatures."""
    numbers = [n for n, (_, _, bands) in enumerate(signed) for _ in bands]
    band_numbers = [b for _, _, bands in signed for b in range(len(bands))]
    hashes = [h for _, _, bands in signed for h in bands]
    cur.register("new_bands", pa.table({"number": numbers, "band": band_numbers, "hash": hashes}))
    try:
        pairs = cur.execute(
            "SELECT DISTINCT n.number, b.article_id FROM new_bands n"
            " JOIN article_bands b ON b.band = n.band AND b.hash = n.hash ORDER BY n.number, b.article_id"
        ).fetchall()
    finally:
        cur.unregister("new_bands")
    if not pairs:
        return {}
    ids = sorted({article_id for _, article_id in pairs})
    rows = cur.execute(
        "SELECT article_id, signature FROM article_minhash WHERE article_id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    signatures = {article_id: np.asarray(values, dtype=np.uint32) for article_id, values in rows}
    found: dict[int, list[tuple[str, np.ndarray]]] = {}
    for number, article_id in pairs:
        if article_id in signatures:
            found.setdefault(number, []).append((article_id, signatures[article_id]))
    return found


def _store_signatures(cur: duckdb.DuckDBPyConnection, signed: list[tuple[str, np.ndarray, list[int]]]) -> None:
    minhash = pa.table({
        "article_id": [i for i, _, _ in signed],
        "signature": pa.array([sig.tolist() for _, sig, _ in signed], type=pa.list_(pa.uint32())),
    })
    bands = pa.table({
        "article_id": [i for i, _, b in signed for _ in b],
        "band": pa.array([n for _, _, b in signed for n in range(len(b))], type=pa.int32()),
        "hash": pa.array([h for _, _, b in signed for h in b], type=pa.int64()),
    })
    for name, table in (("article_minhash", minhash), ("article_bands", bands)):
        cur.register("new_rows", table)
        try:
            cur.execute(f"INSERT INTO {name} SELECT * FROM new_rows")
        finally:
            cur.unregister("new_rows")


def _store_stories(cur: duckdb.DuckDBPyConnection, copies: list[Copy]) -> None:
    """Record each copy's link, and put it in the story of the article it copies (which begins one if it had
    none: that article's id names the story)."""
    cur.executemany("INSERT INTO article_copies VALUES (?, ?, ?)", [(c.article_id, c.copy_of, c.similarity)
                                                                     for c in copies])
    originals = sorted({c.copy_of for c in copies})
    stories = dict(cur.execute(
        "SELECT article_id, story_id FROM article_stories WHERE article_id IN (SELECT unnest(?))", [originals]
    ).fetchall())
    joined: dict[str, str] = {}
    for copy in copies:  # in order: a copy of an earlier copy here finds that one's story already set
        story = joined.get(copy.copy_of) or stories.get(copy.copy_of) or copy.copy_of
        if copy.copy_of not in stories:
            joined.setdefault(copy.copy_of, story)
        joined[copy.article_id] = story
    cur.executemany("INSERT INTO article_stories VALUES (?, ?)", list(joined.items()))
    log.info("%d articles stored as copies of stored stories", len(copies))
