"""One file's rules: parse once with libcst, run every enabled rule in one walk, resolve positions.

The file arrives as a `SourceUnit` (bytes read once, text decoded once, `ast` parsed at most once and
shared). Before libcst parses, Python's own parser screens the file: nesting it gives up on (thousands of
unary minus signs, hundreds of brackets) can crash libcst's native parser and the whole process with it,
so such a file is a VC001 finding and libcst never sees it.

The walk is a read-only traversal over each node's dataclass fields, dispatching `visit_<Class>` and
`leave_<Class>` by class name. It is cheaper than libcst's `visit()`, which rebuilds every node, and it
is iterative, so deeply nested files cannot overflow the interpreter stack. Positions are resolved only for
the nodes that findings and fixes name (`vibecheck.positions`), in files that have findings; the nodes rules
vetted (`Rule.vet`) are placed later still, only if another tool reported a code they clear (`vibecheck.vetting`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import CodeRange

from vibecheck.cst_fields import KIND_BY_TYPE, LEAF_NODES, declared_field_kinds, value_kind
from vibecheck.engine_checks import ParseError
from vibecheck.facts import CONDITIONAL_FINDINGS, HELD_FINDINGS, fact_collector
from vibecheck.file_memos import forget_file_nodes
from vibecheck.imports import ImportTable
from vibecheck.libcst_parse import parse_module
from vibecheck.lines import line_starts, split_lines
from vibecheck.model import Edit, EngineError, FileResult, Finding, Fix, Location, Position
from vibecheck.positions import positions_of, statement_paths, statement_positions
from vibecheck.redaction import redact_known_secrets
from vibecheck.rule import (
    RULE_FAILURES,
    JointFailures,
    LineInsertion,
    NodeFix,
    NodeHead,
    PendingReport,
    PendingVet,
    Rule,
    RuleContext,
    SourceHints,
    WholeLines,
)
from vibecheck.source import CHAIN_LIMIT, SourceUnit
from vibecheck.vetting import Vetted

Handler = tuple[Any, Callable[[Any], Any]]

_HANDLERS: dict[type, tuple[tuple[str, str, str, Any], ...]] = {}


def check_file(
    path: str,
    data: bytes,
    rules: Sequence[tuple[type[Rule], Any]],
    *,
    is_test_file: bool = False,
    collect_facts: bool = True,
    collectors: Sequence[tuple[Callable[[RuleContext, Any], Any], Any]] = (),
) -> FileResult:
    """Check one file's bytes with the given (rule class, options) pairs; never raises for bad input.

    The rules' part of the pipeline alone (no analyzers, no filter stage), for tests and benchmarks.
    """
    return check_unit(SourceUnit(path, data, is_test_file), rules, collect_facts=collect_facts, collectors=collectors)


def check_unit(unit: SourceUnit, rules: Sequence[tuple[type[Rule], Any]], *, collect_facts: bool = True,
               collectors: Sequence[tuple[Callable[[RuleContext, Any], Any], Any]] = (),
               silent: frozenset[str] = frozenset()) -> FileResult:
    """Run the rules on one file; a file that cannot be decoded or parsed gives one VC001 finding instead.

    With `collect_facts` (pass False when no project phase follows), a fact collector rides along in
    the same walk and fills `FileResult.facts` for the project phase (see `vibecheck.facts`); `collectors`
    (the `fact_collectors` of the enabled project rules, with their options) ride along too. `silent`: the codes
    of `rules` walked only for those facts, whose findings the filter drops (`RuleContext.silent`).
    """
    path = unit.path
    result = FileResult(path=path)
    source = unit.text
    if source is None:
        result.findings.append(_parse_error(path, 1, 1, _decode_reason(unit.data, unit.decode_error), ""))
        return result
    nesting = unit.too_deeply_nested()
    if nesting is not None:
        reason = f"the file is too deeply nested to parse ({nesting})"
        if nesting == "MemoryError":  # CPython's parser says so on deep nesting, and when memory runs out
            reason = ("the file is too deeply nested to parse, or too large for the per-file memory limit "
                      "(`per-file-memory`): Python's parser ran out of memory (MemoryError)")
        result.findings.append(_parse_error(path, 1, 1, reason, ""))
        return result
    chain = unit.too_long_chain()
    if chain is not None:
        result.findings.append(_too_complex(path, chain, source))
        return result
    try:
        module = parse_module(source, python_accepts=unit.python_ast() is not None)
    except cst.ParserSyntaxError as exc:
        line, column, reason = _syntax_error_position(unit, exc)
        lines = split_lines(source)
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        if unit.python_ast() is None:
            result.findings.append(_parse_error(path, line, column, reason, line_text))
        else:
            result.findings.append(_libcst_gap(path, line, column, reason, line_text))
        return result
    except (RecursionError, MemoryError) as exc:
        result.findings.append(_parse_error(path, 1, 1, f"the file is too deeply nested to parse ({type(exc).__name__})", ""))
        return result
    context = RuleContext(path=path, source=source, module=module, imports=ImportTable.from_module(module, source),
                          is_test_file=unit.is_test_file, ast_provider=unit.python_ast, silent=silent,
                          project_path=unit.project_path)
    instances = _instantiate(rules, context, result.errors, unit.hints)
    walkers: list[Any] = [*instances, fact_collector(context)] if collect_facts else list(instances)
    for collector, options in collectors:
        try:
            walkers.append(collector(context, options))
        except MemoryError:
            raise
        except RULE_FAILURES as exc:
            result.errors.append(_crash(path, getattr(collector, "__name__", "fact-collector"), exc))
    _walk(module, walkers, context, result.errors)
    result.facts = context.facts
    if context.vets:
        unit.vetted = _vetted(module, unit, source, context.vets)
    if context.reports:
        findings = _to_findings(path, module, unit.python_ast(), source, context.reports, result.errors)
        for report, finding in findings:
            if report.held_for is not None:  # released in the project phase if the app model finds the guard
                context.facts.setdefault(HELD_FINDINGS, []).append([report.held_for, finding])
            elif report.unless is not None and collect_facts:  # reported in the project phase unless cleared there
                context.facts.setdefault(CONDITIONAL_FINDINGS, []).append([*report.unless, finding])
            else:
                result.findings.append(finding)
    return result


def _instantiate(rules: Sequence[tuple[type[Rule], Any]], context: RuleContext, errors: list[EngineError],
                 source_hints: Callable[[], SourceHints] | None = None) -> list[Rule]:
    """Build the rules for this file, except those whose file hints it lacks; one whose construction fails is
    dropped for this file, like a visit. `source_hints` gives the file's `SourceHints` where other stages share them
    (`SourceUnit.hints`)."""
    instances = []
    hints: SourceHints | None = None  # what the rules' file hints are matched against, built on first need
    support = not context.is_test_file and context.is_test_support  # test tools: deployed-code risks do not apply
    for rule_cls, options in rules:
        if rule_cls.applies_to_tests if context.is_test_file \
                else not rule_cls.applies_to_tests_only and (rule_cls.applies_to_tests or not support):
            try:
                if rule_cls.file_hints:
                    if hints is None:
                        hints = source_hints() if source_hints is not None else SourceHints(context.source)
                    if not rule_cls.hinted_in(hints):
                        rule_cls.skipped_by_hints(context)
                        continue
                instances.append(rule_cls(context, options))
            except MemoryError:
                raise
            except RULE_FAILURES as exc:
                errors.append(_crash(context.path, rule_cls.code, exc))
    return instances


def _decode_reason(data: bytes, error: Exception | None) -> str:
    """Say which byte is wrong and what to do, instead of the codec's or tokenizer's terse words."""
    if isinstance(error, LookupError) or "unknown encoding" in str(error):
        return f"its encoding declaration names an unknown codec ({error}); declare a real one, e.g. utf-8"
    bad = error.start if isinstance(error, UnicodeDecodeError) else _first_non_utf8_byte(data)
    where = f"byte 0x{data[bad]:02x} at offset {bad} is" if bad is not None else "its bytes are"
    return (f"{where} not valid in the file's encoding (UTF-8 unless a `# -*- coding: ... -*-` line says "
            "otherwise); save it as UTF-8 or declare its real encoding")


def _first_non_utf8_byte(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _syntax_error_position(unit: SourceUnit, error: cst.ParserSyntaxError) -> tuple[int, int, str]:
    """Python's own message and place for the error, which users know; libcst's when Python parses the file."""
    python_error = unit.ast_error
    if isinstance(python_error, SyntaxError):
        return python_error.lineno or 1, python_error.offset or 1, python_error.msg
    return error.raw_line, error.raw_column + 1, error.message


def _parse_error(path: str, line: int, column: int, reason: str, line_text: str) -> Finding:
    return _engine_finding(path, line, column, f"The file cannot be parsed, so no rule checked it: {reason.strip()}",
                           "Fix the syntax error (or the file's encoding) so that the file can be checked.", line_text)


def _engine_finding(path: str, line: int, column: int, message: str, hint: str, line_text: str) -> Finding:
    """A VC001 finding: the file went unchecked, for the reason found at `line`."""
    where = Position(max(line, 1), max(column, 1))
    return Finding(
        code=ParseError.code, name=ParseError.name, message=message, hint=hint,
        location=Location(path, where, where), severity=ParseError.severity, confidence=ParseError.confidence,
        category=ParseError.category, line_text=line_text.rstrip("\n"),
    )


def _libcst_gap(path: str, line: int, column: int, reason: str, line_text: str) -> Finding:
    """Valid Python that libcst's grammar does not cover (e.g. a parenthesised annotated-assignment target)."""
    return _engine_finding(
        path, line, column, "The file is valid Python, but libcst (the parser vibecheck checks with) rejects it, so no "
                            f"rule checked it: {reason.strip()}",
        "Rewrite the construct on this line in a more common form (the file is not wrong), or exclude the file.",
        line_text)


