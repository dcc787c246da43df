"""Chat-bot command handlers as entry points: any chat user can call them, as any client can call a web route.

python-telegram-bot registers callbacks (`app.add_handler(CommandHandler("sh", cmd_sh))`), pyTelegramBotAPI, aiogram,
discord.py and slack_bolt decorate them (`@bot.message_handler(commands=["ban"])`, `@router.message(Command("ban"))`,
`@bot.command()`, `@tree.command()`, `@app.command("/ban")`). Their guards are decorators named for the check
(`@restricted`, `@admin_only`), the libraries' own checks (`@commands.has_permissions(...)`, `@commands.is_owner()`),
a filter in the registration (`filters.User(user_id=ADMINS)`, `IsAdmin()`), or an early check of the caller's id in
the body (`if update.effective_user.id not in ADMIN_IDS: return`). A bot module whose privileged handlers carry such
a guard but one does not has forgotten it there: `unguarded_privileged` lists those handlers.

A bot often defines its callbacks in one module and registers them in another (`handlers/admin.py` defines
`shell(update, context)`, `main.py` adds `CommandHandler("sh", admin.shell)`): `unregistered_callbacks` lists a
module's functions shaped like callbacks that it neither registers nor decorates, `registrations` what a module
registers (as written, with whether a filter checks the caller), and `BotIndex` joins them over the project's
`BOT_FACTS`: the callback counts where a module registers it without a filter, beside another handler with a check.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from vibecheck.analysis.app_model.frameworks import name_words, reads_as_guard
from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.flow import dotted_name, string_value
from vibecheck.analysis.modules import resolve_relative
from vibecheck.analysis.nodes import descendants
from vibecheck.cst_fields import calls_in
from vibecheck.imports import ImportTable

BOT_MODULES = ("telegram", "telebot", "aiogram", "discord", "nextcord", "disnake", "slack_bolt")
# python-telegram-bot's handler classes -> position of the callback; their first string argument names the command.
HANDLER_CLASSES: dict[str, int] = {"CommandHandler": 1, "PrefixHandler": 2, "MessageHandler": 1,
                                   "CallbackQueryHandler": 0, "InlineQueryHandler": 0}
# Calls that register a handler object or a callback: `app.add_handler(...)`, `app.add_handlers([...])`, aiogram 2's
# `dp.register_message_handler(callback, commands=[...])`, pyTelegramBotAPI's `bot.register_message_handler(...)`.
REGISTRATION_CALLS = frozenset({"add_handler", "add_handlers"})
CALLBACK_REGISTRATIONS = frozenset({"register_message_handler", "register_callback_query_handler"})
# Decorators (last attribute, on a bot, dispatcher, router, tree or Slack app) that make a function a handler.
HANDLER_DECORATORS = frozenset({
    "message_handler", "callback_query_handler", "channel_post_handler",  # pyTelegramBotAPI, aiogram 2
    "message", "callback_query", "channel_post",  # aiogram 3
    "command", "hybrid_command", "slash_command",  # discord.py and its forks; slack_bolt's `app.command("/x")`
    "action", "shortcut", "view",  # slack_bolt's interactive components
    "event",  # slack_bolt's `@app.event("app_mention")`, discord.py's `@bot.event async def on_message(message)`
})
# Libraries whose decorators share those names but make no chat handler (`@click.command()`, Flask's `@app.view`).
OTHER_DECORATOR_MODULES = ("click", "typer", "cyclopts", "flask", "fastapi", "celery")
# Keywords of a registration or decorator that name the command (`commands=["ban"]`, `name="ban"`).
COMMAND_KEYWORDS = ("commands", "command", "name")
# The libraries' own checks of the caller, as decorators (discord.py's `commands.has_permissions(...)`,
# `app_commands.default_permissions(...)`, `commands.check(predicate)`) or filters (`filters.User(user_id=...)`).
LIBRARY_GUARDS = frozenset({"has_permissions", "has_guild_permissions", "is_owner", "has_role", "has_any_role",
                            "default_permissions", "check", "check_any", "User"})
# aiogram 3's method that filters every update an observer of a router hands on (`router.message.filter(...)`).
ROUTER_FILTER = "filter"
# Keywords of a registration or filter that restrict who may call it (aiogram 2's `user_id=ADMINS`).
GUARD_KEYWORDS = frozenset({"user_id", "user_ids", "chat_id", "username", "usernames"})
# Words of a decorator or filter named for a check of the caller, besides the web guards' words (`@restricted`).
BOT_GUARD_WORDS = frozenset({"restricted", "restrict", "allowed", "allowlist", "allowlisted", "whitelist",
                             "whitelisted", "authorised", "owners", "admins", "sudo"})
# Who sent the update: `update.effective_user.id`, `message.from_user.id`, `ctx.author.id`, `interaction.user.id`,
# Slack's `command["user_id"]`.
CALLER_HOLDERS = frozenset({"effective_user", "from_user", "author", "user", "sender", "effective_chat", "chat"})
CALLER_FIELDS = frozenset({"id", "username", "user_id", "guild_permissions", "roles", "top_role"})
# A member's rights (discord.py's `member.guild_permissions`, `member.roles`, hikari's `member.role_ids`): read on a
# parameter that names the member a command acts on (`ban(ctx, member)`), they are the target's, not the caller's, so a
# test of them alone checks nothing about who sent the command.
MEMBER_RIGHTS = frozenset({"guild_permissions", "roles", "top_role", "role_ids", "permissions"})
# A handler's parameters that the library fills with the update itself or the bot's context, not a command argument.
UPDATE_PARAMETERS = frozenset({"self", "cls", "ctx", "context", "interaction", "inter", "bot", "update", "message",
                               "call", "callback", "callback_query", "query", "event"})
# Methods of a discord.py cog (a class of commands) that check every command it holds.
CLASS_CHECKS = frozenset({"cog_check", "interaction_check", "cog_app_command_check", "bot_check"})
# Words of a command or handler name that say it administers the bot, its host or its users (besides VC218's
# privileged verbs).
PRIVILEGED_WORDS = frozenset({"sh", "shell", "exec", "eval", "sudo", "admin", "broadcast", "export", "dump", "backup",
                              "shutdown", "restart", "reboot", "kick", "mute", "unmute", "purge", "wipe", "sql", "exit",
                              # a guild's moderation commands
                              "softban", "tempban", "timeout", "warn", "nick", "slowmode", "lockdown"})
# Words of a handler's name that say it is meant for the bot's administrators only (`admin_export_users`, `/sudo_ban`).
ADMIN_INTENT_WORDS = frozenset({"admin", "owner", "sudo"})
# The parts of a chat message that carry what its sender typed: Slack's `command["text"]`, `event["text"]`, aiogram's
# `message.text`, discord.py's `message.content`, python-telegram-bot's `context.args`.
MESSAGE_TEXT = frozenset({"text", "content", "args"})
# The arguments slack_bolt passes a listener by name: the payload and the means to answer, none typed by the sender as
# such (a discord.py command's own parameters are: `async def query(ctx, *, sql)`).
SLACK_LISTENER_ARGUMENTS = frozenset({"ack", "say", "respond", "client", "logger", "next", "body", "payload",
                                      "command", "action", "view", "shortcut", "options", "request", "response",
                                      "complete", "fail"})
# Words of a callee that keeps books on a message or answers it rather than acting on it (`log_command(text)`,
# `send_reply(text)`): a guarded handler calling one alongside its action does not make it the action.
BOOKKEEPING_WORDS = frozenset({"log", "audit", "record", "track", "format", "render", "parse", "split", "strip",
                               "reply", "send", "respond", "say", "post", "answer", "notify", "echo", "escape",
                               "truncate", "clean", "sanitize", "sanitise", "validate", "normalize", "normalise"})
# Calls that run commands or code on the host: a handler making one acts for whoever sent the message.
HOST_CALLS = frozenset({"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
                        "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput", "os.system",
                        "os.popen", "asyncio.create_subprocess_shell", "asyncio.create_subprocess_exec", "eval", "exec"})
# A callback's first parameter as the libraries name it: python-telegram-bot's `(update, context)`, aiogram's and
# pyTelegramBotAPI's `(message)`, `(call)`: a function of a bot module shaped so may be registered by another module.
CALLBACK_PARAMETERS = frozenset({"update", "message", "call", "callback", "callback_query", "query"})
# The fact a bot module writes (VC218): `registrations` ([callback ref, filtered]; refs `@local` or as imported) and
# `guarded` (its callbacks and handlers that check the caller).
BOT_FACTS = "bot_facts"
BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass
class SharedAction:
    """A call of an unguarded handler passing the sender's text to what a guarded sibling does only after its check."""

    call: cst.Call
    callee: str
    sibling: str


