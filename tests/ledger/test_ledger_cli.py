"""`detente relations A B [PATH...] [--db FILE] [--as-of DATE] [--json] [--plot FILE] [--date YYYY-MM-DD]`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from ledger_events import caucasus_events

from detente.cli import relations
from detente.cli.main import cli
from detente.errors import InputError
from detente.ledger import build_ledger


@pytest.fixture
def coded(monkeypatch):
    """Stand in for the coder: the PATHs' events are the hand-built Caucasus story."""
    seen = {}

    def fake(paths, default_date):
        seen.update(paths=paths, default_date=default_date)
        return iter(caucasus_events())

    monkeypatch.setattr(relations, "coded_events", fake)
    return seen


def test_text_output_from_paths(coded):
    result = CliRunner().invoke(cli, ["relations", "Russia", "GEO", "story.txt", "--date", "2012-03-02"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Russia (RUS) - Georgia (GEO): 12 events")
    assert "== diplomatic relations: restoration rejected since 2012-03-02, moved by GEO" in result.output
    assert coded["paths"] == ("story.txt",)
    assert str(coded["default_date"]) == "2012-03-02"


def test_json_output_with_as_of(coded):
    result = CliRunner().invoke(cli, ["relations", "RUS", "GEO", "story.txt", "--json", "--as-of", "2012-03-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["as_of"], data["threads"][0]["state"], data["threads"][1]["state"]) == (
        "2012-03-01",
        "severed",
        "visa regime lifted",
    )


def test_plot_option(coded, tmp_path):
    target = tmp_path / "rus-geo.svg"
    result = CliRunner().invoke(cli, ["relations", "RUS", "GEO", "story.txt", "--plot", str(target)])
    assert result.exit_code == 0, result.output
    assert "restoration rejected" in target.read_text()


@pytest.mark.parametrize(
    ("args", "number"),
    [
        (["relations", "RUS", "GEO", "--db", "missing.duckdb"], "E114"),
        (["relations", "RUS", "Narnia", "story.txt"], "E030"),
        (["relations", "RUS", "Russia", "story.txt"], "E113"),
        (["relations", "RUS", "GEO", "story.txt", "--date", "2 March 2012"], "E005"),
        (["relations", "RUS", "GEO", "story.txt", "--as-of", "2012"], "E005"),
        (["relations", "RUS", "GEO", "story.txt", "--plot", "x.pdf"], "E115"),
    ],
)
def test_errors(coded, tmp_path, monkeypatch, args, number):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_DB", raising=False)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2  # a usage error (docs/cli.md, "Exit codes")
    assert result.stderr.startswith(f"error: [{number}]")


def test_no_paths_and_no_store_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_DB", raising=False)
    with pytest.raises(InputError) as error:
        relations.stored_events(None, "RUS", "GEO")
    assert str(error.value) == (
        "[E114] No events to read for RUS-GEO: give article PATHs, or --db FILE with an "
        "event store (no database file detente.duckdb)"
    )


def test_reads_the_event_store(tmp_path):
    store_module = pytest.importorskip("detente.store")
    if not hasattr(store_module, "open_store") or not hasattr(store_module.Store, "add_events"):
        pytest.skip("the event store cannot take events directly")
    from detente.model import Article

    path = tmp_path / "events.duckdb"
    store = store_module.open_store(str(path))
    store.add_events(Article(id="tbilisi-wire-1", text="(see events)", date="2012-03-02"), caucasus_events())
    store.close()
    result = CliRunner().invoke(cli, ["relations", "GEO", "RUS", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # events_for_pair returns both directions and joint events (both countries acting, no recipient):
    # the ledger read from the store is the ledger built directly
    assert data == json.loads(json.dumps(build_ledger(caucasus_events(), "GEO", "RUS").to_dict()))
    assert data["events"] == 12
