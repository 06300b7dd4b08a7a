"""One tree for the errors a user can fix: each is reported by the CLI as one line and an exit code.

Anything that is not a :class:`KgError` (or an ``OSError`` naming a file) is a bug and keeps its traceback.
Classes that used to be ``ValueError``/``RuntimeError``/``KeyError`` keep those bases too, so callers that
catch them still do.

>>> issubclass(InputError, KgError), InputError.exit_code
(True, 1)
"""

from __future__ import annotations

__all__ = ["InputError", "KgError", "OptionError", "UsageError"]


class KgError(Exception):
    """A user error: the message says what was wrong and what to do next."""

    exit_code = 1


class UsageError(KgError):
    """Options that do not go together; exit code 2, as argparse gives."""

    exit_code = 2


class InputError(KgError, ValueError):
    """An input file, or a record in one, that kg cannot read."""


class OptionError(KgError, ValueError):
    """An option (an argument of :mod:`kg.api`) kg cannot use as given: a value out of range, or one that needs
    another option; exit code 1."""
