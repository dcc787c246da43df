"""The project rules of a large project run in two processes: this one and a copy forked with the project's facts.

Once the workers have sent the last file's facts, the project phase is the only work left, and it ran on one core
while the other idled: on Django (2,800 files with the indexed tests) 0.8 s of a 16 s cold run, 0.6 s of it the
index of what the tests reach that the verification rules (VC301, VC302, VC307, VC309) share, 0.15 s VC417.
Forked after the facts are in, the copy shares them without a copy or a pickle; both processes take the rules from
one queue (a pipe holding numbers: each read takes one, atomically), so that the costly rules and the cheap ones
spread over both cores, whichever they are. The rules of one package go together, as one number: they share what
they compute of a project (the verification rules' index), which two processes would compute twice. The copy sends
each rule's findings, errors and the files whose text it read (`Project.read_text`, which the phase's cache watches)
back as it finishes them; the findings come out in the rules' order either way. If the copy dies, the rules it had
taken and not answered run here.
A package's rules still take most of the phase when that index is most of it: a rule may name a part of its work that
the copy computes first, from what this process built before the fork, and sends while this process computes the
rest (`ProjectRule.forked_ahead`: VC301's index here follows the roots the tests do not name while the copy finds the
definitions they do name, 0.2 s of the index's 0.7 s on Django); a part that does not come is computed here.
Only on Linux and where the run may fork (a run with isolated workers, and more than one job), and only for a
project large enough that the fork (about 10 ms for a run on Django) pays for itself.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import pickle  # vibecheck: ignore[B403] -- results of this process's own fork, read from a pipe only it holds
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from vibecheck.model import EngineError, Finding
from vibecheck.project import Project, run_project_rules

FORKED_FILES = 500  # files in the project from which a phase forks
_NUMBER = 2  # bytes of a rule's number in the queue

_AHEAD_PIPE_BYTES = 1 << 20  # Django's referenced definitions take 0.2 MiB pickled; a pipe holds 64 KiB unless told
Outcome = tuple[list[Finding], list[EngineError]]
# A rule's `forked_ahead` triple, with the options its first two get: (prepare, compute, options, expect).
_AheadOf = tuple[Callable[[Any, Any], Any], Callable[[Any, Any], Any], Any, Callable[[Any, Callable[[], Any] | None], None]]


def run_each_rule(project: Project, rules: Sequence[tuple[type, Any]], parts: Sequence[Project], jobs: int
                  ) -> list[Outcome]:
    """Each rule's findings and errors on every part of the project, in the rules' order."""
    if jobs < 2 or len(rules) < 2 or len(project.files) < FORKED_FILES or not sys.platform.startswith("linux"):
        return [run_project_rules(project, [rule], parts) for rule in rules]
    try:
        queue_out, queue_in = os.pipe()
        answers_out, answers_in = os.pipe()
    except OSError:
        return [run_project_rules(project, [rule], parts) for rule in rules]
    groups = _by_package(rules)
    os.write(queue_in, b"".join(number.to_bytes(_NUMBER, "big") for number in range(len(groups))))
    os.close(queue_in)
    os.set_blocking(queue_out, False)
    aheads = _aheads(rules)
    ahead_out, ahead_in = _ahead_pipe() if aheads else (None, None)
    for prepare, _, options, _ in aheads if ahead_out is not None else ():
        for part in parts:
            _computed(prepare, part, options)
    try:
        pid = os.fork()
    except OSError:
        pid = None
    if pid == 0:
        _serve_copy(project, rules, groups, parts, queue_out, answers_out, answers_in, aheads, ahead_out, ahead_in)
    os.close(answers_in)
    ahead = _Ahead(ahead_out, ahead_in, forked=pid is not None)
    for number, (*_, expect) in enumerate(aheads if ahead.pipe is not None else ()):
        for place, part in enumerate(parts):
            expect(part, functools.partial(ahead.value, number, place))
    outcomes: dict[int, Outcome] = {}
    try:
        for number in _taken(queue_out):
            for index in groups[number]:
                outcomes[index] = run_project_rules(project, [rules[index]], parts)
    finally:
        for *_, expect in aheads:
            for part in parts:
                expect(part, None)
        ahead.close()  # a copy still writing its parts (a pipe too small for them) then ends: it took no rule yet
    os.close(queue_out)
    with os.fdopen(answers_out, "rb") as answers:
        for index, outcome, texts_read in _answers(answers):
            outcomes[index] = outcome
            for part, read in zip(parts, texts_read, strict=True):
                part.texts_read.update(read)
    if pid is not None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    return [outcomes[index] if index in outcomes else run_project_rules(project, [rule], parts)
            for index, rule in enumerate(rules)]


def _by_package(rules: Sequence[tuple[type, Any]]) -> list[list[int]]:
    """The rules' indexes grouped by the package of their module, in the order of each package's first rule."""
    groups: dict[str, list[int]] = {}
    for index, (rule, _) in enumerate(rules):
        groups.setdefault(rule.__module__.rpartition(".")[0], []).append(index)
    return list(groups.values())


def _serve_copy(project: Project, rules: Sequence[tuple[type, Any]], groups: list[list[int]], parts: Sequence[Project],
                queue: int, answers_out: int, answers: int, aheads: Sequence[_AheadOf] = (),
                ahead_out: int | None = None, ahead_in: int | None = None) -> None:
    """The forked copy: compute the rules' parts ahead (`ProjectRule.forked_ahead`) and send them, then run the rules
    it takes, send each one's outcome, end. Never returns."""
    try:
        os.close(answers_out)
        gc.freeze()  # the facts are this process's copy of the parent's: a collection would only touch their pages
        if ahead_in is not None and ahead_out is not None:
            os.close(ahead_out)
            with os.fdopen(ahead_in, "wb") as ahead:
                for number, (_, compute, options, _) in enumerate(aheads):
                    for place, part in enumerate(parts):
                        pickle.dump((number, place, _computed(compute, part, options)), ahead)
        with os.fdopen(answers, "wb") as out:
            for number in _taken(queue):
                for index in groups[number]:
                    outcome = run_project_rules(project, [rules[index]], parts)
                    pickle.dump((index, outcome, [sorted(part.texts_read) for part in parts]), out)
                    out.flush()
    finally:
        os._exit(0)