@dataclass
class BotHandler:
    """A function a chat user reaches, with the commands it answers and whether a guard checks the caller."""

    function: cst.FunctionDef
    commands: list[str]
    guarded: bool


def bot_handlers(module: cst.Module, imports: ImportTable) -> list[BotHandler]:
    """The bot handlers of a module that imports a bot library, registered or decorated, in source order."""
    if not imports.imports_any(BOT_MODULES):
        return []
    functions: dict[str, tuple[cst.FunctionDef, bool]] = {}
    for statement in module.body:
        for function, class_checked in _functions(statement):
            functions.setdefault(function.name.value, (function, class_checked))
    found: dict[str, BotHandler] = {}
    checked_observers = _filtered_observers(module, imports)
    for name, (function, class_checked) in functions.items():
        for decorator in function.decorators:
            commands = _decorator_commands(decorator.decorator)
            qualified = imports.qualified_name(decorator.decorator) or ""
            if commands is not None and not qualified.startswith(OTHER_DECORATOR_MODULES):
                expression = decorator.decorator
                observer = dotted_name(expression.func if type(expression) is cst.Call else expression)
                guarded = class_checked or observer in checked_observers or _guards_function(function, imports)
                found[name] = BotHandler(function, commands, guarded)
                break
    for call in calls_in(module):
        registered = _registered(call, imports)
        if registered is None:
            continue
        callback, commands, filtered = registered
        if callback in functions and callback not in found:
            function = functions[callback][0]
            found[callback] = BotHandler(function, commands, filtered or _guards_function(function, imports))
    order = list(functions)
    return sorted(found.values(), key=lambda h: order.index(h.function.name.value))


