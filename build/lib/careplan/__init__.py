"""The care-plan drafter's logic: plain Python that runs the same under CPython (tests)
and Pyodide (in a Web Worker in her browser).

It never touches the page or the network. The browser layer reads the form into a plain
dict of answers, hands it here as JSON, and writes what comes back into the page, a
download or the browser's own storage. Nothing here can send anything anywhere.
"""

from careplan.plan import Answer, Definition, PlanError, SavedPlan

__all__ = ["Answer", "Definition", "PlanError", "SavedPlan"]
