"""What a shared per-function screen could save the flow rules (issue 18, lever 2): ceilings, measured.

Walks every STEP-th file of a folder (parsed once, as `profile_rules.py` does, with the workers' gc thresholds) and
prints the minimum CPU seconds of ROUNDS walks above a bare walk of:

- `all rules`: every default per-file rule, the flow rules included (a worker's rule CPU);
- `flow`: the flow rules walked together (`walk_functions_together`);
- `flow, screened`: the same, with a summarising rule's lane not started in a function that cannot give it anything
  by its shape (`structurally_silent`: no parameter but `self`/`cls`, no call with arguments, no value returned or
  yielded, no attribute bound, no return annotation, no nested function, class or lambda, no import), the cheapest
  sound screen that needs no knowledge of the rule;
- `flow, no sink search`: the flow rules with every summarising rule's `check` switched off: the ceiling of a
  perfect per-rule sink screen (a lane that only records the summary where the function names none of the rule's
  sinks). Not sound as it stands: several rules' `check` also notes what later statements' taints depend on
  (`note_argument_list`, `UrlState.note`, VC422's `_note_bindings`), which such a screen would have to keep;

then the lanes started per rule, the functions the structural screen takes, and, for the rules that answer `skips`,
how often they were asked and how often they skipped. Not a test; run it with `nice`.

    nice python benchmarks/flow_screen_ceiling.py [PATH] [STEP] [ROUNDS]   (default: Django 5.2's `django/`, 6, 3)
"""

from __future__ import annotations

import gc
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import libcst as cst

sys.path.insert(0, str(Path(__file__).parent))

from profile_rules import parsed_sample, walk_all, walkers  # noqa: E402 -- the benchmark folder is not a package
from speed import django_package  # noqa: E402

from vibecheck import engine  # noqa: E402
from vibecheck.analysis import flow  # noqa: E402
from vibecheck.config import Settings  # noqa: E402
from vibecheck.gc_tuning import THRESHOLDS  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402


def structurally_silent(function: cst.FunctionDef) -> bool:
    """Whether no summarising lane can report or record anything in the function, whatever the rule: no parameter to
    seed, no call that could be a sink or pass a value on, nothing returned, yielded or kept in an attribute."""
    params = function.params
    if function.returns is not None or params.star_kwarg is not None or type(params.star_arg) is cst.Param \
            or any(p.name.value not in ("self", "cls") for p in (*params.posonly_params, *params.params,
                                                                  *params.kwonly_params)):
        return False
    statements = flow.walked_statements(function)
    if statements is None or _has_nested(function):
        return False
    for statement in statements:
        kind = type(statement)
        if kind is cst.Return and statement.value is not None:  # type: ignore[attr-defined]
            return False
        if kind in (cst.Assign, cst.AnnAssign, cst.AugAssign) and any(
                type(node) in (cst.Attribute, cst.Subscript) for node in _targets(statement)):
            return False
        for node in flow.iter_expressions(statement):
            if type(node) is cst.Yield or type(node) is cst.Lambda or (type(node) is cst.Call and node.args):  # type: ignore[attr-defined]
                return False
    return True


def _has_nested(function: cst.FunctionDef) -> bool:
    """A nested function or class: it reads the enclosing lane's instances and client data."""
    pending = list(flow.suite_statements(function.body))
    while pending:
        statement = pending.pop()
        if type(statement) is cst.FunctionDef or type(statement) is cst.ClassDef:
            return True
        if type(statement) in flow.COMPOUND_STATEMENTS:
            pending.extend(flow._blocks_of(statement))
    return False


def _targets(statement: cst.CSTNode) -> list[cst.CSTNode]:
    if type(statement) is cst.Assign:
        return [target.target for target in statement.targets]
    return [statement.target]  # type: ignore[attr-defined]


def screened_walk(original: Callable[[list[Any], cst.FunctionDef], None], taken: Counter[str]
                  ) -> Callable[[list[Any], cst.FunctionDef], None]:
    """`walk_functions_together` that starts no summarising lane where `structurally_silent` holds; the scope stacks
    of a lane not started are kept as a skipped rule's are."""

    def walk(rules: list[Any], function: cst.FunctionDef) -> None:
        if not structurally_silent(function):
            original(rules, function)
            return
        kept = []
        for rule in rules:
            if rule.summarises and "leave_FunctionDef" not in type(rule).__dict__:  # (VC419 keeps a stack of its own)
                taken[rule.code] += 1
                rule.__dict__.setdefault("_scope_instances", []).append({})
                rule.__dict__.setdefault("_scope_states", []).append(None)
            else:
                kept.append(rule)
        original(kept, function)

    return walk


