"""Run-wide settings: one frozen value, built once by the caller (the CLI or a notebook)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import KgError

DEFAULT_BASE_IRI = "https://w3id.org/kg-news/id/"
DEFAULT_STORE_DIR = "kg-store"
DEFAULT_BATCH_SIZE = 32
DEFAULT_LANGUAGE = "en"
# An absolute IRI (scheme ":" ...) without the characters an IRI may not hold (RFC 3987).
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
DEFAULT_TIMEOUT = 300.0  # seconds a SPARQL server may take for one request, answer included


@dataclass(frozen=True, slots=True)
class Settings:
    """Where IRIs are minted and how extraction runs."""

    base_iri: str = DEFAULT_BASE_IRI
    model: str | None = None  # spaCy package name or path; None picks the default
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = 1
    language: str = DEFAULT_LANGUAGE
    timestamps: bool = True  # PROV start and end times; without them a rerun gives the same bytes

    def __post_init__(self) -> None:
        if not isinstance(self.base_iri, str) or not _ABSOLUTE_IRI.fullmatch(self.base_iri):
            raise KgError(f"base IRI {self.base_iri!r} is not an absolute IRI (e.g. {DEFAULT_BASE_IRI})")
        for name in ("batch_size", "workers"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise KgError(f"{name} must be a whole number of at least 1, not {value!r}")
