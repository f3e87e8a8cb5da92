"""The engine's interface text in each language (gettext catalogues) and the safety-critical
terms glossary, installed with the engine as ``lmo_locales``. A site uses these unless it
keeps a locales/ folder of its own (extra.lmo.locales_dir in mkdocs.yml)."""
