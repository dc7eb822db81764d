"""Docs are complete: every command and option is in docs/cli.md; the README opens with the two commands."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from detente.cli.main import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _command(name: str) -> click.Command:
    return cli.get_command(click.Context(cli), name)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_documented(name):
    assert f"## detente {name}" in CLI_DOC


@pytest.mark.parametrize(
    ("name", "option"),
    [(name, opt) for name in COMMANDS for p in _command(name).params if isinstance(p, click.Option) for opt in p.opts],
)
def test_every_option_is_documented(name, option):
    section = CLI_DOC.split(f"## detente {name}\n", 1)[1].split("\n## ", 1)[0]
    assert f"`{option}`" in section, f"{option} of `detente {name}` is missing from docs/cli.md"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in first_block.strip().splitlines()] == [["make", "demo"], ["make", "test"]]


@pytest.mark.parametrize("doc", sorted(p.name for p in (ROOT / "docs").glob("*.md")))
def test_docs_linked_from_readme(doc):
    assert f"docs/{doc}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_quick_start_stores_dated_articles():
    """Issue 19: the README's `detente load` and `detente relations` read articles that carry their dates."""
    from detente.articles import read_articles

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if "detente load " in line or "detente relations " in line]
    commands = [line for line in commands if "examples/" in line]  # the others show a user's own files
    assert commands
    for line in commands:
        words = line.split("#", 1)[0].split()
        paths = [w for w in words if w.startswith("examples/")]
        articles = list(read_articles(paths))
        assert (articles and all(a.date is not None for a in articles)) or "--date" in words, line


def test_readme_codes_a_saved_page_and_a_feed_of_the_repository():
    """Issue 16: the README's commands code a saved page and a feed; each is in the repository and gives a dated
    article with its title."""
    from detente.articles import read_articles

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = [word for line in readme.splitlines() if "detente code " in line
             for word in line.split("#", 1)[0].split() if word.endswith((".html", ".xml", ".rss"))]
    assert {Path(p).suffix for p in paths} >= {".html", ".xml"}
    for path in paths:
        (article,) = read_articles([str(ROOT / path)])
        assert article.date is not None and article.title and article.url, path
