"""Write the rule listings of docs/coding.md and docs/actors.md from the code's own docstrings.

    python scripts/docs_rules.py          # rewrite the sections between the markers
    python scripts/docs_rules.py --check  # exit 1 if a section is out of date (tests/test_docs_rules.py)

The constructions (events/constructions) and the resolution rules (actors/resolve.py, actors/pronouns.py)
are documented once, in their docstrings; the docs show them in the order the code runs them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODING = ROOT / "docs" / "coding.md"
ACTORS = ROOT / "docs" / "actors.md"


def _doc(function) -> str:
    return " ".join((function.__doc__ or "").split())


def constructions_section() -> str:
    from detente.events.constructions import NOUN_CONSTRUCTIONS, VERB_CONSTRUCTIONS

    lines = []
    for title, constructions in (("Verb triggers", VERB_CONSTRUCTIONS), ("Event nouns", NOUN_CONSTRUCTIONS)):
        lines += [f"### {title}", ""]
        for number, rule in enumerate(constructions, start=1):
            lines += [f'{number}. <a id="{rule.name}"></a>**`{rule.name}`**: {_doc(rule.run)}']
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def resolution_section() -> str:
    from detente.actors.resolve import ArticleActors

    lines = ["### Phrase rules", ""]
    actors = ArticleActors.__new__(ArticleActors)
    lines += [_doc(rule) for rule in actors._phrase_rules()]
    lines += ["", "### Head rules", ""]
    lines += [_doc(rule) for rule in actors._head_rules()]
    lines += ["", "### Pronouns (rule 9)", ""]
    lines += [f"- {_doc(rule)}" for rule in actors._antecedent_rules()]
    return "\n".join(lines) + "\n"


SECTIONS = ((CODING, "constructions", constructions_section), (ACTORS, "resolution", resolution_section))


def _replace(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"no <!-- {name}:start --> ... <!-- {name}:end --> markers")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for path, name, render in SECTIONS:
        text = path.read_text(encoding="utf-8")
        new = _replace(text, name, render())
        if new != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)} (python scripts/docs_rules.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
