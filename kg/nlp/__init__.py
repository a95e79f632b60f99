"""spaCy components of kg; importing this package registers them (no model loads here)."""

from kg.nlp import gazetteer, paragraphs, triggers

__all__ = ["gazetteer", "paragraphs", "triggers"]
