"""Wall time of `vibecheck hook` on one edited file, interpreter start included, next to `bandit` on the same file.

Usage: python benchmarks/hook_time.py [RUNS]   (default 7; prints the median of each command)

The goal for the agent's loop is under 0.5 s. Three cases: the hook on a file of the bundled example app
(a small project), on one of vibecheck's own modules (a project with hundreds of test files, which the
project rules index), and `vibecheck FILE` for comparison. Python is run as an installed package runs:
with compiled bytecode (kept in a temporary `PYTHONPYCACHEPREFIX`, warmed by one untimed run), so a
`PYTHONDONTWRITEBYTECODE` environment does not charge every run for compiling vibecheck.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def payload(path: Path) -> str:
    return json.dumps({"hook_event_name": "PostToolUse", "tool_name": "Write", "cwd": str(path.parent),
                       "tool_input": {"file_path": str(path), "content": path.read_text(encoding="utf-8")}})


def median_wall(command: list[str], cwd: Path, env: dict[str, str], runs: int, stdin: str | None = None) -> float:
    subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
                   check=False)  # warm: bytecode, disk cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as scratch:
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        app = Path(scratch) / "vibe-app"
        shutil.copytree(REPO / "examples" / "vibe-app", app)
        small = app / "vibe_app" / "routes.py"
        own = REPO / "src" / "vibecheck" / "api.py"
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"], app, None),
            ("bandit -q FILE (example app)", [str(BIN / "bandit"), "-q", str(small)], app, None),
            ("vibecheck hook (example app)", [str(BIN / "vibecheck"), "hook"], app, payload(small)),
            ("vibecheck -q FILE (example app)", [str(BIN / "vibecheck"), "-q", str(small)], app, None),
            ("vibecheck hook (vibecheck's own api.py)", [str(BIN / "vibecheck"), "hook"], REPO, payload(own)),
        ]
        results = {label: median_wall(cmd, cwd, env, runs, stdin) for label, cmd, cwd, stdin in rows}
    bandit = results["bandit -q FILE (example app)"]
    print(f"median wall seconds of {runs} runs (goal for the hook: < 0.5 s)")
    for label, seconds in results.items():
        print(f"  {label:42} {seconds:6.3f} s   {seconds / bandit:5.2f}x bandit")


if __name__ == "__main__":
    main()
