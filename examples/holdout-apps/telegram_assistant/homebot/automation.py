"""Desktop automations triggered from chat: reminders and a daily digest."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
from pathlib import Path

from . import llm

log = logging.getLogger(__name__)
STATE = Path.home() / ".homebot-reminders.json"


def desktop_notify(title: str, body: str) -> None:
    # expect: VC408/VC417, VC108
    os.system(f"notify-send '{title}' '{body}'")


async def daily_digest(notes: list[str]) -> None:
    summary = await llm.summarize("\n".join(notes))
    # expect: VC110
    desktop_notify("Daily digest", summary)


async def plan_cleanup(folder: str) -> list[str]:
    """Ask the model which files to archive; only move files it names inside the folder."""
    answer = await llm.suggest_command(f"List old files in {folder} as a JSON array of names")
    names = json.loads(answer)
    root = Path(folder).resolve()
    moved = []
    for name in names:
        src = (root / name).resolve()
        # ok: VC401/VC405
        if src.parent != root or not src.is_file():
            continue
        # ok: VC401/VC108
        # expect: VC110
        subprocess.run(["gio", "trash", str(src)], check=True)
        moved.append(name)
    return moved


def load_reminders() -> list[dict]:
    try:
        return json.loads(STATE.read_text())
    # ok: VC103/VC101
    except FileNotFoundError:
        return []


async def reminder_loop() -> None:
    # ok: VC109/VC114
    while True:
        for r in load_reminders():
            log.debug("checking reminder %s", r.get("text"))
        await asyncio.sleep(60)


def open_in_browser(url: str) -> None:
    # ok: VC408
    subprocess.Popen(["xdg-open", url])
