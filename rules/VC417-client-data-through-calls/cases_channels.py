"""VC417 corpus (Django Channels): what a consumer's `receive_json(self, content)` is handed is the browser's frame;
the consumer's own methods it passes parts of it to are where the sinks are."""
import os
import subprocess

from channels.generic.websocket import AsyncJsonWebsocketConsumer, WebsocketConsumer
from django.conf import settings

ATTACHMENTS = os.path.join(settings.MEDIA_ROOT, "attachments")


class TicketConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        if content.get("action") == "attachment":
            await self.send_json({"data": self.read_attachment(content["path"])})
        elif content.get("action") == "ping":
            await self.send_json({"pong": self.ping_host(content["host"])})
        elif content.get("action") == "logo":
            await self.send_json({"data": self.read_attachment("logo.txt")})

    def read_attachment(self, path):
        # expect: VC417
        with open(os.path.join(ATTACHMENTS, path), encoding="utf-8") as fh:
            return fh.read()

    def ping_host(self, host):
        # expect: VC417
        return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True).returncode


class EchoConsumer(WebsocketConsumer):
    def receive(self, text_data=None, bytes_data=None):
        self.send(text_data=self.render(text_data))

    def render(self, text):
        # ok: VC417 -- text sent back to the same client is no sink
        return text.upper()

    def connect(self):
        self.accept()
        self.send(text_data=self.banner("motd.txt"))

    def banner(self, name):
        # ok: VC417 -- the server names the file
        with open(os.path.join(ATTACHMENTS, name), encoding="utf-8") as fh:
            return fh.read()
