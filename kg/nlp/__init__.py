"""spaCy components of kg; importing this package registers them (no model loads here)."""

from kg.nlp import coref, gazetteer, paragraphs, triggers

__all__ = ["coref", "gazetteer", "paragraphs", "triggers"]
