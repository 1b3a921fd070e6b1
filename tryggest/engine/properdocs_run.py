"""``python -m tryggest.engine.properdocs_run TASK ANSWER``: one ProperDocs build (see ``properdocs.py``)."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import properdocs.replacement  # noqa: F401  (first: from here on, ``import mkdocs`` loads ProperDocs)

from . import EngineError
from .material import build_site


def main(task: Path, answer: Path) -> None:
    root, docs_dir, site_dir, theme, languages, workers = pickle.loads(task.read_bytes())
    try:
        result: object = build_site(root, docs_dir, site_dir, theme, languages, workers)
    except EngineError as exc:
        result = exc
    answer.write_bytes(pickle.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
