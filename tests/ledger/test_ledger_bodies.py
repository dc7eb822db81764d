"""Intergovernmental bodies with a code of their own as a side of the ledger: `detente relations EU CHN`
(docs/ledger.md, docs/actors.md "Codes of intergovernmental bodies")."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.actors.classes import code_kind
from detente.cli.main import cli
from detente.ledger import country_code, country_name

# Written for this test: the EU and China, and NATO and Russia, in a few plain sentences.
ARTICLE = (
    "The European Union imposed sanctions on China over the crackdown.\n\n"
    "China imposed sanctions on the EU in retaliation.\n\n"
    "NATO accused Russia of violating the treaty.\n"
)


@pytest.mark.parametrize(
    ("name", "code", "title"),
    [
        ("EU", "IGOEUREEC", "European Union"),
        ("European Union", "IGOEUREEC", "European Union"),
        ("igoeureec", "IGOEUREEC", "European Union"),
        ("European Commission", "IGOEUREEC", "European Union"),
        ("NATO", "IGOWSTNAT", "NATO"),
        ("African Union", "IGOAFRAFU", "African Union"),
        ("ECOWAS", "IGOWAFWAS", "ECOWAS"),
        ("Arab League", "IGOMEAARL", "Arab League"),
        ("ASEAN", "IGOSEAASN", "ASEAN"),
        ("OPEC", "IGOOPC", "OPEC"),
        ("UN", "IGOUNO", "United Nations"),
        ("WFP", "IGOUNOWFP", "World Food Programme"),
        ("UNHCR", "IGOUNOHCR", "UNHCR"),
        ("UNICEF", "IGOUNOKID", "UNICEF"),
        ("WHO", "IGOUNOWHO", "World Health Organization"),
        ("IAEA", "IGOUNOIAE", "International Atomic Energy Agency"),
    ],
)
def test_bodies_resolve_to_their_own_code(name: str, code: str, title: str) -> None:
    assert country_code(name) == code
    assert country_name(code) == title
    assert code_kind(code) == "IGO"  # the scorer and PLOVER's country-name field read these three letters


def test_relations_eu_china_on_written_sentences(tmp_path) -> None:
    story = tmp_path / "eu-china.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["relations", "EU", "CHN", str(story), "--date", "2021-03-22", "--json"])
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.output)
    assert ledger["pair"] == ["IGOEUREEC", "CHN"]
    assert ledger["names"] == {"IGOEUREEC": "European Union", "CHN": "China"}
    assert ledger["by_direction"]["IGOEUREEC->CHN"] == 1
    assert ledger["by_direction"]["CHN->IGOEUREEC"] == 1
    trade = next(t for t in ledger["threads"] if t["thread"] == "trade")
    assert trade["state"] == "sanctions imposed"


def test_relations_text_names_the_body(tmp_path) -> None:
    story = tmp_path / "nato-russia.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["relations", "NATO", "Russia", str(story), "--date", "2021-03-22"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("NATO (IGOWSTNAT) - Russia (RUS): 1 events (IGOWSTNAT->RUS 1")
