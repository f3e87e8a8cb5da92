"""Where the generator's own files are: its package folder, and the checkout it runs from
(whose node_modules and locales/messages.pot a development checkout uses)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
TOOL_ROOT = PACKAGE_ROOT.parent
