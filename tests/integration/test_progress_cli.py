"""Progress (files done / total) goes to stderr on a terminal only, never with --quiet or into a pipe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import write

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def stderr_on_a_terminal(args: list[str], cwd: Path) -> tuple[str, str]:
    """Run vibecheck with stderr on a pseudo-terminal; return (stdout, stderr without escape sequences)."""
    primary, secondary = os.openpty()
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    try:
        done = subprocess.run([sys.executable, "-m", "vibecheck", *args], cwd=cwd, stdout=subprocess.PIPE,
                              stderr=secondary, env=env, timeout=300)
    finally:
        os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    return done.stdout.decode(), ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_counts_files_on_a_terminal_only(tmp_path: Path) -> None:
    write(tmp_path, {"a.py": "x = 1\n", "b.py": "y = 2\n", "pkg/c.py": "z = 3\n"})
    stdout, stderr = stderr_on_a_terminal(["--no-cache", "."], tmp_path)
    assert "3/3 files" in stderr
    assert "files" not in stdout
    _, quiet = stderr_on_a_terminal(["--no-cache", "-q", "."], tmp_path)
    assert "/3" not in quiet and "checking" not in quiet
    piped = subprocess.run([sys.executable, "-m", "vibecheck", "--no-cache", "."], cwd=tmp_path, capture_output=True,
                           text=True, timeout=300)
    assert "checking" not in piped.stderr and "/3 files" not in piped.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_of_a_shard_counts_only_its_files(tmp_path: Path) -> None:
    write(tmp_path, {f"m{n}.py": f"x = {n}\n" for n in range(12)})
    _, stderr = stderr_on_a_terminal(["--no-cache", "--shard", "1/3", "--format", "json", "-o", "s.json", "."], tmp_path)
    counts = re.findall(r"(\d+)/(\d+) files", stderr)
    assert counts and all(total != "12" for _, total in counts)
