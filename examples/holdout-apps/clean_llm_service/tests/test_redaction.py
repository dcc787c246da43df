import logging

import pytest

from assistant.redaction import RedactingFilter, scrub


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("key sk-abcdefghijklmnopqrstuv used", "key sk-*** used"),
        ("Authorization: Bearer eyJhbGciOi.payload.sig", "Authorization: Bearer ***"),
        ("from jane.doe+shop@example.co.uk", "from <email>"),
        ("nothing secret", "nothing secret"),
    ],
)
def test_scrub(text: str, expected: str) -> None:
    assert scrub(text) == expected


def test_filter_scrubs_formatted_arguments() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "calling with %s", ("sk-abcdefghijklmnopqrstuv",), None)
    assert RedactingFilter().filter(record)
    assert record.getMessage() == "calling with sk-***"
