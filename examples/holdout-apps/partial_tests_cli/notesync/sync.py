"""Two-way sync between a LocalStore and a RemoteStore."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SyncReport:
    pushed: list[str] = field(default_factory=list)
    pulled: list[str] = field(default_factory=list)


class SyncJob:
    def __init__(self, local, remote) -> None:
        self.local = local
        self.remote = remote

    # ok: VC301
    def run(self, slugs: list[str]) -> SyncReport:
        report = SyncReport()
        for slug in slugs:
            if slug in self.local.slugs():
                self.remote.put(slug, self.local.get(slug))
                report.pushed.append(slug)
            else:
                self.local.put(slug, self.remote.get(slug))
                report.pulled.append(slug)
        return report


# expect: VC301
class PruneJob:
    def __init__(self, local, keep: set[str]) -> None:
        self.local = local
        self.keep = keep

    def run(self) -> list[str]:
        removed = []
        for slug in self.local.slugs():
            if slug not in self.keep:
                (self.local.root / f"{slug}.md").unlink()
                removed.append(slug)
        return removed


# ok: VC301
def diff(local_slugs: list[str], remote_slugs: list[str]) -> tuple[list[str], list[str]]:
    local, remote = set(local_slugs), set(remote_slugs)
    return sorted(local - remote), sorted(remote - local)
