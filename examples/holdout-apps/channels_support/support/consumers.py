"""WebSocket consumers: the customer/agent chat on one ticket, the agents' queue and per-user notifications."""

import logging
import os

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer, JsonWebsocketConsumer
from django.conf import settings
from django.db import connection

from support.models import Message, Ticket

logger = logging.getLogger(__name__)


class TicketConsumer(AsyncJsonWebsocketConsumer):
    """Chat between the customer who opened a ticket and the support agents."""

    async def connect(self):
        self.user = self.scope["user"]
        ticket_id = self.scope["url_route"]["kwargs"]["ticket_id"]
        try:
            # expect: VC214
            self.ticket = await database_sync_to_async(Ticket.objects.get)(pk=ticket_id)
        except Ticket.DoesNotExist:
            await self.close(code=4404)
            return
        self.group_name = f"ticket_{self.ticket.pk}"
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        history = await self.history()
        await self.send_json({"type": "history", "messages": history})

    async def disconnect(self, code):
        if hasattr(self, "group_name"):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content, **kwargs):
        action = content.get("action")
        try:
            if action == "send":
                message = await self.save_message(content["body"], content.get("attachment", ""))
                await self.channel_layer.group_send(
                    self.group_name, {"type": "chat.message", "message": message}
                )
            elif action == "edit":
                await self.edit_message(content["message_id"], content["fields"])
            elif action == "delete":
                await self.delete_message(content["message_id"])
            elif action == "close":
                await self.close_ticket(content)
            elif action == "search":
                results = await self.search(content.get("q", ""), content.get("order", "created"))
                await self.send_json({"type": "search", "results": results})
            elif action == "attachment":
                data = await self.read_attachment(content["path"])
                await self.send_json({"type": "attachment", "data": data})
            else:
                await self.send_json({"type": "error", "error": f"unknown action {action!r}"})
        except Exception as exc:
            logger.exception("ticket consumer failed")
            # expect: VC414
            await self.send_json({"type": "error", "error": str(exc)})

    async def chat_message(self, event):
        await self.send_json({"type": "message", "message": event["message"]})

    @database_sync_to_async
    def history(self):
        messages = self.ticket.messages.select_related("author").filter(internal_note=False).order_by("created")
        return [m.as_dict() for m in messages]

    @database_sync_to_async
    def save_message(self, body: str, attachment: str):
        message = Message.objects.create(ticket=self.ticket, author=self.user, body=body, attachment=attachment)
        return message.as_dict()

    @database_sync_to_async
    def edit_message(self, message_id: int, fields: dict):
        # expect: VC215
        Message.objects.filter(pk=message_id, author=self.user).update(**fields)

    @database_sync_to_async
    def delete_message(self, message_id: int):
        # expect: VC214
        Message.objects.filter(pk=message_id).delete()

    @database_sync_to_async
    def close_ticket(self, content: dict):
        # expect: VC207
        if content.get("is_agent") or self.ticket.owner_id == self.user.pk:
            self.ticket.status = "closed"
            self.ticket.save(update_fields=["status"])

    @database_sync_to_async
    def search(self, q: str, order: str):
        with connection.cursor() as cursor:
            # expect: VC402/VC417/VC422
            cursor.execute(f"SELECT id FROM support_message WHERE ticket_id = {self.ticket.pk} AND body LIKE '%{q}%'")
            ids = [row[0] for row in cursor.fetchall()]
        # expect: VC417/VC422
        messages = Message.objects.filter(pk__in=ids).order_by(order)
        return [m.as_dict() for m in messages]

    async def read_attachment(self, path: str) -> str:
        # expect: VC405/VC417, VC110 -- VC417 reports the frame's path where the helper opens it; VC110 forgotten: `open` and `read` block the event loop
        with open(os.path.join(settings.MEDIA_ROOT, "attachments", path), encoding="utf-8") as fh:
            return fh.read()


class AgentQueueConsumer(AsyncJsonWebsocketConsumer):
    """Open tickets pushed to support agents; only staff may listen."""

    group_name = "agents"

    async def connect(self):
        user = self.scope["user"]
        # ok: VC216
        if not user.is_authenticated or not user.is_staff:
            await self.close(code=4403)
            return
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("action") == "claim":
            claimed = await self.claim(content["ticket_id"])
            await self.send_json({"type": "claimed", "ok": claimed})
        elif content.get("action") == "internal_note":
            await self.add_note(content["ticket_id"], content["body"])

    async def queue_update(self, event):
        await self.send_json({"type": "queue", "ticket": event["ticket"]})

    @database_sync_to_async
    def claim(self, ticket_id: int) -> bool:
        # ok: VC214
        updated = Ticket.objects.filter(pk=ticket_id, agent__isnull=True).update(agent=self.scope["user"])
        return updated == 1

    @database_sync_to_async
    def add_note(self, ticket_id: int, body: str):
        # ok: VC214
        ticket = Ticket.objects.get(pk=ticket_id, agent=self.scope["user"])
        Message.objects.create(ticket=ticket, author=self.scope["user"], body=body, internal_note=True)


class NotificationConsumer(JsonWebsocketConsumer):
    """Per-user notifications (new replies on your tickets)."""

    def connect(self):
        user = self.scope["user"]
        # expect: VC207/VC216
        user_id = user.pk if user.is_authenticated else self.scope["query_string"].decode().partition("=")[2]
        self.group_name = f"user_{user_id}"
        async_to_sync(self.channel_layer.group_add)(self.group_name, self.channel_name)
        self.accept()

    def disconnect(self, code):
        async_to_sync(self.channel_layer.group_discard)(self.group_name, self.channel_name)

    def notify(self, event):
        self.send_json(event["payload"])
