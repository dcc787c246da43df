import logging
from urllib.parse import urlparse

import httpx
from fastapi import APIRouter, Request
from jinja2 import Environment, Template
from openai import OpenAI
from pydantic import BaseModel

from ..auth import CurrentDriver

log = logging.getLogger(__name__)
router = APIRouter(prefix="/reports", tags=["reports"])
client = OpenAI()
TEMPLATES = Environment(autoescape=True)
ALLOWED_WEBHOOK_HOSTS = {"hooks.slack.com", "hooks.example.com"}


class ExportRequest(BaseModel):
    webhook_url: str
    title: str = "Fleet report"


class FormulaRequest(BaseModel):
    question: str


@router.post("/export")
async def export(body: ExportRequest, driver: CurrentDriver):
    async with httpx.AsyncClient(timeout=10) as http:
        # expect: VC405
        resp = await http.post(body.webhook_url, json={"title": body.title})
    resp.raise_for_status()
    return {"sent": True}


@router.post("/export-safe")
async def export_safe(body: ExportRequest, driver: CurrentDriver):
    if urlparse(body.webhook_url).hostname not in ALLOWED_WEBHOOK_HOSTS:
        return {"sent": False}
    async with httpx.AsyncClient(timeout=10) as http:
        # ok: VC405
        resp = await http.post(body.webhook_url, json={"title": body.title})
    resp.raise_for_status()
    return {"sent": True}


@router.post("/render")
async def render(request: Request, driver: CurrentDriver):
    payload = await request.json()
    # expect: VC412
    return {"html": Template(payload["template"]).render(driver=driver.email)}


@router.post("/render-safe")
async def render_safe(request: Request, driver: CurrentDriver):
    payload = await request.json()
    # ok: VC412
    return {"html": TEMPLATES.from_string("<h1>{{ title }}</h1>").render(title=payload["title"])}


@router.post("/fuel-estimate")
def fuel_estimate(body: FormulaRequest, driver: CurrentDriver):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "Answer with a single Python arithmetic expression."},
                  {"role": "user", "content": body.question}],
    )
    expression = completion.choices[0].message.content.strip()
    log.info("estimate expression: %s", expression)
    # expect: VC401
    return {"litres": eval(expression)}
