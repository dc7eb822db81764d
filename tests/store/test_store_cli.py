"""The store commands: detente load, query and sql (documented in docs/store.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from eventkit import keyword_coder

import detente
from detente.cli.main import cli
from detente.store import GDELT_COLUMNS

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    # The keyword coder keeps these tests about the commands, not the model.
    monkeypatch.setattr(detente, "code_articles", keyword_coder)
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(
        '{"id": "a1", "text": "Russia agreed with Georgia. France met Germany.", "date": "2012-03-02"}\n'
        "{not json}\n"
        '{"id": "a2", "text": "Georgia accused Russia of spying."}\n'
        '{"id": "a3", "text": ""}\n',
        encoding="utf-8",
    )
    path = str(tmp_path / "cli.duckdb")
    # One worker codes in this process, on its cached pipeline: the default, a worker process per core,
    # loads the model in each for every test (about 2 s a test), and these tests are about the commands.
    result = CliRunner().invoke(cli, ["load", str(inputs), "--db", path, "--date", "2013-01-01", "--workers", "1"])
    assert result.exit_code == 1, result.output  # two rejected inputs
    return path


def test_load_prints_rejects_and_counts(db, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "in.jsonl"), "--db", db, "--date", "2013-01-01"])
    lines = result.output.strip().splitlines()
    assert [line.split(":")[0:2] for line in lines[:2]] == [
        [f"rejected {tmp_path / 'in.jsonl'}", "2"],
        [f"rejected {tmp_path / 'in.jsonl'}", "4"],
    ]
    assert lines[-1] == "read 2, coded 0, unchanged 2, replaced 0, rejected 2, events stored 0"
    # Without --date the undated article is a changed article: recoded, its events replaced.
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "in.jsonl"), "--db", db])
    assert result.output.strip().splitlines()[-1] == (
        "read 2, coded 1, unchanged 1, replaced 1, rejected 2, events stored 1"
    )


def test_load_first_run_counts(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(detente, "code_articles", keyword_coder)
    path = tmp_path / "one.txt"
    path.write_text("Russia attacked Georgia.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 0
    assert result.stdout.strip() == "read 1, coded 1, unchanged 0, replaced 0, rejected 0, events stored 1"
    # issue 19: an article without a publication date is named in one warning line with the count
    assert result.stderr.strip().splitlines() == [
        f"warning: 1 article without a publication date ({tmp_path.name}/one); their events are dated only by their "
        'own text: give --date, or a "date" in each JSONL line'
    ]


def test_load_bad_date_is_E005(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["load", str(ARTICLES), "--db", str(tmp_path / "x.duckdb"), "--date", "May"])
    assert result.exit_code != 0
    assert "E005" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--actor", "RUS"], [("a1", "AGREE")]),
        (["--recipient", "RUS"], [("a2", "ACCUSE")]),
        (["--type", "consult"], [("a1", "CONSULT")]),
        (["--since", "2013"], [("a2", "ACCUSE")]),
        (["--until", "2012-03"], [("a1", "AGREE"), ("a1", "CONSULT")]),
        (["--pair", "geo,RUS"], [("a1", "AGREE"), ("a2", "ACCUSE")]),
        (["--doc-id", "a2"], [("a2", "ACCUSE")]),
    ],
)
def test_query_jsonl_filters(db, args, expected) -> None:
    result = CliRunner().invoke(cli, ["query", "--db", db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert [(e["doc_id"], e["event"]) for e in events] == expected


@pytest.mark.parametrize(
    ("args", "code"), [(["--type", "HUG"], "E146"), (["--actor", "R"], "E142"), (["--pair", "RUS"], "E146")]
)
def test_query_filters_are_checked_as_the_api_checks_them(tmp_path, args, code) -> None:
    # Checked before the store is opened: no store is needed to refuse them.
    result = CliRunner().invoke(cli, ["query", "--db", str(tmp_path / "none.duckdb"), *args])
    assert result.exit_code != 0
    assert f"[{code}]" in result.stderr


def test_query_table(db) -> None:
    result = CliRunner().invoke(cli, ["query", "--db", db])
    lines = result.output.splitlines()
    assert lines[0].split() == ["date", "event", "mode", "actor", "recipient", "intensity", "trigger", "doc_id"]
    assert lines[1].split() == ["2012-03-02", "AGREE", "RUS", "GEO", "2.5", "agreed", "a1"]
    assert lines[-1] == "(3 rows)"


def test_query_csv_and_gdelt_and_parquet_outputs(db, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["query", "--db", db, "--format", "csv"])
    assert [r["event"] for r in csv.DictReader(io.StringIO(result.output))] == ["AGREE", "CONSULT", "ACCUSE"]
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(cli, ["query", "--db", db, "--format", "gdelt", "--output", str(out)])
    assert result.exit_code == 0
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.read_text().splitlines()]
    assert [r["QuadClass"] for r in rows] == ["1", "1", "3"]  # AGREE, CONSULT, ACCUSE
    result = CliRunner().invoke(cli, ["query", "--db", db, "--format", "parquet", "--output", str(tmp_path / "pq")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["2012", "2013"]


def test_query_parquet_without_output_fails_with_E145(db) -> None:
    result = CliRunner().invoke(cli, ["query", "--db", db, "--format", "parquet"])
    assert result.exit_code != 0
    assert "E145" in result.stderr


def test_query_on_a_missing_store_is_E130(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert "E130" in result.stderr


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("table", "event    n\nACCUSE   1\nAGREE    1\nCONSULT  1\n(3 rows)\n"),
        ("csv", "event,n\nACCUSE,1\nAGREE,1\nCONSULT,1\n"),
        ("jsonl", '{"event": "ACCUSE", "n": 1}\n{"event": "AGREE", "n": 1}\n{"event": "CONSULT", "n": 1}\n'),
    ],
)
def test_sql_formats(db, fmt, expected) -> None:
    query = "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY event"
    result = CliRunner().invoke(cli, ["sql", query, "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_sql_refuses_writes(db) -> None:
    result = CliRunner().invoke(cli, ["sql", "DELETE FROM events", "--db", db])
    assert "E132" in result.stderr
    again = CliRunner().invoke(cli, ["sql", "SELECT count(*) AS n FROM events", "--db", db, "--format", "csv"])
    assert again.output.splitlines() == ["n", "3"]


def test_serve_refuses_writable_without_token(db, monkeypatch) -> None:
    monkeypatch.delenv("DETENTE_API_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", db])
    assert result.exit_code != 0
    assert "E137" in result.stderr


def test_load_reports_articles_the_coder_failed_on(tmp_path, monkeypatch) -> None:
    def failing(articles, **options):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(detente, "code_articles", failing)
    monkeypatch.setattr(detente.coder, "code_articles", failing)  # what the in-process worker calls
    path = tmp_path / "one.txt"
    path.write_text("Russia attacked Georgia.", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    result = CliRunner().invoke(cli, ["load", str(path), "--db", db, "--workers", "1", "--date", "2012-03-02"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"failed {tmp_path.name}/one: CodingFailed: coding failed: RuntimeError: model exploded",
        "read 1, coded 0, unchanged 0, replaced 0, rejected 0, failed 1, events stored 0",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM glob('/root/*')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM 'https://example.com/x.parquet'",
    ],
)
def test_issue18_sql_reads_the_store_and_nothing_else(db, query) -> None:
    result = CliRunner().invoke(cli, ["sql", query, "--db", db])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: [E148] SQL may read the event store only"), lines
    assert CliRunner().invoke(cli, ["sql", "SELECT count(*) AS n FROM events", "--db", db]).exit_code == 0


def test_issue18_every_store_connection_is_sandboxed(db) -> None:
    from detente.store import open_store

    for read_only in (True, False):
        with open_store(db, read_only=read_only) as store, store.cursor() as cur:
            settings = dict(cur.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', "
                "'autoinstall_known_extensions', 'autoload_known_extensions')"
            ).fetchall())
            assert settings == dict.fromkeys(
                ("enable_external_access", "autoinstall_known_extensions", "autoload_known_extensions"), "false"
            )
