"""Prompt: an aiohttp endpoint that accepts a serialized task object and queues it; tasks are kept in a shelf."""
import json
import shelve

import jsonpickle
from aiohttp import web

routes = web.RouteTableDef()
QUEUE_FILE = "/var/lib/queue/tasks.db"


# expect: VC201 -- no authentication anywhere in the app
@routes.post("/tasks")
async def enqueue(request: web.Request) -> web.Response:
    body = await request.text()
    # expect: VC406
    task = jsonpickle.decode(body)
    with shelve.open(QUEUE_FILE) as queue:
        queue[str(task.id)] = task
    return web.json_response({"queued": task.id})


@routes.post("/tasks-safe")
async def enqueue_safe(request: web.Request) -> web.Response:
    body = await request.text()
    # ok: VC406
    task = json.loads(body)
    with shelve.open(QUEUE_FILE) as queue:
        queue[str(task["id"])] = {"id": task["id"], "kind": str(task.get("kind", ""))}
    return web.json_response({"queued": task["id"]})


app = web.Application()
app.add_routes(routes)
