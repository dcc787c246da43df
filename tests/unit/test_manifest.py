"""The registry manifest: what it saves answers as the loaded registry does, and what it names is checked first."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from vibecheck.manifest import FILE, read_manifest, save_manifest
from vibecheck.registry import Registry, load_registry
from vibecheck.selection import analyzer_codes, known_codes, resolve_selection


def test_a_saved_manifest_answers_as_the_loaded_registry(tmp_path: Path) -> None:
    registry = load_registry()
    save_manifest(tmp_path, registry)
    saved = read_manifest(tmp_path)
    assert saved is not None
    summary, tables = saved
    assert summary == registry.summary()
    assert {tool: (prefix, list(codes)) for tool, (prefix, codes) in tables.items()} == analyzer_codes()
    deferred = Registry.from_summary(summary)
    assert known_codes(deferred) == known_codes(registry)
    assert resolve_selection(deferred, ignore=("VC1",)) == resolve_selection(registry, ignore=("VC1",))
    assert deferred.deferred and deferred.module_files == registry.module_files
    assert deferred.by_code == registry.by_code and not deferred.deferred  # asking for a class loads the packs


def test_a_project_rule_class_comes_from_its_own_module_without_loading_the_packs(tmp_path: Path) -> None:
    """A project phase on a warm cache asks for a few rule classes: each is imported from the module the manifest
    names, and the packs stay unloaded. A class the summary does not name loads them."""
    registry = load_registry()
    save_manifest(tmp_path, registry)
    saved = read_manifest(tmp_path)
    assert saved is not None
    deferred = Registry.from_summary(saved[0])
    project_codes = [rule.code for rule in registry.project_rules]
    assert project_codes and all(deferred.rule_class(code) is registry.by_code[code] for code in project_codes)
    assert deferred.deferred
    unnamed = Registry.from_summary(dataclasses.replace(
        saved[0], rules=tuple(dataclasses.replace(info, origin="") for info in saved[0].rules)))
    assert unnamed.rule_class(project_codes[0]) is registry.by_code[project_codes[0]] and not unnamed.deferred


@pytest.mark.parametrize("field", ["readers", "origin"])
def test_a_manifest_naming_a_module_outside_vibecheck_and_the_installed_packs_is_refused(tmp_path: Path,
                                                                                       field: str) -> None:
    save_manifest(tmp_path, load_registry())
    data = json.loads((tmp_path / FILE).read_text(encoding="utf-8"))
    data["registry"]["rules"][0][field] = ["planted_module:inputs"] if field == "readers" else "planted_module:Rule"
    (tmp_path / FILE).write_text(json.dumps(data), encoding="utf-8")
    assert read_manifest(tmp_path) is None


def test_a_registry_with_errors_is_not_saved(tmp_path: Path) -> None:
    broken = Registry()
    broken.errors.append("rule pack `acme` failed to load: ImportError: no module named acme_helpers")
    save_manifest(tmp_path, broken)
    assert not (tmp_path / FILE).exists()


def test_the_project_rules_load_without_libcst() -> None:
    """A hook's project phase runs in the command's own process, which has not loaded libcst (0.2 s of imports): the
    project rules' modules import the tables and keys they share with the walk, never the walk's modules; a
    walker they need in every file imports its module when it is called, where files are walked."""
    import subprocess
    import sys

    modules = sorted({rule.__module__ for rule in load_registry().project_rules if rule.__module__.startswith("vibecheck.")})
    assert len(modules) >= 8
    probe = f"import importlib, sys\nfor name in {modules!r}:\n    importlib.import_module(name)\nprint('libcst' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert answer.stdout.strip() == "False"


def test_the_checker_loads_without_libcst_matchers() -> None:
    """`libcst.matchers` is a generated module that costs a quarter of a second to import: a rule or analysis module
    importing it would slow every worker, hook and pre-commit run by that much. Rules walk nodes by hand."""
    import subprocess
    import sys

    probe = "import sys\nfrom vibecheck.preload import load_checker_modules\nload_checker_modules()\n" \
            "print('libcst' in sys.modules, 'libcst.matchers' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert answer.stdout.split() == ["True", "False"]


def test_the_checker_loads_without_what_bandit_imports_for_its_own_runner() -> None:
    """The worker that checks a hook's file imports the checker on the hook's critical path: bandit's progress bar
    (`rich.progress`, with `rich.console`) and config file reader (`yaml`) are stood in for, not imported
    (`vibecheck.integrations.stand_ins`)."""
    import subprocess
    import sys

    probe = "import sys\nfrom vibecheck.preload import load_checker_modules\nload_checker_modules()\n" \
            "print(*(name in sys.modules for name in ('bandit', 'rich.console', 'yaml.loader')))"
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert answer.stdout.split() == ["True", "False", "False"]


def test_a_hooks_cache_key_is_read_without_libcst() -> None:
    """A hook's own process computes each file's cache key from the manifest before its worker (which loads libcst)
    answers: every `cache_inputs`, fact collector and index reader the manifest names resolves without libcst, so
    the key's readers cost a few small modules, not the checker's imports (0.2 s) on the command's process."""
    import subprocess
    import sys

    summary = load_registry().summary()
    references = sorted({reference for info in summary.rules
                         for reference in (*info.readers, *info.fact_readers, *(reader for _, reader in info.index_readers))})
    assert len(references) >= 10
    probe = ("import sys\nfrom vibecheck.registry import resolve_reader\n"
             f"for reference in {references!r}:\n    resolve_reader(reference)\nprint('libcst' in sys.modules)")
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert answer.stdout.strip() == "False", answer.stderr