def _aheads(rules: Sequence[tuple[type, Any]]) -> list[_AheadOf]:
    """Each `forked_ahead` triple the rules name, once, with the options of the first rule naming it."""
    found: dict[Any, _AheadOf] = {}
    for rule, options in rules:
        triple = getattr(rule, "forked_ahead", None)
        if triple is not None and triple not in found:
            found[triple] = (triple[0], triple[1], options, triple[2])
    return list(found.values())


def _ahead_pipe() -> tuple[int | None, int | None]:
    """The pipe the copy sends its parts ahead through, made to hold them whole where Linux lets it (so that the copy
    never waits for this process to read them); no pipe, no parts ahead."""
    import fcntl  # (here: Linux only, as the fork is)

    try:
        ahead_out, ahead_in = os.pipe()
    except OSError:
        return None, None
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(ahead_in, fcntl.F_SETPIPE_SZ, _AHEAD_PIPE_BYTES)
    return ahead_out, ahead_in


def _computed(compute: Callable[[Any, Any], Any], part: Project, options: Any) -> Any:
    try:
        return compute(part, options)
    except Exception:  # the rule computes it itself, and meets the error where it would have
        return None


class _Ahead:
    """This process's end of the copy's parts ahead: read as a rule waits for one (`value`), until the copy ended."""

    def __init__(self, pipe: int | None, write_end: int | None, *, forked: bool) -> None:
        if write_end is not None:
            os.close(write_end)
        self.pipe = os.fdopen(pipe, "rb") if pipe is not None and forked else None
        if pipe is not None and not forked:
            os.close(pipe)  # no copy: nothing comes
        self.received: dict[tuple[int, int], Any] = {}

    def value(self, number: int, place: int) -> Any:
        """The copy's part `number` for the project `place` of the run, once it came; None if it never does."""
        while (number, place) not in self.received and self.pipe is not None:
            try:
                got, where, value = pickle.load(self.pipe)  # vibecheck: ignore[B301] -- from this process's fork
            except (EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
                self.close()
                break
            self.received[(got, where)] = value
        return self.received.pop((number, place), None)

    def close(self) -> None:
        if self.pipe is not None:
            self.pipe.close()
            self.pipe = None


def _taken(queue: int) -> Iterator[int]:
    """The numbers of the rules taken from the queue, each when the last is done, until it is empty."""
    while True:
        try:
            data = os.read(queue, _NUMBER)
        except BlockingIOError:
            return
        if len(data) < _NUMBER:
            return
        yield int.from_bytes(data, "big")


def _answers(answers: Any) -> Iterator[tuple[int, Outcome, list[list[str]]]]:
    """The copy's answers until it ended (a copy that died mid-answer: those it sent whole)."""
    while True:
        try:
            yield pickle.load(answers)  # vibecheck: ignore[B301] -- written by this process's fork, see the import
        except (EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            return
