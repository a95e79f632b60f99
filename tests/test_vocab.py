"""kg/vocab.py, ontology/kg.ttl and every ``KG.<term>`` in kg's sources agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.rdf import ontology as ontology_tools
from kg.vocab import KG, ONTOLOGY_IRI
from tools import generate_vocab

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "kg"
# KG.name and KG["name"]; private DefinedNamespace attributes (_NS, _fail) are not terms.
KG_ATTRIBUTE = re.compile(r"\bKG\.([A-Za-z][A-Za-z0-9_]*)")
KG_ITEM = re.compile(r"""\bKG\[\s*["']([A-Za-z][A-Za-z0-9_]*)["']\s*\]""")


@pytest.fixture(scope="module")
def ontology_terms() -> set[str]:
    return set(ontology_tools.declared_terms(ontology_tools.load_ontology_graph(False)))


def vocab_terms(namespace_class: type) -> set[str]:
    return {name for name in namespace_class.__annotations__ if not name.startswith("_")}


def test_vocab_terms_are_declared_in_ontology(ontology_terms):
    missing = sorted(vocab_terms(KG) - ontology_terms)
    assert not missing, f"in kg/vocab.py but not declared in ontology/kg.ttl: {missing}"


def test_vocab_lists_every_ontology_term(ontology_terms):
    missing = sorted(ontology_terms - vocab_terms(KG))
    assert not missing, f"declared in ontology/kg.ttl but missing from kg/vocab.py: {missing}"


def test_vocab_namespace_is_the_ontology_namespace():
    assert KG.Mediation == URIRef(ONTOLOGY_IRI + "#Mediation")
    assert str(KG._NS) == ONTOLOGY_IRI + "#"


def test_vocab_rejects_unknown_terms():
    with pytest.raises(AttributeError):
        KG.Mediaton  # noqa: B018 - the misspelling is the point


def test_vocab_kg_usages_in_sources_exist_in_ontology(ontology_terms):
    unknown = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in (KG_ATTRIBUTE, KG_ITEM):
            for match in pattern.finditer(text):
                if match.group(1) not in ontology_terms:
                    line = text.count("\n", 0, match.start()) + 1
                    where = path.relative_to(PACKAGE_DIR.parent)
                    unknown.append(f"{where}:{line}: KG.{match.group(1)}")
    assert not unknown, "terms used in kg/ but not declared in ontology/kg.ttl:\n" + "\n".join(
        unknown
    )


def test_vocab_generated_source_has_the_same_terms():
    source = ontology_tools.generate_vocab_source()
    namespace: dict[str, object] = {}
    exec(compile(source, "generated_vocab.py", "exec"), namespace)  # noqa: S102 - our own text
    generated = namespace["KG"]
    assert vocab_terms(generated) == vocab_terms(KG)
    assert namespace["ONTOLOGY_IRI"] == ONTOLOGY_IRI
    assert generated._fail is True


def test_vocab_main_prints_the_generated_source(capsys):
    assert generate_vocab.main(["vocab"]) == 0
    assert capsys.readouterr().out == ontology_tools.generate_vocab_source()


def test_vocab_main_rejects_unknown_commands(capsys):
    assert generate_vocab.main(["nonsense"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "usage" in captured.err
