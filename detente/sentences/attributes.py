"""The model's attribute rules (coarse POS, morphology and lemma exceptions from the fine tag and the
parse), applied by table lookup instead of spaCy's general Matcher.

spaCy's attribute_ruler runs every one of its patterns through the Matcher on every token; with the
179 rules of en_core_web_sm it costs about a quarter of the whole parse. The rules are simple (fixed
sequences of one or two tokens tested on TAG, LOWER, DEP and IS_SPACE), so they can be indexed by the
value they test first and checked directly. The result is the same annotation, token for token: the
rules are read from the loaded model's own attribute_ruler, and a model whose rules use anything else
(operators, other attributes) keeps spaCy's component (see `compile_rules`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The token attributes rules test, in the order of the columns read from each Doc.
TESTED = {"TAG": 0, "DEP": 1, "LOWER": 2, "IS_SPACE": 3}
TESTED_COLUMNS = [TAG, DEP, LOWER, IS_SPACE]
# The attributes rules set, in the order of the columns written back.
SET = {POS: 0, TAG: 1, DEP: 2, LEMMA: 3, MORPH: 4}
SET_COLUMNS = [POS, TAG, DEP, LEMMA, MORPH]
INDEX_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the most selective attribute a rule is filed under


class UnsupportedRule(ValueError):
    """A rule this module cannot apply exactly as spaCy's Matcher would."""


Check = Callable[[int], bool]


@dataclass(frozen=True)
class Rule:
    number: int  # the rule's place in the model's list: later rules win
    tokens: tuple[tuple[tuple[int, Check], ...], ...]  # per token: (column, test on its value)
    target: int  # which token of the sequence gets the attributes
    values: tuple[tuple[int, int], ...]  # (column in SET_COLUMNS, value)


Filed = dict[tuple[int, int], list[Rule]]  # (column, value) a rule's first token tests -> rules


@dataclass
class CompiledRules:
    single: Filed  # rules over one token
    multi: Filed  # rules over a sequence of tokens


def compile_rules(
    patterns: list[dict], normalized_attrs: list[dict], indices: list[int], vocab: Vocab
) -> CompiledRules:
    """Index the rules of a spaCy AttributeRuler (its `patterns`, `attrs` and `indices`); raises
    UnsupportedRule if one of them needs more than a fixed sequence of equality/IN/NOT_IN/REGEX tests."""
    rules = CompiledRules({}, {})
    number = 0
    for entry, attrs, index in zip(patterns, normalized_attrs, indices, strict=True):
        for pattern in entry["patterns"]:
            tokens = tuple(tuple(_check(name, spec, vocab) for name, spec in token.items()) for token in pattern)
            if not tokens or any(not token for token in tokens):
                raise UnsupportedRule(f"rule {number}: a token with no test")
            target = index if index >= 0 else len(tokens) + index
            if not 0 <= target < len(tokens):
                raise UnsupportedRule(f"rule {number}: index {index} outside the pattern")
            unknown = [a for a in attrs if a not in SET]
            if unknown:
                raise UnsupportedRule(f"rule {number}: sets attributes {unknown}")
            rule = Rule(number, tokens, target, tuple((SET[a], int(v)) for a, v in attrs.items()))
            filed = rules.single if len(tokens) == 1 else rules.multi
            for key in _index_keys(pattern[0], vocab):
                filed.setdefault(key, []).append(rule)
        number += 1
    return rules


def _check(name: str, spec: object, vocab: Vocab) -> tuple[int, Check]:
    if name not in TESTED:
        raise UnsupportedRule(f"tests {name}")
    column = TESTED[name]
    if name == "IS_SPACE":
        if not isinstance(spec, bool):
            raise UnsupportedRule(f"IS_SPACE {spec!r}")
        wanted = int(spec)
        return column, lambda value: value == wanted
    if isinstance(spec, str):
        key = vocab.strings.add(spec)
        return column, lambda value: value == key
    if isinstance(spec, dict) and len(spec) == 1:
        ((operator, operand),) = spec.items()
        if operator in ("IN", "NOT_IN") and isinstance(operand, list):
            keys = frozenset(vocab.strings.add(v) for v in operand)
            if operator == "IN":
                return column, keys.__contains__
            return column, lambda value: value not in keys
        if operator == "REGEX" and isinstance(operand, str):
            pattern, strings, seen = re.compile(operand), vocab.strings, {}

            def search(value: int) -> bool:
                if value not in seen:
                    seen[value] = pattern.search(strings[value]) is not None
                return seen[value]

            return column, search
    raise UnsupportedRule(f"{name} {spec!r}")


