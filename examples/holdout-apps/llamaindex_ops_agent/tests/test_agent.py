from unittest.mock import MagicMock, patch

import pytest

import agent
import tools


def test_search_incidents_filters():
    tools.DB = MagicMock()
    tools.DB.execute.return_value.fetchall.return_value = [[1, "api", "sev1", "down"]]
    out = tools.search_incidents(service="api")
    # ok: VC308
    assert '"api"' in out
    sql, params = tools.DB.execute.call_args.args
    assert params == ["api"]


# expect: VC308
def test_triage_returns_dict():
    with patch.object(agent, "triage", return_value={"severity": "sev1"}):
        result = agent.triage(7)
    assert result["severity"] == "sev1"


# expect: VC303
def test_ask_runs():
    with patch.object(agent, "agent") as fake:
        fake.chat.return_value = "ok"
        agent.ask("what is down?")


# expect: VC306
@pytest.mark.skip
def test_auto_remediate():
    assert agent.auto_remediate(1).startswith("scaled")


def test_restart_unknown_service():
    out = tools.restart_service("database")
    # expect: VC310
    assert out
