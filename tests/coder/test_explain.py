"""`detente explain` tells why a text coded as it did: actors, the pattern that fired, the near misses."""

from __future__ import annotations

import json

from click.testing import CliRunner

from detente.cli.main import cli


def test_explain_names_the_pattern_the_actors_and_the_misses(nlp):
    text = "Russia offered to resume diplomatic relations with Georgia. Officials gave a speech."
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


def test_explain_names_the_constructions_that_fired_and_declined(nlp):
    result = CliRunner().invoke(cli, ["explain", "Protesters attacked the Danish embassy in Beirut.", "--json"])
    assert result.exit_code == 0, result.output
    event = json.loads(result.output)["sentences"][0]["events"][0]
    assert (event["event"], event["mode"]) == ("PROTEST", "riot")
    fired = {step["rule"]: step["reason"] for step in event["constructions"] if step["fired"]}
    declined = {step["rule"] for step in event["constructions"] if not step["fired"]}
    assert "rewrites.tsv:" in fired["rewrites:actors"] and fired["subject"] == "subject 'Protesters'"
    assert {"passive", "to-clause", "condition"} <= declined
    # a declined construction says what it would have done: its documented summary
    passive = next(step for step in event["constructions"] if step["rule"] == "passive")
    assert "by-agent" in passive["reason"]


def test_explain_traces_the_construction_that_stopped_a_trigger(nlp):
    text = "If Serbia recognizes Kosovo, the EU would open accession talks."
    report = json.loads(CliRunner().invoke(cli, ["explain", text, "--json"]).output)
    missed = next(m for m in report["sentences"][0]["missed"] if m["trigger"] == "recognizes")
    assert missed["constructions"][-1] == {
        "rule": "condition",
        "fired": True,
        "reason": "inside a condition",
    }
