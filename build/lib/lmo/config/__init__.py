"""The site's settings: where its folders are, its languages, and the extra.lmo options in
mkdocs.yml."""