def _too_complex(path: str, chain: tuple[int, int], source: str) -> Finding:
    links, line = chain
    lines = split_lines(source)
    return _engine_finding(
        path, line, 1, f"The file is too complex to check in bounded time, so no rule checked it: a chain of {links:,} "
                       f"calls, attribute accesses and subscripts (vibecheck checks chains of up to {CHAIN_LIMIT}).",
        "Split the chain into several statements through intermediate variables.",
        lines[line - 1] if line <= len(lines) else "")


def _crash(path: str, code: str, exc: BaseException) -> EngineError:
    return EngineError(path, f"rule crashed on this file: {type(exc).__name__}: {exc}", rule=code)


# Unless a walker has a handler for them, the walk does not step into the whitespace leaves (`LEAF_NODES`) at all.
_LEAF_NAMES = frozenset(t.__name__ for t in LEAF_NODES)
_PRUNED_KIND: dict[type, int] = {}


def _value_kind(value_type: type, kinds: dict[type, int]) -> int:
    """`cst_fields.value_kind` (1 a node to walk, 2 a sequence of values, 0 anything else), cached per type in
    `kinds`; in the pruned table (`_PRUNED_KIND`) the leaf nodes count as 0."""
    kind = kinds.get(value_type)
    if kind is None:
        kind = KIND_BY_TYPE.get(value_type)
        if kind is None:
            kind = value_kind(value_type)
        if kind == 1 and kinds is _PRUNED_KIND and value_type in LEAF_NODES:
            kind = 0
        kinds[value_type] = kind
    return kind


