"""Package data of kg (installed as kg.ontology)."""
