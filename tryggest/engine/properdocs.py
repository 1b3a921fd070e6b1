"""The same build with ProperDocs instead of MkDocs, in a process of its own.

ProperDocs answers every ``import mkdocs...`` once ``properdocs.replacement`` is loaded, so Material
and mkdocs-static-i18n run on it unchanged. That redirection must come before anything imports
MkDocs, and this process has usually loaded MkDocs already: so the build runs in a fresh Python
process (``python -m tryggest.engine.properdocs_run``), which loads ProperDocs first and then the
same ``material.build_site`` as the default engine. Arguments and the result travel as pickles in a
private temporary folder.
"""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..csp import Policies
from . import EngineError

INSTALL_HINT = "ProperDocs is not installed; install it with: .venv/bin/pip install properdocs (the extra tryggest[properdocs])"


def build_site(root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str],
               workers: int = 0) -> Policies:
    if importlib.util.find_spec("properdocs") is None:
        raise EngineError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="tryggest-properdocs-") as folder:
        task, answer = Path(folder) / "task.pickle", Path(folder) / "answer.pickle"
        task.write_bytes(pickle.dumps((root, docs_dir, site_dir, theme, languages, workers)))
        run = subprocess.run([sys.executable, "-m", "tryggest.engine.properdocs_run", str(task), str(answer)],
                             capture_output=True, text=True, check=False)
        if not answer.is_file():
            raise EngineError(f"ProperDocs stopped (exit {run.returncode}):\n{run.stderr.strip()[-4000:]}")
        result = pickle.loads(answer.read_bytes())
    if isinstance(result, EngineError):
        raise result
    if not isinstance(result, Policies):
        raise EngineError(f"ProperDocs gave no result: {result!r}")
    return result
