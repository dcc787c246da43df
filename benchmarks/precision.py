"""Precision of a rule pack on real code: findings per 1,000 lines on pinned sdists of well-kept projects.

Downloads (once, into a cache folder) the sdists of requests 2.32.3, flask 3.1.0 and httpx 0.28.1 with
`pip download --no-deps --no-binary :all:`, or reads already unpacked sdists from `--sdist-dir`. Runs the
enabled built-in rules whose code starts with `--select` (default `VC1`) over each package's sources (not
its tests) and prints the rate per project, then every finding, so that each one can be read and judged.
Not part of the test run: `python benchmarks/precision.py [--sdist-dir /work/sdists] [--select VC1]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
from pathlib import Path

from vibecheck.engine import check_file
from vibecheck.registry import load_registry
from vibecheck.rule import Rule

PROJECTS = {"requests": ("2.32.3", "src/requests"), "flask": ("3.1.0", "src/flask"), "httpx": ("0.28.1", "httpx")}
DEFAULT_CACHE = Path(__file__).resolve().parent / ".sdist-cache"


def unpacked_sdist(name: str, version: str, sdist_dir: Path | None, cache: Path) -> Path:
    """The unpacked source tree of one pinned sdist, downloading and unpacking it when needed."""
    folder = f"{name}-{version}"
    if sdist_dir is not None:
        return sdist_dir / folder
    target = cache / folder
    if target.is_dir():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / f"{folder}.tar.gz"
    if not archive.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "--dest", str(cache), f"{name}=={version}"], check=True, stdout=sys.stderr)
    with tarfile.open(archive) as tar:
        tar.extractall(cache, filter="data")
    return target


def selected_rules(prefix: str) -> list[tuple[type[Rule], None]]:
    registry = load_registry()
    return [(rule, None) for rule in registry.file_rules if rule.code.startswith(prefix) and rule.default_enabled]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist-dir", type=Path, help="folder holding unpacked sdists (name-version/)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="download cache folder")
    parser.add_argument("--select", default="VC1", help="rule code prefix to run (default VC1)")
    args = parser.parse_args(argv)
    rules = selected_rules(args.select)
    print(f"rules: {', '.join(rule.code for rule, _ in rules)}")
    all_findings = []
    for name, (version, package) in PROJECTS.items():
        root = unpacked_sdist(name, version, args.sdist_dir, args.cache)
        lines = findings = 0
        for path in sorted((root / package).rglob("*.py")):
            data = path.read_bytes()
            lines += data.count(b"\n")
            result = check_file(str(path.relative_to(root.parent)), data, rules)
            for error in result.errors:
                print(f"ERROR {error.path}: {error.rule}: {error.message}", file=sys.stderr)
            findings += len(result.findings)
            all_findings.extend(result.findings)
        rate = 1000 * findings / lines if lines else 0.0
        print(f"{name} {version}: {findings} findings in {lines} lines = {rate:.2f} per 1,000 lines")
    for finding in sorted(all_findings, key=lambda f: f.sort_key):
        print(f"{finding.location.path}:{finding.location.start.line}: {finding.code} {finding.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
