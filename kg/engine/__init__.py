"""The extraction engine: the corpus cut into partitions, each run anywhere, the output assembled in order.

- :mod:`kg.engine.work`: the pure per-document function (article in, N-Quads out) every path runs,
  and the per-document time budget;
- :mod:`kg.engine.plan`: the input read as a stream and cut into partitions; wire copies found
  on the way (they are not sent to workers);
- :mod:`kg.engine.journal`: the run journal that makes a killed run resumable;
- :mod:`kg.engine.executors`: where partitions run: this process, local worker processes that
  die with their parent, or a Dask cluster (:mod:`kg.engine.cluster`, imported only for ``--scheduler``);
- :mod:`kg.engine.environ`: the environment the processes kg starts to parse in begin with;
- :mod:`kg.engine.run`: the loop that keeps a bounded number of partitions in flight and writes
  each finished one, in input order, to the output file, the store and the journal.

Imports spaCy only inside the worker function and Dask only in :mod:`kg.engine.cluster`.
"""
