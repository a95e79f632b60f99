"""Package data of kg (installed as kg.examples)."""
