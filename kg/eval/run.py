"""``kg eval``: extract the gold passages, ask the shipped questions, score the rows.

Scores come from the rows of ``mediations.rq``, ``roles.rq`` and ``meetings.rq``, the
same rows a user sees, so the figures measure kg end to end.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.eval.score import EvalReport, group_rows, load_gold, score
from kg.records import Article
from kg.settings import Settings

SCORED_QUERIES = ("mediations", "roles", "meetings")


def run_evaluation(gold_path: str, *, settings: Settings | None = None) -> EvalReport:
    """Extract every gold passage with kg and score the shipped queries' rows."""
    from kg.api import _nlp
    from kg.pipeline import extract_stream
    from kg.rdf.mapping import records_to_graph
    from kg.rdf.serialize import to_quads
    from kg.store.queries import load_query, run_query

    settings = settings or Settings()
    gold = load_gold(gold_path)
    articles = [Article(id=doc.id, text=doc.text, published=doc.published) for doc in gold]
    store = ox.Store()
    for records in extract_stream(articles, nlp=_nlp(settings.model), batch_size=settings.batch_size):
        store.extend(to_quads(records_to_graph(records, settings)))
    rows = {name: run_query(load_query(name), store).rows for name in SCORED_QUERIES}
    return score(gold, group_rows(**rows))  # countries through kg's gazetteer (the default)

