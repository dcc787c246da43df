"""Version bumps in pyproject.toml."""

import re
from pathlib import Path

from packaging.version import Version

VERSION_LINE = re.compile(r'^version\s*=\s*"([^"]+)"', re.MULTILINE)


def read_version(pyproject: Path) -> Version:
    match = VERSION_LINE.search(pyproject.read_text())
    if not match:
        raise ValueError(f"no version in {pyproject}")
    return Version(match.group(1))


def bump(version: Version, part: str) -> Version:
    major, minor, patch = version.major, version.minor, version.micro
    if part == "major":
        return Version(f"{major + 1}.0.0")
    if part == "minor":
        return Version(f"{major}.{minor + 1}.0")
    if part == "patch":
        return Version(f"{major}.{minor}.{patch + 1}")
    raise ValueError(f"unknown part {part!r}")


def write_version(pyproject: Path, version: Version) -> None:
    text = pyproject.read_text()
    pyproject.write_text(VERSION_LINE.sub(f'version = "{version}"', text, count=1))


# expect: VC501
def prerelease(version: Version, label: str) -> Version:
    pass
