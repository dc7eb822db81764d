"""Copies of one story: the same article read twice in a run, and near-duplicates (a wire story republished by
other outlets) found with MinHash (datasketch) over word shingles.

An article's cleaned text (detente.articles.clean) is cut into shingles, runs of SHINGLE_WORDS words in lower
case without punctuation. Its MinHash signature of NUM_PERM values estimates the Jaccard similarity of two
shingle sets (the share of equal values). LSH cuts the signature into BANDS bands of ROWS values: two articles
that share a band are candidates, and a candidate whose estimated similarity is at least COPY_SIMILARITY is a
copy. The store keeps each article's signature and band hashes (docs/store.md), so the parameters are part of
the store's schema: changing them needs a store migration that computes the signatures again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from detente.articles.clean import clean_text

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS, ROWS = 32, 4  # candidates from a similarity of about 0.42 ((1/BANDS) ** (1/ROWS)); 87% found at 0.5
COPY_SIMILARITY = 0.5
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch 2's 32-bit values: a signature is NUM_PERM unsigned 32-bit integers

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text in lower case, without punctuation: what shingles and 'the same text' compare."""
    return _WORD.findall(text.lower())


def shingles(text: str) -> set[str]:
    """The word shingles of an article's cleaned text; none for a text shorter than one shingle, too short to
    tell a copy from two outlets saying the same few words."""
    found = words(clean_text(text))
    return {" ".join(found[i : i + SHINGLE_WORDS]) for i in range(len(found) - SHINGLE_WORDS + 1)}


def text_key(text: str) -> bytes:
    """A key equal for two texts with the same words in the same order (case, spacing, punctuation aside)."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8", errors="surrogatepass")).digest()


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text's shingles (NUM_PERM uint32 values), or None for a text without any."""
    from datasketch import MinHash  # imports scipy: only when copies are looked for

    found = shingles(text)
    if not found:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8", errors="surrogatepass") for s in sorted(found)])
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def band_hashes(sig: np.ndarray) -> list[int]:
    """The LSH key of each band of a signature: a signed 64-bit hash of its ROWS values (DuckDB BIGINT)."""
    values = sig.astype("<u4")
    return [
        int.from_bytes(hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest(),
                       "little", signed=True)
        for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity two signatures estimate: the share of their values that are equal."""
    return round(float(np.mean(a == b)), 4)


@dataclass(frozen=True)
class Copy:
    """An article found to be a copy of one read or stored before it."""

    article_id: str
    copy_of: str
    similarity: float

    def __str__(self) -> str:
        return f"{self.article_id}: a copy of {self.copy_of} (similarity {self.similarity:.2f})"


class CopyIndex:
    """The signatures of the articles of one run, banded: each new article is compared with those before it.

    Memory is about 3 KB an article (its signature and its band keys)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.signatures: list[np.ndarray] = []
        self.bands: list[dict[int, int]] = [{} for _ in range(BANDS)]  # band hash -> first article with it

    def candidates(self, bands: list[int]) -> set[int]:
        """The indexes of the articles already added that share a band with these band hashes."""
        return {found for band, key in enumerate(bands) if (found := self.bands[band].get(key)) is not None}

    def add(self, article_id: str, sig: np.ndarray | None, bands: list[int] | None = None) -> Copy | None:
        """Remember an article's signature; the most similar article before it, when it is a copy of one."""
        if sig is None:
            return None
        bands = bands if bands is not None else band_hashes(sig)
        best = best_match(sig, [(self.ids[i], self.signatures[i]) for i in sorted(self.candidates(bands))])
        self.remember(article_id, sig, bands)
        return None if best is None else Copy(article_id, best[0], best[1])

    def remember(self, article_id: str, sig: np.ndarray, bands: list[int]) -> None:
        """Add an article's signature and band hashes without comparing it."""
        index = len(self.ids)
        self.ids.append(article_id)
        self.signatures.append(sig)
        for band, key in enumerate(bands):
            self.bands[band].setdefault(key, index)

    def add_text(self, article_id: str, text: str) -> Copy | None:
        """add() with the signature of a text."""
        return self.add(article_id, signature(text))


def best_match(sig: np.ndarray, candidates: list[tuple[str, np.ndarray]]) -> tuple[str, float] | None:
    """The candidate (id, similarity) most similar to a signature, at least COPY_SIMILARITY; the first on a tie."""
    best: tuple[str, float] | None = None
    for other_id, other in candidates:
        score = similarity(sig, other)
        if score >= COPY_SIMILARITY and (best is None or score > best[1]):
            best = (other_id, score)
    return best
