"""Read articles (text files, directories, JSONL, stdin) and clean away boilerplate."""

from detente.articles.clean import clean_text, dateline_place
from detente.articles.read import Reject, read_articles

__all__ = ["Reject", "clean_text", "dateline_place", "read_articles"]
