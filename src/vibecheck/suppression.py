"""Inline suppressions, applied by the filter stage to every finding of a file (vibecheck's, bandit's,
plugins', and the project rules').

The comments are parsed once, in the worker, and travel as data in the file's result
(`FileResult.suppressions`, each with its line's text), so the filter never reads the file again.

Recognised comments (comments only: found with `tokenize`, never inside strings):
- `# vibecheck: ignore[VC101, B602] -- reason` and `# noqa: VC101, B602` silence those codes on their line;
  codes may be written as rule names in the brackets (`ignore[swallowed-exception]`);
- `# vibecheck: ignore-file[VC101]` anywhere in the file silences the codes in the whole file;
- a bare `# noqa`, `# vibecheck: ignore` or `# vibecheck: ignore-file` silences everything it covers, as
  in ruff and flake8, and is itself reported as VC902 (blanket-suppression).
A finding is covered when it starts on the comment's line. A suppression naming an enabled vibecheck or
bandit code that silences nothing is VC901 (unused-suppression), and so is a bare `# vibecheck: ignore`
that silences nothing; other tools' codes (`E501`) and bare `# noqa` comments, which flake8 and ruff read
too, are never judged unused.
VC901 and VC902 findings are not silenced by line comments, only by `ignore-file`, config or CLI ignores.
Other tools' names work too (`vibecheck.code_aliases`): ruff's `# noqa: S602` means `B602` and `BLE001`
the broad-except rules; a named bandit code also silences the vibecheck rules that supersede it; bandit's
own `# nosec [B105]` (its findings are filtered by bandit itself) silences the superseding vibecheck rules.
Aliases and `# nosec` comments are never judged by VC901/VC902.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from vibecheck.code_aliases import aliased, superseded_by
from vibecheck.engine_checks import BlanketSuppression, UnusedSuppression
from vibecheck.model import Finding, Location, Position, Severity
from vibecheck.rule import BaseRule

_DIRECTIVE = re.compile(rb"vibecheck\s*:")  # matched in the lower-cased bytes, as the two plain words are
# Between codes `\s*(?:,\s*)?`, not `\s*,?\s*`: two adjacent `\s*` split a run of spaces every possible way (quadratic).
_NOQA = re.compile(r"#\s*noqa(?:\s*:\s*(?P<codes>[A-Za-z]+-?[0-9]+(?:\s*(?:,\s*)?[A-Za-z]+-?[0-9]+)*))?", re.IGNORECASE)
_VIBECHECK = re.compile(r"#\s*vibecheck\s*:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]]*)\])?")
# bandit's marker opening the comment, or after another directive on the line; never a mention in prose
_NOSEC = re.compile(r"(?:^|\s)#\s*nosec\b(?P<codes>[^#]*)", re.IGNORECASE)
_CODE_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_OWN_CODE = re.compile(r"^VC[0-9]{3}$")
HYGIENE_CODES = frozenset({UnusedSuppression.code, BlanketSuppression.code})


@dataclass(frozen=True)
class Suppression:
    """One suppression comment: where it is, which codes it names (none: blanket), its whole-file scope."""

    line: int
    column: int
    end_column: int
    codes: tuple[str, ...]
    file_level: bool
    text: str
    shared: bool = False  # a noqa comment, which other linters (flake8, ruff) read too
    also: tuple[tuple[str, str], ...] = ()  # (code silenced on behalf of a named code, that named code)
    foreign: bool = False  # bandit's nosec comment: silences only `also`, never judged by VC901/VC902
    line_text: str = ""  # the whole line, for the VC901/VC902 snippet

    @property
    def blanket(self) -> bool:
        return not self.codes and not self.foreign

    def covers(self, finding: Finding) -> bool:
        if finding.code in HYGIENE_CODES:
            return False
        if not self.file_level and finding.location.start.line != self.line:
            return False
        return self.blanket or finding.code in self.codes or any(finding.code == code for code, _ in self.also)

    def named_code(self, finding: Finding) -> str:
        """The code in the comment that silenced `finding` (`B105` for a VC403 it supersedes), "*" for a blanket."""
        if self.blanket:
            return "*"
        if finding.code in self.codes:
            return finding.code
        return next((named for code, named in self.also if code == finding.code), finding.code)


def has_candidates(data: bytes) -> bool:
    """Cheap pre-check, so files without any suppression word are never tokenized. (Substring searches of the
    lower-cased bytes: a case-insensitive regex of the three words scanned Django ten times slower.)"""
    lowered = data.lower()
    return b"noqa" in lowered or b"nosec" in lowered or (b"vibecheck" in lowered and _DIRECTIVE.search(lowered) is not None)


def parse_suppressions(source: str, names: dict[str, str] | None = None,
                       superseding: dict[str, set[str]] | None = None) -> list[Suppression]:
    """Every suppression comment of a file; `names` maps rule names to codes, `superseding` maps a code to the
    codes it supersedes (`VC403` -> `B105`). Untokenizable files have none."""
    names = names or {}
    replaced_by = superseded_by(superseding or {})
    found: list[Suppression] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                found.extend(_from_comment(token, names, replaced_by))
    except (tokenize.TokenError, SyntaxError):
        return found
    return found


def _from_comment(token: tokenize.TokenInfo, names: dict[str, str],
                  replaced_by: dict[str, tuple[str, ...]]) -> Iterable[Suppression]:
    line, column = token.start
    text = token.string
    line_text = token.line.rstrip("\r\n")
    end = column + len(text) + 1
    match = _VIBECHECK.search(text)
    if match:
        raw = match.group("codes")
        codes = _codes(raw.split(",") if raw else [], names)
        file_level = match.group("kind") == "ignore-file"
        yield Suppression(line, column + 1, end, codes, file_level, text, also=_also(codes, replaced_by),
                          line_text=line_text)
        return
    match = _NOQA.search(text)
    if match:
        raw = match.group("codes")
        codes = _codes(re.split(r"[\s,]+", raw) if raw else [], names)
        yield Suppression(line, column + 1, end, codes, False, text, shared=True, also=_also(codes, replaced_by),
                          line_text=line_text)
        return
    match = _NOSEC.search(text)
    if match:
        named = _codes(_CODE_WORD.findall(match.group("codes")), names)
        bandit_codes = named or tuple(code for code in replaced_by if code.startswith("B"))
        also = tuple((code, "nosec") for bandit in bandit_codes for code in replaced_by.get(bandit, ()))
        yield Suppression(line, column + 1, end, (), False, text, also=also, foreign=True, line_text=line_text)


def _also(codes: tuple[str, ...], replaced_by: dict[str, tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    """What the named codes silence besides themselves: ruff's aliases, and the rules superseding either."""
    pairs = []
    for named in codes:
        for code in (*aliased(named), named):
            if code != named:
                pairs.append((code, named))
            pairs.extend((superseding, named) for superseding in replaced_by.get(code, ()))
    return tuple(dict.fromkeys(pairs))


