"""The birth-place information tool's logic: plain Python that runs the same under CPython
(tests) and Pyodide (in a Web Worker in her browser).

It reads the definition the build wrote for the page's language (the published figures,
the area's settings and postcode districts), and turns what she chose into the page's
results and a note for her care plan. It never touches the page or the network: where she
lives is looked up in a table that is already in her browser.
"""

from birthplace.definition import Definition, DefinitionError

__all__ = ["Definition", "DefinitionError"]
