"""`detente explain "sentence"`: show the parse, the actors, the patterns and the events."""

from __future__ import annotations

import json

import click

from detente.cli.options import date_option
from detente.explain import explain


@click.command("explain")
@click.argument("text")
@date_option
@click.option("--json", "as_json", is_flag=True, help="Print the account as JSON.")
def command(text: str, default_date, as_json: bool) -> None:
    """Explain how TEXT codes: parse, actors found, patterns that fired or nearly did, events."""
    report = explain(text, default_date)
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for sent in report["sentences"]:
        click.echo(f"[{sent['index']}] {sent['text']}")
        click.echo("  parse:")
        for t in sent["tokens"]:
            click.echo(
                f"    {t['i']:>4} {t['text']:<16} {t['lemma']:<14} {t['pos']:<6} {t['dep']:<10} -> {t['head']}"
                + ("  (quote)" if t["quote"] else "")
            )
        click.echo("  names in the gazetteer:")
        for m in sent["actors"] or [{"text": "(none)", "code": "", "sector": "", "kind": ""}]:
            click.echo(f"    {m['text']!r} {m['code']}/{m['sector'] or '-'} ({m['kind']})")
        for e in sent["events"]:
            mode = f":{e['mode']}" if e["mode"] else ""
            click.echo(
                f"  EVENT {e['event']}{mode} on {e['trigger']!r} date={e['date']}"
                f" flags={[k for k, v in e['flags'].items() if v]}"
            )
            for a in e["actors"]:
                click.echo(f"    actor     {a}")
            for r in e["recipients"]:
                click.echo(f"    recipient {r}")
            for n in e["notes"]:
                click.echo(f"    why: {n}")
            _constructions(e["constructions"])
        for m in sent["missed"]:
            click.echo(f"  not coded: {m['trigger']!r}: {m['reason']}; patterns: {m['patterns']}")
            _constructions(m["constructions"])
    if report["people"]:
        click.echo(f"people remembered: {report['people']}")


def _constructions(steps: list[dict]) -> None:
    """The constructions that fired, with why, then those that declined, by name (docs/coding.md has each)."""
    fired = [f"{s['rule']} ({s['reason']})" for s in steps if s["fired"]]
    declined = [s["rule"] for s in steps if not s["fired"]]
    for line in fired:
        click.echo(f"    fired: {line}")
    if declined:
        click.echo(f"    declined: {', '.join(declined)}")
