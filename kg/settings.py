"""Run-wide settings: one frozen value, built once by the caller (the CLI or a notebook)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_BASE_IRI = "https://w3id.org/kg-news/id/"
DEFAULT_STORE_DIR = "kg-store"
DEFAULT_BATCH_SIZE = 32
DEFAULT_LANGUAGE = "en"
DEFAULT_TIMEOUT = 300.0  # seconds a SPARQL server may take for one request, answer included


@dataclass(frozen=True, slots=True)
class Settings:
    """Where IRIs are minted and how extraction runs."""

    base_iri: str = DEFAULT_BASE_IRI
    model: str | None = None  # spaCy package name or path; None picks the default
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = 1
    language: str = DEFAULT_LANGUAGE
