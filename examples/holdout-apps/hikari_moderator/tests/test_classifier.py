from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from modbot import classifier, commands


@pytest.mark.asyncio
async def test_classify_parses_json():
    reply = MagicMock()
    reply.content = [MagicMock(text='Sure: {"toxic": true, "action": "ban", "reason": "slur"}')]
    with patch.object(classifier.client.messages, "create", new=AsyncMock(return_value=reply)):
        verdict = await classifier.classify("some message")
    assert verdict["action"] == "none"
    assert verdict["toxic"] is True


@pytest.mark.asyncio
async def test_classify_handles_garbage():
    reply = MagicMock()
    reply.content = [MagicMock(text="I cannot help with that")]
    with patch.object(classifier.client.messages, "create", new=AsyncMock(return_value=reply)):
        verdict = await classifier.classify("hello")
    # expect: VC310
    assert verdict


def test_is_mod():
    member = MagicMock()
    member.role_ids = [0]
    # ok: VC310 -- is_mod answers a bool
    assert commands.is_mod(member)


@pytest.mark.asyncio
async def test_ban_calls_rest():
    bot = MagicMock()
    bot.rest.ban_user = AsyncMock()
    event = MagicMock(guild_id=1)
    with patch("modbot.store.add_infraction", new=AsyncMock()):
        await commands.cmd_ban(bot, event, "<@42> spam")
    # ok: VC308 -- the command ran
    bot.rest.ban_user.assert_awaited()


def test_compile_filter():
    check = classifier.compile_filter("def check(text):\n    return 'spam' in text\n")
    assert check("buy spam now") is True
    assert check("hello") is False
