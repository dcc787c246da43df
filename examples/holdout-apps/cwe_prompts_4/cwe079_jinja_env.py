"""Prompt: let users preview an email template they write, with their name filled in (Jinja2)."""
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

app = FastAPI()
env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
sandbox = SandboxedEnvironment(autoescape=True)


# expect: VC201 -- no authentication anywhere in the app
@app.post("/preview", response_class=HTMLResponse)
async def preview(payload: dict):
    body = payload.get("template", "")
    # expect: VC412/VC426
    template = env.from_string(body)
    return template.render(name=payload.get("name", ""))


@app.post("/preview-safe", response_class=HTMLResponse)
async def preview_safe(payload: dict):
    template = env.get_template("email_preview.html")
    # ok: VC412/VC426/VC411
    return template.render(body=payload.get("template", ""), name=payload.get("name", ""))


@app.post("/preview-sandboxed", response_class=HTMLResponse)
async def preview_sandboxed(payload: dict):
    # ok: VC412/VC426
    template = sandbox.from_string(payload.get("template", ""))
    return template.render(name=payload.get("name", ""))
