import json
import logging
from pathlib import Path

import pytest

from snapkit.logs import JsonFormatter, redact
from snapkit.manifest import Entry, ManifestError, read_manifest, write_manifest


def test_manifest_round_trip(tmp_path: Path) -> None:
    entries = [Entry("database.dump", "ab" * 32, 10), Entry("files.tar.gz", "cd" * 32, 20)]
    write_manifest(tmp_path / "m.xml", "nightly", entries, "deadbeef")
    assert read_manifest(tmp_path / "m.xml") == entries


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "m.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><snapshot job="x">&a;</snapshot>')
    with pytest.raises(ManifestError, match="unreadable manifest"):
        read_manifest(bomb)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("postgresql://app:hunter2@db/app", "postgresql://app:***@db/app"),
        ({"token": "abc", "job": "n"}, {"token": "***", "job": "n"}),
        ({"nested": {"Authorization": "Bearer x"}}, {"nested": {"Authorization": "***"}}),
        (42, 42),
    ],
)
def test_redact(value: object, expected: object) -> None:
    assert redact(value) == expected


def test_formatter_redacts_message_and_fields() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "connecting to %s", ("postgresql://a:pw@h/d",), None)
    record.fields = {"api_key": "k"}
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "connecting to postgresql://a:***@h/d"
    assert entry["fields"] == {"api_key": "***"}
