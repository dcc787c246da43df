"""The one per-file pipeline that every entry point uses: the runner's workers, `api.check_source`, `vibecheck.testing`.

Per file (in a worker): the caller reads the bytes once; a `SourceUnit` decodes them once and parses
Python's `ast` at most once; the stages run on it: vibecheck's rules in one libcst walk, then each
analyzer (bandit) on the same text and `ast`; the suppression comments are parsed once. Findings of another
tool that an enabled rule vetted (proved the sink safe: `Rule.vet`, `vibecheck.vetting`) are dropped here. The
result is a `FileResult` holding the findings *before* filtering and the suppressions as data.

Then, once per file, after the project phase has added its findings: the filter stage (`Pipeline.filter`)
applies selection and per-file ignores, drops superseded codes, applies inline suppressions and reports
their hygiene (VC901/VC902), and finally runs the `post_filters`, where a baseline or a changed-lines
filter plugs in.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vibecheck.analyzers import Analyzer, analyzers
from vibecheck.config import Settings
from vibecheck.dedupe import drop_superseded, superseding_map
from vibecheck.depth import recursion_headroom
from vibecheck.discovery import is_test_file, matches
from vibecheck.engine_checks import ParseError
from vibecheck.gc_tuning import loading
from vibecheck.model import EngineError, FileResult, Finding
from vibecheck.project import project_root
from vibecheck.registry import Registry, RuleInfo, load_registry
from vibecheck.rule import Rule
from vibecheck.selection import Selection, known_codes, resolve_selection
from vibecheck.source import SourceUnit, decode_source, source_encoding
from vibecheck.suppression import Suppression, apply_suppressions, has_candidates, hygiene_findings, parse_suppressions
from vibecheck.test_data import in_data_folder

if TYPE_CHECKING:
    from vibecheck.fixes import FixedFile

# A stage adds its findings, errors and facts for one file to the result; it gets the codes enabled for the file.
Stage = Callable[[SourceUnit, frozenset[str], FileResult], None]
# A post-filter sees one file's findings after suppressions and returns those to report (baseline, changed lines).
FindingFilter = Callable[[str, list[Finding]], list[Finding]]


def path_in_project(path: str, relative: str) -> str:
    """The file's path from its own project's root (the nearest folder above it with a project file), `/`-separated;
    `relative` (from the run's root) when no project holds it. What the rules that judge a file by its folders read:
    an example app with its own `pyproject.toml` inside a repository's `examples/` is a product of its own."""
    absolute = os.path.abspath(path)
    root = project_root(Path(os.path.dirname(absolute)))
    return relative if root is None else os.path.relpath(absolute, root).replace(os.sep, "/")


def settings_selection(settings: Settings, registry: Registry) -> Selection:
    """The codes enabled by the settings (analyzers the settings switch off disable their codes)."""
    disabled = {a.name for a in analyzers() if not a.is_enabled(settings)}
    return resolve_selection(registry, select=settings.select, extend_select=settings.extend_select, ignore=settings.ignore,
                             per_file_ignores=settings.per_file_ignores, disabled_tools=disabled)


def running_project_codes(enabled: frozenset[str], infos: Iterable[RuleInfo], project_codes: frozenset[str]
                          ) -> frozenset[str]:
    """The project rules the run needs: the enabled ones, and those that release what an enabled per-file rule holds
    (`Rule.released_by`), so that a rule's findings do not depend on which other rules are selected."""
    releasing = {code for info in infos if info.code in enabled for code in info.released_by}
    return frozenset((enabled | releasing) & project_codes)


class Pipeline:
    """Everything needed to check files with one set of settings; built once per process."""

    def __init__(self, settings: Settings, registry: Registry | None = None,
                 option_overrides: dict[str, Any] | None = None) -> None:
        self.settings = settings
        self.registry = registry or load_registry()
        tools = analyzers()
        disabled = {a.name for a in tools if not a.is_enabled(settings)}
        self.selection: Selection = settings_selection(settings, self.registry)
        self._known = known_codes(self.registry)
        self._names = {info.name: code for code, info in self._known.items()}
        infos = self.registry.infos  # the rules' facts: no rule module is imported until a file is checked
        self._options: dict[str, Any] = dict.fromkeys((info.code for info in infos), None)
        for name, raw in settings.rule_options.items():
            rule = self.registry.by_name.get(name) if raw else None
            if rule is not None:
                self._options[rule.code] = rule.parse_options(raw)
        self._options.update(option_overrides or {})
        self._file_rules: dict[frozenset[str], list[tuple[type[Rule], Any]]] = {}
        self._readers: dict[frozenset[str], tuple[Callable[[str], str], ...]] = {}
        self._file_infos = [info for info in infos if not info.project]
        self._project_infos = [info for info in infos if info.project]
        self.project_codes = frozenset(info.code for info in self._project_infos)
        self.running_project_codes = running_project_codes(self.selection.enabled, infos, self.project_codes)
        # whether the run has a project phase: a project rule runs, or an enabled rule's findings may wait for one
        # (`Rule.report(..., unless=...)`), which would otherwise be reported at once, uncleared, when it is selected alone
        self.runs_project_phase = bool(self.running_project_codes) or any(
            info.conditional for info in self._file_infos if info.code in self.selection.enabled)
        self.superseding = superseding_map(infos)
        self.stages: list[tuple[str, Stage]] = [("vibecheck", self._rules_stage)]
        self.stages += [(a.name, self._analyzer_stage(a)) for a in tools if a.name not in disabled]
        self.post_filters: list[FindingFilter] = []
        # which files are tests, where the caller knew it already (a worker need not match `test-paths` itself)
        self.known_tests: dict[str, bool] = {}
        self._loaded = False

    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Import what checking a file needs (the rule modules, libcst, the analyzers' tools): before workers fork,
        or in a worker before its first file. Once per process."""
        if self._loaded:
            return
        self._loaded = True
        with loading():
            importlib.import_module("vibecheck.engine")  # libcst and the engine, shared by the forked workers
            _ = self.fact_collectors, self.walked_codes, self.registry.by_code
            for collector, _options in self.fact_collectors:
                for module in getattr(collector, "loads", ()):
                    importlib.import_module(module)
            for analyzer in analyzers():
                analyzer.load()

    @functools.cached_property
    def fact_collectors(self) -> tuple[tuple[Any, Any], ...]:
        """The running project rules' walkers, each once, with its first rule's options."""
        collectors: dict[Any, Any] = {}
        for project_rule in self.registry.project_rules:
            if project_rule.code in self.running_project_codes:
                for collector in project_rule.fact_collectors:
                    collectors.setdefault(collector, self._options[project_rule.code])
        return tuple(collectors.items())

    @functools.cached_property
    def walked_codes(self) -> frozenset[str]:
        """The per-file rules that the running project rules need in every walk (`ProjectRule.walks_with`)."""
        return frozenset(code for project_rule in self.registry.project_rules
                         if project_rule.code in self.running_project_codes for code in project_rule.walks_with)

    # -- per file, in the worker ------------------------------------------------------------------------

    def check_bytes(self, path: str, relative: str, data: bytes) -> FileResult:
        """Every stage on one file's bytes, and its suppression comments; never raises for a bad file or stage.

        The findings are not filtered yet: `filter` does that once, when the project rules have run too.
        """
        enabled = self.selection.enabled_for(relative)
        unit = SourceUnit(path, data, self.is_test(relative),
                          project_path=path_in_project(path, relative))
        unit.is_test_data = unit.is_test_file and self.is_test_data(relative)
        result = FileResult(path=path)
        with recursion_headroom():  # valid code nests up to ~3,000 levels; libcst and rules recurse per level
            for name, stage in self.stages:
                try:
                    stage(unit, enabled, result)
                except MemoryError:
                    raise  # the file as a whole is stopped (`vibecheck.workers`)
                except Exception as exc:  # one broken stage must not lose the others' findings
                    result.errors.append(EngineError(path, f"{name} stage crashed: {type(exc).__name__}: {exc}", rule=name))
            if unit.vetted is not None:  # another tool's alarms on sinks a rule proved safe (`vibecheck.vetting`)
                try:
                    result.findings = unit.vetted.drop(result.findings, enabled)
                except MemoryError:
                    raise
                except Exception as exc:  # every check ran; the alarms stay, as a guardrail keeps what it cannot clear
                    result.warnings.append(f"{path}: could not place the nodes rules vetted, so no finding was cleared "
                                           f"by them: {type(exc).__name__}: {exc}")
                finally:
                    unit.vetted = None  # it places nodes through the unit: a cycle only the garbage collector would free
        if unit.text is not None and has_candidates(data):
            result.suppressions = tuple(parse_suppressions(unit.text, self._names, self.superseding))
        return result

    def is_test(self, relative: str) -> bool:
        """Whether the file at `relative` is a test file (`test-paths`)."""
        known = self.known_tests.get(relative)
        return is_test_file(relative, self.settings.test_paths, self.settings.root) if known is None else known

    def is_test_data(self, relative: str) -> bool:
        """Whether the test file at `relative` is test data pytest does not collect (`vibecheck.test_data`)."""
        return in_data_folder(relative) or bool(self.settings.test_data) and matches(relative, self.settings.test_data)

    def _rules_stage(self, unit: SourceUnit, enabled: frozenset[str], result: FileResult) -> None:
        """vibecheck's own rules (and plugin packs'), all in one walk; on test data, not the rules on tests."""
        from vibecheck.engine import check_unit  # local: libcst and the rules load when a file is checked, not before

        rules = self.file_rules_for(enabled)
        if unit.is_test_data:
            rules = [(rule, options) for rule, options in rules if not rule.applies_to_tests_only]
        checked = check_unit(unit, rules, collect_facts=self.runs_project_phase,
                             collectors=self.fact_collectors, silent=self.walked_codes - enabled)
        result.findings.extend(checked.findings)
        result.errors.extend(checked.errors)
        result.facts.update(checked.facts)

    def _analyzer_stage(self, analyzer: Analyzer) -> Stage:
        def stage(unit: SourceUnit, enabled: frozenset[str], result: FileResult) -> None:
            if any(f.code == ParseError.code for f in result.findings):
                return  # Python cannot parse it either: the analyzer would only repeat the parse error
            findings, errors = analyzer.check(unit, enabled, self.settings)
            result.findings.extend(findings)
            result.errors.extend(errors)
        return stage

    def file_rules_for(self, enabled: frozenset[str]) -> list[tuple[type[Rule], Any]]:
        """The enabled file rules, and those walked for the facts of enabled project rules (their findings are
        dropped by `filter`, which keeps only the enabled codes)."""
        rules = self._file_rules.get(enabled)
        if rules is None:
            walked = enabled | self.walked_codes
            rules = [(r, self._options[r.code]) for r in self.registry.file_rules if r.code in walked]
            self._file_rules[enabled] = rules
        return rules

    def cache_inputs_for(self, enabled: frozenset[str]) -> tuple[Callable[[str], str], ...]:
        """What the enabled per-file rules (their `cache_inputs`) and the running project rules' fact collectors (theirs)
        read beyond the file, each function once."""
        readers = self._readers.get(enabled)
        if readers is None:
            found = {reader: None for info in self._file_infos if info.code in enabled for reader in info.cache_inputs}
            # what the running project rules' fact collectors read beyond the file: their facts are cached with it
            found.update((reader, None) for info in self._project_infos if info.code in self.running_project_codes
                         for reader in info.fact_cache_inputs)
            readers = self._readers[enabled] = tuple(found)
        return readers

    def all_cache_inputs(self) -> set[Callable[[str], str]]:
        """Every per-file rule's `cache_inputs` functions and every project rule's collectors' ones, enabled or not."""
        return {reader for info in self._file_infos for reader in info.cache_inputs} \
            | {reader for info in self._project_infos for reader in info.fact_cache_inputs}

    # -- once per file, after the project phase -------------------------------------------------------------

    def filter(self, path: str, relative: str, findings: Iterable[Finding],
               suppressions: Sequence[Suppression] = ()) -> list[Finding]:
        """The filter stage: selection and per-file ignores, superseded codes, suppressions, then `post_filters`."""
        enabled = self.selection.enabled_for(relative)
        kept = drop_superseded([f for f in findings if f.code in enabled], self.superseding)
        if suppressions:
            outcome = apply_suppressions(kept, suppressions)
            kept = outcome.findings + hygiene_findings(path, suppressions, outcome.used, enabled=enabled,
                                                       known=self.is_known)
        for post_filter in self.post_filters:
            kept = post_filter(path, kept)
        return kept

    # -- fixes, per file, in the worker -----------------------------------------------------------------------

    def fix(self, path: str, relative: str, data: bytes, result: FileResult) -> tuple[FileResult, FixedFile | None]:
        """Apply the fixes of the findings the filter stage keeps (a suppressed finding is not fixed), in memory.

        Passes run until no fix applies (`fixes.fix_in_passes`), each re-checking the new text with every
        stage. Returns the result of the final text (unfiltered, like `check_bytes`) and the fixed file, or
        the given result and None when nothing changed. Writing is the caller's (`fixes.write_fix`).
        """
        from vibecheck.fixes import FixedFile, fix_in_passes  # local: libcst loads only when something is fixed

        try:
            source, encoding = decode_source(data), source_encoding(data)
        except (UnicodeDecodeError, SyntaxError, LookupError):
            return result, None
        latest = result

        def recheck(text: str) -> list[Finding] | None:
            nonlocal latest
            try:
                latest = self.check_bytes(path, relative, text.encode(encoding))
            except UnicodeEncodeError:
                return None
            return self.filter(path, relative, latest.findings, latest.suppressions)

        kept = self.filter(path, relative, result.findings, result.suppressions)
        outcome = fix_in_passes(source, kept, recheck, unsafe=self.settings.unsafe_fixes)
        if not outcome.applied:
            return result, None
        return latest, FixedFile(source, outcome.text, encoding, outcome.applied)

    def project_rules(self) -> list[tuple[RuleInfo, Any]]:
        """The running project rules' facts with their options (`rule_class` gives the class to run): the enabled ones
        and those that release an enabled per-file rule's held findings, whose own findings `filter` drops."""
        return [(info, self._options[info.code]) for info in self._project_infos if info.code in self.running_project_codes]

    def rule_class(self, code: str) -> Any:
        """The class of the rule with this code (`Registry.rule_class`)."""
        return self.registry.rule_class(code)

    def is_known(self, code: str) -> bool:
        return code in self._known
