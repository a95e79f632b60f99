"""``kg serve`` and ``kg viz``: a local web view of the graph and a read-only SPARQL endpoint.

Starlette serves the pages (Jinja2 templates, Cytoscape.js vendored under static/vendor) and
the SPARQL 1.1 Protocol endpoint; queries run in pyoxigraph in this process, in worker
threads with a deadline.  The pages are built from the shipped questions (kg.store.queries),
so a page and ``kg query`` give the same rows.  Imports pyoxigraph, rdflib, starlette and
jinja2 (the ``kg[web]`` extra), never spaCy; prints nothing (kg.cli does).
"""
