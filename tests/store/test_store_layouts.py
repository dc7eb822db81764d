"""Layouts other tools load: GDELT 2.0 Mentions (16 columns), POLECAT-style, and the one formats registry."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from eventkit import gdelt_notes, make_event

from detente.formats import FORMATS, EventWriter
from detente.layouts import GDELT_COLUMNS, GDELT_MENTIONS_COLUMNS, LAYOUTS, POLECAT_COLUMNS, event_key
from detente.model import Article, Entity, Location, Mention
from detente.store import EXPORT_FORMATS, export_events

# GDELT 2.0 Mentions codebook, in order (a copy, so the test runs without ../shared).
GDELT_2_MENTION_COLUMNS = (
    "GlobalEventID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID"
    " Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone"
    " MentionDocTranslationInfo Extras"
).split()

TEXT = "Kenya signed a pact with Uganda in Kampala. Later, officials said Kenya signed the pact gladly."
KAMPALA = Location(
    name="Kampala", country="UGA", adm1="Central Region", adm1_code="UG.C", lat=0.31628, lon=32.58219,
    geonames_id=232422, precision="city", why="trigger: 'Kampala'",
)


@pytest.fixture
def pact(store):
    event = make_event(
        "k1",
        "AGREE",
        "KEN",
        [Entity(text="Uganda", code="UGA", sector="GOV", start=25, end=31)],
        "2019-06-11",
        url="https://www.example.org/pact",
        context=["diplomatic"],
        sentence_index=0,
        trigger_start=6,
        trigger_end=12,
        mentions=[
            Mention(sentence_index=0, trigger_start=6, trigger_end=12),
            Mention(sentence_index=1, trigger_start=72, trigger_end=78),
        ],
        place=KAMPALA,
        cameo_code="057",
        cameo_root="05",
    )
    store.add_events(Article(id="k1", text=TEXT, url="https://www.example.org/pact", date=date(2019, 6, 12)), [event])
    return store


def _rows(text: str, names: tuple[str, ...]) -> list[dict[str, str]]:
    return [dict(zip(names, line.split("\t"), strict=True)) for line in text.splitlines()]


def test_mentions_columns_are_gdelt_2_mentions_columns_in_order() -> None:
    assert list(GDELT_MENTIONS_COLUMNS) == GDELT_2_MENTION_COLUMNS
    assert len(GDELT_MENTIONS_COLUMNS) == 16


def test_mentions_columns_match_the_shared_format_notes() -> None:
    text = gdelt_notes(1)
    rows = re.findall(r"^\| (\d+) \| (\w+)", text, flags=re.M)
    assert [name for _, name in rows] == list(GDELT_MENTIONS_COLUMNS)
    assert [int(n) for n, _ in rows] == list(range(1, 17))


def test_mentions_export_one_row_per_mention(pact) -> None:
    out = io.StringIO()
    assert export_events(pact, "gdelt-mentions", out) == 2
    lead, recap = _rows(out.getvalue(), GDELT_MENTIONS_COLUMNS)
    events = _rows(_export(pact, "gdelt"), GDELT_COLUMNS)
    assert lead["GlobalEventID"] == recap["GlobalEventID"] == events[0]["GlobalEventID"]
    assert (lead["SentenceID"], lead["ActionCharOffset"], lead["Actor1CharOffset"], lead["Actor2CharOffset"]) == (
        "1", "6", "0", "25",
    )
    # the recap is in another sentence: GDELT's -1 for actors not located there
    assert (recap["SentenceID"], recap["ActionCharOffset"], recap["Actor1CharOffset"]) == ("2", "72", "-1")
    assert (lead["MentionType"], lead["MentionSourceName"], lead["MentionIdentifier"]) == (
        "1", "example.org", "https://www.example.org/pact",
    )
    assert (lead["InRawText"], lead["Confidence"], lead["Extras"]) == ("1", "100", "")
    assert lead["MentionDocLen"] == str(len(TEXT))
    assert re.fullmatch(r"\d{14}", lead["EventTimeDate"]) and lead["MentionTimeDate"] == lead["EventTimeDate"]
    assert events[0]["NumMentions"] == "2"  # the event's two mentions, as the mentions rows


def _export(store, fmt: str) -> str:
    out = io.StringIO()
    export_events(store, fmt, out)
    return out.getvalue()


def test_gdelt_events_and_mentions_round_trip_through_pandas(pact) -> None:
    pd = pytest.importorskip("pandas")
    codes = {"EventCode": str, "EventBaseCode": str, "EventRootCode": str}
    events = pd.read_csv(
        io.StringIO(_export(pact, "gdelt")), sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=codes
    )
    mentions = pd.read_csv(
        io.StringIO(_export(pact, "gdelt-mentions")), sep="\t", header=None, names=list(GDELT_MENTIONS_COLUMNS)
    )
    assert events.shape == (1, 61) and mentions.shape == (2, 16)
    joined = mentions.merge(events, on="GlobalEventID")
    assert joined["SentenceID"].tolist() == [1, 2]
    assert joined["EventCode"].tolist() == ["057", "057"]
    assert joined["ActionGeo_FeatureID"].tolist() == [232422, 232422]
    assert mentions["ActionCharOffset"].dtype.kind == "i" and mentions["MentionDocLen"].tolist() == [len(TEXT)] * 2


def test_polecat_one_row_per_event_with_header(pact) -> None:
    lines = _export(pact, "polecat").splitlines()
    assert lines[0].split("\t") == list(POLECAT_COLUMNS)
    (row,) = _rows("\n".join(lines[1:]), POLECAT_COLUMNS)
    assert (row["event_type"], row["event_mode"], row["contexts"], row["event_intensity"], row["quad_code"]) == (
        "AGREE", "", "diplomatic", "2.5", "verbal_cooperation",
    )
    assert (row["actor_name"], row["actor_country"], row["actor_sectors"]) == ("KEN", "KEN", "GOV")
    assert (row["recipient_name"], row["recipient_country"], row["recipient_sectors"]) == ("Uganda", "UGA", "GOV")
    assert (row["placename"], row["country"], row["province"], row["province_code"], row["geonames_id"]) == (
        "Kampala", "UGA", "Central Region", "UG.C", "232422",
    )
    assert (float(row["latitude"]), float(row["longitude"]), row["place_precision"]) == (0.31628, 32.58219, "city")
    assert (row["source"], row["publication_date"], row["event_date"]) == ("example.org", "2019-06-12", "2019-06-11")


def test_polecat_round_trips_through_pandas(pact) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(_export(pact, "polecat")), sep="\t")
    assert list(frame.columns) == list(POLECAT_COLUMNS)
    assert frame.loc[0, "geonames_id"] == 232422 and frame.loc[0, "event_type"] == "AGREE"


def test_every_polecat_and_mentions_column_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text(encoding="utf-8")
    for name in POLECAT_COLUMNS:
        assert f"\n| {name} | " in doc, name
    for n, name in enumerate(GDELT_MENTIONS_COLUMNS, 1):
        assert f"\n| {n} | {name} | " in doc, name


def test_one_registry_offers_every_layout_everywhere() -> None:
    from detente.api.app import API_FORMATS

    for name in LAYOUTS:
        assert name in FORMATS and name in EXPORT_FORMATS and name in API_FORMATS


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_code_writes_each_layout_as_the_store_does_without_store_columns(pact, name) -> None:
    """`detente code` writes the same layout from the event alone: same columns, its own key, no load time."""
    (event,) = pact.query()
    out = io.StringIO()
    EventWriter(out, name).write_all([event])
    layout = LAYOUTS[name]
    coded, stored = out.getvalue().splitlines(), _export(pact, name).splitlines()
    assert len(coded) == len(stored)
    body = coded[1:] if layout.header else coded
    rows = _rows("\n".join(body), layout.columns)
    first = rows[0]
    if "GlobalEventID" in first:
        assert first["GlobalEventID"] == str(event_key(event.event_id))
    if name == "gdelt":
        assert (first["ActionGeo_FullName"], first["NumArticles"], first["DATEADDED"]) == (
            "Kampala, Central Region, UGA", "1", "",
        )
    if name == "polecat":
        assert (first["placename"], first["publication_date"]) == ("Kampala", "")


def test_event_key_fits_a_signed_64_bit_integer() -> None:
    assert 0 <= event_key("ffffffffffffffff") < 2**63
    assert event_key("a") != event_key("b")
