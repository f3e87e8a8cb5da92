"""Stage 2: make the pages (Markdown written into content/) and the chrome around every page."""
