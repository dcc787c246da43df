from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from guildbot.cogs.admin import Admin
from guildbot.cogs.community import Community


@pytest.fixture
def ctx():
    ctx = MagicMock()
    ctx.send = AsyncMock()
    ctx.guild.id = 1
    return ctx


@pytest.mark.asyncio
async def test_ban(ctx):
    cog = Admin(MagicMock())
    member = MagicMock()
    member.ban = AsyncMock()
    await Admin.ban.callback(cog, ctx, member, reason="spam")
    # ok: VC308 -- the cog's code ran: the call it made on the member is its effect
    member.ban.assert_called_once()


@pytest.mark.asyncio
async def test_calc(ctx):
    cog = Admin(MagicMock())
    await Admin.calc.callback(cog, ctx, expression="[1, 2]")
    ctx.send.assert_awaited_once_with("[1, 2]")


@pytest.mark.asyncio
# expect: VC303
async def test_mute(ctx):
    cog = Admin(MagicMock())
    member = MagicMock()
    member.timeout = AsyncMock()
    await Admin.mute.callback(cog, ctx, member, minutes=5)


@pytest.mark.asyncio
async def test_tag_lookup(ctx):
    with patch("guildbot.db.get_tag", new=AsyncMock(return_value="hello")) as get_tag:
        cog = Community.__new__(Community)
        await Community.tag.callback(cog, ctx, name="greeting")
    # ok: VC308 -- the command ran
    assert get_tag.await_count == 1


@pytest.mark.asyncio
# expect: VC303
async def test_xp_handler_survives_errors():
    cog = Community.__new__(Community)
    cog.cooldowns = {}
    message = MagicMock()
    message.author.bot = False
    try:
        await Community.on_message(cog, message)
    # expect: VC305
    except Exception:
        pass