def unguarded_privileged(handlers: list[BotHandler], imports: ImportTable, privileged_verbs: frozenset[str]
                         ) -> Iterator[tuple[BotHandler, bool, SharedAction | None]]:
    """(handler, its siblings are guarded, the guarded action it repeats) for the handlers with no guard that
    administer the bot, its host or its users: in a module whose other handlers show the guard, the one that lacks it
    was forgotten, not meant public, and so is one handing the sender's text to what a guarded sibling runs only after
    its check (`/ops` checks the on-call group before `ask(command["text"])`, `@app.event("app_mention")` calls
    `ask(event["text"])` for anyone); in a module with no guard at all, one named for administrators
    (`admin_export_users`) says whom it was meant for."""
    compared = any(h.guarded for h in handlers)
    guarded_actions = {callee: (h.function.name.value, calls) for h in handlers if h.guarded
                       for callee, calls in _text_calls(h.function).items()} if compared else {}
    for handler in handlers:
        if handler.guarded:
            continue
        acts, admin_named = privilege(handler, imports, privileged_verbs)
        shared = _shared_action(handler.function, guarded_actions)
        if compared and (acts or admin_named or shared) or admin_named and acts:
            yield handler, compared, shared


def _text_calls(function: cst.FunctionDef) -> dict[str, list[cst.Call]]:
    """A handler's calls, by callee, of a plain function (not one the library passes in, `respond`, `say`, nor a
    builtin or bookkeeping) given the sender's text: what the handler does with what was typed."""
    params = {p.name.value for p in (*function.params.params, *function.params.kwonly_params)}
    typed = params - UPDATE_PARAMETERS - SLACK_LISTENER_ARGUMENTS
    found: dict[str, list[cst.Call]] = {}
    for call in calls_in(function.body):
        func = call.func
        if type(func) is not cst.Name or func.value in params or func.value in BUILTIN_NAMES \
                or BOOKKEEPING_WORDS & set(name_words(func.value)):
            continue
        if any(_carries_text(arg.value, typed) for arg in call.args):
            found.setdefault(func.value, []).append(call)
    return found


