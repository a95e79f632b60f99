"""Words of acting together made with "co-": "co-hosted", "co-chaired", "co-mediators".

spaCy's tokenizer splits "co-hosted" in three ("co", "-", "hosted") and the small model
then parses the sentence wrongly ("Norway and Kenya co-hosted talks" as one noun phrase), so
neither the host nor the talks' sides are found.  :func:`keep_co_words` keeps the words of
``patterns/co_words.tsv`` one token (tokenizer special cases), and the ``kg_co_words``
component, run after the lemmatizer, gives each the lemma of the word it is made from: a
co-host hosts, so every rule about hosting, chairing or mediating reads it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.attrs import LOWER  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import ORTH  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.tokens import Doc

CO_WORDS_FILE = "co_words.tsv"


@lru_cache(maxsize=1)
def co_words() -> dict[str, str]:
    """Each "co-" word (lower case) and the lemma of the word it is made from."""
    source = resources.files("kg.nlp") / "patterns" / CO_WORDS_FILE
    out: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("form\t"):
            continue
        form, lemma = line.split("\t")
        out[form] = lemma
    return out


def keep_co_words(nlp: Language) -> None:
    """Keep each "co-" word one token, in lower case and capitalised (a pipeline whose
    tokenizer is no spaCy Tokenizer is left as it is)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for form in co_words():
        for spelling in (form, form[:1].upper() + form[1:]):
            tokenizer.add_special_case(spelling, [{ORTH: spelling}])


@lru_cache(maxsize=1)
def _co_word_ids() -> dict[int, str]:
    """co_words() keyed by the hash of the lower-case form, as Doc.to_array gives it."""
    return {get_string_id(form): lemma for form, lemma in co_words().items()}


@Language.component("kg_co_words", assigns=["token.lemma"])
def co_word_lemmas(doc: Doc) -> Doc:
    # The lower-case forms all at once: a Token object is made only for a "co-" word.
    words = _co_word_ids()
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        lemma = words.get(lower)
        if lemma is not None:
            doc[i].lemma_ = lemma
    return doc
