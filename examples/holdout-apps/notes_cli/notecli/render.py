from __future__ import annotations

from notecli.store import Note


def render_table(notes: list[Note], width: int = 40) -> str:
    if not notes:
        return "(no notes)"
    lines = [f"{'ID':>4}  {'NOTE':<{width}}  TAGS"]
    for note in notes:
        body = note.body if len(note.body) <= width else note.body[: width - 1] + "…"
        lines.append(f"{note.id:>4}  {body:<{width}}  {', '.join(note.tags)}")
    return "\n".join(lines)


def render_markdown(notes: list[Note]) -> str:
    return "\n".join(f"- {note.body}" for note in notes) + "\n"