# The kinds of statement that can stand at a module's top level or in a class's body: the walk notes which one
# it is in (see `_Statements`).
_STATEMENT_KINDS = ("SimpleStatementLine", "FunctionDef", "ClassDef", "If", "For", "While", "Try", "TryStar", "With",
                    "Match")


class _Statements:
    """Keeps `RuleContext.statement` on the top-level statement (or top-level class's statement) being walked, so
    that each report says where to look for its node's position (`vibecheck.positions.statement_positions`)."""

    def __init__(self, module: cst.Module, context: RuleContext) -> None:
        self.paths = statement_paths(module)
        self.context = context

    def enter(self, node: cst.CSTNode) -> None:
        path = self.paths.get(id(node))
        if path is not None:
            self.context.statement = path


class _JointVisit:
    """The handler of a method marked `visited_together`: one call for all the rules that share it."""

    def __init__(self, joint: Callable[[list[Any], Any], None]) -> None:
        self.joint = joint
        self.rules: list[Rule] = []

    def __call__(self, node: cst.CSTNode) -> None:
        self.joint(self.rules, node)


def _dispatch_tables(instances: list[Rule], context: RuleContext) -> tuple[dict[str, list[Handler]], dict[str, list[Handler]]]:
    visit: dict[str, list[Handler]] = {"Import": [(None, context.imports.add)], "ImportFrom": [(None, context.imports.add)]}
    statements = _Statements(context.module, context)
    for kind in _STATEMENT_KINDS:
        visit[kind] = [(None, statements.enter)]
    leave: dict[str, list[Handler]] = {}
    joints: dict[tuple[str, Any], _JointVisit] = {}
    for rule in instances:
        for table, node_name, attribute, joint in _handler_names(type(rule)):
            handlers = (visit if table == "visit" else leave).setdefault(node_name, [])
            if joint is None:
                handlers.append((rule, getattr(rule, attribute)))
                continue
            shared = joints.get((attribute, joint))
            if shared is None:
                shared = joints[(attribute, joint)] = _JointVisit(joint)
                handlers.append((None, shared))
            shared.rules.append(rule)
    return visit, leave


