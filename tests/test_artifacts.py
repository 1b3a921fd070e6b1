"""The artifact cache: unchanged inputs are never rendered again, changed ones always are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tryggest.artifacts import Cache, Job, produce


def render_greeting(payload: dict[str, Any]) -> dict[str, bytes]:
    return {f"{payload['id']}/hello.txt": f"Ring {payload['phone']}".encode()}


def _jobs(phones: dict[str, str]) -> list[Job]:
    return [Job("txt/greeting", {"id": mid, "phone": phone}, render_greeting, {"id": mid, "phone": phone})
            for mid, phone in sorted(phones.items())]


def test_unchanged_inputs_are_reused_and_changed_ones_rendered(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    phones = {"a": "33 41 60 00", "b": "22 40 00 40"}
    first = produce(_jobs(phones), tmp_path / "out1", cache, workers=1)
    assert (first.rendered, first.reused) == (2, 0)
    second = produce(_jobs(phones), tmp_path / "out2", cache, workers=1)
    assert (second.rendered, second.reused) == (0, 2)
    assert (tmp_path / "out2/a/hello.txt").read_text() == "Ring 33 41 60 00"
    phones["a"] = "33 41 60 01"
    third = produce(_jobs(phones), tmp_path / "out3", cache, workers=1)
    assert (third.rendered, third.reused) == (1, 1)
    assert (tmp_path / "out3/a/hello.txt").read_text() == "Ring 33 41 60 01"
    assert (tmp_path / "out1/a/hello.txt").read_text() == "Ring 33 41 60 00", "earlier output is never edited"


def test_parallel_rendering_gives_the_same_files(tmp_path: Path) -> None:
    phones = {f"m{i:02d}": f"33 41 60 {i:02d}" for i in range(12)}
    produce(_jobs(phones), tmp_path / "serial", None, workers=1)
    report = produce(_jobs(phones), tmp_path / "parallel", None, workers=2)
    assert report.rendered == 12
    for mid in phones:
        assert (tmp_path / "serial" / mid / "hello.txt").read_bytes() == (tmp_path / "parallel" / mid / "hello.txt").read_bytes()
