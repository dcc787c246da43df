"""Parity with bandit: vibecheck's bandit stage must report what `bandit -r examples` reports there.

Downloads bandit's sdist (the installed version by default) from PyPI with pip, runs the real bandit on
its `examples/` folder (JSON), runs vibecheck's in-process stage on the same files, and prints the
difference as (file, code, line) triples. Exit 0 when the two agree, 1 otherwise.

    python benchmarks/bandit_parity.py [--version 1.9.4] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

from vibecheck.integrations.bandit import BanditOptions, run_bandit
from vibecheck.source import decode_source

Triple = tuple[str, str, int]


def fetch_examples(bandit_version: str, workdir: Path) -> Path:
    """pip-download the sdist and unpack it; return its `examples/` folder."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    "--dest", str(workdir), f"bandit=={bandit_version}"], check=True)
    [archive] = workdir.glob("bandit-*.tar.gz")
    with tarfile.open(archive) as sdist:
        sdist.extractall(workdir, filter="data")
    return next(workdir.glob("bandit-*/examples"))


def real_bandit(examples: Path) -> tuple[set[Triple], float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    completed = subprocess.run([sys.executable, "-m", "bandit", "-r", ".", "-f", "json", "-q"], cwd=examples,
                               capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = json.loads(completed.stdout)
    found = {(str(Path(r["filename"])), r["test_id"], r["line_number"]) for r in report["results"]}
    return found, elapsed


def vibecheck_stage(examples: Path) -> tuple[set[Triple], list[str], float]:
    found: set[Triple] = set()
    errors: list[str] = []
    options = BanditOptions()
    started = time.process_time()
    for path in sorted(examples.rglob("*.py")):
        relative = str(path.relative_to(examples))
        try:
            source = decode_source(path.read_bytes())
        except (UnicodeDecodeError, SyntaxError) as exc:
            errors.append(f"{relative}: cannot decode: {exc}")
            continue
        findings, engine_errors = run_bandit(relative, source, options, is_test_file=False)
        found.update((relative, f.code, f.location.start.line) for f in findings)
        errors.extend(f"{relative}: {e.message}" for e in engine_errors)
    return found, errors, time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=version("bandit"), help="bandit sdist version (default: the installed one)")
    parser.add_argument("--keep", type=Path, help="download into this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.keep or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        examples = fetch_examples(args.version, workdir)
        theirs, their_time = real_bandit(examples)
        ours, errors, our_time = vibecheck_stage(examples)
        files = len(list(examples.rglob("*.py")))
    missing, extra = sorted(theirs - ours), sorted(ours - theirs)
    print(f"bandit {args.version} sdist, examples/: {files} .py files")
    print(f"bandit -r examples: {len(theirs)} findings in {their_time:.2f} CPU s (incl. start-up)")
    print(f"vibecheck stage:    {len(ours)} findings in {our_time:.2f} CPU s")
    print(f"same (file, code, line): {len(theirs & ours)}")
    print(f"reported by bandit only: {len(missing)}")
    for triple in missing:
        print("  -", *triple)
    print(f"reported by vibecheck only: {len(extra)}")
    for triple in extra:
        print("  +", *triple)
    print(f"files vibecheck could not check: {len(errors)}")
    for error in errors:
        print("  !", error)
    by_code = Counter(code for _, code, _ in theirs)
    print("bandit codes covered:", ", ".join(f"{code}x{count}" for code, count in sorted(by_code.items())))
    return 0 if not missing and not extra else 1


if __name__ == "__main__":
    raise SystemExit(main())
