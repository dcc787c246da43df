"""Tests for the assistant's tools and loop."""

from types import SimpleNamespace
from unittest.mock import MagicMock, patch

import pytest

from drafter import assistant, tools


def test_calculate_adds():
    # ok: VC304/VC310
    assert tools.calculate("2 + 3") == "5"


# expect: VC303
def test_calculate_handles_decimals():
    tools.calculate("19.99 * 3")


def test_save_draft_writes_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tools, "DRAFTS_DIR", tmp_path)
    path = tools.save_draft("inv-1.txt", "hello")
    # ok: VC310/VC304
    assert (tmp_path / "inv-1.txt").read_text() == "hello"
    assert path.endswith("inv-1.txt")


def test_draft_returns_text():
    fake = MagicMock()
    fake.messages.create.return_value = SimpleNamespace(stop_reason="end_turn", content=[SimpleNamespace(type="text", text="Invoice draft")])
    with patch.object(assistant, "client", fake):
        text = assistant.draft("bill ACME for 3 days")
    # ok: VC308/VC304
    assert text == "Invoice draft"


def test_extract_line_items_bad_json():
    fake = MagicMock()
    fake.messages.create.return_value = SimpleNamespace(content=[SimpleNamespace(text="not json")])
    with patch.object(assistant, "client", fake):
        items = assistant.extract_line_items("3 days consulting")
    # expect: VC304
    assert items == items


# expect: VC306
@pytest.mark.skip
def test_email_invoice():
    with patch("smtplib.SMTP") as smtp:
        tools.email_invoice("a@example.com", "Invoice", "body")
    smtp.return_value.__enter__.return_value.send_message.assert_called_once()
