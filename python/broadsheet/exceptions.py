"""The exceptions broadsheet raises at its API surface.

Every one subclasses :class:`BroadsheetError` and the builtin that matches its meaning, so
``except FileNotFoundError`` and ``except broadsheet.BroadsheetError`` both work. Problems with
single documents never raise: they become that row's ``error``.
"""

from __future__ import annotations

__all__ = [
    "BroadsheetError",
    "InputNotFoundError",
    "InputError",
    "OptionError",
    "OutputError",
]


class BroadsheetError(Exception):
    """Base class of every broadsheet error."""


class InputNotFoundError(BroadsheetError, FileNotFoundError):
    """An input path, directory or glob does not exist or matches no file."""


class InputError(BroadsheetError, OSError):
    """An input could not be listed or opened as a whole."""


class OptionError(BroadsheetError, ValueError):
    """An option has an unknown name or a value that is not allowed."""


class OutputError(BroadsheetError, OSError):
    """The output could not be written."""
