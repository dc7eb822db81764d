"""The spaCy stage: load the English model once and split articles into parsed sentences."""

from detente.sentences.pipeline import MODEL_NAME, build_parser, load_parser

__all__ = ["MODEL_NAME", "build_parser", "load_parser"]
