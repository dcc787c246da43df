import argparse
import logging
import subprocess
import sys
from pathlib import Path

from . import archive, remote
from .config import SLACK_WEBHOOK, load_config

log = logging.getLogger("backup_tool")


def cmd_backup(args: argparse.Namespace) -> int:
    cfg = load_config(Path(args.config) if args.config else None)
    archive.sync_tree(args.src, cfg.get("staging", "/var/backups/staging"), cfg.get("exclude", []))
    archive.make_tarball(cfg.get("staging", "/var/backups/staging"), args.dest)
    if args.upload:
        remote.upload(args.dest, cfg["upload_url"])
    remote.notify(SLACK_WEBHOOK, f"backup {args.dest} done")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    archive.restore(args.archive, args.target)
    return 0


def cmd_hook(args: argparse.Namespace) -> int:
    try:
        # ok: VC108/VC101/VC408 -- argument list, error reported with exit code
        subprocess.run([args.script, args.dest], check=True)
    except subprocess.CalledProcessError as exc:
        log.error("hook %s failed with %d", args.script, exc.returncode)
        return exc.returncode
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    expression = args.check
    # expect: VC413 -- eval of a CLI option
    ok = eval(expression, {"size": Path(args.dest).stat().st_size})
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="backup-tool")
    parser.add_argument("--config")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("backup")
    b.add_argument("src")
    b.add_argument("dest")
    b.add_argument("--upload", action="store_true")
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore")
    r.add_argument("archive")
    r.add_argument("target")
    r.set_defaults(func=cmd_restore)
    h = sub.add_parser("hook")
    h.add_argument("script")
    h.add_argument("dest")
    h.set_defaults(func=cmd_hook)
    v = sub.add_parser("verify")
    v.add_argument("dest")
    v.add_argument("--check", default="size > 0")
    v.set_defaults(func=cmd_verify)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
