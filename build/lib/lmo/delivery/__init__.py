"""Stage 3: what the built site needs to be served: headers, compression, the service worker, the
search index per language, the widgets' runtime."""
