from pathlib import Path
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

import pytest

from assistant import llm
from assistant.config import Settings
from assistant.schemas import Triage


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    # ok: VC403 -- test values
    return Settings(openai_api_key="sk-test", database_dsn="postgresql://t@localhost/t", export_dir=tmp_path)


def completion(content: str | None = None, tool_calls: list | None = None) -> SimpleNamespace:
    message = MagicMock(content=content, tool_calls=tool_calls)
    message.model_dump.return_value = {"role": "assistant", "tool_calls": []}
    return SimpleNamespace(choices=[SimpleNamespace(message=message)])


def client_replying(*replies: SimpleNamespace) -> MagicMock:
    client = MagicMock()
    client.chat.completions.create = AsyncMock(side_effect=list(replies))
    return client


async def test_tool_loop_is_bounded(settings: Settings) -> None:
    call = SimpleNamespace(id="c1", function=SimpleNamespace(name="unknown", arguments="{}"))
    client = client_replying(*[completion(tool_calls=[call])] * settings.max_tool_rounds)
    with pytest.raises(llm.AssistantError, match="no answer after 4 tool rounds"):
        await llm.answer(client, settings, AsyncMock(), 7, "where is my order?")
    assert client.chat.completions.create.await_count == settings.max_tool_rounds


async def test_plain_answer(settings: Settings) -> None:
    client = client_replying(completion(content="It shipped."))
    assert await llm.answer(client, settings, AsyncMock(), 7, "status?") == ("It shipped.", [])


@pytest.mark.parametrize(
    "content",
    ['{"category": "refund", "urgency": 3, "summary": "s", "export_filename": "a"}', "```json\n{}\n```", None],
)
async def test_malformed_triage_is_refused(settings: Settings, content: str | None) -> None:
    with pytest.raises(llm.AssistantError, match="malformed"):
        await llm.triage(client_replying(completion(content=content)), settings, "help")


def test_export_writes_summary(settings: Settings) -> None:
    result = Triage(category="billing", urgency=2, summary="Double charge", export_filename="t-1.txt")
    path = llm.export_triage(settings, result)
    assert path.read_text(encoding="utf-8") == "[billing/2] Double charge\n"
