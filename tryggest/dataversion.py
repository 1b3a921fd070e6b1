"""The data version: a short fingerprint of the data a municipality's files were made from.

Printed on every print file and shown on the info-screen slideshow, so a printed copy or a screen
can be matched to the YAML it shows. It covers the municipality's YAML and ``national.yml``.
"""

from __future__ import annotations

import hashlib

from .load import Project


def data_version(project: Project, municipality_id: str) -> str:
    digest = hashlib.sha256()
    digest.update(project.municipalities[municipality_id].model_dump_json(warnings=False).encode())
    digest.update(project.national.model_dump_json(warnings=False).encode())
    return digest.hexdigest()[:8]
