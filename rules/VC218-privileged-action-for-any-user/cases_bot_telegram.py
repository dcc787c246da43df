"""VC218 corpus: python-telegram-bot handlers, where the privileged commands check the sender but some do not."""
from functools import wraps

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from .config import ADMIN_IDS
from .db import ban, export_all_users, unban

ALLOWED_USERS = set(ADMIN_IDS)


def restricted(func):
    @wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE):
        if update.effective_user.id not in ALLOWED_USERS:
            return None
        return await func(update, context)

    return wrapper


# ok: VC218 -- guarded by the module's own decorator
@restricted
async def cmd_unban(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    unban(int(context.args[0]))


# ok: VC218 -- an early check of the sender against the allow-list
async def cmd_broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_user.id not in ADMIN_IDS:
        return
    await context.bot.send_message(update.effective_chat.id, " ".join(context.args))


# ok: VC218 -- the registration's filter lets only the admins through
async def cmd_shutdown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    context.application.stop_running()


# expect: VC218
async def cmd_ban(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ban(int(context.args[0]))
    await update.message.reply_text("banned")


# expect: VC218
async def export_users(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer()
    await query.message.reply_document(export_all_users())


# ok: VC218 -- a public command
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Hello! Send /help for the commands.")


# ok: VC218 -- a public command
async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("/start, /help and any text to echo")


# ok: VC218 -- answers every text message, administers nothing
async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(update.message.text)


def main(token: str) -> None:
    app = Application.builder().token(token).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))
    app.add_handler(CommandHandler("unban", cmd_unban))
    app.add_handler(CommandHandler("broadcast", cmd_broadcast))
    app.add_handler(CommandHandler("shutdown", cmd_shutdown, filters=filters.User(user_id=ADMIN_IDS)))
    app.add_handler(CommandHandler("ban", cmd_ban))
    app.add_handler(CallbackQueryHandler(export_users, pattern="^export$"))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.run_polling()
