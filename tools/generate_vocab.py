"""Print a fresh kg/vocab.py from ontology/kg.ttl: ``python tools/generate_vocab.py vocab > kg/vocab.py``.

A developer's tool, kept out of the package: only kg.cli writes to the terminal.
"""

from __future__ import annotations

import sys

from kg.rdf.ontology import generate_vocab_source


def main(argv: list[str] | None = None) -> int:
    """Write the generated module to stdout; ``vocab`` is the only command."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["vocab"]:
        sys.stderr.write("usage: python tools/generate_vocab.py vocab > kg/vocab.py\n")
        return 2
    sys.stdout.write(generate_vocab_source())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
