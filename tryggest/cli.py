"""``tryggest check | build``: parses arguments and calls the pipeline; nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .engine import EngineError
from .pipeline import BuildOptions, build, check
from .problems import InputError

EXIT_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = Path(args.root).resolve()
    try:
        if args.command == "check":
            site = check(root)
            print(f"OK: {len(site.project.municipalities)} municipalities, {len(site.locals)} language versions")
        elif args.command == "build":
            site_dir = Path(args.site_dir) if args.site_dir else root / "site"
            result = build(BuildOptions(root, site_dir.resolve(), force=args.force))
            pages = sum(len(x.pages) for x in result.site.locals)
            print(f"Nothing changed since the last build of {site_dir}." if result.unchanged
                  else f"Built {site_dir}: {pages} municipality pages, {len(result.site.materials)} files")
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return EXIT_INPUT
    except EngineError as exc:
        print(f"The site engine stopped: {exc}\nNothing was written.", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tryggest", description="Build TryggEst websites and print files.")
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every YAML file; write nothing")
    build_cmd = commands.add_parser("build", help="validate, then build the site and all files")
    build_cmd.add_argument("--site-dir", help="output folder (default: site/)")
    build_cmd.add_argument("--force", action="store_true", help="rebuild everything even if nothing changed")
    return parser


if __name__ == "__main__":
    sys.exit(main())
