"""Fingerprints that survive unrelated edits: rule + normalised code of the reported node + enclosing definition.

A baseline must still match a finding after lines are inserted above it, after a formatter reflowed the
file, or after a comment changed, so the line number is no part of a fingerprint. What is: the rule code,
the enclosing function or class (`Service.fetch`), and the code of the reported node cut at the end of its
logical line (a finding on a whole `try:` statement keeps its first line, so an edit deep in its body does
not make it new), as tokens without whitespace, comments, trailing commas before a bracket or the quote
style of strings. Only a hash of that code is ever stored.
"""

from __future__ import annotations

import ast
import bisect
import hashlib
import io
import keyword
import tokenize
from collections.abc import Sequence

from vibecheck.model import Finding

_LAYOUT_TOKENS = frozenset({tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                            tokenize.ENDMARKER, tokenize.ENCODING})
_CLOSING = frozenset({")", "]", "}"})
_STRING_TOKENS = frozenset({tokenize.STRING} | {getattr(tokenize, name) for name in
                                                ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END") if hasattr(tokenize, name)})
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class SourceIndex:
    """One file's code tokens and definitions, built once for all of the file's findings."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tokens: list[tokenize.TokenInfo] = []
        self.logical_ends: list[tuple[int, int]] = []
        self.comments: dict[tuple[int, int], str] = {}  # start -> text: a suppression finding reports a comment
        try:
            for token in tokenize.generate_tokens(io.StringIO(text).readline):
                if token.type == tokenize.COMMENT:
                    self.comments[token.start] = " ".join(token.string.split())
                elif token.type == tokenize.NEWLINE:
                    self.logical_ends.append(token.start)
                elif token.type not in _LAYOUT_TOKENS:
                    self.tokens.append(token)
        except (tokenize.TokenError, SyntaxError):
            self.tokens, self.logical_ends, self.comments = [], [], {}  # unparsable: findings fall back to their line's text
        self._starts = [t.start for t in self.tokens]
        self.scopes = _scopes(text)

    def code_at(self, finding: Finding) -> str:
        """The reported node's code up to the end of its logical line, normalised (see the module docstring)."""
        start = (finding.location.start.line, finding.location.start.column - 1)
        end = (finding.location.end.line, finding.location.end.column - 1)
        first = bisect.bisect_left(self._starts, start)
        ends_after = bisect.bisect_left(self.logical_ends, start)
        stop = self.logical_ends[ends_after] if ends_after < len(self.logical_ends) else (len(self.lines) + 1, 0)
        if end > start:
            stop = min(stop, end)
        chosen: list[tokenize.TokenInfo] = []
        for token in self.tokens[first:]:
            if token.start >= stop:
                break
            chosen.append(token)
        words = _without_grouping_parentheses(chosen)
        if words:
            return " ".join(words)
        if start in self.comments:
            return self.comments[start]
        line = self.lines[start[0] - 1] if 0 < start[0] <= len(self.lines) else finding.line_text
        return " ".join(line.split())

    def qualname_at(self, line: int) -> str:
        """The innermost function or class around `line` (`Outer.method`), or "" at module level."""
        best = ""
        for first, last, name in self.scopes:
            if first > line:
                break
            if line <= last:
                best = name
        return best


def _without_grouping_parentheses(tokens: Sequence[tokenize.TokenInfo]) -> list[str]:
    """The tokens as words, minus parentheses that only group and trailing commas (a formatter adds and removes both).

    A `(` right after a name, a closing bracket or a string opens a call's arguments and stays; after an
    operator, a comma or a keyword (`assert x, (...)`, `return (...)`) it only groups.
    """
    words: list[str] = []
    opened: list[bool] = []  # for each open `(`: whether it was dropped
    previous: tokenize.TokenInfo | None = None
    for token in tokens:
        if token.type == tokenize.OP and token.string in _CLOSING and words and words[-1] == ",":
            words.pop()  # a trailing comma, which formatters add and remove
        if token.type == tokenize.OP and token.string == "(":
            grouping = previous is None or not (
                (previous.type == tokenize.NAME and not keyword.iskeyword(previous.string))
                or previous.string in _CLOSING or previous.type in _STRING_TOKENS)
            opened.append(grouping)
            if not grouping:
                words.append("(")
        elif token.type == tokenize.OP and token.string == ")" and opened:
            if not opened.pop():
                words.append(")")
        else:
            words.append(_normalised(token))
        previous = token
    return words


def _normalised(token: tokenize.TokenInfo) -> str:
    """A token as a formatter-independent word: strings by value (quote style and prefix case do not count)."""
    if token.type not in _STRING_TOKENS:
        return token.string
    try:
        return repr(ast.literal_eval(token.string))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return token.string.replace("'", '"').lower() if token.type == tokenize.STRING else token.string.replace("'", '"')


def _scopes(text: str) -> list[tuple[int, int, str]]:
    """(first line incl. decorators, last line, qualname) of every definition, in source order; [] if unparsable."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return []
    found: list[tuple[int, int, str]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, _DEFINITIONS):
                name = f"{prefix}{child.name}"
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                found.append((first, child.end_lineno or child.lineno, name))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    try:
        visit(tree, "")
    except RecursionError:
        return []
    found.sort()
    return found


def fingerprint(code: str, qualname: str, normalised_code: str) -> str:
    """The stored identity of a finding within its file: a hash, so no source text leaves the file."""
    identity = "\0".join([code, qualname, normalised_code])
    return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def fingerprints(findings: Sequence[Finding], text: str | None) -> list[tuple[str, str]]:
    """(qualname, fingerprint) of each finding of one file; without the file's text, the reported line is used."""
    index = SourceIndex(text) if text is not None else None
    result = []
    for finding in findings:
        if index is None:
            qualname, normalised_code = "", " ".join(finding.line_text.split())
        else:
            qualname, normalised_code = index.qualname_at(finding.location.start.line), index.code_at(finding)
        result.append((qualname, fingerprint(finding.code, qualname, normalised_code)))
    return result
