"""Find, read and validate `[tool.vibecheck]`; merge command-line flags over it into one `Settings`.

The closest `vibecheck.toml` (top-level keys) or `pyproject.toml` with a `[tool.vibecheck]` table wins,
searching upward from the common parent of the checked paths. Unknown keys, rule codes and rule options
are errors with a "did you mean" hint: a typo must not silently switch a guardrail off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vibecheck.bandit_config import apply_bandit_table
from vibecheck.discovery import invalid_pattern
from vibecheck.errors import ConfigError, UsageError, VibecheckError, closest
from vibecheck.model import Severity
from vibecheck.registry import Registry
from vibecheck.safe_files import read_regular_file
from vibecheck.selection import SelectionError, split_selectors, validate_selectors
from vibecheck.test_data import pytest_collection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_KEYS = ("select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude", "fail-on",
               "test-paths", "src-paths", "rules", "bandit", "per-file-timeout", "per-file-memory", "baseline", "cache")
DEFAULT_TEST_PATHS = ("tests/", "test_*.py", "*_test.py", "conftest.py")
FAIL_ON = tuple(s.value for s in Severity)
CONFIG_FILE_LIMIT = 4_000_000  # bytes; a config file larger than this is not one
DEFAULT_PER_FILE_TIMEOUT = 120.0
DEFAULT_PER_FILE_MEMORY = 4096  # MiB; the largest real files measured need about 350 MiB (a 590 KB module)


@dataclass(frozen=True)
class Settings:
    """Everything one run needs; plain data, so it can be sent to worker processes."""

    root: str = "."
    config_path: str | None = None
    # No config was found, so `root` is only the folder the run started in (maybe a home folder or /tmp): the
    # project phase then looks for tests beside the checked files only where a project marks its top.
    root_is_cwd: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    fail_on: Severity = Severity.LOW
    test_paths: tuple[str, ...] = DEFAULT_TEST_PATHS
    # What the project's pytest configuration does not collect (`vibecheck.test_data`), read at the root:
    # test files there are test data, which the test rules leave alone.
    test_data: tuple[str, ...] = ()
    src_paths: tuple[str, ...] = ()
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    bandit: dict[str, Any] = field(default_factory=dict)
    jobs: int | None = None
    # Seconds one file may take (every rule and analyzer on it) before its worker is stopped and the file
    # reported as an engine error; None: no limit. Enforced when files are checked in worker processes.
    per_file_timeout: float | None = DEFAULT_PER_FILE_TIMEOUT
    # MiB of address space one file may add to its worker (every rule and analyzer on it) before the file is
    # stopped and reported as an engine error; None: no limit. Enforced in worker processes, on Linux.
    per_file_memory: int | None = DEFAULT_PER_FILE_MEMORY
    # Check files in worker processes that can die alone (a crash or `os._exit` in a rule costs one file);
    # False checks in this process (for library callers and tests that observe the pipeline from here).
    isolate: bool = True
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # with `fix`: compute the fixes and their diff, write nothing
    no_bandit: bool = False
    baseline: str | None = None  # the baseline file, relative to `root` (`vibecheck.baseline`)
    # Keep each file's result in `.vibecheck_cache/` under `root` (`vibecheck.cache`). `load_settings` turns it
    # on unless the config says `cache = false`; `--no-cache` and `VIBECHECK_NO_CACHE` turn it off.
    cache: bool = False
    raw: dict[str, Any] = field(default_factory=dict)
    # What the config asked that this run does not do (`[tool.bandit] targets`): printed as warnings, never in a key.
    config_warnings: tuple[str, ...] = ()


def find_config(start: Path) -> Path | None:
    """The closest `vibecheck.toml`, or `pyproject.toml` with `[tool.vibecheck]`, at or above `start`."""
    for folder in [start, *start.parents]:
        candidate = folder / "vibecheck.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "vibecheck" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def common_parent(paths: Sequence[str | os.PathLike[str]], cwd: Path | None = None) -> Path:
    """The deepest folder containing every path (the cwd when there are none)."""
    base = cwd or Path.cwd()
    if not paths:
        return base
    resolved = []
    for path in paths:
        try:
            resolved.append((base / path).resolve())
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
            raise UsageError(f"{path}: cannot resolve the path (a symlink loop?)") from exc
    folders = [p if p.is_dir() else p.parent for p in resolved]
    return Path(os.path.commonpath([str(f) for f in folders]))


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file met on the search path; whatever is wrong with it is a `ConfigError`, never a traceback."""
    try:
        text = read_regular_file(path, CONFIG_FILE_LIMIT).decode("utf-8")
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: byte 0x{exc.object[exc.start]:02x} at offset {exc.start} is not "
                          "UTF-8; save the file as UTF-8") from exc
    except (RecursionError, MemoryError) as exc:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply to read") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file: {exc.strerror}") from exc


