"""A pair's events limited to a region: `detente relations A B --near PLACE --km N` / `--adm1`, and
build_ledger(region=...), on our own article coded by detente's coder and on hand-made events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ledger_events import caucasus_events

from detente.cli.main import cli
from detente.ledger import Ledger, build_ledger
from detente.model import Location
from detente.places.region import in_adm1, near

ARTICLE = Path(__file__).parent / "articles" / "afrin-shelling.txt"


def _relations(*options: str) -> dict:
    args = ["relations", "TUR", "SYR", str(ARTICLE), "--date", "2018-02-06", "--json", *options]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output[result.output.index("{") :])


@pytest.fixture(scope="module")
def whole() -> dict:
    return _relations()


@pytest.mark.parametrize(
    ("options", "events", "name"),
    [
        ((), 5, None),
        (("--near", "Afrin"), 2, "within 50 km of Afrin (Aleppo, SYR)"),  # Afrin and Azaz, 18 km apart
        (("--near", "Afrin", "--km", "100"), 3, "within 100 km of Afrin (Aleppo, SYR)"),  # and Idlib, 68 km
        (("--adm1", "Aleppo"), 2, "in Aleppo (SY.09)"),
        (("--adm1", "SY.12"), 1, "in Idlib (SY.12)"),
        (("--near", "Moscow", "--km", "30"), 1, "within 30 km of Moscow (Moscow, RUS)"),  # the talks
    ],
)
def test_relations_keeps_the_events_placed_in_the_region(whole, options, events, name) -> None:
    ledger = _relations(*options) if options else whole
    assert ledger["events"] == events
    assert (ledger["region"] or {}).get("name") == name


def test_the_accusation_placed_only_at_its_state_is_in_no_region(whole) -> None:
    # "Syria accused Turkey ..." is placed at Syria's point: in the whole ledger, never near Afrin
    assert whole["by_direction"]["SYR->TUR"] == 1
    assert _relations("--near", "Afrin", "--km", "500")["by_direction"]["SYR->TUR"] == 0


def test_text_output_names_the_region() -> None:
    args = ["relations", "Turkey", "Syria", str(ARTICLE), "--date", "2018-02-06", "--adm1", "Idlib"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Turkey (TUR) - Syria (SYR), in Idlib (SY.12): 1 events")


@pytest.mark.parametrize(
    ("options", "number"),
    [(("--near", "Qwzxville"), "E116"), (("--km", "5"), "E117"), (("--near", "Afrin", "--adm1", "SY.09"), "E117")],
)
def test_bad_region_is_one_line_before_coding(options, number) -> None:
    result = CliRunner().invoke(cli, ["relations", "TUR", "SYR", "no-such-file.txt", *options])
    assert result.exit_code != 0
    assert number in result.output and "no-such-file" not in result.output


def test_build_ledger_and_ledger_add_agree_on_a_region() -> None:
    """The Python API the command calls: the same region in build_ledger and the incremental Ledger."""
    events = caucasus_events()
    tbilisi = Location(name="Tbilisi", country="GEO", adm1_code="GE.51", lat=41.6941, lon=44.8337, precision="city")
    placed = [e.model_copy(update={"place": tbilisi}) if i % 2 else e for i, e in enumerate(events)]
    region = near("Tbilisi", 20)
    built = build_ledger(placed, "RUS", "GEO", region=region)
    live = Ledger("RUS", "GEO", region=region)
    live.add_all(reversed(placed))
    assert built.to_dict() == live.to_dict()
    assert built.to_dict()["events"] == sum(1 for i, e in enumerate(events) if i % 2)
    assert build_ledger(placed, "RUS", "GEO", region=in_adm1("GE.51")).to_dict()["events"] == built.to_dict()["events"]
    assert build_ledger(placed, "RUS", "GEO", region=near("Moscow", 50)).to_dict()["events"] == 0
