"""The ledger JSON as text for a terminal."""

from __future__ import annotations

import textwrap

WIDTH = 100  # the text fits a 100-column terminal unless a caller asks for another width


def _fit(line: str, width: int) -> list[str]:
    """A line wrapped to `width`, its continuation indented four past its own indent; a token longer
    than the width (a document id) stays whole rather than being cut."""
    if len(line) <= width:
        return [line]
    indent = " " * (len(line) - len(line.lstrip()) + 4)
    return textwrap.wrap(
        line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    ) or [line]


def _state(state: str, qualifier: str) -> str:
    return f"{state} ({qualifier})" if qualifier else state


def _event_lines(e: dict) -> list[str]:
    kind = f"{e['event']}/{e['mode']}" if e["mode"] else e["event"]
    flags = [f for f in ("negated", "hypothetical") if e[f]] + (["offer"] if e["offer"] else [])
    role = e["role"] + (f" -> {_state(e['claims'], e['qualifier'])}" if e["claims"] else "")
    head = (
        f"    {e['date'] or 'undated':<10}  {e['direction']:<9} {kind:<20} {role}"
        f"  trigger {e['trigger']!r}"
        + (f" [{', '.join(flags)}]" if flags else "")
        + f"  ({e['doc_id']} s{e['sentence_index']})"
    )
    lines = [head, f"{'':16}{' '.join(e['sentence'].split())}"]
    if e["note"]:
        lines.append(f"{'':16}note: {e['note']}")
    return lines


def render_text(ledger: dict, width: int = WIDTH) -> str:
    """The ledger (as from Ledger.to_dict()) as lines of text, threads first, then the monthly line, each
    wrapped to `width` columns (a sentence wraps under itself, at the same indent)."""
    a, b = ledger["pair"]
    names = ledger["names"]
    counts = ", ".join(f"{k} {v}" for k, v in ledger["by_direction"].items())
    as_of = f" as of {ledger['as_of']}" if ledger["as_of"] else ""
    as_of += f", {ledger['region']['name']}" if ledger.get("region") else ""
    lines = [
        f"{names[a]} ({a}) - {names[b]} ({b}){as_of}: {ledger['events']} events ({counts}; "
        f"{ledger['excluded']} negated or hypothetical, never moving a state)"
    ]
    for thread in ledger["threads"]:
        lines.append("")
        if thread["state"] is None:
            lines.append(f"== {thread['topic']}: no state" + (" (events below mention it)" if thread["events"] else ""))
        else:
            disputed = "  DISPUTED" if thread["disputed"] else ""
            lines.append(
                f"== {thread['topic']}: {_state(thread['state'], thread['qualifier'])} since "
                f"{thread['since'] or 'undated'}, moved by {thread['moved_by']}{disputed}"
            )
            path = " -> ".join(
                f"{_state(c['state'], c['qualifier'])} {c['since'] or 'undated'} by {c['moved_by']}"
                for c in thread["history"]
            )
            lines.append(f"   history: {path}")
        for c in thread["conflicts"]:
            r, e = c["report"], c["earlier"]
            lines.append(
                f"   CONFLICT ({c['kind']}): {r['doc_id']} reports {c['state']!r} ({r['date']}) "
                f"against {e['doc_id']}, which reported {c['contrary_state']!r} ({e['date']})"
            )
        if thread["events"]:
            lines.append("   events, oldest first:")
            for event in thread["events"]:
                lines.extend(_event_lines(event))
    lines.append("")
    lines.append("Cooperation-conflict line (PLOVER intensity: count, sum, mean):")
    for direction, parts in ledger["monthly"].items():
        rows = parts["months"] + parts["year_only"] + parts["undated"]
        if not rows:
            lines.append(f"  {direction}: no events")
            continue
        for row in rows:
            label = row["period"] + (" (year only)" if len(row["period"]) == 4 else "")
            lines.append(f"  {direction:<9} {label:<18} {row['count']:>5}  {row['sum']:>+9.1f}  {row['mean']:>+6.2f}")
    return "\n".join(fitted for line in lines for fitted in _fit_sentence_aware(line, width)) + "\n"


def _fit_sentence_aware(line: str, width: int) -> list[str]:
    # an event's sentence (indented 16, under its event line) continues at its own indent, as a paragraph
    if line.startswith(" " * 16) and len(line) > width:
        return textwrap.wrap(line, width, initial_indent="", subsequent_indent=" " * 16, break_long_words=False)
    return _fit(line, width)