def use_joint(joint: Callable[[list[Any], cst.FunctionDef], None]) -> None:
    """Make `joint` the flow rules' shared walk of a function (the engine caches each class's handlers)."""
    flow.FlowRule.visit_FunctionDef.joint_visit = joint  # type: ignore[attr-defined]
    engine._HANDLERS.clear()


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1, no_bandit=True))
    relative = f"{target.name}/x.py"
    units = parsed_sample(target, step)
    rules = {rule.code: rule for rule, _ in checker.file_rules_for(checker.selection.enabled_for(relative))}
    flows = [code for code, rule in rules.items() if issubclass(rule, flow.FlowRule)]
    (_, every), (_, flowing) = walkers(checker, relative, ["+".join(rules), "+".join(flows)])
    summarising = [rules[code] for code in flows if rules[code].summarises]
    checks = {rule: rule.__dict__["check"] for rule in summarising}
    joint = flow.FlowRule.visit_FunctionDef.joint_visit  # type: ignore[attr-defined]
    taken: Counter[str] = Counter()
    screened = screened_walk(joint, taken)
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    best: dict[str, float] = {}
    for _ in range(rounds):
        bare = walk_all(units, lambda context, errors: [])
        for label in ("all rules", "flow", "flow, screened", "flow, no sink search"):
            use_joint(screened if label == "flow, screened" else joint)
            for rule in summarising:
                rule.check = (lambda self, node, state: None) if label == "flow, no sink search" else checks[rule]  # type: ignore[method-assign]
            cost = walk_all(units, every if label == "all rules" else flowing) - bare
            best[label] = min(best.get(label, cost), cost)
    for rule in summarising:
        rule.check = checks[rule]  # type: ignore[method-assign]
    use_joint(screened)
    taken.clear()
    walk_all(units, flowing)  # (one walk: the lanes the screen takes)
    use_joint(joint)
    print(f"{len(units)} files, CPU s above the bare walk (min of {rounds}):")
    for label, cost in best.items():
        print(f"  {label:22} {cost:7.3f}  {cost / best['all rules']:6.1%} of all rules")
    lanes, asked, skipped = _counted(units, flowing, [rules[code] for code in flows if not rules[code].summarises])
    print(f"lanes started {sum(lanes.values())}; summarising lanes the screen takes {sum(taken.values())}")
    for code in flows:
        extra = f"  skips asked {asked[code]}, skipped {skipped[code]}" if code in asked else ""
        print(f"  {code} lanes {lanes[code]:6}  screened {taken[code]:5}{extra}")


def _counted(units: list[Any], flowing: Callable[..., list[Any]], skipping: list[type[flow.FlowRule]]
             ) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """One walk counting the lanes started per rule and the `skips` answers."""
    lanes: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    begin = flow.FlowRule.begin_function

    def counting(rule: flow.FlowRule, node: cst.FunctionDef) -> flow.Lane:
        lanes[rule.code] += 1
        return begin(rule, node)

    originals = {rule: rule.skips for rule in skipping}

    def asking(rule: type[flow.FlowRule]) -> Callable[[flow.FlowRule, cst.FunctionDef], bool]:
        def skips(self: flow.FlowRule, function: cst.FunctionDef) -> bool:
            answer = originals[rule](self, function)
            asked[rule.code] += 1
            skipped[rule.code] += answer
            return answer
        return skips

    flow.FlowRule.begin_function = counting  # type: ignore[method-assign]
    for rule in skipping:
        rule.skips = asking(rule)  # type: ignore[method-assign]
    try:
        walk_all(units, flowing)
    finally:
        flow.FlowRule.begin_function = begin  # type: ignore[method-assign]
        for rule, original in originals.items():
            rule.skips = original  # type: ignore[method-assign]
    return lanes, asked, skipped


if __name__ == "__main__":
    main()
