"""Issue 18 items 2, 5 and 10: one bad line, file or directory entry costs only itself; the rest is read and coded.

Every case is fed in one run with good documents among them, through the library and through `detente code`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import detente
from detente.articles import Reject, read_articles
from detente.cli.main import cli

GOOD = "Georgia recalled its ambassador from Russia on Monday."
SECOND = "France offered aid to Chad on Monday."


def _on(day: str) -> str:
    """GOOD on another day: each input its own text, as one text read twice is one article (SameArticles)."""
    return GOOD.replace("Monday", day)


def _line(article_id: str, text: str, **more) -> str:
    return json.dumps({"id": article_id, "text": text, "date": "2023-05-10", **more}, ensure_ascii=False)


@pytest.fixture
def messy(tmp_path, monkeypatch) -> tuple[Path, list[str]]:
    """A folder of good and broken inputs, and the extra arguments (a FIFO) given beside it."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    deep = "[" * 100_000 + "]" * 100_000
    (root / "deep.jsonl").write_text(f"{_line('before-deep', _on('Tuesday'))}\n{deep}\n{_line('after-deep', SECOND)}\n")
    (root / "latin1.jsonl").write_bytes((_line("latin1", "Caf\u00e9 talks: " + GOOD) + "\n").encode("latin-1"))
    (root / "utf16.jsonl").write_bytes((_line("utf16", _on("Wednesday")) + "\n").encode("utf-16"))  # with its BOM
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbf" + _on("Thursday").encode())
    (root / "nul.txt").write_bytes(GOOD.encode()[:-1] + b"\x00" + SECOND.encode())
    (root / "huge-line.jsonl").write_text("x" * 400_000 + "\n" + _line("after-huge", _on("Friday")) + "\n")
    locked = root / "locked.jsonl"
    locked.write_text(_line("locked", GOOD) + "\n")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads a chmod 000 file: make it fail as it would for anyone else
        real_open = Path.open

        def guarded_open(self, *args, **kwargs):
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", guarded_open)
    os.mkfifo(root / "pipe")
    (root / "dangling").symlink_to(root / "nowhere")
    (root / "loop").symlink_to(root / "loop")
    (root / "report.docx").write_bytes(b"PK\x03\x04 a zip")
    os.mkfifo(tmp_path / "argument-pipe")
    monkeypatch.setattr("detente.articles.read.MAX_LINE_BYTES", 300_000)  # 16 MB in use
    return root, [str(tmp_path / "argument-pipe")]


EXPECTED_IDS = {"after-deep", "after-huge", "before-deep", "in/bom", "in/good", "in/nul", "latin1", "utf16"}
EXPECTED_REJECTS = {
    ("argument-pipe", None, "a FIFO (named pipe), not a file: pipe it to '-' instead"),
    ("dangling", None, "dangling symbolic link"),
    ("deep.jsonl", 2, "JSON nested 100000 deep (at most 64)"),
    ("huge-line.jsonl", 1, "line longer than 300,000 bytes"),
    ("locked.jsonl", None, "cannot read: Permission denied"),
    ("loop", None, "symbolic link loop"),
    ("pipe", None, "a FIFO (named pipe), not a file: pipe it to '-' instead"),
    ("report.docx", None, "a Word document: not read (save it as text or HTML first)"),
}


def test_every_bad_input_is_one_reject_and_the_good_ones_are_read(messy):
    root, extra = messy
    rejects: list[Reject] = []
    articles = {a.id: a for a in read_articles([str(root), *extra], on_reject=rejects.append)}
    assert set(articles) == EXPECTED_IDS
    assert {(Path(r.path).name, r.line, r.reason) for r in rejects} == EXPECTED_REJECTS
    assert articles["latin1"].text.startswith("Caf\u00e9 talks")
    assert articles["utf16"].text == _on("Wednesday")
    assert articles["in/bom"].text == _on("Thursday")  # the mark is gone, not glued to "Georgia"
    assert "\x00" not in articles["in/nul"].text and "\n" in articles["in/nul"].text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbf" + GOOD.encode(), {("SANCTION", "GEO", "RUS")}),
        (GOOD.encode() + b"\x00" + SECOND.encode(), {("SANCTION", "GEO", "RUS"), ("AGREE", "FRA", "TCD")}),
        (GOOD.encode()[:-1] + b"\x00" + SECOND.encode(), {("SANCTION", "GEO", "RUS"), ("AGREE", "FRA", "TCD")}),
    ],
    ids=["bom", "nul-after-period", "nul-for-period"],
)
def test_byte_order_mark_and_nul_keep_each_sentences_event(tmp_path, nlp, raw, expected):
    path = tmp_path / "story.txt"
    path.write_bytes(raw)
    (article,) = read_articles([str(path)])
    events = detente.code_articles([article.model_copy(update={"date": None})], nlp=nlp)
    assert {(e.event, e.actor[0].code, e.recipient[0].code) for e in events} == expected


