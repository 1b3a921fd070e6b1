"""The guide's workflows for a build in parts (GitHub Actions matrix, GitLab CI ``parallel:``) are
valid YAML, name real actions, and call commands and options the tool has."""

from __future__ import annotations

import shlex
from typing import Any

import pytest
import yaml
from test_guide import GUIDES, code_blocks

from tryggest.cli import _parser
from tryggest.pipeline import SHARD_CACHE_DIR
from tryggest.shard import MANIFEST

# Actions published by GitHub, at the major versions the workflows pin.
REAL_ACTIONS = {"actions/checkout@v4", "actions/cache@v4", "actions/upload-artifact@v4",
                "actions/download-artifact@v4", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"}
# What the CI systems put in place of their variables, for checking a command against the parser.
SAMPLES = {"${{ matrix.shard }}": "2", "$CI_NODE_INDEX": "2", "$CI_NODE_TOTAL": "4"}


def _workflows(lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    blocks = code_blocks(GUIDES[lang].read_text(encoding="utf-8"), "yaml")
    [github] = [yaml.safe_load(block) for block in blocks if "runs-on:" in block]
    [gitlab] = [yaml.safe_load(block) for block in blocks if "parallel:" in block]
    return github, gitlab


def _tool_arguments(command: str) -> list[str]:
    """The arguments of a ``.venv/bin/tryggest`` command, checked by the tool's own parser."""
    for variable, sample in SAMPLES.items():
        command = command.replace(variable, sample)
    program, *args = shlex.split(command)
    assert program == ".venv/bin/tryggest", command
    _parser().parse_args(args)   # exits (fails the test) on an unknown command or option
    return args


def _runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _with(job: dict[str, Any], action: str) -> dict[str, Any]:
    [step] = [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]
    options: dict[str, Any] = step.get("with", {})
    return options


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_github_workflow_builds_parts_on_a_matrix_then_merges_and_deploys(lang: str) -> None:
    github, _ = _workflows(lang)
    jobs = github["jobs"]
    used = {step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step}
    assert used == REAL_ACTIONS
    shards = jobs["part"]["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and len(shards) > 1
    [setup, build] = _runs(jobs["part"])
    assert setup == "./scripts/setup"
    args = _tool_arguments(build)
    assert args[:3] == ["build", "--shard", f"2/{len(shards)}"], "every part of the same count as the matrix"
    cache = _with(jobs["part"], "actions/cache")
    assert cache["path"] == f"{SHARD_CACHE_DIR}/${{{{ matrix.shard }}}}-of-{len(shards)}", "where the part keeps its files"
    assert "${{ matrix.shard }}" in cache["key"] and "${{ matrix.shard }}" in cache["restore-keys"]
    upload = _with(jobs["part"], "actions/upload-artifact")
    assert MANIFEST.startswith(".") and upload["include-hidden-files"] is True, "merge needs the manifest"
    assert upload["path"] == args[args.index("--site-dir") + 1].replace("2", "${{ matrix.shard }}")
    assert jobs["merge"]["needs"] == "part" and jobs["deploy"]["needs"] == "merge"
    [setup, merge] = _runs(jobs["merge"])
    merged = _tool_arguments(merge)
    assert merged[0] == "merge" and merged[1] == _with(jobs["merge"], "actions/download-artifact")["path"] + "/*"
    assert _with(jobs["merge"], "actions/upload-pages-artifact")["path"] == merged[merged.index("--site-dir") + 1]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_gitlab_pipeline_builds_parts_in_parallel_then_merges_into_public(lang: str) -> None:
    _, gitlab = _workflows(lang)
    part, pages = gitlab["part"], gitlab["pages"]
    assert isinstance(part["parallel"], int) and part["parallel"] > 1
    assert part["stage"] in gitlab["stages"] and pages["stage"] in gitlab["stages"]
    setup, build = part["script"]
    assert setup == "./scripts/setup"
    args = _tool_arguments(build)
    assert args[:3] == ["build", "--shard", "2/4"]
    assert "$CI_NODE_INDEX" in part["cache"]["key"] and part["cache"]["paths"] == [f"{SHARD_CACHE_DIR}/"]
    assert part["artifacts"]["paths"] == ["parts/"] and args[args.index("--site-dir") + 1].startswith("parts/")
    assert pages["needs"] == ["part"]
    setup, merge = pages["script"]
    merged = _tool_arguments(merge)
    assert merged[:2] == ["merge", "parts/*"] and merged[merged.index("--site-dir") + 1] == "public"
    assert pages["artifacts"]["paths"] == ["public"], "GitLab Pages publishes the folder named public"


def test_both_guides_give_the_same_workflows() -> None:
    english, norwegian = _workflows("en"), _workflows("nb")
    assert english == norwegian
