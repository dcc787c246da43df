"""The per-file result cache in `.vibecheck_cache/` at the project root, as ruff keeps `.ruff_cache/`.

A file whose result is cached skips the worker entirely: the parent reads its bytes, hashes them and finds
its `FileResult` (findings before filtering, suppressions as data, facts for the project phase). The
filter stage always runs, so baselines and changed-lines filters see every file, cached or not.

An entry is used only when its key matches: the file's bytes, its path, the run's digest (every setting
that changes results, the code and versions of vibecheck, its rule packs and bandit) and what the file's
enabled rules read beyond the file (`Rule.cache_inputs`: the dependency files VC503/VC504 read). A result
with an engine error (a crash, a timeout) is never stored; a VC001 parse error is.

The project phase's findings are cached too, as one entry per set of walked folders: its key holds the
digest of every project file's facts (what the project rules read of it: an edit that leaves them as they
were, such as a new comment, keeps the phase cached), which files are tests, each project's root, config and
the listing of its root folder (the project files, coverage data and `src/` the rules look for there), and
what each project rule declares it reads beyond that (`ProjectRule.cache_inputs`). The files whose text a rule
read (`Project.read_text`, to place a finding) are stored with the entry under their own keys, and the entry
is used only while those are unchanged. Any file's facts changed, a file added or removed, or any of those
inputs changed, and the rules run again. A phase over a few asked files (a hook) also keeps a *base* for the next
one, keyed by all those inputs but the files' facts: when only one asked file's facts changed since, the next
phase is judged from it (`vibecheck.project_delta`), with the same result.

A warm run need not read every source (checked, or indexed for the project rules) to hash it: `stats.json` holds,
per source path, the `stat` of the file (device, inode, size, modification and change times, as git's index keeps
them) and the digest of its bytes. A file whose `stat` is as recorded is taken to hold those bytes. A record is
made only from a `stat` taken before the bytes were read and at least `SETTLED_NS` after the file last changed, so
an edit in the same clock tick as the read is never mistaken for the content read. The same file holds what the
cache key readers asked of each file's bytes, with those bytes' digest (`vibecheck.key_answers`): a file whose stat
record vouches for that digest is not read for the keys of the files that ask about it.

A warm run need not open every entry either: `heads` holds the first two lines (the header and the result,
not the facts) of each entry the runs used, with the entry's `stat` when they were read or written. An entry
whose `stat` is as recorded is taken from there; its facts, if the project phase needs them, are read from the
entry itself and checked against its header. A run that only rewrote a few recorded entries (a hook's one file)
leaves their records stale instead of rewriting `heads`: a stale record is never used (`HEADS_SLACK`).

Entries are one small file per source file (a warm run reads only the entries it needs, a run over part
of the tree rewrites only its files), written to a temporary file and renamed, so concurrent runs never
leave a torn entry. An entry may have been written by anyone who can write the checkout: it is parsed as
JSON into plain data classes only, and an entry that is corrupt, foreign or stale is ignored and rewritten.

The entries and `heads` of a run live in a folder of their own under `files/`, named by the run's digest (as ruff
keeps a folder per version): two vibecheck versions, or two configurations, run on one checkout (in turn or at once)
never replace each other's entries. A run of the same digest still may, between the moment a hit's result was taken
from `heads` and the moment the project phase reads its facts from the entry: those facts are then a miss like any
other, and the file is read again (`recheck`), never reported as damaged. The folder a run creates removes the
folders of runs long gone (`vibecheck.cache_retention`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.metadata
import json
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vibecheck import CACHE_DIR, __version__, key_answers, result_codec, safe_files
from vibecheck.cache_retention import remove_stale_runs
from vibecheck.config import Settings
from vibecheck.discovery import SourceFile
from vibecheck.model import FileResult, Finding

if TYPE_CHECKING:
    from vibecheck.pipeline import Pipeline
    from vibecheck.project import Project

ENTRIES = "files"
FORMAT = 3
HEADER = b"vibecheck-cache"
INDEX = "index"  # the kind of entry that holds only the facts of a file indexed for the project rules
PROJECT = "project"  # the kind of entry that holds the project phase's findings
BASE = "project-base"  # the kind of entry that holds what a project phase kept for the next one (`project_delta`)
BASE_TEXTS = ".texts"  # beside a base entry: the facts' text of the files it does not hold (and in it, their digest)
# In a base: what the rules' `change_state` kept (`vibecheck.project_delta`); stored beside it (and in it, their digest),
# as they change only when a whole phase runs: a base made from the one before is written without them (550 kB on Django)
STATES = "states"
BASE_STATES = ".states"
TEXTS_READ = "texts_read"  # in a project entry's facts: path -> the key of each file whose text a project rule read
REGISTERED = "registered"  # the fingerprint of a test file indexed without its facts (only its existence counts)
ENTRY_LIMIT = 64 * 1024 * 1024  # bytes; a larger entry is not one of ours
# path -> the stat signature and content digest of a source file, so a warm run need not read it; and under
# `ANSWERS`, what the key readers whose code has the digest under `ANSWERS_RUN` asked of it (`key_answers`: a reader
# changed may ask otherwise). A reader is given a path only, so no setting changes its answer: runs of two
# configurations on one checkout share the answers (keyed by the run's digest, each run re-asked every file)
STATS = "stats.json"
ANSWERS = "answers"
ANSWERS_RUN = "answers_run"
STATS_FORMAT = 1
HEADS = "heads"  # an entry's name and stat, its header and its result line, three lines per entry (see `_read`)
HEADS_HEADER = b"vibecheck-heads"
# Records of `heads` a run may leave stale rather than rewrite the whole file (2 MB on Django, 10 ms of a hook): a hook
# rewrites the entry of the file it checks, and a later run reads at most this many entries from their own files.
HEADS_SLACK = 8
SETTLED_NS = 2_000_000_000  # a file changed less than this before its `stat` was taken gets no stat record
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by vibecheck.\n"
                "# For information about cache directory tags see https://bford.info/cachedir/\n")
# Settings that do not change a file's result: which files are checked, how, and what fails the run.
NOT_IN_KEY = frozenset({"config_path", "exclude", "extend_exclude", "force_exclude", "fail_on", "jobs",
                        "per_file_timeout", "per_file_memory", "isolate", "cache", "baseline", "config_warnings"})
RAW_NOT_IN_KEY = frozenset({"exclude", "extend-exclude", "fail-on", "per-file-timeout", "per-file-memory", "cache",
                            "baseline"})  # config keys

FactsMode = Literal["eager", "deferred", "skipped"]
CheckFiles = Callable[[Sequence[SourceFile]], Iterable[FileResult]]


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def cache_folder(root: str | os.PathLike[str]) -> Path:
    return Path(root) / CACHE_DIR


class ResultCache:
    """The cache of one run: look files up before the workers, store what the workers return."""

    def __init__(self, folder: Path, run_key: str, pipeline: Pipeline, *, facts: FactsMode = "eager",
                 readers_key: str | None = None) -> None:
        self.folder = folder
        self.entries = folder / ENTRIES / run_key  # this run's own entries (see the module's docstring)
        self._entry_prefix = os.path.join(self.entries, "")  # entries are named as text: a `Path` each cost more
        self.run_key = run_key
        self.pipeline = pipeline
        self.hits = 0
        self.stored = 0
        self._file_keys: dict[str, str] = {}
        self.fingerprints: dict[str, str] = {}  # path -> the key its result (and facts) came under, this run
        self.facts_digests: dict[str, str] = {}  # path -> the digest of its facts' text (what the project phase reads)
        # the base and its facts' text, read ahead for a phase over a scope with given inputs (`read_project_base_ahead`)
        self._base_ahead: tuple[tuple[str, ...], str, dict[str, Any] | None, bytes | None, object] | None = None
        # path -> the facts' text of each entry written, kept when the run may keep a base for the next project phase
        # (`vibecheck.project_delta`: a hook run's first, which reads every other file afresh, need not encode them again)
        self.keep_facts_texts = False
        self.facts_texts: dict[str, bytes] = {}
        # A hit's facts (most of an entry's bytes): decoded at once ("eager"), kept undecoded until `deferred_facts`
        # asks for them ("deferred": a warm run whose project phase is cached never does), or dropped ("skipped":
        # a run without project rules).
        self.facts_mode = facts
        # path -> (undecoded facts, or None when the result came from `heads`; the entry; its header; what to check
        # again for the facts when the entry no longer holds them)
        self._raw_facts: dict[str, tuple[bytes | None, str, bytes, object]] = {}
        # reads a file again for its facts (a checked file's `SourceFile`, an `IndexJob`) when its entry was replaced
        # after its result was taken (`deferred_facts`); without it, that is a `ValueError`
        self.recheck: Callable[[Any], FileResult] | None = None
        # a file read again gave other facts than the key of the project phase was made from (it changed during the
        # run): that phase's findings are not stored under that key
        self.unsettled = False
        self._ready = False
        self.readers_key = run_key if readers_key is None else readers_key  # what `ANSWERS` are kept under
        self._stats, answers = _read_stats(folder / STATS, self.readers_key)  # source path -> [*stat, digest] (`STATS`)
        self._taken: dict[str, list[int]] = {}  # source path -> its stat signature taken before it was read, this run
        self._by_stat: dict[str, str | None] = {}  # source path -> `_known_digest`, asked once per run
        self._stats_changed = False
        key_answers.use(answers, self._known_digest, content_digest)
        self._heads = _read_heads(self.entries / HEADS)  # entry name -> (its `_entry_state`, header, result line)
        self._heads_used: dict[str, tuple[bytes, bytes, bytes]] = {}  # the same, for the entries of this run
        for reader in pipeline.all_cache_inputs():
            clear_memos = getattr(reader, "cache_clear", None)
            if clear_memos is not None:
                clear_memos()

    @classmethod
    def for_run(cls, settings: Settings, pipeline: Pipeline, *, facts: FactsMode = "eager") -> ResultCache | None:
        """The run's cache, or None when it is off (`cache = false`, `--fix`) or its folder is not a plain folder."""
        if not settings.cache or settings.fix:
            return None
        folder = cache_folder(settings.root)
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            return None  # never follow a planted link out of the project
        readers_key = readers_digest(pipeline)
        return cls(folder, run_digest(settings, pipeline, readers_key), pipeline, facts=facts, readers_key=readers_key)

    def results(self, files: Sequence[SourceFile], check: CheckFiles,
                on_miss: Callable[[], None] | None = None) -> Iterator[FileResult]:
        """Every file's result: cached ones at once, the others from `check`, stored as they come back. `on_miss`
        is called at the first file not cached (to start what `check` will need while the others are looked up)."""
        misses: list[SourceFile] = []
        for source_file in files:
            hit = self.lookup(source_file)
            if hit is None:
                if not misses and on_miss is not None:
                    on_miss()
                misses.append(source_file)
            else:
                self.hits += 1
                yield hit
        by_display = {f.display: f for f in misses}
        for result in check(misses):
            checked = by_display.get(result.path)
            if checked is not None:
                self.store(checked, result)
            yield result
        self._save_stats()
        self._save_heads()

    def lookup(self, source_file: SourceFile) -> FileResult | None:
        entry = self._entry(source_file)
        digest = self._current_digest(source_file.path, (entry,))
        if digest is None:
            return None  # no entry to match, or the worker reports why it cannot be read
        key = self._key(source_file, digest)
        hit = self._read(entry, key, source_file.display, facts=self.facts_mode, digest=digest, task=source_file)
        if hit is not None:
            self.fingerprints[source_file.display] = key
        return hit

    def _current_digest(self, path: str, entries: tuple[str, ...]) -> str | None:
        """The digest of the file's bytes, from its stat record when its `stat` still matches it, else read and
        hashed (and recorded with the `stat` taken before the read); None when it cannot be read, or without reading
        it when none of the cache `entries` its digest would be matched against exists (a cold cache: the file is
        checked or indexed anyway, and `store` records the digest of that read with the `stat` taken here)."""
        digest = self._known_digest(path)
        if digest is None:
            if not any(os.path.lexists(entry) for entry in entries):
                return None
            try:
                data = safe_files.read_regular_file(path)
            except OSError:
                return None
            digest = content_digest(data)
            self._record_stat(path, digest)
        return digest

    def _known_digest(self, path: str) -> str | None:
        """The digest of the file's bytes from its stat record when its `stat` still matches it, else None; the
        `stat` taken (before any read of the file) is kept for `_record_stat`. Asked once per file and run (by the
        lookup, the key readers' `key_answers`, the index): the tree is one snapshot within a run."""
        if path in self._by_stat:
            return self._by_stat[path]
        digest = self._by_stat[path] = self._digest_by_stat(path)
        return digest

    def _digest_by_stat(self, path: str) -> str | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        file_state = [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
        record = self._stats.get(path)
        if record is not None and record[:-1] == file_state:
            return str(record[-1])
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) >= SETTLED_NS:
            self._taken[path] = file_state
        return None

    def _record_stat(self, path: str, digest: str) -> None:
        """Remember that the file with the `stat` taken before it was read holds the bytes of `digest`."""
        file_state = self._taken.pop(path, None)
        if file_state is not None:
            self._stats[path] = [*file_state, digest]
            self._by_stat[path] = digest
            self._stats_changed = True

    def _save_stats(self) -> None:
        if (self._stats_changed or key_answers.changed()) and self.prepare():
            payload = {"format": STATS_FORMAT, "files": self._stats, ANSWERS_RUN: self.readers_key,
                       ANSWERS: key_answers.records()}
            write_atomically(self.folder / STATS, json.dumps(payload, separators=(",", ":")).encode("ascii"))
            self._stats_changed = False
            key_answers.saved()

    def indexed_facts(self, source_file: SourceFile, kind: str, from_check: tuple[str, ...] = (),
                      optional: tuple[str, ...] = (), task: object = None) -> FileResult | None:
        """The cached facts of a file indexed for the project rules only (`vibecheck.indexing`), if its bytes
        are as they were (by their stat record, as `lookup`), decoded as `facts_mode` says; None when they changed,
        were never indexed, or cannot be read.

        With `from_check` (the facts an index job of this kind reads, which checking the file records too): a file
        never indexed but checked by an earlier run with these bytes (a whole-project run before a one-file hook)
        gets those facts from its check entry, stored as its index entry first, so that they are read back, and
        their digest taken, as an index job's would be; with the `optional` ones the check entry holds (a rule's
        `index_fact_readers` give the fact its collector writes, or none where it writes none). `task` (the index job)
        is what `recheck` reads again if the entry is replaced before its deferred facts are read."""
        entry = self._entry(source_file, INDEX)
        digest = self._current_digest(source_file.path, (entry, self._entry(source_file)) if from_check else (entry,))
        if digest is None:
            return None
        key = self._index_key(source_file, kind, digest)
        index_result = FileResult(source_file.display, digest=digest)  # all an index entry's result line holds
        hit = self._read(entry, key, source_file.display, facts=self.facts_mode, stands_for=index_result, task=task)
        if hit is None and from_check:
            derived = self._facts_from_check(source_file, digest, from_check, optional)
            if derived is not None:
                self.store_indexed_facts(source_file, kind, derived)
                hit = self._read(entry, key, source_file.display, facts=self.facts_mode, stands_for=index_result, task=task)
        if hit is not None:
            self.fingerprints[source_file.display] = key
        return hit

    def _facts_from_check(self, source_file: SourceFile, digest: str, keys: tuple[str, ...],
                          optional: tuple[str, ...] = ()) -> FileResult | None:
        """The `keys` (and the `optional` keys it has) of the facts in the file's check entry for these bytes, as an
        index job's result; None when there is no such entry or it holds no such facts (a run with no project rule
        records none)."""
        checked = self._read(self._entry(source_file), self._key(source_file, digest), source_file.display, digest=digest)
        if checked is None or checked.errors or not all(key in checked.facts for key in keys):
            return None
        taken = [*keys, *(key for key in optional if key in checked.facts)]
        return FileResult(source_file.display, facts={key: checked.facts[key] for key in taken}, digest=digest)

    def store_indexed_facts(self, source_file: SourceFile, kind: str, result: FileResult) -> None:
        """Write the facts read of an indexed file (`result.digest`: the bytes they were read from)."""
        key = self._index_key(source_file, kind, result.digest)
        self.fingerprints[source_file.display] = key
        self._record_stat(source_file.path, result.digest)  # read after `indexed_facts` took its stat
        self._record_facts(source_file.display, self._write(self._entry(source_file, INDEX), key, result))

    def _index_key(self, source_file: SourceFile, kind: str, digest: str) -> str:
        return _hash(self.run_key, INDEX, kind, source_file.display, source_file.relative, digest)

    def _read(self, entry: str, key: str, path: str, *, facts: FactsMode = "eager",
              stands_for: FileResult | None = None, digest: str = "", task: object = None) -> FileResult | None:
        """The entry's result if its key matches, with its facts as `facts` says (see `facts_mode`); the digest
        of its facts' text is recorded in `facts_digests`. Unless the facts are needed now, the header and the
        result come from `heads` when the entry's `stat` is as recorded there. With `stands_for` (the result the key
        stands for, when the key says all of it: an index entry's path and digest), the result line is not decoded
        (a hook run on Django reads 2,800 index entries). With `digest` (the checked bytes'), a result line that holds
        nothing else than the path and that digest is not decoded either. `task` is kept with deferred facts (`recheck`)."""
        facts_text: bytes | None = None
        known = None if facts == "eager" else self._known_head(entry)
        if known is not None:
            header, head = known
            facts_digest = header.rpartition(b" ")[2].decode("ascii", "replace")
        else:
            try:
                raw, info = safe_files.read_own_file_and_stat(entry, ENTRY_LIMIT)
            except OSError:
                return None
            header, _, body = raw.partition(b"\n")
            head, _, facts_text = body.partition(b"\n")
            facts_digest = content_digest(facts_text)
        if header != _header(key, content_digest(head), facts_digest):  # a truncated entry never passes for a whole one
            return None
        if known is None and path != PROJECT:
            self._heads_used[os.path.basename(entry)] = (_entry_state(info), header, head)
        try:
            if stands_for is not None:
                result = stands_for
            elif digest and head == result_codec.plain_result_text(path, digest):
                result = FileResult(path, digest=digest)
            else:
                result = result_codec.load_result(result_codec.loads(head))
            if facts == "eager":
                result.facts = _load_facts(facts_text if facts_text is not None else _facts_of(entry, header))
        except ValueError:
            return None
        if result.path != path:
            return None
        if facts == "deferred":
            self._raw_facts[path] = (facts_text, entry, header, task)
        self._record_facts(path, facts_digest)
        return result

    def _known_head(self, entry: str) -> tuple[bytes, bytes] | None:
        """The entry's header and result line from `heads`, if its `stat` is as recorded there."""
        name = os.path.basename(entry)
        known = self._heads.get(name)
        if known is None:
            return None
        try:
            info = os.stat(entry, follow_symlinks=False)
        except OSError:
            return None
        recorded_state, header, head = known
        if _entry_state(info) != recorded_state:
            return None
        self._heads_used[name] = known
        return header, head

    def _record_facts(self, path: str, digest: str | None) -> None:
        if digest is not None and path != PROJECT:
            self.facts_digests[path] = digest

    def deferred_facts(self, path: str, texts: dict[str, bytes] | None = None) -> dict[str, Any] | None:
        """The facts of a hit read "deferred", decoded now (their text kept in `texts`); None when none are deferred
        for `path`. Facts the entry no longer holds (another run replaced it since its result was read from `heads`)
        or that do not decode (an entry forged with a matching digest: it is removed) are a miss: the file is read
        again (`recheck`). Raises `ValueError` only when that cannot be done."""
        deferred = self._raw_facts.pop(path, None)
        if deferred is None:
            return None
        raw, entry, header, task = deferred
        try:
            text = raw if raw is not None else _facts_of(entry, header)
        except ValueError:
            return self._facts_again(path, task, texts)
        try:
            facts = _load_facts(text)
        except ValueError:
            with contextlib.suppress(OSError):
                os.unlink(entry)
            return self._facts_again(path, task, texts)
        if texts is not None:
            texts[path] = text
        return facts

    def _facts_again(self, path: str, task: object, texts: dict[str, bytes] | None) -> dict[str, Any]:
        """The facts of the file `task` reads, read again, as an entry would give them back; `unsettled` when they are
        not the ones the project phase's key was made from (the file changed during the run)."""
        if self.recheck is None or task is None:
            raise ValueError("the entry no longer holds the facts its result was read with")
        result = self.recheck(task)
        if result.errors:
            raise ValueError(result.errors[0].message)
        try:
            text = result_codec.dumps(result.facts).encode("ascii")
            facts = _load_facts(text)
        except (ValueError, RecursionError) as error:
            raise ValueError(f"the facts read again cannot be kept: {error}") from error
        if content_digest(text) != self.facts_digests.get(path):
            self.unsettled = True
        if texts is not None:
            texts[path] = text
        return facts

    def store(self, source_file: SourceFile, result: FileResult) -> None:
        """Write one file's result, unless it is incomplete (an engine error) or would not read back equal."""
        if result.errors or result.warnings or result.fixed_source is not None or not result.digest:
            return
        key = self._key(source_file, result.digest)
        self.fingerprints[source_file.display] = key
        self._record_stat(source_file.path, result.digest)  # the worker read the file after `lookup` took its stat
        self._record_facts(source_file.display, self._write(self._entry(source_file), key, result))

    def project_inputs(self, parts: Sequence[Project], rules: Sequence[tuple[Any, Any]],
                       rest: str | None = None) -> tuple[str, dict[str, str]] | None:
        """What the project phase's key is made of (`project_key_of`): the key of everything but the files' facts
        (`project_rest`, unless given), and each file's facts by their digest (by its own key when its facts were not
        cached: a file indexed without the cache), kept apart so that a phase after an edit of one file can tell that
        only that file changed (`vibecheck.project_delta`). None when a file's facts have no key (its result was not
        cacheable: an engine error), so the phase cannot be cached either."""
        digests: dict[str, str] = {}
        for part in parts:
            if any(path not in part.fingerprints for path in part.files):
                return None
            digests.update((path, self.facts_digests.get(path) or part.fingerprints[path]) for path in part.files)
        return (self.project_rest(parts, rules) if rest is None else rest), digests

    def project_rest(self, parts: Sequence[Project], rules: Sequence[tuple[Any, Any]]) -> str:
        """The key of the project phase's inputs but the files' facts: the run, the rules, and per project its root,
        config, files (their paths, and which are tests), root folder's listing and what the rules read beyond the
        facts (`ProjectRule.cache_inputs`)."""
        described = []
        read: dict[tuple[Any, ...], str] = {}  # three rules read the same templates: each reader once per project
        for part in parts:
            files = [(path, part.relative_path(path), path in part.test_files) for path in sorted(part.files)]
            inputs = [_read_once(reader, part, options, read) for rule, options in rules for reader in rule.cache_inputs]
            described.append([str(part.root), part.config, files, _folder_listing(part.root), inputs])
        codes = [rule.code for rule, _ in rules]
        return _hash(self.run_key, PROJECT, json.dumps([codes, described], sort_keys=True, default=str))

    def project_findings(self, scope: Sequence[str], key: str, project: Project) -> list[Finding] | None:
        """The project phase's findings cached under `key` for the run over `scope` (the walked folders), if any
        and if the files whose text the rules read are as they were (by their keys in `project.fingerprints`);
        on a hit, the facts left undecoded are let go (nothing will read them)."""
        cached = self._read(self._project_entry(scope), key, PROJECT)
        if cached is None:
            return None
        read = cached.facts.get(TEXTS_READ)
        if not isinstance(read, dict) or any(project.fingerprints.get(path) != fingerprint
                                             for path, fingerprint in read.items()):
            return None
        self._raw_facts.clear()
        return cached.findings

    def store_project_findings(self, scope: Sequence[str], key: str, findings: list[Finding],
                               parts: Sequence[Project]) -> None:
        """Store the findings with the keys of the files whose text the rules read (`Project.read_text`)."""
        read = {path: part.fingerprints.get(path, "") for part in parts for path in sorted(part.texts_read)}
        self._write(self._project_entry(scope), key, FileResult(PROJECT, findings=findings, facts={TEXTS_READ: read}))

    def project_base(self, scope: Sequence[str], rest: str) -> dict[str, Any] | None:
        """What the last project phase over `scope` kept for the next one (`vibecheck.project_delta`), if its inputs
        but the files' facts were these (`rest`, from `project_inputs`); None otherwise or when damaged."""
        ahead = self._base_ahead
        if ahead is not None and ahead[:2] == (tuple(scope), rest):
            self._base_ahead = (*ahead[:2], None, *ahead[3:])  # given once, as a read gives a new one each time
            if ahead[2] is not None:
                return ahead[2]
        entry = self._project_entry(scope, BASE)
        cached = self._read(entry, rest, PROJECT)
        if cached is None:
            return None
        try:
            states_text = safe_files.read_own_file(Path(entry).with_suffix(BASE_STATES), ENTRY_LIMIT)
            if cached.facts.get(BASE_STATES) != content_digest(states_text):
                return None
            return {**cached.facts, STATES: result_codec.loads(states_text)}
        except (OSError, ValueError):
            return None

    def read_project_base_ahead(self, scope: Sequence[str], rest: str) -> None:
        """Read the base of a phase over `scope` with these inputs (`project_base`), and the facts' text kept with it,
        before the phase asks for them: while the workers check the files (`vibecheck.prepared_phase`), instead of
        after the edited file's result (22 ms of a hook on Django whose edit added a function). The base file is not
        written before that phase, which is this run's."""
        self._base_ahead = None
        base = self.project_base(scope, rest)
        texts = None if base is None else self.project_base_texts(scope, base)
        self._base_ahead = (tuple(scope), rest, base, texts, None if base is None else base.get(BASE_TEXTS))

    def base_read_ahead(self) -> tuple[dict[str, Any], bytes] | None:
        """The base and its facts' text as `read_project_base_ahead` read them, if it did, without taking them."""
        ahead = self._base_ahead
        return None if ahead is None or ahead[2] is None or ahead[3] is None else (ahead[2], ahead[3])

    def store_project_base(self, scope: Sequence[str], rest: str, base: dict[str, Any], texts: bytes | None) -> None:
        """Keep `base` for the next phase, with `texts` (the facts' text of the files it does not hold) and its
        `STATES` beside it, each checked by its digest when read back (`project_base_texts`, `project_base`); with None,
        the texts and states kept are still the ones (a base made from the one before, whose digests it holds)."""
        self._base_ahead = None
        entry = self._project_entry(scope, BASE)
        base = dict(base)
        states = base.pop(STATES, None)
        if texts is not None:
            try:
                encoded = result_codec.dumps(states)
            except (ValueError, RecursionError):
                return
            states_text = encoded.encode("ascii")
            if not ((_TAG_MARK not in encoded or _facts_round_trip(states, encoded)) and self.prepare()
                    and all(len(kept) < ENTRY_LIMIT and self._keep_texts(Path(entry).with_suffix(suffix), kept)
                            for suffix, kept in ((BASE_TEXTS, texts), (BASE_STATES, states_text)))):
                return
            base.update({BASE_TEXTS: content_digest(texts), BASE_STATES: content_digest(states_text)})
        self._write(entry, rest, FileResult(PROJECT, facts=base))

    @staticmethod
    def _keep_texts(path: Path, texts: bytes) -> bool:
        """Write the texts unless the file holds them already (the other files' facts seldom change between hooks)."""
        with contextlib.suppress(OSError):
            if safe_files.read_own_file(path, ENTRY_LIMIT) == texts:
                return True
        return write_atomically(path, texts)

    def project_base_texts(self, scope: Sequence[str], base: dict[str, Any]) -> bytes | None:
        """The facts' text kept with `base`, if it is whole; else None."""
        ahead = self._base_ahead
        if ahead is not None and ahead[0] == tuple(scope) and ahead[3] is not None and base.get(BASE_TEXTS) == ahead[4]:
            return ahead[3]  # read ahead, and checked then against the same digest
        try:
            texts = safe_files.read_own_file(Path(self._project_entry(scope, BASE)).with_suffix(BASE_TEXTS), ENTRY_LIMIT)
        except OSError:
            return None
        return texts if base.get(BASE_TEXTS) == content_digest(texts) else None

    def _project_entry(self, scope: Sequence[str], kind: str = PROJECT) -> str:
        return f"{self._entry_prefix}{_hash(kind, *sorted(scope))}.json"

    def _write(self, entry: str, key: str, result: FileResult) -> str | None:
        """Write the result on one line and its facts on the next, so a reader can leave the facts undecoded.
        Returns the digest of the facts' text (None when the result cannot be cached)."""
        head = dataclasses.replace(result, facts={})
        # most results hold only their path and digest (every index entry's): their text is known, with no round trip
        plain = head == FileResult(result.path, digest=result.digest)
        try:
            texts = ("" if plain else result_codec.dumps(head), result_codec.dumps(result.facts))
        except (ValueError, RecursionError):
            return None  # facts a rule pack made of something else than plain data: check the file again next time
        if not (self.prepare() and (plain or result_codec.round_trips(head, texts[0]))
                and (_TAG_MARK not in texts[1] or _facts_round_trip(result.facts, texts[1]))):
            return None
        head_text = result_codec.plain_result_text(result.path, result.digest) if plain else texts[0].encode("ascii")
        facts_text = texts[1].encode("ascii")
        facts_digest = content_digest(facts_text)
        if self.keep_facts_texts and result.path != PROJECT:
            self.facts_texts[result.path] = facts_text
        header = _header(key, content_digest(head_text), facts_digest)
        if write_atomically(Path(entry), b"%s\n%s\n%s" % (header, head_text, facts_text)):
            self.stored += 1
            if result.path != PROJECT:
                with contextlib.suppress(OSError):
                    self._heads_used[os.path.basename(entry)] = (_entry_state(os.stat(entry, follow_symlinks=False)),
                                                                 header, head_text)
        return facts_digest

    def _key(self, source_file: SourceFile, digest: str) -> str:
        file_key = self._file_keys.get(source_file.display)
        if file_key is None:
            file_key = self._file_keys[source_file.display] = self._inputs_key(source_file)
        return _hash(file_key, digest)

    def _inputs_key(self, source_file: SourceFile) -> str:
        """The key of everything but the bytes: the run, the file's paths, whether it is a test file (a Django app's
        `tests.py` is one by its folder's other files), what its enabled rules read beyond it."""
        enabled = self.pipeline.selection.enabled_for(source_file.relative)
        inputs = sorted([reader(source_file.path) for reader in self.pipeline.cache_inputs_for(enabled)])
        test = "test" if self.pipeline.is_test(source_file.relative) else ""
        return _hash(self.run_key, source_file.display, source_file.relative, test, *inputs)

    def _entry(self, source_file: SourceFile, kind: str = "") -> str:
        return f"{self._entry_prefix}{_hash(kind, source_file.display, source_file.relative)}.json"

    def prepare(self) -> bool:
        """Create the folder with its `.gitignore` and `CACHEDIR.TAG` once; False when it cannot be written."""
        if self._ready:
            return True
        try:
            started = not self.entries.exists()
            self.entries.mkdir(parents=True, exist_ok=True)
            if any(folder.is_symlink() for folder in (self.folder, self.entries.parent, self.entries)):
                return False
            if started:
                remove_stale_runs(self.entries)
            for name, text in ((".gitignore", "# Created by vibecheck.\n*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)):
                if not (self.folder / name).exists():
                    write_atomically(self.folder / name, text.encode())
        except OSError:
            return False
        self._ready = True
        return True

    def _save_heads(self) -> None:
        """Write `heads` with this run's entries added, when any was not there, or more than `HEADS_SLACK` of its
        records are stale (their entry was rewritten: a stale record is never trusted, `_known_head`)."""
        changed = [name for name, item in self._heads_used.items() if self._heads.get(name) != item]
        if not changed or (len(changed) <= HEADS_SLACK and all(name in self._heads for name in changed)) \
                or not self.prepare():
            return
        self._heads.update(self._heads_used)
        lines: list[bytes] = []
        for name, (state, header, head) in self._heads.items():
            lines += [b"%s %s" % (name.encode("ascii"), state), header, head]
        body = b"\n".join(lines)
        write_atomically(self.entries / HEADS, b"%s %d %s\n%s" % (HEADS_HEADER, FORMAT, content_digest(body).encode(), body))


def _entry_state(info: os.stat_result) -> bytes:
    """What tells that an entry is the file that was read or written: a rewrite (ours renames a new file into
    place) or a damage in place changes one of these. As text, compared as `heads` holds it."""
    return b"%d %d %d %d" % (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _read_heads(path: Path) -> dict[str, tuple[bytes, bytes, bytes]]:
    """The records of `HEADS`; none when the file is missing, damaged or foreign. A record's `stat` stays text
    (a warm run on Django reads 2,800 records and uses each once): a malformed one never equals an entry's."""
    try:
        raw = safe_files.read_own_file(path, ENTRY_LIMIT)
    except OSError:
        return {}
    first, _, body = raw.partition(b"\n")
    if first != b"%s %d %s" % (HEADS_HEADER, FORMAT, content_digest(body).encode()):
        return {}
    lines = body.split(b"\n")
    if len(lines) % 3:
        return {}
    heads: dict[str, tuple[bytes, bytes, bytes]] = {}
    try:
        for record, header, head in zip(lines[0::3], lines[1::3], lines[2::3], strict=True):
            name, _, state = record.partition(b" ")
            heads[name.decode("ascii")] = (state, header, head)
    except UnicodeDecodeError:
        return {}
    return heads


def _facts_of(entry: str, header: bytes) -> bytes:
    """The facts' text of an entry whose header and result were taken from `heads`, if the entry still has that
    header and its facts match the digest in it; else `ValueError`."""
    try:
        raw = safe_files.read_own_file(entry, ENTRY_LIMIT)
    except OSError as error:
        raise ValueError(f"the entry cannot be read: {error}") from error
    found, _, body = raw.partition(b"\n")
    facts_text = body.partition(b"\n")[2]
    if found != header or not header.endswith(b" " + content_digest(facts_text).encode()):
        raise ValueError("the entry is not the one its result was read from")
    return facts_text


def _read_stats(path: Path, readers_key: str) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """The stat records of `STATS` and the key readers' answers kept with them (`key_answers`) when readers of
    `readers_key` gave them; none when the file is missing, damaged or foreign (each record is checked)."""
    try:
        data = json.loads(safe_files.read_own_file(path, ENTRY_LIMIT))
        if data["format"] != STATS_FORMAT or not isinstance(data["files"], dict):
            return {}, {}
        records: dict[str, list[Any]] = data["files"]
    except (OSError, ValueError, TypeError, KeyError):
        return {}, {}
    return ({path: record for path, record in records.items() if _is_stat_record(record)},
            key_answers.valid_records(data.get(ANSWERS) if data.get(ANSWERS_RUN) == readers_key else None))


def _is_stat_record(record: Any) -> bool:
    return (isinstance(record, list) and len(record) == 6 and all(type(n) is int for n in record[:5])
            and isinstance(record[5], str) and len(record[5]) == 32)


def _read_once(reader: Callable[[Any, Any], str], part: Project, options: Any, read: dict[tuple[Any, ...], str]) -> str:
    """`reader(part, options)`, computed once per reader, project and options (when the options are hashable)."""
    try:
        key = (reader, id(part), options)
        hash(key)
    except TypeError:
        return reader(part, options)
    if key not in read:
        read[key] = reader(part, options)
    return read[key]


def _header(key: str, head_digest: str, facts_digest: str) -> bytes:
    return b"%s %d %s %s %s" % (HEADER, FORMAT, key.encode(), head_digest.encode(), facts_digest.encode())


def _load_facts(text: bytes) -> dict[str, Any]:
    facts = result_codec.loads(text)
    if not isinstance(facts, dict):
        raise ValueError("the facts are not a mapping")
    return facts


# What the key of every tag of `result_codec` starts with (a tuple, a set, a data class: `{"$t": ...}`, `"$c"`). Facts
# whose text has none are plain JSON, which decodes equal to what was encoded: only the others are decoded again to
# check (most facts have no tag; text starting with `$` has the mark too, and is checked for nothing).
_TAG_MARK = '"$'


def _facts_round_trip(facts: dict[str, Any], text: str) -> bool:
    try:
        return _load_facts(text.encode("ascii")) == facts
    except ValueError:
        return False


def _folder_listing(folder: Path) -> list[tuple[str, int, int]]:
    """Name, size and modification time of each file directly in `folder` (a folder: its name only), but
    this cache's own folder: the project files, configs and coverage data that project rules read there."""
    listing = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name == CACHE_DIR:
                    continue
                try:
                    info = entry.stat(follow_symlinks=True)
                except OSError:
                    listing.append((entry.name, -1, 0))
                    continue
                listing.append((entry.name, -1, 0) if entry.is_dir() else (entry.name, info.st_size, info.st_mtime_ns))
    except OSError:
        return []
    return sorted(listing)


def run_digest(settings: Settings, pipeline: Pipeline, readers_key: str | None = None) -> str:
    """Everything of this run that changes a file's result: the settings, the rules' code and versions, bandit's."""
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in NOT_IN_KEY}
    values["raw"] = {k: v for k, v in settings.raw.items() if k not in RAW_NOT_IN_KEY}
    return _hash(readers_digest(pipeline) if readers_key is None else readers_key,
                 json.dumps(values, sort_keys=True, default=str), _tool_version("bandit"))


def readers_digest(pipeline: Pipeline) -> str:
    """The code of this run's rules and of vibecheck (the key readers with it), their versions and Python's: what
    the key readers' answers (`ANSWERS`) depend on beside the files; part of `run_digest`."""
    packs = [(name, version) for name, version in pipeline.registry.pack_versions]
    return _hash(str(FORMAT), __version__, repr(packs), code_digest(pipeline.registry.module_files), sys.version)


def code_digest(files: Iterable[str]) -> str:
    """Size and modification time of vibecheck's own sources and of `files` (the rule modules'): an edited rule
    (an editable install, a plugin in development) invalidates the cache even when no version changed."""
    own = [os.path.join(folder, name) for folder, _, names in os.walk(os.path.dirname(__file__))
           for name in names if name.endswith(".py")]  # `os.walk`: `Path.rglob` took three times as long
    stamped = set(own) | set(files)
    stamps = []
    for location in sorted(stamped):
        with contextlib.suppress(OSError):
            info = os.stat(location)
            stamps.append(f"{location}:{info.st_size}:{info.st_mtime_ns}")
    return _hash(*stamps)


def _tool_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def project_key_of(rest: str, digests: dict[str, str]) -> str:
    """The project phase's key from `ResultCache.project_inputs`."""
    return _hash(rest, json.dumps(sorted(digests.items())))


def _hash(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def write_atomically(target: Path, payload: bytes) -> bool:
    """Write `payload` to a temporary file beside `target` and rename it over `target` (atomic on POSIX and
    Windows), so a concurrent reader sees the old entry or the new one, never half of one."""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def clear(root: str | os.PathLike[str]) -> bool:
    """Remove the cache folder under `root`; False when there was none. A link is removed, never followed."""
    folder = cache_folder(root)
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
        return True
    if not folder.is_dir():
        return False
    shutil.rmtree(folder)
    return True
