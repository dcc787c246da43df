from unittest.mock import patch

from support_agent import summaries, tools


def test_check_service_rejects_unknown():
    assert tools.check_service("db") == "unknown service"


@patch("support_agent.summaries.ask")
def test_summarise_parses_json(mock_ask):
    mock_ask.return_value = '```json\n{"title": "x", "priority": "high"}\n```'
    assert summaries.summarise({"body": "b"}) == {"title": "x", "priority": "high"}


@patch("support_agent.summaries.ask")
# expect: VC308
def test_ask_is_called(mock_ask):
    mock_ask.return_value = "restart_web"
    mock_ask("prompt")
    mock_ask.assert_called_once_with("prompt")


def test_calculate_refund():
    try:
        assert tools.calculate_refund("10 * 0.5") == 5.0
    # expect: VC305
    except Exception:
        pass
