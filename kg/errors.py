"""The library's exceptions: one-line messages a user can act on."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(KGError):
    """A document could not be read; names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(KGError):
    """The request itself cannot be carried out (bad option, no inputs, missing graph)."""
