"""The rule API: metadata checked at class creation, options, and `report()`.

A per-file rule is a `Rule` with libcst-style `visit_<Node>`/`leave_<Node>` methods; the engine calls
them for all enabled rules in one walk. A `ProjectRule` runs once per run over the facts of all files.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from vibecheck.model import Category, Confidence, Finding, Severity
from vibecheck.test_support import is_test_support

if TYPE_CHECKING:
    import ast

    import libcst as cst

    from vibecheck.imports import ImportTable

CODE_PATTERN = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
REQUIRED_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")
KNOWN_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Options",
                  "References")


class RuleDefinitionError(TypeError):
    """A rule class breaks the rule API contract (bad code, name, metadata or docs)."""


@dataclass(frozen=True)
class NoOptions:
    """The options of a rule that has none."""


@dataclass(frozen=True)
class NodeFix:
    """A fix expressed on the tree: each old node's text is replaced by the new node's code (or text).

    An old node may be a `NodeHead` (only the start of the node's text is replaced, by a string), a
    `LineInsertion` (its text is inserted at a line start) or `WholeLines` (the node's lines, line breaks included).

    The engine turns it into text `Edit`s once positions are known.
    """

    description: str
    replacements: tuple[tuple[Any, Any], ...]
    safe: bool = True


@dataclass(frozen=True)
class NodeHead:
    """The first `length` characters of a node's text, for a `NodeFix` that must not rewrite the whole node.

    Replacing a compound statement's code (an `except` clause with its body) would re-indent it and
    overlap every fix inside it; `(NodeHead(handler, len("except")), "except Exception")` edits the keyword only.
    """

    node: Any
    length: int


@dataclass(frozen=True)
class LineInsertion:
    """Where a `NodeFix` inserts text instead of replacing a node: at the start of `anchor`'s first line, or with
    `after`, at the start of the line after its last (an added import goes between two statements, never into one).
    """

    anchor: Any
    after: bool = False


@dataclass(frozen=True)
class WholeLines:
    """The lines `node` spans, line break included: replaced by "", a statement goes without leaving a blank line."""

    node: Any


@dataclass
class PendingReport:
    """One call to `Rule.report`, before positions are resolved."""

    rule: type[BaseRule]
    node: Any
    message: str
    hint: str | None
    fix: NodeFix | None
    severity: Severity | None
    snippet: str | None
    cwe: tuple[int, ...] | None = None
    statement: tuple[int, ...] | None = None  # where the walk was (`RuleContext.statement`)
    held_for: str | None = None  # the route handler whose guard, declared elsewhere, decides (`Rule.report`)
    unless: tuple[str, str] | None = None  # (kind, subject): a fact of another file that clears it (`Rule.report`)


@dataclass
class PendingVet:
    """One call to `Rule.vet`: `node` was examined and found safe for the rule's `vets` codes (positions not resolved).

    Shaped like a `PendingReport` without a fix, so the engine places both the same way, per statement.
    """

    rule: type[BaseRule]
    node: Any
    statement: tuple[int, ...] | None = None
    fix: None = None
    notice: bool = False  # the finding is kept as a notice (`info`) instead of dropped
    codes: tuple[str, ...] | None = None  # the codes of the rule's `vets` this call clears (None: all of them)
    column_of: Any = None  # the finding starts on `node`'s first line at this node's column: only there is cleared


@dataclass
class RuleContext:
    """What a rule may know about the file it checks."""

    path: str
    source: str
    module: cst.Module
    imports: ImportTable
    is_test_file: bool = False
    facts: dict[str, Any] = field(default_factory=dict)
    reports: list[PendingReport] = field(default_factory=list)
    vets: list[PendingVet] = field(default_factory=list)  # `Rule.vet` calls, resolved only if an analyzer needs them
    ast_provider: Callable[[], ast.Module | None] | None = None  # the pipeline's: one `ast` parse per file
    # Answers several rules compute alike for the same node of this file (e.g. how an `except` handler ends),
    # computed once: keys name the helper and the node's id (the helper alone for an answer about the whole file); the
    # value keeps the node alive so its id is not reused.
    shared: dict[Any, Any] = field(default_factory=dict)
    # the statement the engine's walk is in, by its path (`vibecheck.positions.statement_paths`)
    statement: tuple[int, ...] | None = None
    # the rules walked here only for an enabled project rule's facts (`ProjectRule.walks_with`): their findings are
    # dropped, so nothing they would have reported may be left out of those facts
    silent: frozenset[str] = frozenset()
    # The file's path from its own project's root (`vibecheck.pipeline.path_in_project`), what a rule that judges a file
    # by its folders reads (`scripts/`, `examples/`): `path` is as it was given, from wherever the run started, where
    # the folders above the project count too. `path` itself for a context built outside the pipeline (a test).
    project_path: str = ""

    def __post_init__(self) -> None:
        if not self.project_path:
            self.project_path = self.path

    @property
    def is_test_support(self) -> bool:
        """In a package or module that ships test tools (`cms/test_utils/`, `testing.py`): it runs only under tests."""
        return is_test_support(self.project_path)

    def python_ast(self) -> ast.Module | None:
        """Python's `ast` of the file (None if Python cannot parse it), parsed at most once per file."""
        if self.ast_provider is None:
            from vibecheck.source import SourceUnit  # local: only contexts built outside the pipeline need it

            self.ast_provider = SourceUnit(self.path, b"", text=self.source).python_ast
        return self.ast_provider()

    def qualified_name(self, node: cst.CSTNode) -> str | None:
        """`r.get` -> `requests.get` after `import requests as r`; None for non-name expressions."""
        return self.imports.qualified_name(node)


class BaseRule:
    """Metadata shared by per-file and project rules; validated when a subclass is created."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.MEDIUM
    confidence: ClassVar[Confidence] = Confidence.HIGH
    cwe: ClassVar[tuple[int, ...]] = ()
    fixable: ClassVar[bool] = False
    supersedes: ClassVar[tuple[str, ...]] = ()
    # Codes of other tools (bandit's `B608`) whose finding this rule clears where it proved the code safe: a
    # finding of one of them that starts inside a node the rule passed to `Rule.vet` is dropped (`vibecheck.vetting`).
    vets: ClassVar[tuple[str, ...]] = ()
    default_enabled: ClassVar[bool] = True
    Options: ClassVar[type] = NoOptions

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:
            return  # an abstract helper base, not a rule
        _validate_rule_class(cls)

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def parse_options(cls, raw: dict[str, Any]) -> Any:
        """Build the `Options` instance from kebab-case config keys; raise ValueError on bad input."""
        known = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls.Options)}
        values = {}
        for key, value in raw.items():
            if key not in known:
                raise ValueError(f"unknown option `{key}` for rule `{cls.name}` (known: {', '.join(known) or 'none'})")
            spec = known[key]
            values[spec.name] = _coerce_option(cls.name, key, value, _field_default(spec))
        return cls.Options(**values)


def occurs_as_name(word: str, text: str) -> bool:
    """Whether `word` occurs in `text` with no identifier character touching an end of it that is one itself.

    Scans the substring hits, so a file without the word costs one `str.find`, like a plain substring hint;
    `str.isalnum` and `_` are the identifier characters (`\\w`), so `exec` counts in `os.exec`, `"exec"`
    and `exec(`, not in `execute` or `_exec`.
    """
    check_left, check_right = _is_name_character(word[0]), _is_name_character(word[-1])
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (check_left and start and _is_name_character(text[start - 1])) \
                and not (check_right and end < len(text) and _is_name_character(text[end])):
            return True
        start = text.find(word, start + 1)
    return False


def _is_name_character(character: str) -> bool:
    return character == "_" or character.isalnum()


_WORD = re.compile(r"\w+")
# The ASCII characters that `_WORD` does not match, each to a space: a source is split into its words by
# `str.translate` and `str.split`, three times faster than `findall` (1 % of a Django worker's CPU); only the pieces
# of a non-ASCII source that are not ASCII are searched for words (a whole source's `findall` cost most of the hints).
_NOT_WORD = str.maketrans({chr(code): " " for code in range(128) if _WORD.fullmatch(chr(code)) is None})


class SourceHints:
    r"""What the rules' file hints are matched against, computed once per file: the lower-cased source, its
    distinct words (`\w+`, the identifier characters of `occurs_as_name`), and those words joined by spaces.

    A hint that is one word then costs a set lookup (as a name) or a search of the joined words, a fraction of
    the source (a word hint cannot span two words); others are searched in the source as before. Thirty rules
    with 260 hints searched the whole source each, 1.5 ms of every Django file."""

    def __init__(self, source: str) -> None:
        self.lowered = source.lower()
        pieces = self.lowered.translate(_NOT_WORD).split()
        if not self.lowered.isascii():  # a piece may still hold a non-ASCII character that is no word's (`—`)
            pieces = [word for piece in pieces for word in ((piece,) if piece.isascii() else _WORD.findall(piece))]
        self.words = frozenset(pieces)
        self.joined = " ".join(self.words)

    def has_name(self, hint: str) -> bool:
        """`hint` occurs as a whole name (see `occurs_as_name`)."""
        return hint in self.words if _is_word(hint) else occurs_as_name(hint, self.lowered)

    def has_text(self, hint: str) -> bool:
        """`hint` occurs anywhere in the lower-cased source."""
        return hint in (self.joined if _is_word(hint) else self.lowered)


@functools.lru_cache(maxsize=1024)
def _split_hints(hints: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A rule's file hints: those that are one word (`_is_word`), and the others."""
    return frozenset(hint for hint in hints if _is_word(hint)), tuple(hint for hint in hints if not _is_word(hint))


@functools.lru_cache(maxsize=4096)
def _is_word(hint: str) -> bool:
    return _WORD.fullmatch(hint) is not None


# What a rule may raise that is its own failure: any error, and `SystemExit` (a rule or plugin calling
# `sys.exit()` must not end the run with its exit code). KeyboardInterrupt still stops the run, and
# MemoryError stops the file (the worker's memory limit, `vibecheck.workers`), since memory is not the rule's alone.
RULE_FAILURES = (Exception, SystemExit)

_RuleMethod = TypeVar("_RuleMethod", bound=Callable[..., Any])


class JointFailures(Exception):
    """Raised by a joint visit (`visited_together`) for the rules that failed in it, each with its error: the engine
    drops each of them for the file as it drops a rule whose own handler raised; the other rules' work stands."""

    def __init__(self, failures: list[tuple[Any, BaseException]]) -> None:
        super().__init__(", ".join(f"{getattr(rule, 'code', rule)}: {error!r}" for rule, error in failures))
        self.failures = failures


def visited_together(joint: Callable[[list[Any], Any], None]) -> Callable[[_RuleMethod], _RuleMethod]:
    """Mark a `visit_*` method that the engine calls once per node for all the file's rules that inherit it
    unchanged, as `joint(rules, node)`, instead of once per rule: rules that walk the same statements alike share
    the walk (the flow rules' walk of each function). `joint` raises `JointFailures` for the rules that failed."""

    def mark(method: _RuleMethod) -> _RuleMethod:
        method.joint_visit = joint  # type: ignore[attr-defined]
        return method

    return mark


class Rule(BaseRule):
    """A per-file rule: libcst `visit_*`/`leave_*` methods, run in the engine's one walk.

    `applies_to_tests_only` rules (hollow tests) run on test files only; their corpus is checked as one.
    `applies_to_tests = False` rules judge a risk that only deployed code has (a handler a real client reaches):
    in a test file, or in a package that ships test tools (`vibecheck.test_support`), that code is a fixture, so they
    do not run there.
    """

    applies_to_tests_only: ClassVar[bool] = False
    applies_to_tests: ClassVar[bool] = True
    # What the rule reads beyond the file (the project's dependency files, the modules beside it), as
    # functions from the checked file's path to a digest of it: part of the file's cache key, so a change
    # there re-checks the files the rule is enabled for. Empty: the rule reads the file only. A function that
    # memoizes what it read has a `cache_clear()` method, which the cache calls when a run starts.
    cache_inputs: ClassVar[tuple[Callable[[str], str], ...]] = ()
    # Lower-case words without one of which the rule cannot report in a file (matched in the lower-cased
    # source): the engine then does not build the rule for that file, so a file it cannot match costs a
    # substring search. Empty: the rule runs on every file.
    file_hints: ClassVar[tuple[str, ...]] = ()
    # Whether a hint counts only where it is not part of a longer identifier (`exec` in `exec(code)` and
    # `os.exec`, not in `execute`): true where every finding needs a hint as a whole name in the file, which
    # the rule argues beside its hints. A hint's end that is punctuation (`input(`) may touch anything.
    file_hints_are_names: ClassVar[bool] = False
    # Codes of the project rules whose phase releases the findings this rule holds (`report(..., held_for=...)`):
    # while this rule is enabled they run too, and the filter stage drops their own findings unless they are enabled,
    # so that `--select VC218` alone (or `--ignore VC201`) reports what a full run reports.
    released_by: ClassVar[tuple[str, ...]] = ()

    def __init__(self, context: RuleContext, options: Any = None) -> None:
        self.context = context
        self.options = options if options is not None else self.Options()

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """Whether one of the rule's file hints occurs in the lower-cased source (as a name, if they are names): what
        `SourceHints.has_name`/`has_text` answer hint by hint, with the hints split once per rule class (see
        `_split_hints`) and the word hints matched as names by one set operation."""
        words, others = _split_hints(tuple(cls.file_hints))
        if cls.file_hints_are_names:
            return not words.isdisjoint(source.words) or any(occurs_as_name(hint, source.lowered) for hint in others)
        joined, lowered = source.joined, source.lowered
        return any(hint in joined for hint in words) or any(hint in lowered for hint in others)

    @classmethod
    def skipped_by_hints(cls, context: RuleContext) -> None:
        """Called instead of building the rule for a file that none of its `file_hints` occurs in."""

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """Whether the project's facts clear a finding this rule reported with `unless=(kind, subject)` in the file at
        `relative` (`vibecheck.conditional_findings`). By default nothing does: the finding is kept."""
        return False

    def report(
        self,
        node: cst.CSTNode,
        message: str,
        *,
        hint: str | None = None,
        fix: NodeFix | None = None,
        severity: Severity | None = None,
        snippet: str | None = None,
        cwe: tuple[int, ...] | None = None,
        held_for: str | None = None,
        unless: tuple[str, str] | None = None,
    ) -> None:
        """Record a finding at `node`; `snippet` replaces the source line in reports (e.g. redacted).

        `cwe` narrows the rule's CWE ids to the weakness of this finding (a rule with several sinks). `held_for` names
        a route handler of this file (`read_note`, `NoteView.get`) that holds only if signed-in callers alone reach
        it through a guard this file does not show (`include_router(..., dependencies=[...])` in another module, a
        URLconf's `login_required(...)`): the finding waits in the file's facts until the app model says so
        (`vibecheck.analysis.app_model.AppModel.released`, which the project rules in the rule's `released_by` run,
        selected or not). `unless=(kind, subject)` names what another file may prove safe
        (`("safe-yaml-loader", "pkg.loaders.AppLoader")`): when a project phase runs, the finding waits in the file's
        facts and is reported unless the project's facts show `subject` is of `kind` (`vibecheck.conditional_findings`,
        by the rule's `cleared`, whose override gives every run the rule is enabled in a project phase); without one (a
        per-file run), it is reported at once.
        """
        if held_for is not None and not self.released_by:  # nothing would ever release it: a silent loss
            raise TypeError(f"{self.code} holds a finding (`held_for`) but names no project rule in `released_by`")
        self.context.reports.append(PendingReport(type(self), node, message, hint, fix, severity, snippet, cwe,
                                                  self.context.statement, held_for, unless))

    def vet(self, node: cst.CSTNode, *, notice: bool = False, codes: tuple[str, ...] | None = None,
            column_of: cst.CSTNode | None = None) -> None:
        """Say that `node` was examined and is safe for every code in the rule's `vets`: a finding of such a code
        (another tool's context-free alarm) that starts inside the node's range is dropped. Mark the narrowest node
        that holds the finding's start and whose every part the proof covers: a vetted node clears what starts
        anywhere inside it. With `notice`, the finding stays as a notice (`info`, which does not fail the build):
        the code shows the risk is a design choice a reader may still want to see (`exec` of a configuration file).
        `codes` narrows the call to some of the rule's `vets`. With `column_of`, only one position is cleared: the
        first line of `node` at the column where `column_of` starts (bandit's B106 takes the line of the keyword's
        value and the column of the call; the call's range holds the alarms of its other keywords and nested calls).
        Costs an append; positions are resolved only in a file where such a finding exists."""
        self.context.vets.append(PendingVet(type(self), node, self.context.statement, notice=notice,
                                            codes=codes, column_of=column_of))

    def qualified_name(self, node: cst.CSTNode) -> str | None:
        """`RuleContext.qualified_name`, asked of the import table directly: rules ask it of most calls of every file."""
        return self.context.imports.qualified_name(node)


class ProjectRule(BaseRule):
    """A rule over the whole project, run after all files were checked, on the facts they emitted."""

    # Whether the rule reads the facts of test files that were not passed (pre-commit): the runner then
    # parses them. A rule that only needs to know that test files exist leaves this False (it is dear).
    reads_unchecked_test_facts: ClassVar[bool] = True
    # Walkers the rule needs in every file's walk, called with the file's `RuleContext` and the rule's options:
    # like the engine's own fact collector they report nothing and write JSON-able facts into `context.facts`.
    # Rules that share a collector share its facts (it runs once, with the options of the first such rule).
    # A collector that reads more than the file (the OpenAPI documents that route a module's functions) names what in
    # its own `cache_inputs` attribute (functions from the file's path to a digest, as `Rule.cache_inputs`): they join
    # the key of every file while the rule runs, since its facts are cached with the file. A collector that imports its
    # walker only when first called (to keep libcst out of the project phase's process) names the walker's modules in
    # its own `loads` attribute: `Pipeline.load` imports them with the checker, as a worker loads before its first file.
    fact_collectors: ClassVar[tuple[Callable[[RuleContext, Any], Any], ...]] = ()
    # Codes of the per-file rules whose walk writes the facts this rule reads (VC417 joins the flow rules' summaries):
    # while this rule is enabled they walk every file even when they are not selected, and the filter stage drops
    # their findings, so that `--select VC417` alone still has the summaries to join.
    walks_with: ClassVar[tuple[str, ...]] = ()
    # Whether it also reads the definitions of source files that were not passed (what the tests reach
    # through them): the runner then reads them with `ast` only, which is cheap.
    reads_unchecked_source_facts: ClassVar[bool] = False
    # Fact key -> a function of an unchecked source file's text and `ast` tree that gives that fact (None: no fact),
    # as the rule's collector writes it when the file is checked: a run that checks one file (a hook, pre-commit)
    # still has it for the project's other files. Only for collectors that read the `ast` alone (no libcst walk);
    # set `reads_unchecked_source_facts` too.
    index_fact_readers: ClassVar[dict[str, Callable[[str, ast.Module], Any]]] = {}
    # What the rule reads beyond the files' facts, the project files it reads with `Project.read_text` and the
    # listing of the project's root folder (which the project-phase cache watches for every rule): each callable
    # gets one project of the run (`Project`) and the rule's options and returns a digest of those inputs
    # (coverage data elsewhere, the sources' times it compares with). A rule that reads a file it does not declare
    # here, or reads a project file another way, may be served a stale cached result.
    cache_inputs: ClassVar[tuple[Callable[[Any, Any], str], ...]] = ()
    # The fact keys the rule reads (through `Project.facts` or a file's `facts.get`), and nothing else of the facts;
    # None: not declared. An edit of one file that changes none of them leaves the rule's findings as they were, and
    # the project phase after it (`vibecheck.project_delta`) reuses them; with None it runs the whole phase again.
    reads_facts: ClassVar[tuple[str, ...] | None] = None
    # Fact keys among `reads_facts` that list names of the file's functions (the app model's `INERT_FUNCTIONS`) which
    # the rule looks up only as another file's facts name them: an edit that changes no other key the rule reads and
    # adds or removes only names that no other file's facts mention, nor the file's own other facts, leaves the rule's
    # findings as they were (`vibecheck.project_delta`).
    named_facts: ClassVar[tuple[str, ...]] = ()
    # For a rule that can judge an edit of one file from what it kept of the whole project: a function of the project,
    # called after the rules ran, giving plain JSON-able data (shared by the rules that name the same function), or
    # None when there is nothing to keep; `check_change` gets it back.
    change_state: ClassVar[Callable[[Any], Any] | None] = None
    # For a rule whose work on a project has a part the forked copy of the phase (`vibecheck.project_rules_forked`)
    # can compute while this process computes the rest: (a function of a project and the rule's options run before the
    # fork, so that both processes share what it builds; one run in the copy that gives that part as picklable data,
    # or None; one that tells this process, for a project, the function that waits for the copy's answer, None when
    # none came, and is told None once the rules ran). Rules that name the same triple share it.
    forked_ahead: ClassVar[tuple[Callable[[Any, Any], Any], Callable[[Any, Any], Any],
                                 Callable[[Any, Callable[[], Any] | None], None]] | None] = None

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    def check_project(self, project: Any) -> Iterable[Finding]:
        raise NotImplementedError

    def check_change(self, project: Any, state: Any, change: Any) -> list[Finding] | None:
        """The rule's findings in the changed file (`change.path`, see `vibecheck.project_delta.FactsChange`) after
        an edit of that file alone, when its findings elsewhere stay as they were; None when they may not, or when
        this rule cannot tell. `state` is what `change_state` kept of the project before the edit; `project` holds
        every file with its current facts for the changed file and none for the others."""
        return None


def _field_default(spec: dataclasses.Field[Any]) -> Any:
    """The default of an `Options` field (None for a field without one), so a value can be checked against its type."""
    if spec.default is not dataclasses.MISSING:
        return spec.default
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return None


def _coerce_option(rule: str, key: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, type(default[0]) if default else str) for v in value):
            raise ValueError(f"option `{key}` of rule `{rule}` must be a list of strings")
        return tuple(value)
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # `fix-timeout = 10` where a number of seconds is expected
    if isinstance(default, (bool, int, float, str)):
        if not isinstance(value, type(default)):
            raise ValueError(f"option `{key}` of rule `{rule}` must be a {type(default).__name__}")
        return value
    return value


def _validate_rule_class(cls: type[BaseRule]) -> None:
    where = f"{cls.__module__}.{cls.__qualname__}"
    if not CODE_PATTERN.match(cls.code):
        raise RuleDefinitionError(f"{where}: code {cls.code!r} must look like VC101")
    if not isinstance(getattr(cls, "name", None), str) or not NAME_PATTERN.match(cls.name):
        raise RuleDefinitionError(f"{where}: name must be kebab-case")
    if not isinstance(getattr(cls, "category", None), Category):
        raise RuleDefinitionError(f"{where}: category must be a vibecheck.model.Category")
    if not dataclasses.is_dataclass(cls.Options):
        raise RuleDefinitionError(f"{where}: Options must be a dataclass")
    from vibecheck.docs import parse_doc  # local: docs imports this module

    sections = list(parse_doc(cls.__doc__ or "").sections)
    missing = [s for s in REQUIRED_SECTIONS if s not in sections]
    if missing:
        raise RuleDefinitionError(f"{where}: docstring lacks the section(s) {', '.join(missing)}")
    unknown = [s for s in sections if s not in KNOWN_SECTIONS]
    if unknown:
        raise RuleDefinitionError(f"{where}: unknown docstring section(s) {', '.join(unknown)}")
    order = [KNOWN_SECTIONS.index(s) for s in sections]
    if order != sorted(order):
        raise RuleDefinitionError(f"{where}: docstring sections must follow the order {KNOWN_SECTIONS}")
    if cls.fixable != ("Fix safety" in sections):
        raise RuleDefinitionError(f"{where}: a rule has a `Fix safety` section exactly when it is fixable")
    upper = [hint for hint in getattr(cls, "file_hints", ()) if hint != hint.lower()]
    if upper:  # matched in the lower-cased source, such a hint would never match: the rule would never run
        raise RuleDefinitionError(f"{where}: file hints are matched in the lower-cased source, so they must be lower "
                                  f"case: {', '.join(map(repr, upper))}")
    bad_vets = [code for code in cls.vets if not CODE_PATTERN.match(code) or code.startswith("VC")]
    if bad_vets:
        raise RuleDefinitionError(f"{where}: `vets` names other tools' codes (such as B608), not {', '.join(bad_vets)}")
    has_options = bool(dataclasses.fields(cls.Options))
    if has_options != ("Options" in sections):
        raise RuleDefinitionError(f"{where}: a rule has an `Options` section exactly when it has options")
