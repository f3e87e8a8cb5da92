"""The MkDocs adapter (installed as ``lmo_mkdocs``): where MkDocs events meet the engine.

One job per module: ``generate_pages`` (check the data, write the pages, the menu),
``add_page_chrome`` (each page's banner, contacts, review facts and head),
``prepare_delivery`` (after the build: headers, service worker, compression, widgets).
``plugin`` is the ``lmo`` plugin a site names in mkdocs.yml; ``theme/`` holds the engine's
additions to Material's templates. All the work is in ``lmo``, which never imports MkDocs.
"""
