"""Prefix commands (`!warn`, `!ban`, `!filter` ...) parsed from guild messages."""
from __future__ import annotations

import datetime as dt
import re
import shlex

import hikari

from . import classifier, store
from .settings import MOD_ROLE_ID

FILTERS: dict[int, list] = {}


def is_mod(member: hikari.Member | None) -> bool:
    return member is not None and MOD_ROLE_ID in member.role_ids


async def dispatch(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent) -> None:
    name, _, rest = event.content[1:].partition(" ")
    handler = COMMANDS.get(name)
    if handler is not None:
        await handler(bot, event, rest.strip())


async def cmd_warn(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    # ok: VC207/VC218 -- the author's roles
    if not is_mod(event.member):
        return
    user_id, _, reason = args.partition(" ")
    await store.add_infraction(event.guild_id, int(user_id.strip("<@!>")), "warn", reason)
    await event.message.respond(f"Warned <@{user_id.strip('<@!>')}>.", user_mentions=True)


async def cmd_ban(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    user_id, _, reason = args.partition(" ")
    # expect: VC218 -- no role check: any member bans anyone
    await bot.rest.ban_user(event.guild_id, int(user_id.strip("<@!>")), reason=reason or None)
    await store.add_infraction(event.guild_id, int(user_id.strip("<@!>")), "ban", reason)


async def cmd_timeout(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    user_id, _, minutes = args.partition(" ")
    target = await bot.rest.fetch_member(event.guild_id, int(user_id.strip("<@!>")))
    # expect: VC207/VC218 -- the target's roles are checked, not the author's
    if not is_mod(target):
        return
    until = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=int(minutes or 10))
    await target.edit(communication_disabled_until=until)


async def cmd_search(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    if not is_mod(event.member):
        return
    rows = await store.search_infractions(event.guild_id, args)
    await event.message.respond("\n".join(f"<@{r['user_id']}>: {r['reason']}" for r in rows) or "nothing", user_mentions=False)


async def cmd_block(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    if not is_mod(event.member):
        return
    # expect: VC409 -- a moderator's pattern runs on every message (catastrophic backtracking)
    FILTERS.setdefault(event.guild_id, []).append(re.compile(args))
    await store.add_blocked_word(event.guild_id, args)


async def cmd_block_word(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    if not is_mod(event.member):
        return
    # ok: VC409
    FILTERS.setdefault(event.guild_id, []).append(re.compile(re.escape(args), re.I))


async def cmd_autorule(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    if not is_mod(event.member):
        return
    source = await classifier.write_filter(args)
    FILTERS.setdefault(event.guild_id, []).append(classifier.compile_filter(source))
    await event.message.respond("Rule added.")


async def cmd_explain(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    text = await classifier.explain(args)
    # expect: VC401 -- the model's reply may carry @everyone
    await event.message.respond(text, mentions_everyone=True, role_mentions=True)


async def cmd_explain_safe(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    text = await classifier.explain(args)
    # ok: VC401
    await event.message.respond(text, mentions_everyone=False, user_mentions=False, role_mentions=False)


async def cmd_calc(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    # expect: VC413
    await event.message.respond(str(eval(args, {"__builtins__": {}})))


async def cmd_whois(bot: hikari.GatewayBot, event: hikari.GuildMessageCreateEvent, args: str) -> None:
    import asyncio

    # ok: VC421/VC408
    proc = await asyncio.create_subprocess_exec("whois", "--", shlex.quote(args), stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    await event.message.respond(f"```{out.decode()[:1800]}```")


COMMANDS = {
    "warn": cmd_warn,
    "ban": cmd_ban,
    "timeout": cmd_timeout,
    "search": cmd_search,
    "block": cmd_block,
    "blockword": cmd_block_word,
    "autorule": cmd_autorule,
    "explain": cmd_explain,
    "explainsafe": cmd_explain_safe,
    "calc": cmd_calc,
    "whois": cmd_whois,
}
