"""LangChain versions of the tools, for the LangGraph research agent."""

import pathlib
import subprocess

import httpx
from langchain_core.tools import tool

from .config import settings

NOTES_DIR = pathlib.Path("data/notes")


@tool
def save_note(filename: str, content: str) -> str:
    """Save a research note to disk."""
    # expect: VC401/VC405
    (NOTES_DIR / filename).write_text(content, encoding="utf-8")
    return f"saved {filename}"


@tool
def save_note_safely(title: str, content: str) -> str:
    """Save a research note under a name derived from its title."""
    slug = "".join(ch for ch in title.lower() if ch.isalnum() or ch == "-")[:60] or "note"
    target = (NOTES_DIR / f"{slug}.md").resolve()
    if not target.is_relative_to(NOTES_DIR.resolve()):
        raise ValueError("bad note name")
    # ok: VC401/VC405
    target.write_text(content, encoding="utf-8")
    return f"saved {target.name}"


@tool
def http_get(url: str) -> str:
    """GET any URL and return the body."""
    # expect: VC401/VC405, VC107
    return httpx.get(url, timeout=10).text[:10_000]


@tool
def pip_install(package: str) -> str:
    """Install a Python package the analysis needs."""
    # expect: VC401/VC421/VC408
    return subprocess.check_output(f"pip install {package}", shell=True, text=True)


@tool
def word_count(path: str) -> str:
    """Count the words of a file in the docs folder."""
    root = settings.docs_root.resolve()
    target = (root / path).resolve()
    if root not in target.parents:
        return "outside docs"
    # ok: VC401/VC405
    return str(len(target.read_text(encoding="utf-8").split()))


RESEARCH_TOOLS = [save_note, save_note_safely, http_get, pip_install, word_count]
