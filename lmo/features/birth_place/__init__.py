"""The birth place feature."""
