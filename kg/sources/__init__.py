"""Readers of other event data (GDELT 2.0 events), turned into graphs in kg's vocabulary so they
merge with kg's own output.

Reads kg.reference's tables and writes through kg.rdf; never imports spaCy.
"""