def _handler_names(rule_type: type) -> tuple[tuple[str, str, str, Any], ...]:
    """(`visit`|`leave`, node class name, method name, its joint visit or None) for a rule class; `dir()` is dear, so
    cached per class."""
    names = _HANDLERS.get(rule_type)
    if names is None:
        names = _HANDLERS[rule_type] = tuple(
            (attribute[:5], attribute[6:], attribute, getattr(getattr(rule_type, attribute), "joint_visit", None))
            for attribute in dir(rule_type) if attribute.startswith(("visit_", "leave_"))
        )
    return names


# Per node type, the fields that may hold a node with what their declared types say they hold
# (`cst_fields.declared_field_kinds`), last first: the order in which the walk stacks children. The walk that steps
# into the whitespace leaves reads `_REVERSED_FIELDS`, the pruned one `_REVERSED_PRUNED_FIELDS`.
_FieldKinds = tuple[tuple[str, int], ...]
_REVERSED_FIELDS: dict[type, _FieldKinds] = {}
_REVERSED_PRUNED_FIELDS: dict[type, _FieldKinds] = {}


def _reversed_fields(node_type: type, fields: dict[type, _FieldKinds]) -> _FieldKinds:
    """`fields[node_type]`, filled on first sight."""
    names = fields[node_type] = tuple(reversed(declared_field_kinds(node_type, leaves=fields is _REVERSED_FIELDS)))
    return names


_LEAVING = object()  # on the walk's stack above a node whose leave handlers run once its children are done


