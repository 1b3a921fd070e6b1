"""``tryggest check | build | merge | new | init | changes | schema | serve | preflight | edit``.

Parses arguments and calls the stages; nothing else.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .engine import DEFAULT_ENGINE, ENGINES, EngineError
from .lint import warnings_for
from .load import Project
from .pipeline import BuildOptions, build, check
from .preflight import PreflightFailed
from .problems import InputError
from .rebuild import file_families, rebuild_files
from .report import describe
from .shard import parse_shard

if TYPE_CHECKING:
    from .scaffold import NewMunicipality
    from .shard import Shard

EXIT_INPUT = 2
SHARD_DIR = "build/shards"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = Path(args.root).resolve()
    try:
        return int(COMMANDS[args.command](args, root))
    except InputError as exc:
        print("\n".join(describe(exc.problems, root)), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return EXIT_INPUT
    except EngineError as exc:
        print(f"The site engine stopped: {exc}\nNothing was written.", file=sys.stderr)
        return 1
    except PreflightFailed as exc:
        print(f"{exc}\nNothing was written.", file=sys.stderr)
        return 1


def _check(args: argparse.Namespace, root: Path) -> int:
    site = check(root)
    if args.publish:
        from .publish import publish_problems

        problems = publish_problems(site.project)
        if problems:
            print("\n".join(describe(problems, root)), file=sys.stderr)
            print(f"{len(problems)} problem(s): not ready to publish.", file=sys.stderr)
            return EXIT_INPUT
    ready = ", ready to publish" if args.publish else ""
    print(f"OK: {len(site.project.municipalities)} municipalities, {len(site.locals)} language versions{ready}")
    _print_warnings(site.project, root)
    return 0


def _build(args: argparse.Namespace, root: Path) -> int:
    site_dir = Path(args.site_dir) if args.site_dir else root / "site"
    if args.shard and (args.only or args.municipality):
        print("tryggest build: --shard builds whole municipalities; leave out --only and --municipality",
              file=sys.stderr)
        return EXIT_INPUT
    if args.shard and not args.site_dir:
        site_dir = root / SHARD_DIR / args.shard.label
    if args.only or args.municipality:
        scoped, files = rebuild_files(BuildOptions(root, site_dir.resolve()), args.only or file_families(),
                                      args.municipality)
        print(f"Rebuilt {len(files.materials)} files in {site_dir} ({files.rendered} drawn, {files.reused} from the cache); "
              "pages were not rebuilt")
        _print_warnings(scoped.project, root)
        return 0
    result = build(BuildOptions(root, site_dir.resolve(), force=args.force, engine=args.engine, shard=args.shard))
    site = result.site
    if result.unchanged:
        print(f"Nothing changed since the last build of {site_dir}.")
    else:
        scope = _scope(result.changed, args.shard, len(site.building))
        print(f"Built {site_dir} ({scope}): {sum(len(x.pages) for x in site.building)} pages, "
              f"{result.manifest.rendered} files drawn, {result.manifest.reused} from the cache")
    _print_changes(site.project, site.build_date)
    _print_warnings(site.project, root)
    return 0


def _scope(changed: set[str] | None, shard: Shard | None, building: int) -> str:
    if changed is not None:
        return ", ".join(sorted(changed)) or "only the shared pages"
    return f"shard {shard}: {building} language versions" if shard else "all municipalities"


def _merge(args: argparse.Namespace, root: Path) -> int:
    from .merge import merge

    site_dir = Path(args.site_dir) if args.site_dir else root / "site"
    parts = merge([Path(part) for part in args.parts], site_dir.resolve())
    held = sum(len(part.municipalities) for part in parts)
    print(f"Merged {len(parts)} parts ({held} municipalities) into {site_dir}")
    return 0


def _print_changes(project: Project, build_date: date) -> None:
    from .changes import changes_since_print, describe_changes, record_prints

    record_prints(project, build_date)
    lines = describe_changes(changes_since_print(project))
    if lines:
        print("\n".join(lines))


def _changes(args: argparse.Namespace, root: Path) -> int:
    from .changes import changes_since_print, describe_changes

    site = check(root)
    lines = describe_changes(changes_since_print(site.project))
    print("\n".join(lines) if lines else "Nothing printed has changed since the last print_date.")
    return 0


def _print_warnings(project: Project, root: Path) -> None:
    warnings = warnings_for(project, date.today())
    if warnings:
        print("\n".join(describe(warnings, root)), file=sys.stderr)
        print(f"{len(warnings)} warning(s): worth a look, but nothing stopped.", file=sys.stderr)


def _new(args: argparse.Namespace, root: Path) -> int:
    from .scaffold import create_municipality

    new = _new_municipality(args)
    if new is None:
        return EXIT_INPUT
    path = create_municipality(root, new)
    print(f"Created {path.relative_to(root).as_posix()} and added it to municipalities.yml.")
    print("Next: open the file, check every line, then run: tryggest check")
    return 0


def _init(args: argparse.Namespace, root: Path) -> int:
    from .init import init_portal, refuse_used_folder
    from .scaffold import ask_base_url

    target = (root / args.folder).resolve()
    refuse_used_folder(target)   # before any question: a folder in use would waste every answer
    new = _new_municipality(args)
    if new is None:
        return EXIT_INPUT
    base_url = ask_base_url(args.base_url, input if sys.stdin.isatty() else None)
    path = init_portal(target, new, base_url, date.today())
    print(f"Created the portal {args.folder} for {new.name}: {path.relative_to(target).as_posix()}.")
    print(f"Next: cd {args.folder} && ./scripts/build")
    return 0


def _new_municipality(args: argparse.Namespace) -> NewMunicipality | None:
    """The answers of ``new`` and ``init``: options first, then questions in a terminal."""
    from .scaffold import MissingOptions, ask_example, fill_in, from_answers

    given = {"name": args.name or args.name_option, "number": args.number, "county": args.county, "phone": args.phone,
             "hours": "; ".join(args.hours) if args.hours else None, "unit": args.unit}
    ask = input if sys.stdin.isatty() else None
    # Asked first: a placeholder number is a good answer only for demo data.
    example = args.example if args.example is not None else ask_example(ask)
    try:
        answers = fill_in(given, args.kind, ask, example)
    except MissingOptions as exc:
        print(f"tryggest {args.command}: {exc} (or run it in a terminal to be asked)", file=sys.stderr)
        return None
    return from_answers(answers, args.kind, example, args.id)


def _schema(args: argparse.Namespace, root: Path) -> int:
    from .schema import SCHEMA_DIR, stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(root)
        for name in stale:
            print(f"{SCHEMA_DIR}/{name} does not match the data model; run: tryggest schema", file=sys.stderr)
        return 1 if stale else 0
    written = write_schemas(root)
    print("\n".join(f"Wrote {p.relative_to(root).as_posix()}" for p in written) or "The schemas are up to date.")
    return 0


def _serve(args: argparse.Namespace, root: Path) -> int:
    from .serve import ServeSession

    site_dir = Path(args.site_dir).resolve() if args.site_dir else root / "build" / "serve"
    try:
        session = ServeSession(root, site_dir, port=args.port)
    except OSError as exc:
        print(f"Cannot listen on port {args.port} ({exc.strerror}); try: tryggest serve --port {args.port + 1}",
              file=sys.stderr)
        return 1
    url = session.start()
    print(f"Serving {url}  (open it in a browser; stop with Ctrl+C)", flush=True)
    try:
        session.wait()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        session.stop()
    return 0


def _edit(args: argparse.Namespace, root: Path) -> int:
    from .editor.config import CONFIG_FILE, config_is_current, write_config

    if args.check_config:
        if config_is_current(root):
            return 0
        print(f"{CONFIG_FILE} does not match the data model; run: tryggest edit --write-config", file=sys.stderr)
        return 1
    if args.write_config:
        print(f"Wrote {CONFIG_FILE}" if write_config(root) else f"{CONFIG_FILE} is up to date.")
        return 0
    return _run_editor(args, root)


def _run_editor(args: argparse.Namespace, root: Path) -> int:
    from .editor.session import EditorUnavailable, EditSession

    try:
        session = EditSession(root, port=args.port, preview_port=args.preview_port)
    except EditorUnavailable as exc:
        print(f"tryggest edit: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Cannot listen on port {args.port} or {args.preview_port} ({exc.strerror}); "
              "choose others with --port and --preview-port", file=sys.stderr)
        return 1
    # Stopped by the system (not Ctrl+C): stop the same way, so decap-server does not outlive it.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        session.start()
        session.wait()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        session.stop()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _preflight(args: argparse.Namespace, root: Path) -> int:
    from .preflight import check_files

    return check_files([Path(name) for name in args.files], args.lang)


COMMANDS = {"check": _check, "build": _build, "merge": _merge, "new": _new, "init": _init, "changes": _changes, "schema": _schema,
            "serve": _serve, "preflight": _preflight, "edit": _edit}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tryggest", description="Build TryggEst websites and print files.")
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate every YAML file; write nothing")
    check_cmd.add_argument("--publish", action="store_true",
                           help="also refuse what must not go public: a placeholder base_url, example data, "
                                "demo phone numbers, a print_date older than the data")
    build_cmd = commands.add_parser("build", help="validate, then build the site and all files")
    build_cmd.add_argument("--site-dir", help="output folder (default: site/)")
    build_cmd.add_argument("--force", action="store_true", help="rebuild everything even if nothing changed")
    build_cmd.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                           help="the website engine (default: mkdocs; properdocs needs the extra tryggest[properdocs])")
    build_cmd.add_argument("--shard", type=parse_shard, metavar="K/N",
                           help=f"build only the K-th of N parts (default folder: {SHARD_DIR}/K-of-N/); "
                                "join them with tryggest merge")
    merge_cmd = commands.add_parser("merge", help="join the parts built with build --shard into one site")
    merge_cmd.add_argument("parts", nargs="+", metavar="PART", help="the folders of every part, e.g. parts/*")
    merge_cmd.add_argument("--site-dir", help="output folder (default: site/)")
    _new_parser(commands.add_parser("new", help="add a municipality: write its YAML file and list it"))
    commands.add_parser("changes", help="which printed values changed since the last print_date, and the files "
                                        "to print again")
    init_cmd = commands.add_parser("init", help="start a portal for one municipality in a new, empty folder")
    init_cmd.add_argument("folder", help="the new portal's folder, e.g. ../tryggest-ostre-toten")
    _new_parser(init_cmd)
    init_cmd.add_argument("--base-url", help="where the site will be published, e.g. https://tryggest.ostre-toten.no/")
    schema_cmd = commands.add_parser("schema", help="write the JSON Schemas editors use (schema/)")
    schema_cmd.add_argument("--check", action="store_true", help="only check; exit 1 if a schema is out of date")
    serve_cmd = commands.add_parser("serve", help="build, serve on this computer, rebuild on every change")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve_cmd.add_argument("--site-dir", help="where the served site is built (default: build/serve/)")
    preflight_cmd = commands.add_parser("preflight", help="check print files as a print shop does; exit 1 on a failure")
    preflight_cmd.add_argument("files", nargs="+", metavar="FILE.pdf", help="the PDF files to check")
    preflight_cmd.add_argument("--lang", choices=["nb", "en"], default="nb", help="language of the report (default: nb)")
    _edit_parser(commands.add_parser("edit", help="edit the YAML files in a form in the browser, with a preview"))
    build_cmd.add_argument("--only", action="append", choices=file_families(), metavar="FAMILY",
                           help=f"rebuild only these files ({', '.join(file_families())}) into the existing site")
    build_cmd.add_argument("--municipality", metavar="ID", help="rebuild only this municipality's files")
    return parser


def _edit_parser(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("--port", type=int, default=8080, help="the editor's port on 127.0.0.1 (default: 8080)")
    edit.add_argument("--preview-port", type=int, default=8081, help="the preview's port (default: 8081)")
    edit.add_argument("--write-config", action="store_true", help="write schema/decap-config.yml from the data model")
    edit.add_argument("--check-config", action="store_true", help="only check; exit 1 if the configuration is out of date")


def _new_parser(new: argparse.ArgumentParser) -> None:
    new.add_argument("name", nargs="?", help="the municipality's name, e.g. 'Østre Toten'")
    new.add_argument("--name", dest="name_option", help="the same as the name argument")
    new.add_argument("--number", help="four-digit SSB municipality number, e.g. 3442")
    new.add_argument("--county", help="county, e.g. Innlandet")
    new.add_argument("--phone", help="the TryggEst phone number, e.g. '+47 61 14 12 00'")
    new.add_argument("--hours", action="append", help="opening hours, e.g. 'mon-fri 09:00-14:00' (repeat for more)")
    new.add_argument("--unit", help="the unit the TryggEst coordinator belongs to, e.g. 'Helse og omsorg'")
    new.add_argument("--id", help="the id and file name, when the name alone is not enough (two Herøy)")
    new.add_argument("--kind", choices=["kommune", "bydel"], default="kommune")
    new.add_argument("--example", action=argparse.BooleanOptionalAction, default=None,
                     help="demo data: marked EKSEMPEL everywhere, placeholder numbers allowed")


if __name__ == "__main__":
    sys.exit(main())
