"""Tests, in folders that mirror lmo's packages (tests/core/ for lmo/core/, and so on).

The folders are packages so two of them may hold test files of the same name, and so
tests/site/ is tests.site, never mistaken for Python's own `site` module."""
