"""Issue 16: copies of one story. A wire story republished by another outlet (its own dateline, credit line and
footer, a word changed) is found as a copy with MinHash; another outlet's own report of the same news is not;
`detente code` names each copy and counts them, and still codes every article."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.articles import copies
from detente.articles.copies import COPY_SIMILARITY, Copy, CopyIndex, band_hashes, shingles, signature, similarity
from detente.cli.main import cli

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/wire_story.py

from wire_story import COPY, OWN_REPORT, WIRE  # noqa: E402


def test_a_republished_wire_story_is_a_copy_and_another_outlets_report_is_not():
    wire, copy, own = signature(WIRE), signature(COPY), signature(OWN_REPORT)
    assert similarity(wire, copy) >= 0.7
    assert similarity(wire, own) < 0.1
    index = CopyIndex()
    assert index.add("wire", wire) is None
    assert index.add("own", own) is None
    found = index.add("copy", copy)
    assert (found.article_id, found.copy_of) == ("copy", "wire") and found.similarity >= 0.7
    assert str(found).startswith("copy: a copy of wire (similarity 0.")


def test_signatures_are_the_same_in_every_run():
    # The store keeps signatures and band hashes: they must not depend on the process (hash seeds) or the order.
    first = signature(WIRE)
    assert first.dtype == np.uint32 and first.shape == (copies.NUM_PERM,)
    assert np.array_equal(first, signature(WIRE))
    assert band_hashes(first) == band_hashes(signature(WIRE)) and len(band_hashes(first)) == copies.BANDS
    assert int(first[0]) == 74219577 and band_hashes(first)[0] == -5700718386615983746


def test_the_cleaned_text_is_shingled_and_a_few_words_are_none():
    assert "reporting by the steppe daily" not in shingles(COPY)  # the credit line is boilerplate
    assert shingles("Chile met Peru.") == set() and signature("Chile met Peru.") is None
    assert CopyIndex().add_text("short", "Chile met Peru.") is None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(WIRE.split()), min_size=6, max_size=60))
def test_a_text_is_a_copy_of_itself_and_similarity_is_symmetric(words):
    text = " ".join(words)
    sig = signature(text)
    assert similarity(sig, sig) == 1.0
    other = signature(WIRE)
    assert similarity(sig, other) == similarity(other, sig)
    index = CopyIndex()
    index.add("one", sig)
    assert index.add("two", sig) == Copy("two", "one", 1.0)


@pytest.mark.parametrize("threshold", [COPY_SIMILARITY])
def test_only_a_similarity_of_at_least_the_threshold_is_a_copy(threshold):
    sig = signature(WIRE)
    half = sig.copy()
    cut = int(len(sig) * threshold)
    half[cut:] = half[cut:] + 1  # equal in the first half only: similarity exactly the threshold
    assert similarity(sig, half) == threshold
    assert copies.best_match(sig, [("half", half)]) == ("half", threshold)
    half[cut - 1] += 1
    assert copies.best_match(sig, [("half", half)]) is None


def test_code_names_each_copy_counts_it_and_codes_every_article(tmp_path):
    lines = [
        {"id": "wire-1", "text": WIRE, "url": "https://wire.example/1", "date": "2024-09-12"},
        {"id": "daily-7", "text": COPY, "url": "https://steppe.example/7", "date": "2024-09-12"},
        {"id": "other-3", "text": OWN_REPORT, "url": "https://other.example/3", "date": "2024-09-12"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", "--workers", "1", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    coded = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert {"wire-1", "daily-7"} <= coded  # a copy is still coded: its events are its outlet's report
    err = result.stderr.splitlines()
    assert [line for line in err if line.startswith("copy: ")] == [
        f"copy: daily-7: a copy of wire-1 (similarity {similarity(signature(COPY), signature(WIRE)):.2f})"
    ]
    assert err[-1].startswith("read 3, coded 3, rejected 0, ") and err[-1].endswith(", copies 1")
