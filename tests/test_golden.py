"""The golden scenarios build exactly the output kept in tests/golden/ (./scripts/golden rewrites it)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from golden_output import GOLDEN, build_outputs, scenarios


@pytest.mark.parametrize("scenario", scenarios())
def test_output_matches_the_golden_files(scenario: str, tmp_path: Path) -> None:
    built = build_outputs(scenario, tmp_path)
    kept = {p.name: p.read_text(encoding="utf-8") for p in (GOLDEN / scenario).iterdir() if p.is_file()}
    assert sorted(kept) == sorted(built), "run ./scripts/golden to write the golden files"
    for name, text in built.items():
        diff = "".join(difflib.unified_diff(kept[name].splitlines(True), text.splitlines(True),
                                            f"tests/golden/{scenario}/{name}", "built now"))
        assert not diff, f"the output changed; if that is intended, run ./scripts/golden\n{diff}"