def _carries_text(expression: cst.BaseExpression, typed: set[str]) -> bool:
    """`command["text"]`, `"Run: " + event["text"]`, `message.content`, a command's own argument (`typed`): an
    expression reading the sender's text."""
    for node in descendants(expression):
        if type(node) is cst.Name and node.value in typed:
            return True
        if type(node) is cst.Attribute and node.attr.value in MESSAGE_TEXT:
            return True
        if type(node) is cst.Subscript and len(node.slice) == 1:
            index = node.slice[0].slice
            if type(index) is cst.Index and string_value(index.value) in MESSAGE_TEXT:
                return True
    return False


def _shared_action(function: cst.FunctionDef, guarded: dict[str, tuple[str, list[cst.Call]]]) -> SharedAction | None:
    """The first call of `function` giving the sender's text to a callee a guarded sibling gives it to, in no mode
    the sibling does not use: a keyword the sibling never passes with that value (`ask(text, readonly=True)` beside
    a guarded `ask(text)`) chooses another mode, which the missing check may be meant to allow."""
    if not guarded:
        return None
    for callee, calls in _text_calls(function).items():
        if callee not in guarded:
            continue
        sibling, theirs = guarded[callee]
        allowed = [_keywords(c) for c in theirs]
        for call in calls:
            if any(_keywords(call) <= keywords for keywords in allowed):
                return SharedAction(call, callee, sibling)
    return None


def _keywords(call: cst.Call) -> set[tuple[str, str]]:
    empty = cst.Module([])
    return {(a.keyword.value, empty.code_for_node(a.value)) for a in call.args if a.keyword is not None}


def privilege(handler: BotHandler, imports: ImportTable, privileged_verbs: frozenset[str]) -> tuple[bool, bool]:
    """(it administers the bot, its host or its users; its name says it is for administrators), by its name, its
    commands and whether it runs something on the host."""
    named = {w for name in (handler.function.name.value, *handler.commands) for w in name_words(name)}
    words = (PRIVILEGED_WORDS | privileged_verbs) - ADMIN_INTENT_WORDS
    acts = bool(named & words) or _runs_on_host(handler.function, imports)
    return acts, bool(named & ADMIN_INTENT_WORDS)


def unregistered_callbacks(module: cst.Module, imports: ImportTable, handlers: list[BotHandler]) -> list[BotHandler]:
    """The module-level functions of a bot module shaped like a callback (`async def shell(update, context)`) that
    the module neither registers nor decorates as a handler: another module may register them."""
    if not imports.imports_any(BOT_MODULES):
        return []
    known = {h.function.name.value for h in handlers}
    found = []
    for statement in module.body:
        if type(statement) is cst.FunctionDef and statement.name.value not in known and not statement.decorators:
            params = statement.params.params
            if params and params[0].name.value in CALLBACK_PARAMETERS:
                found.append(BotHandler(statement, [], _guards_function(statement, imports)))
    return found


def registrations(module: cst.Module, imports: ImportTable) -> list[list[Any]]:
    """[callback as written, a filter checks the caller] of each handler registration of a module importing a bot
    library."""
    if not imports.imports_any(BOT_MODULES):
        return []
    return [[callback, filtered] for call in calls_in(module) if (found := _registered(call, imports)) is not None
            for callback, _, filtered in [found]]


