"""VC201 and chat bots: a command is no route. The platform signs every update with the sender's verified identity, so
a bot command that any chat user may send lacks no authentication (whether it should be open to everyone is
authorization, VC218's question). The web endpoint that receives the platform's updates is a route, and must check that
they come from the platform."""

import hmac
import json
import os

import discord
import telebot
from aiogram import Router
from aiogram.filters import Command
from discord.ext import commands
from fastapi import FastAPI, Header, HTTPException, Request
from flask import Flask, abort, request
from nacl.signing import VerifyKey
from slack_bolt import App
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

application = Application.builder().token(os.environ["BOT_TOKEN"]).build()
bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
router = Router()
bolt = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
api = FastAPI()
web = Flask(__name__)
SECRET = os.environ["TELEGRAM_WEBHOOK_SECRET"]
tb = telebot.TeleBot(os.environ["BOT_TOKEN"])
discord_key = VerifyKey(bytes.fromhex(os.environ["DISCORD_PUBLIC_KEY"]))
verifier = SignatureVerifier(os.environ["SLACK_SIGNING_SECRET"])


# ok: VC201 -- the sender is whoever Telegram says sent the command: it changes the sender's own subscription
async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    db.subscriptions.add(update.effective_user.id)


# ok: VC201 -- an open bot command that deletes: who may send it is VC218's question, not a missing login
async def delete_note(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    db.notes.delete(int(context.args[0]))


application.add_handler(CommandHandler("subscribe", subscribe))
application.add_handler(CommandHandler("delete", delete_note))


# ok: VC201 -- a discord.py command: Discord authenticates the member who typed it
@bot.command()
async def purge(ctx: commands.Context, limit: int) -> None:
    await ctx.channel.purge(limit=limit)


# ok: VC201 -- aiogram: Telegram authenticates the sender of the message
@router.message(Command("reset"))
async def reset(message) -> None:
    db.reset(message.from_user.id)


# ok: VC201 -- slack_bolt: Slack signs the command, and the app verifies it with the signing secret
@bolt.command("/deploy")
def deploy(ack, command) -> None:
    ack()
    start_deploy(command["text"])


# ok: VC201 -- the webhook checks Telegram's secret token before it feeds the update to the bot
@api.post("/telegram/webhook")
async def telegram_webhook(request: Request, x_telegram_bot_api_secret_token: str = Header("")):
    if not hmac.compare_digest(x_telegram_bot_api_secret_token, SECRET):
        raise HTTPException(status_code=403)
    await application.process_update(Update.de_json(await request.json(), application.bot))


# ok: VC201 -- the same check in Flask, on the header itself
@web.route("/telegram/hook", methods=["POST"])
def telegram_hook():
    if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != SECRET:
        abort(403)
    application.update_queue.put_nowait(Update.de_json(request.get_json(), application.bot))
    return "ok"


# ok: VC201 -- Bolt's request handler verifies Slack's signature of every request
@web.route("/slack/events", methods=["POST"])
def slack_events():
    return SlackRequestHandler(bolt).handle(request)


# expect: VC201 -- anyone who finds the URL can post a forged update as any user, and the bot acts on it
@api.post("/telegram/open")
async def telegram_open(request: Request):
    await application.process_update(Update.de_json(await request.json(), application.bot))


# expect: VC201 -- the same in Flask
@web.route("/telegram/open-hook", methods=["POST"])
def telegram_open_hook():
    application.update_queue.put_nowait(Update.de_json(request.get_json(), application.bot))
    return "ok"


# expect: VC201 -- pyTelegramBotAPI fed from an open route: any poster speaks for any Telegram user
@web.route("/telebot", methods=["POST"])
def telebot_updates():
    tb.process_new_updates([telebot.types.Update.de_json(request.get_data().decode())])
    return ""


# expect: VC201 -- Discord's interactions endpoint runs the command without verifying Discord's signature
@api.post("/discord/interactions")
async def discord_interactions(request: Request):
    data = await request.json()
    if data["type"] == 2:
        await run_command(data)


# ok: VC201 -- the same endpoint, verifying Discord's Ed25519 signature first
@api.post("/discord/verified-interactions")
async def discord_verified_interactions(request: Request):
    body = await request.body()
    discord_key.verify(request.headers["X-Signature-Timestamp"].encode() + body,
                       bytes.fromhex(request.headers["X-Signature-Ed25519"]))
    await run_command(json.loads(body))


# expect: VC201 -- a Slack interactive action trusted without Slack's signature: anyone can approve as anyone
@web.route("/slack/actions", methods=["POST"])
def slack_actions():
    payload = json.loads(request.form["payload"])
    approve(payload["actions"][0]["value"], payload["user"]["id"])
    return ""


# expect: VC201 -- a Slack slash command answered without checking that Slack sent it
@web.route("/slack/commands", methods=["POST"])
def slack_commands():
    kick(request.form["text"], by=request.form["user_id"])
    return ""


# ok: VC201 -- the slash command endpoint verifies Slack's signature with the signing secret
@web.route("/slack/verified-commands", methods=["POST"])
def slack_verified_commands():
    if not verifier.is_valid_request(request.get_data(), request.headers):
        abort(403)
    kick(request.form["text"], by=request.form["user_id"])
    return ""


# expect: VC201 -- a webhook route for Telegram's updates that never checks the secret token
@api.post("/webhooks/telegram")
async def telegram_updates(request: Request):
    await application.update_queue.put(Update.de_json(await request.json(), application.bot))


# expect: VC201 -- an aiogram dispatcher fed from an open route
@api.post("/aiogram/updates")
async def aiogram_updates(request: Request):
    await dispatcher.feed_raw_update(application.bot, await request.json())

