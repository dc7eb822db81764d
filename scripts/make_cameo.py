"""Write detente/events/data/cameo.tsv, the CAMEO code of each PLOVER type and mode, from CAMEO2PLOVER.

    python scripts/make_cameo.py [--table ../shared/plover/CAMEO2PLOVER-2021.txt] [--output FILE]

Not run by detente: the file it writes ships with the package. The conversion table (Open Event Data
Alliance, CC BY-SA 4.0) maps each CAMEO code to a PLOVER type, mode and context; this reads it backwards.
For each (type, mode) detente can emit (detente.model.MODES and INTENSITY) it picks, among the codes the
table gives that type and mode, the most general one: the shortest (a three-digit code covers its
four-digit ones), then the lowest (CAMEO numbers the plain form of a kind before its variants: 0311
before 0331, 172 administrative sanctions before 191 blockade).

Where the table distinguishes a context (AGREE economic is 0311, AGREE military 0312), the most general
code among the type and mode's codes with that context, by the same order, is a row of its own; rows
with two contexts that name one thing ("military; legal": war crimes) give none. Where the PLOVER
manual contradicts the table, the manual wins (CORRECTIONS: a table row read as the manual has it);
where the order above picks a code that does not fit the manual's definition of the mode, or the table
has no code for a mode, CHOICES names the code; SKIP drops a context whose codes differ by content
rather than by context. Every such decision is in the row's note.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from detente.model import CONTEXTS, MODES, PLOVER_TYPES  # noqa: E402

TABLE_NAME = "CAMEO2PLOVER-2021.txt"
OUTPUT = ROOT / "detente" / "events" / "data" / "cameo.tsv"
COLUMNS = ("type", "mode", "context", "cameo_code", "cameo_root", "cameo_text", "source", "note")

# The table's contexts that are no PLOVER context, as the manual's list of contexts names them.
CONTEXT_NAMES = {
    "humanitarian": "human_security",  # the manual's human_security: access to water, food, housing ...
    "democracy": "pro_democracy",
}
# Two contexts of one row that are alternatives ("Investigate crime, corruption"), not one thing together.
ALTERNATIVE_CONTEXTS = {frozenset({"crime", "corruption"})}


@dataclass(frozen=True)
class Code:
    """One line of the conversion table: a CAMEO code and the PLOVER type, mode and contexts it maps to."""

    code: str
    type: str
    mode: str
    contexts: tuple[str, ...]
    text: str
    line: int
    combined: bool = False  # several contexts that name one thing together ("military; legal")
    note: str = ""  # why the manual reads this line otherwise than the table (CORRECTIONS)

    @property
    def root(self) -> str:
        return self.code[:2]


# Table lines the PLOVER manual reads otherwise: code -> (type, mode, contexts, why). The manual wins.
_YIELD = "the manual's yield is releases, sanction relief, easing curfews and boycotts, ceasefires"
CORRECTIONS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "0813": ("CONCEDE", "", ("legal",), "CAMEO 081-083 are CONCEDE, which covers removing curfews (table: RETREAT)"),
    "0814": ("CONCEDE", "", ("legal",), "CAMEO 081-083 are CONCEDE (table: RETREAT)"),
    "085": ("RETREAT", "", ("economic",), "ease is no RETREAT mode (the table's own comment says so too)"),
    "0874": ("RETREAT", "withdraw", ("military",), "withdraw is retreat from territory, disarm giving up weapons"),
    "105": ("REQUEST", "yield", ("legal",), f"demanding that the target yield is yield, not change: {_YIELD}"),
    "112": ("ACCUSE", "allege", (), "allege is to accuse; disapprove is to condemn or complain (table: disapprove)"),
    "114": ("ACCUSE", "disapprove", ("diplomatic",), "complaining is disapprove, allege is accusing (table: allege)"),
    "116": ("SANCTION", "convict", ("legal",), "finding guilty is SANCTION convict (table: ACCUSE disapprove)"),
    "124": ("REJECT", "yield", (), f"declining to yield is yield (table: change): {_YIELD}"),
    "1241": ("REJECT", "yield", ("executive",), f"easing sanctions is yield (table: change): {_YIELD}"),
    "1242": ("REJECT", "yield", (), f"easing dissent is yield (table: change): {_YIELD}"),
    "128": ("REJECT", "", ("legal",), f"defying norms or law refuses no concession (table: yield): {_YIELD}"),
    "129": ("REJECT", "", (), f"a veto refuses no concession (table: yield): {_YIELD}"),
    "132": ("THREATEN", "restrict", ("executive",), "ban is no THREATEN mode; restrict covers political bans"),
    "1321": ("THREATEN", "restrict", ("human_rights",), "political is no THREATEN mode; restrict covers it"),
    "1322": ("THREATEN", "restrict", ("pro_autocracy",), "ban is no THREATEN mode; restrict covers banning parties"),
    "133": ("THREATEN", "restrict", (), "threatened strikes and boycotts are restrict; relations is ties, talks"),
    "163": ("SANCTION", "discontinue", ("economic",), "CAMEO 16 is SANCTION; sanctions discontinue (table: COERCE)"),
    "1712": ("ASSAULT", "destroy", (), "seize is no ASSAULT mode; destroying property is destroy"),
    "1721": ("COERCE", "censor", ("rights_freedoms",), "restricting speech is censor (table: restrict)"),
    "1722": ("COERCE", "restrict", ("pro_autocracy",), "ban is no COERCE mode; restrict covers political bans"),
    "175": ("ASSAULT", "crowd-control", ("repression",), "pro_autocracy is a context; repression is crowd-control"),
    "183": ("ASSAULT", "explosives", (), "car and other non-military bombs are explosives; 1831 is suicide-attack"),
    "185": ("ASSAULT", "targeted", (), "assassinations, attempted or done, are targeted (table: assassinate)"),
    "186": ("ASSAULT", "targeted", (), "assassinations are targeted (table: assassinate)"),
    "195": ("ASSAULT", "aerial", ("military",), "aerial weapons are aerial, heavy-weapons artillery and tanks"),
}

# Decisions the order cannot make: (type, mode, context) -> (code, why).
_NONE = "the table has no code for this mode: the type's"
CHOICES: dict[tuple[str, str, str], tuple[str, str]] = {
    ("CONSULT", "multilateral", ""): ("040", _NONE),
    ("RETREAT", "resign", ""): ("0831", "CAMEO codes a resignation as 0831, acceding to a change in leadership; "
                                        "the manual makes resignations RETREAT"),
    ("RETREAT", "withdraw", ""): ("0874", "0874 is the retreat the manual's withdraw names; 0872 eases a blockade"),
    ("ACCUSE", "", ""): ("110", "the table gives every ACCUSE line a mode; 110 is the base of the DISAPPROVE root"),
    ("THREATEN", "arrest", ""): ("130", _NONE),
    ("THREATEN", "violence", ""): ("138", "138 is the threat of force; 137, violent repression, keeps pro_autocracy"),
    ("PROTEST", "strike", ""): ("143", "143 is to conduct a strike or boycott: both modes"),
    ("PROTEST", "vandalize", ""): ("140", _NONE),
    ("SANCTION", "discontinue", ""): ("160", "discontinue is every cut in exchanges that no other mode covers "
                                               "(aid 162, sanctions 163, ties 161): their parent"),
    ("SANCTION", "discontinue", "diplomatic"): ("161", "breaking diplomatic exchanges is discontinue (table: 161 "
                                                        "withdraw)"),
    ("MOBILIZE", "troops", ""): ("154", "the manual's troops is to mobilize armed forces (154); 152 raises alert"),
    ("MOBILIZE", "police", ""): ("153", "the manual's police is to mobilize police (153); 151 raises alert"),
    ("MOBILIZE", "weapons", ""): ("150", _NONE),
    ("MOBILIZE", "militia", ""): ("150", _NONE),
    ("COERCE", "withhold", ""): ("170", _NONE),
    ("COERCE", "misinformation", ""): ("170", _NONE),
    ("COERCE", "cyber", ""): ("170", _NONE),
    ("ASSAULT", "", ""): ("190", "CAMEO's fight (19), conventional force, is the common ASSAULT; 180 is its "
                                 "unconventional kind"),
    ("ASSAULT", "primitive", ""): ("180", "the table has no code for the weapon; knives, fire and rocks are no "
                                          "military force (190): unconventional violence"),
    ("ASSAULT", "targeted", ""): ("186", "186 assassinates; an attempt (185) is detente's hypothetical flag"),
    ("ASSAULT", "drone", ""): ("195", "the table has no code for drones; 195 employs aerial weapons"),
}

# Contexts whose codes differ by content, not by context: (type, mode, context) -> why no row.
SKIP: dict[tuple[str, str, str], str] = {
    ("CONSULT", "", "diplomatic"): "mediation (045) and negotiation (046) are what a meeting does, not its context",
    ("ACCUSE", "disapprove", "diplomatic"): "complaining officially (114) is one way to disapprove, and most "
    "disapprovals are diplomatic",
}

_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")


def read_table(path: Path) -> list[Code]:
    """The table's code lines (not the two-digit headings), with corrections applied."""
    codes: list[Code] = []
    seen: set[str] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _LINE.match(raw.strip())
        if not match or len(match.group(1)) == 2:
            continue
        code, fields, text = match.group(1), match.group(2).split(","), (match.group(3) or "").strip()
        if len(fields) != 3:
            raise ValueError(f"{path}:{number}: expected type, mode, context: {raw!r}")
        if code in seen:  # 175 is listed twice, with two wordings of one code
            continue
        seen.add(code)
        event_type, mode = fields[0].strip(), fields[1].strip()
        contexts = tuple(CONTEXT_NAMES.get(c.strip(), c.strip()) for c in fields[2].split(";") if c.strip())
        combined = len(contexts) > 1 and frozenset(contexts) not in ALTERNATIVE_CONTEXTS
        entry = Code(code, event_type, mode, contexts, re.sub(r"\s{2,}.*$", "", text), number, combined)
        if code in CORRECTIONS:
            event_type, mode, contexts, why = CORRECTIONS[code]
            entry = replace(entry, type=event_type, mode=mode, contexts=contexts, combined=False, note=why)
        codes.append(entry)
    return codes


