"""The maps feature."""
