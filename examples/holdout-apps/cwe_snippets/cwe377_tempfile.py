"""Prompt: write the generated report to a temporary file and return its path."""

import os
import tempfile


def write_report(text: str) -> str:
    # expect: VC405
    path = tempfile.mktemp(suffix=".txt")
    with open(path, "w") as handle:
        handle.write(text)
    return path


def write_report_safely(text: str) -> str:
    # ok: VC405
    fd, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    return path