@dataclass
class BotIndex:
    """The project's bot registrations joined with the callbacks they name, from each bot module's `BOT_FACTS`."""

    # callback (dotted) -> the modules that register it without a filter
    unfiltered: dict[str, set[str]] = field(default_factory=dict)
    # modules that register a handler with a check of the caller (a filter, or a guarded callback)
    checking: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, facts: Iterable[tuple[str, dict[str, Any]]]) -> BotIndex:
        """From (relative path, `BOT_FACTS`) of the project's source files."""
        index = cls()
        modules = [(module_name(path), path.endswith("__init__.py"), fact) for path, fact in facts]
        guarded = {f"{module}.{name}" for module, _, fact in modules for name in fact["guarded"]}
        for module, is_package, fact in modules:
            for callback, filtered in fact["registrations"]:
                dotted = f"{module}.{callback[1:]}" if callback.startswith("@") else \
                    resolve_relative(callback, module, is_package=is_package)
                if filtered or any(_same(dotted, name) for name in guarded):
                    index.checking.add(module)
                else:
                    index.unfiltered.setdefault(dotted, set()).add(module)
        return index

    def registering(self, callback: str) -> set[str]:
        """The modules that register `callback` (dotted) without a filter (a dotted suffix names it too)."""
        return {module for name, found in self.unfiltered.items() if _same(name, callback) for module in found}


def _same(a: str, b: str) -> bool:
    """Dotted names of one thing: equal, or one a dotted suffix of the other (`app.handlers.x`, `handlers.x`)."""
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _functions(statement: cst.CSTNode) -> Iterator[tuple[cst.FunctionDef, bool]]:
    """Module-level functions, and the methods of its classes with whether the class checks all its commands."""
    if type(statement) is cst.FunctionDef:
        yield statement, False
    elif type(statement) is cst.ClassDef:
        methods = [s for s in statement.body.body if type(s) is cst.FunctionDef]
        checked = any(m.name.value in CLASS_CHECKS for m in methods)
        for method in methods:
            yield method, checked


def _last(name: str | None) -> str:
    return (name or "").rpartition(".")[2]


def _decorator_commands(expression: cst.BaseExpression) -> list[str] | None:
    """The commands a handler decorator answers ([] when it names none), or None for another decorator."""
    func = expression.func if type(expression) is cst.Call else expression
    if type(func) is not cst.Attribute or func.attr.value not in HANDLER_DECORATORS:
        return None
    if type(expression) is not cst.Call:
        return [] if func.attr.value != "view" else None
    return _command_names(expression)


def _command_names(call: cst.Call) -> list[str]:
    """`Command("ban")`, `commands=["ban", "unban"]`, `name="ban"`, `"/ban"`: the commands a call names."""
    names: list[str] = []
    for arg in call.args:
        keyword = arg.keyword.value if arg.keyword is not None else None
        if keyword is not None and keyword not in COMMAND_KEYWORDS:
            continue
        value = arg.value
        elements = [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple)) else [value]
        for element in elements:
            if type(element) is cst.Call and _last(dotted_name(element.func)) == "Command" and element.args:
                element = element.args[0].value
            text = string_value(element)
            if text is not None:
                names.append(text.lstrip("/!"))
    return names


def _registered(call: cst.Call, imports: ImportTable) -> tuple[str, list[str], bool] | None:
    """(callback name, commands, a filter restricts the caller) of `CommandHandler("sh", cmd_sh)` or
    `dp.register_message_handler(cmd_sh, commands=["sh"])`."""
    name = _last(imports.qualified_name(call.func))
    if name in CALLBACK_REGISTRATIONS and call.args:
        callback = dotted_name(call.args[0].value)
        return (callback, _command_names(call), _filters_caller(call, imports)) if callback else None
    position = HANDLER_CLASSES.get(name)
    if position is None:
        return None
    keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    positional = [a.value for a in call.args if a.keyword is None]
    target = keywords.get("callback", positional[position] if len(positional) > position else None)
    callback = dotted_name(target) if target is not None else None
    if callback is None:
        return None
    commands = [string_value(positional[0]) or ""] if position and positional else []
    return callback, [c for c in commands if c], _filters_caller(call, imports)


def _filtered_observers(module: cst.Module, imports: ImportTable) -> frozenset[str]:
    """aiogram 3's router-wide filters (`admin_router.message.filter(F.from_user.id.in_(ADMIN_IDS))`): the observers
    (`admin_router.message`) every handler of which checks the caller."""
    found = set()
    for call in calls_in(module):
        func = call.func
        if type(func) is cst.Attribute and func.attr.value == ROUTER_FILTER and type(func.value) is cst.Attribute \
                and _filters_caller(call, imports):
            observer = dotted_name(func.value)
            if observer is not None:
                found.add(observer)
    return frozenset(found)