def emitted() -> list[tuple[str, str]]:
    """Every (type, mode) detente can emit: each type with no mode, and with each of its modes."""
    return [(t, m) for t in PLOVER_TYPES for m in ("", *sorted(MODES[t]))]


def rank(entry: Code) -> tuple[int, str]:
    """The order of generality: the shortest code first, then the lowest."""
    return (len(entry.code), entry.code)


def usable(entry: Code) -> bool:
    """A line whose type and mode are the manual's (the table still has modes the manual dropped)."""
    return entry.type in PLOVER_TYPES and (not entry.mode or entry.mode in MODES[entry.type])


@dataclass(frozen=True)
class Row:
    """One row of cameo.tsv."""

    type: str
    mode: str
    context: str
    code: Code
    note: str

    def cells(self) -> list[str]:
        entry = self.code
        source = f"{TABLE_NAME}:{entry.line}"
        return [self.type, self.mode, self.context, entry.code, entry.root, entry.text, source, self.note]


def _how(entry: Code, event_type: str, mode: str, context: str) -> str:
    """The note of a row the order chose."""
    kind = f"{event_type} {mode or '(no mode)'}" + (f" with context {context}" if context else "")
    note = f"table: the most general code of {kind}"
    return note + (f"; manual: {entry.note}" if entry.note else "")


