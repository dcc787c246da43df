"""VC401 corpus, model output returned by a route that declares its answer HTML by setting the response's content type
(Emmett's and Bottle's `response.content_type = "text/html"`, a `Content-Type` header): its returned text is the page."""
from emmett import App, response
from openai import OpenAI

notes = App(__name__)
client = OpenAI()
MESSAGES = [{"role": "user", "content": "Summarise my note."}]


@notes.route("/card")
async def card():
    response.content_type = "text/html"
    summary = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # expect: VC401
    return f"<div class='card'><p>{summary}</p></div>"


@notes.route("/card/header")
async def card_header():
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    summary = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # expect: VC401
    return "<p>" + summary + "</p>"


@notes.route("/card.txt")
async def card_text():
    response.headers["Content-Type"] = "text/plain"
    summary = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- sent as plain text
    return f"Summary: {summary}"


@notes.route("/card/raw")
async def card_raw():
    summary = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- nothing says this route answers HTML
    return f"{summary}"


@notes.route("/card/data")
async def card_data():
    response.content_type = "text/html"
    summary = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- a dict is the template's context, not the page
    return {"summary": summary}


def helper():
    response.content_type = "text/html"
    summary = client.chat.completions.create(model="gpt-4o", messages=MESSAGES).choices[0].message.content
    # ok: VC401 -- no route
    return f"<p>{summary}</p>"
