"""Deterministic IRIs for every kind of node kg writes: the only place IRIs are minted.

Every IRI sits under a base IRI (``Settings.base_iri``) and is built from normalised keys,
never from raw surface text, so the same input always gives the same IRI.  The scheme is the
table in ``docs/ARCHITECTURE.md``; ``D`` below is ``h8(article id)``.

>>> person_iri("bbc-2024-001", "Recep Tayyip Erdoğan")
rdflib.term.URIRef('https://w3id.org/kg-news/id/person/431d8bd9/recep-tayyip-erdogan')
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from kg.settings import DEFAULT_BASE_IRI
from kg.text.fold import fold

SLUG_MAX_LENGTH = 60
"""Longest slug; a longer one is cut and ends with the hash of the whole text."""

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ALPHA3 = re.compile(r"^[A-Za-z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
# Characters that may not appear in an IRI reference (RFC 3987) and so must be escaped.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


@lru_cache(maxsize=1 << 12)  # a document id is hashed for each of its nodes
def h8(text: str) -> str:
    """The first 8 hex digits of the SHA-256 of ``text`` in UTF-8.

    >>> h8("abc")
    'ba7816bf'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def name_key(text: str) -> str:
    """A name as kg matches it: transliterated and case-folded (``kg.text.fold``, the one folding
    kg uses everywhere), spaces collapsed.

    Written beside every name (``kg:nameKey``) when a graph is built, and applied to the
    name a question is asked about, so a look-up by name is an exact match the store's
    indexes answer rather than a comparison with every label.

    >>> name_key("  Tomás   IBARRA ")
    'tomas ibarra'
    >>> name_key("Straße") == name_key("STRASSE") == name_key("Strasse")
    True
    """
    return " ".join(fold(text).split())


