"""The ``kg_coref`` component: who each mention of a person refers to, within one document.

No maintained coreference model for English installs from the registries kg can use, so
kg resolves the frequent cases of news by rule (``kg.nlp.entities``, ``kg.nlp.roles``,
``kg.nlp.references``): full names and their variants, surnames, titles used as names
("the Belarusian leader"), counterparts, apposed titles, and pronouns in simple cases.

``kg.nlp.extraction`` applies these rules itself; this component exposes the same result to
spaCy users: ``doc.spans["kg_coref"]`` holds every person mention, each span's ``id_``
the person's document-local key (one key, one person) and its ``label_`` how the mention
was recognised (name, title, pronoun, counterpart, apposition).  Add it after
``kg_triggers`` with ``nlp.add_pipe("kg_coref")``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.entities import DocIndex, index_entities
from kg.nlp.references import resolve_references
from kg.nlp.roles import RoleFinding, apply_roles, find_roles, find_told_roles

COREF_KEY = "kg_coref"


def person_index(doc: Doc, *, home: str | None = None) -> tuple[DocIndex, list[RoleFinding]]:
    """The entity index of a Doc with people merged, roles applied and references resolved,
    and the role findings it was built with; ``home`` is the country whose government published
    the document, if one did."""
    index = index_entities(doc)
    findings = find_roles(index)
    apply_roles(index, findings)
    told = find_told_roles(index, findings)
    apply_roles(index, told)
    findings += told
    resolve_references(index, findings, home=home)
    return index, findings


def coref_spans(doc: Doc) -> list[Span]:
    """Every person mention, as spans whose ``id_`` names the person they refer to."""
    index, _ = person_index(doc)
    return [Span(doc, m.start, m.end, label=m.via, span_id=m.ref.key)
            for m in index.mentions if m.ref.kind == "person"]


@Language.component("kg_coref", requires=["doc.ents", "doc.spans"], assigns=["doc.spans"])
def mark_coreference(doc: Doc) -> Doc:
    doc.spans[COREF_KEY] = coref_spans(doc)
    return doc
