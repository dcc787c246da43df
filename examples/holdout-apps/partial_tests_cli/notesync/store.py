"""Notes on disk: one markdown file per note, front matter for the id."""

from __future__ import annotations

from pathlib import Path


class NoteNotFound(KeyError):
    pass


class LocalStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # ok: VC301
    def put(self, slug: str, body: str) -> Path:
        path = self.root / f"{slug}.md"
        path.write_text(body, encoding="utf-8")
        return path

    # ok: VC301
    def get(self, slug: str) -> str:
        path = self.root / f"{slug}.md"
        # ok: VC309
        if not path.exists():
            raise NoteNotFound(slug)
        return path.read_text(encoding="utf-8")

    # ok: VC301
    def slugs(self) -> list[str]:
        return sorted(p.stem for p in self.root.glob("*.md"))


class RemoteStore:
    def __init__(self, session, base_url: str) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")

    # expect: VC301
    def get(self, slug: str) -> str:
        resp = self.session.get(f"{self.base_url}/notes/{slug}", timeout=10)
        if resp.status_code == 404:
            raise NoteNotFound(slug)
        resp.raise_for_status()
        return resp.json()["body"]

    # expect: VC301
    def put(self, slug: str, body: str) -> None:
        resp = self.session.put(f"{self.base_url}/notes/{slug}", json={"body": body}, timeout=10)
        resp.raise_for_status()
