"""The features a site can have, each in its own package; the core finds them here (see
contract.py)."""