@pytest.mark.slow
def test_code_prints_one_line_per_bad_input_and_codes_the_rest(messy):
    root, extra = messy
    result = CliRunner().invoke(cli, ["code", "--workers", "1", "--format", "jsonl", str(root), *extra])
    assert result.exit_code == 1, result.output
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected: ")]
    assert len(rejected) == len(EXPECTED_REJECTS)
    assert result.stderr.splitlines()[-1].startswith(f"read {len(EXPECTED_IDS) + len(EXPECTED_REJECTS)}, ")
    coded = {json.loads(line)["doc_id"] for line in result.stdout.splitlines() if line.startswith("{")}
    assert coded <= EXPECTED_IDS and "in/good" in coded and "utf16" in coded


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".json", ".csv", ".html", ".xml", ""])
def test_no_bytes_make_the_reader_raise(tmp_path, suffix, data):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    rejects: list[Reject] = []
    articles = list(read_articles([str(path)], on_reject=rejects.append))
    assert all(a.text.strip() for a in articles)
    for reject in rejects:  # printable, loggable and JSON-able: no lone surrogate (encode raises on one)
        assert str(reject).encode("utf-8")


@pytest.mark.parametrize(("suffix", "header"), [(".csv", b"id,t\x90xt\n"), (".tsv", b"id\tt\x8dxt\n")])
def test_a_bad_byte_in_a_table_header_is_named_in_the_reject_as_an_escape(tmp_path, suffix, header):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(header + b"1\tRussia agreed with Moldova.\n")
    rejects: list[Reject] = []
    assert list(read_articles([str(path)], on_reject=rejects.append)) == []
    (reject,) = rejects
    byte = f"\\x{header[4]:02x}"  # the byte itself, written as \x90, not as the surrogate '\udc90'
    assert byte in reject.reason and reject.reason.startswith("columns found: id")
    assert str(reject).encode("utf-8").decode("utf-8") == f"{path}:1: {reject.reason}"


def test_json_files_and_tsv_tables(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "j1", "text": _on("Tuesday")}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "j2", "text": GOOD}, {"id": "j3"}]), encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (tmp_path / "rows.tsv").write_text(f"id\ttext\nt1\t{_on('Friday')}\n", encoding="utf-8")
    rejects: list[Reject] = []
    articles = list(read_articles([str(tmp_path)], on_reject=rejects.append))
    assert [a.id for a in articles] == ["j2", "j1", "t1"]
    assert sorted((Path(r.path).name, r.reason) for r in rejects) == [
        ("deep.json", "JSON nested 5000 deep (at most 64)"),
        ("many.json[1]", "missing or empty text"),
    ]


@pytest.mark.parametrize("data", [b"\x00\x01\xd8\x01", b"\xff\xfei\x00d\x00,\x00t\x00e\x00x\x00t\x00\n\x00a"])
def test_a_utf16_table_cut_inside_a_character_is_read_not_raised(tmp_path, data):
    path = tmp_path / "cut.csv"
    path.write_bytes(data)
    rejects: list[Reject] = []
    articles = list(read_articles([str(path)], on_reject=rejects.append))  # before the fix: UnicodeDecodeError
    assert articles == [] and len(rejects) == 1 and rejects[0].path == str(path)


def test_a_page_over_the_size_limit_is_one_reject(tmp_path, monkeypatch):
    monkeypatch.setattr("detente.articles.read.MAX_DOCUMENT_BYTES", 2**20)  # 1 MB stands for the 32 MB limit
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body><article><p>" + b"Chile met Peru in Lima. " * 60_000 + b"</p></article></body>")
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    rejects: list[Reject] = []
    articles = list(read_articles([str(tmp_path)], on_reject=rejects.append))
    assert [a.text for a in articles] == [GOOD]
    assert [(Path(r.path).name, r.reason) for r in rejects] == [("huge.html", "larger than 1 MB: not read")]


def test_a_csv_with_bad_rows_gives_its_good_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        f'id,text,date\nr1,"{GOOD}",2023-05-10\n,,\nr3,,2023-05-10\nr4,"{SECOND}",2023-02-30\n'
        f'r5,"{_on("Friday")}",2023-05-12\n',
        encoding="utf-8",
    )
    rejects: list[Reject] = []
    articles = list(read_articles([str(path)], on_reject=rejects.append))
    assert [a.id for a in articles] == ["r1", "r5"]
    assert [(r.line, r.reason.split(":")[0]) for r in rejects] == [
        (3, "empty row"), (4, "missing or empty text"), (5, "invalid date")
    ]
