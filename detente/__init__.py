"""detente: code international news into PLOVER events and a ledger of relations between countries."""

import logging

from detente.coder import code_article, code_articles, load_pipeline
from detente.model import Article, Entity, Event
from detente.schema import events_table

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Article", "Entity", "Event", "code_article", "code_articles", "events_table", "load_pipeline"]
__version__ = "0.1.0"
