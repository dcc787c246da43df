"""The registry's summary, saved in the cache, so that a run whose every file hits the cache imports no rule module.

Importing the rule modules (libcst with them) and bandit's plugins takes about 0.6 s, most of a warm run. What a
run needs from them before a file misses the cache (each rule's code, name, default, the codes it supersedes and
what it reads beyond a file; bandit's code table) is saved as `registry.json` in `.vibecheck_cache/`, under a
stamp of everything it was read from: vibecheck's version and sources, the Python version, the entry points and
versions of the installed rule packs, the files and folders of their rule modules, the site folders (a package
installed or removed), and each analyzer's own fingerprint (bandit's version and plugins). A manifest whose
stamp differs, or that does not decode, is ignored and rewritten. The rule packs still load the first time a
rule class is needed: a file to check, rule options to parse, a rule's docs, a SARIF report.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from vibecheck import __version__, safe_files
from vibecheck.analyzers import ExternalCode, analyzers
from vibecheck.cache import cache_folder, code_digest, content_digest, write_atomically
from vibecheck.registry import (
    ENTRY_POINT_GROUP,
    Registry,
    RegistrySummary,
    RuleInfo,
    load_registry,
    loaded_registry,
    use_registry,
)
from vibecheck.selection import analyzer_codes, use_external_codes

FILE = "registry.json"
FORMAT = 5
SIZE_LIMIT = 16 * 1024 * 1024  # bytes; a larger file is not one of ours

Tables = Mapping[str, tuple[str, Sequence[ExternalCode]]]


def registry_for(root: str | os.PathLike[str] | None) -> Registry:
    """The process's registry: from the manifest in the cache under `root` when it is current (None: no cache),
    else loaded from the installed packs."""
    existing = loaded_registry()
    if existing is not None:
        return existing
    if root is not None:
        saved = read_manifest(cache_folder(root))
        if saved is not None:
            summary, tables = saved
            use_external_codes(tables)
            return use_registry(Registry.from_summary(summary))
    return load_registry()


def read_manifest(folder: Path) -> tuple[RegistrySummary, Tables] | None:
    """The saved summary and analyzer code tables, or None when there are none, they do not decode, or are stale."""
    if folder.is_symlink():
        return None  # never follow a planted link out of the project
    try:
        data = json.loads(safe_files.read_own_file(folder / FILE, SIZE_LIMIT))
        summary = _summary(data["registry"])
        tables = {str(tool): (str(prefix), [_external(item) for item in codes])
                  for tool, (prefix, codes) in data["external"].items()}
        points = _rule_pack_points()
        if data["format"] != FORMAT or data["stamp"] != stamp(summary.module_files, points):
            return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    trusted = _trusted_packages(points)
    if any(reference.partition(".")[0].partition(":")[0] not in trusted
           for rule in summary.rules
           for reference in (*rule.readers, *rule.fact_readers, *filter(None, [rule.origin]))):
        return None  # a reader or rule class outside vibecheck and the installed packs: never import what a manifest names
    return summary, tables


def save_manifest(folder: Path, registry: Registry) -> None:
    """Save the summary of a loaded registry (one with errors is not saved: a fixed plugin must load again)."""
    if registry.deferred or registry.errors:
        return
    text = manifest_text(registry)
    if text is None:
        return
    target = folder / FILE
    try:
        if content_digest(safe_files.read_own_file(target, SIZE_LIMIT)) == content_digest(text):
            return
    except OSError:
        pass
    write_atomically(target, text)


@functools.lru_cache(maxsize=1)
def manifest_text(registry: Registry) -> bytes | None:
    """The manifest of a loaded registry, once per process (a resident server makes it before forking commands);
    None when a rule's `cache_inputs` function has no importable name: that registry always loads."""
    try:
        summary = registry.summary()
    except ValueError:
        return None
    payload = {"format": FORMAT, "stamp": stamp(summary.module_files, _rule_pack_points()),
               "registry": dataclasses.asdict(summary),
               "external": {tool: [prefix, [dataclasses.asdict(code) for code in codes]]
                            for tool, (prefix, codes) in analyzer_codes().items()}}
    return json.dumps(payload, sort_keys=True).encode("utf-8")


def _rule_pack_points() -> Sequence[Any]:
    """The installed rule packs' entry points (asked once per manifest read: each query scans every distribution)."""
    return list(entry_points(group=ENTRY_POINT_GROUP))


def stamp(module_files: Iterable[str], rule_pack_points: Sequence[Any]) -> str:
    """What the registry and the analyzers' code tables were read from, as one digest."""
    files = sorted(module_files)
    points = sorted((point.name, point.value, _version(point)) for point in rule_pack_points)
    tools = sorted((analyzer.name, analyzer.fingerprint()) for analyzer in analyzers())
    folders = sorted({os.path.dirname(path) for path in files})
    return content_digest(json.dumps([FORMAT, __version__, sys.version, points, tools,
                                      code_digest([*files, *folders, *_site_folders()])]).encode("utf-8"))


def _site_folders() -> list[str]:
    """The site folders on `sys.path`: installing or removing a package changes their time, and a rule pack may
    fail to load without a package it imports (a warm run must then fail as a cold one does)."""
    return sorted({entry for entry in sys.path if os.path.basename(entry.rstrip(os.sep)) in ("site-packages", "dist-packages")})


def _version(point: Any) -> str:
    dist = getattr(point, "dist", None)
    return str(getattr(dist, "version", "") or "")


def _trusted_packages(rule_pack_points: Sequence[Any]) -> set[str]:
    """vibecheck and the top-level packages of the installed rule packs' entry points."""
    return {"vibecheck", *(point.value.partition(":")[0].partition(".")[0] for point in rule_pack_points)}


def _summary(data: dict[str, Any]) -> RegistrySummary:
    rules = tuple(RuleInfo(**{**rule, "supersedes": tuple(rule["supersedes"]), "readers": tuple(rule["readers"]),
                              "index_readers": tuple((key, reader) for key, reader in rule["index_readers"]),
                              "released_by": tuple(rule["released_by"]),
                              "fact_readers": tuple(rule["fact_readers"])})
                  for rule in data["rules"])
    for rule in rules:
        if not (isinstance(rule.code, str) and isinstance(rule.name, str)
                and all(isinstance(item, str) for item in (*rule.supersedes, *rule.readers, rule.origin, *rule.released_by,
                                                             *rule.fact_readers,
                                                             *(text for pair in rule.index_readers for text in pair)))):
            raise ValueError("a rule's facts are not text")
    packs = tuple((str(name), str(version)) for name, version in data["packs"])
    return RegistrySummary(rules, packs, tuple(str(error) for error in data["errors"]),
                           tuple(str(path) for path in data["module_files"]))


def _external(item: dict[str, Any]) -> ExternalCode:
    return ExternalCode(**{**item, "cwe": tuple(int(number) for number in item["cwe"])})
