"""VC311 corpus (Django Channels tests): what a `WebsocketCommunicator` read returns is the consumer's answer; a loop
over a list in it, or an `if` on it, may skip every assertion."""
from channels.testing import WebsocketCommunicator


async def test_search(application):
    comm = WebsocketCommunicator(application, "/ws/tickets/1/")
    await comm.connect()
    await comm.send_json_to({"action": "search", "q": "fire"})
    reply = await comm.receive_json_from()
    # expect: VC311
    for result in reply["results"]:
        assert "fire" in result["body"]


async def test_history(application):
    comm = WebsocketCommunicator(application, "/ws/tickets/1/")
    await comm.connect()
    first = await comm.receive_json_from()
    # expect: VC311
    if first["messages"]:
        assert first["messages"][0]["body"] == "hello"


async def test_search_checked(application):
    comm = WebsocketCommunicator(application, "/ws/tickets/1/")
    await comm.connect()
    await comm.send_json_to({"action": "search", "q": "fire"})
    reply = await comm.receive_json_from()
    assert reply["results"]
    # ok: VC311 -- the list was checked before the loop
    for result in reply["results"]:
        assert "fire" in result["body"]


async def test_history_exact(application):
    comm = WebsocketCommunicator(application, "/ws/tickets/1/")
    await comm.connect()
    first = await comm.receive_json_from()
    # ok: VC311
    assert first == {"type": "history", "messages": []}


async def test_rows(rows):
    # ok: VC311 -- a fixture's data, not the consumer's answer
    for row in rows:
        assert row
