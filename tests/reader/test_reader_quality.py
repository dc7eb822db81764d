"""Issue 16: the reader rejects articles in other languages than English ("language: fr") and texts that are
mostly markup, code or lists, for every command; English news, short or long, passes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.articles import Reject, read_articles
from detente.articles.quality import language_problem, prose_share, quality_problem, shape_problem
from detente.cli.main import cli

OTHER_LANGUAGES = {
    "fr": "Le gouvernement français a rappelé son ambassadeur à Bamako après des semaines de tensions avec la junte.",
    "de": "Die Regierung in Berlin kündigte am Montag neue Sanktionen gegen mehrere Unternehmen aus dem Iran an.",
    "es": "El ministro de Exteriores de Chile viajó a Lima para firmar un acuerdo comercial con su homólogo peruano.",
    "ru": "Министр иностранных дел заявил, что страна готова возобновить переговоры с соседями в следующем месяце.",
    "pt": "O presidente do Brasil recebeu ontem o primeiro-ministro de Portugal para conversas sobre comércio.",
    "it": "Il governo italiano ha annunciato che invierà aiuti umanitari alle popolazioni colpite dal terremoto.",
}

ENGLISH = [
    "Chile met Peru.",
    "Boko Haram killed three Nigerian policemen.",
    "Macron visited Berlin.",
    "The foreign ministers of Armenia and Azerbaijan met in Geneva on Thursday and agreed to meet again next month.",
    "KYIV, June 3 - Ukraine accused Russia of shelling a power plant overnight. Moscow denied the charge.",
]

MARKUP = "\n".join(
    ['<div class="nav">', '  <ul id="menu">', *[f'    <li><a href="/s/{n}">Section {n}</a></li>' for n in range(20)],
     "  </ul>", "</div>", "<p>Chile met Peru on Monday to talk about the border.</p>"]
)
CODE = "\n".join(
    ["def handler(event, context):", "    items = [x for x in event['items'] if x]",
     *[f"    total_{n} = sum(item['v{n}'] for item in items)  # {{n}}" for n in range(15)], "    return {'ok': True}"]
)
LIST = "\n".join(
    ["Most read", *[f"{title} {n}" for n in range(8) for title in ("Markets today", "Weather", "Sport results")],
     "Chile and Peru signed a border treaty in Lima on Monday, officials said."]
)


@pytest.mark.parametrize(("code", "text"), sorted(OTHER_LANGUAGES.items()))
def test_other_languages_are_rejected_with_their_code(code, text):
    assert language_problem(text) == f"language: {code}"
    assert quality_problem(text) == f"language: {code}"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_passes_short_or_long(text):
    assert quality_problem(text) is None


@pytest.mark.parametrize("text", [MARKUP, CODE, LIST], ids=["markup", "code", "list"])
def test_markup_code_and_lists_are_rejected(text):
    problem = shape_problem(text)
    assert problem is not None and problem.startswith("mostly markup, code or lists, not prose: ")
    assert prose_share(text) < 0.5


def test_prose_with_a_list_inside_passes():
    story = " ".join(["Chile and Peru signed a treaty on their maritime border in Lima on Monday."] * 6)
    text = story + "\nWho signed:\n- Chile\n- Peru\n" + story
    assert prose_share(text) > 0.9 and quality_problem(text) is None


def test_the_reader_rejects_each_with_its_place_and_reason(tmp_path):
    lines = [
        {"id": "en", "text": ENGLISH[3]},
        {"id": "fr", "text": OTHER_LANGUAGES["fr"]},
        {"id": "menu", "text": MARKUP},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    (tmp_path / "nachricht.txt").write_text(OTHER_LANGUAGES["de"], encoding="utf-8")
    rejects: list[Reject] = []
    articles = list(read_articles([str(tmp_path)], on_reject=rejects.append))
    assert [a.id for a in articles] == ["en"]
    assert [(r.path, r.line, r.reason.split(":")[0]) for r in rejects] == [
        (str(path), 2, "language"),
        (str(path), 3, "mostly markup, code or lists, not prose"),
        (str(tmp_path / "nachricht.txt"), None, "language"),
    ]
    assert rejects[0].reason == "language: fr" and rejects[2].reason == "language: de"


def test_code_prints_the_reject_and_exits_1(tmp_path):
    path = tmp_path / "noticia.txt"
    path.write_text(OTHER_LANGUAGES["es"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"{path}: language: es" in result.stderr
