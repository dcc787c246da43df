"""VC502: a comment or docstring that admits the code around it is not the real thing."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePath

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.agent_artefacts._syntax import docstring_node

_FAKING = (r"(?:return(?:s|ing)?|hard-?cod(?:e|ed|ing)|mock(?:s|ed|ing)?|fak(?:e|es|ed|ing)|simulat(?:e|es|ed|ing)"
           r"|stub(?:s|bed|bing)?|(?:store|keep|save)[^.\n]{0,20}?in[- ]memory)")
# Case-insensitive regular expressions, matched at word boundaries; written to name code that is admitted
# to be unreal, not a known limitation ("ignored for now") or advice ("do not use in production").
# "Used as a dummy response object when the client raises": a stand-in named for the role it plays on purpose, not
# an admission. (`\x20`, not a space: the spaces of a phrase become `\s+`, which a look-behind cannot hold.)
_NOT_A_ROLE = r"(?<!\bas\x20)(?<!\bas\x20a\x20)(?<!\bas\x20an\x20)"

DEFAULT_PHRASES: tuple[str, ...] = (
    r"in a (?:full|complete|proper|production) implementation",
    r"in a real(?:[-\s]world)? (?:implementation|app|application|system|project|scenario|environment|deployment"
    r"|setting|world|codebase|service|database|api|version)",
    r"in (?:a )?production(?: (?:environment|system|app|application|setting|deployment|code))?,? "
    r"(?:you|we|this|it)(?:'d| would| should| will| must)",
    r"in (?:a )?production(?: (?:environment|system|app|application|setting|deployment|code))?,? "
    r"(?:use|replace|change|load|store|read|fetch|swap|hash|encrypt|validate|add|implement)",
    r"in practice,? you(?:'d| would)",
    r"for now,? (?:we'll|we will|i'll|let's)",
    r"for now,? (?:just |simply )?" + _FAKING,
    r"for now,? (?:just |simply )?(?:accept|allow|approve|skip|bypass|trust|pretend)",
    _FAKING + r"\b[^.\n]{0,40}?\bfor now",
    r"(?:this|it) is (?:just |only |simply )?(?:a )?placeholder",
    r"placeholder (?:implementation|function|logic|code|data|response|result)",
    r"^#+\s*placeholder\s*:",
    r"placeholder for (?:the )?(?:real|actual|proper)",
    _NOT_A_ROLE + r"mock(?:ed)? (?:implementation|data|response|result|logic|users?|payment|api|service|database|db"
    r"|storage|store)",
    _NOT_A_ROLE + r"(?:dummy|fake|stub(?:bed)?) (?:implementation|data|response|logic|result|database|db|users?)s?",
    r"replace (?:this )?with (?:a |an |the |your )?(?:actual|real|proper)",
    r"(?:todo|fixme)\b:?\s*(?:implement (?:this|me|it|the (?:actual|real)|actual|real|proper|logic|later)"
    r"|add (?:real|actual|proper)|connect to (?:the |a )?(?:real|actual))",
    r"(?:a|this|is|uses?|using) simplified (?:version|implementation|example|logic|approach|check|validation)",
    r"^#+\s*simplified (?:version|implementation|logic|approach|check|validation)",
    r"simplified for (?:demo|the demo|demonstration|illustration|this example|brevity|simplicity)",
    r"(?:this|it) is a simplified",
    r"for (?:demo(?:nstration)?|example|illustration|illustrative) purposes",
    r"hard-?coded (?:for (?:the )?(?:demo|this example|simplicity)|temporarily)",
    r"temporarily hard-?coded",
    r"not (?:a )?(?:real|production[- ]ready) implementation",
    r"(?:actual|real|proper|full) (?:implementation|logic) (?:here|goes|would|should|will)",
    r"(?:actual|real|proper|full)(?: \w+)? (?:implementation|logic|validation|handling|checks?|support) "
    r"(?:comes|will come|to come|is coming|coming) (?:later|soon|in a (?:later|follow-up|future))",
    r"(?:your|the) (?:own )?(?:implementation|logic|code) goes here",
    r"^#+\s*(?:actual |real |the )?(?:implementation|logic|code) goes here",
    # Elision markers: an edit that stands for code it never wrote ("# ... existing code ...", "# rest of the
    # logic here"); a bare "# ..." or "# ... and then" stays quiet, and so does a line of a figure the comment draws,
    # set in by more than one space ("#     ... (more datarows) ...": tabulate's table layout).
    r"^#+\x20?(?:\.{3}|\u2026)\s*\(?(?:existing|rest|remaining|other|more|previous|original|same|your)\b",
    r"rest of (?:the )?(?:code|logic|implementation|function|method|class|file|module|handler|view)"
    r"(?: \w+){0,2} (?:remains?|stays?|unchanged|as before|(?:is )?the same|here|goes here|omitted)",
    r"(?:existing|remaining|original|other) (?:code|logic|implementation|methods) (?:remains?|unchanged|stays?"
    r"|as before|omitted|goes here)",
    r"add (?:your|the) (?:own )?(?:actual |real )?(?:logic|code|implementation) here",
    r"normally,? you(?:'d| would)",
    r"this would (?:normally|typically|usually)",
    r"simulat(?:e|es|ed|ing) (?:an? |the )?(?:api|database|db|network|payment|external|http|processing|delay|response"
    r"|call|sending|email|upload)",
)

# Words of which each default phrase needs one, as written (a test proves it phrase by phrase): ASCII text holding
# none of them, in lower case, matches no default phrase, so the phrases' alternation, tried at every position of
# every comment and docstring, is searched only in the few that hold one.
DEFAULT_PHRASE_WORDS = ("implementation", "real", "production", "practice", "now", "placeholder", "mock", "dummy",
                        "fake", "stub", "replace", "todo", "fixme", "simplified", "purposes", "hard", "logic", "later",
                        "soon", "follow", "future", "goes", "...", "rest", "remain", "unchanged", "stay", "before",
                        "omitted", "here", "normally", "typically", "usually", "simulat")

# A class or module named as a stand-in (`DummyCache`, `DisabledBackend`, `backends/dummy/`, `werkzeug/test.py`):
# its docstring saying it is a dummy or simulates requests describes what it is for, not unfinished work.
DOUBLE_CLASS = lazy_pattern(r"^_?(?:Dummy|Fake|Mock|Stub|Null|Disabled|Noop|NoOp|Simulated|Test)(?=[A-Z_]|$)")
DOUBLE_MODULE_PARTS = frozenset({
    "dummy", "fake", "fakes", "mock", "mocks", "stub", "stubs", "test", "testing", "null", "disabled",
})


@functools.lru_cache(maxsize=16)
def compile_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of all phrases, word-bounded and case-insensitive; spaces match any run of whitespace."""
    parts = [phrase.replace(" ", r"\s+") for phrase in phrases]
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{part})" for part in parts) + r")(?![\w-])",
                      re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Options:
    """Options of `unfinished-work-comment`."""

    phrases: tuple[str, ...] = DEFAULT_PHRASES
    extend_phrases: tuple[str, ...] = ()
    check_tests: bool = False


