"""The ``kg`` command: thin typer wrappers around kg's library functions, one module per command group.

This package is the only part of kg that reads the environment or writes to the terminal.
Errors kg expects (bad input, unknown query) print one line and exit non-zero, no traceback.
"""

from __future__ import annotations

import logging
import os
import sys

# isort: off
# Each module registers its commands on the app; the order here is the order of `kg --help`.
from kg.cli import extract, query, store, check, evaluate, serve  # noqa: F401
# isort: on
from kg.cli.app import _err, app
from kg.cli.merge import register as register_merge
from kg.errors import InputError, KgError

register_merge(app)


def main() -> None:
    """Entry point: run the app, turning kg's own errors into one line on stderr."""
    logging.basicConfig(level=os.environ.get("KG_LOG_LEVEL", "WARNING"), format="%(levelname)s %(message)s")
    try:
        app()
    except KgError as error:
        _err(str(error) if isinstance(error, InputError) else f"kg: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("kg: interrupted")
        sys.exit(130)
    except SystemExit as exiting:
        # typer turns Ctrl-C into exit status 130 before we see the KeyboardInterrupt.
        if exiting.code == 130:
            _err("kg: interrupted; no output was written")
        raise


if __name__ == "__main__":
    main()
