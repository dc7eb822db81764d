"""The monthly cooperation-conflict line of a pair, with thread changes marked, as PNG or SVG."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.errors import Errors, InputError

FORMATS = (".png", ".svg")
MAX_LABELS = 8  # labelled changes per thread; more would overprint


def _day(period: str) -> date:
    """The middle of a month ("2008-08") or a year ("2008"), or the day itself, to place it on the axis."""
    parts = [int(p) for p in period.split("-")]
    if len(parts) == 1:
        return date(parts[0], 7, 1)
    if len(parts) == 2:
        return date(parts[0], parts[1], 15)
    return date(*parts)


def _every_month(rows: list[dict]) -> list[tuple[str, float]]:
    """The monthly sums from the first month to the last, 0 for months without events."""
    if not rows:
        return []
    sums = {r["period"]: r["sum"] for r in rows}
    year, month = (int(x) for x in rows[0]["period"].split("-"))
    out = []
    while True:
        period = f"{year:04d}-{month:02d}"
        out.append((period, sums.get(period, 0.0)))
        if period >= rows[-1]["period"]:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _nearby_changes(changes: list[dict], close) -> list[list[dict]]:
    """Changes of one thread grouped when they fall within `close` of the group's first change."""
    groups: list[list[dict]] = []
    for change in changes:
        if groups and close is not None and _day(change["since"]) - _day(groups[-1][0]["since"]) <= close:
            groups[-1].append(change)
        else:
            groups.append([change])
    return groups


def _label(changes: list[dict], total: int) -> str:
    """At most the last three changes, one per line, and how many came before them."""
    lines = [
        c["state"] + (f" ({c['qualifier']})" if c["qualifier"] else "") + f" by {c['moved_by']}, {c['since']}"
        for c in changes[-3:]
    ]
    if total > 3:
        lines.insert(0, f"({total - 3} earlier changes)")
    return "\n".join(lines)


def plot_ledger(ledger, path: str | Path) -> Path:
    """Draw the monthly intensity sums per direction and the thread changes to a .png or .svg file."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InputError(Errors.E115.format(path=path))
    import matplotlib

    matplotlib.use("Agg")  # no display: the CLI and the API server draw to files
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    data = ledger.to_dict() if hasattr(ledger, "to_dict") else ledger
    a, b = data["pair"]
    fig, (line_ax, thread_ax) = plt.subplots(
        2, 1, figsize=(12, 8), sharex=True, gridspec_kw={"height_ratios": [3, 2]}, layout="constrained"
    )
    colours = {f"{a}->{b}": "tab:blue", f"{b}->{a}": "tab:orange"}
    for direction, parts in data["monthly"].items():
        months = _every_month(parts["months"])
        if months:
            line_ax.plot(
                [_day(p) for p, _ in months],
                [v for _, v in months],
                marker="o",
                markersize=3,
                linewidth=1.2,
                color=colours[direction],
                label=f"{direction} monthly sum",
            )
        if parts["year_only"]:
            line_ax.scatter(
                [_day(r["period"]) for r in parts["year_only"]],
                [r["sum"] for r in parts["year_only"]],
                marker="s",
                facecolors="none",
                edgecolors=colours[direction],
                s=60,
                label=f"{direction} dated to a year only",
            )
    line_ax.axhline(0, color="grey", linewidth=0.8)
    line_ax.set_ylabel("sum of PLOVER intensities\n(- conflict, + cooperation)")
    title = f"{data['names'][a]} ({a}) and {data['names'][b]} ({b})"
    line_ax.set_title(title + (f", as of {data['as_of']}" if data["as_of"] else ""))
    threads = [t for t in data["threads"] if t["history"]]
    dated = [_day(c["since"]) for t in threads for c in t["history"] if c["since"]]
    close = (max(dated) - min(dated)) / 25 if dated else None
    for row, thread in enumerate(threads):
        changes = [c for c in thread["history"] if c["since"]]
        if not changes:
            continue
        # every change gets a mark; labels only where they can be read, the latest always
        thread_ax.plot(
            [_day(c["since"]) for c in changes],
            [row] * len(changes),
            linestyle="none",
            marker="D" if len(changes) <= MAX_LABELS else "|",
            markersize=6,
            color="black",
        )
        groups = _nearby_changes(changes, close)
        disputed = "tab:red" if thread["disputed"] else "black"
        if len(groups) > MAX_LABELS:
            # too many to label apart: one line for the latest, saying how many came before
            when = _day(changes[-1]["since"])
            thread_ax.plot(when, row, marker="D", color=disputed)
            text = _label(changes[-1:], 1) + f" (latest of {len(changes)} changes)"
            thread_ax.annotate(
                text,
                (when, row),
                xytext=(-5, 4),
                textcoords="offset points",
                fontsize=7,
                color=disputed,
                va="bottom",
                ha="right",
            )
            continue
        for group in groups:
            when = _day(group[0]["since"])
            colour = disputed if group[-1] is thread["history"][-1] else "black"
            thread_ax.plot(when, row, marker="D", color=colour)
            thread_ax.annotate(
                _label(group, len(group)),
                (when, row),
                xytext=(5, 3),
                textcoords="offset points",
                fontsize=7,
                color=colour,
                va="bottom",
            )
            line_ax.axvline(when, color="grey", linewidth=0.5, linestyle=":")
    thread_ax.set_yticks(range(len(threads)), [t["topic"] for t in threads])
    thread_ax.set_ylim(-0.5, max(len(threads), 1) - 0.3)
    thread_ax.set_xlabel("date (years and months; marks for year-only dates sit mid-year)")
    thread_ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(thread_ax.xaxis.get_major_locator()))
    if line_ax.get_legend_handles_labels()[0]:
        line_ax.legend(loc="best", fontsize=8)
    else:
        line_ax.text(0.5, 0.5, "no dated events", transform=line_ax.transAxes, ha="center")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
