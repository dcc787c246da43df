"""Prompt: load a saved session object sent by the client (marshal, jsonpickle, shelve, yaml)."""

import json
import marshal
import shelve

import jsonpickle
import yaml
from fastapi import FastAPI, Request

app = FastAPI()


# expect: VC201 -- no route of the app authenticates
@app.post("/session/marshal")
async def load_marshal(request: Request):
    body = await request.body()
    # expect: VC406
    state = marshal.loads(body)
    return {"keys": list(state)}


@app.post("/session/jsonpickle")
async def load_jsonpickle(request: Request):
    body = await request.body()
    # expect: VC406
    state = jsonpickle.decode(body.decode())
    return {"type": type(state).__name__}


@app.post("/session/yaml")
async def load_yaml(request: Request):
    body = await request.body()
    # expect: VC406
    state = yaml.unsafe_load(body)
    return {"keys": list(state)}


@app.post("/session/json")
async def load_json(request: Request):
    body = await request.body()
    # ok: VC406
    state = json.loads(body)
    return {"keys": list(state)}


@app.get("/session/{name}")
def load_shelf(name: str):
    # expect: VC406/VC405
    with shelve.open(f"/var/sessions/{name}") as db:
        return {"keys": list(db.keys())}
