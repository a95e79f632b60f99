"""Which country's government publishes an article, from its address.

A government's own release speaks of its office-holders without naming the country: on GOV.UK
"The Prime Minister met President X" is the UK's prime minister, on state.gov "the Secretary"
the US Secretary of State (kg.nlp.references decides which offices).  ``publishers.tsv`` lists
such sites; a host under a government's second-level domain (``.gov.XX``, ``.gouv.XX``,
``.gob.XX``, ``.go.XX``, ``.gv.XX``) or under ``.gov`` (the United States) says its country itself.
News sites, a state broadcaster's included, report on every country and give none.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from kg.reference import read_table

TABLE = "publishers.tsv"
# Second-level domains under a country code that only governments use.
GOVERNMENT_LABELS = frozenset({"gov", "gouv", "gob", "go", "gv", "govt"})
# Country-code domains that are not the country's ISO alpha-2 code.
CCTLD_CODES = {"uk": "GB"}


@cache
def _hosts() -> dict[str, str]:
    rows = (line.split("\t") for line in read_table(TABLE).splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("host\t"))
    return {host.lower(): country for host, country in rows}


def publisher_country(url: str | None) -> str | None:
    """The alpha-3 code of the country whose government publishes at ``url``, else None."""
    from kg.reference.gazetteer import country_by_code

    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".").lower()
    except ValueError:  # not an address
        return None
    labels = host.split(".")
    hosts = _hosts()
    for start in range(len(labels) - 1):  # the host, then each domain above it
        country = hosts.get(".".join(labels[start:]))
        if country is not None:
            return country
    if labels[-1] in {"gov", "mil"}:
        return "USA"
    if len(labels) >= 3 and labels[-2] in GOVERNMENT_LABELS and len(labels[-1]) == 2:
        entry = country_by_code(CCTLD_CODES.get(labels[-1], labels[-1]))
        return entry.alpha3 if entry is not None else None
    return None
