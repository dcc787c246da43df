"""Changed lines only: which lines git sees as added or changed since a revision (`--since REF`) or in the index
(`--staged`), so a run on a mature project reports only what the current change introduced.

`git diff --unified=0 -M` gives the new side's line ranges of every changed file, following renames (a
renamed file counts only the lines changed in it). With `--since`, the working tree is compared and files
git does not track yet count as wholly new. Deleted lines leave nothing to report.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vibecheck.errors import UsageError
from vibecheck.model import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_GIT_TIMEOUT = 120  # seconds


@dataclass(frozen=True)
class ChangedLines:
    """The changed lines per file (real absolute paths); None means the whole file is new."""

    lines: dict[str, frozenset[int] | None]

    def covers(self, path: str) -> bool:
        """Whether the file has any added or changed line (only those files need checking)."""
        return os.path.realpath(path) in self.lines

    def __call__(self, path: str, findings: list[Finding]) -> list[Finding]:
        """A pipeline post-filter: keep the findings that touch a changed line."""
        if not findings:
            return findings
        changed = self.lines.get(os.path.realpath(path), frozenset())
        if changed is None:
            return findings
        return [f for f in findings if any(line in changed for line in range(f.location.start.line,
                                                                             f.location.end.line + 1))]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    program = shutil.which("git")
    if program is None:
        raise UsageError("--since and --staged need `git`, which is not installed or not on PATH")
    try:
        return subprocess.run([program, "-c", "core.quotepath=off", *args], cwd=root, capture_output=True,
                              timeout=_GIT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UsageError(f"`git {' '.join(args)}` did not finish in {_GIT_TIMEOUT} s") from exc


def _toplevel(root: Path, option: str) -> Path:
    done = _git(root, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(f"{option} needs a git repository, and {root} is not inside one")
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


def _revision(root: Path, ref: str) -> str:
    if not ref or ref.startswith("-"):
        raise UsageError(f"--since: `{ref}` is not a git revision")
    done = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if done.returncode != 0:
        raise UsageError(f"--since: unknown git revision `{ref}` (a branch, tag or commit of the repository at {root})")
    return done.stdout.decode("ascii").strip()


def changed_lines(root: Path, *, since: str | None = None, staged: bool = False) -> ChangedLines:
    """Ask git what changed since `since` (working tree against it) or in the index (`staged`)."""
    option = "--staged" if staged else "--since"
    top = _toplevel(root, option)
    base = ["--cached"] if staged else [_revision(root, since or "")]
    diff = _git(top, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "-M",
                "--src-prefix=a/", "--dst-prefix=b/", *base, "--")
    if diff.returncode != 0:
        raise UsageError(f"`git diff` failed: {diff.stderr.decode('utf-8', 'replace').strip()}")
    lines: dict[str, frozenset[int] | None] = {}
    for name, numbers in parse_diff(diff.stdout.decode("utf-8", "surrogateescape").splitlines()).items():
        lines[os.path.realpath(top / name)] = frozenset(numbers)
    if not staged:
        untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z")
        for raw in untracked.stdout.split(b"\0"):
            if raw:
                lines[os.path.realpath(top / os.fsdecode(raw))] = None
    return ChangedLines(lines)


def parse_diff(diff_lines: Iterable[str]) -> dict[str, set[int]]:
    """The new side's added line numbers per file of a `--unified=0` diff (files with none are left out)."""
    result: dict[str, set[int]] = {}
    current: str | None = None
    for line in diff_lines:
        if line.startswith("+++ "):
            current = _path_after_prefix(line[4:])
        elif line.startswith("diff --git "):
            current = None
        elif current is not None and line.startswith("@@ "):
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) if match.group(2) is not None else 1)
                if count:
                    result.setdefault(current, set()).update(range(start, start + count))
    return result


def _path_after_prefix(text: str) -> str | None:
    """`b/src/app.py` (or git's C-quoted form) as `src/app.py`; None for `/dev/null` (a deleted file).

    Git ends a name that holds a space with a tab (for GNU patch); the tab is not part of the name.
    """
    if " " in text and text.endswith("\t"):
        text = text[:-1]
    if text.startswith('"') and text.endswith('"'):
        raw = codecs.escape_decode(text[1:-1].encode("utf-8", "surrogateescape"))[0]
        text = raw.decode("utf-8", "surrogateescape")  # type: ignore[union-attr]
    if text == "/dev/null" or not text.startswith("b/"):
        return None
    return text[2:]
