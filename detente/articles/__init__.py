"""Read articles (text, HTML pages, feeds, JSON lines, CSV, Parquet; files, directories, stdin) and clean away
boilerplate."""

from detente.articles.clean import clean_text, dateline_place
from detente.articles.columns import Columns
from detente.articles.read import Duplicate, Reject, Row, read_articles, read_path

__all__ = ["Columns", "Duplicate", "Reject", "Row", "clean_text", "dateline_place", "read_articles", "read_path"]
