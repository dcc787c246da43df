"""What the cache key readers ask of a project file's bytes, remembered across runs with the digest of those bytes.

Some `Rule.cache_inputs` readers ask something of every module's text: which modules of its own package it imports
(`imported_modules`), whether it mentions Connexion (`openapi_inputs`), whether it names a sibling model module
(`SiblingModelsInputs`). A warm run read every file of the project for them (885 opens on Django) although the cache
knew, by the files' `stat`, that none had changed. Here each answer is kept with the digest of the bytes it was
computed from, beside the cache's stat records (`cache.STATS`), and used again only while the cache's stat record of
the file says it still holds bytes of that digest: a file changed, or with no such record, is read (once per run,
`key_texts`) and asked again, so an answer is always the one its current bytes give. A question is a short text that
names all the answer depends on besides the file's path and bytes (`imports`, `mentions:add_api|connexion`); an
answer is plain JSON (lists, not tuples). Without a cache (`--no-cache`) nothing is remembered: every file is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from vibecheck import key_texts
from vibecheck.run_start import forget_at_run_start

Answer = TypeVar("Answer")
_UNASKED = object()


class _Answers:
    """This run's records (path -> [digest of the bytes, {question: answer}]) and the cache that vouches for them."""

    def __init__(self) -> None:
        self.records: dict[str, list[Any]] = {}
        self.known_digest: Callable[[str], str | None] | None = None  # the digest the cache's stat record gives, or None
        self.digest: Callable[[bytes], str] | None = None  # the cache's digest of a file's bytes
        self.changed = False


_ANSWERS = _Answers()


def ask(path: str, question: str, compute: Callable[[bytes], Answer], limit: int | None = None) -> Answer:
    """`compute(bytes of the file at path)`, taken from its record when the cache's stat record says the file holds
    the bytes it was computed from; else the file is read as `key_texts.file_bytes(path, limit)` reads it (raising
    as it does) and the answer recorded with the digest of what was read."""
    path = os.path.abspath(path)
    record = _ANSWERS.records.get(path)
    known_digest = _ANSWERS.known_digest
    if record is not None and known_digest is not None and question in record[1] and record[0] == known_digest(path):
        answer: Answer = record[1][question]
        return answer
    data = key_texts.file_bytes(path, limit)
    answer = compute(data)
    if known_digest is not None and _ANSWERS.digest is not None:
        digest = _ANSWERS.digest(data)
        if record is None or record[0] != digest:
            record = _ANSWERS.records[path] = [digest, {}]
        if record[1].get(question, _UNASKED) != answer:
            record[1][question] = answer
            _ANSWERS.changed = True
    return answer


def use(records: dict[str, list[Any]], known_digest: Callable[[str], str | None], digest: Callable[[bytes], str]) -> None:
    """Answer from `records` (checked by `valid_records`) while `known_digest(path)` vouches for a file's bytes: the
    cache of the run starting calls it."""
    _ANSWERS.records = records
    _ANSWERS.known_digest = known_digest
    _ANSWERS.digest = digest
    _ANSWERS.changed = False


def changed() -> bool:
    """Whether this run added or changed a record since they were taken or saved."""
    return _ANSWERS.changed


def records() -> dict[str, list[Any]]:
    """The records to save (`saved()` then), as plain JSON."""
    return _ANSWERS.records


def saved() -> None:
    _ANSWERS.changed = False


def valid_records(records: Any) -> dict[str, list[Any]]:
    """The well-formed records of what a records file held (anything else, damaged or foreign, is dropped)."""
    if not isinstance(records, dict):
        return {}
    return {path: record for path, record in records.items()
            if isinstance(record, list) and len(record) == 2 and isinstance(record[0], str) and isinstance(record[1], dict)}


@forget_at_run_start
def forget() -> None:
    """A run without a cache answers from no record (a long-lived process: the previous run's cache is not this one's)."""
    _ANSWERS.records = {}
    _ANSWERS.known_digest = None
    _ANSWERS.digest = None
    _ANSWERS.changed = False
