"""The one error the postcode import raises, shared by its reading, choosing and writing steps."""

from __future__ import annotations


class PostcodeImportError(Exception):
    """A problem the editor can put right, described in one line."""
