import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from support.models import Message
from support.routing import websocket_urlpatterns

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

app = URLRouter(websocket_urlpatterns)


def communicator(path, user):
    comm = WebsocketCommunicator(app, path)
    comm.scope["user"] = user
    return comm


async def test_customer_gets_history(customer, ticket):
    comm = communicator(f"/ws/tickets/{ticket.pk}/", customer)
    connected, _ = await comm.connect()
    assert connected
    first = await comm.receive_json_from()
    assert first == {"type": "history", "messages": []}
    await comm.disconnect()


async def test_send_message_is_broadcast(customer, ticket):
    comm = communicator(f"/ws/tickets/{ticket.pk}/", customer)
    await comm.connect()
    await comm.receive_json_from()
    await comm.send_json_to({"action": "send", "body": "hello?"})
    event = await comm.receive_json_from()
    assert event["type"] == "message"
    assert event["message"]["body"] == "hello?"
    await comm.disconnect()


# expect: VC303
async def test_delete_message(customer, ticket):
    message = await Message.objects.acreate(ticket=ticket, author=customer, body="oops")
    comm = communicator(f"/ws/tickets/{ticket.pk}/", customer)
    await comm.connect()
    await comm.receive_json_from()
    await comm.send_json_to({"action": "delete", "message_id": message.pk})
    await comm.disconnect()


async def test_queue_rejects_customers(customer):
    comm = communicator("/ws/agents/queue/", customer)
    connected, code = await comm.connect()
    assert not connected
    assert code == 4403


async def test_queue_rejects_anonymous():
    comm = communicator("/ws/agents/queue/", AnonymousUser())
    connected, _ = await comm.connect()
    assert connected is False


async def test_agent_claims_ticket(agent, ticket):
    comm = communicator("/ws/agents/queue/", agent)
    assert (await comm.connect())[0]
    await comm.send_json_to({"action": "claim", "ticket_id": ticket.pk})
    reply = await comm.receive_json_from()
    assert reply == {"type": "claimed", "ok": True}
    await comm.disconnect()


async def test_search(customer, ticket):
    await Message.objects.acreate(ticket=ticket, author=customer, body="the printer is on fire")
    comm = communicator(f"/ws/tickets/{ticket.pk}/", customer)
    await comm.connect()
    await comm.receive_json_from()
    await comm.send_json_to({"action": "search", "q": "fire"})
    reply = await comm.receive_json_from()
    # expect: VC311
    for result in reply["results"]:
        assert "fire" in result["body"]
    await comm.disconnect()
