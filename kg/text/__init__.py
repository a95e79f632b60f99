"""The text stage, before any parse: wire copies (the same or nearly the same article) found by
normalised hashes and MinHash, so a copy is linked instead of extracted twice.

Imports neither spaCy nor an RDF library.
"""
