"""The changes feature."""
