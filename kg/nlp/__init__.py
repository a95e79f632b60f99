"""spaCy components of kg (imported by kg.pipeline.load_nlp; no model loads here)."""
