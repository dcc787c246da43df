import json
from unittest.mock import MagicMock, patch

from travel import function_calls


def test_dispatch_allowlisted_unknown_tool():
    out = json.loads(function_calls.dispatch_allowlisted("rm_rf", "{}"))
    assert out == {"error": "unknown tool rm_rf"}


def test_dispatch_allowlisted_airport():
    out = json.loads(function_calls.dispatch_allowlisted("lookup_airport", '{"code": "ber"}'))
    assert out["code"] == "BER"


def test_classify_ticket_falls_back():
    with patch.object(function_calls.client.chat.completions, "create", side_effect=RuntimeError("down")):
        assert function_calls.classify_ticket("lost bag") == "other"


def test_answer_without_tools():
    reply = MagicMock()
    reply.choices[0].message.tool_calls = None
    reply.choices[0].message.content = "Hello"
    with patch.object(function_calls, "complete", return_value=reply):
        result = function_calls.answer("hi")
    # expect: VC310
    assert result is not None


# expect: VC308
def test_complete_returns_completion():
    fake = MagicMock()
    fake.choices = [MagicMock()]
    with patch.object(function_calls, "client") as client:
        client.chat.completions.create.return_value = fake
        # expect: VC304 -- marked in round 18: it reads back the answer the test gave the mock
        assert client.chat.completions.create.return_value is fake


def test_visa_rules_mentions_country():
    text = function_calls.visa_rules("Japan")
    # expect: VC304
    assert "Japan" in text or True
