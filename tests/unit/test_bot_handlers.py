"""The bot-handler model: which functions of a bot module chat users reach, and which of them check the sender."""

from __future__ import annotations

import textwrap

import libcst as cst

from vibecheck.analysis.app_model.bots import bot_handlers, unguarded_privileged
from vibecheck.imports import ImportTable


def _handlers(source: str) -> dict[str, tuple[list[str], bool]]:
    module = cst.parse_module(textwrap.dedent(source))
    imports = ImportTable()
    for statement in module.body:
        if type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    imports.add(small)
    return {h.function.name.value: (h.commands, h.guarded) for h in bot_handlers(module, imports)}


def test_aiogram_2_registrations_with_a_user_filter_are_guarded() -> None:
    found = _handlers("""
        from aiogram import Dispatcher
        dp = Dispatcher()
        async def ban(message): ...
        async def stats(message): ...
        dp.register_message_handler(ban, commands=["ban"], user_id=ADMINS)
        dp.register_message_handler(stats, commands=["stats"])
    """)
    assert found == {"ban": (["ban"], True), "stats": (["stats"], False)}


def test_a_module_without_a_bot_library_has_no_handlers() -> None:
    assert _handlers("""
        import click
        @click.command()
        def ban(): ...
    """) == {}


def test_a_click_command_beside_a_bot_is_no_handler_and_a_guard_call_in_the_body_guards() -> None:
    found = _handlers("""
        import click
        from discord.ext import commands
        bot = commands.Bot(command_prefix="!")
        @click.command()
        def purge_cli(): ...
        @bot.command(name="purge")
        async def purge(ctx):
            await ensure_admin(ctx)
    """)
    assert found == {"purge": (["purge"], True)}


def test_only_privileged_unguarded_handlers_are_listed_and_only_beside_a_guarded_one() -> None:
    source = """
        from telegram.ext import CommandHandler
        async def start(update, context): ...
        async def restart(update, context): ...
        async def stop(update, context):
            if update.effective_user.id != OWNER:
                return
        app.add_handler(CommandHandler("start", start))
        app.add_handler(CommandHandler("restart", restart))
        app.add_handler(CommandHandler("stop", stop))
    """
    module = cst.parse_module(textwrap.dedent(source))
    imports = ImportTable()
    imports.add(module.body[0].body[0])  # type: ignore[attr-defined]
    handlers = bot_handlers(module, imports)
    assert [(h.function.name.value, compared) for h, compared, _ in
            unguarded_privileged(handlers, imports, frozenset())] == [("restart", True)]
    without_guard = [h for h in handlers if not h.guarded]
    assert list(unguarded_privileged(without_guard, imports, frozenset())) == []


def _shared(source: str) -> dict[str, tuple[str, str] | None]:
    module = cst.parse_module(textwrap.dedent(source))
    imports = ImportTable()
    imports.add(module.body[0].body[0])  # type: ignore[attr-defined]
    handlers = bot_handlers(module, imports)
    return {h.function.name.value: (shared.callee, shared.sibling) if shared else None
            for h, _, shared in unguarded_privileged(handlers, imports, frozenset())}


def test_a_slack_event_repeating_what_a_command_does_after_a_group_check_is_listed() -> None:
    assert _shared("""
        from slack_bolt import App
        app = App()
        @app.command("/ops")
        def ops(ack, command, client, respond):
            if not is_oncall(client, command["user_id"]):
                return
            respond(ask(command["text"]))
        @app.event("app_mention")
        def mention(event, say):
            say(ask(event["text"]))
        @app.command("/support")
        def support(ack, command, respond):
            respond(ask(command["text"], readonly=True))
        @app.command("/echo")
        def echo(ack, command, respond):
            respond(command["text"])
    """) == {"mention": ("ask", "ops")}


def test_no_guarded_sibling_and_bookkeeping_calls_share_nothing() -> None:
    source = """
        from discord.ext import commands
        bot = commands.Bot(command_prefix="!")
        @bot.command()
        async def query(ctx, *, sql):
            if ctx.author.id not in OWNERS:
                return
            log_command(sql)
            await ctx.send(run_query(sql))
        @bot.command()
        async def note(ctx, *, text):
            log_command(text)
            await ctx.send(len(text))
    """
    assert _shared(source) == {}
    assert _shared(source.replace("if ctx.author.id not in OWNERS:", "if False:")) == {}
