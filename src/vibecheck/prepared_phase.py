"""What the project phase computes from the project's files but not their facts, computed while the workers check.

After the checked files come back, the project phase places every file of the project (`vibecheck.project.place_files`:
2,800 files on Django) and keys itself by the project's files, tests, config and what the rules read beyond the facts
(`ResultCache.project_rest`). None of that depends on what a worker finds in a checked file, so this process computes
it while it would otherwise wait for the workers (`vibecheck.workers.WorkerPool.check`'s `idle`): for a hook, the
parent's part of the phase then no longer follows the worker's check of the edited file. The project rules' modules
are imported then too: a phase that is not taken from the cache (an edit that changed what the rules read) needs them,
and this process would only wait; so is the base such a phase starts from after an edit of one file, with the facts'
text kept beside it (`ResultCache.read_project_base_ahead`). It is computed for the
project the run will have (the checked files, then the indexed ones, as `vibecheck.runner.collect` adds them) and used
only for a project with those same files, paths and tests; any other project is placed and keyed afresh.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vibecheck import project_delta, safe_files
from vibecheck.discovery import is_test_file
from vibecheck.model import FileResult
from vibecheck.project import Placement, Project, place_files, split_projects

if TYPE_CHECKING:
    from vibecheck.cache import ResultCache
    from vibecheck.indexing import FileIndex

# The files of a project (path -> its path from the root) and which of them are tests: all that placing them and the
# phase's key beside the facts read of a project whose root and config are given.
Shape = tuple[dict[str, str], frozenset[str]]


def shape_of(project: Project) -> Shape:
    return {path: project.relative_path(path) for path in project.files}, frozenset(project.test_files)


class PreparedPhase:
    """The placement and the key beside the facts of the project one run's phase will judge, once `prepare` ran."""

    def __init__(self, root: Path, config: dict[str, Any], relative: dict[str, str], test_paths: Sequence[str],
                 index: FileIndex | None, cache: ResultCache, rules: Sequence[tuple[Any, Any]],
                 rule_class: Callable[[str], Any], scope: Sequence[str] = ()) -> None:
        self.root, self.config, self.relative, self.test_paths = root, config, relative, test_paths
        self.index, self.cache, self.rules, self.rule_class = index, cache, rules, rule_class
        self.scope = scope  # the folders the run walked: the phase's cache entries are keyed by them
        self._prepared: tuple[Shape, Placement, str] | None = None
        # the indexed files as `FileIndex.add_to` put them in a project, and the index's `accepted` count then
        self._indexed: tuple[int, Project] | None = None
        self.searched: project_delta.Searched | None = None  # names found ahead in the base's other files' facts

    def prepare(self) -> None:
        """Place the files and key the phase for the project the run will have (its indexed files read already),
        import the project rules, and read the base a phase after an edit would start from."""
        project = Project(root=self.root, config=self.config)
        for path, where in self.relative.items():
            project.files[path] = FileResult(path)
            if is_test_file(where, self.test_paths, self.root):
                project.test_files.add(path)
        if self.index is not None:
            indexed = Project(root=self.root, config=self.config)
            self.index.add_to(indexed)
            add_files(project, indexed)
            self._indexed = (self.index.accepted, indexed)
        project.relative.update(self.relative)
        placement = place_files(project)
        rest = self.cache.project_rest(split_projects(project, placement), self.rules)
        self._prepared = (shape_of(project), placement, rest)
        for rule, _ in self.rules:
            self.rule_class(rule.code)
        self.cache.read_project_base_ahead(self.scope, rest)
        ahead = self.cache.base_read_ahead()
        if ahead is not None:
            self.searched = project_delta.presearch(*ahead, self._sources(ahead[0]))

    def _sources(self, base: dict[str, Any]) -> dict[str, bytes]:
        """The bytes, as they are now, of the files the workers are checking (the cache held no result for them)
        whose facts `base` holds: they only choose which names `presearch` looks for, and what it finds of a name
        holds whatever the worker then finds the file to define."""
        held = base.get(project_delta.FACTS)
        sources = {}
        for path, where in self.relative.items():
            if isinstance(held, dict) and path in held and path not in self.cache.fingerprints:
                try:
                    sources[path] = safe_files.read_regular_file(os.path.join(self.root, where))
                except OSError:
                    continue
        return sources

    def add_indexed(self, project: Project, index: FileIndex) -> None:
        """Put the files of `index` in `project`, as `FileIndex.add_to` does: those `prepare` put in a project of
        their own, once, if the index took no result since (building them again cost 4 ms of a hook on Django, after
        the checked file's result)."""
        indexed, self._indexed = self._indexed, None
        if indexed is None or index is not self.index or indexed[0] != index.accepted:
            index.add_to(project)
        else:
            add_files(project, indexed[1])

    def for_project(self, project: Project) -> tuple[Placement | None, str | None]:
        """The placement and the key beside the facts, if prepared for a project with `project`'s root, config, files,
        paths and tests; else (None, None)."""
        if self._prepared is None or (project.root, project.config) != (self.root, self.config) \
                or self._prepared[0] != shape_of(project):
            return None, None
        return self._prepared[1], self._prepared[2]


def add_files(project: Project, part: Project) -> None:
    """Add the files of `part`, with what the project knows of them, to `project`."""
    project.files.update(part.files)
    project.test_files.update(part.test_files)
    project.relative.update(part.relative)
    project.fingerprints.update(part.fingerprints)
