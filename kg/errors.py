"""Errors that reach the user as one line: ``FILE, line N: reason``."""

from __future__ import annotations


class KgError(Exception):
    """Base class of errors kg reports to the user without a traceback."""


class InputError(KgError):
    """Bad input: names the file (and line, where there is one) and the reason."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.reason}"