def choose(codes: list[Code]) -> list[Row]:
    """The rows of cameo.tsv: each emitted (type, mode), then its contexts, in the table's order of types."""
    by_code = {c.code: c for c in codes}
    rows: list[Row] = []
    missing: list[str] = []
    for event_type, mode in emitted():
        group = sorted((c for c in codes if usable(c) and (c.type, c.mode) == (event_type, mode)), key=rank)
        base = _chosen(by_code, group, event_type, mode, "")
        if base is None:
            missing.append(f"{event_type} {mode!r}")
            continue
        rows.append(base)
        contexts = dict.fromkeys(x for c in group if not c.combined for x in c.contexts)
        contexts |= dict.fromkeys(k[2] for k in CHOICES if k[:2] == (event_type, mode) and k[2])
        found = [row for context in contexts if (row := _context_row(by_code, group, base, context))]
        if any(row.code.code != base.code.code for row in found):  # a context the table distinguishes
            rows += found
    if missing:
        raise SystemExit(f"no CAMEO code for {', '.join(missing)}: add them to CHOICES")
    return rows


def _chosen(by_code: dict[str, Code], group: list[Code], event_type: str, mode: str, context: str) -> Row | None:
    key = (event_type, mode, context)
    if key in CHOICES:
        code, why = CHOICES[key]
        entry = by_code[code]
        return Row(event_type, mode, context, entry, why + (f"; manual: {entry.note}" if entry.note else ""))
    fits = [c for c in group if not context or (context in c.contexts and not c.combined)]
    base = _chosen(by_code, group, event_type, mode, "") if context else None
    if base is not None and base.code in fits:  # a context of the chosen code itself keeps it
        fits.insert(0, base.code)
    return Row(event_type, mode, context, fits[0], _how(fits[0], event_type, mode, context)) if fits else None


def _context_row(by_code: dict[str, Code], group: list[Code], base: Row, context: str) -> Row | None:
    if context not in CONTEXTS:
        raise SystemExit(f"table context {context!r} is no PLOVER context: add it to CONTEXT_NAMES")
    if (base.type, base.mode, context) in SKIP:
        return None
    row = _chosen(by_code, group, base.type, base.mode, context)
    if row is not None and row.code.code == base.code.code:
        # Listed all the same, so that this context, when the event names it first, outranks its later ones.
        return replace(row, note=f"the code of {base.type} {base.mode or '(no mode)'} itself, for this context")
    return row


def write(rows: Iterable[Row], output: Path) -> None:
    lines = ["\t".join(COLUMNS), *HEADER.strip("\n").splitlines()]
    lines += ["\t".join(row.cells()) for row in rows]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


HEADER = """
# The CAMEO event code of each PLOVER type and mode (and, where the CAMEO-to-PLOVER table distinguishes
# them, of a type, mode and context), so that detente's events join data coded in CAMEO (GDELT, ICEWS,
# PETRARCH). Generated by scripts/make_cameo.py from CAMEO2PLOVER-2021.txt (Open Event Data Alliance,
# CC BY-SA 4.0); this file is an adaptation of it under the same licence (SOURCES.md). cameo_text is the
# table's description of the code; source its line in the table. An event takes the row of its type, mode
# and its first context that has one, else the row of its type and mode (docs/events.md).
"""


def default_table() -> Path:
    shared = Path(os.environ.get("DETENTE_SHARED") or ROOT.parent / "shared")
    return shared / "plover" / TABLE_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=default_table(), help="the CAMEO2PLOVER table")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    rows = choose(read_table(args.table))
    write(rows, args.output)
    print(f"{args.output}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
