"""The JSON form of a file's result (cache entries, shard reports): exact round trips, and nothing foreign is built."""

from __future__ import annotations

import pytest

from vibecheck import result_codec
from vibecheck.model import Category, Confidence, Edit, FileResult, Finding, Fix, Location, Position, Severity
from vibecheck.suppression import Suppression


def sample() -> FileResult:
    start, end = Position(3, 5), Position(3, 9)
    finding = Finding("VC101", "swallowed-exception", "`except` swallows it.", Location("a.py", start, end),
                      Severity.MEDIUM, Confidence.HIGH, Category.ERROR_HANDLING, hint="Handle it.", cwe=(390,),
                      fix=Fix("drop it", (Edit(start, end, "raise"),), safe=False), line_text="    except:")
    suppression = Suppression(4, 10, 30, ("VC101",), False, "# noqa: VC101", shared=True, also=(("B110", "VC101"),))
    facts = {"defs": [("f", 1), ("g", 2)], "names": {"a", "b"}, "frozen": frozenset({1}), "by_line": {3: "x"},
             "$odd": {"nested": ("t",)}, "none": None, "flag": True, "ratio": 0.5}
    return FileResult("a.py", findings=[finding], facts=facts, suppressions=(suppression,), digest="abc")


def test_a_result_decodes_equal_to_the_one_encoded() -> None:
    result = sample()
    text = result_codec.dumps(result)
    assert result_codec.load_result(result_codec.loads(text)) == result
    assert result_codec.round_trips(result, text)


def test_every_tagged_value_puts_its_mark_in_the_text() -> None:
    """The cache decodes facts again to check them only when their text holds `"$` (a tag's key; text starting with
    `$` has it too, and is checked for nothing): every tagged value must put it there, plain facts need not."""
    plain = {"names": ["get_user", "db.session"], "nested": [{"a": 1, "b": [None, True, 0.5]}], "n": -1}
    assert result_codec.encode(plain) == plain and '"$' not in result_codec.dumps(plain)
    for tagged in ((1,), {"x"}, frozenset({"x"}), {1: "a"}, {"$odd": 1}, Severity.HIGH, Position(1, 2)):
        assert '"$' in result_codec.dumps({"value": [tagged]})


def test_an_object_that_is_not_plain_data_is_not_encoded() -> None:
    with pytest.raises(ValueError):
        result_codec.dumps(FileResult("a.py", facts={"x": object()}))


@pytest.mark.parametrize("text", [
    '{"$c": "Popen", "args": ["rm"]}',
    '{"$c": "FileResult", "path": "a.py", "shell": true}',
    '{"$e": "Signals", "v": 9}',
    '{"$t": 1}',
    '{"$c": ["FileResult"]}',
    '[' * 100_000,
    '{"$c": "Position", "line": "one", "column": 1}',
])
def test_foreign_or_malformed_data_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        result_codec.loads(text)


@pytest.mark.parametrize("text", [
    '{"$c": "Finding", "code": 1, "name": "n", "message": "m", "location": null, "severity": null, '
    '"confidence": null, "category": null}',
    '{"$c": "FileResult", "path": "a.py", "findings": "none"}',
    '[1, 2]',
])
def test_decoded_data_of_the_wrong_shape_is_not_a_result(text: str) -> None:
    with pytest.raises(ValueError):
        result_codec.load_result(result_codec.loads(text))


@pytest.mark.parametrize("path", ["a.py", "pkg/café.py", 'odd "quoted" \\ name.py', "caf\udce9.py"])
def test_the_text_of_a_plain_result_is_what_dumps_writes_for_it(path: str) -> None:
    """A cache reader takes such a line for the result without decoding it, so it must be byte for byte the same."""
    assert result_codec.plain_result_text(path, "0f" * 16) == result_codec.dumps(FileResult(path, digest="0f" * 16)).encode()


def test_a_result_with_anything_in_it_is_not_plain() -> None:
    result = sample()
    assert result_codec.dumps(result).encode() != result_codec.plain_result_text(result.path, result.digest)
    assert result_codec.dumps(FileResult("a.py", warnings=["w"], digest="d")).encode() != \
        result_codec.plain_result_text("a.py", "d")