def _index_keys(first: dict, vocab: Vocab) -> list[tuple[int, int]]:
    """Where to file a rule: the values of its first token's most selective equality or IN test, else
    under the wildcard key (-1, 0) that every token tries."""
    for name in INDEX_ORDER:
        spec = first.get(name)
        if isinstance(spec, bool):
            return [(TESTED[name], int(spec))]
        if isinstance(spec, str):
            return [(TESTED[name], vocab.strings.add(spec))]
        if isinstance(spec, dict) and list(spec) == ["IN"]:
            return [(TESTED[name], vocab.strings.add(v)) for v in spec["IN"]]
    return [(-1, 0)]


class TableAttributeRuler:
    """Applies compiled attribute rules to a Doc: what spaCy's attribute_ruler does, by lookup.

    A one-token rule's effect depends only on the token's tested and current values, so the result for
    each distinct combination is worked out once and remembered; rules over several tokens are checked
    at every position, and a token they reach is worked out again with all its rules in order."""

    MEMO = 200_000  # distinct token value combinations remembered

    def __init__(self, rules: CompiledRules) -> None:
        self.use(rules)

    def use(self, rules: CompiledRules) -> None:
        """Apply these rules from now on (what was remembered under others is dropped)."""
        self.rules = rules
        self._memo: dict[tuple[int, ...], list[int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(TESTED_COLUMNS + SET_COLUMNS).tolist()
        memo = self._memo
        if len(memo) > self.MEMO:
            memo.clear()
        out = []
        for i, row in enumerate(rows):
            key = tuple(row)
            result = memo.get(key)
            if result is None:
                result = memo[key] = _applied(row, _matching(self.rules.single, rows, i))
            out.append(result)
        if self.rules.multi:
            reached: dict[int, list[Rule]] = {}
            for start in range(len(rows)):
                for rule in _matching(self.rules.multi, rows, start):
                    reached.setdefault(start + rule.target, []).append(rule)
            for target, rules in reached.items():
                out[target] = _applied(rows[target], [*_matching(self.rules.single, rows, target), *rules])
        doc.from_array(SET_COLUMNS, numpy.array(out, dtype="uint64"))
        return doc


def _matching(filed: Filed, rows: list[list[int]], start: int) -> list[Rule]:
    """The rules filed under the values of token `start` (or the wildcard) whose tokens match from there."""
    row = rows[start]
    candidates = [
        *filed.get((0, row[0]), ()),
        *filed.get((1, row[1]), ()),
        *filed.get((2, row[2]), ()),
        *filed.get((3, row[3]), ()),
        *filed.get((-1, 0), ()),
    ]
    found = []
    for rule in candidates:
        tokens = rule.tokens
        if start + len(tokens) > len(rows):
            continue
        if all(check(rows[start + k][column]) for k, token in enumerate(tokens) for column, check in token):
            found.append(rule)
    return found


def _applied(row: list[int], rules: list[Rule]) -> list[int]:
    """The values of SET_COLUMNS after the rules, later rules winning as in spaCy."""
    values = row[len(TESTED_COLUMNS) :]
    for rule in sorted(rules, key=lambda r: r.number):
        for column, value in rule.values:
            values[column] = value
    return values


@Language.factory(
    "detente_attribute_ruler",
    assigns=["token.pos", "token.tag", "token.dep", "token.lemma", "token.morph"],
    requires=["token.tag", "token.dep"],
)
def make_table_attribute_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    """Made empty; `use_table_attribute_ruler` fills it with the rules of the model's attribute_ruler."""
    return TableAttributeRuler(CompiledRules({}, {}))


def use_table_attribute_ruler(nlp: Language) -> bool:
    """Put the table version of the model's attribute_ruler in its place; returns False (and leaves
    spaCy's) when the model has none or one of its rules is beyond the table version."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe("attribute_ruler")
    try:
        rules = compile_rules(stock.patterns, stock.attrs, stock.indices, nlp.vocab)
    except UnsupportedRule:
        return False
    table = nlp.add_pipe("detente_attribute_ruler", before="attribute_ruler")
    table.use(rules)
    nlp.remove_pipe("attribute_ruler")
    return True
