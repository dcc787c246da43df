"""VC201 corpus: Modal's web endpoints (`@modal.fastapi_endpoint`, formerly `@modal.web_endpoint`) are FastAPI routes at a
URL made from the function's name, open to anyone unless `requires_proxy_auth=True` asks for Modal's proxy-auth
tokens; a plain `@app.function()` is called through Modal's client, not by a browser."""
import modal
from modal import web_endpoint

app = modal.App("jobs")


# expect: VC201 -- a POST endpoint anyone may call
@app.function()
@modal.fastapi_endpoint(method="POST")
def enqueue(item: dict):
    return {"queued": item["name"]}


# expect: VC201 -- the older name, imported bare
@app.function()
@web_endpoint(method="DELETE")
def purge(name: str):
    return {"purged": name}


# expect: VC201 -- proxy auth switched off
@app.function()
@modal.fastapi_endpoint(method="POST", requires_proxy_auth=False)
def enqueue_open(item: dict):
    return {"queued": item["name"]}


# ok: VC201 -- proxy auth asks for a token
@app.function()
@modal.fastapi_endpoint(method="POST", requires_proxy_auth=True)
def enqueue_private(item: dict):
    return {"queued": item["name"]}


# ok: VC201 -- a read
@app.function()
@modal.fastapi_endpoint()
def health():
    return {"ok": True}


# ok: VC201 -- no endpoint: called with `.remote()` by whoever holds the workspace's token
@app.function()
def retrain(name: str):
    return {"retrained": name}
