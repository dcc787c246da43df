import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.conftest import job_payload
from worker.jobs import ThumbnailJob, callback_allowed
from worker.signing import sign, verify


@given(st.binary(max_size=2048))
def test_signature_round_trip(body: bytes) -> None:
    headers = sign("k", body)
    assert verify("k", body, headers)
    assert not verify("other", body, headers)


def test_stale_signature_is_refused() -> None:
    headers = sign("k", b"{}", timestamp=int(time.time()) - 3600)
    assert not verify("k", b"{}", headers)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://hooks.client.test/done", True),
        ("http://hooks.client.test/done", False),
        ("https://hooks.client.test.evil.example/done", False),
        ("https://evil.example/?hooks.client.test", False),
    ],
)
def test_callback_allowlist(url: str, allowed: bool) -> None:
    job = ThumbnailJob.model_validate(job_payload(callback_url=url))
    assert callback_allowed(job, frozenset({"hooks.client.test"})) is allowed


@pytest.mark.parametrize("key", ["../etc/passwd", "/abs", "a" * 300, ""])
def test_output_key_is_constrained(key: str) -> None:
    with pytest.raises(ValidationError, match="output_key"):
        ThumbnailJob.model_validate(job_payload(output_key=key))
