"""Check that `vibecheck ...` commands in documentation exist in the click CLI, with options and values it accepts.

Used by the tests of the README, `examples/ci/`, `action.yml` and `vibecheck init`'s output. Commands are
found in shell text: a word `vibecheck` (or a path ending in `/vibecheck`, or `$VIBECHECK`) at the start of
a command (the line's start, or after `&&`, `||`, `|`, `;`, `(`, `then`, `do`).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator

import click

from vibecheck.cli import cli

SEPARATORS = {"&&", "||", "|", ";", "(", ")", "then", "do", "!"}
GROUP_OPTIONS = {"--help", "-h", "--version"}


def _is_vibecheck(word: str) -> bool:
    return word in ("vibecheck", "$VIBECHECK") or word.endswith("/vibecheck")


def commands_in(text: str) -> Iterator[list[str]]:
    """The argument lists of the vibecheck commands in shell text, one per command."""
    for line in text.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        try:
            words = list(lexer)
        except ValueError as exc:
            raise AssertionError(f"cannot parse the shell line {line!r}: {exc}") from exc
        for i, word in enumerate(words):
            if _is_vibecheck(word) and (i == 0 or words[i - 1] in SEPARATORS):
                args = []
                for arg in words[i + 1:]:
                    if arg in SEPARATORS or arg in (">", ">>", "<", "2>"):
                        break
                    args.append(arg)
                yield args


def _symbolic(value: str) -> bool:
    """A value the documentation leaves to the reader or the shell: `$VAR`, `<placeholder>`, `"${options[@]}"`."""
    return "$" in value or value.startswith("<")


def problems(args: list[str]) -> list[str]:
    """What is wrong with one `vibecheck ARGS` command line: unknown subcommand, option, or choice value."""
    found: list[str] = []
    command: click.Command = cli.commands["check"]
    rest = list(args)
    if rest and rest[0] in cli.commands:
        command = cli.commands[rest.pop(0)]
    elif rest and rest[0] in GROUP_OPTIONS:
        return found
    while isinstance(command, click.Group):  # `vibecheck server start`: the subcommand's own options
        if not rest or rest[0] not in command.commands:
            word = rest[0] if rest else ""
            return [f"`vibecheck {command.name}` has no command {word!r}"] if word not in ("--help", "-h") else found
        command = command.commands[rest.pop(0)]
    params = {opt: p for p in command.params if isinstance(p, click.Option) for opt in (*p.opts, *p.secondary_opts)}
    params.update({opt: click.Option([opt], is_flag=True) for opt in ("--help", "-h")})
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    positional = 0
    while rest:
        word = rest.pop(0)
        if _symbolic(word):
            continue
        if word.startswith("-") and word != "-":
            name, _, inline = word.partition("=")
            param = params.get(name)
            if param is None:
                found.append(f"`vibecheck {command.name}` has no option {name}")
                continue
            if param.is_flag or param.count:
                continue
            value = inline or (rest.pop(0) if rest else "")
            if isinstance(param.type, click.Choice) and not _symbolic(value) and value not in param.type.choices:
                found.append(f"{name} {value}: not one of {', '.join(map(str, param.type.choices))}")
            continue
        positional += 1
        if not arguments or (arguments[-1].nargs != -1 and positional > sum(a.nargs for a in arguments)):
            found.append(f"`vibecheck {command.name}` takes no argument {word!r}")
    return found


def check_text(text: str, where: str) -> int:
    """Assert every vibecheck command in `text` is valid; return how many there were."""
    count = 0
    for args in commands_in(text):
        count += 1
        wrong = problems(args)
        assert not wrong, f"{where}: `vibecheck {' '.join(args)}`: {'; '.join(wrong)}"
    return count
