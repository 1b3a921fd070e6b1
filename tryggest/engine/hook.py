"""MkDocs hook: plain ``mkdocs build`` and ``mkdocs serve`` refuse, with the commands to use instead.

The site folder holds more than MkDocs makes: print files, slides and images under ``filer/``, the
security headers and the split search index. A plain ``mkdocs build`` would empty it and keep only the
pages, and ``mkdocs serve`` would watch generated Markdown instead of ``content/``. ``tryggest build``
and ``tryggest serve`` run the whole pipeline; they load this configuration without this hook.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

REFUSAL = (
    "Plain 'mkdocs build' and 'mkdocs serve' are not used in this project: they would empty site/ and "
    "lose the print files and slides under site/filer/.\n"
    "  Build the site:   .venv/bin/tryggest build\n"
    "  Preview it:       .venv/bin/tryggest serve"
)


@event_priority(100)  # before any plugin touches the site folder
def on_config(config: Any) -> Any:
    raise Abort(REFUSAL)
