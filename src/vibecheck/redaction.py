"""Keep secrets out of every output: messages, snippets and logs show a redacted prefix only.

CI logs are often public, so a linter that prints the credential it found leaks it a second time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from vibecheck.model import Finding, Fix, Report
from vibecheck.patterns import lazy_pattern

MASK = "****"
REMEMBERED_LENGTH = 512  # characters: `redact_line` remembers the redaction of texts up to this long

# Credential formats whose shape alone says "this is a live secret". The first group is the public
# prefix that names the format (safe to show); the whole match is the secret. A prefix counts only at the start of
# a token: `sk-` inside `Flask-AppBuilder-Skeleton-5` is the end of a word, not an OpenAI key.
CREDENTIAL_FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Anthropic API key", lazy_pattern(r"(?<![A-Za-z0-9])(sk-ant-)[A-Za-z0-9_\-]{20,}")),
    ("OpenAI API key", lazy_pattern(r"(?<![A-Za-z0-9])(sk-(?:proj-|svcacct-|admin-)?)[A-Za-z0-9_\-]{20,}")),
    ("Stripe secret key", lazy_pattern(r"(?<![A-Za-z0-9])((?:sk|rk)_live_)[A-Za-z0-9]{16,}")),
    ("AWS access key id", lazy_pattern(r"(?<![A-Za-z0-9])((?:AKIA|ASIA))[A-Z0-9]{16}(?![A-Z0-9])")),
    ("GitHub token", lazy_pattern(r"(?<![A-Za-z0-9])((?:ghp|gho|ghu|ghs|ghr)_)[A-Za-z0-9]{36,}")),
    ("GitHub fine-grained token", lazy_pattern(r"(?<![A-Za-z0-9])(github_pat_)[A-Za-z0-9_]{22,}")),
    ("GitLab token", lazy_pattern(r"(?<![A-Za-z0-9])(glpat-)[A-Za-z0-9_\-]{20,}")),
    ("Slack token", lazy_pattern(r"(?<![A-Za-z0-9])(xox[baprs]-)[A-Za-z0-9\-]{10,}")),
    ("Slack webhook URL", lazy_pattern(r"(https://hooks\.slack\.com/services/)T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{20,}")),
    ("Hugging Face token", lazy_pattern(r"(?<![A-Za-z0-9])(hf_)[A-Za-z0-9]{34,}")),
    ("Groq API key", lazy_pattern(r"(?<![A-Za-z0-9])(gsk_)[A-Za-z0-9]{40,}")),
    ("SendGrid API key", lazy_pattern(r"(?<![A-Za-z0-9])(SG\.)[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}")),
    ("Google API key", lazy_pattern(r"(?<![A-Za-z0-9])(AIza)[A-Za-z0-9_\-]{35}")),
    ("private key", lazy_pattern(r"(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----)[^\"']*")),
    ("bearer token", lazy_pattern(r"((?:Bearer|Basic|Token) )[A-Za-z0-9._~+/\-]{20,}=*")),
)

# What every match of a format holds, by the format's name: a text holding none of a format's marks is not searched
# with it (a report's 2,000 texts, each searched with 16 expressions, were a fifth of rendering it). A format
# missing here is always searched.
FORMAT_MARKS: dict[str, tuple[str, ...]] = {
    "Anthropic API key": ("sk-ant-",), "OpenAI API key": ("sk-",), "Stripe secret key": ("_live_",),
    "AWS access key id": ("AKIA", "ASIA"), "GitHub token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
    "GitHub fine-grained token": ("github_pat_",), "GitLab token": ("glpat-",), "Slack token": ("xox",),
    "Slack webhook URL": ("https://hooks.slack.com/services/",), "Hugging Face token": ("hf_",),
    "Groq API key": ("gsk_",), "SendGrid API key": ("SG.",), "Google API key": ("AIza",),
    "private key": ("PRIVATE KEY-----",), "bearer token": ("Bearer ", "Basic ", "Token "),
}

# scheme://user:password@host -- the password is the secret, the rest is shown. The match starts at `://`
# (after a scheme character), not at the scheme: a scheme matched in full was tried from every letter of a
# long word, quadratic in its length (a 100 KB line took 7 s). No part can run past a `/`, so the scan is linear.
URL_PASSWORD = lazy_pattern(r"(?<=[a-zA-Z0-9+.\-])(://[^\s:/@\"']*:)([^\s@/\"']+)(@)")
# A keyword connection string (libpq `"host=db user=app password=..."`, ODBC `"Driver=...;UID=sa;PWD=..."`): a password
# keyword beside another of the keywords that name where and as whom to connect.
DSN_PASSWORD = lazy_pattern(r"(?i)((?:^|[\s;])(?:password|pwd)\s*=\s*)([^\s;'\"]+)")
DSN_KEYWORD = lazy_pattern(r"(?i)(?:^|[\s;])(?:host|hostaddr|server|dbname|database|uid|user|driver|data source)\s*=")
_STRING_LITERAL = lazy_pattern(r"""(?P<prefix>[rRbBuUfF]{0,2})(?P<quote>'''|\"\"\"|'|")(?P<body>.*?)(?P=quote)""")


def redact(value: str, keep: int | None = None) -> str:
    """`value` cut to a short prefix plus a mask: at most 4 characters and a quarter of the value."""
    if keep is None:
        keep = min(4, len(value) // 4)
    return value[:keep] + MASK


# Every format's marks in one expression: a text it finds nothing in holds no format's match (a format without marks
# makes it match anything). One search in place of fifteen, most of which open with a lookbehind and so try every
# position of the text: VC403 asks it of most strings of every file.
_ANY_MARK = lazy_pattern("|".join(re.escape(mark) for name, _ in CREDENTIAL_FORMATS for mark in FORMAT_MARKS[name])
                         if all(name in FORMAT_MARKS for name, _ in CREDENTIAL_FORMATS) else "")


def may_hold_a_format(text: str) -> bool:
    """Whether `text` holds a mark of some credential format (`FORMAT_MARKS`), which each of its matches holds."""
    return _ANY_MARK.search(text) is not None


def redact_known_secrets(text: str) -> str:
    """Mask every credential-shaped token and every password in a URL, keeping their public prefixes. Most texts (a
    report's messages, hints and snippets) hold no format's mark: one search of them all skips the fifteen."""
    if may_hold_a_format(text):
        for name, pattern in CREDENTIAL_FORMATS:
            marks = FORMAT_MARKS.get(name)
            if marks is None or any(mark in text for mark in marks):
                text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return URL_PASSWORD.sub(lambda m: m.group(1) + MASK + m.group(3), text) if "://" in text else text


def redact_string_literals(line: str, hidden: str | None = None) -> str:
    """Mask the string literals on a line of code that hold `hidden`; all of them when it is not found as written."""
    literals = list(_STRING_LITERAL.finditer(line))
    only_hidden = hidden is not None and any(m.group("body") == hidden for m in literals)

    def mask(match: re.Match[str]) -> str:
        body = match.group("body")
        if not body or (only_hidden and body != hidden):
            return match.group(0)
        return f"{match.group('prefix')}{match.group('quote')}{redact(body)}{match.group('quote')}"

    return redact_known_secrets(_STRING_LITERAL.sub(mask, line))


# Findings with these CWEs found a secret on their line (hard-coded credential, password, key): every other
# literal on that line is masked too, in every finding's snippet and in code quoted by every message.
SECRET_CWES = frozenset({798, 259, 321})
# A literal, possibly left open at the end of the line (the first line of a multi-line string).
_ANY_LITERAL = lazy_pattern(r"""(?P<prefix>[rRbBuUfF]{0,2})(?P<quote>'''|\"\"\"|'|")"""
                            r"""(?P<body>(?:\\.|(?!(?P=quote))[^\\])*)(?P<close>(?P=quote))?""")
# `password = "..."`, `"api_key": "..."`, `token="..."`, `pwd == "..."`: a literal given to a name that says
# it is a secret. Names are found first (linear), then tested for a secret word, so long lines stay cheap.
_ASSIGNED_NAME = lazy_pattern(r"""(?<![A-Za-z0-9_])(?P<name>[A-Za-z_][A-Za-z0-9_]*)["']?\s*(?:==|:=|=|:)\s*""")
_SECRET_WORD = lazy_pattern(r"passw(?:or)?d|passphrase|pwd|secret|token|api_?key|private_?key|access_?key|credential|"
                            r"auth_?key|signing_?key", re.IGNORECASE)
