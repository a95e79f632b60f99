"""Triple stores kg writes documents' graphs into and asks questions of.

``open_store`` picks the backend: the embedded pyoxigraph store in a folder (the default)
or a SPARQL 1.1 server.  Backends are imported only when opened.  The shipped questions
(queries) and the store's counts (stats) live here too.  Imports pyoxigraph and rdflib, never spaCy.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.settings import DEFAULT_STORE_DIR

if TYPE_CHECKING:
    from kg.store.embedded import EmbeddedStore
    from kg.store.remote import Auth, RemoteStore

__all__ = ["open_store"]


def open_store(
    *,
    store_dir: str | os.PathLike[str] | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    auth: Auth | None = None,
    read_only: bool = False,
    timeout: float | None = None,
) -> EmbeddedStore | RemoteStore:
    """The embedded store in ``store_dir`` (default ``./kg-store``), or the SPARQL server
    whose query endpoint is ``endpoint`` (with its update and graph store endpoints);
    ``timeout`` bounds each request to it, in seconds (default ``DEFAULT_TIMEOUT``).

    >>> open_store(endpoint="http://127.0.0.1:7878/query", update_endpoint="http://127.0.0.1:7878/update")
    RemoteStore('http://127.0.0.1:7878/query', update_url='http://127.0.0.1:7878/update', \
graph_store_url=None, auth=None)
    """
    remote_only = {"update_endpoint": update_endpoint, "graph_store": graph_store, "auth": auth}
    if endpoint is None:
        given = [name for name, value in remote_only.items() if value is not None]
        if given:
            raise KgError(f"{', '.join(given)} given without a query endpoint")
        from kg.store.embedded import EmbeddedStore

        return EmbeddedStore(store_dir if store_dir is not None else DEFAULT_STORE_DIR,
                             read_only=read_only)
    if store_dir is not None:
        raise KgError("use either a store folder or an endpoint, not both")
    from kg.store.remote import DEFAULT_TIMEOUT, RemoteStore

    return RemoteStore(endpoint, update_url=update_endpoint, graph_store_url=graph_store,
                       auth=auth, timeout=DEFAULT_TIMEOUT if timeout is None else timeout)
