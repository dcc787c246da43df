"""The project phase after an edit of one file, from what the phase before it kept: the agent's loop.

An edit that changes a file's facts (a new function) changes the project phase's key, and the whole phase ran
again: every file's facts decoded, the reach of the tests over the whole project's calls followed again (a second
on Django), to judge one file. Instead, a phase over a few asked files (a hook, a pre-commit run) keeps a *base*
beside its findings (`ResultCache.store_project_base`): each rule's findings, the facts of the asked files, what
the rules' `change_state` kept of the project, and the facts' text and fact keys of every other file. The next phase
uses it when its inputs are the base's but for the facts of one file that the base holds (`update`):
- a rule whose `reads_facts` miss every fact key the edit changed keeps its findings, and so does one for which the
  edit changed only its `named_facts`, adding or removing names that no other file's facts mention (a helper of a
  utility module that became inert or not, which no route calls);
- a rule with a `change_state` judges the edit from its state (`ProjectRule.check_change`), which gives the
  changed file's findings when the edit cannot move the others (a function nobody names is unreached), or None;
- any other rule runs again on the project with the changed file's facts alone, when no other file has a fact
  the rule reads (VC417's flow summaries: a hook's other files are indexed without them).
Anything else (a rule that reads facts it does not declare, a second changed file, a rule's text read in the
changed file, a rule that raises, a file holding a finding that waits for the project's classes:
`vibecheck.conditional_findings`) and the whole phase runs, as before: the result is the same either way, which
`tests/unit/test_project_delta.py` checks against whole phases after edits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from vibecheck import result_codec
from vibecheck.cache import STATES, content_digest  # STATES: in a base, what each `change_state` kept, by its name
from vibecheck.facts import CONDITIONAL_FINDINGS, DEFINITIONS
from vibecheck.model import FileResult, Finding
from vibecheck.project import Project

DELTA_FILES = 8  # a phase over more asked files keeps no base (a whole-project run: its asked files' facts are most)
RULES = "rules"  # in a base: [code, findings] of each rule, in the phase's order
FACTS = "facts"  # in a base: the asked files' facts
DIGESTS = "digests"  # in a base: the facts digest of each file whose facts it holds (`ResultCache.project_inputs`)
OTHERS_DIGEST = "others_digest"  # in a base: the digest of every other file's path and facts digest
TEXTS_READ = "texts_read"  # in a base: the key of each file whose text a rule read
OTHER_KEYS = "other_keys"  # in a base: the fact keys of the files whose facts it does not hold
PRESEARCHED = 8  # the most names `presearch` looks for
_TOP_LEVEL_DEF = re.compile(rb"^(?:async[ \t]+)?def[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
# The facts' text of a base's other files, and whether each of some names occurs in it (`presearch`)
Searched = tuple[bytes, dict[str, bool]]


@dataclass
class FactsChange:
    """An edit of one file, as the project rules see it: its facts before and after, whether any other file's
    facts hold a text in a key or a string (`others_mention`), so that a rule can tell that no other file names
    something, and the fact keys the other files have."""

    path: str
    old: dict[str, Any]
    new: dict[str, Any]
    others_mention: Callable[[str], bool]
    other_keys: frozenset[str]
    memo: dict[str, Any] = field(default_factory=dict)  # what the rules judging this change share (`_reach_delta`)

    def changed_keys(self) -> set[str]:
        return {key for key in self.old.keys() | self.new.keys() if self.old.get(key) != self.new.get(key)}


def state_name(function: Callable[..., Any]) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def make_base(project: Project, rules: Sequence[tuple[Any, Any]], found: Sequence[list[Finding]], asked: set[str],
              digests: dict[str, str], texts: dict[str, bytes]) -> tuple[dict[str, Any], bytes] | None:
    """What a whole phase keeps for the next (with the other files' facts text), or None when no later phase could
    use it: too many asked files, or a rule that does not declare the facts it reads."""
    if len(asked) > DELTA_FILES or any(rule.reads_facts is None for rule, _ in rules) \
            or any(CONDITIONAL_FINDINGS in result.facts for result in project.files.values()):
        return None  # (a conditional finding may be cleared by any file's classes: such a project runs whole)
    states: dict[str, Any] = {}
    for rule, _ in rules:
        function = rule.change_state
        if function is not None and state_name(function) not in states:
            state = function(project)
            if state is not None:
                states[state_name(function)] = state
    held = {path: project.files[path].facts for path in sorted(asked) if path in project.files}
    others = [texts.get(path) or result_codec.dumps(project.files[path].facts).encode("ascii")
              for path in sorted(project.files) if path not in held]
    base = {RULES: [[rule.code, list(findings)] for (rule, _), findings in zip(rules, found, strict=True)],
            FACTS: held, DIGESTS: {path: digests[path] for path in held}, OTHERS_DIGEST: _others_digest(digests, held),
            STATES: states, TEXTS_READ: _texts_read(project),
            OTHER_KEYS: sorted({key for path in project.files if path not in held for key in project.files[path].facts})}
    return base, b"\n".join(others)


def _texts_read(project: Project) -> dict[str, str]:
    return {path: project.fingerprints.get(path, "") for path in sorted(project.texts_read)}


def presearch(base: dict[str, Any], texts: bytes, sources: dict[str, bytes]) -> Searched:
    """Whether the names of the top-level functions that the `sources` (an asked file's path -> its bytes now) define
    but their facts in `base` did not occur in the other files' facts `texts`: found while the worker checks the files,
    for `others_mention` after an edit adding a function (5 ms per name on Django, on the hook's critical path). The
    names are read from the text (`def name` at the start of a line), up to `PRESEARCHED` of them."""
    held = base.get(FACTS)
    found: dict[str, bool] = {}
    for path, data in sources.items():
        old = held.get(path) if isinstance(held, dict) else None
        definitions = old.get(DEFINITIONS) if isinstance(old, dict) else None
        if not isinstance(definitions, list):
            continue
        known = {definition.get("qualname") for definition in definitions if isinstance(definition, dict)}
        for match in _TOP_LEVEL_DEF.finditer(data):
            name = match.group(1).decode("ascii")
            if name not in known and name not in found and len(found) < PRESEARCHED:
                found[name] = _needle(name) in texts
    return texts, found


def _needle(text: str) -> bytes:
    return json.dumps(text)[1:-1].encode("ascii")  # as the facts' JSON text spells it


def update(project: Project, rules: Sequence[tuple[Any, Any]], base: dict[str, Any], digests: dict[str, str],
           new_facts: Callable[[str], dict[str, Any] | None], texts: Callable[[], bytes | None],
           warnings: list[str] | None = None, searched: Searched | None = None
           ) -> tuple[list[list[Finding]], dict[str, Any]] | None:
    """Each rule's findings on `project` after an edit of one file, from `base`, with the base to keep for the next
    phase; None when the whole phase must run (see the module's docstring). `new_facts` decodes a file's current facts,
    `texts` reads the other files' facts text kept with the base, in which `searched` (`presearch`) may have found names
    already. A rule that raises while judging the edit is named in `warnings`, and the whole phase runs (where a crash
    of its `check_project` is an engine error, as always)."""
    change = _change(project, base, digests, new_facts, texts, searched)
    if change is None or len(base[RULES]) != len(rules) or CONDITIONAL_FINDINGS in change.new:
        return None
    keys = change.changed_keys()
    reduced = _reduced(project, change)
    found: list[list[Finding]] = []
    for (rule_class, options), (code, before) in zip(rules, base[RULES], strict=True):
        reads = rule_class.reads_facts
        if code != rule_class.code or reads is None:
            return None
        if keys.isdisjoint(reads) or _names_unmentioned(change, reads, keys.intersection(reads), rule_class.named_facts):
            found.append(before)
            continue
        try:
            findings = _judge(rule_class(options), reduced, base, change, before, reads)
        except Exception as exc:  # a bug of the rule's judging: the whole phase gives the answer
            if warnings is not None:
                warnings.append(f"{rule_class.code} could not judge the edit of {change.path} alone "
                                f"({type(exc).__name__}: {exc}): the project rules ran on the whole project")
            return None
        if findings is None:
            return None
        found.append(findings)
    read = {**base[TEXTS_READ], **_texts_read(reduced)}
    kept = {**base, RULES: [[rule.code, findings] for (rule, _), findings in zip(rules, found, strict=True)],
            FACTS: {**base[FACTS], change.path: change.new}, DIGESTS: {path: digests[path] for path in base[FACTS]},
            TEXTS_READ: read}
    project.texts_read.update(read)
    return found, kept


def _change(project: Project, base: dict[str, Any], digests: dict[str, str],
            new_facts: Callable[[str], dict[str, Any] | None], texts: Callable[[], bytes | None],
            searched: Searched | None = None) -> FactsChange | None:
    """The one file whose facts changed since the base, if the base holds its old facts and nothing else changed."""
    before, held, keys = base.get(DIGESTS), base.get(FACTS), base.get(OTHER_KEYS)
    if not isinstance(before, dict) or not isinstance(held, dict) or before.keys() != held.keys() \
            or not all(isinstance(f, dict) for f in held.values()) or not isinstance(keys, list):
        return None
    changed = [path for path in before if digests.get(path) != before[path]]
    if len(changed) != 1 or base.get(OTHERS_DIGEST) != _others_digest(digests, before):
        return None
    path = changed[0]
    read = base.get(TEXTS_READ)
    if not isinstance(read, dict) or path in read or any(project.fingerprints.get(p) != key for p, key in read.items()):
        return None  # a rule placed a finding by the text of a file that changed
    facts = new_facts(path)
    if facts is None:
        return None
    others = [result_codec.dumps(facts).encode("ascii") for other, facts in held.items() if other != path]
    loaded: list[bytes | None] = []

    def others_mention(text: str) -> bool:
        if not loaded:
            loaded.append(texts())
        kept = loaded[0]
        needle = _needle(text)
        if kept is None:
            return True
        found = searched[1].get(text) if searched is not None and searched[0] is kept else None
        return (needle in kept if found is None else found) or any(needle in other for other in others)

    other_keys = frozenset(keys).union(*(facts for other, facts in held.items() if other != path))
    return FactsChange(path, held[path], facts, others_mention, other_keys)


def _names_unmentioned(change: FactsChange, reads: tuple[str, ...], keys: set[str], named: tuple[str, ...]) -> bool:
    """The changed keys are all among `named` (lists of names), and each name added or removed, by its last dotted
    part, occurs in no other file's facts and in no other fact of the changed file that the rule reads: nothing the
    rule reads looks it up."""
    if not keys or not keys.issubset(named):
        return False
    names: set[str] = set()
    for key in keys:
        old, new = change.old.get(key, []), change.new.get(key, [])
        if not isinstance(old, list) or not isinstance(new, list) \
                or not all(isinstance(name, str) for name in (*old, *new)):
            return False
        names.update(set(old).symmetric_difference(new))
    own = result_codec.dumps({key: change.new.get(key) for key in reads if key not in keys}).encode("ascii")
    return not any(_needle(last) in own or change.others_mention(last)
                   for last in {name.rpartition(".")[2] for name in names})


def _others_digest(digests: dict[str, str], held: Collection[str]) -> str:
    """The digest of the facts digests of the files a base does not hold: equal, none of them changed (a whole
    project's digests, 220 kB on Django, were written with every base)."""
    return content_digest(json.dumps(sorted(item for item in digests.items() if item[0] not in held)).encode())


def _reduced(project: Project, change: FactsChange) -> Project:
    """The project with the changed file's facts alone (the other files are there, with no facts)."""
    files = {path: FileResult(path, facts=change.new if path == change.path else {}) for path in project.files}
    return Project(root=project.root, files=files, test_files=set(project.test_files), config=project.config,
                   relative=dict(project.relative), fingerprints=dict(project.fingerprints))


def _judge(rule: Any, reduced: Project, base: dict[str, Any], change: FactsChange, before: list[Finding],
           reads: tuple[str, ...]) -> list[Finding] | None:
    """One rule's findings after the change: judged from its state, or run again when only the changed file has the
    facts it reads."""
    function = type(rule).change_state
    state = None if function is None else base[STATES].get(state_name(function))
    if state is not None:
        at_path = rule.check_change(reduced, state, change)
        if at_path is None:
            return None
        return [finding for finding in before if finding.location.path != change.path] + list(at_path)
    if not change.other_keys.isdisjoint(reads):
        return None
    return list(rule.check_project(reduced))