_CODE_SPAN = lazy_pattern(r"`[^`]*`")
# The shape of the environment variable names the secret fixes write (`vibecheck.analysis.environment_fixes`).
_ENVIRONMENT_NAME = lazy_pattern(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")


def _mask_literal(match: re.Match[str]) -> str:
    body = match.group("body")
    if not body or MASK in body:  # empty, or masked already: masking stays idempotent
        return match.group(0)
    return f"{match.group('prefix')}{match.group('quote')}{redact(body)}{match.group('close') or ''}"


def mask_all_literals(text: str) -> str:
    """Every string literal in `text` (open ones to the end of the line too) cut to a prefix plus the mask."""
    return _ANY_LITERAL.sub(_mask_literal, text)


def redact_line(text: str) -> str:
    """Known credential formats, URL passwords and literals given to secret-named keys, masked on any line.
    Short texts are remembered: a report repeats its rules' messages and hints (2,100 texts, 800 distinct, on
    Django), and a long one (a minified line) is not kept in memory."""
    return _redact_short_line(text) if len(text) <= REMEMBERED_LENGTH else _redact_line(text)


@functools.lru_cache(maxsize=4096)
def _redact_short_line(text: str) -> str:
    return _redact_line(text)


def _redact_line(text: str) -> str:
    pieces: list[str] = []
    cursor = 0
    for name in _ASSIGNED_NAME.finditer(text):
        literal = _ANY_LITERAL.match(text, name.end()) if _SECRET_WORD.search(name.group("name")) else None
        if literal is None or literal.start() < cursor:
            continue
        pieces += [text[cursor:literal.start()], _mask_literal(literal)]
        cursor = literal.end()
    return redact_known_secrets("".join(pieces) + text[cursor:])


def _redact_code(text: str, secret_line: bool) -> str:
    return redact_line(mask_all_literals(text) if secret_line else text)


def _redact_message(text: str, secret_line: bool) -> str:
    if secret_line:
        text = _CODE_SPAN.sub(lambda m: mask_all_literals(m.group(0)), text)
    return redact_line(text)


def _line_literals(line: str) -> tuple[str, ...]:
    """The bodies of the string literals on a secret line that may hold the secret: all but subscript keys
    (`config["SECRET_KEY"] = "..."`: a key names the slot, the value is the secret)."""
    return tuple(body for match in _ANY_LITERAL.finditer(line) if (body := match.group("body"))
                 and not (line[:match.start()].rstrip().endswith("[") and line[match.end():].lstrip().startswith("]")))


def _mask_kept_literals(text: str, line_literals: tuple[str, ...]) -> str:
    """Mask the literals of a fix's text but the environment variable names it wrote itself
    (`os.environ["SECRET_KEY"]`): a name shown must not hold, or be held by, a literal of the secret line (a rule's
    snippet may differ from the line, hence the name's shape too)."""
    def mask(match: re.Match[str]) -> str:
        body = match.group("body")
        if _ENVIRONMENT_NAME.fullmatch(body) and not any(body in kept or kept in body for kept in line_literals):
            return match.group(0)
        return _mask_literal(match)

    return _ANY_LITERAL.sub(mask, text)


def _redact_fix(fix: Fix, line: str, secret_line: bool) -> Fix:
    """A fix as it may be shown: on a secret line, the literals of its edits and of the code in its description are
    masked but the environment variable names it wrote (`--fix` applies the unredacted fix in the worker; this one is
    only shown)."""
    if not secret_line:
        return replace(fix, description=redact_line(fix.description),
                       edits=tuple(replace(e, content=redact_line(e.content)) for e in fix.edits))
    kept = _line_literals(line)
    description = _CODE_SPAN.sub(lambda m: _mask_kept_literals(m.group(0), kept), fix.description)
    return replace(fix, description=redact_line(description),
                   edits=tuple(replace(e, content=redact_line(_mask_kept_literals(e.content, kept))) for e in fix.edits))


def redact_finding(finding: Finding, secret_line: bool) -> Finding:
    """The finding as it may be shown: snippet, message, hint and fix text redacted (all literals of a secret line)."""
    fix = finding.fix if finding.fix is None else _redact_fix(finding.fix, finding.line_text, secret_line)
    hint = _redact_message(finding.hint, secret_line) if finding.hint else finding.hint
    return replace(finding, line_text=_redact_code(finding.line_text, secret_line),
                   message=_redact_message(finding.message, secret_line), hint=hint, fix=fix)


def redact_report(report: Report) -> Report:
    """A copy of `report` that is safe to print or write: the one gate every reporter's input passes."""
    shown = [*report.findings, *(report.baselined or ())]  # baselined findings are shown too (SARIF `unchanged`)
    secret_lines = {(f.location.path, f.location.start.line) for f in shown if SECRET_CWES & set(f.cwe)}
    findings = [redact_finding(f, (f.location.path, f.location.start.line) in secret_lines) for f in report.findings]
    baselined = None
    if report.baselined is not None:
        baselined = [redact_finding(f, (f.location.path, f.location.start.line) in secret_lines) for f in report.baselined]
    errors = [replace(e, message=redact_line(e.message)) for e in report.errors]
    return replace(report, findings=findings, errors=errors, warnings=[redact_line(w) for w in report.warnings],
                   baselined=baselined)
