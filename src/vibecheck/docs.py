"""Rule docs come from the rule's docstring only: parse its sections, render them, write `rules/*/README.md`."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vibecheck.rule import BaseRule

_HEADING = re.compile(r"^##\s+(.+?)\s*$")
_CODE_BLOCK = re.compile(r"```(?:python|py)?\n(.*?)```", re.DOTALL)


@dataclass
class RuleDoc:
    summary: str
    sections: dict[str, str] = field(default_factory=dict)

    def code_block(self, section: str) -> str | None:
        """The first fenced code block of a section (the `Example` or `Use instead` code)."""
        match = _CODE_BLOCK.search(self.sections.get(section, ""))
        return match.group(1) if match else None


def parse_doc(docstring: str) -> RuleDoc:
    """Split a rule docstring into its one-line summary and its `## Section` bodies."""
    text = inspect.cleandoc(docstring or "")
    lines = text.splitlines()
    summary = lines[0].strip() if lines else ""
    sections: dict[str, str] = {}
    current: str | None = None
    body: list[str] = []
    for line in lines[1:]:
        match = _HEADING.match(line)
        if match:
            if current is not None:
                sections[current] = "\n".join(body).strip("\n")
            current, body = match.group(1), []
        elif current is not None:
            body.append(line)
    if current is not None:
        sections[current] = "\n".join(body).strip("\n")
    return RuleDoc(summary, sections)


def rule_folder_name(rule: type[BaseRule]) -> str:
    return f"{rule.code}-{rule.name}"


def render_markdown(rule: type[BaseRule]) -> str:
    """The rule's page: title, metadata table, then the docstring sections as written."""
    doc = parse_doc(rule.__doc__ or "")
    cwe = ", ".join(f"CWE-{n}" for n in rule.cwe) or "none"
    lines = [
        f"# {rule.code} `{rule.name}`",
        "",
        doc.summary,
        "",
        "| category | severity | confidence | CWE | fixable | enabled by default | supersedes |",
        "|---|---|---|---|---|---|---|",
        f"| {rule.category.value} | {rule.severity.value} | {rule.confidence.value} | {cwe} | "
        f"{'yes' if rule.fixable else 'no'} | {'yes' if rule.default_enabled else 'no (preview)'} | "
        f"{', '.join(rule.supersedes) or '-'} |",
        "",
    ]
    for title, body in doc.sections.items():
        lines += [f"## {title}", "", body, ""]
    lines.append("<!-- generated from the rule's docstring by `vibecheck docs`; edit the docstring, not this file -->")
    return "\n".join(lines) + "\n"


TABLE_START = "<!-- rules-table:start -->"
TABLE_END = "<!-- rules-table:end -->"


def rules_table(rules: list[type[BaseRule]]) -> str:
    """The README's rule table: one row per rule, linking to its generated page."""
    rows = ["| code | name | category | severity | what it reports |", "|---|---|---|---|---|"]
    for rule in rules:
        preview = " (preview)" if not rule.default_enabled else ""
        link = f"[{rule.code}](rules/{rule_folder_name(rule)}/README.md)"
        rows.append(f"| {link} | `{rule.name}`{preview} | {rule.category.value} | {rule.severity.value} | "
                    f"{parse_doc(rule.__doc__ or '').summary} |")
    return "\n".join(rows)


def with_rules_table(readme: str, rules: list[type[BaseRule]]) -> str:
    """The README text with the generated table between its two markers (unchanged if they are missing)."""
    start, end = readme.find(TABLE_START), readme.find(TABLE_END)
    if start < 0 or end < start:
        return readme
    return readme[: start + len(TABLE_START)] + "\n" + rules_table(rules) + "\n" + readme[end:]
