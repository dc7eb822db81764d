"""`detente explain` tells why a text coded as it did: actors, the pattern that fired, the near misses."""

from __future__ import annotations

import json

from click.testing import CliRunner

from detente.cli.main import cli


def test_explain_names_the_pattern_the_actors_and_the_misses(nlp):
    text = "Russia offered to restore diplomatic ties with Georgia. Officials gave a speech."
    result = CliRunner().invoke(cli, ["explain", text, "--date", "2012-03-02", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    first, second = report["sentences"]
    event = first["events"][0]
    assert event["event"] == "AGREE" and event["date"][0] == "2012-03-02"
    assert any("verbs.tsv:" in note and "'offer'" in note for note in event["notes"])
    assert any("folded into" in note for note in event["notes"])
    assert event["actors"][0].startswith("RUS/") and event["recipients"][0].startswith("GEO/")
    assert {m["code"] for m in first["actors"]} == {"RUS", "GEO"}
    # "gave a speech" is no AID: the give patterns want aid-like objects, and explain says so
    assert second["events"] == []
    assert any(m["trigger"] == "gave" for m in second["missed"])
    assert report["records"][0]["event"] == "AGREE"


def test_explain_prints_the_parse_for_people(nlp):
    result = CliRunner().invoke(cli, ["explain", "Iran warned Israel."])
    assert result.exit_code == 0
    assert "EVENT THREATEN on 'warned'" in result.output and "parse:" in result.output