class UnfinishedWorkComment(Rule):
    """A comment or docstring admits the code is not real ("in a real implementation", "for now, return").

    ## What it does
    Reports comments and docstrings that say the code next to them is a stand-in: "In a real
    implementation you would...", "For now, just return True", "This is a placeholder", "mock data",
    "replace with actual API call", "TODO: implement", "simplified version", "for demo purposes",
    "hardcoded for the demo". Only comments and docstrings are read, never string data. The docstring of
    a class or module named as a stand-in (`DummyCache`, `DisabledBackend`, a `dummy/`, `testing/` or
    `test.py` module, and its classes and functions) says what it is for and is not read. A stand-in
    named for the role it plays on purpose ("used as a dummy response object when the client raises") is no
    admission either. Known
    limitations ("ignored for now") and advice ("do not use in production") do not match. Test files are
    not checked unless `check-tests` is set.

    ## Why is this bad?
    A coding agent that cannot finish a task often says so only in a comment: the function looks done,
    returns plausible values and passes a quick review, while the comment two lines up admits that the
    real validation, payment or query was never written. Those comments are the cheapest signal that a
    feature is fake.

    ## Example
    ```python
    def is_valid_license(key):
        # In a real implementation, you would check the key against the license server.
        return len(key) == 16
    ```

    ## Use instead
    ```python
    def is_valid_license(key):
        # The license server answers 200 for active keys only.
        return license_client.check(key).status_code == 200
    ```

    ## Options
    - `phrases`: the case-insensitive regular expressions searched for (matched at word boundaries; a
      space matches any whitespace). Replace the list to change what is reported.
    - `extend-phrases` (default empty): more expressions, added to `phrases`.
    - `check-tests` (default `false`): also check test files.

    ## References
    - [PEP 8: Comments](https://peps.python.org/pep-0008/#comments)
    """

    code = "VC502"
    name = "unfinished-work-comment"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    cwe = (1164,)
    Options = Options

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._phrases = tuple(self.options.phrases) + tuple(self.options.extend_phrases)
        self._words = DEFAULT_PHRASE_WORDS if self._phrases == DEFAULT_PHRASES else None  # (other phrases: no screen)
        # The default phrases' alternation takes 20 ms to compile, in each process that checks with it (a hook's
        # worker, on the hook's critical path): compiled when a text first passes their screen. A project's own
        # phrases are compiled here, so that a bad expression fails as the rule starts, not at a file's first comment.
        self._pattern: re.Pattern[str] | None = compile_phrases(self._phrases) if self._words is None else None
        self._enabled = self.options.check_tests or not context.is_test_file
        path = PurePath(context.project_path)
        self._double_module = any(part in DOUBLE_MODULE_PARTS for part in (*path.parts[:-1], path.stem))

    def visit_Comment(self, node: cst.Comment) -> None:
        if self._enabled:
            self._check(node, node.value, "comment")

    def visit_Module(self, node: cst.Module) -> None:
        self._check_docstring(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if not DOUBLE_CLASS.search(node.name.value):
            self._check_docstring(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._check_docstring(node)

    def _check_docstring(self, scope: cst.Module | cst.ClassDef | cst.FunctionDef) -> None:
        if not self._enabled or self._double_module:
            return
        literal = docstring_node(scope)
        if literal is not None:
            text = literal.value if isinstance(literal, cst.SimpleString) else self.context.module.code_for_node(literal)
            self._check(literal, text, "docstring")

    def _check(self, node: cst.CSTNode, text: str, where: str) -> None:
        if self._words is not None and text.isascii():  # (case folding beyond ASCII is the pattern's to judge)
            lowered = text.lower()
            if not any(word in lowered for word in self._words):
                return
        if self._pattern is None:
            self._pattern = compile_phrases(self._phrases)
        match = self._pattern.search(text)
        if match is None:
            return
        self.report(node, f"This {where} admits the code is not the real implementation: \"{_quote(text, match)}\".",
                    hint="Write the real implementation (or raise `NotImplementedError` and track the gap in an issue), "
                    f"then delete the {where}.")


def _quote(text: str, match: re.Match[str]) -> str:
    """The line of the comment or docstring that matched, whitespace collapsed and cut to a readable length."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = " ".join(text[start:end if end != -1 else len(text)].split()).lstrip("#\"' ").rstrip("\"' ")
    return line if len(line) <= 100 else line[:97] + "..."
