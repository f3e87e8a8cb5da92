"""Stage 1: read the data files, check them against their schemas and against each other."""
