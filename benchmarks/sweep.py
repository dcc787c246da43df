"""Run vibecheck over every `.py` file of the standard library and the installed site-packages.

    nice python benchmarks/sweep.py [--jobs 2] [--limit N] [PATH ...]

Prints what a stranger's code can do to the run: crashes (engine errors: a rule, a stage or bandit that
did not finish; goal 0), wrong VC001s (files that `compile()` accepts but vibecheck reports as unparsable;
goal 0), the slowest files and the peak RSS of a worker. Each file goes through the public API
(`check_source`, default rules plus bandit) in a child process; a child that dies (a native crash of
the parser) is reported with the file it was checking and a new child takes the rest.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

SHOW = 12


def python_files(roots: list[Path], skip: tuple[Path, ...] = ()) -> list[Path]:
    files: set[Path] = set()
    for root in roots:
        if root.is_file():
            files.add(root)
            continue
        for path in root.rglob("*.py"):
            if path.is_file() and not path.is_symlink() and not any(path.is_relative_to(s) for s in skip):
                files.add(path)
    return sorted(files)


def worker() -> None:
    """Check the paths read from stdin, one JSON line per file on stdout; the peak RSS last."""
    import resource

    from vibecheck.api import check_source
    from vibecheck.config import Settings
    from vibecheck.registry import load_registry

    # in this child, which the parent supervises itself: a worker process per file would only add a fork to each timing
    settings = Settings(root=os.getcwd(), isolate=False)
    registry = load_registry()
    for line in sys.stdin:
        path = line.rstrip("\n")
        print(json.dumps({"start": path}), flush=True)
        data = Path(path).read_bytes()
        started = time.perf_counter()
        report = check_source(data, path=path, settings=settings, registry=registry)
        seconds = time.perf_counter() - started
        parse_errors = [f.message for f in report.findings if f.code == "VC001"]
        compiles = _compiles(data, path) if parse_errors else None
        print(json.dumps({"path": path, "seconds": seconds, "lines": data.count(b"\n"),
                          "errors": [f"{e.rule}: {e.message}" for e in report.errors],
                          "vc001": parse_errors, "compiles": compiles}), flush=True)
    print(json.dumps({"rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)


def _compiles(data: bytes, path: str) -> bool:
    try:
        compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True


def run_chunk(paths: list[str], results: list[dict], rss: list[int]) -> None:
    """Check `paths` in children, starting a new child after the file that killed the previous one."""
    while paths:
        child = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 text=True)
        if child.stdin is None or child.stdout is None:
            raise RuntimeError("the worker's pipes were not created")
        feeder = threading.Thread(target=_feed, args=(child.stdin, paths))  # a full pipe must not block reading
        feeder.start()
        current = None
        done = set()
        for line in child.stdout:
            record = json.loads(line)
            if "start" in record:
                current = record["start"]
            elif "rss_kib" in record:
                rss.append(record["rss_kib"])
            else:
                results.append(record)
                done.add(record["path"])
                current = None
        status = child.wait()
        feeder.join()
        remaining = [p for p in paths if p not in done]
        if current is not None:
            results.append({"path": current, "seconds": 0.0, "lines": 0, "vc001": [], "compiles": None,
                            "errors": [f"worker: the process died with status {status} while checking this file"]})
            remaining = [p for p in remaining if p != current]
        paths = remaining


def _feed(stream, paths) -> None:
    try:
        stream.write("".join(f"{p}\n" for p in paths))
        stream.close()
    except BrokenPipeError:  # the child died on a file: `run_chunk` starts another for the rest
        pass


def crash_class(error: str) -> str:
    """`VC405: rule crashed on this file: RecursionError: ...` -> `VC405 RecursionError`."""
    rule, _, message = error.partition(": ")
    exception = re.search(r"\b([A-Z][A-Za-z]*(?:Error|Exception|Exit|Interrupt))\b", message)
    return f"{rule} {exception.group(1) if exception else message[:60]}"


def report(results: list[dict], rss: list[int], wall: float, roots: list[Path]) -> None:
    lines = sum(r["lines"] for r in results)
    print(f"roots: {', '.join(str(r) for r in roots)}")
    print(f"files: {len(results):,}  lines: {lines:,}  wall: {wall:.0f} s  "
          f"checked: {sum(r['seconds'] for r in results):.0f} s of worker time")
    crashed = [(r["path"], e) for r in results for e in r["errors"]]
    print(f"\ncrashes (engine errors; goal 0): {len(crashed)} in {len({p for p, _ in crashed})} files")
    by_class: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for path, error in crashed:
        by_class[crash_class(error)].append((path, error))
    for name, items in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):4}  {name}")
        for path, error in items[:3]:
            print(f"          {path}: {error[:160]}")
    wrong = [r for r in results if r["vc001"] and r["compiles"]]
    right = [r for r in results if r["vc001"] and not r["compiles"]]
    print(f"\nwrong VC001s (compile() accepts the file; goal 0): {len(wrong)}")
    for r in wrong[:SHOW]:
        print(f"  {r['path']}: {r['vc001'][0][:160]}")
    print(f"VC001 on files compile() rejects (correct): {len(right)}")
    print(f"\nslowest {SHOW} files:")
    for r in sorted(results, key=lambda r: -r["seconds"])[:SHOW]:
        print(f"  {r['seconds']:7.2f} s  {r['lines']:7,} lines  {r['path']}")
    if rss:
        print(f"\npeak RSS of a worker: {max(rss) / 1024:.0f} MiB (over {len(rss)} worker processes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="default: the standard library and site-packages")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="check only the first N files (a quick look)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker()
        return
    paths = sysconfig.get_paths()
    roots = args.paths or sorted({Path(paths["stdlib"]), Path(paths["purelib"]), Path(paths["platlib"])})
    # The base interpreter's site-packages inside the standard library belong to another environment
    # (unless this interpreter's own site-packages is that folder).
    inside = tuple(Path(paths["stdlib"]) / name for name in ("site-packages", "dist-packages"))
    files = [str(p) for p in python_files(roots, tuple(d for d in inside if d not in roots))]
    if args.limit:
        files = files[: args.limit]
    results: list[dict] = []
    rss: list[int] = []
    started = time.perf_counter()
    chunks = [files[i:: args.jobs] for i in range(args.jobs)]

    threads = [threading.Thread(target=run_chunk, args=(chunk, results, rss)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report(results, rss, time.perf_counter() - started, roots)


if __name__ == "__main__":
    main()