def read_config(path: Path) -> dict[str, Any]:
    """The vibecheck table of a config file (`[tool.vibecheck]` of a pyproject.toml, else the whole file)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("vibecheck", {})
    else:
        table = data.get("tool", {}).get("vibecheck", data) if "tool" in data else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: `tool.vibecheck` must be a table")
    return table


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = closest(word, choices)
    return f"; did you mean `{close}`?" if close else ""


def _string_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def settings_from_table(table: dict[str, Any], registry: Registry, *, where: str, root: Path,
                        config_path: Path | None = None) -> Settings:
    """Validate a `[tool.vibecheck]` table against the known keys, codes and rule options."""
    for key in table:
        if key not in CONFIG_KEYS:
            raise ConfigError(f"{where}: unknown key `{key}`{_did_you_mean(key, CONFIG_KEYS)}")
    values: dict[str, Any] = {"root": str(root), "config_path": str(config_path) if config_path else None,
                              "raw": dict(table), "cache": table.get("cache", True)}
    if not isinstance(values["cache"], bool):
        raise ConfigError(f"{where}: `cache` must be true or false")
    for key in ("select", "extend-select", "ignore"):
        if key in table:
            selectors = split_selectors(_string_list(where, key, table[key]))
            _validate(selectors, registry, f"{where}: `{key}`")
            values[key.replace("-", "_")] = selectors
    for key in ("exclude", "extend-exclude", "test-paths", "src-paths"):
        if key in table:
            values[key.replace("-", "_")] = _string_list(where, key, table[key])
            if key != "src-paths":
                _validate_patterns(values[key.replace("-", "_")], f"{where}: `{key}`")
    if "fail-on" in table:
        values["fail_on"] = parse_fail_on(table["fail-on"], where)
    if "per-file-timeout" in table:
        values["per_file_timeout"] = parse_timeout(table["per-file-timeout"], f"{where}: `per-file-timeout`")
    if "per-file-memory" in table:
        values["per_file_memory"] = parse_memory(table["per-file-memory"], f"{where}: `per-file-memory`")
    if "baseline" in table:
        if not isinstance(table["baseline"], str) or not table["baseline"].strip():
            raise ConfigError(f"{where}: `baseline` must be the path of the baseline file, such as `.vibecheck-baseline.json`")
        values["baseline"] = table["baseline"]
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}: `per-file-ignores` must be a table of glob = [codes]")
        parsed = {}
        for pattern, selectors in pfi.items():
            _validate_patterns([pattern], f"{where}: `per-file-ignores`")
            codes = split_selectors(_string_list(where, f"per-file-ignores.{pattern}", selectors))
            _validate(codes, registry, f"{where}: `per-file-ignores.{pattern}`")
            parsed[pattern] = codes
        values["per_file_ignores"] = parsed
    if "rules" in table:
        values["rule_options"] = _rule_options(table["rules"], registry, where)
    if "bandit" in table:
        if not isinstance(table["bandit"], dict):
            raise ConfigError(f"{where}: `bandit` must be a table")
        try:
            _check_bandit_options(table["bandit"])
        except ValueError as exc:
            raise ConfigError(f"{where}: `bandit`: {exc}") from exc
        values["bandit"] = dict(table["bandit"])
    return Settings(**values)


def _check_bandit_options(table: dict[str, Any]) -> None:
    """Raise ValueError for a bandit table bandit would refuse; an empty one needs no bandit (nor its import)."""
    if table:
        from vibecheck.integrations.bandit import options_from_table  # local: bandit's plugins load on import

        options_from_table(table)


def _validate(selectors: Sequence[str], registry: Registry, where: str) -> None:
    try:
        validate_selectors(selectors, registry, where)
    except SelectionError as exc:
        raise ConfigError(str(exc)) from exc


def _rule_options(rules: Any, registry: Registry, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: `rules` must be a table of `[tool.vibecheck.rules.<rule-name>]` tables")
    names = sorted(r.name for r in registry.rules)
    options: dict[str, dict[str, Any]] = {}
    for key, raw in rules.items():
        rule = registry.lookup(key)
        if rule is None:
            raise ConfigError(f"{where}: `rules.{key}` names no rule{registry.unloaded_hint() or _did_you_mean(key, names)}")
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: `rules.{key}` must be a table of options")
        try:
            rule.parse_options(raw)
        except (ValueError, TypeError) as exc:
            message = str(exc)
            unknown = [k for k in raw if f"`{k}`" in message and "unknown option" in message]
            known = [f.replace("_", "-") for f in getattr(rule.Options, "__dataclass_fields__", {})]
            hint = _did_you_mean(unknown[0], known) if unknown else ""
            raise ConfigError(f"{where}: `rules.{key}`: {message}{hint}") from exc
        options[rule.name] = dict(raw)
    return options


def _validate_patterns(patterns: Sequence[str], where: str) -> None:
    bad = invalid_pattern(patterns)
    if bad is not None:
        raise ConfigError(f"{where}: `{bad}` is not a valid gitignore-style pattern; write a glob such as `build/` or `!keep.py`")


def parse_timeout(value: Any, where: str) -> float | None:
    """Seconds > 0, or 0 for no limit."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(f"{where} must be a number of seconds (0 for no limit), not {value!r}")
    return float(value) or None


