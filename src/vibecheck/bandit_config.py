"""`[tool.bandit]` in pyproject.toml: what a bandit user already configured is honoured, or refused with a pointer.

Honoured: `skips` and `tests` (bandit codes or test names) go to the bandit stage, as if written under
`[tool.vibecheck.bandit]` (where a key set there wins); `exclude_dirs` (and `exclude` globs, as
django-allauth writes them) keep bandit's checks out of those paths (a `per-file-ignores` of `B`): they
were written for bandit, and vibecheck's own rules still need them (a `tests` folder excluded from
bandit is what the test rules read); a
plugin's table (`[tool.bandit.assert_used]`, `[tool.bandit.any_other_function_with_shell_equals_true]`) is
passed to that plugin. Every other key is bandit's own business (a project that runs bandit beside vibecheck
keeps `targets` or `severity` for it), so it does not stop the run: it is ignored with a warning that names
where the setting goes in vibecheck, so that nothing a user configured is silently ignored. A key vibecheck
honours with a value of the wrong type is an error.
"""

from __future__ import annotations

from typing import Any

from vibecheck.errors import ConfigError

# bandit's keys that vibecheck does not read -> where the setting goes instead
ELSEWHERE: dict[str, str] = {
    "targets": "pass the paths to check on the command line (`vibecheck src`)",
    "recursive": "vibecheck always checks folders recursively",
    "severity": "use `fail-on` under `[tool.vibecheck]` (or `--fail-on`)",
    "confidence": "use `low-confidence-fails` under `[tool.vibecheck.bandit]`",
    "format": "use `--format`",
    "output": "use `--output`",
    "baseline": "use vibecheck's baseline instead of bandit's",
    "profile": "list the codes in `select` or `ignore` under `[tool.vibecheck]`",
    "ignore_nosec": "a `# nosec` comment is always honoured; remove the comments you no longer want",
    "aggregate": "vibecheck reports one finding per problem and line",
    "number": "vibecheck reports each finding on its own lines",
    "msg_template": "use `--format`",
}
LIST_KEYS = ("skips", "tests")


def apply_bandit_table(table: Any, *, where: str, bandit: dict[str, Any],
                       prefix: str = "") -> tuple[dict[str, Any], tuple[str, ...], tuple[str, ...]]:
    """(the `[tool.vibecheck.bandit]` table with `[tool.bandit]` merged in, the paths bandit must not check, the
    warnings about the keys left to bandit).

    `prefix` is the folder of the pyproject.toml relative to the run's root, for `exclude_dirs`.
    """
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `tool.bandit` must be a table")
    merged = dict(bandit)
    excludes: list[str] = []
    ignored: list[str] = []
    for key, value in table.items():
        if key in LIST_KEYS:
            merged.setdefault(key, _strings(where, key, value))
        elif key in ("exclude_dirs", "exclude"):
            excludes += [prefix + pattern.strip().removeprefix("./").rstrip("/")
                         for pattern in _strings(where, key, value) if pattern.strip(" ./")]
        elif key in ELSEWHERE:
            ignored.append(f"{where}: `[tool.bandit] {key}` is left to bandit, vibecheck ignores it: {ELSEWHERE[key]}.")
        elif isinstance(value, dict):
            merged.setdefault(key, value)  # a plugin's settings; the bandit stage validates the plugin name
        else:
            ignored.append(f"{where}: `[tool.bandit] {key}` is not a setting vibecheck knows, so it is ignored: it reads "
                           "`skips`, `tests`, `exclude_dirs` and plugin tables; put other settings under "
                           "`[tool.vibecheck]`.")
    return merged, tuple(excludes), tuple(ignored)


def _strings(where: str, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: `[tool.bandit] {key}` must be a list of strings")
    return list(value)
