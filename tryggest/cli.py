"""``tryggest check | build | new | schema | serve``: parses arguments and calls the stages; nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .engine import EngineError
from .lint import warnings_for
from .load import Project
from .pipeline import BuildOptions, build, check
from .problems import InputError
from .report import describe

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
            site = build(BuildOptions(root, site_dir.resolve()))
            print(f"Built {site_dir}: {sum(len(x.pages) for x in site.locals)} municipality pages")
        _print_warnings(site.project, root)
    except InputError as exc:
        print("\n".join(describe(exc.problems, root)), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return EXIT_INPUT
    except EngineError as exc:
        print(f"The site engine stopped: {exc}\nNothing was written.", file=sys.stderr)
        return 1
    return 0


def _print_warnings(project: Project, root: Path) -> None:
    warnings = warnings_for(project, date.today())
    if warnings:
        print("\n".join(describe(warnings, root)), file=sys.stderr)
        print(f"{len(warnings)} warning(s): worth a look, but nothing stopped.", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tryggest", description="Build TryggEst websites and print files.")
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every YAML file; write nothing")
    build_cmd = commands.add_parser("build", help="validate, then build the site and all files")
    build_cmd.add_argument("--site-dir", help="output folder (default: site/)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
