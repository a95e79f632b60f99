"""The language layer, text -> Doc -> records: spaCy components (gazetteer, triggers, coref,
paragraphs, "co-" words, the indexed attribute ruler and lemmatizer; importing this package
registers them, no model loads here), the rules that read a parsed Doc (entities, roles,
references, events, mediation, actors, dates) and ``extraction.extract_records``, a pure function
from one Doc to typed records.

Imports spaCy and kg.reference; never rdflib or pyoxigraph.
"""

from kg.nlp import attributes, coref, cowords, gazetteer, paragraphs, triggers

__all__ = ["attributes", "coref", "cowords", "gazetteer", "paragraphs", "triggers"]