def parse_memory(value: Any, where: str) -> int | None:
    """Whole MiB > 0, or 0 for no limit."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where} must be a number of MiB (0 for no limit), not {value!r}")
    return value or None


def parse_fail_on(value: Any, where: str) -> Severity:
    if not isinstance(value, str) or value.lower() not in FAIL_ON:
        raise ConfigError(f"{where}: `fail-on` must be one of {', '.join(FAIL_ON)}{_did_you_mean(str(value), FAIL_ON)}")
    return Severity(value.lower())


def load_settings(
    paths: Sequence[str],
    registry: Registry,
    *,
    config_file: str | None = None,
    cwd: Path | None = None,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    """Settings for a run: the config file found for `paths` (or given), then the CLI `overrides` on top."""
    base = cwd or Path.cwd()
    path: Path | None
    if config_file is not None:
        path = (base / config_file).resolve()
        if not path.is_file():
            raise ConfigError(f"{config_file}: no such configuration file")
    else:
        path = find_config(common_parent(paths, base))
    if path is not None:
        settings = settings_from_table(read_config(path), registry, where=str(path), root=path.parent,
                                       config_path=path)
    else:
        settings = Settings(root=str(base), cache=True, root_is_cwd=True)
    pyproject = path if path is not None and path.name == "pyproject.toml" else _closest_pyproject(common_parent(paths, base))
    if pyproject is not None:
        settings = _with_bandit_table(settings, pyproject)
    test_data, test_modules = pytest_collection(Path(settings.root))
    settings = replace(settings, test_data=test_data)
    if test_modules and "test-paths" not in settings.raw:  # pytest's `python_files` names join the default patterns
        settings = replace(settings, test_paths=tuple(dict.fromkeys((*settings.test_paths, *test_modules))))
    return apply_overrides(settings, overrides or {}, registry)


def cache_root(paths: Sequence[str], *, config_file: str | None = None, cwd: Path | None = None) -> Path | None:
    """The folder whose `.vibecheck_cache/` the run reads (as `load_settings` finds it), or None when the config
    turns the cache off or cannot be read (`load_settings` then says why). Needs no registry, so that the
    registry can come from the cache's manifest (`vibecheck.manifest`)."""
    base = cwd or Path.cwd()
    try:
        path = (base / config_file).resolve() if config_file is not None else find_config(common_parent(paths, base))
        if path is None:
            return base
        return path.parent if path.is_file() and read_config(path).get("cache", True) is True else None
    except (VibecheckError, OSError):
        return None


