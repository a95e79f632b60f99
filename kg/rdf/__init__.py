"""Records to RDF: IRIs minted in one place (iris), records mapped to graphs (mapping), graphs
written and read (serialize), and the ontology's own checks (ontology: HermiT, SHACL).

Imports rdflib and pyoxigraph, never spaCy; it reads records, not Docs.
"""
