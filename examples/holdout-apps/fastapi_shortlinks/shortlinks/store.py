"""In-memory link store; the app gets it through a dependency so tests can swap it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field


@dataclass
class Link:
    code: str
    target: str
    owner: str
    hits: int = 0


@dataclass
class LinkStore:
    links: dict[str, Link] = field(default_factory=dict)

    def create(self, target: str, owner: str, code: str | None = None) -> Link:
        code = code or secrets.token_urlsafe(6)
        if code in self.links:
            raise KeyError(code)
        link = Link(code, target, owner)
        self.links[code] = link
        return link

    def resolve(self, code: str) -> Link | None:
        link = self.links.get(code)
        if link is not None:
            link.hits += 1
        return link

    def for_owner(self, owner: str) -> list[Link]:
        return [link for link in self.links.values() if link.owner == owner]


_STORE = LinkStore()


def get_store() -> LinkStore:
    return _STORE