def _walk(module: cst.Module, instances: list[Rule], context: RuleContext, errors: list[EngineError]) -> None:
    """Visit every node once in source order, calling all rules; a crashing rule is dropped for this file."""
    forget_file_nodes()
    live = list(instances)
    visit, leave = _dispatch_tables(live, context)
    leaves = not _LEAF_NAMES.isdisjoint(visit.keys() | leave.keys())
    kinds = KIND_BY_TYPE if leaves else _PRUNED_KIND
    fields = _REVERSED_FIELDS if leaves else _REVERSED_PRUNED_FIELDS
    stack: list[Any] = [module]
    push, extend = stack.append, stack.extend
    while stack:
        node = stack.pop()
        leaving = node is _LEAVING
        if leaving:
            node = stack.pop()
        node_type = type(node)
        kind = node_type.__name__
        handlers = leave.get(kind) if leaving else visit.get(kind)
        if handlers:
            for rule, method in handlers:
                try:
                    method(node)
                except MemoryError:
                    raise
                except RULE_FAILURES as exc:  # a rule bug (or its sys.exit) must not stop the other rules
                    for failed, error in _failures(rule, method, exc):
                        errors.append(_crash(context.path, getattr(failed, "code", "import-table"), error))
                        live = [r for r in live if r is not failed]
                        context.reports[:] = [r for r in context.reports if not isinstance(failed, r.rule)]
                        context.vets[:] = [v for v in context.vets if not isinstance(failed, v.rule)]
                    visit, leave = _dispatch_tables(live, context)
                    continue  # the other rules still see this node, so their visit/leave pairs stay balanced
        if leaving:
            continue
        if kind in leave:
            push(node)
            push(_LEAVING)
        # the children go on the stack last field first, last item first, so that they come off it in source order
        names = fields.get(node_type)
        if names is None:  # (not `or`: a comment's fields hold no node, and its empty tuple is cached too)
            names = _reversed_fields(node_type, fields)
        for name, declared in names:
            value = getattr(node, name)
            if declared == 1:  # (a node, or a sequence of nodes, by its declared type: no type to look up)
                push(value)
                continue
            if declared == 2:
                if value:
                    extend(reversed(value))
                continue
            value_kind = kinds.get(type(value))
            if value_kind is None:
                value_kind = _value_kind(type(value), kinds)
            if value_kind == 1:
                push(value)
            elif value_kind == 2:
                for item in reversed(value):  # (a loop, not a generator: most sequences are short, and this runs per node)
                    item_kind = kinds.get(type(item))
                    if item_kind == 1 or (item_kind is None and _value_kind(type(item), kinds) == 1):
                        push(item)


def _failures(rule: Any, method: Callable[[Any], Any], exc: BaseException) -> list[tuple[Any, BaseException]]:
    """The rules a handler's exception stops: those a joint visit names, all of a joint visit that failed outside
    their lanes (its walk itself), else the handler's own rule."""
    if isinstance(exc, JointFailures):
        return exc.failures
    if isinstance(method, _JointVisit):
        return [(joined, exc) for joined in method.rules]
    return [(rule, exc)]


def _to_findings(path: str, module: cst.Module, tree: ast.Module | None, source: str, reports: list[PendingReport],
                 errors: list[EngineError]) -> list[tuple[PendingReport, Finding]]:
    positions = _positions(module, tree, source, reports)
    lines = split_lines(source)
    findings = []
    for report in reports:
        code_range = positions.get(id(report.node))
        if code_range is None:
            errors.append(EngineError(path, "a finding was reported on a node outside the file's tree", rule=report.rule.code))
            continue
        start = Position(code_range.start.line, code_range.start.column + 1)
        end = Position(code_range.end.line, code_range.end.column + 1)
        line_text = report.snippet if report.snippet is not None else (lines[start.line - 1] if start.line <= len(lines) else "")
        line_text = redact_known_secrets(line_text)  # no finding may print a credential that sits on its line
        rule = report.rule
        findings.append((report, Finding(
            code=rule.code, name=rule.name, message=report.message, location=Location(path, start, end),
            severity=report.severity or rule.severity, confidence=rule.confidence, category=rule.category,
            hint=report.hint, cwe=report.cwe or rule.cwe,
            fix=_to_fix(report.fix, module, positions, source) if report.fix else None,
            line_text=line_text,
        )))
    return findings


def _vetted(module: cst.Module, unit: SourceUnit, source: str, vets: list[PendingVet]) -> Vetted:
    """The file's vetted nodes, placed only when the pipeline asks (`vibecheck.vetting`), per statement as reports."""

    def resolve(wanted: Sequence[PendingVet]) -> dict[int, tuple[Position, Position]]:
        anchors = [PendingVet(vet.rule, vet.column_of, vet.statement) for vet in wanted if vet.column_of is not None]
        ranges = _positions(module, unit.python_ast(), source, [*wanted, *anchors]) if wanted else {}
        return {key: (Position(r.start.line, r.start.column + 1), Position(r.end.line, r.end.column + 1))
                for key, r in ranges.items()}

    return Vetted(vets, resolve)


