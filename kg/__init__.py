"""kg: knowledge graphs of political and diplomatic news."""

__version__ = "0.1.0"
