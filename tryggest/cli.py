"""``tryggest check | build``: parses arguments and calls the pipeline; nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .engine import EngineError
from .pipeline import BuildOptions, build, check
from .problems import InputError
from .rebuild import file_families, rebuild_files

EXIT_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = Path(args.root).resolve()
    try:
        if args.command == "check":
            site = check(root)
            print(f"OK: {len(site.project.municipalities)} municipalities, {len(site.locals)} language versions")
        elif args.command == "build" and (args.only or args.municipality):
            site_dir = Path(args.site_dir) if args.site_dir else root / "site"
            site = rebuild_files(BuildOptions(root, site_dir.resolve()), args.only or file_families(), args.municipality)
            print(f"Rebuilt {len(site.materials)} files in {site_dir}; pages were not rebuilt")
        elif args.command == "build":
            site_dir = Path(args.site_dir) if args.site_dir else root / "site"
            site = build(BuildOptions(root, site_dir.resolve()))
            print(f"Built {site_dir}: {sum(len(x.pages) for x in site.locals)} municipality pages")
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
    build_cmd.add_argument("--only", action="append", choices=file_families(), metavar="FAMILY",
                           help=f"rebuild only these files ({', '.join(file_families())}) into the existing site")
    build_cmd.add_argument("--municipality", metavar="ID", help="rebuild only this municipality's files")
    return parser


if __name__ == "__main__":
    sys.exit(main())
