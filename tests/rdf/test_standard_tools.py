"""kg's RDF files read by a standard tool that is not kg's own: Raptor's ``rapper``
(Debian's raptor2-utils, which .ci/run installs) parses each format kg writes and counts
the same triples kg wrote."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings

RAPPER = shutil.which("rapper")
pytestmark = pytest.mark.skipif(RAPPER is None, reason="rapper is not installed (Debian: apt-get install "
                                "raptor2-utils; .ci/run installs it)")

# kg's output extension -> rapper's name for the syntax
SYNTAXES = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}


@pytest.mark.parametrize("suffix", sorted(SYNTAXES))
def test_rapper_reads_every_triple_kg_writes(golden_records, tmp_path, suffix):
    graphs = [records_to_graph(r, Settings()) for r in golden_records.values()]
    path = tmp_path / f"golden{suffix}"
    writer = write_graphs(graphs, path)
    done = subprocess.run([RAPPER, "-i", SYNTAXES[suffix], "-c", str(path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    counted = re.search(r"returned (\d+) triples", done.stderr)
    assert counted is not None, done.stderr
    assert int(counted.group(1)) == writer.triples == sum(len(g) for g in graphs)
