"""A portal built in N parts on N machines and merged is the same site, byte for byte, as a build on
one machine; the parts are balanced and cover every municipality once; merge refuses parts that do
not belong together."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import make_project

from tryggest.cli import main
from tryggest.pipeline import CACHE_DIR, SHARD_CACHE_DIR
from tryggest.shard import MANIFEST, partition


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _three_municipalities(tmp_path: Path) -> Path:
    """The test portal plus a third municipality in the default language only, so that one part
    has a single language and another part is the only one with Sami pages."""
    root = make_project(tmp_path)
    folder = root / "content/municipalities"
    text = (folder / "ostre-dal.yml").read_text(encoding="utf-8")
    text = (text.replace("id: ostre-dal", "id: vestre-dal").replace("name: Østre Dal", "name: Vestre Dal")
            .replace('"9902"', '"9903"').replace('99 02"', '99 03"').replace("languages: [nb, se, en]", "languages: [nb]"))
    (folder / "vestre-dal.yml").write_text(text, encoding="utf-8")
    portal = root / "municipalities.yml"
    listed = portal.read_text(encoding="utf-8").replace("municipalities: [fjordby, ostre-dal]",
                                                         "municipalities: [fjordby, ostre-dal, vestre-dal]")
    portal.write_text(listed, encoding="utf-8")
    return root


def _seed_shard_caches(root: Path, count: int) -> None:
    """Give every shard the files the one-machine build drew. The cache is keyed by every input of
    a file, so this changes no byte of the output (tests/test_scale.py draws twice and compares);
    it only spares the test drawing each file a second time."""
    source = root / CACHE_DIR
    for number in range(1, count + 1):
        target = root / SHARD_CACHE_DIR / f"{number}-of-{count}" / "artifacts"
        for path in sorted(source.rglob("*")):
            if path.is_file():
                (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                os.link(path, target / path.relative_to(source))


@pytest.mark.slow
def test_three_parts_merge_to_the_same_bytes_as_one_machine(tmp_path: Path) -> None:
    root = _three_municipalities(tmp_path)
    assert main(["--root", str(root), "build", "--site-dir", str(tmp_path / "one")]) == 0
    _seed_shard_caches(root, 3)
    parts = [tmp_path / "parts" / str(number) for number in (1, 2, 3)]
    for number, part in enumerate(parts, start=1):
        assert main(["--root", str(root), "build", "--shard", f"{number}/3", "--site-dir", str(part)]) == 0
    held = [json.loads((part / MANIFEST).read_text(encoding="utf-8"))["municipalities"] for part in parts]
    assert sorted(mid for mids in held for mid in mids) == ["fjordby", "ostre-dal", "vestre-dal"]
    assert all(len(mids) == 1 for mids in held), "three municipalities, three parts: one each"
    everyone = {"fjordby", "ostre-dal", "vestre-dal"}
    for part, mids in zip(parts, held, strict=True):
        assert sorted(everyone & {p.name for p in (part / "filer").iterdir()}) == mids, "only its own files"
        assert sorted(everyone & {p.name for p in part.iterdir()}) == mids, "only its own pages"
    assert main(["--root", str(root), "merge", *map(str, reversed(parts)), "--site-dir", str(tmp_path / "merged")]) == 0
    one, merged = _files(tmp_path / "one"), _files(tmp_path / "merged")
    assert sorted(set(one) ^ set(merged)) == [], "the same files"
    assert [name for name in one if one[name] != merged[name]] == [], "the same bytes in every file"
    assert len(one) > 400 and "se/search/search_index.json" in one and "_headers" in one


def test_parts_are_balanced_by_cost_and_the_same_whatever_the_order() -> None:
    costs = {"a": 30, "b": 10, "c": 10, "d": 10, "e": 5}
    assert partition(costs, 2) == [["a", "e"], ["b", "c", "d"]]
    assert partition(dict(reversed(costs.items())), 2) == partition(costs, 2)
    assert partition(costs, 1) == [sorted(costs)]
    spread = partition(costs, 7)
    assert sorted(mid for part in spread for mid in part) == sorted(costs) and spread.count([]) == 2


def _fake_part(folder: Path, number: int, count: int, mids: list[str], inputs: str = "same") -> Path:
    folder.mkdir(parents=True)
    manifest = {"shard": number, "count": count, "municipalities": mids, "all": ["a", "b"], "inputs": inputs}
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "index.html").write_text("<p>front</p>", encoding="utf-8")
    for mid in mids:
        (folder / mid).mkdir()
        (folder / mid / "index.html").write_text(f"<p>{mid}</p>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("case, message", [
    ("missing", "missing [2]"),
    ("twice", "given twice [1]"),
    ("other input", "built from other input"),
    ("not a part", "not a shard"),
    ("shared page differs", "index.html differs"),
])
def test_merge_refuses_parts_that_do_not_belong_together(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         case: str, message: str) -> None:
    first = _fake_part(tmp_path / "p1", 1, 2, ["a"])
    second = {
        "missing": None,
        "twice": lambda: _fake_part(tmp_path / "p2", 1, 2, ["b"]),
        "other input": lambda: _fake_part(tmp_path / "p2", 2, 2, ["b"], inputs="other"),
        "not a part": lambda: (tmp_path / "p2").mkdir() or tmp_path / "p2",
        "shared page differs": lambda: _fake_part(tmp_path / "p2", 2, 2, ["b"]),
    }[case]
    parts = [first] + ([second()] if second else [])
    if case == "shared page differs":
        (tmp_path / "p2/index.html").write_text("<p>another front</p>", encoding="utf-8")
    site = tmp_path / "site"
    assert main(["--root", str(tmp_path), "merge", *map(str, parts), "--site-dir", str(site)]) == 2
    assert message in capsys.readouterr().err
    assert not site.exists(), "nothing was written"


def test_fake_parts_that_belong_together_merge(tmp_path: Path) -> None:
    parts = [_fake_part(tmp_path / "p1", 1, 2, ["a"]), _fake_part(tmp_path / "p2", 2, 2, ["b"])]
    assert main(["--root", str(tmp_path), "merge", *map(str, parts), "--site-dir", str(tmp_path / "site")]) == 0
    assert sorted(_files(tmp_path / "site")) == ["_headers", "a/index.html", "b/index.html", "index.html"]


@pytest.mark.parametrize("given", ["4/3", "0/3", "2", "a/b", "1/0"])
def test_a_shard_must_be_k_of_n(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--shard", given])
    assert stopped.value.code == 2
    assert "--shard" in capsys.readouterr().err


def test_a_shard_builds_whole_municipalities(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "build", "--shard", "1/2", "--only", "print"]) == 2
    assert "leave out --only" in capsys.readouterr().err
