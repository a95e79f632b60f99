"""Thresholds and windows of the merge (one frozen value, like kg.settings.Settings)."""

from __future__ import annotations

from dataclasses import dataclass

SURE = 0.8
CANDIDATE = 0.5
UNDATED_WINDOW_DAYS = 3


@dataclass(frozen=True, slots=True)
class MergeOptions:
    """``sure``: the confidence from which kg asserts owl:sameAs and merges; ``candidate``: the
    confidence from which it records a skos:closeMatch; ``undated_window_days``: how far from a
    report's publication date an undated event looks for dated ones."""

    sure: float = SURE
    candidate: float = CANDIDATE
    undated_window_days: int = UNDATED_WINDOW_DAYS

    def __post_init__(self) -> None:
        if not 0 < self.candidate <= self.sure <= 1:
            raise ValueError(f"need 0 < candidate <= sure <= 1, got {self.candidate}, {self.sure}")
        if self.undated_window_days < 0:
            raise ValueError("undated_window_days must not be negative")