@lru_cache(maxsize=1 << 12)  # keys, titles and ids repeat within and across documents
def slug(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """A lower-case ASCII slug of ``text``: letters, digits and single hyphens.

    Letters are transliterated by :func:`kg.text.fold.to_ascii` (anyascii), the one folding
    kg uses for IRIs, keys and matching.  The result is never empty: text with no letters or
    digits left becomes its ``h8`` hash.  A slug longer than
    ``max_length`` is cut and given the hash of the whole text, so long keys that share a
    beginning still get different slugs.

    >>> slug("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    >>> slug("  Łódź / Kraków!  ")
    'lodz-krakow'
    >>> slug("Børge Brende"), slug("Владимир Путин")
    ('borge-brende', 'vladimir-putin')
    >>> slug("…")
    'b4935894'
    >>> slug("United Nations Office for the Coordination of Humanitarian Affairs", 30)
    'united-nations-office-a1e17ac9'
    """
    result = _NON_ALNUM.sub("-", fold(text)).strip("-")
    if not result:
        return h8(text)
    if len(result) > max_length:
        suffix = "-" + h8(text)
        result = result[: max(1, max_length - len(suffix))].rstrip("-") + suffix
    return result


def _base(base: str) -> str:
    """The base IRI with a trailing separator, so ``base + path`` is always well-formed."""
    if not base:
        raise ValueError("the base IRI is empty")
    return base if base.endswith(("/", "#")) else base + "/"


def _iri(base: str, path: str) -> URIRef:
    return URIRef(_base(base) + path)


def document_iri(article_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The document node, which also names the document's graph: ``doc/{slug(id)}-{D}``.

    >>> document_iri("bbc-2024-001")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/doc/bbc-2024-001-431d8bd9')
    """
    return _iri(base, f"doc/{slug(article_id)}-{h8(article_id)}")


def source_iri(article_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The source document kg read (the article's text): ``source/{slug(id)}-{D}``.

    >>> source_iri("bbc-2024-001")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/source/bbc-2024-001-431d8bd9')
    """
    return _iri(base, f"source/{slug(article_id)}-{h8(article_id)}")


def extraction_iri(article_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The extraction activity that generated one document's graph: ``extraction/{D}``.

    >>> extraction_iri("bbc-2024-001")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/extraction/431d8bd9')
    """
    return _iri(base, f"extraction/{h8(article_id)}")


def agent_iri(name: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """A software agent (kg itself, a language model) by name and version: ``agent/{slug(name)}``.

    >>> agent_iri("en_core_web_sm 3.8.0")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/agent/en-core-web-sm-3-8-0')
    """
    return _iri(base, f"agent/{slug(name)}")


def person_iri(doc_id: str, key: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """A person, local to one document: ``person/{D}/{slug(key)}``.

    >>> person_iri("doc-1", "Ana Castillo", "https://example.org/id")
    rdflib.term.URIRef('https://example.org/id/person/bb0e4f49/ana-castillo')
    """
    return _iri(base, f"person/{h8(doc_id)}/{slug(key)}")


def country_iri(alpha3: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """A country, shared by all documents: ``country/{ISO 3166 alpha-3}``.

    >>> country_iri("nor")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/country/NOR')
    >>> country_iri("Norway")
    Traceback (most recent call last):
    ...
    ValueError: not an ISO 3166 alpha-3 code: 'Norway'
    """
    if not _ALPHA3.match(alpha3):
        raise ValueError(f"not an ISO 3166 alpha-3 code: {alpha3!r}")
    return _iri(base, f"country/{alpha3.upper()}")


def org_iri(doc_id: str, key: str, has_wikidata: bool, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """An organisation: shared (``org/{slug(key)}``) when the tables give it a Wikidata ID,
    else local to the document (``org/{D}/{slug(key)}``).

    >>> org_iri("doc-1", "United Nations", True)
    rdflib.term.URIRef('https://w3id.org/kg-news/id/org/united-nations')
    >>> org_iri("doc-1", "Southern Front", False)
    rdflib.term.URIRef('https://w3id.org/kg-news/id/org/bb0e4f49/southern-front')
    """
    if has_wikidata:
        return _iri(base, f"org/{slug(key)}")
    return _iri(base, f"org/{h8(doc_id)}/{slug(key)}")


@lru_cache(maxsize=1 << 12)  # a pure function of its arguments and the (fixed) tables
def place_iri(key: str, base: str = DEFAULT_BASE_IRI, *, name: str | None = None,
              country: str | None = None) -> URIRef:
    """A place that is not a country, shared by all documents and sources.

    A city or region of the places table is keyed by its GeoNames id,
    ``place/{slug(key)}-{geonameid}``, so two places with one name never share a node; a
    capital in its own country is ``place/{slug(key)}``; any other place whose country is
    known is ``place/{slug(key)}-{alpha-3}`` ("Tripoli, Lebanon" is not Libya's capital);
    else ``place/{slug(key)}``.  ``name`` is the name as written (``key`` by default),
    ``country`` the ISO alpha-3 code the document or source gives it.

    >>> place_iri("Oslo", country="NOR")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/place/oslo')
    >>> place_iri("Tripoli", country="LBN")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/place/tripoli-lbn')
    >>> place_iri("São Paulo")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/place/sao-paulo-3448439')
    """
    from kg.reference import gazetteer

    written = name or key
    code = country.upper() if country else None
    entry = gazetteer.lookup_place(written) or gazetteer.lookup_place(gazetteer.canonical_place_name(written))
    if entry is not None and entry.geonameid and code in (None, entry.alpha3):
        return _iri(base, f"place/{slug(key)}-{entry.geonameid}")
    capital = gazetteer.lookup_country(written, allow_codes=False) or gazetteer.lookup_country(key, allow_codes=False)
    if code is None or (capital is not None and capital.via == "capital" and capital.entry.alpha3 == code):
        return _iri(base, f"place/{slug(key)}")
    return _iri(base, f"place/{slug(key)}-{code.lower()}")


def role_iri(title: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """A role (a title such as "Foreign Minister"), shared by all documents: ``role/{slug}``.

    >>> role_iri("Foreign Minister")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/role/foreign-minister')
    """
    return _iri(base, f"role/{slug(title)}")


def role_holding_iri(
    doc_id: str,
    person_key: str,
    title: str,
    of: str | None,
    qualifier: str,
    base: str = DEFAULT_BASE_IRI,
) -> URIRef:
    """One person holding one role: ``roleholding/{D}/{h8(person, title, of, qualifier)}``.

    ``of`` names what the role is of, as a kind-prefixed key ("country:NOR",
    "organization:united nations", "person:ana castillo") or None; the four parts are
    hashed joined by U+001F, so no two different tuples share a hash input.

    >>> role_holding_iri("doc-1", "ana castillo", "Special Envoy", "country:NOR", "current")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/roleholding/bb0e4f49/d21790a4')
    """
    parts = "\x1f".join((person_key, title, of or "", qualifier))
    return _iri(base, f"roleholding/{h8(doc_id)}/{h8(parts)}")


def event_iri(doc_id: str, key: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """An event (meeting, talks, call, visit, statement, mediation): ``event/{D}/{slug(key)}``.

    >>> event_iri("doc-1", "talks-1")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/event/bb0e4f49/talks-1')
    """
    return _iri(base, f"event/{h8(doc_id)}/{slug(key)}")


def frame_iri(doc_id: str, key: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """A document's dispute or negotiation frame: ``frame/{D}/{slug(key)}``.

    >>> frame_iri("doc-1", "frame-0-1")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/frame/bb0e4f49/frame-0-1')
    """
    return _iri(base, f"frame/{h8(doc_id)}/{slug(key)}")


def mention_iri(doc_id: str, begin: int, end: int, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """An evidence span of the document's text: ``mention/{D}/{begin}-{end}``.

    >>> mention_iri("doc-1", 0, 12)
    rdflib.term.URIRef('https://w3id.org/kg-news/id/mention/bb0e4f49/0-12')
    """
    return URIRef(mention_prefix(doc_id, base) + span_path(begin, end))


def mention_prefix(doc_id: str, base: str = DEFAULT_BASE_IRI) -> str:
    """What every mention IRI of the document starts with (:func:`mention_iri` is this and
    :func:`span_path`), for writers that make many of one document's mentions."""
    return f"{_base(base)}mention/{h8(doc_id)}/"


def span_path(begin: int, end: int) -> str:
    """The last step of a mention IRI, ``{begin}-{end}``; raises ValueError for no span."""
    if begin < 0 or end < begin:
        raise ValueError(f"not a span: {begin}-{end}")
    return f"{begin}-{end}"


def row_mention_iri(doc_id: str, row_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The evidence of one row of a structured source (a GDELT event), which has no text
    span: ``mention/{D}/gdelt-{row id}``.

    >>> row_mention_iri("gdelt-1", "1036500001")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/mention/4b945ae2/gdelt-1036500001')
    """
    return _iri(base, f"mention/{h8(doc_id)}/gdelt-{slug(row_id)}")


IRI_PREFIXES: dict[str, str] = {
    "doc": "doc/",
    "sourcedoc": "source/",
    "extraction": "extraction/",
    "agent": "agent/",
    "person": "person/",
    "country": "country/",
    "organization": "org/",
    "place": "place/",
    "office": "role/",
    "holding": "roleholding/",
    "event": "event/",
    "mention": "mention/",
}
"""Turtle prefixes for the paths above (the name -> the path under the base IRI)."""


def prefixes(base: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """The prefixes of kg's own IRIs under ``base``, and ``wd:`` for Wikidata, for writers.

    >>> prefixes("https://example.org/id")["person"]
    'https://example.org/id/person/'
    """
    return {name: _base(base) + path for name, path in IRI_PREFIXES.items()} | {"wd": WIKIDATA_ENTITY}


# -- the merge's nodes ---------------------------------------------------------------------
# Returned as plain strings: the merge works on pyoxigraph terms, and an rdflib URIRef
# neither equals nor hashes like the same text.


def links_graph_iri(base: str = DEFAULT_BASE_IRI) -> str:
    """The graph kg merge writes its links into: ``graph/links``.

    >>> links_graph_iri("https://w3id.org/kg-news/id/")
    'https://w3id.org/kg-news/id/graph/links'
    """
    return _base(base) + "graph/links"


def canonical_entity_iri(base: str, kind: str, label: str, first_member: str) -> str:
    """A canonical person or organisation: ``canonical/{kind}/{slug(label)}-{h8(first member)}``.

    >>> canonical_entity_iri("https://example.org/id/", "person", "Volodymyr Zelensky", "x")
    'https://example.org/id/canonical/person/volodymyr-zelensky-2d711642'
    """
    return f"{_base(base)}canonical/{kind}/{slug(label)}-{h8(first_member)}"


def canonical_event_iri(base: str, kind: str, day: str | None, first_member: str) -> str:
    """A canonical event, one however many report it:
    ``canonical/event/{slug(kind)}-{date or "undated"}-{h8(first member)}``.

    >>> canonical_event_iri("https://example.org/id/", "meeting", "2024-03-04", "x")
    'https://example.org/id/canonical/event/meeting-2024-03-04-2d711642'
    """
    return f"{_base(base)}canonical/event/{slug(kind)}-{day or 'undated'}-{h8(first_member)}"


def link_iri(base: str, relation: str, subject: str, obj: str) -> str:
    """An identity link node, ``link/{h16(relation, subject, object)}``: 64 bits of hash, as
    there may be millions."""
    digest = hashlib.sha256("\x1f".join((relation, subject, obj)).encode("utf-8")).hexdigest()
    return f"{_base(base)}link/{digest[:16]}"


def wikidata_iri(qid: str) -> URIRef:
    """The Wikidata entity for a Q-identifier (a link to theirs, not a kg IRI).

    >>> wikidata_iri("Q20")
    rdflib.term.URIRef('http://www.wikidata.org/entity/Q20')
    """
    if not _QID.match(qid):
        raise ValueError(f"not a Wikidata Q-identifier: {qid!r}")
    return URIRef(WIKIDATA_ENTITY + qid)


def url_iri(url: str) -> URIRef | None:
    """A document URL as an IRI, escaping characters IRIs may not hold; None if not absolute.

    >>> url_iri("https://example.org/news/a b?x=<1>")
    rdflib.term.URIRef('https://example.org/news/a%20b?x=%3C1%3E')
    >>> url_iri("news/a.html") is None
    True
    """
    url = url.strip()
    parts = urlsplit(url)
    if not parts.scheme or not (parts.netloc or parts.path):
        return None
    return URIRef(quote(url, safe=_URL_SAFE))
