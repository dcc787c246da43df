"""VC409 corpus, Emmett: `redirect()` from `emmett` sends the browser where the client's `request` says."""
from emmett import App, redirect, request, url

app = App(__name__)


@app.route("/go")
async def go():
    # expect: VC409 -- an open redirect
    redirect(request.query_params.next or url("index"))


@app.route("/back")
async def back():
    # ok: VC409 -- a route of the app, by name
    redirect(url("index"))
