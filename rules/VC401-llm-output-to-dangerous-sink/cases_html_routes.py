"""VC401 corpus, model output returned as a route's page: a FastAPI route that declares HTML responses sends what it
returns as markup, a Flask view sends a string it builds as HTML; a JSON route, an escaped value and a template's
context do not."""
import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from flask import Flask, jsonify, render_template
from openai import OpenAI
from pydantic_ai import Agent

api = FastAPI()
web = Flask(__name__)
client = OpenAI()
agent = Agent("openai:gpt-4o")
MESSAGES = [{"role": "user", "content": "What is new?"}]


@api.get("/trip", response_class=HTMLResponse)
async def trip(q: str) -> str:
    result = await agent.run(q)
    # expect: VC401
    return f"<html><body><div class='summary'>{result.output}</div></body></html>"


@api.get("/trip/plain", response_class=HTMLResponse)
async def trip_plain(q: str) -> str:
    # expect: VC401
    return client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content


@api.get("/trip/escaped", response_class=HTMLResponse)
async def trip_escaped(q: str) -> str:
    result = await agent.run(q)
    # ok: VC401 -- escaped
    return f"<div>{html.escape(result.output)}</div>"


@api.get("/trip.json")
async def trip_json(q: str) -> dict:
    result = await agent.run(q)
    # ok: VC401 -- a JSON route
    return {"summary": result.output}


@api.get("/trip/text")
async def trip_text(q: str) -> str:
    # ok: VC401 -- FastAPI sends a returned string as JSON
    return client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content


@api.get("/trip/response", response_class=HTMLResponse)
async def trip_response(q: str) -> JSONResponse:
    reply = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- a response object of its own kind
    return JSONResponse({"summary": reply})


@web.get("/answer")
def answer():
    reply = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # expect: VC401
    return "<h1>Answer</h1><p>" + reply + "</p>"


@web.get("/answer/page")
def answer_page():
    reply = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- rendered through a template, which escapes it
    return render_template("answer.html", reply=reply)


@web.get("/answer.json")
def answer_json():
    reply = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- JSON
    return jsonify(reply=reply)


def not_a_route() -> str:
    reply = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- no route: the caller decides what it becomes
    return f"<p>{reply}</p>"
