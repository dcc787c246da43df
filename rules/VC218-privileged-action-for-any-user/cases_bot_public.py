"""VC218 corpus: a bot whose commands are all public (no handler checks the sender, none administers anything)."""
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters


# ok: VC218
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Hi! I repeat what you say.")


# ok: VC218
async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Send me any text.")


# ok: VC218
async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(update.message.text)


def main(token: str) -> None:
    app = Application.builder().token(token).build()
    app.add_handlers([CommandHandler("start", start), CommandHandler("help", help_command),
                      MessageHandler(filters.TEXT & ~filters.COMMAND, echo)])
    app.run_polling()
