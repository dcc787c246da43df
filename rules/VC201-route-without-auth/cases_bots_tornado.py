"""VC201 and a Tornado handler that receives a chat platform's updates: the handler, or the method of its class it
calls first, must compare the platform's secret-token header with the secret the webhook was set up with."""

import json
from http import HTTPStatus

import tornado.web
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from telegram import Update
from telegram.ext import Application

application = Application.builder().token("x").build()


class VerifiedUpdateHandler(tornado.web.RequestHandler):
    def initialize(self, secret_token: str) -> None:
        self.secret_token = secret_token

    # ok: VC201 -- the method it calls first compares Telegram's secret-token header with the configured secret
    async def post(self) -> None:
        self._check_sender()
        await application.update_queue.put(Update.de_json(json.loads(self.request.body), application.bot))

    def _check_sender(self) -> None:
        token = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        if token != self.secret_token:
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)


class PresenceCheckedUpdateHandler(tornado.web.RequestHandler):
    # expect: VC201 -- the header only has to be there: any value gets the update to the bot
    async def post(self) -> None:
        self._check_sender()
        await application.update_queue.put(Update.de_json(json.loads(self.request.body), application.bot))

    def _check_sender(self) -> None:
        if not self.request.headers.get("X-Telegram-Bot-Api-Secret-Token"):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)


class EchoCheckedUpdateHandler(tornado.web.RequestHandler):
    # expect: VC201 -- the header is compared with another part of the same request, which the poster also writes
    async def post(self) -> None:
        token = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        if token != self.get_query_argument("token"):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        await application.update_queue.put(Update.de_json(json.loads(self.request.body), application.bot))


class SlackEventsHandler(tornado.web.RequestHandler):
    def initialize(self, app: AsyncApp) -> None:
        self.app = app

    # ok: VC201 -- a Bolt app's dispatch checks Slack's signature with the signing secret before any listener runs
    async def post(self) -> None:
        response = await self.app.async_dispatch(AsyncBoltRequest(body=self.request.body.decode(),
                                                                  headers=dict(self.request.headers)))
        self.write(response.body)


class SlackEventsRelay(tornado.web.RequestHandler):
    # expect: VC201 -- handed to the project's own queue, which checks no signature
    async def post(self) -> None:
        await application.update_queue.put(json.loads(self.request.body))