def _codes(items: Iterable[str], names: dict[str, str]) -> tuple[str, ...]:
    codes = []
    for item in items:
        item = item.strip()
        if item:
            codes.append(names.get(item, item.upper()))
    return tuple(dict.fromkeys(codes))


@dataclass
class SuppressionOutcome:
    """The findings left after suppression, and which (suppression, code) pairs silenced something."""

    findings: list[Finding]
    used: set[tuple[int, str]]


def apply_suppressions(findings: Iterable[Finding], suppressions: Sequence[Suppression],
                       used: set[tuple[int, str]] | None = None) -> SuppressionOutcome:
    """Drop every finding a suppression covers; record what each suppression silenced ("*" for blankets)."""
    used = set() if used is None else used
    kept = []
    by_line: dict[int, list[int]] = {}
    file_level = []
    for index, suppression in enumerate(suppressions):
        if suppression.file_level:
            file_level.append(index)
        else:
            by_line.setdefault(suppression.line, []).append(index)
    for finding in findings:
        covering = [i for i in (*by_line.get(finding.location.start.line, ()), *file_level) if suppressions[i].covers(finding)]
        if not covering:
            kept.append(finding)
            continue
        for index in covering:
            used.add((index, suppressions[index].named_code(finding)))
    return SuppressionOutcome(kept, used)


def hygiene_findings(
    path: str,
    suppressions: Sequence[Suppression],
    used: set[tuple[int, str]],
    *,
    enabled: Collection[str],
    known: Callable[[str], bool],
) -> list[Finding]:
    """VC901/VC902 findings for a file's suppressions, once every finding of the file (project rules' too) is known."""
    findings = []
    for index, suppression in enumerate(suppressions):
        if suppression.blanket:
            if BlanketSuppression.code in enabled:
                # A bare noqa comment usually serves flake8 or ruff too: reported, but it does not fail the build.
                findings.append(_hygiene(BlanketSuppression, path, suppression,
                                         f"`{suppression.text.strip()}` names no code, so it silences every check "
                                         f"on its {'file' if suppression.file_level else 'line'}.",
                                         "Name the code(s) to silence, e.g. `# vibecheck: ignore[VC101] -- reason`.",
                                         severity=Severity.INFO if suppression.shared else None))
            # a bare noqa comment may serve flake8 or ruff: only a bare vibecheck ignore can be unused
            if not suppression.shared and UnusedSuppression.code in enabled and (index, "*") not in used:
                findings.append(_unused(path, suppression, None))
            continue
        for code in suppression.codes:
            if (index, code) in used or UnusedSuppression.code not in enabled:
                continue
            if known(code):
                if code in enabled:
                    findings.append(_unused(path, suppression, code))
            elif _OWN_CODE.match(code):
                findings.append(_hygiene(UnusedSuppression, path, suppression,
                                         f"`{code}` in `{suppression.text.strip()}` is not a vibecheck code.",
                                         "Correct or remove the unknown code (`vibecheck rules` lists the codes)."))
    return findings


def _unused(path: str, suppression: Suppression, code: str | None) -> Finding:
    scope = "this file" if suppression.file_level else "its line"
    what = f"no `{code}` finding" if code else "no finding"
    return _hygiene(UnusedSuppression, path, suppression,
                    f"`{suppression.text.strip()}` suppresses nothing: there is {what} on {scope}.",
                    "Remove the unused suppression (or the unused code from it).")


def _hygiene(rule: type[BaseRule], path: str, suppression: Suppression, message: str,
             hint: str, *, severity: Severity | None = None) -> Finding:
    return Finding(
        code=rule.code, name=rule.name, message=message, hint=hint,
        location=Location(path, Position(suppression.line, suppression.column),
                          Position(suppression.line, suppression.end_column)),
        severity=severity or rule.severity, confidence=rule.confidence, category=rule.category, cwe=rule.cwe,
        line_text=suppression.line_text,
    )
