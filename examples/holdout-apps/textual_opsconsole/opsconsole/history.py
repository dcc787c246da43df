"""Command history kept between sessions."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

HISTORY = Path.home() / ".cache" / "opsconsole" / "history.pkl"
FAVOURITES = Path.home() / ".cache" / "opsconsole" / "favourites.json"


def load_history() -> list[str]:
    if not HISTORY.exists():
        return []
    try:
        # expect: VC406
        return pickle.loads(HISTORY.read_bytes())
    # expect: VC101
    except Exception:
        return []


def save_history(entries: list[str]) -> None:
    HISTORY.parent.mkdir(parents=True, exist_ok=True)
    HISTORY.write_bytes(pickle.dumps(entries[-500:]))


def load_favourites() -> list[str]:
    if not FAVOURITES.exists():
        return []
    # ok: VC406
    return json.loads(FAVOURITES.read_text())
