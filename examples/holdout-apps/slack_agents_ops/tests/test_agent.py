from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from opsbot import agent, bot, tools


@pytest.mark.asyncio
# expect: VC303
async def test_ask_runs_ops_agent():
    fake = AsyncMock(return_value=MagicMock(final_output="all good"))
    with patch.object(agent.Runner, "run", fake):
        await agent.ask("is the api up?")


@pytest.mark.asyncio
async def test_incident_summary_parses_json():
    output = '{"title": "DB down", "severity": "sev1", "body": "see {{ channel }}"}'
    with patch.object(agent.Runner, "run", AsyncMock(return_value=MagicMock(final_output=output))):
        summary = await agent.incident_summary("transcript")
    assert summary == {"title": "DB down", "severity": "sev1", "body": "see #incidents"}


@pytest.mark.asyncio
async def test_estimate():
    with patch.object(agent.Runner, "run", AsyncMock(return_value=MagicMock(final_output="2 + 2"))):
        value = await agent.estimate("two plus two")
    # expect: VC304
    assert value == value


# expect: VC308
def test_run_sql_tool():
    fake_cursor = MagicMock()
    fake_cursor.fetchmany.return_value = [(1, "a")]
    fake_cursor.execute("select 1")
    fake_cursor.execute.assert_called_with("select 1")


def test_ops_command_rejects_non_oncall():
    respond = MagicMock()
    with patch.object(bot, "is_oncall", return_value=False), patch.object(bot, "ask") as fake_ask:
        bot.ops_command(ack=MagicMock(), command={"user_id": "U1", "text": "df"}, client=MagicMock(), respond=respond)
    respond.assert_called_once_with("Only the on-call rotation can use /ops.")
    fake_ask.assert_not_called()


def test_summary_command_handles_failure():
    respond = MagicMock()
    client = MagicMock()
    client.conversations_history.return_value = {"messages": []}
    with patch.object(bot, "incident_summary", side_effect=RuntimeError):
        bot.summary_command(ack=MagicMock(), command={"channel_id": "C1"}, client=client, respond=respond)
    # expect: VC310
    assert respond.called


# expect: VC306
@pytest.mark.skip
def test_http_get_tool():
    assert tools.http_get is not None
