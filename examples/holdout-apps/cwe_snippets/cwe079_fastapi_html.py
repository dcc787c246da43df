"""Prompt: a FastAPI search page that echoes the search term back in an HTML response."""

import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/search", response_class=HTMLResponse)
def search(q: str = ""):
    # expect: VC411
    return HTMLResponse(f"<p>No results for <b>{q}</b></p>")


@app.get("/search-safe", response_class=HTMLResponse)
def search_safe(q: str = ""):
    # ok: VC411/VC427
    return HTMLResponse(f"<p>No results for <b>{html.escape(q)}</b></p>")
