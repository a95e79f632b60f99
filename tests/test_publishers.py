"""Which government publishes an article, from its address (kg.reference.publishers)."""

from __future__ import annotations

import pytest

from kg.reference.publishers import publisher_country


@pytest.mark.parametrize(("url", "country"), [
    ("https://www.gov.uk/government/news/a-meeting", "GBR"),  # a row of the table
    ("https://en.kremlin.ru/events/president/news/1", "RUS"),  # a sub-domain of a row
    ("https://www.state.gov/readout", "USA"),  # under .gov
    ("https://www.dfat.gov.au/news/media-release", "AUS"),  # a government's second-level domain
    ("https://www.diplomatie.gouv.fr/en/", "FRA"),
    ("https://www.cancilleria.gob.mx/", "MEX"),
    ("https://www.mfa.go.th/en/content/1", "THA"),
    ("https://www.gov.uk.example.com/fake", None),  # the government's name is not the domain
    ("https://www.voanews.com/a/talks", None),  # a news site, a state broadcaster's included
    ("https://www.example.gov.zz/", None),  # no such country code
    ("www.regjeringen.no/en/aktuelt/1", "NOR"),  # no scheme
    ("", None),
    (None, None),
    ("http://[not a url", None),
])
def test_publisher_country(url: str | None, country: str | None) -> None:
    assert publisher_country(url) == country
