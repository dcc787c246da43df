"""VC218 corpus: a bot with no check of the sender anywhere, whose admin-named handlers say whom they are for."""
from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from .db import export_all_users


# expect: VC218
async def admin_export_users(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer()
    await query.message.reply_document(export_all_users())


# ok: VC218 -- names the admin but administers nothing
async def contact_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Write to @support_admin")


# ok: VC218 -- privileged by name, but no handler of this bot checks the sender to compare it with, and its name does
# not say it is for administrators
async def ban(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("ban what?")


def main(token: str) -> None:
    app = Application.builder().token(token).build()
    app.add_handler(CallbackQueryHandler(admin_export_users, pattern="^admin_export$"))
    app.add_handler(CommandHandler("contact", contact_admin))
    app.add_handler(CommandHandler("ban", ban))
    app.run_polling()
