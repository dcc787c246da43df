"""`lazy_pattern`: module-level regular expressions compiled at their first use, not when the checker loads."""

from __future__ import annotations

import copy
import re
import subprocess
import sys

from vibecheck.patterns import lazy_pattern, search_from_literal, word_start_matches


def test_a_lazy_pattern_answers_as_the_compiled_pattern_once_used() -> None:
    lazy, compiled = lazy_pattern(r"(?P<word>ab)+", re.IGNORECASE), re.compile(r"(?P<word>ab)+", re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled yet
    assert lazy.search("xxABab").group(0) == compiled.search("xxABab").group(0) == "ABab"  # type: ignore[union-attr]
    assert "search" in vars(lazy)  # later calls go straight to the compiled pattern's methods
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == \
        (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
    assert lazy.sub("-", "abxAB") == "-x-" and lazy.split("xabx") == ["x", "ab", "x"]
    assert [m.span() for m in lazy.finditer("ab ab")] == [(0, 2), (3, 5)] and lazy.findall("abab") == ["ab"]
    assert lazy.fullmatch("abAB") is not None and lazy.match("x") is None
    assert copy.copy(lazy_pattern("a")).match("a") is not None


def test_loading_the_rules_compiles_no_regular_expression_of_theirs() -> None:
    """Compiling the rule and analysis modules' ~170 expressions cost every process that loads the checker 20 ms (a
    hook's worker, on the hook's critical path), for the few dozen a file uses: they are `lazy_pattern`s."""
    probe = (
        "import re, sys\n"
        "import libcst, vibecheck.engine\n"
        "from vibecheck.analyzers import analyzers\n"
        "for analyzer in analyzers(): analyzer.load()\n"
        "compile, made = re.compile, []\n"
        "def spy(pattern, flags=0):\n"
        "    made.append(sys._getframe(1).f_code.co_filename)\n"
        "    return compile(pattern, flags)\n"
        "re.compile = spy\n"
        "from vibecheck.registry import load_registry\n"
        "load_registry()\n"
        "print(sorted({name for name in made if '/vibecheck/' in name}))\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_the_redaction_expressions_are_compiled_at_their_first_use() -> None:
    """Both processes of a hook import `vibecheck.redaction` (its 24 expressions took 2.5 ms to compile), and most
    runs search a text with a few of them or none (a credential format only where its mark occurs)."""
    probe = (
        "import re, sys\n"
        "compile, made = re.compile, []\n"
        "def spy(pattern, flags=0):\n"
        "    made.append(sys._getframe(1).f_code.co_filename)\n"
        "    return compile(pattern, flags)\n"
        "re.compile = spy\n"
        "import vibecheck.redaction\n"
        "print(sorted({name for name in made if name.endswith('redaction.py')}))\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_word_start_matches_are_those_of_the_pattern_after_a_word_boundary() -> None:
    """Searching `\\bdef\\s+(\\w+)` over a whole source is a hundred times slower than `def\\s+(\\w+)`: the boundary is
    asked of each match instead, and a match inside a word is searched again one past its start."""
    text = "undef x(\nxdef def (\n def  run(\nredef(y): return(z) noreturn (w) _eval(1) .eval(2) execute(3) exec (4)"
    for pattern in (r"def\s+(\w+)\s*\(", r"return[\s(]+", r"(?:exec|eval)\s*\(", r"\w+"):
        expected = [(m.span(), m.groups()) for m in re.finditer(r"\b" + pattern, text)]
        assert [(m.span(), m.groups()) for m in word_start_matches(re.compile(pattern), text)] == expected
    assert [m.group(1) for m in word_start_matches(re.compile(r"def\s+(\w+)\s*\("), text)] == ["run"]


def test_a_search_from_a_literal_answers_as_the_whole_search() -> None:
    """A pattern that opens with an assertion is matched only where its literal start occurs: the boundary and the
    lookbehind still see the text before that position, and the first match is the search's."""
    text = "x.RUNNERS[k](1) myRUNNERS[k](2) RUNNERS[a\n](3) RUNNERS[j] (4) RUNNERS[kind](5) RUNNERS[z](6)"
    table = re.compile(r"(?<![\w.])RUNNERS\[[^\[\]\n]*\]\(")
    found = search_from_literal(table, text, "RUNNERS[")
    assert found is not None and found.span() == table.search(text).span()  # type: ignore[union-attr]
    assert found.group(0) == "RUNNERS[kind]("
    getattr_call = re.compile(r"""\bgetattr\(\s*[\w.]+\s*,\s*(["'])[A-Za-z_]\w*\1\s*\)\(""")
    assert search_from_literal(getattr_call, "mygetattr(os, 'system')(x)", "getattr(") is None
    assert search_from_literal(getattr_call, "f(getattr(os, 'system')(x))", "getattr(").start() == 2  # type: ignore[union-attr]
    assert search_from_literal(table, "", "RUNNERS[") is None
