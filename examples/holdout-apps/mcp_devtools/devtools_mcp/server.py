"""An MCP server that lets a coding assistant inspect and drive the build box."""

import logging
import os
import subprocess
from pathlib import Path

import httpx
from mcp.server.fastmcp import FastMCP

from .store import build_by_id, find_builds

logger = logging.getLogger(__name__)
mcp = FastMCP("devtools")
WORKSPACE = Path(os.environ.get("DEVTOOLS_WORKSPACE", "/srv/workspace")).resolve()
TASKS = {"test": ["pytest", "-q"], "lint": ["ruff", "check", "."], "build": ["python", "-m", "build"]}
DOCS_HOSTS = {"docs.python.org", "docs.pydantic.dev"}


@mcp.tool()
def run_command(command: str) -> str:
    """Run a shell command in the workspace and return what it printed."""
    # expect: VC401/VC421
    proc = subprocess.run(command, shell=True, cwd=WORKSPACE, capture_output=True, text=True, timeout=300)
    return f"exit {proc.returncode}\n{proc.stdout}{proc.stderr}"


@mcp.tool()
def run_task(task: str) -> str:
    """Run one of the project's named tasks (test, lint, build)."""
    if task not in TASKS:
        return f"unknown task {task!r}; choose one of {sorted(TASKS)}"
    # ok: VC401/VC421
    proc = subprocess.run(TASKS[task], cwd=WORKSPACE, capture_output=True, text=True, timeout=600)
    return f"exit {proc.returncode}\n{proc.stdout}{proc.stderr}"


@mcp.tool()
def read_file(path: str) -> str:
    """Return the text of a file in the workspace."""
    # expect: VC401/VC405
    with open(os.path.join(WORKSPACE, path), encoding="utf-8") as handle:
        return handle.read()


@mcp.tool()
def read_workspace_file(relative_path: str) -> str:
    """Return the text of a file, refusing paths outside the workspace."""
    target = (WORKSPACE / relative_path).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("path is outside the workspace")
    # ok: VC401/VC405
    return target.read_text(encoding="utf-8")


@mcp.tool()
def write_file(path: str, content: str) -> str:
    """Create or overwrite a file in the workspace."""
    target = WORKSPACE / path
    # expect: VC401/VC405
    target.write_text(content, encoding="utf-8")
    return f"wrote {len(content)} characters to {path}"


@mcp.tool()
def fetch_docs(url: str) -> str:
    """Download a documentation page so the assistant can read it."""
    # expect: VC401/VC405
    response = httpx.get(url, timeout=15, follow_redirects=True)
    response.raise_for_status()
    return response.text


@mcp.tool()
def fetch_python_docs(page: str) -> str:
    """Download a page of the Python documentation."""
    # ok: VC401/VC405
    response = httpx.get(f"https://docs.python.org/3/{page.lstrip('/')}", timeout=15)
    response.raise_for_status()
    return response.text


@mcp.tool()
def search_builds(branch: str) -> list[tuple]:
    """List the latest builds of a branch."""
    return find_builds(branch)


@mcp.tool()
def build_status(build_id: int) -> list[tuple]:
    """Status of one build."""
    return build_by_id(build_id)


@mcp.tool()
def disk_usage() -> str:
    """How full the workspace disk is."""
    try:
        stat = os.statvfs(WORKSPACE)
        return f"{stat.f_bavail * stat.f_frsize // 2**30} GiB free"
    # expect: VC101/VC102
    except Exception:
        pass
    return "unknown"


if __name__ == "__main__":
    mcp.run()
