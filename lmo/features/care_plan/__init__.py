"""The care plan feature."""