def _closest_pyproject(start: Path) -> Path | None:
    return next((folder / "pyproject.toml" for folder in [start, *start.parents] if (folder / "pyproject.toml").is_file()),
                None)


def _with_bandit_table(settings: Settings, pyproject: Path) -> Settings:
    """Settings with a bandit user's `[tool.bandit]` honoured (`vibecheck.bandit_config`)."""
    table = _read_toml(pyproject).get("tool", {}).get("bandit")
    if table is None:
        return settings
    root = Path(settings.root).resolve()
    folder = pyproject.parent.resolve()
    prefix = folder.relative_to(root).as_posix() + "/" if folder != root and folder.is_relative_to(root) else ""
    bandit, excludes, ignored = apply_bandit_table(table, where=str(pyproject), bandit=settings.bandit, prefix=prefix)
    try:
        _check_bandit_options(bandit)
    except ValueError as exc:
        raise ConfigError(f"{pyproject}: {str(exc).replace('[tool.vibecheck.bandit]', '[tool.bandit]')}") from exc
    ignores = dict(settings.per_file_ignores)
    for pattern in excludes:
        ignores[pattern] = (*ignores.get(pattern, ()), "B")
    return replace(settings, bandit=bandit, per_file_ignores=ignores,
                   config_warnings=(*settings.config_warnings, *ignored))


def apply_overrides(settings: Settings, overrides: dict[str, Any], registry: Registry) -> Settings:
    """Command-line flags beat the config file; selectors given on the command line are validated too."""
    changes = {k: v for k, v in overrides.items() if v is not None and v != ()}
    for key, flag in (("select", "--select"), ("extend_select", "--extend-select"), ("ignore", "--ignore")):
        if key in changes:
            changes[key] = split_selectors(changes[key])
            _validate(changes[key], registry, f"option `{flag}`")
    if "extend_select" in changes:
        changes["extend_select"] = settings.extend_select + changes["extend_select"]
    if "ignore" in changes:
        changes["ignore"] = settings.ignore + changes["ignore"]
    for key, flag in (("exclude", "--exclude"), ("extend_exclude", "--extend-exclude")):
        if key in changes:
            _validate_patterns(changes[key], f"option `{flag}`")
    if "extend_exclude" in changes:
        changes["extend_exclude"] = settings.extend_exclude + tuple(changes["extend_exclude"])
    if "fail_on" in changes and not isinstance(changes["fail_on"], Severity):
        changes["fail_on"] = parse_fail_on(changes["fail_on"], "option `--fail-on`")
    if "per_file_timeout" in changes:
        changes["per_file_timeout"] = parse_timeout(changes["per_file_timeout"], "option `--per-file-timeout`")
    if "per_file_memory" in changes:
        changes["per_file_memory"] = parse_memory(changes["per_file_memory"], "option `--per-file-memory`")
    return replace(settings, **changes)