def _filters_caller(call: cst.Call, imports: ImportTable) -> bool:
    """A registration's filter restricts who may call it: `filters.User(user_id=ADMINS)`, `IsAdmin()`, `user_id=`."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in GUARD_KEYWORDS:
            return True
    return any(_names_guard(_last(imports.qualified_name(c.func))) for c in calls_in(call) if c is not call) \
        or any(_caller_field(n) for n in descendants(call))


def _names_guard(name: str) -> bool:
    return name in LIBRARY_GUARDS or reads_as_guard(name) or bool(BOT_GUARD_WORDS & set(name_words(name)))


def _guards_function(function: cst.FunctionDef, imports: ImportTable) -> bool:
    """A guard decorator, a decorator whose filter checks the caller, or an early check of the caller in the body."""
    for decorator in function.decorators:
        expression = decorator.decorator
        func = expression.func if type(expression) is cst.Call else expression
        if _names_guard(_last(imports.qualified_name(func))):
            return True
        if type(expression) is cst.Call and _decorator_commands(expression) is not None \
                and _filters_caller(expression, imports):
            return True
    return _checks_caller(function)


def _checks_caller(function: cst.FunctionDef) -> bool:
    """`if update.effective_user.id not in ADMIN_IDS: return`, `if not is_admin(user): ...`, `assert ...`; not a test
    of the rights of the member the command acts on (`if not member.guild_permissions.ban_members:`)."""
    targets = {p.name.value for p in (*function.params.params, *function.params.kwonly_params)} - UPDATE_PARAMETERS
    body = function.body
    statements = body.body if isinstance(body, cst.IndentedBlock) else []
    for statement in statements:
        if type(statement) is cst.If and _checks_in_test(statement.test, targets):
            return True
        if type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                if type(small) is cst.Assert and _checks_in_test(small.test, targets):
                    return True
                value = small.value if type(small) is cst.Expr else None
                value = value.expression if type(value) is cst.Await else value
                if type(value) is cst.Call and _names_guard(_last(dotted_name(value.func))):
                    return True
    return False


def _checks_in_test(test: cst.BaseExpression, targets: set[str]) -> bool:
    """A test of the caller: one comparing the caller's id or rights, or naming a check but for one that reads only
    the rights of a member the command acts on (`targets`)."""
    return _mentions_caller(test) or _names_a_check(test) and not _reads_target_rights(test, targets)


def _reads_target_rights(test: cst.BaseExpression, targets: set[str]) -> bool:
    """`member.guild_permissions`, `member.roles` of a parameter in `targets`: the rights of the command's target."""
    return any(type(n) is cst.Attribute and n.attr.value in MEMBER_RIGHTS and type(n.value) is cst.Name
               and n.value.value in targets for n in descendants(test))


def _mentions_caller(node: cst.CSTNode) -> bool:
    """A comparison of the caller's id or rights, or a check asked of them: `ctx.author.id == OWNER_ID`,
    `m.from_user.id in ADMINS`, `not is_oncall(client, command["user_id"])`."""
    return any(type(sub) in (cst.Comparison, cst.Call) and any(_caller_field(n) for n in descendants(sub))
               for sub in descendants(node))


def _caller_field(node: cst.CSTNode) -> bool:
    if type(node) is cst.Attribute and type(node.value) is cst.Attribute:
        return node.attr.value in CALLER_FIELDS and node.value.attr.value in CALLER_HOLDERS
    if type(node) is cst.Subscript and len(node.slice) == 1:
        index = node.slice[0].slice
        return type(index) is cst.Index and string_value(index.value) in ("user_id", "user")
    return False


def _names_a_check(test: cst.BaseExpression) -> bool:
    """A test naming an allow-list or a check of the caller (`ADMIN_IDS`, `is_admin(user)`, `ALLOWED_USERS`)."""
    return any(_names_guard(_last(dotted_name(n))) for n in descendants(test) if type(n) in (cst.Name, cst.Attribute))


def _runs_on_host(function: cst.FunctionDef, imports: ImportTable) -> bool:
    return any((imports.qualified_name(c.func) or "") in HOST_CALLS for c in calls_in(function.body))
