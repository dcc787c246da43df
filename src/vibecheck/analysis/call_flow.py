"""The inter-procedural join: per-function flow summaries of all files, followed across calls in the project phase.

Each summarising flow rule records, per function, which parameters and which call results reach its sinks,
what the function returns (client data, a parameter, another call's result) and which arguments it passes
to the project's functions (`vibecheck.analysis.flow.FunctionSummary`). Here those summaries are indexed by
module and function name and joined, at most `MAX_DEPTH` calls deep: client data passed to a helper whose
parameter reaches a sink (also through further helpers), and a helper's return value carrying client data
(also returned through two calls) into a sink. Nothing is parsed again; only the lines of the sinks that
are reported are read back to place them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from vibecheck.analysis.summary_keys import (
    CALL,
    EVERY_PARAMETER,
    FRAMEWORK_PARAMETERS,
    HANDED_ON,
    HOST,
    INSTANCES,
    NEEDS_ATTRIBUTE,
    OBJECT,
    ORIGIN,
    PARAMETER,
    PINNED,
    RETURNED,
    SKIPPED_BY_HINTS,
    TEXT,
    TOP_LEVEL,
    VERDICT,
)

MAX_DEPTH = 3
# How a recorded callee that builds an object ends (`import:pkg.models.Opts.__init__`).
CONSTRUCTOR = ".__init__"
# Model output reaches the project as a call's answer, which helpers then clean (`strip_fences`, `extract_block`) and
# parse before returning it: for it, a function's return also carries what it passed through such a helper. Client
# input is not followed so: a helper that hands back part of its argument may be a validator (DRF's
# `remove_invalid_fields`), which a summary cannot tell from a pass-through.
MODEL_OUTPUT = frozenset({"llm"})
FunctionKey = tuple[str, str]  # (module, "function" or "Class.method")


@dataclass(frozen=True)
class JoinedSink:
    """A sink inside `function` of `path`, reached by client data from `origin` through `chain` of calls."""

    path: str
    function: str
    origin: str
    chain: tuple[str, ...]
    message: str
    hint: str
    cwe: tuple[int, ...]
    code: str
    severity: str | None = None
    statement: str = ""


def module_name(relative_path: str) -> str:
    """`pkg/sub/mod.py` -> `pkg.sub.mod`; `pkg/__init__.py` -> `pkg`."""
    parts = list(PurePosixPath(relative_path).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class CallGraph:
    """The summaries of one rule across the project, with the joins."""

    def __init__(self, summaries: dict[str, dict[str, dict[str, Any]]]) -> None:
        """`summaries`: module -> function -> summary (as recorded by `FunctionSummary.as_fact`)."""
        self.functions: dict[FunctionKey, dict[str, Any]] = {
            (module, function): summary for module, functions in summaries.items() for function, summary in functions.items()}
        # modules by their last part (a module that ends with `wanted` ends with its last part), in name order
        self.modules_by_last: dict[str, list[str]] = {}
        for module in sorted(summaries):
            self.modules_by_last.setdefault(module.rpartition(".")[2], []).append(module)
        self._imported: dict[str, FunctionKey | None] = {}
        self._origins: dict[tuple[FunctionKey, frozenset[str], int], tuple[str, str] | None] = {}
        self._sinks: dict[tuple[FunctionKey, str, str, bool, int], list[tuple[FunctionKey, list[Any], tuple[str, ...]]]] = {}
        self._methods: dict[FunctionKey, list[FunctionKey]] = {}
        self._calls_by_callee: dict[FunctionKey, dict[str, list[list[Any]]]] = {}

    def resolve(self, callee: str, module: str, depth: int = MAX_DEPTH) -> FunctionKey | None:
        """The function a recorded callee names: `local:f` in the caller's module, `import:pkg.mod.f` anywhere; of
        several split by `|` (a method of one of a class's imported bases), the first that the project defines; for
        `returned:<factory>#method`, the method of the class the factory's summary says it makes."""
        if "|" in callee:
            return next((key for part in callee.split("|") if (key := self.resolve(part, module)) is not None), None)
        kind, _, name = callee.partition(":")
        if kind == RETURNED[:-1]:  # `returned:import:app.deps.get_service#run`: `run` of the class the factory makes
            factory, _, method = name.rpartition("#")
            made = self.resolve(factory, module) if depth > 0 else None
            if made is None:
                return None
            summary = self.functions[made]
            if summary.get("makes"):
                return self.resolve(f"{summary['makes']}.{method}", made[0])
            # a factory that returns another factory's object (`return get_cached()`)
            return next((key for kind, origin, *_ in summary["returns"] if kind == CALL
                         and (key := self.resolve(f"{RETURNED}{origin}#{method}", made[0], depth - 1)) is not None), None)
        if kind == "local":
            return (module, name) if (module, name) in self.functions else None
        if name not in self._imported:
            self._imported[name] = self._resolve_import(name)
        return self._imported[name]

    def _resolve_import(self, name: str) -> FunctionKey | None:
        """The first module, in name order, that is (or ends with) the imported module and defines the function; a
        relative import (`from .clients import ApiClient`) is matched by the module names after its dots. A method
        of an instance the module binds at its top level (`from .deps import service; service.run(cmd)`) is the
        method of its class."""
        parts = name.lstrip(".").split(".")
        for tail in (1, 2):
            if len(parts) <= tail:
                continue
            wanted, function = ".".join(parts[:-tail]), ".".join(parts[-tail:])
            for candidate in self.modules_by_last.get(wanted.rpartition(".")[2], ()):
                if (candidate == wanted or candidate.endswith("." + wanted)) and (candidate, function) in self.functions:
                    return candidate, function
        if len(parts) < 3:
            return None
        wanted, instance, method = ".".join(parts[:-2]), parts[-2], parts[-1]
        for candidate in self.modules_by_last.get(wanted.rpartition(".")[2], ()):
            made = self.functions.get((candidate, INSTANCES), {}).get("instances", {}).get(instance) \
                if candidate == wanted or candidate.endswith("." + wanted) else None
            if made is not None:
                return self.resolve(f"{made}.{method}", candidate)
        return None

    def parameter_for(self, key: FunctionKey, where: int | str) -> str | None:
        """The parameter an argument binds: by keyword, or by position (after `self`/`cls` for a method); a position
        beyond the named ones binds the `*parts` parameter, when the function has one."""
        parameters: list[str] = self.functions[key]["parameters"]
        if isinstance(where, str):
            return where if where in parameters else None
        offset = 1 if "." in key[1] and parameters[:1] in (["self"], ["cls"]) else 0
        index = where + offset
        return parameters[index] if index < len(parameters) else self.functions[key].get("rest") or None

    def parameters_bound(self, key: FunctionKey, where: int | str) -> list[str | None]:
        """The parameters a recorded argument binds: the one `parameter_for` names, or for EVERY_PARAMETER (a tool the
        model calls) each parameter but those the framework fills."""
        if where == EVERY_PARAMETER:
            return [p for p in self.functions[key]["parameters"] if p not in FRAMEWORK_PARAMETERS]
        return [self.parameter_for(key, where)]

    def returned_origin(self, key: FunctionKey | None, untrusted: frozenset[str], depth: int = MAX_DEPTH
                        ) -> tuple[str, str] | None:
        """The client source a function's return value carries (directly or from a call it returns), if any, and
        its shape: OBJECT when it may be a client's object (parsed JSON), TEXT when it is certainly text, else "".
        Kept, like `parameter_sinks`: functions that return one of several calls, each of which does the same,
        multiply the ways to look."""
        if key is None or depth == 0:
            return None
        question = (key, untrusted, depth)
        if question not in self._origins:
            self._origins[question] = self._returned_origin(key, untrusted, depth)
        return self._origins[question]

    def _returned_origin(self, key: FunctionKey, untrusted: frozenset[str], depth: int) -> tuple[str, str] | None:
        for kind, origin, *note in self.functions[key]["returns"]:
            shape = note[0] if note else ""
            if kind in untrusted:
                return read_in(origin, key), shape
            if kind == CALL:  # what the callee returns, or the model output this function passes through it
                found = self.returned_origin(self.resolve(origin, key[0]), untrusted, depth - 1)
                if found is None and untrusted & MODEL_OUTPUT:
                    passed = self.call_origin(key, origin, untrusted & MODEL_OUTPUT, depth - 1)
                    found = passed[:2] if passed is not None else None
                if found is not None:
                    return found[0], shape if shape in (TEXT, PINNED) else found[1]
        return None

    def call_origin(self, key: FunctionKey, callee: str, untrusted: frozenset[str], depth: int = MAX_DEPTH
                    ) -> tuple[str, str, tuple[str, ...]] | None:
        """The client source that the result of a call to `callee` in function `key` carries, its shape, and the
        function it went through when `key` passed it in (for the message): what
        the callee returns, or what `key` passes to a parameter that the callee returns transformed
        (`render_card(request.args["t"])` returning `"<div>" + t + "</div>"`), also the result of another of the
        project's calls (`strip_fences(ask_model(prompt))`); a project class without a summarised
        constructor (a dataclass, a pydantic model: `Opts(name=request.form["name"])`) keeps every argument."""
        target = self.resolve(callee, key[0])
        found = self.returned_origin(target, untrusted, depth)
        if found is not None:
            return *found, ()
        if target is None and not callee.endswith(CONSTRUCTOR):
            return None
        returned: dict[str, str] | None = None
        if target is not None:
            summary = self.functions[target]
            returned = {origin: note[0] if note else "" for kind, origin, *note in summary["returns"] if kind == PARAMETER}
            if callee.endswith(CONSTRUCTOR):  # the object keeps what its constructor stores
                returned.update((parameter, "") for _, parameter in summary.get("stores", ()))
        for _, where, kind, origin, *_ in self.calls_to(key, callee):
            if kind not in untrusted and (kind != CALL or depth <= 1):
                continue
            through: tuple[str, ...] = (callee.rpartition(":")[2].removesuffix(CONSTRUCTOR).rpartition(".")[2]
                                        if target is None else target[1],)
            parameter = self.parameter_for(target, where) if target is not None else None
            if returned is not None and parameter not in returned:
                continue
            source = read_in(origin, key), ""
            if kind == CALL:  # `strip_fences(ask_model(prompt))`: what the inner call returns, passed through
                inner = self.call_origin(key, origin, untrusted, depth - 1)
                if inner is None:
                    continue
                source, through = inner[:2], (*inner[2], *through)
            return source[0], returned[parameter] if returned is not None and parameter is not None else source[1], through
        return None

    def calls_to(self, key: FunctionKey, callee: str) -> list[list[Any]]:
        """The calls function `key` makes to `callee`, in order. Indexed once per function: looking through all its
        calls for each call whose argument is another call's result took a function's calls squared."""
        by_callee = self._calls_by_callee.get(key)
        if by_callee is None:
            by_callee = self._calls_by_callee[key] = {}
            for call in self.functions[key]["calls"]:
                by_callee.setdefault(call[0], []).append(call)
        return by_callee.get(callee, [])

    def parameter_sinks(self, key: FunctionKey | None, parameter: str | None, shape: str, depth: int = MAX_DEPTH,
                        verdicts: bool = True) -> list[tuple[FunctionKey, list[Any], tuple[str, ...]]]:
        """The sinks a parameter reaches: in the function itself, or passed on to further functions. A sink that
        needs something of the value counts only when the value's `shape` (the caller's note) allows it (`_allows`):
        a MongoDB filter value only an object can abuse, a fetched URL only one whose host is not pinned; a
        predicate's verdict (VERDICT) only when the caller acts on the answer rather than handing it on (`verdicts`).

        Each sink comes once, with the first chain that reaches it (the join reports a sink once anyway), and the
        answer is kept: the paths through a dense call graph multiply at every call (a function passing its
        parameter to n helpers that do the same has n**3 of them), the sinks at their ends do not."""
        if key is None or parameter is None or depth == 0:
            return []
        question = (key, parameter, shape, verdicts, depth)
        answer = self._sinks.get(question)
        if answer is None:
            answer = self._sinks[question] = self._parameter_sinks(key, parameter, shape, verdicts, depth)
        return answer

    def _parameter_sinks(self, key: FunctionKey, parameter: str, shape: str, verdicts: bool, depth: int
                         ) -> list[tuple[FunctionKey, list[Any], tuple[str, ...]]]:
        reached: dict[tuple[FunctionKey, str], tuple[FunctionKey, list[Any], tuple[str, ...]]] = {}
        summary = self.functions[key]
        for sink in summary["sinks"]:
            carried = sink[1] == parameter if sink[0] == PARAMETER \
                else sink[0] == CALL and self._returns_passed(key, sink[1], parameter)
            if carried and _allows(shape, _needs(sink), (TEXT, VERDICT)) and (verdicts or _needs(sink) != VERDICT) \
                    and self._attribute_holds(sink, key[0]):
                reached.setdefault((key, sink[5]), (key, sink, (key[1],)))
        for callee, where, kind, origin, *note in summary["calls"]:
            if kind == PARAMETER and origin == parameter:
                target = self.resolve(callee, key[0])
                if target is not None:
                    passed = _passed_on(shape, note[0] if note else "")
                    for found, sink, chain in self.parameter_sinks(target, self.parameter_for(target, where), passed,
                                                                   depth - 1, HANDED_ON not in note):
                        reached.setdefault((found, sink[5]), (found, sink, (key[1], *chain)))
        for attribute, stored in summary.get("stores", ()):
            if stored == parameter:
                # kept in `self.attribute`: the sinks the class's methods reach with it
                for method in self.methods_of(key):
                    for found, sink, chain in self.parameter_sinks(method, attribute, shape, depth - 1):
                        reached.setdefault((found, sink[5]), (found, sink, (key[1], *chain)))
        return list(reached.values())

    def _returns_passed(self, key: FunctionKey, callee: str, parameter: str) -> bool:
        """`shutil.rmtree(media_path(album))` in `key`: the call's result carries `key`'s `parameter`, which `key` passes
        to a parameter of the project's `callee` that it returns (`return os.path.join(ROOT, *parts)`)."""
        target = self.resolve(callee, key[0])
        if target is None:
            return False
        returned = {origin for kind, origin, *_ in self.functions[target]["returns"] if kind == PARAMETER}
        return any(kind == PARAMETER and origin == parameter and self.parameter_for(target, where) in returned
                   for _, where, kind, origin, *_ in self.calls_to(key, callee))

    def methods_of(self, key: FunctionKey) -> list[FunctionKey]:
        """The summarised methods of the class that `key` (`Class.method`) belongs to."""
        class_name, dot, _ = key[1].rpartition(".")
        if not dot:
            return []
        owner = (key[0], class_name)
        if owner not in self._methods:
            self._methods[owner] = [other for other in self.functions
                                    if other[0] == key[0] and other[1].rpartition(".")[0] == class_name]
        return self._methods[owner]

    def joined(self, untrusted: frozenset[str]) -> Iterator[tuple[FunctionKey, list[Any], str, tuple[str, ...]]]:
        """Every sink reached by client data across a call: (function, sink, origin, chain of functions)."""
        for key, summary in self.functions.items():
            for callee, where, kind, origin, *note in summary["calls"]:
                if kind != CALL and kind not in untrusted:
                    continue
                target = self.resolve(callee, key[0])
                if target is None:  # a library's function: asked first, as most are, before what the argument carries
                    continue
                if kind == CALL:
                    found = self.call_origin(key, origin, untrusted)
                else:
                    found = read_in(origin, key), note[0] if note else "", ()
                if found is None:
                    continue
                for parameter in self.parameters_bound(target, where):
                    for sunk, sink, chain in self.parameter_sinks(target, parameter, found[1],
                                                                  verdicts=HANDED_ON not in note):
                        yield sunk, sink, found[0], (key[1], *found[2], *chain)
            for attribute, kind, origin in summary.get("kept", ()):
                if kind not in untrusted:
                    continue
                # client data a method keeps in `self.attribute`: the sinks the class's other methods reach with it
                for method in self.methods_of(key):
                    if method != key:
                        for sunk, sink, chain in self.parameter_sinks(method, attribute, ""):
                            yield sunk, sink, read_in(origin, key), (key[1], *chain)
            for sink in summary["sinks"]:
                if sink[0] == CALL:
                    found = self.call_origin(key, sink[1], untrusted)
                    if found is not None and _allows(found[1], _needs(sink), (VERDICT,)) \
                            and self._attribute_holds(sink, key[0]):
                        yield key, sink, found[0], (key[1], *found[2])


    def _attribute_holds(self, sink: list[Any], module: str) -> bool:
        """A sink recorded on condition (`self.api.post(url)` where a base class in another module may bind `self.api`
        to an HTTP client) holds when that base's summary says it does."""
        condition = sink[8] if len(sink) > 8 else ""
        if not condition.startswith(NEEDS_ATTRIBUTE):
            return True
        return self.resolve(condition[len(NEEDS_ATTRIBUTE):], module) is not None


def read_in(origin: str, key: FunctionKey) -> str:
    """A source named with where it is read, for a message that closes the quote: `X` in `f()`, or at the top level
    of the module (a script)."""
    return f"{origin}` at the top level of `{key[0]}" if key[1] == TOP_LEVEL else f"{origin}` in `{key[1]}()"


def chain_label(function: str) -> str:
    """How a message names a function a flow went through (a module's top level is no function)."""
    return "the module's top level" if function == TOP_LEVEL else f"`{function}()`"


def _allows(shape: str, needs: str, granted: tuple[str, ...]) -> bool:
    """Whether a value of `shape` can abuse a sink that `needs` it: one that needs nothing (or one of `granted`, which
    the caller judges itself) takes any value, a fetched URL (HOST) any but a pinned one, the others their own shape."""
    if not needs or needs in granted:
        return True
    return shape != PINNED if needs == HOST else shape == needs


def _passed_on(shape: str, note: str) -> str:
    """The shape a value keeps when it is passed on with the caller's `note`: a pinned host stays pinned, an object
    stays one unless the caller made text of it."""
    if PINNED in (shape, note):
        return PINNED
    return OBJECT if shape == OBJECT and note != TEXT else ""


def _needs(sink: list[Any]) -> str:
    """What a recorded sink needs of the value to be abused: OBJECT, TEXT (a string returned as a page), VERDICT (a
    caller acting on the answer), or ""; a condition on an attribute (NEEDS_ATTRIBUTE) asks nothing of the value."""
    needs: str = sink[8] if len(sink) > 8 else ""
    return "" if needs.startswith(NEEDS_ATTRIBUTE) else needs


def joined_sinks(facts: Iterator[tuple[str, Any]], relative: dict[str, str], untrusted: frozenset[str],
                 lenders: tuple[str, ...] = (), borrowers: tuple[str, ...] = (),
                 yielding: tuple[str, ...] = (), weaker: tuple[str, ...] = ()) -> Iterator[JoinedSink]:
    """Join the summaries of each rule over the project's files (`facts`: path -> the file's summary fact).

    A module that a rule's file hints skipped has no summary of that rule; it gets the calls and returns (not
    the sinks) of the first of `lenders`, rules that walk every file with the same request sources. Each of
    `borrowers`, a rule whose sinks are only conditions on what a call returns (VC207), gets in every module the
    returns of the functions it did not summarise itself (`def get_role(): return request.headers["X-Role"]`).
    A sink is reported once: by the first rule that reaches it, the rules of `yielding` (whose flows start at text
    built in the project, VC402's SQL) after the others, so that the client's input is named when it gets there too;
    an origin that starts with one of `weaker` (what a command line reads from its own user) only where no other does.
    """
    by_rule: dict[str, dict[str, dict[str, Any]]] = {}
    paths: dict[str, str] = {}
    skipped: dict[str, list[str]] = {}
    for path, fact in facts:
        module = module_name(relative.get(path, path))
        paths[module] = path
        for code, functions in fact.items():
            if code == SKIPPED_BY_HINTS:
                skipped[module] = functions
            else:
                by_rule.setdefault(code, {})[module] = functions
    for module, codes in skipped.items():
        lent = next((by_rule[code][module] for code in lenders if module in by_rule.get(code, {})), None)
        if lent is not None:
            carried = {function: {**summary, "sinks": []} for function, summary in lent.items()}
            for code in codes:
                by_rule.setdefault(code, {})[module] = carried
    for code in borrowers:
        if code in by_rule:
            _borrow_returns(by_rule, code, lenders)
    seen: set[tuple[str, str, str]] = set()
    held: dict[tuple[str, str, str], JoinedSink] = {}
    for code in sorted(by_rule, key=lambda c: (c in yielding, c)):
        if not _has_sinks(by_rule[code]):
            continue  # every joined flow ends at a sink: a rule that recorded none in the project joins nothing
        graph = CallGraph(by_rule[code])
        for (module, function), sink, origin, chain in graph.joined(untrusted):
            identity = (paths[module], function, sink[5])
            if identity in seen:
                continue
            joined = JoinedSink(paths[module], function, origin, chain, sink[2].replace(ORIGIN, origin), sink[3] or "",
                                tuple(sink[4]), sink[5], sink[6] if len(sink) > 6 else None,
                                sink[7] if len(sink) > 7 else "")
            if weaker and origin.startswith(weaker):
                held.setdefault(identity, joined)
                continue
            seen.add(identity)
            yield joined
    yield from (joined for identity, joined in held.items() if identity not in seen)


def _has_sinks(summaries: dict[str, dict[str, dict[str, Any]]]) -> bool:
    """Whether any function of a rule's summaries (module -> function -> summary) records a sink."""
    return any(summary["sinks"] for functions in summaries.values() for summary in functions.values())


def _borrow_returns(by_rule: dict[str, dict[str, dict[str, Any]]], code: str, lenders: tuple[str, ...]) -> None:
    """Give `code`, in every module, the returns (only) that the first of `lenders` recorded for the functions `code`
    has no summary of; the facts themselves are left as they are."""
    own = by_rule[code]
    modules = {module for lender in lenders for module in by_rule.get(lender, {})}
    for module in modules:
        lent = next(by_rule[lender][module] for lender in lenders if module in by_rule.get(lender, {}))
        carried = {function: {"parameters": summary["parameters"], "rest": summary.get("rest", ""), "sinks": [],
                              "returns": summary["returns"], "calls": []} for function, summary in lent.items()
                   if summary["returns"]}
        if carried:
            own[module] = {**carried, **own.get(module, {})}


def locate(lines: list[str], function: str, code: str, statement: str = "") -> tuple[int, int]:
    """(line, column), 1-based, of the sink's code in the body of `function` (the line that starts the sink's statement
    if the code is not found there, else its def line); in the line that starts the sink's statement, when that line
    is found. The body is searched before the lines
    after it: a later function's `def presign_download(key)` must not take the place of `"Key": key` above it."""
    name = function.rsplit(".", 1)[-1]
    definition = re.compile(rf"^\s*(async\s+)?def\s+{re.escape(name)}\b")
    start = next((i for i, line in enumerate(lines) if definition.match(line)), 0)
    end = _body_end(lines, start)
    found = None
    if statement:
        found = next((i for i in range(start + 1, len(lines)) if lines[i].strip().startswith(statement)), None)
        start = found - 1 if found is not None else start
    escaped = rf"\b{re.escape(code)}\b" if code.isidentifier() else re.escape(code)
    # an argument first (`open(path)`, `url=link`), then anywhere (`path = ...` binds it, it is not the sink); the
    # statement's own line first (`if role != "admin":`), then the function's body, then the lines after it
    patterns = (re.compile(rf"[(,=]\s*({escaped})"), re.compile(rf"({escaped})")) if code else ()
    after = max(end, start + 1)
    regions = [range(found, found + 1)] if found is not None else []
    regions += [range(start + 1, after), range(after, len(lines))]
    for indexes in regions:
        for pattern in patterns:
            for index in indexes:
                match = pattern.search(lines[index])
                if match is not None:
                    return index + 1, match.start(1) + 1
    return (found if found is not None else start) + 1, 1


def _body_end(lines: list[str], start: int) -> int:
    """Index of the first line after the block that starts at `start`: the next code line indented no deeper than
    it (a closing `) -> str:` of a long signature is still the block's)."""
    depth = len(lines[start]) - len(lines[start].lstrip()) if start < len(lines) else 0
    for index in range(start + 1, len(lines)):
        text = lines[index].lstrip()
        if text and not text.startswith(("#", ")", "]", "}")) and len(lines[index]) - len(text) <= depth:
            return index
    return len(lines)

