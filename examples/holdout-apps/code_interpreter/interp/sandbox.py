"""Where the model's code runs: a throwaway container, or (for quick snippets) in process."""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

WORKDIR = Path(os.environ.get("INTERP_WORKDIR", "/srv/interp/work")).resolve()
IMAGE = "python:3.12-slim"
ALLOWED_PACKAGES = {"numpy", "pandas", "matplotlib", "scipy", "sympy"}


@dataclass
class RunResult:
    stdout: str
    stderr: str
    exit_code: int


def run_in_container(code: str, timeout: int = 30) -> RunResult:
    """The default path: no network, read-only root, limited memory, killed after `timeout`."""
    session_dir = WORKDIR / uuid.uuid4().hex
    session_dir.mkdir(parents=True)
    (session_dir / "main.py").write_text(code)
    # ok: VC401/VC408
    proc = subprocess.run(
        ["docker", "run", "--rm", "--network=none", "--read-only", "--memory=512m", "--cpus=1", "--pids-limit=64",
         "-v", f"{session_dir}:/work:rw", "-w", "/work", IMAGE, "python", "main.py"],
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    return RunResult(proc.stdout[-10000:], proc.stderr[-5000:], proc.returncode)


def run_inline(code: str) -> RunResult:
    """Fast path for small snippets: exec in this process with stdout captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            # expect: VC401/VC417/VC424
            exec(code, {"__name__": "__main__"})
            code_ = 0
        # expect: VC102
        except Exception as exc:
            print(repr(exc), file=sys.stderr)
            code_ = 1
    return RunResult(out.getvalue(), err.getvalue(), code_)


def run_subprocess(code: str, timeout: int = 20) -> RunResult:
    """Run in a child interpreter with CPU and memory limits, but on this host."""
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (timeout, timeout))
        resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(code)
    # expect: VC401/VC408
    proc = subprocess.run(f"{sys.executable} {fh.name}", shell=True, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=limits)
    return RunResult(proc.stdout, proc.stderr, proc.returncode)


def install_package(name: str) -> str:
    if name not in ALLOWED_PACKAGES:
        return f"refused: {name} is not on the allow-list"
    # ok: VC401/VC408
    proc = subprocess.run([sys.executable, "-m", "pip", "install", name], capture_output=True, text=True, check=False)
    return proc.stdout[-2000:]


def install_any(spec: str) -> str:
    # expect: VC401/VC408/VC417
    return subprocess.check_output(f"pip install {spec}", shell=True, text=True)[-2000:]
