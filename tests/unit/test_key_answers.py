"""`key_answers`: an answer is taken from its record only while the cache vouches for the bytes it was computed from."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibecheck import key_answers, key_texts
from vibecheck.cache import content_digest


@pytest.fixture(autouse=True)
def fresh() -> None:
    key_answers.forget()
    key_texts.forget()


def _asks(path: Path, question: str = "words") -> tuple[bool, int]:
    """The answer to "does it mention `connexion`?" and how many times the file was read for it."""
    computed: list[bytes] = []

    def compute(data: bytes) -> bool:
        computed.append(data)
        return b"connexion" in data

    key_texts.forget()
    return key_answers.ask(str(path), question, compute), len(computed)


def test_an_answer_is_kept_only_for_the_bytes_the_cache_vouches_for(tmp_path: Path) -> None:
    module = tmp_path / "app.py"
    module.write_bytes(b"import flask\n")
    vouched: dict[str, str] = {}
    key_answers.use({}, vouched.get, content_digest)
    assert _asks(module) == (False, 1)  # no stat record yet: read
    assert key_answers.changed()
    vouched[str(module)] = content_digest(b"import flask\n")
    assert _asks(module) == (False, 0)  # the cache vouches for these bytes: not read
    assert _asks(module, "other") == (False, 1)  # another question is asked of the bytes
    module.write_bytes(b"import connexion\n")
    vouched[str(module)] = content_digest(b"import connexion\n")
    assert _asks(module) == (True, 1)  # other bytes: read again
    del vouched[str(module)]
    assert _asks(module) == (True, 1)  # nothing vouches for them: read


def test_without_a_cache_nothing_is_kept(tmp_path: Path) -> None:
    module = tmp_path / "app.py"
    module.write_bytes(b"import connexion\n")
    assert _asks(module) == (True, 1)
    assert _asks(module) == (True, 1)
    assert not key_answers.changed() and key_answers.records() == {}


def test_an_answer_asked_again_with_the_same_bytes_changes_nothing(tmp_path: Path) -> None:
    module = tmp_path / "app.py"
    module.write_bytes(b"import flask\n")
    key_answers.use({str(module): [content_digest(b"import flask\n"), {"words": False}]}, {}.get, content_digest)
    assert _asks(module) == (False, 1)
    assert not key_answers.changed()  # nothing to write back


@pytest.mark.parametrize("records", [None, [], "x", {"a.py": ["digest"]}, {"a.py": [1, {}]}, {"a.py": ["d", []]}])
def test_damaged_records_are_dropped(records: object) -> None:
    assert key_answers.valid_records(records) == {}


def test_a_file_that_cannot_be_read_raises_as_a_read_does(tmp_path: Path) -> None:
    key_answers.use({}, {}.get, content_digest)
    with pytest.raises(OSError):
        key_answers.ask(str(tmp_path / "missing.py"), "words", lambda data: True)
    with pytest.raises(OSError):
        key_answers.ask(str(tmp_path), "words", lambda data: True)
