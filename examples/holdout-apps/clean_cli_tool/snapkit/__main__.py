"""`python -m snapkit verify-all ROOT`: verify every snapshot under ROOT and print a JSON summary."""

import json
import logging
import sys
from pathlib import Path

from .archive import sha256_of
from .manifest import ManifestError, read_manifest

logger = logging.getLogger("snapkit")


def verify_all(root: Path) -> dict[str, str]:
    results = {}
    for manifest in sorted(root.glob("*/manifest.xml")):
        try:
            entries = read_manifest(manifest)
        except ManifestError as exc:
            results[manifest.parent.name] = f"unreadable: {exc}"
            continue
        bad = [e.name for e in entries if sha256_of(manifest.parent / Path(e.name).name) != e.sha256]
        results[manifest.parent.name] = "ok" if not bad else f"mismatch: {', '.join(bad)}"
    return results


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "verify-all":
        print("usage: python -m snapkit verify-all ROOT", file=sys.stderr)
        return 2
    try:
        results = verify_all(Path(args[1]))
    except KeyboardInterrupt:
        return 130
    # ok: VC102/VC103 -- the command's exit status: logged with the traceback, reported to the shell
    except Exception:
        logger.exception("verify-all failed")
        return 1
    # ok: VC505 -- the command's output
    print(json.dumps(results, indent=2))
    return 0 if all(status == "ok" for status in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
