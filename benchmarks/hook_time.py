"""Wall time of `vibecheck hook` on one edited file, interpreter start included, next to `bandit` on the same file.

Usage: python benchmarks/hook_time.py [RUNS]   (default 7; prints the median of each command)

The goal for the agent's loop is under 0.5 s. Run alone (`VIBECHECK_NO_SERVER`): the hook on a file of the
bundled example app (a small project) after an edit, as an agent's loop runs it (the file's last comment line
changes before each run, untimed, so its result is never the cached one), and on the same file unchanged (answered
from the cache); the hook on one of vibecheck's own modules, unchanged (a project with hundreds of test files,
which the project rules index; the module is not edited, it is vibecheck's own code); `vibecheck FILE` for
comparison; then the hook on the edited example app file as it runs by default, served by the resident server that
the first hook started (stopped at the end). Python is
run as an installed package runs: with compiled bytecode (kept in a temporary `PYTHONPYCACHEPREFIX`, warmed by one
untimed run), so a `PYTHONDONTWRITEBYTECODE` environment does not charge every run for compiling vibecheck.
"""

from __future__ import annotations

import json
import os
import resource
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


EDIT_MARK = "# hook_time edit "


def edit(path: Path) -> None:
    """Change the file as an agent's edit does: a new last comment line, replacing the previous run's."""
    text = path.read_text(encoding="utf-8")
    kept = text[: text.index(EDIT_MARK)] if EDIT_MARK in text else text
    path.write_text(f"{kept}{EDIT_MARK}{time.time_ns()}\n", encoding="utf-8")


def median_times(command: list[str], cwd: Path, env: dict[str, str], runs: int,
                 stdin: str | None = None, edited: Path | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds (user + system of the process and its workers) of `runs` runs after a warm one;
    with `edited`, that file is edited before each run, untimed."""
    for _ in range(2 if edited else 1):  # warm: bytecode, disk cache (and the index, the project phase's base)
        if edited is not None:
            edit(edited)
        subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, check=False)
    walls, cpus = [], []
    for _ in range(runs):
        if edited is not None:
            edit(edited)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def wait_for_server(env: dict[str, str], seconds: float = 60) -> None:
    """Until the server that the first hook started in the background answers (untimed)."""
    deadline = time.monotonic() + seconds
    while subprocess.run([str(BIN / "vibecheck"), "server", "status"], env=env, capture_output=True,
                         check=False).returncode != 0 and time.monotonic() < deadline:
        time.sleep(0.1)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    served = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "VIBECHECK_NO_SERVER")}
    env = {**served, "VIBECHECK_NO_SERVER": "1"}  # every row but the last runs alone
    with tempfile.TemporaryDirectory() as scratch:
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        app = Path(scratch) / "vibe-app"
        shutil.copytree(REPO / "examples" / "vibe-app", app)
        small = app / "vibe_app" / "routes.py"
        own = REPO / "src" / "vibecheck" / "api.py"
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"], app, None, None),
            ("bandit -q FILE (example app)", [str(BIN / "bandit"), "-q", str(small)], app, None, None),
            ("vibecheck hook (example app, edited)", [str(BIN / "vibecheck"), "hook"], app, payload(small), small),
            ("vibecheck hook (example app, cached)", [str(BIN / "vibecheck"), "hook"], app, payload(small), None),
            ("vibecheck -q FILE (example app, cached)", [str(BIN / "vibecheck"), "-q", str(small)], app, None, None),
            ("vibecheck hook (own api.py, cached)", [str(BIN / "vibecheck"), "hook"], REPO, payload(own), None),
        ]
        results = {label: median_times(cmd, cwd, env, runs, stdin, edited)
                   for label, cmd, cwd, stdin, edited in rows}
        served["PYTHONPYCACHEPREFIX"] = env["PYTHONPYCACHEPREFIX"]
        hook = [str(BIN / "vibecheck"), "hook"]
        subprocess.run(hook, cwd=app, env=served, input=payload(small), capture_output=True, text=True, check=False)
        wait_for_server(served)
        try:
            results["vibecheck hook, edited, as run (server)"] = median_times(hook, app, served, runs, payload(small),
                                                                             small)
        finally:
            subprocess.run([str(BIN / "vibecheck"), "server", "stop"], env=served, capture_output=True, check=False)
    bandit_wall, bandit_cpu = results["bandit -q FILE (example app)"]
    print(f"median of {runs} runs (goal for the hook: < 0.5 s wall); on a busy machine trust the CPU seconds more")
    print(f"  {'command':44} {'wall':>8} {'cpu':>8}   wall and cpu vs bandit")
    for label, (wall, cpu) in results.items():
        print(f"  {label:44} {wall:6.3f} s {cpu:6.3f} s   {wall / bandit_wall:5.2f}x {cpu / bandit_cpu:5.2f}x")


if __name__ == "__main__":
    main()
