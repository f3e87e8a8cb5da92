"""Local Maternity Offer: the plain-Python core.

Nothing in this package imports MkDocs. The MkDocs hooks in ``hooks/`` are a thin
adapter over it, so a later move to another static site framework touches only them.
"""