def _positions(module: cst.Module, tree: ast.Module | None, source: str,
               reports: Sequence[PendingReport | PendingVet]) -> dict[int, CodeRange]:
    """The ranges of the reported nodes and their fixes' targets: from the statement the walk was in when they were
    reported, else from its top-level statement, else from the whole module."""
    by_statement: dict[tuple[int, ...], list[Any]] = {}
    for report in reports:
        nodes = [report.node, *(_target(old) for old, _ in report.fix.replacements)] if report.fix else [report.node]
        by_statement.setdefault(report.statement or (), []).extend(nodes)
    positions: dict[int, CodeRange] = {}
    while by_statement:
        if tree is not None:
            positions.update(statement_positions(module, tree, source, {p: n for p, n in by_statement.items() if p}))
        missing: dict[tuple[int, ...], list[Any]] = {}
        for path, nodes in by_statement.items():
            for node in nodes:
                if id(node) not in positions:
                    missing.setdefault(path[:-1], []).append(node)
        whole = missing.pop((), [])
        if whole:
            positions.update(positions_of(module, whole))
        by_statement = missing
    return positions


def _target(old: Any) -> Any:
    """The node a fix's replacement is placed by: the node itself, a `NodeHead`'s or `WholeLines`' node, or a
    `LineInsertion`'s anchor."""
    if isinstance(old, LineInsertion):
        return old.anchor
    return old.node if isinstance(old, (NodeHead, WholeLines)) else old


def _to_fix(fix: NodeFix, module: cst.Module, positions: dict[int, CodeRange], source: str) -> Fix | None:
    edits = []
    starts = line_starts(source)
    for old, new in fix.replacements:
        code_range = positions.get(id(_target(old)))
        if code_range is None:
            return None
        if isinstance(old, LineInsertion):  # at a line start: before the anchor's first line, or after its last
            line = Position(code_range.end.line + 1 if old.after else code_range.start.line, 1)
            edits.append(Edit(line, line, new))
            continue
        if isinstance(old, WholeLines):
            edits.append(Edit(Position(code_range.start.line, 1), Position(code_range.end.line + 1, 1), new))
            continue
        start = Position(code_range.start.line, code_range.start.column + 1)
        end = (Position(start.line, start.column + old.length) if isinstance(old, NodeHead)
               else Position(code_range.end.line, code_range.end.column + 1))
        if isinstance(new, str):
            content = new
        else:
            original = source[starts[start.line - 1] + start.column - 1:starts[end.line - 1] + end.column - 1]
            content = _code_in_place(module, old, new, original)
        edits.append(Edit(start, end, content))
    return Fix(fix.description, tuple(edits), fix.safe)


def _code_in_place(module: cst.Module, old: cst.CSTNode, new: cst.CSTNode, original: str) -> str:
    """The code of `new`, indented as `old` is where it stands.

    `code_for_node` renders a node as if at the top of the module: the lines of a call spread over several
    lines lose the indentation of the block the call sits in. That indentation is read off the old node's
    own text, and the new node is rendered with it.
    """
    plain = module.code_for_node(old)
    if plain == original:
        return module.code_for_node(new)
    indent = next((text[:len(text) - len(bare)] for bare, text in zip(plain.splitlines(), original.splitlines(), strict=False)
                   if bare != text and text.endswith(bare) and not text[:len(text) - len(bare)].strip()), None)
    if indent is None:
        return module.code_for_node(new)
    try:
        from libcst._nodes.internal import CodegenState  # libcst's own renderer state, to start inside a block

        state = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline,
                             indent_tokens=[indent])
        new._codegen(state)
    except (ImportError, TypeError):  # a libcst release that changed its internals: unindented, still valid code
        return module.code_for_node(new)
    return "".join(state.tokens)
