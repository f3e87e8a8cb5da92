"""The languages feature."""
