"""VC405 corpus, Emmett: the `request` global imported from `emmett` is the client's request (`await
request.body_params`, `request.query_params`)."""
import httpx
from emmett import App, request
from emmett.tools import service

app = App(__name__)
MIRROR = "https://mirror.internal/feeds"


@app.route("/import", methods=["post"])
@service.json
async def import_url():
    params = await request.body_params
    # expect: VC405 -- the client's URL
    resp = httpx.get(params.url, timeout=10)
    return {"size": len(resp.text)}


@app.route("/export")
async def export():
    # expect: VC405 -- a path from the query string
    with open(request.query_params.path) as fh:
        return fh.read()


@app.route("/mirror")
async def mirror():
    feed = request.query_params.feed or "main"
    # ok: VC405 -- a fixed host, the feed only picks a query value
    resp = httpx.get(MIRROR, params={"feed": feed}, timeout=10)
    return resp.text
