"""Shards of one check for a CI matrix: `--shard K/N` checks a stable part of the files, `merge` joins them.

A file belongs to shard `hash(relative path) % N + 1`, so the partition does not depend on the machine, the
order of discovery or the other files. A shard checks only its files and skips the project phase (it
lacks the other shards' facts); its JSON report carries, under `vibecheck-shard`, every file's result
before filtering (findings, suppressions, facts) in `vibecheck.result_codec`'s form. `merge` decodes them
and runs the project phase and the filter stage once over all files, as an unsharded run would.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vibecheck import __version__, result_codec
from vibecheck.config import Settings
from vibecheck.discovery import relative_posix
from vibecheck.errors import UsageError
from vibecheck.model import FileResult

SHARD_KEY = "vibecheck-shard"
SHARD_FORMAT = 1
# Settings that differ between the machines of one CI matrix, or do not change the report.
NOT_COMPARED = frozenset({"root", "config_path", "jobs", "per_file_timeout", "per_file_memory", "isolate", "cache", "fix",
                          "unsafe_fixes", "fail_on", "exclude", "extend_exclude", "force_exclude", "baseline",
                          "config_warnings"})


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """`K/N` with 1 <= K <= N."""
        index, slash, count = text.partition("/")
        if not slash or not index.strip().isdigit() or not count.strip().isdigit():
            raise UsageError(f"--shard takes K/N (this run's part and the number of parts, e.g. 2/4), not `{text}`")
        shard = cls(int(index), int(count))
        if not 1 <= shard.index <= shard.count:
            raise UsageError(f"--shard {text}: K must be between 1 and N")
        return shard

    def holds(self, relative: str) -> bool:
        digest = hashlib.blake2b(relative.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index - 1


def settings_digest(settings: Settings) -> str:
    """What must be equal between the shards and the merge: the settings that change findings."""
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in NOT_COMPARED}
    return hashlib.blake2b(json.dumps(values, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


def shard_payload(shard: Shard, settings: Settings, results: Sequence[FileResult], targets: Sequence[str],
                  warnings: Sequence[str]) -> dict[str, Any]:
    """The `vibecheck-shard` member of a shard's JSON report; paths relative to the project root, so the merge
    may run in a checkout at another place."""
    root = Path(settings.root).resolve()
    walked = [relative_posix(Path(t).resolve(), root) for t in targets if Path(t).is_dir()]
    return {
        "format": SHARD_FORMAT, "version": __version__, "shard": [shard.index, shard.count],
        "settings": settings_digest(settings), "walked": walked, "warnings": list(warnings),
        "files": [{"relative": relative_posix(Path(r.path).resolve(), root), "result": result_codec.encode(r)}
                  for r in sorted(results, key=lambda r: r.path)],
    }


def with_shard_payload(report_json: str, payload: dict[str, Any]) -> str:
    """The JSON report with the shard's data as one more top-level member (ASCII, so the report stays valid)."""
    body = report_json.rstrip()
    if not body.endswith("}"):
        raise ValueError("not a JSON object")
    return f'{body[:-1].rstrip()},\n  "{SHARD_KEY}": {json.dumps(payload, ensure_ascii=True)}\n}}\n'


@dataclass
class ShardData:
    """What `merge` needs from all the shards together."""

    results: list[FileResult]
    relative: dict[str, str]
    walked: list[str]
    warnings: list[str]


def load_shards(paths: Sequence[str], settings: Settings) -> ShardData:
    """Read and check the shard reports: one format, one version, the settings of this merge, every shard once."""
    data = ShardData([], {}, [], [])
    seen: dict[int, str] = {}
    count: int | None = None
    for path in paths:
        payload = _read_payload(path)
        if payload.get("format") != SHARD_FORMAT:
            raise UsageError(f"{path}: shard report format {payload.get('format')!r}; this vibecheck reads format "
                             f"{SHARD_FORMAT} (write the shards and merge them with the same vibecheck version)")
        if payload.get("version") != __version__:
            raise UsageError(f"{path}: written by vibecheck {payload.get('version')}, this is {__version__}; "
                             "use the same version for the shards and the merge")
        index, total = _shard_of(path, payload)
        if count is not None and total != count:
            raise UsageError(f"{path}: shard {index}/{total} does not belong with shards of {count}")
        count = total
        if index in seen:
            raise UsageError(f"{path}: shard {index}/{total} was given twice (also {seen[index]})")
        seen[index] = path
        if payload.get("settings") != settings_digest(settings):
            raise UsageError(f"{path}: the shard was checked with other settings than this merge; pass `merge` the "
                             "same configuration and --select/--extend-select/--ignore as the shards")
        _add(data, path, payload)
    missing = sorted(set(range(1, (count or 0) + 1)) - set(seen))
    if missing:
        raise UsageError(f"shard(s) {', '.join(f'{k}/{count}' for k in missing)} missing: merge every shard, "
                         "or their findings are lost")
    return data


def _read_payload(path: str) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the report: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        report = result_codec.loads(text)
    except ValueError as exc:
        raise UsageError(f"{path}: malformed report: not JSON, or shard data of a foreign shape ({exc})") from exc
    payload = report.get(SHARD_KEY) if isinstance(report, dict) else None
    if not isinstance(payload, dict):
        raise UsageError(f"{path}: not a shard report (no `{SHARD_KEY}`); write it with "
                         "`vibecheck check --shard K/N --format json --output FILE`")
    return payload


def _shard_of(path: str, payload: dict[str, Any]) -> tuple[int, int]:
    shard = payload.get("shard")
    if (not isinstance(shard, list) or len(shard) != 2 or not all(type(n) is int for n in shard)
            or not 1 <= shard[0] <= shard[1]):
        raise UsageError(f"{path}: malformed shard report (`shard` is not [K, N])")
    return shard[0], shard[1]


def _add(data: ShardData, path: str, payload: dict[str, Any]) -> None:
    try:
        files = payload["files"]
        walked, warnings = payload["walked"], payload["warnings"]
        if not isinstance(files, list) or not isinstance(walked, list) or not isinstance(warnings, list):
            raise ValueError("files, walked and warnings must be lists")
        for item in files:
            result = result_codec.load_result(item["result"])
            relative = item["relative"]
            if not isinstance(relative, str):
                raise ValueError("a relative path must be a string")
            data.results.append(result)
            data.relative[result.path] = relative
        data.walked.extend(str(w) for w in walked if str(w) not in data.walked)
        data.warnings.extend(str(w) for w in warnings)
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"{path}: malformed shard report: {exc}") from exc
