"""Issue 16: the same article saved as text, a web page, a feed entry, a CSV row and a JSON line codes to the
same events; each kind's fields (title, date, URL, id) come through, and its broken forms are rejected."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import detente
from detente.articles import Columns, Duplicate, Reject, read_articles
from detente.cli.main import cli
from detente.cli.options import parse_date
from detente.errors import InputError

SAME_STORY = Path(__file__).parent / "same-story"
FORMATS = ["article.txt", "article.html", "feed.xml", "export.csv", "article.jsonl"]
URL = "https://wire.example.org/2023/05/10/armenia-turkey-border"
TITLE = "Armenia and Turkey agree to reopen border crossing"
PUBLISHED = dt.date(2023, 5, 10)


def _events(articles, nlp) -> set[tuple]:
    return {
        (e.event, e.mode, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient), e.date, e.trigger,
         e.sentence.strip())
        for e in detente.code_articles(articles, nlp=nlp)
    }


@pytest.fixture(scope="module")
def by_format() -> dict[str, list]:
    return {name: list(read_articles([str(SAME_STORY / name)], default_date=PUBLISHED)) for name in FORMATS}


def test_every_format_codes_to_the_same_events(by_format, nlp):
    events = {name: _events(articles, nlp) for name, articles in by_format.items()}
    reference = events["article.txt"]
    assert {("AGREE", "", ("ARM", "TUR"), (), "2023-05-10", "agreed reopen")} <= {e[:6] for e in reference}
    assert ("ACCUSE", "allege", ("AZE",), ("ARM",)) in {e[:4] for e in reference}
    for name in FORMATS:
        assert events[name] == reference, name


def test_each_format_keeps_its_fields(by_format):
    (text,) = by_format["article.txt"]
    assert (text.id, text.url, text.title) == ("same-story/article", "", "")
    expected_ids = {
        "article.html": URL,  # a page's canonical URL
        "feed.xml": "example-wire-2023-05-10-0042",  # the entry's guid
        "export.csv": "20230510042",  # Media Cloud's stories_id
        "article.jsonl": "example-wire-0042",
    }
    for name, article_id in expected_ids.items():
        (article,) = by_format[name]
        assert (article.id, article.url, article.title, article.date) == (article_id, URL, TITLE, PUBLISHED), name
        assert article.text.strip() == text.text.strip(), name
        assert not article.summary_only


def test_the_pages_sidebar_is_not_coded(by_format, nlp):
    raw = (SAME_STORY / "article.html").read_text(encoding="utf-8")
    as_plain_text = re.sub(r"<[^>]+>", "\n", raw)  # what reading the page as text used to code
    naive = {e[:4] for e in _events([{"id": "naive", "text": as_plain_text, "date": "2023-05-10"}], nlp)}
    assert ("THREATEN", "violence", ("RUS",), ("UKR",)) in naive  # the sidebar would be events...
    coded = {e[:4] for e in _events(by_format["article.html"], nlp)}
    assert not {e for e in coded if e[2] in {("RUS",), ("CHN",)}}  # ...and is not


def test_a_directory_of_every_format_gives_the_article_once_and_names_the_others():
    duplicates: list[Duplicate] = []
    (article,) = read_articles([str(SAME_STORY)], on_duplicate=duplicates.append)
    assert article.id == URL  # article.html, the first file in order
    assert sorted(d.article_id for d in duplicates) == sorted(
        ["20230510042", "example-wire-0042", "example-wire-2023-05-10-0042", "same-story/article"]
    )
    assert {d.same_as for d in duplicates} == {URL}


def test_code_reads_one_text_twice_once_and_reports_it(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Chile accused Peru of spying on its navy.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Chile  accused Peru of spying on its navy!\n", encoding="utf-8")  # same words
    result = CliRunner().invoke(cli, ["code", "--workers", "1", "--format", "jsonl", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {f"{tmp_path.name}/a"}
    lines = result.stderr.splitlines()
    assert f"duplicate: {tmp_path.name}/b: the same article as {tmp_path.name}/a, read before: not coded again" in lines
    assert lines[-1].startswith("read 2, coded 1, rejected 0, ") and lines[-1].endswith(", duplicates 1")


FEED_ENTRY = """<item><title>{title}</title><link>https://wire.example.org/{n}</link>{guid}
<pubDate>Thu, 11 May 2023 08:00:00 +0200</pubDate>{body}</item>"""


def _feed(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>t</title>{''.join(items)}</channel></rss>").encode()


def test_feed_entries_are_articles_and_summary_only_ones_say_so(tmp_path):
    path = tmp_path / "world.rss"
    path.write_bytes(_feed(
        FEED_ENTRY.format(title="Talks", n=1, guid="<guid>g-1</guid>",
                          body="<description>Chile met Peru.</description>"
                               "<content:encoded><![CDATA[<p>Chile met Peru in Lima.</p>]]></content:encoded>"),
        FEED_ENTRY.format(title="Aid", n=2, guid="", body="<description>&lt;b&gt;Japan&lt;/b&gt; sent aid to Fiji."
                                                          "</description>"),
        FEED_ENTRY.format(title="Empty", n=3, guid="", body=""),
    ))
    rejects: list[Reject] = []
    articles = list(read_articles([str(path)], on_reject=rejects.append))
    assert [(a.id, a.text, a.summary_only, a.date) for a in articles] == [
        ("g-1", "Chile met Peru in Lima.", False, dt.date(2023, 5, 11)),
        ("https://wire.example.org/2", "Japan sent aid to Fiji.", True, dt.date(2023, 5, 11)),  # no guid: its link
    ]
    assert [r.reason for r in rejects] == ["feed entry without text or summary"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.rss", b"<?xml version='1.0'?><rss><channel><item><title>cut", "feed entry without text or summary "
         "(the feed is broken"),
        ("junk.rss", b"<?xml version='1.0'?><nothing/>", "not a valid feed"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no main text found"),
        ("empty.html", b"", "no main text found"),
        ("cut.html", b"<html><body><article><p>Chile met Peru in Lima on", "no main text found"),
        ("letter.docx", b"PK\x03\x04rest of a zip", "a Word document: not read"),
        ("paper.pdf", b"%PDF-1.7 ...", "a PDF: not read"),
        ("paper", b"%PDF-1.7 ...", "a binary document (PDF, Word or zip): not read"),
        ("image.bin", bytes(range(256)) * 8, "binary data, not text"),
    ],
)
def test_broken_and_unread_kinds_are_rejected_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    rejects: list[Reject] = []
    assert list(read_articles([str(path)], on_reject=rejects.append)) == []
    assert len(rejects) == 1 and rejects[0].reason.startswith(reason), rejects


def test_a_page_named_txt_is_still_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes((SAME_STORY / "article.html").read_bytes())
    (article,) = read_articles([str(path)])
    assert article.title == TITLE and "<p>" not in article.text and "Most read" not in article.text


def test_csv_rows_are_articles_with_recognised_or_named_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "Headline,Body,Published,Link\n"
        'Talks,"Chile met Peru.",2023-05-10T10:00:00Z,https://x.org/1\n'
        'Aid,"Japan sent aid to Fiji.",20230511,https://x.org/2\n',
        encoding="utf-8",
    )
    articles = list(read_articles([str(path)]))
    assert [(a.id, a.title, a.date) for a in articles] == [
        ("https://x.org/1", "Talks", dt.date(2023, 5, 10)), ("https://x.org/2", "Aid", dt.date(2023, 5, 11))]
    named = list(read_articles([str(path)], columns=Columns(id="Headline", text="Body")))
    assert [a.id for a in named] == ["Talks", "Aid"]


def test_a_table_without_text_column_lists_the_columns_found_and_expected(tmp_path):
    path = tmp_path / "urls.csv"
    path.write_text("url,headline\nhttps://x.org/1,Talks\n", encoding="utf-8")
    rejects: list[Reject] = []
    assert list(read_articles([str(path)], on_reject=rejects.append)) == []
    (reject,) = rejects
    assert reject.line == 1
    assert reject.reason.startswith("columns found: url, headline; expected text: one of text, body")
    assert "--text-column" in reject.reason
    rejects.clear()
    list(read_articles([str(path)], on_reject=rejects.append, columns=Columns(text="story")))
    assert "text: 'story' (given)" in rejects[0].reason


def test_parquet_export_in_media_cloud_layout(tmp_path):
    path = tmp_path / "export.parquet"
    pq.write_table(pa.table({"stories_id": [7], "publish_date": ["2023-05-10 10:00:00.123"],
                             "url": ["https://x.org/7"], "title": ["T"], "text": ["Chile met Peru."]}), path)
    (article,) = read_articles([str(path)])
    assert (article.id, article.date, article.url, article.title) == ("7", dt.date(2023, 5, 10), "https://x.org/7", "T")


def test_stdin_texts_get_an_id_of_their_own(monkeypatch):
    ids = []
    for text in ("Chile met Peru.", "Japan sent aid to Fiji."):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        ids += [a.id for a in read_articles(["-"])]
    assert len(set(ids)) == 2 and all(i.startswith("sha1-") for i in ids)


def test_stdin_sniffs_pages_json_lines_and_tables(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO((SAME_STORY / "article.html").read_text(encoding="utf-8")))
    (page,) = read_articles(["-"])
    assert page.id == URL and page.title == TITLE
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "x", "text": "Chile met Peru."}) + "\n"))
    assert [a.id for a in read_articles(["-"])] == ["x"]
    monkeypatch.setattr("sys.stdin", io.StringIO('id,"Text"\nq1,Chile met Peru.\nq2,Peru met Chile.\n'))
    assert [a.id for a in read_articles(["-"])] == ["q1", "q2"]
    monkeypatch.setattr("sys.stdin", io.StringIO("Chile, Peru and Bolivia met. The text was agreed.\n"))
    assert len(list(read_articles(["-"]))) == 1


def test_same_file_name_in_two_folders_keeps_two_ids(tmp_path):
    for folder, text in (("d1", "Chile met Peru."), ("d2", "Japan sent aid to Fiji.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(text, encoding="utf-8")
    ids = [a.id for a in read_articles([str(tmp_path / "d1"), str(tmp_path / "d2")])]
    assert ids == ["d1/article", "d2/article"]
    assert [a.id for a in read_articles([str(tmp_path / "d1" / "article.txt")])] == ["d1/article"]


@pytest.mark.parametrize(
    "value", ["2023-05-10", "2023-05-10T10:00:00Z", "2023-05-10T23:30:00-05:00", "20230510T100000Z",
              "Wed, 10 May 2023 10:00:00 GMT"])
def test_every_command_takes_the_same_date_forms(tmp_path, value):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Chile met Peru.", "date": value}) + "\n", encoding="utf-8")
    assert [a.date for a in read_articles([str(path)])] == [PUBLISHED]
    assert parse_date(None, None, value) == PUBLISHED  # --date of code, load and relations


@pytest.mark.parametrize("value", ["05/10/2023", "yesterday", "2023-02-30"])
def test_date_option_rejects_what_could_be_read_two_ways_or_not_at_all(value):
    with pytest.raises(InputError, match="E005"):
        parse_date(None, None, value)


def _dyads(events: list[dict]) -> dict[str, set[tuple]]:
    found: dict[str, set[tuple]] = {}
    for e in events:
        found.setdefault(e["doc_id"], set()).add(
            (e["event"], e["mode"], tuple(a["code"] for a in e["actor"]), tuple(r["code"] for r in e["recipient"]),
             e["date"], e["trigger"]))
    return found


@pytest.mark.slow
def test_code_load_and_batch_read_the_folder_alike(tmp_path):
    runner = CliRunner()
    # each format alone codes to the same events
    each = []
    for name in FORMATS:
        alone = runner.invoke(cli, ["code", "--workers", "1", "--format", "jsonl", "--date", "2023-05-10",
                                    str(SAME_STORY / name)])
        assert alone.exit_code == 0, alone.output
        each.append(_dyads([json.loads(line) for line in alone.stdout.splitlines() if line.startswith("{")]))
    assert all(len(found) == 1 for found in each)
    assert len({frozenset(next(iter(found.values()))) for found in each}) == 1
    # the folder in one run: the first one read is coded, the others are the same article, read again
    coded = runner.invoke(cli, ["code", "--workers", "1", "--format", "jsonl", "--date", "2023-05-10", str(SAME_STORY)])
    assert coded.exit_code == 0, coded.output
    assert len(_dyads([json.loads(line) for line in coded.stdout.splitlines() if line.startswith("{")])) == 1
    assert f"duplicates {len(FORMATS) - 1}" in coded.stderr

    db = str(tmp_path / "store.duckdb")
    loaded = runner.invoke(cli, ["load", "--workers", "1", "--db", db, "--date", "2023-05-10", str(SAME_STORY)])
    # load stores the article once and counts the other four as the same article read again
    assert loaded.exit_code == 0 and f"duplicates {len(FORMATS) - 1}" in loaded.output
    assert "read 1, coded 1" in loaded.output

    batch = runner.invoke(cli, ["batch", "--workers", "1", str(SAME_STORY), str(tmp_path / "out")])
    assert batch.exit_code == 0, batch.output
    assert f"coded {len(FORMATS)} articles" in batch.output
