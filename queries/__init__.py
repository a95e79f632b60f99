"""Package data of kg (installed as kg.query_files)."""
